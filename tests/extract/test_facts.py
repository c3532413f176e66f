"""doc_to_facts: merging mentions, evidence, issuer and addressee."""

from __future__ import annotations

from decimal import Decimal

from lawgraph.extract.facts import doc_to_facts
from lawgraph.extract.pipeline import annotate, make_nlp
from lawgraph.model import Evidence, Indicator, Report, ReportMeta, Sentence


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
    assert [(m.evidence.sentence_begin, m.evidence.sentence_end) for m in gov.mentions] == [(0, 8), (8, len(text))]


def test_issuer_and_addressee_are_organizations_even_when_only_in_metadata() -> None:
    doc = _facts("全年办结案件。", ReportMeta(issuer="兰州新区管理委员会", addressee="省政府"))
    facts = doc_to_facts(doc)
    assert facts.issuer == "兰州新区管理委员会"
    assert facts.addressee == "甘肃省人民政府"
    orgs = {e.key: e.cls for e in facts.entities if e.kind == "organization"}
    assert orgs == {"兰州新区管理委员会": "GovernmentBody", "甘肃省人民政府": "GovernmentBody"}


def test_page_publisher_is_an_organization_with_its_parent() -> None:
    doc = _facts("全年办结案件。", ReportMeta(issuer="兰州新区管理委员会", publisher="甘肃省兰州新区党工委办公室"))
    facts = doc_to_facts(doc)
    office = next(e for e in facts.entities if e.key == "中共兰州新区工作委员会办公室")
    assert (office.cls, office.parent, office.mentions) == ("PartyBody", "中共兰州新区工作委员会", ())


def test_national_issuer() -> None:
    facts = doc_to_facts(_facts("国务院常务会议审议。", ReportMeta(issuer="国务院")))
    assert facts.issuer == "国务院"
    (body,) = [e for e in facts.entities if e.kind == "organization"]
    assert (body.key, body.cls, body.alt_labels) == ("国务院", "GovernmentBody", ("国务院",))


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
    assert doc_to_facts(doc).indicators == (ind,)
    assert doc_to_facts(doc).actions == ()


def test_span_attributes_read_from_user_data_match_the_underscore_path(monkeypatch) -> None:
    """The fast read of span extensions (straight from doc.user_data) gives what span._ gives."""
    from lawgraph.extract import facts as facts_module

    nlp = make_nlp()
    text = "甘肃省兰州市永登县中川镇开展调解工作。武威中院审结案件，省政府印发《甲市行政执法监督办法(试行)》。"
    doc = annotate(nlp, Report(name="t.txt", text=text, sha256="0" * 64, meta=ReportMeta(issuer="兰州新区管理委员会")))
    assert facts_module._direct_span_extensions()
    fast = doc_to_facts(doc)
    monkeypatch.setattr(facts_module, "_direct_span_extensions", lambda: False)
    slow = doc_to_facts(doc)
    assert fast == slow
    assert any(e.parent for e in fast.entities)  # the attributes were read at all
