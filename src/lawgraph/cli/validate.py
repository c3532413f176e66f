"""``lawgraph validate``: check a graph file against lawgraph's SHACL shapes."""

from __future__ import annotations

from pathlib import Path

import typer

from lawgraph.cli import app

__all__ = ["validate_cli"]

_HELP = """Check a graph against lawgraph's SHACL shapes (ontology/shapes.ttl) with pySHACL.

GRAPH is any RDF file lawgraph reads (.ttl, .trig, .nt, .nq, .jsonld, .rdf). The shapes run over the union
of its graphs, with the ontology for subclass links. Each problem prints as one line: severity, focus node
(and its label), property path, value, message. Warnings (a report that names no issuer or date, and
its actions left without an agent) are listed but do not fail the graph.

Exit code 0 when the graph conforms, 1 when it has violations, 2 when it cannot be read.

Examples:

    lawgraph validate graph.trig

    lawgraph validate graph.nq --shapes my-shapes.ttl
"""


@app.command("validate", help=_HELP)
def validate_cli(
    graph: Path = typer.Argument(..., metavar="GRAPH", help="The RDF file to check."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="RDF format; default: from the extension."),
    shapes: Path | None = typer.Option(None, "--shapes", help="Other SHACL shapes (Turtle) to run."),
) -> None:
    import rdflib

    from lawgraph.errors import InputError
    from lawgraph.validate import load_graph, validate

    data = load_graph(graph, format=fmt)
    shapes_graph = None
    if shapes is not None:
        try:
            shapes_graph = rdflib.Graph().parse(shapes, format="turtle")
        except Exception as err:  # rdflib raises many kinds of parse errors
            raise InputError(shapes, f"cannot read the shapes: {err}") from err
    result = validate(data, shapes=shapes_graph)
    for problem in result.violations:
        typer.echo(str(problem))
    errors, warnings = len(result.errors), len(result.warnings)
    if result.conforms:
        extra = f", {warnings} warning{'s' * (warnings != 1)}" if warnings else ""
        typer.echo(f"{graph}: conforms ({result.triples} triples{extra})")
        raise typer.Exit(0)
    typer.echo(f"{graph}: does not conform: {errors} violation{'s' * (errors != 1)}"
               + (f", {warnings} warning{'s' * (warnings != 1)}" if warnings else ""))
    raise typer.Exit(1)
