"""lawgraph.analysis.centrality: the same betweenness as networkx, exact and from a seeded sample."""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from lawgraph.analysis import centrality
from lawgraph.analysis.centrality import betweenness


def _graphs() -> list[nx.Graph]:
    """Random graphs with leaves, isolated nodes, a repeated link and a self-loop, and a few fixed shapes."""
    rng = random.Random(5)
    graphs = [nx.path_graph(5), nx.star_graph(6), nx.cycle_graph(7), nx.empty_graph(3), nx.complete_graph(4)]
    for seed in range(12):
        n = rng.randint(3, 40)
        G = nx.gnm_random_graph(n, rng.randint(1, 2 * n), seed=seed)
        G.add_edges_from([(0, 0), (0, 1), (0, 1)])  # a self-loop and a repeat: ignored as in a simple graph
        graphs.append(G)
    return graphs


def _same(expected: dict[str, float], got: dict[str, float]) -> None:
    assert expected.keys() == got.keys()
    for node, value in expected.items():
        if math.isnan(value):
            assert math.isnan(got[node])
        else:
            assert got[node] == pytest.approx(value, abs=1e-12), node


@pytest.mark.parametrize("k", [None, 1, 3, 7])
def test_matches_networkx(k):
    for G in _graphs():
        H = nx.relabel_nodes(nx.Graph(G), str)
        nodes = list(H.nodes())
        if k is not None and k > len(nodes):
            continue
        expected = nx.betweenness_centrality(H, k=k, seed=0)
        links = [(str(u), str(v)) for u, v in G.edges()]
        _same(expected, betweenness(nodes, links, k=k, seed=0))


def test_batches_give_the_same_values(monkeypatch):
    G = nx.relabel_nodes(nx.gnm_random_graph(60, 90, seed=3), str)
    nodes, links = list(G.nodes()), list(G.edges())
    whole = betweenness(nodes, links, k=20, seed=1)
    monkeypatch.setattr(centrality, "_BATCH_CELLS", 1)  # one search per batch
    _same(whole, betweenness(nodes, links, k=20, seed=1))


def test_the_sample_follows_the_node_order():
    """Sources are drawn from the nodes in the order given, as networkx draws from its node order."""
    G = nx.relabel_nodes(nx.gnm_random_graph(30, 45, seed=8), str)
    nodes = sorted(G.nodes(), reverse=True)
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from(G.edges())
    _same(nx.betweenness_centrality(H, k=5, seed=0), betweenness(nodes, G.edges(), k=5, seed=0))
