"""The ``lawgraph_organizations`` component: bodies named in full, compositionally or by abbreviation.

A body's name is ``[area or level word][functional core][kind suffix]`` (兰州新区 + 知识产权纠纷 +
人民调解委员会, 区 + 司法局, 自治区党委). The component finds every core and whole-word name of the data files
(:mod:`lawgraph.extract.org_names`) with one compiled regex over the text, reads the words to the left of
each core to find where the name begins (:mod:`lawgraph.extract.org_walk`), and resolves the area against
the report's context (``doc._.lg_context``) to the canonical, full official name (``span.kb_id_``): a level
word is the report's area of that level, a standard department or people's organization written alone is
the report's own level's. ``span.label_`` is the lawgraph class (``Court``, ``PartyBody`` …); the span's
``parent`` attribute (:func:`~lawgraph.extract.extensions.span_attrs`) names the body a unit belongs to
(复议委员会办公室 → 行政复议委员会). Readings over the whole text (listed enterprises, 我厅, short forms of
names given before) are in :mod:`lawgraph.extract.org_refs`.

Kinds of bodies (各级人民法院, 基层工会, 新增10个产业学院), designations (国家技术创新中心, 国际航运中心),
slogans and meeting names are not organizations.

:class:`OrganizationFinder` does the reading; the component builds one from its data files
(:data:`ORGANIZATION_FILES`) and carries them through ``nlp.to_disk`` (:mod:`lawgraph.extract.component`).

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

import re
from dataclasses import dataclass, field
from typing import TypeAlias

from spacy.language import Language
from spacy.tokens import Doc, Span

from lawgraph.extract.areas import expand_prefix, may_end_places, parse_places, short_name
from lawgraph.extract.component import LexiconComponent
from lawgraph.extract.data import Lexicon, load_gazetteer
from lawgraph.extract.extensions import entity_span, set_entity_spans, set_span_attrs
from lawgraph.extract.gazetteer import Gazetteer
from lawgraph.extract.org_names import (
    LEVEL_WORDS,
    ORG_NAME_FILES,
    Abbreviation,
    Core,
    OrgNames,
    area_prefix,
    fill_template,
    relative_area,
    template_values,
)
from lawgraph.extract.org_refs import (
    OrgMatch,
    Pending,
    SuffixIndex,
    listed_enterprises,
    resolve_pending,
    self_references,
    suffix_coref,
)
from lawgraph.extract.org_walk import CJK, CLASSIFIERS, KIND_WORD, NameWalker, OrgWords, Walk
from lawgraph.model import ReportContext

__all__ = [
    "ORGANIZATION_FILES",
    "OrgMatch",
    "OrgWords",
    "OrganizationFinder",
    "OrganizationRecognizer",
    "find_organizations",
    "make_organization_recognizer",
]

ORGANIZATION_FILES = (*ORG_NAME_FILES, "org_words.json")
"""The data files an :class:`OrganizationFinder` is built from."""

_Trie: TypeAlias = dict[str, "_Trie"]  # one character → the subtrie after it ("" marks a word's end)
_NATIONAL = re.compile(r"^(?:中央|国家|国务院|全国|中国|中华)")
_NATIONAL_INSIDE = re.compile(r"中国(?!家)|中华|国家(?!级)")
_LEVEL_CHARS = frozenset(LEVEL_WORDS)
_SELF_STANDING = frozenset({"own", "party", "mass", "list"})
"""What a core needs when it names a body of the report's own level written alone (司法局, 工会)."""
_LOCAL_CLASSES = frozenset(
    {"GovernmentBody", "PartyBody", "PeoplesCongress", "PoliticalConsultativeConference", "Court",
     "Procuratorate", "PublicSecurityOrgan", "JusticeAdministration", "Committee", "MediationCommittee",
     "Association", "OtherOrganization", "MediaOutlet"}
)
"""Classes whose bodies belong to an area: written without one, they are the report's own area's."""
_NAMED_CLASSES = frozenset({"Enterprise", "Institution", "MediaOutlet"})
"""Classes whose bodies keep the name they are written with (深圳中学 is not 深圳市中学)."""


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


_COUNTED = re.compile(r"[一二三四五六七八九十百千两几多\d]+[大个项类家]")


