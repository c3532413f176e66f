"""Where the N-Quads of a corpus build go: an Oxigraph store (in batches) or an N-Quads file (streamed).

Both sinks take :class:`~lawgraph.corpus.work.ReportOutcome` objects one at a time and hold at most one
batch in memory.
"""

from __future__ import annotations

import hashlib
import os
import queue
import tempfile
import threading
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from lawgraph.atomic import publish, temp_folder
from lawgraph.corpus.work import ReportOutcome
from lawgraph.errors import OutputError

__all__ = ["StoreSink", "NQuadsFileSink", "PushSink", "DEFAULT_BATCH_BYTES", "DEFAULT_PUSH_BYTES"]

DEFAULT_BATCH_BYTES = 64 * 1024 * 1024
"""N-Quads bytes gathered before one bulk load: Oxigraph's bulk loader writes new files on every call, so
few large loads are much faster than many small ones."""


DEFAULT_PUSH_BYTES = 8 * 1024 * 1024
"""N-Quads bytes gathered before one push to a SPARQL server."""


class StoreSink:
    """Loads outcomes into an Oxigraph store, many reports per bulk load, in a background thread.

    Each report replaces its named graph and is recorded with its name and content hash
    (:func:`lawgraph.store.load_nquads_reports`). Oxigraph releases the GIL while it bulk-loads, so with
    ``background=True`` loading one batch overlaps with extracting (or receiving) the next; at most one
    batch is loading and one is filling, so memory stays bounded.

    Parameters
    ----------
    store : pyoxigraph.Store or rdflib.Dataset
        An open, writable store.
    batch_bytes : int
        Flush when the pending N-Quads reach this size.
    batch_reports : int
        Flush when this many reports are pending.
    background : bool
        Load batches in a writer thread.
    """

    def __init__(
        self,
        store: Any,
        *,
        batch_bytes: int = DEFAULT_BATCH_BYTES,
        batch_reports: int = 1000,
        background: bool = True,
    ) -> None:
        self.store = store
        self.batch_bytes = batch_bytes
        self.batch_reports = batch_reports
        self._pending: list[ReportOutcome] = []
        self._size = 0
        self.batches = 0
        """Bulk loads started so far."""
        self._queue: queue.Queue[list[ReportOutcome] | None] | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        if background:
            self._queue = queue.Queue(maxsize=1)
            self._thread = threading.Thread(
                target=self._work, args=(self._queue,), name="lawgraph-store-writer", daemon=True
            )
            self._thread.start()

    def _load(self, batch: list[ReportOutcome]) -> None:
        from lawgraph.store import load_nquads_reports

        load_nquads_reports(
            self.store,
            ((o.report_iri or "", o.named + o.shared, o.task.name, o.task.digest, o.quads) for o in batch),
        )

    def _work(self, batches: queue.Queue[list[ReportOutcome] | None]) -> None:
        while True:
            batch = batches.get()
            try:
                if batch is None:
                    return
                if self._error is None:
                    self._load(batch)
            except BaseException as err:  # handed to the main thread at the next add/flush/close
                self._error = err
            finally:
                batches.task_done()

    def _raise(self) -> None:
        if self._error is not None:
            err, self._error = self._error, None
            raise err

    def add(self, outcome: ReportOutcome) -> int:
        """Queue one built report; returns the number of reports handed to the loader by this call."""
        self._raise()
        self._pending.append(outcome)
        self._size += len(outcome.named) + len(outcome.shared)
        if self._size >= self.batch_bytes or len(self._pending) >= self.batch_reports:
            return self.flush(wait=False)
        return 0

    def flush(self, *, wait: bool = True) -> int:
        """Hand every pending report to the loader; with ``wait``, return once everything is loaded."""
        count = len(self._pending)
        if self._pending:
            batch, self._pending, self._size = self._pending, [], 0
            self.batches += 1
            if self._queue is None:
                self._load(batch)
            else:
                self._queue.put(batch)
        if wait and self._queue is not None:
            self._queue.join()
        self._raise()
        return count

    def close(self) -> None:
        """Load what is pending, stop the writer thread and make the store durable."""
        try:
            self.flush()
        finally:
            if self._thread is not None and self._queue is not None:
                self._queue.put(None)
                self._thread.join()
                self._thread = None
        flush = getattr(self.store, "flush", None)
        if callable(flush):
            flush()

    def abort(self) -> None:
        """Stop the writer thread after the batch it is loading; pending reports are not loaded."""
        self._pending, self._size = [], 0
        if self._thread is not None and self._queue is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None


