"""Build lawgraph's spaCy pipeline and run it on reports.

:func:`make_nlp` is the one place that builds the pipeline: ``spacy.blank("zh")`` with the rjieba tokenizer
(``lawgraph.RjiebaTokenizer.v1``; chosen on measurement, see ``../shared/notes/measurements.md``) and one
component per entity kind, in the order of ``docs/DESIGN.md``. :func:`annotate` runs it on one
:class:`~lawgraph.model.Report`; :func:`annotate_many` streams many through ``nlp.pipe``.

Examples
--------
>>> nlp = make_nlp(components=["lawgraph_organizations"])
>>> nlp.pipe_names
['lawgraph_context', 'lawgraph_organizations']
>>> from lawgraph.model import Report, ReportMeta
>>> doc = annotate(nlp, Report(name="a.txt", text="省政府召开会议。", sha256="0",
...                            meta=ReportMeta(issuer="兰州新区管理委员会")))
>>> doc._.lg_context.province, [s.kb_id_ for s in doc.spans["organization"]]
('甘肃省', ['甘肃省人民政府'])
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from lawgraph.extract.extensions import register_extensions
from lawgraph.model import Report

__all__ = ["COMPONENTS", "TOKENIZER", "make_nlp", "make_doc", "annotate", "annotate_many"]

TOKENIZER = "lawgraph.RjiebaTokenizer.v1"
"""The registered name of the tokenizer :func:`make_nlp` uses."""

COMPONENTS: tuple[tuple[str, str], ...] = (
    ("lawgraph_context", "lawgraph.extract.context"),
    ("lawgraph_organizations", "lawgraph.extract.organizations"),
    ("lawgraph_places", "lawgraph.extract.places"),
    ("lawgraph_documents", "lawgraph.extract.documents"),
    ("lawgraph_initiatives", "lawgraph.extract.initiatives"),
    ("lawgraph_actions", "lawgraph.extract.actions"),
    ("lawgraph_indicators", "lawgraph.extract.indicators"),
)
"""(factory name, module registering it), in pipeline order."""


def _load_factory(module: str) -> bool:
    """Import the module that registers a component; ``False`` when that module is not installed."""
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name == module:
            return False
        raise
    return True


def make_nlp(*, components: Sequence[str] | None = None) -> Language:
    """Build the pipeline.

    Parameters
    ----------
    components : sequence of str, optional
        Factory names to include (default: every lawgraph component available, in pipeline order).
        ``lawgraph_context`` is always first, since the others read ``doc._.lg_context``.

    Returns
    -------
    Language
        ``spacy.blank("zh")`` with the rjieba tokenizer and the components.
    """
    register_extensions()
    importlib.import_module("lawgraph.extract.tokenizer")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    wanted = None if components is None else set(components) | {"lawgraph_context"}
    for factory, module in COMPONENTS:
        if wanted is not None and factory not in wanted:
            continue
        if _load_factory(module):
            nlp.add_pipe(factory)
    return nlp


def make_doc(nlp: Language, report: Report) -> Doc:
    """Tokenize ``report.text`` and attach the report (``doc._.report``), without running components."""
    doc = nlp.make_doc(report.text)
    doc._.report = report
    return doc


def annotate(nlp: Language, report: Report) -> Doc:
    """Run the pipeline on one report; the Doc carries the report as ``doc._.report``."""
    doc = make_doc(nlp, report)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def annotate_many(nlp: Language, reports: Iterable[Report], *, batch_size: int = 8) -> Iterator[Doc]:
    """Annotate a stream of reports through ``nlp.pipe``, in order."""
    docs = (make_doc(nlp, report) for report in reports)
    yield from nlp.pipe(docs, batch_size=batch_size)
