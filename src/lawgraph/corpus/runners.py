"""Where extraction runs: in this process, or in a pool of worker processes.

Both runners take an *iterable* of :class:`~lawgraph.corpus.work.ReportTask` and yield one
:class:`~lawgraph.corpus.work.ReportOutcome` per task, in the order of the tasks. They pull tasks lazily and
keep at most ``window`` of them in flight, so memory stays flat however long the corpus is (an ``imap``
with bounded submission). The Dask runner lives in :mod:`lawgraph.corpus.cluster`.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from lawgraph.corpus.work import ReportOutcome, ReportTask, extract_task, init_worker
from lawgraph.errors import LawgraphError

__all__ = ["run_serial", "run_pool", "default_window", "MAX_CRASHES"]

MAX_CRASHES = 3
"""Consecutive worker deaths after which a pool build stops: the workers cannot run at all."""


def default_window(jobs: int) -> int:
    """How many tasks a runner keeps in flight for ``jobs`` workers: enough to keep them busy.

    >>> default_window(2)
    8
    """
    return max(2, 4 * jobs)


def run_serial(tasks: Iterable[ReportTask], *, nlp: Any | None = None) -> Iterator[ReportOutcome]:
    """Extract the tasks one after the other in this process.

    Parameters
    ----------
    tasks : iterable of ReportTask
        Consumed one at a time.
    nlp : spacy.Language, optional
        The pipeline; built once on first use by default.
    """
    for task in tasks:
        yield extract_task(task, nlp=nlp)


def _init_child(parent_pid: int) -> None:
    """Pool initializer: die with the parent (SIGTERM, SIGKILL or a crash of the build leaves no worker
    behind under PID 1), then build the pipeline."""
    from lawgraph.sandbox import die_with_parent

    die_with_parent(parent_pid)
    init_worker()


def _crashed(task: ReportTask) -> ReportOutcome:
    light = ReportTask(task.path, task.name, task.size, task.digest)
    return ReportOutcome(
        task=light, error="the worker process died while extracting it (crash or out of memory)"
    )


def run_pool(
    tasks: Iterable[ReportTask],
    *,
    jobs: int,
    window: int | None = None,
    start_method: str = "spawn",
) -> Iterator[ReportOutcome]:
    """Extract the tasks in ``jobs`` worker processes, each building the pipeline once.

    Parameters
    ----------
    tasks : iterable of ReportTask
        Pulled lazily: at most ``window`` are submitted and not yet yielded.
    jobs : int
        Number of worker processes.
    window : int, optional
        Tasks in flight; :func:`default_window` by default.
    start_method : str
        The :mod:`multiprocessing` start method. ``spawn`` (the default) starts clean interpreters, which
        is safe even when the parent runs threads (a progress bar, Oxigraph).

    Yields
    ------
    ReportOutcome
        In task order. When a worker process dies, the report it held fails with that reason, the pool is
        restarted and the other reports in flight are resubmitted.

    Raises
    ------
    LawgraphError
        When workers die :data:`MAX_CRASHES` times in a row (they cannot start, for example because the
        calling script starts a build at import time without an ``if __name__ == "__main__":`` guard).
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    limit = window if window is not None else default_window(jobs)
    context = multiprocessing.get_context(start_method)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_init_child, initargs=(os.getpid(),)
        )

    crashes = 0
    finished = False  # False in `finally` when the consumer stopped early (Ctrl-C, SIGTERM, an error)
    pool: ProcessPoolExecutor | None = None  # started with the first task: an all-unchanged run starts none
    pending: deque[tuple[ReportTask, Future[ReportOutcome]]] = deque()
    source = iter(tasks)
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                task = next(source, None)
                if task is None:
                    exhausted = True
                    break
                if pool is None:
                    pool = new_pool()
                pending.append((task, pool.submit(extract_task, task)))
            if not pending or pool is None:
                finished = True
                return
            task, future = pending.popleft()
            try:
                outcome = future.result()
                crashes = 0
            except BrokenProcessPool as err:
                crashes += 1
                pool.shutdown(wait=False, cancel_futures=True)
                if crashes >= MAX_CRASHES:
                    raise LawgraphError(
                        None,
                        f"worker processes died {crashes} times in a row ({err}); if build_corpus is called "
                        "from a script, put the call under `if __name__ == '__main__':`",
                    ) from err
                pool = new_pool()
                pending = deque((t, pool.submit(extract_task, t)) for t, _ in pending)
                outcome = _crashed(task)
            yield outcome
    finally:
        if pool is not None:
            if not finished:  # do not wait for the reports in flight: stop the workers now
                for process in list((getattr(pool, "_processes", None) or {}).values()):
                    process.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
