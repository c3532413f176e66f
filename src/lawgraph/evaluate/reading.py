"""Read a built graph back by the standard vocabularies only, as an outside user (and the scorer) would.

Nothing here knows lawgraph's own classes: organizations are ``org:Organization``, places
``schema:AdministrativeArea`` or ``schema:Place``, documents ``foaf:Document`` with a ``dcterms:title``
(not a report, i.e. not a node that names a graph), observations ``qb:Observation`` with their
``sdmx-measure:obsValue`` and ``sdmx-attribute:unitMeasure``, and a relation is a ``prov:Activity`` linking
its agent (``prov:wasAssociatedWith``) to any other node. These are the terms of the graph contract
(``../shared/notes/graph-contract.md``), so a figure computed here is the figure a user's own query sees.

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> org = ox.NamedNode("https://example.org/o")
>>> store.add(ox.Quad(org, ox.NamedNode(RDF_TYPE), ox.NamedNode(ORG + "Organization")))
>>> store.add(ox.Quad(org, ox.NamedNode(SKOS + "prefLabel"), ox.Literal("古浪县人民政府", language="zh")))
>>> read_graph(store).organizations
{'<https://example.org/o>': {'古浪县人民政府'}}
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from lawgraph.evaluate.gold import norm
from lawgraph.namespaces import PREFIXES

__all__ = ["GraphReading", "Observation", "read_graph", "ORG", "SKOS", "RDF_TYPE"]

ORG = PREFIXES["org"]
SKOS = PREFIXES["skos"]
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_COUNTED_BY = (
    PREFIXES["lg"] + "countedPhrase",
    "http://www.w3.org/2000/01/rdf-schema#label",
    SKOS + "prefLabel",
    PREFIXES["dcterms"] + "description",
)

_P = "".join(
    f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in ("org", "skos", "foaf", "dcterms", "qb", "prov", "nif")
)
_P += (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX sdmxm: <http://purl.org/linked-data/sdmx/2009/measure#>\n"
    "PREFIX sdmxa: <http://purl.org/linked-data/sdmx/2009/attribute#>\n"
)
_LABELS = "(skos:prefLabel|skos:altLabel|rdfs:label)"
_PLACE_TYPES = " ".join(
    f"<{scheme}://schema.org/{cls}>"
    for scheme in ("http", "https")
    for cls in ("AdministrativeArea", "Place")
)
_COUNTED = "|".join(f"<{iri}>" for iri in _COUNTED_BY)


@dataclass(frozen=True, slots=True)
class Observation:
    """An observation: value (rounded as the scorer does), unit, what it counts, where its evidence starts."""

    value: float
    unit: str
    counted: frozenset[str]
    begin: int | None


@dataclass(slots=True)
class GraphReading:
    """What a graph says, by the standard vocabularies: node IRI → normalized labels, and the rest."""

    organizations: dict[str, set[str]] = field(default_factory=dict)
    places: dict[str, set[str]] = field(default_factory=dict)
    documents: dict[str, set[str]] = field(default_factory=dict)
    observations: list[Observation] = field(default_factory=list)
    links: set[tuple[str, str]] = field(default_factory=set)
    """(agent, other node) of every ``prov:Activity``."""
    by_label: dict[str, set[str]] = field(default_factory=dict)
    """Normalized label or title → the nodes that carry it."""


def _labelled(store: ox.Store, pattern: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    query = _P + f"SELECT ?x ?l WHERE {{ {pattern} ?x {_LABELS} ?l }}"
    for row in store.query(query, use_default_graph_as_union=True):  # type: ignore[union-attr]
        out.setdefault(str(row["x"]), set()).add(norm(row["l"].value))
    return out


def _unit(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return term.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return term.value


def _observations(store: ox.Store) -> list[Observation]:
    query = _P + (
        "SELECT ?x ?v ?u ?c (MIN(?b) AS ?at) WHERE { ?x a qb:Observation ; sdmxm:obsValue ?v . "
        "OPTIONAL { ?x sdmxa:unitMeasure ?u } "
        f"OPTIONAL {{ ?x ({_COUNTED}) ?c }} "
        "OPTIONAL { ?x ?ev ?sent . ?sent nif:beginIndex ?b } } GROUP BY ?x ?v ?u ?c"
    )
    rows: dict[str, tuple[float, str, set[str], int | None]] = {}
    for row in store.query(query, use_default_graph_as_union=True):  # type: ignore[union-attr]
        try:
            value = round(float(row["v"].value), 4)
        except ValueError:
            continue
        at = row["at"]
        begin = int(at.value) if at is not None else None
        key = str(row["x"])
        entry = rows.setdefault(key, (value, norm(_unit(row["u"])), set(), begin))
        if row["c"] is not None:
            entry[2].add(norm(row["c"].value))
    return [Observation(v, u, frozenset(c), b) for v, u, c, b in rows.values()]


def read_graph(store: ox.Store) -> GraphReading:
    """Everything the scores need from ``store`` (its union graph), read by the standard vocabularies."""
    reading = GraphReading(
        organizations=_labelled(store, "?x a org:Organization ."),
        places=_labelled(store, f"VALUES ?pc {{ {_PLACE_TYPES} }} ?x a ?pc ."),
    )
    titles = _P + (
        "SELECT ?x ?t WHERE { ?x a foaf:Document ; dcterms:title ?t . "
        "FILTER NOT EXISTS { GRAPH ?x { ?s ?p ?o } } }"
    )
    for row in store.query(titles, use_default_graph_as_union=True):  # type: ignore[union-attr]
        reading.documents.setdefault(str(row["x"]), set()).add(norm(row["t"].value))
    reading.observations = _observations(store)
    links = _P + (
        "SELECT ?s ?o WHERE { ?a a prov:Activity ; prov:wasAssociatedWith ?s ; ?p ?o . "
        "FILTER(isIRI(?o) && ?o != ?s) }"
    )
    for row in store.query(links, use_default_graph_as_union=True):  # type: ignore[union-attr]
        reading.links.add((str(row["s"]), str(row["o"])))
    labels = _P + f"SELECT ?x ?l WHERE {{ ?x ({_LABELS[1:-1]}|dcterms:title) ?l }}"
    for row in store.query(labels, use_default_graph_as_union=True):  # type: ignore[union-attr]
        reading.by_label.setdefault(norm(row["l"].value), set()).add(str(row["x"]))
    return reading
