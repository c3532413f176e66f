"""The two networkx views of a lawgraph graph (see :mod:`lawgraph.analysis`): :func:`to_networkx`.

Both are read from an Oxigraph store (:func:`~lawgraph.analysis.source.as_store`) by the queries of
:mod:`~lawgraph.analysis.reading`. The entities view can be built for a part of the graph only
(``nodes=``): it is then the part of the whole view between those nodes, with the same attributes, read
without reading the rest. Nodes come in IRI order and edges in the order of their ends and key, so a store
folder and a file with the same statements give the same view.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from lawgraph.analysis import reading
from lawgraph.analysis.outline import Head, Outline, read_kinds, read_outline
from lawgraph.analysis.source import as_store
from lawgraph.analysis.vocab import (
    ENTITY_KINDS,
    FULL_EDGE_LABELS,
    KIND_OF_TYPE,
    ROLE_LABELS,
    SCOPED,
    STRUCTURE_PREDICATES,
    VIEWS,
    local_name,
    prefixed,
)

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

__all__ = ["to_networkx", "entities_view"]

_STRUCTURE_PREDICATE_OF_ROLE = {role: predicate for predicate, role in STRUCTURE_PREDICATES.items()}
_NO_FIELDS = reading.IndicatorFields(None, None, None, None, None)


def to_networkx(
    graph: Graph | Any,
    *,
    view: Literal["entities", "full"] = "entities",
    nodes: Iterable[str] | None = None,
) -> nx.MultiDiGraph:
    """Turn a lawgraph RDF graph into a :class:`networkx.MultiDiGraph`.

    Parameters
    ----------
    graph : rdflib.Graph or pyoxigraph.Store
        A graph or Dataset as :func:`lawgraph.build` returns, or an Oxigraph store; a Dataset or store is
        read as the union of its graphs (without the ontology's and the store's bookkeeping graphs).
    view : {"entities", "full"}
        ``"entities"`` projects actions to labelled entity-to-entity edges; ``"full"`` keeps actions,
        reports and indicators as nodes (see the module documentation).
    nodes : iterable of str, optional
        Only these nodes (IRIs) and the edges between them, with the attributes they have in the whole
        view; ``G.graph["total_nodes"]`` and ``G.graph["total_edges"]`` then give the size of the whole view.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are IRI strings. ``G.graph["reports"]`` maps report IRIs to titles and ``G.graph["view"]``
        names the view.

    Raises
    ------
    ValueError
        If ``view`` is not one of :data:`VIEWS`.
    """
    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}, not {view!r}")
    store = as_store(graph)
    if view == "entities":
        return entities_view(read_outline(store), nodes)
    G = _full_view(store)
    if nodes is None:
        return G
    H = G.subgraph({str(n) for n in nodes}).copy()
    H.graph.update(total_nodes=G.number_of_nodes(), total_edges=G.number_of_edges())
    return H


def entities_view(outline: Outline, nodes: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """The entities view of the store ``outline`` was read from (:func:`read_outline`), or its part
    between ``nodes``: labels, evidence, reports and indicators are read for those nodes only."""
    import networkx as nx

    store = outline.source
    keep = set(outline.kinds) if nodes is None else {str(n) for n in nodes} & set(outline.kinds)
    asked = None if nodes is None else keep
    reports = outline.report_reading()
    # The longest reads first, so that the two threads finish together.
    (links, facts), indicators, heads, present, reached = reading.together(
        lambda: reading.entity_edges(store, reports, asked),
        lambda: reading.indicators(store, asked),
        lambda: outline.heads(sorted(keep)),
        lambda: reading.node_reports(store, reports, asked),
        lambda: reading.target_reports(store, reports, asked),
    )
    node_reports: dict[str, set[str]] = defaultdict(set)
    for node, found in present.items():
        node_reports[node].update(found)
    # A target takes part in the report of each action that reaches it from another node.
    for target, pairs in reached.items():
        node_reports[target].update(rep for agent, rep in pairs if agent in outline.kinds)
    texts = {org: sorted(f.text() for f in found) for org, found in indicators.items()}

    G = nx.MultiDiGraph(view="entities", reports=dict(sorted(reports.titles.items())))
    if nodes is not None:
        G.graph.update(total_nodes=len(outline.kinds), total_edges=outline.edges)
    for node, head in heads.items():
        attrs = head.attrs()
        attrs["reports"] = tuple(sorted(node_reports.get(node, ())))
        attrs["indicators"] = tuple(texts.get(node, ()))
        G.add_node(node, **attrs)

    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    for agent, target, role, action in links:
        fact = facts[action]
        data = {
            "verb": fact.verb or "",
            "action": action,
            "action_type": fact.action_type,
            "status": fact.status,
            "evidence": fact.sentence,
            "report": fact.report or "",
            "report_title": reports.titles.get(fact.report, "") if fact.report is not None else "",
            "role": role,
            "label": fact.verb or ROLE_LABELS[role],
        }
        edges.append((agent, target, f"{action}#{role}", data))
    for child, parent, role in outline.structure:
        if child in keep and parent in keep:
            data = {"verb": ROLE_LABELS[role], "role": role, "label": ROLE_LABELS[role]}
            edges.append((child, parent, _STRUCTURE_PREDICATE_OF_ROLE[role], data))
    for u, v, key, data in sorted(edges, key=lambda e: e[:3]):
        if u in keep and v in keep:
            G.add_edge(u, v, key=key, **data)
    return G


def _full_view(store: Any) -> nx.MultiDiGraph:
    """The n-ary view: entities, reports, actions and indicators as nodes, every link between them."""
    import networkx as nx

    reports = reading.reports(store)
    kinds = read_kinds(store, ENTITY_KINDS + SCOPED)
    names = reading.labels(store)
    node_reports: dict[str, set[str]] = defaultdict(set)
    for node, found in reading.node_reports(store, reports, agents=False).items():
        node_reports[node].update(found)
    texts = {org: sorted(f.text() for f in found) for org, found in reading.indicators(store).items()}
    own_text = {obs: found[0].text() for obs, found in reading.indicators(store, by="obs").items() if found}
    scoped_types = [t for t, kind in KIND_OF_TYPE.items() if kind in ("action", "indicator")]
    facts = reading.scoped_facts(store, reports, scoped_types)

    G = nx.MultiDiGraph(view="full", reports=dict(sorted(reports.titles.items())))
    for node, (kind, cls) in kinds.items():
        own = names.get(node, {})
        label = reading.label_of(node, own)
        aliases = tuple(sorted({str(a) for a in own.get("alt", [])} - {label}))
        head = Head(label, cls, kind, aliases)
        attrs = head.attrs()
        found = set(node_reports.get(node, ()))
        if head.kind == "report":
            found.add(node)
        fact = facts.get(node)
        if head.kind in ("action", "indicator") and fact is not None and fact.report is not None:
            found.add(fact.report)
        attrs["reports"] = tuple(sorted(found))
        attrs["indicators"] = tuple(texts.get(node, ()))
        if head.kind in ("action", "indicator"):
            verb = fact.verb if fact is not None else None
            if head.kind == "action" and verb is not None:
                attrs["label"] = verb
            elif head.kind == "indicator":
                attrs["label"] = own_text.get(node, _NO_FIELDS.text())
            attrs["evidence"] = fact.sentence if fact is not None else ""
        G.add_node(node, **attrs)
    for s, p, o in sorted(reading.links(store), key=lambda spo: (spo[0], spo[2], spo[1])):
        if s in kinds and o in kinds:
            label = FULL_EDGE_LABELS.get(p, prefixed(p))
            G.add_edge(s, o, key=p, role=local_name(p), predicate=prefixed(p), label=label)
    return G
