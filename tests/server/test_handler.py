"""lawgraph.server.handler: updates refused, malformed queries get 400, big results 413."""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from server_helpers import Served  # noqa: E402

pytestmark = pytest.mark.server

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")


def test_update_is_refused(server):
    status, _, body = server.request("POST", body=urllib.parse.urlencode({"update": "DROP ALL"}).encode(),
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and b"read-only" in body
    status, _, _ = server.request(
        "POST", body=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"}
    )
    assert status == 403
    status, _, _ = server.request("POST", path=server.url.replace("/sparql", "/update"), body=b"CLEAR ALL",
                                  headers={"Content-Type": "application/sparql-update"})
    assert status == 403
    client = SPARQLWrapper.SPARQLWrapper(server.url)
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    client.setMethod(SPARQLWrapper.POST)
    with pytest.raises(Exception):  # noqa: B017 - SPARQLWrapper raises its own error classes per status
        client.query()
    status, _, body = server.request(params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"},
                                     headers={"Accept": "application/sparql-results+json"})
    assert json.loads(body)["boolean"] is False


def test_malformed_query_is_a_400_with_a_readable_message(server):
    status, headers, body = server.request(params={"query": "SELECT ?s WHERE { ?s ?p ?o }\nLIMT 3"})
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert body.decode().startswith("syntax error at line 2, column")
    status, _, body = server.request()
    assert status == 400 and b"query" in body


def test_result_size_limit(trig):
    served = Served(trig, "--max-result-bytes", "300")
    try:
        status, _, body = served.request(params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert status == 413 and b"300 bytes" in body
        status, _, _ = served.request(params={"query": "ASK { ?s ?p ?o }"})
        assert status == 200
    finally:
        served.stop()
