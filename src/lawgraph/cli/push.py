"""``lawgraph push``: send graphs to a SPARQL server (Graph Store HTTP Protocol)."""

from __future__ import annotations

from pathlib import Path

import typer

from lawgraph.cli import app

__all__ = ["push_cli"]

_HELP = """Send a store or an RDF file to any SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol.

Each report's named graph (and the ontology's) is replaced with PUT, so pushing again never duplicates;
the default graph (entity descriptions shared across reports) is merged with POST, or replaced with
--replace-default. Credentials come from the environment, never the command line:
LAWGRAPH_ENDPOINT_AUTH=user:password (HTTP Basic) or LAWGRAPH_ENDPOINT_TOKEN=TOKEN (Bearer).

The endpoint is the server's graph store URL: Oxigraph http://HOST:7878/store, Fuseki
http://HOST:3030/DATASET/data, GraphDB http://HOST:7200/repositories/REPO/rdf-graphs/service.

Examples:

    lawgraph push store/ --endpoint http://localhost:7878/store

    LAWGRAPH_ENDPOINT_AUTH=admin:pw lawgraph push graph.trig --endpoint http://localhost:3030/ds/data

    lawgraph push report.ttl --endpoint http://localhost:7878/store --graph https://example.org/g/1
"""


@app.command("push", help=_HELP)
def push_cli(
    source: Path = typer.Argument(..., help="A store folder or an RDF file.", show_default=False),
    endpoint: str = typer.Option(..., "--endpoint", "-e", help="The graph store URL.", show_default=False),
    graph: list[str] | None = typer.Option(
        None, "--graph", "-g",
        help="Only this named graph (repeatable); for a triples file, the graph to fill.",
    ),
    replace_default: bool = typer.Option(False, "--replace-default", help="PUT the default graph (replace)."),
    timeout: float = typer.Option(60.0, "--timeout", help="Seconds to wait for each request."),
) -> None:
    from lawgraph.push import PushError, PushResult, push
    from lawgraph.sanitize import printable

    shown = printable(endpoint, limit=200)

    def went(result: PushResult) -> str:
        named = sum(1 for g in result.graphs if g.graph is not None)
        default = " and the default graph" if any(g.graph is None for g in result.graphs) else ""
        return f"{result.triples} triples in {named} named graph{'s' if named != 1 else ''}{default}"

    try:
        result = push(source, endpoint=endpoint, graphs=graph or None, replace_default=replace_default,
                      timeout=timeout)
    except PushError as err:
        typer.echo(f"lawgraph: {shown}: {err.reason}", err=True)
        if err.result.graphs:  # some went: say which did not, so they can be sent again
            typer.echo(f"lawgraph: stored {went(err.result)}; not stored:", err=True)
            for failure in err.result.failed:
                typer.echo(f"  {failure.graph or '(default graph)'}: {failure.reason}", err=True)
        raise typer.Exit(err.exit_code) from None
    typer.echo(f"pushed {went(result)} to {shown}")
