"""``lawgraph build``: reports in, one RDF graph file out (a thin wrapper over :mod:`lawgraph.api`)."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, TextIO

import typer

from lawgraph.cli import app
from lawgraph.errors import OutputError

if TYPE_CHECKING:
    from lawgraph.api import BuildSummary

__all__ = ["build_cli", "print_summary"]

_HELP = """Build the knowledge graph of one or more reports and write it to a file.

INPUT is a report (.txt, .html, .htm, .pdf, .docx, .doc), a folder (searched recursively, in sorted order)
or a glob pattern. PDF and Word reports lose their page headers, footers and page numbers; a PDF without a
text layer (a scan) is refused, as lawgraph does no OCR.
The output format follows the extension of OUT (.ttl, .trig, .nt, .nq, .jsonld, .rdf) or `--format`. In
TriG, N-Quads and JSON-LD each report's facts sit in their own named graph (the report's IRI) and shared
entities in the default graph; Turtle, N-Triples and RDF/XML hold the union. The same input always gives
the same bytes, and OUT is replaced atomically: a failed build never leaves it half-written.

Prints a summary: reports, triples, entities per class, seconds. Exit code 0 when every input was built;
1 when some inputs were bad (the good ones are written, each bad one is named on stderr); 2 when nothing
could be built or OUT cannot be written.

Examples:

    lawgraph build report.txt -o graph.trig

    lawgraph build reports/ more/*.html -o graph.nq

    lawgraph build report.txt -o graph.out --format jsonld

    lawgraph build reports/ --store store/ -o graph.trig

Corpora: `--store`, `--jobs N` or `--dask ADDRESS` stream the reports through N processes (or a Dask
cluster), write the store in batches, show a progress bar on a terminal (reports/s, MB/s, ETA) and end with
a corpus summary. Re-running on a grown corpus extracts only new or changed reports; `--prune` drops the
graphs of reports whose files are gone. A bad report is skipped and named; the exit code is then 1.

    lawgraph build corpus/ --store store/ --jobs 4

    lawgraph build corpus/ --store store/ --jobs 4 --prune

    lawgraph build 'corpus/**/*.html' --store store/ --dask tcp://scheduler:8786

    lawgraph build 'corpus/**/*.html' --shards shards/ --dask tcp://scheduler:8786
