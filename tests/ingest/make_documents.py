"""Make PDF and Word files of a report of our own, as a government office would publish it.

The tests and ``bench/bench_pdf.py`` use these to check that a report read from .pdf or .docx gives what
the same report gives from .txt. Lines of the text file become paragraphs: a line that starts with an
ideographic-space indent is body text (first-line indent of two characters), the other lines are centred
(the title) or left-aligned (addressee, signature). Chinese is set in reportlab's built-in CID font
STSong-Light (Adobe-GB1, not embedded), which every PDF reader maps to Unicode through its CMap.

The PDFs carry page chrome of the kinds real reports have: a running header on every page after the
first, a footer line, and page numbers (``— 3 —`` or ``第 3 页 共 5 页``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

INDENT = "\u3000\u3000"


TABLE = (("指标", "2023年"), ("受理行政复议申请", "47件"), ("办理行政处罚案件", "412件"))
"""A small table of our own, placed after a body paragraph (``table_after``)."""


def with_table(text: str, table: Sequence[Sequence[str]] = TABLE, *, table_after: int = 6) -> str:
    """``text`` with the rows of ``table`` as lines (cells separated by a space) after its body paragraph
    number ``table_after`` (0-based): the .txt twin of a document made with the same table."""
    out: list[str] = []
    body = 0
    for line in text.splitlines():
        out.append(line)
        if line.startswith(INDENT):
            if body == table_after:
                out.extend(" ".join(row) for row in table)
            body += 1
    return "\n".join(out) + "\n"


def _paragraphs(text: str) -> list[tuple[str, str]]:
    """(kind, text) per non-blank line: ``body`` (indented), ``centre`` (the first lines) or ``left``."""
    out: list[tuple[str, str]] = []
    for i, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        if line.startswith(INDENT):
            out.append(("body", line.strip()))
        elif i < 3:
            out.append(("centre", line.strip()))
        else:
            out.append(("left", line.strip()))
    return out


def write_pdf(
    path: Path,
    text: str,
    *,
    header: str | None = "某县人民政府文件",
    footer: str | None = "某县人民政府办公室印发",
    numbers: str = "— {n} —",
    two_columns: bool = False,
    font_size: float = 16,
    table: Sequence[Sequence[str]] = (),
    table_after: int = 6,
) -> Path:
    """Write ``text`` as an A4 PDF with a running header, a footer and page numbers.

    Parameters
    ----------
    numbers : str
        The page-number line: ``{n}`` is the page, ``{total}`` the page count (``第 {n} 页 共 {total} 页``).
    two_columns : bool
        Set the body in two columns (a bulletin's layout).
    table : rows of cells
        A table placed after body paragraph number ``table_after`` (see :func:`with_table`).
    """
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "STSong-Light"
    body = ParagraphStyle(
        "body", fontName=font, fontSize=font_size, leading=font_size * 1.75, firstLineIndent=2 * font_size,
        wordWrap="CJK", alignment=TA_LEFT,
    )
    centre = ParagraphStyle("centre", parent=body, fontSize=font_size * 1.3, leading=font_size * 2.2,
                            firstLineIndent=0, alignment=TA_CENTER)
    left = ParagraphStyle("left", parent=body, firstLineIndent=0)
    width, height = A4
    margin_x, margin_y = 28 * mm, 37 * mm
    pages: list[int] = []

    def chrome(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 10.5)
        if header and doc.page > 1:
            canvas.drawCentredString(width / 2, height - 20 * mm, header)
            canvas.line(margin_x, height - 22 * mm, width - margin_x, height - 22 * mm)
        if footer:
            canvas.drawString(margin_x, 14 * mm, footer)
        total = pages[0] if pages else 0
        canvas.setFont(font, 14)
        canvas.drawCentredString(width / 2, 22 * mm, numbers.format(n=doc.page, total=total))
        canvas.restoreState()

    def make_story() -> list[Any]:
        story: list[Any] = []
        count = 0
        for kind, line in _paragraphs(text):
            story.append(Paragraph(line, {"body": body, "centre": centre, "left": left}[kind]))
            if kind == "body":
                if table and count == table_after:
                    cells = [[Paragraph(cell, left) for cell in row] for row in table]
                    story.extend([Spacer(1, 4), Table(cells, hAlign="LEFT"), Spacer(1, 4)])
                count += 1
        return story

    frame_w = width - 2 * margin_x
    if two_columns:
        gap = 8 * mm
        col = (frame_w - gap) / 2
        frames = [
            Frame(margin_x, margin_y, col, height - 2 * margin_y, id="left"),
            Frame(margin_x + col + gap, margin_y, col, height - 2 * margin_y, id="right"),
        ]
    else:
        frames = [Frame(margin_x, margin_y, frame_w, height - 2 * margin_y, id="body")]

    def build(target: Path) -> int:
        doc = BaseDocTemplate(str(target), pagesize=A4, title="", author="")
        doc.addPageTemplates([PageTemplate(id="page", frames=frames, onPage=chrome)])
        doc.build(make_story())
        return int(doc.page)

    pages.append(build(path))  # first pass counts the pages for "共 N 页"
    pages[0] = build(path)
    return path


def write_docx(
    path: Path,
    text: str,
    *,
    header: str | None = "某县人民政府文件",
    footer: str | None = "某县人民政府办公室印发",
    page_numbers: bool = True,
    table: Sequence[Sequence[str]] = (),
    table_after: int = 6,
    font_size: float = 16,
) -> Path:
    """Write ``text`` as a .docx: one paragraph per line (body text justified, first line indented two
    characters), a running header, a footer with the page number as a field (``— 3 —`` once laid out), and
    an optional table after body paragraph number ``table_after``."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(font_size)
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    if page_numbers:
        number = section.footer.add_paragraph()
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        number.add_run("— ")
        field = f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        number._p.append(parse_xml(field))
        number.add_run(" —")
    count = 0
    for kind, line in _paragraphs(text):
        para = document.add_paragraph(line)
        if kind == "body":
            para.paragraph_format.first_line_indent = Pt(2 * font_size)
            para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if table and count == table_after:
                grid = document.add_table(rows=len(table), cols=len(table[0]))
                for r, row in enumerate(table):
                    for c, cell in enumerate(row):
                        grid.cell(r, c).text = cell
            count += 1
        elif kind == "centre":
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.save(str(path))
    return path
