"""Organizations: one row per rule and abbreviation, in short sentences we wrote, plus the negatives."""

from __future__ import annotations

import pytest

from lawgraph.extract.context import context_from_strings
from lawgraph.extract.organizations import find_organizations

COUNTY = "古浪县人民政府"  # a county of 武威市, 甘肃省
NEW_AREA = "兰州新区管理委员会"
DISTRICT = "深圳市龙岗区人民政府"
COUNTY_CITY = "浏阳市人民政府"  # a county-level city of 长沙市, 湖南省


def orgs(issuer: str, sentence: str) -> list[tuple[str, str, str]]:
    ctx = context_from_strings(issuer=issuer)
    return [(sentence[o.begin : o.end], o.key, o.cls) for o in find_organizations(sentence, ctx)]


@pytest.mark.parametrize(
    ("issuer", "sentence", "surface", "key", "cls"),
    [
        # compositional names: place chain + core
        (COUNTY, "甘肃省人民政府印发通知。", "甘肃省人民政府", "甘肃省人民政府", "GovernmentBody"),
        (COUNTY, "张掖市中级人民法院审结一案。", "张掖市中级人民法院", "张掖市中级人民法院", "Court"),
        (COUNTY, "经甘肃省司法厅批准。", "甘肃省司法厅", "甘肃省司法厅", "JusticeAdministration"),
        (NEW_AREA, "成立兰州新区文化旅游纠纷人民调解委员会。", "兰州新区文化旅游纠纷人民调解委员会",
         "兰州新区文化旅游纠纷人民调解委员会", "MediationCommittee"),
        (COUNTY, "定西市公安局开展行动。", "定西市公安局", "定西市公安局", "PublicSecurityOrgan"),
        # standard abbreviations resolved from the report's context
        (COUNTY, "县政府召开常务会议。", "县政府", "古浪县人民政府", "GovernmentBody"),
        (COUNTY, "与武威中院签订协议。", "武威中院", "武威市中级人民法院", "Court"),
        (COUNTY, "报请省政府审定。", "省政府", "甘肃省人民政府", "GovernmentBody"),
        (COUNTY, "在县委的领导下。", "县委", "中共古浪县委员会", "PartyBody"),
        (COUNTY, "落实省委部署。", "省委", "中共甘肃省委员会", "PartyBody"),
        (COUNTY, "落实市委部署。", "市委", "中共武威市委员会", "PartyBody"),
        (DISTRICT, "区政府常务会议研究。", "区政府", "深圳市龙岗区人民政府", "GovernmentBody"),
        (DISTRICT, "向区人大报告工作。", "区人大", "深圳市龙岗区人民代表大会", "PeoplesCongress"),
        (DISTRICT, "听取区政协意见。", "区政协", "中国人民政治协商会议深圳市龙岗区委员会",
         "PoliticalConsultativeConference"),
        (DISTRICT, "配合市政府工作。", "市政府", "深圳市人民政府", "GovernmentBody"),
        (NEW_AREA, "党工委专题研究。", "党工委", "中共兰州新区工作委员会", "PartyBody"),
        (NEW_AREA, "管委会专题研究。", "管委会", "兰州新区管理委员会", "GovernmentBody"),
        (NEW_AREA, "新区法院审结。", "新区法院", "兰州新区人民法院", "Court"),
        (NEW_AREA, "新区检察院介入。", "新区检察院", "兰州新区人民检察院", "Procuratorate"),
        (NEW_AREA, "新区工商联组织。", "新区工商联", "兰州新区工商业联合会", "Association"),
        (NEW_AREA, "配合省厅社矫局。", "省厅社矫局", "甘肃省司法厅社区矫正管理局", "JusticeAdministration"),
        (COUNTY, "省委依法治省办督察。", "省委依法治省办", "中共甘肃省委全面依法治省委员会办公室",
         "PartyBody"),
        (COUNTY, "县法制办审核。", "县法制办", "古浪县人民政府法制办公室", "GovernmentBody"),
        (COUNTY, "甘肃省委部署。", "甘肃省委", "中共甘肃省委员会", "PartyBody"),
        # autonomous prefectures by their short name; national bodies by the names reports use
        (COUNTY_CITY, "指导凉山州中级人民法院工作。", "凉山州中级人民法院", "凉山彝族自治州中级人民法院",
         "Court"),
        (COUNTY_CITY, "司法部部署。", "司法部", "中华人民共和国司法部", "JusticeAdministration"),
        (COUNTY_CITY, "省市场监管局检查。", "省市场监管局", "湖南省市场监督管理局", "GovernmentBody"),
        (COUNTY_CITY, "市人大常委会检查。", "市人大常委会", "浏阳市人民代表大会常务委员会",
         "PeoplesCongress"),
        # in a county-level city, 市 is the city itself, not its prefecture
        (COUNTY_CITY, "在市委的领导下。", "市委", "中共浏阳市委员会", "PartyBody"),
        (COUNTY_CITY, "市政府常务会议研究。", "市政府", "浏阳市人民政府", "GovernmentBody"),
        (COUNTY_CITY, "配合长沙市中级人民法院。", "长沙市中级人民法院", "长沙市中级人民法院", "Court"),
        (COUNTY_CITY, "设立市医疗纠纷人民调解委员会。", "市医疗纠纷人民调解委员会",
         "浏阳市医疗纠纷人民调解委员会", "MediationCommittee"),
        (COUNTY_CITY, "大瑶镇人民政府参与。", "大瑶镇人民政府", "浏阳市大瑶镇人民政府", "GovernmentBody"),
        # a modifier without a place: the report's own area's body
        (NEW_AREA, "成立物业纠纷人民调解委员会。", "物业纠纷人民调解委员会", "兰州新区物业纠纷人民调解委员会",
         "MediationCommittee"),
        (NEW_AREA, "设立行政复议科。", "行政复议科", "兰州新区行政复议科", "JusticeAdministration"),
        # departments of a Party committee; standard department abbreviations
        (COUNTY, "县委政法委督办。", "县委政法委", "中共古浪县委政法委员会", "PartyBody"),
        (COUNTY, "县委宣传部牵头。", "县委宣传部", "中共古浪县委宣传部", "PartyBody"),
        (COUNTY, "县卫健局执法。", "县卫健局", "古浪县卫生健康局", "GovernmentBody"),
        (COUNTY, "县市场监管局执法。", "县市场监管局", "古浪县市场监督管理局", "GovernmentBody"),
        # Party commissions named without their committee; leading groups; people's tribunals; law firms
        (COUNTY, "全面依法治县委员会召开会议。", "全面依法治县委员会", "中共古浪县委全面依法治县委员会",
         "PartyBody"),
        (COUNTY, "。成立县法治政府建设领导小组。", "县法治政府建设领导小组", "古浪县法治政府建设领导小组",
         "Committee"),
        (COUNTY, "黄羊川人民法庭审理。", "黄羊川人民法庭", "古浪县黄羊川人民法庭", "Court"),
        (COUNTY, "。甘肃正天合律师事务所参与。", "甘肃正天合律师事务所", "甘肃正天合律师事务所",
         "Enterprise"),
        # people's organizations, supervisory commissions, media
        (COUNTY, "县妇联参与。", "县妇联", "古浪县妇女联合会", "Association"),
        (COUNTY, "团县委参与。", "团县委", "共青团古浪县委员会", "Association"),
        (COUNTY, "县纪委监委监督。", "监委", "古浪县监察委员会", "GovernmentBody"),
        (COUNTY, "武威日报报道。", "武威日报", "武威日报", "MediaOutlet"),
        (COUNTY, "县融媒体中心宣传。", "县融媒体中心", "古浪县融媒体中心", "MediaOutlet"),
        (COUNTY, "。潮汕商会成立。", "潮汕商会", "潮汕商会", "Association"),
        # prisons are provincial
        (COUNTY, "与省女子监狱合作。", "省女子监狱", "甘肃省女子监狱", "Prison"),
        # named institutions keep their name
        (DISTRICT, "引进南方科技大学。", "南方科技大学", "南方科技大学", "Institution"),
        (DISTRICT, "区人民医院扩建。", "区人民医院", "深圳市龙岗区人民医院", "Institution"),
        # national bodies take no area
        (COUNTY, "落实中央全面依法治国委员会要求。", "中央全面依法治国委员会", "中央全面依法治国委员会",
         "PartyBody"),
    ],
)
def test_rule(issuer: str, sentence: str, surface: str, key: str, cls: str) -> None:
    assert (surface, key, cls) in orgs(issuer, sentence)


