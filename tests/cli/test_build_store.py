"""`lawgraph build --store`: a changed report replaces its graph; a build needs somewhere to write."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from lawgraph.namespaces import ONTOLOGY_GRAPH, STORE_GRAPH
from lawgraph.store import read_source, report_hashes

REPORT_V1 = """关于某县2023年法治政府建设情况的报告

某县人民政府：
    2023年，县司法局印发《某县行政执法监督办法》，成立县法治政府建设领导小组。
    县司法局全年办理行政复议案件12件。
"""


def test_cli_build_into_a_store_replaces_a_changed_report(tmp_path, capsys):
    from lawgraph.cli import main

    report = tmp_path / "report.txt"
    report.write_text(REPORT_V1, encoding="utf-8")
    store_dir, trig = tmp_path / "store", tmp_path / "graph.trig"

    def build(*extra: str) -> int:
        with pytest.raises(SystemExit) as done:
            main(["build", str(report), "--store", str(store_dir), *extra])
        return int(done.value.code or 0)

    assert build("-o", str(trig)) == 0
    assert trig.is_file()
    first = read_source(store_dir)
    lawgraph_graphs = {ox.NamedNode(str(STORE_GRAPH)), ox.NamedNode(str(ONTOLOGY_GRAPH))}
    graphs_1 = {g for g in first.named_graphs()} - lawgraph_graphs
    assert len(graphs_1) == 1
    assert first.contains_named_graph(ox.NamedNode(str(ONTOLOGY_GRAPH)))
    size_1 = len(first)
    del first
    assert build() == 0  # unchanged: skipped, nothing duplicated
    again = read_source(store_dir)
    assert len(again) == size_1
    del again

    report.write_text(REPORT_V1.replace("12件", "15件"), encoding="utf-8")
    assert build() == 0
    changed = read_source(store_dir)
    graphs_2 = {g for g in changed.named_graphs()} - lawgraph_graphs
    assert len(graphs_2) == 1 and graphs_2 != graphs_1  # the old report graph is gone
    values = {q.object.value for q in changed.quads_for_pattern(
        None, ox.NamedNode("http://purl.org/linked-data/sdmx/2009/measure#obsValue"), None, None)}
    assert "15" in values and "12" not in values
    assert list(report_hashes(changed)) == [Path(report).resolve().as_posix()]
    capsys.readouterr()


def test_cli_build_needs_somewhere_to_write(tmp_path, capsys):
    from lawgraph.cli import main

    report = tmp_path / "r.txt"
    report.write_text(REPORT_V1, encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["build", str(report)])
    assert done.value.code == 2 and "--store" in capsys.readouterr().err
