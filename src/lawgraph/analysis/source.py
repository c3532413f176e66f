"""Reading a lawgraph graph: a file or store folder, and any graph as an Oxigraph store the views can ask.

:func:`read_graph` opens what ``lawgraph build`` wrote as an rdflib Dataset, for Python code that expects
rdflib. :func:`as_store` gives the :class:`pyoxigraph.Store` the views and statistics query
(:mod:`lawgraph.analysis.reading`): the store itself, the store behind an oxrdflib-backed rdflib graph,
or a copy in memory of any other rdflib graph. :class:`SourceText` is a literal's text that remembers its
language tag.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Dataset

__all__ = ["read_graph", "as_store"]


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
    from rdflib import Dataset

    from lawgraph.store import read_source

    return Dataset(store=OxigraphStore(store=read_source(source)))


class SourceText(str):
    """A literal's lexical form that remembers its language tag."""

    lang: str | None

    def __new__(cls, value: str, lang: str | None = None) -> SourceText:
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj


def ox_term(term: Any) -> Any:
    """An Oxigraph term as a plain value: IRI → str, literal → :class:`SourceText`, blank node →
    ``"_:id"``."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        return SourceText(term.value, term.language)
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term


def as_store(graph: Any) -> ox.Store:
    """The Oxigraph store to ask about ``graph``.

    Parameters
    ----------
    graph : pyoxigraph.Store or rdflib.Graph
        A store (returned as is), an rdflib Graph or Dataset backed by Oxigraph (its store), or any other
        rdflib Graph or Dataset, copied into a new in-memory store: each named graph of a Dataset stays a
        named graph, the rest goes to the default graph.

    Examples
    --------
    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("http://x/s"), URIRef("http://x/p"), Literal("甲", lang="zh")))
    >>> len(as_store(g))
    1
    """
    import pyoxigraph as ox

    if isinstance(graph, ox.Store):
        return graph
    inner = getattr(getattr(graph, "store", None), "_inner", None)
    if isinstance(inner, ox.Store):
        return inner
    from rdflib import BNode, Literal
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph, Dataset

    def term(value: Any) -> Any:
        if isinstance(value, Literal):
            if value.language:
                return ox.Literal(str(value), language=value.language)
            if value.datatype is not None:
                return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
            return ox.Literal(str(value))
        if isinstance(value, BNode):
            return ox.BlankNode(str(value))
        return ox.NamedNode(str(value))

    default_names = {DATASET_DEFAULT_GRAPH_ID}
    if isinstance(graph, Dataset):
        default_names.add(graph.default_graph.identifier)
    elif isinstance(graph, ConjunctiveGraph):
        default_names.add(graph.default_context.identifier)

    def graph_name(context: Any) -> Any:
        name = getattr(context, "identifier", context)
        if name in default_names:
            return ox.DefaultGraph()
        return ox.BlankNode(str(name)) if isinstance(name, BNode) else ox.NamedNode(str(name))

    store = ox.Store()
    if isinstance(graph, ConjunctiveGraph | Dataset):
        # The store's own iterator: Dataset.quads warns (deprecations) once per quad in rdflib 7.
        for (s, p, o), contexts in graph.store.triples((None, None, None), context=None):
            for context in contexts:
                store.add(ox.Quad(term(s), term(p), term(o), graph_name(context)))
    else:
        for s, p, o in graph:
            store.add(ox.Quad(term(s), term(p), term(o)))
    return store