def test_short_form_refers_to_the_full_name_given_before() -> None:
    found = orgs(NEW_AREA, "成立兰州新区行政争议委员会。争议委员会每季度开会。")
    assert [(s, k) for s, k, _c in found] == [
        ("兰州新区行政争议委员会", "兰州新区行政争议委员会"),
        ("争议委员会", "兰州新区行政争议委员会"),
    ]


def test_bare_procuratorate_joins_the_named_one() -> None:
    found = orgs(NEW_AREA, "新区检察院提前介入。检察院提出建议。")
    assert {k for _s, k, _c in found} == {"兰州新区人民检察院"}


def test_sub_units() -> None:
    ctx = context_from_strings(issuer=NEW_AREA)
    text = "成立兰州新区行政争议委员会,下设专家评审组。出台争议委员会办公室工作规则。"
    found = {text[o.begin : o.end]: (o.key, o.parent) for o in find_organizations(text, ctx)}
    assert found["专家评审组"] == ("兰州新区行政争议委员会专家评审组", "兰州新区行政争议委员会")
    assert found["争议委员会办公室"] == ("兰州新区行政争议委员会办公室", "兰州新区行政争议委员会")


def test_party_office_is_a_unit_of_the_working_committee() -> None:
    ctx = context_from_strings(issuer=NEW_AREA)
    text = "甘肃省兰州新区党工委办公室印发。"
    found = {text[o.begin : o.end]: (o.key, o.parent) for o in find_organizations(text, ctx)}
    assert found["甘肃省兰州新区党工委办公室"] == ("中共兰州新区工作委员会办公室", "中共兰州新区工作委员会")