_COUNT_AFTER = re.compile(r"(?:[0-9０-９]+|[一二两三四五六七八九十百]+)[家个所座](?:[，。、；,;]|$)")
_LISTED_CORES = frozenset({"集团", "公司", "有限公司", "股份有限公司", "有限责任公司"})
"""Cores of names that need no proper name as items of a list of enterprises (龙煤集团、北大荒集团)."""
_HOSTED_UNITS = frozenset({"工作站", "服务站", "工作室", "服务点"})
_HOSTS = re.compile(r"在[^，,。；;：:]*、[^，,。；;：:]*(?:设立|建立|设置|成立|建成|挂牌|组建|开设)了?$")
_BRACKET_TAIL = re.compile(r"[（(][\u4e00-\u9fff]{1,6}[）)]")


def _ends_with_place(written: str) -> bool:
    """Whether ``written`` is a chain of places or ends with one (成都 before 国家植物园)."""
    if not may_end_places(written):
        return False
    for i in range(len(written) - 1):
        places = parse_places(written[i:])
        if places and places[-1].end == len(written) - i:
            return True
    return False


def _unsafe_names() -> frozenset[str]:
    return load_gazetteer().unsafe_names


def _split_prefix(
    written: str, ctx: ReportContext, not_levels: tuple[str, ...] = ()
) -> tuple[str | None, str, str]:
    """Split a written head into (expanded area prefix or None, written area part, modifier).

    The head starts with a level word (区, 自治区: the report's area of that level) or a written area
    (武威, 甘肃省兰州市); ``not_levels`` are words that start with a level character but are none (市场,
    乡村).
    """
    if not written.startswith(not_levels):
        for word in LEVEL_WORDS:
            if written.startswith(word):
                full = relative_area(word, ctx)
                if full is not None:
                    return full, word, written[len(word) :]
    places = parse_places(written)
    if places and not (
        len(places) == 1 and places[0].level == "county" and written[: places[0].end] in _unsafe_names()
    ):  # 会同 (会同县) is also a verb: alone it is no area prefix
        area = written[: places[-1].end]
        full = area_prefix(area, ctx)
        if full is not None:
            return full, area, written[places[-1].end :]
    return None, "", written


_WIDER_SCOPES = frozenset({"全国", "全球"})
"""Scope words that, after the area a name starts with, are part of it (绵阳全国…交易中心), not generic."""
_JOINT_BODY = re.compile(r"中共(.+?)纪律检查委员会")


def _is_level_committee(text: str, org: OrgMatch) -> bool:
    """Whether ``org`` is a Party committee written 省委 / 市委 / 区委 / 县委 (中共X委员会)."""
    written = text[org.end - 2 : org.end]
    return written in ("省委", "市委", "区委", "县委", "州委") and org.key.endswith("委员会")


def _unit_of(core: Core, prev: OrgMatch) -> bool:
    """Whether a name with ``core`` right after ``prev`` is a unit of it (复议委员会办公室, 大学医学院)."""
    return (
        core.needs == "sub"
        or core.cls == "*"
        or core.cls == prev.cls == "Institution"
        or (core.cls == "Committee" and prev.cls in ("PartyBody", "GovernmentBody"))
        or (core.needs == "party" and prev.cls == "PartyBody")
    )


class OrganizationFinder:
    """Finds organization mentions in a text (see the module docstring).

    Parameters
    ----------
    names : OrgNames
        Cores, abbreviations and keyword classes (``org_*.tsv``).
    words : OrgWords
        The word lists of ``org_words.json``.
    gazetteer : Gazetteer
        The division table, for the places a name starts with.
    """

    def __init__(self, names: OrgNames, words: OrgWords, gazetteer: Gazetteer) -> None:
        self.names = names
        self.words = words
        self.gazetteer = gazetteer
        self.cores = {core.core: core for core in names.cores}
        self.pattern = re.compile(_trie_regex(sorted(set(self.cores) | set(names.abbreviations))))
        self.walker = NameWalker(words, gazetteer, self.cores)

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> OrganizationFinder:
        """Build a finder from the files of :data:`ORGANIZATION_FILES`."""
        words = OrgWords.from_json(lexicon.json("org_words.json"))
        return cls(OrgNames.from_lexicon(lexicon), words, load_gazetteer())

    def find(self, text: str, ctx: ReportContext, *, floor: int = 0) -> list[OrgMatch]:
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
        return _Scan(self, text, ctx, floor).run()

    def _guarded(
        self, text: str, start: int, end: int, surface: str, core: Core | None, abbr: Abbreviation | None
    ) -> bool:
        """Whether the characters around a match rule it out (科 in 科技, 局 in 格局, 区委 in 社区委员会)."""
        after = text[end : end + 1]
        before = text[start - 1 : start] if start else ""
        if surface.endswith("委") and after == "员":
            return True
        if abbr is not None:
            return bool(after and after in abbr.not_after)
        if core is None:
            return False
        if before and before in core.not_before:
            return True
        if core.not_after == "*":
            return bool(after) and CJK.match(after) is not None and after not in self.words.function_chars
        return bool(after and after in core.not_after)

