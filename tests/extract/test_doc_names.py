"""Named documents without 《》 (lawgraph.extract.doc_names), on short sentences we wrote: where a name starts
and ends, which last nouns make a document, and which names are no document at all."""

from __future__ import annotations

import pytest

from lawgraph.extract.doc_words import is_count, is_numbered
from lawgraph.extract.pipeline import annotate, make_nlp
from lawgraph.model import Report, ReportMeta


@pytest.fixture(scope="module")
def nlp():
    return make_nlp(components=["lawgraph_organizations", "lawgraph_documents", "lawgraph_initiatives"])


def found(nlp, text: str, issuer: str = "广东省人民政府", kind: str = "document") -> list[tuple[str, str]]:
    doc = annotate(nlp, Report(name="t.txt", text=text, sha256="0", meta=ReportMeta(issuer=issuer)))
    return [(span.text, span.kb_id_) for span in doc.spans[kind]]


def keys(nlp, text: str, issuer: str = "广东省人民政府") -> list[str]:
    return [key for _, key in found(nlp, text, issuer)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name starts after the verb that takes it, adverbs and all
        ("全面实施农村饮水安全提升计划，新建水厂三座。", ["农村饮水安全提升计划"]),
        ("推动实施中小企业专项担保计划。", ["中小企业专项担保计划"]),
        ("落实好稳岗扩岗若干措施。", ["稳岗扩岗若干措施"]),
        # a verb that may open a title stays in it after the verb that takes it
        ("出台支持小微企业融资若干措施。", ["支持小微企业融资若干措施"]),
        ("落实进一步促进外贸发展政策措施。", ["进一步促进外贸发展政策措施"]),
        # 和 inside a name; 和 between two names
        ("深入实施老年人和残疾人关爱服务提升计划。", ["老年人和残疾人关爱服务提升计划"]),
        ("实施山区旅游推广计划和“乡村夜市”计划。", ["山区旅游推广计划", "“乡村夜市”计划"]),
        # 的 stays before the heads a title joins with it, and ends the name elsewhere
        ("出台加快建设科技强县的意见。", ["加快建设科技强县的意见"]),
        ("制定全县统一的公共文化服务项目清单。", ["公共文化服务项目清单"]),
        # a list word ends the name; the list's items are not in it
        ("制定家具、灯具等家居产品以旧换新实施细则。", ["家居产品以旧换新实施细则"]),
        # a name in subject position
        ("山区茶产业提质三年行动计划深入实施。", ["山区茶产业提质三年行动计划"]),
        ("编制某县国民经济和社会发展第十五个五年规划纲要。", ["某县国民经济和社会发展第十五个五年规划纲要"]),
        # lists a report enters
        ("两所学校入选首批省级智慧校园示范名单。", ["首批省级智慧校园示范名单"]),
        # a 关于-title runs to its head, 在 and all
        ("印发关于支持山区县在新阶段加快发展的意见。", ["关于支持山区县在新阶段加快发展的意见"]),
    ],
)
def test_unquoted_names(nlp, text: str, expected: list[str]) -> None:
    assert keys(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted name with the head after it
        ("深入实施“数智赋能”行动，", ["“数智赋能”行动"]),
        ("落实“稳岗留工”系列政策措施。", ["“稳岗留工”系列政策措施"]),
        ("制定“十五五”海洋经济发展规划。", ["“十五五”海洋经济发展规划"]),
        # a field before a head outside the quotes is part of the name
        ("实施外贸企业“扬帆出海”行动。", ["外贸企业“扬帆出海”行动"]),
        # quotes that hold their own head: a plain name stands alone, a numbered one keeps its field
        ("持续实施基础教育“攀峰计划”。", ["“攀峰计划”"]),
        ("开展食品安全“双百工程”。", ["食品安全“双百工程”"]),
        ("深化“青苗工程”经验。", ["“青苗工程”"]),
        # one head shared by quoted names in a list
        ("开展“护苗”、“净网”、“秋风”等行动。", ["“护苗”行动", "“净网”行动", "“秋风”行动"]),
        ("实施“光纤入户”和“基站加密”专项行动。", ["“光纤入户”专项行动", "“基站加密”专项行动"]),
        # numbered short names in a row are one name
        ("用好“两减”“两增”政策。", ["“两减”“两增”政策"]),
        # the issuer and the report's own area before a quote are no part of the name
        ("落实省委“1+3”工作部署。", ["“1+3”工作部署"]),
        ("与省“十五五”规划相衔接。", ["“十五五”规划"]),
        # a list's numbering is no part of the name
        ("三是深入实施“百校结对”计划。", ["“百校结对”计划"]),
        # quoted policies counted by their articles
        ("出台稳外资“16条”“9条”等政策。", ["稳外资“16条”", "“9条”"]),
    ],
)
def test_quoted_names(nlp, text: str, expected: list[str]) -> None:
    assert keys(nlp, text) == expected


