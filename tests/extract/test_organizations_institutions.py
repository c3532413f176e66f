"""Named institutions and enterprises by their kind suffix, with proper left boundaries, in sentences we
wrote; and what is no body (designations, kinds, spans across verbs and counts)."""

from __future__ import annotations

import pytest

from lawgraph.extract.context import context_from_strings
from lawgraph.extract.organizations import find_organizations

PROVINCE = "湖南省人民政府"
COUNTY = "古浪县人民政府"


def surfaces(issuer: str, sentence: str) -> list[str]:
    ctx = context_from_strings(issuer=issuer)
    return [sentence[o.begin : o.end] for o in find_organizations(sentence, ctx)]


def keys(issuer: str, sentence: str) -> dict[str, str]:
    ctx = context_from_strings(issuer=issuer)
    return {sentence[o.begin : o.end]: o.key for o in find_organizations(sentence, ctx)}


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # laboratories, museums, gardens, clubs, funds: a proper name or a place before the kind
        ("。加快建设岳麓山实验室。", "岳麓山实验室"),
        ("。获批组建稀土冶金全国重点实验室。", "稀土冶金全国重点实验室"),
        ("。长沙国家植物园开园。", "长沙国家植物园"),
        ("。建成湖南革命军事馆。", "湖南革命军事馆"),
        ("。湘江足球俱乐部晋级。", "湘江足球俱乐部"),
        ("。设立湖南先进制造母基金。", "湖南先进制造母基金"),
        ("。建设国家生物育种中试基地。", "国家生物育种中试基地"),
        # a conjunction or a dash inside a name that a clause boundary closes
        ("。二是国际茶叶与茶文化湖南交流中心挂牌。", "国际茶叶与茶文化湖南交流中心"),
        ("。中国—东盟农业合作中心揭牌。", "中国—东盟农业合作中心"),
        # an ordinary verb inside a name, after a clause verb
        ("。争取设立湘江应用技术学院。", "湘江应用技术学院"),
        ("。支持湖南东方理工大学建设。", "湖南东方理工大学"),
        # a region the tagger knows keeps its place before 国家; an adverb starts a clause
        ("。高标准建设华中国家植物园。", "华中国家植物园"),
        ("。湖南南岭国家公园管理局组建运行。", "湖南南岭国家公园管理局"),
        ("。充分发挥湖南医学科学院带动作用。", "湖南医学科学院"),
        # an institution named after the ministry that runs it is one name
        ("。教育部湖南高等研究院成立。", "教育部湖南高等研究院"),
        # central state-owned enterprises by their short forms
        ("。中石化特种纤维等项目开工。", "中石化"),
        ("。国网、华电抽水蓄能电站开工建设。", "华电"),
        # a noun before 国家 inside a name is part of it; a wider scope after the area too
        ("。金砖国家数字经济中国合作中心揭牌。", "金砖国家数字经济中国合作中心"),
        ("。发挥株洲全国轨道交通技术交易中心作用。", "株洲全国轨道交通技术交易中心"),
        # a classifying word before the function a body serves names its field; so does a policy field
        ("。发挥湖南数字化绿色化发展促进中心作用。", "湖南数字化绿色化发展促进中心"),
        ("。组建省民营经济发展研究中心。", "省民营经济发展研究中心"),
    ],
)
def test_named_institution(sentence: str, surface: str) -> None:
    assert surface in surfaces(PROVINCE, sentence)


def test_central_enterprise_canonical_name() -> None:
    assert keys(PROVINCE, "。推动中石化项目落地。")["中石化"] == "中国石油化工集团有限公司"


def test_congress_and_its_standing_committee_written_bare() -> None:
    found = keys(PROVINCE, "主动接受人大及其常委会监督。")
    assert found == {"人大": "湖南省人民代表大会", "常委会": "湖南省人民代表大会常务委员会"}


@pytest.mark.parametrize(
    ("issuer", "sentence"),
    [
        (PROVINCE, "。建设国家现代煤化工基地。"),  # a production base is a designation
        (PROVINCE, "。争创国家技术创新中心。"),  # a designation without its field
        (PROVINCE, "。建设省实验室和省重点实验室。"),
        (PROVINCE, "。新增10个省级现代产业学院。"),  # counted: a kind
        (PROVINCE, "。新建3所职业技术学院。"),
        (PROVINCE, "。深化城市医院改革。"),  # a verb and a level word are no name
        (PROVINCE, "。组建紧密型城市医疗集团。"),
        (PROVINCE, "。打造长沙国际航运中心。"),  # a city's designation
        (PROVINCE, "。开通长沙至莫斯科航线。"),  # 科 of 莫斯科 is no section
        (PROVINCE, "。推进危化品、煤矿等企业安全监测。"),  # kinds of enterprises
        (PROVINCE, "。在城乡建设上开新局。"),
        (PROVINCE, "。游览大唐不夜城。"),
        (PROVINCE, "。推动良乡大学城建设。"),  # a university town is a place
        (PROVINCE, "。支持市县级医院发展。"),
        (PROVINCE, "。建设长江多式联运中心和算力中心。"),  # facilities
        (PROVINCE, "。建设湘江现代商业中心。"),
        (PROVINCE, "。支持长沙数据中心集群建设。"),
        (PROVINCE, "。聚力打造区域科技创新中心。"),  # a designation without its area
        (PROVINCE, "。推动新阶段开好局、起好步。"),  # 开好局: a good start, not a bureau
        (PROVINCE, "。推进“管委会+运营公司”改革。"),  # some zone's committee, in a province's report
        (PROVINCE, "。支持高校与科研院所共建技术研发中心。"),
        (PROVINCE, "。湘雅医院挂牌大学临床医学院。"),  # a unit of a body not named
        (PROVINCE, "。湖南博物院位列国家一级博物馆。"),  # a rank
        (PROVINCE, "。建成街道长者服务中心3家、社区长者服务站5个。"),  # counted
        (COUNTY, "。在县法院、检察院、县看守所设立法律援助工作站。"),  # a station in each: a kind
    ],
)
def test_not_a_named_body(issuer: str, sentence: str) -> None:
    found = surfaces(issuer, sentence)
    if "县法院" in sentence:
        assert "法律援助工作站" not in found
    elif "湖南博物院" in sentence:
        assert found == ["湖南博物院"]  # only the body named in full
    elif "湘雅医院" in sentence:
        assert found == ["湘雅医院"]
    else:
        assert found == []


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("。加入政务服务“跨域通办”联盟。", "政务服务“跨域通办”联盟"),  # a quoted slogan inside a name
        ("。建好国家“人工智能+”农业中试基地。", "国家“人工智能+”农业中试基地"),
        ("。深化湘煤集团、湘电集团改革。", "湘煤集团"),  # listed with another enterprise of its kind
    ],
)
def test_names_with_quotes_and_in_lists(sentence: str, surface: str) -> None:
    assert surface in surfaces(PROVINCE, sentence)


