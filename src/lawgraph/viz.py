"""The interactive graph page: a pyvis network written as one self-contained, offline HTML file.

:func:`to_pyvis` turns a graph (RDF or a view from :func:`lawgraph.analysis.to_networkx`) into a
:class:`pyvis.network.Network`: colour and shape by class, Chinese labels, hover text with the full name,
class and aliases of a node, and the action, evidence sentence and report of an edge. Parallel edges with the
same verb are merged into one, wider edge that lists every piece of evidence.

:func:`render_html` and :func:`write_html` write the page. pyvis's own template, even with
``cdn_resources="in_line"``, links bootstrap from a CDN and ``../node_modules``; lawgraph uses its own
template instead and inlines the vis-network script and stylesheet that ship inside the pyvis package, so
the page has no external reference at all and draws with the network off. It has a search box, a filter
by class and by report, a legend, and a details panel; physics runs once to lay the graph out, then stops.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph(reports={})
>>> G.add_node("a", label="某市司法局", cls="JusticeAdministration", kind="organization")
>>> G.add_node("b", label="八五普法", cls="Initiative", kind="initiative")
>>> G.add_edge("a", "b", key="x", verb="开展", label="开展", evidence="我们写的一句话。", report="")
'x'
>>> net = to_pyvis(G)
>>> len(net.nodes), len(net.edges)
(2, 1)
>>> "https://" in render_html(net).split("<script>")[0]
False
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from lawgraph.errors import OutputError

if TYPE_CHECKING:
    import networkx as nx
    from pyvis.network import Network
    from rdflib import Graph

__all__ = [
    "CLASS_NAMES",
    "CLASS_COLORS",
    "KIND_SHAPES",
    "DEFAULT_MAX_NODES",
    "to_pyvis",
    "render_html",
    "write_html",
]

DEFAULT_MAX_NODES = 300
"""The default cut: the 300 best-connected nodes keep a page responsive on an office machine."""

CLASS_NAMES: dict[str, str] = {
    "GovernmentBody": "政府机关",
    "PartyBody": "党的机构",
    "PeoplesCongress": "人大",
    "PoliticalConsultativeConference": "政协",
    "Court": "法院",
    "Procuratorate": "检察院",
    "PublicSecurityOrgan": "公安机关",
    "JusticeAdministration": "司法行政机关",
    "Committee": "委员会与领导小组",
    "MediationCommittee": "调解委员会",
    "Association": "社会团体",
    "Enterprise": "企业",
    "Prison": "监狱",
    "Institution": "事业单位",
    "MediaOutlet": "媒体",
    "OtherOrganization": "其他组织",
    "Province": "省级",
    "City": "市级",
    "County": "县",
    "District": "区",
    "NewArea": "新区",
    "Park": "园区",
    "Town": "镇",
    "Township": "乡",
    "Subdistrict": "街道",
    "Village": "村",
    "Community": "社区",
    "Place": "地点",
    "PolicyDocument": "文件",
    "Initiative": "工作举措",
    "Action": "行动",
    "Report": "报告",
    "Indicator": "指标",
}
"""Chinese names of the lawgraph classes, shown in the legend and hover text."""

CLASS_COLORS: dict[str, str] = {
    "GovernmentBody": "#1f77b4",
    "PartyBody": "#d62728",
    "PeoplesCongress": "#9467bd",
    "PoliticalConsultativeConference": "#8c564b",
    "Court": "#e6550d",
    "Procuratorate": "#31a354",
    "PublicSecurityOrgan": "#3182bd",
    "JusticeAdministration": "#17becf",
    "Committee": "#bcbd22",
    "MediationCommittee": "#a1d99b",
    "Association": "#e377c2",
    "Enterprise": "#7f7f7f",
    "Prison": "#636363",
    "Institution": "#6baed6",
    "MediaOutlet": "#fd8d3c",
    "OtherOrganization": "#9ecae1",
    "Province": "#00441b",
    "City": "#006d2c",
    "County": "#238b45",
    "District": "#41ab5d",
    "NewArea": "#2ca25f",
    "Park": "#99d8c9",
    "Town": "#74c476",
    "Township": "#74c476",
    "Subdistrict": "#a1d99b",
    "Village": "#c7e9c0",
    "Community": "#c7e9c0",
    "Place": "#2ca02c",
    "PolicyDocument": "#756bb1",
    "Initiative": "#fdae6b",
    "Action": "#c7c7c7",
    "Report": "#393b79",
    "Indicator": "#e7ba52",
}
"""Node colour per class; places are shades of green, darker for higher levels."""

_PLACE_COLOR = "#2ca02c"
_FALLBACK_COLOR = "#aaaaaa"

KIND_SHAPES: dict[str, tuple[str, str]] = {
    "organization": ("dot", "●"),
    "place": ("triangle", "▲"),
    "document": ("square", "■"),
    "initiative": ("diamond", "◆"),
    "action": ("ellipse", "▬"),
    "report": ("star", "★"),
    "indicator": ("hexagon", "⬢"),
}
"""vis-network shape and legend symbol per node kind."""

_ROLE_NAMES = {
    "generated": "产生",
    "actedOn": "对象",
    "partner": "合作方",
    "used": "依据",
    "subOrganizationOf": "隶属",
    "containedInPlace": "位于",
}
_MAX_FACTS = 8


_MAX_DETAILS = 30


def _capped(items: list[str], unit: str) -> list[str]:
    """At most :data:`_MAX_DETAILS` entries, so a hub's evidence does not bloat the page."""
    if len(items) <= _MAX_DETAILS:
        return items
    return items[:_MAX_DETAILS] + [f"…另有 {len(items) - _MAX_DETAILS} {unit}"]


