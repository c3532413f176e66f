"""The endpoint itself: :class:`SparqlServer` prepares the data, starts the workers and serves HTTP."""

from __future__ import annotations

import shutil
import tempfile
from http.server import ThreadingHTTPServer
from pathlib import Path

from lawgraph.errors import InputError, QueryError, StoreError
from lawgraph.server.handler import _Handler
from lawgraph.server.negotiation import _error
from lawgraph.server.page import _page, _saved_examples
from lawgraph.server.pool import _WorkerPool
from lawgraph.server.safety import find_service

__all__ = ["DEFAULT_TIMEOUT", "DEFAULT_MAX_RESULT_BYTES", "MEMORY_AUTO_BYTES", "SparqlServer"]

DEFAULT_TIMEOUT = 30.0
"""Seconds a query may run before its worker is killed."""

DEFAULT_MAX_RESULT_BYTES = 50_000_000
"""Largest serialized result the endpoint returns."""

MEMORY_AUTO_BYTES = 1 << 30
"""Store folders up to this size on disk are queried from an in-memory copy unless told otherwise."""


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
        worker (about 0.5 kB per quad) and a slower start (the copy takes about 9 s per million quads). By default, on for RDF files (parsed
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
        self._pool = _WorkerPool(memory=self.memory, timeout=self.timeout)
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
        return self._pool.run(
            query,
            accept=accept,
            format_param=format_param,
            max_result_bytes=self.max_result_bytes,
            default_graph=default_graph,
            named_graphs=named_graphs,
        )
