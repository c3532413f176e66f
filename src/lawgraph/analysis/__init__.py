"""networkx views of a lawgraph graph, and the statistics ``lawgraph stats`` prints.

Two views are offered by :func:`to_networkx`:

``"entities"`` (the default)
    One node per organization, place, named document and initiative. Every action (``prov:Activity``) is
    projected to readable entity-to-entity edges, one per agent and participant: the agent
    (``prov:wasAssociatedWith``) points at what the action generated, acted on, used, or did with a partner.
    Each edge carries the verb as written (成立, 印发 …), the action type, the evidence sentence and the
    report. ``org:subOrganizationOf`` and ``schema:containedInPlace`` add structural edges (隶属, 位于).
    Indicators (``qb:Observation``) become details of the organization that reports them.
``"full"``
    The n-ary view: entities, actions, reports and indicators are all nodes, and every IRI-valued statement
    between two of them (except ``rdf:type``) is an edge keyed by its predicate. Built with rdflib's own
    :func:`rdflib.extras.external_graph_libs.rdflib_to_networkx_multidigraph`.

Both views are :class:`networkx.MultiDiGraph` objects whose nodes are IRI strings with the attributes
``label``, ``cls`` (lawgraph class local name), ``kind``, ``aliases``, ``reports`` and ``indicators``.
``G.graph["reports"]`` maps each report IRI to its title.

Nothing here reads a graph whole. The views and the statistics ask an Oxigraph store (a store folder, or a
file or rdflib graph in memory) with SPARQL: counts and groupings are aggregates, and a view of part of
the graph (``to_networkx(..., nodes=...)``, the page ``lawgraph viz`` draws) reads the details of those
nodes only. On the bench corpus's store (1.6M quads, 9,457 nodes) ``lawgraph stats`` and ``lawgraph viz``
take a few seconds instead of the 20-40 s it took to read every statement into Python.

The package has one module per job: :mod:`~lawgraph.analysis.source` opens a file or store and gives any
graph as a store, :mod:`~lawgraph.analysis.vocab` names the node kinds, classes and edge roles,
:mod:`~lawgraph.analysis.reading` asks the store what the views need, :mod:`~lawgraph.analysis.outline`
holds the shape of a view (nodes and edge counts) and chooses the part worth drawing,
:mod:`~lawgraph.analysis.views` builds the views, :mod:`~lawgraph.analysis.summary` computes
:func:`stats` (with :mod:`~lawgraph.analysis.centrality`'s betweenness),
:mod:`~lawgraph.analysis.selection` picks the part of a networkx view worth drawing and
:mod:`~lawgraph.analysis.export` writes GraphML and GEXF.

Examples
--------
>>> from rdflib import Dataset, Literal, URIRef
>>> from lawgraph.namespaces import LG, ORG, RDF, SKOS, resource_iri
>>> ds = Dataset()
>>> court = URIRef(resource_iri("org", "某市中级人民法院"))
>>> for t in (ORG.Organization, LG.Court):
...     _ = ds.default_graph.add((court, RDF.type, t))
>>> _ = ds.default_graph.add((court, SKOS.prefLabel, Literal("某市中级人民法院", lang="zh")))
>>> G = to_networkx(ds)
>>> G.nodes[str(court)]["label"], G.nodes[str(court)]["cls"]
('某市中级人民法院', 'Court')
"""

from __future__ import annotations

from lawgraph.analysis.export import NETWORK_FORMATS, to_exportable, write_network
from lawgraph.analysis.outline import Outline, read_outline
from lawgraph.analysis.selection import find_nodes, select_nodes
from lawgraph.analysis.source import as_store, read_graph
from lawgraph.analysis.summary import GraphStats, stats
from lawgraph.analysis.views import to_networkx
from lawgraph.analysis.vocab import ENTITY_KINDS, ROLE_LABELS, VIEWS, node_class

__all__ = [
    "VIEWS",
    "ENTITY_KINDS",
    "ROLE_LABELS",
    "to_networkx",
    "node_class",
    "GraphStats",
    "stats",
    "read_graph",
    "as_store",
    "Outline",
    "read_outline",
    "to_exportable",
    "find_nodes",
    "select_nodes",
    "NETWORK_FORMATS",
    "write_network",
]