def _color(cls: str, kind: str) -> str:
    if cls in CLASS_COLORS:
        return CLASS_COLORS[cls]
    return _PLACE_COLOR if kind == "place" else _FALLBACK_COLOR


def _class_name(cls: str) -> str:
    return CLASS_NAMES.get(cls, cls)


def _node_title(data: dict[str, Any], reports: dict[str, str]) -> str:
    lines = [str(data.get("label", "")), f"类别：{_class_name(str(data.get('cls', '')))}"]
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


def _as_networkx(graph: Graph | nx.MultiDiGraph, view: str) -> nx.MultiDiGraph:
    import networkx as nx

    if isinstance(graph, nx.Graph):
        return graph
    from lawgraph.analysis import to_networkx

    return to_networkx(graph, view=view)  # type: ignore[arg-type]


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
    graph : rdflib.Graph or networkx.MultiDiGraph
        An RDF graph or Dataset (converted with :func:`lawgraph.analysis.to_networkx`), or a view already
        converted.
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

    from lawgraph.analysis import select_nodes

    G = _as_networkx(graph, view)
    H = select_nodes(G, focus=focus, hops=hops, max_nodes=max_nodes or None)
    reports: dict[str, str] = dict(G.graph.get("reports") or {})

    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line")
    degree = dict(G.degree())
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
            color=_color(cls, kind),
            title=_node_title(data, reports),
            value=degree[node] + 1,
            cls=cls,
            class_name=_class_name(cls),
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
            ).options
        )

    n = len(net.nodes)
    net.options = _options(n)
    shown_reports = sorted(
        {r for d in net.nodes for r in d["reports"]} | {r for e in net.edges for r in e["reports"]}
    )
    net.lawgraph_meta = {
        "view": G.graph.get("view", view),
        "shown_nodes": n,
        "total_nodes": G.number_of_nodes(),
        "total_edges": G.number_of_edges(),
        "reports": [{"id": r, "title": reports.get(r, r)} for r in shown_reports],
        "classes": [
            {
                "cls": cls,
                "name": _class_name(cls),
                "count": count,
                "color": _color(cls, kind),
                "symbol": KIND_SHAPES.get(kind, ("dot", "●"))[1],
            }
            for (cls, kind), count in sorted(classes.items(), key=lambda ck: (-ck[1], ck[0]))
        ],
    }
    return net


