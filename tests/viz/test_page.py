"""lawgraph.viz.page: the self-contained page, escaped data, atomic writes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from lawgraph.analysis import to_networkx
from lawgraph.errors import OutputError
from lawgraph.viz import render_html, to_pyvis, write_html

sys.path.insert(0, str(Path(__file__).parent))
from viz_helpers import page_data  # noqa: E402

# Any attribute, CSS url() or @import that would make the browser fetch something.
_EXTERNAL = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""",
    re.IGNORECASE,
)


def test_page_is_self_contained(hand_dataset):
    html = render_html(to_pyvis(hand_dataset), title="测试页面")
    assert not _EXTERNAL.findall(html)
    for host in ("node_modules", "cdnjs", "jsdelivr", "unpkg", "bootstrap"):
        assert host not in html, host
    assert "<title>测试页面</title>" in html
    assert not re.search(r"<script[^>]*\bsrc\s*=", html) and not re.search(r"<link[^>]*stylesheet", html)
    assert "vis.Network" in html and ".vis-network" in html  # vis-network's script and styles are inlined
    data = page_data(html)
    assert len(data["nodes"]) == 10
    assert data["options"]["physics"]["stabilization"]["enabled"] is True


def test_page_escapes_data(hand_dataset):
    G = to_networkx(hand_dataset)
    node = next(iter(G))
    G.nodes[node]["label"] = "</script><script>alert(1)</script>"
    html = render_html(to_pyvis(G))
    assert "<script>alert(1)" not in html
    assert any(n["label"] == "</script><script>alert(1)</script>" for n in page_data(html)["nodes"])


def test_write_html_atomic(hand_dataset, tmp_path):
    path = write_html(to_pyvis(hand_dataset), tmp_path / "g.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["g.html"]
    with pytest.raises(OutputError):
        write_html(to_pyvis(hand_dataset), tmp_path / "missing" / "g.html")
