"""Derive ``src/lawgraph/extract/data/world_places.tsv`` (run by hand, not at import time).

Two published lists give the countries, capitals, major cities and world regions a Chinese report names:

- jionlp 1.5.31 (Apache-2.0, on PyPI) ``dictionary/world_location.txt``: every country by continent with its
  usual Chinese name, its full official name, its capital and some major cities
  (``美国 美利坚合众国 华盛顿 纽约/芝加哥/…``);
- the Unicode CLDR territory names in Chinese (``zh_Hans``), as shipped by Babel 2.18.0 (BSD; CLDR data under
  the Unicode licence): the continents and UN M49 sub-regions (``143`` 中亚, ``145`` 西亚, ``035`` 东南亚,
  ``419`` 拉丁美洲 …) and the EU.

A name is left out when Chinese official writing reads it otherwise (``EXCLUDED``, each with its reason): a
country or city name that is also an ordinary word (万象, 金边), a joint abbreviation of China and a region
(中非 is China–Africa before it is the Central African Republic), a person's name (亚历山大), or a name
shared by several capitals (金斯敦). China itself is the country of the reports (``extract/data/places.json``
reads 全国 and 我国 as it); its cities are divisions.

Usage::

    pip download --no-deps jionlp==1.5.31 -d /tmp/wheels
    python scripts/derive_world_places.py /tmp/wheels/jionlp-1.5.31-py2.py3-none-any.whl   # needs babel
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/lawgraph/extract/data/world_places.tsv"
MEMBER = "jionlp/dictionary/world_location.txt"

EXCLUDED = {
    "中国": "the reports' own country (全国, 我国 in places.json)",
    "中非": "China–Africa (中非合作) in Chinese official writing",
    "万象": "an ordinary word (包罗万象); the capital of Laos",
    "金边": "an ordinary word (gold edging); the capital of Cambodia",
    "黑山": "a county (辽宁省黑山县) and many mountains before Montenegro",
    "亚历山大": "a person's name before the Egyptian city",
    "维多利亚": "a person's name; capital of the Seychelles and of several states",
    "亚伦": "a person's name; the seat of Nauru's government",
    "圣约翰": "shared by several capitals",
    "金斯敦": "shared by several capitals",
    "圣乔治": "a person's name",
    "圣何塞": "shared by several cities",
    "圣地亚哥": "shared by several cities",
    "好望角": "a cape, not a city",
    "巴新": "an abbreviation, not the country's name",
    "西贡": "an old name of 胡志明市",
    "加纳": "also a verb phrase (增加纳入) in running text",
    "马里": "also a classifier phrase in running text",
    "比绍": "also a word fragment (相比绍) in running text",
    "世界": "the world as a whole, not a region",
    "联合国": "an organization",
    "欧元区": "a currency area",
    "大洋洲边远群岛": "a statistical remainder",
    "美洲北部": "CLDR's label for the UN's Northern America, not a name in use",
    "密克罗尼西亚地区": "a statistical sub-region",
}
CLDR_REGIONS = (
    "002", "003", "005", "009", "011", "013", "014", "015", "018", "019", "029", "030", "034", "035", "039",
    "053", "054", "061", "142", "143", "145", "150", "151", "154", "155", "202", "419", "EU",
)  # fmt: skip
"""UN M49 continents and sub-regions, and the EU (CLDR territory codes)."""


def jionlp_rows(wheel: Path) -> tuple[list[list[str]], str]:
    """The rows ``kind, name, full name, parent, continent`` of jionlp's world list, and its sha256."""
    with zipfile.ZipFile(wheel) as archive:
        blob = archive.read(MEMBER)
    rows: list[list[str]] = []
    continent = ""
    for line in blob.decode("utf-8").splitlines():
        if not line.strip():
            continue
        if line.rstrip().endswith(":"):
            continent = line.rstrip()[:-1]
            continue
        cells = line.split("\t") + ["", "", ""]
        short, full, capital, cities = (cell.strip() for cell in cells[:4])
        if short in EXCLUDED:
            continue
        rows.append(["country", short, full or short, "", continent])
        for city in [capital, *cities.split("/")]:
            city = city.strip()
            if city and city not in EXCLUDED and city not in (short, full):
                rows.append(["city", city, full + city, full, continent])
    return rows, hashlib.sha256(blob).hexdigest()


def cldr_rows() -> list[list[str]]:
    """The rows of the CLDR continents and sub-regions (``region``), Chinese names."""
    from babel import Locale  # type: ignore[import-not-found]

    names = Locale.parse("zh_Hans").territories
    return [["region", names[c], names[c], "", f"CLDR {c}"] for c in CLDR_REGIONS if names[c] not in EXCLUDED]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    import babel  # type: ignore[import-not-found]  # only this script needs it

    rows, digest = jionlp_rows(Path(argv[1]))
    seen: set[str] = set()
    body = []
    for row in rows + cldr_rows():
        if row[1] in seen:
            continue  # a capital named like another country's city (the first wins)
        seen.add(row[1])
        body.append("\t".join(row))
    head = [
        "# Countries, capitals, major cities, continents and world regions (derived: do not edit by hand).",
        "# Made by scripts/derive_world_places.py from jionlp 1.5.31 dictionary/world_location.txt"
        f" (Apache-2.0; sha256 {digest})",
        f"# and the Unicode CLDR territory names in zh_Hans shipped by Babel {babel.__version__}"
        " (CLDR data: Unicode licence).",
        "# kind\tname as written\tcanonical (full) name\tparent (a city's country)\tcontinent or source",
    ]
    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("\n".join(head + body) + "\n")
    os.replace(tmp, OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
