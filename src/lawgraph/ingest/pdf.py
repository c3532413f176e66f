"""Text of a PDF report: its text layer read with pdfminer.six, page chrome removed, wrapped lines joined.

Why pdfminer.six and not pypdf (figures in ``bench/RESULTS.md``): pypdf is about 4× faster, but it hands out
text in the order the file draws it, and word processors draw the “” of Chinese text (set in a Western
font) apart from the ideographs around them, so pypdf moves the quotation marks to the wrong place and
puts spaces where a font changes (``2023 年``). pdfminer gives every character with its exact position,
so this module puts each line's characters in their order on the page.

The steps:

1. **Lines.** The characters of each page, upright ones only (a diagonal watermark is dropped), are grouped
   into lines by baseline and nearness, and each line's characters are sorted left to right. Lines are
   kept in the order the page first draws them, which keeps the columns of a two-column page apart; two
   pieces of the same baseline drawn one after the other (the cells of a table row) make one line.
2. **Page chrome.** A line near the top or bottom of a page (its outer 15%) goes when it is a bare page
   number (``3``, ``- 3 -``, ``— 3 —``, ``第3页``, ``第 3 页 共 9 页``, ``3/9``) or set smaller than the
   body text (a running header or footer); so does a line that comes back at the same height on at least
   two pages, digits aside.
3. **Paragraphs.** A PDF breaks paragraphs into lines wherever the column ends; the report's sentences do
   not end there. A line continues the paragraph before it when that line runs to the right edge of its
   column (or stops short by no more than the number or Latin word this line starts with), this one
   starts at the left edge of its own (no first-line indent), and both are set in the same size. Columns
   are found from where lines start: lines that start within a few characters of one another share a left
   edge, and the rightmost end among them is that column's right edge. Across a page or a column break the
   same rule applies, so a paragraph that goes on over the page is one paragraph.

A PDF without a text layer (a scan) is refused with one line naming the file: lawgraph does no OCR.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from lawgraph.errors import InputError

__all__ = ["PdfLine", "pdf_text", "pdf_lines", "drop_page_chrome", "join_lines", "is_page_number"]


@dataclass(frozen=True, slots=True)
class PdfLine:
    """One line of a page's text layer: where it starts and ends, its baseline, the size it is set in
    (points), its page (0-based) and that page's height."""

    text: str
    x: float
    y: float
    size: float
    page: int
    height: float
    end: float = -1.0
    """Where the line ends; estimated from its characters when not given (see :func:`ems`)."""

    def __post_init__(self) -> None:
        if self.end < 0:
            object.__setattr__(self, "end", self.x + self.size * ems(self.text))


def ems(text: str) -> float:
    """The width of ``text`` in ems, estimated: ideographs, full-width forms and the characters a Chinese
    font sets full-width (“”、…—) take one em, the others half an em.

    >>> ems("“1+N”协议")
    5.5
    """
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~·•\s]*\d{1,4}[-—–－~·•\s]*"
    r"|第\s*[\d〇一二三四五六七八九十百]{1,5}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，/、]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",
    re.I,
)
_EDGE = 0.15
"""Page numbers and running heads are looked for in the top and bottom 15% of a page."""
_DIGITS = re.compile(r"\d+")
_UNMAPPED = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff\ufffd]")
_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")
_UNBROKEN = re.compile(r"^[“‘(《]?[A-Za-z0-9.,+\-/%:]+[”’)》]?")
"""A run at the start of a line that the line before could not break (a number, a Latin word, “1+N”)."""
_NEAR = 1.2
"""Characters of one line are at most this many ems apart; a wider gap separates table cells or columns."""


def is_page_number(line: str) -> bool:
    """Whether ``line`` is nothing but a page number.

    Examples
    --------
    >>> [is_page_number(s) for s in ("3", "- 3 -", "— 12 —", "第3页", "第 3 页 共 9 页", "3/9")]
    [True, True, True, True, True, True]
    >>> [is_page_number(s) for s in ("受理案件126件", "2023年", "一、总体情况")]
    [False, False, False]
    """
    return _PAGE_NUMBER.match(line.strip()) is not None


@dataclass
class _Run:
    """Characters on one baseline that lie close together, in the order the page drew them."""

    first: int
    y: float
    size: float
    x0: float
    x1: float
    chars: list[tuple[float, float, str]] = field(default_factory=list)

    def take(self, x0: float, x1: float, text: str) -> None:
        self.chars.append((x0, x1, text))
        self.x0, self.x1 = min(self.x0, x0), max(self.x1, x1)

    def text(self) -> str:
        out: list[str] = []
        end: float | None = None
        for x0, x1, char in sorted(self.chars, key=lambda c: c[0]):
            if end is not None and x0 - end > 0.2 * self.size and out and out[-1] != " " and char != " " \
                    and _LATIN_END.search(out[-1]) and _LATIN_START.match(char):
                out.append(" ")  # a word space the file left as a gap
            out.append(char)
            end = x1
        return " ".join("".join(out).split())


