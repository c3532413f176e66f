"""lawgraph_places on named places beyond the division table: regions, countries, zones by the grammar of
their names, sites. Sentences of our own making, one row per rule, plus negatives."""

from __future__ import annotations

import pytest

from lawgraph.extract.pipeline import annotate, make_nlp
from lawgraph.model import Report, ReportMeta

PROVINCE = "四川省人民政府"
ZHEJIANG = "浙江省人民政府"
DISTRICT = "深圳市龙岗区人民政府"


@pytest.fixture(scope="module")
def nlp():
    return make_nlp(components=["lawgraph_places"])


def found(nlp, text: str, issuer: str = PROVINCE) -> set[tuple[str, str, str]]:
    doc = annotate(nlp, Report(name="t.txt", text=text, sha256="0", meta=ReportMeta(issuer=issuer)))
    return {(doc.text[s.start_char : s.end_char], s.label_, s.kb_id_) for s in doc.spans["place"]}


def surfaces(nlp, text: str, issuer: str = PROVINCE) -> set[str]:
    return {surface for surface, _, _ in found(nlp, text, issuer)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the country as the reports write it
        ("我国粮食产量创新高。", ("我国", "Place", "中华人民共和国")),
        ("增速居全国前列。", ("全国", "Place", "中华人民共和国")),
        # other countries, their capitals, world regions and groupings (world_places.tsv, named_regions.tsv)
        ("开通至莫斯科的货运航线。", ("莫斯科", "Place", "俄罗斯联邦莫斯科")),
        ("引进法国企业的项目落地。", ("法国", "Place", "法兰西共和国")),
        ("对东盟、非洲出口增长。", ("东盟", "Place", "东南亚国家联盟")),
        ("拓展中亚市场。", ("中亚", "Place", "中亚")),
        ("对拉美出口增长。", ("拉美", "Place", "拉丁美洲")),
        # China's regions; a bare direction only where it stands for the region
        ("主动融入京津冀协同发展。", ("京津冀", "Place", "京津冀地区")),
        ("对接长三角一体化。", ("长三角", "Place", "长江三角洲地区")),
        ("增速保持西北第一。", ("西北", "Place", "中国西北地区")),
        # a province's part: its one-character abbreviation and a direction
        ("推动粤东振兴发展。", ("粤东", "Place", "广东东部地区")),
    ],
)
def test_listed_places(nlp, text, expected) -> None:
    assert expected in found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "西部地区的一个县城发展较快。",  # 县城 is no place; only the listed 西部地区 is
    ],
)
def test_bare_direction_needs_its_context(nlp, text) -> None:
    assert "西部" not in surfaces(nlp, "推动西部片区老旧小区改造。")
    assert "西部地区" in surfaces(nlp, text)


def test_joint_abbreviation_and_events_hold_no_country(nlp) -> None:
    # 中美 and 中非 are China and another party, not 美国 or the Central African Republic
    assert surfaces(nlp, "中美贸易和中非合作持续推进。") == set()


@pytest.mark.parametrize(
    ("text", "issuer", "expected"),
    [
        # short kinds written in full; the head is a division
        ("推动衢州综保区扩区。", ZHEJIANG, ("衢州综保区", "Park", "衢州综合保税区")),
        ("宜宾高新区获批升级。", PROVINCE, ("宜宾高新区", "Park", "宜宾高新技术产业开发区")),
        ("泸州工业园入选试点。", PROVINCE, ("泸州工业园", "Place", "泸州工业园区")),
        # the province's free trade zone and its parts
        ("自贸试验区改革深入推进。", ZHEJIANG, ("自贸试验区", "Park", "中国（浙江）自由贸易试验区")),
        (
            "自贸试验区宁波片区扩区。",
            ZHEJIANG,
            ("自贸试验区宁波片区", "Park", "中国（浙江）自由贸易试验区宁波片区"),
        ),
        # a name in brackets, a joint name opening with 中国—
        ("建设中国(宜宾)科教城。", PROVINCE, ("中国(宜宾)科教城", "Place", "中国(宜宾)科教城")),
        ("发挥中国—东盟合作示范区作用。", PROVINCE, ("中国—东盟合作示范区", "Park", "中国—东盟合作示范区")),
        # kinds specific by themselves take any head that is not only descriptive
        ("加快星河科创城建设。", PROVINCE, ("星河科创城", "Place", "星河科创城")),
        ("建好凉山都市圈。", PROVINCE, ("凉山都市圈", "Place", "凉山都市圈")),
        ("岷江流域综合治理。", PROVINCE, ("岷江流域", "Place", "岷江流域")),
        # a site is named without the division that locates it
        ("宜宾石柱地遗址入选考古新发现。", PROVINCE, ("石柱地遗址", "Place", "石柱地遗址")),
        # a port after its city
        ("泸州港吞吐量增长。", PROVINCE, ("泸州港", "Place", "泸州港")),
    ],
)
def test_zones_by_the_grammar_of_names(nlp, text, issuer, expected) -> None:
    assert expected in found(nlp, text, issuer)


