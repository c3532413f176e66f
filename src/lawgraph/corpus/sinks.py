"""Where the N-Quads of a corpus build go: an Oxigraph store (in batches) or an N-Quads file (streamed).

The sinks take :class:`~lawgraph.corpus.work.ReportOutcome` objects one at a time; what waits (a store
batch, the shared descriptions of an N-Quads file) waits on disk, so memory does not grow with the corpus.
"""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import tempfile
import threading
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from lawgraph.atomic import publish, temp_folder
from lawgraph.corpus.linesort import LineSorter, folder_beside
from lawgraph.corpus.work import ReportOutcome
from lawgraph.errors import OutputError

__all__ = [
    "StoreSink",
    "NQuadsFileSink",
    "ShardSink",
    "PushSink",
    "DEFAULT_BATCH_BYTES",
    "DEFAULT_PUSH_BYTES",
    "DEFAULT_SHARED_BYTES",
    "DEFAULT_SHARD_BYTES",
]

DEFAULT_BATCH_BYTES = 48 * 1024 * 1024
"""N-Quads bytes gathered before one bulk load: Oxigraph's bulk loader writes new files on every call, so
few large loads are much faster than many small ones; but it takes about 4× a batch in memory while it
loads. Loading bench's N-Quads from files (bench/RESULTS.md): 64 MiB batches 21.6 CPU-s and 283 MiB, 48 MiB
21.6 CPU-s and 205 MiB, 32 MiB 25.0 CPU-s and 157 MiB over the process's own."""


DEFAULT_PUSH_BYTES = 8 * 1024 * 1024
"""N-Quads bytes gathered before one push to a SPARQL server."""

DEFAULT_SHARED_BYTES = 32 * 1024 * 1024
"""Shared description bytes an N-Quads file sink sorts in memory before it writes a sorted run to disk."""

DEFAULT_SHARD_BYTES = 256 * 1024 * 1024
"""N-Quads bytes per shard: big enough that a national year makes a few hundred files, small enough that
``lawgraph push`` (which reads a file into memory) and a parallel ``oxigraph load`` of a few at a time fit."""

_Batch = tuple[Path, list[tuple[str, bytes, str | None, str | None, int]]]
"""A spooled batch: its N-Quads file and one ``(report IRI, b"", name, hash, quads)`` per report."""


