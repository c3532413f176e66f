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

Each kept quantity becomes a :class:`~lawgraph.model.Indicator` with what is counted (the phrase around the
number, e.g. ``受理行政复议案件``), its sentence as evidence and the index of the action of its clause.

Examples
--------
>>> [(i.value, i.unit, i.phrase) for i in indicators_from_text("受理各类行政复议案件39件，案前调解12件。")]
[(Decimal('39'), '件', '受理行政复议案件'), (Decimal('12'), '件', '案前调解')]
>>> indicators_from_text("学习贯彻党的二十大精神，认真落实行政执法三年提升行动。")
[]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from lawgraph.extract.actions import load_verbs, parse_verbs
from lawgraph.extract.component import LexiconComponent
from lawgraph.extract.data import Lexicon
from lawgraph.extract.extensions import doc_entities, register_extensions
from lawgraph.extract.numbers import Quantity, QuantityFinder, parse_units, trie_pattern
from lawgraph.extract.tokens import token_boundaries
from lawgraph.model import Action, Evidence, Indicator, Sentence

__all__ = [
    "INDICATOR_FILES",
    "IndicatorFinder",
    "IndicatorRules",
    "make_indicator_finder",
    "indicators_from_text",
    "is_indicator",
    "counted_phrase",
]

# A clause ends at these marks; what is counted sits inside the clause.
_CLAUSE_MARKS = "，,；;。！!？?：:\n、（）()"
_MARK = re.compile("[" + re.escape(_CLAUSE_MARKS) + "]")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_TITLE = re.compile(r"《[^《》\n]{1,120}》")
_QUOTE = re.compile(r"[“\"「][^“”\"「」\n]{1,40}[”\"」]")
_YEAR_SPAN_BEFORE = re.compile(r"(?:连续|累计|长达|历时|用时|坚持|已达)\s*$")
_MEETING_AFTER = re.compile(r"(?:党代会|全会|全体会议|代表大会|常委会|党员代表大会|中全会)")
_THRESHOLD_AFTER = re.compile(r"(?:控制线|警戒线|红线)")
_CODE_CHAR = re.compile(r"[A-Za-z0-9.+\-/_#＋]")
_FILLER_ANY = re.compile(r"各类|各项|各种")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d{2}年(?:度|\d{1,2}月(?:\d{1,2}日)?)?")
_FILLER_HEAD = re.compile(
    r"^(?:全年|全区|全市|全县|一年来|今年以来|累计|共计|共有|拥有|共|先后|分别|合计|总计|其中|并|均|已|还)+"
)
_PREPOSITIONS = frozenset("对将把向为在从由")
_POST_TAIL = re.compile(r"(?:进行|开展|予以|实施|等)+$")
_FILLER_TAIL = re.compile(
    r"(?:的|达到|达|为|至|到|超过|突破|约|近|共计|共|累计|总计|合计|分别|由|比例|总数|共有|有|是|了|超|逾|将近|接近)+$"
)
_ZH_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")
_QUOTES = re.compile(r"[“”\"「」‘’]")


INDICATOR_FILES = ("units.tsv", "fixed_terms.txt", "action_verbs.tsv")
"""The data files :class:`IndicatorRules` are read from."""


@dataclass(frozen=True, slots=True)
class IndicatorRules:
    """What indicators are read with: the units of quantities, the set phrases that count nothing
    (``fixed_terms.txt``: 八项规定) and the verbs that end a counted phrase (``action_verbs.tsv``)."""

    quantities: QuantityFinder
    fixed_terms: re.Pattern[str]
    verbs: re.Pattern[str]
    """The action verbs of two characters or more (95项涉企经营事项 | 实现…)."""

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> IndicatorRules:
        """Read the files of :data:`INDICATOR_FILES`."""
        return cls(
            quantities=QuantityFinder(parse_units(lexicon.lines("units.tsv"))),
            fixed_terms=re.compile(trie_pattern(set(lexicon.lines("fixed_terms.txt")))),
            verbs=_long_verbs(parse_verbs(lexicon.lines("action_verbs.tsv"))),
        )


def _long_verbs(verbs: Iterable[str]) -> re.Pattern[str]:
    return re.compile(trie_pattern(v for v in verbs if len(v) >= 2))


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


