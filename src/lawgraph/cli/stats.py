"""``lawgraph stats``: counts, the most connected organizations and the components of a graph."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from lawgraph.cli import app

__all__ = ["stats_cli"]

_HELP = """Summarize a graph: instances per class, the organizations with the most links (degree) and the
ones that bridge the most paths (betweenness), and the connected components.

SOURCE is a store folder or an RDF file. Rankings use the entities view (bodies, places, documents and
initiatives linked by the actions between them), as `lawgraph viz` draws it. Betweenness is exact up to
1,000 nodes and estimated from a fixed sample of 300 sources above that, so results repeat. A store is
asked with aggregate queries, not read whole: a few seconds for a store of 1.6 million statements.

Examples:

    lawgraph stats graph.trig

    lawgraph stats store/ --top 20

    lawgraph stats store/ --json > stats.json
"""


@app.command("stats", help=_HELP)
def stats_cli(
    source: Path = typer.Argument(..., help="A store folder or an RDF file.", show_default=False),
    top: int = typer.Option(10, "--top", min=1, help="How many organizations to rank."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    from lawgraph.analysis import stats
    from lawgraph.store import read_source

    result = stats(read_source(source), top=top)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return

    from lawgraph.cli.tables import new_table, print_table

    typer.echo(
        f"{result.triples} triples; entities view: {result.nodes} nodes, {result.edges} edges, "
        f"{result.components} connected components "
        f"(largest {', '.join(map(str, result.component_sizes[:5]))}), "
        f"{result.isolated} isolated"
    )
    classes = new_table("class", "instances", title="instances per class", title_justify="left")
    for name, count in result.classes:
        classes.add_row(name, str(count))
    print_table(classes)
    degree = new_table("organization", "degree", title="top organizations by degree", title_justify="left")
    for name, value in result.top_degree:
        degree.add_row(name, str(value))
    print_table(degree)
    note = f" (estimated from {result.betweenness_sample} sources)" if result.betweenness_sample else ""
    between = new_table(
        "organization", "betweenness", title=f"top organizations by betweenness{note}", title_justify="left"
    )
    for name, score in result.top_betweenness:
        between.add_row(name, f"{score:.4f}")
    print_table(between)
