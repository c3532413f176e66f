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

The package has one module per job: :mod:`~lawgraph.viz.style` holds the colours, shapes, Chinese class
names and vis-network options, :mod:`~lawgraph.viz.network` builds the pyvis network and
:mod:`~lawgraph.viz.page` writes the offline page from the ``templates/graph.html`` template.

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

from lawgraph.viz.network import DEFAULT_MAX_NODES, to_pyvis
from lawgraph.viz.page import render_html, write_html
from lawgraph.viz.style import CLASS_COLORS, CLASS_NAMES, KIND_SHAPES

__all__ = [
    "CLASS_NAMES",
    "CLASS_COLORS",
    "KIND_SHAPES",
    "DEFAULT_MAX_NODES",
    "to_pyvis",
    "render_html",
    "write_html",
]
