"""Who acts: the agent rules of lawgraph.extract.agents, alone and as the action finder applies them."""

from __future__ import annotations

import pytest

from lawgraph.extract.actions import find_actions
from lawgraph.extract.agents import AgentRules, Subject, implied_organizations
from lawgraph.extract.extensions import EntityRef
from lawgraph.model import Action, Entity, Evidence

ISSUER = "甲县人民政府"
RULES = AgentRules(issuer=ISSUER, area="甲县")
BUREAU = EntityRef(0, 5, "organization", "甲县司法局")
OWN_AREA = EntityRef(0, 2, "place", "丙省乙市甲县")
VILLAGE = EntityRef(0, 2, "place", "丙省乙市甲县丁镇戊村")


@pytest.mark.parametrize(
    ("subject", "pivot", "carried", "agents"),
    [
        (None, None, [], [ISSUER]),  # no subject: the issuer
        (None, None, ["甲县司法局"], ["甲县司法局"]),  # the subject an earlier clause named
        (Subject(["甲县司法局", "甲县法院"], "organization"), None, ["乙"], ["甲县司法局", "甲县法院"]),
        (None, ["甲县律师协会"], ["甲县司法局"], ["甲县律师协会"]),  # a pivot hands the action on
    ],
)
def test_agents_in_order_of_precedence(subject, pivot, carried, agents) -> None:
    assert RULES.agents(subject=subject, pivot=pivot, carried=carried) == agents


def test_a_report_without_issuer_leaves_a_subjectless_clause_without_agent() -> None:
    assert AgentRules().agents(subject=None, pivot=None, carried=[]) == []


def test_the_own_area_as_subject_stands_for_the_issuer() -> None:
    assert RULES.subject([OWN_AREA, BUREAU]).keys == [ISSUER, "甲县司法局"]
    assert RULES.subject([VILLAGE]).keys == ["丙省乙市甲县丁镇戊村"]
    assert AgentRules(area="甲县").subject([OWN_AREA]).keys == ["丙省乙市甲县"]  # no issuer to stand for


def test_only_a_body_as_subject_carries_over() -> None:
    body = RULES.subject([BUREAU])
    assert RULES.carried_after(body, body.keys, []) == ["甲县司法局"]
    village = RULES.subject([VILLAGE])
    assert RULES.carried_after(village, village.keys, ["甲县司法局"]) == []
    assert RULES.carried_after(None, [ISSUER], ["甲县司法局"]) == ["甲县司法局"]


def test_the_action_finder_applies_the_rules() -> None:
    text = "戊村成功创建民主法治示范村，培养法律明白人。甲县司法局成立工作专班，组织开展培训。"
    ents = [EntityRef(0, 2, "place", VILLAGE.key), EntityRef(22, 27, "organization", "甲县司法局")]
    assert text[22:27] == "甲县司法局"
    acts = find_actions(text, entities=ents, issuer=ISSUER, area="甲县")
    assert [(a.verb, a.agents) for a in acts] == [
        ("成功创建", (VILLAGE.key,)),
        ("培养", (ISSUER,)),  # a place as subject does not carry over
        ("成立", ("甲县司法局",)),
        ("组织开展", ("甲县司法局",)),  # a body does
    ]


def test_agents_no_organization_names_are_implied_organizations() -> None:
    ev = Evidence(0, 2, 0, 10)
    acts = [
        Action("创建", "award", (VILLAGE.key,), ev),
        Action("成立", "establish", ("甲县司法局", "某协会筹备组", VILLAGE.key), ev),
        Action("受理", "handle_cases", (ISSUER, "某协会筹备组"), ev),
    ]
    entities = [
        Entity("organization", "甲县司法局", "JusticeAdministration"),
        Entity("organization", ISSUER, "GovernmentBody"),
        Entity("place", VILLAGE.key, "Village"),
    ]
    implied = Entity("organization", "某协会筹备组", "OtherOrganization")
    assert implied_organizations(acts, entities) == (implied,)  # once, though two actions name it
    # a village that acts is a place, not also an organization (issue 12)
    assert all(e.key != VILLAGE.key for e in implied_organizations(acts, entities))
    also_a_body = [*entities, Entity("organization", "某协会筹备组", "GovernmentBody")]
    assert implied_organizations(acts, also_a_body) == ()


def test_a_place_as_subject_is_the_agent_as_a_place() -> None:
    from lawgraph.extract.facts import doc_to_facts
    from lawgraph.extract.pipeline import annotate, make_nlp
    from lawgraph.model import Report, ReportMeta

    text = "永登县上川镇成功创建民主法治示范镇。"
    report = Report(name="t.txt", text=text, sha256="0", meta=ReportMeta(issuer="兰州新区管理委员会"))
    facts = doc_to_facts(annotate(make_nlp(), report))
    town = "甘肃省兰州市永登县上川镇"
    assert [a.agents for a in facts.actions] == [(town,)]
    assert ("place", town) in {(e.kind, e.key) for e in facts.entities}
    assert ("organization", town) not in {(e.kind, e.key) for e in facts.entities}
    assert facts.implied_organizations == ()  # the town acts as the place it is (issue 12)
