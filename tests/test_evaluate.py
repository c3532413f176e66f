"""lawgraph eval: scoring rules on hand-made gold, the CLI, and the corpus targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lawgraph.evaluate import Score, evaluate, normalize_label, score_entities

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
}
TEXT = "古浪县人民政府\n县政府与武威中院签订协议。县政府召开会议。"


def test_score_counts() -> None:
    score, missed, spurious = score_entities(
        [("甲", {"甲", "乙"}), ("乙", {"乙"}), ("丙", {"丙"})], [("乙", {"乙"}), ("丁", {"丁"})]
    )
    assert (score.matched_pred, score.n_pred, score.matched_gold, score.n_gold, score.duplicated) == (2, 3, 1, 2, 1)
    assert missed == ["丁"] and spurious == ["丙"]
    assert (round(score.precision, 3), score.recall, round(score.f1, 3)) == (0.667, 0.5, 0.571)
    assert score.duplicate_rate == 0.5
    assert Score(matched_pred=0, n_pred=0, matched_gold=0, n_gold=4).f1 == 0.0


def test_matching_ignores_quotes_and_bracket_width() -> None:
    score, _m, _s = score_entities([("a", {normalize_label("“跨域通办”联盟（试点）")})],
                                   [("x", {normalize_label("跨域通办联盟(试点)")})])
    assert score.matched_gold == 1


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


def test_eval_cli_threshold_and_json(gold_dir: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lawgraph.cli import _register, app

    _register()
    out = tmp_path / "figures.json"
    runner = CliRunner()
    ok = runner.invoke(app, ["eval", str(gold_dir), "--no-peer", "--json", str(out), "--min-f1", "0.5"])
    assert ok.exit_code == 0, ok.output
    assert "organizations" in ok.output
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["total"]["organizations"]["n_gold"] == 3
    low = runner.invoke(app, ["eval", str(gold_dir), "--no-peer", "--min-f1", "0.95"])
    assert low.exit_code == 1


@pytest.mark.parametrize("body", ["{bad", "[]", '{"organizations": {"a": 1}}', '{"places": [{"mentions": "甘肃"}]}'])
def test_a_malformed_gold_file_is_an_input_error(tmp_path: Path, body: str) -> None:
    from lawgraph.errors import InputError

    (tmp_path / "a.txt").write_text("省政府召开会议。", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match="a.gold.json"):
        evaluate(tmp_path, peer=False)


def test_eval_of_a_folder_without_gold_is_an_input_error(tmp_path: Path) -> None:
    from lawgraph.errors import InputError

    with pytest.raises(InputError):
        evaluate(tmp_path, peer=False)


@pytest.mark.corpus
def test_corpus_targets(corpus_dir: Path, tmp_path: Path) -> None:
    """`lawgraph eval $LAWGRAPH_CORPUS` meets the issue's targets."""
    from typer.testing import CliRunner

    from lawgraph.cli import _register, app

    _register()
    out = tmp_path / "eval.json"
    run = CliRunner().invoke(app, ["eval", str(corpus_dir), "--json", str(out)])
    assert run.exit_code == 0, run.output
    total = json.loads(out.read_text(encoding="utf-8"))["total"]
    figures = {k: v["f1"] for k, v in total.items()}
    assert total["organizations"]["f1"] >= 0.92, figures
    assert total["places"]["f1"] >= 0.92, figures
    assert total["documents"]["f1"] >= 0.97, figures
    for category in ("organizations", "places", "documents"):
        assert total[category]["duplicate_rate"] <= 0.03, (category, total[category])
    peer = json.loads(out.read_text(encoding="utf-8"))["peer"]
    if peer is not None:
        assert total["organizations"]["f1"] > peer["organizations"]["f1"]


def test_normalize_label() -> None:
    assert normalize_label("“1+32”托管（移交）协议") == normalize_label("1+32托管(移交)协议")
