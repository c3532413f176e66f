"""The worker process: opens the data read-only (or an in-memory copy) and answers one query at a time.

A pyoxigraph query cannot be interrupted from Python, so each query runs in a worker process that the
endpoint can kill (:mod:`lawgraph.server.pool`). Results are serialized into a writer that stops at the
result-size limit.

At start a worker moves into an empty network namespace where the system allows it (so no query it runs
can reach another host, whatever got past :mod:`lawgraph.sparql_guard`), arranges to die with the
endpoint (:func:`lawgraph.sandbox.die_with_parent`), opens the data and then caps its address space at
what the data takes plus the memory limit. Over the cap, Oxigraph aborts the worker, or Python raises
:class:`MemoryError`; either way the endpoint answers 503 and starts a fresh worker.

On ``--no-memory`` a worker reads the store folder on disk; when another process has written the store
since (its ``CURRENT``, ``MANIFEST`` or log files changed), the worker opens it again before the next
query, so answers follow the store.
"""

from __future__ import annotations

import contextlib
import os
from typing import IO, Any, cast

from lawgraph.errors import QueryError, StoreError
from lawgraph.server.negotiation import negotiate

__all__: list[str] = ["Worker"]


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


def _store_signature(source: str) -> tuple[tuple[str, int, int], ...]:
    """What changes when another process writes the store folder (its CURRENT, MANIFEST and log files)."""
    try:
        entries = list(os.scandir(source))
    except OSError:
        return ()
    marks = []
    for entry in entries:
        if entry.name == "CURRENT" or entry.name.startswith("MANIFEST-") or entry.name.endswith(".log"):
            try:
                st = entry.stat()
            except OSError:
                continue
            marks.append((entry.name, st.st_mtime_ns, st.st_size))
    return tuple(sorted(marks))


def _worker_main(conn: Any, source: str, memory: bool, parent_pid: int, memory_limit: int | None) -> None:
    """Loop of a worker process: drop the network, open the data, cap memory, answer one query at a time."""
    from lawgraph.sandbox import cap_memory, die_with_parent, drop_network

    drop_network()  # first, while the process has one thread: nothing it runs can reach another host
    die_with_parent(parent_pid)
    from lawgraph.query import query_kind, run_query, write_results
    from lawgraph.store import read_source

    on_disk = os.path.isdir(source) and not memory
    try:
        store = read_source(source, memory=memory)  # read-only, or an in-memory copy
    except Exception as err:  # report any failure to the parent, which turns it into a StoreError
        conn.send(("error", 500, getattr(err, "message", None) or str(err)))
        return
    signature = _store_signature(source) if on_disk else ()
    from lawgraph.sparql_guard import check_query

    check_query("ASK { ?s ?p ?o }")  # load rdflib's grammar now, not during the first client's query
    if memory_limit is not None:
        cap_memory(memory_limit)
    conn.send(("ready", 0, ""))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        text, accept, format_param, max_bytes, default_graph, named_graphs, max_query_bytes = request
        try:
            if on_disk and _store_signature(source) != signature:
                # a build wrote the store since it was opened: read it afresh (a read-only RocksDB
                # handle keeps seeing the files it opened)
                del store
                store = read_source(source)
                signature = _store_signature(source)
            result = run_query(
                store, text, default_graph=default_graph, named_graphs=named_graphs, where="query",
                limits={"max_bytes": max_query_bytes},
            )
            kind = query_kind(result)
            media, fmt = negotiate(accept, kind, format_param=format_param)
            sink = _LimitedWriter(max_bytes)
            # The serializers only call write and flush, which is all the sink has.
            write_results(result, cast("IO[bytes]", sink), format=fmt)
            conn.send(("ok", media, b"".join(sink.chunks)))
        except QueryError as err:
            conn.send(("error", 400, err.reason))
        except _ResultTooLarge:
            conn.send(("error", 413, f"the result is larger than the limit of {max_bytes} bytes; add LIMIT"))
        except MemoryError:
            conn.send(("error", 503, "the query was stopped: it needed more memory than its worker's limit"))
        except Exception as err:  # never let one bad query kill the worker silently
            conn.send(("error", 500, f"query failed: {' '.join(str(err).split())[:300]}"))


class Worker:
    def __init__(
        self,
        ctx: Any,
        store_path: str,
        *,
        memory: bool,
        start_timeout: float,
        memory_limit: int | None = None,
        express: bool = False,
    ) -> None:
        self.express = express
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(child, store_path, memory, os.getpid(), memory_limit), daemon=True,
            name="lawgraph-sparql-worker",
        )
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
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.process.join(2)
        self.kill()