class NQuadsFileSink:
    """Streams outcomes to an N-Quads file, written atomically (a temporary file renamed at the end).

    Quads in the report's own graph are written as they come. Shared descriptions (default graph), which
    many reports repeat, are written once: the sink remembers a 16-byte digest of each line it wrote.

    Parameters
    ----------
    path : str or Path
        The ``.nq`` file to write.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from lawgraph.corpus.work import ReportOutcome, ReportTask
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.nq"
    >>> t = ReportTask("a.txt", "/a.txt", 1, "0")
    >>> own = b'<http://x/s> <http://x/p> "1" <http://x/r1> .\\n'
    >>> shared = b'<http://x/o> <http://x/p> "o" .\\n'
    >>> with NQuadsFileSink(out) as sink:
    ...     sink.add(ReportOutcome(t, "http://x/r1", own, shared, 2))
    ...     sink.add(ReportOutcome(t, "http://x/r2", b"", shared, 1))
    >>> len(out.read_text().splitlines())
    2
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._seen: set[bytes] = set()
        self.lines = 0
        """Lines written so far."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # beside a link's target, or in the temporary folder for a FIFO or device (published by copying)
            folder = temp_folder(self.path)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        except OSError as err:
            raise OutputError(self.path, f"cannot write: {err.strerror or err}") from err
        self._tmp = Path(tmp)
        self._file: IO[bytes] | None = os.fdopen(fd, "wb")

    def add(self, outcome: ReportOutcome) -> None:
        """Write one built report."""
        if self._file is None:
            raise OutputError(self.path, "already closed")
        fresh = []
        for line in outcome.shared.splitlines(keepends=True):
            key = hashlib.blake2b(line, digest_size=16).digest()
            if key not in self._seen:
                self._seen.add(key)
                fresh.append(line)
        self._file.write(outcome.named)
        self._file.write(b"".join(fresh))
        self.lines += outcome.named.count(b"\n") + len(fresh)

    def close(self) -> None:
        """Finish the file and move it into place."""
        if self._file is None:
            return
        self._file.close()
        self._file = None
        publish(self._tmp, self.path)

    def abort(self) -> None:
        """Drop the temporary file; the target is left as it was."""
        if self._file is not None:
            self._file.close()
            self._file = None
        self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> NQuadsFileSink:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class PushSink:
    """Sends built reports to a SPARQL server in batches, with :func:`lawgraph.push.push`.

    Each batch is parsed into a small in-memory store and pushed: every report graph is replaced on the
    server (``PUT``) and the batch's shared descriptions are merged into its default graph (``POST``), so
    what other reports put there stays.

    Parameters
    ----------
    endpoint : str
        The Graph Store Protocol URL (``http://host:7878/store`` for Oxigraph).
    batch_bytes : int
        Push when the pending N-Quads reach this size.
    """

    def __init__(self, endpoint: str, *, batch_bytes: int = DEFAULT_PUSH_BYTES) -> None:
        self.endpoint = endpoint
        self.batch_bytes = batch_bytes
        self._pending: list[bytes] = []
        self._size = 0
        self.triples = 0
        """Triples sent so far."""

    def add(self, outcome: ReportOutcome) -> None:
        """Queue one built report; pushes a batch when it is full."""
        self._pending.append(outcome.named + outcome.shared)
        self._size += len(self._pending[-1])
        if self._size >= self.batch_bytes:
            self.flush()

    def flush(self) -> None:
        """Push what is pending."""
        import pyoxigraph as ox

        from lawgraph.push import push

        if not self._pending:
            return
        data, self._pending, self._size = b"".join(self._pending), [], 0
        batch = ox.Store()
        batch.load(input=data, format=ox.RdfFormat.N_QUADS)
        self.triples += push(batch, endpoint=self.endpoint).triples
