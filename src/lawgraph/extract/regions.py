"""Named places read from lists: the country, other countries and their cities, world and Chinese regions.

A report names places the division table does not hold: the country itself (全国, 我国), other countries
(美国, 俄罗斯) and their capitals (莫斯科), world regions and groupings (东南亚, 中东, 东盟, 欧盟), China's
statistical and strategic regions (东北地区, 长三角, 京津冀, 粤港澳大湾区) and the parts of a province written
with its one-character abbreviation and a direction (粤东, 川南, 浙中). The lists are data files with their
sources: ``world_places.tsv`` (derived by ``scripts/derive_world_places.py``), ``named_regions.tsv`` and
``province_abbreviations.tsv``; the country's own words are ``country_words`` of ``places.json``.

A name counts where it stands as a word of its own (it starts and ends on the segmenter's word boundaries:
中美 and 内蒙古 hold no 美国 or 蒙古). A bare direction (西部, 西北) counts only where it stands for the
region: before 地区, 第一, 首位 … or after 辐射, 融入 … (``bare_region_after`` / ``bare_region_before``).
A place glued by the segmenter to the word for its people (台湾同胞: ``place_people_words``) counts too.
Every match is a :data:`~lawgraph.extract.place_match.OTHER_PLACE` (``schema:Place``), but for the
national-level new areas (``NewArea``).

Examples
--------
>>> from lawgraph.extract.data import Lexicon
>>> finder = RegionFinder(Lexicon.from_package(RegionFinder.files))
>>> text = "对东盟、中东出口增长，我国西北第一。"
>>> from lawgraph.extract.pipeline import make_nlp
>>> doc = make_nlp(components=[]).make_doc(text)
>>> arr = doc.to_array(["ORTH", "IDX"])
>>> starts = {t.idx for t in doc} | {len(text)}
>>> [(text[m.begin:m.end], m.key) for m in finder.find(text, starts, arr[:, 0], arr[:, 1])]
[('东盟', '东南亚国家联盟'), ('中东', '中东'), ('我国', '中华人民共和国'), ('西北', '中国西北地区')]
"""

from __future__ import annotations

import re
from collections.abc import Container

import numpy as np
import rjieba  # the tokenizer's segmenter (a core dependency)
from spacy.strings import get_string_id

from lawgraph.extract.data import Lexicon, load_gazetteer
from lawgraph.extract.place_match import OTHER_PLACE, PlaceMatch, alternation, word_rx

__all__ = ["RegionFinder"]

_DIRECTIONS = ("东北", "西北", "东南", "西南", "东", "西", "南", "北", "中")
_DIRECTION_NAMES = {"东": "东部", "西": "西部", "南": "南部", "北": "北部", "中": "中部"}
_CJK = re.compile("[\u4e00-\u9fff]")


def _direction_name(direction: str) -> str:
    """东 → 东部, 东北 → 东北部: how a region of a province is named in full."""
    return _DIRECTION_NAMES.get(direction, direction + "部")


