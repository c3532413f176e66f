"""The words of a clause as :mod:`lawgraph.extract.counted` reads them: tagged, put right, given roles.

rjieba tags every word (``n`` noun, ``v`` verb, ``vn`` verbal noun, ``d`` adverb …). Its dictionary is made
for general text, so a few of its habits are put right here: a quoted name, a short aside such as ``(州)``
and a date are one word each; the 等 that closes a list is cut off the word it was glued to (赛事|等促 →
赛事|等|促); two words that make a word of ``data/counted_words.tsv`` are joined (占|比 → 占比); and its
"pronouns" and "conjunctions" outside the closed lists of those (本科, 分所) count as parts of names.

``data/counted_words.tsv`` gives the words of official statistics their roles (``link``, ``govern`` …; the
file explains each). :class:`CountedWords` answers what the reader asks of a word: its class
(:meth:`~CountedWords.kind`), whether a phrase read backwards ends at it (:meth:`~CountedWords.ends_phrase`),
whether it can end a phrase (:meth:`~CountedWords.is_head`).

Examples
--------
>>> lexicon = CountedWords.from_lexicon(Lexicon.from_package(["counted_words.tsv"]))
>>> [(w.text, w.tag) for w in tag_words("发放“安逸”消费券", 0, 9, lexicon)]
[('发放', 'v'), ('“安逸”', 'QUOTE'), ('消费', 'vn'), ('券', 'n')]
>>> [(w.text, w.kind) for w in tag_words("举办赛事等活动12场", 0, 7, lexicon)]
[('举办', 'verb'), ('赛事', 'word'), ('等', 'deng'), ('活动', 'word')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from lawgraph.extract.data import Lexicon

__all__ = ["CONJUNCTIONS", "CountedWords", "ROLES", "START", "Tokens", "Word", "cut_tokens", "tag_words"]

ROLES = frozenset(
    {
        "link",
        "lead",
        "carry",
        "keep",
        "select",
        "state",
        "ratio",
        "govern",
        "act",
        "compare",
        "measure",
        "mark",
    }
    | {"verb", "noun"}
)
"""The roles a word of ``counted_words.tsv`` may have."""
CONJUNCTIONS = frozenset({"、", "和", "与", "及", "以及", "或"})
"""What joins the names of a list (参学率、考试通过率; 城镇和农村居民收入)."""

_SPECIAL = re.compile(
    r"[“\"「][^“”\"「」\n，,。；;]{1,24}[”\"」]"  # a quoted name
    r"|[(（][^()（）\n，,。；;\d]{1,6}[)）]"  # a short aside inside a name: 市(州), 县(市、区)
    r"|(?:19|20)\d{2}年(?:度|\d{1,2}月(?:\d{1,2}日)?)?"  # a date
    r"|(?:连续|长达|历时|近)[\d一二三四五六七八九十]{1,3}年"  # a span of years, which counts nothing
    r"|\d{2,4}强"  # a rank inside a name: 世界500强企业
)
_DENG_WORDS = frozenset({"等待", "等候", "等同", "等于", "等级", "等等", "等额"})
"""Words with 等 that do not close a list."""
_PRONOUNS = frozenset(
    {
        "其中",
        "其他",
        "其余",
        "各类",
        "各项",
        "各种",
        "各级",
        "各地",
        "这些",
        "那些",
        "这个",
        "那个",
        "这样",
        "那样",
        "该项",
        "此类",
        "我们",
        "我区",
        "我市",
        "我县",
        "我省",
        "我国",
        "本区",
        "本市",
        "本县",
        "本省",
        "有关",
        "相关",
        "自身",
        "各自",
        "大家",
        "他们",
        "它们",
        "什么",
        "如何",
        "怎样",
        "多少",
        "哪些",
        "一切",
        "所有",
        "每个",
        "每年",
        "每月",
    }
)
"""Pronouns and determiners of two characters and more; the tagger's other ``r`` words are nouns (本科)."""
_CONJUNCTION_WORDS = frozenset(
    {
        "和",
        "与",
        "及",
        "或",
        "并",
        "而",
        "且",
        "但",
        "跟",
        "同",
        "以及",
        "及其",
        "或者",
        "并且",
        "而且",
        "但是",
        "还是",
        "因此",
        "所以",
        "因为",
        "如果",
        "虽然",
        "同时",
        "此外",
        "因而",
        "从而",
        "进而",
        "以便",
        "以免",
        "不仅",
        "而是",
        "然而",
        "不但",
        "只有",
        "只要",
        "除了",
        "由于",
        "为了",
        "通过",
    }
)
"""The conjunctions; the tagger's other ``c`` words are parts of names (分所|所)."""
_STOP_TAGS = frozenset("pcruxyeow")
"""Tags (first letter) of words no name holds: prepositions, conjunctions, pronouns, particles,
punctuation, modal words, interjections, onomatopoeia."""
_NEGATED_TAGS = frozenset({"l", "v", "a", "d", "i"})
"""Tags of a word starting with 不 that is a predicate (不胜任, 不作为), unlike a noun (不动产)."""
_HEAD_LESS_TAGS = frozenset({"f", "a", "b", "t", "d", "p"})
"""Tags of words that only narrow a name (以上, 省级, 未来) and cannot end one."""


