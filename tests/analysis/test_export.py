"""lawgraph.analysis.export: GraphML and GEXF that read back, with plain attributes."""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import pytest

from lawgraph.analysis import to_exportable, to_networkx, write_network
from lawgraph.errors import OutputError

sys.path.insert(0, str(Path(__file__).parent))
from analysis_helpers import by_label  # noqa: E402


@pytest.mark.parametrize("view", ["entities", "full"])
@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_export_reads_back(hand_dataset, tmp_path, view, suffix):
    G = to_networkx(hand_dataset, view=view)
    path = write_network(G, tmp_path / f"g{suffix}")
    H = nx.read_graphml(path, force_multigraph=True) if suffix == ".graphml" else nx.read_gexf(path)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    court = by_label(G, "张掖市中级人民法院")
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
