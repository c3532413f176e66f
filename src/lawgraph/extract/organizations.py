"""The ``lawgraph_organizations`` component: bodies named in full, compositionally or by abbreviation.

A body's name is ``<area chain><modifier><core>`` (兰州新区 + 知识产权纠纷 + 人民调解委员会). The component
finds every core and standard abbreviation from the data files (``org_cores.tsv``,
``org_abbreviations.tsv``) with one compiled regex over ``doc.text``, reads the words to the left of each
core with rjieba's tagger to find where the name begins, and resolves the area against the report's context
(``doc._.lg_context``) to the canonical, full official name (``span.kb_id_``). ``span.label_`` is the
lawgraph class (``Court``, ``PartyBody`` …); ``span._.lg_parent`` names the body a unit belongs to
(复议委员会办公室 → 行政复议委员会).

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

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from lawgraph.extract import resolve
from lawgraph.extract.context import ReportContext, report_context

__all__ = ["OrgMatch", "OrganizationRecognizer", "find_organizations", "make_organization_recognizer"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Tags of words that can sit inside a name before its core (nouns, places, abbreviations, idioms …).
_NAME_TAGS = frozenset({"n", "nz", "ns", "nt", "j", "l", "vn", "ng", "an", "b", "eng", "nrt", "nrfg", "i"})
# Words that end a name on the left even when tagged as nouns: generic quantifiers and scopes.
_GENERIC = frozenset(
    {"各", "各级", "全", "全区", "全市", "全省", "全县", "全国", "本", "该", "有关", "相关", "所有", "基层",
     "其", "等", "各类", "各地", "部分", "多个", "上级", "下级", "同级", "属地", "成员", "相应"}
)
_NATIONAL = re.compile(r"^(?:中央|国家|国务院|全国|中国|中华)")
_LEVEL_CHARS = ("新区", "省", "市", "区", "县")
_WINDOW = 18
_MAX_NAME = 14
_LOCAL_CLASSES = frozenset(
    {"GovernmentBody", "PartyBody", "PeoplesCongress", "PoliticalConsultativeConference", "Court",
     "Procuratorate", "PublicSecurityOrgan", "JusticeAdministration", "Committee", "MediationCommittee",
     "Association"}
)


@dataclass(frozen=True, slots=True)
class OrgMatch:
    """One organization mention: offsets into the text, canonical name, class and parent."""

    begin: int
    end: int
    key: str
    cls: str
    parent: str | None = None


@lru_cache(maxsize=1)
def _tables() -> tuple[re.Pattern[str], dict[str, resolve.Core], dict[str, tuple[str, str]], tuple[tuple[str, str], ...]]:
    cores = {c.core: c for c in resolve.org_cores()}
    abbrs = resolve.org_abbreviations()
    alts = sorted(set(cores) | set(abbrs), key=lambda s: (-len(s), s))
    parts = []
    for alt in alts:
        escaped = re.escape(alt)
        # 区委 / 省委 are not the start of 委员会 (社区委员会).
        parts.append(escaped + "(?!员)" if alt.endswith("委") else escaped)
    pattern = re.compile("|".join(parts))
    kinds = tuple((r[0], r[1]) for r in resolve._read_tsv("org_kinds.tsv"))
    return pattern, cores, abbrs, kinds


def _tag(text: str) -> list[tuple[str, str]]:
    import rjieba

    return list(rjieba.tag(text))


def _is_place_word(word: str) -> bool:
    index = resolve.divisions()
    return word in index.full or word in index.short or word in _LEVEL_CHARS or word.endswith("新区")


def _left_extent(text: str, start: int, floor: int) -> int:
    """Where the name whose core starts at ``start`` begins (never before ``floor``)."""
    lo = max(floor, start - _WINDOW)
    window = text[lo:start]
    if not window or not _CJK.search(window[-1]):
        return start
    tokens = _tag(window)
    begin = start
    for word, tag in reversed(tokens):
        if word in _GENERIC or not _CJK.match(word):
            break
        if tag not in _NAME_TAGS and not _is_place_word(word):
            break
        if start - (begin - len(word)) > _MAX_NAME:
            break
        begin -= len(word)
    return begin


def _kind(name: str, kinds: tuple[tuple[str, str], ...]) -> str:
    for keyword, cls in kinds:
        if keyword in name:
            return cls
    return "GovernmentBody"


def _split_prefix(written: str, ctx: ReportContext) -> tuple[str | None, str, str]:
    """Split a written head into (expanded area prefix or None, written area part, modifier)."""
    for char in _LEVEL_CHARS:
        if written.startswith(char) and not (char != "新区" and written.startswith("新区")):
            full = resolve.expand_prefix(char, ctx)
            if full is not None:
                return full, char, written[len(char) :]
    places = resolve.parse_places(written)
    if places:
        area = written[: places[-1].end]
        full = resolve.expand_prefix(area, ctx)
        if full is not None:
            return full, area, written[places[-1].end :]
    return None, "", written


def _place_before(text: str, start: int, floor: int) -> tuple[int, str] | None:
    """A place name written right before ``start`` (甘肃 in 甘肃省委): its start and text."""
    index = resolve.divisions()
    for size in range(min(8, start - floor), 1, -1):
        piece = text[start - size : start]
        if piece in index.short or piece in index.full:
            return start - size, piece
    return None


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
    deferred: list[tuple[int, int, str, str, str]] = []  # coref candidates: begin, end, tail, cls, full
    for match in pattern.finditer(text, floor):
        start, end = match.span()
        surface = match.group(0)
        prev = found[-1] if found and found[-1].end == start else None
        abbr = abbrs.get(surface)
        if abbr is not None:
            template, cls = abbr
            values = {"province": ctx.province, "city": ctx.city, "own": ctx.own_prefix}
            begin = start
            if surface[0] in "省市区县":
                before = _place_before(text, start, floor)
                if before is not None:
                    full = resolve.expand_prefix(before[1] + surface[0], ctx)
                    if full is not None:
                        begin = before[0]
                        level = {"省": "province", "市": "city"}.get(surface[0], "own")
                        values[level] = full
                elif start > floor and _CJK.match(text[start - 1]):
                    head = text[max(floor, start - 4) : start + 1]
                    words = _tag(head)
                    pos = start - len(head) + 1
                    boundary = False
                    for word, _tag_ in words:
                        if pos == start:
                            boundary = True
                            break
                        pos += len(word)
                    if not boundary:
                        continue
            elif "{own}" in template:
                left = _left_extent(text, start, floor)
                if left < start:
                    full, area, modifier = _split_prefix(text[left:start], ctx)
                    if full is not None and not modifier:
                        begin = start - len(area)
                        values["own"] = full
            key = template
            for name, value in values.items():
                if "{" + name + "}" in key:
                    if not value:
                        key = ""
                        break
                    key = key.replace("{" + name + "}", value)
            if key:
                found.append(OrgMatch(begin, end, key, cls))
            continue
        core = cores[surface]
        if core.needs == "sub" or (prev is not None and core.cls == "*"):
            if prev is not None:
                cls = prev.cls if core.cls == "*" else core.cls
                found[-1] = OrgMatch(prev.begin, end, prev.key + core.full.replace("{P}", ""), cls, prev.key)
                continue
        left = _left_extent(text, start, floor)
        written = text[left:start]
        if prev is not None and left < prev.end:
            written = ""
            left = start
        full, area, modifier = _split_prefix(written, ctx)
        if modifier and any(modifier.startswith(g) for g in _GENERIC):
            continue
        cls = _kind(modifier + surface, kinds) if core.cls == "*" else core.cls
        national = bool(_NATIONAL.match(modifier)) or bool(_NATIONAL.match(written))
        if core.needs == "place":
            if full is None or modifier:
                continue
        elif core.needs in ("name", "sub"):
            if full is None and len(modifier) < 2:
                continue
        name_tail = modifier + surface
        if core.needs == "sub":
            parent = next(
                (o for o in reversed(found) if o.cls in ("Committee", "MediationCommittee")
                 and text.rfind("。", o.end, start) < 0),
                None,
            )
            if parent is None or not modifier:
                continue
            found.append(OrgMatch(left, end, parent.key + name_tail, parent.cls, parent.key))
            continue
        if cls == "Prison" and ctx.province:
            short = resolve._SHORT_SUFFIX.sub("", ctx.province)
            body = written.removeprefix(ctx.province).removeprefix(short).removeprefix("省")
            found.append(OrgMatch(left, end, ctx.province + body + surface, cls))
            continue
        if cls in ("Enterprise", "Institution", "MediaOutlet") and area not in _LEVEL_CHARS:
            found.append(OrgMatch(left, end, written + surface, cls))
            continue
        tail = core.full.replace("{P}", "") if "{P}" not in core.full[:3] else core.full[3:]
        if full is None:
            if national:
                found.append(OrgMatch(left, end, modifier + tail, cls))
                continue
            if core.needs == "coref":
                deferred.append((left, end, modifier + tail, cls, name_tail))
                continue
            full = ctx.own_prefix if cls in _LOCAL_CLASSES or core.cls == "*" else ""
            if full is None:
                continue
        if "{P}" in core.full and not core.full.startswith("{P}"):
            if modifier:
                continue
            key = core.full.replace("{P}", full)
        else:
            key = full + modifier + tail
        found.append(OrgMatch(left, end, key, cls))
    if deferred:
        keys = [o.key for o in found]
        for left, end, tail, cls, _written in deferred:
            target = next((k for k in keys if k.endswith(tail)), None)
            if target is None and ctx.own_prefix:
                own = ctx.own_prefix + tail
                target = own if own in keys else None
            if target is not None:
                found.append(OrgMatch(left, end, target, cls))
        found.sort(key=lambda o: (o.begin, o.end))
    return found


class OrganizationRecognizer:
    """Adds ``doc.spans["organization"]`` (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "lawgraph_organizations", *, span_key: str = "organization") -> None:
        self.name = name
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        ctx = doc._.lg_context or report_context(doc)
        report = doc._.report
        floor = 0 if report is None else 0
        spans: list[Span] = []
        for org in find_organizations(doc.text, ctx, floor=floor):
            span = doc.char_span(org.begin, org.end, label=org.cls, kb_id=org.key, alignment_mode="expand")
            if span is None:
                continue
            if (span.start_char, span.end_char) != (org.begin, org.end):
                span._.lg_exact = (org.begin, org.end)
            span._.lg_parent = org.parent
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