@dataclass(slots=True)
class _Name:
    """A name read leftwards from its core: where it starts, what is written there, its area and modifier."""

    walk: Walk
    written: str
    """``text[walk.begin:core start]``."""
    full: str | None
    """The area prefix, expanded (区 → 深圳市龙岗区), or ``None`` when the name starts with no area."""
    area: str
    """The area as written."""
    modifier: str
    """What stands between the area and the core (知识产权纠纷)."""


@dataclass(slots=True)
class _Scan:
    """One pass of an :class:`OrganizationFinder` over a text: what it has found so far."""

    finder: OrganizationFinder
    text: str
    ctx: ReportContext
    floor: int
    found: list[OrgMatch] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    weak: list[OrgMatch] = field(default_factory=list)
    """Names with no proper name or place in them (龙煤集团): bodies only as items of a list of bodies."""
    last_end: int = 0
    """Where the last name found ends: names never reach left of it."""
    suffixes: SuffixIndex = field(init=False)

    def __post_init__(self) -> None:
        self.last_end = self.floor
        self.suffixes = SuffixIndex(self.found)

    def run(self) -> list[OrgMatch]:
        """Read every core and abbreviation of the text, left to right; then lists, 我厅 and bare names."""
        finder, text = self.finder, self.text
        cores, abbreviations = finder.cores, finder.names.abbreviations
        pos = self.floor
        while (match := finder.pattern.search(text, pos)) is not None:
            start, end = match.span()
            surface = match.group(0)
            abbr = abbreviations.get(surface)
            if finder._guarded(text, start, end, surface, cores.get(surface), abbr):
                pos = start + 1
                continue
            pos = end
            found = self.found
            prev = found[-1] if found and found[-1].end >= self.last_end else None
            if abbr is not None:
                self._abbreviated(start, end, surface, abbr, prev)
            else:
                self._named(start, end, surface, cores[surface], prev)
        return self._finish()

    def _add(self, org: OrgMatch) -> None:
        """A name found: later names start after it."""
        self.found.append(org)
        self.last_end = org.end

    def _abbreviated(
        self, start: int, end: int, surface: str, abbr: Abbreviation, prev: OrgMatch | None
    ) -> None:
        """A body written as one word (中院, 省政府), with a place before it (甘肃省委) or after a Party
        committee it belongs to (市委 + 全面依法治市委员会)."""
        short = len(surface) == 2 and abbr.level is None
        if short and not self.finder.walker.is_word(self.text, start, end, self.last_end):
            return  # 中办 in 集中办公
        org = self._abbreviation(start, end, surface, abbr)
        if org is None:
            return
        if (
            prev is not None
            and prev.end == org.begin
            and _is_level_committee(self.text, prev)
            and org.key.startswith(prev.key[:-2])
            and org.key != prev.key
        ):  # 市委 + 全面依法治市委员会
            org = OrgMatch(prev.begin, org.end, org.key, org.cls, prev.key)
        self.found.append(org)
        self.last_end = end
        if surface.endswith("人大") and self.text.startswith("及其常委会", end):
            self._add(OrgMatch(end + 2, end + 5, org.key + "常务委员会", cls=org.cls))

    def _abbreviation(self, start: int, end: int, surface: str, abbr: Abbreviation) -> OrgMatch | None:
        text, ctx, floor = self.text, self.ctx, self.last_end
        values = template_values(abbr, ctx)
        begin = start
        level = abbr.level if abbr.level is not None and surface.startswith(abbr.level) else None
        if level is None and abbr.level is None and surface[0] in "省市区县":
            level = surface[0]  # 省委依法治省办: a level word without {L}
        if level is not None:
            place_before = self.finder.walker.place_before
            before = place_before(text, start, floor, level)
            while before is not None and (more := place_before(text, before[0], floor)) is not None:
                before = (more[0], more[1] + before[1])  # 甘肃省 + 兰州 + 新区党工委
            if before is not None:
                full = expand_prefix(before[1] + level, ctx)
                if full is None:
                    return None
                begin = before[0]
                values["L"] = full
                values[{"省": "province", "市": "city"}.get(level, "own")] = full
            elif start > floor and text[start - 1] + surface[0] in self.finder.words.level_words:
                return None  # 社区委, 城市政府: the level character belongs to the word before
        elif "{own}" in abbr.full or "{zone}" in abbr.full:
            walk = self.finder.walker.left_extent(text, start, floor)
            if walk.begin < start:
                not_levels = self.finder.words.not_levels
                full, area, modifier = _split_prefix(text[walk.begin : start], ctx, not_levels)
                if full is not None and not modifier:
                    begin = start - len(area)
                    values["own"] = values["zone"] = full
        key = fill_template(abbr.full, values)
        if key is None:
            return None
        if abbr.cls == "PartyBody" and begin - 2 >= floor and text[begin - 2 : begin] == "中共":
            begin -= 2  # 中共甘肃省委
        written = values.get("L") if level is not None else None  # 市人大, 龙岗区人大: the area written
        return OrgMatch(begin, end, key, abbr.cls, area=written)

    def _named(self, start: int, end: int, surface: str, core: Core, prev: OrgMatch | None) -> None:
        """A name ending with ``core``: read leftwards, then resolved, deferred or dropped."""
        finder, text = self.finder, self.text
        if len(surface) == 1 and not finder.walker.word_ends_at(text, end, self.last_end):
            return  # 科 in 莫斯科大学
        walk = finder.walker.left_extent(text, start, self.last_end, floor_bounds=prev is not None)
        if walk.generic:
            return
        written = text[walk.begin : start]
        inner = _NATIONAL_INSIDE.search(written)
        if (
            inner is not None and inner.start() > 0 and not self._named_place(written[: inner.start()])
            and not self._noun_before(written[: inner.start()])  # 金砖国家…中心 keeps 金砖
        ):
            # 学科进入中国医学科学院 → 中国医学科学院; but 成都国家植物园 keeps its place
            walk = Walk(walk.begin + inner.start(), True, False)
            written = text[walk.begin : start]
        if prev is not None and prev.end == walk.begin and _unit_of(core, prev):
            self._unit(prev, written, core, end)
            return
        if core.cls == "-":
            return  # 国际航运中心, 物流中心: a designation or a facility, not a body
        if (
            prev is not None
            and prev.end == walk.begin
            and core.cls == "Institution"
            and prev.key.startswith("中华人民共和国")
            and not written.startswith(("、", "，"))
        ):  # 教育部宁夏高等研究院: an institution named after the ministry that runs it
            self.found.pop()
            self._add(OrgMatch(prev.begin, end, text[prev.begin : end], core.cls))
            return
        name = self._name(walk, written, core, prev, start)
        if self._unlikely(name, surface) or self._hosted(name, core) or _COUNT_AFTER.match(text, end):
            return  # 建成街道长者服务中心3家: counted, a kind
        cls = finder.names.kind(name.modifier + surface) if core.cls == "*" else core.cls
        if name.full is None and len(name.modifier) < 3 and core.cls in _LOCAL_CLASSES:
            known = suffix_coref(text, start, end, self.suffixes, self.last_end)
            if known is not None:
                self._add(known)
                return
        if core.needs == "sub":
            self._sub_unit(name, start, end, surface)
        elif core.needs in _SELF_STANDING:
            self._own(name, core, cls, start, end)
        elif self._names_enough(name, core, surface):
            self._resolve(name, core, cls, surface, end)
        elif name.full is None and (
            (core.core in _LISTED_CORES and len(name.modifier) >= 2)
            or (core.needs == "proper" and cls == "Institution" and len(name.modifier) >= 4)
        ):  # 龙煤集团, 粮食应急保障中心: a body if listed next to one of its kind
            self.weak.append(OrgMatch(name.walk.begin, end, text[name.walk.begin : end], cls))

    def _noun_before(self, written: str) -> bool:
        """Whether ``written`` (what precedes 国家 or 中国 inside a name) is a noun that qualifies it
        (金砖 + 国家), not the end of a clause (学科进入 + 中国医学科学院)."""
        tags = self.finder.walker.tag(written)
        return len(tags) == 1 and tags[0][1] in ("n", "nz", "j") and len(written) > 1

    def _named_place(self, written: str) -> bool:
        """Whether ``written`` ends with a place, or a region the tagger knows (华南 before 国家植物园), or
        starts with one (海南热带雨林 before 国家公园管理局)."""
        if _ends_with_place(written) or parse_places(written):
            return True
        tags = self.finder.walker.tag(written)
        return bool(tags) and tags[-1][1] == "ns" and len(tags[-1][0]) > 1

    def _unit(self, prev: OrgMatch, written: str, core: Core, end: int) -> None:
        """A unit right after (or a few words after) the body it belongs to: 复议委员会办公室, 大学医学院."""
        cls = prev.cls if core.cls == "*" else core.cls
        unit = written + core.full.replace("{P}", "")
        # 市委全面依法治市委员会办公室 → 中共X市委全面依法治市委员会办公室
        head = prev.key[:-2] if _is_level_committee(self.text, prev) else prev.key
        if cls == "Committee" and prev.cls == "PartyBody":
            cls = "PartyBody"  # a commission of a Party committee is a Party body
        self._add(OrgMatch(prev.begin, end, head + unit, cls, prev.key))

    def _name(self, walk: Walk, written: str, core: Core, prev: OrgMatch | None, start: int) -> _Name:
        """Split what is written before the core into the area (expanded) and the modifier."""
        ctx = self.ctx
        full, area, modifier = _split_prefix(written, ctx, self.finder.words.not_levels)
        if full is None and not written and prev is not None and prev.end == start:
            joint = _JOINT_BODY.fullmatch(prev.key)  # 县纪委监委: the supervisory commission of the same area
            if joint is not None:
                full = joint.group(1)
        if core.needs in _SELF_STANDING | {"place"} and full is None:
            for k in (1, 2):  # 中南路街道办事处: the tagger cut the place's first character off
                begin = walk.begin - k
                if begin < self.last_end or not CJK.match(self.text[begin]):
                    break
                longer = self.text[begin:start]
                found_full, found_area, rest = _split_prefix(longer, ctx, self.finder.words.not_levels)
                if found_full is not None and len(found_area) > k and not rest:
                    return _Name(Walk(begin, True, False), longer, found_full, found_area, "")
        if core.needs in _SELF_STANDING | {"place"} and (full is None or modifier):
            # A body named by its area alone starts at the area (指导凉山州中级人民法院). Each try reads
            # places from a later start; none can end at the core unless the text before it ends with one.
            for i in range(1, len(written) - 1 if may_end_places(written) else 1):
                found_full, found_area, rest = _split_prefix(written[i:], ctx, self.finder.words.not_levels)
                if found_full is not None and not rest and found_area not in _LEVEL_CHARS:
                    return _Name(Walk(walk.begin + i, True, False), written[i:], found_full, found_area, "")
        if core.needs in _SELF_STANDING and (full is None or modifier):
            for word in LEVEL_WORDS:  # 报省司法厅: a level word right before the core
                size = len(word)
                if written.endswith(word) and written[-size - 1 :][:2] not in self.finder.words.level_words:
                    area_full = relative_area(word, ctx)
                    if area_full is not None:
                        walk = Walk(walk.begin + len(written) - size, True, False)
                        return _Name(walk, word, area_full, word, "")
        return _Name(walk, written, full, area, modifier)

    def _unlikely(self, name: _Name, surface: str) -> bool:
        """A kind of body rather than one body: 各级…, 社区委员会, 十大服务中心, 都市型大学, 深圳中心."""
        words, modifier = self.finder.words, name.modifier
        cut = self.finder.walker.cut(modifier) if modifier else []
        if modifier and (
            (
                cut[0] in words.generic
                and not (name.full is not None and cut[0] in _WIDER_SCOPES)
                and not modifier.startswith(words.generic_fields)
            )
            or modifier in words.generic_modifiers
            or _COUNTED.match(modifier)
            or modifier.endswith(("型", "类", "性"))
            or modifier[0] in CLASSIFIERS
            or any(
                KIND_WORD.search(word) and not self._object_of_function(cut, i) for i, word in enumerate(cut)
            )
            or (name.full is None and modifier.startswith(self.finder.walker.core_heads))  # 大学临床医学院
        ):
            return True
        # a bare name + 中心 is a district or a building (深圳中心); a body says what it does
        tags = [t for _w, t in self.finder.walker.tag(modifier)]
        bare_name = name.full is None and tags in (["ns"], ["nz"], ["nr"])
        return surface in words.zone_cores and ((not modifier and name.full is not None) or bare_name)

    def _object_of_function(self, cut: list[str], index: int) -> bool:
        """Whether the classifying word ``cut[index]`` (数智化) is the object of the function the name
        goes on with (数智化绿色化发展促进中心: it promotes that development), not a kind of body."""
        rest = "".join(cut[index + 1 :])
        return any(verb in rest for verb in self.finder.words.function_verbs)

    def _hosted(self, name: _Name, core: Core) -> bool:
        """A kind of unit set up in each of several bodies (在新区法院、检察院设立法律援助工作站): not one
        body of the report's own area."""
        if name.full is not None or core.core not in _HOSTED_UNITS:
            return False
        begin = name.walk.begin
        return _HOSTS.search(self.text, max(self.floor, begin - 80), begin) is not None

    def _sub_unit(self, name: _Name, start: int, end: int, surface: str) -> None:
        """A unit of a committee named just before (调解和解组): the words back to the last punctuation."""
        text, walk, modifier = self.text, name.walk, name.modifier
        if not modifier:
            clause = re.search(r"[\u4e00-\u9fff]{2,6}$", text[max(self.last_end, start - 6) : start])
            modifier = clause.group(0) if clause else ""
            walk = Walk(start - len(modifier), walk.proper, False)
        parent = next(
            (o for o in reversed(self.found)
             if o.cls in ("Committee", "MediationCommittee") and o.parent is None
             and text.rfind("。", o.end, start) < 0),
            None,
        )
        if parent is not None and modifier and name.full is None:
            self._add(OrgMatch(walk.begin, end, parent.key + modifier + surface, parent.cls, parent.key))

    def _names_enough(self, name: _Name, core: Core, surface: str) -> bool:
        """Whether the name says which body it is, as its core needs (an area, a modifier, a proper name)."""
        full, area, modifier = name.full, name.area, name.modifier
        if core.needs == "place" and (full is None or modifier):
            return False
        if core.needs == "name" and modifier in self.finder.words.national_words:
            return False  # 国家技术创新中心: a national designation without its field
        if core.needs in ("name", "proper") and len(modifier) < 2 and (
            full is None or (area in _LEVEL_CHARS and core.cls in ("Committee", "Association", "Institution"))
        ):
            return False  # 市领导小组, 区协会: a level alone does not name a committee
        # 数据中心, 幼教集团 name kinds; 石化集团 is one organization word to rjieba
        return core.needs != "proper" or (
            name.walk.proper
            or bool(_NATIONAL.match(name.written))
            or name.written.startswith(tuple(self.finder.words.national_words))  # 首都…中心
            or area in _LEVEL_CHARS
            or self.finder.walker.tag(modifier + surface) == [(modifier + surface, "nt")]
        )

    def _own(self, name: _Name, core: Core, cls: str, start: int, end: int) -> None:
        """A standard department or people's organization (司法局, 政法委, 工会): of the area written before
        it, else of the report's own level (a 厅 of its province). A modifier that is no area makes it a
        kind of body or another's (企业工会, 铁路公安局): not named."""
        full, modifier, begin = name.full, name.modifier, name.walk.begin
        if full is None and modifier and (
            len(modifier) == 1 or (core.needs in ("own", "party") and not _NATIONAL.match(modifier))
        ):  # 经司法局批准, 会同农业农村厅: the words before a department are not part of its name
            modifier, begin = "", start
        if modifier:
            return  # 企业工会, 国家数据局: a kind of body, or a national one
        if full is None:
            if not self.finder.walker.is_word(self.text, start, end, self.last_end, head=True):
                return  # 台联 in 平台联动
            full = self._listed_area(begin) or self._own_area(core)
            if full is None:
                return
        tail = core.full.replace("{P}", "")
        if core.needs == "party":
            key = "中共" + full + "委" + tail
        elif "{P}" in core.full:
            key = core.full.replace("{P}", full)
        else:
            key = full + tail
        self._add(OrgMatch(begin, end, key, cls, area=full))
        if key.endswith("人民代表大会") and self.text.startswith("及其常委会", end):
            self._add(OrgMatch(end + 2, end + 5, key + "常务委员会", cls=cls))

    def _listed_area(self, begin: int) -> str | None:
        """The area of the body listed right before (龙岗区人大、政协: the same district's), if it names one
        other than the report's own."""
        prev = self.found[-1] if self.found else None
        if (
            prev is None or prev.area is None or prev.end != begin - 1 or self.text[begin - 1] != "、"
            or prev.cls not in _LOCAL_CLASSES or prev.area == self.ctx.own_prefix
        ):
            return None
        return prev.area

    def _own_area(self, core: Core) -> str | None:
        """The area a department or organization written alone belongs to: the report's own, or its
        province for a 厅 (and for a 局 whose function is a 厅 at the provincial level, none)."""
        ctx = self.ctx
        if core.core.endswith("厅"):
            return ctx.province
        if ctx.area_level == "province" and core.full.endswith("局") and (
            core.full[3:-1] + "厅" in self.finder.cores
        ):
            return None  # 司法局 in a province's report: the bureaus of its cities, not one body
        return ctx.own_prefix

    def _resolve(self, name: _Name, core: Core, cls: str, surface: str, end: int) -> None:
        """The canonical name: by the area written, the report's province (prisons), the name itself
        (enterprises, institutions), or later, from the other names of the report
        (:class:`~lawgraph.extract.org_refs.Pending`)."""
        text, ctx, walk, full, modifier = self.text, self.ctx, name.walk, name.full, name.modifier
        if cls == "Prison" and ctx.province:
            body = name.written.removeprefix(ctx.province).removeprefix(short_name(ctx.province))
            body = body.removeprefix("省")
            self._add(OrgMatch(walk.begin, end, ctx.province + body + surface, cls))
        elif cls in _NAMED_CLASSES and name.area not in _LEVEL_CHARS:
            bracket = _BRACKET_TAIL.match(text, end)
            tail_end = bracket.end() if bracket and core.cls in ("Institution", "Enterprise") else end
            self._add(OrgMatch(walk.begin, tail_end, text[walk.begin : tail_end], cls))
        elif not core.full.startswith("{P}"):  # a template such as 中共{P}工作委员会 takes the area alone
            if full is not None and not modifier:
                self._add(OrgMatch(walk.begin, end, core.full.replace("{P}", full), cls, area=full))
            elif full is None and not modifier:
                self.pending.append(Pending(walk.begin, end, core.full.replace("{P}", ""), cls, None))
        elif full is not None:
            key = full + modifier + core.full.replace("{P}", "")
            self._add(OrgMatch(walk.begin, end, key, cls, area=full))
        elif _NATIONAL.match(name.written):
            self._add(OrgMatch(walk.begin, end, modifier + core.full.replace("{P}", ""), cls))
        else:
            self._defer(name, core, cls, end)

    def _defer(self, name: _Name, core: Core, cls: str, end: int) -> None:
        """A name without area (检察院, 律师协会): resolved once the whole text is read."""
        tail = name.modifier + core.full.replace("{P}", "")
        fallback = None
        begin = name.walk.begin
        prev = self.found[-1] if self.found else None
        if (  # 新区法院、检察院: a list shares its first item's area
            prev is not None and prev.area and prev.end == begin - 1 and self.text[begin - 1] == "、"
            and cls in _LOCAL_CLASSES and not name.modifier
        ):
            fallback = prev.area + tail
        elif core.needs == "name" and self.ctx.own_prefix and cls in _LOCAL_CLASSES | {"*"}:
            fallback = self.ctx.own_prefix + tail
        elif core.needs in ("name", "proper"):
            fallback = tail
        if core.needs == "coref" or fallback is not None:
            self.pending.append(Pending(name.walk.begin, end, tail, cls, fallback))
            self.last_end = end

    def _listed_weak(self) -> list[OrgMatch]:
        """A name without a proper name listed next to a body of the same kind is one too (深化龙煤集团、
        北大荒集团、龙江森工集团改革)."""
        text, out = self.text, []
        begins = {(o.begin, o.cls, o.key[-2:]) for o in self.found}
        ends = {(o.end, o.cls, o.key[-2:]) for o in self.found}
        left = list(self.weak)
        while left:  # an item next to one taken is taken too (甲中心、乙中心、丙中心)
            more = []
            for org in left:
                kind = (org.cls, org.key[-2:])
                after = text[org.end : org.end + 1] == "、" and (org.end + 1, *kind) in begins
                before = text[org.begin - 1 : org.begin] == "、" and (org.begin - 1, *kind) in ends
                if after or before:
                    out.append(org)
                    begins.add((org.begin, *kind))
                    ends.add((org.end, *kind))
                else:
                    more.append(org)
            if len(more) == len(left):
                break
            left = more
        return out

    def _finish(self) -> list[OrgMatch]:
        """Add listed enterprises and 我厅-style mentions, then resolve the bare names, in text order."""
        text, floor, found = self.text, self.floor, self.found
        found.extend(listed_enterprises(self.finder.walker, text, floor, found))
        found.extend(self_references(text, floor, self.ctx, found))
        found.extend(self._listed_weak())
        found.sort(key=lambda o: (o.begin, o.end))
        if self.pending:
            found.extend(resolve_pending(self.pending, found, self.ctx))
            found.sort(key=lambda o: (o.begin, o.end))
        return found


