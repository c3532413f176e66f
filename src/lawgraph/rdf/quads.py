"""Turn the facts of one report into RDF quads.

:func:`facts_to_quads` is pure and deterministic: the same :class:`~lawgraph.model.ReportFacts` always give
the same list of :class:`pyoxigraph.Quad`, in the same order, on every machine. IRIs come from
:func:`lawgraph.namespaces.resource_iri`, so entities named in several reports are one node, and graphs
built separately merge by plain union.

Where the quads go (``docs/DESIGN.md``, "The graph model"):

- the **default graph** holds what is shared across reports: each entity's types, labels, parent, division
  code, title, document type and version;
- the **named graph of the report** (its IRI is the report's IRI) holds the report node, its NIF context,
  sections, evidence sentences, mentions, actions, the Data Cube data set and its observations.

Evidence is NIF 2.0: a fact's ``lg:evidence`` is a ``nif:Sentence`` whose ``nif:beginIndex`` and
``nif:endIndex`` index the context's ``nif:isString``, so ``isString[begin:end] == anchorOf``.

Examples
--------
>>> from lawgraph.model import Report, ReportFacts
>>> report = Report(name="r.txt", text="示例文本。", sha256="0" * 64)
>>> quads = facts_to_quads(ReportFacts(report=report))
>>> quads[0].subject.value == report_iri(report)
True
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from decimal import Decimal

import pyoxigraph as ox

from lawgraph.model import Action, Entity, Evidence, Indicator, Report, ReportFacts
from lawgraph.namespaces import (
    ACT,
    DCTERMS,
    FOAF,
    ITSRDF,
    LG,
    NIF,
    ORG,
    PROV,
    QB,
    RDF,
    SDMX_ATTRIBUTE,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    SDO,
    SKOS,
    XSD,
    resource_iri,
)

__all__ = ["facts_to_quads", "report_iri", "entity_iri", "ENTITY_IRI_KIND", "ORGANIZATION_CLASSES",
           "PLACE_CLASSES"]

log = logging.getLogger(__name__)

ENTITY_IRI_KIND: dict[str, str] = {
    "organization": "org",
    "place": "place",
    "document": "doc",
    "initiative": "initiative",
}
"""The :func:`~lawgraph.namespaces.resource_iri` kind of each entity kind."""

ORGANIZATION_CLASSES: frozenset[str] = frozenset(
    {
        "GovernmentBody", "PartyBody", "PeoplesCongress", "PoliticalConsultativeConference", "Court",
        "Procuratorate", "PublicSecurityOrgan", "JusticeAdministration", "Committee", "MediationCommittee",
        "Association", "Enterprise", "Prison", "Institution", "MediaOutlet", "OtherOrganization",
    }
)
"""Local names of the lawgraph organization classes (subclasses of ``org:Organization``)."""

PLACE_CLASSES: frozenset[str] = frozenset(
    {
        "Province", "City", "County", "District", "NewArea", "Park", "Town", "Township", "Subdistrict",
        "Village", "Community",
    }
)
"""Local names of the lawgraph place levels (subclasses of ``schema:AdministrativeArea``)."""

# Role of a key in an action -> which entity kinds it may name, in order of preference.
_ROLE_KINDS: dict[str, tuple[str, ...]] = {
    "agent": ("organization",),
    "partner": ("organization", "place"),
    "object": ("organization", "document", "initiative", "place"),
    "generated": ("organization", "document", "initiative"),
    "used": ("document",),
    "place": ("place",),
}


def _n(term: str) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def _lit(value: str, datatype: str | None = None) -> ox.Literal:
    return ox.Literal(value, datatype=_n(datatype)) if datatype else ox.Literal(value)


def _zh(value: str) -> ox.Literal:
    return ox.Literal(value, language="zh")


def _nni(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_XSD_NNI)


def _decimal(value: Decimal) -> str:
    text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    return text


_XSD_NNI = _n(XSD.nonNegativeInteger)
_A = _n(RDF.type)


def report_iri(report: Report) -> str:
    """The IRI of a report node, which is also the IRI of its named graph."""
    return resource_iri("report", report.sha256)


def entity_iri(entity: Entity) -> str:
    """The IRI of an entity: its kind and canonical name (``resource_iri("org", key)`` …)."""
    return resource_iri(ENTITY_IRI_KIND[entity.kind], entity.key)


def _strip_brackets(text: str) -> str:
    return text.strip().removeprefix("《").removesuffix("》").strip()


class _Builder:
    """Accumulates the quads of one report; one instance per call of :func:`facts_to_quads`."""

    def __init__(self, facts: ReportFacts) -> None:
        self.facts = facts
        self.report = facts.report
        self.sha = facts.report.sha256
        self.graph = _n(report_iri(facts.report))
        self.default = ox.DefaultGraph()
        self.quads: list[ox.Quad] = []
        self.context = _n(resource_iri("text", self.sha))
        self.by_key: dict[str, dict[str, Entity]] = {}
        for entity in facts.entities:
            self.by_key.setdefault(entity.key, {}).setdefault(entity.kind, entity)
        self.sentences: dict[tuple[int, int], ox.NamedNode] = {}
        self.sentence_section = {(s.begin, s.end): s.section for s in self.report.sentences}
        self.implicit_orgs: dict[str, ox.NamedNode] = {}

    # ---------------------------------------------------------------- helpers
    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal, *, shared: bool = False) -> None:
        self.quads.append(ox.Quad(s, p, o, self.default if shared else self.graph))

    def section(self, index: int | None) -> ox.NamedNode | None:
        if index is None or not 0 <= index < len(self.report.sections):
            return None
        return _n(resource_iri("section", self.sha, str(self.report.sections[index].begin)))

    def resolve(self, key: str, role: str) -> ox.NamedNode | None:
        """The IRI of the entity ``key`` names in ``role``; ``None`` (logged) when no entity has that key."""
        kinds = self.by_key.get(key, {})
        for kind in _ROLE_KINDS[role]:
            if kind in kinds:
                return _n(entity_iri(kinds[kind]))
        if role == "agent":
            return self.organization(key)
        if kinds:  # a known entity in an unusual role: link it anyway
            return _n(entity_iri(next(iter(kinds.values()))))
        log.debug("%s: no entity with key %r for role %s; link dropped", self.report.name, key, role)
        return None

    def organization(self, key: str) -> ox.NamedNode:
        """The IRI of organization ``key``, describing it minimally when the extractors did not list it."""
        kinds = self.by_key.get(key, {})
        if "organization" in kinds:
            return _n(entity_iri(kinds["organization"]))
        iri = self.implicit_orgs.get(key)
        if iri is None:
            log.debug("%s: organization %r is referenced but not among the entities", self.report.name, key)
            iri = self.implicit_orgs[key] = _n(resource_iri("org", key))
            self.add(iri, _A, _n(ORG.Organization), shared=True)
            self.add(iri, _A, _n(LG.OtherOrganization), shared=True)
            self.add(iri, _n(SKOS.prefLabel), _zh(key), shared=True)
        return iri

    def sentence(self, evidence: Evidence) -> ox.NamedNode:
        """The ``nif:Sentence`` of a piece of evidence, described once per report."""
        span = (evidence.sentence_begin, evidence.sentence_end)
        node = self.sentences.get(span)
        if node is None:
            begin, end = span
            node = self.sentences[span] = _n(resource_iri("sentence", self.sha, str(begin), str(end)))
            self.add(node, _A, _n(NIF.Sentence))
            self.add(node, _n(NIF.anchorOf), ox.Literal(self.report.text[begin:end]))
            self.add(node, _n(NIF.beginIndex), _nni(begin))
            self.add(node, _n(NIF.endIndex), _nni(end))
            self.add(node, _n(NIF.referenceContext), self.context)
            section = self.section(self.sentence_section.get(span))
            if section is not None:
                self.add(node, _n(LG.section), section)
        return node

    # ---------------------------------------------------------------- parts
    def add_report(self) -> None:
        report, meta, node = self.report, self.report.meta, self.graph
        self.add(node, _A, _n(FOAF.Document))
        self.add(node, _A, _n(LG.Report))
        if meta.title:
            self.add(node, _n(DCTERMS.title), _zh(meta.title))
        if self.facts.issuer:
            self.add(node, _n(DCTERMS.creator), self.organization(self.facts.issuer))
        if self.facts.addressee:
            self.add(node, _n(LG.addressee), self.organization(self.facts.addressee))
        if meta.date:
            self.add(node, _n(DCTERMS.date), _date(meta.date))
        if meta.published:
            self.add(node, _n(DCTERMS.issued), _date(meta.published))
        if meta.year:
            self.add(node, _n(LG.reportYear), _lit(f"{meta.year:04d}", XSD.gYear))
        if meta.url:
            try:
                self.add(node, _n(DCTERMS.source), ox.NamedNode(meta.url))
            except ValueError:
                self.add(node, _n(DCTERMS.source), ox.Literal(meta.url))
        if meta.source:
            self.add(node, _n(LG.sourceName), ox.Literal(meta.source))
        self.add(node, _n(LG.fileName), ox.Literal(report.name))
        self.add(node, _n(LG.sha256), ox.Literal(report.sha256))
        self.add(node, _n(LG.text), self.context)
        ctx = self.context
        self.add(ctx, _A, _n(NIF.Context))
        self.add(ctx, _n(NIF.isString), ox.Literal(report.text))
        self.add(ctx, _n(NIF.beginIndex), _nni(0))
        self.add(ctx, _n(NIF.endIndex), _nni(len(report.text)))

    def add_sections(self) -> None:
        for section in self.report.sections:
            node = _n(resource_iri("section", self.sha, str(section.begin)))
            self.add(node, _A, _n(LG.Section))
            self.add(node, _n(LG.sectionNumber), ox.Literal(section.number))
            self.add(node, _n(LG.sectionLevel), _lit(str(max(section.level, 1)), XSD.positiveInteger))
            if section.title:
                self.add(node, _n(DCTERMS.title), _zh(section.title))
            parent = self.section(section.parent)
            self.add(node, _n(DCTERMS.isPartOf), parent if parent is not None else self.graph)

    def add_entity(self, entity: Entity) -> None:
        node = _n(entity_iri(entity))
        kind = entity.kind
        if kind == "organization":
            cls = entity.cls if entity.cls in ORGANIZATION_CLASSES else "OtherOrganization"
            types = [ORG.Organization, LG[cls]]
        elif kind == "place":
            types = [SDO.AdministrativeArea, LG[entity.cls]] if entity.cls in PLACE_CLASSES else [SDO.Place]
        elif kind == "document":
            types = [FOAF.Document, LG.PolicyDocument]
        else:
            types = [LG.Initiative]
        for cls_iri in types:
            self.add(node, _A, _n(cls_iri), shared=True)
        if kind == "document":
            name = _strip_brackets(entity.key)
            self.add(node, _n(DCTERMS.title), _zh(name), shared=True)
            alts = {_strip_brackets(label) for label in entity.alt_labels} - {name, ""}
        else:
            name = entity.key
            self.add(node, _n(SKOS.prefLabel), _zh(name), shared=True)
            alts = set(entity.alt_labels) - {name, ""}
        for label in sorted(alts):
            self.add(node, _n(SKOS.altLabel), _zh(label), shared=True)
        if entity.parent:
            if kind == "organization":
                self.add(node, _n(ORG.subOrganizationOf), _n(resource_iri("org", entity.parent)), shared=True)
            elif kind == "place":
                self.add(node, _n(SDO.containedInPlace), _n(resource_iri("place", entity.parent)), shared=True)
        if entity.code and kind == "place":
            self.add(node, _n(LG.divisionCode), ox.Literal(entity.code), shared=True)
        if kind == "document":
            if entity.doc_type:
                self.add(node, _n(LG.documentType), ox.Literal(entity.doc_type), shared=True)
            if entity.version:
                self.add(node, _n(LG.version), ox.Literal(entity.version), shared=True)
        text = self.report.text
        for mention in entity.mentions:
            ev = mention.evidence
            phrase = _n(resource_iri("mention", self.sha, str(ev.begin), str(ev.end)))
            self.add(phrase, _A, _n(NIF.Phrase))
            self.add(phrase, _n(NIF.anchorOf), ox.Literal(text[ev.begin : ev.end]))
            self.add(phrase, _n(NIF.beginIndex), _nni(ev.begin))
            self.add(phrase, _n(NIF.endIndex), _nni(ev.end))
            self.add(phrase, _n(NIF.referenceContext), self.context)
            self.add(phrase, _n(NIF.sentence), self.sentence(ev))
            self.add(phrase, _n(ITSRDF.taIdentRef), node)

    def action_node(self, action: Action) -> ox.NamedNode:
        ev = action.evidence
        return _n(resource_iri("action", self.sha, str(ev.begin), str(ev.end), action.verb))

    def add_action(self, action: Action) -> None:
        node = self.action_node(action)
        self.add(node, _A, _n(PROV.Activity))
        self.add(node, _A, _n(LG.Action))
        self.add(node, _n(LG.actionType), _n(ACT[action.type or "other"]))
        self.add(node, _n(LG.verb), ox.Literal(action.verb))
        agents = action.agents or ((self.facts.issuer,) if self.facts.issuer else ())
        roles: tuple[tuple[str, Iterable[str], str], ...] = (
            ("agent", agents, PROV.wasAssociatedWith),
            ("object", action.objects, LG.actedOn),
            ("partner", action.partners, LG.partner),
            ("generated", action.generated, PROV.generated),
            ("used", action.used, PROV.used),
            ("place", action.places, LG.place),
        )
        for role, keys, predicate in roles:
            for key in keys:
                target = self.resolve(key, role)
                if target is not None:
                    self.add(node, _n(predicate), target)
        if action.time:
            self.add(node, _n(LG.time), ox.Literal(action.time))
        section = self.section(action.section)
        if section is None:
            section = self.section(self.sentence_section.get((action.evidence.sentence_begin,
                                                                action.evidence.sentence_end)))
        if section is not None:
            self.add(node, _n(LG.section), section)
        self.add(node, _n(LG.evidence), self.sentence(action.evidence))
        self.add(node, _n(LG.inReport), self.graph)

    def add_indicators(self, indicators: tuple[Indicator, ...]) -> None:
        if not indicators:
            return
        dataset = _n(resource_iri("dataset", self.sha))
        self.add(dataset, _A, _n(QB.DataSet))
        self.add(dataset, _n(QB.structure), _n(LG.indicatorStructure))
        self.add(dataset, _n(DCTERMS.source), self.graph)
        year = self.report.meta.year
        issuer = self.organization(self.facts.issuer) if self.facts.issuer else None
        for indicator in indicators:
            ev = indicator.evidence
            node = _n(resource_iri("obs", self.sha, str(ev.begin), str(ev.end)))
            self.add(node, _A, _n(QB.Observation))
            self.add(node, _A, _n(LG.Indicator))
            self.add(node, _n(QB.dataSet), dataset)
            self.add(node, _n(SDMX_MEASURE.obsValue), _lit(_decimal(indicator.value), XSD.decimal))
            self.add(node, _n(SDMX_ATTRIBUTE.unitMeasure), ox.Literal(indicator.unit))
            if indicator.phrase:
                self.add(node, _n(LG.countedPhrase), ox.Literal(indicator.phrase))
            if indicator.written:
                self.add(node, _n(LG.writtenForm), ox.Literal(indicator.written))
            if indicator.approximation:
                self.add(node, _n(LG.approximation), ox.Literal(indicator.approximation))
            if issuer is not None:
                self.add(node, _n(LG.reportingOrganization), issuer)
            if year:
                self.add(node, _n(SDMX_DIMENSION.refPeriod), _lit(f"{year:04d}", XSD.gYear))
            if indicator.action is not None and 0 <= indicator.action < len(self.facts.actions):
                self.add(node, _n(LG.fromAction), self.action_node(self.facts.actions[indicator.action]))
            self.add(node, _n(LG.evidence), self.sentence(ev))


def _date(value: dt.date) -> ox.Literal:
    return _lit(value.isoformat(), XSD.date)


def facts_to_quads(facts: ReportFacts) -> list[ox.Quad]:
    """The RDF quads of one report's facts.

    Parameters
    ----------
    facts : ReportFacts
        What the extractors found in one report. Actions and indicators name entities by key; a key that
        matches no entity is dropped from the link (and logged), except agents, issuer and addressee,
        which are always organizations.

    Returns
    -------
    list of pyoxigraph.Quad
        Without duplicates, in a deterministic order. Entity descriptions are in the default graph,
        everything report-scoped in the report's named graph.

    Examples
    --------
    >>> from lawgraph.model import Entity, Evidence, Mention, Report, ReportFacts
    >>> text = "甲市司法局成立工作组。"
    >>> report = Report(name="r.txt", text=text, sha256="a" * 64)
    >>> ev = Evidence(0, 5, 0, len(text))
    >>> org = Entity("organization", "甲市司法局", "JusticeAdministration", (Mention("甲市司法局", ev),))
    >>> quads = facts_to_quads(ReportFacts(report=report, entities=(org,), issuer="甲市司法局"))
    >>> creator = next(q.object for q in quads if q.predicate.value == str(DCTERMS.creator))
    >>> creator.value == resource_iri("org", "甲市司法局")
    True
    >>> sorted({q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}) == [report_iri(report)]
    True
    """
    builder = _Builder(facts)
    builder.add_report()
    builder.add_sections()
    for entity in facts.entities:
        builder.add_entity(entity)
    for action in facts.actions:
        builder.add_action(action)
    builder.add_indicators(facts.indicators)
    return list(dict.fromkeys(builder.quads))
