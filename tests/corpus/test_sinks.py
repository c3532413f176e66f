"""lawgraph.corpus.sinks: batched loads into a store, and batches pushed to a real SPARQL server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from lawgraph.corpus import BuildEvent, build_corpus
from lawgraph.errors import OutputError

sys.path.insert(0, str(Path(__file__).parent))
from corpus_helpers import REPORTS, as_oxigraph, report_graphs  # noqa: E402


def test_a_generator_of_inputs_streams_into_a_store_in_batches(corpus: Path, tmp_path: Path) -> None:
    events: list[BuildEvent] = []
    summary = build_corpus(
        (str(corpus / name) for name in sorted(REPORTS)),
        store=tmp_path / "store",
        batch_bytes=1,  # one report per bulk load
        on_event=events.append,
    )
    assert summary.built == 3
    assert [e.kind for e in events].count("flushed") == 3
    assert len(report_graphs(tmp_path / "store")) == 3


@pytest.fixture()
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real `oxigraph serve` on a free loopback port; yields its Graph Store endpoint."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(binary).is_file():
        pytest.skip("the `oxigraph` server (pip package `oxigraph`) is not installed")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "remote"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("oxigraph serve did not start")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/store"
    finally:
        proc.terminate()
        proc.wait(10)


def test_push_sends_each_report_graph_and_the_shared_descriptions(
    corpus: Path, tmp_path: Path, oxigraph_server: str
) -> None:
    build_corpus([corpus], output=tmp_path / "serial.nq")
    first = build_corpus([corpus], push=oxigraph_server, jobs=2)
    again = build_corpus([corpus], push=oxigraph_server)  # graphs replaced, descriptions merged: no copies
    assert first.built == again.built == 3
    request = urllib.request.Request(oxigraph_server, headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as response:
        (tmp_path / "remote.nq").write_bytes(response.read())
    assert as_oxigraph(tmp_path / "remote.nq") == as_oxigraph(tmp_path / "serial.nq")


def test_shards_hold_the_graph_of_a_serial_build_and_load_on_their_own(corpus: Path, tmp_path: Path) -> None:
    build_corpus([corpus], output=tmp_path / "serial.nq")
    summary = build_corpus([corpus], shards=tmp_path / "shards", shard_bytes=1, jobs=2)
    shards = sorted((tmp_path / "shards").iterdir())
    assert summary.shard_count == len(shards) == len(REPORTS)  # one report per shard at 1 byte a shard
    assert [p.name for p in shards] == [f"shard-{k:05d}.nq" for k in range(1, len(REPORTS) + 1)]
    joined = tmp_path / "joined.nq"
    joined.write_bytes(b"".join(p.read_bytes() for p in shards))
    assert as_oxigraph(joined) == as_oxigraph(tmp_path / "serial.nq")
    for shard in shards:  # each shard is a graph of its own: whole reports and their descriptions
        assert as_oxigraph(shard)


def test_shards_go_only_into_a_new_or_empty_folder_and_a_failed_build_leaves_none(
    corpus: Path, tmp_path: Path
) -> None:
    used = tmp_path / "used"
    used.mkdir()
    (used / "keep.nq").write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="not an empty folder"):
        build_corpus([corpus], shards=used)
    assert [p.name for p in used.iterdir()] == ["keep.nq"]
    failed = build_corpus([tmp_path / "missing"], shards=tmp_path / "none")
    assert failed.all_failed and not (tmp_path / "none").exists()
