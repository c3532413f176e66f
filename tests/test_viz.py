"""lawgraph.viz: the pyvis network, the self-contained page, and the page in a real browser, offline."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from lawgraph.analysis import to_networkx
from lawgraph.errors import InputError, OutputError
from lawgraph.viz import render_html, to_pyvis, write_html

REPO = Path(__file__).resolve().parent.parent

# Any attribute, CSS url() or @import that would make the browser fetch something.
_EXTERNAL = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""",
    re.IGNORECASE,
)


def _page_data(html: str) -> dict:
    match = re.search(r"var LAWGRAPH = (\{.*?\});\n", html)
    assert match, "the page carries its data"
    return json.loads(match.group(1))


def test_network_nodes_edges_and_hover_text(hand_dataset):
    G = to_networkx(hand_dataset)
    net = to_pyvis(G)
    assert len(net.nodes) == G.number_of_nodes()
    # Parallel edges with the same verb merge; with different verbs they stay apart.
    assert len(net.edges) == len({(u, v, d["label"]) for u, v, d in G.edges(data=True)})
    court = next(n for n in net.nodes if n["label"] == "张掖市中级人民法院")
    assert "类别：法院" in court["title"] and "市中院" in court["title"]
    assert court["shape"] == "dot" and court["cls"] == "Court"
    justice = next(n for n in net.nodes if n["label"] == "张掖市司法局")
    assert "办理行政复议案件：120件" in justice["title"]
    shapes = {n["kind"]: n["shape"] for n in net.nodes}
    assert (
        shapes["place"] == "triangle" and shapes["document"] == "square" and shapes["initiative"] == "diamond"
    )
    ids = {n["label"]: n["id"] for n in net.nodes}
    (edge,) = [
        e
        for e in net.edges
        if e["from"] == ids["张掖市人民政府"] and e["to"] == ids["张掖市法治政府建设领导小组"]
    ]
    assert edge["label"] == "成立"
    assert "市政府成立法治政府建设领导小组。" in edge["title"]
    assert "张掖市2023年法治政府建设情况的报告" in edge["title"]
    legend = {c["cls"]: c for c in net.lawgraph_meta["classes"]}
    assert legend["Court"]["name"] == "法院" and legend["Initiative"]["count"] == 2
    assert len(net.lawgraph_meta["reports"]) == 2


def test_full_view(hand_dataset):
    net = to_pyvis(hand_dataset, view="full")
    kinds = {n["kind"] for n in net.nodes}
    assert {"action", "report", "indicator"} <= kinds
    action = next(n for n in net.nodes if n["kind"] == "action" and n["label"] == "成立")
    assert action["evidence"] == "市政府成立法治政府建设领导小组。"


def test_cut_and_focus(hand_dataset):
    net = to_pyvis(hand_dataset, max_nodes=4)
    assert len(net.nodes) == 4
    assert net.lawgraph_meta["total_nodes"] == 10
    labels = {n["label"] for n in to_pyvis(hand_dataset, focus="市中院", hops=1).nodes}
    assert labels == {"张掖市中级人民法院", "张掖市司法局", "张掖市人民检察院"}
    assert len(to_pyvis(hand_dataset, max_nodes=0).nodes) == 10
    with pytest.raises(InputError):
        to_pyvis(hand_dataset, focus="没有这个名字")


def test_page_is_self_contained(hand_dataset):
    html = render_html(to_pyvis(hand_dataset), title="测试页面")
    assert not _EXTERNAL.findall(html)
    for host in ("node_modules", "cdnjs", "jsdelivr", "unpkg", "bootstrap"):
        assert host not in html, host
    assert "<title>测试页面</title>" in html
    assert not re.search(r"<script[^>]*\bsrc\s*=", html) and not re.search(r"<link[^>]*stylesheet", html)
    assert "vis.Network" in html and ".vis-network" in html  # vis-network's script and styles are inlined
    data = _page_data(html)
    assert len(data["nodes"]) == 10
    assert data["options"]["physics"]["stabilization"]["enabled"] is True


