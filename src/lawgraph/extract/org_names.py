"""The parts of organization names: cores, standard abbreviations and keyword classes.

A body's name ends with a core (人民政府, 中级人民法院, 委员会 …) that says what kind of body it is
(``org_cores.tsv``); some bodies are written as one word (中院, 省政府, 社矫局: ``org_abbreviations.tsv``,
``org_national.tsv``); a core shared by many kinds (中心, 办公室) takes its class from a keyword of the name
(``org_kinds.tsv``). :class:`OrgNames` holds the three, read from a
:class:`~lawgraph.extract.data.Lexicon` of :data:`ORG_NAME_FILES`; :meth:`OrgNames.canonical` builds the
canonical, full official name of a body written in the report's metadata.

Examples
--------
>>> from lawgraph.extract.data import Lexicon
>>> names = OrgNames.from_lexicon(Lexicon.from_package(ORG_NAME_FILES))
>>> names.canonical("兰州新区管理委员会", None), names.abbreviations["省委"].full, names.kind("法律援助中心")
('兰州新区管理委员会', '中共{province}委员会', 'JusticeAdministration')
>>> fill_template("{province}人民政府", {"province": "甘肃省"}), fill_template("{own}法院", {"own": None})
('甘肃省人民政府', None)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from lawgraph.extract.areas import expand_prefix
from lawgraph.extract.data import Lexicon
from lawgraph.model import ReportContext

__all__ = ["ORG_NAME_FILES", "Abbreviation", "Core", "OrgNames", "fill_template"]

ORG_NAME_FILES = ("org_cores.tsv", "org_abbreviations.tsv", "org_national.tsv", "org_kinds.tsv")
"""The data files :class:`OrgNames` is read from."""


@dataclass(frozen=True, slots=True)
class Core:
    """A row of ``org_cores.tsv``: the last part of a body's name and what it says about the body."""

    core: str
    cls: str
    needs: str
    """``place``: needs an area prefix (人民政府); ``name``: needs a prefix or a modifier (委员会);
    ``any``: may stand alone when the report resolves it (检察院)."""
    full: str
    """The full form of the core (检察院 → 人民检察院); a template with ``{P}`` for the area when the
    area does not simply precede it (政协 → 中国人民政治协商会议{P}委员会)."""
    not_after: str = ""
    """Characters that may not follow the core (科 is not 科技)."""
    not_before: str = ""
    """Characters that may not precede the core (局 is not 格局)."""


class Abbreviation(NamedTuple):
    """A row of ``org_abbreviations.tsv`` or ``org_national.tsv``: a body written as one word (中院)."""

    full: str
    """The full name, or a template with ``{province}``, ``{city}``, ``{own}`` (``{city}中级人民法院``)."""
    cls: str
    not_after: str
    """Characters that may not follow the word."""


@dataclass(frozen=True, slots=True)
class OrgNames:
    """Cores, abbreviations and keyword classes of organization names (see the module docstring)."""

    cores: tuple[Core, ...]
    """Every core of ``org_cores.tsv``, longest first."""
    abbreviations: Mapping[str, Abbreviation]
    """Whole-word names of ``org_abbreviations.tsv`` and ``org_national.tsv`` by surface."""
    kinds: tuple[tuple[str, str], ...]
    """``(keyword, class)`` of ``org_kinds.tsv``: the class of a body whose core does not say it."""

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> OrgNames:
        """Read the files of :data:`ORG_NAME_FILES`."""
        cores = []
        for row in lexicon.tsv("org_cores.tsv"):
            row = row + [""] * (6 - len(row))
            cores.append(Core(row[0], row[1], row[2], row[3] or "{P}" + row[0], row[4], row[5]))
        rows = lexicon.tsv("org_abbreviations.tsv") + lexicon.tsv("org_national.tsv")
        return cls(
            cores=tuple(sorted(cores, key=lambda c: -len(c.core))),
            abbreviations={r[0]: Abbreviation(r[1], r[2], r[3] if len(r) > 3 else "") for r in rows},
            kinds=tuple((r[0], r[1]) for r in lexicon.tsv("org_kinds.tsv")),
        )

    def kind(self, name: str) -> str:
        """The class of a body whose core does not say it: by the first keyword of ``name``."""
        for keyword, cls in self.kinds:
            if keyword in name:
                return cls
        return "GovernmentBody"

    def canonical(self, surface: str, ctx: ReportContext | None) -> str | None:
        """The canonical name of a body written as ``surface`` (an issuer, an addressee)."""
        surface = surface.strip()
        abbr = self.abbreviations.get(surface)
        if abbr is not None and "{" not in abbr.full:
            return abbr.full
        if abbr is not None and ctx is not None:
            own = {"P": None, "province": ctx.province, "city": ctx.local_city, "own": ctx.own_prefix}
            return fill_template(abbr.full, own)
        for core in self.cores:
            if surface.endswith(core.core) and len(surface) > len(core.core):
                head = surface[: -len(core.core)]
                full = expand_prefix(head, ctx)
                if full is not None:
                    return core.full.replace("{P}", full) if "{P}" in core.full else full + core.full
                return surface
        return surface or None


def fill_template(template: str, values: Mapping[str, str | None]) -> str | None:
    """``template`` with each ``{name}`` replaced by its value; ``None`` when a value it needs is missing."""
    out = template
    for name, value in values.items():
        token = "{" + name + "}"
        if token in out:
            if not value:
                return None
            out = out.replace(token, value)
    return out
