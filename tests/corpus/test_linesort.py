"""lawgraph.corpus.linesort: the external merge sort gives sorted(set(lines)), in memory or through runs."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from lawgraph.corpus.linesort import MAX_FAN_IN, LineSorter, folder_beside, merge, unique


def _chunks(seed: int, count: int) -> list[bytes]:
    """``count`` chunks of N-Quads-like lines, with repeats within and across chunks and shared prefixes."""
    rng = random.Random(seed)
    chunks = []
    for _ in range(count):
        lines = [
            f'<https://example.org/{rng.randrange(400)}> <https://example.org/p> "{"甲" * rng.randrange(3)}"'
            f"{rng.choice(['', '@zh', ' <https://example.org/g>'])} .\n".encode()
            for _ in range(rng.randrange(1, 40))
        ]
        chunks.append(b"".join(lines))
    return chunks


@pytest.mark.parametrize("memory_bytes", [1 << 30, 4096, 1])
def test_lines_come_back_sorted_once_each_however_small_the_buffer(memory_bytes: int, tmp_path: Path) -> None:
    chunks = _chunks(7, 3 * MAX_FAN_IN)
    expected = sorted(set(b"".join(chunks).splitlines(keepends=True)))
    with LineSorter(memory_bytes=memory_bytes, folder=tmp_path) as sorter:
        for chunk in chunks:
            sorter.add(chunk)
        assert list(sorter.lines()) == expected
        if memory_bytes == 1:  # a run per chunk: more runs than are merged at once, merged in groups first
            assert sorter.spilled == len(chunks) > MAX_FAN_IN
            assert len(list(tmp_path.glob("lawgraph-sort-*/run-*"))) <= MAX_FAN_IN + 1
        elif memory_bytes > 1 << 20:
            assert sorter.spilled == 0
    assert list(tmp_path.iterdir()) == []  # the runs are removed


def test_a_last_line_without_newline_is_completed() -> None:
    with LineSorter() as sorter:
        sorter.add(b"b .\na .")
        assert list(sorter.lines()) == [b"a .\n", b"b .\n"]


def test_merge_by_blocks_equals_one_sort() -> None:
    rng = random.Random(3)
    files = [sorted({f"{rng.randrange(10_000):05d}\n".encode() for _ in range(300)}) for _ in range(9)]
    merged = list(merge([io.BytesIO(b"".join(lines)) for lines in files], block_bytes=64))
    assert merged == sorted(line for lines in files for line in lines)
    assert list(unique(merged)) == sorted({line for lines in files for line in lines})


def test_runs_go_beside_the_output(tmp_path: Path) -> None:
    assert folder_beside(tmp_path / "graph.nq") == tmp_path
    assert folder_beside("-") is None


def test_blocks_hold_the_lines_in_order_without_repeats_across_blocks(tmp_path: Path) -> None:
    chunks = _chunks(11, 50)
    with LineSorter(memory_bytes=2048, folder=tmp_path) as sorter:
        for chunk in chunks:
            sorter.add(chunk)
        blocks = list(sorter.blocks())
    assert len(blocks) > 1 and all(blocks)
    assert [line for block in blocks for line in block] == sorted(set(b"".join(chunks).splitlines(True)))
