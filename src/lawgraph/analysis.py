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

import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.graph import ConjunctiveGraph, Dataset

from lawgraph.errors import InputError, OutputError
from lawgraph.namespaces import (
    DCTERMS,
    ITSRDF,
    LG,
    NIF,
    ONTOLOGY_GRAPH,
    ORG,
    PREFIXES,
    PROV,
    QB,
    RDF,
    RDFS,
    SDMX_ATTRIBUTE,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    SDO,
    SKOS,
    STORE_GRAPH,
)

if TYPE_CHECKING:
    import networkx as nx

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
    "EXPORT_FORMATS",
    "write_graph",
]

VIEWS = ("entities", "full")
"""The views :func:`to_networkx` can build."""

ENTITY_KINDS = ("organization", "place", "document", "initiative")
"""Node kinds of the ``"entities"`` view; ``"full"`` adds ``action``, ``report`` and ``indicator``."""

ROLE_LABELS: dict[str, str] = {
    "generated": "产生",
    "actedOn": "作用于",
    "partner": "合作",
    "used": "依据",
    "subOrganizationOf": "隶属",
    "containedInPlace": "位于",
}
"""Chinese names of the edge roles (used when an action has no verb and for structural edges)."""

_ROLE_PREDICATES: dict[str, str] = {
    str(PROV.generated): "generated",
    str(LG.actedOn): "actedOn",
    str(LG.partner): "partner",
    str(PROV.used): "used",
}
_FULL_EDGE_LABELS: dict[str, str] = {
    str(PROV.wasAssociatedWith): "执行者",
    str(PROV.generated): "产生",
    str(LG.actedOn): "对象",
    str(LG.partner): "合作方",
    str(PROV.used): "依据",
    str(LG.place): "地点",
    str(LG.inReport): "所在报告",
    str(DCTERMS.creator): "发文单位",
    str(LG.addressee): "主送",
    str(LG.reportingOrganization): "报告单位",
    str(LG.fromAction): "来自行动",
    str(ORG.subOrganizationOf): "隶属",
    str(SDO.containedInPlace): "位于",
}
_STRUCTURE_PREDICATES: dict[str, str] = {
    str(ORG.subOrganizationOf): "subOrganizationOf",
    str(SDO.containedInPlace): "containedInPlace",
}
_KIND_OF_TYPE: dict[str, str] = {
    str(ORG.Organization): "organization",
    str(SDO.AdministrativeArea): "place",
    str(SDO.Place): "place",
    str(LG.PolicyDocument): "document",
    str(LG.Initiative): "initiative",
    str(PROV.Activity): "action",
    str(LG.Action): "action",
    str(LG.Report): "report",
    str(QB.Observation): "indicator",
    str(LG.Indicator): "indicator",
}
_DEFAULT_CLASS = {
    "organization": "OtherOrganization",
    "place": "Place",
    "document": "PolicyDocument",
    "initiative": "Initiative",
    "action": "Action",
    "report": "Report",
    "indicator": "Indicator",
}
# Generic lawgraph classes that name a kind rather than a subclass; a more specific one wins.
_GENERIC_CLASSES = frozenset({"Action", "Report", "Indicator", "PolicyDocument", "Initiative"})
_LG_NS = str(LG._NS)
_SKIPPED_GRAPHS = frozenset({str(ONTOLOGY_GRAPH), str(STORE_GRAPH)})
_TYPE = str(RDF.type)
_REPORT = str(LG.Report)
_ACTIVITY = str(PROV.Activity)

_WANTED = frozenset(
    str(p)
    for p in {
        RDF.type,
        SKOS.prefLabel,
        SKOS.altLabel,
        DCTERMS.title,
        RDFS.label,
        LG.verb,
        LG.actionType,
        PROV.wasAssociatedWith,
        LG.inReport,
        LG.evidence,
        NIF.anchorOf,
        NIF.referenceContext,
        LG.text,
        LG.fileName,
        ITSRDF.taIdentRef,
        LG.reportingOrganization,
        LG.countedPhrase,
        LG.writtenForm,
        SDMX_MEASURE.obsValue,
        SDMX_ATTRIBUTE.unitMeasure,
        SDMX_DIMENSION.refPeriod,
        *_ROLE_PREDICATES,
        *_STRUCTURE_PREDICATES,
    }
)


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


