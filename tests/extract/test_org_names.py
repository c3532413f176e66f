"""Canonical names of bodies written in the metadata."""

from __future__ import annotations

from lawgraph.extract.context import context_from_strings
from lawgraph.extract.data import Lexicon
from lawgraph.extract.org_names import ORG_NAME_FILES, OrgNames, fill_template

NAMES = OrgNames.from_lexicon(Lexicon.from_package(ORG_NAME_FILES))


def test_canonical_org_of_an_addressee() -> None:
    ctx = context_from_strings(issuer="兰州新区管理委员会")
    assert NAMES.canonical("省政府", ctx) == "甘肃省人民政府"
    assert NAMES.canonical("龙岗区人民政府", None) == "深圳市龙岗区人民政府"


def test_fill_template_needs_every_value() -> None:
    values = {"province": "甘肃省", "city": None, "own": "兰州新区"}
    assert fill_template("{own}人民法院", values) == "兰州新区人民法院"
    assert fill_template("{province}{city}人民政府", values) is None
    assert fill_template("中共{province}委员会", values) == "中共甘肃省委员会"
