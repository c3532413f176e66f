"""The HTTP side of the SPARQL 1.1 Protocol: GET and POST at ``/sparql``, updates refused, a page at ``/``."""

from __future__ import annotations

import logging
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from lawgraph.server.negotiation import _error

if TYPE_CHECKING:
    from lawgraph.server.endpoint import SparqlServer

__all__: list[str] = []

logger = logging.getLogger("lawgraph.server")  # one logger for the whole endpoint, as before the split

_MAX_QUERY_BYTES = 1_000_000


class _Handler(BaseHTTPRequestHandler):
    server_ref: SparqlServer
    server_version = "lawgraph-sparql"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - BaseHTTPRequestHandler's name
        logger.info("%s %s", self.address_string(), format % args)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if status == 405:
            self.send_header("Allow", "GET, POST")
        if self.server_ref.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _answer(self, params: dict[str, list[str]], query: str | None) -> None:
        if "update" in params:
            self._send(*_error(403, "this endpoint is read-only: SPARQL UPDATE is refused"))
            return
        if query is None:
            if "html" in (self.headers.get("Accept") or ""):
                self._send(200, "text/html; charset=utf-8", self.server_ref._page)
            else:
                self._send(*_error(400, "missing the `query` parameter (SPARQL 1.1 Protocol)"))
            return
        formats = params.get("format") or params.get("output") or params.get("results")
        fmt = formats[0] if formats else None
        status, media, body = self.server_ref.execute(
            query,
            accept=self.headers.get("Accept"),
            format_param=fmt,
            default_graph=params.get("default-graph-uri") or None,
            named_graphs=params.get("named-graph-uri") or None,
        )
        self._send(status, media, body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        parts = urlsplit(self.path)
        if parts.path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", self.server_ref._page)
            return
        if parts.path != "/sparql":
            self._send(*_error(404, "not found; the endpoint is /sparql"))
            return
        params = parse_qs(parts.query, keep_blank_values=True)
        queries = params.get("query")
        self._answer(params, queries[0] if queries else None)

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        parts = urlsplit(self.path)
        if parts.path == "/update":
            self._drain()
            self._send(*_error(403, "this endpoint is read-only: SPARQL UPDATE is refused"))
            return
        if parts.path != "/sparql":
            self._drain()
            self._send(*_error(404, "not found; the endpoint is /sparql"))
            return
        params = parse_qs(parts.query, keep_blank_values=True)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > _MAX_QUERY_BYTES:
            self.close_connection = True
            self._send(*_error(413, f"the request body must be at most {_MAX_QUERY_BYTES} bytes"))
            return
        body = self.rfile.read(length) if length else b""
        if ctype == "application/sparql-update":
            self._send(*_error(403, "this endpoint is read-only: SPARQL UPDATE is refused"))
            return
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._send(*_error(400, "the request body is not UTF-8"))
            return
        if ctype == "application/sparql-query":
            self._answer(params, text)
            return
        if ctype in ("application/x-www-form-urlencoded", ""):
            form = parse_qs(text, keep_blank_values=True)
            for key, values in params.items():
                form.setdefault(key, values)
            queries = form.get("query")
            self._answer(form, queries[0] if queries else None)
            return
        self._send(
            *_error(415, f"unsupported Content-Type {ctype!r}; send application/sparql-query or a form")
        )

    def _drain(self) -> None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        if 0 < length <= _MAX_QUERY_BYTES:
            self.rfile.read(length)
        else:
            self.close_connection = True

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        """CORS preflight (only with ``cors``)."""
        if not self.server_ref.cors:
            self._send(*_error(405, "this endpoint answers GET and POST"))
            return
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_PUT(self) -> None:  # noqa: N802 - http.server's naming
        self._drain()
        self._send(*_error(405, "this endpoint is read-only"))

    do_DELETE = do_PUT
    do_PATCH = do_PUT