def _local(iri: Any) -> str:
    text = str(iri)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text


def _best_label(values: list[Any]) -> str | None:
    """Prefer a Chinese literal, then any literal; the smallest one for determinism."""
    if not values:
        return None
    zh = sorted(str(v) for v in values if isinstance(v, _Text) and (v.lang or "").startswith("zh"))
    return zh[0] if zh else sorted(str(v) for v in values)[0]


def node_class(types: Iterable[Any], kind: str) -> str:
    """The lawgraph class local name shown for a node: its most specific ``lg:`` type.

    >>> from lawgraph.namespaces import LG, ORG
    >>> node_class([ORG.Organization, LG.Court], "organization")
    'Court'
    >>> node_class([ORG.Organization], "organization")
    'OtherOrganization'
    """
    names = sorted(str(t)[len(_LG_NS) :] for t in types if str(t).startswith(_LG_NS))
    specific = [n for n in names if n not in _GENERIC_CLASSES]
    if specific:
        return specific[0]
    if names:
        return names[0]
    return _DEFAULT_CLASS.get(kind, kind)


@dataclass
class _Index:
    """The statements the views need, gathered in one pass over the graph."""

    by_pred: dict[Any, list[tuple[Any, Any]]] = field(default_factory=lambda: defaultdict(list))
    other: list[tuple[Any, Any, Any]] = field(default_factory=list)

    @classmethod
    def of(cls, graph: Any, *, keep_other: bool) -> _Index:
        index = cls()
        by_pred = index.by_pred
        for s, p, o in _triples(graph, None if keep_other else _WANTED):
            if p in _WANTED:
                by_pred[p].append((s, o))
            if keep_other and p != _TYPE and not isinstance(o, _Text):
                index.other.append((s, p, o))
        return index

    def pairs(self, pred: Any) -> list[tuple[Any, Any]]:
        return self.by_pred.get(str(pred), [])

    def mapping(self, pred: Any) -> dict[Any, list[Any]]:
        out: dict[Any, list[Any]] = defaultdict(list)
        for s, o in self.pairs(pred):
            out[s].append(o)
        return out

    def single(self, pred: Any) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for s, o in sorted(self.pairs(pred), key=lambda so: str(so[1])):
            out.setdefault(s, o)
        return out


def _reports(index: _Index) -> tuple[dict[Any, str], dict[Any, Any]]:
    """Report IRI → title, and NIF context → report IRI."""
    types = index.mapping(RDF.type)
    titles = index.single(DCTERMS.title)
    files = index.single(LG.fileName)
    reports = {s: str(titles.get(s) or files.get(s) or _local(s)) for s, ts in types.items() if _REPORT in ts}
    context_report = {ctx: rep for rep, ctx in index.pairs(LG.text) if rep in reports}
    return reports, context_report


def _report_of(
    node: Any,
    in_report: dict[Any, Any],
    evidence: dict[Any, Any],
    ref_context: dict[Any, Any],
    context_report: dict[Any, Any],
) -> Any | None:
    """The report a report-scoped node belongs to: ``lg:inReport``, else through its evidence sentence."""
    if node in in_report:
        return in_report[node]
    sentence = evidence.get(node)
    if sentence is None:
        return None
    return context_report.get(ref_context.get(sentence))


