"""Compare one indicator across reports: one row per report, as a table, CSV, JSON or a chart.

:func:`resolve_indicator` reads what the user asked for (a concept's name, synonym or notation, with a kind
of value spelt after it or given apart: ``地区生产总值增速``, ``gdp --kind growth``); :func:`open_inputs`
gathers the inputs (a store folder, RDF files, reports to build) into one Oxigraph store; :func:`compare`
runs the saved query ``indicator-compare`` on it. The rows are written by :func:`to_csv`, :func:`to_json`,
or drawn by :func:`lawgraph.chart.draw_comparison`.

Examples
--------
>>> concept, kind = resolve_indicator("地区生产总值增速")
>>> concept.notation, kind
('gdp', 'growth')
>>> resolve_indicator("行政复议申请")[0].label, resolve_indicator("行政复议申请")[1]
('行政复议案件', 'level')
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from lawgraph.concepts.scheme import KINDS, IndicatorConcept, load_scheme
from lawgraph.errors import InputError
from lawgraph.namespaces import KIND

__all__ = [
    "CompareRow",
    "Comparison",
    "resolve_indicator",
    "open_inputs",
    "compare",
    "to_csv",
    "to_json",
    "COLUMNS",
]

# A kind of value written after a concept's name (longest first), and the names of the kinds.
_KIND_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("年均增长率", "averageGrowth"),
    ("年均增速", "averageGrowth"),
    ("年均增长", "averageGrowth"),
    ("增长率", "growth"),
    ("增速", "growth"),
    ("增幅", "growth"),
    ("增长", "growth"),
    ("比重", "share"),
    ("占比", "share"),
    ("增量", "change"),
    ("增加", "change"),
    ("总量", "level"),
    ("规模", "level"),
)
_KIND_NAMES = {kind.lower(): kind for kind in KINDS} | {
    "average-growth": "averageGrowth",
    "rate": "share",
    "总量": "level",
    "增速": "growth",
    "年均增速": "averageGrowth",
    "比重": "share",
    "增量": "change",
}

COLUMNS = ("area", "issuer", "year", "value", "unit", "written", "status", "sentence", "file")
"""The columns of a comparison, in order."""


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One report's value of the indicator."""

    area: str
    issuer: str
    year: str
    value: Decimal | None
    """In the concept's base unit (a level or change) or in % (a growth rate or share)."""
    unit: str
    written: str
    """The number as the report writes it (5.5%, 5.3万亿元)."""
    status: str
    """done, planned or shortcoming."""
    sentence: str
    """The evidence sentence."""
    file: str
    observation: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """The rows of one indicator concept and kind of value, one per report that states it."""

    concept: IndicatorConcept
    kind: str
    rows: tuple[CompareRow, ...]

    @property
    def title(self) -> str:
        """What is compared, in Chinese: 地区生产总值（增速）."""
        return f"{self.concept.label}（{_KIND_ZH[self.kind]}）"


_KIND_ZH = {"level": "总量", "growth": "增速", "averageGrowth": "年均增速", "share": "比率", "change": "增量"}


def resolve_indicator(name: str, kind: str | None = None) -> tuple[IndicatorConcept, str]:
    """The concept and kind of value ``name`` asks for (``kind`` overrides a kind spelt in the name).

    Raises
    ------
    InputError
        No concept has that name (the message lists close ones), or the kind is unknown.
    """
    scheme = load_scheme()
    chosen: str | None = None
    if kind is not None:
        chosen = _KIND_NAMES.get(kind.strip().lower()) or _KIND_NAMES.get(kind.strip())
        if chosen is None:
            raise InputError("--kind", f"unknown kind of value {kind!r}; use one of {', '.join(KINDS)}")
    concept = scheme.find(name)
    if concept is None:
        for suffix, suffix_kind in _KIND_SUFFIXES:
            stem = name.strip()
            if stem.endswith(suffix) and (found := scheme.find(stem[: -len(suffix)])) is not None:
                concept, chosen = found, chosen or suffix_kind
                break
    if concept is None:
        close = scheme.close_matches(name)
        hint = f"; close matches: {', '.join(close)}" if close else "; see ontology/indicators.ttl"
        raise InputError(name, f"unknown indicator{hint}")
    return concept, chosen or concept.default_kind