def _level(y: float, other: float, size: float) -> bool:
    """Whether two baselines are one (within 0.3 em: a character of another font may sit a little off)."""
    return abs(y - other) <= 0.3 * size


def _same_size(size: float, other: float) -> bool:
    return abs(size - other) <= 0.1 * other


def _chars(items: Any) -> Iterator[Any]:
    """The characters of a page in drawing order, also those inside form XObjects (figures)."""
    from pdfminer.layout import LTChar, LTContainer

    for item in items:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):
            yield from _chars(item)


def _page_lines(layout: Any, index: int) -> list[PdfLine]:
    height = float(layout.height)
    runs: list[_Run] = []
    open_runs: dict[int, list[_Run]] = {}
    for order, char in enumerate(_chars(layout)):
        a, b, c, d, _, y = char.matrix
        if b or c or a <= 0 or d <= 0:  # rotated, mirrored or vertical: a watermark, not the report
            continue
        size = float(char.size) or 1.0
        text = char.get_text()
        key = round(y / 2)
        home = None
        for k in (key, key - 1, key + 1):
            for run in open_runs.get(k, ()):
                if _level(run.y, y, run.size) and run.x0 - _NEAR * size <= char.x0 <= run.x1 + _NEAR * size:
                    home = run
                    break
            if home:
                break
        if home is None:
            home = _Run(first=order, y=float(y), size=size, x0=float(char.x0), x1=float(char.x1))
            runs.append(home)
            open_runs.setdefault(key, []).append(home)
        home.take(float(char.x0), float(char.x1), text)
    runs = _merge_touching(runs)
    runs.sort(key=lambda r: r.first)
    lines: list[PdfLine] = []
    previous: _Run | None = None
    for run in runs:
        text = run.text()
        if not text:
            continue
        if previous is not None and lines and _level(previous.y, run.y, run.size) and run.x0 > previous.x1:
            last = lines[-1]  # the next cell of a table row
            lines[-1] = PdfLine(f"{last.text} {text}", last.x, last.y, last.size, index, height, run.x1)
        else:
            lines.append(PdfLine(text, run.x0, run.y, run.size, index, height, run.x1))
        previous = run
    return lines


def _merge_touching(runs: list[_Run]) -> list[_Run]:
    """Merge runs of one baseline that touch (a character drawn apart from its neighbours, like “)."""
    out: list[_Run] = []
    by_line: dict[int, list[_Run]] = {}
    for run in sorted(runs, key=lambda r: (round(r.y / 2), r.x0)):
        near = by_line.setdefault(round(run.y / 2), [])
        last = near[-1] if near else None
        if last is not None and _level(last.y, run.y, last.size) and run.x0 - last.x1 <= _NEAR * last.size:
            last.first = min(last.first, run.first)
            for char in run.chars:
                last.take(*char)
            continue
        near.append(run)
        out.append(run)
    return out


def pdf_lines(data: bytes, *, where: str | Path | None = None) -> list[list[PdfLine]]:
    """The lines of each page's text layer (see the module docstring).

    Raises
    ------
    InputError
        The bytes are not a readable PDF, or it is locked with a password.
    """
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSException

    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    out: list[list[PdfLine]] = []
    try:
        document = PDFDocument(PDFParser(BytesIO(data)))
        for index, page in enumerate(PDFPage.create_pages(document)):
            interpreter.process_page(page)
            out.append(_page_lines(device.get_result(), index))
    except PDFPasswordIncorrect:
        raise InputError(where, "the PDF is locked with a password; save an unlocked copy and read that") \
            from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError) as err:
        detail = " ".join(str(err).split()) or type(err).__name__
        raise InputError(where, f"not a readable PDF ({detail})") from None
    return out


def _shape(line: PdfLine) -> tuple[str, int]:
    """What a running header or footer keeps from page to page: its text without numbers, its height."""
    return _DIGITS.sub("#", line.text), round(line.y / 3)


