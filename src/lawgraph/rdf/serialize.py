"""Every RDF file lawgraph reads or writes goes through here: one format table, the readers, the writers.

The format follows the file's extension or an explicit ``format`` name (:data:`FORMATS`, :func:`rdf_format`);
every format can be read and written:

===================  ==========  ============================================================
extension            format      what is kept
===================  ==========  ============================================================
``.nq``              N-Quads     every quad: the default graph and one named graph per report
``.trig``            TriG        every quad
``.jsonld``          JSON-LD     every quad (named graphs as ``@graph``)
``.ttl``             Turtle      the union of all graphs, as triples
``.nt``              N-Triples   the union of all graphs, as triples
``.rdf``, ``.owl``   RDF/XML     the union of all graphs, as triples
``.n3``              N3          the union of all graphs, as triples
===================  ==========  ============================================================

Readers: :func:`read_quads` (a list of quads, for rdflib and SHACL) and :func:`load_file` (straight into a
:class:`pyoxigraph.Store`, for querying, serving and analysis). :func:`lawgraph.store.read_source`,
:func:`lawgraph.validate.load_graph` and :func:`lawgraph.analysis.read_graph` are thin adaptors over them.

Writers: :func:`write_quads` sorts, so the same quads always give the same bytes: N-Quads and N-Triples line
by line (as ``sort`` would, in bytes); the other formats default graph first, then each named graph, with
subjects, predicates and objects in code point order. :func:`write_stream` writes quads in the order they
come, without holding them, for a whole store. Files are written to a temporary file beside the target and
moved into place with :func:`os.replace`, so an existing file is never left truncated.

Examples
--------
>>> import pyoxigraph as ox
>>> q = ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"),
...             ox.Literal("甲"), ox.NamedNode("https://example.org/g"))
>>> serialize_quads([q, q], format="nq")
b'<https://example.org/a> <https://example.org/p> "\\xe7\\x94\\xb2" <https://example.org/g> .\\n'
>>> rdf_format("graph.ttl").name, rdf_format("ontology.owl").name
('Turtle', 'RDF/XML')
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
import rdflib

from lawgraph.atomic import atomic_write, check_writable, write_atomically
from lawgraph.errors import InputError, OutputError
from lawgraph.namespaces import PREFIXES

__all__ = [
    "FORMATS",
    "rdf_format",
    "input_format",
    "output_format",
    "sort_quads",
    "serialize_quads",
    "write_quads",
    "write_stream",
    "read_quads",
    "load_file",
    "check_writable",
    "atomic_write",
    "quads_to_dataset",
    "quads_to_graph",
    "to_rdflib",
]

FORMATS: dict[str, ox.RdfFormat] = {
    "nq": ox.RdfFormat.N_QUADS,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
    "ttl": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdf": ox.RdfFormat.RDF_XML,
    "xml": ox.RdfFormat.RDF_XML,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "owl": ox.RdfFormat.RDF_XML,
    "n3": ox.RdfFormat.N3,
}
"""Format names and file extensions (without the dot) lawgraph reads and writes: the one table, for every
command and function that takes an RDF file."""

_SHOWN = ("ttl", "trig", "nt", "nq", "jsonld", "rdf", "owl", "n3")
"""The names error messages suggest (one or two per format)."""

_PREFIXED = {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML, ox.RdfFormat.N3}
_LINE_BASED = {ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def rdf_format(path: str | os.PathLike[str] | None = None, format: str | None = None) -> ox.RdfFormat:
    """The RDF format named by ``format``, else by the extension of ``path``.

    Parameters
    ----------
    path : str or PathLike, optional
        A file name whose extension names the format (``graph.trig``).
    format : str, optional
        A name from :data:`FORMATS` (``nq``, ``trig``, ``jsonld``, ``ttl``, ``nt``, ``rdf`` …); wins over
        the extension.

    Raises
    ------
    ValueError
        When the name or extension is not an RDF format lawgraph knows.
    """
    if format is not None:
        key = format.lower().lstrip(".")
        if key not in FORMATS:
            raise ValueError(f"unknown RDF format {format!r}; use one of {', '.join(_SHOWN)}")
        return FORMATS[key]
    if path is None:
        raise ValueError("give a file name with an RDF extension or a format")
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(
            f"unsupported extension {Path(path).suffix or '(none)'!r}; use one of "
            f"{', '.join('.' + name for name in _SHOWN)}"
        )
    return FORMATS[suffix]


def input_format(path: str | os.PathLike[str], format: str | None = None) -> ox.RdfFormat:
    """:func:`rdf_format` for a file to read: an unknown format is an :class:`~lawgraph.errors.InputError`.

    >>> input_format("graph.n3").name
    'N3'
    """
    try:
        return rdf_format(path, format)
    except ValueError as err:
        raise InputError(Path(path), str(err)) from None


def output_format(path: str | os.PathLike[str], format: str | None = None) -> ox.RdfFormat:
    """:func:`rdf_format` for a file to write: an unknown format is an :class:`~lawgraph.errors.OutputError`.

    >>> output_format("graph.out", "json-ld").name
    'JSON-LD'
    """
    try:
        return rdf_format(path, format)
    except ValueError as err:
        raise OutputError(Path(path), str(err)) from None


def _graph_key(graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> tuple[int, str]:
    return (0, "") if isinstance(graph, ox.DefaultGraph) else (1, str(graph))


def sort_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Quads without duplicates, in a stable order: default graph first, then by graph, subject, predicate,
    object (compared as their N-Quads text)."""
    unique = set(quads)
    return sorted(
        unique, key=lambda q: (_graph_key(q.graph_name), str(q.subject), str(q.predicate), str(q.object))
    )


