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

__all__ = ["OTHER_PLACE", "PlaceMatch", "alternation", "word_rx"]

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


def word_rx(words: list[str] | set[str] | tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding ``words`` (longest first) that skips, by their first characters, the positions where
    none starts: Python's ``re`` tries every alternative at every position otherwise (hundreds of names).

    >>> [m.group() for m in word_rx(["东盟", "中东", "中东欧"]).finditer("对东盟、中东欧出口")]
    ['东盟', '中东欧']
    """
    firsts = "".join(sorted({re.escape(w[0]) for w in words if w}))
    return re.compile(f"(?=[{firsts}])(?:{alternation(words)})")
