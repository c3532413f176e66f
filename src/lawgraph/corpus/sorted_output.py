"""The file of a plain build, written from sorted N-Quads lines without holding the graph.

A plain build (``lawgraph build INPUTS -o OUT``) gives the same bytes for the same input. Its N-Quads are
the union of every report's lines, sorted as bytes; :class:`~lawgraph.corpus.linesort.LineSorter` gives
them as a stream, and :func:`write_sorted` turns that stream into the file, in any format, with bounded
memory:

- **N-Quads**: the lines as they come.
- **N-Triples**: each line without its graph, repeated triples dropped. Lines that share a triple are next to
  each other, and dropping the graph keeps the order, so the file is line-sorted as before.
- **TriG, JSON-LD** (dataset formats): the default graph first, then each named graph in IRI order, every
  graph's statements in subject, predicate, object order (:func:`lawgraph.rdf.serialize.sort_quads`'s
  order). The lines are sorted a second time with their graph in front.
- **Turtle, RDF/XML, N3** (no named graphs): the union of the graphs in the same order, each triple once
  (where it first appears). Also sorted a second time.

:class:`ClassCounter` counts the entities per class on the way (a build's summary), also without a set of
every subject: in sorted N-Quads all statements about one subject are next to each other.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from lawgraph.corpus.linesort import DEFAULT_MEMORY_BYTES, LineSorter
from lawgraph.namespaces import LG, PREFIXES, PROV, RDF

__all__ = ["ClassCounter", "write_sorted", "parse_lines"]

_PREFIXED = {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML, ox.RdfFormat.N3}
_PARSE_BYTES = 1024 * 1024
"""N-Quads bytes parsed at a time when the lines become quads for a serializer."""


class ClassCounter:
    """Distinct subjects per lawgraph class, counted over sorted, unique N-Quads lines.

    Counts as :func:`lawgraph.api.count_classes_nquads` does (``prov:Activity`` subjects as ``Action``),
    but keeps only the classes of the current subject: sorted lines hold each subject's statements together.

    >>> typed = f"<https://example.org/c> <{RDF.type}> <{LG.Court}>".encode()
    >>> lines = [typed + b" .\\n", typed + b" <https://example.org/g> .\\n"]
    >>> counter = ClassCounter()
    >>> list(counter.count(lines)) == lines
    True
    >>> counter.counts(), counter.lines
    ({'Court': 1}, 2)
    """

    def __init__(self) -> None:
        self._typed = f" <{RDF.type}> <".encode()
        self._marker = f" <{RDF.type}> <{LG._NS}".encode()
        self._activity = f" <{RDF.type}> <{PROV.Activity}> ".encode()
        self._counts: Counter[bytes] = Counter()
        self._subject = b""
        self._seen: set[bytes] = set()
        self.lines = 0
        """Lines seen (the build's statements)."""

    def _add(self, subject: bytes, cls: bytes) -> None:
        if subject != self._subject:
            self._subject, self._seen = subject, set()
        if cls not in self._seen:
            self._seen.add(cls)
            self._counts[cls] += 1

    def count(self, lines: Iterable[bytes]) -> Iterator[bytes]:
        """Pass the lines through, counting them and the typed subjects among them."""
        for line in lines:
            self._block([line])
            yield line

    def count_blocks(self, blocks: Iterable[list[bytes]]) -> Iterator[list[bytes]]:
        """:meth:`count` over blocks of lines (cheaper: only typing statements are looked at one by one)."""
        for block in blocks:
            self._block(block)
            yield block

    def _block(self, block: list[bytes]) -> None:
        self.lines += len(block)
        typed, marker, activity = self._typed, self._marker, self._activity
        for line in [line for line in block if typed in line]:
            at = line.find(marker)
            if at > 0:
                rest = line[at + len(marker) :]
                self._add(line[:at], rest[: rest.index(b">")])
            elif activity in line:
                self._add(line[: line.index(activity)], b"Action")

    def counts(self) -> dict[str, int]:
        """Distinct subjects per class local name, sorted by name."""
        return dict(sorted((cls.decode(), n) for cls, n in self._counts.items()))


def _chunks(lines: Iterable[bytes], size: int = _PARSE_BYTES) -> Iterator[list[bytes]]:
    chunk: list[bytes] = []
    total = 0
    for line in lines:
        chunk.append(line)
        total += len(line)
        if total >= size:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def parse_lines(lines: Iterable[bytes]) -> Iterator[ox.Quad]:
    """The quads of N-Quads lines, parsed a megabyte at a time, in the order of the lines."""
    for chunk in _chunks(lines):
        yield from ox.parse(b"".join(chunk), format=ox.RdfFormat.N_QUADS)


def _triples(quads: Iterable[ox.Quad]) -> Iterator[ox.Triple]:
    """Each quad's triple, repeated ones next to each other dropped."""
    previous: ox.Triple | None = None
    for quad in quads:
        triple = quad.triple
        if triple != previous:
            yield triple
            previous = triple


def _graph_first(lines: Iterable[bytes], sorter: LineSorter, *, triples: bool = False) -> Iterator[bytes]:
    """The lines again, sorted by graph first (the default graph, then by IRI), then as before.

    Each line goes to ``sorter`` behind its graph's name and a NUL (``\\x00`` alone for the default graph,
    which sorts it first); N-Quads escape NUL inside terms, so the first NUL ends the name. With
    ``triples``, only the first line of each triple is kept: the one in its first graph, as lines that
    share a triple are next to each other, the default graph's first.
    """
    previous: ox.Triple | None = None
    for chunk in _chunks(lines):
        keyed = []
        for line, quad in zip(chunk, ox.parse(b"".join(chunk), format=ox.RdfFormat.N_QUADS), strict=True):
            if triples:
                if quad.triple == previous:
                    continue
                previous = quad.triple
            graph = quad.graph_name
            key = b"" if isinstance(graph, ox.DefaultGraph) else str(graph).encode("utf-8")
            keyed.append(key + b"\x00" + line)
        sorter.add(b"".join(keyed))
    for record in sorter.lines():
        yield record[record.index(b"\x00") + 1 :]


def _prefixes(fmt: ox.RdfFormat) -> dict[str, str] | None:
    """As :mod:`lawgraph.rdf.serialize` writes them: every prefix but ``lgr`` (resource IRIs stay whole)."""
    return {k: v for k, v in PREFIXES.items() if k != "lgr"} if fmt in _PREFIXED else None


def write_sorted(
    blocks: Iterable[list[bytes]],
    fh: IO[bytes],
    *,
    format: ox.RdfFormat,
    memory_bytes: int = DEFAULT_MEMORY_BYTES,
    folder: str | os.PathLike[str] | None = None,
) -> None:
    """Write sorted, unique N-Quads lines to an open binary file in ``format`` (see the module docstring).

    Parameters
    ----------
    blocks : iterable of lists of bytes
        N-Quads lines, sorted as bytes and each once, in blocks (:meth:`LineSorter.blocks`).
    fh : binary file
        Where the graph goes.
    format : pyoxigraph.RdfFormat
        The output format.
    memory_bytes, folder
        For the second sort of the formats other than N-Quads and N-Triples: see :class:`LineSorter`.
    """
    if format == ox.RdfFormat.N_QUADS:
        for block in blocks:
            fh.writelines(block)
        return
    lines = itertools.chain.from_iterable(blocks)
    items: Iterable[Any]
    if format == ox.RdfFormat.N_TRIPLES:
        items = _triples(parse_lines(lines))
        ox.serialize(items, fh, format=format)
        return
    with LineSorter(memory_bytes=memory_bytes, folder=Path(folder) if folder else None) as sorter:
        if format.supports_datasets:
            items = parse_lines(_graph_first(lines, sorter))
        else:
            items = (quad.triple for quad in parse_lines(_graph_first(lines, sorter, triples=True)))
        ox.serialize(items, fh, format=format, prefixes=_prefixes(format))
