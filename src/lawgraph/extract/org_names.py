"""The parts of organization names: cores, standard abbreviations and keyword classes.

A body's name is ``[area or level word][functional core][kind suffix]``: 四川省 + 自然资源 + 厅,
区 + 司法 + 局, 兰州新区 + 知识产权纠纷 + 人民调解委员会. Its last part, the core, says what kind of
body it is:

- generic cores (人民政府, 中级人民法院, 委员会, 中心 …: ``org_cores.tsv``);
- the standard departments of a government or Party committee, with their short forms (自然资源厅, 人社局,
  政法委: ``org_departments.tsv``) and the mass organizations (工会, 共青团, 妇联: ``org_mass.tsv``): written
  alone they are the report's own level's;
- bodies written as one word: relative to a level word (省委, 自治区党委, 县委常委会, 区政协:
  ``org_abbreviations.tsv``, one surface per word of :data:`LEVEL_PREFIXES`), national bodies (中组部,
  国家发展改革委: ``org_national.tsv``), international organizations (世界卫生组织:
  ``org_international.tsv``), national news outlets (人民日报, 新华网: ``org_media.tsv``), central
  state-owned enterprises (中石化, 国家电网: ``org_enterprises.tsv``);
- a core shared by many kinds (中心, 办公室) takes its class from a keyword of the name (``org_kinds.tsv``).

:class:`OrgNames` holds them, read from a :class:`~lawgraph.extract.data.Lexicon` of :data:`ORG_NAME_FILES`;
:func:`area_prefix` expands a written area or level word; :meth:`OrgNames.canonical` builds the canonical,
full official name of a body written in the report's metadata.

Examples
--------
>>> from lawgraph.extract.data import Lexicon
>>> names = OrgNames.from_lexicon(Lexicon.from_package(ORG_NAME_FILES))
>>> names.canonical("兰州新区管理委员会", None), names.abbreviations["省委"].full, names.kind("法律援助中心")
('兰州新区管理委员会', '中共{L}委员会', 'JusticeAdministration')
>>> names.abbreviations["自治区党委"].level, names.cores_by_surface["人社局"].full
('自治区', '{P}人力资源和社会保障局')
>>> fill_template("{province}人民政府", {"province": "甘肃省"}), fill_template("{own}法院", {"own": None})
('甘肃省人民政府', None)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from lawgraph.extract.areas import expand_prefix, parse_places
from lawgraph.extract.data import Lexicon
from lawgraph.model import ReportContext

__all__ = [
    "LEVEL_PREFIXES",
    "ORG_NAME_FILES",
    "Abbreviation",
    "Core",
    "OrgNames",
    "area_prefix",
    "fill_template",
    "relative_area",
    "template_values",
]

ORG_NAME_FILES = (
    "org_cores.tsv",
    "org_departments.tsv",
    "org_mass.tsv",
    "org_abbreviations.tsv",
    "org_national.tsv",
    "org_international.tsv",
    "org_media.tsv",
    "org_enterprises.tsv",
    "org_kinds.tsv",
)
"""The data files :class:`OrgNames` is read from."""

LEVEL_PREFIXES = {
    "自治区": "province",
    "省": "province",
    "自治州": "city",
    "州": "city",
    "盟": "city",
    "市": "city",
    "新区": "new_area",
    "区": "own",
    "县": "own",
    "旗": "own",
    "街道": "town",
    "乡": "town",
    "镇": "town",
}
"""The level words a relative name starts with (省司法厅, 区委, 镇政府) → which of the report's areas they
mean."""

LEVEL_WORDS = tuple(sorted(LEVEL_PREFIXES, key=len, reverse=True))
"""The level words, longest first (自治区 before 区)."""


def relative_area(word: str, ctx: ReportContext | None) -> str | None:
    """The area prefix a level word means in the report of ``ctx`` (区 → 深圳市龙岗区), else ``None``.

    >>> ctx = ReportContext(area="龙岗区", area_level="district", province="广东省", city="深圳市",
    ...                     own_prefix="深圳市龙岗区")
    >>> [relative_area(word, ctx) for word in ("区", "市", "自治区", "州")]
    ['深圳市龙岗区', '深圳市', '广东省', None]
    """
    meaning = LEVEL_PREFIXES.get(word)
    if ctx is None or meaning is None:
        return None
    if meaning == "province":
        return ctx.province
    if meaning == "city":
        city = ctx.local_city
        if city is None or (word != "市" and not city.endswith(word[-1])):
            return None  # 州委 in a report of a 市, 盟 in a report of a 州
        return city
    level = ctx.area_level
    if meaning == "new_area":
        return ctx.own_prefix if level == "new_area" else None
    if meaning == "own":
        return ctx.own_prefix if level in ("district", "county", "new_area") else None
    return ctx.own_prefix if level == "town" else None


def area_prefix(written: str, ctx: ReportContext | None) -> str | None:
    """The full area prefix of a written one: a level word (区, 自治区) or an area (武威 → 武威市)."""
    if written in LEVEL_PREFIXES:
        return relative_area(written, ctx)
    full = expand_prefix(written, ctx)
    if full is None or ctx is None or full == ctx.own_prefix:
        return full
    places = parse_places(full)
    if len(places) > 1 and places[0].level == "province" and places[1].level in ("city", "county"):
        return full[places[1].begin :]  # 甘肃省兰州市中级人民法院 is 兰州市中级人民法院
    return full


@dataclass(frozen=True, slots=True)
class Core:
    """A row of ``org_cores.tsv``: the last part of a body's name and what it says about the body."""

    core: str
    cls: str
    needs: str
    """``place``: needs an area prefix (人民政府); ``name``: needs a prefix or a modifier (委员会);
    ``coref``: may stand alone when the report names the body with a prefix too (检察院); ``own``: alone, the
    report's own level's body (司法局, 工会; a 厅 is the province's); ``party``: a department of a Party
    committee, alone the report's own committee's (政法委); ``mass``: a people's organization, like ``own``
    but never after a modifier (企业工会 is a kind); ``list``: like ``mass``, but alone only as a list item
    or before punctuation (红十字); ``proper``, ``sub``, ``any``: see ``org_cores.tsv``."""
    full: str
    """The full form of the core (检察院 → 人民检察院); a template with ``{P}`` for the area when the
    area does not simply precede it (政协 → 中国人民政治协商会议{P}委员会)."""
    not_after: str = ""
    """Characters that may not follow the core (科 is not 科技)."""
    not_before: str = ""
    """Characters that may not precede the core (局 is not 格局)."""