def _entity_nodes(index: _Index, kinds: tuple[str, ...]) -> dict[Any, dict[str, Any]]:
    types = index.mapping(RDF.type)
    pref = index.mapping(SKOS.prefLabel)
    title = index.mapping(DCTERMS.title)
    rdfs_label = index.mapping(RDFS.label)
    alt = index.mapping(SKOS.altLabel)
    nodes: dict[Any, dict[str, Any]] = {}
    for s, ts in types.items():
        found = [_KIND_OF_TYPE[t] for t in ts if t in _KIND_OF_TYPE]
        if not found:
            continue
        # A report is also a foaf:Document; an action is also an lg:Action: the first kind in KIND order wins.
        kind = min(found, key=lambda k: (ENTITY_KINDS + ("report", "action", "indicator")).index(k))
        if kind == "document" and _REPORT in ts:
            kind = "report"
        if kind not in kinds:
            continue
        label = (
            _best_label(pref.get(s, []))
            or _best_label(title.get(s, []))
            or _best_label(rdfs_label.get(s, []))
        )
        aliases = sorted({str(a) for a in alt.get(s, [])} - {label})
        nodes[s] = {
            "label": label or _local(s),
            "cls": node_class(ts, kind),
            "kind": kind,
            "aliases": tuple(aliases),
            "reports": (),
            "indicators": (),
        }
    return nodes


def _indicator_text(obs: Any, index: _Index, cache: dict[str, dict[Any, Any]]) -> str:
    phrase = cache["phrase"].get(obs)
    written = cache["written"].get(obs)
    if written is None:
        value, unit = cache["value"].get(obs), cache["unit"].get(obs)
        written = f"{value}{unit or ''}" if value is not None else ""
    period = cache["period"].get(obs)
    text = f"{phrase or '指标'}：{written}"
    return f"{text}（{str(period)[:4]}年）" if period is not None else text


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
    kinds = ENTITY_KINDS + (("action", "report", "indicator") if full else ())
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


def _prefixed(iri: Any) -> str:
    text = str(iri)
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return text


@dataclass(frozen=True)
class GraphStats:
    """What ``lawgraph stats`` reports about a graph."""

    triples: int
    """Distinct triples (the union of every graph of a Dataset)."""
    classes: tuple[tuple[str, int], ...]
    """``(prefixed class, distinct instances)``, most frequent first."""
    nodes: int
    """Nodes of the ``"entities"`` view."""
    edges: int
    """Edges of the ``"entities"`` view."""
    top_degree: tuple[tuple[str, int], ...]
    """``(organization label, degree)`` in the entities view, highest first."""
    top_betweenness: tuple[tuple[str, float], ...]
    """``(organization label, betweenness centrality)`` on the undirected entities view, highest first."""
    components: int
    """Weakly connected components of the entities view (isolated nodes count as components)."""
    component_sizes: tuple[int, ...]
    """Sizes of the largest components, largest first."""
    isolated: int
    """Entity nodes with no edge."""
    betweenness_sample: int | None = None
    """When set, betweenness was estimated from this many sampled source nodes (big graphs)."""

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "triples": self.triples,
            "classes": dict(self.classes),
            "nodes": self.nodes,
            "edges": self.edges,
            "top_degree": [list(x) for x in self.top_degree],
            "top_betweenness": [list(x) for x in self.top_betweenness],
            "components": self.components,
            "component_sizes": list(self.component_sizes),
            "isolated": self.isolated,
            "betweenness_sample": self.betweenness_sample,
        }


