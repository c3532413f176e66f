"""The report's context: who issued it, its own area chain and its province.

Relative names in a report only make sense from where it was written: 省政府 in a report of 兰州新区 is
甘肃省人民政府, 区政府 in a report of 龙岗区 is 深圳市龙岗区人民政府. The component ``lawgraph_context``
reads the issuer from ``doc._.report.meta`` (issuer, publisher, source, title) and, when the metadata is
silent, from the opening of the text (``我代表龙岗区人民政府``), then places the issuer's area in the
administrative-division table. :class:`ContextReader` does the reading with an
:class:`~lawgraph.extract.organizations.OrganizationFinder`, which tells whether a metadata string names a
body and which; the component builds both from the organization data files.

Examples
--------
>>> ctx = context_from_strings(issuer="深圳市龙岗区人民政府")
>>> ctx.issuer, ctx.own_prefix, ctx.city, ctx.province
('深圳市龙岗区人民政府', '深圳市龙岗区', '深圳市', '广东省')
>>> ctx = context_from_strings(issuer="兰州新区管理委员会")
>>> ctx.area, ctx.area_level, ctx.province
('兰州新区', 'new_area', '甘肃省')
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from lawgraph.extract.areas import Located, locate_area
from lawgraph.extract.component import LexiconComponent
from lawgraph.extract.data import Lexicon, load_gazetteer
from lawgraph.extract.opening import area_from_text, level_of, opening_subject
from lawgraph.extract.organizations import ORGANIZATION_FILES, OrganizationFinder
from lawgraph.model import ReportContext

__all__ = ["ContextReader", "ReportContextComponent", "context_from_strings", "make_report_context"]


# "我代表龙岗区人民政府向大会作工作报告" and similar openings of work reports.
_DELEGATE = re.compile(r"代表([\u4e00-\u9fff]{2,30}?(?:人民政府|管理委员会|管委会))")


_ORDINAL = re.compile(r"第?[一二三四五六七八九十\d]+届")
_JOINT = re.compile(r"[、,，\s]+")
_GOVERNMENT_CORES = ("人民政府", "政府", "管理委员会", "管委会")
_TITLE_YEAR = re.compile(r"^\d{4}年度?")
_NOT_ISSUERS = frozenset({"MediaOutlet", "Enterprise", "Institution"})
_NEWS_ENDINGS = ("网", "客户端", "日报", "晚报", "电视台", "新闻", "报社", "APP")


def _area_in(title: str, hint: str) -> Located | None:
    """The first area named anywhere in a title (2022年坪山区政府工作报告 → 坪山区)."""
    for i in range(len(title) - 1):
        if not ("\u4e00" <= title[i] <= "\u9fff"):
            continue
        located = locate_area(title[i:], hint=hint)
        if located is not None:
            return located
    return None


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return value.strip()
    return None



def _issuer_surface(issuer: str | None, text: str) -> str | None:
    """The issuer as written: the metadata's, else the text's opening (我代表…), without 第N届 and, of a joint
    signature (新区党工委、管委会), the government body."""
    surface = _first(issuer)
    if surface is None:
        match = _DELEGATE.search(text[:2000])
        if match:
            surface = match.group(1)
    if surface is not None:
        surface = _ORDINAL.sub("", surface)  # 光明区一届人民政府 → 光明区人民政府
        parts = [p for p in _JOINT.split(surface) if p]
        if len(parts) > 1:  # 新区党工委、管委会: the government body of a joint signature
            surface = next((p for p in parts if p.endswith(_GOVERNMENT_CORES)), parts[0])
    return surface


def _zone_city(hint: str, province: str) -> str | None:
    """The city of the province a new area's report names most often (at least three times): a zone is
    administered from a city, whose bodies its report calls 市委 and 市政府.

    >>> _zone_city("深圳市委部署，深圳全市推进，深圳东部建设", "广东省")
    '深圳市'
    >>> _zone_city("深圳市委部署", "广东省") is None
    True
    """
    index = load_gazetteer()
    best: tuple[int, str | None] = (2, None)
    for short, cands in index.by_any_short_form.items():
        cities = [c for c in cands if c.level == 2]
        if len(short) < 2 or len(cities) != 1:
            continue
        path = index.path(cities[0])
        if path[0].name != province:
            continue
        count = hint.count(short)
        if count > best[0]:
            best = (count, cities[0].name)
    return best[1]


def _located_context(surface: str | None, title: str | None, text: str) -> ReportContext:
    """The context of the issuer's area: read from the issuer, else the title, else the text (the
    opening's 我代表…, the session it was delivered to, the area of the issuer's level it names most)."""
    hint = text[:5000]
    located = locate_area(surface or "", hint=hint)
    if located is None and title:
        located = _area_in(title, hint)
    if located is None and surface is not None and surface[:1] in "省市区县":
        match = _DELEGATE.search(text[:2000])  # the text may name the area the metadata leaves out
        if match and match.group(1) != surface:
            located = locate_area(match.group(1), hint=hint)
    level = level_of(surface or "")
    if located is None and (surface is None or level is not None):  # 国务院 names no area
        area = area_from_text(text, level)
        located = locate_area(area, hint=hint) if area else None
    if located is None:
        return ReportContext(issuer_surface=surface)
    city = located.city
    if located.level == "province" and located.area.endswith("市"):
        city = located.area  # a municipality (重庆市) is its own city: 市委, 市政府 are its bodies
    elif located.level == "new_area" and city is None and located.province:
        city = _zone_city(hint, located.province)  # 大鹏新区's 市委 is 深圳's
    return ReportContext(
        issuer_surface=surface,
        area=located.area,
        area_level=located.level,
        chain=located.chain,
        province=located.province,
        city=city,
        county=located.county,
        own_prefix=located.prefix,
    )


class ContextReader:
    """Reads where a report was written (see the module docstring).

    Parameters
    ----------
    organizations : OrganizationFinder
        Reads the bodies the metadata names (issuer, addressee, publisher).
    """

    def __init__(self, organizations: OrganizationFinder) -> None:
        self.organizations = organizations
        names = organizations.names
        self.body_words = tuple(
            {c.core for c in names.cores if c.cls not in _NOT_ISSUERS}
            | {s for s, a in names.abbreviations.items() if a.level is not None}
        )
        """Words an issuer's name ends with (司法厅, 人民政府, 区委 …)."""

    def from_strings(
        self,
        *,
        issuer: str | None = None,
        title: str | None = None,
        addressee: str | None = None,
        publisher: str | None = None,
        source: str | None = None,
        text: str = "",
    ) -> ReportContext:
        """The :class:`ReportContext` of a report's issuer, title, addressee, publisher, source and text.

        Parameters
        ----------
        issuer : str, optional
            The issuer as written (metadata, signature, source line).
        title : str, optional
            The report's title; its head (``龙岗区2022年…``) names the area when the issuer is unknown.
        addressee : str, optional
            The addressee as written (``省政府``), resolved once the area is known.
        publisher : str, optional
            The body named in the page footer (``版权所有``), resolved like the addressee.
        source : str, optional
            Where the page says the text comes from (``来源：某某日报``): a body of the report when it is a
            news outlet.
        text : str
            The report text; its opening (``我代表…人民政府``, its first sentence's subject) and the areas it
            names are read when the metadata is silent (:mod:`lawgraph.extract.opening`).
        """
        surface = _issuer_surface(issuer, text)
        if surface is not None and not self._may_issue(surface):
            surface = None  # a news site or paper that reprinted the report
        if surface is None and title:
            surface = self._title_body(title)
        if surface is None:
            surface = opening_subject(text, self.body_words)
        ctx = _located_context(surface, title, text)
        bodies: list[tuple[str, str, str | None]] = []
        issuer_key = None
        if surface and not (ctx.area and surface in (ctx.area, ctx.own_prefix)):
            body = self._meta_body(surface, ctx)
            issuer_key = body[0]
            bodies.append(body)
        if issuer_key is None and ctx.own_prefix:
            # The issuer is the area's government (or the new area's management committee).
            core = "管理委员会" if ctx.area_level == "new_area" else "人民政府"
            issuer_key = ctx.own_prefix + core
            bodies.append((issuer_key, "GovernmentBody", None))
        addressee_surface = _first(addressee)
        addressee_key = publisher_key = None
        if addressee_surface:
            body = self._meta_body(addressee_surface, ctx, strict=True)
            addressee_key = body[0] or None
            bodies.append(body)
        if publisher and publisher.strip():
            body = self._meta_body(publisher.strip(), ctx, strict=True)
            if body[0]:
                publisher_key = body[0]
                bodies.append(body)
        if source and source.strip():  # 来源：某某日报
            body = self._meta_body(source.strip(), ctx, strict=True)
            if body[1] == "MediaOutlet":
                bodies.append(body)
        return replace(
            ctx,
            issuer=issuer_key,
            addressee=addressee_key,
            addressee_surface=addressee_surface,
            publisher=publisher_key,
            bodies=tuple(b for b in bodies if b[0]),
        )

    def of_doc(self, doc: Doc) -> ReportContext:
        """The :class:`ReportContext` of a Doc: from ``doc._.report`` when set, else from the text alone."""
        report = doc._.report
        if report is None:
            return self.from_strings(text=doc.text)
        meta = report.meta
        issuer = _first(meta.issuer)
        if issuer is None:
            # A page's 来源 or footer names the issuer only when it is an organization (not 人民网).
            named = (s.strip() for s in (meta.source, meta.publisher) if s)
            issuer = next((s for s in named if self._is_org_name(s)), None)
        return self.from_strings(
            issuer=issuer,
            title=meta.title,
            addressee=meta.addressee,
            publisher=meta.publisher,
            source=meta.source,
            text=report.text,
        )

    def _meta_body(
        self, surface: str, ctx: ReportContext, *, strict: bool = False
    ) -> tuple[str, str, str | None]:
        """(canonical name, class, parent) of a body named in the metadata (``省政府``, ``区人民政府``).

        With ``strict``, a surface that is not wholly one organization name gives an empty name.
        """
        found = self.organizations.find(surface, ctx)
        whole = [o for o in found if o.begin == 0 and o.end == len(surface)]
        if whole:
            return whole[-1].key, whole[-1].cls, whole[-1].parent
        if strict:
            return "", "", None
        return self.organizations.names.canonical(surface, ctx) or surface, "GovernmentBody", None


    def _title_body(self, title: str) -> str | None:
        """The body a title starts with (武昌区司法局2021年法治政府建设年度报告 → 武昌区司法局)."""
        head = _TITLE_YEAR.sub("", title.strip())
        for org in self.organizations.find(head, ReportContext()):
            if org.begin == 0 and org.cls not in _NOT_ISSUERS:
                return head[: org.end]
        return None

    def _may_issue(self, surface: str) -> bool:
        """Whether ``surface`` may be a report's issuer: not a news outlet (人民网, 某某日报客户端)."""
        if surface.endswith(_NEWS_ENDINGS):
            return False
        cls = self._meta_body(surface, ReportContext(), strict=True)[1]
        return cls not in _NOT_ISSUERS

    def _is_org_name(self, surface: str) -> bool:
        """Whether ``surface`` is wholly one organization name (a 来源 line may name a news site instead)."""
        return bool(self._meta_body(surface, ReportContext(), strict=True)[0])


