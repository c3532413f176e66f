"""Who acts: the agent rules of lawgraph.extract.agents, alone and as the action finder applies them."""

from __future__ import annotations

import pytest

from lawgraph.extract.actions import find_actions
from lawgraph.extract.agents import UNKNOWN, AgentRules, Subject, implied_organizations
from lawgraph.extract.extensions import EntityRef
from lawgraph.model import Action, Entity, Evidence

ISSUER = "甲县人民政府"
RULES = AgentRules(issuer=ISSUER, area="甲县", province="丙省")
BUREAU = EntityRef(0, 5, "organization", "甲县司法局")
OWN_AREA = EntityRef(0, 2, "place", "丙省乙市甲县")
VILLAGE = EntityRef(0, 2, "place", "丙省乙市甲县丁镇戊村")
ELSEWHERE = EntityRef(0, 2, "place", "丁省戊市")


@pytest.mark.parametrize(
    ("subject", "pivot", "carried", "agents"),
    [
        (None, None, [], [ISSUER]),  # no subject: the issuer
        (None, None, ["甲县司法局"], ["甲县司法局"]),  # the subject an earlier clause named
        (None, None, UNKNOWN, []),  # after a person as subject (总书记…): nobody the report names
        (Subject(["甲县司法局", "甲县法院"], "organization"), None, ["乙"], ["甲县司法局", "甲县法院"]),
        (None, ["甲县律师协会"], ["甲县司法局"], ["甲县律师协会"]),  # a pivot hands the action on
    ],
)
def test_agents_in_order_of_precedence(subject, pivot, carried, agents) -> None:
    assert RULES.agents(subject=subject, pivot=pivot, carried=carried) == agents


def test_a_report_without_issuer_leaves_a_subjectless_clause_without_agent() -> None:
    assert AgentRules().agents(subject=None, pivot=None, carried=[]) == []


def test_a_place_as_subject_is_never_made_an_organization() -> None:
    """The own area is the issuer; a place of the province is where the issuer acted; another names nobody."""
    assert RULES.subject([OWN_AREA, BUREAU]).keys == [ISSUER, "甲县司法局"]
    village = RULES.subject([VILLAGE])
    assert (village.keys, village.places, village.written) == ([ISSUER], [VILLAGE.key], [VILLAGE.key])
    assert RULES.subject([ELSEWHERE]).keys == []
    assert AgentRules(area="甲县").subject([OWN_AREA]).keys == []  # no issuer to stand for


def test_only_a_body_as_subject_carries_over() -> None:
    body = RULES.subject([BUREAU])
    assert RULES.carried_after(body, body.keys, []) == ["甲县司法局"]
    village = RULES.subject([VILLAGE])
    assert RULES.carried_after(village, village.keys, ["甲县司法局"]) == []
    assert RULES.carried_after(None, [ISSUER], ["甲县司法局"]) == ["甲县司法局"]


def test_who_receives_an_award() -> None:
    assert RULES.recipients(RULES.subject([VILLAGE]), []) == [VILLAGE.key]
    assert RULES.recipients(None, []) == [ISSUER]  # 获评…: the report's own body received it


def _acts(text: str, surfaces: dict[str, tuple[str, str]]):
    ents = []
    for surface, (kind, key) in surfaces.items():
        at = text.find(surface)
        while at >= 0:
            ents.append(EntityRef(at, at + len(surface), kind, key))
            at = text.find(surface, at + 1)
    return find_actions(text, entities=ents, issuer=ISSUER, area="甲县", province="丙省")


def test_the_action_finder_applies_the_rules() -> None:
    text = "戊村被命名为民主法治示范村，培养法律明白人30人。甲县司法局成立工作专班，组织开展培训。"
    acts = _acts(text, {"戊村": ("place", VILLAGE.key), "甲县司法局": ("organization", "甲县司法局")})
    assert [(a.verb, a.agents, a.objects) for a in acts] == [
        ("被命名为", (), (VILLAGE.key,)),  # the village receives the title: it is no agent
        ("培养", (ISSUER,), ()),  # a place as subject does not carry over
        ("成立", ("甲县司法局",), ()),
        ("组织开展", ("甲县司法局",), ()),  # a body does
    ]


def test_coordinated_subjects_all_act() -> None:
    """党工委、管委会以上率下，加强…: both bodies, and the clause after the verbless one takes them over."""
    surfaces = {"县委": ("organization", "中共甲县委员会"), "县政府": ("organization", ISSUER)}
    acts = _acts("县委、县政府以上率下，加强压力传导。", surfaces)
    assert [(a.verb, a.agents) for a in acts] == [("加强", ("中共甲县委员会", ISSUER))]
    acts = _acts("县委、县政府带头落实学法制度。", surfaces)
    assert [a.agents for a in acts] == [("中共甲县委员会", ISSUER)]


