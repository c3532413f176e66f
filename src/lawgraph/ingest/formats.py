"""The report formats lawgraph reads: one table from file extension to format.

Text and HTML files are decoded (:mod:`~lawgraph.ingest.decode`); the document formats have a reader each
that turns the file's bytes into plain text, one paragraph a line, without page headers, footers and page
numbers. Whatever the format, the text then goes the same way (normalization, page chrome, cover letter,
sections, sentences), so a report gives the same facts from each.

==========  =======  ===========================================================================
extension   format   read by
==========  =======  ===========================================================================
``.txt``    text     :func:`lawgraph.ingest.decode.decode_bytes` (an HTML page saved as .txt is HTML)
``.html``   html     :func:`lawgraph.ingest.decode.decode_bytes`, then :mod:`lawgraph.ingest.html`
``.htm``    html     the same
``.pdf``    pdf      :func:`lawgraph.ingest.pdf.pdf_text` (pdfminer.six; no OCR)
``.docx``   docx     :func:`lawgraph.ingest.docx.docx_text` (python-docx)
``.doc``    doc      :func:`lawgraph.ingest.doc.doc_text` (Word 97–2003, wps2md)
==========  =======  ===========================================================================
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

__all__ = ["FORMATS", "REPORT_SUFFIXES", "HTML_SUFFIXES", "DOCUMENT_READERS", "LOCK_PREFIX", "format_of",
           "suffix_list", "document_reader"]

FORMATS = MappingProxyType({
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
})
"""Report file extensions (lower case) and the format each is read as."""

REPORT_SUFFIXES: tuple[str, ...] = tuple(FORMATS)
"""File extensions lawgraph reads as reports (compared case-insensitively)."""

HTML_SUFFIXES: tuple[str, ...] = tuple(suffix for suffix, kind in FORMATS.items() if kind == "html")
"""The extensions read as HTML pages."""

LOCK_PREFIX = "~$"
"""Word and WPS keep a small lock file ``~$name.docx`` beside a document while it is open: not a report."""

DOCUMENT_READERS = MappingProxyType({
    "pdf": "lawgraph.ingest.pdf:pdf_text",
    "docx": "lawgraph.ingest.docx:docx_text",
    "doc": "lawgraph.ingest.doc:doc_text",
})
"""The formats whose bytes a reader turns into text (``module:function``, imported when first needed)."""


def format_of(path: str | Path) -> str | None:
    """The format of a report file by its extension, or None when lawgraph does not read it.

    >>> format_of("a/b.PDF"), format_of("x.htm"), format_of("x.gold.json")
    ('pdf', 'html', None)
    """
    return FORMATS.get(Path(path).suffix.lower())


def suffix_list() -> str:
    """The report extensions for a message.

    >>> suffix_list()
    '.txt, .html, .htm, .pdf, .docx or .doc'
    """
    return ", ".join(REPORT_SUFFIXES[:-1]) + " or " + REPORT_SUFFIXES[-1]


def document_reader(kind: str) -> Callable[..., str] | None:
    """The reader of a document format (``pdf``, ``docx``, ``doc``): ``reader(data, *, where=path) -> str``;
    None for text and HTML."""
    target = DOCUMENT_READERS.get(kind)
    if target is None:
        return None
    module, name = target.split(":")
    reader: Callable[..., str] = getattr(importlib.import_module(module), name)
    return reader
