"""Scores of one graph against one gold annotation, counted as ``../shared/eval/score.py`` counts them.

Per category:

- **organizations, places, documents**: a node matches a gold entity when one of its labels (documents: its
  title) equals the gold canonical name or one of its mentions after :func:`~lawgraph.evaluate.gold.norm`.
  Precision counts nodes that match some gold entity, recall gold entities that some node matches; a found
  gold entity that more than one node matches is a *duplicated alias*.
- **metrics**: a gold metric is found when some observation has its value and unit (the observed unit may
  end with the gold one: 万元 for 元 is not, 亿元 is scaled to 元 already). Precision is over the distinct
  (value, unit) pairs observed; when the gold annotates only the first metrics of a long report
  (``metrics_partial``), pairs whose evidence starts after the last annotated one are not judged.
- **counted**: of the gold metrics found that name what they count, the share whose observation states a
  counted phrase close to the gold one (:func:`counted_ok`).
- **relations**: a gold relation is found when some action links a node of its subject (as agent) to a node
  of its object. Relations are read for recall only: the gold lists a report's key relations, not all.

Examples
--------
>>> s = Score(matched_pred=9, n_pred=10, matched_gold=8, n_gold=10)
>>> round(s.precision, 2), round(s.recall, 2), round(s.f1, 3)
(0.9, 0.8, 0.847)
>>> counted_ok("行政复议案件", "受理行政复议案件"), counted_ok("行政复议案件", "案件")
(True, False)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lawgraph.evaluate.gold import norm
from lawgraph.evaluate.reading import GraphReading

__all__ = [
    "ENTITY_CATEGORIES",
    "CATEGORIES",
    "Score",
    "ReportScores",
    "counted_ok",
    "gold_names",
    "score_entities",
    "score_reading",
]

ENTITY_CATEGORIES: tuple[str, ...] = ("organizations", "places", "documents")
"""Gold keys of the categories scored by label matching."""

CATEGORIES: tuple[str, ...] = (*ENTITY_CATEGORIES, "metrics", "counted", "relations")


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
        """Share of predictions that are right (1.0 when nothing was predicted and nothing was to be)."""
        if self.n_pred:
            return self.matched_pred / self.n_pred
        return 1.0 if self.n_gold == 0 else 0.0

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
        """Share of the gold items found that several nodes match."""
        return self.duplicated / self.matched_gold if self.matched_gold else 0.0

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
    """Nodes that match no gold item, per category (shown by their smallest label)."""


def counted_ok(gold: str, got: str) -> bool:
    """Whether a counted phrase ``got`` names what the gold phrase names.

    The same, or one inside the other with little to spare: a few characters of context more, or most of
    the gold phrase.
    """
    if gold == got:
        return True
    if gold in got:
        return len(got) <= len(gold) + 4
    if got in gold:
        return len(got) >= 0.75 * len(gold)
    return False


def gold_names(category: str, item: Mapping[str, Any]) -> tuple[str, set[str]]:
    """A gold entity's canonical name (documents: title) and all its normalized names."""
    if category == "documents":
        title = str(item.get("title", ""))
        return title, {norm(title), norm(str(item.get("mention", title)))}
    canonical = str(item.get("canonical", ""))
    return canonical, {norm(canonical)} | {norm(m) for m in item.get("mentions", [])}


def score_entities(
    nodes: Mapping[str, set[str]], gold: Sequence[tuple[str, set[str]]]
) -> tuple[Score, list[set[str]], list[str]]:
    """Score nodes (IRI → labels) against gold items ``(canonical, names)``.

    Returns the score, for each gold item the nodes that match it, and the spurious nodes' smallest labels.

    >>> nodes = {"a": {"甲", "乙"}, "b": {"丙"}}
    >>> score, hits, spurious = score_entities(nodes, [("乙", {"乙"}), ("丁", {"丁"})])
    >>> (score.matched_pred, score.matched_gold, hits, spurious)
    (1, 1, [{'a'}, set()], ['丙'])
    """
    every_name = set().union(*(names for _c, names in gold)) if gold else set()
    hits = [{node for node, labels in nodes.items() if labels & names} for _c, names in gold]
    spurious = sorted(min(labels) for labels in nodes.values() if labels and not labels & every_name)
    score = Score(
        matched_pred=sum(1 for labels in nodes.values() if labels & every_name),
        n_pred=len(nodes),
        matched_gold=sum(1 for h in hits if h),
        n_gold=len(gold),
        duplicated=sum(1 for h in hits if len(h) > 1),
    )
    return score, hits, spurious


