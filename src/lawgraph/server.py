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

import json
import logging
import multiprocessing
import queue
import re
import shutil
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from lawgraph.errors import InputError, QueryError, StoreError
from lawgraph.query import mask_query

__all__ = [
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RESULT_BYTES",
    "SparqlServer",
    "find_service",
    "negotiate",
]

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30.0
"""Seconds a query may run before its worker is killed."""

DEFAULT_MAX_RESULT_BYTES = 50_000_000
"""Largest serialized result the endpoint returns."""

_MAX_QUERY_BYTES = 1_000_000

MEMORY_AUTO_BYTES = 1 << 30
"""Store folders up to this size on disk are queried from an in-memory copy unless told otherwise."""


def _folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())

# --- SERVICE detection -----------------------------------------------------------------------------

_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SERVICE = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:\-])", re.I)


def _unescape(query: str) -> str:
    def repl(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)

    return _UNICODE_ESCAPE.sub(repl, query)


def find_service(query: str) -> bool:
    """Whether ``query`` uses the ``SERVICE`` keyword (federated query) anywhere outside strings, IRIs and comments."""
    # Read the text both as written and with \u escapes decoded (SPARQL 1.1 allows engines to decode them
    # anywhere): a keyword seen either way is refused.
    return any(_SERVICE.search(mask_query(text)) for text in (query, _unescape(query)))


# --- content negotiation ---------------------------------------------------------------------------

_RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
_GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
}
_MEDIA = {
    "json": "application/sparql-results+json; charset=utf-8",
    "xml": "application/sparql-results+xml; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples; charset=utf-8",
}
_FORMAT_PARAM = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle",
                 "ntriples": "ntriples", "nt": "ntriples", "n-triples": "ntriples"}


def negotiate(accept: str | None, kind: str, *, format_param: str | None = None) -> tuple[str, str]:
    """Pick ``(content type, lawgraph format)`` for a result of ``kind`` (``select``, ``ask``, ``graph``).

    ``format_param`` (the ``format=``/``output=`` URL parameter some clients send) wins when it fits the
    result; then the ``Accept`` header by q-value; else JSON results or Turtle graphs.
    """
    table = _GRAPH_TYPES if kind == "graph" else _RESULT_TYPES
    allowed = set(table.values())
    if format_param:
        wanted = _FORMAT_PARAM.get(format_param.lower().strip())
        if wanted in allowed:
            return _MEDIA[wanted], wanted
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media))
    for _, _, media in sorted(ranked):
        if media in table:
            return _MEDIA[table[media]], table[media]
    default = "turtle" if kind == "graph" else "json"
    return _MEDIA[default], default


# --- worker processes --------------------------------------------------------------------------------


class _ResultTooLarge(Exception):
    pass


class _LimitedWriter:
    """A binary sink that refuses to grow beyond ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.chunks: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _ResultTooLarge
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        return None


def _open_data(source: str, memory: bool) -> Any:
    """The worker's data: a store folder read-only, or an in-memory copy (of a folder or an RDF file)."""
    import pyoxigraph as ox

    from lawgraph.store import is_store_dir, load_rdf_file, open_oxigraph

    if not is_store_dir(source):
        return load_rdf_file(source)  # an RDF file: parsed into memory
    on_disk = open_oxigraph(source, read_only=True)
    if not memory:
        return on_disk
    in_memory = ox.Store()
    in_memory.bulk_extend(on_disk)
    return in_memory