def drop_page_chrome(pages: list[list[PdfLine]]) -> list[list[PdfLine]]:
    """Remove page numbers and small print near the page edges, and lines repeated at the same height on two
    or more pages.

    Examples
    --------
    >>> page = lambda i, body: [PdfLine("某县人民政府", 90, 790, 10, i, 842),
    ...                         PdfLine(body, 90, 600, 16, i, 842),
    ...                         PdfLine(f"— {i + 1} —", 280, 40, 14, i, 842)]
    >>> pages = [page(0, "县政府印发文件。"), page(1, "县法院审结案件。")]
    >>> [[line.text for line in p] for p in drop_page_chrome(pages)]
    [['县政府印发文件。'], ['县法院审结案件。']]
    """
    shapes = Counter(shape for page in pages for shape in {_shape(line) for line in page})
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page:
            sizes[round(line.size, 1)] += len(line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    out = []
    for page in pages:
        kept = []
        for line in page:
            edge = line.y < line.height * _EDGE or line.y > line.height * (1 - _EDGE)
            if edge and (is_page_number(line.text) or line.size < 0.95 * body_size):
                continue
            if shapes[_shape(line)] >= 2:
                continue
            kept.append(line)
        out.append(kept)
    return out


@dataclass
class _Column:
    left: float
    size: float
    ends: list[float] = field(default_factory=list)
    right: float = 0.0

    @property
    def lines(self) -> int:
        return len(self.ends)


def _columns(lines: list[PdfLine]) -> dict[int, _Column]:
    """Group lines by left edge (a column's lines start within 2.5 em of it); map each line to its column.

    A column's right edge is where most of its lines end (justified text ends all full lines at the same
    place; ragged text within a character of it), or its longest line when no two lines end together.
    """
    columns: list[_Column] = []
    which: dict[int, _Column] = {}
    for i in sorted(range(len(lines)), key=lambda i: lines[i].x):
        line = lines[i]
        home = next((c for c in columns if line.x - c.left <= 2.5 * c.size and _same_size(line.size, c.size)),
                    None)
        if home is None:
            home = _Column(left=line.x, size=line.size)
            columns.append(home)
        home.ends.append(line.end)
        which[i] = home
    for column in columns:
        counts = Counter(round(end) for end in column.ends)
        (mode, seen), = counts.most_common(1)
        tied = [end for end, n in counts.items() if n == seen]
        column.right = float(max(tied)) if seen >= 2 else max(column.ends)
    return which


def join_lines(lines: list[PdfLine]) -> str:
    """Join wrapped lines into paragraphs, one paragraph a line (see the module docstring).

    Examples
    --------
    >>> L = lambda text, x, y: PdfLine(text, x, y, 10, 0, 842)
    >>> print(join_lines([L("一、总体情况", 70, 700), L("县政府印发《某县行政执法", 70, 680),
    ...                   L("办法》，县司法局与县法院建立", 50, 660), L("机制。", 50, 640),
    ...                   L("全年化解纠纷40余件。", 70, 620)]))
    一、总体情况
    县政府印发《某县行政执法办法》，县司法局与县法院建立机制。
    全年化解纠纷40余件。
    """
    columns = _columns(lines)
    paragraphs: list[str] = []
    previous: tuple[PdfLine, _Column] | None = None
    for i, line in enumerate(lines):
        column = columns[i]
        joined = False
        if previous is not None:
            before, its = previous
            word = _UNBROKEN.match(line.text)
            room = 1.5 + (ems(word.group()) if word else 0.0)  # what did not fit went to this line
            full = its.lines >= 2 and before.end >= its.right - room * its.size
            indented = line.x - column.left >= 0.9 * column.size
            if full and not indented and _same_size(line.size, before.size):
                gap = " " if _LATIN_END.search(paragraphs[-1]) and _LATIN_START.match(line.text) else ""
                paragraphs[-1] += gap + line.text
                joined = True
        if not joined:
            paragraphs.append(line.text)
        previous = (line, column)
    return "\n".join(paragraphs)


def pdf_text(data: bytes, *, where: str | Path | None = None) -> str:
    """The text of a PDF report: page chrome removed, one paragraph a line.

    Raises
    ------
    InputError
        Not a readable PDF, locked with a password, or without a text layer (a scan: no OCR here).
    """
    pages = pdf_lines(data, where=where)
    if not any(line.text.strip() for page in pages for line in page):
        raise InputError(where, "the PDF has no text layer (a scan?); lawgraph does no OCR: "
                                "give it a PDF with text, or the report as .docx or .txt")
    text = join_lines([line for page in drop_page_chrome(pages) for line in page])
    visible = "".join(text.split())
    if visible and sum(len(m) for m in _UNMAPPED.findall(visible)) > 0.2 * len(visible):
        raise InputError(where, "the PDF's fonts carry no Unicode mapping, so its text cannot be read; "
                                "export it again with embedded Unicode fonts, or give the report as .docx")
    return text
