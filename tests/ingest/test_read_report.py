"""read_report and iter_report_paths end to end, and every input error naming its file."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from lawgraph.errors import InputError
from lawgraph.ingest import iter_report_paths, read_report

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "santai-county-2023-fictional.txt"

LETTER = (
    "某县人民政府关于报送\n《某县2023年度法治政府建设情况》的报告\n市政府：\n"
    "现将有关情况报送，请审阅。\n某县人民政府\n2024年1月8日\n"
)


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_read_report_normalizes_and_hashes(tmp_path: Path) -> None:
    body = "一、主要做法\r\n（一）完善制度。\u3000县政府出台《某县执法办法》，受理案件１２件。\u200b\r\n"
    report = read_report(_write(tmp_path, "r.txt", (LETTER + body).encode("utf-8-sig")))
    assert report.name == "r.txt"
    assert "(一)完善制度。 县政府出台《某县执法办法》,受理案件12件。" in report.text
    assert "\r" not in report.text and "\u200b" not in report.text and "\u3000" not in report.text
    assert report.sha256 == hashlib.sha256(report.text.encode("utf-8")).hexdigest()
    assert report.text[report.body_begin:].startswith("一、主要做法")
    meta = report.meta
    assert (meta.issuer, meta.addressee, meta.date, meta.year) == (
        "某县人民政府", "市政府", dt.date(2024, 1, 8), 2023
    )
    for s in report.sentences:
        assert report.text[s.begin:s.end].strip() == report.text[s.begin:s.end] != ""


def test_title_falls_back_to_the_file_stem(tmp_path: Path) -> None:
    report = read_report(
        _write(tmp_path, "某区2019年政府工作报告_2019.txt", "各位代表:\n我代表区政府向大会报告工作。")
    )
    assert report.meta.title == "某区2019年政府工作报告"
    assert report.meta.issuer == "区政府"
    assert report.meta.year == 2018


def test_bundled_example() -> None:
    report = read_report(EXAMPLE)
    meta = report.meta
    assert meta.title == "三台县人民政府关于报送《三台县2023年度法治政府建设情况》的报告"
    assert (meta.issuer, meta.addressee) == ("三台县人民政府", "市政府")
    assert (meta.date, meta.year) == (dt.date(2024, 1, 15), 2023)
    body = report.text[report.body_begin:]
    assert body.startswith("三台县2023年度法治政府建设情况")
    assert "虚构" in body.splitlines()[2]
    levels = [s.level for s in report.sections]
    assert levels.count(1) == 5 and levels.count(2) >= 8
    assert 2000 <= EXAMPLE.stat().st_size <= 3500


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\r\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("bad.html", b"<p>\xff\xfe\xfd\xff</p>", "undecodable"),
        ("report.rtf", "某县报告。", "unsupported extension"),
        ("report", "某县报告。", "unsupported extension"),
        ("report.pdf", "某县报告。", "not a readable PDF"),
        ("report.docx", "某县报告。", "not a readable .docx"),
        ("report.doc", "某县报告。", "libreoffice --headless --convert-to docx"),
        ("~$report.docx", b"\x07owner", "lock file"),
    ],
)
def test_input_errors_name_the_file(tmp_path: Path, name: str, data: bytes | str, reason: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(InputError) as err:
        read_report(path)
    assert err.value.where == str(path)
    assert reason in err.value.reason
    assert str(err.value) == f"{path}: {err.value.reason}"


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="no such file") as err:
        read_report(missing)
    assert err.value.where == str(missing)


def test_folder_passed_to_read_report(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder"):
        read_report(tmp_path)


def test_iter_report_paths_order_and_filter(tmp_path: Path) -> None:
    names = ("b.txt", "a.HTML", "a.gold.json", "c/d.htm", "c/a.txt", "notes.md", ".hidden/x.txt", "z.pdf",
             "y.DOCX", "x.doc", "w.rtf", "v.pdf.bak", "~$y.DOCX")
    for name in names:
        _write(tmp_path, name, "内容。")
    got = [p.relative_to(tmp_path).as_posix() for p in iter_report_paths([tmp_path])]
    assert got == ["a.HTML", "b.txt", "c/a.txt", "c/d.htm", "x.doc", "y.DOCX", "z.pdf"]


def test_iter_report_paths_keeps_input_order_and_dedupes(tmp_path: Path) -> None:
    one = _write(tmp_path, "x/1.txt", "甲。")
    two = _write(tmp_path, "y/2.txt", "乙。")
    got = list(iter_report_paths([str(two), tmp_path / "x", one, tmp_path]))
    assert got == [two, one]


def test_iter_report_paths_glob(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "甲。")
    _write(tmp_path, "b.txt", "乙。")
    _write(tmp_path, "b.gold.json", "{}")
    got = [p.name for p in iter_report_paths([str(tmp_path / "*")])]
    assert got == ["a.txt", "b.txt"]
    with pytest.raises(InputError, match="pattern"):
        list(iter_report_paths([str(tmp_path / "*.htm")]))


def test_iter_report_paths_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    _write(tmp_path, "empty/readme.md", "说明")
    with pytest.raises(InputError, match="no .txt") as err:
        list(iter_report_paths([empty]))
    assert err.value.where == str(empty)
    with pytest.raises(InputError, match="no such file") as err:
        list(iter_report_paths([tmp_path / "missing"]))
    assert err.value.where == str(tmp_path / "missing")


def test_a_named_file_is_yielded_whatever_its_extension(tmp_path: Path) -> None:
    odd = _write(tmp_path, "report.pdf", "x")
    assert list(iter_report_paths([odd])) == [odd]  # reading it then says why it is refused


CRAWLED_PAGE = """首页 > 政务公开 > 法治政府建设
某市某区人民政府关于2022年法治政府建设工作情况的报告
发布日期：2023-01-18  来源：区司法局  浏览次数：1234
字号：大 中 小
某市人民政府：
　　2022年，我区深入推进法治政府建设，现将有关情况报告如下：
　　一、主要举措和成效
　　（一）加强党的领导。区委常委会专题研究法治建设3次。
　　二、存在的问题
　　基层执法力量不足。
　　某市某区人民政府
　　2023年1月16日
相关链接
国务院  省政府  市政府
网站地图 | 联系我们
主办：某市某区人民政府办公室  网站标识码：1234567890
"""


def test_crawled_page_with_letter_signed_at_the_end(tmp_path: Path) -> None:
    report = read_report(_write(tmp_path, "page.txt", CRAWLED_PAGE.encode("gb18030")))
    meta = report.meta
    assert meta.title == "某市某区人民政府关于2022年法治政府建设工作情况的报告"
    assert (meta.issuer, meta.addressee) == ("某市某区人民政府", "某市人民政府")
    assert (meta.date, meta.published, meta.year) == (dt.date(2023, 1, 16), dt.date(2023, 1, 18), 2022)
    assert (meta.source, meta.publisher) == ("区司法局", "某市某区人民政府办公室")
    assert report.text[report.body_begin:].startswith("2022年,我区深入推进")
    assert report.text.endswith("某市某区人民政府\n2023年1月16日")
    for chrome in ("首页", "浏览次数", "字号", "相关链接", "网站地图", "网站标识码", "国务院"):
        assert chrome not in report.text, chrome
