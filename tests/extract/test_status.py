"""The status of what a report states (lawgraph.extract.status): by section, paragraph and cue words."""

from __future__ import annotations

import pytest

from lawgraph.extract.status import StatusReader, cue_status, heading_status
from lawgraph.ingest import report_from_text

# A report of our own making with the three kinds of section, headings at two levels, a paragraph that a
# colon-ended lead turns into a list of shortcomings, and cue words against the section.
REPORT = """甲县人民政府关于2023年度法治政府建设情况的报告

一、2023年法治政府建设主要成效
(一)制度建设。印发《甲县行政执法监督办法》，受理行政复议案件45件。我们还将上述做法推广到各乡镇。
(二)执法监督。开展案卷评查，但执法规范化水平仍有待提高。
二、存在的不足和问题
一年来虽有进步，但仍存在以下问题：一是执法队伍专业化水平不高。二是基层法治力量薄弱。
部分乡镇司法所人员配备不足。
三、2024年工作安排
(一)健全制度体系。修订行政规范性文件管理办法，力争复议纠错率控制在5%以内。
(二)加强队伍建设。组织执法人员培训600人次。
"""


@pytest.fixture(scope="module")
def reader_and_text():
    report = report_from_text(REPORT, name="jia-2023.txt")
    return StatusReader(report), report.text


@pytest.mark.parametrize(
    ("phrase", "status"),
    [
        ("印发《甲县行政执法监督办法》", "done"),  # a done section
        ("受理行政复议案件45件", "done"),
        ("我们还将上述做法推广到各乡镇", "planned"),  # a plan cue inside a done section
        ("开展案卷评查", "done"),
        ("执法规范化水平仍有待提高", "shortcoming"),  # a shortcoming cue after the done part of a sentence
        ("一是执法队伍专业化水平不高", "shortcoming"),  # a shortcoming section
        ("部分乡镇司法所人员配备不足", "shortcoming"),
        ("修订行政规范性文件管理办法", "planned"),  # a later year's work plan
        ("力争复议纠错率控制在5%以内", "planned"),
        ("组织执法人员培训600人次", "planned"),
    ],
)
def test_status_of_a_report_with_three_kinds_of_section(reader_and_text, phrase: str, status: str) -> None:
    reader, text = reader_and_text
    at = text.index(phrase)
    assert reader.status(at, at + len(phrase)) == status


def test_a_colon_lead_gives_its_status_to_the_rest_of_the_paragraph() -> None:
    text = "一、工作情况\n一年来工作仍存在以下不足：执法人员配备。培训覆盖面。\n另一段落，成立委员会。\n"
    report = report_from_text(text, name="r.txt")
    reader, body = StatusReader(report), report.text
    for phrase, status in (("培训覆盖面", "shortcoming"), ("成立委员会", "done")):
        at = body.index(phrase)
        assert reader.status(at, at + len(phrase)) == status, phrase


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("2023年工作情况", "done"),
        ("主要成效", "done"),
        ("一年来的主要做法和成效", "done"),
        ("2025年工作回顾和“十四五”发展主要成绩", "done"),
        ("存在的不足", "shortcoming"),
        ("存在的主要问题", "shortcoming"),
        ("问题和不足", "shortcoming"),
        ("下一步工作安排", "planned"),
        ("下一步工作打算", "planned"),
        ("2024年工作思路", "planned"),
        ("“十五五”时期的主要目标任务", "planned"),
        ("存在的问题和下一步工作打算", "mixed"),
        ("着力解决群众急难愁盼问题", None),  # a topic that names a problem to solve is no shortcoming section
        ("推进权责清单协同高效", None),
    ],
)
def test_heading_variants(title: str, status: str | None) -> None:
    assert heading_status(title, 2023) == status


def test_a_heading_that_names_a_later_year_is_a_plan() -> None:
    assert heading_status("2026年重点工作", 2025) == "planned"
    assert heading_status("2025年重点工作", 2025) == "planned"  # 重点工作 alone is a plan's word
    assert heading_status("2025年重点工作完成情况", 2025) == "done"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("我们将继续深化改革", "planned"),
        ("计划新建调解室10个", "planned"),
        ("拟出台实施细则", "planned"),
        ("力争年底前全部办结", "planned"),
        ("下一步，重点抓好普法", "planned"),
        ("执法规范化水平还不够高", "shortcoming"),
        ("基层法治建设仍有一定差距", "shortcoming"),
        ("还存在执法不规范问题", "shortcoming"),
        ("工作机制亟待完善", "shortcoming"),
        ("将改革事项纳入全面深化改革要点", None),  # 将 as 把: no plan
        ("针对存在的不足，下一步将完善机制", "planned"),  # the later cue wins
        ("出台《2024年普法工作计划》", None),  # a title's words are not cues
    ],
)
def test_cue_words(text: str, status: str | None) -> None:
    assert cue_status(text, 2023) == status


def test_unnumbered_part_headings_give_their_status() -> None:
    """A work report whose parts are plain lines (2022年工作回顾 / 2023年主要工作) around numbered sections
    that name no status: the part decides."""
    text = (
        "乙区2023年政府工作报告\n2022年工作回顾\n（一）经济发展。成立产业联盟。\n"
        "2023年主要工作\n（一）强力推进项目建设。新建停车场10个。\n"
    )
    report = report_from_text(text, name="yi-2023.txt")
    reader, body = StatusReader(report), report.text
    found = [reader.status(body.find(s), body.find(s) + len(s)) for s in ("成立产业联盟", "新建停车场")]
    assert found == ["done", "planned"]
