"""The hardening issue, item by item: each attack or fault it found has a test here that would fail again
if the fix went away. Servers run as subprocesses on loopback ports; every wait is bounded."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from lawgraph.errors import InputError, QueryError
from lawgraph.query import run_query
from lawgraph.sparql_guard import check_query, has_service_keyword

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contextlib

import fuzzing  # noqa: E402

LAWGRAPH = [sys.executable, "-m", "lawgraph"]


def tiny_store() -> ox.Store:
    store = ox.Store()
    store.add(
        ox.Quad(
            ox.NamedNode("http://x/s"),
            ox.NamedNode("http://x/p"),
            ox.Literal("o"),
            ox.NamedNode("http://x/g"),
        )
    )
    return store


def consume(result: object) -> None:
    if not isinstance(result, ox.QueryBoolean):
        list(result)  # type: ignore[call-overload]


# -- 1. SSRF through SERVICE ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ ?s a lg:Report .SERVICE <{url}> {{ ?s ?p ?o }} }}",  # no space after the dot
        "PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ?p ex:a\\' SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ FILTER(?a<?b)SERVICE#>\n<{url}> {{ ?s ?p ?o }} }}",  # < read as an IRI start
        "PREFIX ex: <http://e/> SELECT * {{ ?s ?p <http://x/(#> SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * {{ {{ SELECT * {{ sErViCe SILENT <{url}> {{ ?s ?p ?o }} }} }} }}",
        "ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    ],
)
def test_the_service_spellings_that_got_through_are_refused(listener, template):
    query = template.format(url=listener.url)
    raw_connects = _raw_connects(query, listener)
    with pytest.raises(QueryError, match="SERVICE"):
        run_query(tiny_store(), query)
    assert listener.settle() == raw_connects  # lawgraph added no connection
    assert "127.0.0.1" not in check_error(query)  # the refusal names no address


def _raw_connects(query: str, listener: Any) -> int:
    """How many connections raw Oxigraph opens for ``query`` (proves the query is a real attack)."""
    with contextlib.suppress(SyntaxError, OSError, ValueError):
        consume(tiny_store().query(query, prefixes={"lg": "https://w3id.org/lawgraph/ontology#"}))
    return listener.settle()


def check_error(query: str) -> str:
    try:
        check_query(query)
    except QueryError as err:
        return err.message
    return ""


def test_raw_oxigraph_does_follow_service(listener):
    """The reason for all this: without lawgraph's checks, Oxigraph connects to the address named."""
    query = f"SELECT * WHERE {{ ?s ?p ?o .SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    with pytest.raises(OSError):  # the listener hangs up: Oxigraph had connected
        consume(tiny_store().query(query, use_default_graph_as_union=True))
    assert listener.settle() >= 1


def test_a_grammar_fuzz_of_service_and_from_placements_never_reaches_the_listener(listener):
    """300 generated placements (the bench runs 10,000): raw Oxigraph connects for many, lawgraph never."""
    store = tiny_store()
    refused = 0
    for query in fuzzing.service_placements(300, listener.url, seed=1):
        try:
            consume(run_query(store, query))
        except QueryError:
            refused += 1
    assert listener.settle() == 0
    assert refused >= 250  # the generator does produce SERVICE queries (FROM ones run, harmlessly)


def test_open_store_refuses_service_in_queries_updates_and_prepared_queries(tmp_path, listener):
    from rdflib.plugins.sparql import prepareQuery

    import lawgraph

    ds = lawgraph.open_store(tmp_path / "store")
    query = f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    with pytest.raises(QueryError, match="SERVICE"):
        ds.query(query)
    with pytest.raises(QueryError, match="SERVICE"):
        ds.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}")
    with pytest.raises(QueryError, match="SERVICE"):
        ds.query(prepareQuery(query))  # rdflib's own engine would fetch it
    assert list(ds.query("ASK { }"))[0] is True
    assert listener.settle() == 0


