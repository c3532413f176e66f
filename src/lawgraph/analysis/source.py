"""Reading a lawgraph graph: a file or store folder as a Dataset, and its statements as plain strings.

:func:`read_graph` opens what ``lawgraph build`` wrote. :func:`_triples` reads the distinct statements of any
graph, Dataset or Oxigraph store, leaving out the ontology and the store's bookkeeping graph, with IRIs as
plain strings and literals as :class:`_Text` (a string that remembers its language tag); the views and the
statistics are built from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rdflib import BNode, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.graph import ConjunctiveGraph, Dataset

from lawgraph.namespaces import ONTOLOGY_GRAPH, STORE_GRAPH

__all__ = ["read_graph"]

_SKIPPED_GRAPHS = frozenset({str(ONTOLOGY_GRAPH), str(STORE_GRAPH)})


def read_graph(source: str | Path) -> Dataset:
    """Read an RDF file (any format of :data:`lawgraph.rdf.FORMATS`) or a store folder as an rdflib Dataset.

    Parameters
    ----------
    source : str or Path
        ``graph.trig``, ``graph.nq``, ``graph.ttl`` … or a folder written by ``lawgraph build --store``.

    Returns
    -------
    rdflib.Dataset
        A Dataset backed by Oxigraph (oxrdflib) over :func:`lawgraph.store.read_source`: a store folder is
        opened read-only, a file is loaded into memory by :func:`lawgraph.rdf.load_file`.

    Raises
    ------
    InputError
        If the source is missing, of an unknown format or cannot be parsed.
    StoreError
        If the store folder cannot be opened.
    """
    from oxrdflib import OxigraphStore

    from lawgraph.store import read_source

    return Dataset(store=OxigraphStore(store=read_source(source)))


class _Text(str):
    """A literal's lexical form that remembers its language tag."""

    lang: str | None

    def __new__(cls, value: str, lang: str | None = None) -> _Text:
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj


def _oxigraph_of(graph: Any) -> Any | None:
    """The :class:`pyoxigraph.Store` behind ``graph`` (itself, or an rdflib graph on oxrdflib), if any."""
    import pyoxigraph as ox

    if isinstance(graph, ox.Store):
        return graph
    inner = getattr(getattr(graph, "store", None), "_inner", None)
    return inner if isinstance(inner, ox.Store) else None


def _ox_term(term: Any) -> Any:
    import pyoxigraph as ox

    if isinstance(term, ox.Literal):
        return _Text(term.value, term.language)
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value


def _rdflib_term(term: Any) -> Any:
    if isinstance(term, RDFLiteral):
        return _Text(str(term), term.language)
    if isinstance(term, BNode):
        return "_:" + str(term)
    return str(term)


def _triples(graph: Any, predicates: Iterable[str] | None = None) -> Iterator[tuple[Any, str, Any]]:
    """Distinct triples of ``graph`` (with one of ``predicates``, or all), IRIs as plain strings.

    A Dataset or store is read as the union of its graphs, leaving out the ontology and the store's
    bookkeeping graph: they describe lawgraph, not the reports. Oxigraph-backed graphs are read through
    pyoxigraph directly, which is many times faster than converting every term to rdflib.
    """
    preds: list[str | None] = [None] if predicates is None else list(predicates)
    store = _oxigraph_of(graph)
    if store is not None:
        import pyoxigraph as ox

        skipped = {ox.NamedNode(g) for g in _SKIPPED_GRAPHS}
        for pred in preds:
            seen: set[tuple[Any, str, Any]] = set()
            pattern = None if pred is None else ox.NamedNode(pred)
            for q in store.quads_for_pattern(None, pattern, None, None):
                if q.graph_name in skipped:
                    continue
                triple = (_ox_term(q.subject), q.predicate.value, _ox_term(q.object))
                if triple not in seen:
                    seen.add(triple)
                    yield triple
        return
    for pred in preds:
        triple_pattern = (None, None if pred is None else URIRef(pred), None)
        if isinstance(graph, ConjunctiveGraph | Dataset):
            # The store's own iterator: Dataset.quads warns (deprecations) once per quad in rdflib 7.
            seen_rdf: set[Any] = set()
            for triple, contexts in graph.store.triples(triple_pattern, context=None):
                if triple in seen_rdf:
                    continue
                if all(str(getattr(c, "identifier", c)) in _SKIPPED_GRAPHS for c in contexts):
                    continue
                seen_rdf.add(triple)
                s, p, o = triple
                yield _rdflib_term(s), str(p), _rdflib_term(o)
        else:
            for s, p, o in graph.triples(triple_pattern):
                yield _rdflib_term(s), str(p), _rdflib_term(o)


def _count_triples(graph: Any) -> int:
    store = _oxigraph_of(graph)
    if store is None:
        return sum(1 for _ in _triples(graph))
    skipped = ", ".join(f"<{g}>" for g in sorted(_SKIPPED_GRAPHS))
    query = (
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { { ?s ?p ?o } UNION "
        f"{{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({skipped})) }} }} }}"
    )
    return int(next(iter(store.query(query)))["n"].value)
