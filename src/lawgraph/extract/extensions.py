"""The ``Doc._`` extensions and the per-kind span attributes lawgraph's components write (``docs/DESIGN.md``).

:func:`register_extensions` is idempotent: calling it twice, or after another module registered the same
names, changes nothing. :func:`lawgraph.extract.pipeline.make_nlp` calls it, so user code rarely needs to.

Span attributes (exact offsets, parent, code, document type, version) are not ``Span._`` extensions:
spaCy keys a span's extension values by its character offsets only, so a ``document`` span and an
``initiative`` span on the same offsets would share them (the last component to write wins). Each
component records them instead with :func:`set_span_attrs` in one Doc-level table keyed by
``(kind, start_char, end_char, kb_id)``, and readers use :func:`span_attrs`.

Examples
--------
>>> import spacy
>>> doc = spacy.blank("zh").make_doc("甲乙丙丁")
>>> span = doc.char_span(0, 4, kb_id="甲乙丙丁")
>>> set_span_attrs(doc, "document", span, doc_type="计划")
>>> set_span_attrs(doc, "initiative", span, exact=(0, 3))
>>> span_attrs(doc, "document", span)
SpanAttrs(exact=None, parent=None, code=None, doc_type='计划', version=None)
>>> span_attrs(doc, "initiative", span).exact
(0, 3)
>>> span_attrs(doc, "place", span) == SpanAttrs()
True
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Span

from lawgraph.model import ENTITY_KINDS

__all__ = [
    "DOC_EXTENSIONS",
    "EntityRef",
    "doc_entities",
    "release_entity_refs",
    "SPAN_ATTRS_KEY",
    "SPAN_KEYS",
    "entity_span",
    "entity_spans_key",
    "set_entity_spans",
    "NO_ATTRS",
    "SpanAttrs",
    "iter_entity_spans",
    "register_extensions",
    "set_span_attrs",
    "span_attrs",
    "span_attrs_table",
]

DOC_EXTENSIONS: tuple[str, ...] = ("report", "lg_context", "lg_actions", "lg_indicators")
"""``doc._.report`` (the :class:`~lawgraph.model.Report`), ``lg_context`` (the
:class:`~lawgraph.model.ReportContext`), ``lg_actions`` and ``lg_indicators`` (lists of
:class:`~lawgraph.model.Action` / :class:`~lawgraph.model.Indicator`). All default to ``None``."""

_ENTITY_REFS_KEY = "lawgraph.entity_refs"

SPAN_KEYS = "lawgraph.span_keys"
"""The ``doc.user_data`` key of ``{kind: spans key}``, for kinds whose spans are not under their own name."""

SPAN_ATTRS_KEY = "lawgraph.span_attrs"
"""The ``doc.user_data`` key of the table ``{(kind, start_char, end_char, kb_id): SpanAttrs}``."""


class SpanAttrs(NamedTuple):
    """The attributes of one entity span of one kind (all ``None`` when not known).

    Attributes
    ----------
    exact : (int, int) or None
        Character offsets of the mention when they are not token-aligned (the span was expanded to
        tokens); ``None`` when ``span.start_char`` / ``span.end_char`` are exact.
    parent : str or None
        Canonical name of the parent (the body a unit belongs to, the area a place lies in).
    code : str or None
        GB/T 2260 division code of a place.
    doc_type : str or None
        Document type read from a title's end (条例, 办法 …).
    version : str or None
        Document version (试行, 修订 …).
    """

    exact: tuple[int, int] | None = None
    parent: str | None = None
    code: str | None = None
    doc_type: str | None = None
    version: str | None = None


NO_ATTRS = SpanAttrs()
"""What :func:`span_attrs` returns for a span nothing was recorded for."""


def register_extensions() -> None:
    """Register every lawgraph extension on :class:`~spacy.tokens.Doc`.

    Defaults are ``None`` (never a shared mutable object); components assign fresh values per Doc.
    """
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def set_entity_spans(doc: Doc, kind: str, spans: list[Span], *, spans_key: str | None = None) -> None:
    """Write the mentions of ``kind`` to ``doc.spans[spans_key]`` (default: the kind); record where they are.

    Readers find them with :func:`entity_spans_key`, so a component's ``spans_key`` option reaches the
    action component and :func:`lawgraph.extract.facts.doc_to_facts`.
    """
    key = spans_key or kind
    doc.spans[key] = spans
    keys = doc.user_data.get(SPAN_KEYS)
    if key != kind:
        if keys is None:
            keys = doc.user_data[SPAN_KEYS] = {}
        keys[kind] = key
    elif keys:
        keys.pop(kind, None)


def entity_span(
    doc: Doc, begin: int, end: int, *, label: str, kb_id: str
) -> tuple[Span, tuple[int, int] | None] | None:
    """The span of a mention at ``text[begin:end]``, expanded to whole tokens, and its exact offsets when
    the expansion moved them (``None`` when the span's offsets are exact); ``None`` when no span fits."""
    span = doc.char_span(begin, end, label=label, kb_id=kb_id, alignment_mode="expand")
    if span is None:
        return None
    return span, ((begin, end) if (span.start_char, span.end_char) != (begin, end) else None)


def entity_spans_key(doc: Doc, kind: str) -> str:
    """Where the mentions of ``kind`` are: the key of ``doc.spans`` a component wrote them to."""
    keys = doc.user_data.get(SPAN_KEYS)
    if not keys:
        return kind
    return str(keys.get(kind, kind))


def span_attrs_table(doc: Doc) -> dict[tuple[str, int, int, str], SpanAttrs]:
    """The Doc's table of span attributes (created empty on first use); fast readers index it directly
    with ``(kind, span.start_char, span.end_char, span.kb_id_)``."""
    table = doc.user_data.get(SPAN_ATTRS_KEY)
    if table is None:
        table = doc.user_data[SPAN_ATTRS_KEY] = {}
    return table


def set_span_attrs(
    doc: Doc,
    kind: str,
    span: Span,
    *,
    exact: tuple[int, int] | None = None,
    parent: str | None = None,
    code: str | None = None,
    doc_type: str | None = None,
    version: str | None = None,
) -> None:
    """Record the attributes of ``span`` as a mention of ``kind`` (replacing what was recorded for it).

    Parameters
    ----------
    doc : Doc
        The Doc the span belongs to.
    kind : str
        One of :data:`lawgraph.model.ENTITY_KINDS` (the span group).
    span : Span
        The span, with its ``kb_id_`` set: two mentions of different entities expanded to the same
        tokens (中共中央国务院 is one token) keep their own attributes.
    exact, parent, code, doc_type, version
        See :class:`SpanAttrs`; pass ``exact`` only when it differs from the span's offsets.
    """
    span_attrs_table(doc)[(kind, span.start_char, span.end_char, span.kb_id_)] = SpanAttrs(
        exact, parent, code, doc_type, version
    )


def span_attrs(doc: Doc, kind: str, span: Span) -> SpanAttrs:
    """The attributes recorded for ``span`` as a mention of ``kind`` (:data:`NO_ATTRS` when none)."""
    table = doc.user_data.get(SPAN_ATTRS_KEY)
    if not table:
        return NO_ATTRS
    return table.get((kind, span.start_char, span.end_char, span.kb_id_), NO_ATTRS)  # type: ignore[no-any-return]


def iter_entity_spans(doc: Doc) -> Iterator[tuple[str, Span, SpanAttrs, int, int]]:
    """Every entity mention of ``doc``: ``(kind, span, attrs, begin, end)``, kind by kind.

    ``begin``/``end`` are the exact character offsets of the mention (``attrs.exact`` when the component
    recorded them, else the span's own). The attribute table is read once, not per span.
    """
    table = doc.user_data.get(SPAN_ATTRS_KEY) or {}
    for kind in ENTITY_KINDS:
        key = entity_spans_key(doc, kind)
        if key not in doc.spans:
            continue
        for span in doc.spans[key]:
            start_char, end_char = span.start_char, span.end_char
            attrs = table.get((kind, start_char, end_char, span.kb_id_), NO_ATTRS)
            begin, end = attrs.exact or (start_char, end_char)
            yield kind, span, attrs, begin, end


@dataclass(frozen=True, slots=True)
class EntityRef:
    """An entity mention in the text: offsets, kind (``organization`` …) and key (canonical name)."""

    begin: int
    end: int
    kind: str
    key: str


def doc_entities(doc: Doc) -> list[EntityRef]:
    """The entity mentions of an annotated Doc as :class:`EntityRef` (exact offsets when known).

    The list is kept in ``doc.user_data`` while the span groups stay the same size, so the action and
    indicator components read the spans once.
    """
    keys = [entity_spans_key(doc, kind) for kind in ENTITY_KINDS]
    sizes = tuple((key, len(doc.spans[key]) if key in doc.spans else -1) for key in keys)
    cached = doc.user_data.get(_ENTITY_REFS_KEY)
    if cached is not None and cached[0] == sizes:
        return cached[1]  # type: ignore[no-any-return]
    out = [
        EntityRef(begin, end, kind, span.kb_id_ or span.text)
        for kind, span, _, begin, end in iter_entity_spans(doc)
    ]
    doc.user_data[_ENTITY_REFS_KEY] = (sizes, out)
    return out


def release_entity_refs(doc: Doc) -> None:
    """Drop the list :func:`doc_entities` kept on ``doc``."""
    doc.user_data.pop(_ENTITY_REFS_KEY, None)
