"""Send graphs to any SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol.

- Each named graph (a report, the ontology) is sent with ``PUT ENDPOINT?graph=IRI``, which *replaces* the
  graph on the server: pushing twice leaves one copy.
- The default graph (entity descriptions shared across reports) is sent with ``POST ENDPOINT?default``,
  which merges it into the server's default graph, so pushing one report does not erase what other reports
  put there; RDF graphs are sets, so pushing it again adds nothing. ``replace_default=True`` sends ``PUT``
  instead, for a push of the whole corpus.
- Credentials come from the environment only: ``LAWGRAPH_ENDPOINT_AUTH=user:password`` (HTTP Basic) or
  ``LAWGRAPH_ENDPOINT_TOKEN=...`` (``Authorization: Bearer``). They never appear in messages.
- Success is only a status the protocol promises: 200, 201 or 204. A redirect is never followed (it
  would carry the credentials, or turn the body into a ``GET`` that stores nothing): it is a failure that
  names where it pointed. Text from the server is shown without control characters.
- Every graph is tried; at the end :class:`PushError` (a :class:`~lawgraph.errors.RemoteError`) says which
  graphs were stored and which were not, and why. After a refusal of the credentials, a redirect or a
  network failure the remaining graphs are not sent (they would fail the same way).

Graph store endpoints: Oxigraph ``http://HOST:7878/store``; Fuseki ``http://HOST:3030/DATASET/data``;
GraphDB ``http://HOST:7200/repositories/REPO/rdf-graphs/service``; Virtuoso ``http://HOST:8890/sparql-graph-crud``
(``sparql-graph-crud-auth`` with credentials).

Examples
--------
>>> graph_url("http://localhost:7878/store", "https://w3id.org/lawgraph/id/report/1")
'http://localhost:7878/store?graph=https%3A%2F%2Fw3id.org%2Flawgraph%2Fid%2Freport%2F1'
>>> graph_url("http://localhost:7878/store", None)
'http://localhost:7878/store?default'
"""

from __future__ import annotations

import base64
import os
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from lawgraph.errors import InputError, RemoteError
from lawgraph.namespaces import STORE_GRAPH
from lawgraph.sanitize import printable

__all__ = [
    "PushedGraph",
    "PushFailure",
    "PushResult",
    "PushError",
    "push",
    "graph_url",
    "auth_header",
    "AUTH_ENV",
    "TOKEN_ENV",
    "EXPECTED_STATUS",
]

EXPECTED_STATUS = frozenset({200, 201, 204})
"""The statuses the Graph Store Protocol answers a stored graph with; anything else is a failure."""

AUTH_ENV = "LAWGRAPH_ENDPOINT_AUTH"
"""Environment variable holding ``user:password`` for HTTP Basic authentication."""

TOKEN_ENV = "LAWGRAPH_ENDPOINT_TOKEN"
"""Environment variable holding a bearer token."""

_STORE_GRAPH = ox.NamedNode(str(STORE_GRAPH))


@dataclass(frozen=True)
class PushedGraph:
    """One graph sent: its IRI (None for the default graph), the HTTP method, triples and status."""

    graph: str | None
    method: str
    triples: int
    status: int


@dataclass(frozen=True)
class PushFailure:
    """One graph that was not stored: its IRI (None for the default graph), the method and why."""

    graph: str | None
    method: str
    reason: str


@dataclass
class PushResult:
    """What :func:`push` sent (``graphs``) and what it could not (``failed``)."""

    endpoint: str
    graphs: list[PushedGraph] = field(default_factory=list)
    failed: list[PushFailure] = field(default_factory=list)

    @property
    def triples(self) -> int:
        """Triples sent over all graphs."""
        return sum(g.triples for g in self.graphs)


class PushError(RemoteError):
    """Some graphs were not stored; ``result`` says which went and which did not."""

    def __init__(self, where: str, reason: str, result: PushResult) -> None:
        super().__init__(where, reason)
        self.result = result


