"""The on-disk Oxigraph store: open it, load reports into it, and remember what it holds.

A store is a folder written by `pyoxigraph <https://pyoxigraph.readthedocs.io>`_ (RocksDB). Its layout
follows the graph model of ``docs/DESIGN.md``:

- each report's facts sit in the report's named graph (graph IRI = the report IRI);
- entity descriptions shared across reports sit in the default graph;
- the ontology sits in :data:`~lawgraph.namespaces.ONTOLOGY_GRAPH`;
- :data:`~lawgraph.namespaces.STORE_GRAPH` records, per report, the name it was loaded under, its content
  hash, the number of quads and the load time, so incremental builds can skip unchanged reports.

Loading a report *replaces* its named graph (clear, then load), so rebuilding never duplicates a fact and
never leaves a stale one behind. When a report that was loaded under the same name has changed, its IRI
changes too (report IRIs come from the content hash) and the old graph is dropped.

Only one process may open a store for writing; any number may open it read-only.

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()  # in memory; open_oxigraph(path) opens a folder
>>> g = "https://w3id.org/lawgraph/id/report/0001"
>>> q = ox.Quad(ox.NamedNode(g), ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal("t"),
...             ox.NamedNode(g))
>>> load_report(store, g, [q], name="a.txt", content_hash="abc")
1
>>> load_report(store, g, [q], name="a.txt", content_hash="abc")  # replaced, not duplicated
1
>>> len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(g))))
1
>>> report_hashes(store)
{'a.txt': 'abc'}
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from lawgraph.errors import InputError, StoreError
from lawgraph.namespaces import LGSTORE, ONTOLOGY_GRAPH, STORE_GRAPH, XSD

__all__ = [
    "StoredReport",
    "open_store",
    "open_oxigraph",
    "raw_store",
    "is_store_dir",
    "load_report",
    "load_reports",
    "load_nquads_reports",
    "remove_report",
    "compact",
    "load_ontology",
    "ontology_path",
    "report_hashes",
    "stored_reports",
    "rdf_format_for",
    "load_rdf_file",
    "read_source",
    "folder_bytes",
    "QUERY_MEMORY_BYTES",
]

_STORE_GRAPH = ox.NamedNode(str(STORE_GRAPH))
_ONTOLOGY_GRAPH = ox.NamedNode(str(ONTOLOGY_GRAPH))
_SOURCE_NAME = ox.NamedNode(str(LGSTORE.sourceName))
_CONTENT_HASH = ox.NamedNode(str(LGSTORE.contentHash))
_QUAD_COUNT = ox.NamedNode(str(LGSTORE.quadCount))
_LOADED_AT = ox.NamedNode(str(LGSTORE.loadedAt))
_XSD_INTEGER = ox.NamedNode(str(XSD.integer))
_XSD_DATETIME = ox.NamedNode(str(XSD.dateTime))

@dataclass(frozen=True)
class StoredReport:
    """What a store records about one loaded report.

    Attributes
    ----------
    iri : str
        The report IRI, which is also its named graph.
    name : str or None
        The name the report was loaded under (usually its file name or corpus-relative path).
    content_hash : str or None
        The content hash given at load time (lawgraph uses the sha256 of the source bytes).
    quads : int
        Quads loaded for the report (its named graph and its shared descriptions).
    loaded_at : str or None
        ISO 8601 time of the load, UTC.
    """

    iri: str
    name: str | None
    content_hash: str | None
    quads: int
    loaded_at: str | None


def is_store_dir(path: str | Path) -> bool:
    """Whether ``path`` is a folder that holds an Oxigraph store (RocksDB's ``CURRENT`` file is there)."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").is_file()


def open_oxigraph(path: str | Path, *, read_only: bool = False, create: bool = True) -> ox.Store:
    """Open the Oxigraph store in folder ``path`` as a :class:`pyoxigraph.Store`.

    Parameters
    ----------
    path : str or Path
        The store folder. It is created when missing, unless ``read_only`` or ``create=False``.
    read_only : bool
        Open without taking the write lock; any number of readers may do so while a writer runs.
    create : bool
        Create the folder when it does not exist.

    Raises
    ------
    StoreError
        The folder is not a store, is locked by another process or cannot be read.
    """
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise StoreError(p, "is a file, not a store folder")
    if p.is_dir() and any(p.iterdir()) and not is_store_dir(p):
        raise StoreError(p, "is a folder that does not hold an Oxigraph store")
    if (read_only or not create) and not is_store_dir(p):
        raise StoreError(p, "no Oxigraph store here (build one with `lawgraph build ... --store DIR`)")
    if not p.exists() and not p.parent.is_dir():
        raise StoreError(p, f"cannot create the store: the folder {p.parent} does not exist")
    try:
        return ox.Store.read_only(str(p)) if read_only else ox.Store(str(p))
    except OSError as err:
        text = str(err)
        if "lock" in text.lower():
            raise StoreError(p, "is open for writing in another process (only one writer at a time)") from err
        raise StoreError(p, f"cannot open the store: {text.splitlines()[0] if text else err!r}") from err


def open_store(path: str | Path, *, read_only: bool = False, memory: bool = False) -> Any:
    """Open the store in ``path`` as an :class:`rdflib.Dataset` backed by Oxigraph (oxrdflib).

    Notebook code keeps the rdflib API (``triples``, ``query``, ``serialize`` …) while the data and the
    SPARQL engine are Oxigraph's.

    Parameters
    ----------
    path : str or Path
        The store folder; created when missing unless ``read_only`` or ``memory``.
    read_only : bool
        Open without the write lock.
    memory : bool
        Work on an in-memory copy (see :func:`memory_copy`): for a session of many queries, which then run
        about 10x faster than on disk, at the cost of the copy (about 9 s per million quads) and about
        0.5 kB of RAM per quad. The folder is opened read-only and changes to the copy are not saved.

    Returns
    -------
    rdflib.Dataset
        ``dataset.store._inner`` is the underlying :class:`pyoxigraph.Store`.

    Raises
    ------
    StoreError
        The folder cannot be opened (for ``memory``: it is not a store).

    Examples
    --------
    >>> import tempfile
    >>> ds = open_store(tempfile.mkdtemp() + "/store")
    >>> len(ds)
    0
    """
    from rdflib import Dataset

    from lawgraph.sparql_guard import guarded_rdflib_store

    if memory:
        inner = memory_copy(open_oxigraph(path, read_only=True))
    else:
        inner = open_oxigraph(path, read_only=read_only)
    return Dataset(store=guarded_rdflib_store(inner))  # every query is checked: no SERVICE, limits


def memory_copy(store: ox.Store) -> ox.Store:
    """An in-memory :class:`pyoxigraph.Store` holding every quad of ``store``.

    Queries on it skip the on-disk store's RocksDB seeks: the saved queries run about 10x faster (2-16x,
    ``bench/RESULTS.md``). ``lawgraph serve`` queries such a copy for stores up to 1 GiB.

    >>> disk_like = ox.Store()
    >>> disk_like.add(ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o")))
    >>> len(memory_copy(disk_like))
    1
    """
    copy = ox.Store()
    copy.bulk_extend(store)
    return copy


def raw_store(store: Any) -> ox.Store:
    """The :class:`pyoxigraph.Store` behind ``store``: a pyoxigraph Store, or an rdflib Graph or Dataset on
    oxrdflib.

    Raises
    ------
    StoreError
        ``store`` is not backed by Oxigraph.
    """
    if isinstance(store, ox.Store):
        return store
    inner = getattr(getattr(store, "store", None), "_inner", None)
    if isinstance(inner, ox.Store):
        return inner
    raise StoreError(
        None, f"expected an Oxigraph store or an oxrdflib-backed rdflib graph, got {type(store)!r}"
    )


def _literal_value(term: Any) -> str | None:
    return term.value if isinstance(term, ox.Literal) else None


def stored_reports(store: Any) -> dict[str, StoredReport]:
    """Every report the store records, keyed by report IRI."""
    ox_store = raw_store(store)
    fields: dict[str, dict[str, Any]] = {}
    for quad in ox_store.quads_for_pattern(None, None, None, _STORE_GRAPH):
        subject = quad.subject
        if not isinstance(subject, ox.NamedNode) or subject == _ONTOLOGY_GRAPH:
            continue
        fields.setdefault(subject.value, {})[quad.predicate.value] = _literal_value(quad.object)
    out = {}
    for iri, row in fields.items():
        count = row.get(_QUAD_COUNT.value)
        out[iri] = StoredReport(
            iri=iri,
            name=row.get(_SOURCE_NAME.value),
            content_hash=row.get(_CONTENT_HASH.value),
            quads=int(count) if count is not None else 0,
            loaded_at=row.get(_LOADED_AT.value),
        )
    return out


def report_hashes(store: Any) -> dict[str, str]:
    """``{name: content_hash}`` for every report loaded with both a name and a hash.

    An incremental build compares these with the hashes of its inputs and reprocesses only what changed.
    """
    return {
        r.name: r.content_hash
        for r in stored_reports(store).values()
        if r.name is not None and r.content_hash is not None
    }


def _record(
    report_iri: ox.NamedNode, *, name: str | None, content_hash: str | None, count: int
) -> list[ox.Quad]:
    now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    quads = [
        ox.Quad(report_iri, _QUAD_COUNT, ox.Literal(str(count), datatype=_XSD_INTEGER), _STORE_GRAPH),
        ox.Quad(report_iri, _LOADED_AT, ox.Literal(now, datatype=_XSD_DATETIME), _STORE_GRAPH),
    ]
    if name is not None:
        quads.append(ox.Quad(report_iri, _SOURCE_NAME, ox.Literal(name), _STORE_GRAPH))
    if content_hash is not None:
        quads.append(ox.Quad(report_iri, _CONTENT_HASH, ox.Literal(content_hash), _STORE_GRAPH))
    return quads


def _forget(ox_store: ox.Store, report_iri: ox.NamedNode) -> None:
    for quad in list(ox_store.quads_for_pattern(report_iri, None, None, _STORE_GRAPH)):
        ox_store.remove(quad)


def _drop(ox_store: ox.Store, report_iri: ox.NamedNode) -> None:
    if ox_store.contains_named_graph(report_iri):
        ox_store.remove_graph(report_iri)
    _forget(ox_store, report_iri)


def _clear_report(ox_store: ox.Store, report_iri: str, name: str | None) -> ox.NamedNode:
    """Drop a report's graph, and the graphs a report of the same name had under other IRIs, before a load."""
    graph = ox.NamedNode(report_iri)
    for stale in _stale_iris(ox_store, graph, name):
        _drop(ox_store, stale)
    _drop(ox_store, graph)
    return graph


def _stale_iris(ox_store: ox.Store, report_iri: ox.NamedNode, name: str | None) -> list[ox.NamedNode]:
    """Graphs loaded earlier under ``name`` with a different IRI: the report changed since."""
    if name is None:
        return []
    stale = []
    for quad in ox_store.quads_for_pattern(None, _SOURCE_NAME, ox.Literal(name), _STORE_GRAPH):
        subject = quad.subject
        if isinstance(subject, ox.NamedNode) and subject != report_iri:
            stale.append(subject)
    return stale


def _check_quads(quads: Iterable[ox.Quad], where: str) -> Iterator[ox.Quad]:
    for quad in quads:
        if not isinstance(quad, ox.Quad):
            raise StoreError(where, f"expected pyoxigraph.Quad objects, got {type(quad).__name__}")
        yield quad


def load_report(
    store: Any,
    report_iri: str,
    quads: Iterable[ox.Quad],
    *,
    name: str | None = None,
    content_hash: str | None = None,
) -> int:
    """Replace one report in ``store``: drop its named graph, load ``quads``, record it.

    Parameters
    ----------
    store : pyoxigraph.Store or rdflib.Dataset
        An open, writable store (see :func:`open_oxigraph`, :func:`open_store`).
    report_iri : str
        The report IRI, which names its graph.
    quads : iterable of pyoxigraph.Quad
        The report's quads: its named graph and its shared entity descriptions (default graph).
    name : str, optional
        The name the report is known by (file name or corpus-relative path). A report loaded earlier
        under the same name with another IRI (its content changed) is removed.
    content_hash : str, optional
        The content hash of the source, returned later by :func:`report_hashes`.

    Returns
    -------
    int
        The number of quads loaded.
    """
    ox_store = raw_store(store)
    graph = _clear_report(ox_store, report_iri, name)
    batch = list(_check_quads(quads, report_iri))
    try:
        ox_store.extend(batch)
        ox_store.extend(_record(graph, name=name, content_hash=content_hash, count=len(batch)))
    except OSError as err:
        raise StoreError(report_iri, f"cannot write to the store: {err}") from err
    return len(batch)


def load_reports(
    store: Any,
    reports: Iterable[tuple[str, Iterable[ox.Quad], str | None, str | None]],
    *,
    bulk: bool = True,
) -> int:
    """Replace many reports at once, with Oxigraph's bulk loader.

    Parameters
    ----------
    store : pyoxigraph.Store or rdflib.Dataset
        An open, writable store.
    reports : iterable of (report_iri, quads, name, content_hash)
        One tuple per report, as for :func:`load_report`.
    bulk : bool
        Use :meth:`pyoxigraph.Store.bulk_extend` (fast, not transactional: a crash mid-load can leave a
        partial batch, which the next build replaces). With ``False`` each report is one transaction.

    Returns
    -------
    int
        The number of quads loaded.
    """
    ox_store = raw_store(store)
    if not bulk:
        return sum(load_report(ox_store, iri, q, name=n, content_hash=h) for iri, q, n, h in reports)
    batch: list[ox.Quad] = []
    seen: set[str] = set()
    total = 0
    for report_iri, quads, name, content_hash in reports:
        if report_iri in seen:
            raise StoreError(report_iri, "appears twice in one batch")
        seen.add(report_iri)
        graph = _clear_report(ox_store, report_iri, name)
        start = len(batch)
        batch.extend(_check_quads(quads, report_iri))
        count = len(batch) - start
        total += count
        batch.extend(_record(graph, name=name, content_hash=content_hash, count=count))
    try:
        ox_store.bulk_extend(batch)
    except OSError as err:
        raise StoreError(None, f"cannot write to the store: {err}") from err
    return total


def load_nquads_reports(
    store: Any,
    reports: Iterable[tuple[str, bytes, str | None, str | None, int]],
    *,
    path: str | Path | None = None,
) -> int:
    """Replace many reports given as N-Quads bytes, with one bulk load (the corpus build's fast path).

    Parameters
    ----------
    store : pyoxigraph.Store or rdflib.Dataset
        An open, writable store.
    reports : iterable of (report_iri, nquads, name, content_hash, quad_count)
        One tuple per report: its IRI, the N-Quads of its named graph and shared descriptions, the name and
        hash to record (see :func:`load_report`) and its number of quads (recorded as is).
    path : str or Path, optional
        An N-Quads file holding the statements of every report of the batch, loaded from disk instead of
        the reports' bytes (which are then empty): a corpus build spools its batches, so they need no memory.

    Returns
    -------
    int
        The number of reports loaded.

    Raises
    ------
    StoreError
        The N-Quads do not parse or the store cannot be written.
    """
    ox_store = raw_store(store)
    chunks: list[bytes] = []
    records: list[ox.Quad] = []
    seen: set[str] = set()
    for report_iri, nquads, name, content_hash, count in reports:
        if report_iri in seen:
            raise StoreError(report_iri, "appears twice in one batch")
        seen.add(report_iri)
        graph = _clear_report(ox_store, report_iri, name)
        if nquads:
            chunks.append(nquads if nquads.endswith(b"\n") else nquads + b"\n")
        records.extend(_record(graph, name=name, content_hash=content_hash, count=int(count)))
    try:
        if path is not None:
            ox_store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        if chunks:
            ox_store.bulk_load(b"".join(chunks), format=ox.RdfFormat.N_QUADS)
        ox_store.extend(records)
    except SyntaxError as err:
        raise StoreError(None, f"invalid N-Quads in a batch of {len(seen)} reports: {err}") from err
    except OSError as err:
        raise StoreError(None, f"cannot write to the store: {err}") from err
    return len(seen)


def remove_report(store: Any, report_iri: str) -> bool:
    """Drop a report's named graph and its record. Returns whether the store held it."""
    ox_store = raw_store(store)
    graph = ox.NamedNode(report_iri)
    held = ox_store.contains_named_graph(graph) or any(
        True for _ in ox_store.quads_for_pattern(graph, None, None, _STORE_GRAPH)
    )
    _drop(ox_store, graph)
    return held


def compact(store: Any, *, where: str | Path | None = None) -> None:
    """Compact the store: one full RocksDB compaction (:meth:`pyoxigraph.Store.optimize`).

    Every bulk load adds files to the store, and every lookup a query makes seeks in each of them. On the
    bench corpus's store (1.6M quads) compacting took about 3 s and made the saved queries about 2× faster.

    Parameters
    ----------
    store : pyoxigraph.Store or rdflib.Dataset
        An open, writable store.
    where : str or Path, optional
        The store's folder, named in the error.

    Raises
    ------
    StoreError
        The store cannot be written.
    """
    try:
        raw_store(store).optimize()
    except OSError as err:
        raise StoreError(where, f"cannot compact the store: {err}") from err


def ontology_path() -> Path:
    """Where ``ontology/lawgraph.ttl`` is: in the source tree, or inside the installed package.

    Raises
    ------
    InputError
        The ontology file cannot be found.
    """
    from lawgraph import ontology

    try:
        return ontology.ontology_path()
    except FileNotFoundError as err:
        raise InputError("ontology/lawgraph.ttl", str(err)) from err


def load_ontology(store: Any, path: str | Path | None = None) -> int:
    """Replace :data:`~lawgraph.namespaces.ONTOLOGY_GRAPH` with the ontology (``ontology/lawgraph.ttl``)
    and, unless ``path`` names another file, the indicator scheme (``ontology/indicators.ttl``), so that
    queries on the store can read the concepts' labels and synonyms.

    Returns
    -------
    int
        The number of triples loaded.
    """
    from lawgraph.concepts.scheme import scheme_path

    ox_store = raw_store(store)
    sources = [Path(path)] if path is not None else [ontology_path(), scheme_path()]
    data = b""
    triples = []
    for source in sources:
        text = source.read_bytes()
        data += text
        try:
            triples += list(ox.parse(text, format=ox.RdfFormat.TURTLE, base_iri=str(ONTOLOGY_GRAPH)))
        except SyntaxError as err:
            raise InputError(source, f"invalid Turtle: {err}") from err
    _drop(ox_store, _ONTOLOGY_GRAPH)
    # The two files both describe lg:indicatorScheme: each statement once.
    quads = list(dict.fromkeys(ox.Quad(t.subject, t.predicate, t.object, _ONTOLOGY_GRAPH) for t in triples))
    digest = hashlib.sha256(data).hexdigest()
    ox_store.extend(quads)
    ox_store.extend(_record(_ONTOLOGY_GRAPH, name=None, content_hash=digest, count=len(quads)))
    return len(quads)


def rdf_format_for(path: str | Path) -> ox.RdfFormat:
    """The RDF format of a file to read, from its extension: :func:`lawgraph.rdf.serialize.input_format`.

    >>> rdf_format_for("graph.trig").name
    'TriG'

    Raises
    ------
    InputError
        The extension is not an RDF format.
    """
    from lawgraph.rdf.serialize import input_format

    return input_format(path)


def load_rdf_file(path: str | Path, *, store: ox.Store | None = None) -> ox.Store:
    """Parse an RDF file into ``store`` (a new in-memory store by default): :func:`lawgraph.rdf.load_file`.

    Raises
    ------
    InputError
        The file is missing, has an unknown extension or does not parse.
    """
    from lawgraph.rdf.serialize import load_file

    return load_file(path, store=store)


QUERY_MEMORY_BYTES = 4 * 2**20
"""``lawgraph query`` copies store folders up to this size on disk into memory (about 10k statements).

Copying costs about 11 µs of CPU per statement (18 s for the bench corpus's 1.6M) while one query on disk
costs about 10 µs per lookup it makes, so for a single query the copy pays only when the store is small
next to the query; above this size a query reads the store on disk (``bench/RESULTS.md``). ``lawgraph
serve``, which answers many queries from one copy, copies stores up to 1 GiB."""


def folder_bytes(path: str | Path) -> int:
    """The bytes of the files in folder ``path`` (a store's size on disk)."""
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def read_source(
    source: str | Path, *, memory: bool | None = False, limit: int = QUERY_MEMORY_BYTES
) -> ox.Store:
    """A store to read from: a store folder (opened read-only) or an RDF file (parsed into memory by
    :func:`lawgraph.rdf.load_file`).

    ``memory=True`` queries a store folder through an in-memory copy (:func:`memory_copy`); ``None`` does so
    for folders of at most ``limit`` bytes (:data:`QUERY_MEMORY_BYTES`) and reads larger ones on disk.

    Raises
    ------
    InputError
        ``source`` does not exist, or is neither a store folder nor a readable RDF file.
    StoreError
        The store folder cannot be opened.
    """
    p = Path(source)
    if p.is_dir():
        store = open_oxigraph(p, read_only=True)
        if memory is None:
            memory = folder_bytes(p) <= limit
        return memory_copy(store) if memory else store
    if not p.exists():
        raise InputError(p, "no such file or store folder")
    return load_rdf_file(p)