def test_a_field_joins_the_name_only_where_the_report_never_names_it_alone(nlp) -> None:
    text = "推进职业教育“双优计划”建设，五所学校入选“双优计划”。"
    assert keys(nlp, text) == ["“双优计划”", "“双优计划”"]


@pytest.mark.parametrize(
    ("text", "issuer", "key"),
    [
        ("修订省政府工作规则。", "广东省人民政府", "广东省人民政府工作规则"),
        ("推动出台自治区河湖保护条例。", "宁夏回族自治区人民政府", "宁夏回族自治区河湖保护条例"),
        ("修订市停车管理条例。", "天津市人民政府", "天津市停车管理条例"),
    ],
)
def test_the_reports_own_area(nlp, text: str, issuer: str, key: str) -> None:
    assert keys(nlp, text, issuer) == [key]


@pytest.mark.parametrize(
    "text",
    [
        # a class of documents, a count of them, generic instruments
        "采取有力措施，抓好整改。",
        "我们将切实采取措施加以改进。",
        "出台12条措施。",
        "大会具体部署了12项任务举措。",
        "出台3个方面18条措施。",
        "编制十二个专项规划。",
        "增加3000个普通高中招生计划。",
        "完成政府年度立法计划。",
        "严格执行有关规定。",
        # measures taken away, opinions heard, rules conformed to
        "清理招投标领域不合理限制措施。",
        "清理市场准入不合理或“一刀切”限制性措施。",
        "广泛听取各民主党派和社会各界意见。",
        # after a verb that may open a title, a practice rather than a document
        "优化跨省通办便利化举措。",
        # a verb or a phrase that ends like a head
        "交通、产业一体规划建设。",
        "在党中央的科学指引下。",
        "按照深度和广度决定投入。",
        # quotes without a document's head, or with an initiative's
        "深化“最多跑一次”改革。",
        "建立“1+N”联席机制。",
        "坚持“稳字当头”的要求。",
        # a count of programmes, a programme built, what something is treated as
        "推进“八大工程”。",
        "“五大工程”列入省级规划。",
        "“引水入城”工程建成通水。",
        "把安全生产作为“一号工程”。",
        "坚决防止搞“面子工程”。",
        "杜绝新官不理旧账和“政绩工程”。",
        "拿出超常规举措、付出超常规努力。",
        # an award named after a programme
        "荣获“五个一工程”奖。",
    ],
)
def test_not_documents(nlp, text: str) -> None:
    assert keys(nlp, text) == []


def test_a_short_form_names_the_full_title(nlp) -> None:
    text = "编制了《某省国土整治规划纲要草案》（以下简称《纲要草案》）。《纲要草案》提出目标。"
    assert set(keys(nlp, text)) == {"某省国土整治规划纲要草案"}


def test_a_law_after_two_verbs_is_the_law_alone(nlp) -> None:
    assert keys(nlp, "深入贯彻落实乡村振兴促进法。") == ["乡村振兴促进法"]


