"""The report's context: issuer, area, province and addressee."""

from __future__ import annotations

import pytest

from lawgraph.extract.context import context_from_strings
from lawgraph.extract.organizations import find_organizations


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
        ("区人民政府", "2023年政府工作报告（在福田区第八届人民代表大会第三次会议上）",
         "深圳市福田区人民政府"),
        ("光明区一届人民政府", None, "深圳市光明区人民政府"),
        ("新区党工委、管委会", "光明新区2015年工作报告", "光明新区管理委员会"),
    ],
)
def test_context_of_relative_or_joint_issuers(issuer: str, title: str | None, key: str) -> None:
    assert context_from_strings(issuer=issuer, title=title, text="深圳").issuer == key


def test_a_zone_is_placed_by_the_city_its_text_names() -> None:
    ctx = context_from_strings(issuer="大鹏新区管理委员会", text="深圳东部，深圳市大鹏新区，深圳")
    assert (ctx.own_prefix, ctx.province) == ("大鹏新区", "广东省")


def test_a_zones_city_bodies_are_the_city_its_text_names_most() -> None:
    text = "深圳东部的新区。落实深圳市委部署，服务深圳发展。在市委、市政府领导下。"
    ctx = context_from_strings(issuer="大鹏新区管理委员会", text=text)
    assert ctx.city == "深圳市"
    found = {text[o.begin : o.end]: o.key for o in find_organizations(text, ctx)}
    assert found["市委"] == "中共深圳市委员会"
    assert found["市政府"] == "深圳市人民政府"
    assert context_from_strings(issuer="大鹏新区管理委员会", text="深圳东部的新区。").city is None


def test_context_resolves_the_addressee() -> None:
    ctx = context_from_strings(issuer="古浪县人民政府", addressee="市政府")
    assert ctx.addressee == "武威市人民政府"
