"""lawgraph.analysis.source: a file or a store folder read as a Dataset gives the same views."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from lawgraph.analysis import read_graph, stats, to_networkx
from lawgraph.errors import InputError


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


@pytest.mark.corpus
def test_founding_report_store_and_file_give_the_same_stats_and_pages(corpus_dir, tmp_path):
    """`lawgraph build --store` (with the ontology and the store's bookkeeping graphs) and `-o x.trig` of
    the same report: the same statistics and the same pages."""
    path = corpus_dir / "lanzhou-new-area-2022.txt"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    from lawgraph.api import build_quads, write_graph
    from lawgraph.corpus import build_corpus
    from lawgraph.store import read_source
    from lawgraph.viz import render_html, to_pyvis

    write_graph(build_quads([path]), tmp_path / "g.trig")
    build_corpus([path], store=str(tmp_path / "store"))
    sources = [read_source(tmp_path / "g.trig"), read_source(tmp_path / "store")]
    file_stats, store_stats = (stats(source).as_dict() for source in sources)
    assert file_stats == store_stats and file_stats["nodes"] > 50
    for cut in ({}, {"max_nodes": 20}, {"focus": "兰州新区管理委员会", "hops": 1}):
        file_page, store_page = (render_html(to_pyvis(source, **cut)) for source in sources)
        assert file_page == store_page
