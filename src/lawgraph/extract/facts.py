"""Turn an annotated Doc into :class:`~lawgraph.model.ReportFacts` (pure: no state, no I/O).

Spans of the four entity span groups are merged into :class:`~lawgraph.model.Entity` objects by
``(kind, kb_id)``; every span becomes a :class:`~lawgraph.model.Mention` with its sentence as evidence. The
issuer, addressee and page publisher from the report's context are always organizations of the result, even
when only the metadata names them; agents no organization names are described by
:func:`lawgraph.extract.agents.implied_organizations`. Actions and indicators are copied from
``doc._.lg_actions`` / ``doc._.lg_indicators``, each with its status (done, planned, shortcoming) read by one
:class:`~lawgraph.extract.status.StatusReader` (the action finder's) from the sentence, paragraph and section
it stands in.

Examples
--------
>>> from lawgraph.extract.pipeline import make_nlp, annotate
>>> from lawgraph.model import Report, ReportMeta
>>> report = Report(name="a.txt", text="区政府印发通知。区政府召开会议。", sha256="0",
...                 meta=ReportMeta(issuer="深圳市龙岗区人民政府"))
>>> facts = doc_to_facts(annotate(make_nlp(components=["lawgraph_organizations"]), report))
>>> [(e.key, len(e.mentions)) for e in facts.entities if e.kind == "organization"]
[('深圳市龙岗区人民政府', 2)]
>>> facts.issuer
'深圳市龙岗区人民政府'
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from lawgraph.extract.agents import implied_organizations
from lawgraph.extract.extensions import NO_ATTRS, iter_entity_spans
from lawgraph.extract.status import status_reader
from lawgraph.model import Action, Entity, Evidence, Indicator, Mention, Report, ReportContext, ReportFacts

__all__ = ["doc_to_facts", "organization_locations", "sentence_bounds", "SentenceIndex", "with_status"]

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


class SentenceIndex:
    """Finds the sentence around a span of one report quickly (bisect over precomputed offsets).

    Uses :attr:`Report.sentences` when a sentence covers the span; otherwise the stretch between the
    nearest sentence ends (。！？； or a line break) around it, without its surrounding whitespace.

    >>> from lawgraph.model import Report
    >>> index = SentenceIndex(Report(name="a", text="甲。 乙丙丁；戊", sha256="0"))
    >>> index.bounds(3, 5)
    (3, 7)
    """

    def __init__(self, report: Report) -> None:
        self.text = report.text
        self.sentences = report.sentences
        self.starts = [sentence.begin for sentence in report.sentences]
        self.ends = [m.end() for m in _SENTENCE_END.finditer(self.text)]

    def bounds(self, begin: int, end: int) -> tuple[int, int]:
        """``(sentence_begin, sentence_end)`` of the span ``text[begin:end]``."""
        i = bisect.bisect_right(self.starts, begin) - 1
        if i >= 0 and self.sentences[i].end >= end:
            return self.sentences[i].begin, self.sentences[i].end
        text = self.text
        j = bisect.bisect_right(self.ends, begin) - 1
        left = self.ends[j] if j >= 0 else 0
        k = bisect.bisect_left(self.ends, end + 1)
        right = self.ends[k] if k < len(self.ends) else len(text)
        while left < begin and text[left].isspace():
            left += 1
        while right > end and text[right - 1].isspace():
            right -= 1
        return left, right


def sentence_bounds(report: Report, begin: int, end: int) -> tuple[int, int]:
    """The sentence of ``report`` holding ``text[begin:end]`` (see :class:`SentenceIndex`)."""
    return SentenceIndex(report).bounds(begin, end)


_ATTR_NAMES = ("parent", "code", "doc_type", "version")
"""The :class:`~lawgraph.extract.extensions.SpanAttrs` fields after ``exact``, in order."""


@dataclass(slots=True)
class _Entry:
    """The spans of one entity, gathered before it becomes an :class:`~lawgraph.model.Entity`."""

    cls: str
    mentions: dict[tuple[int, int], Mention] = field(default_factory=dict)
    attrs: dict[str, str] = field(default_factory=dict)


def organization_locations(entities: tuple[Entity, ...]) -> dict[str, str]:
    """Where each organization sits: the most specific place of the report that its name spells out.

    A place qualifies when its canonical name or one of its surface forms (two characters or more) is part
    of the organization's canonical name. Of those, the deepest wins: canonical place names spell the whole
    chain (甘肃省兰州市永登县), so the longest is the most specific; ties go to the first in code-point order.

    >>> from lawgraph.model import Entity, Evidence, Mention
    >>> ev = Evidence(0, 1, 0, 1)
    >>> town = Entity("place", "宁夏回族自治区银川市永宁县杨和镇", "Town", (Mention("杨和镇", ev),))
    >>> county = Entity("place", "宁夏回族自治区银川市永宁县", "County", (Mention("永宁县", ev),))
    >>> body = Entity("organization", "永宁县杨和镇人民调解委员会", "MediationCommittee")
    >>> organization_locations((town, county, body))
    {'永宁县杨和镇人民调解委员会': '宁夏回族自治区银川市永宁县杨和镇'}
    """
    labels = [
        (label, place.key)
        for place in entities
        if place.kind == "place"
        for label in {place.key, *place.alt_labels}
        if len(label) >= 2
    ]
    located: dict[str, str] = {}
    for body in entities:
        if body.kind != "organization":
            continue
        places = {key for label, key in labels if label in body.key}
        if places:
            located[body.key] = min(places, key=lambda key: (-len(key), key))
    return located


def with_status(
    report: Report, actions: Iterable[Action], indicators: Iterable[Indicator]
) -> tuple[tuple[Action, ...], tuple[Indicator, ...]]:
    """The actions and indicators of ``report``, each with its status (:mod:`lawgraph.extract.status`); an
    action the action finder gave its status keeps it.

    >>> from lawgraph.ingest import report_from_text
    >>> text = "一、工作情况\\n成立委员会。\\n二、下一步工作安排\\n健全机制。"
    >>> report = report_from_text(text, name="r.txt")
    >>> at = report.text.find("健全")
    >>> acts, _ = with_status(report, [Action("健全", "other", (), Evidence(at, at + 4, at, at + 5))], [])
    >>> acts[0].status
    'planned'
    """
    reader = status_reader(report)
    return (
        tuple(
            a if a.status is not None else replace(a, status=reader.status(a.evidence.begin, a.evidence.end))
            for a in actions
        ),
        tuple(replace(i, status=reader.status(i.evidence.begin, i.evidence.end)) for i in indicators),
    )


def doc_to_facts(doc: Doc) -> ReportFacts:
    """Collect the entities, actions and indicators annotated on ``doc``.

    Parameters
    ----------
    doc : Doc
        A Doc from :func:`lawgraph.extract.pipeline.annotate` (``doc._.report`` set).

    Returns
    -------
    ReportFacts
        Entities sorted by kind and key; mentions in text order.
    """
    report: Report = doc._.report
    text = report.text
    groups: dict[tuple[str, str], _Entry] = {}
    index = SentenceIndex(report)
    for kind, span, attrs, begin, end in iter_entity_spans(doc):
        key = span.kb_id_ or span.text
        s_begin, s_end = index.bounds(begin, end)
        entry = groups.setdefault((kind, key), _Entry(span.label_))
        entry.mentions[(begin, end)] = Mention(text[begin:end], Evidence(begin, end, s_begin, s_end))
        if attrs is not NO_ATTRS:
            have = entry.attrs
            for attr, value in zip(_ATTR_NAMES, attrs[1:], strict=True):
                if value is not None and have.get(attr) is None:
                    have[attr] = value
    ctx: ReportContext | None = doc._.lg_context
    issuer = ctx.issuer if ctx else None
    addressee = ctx.addressee if ctx else None
    for key, cls, parent in ctx.bodies if ctx else ():
        entry = groups.setdefault(("organization", key), _Entry(cls))
        if parent is not None and entry.attrs.get("parent") is None:
            entry.attrs["parent"] = parent
    entities = tuple(
        Entity(
            kind=kind,
            key=key,
            cls=entry.cls,
            mentions=tuple(entry.mentions[k] for k in sorted(entry.mentions)),
            parent=entry.attrs.get("parent"),
            code=entry.attrs.get("code"),
            doc_type=entry.attrs.get("doc_type"),
            version=entry.attrs.get("version"),
        )
        for (kind, key), entry in sorted(groups.items())
    )
    located = organization_locations(entities)
    if located:
        entities = tuple(
            replace(entity, location=located.get(entity.key)) if entity.kind == "organization" else entity
            for entity in entities
        )
    actions, indicators = with_status(report, doc._.lg_actions or (), doc._.lg_indicators or ())
    return ReportFacts(
        report=report,
        entities=entities,
        actions=actions,
        indicators=indicators,
        issuer=issuer,
        addressee=addressee,
        implied_organizations=implied_organizations(actions, entities),
    )
