"""Frozen value objects that cross module boundaries.

The flow is::

    path --ingest.read_report--> Report --extract.annotate--> spaCy Doc
         --extract.facts.doc_to_facts--> ReportFacts --rdf.facts_to_quads--> quads

Offsets (``begin``/``end``) always index :attr:`Report.text`, the normalized text, which is kept in the
graph, so every piece of evidence can be checked by slicing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

__all__ = [
    "ReportMeta",
    "Section",
    "Sentence",
    "Report",
    "Evidence",
    "Mention",
    "Entity",
    "Action",
    "Indicator",
    "ReportFacts",
    "ReportContext",
    "ENTITY_KINDS",
]

ENTITY_KINDS = ("organization", "place", "document", "initiative")
"""The kinds of :class:`Entity`; each maps to one spaCy span group ``doc.spans[kind]``."""


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """What a report says about itself: page metadata and its cover letter.

    Surface strings are kept as written (``addressee="省政府"``); the extractors resolve them to bodies.
    """

    title: str | None = None
    """The report's own title (from the page title or the cover letter)."""
    issuer: str | None = None
    """The sender as written (signature of the cover letter, 发布机构, or 来源)."""
    addressee: str | None = None
    """The addressee of a cover letter, as written (``省政府``)."""
    date: dt.date | None = None
    """The date the report was issued (cover-letter date, 成文日期, else the publish date)."""
    published: dt.date | None = None
    """The date the page was published, when the page says."""
    source: str | None = None
    """The 来源 line of the page, as written."""
    url: str | None = None
    """Where the page was found, when known."""
    publisher: str | None = None
    """The body named in the page footer (版权所有 / 主办), as written."""
    year: int | None = None
    """The year reported on (``2022年度`` in the title; else the year before the issue date)."""


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the text it governs. ``level`` is 1 for 一、, 2 for (一), 3 for 1. and so on."""

    begin: int
    end: int
    level: int
    number: str
    title: str
    parent: int | None = None
    """Index of the enclosing section in :attr:`Report.sections`, if any."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the body, ``text[begin:end]``."""

    begin: int
    end: int
    section: int | None = None
    """Index of the innermost section it sits in."""