class StoreSink:
    """Loads outcomes into an Oxigraph store, many reports per bulk load, in a background thread.

    Each report replaces its named graph and is recorded with its name and content hash
    (:func:`lawgraph.store.load_nquads_reports`). Reports are *spooled*: their N-Quads are appended to a
    batch file on disk as they arrive, and a full batch is bulk-loaded from that file, so no batch is held
    in memory. Oxigraph releases the GIL while it bulk-loads, so with ``background=True`` loading one batch
    overlaps with extracting (or receiving) the next; at most one batch is loading and one is filling.
    Memory is the loader's own (about 4× ``batch_bytes`` while a batch loads, measured in
    ``bench/RESULTS.md``); disk, at most three batches.

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
    spool : str or Path, optional
        The folder in which the batch files go (in a temporary folder, removed at the end); the system's
        temporary folder by default. Give one on the store's disk for big builds.
    """

    def __init__(
        self,
        store: Any,
        *,
        batch_bytes: int = DEFAULT_BATCH_BYTES,
        batch_reports: int = 1000,
        background: bool = True,
        spool: str | Path | None = None,
    ) -> None:
        self.store = store
        self.batch_bytes = batch_bytes
        self.batch_reports = batch_reports
        self._spool = Path(tempfile.mkdtemp(prefix="lawgraph-batches-", dir=spool))
        self._file: IO[bytes] | None = None
        self._path: Path | None = None
        self._pending: list[tuple[str, bytes, str | None, str | None, int]] = []
        self._size = 0
        self._files = 0
        self.batches = 0
        """Bulk loads started so far."""
        self._queue: queue.Queue[_Batch | None] | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        if background:
            self._queue = queue.Queue(maxsize=1)
            self._thread = threading.Thread(
                target=self._work, args=(self._queue,), name="lawgraph-store-writer", daemon=True
            )
            self._thread.start()

    def _load(self, batch: _Batch) -> None:
        from lawgraph.store import load_nquads_reports

        path, reports = batch
        try:
            load_nquads_reports(self.store, reports, path=path)
        finally:
            path.unlink(missing_ok=True)

    def _work(self, batches: queue.Queue[_Batch | None]) -> None:
        while True:
            batch = batches.get()
            try:
                if batch is None:
                    return
                if self._error is None:
                    self._load(batch)
                else:
                    batch[0].unlink(missing_ok=True)
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
        if self._file is None:
            self._files += 1
            self._path = self._spool / f"batch-{self._files:06d}.nq"
            self._file = open(self._path, "wb")  # noqa: SIM115 - closed by flush
        for part in (outcome.named, outcome.shared):
            self._file.write(part)
            if part and not part.endswith(b"\n"):
                self._file.write(b"\n")
        self._pending.append(
            (outcome.report_iri or "", b"", outcome.task.name, outcome.task.digest, outcome.quads)
        )
        self._size += len(outcome.named) + len(outcome.shared)
        if self._size >= self.batch_bytes or len(self._pending) >= self.batch_reports:
            return self.flush(wait=False)
        return 0

    def flush(self, *, wait: bool = True) -> int:
        """Hand every pending report to the loader; with ``wait``, return once everything is loaded."""
        count = len(self._pending)
        if self._file is not None and self._path is not None:
            self._file.close()
            batch: _Batch = (self._path, self._pending)
            self._file, self._path, self._pending, self._size = None, None, [], 0
            self.batches += 1
            if self._queue is None:
                self._load(batch)
            else:
                self._queue.put(batch)
        if wait and self._queue is not None:
            self._queue.join()
        self._raise()
        return count

    def _stop(self) -> None:
        if self._thread is not None and self._queue is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def close(self) -> None:
        """Load what is pending, stop the writer thread and make the store durable."""
        try:
            self.flush()
        finally:
            self._stop()
            shutil.rmtree(self._spool, ignore_errors=True)
        flush = getattr(self.store, "flush", None)
        if callable(flush):
            flush()

    def abort(self) -> None:
        """Stop the writer thread after the batch it is loading; pending reports are not loaded."""
        if self._file is not None:
            self._file.close()
        self._file, self._path, self._pending, self._size = None, None, [], 0
        self._stop()
        shutil.rmtree(self._spool, ignore_errors=True)


class NQuadsFileSink:
    """Streams outcomes to an N-Quads file, written atomically (a temporary file renamed at the end).

    Quads in the report's own graph are written as they come. Shared descriptions (default graph), which
    many reports repeat, go through an external sort (:class:`~lawgraph.corpus.linesort.LineSorter`) and
    are written once each, sorted, after the last report: memory stays bounded however many distinct
    descriptions the corpus has.

    Parameters
    ----------
    path : str or Path
        The ``.nq`` file to write.
    memory_bytes : int, optional
        Shared description bytes sorted in memory before a sorted run is written beside the file
        (:data:`DEFAULT_SHARED_BYTES` by default).

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

    def __init__(self, path: str | Path, *, memory_bytes: int | None = None) -> None:
        self.path = Path(path)
        self.lines = 0
        """Lines written so far (shared descriptions are counted when the file is closed)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # beside a link's target, or in the temporary folder for a FIFO or device (published by copying)
            folder = temp_folder(self.path)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        except OSError as err:
            raise OutputError(self.path, f"cannot write: {err.strerror or err}") from err
        self._tmp = Path(tmp)
        self._file: IO[bytes] | None = os.fdopen(fd, "wb")
        self._shared = LineSorter(
            memory_bytes=memory_bytes or DEFAULT_SHARED_BYTES, folder=folder_beside(self.path)
        )

    def add(self, outcome: ReportOutcome) -> None:
        """Write one built report."""
        if self._file is None:
            raise OutputError(self.path, "already closed")
        named = outcome.named
        if named and not named.endswith(b"\n"):
            named += b"\n"
        self._file.write(named)
        self._shared.add(outcome.shared)
        self.lines += named.count(b"\n")

    def close(self) -> None:
        """Write the shared descriptions, finish the file and move it into place."""
        if self._file is None:
            return
        try:
            for block in self._shared.blocks():
                self._file.writelines(block)
                self.lines += len(block)
            self._file.close()
        except BaseException:
            self.abort()
            raise
        finally:
            self._shared.close()
        self._file = None
        publish(self._tmp, self.path)

    def abort(self) -> None:
        """Drop the temporary file; the target is left as it was."""
        if self._file is not None:
            self._file.close()
            self._file = None
        self._shared.close()
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


