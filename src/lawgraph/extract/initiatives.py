"""The ``lawgraph_initiatives`` component: campaigns, reforms and mechanisms a report names.

Initiatives are named two ways (words in ``extract/data/initiatives.json``):

- **A quoted name** followed by an initiative noun, with up to six characters between
  (“放管服”改革, “兰剑突击”治安大清查行动, “五社”联动机制, “法治体检”活动), or a quoted name that ends with
  one itself (“枫桥经验”, “某某模式”; a quoted “…工程” is a programme, a document). Once a quoted name is
  an initiative, its other quoted mentions in the Doc are too (民营企业“法治体检”常态化).
- **A name ending with a campaign suffix**: …专项行动, …专项整治(行动), …三年行动, …提升行动,
  …体制改革 … The name starts after the last clause boundary (开展, 落实, a comma …).

Slogans are not initiatives: a quoted run of numbers and one-character words (“三新一高”, “两个确立”,
“四强”, “十四五”) is skipped even before a noun, and so are congresses (党的二十大), which carry no
initiative noun. ``kb_id_`` is the name as a reader cites it, quotes included (“放管服”改革).

Examples
--------
>>> [is_slogan(name) for name in ("三新一高", "两个确立", "四强", "放管服", "枫桥经验")]
[True, True, True, False, False]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from lawgraph.extract.component import LexiconComponent
from lawgraph.extract.data import Lexicon
from lawgraph.extract.documents import clause_start, doc_text
from lawgraph.extract.extensions import (
    entity_span,
    entity_spans_key,
    register_extensions,
    set_entity_spans,
    set_span_attrs,
    span_attrs,
)
from lawgraph.extract.tokens import token_starts

__all__ = ["InitiativeMatch", "InitiativeFinder", "InitiativeRecognizer", "is_slogan", "make_initiatives"]

_CJK = "\u4e00-\u9fff"
_NUM = "一二三四五六七八九十百千两零0-9"
# “两个确立”, “四个意识”, “三新一高”, “一核三带”, “四强”, “十四五”, “1+1+9”: numbers with one-character words.
_SLOGAN = re.compile(
    rf"^(?:[{_NUM}+＋]+(?:个|大|项|条|种)?[{_CJK}]?)+(?:[{_CJK}]{{1,2}})?$|^[{_NUM}+＋]+[{_CJK}]{{0,2}}$"
)

_COUNTED = re.compile(rf"^[{_NUM}]+(?:[余多]?[项个类批次场大]|$)")
"""A name that opens with a count names a set of campaigns, not one (22项专项执法行动, 十大专项整治行动,
百余项改革试点)."""


def is_slogan(name: str) -> bool:
    """Whether a quoted name is a numbered slogan rather than a named campaign."""
    core = name.strip("“”\"")
    if not re.match(f"[{_NUM}]", core):
        return False
    return bool(_SLOGAN.match(core)) and len(core) <= 6


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class InitiativeMatch:
    """One initiative mention: ``text[begin:end]`` and its key (the name as cited)."""

    begin: int
    end: int
    key: str


class InitiativeFinder:
    """Compiled initiative rules, from the parsed ``initiatives.json``."""

    def __init__(self, data: dict[str, Any]) -> None:
        nouns = _alternation(data["quoted_nouns"])
        stops = _alternation(data["quoted_modifier_stop"])
        self._quoted = re.compile(
            rf"“([^“”\n]{{1,30}})”((?:(?!{stops})[{_CJK}]){{0,6}}?)(?:{nouns})(?![{_CJK}]?[员人者费性])"
        )
        inner = _alternation(data["quoted_inner_suffixes"])
        self._quoted_inner = re.compile(rf"“([^“”\n]{{2,12}}(?:{inner}))”")
        self._any_quoted = re.compile(r"“([^“”\n]{1,30})”")
        self._suffix = re.compile(_alternation(data["suffixes"]))  # one suffix: (…)+ scans 10× slower
        self._boundary = re.compile(
            # boundary words in a row are one (全面|完成 read as one word 全面完成)
            rf"(?P<p>[^{_CJK}0-9A-Za-z“”]|[{data['boundary_chars']}])|(?:{_alternation(data['boundary_words'])})+"
        )
        self.generic = frozenset(data["generic_names"])

    def find(self, doc: Doc) -> list[InitiativeMatch]:
        """Every initiative mention in ``doc``, in text order; what a document mention covers is none."""
        text = doc_text(doc)
        starts = token_starts(doc, len(text))  # token starts and the text's end, built once per Doc
        found: list[InitiativeMatch] = []
        taken: list[tuple[int, int]] = _document_ranges(doc)
        names: dict[str, str] = {}

        def free(b: int, e: int) -> bool:
            return not any(b < te and tb < e for tb, te in taken)

        def add(b: int, e: int, key: str) -> None:
            found.append(InitiativeMatch(b, e, key))
            taken.append((b, e))

        for m in self._quoted.finditer(text):
            if is_slogan(m.group(1)) or not free(m.start(), m.end()):
                continue
            add(m.start(), m.end(), m.group())
            names.setdefault(m.group(1), m.group())
        for m in self._quoted_inner.finditer(text):
            if free(m.start(), m.end()) and not is_slogan(m.group(1)):
                key = names.setdefault(m.group(1), m.group())
                add(m.start(), m.end(), key)
        covered = 0
        for m in self._suffix.finditer(text):
            head, end = m.start(), m.end()
            if head < covered:
                continue
            while (more := self._suffix.match(text, end)) is not None:
                end = more.end()  # 专项整治三年行动: suffixes in a row are one
            covered = end
            if not free(head, end):
                continue
            begin = clause_start(text, head, boundary=self._boundary, starts=starts, window=20)
            name = text[begin:head]
            if len(name) < 2 or name in self.generic or "“" in name or "”" in name or _COUNTED.match(name):
                continue
            add(begin, end, text[begin:end])
        # Other quoted mentions of a quoted name already known as an initiative.
        for m in self._any_quoted.finditer(text):
            known = names.get(m.group(1))
            if known is not None and free(m.start(), m.end()):
                add(m.start(), m.end(), known)
        found.sort(key=lambda x: x.begin)
        return found


def _document_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Where the Doc's document mentions are (“信号升格”行动 is a programme document, not an initiative)."""
    key = entity_spans_key(doc, "document")
    if key not in doc.spans:
        return []
    ranges = []
    for span in doc.spans[key]:
        exact = span_attrs(doc, "document", span).exact
        ranges.append(exact or (span.start_char, span.end_char))
    return ranges


