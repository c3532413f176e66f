"""Where an organization's name begins: read leftwards from its core with rjieba's tagger.

A name ends with a core (人民法院, 实验室, 司法局) and starts where a reader's eye stops going left: at a
clause boundary (punctuation, a clause verb such as 设立 or 深化, 二是), at a generic or counting word
(各级, 新增10个), or at the place it is named after (积极对接深圳市城市大数据中心 → 深圳市…). Verbs,
numbers and locality words inside a name (湘江应用技术学院, 第一医院) are crossed only when the walk then
reaches a clause boundary. :class:`NameWalker` does the reading with the word lists of ``org_words.json``
(:class:`OrgWords`) and the division table.

Examples
--------
>>> from lawgraph.extract.data import Lexicon, load_gazetteer
>>> lexicon = Lexicon.from_package(["org_words.json"])
>>> walker = NameWalker(OrgWords.from_json(lexicon.json("org_words.json")), load_gazetteer(), ["大学"])
>>> text = "。全力支持香港中文大学发展"
>>> walk = walker.left_extent(text, text.index("大学"), 0)
>>> text[walk.begin : text.index("大学") + 2], walk.proper, walk.generic
('香港中文大学', True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from lawgraph.extract.gazetteer import Gazetteer
from lawgraph.extract.org_names import LEVEL_WORDS

__all__ = ["BRACKETED", "CJK", "CLASSIFIERS", "KIND_WORD", "PROPER_TAGS", "NameWalker", "OrgWords", "Walk"]

CJK = re.compile(r"[\u4e00-\u9fff]")
PUNCT = re.compile(r"[\s，。、；：！？,.;:!?（）()“”\"《》【】]")
# Tags of words that can sit inside a name before its core (nouns, places, abbreviations, idioms …).
_NAME_TAGS = frozenset({"n", "nz", "ns", "nt", "j", "l", "ng", "an", "b", "eng", "nrt", "nrfg", "i", "s"})
_BRIDGE_TAGS = frozenset({"v", "vn", "m", "f", "a", "vd", "ad", "nr", "ag", "z", "t"})
"""Tags of words crossed inside a name only when the walk then reaches a clause boundary."""
PROPER_TAGS = frozenset({"ns", "nr", "nz", "nt", "eng", "nrt", "nrfg", "s"})
_CONJUNCTIONS = frozenset({"与"})
"""Crossed like a verb inside a name that a clause boundary closes (国际葡萄与葡萄酒交流合作中心)."""
_BUILD_WORDS = frozenset({"建设", "建造", "创建", "共建"})
"""Verbal nouns that, right before a core, say what is done to the body (牵头建设…实验室), not what it
does."""
_CLAUSE_WORDS = frozenset({"是", "为", "在", "对", "把", "将", "由", "从", "向", "被"})
"""Words that start a clause: a name never reaches left of them."""
BRACKETED = re.compile(r"[（(][\u4e00-\u9fff]{1,8}[）)]|“[^“”，。]{1,12}”")
"""A bracketed qualifier or a quoted slogan inside a name (上海（长三角）国际科技创新中心, 中国（深圳）…,
政务服务“跨域通办”联盟)."""
CLASSIFIERS = frozenset("个家所批项类座级")
KIND_WORD = re.compile(r"型$|[^文]{2}化$")
"""A word that classifies (紧密型, 一体化): a name with one names a kind of body."""
_HEAD_CORES = frozenset({"大学", "学院", "医院", "中心", "集团", "公司", "研究院", "实验室"})
_WINDOW = 18
_MAX_NAME = 14


def _split_clause_level(tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Split a clause word glued to a level word (rjieba reads 分别为区… as 为区): the name starts at 区.

    >>> _split_clause_level([("分别", "d"), ("为区", "n"), ("消防", "n")])
    [('分别', 'd'), ('为', 'p'), ('区', 'n'), ('消防', 'n')]
    """
    out: list[tuple[str, str]] = []
    for word, tag in tagged:
        if len(word) == 2 and word[0] in _CLAUSE_WORDS and word[1] in LEVEL_WORDS:
            out += [(word[0], "p"), (word[1], "n")]
        else:
            out.append((word, tag))
    return out