@pytest.mark.parametrize(
    "sentence", ["。组建产业联盟。", "。打造“湘江”品牌中心。", "。组建物流集团、能源集团。"]
)
def test_kinds_with_quotes_and_in_lists(sentence: str) -> None:
    assert surfaces(PROVINCE, sentence) == []


def test_public_care_homes_and_a_school_named_after_a_university() -> None:
    found = keys(COUNTY, "。县养老院、县社会福利院完成改造，人大附中分校开学。")
    assert found == {"县养老院": "古浪县养老院", "县社会福利院": "古浪县社会福利院"}


def test_foreign_investors_listed_after_their_country() -> None:
    sentence = "。引进日本甲丸、德国博朗特、美国凯瑞等重点外资项目落地。"
    assert surfaces(PROVINCE, sentence) == ["甲丸", "博朗特", "凯瑞"]
    assert surfaces(PROVINCE, "。推动食品、制药等外资项目落地。") == []


def test_centres_listed_with_a_named_one_are_bodies_too() -> None:
    sentence = "。湘中区域医疗救援中心、药品储备保障中心、档案数字处理中心落户长沙。"
    found = surfaces(PROVINCE, sentence)
    assert found == ["湘中区域医疗救援中心", "药品储备保障中心", "档案数字处理中心"]
    assert surfaces(PROVINCE, "。建设药品储备保障中心。") == []  # alone, a kind of centre


def test_a_function_before_the_core_is_part_of_the_name() -> None:
    assert "长沙现代物流综合服务中心" in surfaces(PROVINCE, "。推动长沙现代物流综合服务中心建设。")
    assert surfaces(PROVINCE, "。湖南大学牵头建设全国重点实验室。") == ["湖南大学"]


@pytest.mark.parametrize(
    ("sentence", "surface", "key"),
    [
        # bodies every province has, by their short forms; banks named after their area
        ("。省广电总台获评先进。", "省广电总台", "湖南省广播电视总台"),
        ("。省疾控中心完成改革。", "省疾控中心", "湖南省疾病预防控制中心"),
        ("。省中医院新院区开诊。", "省中医院", "湖南省中医院"),
        ("。省农信联社改制为农商联合银行。", "省农信联社", "湖南省农村信用社联合社"),
        ("。长沙银行、湖南农商银行增资扩股。", "湖南农商银行", "湖南农商银行"),
        # a name after the capital
        ("。首都青少年活动中心开放。", "首都青少年活动中心", "首都青少年活动中心"),
        # a noun ending in 化 before what the body does
        ("。中国—东盟石漠化防治合作中心揭牌。", "中国—东盟石漠化防治合作中心", "中国—东盟石漠化防治合作中心"),
    ],
)
def test_standard_bodies_and_functions(sentence: str, surface: str, key: str) -> None:
    assert keys(PROVINCE, sentence)[surface] == key


@pytest.mark.parametrize(
    "sentence", ["。新建一批民营医院。", "。建设一体化政务服务中心。", "。引导商业银行、政策性银行加大投放。"]
)
def test_kinds_stay_kinds(sentence: str) -> None:
    assert surfaces(PROVINCE, sentence) == []


def test_schools_named_by_area_and_kind() -> None:
    found = keys(COUNTY, "。今年成立县特殊教育学校，古浪外国语学校扩建。")
    assert found == {"县特殊教育学校": "古浪县特殊教育学校", "古浪外国语学校": "古浪外国语学校"}
    # schools of a kind of place, or counted, are no body
    assert keys(COUNTY, "。推动农村学校和城区学校共享资源，新改扩建学校7所。") == {}


def test_a_clause_word_glued_to_a_level_word_is_no_part_of_the_name() -> None:
    sentence = "。下设三个专门委员会，分别为区道路交通安全委员会、区消防安全委员会。"
    found = keys("长沙市岳麓区人民政府", sentence)
    assert found == {
        "区道路交通安全委员会": "长沙市岳麓区道路交通安全委员会",
        "区消防安全委员会": "长沙市岳麓区消防安全委员会",
    }
