"""Actions, one per clause: agents, partners, objects, generated and used entities, place, time."""

from __future__ import annotations

import json
import re

import pytest
import spacy

import lawgraph.extract.actions  # noqa: F401 - registers lawgraph_actions
from lawgraph.extract.actions import ACTION_TYPES, NOT_AN_ACTION, find_actions, load_verbs
from lawgraph.extract.extensions import EntityRef, register_extensions
from lawgraph.model import Report, ReportMeta, Sentence

ISSUER = "甲县人民政府"

# Entities of our sentences: surface → (kind, key).
ENTITIES = {
    "甲县司法局": ("organization", "甲县司法局"),
    "甲县人民法院": ("organization", "甲县人民法院"),
    "乙市中级人民法院": ("organization", "乙市中级人民法院"),
    "县检察院": ("organization", "甲县人民检察院"),
    "省司法厅": ("organization", "丙省司法厅"),
    "乙市监狱": ("organization", "乙市监狱"),
    "县工商联": ("organization", "甲县工商业联合会"),
    "县律师协会": ("organization", "甲县律师协会"),
    "某集团": ("organization", "甲县某集团有限公司"),
    "行政复议委员会": ("organization", "甲县行政复议委员会"),
    "人民调解委员会": ("organization", "甲县某镇人民调解委员会"),
    "县政府": ("organization", ISSUER),
    "县人大": ("organization", "甲县人民代表大会"),
    "县政协": ("organization", "中国人民政治协商会议甲县委员会"),
    "市政府": ("organization", "乙市人民政府"),
    "甲县": ("place", "丙省乙市甲县"),
    "丁镇": ("place", "丙省乙市甲县丁镇"),
    "戊村": ("place", "丙省乙市甲县丁镇戊村"),
    "全国": ("place", "中华人民共和国"),
    "工业园区": ("place", "丙省乙市甲县工业园区"),
    "新材料产业园": ("place", "丙省乙市甲县新材料产业园"),
    "甲公司": ("organization", "甲县甲有限公司"),
    "乙公司": ("organization", "甲县乙有限公司"),
    "《甲县行政许可事项清单》": ("document", "甲县行政许可事项清单"),
    "《丙省法治政府建设实施方案》": ("document", "丙省法治政府建设实施方案"),
    "《甲县法治政府建设情况》": ("document", "甲县法治政府建设情况"),
}
_SURFACES = re.compile("|".join(re.escape(s) for s in sorted(ENTITIES, key=len, reverse=True)))


def entities_of(text: str) -> list[EntityRef]:
    return [EntityRef(m.start(), m.end(), *ENTITIES[m.group()]) for m in _SURFACES.finditer(text)]


def actions(text: str, **kwargs):
    ents = entities_of(text)
    return find_actions(text, entities=ents, issuer=ISSUER, area="甲县", province="丙省", **kwargs)


def test_every_verb_has_a_scheme_type() -> None:
    verbs = load_verbs()
    assert set(verbs.values()) <= {*ACTION_TYPES, NOT_AN_ACTION}
    for verb, kind in [
        ("成立", "establish"),
        ("印发", "issue"),
        ("签订", "sign"),
        ("联合", "cooperate"),
        ("召开", "organize"),
        ("培训", "train"),
        ("聘任", "appoint"),
        ("受理", "handle_cases"),
        ("督察", "review"),
        ("托管", "entrust"),
        ("命名", "award"),
        ("开除", "discipline"),
        ("邀请", "invite"),
        ("呈报", "report"),
        ("推进", "other"),
        ("坚持", NOT_AN_ACTION),
        ("新增", NOT_AN_ACTION),
    ]:
        assert verbs[verb] == kind