"""


def print_summary(summary: BuildSummary, output: Path | None = None, *, stream: TextIO | None = None) -> None:
    """Print a build summary as a table: reports, triples, entities per class (grouped), seconds."""
    from rich.table import Table

    from lawgraph.cli.tables import print_table

    table = Table(title="lawgraph build", show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("what", overflow="fold")
    table.add_column("count", justify="right")
    from lawgraph.vocab import ENTITY_KINDS

    classes = dict(summary.classes)
    table.add_row("reports", str(summary.reports))
    table.add_row("triples", str(summary.triples))
    for kind in ENTITY_KINDS.values():  # a kind with several classes: its total, then each class
        members = sorted(cls.name for cls in kind.classes)
        if len(members) == 1:
            table.add_row(kind.plural, str(classes.pop(members[0], 0)))
            continue
        counts = {cls: classes.pop(cls) for cls in members if cls in classes}
        table.add_row(kind.plural, str(sum(counts.values())))
        for cls, count in counts.items():
            table.add_row(f"  {cls}", str(count))
    for cls, label in (("Action", "actions"), ("Indicator", "indicators"), ("Section", "sections")):
        table.add_row(label, str(classes.pop(cls, 0)))
    classes.pop("Report", None)
    for cls, count in classes.items():  # any class added later
        table.add_row(cls, str(count))
    if summary.errors:
        table.add_row("bad inputs", str(summary.errors))
    table.add_row("seconds", f"{summary.seconds:.2f}")
    out = stream or sys.stdout
    print_table(table, out)
    if output is not None:
        print(f"wrote {output}", file=out)


def _build_corpus(
    inputs: list[str],
    *,
    store: Path | None,
    output: Path | None,
    fmt: str | None,
    quiet: bool,
    jobs: int,
    dask: str | None,
    prune: bool,
    push: str | None,
    compact: bool = True,
    shards: Path | None = None,
) -> None:
    """The corpus build (:func:`lawgraph.corpus.build_corpus`): streamed, in parallel, incremental."""
    from lawgraph.cli.corpus_view import print_summary as print_corpus_summary
    from lawgraph.cli.corpus_view import progress_display
    from lawgraph.corpus import build_corpus

    if fmt is not None:
        raise OutputError(
            output, "with --store, --jobs or --dask, OUT's format comes from its extension; drop --format"
        )
    with progress_display(inputs, quiet=quiet) as on_event:
        summary = build_corpus(
            inputs, store=store, output=output, jobs=jobs, dask=dask, prune=prune, push=push,
            on_event=on_event, compact=compact, shards=shards,
        )
    if quiet:
        for path, reason in summary.failures:
            typer.echo(f"lawgraph: {path}: {reason}", err=True)
    else:
        print_corpus_summary(summary, stream=sys.stdout)
    raise typer.Exit(2 if summary.all_failed else summary.exit_code)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@app.command("build", help=_HELP)
def build_cli(
    inputs: list[str] = typer.Argument(
        ..., metavar="INPUT...", help="Report files, folders or glob patterns."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="OUT", help="The graph file to write."
    ),
    store: Path | None = typer.Option(
        None, "--store", metavar="DIR",
        help="Load into this Oxigraph store folder (created if missing): each report replaces its named "
        "graph, unchanged reports are skipped. With -o too, OUT gets the whole store.",
    ),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="ttl, trig, nt, nq, jsonld or rdf; default: from OUT's extension."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print no summary."),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, metavar="N",
        help="Extract in N worker processes and stream the reports through (memory stays flat); "
        "shows progress and a corpus summary.",
    ),
    dask: str | None = typer.Option(
        None, "--dask", metavar="ADDRESS",
        help="Extract on a Dask cluster (scheduler address, e.g. tcp://10.0.0.5:8786); "
        "needs `pip install 'lawgraph[dask]'`.",
    ),
    prune: bool = typer.Option(
        False, "--prune", help="With --store: remove the graphs of reports whose files no longer exist."
    ),
    push: str | None = typer.Option(
        None, "--push", metavar="URL",
        help="Also send each batch of built reports to a SPARQL Graph Store endpoint (see `lawgraph push`).",
    ),
    shards: Path | None = typer.Option(
        None, "--shards", metavar="DIR",
        help="Write the graph as N-Quads shards of about 256 MB into DIR (new or empty), for a parallel "
        "`oxigraph load --file DIR/*.nq` or `lawgraph push` of each shard to a server.",
    ),
    compact: bool = typer.Option(
        True, "--compact/--no-compact",
        help="With --store: compact the store after loading (a few seconds per million quads; queries run "
        "about twice as fast). Skip it when more builds follow right away.",
    ),
) -> None:
    # SIGTERM ends the build like Ctrl-C: workers are stopped, temporary files removed, the store left whole
    signal.signal(signal.SIGTERM, _interrupt)
    if output is None and store is None and push is None and shards is None:
        raise OutputError(None, "say where the graph goes: -o OUT, --store DIR or --shards DIR")
    if prune and store is None:
        raise OutputError(None, "--prune removes graphs from a store: give --store DIR")
    if store is not None or jobs is not None or dask is not None or push is not None or shards is not None:
        _build_corpus(
            inputs, store=store, output=output, fmt=fmt, quiet=quiet, jobs=jobs or 1, dask=dask, prune=prune,
            push=push, compact=compact, shards=shards,
        )
    from lawgraph.api import build_file
    from lawgraph.atomic import is_special, is_stdout
    from lawgraph.rdf.serialize import check_writable, rdf_format

    assert output is not None  # without -o, --store or --push was given and the corpus build ran above
    to_stdout = is_stdout(output)
    if fmt is None and (to_stdout or is_special(output)) and not output.suffix:
        fmt = "nq"  # `-o -`, `-o /dev/null`: nothing to read a format from; N-Quads streams best
    try:
        rdf_format(output, fmt)
    except ValueError as err:
        raise OutputError(output, str(err)) from err
    check_writable(output)  # fail before the long part, not after

    # streamed: each report's statements go to an external sort, so memory stays flat however many reports
    result = build_file(inputs, output, format=fmt, on_error="skip")
    for problem in result.errors:
        typer.echo(f"lawgraph: {problem.message}", err=True)
    if result.path is None:
        if len(result.errors) != 1:  # one bad input: its own line says it all
            typer.echo("lawgraph: nothing was built; no output written", err=True)
        raise typer.Exit(2)
    if not quiet:  # with the graph on stdout, the summary goes to stderr
        shown = None if to_stdout else result.path
        print_summary(result.summary, shown, stream=sys.stderr if to_stdout else None)
    raise typer.Exit(1 if result.errors else 0)
