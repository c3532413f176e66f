"""The unit of work of a corpus build: one report in, N-Quads bytes out.

Workers (processes of a pool, or Dask workers) run :func:`extract_task`. It builds the spaCy pipeline once
per process (per thread, if a worker runs several), calls :func:`lawgraph.api.process_report` and returns a
small, picklable :class:`ReportOutcome` whose graph is N-Quads *bytes*, never a graph of Python objects, so
what crosses the process boundary is cheap to send and to load into Oxigraph.

A failing report never raises out of :func:`extract_task`: the outcome carries the reason instead, and the
build goes on.
"""

from __future__ import annotations

import gc
import hashlib
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lawgraph.errors import LawgraphError

__all__ = [
    "ReportTask",
    "ReportOutcome",
    "extract_task",
    "extract_partition",
    "init_worker",
    "worker_nlp",
    "file_digest",
]

_LOCAL = threading.local()


@dataclass(frozen=True, slots=True)
class ReportTask:
    """One report to extract.

    Attributes
    ----------
    path : str
        Where the report is (on the machine that reads it).
    name : str
        The name the store records it under (the absolute POSIX path on the machine that planned the build).
    size : int
        Size of the source file in bytes.
    digest : str
        SHA-256 (hex) of the source bytes; the store keeps it to skip unchanged reports next time.
    data : bytes or None
        The source bytes, when they are shipped to a worker that cannot see ``path`` (Dask clusters without
        a shared file system). ``None``: the worker reads ``path``.
    """

    path: str
    name: str
    size: int
    digest: str
    data: bytes | None = None


@dataclass(frozen=True, slots=True)
class ReportOutcome:
    """What extracting one report gave.

    Attributes
    ----------
    task : ReportTask
        The task, with ``data`` dropped.
    report_iri : str or None
        The report IRI (its named graph); ``None`` when it failed.
    named : bytes
        N-Quads of the report's named graph.
    shared : bytes
        N-Quads of the entity descriptions it adds to the default graph (shared across reports).
    quads : int
        Number of lines (quads) in ``named`` and ``shared``.
    entities : tuple of (str, str)
        ``(class local name, kind + canonical name)`` for each entity, to count distinct entities per class.
    seconds : float
        Time spent on the report.
    error : str or None
        Why the report failed, in a few words; ``None`` when it built.
    """

    task: ReportTask
    report_iri: str | None = None
    named: bytes = b""
    shared: bytes = b""
    quads: int = 0
    entities: tuple[tuple[str, str], ...] = ()
    seconds: float = 0.0
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the report built."""
        return self.error is None


def file_digest(data: bytes) -> str:
    """SHA-256 (hex) of a report's source bytes.

    >>> file_digest(b"abc")[:16]
    'ba7816bf8f01cfea'
    """
    return hashlib.sha256(data).hexdigest()


def worker_nlp(factory: Callable[[], Any] | None = None) -> Any:
    """The spaCy pipeline of this process (and thread), built on first use and kept.

    Parameters
    ----------
    factory : callable, optional
        Builds the pipeline; :func:`lawgraph.extract.pipeline.make_nlp` by default.
    """
    nlp = getattr(_LOCAL, "nlp", None)
    if nlp is None:
        if factory is None:
            from lawgraph.extract.pipeline import make_nlp

            factory = make_nlp
        nlp = factory()
        _LOCAL.nlp = nlp
    return nlp


def init_worker() -> None:
    """Process-pool initializer: build the pipeline once, before the first report arrives.

    Workers ignore Ctrl-C: the parent handles it, cancels what is queued and lets them finish cleanly,
    instead of every worker printing a traceback.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_nlp()
    # The pipeline's objects (lexicons, patterns, spaCy's vocab) live as long as the worker: move them out
    # of the collector's reach, so its full passes no longer walk them (a few % of extraction's CPU).
    gc.freeze()


def _entities(facts: Any) -> tuple[tuple[str, str], ...]:
    return tuple((e.cls, f"{e.kind}\x1f{e.key}") for e in getattr(facts, "entities", ()))


def _run(task: ReportTask, path: str, nlp: Any) -> ReportOutcome:
    from lawgraph.api import process_report
    from lawgraph.rdf.quads import report_iri

    result = process_report(path, nlp=nlp)
    named, shared = result.nquads.named, result.nquads.shared
    return ReportOutcome(
        task=task,
        report_iri=report_iri(result.report),
        named=named,
        shared=shared,
        quads=named.count(b"\n") + shared.count(b"\n"),
        entities=_entities(result.facts),
    )


def _reason(err: BaseException) -> str:
    if isinstance(err, LawgraphError):
        return err.reason
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0]}" if text else type(err).__name__


def extract_task(task: ReportTask, *, nlp: Any | None = None) -> ReportOutcome:
    """Extract one report and return its outcome; never raises for a bad report.

    Parameters
    ----------
    task : ReportTask
        What to extract. When ``task.data`` is set the bytes are written to a private temporary folder
        under the report's file name and read from there.
    nlp : spacy.Language, optional
        The pipeline; the process's own (:func:`worker_nlp`) by default.

    Returns
    -------
    ReportOutcome
        With ``error`` set when the report could not be read or extracted.
    """
    from lawgraph.api import fewer_gc_passes

    start = time.perf_counter()
    light = ReportTask(task.path, task.name, task.size, task.digest)
    try:
        pipeline = nlp if nlp is not None else worker_nlp()
        with fewer_gc_passes():  # as a plain build does: about 10 % less CPU, the same result
            if task.data is None:
                outcome = _run(light, task.path, pipeline)
            else:
                with tempfile.TemporaryDirectory(prefix="lawgraph-") as tmp:
                    local = Path(tmp) / os.path.basename(task.path)
                    local.write_bytes(task.data)
                    outcome = _run(light, str(local), pipeline)
    except Exception as err:  # one bad report must never stop a corpus build
        return ReportOutcome(task=light, seconds=time.perf_counter() - start, error=_reason(err))
    return ReportOutcome(
        task=light,
        report_iri=outcome.report_iri,
        named=outcome.named,
        shared=outcome.shared,
        quads=outcome.quads,
        entities=outcome.entities,
        seconds=time.perf_counter() - start,
    )


def extract_partition(tasks: list[ReportTask]) -> list[ReportOutcome]:
    """Extract a partition of reports (the unit a Dask worker runs); one outcome per task, in order."""
    return [extract_task(task) for task in tasks]
