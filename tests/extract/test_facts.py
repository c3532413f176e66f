"""doc_to_facts: merging mentions, evidence, issuer and addressee."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from lawgraph.extract.extensions import SpanAttrs, doc_entities, span_attrs
from lawgraph.extract.facts import doc_to_facts
from lawgraph.extract.pipeline import annotate, make_nlp
from lawgraph.model import Action, Evidence, Indicator, Report, ReportMeta, Sentence


def _facts(text: str, meta: ReportMeta, sentences: tuple[Sentence, ...] = ()):
    nlp = make_nlp(components=["lawgraph_organizations"])
    report = Report(name="t.txt", text=text, sha256="0" * 64, meta=meta, sentences=sentences)
    return annotate(nlp, report)


def test_mentions_merge_by_canonical_name_with_sentence_evidence() -> None:
    text = "县政府印发通知。古浪县人民政府召开会议。"
    doc = _facts(text, ReportMeta(issuer="古浪县人民政府"), (Sentence(0, 8), Sentence(8, len(text))))
    facts = doc_to_facts(doc)
    (gov,) = [e for e in facts.entities if e.kind == "organization"]
    assert gov.key == "古浪县人民政府"
    assert gov.cls == "GovernmentBody"
    assert gov.alt_labels == ("县政府", "古浪县人民政府")
    for mention in gov.mentions:
        ev = mention.evidence
        assert text[ev.begin : ev.end] == mention.text
        assert ev.sentence_begin <= ev.begin < ev.end <= ev.sentence_end
    assert [(m.evidence.sentence_begin, m.evidence.sentence_end) for m in gov.mentions] == [(0, 8),
                                                                                            (8, len(text))]


def test_issuer_and_addressee_are_organizations_even_when_only_in_metadata() -> None:
    doc = _facts("全年办结案件。", ReportMeta(issuer="兰州新区管理委员会", addressee="省政府"))
    facts = doc_to_facts(doc)
    assert facts.issuer == "兰州新区管理委员会"
    assert facts.addressee == "甘肃省人民政府"
    orgs = {e.key: e.cls for e in facts.entities if e.kind == "organization"}
    assert orgs == {"兰州新区管理委员会": "GovernmentBody", "甘肃省人民政府": "GovernmentBody"}


def test_page_publisher_is_an_organization_with_its_parent() -> None:
    doc = _facts("全年办结案件。",
                 ReportMeta(issuer="兰州新区管理委员会", publisher="甘肃省兰州新区党工委办公室"))
    facts = doc_to_facts(doc)
    office = next(e for e in facts.entities if e.key == "中共兰州新区工作委员会办公室")
    assert (office.cls, office.parent, office.mentions) == ("PartyBody", "中共兰州新区工作委员会", ())


def test_national_issuer() -> None:
    facts = doc_to_facts(_facts("国务院常务会议审议。", ReportMeta(issuer="国务院")))
    assert facts.issuer == "中华人民共和国国务院"
    (body,) = [e for e in facts.entities if e.kind == "organization"]
    assert (body.key, body.cls, body.alt_labels) == ("中华人民共和国国务院", "GovernmentBody", ("国务院",))


def test_parent_is_carried() -> None:
    doc = _facts("甘肃省兰州新区党工委办公室印发。", ReportMeta(issuer="兰州新区管理委员会"))
    facts = doc_to_facts(doc)
    office = next(e for e in facts.entities if e.key == "中共兰州新区工作委员会办公室")
    assert office.parent == "中共兰州新区工作委员会"


def test_indicators_are_copied() -> None:
    text = "全年办结案件12件。"
    doc = _facts(text, ReportMeta(issuer="古浪县人民政府"))
    ind = Indicator(Decimal(12), "件", "12件", "办结案件", Evidence(6, 9, 0, len(text)))
    doc._.lg_indicators = [ind]
    assert doc_to_facts(doc).indicators == (replace(ind, status="done"),)
    assert doc_to_facts(doc).actions == ()


def test_indicators_and_actions_get_their_status_from_one_reader() -> None:
    """An observation of a plan is planned, like the action of its clause (lawgraph.extract.status)."""
    text = "下一步，我们将受理案件20件。"
    doc = _facts(text, ReportMeta(issuer="古浪县人民政府"))
    at = text.index("20件")
    evidence = Evidence(at, at + 3, 0, len(text))
    doc._.lg_indicators = [Indicator(Decimal(20), "件", "20件", "受理案件", evidence)]
    doc._.lg_actions = [Action("受理", "handle_cases", ("古浪县人民政府",), Evidence(7, 14, 0, len(text)))]
    facts = doc_to_facts(doc)
    assert [i.status for i in facts.indicators] == ["planned"]
    assert [a.status for a in facts.actions] == ["planned"]


def test_document_and_initiative_on_the_same_offsets_keep_their_own_attributes() -> None:
    """Read by the initiative finder alone, a 三年行动计划 holds an initiative (…三年行动); the document
    finder then reads the whole as a document. Both spans expand to the same token, and each entity keeps
    its own mention text and attributes (spaCy's Span extensions are keyed by offsets only and used to let
    the initiative's offsets overwrite the document's). In the full pipeline the initiative finder leaves
    what a document covers alone."""
    text = "制定实施校园安全提升三年行动计划，新建学校五所。"
    report = Report(name="t.txt", text=text, sha256="0" * 64, meta=ReportMeta(issuer="深圳市龙岗区人民政府"))
    doc = annotate(make_nlp(components=["lawgraph_initiatives"]), report)
    doc = make_nlp(components=["lawgraph_documents"]).get_pipe("lawgraph_documents")(doc)
    (document,) = doc.spans["document"]
    (initiative,) = doc.spans["initiative"]
    assert (document.start_char, document.end_char) == (initiative.start_char, initiative.end_char)
    assert span_attrs(doc, "document", document) == SpanAttrs(doc_type="计划")
    assert span_attrs(doc, "initiative", initiative) == SpanAttrs(exact=(4, 14))
    facts = doc_to_facts(doc)
    found = {(e.kind, e.key): ([m.text for m in e.mentions], e.doc_type) for e in facts.entities}
    assert found[("document", "校园安全提升三年行动计划")] == (["校园安全提升三年行动计划"], "计划")
    assert found[("initiative", "校园安全提升三年行动")] == (["校园安全提升三年行动"], None)
    refs = {(r.kind, r.key): text[r.begin : r.end] for r in doc_entities(doc)}
    assert refs[("document", "校园安全提升三年行动计划")] == "校园安全提升三年行动计划"
    assert refs[("initiative", "校园安全提升三年行动")] == "校园安全提升三年行动"


def test_two_bodies_in_one_token_keep_their_own_mentions() -> None:
    """中共中央国务院 is one token: both organization spans cover it, each with its own exact offsets."""
    text = "认真落实中共中央国务院决策部署。"
    facts = doc_to_facts(_facts(text, ReportMeta(issuer="古浪县人民政府")))
    mentions = {e.key: [m.text for m in e.mentions] for e in facts.entities if e.mentions}
    assert mentions == {"中国共产党中央委员会": ["中共中央"], "中华人民共和国国务院": ["国务院"]}


def test_an_organization_sits_in_the_deepest_place_its_name_spells_out() -> None:
    text = "永宁县杨和镇成立杨和镇人民调解委员会。永宁县人民法院审结案件。县司法局开展培训。"
    nlp = make_nlp(components=["lawgraph_organizations", "lawgraph_places"])
    report = Report(name="t.txt", text=text, sha256="0" * 64, meta=ReportMeta(issuer="永宁县人民政府"))
    facts = doc_to_facts(annotate(nlp, report))
    places = {e.key for e in facts.entities if e.kind == "place"}
    located = {e.key: e.location for e in facts.entities if e.kind == "organization"}
    town = next(p for p in places if p.endswith("杨和镇"))
    county = next(p for p in places if p.endswith("永宁县"))
    committee = next(k for k in located if k.endswith("杨和镇人民调解委员会"))
    assert located[committee] == town  # the town, not the county its name also spells out
    assert located["永宁县人民法院"] == county
    assert located["永宁县人民政府"] == county
    assert all(e.location is None for e in facts.entities if e.kind != "organization")
