"""`lawgraph query --memory/--disk`: a store folder queried from a copy in memory or on disk, same rows."""

from __future__ import annotations

import json

import pytest

from lawgraph.cli import main
from lawgraph.store import load_rdf_file, open_oxigraph

QUERY = "SELECT ?verb (COUNT(?a) AS ?n) WHERE { ?a lg:verb ?verb } GROUP BY ?verb ORDER BY ?verb"


def test_memory_and_disk_give_the_same_rows(capsysbinary, tmp_path, hand_dataset):
    trig = tmp_path / "g.trig"
    hand_dataset.serialize(trig, format="trig")
    store = open_oxigraph(tmp_path / "store")
    load_rdf_file(trig, store=store)
    store.flush()
    del store
    answers = []
    for choice in ([], ["--memory"], ["--disk"]):
        with pytest.raises(SystemExit) as exit_info:
            main(["query", str(tmp_path / "store"), QUERY, "-f", "json", *choice])
        assert exit_info.value.code == 0
        answers.append(json.loads(capsysbinary.readouterr().out))
    assert answers[0] == answers[1] == answers[2]
    assert {b["verb"]["value"] for b in answers[0]["results"]["bindings"]} >= {"成立", "开展"}
