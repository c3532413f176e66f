"""The kinds of node in a lawgraph graph, each declared once.

An **entity kind** (organization, place, document, initiative) is what the extractors find in the text and
what :mod:`lawgraph.rdf` describes in the default graph. Its entry in :data:`ENTITY_KINDS` says everything
the rest of lawgraph needs to know about it:

- its lawgraph classes, with their Chinese and English labels (as ``ontology/lawgraph.ttl`` has them), the
  name the graph page shows and the colour it draws them in;
- the segment of its IRIs (``resource_iri("org", key)``), the standard classes stated beside the lawgraph
  class, the property that names it, and the optional :class:`~lawgraph.model.Entity` fields it writes;
- the class its SHACL shape targets in ``ontology/shapes.ttl``;
- the shape and legend symbol of its nodes on the graph page.

The **report-scoped kinds** (report, action, indicator) of :data:`SCOPED_KINDS` are nodes of one report that
the networkx views and the graph page also show; their entries say how to recognise and draw them.

``rdf/quads.py``, ``analysis/vocab.py``, ``viz/style.py`` and the build summary read these tables, and
``tests/test_vocab.py`` checks them against the ontology and the shapes. Adding an entity kind is: an entry
here, its finder and its data file in ``extract/``, its classes in ``ontology/lawgraph.ttl`` and its shape in
``ontology/shapes.ttl``.

Examples
--------
>>> ENTITY_KINDS["organization"].segment
'org'
>>> ENTITY_KINDS["place"].class_named("County").zh
'县'
>>> [kind.name for kind in ENTITY_KINDS.values()]
['organization', 'place', 'document', 'initiative']
>>> class_named("Court").short, kind_of_class("Court").name
('法院', 'organization')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import URIRef

from lawgraph.namespaces import DCTERMS, FOAF, LG, ORG, PROV, QB, SDO, SKOS

__all__ = [
    "NodeClass",
    "Field",
    "EntityKind",
    "ScopedKind",
    "ENTITY_KINDS",
    "SCOPED_KINDS",
    "ACTION_ROLES",
    "class_named",
    "node_classes",
    "kind_of_class",
]


@dataclass(frozen=True, slots=True)
class NodeClass:
    """A class a node is shown as: a lawgraph class, or the standard class of an entity that has none."""

    iri: URIRef
    zh: str
    """The Chinese label (``rdfs:label``\\@zh of a lawgraph class in the ontology)."""
    en: str
    """The English label (``rdfs:label``\\@en)."""
    short: str
    """The Chinese name the graph page shows in its legend and hover text."""
    color: str
    """The colour of its nodes on the graph page."""

    @property
    def name(self) -> str:
        """The local name: ``Court``, ``County``, ``Place`` …"""
        text = str(self.iri)
        return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Field:
    """An optional field of :class:`~lawgraph.model.Entity`: one default-graph statement when it is set."""

    attr: str
    """The attribute of the entity: ``parent``, ``location``, ``code``, ``doc_type``, ``version``."""
    predicate: URIRef
    """The property of the statement."""
    target: str | None = None
    """The entity kind whose IRI the value (a canonical name) gives; ``None``: the value is a literal."""
    edge: str | None = None
    """When set, the networkx entities view draws the link as a structural edge with this Chinese label."""


@dataclass(frozen=True, slots=True)
class EntityKind:
    """One kind of entity: its classes, IRIs, names, fields, SHACL target and drawing."""

    name: str
    """The kind as :class:`~lawgraph.model.Entity` and the spaCy span group spell it (``organization``)."""
    plural: str
    """How the build summary names its count (``organizations``)."""
    segment: str
    """The :func:`~lawgraph.namespaces.resource_iri` segment of its IRIs (``org``)."""
    classes: tuple[NodeClass, ...]
    """Its lawgraph classes; an entity has exactly one of them (or :attr:`default`, or :attr:`fallback`)."""
    types: tuple[URIRef, ...]
    """Standard classes stated beside the lawgraph class (``org:Organization``)."""
    target: URIRef
    """The ``sh:targetClass`` of the shape in ``ontology/shapes.ttl`` that checks entities of this kind."""
    shape: str
    """The vis-network shape of its nodes on the graph page."""
    symbol: str
    """The legend symbol of that shape."""
    default: str | None = None
    """The class of an entity whose class is not among :attr:`classes`."""
    fallback: NodeClass | None = None
    """Without a class of the kind and without :attr:`default`: the one standard class stated instead."""
    label: URIRef = SKOS.prefLabel
    """The property that names it: ``skos:prefLabel``, or ``dcterms:title`` (a title, without 《》)."""
    fields: tuple[Field, ...] = ()
    """Its optional fields, in the order they are written."""

    @property
    def titled(self) -> bool:
        """Whether it is named by a title (``dcterms:title``, without 《》), not a ``skos:prefLabel``."""
        return self.label == DCTERMS.title

    def class_named(self, name: str) -> NodeClass:
        """The class of this kind with local name ``name``; :class:`KeyError` when it has none."""
        for cls in self.classes:
            if cls.name == name:
                return cls
        raise KeyError(f"{self.name} has no class {name!r}")


@dataclass(frozen=True, slots=True)
class ScopedKind:
    """A report-scoped kind of node the views and the graph page show (report, action, indicator)."""

    name: str
    segment: str
    """The :func:`~lawgraph.namespaces.resource_iri` segment of its IRIs."""
    cls: NodeClass
    """Its lawgraph class."""
    types: tuple[URIRef, ...]
    """The ``rdf:type`` values that make a node one of this kind."""
    target: URIRef
    """The ``sh:targetClass`` of its shape."""
    shape: str
    symbol: str


def _lg(name: str, zh: str, en: str, short: str, color: str) -> NodeClass:
    return NodeClass(LG[name], zh, en, short, color)


ENTITY_KINDS: dict[str, EntityKind] = {
    kind.name: kind
    for kind in (
        EntityKind(
            name="organization",
            plural="organizations",
            segment="org",
            classes=(
                _lg("GovernmentBody", "政府机关", "government body", "政府机关", "#1f77b4"),
                _lg("PartyBody", "党的机关", "Party body", "党的机构", "#d62728"),
                _lg("PeoplesCongress", "人民代表大会", "people's congress", "人大", "#9467bd"),
                _lg("PoliticalConsultativeConference", "政治协商会议", "political consultative conference",
                    "政协", "#8c564b"),
                _lg("Court", "人民法院", "court", "法院", "#e6550d"),
                _lg("Procuratorate", "人民检察院", "procuratorate", "检察院", "#31a354"),
                _lg("PublicSecurityOrgan", "公安机关", "public security organ", "公安机关", "#3182bd"),
                _lg("JusticeAdministration", "司法行政机关", "justice administration", "司法行政机关",
                    "#17becf"),
                _lg("Committee", "委员会", "committee", "委员会与领导小组", "#bcbd22"),
                _lg("MediationCommittee", "调解委员会", "mediation committee", "调解委员会", "#a1d99b"),
                _lg("Association", "社会团体", "association", "社会团体", "#e377c2"),
                _lg("Enterprise", "企业", "enterprise", "企业", "#7f7f7f"),
                _lg("Prison", "监狱", "prison", "监狱", "#636363"),
                _lg("Institution", "事业单位", "public institution", "事业单位", "#6baed6"),
                _lg("MediaOutlet", "媒体", "media outlet", "媒体", "#fd8d3c"),
                _lg("OtherOrganization", "其他组织", "other organization", "其他组织", "#9ecae1"),
            ),
            types=(ORG.Organization,),
            target=ORG.Organization,
            shape="dot",
            symbol="●",
            default="OtherOrganization",
            fields=(
                Field("parent", ORG.subOrganizationOf, target="organization", edge="隶属"),
                Field("location", SDO.location, target="place"),
            ),
        ),
        EntityKind(
            name="place",
            plural="places",
            segment="place",
            # Places are shades of green, darker for higher levels.
            classes=(
                _lg("Province", "省级行政区", "province", "省级", "#00441b"),
                _lg("City", "地级行政区", "prefecture-level city", "市级", "#006d2c"),
                _lg("County", "县", "county", "县", "#238b45"),
                _lg("District", "市辖区", "district", "区", "#41ab5d"),
                _lg("NewArea", "新区", "new area", "新区", "#2ca25f"),
                _lg("Park", "园区", "zone or park", "园区", "#99d8c9"),
                _lg("Town", "镇", "town", "镇", "#74c476"),
                _lg("Township", "乡", "township", "乡", "#74c476"),
                _lg("Subdistrict", "街道", "subdistrict", "街道", "#a1d99b"),
                _lg("Village", "村", "village", "村", "#c7e9c0"),
                _lg("Community", "社区", "community", "社区", "#c7e9c0"),
            ),
            types=(SDO.AdministrativeArea,),
            target=SDO.AdministrativeArea,
            shape="triangle",
            symbol="▲",
            fallback=NodeClass(SDO.Place, "地点", "place", "地点", "#2ca02c"),
            fields=(
                Field("parent", SDO.containedInPlace, target="place", edge="位于"),
                Field("code", LG.divisionCode),
            ),
        ),
        EntityKind(
            name="document",
            plural="documents",
            segment="doc",
            classes=(_lg("PolicyDocument", "政策文件", "policy document", "文件", "#756bb1"),),
            types=(FOAF.Document,),
            target=LG.PolicyDocument,
            shape="square",
            symbol="■",
            default="PolicyDocument",
            label=DCTERMS.title,
            fields=(Field("doc_type", LG.documentType), Field("version", LG.version)),
        ),
        EntityKind(
            name="initiative",
            plural="initiatives",
            segment="initiative",
            classes=(_lg("Initiative", "工作举措", "initiative", "工作举措", "#fdae6b"),),
            types=(),
            target=LG.Initiative,
            shape="diamond",
            symbol="◆",
            default="Initiative",
        ),
    )
}
"""Every entity kind by name, in the order of :data:`lawgraph.model.ENTITY_KINDS` (the order the pipeline
finds them and a node typed with several kinds is shown as)."""

SCOPED_KINDS: dict[str, ScopedKind] = {
    kind.name: kind
    for kind in (
        ScopedKind("report", "report", _lg("Report", "报告", "report", "报告", "#393b79"),
                   types=(LG.Report,), target=LG.Report, shape="star", symbol="★"),
        # Actions are typed prov:Activity only (lg:Action is inferred); graphs built before also state it.
        ScopedKind("action", "action", _lg("Action", "行动", "action", "行动", "#c7c7c7"),
                   types=(PROV.Activity, LG.Action), target=PROV.Activity, shape="ellipse", symbol="▬"),
        ScopedKind("indicator", "obs", _lg("Indicator", "指标", "indicator", "指标", "#e7ba52"),
                   types=(QB.Observation, LG.Indicator), target=QB.Observation, shape="hexagon", symbol="⬢"),
    )
}
"""The report-scoped kinds the ``"full"`` view and the graph page show, in the order a node typed with
several of them is shown as (after the entity kinds)."""

ACTION_ROLES: dict[str, tuple[str, ...]] = {
    "agent": ("organization", "place"),
    "partner": ("organization", "place"),
    "object": ("organization", "document", "initiative", "place"),
    "generated": ("organization", "document", "initiative", "place"),
    "used": ("document",),
    "place": ("place",),
}
"""Which entity kinds each role of an action may name, in order of preference: a key that names entities
of several kinds links the first; a key that names none of them is not linked (the property's range)."""


@lru_cache(maxsize=1)
def node_classes() -> dict[str, NodeClass]:
    """Every class a node can be shown as, by local name: entity classes, fallbacks, report-scoped classes."""
    out: dict[str, NodeClass] = {}
    for kind in ENTITY_KINDS.values():
        for cls in kind.classes:
            out[cls.name] = cls
        if kind.fallback is not None:
            out[kind.fallback.name] = kind.fallback
    for scoped in SCOPED_KINDS.values():
        out[scoped.cls.name] = scoped.cls
    return out


def class_named(name: str) -> NodeClass:
    """The class with local name ``name`` (see :func:`node_classes`); :class:`KeyError` when there is none."""
    return node_classes()[name]


@lru_cache(maxsize=1)
def _kind_by_class() -> dict[str, EntityKind]:
    return {cls.name: kind for kind in ENTITY_KINDS.values() for cls in kind.classes}


def kind_of_class(name: str) -> EntityKind:
    """The entity kind whose classes include local name ``name``; :class:`KeyError` when none does."""
    return _kind_by_class()[name]
