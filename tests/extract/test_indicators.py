"""Indicators: quantities stated as achievements, and the look-alikes that are not."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import spacy

import lawgraph.extract.actions  # noqa: F401 - registers lawgraph_actions
from lawgraph.extract.indicators import find_indicators, indicators_from_text
from lawgraph.model import Report, Sentence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年受理各类行政复议案件39件。", [("39", "件", None)]),
        ("累计办理群众来电8万件，按期办结率99.7%。", [("80000", "件", None), ("99.7", "%", None)]),
        ("文章阅读量达5600多万人次。", [("56000000", "人次", "多")]),
        ("打造“半小时服务圈”。", [("0.5", "小时", None)]),
        ("企业开办实现“两环节、零费用、半小时”。", [("2", "环节", None), ("0.5", "小时", None)]),
        ("出台二十项便民措施。", [("20", "项", None)]),
        ("民生支出379.87亿元，增长19.9%。", [("37987000000", "元", None), ("19.9", "%", None)]),
        ("整改完成率95%以上。", [("95", "%", "以上")]),
        ("组织近3000名干部参加考试。", [("3000", "名", "近")]),
        ("文博会分会场数量连续11年位列第一。", [("11", "年", None)]),
        ("开展三轮全员检测。", [("3", "轮", None)]),
        ("12345热线实现24小时人工服务。", [("24", "小时", None)]),
        ("两个学科进入百强。", [("2", "个", None)]),
        ("对12名干部予以问责，1家事务所通过审核。", [("12", "名", None), ("1", "家", None)]),
        ("筹集资金1000余万元，减税3亿多元。", [("10000000", "元", "余"), ("300000000", "元", "多")]),
        ("走访企业一万余家，出生率为8.5‰。", [("10000", "家", "余"), ("8.5", "‰", None)]),
        ("建成15分钟法律服务圈。", [("15", "分钟", None)]),
        ("失业率控制在3%以下，召开专题会议2次。", [("3", "%", "以下"), ("2", "次", None)]),
        ("审批时限压缩至5个工作日以内。", [("5", "个工作日", "以内")]),
    ],
)
def test_indicators(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    got = [(i.value, i.unit, i.approximation) for i in indicators_from_text(text)]
    assert got == [(Decimal(v), u, a) for v, u, a in expected]


@pytest.mark.parametrize(
    "text",
    [
        "2022年，本县法治建设取得成效。",  # a year
        "2023年3月14日至20日开展检测。",  # dates
        "被命名为第一批全省法治教育基地。",  # an ordinal
        "位列全省第3名。",  # a rank
        "认真学习贯彻党的二十大精神。",  # a congress
        "学习贯彻省十四次党代会精神。",  # a congress with a count-like 次
        "召开区七届二次全会。",  # a plenary
        "出席市十五届人大三次会议。",  # a session of a congress
        "落实行政执法能力三年提升行动。",  # a plan name
        "实现“十四五”良好开局。",  # a plan name in quotes
        "调整《各部门权责清单(2022版)》。",  # a version in a title
        "修订权责清单(2022年版)。",  # a version
        "立足“三新一高”，做到“两个维护”，实施“四强”行动。",  # slogans
        "增强“四个意识”，推进“六个一”工作体系。",  # slogans with 个
        "一、坚持党的领导（二）强化监督 三是加强监督。",  # section numbers and enumerations
        "印发《关于做好12项重点工作的通知》。",  # a number inside a title
        "深入贯彻中央八项规定精神，全面推行行政执法三项制度。",  # fixed political phrases
        "PM2.5浓度下降，签订“1+32”协议，落实“20+8”布局。",  # codes and formulas
        "推行一窗办、一网办，实现信访零上访。",  # 一 and 零 naming practices
        "失业率低于3%控制线。",  # a threshold, not an achievement
        "走访企业数十家，开展活动几十场。",  # no number stated
        "庆祝建党一百周年。",  # an anniversary
    ],
)
def test_not_indicators(text: str) -> None:
    assert indicators_from_text(text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("受理各类行政复议案件39件", "行政复议案件"),
        ("新增20家社康机构", "社康机构"),
        ("阅读量达5600多万人次", "阅读量"),
        ("公共法律服务覆盖率达到90%以上", "公共法律服务覆盖率"),
        ("95项涉企经营事项实现全覆盖", "涉企经营事项"),
        ("行政机关负责人出庭应诉率100%", "行政机关负责人出庭应诉率"),
        ("全县共有人民调解员1200余名", "人民调解员"),
        ("处理群众来信来访1250批次3600人次", "群众来信来访"),
        ("新增2022年度项目12个", "新增项目"),
        ("对26份行政规范性文件进行审核", "行政规范性文件"),
        ("对接3个大厅590台智能终端", "智能终端"),
    ],
)
def test_counted_phrase(text: str, phrase: str) -> None:
    assert indicators_from_text(text)[-1].phrase == phrase


def test_a_count_before_another_is_not_what_it_counts() -> None:
    inds = indicators_from_text("九大类民生支出379.87亿元，占支出的八成以上。")
    assert [(i.written, i.phrase) for i in inds] == [
        ("九大类", "民生支出"),
        ("379.87亿元", "民生支出"),
        ("八成以上", "民生支出"),
    ]


def test_evidence_indexes_the_text_and_its_sentence() -> None:
    text = "一、概况\n全年办结案件12件。新增调解员30名。"
    sentences = (Sentence(5, 15, section=0), Sentence(15, 24, section=0))
    inds = find_indicators(text, sentences=sentences)
    assert [text[i.evidence.begin : i.evidence.end] for i in inds] == ["12件", "30名"]
    assert [(i.evidence.sentence_begin, i.evidence.sentence_end) for i in inds] == [(5, 15), (15, 24)]


def test_numbers_inside_names_are_not_indicators() -> None:
    text = "三台县开展普法活动，办理案件5件。"
    assert [i.value for i in find_indicators(text, names=[(0, 3)])] == [Decimal(5)]


def test_component_links_indicators_to_the_action_of_their_clause() -> None:
    from lawgraph.extract.extensions import register_extensions

    register_extensions()
    nlp = spacy.blank("zh")
    nlp.add_pipe("lawgraph_actions")
    nlp.add_pipe("lawgraph_indicators")
    text = "成立调解委员会，受理纠纷案件15件，调解成功12件。"
    doc = nlp.make_doc(text)
    doc._.report = Report(name="t.txt", text=text, sha256="0", sentences=(Sentence(0, len(text), section=2),))
    doc = nlp(doc)
    acts, inds = doc._.lg_actions, doc._.lg_indicators
    assert [(i.value, i.unit) for i in inds] == [(Decimal(15), "件"), (Decimal(12), "件")]
    assert [acts[i.action].verb for i in inds] == ["受理", "调解"]
    assert inds[0].phrase == "纠纷案件"


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["lanzhou-new-area-2022", "longgang-district-2022-part"])
def test_gold_metrics(corpus_dir, name: str) -> None:
    """Recall (exact value and unit) and precision on each gold report, through the real pipeline."""
    from lawgraph.extract.pipeline import annotate, make_nlp
    from lawgraph.ingest import read_report

    if not (corpus_dir / f"{name}.gold.json").is_file():
        pytest.skip(f"no gold for {name}")
    report = read_report(corpus_dir / f"{name}.txt")
    gold = json.loads((corpus_dir / f"{name}.gold.json").read_text(encoding="utf-8"))
    inds = annotate(make_nlp(), report)._.lg_indicators
    text = report.text
    matched: set[int] = set()
    found = 0
    cursor: dict[str, int] = {}
    for metric in gold["metrics"]:
        begin = text.find(metric["mention"], cursor.get(metric["mention"], 0))
        assert begin >= 0, metric["mention"]
        cursor[metric["mention"]] = begin + 1
        end = begin + len(metric["mention"])
        for k, ind in enumerate(inds):
            if (
                k not in matched
                and ind.evidence.begin < end
                and ind.evidence.end > begin
                and ind.value == Decimal(str(metric["value"]))
                and ind.unit == metric["unit"]
            ):
                matched.add(k)
                found += 1
                break
    assert found / len(gold["metrics"]) >= 0.92
    assert len(matched) / len(inds) >= 0.90
    if name.startswith("lanzhou"):
        by_value = {(i.value, i.unit): i for i in inds}
        assert "行政复议案件" in by_value[(Decimal(39), "件")].phrase