class Word(NamedTuple):
    """A word of a clause, ``text[begin:end]``, with its tag: rjieba's, or ``Q`` (a number of the sentence),
    ``DATE``, ``QUOTE``, ``PAREN`` (a short aside) or ``KNOWN`` (joined into a word of the roles file); and
    its class (:meth:`CountedWords.kind`), set by :func:`tag_words`."""

    text: str
    tag: str
    """rjieba's tag, or one of this module: Q, DATE, QUOTE, PAREN, RANK (世界500强), KNOWN."""
    begin: int
    end: int
    number: int = -1
    """For a number: its index among the sentence's numbers."""
    kind: str = "stop"
    roles: frozenset[str] = frozenset()
    """Its roles in ``counted_words.tsv``."""


_NO_ROLES: frozenset[str] = frozenset()
_TAG_MEMORY = 200_000
"""How many tagged words :meth:`CountedWords.tag_span` remembers before it starts again."""
START = Word("", "x", -1, -1)
"""What stands before the first word of a clause."""


def _rjieba_words(text: str) -> list[tuple[str, str]]:
    """rjieba's words and tags for ``text``; the 等 that closes a list is a word of its own (等促 (v),
    奥莱等 (nr): the tagger glues it to a word)."""
    import rjieba

    tagged: list[tuple[str, str]] = rjieba.tag(text)
    if "等" not in text:
        return tagged
    out: list[tuple[str, str]] = []
    for word, tag in tagged:
        if len(word) > 1 and "等" in (word[0], word[-1]) and word not in _DENG_WORDS and tag != "m":
            rest = word[1:] if word[0] == "等" else word[:-1]
            pieces = rjieba.tag(rest)
            out.extend([("等", "u"), *pieces] if word[0] == "等" else [*pieces, ("等", "u")])
        else:
            out.append((word, tag))
    return out


def _first_is_verbal(head: str) -> bool:
    """Whether rjieba reads ``head`` alone as a verb or an adverb (统筹, 依法), not a noun (资金)."""
    import rjieba

    tagged: list[tuple[str, str]] = rjieba.tag(head)
    return len(tagged) == 1 and tagged[0][1] in ("v", "vd", "d", "ad")


Tokens = tuple[Sequence[int], Sequence[int]]
"""Where the words of a text start and end, sorted (the segmenter's, as a Doc holds them)."""


def cut_tokens(text: str, begin: int = 0) -> Tokens:
    """The words rjieba cuts ``text`` into, as :data:`Tokens` offset by ``begin`` (the pipeline's
    tokenizer cuts the same way; a text read without a Doc is cut here)."""
    import rjieba

    starts, ends, pos = [], [], begin
    for word in rjieba.cut(text):
        starts.append(pos)
        pos += len(word)
        ends.append(pos)
    return starts, ends


