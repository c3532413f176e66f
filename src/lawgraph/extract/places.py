"""The ``lawgraph_places`` component: administrative divisions, villages and named zones.

A careful reader sees places three ways, and so does this component:

- **Divisions** from the civil-affairs table (:mod:`lawgraph.extract.gazetteer`), by full name (永登县,
  龙城街道) in one suffix-anchored pass over ``doc.text``, or by safe short form (甘肃, 深圳, 海丰) on token
  boundaries. A name shared by several divisions resolves in the report's own province, city and county
  (``doc._.lg_context``), or under the division written just before it (永登县上川镇). A county's short form
  is read inside the report's province, after a division (广西靖西) or in a list after one (靖西、那坡);
  a township's short form (布吉 for 布吉街道) only inside the report's own county. A short form that heads an
  organization's name (武威中院) is the body's name, not a mention of the place.
- **Villages and communities** written after their town (中川镇元山村: the village's parent is the town),
  and villages standing alone (西湖村) when the name is not a generic word (示范村, 城中村).
- **Named zones, parks and new areas** by their suffix (…新区, …合作区, …开发区, …产业园, …公园 …, data in
  ``extract/data/places.json``). A zone's name starts at a place written inside it, else after the last
  clause boundary. ``新区`` alone, or a 新区 whose head is not a place, is the report's own new area when
  the issuer is one. A generic name (化工园区) is kept only as an alias of a longer zone of the same Doc that
  ends with it (精细化工园区).

Spans go to ``doc.spans["place"]``: ``label_`` is the lawgraph class (Province … Village, NewArea, Park),
``kb_id_`` the canonical name (the chain from the province, 甘肃省兰州市永登县上川镇); the span's attributes
(:func:`~lawgraph.extract.extensions.span_attrs`) hold the parent's canonical name and the division code.

Examples
--------
>>> from lawgraph.extract.pipeline import make_nlp, annotate
>>> from lawgraph.model import Report, ReportMeta
>>> nlp = make_nlp(components=["lawgraph_places"])
>>> doc = annotate(nlp, Report(name="r.txt", text="对永登县上川镇实行委托管理，中川镇元山村获评示范村。",
...                            sha256="0", meta=ReportMeta(issuer="兰州新区管理委员会")))
>>> [(s.text, s.label_, s.kb_id_) for s in doc.spans["place"]][:2]
[('永登县', 'County', '甘肃省兰州市永登县'), ('上川镇', 'Town', '甘肃省兰州市永登县上川镇')]
>>> from lawgraph.extract.extensions import span_attrs
>>> village = span_attrs(doc, "place", [s for s in doc.spans["place"] if s.label_ == "Village"][0])
>>> doc.text[slice(*village.exact)], village.parent  # the span is token-expanded: 镇元山村
('元山村', '甘肃省兰州市皋兰县中川镇')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from lawgraph.extract.component import LexiconComponent
from lawgraph.extract.data import Lexicon, load_gazetteer
from lawgraph.extract.dated import DatedDivisions
from lawgraph.extract.documents import doc_text
from lawgraph.extract.extensions import entity_span, register_extensions, set_entity_spans, set_span_attrs
from lawgraph.extract.gazetteer import Division, Gazetteer
from lawgraph.extract.place_features import FeatureFinder
from lawgraph.extract.place_match import PlaceMatch, word_rx
from lawgraph.extract.regions import RegionFinder
from lawgraph.extract.tokens import token_starts
from lawgraph.extract.zones import Hit, ZoneFinder

if TYPE_CHECKING:
    from lawgraph.model import ReportContext

__all__ = ["PlaceMatch", "PlaceFinder", "PlaceRecognizer", "make_places"]

_CJK = "\u4e00-\u9fff"
# jieba part-of-speech tags that never sit inside a village's name (adverb, preposition, conjunction,
# particle, pronoun, numeral, classifier, punctuation …, verbs and adjectives).
_HARD_STOP_TAGS = frozenset(
    {
        "d",
        "p",
        "c",
        "u",
        "uj",
        "ul",
        "uz",
        "ug",
        "uv",
        "ud",
        "r",
        "m",
        "mq",
        "q",
        "x",
        "ad",
        "y",
        "e",
        "o",
        "zg",
    }
)
_HAS_CJK = re.compile(f"[{_CJK}]")
_NOT_IN_NAME_TAGS = _HARD_STOP_TAGS | {"v", "vd", "vn", "a", "f"}


class PlaceFinder:
    """Compiled rules and indexes for place recognition, from the division table and ``places.json``."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        rules: dict[str, Any] = lexicon.json("places.json")
        self.gaz = gazetteer
        self.regions = RegionFinder(lexicon)
        self.dated = DatedDivisions(lexicon.tsv("division_changes.tsv"))
        self._old_rx = word_rx(list(self.dated.old_names))
        ends = "".join(sorted(gazetteer.lengths_by_end))
        self._end_rx = re.compile(f"[{re.escape(ends)}]")
        self.org_after = tuple(rules["org_after_short_form"])
        self.suffix_compounds = frozenset(rules["suffix_compounds"])
        self.common_nouns = frozenset(rules["common_noun_divisions"])
        self.village_generic = frozenset(rules["village_generic_names"])
        self.village_not_before = tuple(rules["village_not_before"])
        self.village_generic_tails = tuple(g for g in self.village_generic if len(g) >= 2) + ("乡", "农")
        self._village_rx = re.compile("村|社区")
        self._chain_village_rx = re.compile(f"([{_CJK}]{{2,4}}?)(村|社区)")
        self._chain_town_rx = re.compile(f"([{_CJK}]{{2,3}}?)(镇|乡|街道)")
        # 甲、乙等4个社区: a list of names sharing the kind 村 or 社区, its count optional.
        self._village_list_rx = re.compile(
            f"((?:[{_CJK}]{{2,4}}、)+[{_CJK}]{{2,4}})等[0-9０-９一二三四五六七八九十百]+个(村|社区)"
        )
        # 甲、乙等10个县区: a list of county-level short forms sharing a county-level kind.
        self._county_list_rx = re.compile(
            f"((?:[{_CJK}]{{2,3}}、)+[{_CJK}]{{2,3}})等(?:[0-9０-９一二三四五六七八九十百]+个)?(?:县区|县市|区县|市县|县)"
        )
        import rjieba  # a core dependency (the tokenizer's segmenter); its tagger trims zone names

        self._tag = rjieba.tag
        self._has_word = rjieba.has_word
        abbreviations = "".join(row[1].replace("、", "") for row in lexicon.tsv("province_abbreviations.tsv"))
        self.zones = ZoneFinder(gazetteer, rules, rjieba.tag, rjieba.has_word, abbreviations)
        self.features = FeatureFinder(rules, rjieba.tag)
        keys = [get_string_id(s) for s in gazetteer.by_short]
        self.short_keys = np.array(sorted(keys), dtype=np.uint64)
        self._county_keys: dict[tuple[str, ...], np.ndarray] = {}
        self._home: dict[str, dict[str, Division]] = {}

    # -- helpers -------------------------------------------------------------------------------------
    def _full_hits(self, text: str) -> list[Hit]:
        by_name = self.gaz.by_name
        lengths = self.gaz.lengths_by_end
        unsafe = self.gaz.unsafe_names
        hits: list[Hit] = []
        last_end = -1
        for m in self._end_rx.finditer(text):
            end = m.end()
            for size in lengths[m.group()]:
                begin = end - size
                if begin < 0 or begin < last_end:
                    continue
                piece = text[begin:end]
                if piece in by_name:
                    if piece in unsafe:
                        break
                    if size == 2 and by_name[piece][0].level == 4:
                        break  # X镇 / X乡 of one character collide with ordinary words (城镇, 城乡)
                    hits.append(Hit(begin, end, "full", piece))
                    last_end = end
                    break
        return hits

    def _home_cities(self, province: str | None) -> dict[str, Division]:
        """The prefecture-level cities of ``province`` by every short form (kept per province)."""
        if not province:
            return {}
        found = self._home.get(province)
        if found is None:
            found = {}
            for divs in self.gaz.by_name.get(province, [])[:1]:
                for city in self.gaz.children.get(divs.code, []):
                    for short in self.gaz.short_forms_of(city.name, 2):
                        found.setdefault(short, city)
            self._home[province] = found
        return found

    def _keys_with(self, extra_forms: tuple[str, ...]) -> np.ndarray:
        """The short forms' string ids with a county's township short forms added (kept per county)."""
        if not extra_forms:
            return self.short_keys
        keys = self._county_keys.get(extra_forms)
        if keys is None:
            extra = np.array([get_string_id(s) for s in extra_forms], dtype=np.uint64)
            keys = self._county_keys[extra_forms] = np.unique(np.concatenate([self.short_keys, extra]))
        return keys

    def _short_hits(self, doc: Doc, text: str, town_short: dict[str, Division]) -> list[Hit]:
        if len(doc) == 0:
            return []
        both = doc.to_array(["ORTH", "IDX"])
        orth = both[:, 0].astype(np.uint64)
        idx = both[:, 1].astype(np.int64)
        keys = self._keys_with(tuple(town_short))
        # Sorted keys: a binary search per token, no per-token Python.
        pos = np.minimum(np.searchsorted(keys, orth), len(keys) - 1)
        found = np.nonzero(keys[pos] == orth)[0]
        hits = []
        for i in found.tolist():
            begin = int(idx[i])
            end = int(idx[i + 1]) if i + 1 < len(idx) else len(text)
            hits.append(Hit(begin, end, "short", text[begin:end]))
        return hits

    # -- the pass --------------------------------------------------------------------------------------
    def find(self, doc: Doc, context: ReportContext | None = None) -> list[PlaceMatch]:
        """Every place mention in ``doc``, in text order (zones may contain divisions)."""
        text = doc_text(doc)
        gaz = self.gaz
        ctx = context
        report = doc._.report if doc.has_extension("report") else None
        year = report.meta.year if report is not None else None
        within = tuple(x for x in (ctx.province, ctx.city, ctx.county) if x) if ctx else ()
        own_county = None
        if ctx and ctx.county:
            own_county = gaz.resolve(ctx.county, within=within)
        town_short = gaz.town_short.get(own_county.code, {}) if own_county else {}
        # The report's own province's cities by short form, ordinary words included (自贡, 攀枝花).
        town_short = {**self._home_cities(ctx.province if ctx else None), **town_short}
        hits = self._full_hits(text) + self._short_hits(doc, text, town_short)
        hits.sort(key=lambda h: (h.begin, -(h.end - h.begin)))
        out: list[PlaceMatch] = []
        # The token starts, shared with the action and indicator components (read once per Doc).
        starts = token_starts(doc, len(text))  # token starts and the text's end, built once per Doc
        arr = doc.to_array(["ORTH", "IDX"])
        named = self.regions.find(text, starts, arr[:, 0].astype(np.uint64), arr[:, 1].astype(np.int64))
        if ctx and ctx.area:  # a listed new area that is the issuer's own is read as the report's own area
            named = [m for m in named if text[m.begin : m.end] != ctx.area]
        # Zones first: a province's part (浙东) that heads a zone's name is the zone's.
        # A zone's name starts at a place that would count alone (新建 is none in 新建体育公园); the
        # country's own words (全国数据产业集聚区) start none.
        anchors = [h for h in hits if self._head_ok(h, ctx)] + [
            Hit(m.begin, m.end, "listed", text[m.begin : m.end])
            for m in named
            if m.key != self.regions.country
        ]
        anchors.sort(key=lambda h: (h.begin, -(h.end - h.begin)))
        zones = self.zones.find(text, anchors, ctx, starts)
        zone_spans = sorted((z.begin, z.end) for z in zones)
        # Names that resolve alone are the Doc's evidence for the ambiguous ones (中川镇 near 永登县).
        evidence: dict[str, set[str]] = {}  # division code → the names in the Doc that lie under it
        for name in {h.name for h in hits if h.kind == "full"}:
            div0 = gaz.resolve(name, within=within)
            if div0 is not None:
                for d in gaz.path(div0)[1:]:
                    evidence.setdefault(d.code, set()).add(name)
        prev: PlaceMatch | None = None
        prev_div: Division | None = None
        last_end = -1
        for hit in hits:
            if hit.begin < last_end:
                continue
            if hit.kind == "short":
                if text.startswith(self.org_after, hit.end):
                    continue
                if hit.begin - 1 in starts and self._has_word(text[hit.begin - 1 : hit.begin + 1]):
                    continue  # 平/湖南: the first character belongs to a one-character word before (平湖)
            adjacent = prev is not None and prev.end == hit.begin
            listed = prev is not None and text[prev.end : hit.begin] in ("、", "和", "及", "与")
            if hit.kind == "full" and not adjacent and not self._full_name_fits(text, hit, starts):
                continue  # 海城区 inside 沿海城区, 新建区 inside 新建区级: not where a word starts
            div: Division | None = None
            if hit.kind == "short" and hit.name in gaz.by_short:
                div = gaz.resolve(hit.name, within=within, parent=prev_div if adjacent else None)
            if div is None and hit.kind == "full":
                div = gaz.resolve(hit.name, within=within, parent=prev_div if adjacent else None)
                if div is None:
                    div = self._by_evidence(hit.name, evidence)
            parent_before = prev_div if adjacent else None
            listed_after = prev_div if listed else None
            if (
                div is not None
                and div.level >= 3
                and not self._far_division_ok(
                    text, hit, div, ctx, starts, parent_before, listed_after, evidence
                )
            ):
                div = None
            if div is None and hit.kind == "short" and hit.name in town_short:
                div = town_short[hit.name]  # 布吉 → 布吉街道 in the report's own district
            if div is None:
                continue
            code: str | None  # None when the text names another parent
            key, parent, code = div.canonical, None, div.code
            up = gaz.parent(div)
            parent = up.canonical if up else None
            if (
                adjacent
                and prev is not None
                and prev_div is not None
                and div.level > prev_div.level
                and prev_div not in gaz.path(div)
            ):
                # The text names another parent (an older division, or a zone's town): it wins.
                key, parent, code = prev.key + div.name, prev.key, None
            elif (then := self.dated.parent_then(div, year)) is not None:
                key, parent, code = then + div.name, then, None  # 上川镇 in a 2022 report: 永登县's
            match = PlaceMatch(hit.begin, hit.end, div.cls, key, parent, code)
            out.append(match)
            prev, prev_div, last_end = match, div, hit.end
            if div.level == 4:
                village = self._chain_village(text, match)
                if village is not None:
                    out.append(village)
                    prev, prev_div, last_end = village, None, village.end
        out.extend(self._chain_towns(text, zones + out, {h.begin for h in hits}))
        taken = {(m.begin, m.end) for m in out}
        out.extend(self._villages(text, starts, ctx, taken, out + zones))
        out.extend(self._village_list(text, starts, ctx, out + zones))
        out.extend(self._county_list(text, ctx, out + zones))
        out.extend(zones)
        out.extend(self._listed(named, out, zone_spans))
        out.extend(self._retired(text, year, starts, out))
        offsets = arr[:, 1].tolist()
        words = list(zip(offsets, [*offsets[1:], len(text)], strict=False))  # word spans; none when empty
        features, replaced = self.features.find(text, words, [(m.begin, m.end) for m in out])
        out = [m for m in out if (m.begin, m.end) not in replaced] + features
        out.sort(key=lambda m: (m.begin, -(m.end - m.begin)))
        return out

    def _listed(
        self, listed: list[PlaceMatch], found: list[PlaceMatch], zone_spans: list[tuple[int, int]]
    ) -> list[PlaceMatch]:
        """The listed places (:class:`~lawgraph.extract.regions.RegionFinder`) that no division or zone
        already names; a province's part (浙东) inside a zone's name is the zone's."""
        taken = {(m.begin, m.end) for m in found}
        part = re.compile(".部地区$")
        return [
            m
            for m in listed
            if (m.begin, m.end) not in taken and not (part.search(m.key) and self._in_zone(m, zone_spans))
        ]

    def _retired(
        self, text: str, year: int | None, starts: Container[int], found: list[PlaceMatch]
    ) -> list[PlaceMatch]:
        """Divisions a change after the report's year retired, by their full names then (襄樊市 in 2009)."""
        if year is None or not self.dated.old_names:
            return []
        taken = [(m.begin, m.end) for m in found]
        out = []
        for m in self._old_rx.finditer(text):
            then = self.dated.old_name(m.group(), year)
            aligned = m.start() in starts or not _HAS_CJK.match(text, m.start() - 1)
            if then is None or not aligned or any(b < m.end() and m.start() < e for b, e in taken):
                continue
            out.append(PlaceMatch(m.start(), m.end(), then[1], then[0]))
        return out

    @staticmethod
    def _in_zone(m: PlaceMatch, zone_spans: list[tuple[int, int]]) -> bool:
        i = bisect.bisect_right(zone_spans, (m.begin, len(zone_spans) and 1 << 62)) - 1
        return any(b <= m.begin and m.end <= e for b, e in zone_spans[max(0, i - 3) : i + 1])

    def _far_division_ok(
        self,
        text: str,
        hit: Hit,
        div: Division,
        ctx: ReportContext | None,
        starts: Container[int],
        parent_before: Division | None,
        listed_after: Division | None,
        evidence: dict[str, set[str]],
    ) -> bool:
        """Whether a county- or township-level name is a mention, not a coincidence (人行天桥, 实现乡村).

        Inside the report's province a full name is enough, and a short form of a county too. Elsewhere the
        name needs its parent written just before it (广西靖西), a list it continues (靖西、那坡), its city or
        county named elsewhere in the Doc, or — for a county's full name — clean word boundaries; a name that
        is also a common noun (老城区) needs its parent.
        """
        path = self.gaz.path(div)
        home = bool(ctx and ctx.province and path[0].name == ctx.province)
        weak = hit.kind == "short" or len(hit.name) == 2
        if home and (div.level == 3 or not weak):
            return True
        if parent_before is not None and parent_before in path[:-1]:
            return True
        if hit.name in self.common_nouns:
            return False  # 坪山老城区 outside Henan: the old town, not 洛阳市老城区
        if listed_after is not None and self.gaz.path(listed_after)[0] is path[0]:
            return True
        if weak:
            return False
        if any(evidence.get(d.code, set()) - {hit.name} for d in path[1:-1] if d.level >= 2):
            return True  # another place of the same city or county is named in the Doc
        if div.level == 4:
            return False
        # A county's full name far from home: one whole token (新建/区/文化馆 is no 新建区).
        inside = any(i in starts for i in range(hit.begin + 1, hit.end))
        return hit.begin in starts and hit.end in starts and not inside

    def _full_name_fits(self, text: str, hit: Hit, starts: Container[int]) -> bool:
        """A full name starts where a word starts (a token start, or after a non-Chinese character), and its
        level word does not start another word (区级, 市场)."""
        compounds = self.suffix_compounds
        begin_ok = hit.begin in starts or not _HAS_CJK.match(text, hit.begin - 1) if hit.begin else True
        if not begin_ok:
            return False
        pair = text[hit.end - 1 : hit.end + 1]
        if pair == "县城" and len(hit.name) >= 3:
            return True  # 德钦县城: the seat of a named county (新县城 of two characters stays a new seat)
        return pair not in compounds  # 新建区级, 某市场: the suffix starts a word

    def _by_evidence(self, name: str, evidence: dict[str, set[str]]) -> Division | None:
        """The candidate whose city or county the Doc names elsewhere, when exactly one does."""
        best: list[Division] = []
        depth = 0
        for cand in self.gaz.by_name.get(name, []):
            shared = [d.level for d in self.gaz.path(cand)[1:-1] if evidence.get(d.code, set()) - {name}]
            score = max(shared, default=0)
            if score > depth:
                best, depth = [cand], score
            elif score == depth and score:
                best.append(cand)
        return best[0] if len(best) == 1 else None

    def _chain_village(self, text: str, town: PlaceMatch) -> PlaceMatch | None:
        m = self._chain_village_rx.match(text, town.end)
        if m is None:
            return None
        name, suffix = m.group(1), m.group(2)
        if name in self.village_generic or text.startswith(self.village_not_before, m.end()):
            return None
        cls = "Village" if suffix == "村" else "Community"
        return PlaceMatch(m.start(), m.end(), cls, town.key + m.group(0), town.key, None)

    def _chain_towns(self, text: str, found: list[PlaceMatch], hit_starts: set[int]) -> list[PlaceMatch]:
        """Towns missing from the table, written after their county or zone (…合作区赤石镇)."""
        out = []
        for up in found:
            if up.cls not in ("County", "District", "NewArea", "Park") or up.end in hit_starts:
                continue
            m = self._chain_town_rx.match(text, up.end)
            two = text[m.start(2) - 1 : m.end(2)] if m else ""
            tags = [t for _, t in self._tag(two)]
            if m is None or (len(tags) == 1 and tags[0] != "ns"):
                continue  # 国家城乡: 城乡 is a word, not a township's name
            cls = {"镇": "Town", "乡": "Township", "街道": "Subdistrict"}[m.group(2)]
            town = PlaceMatch(m.start(), m.end(), cls, up.key + m.group(0), up.key, None)
            out.append(town)
            village = self._chain_village(text, town)
            if village is not None:
                out.append(village)
        return out

    def _villages(
        self,
        text: str,
        starts: Container[int],
        ctx: ReportContext | None,
        taken: set[tuple[int, int]],
        found: list[PlaceMatch],
    ) -> list[PlaceMatch]:
        covered = sorted((m.begin, m.end) for m in found)
        covered_begins = [b for b, _ in covered]
        longest = max((e - b for b, e in covered), default=0)
        out = []
        local = ctx and ctx.chain and ctx.area_level in ("county", "district", "town")
        prefix = "".join(ctx.chain) if ctx and local else None
        for m in self._village_rx.finditer(text):
            pos, end = m.start(), m.end()
            if text.startswith(self.village_not_before, end):
                continue
            for size in (3, 2):
                begin = pos - size
                name = text[begin:pos]
                if begin < 0 or begin not in starts or not re.fullmatch(f"[{_CJK}]+", name):
                    continue
                if text[begin - 1 : begin] in ("镇", "乡"):
                    break  # the tail of a town chain the table does not know: not a village alone
                if (
                    name in self.village_generic
                    or name[0] in "个各全每该本这那"
                    or name[-1] in "进驻到入包下回"
                    or any(name.endswith(g) for g in self.village_generic_tails)
                ):
                    break
                if any(flag in _NOT_IN_NAME_TAGS for _, flag in self._tag(name)):
                    break  # 推动社区, 参与整村: a verb or a function word, not a name
                lo = bisect.bisect_left(covered_begins, begin - longest)
                hi = bisect.bisect_right(covered_begins, pos)
                if (begin, end) in taken or any(begin < e for _, e in covered[lo:hi]):
                    break
                key = (prefix or "") + name + m.group()
                cls = "Village" if m.group() == "村" else "Community"
                out.append(PlaceMatch(begin, end, cls, key, prefix, None))
                break
        return out

    def _village_list(
        self, text: str, starts: Container[int], ctx: ReportContext | None, found: list[PlaceMatch]
    ) -> list[PlaceMatch]:
        """The items of a list sharing the kind 村 or 社区 with a count (甲、乙等4个社区: 甲社区, 乙社区),
        in the report of a county, district or town; the first item starts where a word starts, holds no
        verb and is not two characters longer than every other item."""
        if not (ctx and ctx.chain and ctx.area_level in ("county", "district", "town")):
            return []
        prefix = "".join(ctx.chain)
        spans = [(m.begin, m.end) for m in found]
        out = []
        for m in self._village_list_rx.finditer(text):
            after = self._tag(text[m.end() : m.end() + 4])[:1]
            if text.startswith(self.village_not_before, m.end()) or (after and after[0][1][0] == "n"):
                continue  # 等10个社区公园: the kind word qualifies a noun after it
            suffix = m.group(2)
            cls = "Village" if suffix == "村" else "Community"
            items: list[tuple[int, str]] = []
            pos = m.start(1)
            for piece in m.group(1).split("、"):
                items.append((pos, piece))
                pos += len(piece) + 1
            first_pos, first = items[0]
            head = next(
                (
                    first[i:]
                    for i in range(len(first) - 1)
                    if first_pos + i in starts
                    and not any(flag in _NOT_IN_NAME_TAGS for _, flag in self._tag(first[i:]))
                ),
                None,
            )
            if head is None:
                continue
            items[0] = (first_pos + len(first) - len(head), head)
            if len(head) >= 2 + max(len(name) for _, name in items[1:]):
                items = items[1:]  # 新设甲乙、丙丁: a verb the segmenter glued may open the first item
            for begin, name in items:
                end = begin + len(name)
                if name in self.village_generic or any(b < end and begin < e for b, e in spans):
                    continue
                out.append(PlaceMatch(begin, end, cls, prefix + name + suffix, prefix, None))
        return out

    def _county_list(self, text: str, ctx: ReportContext | None, found: list[PlaceMatch]) -> list[PlaceMatch]:
        """The items of a list sharing a county-level kind (甲、乙等10个县市) in a province's report: each
        item with 县, 市 or 区 added is a county-level division of the province (赤壁 → 赤壁市), even when its
        short form alone is too common a word to be read."""
        if not (ctx and ctx.province):
            return []
        spans = [(m.begin, m.end) for m in found]
        out = []
        for m in self._county_list_rx.finditer(text):
            pos = m.start(1)
            for name in m.group(1).split("、"):
                begin, end = pos, pos + len(name)
                pos = end + 1
                if any(b < end and begin < e for b, e in spans):
                    continue
                divs = [self.gaz.resolve(name + level, within=(ctx.province,)) for level in "县市区"]
                home = [d for d in divs if d and d.level == 3 and d.canonical.startswith(ctx.province)]
                if len(home) == 1:
                    div = home[0]
                    up = self.gaz.parent(div)
                    out.append(
                        PlaceMatch(begin, end, div.cls, div.canonical, up.canonical if up else None, div.code)
                    )
        return out

    @staticmethod
    def _within(ctx: ReportContext | None) -> tuple[str, ...]:
        return tuple(x for x in (ctx.province, ctx.city, ctx.county) if x) if ctx else ()

    def _head_ok(self, head: Hit, ctx: ReportContext | None) -> bool:
        """A place heading a zone's name counts when it would count alone (新建 is none in 新建湿地公园)."""
        if head.kind == "full":
            return True
        within = tuple(x for x in (ctx.province, ctx.city, ctx.county) if x) if ctx else ()
        div = self.gaz.resolve(head.name, within=within)
        if div is None:
            county = self.gaz.resolve(ctx.county, within=within) if ctx and ctx.county else None
            return county is not None and head.name in self.gaz.town_short.get(county.code, {})
        return div.level <= 2 or bool(ctx and ctx.province and div.canonical.startswith(ctx.province))


