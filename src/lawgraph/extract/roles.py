"""Which role each entity of an action clause plays, by where it stands around the predicate.

Before the verb, after 与/同/和/会同/联合 → partners (与X、Y建立…机制); after 在/于/赴 → the place (a place)
or what it acted on; after 对/向/为/将/把 → what it acted on; after 依托/通过/根据 … → what it works with or a
document it applies; after 被/由 → who gives (an award); after 代表 →
who acts (我代表X向大会报告工作); a coordinated group in subject position → the subject (X、Y成立…). After the
verb: partners right after a partner verb (联合X), a place after 在/于, a body or a place an establish verb
set up and a document an issue verb issued (``generated``), a document applied (落实《…》: ``used``), else
what it acted on. A place that only modifies a noun (解决制约新区…的困难) or ends a name or slogan
(建设平安黑龙江) is none of these. A pivot verb (组织, 指导 …) right before a body and another verb hands the
action on to that body (组织律师协会联合石化集团举办…).

:class:`RoleReader` reads the roles of one text; the agents are decided by
:mod:`lawgraph.extract.agents` from the subject it returns.

Examples
--------
>>> from lawgraph.extract.agents import AgentRules
>>> text = "与甲法院、乙检察院建立协作机制"
>>> ents = [EntityRef(1, 4, "organization", "甲法院"), EntityRef(5, 9, "organization", "乙检察院")]
>>> roles = Roles()
>>> verb = Predicate(9, 11, "建立", "establish", "建立", "建立")
>>> RoleReader(text, AgentRules("某县政府")).before(roles, ents, verb, 0, len(text), find_subject=True)
>>> roles.partners
['甲法院', '乙检察院']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from lawgraph.extract.agents import AgentRules, Subject
from lawgraph.extract.extensions import EntityRef

__all__ = ["PIVOT_VERBS", "Predicate", "RoleReader", "Roles", "add", "groups"]

_PARTNER_BEFORE = re.compile(r"(?:与|同|跟|和|联合|会同|协同|携手|配合|联手)$")
_PLACE_BEFORE = re.compile(r"(?:在|于|赴|到|深入|走进|进驻)$")
_OBJECT_BEFORE = re.compile(r"(?:对|向|为|给|将|把|帮助|推动|督促|指导|支持|协助)$")
_BY_BEFORE = re.compile(r"(?:被|由|得到|受到)$")
_MEANS_BEFORE = re.compile(r"(?:依托|通过|借助|利用|围绕|结合|按照|根据|依据|遵照|针对|面向|立足|聚焦|对标)$")
_FOR_BEFORE = re.compile(r"代表$")
_NAME_HEAD = re.compile(r"[\u4e00-\u9fff](?<![与和及同在于对向为把将])")
"""A CJK character right before a place after the verb makes the place the end of a name or slogan
(建设平安黑龙江, 打造“航运浙江”): the place is not what the action acts on."""
_FACILITY_AFTER = re.compile(
    r"(?![和及与并])(?:[A-Za-z]|[\u4e00-\u9fff]{0,4}?(?:机场|河|江|湖|港|湾|大道|路|大街|桥|站|学校|学院|大学"
    r"|医院|公园|生物城|科学城|新城|口岸|枢纽|码头))"
)
"""What makes a place right after the verb the start of a facility's name (璧山机场, 某国际生物城, 某CBD)."""
_COMPARISON = re.compile(r"相比|相较|比较|相当|一致|相同|同步")
_COORD_TAIL = re.compile(r"(?:、|和|及|以及)$")
_PARTNER_AFTER = re.compile(r"^(?:与|同|会同|联合|协同|携手|配合|联手)")
"""After a subject: the partners follow (``X与Y、Z建立…``), so the gap to the verb may be long."""
_COORD = re.compile(r"^(?:[、和及]|以及|、和)?$")
_PARTNER_VERBS = frozenset({"联合", "会同", "协同", "携手", "邀请", "特邀", "联手", "结对", "结对帮扶"})
_USE_VERBS = frozenset(
    {"落实", "贯彻", "贯彻落实", "执行", "实施", "施行", "执行好", "学习", "解读", "宣讲", "适用", "运用"}
)
_USE_BEFORE = re.compile(r"(?:落实|贯彻|执行|依据|按照|根据|遵照)[^，,；;]{0,4}$")
PIVOT_VERBS = frozenset({"组织", "指导", "督促", "推动", "引导", "支持", "鼓励", "要求", "动员", "协调"})
"""Verbs whose object, a body followed by another verb, does that verb's action (组织X召开…)."""


