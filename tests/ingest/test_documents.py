"""PDF, .docx and .doc reports give the facts their .txt twin gives.

The reports are ours: the bundled fictional example and a second fictional report written for these tests
(``data/pingwu-county-2023-fictional.txt``). PDFs and .docx files are made at test time (reportlab with its
built-in CID font STSong-Light; python-docx), with running headers, footers and page numbers. Two files
were made once with LibreOffice from the .docx this module's ``write_docx`` writes (``soffice --headless
--convert-to doc|pdf``) and are kept in ``data/``: the .doc, since nothing in Python writes Word 97 files,
and a PDF as a word processor lays it out (justified lines, “” set in a Western font and drawn apart from
the ideographs around them).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from lawgraph.errors import InputError
from lawgraph.ingest import read_report, read_text

sys.path.insert(0, str(Path(__file__).parent))
from make_documents import INDENT, TABLE, with_table, write_docx, write_pdf  # noqa: E402

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
REPO = HERE.parent.parent
EXAMPLE = REPO / "examples" / "santai-county-2023-fictional.txt"
PINGWU = DATA / "pingwu-county-2023-fictional.txt"
PAGE_OF = "第 {n} 页 共 {total} 页"


@pytest.fixture(scope="module")
def nlp() -> Any:
    from lawgraph.extract.pipeline import make_nlp

    return make_nlp()


def _facts(path: Path, nlp: Any) -> tuple[list[Any], list[Any], list[Any], Any]:
    """What a report says, without offsets: entities, actions, indicators and the cover's metadata."""
    from lawgraph.api import process_report

    facts = process_report(path, nlp=nlp).facts
    entities = sorted(map(repr, ((e.kind, e.key, e.cls, e.parent, e.code) for e in facts.entities)))
    actions = sorted(map(repr, (
        (a.verb, a.type, a.agents, a.objects, a.partners, a.generated, a.used, a.places, a.time)
        for a in facts.actions
    )))
    indicators = sorted(map(repr, (
        (str(i.value), i.unit, i.written, i.phrase, i.approximation) for i in facts.indicators
    )))
    meta = facts.report.meta
    return entities, actions, indicators, (meta.title, meta.issuer, meta.addressee, meta.date, meta.year)


def _twins(tmp_path: Path, source: Path, *, table: bool) -> dict[str, Path]:
    text = source.read_text(encoding="utf-8")
    rows = TABLE if table else ()
    txt = tmp_path / f"{source.stem}.txt"
    txt.write_text(with_table(text) if table else text, encoding="utf-8")
    return {
        "txt": txt,
        "pdf": write_pdf(tmp_path / f"{source.stem}.pdf", text, table=rows),
        "pdf, 第N页 共M页": write_pdf(tmp_path / f"{source.stem}.pages.pdf", text, numbers=PAGE_OF,
                                   header="平武县人民政府办公室", table=rows),
        "docx": write_docx(tmp_path / f"{source.stem}.docx", text, table=rows),
    }


@pytest.mark.parametrize(("source", "table"), [(EXAMPLE, False), (PINGWU, True)],
                         ids=["example", "pingwu+table"])
def test_pdf_and_docx_give_the_facts_of_the_txt(tmp_path: Path, nlp: Any, source: Path, table: bool) -> None:
    files = _twins(tmp_path, source, table=table)
    expected = _facts(files.pop("txt"), nlp)
    entities, actions, indicators, meta = expected
    assert len(entities) >= 10 and len(actions) >= 15 and len(indicators) >= 10  # a real report, not a stub
    assert meta[1] in {"三台县人民政府", "平武县人民政府"} and meta[4] == 2023
    for kind, path in files.items():
        got = _facts(path, nlp)
        assert got[3] == meta, kind
        assert got[0] == entities, kind
        assert got[1] == actions, kind
        assert got[2] == indicators, kind


def test_pdfs_are_multi_page_with_chrome(tmp_path: Path) -> None:
    """The made PDFs really carry what the reader must remove: several pages, header, footer, numbers."""
    from lawgraph.ingest.pdf import pdf_lines

    path = write_pdf(tmp_path / "r.pdf", PINGWU.read_text(encoding="utf-8"), numbers=PAGE_OF)
    pages = pdf_lines(path.read_bytes(), where=path)
    assert len(pages) >= 2
    raw = [line.text for page in pages for line in page]
    assert raw.count("某县人民政府办公室印发") == len(pages)
    assert raw.count("某县人民政府文件") == len(pages) - 1  # no running header on the first page
    assert f"第 2 页 共 {len(pages)} 页" in raw
    text = read_text(path)
    assert "某县人民政府" not in text and "第 2 页" not in text
    # A paragraph that runs over a page break is one line again.
    lines = PINGWU.read_text(encoding="utf-8").splitlines()
    body = [line.strip() for line in lines if line.startswith(INDENT)]
    assert all(line in text.splitlines() for line in body)


def test_word_processor_pdf_keeps_quotes_and_numbers_in_place() -> None:
    """LibreOffice draws “” in a Western font after the ideographs of the line, and numbers in another
    font than the ideographs around them; the text still reads as written."""
    source = with_table(PINGWU.read_text(encoding="utf-8"))
    expected = [" ".join(line.split()) for line in source.splitlines() if line.strip()]
    text = read_text(DATA / "pingwu-county-2023-fictional.libreoffice.pdf")
    assert "在龙安镇举办“宪法进万家”主题活动" in text
    assert "全年办理行政处罚案件412件，罚没款收入230万元。" in text
    assert text.splitlines() == expected