@pytest.mark.parametrize(
    ("text", "verb", "kind", "roles"),
    [
        # subjectless clauses: the issuer acts
        (
            "成立行政复议委员会。",
            "成立",
            "establish",
            {"agents": (ISSUER,), "generated": ("甲县行政复议委员会",), "object_text": None},
        ),
        (
            "印发《甲县行政许可事项清单》。",
            "印发",
            "issue",
            {"agents": (ISSUER,), "generated": ("甲县行政许可事项清单",)},
        ),
        ("认真落实《丙省法治政府建设实施方案》。", "落实", "other", {"used": ("丙省法治政府建设实施方案",)}),
        ("深入推进依法行政。", "推进", "other", {"agents": (ISSUER,), "object_text": "依法行政"}),
        # what it acts on, as written
        ("全面推行行政执法三项制度改革。", "推行", "other", {"object_text": "行政执法三项制度改革"}),
        # partners
        (
            "与乙市中级人民法院、县检察院建立行政争议化解机制。",
            "建立",
            "cooperate",
            {
                "agents": (ISSUER,),
                "partners": ("乙市中级人民法院", "甲县人民检察院"),
                "object_text": "行政争议化解机制",
            },
        ),
        ("邀请省司法厅、乙市监狱召开联席会议。", "邀请", "invite", {"partners": ("丙省司法厅", "乙市监狱")}),
        ("联合县工商联开展法律服务活动。", "开展", "cooperate", {"partners": ("甲县工商业联合会",)}),
        ("会同甲县人民法院开展专项整治。", "开展", "cooperate", {"partners": ("甲县人民法院",)}),
        ("与甲县签订托管协议。", "签订", "sign", {"partners": ("丙省乙市甲县",)}),
        # explicit and coordinated subjects
        (
            "甲县司法局、甲县人民法院联合开展普法宣传。",
            "联合开展",
            "organize",
            {"agents": ("甲县司法局", "甲县人民法院")},
        ),
        ("县律师协会举办法治讲座。", "举办", "organize", {"agents": ("甲县律师协会",)}),
        (
            "甲县司法局与乙市中级人民法院、县检察院建立诉调对接机制。",
            "建立",
            "cooperate",
            {"agents": ("甲县司法局",), "partners": ("乙市中级人民法院", "甲县人民检察院"), "objects": ()},
        ),
        # objects, places, time
        ("对丁镇实行委托管理。", "实行委托管理", "entrust", {"objects": ("丙省乙市甲县丁镇",)}),
        ("在丁镇举办法治讲座。", "举办", "organize", {"places": ("丙省乙市甲县丁镇",)}),
        (
            "2023年3月在工业园区召开座谈会。",
            "召开",
            "organize",
            {"places": ("丙省乙市甲县工业园区",), "time": "2023-03"},
        ),
        # a place of the report's area as subject: where the issuer acted; an award: who receives it
        ("丁镇建成法治文化广场。", "建成", "establish", 
         {"agents": (ISSUER,), "places": ("丙省乙市甲县丁镇",)}),
        ("戊村成功创建民主法治示范村。", "成功创建", "award",
         {"agents": ("丙省乙市甲县丁镇戊村",), "objects": (), "object_text": "民主法治示范村"}),
        # an honour achieved: the subject acts on the list or title it names
        ("甲公司、乙公司入选《甲县行政许可事项清单》。", "入选", "award",
         {"agents": ("甲县甲有限公司", "甲县乙有限公司"), "objects": ("甲县行政许可事项清单",),
          "object_text": None}),
        # the type follows the verb and what it acts on
        ("对3名干部予以调整。", "调整", "discipline", {"agents": (ISSUER,)}),
        ("动态调整《甲县行政许可事项清单》。", "调整", "other", {"objects": ("甲县行政许可事项清单",)}),
        ("培养法律明白人300人。", "培养", "train", {}),
        ("培育壮大战略性新兴产业。", "培育", "other", {"object_text": "壮大战略性新兴产业"}),
        ("化解矛盾纠纷120件。", "化解", "handle_cases", {}),
        ("稳妥化解中小金融机构风险。", "化解", "other", {}),
        ("创建国家技术创新中心。", "创建", "establish", {}),
        # a support verb hands the action to the verb after it; a passive topic is what was done
        ("推动出台《甲县行政许可事项清单》。", "推动出台", "issue", {"generated": ("甲县行政许可事项清单",)}),
        ("行政复议委员会正式设立。", "设立", "establish",
         {"agents": (ISSUER,), "generated": ("甲县行政复议委员会",)}),
        ("甲公司等项目有序推进。", "推进", "other", {"agents": (ISSUER,), "objects": ("甲县甲有限公司",)}),
        # 我代表X, a clause of its own, is who speaks: X reports to the congress 大会 is a session of
        ("我代表县政府，向大会报告工作，请县人大代表审议。", "报告工作", "report",
         {"agents": (ISSUER,), "objects": ("甲县人民代表大会",)}),
        # supervision accepted from the bodies named; a partner named is enough to say what was done
        ("自觉接受县人大法律监督。", "接受", "other",
         {"agents": (ISSUER,), "objects": ("甲县人民代表大会",)}),
        ("与县检察院加强协作。", "加强协作", "cooperate",
         {"partners": ("甲县人民检察院",), "object_text": None}),
        ("全面施行《甲县行政许可事项清单》。", "施行", "other", {"used": ("甲县行政许可事项清单",)}),
        ("编纂《甲县行政许可事项清单》。", "编纂", "issue", {"generated": ("甲县行政许可事项清单",)}),
        # the whole area acts, with its government
        ("甲县全县上下坚决贯彻县委决策部署。", "贯彻", "other", {"agents": (ISSUER, "丙省乙市甲县")}),
        # a mechanism built alone is established; one of cooperation is a cooperation
        ("建立涉企问题闭环解决机制。", "建立", "establish", {"object_text": "涉企问题闭环解决机制"}),
        ("建立部门联动机制。", "建立", "cooperate", {"object_text": "部门联动机制"}),
        # a passive: who acts after 被/得到/受到, on what the clause is about
        ("戊村调解经验被省司法厅推广。", "推广", "other",
         {"agents": ("丙省司法厅",), "objects": ("丙省乙市甲县丁镇戊村",)}),
        ("丁镇避险案例得到省司法厅、甲县司法局通报表扬。", "通报表扬", "award",
         {"agents": ("丙省司法厅", "甲县司法局"), "objects": ("丙省乙市甲县丁镇",)}),
        ("甲县司法局受到省司法厅表彰。", "表彰", "award",
         {"agents": ("丙省司法厅",), "objects": ("甲县司法局",)}),
        # 全国 after the verb is a scope (全国首个…), not what the action acts on
        ("打造全国首个智慧法院。", "打造", "other", {"objects": (), "object_text": "全国首个智慧法院"}),
        # a place that starts a facility's name, or labels a stretch in brackets, is not acted on
        ("推进丁镇机场前期工作。", "推进", "other", {"objects": (), "object_text": "丁镇机场前期工作"}),
        ("开展排水管网（甲县段）整治。", "开展", "organize", {"objects": ()}),
        # a means or a rule before the verb is no subject
        ("依托县律师协会开展法律咨询。", "开展", "organize",
         {"agents": (ISSUER,), "objects": ("甲县律师协会",)}),
        # 建设 inside what 在…方面 holds is a noun; the predicate is the verb after the phrase
        ("在公园建设管理等方面开展试点。", "开展", "organize", {"agents": (ISSUER,), "object_text": "试点"}),
    ],
)
def test_clause_roles(text: str, verb: str, kind: str, roles: dict) -> None:
    acts = actions(text)
    assert len(acts) == 1, acts
    act = acts[0]
    assert (act.verb, act.type) == (verb, kind)
    for role, value in roles.items():
        assert getattr(act, role) == value, role


