"""The words a document's name is read with (``name_grammar`` of ``documents.json``), and the text's tokens.

:class:`NameWords` holds the word classes of :mod:`lawgraph.extract.doc_names`: the heads (the last noun
that makes a name a document, a programme, or something else), the verbs around a name (those that take a
document, those that may open a title, those whose object is no document), and the words that are no part
of a name. :class:`TextTokens` is a text with the segmenter's token boundaries.

Examples
--------
>>> words = NameWords.from_package()
>>> [words.verb_kind(w) for w in ("深入实施", "实施好", "优化", "清理", "持续", "营商")]
['issuing', 'issuing', 'opening', 'clearing', 'adverb', None]
>>> is_numbered("双百工程"), is_numbered("登峰计划")
(True, False)
>>> is_count("十大工程", ("工程",)), is_count("千万工程", ("工程",))
(True, False)
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from lawgraph.extract.data import package_text

__all__ = ["NUM", "NameWords", "TextTokens", "alternation", "is_count", "is_numbered"]

NUM = "一二三四五六七八九十百千万亿两双0-9０-９"
"""Characters that write a number (双 and 两 included: “双百工程”, “两新”)."""


def is_numbered(name: str) -> bool:
    """Whether a quoted name is a numbered short name (“双百工程”, “1+1+9”, “民营经济32条”), which needs its
    field to say which programme it is."""
    return bool(name) and (name[0] in NUM or bool(re.search(r"[0-9+＋]", name)))


def is_count(name: str, heads: Sequence[str]) -> bool:
    """Whether ``name`` only counts programmes of a kind (十大工程, 八项工程, 五大行动)."""
    return any(re.fullmatch(rf"[{NUM}]+[大项个条类]{re.escape(head)}", name) for head in heads)


def alternation(words: Sequence[str]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class TextTokens:
    """A text with its token boundaries (sorted starts and ends, and the set of both and the text's end)."""

    text: str
    starts: Sequence[int]
    ends: Sequence[int]
    edges: frozenset[int]

    @classmethod
    def of(cls, text: str, starts: Sequence[int], ends: Sequence[int]) -> TextTokens:
        """The tokens of ``text`` from their start and end offsets."""
        return cls(text, starts, ends, frozenset(starts) | frozenset(ends) | {len(text)})

    def words(self, begin: int, end: int) -> list[tuple[int, int]]:
        """The tokens that lie wholly inside ``[begin, end)``, as ``(start, end)``."""
        i = bisect.bisect_left(self.starts, begin)
        out = []
        while i < len(self.starts) and self.ends[i] <= end:
            out.append((self.starts[i], self.ends[i]))
            i += 1
        return out

    def word_start(self, pos: int) -> int:
        """Where the token that holds ``pos`` starts (``pos`` itself when no token holds it)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.starts[i] if i >= 0 and self.ends[i] > pos else pos

    def is_word(self, begin: int, end: int) -> bool:
        """Whether ``text[begin:end]`` starts and ends on token boundaries."""
        return begin in self.edges and end in self.edges


@dataclass(frozen=True)
class NameWords:
    """The word classes of the name grammar; each field is a list of ``name_grammar`` in ``documents.json``,
    whose comments say what it holds."""

    document_heads: tuple[str, ...]
    quoted_heads: tuple[str, ...]
    other_heads: tuple[str, ...]
    named_heads: tuple[str, ...]
    sized_heads: tuple[str, ...]
    de_heads: tuple[str, ...]
    about_heads: tuple[str, ...]
    body_rule_heads: tuple[str, ...]
    min_length: dict[str, int]
    five_year_plans: dict[str, str]
    five_year_plan_followers: tuple[str, ...]
    issuing_verbs: frozenset[str]
    clause_verbs: frozenset[str]
    opening_verbs: frozenset[str]
    clearing_verbs: frozenset[str]
    adverbs: frozenset[str]
    verb_complements: frozenset[str]
    construction_verbs: tuple[str, ...]
    conjunctions: frozenset[str]
    break_words: frozenset[str]
    function_words: frozenset[str]
    prepositions: frozenset[str]
    lead_words: frozenset[str]
    quoted_lead_words: frozenset[str]
    designation_words: tuple[str, ...]
    words_ending_in_deng: frozenset[str]
    generic_words: frozenset[str]
    name_blockers: tuple[str, ...]
    head_not_before: tuple[str, ...]
    not_document_compounds: tuple[str, ...]
    head_compounds: tuple[str, ...]
    run_joints: frozenset[str]
    window: int
    _kinds: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NameWords:
        """The word classes of a parsed ``name_grammar`` object."""
        fields: dict[str, Any] = {}
        for name, kind in cls.__annotations__.items():
            if name.startswith("_"):
                continue
            value = data[name]
            if kind.startswith("frozenset"):
                value = frozenset(value)
            elif kind.startswith("tuple"):
                value = tuple(value)
            fields[name] = value
        return cls(**fields)

    @classmethod
    def from_package(cls) -> NameWords:
        """The word classes of the package's ``documents.json``."""
        return cls.from_json(json.loads(package_text("documents.json"))["name_grammar"])

    @cached_property
    def verbs(self) -> frozenset[str]:
        """Every verb and adverb the grammar knows."""
        return (
            self.issuing_verbs | self.clause_verbs | self.opening_verbs | self.clearing_verbs | self.adverbs
        )

    def verb_kind(self, word: str) -> str | None:
        """``issuing``, ``clearing``, ``clause``, ``opening`` or ``adverb`` for a verb group, else ``None``:
        深入实施 and 实施好 are 实施, 采取有效 is 采取."""
        if word not in self._kinds:
            self._kinds[word] = self._verb_kind(word)
        return self._kinds[word]

    def _verb_kind(self, word: str) -> str | None:
        stems = [word]
        for n in (2, 1):
            if word[:n] in self.adverbs:
                stems.append(word[n:])
        if word[-1:] in self.verb_complements:
            stems.append(word[:-1])
        classes = (
            ("clearing", self.clearing_verbs),
            ("issuing", self.issuing_verbs),
            ("clause", self.clause_verbs),
            ("opening", self.opening_verbs),
        )
        for stem in stems:
            for kind, words in classes:
                if stem in words:
                    return kind
        if len(word) == 4 and (word[2:] in self.adverbs or word[2:] in self.generic_words):
            head = self.verb_kind(word[:2])
            if head in ("issuing", "clearing"):
                return head
        return "adverb" if word in self.adverbs else None
