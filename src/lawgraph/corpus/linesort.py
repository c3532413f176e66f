"""Sorting N-Quads lines without holding them: an external merge sort with bounded memory.

A build's sorted N-Quads are the union of every report's lines, sorted as bytes (what ``LC_ALL=C sort -u``
gives). :class:`LineSorter` takes the lines report by report, keeps at most ``memory_bytes`` of them in
memory, sorts and deduplicates each full buffer into a *run* (a temporary file), and at the end merges the
runs (:func:`merge`) into one stream of unique lines. Memory stays flat whatever the corpus size: one
buffer while adding, a block of lines per run while merging (together no more than the buffer). When
everything fits in one buffer no file is written.

More than :data:`MAX_FAN_IN` runs are first merged into longer runs, a group at a time, so the number of
open files stays bounded too (a national year of reports makes hundreds of runs).

Examples
--------
>>> with LineSorter(memory_bytes=8) as sorter:
...     sorter.add(b"b .\\na .\\n")
...     sorter.add(b"c .\\na .\\n")
...     list(sorter.lines())
[b'a .\\n', b'b .\\n', b'c .\\n']
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

__all__ = [
    "LineSorter",
    "merge",
    "merge_blocks",
    "unique",
    "unique_blocks",
    "folder_beside",
    "DEFAULT_MEMORY_BYTES",
    "MAX_FAN_IN",
]

DEFAULT_MEMORY_BYTES = 64 * 1024 * 1024
"""Line bytes held before a run is written. Python adds about 40 bytes per line (the object and its slot
in the list), so a full buffer of N-Quads lines (≈ 220 bytes each) takes about 1.2× this in memory."""

MAX_FAN_IN = 64
"""Runs merged at once; more are merged in groups first."""

_BLOCK_BYTES = 256 * 1024
"""Lines read from a run at a time while merging, at most (64 runs: 16 MiB of lines in memory); less when
``memory_bytes`` is small, so that merging takes no more memory than sorting a run did."""


def merge_blocks(files: Sequence[IO[bytes]], *, block_bytes: int = _BLOCK_BYTES) -> Iterator[list[bytes]]:
    """The lines of sorted files (each without duplicates), merged in sorted order, a block at a time.

    Lines equal across files come out next to each other (:func:`unique_blocks` drops them). The merging
    itself is done by :meth:`list.sort` (Timsort merges sorted stretches in C), not by a Python comparison
    per line as :func:`heapq.merge` would: each round reads a block from every file whose block is used
    up, takes from every block the lines up to the smallest of the blocks' last lines (no file holds a
    smaller line further on), and sorts what it took.
    """
    blocks: list[list[bytes]] = []
    starts: list[int] = []
    live: list[IO[bytes]] = []
    for fh in files:
        block = fh.readlines(block_bytes)
        if block:
            blocks.append(block)
            starts.append(0)
            live.append(fh)
    while blocks:
        bound = min(block[-1] for block in blocks)
        taken: list[bytes] = []
        for k, block in enumerate(blocks):
            end = bisect.bisect_right(block, bound, starts[k])
            taken.extend(block[starts[k] : end])
            starts[k] = end
        taken.sort()
        yield taken
        for k in range(len(blocks) - 1, -1, -1):
            if starts[k] == len(blocks[k]):
                block = live[k].readlines(block_bytes)
                if block:
                    blocks[k], starts[k] = block, 0
                else:
                    del blocks[k], starts[k], live[k]


def merge(files: Sequence[IO[bytes]], *, block_bytes: int = _BLOCK_BYTES) -> Iterator[bytes]:
    """:func:`merge_blocks`, a line at a time.

    >>> import io
    >>> a, b = io.BytesIO(b"a\\nc\\ne\\n"), io.BytesIO(b"b\\nc\\nf\\n")
    >>> b"".join(merge([a, b], block_bytes=2))
    b'a\\nb\\nc\\nc\\ne\\nf\\n'
    """
    return itertools.chain.from_iterable(merge_blocks(files, block_bytes=block_bytes))


def unique(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Sorted lines with adjacent duplicates dropped.

    >>> list(unique([b"a", b"a", b"b", b"b", b"c"]))
    [b'a', b'b', b'c']
    """
    previous: bytes | None = None
    for line in lines:
        if line != previous:
            yield line
            previous = line


def unique_blocks(blocks: Iterable[list[bytes]]) -> Iterator[list[bytes]]:
    """Blocks of sorted lines with duplicates next to each other dropped, also across blocks.

    >>> list(unique_blocks([[b"a", b"a", b"b"], [b"b", b"c"], [b"c"]]))
    [[b'a', b'b'], [b'c']]
    """
    previous: bytes | None = None
    for block in blocks:
        if not block:
            continue
        before = itertools.chain((previous,), block)  # one longer than block: zip stops at block's end
        kept = [line for line, prior in zip(block, before, strict=False) if line != prior]
        previous = block[-1]
        if kept:
            yield kept


