"""Corpus builds: parallel = serial, incremental, prune, failures, streaming, Dask, cross-report identity.

Every report here is a few sentences we wrote; nothing is copied from the corpus.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from lawgraph.corpus import BuildEvent, ReportTask, build_corpus, plan_tasks, source_name
from lawgraph.corpus.runners import run_pool, run_serial
from lawgraph.namespaces import ORG, STORE_GRAPH

REPORTS = {
    "alpha.txt": (
        "青松县人民政府关于2023年度法治政府建设情况的报告\n"
        "一、主要工作\n"
        "（一）健全依法决策机制。县政府印发《青松县重大行政决策程序规定》，县司法局开展合法性审查68件。\n"
        "（二）强化行政执法监督。甘肃省人民政府部署执法检查，县人民法院受理行政案件35件。\n"
    ),
    "beta.txt": (
        "白杨市司法局2023年法治政府建设年度报告\n"
        "一、工作成效\n"
        "市司法局认真落实甘肃省人民政府的部署，组织培训行政执法人员1200人次。\n"
        "二、存在问题\n"
        "基层法治力量仍然薄弱，人民调解委员会调解纠纷约900件。\n"
    ),
    "gamma.txt": (
        "红柳区人民政府2023年法治政府建设工作情况报告\n"
        "一、主要做法\n"
        "区政府成立法治政府建设领导小组，制定《红柳区行政规范性文件管理办法》。\n"
        "区人民检察院办理公益诉讼案件12件，区公安分局推行执法全过程记录。\n"
    ),
}


def write_corpus(folder: Path, reports: dict[str, str] = REPORTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def sorted_lines(path: Path) -> list[str]:
    return sorted(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def report_graphs(store_dir: Path) -> set[str]:
    store = ox.Store.read_only(str(store_dir))
    return {g.value for g in store.named_graphs() if "/id/report/" in g.value}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "reports")


def test_jobs_two_gives_the_same_nquads_as_serial(corpus: Path, tmp_path: Path) -> None:
    serial = build_corpus([corpus], output=tmp_path / "serial.nq", jobs=1)
    parallel = build_corpus([corpus], output=tmp_path / "parallel.nq", jobs=2)
    assert serial.built == parallel.built == len(REPORTS)
    assert serial.runner == "serial" and parallel.runner == "processes"
    lines = sorted_lines(tmp_path / "serial.nq")
    assert len(lines) > 50
    assert lines == sorted_lines(tmp_path / "parallel.nq")
    assert serial.quads == parallel.quads
    assert serial.entities == parallel.entities and serial.entities


def as_oxigraph(path: Path) -> list[str]:
    """The quads of an N-Quads file as Oxigraph stores them (xsd:nonNegativeInteger becomes xsd:integer)."""
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return sorted(str(q) for q in store if not str(q.graph_name).endswith("/lawgraph/ontology>"))


def test_store_and_file_hold_the_same_graph(corpus: Path, tmp_path: Path) -> None:
    build_corpus([corpus], output=tmp_path / "direct.nq")
    build_corpus([corpus], store=tmp_path / "store", output=tmp_path / "from-store.nq", jobs=2)
    assert as_oxigraph(tmp_path / "from-store.nq") == as_oxigraph(tmp_path / "direct.nq")
    assert str(STORE_GRAPH) not in (tmp_path / "from-store.nq").read_text(encoding="utf-8")


def test_a_store_build_compacts_the_store_once_it_changed(corpus: Path, tmp_path: Path) -> None:
    events: list[BuildEvent] = []
    first = build_corpus([corpus], store=tmp_path / "compacted", on_event=events.append)
    compacted = [e for e in events if e.kind == "compacted"]
    assert len(compacted) == 1 and compacted[0].seconds == first.compact_seconds > 0
    # Compaction rewrites the store's files, never its content.
    plain = build_corpus([corpus], store=tmp_path / "plain", compact=False)
    assert plain.compact_seconds == 0
    quads = [
        sorted(
            str(q) for q in ox.Store.read_only(str(tmp_path / name))
            if isinstance(q.graph_name, ox.DefaultGraph) or "/id/report/" in q.graph_name.value
        )
        for name in ("compacted", "plain")
    ]  # the reports and shared descriptions (the ontology's blank nodes get new labels on every load)
    assert quads[0] == quads[1] and len(quads[0]) > 50
    # Nothing changed: nothing to compact.
    events.clear()
    again = build_corpus([corpus], store=tmp_path / "compacted", on_event=events.append)
    assert again.unchanged == len(REPORTS) and again.compact_seconds == 0
    assert not [e for e in events if e.kind == "compacted"]


def test_incremental_builds_extract_only_what_changed_and_prune_drops_removed(
    corpus: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    first = build_corpus([corpus], store=store)
    assert (first.built, first.unchanged) == (3, 0)
    graphs = report_graphs(store)
    assert len(graphs) == 3

    again = build_corpus([corpus], store=store, jobs=2)
    assert (again.built, again.unchanged) == (0, 3)
    assert report_graphs(store) == graphs

    (corpus / "beta.txt").write_text(
        REPORTS["beta.txt"] + "三、下一步打算\n继续完善行政执法协调监督工作体系。\n", encoding="utf-8"
    )
    changed = build_corpus([corpus], store=store)
    assert (changed.built, changed.unchanged) == (1, 2)
    after_change = report_graphs(store)
    assert len(after_change) == 3 and len(after_change - graphs) == 1  # the old beta graph was replaced

    (corpus / "gamma.txt").unlink()
    kept = build_corpus([corpus], store=store)  # without --prune the removed report stays
    assert kept.pruned == [] and len(report_graphs(store)) == 3
    pruned = build_corpus([corpus], store=store, prune=True)
    assert pruned.pruned == [source_name(corpus / "gamma.txt")]
    assert (pruned.built, pruned.unchanged) == (0, 2)
    assert len(report_graphs(store)) == 2

    grown = write_corpus(corpus, {"delta.txt": REPORTS["gamma.txt"].replace("红柳区", "沙枣区")})
    added = build_corpus([grown], store=store)
    assert (added.built, added.unchanged) == (1, 2)


def test_a_bad_report_is_skipped_and_reported(corpus: Path, tmp_path: Path) -> None:
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02\x03 not a report \xff\xfe")
    (corpus / "empty.txt").write_bytes(b"")
    events: list[BuildEvent] = []
    summary = build_corpus(
        [corpus, tmp_path / "missing-folder"], output=tmp_path / "g.nq", jobs=2, on_event=events.append
    )
    assert summary.built == 3
    failed = dict(summary.failures)
    assert set(failed) == {
        str(corpus / "broken.txt"),
        str(corpus / "empty.txt"),
        str(tmp_path / "missing-folder"),
    }
    assert all(reason and "Traceback" not in reason for reason in failed.values())
    assert summary.exit_code == 1
    assert sorted(e.path for e in events if e.kind == "failed") == sorted(failed)
    assert (tmp_path / "g.nq").stat().st_size > 0  # the good reports were still written


def test_duplicate_reports_are_one_graph(corpus: Path, tmp_path: Path) -> None:
    (corpus / "alpha-copy.txt").write_text(REPORTS["alpha.txt"], encoding="utf-8")
    summary = build_corpus([corpus], store=tmp_path / "store")
    assert summary.built == 3
    assert [Path(p).name for p, _ in summary.duplicates] == ["alpha.txt"] or [
        Path(p).name for p, _ in summary.duplicates
    ] == ["alpha-copy.txt"]
    assert len(report_graphs(tmp_path / "store")) == 3
    assert summary.exit_code == 0


def test_the_same_organization_in_two_reports_is_one_node(corpus: Path, tmp_path: Path) -> None:
    build_corpus([corpus], store=tmp_path / "store")
    store = ox.Store.read_only(str(tmp_path / "store"))
    rows = list(
        store.query(
            """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX org: <http://www.w3.org/ns/org#>
            SELECT DISTINCT ?org ?g WHERE {
              ?org a org:Organization ; skos:prefLabel "甘肃省人民政府"@zh .
              GRAPH ?g { ?x ?p ?org }
            }
            """
        )
    )
    orgs = {row["org"].value for row in rows}
    graphs = {row["g"].value for row in rows}
    assert len(orgs) == 1, "one node for the body named in two reports"
    assert len(graphs) >= 2, "each report's named graph points at the shared node"
    typed = list(
        store.quads_for_pattern(ox.NamedNode(orgs.pop()), None, ox.NamedNode(str(ORG.Organization)), None)
    )
    assert {q.graph_name for q in typed} == {ox.DefaultGraph()}


def test_inputs_are_consumed_lazily(corpus: Path) -> None:
    pulled: list[int] = []

    def endless() -> itertools.count[int]:
        return itertools.count()

    def paths() -> object:
        for i in endless():
            pulled.append(i)
            yield corpus / sorted(REPORTS)[i % len(REPORTS)]

    tasks = plan_tasks(paths())
    first = next(tasks)
    assert isinstance(first, ReportTask) and len(pulled) == 1
    tasks.close()


def test_the_process_pool_keeps_a_bounded_number_of_reports_in_flight(corpus: Path) -> None:
    pulled = 0
    source = corpus / "alpha.txt"
    data = source.read_bytes()

    def tasks() -> object:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield ReportTask(str(source), f"copy-{i}", len(data), str(i))

    window = 3
    outcomes = run_pool(tasks(), jobs=2, window=window)
    got = list(itertools.islice(outcomes, 4))
    outcomes.close()
    assert [o.task.name for o in got] == ["copy-0", "copy-1", "copy-2", "copy-3"]
    assert all(o.ok and o.named for o in got)
    assert pulled <= 4 + window


def test_serial_runner_returns_nquads_bytes_not_objects(corpus: Path) -> None:
    data = (corpus / "alpha.txt").read_bytes()
    (outcome,) = run_serial([ReportTask(str(corpus / "alpha.txt"), "a", len(data), "x")])
    assert outcome.ok and isinstance(outcome.named, bytes) and isinstance(outcome.shared, bytes)
    parsed = list(ox.parse(outcome.named + outcome.shared, format=ox.RdfFormat.N_QUADS))
    assert len(parsed) == outcome.quads
    assert {q.graph_name.value for q in parsed if not isinstance(q.graph_name, ox.DefaultGraph)} == {
        outcome.report_iri
    }


def test_a_generator_of_inputs_streams_into_a_store_in_batches(corpus: Path, tmp_path: Path) -> None:
    events: list[BuildEvent] = []
    summary = build_corpus(
        (str(corpus / name) for name in sorted(REPORTS)),
        store=tmp_path / "store",
        batch_bytes=1,  # one report per bulk load
        on_event=events.append,
    )
    assert summary.built == 3
    assert [e.kind for e in events].count("flushed") == 3
    assert len(report_graphs(tmp_path / "store")) == 3


def test_dask_local_cluster_gives_the_same_graph_as_serial(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    serial = build_corpus([corpus], output=tmp_path / "serial.nq")
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        on_cluster = build_corpus([corpus], output=tmp_path / "dask.nq", dask=cluster.scheduler_address)
        into_store = build_corpus(
            [corpus], store=tmp_path / "store", dask=cluster.scheduler_address, ship_data=False
        )
    assert on_cluster.runner == "dask"
    assert on_cluster.built == serial.built == into_store.built == 3
    assert sorted_lines(tmp_path / "dask.nq") == sorted_lines(tmp_path / "serial.nq")
    assert len(report_graphs(tmp_path / "store")) == 3


def test_bad_options_fail_before_any_work(corpus: Path, tmp_path: Path) -> None:
    from lawgraph.errors import LawgraphError

    with pytest.raises(LawgraphError, match="nowhere"):
        build_corpus([corpus])
    with pytest.raises(LawgraphError, match="--prune"):
        build_corpus([corpus], output=tmp_path / "g.nq", prune=True)
    with pytest.raises(LawgraphError, match="jobs"):
        build_corpus([corpus], output=tmp_path / "g.nq", jobs=0)
    with pytest.raises(LawgraphError):
        build_corpus([corpus], output=tmp_path / "no-such-folder" / "g.nq")
    assert not os.path.exists(tmp_path / "g.nq")


def test_an_unknown_output_format_is_a_one_line_error(corpus: Path, tmp_path: Path) -> None:
    """It was a ValueError with a traceback: the output file is checked with the one format table."""
    from lawgraph.errors import OutputError

    with pytest.raises(OutputError, match="unsupported extension '.docx'"):
        build_corpus([corpus], output=tmp_path / "g.docx", jobs=2)
    assert not (tmp_path / "g.docx").exists()


def run_cli(args: list[str]) -> int:
    from lawgraph.cli import main

    with pytest.raises(SystemExit) as done:
        main(args)
    return int(done.value.code or 0)


def test_cli_corpus_build_with_jobs_reports_failures_and_prunes(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    store = tmp_path / "store"
    assert run_cli(["build", str(corpus), "--store", str(store), "--jobs", "2"]) == 1
    out, err = capsys.readouterr()
    assert "3 built, 0 unchanged" in out and "1 failed" in out
    assert f"failed: {corpus / 'broken.txt'}: binary" in out
    assert "entities (this run):" in out and "reports/s" in out and "MB/s" in out
    assert str(corpus / "broken.txt") in err  # named as soon as it is skipped, off a terminal as a log line

    (corpus / "broken.txt").unlink()
    (corpus / "beta.txt").unlink()
    assert run_cli(["build", str(corpus), "--store", str(store), "--prune"]) == 0
    out, _ = capsys.readouterr()
    assert "0 built, 2 unchanged" in out and "1 pruned" in out
    assert len(report_graphs(store)) == 2


@pytest.mark.parametrize("name", ["g.nq", "g.trig"])
def test_a_corpus_build_where_every_report_fails_leaves_the_output_file_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    out_path = tmp_path / name
    out_path.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n", encoding="utf-8")
    before = out_path.read_bytes()
    code = run_cli(["build", str(tmp_path / "missing.txt"), "-o", str(out_path), "--jobs", "2"])
    assert code == 2
    assert out_path.read_bytes() == before  # not replaced by an empty graph
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left behind
    out, _ = capsys.readouterr()
    assert "1 failed" in out and f"-> {out_path}" not in out


def test_cli_prune_needs_a_store(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["build", str(corpus), "-o", str(tmp_path / "g.nq"), "--prune"]) == 2
    assert "--store" in capsys.readouterr().err
    assert not (tmp_path / "g.nq").exists()


@pytest.fixture()
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real `oxigraph serve` on a free loopback port; yields its Graph Store endpoint."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(binary).is_file():
        pytest.skip("the `oxigraph` server (pip package `oxigraph`) is not installed")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "remote"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("oxigraph serve did not start")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/store"
    finally:
        proc.terminate()
        proc.wait(10)


def test_push_sends_each_report_graph_and_the_shared_descriptions(
    corpus: Path, tmp_path: Path, oxigraph_server: str
) -> None:
    build_corpus([corpus], output=tmp_path / "serial.nq")
    first = build_corpus([corpus], push=oxigraph_server, jobs=2)
    again = build_corpus([corpus], push=oxigraph_server)  # graphs replaced, descriptions merged: no copies
    assert first.built == again.built == 3
    request = urllib.request.Request(oxigraph_server, headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as response:
        (tmp_path / "remote.nq").write_bytes(response.read())
    assert as_oxigraph(tmp_path / "remote.nq") == as_oxigraph(tmp_path / "serial.nq")
