"""The statistics ``lawgraph stats`` prints: :func:`stats` and its :class:`GraphStats`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rdflib import Graph

from lawgraph.analysis.source import _count_triples, _triples
from lawgraph.analysis.views import to_networkx
from lawgraph.analysis.vocab import _TYPE, _prefixed

__all__ = ["GraphStats", "stats"]


@dataclass(frozen=True)
class GraphStats:
    """What ``lawgraph stats`` reports about a graph."""

    triples: int
    """Distinct triples (the union of every graph of a Dataset)."""
    classes: tuple[tuple[str, int], ...]
    """``(prefixed class, distinct instances)``, most frequent first."""
    nodes: int
    """Nodes of the ``"entities"`` view."""
    edges: int
    """Edges of the ``"entities"`` view."""
    top_degree: tuple[tuple[str, int], ...]
    """``(organization label, degree)`` in the entities view, highest first."""
    top_betweenness: tuple[tuple[str, float], ...]
    """``(organization label, betweenness centrality)`` on the undirected entities view, highest first."""
    components: int
    """Weakly connected components of the entities view (isolated nodes count as components)."""
    component_sizes: tuple[int, ...]
    """Sizes of the largest components, largest first."""
    isolated: int
    """Entity nodes with no edge."""
    betweenness_sample: int | None = None
    """When set, betweenness was estimated from this many sampled source nodes (big graphs)."""

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "triples": self.triples,
            "classes": dict(self.classes),
            "nodes": self.nodes,
            "edges": self.edges,
            "top_degree": [list(x) for x in self.top_degree],
            "top_betweenness": [list(x) for x in self.top_betweenness],
            "components": self.components,
            "component_sizes": list(self.component_sizes),
            "isolated": self.isolated,
            "betweenness_sample": self.betweenness_sample,
        }


def stats(graph: Graph | Any, *, top: int = 10, exact_limit: int = 1000, sample: int = 300) -> GraphStats:
    """Counts per class, the most connected organizations and the connected components of ``graph``.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph or Dataset (read as the union of its graphs).
    top : int
        How many organizations to rank.
    exact_limit : int
        Betweenness is exact up to this many nodes.
    sample : int
        Above ``exact_limit``, betweenness is estimated from this many source nodes drawn with a fixed
        seed, so results repeat (exact betweenness costs one search per node).

    Returns
    -------
    GraphStats
    """
    import networkx as nx

    if top < 1:
        raise ValueError("top must be at least 1")
    if sample < 1:
        raise ValueError("sample must be at least 1")
    triples = _count_triples(graph)
    instances: dict[Any, set[Any]] = defaultdict(set)
    for s, _, o in _triples(graph, [_TYPE]):
        instances[o].add(s)
    classes = tuple(
        sorted(
            ((_prefixed(c), len(members)) for c, members in instances.items()), key=lambda x: (-x[1], x[0])
        )
    )

    G = to_networkx(graph, view="entities")
    orgs = [n for n, kind in G.nodes(data="kind") if kind == "organization"]
    label = dict(G.nodes(data="label"))
    degree = dict(G.degree(orgs))
    top_degree = tuple(
        (label[n], d) for n, d in sorted(degree.items(), key=lambda nd: (-nd[1], label[nd[0]]))[:top] if d > 0
    )
    simple = nx.Graph(G.to_undirected(as_view=True))
    used_sample = None
    if simple.number_of_nodes() > exact_limit:
        used_sample = min(sample, simple.number_of_nodes())
        between = nx.betweenness_centrality(simple, k=used_sample, seed=0)
    else:
        between = nx.betweenness_centrality(simple)
    top_between = tuple(
        (label[n], round(between[n], 6))
        for n in sorted(orgs, key=lambda n: (-between[n], label[n]))[:top]
        if between[n] > 0
    )
    sizes = sorted((len(c) for c in nx.weakly_connected_components(G)), reverse=True)
    return GraphStats(
        triples=triples,
        classes=classes,
        nodes=G.number_of_nodes(),
        edges=G.number_of_edges(),
        top_degree=top_degree,
        top_betweenness=top_between,
        components=len(sizes),
        component_sizes=tuple(sizes[:top]),
        isolated=sum(1 for n in G if G.degree(n) == 0),
        betweenness_sample=used_sample,
    )
