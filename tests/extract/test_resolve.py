"""Area prefixes and canonical names."""

from __future__ import annotations

import pytest

from lawgraph.extract.context import context_from_strings
from lawgraph.extract.resolve import canonical_org, expand_prefix, locate_area, normalize_label, parse_places


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("甘肃省兰州市永登县", ["甘肃省", "兰州市", "永登县"]),
        ("深圳市龙岗区", ["深圳市", "龙岗区"]),
        ("甘肃省兰州新区", ["甘肃省", "兰州新区"]),
        ("武威", ["武威市"]),
        ("法治政府", []),
    ],
)
def test_parse_places(text: str, names: list[str]) -> None:
    assert [p.name for p in parse_places(text)] == names


@pytest.mark.parametrize(
    ("issuer", "area", "level", "province", "city", "prefix"),
    [
        ("深圳市龙岗区人民政府", "龙岗区", "district", "广东省", "深圳市", "深圳市龙岗区"),
        ("龙岗区人民政府", "龙岗区", "district", "广东省", "深圳市", "深圳市龙岗区"),
        ("兰州新区管理委员会", "兰州新区", "new_area", "甘肃省", None, "兰州新区"),
        ("古浪县人民政府", "古浪县", "county", "甘肃省", "武威市", "古浪县"),
        ("张掖市人民政府", "张掖市", "city", "甘肃省", "张掖市", "张掖市"),
        ("甘肃省人民政府", "甘肃省", "province", "甘肃省", None, "甘肃省"),
    ],
)
def test_locate_area(issuer: str, area: str, level: str, province: str, city: str | None, prefix: str) -> None:
    located = locate_area(issuer)
    assert located is not None
    assert (located.area, located.level, located.province, located.city, located.prefix) == (
        area, level, province, city, prefix,
    )


@pytest.mark.parametrize(
    ("issuer", "prefix", "full"),
    [
        ("古浪县人民政府", "县", "古浪县"),
        ("古浪县人民政府", "省", "甘肃省"),
        ("古浪县人民政府", "市", "武威市"),
        ("兰州新区管理委员会", "新区", "兰州新区"),
        ("兰州新区管理委员会", "兰州新区", "兰州新区"),
        ("兰州新区管理委员会", "甘肃省兰州新区", "兰州新区"),
        ("深圳市龙岗区人民政府", "龙岗区", "深圳市龙岗区"),
        ("深圳市龙岗区人民政府", "武威", "武威市"),
        ("深圳市龙岗区人民政府", "法治", None),
    ],
)
def test_expand_prefix(issuer: str, prefix: str, full: str | None) -> None:
    assert expand_prefix(prefix, context_from_strings(issuer=issuer)) == full


def test_canonical_org_of_an_addressee() -> None:
    ctx = context_from_strings(issuer="兰州新区管理委员会")
    assert canonical_org("省政府", ctx) == "甘肃省人民政府"
    assert canonical_org("龙岗区人民政府", None) == "深圳市龙岗区人民政府"


def test_context_reads_the_issuer_from_a_work_report_opening() -> None:
    ctx = context_from_strings(text="各位代表：\n现在，我代表坪山区人民政府向大会报告工作。")
    assert (ctx.issuer, ctx.province) == ("深圳市坪山区人民政府", "广东省")


def test_a_shared_district_name_is_settled_by_the_text() -> None:
    ctx = context_from_strings(issuer="南山区人民政府", text="南山区位于深圳西部，深圳湾畔。")
    assert (ctx.own_prefix, ctx.province) == ("深圳市南山区", "广东省")
    assert context_from_strings(issuer="南山区人民政府").own_prefix is None


@pytest.mark.parametrize(
    ("issuer", "title", "key"),
    [
        ("区人民政府", "2022年坪山区政府工作报告", "深圳市坪山区人民政府"),
        ("区人民政府", "2023年政府工作报告（在福田区第八届人民代表大会第三次会议上）", "深圳市福田区人民政府"),
        ("光明区一届人民政府", None, "深圳市光明区人民政府"),
        ("新区党工委、管委会", "光明新区2015年工作报告", "光明新区管理委员会"),
    ],
)
def test_context_of_relative_or_joint_issuers(issuer: str, title: str | None, key: str) -> None:
    assert context_from_strings(issuer=issuer, title=title, text="深圳").issuer == key


def test_a_zone_is_placed_by_the_city_its_text_names() -> None:
    ctx = context_from_strings(issuer="大鹏新区管理委员会", text="深圳东部，深圳市大鹏新区，深圳")
    assert (ctx.own_prefix, ctx.province) == ("大鹏新区", "广东省")


def test_context_resolves_the_addressee() -> None:
    ctx = context_from_strings(issuer="古浪县人民政府", addressee="市政府")
    assert ctx.addressee == "武威市人民政府"


def test_normalize_label() -> None:
    assert normalize_label("“1+32”托管（移交）协议") == normalize_label("1+32托管(移交)协议")
