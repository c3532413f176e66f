"""lawgraph.analysis: the networkx views agree with SPARQL on the same data, stats, export, selection."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from lawgraph.analysis import (
    find_nodes,
    read_graph,
    select_nodes,
    stats,
    to_exportable,
    to_networkx,
    write_network,
)
from lawgraph.errors import InputError, OutputError
from lawgraph.namespaces import PREFIXES, resource_iri

REPO = Path(__file__).resolve().parent.parent

_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
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


def _oxigraph(ds) -> ox.Store:
    """The same data in Oxigraph, parsed from rdflib's own N-Quads."""
    store = ox.Store()
    store.load(ds.serialize(format="nquads").encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return store


def _count(store: ox.Store, name: str) -> int:
    union = name != "full_edges"  # that one names its graphs itself
    rows = list(store.query(_PREFIXES + SPARQL[name], use_default_graph_as_union=union))
    return int(rows[0]["n"].value)


@pytest.fixture
def built_example():
    """The bundled fictional example built by the real pipeline (skipped until ``lawgraph.build`` exists)."""
    api = pytest.importorskip("lawgraph.api", reason="lawgraph.build is not available yet")
    return api.build([REPO / "examples" / "santai-county-2023-fictional.txt"])


@pytest.fixture(params=["hand", "example"])
def any_dataset(request, hand_dataset):
    if request.param == "hand":
        return hand_dataset
    return request.getfixturevalue("built_example")


def test_entities_view_matches_sparql(any_dataset):
    G = to_networkx(any_dataset)
    store = _oxigraph(any_dataset)
    assert G.number_of_nodes() == _count(store, "entities_nodes")
    assert G.number_of_edges() == _count(store, "entities_edges")
    assert G.number_of_nodes() > 0


def test_full_view_matches_sparql(any_dataset):
    G = to_networkx(any_dataset, view="full")
    store = _oxigraph(any_dataset)
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


def _by_label(G: nx.MultiDiGraph, label: str) -> str:
    (node,) = [n for n, d in G.nodes(data=True) if d["label"] == label]
    return node


def test_actions_become_verb_edges_with_evidence_and_report(hand_dataset):
    G = to_networkx(hand_dataset)
    gov, group = _by_label(G, "张掖市人民政府"), _by_label(G, "张掖市法治政府建设领导小组")
    (data,) = G.get_edge_data(gov, group).values()
    assert data["label"] == data["verb"] == "成立"
    assert data["role"] == "generated"
    assert data["action_type"] == "establish"
    assert data["evidence"] == "市政府成立法治政府建设领导小组。"
    assert data["report_title"] == "张掖市2023年法治政府建设情况的报告"
    assert data["report"] == resource_iri("report", "张掖市2023年法治政府建设情况的报告")
    justice, court = _by_label(G, "张掖市司法局"), _by_label(G, "张掖市中级人民法院")
    (partner,) = G.get_edge_data(justice, court).values()
    assert (partner["verb"], partner["role"]) == ("建立机制", "partner")
    # Two actions between the same pair stay two edges.
    rule = _by_label(G, "张掖市行政执法监督办法")
    assert sorted(d["verb"] for d in G.get_edge_data(gov, rule).values()) == ["修订", "印发"]
    # Structure.
    (sub,) = G.get_edge_data(justice, gov).values()
    assert sub["role"] == "subOrganizationOf"


def test_node_attributes(hand_dataset):
    G = to_networkx(hand_dataset)
    court = G.nodes[_by_label(G, "张掖市中级人民法院")]
    assert court["cls"] == "Court" and court["kind"] == "organization"
    assert court["aliases"] == ("市中院",)
    assert len(court["reports"]) == 2  # a mention in one report, an action in the other
    justice = G.nodes[_by_label(G, "张掖市司法局")]
    assert justice["indicators"] == ("办理行政复议案件：120件（2023年）",)
    assert G.nodes[_by_label(G, "甘州区")]["cls"] == "District"
    assert set(G.graph["reports"].values()) == {
        "张掖市2023年法治政府建设情况的报告",
        "张掖市中级人民法院2023年工作情况",
    }


def test_unknown_view(hand_dataset):
    with pytest.raises(ValueError, match="view"):
        to_networkx(hand_dataset, view="nodes")  # type: ignore[arg-type]


def test_stats(hand_dataset):
    result = stats(hand_dataset, top=3)
    store = _oxigraph(hand_dataset)
    classes = dict(result.classes)
    for cls, count in classes.items():
        rows = list(
            store.query(
                _PREFIXES + f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a {cls} }}",
                use_default_graph_as_union=True,
            )
        )
        assert int(rows[0]["n"].value) == count, cls
    assert classes["lg:Court"] == 1 and classes["prov:Activity"] == 7
    assert result.top_degree[0] == ("张掖市司法局", 5)
    assert len(result.top_degree) == 3
    assert result.top_betweenness[0][0] == "张掖市司法局"
    assert result.components == 2 and result.component_sizes == (8, 2)
    assert result.isolated == 0
    assert json.loads(json.dumps(result.as_dict(), ensure_ascii=False))["nodes"] == 10


