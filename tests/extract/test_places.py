"""lawgraph_places on short sentences we wrote: one row per rule, plus negatives."""

from __future__ import annotations

import pytest

from lawgraph.extract.extensions import span_attrs
from lawgraph.extract.pipeline import annotate, make_nlp
from lawgraph.model import Report, ReportMeta

GANSU_NEW_AREA = "兰州新区管理委员会"
SHENZHEN_DISTRICT = "深圳市龙岗区人民政府"


@pytest.fixture(scope="module")
def nlp():
    return make_nlp(components=["lawgraph_places"])


def places(nlp, text: str, issuer: str | None = None) -> list[tuple[str, str, str, str | None]]:
    doc = annotate(nlp, Report(name="t.txt", text=text, sha256="0", meta=ReportMeta(issuer=issuer)))
    out = []
    for span in doc.spans["place"]:
        attrs = span_attrs(doc, "place", span)
        surface = doc.text[attrs.exact[0] : attrs.exact[1]] if attrs.exact else span.text
        out.append((surface, span.label_, span.kb_id_, attrs.parent))
    return out


def keys(found):
    return {(surface, label, key) for surface, label, key, _ in found}


@pytest.mark.parametrize(
    ("text", "issuer", "expected"),
    [
        # each level by its full name
        ("甘肃省召开会议。", None, ("甘肃省", "Province", "甘肃省")),
        ("兰州市召开会议。", None, ("兰州市", "City", "甘肃省兰州市")),
        ("永登县召开会议。", None, ("永登县", "County", "甘肃省兰州市永登县")),
        ("龙岗区召开会议。", None, ("龙岗区", "District", "广东省深圳市龙岗区")),
        ("布吉街道召开会议。", SHENZHEN_DISTRICT, ("布吉街道", "Subdistrict", "广东省深圳市龙岗区布吉街道")),
        ("秦川镇召开会议。", "皋兰县人民政府", ("秦川镇", "Town", "甘肃省兰州市皋兰县秦川镇")),
        # safe short forms of provinces, cities and counties
        ("甘肃改革走在前列。", None, ("甘肃", "Province", "甘肃省")),
        ("深圳经济持续增长。", None, ("深圳", "City", "广东省深圳市")),
        ("支持海丰对口帮扶工作。", SHENZHEN_DISTRICT, ("海丰", "County", "广东省汕尾市海丰县")),
        # a county short form after its province, and in a list after it
        ("完成广西靖西、那坡扶贫协作。", SHENZHEN_DISTRICT, ("那坡", "County", "广西壮族自治区百色市那坡县")),
        # a township's short form inside the report's own district
        ("宝龙、横岗文体中心动工。", SHENZHEN_DISTRICT,
         ("横岗", "Subdistrict", "广东省深圳市龙岗区横岗街道")),
        # a place heading a body's abbreviation (温州市委) is still named in full
        ("温州市委部署改革。", "永嘉县人民政府", ("温州市", "City", "浙江省温州市")),
        # an autonomous prefecture's short form with its level word
        ("恩施州积极探索。", "湖北省人民政府", ("恩施州", "City", "湖北省恩施土家族苗族自治州")),
        # ambiguity resolved by the report's own district (five 龙城街道 in the table)
        ("龙城街道建成养老网络。", SHENZHEN_DISTRICT,
         ("龙城街道", "Subdistrict", "广东省深圳市龙岗区龙城街道")),
    ],
)
def test_divisions(nlp, text, issuer, expected) -> None:
    assert expected in keys(places(nlp, text, issuer))


def test_village_in_town_chain_is_split(nlp) -> None:
    found = places(nlp, "西岔镇新康村成立调解委员会。", GANSU_NEW_AREA)
    assert found[0] == ("西岔镇", "Town", "甘肃省兰州市皋兰县西岔镇", "甘肃省兰州市皋兰县")
    assert found[1] == ("新康村", "Village", "甘肃省兰州市皋兰县西岔镇新康村", "甘肃省兰州市皋兰县西岔镇")


def test_community_in_subdistrict_chain(nlp) -> None:
    found = places(nlp, "坂田街道杨美社区开展活动。", SHENZHEN_DISTRICT)
    assert ("杨美社区", "Community", "广东省深圳市龙岗区坂田街道杨美社区") in keys(found)


def test_written_parent_wins_over_the_table(nlp) -> None:
    # The table files 上川镇 under 皋兰县; a text that writes 永登县上川镇 is read as written.
    found = places(nlp, "对永登县上川镇实行委托管理。", GANSU_NEW_AREA)
    assert found[1] == ("上川镇", "Town", "甘肃省兰州市永登县上川镇", "甘肃省兰州市永登县")


