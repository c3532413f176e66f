"""Text of a Word report (.docx): the body's paragraphs and tables in document order, via python-docx.

Page headers and footers (and the page numbers in them) live in their own parts of the file and are left
out; so are comments and footnotes. Each paragraph becomes a line; each table row becomes a line with its
cells separated by a space (a merged cell counted once), as the rows of an HTML table are read. Content
controls (``w:sdt``, such as a cover page block) are read through. A field shows its result, not its code.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

from lawgraph.errors import InputError

__all__ = ["docx_text", "docx_lines"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _blocks(element: Any, parent: Any) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == f"{_W}p":
            yield Paragraph(child, parent).text
        elif child.tag == f"{_W}tbl":
            yield from _table_rows(Table(child, parent))
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content, parent)


def _table_rows(table: Any) -> Iterator[str]:
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column it spans
                continue
            seen.add(id(cell._tc))
            text = " ".join(" ".join(_blocks(cell._tc, cell)).split())
            if text:
                cells.append(text)
        yield " ".join(cells)


def docx_lines(data: bytes, *, where: str | Path | None = None) -> list[str]:
    """The paragraphs and table rows of a .docx body, in order (empty ones included).

    Raises
    ------
    InputError
        The bytes are not a readable .docx (for example a .doc renamed, or a password-protected file).
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        zipped = zipfile.is_zipfile(BytesIO(data))
        hint = "" if zipped else " (a password-protected file, or a .doc renamed?)"
        raise InputError(where, f"not a readable .docx file{hint}: {' '.join(str(err).split())}") from None
    body = document.element.body
    return list(_blocks(body, document._body))


def docx_text(data: bytes, *, where: str | Path | None = None) -> str:
    """The text of a .docx report, one paragraph or table row a line.

    Raises
    ------
    InputError
        Not a readable .docx, or one without any text.
    """
    text = "\n".join(line for line in docx_lines(data, where=where) if line.strip())
    if not text:
        raise InputError(where, "the Word document has no text")
    return text