@dataclass(frozen=True, slots=True)
class Report:
    """A report read from disk: normalized text, metadata and structure."""

    name: str
    """The file name (no folders), stable across machines."""
    text: str
    """The normalized body text. Every offset in the graph indexes this string."""
    sha256: str
    """SHA-256 of :attr:`text` (hex); report-scoped IRIs derive from it."""
    meta: ReportMeta = field(default_factory=ReportMeta)
    sections: tuple[Section, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    body_begin: int = 0
    """Where the report body starts in :attr:`text` (after the cover letter and page chrome)."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: the span and its sentence, as offsets into :attr:`Report.text`."""

    begin: int
    end: int
    sentence_begin: int
    sentence_end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One surface form of an entity in the text."""

    text: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Entity:
    """An organization, place, document or initiative, after aliases are merged.

    ``key`` is the canonical name; with ``kind`` it gives the entity's IRI, so the same body is one node in
    every report that names it.
    """

    kind: str
    """One of :data:`ENTITY_KINDS`."""
    key: str
    """The canonical (full official) name: the prefLabel, or the title of a document."""
    cls: str
    """The local name of the lawgraph class (``Court``, ``County``, ``PolicyDocument`` …)."""
    mentions: tuple[Mention, ...] = ()
    parent: str | None = None
    """Canonical name of the parent: ``org:subOrganizationOf`` or ``schema:containedInPlace``."""
    code: str | None = None
    """GB/T 2260 division code, for places that have one."""
    doc_type: str | None = None
    """For documents: 条例, 办法, 意见 … taken from the title."""
    version: str | None = None
    """For documents: the version or year in the title (``2022版``)."""
    location: str | None = None
    """For organizations: canonical name of the most specific place of the report that the organization's
    name spells out (``schema:location``): 甘肃省兰州新区 for 兰州新区人民检察院."""

    @property
    def alt_labels(self) -> tuple[str, ...]:
        """Every distinct surface form, sorted."""
        return tuple(sorted({m.text for m in self.mentions}))


@dataclass(frozen=True, slots=True)
class Action:
    """Who did what, with whom, where and when: one clause."""

    verb: str
    """The verb as written (成立, 印发 …)."""
    type: str
    """Local name of the action-type concept (``establish``, ``issue`` …; ``other`` outside the scheme)."""
    agents: tuple[str, ...]
    """Entity keys of the agents, decided by :mod:`lawgraph.extract.agents` (the report's issuer when the
    clause has no subject in the report's own voice; empty when the report names no issuer, and for an award
    whose giver the text does not name)."""
    evidence: Evidence
    objects: tuple[str, ...] = ()
    """Entity keys of what it acted on."""
    partners: tuple[str, ...] = ()
    generated: tuple[str, ...] = ()
    """Entity keys of organizations created or documents issued (``prov:generated``)."""
    used: tuple[str, ...] = ()
    """Entity keys of documents applied (``prov:used``)."""
    places: tuple[str, ...] = ()
    time: str | None = None
    section: int | None = None
    object_text: str | None = None
    """What it acted on as written, when the entities it names do not say it all (``lg:objectText``):
    ``行政争议化解机制`` of 与…建立行政争议化解机制."""
    status: str | None = None
    """``done``, ``planned`` or ``shortcoming`` (:mod:`lawgraph.extract.status`); set by
    :func:`lawgraph.extract.facts.doc_to_facts`."""


@dataclass(frozen=True, slots=True)
class Indicator:
    """A quantity the report states as an achievement (a ``qb:Observation``)."""

    value: Decimal
    """The value, scaled (8万 → 80000; 亿元 → 元)."""
    unit: str
    written: str
    """The number and unit as written (``8万件``)."""
    phrase: str
    """What is counted (``受理行政复议案件``)."""
    evidence: Evidence
    approximation: str | None = None
    """余, 多, 近, 以上, 约, 超过 … when the text hedges the number."""
    action: int | None = None
    """Index into :attr:`ReportFacts.actions` of the action it measures."""
    status: str | None = None
    """``done``, ``planned`` (a target) or ``shortcoming`` (:mod:`lawgraph.extract.status`); set by
    :func:`lawgraph.extract.facts.doc_to_facts`."""


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """Everything extracted from one report, ready to become RDF."""

    report: Report
    entities: tuple[Entity, ...] = ()
    actions: tuple[Action, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    issuer: str | None = None
    """Key of the issuing organization."""
    addressee: str | None = None
    """Key of the addressed organization."""
    implied_organizations: tuple[Entity, ...] = ()
    """Organizations only actions name, as agents: subjects the entity components found as places or
    documents (:func:`lawgraph.extract.agents.implied_organizations`). Not among :attr:`entities`: no
    mention names them as organizations, and keys of other roles do not resolve to them."""


@dataclass(frozen=True, slots=True)
class ReportContext:
    """Where a report was written, as canonical names (``doc._.lg_context``, set by the component
    ``lawgraph_context`` of :mod:`lawgraph.extract.context`).

    ``chain`` lists the issuer's areas from the province down (``("广东省", "深圳市", "龙岗区")``);
    ``own_prefix`` is how the area's bodies are named (``深圳市龙岗区`` → ``深圳市龙岗区人民政府``).
    """

    issuer: str | None = None
    """Canonical name of the issuing body."""
    issuer_surface: str | None = None
    """The issuer as written."""
    addressee: str | None = None
    """Canonical name of the addressee, when the report has a cover letter."""
    addressee_surface: str | None = None
    publisher: str | None = None
    """Canonical name of the body that published the page (版权所有), when it is named."""
    bodies: tuple[tuple[str, str, str | None], ...] = ()
    """(canonical name, class, parent) of the issuer, addressee and publisher: organizations of the report
    even when only its metadata names them."""
    area: str | None = None
    """The issuer's own area (``兰州新区``, ``龙岗区``)."""
    area_level: str | None = None
    """``province``, ``city``, ``county``, ``district``, ``new_area``, ``town`` …"""
    chain: tuple[str, ...] = ()
    province: str | None = None
    city: str | None = None
    county: str | None = None
    """The county or district, when the issuer sits at that level or below."""
    own_prefix: str | None = None

    @property
    def local_city(self) -> str | None:
        """The city a bare 市 (市委, 市政府) means: a county-level city's report means itself.

        >>> ctx = ReportContext(area="浏阳市", area_level="county", city="长沙市")
        >>> ctx.local_city, ctx.city
        ('浏阳市', '长沙市')
        """
        if self.area_level == "county" and self.area and self.area.endswith("市"):
            return self.area
        return self.city
