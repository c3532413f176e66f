"""Extraction on a Dask distributed cluster.

The client (the machine running ``lawgraph build --dask ADDRESS``) lists and hashes the reports, cuts them
into partitions of a few reports, and submits one task per partition, keeping a bounded number in flight.
Each worker builds the spaCy pipeline once per process and returns the partition's N-Quads; the client
loads them into its store, streams them to a file, or pushes them to a SPARQL server.

Dask is an optional extra (``pip install 'lawgraph[dask]'``); it is imported only when a cluster is used.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from lawgraph.corpus.work import ReportOutcome, ReportTask, extract_partition
from lawgraph.errors import LawgraphError

__all__ = ["run_dask", "partitions", "DASK_HINT"]

DASK_HINT = "the Dask cluster runner needs dask and distributed: pip install 'lawgraph[dask]'"


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as err:
        raise LawgraphError(None, DASK_HINT) from err
    return distributed


def partitions(
    tasks: Iterable[ReportTask], *, max_reports: int = 8, max_bytes: int = 4 * 1024 * 1024
) -> Iterator[list[ReportTask]]:
    """Group tasks into partitions of at most ``max_reports`` reports and about ``max_bytes`` of source.

    >>> from lawgraph.corpus.work import ReportTask
    >>> ts = [ReportTask(str(i), str(i), 3, "") for i in range(5)]
    >>> [len(p) for p in partitions(ts, max_reports=2)]
    [2, 2, 1]
    """
    part: list[ReportTask] = []
    size = 0
    for task in tasks:
        part.append(task)
        size += task.size
        if len(part) >= max_reports or size >= max_bytes:
            yield part
            part, size = [], 0
    if part:
        yield part


def _failed(part: list[ReportTask], reason: str) -> list[ReportOutcome]:
    return [ReportOutcome(task=ReportTask(t.path, t.name, t.size, t.digest), error=reason) for t in part]


def run_dask(
    tasks: Iterable[ReportTask],
    *,
    address: str | Any,
    window: int | None = None,
    max_reports: int = 8,
) -> Iterator[ReportOutcome]:
    """Extract the tasks on a Dask cluster, a partition per Dask task.

    Parameters
    ----------
    tasks : iterable of ReportTask
        Pulled lazily. Tasks that carry ``data`` ship their bytes to the workers (no shared file system
        needed); tasks without it are read by the workers at ``task.path``.
    address : str or distributed.Client
        The scheduler address (``tcp://10.0.0.5:8786``) or a connected client, which is left open.
    window : int, optional
        Partitions in flight; twice the number of worker threads by default.
    max_reports : int
        Reports per partition.

    Yields
    ------
    ReportOutcome
        One per task, in task order. A partition whose Dask task fails (for example, its worker died)
        yields failed outcomes with the reason.

    Raises
    ------
    LawgraphError
        Dask is not installed, or the scheduler cannot be reached.
    """
    distributed = _distributed()
    own = not isinstance(address, distributed.Client)
    try:
        client: Any = distributed.Client(address, set_as_default=False) if own else address
    except (OSError, TimeoutError, ValueError) as err:
        raise LawgraphError(str(address), f"cannot reach the Dask scheduler: {err}") from err
    try:
        if window is None:
            threads = sum(client.nthreads().values()) or 1
            window = 2 * threads
        pending: deque[tuple[list[ReportTask], Any]] = deque()
        source = partitions(tasks, max_reports=max_reports)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                part = next(source, None)
                if part is None:
                    exhausted = True
                    break
                pending.append((part, client.submit(extract_partition, part, pure=False)))
            if not pending:
                return
            part, future = pending.popleft()
            try:
                outcomes = future.result()
            except (
                Exception
            ) as err:  # a worker died or the task was lost: the partition fails, the build goes on
                outcomes = _failed(part, f"Dask task failed: {type(err).__name__}: {err}")
            finally:
                future.release()
            yield from outcomes
    finally:
        if own:
            client.close()