class LineSorter:
    """Collects lines and gives them back sorted (as bytes) and without duplicates, in bounded memory.

    Parameters
    ----------
    memory_bytes : int
        Line bytes kept in memory before a sorted run is written to disk.
    folder : str or Path, optional
        Where the runs go (a temporary folder is made inside it, and removed by :meth:`close`). The system's
        temporary folder by default; pass the output's folder for big builds, as ``/tmp`` may be small or in
        memory.

    Notes
    -----
    Every line must end with ``\\n`` (data given to :meth:`add` that does not is completed), so that the
    order of lines is the order ``sort`` gives and runs read back line by line.
    """

    def __init__(self, *, memory_bytes: int = DEFAULT_MEMORY_BYTES, folder: str | Path | None = None) -> None:
        if memory_bytes < 1:
            raise ValueError(f"memory_bytes must be positive, got {memory_bytes}")
        self.memory_bytes = memory_bytes
        self._folder = folder
        self._tmp: Path | None = None
        self._buffer: list[bytes] = []
        self._size = 0
        self._runs: list[Path] = []
        self._count = 0
        self.spilled = 0
        """Runs written to disk so far (0: everything was sorted in memory)."""

    def add(self, data: bytes) -> None:
        """Add N-Quads text (one statement per line); a full buffer is sorted and written as a run."""
        if not data:
            return
        if not data.endswith(b"\n"):
            data += b"\n"
        self._buffer.extend(data.splitlines(keepends=True))
        self._size += len(data)
        if self._size >= self.memory_bytes:
            self._spill()

    @property
    def _block(self) -> int:
        """Bytes read from each run at a time: the run buffer shared by up to :data:`MAX_FAN_IN` runs."""
        return max(4096, min(_BLOCK_BYTES, self.memory_bytes // (2 * MAX_FAN_IN)))

    def _new_run(self) -> Path:
        if self._tmp is None:
            self._tmp = Path(tempfile.mkdtemp(prefix="lawgraph-sort-", dir=self._folder))
        self._count += 1
        return self._tmp / f"run-{self._count:06d}"

    def _write_run(self, lines: Iterable[bytes]) -> Path:
        path = self._new_run()
        with open(path, "wb", buffering=self._block) as fh:
            fh.writelines(lines)
        return path

    def _spill(self) -> None:
        if not self._buffer:
            return
        lines = sorted(set(self._buffer))
        self._buffer, self._size = [], 0
        self._runs.append(self._write_run(lines))
        self.spilled += 1
        while len(self._runs) > MAX_FAN_IN:  # keep the final merge's open files bounded
            group, self._runs = self._runs[:MAX_FAN_IN], self._runs[MAX_FAN_IN:]
            self._runs.append(self._merge_into_run(group))

    def _merge_into_run(self, runs: list[Path]) -> Path:
        with contextlib.ExitStack() as stack:
            files = [stack.enter_context(open(path, "rb", buffering=self._block)) for path in runs]
            merged = self._write_run(
                itertools.chain.from_iterable(unique_blocks(merge_blocks(files, block_bytes=self._block)))
            )
        for path in runs:
            path.unlink()
        return merged

    def lines(self) -> Iterator[bytes]:
        """Every line added, sorted as bytes, each once. Call once, after the last :meth:`add`."""
        return itertools.chain.from_iterable(self.blocks())

    def blocks(self) -> Iterator[list[bytes]]:
        """:meth:`lines` in blocks (lists of lines, in order): cheaper to pass on than line by line."""
        if not self._runs:
            lines = sorted(set(self._buffer))
            self._buffer, self._size = [], 0
            step = max(1, self._block // 128)  # about a block's bytes, at ~128 bytes or more a line
            for at in range(0, len(lines), step):
                yield lines[at : at + step]
            return
        self._spill()
        with contextlib.ExitStack() as stack:
            files: list[IO[bytes]] = [
                stack.enter_context(open(path, "rb", buffering=self._block)) for path in self._runs
            ]
            yield from unique_blocks(merge_blocks(files, block_bytes=self._block))

    def close(self) -> None:
        """Remove the runs and their folder."""
        self._buffer, self._size, self._runs = [], 0, []
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> LineSorter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def folder_beside(path: str | os.PathLike[str]) -> Path | None:
    """Where the sort runs of a build writing ``path`` go: the folder of that file (it must hold the
    output anyway, and ``/tmp`` may be small or in memory), or ``None`` (the system's temporary folder)
    when that folder cannot be written or ``path`` is not a regular file (``-``, a FIFO, a device)."""
    from lawgraph.atomic import is_special, is_stdout

    if is_stdout(path) or is_special(path):
        return None
    parent = Path(os.path.abspath(path)).parent
    return parent if parent.is_dir() and os.access(parent, os.W_OK | os.X_OK) else None
