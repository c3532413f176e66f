"""Areas written in names: the places an organization's name starts with, and where a report was written.

Chinese bodies are named ``<area chain><core>``: 武威市中级人民法院, 深圳市龙岗区人民政府. Reports write
them short (武威中院, 区政府, 新区检察院) and leave the area to the reader. This module reads a written
area prefix (:func:`parse_places`), turns it into its full form (:func:`expand_prefix`) with the division
table (:func:`lawgraph.extract.data.load_gazetteer`) and the report's own area, and places an issuer's
area in the division tree (:func:`locate_area`).

Examples
--------
>>> [p.name for p in parse_places("深圳市龙岗区")]
['深圳市', '龙岗区']
>>> locate_area("武威").prefix
'武威市'
>>> locate_area("兰州新区管理委员会").province
'甘肃省'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawgraph.extract.data import load_gazetteer
from lawgraph.extract.gazetteer import LEVEL_NAMES, Division
from lawgraph.model import ReportContext

__all__ = [
    "Place",
    "Located",
    "parse_places",
    "may_end_places",
    "locate_area",
    "expand_prefix",
    "short_name",
]

# Suffixes stripped to get the short form people write (甘肃省 → 甘肃, 武威市 → 武威).
_SHORT_SUFFIX = re.compile(
    r"(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|省|市|地区|盟|县|区|旗)$"
)


def short_name(name: str) -> str:
    """An area's name without its level word, as reports write it before a body's name.

    >>> short_name("甘肃省"), short_name("广西壮族自治区"), short_name("兰州新区")
    ('甘肃', '广西', '兰州新')
    """
    return _SHORT_SUFFIX.sub("", name)
_NEW_AREA = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:新区|开发区|高新区|经开区|保税区|自贸区|合作区)")


@dataclass(frozen=True, slots=True)
class Place:
    """A place read from an organization-name prefix: its full name and where it was written."""

    name: str
    """Full name (武威 → 武威市)."""
    level: str
    begin: int
    end: int
    division: Division | None = None


@dataclass(frozen=True, slots=True)
class Located:
    """An area placed in the division tree."""

    area: str
    level: str
    chain: tuple[str, ...]
    province: str | None
    city: str | None
    county: str | None
    prefix: str
    """How the area's own bodies are prefixed (深圳市龙岗区, 兰州新区, 甘肃省)."""


def _pick(cands: list[Division], parent: Division | None) -> Division | None:
    if not cands:
        return None
    if parent is not None:
        index = load_gazetteer()
        for cand in cands:
            if parent in index.path(cand)[:-1]:
                return cand
        return None
    # Prefer higher levels; a name shared by several counties is ambiguous without a parent.
    best = min(c.level for c in cands)
    top = [c for c in cands if c.level == best]
    return top[0] if len(top) == 1 or best <= 2 else None


def parse_places(text: str, *, begin: int = 0, anchored: bool = True) -> list[Place]:
    """Read a chain of places from the start of ``text`` (甘肃省兰州市永登县中川镇 …).

    Full division names, their short forms (武威 → 武威市, for provinces, cities and counties) and named new
    areas (兰州新区) are recognized; reading stops at the first character that does not continue a place.
    """
    index = load_gazetteer()
    full, short = index.by_official_name, index.by_any_short_form
    places: list[Place] = []
    pos = begin
    parent: Division | None = None
    n = len(text)
    while pos < n:
        found: Place | None = None
        area = _NEW_AREA.match(text, pos)
        for size in range(min(index.max_len, n - pos), 1, -1):
            piece = text[pos : pos + size]
            # Most pieces name nothing: look them up before picking among candidates.
            cands = full.get(piece)
            if cands is not None:
                div = _pick(cands, parent)
                if div is None and parent is not None and parent.level >= 3:
                    div = _pick(cands, None)
                if div is not None:
                    found = Place(div.name, LEVEL_NAMES[div.level], pos, pos + size, div)
                    break
            cands = short.get(piece)
            if cands is not None:
                div = _pick(cands, parent)
                if div is not None and not (area and area.end() > pos + size):
                    found = Place(div.name, LEVEL_NAMES[div.level], pos, pos + size, div)
                    break
        # 甘肃省兰州新区: the province is read first, then the new area.
        keeps = found is not None and found.division is not None and text[found.end - 1] in "省市县区州盟旗"
        if area and (found is None or (area.end() > found.end and not keeps)):
            found = Place(area.group(0), "new_area", pos, area.end(), None)
        if found is None:
            break
        places.append(found)
        pos = found.end
        if found.division is not None:
            parent = found.division
        if not anchored:
            break
    return places


_NEW_AREA_ENDINGS = ("新区", "开发区", "经开区", "保税区", "自贸区", "合作区")
"""How a match of ``_NEW_AREA`` can end (高新区 ends with 新区)."""


def may_end_places(text: str) -> bool:
    """Whether a chain read by :func:`parse_places` can end exactly where ``text`` ends.

    A cheap necessary condition: the text ends with a division name, a short form or a new area's
    ending. When it is false, ``parse_places(text[i:])`` leaves something unread for every ``i``.

    >>> may_end_places("指导凉山州"), may_end_places("知识产权纠纷"), may_end_places("兰州新区")
    (True, False, True)
    """
    index = load_gazetteer()
    full, short = index.by_official_name, index.by_any_short_form
    for size in range(2, min(index.max_len, len(text)) + 1):
        piece = text[-size:]
        if piece in full or piece in short:
            return True
    return text.endswith(_NEW_AREA_ENDINGS)