class ShardSink:
    """Streams outcomes into N-Quads *shards*: files of about ``shard_bytes`` each, every one a whole graph
    that Oxigraph (``oxigraph load --file shard-*.nq``, several files in parallel) or any Graph Store
    Protocol server (``lawgraph push shard.nq --endpoint URL``) loads on its own.

    A report's statements are never split across shards. Each shard holds its reports' named graphs and
    the shared descriptions they state, once per shard (the same description in two shards is one statement
    once loaded: RDF merges by union). The shards are written in a temporary folder inside ``folder`` and
    moved into it by :meth:`close`, so a failed build leaves no shard behind. ``folder`` must be empty or
    not exist yet: old shards are never mixed with new ones.

    Parameters
    ----------
    folder : str or Path
        Where the shards go (``shard-00001.nq``, ``shard-00002.nq`` …).
    shard_bytes : int
        Start a new shard once this many N-Quads bytes are written to the current one.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from lawgraph.corpus.work import ReportOutcome, ReportTask
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "shards"
    >>> t = ReportTask("a.txt", "/a.txt", 1, "0")
    >>> own = b'<http://x/s> <http://x/p> "1" <http://x/r1> .\\n'
    >>> shared = b'<http://x/o> <http://x/p> "o" .\\n'
    >>> with ShardSink(out, shard_bytes=1) as sink:
    ...     sink.add(ReportOutcome(t, "http://x/r1", own, shared, 2))
    ...     sink.add(ReportOutcome(t, "http://x/r2", b"", shared, 1))
    >>> sorted(p.name for p in out.iterdir()), sink.lines
    (['shard-00001.nq', 'shard-00002.nq'], 3)
    """

    def __init__(self, folder: str | Path, *, shard_bytes: int = DEFAULT_SHARD_BYTES) -> None:
        self.folder = Path(folder)
        self.shard_bytes = shard_bytes
        self.shards = 0
        """Shards started so far."""
        self.lines = 0
        """Lines written so far."""
        if self.folder.exists() and (not self.folder.is_dir() or any(self.folder.iterdir())):
            raise OutputError(self.folder, "is not an empty folder; give a new folder for the shards")
        self._made = not self.folder.exists()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._tmp: Path | None = Path(tempfile.mkdtemp(prefix=".partial-", dir=self.folder))
        except OSError as err:
            raise OutputError(self.folder, f"cannot write: {err.strerror or err}") from err
        self._file: IO[bytes] | None = None
        self._size = 0
        self._seen: set[bytes] = set()

    def add(self, outcome: ReportOutcome) -> None:
        """Write one built report to the current shard (starting one when there is none)."""
        if self._tmp is None:
            raise OutputError(self.folder, "already closed")
        if self._file is None:
            self.shards += 1
            self._file = open(self._tmp / f"shard-{self.shards:05d}.nq", "wb")  # noqa: SIM115 - closed below
            self._seen = set()
        named = outcome.named
        if named and not named.endswith(b"\n"):
            named += b"\n"
        fresh = [line for line in outcome.shared.splitlines(keepends=True) if line not in self._seen]
        self._seen.update(fresh)
        data = named + b"".join(fresh)
        if data and not data.endswith(b"\n"):
            data += b"\n"
        self._file.write(data)
        self._size += len(data)
        self.lines += data.count(b"\n")
        if self._size >= self.shard_bytes:
            self._file.close()
            self._file, self._size, self._seen = None, 0, set()

    def close(self) -> None:
        """Finish the last shard and move every shard into the folder."""
        if self._tmp is None:
            return
        if self._file is not None:
            self._file.close()
            self._file = None
        for shard in sorted(self._tmp.iterdir()):
            os.replace(shard, self.folder / shard.name)
        shutil.rmtree(self._tmp, ignore_errors=True)
        self._tmp = None

    def abort(self) -> None:
        """Drop every shard written; a folder this sink made is removed again."""
        if self._file is not None:
            self._file.close()
            self._file = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None
        if self._made:
            with contextlib.suppress(OSError):
                self.folder.rmdir()

    def __enter__(self) -> ShardSink:
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
