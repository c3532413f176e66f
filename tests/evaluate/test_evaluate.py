"""lawgraph eval end to end: a hand-made gold, the CLI, bad gold, and agreement with the judging scorer."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawgraph.cli import _register, app
from lawgraph.errors import InputError
from lawgraph.evaluate import evaluate

GOLD = {
    "source": "written for the tests",
    "title": "古浪县2023年法治政府建设情况的报告",
    "issuer": "古浪县人民政府",
    "year": 2023,
    "organizations": [
        {"canonical": "古浪县人民政府", "mentions": ["县政府"], "kind": "government"},
        {"canonical": "武威市中级人民法院", "mentions": ["武威中院"], "kind": "court"},
        {"canonical": "古浪县律师协会", "mentions": ["县律师协会"], "kind": "association"},
    ],
    "places": [],
    "documents": [],
    "metrics": [{"mention": "受理行政复议案件12件", "value": 12, "unit": "件", "counted": "行政复议案件"}],
}
TEXT = "古浪县人民政府\n县政府与武威中院签订协议。县政府受理行政复议案件12件。"


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "gulang.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gulang.gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "no-gold.txt").write_text("没有标注。", encoding="utf-8")
    return tmp_path


def test_evaluate_hand_gold(gold_dir: Path) -> None:
    result = evaluate(gold_dir, peer=False)
    assert [r.name for r in result.reports] == ["gulang.txt"]
    orgs = result.total["organizations"]
    assert (orgs.matched_gold, orgs.n_gold) == (2, 3)
    assert result.reports[0].missed["organizations"] == ["古浪县律师协会"]
    assert orgs.precision == 1.0
    assert (result.total["metrics"].matched_gold, result.total["counted"].n_gold) == (1, 1)


def test_gold_in_its_own_folder_reads_reports_from_texts(gold_dir: Path, tmp_path: Path) -> None:
    gold_only = tmp_path / "gold"
    gold_only.mkdir()
    (gold_dir / "gulang.gold.json").rename(gold_only / "gulang.gold.json")
    with pytest.raises(InputError, match="gulang.txt is in none of"):
        evaluate(gold_only, peer=False)
    result = evaluate(gold_only, texts=[gold_dir], peer=False)
    assert result.total["organizations"].matched_gold == 2


def test_eval_cli_threshold_json_and_misses(gold_dir: Path, tmp_path: Path) -> None:
    _register()
    out = tmp_path / "figures.json"
    runner = CliRunner()
    ok = runner.invoke(
        app, ["eval", str(gold_dir), "--no-peer", "--json", str(out), "--min-f1", "0.5", "--misses"]
    )
    assert ok.exit_code == 0, ok.output
    assert "organization P/R/F1 1.000/0.667/0.800" in ok.output
    assert "古浪县律师协会" in ok.output  # --misses lists it
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["total"]["organizations"]["n_gold"] == 3
    low = runner.invoke(app, ["eval", str(gold_dir), "--no-peer", "--min-f1", "0.95"])
    assert low.exit_code == 1


@pytest.mark.parametrize(
    "body", ["{bad", "[]", '{"organizations": {"a": 1}}', '{"places": [{"mentions": "甘肃"}]}']
)
def test_a_malformed_gold_file_is_an_input_error(tmp_path: Path, body: str) -> None:
    (tmp_path / "a.txt").write_text("省政府召开会议。", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match="a.gold.json"):
        evaluate(tmp_path, peer=False)


def test_eval_of_a_folder_without_gold_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no NAME.gold.json"):
        evaluate(tmp_path, peer=False)


def _judging_scorer(corpus_dir: Path) -> Path:
    scorer = corpus_dir.parent / "eval" / "score.py"
    if not scorer.is_file():
        pytest.skip(f"the judging scorer is not at {scorer}")
    return scorer


@pytest.mark.corpus
def test_eval_agrees_with_the_judging_scorer(corpus_dir: Path, tmp_path: Path) -> None:
    """Every figure `lawgraph eval` prints equals ../shared/eval/score.py's on the same files."""
    scorer = _judging_scorer(corpus_dir)
    golds = tmp_path / "gold"
    golds.mkdir()
    for name in ("lanzhou-new-area-2022", "longgang-district-2022-part"):
        (golds / f"{name}.gold.json").write_bytes((corpus_dir / f"{name}.gold.json").read_bytes())
    provinces = corpus_dir / "provinces-2026"
    (golds / "zhejiang-province-2026.gold.json").write_bytes(
        (provinces / "zhejiang-province-2026.gold.json").read_bytes()
    )
    theirs_json = tmp_path / "theirs.json"
    command = shlex.join([sys.executable, "-m", "lawgraph"])
    subprocess.run(
        [
            sys.executable,
            str(scorer),
            str(golds),
            "--texts",
            str(corpus_dir),
            "--texts",
            str(provinces),
            "--lawgraph",
            command,
            "--json",
            str(theirs_json),
            "--quiet",
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    theirs = json.loads(theirs_json.read_text(encoding="utf-8"))
    ours = evaluate(golds, texts=[corpus_dir, provinces]).total
    for category, key in (("organizations", "org"), ("places", "place"), ("documents", "doc")):
        for figure, attr in (("P", "precision"), ("R", "recall"), ("F1", "f1")):
            assert round(getattr(ours[category], attr), 3) == theirs[key][figure], (category, figure)
    assert round(ours["organizations"].duplicate_rate, 3) == theirs["org_dup_rate"]
    assert round(ours["metrics"].recall, 3) == theirs["metric_R"]
    assert round(ours["metrics"].precision, 3) == theirs["metric_P"]
    assert round(ours["counted"].recall, 3) == theirs["counted_acc"]
    assert round(ours["relations"].recall, 3) == theirs["relation_R"]
