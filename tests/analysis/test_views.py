"""lawgraph.analysis.views: the networkx views agree with SPARQL on the same data."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from lawgraph.analysis import to_networkx
from lawgraph.namespaces import resource_iri

sys.path.insert(0, str(Path(__file__).parent))
from analysis_helpers import SPARQL_PREFIXES, by_label, oxigraph_copy  # noqa: E402

_ENTITY_TYPES = "org:Organization schema:AdministrativeArea schema:Place lg:PolicyDocument lg:Initiative"

_FULL_TYPES = _ENTITY_TYPES + " prov:Activity lg:Report qb:Observation lg:Indicator"

_GRAPH_FILTER = "FILTER(?gr NOT IN (<https://w3id.org/lawgraph/ontology>, <https://w3id.org/lawgraph/store>))"

SPARQL = {
    "entities_nodes": f"""
        SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ?t . VALUES ?t {{ {_ENTITY_TYPES} }} }}""",
    "entities_edges": f"""
        SELECT (COUNT(*) AS ?n) WHERE {{
          {{ SELECT DISTINCT ?a ?g ?p ?x WHERE {{
              ?a a prov:Activity ; prov:wasAssociatedWith ?g ; ?p ?x .
              VALUES ?p {{ prov:generated lg:actedOn lg:partner prov:used }}
              ?g a ?gt . VALUES ?gt {{ {_ENTITY_TYPES} }}
              ?x a ?xt . VALUES ?xt {{ {_ENTITY_TYPES} }}
              FILTER(?g != ?x) }} }}
          UNION
          {{ SELECT DISTINCT ?c ?q ?par WHERE {{
              ?c ?q ?par . VALUES ?q {{ org:subOrganizationOf schema:containedInPlace }}
              ?c a ?ct . VALUES ?ct {{ {_ENTITY_TYPES} }}
              ?par a ?pt . VALUES ?pt {{ {_ENTITY_TYPES} }}
              FILTER(?c != ?par) }} }}
        }}""",
    "full_nodes": f"""
        SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ?t . VALUES ?t {{ {_FULL_TYPES} }} }}""",
    # Distinct statements of the default graph and the report graphs (not the ontology's or the store's),
    # between two nodes typed (anywhere) with a full-view type.
    "full_edges": f"""
        SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{
          {{ ?s ?p ?o }} UNION {{ GRAPH ?gr {{ ?s ?p ?o }} {_GRAPH_FILTER} }}
          FILTER(?p != rdf:type)
          {{ ?s a ?st }} UNION {{ GRAPH ?g1 {{ ?s a ?st }} }} VALUES ?st {{ {_FULL_TYPES} }}
          {{ ?o a ?ot }} UNION {{ GRAPH ?g2 {{ ?o a ?ot }} }} VALUES ?ot {{ {_FULL_TYPES} }} }} }}""",
}


def _count(store: ox.Store, name: str) -> int:
    union = name != "full_edges"  # that one names its graphs itself
    rows = list(store.query(SPARQL_PREFIXES + SPARQL[name], use_default_graph_as_union=union))
    return int(rows[0]["n"].value)


def test_entities_view_matches_sparql(any_dataset):
    G = to_networkx(any_dataset)
    store = oxigraph_copy(any_dataset)
    assert G.number_of_nodes() == _count(store, "entities_nodes")
    assert G.number_of_edges() == _count(store, "entities_edges")
    assert G.number_of_nodes() > 0


def test_full_view_matches_sparql(any_dataset):
    G = to_networkx(any_dataset, view="full")
    store = oxigraph_copy(any_dataset)
    assert G.number_of_nodes() == _count(store, "full_nodes")
    assert G.number_of_edges() == _count(store, "full_edges")
    kinds = {k for _, k in G.nodes(data="kind")}
    assert {"action", "report", "organization"} <= kinds


def test_hand_counts(hand_dataset):
    G = to_networkx(hand_dataset)
    # 5 organizations, 2 places, 1 document, 2 initiatives; 8 action edges (the action with no target adds
    # none) and 2 structural ones.
    assert (G.number_of_nodes(), G.number_of_edges()) == (10, 10)
    F = to_networkx(hand_dataset, view="full")
    assert sum(1 for _, k in F.nodes(data="kind") if k == "action") == 7
    assert sum(1 for _, k in F.nodes(data="kind") if k == "report") == 2


def test_actions_become_verb_edges_with_evidence_and_report(hand_dataset):
    G = to_networkx(hand_dataset)
    gov, group = by_label(G, "张掖市人民政府"), by_label(G, "张掖市法治政府建设领导小组")
    (data,) = G.get_edge_data(gov, group).values()
    assert data["label"] == data["verb"] == "成立"
    assert data["role"] == "generated"
    assert data["action_type"] == "establish"
    assert data["evidence"] == "市政府成立法治政府建设领导小组。"
    assert data["report_title"] == "张掖市2023年法治政府建设情况的报告"
    assert data["report"] == resource_iri("report", "张掖市2023年法治政府建设情况的报告")
    justice, court = by_label(G, "张掖市司法局"), by_label(G, "张掖市中级人民法院")
    (partner,) = G.get_edge_data(justice, court).values()
    assert (partner["verb"], partner["role"]) == ("建立机制", "partner")
    # Two actions between the same pair stay two edges.
    rule = by_label(G, "张掖市行政执法监督办法")
    assert sorted(d["verb"] for d in G.get_edge_data(gov, rule).values()) == ["修订", "印发"]
    # Structure.
    (sub,) = G.get_edge_data(justice, gov).values()
    assert sub["role"] == "subOrganizationOf"


def test_node_attributes(hand_dataset):
    G = to_networkx(hand_dataset)
    court = G.nodes[by_label(G, "张掖市中级人民法院")]
    assert court["cls"] == "Court" and court["kind"] == "organization"
    assert court["aliases"] == ("市中院",)
    assert len(court["reports"]) == 2  # a mention in one report, an action in the other
    justice = G.nodes[by_label(G, "张掖市司法局")]
    assert justice["indicators"] == ("办理行政复议案件：120件（2023年）",)
    assert G.nodes[by_label(G, "甘州区")]["cls"] == "District"
    assert set(G.graph["reports"].values()) == {
        "张掖市2023年法治政府建设情况的报告",
        "张掖市中级人民法院2023年工作情况",
    }


def test_unknown_view(hand_dataset):
    with pytest.raises(ValueError, match="view"):
        to_networkx(hand_dataset, view="nodes")  # type: ignore[arg-type]


def test_plain_graph_and_store_inputs(hand_dataset):
    """An rdflib Graph (no named graphs) and a pyoxigraph Store give the same view as the Dataset."""
    from rdflib import Graph

    flat = Graph()
    for s, p, o, _ in hand_dataset.quads((None, None, None, None)):
        flat.add((s, p, o))
    expected = to_networkx(hand_dataset)
    for source in (flat, oxigraph_copy(hand_dataset)):
        G = to_networkx(source)
        assert dict(G.nodes(data=True)) == dict(expected.nodes(data=True))
        assert sorted(G.edges(keys=True)) == sorted(expected.edges(keys=True))