def stats(graph: Graph | Any, *, top: int = 10, exact_limit: int = 1000, sample: int = 300) -> GraphStats:
    """Counts per class, the most connected organizations and the connected components of ``graph``.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph or Dataset (read as the union of its graphs).
    top : int
        How many organizations to rank.
    exact_limit : int
        Betweenness is exact up to this many nodes.
    sample : int
        Above ``exact_limit``, betweenness is estimated from this many source nodes drawn with a fixed
        seed, so results repeat (exact betweenness costs one search per node).

    Returns
    -------
    GraphStats
    """
    import networkx as nx

    if top < 1:
        raise ValueError("top must be at least 1")
    if sample < 1:
        raise ValueError("sample must be at least 1")
    triples = _count_triples(graph)
    instances: dict[Any, set[Any]] = defaultdict(set)
    for s, _, o in _triples(graph, [_TYPE]):
        instances[o].add(s)
    classes = tuple(
        sorted(
            ((_prefixed(c), len(members)) for c, members in instances.items()), key=lambda x: (-x[1], x[0])
        )
    )

    G = to_networkx(graph, view="entities")
    orgs = [n for n, kind in G.nodes(data="kind") if kind == "organization"]
    label = dict(G.nodes(data="label"))
    degree = dict(G.degree(orgs))
    top_degree = tuple(
        (label[n], d) for n, d in sorted(degree.items(), key=lambda nd: (-nd[1], label[nd[0]]))[:top] if d > 0
    )
    simple = nx.Graph(G.to_undirected(as_view=True))
    used_sample = None
    if simple.number_of_nodes() > exact_limit:
        used_sample = min(sample, simple.number_of_nodes())
        between = nx.betweenness_centrality(simple, k=used_sample, seed=0)
    else:
        between = nx.betweenness_centrality(simple)
    top_between = tuple(
        (label[n], round(between[n], 6))
        for n in sorted(orgs, key=lambda n: (-between[n], label[n]))[:top]
        if between[n] > 0
    )
    sizes = sorted((len(c) for c in nx.weakly_connected_components(G)), reverse=True)
    return GraphStats(
        triples=triples,
        classes=classes,
        nodes=G.number_of_nodes(),
        edges=G.number_of_edges(),
        top_degree=top_degree,
        top_betweenness=top_between,
        components=len(sizes),
        component_sizes=tuple(sizes[:top]),
        isolated=sum(1 for n in G if G.degree(n) == 0),
        betweenness_sample=used_sample,
    )


def read_graph(source: str | Path) -> Dataset:
    """Read an RDF file (any format lawgraph writes, by its suffix) or a store folder as an rdflib Dataset.

    Parameters
    ----------
    source : str or Path
        ``graph.trig``, ``graph.nq``, ``graph.ttl`` … or a folder written by ``lawgraph build --store``.

    Returns
    -------
    rdflib.Dataset
        A Dataset backed by Oxigraph (oxrdflib): a store folder is opened read-only, a file is parsed into
        memory by :func:`lawgraph.store.read_source`.

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


def to_exportable(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all strings, numbers or booleans, as GraphML and GEXF need.

    Tuples and lists become ``"；"``-joined strings and ``None`` is dropped; graph attributes that are not
    plain values (such as the report table) are written as text.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(reports={"r": "报告"})
    >>> G.add_node("a", aliases=("甲", "乙"), note=None)
    >>> H = to_exportable(G)
    >>> H.nodes["a"]
    {'aliases': '甲；乙'}
    """
    import networkx as nx

    def clean(attrs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in attrs.items():
            if value is None:
                continue
            if isinstance(value, bool | int | float | str):
                out[key] = value
            elif isinstance(value, tuple | list | set | frozenset):
                out[key] = "；".join(str(v) for v in value)
            elif isinstance(value, dict):
                out[key] = "；".join(f"{k}={v}" for k, v in value.items())
            else:
                out[key] = str(value)
        return out

    H = nx.MultiDiGraph(**clean(G.graph))
    for node, attrs in G.nodes(data=True):
        H.add_node(node, **clean(attrs))
    for u, v, key, attrs in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=str(key), **clean(attrs))
    return H


