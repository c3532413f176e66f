"""What a number counts (``lg:countedPhrase``): the noun phrase it measures, on sentences of our own.

Each case of issue 13 that read wrong (a cut word, a verb fragment, the subject, a list that lost a name)
has its own shape here, written anew.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lawgraph.extract.counted import COUNTED_FILES, CountedReader
from lawgraph.extract.counted_words import CountedWords, tag_words
from lawgraph.extract.data import Lexicon
from lawgraph.extract.indicators import indicators_from_text
from lawgraph.extract.pipeline import annotate, make_nlp
from lawgraph.model import Report, Sentence


def counted(text: str) -> list[tuple[str, str, str]]:
    """``(value, unit, phrase)`` of every indicator of ``text``."""
    return [(str(i.value), i.unit, i.phrase) for i in indicators_from_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 共享资源293个 read 享资源: a filler (共) was cut off the first character of the name.
        ("新区政务平台汇聚共享资源85个。", [("85", "个", "共享资源")]),
        # 12类 read 办事大厅: a count before another count counts what the last one counts.
        (
            "在4个服务大厅布设8类260台自助终端。",
            [("4", "个", "服务大厅"), ("8", "类", "自助终端"), ("260", "台", "自助终端")],
        ),
        # 15种 read 细化下: a phrase with 的 and no noun before it is read to its noun.
        ("明确12种“退”的情形。", [("12", "种", "“退”的情形")]),
        ("对9名不履职尽责的干部进行约谈。", [("9", "名", "不履职尽责的干部")]),
        # 2名 read 个人分获全国: the verb after the name ends it.
        ("3个单位、4名个人分获省级表彰。", [("3", "个", "单位"), ("4", "名", "个人")]),
        # 1家 read 律师事务所分所及: a conjunction before the next count is no part of the name.
        (
            "办理3家基层法律服务所分所及12名法律工作者执业核准。",
            [("3", "家", "基层法律服务所分所"), ("12", "名", "法律工作者执业核准")],
        ),
        # the verb and its subject are not what is counted
        ("县政府全年受理行政复议案件52件。", [("52", "件", "行政复议案件")]),
        ("区司法局受理行政复议申请31件。", [("31", "件", "行政复议申请")]),
    ],
)
def test_the_wrong_cases_of_issue_13(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert counted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rate shared by a list holds for each name: one observation per name
        ("培训覆盖率、考核合格率均达98%。", [("98", "%", "培训覆盖率"), ("98", "%", "考核合格率")]),
        # values paired with the names by 分别, the measure the last name gives shared by the others
        (
            "农业、服务业增加值分别增长3.2%、6.5%。",
            [("3.2", "%", "农业增加值"), ("6.5", "%", "服务业增加值")],
        ),
        ("城镇和农村居民收入分别增长4.1%、6.3%。", [("4.1", "%", "城镇收入"), ("6.3", "%", "农村居民收入")]),
        ("外资企业和民营企业分别增至120家和860家。", [("120", "家", "外资企业"), ("860", "家", "民营企业")]),
        # a sum of counts stays one name
        ("整治河道、沟渠23.5公里。", [("23.5", "公里", "河道、沟渠")]),
        # one name for several values
        (
            "城乡居民人均存款分别增长3.3%、4.4%。",
            [("3.3", "%", "城乡居民人均存款"), ("4.4", "%", "城乡居民人均存款")],
        ),
    ],
)
def test_lists(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert counted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before the number: a count of a name that follows another count
        ("建成5个调解室12间谈话室。", [("5", "个", "调解室"), ("12", "间", "谈话室")]),
        ("改造6类1300套老旧设施。", [("6", "类", "老旧设施"), ("1300", "套", "老旧设施")]),
        # the number describes the name after 的
        ("规模30亿元的产业引导基金正式设立。", [("3000000000", "元", "产业引导基金")]),
        # a bare count that entered a list counts what it became; a named one keeps its name
        ("6家企业入选国家级绿色工厂名单。", [("6", "家", "国家级绿色工厂名单")]),
        ("4个特色小镇入选省级示范名单。", [("4", "个", "特色小镇")]),
        # projects counted with the state they reached
        ("120个重点项目建成投产。", [("120", "个", "重点项目建成投产")]),
    ],
)
def test_names_after_the_number(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert counted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "实现地区生产总值1234亿元，增长6.1%。",
            [("123400000000", "元", "地区生产总值"), ("6.1", "%", "地区生产总值")],
        ),
        ("上市企业由15家增至19家。", [("15", "家", "上市企业"), ("19", "家", "上市企业")]),
        # 新增 stays with what is new; the stock is of the things themselves
        (
            "新增科技型企业80家、总量达到650家。",
            [("80", "家", "新增科技型企业"), ("650", "家", "科技型企业")],
        ),
        ("全区粮食增产1.2亿斤、占全市18.5%。", [("120000000", "斤", "粮食增产"), ("18.5", "%", "粮食增产")]),
        # the clause's own verb stays with what it carries over
        ("受理信访事项45件，办结42件。", [("45", "件", "信访事项"), ("42", "件", "办结信访事项")]),
        # whose investment
        (
            "500个重点项目完成投资860亿元。",
            [("500", "个", "重点项目"), ("86000000000", "元", "重点项目完成投资")],
        ),
    ],
)
def test_carried_over(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert counted(text) == expected


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("高标准农田达到耕地面积的60%。", "高标准农田"),  # a share: what holds it
        ("研发投入占GDP比重3.2%。", "研发投入占GDP比重"),  # a share named with its whole
        ("举办音乐节、灯会等文旅活动300余场。", "文旅活动"),  # 等 closes the examples
        ("两项指标分别高于全省2.3个百分点。", "指标"),  # the standard of a comparison is left out
        ("群众满意率达到96.5%。", "群众满意率"),  # a rate's name holds its verbs
        ("接待游客8000万人次。", "接待游客"),  # a one-word object keeps its verb
        ("开展“护苗·成长”青少年法治宣传活动50场次。", "“护苗·成长”青少年法治宣传活动"),
        ("开展民营企业“法治体检”专项服务行动12场次。", "专项服务行动"),  # a quote inside a name
        ("访问量突破千万人次。", "访问量"),
    ],
)
def test_phrase_before_the_number(text: str, phrase: str) -> None:
    assert indicators_from_text(text)[-1].phrase == phrase


def test_a_span_of_years_counts_no_name() -> None:
    assert counted("行政诉讼案件数量连续5年下降。") == [("5", "年", "")]


def test_a_value_written_without_its_unit_takes_the_unit_of_its_list() -> None:
    assert counted("两项增速分别高于全国2.7个、1.5个百分点，日均客流分别达120万、86万人次。") == [
        ("2", "项", "增速"),
        ("2.7", "个百分点", "增速"),
        ("1.5", "个百分点", "增速"),
        ("1200000", "人次", "日均客流"),
        ("860000", "人次", "日均客流"),
    ]


def test_organizations_are_subjects_through_the_pipeline() -> None:
    text = "甲县人民政府\n甲县司法局全年受理行政复议案件52件，办结49件。"
    report = Report(name="t.txt", text=text, sha256="0", sentences=(Sentence(7, len(text), section=None),))
    inds = annotate(make_nlp(), report)._.lg_indicators
    assert [(i.value, i.phrase) for i in inds] == [
        (Decimal(52), "行政复议案件"),
        (Decimal(49), "办结行政复议案件"),
    ]


def test_reader_reads_a_sentence_inside_a_longer_text() -> None:
    reader = CountedReader.from_lexicon(Lexicon.from_package(COUNTED_FILES))
    text = "一、概况\n新增社区矫正对象12名。"
    begin = text.index("新增")
    at = text.index("12名")
    assert reader.read(text, begin, len(text), [(at, at + 3, False)]) == [("新增社区矫正对象",)]


def test_roles_file_rejects_an_unknown_role() -> None:
    with pytest.raises(ValueError, match="unknown role"):
        CountedWords.from_lexicon(Lexicon({"counted_words.tsv": "增长\tgrowth\n"}))


def test_tagging_puts_the_taggers_habits_right() -> None:
    lexicon = CountedWords.from_lexicon(Lexicon.from_package(COUNTED_FILES))
    words = tag_words("华为智能生活馆、奥莱等首店", 0, 13, lexicon)
    assert [w.text for w in words][-3:] == ["奥莱", "等", "首店"]
    assert [(w.text, w.tag) for w in tag_words("2022年度项目", 0, 8, lexicon)][0] == ("2022年度", "DATE")


def test_a_rate_shared_by_a_list_is_one_observation_per_name() -> None:
    from lawgraph.extract.facts import doc_to_facts
    from lawgraph.namespaces import LG, QB
    from lawgraph.rdf.quads import facts_to_quads

    text = "甲县人民政府\n培训覆盖率、考核合格率均达98%。"
    report = Report(name="t.txt", text=text, sha256="0", sentences=(Sentence(7, len(text), section=None),))
    quads = facts_to_quads(doc_to_facts(annotate(make_nlp(), report)))
    observations = {q.subject for q in quads if q.object.value == str(QB.Observation)}
    phrases = {q.object.value for q in quads if q.predicate.value == str(LG.countedPhrase)}
    assert len(observations) == 2
    assert phrases == {"培训覆盖率", "考核合格率"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a filler between the measure and its number is left out, and what follows carries the measure
        ("教育投入累计达85亿元，年均增长12%。", [("8500000000", "元", "教育投入"), ("12", "%", "教育投入")]),
        # a planning verb at the head of the clause is no part of what is counted
        ("力争新增高新技术企业300家。", [("300", "家", "新增高新技术企业")]),
        ("确保完成造林面积20万亩。", [("200000", "亩", "造林面积")]),
        # a set phrase of two verbs governs what follows it
        ("统筹安排专项债券资金48亿元。", [("4800000000", "元", "专项债券资金")]),
        ("更新改造农村供水管网420公里。", [("420", "公里", "农村供水管网")]),
        ("推进8项重点工程建设。", [("8", "项", "重点工程建设")]),
        # 过 after a noun is a verb inside a name, not a particle
        ("建成行人过街天桥6座。", [("6", "座", "行人过街天桥")]),
    ],
)
def test_fillers_and_verbs_at_the_head(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert counted(text) == expected


def test_values_paired_by_fenbie_reach_back_over_a_long_list() -> None:
    text = (
        "全省农林牧渔业总产值、规模以上工业企业营业收入、社会消费品零售总额、一般公共预算收入"
        "分别增长3.1%、5.2%、4.6%和2.8%。"
    )
    assert [i.phrase for i in indicators_from_text(text)] == [
        "农林牧渔业总产值",
        "规模以上工业企业营业收入",
        "社会消费品零售总额",
        "一般公共预算收入",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the number: a verb that opens a name (提升举措) or verbs before its noun (抽水蓄能电站)
        ("出台15项提升举措。", [("15", "项", "提升举措")]),
        ("新建2个抽水蓄能电站。", [("2", "个", "抽水蓄能电站")]),
        # an aside after the unit names nothing: the phrase before the number counts
        ("检测设备300台(套)。", [("300", "台", "检测设备")]),
        # a verb of completion between a measure and its number links them
        ("税收收入完成28.6亿元。", [("2860000000", "元", "税收收入")]),
        # a unit per period is part of the unit, not what the next number counts
        (
            "最低工资标准从1800元/月提高至1900元/月。",
            [("1800", "元", "最低工资标准"), ("1900", "元", "最低工资标准")],
        ),
    ],
)
def test_words_next_to_the_unit(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert counted(text) == expected


def test_a_rate_after_a_list_of_places_is_one_phrase() -> None:
    # each name of 参学率、考试通过率 is a measure; 甲镇、乙镇 are not, they share the one after them
    assert counted("甲镇、乙镇片区污水管网建设完成30%以上。") == [("30", "%", "甲镇、乙镇片区污水管网建设")]


def test_a_link_opens_a_name_only_where_the_name_ends() -> None:
    assert counted("出台15项提升举措。") == [("15", "项", "提升举措")]
    assert counted("税收收入增长5%，连续18个月保持两位数增长。")[-1][2] != "保持两位数"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("PM10平均浓度下降4.5%。", "PM10平均浓度"),  # a code and an adjective inside the name
        ("每千人口床位数达6.8张。", "每千人口床位数"),  # 达 glued to the noun by the tagger
        ("中国500强企业已有6家。", "中国500强企业"),  # a rank inside a name; 已有 links
        ("耕地保有量连续10年保持在800万亩以上。", "耕地保有量"),  # a span of years counts nothing
        ("全市6.5万名困难学生享受助学补贴。", "困难学生"),  # what people do is not their name
        ("服务业占比达55.2%。", "服务业占比"),  # 占|比达 as the tagger cuts it
        ("完成12个城中村综合整治。", "城中村"),  # the manner of the verb after the name
    ],
)
def test_codes_ranks_spans_and_people(text: str, phrase: str) -> None:
    assert indicators_from_text(text)[-1].phrase == phrase


def test_a_comparison_with_an_earlier_period_is_left_out() -> None:
    assert counted("交通事故起数、受伤人数分别比“十四五”初期下降12.5%、9.8%。") == [
        ("12.5", "%", "交通事故起数"),
        ("9.8", "%", "受伤人数"),
    ]


def test_people_keep_the_verbs_before_their_noun() -> None:
    assert counted("126名应届毕业生加入乡村教师队伍。") == [("126", "名", "应届毕业生")]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("每千人口医生数由2.1名提高到2.6名。", "每千人口医生数"),  # 由 glued to the noun by the tagger
        ("教育支出占比持续保持在20%以上。", "教育支出占比"),  # an adverb and 在 between measure and number
    ],
)
def test_adverbs_and_glued_links(text: str, phrase: str) -> None:
    assert indicators_from_text(text)[-1].phrase == phrase


def test_a_count_with_only_its_level_shares_the_next_counts_name() -> None:
    assert counted("新建1个国家级和6个省级技术创新中心。") == [
        ("1", "个", "国家级技术创新中心"),
        ("6", "个", "省级技术创新中心"),
    ]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("社会保障支出占一般公共预算支出18.6%。", "社会保障支出"),  # the share is of what stands before 占
        ("数字经济占全市42%。", "数字经济"),
        ("民营经济增加值占全省比重升至55%。", "民营经济增加值占全省比重"),  # the whole inside a share's name
        ("公证处突破30家。", "公证处"),
    ],
)
def test_shares(text: str, phrase: str) -> None:
    assert indicators_from_text(text)[-1].phrase == phrase


def test_levels_chained_before_the_name() -> None:
    assert [i.phrase for i in indicators_from_text("培育3个世界级、5个国家级、8个省级先进制造业集群。")] == [
        "世界级先进制造业集群",
        "国家级先进制造业集群",
        "省级先进制造业集群",
    ]
    # a link inside a name that ends the clause
    assert counted("建设12个省级耕地质量提升示范区。") == [("12", "个", "省级耕地质量提升示范区")]


def test_a_list_shares_the_measure_word_of_its_last_name() -> None:
    assert counted("邮政、快递业务量分别增长8%、12%。") == [
        ("8", "%", "邮政业务量"),
        ("12", "%", "快递业务量"),
    ]
    assert counted("审批时限压缩40%。") == [("40", "%", "审批时限")]  # 压缩 links like 降低