def _clause_bounds(text: str, begin: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    start = begin
    while start > lo and text[start - 1] not in _CLAUSE_MARKS:
        start -= 1
    stop = end
    while stop < hi and text[stop] not in _CLAUSE_MARKS:
        stop += 1
    return start, stop


def counted_phrase(
    text: str,
    q: Quantity,
    *,
    lo: int = 0,
    hi: int | None = None,
    names: Sequence[tuple[int, int]] = (),
    bounds: tuple[int, int] | None = None,
    after: int = -1,
    verbs: re.Pattern[str] | None = None,
) -> str:
    """What the quantity counts: the words of its clause around the number, without fillers.

    >>> from lawgraph.extract.numbers import find_quantities
    >>> t = "新增20家社康机构，阅读量达5600多万人次"
    >>> [counted_phrase(t, q) for q in find_quantities(t)]
    ['新增社康机构', '阅读量']
    >>> t = "甲县受理案件30件"
    >>> counted_phrase(t, find_quantities(t)[0], names=[(0, 2)])
    '受理案件'

    ``after`` is where the previous count of the clause ends: 九大类|民生支出379.87亿元 counts 民生支出.
    ``verbs`` end the phrase after the number (:attr:`IndicatorRules.verbs`; the package's verbs when not
    given).
    """
    if verbs is None:
        verbs = _long_verbs(load_verbs())
    hi = len(text) if hi is None else hi
    start, stop = bounds if bounds is not None else _clause_bounds(text, q.begin, q.end, lo, hi)
    if names:
        # The subject at the head of the clause is who counts, not what is counted (某县受理案件30件).
        i = bisect.bisect_left(names, (start, -1))
        if i < len(names) and names[i][0] == start and names[i][1] <= q.begin:
            start = names[i][1]
    if start <= after < q.begin and _FILLER_TAIL.sub("", text[after : q.begin]).strip():
        start = after
    pre = _YEAR.sub("", text[start : q.begin])
    digit = _DIGIT.search(pre)
    if digit and digit.start() > 0:
        pre = pre[: digit.start()]  # 来信来访1250批次|3600人次: the words before the first count
    pre = _QUOTES.sub("", _FILLER_ANY.sub("", pre))
    post = text[q.end : stop]
    cut = post.find("的")
    if cut >= 0:
        post = post[:cut]
    digit = _DIGIT.search(post)
    if digit:
        post = post[: digit.start()]
    # The phrase after the number ends where a verb starts (95项涉企经营事项|实现…); a verb inside the
    # first words is part of the noun (规范性文件).
    verb = verbs.search(post, 4) if post else None
    while verb and post.startswith("性", verb.end()):
        verb = verbs.search(post, verb.end())
    if verb:
        post = _POST_TAIL.sub("", post[: verb.start()])
    post = _QUOTES.sub("", _FILLER_ANY.sub("", post))[:16]
    pre = _FILLER_TAIL.sub("", _FILLER_HEAD.sub("", pre))
    if pre in _PREPOSITIONS:
        pre = ""  # 对|26份行政规范性文件进行审核: the preposition alone says nothing
    # Before the number a short verb (新增20家社康机构); else the words before it (阅读量达5600多万).
    phrase = (pre if len(pre) <= 6 else "") + post if post else pre[-16:]
    return phrase.strip() or q.written


def _bounds(marks: Sequence[int], q: Quantity, sentence: Sentence) -> tuple[int, int]:
    """The clause around ``q``: from after the clause mark before it to the next mark, inside the sentence."""
    i = bisect.bisect_left(marks, q.begin)
    start = marks[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(marks, q.end)
    stop = marks[j] if j < len(marks) else sentence.end
    return max(start, sentence.begin), min(max(stop, q.end), sentence.end)


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
    actions: Sequence[Action] = (),
    word_ends: Container[int] | None = None,
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
    actions : sequence of Action
        The report's actions, in text order; each indicator links to the action of its clause.
    word_ends : container of int, optional
        Offsets where the segmenter's words end (from the Doc's tokens), see :func:`is_indicator`.
    rules : IndicatorRules, optional
        The component's rules; the package's data files when not given.
    """
    if rules is None:
        rules = IndicatorRules.from_lexicon(Lexicon.from_package(INDICATOR_FILES))
    sentences = list(sentences) if sentences else _fallback_sentences(text)
    sent_starts = [s.begin for s in sentences]
    titles = _intervals(_TITLE, text)
    quotes = _intervals(_QUOTE, text)
    fixed = _intervals(rules.fixed_terms, text)
    names = sorted(names)
    action_starts = [a.evidence.begin for a in actions]
    marks = [m.start() for m in _MARK.finditer(text)]
    out: list[Indicator] = []
    last_end = -1
    for q in rules.quantities.find(text):
        if q.begin < last_end:
            continue
        if not is_indicator(
            q, text, titles=titles, quotes=quotes, fixed=fixed, names=names, word_ends=word_ends
        ):
            continue
        sentence = _sentence_bounds(sentences, sent_starts, q.begin) or Sentence(
            *_clause_bounds(text, q.begin, q.end, 0, len(text))
        )
        previous, last_end = last_end, q.end
        out.append(
            Indicator(
                value=q.value,
                unit=q.unit,
                written=q.written,
                phrase=counted_phrase(
                    text,
                    q,
                    names=names,
                    bounds=_bounds(marks, q, sentence),
                    after=previous,
                    verbs=rules.verbs,
                ),
                evidence=Evidence(q.begin, q.end, sentence.begin, sentence.end),
                approximation=q.approximation,
                action=_action_index(actions, action_starts, q, sentence) if actions else None,
            )
        )
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


def _name_intervals(doc: Doc) -> list[tuple[int, int]]:
    # Only bodies and places: a document named without 《》 may carry its count (优化营商环境29条措施).
    out = [(e.begin, e.end) for e in doc_entities(doc) if e.kind in ("organization", "place")]
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
        # doc.text rebuilds the string from every token; the report holds the same string.
        doc._.lg_indicators = find_indicators(
            report.text if report is not None else doc.text,
            sentences=report.sentences if report is not None else None,
            names=_name_intervals(doc),
            actions=doc._.lg_actions or (),
            word_ends=_SortedInts(token_boundaries(doc)[1]),
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
