"""Named natural features and sites that are one word: mountains, lakes, islands, bays, plateaus, temples.

A report names mountains (六盘山, 武夷山), passes (嘉峪关), islands (海南岛), bays (胶州湾), lakes (洞庭湖),
plateaus and plains (青藏高原, 华北平原), grasslands, grottoes and temples. No division table holds them;
their names follow the plain grammar of Chinese toponyms (GB/T 18521-2001, 地名分类与类别代码编制规则):
a proper part (the *head*, 六盘) and a kind word (the *generic*, 山). The segmenter's dictionary keeps such a
name as one word and tags it as a place or a name (``ns``, ``nr``, ``nrt``, ``nz``); a common word with the
same ending (高山, 热岛, 科技攻关, 司法机关) is tagged otherwise, or its head is no name:

- the head has at least two characters (泰山, 沙湖 are left: one character heads too many common words);
- a word that opens with a preposition or conjunction glued to it by the segmenter (以鹭湖, 城和鹭湖) is
  read from after it;
- a slogan that pairs landforms (绿水青山, 金山银山, 山水林田湖) holds another landform in its head, and a
  few common nouns end like names (``feature_not_tails`` of ``places.json``: 青山, 热岛 …);
- a word that holds a division already found (大南山 holds no 南山区; 马鞍山 is the city) is the division's;
- a part written right after the name (大别山北麓, 太行山东北部: ``feature_parts``) belongs to the place.

A place word followed by a generic term the segmenter writes apart (江汉 平原, 丹江口 库区:
``feature_kinds_apart``) is one feature too, and so is a river with its section (黄河 上游, 汉江 中下游:
``river_sections``): a river alone is no place of the reports' gold, its section is.

Every match is a :data:`~lawgraph.extract.place_match.OTHER_PLACE` named as written.

>>> import rjieba
>>> from lawgraph.extract.data import Lexicon
>>> finder = FeatureFinder(Lexicon.from_package(("places.json",)).json("places.json"), rjieba.tag)
>>> text = "保护贺兰山和青藏高原生态，守护绿水青山，治理城市热岛。"
>>> words = rjieba.cut(text)
>>> import itertools
>>> starts = list(itertools.accumulate((len(w) for w in words), initial=0))
>>> [text[m.begin:m.end] for m in finder.find(text, list(zip(starts, starts[1:])), [])[0]]
['贺兰山', '青藏高原']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from lawgraph.extract.place_match import OTHER_PLACE, PlaceMatch

__all__ = ["FeatureFinder"]

_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nz"})


class FeatureFinder:
    """One-word natural features and sites, by their kind word (``feature_kinds`` of ``places.json``).

    Parameters
    ----------
    rules : dict
        ``places.json``.
    tag : callable
        The segmenter's part-of-speech tagger (``rjieba.tag``): text → ``[(word, tag)]``.
    """

    def __init__(self, rules: dict[str, Any], tag: Callable[[str], list[tuple[str, str]]]) -> None:
        self.kinds = tuple(sorted(rules["feature_kinds"], key=len, reverse=True))
        self.not_tails = tuple(rules["feature_not_tails"])
        self.glued = frozenset(rules["feature_glued_words"])
        self.paired = frozenset(rules["feature_paired_landforms"])
        self.parts = tuple(sorted(rules["feature_parts"], key=len, reverse=True))
        self.apart = frozenset(rules["feature_kinds_apart"])
        self.sections = frozenset(rules["river_sections"])
        self._tag = tag
        self._ends = frozenset(k[-1] for k in self.kinds)

    def _name(self, word: str) -> tuple[int, str] | None:
        """The offset where the name starts in ``word`` and its kind word, or None."""
        kind = next((k for k in self.kinds if word.endswith(k)), None)
        if kind is None or word.endswith(self.not_tails):
            return None
        start = 0
        for i, ch in enumerate(word[: -len(kind)]):
            if ch in self.glued:
                start = i + 1  # 以鹭湖, 城和鹭湖: the segmenter glued a function word to the name
        head = word[start : -len(kind)]
        if len(head) < 2 or any(ch in self.paired for ch in head):
            return None
        tags = self._tag(word)
        if len(tags) != 1 or tags[0][1] not in _NAME_TAGS:
            return None
        return start, kind

    def _pair(self, text: str, head: tuple[int, int], kind: tuple[int, int]) -> bool:
        """Whether two words make one feature: a place word, then a generic term written apart (江汉 平原 is
        one word, 丹江口 库区 two) or a river, then its section (黄河 上游)."""
        first, second = text[head[0] : head[1]], text[kind[0] : kind[1]]
        river = first[-1] in "江河" and not any(c in "江河" for c in first[1:-1])  # 长江黄河: two rivers
        if len(first) < 2 or not (second in self.apart or (second in self.sections and river)):
            return False
        tags = self._tag(first)
        return len(tags) == 1 and tags[0][1] == "ns"

    def find(
        self, text: str, words: Sequence[tuple[int, int]], taken: Sequence[tuple[int, int]]
    ) -> tuple[list[PlaceMatch], set[tuple[int, int]]]:
        """The features among ``words`` (the segmenter's word spans of ``text``) that overlap none of
        ``taken`` (the spans of divisions and zones already found), and the spans of ``taken`` that head a
        feature of two words (丹江口 of 丹江口库区: the feature is the place named, not the city)."""
        out = []
        spans = sorted(taken)
        replaced: set[tuple[int, int]] = set()
        for i, (begin, end) in enumerate(words):
            if i + 1 < len(words) and self._pair(text, (begin, end), words[i + 1]):
                stop = words[i + 1][1]
                hit = [sp for sp in spans if sp[0] < stop and begin < sp[1]]
                if all(sp == (begin, end) for sp in hit):
                    replaced.update(hit)
                    out.append(PlaceMatch(begin, stop, OTHER_PLACE, text[begin:stop]))
                continue
            if end - begin < 3 or text[end - 1] not in self._ends:
                continue
            found = self._name(text[begin:end])
            if found is None:
                continue
            b = begin + found[0]
            if any(tb < end and b < te for tb, te in spans):
                continue
            part = next((p for p in self.parts if text.startswith(p, end)), "")
            out.append(PlaceMatch(b, end + len(part), OTHER_PLACE, text[b : end + len(part)]))
        return out, replaced
