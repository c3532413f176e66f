"""Organization mentions read from the whole text, around what the left-to-right scan finds.

- a short form that ends a body named before (复议委员会 after 兰州新区行政复议委员会: :class:`SuffixIndex`,
  :func:`suffix_coref`);
- a bare name resolved once the whole text is read (检察院 → the report's own, or the nearest named before:
  :class:`Pending`, :func:`resolve_pending`);
- enterprises listed before 等 + a count + a list noun (星河电子、蓝海科技等12家企业:
  :func:`listed_enterprises`);
- a department's report naming itself (我厅, 本局: :func:`self_references`).

:class:`OrgMatch` is what every reading gives: offsets, canonical name, class and parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawgraph.extract.org_walk import CJK, NameWalker
from lawgraph.model import ReportContext

__all__ = [
    "OrgMatch",
    "Pending",
    "SuffixIndex",
    "listed_enterprises",
    "resolve_pending",
    "self_references",
    "suffix_coref",
]


@dataclass(frozen=True, slots=True)
class OrgMatch:
    """One organization mention: offsets into the text, canonical name, class and parent."""

    begin: int
    end: int
    key: str
    cls: str
    parent: str | None = None
    area: str | None = None
    """The area prefix the name was written with, expanded (新区法院 → 兰州新区), when it has one."""


class SuffixIndex:
    """Every ending (three characters or more) of the names found so far → the latest such body."""

    def __init__(self, found: list[OrgMatch]) -> None:
        self.found = found
        self.seen = 0
        self.ends: dict[str, OrgMatch] = {}

    def lookup(self, tail: str) -> OrgMatch | None:
        while self.seen < len(self.found):
            org = self.found[self.seen]
            self.seen += 1
            if org.parent is None:
                for i in range(len(org.key) - 2):
                    self.ends[org.key[i:]] = org
        return self.ends.get(tail)


def suffix_coref(text: str, start: int, end: int, index: SuffixIndex, floor: int) -> OrgMatch | None:
    """A short form that ends a body already named: 复议委员会 after 兰州新区行政复议委员会."""
    for size in range(min(6, start - floor), 1, -1):
        head = text[start - size : start]
        if not all(CJK.match(c) for c in head):
            continue
        org = index.lookup(head + text[start:end])
        if org is not None:
            return OrgMatch(start - size, end, org.key, org.cls)
    return None


# "奇安信、东华软件等23个龙头企业": the names listed before 等 + a count + 企业/公司/产业项目 are enterprises.
_LIST_CLAUSE = re.compile(r"(?:[\u4e00-\u9fffA-Za-z]{2,10}、){0,12}[\u4e00-\u9fffA-Za-z]{2,10}$")
_COMMON_WORD_TAGS = frozenset({"n", "v", "vn", "a", "an"})
_NOT_NAME_HEAD = frozenset(
    {"v", "vn", "p", "d", "ad", "c", "a", "u", "vd", "ul", "uj", "uz", "ug", "uv", "y", "r"}
)


# 我厅, 本局, 我委: a department's report naming itself (not 基本局面, 成本, 日本).
_SELF = re.compile(r"(?<![基根资成日版样剧文范脚课账自])[我本](厅|局|委|院|办|署)(?![长属级内面势部员])")
_SELF_ENDINGS = {"厅": ("厅",), "局": ("局",), "委": ("委员会", "委"), "院": ("院",), "办": ("办公室", "办"),
                 "署": ("署",)}


def self_references(text: str, floor: int, ctx: ReportContext, found: list[OrgMatch]) -> list[OrgMatch]:
    """我厅 / 本局 in a report whose issuer is a 厅 / 局: mentions of the issuer."""
    issuer = next((body for body in ctx.bodies if body[0] == ctx.issuer), None)
    if issuer is None:
        return []
    key, cls, parent = issuer
    spans = [(o.begin, o.end) for o in found]
    out = []
    for match in _SELF.finditer(text, floor):
        begin, end = match.span()
        if key.endswith(_SELF_ENDINGS[match.group(1)]) and not any(b < end and begin < e for b, e in spans):
            out.append(OrgMatch(begin, end, key, cls, parent))
    return out


@dataclass(slots=True)
class Pending:
    """A mention without an area prefix, resolved once the whole text has been read."""

    begin: int
    end: int
    tail: str
    """modifier + full core (复议委员会), matched against the ends of other names."""
    cls: str
    fallback: str | None
    """The name when no fuller name in the report ends with ``tail``."""


def resolve_pending(pending: list[Pending], found: list[OrgMatch], ctx: ReportContext) -> list[OrgMatch]:
    """Bare names (检察院, 律师协会): the report's own body of that name, else the nearest one named before,
    else the fallback (the own area's body), else nothing."""
    out = []
    keys = {o.key for o in found}
    for item in pending:
        own = (ctx.own_prefix or "") + item.tail
        if own in keys:
            key: str | None = own
        else:
            fuller = [o for o in found if o.key.endswith(item.tail) and o.key != item.tail]
            before = [o.key for o in fuller if o.end <= item.begin]
            after = [o.key for o in fuller if o.begin >= item.end]
            key = before[-1] if before else after[0] if after else item.fallback
        if key is not None:
            out.append(OrgMatch(item.begin, item.end, key, item.cls))
    return out


def listed_enterprises(walker: NameWalker, text: str, floor: int, found: list[OrgMatch]) -> list[OrgMatch]:
    """奇安信、东华软件等23个龙头企业: names listed before 等 + a count + a list noun are enterprises; in a
    list of foreign-invested projects, after the investor's country (韩国甲、美国乙等外资项目)."""
    taken = {(o.begin, o.end) for o in found}
    spans = [(o.begin, o.end) for o in found]
    out = []
    for tail in walker.words.list_tail.finditer(text, floor):
        if not walker.is_word(text, tail.start(), tail.start() + 1, floor):
            continue  # 依法平等保护民营企业: 等 of 平等
        lo = max(floor, tail.start() - 140)
        match = _LIST_CLAUSE.search(text, lo, tail.start())
        if match is None:
            continue
        items = match.group(0).split("、")
        pos = match.start()
        foreign = "外资" in tail.group(0)
        listed: list[OrgMatch] = []
        for i, item in enumerate(items):
            begin = pos
            pos += len(item) + 1
            country = False
            if i == 0 or foreign:  # the first item may follow a verb: 引进奇安信
                words = walker.tag(item)
                while words and words[0][1] in _NOT_NAME_HEAD and len(words) > 1 and i == 0:
                    begin += len(words[0][0])
                    words = words[1:]
                if foreign and len(words) > 1 and words[0][1] == "ns" and len(item) - len(words[0][0]) >= 2:
                    begin += len(words[0][0])  # 外资项目 listed with the investor's country: 韩国 + the firm
                    words = words[1:]
                    country = True
                item = "".join(w for w, _t in words)
            end = begin + len(item)
            if (
                len(item) < 2
                or walker.words.list_generic_item.search(item)
                or walker.words.generic_head.search(item)
                or (len(item) == 2 and not country and walker.tag(item)[0][1] in _COMMON_WORD_TAGS)
            ):  # 食品、制药等企业: one kind of enterprise listed makes the whole list kinds
                listed = []
                break
            if (begin, end) in taken or any(b < end and begin < e for b, e in spans):
                continue
            listed.append(OrgMatch(begin, end, item, "Enterprise"))
        out.extend(listed)
    return out