def _options(n: int) -> dict[str, Any]:
    """vis-network options: stabilize once (fewer iterations on big graphs), then the page stops physics."""
    iterations = 400 if n <= 200 else 200 if n <= 1000 else 100 if n <= 3000 else 50
    return {
        "nodes": {
            "font": {
                "size": 14,
                "face": "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, SimHei, sans-serif",
            },
            "scaling": {"min": 10, "max": 36, "label": {"enabled": True, "min": 12, "max": 22}},
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 11, "align": "middle", "color": "#52606d", "strokeWidth": 3},
            "color": {"color": "#9aa5b1", "highlight": "#d9480f", "hover": "#d9480f"},
            "smooth": {"enabled": n <= 1000, "type": "continuous"},  # curves cost much on big graphs
            # On big graphs edge labels appear only once zoomed in (vis skips text drawn smaller than this).
            "scaling": {
                "min": 1,
                "max": 6,
                "label": {"enabled": False, "drawThreshold": 5 if n <= 100 else 10},
            },
        },
        "physics": {
            "enabled": n > 0,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 20, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n > 500},
        "layout": {"improvedLayout": n <= 150, "randomSeed": 7},
    }


def _read_lib(name: str) -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise OutputError(path, f"pyvis is missing its bundled vis-network file ({err})") from err


_CLOSE_TAG = re.compile(r"</(?=script|style)|<!--", re.IGNORECASE)


def _script_safe(text: str) -> str:
    """Library code that cannot close the ``<script>``/``<style>`` element it is inlined in."""
    return _CLOSE_TAG.sub(lambda m: "<\\/" if m.group(0) == "</" else "<\\!--", text)


def _json_safe(text: str) -> str:
    """JSON inlined in a script: every ``<`` inside strings is written ``\\u003c``."""
    return text.replace("<", "\\u003c")


def render_html(net: Network, *, title: str | None = None) -> str:
    """The whole page for ``net`` as one HTML string with no external reference.

    Parameters
    ----------
    net : pyvis.network.Network
        Usually from :func:`to_pyvis`; a plain pyvis network works too (no legend or report filter).
    title : str, optional
        Page title and heading; defaults to ``lawgraph 关系图``.
    """
    from jinja2 import Environment

    from lawgraph import __version__

    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    meta = getattr(net, "lawgraph_meta", None) or {
        "shown_nodes": len(nodes),
        "total_nodes": len(nodes),
        "total_edges": len(edges),
        "reports": [],
        "classes": [],
    }
    for node in nodes:
        for key in ("aliases", "indicators", "reports"):
            node.setdefault(key, [])
        node.setdefault("degree", 0)
    drawn_edges = []
    for i, edge in enumerate(edges):
        edge = dict(edge)
        edge.setdefault("id", f"e{i}")
        edge.setdefault("reports", [])
        edge.setdefault("facts", [])
        edge.setdefault("action_text", edge.get("label", ""))
        if "heading" in edge:
            edge.pop("title", None)  # the page rebuilds it from heading and facts (half the page size)
        drawn_edges.append(edge)
    edges = drawn_edges
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options) if isinstance(options, str) else options,
        "meta": meta,
    }
    payload["options"].setdefault("physics", {}).setdefault("enabled", True)
    data_json = _json_safe(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
    template_text = (resources.files("lawgraph") / "templates" / "graph.html").read_text(encoding="utf-8")
    template = Environment(autoescape=False).from_string(template_text)
    return template.render(
        title=title or "lawgraph 关系图",
        version=__version__,
        vis_css=_script_safe(_read_lib("vis-network.css")),
        vis_js=_script_safe(_read_lib("vis-network.min.js")),
        data_json=data_json,
    )


def write_html(net: Network, path: str | Path, *, title: str | None = None) -> Path:
    """Write the self-contained page for ``net`` to ``path`` atomically (temporary file, then rename).

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    OutputError
        If the file cannot be written.
    """
    path = Path(path)
    html = render_html(net, title=title)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(path, f"cannot write here ({err.strerror or err})") from err
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(html)
        _publish(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(path, f"cannot write ({err.strerror or err})") from err
    return path


def _publish(tmp: str, path: Path) -> None:
    """Give the temporary file the usual permissions (mkstemp makes it private), then rename it."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, path)