def _worker_main(conn: Any, source: str, memory: bool) -> None:
    """Loop of a worker process: open the data, answer one query at a time."""
    from lawgraph.query import query_kind, run_query, write_results

    try:
        store = _open_data(source, memory)
    except Exception as err:  # report any failure to the parent, which turns it into a StoreError
        conn.send(("error", 500, getattr(err, "message", None) or str(err)))
        return
    conn.send(("ready", 0, ""))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        text, accept, format_param, max_bytes, default_graph, named_graphs = request
        try:
            result = run_query(store, text, default_graph=default_graph, named_graphs=named_graphs,
                               where="query")
            kind = query_kind(result)
            media, fmt = negotiate(accept, kind, format_param=format_param)
            sink = _LimitedWriter(max_bytes)
            write_results(result, sink, format=fmt)
            conn.send(("ok", media, b"".join(sink.chunks)))
        except QueryError as err:
            status = 400
            conn.send(("error", status, err.reason))
        except _ResultTooLarge:
            conn.send(("error", 413, f"the result is larger than the limit of {max_bytes} bytes; add LIMIT"))
        except Exception as err:  # never let one bad query kill the worker silently
            conn.send(("error", 500, f"query failed: {' '.join(str(err).split())}"))


class _Worker:
    def __init__(self, ctx: Any, store_path: str, *, memory: bool, start_timeout: float) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, store_path, memory), daemon=True,
                                   name="lawgraph-sparql-worker")
        self.process.start()
        child.close()
        if not self.conn.poll(start_timeout):
            self.kill()
            raise StoreError(store_path, "the query worker did not start in time")
        status, _, message = self.conn.recv()
        if status != "ready":
            self.kill()
            raise StoreError(None, message or f"{store_path}: the query worker could not open the data")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(2)
        self.kill()


# --- the HTTP side -----------------------------------------------------------------------------------


