"""The statistics ``lawgraph stats`` prints: :func:`stats` and its :class:`GraphStats`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lawgraph.analysis.centrality import betweenness
from lawgraph.analysis.outline import read_outline
from lawgraph.analysis.reading import select, together
from lawgraph.analysis.source import as_store
from lawgraph.analysis.vocab import prefixed
from lawgraph.namespaces import ONTOLOGY_GRAPH, STORE_GRAPH

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph

__all__ = ["GraphStats", "stats"]


@dataclass(frozen=True)
class GraphStats:
    """What ``lawgraph stats`` reports about a graph."""

    triples: int
    """Statements in the report graphs and the default graph (:func:`count_statements`)."""
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

    Everything is asked of the store with aggregate queries (:func:`~lawgraph.analysis.outline.read_outline`):
    the graph is never read whole.

    Parameters
    ----------
    graph : rdflib.Graph or pyoxigraph.Store
        A graph, Dataset or store (read as the union of its graphs, without lawgraph's own).
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
    if top < 1:
        raise ValueError("top must be at least 1")
    if sample < 1:
        raise ValueError("sample must be at least 1")
    store = as_store(graph)
    outline, triples, classes = together(
        lambda: read_outline(store), lambda: count_statements(store), lambda: count_instances(store)
    )
    nodes = list(outline.kinds)
    orgs = [n for n in nodes if outline.kinds[n][0] == "organization"]
    degree = outline.degree()
    ranked = outline.first([n for n in orgs if degree[n] > 0], top, key=lambda n: -degree[n])
    used_sample = min(sample, len(nodes)) if len(nodes) > exact_limit else None
    between = betweenness(nodes, outline.pairs, k=used_sample, seed=0)
    # Ties within floating-point noise are broken by label.
    bridges = outline.first([n for n in orgs if between[n] > 0], top, key=lambda n: -round(between[n], 12))
    heads = outline.heads(ranked + bridges)
    sizes = sorted(_component_sizes(nodes, outline.pairs), reverse=True)
    return GraphStats(
        triples=triples,
        classes=classes,
        nodes=len(nodes),
        edges=outline.edges,
        top_degree=tuple((heads[n].label, degree[n]) for n in ranked),
        top_betweenness=tuple((heads[n].label, round(between[n], 6)) for n in bridges),
        components=len(sizes),
        component_sizes=tuple(sizes[:top]),
        isolated=sum(1 for n in nodes if degree[n] == 0),
        betweenness_sample=used_sample,
    )


def _component_sizes(nodes: Iterable[str], pairs: Iterable[tuple[str, str]]) -> list[int]:
    """Sizes of the connected components, ignoring direction (union-find)."""
    parent = {n: n for n in nodes}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for u, v in pairs:
        ru, rv = root(u), root(v)
        if ru != rv:
            parent[ru] = rv
    return list(Counter(root(n) for n in parent).values())


_SKIPPED = f"<{ONTOLOGY_GRAPH}>, <{STORE_GRAPH}>"


def count_statements(store: ox.Store) -> int:
    """Statements outside lawgraph's own graphs (the ontology's and the store's bookkeeping).

    Lawgraph states each triple once, in one graph (shared descriptions in the default graph, a report's
    own in its graph), so this is also the number of distinct triples; counting statements is one pass of
    the store's index where telling duplicates apart would hash every triple (seconds on a corpus store).
    """
    import pyoxigraph as ox

    ours = sum(
        sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(str(g))))
        for g in (ONTOLOGY_GRAPH, STORE_GRAPH)
    )
    return len(store) - ours


def count_instances(store: ox.Store) -> tuple[tuple[str, int], ...]:
    """``(prefixed class, distinct instances)`` outside lawgraph's own graphs, most frequent first."""
    query = f"""
        SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{
          {{ ?s a ?class }} UNION {{ GRAPH ?g {{ ?s a ?class }} FILTER(?g NOT IN ({_SKIPPED})) }}
        }} GROUP BY ?class"""
    counts = [(prefixed(c), int(n)) for c, n in select(store, query)]
    return tuple(sorted(counts, key=lambda x: (-x[1], x[0])))
