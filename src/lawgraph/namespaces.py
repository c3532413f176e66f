"""The one module that spells IRIs.

Every namespace lawgraph writes or reads is declared here, and nowhere else. Standard vocabularies come
from rdflib where it ships them; lawgraph's own terms are a :class:`~rdflib.namespace.DefinedNamespace`
whose ``_fail = True`` turns a misspelt term into an ``AttributeError``. ``tests/test_namespaces.py`` checks
that every term of :class:`LG` is defined in ``ontology/lawgraph.ttl`` and the other way round.

Resource IRIs (organizations, reports, actions …) are minted by :func:`resource_iri`, from content only, so
that the same input always gives the same IRI on every machine.

Examples
--------
>>> str(LG.Court)
'https://w3id.org/lawgraph/ontology#Court'
>>> resource_iri("org", "武威市中级人民法院") == resource_iri("org", "武威市中级人民法院")
True
>>> resource_iri("org", "武威市中级人民法院").startswith("https://w3id.org/lawgraph/id/org/")
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    QB,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    XSD,
    DefinedNamespace,
)

__all__ = [
    "BASE",
    "LG",
    "LGR",
    "ACT",
    "STATUS",
    "IND",
    "KIND",
    "DIM",
    "ORG",
    "SKOS",
    "SDO",
    "FOAF",
    "DCTERMS",
    "PROV",
    "QB",
    "SDMX_MEASURE",
    "SDMX_ATTRIBUTE",
    "SDMX_DIMENSION",
    "NIF",
    "ITSRDF",
    "OA",
    "RDF",
    "RDFS",
    "OWL",
    "XSD",
    "SH",
    "PREFIXES",
    "ONTOLOGY_GRAPH",
    "STORE_GRAPH",
    "LGSTORE",
    "resource_iri",
    "resource_iri_maker",
    "content_key",
]

BASE = "https://w3id.org/lawgraph/"
"""Root of every IRI lawgraph mints."""

LGR = Namespace(BASE + "id/")
"""Resources: ``LGR["org/<key>"]``, ``LGR["report/<key>"]`` …; mint them with :func:`resource_iri`."""

ACT = Namespace(BASE + "action-type/")
"""The SKOS concept scheme of action types (``ACT.establish``, ``ACT.issue`` …), defined in the ontology."""

STATUS = Namespace(BASE + "status/")
"""The SKOS concept scheme of statuses (``STATUS.done``, ``STATUS.planned``, ``STATUS.shortcoming``)."""

IND = Namespace(BASE + "indicator/")
"""The SKOS concept scheme of indicators (``IND.gdp``, ``IND["admin-reconsideration-cases"]`` …), defined in
``ontology/indicators.ttl``."""

KIND = Namespace(BASE + "value-kind/")
"""The kinds of value of an observation (``KIND.level``, ``KIND.growth``, ``KIND.share`` …), defined in the
ontology."""

DIM = Namespace(BASE + "unit-dimension/")
"""The unit dimensions of indicator concepts (``DIM.money``, ``DIM.cases`` …), in
``ontology/indicators.ttl``."""

ONTOLOGY_GRAPH = URIRef(BASE + "ontology")
"""The named graph the ontology is loaded into in a store."""

STORE_GRAPH = URIRef(BASE + "store")
"""The named graph where a store records the reports it holds (name, content hash, load time)."""

LGSTORE = Namespace(BASE + "store#")
"""Bookkeeping terms of :data:`STORE_GRAPH` (``LGSTORE.sourceName``, ``LGSTORE.contentHash`` …)."""

SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
OA = Namespace("http://www.w3.org/ns/oa#")


class LG(DefinedNamespace):
    """lawgraph's own ontology terms (``ontology/lawgraph.ttl``)."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # --- reports and their structure
    Report: URIRef
    Section: URIRef
    reportYear: URIRef
    addressee: URIRef
    sourceName: URIRef
    fileName: URIRef
    sha256: URIRef
    text: URIRef
    section: URIRef
    sectionNumber: URIRef
    sectionLevel: URIRef
    inReport: URIRef

    # --- organizations
    GovernmentBody: URIRef
    PartyBody: URIRef
    PeoplesCongress: URIRef
    PoliticalConsultativeConference: URIRef
    Court: URIRef
    Procuratorate: URIRef
    PublicSecurityOrgan: URIRef
    JusticeAdministration: URIRef
    Committee: URIRef
    MediationCommittee: URIRef
    Association: URIRef
    Enterprise: URIRef
    Prison: URIRef
    Institution: URIRef
    MediaOutlet: URIRef
    OtherOrganization: URIRef

    # --- places
    Province: URIRef
    City: URIRef
    County: URIRef
    District: URIRef
    NewArea: URIRef
    Park: URIRef
    Town: URIRef
    Township: URIRef
    Subdistrict: URIRef
    Village: URIRef
    Community: URIRef
    divisionCode: URIRef

    # --- documents and initiatives
    PolicyDocument: URIRef
    Initiative: URIRef
    documentType: URIRef
    version: URIRef

    # --- actions
    Action: URIRef
    ActionType: URIRef
    actionTypes: URIRef
    actionType: URIRef
    verb: URIRef
    actedOn: URIRef
    partner: URIRef
    place: URIRef
    time: URIRef
    objectText: URIRef

    # --- status of actions and observations
    Status: URIRef
    statuses: URIRef
    status: URIRef

    # --- indicators (RDF Data Cube)
    Indicator: URIRef
    indicatorStructure: URIRef
    countedPhrase: URIRef
    writtenForm: URIRef
    approximation: URIRef
    reportingOrganization: URIRef
    fromAction: URIRef

    # --- indicator concepts (ontology/indicators.ttl)
    IndicatorConcept: URIRef
    indicatorScheme: URIRef
    indicatorConcept: URIRef
    ValueKind: URIRef
    valueKinds: URIRef
    valueKind: URIRef
    baseValue: URIRef
    baseUnit: URIRef
    UnitDimension: URIRef
    unitDimension: URIRef
    defaultKind: URIRef
    unitFactor: URIRef
    unit: URIRef
    factor: URIRef

    # --- evidence
    evidence: URIRef


