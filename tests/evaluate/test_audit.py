"""The action audit: a seeded sample written, judged by hand (here: by the test), and read back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawgraph.cli import _register, app
from lawgraph.errors import InputError
from lawgraph.evaluate import evaluate
from lawgraph.evaluate.audit import COLUMNS, JUDGMENTS, read_judged, summarize, write_audit

TEXT = (
    "古浪县人民政府关于2023年度法治政府建设情况的报告\n"
    "一、主要工作\n县司法局与县人民法院建立诉调对接机制。成立县行政复议委员会。"
    "印发《古浪县行政执法公示办法》。组织开展执法人员培训。召开专题会议。\n"
)


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "gulang.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gulang.gold.json").write_text(json.dumps({"organizations": []}), encoding="utf-8")
    return tmp_path


def test_sample_is_seeded_and_names_what_the_action_links(gold_dir: Path) -> None:
    first = evaluate(gold_dir, peer=False, audit=3, seed=7).audit
    again = evaluate(gold_dir, peer=False, audit=3, seed=7).audit
    assert first == again and len(first) == 3
    every = evaluate(gold_dir, peer=False, audit=100).audit
    by_verb = {row.verb: row for row in every}
    assert "partner:古浪县人民法院" in by_verb["建立"].links
    assert "generated:古浪县行政执法公示办法" in by_verb["印发"].links
    assert all(row.sentence and row.report == "gulang.txt" for row in every)


def test_judged_copy_round_trip(gold_dir: Path, tmp_path: Path) -> None:
    rows = evaluate(gold_dir, peer=False, audit=100).audit
    table = list(csv.DictReader(io.StringIO(write_audit(rows).decode("utf-8")), delimiter="\t"))
    assert tuple(table[0]) == COLUMNS
    for i, row in enumerate(table):  # the "reader" judges: every other action has wrong links
        row.update({c: "1" for c in JUDGMENTS})
        row["links_ok"] = "0" if i % 2 else "1"
    table[-1].update({c: "" for c in JUDGMENTS})  # one row left unjudged
    judged = tmp_path / "judged.tsv"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    judged.write_text(out.getvalue(), encoding="utf-8")
    read = read_judged(judged)
    assert len(read) == len(table) - 1
    figures = summarize(read)
    expected = sum(1 for i in range(len(read)) if i % 2 == 0) / len(read)
    assert figures["right"] == round(expected, 3) and figures["agent_ok"] == 1.0
    _register()
    shown = CliRunner().invoke(app, ["eval", "--judged", str(judged)])
    assert shown.exit_code == 0, shown.output
    assert f"{len(read)} actions judged" in shown.output


def test_a_judgment_that_is_not_0_or_1_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "\t".join(COLUMNS) + "\n" + "\t".join(["x"] * 9 + ["yes", "1", "1", "1", "1", "1"]) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="line 2: judgments are 0 or 1"):
        read_judged(bad)
    no_columns = tmp_path / "plain.tsv"
    no_columns.write_text("report\tverb\n", encoding="utf-8")
    with pytest.raises(InputError, match="no judgment column"):
        read_judged(no_columns)
