"""The indicator scheme (``ontology/indicators.ttl``) as frozen Python values.

The scheme is data: SKOS concepts with their Chinese name (``skos:prefLabel``), synonyms
(``skos:altLabel``), notation, unit dimension and the kind of value usually shown, and the unit dimensions
with their base unit and the units that convert to it. This module only reads it.

Examples
--------
>>> scheme = load_scheme()
>>> scheme.find("生产总值").label
'地区生产总值'
>>> scheme.find("gdp").dimension.base_unit
'元'
>>> scheme.find("行政复议申请").notation
'admin-reconsideration-cases'
>>> scheme.close_matches("地区生产总")[:1]
['地区生产总值']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import rdflib

from lawgraph.namespaces import DCTERMS, KIND, LG, RDF, SKOS
from lawgraph.ontology import ontology_dir

__all__ = ["KINDS", "UnitDimension", "IndicatorConcept", "IndicatorScheme", "scheme_path", "load_scheme"]

KINDS: tuple[str, ...] = ("level", "growth", "averageGrowth", "share", "change")
"""The kinds of value (local names of the ``lg-kind:`` concepts)."""


@dataclass(frozen=True, slots=True)
class UnitDimension:
    """What a concept is measured in: a base unit and the units that convert to it."""

    iri: str
    label: str
    base_unit: str
    factors: tuple[tuple[str, Decimal], ...]
    """``(unit, what one unit is in the base unit)``, sorted by unit."""

    def factor(self, unit: str) -> Decimal | None:
        """What one ``unit`` is in the base unit; ``None`` when it does not convert."""
        for name, value in self.factors:
            if name == unit:
                return value
        return None


@dataclass(frozen=True, slots=True)
class IndicatorConcept:
    """One concept of the scheme."""

    iri: str
    notation: str
    label: str
    """The Chinese name (``skos:prefLabel``@zh)."""
    label_en: str
    alt_labels: tuple[str, ...]
    """The synonyms (``skos:altLabel``), sorted."""
    dimension: UnitDimension
    default_kind: str
    """One of :data:`KINDS`."""
    sources: tuple[str, ...] = field(default=())

    @property
    def labels(self) -> tuple[str, ...]:
        """The name and every synonym."""
        return (self.label, *self.alt_labels)


@dataclass(frozen=True, slots=True)
class IndicatorScheme:
    """The concepts of the scheme, in notation order, and how to find one by a name."""

    concepts: tuple[IndicatorConcept, ...]

    def __iter__(self) -> Iterator[IndicatorConcept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def names(self) -> dict[str, IndicatorConcept]:
        """Every name a concept is found by: labels, synonyms, notation, English label and IRI."""
        out: dict[str, IndicatorConcept] = {}
        for concept in self.concepts:
            for name in (*concept.labels, concept.notation, concept.label_en.lower(), concept.iri):
                out.setdefault(name, concept)
        return out

    def find(self, name: str) -> IndicatorConcept | None:
        """The concept ``name`` names (a label, synonym, notation, English label or IRI); ``None`` if none."""
        names = self.names()
        key = name.strip()
        return names.get(key) or names.get(key.lower())

    def close_matches(self, name: str, n: int = 5) -> list[str]:
        """Names of concepts close to ``name`` (for an error message), best first."""
        key = name.strip()
        labels = [label for concept in self.concepts for label in (*concept.labels, concept.notation)]
        close = difflib.get_close_matches(key, labels, n=n, cutoff=0.5)
        close += sorted((label for label in labels if key and (key in label or label in key)), key=len)
        return list(dict.fromkeys(close))[:n]


def scheme_path() -> Path:
    """Path of ``indicators.ttl``, beside the ontology."""
    return ontology_dir() / "indicators.ttl"


def _zh(graph: rdflib.Graph, node: rdflib.term.Node, prop: rdflib.URIRef, lang: str = "zh") -> list[str]:
    return sorted(
        str(o) for o in graph.objects(node, prop) if isinstance(o, rdflib.Literal) and o.language == lang
    )


def _dimension(graph: rdflib.Graph, node: rdflib.term.Node) -> UnitDimension:
    factors = []
    for pair in graph.objects(node, LG.unitFactor):
        unit = graph.value(pair, LG.unit)
        factor = graph.value(pair, LG.factor)
        if unit is not None and factor is not None:
            factors.append((str(unit), Decimal(str(factor))))
    labels = _zh(graph, node, SKOS.prefLabel)
    base = graph.value(node, LG.baseUnit)
    if base is None:
        raise ValueError(f"{scheme_path()}: unit dimension {node} has no lg:baseUnit")
    return UnitDimension(str(node), labels[0] if labels else "", str(base), tuple(sorted(factors)))


@lru_cache(maxsize=4)
def load_scheme(path: str | None = None) -> IndicatorScheme:
    """Read the scheme (``ontology/indicators.ttl``, or ``path``), once per process and path."""
    source = Path(path) if path is not None else scheme_path()
    graph = rdflib.Graph()
    graph.parse(source, format="turtle")
    dimensions: dict[rdflib.term.Node, UnitDimension] = {}
    concepts = []
    for node in graph.subjects(RDF.type, LG.IndicatorConcept):
        dim_node = graph.value(node, LG.unitDimension)
        kind = graph.value(node, LG.defaultKind)
        notation = graph.value(node, SKOS.notation)
        labels = _zh(graph, node, SKOS.prefLabel)
        if dim_node is None or kind is None or notation is None or len(labels) != 1:
            raise ValueError(
                f"{source}: concept {node} needs one prefLabel@zh, a notation, a unit "
                "dimension and a default kind"
            )
        if dim_node not in dimensions:
            dimensions[dim_node] = _dimension(graph, dim_node)
        kind_name = str(kind).removeprefix(str(KIND))
        if kind_name not in KINDS:
            raise ValueError(f"{source}: concept {node} has an unknown default kind {kind}")
        english = _zh(graph, node, SKOS.prefLabel, "en")
        concepts.append(
            IndicatorConcept(
                iri=str(node),
                notation=str(notation),
                label=labels[0],
                label_en=english[0] if english else str(notation),
                alt_labels=tuple(_zh(graph, node, SKOS.altLabel)),
                dimension=dimensions[dim_node],
                default_kind=kind_name,
                sources=tuple(sorted(str(s) for s in graph.objects(node, DCTERMS.source))),
            )
        )
    concepts.sort(key=lambda c: c.notation)
    return IndicatorScheme(tuple(concepts))