@dataclass(slots=True)
class Roles:
    """The keys an action names in each role, filled from where the entities stand."""

    agents: list[str] = field(default_factory=list)
    objects: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    generated: list[str] = field(default_factory=list)
    used: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    givers: list[str] = field(default_factory=list)
    """Bodies after 被/由: who gives an award."""


class Predicate(NamedTuple):
    """A clause's predicate: where it is written, its head verb, the head's type, and how it is written."""

    begin: int
    end: int
    word: str
    """The head verb of ``action_verbs.tsv`` (建立; 出台 of 推动出台)."""
    type: str
    text: str
    """The verb as written, with a light verb, an adverb or a support verb before it (成功创建, 推动出台)."""
    first: str
    """The verb of ``action_verbs.tsv`` that stands first (推动 of 推动出台, 联合 of 联合X开展)."""


def add(target: list[str], key: str) -> None:
    if key not in target:
        target.append(key)


def groups(ents: Sequence[EntityRef], text: str) -> list[list[EntityRef]]:
    """Coordinated runs of entities (X、Y和Z)."""
    groups: list[list[EntityRef]] = []
    for ent in ents:
        if groups and ent.begin >= groups[-1][-1].end and _COORD.match(text[groups[-1][-1].end : ent.begin]):
            prev = groups[-1][-1]
            if ent.begin == prev.end and prev.kind == "place" and ent.kind == "place":
                # 中川镇|元山村: one place written as a chain; it is the innermost place.
                groups[-1][-1] = EntityRef(prev.begin, ent.end, ent.kind, ent.key)
            else:
                groups[-1].append(ent)
        else:
            groups.append([ent])
    return groups


def _role_of(ent: EntityRef, role: list[str] | None, roles: Roles) -> list[str]:
    """Where an entity before the verb goes, given the role its lead word gives (``None``: none).

    A body or document after 在/于 is acted on, not a place (在区法院开庭); without a role word, acted on.
    """
    if role is None or (role is roles.places and ent.kind != "place"):
        return roles.objects
    if role is roles.givers and ent.kind != "organization":
        return roles.objects
    return role


