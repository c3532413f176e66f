"""Named zones, parks, sites and regions read by the grammar of their names: [head] [descriptor] [kind].

A Chinese place name that the division table does not hold ends with a word for its kind (the *suffix*:
新区, 高新区, 综保区, 自贸试验区, 片区, 产业园, 科创城, 遗址, 国家公园, 都市圈, 经济带, 流域 …, with their
classes in ``places.json`` ``zone_suffixes``) and starts with a proper name (the *head*): a division
(石嘴山高新区, 成都都市圈), a listed region or country (长三角生态绿色一体化发展示范区, 中国—上海合作组织…),
a joint abbreviation of provinces (川藏经济协作试验区), or a word the tagger reads as a place or a name
(良渚古城遗址公园, 哈大齐国家自主创新示范区). Between them stand descriptive words (高端装备, 新能源).

- **Where the name starts**: after the last clause boundary (punctuation, a verb such as 打造 or 推进, a
  numeral with its classifier), at the first place written inside that stretch, else where the tagger finds
  no more adverbs, prepositions or leading verbs. ``（…）`` and a single dash belong to names
  (中国（绵阳）科技城, 三星堆—金沙遗址).
- **Named or generic**: most kinds need a proper head; a name made only of descriptive words (零碳园区,
  省级未来产业先导区, 国家考古遗址公园) names a class of places, not one. A few kinds are specific by
  themselves (``strong_suffixes``: 科创城, 遗址, 国家公园 …): there any head that is not only descriptive
  will do (光子科创城). In the report of a county, district or new area, a zone without a head (精细化工园区)
  is the area's own.
- **Canonical names**: short kinds are written in full (高新区 → 高新技术产业开发区, 综保区 → 综合保税区,
  工业园 → 工业园区); a site is named without the division that locates it (绍兴越国…遗址 → 越国…遗址); the
  province's free trade zone, written 自贸试验区 alone or with a 片区, is 中国（浙江）自由贸易试验区.

Examples
--------
>>> from lawgraph.extract.pipeline import make_nlp, annotate
>>> from lawgraph.model import Report, ReportMeta
>>> nlp = make_nlp(components=["lawgraph_places"])
>>> doc = annotate(nlp, Report(name="r.txt", sha256="0", meta=ReportMeta(issuer="浙江省人民政府"),
...                            text="推动衢州综保区扩区，建设零碳园区，自贸试验区提质增效。"))
>>> [(s.text, s.kb_id_) for s in doc.spans["place"] if s.label_ != "City"]
[('衢州综保区', '衢州综合保税区'), ('自贸试验区', '中国（浙江）自由贸易试验区')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Container
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lawgraph.extract.gazetteer import Gazetteer
from lawgraph.extract.place_match import PlaceMatch, alternation, word_rx

if TYPE_CHECKING:
    from lawgraph.model import ReportContext

__all__ = ["Hit", "ZoneFinder"]

_CJK = "\u4e00-\u9fff"
_HAS_CJK = re.compile(f"[{_CJK}]")
# jieba part-of-speech tags that never sit inside a zone's name (adverb, preposition, conjunction,
# particle, pronoun, numeral, classifier, punctuation …), and those that never start one (verbs).
_HARD_STOP_TAGS = frozenset(
    {"d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "m", "mq", "q", "x", "ad", "y", "e", "o",
     "zg"}
)  # fmt: skip
_LEADING_STOP_TAGS = frozenset({"v", "vd", "a", "ad", "d", "p", "c"})
_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg"})
_IN_NAME_MARKS = "（）()—-"
"""Marks that belong to names: 中国（绵阳）科技城, 三星堆—金沙遗址."""
_LOCAL_LEVELS = ("county", "district", "new_area", "town")
_NUMERIC = re.compile("[0-9０-９.%一二三四五六七八九十百千万亿两几多余首第批个]+")


@dataclass(slots=True)
class Hit:
    """A place name found before zones are read: a division (``full`` or ``short``) or a listed place."""

    begin: int
    end: int
    kind: str  # "full" | "short" | "listed"
    name: str


class ZoneFinder:
    """The grammar of zone names (see the module docstring), from ``places.json`` and the division table.

    Parameters
    ----------
    gazetteer : Gazetteer
        The division table.
    rules : dict
        ``places.json``.
    tag : callable
        A part-of-speech tagger (``rjieba.tag``): text → ``[(word, tag)]``.
    has_word : callable
        Whether the segmenter's dictionary holds a word (``rjieba.has_word``).
    abbreviations : str
        The one-character abbreviations of the provinces (粤, 川 …): a head made only of them is a joint
        abbreviation (川藏, 川渝).
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        rules: dict[str, Any],
        tag: Callable[[str], list[tuple[str, str]]],
        has_word: Callable[[str], bool],
        abbreviations: str,
    ) -> None:
        self.gaz = gazetteer
        self._tag = tag
        self._has_word = has_word
        self.zone_cls: dict[str, str] = {}
        for cls, suffixes in rules["zone_suffixes"].items():
            for suffix in suffixes:
                self.zone_cls[suffix] = cls
        self.not_places = frozenset(rules["non_place_kinds"])
        self._zone_rx = word_rx([*self.zone_cls, *self.not_places])
        self.strong = frozenset(rules["strong_suffixes"])
        self.designations = frozenset(rules["designation_suffixes"])
        self.full_forms: dict[str, str] = rules["suffix_full_forms"]
        self.located_sites = tuple(rules["located_site_suffixes"])
        self.elliptic = tuple(rules["elliptic_suffixes"])
        self.zone_generic = frozenset(rules["zone_generic_names"])
        self._generic_rx = re.compile(f"(?:{alternation(rules['zone_generic_names'])})")
        self._lead_rx = re.compile(f"(?:{alternation(rules['zone_lead_strip'])})")  # match() anchors at pos
        self.relative_heads: tuple[str, ...] = tuple(
            sorted(rules["relative_area_heads"], key=len, reverse=True)
        )
        numerals = "一二三四五六七八九十两几多0-9０-９"
        marks = re.escape(_IN_NAME_MARKS)
        units = "(?:[大个项类座家批条所]|万|亿|平方米|平方公里|公里|米|亩|吨)"  # 42万平方米清水河片区
        words = rules["boundary_words"]
        firsts = re.escape("".join(sorted({w[0] for w in words} | set(numerals))))
        self._boundary_rx = re.compile(  # the lookahead skips the positions where no boundary starts
            f"(?=[^{_CJK}]|[{firsts}])"
            f"(?:(?P<p>[^{_CJK}{marks}A-Za-z0-9]|——|[{numerals}.]+{units}+)|{alternation(words)})"
        )
        self.name_heads = tuple(rules["zone_name_heads"])
        self._hard_rx = re.compile(f"[^{_CJK}{marks}A-Za-z0-9]")
        self.abbreviations = frozenset(abbreviations) - frozenset(rules["abbreviations_not_heads"])
        self.no_heads = frozenset(rules["not_proper_heads"])
        self.ftz = tuple(rules["free_trade_zone_forms"])
        self._firsts: dict[str, frozenset[str]] = {}  # the characters of a province's divisions' short forms

    # -- where a name starts ---------------------------------------------------------------------------
    def _zone_start(
        self, text: str, begin: int, places: list[tuple[int, int]], starts: Container[int]
    ) -> int:
        lo = max(0, begin - 16)
        start = lo
        for m in self._boundary_rx.finditer(text, lo, begin):
            # A boundary word counts as a whole token (服务 ends a name, 服务业 does not), or where the
            # segmenter split it wrongly (打/造成/渝) and it makes no longer word with what follows.
            if m.group("p") or (
                m.start() in starts
                and (
                    m.end() in starts
                    or (m.end() - m.start() >= 2 and not self._has_word(text[m.start() : m.end() + 1]))
                )
            ):
                start = m.end()
        i = bisect.bisect_left(places, (lo, -1))
        inner = []
        while i < len(places) and places[i][0] < begin:
            if places[i][1] <= begin:
                inner.append(places[i][0])
            i += 1
        if inner:
            first = min(inner)
            if first < start:
                # A place inside the window: the name starts at it only when no boundary follows it.
                first = min((b for b in inner if b >= start), default=start)
            start = first if first >= start else start
        if text[start - 1 : start] in ("（", "(") and start > lo:
            # 西部（成都）科学城: the name starts with the word before the bracket.
            words = self._words(text, max(lo, start - 6), start - 1)
            if words and words[-1][2] not in _HARD_STOP_TAGS | _LEADING_STOP_TAGS:
                start = words[-1][0]
        head = max((text.rfind(h, lo, begin) for h in self.name_heads), default=-1)
        if 0 <= head < start and not self._hard_rx.search(text, head, begin):
            start = head  # 中国—上海合作组织…示范区: a joint name opens with 中国— whatever words follow
        lead = self._lead_rx.match(text, start, begin)
        if lead:
            start = lead.end()
        j = bisect.bisect_left(places, (start, -1))
        if start < begin and not (j < len(places) and places[j][0] == start):
            start = self._pos_start(text, start, begin)
        return start

    def _abbr_quote(self, text: str, close: int, ctx: ReportContext) -> int | None:
        """Where the quote closing at ``close`` opens, when it holds three or more one-character
        abbreviations of the province's own cities and counties (“宜荆荆襄”, “长株潭”: characters of their
        short forms), else None."""
        open_ = text.rfind("“", max(0, close - 9), close)
        inside = text[open_ + 1 : close]
        if open_ < 0 or len(inside) < 3 or not ctx.province:
            return None
        firsts = self._firsts.get(ctx.province)
        if firsts is None:
            firsts = self._firsts[ctx.province] = frozenset(
                ch
                for top in self.gaz.by_name.get(ctx.province, [])[:1]
                for city in self.gaz.children.get(top.code, [])
                for d in (city, *self.gaz.children.get(city.code, []))
                for short in self.gaz.short_forms_of(d.name, d.level)[:1]
                for ch in short
            )
        return open_ if all(ch in firsts for ch in inside) else None

    def _quoted_names(self, text: str, kind: int, ctx: ReportContext | None) -> list[tuple[int, int]]:
        """The names a quoted run of the province's abbreviations opens before the kind word at ``kind``
        (“宜荆荆襄”新能源新材料产业走廊), as spans without the kind word. A list sharing the kind
        (“甲”…、“乙”…等产业走廊) gives one name per item."""
        if ctx is None:
            return []
        close = text.rfind("”", max(0, kind - 16), kind)
        if close < 0 or close + 1 == kind or self._hard_rx.search(text, close + 1, kind):
            return []
        shared = text[kind - 1] == "等"
        end = kind - 1 if shared else kind
        if "等" in text[close + 1 : end] or (open_ := self._abbr_quote(text, close, ctx)) is None:
            return []
        names = [(open_, end)]
        while shared and text[open_ - 1 : open_] == "、":
            close = text.rfind("”", max(0, open_ - 17), open_ - 1)
            if close < 0 or self._hard_rx.search(text, close + 1, open_ - 1):
                break
            item_end, open_ = open_ - 1, self._abbr_quote(text, close, ctx)
            if open_ is None:
                break
            names.append((open_, item_end))
        return names

    def _words(self, text: str, begin: int, end: int) -> list[tuple[int, int, str]]:
        out = []
        pos = begin
        for word, flag in self._tag(text[begin:end]):
            out.append((pos, pos + len(word), flag))
            pos += len(word)
        return out

    def _pos_start(self, text: str, start: int, begin: int) -> int:
        """Trim a zone name by part of speech: cut after the last adverb, preposition, pronoun, number …
        inside it, then drop leading verbs (新增公园, 进一步缓解高新区 name no zone)."""
        words = self._words(text, start, begin)
        cut = 0
        for i, (b, e, flag) in enumerate(words):
            if flag in ("x", "zg") and (_HAS_CJK.search(text, b, e) or text[b:e] in _IN_NAME_MARKS):
                continue  # a rare character jieba does not know (嶂), or a bracket of the name
            if flag in _HARD_STOP_TAGS and not (flag == "m" and not _NUMERIC.fullmatch(text, b, e)):
                cut = i + 1  # 三星堆 and G60 are tagged as numerals, and are names
        if cut == 0 and len(words) == 1 and text[start - 1 : start] in "、，,":
            return start  # 、聚变科创城: a list item is a name, whatever the tagger reads its word as
        while cut < len(words) and words[cut][2] in _LEADING_STOP_TAGS:
            cut += 1
        # 复线贯通带动大小凉山地区: a verb inside, with a proper name after it; the name starts there.
        verbs = [i for i in range(cut, len(words)) if words[i][2] in ("v", "vd")]
        if verbs:
            proper = [i for i in range(verbs[-1] + 1, len(words)) if words[i][2] in _PROPER_TAGS]
            if proper:
                cut = proper[0]
        return words[cut][0] if cut < len(words) else begin

    # -- what a head is --------------------------------------------------------------------------------
    def _proper(self, text: str, start: int, end: int, places: list[tuple[int, int]]) -> bool:
        """Whether ``text[start:end]`` (a name before its kind word) holds a proper name."""
        if end - start < 1:
            return False
        name = text[start:end]
        i = bisect.bisect_left(places, (start, -1))
        if i < len(places) and places[i][0] < end:
            return True  # a division or listed place written in it
        if name.startswith(self.name_heads):
            return True
        core = self._generic_rx.sub("", name)
        if len(core) >= 2 and all(ch in self.abbreviations for ch in core[:2]):
            return True  # 川藏, 川渝: a joint abbreviation of provinces
        # A word the tagger reads as a name; a division's short form counts only as a hit (市中 of 市中区).
        shorts = self.gaz.by_any_short_form
        return any(
            flag in _PROPER_TAGS and len(w) >= 2 and w not in self.no_heads and w not in shorts
            for w, flag in self._tag(core)
        )

    def _kind_fits(
        self, text: str, kind: int, suffix: str, head: Hit | None, hits: list[Hit], starts: Container[int]
    ) -> bool:
        """Kinds that need more than a head: a port (港) follows a division or listed place directly and
        makes no word with it (深港 is Shenzhen and Hong Kong); a region (地区) is headed by no division
        (上海地区 is Shanghai)."""
        if len(suffix) == 1 and kind + 1 not in starts:
            return False  # 港, 陵: a kind of one character ends a word
        if suffix == "港":
            before = any(h.end == kind for h in hits)
            return before and not self._has_word(text[kind - 1 : kind + 1])
        if suffix == "地区":
            return head is None or head.kind == "listed"
        return True

    def _nominal(self, name: str) -> bool:
        """Whether the tagger reads ``name`` as nouns only (天府, not 制约)."""
        return all(flag.startswith("n") for _, flag in self._tag(name))

    def _generic(self, name: str) -> bool:
        return self._generic_rx.sub("", name) == "" or name in self.zone_generic

    @staticmethod
    def _own_area(ctx: ReportContext | None) -> tuple[str, str | None] | None:
        if ctx is None or not ctx.area or not ctx.chain:
            return None
        return "".join(ctx.chain), (ctx.chain[-2] if len(ctx.chain) > 1 else None)

    @staticmethod
    def _relative(head: str, ctx: ReportContext | None) -> str | None:
        """The report's own area a relative head (区, 市, 新区 …) stands for, as a canonical prefix."""
        if ctx is None:
            return None
        level = ctx.area_level
        if head == "新区" and level == "new_area" and ctx.area and ctx.area.endswith("新区"):
            return "".join(ctx.chain)
        if head == "区" and level == "district" and ctx.own_prefix:
            return ctx.own_prefix
        if head == "县" and level == "county" and ctx.own_prefix:
            return ctx.own_prefix
        if head == "市" and ctx.city:
            return ctx.city
        if head == "省" and ctx.province:
            return ctx.province
        return None

    def _full(self, mention: str, suffix: str) -> str:
        """The mention with its kind written in full (衢州综保区 → 衢州综合保税区)."""
        full = self.full_forms.get(suffix)
        return mention[: -len(suffix)] + full if full else mention

    def _ftz(self, ctx: ReportContext | None) -> str | None:
        """The free trade zone of the report's province: 中国（浙江）自由贸易试验区."""
        if ctx is None or not ctx.province:
            return None
        short = self.gaz.short_forms_of(ctx.province, 1)
        return f"中国（{short[0] if short else ctx.province}）自由贸易试验区"

    # -- the pass ----------------------------------------------------------------------------------------
    def find(
        self,
        text: str,
        hits: list[Hit],
        ctx: ReportContext | None,
        starts: Container[int],
    ) -> list[PlaceMatch]:
        """The zones of ``text``; ``hits`` are the places found before that may head a zone's name
        (divisions that would count alone, listed places), sorted by start."""
        place_spans = sorted((h.begin, h.end) for h in hits)
        own = self._own_area(ctx)
        own_name = ctx.area if ctx else None
        local = bool(ctx and ctx.area_level in _LOCAL_LEVELS)
        own_is_new_area = bool(
            ctx and ctx.area_level == "new_area" and ctx.area and ctx.area.endswith("新区")
        )
        ftz = self._ftz(ctx) if any(f in text for f in self.ftz) else None
        zones: list[PlaceMatch] = []
        generic: list[tuple[int, int, str]] = []
        full_ends: dict[int, list[Hit]] = {}
        by_begin: dict[int, list[Hit]] = {}  # hits by start, in order: no scan of every hit per zone
        for h in hits:
            by_begin.setdefault(h.begin, []).append(h)
            if h.kind in ("full", "listed"):
                full_ends.setdefault(h.end, []).append(h)
        for m in self._zone_rx.finditer(text):
            suffix = m.group()
            if suffix in self.not_places:
                continue
            if text[m.start() - 1 : m.start()] in ("（", "("):
                continue  # 码头工程（口岸）: a kind word in brackets glosses the name before it
            cls = self.zone_cls[suffix]
            start = self._zone_start(text, m.start(), place_spans, starts)
            if text[start - 1 : start] == "“" and text[m.end() : m.end() + 1] == "”":
                continue  # a quoted label ("三宜街区"), not a named place
            quoted = self._quoted_names(text, m.start(), ctx)
            for b, e in quoted:
                # “武鄂黄黄咸”光电子信息产业走廊: the province's cities by their abbreviations head it.
                key = self._full(text[b:e] + suffix, suffix)
                province = ctx.province if ctx else None
                zones.append(PlaceMatch(b, m.end() if e == m.start() else e, cls, key, province))
            if quoted:
                continue
            name = text[start : m.start()]
            mention = text[start : m.end()]
            if any(h.end - h.begin > len(suffix) for h in full_ends.get(m.end(), ())):
                continue  # 重庆两江新区, 西部地区: a division or a listed place; it wins
            head_place = next((h for h in by_begin.get(start, ()) if h.end <= m.start()), None)
            if not self._kind_fits(text, m.start(), suffix, head_place, hits, starts):
                continue
            if own and own_name and mention == own_name:
                zones.append(PlaceMatch(start, m.end(), cls, own[0], own[1]))
                continue
            if own and own_name and own_is_new_area and name.startswith(own_name) and mention != own_name:
                zones.append(PlaceMatch(start, m.end(), cls, self._full(mention, suffix), own[0]))
                continue
            rel = next(
                (
                    h
                    for h in self.relative_heads
                    if name.startswith(h) and len(name) > len(h) and start + len(h) in starts
                ),
                None,
            )  # 区儿童公园, but not 市属公园
            rel_key = self._relative(rel, ctx) if rel else None
            if rel and rel_key and head_place is None:  # rel_key is only set when rel is
                zones.append(PlaceMatch(start, m.end(), cls, rel_key + mention[len(rel) :], rel_key))
                continue
            if suffix in self.ftz or suffix == "片区":
                zone = self._free_trade(text, start, m.start(), m.end(), suffix, ftz, head_place)
                if zone is not None:
                    zones.append(zone)
                    continue
            if suffix == "新区" and head_place is None:
                clause_head = start == 0 or text[start - 1] in "，。；、：,;:\n 　"
                # after a verb (推进天府新区); in a new area's own report 新区 there is its own (制约新区).
                after_verb = start > 0 and text[start - 1] not in "“" and not own_is_new_area
                named = 2 <= len(name) <= 3 and self._nominal(name) and not self._generic_rx.search(name)
                if (clause_head or after_verb) and named:
                    # 贵安新区 opening a clause: a named new area the table does not know.
                    zones.append(PlaceMatch(start, m.end(), cls, mention, ctx.province if ctx else None))
                elif own and own_is_new_area:  # 新区 alone, or 平安新区 read as "a safe 新区"
                    zones.append(PlaceMatch(m.start(), m.end(), cls, own[0], own[1]))
                continue
            if suffix in self.elliptic and text[m.start() - 1 : m.start()] == "等":
                # 甲、乙等遗址: each item is one of the kind; one item alone (智能化等煤矿) is no list
                items = self._items(text, m.start() - 1, "", suffix, cls, place_spans, starts, by_begin)
                zones.extend(items if len(items) >= 2 else [])
                continue
            if len(name) < 2:
                continue
            if head_place is not None or self._proper(text, start, m.start(), place_spans):
                zones.append(self._named(text, start, m.end(), suffix, cls, head_place, ctx))
                continue
            if self._generic(name) or suffix in self.designations or not (suffix in self.strong or local):
                generic.append((start, m.end(), mention))
                continue
            # In a local report the zone is the area's own (精细化工园区); a region or site is not.
            mine = local and suffix not in self.strong
            prefix = ctx.own_prefix if (ctx and mine and ctx.own_prefix) else ""
            parent = own[0] if own and mine else None
            zones.append(
                PlaceMatch(start, m.end(), cls, (prefix or "") + self._full(mention, suffix), parent)
            )
        # 甲、乙、丙国家文化公园: the items before a named one of an elliptic kind share its kind.
        located = {e: b for b, e in place_spans}  # 仙居下汤遗址: the list goes on before the locator
        for z in list(zones):
            kind = next((k for k in self.elliptic if text.endswith(k, z.begin, z.end)), None)
            first = located.get(z.begin, z.begin)
            if kind is not None and text[first - 1 : first] in "、和及与" and first > 0:
                name = text[z.begin : z.end - len(kind)]
                tail = next((name[i:] for i in range(2, len(name)) if self._generic(name[i:])), "")
                zones.extend(self._items(text, first - 1, tail, kind, z.cls, place_spans, starts, by_begin))
        # 成都西部片区 inside 成都西部片区国家城乡融合发展试验区: the longer name holds it.
        longest: dict[int, int] = {}
        for z in zones:
            longest[z.begin] = max(longest.get(z.begin, 0), z.end)
        zones = [z for z in zones if z.end == longest[z.begin]]
        return self._merged(text, zones, generic)

    def _named(
        self,
        text: str,
        start: int,
        end: int,
        suffix: str,
        cls: str,
        head: Hit | None,
        ctx: ReportContext | None,
    ) -> PlaceMatch:
        """A zone with a proper head; a site drops the division that locates it (绍兴越国…遗址)."""
        parent = None
        if head is not None and head.kind != "listed":
            within = tuple(x for x in (ctx.province, ctx.city, ctx.county) if x) if ctx else ()
            div = self.gaz.resolve(head.name, within=within)
            parent = div.canonical if div else None
            if suffix in self.located_sites and end - len(suffix) - head.end >= 2:
                start = head.end
        return PlaceMatch(start, end, cls, self._full(text[start:end], suffix), parent)

    def _items(
        self,
        text: str,
        end: int,
        tail: str,
        suffix: str,
        cls: str,
        places: list[tuple[int, int]],
        starts: Container[int],
        by_begin: dict[int, list[Hit]],
    ) -> list[PlaceMatch]:
        """The items of a list that ends at ``end`` (before 等, 和 or 、), each a place of ``tail`` +
        ``suffix`` (甲、乙国家考古遗址公园 → 甲国家考古遗址公园); a site drops the division locating it."""
        out: list[PlaceMatch] = []
        pos = end
        while pos > 0 and text[pos - 1 : pos] not in "，。；：,;:" and len(out) < 8:
            begin = self._zone_start(text, pos, places, starts)
            item = text[begin:pos]
            if not 2 <= len(item) <= 8 or self._generic(item) or "、" in item:
                break
            head = next((h for h in by_begin.get(begin, ()) if h.end < pos and h.kind != "listed"), None)
            if head is not None and suffix in self.located_sites and pos - head.end >= 2:
                begin = head.end  # 余姚井头山 → 井头山
            out.append(
                PlaceMatch(begin, pos, cls, text[begin:pos] + tail + self.full_forms.get(suffix, suffix))
            )
            if text[begin - 1 : begin] not in "、和及与":
                break
            pos = begin - 1
        return out

    def _free_trade(
        self, text: str, start: int, kind: int, end: int, suffix: str, ftz: str | None, head: Hit | None
    ) -> PlaceMatch | None:
        """The province's free trade zone and its parts: 自贸试验区, 自贸试验区哈尔滨片区, 绥芬河片区."""
        if ftz is None:
            return None
        name = text[start:kind]
        if suffix != "片区":
            if name and not self._generic(name):
                return None  # 中国（四川）自由贸易试验区 and other named ones: the grammar's
            return PlaceMatch(start, end, "Park", ftz)
        before = next((f for f in self.ftz if name.startswith(f)), None)
        part = name[len(before) :] if before else name
        written = next((f for f in self.ftz if text.endswith(f, 0, start)), None)
        if written and not before:  # 自贸试验区宁波片区: the name started at the city inside it
            start, before = start - len(written), written
        if not before and (head is None or head.end != kind):
            return None  # 成都西部片区: a 片区 of a city, not of the free trade zone
        if not part or self._generic(part):
            return None
        return PlaceMatch(start, end, "Park", ftz + part + "片区", ftz)

    def _merged(
        self, text: str, zones: list[PlaceMatch], generic: list[tuple[int, int, str]]
    ) -> list[PlaceMatch]:
        # Generic names (化工园区) only as aliases of a longer zone of this Doc that ends with them.
        for begin, end, mention in generic:
            longer = [
                z for z in zones if text[z.begin : z.end].endswith(mention) and z.end - z.begin > end - begin
            ]
            if longer:
                z = longer[0]
                zones.append(PlaceMatch(begin, end, z.cls, z.key, z.parent))
        # Shorter mentions of a zone named in full elsewhere in the Doc share its key.
        by_mention = {text[z.begin : z.end]: z for z in zones}
        merged = []
        for z in zones:
            mention = text[z.begin : z.end]
            longer = [
                o
                for t, o in by_mention.items()
                if len(t) > len(mention) and t.endswith(mention) and o.cls == z.cls
            ]
            if longer and z.key == mention:
                merged.append(PlaceMatch(z.begin, z.end, z.cls, longer[0].key, longer[0].parent))
            else:
                merged.append(z)
        return merged
