"""Indicators: the quantities a report states as achievements (component ``lawgraph_indicators``).

:func:`lawgraph.extract.numbers.find_quantities` finds every *number + unit*; this module keeps those that
count something the report achieved and drops what only looks like a quantity:

- dates and years (``2022年``, ``2022年版``) and plan names (``三年行动``); a span of years counts only
  when the text says so (``连续11年``);
- ordinals (``第一批``, ``第十四次``) and rankings (``前三名``);
- congress and meeting names (``二十大``, ``十四次党代会``, ``二次全会``);
- slogans and fixed political phrases: Chinese numerals inside quotes (``“两个维护”``, ``“四强”``) unless
  the unit measures something (``“半小时服务圈”``), and the set phrases of ``data/fixed_terms.txt``
  (``八项规定``, ``三项制度``);
- numbers inside 《》 titles or inside an entity's name, codes and formulas (``PM2.5``, ``“1+32”``);
- a bare Chinese 一 or 零 (``一窗办``, ``零上访``), which names a practice rather than a count.

Each kept quantity becomes a :class:`~lawgraph.model.Indicator` with what it counts (the noun phrase it
measures, read by :mod:`lawgraph.extract.counted`: ``行政复议案件``), its sentence as evidence and the
index of the action of its clause. A list that shares one rate (参学率、考试通过率近100%) gives one
indicator per name. A value written without its unit takes the unit of the list it stands in
(分别高于全国12.7个、12个百分点, 客运量分别达1409万、1305万人次).

Examples
--------
>>> [(i.value, i.unit, i.phrase) for i in indicators_from_text("受理各类行政复议案件39件，案前调解12件。")]
[(Decimal('39'), '件', '行政复议案件'), (Decimal('12'), '件', '案前调解')]
>>> indicators_from_text("学习贯彻党的二十大精神，认真落实行政执法三年提升行动。")
[]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from lawgraph.extract.component import LexiconComponent
from lawgraph.extract.counted import COUNTED_FILES, CountedReader
from lawgraph.extract.counted_words import Tokens
from lawgraph.extract.data import Lexicon
from lawgraph.extract.extensions import doc_entities, register_extensions
from lawgraph.extract.numbers import Quantity, QuantityFinder, parse_number, parse_units, trie_pattern
from lawgraph.extract.tokens import token_boundaries
from lawgraph.model import Action, Evidence, Indicator, Sentence

__all__ = [
    "INDICATOR_FILES",
    "IndicatorFinder",
    "IndicatorRules",
    "make_indicator_finder",
    "indicators_from_text",
    "is_indicator",
]

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_TITLE = re.compile(r"《[^《》\n]{1,120}》")
_QUOTE = re.compile(r"[“\"「][^“”\"「」\n]{1,40}[”\"」]")
_YEAR_SPAN_BEFORE = re.compile(r"(?:连续|累计|长达|历时|用时|坚持|已达)\s*$")
_MEETING_AFTER = re.compile(r"(?:党代会|全会|全体会议|代表大会|常委会|党员代表大会|中全会)")
_THRESHOLD_AFTER = re.compile(r"(?:控制线|警戒线|红线)")
_OPEN_QUOTES = frozenset("“\"「‘")
_CLOSE_QUOTES = frozenset("”\"」’")
_CODE_CHAR = re.compile(r"[A-Za-z0-9.+\-/_#＋]")
_ZH_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")


INDICATOR_FILES = ("units.tsv", "fixed_terms.txt", *COUNTED_FILES)
"""The data files :class:`IndicatorRules` are read from."""


@dataclass(frozen=True, slots=True)
class IndicatorRules:
    """What indicators are read with: the units of quantities, the set phrases that count nothing
    (``fixed_terms.txt``: 八项规定) and the words that tell what a number counts (``counted_words.tsv``)."""

    quantities: QuantityFinder
    fixed_terms: re.Pattern[str]
    counted: CountedReader

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> IndicatorRules:
        """Read the files of :data:`INDICATOR_FILES`."""
        return cls(
            quantities=QuantityFinder(parse_units(lexicon.lines("units.tsv"))),
            fixed_terms=re.compile(trie_pattern(set(lexicon.lines("fixed_terms.txt")))),
            counted=CountedReader.from_lexicon(lexicon),
        )


def _intervals(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _inside(intervals: Sequence[tuple[int, int]], begin: int, end: int) -> bool:
    """Whether ``[begin, end)`` lies within one of the sorted, non-overlapping ``intervals``."""
    i = bisect.bisect_right(intervals, (begin, float("inf"))) - 1
    return i >= 0 and intervals[i][0] <= begin and end <= intervals[i][1]


def is_indicator(
    q: Quantity,
    text: str,
    *,
    titles: Sequence[tuple[int, int]] = (),
    quotes: Sequence[tuple[int, int]] = (),
    fixed: Sequence[tuple[int, int]] = (),
    names: Sequence[tuple[int, int]] = (),
    word_ends: Container[int] | None = None,
) -> bool:
    """Whether the quantity ``q`` found in ``text`` states an achievement (see the module docs).

    ``titles``, ``quotes``, ``fixed`` and ``names`` are sorted ``(begin, end)`` intervals of 《》 titles,
    quoted expressions, fixed political phrases and entity names. ``word_ends`` holds the offsets where
    the segmenter's words end: a Chinese numeral's unit must end a word (三棵|松, 四位一体 are names).
    """
    num_text = text[q.number_begin : q.end]
    before = text[q.begin - 1] if q.begin > 0 else ""
    after = text[q.end] if q.end < len(text) else ""
    if q.value == 0:
        return False
    if before == "第" or (before and _CODE_CHAR.fullmatch(before)) or after in ("+", "＋"):
        return False
    if before in _OPEN_QUOTES and after in _CLOSE_QUOTES:
        return False  # “40条”, “21条”: a number in quotes on its own names a policy package
    if q.chinese and q.value == 1 and num_text.startswith("一"):
        return False
    if q.chinese and q.unit == "元" and q.value < 10:
        return False  # 二元结构, 一元化: a word, not money
    if q.unit == "周" and after in ("年", "岁"):
        return False  # 一百周年 is an anniversary, 60周岁 an age
    if q.chinese and word_ends is not None and q.unit_end >= 0 and q.unit_end not in word_ends:
        return False
    if q.chinese and before and before in _ZH_NUMERALS:
        return False  # glued to another numeral: a name such as 十四五 or 七一
    if q.chinese and before in ("数", "几", "上", "干") and q.begin == q.number_begin:
        return False  # 数十个, 几十家, 若干: no number was stated
    if q.unit_class == "year" and (
        q.value >= 1000 or not _YEAR_SPAN_BEFORE.search(text[max(0, q.begin - 4) : q.begin])
    ):
        return False
    if q.unit_class == "arabic" and q.chinese:
        return False
    if num_text.startswith("半") and q.unit_class != "time":
        return False
    if q.unit == "次" and (
        _MEETING_AFTER.match(text, q.end)
        or (text.startswith("会议", q.end) and "届" in text[max(0, q.begin - 4) : q.begin])
    ):
        return False  # 十四次党代会, 二次全会, 十五届人大三次会议 name meetings
    if q.unit_class == "percent" and _THRESHOLD_AFTER.match(text, q.end):
        return False
    if before == "前" and q.unit in ("位", "名", "强"):
        return False
    span = (q.number_begin, q.end)
    if _inside(titles, *span) or _inside(fixed, *span) or _inside(names, *span):
        return False
    # A Chinese numeral in quotes is a slogan unless its unit measures something (“半小时服务圈”).
    return not (
        q.chinese and q.unit_class not in ("measure", "time", "step", "percent") and _inside(quotes, *span)
    )


def _sentence_bounds(sentences: Sequence[Sentence], starts: Sequence[int], pos: int) -> Sentence | None:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and sentences[i].begin <= pos < sentences[i].end:
        return sentences[i]
    return None


def _fallback_sentences(text: str) -> list[Sentence]:
    return [Sentence(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def _action_index(
    actions: Sequence[Action], starts: Sequence[int], q: Quantity, sentence: Sentence
) -> int | None:
    """The action whose clause holds the quantity, else the nearest one before it in the sentence."""
    i = bisect.bisect_right(starts, q.begin) - 1
    while i >= 0:
        ev = actions[i].evidence
        if ev.sentence_begin != sentence.begin:
            return None
        if ev.begin <= q.begin:
            return i
        i -= 1
    return None


def find_indicators(
    text: str,
    *,
    sentences: Sequence[Sentence] | None = None,
    names: Sequence[tuple[int, int]] = (),
    subjects: Sequence[tuple[int, int]] = (),
    actions: Sequence[Action] = (),
    word_ends: Container[int] | None = None,
    tokens: Tokens | None = None,
    rules: IndicatorRules | None = None,
) -> list[Indicator]:
    """Every indicator in ``text`` (see the module docs).

    Parameters
    ----------
    text : str
        The report's normalized text.
    sentences : sequence of Sentence, optional
        The report's sentences (``Report.sentences``); split on 。！？ and line breaks when not given.
    names : sequence of (int, int)
        Offsets of entity mentions; a number inside a name is not a quantity.
    subjects : sequence of (int, int)
        Sorted offsets of organization names: what a number counts never reaches into one (县政府|受理…).
    actions : sequence of Action
        The report's actions, in text order; each indicator links to the action of its clause.
    word_ends : container of int, optional
        Offsets where the segmenter's words end (from the Doc's tokens), see :func:`is_indicator`.
    tokens : (sequence of int, sequence of int), optional
        Where the Doc's tokens start and end: the words what a number counts is read from (each sentence is
        cut with rjieba when not given).
    rules : IndicatorRules, optional
        The component's rules; the package's data files when not given.
    """
    if rules is None:
        rules = _package_rules()
    sentences = list(sentences) if sentences else _fallback_sentences(text)
    sent_starts = [s.begin for s in sentences]
    titles = _intervals(_TITLE, text)
    quotes = _intervals(_QUOTE, text)
    fixed = _intervals(rules.fixed_terms, text)
    names = sorted(names)
    kept: list[tuple[Quantity, Sentence]] = []
    last_end = -1
    for q in _with_elided_units(text, rules.quantities.find(text)):
        if q.begin < last_end:
            continue
        if not is_indicator(
            q, text, titles=titles, quotes=quotes, fixed=fixed, names=names, word_ends=word_ends
        ):
            continue
        sentence = _sentence_bounds(sentences, sent_starts, q.begin) or _line(text, q.begin)
        kept.append((q, sentence))
        last_end = q.end
    kept = _shared_units(text, kept)
    action_starts = [a.evidence.begin for a in actions]
    out: list[Indicator] = []
    i = 0
    while i < len(kept):
        sentence = kept[i][1]
        j = i
        while j < len(kept) and kept[j][1] == sentence:
            j += 1
        group = [q for q, _ in kept[i:j]]
        # A span of years counts nothing and is read as part of the text (连续18年|保持在100万吨以上).
        counts = [q for q in group if q.unit_class != "year"]
        spans = [(q.begin, q.end, q.unit_class == "percent") for q in counts]
        phrases = rules.counted.read(
            text, sentence.begin, sentence.end, spans, subjects=subjects, tokens=tokens
        )
        read_of = dict(zip((q.begin for q in counts), phrases, strict=True))
        for q in group:
            read = read_of.get(q.begin, ())
            action = _action_index(actions, action_starts, q, sentence) if actions else None
            for phrase in ("",) if q.unit_class == "year" else read or ("",):
                out.append(
                    Indicator(
                        value=q.value,
                        unit=q.unit,
                        written=q.written,
                        phrase=phrase,
                        evidence=Evidence(q.begin, q.end, sentence.begin, sentence.end),
                        approximation=q.approximation,
                        action=action,
                    )
                )
        i = j
    return out


@functools.cache
def _package_rules() -> IndicatorRules:
    return IndicatorRules.from_lexicon(Lexicon.from_package(INDICATOR_FILES))


def _line(text: str, pos: int) -> Sentence:
    """The line around ``pos``, for a quantity outside every sentence."""
    begin = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return Sentence(begin, len(text) if end < 0 else end)


_BARE_NUMBER = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?(?:万亿|千万|百万|[万亿])?)[、和]$")
"""A number without a unit that a list's last value gives its unit to: 1409万、|1305万人次."""