@dataclass(frozen=True, slots=True)
class OrgWords:
    """The word lists of ``data/org_words.json``: what a name is not (generic words, actions, counts)."""

    generic: frozenset[str]
    generic_head: re.Pattern[str]
    level_words: frozenset[str]
    not_levels: tuple[str, ...]
    generic_modifiers: frozenset[str]
    action_words: frozenset[str]
    action_heads: tuple[str, ...]
    national_words: frozenset[str]
    function_chars: frozenset[str]
    zone_cores: frozenset[str]
    function_verbs: frozenset[str]
    generic_fields: tuple[str, ...]
    function_actions: frozenset[str]
    list_generic_item: re.Pattern[str]
    list_tail: re.Pattern[str]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OrgWords:
        """Compile the lists of the parsed ``org_words.json``."""

        def words(key: str) -> frozenset[str]:
            return frozenset(data[key]["words"])

        def alternation(items: frozenset[str]) -> str:
            return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))

        generic = words("generic")
        return cls(
            generic=generic,
            generic_head=re.compile(alternation(generic)),
            level_words=words("level_words"),
            not_levels=tuple(sorted(words("not_levels"), key=len, reverse=True)),
            generic_modifiers=words("generic_modifiers"),
            action_words=words("action_words"),
            action_heads=tuple(sorted(words("action_words"), key=len, reverse=True)),
            national_words=words("national_words"),
            function_chars=frozenset(data["function_chars"]["chars"]),
            zone_cores=words("zone_cores"),
            function_verbs=words("function_verbs"),
            generic_fields=tuple(words("generic_fields")),
            function_actions=words("function_actions"),
            list_generic_item=re.compile("(?:" + alternation(words("list_generic_endings")) + ")$"),
            # 等 + an optional count (23个, 9家) + up to four qualifying characters (龙头) + the list noun
            list_tail=re.compile(
                r"等(?:[0-9]+|[一二三四五六七八九十百几多]+)?[个家批]?[^\W的]{0,2}?(?:"
                + alternation(words("list_nouns"))
                + ")"
            ),
        )


@dataclass(frozen=True, slots=True)
class Walk:
    """Where a name begins, whether it holds a proper name or place, and whether it names a kind."""

    begin: int
    proper: bool
    generic: bool


