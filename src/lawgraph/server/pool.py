"""The worker processes of one endpoint: a query goes to an idle worker and is cancelled at the time limit.

A worker that misses the deadline (or dies) is killed and a fresh one is started in the background, so the
endpoint keeps its number of workers.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import time

from lawgraph.server.negotiation import _error
from lawgraph.server.workers import _Worker

__all__: list[str] = []

logger = logging.getLogger("lawgraph.server")  # one logger for the whole endpoint, as before the split


class _WorkerPool:
    """Worker processes that answer queries, at most ``timeout`` seconds each.

    Parameters
    ----------
    memory : bool
        Each worker queries an in-memory copy of the data.
    timeout : float
        Seconds a query may wait for a worker and run, together.
    """

    def __init__(self, *, memory: bool, timeout: float) -> None:
        self.memory = memory
        self.timeout = timeout
        self._store_path: str | None = None
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def start(self, store_path: str, workers: int) -> None:
        """Start ``workers`` processes on ``store_path`` (a store folder or RDF file), one after another."""
        self._store_path = store_path
        for _ in range(workers):
            self._add_worker()

    def refuse_new_workers(self) -> None:
        """Start no replacement from now on; a worker that finishes starting is stopped at once."""
        self._closed = True

    def close(self) -> None:
        """Stop every worker; workers that finish starting later (replacements) stop at once."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()

    def _add_worker(self) -> None:
        assert self._store_path is not None  # set by start()
        worker = _Worker(
            self._ctx, self._store_path, memory=self.memory, start_timeout=max(600.0, self.timeout)
        )
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

    def run(
        self,
        query: str,
        *,
        accept: str | None,
        format_param: str | None,
        max_result_bytes: int,
        default_graph: list[str] | None,
        named_graphs: list[str] | None,
    ) -> tuple[int, str, bytes]:
        """Evaluate one query in an idle worker; returns ``(status, content type, body)``."""
        deadline = time.monotonic() + self.timeout
        worker: _Worker | None  # None once it is handed to _replace
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return _error(503, f"the endpoint is busy; no worker was free within {self.timeout:g} s")
        try:
            worker.conn.send((query, accept, format_param, max_result_bytes, default_graph, named_graphs))
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
