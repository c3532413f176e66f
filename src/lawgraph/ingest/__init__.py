"""Read reports from disk into :class:`lawgraph.model.Report` objects.

The steps, one module each:

1. :mod:`~lawgraph.ingest.paths` — find report files (the extensions of :mod:`~lawgraph.ingest.formats`:
   ``.txt``, ``.html``, ``.htm``, ``.pdf``, ``.docx``, ``.doc``) in files, folders, globs;
2. :mod:`~lawgraph.ingest.decode` — bytes to text (UTF-8, GB18030/GBK, Big5), refusing binary files; or, for
   documents, :mod:`~lawgraph.ingest.pdf`, :mod:`~lawgraph.ingest.docx` and :mod:`~lawgraph.ingest.doc` —
   their text, one paragraph a line, without page headers, footers and page numbers;
3. :mod:`~lawgraph.ingest.html` — pages to text lines and ``<meta>`` fields;
4. :mod:`~lawgraph.ingest.normalize` — stable text: newlines, full-width ASCII folded, zero-width removed;
5. :mod:`~lawgraph.ingest.chrome` — page chrome and menus removed, page metadata kept;
6. :mod:`~lawgraph.ingest.cover` — title, addressee, sender, date and year of the report;
7. :mod:`~lawgraph.ingest.segment` — section hierarchy and sentences.

Examples
--------
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "demo.txt"
>>> _ = path.write_text("某县人民政府关于报送\\n《某县2023年度法治政府建设情况》的报告\\n市政府：\\n"
...                     "现将有关情况随文报送，请审阅。\\n某县人民政府\\n2024年1月8日\\n"
...                     "一、主要做法\\n（一）完善制度。我县印发《某县行政执法办法》。", encoding="gb18030")
>>> report = read_report(path)
>>> report.meta.title
'某县人民政府关于报送《某县2023年度法治政府建设情况》的报告'
>>> report.meta.issuer, report.meta.addressee, report.meta.date, report.meta.year
('某县人民政府', '市政府', datetime.date(2024, 1, 8), 2023)
>>> [(s.level, s.title) for s in report.sections]
[(1, '主要做法'), (2, '完善制度')]
>>> report.text[report.sentences[-1].begin:report.sentences[-1].end]
'我县印发《某县行政执法办法》。'
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from lawgraph.errors import InputError
from lawgraph.ingest.chrome import PageFields, strip_chrome
from lawgraph.ingest.cover import (
    CoverInfo,
    clean_page_title,
    date_of,
    issuer_from_title,
    read_cover,
    report_year,
    title_from_stem,
)
from lawgraph.ingest.decode import declared_charset, decode_bytes
from lawgraph.ingest.formats import LOCK_PREFIX, REPORT_SUFFIXES, document_reader, format_of, suffix_list
from lawgraph.ingest.html import HtmlPage, html_to_text
from lawgraph.ingest.normalize import normalize_text
from lawgraph.ingest.paths import is_report_path, iter_report_paths, read_regular_file, readable_name
from lawgraph.ingest.segment import split_sections, split_sentences
from lawgraph.model import Report, ReportMeta

__all__ = [
    "MAX_REPORT_CHARS",
    "read_report",
    "read_text",
    "report_from_text",
    "iter_report_paths",
    "is_report_path",
    "normalize_text",
    "REPORT_SUFFIXES",
]


MAX_REPORT_CHARS = 2_000_000
"""Longest report text read (after normalization), in characters; the pipeline's ``max_length`` is raised
to match (spaCy's default is 1,000,000). Measured: a 2.5M-character report built in 55 s with a peak of
2.75 GB resident (about 1.1 kB per character), so the limit keeps one report under about 2.2 GB."""

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
"""A crawler sometimes saves a page as ``.txt``; it is read as HTML all the same."""


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not a report file")
    if path.name.startswith(LOCK_PREFIX) and format_of(path):
        raise InputError(path, "a lock file Word keeps while a document is open, not a report")
    if not is_report_path(path):
        suffix = path.suffix or "(none)"
        raise InputError(path, f"unsupported extension {suffix}: expected {suffix_list()}")
    try:
        data = read_regular_file(path)  # a FIFO or device is refused, not read (it would block)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError(path, "empty file")
    return data


def read_text(path: str | Path) -> str:
    """Read a report file as text (not yet normalized), checking what can be checked.

    Text and HTML files are decoded; PDF and Word files give their text, one paragraph a line, without
    page headers, footers and page numbers (see :mod:`lawgraph.ingest.formats`).

    Raises
    ------
    InputError
        For a missing path, a folder, an unsupported extension, an empty, binary or undecodable file, or a
        document that cannot be read (a PDF without a text layer, a damaged or locked file).
    """
    path = Path(path)
    data = _read_bytes(path)
    kind = format_of(path)
    reader = document_reader(kind) if kind else None
    if reader is not None:
        return reader(data, where=path)
    declared = declared_charset(data) if kind == "html" else None
    return decode_bytes(data, where=path, declared=declared)


def report_from_text(raw: str, *, name: str, html: bool = False, url: str | None = None) -> Report:
    """Build a :class:`~lawgraph.model.Report` from decoded text (or HTML when ``html``).

    Parameters
    ----------
    raw : str
        The decoded file content.
    name : str, keyword-only
        The file name; its stem is the title of last resort.
    html : bool, keyword-only
        Whether ``raw`` is an HTML page.
    url : str, keyword-only
        Where the page came from, when known.

    Returns
    -------
    Report
    """
    page = html_to_text(raw) if html else HtmlPage(text=raw)
    text, fields = strip_chrome(normalize_text(page.text))
    cover = read_cover(text)
    sections = split_sections(text, begin=cover.body_begin)
    return Report(
        name=name,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        meta=_meta(text, fields, cover, page, name=name, url=url),
        sections=sections,
        sentences=split_sentences(text, sections),
        body_begin=cover.body_begin,
    )


def _norm(value: str | None) -> str | None:
    return (normalize_text(value) or None) if value else None


def _meta(
    text: str, fields: PageFields, cover: CoverInfo, page: HtmlPage, *, name: str, url: str | None
) -> ReportMeta:
    """Merge what the cover letter, the page chrome and the HTML head say, in that order of trust."""
    title = (
        cover.title
        or _norm(fields.title)
        or clean_page_title(_norm(page.title))
        or title_from_stem(normalize_text(Path(name).stem))
    )
    published = date_of(fields.published) or date_of(_norm(page.published))
    date = cover.date or date_of(fields.date) or published
    source = _norm(fields.source) or _norm(page.source)
    issuer = cover.sender or cover.speaker or _norm(fields.issuer) or issuer_from_title(title) or source
    return ReportMeta(
        title=title,
        issuer=issuer,
        addressee=cover.addressee,
        date=date,
        published=published,
        source=source,
        url=url or page.url,
        publisher=_norm(fields.publisher) or _norm(page.publisher),
        year=report_year(title, text, date, name=Path(name).stem),
    )


def read_report(path: str | Path) -> Report:
    """Read one report file.

    Parameters
    ----------
    path : str or Path
        A ``.txt``, ``.html`` or ``.htm`` file in UTF-8, GB18030/GBK or Big5 (a ``.txt`` file that holds
        an HTML page, starting with ``<!DOCTYPE html>`` or ``<html>``, is read as HTML), or a ``.pdf``,
        ``.docx`` or ``.doc`` document.

    Returns
    -------
    Report
        Normalized text without page chrome, its metadata, sections and sentences.

    Raises
    ------
    InputError
        For a missing path, a folder, a FIFO or device, an unsupported extension, an empty (or white-space
        only), binary or undecodable file, a document that cannot be read, or a text longer than
        :data:`MAX_REPORT_CHARS`.
    """
    path = Path(path)
    raw = read_text(path)
    kind = format_of(path)
    html = kind == "html" or (kind == "text" and _HTML_START.match(raw) is not None)
    if not normalize_text(raw).strip():  # only white space: U+3000, a BOM, zero-width marks …
        raise InputError(path, "empty file (only white space)")
    report = report_from_text(raw, name=readable_name(path), html=html)
    if len(report.text) > MAX_REPORT_CHARS:
        raise InputError(path, f"the report has {len(report.text):,} characters; lawgraph reads reports "
                               f"of up to {MAX_REPORT_CHARS:,} (split it into parts)")
    return report
