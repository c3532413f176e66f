"""lawgraph_initiatives on short sentences we wrote: quoted names, suffixes, and what is not one."""

from __future__ import annotations

import pytest

from lawgraph.extract.extensions import span_attrs
from lawgraph.extract.initiatives import is_slogan
from lawgraph.extract.pipeline import annotate, make_nlp
from lawgraph.model import Report


@pytest.fixture(scope="module")
def nlp():
    return make_nlp(components=["lawgraph_initiatives"])


def initiatives(nlp, text: str) -> list[tuple[str, str]]:
    doc = annotate(nlp, Report(name="t.txt", text=text, sha256="0"))
    out = []
    for span in doc.spans["initiative"]:
        exact = span_attrs(doc, "initiative", span).exact
        surface = doc.text[exact[0] : exact[1]] if exact else span.text
        assert span.label_ == "Initiative"
        out.append((surface, span.kb_id_))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("持续深化“放管服”改革。", ("“放管服”改革", "“放管服”改革")),
        ("扎实开展“雷霆行动”治安大清查行动。", ("“雷霆行动”治安大清查行动", "“雷霆行动”治安大清查行动")),
        ("建立“三社”联动机制。", None),  # “三社” is a numbered slogan: not named
        ("坚持和发展新时代“枫桥经验”。", ("“枫桥经验”", "“枫桥经验”")),
        ("开展民营企业“法治体检”活动。", ("“法治体检”活动", "“法治体检”活动")),
        ("认真落实行政执法能力三年提升行动。", ("行政执法能力三年提升行动", "行政执法能力三年提升行动")),
        ("开展社区矫正突出问题专项整治行动。",
         ("社区矫正突出问题专项整治行动", "社区矫正突出问题专项整治行动")),
        ("打好安全生产专项整治三年行动收官战。", ("安全生产专项整治三年行动", "安全生产专项整治三年行动")),
        ("健全“扫黑除恶”常态化机制。", ("“扫黑除恶”常态化机制", "“扫黑除恶”常态化机制")),
        ("全面实施大气环境质量提升行动。", ("大气环境质量提升行动", "大气环境质量提升行动")),
        # boundary words read as one word still end the name before it
        ("抓实安全管理。全面完成治本攻坚三年行动任务。", ("治本攻坚三年行动", "治本攻坚三年行动")),
    ],
)
def test_initiatives(nlp, text, expected) -> None:
    found = initiatives(nlp, text)
    if expected is None:
        assert found == []
    else:
        assert expected in found


def test_later_quoted_mentions_join_the_initiative(nlp) -> None:
    found = initiatives(nlp, "开展“法治体检”活动，推进“法治体检”常态化。")
    assert [key for _, key in found] == ["“法治体检”活动", "“法治体检”活动"]


@pytest.mark.parametrize(
    "text",
    [
        "立足“三新一高”要求。",
        "拥护“两个确立”、做到“两个维护”。",
        "推动“四强”行动实施。",
        "学习贯彻党的二十大精神和省第十四次党代会精神。",
        "实现“十四五”良好开局。",
        "开展各类专项行动，深入开展“利剑”等22项专项执法行动。",
        "推进政务服务改革。",
        "深入实施“五大行动”。",
        # a count of campaigns is no one campaign
        "继续开展消防、危房等十大专项整治行动。",
        "百余项国家级改革试点任务先行探索。",
    ],
)
def test_not_initiatives(nlp, text) -> None:
    assert initiatives(nlp, text) == []


@pytest.mark.parametrize(
    ("name", "slogan"),
    [("三新一高", True), ("两个确立", True), ("四强", True), ("十四五", True), ("1+1+9", True),
     ("放管服", False), ("枫桥经验", False), ("兰剑突击", False)],
)
def test_is_slogan(name: str, slogan: bool) -> None:
    assert is_slogan(name) is slogan