def _with_elided_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` and the values before them that share their unit (客运量分别达1409万、1305万人次)."""
    out: list[Quantity] = []
    for q in quantities:
        extra: list[Quantity] = []
        at = q.begin
        while at > 1 and text[at - 1] in "、和" and (match := _BARE_NUMBER.search(text, max(0, at - 16), at)):
            value = parse_number(match.group(1))
            if value is None:
                break
            end = match.end(1)
            extra.append(
                Quantity(
                    value=value,
                    unit=q.unit,
                    unit_class=q.unit_class,
                    written=match.group(1),
                    begin=match.start(1),
                    end=end,
                    number_begin=match.start(1),
                    unit_end=end,
                )
            )
            at = match.start(1)
        out.extend(reversed(extra))
        out.append(q)
    return out


def _shared_units(text: str, kept: list[tuple[Quantity, Sentence]]) -> list[tuple[Quantity, Sentence]]:
    """A list of values that writes its unit once gives it to each (高于全国12.7个、12个百分点)."""
    out = list(kept)
    for k in range(len(out) - 2, -1, -1):
        q, nxt = out[k][0], out[k + 1][0]
        if (
            text[q.end : nxt.begin] == "、"
            and nxt.unit != q.unit
            and nxt.unit.startswith(q.unit)
        ):
            out[k] = (replace(q, unit=nxt.unit, unit_class=nxt.unit_class), out[k][1])
    return out


def indicators_from_text(text: str) -> list[Indicator]:
    """Indicators of a bare text (no entities, no actions); a convenience for tests and notebooks."""
    return find_indicators(text)


class _SortedInts:
    """Membership in a sorted list by bisection (few lookups in a long list: no set to build)."""

    __slots__ = ("values",)

    def __init__(self, values: Sequence[int]) -> None:
        self.values = values

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, int):
            return False
        i = bisect.bisect_left(self.values, value)
        return i < len(self.values) and self.values[i] == value


def _name_intervals(doc: Doc, kinds: tuple[str, ...] = ("organization", "place")) -> list[tuple[int, int]]:
    # Only bodies and places: a document named without 《》 may carry its count (优化营商环境29条措施).
    out = [(e.begin, e.end) for e in doc_entities(doc) if e.kind in kinds]
    # Nested or overlapping names: keep the outermost so the interval search stays simple.
    out.sort(key=lambda iv: (iv[0], -iv[1]))
    merged: list[tuple[int, int]] = []
    for begin, end in out:
        if merged and begin < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((begin, end))
    return merged


class IndicatorFinder(LexiconComponent):
    """The ``lawgraph_indicators`` component: sets ``doc._.lg_indicators`` (data: :data:`INDICATOR_FILES`)."""

    files = INDICATOR_FILES

    def build(self, lexicon: Lexicon) -> None:
        """Read the rules of ``lexicon``."""
        self.rules = IndicatorRules.from_lexicon(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.lg_indicators`` and return ``doc``."""
        report = doc._.report
        names = _name_intervals(doc)
        # doc.text rebuilds the string from every token; the report holds the same string.
        doc._.lg_indicators = find_indicators(
            report.text if report is not None else doc.text,
            sentences=report.sentences if report is not None else None,
            names=names,
            subjects=names,
            actions=doc._.lg_actions or (),
            word_ends=_SortedInts(token_boundaries(doc)[1]),
            tokens=token_boundaries(doc),
            rules=self.rules,
        )
        return doc


@Language.factory(
    "lawgraph_indicators",
    assigns=["doc._.lg_indicators"],
    requires=["doc.spans", "doc._.lg_actions"],
)
def make_indicator_finder(nlp: Language, name: str) -> IndicatorFinder:
    """Build the ``lawgraph_indicators`` component (runs after ``lawgraph_actions``)."""
    register_extensions()
    return IndicatorFinder(name)
