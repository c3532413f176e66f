"""The pipeline: tokenizer, extensions, component order, annotate."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from lawgraph.extract.extensions import DOC_EXTENSIONS, register_extensions, span_attrs
from lawgraph.extract.pipeline import TOKENIZER, annotate, annotate_many, make_nlp
from lawgraph.model import Report, ReportMeta


def _report(text: str, issuer: str = "古浪县人民政府") -> Report:
    return Report(name="t.txt", text=text, sha256="0" * 64, meta=ReportMeta(issuer=issuer))


def test_tokenizer_is_registered_and_keeps_the_text() -> None:
    nlp = make_nlp(components=["lawgraph_organizations"])
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER
    text = "县政府  印发\n\n《办法》。"
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert all(not t.whitespace_ for t in doc)
    assert "县政府" in [t.text for t in doc] or "政府" in [t.text for t in doc]


def test_tokenizer_doc_equals_a_doc_of_words() -> None:
    """Built from cached vocabulary ids, the Doc is the Doc of the words: same lexemes, same attributes."""
    import rjieba
    from spacy.attrs import IDX, IS_DIGIT, IS_PUNCT, IS_SPACE, LENGTH, LIKE_NUM, LOWER, NORM, ORTH, SHAPE

    attrs = [ORTH, IDX, LENGTH, LOWER, NORM, SHAPE, LIKE_NUM, IS_DIGIT, IS_PUNCT, IS_SPACE]
    nlp = make_nlp(components=[])
    texts = ["县政府印发《办法》，受理案件39件。", "县政府再次印发 PUNCT ORTH 三百五十 1,000 办法", "", "  \n"]
    for text in texts + texts:  # the second round reads the ids cached by the first
        doc = nlp.make_doc(text)
        words = list(rjieba.cut(text)) if text else []
        plain = Doc(nlp.vocab, words=words, spaces=[False] * len(words))
        assert doc.text == text
        assert doc.to_array(attrs).tolist() == plain.to_array(attrs).tolist()
    with nlp.memory_zone():  # lexemes made in a zone are dropped after it: nothing may be cached
        assert nlp.make_doc("一个从未见过的词语甲乙丙").text == "一个从未见过的词语甲乙丙"
    assert nlp.make_doc("一个从未见过的词语甲乙丙").text == "一个从未见过的词语甲乙丙"


def test_tokenizer_round_trips_through_bytes() -> None:
    nlp = make_nlp(components=["lawgraph_organizations"])
    other = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    other.from_bytes(nlp.to_bytes(exclude=["lawgraph_context", "lawgraph_organizations"]))
    assert [t.text for t in other("武威中院审结")] == [t.text for t in nlp.make_doc("武威中院审结")]


def test_extensions_are_idempotent() -> None:
    register_extensions()
    register_extensions()
    assert all(Doc.has_extension(n) for n in DOC_EXTENSIONS)
    # Span attributes live in a per-kind table, not in offset-keyed Span extensions.
    assert not any(Span.has_extension(n) for n in ("lg_exact", "lg_parent", "lg_doc_type"))


def test_components_run_in_design_order() -> None:
    names = make_nlp().pipe_names
    assert names[:2] == ["lawgraph_context", "lawgraph_organizations"]
    order = ["lawgraph_context", "lawgraph_organizations", "lawgraph_places", "lawgraph_documents",
             "lawgraph_initiatives", "lawgraph_actions", "lawgraph_indicators"]
    assert [n for n in order if n in names] == names


def test_annotate_sets_report_context_and_spans() -> None:
    nlp = make_nlp(components=["lawgraph_organizations"])
    doc = annotate(nlp, _report("县政府与武威中院签订协议。"))
    assert doc._.report.name == "t.txt"
    assert doc._.lg_context.issuer == "古浪县人民政府"
    spans = doc.spans["organization"]
    assert [(s.text, s.kb_id_, s.label_) for s in spans] == [
        ("县政府", "古浪县人民政府", "GovernmentBody"),
        ("武威中院", "武威市中级人民法院", "Court"),
    ]


def test_span_not_aligned_to_tokens_keeps_exact_offsets() -> None:
    nlp = make_nlp(components=["lawgraph_organizations"])
    text = "甘肃省委部署。"
    doc = annotate(nlp, _report(text))
    span = doc.spans["organization"][0]
    begin, end = span_attrs(doc, "organization", span).exact or (span.start_char, span.end_char)
    assert text[begin:end] == "甘肃省委"


def test_annotate_many_keeps_order() -> None:
    nlp = make_nlp(components=["lawgraph_organizations"])
    reports = [_report("省政府召开会议。"), _report("县委研究部署。")]
    keys = [[s.kb_id_ for s in d.spans["organization"]] for d in annotate_many(nlp, reports)]
    assert keys == [["甘肃省人民政府"], ["中共古浪县委员会"]]


def test_empty_and_whitespace_reports() -> None:
    from lawgraph.extract.facts import doc_to_facts

    nlp = make_nlp(components=["lawgraph_organizations"])
    for text in ("", "   \n", "区委"):
        facts = doc_to_facts(annotate(nlp, Report(name="e.txt", text=text, sha256="0", meta=ReportMeta())))
        assert facts.entities == ()
        assert facts.issuer is None
