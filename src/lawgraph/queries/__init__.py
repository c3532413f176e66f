"""Saved SPARQL queries shipped with lawgraph (``queries/*.rq``).

Each file starts with a ``# `` comment line saying what it answers; a parameter is a variable the query
tool binds (``lawgraph query GRAPH --saved organization-actions --param org_label=武威市中级人民法院``).
The queries are written against the graph model of ``docs/DESIGN.md`` and declare their prefixes, so they
also run in any SPARQL 1.1 engine.

They are shaped for Oxigraph's planner, which orders joins by a fixed estimate (no statistics) and applies
a group's ``FILTER`` after the group's joins: a parameterised query finds its subject in a first sub-select
that holds the query's first ``WHERE`` (where :func:`lawgraph.query.bind_params` puts the parameter; the
outer ``SELECT`` leaves the keyword out), and reads everything else by lookups from that subject's IRI.
``OPTIONAL`` groups are single patterns, unions or nested ``OPTIONAL`` s, which Oxigraph evaluates per row;
an ``OPTIONAL`` join of two patterns would be evaluated over the whole store and hash-joined.

Examples
--------
>>> "established-bodies" in list_saved()
True
>>> load_saved("cooperation").splitlines()[0].startswith("# Who cooperates with whom")
True
"""

from __future__ import annotations

import re
from importlib import resources

from lawgraph.errors import QueryError

__all__ = ["list_saved", "load_saved", "saved_params"]

_SUFFIX = ".rq"


def _files() -> dict[str, str]:
    folder = resources.files(__name__)
    out: dict[str, str] = {}
    for entry in folder.iterdir():
        if entry.name.endswith(_SUFFIX) and entry.is_file():
            out[entry.name[: -len(_SUFFIX)]] = entry.read_text(encoding="utf-8")
    return dict(sorted(out.items()))


def _description(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            return stripped.lstrip("#").strip()
        if stripped:
            break
    return ""


def list_saved() -> dict[str, str]:
    """The saved queries, ``{name: what it answers}``, sorted by name."""
    return {name: _description(text) for name, text in _files().items()}


def load_saved(name: str) -> str:
    """The text of the saved query ``name``.

    Raises
    ------
    QueryError
        No saved query has that name.
    """
    files = _files()
    if name not in files:
        raise QueryError(name, f"no saved query of that name; known: {', '.join(files)}")
    return files[name]


def saved_params(name: str) -> tuple[str, ...]:
    """The parameters a saved query reads (variables named in its first comment line as ``parameter X``).

    >>> saved_params("organization-actions")
    ('org_label',)
    >>> saved_params("cooperation")
    ()
    """
    head = list_saved().get(name)
    if head is None:
        raise QueryError(name, "no saved query of that name")
    return tuple(re.findall(r"parameter ([A-Za-z_][A-Za-z0-9_]*)", head))
