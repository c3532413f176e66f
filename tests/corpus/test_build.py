"""lawgraph.corpus.build: parallel = serial, incremental, prune, failures, duplicates, one node per body."""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from lawgraph.corpus import BuildEvent, ReportTask, build_corpus, plan_tasks, source_name
from lawgraph.namespaces import ORG, STORE_GRAPH

sys.path.insert(0, str(Path(__file__).parent))
from corpus_helpers import REPORTS, as_oxigraph, report_graphs, sorted_lines, write_corpus  # noqa: E402


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
