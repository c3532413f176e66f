"""Refusing federated queries at the door: :func:`find_service` is the endpoint's cheap text check.

The full check (limits, rdflib's parse tree, the tokens) is :mod:`lawgraph.sparql_guard`, which every
worker runs before Oxigraph sees a query; this is its text check alone, for callers that want a yes/no.
"""

from __future__ import annotations

from lawgraph.sparql_guard import has_service_keyword

__all__ = ["find_service"]


def find_service(query: str) -> bool:
    """Whether ``query`` uses the ``SERVICE`` keyword (federated query) in any reading of its tokens."""
    return has_service_keyword(query)
