"""Quality on the dev gold, read by the standard vocabularies: floors that only move up.

The floors are the figures of the last measured commit rounded down; a change that lowers one fails here.
The targets of the issues (F1 ≥ 0.90 and more) are reported in bench/RESULTS.md, not asserted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgraph.evaluate import evaluate

FLOORS = {
    "organizations": 0.80,
    "places": 0.82,
    "documents": 0.86,
}
METRIC_RECALL = 0.95
RELATION_RECALL = 0.80


@pytest.mark.corpus
def test_dev_gold_floors(corpus_dir: Path) -> None:
    total = evaluate([corpus_dir, corpus_dir / "provinces-2026"], peer=False).total
    figures = {c: round(total[c].f1, 3) for c in FLOORS}
    for category, floor in FLOORS.items():
        assert total[category].f1 >= floor, figures
    assert total["organizations"].duplicate_rate <= 0.03
    assert total["metrics"].recall >= METRIC_RECALL
    assert total["relations"].recall >= RELATION_RECALL