def tag_words(
    text: str, begin: int, end: int, lexicon: CountedWords, tokens: Tokens | None = None
) -> list[Word]:
    """The words of ``text[begin:end]`` (the ``tokens`` of the text, cut at the two ends; rjieba's when not
    given) with their tags and classes; quotes, short asides and dates are one word each, and two words
    that make a word of the roles file are joined (占|比 → 占比)."""
    if tokens is None:
        tokens = cut_tokens(text[begin:end], begin)
    words: list[Word] = []
    pos = begin
    for match in _SPECIAL.finditer(text, begin, end):
        lexicon.add_words(text, pos, match.start(), tokens, words)
        special = match.group()
        tag = (
            "QUOTE"
            if special[0] in '“"「'
            else "PAREN"
            if special[0] in "(（"
            else "RANK"
            if special.endswith("强")
            else "DATE"
        )
        words.append(Word(special, tag, match.start(), match.end(), -1, lexicon.kind_of(special, tag)))
        pos = match.end()
    lexicon.add_words(text, pos, end, tokens, words)
    return words


@dataclass(frozen=True, slots=True)
class CountedWords:
    """The roles of the words of ``counted_words.tsv`` and what follows from them for a tagged word."""

    roles: Mapping[str, frozenset[str]]
    _kinds: dict[tuple[str, str], str] = field(default_factory=dict, compare=False, repr=False)
    _by_role: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _tags: dict[str, tuple[tuple[str, str, str, frozenset[str]], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        for role in ROLES:
            self._by_role[role] = frozenset(w for w, r in self.roles.items() if role in r)

    @property
    def measures(self) -> frozenset[str]:
        """The words of role ``measure`` (增加值, 收入 …)."""
        return self._by_role["measure"]

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> CountedWords:
        """Read ``counted_words.tsv`` (``WORD<TAB>ROLE``, a word may have several); an unknown role is an
        error of the file."""
        roles: dict[str, set[str]] = {}
        for row in lexicon.tsv("counted_words.tsv"):
            word, role = row[0], row[1] if len(row) > 1 else ""
            if role not in ROLES:
                raise ValueError(f"counted_words.tsv: unknown role {role!r} for {word!r}")
            roles.setdefault(word, set()).add(role)
        return cls({word: frozenset(r) for word, r in roles.items()})

    def add_words(self, text: str, begin: int, end: int, tokens: Tokens, words: list[Word]) -> None:
        """Append to ``words`` the words of ``text[begin:end]``: the ``tokens`` there, each tagged as rjieba
        tags it alone (remembered; a token it cuts further gives its pieces), two that make a word of the
        roles file joined into one (占|比 → 占比)."""
        starts, ends = tokens
        tags, roles = self._tags, self.roles
        i = bisect.bisect_right(ends, begin)
        count = len(starts)
        while i < count and starts[i] < end:
            at = starts[i] if starts[i] > begin else begin
            token = text[at : ends[i] if ends[i] < end else end]
            i += 1
            tagged = tags.get(token)
            if tagged is None:
                if len(tags) > _TAG_MEMORY:
                    tags.clear()
                tagged = tags[token] = tuple(self._entry(w, t) for w, t in _rjieba_words(token))
            for word, tag, kind, role in tagged:
                stop = at + len(word)
                if kind != "space":
                    last = words[-1] if words else None
                    joined = last.text + word if last is not None and last.tag != "QUOTE" else ""
                    if joined in roles:
                        kind_joined = self.kind_of(joined, "KNOWN")
                        assert last is not None  # joined is empty without a word before
                        words[-1] = Word(joined, "KNOWN", last.begin, stop, -1, kind_joined, roles[joined])
                    else:
                        words.append(Word(word, tag, at, stop, -1, kind, role))
                at = stop

    def _entry(self, word: str, tag: str) -> tuple[str, str, str, frozenset[str]]:
        """A tagged word with its kind and roles. A four-character set phrase of two verbs that the tagger
        keeps whole (统筹安排, 更新改造) plays the part of its last verb: 统筹安排|省级财政资金; one
        that starts with a noun (工程建设) stays a name."""
        roles = self.roles.get(word)
        if roles is None and len(word) == 4 and tag in ("n", "l", "i", "v"):
            last = self.roles.get(word[2:], _NO_ROLES)
            if not last.isdisjoint(("govern", "act", "link")) and _first_is_verbal(word[:2]):
                return word, tag, "verb", last
        return word, tag, self.kind_of(word, tag), roles or _NO_ROLES

    def kind(self, word: Word) -> str:
        """``num``, ``date``, ``conj``, ``de`` (的), ``deng`` (等), ``verb``, ``adverb``, ``stop`` or
        ``word`` (a word a name may hold: nouns, modifiers, quotes)."""
        return self.kind_of(word.text, word.tag)

    def kind_of(self, text: str, tag: str) -> str:
        """:meth:`kind` of a word and tag, remembered."""
        kind = self._kinds.get((text, tag))
        if kind is None:
            kind = self._kinds[(text, tag)] = self._kind(text, tag)
        return kind

    def _kind(self, text: str, tag: str) -> str:
        roles = self.roles.get(text, frozenset())
        if not text.strip():
            return "space"
        if tag in ("Q", "DATE"):
            return "num" if tag == "Q" else "date"
        if tag in ("QUOTE", "PAREN", "RANK"):
            return "word"
        if tag == "KNOWN":
            return "verb" if roles.isdisjoint(("ratio", "measure", "noun")) else "word"
        if "verb" in roles or text.startswith("不") and len(text) > 1 and tag in _NEGATED_TAGS:
            return "verb"
        if "noun" in roles:
            return "word"
        if text in CONJUNCTIONS:
            return "conj"
        if text in ("的", "等", "等等"):
            return "de" if text == "的" else "deng"
        if tag.startswith("v") and tag != "vn" or tag == "ug":
            return "verb"  # ug: 过 after a noun is the verb of a name (人行|过|街|设施), not a particle
        if tag in ("d", "ad"):
            return "adverb"
        if (
            tag == "r"
            and len(text) > 1
            and text not in _PRONOUNS
            or tag == "c"
            and text not in _CONJUNCTION_WORDS
        ):
            return "word"
        if tag.startswith("u") and len(text) > 1 and text not in ("等等", "的话", "之类"):
            return "word"  # the tagger's "particles" of two characters are names (律所)
        if tag[:1] in _STOP_TAGS and tag != "eng" or tag in ("m", "x") and any(ch.isdigit() for ch in text):
            return "stop"
        return "word"

    def ends_phrase(self, word: Word, previous: Word | None = None) -> bool:
        """Whether a phrase read backwards ends at ``word``, given the word before it (``None``: read
        forwards).

        A verb that governs what is counted (受理, 入选) ends it, and so do links (增长) and fillers (全年);
        a verb that also forms names (``act``: 帮扶) ends it only where no noun or list stands before it
        (财政|帮扶|资金 is one name); a verb of completion (``state``) ends only a phrase read forwards.
        """
        roles = word.roles
        if not roles:
            return False
        if not roles.isdisjoint(("govern", "lead", "select", "link")):
            return True
        if "act" not in roles:
            return previous is None and "state" in roles
        if previous is None:
            return True
        return previous.kind not in ("word", "conj") or self.ends_phrase(previous, START)

    def is_head(self, word: Word) -> bool:
        """Whether ``word`` can end a phrase: a noun (or a verb used as one), not a modifier alone
        (以上, 省级) nor an aside (台|(套))."""
        return word.kind in ("word", "verb") and word.tag not in _HEAD_LESS_TAGS and word.tag != "PAREN"

    def verbal(self, word: Word) -> bool:
        """A verb, also one the tagger calls a verbal noun (供应|土地)."""
        return word.kind == "verb" or not word.roles.isdisjoint(("govern", "act"))
