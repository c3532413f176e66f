"""Text of a legacy Word report (.doc, Word 97–2003, and WPS Writer files of the same binary format).

Read with wps2md, a small pure-Python reader of the OLE2 Word binary format (offline, no LibreOffice):
the main text's paragraphs in order, without page headers, footers, footnotes and comments; the cells of a
table row are joined by a space, as for .docx and HTML. Files it cannot read (Word 6/95, encrypted,
damaged) get a one-line error that says how to convert them:
``libreoffice --headless --convert-to docx FILE.doc``.
"""

from __future__ import annotations

from pathlib import Path

from lawgraph.errors import InputError

__all__ = ["doc_text", "CONVERT_HINT"]

CONVERT_HINT = "convert it with `libreoffice --headless --convert-to docx FILE.doc` and read the .docx"


def doc_text(data: bytes, *, where: str | Path | None = None) -> str:
    """The text of a .doc report, one paragraph or table row a line.

    Raises
    ------
    InputError
        The file is not a Word 97–2003 document wps2md can read, or has no text.
    """
    try:
        from wps2md import WpsParseError, parse
    except ImportError:  # pragma: no cover - a declared dependency; only a broken install lacks it
        raise InputError(where, f"reading .doc needs wps2md (pip install wps2md); or {CONVERT_HINT}") \
            from None
    try:
        document = parse(bytes(data))
    except (WpsParseError, OSError, ValueError, KeyError, IndexError) as err:
        detail = " ".join(str(err).split()) or type(err).__name__
        raise InputError(where, f"cannot read this .doc ({detail}); {CONVERT_HINT}") from None
    lines: list[str] = []
    row: list[str] = []
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        if paragraph.in_table:
            if text:
                row.append(text)
            if paragraph.is_row_end:
                lines.append(" ".join(row))
                row = []
            continue
        if row:
            lines.append(" ".join(row))
            row = []
        lines.append(text)
    if row:
        lines.append(" ".join(row))
    text = "\n".join(line for line in lines if line)
    if not text:
        raise InputError(where, "the Word document has no text")
    return text
