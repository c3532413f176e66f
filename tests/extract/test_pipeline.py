"""The pipeline: tokenizer, extensions, component order, annotate."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from lawgraph.extract.extensions import DOC_EXTENSIONS, register_extensions, span_attrs
from lawgraph.extract.pipeline import RELEASE, TOKENIZER, annotate, annotate_many, load_nlp, make_nlp
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
    texts = ["县政府印发《办法》，受理案件39件。", "县政府再次印发 PUNCT ORTH 三百五十 1,000 办法", "",
             "  \n"]
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
             "lawgraph_initiatives", "lawgraph_actions", "lawgraph_indicators", RELEASE]
    assert [n for n in order if n in names] == names
    assert names[-1] == RELEASE


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


CACHES = ("lawgraph.token_boundaries", "lawgraph.token_starts", "lawgraph.entity_refs")


@pytest.mark.parametrize(
    "components",
    [["lawgraph_actions"], ["lawgraph_places"], ["lawgraph_actions", "lawgraph_indicators"], None],
)
def test_the_pipeline_releases_the_shared_caches(components: list[str] | None) -> None:
    """Whichever components run, the Doc leaves the pipeline without the caches they shared."""
    nlp = make_nlp(components=components)
    report = _report("县政府印发《某县行政执法公示办法》，受理案件39件。")
    for doc in (annotate(nlp, report), nlp(report.text), *annotate_many(nlp, [report])):
        assert not any(key in doc.user_data for key in CACHES), list(doc.user_data)
    # the caches were there while the components ran
    doc = nlp.make_doc(report.text)
    for _name, proc in nlp.pipeline[:-1]:
        doc = proc(doc)
    if components != ["lawgraph_places"]:
        assert "lawgraph.entity_refs" in doc.user_data


def _spans(doc: Doc) -> list[tuple[str, str, int, int, str, str]]:
    return sorted(
        (key, s.text, s.start_char, s.end_char, s.label_, s.kb_id_)
        for key in doc.spans
        for s in doc.spans[key]
    )


def test_a_pipeline_round_trips_through_disk(tmp_path: Path) -> None:
    nlp = make_nlp()
    text = "县政府与武威中院签订协议，在永登县上川镇开展“法治体检”活动，"
    text += "印发《某县行政执法公示办法》，受理案件39件。"
    report = _report(text)
    before = annotate(nlp, report)
    nlp.to_disk(tmp_path / "nlp")
    assert (tmp_path / "nlp" / "lawgraph_actions" / "action_verbs.tsv").is_file()
    assert (tmp_path / "nlp" / "lawgraph_organizations" / "org_cores.tsv").is_file()
    loaded = load_nlp(tmp_path / "nlp")
    assert loaded.pipe_names == nlp.pipe_names
    after = annotate(loaded, report)
    assert _spans(after) == _spans(before) and _spans(before)
    assert after._.lg_actions == before._.lg_actions
    assert after._.lg_indicators == before._.lg_indicators


def test_a_loaded_pipeline_reads_its_own_lexicons(tmp_path: Path) -> None:
    """from_disk builds the components from the saved files, not from the package's."""
    nlp = make_nlp(components=["lawgraph_actions"])
    nlp.to_disk(tmp_path)
    verbs = tmp_path / "lawgraph_actions" / "action_verbs.tsv"
    verbs.write_text(verbs.read_text("utf-8") + "甲乙丙\tsign\n", "utf-8")
    report = _report("甲乙丙协议。")
    assert [a.verb for a in annotate(nlp, report)._.lg_actions] == []
    loaded = make_nlp(components=["lawgraph_actions"]).from_disk(tmp_path)
    assert [(a.verb, a.type) for a in annotate(loaded, report)._.lg_actions] == [("甲乙丙", "sign")]
    again = make_nlp(components=["lawgraph_actions"])
    again.from_bytes(loaded.to_bytes())
    assert [a.verb for a in annotate(again, report)._.lg_actions] == ["甲乙丙"]


def test_initialize_reads_the_files_of_a_folder(tmp_path: Path) -> None:
    """[initialize.components.NAME] data_path: nlp.initialize() builds the component from that folder."""
    nlp = make_nlp(components=["lawgraph_actions"])
    (tmp_path / "action_verbs.tsv").write_text("甲乙丙\tsign\n", "utf-8")
    (tmp_path / "action_words.tsv").write_text("深入\tadverb\n", "utf-8")
    nlp.config["initialize"]["components"]["lawgraph_actions"] = {"data_path": str(tmp_path)}
    nlp.initialize()
    assert [a.verb for a in annotate(nlp, _report("深入甲乙丙协议，印发通知。"))._.lg_actions] == ["甲乙丙"]
    nlp.config["initialize"]["components"] = {}
    nlp.initialize()  # back to the package's files
    assert [a.verb for a in annotate(nlp, _report("深入甲乙丙协议，印发通知。"))._.lg_actions] == ["印发"]


def test_spans_key_reaches_actions_and_facts() -> None:
    from lawgraph.extract.facts import doc_to_facts

    nlp = make_nlp(components=[])
    nlp.add_pipe("lawgraph_organizations", config={"spans_key": "bodies"}, before=RELEASE)
    nlp.add_pipe("lawgraph_actions", before=RELEASE)
    doc = annotate(nlp, _report("武威中院受理案件。"))
    assert "organization" not in doc.spans
    assert [s.kb_id_ for s in doc.spans["bodies"]] == ["武威市中级人民法院"]
    assert [a.agents for a in doc._.lg_actions] == [("武威市中级人民法院",)]
    facts = doc_to_facts(doc)
    court = next(e for e in facts.entities if e.key == "武威市中级人民法院")
    assert (court.kind, court.cls, [m.text for m in court.mentions]) == ("organization", "Court",
                                                                         ["武威中院"])


def test_a_saved_pipeline_loads_in_a_fresh_process(tmp_path: Path) -> None:
    """load_nlp registers lawgraph's tokenizer and factories before spacy.load reads the config."""
    import subprocess
    import sys

    make_nlp(components=["lawgraph_organizations"]).to_disk(tmp_path)
    code = (
        "import sys; from lawgraph.extract.pipeline import load_nlp; "
        "nlp = load_nlp(sys.argv[1]); print(' '.join(nlp.pipe_names))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["lawgraph_context", "lawgraph_organizations", RELEASE]
