"""lawgraph.viz: the page in headless Chromium with the network blocked."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lawgraph.viz import to_pyvis, write_html

REPO = Path(__file__).resolve().parents[2]

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
