"""A read-only SPARQL 1.1 Protocol endpoint over a store folder or an RDF file.

Design (why not ``oxigraph serve-read-only``): the endpoint is built on pyoxigraph and the standard
library's :class:`~http.server.ThreadingHTTPServer`, because every promise it makes must be enforced
*before* the engine sees a query, and in one place we test:

- **No SERVICE, ever.** Oxigraph evaluates ``SERVICE <url>`` by opening a connection to ``url`` (seen with
  its server), which is an SSRF hole. :func:`find_service` scans the query with the SPARQL lexer's rules
  (``\\uXXXX`` escapes decoded first, as the grammar says; strings, IRIs and comments skipped) and the
  request is refused with 400 when the keyword appears anywhere else. False positives only refuse.
- **Read-only.** ``update=`` requests and ``application/sparql-update`` bodies get 403; the workers open
  the store with :meth:`pyoxigraph.Store.read_only`, so nothing could write anyway.
- **Time limit.** A pyoxigraph query cannot be interrupted from Python, so each query runs in a worker
  *process*; when the limit passes, the worker is killed (the answer is 503) and a fresh one replaces it.
- **Result-size limit.** Workers serialize into a writer that stops at ``max_result_bytes`` (answer 413).
- **Localhost by default**, and a small HTML page (inline HTML + JS, no CDN) at ``/`` with the saved
  queries as examples.

The endpoint is ``http://HOST:PORT/sparql``. An RDF file is first loaded into a temporary store folder that
the workers open read-only; it is removed on close.


The package has one module per job: :mod:`~lawgraph.server.safety` finds SERVICE,
:mod:`~lawgraph.server.negotiation` picks the answer's format, :mod:`~lawgraph.server.workers` is the
worker process, :mod:`~lawgraph.server.pool` hands queries to workers under the time limit,
:mod:`~lawgraph.server.handler` speaks HTTP (and refuses updates), :mod:`~lawgraph.server.page` is the
browser page and :mod:`~lawgraph.server.endpoint` ties them together in :class:`SparqlServer`.

Examples
--------
>>> find_service("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
True
>>> find_service('SELECT * WHERE { ?s ?p "SERVICE" } # SERVICE in a comment')
False
>>> find_service("SELECT * WHERE { \\\\u0053ERVICE <http://x/> { ?s ?p ?o } }")
True
>>> find_service(r"PREFIX ex: <http://e/> SELECT * { ?s ex:a\\#b ?o . SERVICE <http://x/> { ?s ?p ?o } }")
True
>>> negotiate("text/csv, application/sparql-results+json;q=0.5", "select")
('text/csv; charset=utf-8', 'csv')
"""

from __future__ import annotations

from lawgraph.server.endpoint import (  # MEMORY_AUTO_BYTES: public, though not in __all__
    DEFAULT_MAX_RESULT_BYTES,
    DEFAULT_TIMEOUT,
    MEMORY_AUTO_BYTES,  # noqa: F401
    SparqlServer,
)
from lawgraph.server.negotiation import negotiate
from lawgraph.server.safety import find_service

__all__ = [
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RESULT_BYTES",
    "SparqlServer",
    "find_service",
    "negotiate",
]
