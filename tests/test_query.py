"""`lawgraph query` and lawgraph.query: formats, errors with positions, parameters, saved queries."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from lawgraph.cli import main
from lawgraph.errors import QueryError
from lawgraph.query import parse_term, result_rows, run_query
from lawgraph.store import load_rdf_file, open_oxigraph

ACTIVITIES = """
SELECT ?verb (COUNT(?a) AS ?n) WHERE {
  ?a a prov:Activity ; lg:verb ?verb .
} GROUP BY ?verb ORDER BY DESC(?n) ?verb
"""


def verb_counts(dataset) -> dict[str, int]:
    """Actions per verb, counted in Python over the rdflib Dataset (the expected answer)."""
    from collections import Counter

    from lawgraph.namespaces import LG, PROV, RDF

    acts = {s for s, _, _, _ in dataset.quads((None, RDF.type, PROV.Activity, None))}
    return dict(Counter(str(o) for s, _, o, _ in dataset.quads((None, LG.verb, None, None)) if s in acts))


@pytest.fixture
def trig(tmp_path, hand_dataset):
    path = tmp_path / "hand.trig"
    hand_dataset.serialize(path, format="trig")
    return path


def run(capsysbinary, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    out, err = capsysbinary.readouterr()
    return int(exit_info.value.code or 0), out.decode("utf-8"), err.decode("utf-8")


def test_table_on_a_terminal(capsysbinary, trig, hand_dataset):
    code, out, _ = run(capsysbinary, "query", str(trig), ACTIVITIES)
    assert code == 0
    assert "开展" in out and "verb" in out
    assert f"{len(verb_counts(hand_dataset))} rows" in out


def test_json_csv_tsv_xml(capsysbinary, trig, hand_dataset):
    code, out, _ = run(capsysbinary, "query", str(trig), ACTIVITIES, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["head"]["vars"] == ["verb", "n"]
    counts = {b["verb"]["value"]: int(b["n"]["value"]) for b in data["results"]["bindings"]}
    assert counts == verb_counts(hand_dataset) and counts["开展"] == 2
    assert data["results"]["bindings"][0]["verb"]["xml:lang"] == "zh"

    _, out, _ = run(capsysbinary, "query", str(trig), ACTIVITIES, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["verb", "n"] and rows[1] == ["开展", "2"]
    _, out, _ = run(capsysbinary, "query", str(trig), ACTIVITIES, "--format", "tsv")
    assert out.splitlines()[1] == '"开展"@zh\t2'
    _, out, _ = run(capsysbinary, "query", str(trig), "ASK { ?s a lg:Court }", "--format", "xml")
    assert "<boolean>true</boolean>" in out


def test_construct_is_turtle_or_ntriples(capsysbinary, trig):
    q = "CONSTRUCT { ?o skos:prefLabel ?l } WHERE { ?o a lg:Court ; skos:prefLabel ?l }"
    code, out, _ = run(capsysbinary, "query", str(trig), q)
    assert code == 0 and "@prefix skos:" in out
    triples = list(ox.parse(out.encode(), format=ox.RdfFormat.TURTLE))
    assert [t.object.value for t in triples] == ["张掖市中级人民法院"]
    _, out, _ = run(capsysbinary, "query", str(trig), q, "--format", "ntriples")
    assert out.count(" .\n") == 1 and out.startswith("<https://w3id.org/lawgraph/id/org/")
    code, _, err = run(capsysbinary, "query", str(trig), q, "--format", "csv")
    assert code == 2 and "turtle or ntriples" in err


def test_syntax_error_names_line_and_column(capsysbinary, trig, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?s WHERE {\n  ?s ?p ?o }\nLIMT 3\n", encoding="utf-8")
    code, out, err = run(capsysbinary, "query", str(trig), "--file", str(bad))
    assert code == 2 and out == ""
    assert err.startswith(f"lawgraph: {bad}: syntax error at line 3, column 7")
    assert len(err.strip().splitlines()) == 1
    code, _, err = run(capsysbinary, "query", str(trig), "SELEKT * WHERE { ?s ?p ?o }")
    assert code == 2 and "line 1, column 1" in err


def test_store_folder_and_file_give_the_same_results(capsysbinary, trig, tmp_path):
    store = open_oxigraph(tmp_path / "store")
    load_rdf_file(trig, store=store)
    store.flush()
    del store
    _, from_file, _ = run(capsysbinary, "query", str(trig), ACTIVITIES, "-f", "json")
    _, from_store, _ = run(capsysbinary, "query", str(tmp_path / "store"), ACTIVITIES, "-f", "json")
    assert json.loads(from_file) == json.loads(from_store)


def test_params_are_bound_not_pasted(trig, hand_dataset):
    store = load_rdf_file(trig)
    q = "SELECT ?o WHERE { ?o skos:prefLabel ?name }"
    justice = result_rows(run_query(store, 'SELECT ?o WHERE { ?o skos:prefLabel "张掖市司法局"@zh }'))[1]
    assert len(justice) == 1
    assert result_rows(run_query(store, q, params=['name="张掖市司法局"@zh']))[1] == justice
    # an attempt to change the query is one odd literal, matching nothing
    evil = '"x"@zh } UNION { ?o ?p ?name'
    assert result_rows(run_query(store, q, params=[f"name={evil}"]))[1] == []
    # a bound variable that is not projected, before GROUP BY
    counted = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a prov:Activity ; lg:verb ?v }"
    assert result_rows(run_query(store, counted, params={"v": '"开展"@zh'}))[1] == [["2"]]
    assert result_rows(run_query(store, counted))[1] == [[str(sum(verb_counts(hand_dataset).values()))]]
    with pytest.raises(QueryError, match="not name=value"):
        run_query(store, q, params=["novalue"])
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        run_query(store, q, params=["bad name=1"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<http://example.org/x>", ox.NamedNode("http://example.org/x")),
        ("lg:Court", ox.NamedNode("https://w3id.org/lawgraph/ontology#Court")),
        ('"司法局"@zh', ox.Literal("司法局", language="zh")),
        ("12", ox.Literal("12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
        ("兰州 新区", ox.Literal("兰州 新区")),
        ("nope:x", ox.Literal("nope:x")),
        ("<a> . <b> <c> <d>", ox.Literal("<a> . <b> <c> <d>")),
    ],
)
def test_parse_term(text, expected):
    assert parse_term(text) == expected


def test_missing_source_and_query(capsysbinary, tmp_path):
    code, _, err = run(capsysbinary, "query", str(tmp_path / "none.trig"), "ASK {}")
    assert code == 2 and "none.trig: no such file" in err
    code, _, err = run(capsysbinary, "query", str(tmp_path))
    assert code == 2 and "exactly one query" in err


def test_query_file_that_is_not_utf8(capsysbinary, trig, tmp_path):
    unreadable = tmp_path / "gbk.rq"
    unreadable.write_bytes("ASK { ?s ?p \"行政复议\" }".encode("gbk"))
    code, out, err = run(capsysbinary, "query", str(trig), "--file", str(unreadable))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "gbk.rq: the query file is not UTF-8 text (byte 0xd0 at offset 13)" in err


def _saved_names():
    queries = pytest.importorskip("lawgraph.queries")
    if not hasattr(queries, "list_saved"):
        pytest.skip("the saved queries (lawgraph.queries.list_saved) have not landed yet")
    names = list(queries.list_saved())
    if not names:
        pytest.skip("no saved queries yet")
    return names


def test_list_and_run_saved_queries(capsysbinary, trig):
    names = _saved_names()
    code, out, _ = run(capsysbinary, "query", "--list")
    assert code == 0 and all(n in out for n in names)
    for name in names:
        code, out, err = run(capsysbinary, "query", str(trig), "--saved", name, "--format", "json")
        assert code == 0, err
        data = json.loads(out) if out.lstrip().startswith("{") else None
        assert data is None or "head" in data