def test_the_head_of_a_zone_is_also_a_place(nlp) -> None:
    assert ("宜宾", "City", "四川省宜宾市") in found(nlp, "宜宾高新区获批升级。")


@pytest.mark.parametrize(
    "text",
    [
        "全省建成零碳园区12个。",  # a kind of zone, no particular one
        "省级未来产业先导区加快布局。",
        "国家考古遗址公园又添新成员。",  # the class, not a park
        "建设共同富裕示范区。",  # a designation of the whole province
        "港澳台地区交流增多。",  # a joint abbreviation
        "生态清洁小流域治理。",
        "严格落实中高风险地区管控。",
    ],
)
def test_generic_zones_are_not_places(nlp, text) -> None:
    assert {s for s in surfaces(nlp, text) if s not in ("全国", "我国")} == set()


def test_a_zone_without_a_head_is_the_local_areas_own(nlp) -> None:
    assert ("零碳公园", "Park", "深圳市龙岗区零碳公园") in found(nlp, "建成零碳公园。", DISTRICT)
    assert surfaces(nlp, "建成零碳公园。", ZHEJIANG) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the report's own province's cities, even where the short form is also a word
        ("内江、自贡经济总量突破千亿。", ("自贡", "City", "四川省自贡市")),
        # a place that says where a thing is (an airport, a bridge) is a place
        ("建成乐山机场。", ("乐山", "City", "四川省乐山市")),
    ],
)
def test_division_short_forms(nlp, text, expected) -> None:
    assert expected in found(nlp, text)


def test_a_short_form_heading_an_organization_is_not_a_place(nlp) -> None:
    assert "上海" not in surfaces(nlp, "上海合作组织成员国代表来访。")


def dated(nlp, text: str, year: int, issuer: str = "兰州新区管理委员会") -> set[tuple[str, str, str]]:
    meta = ReportMeta(issuer=issuer, year=year)
    doc = annotate(nlp, Report(name="t.txt", text=text, sha256="0", meta=meta))
    return {(doc.text[s.start_char : s.end_char], s.label_, s.kb_id_) for s in doc.spans["place"]}


def test_a_township_is_read_with_the_divisions_of_the_reports_year(nlp) -> None:
    # 上川镇 was in 永登县 in the table of 2021–2022 and is in 皋兰县 in that of 2025: a 2022 report that
    # writes it alone and one that writes 永登县上川镇 give one node.
    alone = dated(nlp, "上川镇建成文化广场。", 2022)
    written = dated(nlp, "永登县上川镇建成文化广场。", 2022)
    assert ("上川镇", "Town", "甘肃省兰州市永登县上川镇") in alone & written
    assert ("上川镇", "Town", "甘肃省兰州市皋兰县上川镇") in dated(nlp, "上川镇建成文化广场。", 2025)


def test_a_township_under_a_functional_area_then(nlp) -> None:
    # The 2021–2022 table files 中川镇 under 兰州新区 (no county's in law is in any table), not 皋兰县.
    assert ("中川镇", "Town", "甘肃省兰州新区中川镇") in dated(nlp, "兰州市中川镇举办宣讲。", 2022)


def test_a_division_renamed_after_the_reports_year(nlp) -> None:
    found = dated(nlp, "襄樊市经济增长较快。", 2009, issuer="湖北省人民政府")
    assert ("襄樊市", "City", "湖北省襄阳市") in found  # one node with today's 襄阳市
    assert not any(
        s == "襄樊市" for s, _, _ in dated(nlp, "襄樊市经济增长较快。", 2015, issuer="湖北省人民政府")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the items of a list share an elliptic kind
        ("建好长城、黄河国家文化公园。", ("长城", "Place", "长城国家文化公园")),
        ("金鸡岭、白鹭洲等遗址入选名录。", ("金鸡岭", "Place", "金鸡岭遗址")),
        ("南山、北坡国家考古遗址公园开园。", ("南山", "Place", "南山国家考古遗址公园")),
    ],
)
def test_a_list_shares_its_kind(nlp, text, expected) -> None:
    assert expected in found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "建成世界级城市群。",  # only descriptive words before the kind
        "完成42万平方米清水河片区更新。",  # a quantity is no part of a name
        "参加中国—中亚峰会。",  # a region heading an event's name
    ],
)
def test_names_do_not_run_over_words_that_are_no_name(nlp, text) -> None:
    assert not any(s.startswith(("世界级", "万平方米")) or s == "中亚" for s in surfaces(nlp, text))


