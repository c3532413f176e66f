"""Every gold file the project made has its first look recorded: scored once, before its errors were read.

``bench/RESULTS.md`` opens with the first-look table (issue 12): one row per file of ``eval/gold/``, with the
date and commit of the scoring. A gold file added without its first look fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROW = re.compile(r"^\| (?P<name>[^|*]+?) \| (?P<when>\d{4}-\d{2}-\d{2}, [0-9a-f]{7,}) \|", re.MULTILINE)


def first_look_rows() -> dict[str, str]:
    """File name → "date, commit" of each row of the first-look table."""
    text = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    table = text.split("# Extraction quality: the first look", 1)[1].split("\n# ", 1)[0]
    return {m["name"]: m["when"] for m in ROW.finditer(table)}


def test_every_gold_file_has_its_first_look() -> None:
    gold = sorted(p.name.removesuffix(".gold.json") for p in (ROOT / "eval" / "gold").glob("*.gold.json"))
    assert gold, "eval/gold holds no gold file"
    rows = first_look_rows()
    assert [name for name in gold if name not in rows] == []
