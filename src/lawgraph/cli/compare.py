"""``lawgraph compare``: one indicator across reports, as a table, CSV, JSON and a chart."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from lawgraph.atomic import atomic_write
from lawgraph.cli import app
from lawgraph.errors import InputError

if TYPE_CHECKING:
    from lawgraph.compare import Comparison

__all__ = ["compare_cli"]

_HELP = """Compare one indicator across reports: one row per report with area, issuer, year, value, unit,
status and the evidence sentence.

INDICATOR is a concept of the indicator scheme (ontology/indicators.ttl) by its name, a synonym or its
notation, optionally followed by a kind of value: `地区生产总值增速`, `地区生产总值`, `行政复议案件`, `gdp`
(`--kind level|growth|averageGrowth|share|change` says it apart). INPUTS are a store folder, graph files
(.trig, .nq, .ttl …) or reports (files or folders, built first).

Each report shows its first value reported as a result (done, or a shortcoming), else its first
planned one (a target). Values are in the concept's base unit (元, 人, 件, 吨) or in % for growth rates
and shares.

Examples:

    lawgraph compare 地区生产总值增速 ../shared/corpus/provinces-2026/

    lawgraph compare 行政复议案件 store/ -f csv -o cases.csv

    lawgraph compare gdp graph.trig --kind growth --chart gdp-growth.png
"""

_FORMATS = ("table", "csv", "json")


@app.command("compare", help=_HELP)
def compare_cli(
    indicator: str = typer.Argument(
        ..., help="The indicator: a name, synonym or notation.", show_default=False
    ),
    inputs: list[Path] = typer.Argument(
        ..., help="A store folder, graph files or reports.", show_default=False
    ),
    kind: str | None = typer.Option(
        None, "--kind", "-k", help="level, growth, averageGrowth, share or change."
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table (whole when piped), csv or json."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the rows to this file."),
    chart: Path | None = typer.Option(
        None, "--chart", help="Also draw the values by area: out.png or out.svg."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No count line after the table."),
) -> None:
    chosen = fmt.lower()
    if chosen not in _FORMATS:
        raise InputError("--format", f"unknown format {fmt!r}; use one of {', '.join(_FORMATS)}")
    if chart is not None and chart.suffix.lower() not in (".png", ".svg"):
        raise InputError(chart, "a chart is written as .png or .svg")
    from lawgraph.compare import compare, open_inputs, resolve_indicator, to_csv, to_json

    concept, value_kind = resolve_indicator(indicator, kind)
    store = open_inputs(inputs)
    comparison = compare(store, concept, value_kind)
    if chart is not None:
        from lawgraph.chart import draw_comparison

        if comparison.rows:
            note = draw_comparison(comparison, chart)
            if note:
                typer.echo(f"lawgraph: warning: {note}", err=True)
        else:
            typer.echo(f"lawgraph: {chart}: no report states {comparison.title}; no chart written", err=True)
    if chosen == "csv":
        _emit(to_csv(comparison), output)
    elif chosen == "json":
        _emit(to_json(comparison), output)
    else:
        _table(comparison, output, quiet=quiet)


def _emit(text: str, output: Path | None) -> None:
    if output is not None:
        atomic_write(output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _table(comparison: Comparison, output: Path | None, *, quiet: bool) -> None:
    import io

    from lawgraph.cli.tables import new_table, print_table
    from lawgraph.compare import COLUMNS, format_value

    table = new_table(*COLUMNS[:-1], title=comparison.title, title_justify="left")
    for row in comparison.rows:
        table.add_row(
            row.area,
            row.issuer,
            row.year,
            format_value(row.value),
            row.unit,
            row.written,
            row.status,
            row.sentence,
        )
    count = (
        f"{len(comparison.rows)} report{'s' if len(comparison.rows) != 1 else ''} state {comparison.title}"
    )
    if output is not None:
        buffer = io.StringIO()
        print_table(table, buffer)
        if not quiet:
            buffer.write(count + "\n")
        atomic_write(output, buffer.getvalue().encode("utf-8"))
        return
    print_table(table)
    if not quiet:
        typer.echo(count)