def test_congress_and_its_standing_committee() -> None:
    found = orgs(DISTRICT, "执行区人大及其常委会的决议。")
    assert [(s, k) for s, k, _c in found] == [
        ("区人大", "深圳市龙岗区人民代表大会"),
        ("常委会", "深圳市龙岗区人民代表大会常务委员会"),
    ]


def test_a_verb_before_a_place_starts_a_clause() -> None:
    found = orgs(DISTRICT, "。积极对接深圳市城市大数据中心。")
    assert [s for s, _k, _c in found] == ["深圳市城市大数据中心"]


def test_repeated_name_is_not_cut_short() -> None:
    found = orgs(DISTRICT, "引进南方科技大学。支持南方科技大学建设。")
    assert [s for s, _k, _c in found] == ["南方科技大学", "南方科技大学"]


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("。新建华夏中学。", "华夏中学"),
        ("。坪山新区创办国际网球学院。", "国际网球学院"),
        ("引进了星河电子、蓝海科技等企业。", "星河电子"),
        ("。全力支持香港中文大学（深圳）发展。", "香港中文大学（深圳）"),
    ],
)
def test_what_is_done_to_a_body_is_not_its_name(sentence: str, surface: str) -> None:
    assert surface in [s for s, _k, _c in orgs(DISTRICT, sentence)]


def test_the_core_is_the_last_word() -> None:
    found = orgs(DISTRICT, "。宝安中心小学扩建。")
    assert [(s, c) for s, _k, c in found] == [("宝安中心小学", "Institution")]


def test_commission_of_a_party_committee_and_its_office() -> None:
    ctx = context_from_strings(issuer=COUNTY_CITY)
    text = "市委全面依法治市委员会办公室牵头督察。"
    found = {text[o.begin : o.end]: (o.key, o.cls, o.parent) for o in find_organizations(text, ctx)}
    assert found["市委全面依法治市委员会"] == ("中共浏阳市委全面依法治市委员会", "PartyBody",
                                    "中共浏阳市委员会")
    assert found["市委全面依法治市委员会办公室"] == (
        "中共浏阳市委全面依法治市委员会办公室", "PartyBody", "中共浏阳市委全面依法治市委员会",
    )


def test_listed_enterprises() -> None:
    found = orgs(DISTRICT, "全年，星河电子、蓝海科技等12家企业签约落户。")
    assert [(s, c) for s, _k, c in found] == [("星河电子", "Enterprise"), ("蓝海科技", "Enterprise")]


