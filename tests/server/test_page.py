"""lawgraph.server.page: the browser page has no external reference."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.server

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")


def test_browser_page_is_self_contained(server):
    status, headers, body = server.request(path=server.url.replace("/sparql", "/"))
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "<textarea" in page and "example-data" in page
    assert "<script src" not in page and "<link" not in page and "cdn" not in page.lower()
