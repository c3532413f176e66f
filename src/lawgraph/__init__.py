"""lawgraph: knowledge graphs from Chinese government rule-of-law reports.

The public API is small and imported lazily, so ``import lawgraph`` stays cheap:

- :func:`lawgraph.build` reads reports and returns an rdflib Dataset;
- :func:`lawgraph.read_report` reads one report into a :class:`lawgraph.model.Report`;
- :func:`lawgraph.make_nlp` builds the spaCy pipeline;
- :func:`lawgraph.open_store` opens an Oxigraph store as an rdflib Dataset;
- :func:`lawgraph.to_networkx` turns a graph into a networkx graph.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["build", "read_report", "make_nlp", "open_store", "to_networkx", "__version__"]

__version__ = "0.1.0"

_LAZY = {
    "build": "lawgraph.api",
    "read_report": "lawgraph.ingest",
    "make_nlp": "lawgraph.extract.pipeline",
    "open_store": "lawgraph.store",
    "to_networkx": "lawgraph.analysis",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'lawgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
