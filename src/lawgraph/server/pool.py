"""The worker processes of one endpoint: each query goes to the worker the fair scheduler picks, time-limited.

A worker that misses the deadline, runs out of its memory cap or dies is killed and a fresh one is started
by one long-lived spawner thread (so the kernel's parent-death signal, which follows the thread that
started a process, stays with a thread that lives as long as the endpoint), and the endpoint keeps its
number of workers. The answer to that query is 503; every other client goes on.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import queue
import signal
import threading
import time
from typing import NamedTuple

from lawgraph.server.fairness import Busy, FairScheduler
from lawgraph.server.negotiation import error_answer
from lawgraph.server.workers import Worker

__all__: list[str] = ["WorkerPool", "Answer", "plain_answer"]

logger = logging.getLogger("lawgraph.server")  # one logger for the whole endpoint, as before the split


class Answer(NamedTuple):
    """What the endpoint sends back: status, content type, body and extra headers."""

    status: int
    media: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def plain_answer(status: int, message: str, *headers: tuple[str, str]) -> Answer:
    code, media, body = error_answer(status, message)
    return Answer(code, media, body, tuple(headers))


class WorkerPool:
    """Worker processes that answer queries, at most ``timeout`` seconds each.

    Parameters
    ----------
    memory : bool
        Each worker queries an in-memory copy of the data.
    timeout : float
        Seconds a query may run.
    scheduler : FairScheduler
        Decides which waiting query gets which worker.
    express : int
        Workers kept for known-light queries (see :mod:`lawgraph.server.fairness`).
    express_timeout : float
        Seconds a query may run on an express worker.
    memory_limit : int or None
        Bytes of address space a worker may add on top of its data for one query (None: no cap).
    """

    def __init__(
        self,
        *,
        memory: bool,
        timeout: float,
        scheduler: FairScheduler | None = None,
        express: int = 0,
        express_timeout: float = 2.0,
        memory_limit: int | None = None,
    ) -> None:
        self.memory = memory
        self.timeout = timeout
        self.scheduler = scheduler or FairScheduler(queue_wait=timeout)
        self.express = express
        self.express_timeout = min(express_timeout, timeout)
        self.memory_limit = memory_limit
        self._store_path: str | None = None
        self._ctx = multiprocessing.get_context("spawn")
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._spawns: queue.Queue[bool | None] = queue.Queue()
        self._spawner: threading.Thread | None = None

    def start(self, store_path: str, workers: int) -> None:
        """Start ``workers`` processes on ``store_path``, the last ``express`` of them for light queries."""
        self._store_path = store_path
        for i in range(workers):
            self._add_worker(express=i >= workers - self.express)
        self._spawner = threading.Thread(target=self._spawn_loop, name="lawgraph-worker-spawner", daemon=True)
        self._spawner.start()

    def refuse_new_workers(self) -> None:
        """Start no replacement from now on; a worker that finishes starting is stopped at once."""
        self._closed = True
        self._spawns.put(None)

    def close(self) -> None:
        """Stop every worker; workers that finish starting later (replacements) stop at once."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        self._spawns.put(None)
        for worker in workers:
            self.scheduler.discard(worker)
            worker.stop()

    def _add_worker(self, *, express: bool) -> None:
        assert self._store_path is not None  # set by start()
        worker = Worker(
            self._ctx, self._store_path, memory=self.memory, start_timeout=max(600.0, self.timeout),
            memory_limit=self.memory_limit, express=express,
        )
        with self._lock:
            if self._closed:
                worker.stop()
                return
            self._all.add(worker)
        self.scheduler.add(worker, express=express)

    def _spawn_loop(self) -> None:
        while True:
            express = self._spawns.get()
            if express is None or self._closed:
                return
            try:
                self._add_worker(express=express)
            except Exception:
                logger.exception("could not start a replacement SPARQL worker")
                time.sleep(1.0)
                self._spawns.put(express)  # try again: the endpoint must keep its workers

    def _replace(self, worker: Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.kill()
        if not self._closed:
            self._spawns.put(worker.express)

    def run(
        self,
        query: str,
        *,
        client: str,
        accept: str | None,
        format_param: str | None,
        max_result_bytes: int,
        default_graph: list[str] | None,
        named_graphs: list[str] | None,
        max_query_bytes: int,
    ) -> Answer:
        """Evaluate one query of ``client`` in a worker the scheduler picks."""
        text = " ".join(query.split()).encode("utf-8", "surrogatepass")
        key = hashlib.blake2b(text, digest_size=16).digest()
        try:
            lease = self.scheduler.acquire(client, key)
        except Busy as busy:
            return plain_answer(busy.status, busy.message, ("Retry-After", str(busy.retry_after)))
        worker: Worker = lease.worker
        limit = self.express_timeout if lease.express else self.timeout
        keep = False
        try:
            worker.conn.send(
                (query, accept, format_param, max_result_bytes, default_graph, named_graphs, max_query_bytes)
            )
            if not worker.conn.poll(limit):
                if lease.express:
                    return plain_answer(
                        503,
                        f"the query was cancelled after {limit:g} s on the worker kept for short queries; "
                        "send it again: it will wait for the other workers",
                        ("Retry-After", "1"),
                    )
                return plain_answer(503, f"the query was cancelled after the time limit of {limit:g} s",
                                    ("Retry-After", "5"))
            status, meta, body = worker.conn.recv()
            # a worker that caught a MemoryError is replaced all the same: its heap may be in pieces
            keep = not (status == "error" and int(meta) == 503)
        except (EOFError, OSError, BrokenPipeError):
            return self._died(worker)
        finally:
            if not keep:
                self._replace(worker)
            self.scheduler.release(lease, keep=keep)
        if status == "ok":
            return Answer(200, meta, body)
        return plain_answer(int(meta), str(body))

    def _died(self, worker: Worker) -> Answer:
        worker.process.join(2)
        code = worker.process.exitcode
        if code == -signal.SIGABRT or code == -signal.SIGKILL:
            cap = f" of {self.memory_limit // (1 << 20)} MiB" if self.memory_limit else ""
            message = f"the query was stopped: it needed more memory than its worker's limit{cap}"
            return plain_answer(503, message, ("Retry-After", "5"))
        message = "the query's worker stopped unexpectedly; the endpoint goes on"
        return plain_answer(503, message, ("Retry-After", "5"))
