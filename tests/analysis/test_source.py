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
