"""Which indicator concept an observation measures, and as what kind of value.

Reports write a figure's name once and its numbers after it (地区生产总值5.3万亿元、增长5.5%), so the counted
phrase of a number is often only a verb (``增长``). The concept is therefore read from the clause of the
number (from the last ，；：。 before it): the name of the scheme nearest before the number (longest name
first, so 人均地区生产总值 is not 地区生产总值), else a name right after it (办理45件行政复议案件). A name is
*not* what the number measures when:

- it is a denominator: 占地区生产总值比重, 与地区生产总值的比率 (the number is another figure's share);
- a subject other than the report's own area stands before it: a place the report names (武汉),
  or an area or sector word (县域, 南疆五地州, 海洋生产总值);
- other words stand between it and the number (单位地区生产总值二氧化碳排放: another figure);
- the number is an earlier level (从9323亿元, 较…的9323亿元) or its unit is not one of the concept's
  (9万美元 for a concept counted in 元, 37年).

The kind of value comes from the unit and the words before the number: % after 年均增长 is an average
yearly growth, after 增长/增速/下降 a growth (a fall is negative in the base value), else a share;
个百分点 and an amount after 增加/净增 are a change; an amount in the concept's units is its level. A
list after 分别 (A、B分别增长5%、6%) gives the i-th number the i-th name (城镇、农村居民人均可支配收入分别…:
the urban and the rural figure).

Examples
--------
>>> from decimal import Decimal
>>> from lawgraph.extract.indicators import indicators_from_text
>>> text = "全省地区生产总值5.3万亿元、增长5.5%，规上工业增加值增长9.4%。"
>>> matcher = default_matcher()
>>> [(m.concept.notation, m.kind, m.base_value, m.base_unit) for m in
...  (matcher.match(text, i) for i in indicators_from_text(text)) if m]
[('gdp', 'level', Decimal('5300000000000'), '元'), ('gdp', 'growth', Decimal('5.5'), '%'), \
('industrial-value-added', 'growth', Decimal('9.4'), '%')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from lawgraph.concepts.scheme import IndicatorConcept, IndicatorScheme, load_scheme
from lawgraph.model import Indicator

__all__ = ["ConceptMatch", "ConceptMatcher", "default_matcher"]

_CLAUSE_MARKS = "，,；;。：:！!？?\n（）()"
_PERCENT = {"%": Decimal(1), "％": Decimal(1), "‰": Decimal("0.1")}
_POINTS = ("个百分点", "百分点")
_DENOMINATOR_BEFORE = re.compile(r"(?:占|与|相当于)$")
_DENOMINATOR_AFTER = re.compile(r"^(?:的)?(?:比重|比例|比率|之比|的比)")
# What may stand between a name and its number: cue words, numbers with their units, list marks.
_BETWEEN_WORDS = re.compile(
    r"年均|同比|比上年|较上年|分别|总量|规模|实际|名义|累计|全年|"
    r"增长|增速|增幅|增加|净增|增量|增|上涨|涨幅|提高|提升|上升|下降|降低|降幅|减少|回落|"
    r"达到|达|为|是|实现|完成|突破|超过|超|迈上|跨上|跨越|稳定在|控制在|保持在|保持|"
    r"以上|左右|约|近|余|多|到|至|了|在|均|和|、|—|-|~|～"
)
# A ranking between a figure's level and its growth (5.5万亿元、稳居全国前十、增长4.8%) says nothing.
_RANKING = re.compile(r"、(?:稳居|位居|居|跻身|排名|列)[^、，,]*(?=、)")
_NUMBER = re.compile(
    r"[0-9.]+(?:万亿|亿|万|千)?(?:个百分点|百分点|人次|件次|公斤|千克|美元|[^\s0-9，、,；;。：:—\-~～])?"
)
_GROWTH = re.compile(r"(?:增长|增速|增幅|上涨|涨幅|提高|提升|上升|增|下降|降低|降幅|减少|回落)")
_FALL = re.compile(r"(?:下降|降低|降幅|减少|回落)")
_TO_LEVEL = re.compile(r"(?:到|至|为|达到|达)$")
_CHANGE = re.compile(r"(?:增加|净增|增量|多)$")
_EARLIER = re.compile(r"(?:从|由)$|较.*的$")
# What may stand before a name in the report's own voice: the whole area, the year, a verb of achieving.
_OWN_HEAD = re.compile(
    r"^(?:全省|全市|全区|全县|全州|全盟|全旗|全自治区|全国|全年|今年|去年|上年|本年|我省|我市|我区|我县|"
    r"其中|同时|\d{4}年|年|实现|完成|预计|经济社会发展的?|主要预期目标是?|力争|确保|全|努力|"
    r"受理|办理|审理|审查|审核|备案|发生|处理|开展|组织|培训|聘请|化解|调处|调解|排查|作出|新收|新增|共)*$"
)
_CONTINUED = re.compile(r"^(?:同比|比上年|较上年)?(?:增长|下降|增速|增幅)$")
_AREA_END = re.compile(
    r"(?:县域|县级|市级|城区|城市|城乡|农村|城镇|地区|地州|市州|园区|新区|开发区|片区|海洋|数字经济|民营经济|[州盟域])$"
)


@dataclass(frozen=True, slots=True)
class ConceptMatch:
    """The concept an observation measures, the kind of its value and its value in the base unit."""

    concept: IndicatorConcept
    kind: str
    """One of :data:`lawgraph.concepts.scheme.KINDS`."""
    base_value: Decimal | None
    """The value in :attr:`base_unit` (negative for a fall); ``None`` when the unit does not convert."""
    base_unit: str | None


class ConceptMatcher:
    """Links observations to the concepts of an :class:`IndicatorScheme` (see the module docs)."""

    def __init__(self, scheme: IndicatorScheme) -> None:
        self.scheme = scheme
        by_name: dict[str, IndicatorConcept] = {}
        for concept in scheme:
            for label in concept.labels:
                by_name.setdefault(label, concept)
        self.by_name = by_name
        names = sorted(by_name, key=lambda n: (-len(n), n))
        self.pattern = re.compile("|".join(re.escape(n) for n in names))

    def match(
        self,
        text: str,
        indicator: Indicator,
        *,
        names: Sequence[tuple[int, int]] = (),
    ) -> ConceptMatch | None:
        """The concept ``indicator`` (found in ``text``) measures, or ``None``.

        ``names`` are the sorted ``(begin, end)`` offsets of the places the report names other than its own
        area: a figure with one of them as its subject is not the report's.
        """
        ev = indicator.evidence
        begin, end = ev.begin, ev.end
        lo = ev.sentence_begin
        start = begin
        while start > lo and text[start - 1] not in _CLAUSE_MARKS:
            start -= 1
        found = self._before(text, start, begin, names)
        if found is None and start > lo and text[start - 1] in "，," and _CONTINUED.match(text[start:begin]):
            # 实现地区生产总值67665亿元，增长5.5%: a clause of only a growth word continues the one before.
            before = start - 1
            while before > lo and text[before - 1] not in _CLAUSE_MARKS:
                before -= 1
            found = self._before(text, before, start - 1, names)
            if found is not None:
                found = (found[0], text[start:begin])
        if found is None:
            found = self._after(text, end, ev.sentence_end)
            if found is None:
                return None
            concept, between = found[0], ""
        else:
            concept, between = found
        return self._kind(concept, indicator, between)

    # ------------------------------------------------------------------ finding the name
    def _before(
        self, text: str, start: int, begin: int, names: Sequence[tuple[int, int]]
    ) -> tuple[IndicatorConcept, str] | None:
        clause = text[start:begin]
        hits = list(self.pattern.finditer(clause))
        if not hits:
            return None
        name, first, last = hits[-1].group(), hits[-1].start(), hits[-1].end()
        between = clause[last:]
        if "分别" in between:
            picked = self._respectively(clause, hits)
            if picked is None:
                return None
            (name, first, last), between = picked, clause[clause.rfind("分别") :]
        head = clause[:first]
        if _DENOMINATOR_BEFORE.search(head) or _DENOMINATOR_AFTER.match(clause[last:]):
            return None
        if _BETWEEN_WORDS.sub("", _NUMBER.sub("", _RANKING.sub("", between))).strip():
            return None
        if not _OWN_HEAD.match(head) and (
            _AREA_END.search(head) or _names_inside(names, start, start + first)
        ):
            return None
        return self.by_name[name], between

    def _respectively(self, clause: str, hits: list[re.Match[str]]) -> tuple[str, int, int] | None:
        """A、B分别增长5%、6%: the name of the number's place in the list, when each item is one name.

        Items that share the last item's tail are read with it: 城镇、农村居民人均可支配收入 are
        城镇居民人均可支配收入 and 农村居民人均可支配收入. One name alone (城乡居民人均可支配收入分别…)
        names several figures: none.
        """
        cut = clause.rfind("分别")
        items: list[tuple[str, int, int]] = []
        for part in re.finditer(r"[^、和及]+", clause[:cut]):
            items.append((part.group(), part.start(), part.end()))
        listed = [h for h in hits if h.end() <= cut]
        if len(items) < 2 or not listed:
            return None
        names: list[tuple[str, int, int]] = []
        if len(listed) == len(items) and all(
            h.group() in item for h, (item, _, _) in zip(listed, items, strict=True)
        ):
            names = [(h.group(), h.start(), h.end()) for h in listed]
        else:
            last = items[-1][0]
            for k in range(1, len(last)):
                tail = last[k:]
                if tail in self.by_name and all(item + tail in self.by_name for item, _, _ in items[:-1]):
                    names = [(item + tail, b, e) for item, b, e in items[:-1]]
                    names.append((last, items[-1][1], items[-1][2]))
                    break
        if len(names) != len(items) or any(name not in self.by_name for name, _, _ in names):
            return None
        index = len(_NUMBER.findall(clause[cut + 2 :]))
        return names[index] if index < len(names) else None

    def _after(self, text: str, end: int, stop: int) -> tuple[IndicatorConcept, str] | None:
        window = text[end : min(stop, end + 24)]
        mark = re.search("[" + re.escape(_CLAUSE_MARKS) + "、]", window)
        hit = self.pattern.search(window[: mark.start()] if mark else window)
        if hit is None or hit.start() > 1:
            return None
        return self.by_name[hit.group()], ""

    # ------------------------------------------------------------------ the kind of value
    def _kind(self, concept: IndicatorConcept, indicator: Indicator, between: str) -> ConceptMatch | None:
        unit, value = indicator.unit, indicator.value
        cue = _NUMBER.sub("", between)
        if unit in _POINTS:
            return ConceptMatch(concept, "change", _signed(value, cue), "个百分点")
        if unit in _PERCENT:
            pct = value * _PERCENT[unit]
            if "年均" in cue:
                return ConceptMatch(concept, "averageGrowth", _signed(pct, cue), "%")
            if _GROWTH.search(cue) and not _TO_LEVEL.search(cue):
                return ConceptMatch(concept, "growth", _signed(pct, cue), "%")
            return ConceptMatch(concept, "share", pct, "%")
        factor = concept.dimension.factor(unit)
        if factor is None or _EARLIER.search(cue):
            return None
        base = _normalize(value * factor)
        if _CHANGE.search(cue):
            return ConceptMatch(concept, "change", base, concept.dimension.base_unit)
        return ConceptMatch(concept, "level", base, concept.dimension.base_unit)


def _signed(value: Decimal, cue: str) -> Decimal:
    growth = list(_GROWTH.finditer(cue))
    return -value if growth and _FALL.fullmatch(growth[-1].group()) else value


def _normalize(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _names_inside(names: Sequence[tuple[int, int]], begin: int, end: int) -> bool:
    i = bisect.bisect_left(names, (begin, -1))
    return i < len(names) and names[i][0] < end


@lru_cache(maxsize=1)
def default_matcher() -> ConceptMatcher:
    """The matcher of the package's scheme, built once per process."""
    return ConceptMatcher(load_scheme())
