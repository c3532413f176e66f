"""Helpers of the analysis tests: SPARQL prefixes, a graph copied into Oxigraph, a node by its label."""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from lawgraph.namespaces import PREFIXES

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def oxigraph_copy(ds) -> ox.Store:
    """The same data in Oxigraph, parsed from rdflib's own N-Quads."""
    store = ox.Store()
    store.load(ds.serialize(format="nquads").encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return store


def by_label(G: nx.MultiDiGraph, label: str) -> str:
    (node,) = [n for n, d in G.nodes(data=True) if d["label"] == label]
    return node
