"""The ``lawgraph_organizations`` component: bodies named in full, compositionally or by abbreviation.

A body's name is ``<area chain><modifier><core>`` (兰州新区 + 知识产权纠纷 + 人民调解委员会). The component
finds every core and standard abbreviation from the data files (``org_cores.tsv``,
``org_abbreviations.tsv``, ``org_national.tsv``; word lists in ``org_words.json``) with one compiled regex
over the text, reads the words to the left of each
core with rjieba's tagger to find where the name begins, and resolves the area against the report's context
(``doc._.lg_context``) to the canonical, full official name (``span.kb_id_``). ``span.label_`` is the
lawgraph class (``Court``, ``PartyBody`` …); the span's ``parent`` attribute
(:func:`~lawgraph.extract.extensions.span_attrs`) names the body a unit belongs to (复议委员会办公室 →
行政复议委员会).

Generic classes (各级人民法院, 基层人民调解委员会), slogans and meeting names are not organizations.

Examples
--------
>>> from lawgraph.extract.pipeline import make_nlp, annotate
>>> from lawgraph.model import Report, ReportMeta
>>> nlp = make_nlp(components=["lawgraph_organizations"])
>>> report = Report(name="t.txt", text="县政府与武威中院签订协议。", sha256="0",
...                 meta=ReportMeta(issuer="古浪县人民政府"))
>>> doc = annotate(nlp, report)
>>> [(s.text, s.kb_id_, s.label_) for s in doc.spans["organization"]]
[('县政府', '古浪县人民政府', 'GovernmentBody'), ('武威中院', '武威市中级人民法院', 'Court')]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeAlias

from spacy.language import Language
from spacy.tokens import Doc, Span

from lawgraph.extract.areas import expand_prefix, may_end_places, parse_places, short_name
from lawgraph.extract.data import load_gazetteer, package_text
from lawgraph.extract.extensions import set_span_attrs
from lawgraph.extract.org_names import Core, fill_template, org_abbreviations, org_cores, org_kinds
from lawgraph.model import ReportContext

__all__ = ["OrgMatch", "OrganizationRecognizer", "find_organizations", "make_organization_recognizer"]

_Trie: TypeAlias = dict[str, "_Trie"]  # one character → the subtrie after it ("" marks a word's end)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Tags of words that can sit inside a name before its core (nouns, places, abbreviations, idioms …).
_NAME_TAGS = frozenset({"n", "nz", "ns", "nt", "j", "l", "ng", "an", "b", "eng", "nrt", "nrfg", "i"})
_NATIONAL = re.compile(r"^(?:中央|国家|国务院|全国|中国|中华)")
_NATIONAL_INSIDE = re.compile(r"中国|中华|国家(?!级)")
_LEVEL_CHARS = ("新区", "省", "市", "区", "县")
_WINDOW = 18
_MAX_NAME = 14
_LOCAL_CLASSES = frozenset(
    {"GovernmentBody", "PartyBody", "PeoplesCongress", "PoliticalConsultativeConference", "Court",
     "Procuratorate", "PublicSecurityOrgan", "JusticeAdministration", "Committee", "MediationCommittee",
     "Association", "OtherOrganization", "MediaOutlet"}
)
"""Classes whose bodies belong to an area: written without one, they are the report's own area's."""
_NAMED_CLASSES = frozenset({"Enterprise", "Institution", "MediaOutlet"})
"""Classes whose bodies keep the name they are written with (深圳中学 is not 深圳市中学)."""


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The word lists of ``data/org_words.json``."""

    generic: frozenset[str]
    generic_head: re.Pattern[str]
    level_words: frozenset[str]
    generic_modifiers: frozenset[str]
    action_words: frozenset[str]
    action_heads: tuple[str, ...]
    national_words: frozenset[str]
    function_chars: frozenset[str]
    zone_cores: frozenset[str]
    list_generic_item: re.Pattern[str]
    list_tail: re.Pattern[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = json.loads(package_text("org_words.json"))

    def words(key: str) -> frozenset[str]:
        return frozenset(data[key]["words"])

    def alternation(items: frozenset[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))

    generic = words("generic")
    return _Lexicon(
        generic=generic,
        generic_head=re.compile(alternation(generic)),
        level_words=words("level_words"),
        generic_modifiers=words("generic_modifiers"),
        action_words=words("action_words"),
        action_heads=tuple(sorted(words("action_words"), key=len, reverse=True)),
        national_words=words("national_words"),
        function_chars=frozenset(data["function_chars"]["chars"]),
        zone_cores=words("zone_cores"),
        list_generic_item=re.compile("(?:" + alternation(words("list_generic_endings")) + ")$"),
        # 等 + an optional count (23个, 9家) + up to four qualifying characters (龙头) + the list noun
        list_tail=re.compile(
            r"等(?:[0-9]+|[一二三四五六七八九十百几多]+)?[个家批]?[^\W的]{0,4}?(?:"
            + alternation(words("list_nouns"))
            + ")"
        ),
    )


@dataclass(frozen=True, slots=True)
class OrgMatch:
    """One organization mention: offsets into the text, canonical name, class and parent."""

    begin: int
    end: int
    key: str
    cls: str
    parent: str | None = None


def _trie_regex(words: list[str]) -> str:
    """One regex for a word list, as a trie (a plain alternation is tried word by word at every position).

    >>> re.fullmatch(_trie_regex(["中院", "中级人民法院", "中"]), "中级人民法院") is not None
    True
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        terminal = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if terminal else body

    return build(trie)


@lru_cache(maxsize=1)
def _tables() -> tuple[
    re.Pattern[str], dict[str, Core], dict[str, tuple[str, str, str]], tuple[tuple[str, str], ...]
]:
    cores = {c.core: c for c in org_cores()}
    abbrs = org_abbreviations()
    pattern = re.compile(_trie_regex(sorted(set(cores) | set(abbrs))))
    return pattern, cores, abbrs, org_kinds()


_COUNTED = re.compile(r"[一二三四五六七八九十百千两几多\d]+[大个项类家]")


def _guarded(
    text: str, start: int, end: int, surface: str, core: Core | None, abbr: tuple[str, str, str] | None
) -> bool:
    """Whether the characters around a match rule it out (科 in 科技, 局 in 格局, 区委 in 社区委员会)."""
    after = text[end : end + 1]
    before = text[start - 1 : start] if start else ""
    if surface.endswith("委") and after == "员":
        return True
    if abbr is not None:
        return bool(after and after in abbr[2])
    if core is None:
        return False
    if core.not_after == "*":
        return bool(after) and _CJK.match(after) is not None and after not in _lexicon().function_chars
    return bool((after and after in core.not_after) or (before and before in core.not_before))


@lru_cache(maxsize=1)
def _rjieba() -> Any:
    """The ``rjieba`` module, imported on first use (importing it loads its dictionary: ~0.17 s)."""
    import rjieba

    return rjieba


def _tag(text: str) -> list[tuple[str, str]]:
    """rjieba's ``(word, tag)`` pairs of ``text`` (a fresh list)."""
    return _rjieba().tag(text)  # type: ignore[no-any-return]


@lru_cache(maxsize=1 << 16)
def _is_place_word(word: str) -> bool:
    """A full division name, the short form of a province or city, a level word or a new area.

    Short forms of counties are left out: many are common words (友好区 → 友好, 新建区 → 新建).
    """
    index = load_gazetteer()
    if word in index.by_official_name or word in _LEVEL_CHARS or word.endswith("新区"):
        return True
    return any(d.level <= 2 for d in index.by_any_short_form.get(word, ()))


_BRIDGE_TAGS = frozenset({"v", "vn", "m", "f", "a", "vd", "ad", "nr", "ag", "z", "t"})
_PROPER_TAGS = frozenset({"ns", "nr", "nz", "nt", "eng", "nrt", "nrfg"})
_PUNCT = re.compile(r"[\s，。、；：！？,.;:!?（）()“”\"《》【】]")
_BRACKET_TAIL = re.compile(r"[（(][\u4e00-\u9fff]{1,6}[）)]")


@dataclass(frozen=True, slots=True)
class _Walk:
    begin: int
    proper: bool
    generic: bool


def _left_extent(text: str, start: int, floor: int, *, floor_bounds: bool = False) -> _Walk:
    """Where the name whose core starts at ``start`` begins (never before ``floor``).

    Walks rjieba's tagged words leftwards over nouns and places. Verbs, numbers and locality words are
    crossed (two at most) only when the walk then reaches a clause boundary; otherwise the name starts after
    the first of them. A generic quantifier (各级, 全区) right before marks the whole phrase generic.
    """
    lo = max(floor, start - _WINDOW)
    if lo >= start or not _CJK.match(text[start - 1]):
        return _Walk(start, False, False)
    lexicon = _lexicon()
    action_heads, generic_words, national_words = lexicon.action_heads, lexicon.generic, lexicon.national_words
    # word, tag, bridged, place word, anchor (a word a name can start with: a place, or 中央, 国家)
    taken: list[tuple[str, str, bool, bool, bool]] = []
    boundary = False
    generic = False
    size = 0
    bridges = 0
    for word, tag in reversed(_tag(text[lo:start])):
        if not _CJK.match(word):
            boundary = bool(_PUNCT.match(word))
            break
        if word.startswith(action_heads):  # 新建华夏中学: what is done to a body is not its name
            boundary = True
            break
        if word in generic_words or word.startswith("各"):
            generic = not any(t[3] for t in taken)
            break
        if size + len(word) > _MAX_NAME:
            break
        place = _is_place_word(word)
        anchor = place or tag == "ns" or word in national_words
        if tag in _NAME_TAGS or place:
            taken.append((word, tag, False, place, anchor))
        elif tag in _BRIDGE_TAGS and bridges < 2:
            taken.append((word, tag, True, place, anchor))
            bridges += 1
        else:
            break
        size += len(word)
    else:
        boundary = lo == 0 or (floor_bounds and lo == floor)
    # A verb before a place starts a clause (积极对接深圳市城市大数据中心): the name starts at the place.
    seen_place = False
    for i, (_word, word_tag, bridged, _place, anchor) in enumerate(taken):
        if bridged and seen_place:
            taken = taken[:i]
            break
        if word_tag == "v" and i + 1 < len(taken) and taken[i + 1][4]:
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
    begin = start - sum(len(t[0]) for t in taken)
    proper = any(t[3] or t[1] in _PROPER_TAGS for t in taken)
    return _Walk(begin, proper, generic)


def _kind(name: str, kinds: tuple[tuple[str, str], ...]) -> str:
    for keyword, cls in kinds:
        if keyword in name:
            return cls
    return "GovernmentBody"


def _split_prefix(written: str, ctx: ReportContext) -> tuple[str | None, str, str]:
    """Split a written head into (expanded area prefix or None, written area part, modifier)."""
    for char in _LEVEL_CHARS:
        if written.startswith(char) and not (char != "新区" and written.startswith("新区")):
            full = expand_prefix(char, ctx)
            if full is not None:
                return full, char, written[len(char) :]
    places = parse_places(written)
    if places:
        area = written[: places[-1].end]
        full = expand_prefix(area, ctx)
        if full is not None:
            return full, area, written[places[-1].end :]
    return None, "", written


def _place_before(text: str, start: int, floor: int) -> tuple[int, str] | None:
    """A place name written right before ``start`` (甘肃 in 甘肃省委): its start and text."""
    index = load_gazetteer()
    for size in range(min(8, start - floor), 1, -1):
        piece = text[start - size : start]
        if piece in index.by_any_short_form or piece in index.by_official_name:
            return start - size, piece
    return None


def _word_ends_at(text: str, end: int, floor: int) -> bool:
    """Whether a one-character core ending at ``end`` stands as a unit of its own.

    It must not sit inside a longer word (科 in 莫斯科大学) nor end a two-character word (学科, 骨科, 棋局);
    it may end a longer word (咨询组) or start one (组等), as rjieba cuts them.
    """
    start = end - 1
    lo = max(floor, start - 4)
    pos = lo
    for word in _cut(text[lo : end + 3]):
        if pos <= start < pos + len(word):
            if pos == start:
                return True
            return pos + len(word) == end and len(word) > 2
        pos += len(word)
    return True


def _cut(text: str) -> list[str]:
    import rjieba

    return list(rjieba.cut(text))


class _SuffixIndex:
    """Every ending (three characters or more) of the names found so far → the latest such body."""

    def __init__(self, found: list[OrgMatch]) -> None:
        self.found = found
        self.seen = 0
        self.ends: dict[str, OrgMatch] = {}

    def lookup(self, tail: str) -> OrgMatch | None:
        while self.seen < len(self.found):
            org = self.found[self.seen]
            self.seen += 1
            if org.parent is None:
                for i in range(len(org.key) - 2):
                    self.ends[org.key[i:]] = org
        return self.ends.get(tail)


_JOINT_BODY = re.compile(r"中共(.+?)纪律检查委员会")


def _is_level_committee(text: str, org: OrgMatch) -> bool:
    """Whether ``org`` is a Party committee written 省委 / 市委 / 区委 / 县委 (中共X委员会)."""
    return text[org.end - 2 : org.end] in ("省委", "市委", "区委", "县委", "州委") and org.key.endswith("委员会")


def _suffix_coref(text: str, start: int, end: int, index: _SuffixIndex, floor: int) -> OrgMatch | None:
    """A short form that ends a body already named: 复议委员会 after 兰州新区行政复议委员会."""
    for size in range(min(6, start - floor), 1, -1):
        head = text[start - size : start]
        if not all(_CJK.match(c) for c in head):
            continue
        org = index.lookup(head + text[start:end])
        if org is not None:
            return OrgMatch(start - size, end, org.key, org.cls)
    return None


# "奇安信、东华软件等23个龙头企业": the names listed before 等 + a count + 企业/公司/产业项目 are enterprises.
_LIST_CLAUSE = re.compile(r"(?:[\u4e00-\u9fffA-Za-z]{2,10}、){0,12}[\u4e00-\u9fffA-Za-z]{2,10}$")
_COMMON_WORD_TAGS = frozenset({"n", "v", "vn", "a", "an"})
_NOT_NAME_HEAD = frozenset({"v", "vn", "p", "d", "ad", "c", "a", "u", "vd", "ul", "uj", "uz", "ug", "uv", "y", "r"})


# 我厅, 本局, 我委: a department's report naming itself (not 基本局面, 成本, 日本).
_SELF = re.compile(r"(?<![基根资成日版样剧文范脚课账自])[我本](厅|局|委|院|办|署)(?![长属级内面势部员])")
_SELF_ENDINGS = {"厅": ("厅",), "局": ("局",), "委": ("委员会", "委"), "院": ("院",), "办": ("办公室", "办"),
                 "署": ("署",)}


def _self_references(text: str, floor: int, ctx: ReportContext, found: list[OrgMatch]) -> list[OrgMatch]:
    """我厅 / 本局 in a report whose issuer is a 厅 / 局: mentions of the issuer."""
    issuer = next((body for body in ctx.bodies if body[0] == ctx.issuer), None)
    if issuer is None:
        return []
    key, cls, parent = issuer
    spans = [(o.begin, o.end) for o in found]
    out = []
    for match in _SELF.finditer(text, floor):
        begin, end = match.span()
        if key.endswith(_SELF_ENDINGS[match.group(1)]) and not any(b < end and begin < e for b, e in spans):
            out.append(OrgMatch(begin, end, key, cls, parent))
    return out


def _listed_enterprises(text: str, floor: int, found: list[OrgMatch]) -> list[OrgMatch]:
    taken = {(o.begin, o.end) for o in found}
    spans = [(o.begin, o.end) for o in found]
    out = []
    for tail in _lexicon().list_tail.finditer(text, floor):
        lo = max(floor, tail.start() - 140)
        match = _LIST_CLAUSE.search(text, lo, tail.start())
        if match is None:
            continue
        items = match.group(0).split("、")
        pos = match.start()
        for i, item in enumerate(items):
            begin = pos
            pos += len(item) + 1
            if i == 0:  # the first item may follow a verb: 引进奇安信
                words = _tag(item)
                while words and words[0][1] in _NOT_NAME_HEAD and len(words) > 1:
                    begin += len(words[0][0])
                    words = words[1:]
                item = "".join(w for w, _t in words)
            end = begin + len(item)
            if len(item) < 2 or _lexicon().list_generic_item.search(item) or _lexicon().generic_head.search(item):
                continue
            if len(item) == 2 and _tag(item)[0][1] in _COMMON_WORD_TAGS:
                continue  # 食品、制药等企业: a common word, not a name
            if (begin, end) in taken or any(b < end and begin < e for b, e in spans):
                continue
            out.append(OrgMatch(begin, end, item, "Enterprise"))
    return out


@dataclass(slots=True)
class _Pending:
    """A mention without an area prefix, resolved once the whole text has been read."""

    begin: int
    end: int
    tail: str
    """modifier + full core (复议委员会), matched against the ends of other names."""
    cls: str
    fallback: str | None
    """The name when no fuller name in the report ends with ``tail``."""


def _abbreviation(
    text: str, start: int, end: int, surface: str, abbr: tuple[str, str, str], ctx: ReportContext, floor: int
) -> OrgMatch | None:
    template, cls, _not_after = abbr
    values: dict[str, str | None] = {"province": ctx.province, "city": ctx.local_city, "own": ctx.own_prefix}
    begin = start
    if surface[0] in "省市区县":
        before = _place_before(text, start, floor)
        if before is not None:
            full = expand_prefix(before[1] + surface[0], ctx)
            if full is None:
                return None
            begin = before[0]
            values[{"省": "province", "市": "city"}.get(surface[0], "own")] = full
        elif start > floor and text[start - 1] + surface[0] in _lexicon().level_words:
            return None  # 社区委, 城市政府: the level character belongs to the word before
    elif "{own}" in template:
        walk = _left_extent(text, start, floor)
        if walk.begin < start:
            full, area, modifier = _split_prefix(text[walk.begin : start], ctx)
            if full is not None and not modifier:
                begin = start - len(area)
                values["own"] = full
    key = fill_template(template, values)
    return None if key is None else OrgMatch(begin, end, key, cls)


def find_organizations(text: str, ctx: ReportContext, *, floor: int = 0) -> list[OrgMatch]:
    """Every organization mention in ``text`` with its canonical name, class and parent.

    Parameters
    ----------
    text : str
        The report text.
    ctx : ReportContext
        The report's context, which resolves relative names (区政府, 新区检察院).
    floor : int
        Names never extend left of this offset.
    """
    pattern, cores, abbrs, kinds = _tables()
    found: list[OrgMatch] = []
    pending: list[_Pending] = []
    last_end = floor
    suffixes = _SuffixIndex(found)
    pos = floor
    while True:
        match = pattern.search(text, pos)
        if match is None:
            break
        start, end = match.span()
        surface = match.group(0)
        if _guarded(text, start, end, surface, cores.get(surface), abbrs.get(surface)):
            pos = start + 1
            continue
        pos = end
        prev = found[-1] if found and found[-1].end >= last_end else None
        abbr = abbrs.get(surface)
        if abbr is not None:
            org = _abbreviation(text, start, end, surface, abbr, ctx, last_end)
            if org is not None and prev is not None and prev.end == org.begin and _is_level_committee(text, prev):
                if org.key.startswith(prev.key[:-2]) and org.key != prev.key:  # 市委 + 全面依法治市委员会
                    org = OrgMatch(prev.begin, org.end, org.key, org.cls, prev.key)
            if org is not None:
                found.append(org)
                last_end = end
                if surface.endswith("人大") and text.startswith("及其常委会", end):
                    found.append(OrgMatch(end + 2, end + 5, org.key + "常务委员会", cls=org.cls))
                    last_end = end + 5
            continue
        core = cores[surface]
        if len(surface) == 1 and not _word_ends_at(text, end, last_end):
            continue  # 科 in 莫斯科大学
        walk = _left_extent(text, start, last_end, floor_bounds=prev is not None)
        if walk.generic:
            continue
        written = text[walk.begin : start]
        inner = _NATIONAL_INSIDE.search(written)
        if inner is not None and inner.start() > 0:  # 学科进入中国医学科学院 → 中国医学科学院
            walk = _Walk(walk.begin + inner.start(), True, False)
            written = text[walk.begin : start]
        # A unit right after (or a few words after) the body it belongs to: 复议委员会办公室, 大学医学院.
        if prev is not None and prev.end == walk.begin and (
            core.needs == "sub"
            or core.cls == "*"
            or (core.cls == prev.cls == "Institution")
            or (core.cls == "Committee" and prev.cls in ("PartyBody", "GovernmentBody"))
        ):
            cls = prev.cls if core.cls == "*" else core.cls
            unit = written + core.full.replace("{P}", "")
            # 市委全面依法治市委员会办公室 → 中共X市委全面依法治市委员会办公室
            head = prev.key[:-2] if _is_level_committee(text, prev) else prev.key
            if cls == "Committee" and prev.cls == "PartyBody":
                cls = "PartyBody"  # a commission of a Party committee is a Party body
            found.append(OrgMatch(prev.begin, end, head + unit, cls, prev.key))
            last_end = end
            continue
        full, area, modifier = _split_prefix(written, ctx)
        if full is None and not written and prev is not None and prev.end == start:
            joint = _JOINT_BODY.fullmatch(prev.key)  # 县纪委监委: the supervisory commission of the same area
            if joint is not None:
                full = joint.group(1)
        if core.needs == "place" and (full is None or modifier):
            # A body named by its area alone starts at the area (指导凉山州中级人民法院). Each try reads
            # places from a later start; none can end at the core unless the text before it ends with one.
            for i in range(1, len(written) - 1 if may_end_places(written) else 1):
                found_full, found_area, rest = _split_prefix(written[i:], ctx)
                if found_full is not None and not rest and found_area not in _LEVEL_CHARS:
                    walk = _Walk(walk.begin + i, True, False)
                    written, full, area, modifier = written[i:], found_full, found_area, ""
                    break
        if modifier and (
            _cut(modifier)[0] in _lexicon().generic
            or modifier in _lexicon().generic_modifiers
            or _COUNTED.match(modifier)
            or modifier.endswith(("型", "类", "性"))
        ):
            continue  # 各级…, 社区委员会, 十大服务中心, 都市型大学
        if surface in _lexicon().zone_cores and (
            (not modifier and full is not None)
            or (full is None and [t for _w, t in _tag(modifier)] in (["ns"], ["nz"], ["nr"]))
        ):
            continue  # a bare name + 中心 is a district or a building (深圳中心); a body says what it does
        tail_end = end
        bracket = _BRACKET_TAIL.match(text, end)
        if bracket and core.cls in ("Institution", "Enterprise"):
            tail_end = bracket.end()
        cls = _kind(modifier + surface, kinds) if core.cls == "*" else core.cls
        national = bool(_NATIONAL.match(written))
        core_tail = core.full.replace("{P}", "") if core.full.startswith("{P}") else None
        if full is None and len(modifier) < 3 and core.cls in _LOCAL_CLASSES:
            known = _suffix_coref(text, start, end, suffixes, last_end)
            if known is not None:
                found.append(known)
                last_end = end
                continue
        if core.needs == "sub" and not modifier:  # 调解和解组: the words back to the last punctuation
            clause = re.search(r"[\u4e00-\u9fff]{2,6}$", text[max(last_end, start - 6) : start])
            modifier = clause.group(0) if clause else ""
            walk = _Walk(start - len(modifier), walk.proper, False)
        if core.needs == "sub":
            parent = next(
                (o for o in reversed(found)
                 if o.cls in ("Committee", "MediationCommittee") and o.parent is None
                 and text.rfind("。", o.end, start) < 0),
                None,
            )
            if parent is not None and modifier and full is None:
                found.append(OrgMatch(walk.begin, end, parent.key + modifier + surface, parent.cls, parent.key))
                last_end = end
            continue
        if core.needs == "place" and (full is None or modifier):
            continue
        if core.needs in ("name", "proper") and len(modifier) < 2 and (
            full is None or (area in _LEVEL_CHARS and core.cls in ("Committee", "Association"))
        ):
            continue  # 市领导小组, 区协会: a level alone does not name a committee
        if core.needs == "proper" and not (
            walk.proper or national or area in _LEVEL_CHARS or _tag(modifier + surface) == [(modifier + surface, "nt")]
        ):
            continue  # 数据中心, 幼教集团 name kinds; 石化集团 is one organization word to rjieba
        if cls == "Prison" and ctx.province:
            short = short_name(ctx.province)
            body = written.removeprefix(ctx.province).removeprefix(short).removeprefix("省")
            found.append(OrgMatch(walk.begin, end, ctx.province + body + surface, cls))
            last_end = end
            continue
        if cls in _NAMED_CLASSES and area not in _LEVEL_CHARS:
            found.append(OrgMatch(walk.begin, tail_end, text[walk.begin : tail_end], cls))
            last_end = tail_end
            continue
        if core_tail is None:  # a template such as 中共{P}工作委员会 takes the area alone
            if modifier or full is None:
                if full is None and not modifier:
                    pending.append(_Pending(walk.begin, end, core.full.replace("{P}", ""), cls, None))
                continue
            found.append(OrgMatch(walk.begin, end, core.full.replace("{P}", full), cls))
            last_end = end
            continue
        if full is not None:
            found.append(OrgMatch(walk.begin, end, full + modifier + core_tail, cls))
            last_end = end
            continue
        if national:
            found.append(OrgMatch(walk.begin, end, modifier + core_tail, cls))
            last_end = end
            continue
        fallback = None
        if core.needs == "name" and ctx.own_prefix and cls in _LOCAL_CLASSES | {"*"}:
            fallback = ctx.own_prefix + modifier + core_tail
        elif core.needs in ("name", "proper"):
            fallback = modifier + core_tail
        if core.needs == "coref" or fallback is not None:
            pending.append(_Pending(walk.begin, end, modifier + core_tail, cls, fallback))
            last_end = end
    found.extend(_listed_enterprises(text, floor, found))
    found.extend(_self_references(text, floor, ctx, found))
    found.sort(key=lambda o: (o.begin, o.end))
    if pending:
        found.extend(_resolve_pending(pending, found, ctx))
        found.sort(key=lambda o: (o.begin, o.end))
    return found


def _resolve_pending(pending: list[_Pending], found: list[OrgMatch], ctx: ReportContext) -> list[OrgMatch]:
    """Bare names (检察院, 律师协会): the report's own body of that name, else the nearest one named before,
    else the fallback (the own area's body), else nothing."""
    out = []
    keys = {o.key for o in found}
    for item in pending:
        own = (ctx.own_prefix or "") + item.tail
        if own in keys:
            key: str | None = own
        else:
            before = [o.key for o in found if o.end <= item.begin and o.key.endswith(item.tail) and o.key != item.tail]
            after = [o.key for o in found if o.begin >= item.end and o.key.endswith(item.tail) and o.key != item.tail]
            key = before[-1] if before else after[0] if after else item.fallback
        if key is not None:
            out.append(OrgMatch(item.begin, item.end, key, item.cls))
    return out


class OrganizationRecognizer:
    """Adds ``doc.spans["organization"]`` (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "lawgraph_organizations", *, span_key: str = "organization") -> None:
        self.name = name
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        ctx = doc._.lg_context or ReportContext()  # make_nlp always runs lawgraph_context first
        report = doc._.report
        # doc.text is rebuilt from the tokens on every access; the report holds the same string.
        text = report.text if report is not None else doc.text
        spans: list[Span] = []
        for org in find_organizations(text, ctx):
            span = doc.char_span(org.begin, org.end, label=org.cls, kb_id=org.key, alignment_mode="expand")
            if span is None:
                continue
            exact = (org.begin, org.end) if (span.start_char, span.end_char) != (org.begin, org.end) else None
            set_span_attrs(doc, self.span_key, span, exact=exact, parent=org.parent)
            spans.append(span)
        doc.spans[self.span_key] = spans
        return doc


@Language.factory(
    "lawgraph_organizations",
    assigns=["doc.spans"],
    requires=["doc._.lg_context"],
    default_config={"span_key": "organization"},
)
def make_organization_recognizer(nlp: Language, name: str, span_key: str) -> OrganizationRecognizer:
    """Build the ``lawgraph_organizations`` component."""
    return OrganizationRecognizer(nlp, name, span_key=span_key)
