"""``lawgraph eval``: score the graphs of gold-annotated reports, beside jieba's POS tags."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from lawgraph.cli import app

__all__ = ["eval_cli"]

_HELP = """Score lawgraph's graphs against gold annotations, the way the project is judged.

Each GOLD_DIR holds gold files (NAME.gold.json; see GOLD-FORMAT.md in the shared corpus) with their
reports (NAME.txt) beside them or in a --texts folder. Every report is built as `lawgraph build` builds it
and its graph is read back by the standard vocabularies only (org:Organization, schema:AdministrativeArea
and schema:Place, foaf:Document, qb:Observation, prov:Activity), so the figures are those of
../shared/eval/score.py on the same files:

- organizations, places, documents: precision, recall, F1 (a node matches a gold entity when one of its
  labels equals the canonical name or a mention, ignoring quotes and bracket width) and dup, the share of
  found gold bodies that several nodes match;
- metrics: recall and precision by value and unit; counted: the share of found metrics whose counted
  phrase names what the gold says they count; relations: recall of the gold's key relations.

The offline peer, jieba's POS tags (nt organizations, ns places), is scored in the same run when jieba is
installed (pip install 'lawgraph[peers]').

Relation recall cannot say whether the actions in a graph are right. --audit writes a seeded sample of
--sample actions per report as a tab-separated table (sentence, verb, type, agents, links, object phrase,
status) with empty judgment columns (is_action, agent_ok, type_ok, links_ok, status_ok, informative).
Fill them with 1 (right) or 0 (wrong) and read the judged copy back with --judged: it prints precision per
field and the share of right actions (an action, with agent, type and links all right). --judged needs no
GOLD_DIR.

Examples:

    lawgraph eval ../shared/corpus ../shared/corpus/provinces-2026

    lawgraph eval eval/gold --texts ../shared/corpus/provinces-2026 --misses

    lawgraph eval ../shared/corpus --min-f1 0.9 --json eval.json

    lawgraph eval ../shared/corpus --audit audit.tsv --sample 20

    lawgraph eval --judged bench/action-audit.tsv
"""


def _f(score: object, attr: str) -> str:
    return f"{getattr(score, attr):.2f}" if score is not None else "-"


@app.command("eval", help=_HELP)
def eval_cli(
    gold_dirs: list[Path] = typer.Argument(None, help="Folders of NAME.gold.json files.", show_default=False),
    texts: list[Path] = typer.Option(
        [], "--texts", "-t", help="Also look for NAME.txt in this folder (repeatable)."
    ),
    min_f1: float | None = typer.Option(
        None,
        "--min-f1",
        min=0.0,
        max=1.0,
        help="Exit with 1 when the F1 of organizations, places or documents is below this.",
    ),
    json_path: Path | None = typer.Option(None, "--json", help="Also write every figure to this JSON file."),
    peer: bool = typer.Option(True, "--peer/--no-peer", help="Also score jieba's POS tags."),
    audit: Path | None = typer.Option(
        None, "--audit", help="Write a sample of actions to judge to this TSV file."
    ),
    sample: int = typer.Option(20, "--sample", min=1, help="Actions sampled per report for --audit."),
    seed: int = typer.Option(0, "--seed", help="Seed of the --audit sample."),
    judged: Path | None = typer.Option(
        None, "--judged", help="Print precision per field from a judged copy of an --audit table."
    ),
    misses: bool = typer.Option(
        False,
        "--misses",
        help="List, per report and kind, the gold entities missed and the nodes matching none.",
    ),
) -> None:
    from rich.console import Console

    from lawgraph.cli.tables import new_table, print_table, table_console
    from lawgraph.evaluate import ENTITY_CATEGORIES, evaluate
    from lawgraph.evaluate.audit import JUDGMENTS, read_judged, summarize, write_audit
    from lawgraph.rdf.serialize import atomic_write

    console = table_console()
    if judged is not None:
        figures = summarize(read_judged(judged))
        console.print(
            f"{judged}: {figures['judged']} actions judged; right {figures['right']:.3f}; "
            + "; ".join(
                f"{c} {figures[c]:.3f}" for c in JUDGMENTS
            )
        )
        if not gold_dirs:
            return
    if not gold_dirs:
        raise typer.BadParameter("give at least one GOLD_DIR (or --judged FILE)", param_hint="GOLD_DIR")
    err = Console(stderr=True)
    with err.status("building and scoring the gold reports…"):
        result = evaluate(
            gold_dirs, texts=texts, peer=peer, audit=sample if audit is not None else 0, seed=seed
        )
    if audit is not None:
        atomic_write(audit, write_audit(result.audit))
        err.print(f"wrote {len(result.audit)} actions to judge to {audit}")
    table = new_table(
        "report",
        "org F1",
        "place F1",
        "doc F1",
        "metrics",
        "counted",
        "relations",
        "peer org F1",
        title="lawgraph eval",
        title_justify="left",
    )
    for report in result.reports:
        s = report.scores
        table.add_row(
            report.name,
            _f(s["organizations"], "f1"),
            _f(s["places"], "f1"),
            _f(s["documents"], "f1"),
            f"{s['metrics'].matched_gold}/{s['metrics'].n_gold}",
            f"{s['counted'].matched_gold}/{s['counted'].n_gold}",
            f"{s['relations'].matched_gold}/{s['relations'].n_gold}",
            _f(report.peer.get("organizations"), "f1"),
        )
    print_table(table)
    total = result.total
    parts = [
        f"{c[:-1] if c != 'places' else 'place'} P/R/F1 {total[c].precision:.3f}/{total[c].recall:.3f}/"
        f"{total[c].f1:.3f}"
        for c in ENTITY_CATEGORIES
    ]
    parts.append(f"dup {total['organizations'].duplicate_rate:.3f}")
    parts.append(f"metric R/P {total['metrics'].recall:.3f}/{total['metrics'].precision:.3f}")
    parts.append(f"counted {total['counted'].recall:.3f}")
    parts.append(f"relation R {total['relations'].recall:.3f}")
    if result.peer_available:
        parts.append(
            f"peer org/place F1 {result.peer_total['organizations'].f1:.3f}/"
            f"{result.peer_total['places'].f1:.3f}"
        )
    elif peer:
        parts.append("peer: jieba is not installed (pip install 'lawgraph[peers]')")
    console.print("; ".join(parts))
    if misses:
        for report in result.reports:
            console.print(f"== {report.name}")
            for category in (*ENTITY_CATEGORIES, "metrics", "relations"):
                console.print(f"  {category} missed: {'、'.join(report.missed.get(category, [])) or '-'}")
                if category in report.spurious:
                    console.print(
                        f"  {category} matching no gold: {'、'.join(report.spurious[category]) or '-'}"
                    )
    if json_path is not None:
        atomic_write(json_path, json.dumps(result.as_dict(), ensure_ascii=False, indent=2).encode("utf-8"))
    if min_f1 is not None:
        low = [
            f"{c} {total[c].f1:.3f}" for c in ENTITY_CATEGORIES if total[c].n_gold and total[c].f1 < min_f1
        ]
        if low:
            console.print(f"below --min-f1 {min_f1}: {', '.join(low)}")
            raise typer.Exit(1)
