"""Writing a view for Gephi or Cytoscape: GraphML or GEXF, with attributes made plain.

Network files for graph tools, not RDF (RDF files are written by :mod:`lawgraph.rdf.serialize`).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from lawgraph.atomic import write_atomically
from lawgraph.errors import OutputError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["to_exportable", "NETWORK_FORMATS", "write_network"]


def to_exportable(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all strings, numbers or booleans, as GraphML and GEXF need.

    Tuples and lists become ``"；"``-joined strings and ``None`` is dropped; graph attributes that are not
    plain values (such as the report table) are written as text.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(reports={"r": "报告"})
    >>> G.add_node("a", aliases=("甲", "乙"), note=None)
    >>> H = to_exportable(G)
    >>> H.nodes["a"]
    {'aliases': '甲；乙'}
    """
    import networkx as nx

    def clean(attrs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in attrs.items():
            if value is None:
                continue
            if isinstance(value, bool | int | float | str):
                out[key] = value
            elif isinstance(value, tuple | list | set | frozenset):
                out[key] = "；".join(str(v) for v in value)
            elif isinstance(value, dict):
                out[key] = "；".join(f"{k}={v}" for k, v in value.items())
            else:
                out[key] = str(value)
        return out

    H = nx.MultiDiGraph(**clean(G.graph))
    for node, attrs in G.nodes(data=True):
        H.add_node(node, **clean(attrs))
    for u, v, key, attrs in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=str(key), **clean(attrs))
    return H


NETWORK_FORMATS = {".graphml": "graphml", ".gexf": "gexf"}
"""File suffixes :func:`write_network` understands, and their formats."""


def write_network(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write a view as GraphML or GEXF (by the suffix of ``path``), atomically, for Gephi or Cytoscape.

    Attributes are converted with :func:`to_exportable` first (both formats only hold plain values).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A view from :func:`to_networkx`.
    path : str or Path
        ``*.graphml`` or ``*.gexf``.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    OutputError
        If the suffix is not a known format or the file cannot be written.
    """
    import networkx as nx

    path = Path(path)
    fmt = NETWORK_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise OutputError(path, f"unknown export format {path.suffix or '(none)'!r}; use .graphml or .gexf")
    H = to_exportable(G)

    def write(fh: IO[Any]) -> None:
        if fmt == "graphml":
            nx.write_graphml(H, fh, encoding="utf-8")
        else:
            nx.write_gexf(H, fh, encoding="utf-8")

    return write_atomically(path, write)
