"""What the place finders return: one mention of a place, with its class, canonical name and parent.

The division finder (:mod:`lawgraph.extract.places`), the zone grammar (:mod:`lawgraph.extract.zones`) and the
region lexicon (:mod:`lawgraph.extract.regions`) each return :class:`PlaceMatch` objects; the component
merges them and writes one span per match.

``cls`` is a lawgraph place class (Province … Village, NewArea, Park) for divisions and zones, which the
graph types ``schema:AdministrativeArea``; ``Place`` for any other named place (a region, a country, a
heritage site, a science city), which the graph types ``schema:Place`` only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["OTHER_PLACE", "PlaceMatch", "alternation"]

OTHER_PLACE = "Place"
"""The class of a named place that is neither a division nor a zone (typed ``schema:Place`` only)."""


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """One place mention: ``text[begin:end]``, its class, canonical name, parent and code."""

    begin: int
    end: int
    cls: str
    key: str
    parent: str | None = None
    code: str | None = None


def alternation(words: list[str] | set[str] | tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first, escaped.

    >>> alternation(["区", "新区"])
    '新区|区'
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
