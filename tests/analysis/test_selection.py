"""lawgraph.analysis.selection: nodes by name, neighbourhoods, the best-connected nodes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lawgraph.analysis import find_nodes, select_nodes, to_networkx
from lawgraph.errors import InputError

sys.path.insert(0, str(Path(__file__).parent))
from analysis_helpers import by_label  # noqa: E402


def test_select_nodes(hand_dataset):
    G = to_networkx(hand_dataset)
    assert find_nodes(G, "市中院") == [by_label(G, "张掖市中级人民法院")]
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
    assert {k for _, k in cut.nodes(data="kind")} == {
        "organization", "place", "document", "initiative", "report"
    }
