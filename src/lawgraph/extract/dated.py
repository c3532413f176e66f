"""Divisions of a report's own year: the dated changes that the 2025 division table has overwritten.

The division table (:mod:`lawgraph.extract.gazetteer`) is the one of 2025-12-31. A 2022 report is read with
the divisions of 2022 (issue 12): ``data/division_changes.tsv`` (derived by
``scripts/derive_dated_divisions.py`` from jionlp 1.5.31, Apache-2.0) holds

- the dated changes at county level and above (2010-12-09 襄樊市 → 襄阳市; 2021-04-09 下城区 → 拱墅区);
- the townships whose parent in a table of 2021–2022 is not their parent in 2025 (上川镇: 永登县 then,
  皋兰县 now; 中川镇: filed under the functional area 兰州新区 then).

A township written alone in a report of 2022 or before takes its parent of then, so the founding report's
上川镇, written 永登县上川镇 once and 上川镇 elsewhere, is one node under 永登县 and every 2022 report that
names it says the same. Where the older table files a township under a functional area (中川镇 under
兰州新区), that is its parent of then: the county it belonged to in law is in no table that can be had
(township-level history is not published as data), and the report's own wording (永登县中川镇 written out)
still wins over both tables.

A report of a year before a change at county level or above reads the old name (襄樊市 in 2009) as the
division it was: the same node as today's when it was only renamed (one old name, one new one), its own node
under its old chain when several were merged.

Examples
--------
>>> from lawgraph.extract.data import Lexicon, load_gazetteer
>>> dated = DatedDivisions(Lexicon.from_package(["division_changes.tsv"]).tsv("division_changes.tsv"))
>>> town = load_gazetteer().by_code["620122110"]
>>> town.canonical, dated.parent_then(town, 2022), dated.parent_then(town, 2025)
('甘肃省兰州市皋兰县上川镇', '甘肃省兰州市永登县', None)
>>> dated.old_name("襄樊市", 2009), dated.old_name("襄樊市", 2011)
(('湖北省襄阳市', 'City'), None)
"""

from __future__ import annotations

from collections.abc import Sequence

from lawgraph.extract.data import load_gazetteer
from lawgraph.extract.gazetteer import Division, division_class

__all__ = ["DatedDivisions"]


class DatedDivisions:
    """The dated changes of ``division_changes.tsv`` (its rows, as :meth:`Lexicon.tsv` reads them)."""

    def __init__(self, rows: Sequence[Sequence[str]]) -> None:
        gaz = load_gazetteer()
        by_chain = {div.canonical: div for div in gaz.by_code.values() if div.level <= 3}
        self._moved: dict[tuple[str, str], tuple[int, str]] = {}  # (2025 parent chain, name) → (year, then)
        self._old: dict[str, list[tuple[int, str, str]]] = {}  # retired name → [(year of change, key, cls)]
        into: dict[tuple[str, str], int] = {}  # (date, new chain) → how many old units went into it
        for row in rows:
            if row[0] != "township":
                into[(row[1], row[4])] = into.get((row[1], row[4]), 0) + 1
        for row in rows:
            if row[0] == "township":
                _, year, name, then, now = row
                self._moved[(now, name)] = (int(year), then)
                continue
            kind, date, name, old, new = row
            if name in gaz.by_name or new not in by_chain:
                continue  # still a division of the table (保康县 under a renamed city), or gone since
            renamed = into[(date, new)] == 1  # one old unit, one new: the same division renamed
            cls = division_class(name, 2 if kind == "city" else 3)
            self._old.setdefault(name, []).append((int(date[:4]), new if renamed else old, cls))

    def parent_then(self, town: Division, year: int | None) -> str | None:
        """The parent chain of township ``town`` in ``year``, when it is not its parent in the table."""
        if year is None or town.level != 4:
            return None
        gaz = load_gazetteer()
        up = gaz.parent(town)
        found = self._moved.get((up.canonical, town.name)) if up else None
        return found[1] if found and year <= found[0] else None

    def old_name(self, name: str, year: int | None) -> tuple[str, str] | None:
        """The key and class of ``name``, a division's full name that a change after ``year`` retired."""
        if year is None:
            return None
        keys = {(key, cls) for changed, key, cls in self._old.get(name, ()) if year < changed}
        return keys.pop() if len(keys) == 1 else None

    @property
    def old_names(self) -> tuple[str, ...]:
        """Every retired full name."""
        return tuple(self._old)