def _metrics_cutoff(gold: Mapping[str, Any], text: str) -> int | None:
    """Where the last annotated metric ends, when the gold annotates only the first ones."""
    if not gold.get("metrics_partial"):
        return None
    pos = 0
    for metric in gold.get("metrics", []):
        mention = str(metric.get("mention", ""))
        at = text.find(mention, pos)
        if at < 0:
            at = text.find(mention)
        if at >= 0:
            pos = max(pos, at + len(mention))
    return pos


def _unit_fits(observed: str, gold: str) -> bool:
    return not gold or observed == gold or observed.endswith(gold)


def _score_metrics(
    reading: GraphReading, gold: Mapping[str, Any], text: str
) -> tuple[Score, Score, list[str]]:
    observed: set[tuple[float, str]] = set()
    late: set[tuple[float, str]] = set()
    phrases: dict[tuple[float, str], set[str]] = {}
    cutoff = _metrics_cutoff(gold, text)
    for obs in reading.observations:
        key = (obs.value, obs.unit)
        observed.add(key)
        if cutoff is not None and obs.begin is not None and obs.begin > cutoff:
            late.add(key)
        if obs.counted:
            phrases.setdefault(key, set()).update(obs.counted)
    metrics = Score(n_gold=len(gold.get("metrics", [])))
    counted = Score()
    missed = []
    for metric in gold.get("metrics", []):
        value, unit = round(float(metric["value"]), 4), norm(str(metric.get("unit", "")))
        keys = [k for k in observed if k[0] == value and _unit_fits(k[1], unit)]
        if keys:
            metrics.matched_gold += 1
        else:
            missed.append(str(metric.get("mention", "")))
        phrase = norm(str(metric.get("counted", "")))
        if keys and phrase:
            counted.n_gold += 1
            if any(counted_ok(phrase, got) for k in keys for got in phrases.get(k, ())):
                counted.matched_gold += 1
    gold_keys = {(round(float(m["value"]), 4), norm(str(m.get("unit", "")))) for m in gold.get("metrics", [])}
    judged = observed - late
    metrics.n_pred = len(judged)
    metrics.matched_pred = sum(
        1 for v, u in judged if any(v == gv and _unit_fits(u, gu) for gv, gu in gold_keys)
    )
    counted.n_pred, counted.matched_pred = counted.n_gold, counted.matched_gold
    return metrics, counted, missed


def _score_relations(
    reading: GraphReading, gold: Mapping[str, Any], nodes_of: Mapping[str, set[str]]
) -> tuple[Score, list[str]]:
    found = 0
    missed = []
    for rel in gold.get("relations", []):
        subject, obj = norm(str(rel.get("subject", ""))), norm(str(rel.get("object", "")))
        subjects = nodes_of.get(subject) or reading.by_label.get(subject, set())
        objects = nodes_of.get(obj) or reading.by_label.get(obj, set())
        if any((s, o) in reading.links for s in subjects for o in objects):
            found += 1
        else:
            missed.append(f"{rel.get('subject')} {rel.get('action')} {rel.get('object')}")
    return Score(matched_gold=found, n_gold=len(gold.get("relations", []))), missed


def score_reading(reading: GraphReading, gold: Mapping[str, Any], text: str, *, name: str) -> ReportScores:
    """Score one report's graph (read by :func:`~lawgraph.evaluate.reading.read_graph`) against its gold.

    ``text`` is the report file as written: where the annotated metrics end is found in it (see
    ``metrics_partial``), as the judging scorer does.
    """
    result = ReportScores(name=name)
    nodes_of: dict[str, set[str]] = {}
    found_by = {
        "organizations": reading.organizations,
        "places": reading.places,
        "documents": reading.documents,
    }
    for category in ENTITY_CATEGORIES:
        items = [gold_names(category, item) for item in gold.get(category, [])]
        score, hits, spurious = score_entities(found_by[category], items)
        result.scores[category] = score
        result.missed[category] = [canonical for (canonical, _n), h in zip(items, hits, strict=True) if not h]
        result.spurious[category] = spurious
        for (canonical, _names), nodes in zip(items, hits, strict=True):
            if category == "organizations":
                nodes_of[norm(canonical)] = set(nodes)
            else:
                nodes_of.setdefault(norm(canonical), set()).update(nodes)
    metrics, counted, result.missed["metrics"] = _score_metrics(reading, gold, text)
    result.scores["metrics"], result.scores["counted"] = metrics, counted
    result.scores["relations"], result.missed["relations"] = _score_relations(reading, gold, nodes_of)
    return result