class PlaceRecognizer(LexiconComponent):
    """Writes the place mentions to ``doc.spans[spans_key]`` (see the module docstring)."""

    files = (*RegionFinder.files, "division_changes.tsv")

    def __init__(
        self, name: str = "lawgraph_places", *, spans_key: str = "place", lexicon: Lexicon | None = None
    ) -> None:
        self.spans_key = spans_key
        super().__init__(name, lexicon=lexicon)

    def build(self, lexicon: Lexicon) -> None:
        """Build the :class:`PlaceFinder` from the rules of ``places.json`` and the division table."""
        self.finder = PlaceFinder(load_gazetteer(), lexicon)

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        spans = []
        for match in self.finder.find(doc, doc._.lg_context):
            found = entity_span(doc, match.begin, match.end, label=match.cls, kb_id=match.key)
            if found is None:
                continue
            span, exact = found
            set_span_attrs(doc, "place", span, exact=exact, parent=match.parent, code=match.code)
            spans.append(span)
        set_entity_spans(doc, "place", spans, spans_key=self.spans_key)
        return doc


@Language.factory(
    "lawgraph_places",
    assigns=["doc.spans"],
    requires=["doc._.lg_context"],
    default_config={"spans_key": "place"},
)
def make_places(nlp: Language, name: str, *, spans_key: str) -> PlaceRecognizer:
    """Build the ``lawgraph_places`` component."""
    register_extensions()
    return PlaceRecognizer(name, spans_key=spans_key)
