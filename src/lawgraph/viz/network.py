"""Building the pyvis network of a graph: :func:`to_pyvis` (nodes, merged edges, hover text, legend data)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any, Literal

from lawgraph.analysis.vocab import ROLE_LABELS
from lawgraph.viz.style import KIND_SHAPES, class_label, color_of, page_options

if TYPE_CHECKING:
    import networkx as nx
    from pyvis.network import Network
    from rdflib import Graph

__all__ = ["DEFAULT_MAX_NODES", "to_pyvis"]

DEFAULT_MAX_NODES = 300
"""The default cut: the 300 best-connected nodes keep a page responsive on an office machine."""

# Role names in hover text: the views' role labels, with the words of the full view for two action roles.
_ROLE_NAMES = {**ROLE_LABELS, "actedOn": "对象", "partner": "合作方"}
_MAX_FACTS = 8
_MAX_DETAILS = 30


def _capped(items: list[str], unit: str) -> list[str]:
    """At most :data:`_MAX_DETAILS` entries, so a hub's evidence does not bloat the page."""
    if len(items) <= _MAX_DETAILS:
        return items
    return items[:_MAX_DETAILS] + [f"…另有 {len(items) - _MAX_DETAILS} {unit}"]


def _node_title(data: dict[str, Any], reports: dict[str, str]) -> str:
    lines = [str(data.get("label", "")), f"类别：{class_label(str(data.get('cls', '')))}"]
    aliases = list(data.get("aliases") or ())
    if aliases:
        lines.append("简称与别名：" + "、".join(aliases))
    indicators = list(data.get("indicators") or ())
    if indicators:
        lines.append("指标：")
        lines.extend("  " + i for i in indicators[:_MAX_FACTS])
        if len(indicators) > _MAX_FACTS:
            lines.append(f"  …另有 {len(indicators) - _MAX_FACTS} 项")
    if data.get("evidence"):
        lines.append("证据：" + str(data["evidence"]))
    titles = [reports.get(r, r) for r in data.get("reports") or ()]
    if titles:
        lines.append("报告：" + "；".join(titles[:3]) + (f" 等 {len(titles)} 份" if len(titles) > 3 else ""))
    return "\n".join(lines)


def _drawn_part(
    graph: Any, view: str, focus: str | None, hops: int, max_nodes: int | None
) -> tuple[nx.MultiDiGraph, dict[str, int], dict[str, str], int, int]:
    """The part of the view to draw, each node's degree in the whole view, the report titles, and the size
    of the whole view.

    A networkx view is cut with :func:`~lawgraph.analysis.select_nodes`. An RDF graph or store is asked for
    the outline of its entities view first (:func:`~lawgraph.analysis.read_outline`: nodes, names and edge
    counts, by aggregate queries), the same rule chooses the nodes, and only their details are read; a
    focus name that no label or alias contains fails before anything else is read.
    """
    import networkx as nx

    from lawgraph.analysis import Outline, as_store, read_outline, select_nodes, to_networkx
    from lawgraph.analysis.outline import choose
    from lawgraph.analysis.reading import named_like
    from lawgraph.analysis.views import entities_view
    from lawgraph.errors import InputError

    if not isinstance(graph, nx.Graph) and view == "entities":
        store = as_store(graph)
        for name in [focus] if focus is not None else []:
            if not named_like(store, name):
                raise InputError(None, f"no node is named {name!r} (try a shorter part of the name)")
        outline = read_outline(store)
        H = entities_view(outline, choose(outline, focus=focus, hops=hops, max_nodes=max_nodes))
    else:
        G = graph if isinstance(graph, nx.Graph) else to_networkx(graph, view=view)  # type: ignore[arg-type]
        outline = Outline.of_view(G)
        H = select_nodes(G, focus=focus, hops=hops, max_nodes=max_nodes)
    return H, outline.degree(), outline.titles(), len(outline.kinds), outline.edges


