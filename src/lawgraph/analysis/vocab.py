"""The vocabulary of the networkx views: node kinds, lawgraph classes, edge roles and their Chinese names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lawgraph.namespaces import DCTERMS, LG, PREFIXES, PROV, RDF
from lawgraph.vocab import ENTITY_KINDS as _ENTITY_KINDS
from lawgraph.vocab import SCOPED_KINDS as _SCOPED_KINDS

__all__ = ["VIEWS", "ENTITY_KINDS", "ROLE_LABELS", "node_class"]

VIEWS = ("entities", "full")
"""The views :func:`to_networkx` can build."""

ENTITY_KINDS: tuple[str, ...] = tuple(_ENTITY_KINDS)
"""Node kinds of the ``"entities"`` view (:data:`lawgraph.vocab.ENTITY_KINDS`); ``"full"`` adds the
report-scoped kinds (``report``, ``action``, ``indicator``)."""

SCOPED: tuple[str, ...] = tuple(_SCOPED_KINDS)
NODE_KINDS = ENTITY_KINDS + SCOPED
"""Every node kind, in the order a node typed with several is shown as."""

# Links between entities of a kind that the entities view draws as structural edges (隶属, 位于).
_STRUCTURE: dict[str, tuple[str, str]] = {
    str(field.predicate): (str(field.predicate).rsplit("#", 1)[-1].rsplit("/", 1)[-1], field.edge)
    for kind in _ENTITY_KINDS.values()
    for field in kind.fields
    if field.edge is not None
}

ROLE_LABELS: dict[str, str] = {
    "generated": "产生",
    "actedOn": "作用于",
    "partner": "合作",
    "used": "依据",
    **{role: label for role, label in _STRUCTURE.values()},
}
"""Chinese names of the edge roles (used when an action has no verb and for structural edges)."""

ROLE_PREDICATES: dict[str, str] = {
    str(PROV.generated): "generated",
    str(LG.actedOn): "actedOn",
    str(LG.partner): "partner",
    str(PROV.used): "used",
}
FULL_EDGE_LABELS: dict[str, str] = {
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
    **{predicate: label for predicate, (_, label) in _STRUCTURE.items()},
}
STRUCTURE_PREDICATES: dict[str, str] = {predicate: role for predicate, (role, _) in _STRUCTURE.items()}
# The types that make a node one of each kind: an entity kind's shape target (and the class of an entity
# without a lawgraph class, schema:Place), a report-scoped kind's types.
KIND_OF_TYPE: dict[str, str] = {
    **{
        str(iri): kind.name
        for kind in _ENTITY_KINDS.values()
        for iri in (kind.target, *((kind.fallback.iri,) if kind.fallback is not None else ()))
    },
    **{str(iri): kind.name for kind in _SCOPED_KINDS.values() for iri in kind.types},
}
_DEFAULT_CLASS: dict[str, str] = {
    **{
        kind.name: kind.default or (kind.fallback.name if kind.fallback is not None else kind.name)
        for kind in _ENTITY_KINDS.values()
    },
    **{kind.name: kind.cls.name for kind in _SCOPED_KINDS.values()},
}
# Generic lawgraph classes that name a kind rather than a subclass; a more specific one wins.
_GENERIC_CLASSES = frozenset(
    {kind.classes[0].name for kind in _ENTITY_KINDS.values() if len(kind.classes) == 1}
    | {kind.cls.name for kind in _SCOPED_KINDS.values()}
)
_LG_NS = str(LG._NS)
_TYPE = str(RDF.type)
REPORT_CLASS = str(LG.Report)
_ACTIVITY = str(PROV.Activity)


def local_name(iri: Any) -> str:
    text = str(iri)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text


def prefixed(iri: Any) -> str:
    text = str(iri)
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return text


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