def test_a_built_dataset_refuses_service_that_rdflib_would_follow(tmp_path, listener):
    """``lawgraph.build()`` hands out an rdflib Dataset, whose engine follows SERVICE: it is checked too."""
    from rdflib.plugins.sparql import prepareQuery

    import lawgraph

    report = tmp_path / "甲县司法局2024年法治政府建设情况报告.txt"
    text = "甲县司法局2024年法治政府建设情况报告\n2024年，甲县司法局受理行政复议案件12件。\n"
    report.write_text(text, encoding="utf-8")
    ds = lawgraph.build(report)
    query = f"SELECT * WHERE {{ ?s ?p ?o .SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    for attempt in (lambda: ds.query(query), lambda: ds.query(prepareQuery(query))):
        with pytest.raises(QueryError, match="SERVICE"):
            attempt()
    with pytest.raises(QueryError, match="SERVICE"):
        ds.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}")
    assert bool(ds.query("ASK { ?s a ?type }"))  # an ordinary query still runs on rdflib's engine
    assert listener.settle() == 0


def test_query_cli_refuses_service_with_one_line(tmp_path, listener):
    trig = tmp_path / "g.nq"
    trig.write_text('<http://x/s> <http://x/p> "o" <http://x/g> .\n', encoding="utf-8")
    proc = subprocess.run(
        [*LAWGRAPH, "query", str(trig), f"SELECT * {{ ?s ?p ?o .SERVICE <{listener.url}> {{}} }}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        "lawgraph: query: SERVICE (federated query) is refused: lawgraph never lets a query open a connection"
    ]
    assert listener.settle() == 0


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ("SELECT ?service WHERE { ?service schema:Service <http://e/SERVICE> } # SERVICE", False),
        ("SELECT * { ?s ?p 'SERVICE <http://x/> { }' }", False),
        ("SELECT * { ?s ?p ?o . ſERVICE <http://x/> { } }", True),  # long s folds to s
        ("SELECT * { ?s ?p ex:Report.SERVICE }", True),  # an engine could end the name at the dot
    ],
)
def test_the_text_check(query, refused):
    assert has_service_keyword(query) is refused


