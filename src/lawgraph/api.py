"""The Python API of a build: reports in, an RDF graph out.

:func:`build` is what most users call; it returns an :class:`rdflib.Dataset`. Underneath, the work is split
so that the command line and the corpus builder can reuse it:

- :func:`find_reports` expands the inputs into report files, collecting the inputs that are bad;
- :func:`process_report` is the unit of work, one report through the whole path
  (``read_report → annotate → doc_to_facts → facts_to_quads``); its :class:`ReportResult` pickles, so it can
  cross a process boundary;
- :func:`build_quads` runs every report with one spaCy pipeline and returns a :class:`BuildResult` (the
  merged quads, the per-report results, the errors and a summary);
- :func:`write_graph` writes a build to a file, atomically;
- :func:`build_file` is ``lawgraph build INPUTS -o OUT``: every report through the same path, straight
  into a file, in memory that does not grow with the corpus (the reports' N-Quads go through an external
  merge sort, :mod:`lawgraph.corpus.linesort`), with the same bytes as :func:`write_graph` of
  :func:`build_quads`.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "example.txt").write_text(
...     "甲市司法局2022年度法治政府建设情况报告\\n"
...     "一、加强组织领导\\n甲市司法局印发《甲市行政执法监督办法》。\\n", encoding="utf-8")
>>> graph = build(folder)
>>> from lawgraph.namespaces import DCTERMS, FOAF, LG, RDF
>>> len(set(graph.subjects(RDF.type, LG.Report)))
1
>>> sorted(str(t) for t in graph.objects(None, DCTERMS.title) if "办法" in str(t))
['甲市行政执法监督办法']
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pyoxigraph as ox

from lawgraph.errors import InputError, LawgraphError
from lawgraph.model import Report, ReportFacts
from lawgraph.namespaces import LG, PROV, RDF
from lawgraph.rdf.quads import NQuads, facts_to_nquads

if TYPE_CHECKING:
    import rdflib
    from spacy.language import Language

__all__ = [
    "ReportResult",
    "BuildSummary",
    "BuildResult",
    "FileBuild",
    "find_reports",
    "process_report",
    "fewer_gc_passes",
    "build_quads",
    "build",
    "build_file",
    "write_graph",
    "count_classes",
    "count_classes_nquads",
]

PathLike = str | Path
OnError = Literal["raise", "skip"]


@dataclass(frozen=True)
class ReportResult:
    """One report after the whole path: what was read, what was extracted, and its statements.

    It pickles, and cheaply: the statements travel as N-Quads bytes (:attr:`nquads`), and :attr:`quads`
    parses them on first use.
    """

    path: str
    """The file it was read from, as given."""
    report: Report
    facts: ReportFacts
    nquads: NQuads
    """:func:`lawgraph.rdf.facts_to_nquads` of :attr:`facts`: ``.named`` (the report's graph) and ``.shared``
    (the default graph), one statement per line."""

    @cached_property
    def quads(self) -> tuple[ox.Quad, ...]:
        """The statements as pyoxigraph quads (:func:`lawgraph.rdf.facts_to_quads` of :attr:`facts`)."""
        return tuple(ox.parse(self.nquads.named + self.nquads.shared, format=ox.RdfFormat.N_QUADS))


@dataclass(frozen=True, slots=True)
class BuildSummary:
    """Numbers a build prints: reports, distinct quads, subjects per lawgraph class, seconds, errors."""

    reports: int
    triples: int
    classes: dict[str, int]
    """Distinct subjects per lawgraph class local name (``Court``, ``Action``, ``Indicator`` …), sorted."""
    seconds: float
    errors: int


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What :func:`build_quads` produced."""

    results: tuple[ReportResult, ...]
    """One per report built, in input order."""
    errors: tuple[LawgraphError, ...]
    """One per bad input or report (only when ``on_error="skip"``)."""
    seconds: float

    def nquads(self) -> bytes:
        """Every statement of every report as N-Quads, merged by union and line-sorted: the ``.nq`` file."""
        lines: set[bytes] = set()
        for result in self.results:
            lines.update(result.nquads.named.splitlines(keepends=True))
            lines.update(result.nquads.shared.splitlines(keepends=True))
        return b"".join(sorted(lines))

    @property
    def quads(self) -> list[ox.Quad]:
        """Every quad of every report, merged by union (no duplicates), in N-Quads line order."""
        return list(ox.parse(self.nquads(), format=ox.RdfFormat.N_QUADS))

    def summary(self, nquads: bytes | None = None) -> BuildSummary:
        """The :class:`BuildSummary`; pass :meth:`nquads` if you already have them."""
        text = self.nquads() if nquads is None else nquads
        return BuildSummary(
            reports=len(self.results),
            triples=text.count(b"\n"),
            classes=count_classes_nquads(text),
            seconds=self.seconds,
            errors=len(self.errors),
        )

    def to_dataset(self) -> rdflib.Dataset:
        """The build as an :class:`rdflib.Dataset` (see :func:`lawgraph.rdf.quads_to_dataset`)."""
        from lawgraph.rdf.serialize import quads_to_dataset

        return quads_to_dataset(self.quads)


@dataclass(frozen=True, slots=True)
class FileBuild:
    """What :func:`build_file` did."""

    path: Path | None
    """The file written; ``None`` when no report could be built (nothing is written then)."""
    summary: BuildSummary
    errors: tuple[LawgraphError, ...]
    """One per bad input or report (with ``on_error="skip"``)."""


_ACTIVITY = str(PROV.Activity)
"""Actions are typed ``prov:Activity`` only (``lg:Action`` is inferred from ``lg:actionType``'s domain, not
stated); the class counts report them as ``Action``."""


def count_classes(quads: Iterable[ox.Quad]) -> dict[str, int]:
    """How many distinct subjects each lawgraph class has in ``quads`` (by local name, sorted by name).

    ``prov:Activity`` subjects, lawgraph's actions, are counted as ``Action``.

    >>> import pyoxigraph as ox
    >>> from lawgraph.namespaces import LG, RDF
    >>> a_type = ox.NamedNode(str(RDF.type))
    >>> q = ox.Quad(ox.NamedNode("https://example.org/c"), a_type, ox.NamedNode(str(LG.Court)))
    >>> a = ox.Quad(ox.NamedNode("https://example.org/a"), a_type, ox.NamedNode(_ACTIVITY))
    >>> count_classes([q, q, a])
    {'Action': 1, 'Court': 1}
    """
    rdf_type = ox.NamedNode(str(RDF.type))
    prefix = str(LG._NS)
    seen: set[tuple[str, str]] = set()
    for quad in quads:
        if quad.predicate == rdf_type and isinstance(quad.object, ox.NamedNode):
            cls = quad.object.value
            if cls.startswith(prefix):
                seen.add((cls[len(prefix) :], str(quad.subject)))
            elif cls == _ACTIVITY:
                seen.add(("Action", str(quad.subject)))
    counts = Counter(cls for cls, _ in seen)
    return dict(sorted(counts.items()))


def count_classes_nquads(text: bytes) -> dict[str, int]:
    """:func:`count_classes` over N-Quads text (lawgraph's own output: one statement per line).

    >>> from lawgraph.namespaces import LG, RDF
    >>> line = f"<https://example.org/c> <{RDF.type}> <{LG.Court}> .\\n".encode()
    >>> count_classes_nquads(line * 2)
    {'Court': 1}
    """
    marker = f" <{RDF.type}> <{LG._NS}".encode()
    activity = f" <{RDF.type}> <{_ACTIVITY}> ".encode()
    seen: set[tuple[bytes, bytes]] = set()
    for line in text.splitlines():
        at = line.find(marker)
        if at > 0:
            rest = line[at + len(marker) :]
            seen.add((rest[: rest.index(b">")], line[:at]))
        elif activity in line:
            seen.add((b"Action", line[: line.index(activity)]))
    counts = Counter(cls.decode() for cls, _ in seen)
    return dict(sorted(counts.items()))


def _as_inputs(paths: PathLike | Iterable[PathLike]) -> list[PathLike]:
    if isinstance(paths, (str, Path)):
        return [paths]
    return list(paths)


def find_reports(paths: PathLike | Iterable[PathLike]) -> tuple[list[Path], list[LawgraphError]]:
    """Expand files and folders into report files, keeping going past bad inputs.

    Parameters
    ----------
    paths : path or iterable of paths
        Report files, folders (searched recursively, sorted) or glob patterns.

    Returns
    -------
    reports : list of Path
        Every report file, each once, in input order.
    errors : list of LawgraphError
        One per input that does not exist, or is a folder or pattern without reports.
    """
    from lawgraph.ingest import iter_report_paths

    found: dict[Path, None] = {}
    errors: list[LawgraphError] = []
    for item in _as_inputs(paths):
        try:
            for path in iter_report_paths([item]):
                found.setdefault(Path(path), None)
        except LawgraphError as err:
            errors.append(err)
    return list(found), errors


@contextlib.contextmanager
def fewer_gc_passes(*, threshold: int = 50_000) -> Iterator[None]:
    """Run the block with the cyclic garbage collector's first generation threshold raised.

    A build allocates millions of small, acyclic objects (mentions, evidence, N-Quads lines) that
    reference counting frees. With CPython's default threshold (700) the collector still runs hundreds
    of passes per report, and its older generations rescan every result kept so far: about 13% of the CPU
    time of a 60-report build. Raising the threshold for the block changes no result; the previous
    thresholds are restored on exit (they are process-wide, so do not nest this in threads that need
    their own).

    >>> before = gc.get_threshold()
    >>> with fewer_gc_passes():
    ...     gc.get_threshold()[0]
    50000
    >>> gc.get_threshold() == before
    True
    """
    previous = gc.get_threshold()
    gc.set_threshold(max(threshold, previous[0]), *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def process_report(path: PathLike, nlp: Language | None = None) -> ReportResult:
    """Read, annotate and extract one report, and turn its facts into quads.

    Parameters
    ----------
    path : str or Path
        A ``.txt``, ``.html`` or ``.htm`` report.
    nlp : spacy.Language, optional
        The pipeline of :func:`lawgraph.extract.pipeline.make_nlp`. Building it takes a while: pass the same
        one for every report of a build. Made afresh when not given.

    Returns
    -------
    ReportResult

    Raises
    ------
    InputError
        When the file is missing, empty, binary, undecodable or of an unsupported extension.
    """
    from lawgraph.extract.facts import doc_to_facts
    from lawgraph.extract.pipeline import annotate, make_nlp
    from lawgraph.ingest import read_report
    report = read_report(path)
    pipeline = nlp if nlp is not None else make_nlp()
    facts = doc_to_facts(annotate(pipeline, report))
    return ReportResult(path=str(path), report=report, facts=facts, nquads=facts_to_nquads(facts))


def build_quads(
    paths: PathLike | Iterable[PathLike],
    *,
    nlp: Language | None = None,
    on_error: OnError = "raise",
    progress: Callable[[Path], Any] | None = None,
) -> BuildResult:
    """Build every report under ``paths`` with one pipeline.

    Parameters
    ----------
    paths : path or iterable of paths
        Report files, folders or glob patterns.
    nlp : spacy.Language, optional
        The pipeline; :func:`~lawgraph.extract.pipeline.make_nlp` is called once when not given.
    on_error : {"raise", "skip"}
        ``"raise"``: the first bad input or report raises its :class:`~lawgraph.errors.LawgraphError`.
        ``"skip"``: bad ones are collected in :attr:`BuildResult.errors` and the good ones are built; an
        unexpected failure inside the extractors is also collected, as an ``InputError`` naming the file.
    progress : callable, optional
        Called with each report's path after it is built (or skipped).

    Returns
    -------
    BuildResult
    """
    start = time.perf_counter()
    errors: list[LawgraphError] = []
    results = list(_each_report(paths, nlp=nlp, on_error=on_error, errors=errors, progress=progress))
    return BuildResult(results=tuple(results), errors=tuple(errors), seconds=time.perf_counter() - start)


def _each_report(
    paths: PathLike | Iterable[PathLike],
    *,
    nlp: Language | None,
    on_error: OnError,
    errors: list[LawgraphError],
    progress: Callable[[Path], Any] | None,
) -> Iterator[ReportResult]:
    """Each report's result, one at a time (what :func:`build_quads` and :func:`build_file` share); bad
    inputs and reports are raised or, with ``on_error="skip"``, appended to ``errors``."""
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    reports, bad = find_reports(paths)
    if bad and on_error == "raise":
        raise bad[0]
    errors.extend(bad)
    if reports and nlp is None:
        from lawgraph.extract.pipeline import make_nlp

        nlp = make_nlp()
    with fewer_gc_passes():
        for path in reports:
            result: ReportResult | None = None
            try:
                result = process_report(path, nlp=nlp)
            except LawgraphError as err:
                if on_error == "raise":
                    raise
                errors.append(err)
            except Exception as err:  # a bug in an extractor must not lose the other reports
                if on_error == "raise":
                    raise
                first = (str(err).strip().splitlines() or [""])[0]
                errors.append(InputError(path, f"extraction failed: {type(err).__name__}: {first}"))
            if progress is not None:
                progress(path)
            if result is not None:
                yield result


def build(
    paths: PathLike | Iterable[PathLike],
    *,
    nlp: Language | None = None,
    on_error: OnError = "raise",
) -> rdflib.Dataset:
    """Build the knowledge graph of the reports under ``paths``.

    Parameters
    ----------
    paths : path or iterable of paths
        Report files (``.txt``, ``.html``, ``.htm``), folders (searched recursively) or glob patterns.
    nlp : spacy.Language, optional
        A pipeline from :func:`lawgraph.make_nlp`, to reuse across calls.
    on_error : {"raise", "skip"}
        Whether a bad input stops the build (default) or is skipped.

    Returns
    -------
    rdflib.Dataset
        Entities in the default graph, each report's facts in a named graph whose IRI is the report's IRI.
        Queries see the union of all graphs (``default_union=True``).

    Raises
    ------
    LawgraphError
        With ``on_error="raise"``, for the first input that cannot be read.

    Examples
    --------
    See the module docstring of :mod:`lawgraph.api`.
    """
    return build_quads(paths, nlp=nlp, on_error=on_error).to_dataset()


def build_file(
    paths: PathLike | Iterable[PathLike],
    output: PathLike,
    *,
    format: str | None = None,
    nlp: Language | None = None,
    on_error: OnError = "raise",
    progress: Callable[[Path], Any] | None = None,
    memory_bytes: int | None = None,
) -> FileBuild:
    """Build every report under ``paths`` into the graph file ``output``, in bounded memory.

    The file is what :func:`write_graph` writes for :func:`build_quads`, byte for byte, but no report's
    statements are kept once they are sorted: each report's N-Quads lines go to an external
    merge sort (:class:`lawgraph.corpus.linesort.LineSorter`) whose sorted runs wait on disk, in a temporary
    folder beside ``output``, and the merged lines are written as they come
    (:func:`lawgraph.corpus.sorted_output.write_sorted`). Peak memory is the pipeline plus about
    ``memory_bytes``, whatever the number of reports.

    Parameters
    ----------
    paths : path or iterable of paths
        Report files, folders or glob patterns.
    output : str or Path
        The file to write, atomically; the format follows ``format`` or its extension.
    format : str, optional
        A format name (``nq``, ``trig``, ``ttl`` …).
    nlp : spacy.Language, optional
        The pipeline; made once when not given.
    on_error : {"raise", "skip"}
        As for :func:`build_quads`.
    progress : callable, optional
        Called with each report's path after it is built (or skipped).
    memory_bytes : int, optional
        N-Quads bytes sorted in memory before a run is written to disk
        (:data:`lawgraph.corpus.linesort.DEFAULT_MEMORY_BYTES` by default).

    Returns
    -------
    FileBuild
        The file (``None`` when no report was built: nothing is written then), the summary, the errors.

    Raises
    ------
    OutputError
        When ``output`` has an unknown format or cannot be written (checked before any work).
    LawgraphError
        With ``on_error="raise"``, for the first input that cannot be read.
    """
    from lawgraph.atomic import write_atomically
    from lawgraph.corpus.linesort import DEFAULT_MEMORY_BYTES, LineSorter, folder_beside
    from lawgraph.corpus.sorted_output import ClassCounter, write_sorted
    from lawgraph.rdf.serialize import check_writable, output_format

    fmt = output_format(output, format)
    check_writable(output)
    start = time.perf_counter()
    memory = memory_bytes or DEFAULT_MEMORY_BYTES
    folder = folder_beside(output)
    errors: list[LawgraphError] = []
    built = 0
    counter = ClassCounter()
    written: Path | None = None
    with LineSorter(memory_bytes=memory, folder=folder) as sorter:
        for result in _each_report(paths, nlp=nlp, on_error=on_error, errors=errors, progress=progress):
            sorter.add(result.nquads.named)
            sorter.add(result.nquads.shared)
            built += 1
        if built:
            blocks = counter.count_blocks(sorter.blocks())
            written = write_atomically(
                output, lambda fh: write_sorted(blocks, fh, format=fmt, memory_bytes=memory, folder=folder)
            )
    summary = BuildSummary(
        reports=built,
        triples=counter.lines,
        classes=counter.counts(),
        seconds=time.perf_counter() - start,
        errors=len(errors),
    )
    return FileBuild(path=written, summary=summary, errors=tuple(errors))


def write_graph(
    quads: Iterable[ox.Quad] | BuildResult, output: PathLike, *, format: str | None = None
) -> Path:
    """Write quads (or a whole build) to ``output`` atomically; the format follows ``format`` or the
    extension. See :func:`lawgraph.rdf.write_quads`.

    A build written as N-Quads goes straight from its N-Quads text, without making quad objects.
    """
    from lawgraph.rdf.serialize import atomic_write, check_writable, output_format, write_quads

    if isinstance(quads, BuildResult):
        fmt = output_format(output, format)
        if fmt == ox.RdfFormat.N_QUADS:
            return atomic_write(check_writable(output), quads.nquads())
        return write_quads(quads.quads, output, format=format)
    return write_quads(quads, output, format=format)