def test_ambiguous_town_resolved_by_other_places_in_the_doc(nlp) -> None:
    # Two 中川镇 in 甘肃; 皋兰县 named in the same text decides.
    found = places(nlp, "皋兰县召开会议。中川镇建成法治广场。", "甘肃省人民政府")
    assert ("中川镇", "Town", "甘肃省兰州市皋兰县中川镇") in keys(found)


def test_town_missing_from_the_table_takes_its_chain(nlp) -> None:
    found = places(nlp, "帮扶深汕特别合作区赤石镇乡村振兴。", SHENZHEN_DISTRICT)
    assert ("深汕特别合作区", "NewArea", "深汕特别合作区") in keys(found)
    assert ("赤石镇", "Town", "深汕特别合作区赤石镇") in keys(found)


def test_village_alone(nlp) -> None:
    found = places(nlp, "省考西湖村断面水质达标。", SHENZHEN_DISTRICT)
    assert ("西湖村", "Village", "广东省深圳市龙岗区西湖村") in keys(found)


def test_community_alone_in_a_subdistrict_report(nlp) -> None:
    found = places(nlp, "辖区龙泉社区设立法律服务站，推进社区矫正和智慧社区建设。",
                   "石嘴山市大武口区长胜街道办事处")
    assert [(s, c) for s, c, _, _ in found] == [("龙泉社区", "Community")]


@pytest.mark.parametrize(
    ("text", "issuer", "expected"),
    [
        ("2022年，兰州新区坚持改革。", GANSU_NEW_AREA, ("兰州新区", "NewArea", "甘肃省兰州新区")),
        # a new area the table does not know, opening a clause
        ("贵阳发展提速，贵安新区建设取得新进展。", "贵阳市人民政府", ("贵安新区", "NewArea", "贵州贵安新区")),
        # 新区 alone is the report's own new area
        ("推动新区高质量发展。", GANSU_NEW_AREA, ("新区", "NewArea", "甘肃省兰州新区")),
        ("建成兰州新区法治文化公园。", GANSU_NEW_AREA,
         ("兰州新区法治文化公园", "Park", "兰州新区法治文化公园")),
                # a park without a proper head in a local report is the area's own; parks are schema:Place
        ("在精细化工园区举办宣讲。", GANSU_NEW_AREA, ("精细化工园区", "Place", "兰州新区精细化工园区")),
        ("坪地新能源产业园加快建设。", SHENZHEN_DISTRICT, ("坪地新能源产业园", "Place", "坪地新能源产业园")),
        # a leading 区 is the report's own district
        ("区儿童公园动工。", SHENZHEN_DISTRICT, ("区儿童公园", "Park", "深圳市龙岗区儿童公园")),
        ("抓住深化前海深港现代服务业合作区改革机遇。", SHENZHEN_DISTRICT,
         ("前海深港现代服务业合作区", "NewArea", "前海深港现代服务业合作区")),
    ],
)
def test_zones_and_parks(nlp, text, issuer, expected) -> None:
    assert expected in keys(places(nlp, text, issuer))


def test_generic_zone_name_is_an_alias_of_the_named_zone(nlp) -> None:
    found = places(nlp, "成立化工园区管理委员会，在精细化工园区举办宣讲。", GANSU_NEW_AREA)
    assert ("化工园区", "Place", "兰州新区精细化工园区") in keys(found)


def test_generic_zone_alone_is_not_a_place(nlp) -> None:
    assert places(nlp, "全市256个工业园区完成改造，指导各园区开展工作。", SHENZHEN_DISTRICT) == []


@pytest.mark.parametrize(
    "text",
    [
        "各级各部门依法行政能力显著提升。",
        "城区环境持续改善，城镇化水平提高。",  # 城区 is a district's name in the table, and an everyday word
        "推进富裕和合作共赢。",  # 富裕县, 合作市: short forms that are ordinary words
        "民主法治示范村创建成功，城中村改造加快。",
        "与武威中院建立协作机制。",  # a short form heading a body's name is the body's name
        "沿海丰富的资源。",  # 海丰 across a word boundary
        "建成人行天桥4座。",  # 天桥区 is in 济南: a short form far from home needs its parent or a list
        "新建区文化馆一座。",  # 新建区 (南昌) is no single word here
        "实现乡村振兴，推进玉林社区建设。",  # 乡村 is a word; 玉林 heads a community's name
        "组织法律宣传进村入户。",
        "建成平湖南综合接驳站。",  # 湖南 straddles 平湖
    ],
)
def test_not_places(nlp, text) -> None:
    assert places(nlp, text, SHENZHEN_DISTRICT) == []


def test_codes_and_parents_on_spans(nlp) -> None:
    doc = annotate(nlp, Report(name="t.txt", text="永登县召开会议。", sha256="0"))
    (span,) = doc.spans["place"]
    attrs = span_attrs(doc, "place", span)
    assert (attrs.code, attrs.parent) == ("620121", "甘肃省兰州市")