class SparqlServer:
    """A read-only SPARQL endpoint over ``source`` (a store folder or an RDF file).

    Parameters
    ----------
    source : str or Path
        A store folder or an RDF file.
    host : str
        Address to bind; ``127.0.0.1`` (localhost only) unless told otherwise.
    port : int
        Port to bind; 0 picks a free one (read :attr:`url` after :meth:`start`).
    timeout : float
        Seconds a query may run before it is cancelled (its worker process is killed).
    max_result_bytes : int
        Largest serialized result returned; larger ones get 413.
    workers : int
        Worker processes, i.e. queries evaluated at the same time.
    cors : bool
        Send ``Access-Control-Allow-Origin: *`` so browser tools on other sites (YASGUI) can query it. Off
        by default: with it, any page the user visits can read the endpoint.
    memory : bool, optional
        Each worker queries an in-memory copy of the data: 5-60x faster than the on-disk store on the saved
        queries (``bench/RESULTS.md``), at the cost of memory per worker (about 0.5 kB per quad) and a slower
        start (copying from the store runs at about 15-30k quads/s). By default, on for RDF files (parsed
        straight into memory) and for store folders up to :data:`MEMORY_AUTO_BYTES` on disk.
    examples : dict of str to str, optional
        Example queries for the browser page; the saved queries by default.

    Examples
    --------
    >>> server = SparqlServer("graph.trig", port=0)  # doctest: +SKIP
    >>> server.start(); print(server.url); server.serve_forever()  # doctest: +SKIP
    """

    def __init__(
        self,
        source: str | Path,
        *,
        host: str = "127.0.0.1",
        port: int = 7878,
        timeout: float = DEFAULT_TIMEOUT,
        max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES,
        workers: int = 2,
        memory: bool | None = None,
        cors: bool = False,
        examples: dict[str, str] | None = None,
    ) -> None:
        if timeout <= 0:
            raise QueryError("--timeout", "must be a positive number of seconds")
        if workers < 1:
            raise QueryError("--workers", "must be at least 1")
        if max_result_bytes < 1:
            raise QueryError("--max-result-bytes", "must be positive")
        self.source = Path(source)
        self.host = host
        self.port = port
        self.timeout = float(timeout)
        self.max_result_bytes = int(max_result_bytes)
        self.n_workers = workers
        if memory is None:
            memory = not self.source.is_dir() or _folder_bytes(self.source) <= MEMORY_AUTO_BYTES
        self.memory = bool(memory)
        self.cors = bool(cors)
        self._examples = examples
        self._tmpdir: str | None = None
        self._store_path: str | None = None
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._closed = False
        self._serving = False
        self._page = b""

    # -- lifecycle
    @property
    def url(self) -> str:
        """The endpoint URL, ``http://HOST:PORT/sparql``."""
        if self._httpd is None:
            return f"http://{self._url_host()}:{self.port}/sparql"
        return f"http://{self._url_host()}:{self._httpd.server_address[1]}/sparql"

    def _url_host(self) -> str:
        return f"[{self.host}]" if ":" in self.host else self.host

    def _prepare_store(self) -> str:
        from lawgraph.store import is_store_dir, load_rdf_file, open_oxigraph, rdf_format_for

        if self.source.is_dir():
            if not is_store_dir(self.source):
                raise StoreError(self.source, "no Oxigraph store here (build one with `lawgraph build --store`)")
            return str(self.source)
        if not self.source.exists():
            raise InputError(self.source, "no such file or store folder")
        rdf_format_for(self.source)  # an unknown extension fails here, with its one-line message
        if self.memory:
            return str(self.source)
        self._tmpdir = tempfile.mkdtemp(prefix="lawgraph-serve-")
        path = str(Path(self._tmpdir) / "store")
        store = open_oxigraph(path)
        load_rdf_file(self.source, store=store)
        store.flush()
        del store
        return path

    def start(self) -> None:
        """Load the data, start the workers and bind the socket (does not serve yet)."""
        self._store_path = self._prepare_store()
        try:
            for _ in range(self.n_workers):
                self._add_worker()
            self._page = _page(self._examples if self._examples is not None else _saved_examples())
            handler = type("_Handler", (_Handler,), {"server_ref": self})
            try:
                self._httpd = ThreadingHTTPServer((self.host, self.port), handler)
            except OSError as err:
                raise StoreError(f"{self.host}:{self.port}", f"cannot listen: {err.strerror or err}") from err
            self._httpd.daemon_threads = True
        except BaseException:
            self.close()
            raise

    def serve_forever(self) -> None:
        """Serve requests until :meth:`close` (or Ctrl-C in the CLI)."""
        if self._httpd is None:
            self.start()
        assert self._httpd is not None  # set by start()
        self._serving = True
        try:
            self._httpd.serve_forever(poll_interval=0.2)
        finally:
            self._serving = False

    def close(self) -> None:
        """Stop serving, stop the workers and remove the temporary store."""
        if self._closed:
            return
        self._closed = True
        if self._httpd is not None:
            if self._serving:
                self._httpd.shutdown()  # from another thread: wait for serve_forever to return
            self._httpd.server_close()
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)

    def __enter__(self) -> SparqlServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- workers
    def _add_worker(self) -> None:
        assert self._store_path is not None  # set by start()
        worker = _Worker(self._ctx, self._store_path, memory=self.memory, start_timeout=max(600.0, self.timeout))
        with self._lock:
            if self._closed:
                worker.stop()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.kill()
        if not self._closed:
            threading.Thread(target=self._respawn, daemon=True).start()

    def _respawn(self) -> None:
        try:
            self._add_worker()
        except Exception:
            logger.exception("could not start a replacement SPARQL worker")

    def execute(
        self,
        query: str,
        *,
        accept: str | None = None,
        format_param: str | None = None,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> tuple[int, str, bytes]:
        """Evaluate one query under the endpoint's rules; returns ``(status, content type, body)``."""
        if find_service(query):
            return _error(400, "SERVICE (federated query) is refused by this endpoint")
        deadline = time.monotonic() + self.timeout
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return _error(503, f"the endpoint is busy; no worker was free within {self.timeout:g} s")
        try:
            worker.conn.send((query, accept, format_param, self.max_result_bytes, default_graph, named_graphs))
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(worker)
                worker = None
                return _error(503, f"the query was cancelled after the time limit of {self.timeout:g} s")
            status, meta, body = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            if worker is not None:
                self._replace(worker)
                worker = None
            return _error(500, "the query worker stopped unexpectedly")
        finally:
            if worker is not None:
                self._idle.put(worker)
        if status == "ok":
            return 200, meta, body
        return _error(int(meta), str(body))


def _error(status: int, message: str) -> tuple[int, str, bytes]:
    return status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8")


def _saved_examples() -> dict[str, str]:
    try:
        from lawgraph import queries
    except ImportError:
        return {}
    out: dict[str, str] = {}
    try:
        for name in queries.list_saved():
            out[str(name)] = queries.load_saved(str(name))
    except Exception as err:  # the page still works without examples
        logger.warning("could not read the saved queries for the browser page: %s", err)
    return out


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
        fmt = (params.get("format") or params.get("output") or params.get("results") or [None])[0]
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
        self._send(*_error(415, f"unsupported Content-Type {ctype!r}; send application/sparql-query or a form"))

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


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lawgraph SPARQL</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:80rem}
textarea{width:100%;height:14rem;font-family:monospace;font-size:.9rem}
table{border-collapse:collapse;margin-top:1rem;font-size:.85rem}
td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}#status{margin-left:1rem;color:#555}pre{white-space:pre-wrap}
</style></head><body>
<h1>lawgraph SPARQL endpoint</h1>
<p>Endpoint: <code id="endpoint"></code>. The default graph is the union of all graphs; the usual prefixes
(lg:, lgr:, org:, skos:, schema:, dcterms:, prov:, qb:, nif: …) are predeclared. Read-only; SERVICE is refused.</p>
<label>Example: <select id="examples"><option value="">(choose a saved query)</option></select></label>
<form id="form"><textarea id="query" name="query" spellcheck="false">SELECT ?org ?label WHERE {
  ?org a org:Organization ; skos:prefLabel ?label .
} LIMIT 20</textarea><br>
<button type="submit">Run</button><span id="status"></span></form>
<div id="results"></div>
<script id="example-data" type="application/json">__EXAMPLES__</script>
<script>
"use strict";
const examples = JSON.parse(document.getElementById("example-data").textContent);
const select = document.getElementById("examples");
const endpoint = new URL("sparql", window.location.href).href;
document.getElementById("endpoint").textContent = endpoint;
for (const name of Object.keys(examples)) {
  const opt = document.createElement("option"); opt.value = name; opt.textContent = name; select.appendChild(opt);
}
select.addEventListener("change", () => {
  if (select.value) document.getElementById("query").value = examples[select.value];
});
function cell(term) {
  if (!term) return "";
  if (term.type === "literal" && term["xml:lang"]) return term.value + " @" + term["xml:lang"];
  return term.value;
}
document.getElementById("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const status = document.getElementById("status"), out = document.getElementById("results");
  out.textContent = ""; status.textContent = "running…";
  const started = performance.now();
  try {
    const resp = await fetch(endpoint, {method: "POST",
      headers: {"Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
      body: document.getElementById("query").value});
    const text = await resp.text();
    const ms = Math.round(performance.now() - started);
    if (!resp.ok) { status.textContent = "HTTP " + resp.status + " (" + ms + " ms)";
      const pre = document.createElement("pre"); pre.textContent = text; out.appendChild(pre); return; }
    if ((resp.headers.get("Content-Type") || "").includes("json")) {
      const data = JSON.parse(text);
      if ("boolean" in data) { status.textContent = "ASK: " + data.boolean + " (" + ms + " ms)"; return; }
      const vars = data.head.vars, rows = data.results.bindings;
      status.textContent = rows.length + " rows (" + ms + " ms)";
      const table = document.createElement("table"), head = table.insertRow();
      for (const v of vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
      for (const row of rows) { const tr = table.insertRow();
        for (const v of vars) tr.insertCell().textContent = cell(row[v]); }
      out.appendChild(table);
    } else {
      status.textContent = "graph (" + ms + " ms)";
      const pre = document.createElement("pre"); pre.textContent = text; out.appendChild(pre);
    }
  } catch (err) { status.textContent = "error: " + err; }
});
</script></body></html>
"""


def _page(examples: dict[str, str]) -> bytes:
    data = json.dumps(examples, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")
    return _PAGE.replace("__EXAMPLES__", data).encode("utf-8")