def find_nodes(G: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes whose label or an alias is ``name``; failing that, whose label contains it.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="某市司法局", aliases=("市司法局",))
    >>> G.add_node("b", label="某市司法局律师工作科", aliases=())
    >>> find_nodes(G, "市司法局"), find_nodes(G, "律师")
    (['a'], ['b'])
    """
    exact = [n for n, d in G.nodes(data=True) if d.get("label") == name or name in (d.get("aliases") or ())]
    if exact:
        return sorted(exact)
    return sorted(n for n, d in G.nodes(data=True) if name in str(d.get("label", "")))


def select_nodes(
    G: nx.MultiDiGraph,
    *,
    focus: str | Iterable[str] | None = None,
    hops: int = 1,
    max_nodes: int | None = None,
) -> nx.MultiDiGraph:
    """The part of ``G`` worth drawing: a neighbourhood, then the best-connected nodes.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A view from :func:`to_networkx`.
    focus : str or iterable of str, optional
        Names (labels or aliases, see :func:`find_nodes`) to centre on; only nodes within ``hops`` steps
        (ignoring direction) are kept.
    hops : int
        Radius of the neighbourhood around ``focus``.
    max_nodes : int, optional
        Keep at most this many nodes: focus nodes, then entities and reports, then actions, then
        indicators, the highest-degree first within each (ties by label).
        ``None`` or 0 keeps everything.

    Returns
    -------
    networkx.MultiDiGraph
        A copy; ``graph["total_nodes"]`` and ``graph["total_edges"]`` record the size of ``G``.

    Raises
    ------
    InputError
        If a focus name matches no node.
    """
    import networkx as nx

    if hops < 0:
        raise ValueError("hops must be 0 or more")
    if max_nodes is not None and max_nodes < 0:
        raise ValueError("max_nodes must be 0 or more")
    keep: set[str] = set(G)
    centres: set[str] = set()
    if focus is not None:
        names = [focus] if isinstance(focus, str) else list(focus)
        undirected = G.to_undirected(as_view=True)
        keep = set()
        for name in names:
            found = find_nodes(G, name)
            if not found:
                raise InputError(None, f"no node is named {name!r} (try a shorter part of the name)")
            centres.update(found)
            for node in found:
                keep.update(nx.single_source_shortest_path_length(undirected, node, cutoff=hops))
    if max_nodes and len(keep) > max_nodes:
        degree = G.degree(keep)
        # Entities and reports first, then actions, then indicators; the best-connected first within each.
        priority = {"action": 1, "indicator": 2}
        ranked = sorted(
            keep - centres,
            key=lambda n: (
                priority.get(G.nodes[n].get("kind", ""), 0),
                -degree[n],
                str(G.nodes[n].get("label", n)),
                n,
            ),
        )
        keep = set(sorted(centres)[:max_nodes]) | set(ranked[: max(0, max_nodes - len(centres))])
    H = G.subgraph(keep).copy()
    H.graph.update(total_nodes=G.number_of_nodes(), total_edges=G.number_of_edges())
    return H


EXPORT_FORMATS = {".graphml": "graphml", ".gexf": "gexf"}
"""File suffixes :func:`write_graph` understands, and their formats."""


def write_graph(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write a view as GraphML or GEXF (by the suffix of ``path``), atomically, for Gephi or Cytoscape.

    Attributes are converted with :func:`to_exportable` first (both formats only hold plain values).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A view from :func:`to_networkx`.
    path : str or Path
        ``*.graphml`` or ``*.gexf``.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    OutputError
        If the suffix is not a known format or the file cannot be written.
    """
    import tempfile

    import networkx as nx

    path = Path(path)
    fmt = EXPORT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise OutputError(path, f"unknown export format {path.suffix or '(none)'!r}; use .graphml or .gexf")
    H = to_exportable(G)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(path, f"cannot write here ({err.strerror or err})") from err
    try:
        with os.fdopen(fd, "wb") as fh:
            if fmt == "graphml":
                nx.write_graphml(H, fh, encoding="utf-8")
            else:
                nx.write_gexf(H, fh, encoding="utf-8")
        _publish(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(path, f"cannot write ({err.strerror or err})") from err
    return path


def _publish(tmp: str, path: Path) -> None:
    """Give the temporary file the usual permissions (mkstemp makes it private), then rename it."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, path)
