"""`lawgraph stats` and `lawgraph export`: JSON, a GEXF file, one-line errors."""

from __future__ import annotations

import json

import networkx as nx
import pytest


def test_cli_stats_export(hand_dataset, tmp_path, capsys):
    from lawgraph.cli import main

    trig = tmp_path / "g.trig"
    hand_dataset.serialize(trig, format="trig")
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", str(trig), "--json", "--top", "2"])
    assert exit_info.value.code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["nodes"] == 10 and out["top_degree"][0] == ["张掖市司法局", 5]

    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(trig), "-o", str(tmp_path / "g.gexf")])
    assert exit_info.value.code == 0
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == 10

    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(trig), "-o", str(tmp_path / "g.txt")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "g.txt" in err and "Traceback" not in err

    with pytest.raises(SystemExit) as exit_info:
        main(["stats", str(tmp_path / "nothing.trig")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nothing.trig" in err
