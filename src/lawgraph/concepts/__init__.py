"""Indicator concepts: the SKOS scheme of indicators reports state again and again, and the link from an
observation to its concept.

- :mod:`lawgraph.concepts.scheme` loads ``ontology/indicators.ttl`` (concepts, synonyms, unit dimensions);
- :mod:`lawgraph.concepts.match` reads which concept an observation measures, and as what kind of value.
"""

from __future__ import annotations

from lawgraph.concepts.match import ConceptMatch, ConceptMatcher, default_matcher
from lawgraph.concepts.scheme import (
    KINDS,
    IndicatorConcept,
    IndicatorScheme,
    UnitDimension,
    load_scheme,
    scheme_path,
)

__all__ = [
    "KINDS",
    "ConceptMatch",
    "ConceptMatcher",
    "IndicatorConcept",
    "IndicatorScheme",
    "UnitDimension",
    "default_matcher",
    "load_scheme",
    "scheme_path",
]
