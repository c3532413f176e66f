"""The parts of organization names: cores, standard abbreviations and keyword classes.

A body's name ends with a core (人民政府, 中级人民法院, 委员会 …) that says what kind of body it is
(``org_cores.tsv``); some bodies are written as one word (中院, 省政府, 社矫局: ``org_abbreviations.tsv``,
``org_national.tsv``); a core shared by many kinds (中心, 办公室) takes its class from a keyword of the name
(``org_kinds.tsv``). :func:`canonical_org` builds the canonical, full official name of a body written in the
report's metadata.

Examples
--------
>>> canonical_org("兰州新区管理委员会", None)
'兰州新区管理委员会'
>>> fill_template("{province}人民政府", {"province": "甘肃省"}), fill_template("{own}法院", {"own": None})
('甘肃省人民政府', None)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from lawgraph.extract.areas import expand_prefix
from lawgraph.extract.data import package_text, parse_tsv
from lawgraph.model import ReportContext

__all__ = ["Core", "org_cores", "org_abbreviations", "org_kinds", "canonical_org", "fill_template"]


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


@lru_cache(maxsize=1)
def org_cores() -> tuple[Core, ...]:
    """Every core of ``org_cores.tsv``, longest first."""
    cores = []
    for row in parse_tsv(package_text("org_cores.tsv")):
        row = row + [""] * (6 - len(row))
        cores.append(Core(row[0], row[1], row[2], row[3] or "{P}" + row[0], row[4], row[5]))
    return tuple(sorted(cores, key=lambda c: -len(c.core)))


@lru_cache(maxsize=1)
def org_abbreviations() -> dict[str, tuple[str, str, str]]:
    """Whole-word names of ``org_abbreviations.tsv`` and ``org_national.tsv``.

    Returns surface → (full name or template, class, characters that may not follow).
    """
    rows = parse_tsv(package_text("org_abbreviations.tsv")) + parse_tsv(package_text("org_national.tsv"))
    return {r[0]: (r[1], r[2], r[3] if len(r) > 3 else "") for r in rows}


@lru_cache(maxsize=1)
def org_kinds() -> tuple[tuple[str, str], ...]:
    """``(keyword, class)`` of ``org_kinds.tsv``: the class of a body whose core does not say it."""
    return tuple((r[0], r[1]) for r in parse_tsv(package_text("org_kinds.tsv")))


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


def canonical_org(surface: str, ctx: ReportContext | None) -> str | None:
    """The canonical name of a body written as ``surface`` (an issuer, an addressee).

    >>> canonical_org("兰州新区管理委员会", None)
    '兰州新区管理委员会'
    """
    surface = surface.strip()
    abbr = org_abbreviations().get(surface)
    if abbr is not None and "{" not in abbr[0]:
        return abbr[0]
    if abbr is not None and ctx is not None:
        return fill_template(
            abbr[0], {"P": None, "province": ctx.province, "city": ctx.local_city, "own": ctx.own_prefix}
        )
    for core in org_cores():
        if surface.endswith(core.core) and len(surface) > len(core.core):
            head = surface[: -len(core.core)]
            full = expand_prefix(head, ctx)
            if full is not None:
                return core.full.replace("{P}", full) if "{P}" in core.full else full + core.full
            return surface
    return surface or None