def context_from_strings(
    *,
    issuer: str | None = None,
    title: str | None = None,
    addressee: str | None = None,
    publisher: str | None = None,
    source: str | None = None,
    text: str = "",
) -> ReportContext:
    """:meth:`ContextReader.from_strings` with a reader built from the package's data files.

    A convenience for tests and notebooks: it builds the reader on each call (a few milliseconds); the
    component keeps its own.
    """
    reader = ContextReader(OrganizationFinder.from_lexicon(Lexicon.from_package(ORGANIZATION_FILES)))
    return reader.from_strings(
        issuer=issuer, title=title, addressee=addressee, publisher=publisher, source=source, text=text
    )


class ReportContextComponent(LexiconComponent):
    """The ``lawgraph_context`` component: sets ``doc._.lg_context`` to the report's context."""

    files = ORGANIZATION_FILES

    def build(self, lexicon: Lexicon) -> None:
        """Build the :class:`ContextReader` from ``lexicon``."""
        self.reader = ContextReader(OrganizationFinder.from_lexicon(lexicon))

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.lg_context`` and return ``doc``."""
        doc._.lg_context = self.reader.of_doc(doc)
        return doc


@Language.factory("lawgraph_context", assigns=["doc._.lg_context"])
def make_report_context(nlp: Language, name: str) -> ReportContextComponent:
    """Build the ``lawgraph_context`` component (first in :func:`~lawgraph.extract.pipeline.make_nlp`)."""
    return ReportContextComponent(name)
