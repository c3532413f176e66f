"""``lawgraph viz``: write the interactive, offline graph page."""

from __future__ import annotations

from pathlib import Path

import typer

from lawgraph.cli import app

__all__ = ["viz_cli"]

_HELP = """Draw a graph as one interactive HTML page that works offline, opened straight from disk.

SOURCE is a store folder (`lawgraph build ... --store DIR`) or an RDF file (.trig, .nq, .ttl, .nt, .rdf).
Organizations, places, documents and initiatives are nodes, coloured and shaped by class (see the legend);
each action becomes labelled edges from its agent to what it created, acted on, used or did with a partner
(成立, 印发, 建立机制 …). Hover a node for its full name, class and aliases (and indicators it reports);
hover an edge for the action, its evidence sentence and the report. The page has a search box, a filter
by class and a filter by report; click for details. Use --full for the n-ary view with action, report and
indicator nodes.

Big graphs are cut to the --max-nodes best-connected nodes (default 300; 0 draws everything), or to the
neighbourhood of one body with --focus NAME --hops N. The layout runs once, then stops. A store is not
read whole: the nodes are chosen from counts the store gives, and only the drawn nodes are read in full;
a --focus name that no label contains fails at once.

Examples:

    lawgraph viz graph.trig -o graph.html

    lawgraph viz store/ -o court.html --focus 武威市中级人民法院 --hops 2

    lawgraph viz store/ -o all.html --max-nodes 0 --full
"""


@app.command("viz", help=_HELP)
def viz_cli(
    source: Path = typer.Argument(..., help="A store folder or an RDF file.", show_default=False),
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write.", show_default=False),
    full: bool = typer.Option(False, "--full", help="Show actions, reports and indicators as nodes."),
    focus: str | None = typer.Option(
        None, "--focus", help="Only the neighbourhood of this body (name or alias)."
    ),
    hops: int = typer.Option(1, "--hops", min=0, help="Radius of the --focus neighbourhood."),
    max_nodes: int = typer.Option(
        300, "--max-nodes", min=0, help="Keep the N best-connected nodes; 0 keeps all."
    ),
    title: str | None = typer.Option(None, "--title", help="Page title (default: lawgraph 关系图)."),
) -> None:
    from lawgraph.errors import InputError
    from lawgraph.store import read_source
    from lawgraph.viz import to_pyvis, write_html

    graph = read_source(source)
    try:
        net = to_pyvis(
            graph, view="full" if full else "entities", focus=focus, hops=hops, max_nodes=max_nodes
        )
    except InputError as err:
        raise InputError(source, err.reason) from err
    write_html(net, output, title=title)
    meta = net.lawgraph_meta
    cut = ""
    if meta["shown_nodes"] < meta["total_nodes"]:
        cut = f" of {meta['total_nodes']}" + ("" if focus else " (the best-connected; --max-nodes 0 for all)")
    typer.echo(f"wrote {output}: {meta['shown_nodes']} nodes{cut}, {len(net.edges)} edges")