@pytest.mark.parametrize(
    "text",
    [
        "坚持依法行政。",  # a bare support verb, or one that states a principle
        "持续推进。",
        "法治政府建设扎实推进。",  # a verb that is a noun in a phrase, and a state
        "群众法治获得感显著提升。",  # 获得 in 获得感
        "习近平法治思想学习教育走深走实。",
        "党工委会议、管委会会议专题研究行政复议委员会设立。",  # 设立 at the end of a noun phrase
        "与省委、省政府的部署要求相比仍有一定差距。",  # a shortcoming, not a construction of 省委
        "实现法治政府基本建成目标。",  # a result
        "推动生态环境质量持续向好。",  # a goal
        "力争群众满意度达到95%。",
        "新增就业1.2万人。",  # a statistic
        "执法培训覆盖率达到100%。",  # a state
        "扩大开放是发展的必由之路。",
        "为推动高质量发展奠定基础。",  # a purpose
        "高标准推进各项工作。",  # nothing in particular
        "工会、社会组织等事业取得新进步。",  # a state; 组织 in 社会组织 is a noun
    ],
)
def test_not_actions(text: str) -> None:
    assert actions(text) == []


def test_the_wrong_links_of_the_founding_report_are_gone() -> None:
    """The issue's cases, on sentences of our own making: no action links 省委 from a shortcoming, 党工委 from
    a meeting, or the issuer to someone else's meeting."""
    surfaces = {"省委": "中共丙省委员会", "省政府": "丙省人民政府", "党工委": "中共甲县工作委员会"}
    text = "一年来工作取得成效，但与省委、省政府的部署要求相比仍有差距。党工委会议专题研究委员会设立。"
    ents = [
        EntityRef(m.start(), m.end(), "organization", surfaces[m.group()])
        for m in re.finditer("|".join(surfaces), text)
    ]
    acts = find_actions(text, entities=ents, issuer=ISSUER)
    linked = {k for a in acts for k in (*a.objects, *a.partners, *a.generated, *a.agents)}
    assert not linked & set(surfaces.values()), acts


