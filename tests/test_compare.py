"""``lawgraph compare`` and :mod:`lawgraph.compare`: one indicator across reports.

Three short reports we wrote (real county names, invented figures) state the same indicators in other
words and units: 行政复议案件 / 行政复议申请 / 复议案件 in 件 and 宗, 地区生产总值 in 亿元 with its growth.
A corpus test compares 地区生产总值 growth across the 28 provincial work reports of the shared corpus.
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from lawgraph.cli import main
from lawgraph.compare import compare, format_value, open_inputs, resolve_indicator
from lawgraph.errors import InputError

REPORTS = {
    "yongning-2023.txt": (
        "永宁县人民政府关于2023年度法治政府建设情况的报告\n\n一、主要工作\n\n"
        "全县地区生产总值312.6亿元、增长6.1%。"
        "2023年，受理行政复议案件45件，行政机关负责人出庭应诉率达100%。\n\n"
        "永宁县人民政府\n2024年1月20日\n"
    ),
    "helan-2023.txt": (
        "贺兰县人民政府关于2023年度法治政府建设情况的报告\n\n一、主要工作\n\n"
        "地区生产总值增长5.2%，城镇新增就业0.45万人。"
        "全年收到行政复议申请30宗，行政机关负责人出庭应诉率达96.5%。\n\n"
        "贺兰县人民政府\n2024年1月25日\n"
    ),
    "xiji-2023.txt": (
        "西吉县人民政府关于2023年度法治政府建设情况的报告\n\n一、主要工作\n\n"
        "实现地区生产总值85.3亿元，增长4.4%。办理复议案件12件。\n\n"
        "二、下一步工作安排\n\n"
        "力争地区生产总值增长6.5%。\n\n"
        "西吉县人民政府\n2024年1月28日\n"
    ),
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("compare")
    paths = []
    for name, text in REPORTS.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def graph_file(reports: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graph") / "three.nq"
    assert main_code(["build", *map(str, reports), "-o", str(out), "-q"]) == 0
    return out


def main_code(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as done:
        return int(done.code or 0)
    return 0


def test_resolve_names_synonyms_and_kinds() -> None:
    assert resolve_indicator("地区生产总值增速")[0].notation == "gdp"
    assert resolve_indicator("地区生产总值增速")[1] == "growth"
    assert resolve_indicator("生产总值年均增长")[1] == "averageGrowth"
    assert resolve_indicator("gdp", "growth")[1] == "growth"
    assert resolve_indicator("复议案件") == resolve_indicator("行政复议案件")
    assert resolve_indicator("出庭应诉率")[1] == "share"
    with pytest.raises(InputError, match="unknown indicator; close matches: .*行政复议案件"):
        resolve_indicator("行政复议案子")
    with pytest.raises(InputError, match="unknown kind"):
        resolve_indicator("gdp", "speed")


def test_one_row_per_report_in_the_base_unit(graph_file: Path) -> None:
    store = open_inputs([graph_file])
    cases = compare(store, *resolve_indicator("行政复议案件"))
    got = {(row.area, row.value, row.unit, row.written, row.status) for row in cases.rows}
    assert got == {
        ("永宁县", Decimal(45), "件", "45件", "done"),
        ("贺兰县", Decimal(30), "件", "30宗", "done"),
        ("西吉县", Decimal(12), "件", "12件", "done"),
    }
    for row in cases.rows:
        assert row.issuer == row.area + "人民政府"
        assert row.year == "2023"
        assert row.written in row.sentence
    growth = compare(store, *resolve_indicator("地区生产总值增速"))
    assert {(row.area, format_value(row.value), row.status) for row in growth.rows} == {
        ("永宁县", "6.1", "done"),
        ("贺兰县", "5.2", "done"),
        ("西吉县", "4.4", "done"),
    }
    level = compare(store, *resolve_indicator("地区生产总值"))
    assert {(row.area, row.value, row.unit) for row in level.rows} == {
        ("永宁县", Decimal("31260000000"), "元"),
        ("西吉县", Decimal("8530000000"), "元"),
    }
    jobs = compare(store, *resolve_indicator("新增城镇就业"))
    assert [(row.area, row.value, row.unit) for row in jobs.rows] == [("贺兰县", Decimal(4500), "人")]


def test_reports_are_built_and_graphs_merged(reports: list[Path], graph_file: Path) -> None:
    from_reports = compare(open_inputs(reports), *resolve_indicator("出庭应诉率"))
    got = {(row.area, format_value(row.value)) for row in from_reports.rows}
    assert got == {("永宁县", "100"), ("贺兰县", "96.5")}
    mixed = compare(open_inputs([graph_file, reports[0]]), *resolve_indicator("出庭应诉率"))
    assert len(mixed.rows) == 2  # the same report twice is one report


def test_built_graph_conforms_with_concept_links(graph_file: Path) -> None:
    from lawgraph.validate import validate

    result = validate(graph_file)
    assert result.conforms, [str(r) for r in getattr(result, "results", [])][:5]


def test_cli_formats_and_chart(graph_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main_code(["compare", "地区生产总值增速", str(graph_file), "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted((r["area"], r["value"], r["unit"], r["status"]) for r in rows) == [
        ("永宁县", "6.1", "%", "done"),
        ("西吉县", "4.4", "%", "done"),
        ("贺兰县", "5.2", "%", "done"),
    ]
    out = tmp_path / "cases.json"
    chart = tmp_path / "cases.svg"
    assert (
        main_code(
            ["compare", "复议案件", str(graph_file), "-f", "json", "-o", str(out), "--chart", str(chart)]
        )
        == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["label"] == "行政复议案件" and data["kind"] == "level"
    assert sorted(r["value"] for r in data["rows"]) == ["12", "30", "45"]
    svg = chart.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    png = tmp_path / "growth.png"
    assert main_code(["compare", "gdp", str(graph_file), "--kind", "growth", "--chart", str(png), "-q"]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    table = capsys.readouterr().out
    assert "地区生产总值（增速）" in table and "贺兰县" in table
    assert not list(tmp_path.glob("*.tmp*")) and sorted(p.name for p in tmp_path.iterdir()) == [
        "cases.json",
        "cases.svg",
        "growth.png",
    ]


def test_cli_errors_are_one_line(
    graph_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main_code(["compare", "生产总量", str(graph_file)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("lawgraph: 生产总量: unknown indicator; close matches:")
    assert main_code(["compare", "gdp", str(tmp_path / "missing.nq")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main_code(["compare", "gdp", str(graph_file), "-f", "xml"]) == 2
    assert "unknown format" in capsys.readouterr().err
    assert main_code(["compare", "gdp", str(graph_file), "--chart", str(tmp_path / "x.pdf")]) == 2
    assert ".png or .svg" in capsys.readouterr().err


@pytest.mark.corpus
def test_gdp_growth_across_the_provincial_reports(corpus_dir: Path) -> None:
    folder = corpus_dir / "provinces-2026"
    if not folder.is_dir():
        pytest.skip(f"{folder} not found (the provincial work reports of the shared corpus)")
    files = sorted(folder.glob("*.txt"))
    assert len(files) == 28
    texts = {path.name: path.read_text(encoding="utf-8") for path in files}
    growth = compare(open_inputs([folder]), *resolve_indicator("地区生产总值增速"))
    found = {row.file: row for row in growth.rows}
    assert len(found) >= 25, sorted(set(texts) - set(found))
    results = [row for row in growth.rows if row.status != "planned"]
    assert len(results) >= 25
    for name, row in found.items():
        number = format_value(row.value)
        assert row.unit == "%" and Decimal(0) < row.value < Decimal(10), (name, row)  # type: ignore[operator]
        assert row.written.startswith(number + "%"), (name, row.written)
        # The value is what the text states as the growth of 地区生产总值 (生产总值, GDP) in that sentence.
        pattern = rf"(?:生产总值|GDP)[^。；;]*?增长{re.escape(number)}%"
        assert re.search(pattern, row.sentence), (name, row.sentence)
        normalized = texts[name].replace("，", ",").replace("：", ":").replace("；", ";").replace("％", "%")
        assert f"增长{number}%" in normalized, name


def test_chart_without_a_cjk_font_warns_on_one_line(
    graph_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import lawgraph.chart

    monkeypatch.setattr(lawgraph.chart, "cjk_font", lambda: None)
    chart = tmp_path / "growth.svg"
    assert main_code(["compare", "地区生产总值增速", str(graph_file), "--chart", str(chart), "-q"]) == 0
    warning = [line for line in capsys.readouterr().err.splitlines() if line]
    assert warning == [f"lawgraph: warning: {lawgraph.chart.CJK_FONT_HINT}"]
    assert "fonts-noto-cjk" in warning[0] and chart.stat().st_size > 0


def test_a_cjk_font_is_found() -> None:
    from lawgraph.chart import cjk_font

    font = cjk_font()
    if font is None:
        pytest.skip("no CJK font on this machine (apt-get install fonts-noto-cjk)")
    assert any(key in font for key in ("CJK", "Han", "Hei", "WenQuanYi", "Fallback", "PingFang", "Sarasa"))
