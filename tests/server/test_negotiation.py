"""lawgraph.server.negotiation: SPARQLWrapper's answers equal a local query; formats by Accept header."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from server_helpers import ORGS, local_json  # noqa: E402

pytestmark = pytest.mark.server

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")


def test_sparqlwrapper_results_equal_local_query(server, trig):
    client = SPARQLWrapper.SPARQLWrapper(server.url)
    client.setQuery(ORGS)
    client.setReturnFormat(SPARQLWrapper.JSON)
    remote = client.query().convert()
    local = local_json(trig, ORGS)
    assert remote["head"] == local["head"]
    assert remote["results"]["bindings"] == local["results"]["bindings"]
    assert len(remote["results"]["bindings"]) == 5
    # POST (form-encoded) gives the same
    client.setMethod(SPARQLWrapper.POST)
    assert client.query().convert()["results"]["bindings"] == local["results"]["bindings"]


def test_post_sparql_query_body_and_content_negotiation(server):
    q = "SELECT ?label WHERE { ?c a lg:Court ; skos:prefLabel ?label }"
    status, headers, body = server.request("POST", body=q.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().splitlines() == ["label", "张掖市中级人民法院"]
    status, headers, body = server.request(
        params={"query": q}, headers={"Accept": "text/tab-separated-values"}
    )
    assert headers["Content-Type"].startswith("text/tab-separated-values")
    assert body.decode().splitlines()[1] == '"张掖市中级人民法院"@zh'
    status, headers, body = server.request(
        params={"query": q}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert "sparql-results+xml" in headers["Content-Type"] and b"<literal xml:lang=\"zh\">" in body
    construct = "CONSTRUCT { ?c skos:prefLabel ?l } WHERE { ?c a lg:Court ; skos:prefLabel ?l }"
    status, headers, body = server.request(params={"query": construct}, headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle") and b"skos:prefLabel" in body
    status, headers, body = server.request(
        params={"query": construct}, headers={"Accept": "application/n-triples"}
    )
    assert headers["Content-Type"].startswith("application/n-triples") and body.count(b" .\n") == 1
