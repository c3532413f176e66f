"""Serialization: every format round-trips through pyoxigraph; output is deterministic and atomic."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

sys.path.insert(0, str(Path(__file__).parent))
from facts_fixture import make_facts, make_second_facts  # noqa: E402

from lawgraph.errors import InputError, OutputError  # noqa: E402
from lawgraph.rdf import (  # noqa: E402
    facts_to_quads,
    quads_to_dataset,
    quads_to_graph,
    rdf_format,
    read_quads,
    serialize_quads,
    write_quads,
)


@pytest.fixture(scope="module")
def quads():
    return facts_to_quads(make_facts()) + facts_to_quads(make_second_facts())


DATASET_FORMATS = ["nq", "trig", "jsonld"]
TRIPLE_FORMATS = ["ttl", "nt", "rdf"]


@pytest.mark.parametrize("ext", DATASET_FORMATS)
def test_dataset_formats_round_trip(tmp_path, quads, ext):
    path = write_quads(quads, tmp_path / f"g.{ext}")
    back = set(ox.parse(path=str(path)))
    assert back == set(quads)
    assert any(not isinstance(q.graph_name, ox.DefaultGraph) for q in back)


@pytest.mark.parametrize("ext", TRIPLE_FORMATS)
def test_triple_formats_hold_the_union(tmp_path, quads, ext):
    path = write_quads(quads, tmp_path / f"g.{ext}")
    back = {q.triple for q in ox.parse(path=str(path))}
    assert back == {q.triple for q in quads}


@pytest.mark.parametrize("fmt", ["turtle", "nquads", "json-ld", "xml"])
def test_format_option_wins_over_extension(tmp_path, quads, fmt):
    path = write_quads(quads, tmp_path / "graph.out", format=fmt)
    parsed = set(ox.parse(path=str(path), format=rdf_format(format=fmt)))
    assert {q.triple for q in parsed} == {q.triple for q in quads}


def test_read_quads_reads_what_write_wrote(tmp_path, quads):
    path = write_quads(quads, tmp_path / "g.trig")
    assert set(read_quads(path)) == set(quads)


def test_deterministic_bytes(quads):
    forward = serialize_quads(quads, format="nq")
    backward = serialize_quads(list(reversed(quads)) + quads[:5], format="nq")
    assert forward == backward
    lines = forward.splitlines()
    assert lines[0].endswith(b" .") and len(lines) == len(set(quads))
    assert serialize_quads(quads, format="trig") == serialize_quads(quads[::-1], format="trig")


def test_turtle_uses_prefixes(quads):
    text = serialize_quads(quads, format="ttl").decode()
    assert "@prefix skos: <http://www.w3.org/2004/02/skos/core#> ." in text
    assert "skos:prefLabel \"甲市司法局\"@zh" in text


def test_unsupported_extension(tmp_path, quads):
    with pytest.raises(OutputError, match="unsupported extension '.docx'"):
        write_quads(quads, tmp_path / "g.docx")
    assert not (tmp_path / "g.docx").exists()


def test_missing_folder(tmp_path, quads):
    with pytest.raises(OutputError, match="does not exist"):
        write_quads(quads, tmp_path / "nope" / "g.nq")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder_keeps_old_file(tmp_path, quads):
    folder = tmp_path / "ro"
    folder.mkdir()
    old = folder / "g.nq"
    old.write_text("old content\n")
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="not writable"):
            write_quads(quads, old)
    finally:
        folder.chmod(0o755)
    assert old.read_text() == "old content\n"


def test_failed_serialization_leaves_old_file(tmp_path, monkeypatch, quads):
    old = tmp_path / "g.nq"
    old.write_text("old content\n")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    import lawgraph.rdf.serialize as serialize

    real_fsync = os.fsync
    monkeypatch.setattr(serialize.os, "fsync", boom)
    with pytest.raises(OutputError, match="No space left"):
        write_quads(quads, old)
    monkeypatch.setattr(serialize.os, "fsync", real_fsync)
    assert old.read_text() == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.nq"]  # no temp file left behind


def test_read_quads_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_quads(tmp_path / "missing.nq")
    empty = tmp_path / "empty.ttl"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_quads(empty)
    bad = tmp_path / "bad.ttl"
    bad.write_bytes(b"this is not turtle <<<")
    with pytest.raises(InputError, match="not valid Turtle"):
        read_quads(bad)


def test_rdflib_dataset_keeps_graphs(quads):
    ds = quads_to_dataset(quads)
    named = {str(g.identifier) for g in ds.graphs() if isinstance(g.identifier, rdflib.URIRef)}
    expected = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    assert expected <= named
    assert len(list(ds.quads((None, None, None, None)))) == len(set(quads))
    rows = ds.query("SELECT (COUNT(?r) AS ?n) WHERE { ?r a lg:Report }")
    assert [int(row[0]) for row in rows] == [2]
    graph = quads_to_graph(quads)
    assert len(graph) == len({q.triple for q in quads})


# One format table for every reader and writer (issue 14): .owl and .n3 used to pass the store's readers but
# not build/validate, .json-ld the other way round.
ALL_SUFFIXES = ["nq", "nquads", "trig", "jsonld", "json-ld", "ttl", "turtle", "nt", "ntriples", "rdf", "xml",
                "rdfxml", "owl", "n3"]


@pytest.mark.parametrize("ext", ALL_SUFFIXES)
def test_every_suffix_is_written_and_read_back_by_every_reader(tmp_path, quads, ext):
    from lawgraph.store import load_rdf_file, rdf_format_for, read_source
    from lawgraph.validate import load_graph

    path = write_quads(quads, tmp_path / f"g.{ext}")
    fmt = rdf_format(path)
    assert rdf_format_for(path) == fmt
    expected = set(quads) if fmt.supports_datasets else {ox.Quad(*q.triple) for q in quads}
    assert set(read_quads(path)) == expected
    # A store keeps the same statements (Oxigraph writes offsets back as xsd:integer).
    assert len(load_rdf_file(path)) == len(read_source(path)) == len(expected)
    assert len(load_graph(path)) == len({q.triple for q in quads})


def test_the_store_readers_and_read_quads_give_the_same_errors(tmp_path):
    from lawgraph.rdf import load_file

    for reader in (read_quads, load_file):
        with pytest.raises(InputError, match="no such file"):
            reader(tmp_path / "missing.nq")
        with pytest.raises(InputError, match="is a directory"):
            reader(tmp_path)
        with pytest.raises(InputError, match="unsupported extension '.txt'"):
            reader(tmp_path / "notes.txt")
        bad = tmp_path / "bad.ttl"
        bad.write_bytes(b"this is not turtle <<<")
        with pytest.raises(InputError, match="not valid Turtle"):
            reader(bad)
    empty = tmp_path / "empty.nq"
    empty.write_bytes(b"")
    assert len(load_file(empty)) == 0  # an empty dataset to query; validate refuses it (read_quads)


def test_unknown_format_name(tmp_path, quads):
    with pytest.raises(OutputError, match="unknown RDF format 'docx'"):
        write_quads(quads, tmp_path / "g.nq", format="docx")


@pytest.mark.parametrize("ext", ["nq", "trig", "ttl", "jsonld"])
def test_write_stream_holds_what_write_quads_holds(tmp_path, quads, ext):
    from lawgraph.rdf import write_stream

    streamed = write_stream(iter(quads), tmp_path / f"s.{ext}")
    sorted_ = write_quads(quads, tmp_path / f"w.{ext}")
    assert set(read_quads(streamed)) == set(read_quads(sorted_))
    if ext == "ttl":  # the same prefixes: resource IRIs stay whole
        assert "lgr:" not in streamed.read_text(encoding="utf-8")