class Abbreviation(NamedTuple):
    """A row of ``org_abbreviations.tsv``, ``org_national.tsv`` or ``org_international.tsv``: a body written
    as one word (省委, 中组部)."""

    full: str
    """The full name, or a template with ``{L}``, ``{province}``, ``{city}``, ``{own}``."""
    cls: str
    not_after: str
    """Characters that may not follow the word."""
    level: str | None = None
    """The level word the surface is written with (省 in 省委); ``{L}`` in :attr:`full` is its area."""


@dataclass(frozen=True, slots=True)
class OrgNames:
    """Cores, abbreviations and keyword classes of organization names (see the module docstring)."""

    cores: tuple[Core, ...]
    """Every core (``org_cores.tsv``, ``org_departments.tsv``, ``org_mass.tsv``), longest first."""
    abbreviations: Mapping[str, Abbreviation]
    """Whole-word names of ``org_abbreviations.tsv`` and ``org_national.tsv`` by surface."""
    kinds: tuple[tuple[str, str], ...]
    """``(keyword, class)`` of ``org_kinds.tsv``: the class of a body whose core does not say it."""

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> OrgNames:
        """Read the files of :data:`ORG_NAME_FILES`."""
        cores: dict[str, Core] = {}
        for row in lexicon.tsv("org_cores.tsv"):
            row = row + [""] * (6 - len(row))
            cores[row[0]] = Core(row[0], row[1], row[2], row[3] or "{P}" + row[0], row[4], row[5])
        for row in lexicon.tsv("org_departments.tsv"):
            name, body_cls, kind = row[:3]
            needs = "party" if kind == "party" else "own"
            for surface in (name, *_split(row[3] if len(row) > 3 else "")):
                cores[surface] = Core(surface, body_cls, needs, "{P}" + name)
        abbreviations: dict[str, Abbreviation] = {}
        for row in lexicon.tsv("org_mass.tsv"):
            row = row + [""] * (5 - len(row))
            local, body_cls, national = row[0], row[1], row[2]
            local_core = local.replace("{P}", "")
            if local.startswith("{P}"):
                cores[local_core] = Core(local_core, body_cls, "mass", local)
            for short in _split(row[3]):
                needs = "list" if short.endswith("*") else "mass"
                cores[short.rstrip("*")] = Core(short.rstrip("*"), body_cls, needs, local)
            for surface in filter(None, (national, *_split(row[4]))):
                abbreviations[surface] = Abbreviation(national, body_cls, "")
        for row in lexicon.tsv("org_abbreviations.tsv"):
            not_after = row[3] if len(row) > 3 else ""
            if "{L}" in row[0]:
                for word in LEVEL_WORDS:
                    surface = row[0].replace("{L}", word)
                    abbreviations[surface] = Abbreviation(row[1], row[2], not_after, word)
            else:
                abbreviations[row[0]] = Abbreviation(row[1], row[2], not_after)
        for name in ("org_national.tsv", "org_international.tsv", "org_media.tsv"):
            for row in lexicon.tsv(name):
                abbreviations[row[0]] = Abbreviation(row[1], row[2], row[3] if len(row) > 3 else "")
        for row in lexicon.tsv("org_enterprises.tsv"):
            row = row + [""] * (3 - len(row))
            for surface in (row[0], *_split(row[1])):
                not_after = row[2] if surface != row[0] else ""
                abbreviations[surface] = Abbreviation(row[0], "Enterprise", not_after)
        return cls(
            cores=tuple(sorted(cores.values(), key=lambda c: -len(c.core))),
            abbreviations=abbreviations,
            kinds=tuple((r[0], r[1]) for r in lexicon.tsv("org_kinds.tsv")),
        )

    @property
    def cores_by_surface(self) -> dict[str, Core]:
        """Every core by its surface."""
        return {core.core: core for core in self.cores}

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
            return fill_template(abbr.full, template_values(abbr, ctx))
        for core in self.cores:
            if surface.endswith(core.core) and len(surface) > len(core.core):
                head = surface[: -len(core.core)]
                full = area_prefix(head, ctx)
                if full is not None:
                    return core.full.replace("{P}", full) if "{P}" in core.full else full + core.full
                return surface
        return surface or None


def template_values(abbr: Abbreviation, ctx: ReportContext | None) -> dict[str, str | None]:
    """The values of an abbreviation's template in the report of ``ctx`` (``{L}`` from its level word)."""
    if ctx is None:
        return {"L": None, "province": None, "city": None, "own": None, "zone": None}
    return {
        "L": relative_area(abbr.level, ctx) if abbr.level else None,
        "province": ctx.province,
        "city": ctx.local_city,
        "own": ctx.own_prefix,
        "zone": ctx.own_prefix if ctx.area_level == "new_area" else None,
    }


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(",") if part.strip()]


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
