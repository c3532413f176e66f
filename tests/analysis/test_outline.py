"""lawgraph.analysis.outline: the outline a store gives is that of its view, and it chooses the same nodes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lawgraph.analysis import Outline, read_outline, select_nodes, to_networkx
from lawgraph.analysis import reading as reading_module
from lawgraph.analysis.outline import choose
from lawgraph.analysis.views import entities_view
from lawgraph.errors import InputError

sys.path.insert(0, str(Path(__file__).parent))
from analysis_helpers import by_label, oxigraph_copy  # noqa: E402


def test_the_outline_of_a_store_is_that_of_its_view(any_dataset):
    store = oxigraph_copy(any_dataset)
    outline = read_outline(store)
    G = to_networkx(store)
    of_view = Outline.of_view(G)
    assert list(outline.kinds) == list(G.nodes)
    assert outline.kinds == of_view.kinds
    assert outline.pairs == of_view.pairs
    assert outline.degree() == dict(G.degree())
    assert outline.edges == G.number_of_edges()
    assert outline.heads() == of_view.heads()
    assert outline.titles() == G.graph["reports"]


@pytest.mark.parametrize(
    ("focus", "hops", "max_nodes"),
    [
        (None, 1, 3),
        (None, 1, 0),
        ("张掖市人民检察院", 1, None),
        ("张掖市人民检察院", 2, 2),
        ("市中院", 1, None),  # an alias
        ("司法", 1, None),  # part of a label
    ],
)
def test_a_store_and_its_view_choose_the_same_nodes(hand_dataset, focus, hops, max_nodes):
    store = oxigraph_copy(hand_dataset)
    G = to_networkx(store)
    chosen = choose(read_outline(store), focus=focus, hops=hops, max_nodes=max_nodes)
    assert chosen == set(select_nodes(G, focus=focus, hops=hops, max_nodes=max_nodes))


def test_an_unknown_name_is_refused(hand_dataset):
    with pytest.raises(InputError, match="no node is named"):
        choose(read_outline(oxigraph_copy(hand_dataset)), focus="无此机构")


def test_labels_are_read_only_for_the_nodes_that_need_them(hand_dataset, monkeypatch):
    store = oxigraph_copy(hand_dataset)
    asked: list[object] = []
    real = reading_module.labels

    def labels(store, nodes=None):  # type: ignore[no-untyped-def]
        asked.append(None if nodes is None else sorted(nodes))
        return real(store, nodes)

    monkeypatch.setattr(reading_module, "labels", labels)
    outline = read_outline(store)
    assert asked == []  # counting and linking need no label
    top = outline.first(list(outline.kinds), 1, key=lambda n: -outline.degree()[n])
    assert asked == [top]  # the best-connected node has no tie: only its own label is read
    assert top == [by_label(to_networkx(hand_dataset), "张掖市司法局")]


def test_part_of_the_view_is_the_same_part_of_the_whole_view(any_dataset):
    store = oxigraph_copy(any_dataset)
    outline = read_outline(store)
    whole = to_networkx(store)
    for keep in (choose(outline, max_nodes=4), set(list(outline.kinds)[::2])):
        part = entities_view(outline, keep)
        sub = whole.subgraph(keep)
        assert dict(part.nodes(data=True)) == dict(sub.nodes(data=True))
        edges = sorted(part.edges(keys=True, data=True), key=str)
        assert edges == sorted(sub.edges(keys=True, data=True), key=str)
        assert (part.graph["total_nodes"], part.graph["total_edges"]) == (
            whole.number_of_nodes(),
            whole.number_of_edges(),
        )
        assert part.graph["reports"] == whole.graph["reports"]
