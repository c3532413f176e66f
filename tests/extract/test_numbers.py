"""Number forms of the reports: Chinese and Arabic numerals, scales, hedges and units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lawgraph.extract.numbers import find_quantities, load_units, parse_chinese, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("8万", "80000"),
        ("5600多万", "56000000"),
        ("99.7", "99.7"),
        ("半", "0.5"),
        ("二十", "20"),
        ("十四", "14"),
        ("一千二百三十四", "1234"),
        ("一千零五", "1005"),
        ("两万", "20000"),
        ("三万五千", "35000"),
        ("1.87万", "18700"),
        ("379.87亿", "37987000000"),
        ("2.6万多", "26000"),
        ("1,234", "1234"),
        ("一亿二千万", "120000000"),
    ],
)
def test_parse_number(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["十四五", "七一", "百千", "万", "", "三五"])
def test_parse_number_rejects_names(text: str) -> None:
    assert parse_number(text) is None


def test_parse_chinese_reads_digit_strings_with_zero_as_years() -> None:
    assert parse_chinese("二〇二二") == Decimal(2022)


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx", "written"),
    [
        ("累计办理来电8万件", "80000", "件", None, "8万件"),
        ("阅读量达5600多万人次", "56000000", "人次", "多", "5600多万人次"),
        ("按期办结率99.7%", "99.7", "%", None, "99.7%"),
        ("实现半小时办结", "0.5", "小时", None, "半小时"),
        ("完成二十项改革", "20", "项", None, "二十项"),
        ("培训一千二百三十四人", "1234", "人", None, "一千二百三十四人"),
        ("新增学位1.87万座", "18700", "座", None, "1.87万座"),
        ("民生支出379.87亿元", "37987000000", "元", None, "379.87亿元"),
        ("投资超765亿元", "76500000000", "元", "超", "超765亿元"),
        ("学习法规近30部", "30", "部", "近", "近30部"),
        ("约200人参加", "200", "人", "约", "约200人"),
        ("超过3000名干部", "3000", "名", "超过", "超过3000名"),
        ("作出批示20余次", "20", "次", "余", "20余次"),
        ("新增专栏130多个", "130", "个", "多", "130多个"),
        ("覆盖率达到90%以上", "90", "%", "以上", "90%以上"),
        ("占支出的八成以上", "8", "成", "以上", "八成以上"),
        ("结案率达到百分之九十", "90", "%", None, "百分之九十"),
        ("九大类民生支出", "9", "类", None, "九大类"),
        ("建成12.5公里绿道", "12.5", "公里", None, "12.5公里"),
        ("治理违建2.2万平方米", "22000", "平方米", None, "2.2万平方米"),
        ("惠及居民超13万户", "130000", "户", "超", "超13万户"),
        ("办理时限压缩至3个工作日", "3", "个工作日", None, "3个工作日"),
    ],
)
def test_find_quantities(text: str, value: str, unit: str, approx: str | None, written: str) -> None:
    found = find_quantities(text)
    assert len(found) == 1
    q = found[0]
    assert (q.value, q.unit, q.approximation, q.written) == (Decimal(value), unit, approx, written)
    assert text[q.begin : q.end] == written


def test_two_quantities_side_by_side() -> None:
    found = find_quantities("对接3个大厅12类590台终端")
    assert [(q.value, q.unit) for q in found] == [
        (Decimal(3), "个"),
        (Decimal(12), "类"),
        (Decimal(590), "台"),
    ]


def test_units_come_from_the_data_file() -> None:
    units = load_units()
    assert {
        "件",
        "项",
        "人",
        "名",
        "个",
        "家",
        "户",
        "次",
        "场次",
        "人次",
        "条",
        "份",
        "部",
        "台",
        "类",
        "种",
        "%",
        "元",
        "小时",
        "公里",
        "平方米",
        "亩",
        "座",
        "所",
        "张",
        "套",
        "场",
        "年",
        "轮",
        "成",
        "课时",
    } <= set(units)
    assert set(units.values()) <= {"count", "measure", "time", "step", "arabic", "year", "percent"}


def test_quantity_matches_are_those_of_finditer() -> None:
    """Trying the pattern only where a number starts finds what ``finditer`` finds."""
    from lawgraph.extract.numbers import QuantityFinder, _iter_quantity_matches

    text = "受理案件１２件，办结率99.5%。一二三四件；零点五小时、三百五十家，"
    text += "半年，亿元12,345.6万元件件１２3个"
    pattern = QuantityFinder(load_units()).pattern
    expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    assert [(m.span(), m.groups()) for m in _iter_quantity_matches(pattern, text)] == expected
    assert expected