def test_a_zone_name_starts_after_a_verb_between_two_zones(nlp) -> None:
    got = surfaces(nlp, "星河科创城成为链接光明科学城的枢纽。")
    assert "光明科学城" in got and not any("成为" in s for s in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one-word natural features and sites by their generic term (place_features.py)
        ("推进贺兰山生态保护修复。", "贺兰山"),
        ("加强洞庭湖水环境治理。", "洞庭湖"),
        ("保护青藏高原生态安全屏障。", "青藏高原"),
        ("建设胶州湾生态走廊。", "胶州湾"),
        ("振兴大别山北麓革命老区。", "大别山北麓"),  # a part written after the name belongs to it
        ("以鹭湖为中心建设公园。", None),  # a one-character head (鹭湖) is left: too many common words
    ],
)
def test_a_natural_feature_is_a_place(nlp, text, expected) -> None:
    got = found(nlp, text)
    if expected is None:
        assert not any(label == "Place" for _, label, _ in got), got
    else:
        assert (expected, "Place", expected) in got, got


@pytest.mark.parametrize(
    "text",
    [
        "坚持绿水青山就是金山银山。",  # slogans pairing landforms
        "统筹山水林田湖草沙一体化保护。",
        "缓解城市热岛效应，对项目严格把关。",  # common nouns ending like names
        "加强科技攻关，支持司法机关。",
    ],
)
def test_a_landform_word_that_is_no_name_is_no_place(nlp, text) -> None:
    assert not any(label == "Place" for _, label, _ in found(nlp, text)), found(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进红其拉甫口岸扩能改造。", "红其拉甫口岸"),  # ports of entry, mines, oil and gas fields
        ("推动神东煤矿智能化改造。", "神东煤矿"),
        ("加快普光气田开发。", "普光气田"),
        ("加快长庆油田增储上产。", "长庆油田"),
    ],
)
def test_ports_mines_and_fields_are_named_places(nlp, text, expected) -> None:
    assert expected in surfaces(nlp, text), found(nlp, text)


def test_a_kind_word_in_brackets_glosses_the_name_before_it(nlp) -> None:
    got = surfaces(nlp, "加快南湾码头工程（口岸）建设，完善航空、陆路、水运口岸设施。", DISTRICT)
    assert not any("口岸" in s for s in got), got


HUNAN = "湖南省人民政府"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("加强湘江中下游治理。", {"湘江中下游"}),  # a river's section is a place, the river alone none
        ("统筹长江黄河上游保护。", set()),  # two rivers: no one section
    ],
)
def test_a_rivers_section_is_a_place(nlp, text, expected) -> None:
    assert {s for s, label, _ in found(nlp, text, HUNAN) if label == "Place"} == expected


def test_a_reservoir_area_written_apart_is_one_place(nlp) -> None:
    got = found(nlp, "统筹丹江口库区生态补偿。", "湖北省人民政府")
    assert ("丹江口库区", "Place", "丹江口库区") in got, got
    assert not any(surface == "丹江口" for surface, _, _ in got), got  # the city names no place here


def test_a_quoted_run_of_the_provinces_abbreviations_heads_a_zone(nlp) -> None:
    text = "打造“长株潭”先进制造、“岳常益”绿色化工等产业走廊，建设“无废城市”示范区。"
    keys = {key for _, _, key in found(nlp, text, HUNAN)}
    assert {"“长株潭”先进制造产业走廊", "“岳常益”绿色化工产业走廊"} <= keys, keys
    assert not any("无废" in k for k in keys), keys  # a quoted slogan is no abbreviation of cities


def test_a_national_new_area_the_tagger_does_not_know_is_listed(nlp) -> None:
    got = found(nlp, "全力支持雄安新区建设，推动雄安新区中关村科技园发展。", "北京市人民政府")
    assert ("雄安新区", "NewArea", "河北雄安新区") in got, got
    assert "雄安新区中关村科技园" in {surface for surface, _, _ in got}, got