def test_a_document_is_no_initiative(nlp) -> None:
    text = "深入实施“数智赋能”行动，推进“湾区协同”改革，落实“双碳”战略。"
    assert keys(nlp, text) == ["“数智赋能”行动"]
    assert [key for _, key in found(nlp, text, kind="initiative")] == ["“湾区协同”改革", "“双碳”战略"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("实施“三区协同”发展战略。", ["“三区协同”发展战略"]),
        ("大力实施“一轴两翼”区域发展战略，推动发展。", ["“一轴两翼”区域发展战略"]),
    ],
)
def test_a_named_development_strategy_is_a_document(nlp, text: str, expected: list[str]) -> None:
    assert keys(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全面完成“八五”普法目标任务，扎实推进“九五”普法。", ["“八五”普法规划", "“九五”普法规划"]),
        ("落实“九五”普法规划，开展宣传。", ["“九五”普法规划"]),
        ("扎实开展“八五”普法、第四次经济普查。", ["“八五”普法规划"]),
        # the work and its awards are not the plan
        ("开展“七五”普法工作，获评“七五”普法先进集体。", []),
    ],
)
def test_a_quoted_period_names_its_five_year_plan(nlp, text: str, expected: list[str]) -> None:
    assert keys(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("省政府编制了“十五五”规划纲要(草案)。", ["“十五五”规划纲要(草案)"]),
        ("实施“三北”工程(六期)，推进造林。", ["“三北”工程(六期)"]),
        ("落实城乡融合发展计划(2021—2025年)。", ["城乡融合发展计划(2021—2025年)"]),
    ],
)
def test_a_version_after_a_name_belongs_to_it(nlp, text: str, expected: list[str]) -> None:
    assert keys(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place whose programme it is stands before the quotes
        ("深入实施汉中“千村美化”行动。", ["“千村美化”行动"]),
        # a verb inside the clause takes the quoted name
        ("500家企业参与“千企帮千村”湖南行动。", ["“千企帮千村”湖南行动"]),
        # a list's size with its subject; a statutory plan of Shenzhen's planning law
        ("公布20件民生实事清单。", ["20件民生实事清单"]),
        ("推动完成河东中心区法定图则修编工作。", ["河东中心区法定图则"]),
        # a first is said of the document; a law's name holds no 的
        ("全国首张跨境服务贸易负面清单出台实施。", ["跨境服务贸易负面清单"]),
        ("贯彻实施即将出台的民族团结进步促进法，依法治理。", ["民族团结进步促进法"]),
        # a verb with 了 takes what follows, whatever its class
        ("会议研究部署了城市更新三年行动计划。", ["城市更新三年行动计划"]),
        # 发挥 takes the programme whose role it plays
        ("发挥“雪域英才”计划带动作用。", ["“雪域英才”计划"]),
        # a conjunction before the quotes ends the field: what stands before is another item
        ("深化东西部协作、定点帮扶和“万户兴万村”行动。", ["“万户兴万村”行动"]),
        # a plan with its subject after a verb that may open a title
        ("推进服务业企业倍增计划，支持升规。", ["服务业企业倍增计划"]),
        # 及其 joins two documents
        ("编制“十四五”规划纲要及其实施方案。", ["“十四五”规划纲要"]),
        # a number of articles and their subject
        ("制定实施20条稳外贸促消费硬措施，推进。", ["20条稳外贸促消费硬措施"]),
    ],
)
def test_where_a_name_starts_and_ends(nlp, text: str, expected: list[str]) -> None:
    assert keys(nlp, text) == expected


@pytest.mark.parametrize(
    ("name", "numbered"),
    [("双百工程", True), ("1+3", True), ("民营经济30条", True), ("攀峰计划", False), ("数智赋能", False)],
)
def test_is_numbered(name: str, numbered: bool) -> None:
    assert is_numbered(name) is numbered


@pytest.mark.parametrize(("name", "count"), [("八大工程", True), ("五项行动", True), ("千万工程", False)])
def test_is_count(name: str, count: bool) -> None:
    assert is_count(name, ("工程", "行动")) is count
