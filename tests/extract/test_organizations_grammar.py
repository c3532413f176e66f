"""The grammar of names: level words, standard departments, people's organizations, national and
international bodies, each in short sentences we wrote."""

from __future__ import annotations

import pytest

from lawgraph.extract.context import context_from_strings
from lawgraph.extract.organizations import find_organizations

PROVINCE = "湖南省人民政府"
REGION = "广西壮族自治区人民政府"
MUNICIPALITY = "重庆市人民政府"
COUNTY = "古浪县人民政府"  # a county of 武威市, 甘肃省
DISTRICT = "武汉市江汉区人民政府"


def orgs(issuer: str, sentence: str) -> list[tuple[str, str, str]]:
    ctx = context_from_strings(issuer=issuer)
    return [(sentence[o.begin : o.end], o.key, o.cls) for o in find_organizations(sentence, ctx)]


def keys(issuer: str, sentence: str) -> dict[str, str]:
    return {surface: key for surface, key, _cls in orgs(issuer, sentence)}


@pytest.mark.parametrize(
    ("issuer", "sentence", "surface", "key"),
    [
        # level words: 自治区, 州, 镇; a municipality is its own city
        (REGION, "自治区党委作出部署。", "自治区党委", "中共广西壮族自治区委员会"),
        (REGION, "主动接受自治区人大监督。", "自治区人大", "广西壮族自治区人民代表大会"),
        (MUNICIPALITY, "在市委坚强领导下。", "市委", "中共重庆市委员会"),
        (MUNICIPALITY, "市政协提出建议。", "市政协", "中国人民政治协商会议重庆市委员会"),
        ("凉山彝族自治州人民政府", "州委研究决定。", "州委", "中共凉山彝族自治州委员会"),
        # a place written before the level word
        (COUNTY, "湖南省委印发意见。", "湖南省委", "中共湖南省委员会"),
        (COUNTY, "中共湖南省委印发意见。", "中共湖南省委", "中共湖南省委员会"),
        (COUNTY, "经宁夏回族自治区党委同意。", "宁夏回族自治区党委", "中共宁夏回族自治区委员会"),
        # Party standing committees, schools, study groups, departments
        (COUNTY, "县委常委会会议专题研究。", "县委常委会", "中共古浪县委员会常务委员会"),
        (DISTRICT, "区委理论学习中心组开展集体学习。", "区委理论学习中心组",
         "中共武汉市江汉区委理论学习中心组"),
        (COUNTY, "理论学习中心组开展集体学习。", "理论学习中心组", "中共古浪县委理论学习中心组"),
        (COUNTY, "在县委党校举办培训班。", "县委党校", "中共古浪县委党校"),
        (COUNTY, "依托党校开设课程。", "党校", "中共古浪县委党校"),
        (COUNTY, "政法委牵头开展督查。", "政法委", "中共古浪县委政法委员会"),
        (DISTRICT, "区政协视察。", "区政协", "中国人民政治协商会议武汉市江汉区委员会"),
        (COUNTY, "政协委员提出意见，政协开展民主监督。", "政协", "中国人民政治协商会议古浪县委员会"),
        # standard government departments by their full names and short forms
        (PROVINCE, "自然资源厅会同农业农村厅印发通知。", "自然资源厅", "湖南省自然资源厅"),
        (PROVINCE, "自然资源厅会同农业农村厅印发通知。", "农业农村厅", "湖南省农业农村厅"),
        (PROVINCE, "省林草局开展巡查。", "省林草局", "湖南省林业和草原局"),
        (COUNTY, "县人社局发放补贴。", "县人社局", "古浪县人力资源和社会保障局"),
        (COUNTY, "住建局开展检查。", "住建局", "古浪县住房和城乡建设局"),
        (COUNTY, "报省司法厅备案。", "省司法厅", "甘肃省司法厅"),
        (COUNTY, "司法厅组织考评。", "司法厅", "甘肃省司法厅"),  # a 厅 is the province's
        (COUNTY, "经司法局审核。", "司法局", "古浪县司法局"),
        (PROVINCE, "省委办公厅、省政府办公厅联合印发。", "省政府办公厅", "湖南省人民政府办公厅"),
        (PROVINCE, "省委办公厅、省政府办公厅联合印发。", "省委办公厅", "中共湖南省委办公厅"),
        # the national bodies and central Party organs by their short forms
        (COUNTY, "中央政法委部署专项行动。", "中央政法委", "中共中央政法委员会"),
        (PROVINCE, "中央改革办督察。", "中央改革办", "中央全面深化改革委员会办公室"),
        (PROVINCE, "国家发展改革委批复。", "国家发展改革委", "中华人民共和国国家发展和改革委员会"),
        (PROVINCE, "金融监管总局支持。", "金融监管总局", "国家金融监督管理总局"),
        (PROVINCE, "始终坚持中国共产党的领导。", "中国共产党", "中国共产党"),
        # international organizations by their usual Chinese names
        (PROVINCE, "入选联合国教科文组织名录。", "联合国教科文组织", "联合国教育、科学及文化组织"),
        (PROVINCE, "成为世界自然保护联盟成员。", "世界自然保护联盟", "世界自然保护联盟"),
        (PROVINCE, "参加达沃斯世界经济论坛。", "世界经济论坛", "世界经济论坛"),
        (PROVINCE, "荣获联合国人居奖。", "联合国", "联合国"),
    ],
)
def test_name(issuer: str, sentence: str, surface: str, key: str) -> None:
    assert keys(issuer, sentence).get(surface) == key


