"""Scoring rules on hand-made nodes and gold (no build)."""

from __future__ import annotations

from lawgraph.evaluate import Score, counted_ok, norm, score_entities, score_reading
from lawgraph.evaluate.reading import GraphReading, Observation


def test_score_counts_and_duplicates() -> None:
    score, hits, spurious = score_entities(
        {"甲": {"甲", "乙"}, "乙": {"乙"}, "丙": {"丙"}}, [("乙", {"乙"}), ("丁", {"丁"})]
    )
    assert (score.matched_pred, score.n_pred, score.matched_gold, score.n_gold, score.duplicated) == (
        2,
        3,
        1,
        2,
        1,
    )
    assert hits == [{"甲", "乙"}, set()] and spurious == ["丙"]
    assert (round(score.precision, 3), score.recall, round(score.f1, 3)) == (0.667, 0.5, 0.571)
    # dup is the share of the gold items found that several nodes match
    assert score.duplicate_rate == 1.0
    assert Score(matched_pred=0, n_pred=0, matched_gold=0, n_gold=4).f1 == 0.0
    assert Score().precision == 1.0 and Score(n_gold=2).precision == 0.0


def test_matching_ignores_quotes_blanks_and_bracket_width() -> None:
    score, _hits, _spurious = score_entities(
        {"a": {norm("“跨域通办”联盟（试点）")}}, [("x", {norm(" 跨域通办联盟(试点)")})]
    )
    assert score.matched_gold == 1


def test_counted_phrase_tolerance() -> None:
    assert counted_ok("行政复议案件", "行政复议案件")
    assert counted_ok("行政复议案件", "受理各类行政复议案件")  # four characters of context more
    assert not counted_ok("行政复议案件", "依法受理各类行政复议案件")  # five
    assert counted_ok("行政复议案件数", "行政复议案件")  # most of the gold phrase
    assert not counted_ok("行政复议案件", "案件")


def test_metrics_partial_judges_precision_up_to_the_last_annotated_metric() -> None:
    text = "受理案件39件。调解纠纷12起。另有新增就业800人。"
    gold = {
        "metrics_partial": True,
        "metrics": [
            {"mention": "受理案件39件", "value": 39, "unit": "件", "counted": "案件"},
            {"mention": "调解纠纷12起", "value": 12, "unit": "起", "counted": "调解纠纷"},
        ],
    }
    reading = GraphReading(
        observations=[
            Observation(39.0, "件", frozenset({"受理案件"}), 0),
            Observation(12.0, "起", frozenset({"纠纷"}), 8),
            Observation(5.0, "个", frozenset(), 9),  # before the cutoff, matches nothing: judged wrong
            Observation(
                800.0, "人", frozenset({"新增就业"}), 19
            ),  # after the last annotated metric: not judged
        ]
    )
    scores = score_reading(reading, gold, text, name="t.txt").scores
    assert (scores["metrics"].matched_gold, scores["metrics"].n_gold) == (2, 2)
    assert (scores["metrics"].matched_pred, scores["metrics"].n_pred) == (2, 3)
    assert (scores["counted"].matched_gold, scores["counted"].n_gold) == (1, 2)


def test_relation_found_through_any_node_of_subject_and_object() -> None:
    reading = GraphReading(
        organizations={"o1": {"古浪县人民政府", "县政府"}, "o2": {"武威市中级人民法院"}},
        links={("o1", "o2")},
    )
    gold = {
        "organizations": [
            {"canonical": "古浪县人民政府", "mentions": ["县政府"]},
            {"canonical": "武威市中级人民法院", "mentions": ["武威中院"]},
        ],
        "relations": [
            {"subject": "古浪县人民政府", "action": "签订", "object": "武威市中级人民法院"},
            {"subject": "武威市中级人民法院", "action": "签订", "object": "古浪县人民政府"},
        ],
    }
    scores = score_reading(reading, gold, "", name="t.txt")
    assert (scores.scores["relations"].matched_gold, scores.scores["relations"].n_gold) == (1, 2)
    assert scores.missed["relations"] == ["武威市中级人民法院 签订 古浪县人民政府"]
