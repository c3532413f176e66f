"""`lawgraph viz`: a focused page, and a one-line error for an unknown name."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "viz"))
from viz_helpers import page_data  # noqa: E402


def test_cli_viz(hand_dataset, tmp_path, capsys):
    from lawgraph.cli import main

    trig = tmp_path / "g.trig"
    hand_dataset.serialize(trig, format="trig")
    with pytest.raises(SystemExit) as exit_info:
        main(["viz", str(trig), "-o", str(tmp_path / "g.html"), "--focus", "张掖市人民检察院"])
    assert exit_info.value.code == 0
    assert "2 nodes of 10" in capsys.readouterr().out
    assert len(page_data((tmp_path / "g.html").read_text(encoding="utf-8"))["nodes"]) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["viz", str(trig), "-o", str(tmp_path / "h.html"), "--focus", "无此机构"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(trig) in err and "无此机构" in err
