"""The two networkx views of a lawgraph graph (see :mod:`lawgraph.analysis`): :func:`to_networkx`."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, Literal

from rdflib import Graph

from lawgraph.analysis.index import _entity_nodes, _Index, _indicator_text, _report_of, _reports
from lawgraph.analysis.vocab import (
    _ACTIVITY,
    _FULL_EDGE_LABELS,
    _ROLE_PREDICATES,
    _SCOPED,
    _STRUCTURE_PREDICATES,
    ENTITY_KINDS,
    ROLE_LABELS,
    VIEWS,
    _local,
    _prefixed,
)
from lawgraph.namespaces import (
    ITSRDF,
    LG,
    NIF,
    PROV,
    RDF,
    SDMX_ATTRIBUTE,
    SDMX_DIMENSION,
    SDMX_MEASURE,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["to_networkx"]


def to_networkx(graph: Graph | Any, *, view: Literal["entities", "full"] = "entities") -> nx.MultiDiGraph:
    """Turn a lawgraph RDF graph into a :class:`networkx.MultiDiGraph`.

    Parameters
    ----------
    graph : rdflib.Graph or pyoxigraph.Store
        A graph or Dataset as :func:`lawgraph.build` returns, or an Oxigraph store; a Dataset or store is
        read as the union of its graphs (without the ontology's and the store's bookkeeping graphs).
    view : {"entities", "full"}
        ``"entities"`` projects actions to labelled entity-to-entity edges; ``"full"`` keeps actions,
        reports and indicators as nodes (see the module documentation).

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
    import networkx as nx

    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}, not {view!r}")
    full = view == "full"
    index = _Index.of(graph, keep_other=full)
    reports, context_report = _reports(index)
    kinds = ENTITY_KINDS + (_SCOPED if full else ())
    nodes = _entity_nodes(index, kinds)

    in_report = index.single(LG.inReport)
    evidence = index.single(LG.evidence)
    ref_context = index.single(NIF.referenceContext)
    anchor = index.single(NIF.anchorOf)
    types = index.mapping(RDF.type)

    node_reports: dict[Any, set[Any]] = defaultdict(set)
    # Mentions place an entity in a report: mention -taIdentRef-> entity, mention -referenceContext-> text.
    for mention, entity in index.pairs(ITSRDF.taIdentRef):
        rep = context_report.get(ref_context.get(mention))
        if entity in nodes and rep is not None:
            node_reports[entity].add(rep)

    # Indicators become details of the organization that reports them.
    cache = {
        "phrase": index.single(LG.countedPhrase),
        "written": index.single(LG.writtenForm),
        "value": index.single(SDMX_MEASURE.obsValue),
        "unit": index.single(SDMX_ATTRIBUTE.unitMeasure),
        "period": index.single(SDMX_DIMENSION.refPeriod),
    }
    node_indicators: dict[Any, list[str]] = defaultdict(list)
    for obs, org in index.pairs(LG.reportingOrganization):
        if org in nodes:
            node_indicators[org].append(_indicator_text(obs, index, cache))
            rep = _report_of(obs, in_report, evidence, ref_context, context_report)
            if rep is not None:
                node_reports[org].add(rep)

    G = nx.MultiDiGraph(view=view, reports={str(k): v for k, v in sorted(reports.items())})
    verbs = index.single(LG.verb)
    action_types = index.single(LG.actionType)
    statuses = index.single(LG.status)
    agents = index.mapping(PROV.wasAssociatedWith)
    targets: dict[Any, list[tuple[str, Any]]] = defaultdict(list)
    for pred, role in _ROLE_PREDICATES.items():
        for action, target in index.pairs(pred):
            targets[action].append((role, target))

    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    if full:
        from rdflib.extras.external_graph_libs import rdflib_to_networkx_multidigraph

        kept = [(s, p, o) for s, p, o in index.other if s in nodes and o in nodes]
        # rdflib's converter iterates any iterable of triples; each statement becomes one keyed edge.
        sub = rdflib_to_networkx_multidigraph(
            kept,  # type: ignore[arg-type]
            edge_attrs=lambda s, p, o: {
                "key": str(p),
                "role": _local(p),
                "predicate": _prefixed(p),
                "label": _FULL_EDGE_LABELS.get(p, _prefixed(p)),
            },
            transform_s=str,
            transform_o=str,
        )
        for action in nodes:
            if nodes[action]["kind"] in ("action", "indicator"):
                rep = _report_of(action, in_report, evidence, ref_context, context_report)
                if rep is not None:
                    node_reports[action].add(rep)
        for rep in reports:
            if rep in nodes:
                node_reports[rep].add(rep)
        for u, v, key, data in sub.edges(keys=True, data=True):
            edges.append((str(u), str(v), key, data))
    else:
        for action, action_agents in agents.items():
            if not (types.get(action) and _ACTIVITY in types[action]):
                continue
            rep = _report_of(action, in_report, evidence, ref_context, context_report)
            sentence = evidence.get(action)
            verb = str(verbs[action]) if action in verbs else None
            common = {
                "verb": verb or "",
                "action": str(action),
                "action_type": _local(action_types[action]) if action in action_types else "",
                "status": _local(statuses[action]) if action in statuses else "",
                "evidence": str(anchor.get(sentence, "")) if sentence is not None else "",
                "report": str(rep) if rep is not None else "",
                "report_title": reports.get(rep, "") if rep is not None else "",
            }
            for agent in sorted(set(action_agents), key=str):
                if agent not in nodes:
                    continue
                if rep is not None:
                    node_reports[agent].add(rep)
                for role, target in sorted(set(targets.get(action, ())), key=lambda rt: (rt[0], str(rt[1]))):
                    if target not in nodes or target == agent:
                        continue
                    if rep is not None:
                        node_reports[target].add(rep)
                    data = dict(common, role=role, label=verb or ROLE_LABELS[role])
                    edges.append((str(agent), str(target), f"{action}#{role}", data))
    for pred, role in _STRUCTURE_PREDICATES.items():
        if full:
            continue  # already among the IRI-valued statements
        for child, parent in sorted(set(index.pairs(pred)), key=lambda cp: (str(cp[0]), str(cp[1]))):
            if child in nodes and parent in nodes and child != parent:
                data = {"verb": ROLE_LABELS[role], "role": role, "label": ROLE_LABELS[role]}
                edges.append((str(child), str(parent), str(pred), data))

    for node in sorted(nodes, key=str):
        attrs = dict(nodes[node])
        attrs["reports"] = tuple(sorted(str(r) for r in node_reports.get(node, ())))
        attrs["indicators"] = tuple(sorted(node_indicators.get(node, ())))
        if attrs["kind"] in ("action", "indicator"):
            if attrs["kind"] == "action" and node in verbs:
                attrs["label"] = str(verbs[node])
            elif attrs["kind"] == "indicator":
                attrs["label"] = _indicator_text(node, index, cache)
            sentence = evidence.get(node)
            attrs["evidence"] = str(anchor.get(sentence, "")) if sentence is not None else ""
        G.add_node(str(node), **attrs)
    for u, v, key, data in edges:
        G.add_edge(u, v, key=key, **data)
    return G