# -- 3. limits before parsing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE " + "{" * 3000 + "}" * 3000,
        "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
        "SELECT (" + "+".join(["1"] * 9000) + " AS ?x) {}",
        "SELECT * { " + " UNION ".join(["{?s ?p ?o}"] * 9000) + " }",
    ],
)
def test_deep_or_long_queries_are_refused_not_crashed(tmp_path, query):
    """3,000 nested { or 5,000 ( killed `lawgraph query` with a segmentation fault."""
    nq = tmp_path / "g.nq"
    nq.write_text('<http://x/s> <http://x/p> "o" .\n', encoding="utf-8")
    qfile = tmp_path / "q.rq"
    qfile.write_text(query, encoding="utf-8")
    proc = subprocess.run(
        [*LAWGRAPH, "query", str(nq), "--file", str(qfile)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2, proc.stderr[-500:]
    line = proc.stderr.strip()
    assert len(line.splitlines()) == 1 and (
        "deeper than 64" in line or "1000 operators" in line or "bytes long" in line
    )


def test_nesting_under_the_limit_still_runs():
    assert bool(run_query(tiny_store(), "ASK " + "{" * 60 + "?s ?p ?o" + "}" * 60)) is True


# -- 10. FROM honoured; protocol graph IRIs checked ------------------------------------------------------


def test_from_is_honoured_not_ignored():
    store = tiny_store()
    store.add(
        ox.Quad(
            ox.NamedNode("http://x/s"),
            ox.NamedNode("http://x/p"),
            ox.Literal("other"),
            ox.NamedNode("http://x/h"),
        )
    )
    count = "SELECT (COUNT(*) AS ?n) {from} WHERE {{ ?s ?p ?o }}"
    n = lambda q: int(next(iter(run_query(store, q)))["n"].value)  # noqa: E731
    assert n(count.format(**{"from": ""})) == 2  # the union, by default
    assert n(count.format(**{"from": "FROM <http://nonexistent.example/g>"})) == 0
    assert n(count.format(**{"from": "FROM <http://x/h>"})) == 1
    assert n("SELECT (COUNT(*) AS ?n) FROM NAMED <http://x/g> WHERE { GRAPH ?g { ?s ?p ?o } }") == 1


def test_a_malformed_graph_iri_is_a_query_error():
    with pytest.raises(QueryError, match="default-graph-uri: 'not an iri' is not an absolute IRI"):
        run_query(tiny_store(), "ASK {}", default_graph=["not an iri"])
    with pytest.raises(QueryError, match="named-graph-uri"):
        run_query(tiny_store(), "ASK {}", named_graphs=["rel/x"])


# -- 2. writes that respect what is there ----------------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "santai-county-2023-fictional.txt"


def test_output_to_a_fifo_is_written_into_it(tmp_path):
    fifo = tmp_path / "out.nq"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    proc = subprocess.run(
        [*LAWGRAPH, "build", str(EXAMPLE), "-o", str(fifo), "-q"], capture_output=True, timeout=300
    )
    reader.join(30)
    assert proc.returncode == 0, proc.stderr
    assert got and got[0].count(b"\n") > 100
    assert fifo.is_fifo()  # still a FIFO, not a regular file renamed over it


def test_output_to_a_device_and_to_stdout(tmp_path):
    devnull = Path(os.devnull)
    before = devnull.stat()
    proc = subprocess.run(
        [*LAWGRAPH, "build", str(EXAMPLE), "-o", os.devnull, "-q"], capture_output=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    after = devnull.stat()
    assert after.st_rdev == before.st_rdev and after.st_ino == before.st_ino  # the same device node
    proc = subprocess.run([*LAWGRAPH, "build", str(EXAMPLE), "-o", "-"], capture_output=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.count(b"\n") > 100 and proc.stdout.endswith(b" .\n")
    assert b"lawgraph build" in proc.stderr  # the summary went to stderr, not into the graph
    nq = tmp_path / "g.nq"
    nq.write_bytes(proc.stdout)
    out = subprocess.run(
        [*LAWGRAPH, "query", str(nq), "ASK { ?s ?p ?o }", "-f", "json", "-o", "-"],
        capture_output=True,
        timeout=120,
    )
    assert json.loads(out.stdout)["boolean"] is True


def test_a_symlink_is_followed_and_its_target_replaced(tmp_path):
    target = tmp_path / "real" / "graph.nq"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.nq"
    link.symlink_to(target)
    proc = subprocess.run(
        [*LAWGRAPH, "build", str(EXAMPLE), "-o", str(link), "-q"], capture_output=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text(encoding="utf-8").count("\n") > 100
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.nq"]  # no temporary file left


def test_a_folder_as_output_is_an_error(tmp_path):
    folder = tmp_path / "out.nq"
    folder.mkdir()
    proc = subprocess.run(
        [*LAWGRAPH, "build", str(EXAMPLE), "-o", str(folder)], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 2 and proc.stderr.strip() == f"lawgraph: {folder}: is a directory, not a file"


# -- 6, 8, 12. ingestion ---------------------------------------------------------------------------------


def test_a_29_digit_number_before_a_unit():
    from lawgraph.extract.numbers import find_quantities, parse_number

    assert parse_number("12345678901234567890123456789") == int("12345678901234567890123456789")
    assert parse_number("12345678901234567890123456789万") == int("123456789012345678901234567890000")
    found = list(find_quantities("全年受理案件12345678901234567890123456789件。"))
    assert [str(q.value) for q in found] == ["12345678901234567890123456789"]


def test_a_fifo_as_input_is_refused_at_once(tmp_path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    proc = subprocess.run(
        [*LAWGRAPH, "build", str(fifo), "-o", str(tmp_path / "g.nq")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"lawgraph: {fifo}: is a FIFO (named pipe), not a report file; lawgraph reads only regular files"
    )
    from lawgraph.ingest import read_report

    with pytest.raises(InputError, match="FIFO"):
        read_report(fifo)


def test_a_white_space_only_file_is_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes("\ufeff \n\t\u3000\u200b\n".encode())
    proc = subprocess.run(
        [*LAWGRAPH, "build", str(path), "-o", str(tmp_path / "g.nq")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and proc.stderr.strip() == f"lawgraph: {path}: empty file (only white space)"


def test_a_non_utf8_file_name_builds_and_reads(tmp_path):
    from lawgraph.ingest import read_report

    text = EXAMPLE.read_bytes()
    gbk = Path(os.fsdecode(os.fsencode(tmp_path) + "/报告".encode("gb18030") + b".txt"))
    gbk.write_bytes(text)
    assert read_report(gbk).name == "报告.txt"
    bad = Path(os.fsdecode(os.fsencode(tmp_path) + b"/r\xff.txt"))
    bad.write_bytes(text)
    assert read_report(bad).name == "r\\xff.txt"
    proc = subprocess.run(
        [*LAWGRAPH, "build", os.fsencode(bad), "-o", str(tmp_path / "g.nq"), "-q"],
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert b'"r\\\\xff.txt"' in (tmp_path / "g.nq").read_bytes()
    store = tmp_path / "store"
    for _ in range(2):  # a store build records it too, and finds it unchanged the second time
        proc = subprocess.run(
            [*LAWGRAPH, "build", os.fsencode(bad), "--store", str(store), "--prune"],
            capture_output=True,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
    assert b"1 unchanged" in proc.stdout and b"pruned" not in proc.stdout.split(b"failed")[-1]


def test_long_reports_are_built_up_to_the_limit_and_refused_beyond(tmp_path, monkeypatch):
    import lawgraph.ingest as ingest
    from lawgraph.extract.pipeline import make_nlp

    nlp = make_nlp(components=["lawgraph_context"])
    assert nlp.max_length >= ingest.MAX_REPORT_CHARS > 1_000_000  # spaCy's default would refuse it (E088)
    doc = nlp.make_doc("某" * 1_000_100)
    assert len(doc.text) == 1_000_100
    monkeypatch.setattr(ingest, "MAX_REPORT_CHARS", 1_000)
    path = tmp_path / "long.txt"
    path.write_text("某县人民政府报告\n" + "依法行政。" * 400, encoding="utf-8")
    with pytest.raises(InputError, match="reads reports of up to 1,000"):
        ingest.read_report(path)


# -- 7. workers die with their parent --------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(x) for x in out]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _wait_gone(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.1)
    return [p for p in pids if _alive(p)]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_build_jobs_workers_die_with_the_build(tmp_path, sig):
    reports = tmp_path / "reports"
    reports.mkdir()
    for i in range(12):
        (reports / f"r{i}.txt").write_text(
            EXAMPLE.read_text(encoding="utf-8") + f"\n附{i}。", encoding="utf-8"
        )
    proc = subprocess.Popen(
        [*LAWGRAPH, "build", str(reports), "--jobs", "2", "--store", str(tmp_path / "store"), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        kids = _children(proc.pid)
        assert len(kids) >= 2
        proc.send_signal(sig)
        proc.wait(60)
        assert _wait_gone(kids, 30) == []
    finally:
        if proc.poll() is None:
            proc.kill()


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_serve_workers_die_with_the_server(tmp_path):
    nq = tmp_path / "g.nq"
    nq.write_text('<http://x/s> <http://x/p> "o" .\n', encoding="utf-8")
    proc = subprocess.Popen(
        [*LAWGRAPH, "serve", str(nq), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().startswith("http://")
        kids = _children(proc.pid)
        assert len(kids) >= 2
        proc.kill()
        proc.wait(10)
        assert _wait_gone(kids, 30) == []
    finally:
        if proc.poll() is None:
            proc.kill()
