"""The issuer and its area read from the text when the title and cover letter do not say (extract/opening)."""

from __future__ import annotations

import pytest

from lawgraph.extract.context import context_from_strings
from lawgraph.extract.opening import area_from_text, level_of, opening_subject


@pytest.mark.parametrize(
    ("text", "issuer", "area"),
    [
        # a department of a province: the province from the names the text repeats (新江苏 included)
        ("2023年度法治政府建设情况\n2023年，在省委省政府的坚强领导下，省司法厅坚持以习近平法治思想为指导，"
         "奋力谱写新江苏现代化建设法治篇章。江苏全省律师……全省（江苏）法律援助……",
         "江苏省司法厅", "江苏省"),
        # a district that opens with its own name
        ("法治政府建设年度报告\n武昌区认真学习贯彻习近平法治思想，推动武汉市委部署落地。",
         "武汉市武昌区人民政府", "武昌区"),
        # a city's bureau: the city the text names most
        ("工作总结\n一年来，市司法局深入推进法治建设。全市……兰州市城关区、兰州市七里河区……兰州",
         "兰州市司法局", "兰州市"),
        # a relative issuer and the session the report was delivered to
        ("政府工作报告\n——在贵州省第十四届\n人民代表大会第四次会议上\n各位代表：\n现在，我代表省人民政府向大会报告工作。",
         "贵州省人民政府", "贵州省"),
    ],
)
def test_issuer_from_the_text(text: str, issuer: str, area: str) -> None:
    ctx = context_from_strings(text=text)
    assert (ctx.issuer, ctx.area) == (issuer, area)


def test_a_municipality_is_its_own_city() -> None:
    ctx = context_from_strings(issuer="市人民政府", title="2025年天津市政府工作报告")
    assert (ctx.issuer, ctx.city) == ("天津市人民政府", "天津市")


def test_an_autonomous_region_relative_issuer() -> None:
    ctx = context_from_strings(issuer="自治区人民政府", title="2025年宁夏回族自治区政府工作报告")
    assert ctx.issuer == "宁夏回族自治区人民政府"


def test_a_news_outlet_is_not_the_issuer_but_a_body_of_the_report() -> None:
    text = "一年来，市司法局深化改革。陇南市、陇南"
    ctx = context_from_strings(issuer="某某网", source="陇南日报", text=text)
    assert ctx.issuer == "陇南市司法局"
    assert ("陇南日报", "MediaOutlet", None) in ctx.bodies


def test_an_addressee_must_name_a_body() -> None:
    assert context_from_strings(issuer="古浪县人民政府", addressee="发布时间").addressee is None
    assert context_from_strings(issuer="古浪县人民政府", addressee="县人大常委会").addressee == (
        "古浪县人民代表大会常务委员会"
    )


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("一、总体情况\n今年以来，区市场监管局坚持依法行政。", "区市场监管局"),
        ("2022年，兰州新区管委会深入推进法治政府建设。", "兰州新区管委会"),
        ("2022年，我局在区委的领导下深入推进依法行政。", None),
        ("二、存在的问题\n法治意识有待提升。", None),
    ],
)
def test_opening_subject(text: str, subject: str | None) -> None:
    assert opening_subject(text, ("市场监管局", "管委会", "政府")) == subject


def test_level_words_and_area_from_text() -> None:
    assert (level_of("县委常委会"), level_of("自治州人民政府"), level_of("工会")) == (3, 2, None)
    assert area_from_text("四川省省长 某某\n各位代表：", 1) == "四川省"
    assert area_from_text("没有地名的文字。", 1) is None


def test_the_body_a_title_starts_with_is_the_issuer() -> None:
    text = "2021年，在区委、区政府的坚强领导下，我局深入推进依法行政。"
    ctx = context_from_strings(title="武昌区司法局2021年法治政府建设年度报告", text=text)
    assert (ctx.issuer, ctx.own_prefix) == ("武汉市武昌区司法局", "武汉市武昌区")


def test_a_self_reference_is_no_opening_subject() -> None:
    assert opening_subject("2021年，我局深入推进依法行政。", ("局",)) is None


def test_a_county_party_committee_and_government_as_subject_name_the_county() -> None:
    text = "2022年，渭源县委、县政府坚持以习近平法治思想为引领。定西市……渭源"
    assert context_from_strings(text=text).issuer == "渭源县人民政府"
