"""facts_to_quads: the graph model of docs/DESIGN.md, on facts we build by hand."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from facts_fixture import make_facts, make_second_facts  # noqa: E402

from lawgraph.model import Action, Entity, Evidence  # noqa: E402
from lawgraph.namespaces import (  # noqa: E402
    ACT,
    DCTERMS,
    FOAF,
    ITSRDF,
    LG,
    NIF,
    ORG,
    PROV,
    QB,
    RDF,
    SDMX_ATTRIBUTE,
    SDMX_MEASURE,
    SDO,
    SKOS,
    XSD,
    resource_iri,
)
from lawgraph.rdf import facts_to_quads, report_iri  # noqa: E402
from lawgraph.rdf.quads import entity_iri  # noqa: E402


def N(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


@pytest.fixture(scope="module")
def facts():
    return make_facts()


@pytest.fixture(scope="module")
def quads(facts):
    return facts_to_quads(facts)


def objects(quads, subject, predicate):
    return [q.object for q in quads if q.subject == subject and q.predicate == N(predicate)]


def graph_of(quads, subject, predicate):
    return {q.graph_name for q in quads if q.subject == subject and q.predicate == N(predicate)}


def test_pure_and_deterministic(facts, quads):
    again = facts_to_quads(make_facts())
    assert again == quads
    assert len(set(quads)) == len(quads)


def test_report_node_speaks_the_contract(facts, quads):
    rep = N(report_iri(facts.report))
    assert set(objects(quads, rep, RDF.type)) == {N(FOAF.Document), N(LG.Report)}
    assert objects(quads, rep, DCTERMS.title) == [
        ox.Literal("甲市司法局关于报送年度法治政府建设情况的报告", language="zh")
    ]
    assert objects(quads, rep, DCTERMS.creator) == [N(resource_iri("org", "甲市司法局"))]
    assert objects(quads, rep, LG.addressee) == [N(resource_iri("org", "甲市人民政府"))]
    assert objects(quads, rep, DCTERMS.date) == [ox.Literal("2023-01-12", datatype=N(XSD.date))]
    assert objects(quads, rep, DCTERMS.issued) == [ox.Literal("2023-01-13", datatype=N(XSD.date))]
    assert objects(quads, rep, LG.reportYear) == [ox.Literal("2022", datatype=N(XSD.gYear))]
    assert objects(quads, rep, DCTERMS.source) == [N("https://example.org/report/1")]
    assert objects(quads, rep, LG.sha256) == [ox.Literal(facts.report.sha256)]
    # the report's facts sit in its own named graph, whose IRI is the report's IRI
    assert graph_of(quads, rep, DCTERMS.creator) == {rep}


def test_nif_context_holds_the_text(facts, quads):
    ctx = N(resource_iri("text", facts.report.sha256))
    assert objects(quads, ctx, NIF.isString) == [ox.Literal(facts.report.text)]
    assert objects(quads, ctx, NIF.endIndex) == [
        ox.Literal(str(len(facts.report.text)), datatype=N(XSD.nonNegativeInteger))
    ]


def test_entities_live_in_the_default_graph(quads):
    bureau = N(resource_iri("org", "甲市司法局"))
    assert set(objects(quads, bureau, RDF.type)) == {N(ORG.Organization), N(LG.JusticeAdministration)}
    assert objects(quads, bureau, SKOS.prefLabel) == [ox.Literal("甲市司法局", language="zh")]
    assert graph_of(quads, bureau, SKOS.prefLabel) == {ox.DefaultGraph()}
    assert objects(quads, bureau, ORG.subOrganizationOf) == [N(resource_iri("org", "甲市人民政府"))]
    # a surface form equal to the prefLabel is not repeated as an altLabel (SKOS labels are disjoint)
    assert objects(quads, bureau, SKOS.altLabel) == []
    group = N(resource_iri("org", "甲市法治建设工作组"))
    assert objects(quads, group, SKOS.altLabel) == [ox.Literal("法治建设工作组", language="zh")]


def test_an_organization_is_located_in_its_place(facts):
    bureau = next(e for e in facts.entities if e.key == "甲市司法局")
    entities = tuple(
        dataclasses.replace(e, location="甲省甲市") if e is bureau else e for e in facts.entities
    )
    located = dataclasses.replace(facts, entities=entities)
    quads = facts_to_quads(located)
    node = N(resource_iri("org", "甲市司法局"))
    assert objects(quads, node, SDO.location) == [N(resource_iri("place", "甲省甲市"))]
    assert graph_of(quads, node, SDO.location) == {ox.DefaultGraph()}
    assert not [q for q in facts_to_quads(facts) if q.predicate == N(SDO.location)]


def test_place_document_initiative(quads):
    city = N(resource_iri("place", "甲省甲市"))
    assert set(objects(quads, city, RDF.type)) == {N(SDO.AdministrativeArea), N(LG.City)}
    assert objects(quads, city, LG.divisionCode) == [ox.Literal("990100")]
    doc = N(resource_iri("doc", "甲市行政执法监督办法"))
    assert set(objects(quads, doc, RDF.type)) == {N(FOAF.Document), N(LG.PolicyDocument)}
    assert objects(quads, doc, DCTERMS.title) == [ox.Literal("甲市行政执法监督办法", language="zh")]
    assert objects(quads, doc, SKOS.altLabel) == []  # 《…》 stripped, equal to the title
    assert objects(quads, doc, LG.documentType) == [ox.Literal("办法")]
    mech = N(resource_iri("initiative", "纠纷化解协作机制"))
    assert objects(quads, mech, RDF.type) == [N(LG.Initiative)]


def test_mentions_are_checkable_nif_phrases(facts, quads):
    text = facts.report.text
    phrases = {q.subject for q in quads if q.predicate == N(RDF.type) and q.object == N(NIF.Phrase)}
    # One mention per entity and surface form: every form each entity is named by in the report is there.
    stated = {(o.value, objects(quads, p, NIF.anchorOf)[0].value)
              for p in phrases for o in objects(quads, p, ITSRDF.taIdentRef)}
    found = {(entity_iri(e), text[m.evidence.begin : m.evidence.end])
             for e in facts.entities for m in e.mentions}
    assert stated == found
    assert len(phrases) < sum(len(e.mentions) for e in facts.entities)  # the fixture repeats a name
    linked = 0
    for phrase in phrases:
        begin = int(objects(quads, phrase, NIF.beginIndex)[0].value)
        end = int(objects(quads, phrase, NIF.endIndex)[0].value)
        assert text[begin:end] == objects(quads, phrase, NIF.anchorOf)[0].value
        assert len(objects(quads, phrase, ITSRDF.taIdentRef)) == 1
        for sentence in objects(quads, phrase, NIF.sentence):
            linked += 1
            sb = int(objects(quads, sentence, NIF.beginIndex)[0].value)
            se = int(objects(quads, sentence, NIF.endIndex)[0].value)
            assert sb <= begin < end <= se
            assert text[sb:se] == objects(quads, sentence, NIF.anchorOf)[0].value
    assert linked > 0


def test_only_evidence_sentences_are_described(facts, quads):
    """A sentence is written only as the evidence of an action or observation (untyped: lg:evidence's range
    says it is a nif:Sentence); a mention elsewhere keeps its offsets and text but no nif:sentence."""
    sentences = {q.subject for q in quads
                 if q.predicate == N(NIF.anchorOf) and "/sentence/" in q.subject.value}
    evidence = {q.object for q in quads if q.predicate == N(LG.evidence)}
    assert sentences == evidence
    # a nif:Sentence by the range of lg:evidence, not by a statement of its own
    assert not [q for q in quads if q.object == N(NIF.Sentence)]
    assert {q.object for q in quads if q.predicate == N(NIF.sentence)} <= evidence


def test_actions(facts, quads):
    acts = {q.subject for q in quads if q.object == N(PROV.Activity)}
    assert len(acts) == len(facts.actions)
    by_verb = {objects(quads, a, LG.verb)[0].value: a for a in acts}
    coop = by_verb["建立"]
    assert objects(quads, coop, LG.actionType) == [N(ACT.cooperate)]
    assert objects(quads, coop, PROV.wasAssociatedWith) == [N(resource_iri("org", "甲市司法局"))]
    assert objects(quads, coop, LG.partner) == [N(resource_iri("org", "甲市中级人民法院"))]
    assert objects(quads, coop, PROV.generated) == [N(resource_iri("initiative", "纠纷化解协作机制"))]
    assert objects(quads, coop, LG.place) == [N(resource_iri("place", "甲省甲市"))]
    assert objects(quads, coop, LG.inReport) == [N(report_iri(facts.report))]
    # a subjectless clause is the issuer's
    handle = by_verb["受理"]
    assert objects(quads, handle, PROV.wasAssociatedWith) == [N(resource_iri("org", "甲市司法局"))]
    assert objects(quads, handle, LG.time) == [ox.Literal("全年")]
    issue = by_verb["印发"]
    assert objects(quads, issue, PROV.used) == [N(resource_iri("doc", "甲市行政执法监督办法"))]
    # a key no entity has is dropped, not turned into a new string node
    assert objects(quads, issue, LG.actedOn) == []
    # the section is read through the evidence sentence (the lean graph does not repeat it on the action)
    (sentence,) = objects(quads, by_verb["成立"], LG.evidence)
    assert objects(quads, sentence, LG.section) == [N(resource_iri("section", facts.report.sha256,
                                                                   str(facts.report.sections[0].begin)))]


def test_actions_are_lean(facts, quads):
    """Derivable statements are left out: no ``a lg:Action`` (lg:actionType's domain gives it) and no
    lg:section on the action (its evidence sentence has it); the graph contract's prov:Activity stays."""
    acts = {q.subject for q in quads if q.object == N(PROV.Activity)}
    assert acts and not [q for q in quads if q.object == N(LG.Action)]
    assert all(objects(quads, a, LG.actionType) and objects(quads, a, LG.inReport) for a in acts)
    assert not [q for q in quads if q.subject in acts and q.predicate == N(LG.section)]


def test_an_implied_organization_is_described_as_given(facts):
    """An agent no entity names is described from facts.implied_organizations, which extraction decides."""
    action = Action("成立", "establish", ("丙县人民政府",), facts.actions[0].evidence)
    implied = Entity("organization", "丙县人民政府", "OtherOrganization")
    quads = facts_to_quads(
        dataclasses.replace(facts, actions=(action,), indicators=(), implied_organizations=(implied,))
    )
    node = N(resource_iri("org", "丙县人民政府"))
    assert set(objects(quads, node, RDF.type)) == {N(ORG.Organization), N(LG.OtherOrganization)}
    assert objects(quads, node, SKOS.prefLabel) == [ox.Literal("丙县人民政府", language="zh")]
    (act,) = [q.subject for q in quads if q.object == N(PROV.Activity)]
    assert objects(quads, act, PROV.wasAssociatedWith) == [node]


def test_the_rdf_layer_adds_no_agent(facts):
    """Agents are extraction's decision: an action given none gets none, even in a report with an issuer."""
    action = Action("受理", "handle_cases", (), facts.actions[2].evidence)
    quads = facts_to_quads(dataclasses.replace(facts, actions=(action,), indicators=()))
    (act,) = [q.subject for q in quads if q.object == N(PROV.Activity)]
    assert objects(quads, act, PROV.wasAssociatedWith) == []


def test_indicators_are_data_cube_observations(facts, quads):
    obs = [q.subject for q in quads if q.object == N(QB.Observation)]
    assert len(obs) == 2
    values = {objects(quads, o, SDMX_MEASURE.obsValue)[0] for o in obs}
    assert values == {ox.Literal("39", datatype=N(XSD.decimal)), ox.Literal("80000", datatype=N(XSD.decimal))}
    units = {objects(quads, o, SDMX_ATTRIBUTE.unitMeasure)[0].value for o in obs}
    assert units == {"件", "元"}
    (cases,) = [o for o in obs if objects(quads, o, LG.countedPhrase)[0].value == "受理行政复议案件"]
    (from_action,) = objects(quads, cases, LG.fromAction)
    assert objects(quads, from_action, LG.verb) == [ox.Literal("受理")]
    assert objects(quads, cases, LG.reportingOrganization) == [N(resource_iri("org", "甲市司法局"))]
    (dataset,) = objects(quads, cases, QB.dataSet)
    assert objects(quads, dataset, QB.structure) == [N(LG.indicatorStructure)]


@pytest.mark.parametrize(("value", "lexical"), [("8E+4", "80000"), ("99.70", "99.7"), ("0.5", "0.5"),
                                                ("56000000", "56000000"), ("0", "0")])
def test_decimal_lexical_form(facts, value, lexical):
    from decimal import Decimal

    ind = dataclasses.replace(facts.indicators[0], value=Decimal(value), action=None)
    quads = facts_to_quads(dataclasses.replace(facts, indicators=(ind,)))
    (lit,) = [q.object for q in quads if q.predicate == N(SDMX_MEASURE.obsValue)]
    assert lit.value == lexical


def test_separate_reports_merge_by_union():
    first, second = facts_to_quads(make_facts()), facts_to_quads(make_second_facts())
    court = N(resource_iri("org", "甲市中级人民法院"))
    merged = set(first) | set(second)
    # the court both reports name is one node with one prefLabel
    labels = {q.object for q in merged if q.subject == court and q.predicate == N(SKOS.prefLabel)}
    assert labels == {ox.Literal("甲市中级人民法院", language="zh")}
    graphs = {q.graph_name for q in merged if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert graphs == {N(report_iri(make_facts().report)), N(report_iri(make_second_facts().report))}


def test_evidence_offsets_change_the_iri(facts):
    ev = facts.actions[0].evidence
    moved = Evidence(ev.begin + 1, ev.end + 1, ev.sentence_begin, ev.sentence_end)
    a = facts_to_quads(dataclasses.replace(facts, actions=(facts.actions[0],), indicators=()))
    moved_action = dataclasses.replace(facts.actions[0], evidence=moved)
    b = facts_to_quads(dataclasses.replace(facts, actions=(moved_action,), indicators=()))
    acts_a = {q.subject for q in a if q.object == N(PROV.Activity)}
    acts_b = {q.subject for q in b if q.object == N(PROV.Activity)}
    assert acts_a.isdisjoint(acts_b)


def test_nquads_text_escapes_and_round_trips():
    from lawgraph.model import Report, ReportFacts, ReportMeta
    from lawgraph.rdf.quads import facts_to_nquads

    text = '标题"引号"\\反斜杠\r\n第二行\t制表。'
    report = Report(name='a "b".txt', text=text, sha256="b" * 64, meta=ReportMeta(title='含"引号"的标题',
                                                                               url="not a url"))
    nquads = facts_to_nquads(ReportFacts(report=report))
    parsed = list(ox.parse(nquads.named + nquads.shared, format=ox.RdfFormat.N_QUADS))
    strings = {q.predicate.value.replace("#", "/").rsplit("/", 1)[-1]: q.object.value
               for q in parsed if isinstance(q.object, ox.Literal)}
    assert strings["isString"] == text
    assert strings["fileName"] == 'a "b".txt'
    assert strings["title"] == '含"引号"的标题'
    assert strings["source"] == "not a url"  # not an IRI: kept as a literal


def test_nquads_lines_are_unique_and_split_by_graph(facts):
    from lawgraph.rdf.quads import facts_to_nquads

    nquads = facts_to_nquads(facts)
    named, shared = nquads.named.splitlines(), nquads.shared.splitlines()
    assert len(set(named)) == len(named) and len(set(shared)) == len(shared)
    graph = f"<{report_iri(facts.report)}> .".encode()
    assert all(line.endswith(graph) for line in named)
    assert not any(line.endswith(graph) for line in shared)
    assert len(named) + len(shared) == len(facts_to_quads(facts))


def test_a_role_never_links_an_entity_of_the_wrong_kind(facts):
    """A document named as a partner is dropped, not linked: lg:partner takes organizations or areas."""
    action = dataclasses.replace(facts.actions[1], partners=("甲市行政执法监督办法", "甲市中级人民法院"),
                                 used=("甲市中级人民法院",))
    quads = facts_to_quads(dataclasses.replace(facts, actions=(action,), indicators=()))
    (node,) = {q.subject for q in quads if q.object == N(PROV.Activity)}
    assert objects(quads, node, LG.partner) == [N(resource_iri("org", "甲市中级人民法院"))]
    assert objects(quads, node, PROV.used) == []


def test_nquads_lines_stay_unique_when_nodes_repeat(facts):
    """The fast path skips deduplication only when no node is described twice: a span naming two entities,
    a repeated key in a role, or two actions or observations on the same span still give unique lines."""
    from lawgraph.model import Entity
    from lawgraph.rdf.quads import facts_to_nquads

    org = next(e for e in facts.entities if e.kind == "organization" and e.mentions)
    twin = Entity("place", org.key, "City", org.mentions)  # the same spans, another kind
    action = dataclasses.replace(facts.actions[0], objects=(org.key, org.key))
    repeated = dataclasses.replace(
        facts,
        entities=(*facts.entities, twin),
        actions=(*facts.actions, action, action),
        indicators=facts.indicators * 2,
    )
    named = facts_to_nquads(repeated).named.splitlines()
    assert len(set(named)) == len(named)
    span = org.mentions[0].evidence
    mention = f"<{resource_iri('mention', facts.report.sha256, str(span.begin), str(span.end))}>".encode()
    ident_ref = str(ITSRDF.taIdentRef).encode()
    idents = [line for line in named if line.startswith(mention) and ident_ref in line]
    assert len(idents) == 2  # one link per entity the span names


def test_status_and_object_text(facts, quads):
    """lg:status → a concept of lg:statuses on every action and observation; lg:objectText as a @zh phrase."""
    status = "https://w3id.org/lawgraph/status/"
    nodes = {q.subject for q in quads if q.object == N(PROV.Activity)}
    acts = {objects(quads, node, LG.verb)[0].value: node for node in nodes}
    assert objects(quads, acts["受理"], LG.status) == [ox.NamedNode(status + "done")]
    assert objects(quads, acts["印发"], LG.status) == [ox.NamedNode(status + "planned")]
    assert objects(quads, acts["受理"], LG.objectText) == [ox.Literal("行政复议案件39件", language="zh")]
    assert objects(quads, acts["成立"], LG.objectText) == []  # the body it set up says it all
    obs = {objects(quads, o, SDMX_MEASURE.obsValue)[0].value: o for o in {q.subject for q in quads
                                                                           if q.object == N(QB.Observation)}}
    assert objects(quads, obs["39"], LG.status) == [ox.NamedNode(status + "done")]
    assert objects(quads, obs["80000"], LG.status) == [ox.NamedNode(status + "shortcoming")]


def test_status_concepts_are_those_of_the_ontology():
    from lawgraph.extract.status import STATUSES
    from lawgraph.namespaces import STATUS
    from lawgraph.ontology import load_ontology

    graph = load_ontology()
    in_scheme = {str(c) for c in graph.subjects(SKOS.inScheme, LG.statuses)}
    assert in_scheme == {str(STATUS[s]) for s in STATUSES}
    assert all((c, SKOS.prefLabel, None) in graph for c in graph.subjects(SKOS.inScheme, LG.statuses))