def test_one_action_per_clause_with_evidence() -> None:
    text = "成立人民调解委员会，受理纠纷15件；开展培训3次。"
    acts = actions(text)
    assert [(a.verb, a.type) for a in acts] == [
        ("成立", "establish"),
        ("受理", "handle_cases"),
        ("开展", "organize"),
    ]
    assert [text[a.evidence.begin : a.evidence.end] for a in acts] == [
        "成立人民调解委员会",
        "受理纠纷15件",
        "开展培训3次",
    ]
    assert all((a.evidence.sentence_begin, a.evidence.sentence_end) == (0, len(text)) for a in acts)


def test_a_second_predicate_after_a_pause_is_its_own_action() -> None:
    acts = actions("定期向县人大报告工作、向县政协通报情况。")
    assert [a.verb for a in acts] == ["报告工作", "通报"]


def test_a_named_subject_carries_over_to_subjectless_clauses() -> None:
    acts = actions("甲县司法局成立行政复议委员会，受理案件12件。推进依法行政。")
    assert [a.agents for a in acts] == [("甲县司法局",), ("甲县司法局",), (ISSUER,)]


def test_a_subject_with_several_partners_carries_over() -> None:
    acts = actions("甲县司法局与乙市中级人民法院、县检察院建立协作机制，并与甲县人民法院签订合作协议。")
    assert [a.agents for a in acts] == [("甲县司法局",), ("甲县司法局",)]
    assert acts[1].partners == ("甲县人民法院",)


def test_a_date_heading_the_sentence_dates_its_clauses() -> None:
    acts = actions("2023年3月，召开专题会议，部署普法工作。印发方案。")
    assert [a.time for a in acts] == ["2023-03", "2023-03", None]


def test_a_document_named_by_genju_is_used_by_the_next_action() -> None:
    acts = actions("根据《丙省法治政府建设实施方案》，制定年度工作要点。")
    assert [(a.verb, a.used) for a in acts] == [("制定", ("丙省法治政府建设实施方案",))]


def test_a_pivot_verb_gives_the_organized_body_its_own_action() -> None:
    acts = actions("组织县律师协会联合某集团在工业园区举办宣讲活动。")
    assert [(a.verb, a.agents) for a in acts] == [("组织", (ISSUER,)), ("举办", ("甲县律师协会",))]
    assert acts[0].objects == ("甲县律师协会",)
    assert acts[1].partners == ("甲县某集团有限公司",)
    assert acts[1].places == ("丙省乙市甲县工业园区",)


def test_companies_settle_in_the_sentence_topic() -> None:
    acts = actions("新材料产业园加快建设，甲公司、乙公司等12个重大项目落户。")
    settle = [a for a in acts if a.verb == "落户"][0]
    assert settle.agents == ("甲县甲有限公司", "甲县乙有限公司")
    assert settle.objects == ("丙省乙市甲县新材料产业园",)


def test_with_in_a_comparison_is_no_partner() -> None:
    acts = actions("与甲县人民法院的工作要求相比仍有差距，与乙市中级人民法院相比还需加强。")
    assert all(not a.partners for a in acts)


def test_a_verb_after_de_is_a_noun() -> None:
    assert [a.verb for a in actions("这是年度工作的报告。")] == []


def test_a_report_verb_goes_to_the_addressee() -> None:
    acts = actions("现将《甲县法治政府建设情况》随文呈报，请审阅。", addressee="乙市人民政府")
    assert acts[0].type == "report"
    assert "乙市人民政府" in acts[0].objects


def test_an_agent_is_never_its_own_partner() -> None:
    acts = actions("县政府与甲县人民法院建立联席会议机制。")
    assert acts[0].agents == (ISSUER,)
    assert acts[0].partners == ("甲县人民法院",)


def test_verbs_inside_names_and_titles_are_not_actions() -> None:
    acts = actions("印发《甲县行政许可事项清单》。")
    assert [a.verb for a in acts] == ["印发"]
    # 调解 inside 人民调解委员会 is part of the name, so the clause's verb is 成立
    assert [a.verb for a in actions("成立人民调解委员会。")] == ["成立"]


def test_headings_are_not_actions() -> None:
    """(一)推进权责清单协同高效。 heads a section: the sentences under it hold the actions."""
    from lawgraph.ingest import report_from_text

    report = report_from_text("一、主要工作\n(一)推进权责清单协同高效。动态调整权责清单。\n", name="r.txt")
    acts = find_actions(report.text, sentences=report.sentences, sections=report.sections, issuer=ISSUER)
    assert [a.verb for a in acts] == ["调整"]