def test_stats_samples_big_graphs(hand_dataset):
    result = stats(hand_dataset, exact_limit=4, sample=5)
    assert result.betweenness_sample == 5
    assert stats(hand_dataset, exact_limit=4, sample=5) == result  # the sample is seeded


@pytest.mark.parametrize("view", ["entities", "full"])
@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_export_reads_back(hand_dataset, tmp_path, view, suffix):
    G = to_networkx(hand_dataset, view=view)
    path = write_network(G, tmp_path / f"g{suffix}")
    H = nx.read_graphml(path, force_multigraph=True) if suffix == ".graphml" else nx.read_gexf(path)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    court = _by_label(G, "张掖市中级人民法院")
    assert H.nodes[court]["label"] == "张掖市中级人民法院"
    assert H.nodes[court]["cls"] == "Court"
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_rejects_unknown_suffix(hand_dataset, tmp_path):
    with pytest.raises(OutputError, match="graphml"):
        write_network(to_networkx(hand_dataset), tmp_path / "g.csv")


def test_to_exportable_has_only_plain_values(hand_dataset):
    H = to_exportable(to_networkx(hand_dataset, view="full"))
    values = [v for _, d in H.nodes(data=True) for v in d.values()]
    values += [v for *_, d in H.edges(keys=True, data=True) for v in d.values()]
    values += list(H.graph.values())
    assert values and all(isinstance(v, str | int | float | bool) for v in values)


def test_select_nodes(hand_dataset):
    G = to_networkx(hand_dataset)
    assert find_nodes(G, "市中院") == [_by_label(G, "张掖市中级人民法院")]
    near = select_nodes(G, focus="张掖市人民检察院", hops=1)
    assert sorted(d for _, d in near.nodes(data="label")) == ["张掖市中级人民法院", "张掖市人民检察院"]
    two = select_nodes(G, focus="张掖市人民检察院", hops=2)
    assert "张掖市司法局" in {d for _, d in two.nodes(data="label")}
    top = select_nodes(G, max_nodes=3)
    assert top.number_of_nodes() == 3 and top.graph["total_nodes"] == 10
    assert {d for _, d in top.nodes(data="label")} == {
        "张掖市司法局",
        "张掖市人民政府",
        "张掖市行政执法监督办法",
    }
    with pytest.raises(InputError, match="no node"):
        select_nodes(G, focus="不存在的机构")
    # In the full view a cut keeps every entity before any action.
    F = to_networkx(hand_dataset, view="full")
    cut = select_nodes(F, max_nodes=12)
    assert sorted(k for _, k in cut.nodes(data="kind")).count("action") == 0
    assert {k for _, k in cut.nodes(data="kind")} == {"organization", "place", "document", "initiative", "report"}


def test_read_graph_file_and_store(hand_dataset, tmp_path):
    trig = tmp_path / "g.trig"
    hand_dataset.serialize(trig, format="trig")
    from lawgraph.store import open_oxigraph

    store = open_oxigraph(tmp_path / "store")
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    # rdflib's memory store and Oxigraph (read directly) give the same views, attributes included.
    for view in ("entities", "full"):
        expected = to_networkx(hand_dataset, view=view)
        for G in (
            to_networkx(read_graph(trig), view=view),
            to_networkx(read_graph(tmp_path / "store"), view=view),
        ):
            assert dict(G.nodes(data=True)) == dict(expected.nodes(data=True))
            assert sorted(G.edges(keys=True, data=True), key=str) == sorted(
                expected.edges(keys=True, data=True), key=str
            )
    assert stats(read_graph(trig)) == stats(hand_dataset)


def test_read_graph_errors(tmp_path):
    with pytest.raises(InputError, match="no such"):
        read_graph(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("这不是 turtle <", encoding="utf-8")
    with pytest.raises(InputError):
        read_graph(bad)


def test_cli_stats_export(hand_dataset, tmp_path, capsys):
    from lawgraph.cli import main

    trig = tmp_path / "g.trig"
    hand_dataset.serialize(trig, format="trig")
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", str(trig), "--json", "--top", "2"])
    assert exit_info.value.code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["nodes"] == 10 and out["top_degree"][0] == ["张掖市司法局", 5]

    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(trig), "-o", str(tmp_path / "g.gexf")])
    assert exit_info.value.code == 0
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == 10

    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(trig), "-o", str(tmp_path / "g.txt")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "g.txt" in err and "Traceback" not in err

    with pytest.raises(SystemExit) as exit_info:
        main(["stats", str(tmp_path / "nothing.trig")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nothing.trig" in err


def test_plain_graph_and_store_inputs(hand_dataset):
    """An rdflib Graph (no named graphs) and a pyoxigraph Store give the same view as the Dataset."""
    from rdflib import Graph

    flat = Graph()
    for s, p, o, _ in hand_dataset.quads((None, None, None, None)):
        flat.add((s, p, o))
    expected = to_networkx(hand_dataset)
    for source in (flat, _oxigraph(hand_dataset)):
        G = to_networkx(source)
        assert dict(G.nodes(data=True)) == dict(expected.nodes(data=True))
        assert sorted(G.edges(keys=True)) == sorted(expected.edges(keys=True))
