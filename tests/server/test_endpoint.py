"""lawgraph.server.endpoint: the URL it prints, store folders and files as sources, a bad source."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from server_helpers import ORGS, Served, local_json  # noqa: E402

pytestmark = pytest.mark.server

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")


def test_prints_a_localhost_url(server):
    assert server.url.startswith("http://127.0.0.1:") and server.url.endswith("/sparql")


@pytest.mark.parametrize("mode", [["--no-memory"], ["--memory"]], ids=["on-disk", "in-memory"])
def test_store_folder_source(tmp_path, trig, mode):
    from lawgraph.store import load_rdf_file, open_oxigraph

    store = open_oxigraph(tmp_path / "store")
    load_rdf_file(trig, store=store)
    store.flush()
    del store
    served = Served(tmp_path / "store", *mode)
    try:
        client = SPARQLWrapper.SPARQLWrapper(served.url)
        client.setQuery(ORGS)
        client.setReturnFormat(SPARQLWrapper.JSON)
        expected = local_json(trig, ORGS)["results"]["bindings"]
        assert client.query().convert()["results"]["bindings"] == expected
    finally:
        served.stop()


def test_file_served_from_a_temporary_store_with_cors(trig, server):
    served = Served(trig, "--no-memory", "--cors")
    try:
        status, headers, body = served.request(params={"query": "ASK { ?s a lg:Court }"},
                                               headers={"Accept": "application/sparql-results+json"})
        assert status == 200 and json.loads(body)["boolean"] is True
        assert headers["Access-Control-Allow-Origin"] == "*"
        status, headers, _ = served.request("OPTIONS")
        assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
        # without --cors, no CORS header
        _, headers, _ = server.request(params={"query": "ASK {}"})
        assert "Access-Control-Allow-Origin" not in headers
    finally:
        served.stop()


def test_bad_source_exits_with_one_line(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "lawgraph", "serve", str(tmp_path / "none.trig"), "--port", "0"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode != 0 and proc.stdout == ""
    expected = f"lawgraph: {tmp_path / 'none.trig'}: no such file or store folder"
    assert proc.stderr.strip().splitlines() == [expected]


@pytest.mark.corpus
def test_saved_queries_on_the_founding_report_equal_local_results(corpus_dir, tmp_path):
    api = pytest.importorskip("lawgraph.api", reason="the build pipeline (lawgraph.api) has not landed yet")
    from lawgraph.queries import list_saved, load_saved

    report = corpus_dir / "lanzhou-new-area-2022.txt"
    if not report.is_file():
        pytest.skip(f"{report} is missing")
    path = tmp_path / "founding.trig"
    api.build([report]).serialize(path, format="trig")
    served = Served(path)
    try:
        nonempty = 0
        for name in list_saved():
            client = SPARQLWrapper.SPARQLWrapper(served.url)
            client.setQuery(load_saved(name))
            client.setReturnFormat(SPARQLWrapper.JSON)
            remote = client.query().convert()
            local = local_json(path, load_saved(name))
            assert remote == local, name
            nonempty += bool(local["results"]["bindings"])
        assert nonempty >= 3  # the comparison is not between empty tables
    finally:
        served.stop()
