"""The endpoint itself: :class:`SparqlServer` prepares the data, starts the workers and serves HTTP."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from lawgraph.errors import InputError, QueryError, StoreError
from lawgraph.server.fairness import FairScheduler
from lawgraph.server.handler import Handler
from lawgraph.server.http import LimitedHTTPServer
from lawgraph.server.page import query_page, saved_examples
from lawgraph.server.pool import Answer, WorkerPool, plain_answer
from lawgraph.sparql_guard import MAX_QUERY_BYTES

__all__ = [
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RESULT_BYTES",
    "DEFAULT_MEMORY_LIMIT",
    "MEMORY_AUTO_BYTES",
    "SparqlServer",
]

DEFAULT_TIMEOUT = 30.0
"""Seconds a query may run before its worker is killed."""

DEFAULT_MAX_RESULT_BYTES = 50_000_000
"""Largest serialized result the endpoint returns."""

MEMORY_AUTO_BYTES = 1 << 30
"""Store folders up to this size on disk are queried from an in-memory copy unless told otherwise."""

LIGHT_SECONDS = 0.1
"""Seconds a query's text typically runs in to be light: it may then take the express workers."""

DEFAULT_MEMORY_LIMIT = 2 << 30
"""Bytes of address space a worker may add to what its data takes, for one query."""


