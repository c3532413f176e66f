"""Score lawgraph's extraction against gold annotations (``lawgraph eval``).

A gold folder holds ``NAME.txt`` beside ``NAME.gold.json`` (format: ``GOLD-FORMAT.md`` of the shared
corpus). Each report is read with :func:`lawgraph.ingest.read_report`, annotated, and turned into facts;
then, per category:

- **organizations, places, documents**: a predicted node matches a gold entity when one of its labels
  (prefLabel or altLabel) equals the gold canonical name or one of its mentions, ignoring quotes and
  full/half-width brackets. Precision counts nodes that match some gold entity, recall gold entities matched
  by some node. A gold entity matched by more than one node is a *duplicated alias*.
- **metrics**: an indicator matches a gold metric when its evidence overlaps the metric's mention in the
  text and value and unit are equal.
- **relations**: a gold relation is found when some action has the gold subject among its agents, the gold
  object among its objects, partners, generated or used entities, and a verb that occurs in the gold action.
  The gold lists only a report's key relations while every clause yields an action, so read recall here;
  precision (matched actions over all actions) is low by design.

The offline peer (jieba's POS tags: ``nt`` → organizations, ``ns`` → places) is scored the same way in the
same run when jieba is installed (extra ``peers``).

Examples
--------
>>> s = Score(matched_pred=9, n_pred=10, matched_gold=8, n_gold=10)
>>> round(s.precision, 2), round(s.recall, 2), round(s.f1, 3)
(0.9, 0.8, 0.847)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from lawgraph.errors import InputError
from lawgraph.model import Entity, ReportFacts

__all__ = [
    "CATEGORIES",
    "ENTITY_CATEGORIES",
    "Score",
    "ReportScores",
    "EvalResult",
    "load_gold",
    "normalize_label",
    "score_entities",
    "score_facts",
    "peer_scores",
    "evaluate",
]

ENTITY_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("organizations", "organization"),
    ("places", "place"),
    ("documents", "document"),
)
"""(gold key, entity kind) of the categories scored by label matching."""

CATEGORIES: tuple[str, ...] = ("organizations", "places", "documents", "metrics", "relations")


@dataclass(slots=True)
class Score:
    """Counts for one category; precision, recall and F1 derive from them."""

    matched_pred: int = 0
    """Predictions that match some gold item."""
    n_pred: int = 0
    matched_gold: int = 0
    """Gold items matched by some prediction."""
    n_gold: int = 0
    duplicated: int = 0
    """Gold items matched by more than one prediction (one body split across nodes)."""

    @property
    def precision(self) -> float:
        """Share of predictions that are right (1.0 when nothing was predicted)."""
        return self.matched_pred / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items found (1.0 when the gold has none)."""
        return self.matched_gold / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def duplicate_rate(self) -> float:
        """Share of gold items split across several nodes."""
        return self.duplicated / self.n_gold if self.n_gold else 0.0

    def add(self, other: Score) -> None:
        """Add another score's counts (micro-averaging across reports)."""
        self.matched_pred += other.matched_pred
        self.n_pred += other.n_pred
        self.matched_gold += other.matched_gold
        self.n_gold += other.n_gold
        self.duplicated += other.duplicated

    def as_dict(self) -> dict[str, float | int]:
        """The counts and figures, for JSON."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "duplicate_rate": round(self.duplicate_rate, 4),
            "matched_pred": self.matched_pred,
            "n_pred": self.n_pred,
            "matched_gold": self.matched_gold,
            "n_gold": self.n_gold,
            "duplicated": self.duplicated,
        }


@dataclass(slots=True)
class ReportScores:
    """The scores of one report, for lawgraph and for the peer."""

    name: str
    scores: dict[str, Score] = field(default_factory=dict)
    peer: dict[str, Score] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)
    """Gold items not found, per category (for error analysis)."""
    spurious: dict[str, list[str]] = field(default_factory=dict)
    """Predicted nodes that match no gold item, per category."""


@dataclass(slots=True)
class EvalResult:
    """Scores per report and in total (micro-averaged)."""

    reports: list[ReportScores] = field(default_factory=list)
    total: dict[str, Score] = field(default_factory=dict)
    peer_total: dict[str, Score] = field(default_factory=dict)
    peer_available: bool = False

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


_QUOTES = re.compile(r"[“”\"'‘’「」『』《》〈〉\s]")
_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "[", "】": "]", "［": "[", "］": "]"})


def normalize_label(label: str) -> str:
    """A label for matching: quotes and spaces dropped, full-width brackets made half-width.

    >>> normalize_label("政务服务“跨域通办”联盟（试点）")
    '政务服务跨域通办联盟(试点)'
    """
    return _QUOTES.sub("", label).translate(_BRACKETS)


def load_gold(path: Path) -> dict[str, Any]:
    """Read one ``NAME.gold.json``; raises :class:`~lawgraph.errors.InputError` when it is not valid."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(path, f"cannot read gold annotation ({err})") from err
    if not isinstance(data, dict):
        raise InputError(path, "gold annotation is not a JSON object")
    for key in ("organizations", "places", "documents", "metrics", "relations"):
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise InputError(path, f"'{key}' is not a list of objects")
        for item in items:
            names = item.get("mentions", [])
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise InputError(path, f"'{key}' has an item whose 'mentions' is not a list of strings")
    return data