def test_people_organizations_of_a_work_list_are_the_report_level_bodies() -> None:
    found = keys(PROVINCE, "支持工会、共青团、妇联、科协、残联、贸促、红十字等更好发挥作用。")
    assert found == {
        "工会": "湖南省总工会",
        "共青团": "共青团湖南省委员会",
        "妇联": "湖南省妇女联合会",
        "科协": "湖南省科学技术协会",
        "残联": "湖南省残疾人联合会",
        "贸促": "中国国际贸易促进委员会湖南省委员会",
        "红十字": "湖南省红十字会",
    }


def test_people_organizations_of_a_county() -> None:
    assert keys(COUNTY, "县总工会、团县委、县妇联联合开展活动。") == {
        "县总工会": "古浪县总工会",
        "团县委": "共青团古浪县委员会",
        "县妇联": "古浪县妇女联合会",
    }


def test_discipline_and_supervisory_commission_are_two_bodies() -> None:
    found = keys(DISTRICT, "区纪委监委开展专项监督。")
    assert set(found.values()) == {"中共武汉市江汉区纪律检查委员会", "武汉市江汉区监察委员会"}


@pytest.mark.parametrize(
    ("issuer", "sentence"),
    [
        (PROVINCE, "推动平台联动发展。"),  # 台联 is not a word here
        (PROVINCE, "坚持集中办公。"),  # nor 中办
        (COUNTY, "指导企业工会建设。"),  # a kind of union
        (COUNTY, "建立健全基层工会组织。"),
        (PROVINCE, "弘扬红十字精神。"),  # 红十字 stands for the body only in a list
        (PROVINCE, "发展改革部门加强指导。"),
        (PROVINCE, "各市司法局加强指导。"),
        (PROVINCE, "司法局要加强指导。"),  # a province has a 司法厅: its report's 司法局 are its cities'
    ],
)
def test_not_an_organization(issuer: str, sentence: str) -> None:
    assert orgs(issuer, sentence) == []


def test_an_ordinary_word_that_is_also_a_county_is_no_area_prefix() -> None:
    assert keys(PROVINCE, "自然资源厅会同农业农村厅研究。")["农业农村厅"] == "湖南省农业农村厅"


def test_rule_of_law_report_bodies() -> None:
    found = keys(
        DISTRICT,
        "区委常委会会议专题研究，区委依法治区办牵头督察，接受区人大及其常委会监督，"
        "办理人大代表建议和政协委员提案。",
    )
    assert found == {
        "区委常委会": "中共武汉市江汉区委员会常务委员会",
        "区委依法治区办": "中共武汉市江汉区委全面依法治区委员会办公室",
        "区人大": "武汉市江汉区人民代表大会",
        "常委会": "武汉市江汉区人民代表大会常务委员会",
        "人大": "武汉市江汉区人民代表大会",
        "政协": "中国人民政治协商会议武汉市江汉区委员会",
    }


def test_a_street_office_is_named_by_its_street() -> None:
    assert keys("武汉市武昌区人民政府", "中南路街道办事处依法履职。") == {
        "中南路街道办事处": "武汉市武昌区中南路街道办事处"
    }


def test_national_news_outlets() -> None:
    assert keys(COUNTY, "在人民日报、新华网、学习强国等媒体刊发。") == {
        "人民日报": "人民日报",
        "新华网": "新华网",
        "学习强国": "学习强国",
    }


@pytest.mark.parametrize(
    "sentence",
    ["坚持实事求是。", "推动产学研科协同创新。", "推进14个街道公共法律服务工作站建设。"],
)
def test_not_a_body_either(sentence: str) -> None:
    assert orgs(DISTRICT, sentence) == []


def test_a_list_shares_the_area_of_its_first_item() -> None:
    found = keys(COUNTY, "在县法院、检察院、县看守所设立法律援助工作站。")
    assert found == {
        "县法院": "古浪县人民法院",
        "检察院": "古浪县人民检察院",
        "县看守所": "古浪县看守所",
    }
    assert keys(COUNTY, "配合武威市中级人民法院、检察院工作。")["检察院"] == "武威市人民检察院"
    found = keys(COUNTY, "接受市人大、政协的监督，县人大、政协视察。")
    assert found["市人大"] == "武威市人民代表大会"
    assert found["县人大"] == "古浪县人民代表大会"
    listed = [o.key for o in find_organizations("接受市人大、政协的监督，县人大、政协视察。",
                                                 context_from_strings(issuer=COUNTY))]
    assert listed.count("中国人民政治协商会议武威市委员会") == 1
    assert listed.count("中国人民政治协商会议古浪县委员会") == 1
