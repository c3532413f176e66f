"""The shared corpus (``$LAWGRAPH_CORPUS``): the founding report, the navigation-only page and the bench."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from lawgraph.ingest import iter_report_paths, read_report
from lawgraph.ingest.normalize import normalize_text

pytestmark = pytest.mark.corpus

ORG_SUFFIX = re.compile(r"(?:人民政府|政府|委员会|管委会|局|院|办公室|中心|公司|协会)")


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not in the corpus")
    return path


def test_founding_report_metadata(corpus_dir: Path) -> None:
    report = read_report(_need(corpus_dir / "lanzhou-new-area-2022.txt"))
    meta = report.meta
    assert meta.title == "兰州新区管理委员会关于报送《兰州新区2022年度法治政府建设情况》的报告"
    assert meta.issuer == "兰州新区管理委员会"
    assert meta.addressee == "省政府"
    assert meta.date == dt.date(2023, 1, 12)
    assert meta.published == dt.date(2023, 1, 12)
    assert meta.year == 2022
    assert meta.source == "兰州新区管理委员会"
    assert meta.publisher == "甘肃省兰州新区党工委办公室"
    text = report.text
    for chrome in ("您当前的位置", "官方微信", "官方微博", "返 回", "顶 部", "版权所有", "ICP", "09:27"):
        assert chrome not in text, chrome
    assert text.startswith("兰州新区管理委员会关于报送\n")
    assert text[report.body_begin:].startswith("兰州新区2022年度法治政府建设情况\n")
    assert text.endswith("法治政府建设。")
    assert [s.number for s in report.sections if s.level == 1] == ["一", "二", "三", "四"]
    assert all(s.parent is not None for s in report.sections if s.level == 2)
    for s in report.sentences:
        assert text[s.begin:s.end] and "\n" not in text[s.begin:s.end]


def test_founding_report_keeps_every_body_paragraph(corpus_dir: Path) -> None:
    path = _need(corpus_dir / "lanzhou-new-area-2022.txt")
    report = read_report(path)
    raw = normalize_text(path.read_text(encoding="utf-8"))
    prose = [line for line in raw.splitlines() if "。" in line]
    assert prose and all(line in report.text for line in prose)


def test_navigation_only_page(corpus_dir: Path) -> None:
    path = _need(corpus_dir / "pages" / "pingshan-district-2021-navigation-only.txt")
    report = read_report(path)
    meta = report.meta
    assert meta.title == "2021年坪山区政府工作报告"
    assert meta.issuer == "深圳市坪山区人民政府"
    assert meta.date == dt.date(2021, 2, 2)
    assert meta.published == dt.date(2021, 2, 4)
    assert len(report.text) < 50
    assert not ORG_SUFFIX.search(report.text)
    raw = path.read_text(encoding="utf-8")
    raw_lines = {line.strip() for line in raw.splitlines() if len(line.strip()) > 3}
    assert not any(line in report.text for line in raw_lines)


def test_longgang_speech_form(corpus_dir: Path) -> None:
    report = read_report(_need(corpus_dir / "longgang-district-2022-part.txt"))
    assert report.meta.issuer == "龙岗区人民政府"
    assert report.meta.addressee is None
    assert report.meta.year == 2021
    assert report.sections[0].level == 1


def test_every_bench_report(corpus_dir: Path) -> None:
    bench = _need(corpus_dir / "bench")
    paths = list(iter_report_paths([bench]))
    assert len(paths) == 141
    assert paths == sorted(paths)
    for path in paths:
        report = read_report(path)
        raw = path.read_text(encoding="utf-8")
        assert len(report.text) > 0.9 * len(raw.strip()) - 2000, path.name
        assert report.meta.issuer and report.meta.year and report.meta.title, path.name
        assert 2008 <= report.meta.year <= 2025, path.name
        assert report.sections, path.name
        assert min(s.level for s in report.sections) <= 2, path.name
        for s in report.sections:
            assert 0 <= s.begin < s.end <= len(report.text), path.name
            assert s.parent is None or report.sections[s.parent].begin < s.begin, path.name
        ends = [s.end for s in report.sentences]
        assert ends == sorted(ends)
        assert all(report.text[s.begin:s.end].strip() for s in report.sentences)