def open_inputs(inputs: Sequence[str | Path], *, on_build: Any = None) -> ox.Store:
    """One in-memory Oxigraph store holding every input: a store folder, RDF files, and reports (files or
    folders of ``.txt``, ``.html``, ``.pdf`` …), which are built first.

    A single store folder or RDF file is read as it is (:func:`lawgraph.store.read_source`).

    Raises
    ------
    InputError
        An input is missing or cannot be read.
    """
    from lawgraph.rdf import FORMATS
    from lawgraph.store import is_store_dir, read_source

    if not inputs:
        raise InputError(None, "give at least one input: a store folder, graph files or reports")
    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.exists():
            raise InputError(path, "no such file or folder")
    graphs = [
        p
        for p in paths
        if is_store_dir(p) or (p.is_file() and p.suffix.lower().lstrip(".") in _rdf_suffixes(FORMATS))
    ]
    reports = [p for p in paths if p not in graphs]
    if len(graphs) == 1 and not reports:
        return read_source(graphs[0])
    store = ox.Store()
    for path in graphs:
        if is_store_dir(path):
            source = read_source(path)
            store.bulk_extend(source.quads_for_pattern(None, None, None, None))
        else:
            from lawgraph.rdf import load_file

            load_file(path, store=store)
    if reports:
        from lawgraph.api import build_quads

        built = build_quads(reports, on_error="raise", progress=on_build)
        store.bulk_load(built.nquads(), format=ox.RdfFormat.N_QUADS)
    return store


def _rdf_suffixes(formats: Any) -> set[str]:
    return {str(name).lower().lstrip(".") for name in formats}


def compare(store: ox.Store, concept: IndicatorConcept, kind: str) -> Comparison:
    """The rows of ``concept`` as ``kind`` in ``store`` (the saved query ``indicator-compare``), sorted by
    area and file."""
    from lawgraph import queries
    from lawgraph.query import run_query

    params = {"indicator": f"<{concept.iri}>", "kind": f"<{KIND}{kind}>"}
    result = run_query(
        store, queries.load_saved("indicator-compare"), params=params, where="indicator-compare"
    )
    rows = []
    for solution in result:

        def cell(name: str, s: Any = solution) -> str:
            term = s[name]
            return "" if term is None else str(term.value)

        rows.append(
            CompareRow(
                area=cell("area"),
                issuer=cell("issuer"),
                year=cell("year"),
                value=_decimal(cell("value")),
                unit=cell("unit"),
                written=cell("written"),
                status=cell("status"),
                sentence=cell("sentence"),
                file=cell("file"),
                observation=cell("obs"),
            )
        )
    return Comparison(concept, kind, tuple(rows))


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def format_value(value: Decimal | None) -> str:
    """A value as plain decimal text (no exponent): ``5.5``, ``5300000000000``."""
    if value is None:
        return ""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _records(comparison: Comparison) -> list[dict[str, str]]:
    out = []
    for row in comparison.rows:
        record = {name: str(value) for name, value in asdict(row).items() if name in COLUMNS}
        record["value"] = format_value(row.value)
        out.append({name: record[name] for name in COLUMNS})
    return out


def to_csv(comparison: Comparison) -> str:
    """The rows as CSV, with a header line."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_records(comparison))
    return buffer.getvalue()


def to_json(comparison: Comparison) -> str:
    """The rows as JSON: the indicator (IRI, label, kind) and a list of row objects."""
    data = {
        "indicator": comparison.concept.iri,
        "label": comparison.concept.label,
        "kind": comparison.kind,
        "rows": [
            dict(r, observation=row.observation)
            for r, row in zip(_records(comparison), comparison.rows, strict=True)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