def _gold_labels(category: str, item: dict[str, Any]) -> tuple[str, set[str]]:
    if category == "documents":
        name = str(item.get("title", ""))
        labels = {name, item.get("mention", "")}
    else:
        name = str(item.get("canonical", ""))
        labels = {name, *item.get("mentions", [])}
    return name, {normalize_label(x) for x in labels if x}


def _node_labels(entity: Entity) -> set[str]:
    return {normalize_label(x) for x in (entity.key, *entity.alt_labels) if x}


def score_entities(
    nodes: Sequence[tuple[str, set[str]]], gold: Sequence[tuple[str, set[str]]]
) -> tuple[Score, list[str], list[str]]:
    """Score predicted nodes ``(name, labels)`` against gold items ``(canonical, labels)``.

    Returns the score, the canonical names of the gold items missed and the spurious node names.

    >>> score, missed, spurious = score_entities([("a", {"甲", "乙"}), ("b", {"丙"})],
    ...                                          [("乙", {"乙"}), ("丁", {"丁"})])
    >>> (score.matched_pred, score.matched_gold, missed, spurious)
    (1, 1, ['丁'], ['b'])
    """
    hits = [0] * len(gold)
    matched_pred = 0
    spurious = []
    for name, labels in nodes:
        found = False
        for i, (_canonical, gold_labels) in enumerate(gold):
            if labels & gold_labels:
                hits[i] += 1
                found = True
        if found:
            matched_pred += 1
        else:
            spurious.append(name)
    missed = [canonical for (canonical, _labels), h in zip(gold, hits, strict=True) if not h]
    score = Score(
        matched_pred=matched_pred,
        n_pred=len(nodes),
        matched_gold=sum(1 for h in hits if h),
        n_gold=len(gold),
        duplicated=sum(1 for h in hits if h > 1),
    )
    return score, missed, spurious


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    return [(m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle), text)]


def _decimal(value: object) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _score_metrics(facts: ReportFacts, gold: list[dict[str, Any]]) -> tuple[Score, list[str]]:
    text = facts.report.text
    spans = [_occurrences(text, g.get("mention", "")) for g in gold]
    values = [(_decimal(g.get("value")), str(g.get("unit", ""))) for g in gold]
    hits = [0] * len(gold)
    matched_pred = 0
    for ind in facts.indicators:
        b, e = ind.evidence.begin, ind.evidence.end
        found = False
        for i, occ in enumerate(spans):
            value, unit = values[i]
            if value is None or ind.value != value or ind.unit != unit:
                continue
            if any(b < oe and ob < e for ob, oe in occ):
                hits[i] += 1
                found = True
        matched_pred += found
    missed = [g.get("mention", "") for g, h in zip(gold, hits, strict=True) if not h]
    return Score(matched_pred, len(facts.indicators), sum(1 for h in hits if h), len(gold),
                 sum(1 for h in hits if h > 1)), missed


