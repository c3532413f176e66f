"""The ``Doc._`` and ``Span._`` extensions lawgraph's components write (see ``docs/DESIGN.md``).

:func:`register_extensions` is idempotent: calling it twice, or after another module registered the same
names, changes nothing. :func:`lawgraph.extract.pipeline.make_nlp` calls it, so user code rarely needs to.

Examples
--------
>>> from spacy.tokens import Doc, Span
>>> register_extensions()
>>> Doc.has_extension("lg_context") and Span.has_extension("lg_parent")
True
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["DOC_EXTENSIONS", "SPAN_EXTENSIONS", "register_extensions"]

DOC_EXTENSIONS: tuple[str, ...] = ("report", "lg_context", "lg_actions", "lg_indicators")
"""``doc._.report`` (the :class:`~lawgraph.model.Report`), ``lg_context`` (the
:class:`~lawgraph.extract.context.ReportContext`), ``lg_actions`` and ``lg_indicators`` (lists of
:class:`~lawgraph.model.Action` / :class:`~lawgraph.model.Indicator`). All default to ``None``."""

SPAN_EXTENSIONS: tuple[str, ...] = ("lg_exact", "lg_parent", "lg_code", "lg_doc_type", "lg_version")
"""``span._.lg_exact`` (``(begin, end)`` when the mention is not token-aligned), ``lg_parent`` (parent's
canonical name), ``lg_code`` (GB/T 2260 code), ``lg_doc_type`` and ``lg_version``. All default to ``None``."""


def register_extensions() -> None:
    """Register every lawgraph extension on :class:`~spacy.tokens.Doc` and :class:`~spacy.tokens.Span`.

    Defaults are ``None`` (never a shared mutable object); components assign fresh values per Doc.
    """
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