PREFIXES: dict[str, str] = {
    "lg": str(LG._NS),
    "lgr": str(LGR),
    "act": str(ACT),
    "lg-status": str(STATUS),
    "lg-ind": str(IND),
    "lg-kind": str(KIND),
    "lg-dim": str(DIM),
    "org": str(ORG),
    "skos": str(SKOS),
    "schema": str(SDO),
    "foaf": str(FOAF),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "qb": str(QB),
    "sdmx-measure": str(SDMX_MEASURE),
    "sdmx-attribute": str(SDMX_ATTRIBUTE),
    "sdmx-dimension": str(SDMX_DIMENSION),
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "oa": str(OA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}
"""Prefixes written in Turtle/TriG output and prepended to queries that lack them."""


def content_key(*parts: str) -> str:
    """A short, stable key for content: the first 16 hex digits of SHA-256 over the parts.

    >>> content_key("org", "甘肃省人民政府")
    'fd10863107e04d52'
    """
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:16]


def resource_iri(kind: str, *parts: str) -> str:
    """The IRI of a resource of ``kind`` identified by ``parts`` (a canonical name, a report hash …).

    Parameters
    ----------
    kind : str
        One path segment: ``org``, ``place``, ``doc``, ``initiative``, ``report``, ``action`` …
    *parts : str
        What identifies the resource. Entities use their canonical name, so the same body is one node
        across every report; report-scoped nodes include the report's content hash.
    """
    return f"{LGR}{kind}/{content_key(kind, *parts)}"


def resource_iri_maker(kind: str, *parts: str) -> Callable[..., str]:
    """A fast :func:`resource_iri` for many resources sharing their first ``parts`` (a report's hash …).

    ``resource_iri_maker(kind, *parts)(*rest) == resource_iri(kind, *parts, *rest)`` for one or more
    ``rest``; the hash of the shared prefix is computed once.

    >>> make = resource_iri_maker("mention", "ab")
    >>> make("3", "5") == resource_iri("mention", "ab", "3", "5")
    True
    """
    base = hashlib.sha256(("\x1f".join((kind, *parts)) + "\x1f").encode("utf-8"))
    prefix = f"{LGR}{kind}/"

    def make(*rest: str) -> str:
        digest = base.copy()
        digest.update("\x1f".join(rest).encode("utf-8"))
        return prefix + digest.hexdigest()[:16]

    return make
