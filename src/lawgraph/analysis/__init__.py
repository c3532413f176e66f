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

The package has one module per job: :mod:`~lawgraph.analysis.source` reads a file or store and its
statements, :mod:`~lawgraph.analysis.vocab` names the node kinds, classes and edge roles,
:mod:`~lawgraph.analysis.index` gathers what the views need in one pass, :mod:`~lawgraph.analysis.views`
builds them, :mod:`~lawgraph.analysis.summary` computes :func:`stats`, :mod:`~lawgraph.analysis.selection`
picks the part worth drawing and :mod:`~lawgraph.analysis.export` writes GraphML and GEXF.

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
from lawgraph.analysis.selection import find_nodes, select_nodes
from lawgraph.analysis.source import read_graph
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
    "to_exportable",
    "find_nodes",
    "select_nodes",
    "NETWORK_FORMATS",
    "write_network",
]
