"""Linking observations to indicator concepts, on short sentences we wrote (invented figures)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lawgraph.concepts import default_matcher, load_scheme
from lawgraph.extract.indicators import indicators_from_text


def links(text: str) -> list[tuple[str, str, str, Decimal | None, str | None]]:
    """``(written, notation or "", kind, base value, base unit)`` of every indicator of ``text``."""
    matcher = default_matcher()
    out = []
    for indicator in indicators_from_text(text):
        found = matcher.match(text, indicator)
        if found is None:
            out.append((indicator.written, "", "", None, None))
        else:
            out.append(
                (indicator.written, found.concept.notation, found.kind, found.base_value, found.base_unit)
            )
    return out


def test_scheme_has_the_indicators_of_the_issue() -> None:
    scheme = load_scheme()
    for name in (
        "地区生产总值",
        "一般公共预算收入",
        "居民人均可支配收入",
        "城镇新增就业",
        "行政复议案件",
        "行政诉讼案件",
        "行政机关负责人出庭应诉率",
        "规范性文件备案审查",
        "法律顾问",
        "执法人员培训",
    ):
        concept = scheme.find(name)
        assert concept is not None, name
        assert concept.dimension.base_unit
        assert concept.sources, name
    assert scheme.find("复议案件") is scheme.find("行政复议申请") is scheme.find("行政复议案件")
    assert scheme.find("地区生产总值") is not scheme.find("人均地区生产总值")
    labels = [label for concept in scheme for label in concept.labels]
    assert len(labels) == len(set(labels)), "a synonym names two concepts"


def test_level_and_growth_of_one_figure_are_kept_apart() -> None:
    got = links("全县地区生产总值312.6亿元、增长6.1%，一般公共预算收入18.2亿元。")
    assert got == [
        ("312.6亿元", "gdp", "level", Decimal("31260000000"), "元"),
        ("6.1%", "gdp", "growth", Decimal("6.1"), "%"),
        ("18.2亿元", "budget-revenue", "level", Decimal("1820000000"), "元"),
    ]


def test_average_growth_share_and_fall() -> None:
    got = links("地区生产总值年均增长6.3%。行政机关负责人出庭应诉率达98.5%。单位地区生产总值能耗下降3.2%。")
    assert got == [
        ("6.3%", "gdp", "averageGrowth", Decimal("6.3"), "%"),
        ("98.5%", "head-court-appearance-rate", "share", Decimal("98.5"), "%"),
        ("3.2%", "energy-intensity", "growth", Decimal("-3.2"), "%"),
    ]


def test_units_convert_to_the_base_unit() -> None:
    got = links("城镇新增就业3.6万人。粮食总产量68.4万公斤。受理行政复议申请210宗。")
    assert got == [
        ("3.6万人", "urban-jobs", "level", Decimal("36000"), "人"),
        ("68.4万公斤", "grain-output", "level", Decimal("684"), "吨"),
        ("210宗", "admin-reconsideration-cases", "level", Decimal("210"), "件"),
    ]


def test_a_ranking_between_level_and_growth() -> None:
    got = links("全县地区生产总值达到405亿元、稳居全市前三、增长6.6%。")
    assert got[-1] == ("6.6%", "gdp", "growth", Decimal("6.6"), "%")


def test_a_growth_clause_continues_the_clause_before() -> None:
    got = links("实现地区生产总值805亿元，增长5.9%，总量居全市第二。")
    assert got[:2] == [
        ("805亿元", "gdp", "level", Decimal("80500000000"), "元"),
        ("5.9%", "gdp", "growth", Decimal("5.9"), "%"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "服务业增加值占地区生产总值比重达52.3%。",  # a share of another figure
        "县域地区生产总值增长7.2%。",  # a part of the area
        "力争海洋生产总值增长6.8%。",  # a sector
        "脱贫地区农村居民人均可支配收入增长7.5%。",  # a group of places
        "单位地区生产总值二氧化碳排放降低4.1%。",  # another figure
        "地区生产总值从210亿元提高到305亿元。",  # 210 is the earlier level …
    ],
)
def test_names_that_are_not_what_the_number_measures(text: str) -> None:
    first = links(text)[0]
    assert first[1] == "", first


def test_respectively_gives_each_number_its_name() -> None:
    got = links("一般公共预算收入、城镇新增就业分别增长3.1%、2.4%。")
    assert [(g[1], g[2], g[3]) for g in got] == [
        ("budget-revenue", "growth", Decimal("3.1")),
        ("urban-jobs", "growth", Decimal("2.4")),
    ]
    # Items that share the last one's tail: 城镇(居民人均可支配收入)、农村居民人均可支配收入.
    got = links("城镇和农村居民人均可支配收入分别增长4.1%、6.2%。")
    assert [(g[1], g[3]) for g in got] == [
        ("urban-disposable-income", Decimal("4.1")),
        ("rural-disposable-income", Decimal("6.2")),
    ]
    # A list whose items are not each one name links none.
    assert {g[1] for g in links("城镇、新区居民平均收入分别增长4.1%、6.2%。")} == {""}
    assert {g[1] for g in links("城乡居民人均可支配收入分别达5.1万元、2.3万元。")} == {""}


def test_a_name_after_the_number_and_an_unmatched_phrase() -> None:
    got = links("办理45件行政复议案件，新建口袋公园12个。")
    assert got == [
        ("45件", "admin-reconsideration-cases", "level", Decimal("45"), "件"),
        ("12个", "", "", None, None),
    ]
