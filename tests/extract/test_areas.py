"""Areas written in names: place chains, issuers' areas, area prefixes."""

from __future__ import annotations

import pytest

from lawgraph.extract.areas import expand_prefix, locate_area, parse_places, short_name
from lawgraph.extract.context import context_from_strings


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
def test_locate_area(issuer: str, area: str, level: str, province: str, city: str | None,
                     prefix: str) -> None:
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


@pytest.mark.parametrize(
    ("name", "short"),
    [("甘肃省", "甘肃"), ("武威市", "武威"), ("新疆维吾尔自治区", "新疆"), ("古浪县", "古浪"),
     ("兰州新区", "兰州新")],
)
def test_short_name_drops_the_level_word(name: str, short: str) -> None:
    assert short_name(name) == short
