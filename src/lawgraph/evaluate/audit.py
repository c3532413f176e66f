"""The action audit: a seeded sample of actions for a reader to judge, and precision from the judged copy.

Relation recall says whether the key relations are in the graph; it cannot say whether the actions in the
graph are right. The audit samples actions from built graphs (seeded, so the same build gives the same
sample) and writes them as a tab-separated table with the evidence sentence, the verb and type, the agents,
what the action links to, its object phrase and its status. A reader fills the judgment columns with ``1``
(right) or ``0`` (wrong) and :func:`read_judged` turns the judged copy into precision per field:

- ``is_action``: the clause reports something done, planned or missing (not a heading, a noun, a goal or a
  state);
- ``agent_ok``: the agents are the ones who act; ``type_ok``: the action type fits the verb in this sentence;
- ``links_ok``: what it links to (entities and object phrase) is what it acts on, with, produces or applies;
- ``status_ok``: done, planned or shortcoming is right;
- ``informative``: a link or object phrase says what was done (not only "the issuer did <verb>").

An action is *right* when it is an action and its agent, type and links are all right.

Examples
--------
>>> judged = ("is_action", "agent_ok", "type_ok", "links_ok", "status_ok", "informative")
>>> rows = [dict(zip(judged, "111011")), dict(zip(judged, "111110"))]
>>> summary = summarize(rows)
>>> summary["right"], summary["informative"], summary["judged"]
(0.5, 0.5, 2)
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from lawgraph.errors import InputError
from lawgraph.namespaces import PREFIXES

__all__ = ["JUDGMENTS", "COLUMNS", "AuditRow", "sample_actions", "write_audit", "read_judged", "summarize"]

JUDGMENTS: tuple[str, ...] = ("is_action", "agent_ok", "type_ok", "links_ok", "status_ok", "informative")
"""The judgment columns, each ``1`` (right) or ``0`` (wrong); empty when not judged."""

_RIGHT = ("is_action", "agent_ok", "type_ok", "links_ok")

COLUMNS: tuple[str, ...] = (
    "report",
    "action",
    "sentence",
    "verb",
    "type",
    "agents",
    "links",
    "object_text",
    "status",
    *JUDGMENTS,
)

_QUERY = (
    "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in ("lg", "prov", "nif", "skos", "dcterms"))
    + """
SELECT ?a ?sentence ?verb ?type
       (GROUP_CONCAT(DISTINCT ?agentLabel; separator="、") AS ?agents)
       (GROUP_CONCAT(DISTINCT ?link; separator="；") AS ?links)
       (GROUP_CONCAT(DISTINCT ?text; separator="；") AS ?objectText)
       (GROUP_CONCAT(DISTINCT ?statusName; separator="、") AS ?status)
WHERE {
  ?a a prov:Activity ; lg:evidence/nif:anchorOf ?sentence .
  OPTIONAL { ?a lg:verb ?verb }
  OPTIONAL { ?a lg:actionType ?t . BIND(STRAFTER(STR(?t), "action-type/") AS ?type) }
  OPTIONAL { ?a prov:wasAssociatedWith/skos:prefLabel ?agentLabel }
  OPTIONAL {
    VALUES (?role ?roleName) { (lg:actedOn "actedOn") (lg:partner "partner") (prov:generated "generated")
                               (prov:used "used") (lg:place "place") }
    ?a ?role ?o . ?o (skos:prefLabel|dcterms:title) ?oLabel .
    BIND(CONCAT(?roleName, ":", STR(?oLabel)) AS ?link)
  }
  OPTIONAL { ?a lg:objectText ?text }
  OPTIONAL { ?a lg:status ?s . BIND(REPLACE(STR(?s), "^.*[/#]", "") AS ?statusName) }
}
GROUP BY ?a ?sentence ?verb ?type
ORDER BY ?a
"""
)


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One sampled action, as the reader sees it."""

    report: str
    action: str
    sentence: str
    verb: str
    type: str
    agents: str
    links: str
    object_text: str
    status: str

    def cells(self) -> list[str]:
        """The row's cells in :data:`COLUMNS` order, judgments empty."""
        values = [
            self.report,
            self.action,
            self.sentence,
            self.verb,
            self.type,
            self.agents,
            self.links,
            self.object_text,
            self.status,
        ]
        return [" ".join(v.split()) for v in values] + [""] * len(JUDGMENTS)


def _value(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str:
    return "" if term is None else str(term.value)


def sample_actions(store: ox.Store, report: str, n: int, *, seed: int = 0) -> list[AuditRow]:
    """``n`` actions of ``store`` drawn at random (seeded by ``seed`` and the report's name)."""
    rows = [
        AuditRow(
            report=report,
            action=_value(r["a"]),
            sentence=_value(r["sentence"]),
            verb=_value(r["verb"]),
            type=_value(r["type"]),
            agents=_value(r["agents"]),
            links=_value(r["links"]),
            object_text=_value(r["objectText"]),
            status=_value(r["status"]),
        )
        for r in store.query(_QUERY, use_default_graph_as_union=True)  # type: ignore[union-attr]
    ]
    rng = random.Random(f"{seed}:{report}")
    return sorted(rng.sample(rows, min(n, len(rows))), key=lambda row: row.action)


def write_audit(rows: Iterable[AuditRow]) -> bytes:
    """The audit table as UTF-8 tab-separated values, with a header of :data:`COLUMNS`."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(row.cells())
    return out.getvalue().encode("utf-8")


def read_judged(path: Path) -> list[dict[str, str]]:
    """The judged rows of an audit table (rows whose judgment cells are all empty are left out).

    Raises
    ------
    InputError
        When the file cannot be read, lacks a judgment column, or holds a judgment that is not 0 or 1.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(path, f"cannot read the judged audit ({err})") from err
    reader = csv.DictReader(io.StringIO(text), delimiter="\t")
    missing = [c for c in JUDGMENTS if c not in (reader.fieldnames or ())]
    if missing:
        raise InputError(path, f"no judgment column {', '.join(missing)} (columns: {', '.join(COLUMNS)})")
    judged = []
    for line, row in enumerate(reader, start=2):
        cells = {c: (row.get(c) or "").strip() for c in JUDGMENTS}
        if not any(cells.values()):
            continue
        bad = [f"{c}={v!r}" for c, v in cells.items() if v not in ("0", "1", "")]
        if bad:
            raise InputError(path, f"line {line}: judgments are 0 or 1, not {', '.join(bad)}")
        judged.append({**row, **cells})
    return judged


def _share(rows: Sequence[Mapping[str, str]], test: str) -> float:
    relevant = [r for r in rows if r.get(test, "") != ""]
    return sum(1 for r in relevant if r[test] == "1") / len(relevant) if relevant else 0.0


def summarize(rows: Sequence[Mapping[str, str]]) -> dict[str, float | int]:
    """Precision per judgment column, the share of right actions, and how many rows were judged.

    A judgment left empty is not counted for its column. ``right`` counts a row when ``is_action``,
    ``agent_ok``, ``type_ok`` and ``links_ok`` are all ``1``; a row that is not an action is wrong whatever
    its other cells say.
    """
    out: dict[str, float | int] = {column: round(_share(rows, column), 3) for column in JUDGMENTS}
    right = sum(1 for r in rows if all(r.get(c) == "1" for c in _RIGHT))
    out["right"] = round(right / len(rows), 3) if rows else 0.0
    out["judged"] = len(rows)
    return out
