"""The cover letter and speech forms, on letters we wrote."""

from __future__ import annotations

import datetime as dt

import pytest

from lawgraph.ingest.cover import (
    clean_page_title,
    issuer_from_title,
    read_cover,
    report_year,
    title_from_stem,
)

LETTER = """某市人民政府关于报送
《某市2021年度法治政府建设情况》的报告

省政府:

现将我市2021年度法治政府建设情况随文报送,请审阅。

某市人民政府

二〇二二年一月二十日

某市2021年度法治政府建设情况

一、工作成效
我市推进依法行政。"""


def test_cover_letter_over_two_title_lines() -> None:
    info = read_cover(LETTER)
    assert info.title == "某市人民政府关于报送《某市2021年度法治政府建设情况》的报告"
    assert info.addressee == "省政府"
    assert info.sender == "某市人民政府"
    assert info.date == dt.date(2022, 1, 20)
    assert LETTER[info.body_begin:].startswith("某市2021年度法治政府建设情况\n")


@pytest.mark.parametrize(
    "addressee", ["市政府", "国务院", "市委、市政府", "州人民政府", "县委全面依法治县委员会"]
)
def test_addressees(addressee: str) -> None:
    text = (
        f"某县2023年法治政府建设情况报告\n{addressee}:\n"
        "现将有关情况报告如下。\n某县人民政府\n2024年2月1日\n正文。"
    )
    info = read_cover(text)
    assert info.addressee == addressee
    assert info.title == "某县2023年法治政府建设情况报告"
    assert (info.sender, info.date) == ("某县人民政府", dt.date(2024, 2, 1))


def test_letter_that_is_the_report_signs_at_the_end() -> None:
    body = "2023年,我县坚持依法行政,各项工作取得新进展。" * 40
    text = f"市政府:\n{body}\n一、主要做法\n加强制度建设。\n某县司法局\n2024年1月30日"
    info = read_cover(text)
    assert info.addressee == "市政府"
    assert (info.sender, info.date) == ("某县司法局", dt.date(2024, 1, 30))
    assert text[info.body_begin:].startswith("2023年,我县")


def test_signature_and_date_on_one_line() -> None:
    text = "区政府:\n现将情况报送如下。\n某街道办事处 2023年12月28日\n一、主要做法\n加强学习。"
    info = read_cover(text)
    assert (info.sender, info.date) == ("某街道办事处", dt.date(2023, 12, 28))
    assert text[info.body_begin:].startswith("一、主要做法")


def test_speech_form_names_the_issuer() -> None:
    text = "各位代表:\n现在,我代表某区人民政府向大会作工作报告,请予审议。\n一、2022年工作回顾\n经济平稳增长。"
    info = read_cover(text)
    assert info.addressee is None
    assert info.speaker == "某区人民政府"
    assert report_year(None, text, None) == 2022


def test_a_plain_report_has_no_cover() -> None:
    text = "某县2022年法治政府建设情况\n一、主要工作\n县政府印发文件。"
    info = read_cover(text)
    assert (info.addressee, info.sender, info.date, info.body_begin) == (None, None, None, 0)
    assert info.title == "某县2022年法治政府建设情况"


def test_report_year_rules() -> None:
    assert report_year("某县2022年度法治政府建设情况", "", dt.date(2023, 1, 5)) == 2022
    assert report_year("某县2022年法治政府建设工作报告", "", None) == 2022
    assert report_year("2021年某区政府工作报告", "", None) == 2020
    assert report_year("某县法治政府建设情况报告", "", dt.date(2023, 1, 12)) == 2022
    assert report_year("某市政府工作报告", "", None, name="某市政府工作报告_2019年") == 2018
    assert report_year(None, "", None) is None


def test_titles_from_pages_and_files() -> None:
    assert clean_page_title("某县法治政府建设情况 - 某县人民政府网") == "某县法治政府建设情况"
    assert title_from_stem("某区2020年政府工作报告_2020") == "某区2020年政府工作报告"
    assert issuer_from_title("某自治州人民政府关于报送某情况的报告") == "某自治州人民政府"
    assert issuer_from_title("关于某情况的报告") is None


def test_document_number_and_issuer_on_their_own_lines() -> None:
    text = (
        "某府〔2023〕5号\n某县人民政府\n关于2022年法治政府建设工作情况的报告\n州人民政府:\n"
        "2022年,我县深入推进依法行政,现将有关情况报告如下:\n一、主要成效\n加强领导。\n某县人民政府\n2023年1月10日"
    )
    info = read_cover(text)
    assert info.title == "某县人民政府关于2022年法治政府建设工作情况的报告"
    assert (info.addressee, info.sender, info.date) == ("州人民政府", "某县人民政府", dt.date(2023, 1, 10))
    assert text[info.body_begin:].startswith("2022年,我县")