def to_pyvis(
    graph: Graph | nx.MultiDiGraph,
    *,
    view: Literal["entities", "full"] = "entities",
    focus: str | None = None,
    hops: int = 1,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    height: str = "100%",
) -> Network:
    """Build the pyvis network of ``graph``.

    Parameters
    ----------
    graph : rdflib.Graph, pyoxigraph.Store or networkx.MultiDiGraph
        An RDF graph, Dataset or store, or a view already converted (:func:`lawgraph.analysis.to_networkx`).
        From RDF, only the nodes drawn are read in detail (see :func:`_drawn_part`).
    view : {"entities", "full"}
        Which view to draw when ``graph`` is RDF.
    focus : str, optional
        Draw only the neighbourhood of the node with this name (label or alias).
    hops : int
        Radius of that neighbourhood.
    max_nodes : int, optional
        Keep at most this many nodes, the best-connected first. ``None`` or 0 draws everything.
    height : str
        CSS height of the drawing area.

    Returns
    -------
    pyvis.network.Network
        Its ``nodes`` and ``edges`` hold plain data; the extra key ``lawgraph_meta`` on the object carries
        the legend, the report list and the size of the full graph for :func:`render_html`.

    Raises
    ------
    InputError
        If ``focus`` matches no node.
    """
    from pyvis.edge import Edge
    from pyvis.network import Network

    H, degree, reports, total_nodes, total_edges = _drawn_part(graph, view, focus, hops, max_nodes or None)

    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line")
    classes: Counter[tuple[str, str]] = Counter()
    for node in sorted(H, key=lambda n: (-degree[n], str(H.nodes[n].get("label", n)), n)):
        data = H.nodes[node]
        cls, kind = str(data.get("cls", "")), str(data.get("kind", ""))
        shape = KIND_SHAPES.get(kind, ("dot", "●"))[0]
        classes[(cls, kind)] += 1
        net.add_node(
            node,
            label=str(data.get("label", node)),
            shape=shape,
            color=color_of(cls, kind),
            title=_node_title(data, reports),
            value=degree[node] + 1,
            cls=cls,
            class_name=class_label(cls),
            kind=kind,
            aliases=list(data.get("aliases") or ()),
            indicators=_capped(list(data.get("indicators") or ()), "项"),
            reports=sorted(data.get("reports") or (), key=lambda r: (reports.get(r, r), r)),
            evidence=str(data.get("evidence") or ""),
            degree=degree[node],
        )

    # One drawn edge per (from, to, label); the facts behind it are listed in its hover text.
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for u, v, data in H.edges(data=True):
        groups[(u, v, str(data.get("label", "")))].append(data)
    for i, ((u, v, label), facts) in enumerate(sorted(groups.items())):
        roles = sorted({_ROLE_NAMES.get(str(f.get("role", "")), str(f.get("role", ""))) for f in facts})
        lines = []
        for f in facts:
            evidence = str(f.get("evidence") or "")
            report = reports.get(str(f.get("report") or ""), "")
            if evidence or report:
                lines.append(f"「{evidence}」" + (f"——{report}" if report else ""))
        action_text = f"{label}（{'、'.join(r for r in roles if r)}）" if any(roles) else label
        heading = f"{H.nodes[u].get('label', u)} —{action_text}→ {H.nodes[v].get('label', v)}"
        title = "\n".join(
            [heading]
            + lines[:_MAX_FACTS]
            + ([f"…另有 {len(lines) - _MAX_FACTS} 处"] if len(lines) > _MAX_FACTS else [])
        )
        edge_reports = sorted({str(f.get("report")) for f in facts if f.get("report")})
        edge_statuses = sorted({str(f.get("status")) for f in facts if f.get("status")})
        # pyvis's add_edge scans every node and edge per call; both ends are known to exist here.
        net.edges.append(
            Edge(
                u,
                v,
                True,
                id=f"e{i}",
                label=label + (f" ×{len(facts)}" if len(facts) > 1 else ""),
                title=title,
                heading=heading,
                value=len(facts),
                action_text=action_text,
                facts=_capped(lines, "处"),
                reports=edge_reports,
                statuses=edge_statuses,
            ).options
        )

    n = len(net.nodes)
    net.options = page_options(n)
    shown_reports = sorted(
        {r for d in net.nodes for r in d["reports"]} | {r for e in net.edges for r in e["reports"]}
    )
    net.lawgraph_meta = {
        "view": H.graph.get("view", view),
        "shown_nodes": n,
        "total_nodes": total_nodes,
        "total_edges": total_edges,
        "reports": [{"id": r, "title": reports.get(r, r)} for r in shown_reports],
        "classes": [
            {
                "cls": cls,
                "name": class_label(cls),
                "count": count,
                "color": color_of(cls, kind),
                "symbol": KIND_SHAPES.get(kind, ("dot", "●"))[1],
            }
            for (cls, kind), count in sorted(classes.items(), key=lambda ck: (-ck[1], ck[0]))
        ],
    }
    return net