def _prefixes(fmt: ox.RdfFormat) -> dict[str, str] | None:
    """The prefixes a format is written with. Resource IRIs stay whole: ``lgr:org\\/…`` would be legal
    Turtle but hard to read."""
    return {k: v for k, v in PREFIXES.items() if k != "lgr"} if fmt in _PREFIXED else None


def serialize_quads(quads: Iterable[ox.Quad], *, format: str | ox.RdfFormat) -> bytes:
    """The serialization of ``quads`` in ``format``, sorted and without duplicates.

    Formats without named graphs (Turtle, N-Triples, RDF/XML) get the union of all graphs.
    """
    fmt = format if isinstance(format, ox.RdfFormat) else rdf_format(format=format)
    items: list[ox.Quad] | list[ox.Triple]
    if fmt in _LINE_BASED:  # the lines are sorted below; no need to order the terms first
        items = list(set(quads)) if fmt.supports_datasets else list({q.triple for q in quads})
    elif fmt.supports_datasets:
        items = sort_quads(quads)
    else:
        items = list(dict.fromkeys(q.triple for q in sort_quads(quads)))
    data = ox.serialize(items, format=fmt, prefixes=_prefixes(fmt)) or b""
    if fmt in _LINE_BASED:
        # One statement per line: sort the lines themselves, so `sort -c` holds and `sort -m` merges builds.
        lines = data.splitlines(keepends=True)
        lines.sort()
        data = b"".join(lines)
    return data


def write_quads(
    quads: Iterable[ox.Quad], path: str | os.PathLike[str], *, format: str | None = None
) -> Path:
    """Serialize ``quads`` to ``path`` atomically; the format follows ``format`` or the extension.

    Raises
    ------
    OutputError
        For an unsupported extension or format, or a file that cannot be written.
    """
    target = Path(path)
    fmt = output_format(target, format)
    check_writable(target)
    return atomic_write(target, serialize_quads(quads, format=fmt))


def write_stream(
    quads: Iterable[ox.Quad], path: str | os.PathLike[str], *, format: str | None = None
) -> Path:
    """Serialize ``quads`` to ``path`` atomically in the order they come, without holding them all.

    For a whole store (:func:`lawgraph.corpus.build_corpus` writes one this way): the quads are not sorted
    or deduplicated, so the bytes follow the store's order. Formats without named graphs get the union.

    Raises
    ------
    OutputError
        For an unsupported extension or format, or a file that cannot be written.
    """
    target = Path(path)
    fmt = output_format(target, format)
    check_writable(target)
    items: Iterable[ox.Quad] | Iterable[ox.Triple] = (
        quads if fmt.supports_datasets else (q.triple for q in quads)
    )

    def write(fh: IO[Any]) -> None:
        ox.serialize(items, fh, format=fmt, prefixes=_prefixes(fmt))

    return write_atomically(target, write)