def test_component_reads_spans_context_and_sections() -> None:
    register_extensions()
    nlp = spacy.blank("zh")
    nlp.add_pipe("lawgraph_actions")
    text = "与甲县人民法院建立协作机制。"
    doc = nlp.make_doc(text)
    doc._.report = Report(
        name="t.txt",
        text=text,
        sha256="0",
        meta=ReportMeta(issuer=ISSUER),
        sentences=(Sentence(0, len(text), section=3),),
    )
    doc.spans["organization"] = [doc.char_span(1, 7, label="Court", kb_id="甲县人民法院")]
    doc = nlp(doc)
    (act,) = doc._.lg_actions
    assert (act.type, act.agents, act.partners, act.section) == ("cooperate", (ISSUER,), ("甲县人民法院",), 3)


@pytest.mark.corpus
def test_founding_report_partners(corpus_dir) -> None:
    """Through the real pipeline: the zone's committee sets up a mechanism with the Wuwei court."""
    from lawgraph.extract.pipeline import annotate, make_nlp
    from lawgraph.ingest import read_report

    report = read_report(corpus_dir / "lanzhou-new-area-2022.txt")
    doc = annotate(make_nlp(), report)
    gold = json.loads((corpus_dir / "lanzhou-new-area-2022.gold.json").read_text(encoding="utf-8"))
    found = [a for a in doc._.lg_actions if "武威市中级人民法院" in a.partners]
    assert found, "no action with 武威市中级人民法院 as partner"
    assert gold["issuer"] in found[0].agents
    assert found[0].type == "cooperate"


def test_action_types_are_the_ontology_concepts() -> None:
    """Every type an action can carry is a concept of the ontology's action-type scheme, and back."""
    from rdflib.namespace import SKOS

    from lawgraph.namespaces import ACT, LG
    from lawgraph.ontology import load_ontology

    graph = load_ontology()
    in_scheme = {str(c) for c in graph.objects(LG.actionTypes, SKOS.hasTopConcept)}
    in_scheme |= {str(c) for c in graph.subjects(SKOS.inScheme, LG.actionTypes)}
    assert {str(ACT[t]) for t in ACTION_TYPES} == in_scheme


@pytest.mark.corpus
def test_relation_recall_with_gold_entities(corpus_dir) -> None:
    """With the gold entities as mentions, the actions recover the gold relations (subject, verb, object)."""
    found = total = 0
    for gold_path in sorted(corpus_dir.glob("*.gold.json")):
        text = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt").read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        ents = []
        for key, kind in (("organizations", "organization"), ("places", "place")):
            for item in gold[key]:
                for surface in {*item["mentions"], item["canonical"]}:
                    ents += [
                        EntityRef(m.start(), m.end(), kind, item["canonical"])
                        for m in re.finditer(re.escape(surface), text)
                    ]
        for item in gold["documents"]:
            ents += [
                EntityRef(m.start(), m.end(), "document", item["title"])
                for m in re.finditer(re.escape(item["mention"]), text)
            ]
        acts = find_actions(text, entities=ents, issuer=gold["issuer"])
        for rel in gold["relations"]:
            begin = text.find(rel["sentence"])
            end = begin + len(rel["sentence"])
            total += 1
            found += any(
                a.evidence.begin < end
                and a.evidence.end > begin
                and rel["subject"] in a.agents
                and a.verb in rel["action"]
                and rel["object"] in (*a.objects, *a.partners, *a.generated, *a.used)
                for a in acts
            )
    assert total and found / total >= 0.8, (found, total)


def test_token_starts_are_built_once_and_released() -> None:
    from lawgraph.extract.pipeline import make_nlp
    from lawgraph.extract.tokens import release_token_caches, token_starts

    doc = make_nlp(components=[]).make_doc("县政府印发《办法》。")
    starts = token_starts(doc, len(doc.text))
    assert starts == {t.idx for t in doc} | {len(doc.text)}
    assert token_starts(doc, len(doc.text)) is starts  # kept on the Doc for the next component
    release_token_caches(doc)
    assert not doc.user_data
    empty = make_nlp(components=[]).make_doc("")
    assert token_starts(empty, 0) == {0}


def test_a_run_in_heading_is_no_action() -> None:
    """加强队伍建设。… opens its paragraph as a heading; the sentences after it are the actions."""
    acts = actions("加强队伍建设。组织执法人员培训600人次，开展案卷评查。\n成立调解委员会。")
    assert [a.verb for a in acts] == ["组织", "开展", "成立"]