class _Stop(RemoteError):
    """A failure after which no other graph is sent (credentials refused, a redirect, no connection)."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect: urllib would resend to another host with the Authorization header."""

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of ``graph`` (None = the default graph) at ``endpoint``."""
    sep = "&" if urlsplit(endpoint).query else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}graph={quote(graph, safe='')}"


def auth_header(environ: dict[str, str] | None = None) -> str | None:
    """The ``Authorization`` header built from :data:`AUTH_ENV` or :data:`TOKEN_ENV`, if either is set.

    >>> auth_header({"LAWGRAPH_ENDPOINT_AUTH": "ann:secret"})
    'Basic YW5uOnNlY3JldA=='
    >>> auth_header({}) is None
    True

    Raises
    ------
    RemoteError
        :data:`AUTH_ENV` is set but is not ``user:password``.
    """
    env = os.environ if environ is None else environ
    basic = env.get(AUTH_ENV)
    if basic:
        if ":" not in basic:
            raise RemoteError(AUTH_ENV, "must be user:password")
        return "Basic " + base64.b64encode(basic.encode("utf-8")).decode("ascii")
    token = env.get(TOKEN_ENV)
    if token:
        return f"Bearer {token.strip()}"
    return None


def _detail(err: urllib.error.HTTPError) -> str:
    try:
        lines = err.read(300).decode("utf-8", "replace").strip().splitlines()
    except (OSError, ValueError):
        return ""
    return printable(lines[0], limit=200) if lines else ""


def _send(url: str, method: str, body: bytes, *, endpoint: str, auth: str | None, timeout: float) -> int:
    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("Content-Type", "application/n-triples; charset=utf-8")
    if auth:
        request.add_header("Authorization", auth)
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            response.read()
            status = int(response.status)
    except urllib.error.HTTPError as err:
        if 300 <= err.code < 400:
            where = printable(err.headers.get("Location") or "elsewhere", limit=120)
            raise _Stop(endpoint, f"{method} answered HTTP {err.code}, a redirect to {where}; not followed "
                                  "(it would resend the credentials): push to the final URL") from err
        hint = " (check LAWGRAPH_ENDPOINT_AUTH / LAWGRAPH_ENDPOINT_TOKEN)" if err.code in (401, 403) else ""
        detail = _detail(err)
        message = (f"{method} refused with HTTP {err.code} {printable(str(err.reason), limit=80)}{hint}"
                   + (f": {detail}" if detail else ""))
        raise (_Stop if err.code in (401, 403) else RemoteError)(endpoint, message) from err
    except urllib.error.URLError as err:
        reason = getattr(err.reason, "strerror", None) or str(err.reason)
        raise _Stop(endpoint, f"cannot reach the server: {printable(reason, limit=120)}") from err
    except (TimeoutError, OSError) as err:
        reason = printable(str(err.strerror or err), limit=120)
        raise _Stop(endpoint, f"cannot reach the server: {reason}") from err
    if status not in EXPECTED_STATUS:
        raise RemoteError(
            endpoint, f"{method} answered HTTP {status}, not 200, 201 or 204: the graph may not be stored"
        )
    return status


def _graph_names(store: ox.Store) -> list[ox.NamedNode | ox.BlankNode]:
    return sorted((g for g in store.named_graphs() if g != _STORE_GRAPH), key=str)


def push(
    source: str | Path | ox.Store,
    *,
    endpoint: str,
    graphs: Iterable[str] | None = None,
    replace_default: bool = False,
    timeout: float = 60.0,
    environ: dict[str, str] | None = None,
) -> PushResult:
    """Send the graphs of ``source`` to ``endpoint`` (a Graph Store Protocol URL).

    Parameters
    ----------
    source : str, Path or pyoxigraph.Store
        A store folder, an RDF file, or an open store.
    endpoint : str
        The server's graph store URL (``http://host:7878/store`` for Oxigraph).
    graphs : iterable of str, optional
        Only these graphs. For a source with no named graphs (Turtle, N-Triples), one IRI names the graph
        its triples are put into. By default every named graph and the default graph are sent.
    replace_default : bool
        ``PUT`` the default graph (replace) instead of ``POST`` (merge).
    timeout : float
        Seconds to wait for each request.
    environ : dict, optional
        Where to read credentials (``os.environ`` by default).

    Raises
    ------
    RemoteError
        The endpoint is not an http(s) URL.
    PushError
        Some graphs were not stored (unreachable, refused, redirected, an unexpected status); its
        ``result`` lists the graphs that went and those that did not.
    """
    from lawgraph.store import read_source

    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RemoteError(endpoint, "the endpoint must be an http:// or https:// URL")
    auth = auth_header(environ)
    store = source if isinstance(source, ox.Store) else read_source(source)
    named = _graph_names(store)
    result = PushResult(endpoint=endpoint)
    plan: list[tuple[ox.NamedNode | ox.BlankNode | ox.DefaultGraph, str | None, str]] = []
    wanted = list(graphs) if graphs is not None else None
    if wanted:
        names = {g.value for g in named if isinstance(g, ox.NamedNode)}
        if not named and len(wanted) == 1:
            plan.append((ox.DefaultGraph(), wanted[0], "PUT"))
        else:
            missing = [g for g in wanted if g not in names]
            if missing:
                raise InputError(str(source), f"has no graph {missing[0]}")
            plan.extend((ox.NamedNode(iri), iri, "PUT") for iri in wanted)
    else:
        plan.extend((g, g.value, "PUT") for g in named if isinstance(g, ox.NamedNode))
        if any(True for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph())):
            plan.append((ox.DefaultGraph(), None, "PUT" if replace_default else "POST"))

    stopped: RemoteError | None = None
    for name, target, method in plan:
        if stopped is not None:
            result.failed.append(PushFailure(target, method, "not sent after the failure above"))
            continue
        quads = store.quads_for_pattern(None, None, None, name)
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        try:
            url = graph_url(endpoint, target)
            status = _send(url, method, body, endpoint=endpoint, auth=auth, timeout=timeout)
        except _Stop as err:
            stopped = err
            result.failed.append(PushFailure(target, method, err.reason))
            continue
        except RemoteError as err:
            result.failed.append(PushFailure(target, method, err.reason))
            continue
        result.graphs.append(PushedGraph(graph=target, method=method, triples=len(triples), status=status))
    if result.failed:
        first = result.failed[0].reason
        if not result.graphs:
            reason = f"{first}; nothing was stored ({len(plan)} graph{'s' if len(plan) != 1 else ''})"
        else:
            reason = f"{len(result.failed)} of {len(plan)} graphs were not stored; the first: {first}"
        raise PushError(endpoint, reason, result)
    return result