@pytest.mark.parametrize(
    ("issuer", "sentence"),
    [
        (COUNTY, "各级各部门要加强依法行政。"),
        (COUNTY, "督促各行政执法单位规范执法。"),
        (COUNTY, "组织企业开展法治体检。"),
        (COUNTY, "引导律师事务所参与调解。"),
        (COUNTY, "推动司法行政部门履职。"),
        (COUNTY, "立足“三新一高”，坚决拥护“两个确立”。"),
        (COUNTY, "学习贯彻党的二十大精神和省第十四次党代会精神。"),
        (COUNTY, "贯彻省委十四届三次全会精神。"),
        (DISTRICT, "在深圳市罗湖区第六届人民代表大会第三次会议上。"),
        (COUNTY, "建设法治政府和数字政府。"),
        (COUNTY, "各级人民法院依法审理。"),
        (COUNTY, "全县人民调解委员会调解纠纷。"),
        (COUNTY_CITY, "各乡镇人民政府落实责任。"),
        (COUNTY_CITY, "乡镇司法所全覆盖。"),
        (COUNTY_CITY, "各乡镇司法所化解纠纷。"),
        (COUNTY_CITY, "推动司法部门、公安部门履职。"),
        (COUNTY, "构建新发展格局。"),
        (DISTRICT, "发展数据中心。"),
        (DISTRICT, "社区委员会换届。"),
        (DISTRICT, "推动制造业、服务业等企业转型。"),
        (DISTRICT, "新建市级儿童友好基地。"),
        (DISTRICT, "入选省高水平大学建设计划。"),
        (DISTRICT, "医院新开骨科和眼科。"),
        (DISTRICT, "覆盖无线局域网。"),
        (DISTRICT, "谋划区域发展新棋局。"),
        (DISTRICT, "推进城市公立医院改革。"),
        (DISTRICT, "建设二甲中医医院。"),
        (DISTRICT, "巩固全国科技创新副中心地位。"),
        (DISTRICT, "引进食品、制药等企业。"),
        (DISTRICT, "完善学科建设。"),
        (DISTRICT, "建成十大服务中心。"),
        (DISTRICT, "建设都市型大学。"),
        (DISTRICT, "推进区属医院改革。"),
        (DISTRICT, "多渠道扩大学位供给。"),
        (DISTRICT, "鼓励企业设立研发中心。"),
        (DISTRICT, "。鼓励在深圳设立研发中心。"),
        (DISTRICT, "建设大浪中心。"),
        (DISTRICT, "发挥行业协会作用。"),
        (DISTRICT, "区工作领导小组研究。"),
        (DISTRICT, "市领导小组部署。"),
        (DISTRICT, "举办粤东西北经贸合作招商会。"),
        (DISTRICT, "建成机场卫星厅和学术报告厅。"),
        (DISTRICT, "支持雪花科创城建设。"),
        (DISTRICT, "发展创意设计、影视动漫等产业项目。"),
    ],
)
def test_not_an_organization(issuer: str, sentence: str) -> None:
    assert orgs(issuer, sentence) == []


@pytest.mark.parametrize(
    ("issuer", "sentence", "found"),
    [
        ("甘肃省司法厅", "我厅印发通知，本厅党组研究。",
         [("我厅", "甘肃省司法厅"), ("本厅", "甘肃省司法厅")]),
        ("武威市中级人民法院", "本院审结案件。", [("本院", "武威市中级人民法院")]),
        ("甘肃省司法厅", "保持基本局面稳定。", []),
        ("古浪县人民政府", "我局印发通知。", []),
    ],
)
def test_a_department_naming_itself(issuer: str, sentence: str, found: list[tuple[str, str]]) -> None:
    assert [(s, k) for s, k, _c in orgs(issuer, sentence)] == found


def test_a_bare_name_joins_the_nearest_body_named_before() -> None:
    found = orgs(COUNTY, "配合张掖市人民检察院工作。检察院提出建议。")
    assert [(s, k) for s, k, _c in found] == [("张掖市人民检察院", "张掖市人民检察院"),
                                              ("检察院", "张掖市人民检察院")]
    found = orgs(COUNTY, "配合张掖市人民检察院、县检察院工作。检察院提出建议。")
    assert found[-1][:2] == ("检察院", "古浪县人民检察院")
