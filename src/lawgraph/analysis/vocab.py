"""The vocabulary of the networkx views: node kinds, lawgraph classes, edge roles and their Chinese names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lawgraph.namespaces import DCTERMS, LG, ORG, PREFIXES, PROV, QB, RDF, SDO

__all__ = ["VIEWS", "ENTITY_KINDS", "ROLE_LABELS", "node_class"]

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
    str(PROV.Activity): "action",  # how actions are typed (lg:Action is inferred, not stated)
    str(LG.Action): "action",  # graphs built before the lean graph also state it
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
_TYPE = str(RDF.type)
_REPORT = str(LG.Report)
_ACTIVITY = str(PROV.Activity)


def _local(iri: Any) -> str:
    text = str(iri)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text


def _prefixed(iri: Any) -> str:
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
