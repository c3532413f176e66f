"""lawgraph.viz.network: nodes, merged edges, hover text, legend, cuts and focus."""

from __future__ import annotations

import pytest

from lawgraph.analysis import to_networkx
from lawgraph.errors import InputError
from lawgraph.viz import to_pyvis


def test_network_nodes_edges_and_hover_text(hand_dataset):
    G = to_networkx(hand_dataset)
    net = to_pyvis(G)
    assert len(net.nodes) == G.number_of_nodes()
    # Parallel edges with the same verb merge; with different verbs they stay apart.
    assert len(net.edges) == len({(u, v, d["label"]) for u, v, d in G.edges(data=True)})
    court = next(n for n in net.nodes if n["label"] == "张掖市中级人民法院")
    assert "类别：法院" in court["title"] and "市中院" in court["title"]
    assert court["shape"] == "dot" and court["cls"] == "Court"
    justice = next(n for n in net.nodes if n["label"] == "张掖市司法局")
    assert "办理行政复议案件：120件" in justice["title"]
    shapes = {n["kind"]: n["shape"] for n in net.nodes}
    assert (
        shapes["place"] == "triangle" and shapes["document"] == "square" and shapes["initiative"] == "diamond"
    )
    ids = {n["label"]: n["id"] for n in net.nodes}
    (edge,) = [
        e
        for e in net.edges
        if e["from"] == ids["张掖市人民政府"] and e["to"] == ids["张掖市法治政府建设领导小组"]
    ]
    assert edge["label"] == "成立"
    assert "市政府成立法治政府建设领导小组。" in edge["title"]
    assert "张掖市2023年法治政府建设情况的报告" in edge["title"]
    legend = {c["cls"]: c for c in net.lawgraph_meta["classes"]}
    assert legend["Court"]["name"] == "法院" and legend["Initiative"]["count"] == 2
    assert len(net.lawgraph_meta["reports"]) == 2


def test_full_view(hand_dataset):
    net = to_pyvis(hand_dataset, view="full")
    kinds = {n["kind"] for n in net.nodes}
    assert {"action", "report", "indicator"} <= kinds
    action = next(n for n in net.nodes if n["kind"] == "action" and n["label"] == "成立")
    assert action["evidence"] == "市政府成立法治政府建设领导小组。"


def test_cut_and_focus(hand_dataset):
    net = to_pyvis(hand_dataset, max_nodes=4)
    assert len(net.nodes) == 4
    assert net.lawgraph_meta["total_nodes"] == 10
    labels = {n["label"] for n in to_pyvis(hand_dataset, focus="市中院", hops=1).nodes}
    assert labels == {"张掖市中级人民法院", "张掖市司法局", "张掖市人民检察院"}
    assert len(to_pyvis(hand_dataset, max_nodes=0).nodes) == 10
    with pytest.raises(InputError):
        to_pyvis(hand_dataset, focus="没有这个名字")


def test_edges_carry_the_status_of_their_actions():
    """The page's status filter (全部状态 / 已完成 / 计划 / 不足) reads each edge's statuses."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "rdf"))
    from facts_fixture import make_facts

    from lawgraph.rdf import facts_to_quads, quads_to_graph
    from lawgraph.viz import render_html

    net = to_pyvis(quads_to_graph(facts_to_quads(make_facts())))
    statuses = {(e["label"].split(" ")[0], tuple(e["statuses"])) for e in net.edges}
    assert {("建立", ("done",)), ("印发", ("planned",)), ("隶属", ())} <= statuses
    assert 'id="status-filter"' in render_html(net)


def _sources(hand_dataset, tmp_path):
    """The hand dataset as a TriG file, a Turtle file (no named graphs) and a store folder."""
    import pyoxigraph as ox

    from lawgraph.store import open_oxigraph

    trig, ttl = tmp_path / "g.trig", tmp_path / "g.ttl"
    hand_dataset.serialize(trig, format="trig")
    from rdflib import Graph

    flat = Graph()
    for s, p, o, _ in hand_dataset.quads((None, None, None, None)):
        flat.add((s, p, o))
    flat.serialize(ttl, format="turtle")
    store = open_oxigraph(tmp_path / "store")
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    return [trig, ttl, tmp_path / "store"]


@pytest.mark.parametrize(
    "cut",
    [
        {},
        {"max_nodes": 4},
        {"focus": "张掖市司法局"},
        {"focus": "市中院", "hops": 2, "max_nodes": 3},
        {"view": "full"},
    ],
)
def test_a_store_and_files_draw_the_same_page(hand_dataset, tmp_path, cut):
    """From a store folder, a TriG file and a Turtle file: the same page, byte for byte, and the page the
    networkx view of the same data gives."""
    from lawgraph.store import read_source
    from lawgraph.viz import render_html

    pages = {render_html(to_pyvis(read_source(path), **cut)) for path in _sources(hand_dataset, tmp_path)}
    view = to_networkx(hand_dataset, view=cut.get("view", "entities"))
    rest = {k: v for k, v in cut.items() if k != "view"}
    assert pages == {render_html(to_pyvis(view, **rest))}


def test_an_unknown_focus_fails_before_the_store_is_read(hand_dataset, monkeypatch):
    """A name no label contains is refused by one scan of the labels: no outline, no view."""
    import lawgraph.analysis as analysis

    def unexpected(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("read the store for a name that is nowhere")

    monkeypatch.setattr(analysis, "read_outline", unexpected)
    with pytest.raises(InputError, match="没有这个名字"):
        to_pyvis(hand_dataset, focus="没有这个名字")