def _folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


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
        Each worker queries an in-memory copy of the data (:func:`lawgraph.store.memory_copy`): about 10x
        faster than the on-disk store on the saved queries (``bench/RESULTS.md``), at the cost of memory per
        worker (about 0.5 kB per quad) and a slower start (the copy takes about 9 s per million quads).
        By default, on for RDF files (parsed straight into memory) and for store folders up to
        :data:`MEMORY_AUTO_BYTES` on disk.
    examples : dict of str to str, optional
        Example queries for the browser page; the saved queries by default.
    express : int
        Workers kept for known-light queries, whose text ran fast before (1 when ``workers`` ≥ 2, else 0).
    express_timeout : float
        Seconds a query may run on an express worker.
    queue_wait : float
        Seconds a query may wait for a worker before 503 with ``Retry-After``.
    per_client : int
        Queries one client (IP address) may have running or waiting.
    client_budget : float
        Seconds of worker time one client may use per minute.
    memory_limit : int or None
        Bytes of memory a worker may use on top of its data (:data:`DEFAULT_MEMORY_LIMIT`); None: no cap.
    max_query_bytes : int
        Longest query accepted (:data:`lawgraph.sparql_guard.MAX_QUERY_BYTES`).
    max_connections, max_client_connections : int
        Open connections in all, and from one IP address; more are answered 503 and closed.
    idle_timeout : float
        Seconds a connection may stay silent (while sending a request, or between requests) before it is
        closed.
    allowed_hosts : list of str, optional
        Host names the ``Host`` header may carry besides the bound address (and ``localhost`` when bound
        to a loopback address). Other hosts get 421, which stops DNS-rebinding pages. With a wildcard bind
        (``0.0.0.0``) and no list, any host is accepted.

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
        express: int | None = None,
        express_timeout: float = 2.0,
        queue_wait: float = 5.0,
        per_client: int = 2,
        client_budget: float = 120.0,
        memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
        max_query_bytes: int = MAX_QUERY_BYTES,
        max_connections: int = 128,
        max_client_connections: int = 16,
        idle_timeout: float = 10.0,
        allowed_hosts: list[str] | None = None,
    ) -> None:
        if timeout <= 0:
            raise QueryError("--timeout", "must be a positive number of seconds")
        if workers < 1:
            raise QueryError("--workers", "must be at least 1")
        if max_result_bytes < 1:
            raise QueryError("--max-result-bytes", "must be positive")
        express = (1 if workers >= 2 else 0) if express is None else express
        if not 0 <= express < workers:
            raise QueryError("--express", "must be at least 0 and fewer than --workers")
        for name, value in (("--express-timeout", express_timeout), ("--queue-wait", queue_wait),
                            ("--client-budget", client_budget), ("--idle-timeout", idle_timeout)):
            if value <= 0:
                raise QueryError(name, "must be a positive number of seconds")
        for name, count in (("--per-client", per_client), ("--max-query-bytes", max_query_bytes),
                            ("--max-connections", max_connections),
                            ("--max-client-connections", max_client_connections)):
            if count < 1:
                raise QueryError(name, "must be at least 1")
        if memory_limit is not None and memory_limit < (64 << 20):
            raise QueryError("--memory-limit", "must be at least 64 MiB")
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
        self.express = express
        self.max_query_bytes = max_query_bytes
        self.memory_limit = memory_limit
        self.max_connections = max_connections
        self.max_client_connections = max_client_connections
        self.idle_timeout = float(idle_timeout)
        self.allowed_hosts = [h.lower() for h in allowed_hosts or []]
        self.scheduler = FairScheduler(
            per_client=per_client, budget=client_budget, queue_wait=queue_wait, light_seconds=LIGHT_SECONDS
        )
        self._pool = WorkerPool(
            memory=self.memory, timeout=self.timeout, scheduler=self.scheduler, express=express,
            express_timeout=express_timeout, memory_limit=memory_limit,
        )
        self._httpd: LimitedHTTPServer | None = None
        self._closed = False
        self._serving = False
        self.query_page = b""

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
                raise StoreError(
                    self.source, "no Oxigraph store here (build one with `lawgraph build --store`)"
                )
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
            self._pool.start(self._store_path, self.n_workers)
            self.query_page = query_page(self._examples if self._examples is not None else saved_examples())
            handler = type("Handler", (Handler,), {"server_ref": self, "timeout": self.idle_timeout})
            try:
                self._httpd = LimitedHTTPServer(
                    (self.host, self.port), handler, max_connections=self.max_connections,
                    max_client_connections=self.max_client_connections,
                )
            except OSError as err:
                raise StoreError(f"{self.host}:{self.port}", f"cannot listen: {err.strerror or err}") from err
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
        self._pool.refuse_new_workers()
        if self._httpd is not None:
            if self._serving:
                self._httpd.shutdown()  # from another thread: wait for serve_forever to return
            self._httpd.server_close()
        self._pool.close()
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)

    def __enter__(self) -> SparqlServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def host_allowed(self, host_header: str | None) -> bool:
        """Whether a request's ``Host`` header names this endpoint (see ``allowed_hosts``)."""
        if not host_header:
            return False
        host = host_header.strip().lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        name = name.strip("[]")
        if name in self.allowed_hosts:
            return True
        bound = self.host.lower().strip("[]")
        if bound in ("0.0.0.0", "::", ""):
            return not self.allowed_hosts and "/" not in host
        return name in {bound, "localhost", "127.0.0.1", "::1"} if _is_loopback(bound) else name == bound

    def execute(
        self,
        query: str,
        *,
        client: str = "local",
        accept: str | None = None,
        format_param: str | None = None,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> Answer:
        """Evaluate one query of ``client`` under the endpoint's rules; returns the :class:`Answer`.

        Only the size is checked here; the worker runs every other check (nesting, operators, the parse
        tree and the tokens: :func:`lawgraph.sparql_guard.check_query`) before Oxigraph sees the query, so
        their cost counts against the client's time and never holds up the HTTP threads.
        """
        size = len(query.encode("utf-8", "surrogatepass"))
        if size > self.max_query_bytes:
            return plain_answer(400, f"the query is {size} bytes long; the limit is {self.max_query_bytes}")
        return self._pool.run(
            query,
            client=client,
            accept=accept,
            format_param=format_param,
            max_result_bytes=self.max_result_bytes,
            default_graph=default_graph,
            named_graphs=named_graphs,
            max_query_bytes=self.max_query_bytes,
        )


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
