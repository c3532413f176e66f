"""Benchmark PDF text extraction: pypdf against pdfminer.six, on speed and on Chinese text order.

Not part of the test run. Usage::

    .venv/bin/python bench/bench_pdf.py              # prints a Markdown table for bench/RESULTS.md
    .venv/bin/python bench/bench_pdf.py --runs 7

The PDFs are ours, made in a temporary folder from the two fictional reports of the repository
(``examples/`` and ``tests/ingest/data/``) with ``tests/ingest/make_documents.py``:

- ``reportlab, 1 column``: both reports, then both again with each sentence doubled, as one A4 report set
  in STSong-Light 16 pt (about 10 pages), with a running header, a footer and ``— N —`` page numbers;
- ``reportlab, 2 columns``: the same text at 12 pt in two columns;
- ``LibreOffice``: ``tests/ingest/data/pingwu-county-2023-fictional.libreoffice.pdf``, a .docx laid out and
  exported by LibreOffice (justified lines, fonts embedded, “” set in a Western font), as word processors
  write the PDFs that governments publish; and, when ``soffice`` is on the PATH, the long text laid out
  the same way.

Readers: ``pypdf`` (``page.extract_text()``), ``pdfminer`` (``pdfminer.high_level.extract_text`` with its
default layout analysis), and ``lawgraph`` (``lawgraph.ingest.pdf.pdf_text``: pdfminer's characters
grouped into lines by lawgraph, page chrome removed, wrapped lines joined).

Speed: the median of ``--runs`` runs, each reading the file from bytes in this process, after one warm-up
run (pdfminer loads its CMaps once). Order: the share of the report's paragraphs that come out whole and in
reading order, comparing the texts with all white space and the page chrome removed (a paragraph split by
a misplaced quotation mark or by text of the other column is not whole).
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "ingest"))
sys.path.insert(0, str(REPO / "src"))

from make_documents import INDENT, write_docx, write_pdf  # noqa: E402

SOURCES = (REPO / "examples" / "santai-county-2023-fictional.txt",
           REPO / "tests" / "ingest" / "data" / "pingwu-county-2023-fictional.txt")
LIBREOFFICE_PDF = REPO / "tests" / "ingest" / "data" / "pingwu-county-2023-fictional.libreoffice.pdf"
_SENTENCE = re.compile(r"(?<=。)")


def long_text() -> str:
    """Both reports, then their bodies again with every sentence said twice: about ten A4 pages."""
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    extra = []
    for text in texts:
        for line in text.splitlines():
            if line.startswith(INDENT):
                extra.append(INDENT + "".join(s + s for s in _SENTENCE.split(line.strip()) if s))
    return "\n\n".join([*texts, "\n\n".join(extra)])


def paragraphs(text: str) -> list[str]:
    return ["".join(line.split()) for line in text.splitlines() if line.startswith(INDENT)]


_CHROME = re.compile(r"^\s*(?:某县人民政府文件|某县人民政府办公室印发|[—-]\s*\d+\s*[—-])\s*$", re.M)
"""The running header, footer and page numbers of the PDFs made here: taken out of every reader's text
before scoring, so that the score is about order alone (lawgraph removes them itself)."""


def in_order(expected: list[str], got: str) -> float:
    """Share of ``expected`` paragraphs found whole in ``got``, each after the one before."""
    flat = "".join(_CHROME.sub("", got).split())
    found, at = 0, 0
    for para in expected:
        where = flat.find(para, at)
        if where >= 0:
            found += 1
            at = where + len(para)
    return found / len(expected)


def read_pypdf(data: bytes) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def read_pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(io.BytesIO(data)))


def read_lawgraph(data: bytes) -> str:
    from lawgraph.ingest.pdf import pdf_text

    return pdf_text(data)


READERS: dict[str, Callable[[bytes], str]] = {
    "pypdf": read_pypdf,
    "pdfminer": read_pdfminer,
    "lawgraph (pdfminer chars)": read_lawgraph,
}


def pages_of(data: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def libreoffice_pdf(folder: Path, text: str) -> Path | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    docx = write_docx(folder / "long-libreoffice.docx", text)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                   check=True, capture_output=True, timeout=300)
    return folder / "long-libreoffice.pdf"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = long_text()
    pingwu = SOURCES[1].read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="lawgraph-bench-pdf-") as tmp:
        folder = Path(tmp)
        cases: list[tuple[str, Path, str]] = [
            ("reportlab, 1 column", write_pdf(folder / "one.pdf", text), text),
            ("reportlab, 2 columns",
             write_pdf(folder / "two.pdf", text, two_columns=True, font_size=12), text),
            ("LibreOffice (test fixture)", LIBREOFFICE_PDF, pingwu),
        ]
        made = libreoffice_pdf(folder, text)
        if made is not None:
            cases.append(("LibreOffice, long", made, text))
        print("| PDF | pages | reader | ms per page (median) | paragraphs whole and in order |")
        print("| --- | ---: | --- | ---: | ---: |")
        for name, path, source in cases:
            data = path.read_bytes()
            n = pages_of(data)
            expected = paragraphs(source)
            for reader_name, reader in READERS.items():
                got = reader(data)  # warm-up, and the text scored
                times = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    reader(data)
                    times.append(time.perf_counter() - start)
                ms = 1000 * statistics.median(times) / n
                share = in_order(expected, got)
                whole = round(share * len(expected))
                print(f"| {name} | {n} | {reader_name} | {ms:.1f} | {share:.0%} ({whole}/{len(expected)}) |")


if __name__ == "__main__":
    main()
