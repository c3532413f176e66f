"""The action verbs: their types and the conditions a type needs (``data/action_verbs.tsv``).

Each line of ``action_verbs.tsv`` is ``VERB<TAB>TYPE[<TAB>CONDITION[<TAB>FALLBACK]]``. TYPE is a concept of
the action-type scheme (:data:`ACTION_TYPES`) or :data:`NOT_AN_ACTION` for a word that never makes an
action but ends what a number counts (the indicator finder reads every verb). :class:`ActionVerbs` holds the
verbs with the pattern that finds them and the words around them (``action_words.tsv``,
:class:`~lawgraph.extract.clauses.ClauseWords`).

Examples
--------
>>> verbs = load_verbs()
>>> verbs["印发"], verbs["培育"], verbs["新增"]
('issue', 'train', '-')
>>> parse_conditions(["培育\\ttrain\\tpeople", "创建\\taward\\ttitle\\testablish"])
{'培育': ('people', 'other'), '创建': ('title', 'establish')}
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lawgraph.extract.clauses import ClauseWords, parse_words
from lawgraph.extract.data import Lexicon, package_text, parse_lines
from lawgraph.extract.numbers import trie_pattern

__all__ = [
    "ACTION_TYPES",
    "NOT_AN_ACTION",
    "ActionVerbs",
    "load_verbs",
    "parse_conditions",
    "parse_verbs",
]

ACTION_TYPES: tuple[str, ...] = (
    "establish",
    "issue",
    "sign",
    "cooperate",
    "organize",
    "train",
    "appoint",
    "handle_cases",
    "review",
    "entrust",
    "award",
    "discipline",
    "invite",
    "report",
    "other",
)
"""Local names of the action-type concepts (``act:<type>`` in the ontology)."""

NOT_AN_ACTION = "-"
"""The type in ``action_verbs.tsv`` of a verb that never makes an action (持续, 新增, 根据): it is listed for
the indicator finder, where it ends what a number counts."""


def parse_verbs(lines: Iterable[str]) -> dict[str, str]:
    """``{verb: type}`` from the lines of ``action_verbs.tsv`` (``VERB<TAB>TYPE…``; ``other`` when missing).

    The first line of a verb wins. A verb of type :data:`NOT_AN_ACTION` is listed too (the indicator
    finder reads every verb); a type outside :data:`ACTION_TYPES` and ``-`` is an error of the file.
    """
    verbs: dict[str, str] = {}
    for line in lines:
        verb, kind, _ = _cells(line)
        verbs.setdefault(verb, kind)
    return verbs


def parse_conditions(lines: Iterable[str]) -> dict[str, tuple[str, str]]:
    """``{verb: (condition, fallback type)}`` for the verbs whose type needs a condition on their clause."""
    out: dict[str, tuple[str, str]] = {}
    for line in lines:
        verb, _, condition = _cells(line)
        if condition is not None:
            out.setdefault(verb, condition)
    return out


def _cells(line: str) -> tuple[str, str, tuple[str, str] | None]:
    cells = [c.strip() for c in line.split("\t")]
    verb = cells[0]
    kind = cells[1] if len(cells) > 1 and cells[1] else "other"
    if kind not in ACTION_TYPES and kind != NOT_AN_ACTION:
        raise ValueError(f"action_verbs.tsv: unknown action type {kind!r} for {verb!r}")
    if len(cells) > 2 and cells[2]:
        fallback = cells[3] if len(cells) > 3 and cells[3] else "other"
        if fallback not in ACTION_TYPES:
            raise ValueError(f"action_verbs.tsv: unknown fallback type {fallback!r} for {verb!r}")
        return verb, kind, (cells[2], fallback)
    return verb, kind, None


def load_verbs() -> dict[str, str]:
    """The action verbs of the package's ``extract/data/action_verbs.tsv``, ``{verb: type}``.

    >>> load_verbs()["印发"], load_verbs()["邀请"], load_verbs()["落实"], load_verbs()["新增"]
    ('issue', 'invite', 'other', '-')
    """
    return parse_verbs(parse_lines(package_text("action_verbs.tsv")))


@dataclass(frozen=True, slots=True)
class ActionVerbs:
    """The action verbs with their types and conditions, one pattern that finds them (a trie: see
    ``trie_pattern``), and the words around them (:class:`~lawgraph.extract.clauses.ClauseWords`)."""

    types: Mapping[str, str]
    """``{verb: action type}``, without the verbs that make no action."""
    conditions: Mapping[str, tuple[str, str]]
    """``{verb: (condition, fallback type)}``."""
    pattern: re.Pattern[str]
    words: ClauseWords

    @classmethod
    def of(
        cls,
        types: Mapping[str, str],
        conditions: Mapping[str, tuple[str, str]] | None = None,
        words: ClauseWords | None = None,
    ) -> ActionVerbs:
        """The verbs ``types`` (``{verb: type}``) with their pattern compiled."""
        acting = {verb: kind for verb, kind in types.items() if kind != NOT_AN_ACTION}
        if words is None:
            words = ClauseWords.of(parse_words(parse_lines(package_text("action_words.tsv"))))
        return cls(acting, dict(conditions or {}), re.compile(trie_pattern(acting)), words)

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> ActionVerbs:
        """The verbs and words of a component's lexicon (``action_verbs.tsv``, ``action_words.tsv``)."""
        lines = lexicon.lines("action_verbs.tsv")
        words = ClauseWords.of(parse_words(lexicon.lines("action_words.tsv")))
        return cls.of(parse_verbs(lines), parse_conditions(lines), words)
