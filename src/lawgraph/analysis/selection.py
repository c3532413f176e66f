"""Choosing the part of a networkx view worth drawing: nodes by name, a neighbourhood, the best-connected
nodes (the rule is :func:`lawgraph.analysis.outline.choose`, which ``lawgraph viz`` applies to a store)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lawgraph.analysis.outline import Outline, choose, find_names

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["find_nodes", "select_nodes"]


def find_nodes(G: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes whose label or an alias is ``name``; failing that, whose label contains it.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="某市司法局", aliases=("市司法局",))
    >>> G.add_node("b", label="某市司法局律师工作科", aliases=())
    >>> find_nodes(G, "市司法局"), find_nodes(G, "律师")
    (['a'], ['b'])
    """
    return find_names(Outline.of_view(G).heads(), name)


def select_nodes(
    G: nx.MultiDiGraph,
    *,
    focus: str | Iterable[str] | None = None,
    hops: int = 1,
    max_nodes: int | None = None,
) -> nx.MultiDiGraph:
    """The part of ``G`` worth drawing: a neighbourhood, then the best-connected nodes.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A view from :func:`to_networkx`.
    focus : str or iterable of str, optional
        Names (labels or aliases, see :func:`find_nodes`) to centre on; only nodes within ``hops`` steps
        (ignoring direction) are kept.
    hops : int
        Radius of the neighbourhood around ``focus``.
    max_nodes : int, optional
        Keep at most this many nodes: focus nodes, then entities and reports, then actions, then
        indicators, the highest-degree first within each (ties by label).
        ``None`` or 0 keeps everything.

    Returns
    -------
    networkx.MultiDiGraph
        A copy; ``graph["total_nodes"]`` and ``graph["total_edges"]`` record the size of ``G``.

    Raises
    ------
    InputError
        If a focus name matches no node.
    """
    outline = Outline.of_view(G)
    keep = choose(outline, focus=focus, hops=hops, max_nodes=max_nodes)
    H = G.subgraph(keep).copy()
    H.graph.update(total_nodes=G.number_of_nodes(), total_edges=G.number_of_edges())
    return H
