"""lawgraph.server.pool: the time limit kills a heavy query and the server recovers."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from server_helpers import HEAVY  # noqa: E402

pytestmark = pytest.mark.server

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")


def test_time_limit_cancels_a_heavy_query_and_the_server_recovers(server):
    started = time.monotonic()
    status, _, body = server.request(params={"query": HEAVY})
    assert status == 503 and b"time limit of 2 s" in body
    assert time.monotonic() - started < 25  # bounded: cancelled, not finished
    for _ in range(3):  # the killed worker was replaced; the endpoint still answers
        status, _, body = server.request(params={"query": "ASK { ?s a lg:Court }"},
                                         headers={"Accept": "application/sparql-results+json"})
        assert status == 200 and json.loads(body)["boolean"] is True
