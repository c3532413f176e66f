"""``lawgraph export``: write a networkx view as GraphML or GEXF for Gephi and Cytoscape."""

from __future__ import annotations

from pathlib import Path

import typer

from lawgraph.cli import app

__all__ = ["export_cli"]

_HELP = """Export a graph for Gephi, Cytoscape or yEd as GraphML (.graphml) or GEXF (.gexf), chosen by the
output's suffix.

SOURCE is a store folder or an RDF file. The entities view links bodies, places, documents and initiatives
by the actions between them (attributes: verb, role, action type, evidence sentence, report); --full keeps
action, report and indicator nodes. Lists (aliases, reports, indicators) are written as text joined by "；".

Examples:

    lawgraph export graph.trig -o graph.graphml

    lawgraph export store/ -o full.gexf --full
"""


@app.command("export", help=_HELP)
def export_cli(
    source: Path = typer.Argument(..., help="A store folder or an RDF file.", show_default=False),
    output: Path = typer.Option(..., "--output", "-o", help="x.graphml or x.gexf", show_default=False),
    full: bool = typer.Option(
        False, "--full", help="The n-ary view: actions, reports and indicators as nodes."
    ),
) -> None:
    from lawgraph.analysis import NETWORK_FORMATS, to_networkx, write_network
    from lawgraph.errors import OutputError
    from lawgraph.store import read_source

    if output.suffix.lower() not in NETWORK_FORMATS:
        raise OutputError(
            output, f"unknown export format {output.suffix or '(none)'!r}; use .graphml or .gexf"
        )
    G = to_networkx(read_source(source), view="full" if full else "entities")
    write_network(G, output)
    typer.echo(f"wrote {output}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
