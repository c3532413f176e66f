"""Writing the offline graph page: :func:`render_html` and :func:`write_html`.

pyvis's own template links bootstrap from a CDN and ``../node_modules``; the page instead fills lawgraph's
``templates/graph.html`` and inlines the vis-network script and stylesheet that ship inside the pyvis
package, so it has no external reference at all.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from lawgraph.atomic import write_atomically
from lawgraph.errors import OutputError

if TYPE_CHECKING:
    from pyvis.network import Network

__all__ = ["render_html", "write_html"]


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
    return write_atomically(path, lambda fh: fh.write(html), text=True)