class NameWalker:
    """Reads where names begin (see the module docstring).

    Parameters
    ----------
    words : OrgWords
        The word lists of ``org_words.json``.
    gazetteer : Gazetteer
        The division table: the places a name may start with.
    cores : iterable of str
        The cores names end with (a word ending with one ends a name: 海螺集团与皖维集团 is two names).
    """

    def __init__(self, words: OrgWords, gazetteer: Gazetteer, cores: Iterable[str]) -> None:
        import rjieba  # a core dependency (the tokenizer's segmenter); its tagger reads names leftwards

        self.words = words
        self.gazetteer = gazetteer
        self.cores = frozenset(core for core in cores if len(core) > 1)
        self.core_heads = tuple(sorted(core for core in self.cores if core in _HEAD_CORES))
        """Cores a modifier may not start with (大学 in 大学临床医学院)."""
        # A full division name, the short form of a province or city, or a level word (a word ending with 新区
        # too). Short forms of counties are left out: many are common words (友好区 → 友好, 新建区 → 新建).
        self.place_words = frozenset(gazetteer.by_official_name).union(
            LEVEL_WORDS,
            (short for short, divs in gazetteer.by_any_short_form.items() if any(d.level <= 2 for d in divs)),
        )
        self.tag: Callable[[str], list[tuple[str, str]]] = rjieba.tag
        self._cut_words = rjieba.cut

    def cut(self, text: str) -> list[str]:
        """rjieba's words of ``text``."""
        return list(self._cut_words(text))

    def left_extent(self, text: str, start: int, floor: int, *, floor_bounds: bool = False) -> Walk:
        """Where the name whose core starts at ``start`` begins (never before ``floor``).

        Walks rjieba's tagged words leftwards over nouns and places. Verbs, numbers and locality words
        are crossed (two at most) only when the walk then reaches a clause boundary; otherwise the name
        starts after the first of them. A generic quantifier (各级, 全区) right before marks the whole
        phrase generic.
        """
        lo = max(floor, start - _WINDOW)
        if lo >= start or not (CJK.match(text[start - 1]) or text[start - 1] == "”"):
            return Walk(start, False, False)
        words = self.words
        action_heads, generic_words, national_words = words.action_heads, words.generic, words.national_words
        # word, tag, bridged, place word, anchor (a word a name can start with: a place, or 中央, 国家)
        taken: list[tuple[str, str, bool, bool, bool]] = []
        boundary = False
        by_action = False
        generic = False
        size = 0
        bridges = 0
        tagged = list(reversed(_split_clause_level(self.tag_bracketed(text[lo:start]))))
        for index, (word, tag) in enumerate(tagged):
            if word in ("-", "—") and taken and index + 1 < len(tagged) and tagged[index + 1][1] == "ns":
                taken.append((word, "x", False, False, False))  # 中国—中亚…合作中心
                size += 1
                continue
            if BRACKETED.fullmatch(word) and (taken or word[0] == "“"):  # 上海（长三角）…, “跨域通办”联盟
                taken.append((word, "nz", False, False, False))
                size += len(word)
                continue
            if not CJK.match(word):
                boundary = bool(PUNCT.match(word))
                break
            function = index == 0 and word in words.function_actions  # 保障 + 中心: what the body does
            if (word.startswith(action_heads) and not function) or word in _CLAUSE_WORDS or word[-1:] == "是":
                boundary = by_action = True  # 新建华夏中学: what is done to a body is not its name; 二是…
                break
            place = self.is_place_word(word, tag)
            field = taken and (word + taken[-1][0]).startswith(words.generic_fields)  # 民营 + 经济
            if (word in generic_words or word.startswith("各")) and not field:
                after = tagged[index + 1] if index + 1 < len(tagged) else None
                if after is None or after[0] in LEVEL_WORDS or not self.is_place_word(*after):
                    # 绵阳全国…交易中心 is a name
                    generic = not any(t[3] for t in taken)
                    break
            if size + len(word) > _MAX_NAME:
                break
            verb_taken = any(t[2] and t[1] == "v" for t in taken)  # a count left of a verb
            if tag == "m" and word[-1] in CLASSIFIERS:  # 升格一批…大学, 国家一级图书馆: a count or a rank
                generic = not verb_taken  # counts another thing (两个学科进入中国医学科学院)
                break
            if word in _CONJUNCTIONS and index + 1 < len(tagged) and self.ends_name(tagged[index + 1][0]):
                boundary = True  # 海螺集团与皖维集团: two names
                break
            anchor = place or (tag == "ns" and len(word) > 1 and word not in words.level_words)
            anchor = anchor or word in national_words
            serves = index == 0 and tag == "vn" and word not in _BUILD_WORDS  # 综合服务 + 中心: its function
            named = tag in _NAME_TAGS or place or serves or word in national_words  # 首都 is tagged d
            if named and word not in _CONJUNCTIONS:
                taken.append((word, tag, False, place, anchor))
            elif (tag in _BRIDGE_TAGS or word in _CONJUNCTIONS) and bridges < 2:
                taken.append((word, tag, True, place, anchor))
                bridges += 1
            else:
                before = tagged[index + 1] if index + 1 < len(tagged) else ("", "")
                counted = tag == "q" or (len(word) == 1 and (before[1] == "m" or before[0].isdigit()))
                generic = generic or (counted and not verb_taken)  # 新增10个…学院: a count names a kind
                break
            size += len(word)
        else:
            boundary = lo == 0 or (floor_bounds and lo == floor)
        # A verb before a place starts a clause (积极对接深圳市城市大数据中心): the name starts at the place.
        seen_place = False
        for i, (_word, word_tag, bridged, _place, anchor) in enumerate(taken):
            if bridged and seen_place and taken[i - 1][4]:
                taken = taken[:i]
                break
            if word_tag == "v" and i + 1 < len(taken) and taken[i + 1][4] and not by_action:
                taken = taken[:i]  # 在深圳设立研发中心: a verb right after a place starts a clause
                break
            seen_place = seen_place or anchor
        if boundary:
            while taken and taken[-1][2] and taken[-1][1] not in ("f", "nr"):
                taken.pop()
        elif seen_place:  # the name starts at its leftmost place (or 中央, 国家)
            last_place = max(i for i, t in enumerate(taken) if t[4])
            taken = taken[: last_place + 1]
        else:
            first_bridge = next((i for i, t in enumerate(taken) if t[2]), None)
            if first_bridge is not None:
                taken = taken[:first_bridge]
        while taken and BRACKETED.fullmatch(taken[-1][0]):
            taken.pop()  # a name does not start with a bracket
        begin = start - sum(len(t[0]) for t in taken)
        proper = any(t[3] or (t[1] in PROPER_TAGS and t[0] not in words.level_words) for t in taken)
        return Walk(begin, proper, generic)

    def tag_bracketed(self, text: str) -> list[tuple[str, str]]:
        """rjieba's tags of ``text``; a bracketed qualifier inside a name (上海（长三角）) is one proper
        word."""
        out: list[tuple[str, str]] = []
        pos = 0
        for match in BRACKETED.finditer(text):
            out.extend(self.tag(text[pos : match.start()]) if match.start() > pos else [])
            out.append((match.group(0), "nz"))
            pos = match.end()
        out.extend(self.tag(text[pos:]) if pos < len(text) else [])
        return out

    def ends_name(self, word: str) -> bool:
        """Whether a word ends with the core of a body's name (海螺集团)."""
        return any(word.endswith(core) for core in self.cores)

    def is_place_word(self, word: str, tag: str) -> bool:
        """Whether a word of the walk names a place (a division, a province's or city's short form, a level
        word or a new area)."""
        return word in self.place_words or word.endswith("新区")

    def place_before(self, text: str, start: int, floor: int, level: str = "") -> tuple[int, str] | None:
        """A place name written right before ``start`` (甘肃 in 甘肃省委, 宁夏回族 in 宁夏回族自治区党委): its
        start and text."""
        index = self.gazetteer
        for size in range(min(8, start - floor), 1, -1):
            piece = text[start - size : start]
            if piece in index.by_any_short_form or piece in index.by_official_name:
                return start - size, piece
            if level and piece + level in index.by_official_name:
                return start - size, piece
        return None

    def is_word(self, text: str, start: int, end: int, floor: int, *, head: bool = False) -> bool:
        """Whether ``text[start:end]`` starts and ends a word as rjieba cuts its surroundings (工会 in
        支持工会, not 台联 in 平台联动); with ``head``, starting one is enough (人大 in 人大代表)."""
        lo = max(floor, start - 4)
        bounds = {lo}
        heads = set()  # where a word starts at ``start`` and runs past ``end`` (人大 in 人大代表)
        pos = lo
        for word in self.cut(text[lo : end + 3]):
            if pos == start and pos + len(word) > end:
                heads.add(pos)
            pos += len(word)
            bounds.add(pos)
        return start in bounds and (end in bounds or (head and start in heads))

    def word_ends_at(self, text: str, end: int, floor: int) -> bool:
        """Whether a one-character core ending at ``end`` stands as a unit of its own.

        It must not sit inside a longer word (科 in 莫斯科大学) nor end a two-character word (学科, 骨科,
        棋局) or a proper name (莫斯科); it may end a longer word (咨询组) or start one (组等), as rjieba
        tags them.
        """
        start = end - 1
        lo = max(floor, start - 4)
        pos = lo
        for word, tag in self.tag(text[lo : end + 3]):
            if pos <= start < pos + len(word):
                if pos == start:
                    return True
                return pos + len(word) == end and len(word) > 2 and tag not in PROPER_TAGS
            pos += len(word)
        return True