def _most_named_city(hint: str) -> Division | None:
    """The prefecture-level city the text names most often (at least twice), for zones named without one."""
    index = load_gazetteer()
    best: tuple[int, Division | None] = (1, None)
    for short, cands in index.by_any_short_form.items():
        cities = [c for c in cands if c.level == 2]
        if len(cities) != 1:
            continue
        count = hint.count(short)
        if count > best[0]:
            best = (count, cities[0])
    return best[1]


def _located(places: list[Place], hint: str = "") -> Located | None:
    if not places:
        return None
    index = load_gazetteer()
    last = places[-1]
    chain: list[str] = []
    province = city = county = None
    if last.division is not None:
        path = index.path(last.division)
    else:
        ref = next((p.division for p in reversed(places) if p.division is not None), None)
        if ref is None and hint:
            ref = _most_named_city(hint)
        if ref is None:
            head = short_name(last.name[:-2]) if last.name.endswith("新区") else ""
            shorts = index.by_any_short_form
            ref = _pick(shorts.get(head[:2], []) or shorts.get(head, []), None)
            for size in range(len(last.name) - 2, 1, -1):
                ref = ref or _pick(index.by_any_short_form.get(last.name[:size], []), None)
        path = index.path(ref) if ref is not None else ()
    for div in path:
        if div.level == 1:
            province = div.name
        elif div.level == 2:
            city = div.name
        elif div.level == 3:
            county = div.name
    if last.division is None:
        # A named zone sits directly under its province (甘肃省 → 兰州新区).
        chain = [province] if province else []
        chain += [p.name for p in places if p.division is None]
        # Its bodies are the zone's own (新区法院); 市委 in its reports names no city of its own.
        return Located(last.name, "new_area", tuple(chain), province, None, None, last.name)
    chain = [d.name for d in path]
    level = LEVEL_NAMES[last.division.level]
    if level == "county" and last.name.endswith("区"):
        level = "district"
    if level == "province" or level == "city":
        prefix = last.name
    elif level == "district":
        prefix = (city or "") + last.name
    else:
        prefix = "".join(p.name for p in places) if len(places) > 1 and level == "town" else last.name
        if level == "county":
            prefix = last.name
    county = county if level != "city" else None
    return Located(last.name, level, tuple(chain), province, city, county, prefix)


def _by_hint(cands: list[Division], hint: str) -> Division | None:
    """The candidate whose province and city the ``hint`` text names most often (南山区 of 深圳)."""
    index = load_gazetteer()
    scores = []
    for cand in cands:
        score = 0
        for div in index.path(cand)[:-1]:
            short = short_name(div.name)
            score += hint.count(short) if len(short) >= 2 else hint.count(div.name)
        scores.append(score)
    best = max(scores, default=0)
    if best == 0 or scores.count(best) > 1:
        return None
    return cands[scores.index(best)]


def locate_area(text: str, *, hint: str = "") -> Located | None:
    """Place the area named at the start of ``text`` (an issuer, a title) in the division tree.

    A name shared by several divisions (南山区 in 深圳市 and in 鹤岗市) is settled by ``hint``, usually the
    report's opening: the division whose province and city it names most often wins.

    >>> locate_area("南山区人民政府", hint="深圳经济特区 深圳湾").city
    '深圳市'
    """
    places = parse_places(text)
    if not places and hint:
        index = load_gazetteer()
        for size in range(min(index.max_len, len(text)), 1, -1):
            piece = text[:size]
            cands = index.by_official_name.get(piece, [])
            if len(cands) > 1:
                div = _by_hint(cands, hint)
                if div is not None:
                    places = [Place(div.name, LEVEL_NAMES[div.level], 0, size, div)]
                break
    return _located(places, hint)


_LEVEL_CHAR = {"省": "province", "市": "city", "区": "district", "县": "county", "新区": "new_area"}


def expand_prefix(prefix: str, ctx: ReportContext | None) -> str | None:
    """The full area prefix of a written one: ``武威`` → ``武威市``, ``区`` → the report's district.

    Returns ``None`` when the prefix is not an area.
    """
    if ctx is not None and ctx.area and ctx.own_prefix and prefix in (ctx.area, ctx.own_prefix):
        return ctx.own_prefix
    if prefix in _LEVEL_CHAR:
        if ctx is None:
            return None
        level = _LEVEL_CHAR[prefix]
        if level == "province":
            return ctx.province
        if level == "city":
            return ctx.local_city
        if level in ("district", "county"):
            if ctx.area_level in ("district", "county", "new_area"):
                return ctx.own_prefix
            return None
        if level == "new_area":
            return ctx.own_prefix if ctx.area_level == "new_area" else None
    places = parse_places(prefix)
    if not places or places[-1].end != len(prefix):
        return None
    names = [p.name for p in places]
    if ctx is not None and ctx.area and ctx.own_prefix and ctx.area in names:
        return ctx.own_prefix + "".join(names[names.index(ctx.area) + 1 :])
    first = places[0]
    if first.level == "county" and first.division is not None and first.name.endswith("区"):
        index = load_gazetteer()
        path = index.path(first.division)
        city = next((d.name for d in path if d.level == 2), "")
        return city + "".join(p.name for p in places)
    if first.level in ("town",) and ctx is not None and ctx.own_prefix:
        return ctx.own_prefix + "".join(p.name for p in places)
    return "".join(p.name for p in places)
