"""The saved SPARQL queries, run with pyoxigraph on graphs built by the real pipeline.

Two short reports we wrote (real county and town names, invented facts) go through read_report, the spaCy
pipeline, doc_to_facts and facts_to_quads; each saved query must return the rows those reports imply.
A corpus test does the same on the founding report.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pyoxigraph as ox
import pytest

from lawgraph.errors import QueryError
from lawgraph.queries import list_saved, load_saved, saved_params
from lawgraph.query import result_rows, run_query

REPORTS = {
    "yongning-2023.txt": (
        "永宁县人民政府关于2023年度法治政府建设情况的报告\n\n"
        "一、主要工作\n\n"
        "2023年，受理行政复议案件45件，办结42件。"
        "与县人民法院、县人民检察院建立行政争议协调化解机制。"
        "印发《永宁县行政执法监督办法》，组织执法人员培训600人次。"
        "成立杨和镇人民调解委员会，调解纠纷120余件。\n\n"
        "永宁县人民政府\n2024年1月20日\n"
    ),
    "helan-2023.txt": (
        "贺兰县人民政府关于2023年度法治政府建设情况的报告\n\n"
        "一、主要工作\n\n"
        "2023年，贺兰县受理行政复议案件30件。"
        "县司法局联合县公安局开展普法宣传。"
        "制定《贺兰县重大行政决策程序规定》。\n\n"
        "二、下一步工作安排\n\n"
        "修订行政执法公示办法，推进执法规范化建设。\n\n"
        "贺兰县人民政府\n2024年1月25日\n"
    ),
}

SAVED = (
    "cooperation",
    "established-bodies",
    "indicator-across-reports",
    "indicator-compare",
    "issued-documents",
    "mediation-committees",
    "organization-actions",
    "planned-actions",
    "report-indicators",
)


def _store_of(paths) -> ox.Store:
    from lawgraph.extract.facts import doc_to_facts
    from lawgraph.extract.pipeline import annotate, make_nlp
    from lawgraph.ingest import read_report
    from lawgraph.rdf.quads import facts_to_quads

    nlp = make_nlp()
    store = ox.Store()
    for path in paths:
        store.extend(facts_to_quads(doc_to_facts(annotate(nlp, read_report(path)))))
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> ox.Store:
    folder = tmp_path_factory.mktemp("reports")
    paths = []
    for name, text in REPORTS.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return _store_of(paths)


def rows(store: ox.Store, name: str, **params: str) -> list[dict[str, str]]:
    cols, table = result_rows(run_query(store, load_saved(name), params=params or None))
    return [dict(zip(cols, row, strict=True)) for row in table]


def plain(cell: str) -> str:
    """``"永宁县人民政府"@zh`` → ``永宁县人民政府``."""
    if cell.startswith('"'):
        return cell[1 : cell.rindex('"')]
    return cell


def test_every_saved_query_the_docs_name_exists() -> None:
    """``--saved NAME`` in the README, the docs and the command-line help names a query that is installed."""
    from pathlib import Path

    from lawgraph.cli import query as query_cli

    root = Path(__file__).resolve().parents[1]
    docs = [root / "README.md", *root.glob("docs/*.md")]
    texts = [query_cli._HELP] + [path.read_text(encoding="utf-8") for path in docs]
    named = {name for text in texts for name in re.findall(r"--saved ([A-Za-z0-9_-]+)", text)}
    assert named, "no --saved example found"
    assert named - {"NAME"} <= set(list_saved())


def test_every_saved_query_is_listed_with_what_it_answers() -> None:
    saved = list_saved()
    assert set(SAVED) <= set(saved)
    for name in SAVED:
        text = load_saved(name)
        assert text.startswith("# "), name
        assert saved[name] and saved[name] == text.splitlines()[0][2:].strip()


def test_unknown_saved_query() -> None:
    with pytest.raises(QueryError, match="no saved query"):
        load_saved("no-such-query")


def test_parameters_are_named_in_the_description() -> None:
    assert saved_params("organization-actions") == ("org_label",)
    assert saved_params("indicator-across-reports") == ("phrase",)
    assert saved_params("indicator-compare") == ("indicator", "kind")


@pytest.mark.parametrize("name", SAVED)
def test_saved_queries_parse_and_run_on_an_empty_store(name: str) -> None:
    params = {p: "x" for p in saved_params(name)}
    assert rows(ox.Store(), name, **params) == []


def test_established_bodies(store) -> None:
    got = {
        (plain(r["bodyName"]), plain(r["agentName"]), r["verb"]) for r in rows(store, "established-bodies")
    }
    assert ("永宁县杨和镇人民调解委员会", "永宁县人民政府", "成立") in got


def test_issued_documents(store) -> None:
    got = {(plain(r["title"]), plain(r["agentName"]), r["verb"]) for r in rows(store, "issued-documents")}
    assert ("永宁县行政执法监督办法", "永宁县人民政府", "印发") in got
    assert ("贺兰县重大行政决策程序规定", "贺兰县人民政府", "制定") in got


def test_cooperation(store) -> None:
    got = {(plain(r["agentName"]), plain(r["partnerName"]), r["type"]) for r in rows(store, "cooperation")}
    assert ("永宁县人民政府", "永宁县人民法院", "cooperate") in got
    assert ("永宁县人民政府", "永宁县人民检察院", "cooperate") in got
    assert ("贺兰县司法局", "贺兰县公安局", "cooperate") in got


def test_planned_actions_of_a_body(store) -> None:
    """The README's example: what a body plans (status planned), not what it did; what each acts on is a
    node when the text names one (a document here), else the object as written."""
    table = rows(store, "planned-actions", org_label="贺兰县人民政府")
    expected = {("修订", "行政执法公示办法"), ("推进", "执法规范化建设")}
    assert {(r["verb"], r["actsOn"] or r["objectText"]) for r in table} == expected
    assert rows(store, "planned-actions", org_label="永宁县人民政府") == []


def test_report_indicators_as_a_table(store) -> None:
    table = rows(store, "report-indicators", report_file="yongning-2023.txt")
    got = [(r["phrase"], Decimal(r["value"]), r["unit"], r["approximation"]) for r in table]
    assert ("行政复议案件", Decimal(45), "件", "") in got
    assert ("执法人员培训", Decimal(600), "人次", "") in got
    assert ("调解纠纷", Decimal(120), "件", "余") in got
    assert {r["file"] for r in table} == {"yongning-2023.txt"}
    assert len(rows(store, "report-indicators")) > len(table)


def test_mediation_committees_and_where_they_sit(store) -> None:
    got = {plain(r["name"]): plain(r["place"]) for r in rows(store, "mediation-committees")}
    assert got["永宁县杨和镇人民调解委员会"].endswith("永宁县杨和镇")


def test_actions_of_an_organization(store) -> None:
    table = rows(store, "organization-actions", org_label="永宁县人民法院")
    assert {(r["role"], r["verb"]) for r in table} == {("partner", "建立")}
    others = {(plain(r["otherName"]), r["otherRole"]) for r in table}
    assert ("永宁县人民政府", "agent") in others
    assert ("永宁县人民检察院", "partner") in others
    # any name it is written under works
    assert rows(store, "organization-actions", org_label="县人民法院")


def test_actions_of_an_organization_named_by_a_plain_label() -> None:
    """The name is matched as lawgraph writes labels (@zh) and as a plain string, and only organizations."""
    from lawgraph.namespaces import ACT, LG, ORG, PROV, RDF, SKOS

    ex = "https://example.org/"
    body, thing, act = ox.NamedNode(ex + "body"), ox.NamedNode(ex + "thing"), ox.NamedNode(ex + "act")
    store = ox.Store()
    store.extend([
        ox.Quad(body, ox.NamedNode(str(SKOS.prefLabel)), ox.Literal("甲县司法局")),
        ox.Quad(body, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(ORG.Organization))),
        ox.Quad(thing, ox.NamedNode(str(SKOS.prefLabel)), ox.Literal("甲县司法局", language="zh")),
        ox.Quad(act, ox.NamedNode(str(PROV.wasAssociatedWith)), body),
        ox.Quad(act, ox.NamedNode(str(PROV.used)), thing),
        ox.Quad(act, ox.NamedNode(str(LG.verb)), ox.Literal("开展")),
        ox.Quad(act, ox.NamedNode(str(LG.actionType)), ox.NamedNode(str(ACT.other))),
    ])
    table = rows(store, "organization-actions", org_label="甲县司法局")
    assert [(r["role"], r["verb"], r["type"]) for r in table] == [("agent", "开展", "other")]
    assert plain(table[0]["otherName"]) == "甲县司法局" and table[0]["otherRole"] == "used"


def test_actions_of_an_organization_come_in_the_order_of_the_text(store) -> None:
    from lawgraph.ingest.normalize import normalize_text

    text = normalize_text(REPORTS["yongning-2023.txt"])  # evidence quotes the normalized text
    table = rows(store, "organization-actions", org_label="永宁县人民政府")
    sentences = [plain(r["sentence"]) for r in table if "永宁" in plain(r["reportTitle"])]
    assert len(set(sentences)) >= 3
    assert all(sentence in text for sentence in sentences)
    starts = [text.index(sentence) for sentence in sentences]
    assert starts == sorted(starts)


def test_one_indicator_across_reports(store) -> None:
    table = rows(store, "indicator-across-reports", phrase="行政复议案件")
    got = {(plain(r["reportingName"]), Decimal(r["value"]), r["unit"]) for r in table}
    # 受理…案件45件，办结42件: the cases closed are counted as 办结行政复议案件, which the phrase matches too.
    assert got == {
        ("永宁县人民政府", Decimal(45), "件"),
        ("永宁县人民政府", Decimal(42), "件"),
        ("贺兰县人民政府", Decimal(30), "件"),
    }


@pytest.mark.corpus
def test_founding_report(corpus_dir) -> None:
    store = _store_of([corpus_dir / "lanzhou-new-area-2022.txt"])
    table = rows(store, "organization-actions", org_label="武威市中级人民法院")
    assert any(
        r["role"] == "partner" and plain(r["otherName"]) == "兰州新区管理委员会" and r["otherRole"] == "agent"
        for r in table
    )
    coop = {(plain(r["agentName"]), plain(r["partnerName"])) for r in rows(store, "cooperation")}
    assert ("兰州新区管理委员会", "武威市中级人民法院") in coop
    table = rows(store, "indicator-across-reports", phrase="行政复议案件")
    assert [(Decimal(r["value"]), r["unit"]) for r in table] == [(Decimal(39), "件")]
    established = {plain(r["bodyName"]) for r in rows(store, "established-bodies")}
    assert "兰州新区行政复议委员会" in established


def test_saved_query_through_the_command_line(capsysbinary, store, tmp_path) -> None:
    """``lawgraph query FILE --saved NAME --param …`` on a graph file written from our reports."""
    import csv
    import io

    from lawgraph.cli import main

    path = tmp_path / "graph.nq"
    with path.open("wb") as handle:
        ox.serialize(store, handle, format=ox.RdfFormat.N_QUADS)
    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "query",
                str(path),
                "--saved",
                "indicator-across-reports",
                "--param",
                "phrase=行政复议案件",
                "--format",
                "csv",
            ]
        )
    out, _ = capsysbinary.readouterr()
    assert int(exit_info.value.code or 0) == 0
    table = list(csv.DictReader(io.StringIO(out.decode("utf-8"))))
    assert sorted((r["reportingName"], r["value"], r["unit"]) for r in table) == [
        ("永宁县人民政府", "42", "件"),
        ("永宁县人民政府", "45", "件"),
        ("贺兰县人民政府", "30", "件"),
    ]
    with pytest.raises(SystemExit):
        main(["query", "--list"])
    out, _ = capsysbinary.readouterr()
    for name in SAVED:
        assert name in out.decode("utf-8")


def test_indicator_compare_one_row_per_report(store) -> None:
    """受理行政复议案件45件 and 30件: the concept lg-ind:admin-reconsideration-cases, one row per report."""
    concept = "lg-ind:admin-reconsideration-cases"
    table = rows(store, "indicator-compare", indicator=concept, kind="lg-kind:level")
    got = sorted((plain(r["area"]), plain(r["value"]), plain(r["unit"]), plain(r["status"])) for r in table)
    assert got == [("永宁县", "45", "件", "done"), ("贺兰县", "30", "件", "done")]
    assert all("行政复议案件" in plain(r["sentence"]) for r in table)
