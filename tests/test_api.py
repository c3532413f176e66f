"""lawgraph.api: the per-report unit of work, build() and build_quads() over good and bad inputs."""

from __future__ import annotations

import dataclasses
import pickle

import pyoxigraph as ox
import pytest
import rdflib

import lawgraph
from lawgraph.api import (
    build,
    build_file,
    build_quads,
    count_classes,
    find_reports,
    process_report,
    write_graph,
)
from lawgraph.errors import InputError
from lawgraph.namespaces import DCTERMS, LG, RDF, SKOS, resource_iri
from lawgraph.rdf import serialize_quads
from lawgraph.validate import validate

# A fictional report we wrote; no corpus text.
EXAMPLE = (
    "丁县司法局关于报送2023年度法治政府建设情况的报告\n"
    "县政府：\n"
    "  现将有关情况报告如下。\n"
    "丁县司法局\n"
    "2024年1月15日\n"
    "一、强化组织保障\n"
    "丁县司法局印发《丁县行政执法公示办法》。全年受理行政复议案件12件。\n"
    "二、推进基层治理\n"
    "丁县人民法院与丁县司法局建立诉调对接机制。\n"
)


@pytest.fixture(scope="module")
def nlp():
    from lawgraph.extract.pipeline import make_nlp

    return make_nlp()


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "ding.txt").write_text(EXAMPLE, encoding="utf-8")
    (folder / "sub" / "ding-gbk.txt").write_bytes(EXAMPLE.replace("12件", "13件").encode("gb18030"))
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    return folder


def test_process_report_result_pickles(reports, nlp):
    result = process_report(reports / "ding.txt", nlp=nlp)
    assert result.report.name == "ding.txt"
    assert result.quads and all(isinstance(q, ox.Quad) for q in result.quads)
    again = pickle.loads(pickle.dumps(result))
    assert again == result


def test_find_reports_collects_bad_inputs(reports, tmp_path):
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    found, errors = find_reports([reports, tmp_path / "missing.txt", empty])
    assert [p.name for p in found] == ["ding.txt", "ding-gbk.txt"]
    assert len(errors) == 2
    assert {type(e) for e in errors} == {InputError}
    assert "missing.txt" in errors[0].message


def test_build_returns_an_rdflib_dataset(reports, nlp):
    ds = build(reports, nlp=nlp)
    assert isinstance(ds, rdflib.Dataset)
    report_nodes = set(ds.subjects(RDF.type, LG.Report))
    assert len(report_nodes) == 2
    # each report's facts are in the named graph of the same IRI
    for node in report_nodes:
        assert (node, RDF.type, LG.Report) in ds.graph(node)
    assert validate(ds).conforms


def test_lazy_top_level_build(reports, nlp):
    assert lawgraph.build is build
    assert len(lawgraph.build([reports / "ding.txt"], nlp=nlp)) > 0


def test_make_nlp_once_per_build(reports, monkeypatch):
    import lawgraph.extract.pipeline as pipeline

    calls = []
    real = pipeline.make_nlp

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "make_nlp", counting)
    result = build_quads(reports)
    assert len(result.results) == 2
    assert len(calls) == 1


def test_bad_input_raises_by_default(reports, tmp_path, nlp):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    with pytest.raises(InputError, match="bad.txt"):
        build_quads([reports, bad], nlp=nlp)


def test_skip_builds_the_good_ones(reports, tmp_path, nlp):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4")
    result = build_quads([bad, reports, tmp_path / "nope"], nlp=nlp, on_error="skip")
    assert len(result.results) == 2
    assert [e.where for e in result.errors] == [str(tmp_path / "nope"), str(bad)]


def test_two_builds_are_byte_identical(reports, nlp, tmp_path):
    first = build_quads(reports, nlp=nlp)
    second = build_quads([reports / "sub" / "ding-gbk.txt", reports / "ding.txt"], nlp=nlp)
    assert serialize_quads(first.quads, format="nq") == serialize_quads(second.quads, format="nq")
    a = write_graph(first, tmp_path / "a.nq").read_bytes()
    b = write_graph(second, tmp_path / "b.nq").read_bytes()
    assert a == b


def test_summary_counts(reports, nlp):
    result = build_quads(reports, nlp=nlp)
    summary = result.summary()
    assert summary.reports == 2
    assert summary.triples == len(result.quads)
    assert summary.classes["Report"] == 2
    assert summary.classes == count_classes(result.quads)


