"""Streaming, parallel, incremental corpus builds.

:func:`build_corpus` expands the inputs lazily, hashes each file, skips the ones the store already holds
with the same hash, extracts the rest in this process, in a process pool or on a Dask cluster, and writes
their N-Quads to the store in batches and/or to a file. Memory stays flat as the corpus grows: paths are
pulled one at a time, a bounded number of reports is in flight, and at most one batch of N-Quads waits to be
loaded.

Progress is reported through a callback of :class:`BuildEvent`; the CLI turns it into a progress bar or log
lines. The result is a :class:`CorpusSummary`. A report that cannot be read or extracted is counted as a
failure with its reason and the build goes on.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lawgraph.corpus.work import ReportOutcome, ReportTask, file_digest
from lawgraph.errors import InputError, LawgraphError

__all__ = ["BuildEvent", "CorpusSummary", "build_corpus", "count_reports", "plan_tasks", "source_name"]

EventCallback = Callable[["BuildEvent"], None]


@dataclass(frozen=True, slots=True)
class BuildEvent:
    """Something that happened during a corpus build, for progress displays and logs.

    Attributes
    ----------
    kind : str
        ``built`` (extracted and queued for writing), ``unchanged`` (same hash as in the store, skipped),
        ``duplicate`` (same text as another report, skipped), ``failed``, ``pruned`` (its graph was removed),
        ``flushed`` (a batch was written; ``quads`` is the batch's report count), ``compacted`` (the store
        was compacted after the last batch; ``seconds`` is how long that took).
    path : str
        The report file (empty for ``flushed``).
    size : int
        Source bytes of the report.
    quads : int
        Quads extracted from it.
    seconds : float
        Time its extraction took.
    reason : str or None
        Why it failed, or which report it duplicates.
    """

    kind: str
    path: str = ""
    size: int = 0
    quads: int = 0
    seconds: float = 0.0
    reason: str | None = None


@dataclass(slots=True)
class CorpusSummary:
    """What a corpus build did.

    Attributes
    ----------
    runner : str
        ``serial``, ``processes`` or ``dask``.
    jobs : int
        Worker processes (1 for serial; the cluster's threads for Dask are not counted).
    built, unchanged : int
        Reports extracted and written; reports skipped because the store already held them.
    duplicates : list of (str, str)
        ``(path, path of the report with the same text)``: skipped.
    failures : list of (str, str)
        ``(path, reason)`` of every report that could not be built.
    pruned : list of str
        Names of reports whose graphs were removed because their files no longer exist.
    quads : int
        Quads extracted (each report's named graph plus its shared descriptions).
    bytes_in : int
        Source bytes of the reports extracted.
    entities : dict of str to int
        Distinct entities per lawgraph class among the reports extracted in this run.
    seconds : float
        Wall time of the whole build.
    compact_seconds : float
        Part of ``seconds`` spent compacting the store after loading (0 when it was not compacted).
    store, output : str or None
        Where the graph went.
    shards : str or None
        The folder of N-Quads shards written, if any.
    shard_count : int
        How many shards were written there.
    """

    runner: str = "serial"
    jobs: int = 1
    built: int = 0
    unchanged: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    quads: int = 0
    bytes_in: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    compact_seconds: float = 0.0
    store: str | None = None
    output: str | None = None
    shards: str | None = None
    shard_count: int = 0

    @property
    def seen(self) -> int:
        """Reports found in the inputs."""
        return self.built + self.unchanged + len(self.duplicates) + len(self.failures)

    @property
    def all_failed(self) -> bool:
        """Every report failed (or no report was found): nothing is written to the output file."""
        return bool(self.failures) and not (self.built or self.unchanged)

    @property
    def exit_code(self) -> int:
        """0 when every report built (or was unchanged), 1 when some failed."""
        return 1 if self.failures else 0

    def rate(self, what: str) -> float:
        """Throughput over the wall time: ``"MB"`` (source MB/s), ``"reports"`` or ``"quads"`` per second.

        >>> CorpusSummary(built=4, bytes_in=2_000_000, quads=100, seconds=2.0).rate("MB")
        1.0
        """
        amount = {"MB": self.bytes_in / 1e6, "reports": float(self.built), "quads": float(self.quads)}[what]
        return amount / self.seconds if self.seconds > 0 else 0.0


def source_name(path: str | Path) -> str:
    """The name a report is recorded under in a store: its absolute POSIX path.

    Absolute names let ``--prune`` tell a report that was deleted from one that is merely outside this
    run's inputs, and keep two reports with the same file name in different folders apart.
    """
    name = Path(os.path.abspath(path)).as_posix()
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # a name that is not UTF-8 on disk: its bytes, percent-encoded (reversible)
        return "file://" + urllib.parse.quote_from_bytes(os.fsencode(name))
    return name


def _on_disk(name: str) -> str:
    """The local path a :func:`source_name` stands for."""
    if name.startswith("file://"):
        return os.fsdecode(urllib.parse.unquote_to_bytes(name[len("file://"):]))
    return name


def _expand(inputs: Iterable[str | Path], failures: Callable[[str, str], None]) -> Iterator[Path]:
    """Each input expanded lazily; a missing input is reported as a failure, not raised."""
    from lawgraph.ingest.paths import iter_report_paths

    for item in inputs:
        try:
            yield from iter_report_paths([item])
        except InputError as err:
            failures(err.where or str(item), err.reason)


def count_reports(inputs: Iterable[str | Path]) -> tuple[int, int]:
    """How many report files the inputs name and their total size, for a progress bar's ETA.

    Walks the inputs without reading the files; inputs that name nothing count as zero.
    """
    count = size = 0
    for path in _expand(inputs, lambda where, reason: None):
        with contextlib.suppress(OSError):
            size += path.stat().st_size
        count += 1
    return count, size


def plan_tasks(
    inputs: Iterable[str | Path],
    *,
    known: dict[str, str] | None = None,
    ship_data: bool = False,
    on_skip: Callable[[str, int, str], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> Iterator[ReportTask]:
    """The reports to extract, one at a time: expanded, read, hashed, and filtered against the store.

    Parameters
    ----------
    inputs : iterable of str or Path
        Files, folders and glob patterns; pulled lazily.
    known : dict, optional
        ``{name: content hash}`` of the reports a store holds; those with an equal hash are skipped.
    ship_data : bool
        Put the source bytes in each task (for workers that cannot read the path).
    on_skip : callable, optional
        Called as ``on_skip(path, size, name)`` for each unchanged report.
    on_error : callable, optional
        Called as ``on_error(path, reason)`` for an input or file that cannot be read.
    """
    known = known or {}
    seen: set[str] = set()

    def error(where: str, reason: str) -> None:
        if on_error is not None:
            on_error(where, reason)

    for path in _expand(inputs, error):
        name = source_name(path)
        if name in seen:
            continue
        seen.add(name)
        try:
            data = path.read_bytes()
        except OSError as err:
            error(str(path), f"cannot read: {err.strerror or err}")
            continue
        digest = file_digest(data)
        if known.get(name) == digest:
            if on_skip is not None:
                on_skip(str(path), len(data), name)
            continue
        yield ReportTask(str(path), name, len(data), digest, data if ship_data else None)


class _Entities:
    """Distinct entities per class, remembered as 8-byte digests."""

    def __init__(self) -> None:
        self._by_class: dict[str, set[bytes]] = {}

    def add(self, pairs: Iterable[tuple[str, str]]) -> None:
        for cls, key in pairs:
            digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
            self._by_class.setdefault(cls, set()).add(digest)

    def counts(self) -> dict[str, int]:
        return {
            cls: len(keys)
            for cls, keys in sorted(self._by_class.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        }


def _runner(
    tasks: Iterable[ReportTask], *, jobs: int, dask: str | Any | None, nlp: Any | None
) -> Iterator[ReportOutcome]:
    if dask is not None:
        from lawgraph.corpus.cluster import run_dask

        return run_dask(tasks, address=dask)
    if jobs > 1:
        from lawgraph.corpus.runners import run_pool

        return run_pool(tasks, jobs=jobs)
    from lawgraph.corpus.runners import run_serial

    return run_serial(tasks, nlp=nlp)


def _open_store(store: Any) -> tuple[Any, str | None]:
    from lawgraph.store import open_oxigraph

    if isinstance(store, (str, Path)):
        return open_oxigraph(store), str(store)
    return store, None


def _owner(iri: str, name: str, this_run: dict[str, str], stored: dict[str, str]) -> str | None:
    """The other report that already has this report IRI (same normalized text), if any."""
    first = this_run.get(iri)
    if first is not None and first != name:
        return first
    kept = stored.get(iri)
    on_disk = _on_disk(kept) if kept is not None else ""
    elsewhere = kept is not None and kept != name
    if first is None and elsewhere and os.path.isabs(on_disk) and os.path.exists(on_disk):
        return kept
    return None


def _prune(ox_store: Any, emit: EventCallback, summary: CorpusSummary) -> None:
    from lawgraph.store import remove_report, stored_reports

    for record in stored_reports(ox_store).values():
        name = record.name
        if name is None or not os.path.isabs(_on_disk(name)) or os.path.exists(_on_disk(name)):
            continue
        remove_report(ox_store, record.iri)
        summary.pruned.append(name)
        emit(BuildEvent("pruned", path=name))


def _check_output(output: Path) -> None:
    """Fail before any work when the output file's format is unknown or it cannot be written."""
    from lawgraph.rdf.serialize import check_writable, output_format

    output_format(output)
    check_writable(output)


def _dump_store(ox_store: Any, output: Path) -> None:
    """Write the store's reports, descriptions and ontology (not its bookkeeping graph) to ``output``.

    Dataset formats (``.nq``, ``.trig``, ``.jsonld``) keep one named graph per report; triple formats
    (``.ttl``, ``.nt``, ``.rdf``) get the union of all graphs (:func:`lawgraph.rdf.write_stream`).
    """
    import pyoxigraph as ox

    from lawgraph.namespaces import STORE_GRAPH
    from lawgraph.rdf.serialize import write_stream

    bookkeeping = ox.NamedNode(str(STORE_GRAPH))
    write_stream((q for q in ox_store if q.graph_name != bookkeeping), output)


class _Outputs:
    """The sinks of one build: a store (given, or temporary for a non-N-Quads file), a file, a server."""

    def __init__(
        self,
        *,
        store: Any,
        output: Path | None,
        push: str | None,
        batch_bytes: int | None,
        shards: Path | None = None,
        shard_bytes: int | None = None,
    ) -> None:
        from lawgraph.corpus.sinks import (
            DEFAULT_BATCH_BYTES,
            DEFAULT_SHARD_BYTES,
            NQuadsFileSink,
            PushSink,
            ShardSink,
            StoreSink,
        )
        from lawgraph.store import open_oxigraph

        if output is not None:
            _check_output(output)
        self.given_store = store is not None
        self.output = output
        self.store_name: str | None = None
        self.temp_dir: str | None = None
        self.ox_store: Any = None
        self.file_sink: NQuadsFileSink | None = None
        self.push_sink = PushSink(push) if push is not None else None
        self.shard_sink = (
            ShardSink(shards, shard_bytes=shard_bytes or DEFAULT_SHARD_BYTES) if shards is not None else None
        )
        if store is not None:
            self.ox_store, self.store_name = _open_store(store)
        elif output is not None and output.suffix.lower() in (".nq", ".nquads"):
            self.file_sink = NQuadsFileSink(output)
        elif output is not None:
            self.temp_dir = tempfile.mkdtemp(prefix="lawgraph-build-")
            self.ox_store = open_oxigraph(Path(self.temp_dir) / "store")
        # batches wait on the store's disk: beside the store folder, or in the temporary store's folder
        spool = self.temp_dir or (Path(store).parent if isinstance(store, (str, Path)) else None)
        self.store_sink = (
            StoreSink(self.ox_store, batch_bytes=batch_bytes or DEFAULT_BATCH_BYTES, spool=spool)
            if self.ox_store is not None
            else None
        )

    def records(self) -> tuple[dict[str, str], dict[str, str]]:
        """``({name: content hash}, {report IRI: name})`` of the given store; loads the ontology into it."""
        known: dict[str, str] = {}
        owners: dict[str, str] = {}
        if self.given_store:
            from lawgraph.store import load_ontology, stored_reports

            for record in stored_reports(self.ox_store).values():
                if record.name is not None:
                    owners[record.iri] = record.name
                    if record.content_hash is not None:
                        known[record.name] = record.content_hash
            load_ontology(self.ox_store)
        return known, owners

    def add(self, outcome: ReportOutcome) -> int:
        """Send one report to every sink; returns how many reports a store batch took (0 when none)."""
        if self.file_sink is not None:
            self.file_sink.add(outcome)
        if self.push_sink is not None:
            self.push_sink.add(outcome)
        if self.shard_sink is not None:
            self.shard_sink.add(outcome)
        return self.store_sink.add(outcome) if self.store_sink is not None else 0

    def finish(self, *, prune: bool, compact: bool, emit: EventCallback, summary: CorpusSummary) -> int:
        """Flush every sink, prune, compact, write the output file; returns the last store batch's size."""
        flushed = 0
        if self.push_sink is not None:
            self.push_sink.flush()
        if self.shard_sink is not None:
            if summary.all_failed:
                self.shard_sink.abort()
            else:
                self.shard_sink.close()
                summary.shard_count = self.shard_sink.shards
        if self.store_sink is not None:
            flushed = self.store_sink.flush()
            if prune:
                _prune(self.ox_store, emit, summary)
            self.store_sink.close()
            if compact and self.given_store and (summary.built or summary.pruned):
                from lawgraph.store import compact as compact_store

                started = time.perf_counter()
                compact_store(self.ox_store, where=self.store_name)
                summary.compact_seconds = time.perf_counter() - started
                emit(BuildEvent("compacted", seconds=summary.compact_seconds))
        if summary.all_failed and self.output is not None:
            # Nothing was built: an existing output file stays as it was, and no empty one is made.
            if self.file_sink is not None:
                self.file_sink.abort()
            summary.output = None
        elif self.file_sink is not None:
            self.file_sink.close()
        elif self.output is not None:
            _dump_store(self.ox_store, self.output)
        return flushed

    def abort(self) -> None:
        """Leave the output file untouched, drop unfinished shards and stop the store writer."""
        if self.file_sink is not None:
            self.file_sink.abort()
        if self.shard_sink is not None:
            self.shard_sink.abort()
        if self.store_sink is not None:
            self.store_sink.abort()

    def cleanup(self) -> None:
        """Remove the temporary store, if one was made."""
        if self.temp_dir is not None:
            self.store_sink = None
            self.ox_store = None
            shutil.rmtree(self.temp_dir, ignore_errors=True)


def build_corpus(
    inputs: Iterable[str | Path],
    *,
    store: str | Path | Any | None = None,
    output: str | Path | None = None,
    jobs: int = 1,
    dask: str | Any | None = None,
    prune: bool = False,
    push: str | None = None,
    on_event: EventCallback | None = None,
    nlp: Any | None = None,
    batch_bytes: int | None = None,
    ship_data: bool = True,
    compact: bool = True,
    shards: str | Path | None = None,
    shard_bytes: int | None = None,
) -> CorpusSummary:
    """Build the graph of a corpus: stream, extract in parallel, write in batches, skip what is unchanged.

    Parameters
    ----------
    inputs : iterable of str or Path
        Report files, folders (searched recursively) and glob patterns. May be a generator; it is consumed
        lazily, one report at a time.
    store : str or Path or pyoxigraph.Store, optional
        The Oxigraph store (folder) to update. Reports it holds with the same content hash are skipped.
    output : str or Path, optional
        A graph file to write. Without ``store`` a ``.nq`` file is streamed as reports are built, other
        dataset formats (``.trig``) go through a temporary store. With ``store``, the whole store (every
        report, including unchanged ones) is written after the build.
    jobs : int
        Worker processes for extraction; 1 runs in this process.
    dask : str or distributed.Client, optional
        A Dask scheduler address; extraction then runs on that cluster and ``jobs`` is ignored.
    prune : bool
        Remove from ``store`` the reports whose source files no longer exist.
    push : str, optional
        A SPARQL Graph Store endpoint (``http://host:7878/store``): each batch of reports is sent there as
        it is built (each report graph replaced, shared descriptions merged), see :func:`lawgraph.push.push`.
    on_event : callable, optional
        Called with a :class:`BuildEvent` for every report and batch (in this process).
    nlp : spacy.Language, optional
        The pipeline for a serial build; built once when omitted.
    batch_bytes : int, optional
        N-Quads bytes per bulk load into the store.
    ship_data : bool
        With ``dask``: send each report's bytes to the workers (no shared file system needed). With
        ``False`` the workers read the same paths, which must then be visible to them.
    compact : bool
        Compact ``store`` after loading (when this run changed it). It costs a few seconds per million
        quads and makes queries on the store about twice as fast; leave it on unless more builds follow
        right away.
    shards : str or Path, optional
        A new (or empty) folder for N-Quads shards (:class:`lawgraph.corpus.sinks.ShardSink`): files of
        about ``shard_bytes`` that Oxigraph loads in parallel (``oxigraph load --file shard-*.nq``) or a
        Graph Store Protocol server takes one at a time (``lawgraph push``). For corpora whose graph is
        loaded elsewhere.
    shard_bytes : int, optional
        N-Quads bytes per shard (:data:`lawgraph.corpus.sinks.DEFAULT_SHARD_BYTES` by default).

    Returns
    -------
    CorpusSummary
        Counts, failures with reasons, rates; ``summary.exit_code`` is 1 when a report failed.

    Raises
    ------
    LawgraphError
        Only for problems with the build as a whole (no store, no output, no Dask, workers that cannot
        start); never for one report.

    Notes
    -----
    Worker processes are started with ``spawn``: a script that calls this with ``jobs > 1`` must do so
    under ``if __name__ == "__main__":``, as with any :mod:`multiprocessing` code.
    """
    if jobs < 1:
        raise LawgraphError(None, f"--jobs must be at least 1, got {jobs}")
    if store is None and output is None and push is None and shards is None:
        raise LawgraphError(
            None, "nowhere to write the graph: give an output file, a store, a shard folder or a server"
        )
    if prune and store is None:
        raise LawgraphError(None, "--prune needs a store (--store DIR)")
    start = time.perf_counter()
    emit: EventCallback = on_event if on_event is not None else (lambda event: None)
    summary = CorpusSummary(
        runner="dask" if dask is not None else ("processes" if jobs > 1 else "serial"),
        jobs=jobs if dask is None else 0,
    )
    out_path = Path(output) if output is not None else None
    summary.output = str(out_path) if out_path is not None else None
    entities = _Entities()
    outputs = _Outputs(
        store=store,
        output=out_path,
        push=push,
        batch_bytes=batch_bytes,
        shards=Path(shards) if shards is not None else None,
        shard_bytes=shard_bytes,
    )
    summary.store = outputs.store_name
    summary.shards = str(shards) if shards is not None else None
    try:
        known, owners = outputs.records()
        this_run: dict[str, str] = {}

        def on_skip(path: str, size: int, name: str) -> None:
            summary.unchanged += 1
            emit(BuildEvent("unchanged", path=path, size=size))

        def on_error(path: str, reason: str) -> None:
            summary.failures.append((path, reason))
            emit(BuildEvent("failed", path=path, reason=reason))

        tasks = plan_tasks(
            inputs, known=known, ship_data=ship_data and dask is not None, on_skip=on_skip, on_error=on_error
        )
        for outcome in _runner(tasks, jobs=jobs, dask=dask, nlp=nlp):
            task = outcome.task
            if outcome.error is not None or outcome.report_iri is None:
                reason = outcome.error or "no report IRI"
                summary.failures.append((task.path, reason))
                emit(
                    BuildEvent(
                        "failed", path=task.path, size=task.size, seconds=outcome.seconds, reason=reason
                    )
                )
                continue
            owner = _owner(outcome.report_iri, task.name, this_run, owners)
            if owner is not None:
                summary.duplicates.append((task.path, owner))
                emit(BuildEvent("duplicate", path=task.path, size=task.size, reason=f"same text as {owner}"))
                continue
            this_run[outcome.report_iri] = task.name
            summary.built += 1
            summary.quads += outcome.quads
            summary.bytes_in += task.size
            entities.add(outcome.entities)
            emit(
                BuildEvent(
                    "built", path=task.path, size=task.size, quads=outcome.quads, seconds=outcome.seconds
                )
            )
            flushed = outputs.add(outcome)
            if flushed:
                emit(BuildEvent("flushed", quads=flushed))
        flushed = outputs.finish(prune=prune, compact=compact, emit=emit, summary=summary)
        if flushed:
            emit(BuildEvent("flushed", quads=flushed))
    except BaseException:
        outputs.abort()
        raise
    finally:
        outputs.cleanup()
    summary.entities = entities.counts()
    summary.seconds = time.perf_counter() - start
    return summary