def test_a_person_as_subject_is_not_the_issuer() -> None:
    """总书记亲临考察指导，明确了…: neither clause is the issuer's action."""
    acts = _acts("总书记再次亲临甲县考察指导，明确了甲县的发展定位。", {"甲县": ("place", OWN_AREA.key)})
    assert acts == []


def test_an_event_of_others_has_no_issuer_as_agent() -> None:
    """党的二十大胜利召开 is cited, not done by the report's issuer."""
    assert _acts("党的二十大和省第十四次党代会胜利召开。", {}) == []


def test_a_place_outside_the_province_as_subject_gives_no_action() -> None:
    assert _acts("戊市建成智慧城市平台。", {"戊市": ("place", ELSEWHERE.key)}) == []
    acts = _acts("戊村建成法治文化广场。", {"戊村": ("place", VILLAGE.key)})
    expected = [((ISSUER,), (VILLAGE.key,), "法治文化广场")]
    assert [(a.agents, a.places, a.object_text) for a in acts] == expected


def test_an_award_names_its_giver_when_the_text_does() -> None:
    surfaces = {"省司法厅": ("organization", "丙省司法厅"), "戊村": ("place", VILLAGE.key)}
    (act,) = _acts("戊村被省司法厅评为法治宣传教育基地。", surfaces)
    assert (act.type, act.agents, act.objects, act.object_text) == (
        "award",
        ("丙省司法厅",),
        (VILLAGE.key,),
        "法治宣传教育基地",
    )
    (act,) = _acts("获评全国法治政府建设示范县。", {})
    assert (act.agents, act.objects) == ((ISSUER,), ())  # achieved, not given: the report's body acts


def test_led_by_gives_the_leading_bodies_an_action_on_the_issuer() -> None:
    surfaces = {"县委": ("organization", "中共甲县委员会"), "县人大": ("organization", "甲县人民代表大会")}
    acts = _acts("在县委坚强领导下，在县人大的监督支持下，深入推进依法行政。", surfaces)
    assert [(a.verb, a.agents, a.objects) for a in acts[:2]] == [
        ("领导", ("中共甲县委员会",), (ISSUER,)),
        ("监督支持", ("甲县人民代表大会",), (ISSUER,)),
    ]
    assert acts[2].agents == (ISSUER,)


def test_implied_organizations_describe_agents_no_entity_names() -> None:
    ev = Evidence(0, 2, 0, 10)
    acts = [
        Action("成立", "establish", ("甲县司法局", "某工作组"), ev),
        Action("受理", "handle_cases", (ISSUER,), ev),
        Action("设立", "establish", ("某工作组",), ev),
    ]
    entities = [
        Entity("organization", "甲县司法局", "JusticeAdministration"),
        Entity("organization", ISSUER, "GovernmentBody"),
    ]
    implied = Entity("organization", "某工作组", "OtherOrganization")
    assert implied_organizations(acts, entities) == (implied,)  # once, though two actions name it
    assert implied_organizations(acts, [*entities, Entity("organization", "某工作组", "Committee")]) == ()


def test_a_place_as_subject_is_the_place_of_the_issuers_action_in_the_facts() -> None:
    """Through the pipeline: 湖北省武汉市 or a town as subject never becomes an lg:OtherOrganization."""
    from lawgraph.extract.facts import doc_to_facts
    from lawgraph.extract.pipeline import annotate, make_nlp
    from lawgraph.model import Report, ReportMeta

    text = "永登县上川镇建成法治文化广场。"
    report = Report(name="t.txt", text=text, sha256="0", meta=ReportMeta(issuer="兰州新区管理委员会"))
    facts = doc_to_facts(annotate(make_nlp(), report))
    town = "甘肃省兰州市永登县上川镇"
    assert [(a.agents, a.places) for a in facts.actions] == [(("兰州新区管理委员会",), (town,))]
    assert ("organization", town) not in {(e.kind, e.key) for e in facts.entities}
    assert facts.implied_organizations == ()


def test_led_by_leads_the_bodies_that_head_what_follows() -> None:
    """在X领导下，Y团结带领…: X leads Y as well as the issuer; Y acts in what follows."""
    surfaces = {
        "党中央": ("organization", "中国共产党中央委员会"),
        "县委": ("organization", "中共甲县委员会"),
    }
    acts = _acts("在党中央坚强领导下，县委团结带领全县干部群众开展法治宣传。", surfaces)
    assert (acts[0].verb, acts[0].agents, acts[0].objects) == (
        "领导",
        ("中国共产党中央委员会",),
        (ISSUER, "中共甲县委员会"),
    )


def test_a_place_as_agent_is_no_implied_organization() -> None:
    from lawgraph.extract.agents import implied_organizations
    from lawgraph.model import Action, Entity, Evidence

    act = Action("入选", "award", (VILLAGE.key,), Evidence(0, 1, 0, 1), object_text="示范村")
    assert implied_organizations([act], [Entity("place", VILLAGE.key, "Village")]) == ()