def test_the_issuers_own_new_area_stays_its_own(nlp) -> None:
    got = found(nlp, "兰州新区法治政府建设取得新成效。", "兰州新区管理委员会")
    assert ("兰州新区", "NewArea", "甘肃省兰州新区") in got, got


def test_a_place_glued_to_its_people_is_named(nlp) -> None:
    keys = {key for _, _, key in found(nlp, "向港澳同胞、台湾同胞和海外侨胞致以崇高敬意。", "北京市人民政府")}
    assert "台湾省" in keys, keys


def test_a_division_named_like_a_common_noun_needs_its_city_far_from_home(nlp) -> None:
    got = found(nlp, "推进老城区有机更新，学习洛阳老城区经验。", DISTRICT)
    assert [key for surface, _, key in got if surface == "老城区"] == ["河南省洛阳市老城区"], got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一批项目落地南湖临港产业园。", "南湖临港产业园"),
        ("以绿道串联北部滨海片区。", "北部滨海片区"),
    ],
)
def test_a_zone_name_starts_after_a_verb_of_linking_or_landing(nlp, text, expected) -> None:
    got = {s for s in surfaces(nlp, text, DISTRICT) if s.endswith(expected[-3:])}
    assert got == {expected}, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("加快红柳林、小保当、曹家滩等煤矿建设。", {"红柳林煤矿", "小保当煤矿", "曹家滩煤矿"}),
        ("提升黄果树、龙宫等景区品质。", {"黄果树景区", "龙宫景区"}),
        ("推进智能化等煤矿改造。", set()),  # one item alone is no list
    ],
)
def test_a_list_of_mines_or_scenic_areas_shares_its_kind(nlp, text, expected) -> None:
    assert {key for _, _, key in found(nlp, text, "陕西省人民政府")} == expected


@pytest.mark.parametrize(
    ("text", "issuer", "expected"),
    [
        (
            "白杨、青松等3个社区获评文明社区。",
            DISTRICT,
            {"广东省深圳市龙岗区白杨社区", "广东省深圳市龙岗区青松社区"},
        ),
        (
            "支持白杨、青松等2个村发展特色产业。",
            "永登县人民政府",
            {"甘肃省兰州市永登县白杨村", "甘肃省兰州市永登县青松村"},
        ),
        ("推进改造、提升等2个社区工作。", DISTRICT, set()),  # verbs are no names
        ("整合综治、城管等社区服务事项。", DISTRICT, set()),  # no count: 社区 qualifies the noun
        ("建设白杨、青松等2个社区公园。", DISTRICT, set()),
        ("白杨、青松等3个社区获评文明社区。", PROVINCE, set()),  # none alone in a province's report
    ],
)
def test_a_list_of_communities_or_villages_shares_its_kind(nlp, text, issuer, expected) -> None:
    got = {key for _, cls, key in found(nlp, text, issuer) if cls in ("Community", "Village")}
    assert got == expected, got


@pytest.mark.parametrize(
    ("text", "issuer", "expected"),
    [
        ("推动德钦县城搬迁建设。", "云南省人民政府", {"云南省迪庆藏族自治州德钦县"}),
        ("改造永登县城老旧小区。", "兰州市人民政府", {"甘肃省兰州市永登县"}),
        ("建设新县城。", "河南省人民政府", set()),  # a name of two characters: a new seat, not 新县
    ],
)
def test_a_county_seat_names_its_county(nlp, text, issuer, expected) -> None:
    assert {key for _, _, key in found(nlp, text, issuer)} == expected


@pytest.mark.parametrize(
    ("text", "issuer", "expected"),
    [
        ("培育黔中城镇群、黔北城镇群。", "贵州省人民政府", {"黔中城镇群", "黔北城镇群"}),
        ("建设关中平原城镇群。", "陕西省人民政府", {"关中平原城镇群"}),
    ],
)
def test_a_town_cluster_is_one_place(nlp, text, issuer, expected) -> None:
    assert {key for _, cls, key in found(nlp, text, issuer) if key.endswith("城镇群")} == expected


@pytest.mark.parametrize(
    ("text", "issuer", "expected"),
    [
        ("赤壁、大冶等6个县市获批示范县。", "湖北省人民政府", {"湖北省咸宁市赤壁市", "湖北省黄石市大冶市"}),
        ("改革、发展等5个县获批。", "湖北省人民政府", set()),  # no county is named so
    ],
)
def test_a_list_of_counties_shares_its_kind(nlp, text, issuer, expected) -> None:
    assert {key for _, cls, key in found(nlp, text, issuer) if cls in ("County", "District")} == expected
