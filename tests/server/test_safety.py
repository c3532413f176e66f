"""lawgraph.server.safety: SERVICE is refused before evaluation and opens no connection."""

from __future__ import annotations

import json
import socket
import time

import pytest

pytestmark = pytest.mark.server

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")


@pytest.mark.parametrize("keyword", ["SERVICE", "service", "\\u0053ERVICE", "SERVICE SILENT"])
def test_service_opens_no_connection(server, listener, keyword):
    q = f"SELECT * WHERE {{ {keyword} <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
    status, _, body = server.request(
        "POST", body=q.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert status == 400 and b"SERVICE" in body
    time.sleep(1.0)
    assert listener.count == 0
    # the listener does count connections: the check above could fail
    socket.create_connection(("127.0.0.1", listener.port), timeout=5).close()
    deadline = time.monotonic() + 5
    while listener.count == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert listener.count == 1


def test_the_word_service_inside_a_string_is_fine(server):
    q = 'SELECT ?x WHERE { BIND("SERVICE <http://127.0.0.1:1/>" AS ?x) } # SERVICE'
    status, _, body = server.request(
        params={"query": q}, headers={"Accept": "application/sparql-results+json"}
    )
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["x"]["value"].startswith("SERVICE")


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", True),
        ("SELECT * WHERE {SERVICE<http://x/>{?s ?p ?o}}", True),
        ("SELECT * WHERE { service silent ?endpoint { ?s ?p ?o } }", True),
        ("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", True),
        ("PREFIX ex: <http://e/> SELECT * { ?s ex:a\\#b ?o . SERVICE <http://x/> { ?s ?p ?o } }", True),
        ("SELECT * WHERE { ?s ?p '''x\n SERVICE''' }", False),
        ('SELECT * WHERE { ?s ?p "a\\" SERVICE" }', False),
        ("SELECT * WHERE { ?s <http://e/SERVICE> ?o } # SERVICE", False),
        ("PREFIX service: <http://e/> SELECT ?service WHERE { ?service service:x ?o }", False),
    ],
)
def test_find_service(query, refused):
    from lawgraph.server import find_service

    assert find_service(query) is refused