def test_reports_merge_by_union(reports, nlp):
    """The same body named in two reports is one node: one prefLabel, in the default graph."""
    result = build_quads(reports, nlp=nlp)
    subjects = {}
    for q in result.quads:
        if q.predicate == ox.NamedNode(str(SKOS.prefLabel)):
            subjects.setdefault(q.subject, []).append(q)
    assert subjects
    for label_quads in subjects.values():
        assert len(label_quads) == 1
        assert isinstance(label_quads[0].graph_name, ox.DefaultGraph)


@pytest.mark.corpus
def test_founding_report(corpus_dir, nlp):
    path = corpus_dir / "lanzhou-new-area-2022.txt"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    result = build_quads([path], nlp=nlp)
    ds = result.to_dataset()
    outcome = validate(ds)
    assert outcome.conforms, "\n".join(map(str, outcome.errors))
    (report,) = set(ds.subjects(RDF.type, LG.Report))
    creator = ds.value(report, DCTERMS.creator)
    assert str(ds.value(creator, SKOS.prefLabel)) == "兰州新区管理委员会"
    addressee = ds.value(report, LG.addressee)
    assert str(ds.value(addressee, SKOS.prefLabel)) == "甘肃省人民政府"
    assert ds.value(report, DCTERMS.date) == rdflib.Literal("2023-01-12", datatype=rdflib.XSD.date)
    assert creator == rdflib.URIRef(resource_iri("org", "兰州新区管理委员会"))


def test_navigation_only_page_keeps_metadata_and_names_no_body(corpus_dir, nlp):
    path = corpus_dir / "pages" / "pingshan-district-2021-navigation-only.txt"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    result = process_report(path, nlp=nlp)
    assert result.facts.report.meta.title == "2021年坪山区政府工作报告"
    mentioned = [e for e in result.facts.entities if e.mentions]
    assert mentioned == [], [e.key for e in mentioned]
    ds = build_quads([path], nlp=nlp).to_dataset()
    (report,) = set(ds.subjects(RDF.type, LG.Report))
    assert str(ds.value(report, DCTERMS.title)) == "2021年坪山区政府工作报告"
    organizations = set(ds.subjects(RDF.type, rdflib.URIRef("http://www.w3.org/ns/org#Organization")))
    # Only the publishing body named in the page's metadata; nothing read from the menus.
    assert organizations <= {ds.value(report, DCTERMS.creator)}


def test_pages_without_report_text_stay_apart(tmp_path, nlp):
    for name in ("a.txt", "b.txt"):
        menu = "\n".join(
            ["首页", "政务公开", "政策文件", "办事服务", "互动交流", "走进本县", "网站地图", "无障碍"]
        )
        (tmp_path / name).write_text(f"{menu}\n名称: 某县{name[0]}页\n", encoding="utf-8")
    ds = build_quads([tmp_path / "a.txt", tmp_path / "b.txt"], nlp=nlp).to_dataset()
    assert len(set(ds.subjects(RDF.type, LG.Report))) == 2


# A second fictional report of ours, so that two reports share descriptions (丁县司法局, 丁县人民法院).
SECOND = (
    "丁县人民政府2023年法治政府建设工作报告\n"
    "一、主要工作\n"
    "丁县人民政府成立法治政府建设领导小组，丁县司法局开展合法性审查31件。\n"
    "丁县人民法院受理行政案件8件。\n"
)


@pytest.mark.parametrize("fmt", ["nq", "nt", "trig", "jsonld", "ttl", "rdf", "n3"])
def test_build_file_streams_the_bytes_of_an_in_memory_build(reports, nlp, tmp_path, fmt):
    (reports / "second.txt").write_text(SECOND, encoding="utf-8")
    in_memory = build_quads([reports], nlp=nlp)
    expected = write_graph(in_memory, tmp_path / f"memory.{fmt}")
    # A tiny sort buffer: every report spills runs to disk, and both sorts merge many runs.
    streamed = build_file([reports], tmp_path / f"streamed.{fmt}", nlp=nlp, memory_bytes=512)
    assert streamed.path == tmp_path / f"streamed.{fmt}"
    assert streamed.path.read_bytes() == expected.read_bytes()
    assert streamed.summary == dataclasses.replace(in_memory.summary(), seconds=streamed.summary.seconds)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"memory.{fmt}", "reports", f"streamed.{fmt}"]


def test_build_file_writes_nothing_when_nothing_builds(tmp_path, nlp):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    done = build_file([tmp_path / "empty.txt"], tmp_path / "out.nq", nlp=nlp, on_error="skip")
    assert done.path is None and done.summary.reports == 0 and len(done.errors) == 1
    assert not (tmp_path / "out.nq").exists()
    with pytest.raises(InputError):
        build_file([tmp_path / "empty.txt"], tmp_path / "out.nq", nlp=nlp)
