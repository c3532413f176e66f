"""The HTTP side of the SPARQL 1.1 Protocol: GET and POST at ``/sparql``, updates refused, a page at ``/``.

Framing is strict, so no request can hide inside another (request smuggling): ``Transfer-Encoding`` is
refused with 501, a repeated or malformed ``Content-Length`` with 400, and the connection is then closed.
A ``Host`` the endpoint does not answer for gets 421 (a page rebound to 127.0.0.1 by DNS cannot read it).
A connection that stays silent for the idle timeout is closed.
"""

from __future__ import annotations

import logging
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from lawgraph.sanitize import printable
from lawgraph.server.negotiation import error_answer

if TYPE_CHECKING:
    from lawgraph.server.endpoint import SparqlServer

__all__: list[str] = ["Handler"]

logger = logging.getLogger("lawgraph.server")  # one logger for the whole endpoint, as before the split

_MAX_BODY_BYTES = 1_000_000  # a form-encoded query takes up to 3 bytes per byte of query


class Handler(BaseHTTPRequestHandler):
    server_ref: SparqlServer
    server_version = "lawgraph-sparql"
    protocol_version = "HTTP/1.1"
    timeout = 10.0  # seconds of silence before a connection is closed; the endpoint sets its own

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - BaseHTTPRequestHandler's name
        logger.info("%s %s", self.address_string(), printable(format % args))

    def _send(
        self, status: int, content_type: str, body: bytes, headers: tuple[tuple[str, str], ...] = ()
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in headers:
            self.send_header(name, value)
        if status == 405:
            self.send_header("Allow", "GET, POST")
        if self.close_connection:
            self.send_header("Connection", "close")
        if self.server_ref.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _refuse(self, status: int, message: str, *, close: bool = False) -> None:
        if close:
            self.close_connection = True
        self._send(*error_answer(status, message))

    def _framing_ok(self) -> bool:
        """Refuse what request smuggling needs: Transfer-Encoding, repeated or malformed Content-Length,
        a Host this endpoint does not answer for. A refused request's connection is closed."""
        if self.headers.get_all("Transfer-Encoding"):
            self._refuse(501, "Transfer-Encoding is not supported here; send the body with Content-Length",
                         close=True)
            return False
        lengths = self.headers.get_all("Content-Length") or []
        if len(lengths) > 1 or (lengths and not lengths[0].strip().isdigit()):
            self._refuse(400, "one Content-Length header with a number is needed", close=True)
            return False
        hosts = self.headers.get_all("Host") or []
        if len(hosts) > 1 or (not hosts and self.request_version == "HTTP/1.1"):
            self._refuse(400, "one Host header is needed", close=True)
            return False
        if hosts and not self.server_ref.host_allowed(hosts[0]):
            self._refuse(
                421, "this endpoint does not answer for that Host (see `lawgraph serve --allow-host`)",
                close=True,
            )
            return False
        return True

    def _length(self) -> int:
        value = self.headers.get("Content-Length")
        return int(value) if value else 0

    def _drain(self) -> None:
        """Read and drop a body the request carried, or close the connection when it is too large."""
        length = self._length()
        if 0 < length <= _MAX_BODY_BYTES:
            self.rfile.read(length)
        elif length:
            self.close_connection = True

    def _answer(self, params: dict[str, list[str]], query: str | None) -> None:
        if "update" in params:
            self._send(*error_answer(403, "this endpoint is read-only: SPARQL UPDATE is refused"))
            return
        if query is None:
            if "html" in (self.headers.get("Accept") or ""):
                self._send(200, "text/html; charset=utf-8", self.server_ref.query_page)
            else:
                self._send(*error_answer(400, "missing the `query` parameter (SPARQL 1.1 Protocol)"))
            return
        if len(params.get("query", [])) > 1:
            self._send(*error_answer(400, "give one `query` parameter"))
            return
        formats = params.get("format") or params.get("output") or params.get("results")
        fmt = formats[0] if formats else None
        answer = self.server_ref.execute(
            query,
            client=str(self.client_address[0]),
            accept=self.headers.get("Accept"),
            format_param=fmt,
            default_graph=params.get("default-graph-uri") or None,
            named_graphs=params.get("named-graph-uri") or None,
        )
        self._send(*answer)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if not self._framing_ok():
            return
        self._drain()
        parts = urlsplit(self.path)
        if parts.path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", self.server_ref.query_page)
            return
        if parts.path != "/sparql":
            self._send(*error_answer(404, "not found; the endpoint is /sparql"))
            return
        params = _parse_qs(parts.query)
        if params is None:
            self._send(*error_answer(400, "the query string is not UTF-8 form data"))
            return
        queries = params.get("query")
        self._answer(params, queries[0] if queries else None)

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        if not self._framing_ok():
            return
        parts = urlsplit(self.path)
        if parts.path == "/update":
            self._drain()
            self._send(*error_answer(403, "this endpoint is read-only: SPARQL UPDATE is refused"))
            return
        if parts.path != "/sparql":
            self._drain()
            self._send(*error_answer(404, "not found; the endpoint is /sparql"))
            return
        params = _parse_qs(parts.query)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        length = self._length()
        if length > _MAX_BODY_BYTES:
            self._refuse(413, f"the request body must be at most {_MAX_BODY_BYTES} bytes", close=True)
            return
        body = self.rfile.read(length) if length else b""
        if len(body) < length:
            self.close_connection = True
            return  # the client went away in the middle of its body
        if params is None:
            self._send(*error_answer(400, "the query string is not UTF-8 form data"))
            return
        if ctype == "application/sparql-update":
            self._send(*error_answer(403, "this endpoint is read-only: SPARQL UPDATE is refused"))
            return
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._send(*error_answer(400, "the request body is not UTF-8"))
            return
        if ctype == "application/sparql-query":
            self._answer(params, text)
            return
        if ctype in ("application/x-www-form-urlencoded", ""):
            form = _parse_qs(text)
            if form is None:
                self._send(*error_answer(400, "the form is not UTF-8 form data"))
                return
            for key, values in params.items():
                form.setdefault(key, values)
            queries = form.get("query")
            self._answer(form, queries[0] if queries else None)
            return
        self._send(
            *error_answer(415, f"unsupported Content-Type {printable(ctype, limit=60)!r}; "
                    "send application/sparql-query or a form")
        )

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        """CORS preflight (only with ``cors``)."""
        if not self._framing_ok():
            return
        self._drain()
        if not self.server_ref.cors:
            self._send(*error_answer(405, "this endpoint answers GET and POST"))
            return
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_PUT(self) -> None:  # noqa: N802 - http.server's naming
        if not self._framing_ok():
            return
        self._drain()
        self._send(*error_answer(405, "this endpoint is read-only"))

    do_DELETE = do_PUT
    do_PATCH = do_PUT


def _parse_qs(text: str) -> dict[str, list[str]] | None:
    """Form data as a dict of lists, or None when it is not UTF-8 (a bad %-escape)."""
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=1000)
    except (UnicodeDecodeError, ValueError):
        return None
