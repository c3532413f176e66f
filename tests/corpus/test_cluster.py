"""lawgraph.corpus.cluster: a local Dask cluster gives the same graph as a serial build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lawgraph.corpus import build_corpus

sys.path.insert(0, str(Path(__file__).parent))
from corpus_helpers import report_graphs, sorted_lines  # noqa: E402


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