def _score_relations(facts: ReportFacts, gold: list[dict[str, Any]]) -> tuple[Score, list[str]]:
    labels: dict[str, set[str]] = {}
    for ent in facts.entities:
        labels.setdefault(ent.key, set()).update(_node_labels(ent))

    def names(keys: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for key in keys:
            out.add(normalize_label(key))
            out |= labels.get(key, set())
        return out

    hits = [0] * len(gold)
    matched_pred = 0
    for act in facts.actions:
        agents = names(act.agents)
        targets = names((*act.objects, *act.partners, *act.generated, *act.used))
        found = False
        for i, rel in enumerate(gold):
            if (
                normalize_label(rel.get("subject", "")) in agents
                and normalize_label(rel.get("object", "")) in targets
                and act.verb
                and act.verb in rel.get("action", "")
            ):
                hits[i] += 1
                found = True
        matched_pred += found
    missed = [f"{g.get('subject')} {g.get('action')} {g.get('object')}" for g, h in zip(gold, hits, strict=True)
              if not h]
    return Score(matched_pred, len(facts.actions), sum(1 for h in hits if h), len(gold),
                 sum(1 for h in hits if h > 1)), missed


def score_facts(facts: ReportFacts, gold: dict[str, Any], *, name: str = "") -> ReportScores:
    """Score one report's facts against its gold annotation."""
    result = ReportScores(name=name or facts.report.name)
    for category, kind in ENTITY_CATEGORIES:
        nodes = [(e.key, _node_labels(e)) for e in facts.entities if e.kind == kind]
        gold_sets = [_gold_labels(category, item) for item in gold.get(category, [])]
        score, missed, spurious = score_entities(nodes, gold_sets)
        result.scores[category] = score
        result.missed[category] = missed
        result.spurious[category] = spurious
    if facts.indicators or facts.actions:
        result.scores["metrics"], result.missed["metrics"] = _score_metrics(facts, gold.get("metrics", []))
        result.scores["relations"], result.missed["relations"] = _score_relations(
            facts, gold.get("relations", [])
        )
    return result


def _import_posseg() -> Any:
    try:
        import jieba
        import jieba.posseg
    except ImportError as err:
        raise ImportError("the peer scores need jieba: pip install 'lawgraph[peers]'") from err
    jieba.setLogLevel(60)
    return jieba.posseg


def peer_scores(text: str, gold: dict[str, Any]) -> dict[str, Score]:
    """Score jieba's POS tags (``nt`` organizations, ``ns`` places) on ``text`` against ``gold``."""
    posseg = _import_posseg()
    found: dict[str, set[str]] = {"nt": set(), "ns": set()}
    for word, flag in posseg.cut(text):
        if flag in found:
            found[flag].add(word)
    out = {}
    for category, flag in (("organizations", "nt"), ("places", "ns")):
        nodes = [(w, {normalize_label(w)}) for w in sorted(found[flag])]
        gold_sets = [_gold_labels(category, item) for item in gold.get(category, [])]
        out[category] = score_entities(nodes, gold_sets)[0]
    return out


def _peer_available() -> bool:
    try:
        _import_posseg()
    except ImportError:
        return False
    return True


def evaluate(gold_dir: str | Path, *, peer: bool = True, nlp: Any = None) -> EvalResult:
    """Build every ``NAME.txt`` of ``gold_dir`` that has a ``NAME.gold.json`` and score it.

    Parameters
    ----------
    gold_dir : str or Path
        The folder of reports and gold files.
    peer : bool
        Also score jieba's POS tags (skipped when jieba is not installed).
    nlp : Language, optional
        A pipeline from :func:`lawgraph.extract.pipeline.make_nlp` (built when not given).

    Raises
    ------
    InputError
        When the folder does not exist or holds no report with a gold file.
    """
    from lawgraph.extract.facts import doc_to_facts
    from lawgraph.extract.pipeline import annotate, make_nlp
    from lawgraph.ingest import read_report

    folder = Path(gold_dir)
    if not folder.is_dir():
        raise InputError(folder, "not a folder")
    pairs = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
        if text_path.is_file():
            pairs.append((text_path, gold_path))
    if not pairs:
        raise InputError(folder, "no NAME.txt with a NAME.gold.json beside it")
    nlp = nlp if nlp is not None else make_nlp()
    result = EvalResult(peer_available=peer and _peer_available())
    for text_path, gold_path in pairs:
        gold = load_gold(gold_path)
        report = read_report(text_path)
        facts = doc_to_facts(annotate(nlp, report))
        scores = score_facts(facts, gold, name=text_path.name)
        if result.peer_available:
            scores.peer = peer_scores(report.text, gold)
        result.reports.append(scores)
        for category, score in scores.scores.items():
            result.total.setdefault(category, Score()).add(score)
        for category, score in scores.peer.items():
            result.peer_total.setdefault(category, Score()).add(score)
    return result
