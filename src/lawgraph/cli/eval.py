"""``lawgraph eval``: score the extraction against gold annotations, beside jieba's POS tags."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from lawgraph.cli import app

__all__ = ["eval_cli"]

_HELP = """Score lawgraph's entities against gold annotations and compare with jieba's POS tags.

GOLD_DIR holds reports (NAME.txt) with their annotations beside them (NAME.gold.json; see GOLD-FORMAT.md in
the shared corpus). Every report with a gold file is built through the same pipeline as `lawgraph build`,
and scored per category: organizations, places, documents (precision, recall, F1 and the share of gold
bodies split across several nodes), and metrics and relations when the actions and indicators components
are installed. A node matches a gold entity when one of its labels equals the canonical name or a mention,
ignoring quotes and full/half-width brackets. The offline peer, jieba's POS tags (`nt` organizations, `ns`
places), is scored in the same run when jieba is installed (`pip install 'lawgraph[peers]'`).

Examples:

    lawgraph eval ../shared/corpus

    lawgraph eval ../shared/corpus --min-f1 0.9 --json eval.json
"""


@app.command("eval", help=_HELP)
def eval_cli(
    gold_dir: Path = typer.Argument(..., help="Folder of NAME.txt + NAME.gold.json.", show_default=False),
    min_f1: float | None = typer.Option(
        None, "--min-f1", min=0.0, max=1.0,
        help="Exit with 1 when the F1 of organizations, places or documents is below this.",
    ),
    json_path: Path | None = typer.Option(None, "--json", help="Also write every figure to this JSON file."),
    peer: bool = typer.Option(True, "--peer/--no-peer", help="Also score jieba's POS tags."),
    details: bool = typer.Option(False, "--details", help="List missed and spurious entities per report."),
) -> None:
    from lawgraph.cli.tables import new_table, print_table, table_console
    from lawgraph.evaluate import CATEGORIES, ENTITY_CATEGORIES, evaluate
    from lawgraph.rdf.serialize import atomic_write

    result = evaluate(gold_dir, peer=peer)
    console = table_console()
    table = new_table("category", "system", "P", "R", "F1", "dup", "found/gold", title="lawgraph eval",
                      title_justify="left")
    for category in CATEGORIES:
        rows = [("lawgraph", result.total.get(category))]
        if result.peer_available:
            rows.append(("jieba posseg", result.peer_total.get(category)))
        for system, score in rows:
            if score is None:
                continue
            table.add_row(category, system, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                          f"{score.duplicate_rate:.1%}", f"{score.matched_gold}/{score.n_gold}")
    print_table(table)
    if peer and not result.peer_available:
        console.print("jieba is not installed: no peer scores (pip install 'lawgraph[peers]')")
    if details:
        for report in result.reports:
            for category, missed in report.missed.items():
                if missed:
                    console.print(f"{report.name} {category} missed: {'、'.join(missed)}")
            for category, spurious in report.spurious.items():
                if spurious:
                    console.print(f"{report.name} {category} spurious: {'、'.join(spurious)}")
    if json_path is not None:
        data = json.dumps(result.as_dict(), ensure_ascii=False, indent=2).encode("utf-8")
        atomic_write(json_path, data)
    if min_f1 is not None:
        low = [
            f"{category} {result.total[category].f1:.3f}"
            for category, _kind in ENTITY_CATEGORIES
            if category in result.total and result.total[category].n_gold and result.total[category].f1 < min_f1
        ]
        if low:
            console.print(f"below --min-f1 {min_f1}: {', '.join(low)}")
            raise typer.Exit(1)
