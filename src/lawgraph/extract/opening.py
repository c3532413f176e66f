"""Who wrote a report and where, read from its text when the title and cover letter do not say.

Many reports open without a title or cover letter, and their page gives only a relative issuer
(``省人民政府``) or none at all. A reader then takes the issuer from the text:

- the opening's subject: ``武昌区认真学习…`` (an area: its government wrote), ``2021年，在省委省政府的正确
  领导下，省司法厅…`` (a body, after the time and framing clauses) — :func:`opening_subject`;
- the area: the session the report was delivered to (``在广东省第十四届人民代表大会…``), the head's title
  line (``广东省省长 某某``), else the division of the issuer's level the text names most often, short
  forms and slogans included (``新江苏``) — :func:`area_from_text`.

Examples
--------
>>> opening_subject("2021年，在省委省政府的正确领导下，省司法厅深入学习贯彻…", ("司法厅",))
'省司法厅'
>>> opening_subject("武昌区认真学习贯彻习近平法治思想。", ("司法局",))
'武昌区'
>>> area_from_text("——在贵州省第十四届人民代表大会第四次会议上\\n", 1)
'贵州省'
>>> level_of("省司法厅"), level_of("自治区人民政府"), level_of("区委"), level_of("司法局")
(1, 1, 3, None)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from lawgraph.extract.areas import parse_places
from lawgraph.extract.data import load_gazetteer
from lawgraph.extract.gazetteer import Division

__all__ = ["LEVEL_WORDS", "area_from_text", "level_of", "opening_subject"]

LEVEL_WORDS = {"自治区": 1, "省": 1, "自治州": 2, "州": 2, "盟": 2, "市": 2, "区": 3, "县": 3, "旗": 3}
"""A level word a relative name starts with (省司法厅, 区委) → the division level it means."""

_LEVEL_START = re.compile("|".join(sorted(LEVEL_WORDS, key=len, reverse=True)))
_MEETING = re.compile(r"在([\u4e00-\u9fff]{2,24}?)第[一二三四五六七八九十百\d]+届\s*人民代表大会")
_HEAD_TITLE = re.compile(
    r"^([\u4e00-\u9fff]{2,24}?)(?:人民政府)?(?:代理)?(?:省长|市长|区长|县长|州长|旗长|盟长|主席|主任)[\s\u3000]"
)
# A time or framing clause before the subject: 2021年， 一年来， 在省委省政府的正确领导下，
_FRAME = re.compile(
    r"(?:\d{4}年(?:度|以来|来|上半年|下半年)?|今年以来|一年来|近年来|过去一年|[^，,。；;\n]{0,40}?"
    r"(?:领导下|指导下|关心下|支持下|监督下|部署下))[，,]\s*"
)
_PROSE = re.compile(r"[。，,；;]")
_SELF = re.compile(r"[我本][厅局委院办署所会]")
_SCAN = 30000
"""How much of the text is read to count area names."""


def level_of(surface: str) -> int | None:
    """The division level a relative name's leading level word means (省司法厅 → 1), else ``None``."""
    match = _LEVEL_START.match(surface)
    return LEVEL_WORDS[match.group(0)] if match else None


def opening_subject(text: str, body_words: Iterable[str], *, lines: int = 12) -> str | None:
    """The subject of the report's first prose sentence, when it names an area or a body.

    Parameters
    ----------
    text : str
        The report text (its first ``lines`` lines are read; title lines without punctuation are skipped).
    body_words : iterable of str
        Words a body's name ends with (司法厅, 人民政府, 管委会 …): a subject that is no place must end
        with one within its first 20 characters.
    """
    words = tuple(sorted(set(body_words), key=len, reverse=True))
    prose = [line.strip() for line in text.split("\n", lines)[:lines] if _PROSE.search(line)]
    if not prose:
        return None
    clause = prose[0]
    while (frame := _FRAME.match(clause)) is not None:
        clause = clause[frame.end() :]
    if _SELF.match(clause):
        return None  # 我局, 本厅: the issuer names itself, but not which body it is
    places = parse_places(clause)
    start = places[-1].end if places else (m.end() if (m := _LEVEL_START.match(clause)) else 0)
    head = re.match(r"[\u4e00-\u9fff]{0,20}", clause[start:])
    run = head.group(0) if head else ""
    for size in range(1, len(run) + 1):  # the shortest: 区政府 in 区政府推进法治政府建设
        if run[:size].endswith(words) and clause[start + size : start + size + 1] != "的":
            return clause[: start + size]
    if places and clause[start : start + 1] not in ("的", ""):
        return clause[:start]
    return None


def _counts(text: str, divisions: Iterable[Division]) -> Counter[Division]:
    """How often the text names each division, by its full name or any short form of two characters."""
    gaz = load_gazetteer()
    counts: Counter[Division] = Counter()
    for div in divisions:
        names = {div.name, *(s for s in gaz.short_forms_of(div.name, div.level) if len(s) >= 2)}
        names -= gaz.unsafe_names
        counts[div] = sum(text.count(name) for name in names)
    return counts


def _best(counts: Counter[Division]) -> Division | None:
    """The most named division, named at least twice and more often than any other."""
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def area_from_text(text: str, level: int | None) -> str | None:
    """The area a report of ``level`` (1 province … 3 county; ``None``: any) was written in, from its text.

    The session it was delivered to or its head's title line name it; else the division of that level
    the text names most often (within the most named province and city).
    """
    head = text[:3000]
    meeting = _MEETING.search(head)
    if meeting is not None:
        return meeting.group(1)
    for line in head.split("\n")[:40]:
        title = _HEAD_TITLE.match(line.strip() + " ")
        if title is not None and parse_places(title.group(1)):
            return title.group(1)
    gaz = load_gazetteer()
    sample = text[:_SCAN]
    provinces = [d for d in gaz.by_code.values() if d.level == 1]
    province = _best(_counts(sample, provinces))
    if level in (None, 1):
        return province.name if province is not None else None
    if province is not None and province.name.endswith("市"):  # a municipality: its districts are its cities
        return province.name if level == 2 else _pick(_counts(sample, gaz.children.get(province.code, [])))
    cities = [d for d in gaz.by_code.values() if d.level == 2]
    if province is not None:
        cities = [c for c in gaz.children.get(province.code, []) if c.level == 2]
    city = _best(_counts(sample, cities))
    if city is None or level == 2:
        return city.name if city is not None else None
    return _pick(_counts(sample, gaz.children.get(city.code, [])))


def _pick(counts: Counter[Division]) -> str | None:
    best = _best(counts)
    return best.name if best is not None else None