class InitiativeRecognizer(LexiconComponent):
    """Writes the initiative mentions to ``doc.spans[spans_key]`` (see the module docstring)."""

    files = ("initiatives.json",)

    def __init__(
        self,
        name: str = "lawgraph_initiatives",
        *,
        spans_key: str = "initiative",
        lexicon: Lexicon | None = None,
    ) -> None:
        self.spans_key = spans_key
        super().__init__(name, lexicon=lexicon)

    def build(self, lexicon: Lexicon) -> None:
        """Compile the rules of ``initiatives.json``."""
        self.finder = InitiativeFinder(lexicon.json("initiatives.json"))

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        spans = []
        for match in self.finder.find(doc):
            found = entity_span(doc, match.begin, match.end, label="Initiative", kb_id=match.key)
            if found is None:
                continue
            span, exact = found
            if exact is not None:
                set_span_attrs(doc, "initiative", span, exact=exact)
            spans.append(span)
        set_entity_spans(doc, "initiative", spans, spans_key=self.spans_key)
        return doc


@Language.factory("lawgraph_initiatives", assigns=["doc.spans"], default_config={"spans_key": "initiative"})
def make_initiatives(nlp: Language, name: str, *, spans_key: str) -> InitiativeRecognizer:
    """Build the ``lawgraph_initiatives`` component."""
    register_extensions()
    return InitiativeRecognizer(name, spans_key=spans_key)