def test_two_column_pdf_reads_each_column_in_turn(tmp_path: Path) -> None:
    text = PINGWU.read_text(encoding="utf-8")
    path = write_pdf(tmp_path / "two.pdf", text, two_columns=True, font_size=12)
    got = read_text(path).splitlines()
    body = [line.strip() for line in text.splitlines() if line.startswith(INDENT)]
    assert [line for line in got if line in body] == body


def test_legacy_doc_gives_the_facts_of_the_txt(tmp_path: Path, nlp: Any) -> None:
    doc = shutil.copy(DATA / "pingwu-county-2023-fictional.doc", tmp_path / "pingwu.doc")
    txt = tmp_path / "pingwu.txt"
    txt.write_text(with_table(PINGWU.read_text(encoding="utf-8")), encoding="utf-8")
    assert "某县人民政府文件" not in read_text(doc)  # the page header stays out
    assert "受理行政复议申请 47件" in read_text(doc).splitlines()  # a table row is one line
    assert _facts(Path(doc), nlp) == _facts(txt, nlp)


def test_docx_reads_paragraphs_and_tables_in_order_without_header_and_footer(tmp_path: Path) -> None:
    from lawgraph.ingest.docx import docx_lines

    text = "某县人民政府关于报送\n\n\u3000\u3000第一段。\n\u3000\u3000第二段。\n\u3000\u3000第三段。\n"
    path = write_docx(tmp_path / "t.docx", text, table=[["甲", "乙"], ["1件", "2件"]], table_after=1,
                      header="页眉文字", footer="页脚文字")
    lines = [line for line in docx_lines(path.read_bytes()) if line]
    assert lines == ["某县人民政府关于报送", "第一段。", "第二段。", "甲 乙", "1件 2件", "第三段。"]


def test_docx_merged_cells_count_once(tmp_path: Path) -> None:
    import docx

    from lawgraph.ingest.docx import docx_text

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "全年情况"
    for c, value in enumerate(("受理", "办结", "纠错")):
        table.cell(1, c).text = value
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert docx_text(path.read_bytes()) == "全年情况\n受理 办结 纠错"


def _scan_pdf(path: Path) -> Path:
    """A PDF with drawings and no text, like a scan without OCR."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        pdf.rect(50, 50, 400, 600, fill=1)
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_without_text_layer_is_one_line_naming_the_file(tmp_path: Path) -> None:
    path = _scan_pdf(tmp_path / "扫描件.pdf")
    with pytest.raises(InputError) as err:
        read_report(path)
    assert err.value.where == str(path)
    assert "no text layer" in err.value.reason and "OCR" in err.value.reason
    assert "\n" not in str(err.value)


def test_cli_build_of_a_scan_prints_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lawgraph.cli import main

    path = _scan_pdf(tmp_path / "scan.pdf")
    with pytest.raises(SystemExit) as exit_info:
        main(["build", str(path), "-o", str(tmp_path / "g.trig"), "-q"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"lawgraph: {path}: the PDF has no text layer")
    assert not (tmp_path / "g.trig").exists()


def _encrypted(tmp_path: Path, *, user: str, algorithm: str = "AES-256") -> Path:
    import pypdf

    plain = write_pdf(tmp_path / "plain.pdf", EXAMPLE.read_text(encoding="utf-8"))
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm=algorithm)
    path = tmp_path / f"locked-{bool(user)}-{algorithm}.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_with_owner_password_only_is_read(tmp_path: Path, algorithm: str) -> None:
    pytest.importorskip("pypdf", reason="pypdf writes the encrypted test file")
    path = _encrypted(tmp_path, user="", algorithm=algorithm)
    assert "县司法局与绵阳中院、县检察院建立行政争议多元化解机制" in read_text(path)


def test_pdf_locked_with_a_password_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("pypdf", reason="pypdf writes the encrypted test file")
    path = _encrypted(tmp_path, user="secret")
    with pytest.raises(InputError, match="locked with a password") as err:
        read_text(path)
    assert err.value.where == str(path)


def test_rotated_watermark_is_not_text(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "watermark.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("STSong-Light", 16)
    pdf.drawString(80, 700, "县政府印发《某县行政执法办法》。")
    pdf.saveState()
    pdf.translate(300, 400)
    pdf.rotate(45)
    pdf.setFont("STSong-Light", 40)
    pdf.drawString(0, 0, "内部资料")
    pdf.restoreState()
    pdf.save()
    assert read_text(path) == "县政府印发《某县行政执法办法》。"


def test_corpus_build_reads_documents(tmp_path: Path) -> None:
    """The corpus build goes through the same reader: a folder of .pdf and .docx reports builds."""
    from lawgraph.corpus import build_corpus

    folder = tmp_path / "reports"
    folder.mkdir()
    text = PINGWU.read_text(encoding="utf-8")
    write_pdf(folder / "a.pdf", text)
    write_docx(folder / "b.docx", EXAMPLE.read_text(encoding="utf-8"))
    summary = build_corpus([str(folder)], output=tmp_path / "out.nq", jobs=1)
    assert summary.built == 2 and not summary.failures
