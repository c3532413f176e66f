"""The worker process: opens the data read-only (or an in-memory copy) and answers one query at a time.

A pyoxigraph query cannot be interrupted from Python, so each query runs in a worker process that the
endpoint can kill (:mod:`lawgraph.server.pool`). Results are serialized into a writer that stops at the
result-size limit.
"""

from __future__ import annotations

from typing import IO, Any, cast

from lawgraph.errors import QueryError, StoreError
from lawgraph.server.negotiation import negotiate

__all__: list[str] = []


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


def _worker_main(conn: Any, source: str, memory: bool) -> None:
    """Loop of a worker process: open the data, answer one query at a time."""
    from lawgraph.query import query_kind, run_query, write_results
    from lawgraph.store import read_source

    try:
        store = read_source(source, memory=memory)  # read-only, or an in-memory copy
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
            result = run_query(
                store, text, default_graph=default_graph, named_graphs=named_graphs, where="query"
            )
            kind = query_kind(result)
            media, fmt = negotiate(accept, kind, format_param=format_param)
            sink = _LimitedWriter(max_bytes)
            # The serializers only call write and flush, which is all the sink has.
            write_results(result, cast("IO[bytes]", sink), format=fmt)
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
        self.process = ctx.Process(
            target=_worker_main, args=(child, store_path, memory), daemon=True, name="lawgraph-sparql-worker"
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
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(2)
        self.kill()