def test_page_escapes_data(hand_dataset):
    G = to_networkx(hand_dataset)
    node = next(iter(G))
    G.nodes[node]["label"] = "</script><script>alert(1)</script>"
    html = render_html(to_pyvis(G))
    assert "<script>alert(1)" not in html
    assert any(n["label"] == "</script><script>alert(1)</script>" for n in _page_data(html)["nodes"])


def test_write_html_atomic(hand_dataset, tmp_path):
    path = write_html(to_pyvis(hand_dataset), tmp_path / "g.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["g.html"]
    with pytest.raises(OutputError):
        write_html(to_pyvis(hand_dataset), tmp_path / "missing" / "g.html")


def test_cli_viz(hand_dataset, tmp_path, capsys):
    from lawgraph.cli import main

    trig = tmp_path / "g.trig"
    hand_dataset.serialize(trig, format="trig")
    with pytest.raises(SystemExit) as exit_info:
        main(["viz", str(trig), "-o", str(tmp_path / "g.html"), "--focus", "张掖市人民检察院"])
    assert exit_info.value.code == 0
    assert "2 nodes of 10" in capsys.readouterr().out
    assert len(_page_data((tmp_path / "g.html").read_text(encoding="utf-8"))["nodes"]) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["viz", str(trig), "-o", str(tmp_path / "h.html"), "--focus", "无此机构"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(trig) in err and "无此机构" in err


# --- the page in headless Chromium, network blocked ------------------------------------------------------

_CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _chromium() -> str:
    path = os.environ.get("LAWGRAPH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); .ci/run installs it")
    return path


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    executable = _chromium()
    with sync_api.sync_playwright() as p:
        # executable_path: Playwright drives the system chromium and never downloads a browser.
        b = p.chromium.launch(executable_path=executable, args=_CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Page:
    """An opened page with the record of what it tried to fetch and what it logged."""

    def __init__(self, browser, path: Path) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.requests: list[str] = []
        self.errors: list[str] = []

        def route(r):
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                self.requests.append(r.request.url)
                r.abort()

        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.lawgraphReady === true", timeout=120_000)

    def counts(self) -> tuple[int, int, int, int]:
        return tuple(
            self.page.evaluate(
                "[network.body.data.nodes.length, network.body.data.edges.length,"
                " lawgraphNodes.get({filter: n => !n.hidden}).length,"
                " lawgraphEdges.get({filter: e => !e.hidden}).length]"
            )
        )

    def search(self, text: str) -> list[str]:
        self.page.fill("#search", text)
        self.page.press("#search", "Enter")
        return self.page.evaluate("network.getSelectedNodes()")

    def screenshot(self, path: Path) -> int:
        """Save a screenshot and return how many distinct colours it has."""
        self.page.screenshot(path=str(path))
        image = pytest.importorskip("PIL.Image", reason="Pillow is needed to inspect the screenshot")
        with image.open(path) as img:
            return len(img.convert("RGB").getcolors(maxcolors=1 << 24) or ())

    def close(self) -> None:
        self.context.close()


@pytest.mark.browser
def test_page_offline_in_chromium(browser, hand_dataset, tmp_path):
    net = to_pyvis(hand_dataset)
    path = write_html(net, tmp_path / "graph.html")
    page = Page(browser, path)
    try:
        assert page.counts() == (len(net.nodes), len(net.edges), len(net.nodes), len(net.edges))
        found = page.search("张掖市中级人民法院")
        court = next(n["id"] for n in net.nodes if n["label"] == "张掖市中级人民法院")
        assert found == [court]
        assert page.page.text_content("#search-status") == "找到 1 个"
        assert "市中院" in page.page.text_content("#details")
        assert page.search("不存在的单位") == []
        assert page.page.text_content("#search-status") == "未找到"

        # Filter by report: the court's own report names the court and the procuratorate only.
        court_report = next(r["id"] for r in net.lawgraph_meta["reports"] if "法院" in r["title"])
        page.page.select_option("#report-filter", court_report)
        assert page.counts()[2:] == (2, 1)
        page.page.select_option("#report-filter", "")
        # Filter by class: the initiatives and the bodies linked to them.
        page.page.select_option("#class-filter", "Initiative")
        visible = page.page.evaluate("lawgraphNodes.get({filter: n => !n.hidden}).map(n => n.label)")
        assert sorted(visible) == sorted(["八五普法", "诉源治理协作机制", "张掖市司法局"])
        page.page.click("#reset")
        assert page.counts()[2:] == (len(net.nodes), len(net.edges))
        # Hover on a node shows its full name, class and aliases.
        page.page.click("#reset")
        x, y = page.page.evaluate(
            """id => { const p = network.canvasToDOM(network.getPositions([id])[id]);
                       const r = document.getElementById('mynetwork').getBoundingClientRect();
                       return [p.x + r.left, p.y + r.top]; }""",
            court,
        )
        page.page.mouse.move(x, y)
        tooltip = page.page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=10_000)
        text = tooltip.text_content()
        assert "张掖市中级人民法院" in text and "类别：法院" in text and "市中院" in text
        # The edge's hover text names the action, the evidence sentence and the report.
        ids = {n["label"]: n["id"] for n in net.nodes}
        title = page.page.evaluate(
            "([a, b]) => lawgraphEdges.get({filter: e => e.from === a && e.to === b})[0].title",
            [ids["张掖市人民政府"], ids["张掖市法治政府建设领导小组"]],
        )
        assert "成立" in title and "市政府成立法治政府建设领导小组。" in title
        assert "张掖市2023年法治政府建设情况的报告" in title
        # Legend lists every class drawn.
        assert page.page.locator("#legend > div").count() == len(net.lawgraph_meta["classes"])
        colours = page.screenshot(tmp_path / "graph.png")
        assert colours > 50, "the screenshot looks blank"
        assert page.errors == []
        assert page.requests == []
    finally:
        page.close()


@pytest.mark.browser
def test_full_view_offline_in_chromium(browser, hand_dataset, tmp_path):
    net = to_pyvis(hand_dataset, view="full")
    page = Page(browser, write_html(net, tmp_path / "full.html"))
    try:
        assert page.counts()[:2] == (len(net.nodes), len(net.edges))
        assert page.screenshot(tmp_path / "full.png") > 50
        assert page.errors == [] and page.requests == []
    finally:
        page.close()


@pytest.mark.browser
def test_empty_graph_page_in_chromium(browser, tmp_path):
    import networkx as nx

    page = Page(browser, write_html(to_pyvis(nx.MultiDiGraph(reports={})), tmp_path / "empty.html"))
    try:
        assert page.counts() == (0, 0, 0, 0)
        assert page.search("任何机构") == []
        assert page.errors == [] and page.requests == []
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.corpus
def test_founding_report_page_finds_the_court(browser, corpus_dir, tmp_path):
    api = pytest.importorskip("lawgraph.api", reason="lawgraph.build is not available yet")
    report = corpus_dir / "lanzhou-new-area-2022.txt"
    if not report.exists():
        pytest.skip(f"{report} is missing")
    net = to_pyvis(api.build([report]))
    page = Page(browser, write_html(net, tmp_path / "founding.html"))
    try:
        assert page.counts()[:2] == (len(net.nodes), len(net.edges))
        found = page.search("武威市中级人民法院")
        assert found, "the search box finds 武威市中级人民法院"
        labels = page.page.evaluate("ids => ids.map(id => lawgraphNodes.get(id).label)", found)
        assert "武威市中级人民法院" in labels
        assert page.screenshot(tmp_path / "founding.png") > 50
        assert page.errors == [] and page.requests == []
    finally:
        page.close()