def _source(path: str | os.PathLike[str], format: str | None) -> tuple[Path, ox.RdfFormat]:
    """An RDF file to read, and its format; the checks every reader makes first."""
    source = Path(path)
    if source.is_dir():
        raise InputError(source, "is a directory, not an RDF file")
    fmt = input_format(source, format)
    if not source.is_file():
        raise InputError(source, "no such file")
    return source, fmt


def _parse_error(source: Path, fmt: ox.RdfFormat, err: Exception) -> InputError:
    if isinstance(err, SyntaxError):
        return InputError(source, f"not valid {fmt.name}: {err}")
    reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
    return InputError(source, f"cannot be read as {fmt.name}: {reason}")


def read_quads(path: str | os.PathLike[str], *, format: str | None = None) -> list[ox.Quad]:
    """Parse an RDF file into quads (triples of triple-only formats land in the default graph).

    Raises
    ------
    InputError
        When the file is missing, empty, of an unknown format or not valid RDF.
    """
    source, fmt = _source(path, format)
    try:
        data = source.read_bytes()
    except OSError as err:
        raise _parse_error(source, fmt, err) from err
    if not data.strip():
        raise InputError(source, "file is empty")
    try:
        return list(ox.parse(data, format=fmt))
    except (SyntaxError, ValueError) as err:
        raise _parse_error(source, fmt, err) from err


def load_file(
    path: str | os.PathLike[str], *, store: ox.Store | None = None, format: str | None = None
) -> ox.Store:
    """Bulk-load an RDF file into ``store`` (a new in-memory store by default); TriG, N-Quads and JSON-LD
    keep their named graphs.

    Faster than :func:`read_quads` for big files: Oxigraph parses the file itself, and no quad becomes a
    Python object. An empty file gives an empty store.

    Raises
    ------
    InputError
        The file is missing, of an unknown format or not valid RDF.
    """
    source, fmt = _source(path, format)
    target = store if store is not None else ox.Store()
    try:
        target.bulk_load(path=str(source), format=fmt)
    except (SyntaxError, OSError, ValueError) as err:
        raise _parse_error(source, fmt, err) from err
    return target


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> rdflib.term.Identifier:
    """The rdflib term of a pyoxigraph term; a quoted triple (RDF-star) raises :class:`TypeError`."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(datatype))
    raise TypeError(f"cannot convert {term!r} to rdflib")


def _bind(graph: rdflib.Graph) -> None:
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)


def quads_to_dataset(quads: Iterable[ox.Quad]) -> rdflib.Dataset:
    """An :class:`rdflib.Dataset` holding ``quads``: the same default and named graphs.

    The dataset's default graph is the union of all graphs for queries (``default_union=True``), so
    ``SELECT * WHERE { ?report a lg:Report }`` finds reports without a ``GRAPH`` clause. Its queries pass
    :func:`lawgraph.sparql_guard.check_query` first: ``SERVICE`` is refused, never followed.
    """
    from lawgraph.sparql_guard import guarded_memory_store

    dataset = rdflib.Dataset(store=guarded_memory_store(), default_union=True)
    _bind(dataset)
    graphs: dict[str, rdflib.Graph] = {}
    for quad in quads:
        triple = (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object))
        if isinstance(quad.graph_name, ox.DefaultGraph):
            dataset.default_graph.add(triple)
            continue
        name = quad.graph_name.value
        graph = graphs.get(name)
        if graph is None:
            graph = graphs[name] = dataset.graph(rdflib.URIRef(name))
        graph.add(triple)
    return dataset


def quads_to_graph(quads: Iterable[ox.Quad]) -> rdflib.Graph:
    """An :class:`rdflib.Graph` of the union of all graphs in ``quads`` (what SHACL validation reads)."""
    graph = rdflib.Graph()
    _bind(graph)
    add = graph.add
    for quad in quads:
        add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph
