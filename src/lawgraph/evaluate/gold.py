"""Gold annotations: reading ``NAME.gold.json``, finding its report, and the label normalization.

The format is ``GOLD-FORMAT.md`` of the shared corpus. A gold file sits beside its report (``NAME.txt``) or
in a folder of its own, with the reports found in other folders (``texts``): lawgraph keeps the gold it
annotated itself in ``eval/gold/`` and reads the reports from the shared corpus.

Examples
--------
>>> norm(" “跨域通办”联盟（试点） ")
'跨域通办联盟(试点)'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lawgraph.errors import InputError

__all__ = ["GOLD_SUFFIX", "GoldPair", "norm", "load_gold", "find_gold_pairs"]

GOLD_SUFFIX = ".gold.json"

_BRACKETS = str.maketrans("（）【】", "()[]")
_IGNORED = re.compile(r"[\s“”\"'‘’《》「」]")


def norm(label: str) -> str:
    """A label as the scorer compares it: stripped, brackets half-width, no blanks, quotes or 《》."""
    return _IGNORED.sub("", label.strip().translate(_BRACKETS))


@dataclass(frozen=True, slots=True)
class GoldPair:
    """A report and its gold annotation."""

    text: Path
    gold: Path

    @property
    def name(self) -> str:
        """The report's file name."""
        return self.text.name


def load_gold(path: Path) -> dict[str, Any]:
    """Read one ``NAME.gold.json``; raises :class:`~lawgraph.errors.InputError` when it is not valid."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(path, f"cannot read gold annotation ({err})") from err
    if not isinstance(data, dict):
        raise InputError(path, "gold annotation is not a JSON object")
    for key in ("organizations", "places", "documents", "metrics", "relations"):
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise InputError(path, f"'{key}' is not a list of objects")
        for item in items:
            names = item.get("mentions", [])
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise InputError(path, f"'{key}' has an item whose 'mentions' is not a list of strings")
    return data


def find_gold_pairs(gold_dirs: Iterable[Path], texts: Sequence[Path] = ()) -> list[GoldPair]:
    """Every ``NAME.gold.json`` of ``gold_dirs`` with its ``NAME.txt``, in sorted order.

    The report is looked for beside the gold file first, then in each folder of ``texts``. A gold file whose
    report is nowhere is an error: a figure computed without it would silently leave it out.

    Raises
    ------
    InputError
        When a folder is missing, holds no gold file, or a gold file's report cannot be found.
    """
    golds: list[Path] = []
    for folder in gold_dirs:
        if not folder.is_dir():
            raise InputError(folder, "not a folder")
        found = sorted(folder.glob("*" + GOLD_SUFFIX))
        if not found:
            raise InputError(folder, f"no NAME{GOLD_SUFFIX} in this folder")
        golds.extend(found)
    pairs = []
    for gold in sorted(golds, key=lambda p: p.name):
        name = gold.name[: -len(GOLD_SUFFIX)] + ".txt"
        candidates = [gold.with_name(name), *(Path(d) / name for d in texts)]
        text = next((c for c in candidates if c.is_file()), None)
        if text is None:
            where = ", ".join(str(c.parent) for c in candidates)
            raise InputError(gold, f"its report {name} is in none of: {where} (add --texts DIR)")
        pairs.append(GoldPair(text=text, gold=gold))
    return pairs
