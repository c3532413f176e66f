"""lawgraph.validate: hand-built facts conform; each kind of broken graph is caught and named."""

from __future__ import annotations

import dataclasses
import sys
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

sys.path.insert(0, str(Path(__file__).parent / "rdf"))
from facts_fixture import make_facts, make_second_facts  # noqa: E402

from lawgraph.errors import InputError  # noqa: E402
from lawgraph.model import Action  # noqa: E402
from lawgraph.namespaces import LG, NIF, PROV, SDMX_MEASURE, SDO, SKOS, XSD, resource_iri  # noqa: E402
from lawgraph.rdf import facts_to_quads, quads_to_graph, write_quads  # noqa: E402
from lawgraph.validate import validate  # noqa: E402


def N(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


@pytest.fixture(scope="module")
def good_quads():
    return facts_to_quads(make_facts()) + facts_to_quads(make_second_facts())


def test_hand_built_facts_conform(good_quads):
    result = validate(quads_to_graph(good_quads))
    assert result.conforms, "\n".join(map(str, result.violations))
    assert result.errors == ()
    assert result.triples == len({q.triple for q in good_quads})


def test_validate_a_file(tmp_path, good_quads):
    path = write_quads(good_quads, tmp_path / "g.trig")
    assert validate(path).conforms


def test_unreadable_file_is_an_input_error(tmp_path):
    bad = tmp_path / "g.nq"
    bad.write_text("<a> <b> .\n")
    with pytest.raises(InputError, match="g.nq"):
        validate(bad)


def _without(quads, predicate, subject_kind=None):
    return [
        q for q in quads
        if not (q.predicate == N(predicate) and (subject_kind is None or subject_kind in q.subject.value))
    ]


def _problems(quads):
    result = validate(quads_to_graph(quads))
    assert not result.conforms
    return result.errors


def test_missing_preflabel(good_quads):
    errors = _problems(_without(good_quads, SKOS.prefLabel, "/org/"))
    assert {e.path for e in errors} == {"skos:prefLabel"}
    assert all("full official name" in e.message for e in errors)


def test_action_without_agent_in_a_report_with_an_issuer(good_quads):
    errors = _problems(_without(good_quads, PROV.wasAssociatedWith))
    assert errors
    assert all("prov:wasAssociatedWith" in e.message and "names an issuer" in e.message for e in errors)


def test_action_without_agent_in_a_report_without_issuer_is_a_warning():
    """A subjectless clause is the issuer's; with no issuer named, its action has no agent, and that is
    listed, not failed (as a missing issuer is)."""
    facts = make_facts()
    # with no issuer, extraction leaves the subjectless clause (受理) without agent
    actions = tuple(dataclasses.replace(a, agents=()) if a.verb == "受理" else a for a in facts.actions)
    quads = facts_to_quads(dataclasses.replace(facts, issuer=None, indicators=(), actions=actions))
    result = validate(quads_to_graph(quads))
    assert result.conforms, "\n".join(map(str, result.violations))
    agentless = [w for w in result.warnings if "prov:wasAssociatedWith" in w.message]
    assert agentless and all("names no issuer" in w.message for w in agentless)


def test_a_graph_read_back_from_oxigraph_conforms(good_quads):
    """Oxigraph stores xsd:nonNegativeInteger and xsd:positiveInteger as xsd:integer: what a store build,
    --jobs or lawgraph query gives back must still conform."""
    store = ox.Store()
    store.extend(good_quads)
    read_back = list(store)
    integer = N(XSD.integer)
    assert any(q.predicate == N(NIF.beginIndex) and q.object.datatype == integer for q in read_back)
    result = validate(quads_to_graph(read_back))
    assert result.conforms, "\n".join(map(str, result.violations))


def test_action_type_outside_the_scheme(good_quads):
    facts = make_facts()
    action = dataclasses.replace(facts.actions[0], type="carryOut")
    errors = _problems(facts_to_quads(dataclasses.replace(facts, actions=(action,), indicators=())))
    assert [e.path for e in errors] == ["lg:actionType"]



def test_an_action_is_checked_without_the_lg_action_type(good_quads):
    """Actions are typed prov:Activity only; the shape still finds one with no lg:actionType …"""
    lean = [q for q in good_quads if q.object != N(LG.Action)]
    errors = _problems(_without(lean, LG.actionType))
    assert errors and {e.path for e in errors} == {"lg:actionType"}


def test_an_action_type_needs_a_prov_activity(good_quads):
    """… and one with an lg:actionType but no rdf:type prov:Activity (the graph contract)."""
    activity = N(PROV.Activity)
    errors = _problems([q for q in good_quads if q.object not in (activity, N(LG.Action))])
    assert errors and {e.constraint for e in errors} == {"Class"}
    assert {e.path for e in errors} == {None, "lg:fromAction"}  # the action itself, and an indicator's link

def test_an_organization_is_located_in_a_place(good_quads):
    bureau, city = N(resource_iri("org", "甲市司法局")), N(resource_iri("place", "甲省甲市"))
    located = ox.Quad(bureau, N(SDO.location), city, ox.DefaultGraph())
    assert validate(quads_to_graph([*good_quads, located])).conforms
    wrong = ox.Quad(bureau, N(SDO.location), N(resource_iri("org", "甲市人民政府")), ox.DefaultGraph())
    errors = _problems([*good_quads, wrong])
    assert [e.path for e in errors] == ["schema:location"]


def test_wrong_evidence_offsets_are_caught():
    quads = facts_to_quads(make_facts())
    # make one sentence's anchor disagree with its offsets
    sentence = next(q.object for q in quads if q.predicate == N(LG.evidence))
    broken = [
        ox.Quad(q.subject, q.predicate, ox.Literal("不是这句话。"), q.graph_name)
        if q.subject == sentence and q.predicate == N(NIF.anchorOf) else q
        for q in quads
    ]
    errors = _problems(broken)
    assert any("anchorOf is not the slice" in e.message and sentence.value in e.message for e in errors)


def test_observation_value_must_be_decimal(good_quads):
    broken = [
        ox.Quad(q.subject, q.predicate, ox.Literal("39件"), q.graph_name)
        if "obsValue" in q.predicate.value else q
        for q in good_quads
    ]
    errors = _problems(broken)
    assert {e.path for e in errors} == {"sdmx-measure:obsValue"}


def test_document_title_without_brackets(good_quads):
    title = ox.NamedNode("http://purl.org/dc/terms/title")
    broken = [
        ox.Quad(q.subject, q.predicate, ox.Literal("《" + q.object.value + "》", language="zh"), q.graph_name)
        if q.predicate == title and "/doc/" in q.subject.value else q
        for q in good_quads
    ]
    errors = _problems(broken)
    assert errors and all(e.path == "dcterms:title" for e in errors)


def test_report_date_must_be_xsd_date(good_quads):
    date = ox.NamedNode("http://purl.org/dc/terms/date")
    broken = [
        ox.Quad(q.subject, q.predicate, ox.Literal("2023年1月12日"), q.graph_name)
        if q.predicate == date
        else q
        for q in good_quads
    ]
    errors = _problems(broken)
    assert {e.path for e in errors} == {"dcterms:date"}


def test_missing_issuer_is_only_a_warning():
    facts = make_facts()
    quads = facts_to_quads(dataclasses.replace(facts, issuer=None, actions=(), indicators=()))
    result = validate(quads_to_graph(quads))
    assert result.conforms
    assert [w.path for w in result.warnings] == ["dcterms:creator"]
    assert result.warnings[0].severity == "Warning"
    assert "(甲市司法局关于报送年度法治政府建设情况的报告)" in str(result.warnings[0])


def test_nif_offsets_must_be_non_negative_integers(good_quads):
    begin = N(NIF.beginIndex)
    broken = [
        ox.Quad(q.subject, q.predicate, ox.Literal("-1", datatype=N(XSD.integer)), q.graph_name)
        if q.predicate == begin and "/mention/" in q.subject.value else q
        for q in good_quads
    ]
    errors = _problems(broken)
    assert any(e.path == "nif:beginIndex" for e in errors)


def test_an_untyped_evidence_sentence_is_still_checked(good_quads):
    """Evidence sentences carry no ``a nif:Sentence`` (lg:evidence's range says it): the shapes reach them
    as the objects of lg:evidence, so a sentence without its offsets or its text is still a violation."""
    assert not any(q.object == N(NIF.Sentence) for q in good_quads)
    for predicate in (NIF.beginIndex, NIF.anchorOf):
        errors = _problems(_without(good_quads, predicate, "/sentence/"))
        assert any(e.path == f"nif:{predicate.split('#')[-1]}" and "/sentence/" in e.focus for e in errors)


def test_percent_indicator_conforms():
    facts = make_facts()
    ind = dataclasses.replace(facts.indicators[0], value=Decimal("99.70"), unit="%")
    quads = facts_to_quads(dataclasses.replace(facts, indicators=(ind,)))
    assert validate(quads_to_graph(quads)).conforms
    (value,) = [q.object for q in quads if q.predicate == N(SDMX_MEASURE.obsValue)]
    assert value == ox.Literal("99.7", datatype=N(XSD.decimal))


def test_merged_reports_that_disagree_on_a_parent_conform():
    """Two reports place the same zone under different parents; their union still conforms."""
    first, second = make_facts(), make_second_facts()
    city = next(e for e in first.entities if e.kind == "place")
    here = dataclasses.replace(city, parent="甲省")
    there = dataclasses.replace(city, parent="甲省北部地区", mentions=())
    first = dataclasses.replace(first, entities=tuple(here if e is city else e for e in first.entities))
    second = dataclasses.replace(second, entities=(*second.entities, there))
    quads = facts_to_quads(first) + facts_to_quads(second)
    parents = {q.object for q in quads if q.predicate.value.endswith("containedInPlace")}
    assert len(parents) == 2
    result = validate(quads_to_graph(quads))
    assert result.conforms, "\n".join(map(str, result.errors))


def test_every_action_and_observation_has_one_status_of_the_scheme(good_quads):
    errors = _problems(_without(good_quads, LG.status, "/action/"))
    assert errors and {e.path for e in errors} == {"lg:status"}
    planned = ox.NamedNode("https://w3id.org/lawgraph/status/planned")
    other = ox.NamedNode("https://w3id.org/lawgraph/status/maybe")
    broken = [
        ox.Quad(q.subject, q.predicate, other, q.graph_name) if q.object == planned else q for q in good_quads
    ]
    errors = _problems(broken)
    assert {(e.path, e.constraint) for e in errors} == {("lg:status", "In")}


def test_an_action_says_what_it_acts_on():
    """Without an entity it acts on, works with, produces or applies, and without lg:objectText, an action
    names nothing: a violation."""
    facts = make_facts()
    bare = dataclasses.replace(facts.actions[2], object_text=None)  # 受理, which links no entity
    errors = _problems(facts_to_quads(dataclasses.replace(facts, actions=(bare,), indicators=())))
    assert errors and all("lg:objectText" in e.message for e in errors)


def test_an_award_whose_giver_is_not_named_has_no_agent():
    """X获评…: the recipient is what the award acts on; with no giver named, no agent, and that conforms."""
    facts = make_facts()
    ev = facts.actions[0].evidence
    award = Action(
        "获评", "award", (), ev, objects=("甲市司法局",), object_text="法治建设先进单位", status="done"
    )
    quads = facts_to_quads(dataclasses.replace(facts, actions=(*facts.actions, award)))
    result = validate(quads_to_graph(quads))
    assert result.conforms, "\n".join(map(str, result.violations))
