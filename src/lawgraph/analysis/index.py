"""The statements the views need, gathered in one pass over a graph, and the nodes and reports they give."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from lawgraph.analysis.source import _Text, _triples
from lawgraph.analysis.vocab import (
    _KIND_OF_TYPE,
    _NODE_KINDS,
    _REPORT,
    _ROLE_PREDICATES,
    _STRUCTURE_PREDICATES,
    _TYPE,
    _local,
    node_class,
)
from lawgraph.namespaces import (
    DCTERMS,
    ITSRDF,
    LG,
    NIF,
    PROV,
    RDF,
    RDFS,
    SDMX_ATTRIBUTE,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    SKOS,
)

__all__: list[str] = []

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
        LG.status,
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


def _best_label(values: list[Any]) -> str | None:
    """Prefer a Chinese literal, then any literal; the smallest one for determinism."""
    if not values:
        return None
    zh = sorted(str(v) for v in values if isinstance(v, _Text) and (v.lang or "").startswith("zh"))
    return zh[0] if zh else sorted(str(v) for v in values)[0]


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
        # A report is also a foaf:Document; a node with types of several kinds: the first in kind order wins.
        kind = min(found, key=_NODE_KINDS.index)
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