def find_organizations(text: str, ctx: ReportContext, *, floor: int = 0) -> list[OrgMatch]:
    """Every organization mention in ``text``, with a finder built from the package's data files.

    A convenience for tests and notebooks: it builds an :class:`OrganizationFinder` on each call (a few
    milliseconds); the component keeps its own.
    """
    finder = OrganizationFinder.from_lexicon(Lexicon.from_package(ORGANIZATION_FILES))
    return finder.find(text, ctx, floor=floor)


class OrganizationRecognizer(LexiconComponent):
    """Adds the organization mentions to ``doc.spans[spans_key]`` (see the module docstring)."""

    files = ORGANIZATION_FILES

    def __init__(
        self,
        name: str = "lawgraph_organizations",
        *,
        spans_key: str = "organization",
        lexicon: Lexicon | None = None,
    ) -> None:
        self.spans_key = spans_key
        super().__init__(name, lexicon=lexicon)

    def build(self, lexicon: Lexicon) -> None:
        """Build the :class:`OrganizationFinder` from ``lexicon``."""
        self.finder = OrganizationFinder.from_lexicon(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        ctx = doc._.lg_context or ReportContext()  # make_nlp always runs lawgraph_context first
        report = doc._.report
        # doc.text is rebuilt from the tokens on every access; the report holds the same string.
        text = report.text if report is not None else doc.text
        spans: list[Span] = []
        for org in self.finder.find(text, ctx):
            found = entity_span(doc, org.begin, org.end, label=org.cls, kb_id=org.key)
            if found is None:
                continue
            span, exact = found
            set_span_attrs(doc, "organization", span, exact=exact, parent=org.parent)
            spans.append(span)
        set_entity_spans(doc, "organization", spans, spans_key=self.spans_key)
        return doc


@Language.factory(
    "lawgraph_organizations",
    assigns=["doc.spans"],
    requires=["doc._.lg_context"],
    default_config={"spans_key": "organization"},
)
def make_organization_recognizer(nlp: Language, name: str, spans_key: str) -> OrganizationRecognizer:
    """Build the ``lawgraph_organizations`` component."""
    return OrganizationRecognizer(name, spans_key=spans_key)
