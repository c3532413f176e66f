"""The on-disk Oxigraph store: replacement per report, ontology graph, bookkeeping, rdflib interop."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from lawgraph.errors import InputError, StoreError
from lawgraph.namespaces import LGSTORE, ONTOLOGY_GRAPH, STORE_GRAPH
from lawgraph.store import (
    QUERY_MEMORY_BYTES,
    folder_bytes,
    is_store_dir,
    load_nquads_reports,
    load_ontology,
    load_rdf_file,
    load_report,
    load_reports,
    open_oxigraph,
    open_store,
    raw_store,
    read_source,
    remove_report,
    report_hashes,
    stored_reports,
)

P = ox.NamedNode("http://purl.org/dc/terms/title")

SHARED = ox.NamedNode("https://w3id.org/lawgraph/id/org/shared")

LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")


def report_quads(iri: str, titles: list[str]) -> list[ox.Quad]:
    g = ox.NamedNode(iri)
    quads = [ox.Quad(g, P, ox.Literal(t, language="zh"), g) for t in titles]
    quads.append(ox.Quad(SHARED, LABEL, ox.Literal("县司法局", language="zh")))  # default graph
    return quads


def graph_objects(store: ox.Store, iri: str) -> set[str]:
    return {q.object.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode(iri))}


@pytest.fixture
def store(tmp_path):
    s = open_oxigraph(tmp_path / "store")
    yield s
    del s


def test_reload_replaces_the_named_graph(store):
    iri = "https://w3id.org/lawgraph/id/report/a"
    assert load_report(store, iri, report_quads(iri, ["甲", "乙"]), name="a.txt", content_hash="h1") == 3
    assert load_report(store, iri, report_quads(iri, ["甲", "乙"]), name="a.txt", content_hash="h1") == 3
    assert graph_objects(store, iri) == {"甲", "乙"}
    # a rebuild with fewer facts leaves no stale fact behind
    load_report(store, iri, report_quads(iri, ["丙"]), name="a.txt", content_hash="h2")
    assert graph_objects(store, iri) == {"丙"}
    assert len(list(store.quads_for_pattern(SHARED, None, None, ox.DefaultGraph()))) == 1
    assert report_hashes(store) == {"a.txt": "h2"}


def test_changed_report_under_same_name_drops_its_old_graph(store):
    old, new = "https://w3id.org/lawgraph/id/report/old", "https://w3id.org/lawgraph/id/report/new"
    load_report(store, old, report_quads(old, ["旧"]), name="r.txt", content_hash="h-old")
    load_report(store, new, report_quads(new, ["新"]), name="r.txt", content_hash="h-new")
    assert not store.contains_named_graph(ox.NamedNode(old))
    assert graph_objects(store, new) == {"新"}
    assert set(stored_reports(store)) == {new}
    assert report_hashes(store) == {"r.txt": "h-new"}


def test_batch_loads_replace_too(store):
    a, b = "https://w3id.org/lawgraph/id/report/1", "https://w3id.org/lawgraph/id/report/2"
    for _ in range(2):
        batch = [(a, report_quads(a, ["一"]), "1.txt", "x"), (b, report_quads(b, ["二"]), "2.txt", "y")]
        n = load_reports(store, batch)
        assert n == 4
    assert graph_objects(store, a) == {"一"} and graph_objects(store, b) == {"二"}
    assert report_hashes(store) == {"1.txt": "x", "2.txt": "y"}
    assert stored_reports(store)[a].quads == 2
    with pytest.raises(StoreError, match="twice"):
        load_reports(store, [(a, [], None, None), (a, [], None, None)])


def test_nquads_batches_replace_and_record(store):
    iri = "https://w3id.org/lawgraph/id/report/nq"
    nq = ox.serialize(report_quads(iri, ["甲", "乙"]), format=ox.RdfFormat.N_QUADS)
    for _ in range(2):
        assert load_nquads_reports(store, [(iri, nq, "nq.txt", "h", 3)]) == 1
    assert graph_objects(store, iri) == {"甲", "乙"}
    assert stored_reports(store)[iri].quads == 3
    with pytest.raises(StoreError, match="N-Quads"):
        load_nquads_reports(store, [(iri, b"<not n-quads", "nq.txt", "h", 1)])


def test_remove_report(store):
    iri = "https://w3id.org/lawgraph/id/report/gone"
    load_report(store, iri, report_quads(iri, ["甲"]), name="g.txt", content_hash="h")
    assert remove_report(store, iri) is True
    assert not store.contains_named_graph(ox.NamedNode(iri))
    assert report_hashes(store) == {}
    assert remove_report(store, iri) is False


def test_ontology_has_its_own_graph_and_reloads_without_duplicates(store):
    n = load_ontology(store)
    assert n > 50
    assert load_ontology(store) == n
    graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
    assert len(list(store.quads_for_pattern(None, None, None, graph))) == n
    assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert stored_reports(store) == {}  # the ontology is not a report


def test_rdflib_dataset_over_the_store(tmp_path, hand_dataset):
    path = tmp_path / "store"
    ds = open_store(path)
    inner = raw_store(ds)
    trig = tmp_path / "hand.trig"
    hand_dataset.serialize(trig, format="trig")
    load_rdf_file(trig, store=inner)
    rows = list(ds.query(
        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?g { ?a a <http://www.w3.org/ns/prov#Activity> } }"
    ))
    from lawgraph.namespaces import PROV, RDF

    expected = len({s for s, _, _, _ in hand_dataset.quads((None, RDF.type, PROV.Activity, None))})
    assert int(rows[0][0]) == expected > 0
    inner.flush()
    del ds, inner
    assert is_store_dir(path)
    again = read_source(path)  # read-only
    assert len(again) == sum(1 for _ in hand_dataset.quads((None, None, None, None)))


def test_in_memory_copy_of_a_store_folder(tmp_path):
    """``memory=True`` reads the folder once into memory: same quads, and the folder is left as it was."""
    path = tmp_path / "store"
    disk = open_oxigraph(path)
    iri = "https://w3id.org/lawgraph/id/report/m"
    load_report(disk, iri, report_quads(iri, ["甲", "乙"]), name="m.txt", content_hash="h")
    disk.flush()
    expected = set(disk)
    del disk
    copy = read_source(path, memory=True)
    assert set(copy) == expected
    ds = open_store(path, memory=True)
    assert set(raw_store(ds)) == expected
    titles = {str(row[0]) for row in ds.query(f"SELECT ?t WHERE {{ GRAPH <{iri}> {{ ?r <{P.value}> ?t }} }}")}
    assert titles == {"甲", "乙"}
    raw_store(ds).remove(next(iter(expected)))  # a change to the copy ...
    assert set(read_source(path)) == expected  # ... is not saved
    with pytest.raises(StoreError, match="no Oxigraph store"):
        open_store(tmp_path / "missing", memory=True)


def test_small_store_folders_are_read_into_memory(tmp_path):
    """``memory=None``: a folder up to the limit is copied into memory (the copy can be changed), a bigger
    one is read on disk, opened read-only (it cannot)."""
    path = tmp_path / "store"
    disk = open_oxigraph(path)
    iri = "https://w3id.org/lawgraph/id/report/s"
    load_report(disk, iri, report_quads(iri, ["甲"]), name="s.txt", content_hash="h")
    disk.flush()
    del disk
    size = folder_bytes(path)
    assert 0 < size <= QUERY_MEMORY_BYTES
    quad = ox.Quad(SHARED, LABEL, ox.Literal("新的"))
    read_source(path, memory=None).add(quad)  # in memory: writable, and the folder is untouched
    on_disk = read_source(path, memory=None, limit=size - 1)
    with pytest.raises(RuntimeError, match="read-write"):
        on_disk.add(quad)
    assert quad not in set(read_source(path))


def test_bookkeeping_graph_is_separate(store):
    iri = "https://w3id.org/lawgraph/id/report/k"
    load_report(store, iri, report_quads(iri, ["甲"]), name="k.txt", content_hash="h")
    book = ox.NamedNode(str(STORE_GRAPH))
    recorded = {q.predicate.value for q in store.quads_for_pattern(ox.NamedNode(iri), None, None, book)}
    assert str(LGSTORE.contentHash) in recorded and str(LGSTORE.sourceName) in recorded
    # the report's own graph holds only its facts
    assert graph_objects(store, iri) == {"甲"}


def test_bad_inputs_are_one_line_errors(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="does not hold an Oxigraph store"):
        open_oxigraph(tmp_path / "notes")
    with pytest.raises(StoreError, match="no Oxigraph store"):
        open_oxigraph(tmp_path / "missing", read_only=True)
    with pytest.raises(StoreError, match="the folder .*nope does not exist"):
        open_oxigraph(tmp_path / "nope" / "store")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl"):
        load_rdf_file(bad)
    with pytest.raises(InputError, match="unsupported extension ..txt."):
        read_source(tmp_path / "notes" / "a.txt")


def test_second_writer_is_refused(tmp_path):
    first = open_oxigraph(tmp_path / "s")
    with pytest.raises(StoreError, match="another process|cannot open"):
        open_oxigraph(tmp_path / "s")
    del first
