"""How ``lawgraph build`` shows a corpus build: a progress bar on a terminal, quiet log lines elsewhere, and
a final summary. The library reports :class:`~lawgraph.corpus.BuildEvent` objects; only this module prints.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

from lawgraph.corpus import BuildEvent, CorpusSummary

__all__ = ["progress_display", "print_summary", "LOG_EVERY_SECONDS"]

LOG_EVERY_SECONDS = 30.0
"""Off a terminal, one progress line at most this often (and one per failure)."""


def _rates(done_bytes: int, done: int, elapsed: float) -> tuple[float, float]:
    if elapsed <= 0:
        return 0.0, 0.0
    return done / elapsed, done_bytes / 1e6 / elapsed


class _Counter:
    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.done = 0
        self.built = 0
        self.failed = 0
        self.bytes = 0

    def update(self, event: BuildEvent) -> bool:
        """Count the event; whether it was about a report (not a batch or a prune)."""
        if event.kind in ("built", "unchanged", "duplicate", "failed"):
            self.done += 1
            if event.kind == "built":
                self.built += 1
                self.bytes += event.size
            elif event.kind == "failed":
                self.failed += 1
            return True
        return False

    def line(self, total: int | None) -> str:
        elapsed = time.perf_counter() - self.start
        per_s, mb_s = _rates(self.bytes, self.built, elapsed)
        of = f"/{total}" if total else ""
        return (
            f"lawgraph build: {self.done}{of} reports ({self.built} built, {self.failed} failed), "
            f"{per_s:.1f} reports/s, {mb_s:.2f} MB/s"
        )


@contextmanager
def progress_display(
    inputs: Sequence[str], *, stream: TextIO | None = None, quiet: bool = False
) -> Iterator[Callable[[BuildEvent], None]]:
    """A callback for :func:`lawgraph.corpus.build_corpus` that shows progress on ``stream`` (stderr).

    On a terminal: a rich progress bar with reports/s, MB/s and ETA (the inputs are counted first, without
    reading them). Elsewhere: a log line every :data:`LOG_EVERY_SECONDS` and one line per failure.
    """
    out = stream if stream is not None else sys.stderr
    counter = _Counter()
    if quiet:

        def count(event: BuildEvent) -> None:
            counter.update(event)

        yield count
        return
    if not out.isatty():
        last = [time.perf_counter()]

        def log(event: BuildEvent) -> None:
            counter.update(event)
            if event.kind == "failed":
                print(f"lawgraph build: skipped {event.path}: {event.reason}", file=out, flush=True)
            now = time.perf_counter()
            if now - last[0] >= LOG_EVERY_SECONDS:
                last[0] = now
                print(counter.line(None), file=out, flush=True)

        yield log
        return

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from lawgraph.corpus import count_reports

    total, total_bytes = count_reports(inputs)
    console = Console(file=out)
    columns: list[Any] = [
        TextColumn("[bold]building"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[speed]}"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[failed]}"),
    ]
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("reports", total=total or None, speed="", failed="")

        def show(event: BuildEvent) -> None:
            if not counter.update(event):
                return
            per_s, mb_s = _rates(counter.bytes, counter.built, time.perf_counter() - counter.start)
            failed = f"[red]{counter.failed} failed" if counter.failed else ""
            if event.kind == "failed":
                bar.console.print(
                    f"[yellow]skipped[/] {event.path}: {event.reason}", markup=True, highlight=False
                )
            bar.update(
                task, completed=counter.done, speed=f"{per_s:.1f} reports/s {mb_s:.2f} MB/s", failed=failed
            )

        yield show


def print_summary(summary: CorpusSummary, *, stream: TextIO | None = None) -> None:
    """Print what a corpus build did: counts, rates, entities per class and every failure with its reason."""
    out = stream if stream is not None else sys.stderr
    shards = summary.shards and f"{summary.shard_count} N-Quads shards in {summary.shards}"
    where = ", ".join(x for x in (summary.store and f"store {summary.store}", summary.output, shards) if x)
    runner = {"serial": "1 process", "processes": f"{summary.jobs} processes", "dask": "Dask cluster"}
    print(
        f"lawgraph build: {summary.seen} reports: {summary.built} built, {summary.unchanged} unchanged, "
        f"{len(summary.duplicates)} duplicates, {len(summary.failures)} failed"
        + (f", {len(summary.pruned)} pruned" if summary.pruned else "")
        + (f" -> {where}" if where else ""),
        file=out,
    )
    print(
        f"  {summary.quads:,} quads in {summary.seconds:.1f} s "
        f"on {runner.get(summary.runner, summary.runner)}: "
        f"{summary.rate('reports'):.1f} reports/s, {summary.rate('MB'):.2f} MB/s, "
        f"{summary.rate('quads'):,.0f} quads/s"
        + (
            f" (compacting the store took {summary.compact_seconds:.1f} s)"
            if summary.compact_seconds
            else ""
        ),
        file=out,
    )
    if summary.entities:
        classes = ", ".join(f"{cls} {n}" for cls, n in summary.entities.items())
        print(f"  entities (this run): {classes}", file=out)
    for path, other in summary.duplicates:
        print(f"  duplicate: {path}: same text as {other}", file=out)
    for name in summary.pruned:
        print(f"  pruned: {name}", file=out)
    for path, reason in summary.failures:
        print(f"  failed: {path}: {reason}", file=out)
