"""Choosing the part of a view worth drawing: nodes by name, a neighbourhood, the best-connected nodes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lawgraph.errors import InputError

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
    exact = [n for n, d in G.nodes(data=True) if d.get("label") == name or name in (d.get("aliases") or ())]
    if exact:
        return sorted(exact)
    return sorted(n for n, d in G.nodes(data=True) if name in str(d.get("label", "")))


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
    import networkx as nx

    if hops < 0:
        raise ValueError("hops must be 0 or more")
    if max_nodes is not None and max_nodes < 0:
        raise ValueError("max_nodes must be 0 or more")
    keep: set[str] = set(G)
    centres: set[str] = set()
    if focus is not None:
        names = [focus] if isinstance(focus, str) else list(focus)
        undirected = G.to_undirected(as_view=True)
        keep = set()
        for name in names:
            found = find_nodes(G, name)
            if not found:
                raise InputError(None, f"no node is named {name!r} (try a shorter part of the name)")
            centres.update(found)
            for node in found:
                keep.update(nx.single_source_shortest_path_length(undirected, node, cutoff=hops))
    if max_nodes and len(keep) > max_nodes:
        degree = G.degree(keep)
        # Entities and reports first, then actions, then indicators; the best-connected first within each.
        priority = {"action": 1, "indicator": 2}
        ranked = sorted(
            keep - centres,
            key=lambda n: (
                priority.get(G.nodes[n].get("kind", ""), 0),
                -degree[n],
                str(G.nodes[n].get("label", n)),
                n,
            ),
        )
        keep = set(sorted(centres)[:max_nodes]) | set(ranked[: max(0, max_nodes - len(centres))])
    H = G.subgraph(keep).copy()
    H.graph.update(total_nodes=G.number_of_nodes(), total_edges=G.number_of_edges())
    return H
