"""Build lawgraph's spaCy pipeline and run it on reports.

:func:`make_nlp` is the one place that builds the pipeline: ``spacy.blank("zh")`` with the rjieba tokenizer
(``lawgraph.RjiebaTokenizer.v1``; chosen on measurement, see ``../shared/notes/measurements.md``) and one
component per entity kind, in the order of ``docs/DESIGN.md``. The pipeline ends with its own step,
``lawgraph_release_caches``, which drops what the components shared on the Doc while they ran (token offsets,
:mod:`lawgraph.extract.tokens`; entity references, :func:`~lawgraph.extract.extensions.doc_entities`),
whichever of them ran. :func:`annotate` runs it on one
:class:`~lawgraph.model.Report`; :func:`annotate_many` streams many through ``nlp.pipe``.

Examples
--------
>>> nlp = make_nlp(components=["lawgraph_organizations"])
>>> nlp.pipe_names
['lawgraph_context', 'lawgraph_organizations', 'lawgraph_release_caches']
>>> from lawgraph.model import Report, ReportMeta
>>> doc = annotate(nlp, Report(name="a.txt", text="省政府召开会议。", sha256="0",
...                            meta=ReportMeta(issuer="兰州新区管理委员会")))
>>> doc._.lg_context.province, [s.kb_id_ for s in doc.spans["organization"]]
('甘肃省', ['甘肃省人民政府'])
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from lawgraph.extract.extensions import register_extensions, release_entity_refs
from lawgraph.extract.tokens import release_token_caches
from lawgraph.ingest import MAX_REPORT_CHARS
from lawgraph.model import Report

__all__ = [
    "COMPONENTS",
    "RELEASE",
    "TOKENIZER",
    "make_nlp",
    "load_nlp",
    "make_doc",
    "annotate",
    "annotate_many",
    "release_caches",
]

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

RELEASE = "lawgraph_release_caches"
"""The name of the pipeline's last step (:func:`release_caches`)."""


@Language.component(RELEASE)
def release_caches(doc: Doc) -> Doc:
    """Drop the per-Doc caches the components shared (token offsets, entity references); return ``doc``.

    :func:`make_nlp` ends every pipeline with it, so no component has to know which one runs last.
    """
    release_token_caches(doc)
    release_entity_refs(doc)
    return doc


def _load_factory(module: str) -> bool:
    """Import the module that registers a component; ``False`` when that module is not installed."""
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name == module:
            return False
        raise
    return True


def _register() -> None:
    """Register the extensions, the tokenizer and every component factory lawgraph has."""
    register_extensions()
    importlib.import_module("lawgraph.extract.tokenizer")
    for _factory, module in COMPONENTS:
        _load_factory(module)  # a module that is not installed registers nothing


def load_nlp(path: str | Path) -> Language:
    """The pipeline saved in the folder ``path`` by ``nlp.to_disk``, with the lexicons it was saved with.

    ``spacy.load`` needs lawgraph's tokenizer and factories registered first; this registers them.
    """
    _register()
    return spacy.load(path)


def make_nlp(*, components: Sequence[str] | None = None) -> Language:
    """Build the pipeline.

    Parameters
    ----------
    components : sequence of str, optional
        Factory names to include (default: every lawgraph component available, in pipeline order).
        ``lawgraph_context`` is always first, since the others read ``doc._.lg_context``, and
        ``lawgraph_release_caches`` always last.

    Returns
    -------
    Language
        ``spacy.blank("zh")`` with the rjieba tokenizer and the components.
    """
    _register()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    _speed_up_lexemes(nlp)
    nlp.max_length = max(nlp.max_length, MAX_REPORT_CHARS)  # ingest refuses longer texts with its own error
    wanted = None if components is None else set(components) | {"lawgraph_context"}
    for factory, _module in COMPONENTS:
        if wanted is not None and factory not in wanted:
            continue
        if Language.has_factory(factory):
            nlp.add_pipe(factory)
    nlp.add_pipe(RELEASE)
    return nlp


def _speed_up_lexemes(nlp: Language) -> None:
    """Swap spaCy's Chinese ``like_num`` for an equivalent one that compiles its pattern once.

    Every word the vocabulary has not seen yet becomes a lexeme, and spaCy computes its lexical attributes
    then; ``spacy.lang.zh.lex_attrs.like_num`` rebuilds and looks up its regex on each call (about 6 µs,
    more than half of the ~16 µs a new lexeme costs). Reports bring thousands of new words each, so the
    tokenizer ran at ~3.4 MB/s on unseen reports against ~8 MB/s on seen ones.
    """
    from spacy.attrs import LIKE_NUM
    from spacy.lang.zh import lex_attrs

    getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # real attribute, missing from vocab.pyi
    if getters.get(LIKE_NUM) is not lex_attrs.like_num:
        return  # not spaCy's own (a newer spaCy, or already replaced): leave it alone
    getters[LIKE_NUM] = _zh_like_num


@functools.cache
def _zh_numerals() -> tuple[frozenset[str], re.Pattern[str]]:
    """spaCy's Chinese numeral words, and its pattern for counted numerals (三百五十), compiled."""
    from spacy.lang.zh import lex_attrs

    count, base = "|".join(lex_attrs._count_num_words), "|".join(lex_attrs._base_num_words)
    return frozenset(lex_attrs._single_num_words), re.compile(f"^(({count}){{1}}({base}){{1}})+({count})?$")


def _zh_like_num(text: str) -> bool:
    """``spacy.lang.zh.lex_attrs.like_num`` with its word list as a set and its pattern compiled once.

    >>> from spacy.lang.zh.lex_attrs import like_num
    >>> words = ["12", "1,000", "3/4", "十一", "三百五十", "二十", "拾贰", "百", "十万", "法治", "-5", "1/x"]
    >>> [_zh_like_num(w) for w in words] == [like_num(w) for w in words]
    True
    """
    single, counted = _zh_numerals()
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    text = text.replace(",", "").replace(".", "").replace("，", "").replace("。", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    if text in single:
        return True
    return counted.match(text) is not None


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
