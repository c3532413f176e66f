"""``lawgraph query``: run SPARQL on a store folder or an RDF file."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import typer

from lawgraph.atomic import atomic_write
from lawgraph.cli import app
from lawgraph.errors import QueryError

__all__ = ["query_cli"]

_HELP = """Run a SPARQL query on a store folder or an RDF file and print the results.

SOURCE is a store folder (`lawgraph build ... --store DIR`) or any RDF file (.trig, .nq, .ttl, .nt, .rdf).
The default graph is the union of all graphs, so you need not know report graph names, and the usual
prefixes (lg:, lgr:, org:, skos:, schema:, foaf:, dcterms:, prov:, qb:, nif: …) are predeclared.

SELECT/ASK results print as a table, or `--format json|xml|csv|tsv` (SPARQL 1.1 results);
CONSTRUCT/DESCRIBE print as `--format turtle` (default) or `ntriples`. On a terminal the table fits the
terminal's width (long cells wrap); piped or redirected (`| less`, `> file`) it is printed whole, every
cell in full and one line per row, without colours; use `--format tsv` for data to process further.
Chinese characters count as two columns wide, so columns line up.

A syntax error prints one line with its line and column, the text around it and what was expected there,
and exits with code 2.

A store folder of up to 4 MiB is copied into memory first, where queries run about ten times faster; a
larger one is queried on disk, since copying costs more than one query saves (18 s for a store of 1.6
million statements). --memory copies any store, --disk never does.

Examples:

    lawgraph query graph.trig "SELECT ?org ?label WHERE { ?org a org:Organization; skos:prefLabel ?label }"

    lawgraph query store/ --saved cooperation --format csv

    lawgraph query store/ --file q.rq --param area=兰州新区

    lawgraph query store/ --saved cooperation | less -S

    lawgraph query --list
"""

_FORMATS = ("table", "json", "xml", "csv", "tsv", "turtle", "ntriples")


def _list_saved() -> None:
    from lawgraph import queries
    from lawgraph.cli.tables import new_table, print_table

    saved = queries.list_saved()
    table = new_table("name", "what it answers", box=None, show_edge=False)
    for name in saved:
        summary = saved[name] if isinstance(saved, dict) else _first_comment(queries.load_saved(name))
        table.add_row(name, summary)
    print_table(table)


def _first_comment(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            return stripped.lstrip("# ").strip()
    return ""


@app.command("query", help=_HELP)
def query_cli(
    source: Path | None = typer.Argument(None, help="A store folder or an RDF file.", show_default=False),
    query: str | None = typer.Argument(None, help="The SPARQL query text.", show_default=False),
    file: Path | None = typer.Option(None, "--file", help="Read the query from this .rq file."),
    saved: str | None = typer.Option(None, "--saved", "-s", help="Run a saved query (see --list)."),
    param: list[str] | None = typer.Option(
        None, "--param", "-p",
        help="Bind a variable: name=value (IRI <...>, lg:Term, \"lit\"@zh, number or text).",
    ),
    fmt: str = typer.Option(
        "table", "--format", "-f",
        help="table (whole when piped), json, xml, csv, tsv (SELECT/ASK); turtle, ntriples (graphs).",
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    list_saved: bool = typer.Option(False, "--list", help="List the saved queries and exit."),
    memory: bool | None = typer.Option(
        None, "--memory/--disk",
        help="Query a store folder from an in-memory copy, or on disk. Default: memory up to 4 MiB on disk.",
    ),
) -> None:
    if list_saved:
        _list_saved()
        return
    if fmt.lower() not in _FORMATS:
        raise QueryError("--format", f"unknown format {fmt!r}; use one of {', '.join(_FORMATS)}")
    if source is None:
        raise QueryError(None, "give a SOURCE (a store folder or an RDF file) and a query")
    from lawgraph.query import load_query as _load
    from lawgraph.query import query_kind, result_rows, run_query, write_results
    from lawgraph.store import read_source

    text, where = _load(text=query, file=file, saved=saved)
    store = read_source(source, memory=memory)
    result = run_query(store, text, params=param, where=where)
    kind = query_kind(result)
    chosen = fmt.lower()
    if chosen == "table" and kind == "graph":
        chosen = "turtle"
    if chosen != "table":
        data = write_results(result, format=chosen)
        if output is not None:
            atomic_write(output, data or b"")
        else:
            sys.stdout.buffer.write(data or b"")
            sys.stdout.flush()
        return

    from lawgraph.cli.tables import new_table, print_table

    names, rows = result_rows(result)
    table = new_table(*names, show_lines=False)
    for row in rows:
        table.add_row(*row)
    if output is not None:
        buffer = io.StringIO()
        print_table(table, buffer)
        atomic_write(output, buffer.getvalue().encode("utf-8"))
        return
    print_table(table)
    if kind == "select":
        count = f"{len(rows)} row{'s' if len(rows) != 1 else ''}"
        if sys.stdout.isatty():
            from rich.console import Console

            Console().print(count, style="dim")
        else:
            typer.echo(count)
