"""Score lawgraph's graphs against gold annotations (``lawgraph eval``).

Each report with a gold file is built exactly as ``lawgraph build`` builds it
(:func:`lawgraph.api.process_report`), its N-Quads are loaded into an in-memory Oxigraph store, and the graph
is read back by the standard vocabularies only (:mod:`lawgraph.evaluate.reading`) and scored
(:mod:`lawgraph.evaluate.scores`). The rules are those of the scorer the project is judged with
(``../shared/eval/score.py``), so the two print the same figures on the same files (a corpus test compares
them). The offline peer, jieba's POS tags, is scored in the same run when jieba is installed.

Examples
--------
>>> import json, pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("古浪县人民政府\\n县政府与武威中院签订协议。", encoding="utf-8")
>>> gold = {"organizations": [{"canonical": "武威市中级人民法院", "mentions": ["武威中院"]}]}
>>> _ = (folder / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
>>> result = evaluate([folder], peer=False)
>>> result.total["organizations"].matched_gold
1
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from lawgraph.evaluate.audit import AuditRow, sample_actions
from lawgraph.evaluate.gold import GoldPair, find_gold_pairs, load_gold, norm
from lawgraph.evaluate.peer import peer_available, peer_scores
from lawgraph.evaluate.reading import GraphReading, read_graph
from lawgraph.evaluate.scores import (
    CATEGORIES,
    ENTITY_CATEGORIES,
    ReportScores,
    Score,
    counted_ok,
    score_entities,
    score_reading,
)

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "CATEGORIES",
    "ENTITY_CATEGORIES",
    "EvalResult",
    "GoldPair",
    "GraphReading",
    "ReportScores",
    "Score",
    "counted_ok",
    "evaluate",
    "find_gold_pairs",
    "load_gold",
    "norm",
    "peer_scores",
    "read_graph",
    "score_entities",
    "score_reading",
]


@dataclass(slots=True)
class EvalResult:
    """Scores per report and in total (micro-averaged over the reports)."""

    reports: list[ReportScores] = field(default_factory=list)
    total: dict[str, Score] = field(default_factory=dict)
    peer_total: dict[str, Score] = field(default_factory=dict)
    peer_available: bool = False
    audit: list[AuditRow] = field(default_factory=list)
    """The sampled actions of every report, when an audit was asked for."""

    def add(self, scores: ReportScores) -> None:
        """Add one report's scores to the list and to the totals."""
        self.reports.append(scores)
        for category, score in scores.scores.items():
            self.total.setdefault(category, Score()).add(score)
        for category, score in scores.peer.items():
            self.peer_total.setdefault(category, Score()).add(score)

    def as_dict(self) -> dict[str, Any]:
        """Everything, for ``--json``."""
        return {
            "total": {k: v.as_dict() for k, v in self.total.items()},
            "peer": {k: v.as_dict() for k, v in self.peer_total.items()} if self.peer_available else None,
            "reports": [
                {
                    "name": r.name,
                    "scores": {k: v.as_dict() for k, v in r.scores.items()},
                    "peer": {k: v.as_dict() for k, v in r.peer.items()},
                    "missed": r.missed,
                    "spurious": r.spurious,
                }
                for r in self.reports
            ],
        }


def _graph_of(pair: GoldPair, nlp: Language) -> tuple[ox.Store, str]:
    """One report's graph as ``lawgraph build`` writes it, in an in-memory store, and its normalized text."""
    from lawgraph.api import process_report

    result = process_report(pair.text, nlp)
    store = ox.Store()
    store.load(bytes(result.nquads), format=ox.RdfFormat.N_QUADS)
    return store, result.report.text


def evaluate(
    gold_dirs: str | Path | Iterable[str | Path],
    *,
    texts: Sequence[str | Path] = (),
    peer: bool = True,
    nlp: Language | None = None,
    audit: int = 0,
    seed: int = 0,
) -> EvalResult:
    """Build and score every report that has a gold file in ``gold_dirs``.

    Parameters
    ----------
    gold_dirs : path or paths
        Folders of ``NAME.gold.json`` files (with ``NAME.txt`` beside them or in ``texts``).
    texts : sequence of paths
        Other folders to find the reports in.
    peer : bool
        Also score jieba's POS tags (skipped when jieba is not installed).
    nlp : Language, optional
        A pipeline from :func:`lawgraph.extract.pipeline.make_nlp` (built when not given).
    audit : int
        Also sample this many actions per report for a reader to judge (:mod:`lawgraph.evaluate.audit`).
    seed : int
        The seed of the sample.

    Raises
    ------
    InputError
        When a folder does not exist, holds no gold file, a gold file is malformed or its report is missing.
    """
    from lawgraph.extract.pipeline import make_nlp

    folders = [Path(gold_dirs)] if isinstance(gold_dirs, str | Path) else [Path(d) for d in gold_dirs]
    pairs = find_gold_pairs(folders, [Path(t) for t in texts])
    golds = [load_gold(pair.gold) for pair in pairs]  # every gold file is checked before the long part
    pipeline = nlp if nlp is not None else make_nlp()
    result = EvalResult(peer_available=peer and peer_available())
    for pair, gold in zip(pairs, golds, strict=True):
        store, text = _graph_of(pair, pipeline)
        # Like the judging scorer, find where the annotated metrics end in the file as written (the gold's
        # strings are substrings of it), and compare that with the evidence offsets.
        written = pair.text.read_text(encoding="utf-8", errors="replace")
        scores = score_reading(read_graph(store), gold, written, name=pair.name)
        if result.peer_available:
            scores.peer = peer_scores(text, gold)
        result.add(scores)
        if audit:
            result.audit.extend(sample_actions(store, pair.name, audit, seed=seed))
    return result