class RegionFinder:
    """Finds the listed named places of a text (see the module docstring)."""

    files = ("world_places.tsv", "named_regions.tsv", "province_abbreviations.tsv", "places.json")

    def __init__(self, lexicon: Lexicon) -> None:
        rules = lexicon.json("places.json")
        self.forms: dict[str, tuple[str, str | None]] = {}  # form → (canonical, parent)
        self.bare: set[str] = set()
        for kind, name, canonical, parent, _where in lexicon.tsv("world_places.tsv"):
            self.forms.setdefault(name, (canonical, parent or None))
            if kind == "country" and canonical != name:
                self.forms.setdefault(canonical, (canonical, None))
        for canonical, forms, _scope, _source in lexicon.tsv("named_regions.tsv"):
            for form in forms.split("、"):
                if form.endswith("*"):
                    form = form[:-1]
                    self.bare.add(form)
                self.forms[form] = (canonical, None)
        self.country: str = rules["country"]
        for word in rules["country_words"]:
            self.forms[word] = (self.country, None)
        gaz = load_gazetteer()
        taken = set(gaz.by_name) | set(gaz.by_any_short_form)
        self.abbreviations: dict[str, str] = {}  # 粤东 → 广东东部地区
        for province, abbrs, directions in lexicon.tsv("province_abbreviations.tsv"):
            if directions != "yes":
                continue
            abbr = abbrs.split("、")[0]
            short = gaz.short_forms_of(province, 1)[0]
            for direction in _DIRECTIONS:
                form = abbr + direction
                if form not in taken and form not in self.forms:  # 陕西, 晋中, 黔南 are divisions
                    self.abbreviations[form] = f"{short}{_direction_name(direction)}地区"
        # Forms that are one word of the segmenter are found by the words' ids (one binary search per word,
        # no Python per word); the few that are several words (粤港澳大湾区) by a pattern.
        every = [*self.forms, *self.abbreviations]
        words = [f for f in every if rjieba.cut(f) == [f]]
        self._keys = np.array(sorted({get_string_id(f) for f in words}), dtype=np.uint64)
        self._rx = word_rx([f for f in every if f not in set(words)])
        self._after = tuple(rules["bare_region_after"])
        self._before = tuple(rules["bare_region_before"])
        self._region_suffixes = tuple(rules["region_after_abbreviation"])
        self._people = tuple(rules["place_people_words"])
        self._event_rx = re.compile(
            f"[^，。；、,;“”\\s]{{0,6}}?(?:{alternation(rules['region_not_before'])})"
        )

    def _bare_ok(self, text: str, begin: int, end: int) -> bool:
        return text.startswith(self._after, end) or any(text.endswith(w, 0, begin) for w in self._before)

    def _matches(self, text: str, orth: np.ndarray, idx: np.ndarray) -> list[tuple[int, int, str]]:
        found = []
        if len(orth):
            pos = np.minimum(np.searchsorted(self._keys, orth), len(self._keys) - 1)
            for i in np.nonzero(self._keys[pos] == orth)[0].tolist():
                begin = int(idx[i])
                end = int(idx[i + 1]) if i + 1 < len(idx) else len(text)
                found.append((begin, end, text[begin:end]))
        found += [(m.start(), m.end(), m.group()) for m in self._rx.finditer(text)]
        for tail in self._people:  # 台湾同胞: the segmenter glues the place to its people
            at = text.find(tail)
            while at > 0:
                form = next((text[at - n : at] for n in (4, 3, 2) if text[at - n : at] in self.forms), None)
                if form is not None:
                    found.append((at - len(form), at + len(tail), form))
                at = text.find(tail, at + 1)
        return sorted(found)

    def find(self, text: str, starts: Container[int], orth: np.ndarray, idx: np.ndarray) -> list[PlaceMatch]:
        """The listed places of ``text``; ``starts`` holds the offsets where the segmenter's words start (and
        the text's end), ``orth`` and ``idx`` the words' string ids and offsets (``Doc.to_array``)."""
        out = []
        for begin, end, form in self._matches(text, orth, idx):
            begin_ok = begin in starts or not _CJK.match(text, begin - 1) if begin else True
            if text.endswith(self._people, begin, end):
                end -= next(len(t) for t in self._people if text.endswith(t, begin, end))
                begin_ok = end_ok = begin_ok and form in self.forms
            else:
                end_ok = end in starts or not _CJK.match(text, end)
            if form in self.abbreviations:
                # 川南经济区, 浙中高质量发展: a word of its own, or before a region's kind word.
                if begin_ok and (end_ok or text.startswith(self._region_suffixes, end)):
                    out.append(PlaceMatch(begin, end, OTHER_PLACE, self.abbreviations[form]))
                continue
            if not (begin_ok and end_ok):
                continue
            if form in self.bare and not self._bare_ok(text, begin, end):
                continue
            if self._event_rx.match(text, end):
                continue  # 中国—中亚峰会: the event's name
            canonical, parent = self.forms[form]
            cls = "NewArea" if canonical.endswith("新区") else OTHER_PLACE  # the national-level new areas
            out.append(PlaceMatch(begin, end, cls, canonical, parent))
        return out