class RoleReader:
    """Fills the roles of the entities of the clauses of one text (see the module docstring)."""

    def __init__(self, text: str, rules: AgentRules) -> None:
        self.text = text
        self.agent_rules = rules

    def before(
        self,
        roles: Roles,
        before: list[EntityRef],
        verb: Predicate,
        begin: int,
        end: int,
        *,
        find_subject: bool,
    ) -> Subject | None:
        """Fill the roles of the entities before the verb; return the clause's subject, if it names one.

        After 与/同/和 … partners, after 在/于/赴 … the place, after 对/向/为 … what is acted on, after 被/由
        who gives (an award); the first coordinated group in subject position is the subject (unless
        ``find_subject`` is false: a pivot already gave the agents); anything else is acted on.
        """
        text = self.text
        subject: Subject | None = None
        last_role: list[str] | None = None
        prev_end = begin
        for group in groups(before, text):
            lead = text[begin : group[0].begin]
            if last_role is not None and _COORD_TAIL.search(text[prev_end : group[0].begin]):
                # 与东莞松山湖、惠州惠阳区: a name the components missed breaks the run; 、 continues it.
                for e in group:
                    add(_role_of(e, last_role, roles), e.key)
                prev_end = group[-1].end
                continue
            prev_end = group[-1].end
            if _PARTNER_BEFORE.search(lead) and self._partner_gap(group, before, verb.begin, end):
                last_role = roles.partners
            elif _BY_BEFORE.search(lead):  # before 到: 受到X表彰
                last_role = roles.givers
            elif _PLACE_BEFORE.search(lead):
                last_role = roles.places
            elif _OBJECT_BEFORE.search(lead):
                last_role = roles.objects
            elif _MEANS_BEFORE.search(lead):
                # 依托X平台开展…, 根据《X》制定…: what it works with or applies, never its subject
                last_role = roles.used if group[0].kind == "document" else roles.objects
            elif _FOR_BEFORE.search(lead) and subject is None and find_subject:
                subject = self.agent_rules.subject(group)  # 我代表X向大会报告工作: X reports
                last_role = None
                continue
            elif subject is None and find_subject and self._subject_position(lead, group, verb.begin):
                subject = self.agent_rules.subject(group)
                last_role = None
                continue
            else:
                last_role = None
            for e in group:
                add(_role_of(e, last_role, roles), e.key)
        return subject

    def after(
        self,
        roles: Roles,
        after: list[EntityRef],
        verb: Predicate,
        verbs: Sequence[tuple[int, int, str, str]],
        end: int,
    ) -> tuple[list[str], int] | None:
        """Fill the roles of the entities after the verb; return a pivot's agents and where its action starts.

        A pivot verb (组织, 指导 …) right before an organization and another verb hands the action on to that
        organization (组织律师协会联合石化集团举办…). Otherwise: partners right after a partner verb (联合X),
        a place after 在/于, what an establish or issue verb generated, the documents applied (落实《…》),
        else what was acted on. A place that a 的 after it makes a modifier (解决制约新区…的困难), or that
        ends a name or slogan (建设平安黑龙江) is none of these: the object phrase keeps it.
        """
        text = self.text
        prev_end = verb.end
        partner_verb = verb.text in _PARTNER_VERBS or verb.word in _PARTNER_VERBS
        use_verb = verb.word in _USE_VERBS or verb.first in _USE_VERBS
        for gi, group in enumerate(groups(after, text)):
            gap = text[prev_end : group[0].begin]
            prev_end = group[-1].end
            if (
                gi == 0
                and verb.word in PIVOT_VERBS
                and gap == ""
                and group[0].kind == "organization"
                and any(v[0] >= group[-1].end for v in verbs)
            ):
                for e in group:
                    add(roles.objects, e.key)
                return [e.key for e in group], group[-1].end
            if group[0].kind == "place" and (
                text.find("的", group[-1].end, end) >= 0 or _NAME_HEAD.match(text, group[0].begin - 1)
            ) and group[0].begin > verb.end:
                continue
            if group[0].kind == "place" and text.startswith("全", group[0].begin):
                continue  # 打造全国首个…, 参与全国统一大市场建设: a scope, not what it acts on
            if group[0].kind == "place" and (
                text[group[0].begin - 1 : group[0].begin] in ("(", "（")
                or _FACILITY_AFTER.match(text, group[-1].end) is not None
            ):
                continue  # 推进璧山机场…, 开展龙岗河（坪山段）…: the place names a facility or a stretch
            for e in group:
                if gi == 0 and gap == "" and partner_verb:
                    add(roles.partners, e.key)
                elif _PLACE_BEFORE.search(gap) and e.kind == "place":
                    add(roles.places, e.key)
                elif (verb.type == "establish" and e.kind in ("organization", "place")) or (
                    verb.type == "issue" and e.kind == "document"
                ):
                    add(roles.generated, e.key)
                elif e.kind == "document" and (use_verb or _USE_BEFORE.search(gap)):
                    add(roles.used, e.key)
                else:
                    add(roles.objects, e.key)
        return None

    def _partner_gap(
        self, group: Sequence[EntityRef], before: Sequence[EntityRef], vbegin: int, end: int
    ) -> bool:
        """Whether 与X is a partner: X stands right before the verb, not in a comparison or a noun phrase."""
        nxt = min([e.begin for e in before if e.begin >= group[-1].end] + [vbegin])
        gap = self.text[group[-1].end : nxt]
        if len(gap) > 10 or "的" in gap:
            return False  # 与省委的部署要求…: X modifies a noun
        return not _COMPARISON.search(self.text, group[-1].end, end)

    def _subject_position(self, lead: str, group: Sequence[EntityRef], vbegin: int) -> bool:
        """Whether a group before the verb is the clause's subject (not a modifier inside a noun)."""
        lead = lead.strip()
        gap = self.text[group[-1].end : vbegin]
        if group[0].kind == "place":
            # A place is a subject only at the head of the clause, right before the verb (X村成功创建).
            return len(lead) <= 2 and len(gap) <= 4
        if group[0].kind not in ("organization",):
            return False
        if _PARTNER_AFTER.match(gap):
            # X与Y、Z建立…机制: X acts, however many partners stand between it and the verb.
            return len(lead) <= 6
        if gap.startswith("等"):
            # X、Y等23个龙头企业项目落地: 等 closes a list of subjects.
            return len(lead) <= 6 and len(gap) <= 22 and "的" not in gap
        return len(lead) <= 6 and len(gap) <= 8 and "的" not in gap
