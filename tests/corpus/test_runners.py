"""lawgraph.corpus.runners: the process pool keeps a bounded window; the serial runner returns bytes."""

from __future__ import annotations

import itertools
from pathlib import Path

import pyoxigraph as ox

from lawgraph.corpus import ReportTask
from lawgraph.corpus.runners import run_pool, run_serial


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
