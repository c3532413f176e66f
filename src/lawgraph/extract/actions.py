"""Actions: who did what, with whom, where and when, one per clause (component ``lawgraph_actions``).

Each sentence of the report is cut into clauses at ，；,; . A clause with a verb of ``data/action_verbs.tsv``
becomes one :class:`~lawgraph.model.Action`; a verb of the action-type scheme (establish, issue, sign …)
wins over a common verb outside it (推进, 落实 … typed ``other``). The entities the entity components found
in the clause (``doc.spans["organization"|"place"|"document"|"initiative"]``) fill its roles by where they
stand:

- before the verb, after 与/同/和/会同/联合 → partners (``与X、Y建立…机制``);
- right after a partner verb (联合, 会同, 邀请, 协同 …) → partners (``邀请X、Y召开…``);
- after 在/于/赴 → the place (a place) or what it acted on;
- after 对/向/为 → what it acted on (``对X实行委托管理``, ``向区人大报告工作``);
- other entities before the verb, in subject position → the clause's subject, coordinated with 、/和/及
  (``X、Y成立…``);
- after the verb: an organization created (establish) or a document issued (issue) is ``generated``, a
  document applied (落实, 贯彻, 执行, 依据 …) is ``used``, anything else is what it acted on.

A pivot verb (组织, 指导, 督促 …) followed by an organization and another verb gives a second action
(``组织律师协会联合石化集团举办…``). Who acts, from the subject, the pivot, the subject of an earlier clause
and the issuer, is decided in one place, :mod:`lawgraph.extract.agents`. A report verb with nothing to
report to is addressed to the report's addressee. Time is a date written in the clause or heading its sentence
(``2022年3月`` → ``2022-03``).

What is not a verb: a verb inside a 《》 title, a quotation or an entity's name, a verb after 的
(``…情况的报告``), and, when the Doc's tokens are known, a match that is not whole words of the segmenter
(``出具`` inside ``作出|具体``). 与X…相比 is a comparison, not a partnership. Companies that settle
(落户, 落地, 签约 …) in a clause with no place settle in the zone named at the head of the sentence.

Examples
--------
>>> acts = actions_from_text("成立行政复议委员会，受理案件39件。", issuer="某县人民政府")
>>> [(a.verb, a.type, a.agents) for a in acts]
[('成立', 'establish', ('某县人民政府',)), ('受理', 'handle_cases', ('某县人民政府',))]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from lawgraph.extract.agents import AgentRules, Subject
from lawgraph.extract.component import LexiconComponent
from lawgraph.extract.data import Lexicon, package_text, parse_lines
from lawgraph.extract.extensions import EntityRef, doc_entities, register_extensions
from lawgraph.extract.numbers import trie_pattern
from lawgraph.extract.tokens import token_boundaries, token_starts
from lawgraph.model import Action, Evidence, Sentence

__all__ = [
    "ACTION_TYPES",
    "ActionFinder",
    "make_action_finder",
    "load_verbs",
    "find_actions",
    "actions_from_text",
    "ActionVerbs",
    "parse_verbs",
]

ACTION_TYPES: tuple[str, ...] = (
    "establish",
    "issue",
    "sign",
    "cooperate",
    "organize",
    "train",
    "appoint",
    "handle_cases",
    "review",
    "entrust",
    "award",
    "discipline",
    "invite",
    "report",
    "other",
)
"""Local names of the action-type concepts (``act:<type>`` in the ontology)."""

# A clause: the text between ，；,; and the sentence's ends, without surrounding blanks and end marks.
_CLAUSE = re.compile(r"[^，,；;\s　。！？!?](?:[^，,；;]*[^，,；;\s　。！？!?])?")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_TITLE = re.compile(r"《[^《》\n]{1,120}》")
_QUOTE = re.compile(r"“[^“”\n]{1,40}”")
_DATE = re.compile(r"((?:19|20)\d{2})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?")
_LIGHT_PREFIX = frozenset({"实行", "进行", "成功"})
"""Two-character light verbs and adverbs kept with the verb they lead (实行委托管理, 成功创建)."""
_PARTNER_BEFORE = re.compile(r"(?:与|同|跟|和|联合|会同|协同|携手|配合|联手)$")
_PLACE_BEFORE = re.compile(r"(?:在|于|赴|到|深入|走进|进驻)$")
_OBJECT_BEFORE = re.compile(r"(?:对|向|为|给|将|把|帮助|推动|督促|指导|支持|协助)$")
_SETTLE_VERBS = frozenset({"落地", "落户", "签约", "入驻", "进驻", "集聚", "投产", "开工"})
_COMPARISON = re.compile(r"相比|相较|比较|相当|一致|相同|同步")
_COORD_TAIL = re.compile(r"(?:、|和|及|以及)$")
_PARTNER_AFTER = re.compile(r"^(?:与|同|会同|联合|协同|携手|配合|联手)")
"""After a subject: the partners follow (``X与Y、Z建立…``), so the gap to the verb may be long."""
_COORD = re.compile(r"^(?:[、和及]|以及|、和)?$")
_PARTNER_VERBS = frozenset({"联合", "会同", "协同", "携手", "邀请", "特邀", "联手", "结对", "结对帮扶"})
_USE_VERBS = frozenset(
    {
        "落实",
        "贯彻",
        "贯彻落实",
        "执行",
        "依据",
        "按照",
        "根据",
        "遵照",
        "实施",
        "执行好",
        "学习",
        "解读",
        "宣讲",
        "适用",
        "运用",
    }
)
_USE_BEFORE = re.compile(r"(?:落实|贯彻|执行|依据|按照|根据|遵照)[^，,；;]{0,4}$")
_PIVOT_VERBS = frozenset({"组织", "指导", "督促", "推动", "引导", "支持", "鼓励", "要求", "动员", "协调"})


def parse_verbs(lines: Iterable[str]) -> dict[str, str]:
    """``{verb: type}`` from the lines of ``action_verbs.tsv`` (``VERB<TAB>TYPE``; ``other`` when missing).

    The first line of a verb wins. A type outside :data:`ACTION_TYPES` is an error of the file.
    """
    verbs: dict[str, str] = {}
    for line in lines:
        verb, _, kind = line.partition("\t")
        kind = kind.strip() or "other"
        if kind not in ACTION_TYPES:
            raise ValueError(f"action_verbs.tsv: unknown action type {kind!r} for {verb!r}")
        verbs.setdefault(verb.strip(), kind)
    return verbs


def load_verbs() -> dict[str, str]:
    """The action verbs of the package's ``extract/data/action_verbs.tsv``, ``{verb: type}``.

    >>> load_verbs()["印发"], load_verbs()["邀请"], load_verbs()["落实"]
    ('issue', 'invite', 'other')
    """
    return parse_verbs(parse_lines(package_text("action_verbs.tsv")))


@dataclass(frozen=True, slots=True)
class ActionVerbs:
    """The action verbs with their types, and one pattern that finds them (a trie: see ``trie_pattern``)."""

    types: Mapping[str, str]
    """``{verb: action type}``."""
    pattern: re.Pattern[str]

    @classmethod
    def of(cls, types: Mapping[str, str]) -> ActionVerbs:
        """The verbs ``types`` (``{verb: type}``) with their pattern compiled."""
        return cls(dict(types), re.compile(trie_pattern(types)))


@dataclass(slots=True)
class _Roles:
    agents: list[str]
    objects: list[str]
    partners: list[str]
    generated: list[str]
    used: list[str]
    places: list[str]


def _add(target: list[str], key: str) -> None:
    if key not in target:
        target.append(key)


def _groups(ents: Sequence[EntityRef], text: str) -> list[list[EntityRef]]:
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


def _role_of(ent: EntityRef, role: list[str] | None, roles: _Roles) -> list[str]:
    """Where an entity before the verb goes, given the role its lead word gives (``None``: none).

    A body or document after 在/于 is acted on, not a place (在区法院开庭); without a role word, acted on.
    """
    if role is None or (role is roles.places and ent.kind != "place"):
        return roles.objects
    return role


class _Verb(NamedTuple):
    """A clause's main verb: where it stands (with a light verb before it), the verb, its type, as written."""

    begin: int
    end: int
    word: str
    """The verb of ``action_verbs.tsv`` (建立)."""
    type: str
    text: str
    """The verb as written, with a light verb or adverb before it (成功创建)."""


def _with_object(action: Action, key: str) -> Action:
    return replace(action, objects=(*action.objects, key))


def _time(text: str) -> str | None:
    match = _DATE.search(text)
    if not match:
        return None
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12:
        return year
    if day and not 1 <= int(day) <= 31:
        day = None
    return "-".join([year] + [f"{int(p):02d}" for p in (month, day) if p])


class _Finder:
    """Finds the actions of one text; holds the sorted entities, verbs and masks."""

    def __init__(
        self,
        text: str,
        entities: Sequence[EntityRef],
        *,
        issuer: str | None,
        area: str | None,
        addressee: str | None,
        boundaries: tuple[Collection[int], Collection[int]] | None = None,
        verbs: ActionVerbs,
    ) -> None:
        self.text = text
        self.entities = sorted(entities, key=lambda e: (e.begin, -e.end))
        self.ent_starts = [e.begin for e in self.entities]
        self.agent_rules = AgentRules(issuer, area)
        self.addressee = addressee
        # Verbs inside a title, a quotation or a name are not verbs of the clause: mark those characters.
        mask = bytearray(len(text))
        for pattern in (_TITLE, _QUOTE):
            for m in pattern.finditer(text):
                mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        for e in self.entities:
            mask[e.begin : e.end] = b"\x01" * (e.end - e.begin)
        kinds, verb_pattern = verbs.types, verbs.pattern
        found: list[tuple[int, int, str, str]] = []
        starts = None
        if boundaries is not None:  # a set already (token_starts) is used as it is
            starts = boundaries[0] if isinstance(boundaries[0], (set, frozenset)) else set(boundaries[0])
        ends = set(boundaries[1]) if boundaries is not None else None
        for m in verb_pattern.finditer(text):
            vb, ve = m.span()
            if mask[vb] and mask[ve - 1]:
                continue
            if vb > 0 and text[vb - 1] == "的":
                continue  # after 的 a verb is a noun (…情况的报告, 工作的开展)
            if starts is not None and ends is not None and (vb not in starts or ve not in ends):
                continue  # not whole words of the segmenter: 出具 inside 作出|具体
            word = m.group()
            found.append((vb, ve, word, kinds[word]))
        self.verbs = found
        self.verb_starts = [v[0] for v in found]

    def _ents_in(self, begin: int, end: int) -> list[EntityRef]:
        i = bisect.bisect_left(self.ent_starts, begin)
        out: list[EntityRef] = []
        last_end = -1
        while i < len(self.entities) and self.entities[i].begin < end:
            ent = self.entities[i]
            if ent.end <= end and ent.begin >= last_end:  # outermost mention of nested ones
                out.append(ent)
                last_end = ent.end
            i += 1
        return out

    def _verbs_in(self, begin: int, end: int) -> list[tuple[int, int, str, str]]:
        lo = bisect.bisect_left(self.verb_starts, begin)
        hi = bisect.bisect_left(self.verb_starts, end)
        return [v for v in self.verbs[lo:hi] if v[1] <= end]

    @staticmethod
    def _main_verb(verbs: Sequence[tuple[int, int, str, str]]) -> tuple[int, int, str, str] | None:
        for v in verbs:
            if v[3] != "other":
                return v
        return verbs[0] if verbs else None

    def clause_actions(
        self,
        begin: int,
        end: int,
        sentence: Sentence,
        carried: list[str],
        pivot: list[str] | None = None,
        *,
        verbs: list[tuple[int, int, str, str]] | None = None,
        ents: list[EntityRef] | None = None,
    ) -> tuple[list[Action], list[str]]:
        """The actions of the clause ``text[begin:end]`` and the subject it leaves to the next clause.

        ``carried`` is the subject an earlier clause of the sentence left; ``pivot`` the agents a pivot verb
        hands this clause (组织X…: X). ``verbs`` and ``ents`` are the clause's, when the caller has them.
        """
        if verbs is None:
            verbs = self._verbs_in(begin, end)
        main = self._main_verb(verbs)
        if main is None:
            return [], carried
        verb = self._head(main, begin)
        if ents is None:
            ents = self._ents_in(begin, end)
        if not ents and pivot is None:
            # Most clauses name no entity: only the agent, the time and the evidence to fill.
            return [self._bare_action(verb, begin, end, sentence, carried)], carried
        roles = _Roles([], [], [], [], [], [])
        before = [e for e in ents if e.end <= verb.begin]
        after = [e for e in ents if e.begin >= verb.end]
        subject = self._roles_before(roles, before, verb, begin, end, find_subject=pivot is None)
        roles.agents = self.agent_rules.agents(subject=subject, pivot=pivot, carried=carried)
        handed_on = self._roles_after(roles, after, verb, verbs)
        action = self._action(verb, roles, ents, after, begin, end, sentence)
        out = [action]
        if handed_on is not None:
            sub, _ = self.clause_actions(handed_on[1], end, sentence, carried, handed_on[0])
            out.extend(sub)
        return out, self.agent_rules.carried_after(subject, roles.agents, carried)

    def _head(self, verb: tuple[int, int, str, str], begin: int) -> _Verb:
        """The clause's main verb, with a light verb or adverb before it kept (实行委托管理, 成功创建)."""
        vbegin, vend, word, vtype = verb
        text = self.text
        if vbegin - 2 >= begin and text[vbegin - 2 : vbegin] in _LIGHT_PREFIX:
            return _Verb(vbegin - 2, vend, word, vtype, text[vbegin - 2 : vbegin] + word)
        return _Verb(vbegin, vend, word, vtype, word)

    def _bare_action(
        self, verb: _Verb, begin: int, end: int, sentence: Sentence, carried: list[str]
    ) -> Action:
        """The action of a clause that names no entity."""
        text = self.text
        objects = (self.addressee,) if verb.type == "report" and self.addressee else ()
        vtype = verb.type
        if verb.word == "建立" and text.find("机制", verb.end, end) >= 0:
            vtype = "cooperate"
        return Action(
            verb=verb.text,
            type=vtype,
            agents=tuple(self.agent_rules.agents(subject=None, pivot=None, carried=carried)),
            evidence=Evidence(begin, end, sentence.begin, sentence.end),
            objects=objects,
            time=_time(text[begin:end]) if "年" in text[begin:end] else None,
            section=sentence.section,
        )

    def _roles_before(
        self, roles: _Roles, before: list[EntityRef], verb: _Verb, begin: int, end: int, *, find_subject: bool
    ) -> Subject | None:
        """Fill the roles of the entities before the verb; return the clause's subject, if it names one.

        After 与/同/和 … partners, after 在/于/赴 … the place, after 对/向/为 … what is acted on; the first
        coordinated group in subject position is the subject (unless ``find_subject`` is false: a pivot
        already gave the agents); anything else is acted on.
        """
        text = self.text
        subject: Subject | None = None
        last_role: list[str] | None = None
        prev_end = begin
        for group in _groups(before, text):
            lead = text[begin : group[0].begin]
            if last_role is not None and _COORD_TAIL.search(text[prev_end : group[0].begin]):
                # 与东莞松山湖、惠州惠阳区: a name the components missed breaks the run; 、 continues it.
                for e in group:
                    _add(_role_of(e, last_role, roles), e.key)
                prev_end = group[-1].end
                continue
            prev_end = group[-1].end
            if _PARTNER_BEFORE.search(lead) and self._partner_gap(group, before, verb.begin, end):
                last_role = roles.partners
            elif _PLACE_BEFORE.search(lead):
                last_role = roles.places
            elif _OBJECT_BEFORE.search(lead):
                last_role = roles.objects
            elif subject is None and find_subject and self._subject_position(lead, group, verb.begin):
                subject = self.agent_rules.subject(group)
                last_role = None
                continue
            else:
                last_role = None
            for e in group:
                _add(_role_of(e, last_role, roles), e.key)
        return subject

    def _roles_after(
        self, roles: _Roles, after: list[EntityRef], verb: _Verb, verbs: list[tuple[int, int, str, str]]
    ) -> tuple[list[str], int] | None:
        """Fill the roles of the entities after the verb; return a pivot's agents and where its action starts.

        A pivot verb (组织, 指导 …) right before an organization and another verb hands the action on to that
        organization (组织律师协会联合石化集团举办…). Otherwise: partners right after a partner verb (联合X),
        a place after 在/于, what an establish or issue verb generated, the documents applied (落实《…》),
        else what was acted on.
        """
        text = self.text
        prev_end = verb.end
        partner_verb = verb.text in _PARTNER_VERBS or verb.word in _PARTNER_VERBS
        use_verb = verb.word in _USE_VERBS
        for gi, group in enumerate(_groups(after, text)):
            gap = text[prev_end : group[0].begin]
            prev_end = group[-1].end
            if (
                gi == 0
                and verb.word in _PIVOT_VERBS
                and gap == ""
                and group[0].kind == "organization"
                and any(v[0] >= group[-1].end for v in verbs)
            ):
                for e in group:
                    _add(roles.objects, e.key)
                return [e.key for e in group], group[-1].end
            for e in group:
                if gi == 0 and gap == "" and partner_verb:
                    _add(roles.partners, e.key)
                elif _PLACE_BEFORE.search(gap) and e.kind == "place":
                    _add(roles.places, e.key)
                elif (verb.type == "establish" and e.kind == "organization") or (
                    verb.type == "issue" and e.kind == "document"
                ):
                    _add(roles.generated, e.key)
                elif e.kind == "document" and (use_verb or _USE_BEFORE.search(gap)):
                    _add(roles.used, e.key)
                else:
                    _add(roles.objects, e.key)
        return None

    def _action(
        self,
        verb: _Verb,
        roles: _Roles,
        ents: list[EntityRef],
        after: list[EntityRef],
        begin: int,
        end: int,
        sentence: Sentence,
    ) -> Action:
        """The clause's action from its filled roles: the type settled, the addressee of a report added."""
        vtype = verb.type
        mechanism = roles.partners or self.text.find("机制", verb.end, end) >= 0
        if vtype == "establish" and verb.word == "建立" and mechanism:
            vtype = "cooperate"
        if vtype == "discipline" and any(e.kind == "document" for e in after):
            vtype = "other"  # 动态调整《权责清单》 adjusts a document; it disciplines nobody
        named = (e for e in ents if e.key in roles.objects or e.key in roles.partners)
        if vtype == "report" and self.addressee and not any(e.kind == "organization" for e in named):
            roles.objects.append(self.addressee)  # a report to nobody named goes to the addressee
        for k in roles.agents:  # an agent is not also its own partner or object
            for role in (roles.partners, roles.objects):
                if k in role:
                    role.remove(k)
        return Action(
            verb=verb.text,
            type=vtype,
            agents=tuple(roles.agents),
            evidence=Evidence(begin, end, sentence.begin, sentence.end),
            objects=tuple(roles.objects),
            partners=tuple(roles.partners),
            generated=tuple(roles.generated),
            used=tuple(roles.used),
            places=tuple(roles.places),
            time=_time(self.text[begin:end]),
            section=sentence.section,
        )

    def _topic(self, ents: Sequence[EntityRef], sentence: Sentence) -> EntityRef | None:
        """A place named at the head of the sentence (the topic later clauses may refer to)."""
        if not ents or ents[0].kind != "place":
            return None
        if self.text[sentence.begin : ents[0].begin].strip():
            return None
        return ents[0]

    def _partner_gap(
        self, group: Sequence[EntityRef], before: Sequence[EntityRef], vbegin: int, end: int
    ) -> bool:
        """Whether 与X is a partner: X stands right before the verb, not in a comparison or a noun phrase."""
        nxt = min([e.begin for e in before if e.begin >= group[-1].end] + [vbegin])
        gap = self.text[group[-1].end : nxt]
        if len(gap) > 6 or "的" in gap:
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
            return len(lead) <= 6 and len(gap) <= 20 and "的" not in gap
        return len(lead) <= 6 and len(gap) <= 8 and "的" not in gap

    def sentence_actions(self, sentence: Sentence) -> list[Action]:
        """The actions of one sentence, clause by clause."""
        lo = bisect.bisect_left(self.verb_starts, sentence.begin)
        hi = bisect.bisect_left(self.verb_starts, sentence.end)
        if lo == hi:
            return []
        text = self.text
        verbs = self.verbs[lo:hi]
        ents = self._ents_in(sentence.begin, sentence.end)
        topic = self._topic(ents, sentence)
        out: list[Action] = []
        carried: list[str] = []
        when: str | None = None
        vi = ei = 0
        n_verbs, n_ents = len(verbs), len(ents)
        for m in _CLAUSE.finditer(text, sentence.begin, sentence.end):
            if vi == n_verbs:
                break  # no verb left: the clauses after the last one hold no action
            begin, end = m.span()
            while vi < n_verbs and verbs[vi][0] < begin:
                vi += 1
            vj = vi
            while vj < n_verbs and verbs[vj][0] < end:
                vj += 1
            if vj == vi:
                if text.find("年", begin, end) >= 0:
                    when = _time(text[begin:end]) or when
                continue
            clause_verbs = [v for v in verbs[vi:vj] if v[1] <= end]
            vi = vj
            while ei < n_ents and ents[ei].begin < begin:
                ei += 1
            ej = ei
            while ej < n_ents and ents[ej].begin < end:
                ej += 1
            clause_ents = [e for e in ents[ei:ej] if e.end <= end] if ej > ei else []
            ei = ej
            acts, carried = self.clause_actions(
                begin, end, sentence, carried, verbs=clause_verbs, ents=clause_ents
            )
            if topic is not None and begin > topic.end:
                # 某园区初具规模，A、B等企业落户: they settle in the sentence's topic.
                acts = [
                    a if a.verb not in _SETTLE_VERBS or a.objects or a.places else _with_object(a, topic.key)
                    for a in acts
                ]
            for k, act in enumerate(acts):
                # A date heading the sentence (2023年3月，召开…，部署…) dates its later clauses too.
                if act.time:
                    when = act.time
                elif when:
                    acts[k] = replace(act, time=when)
            out.extend(acts)
        return out


def find_actions(
    text: str,
    *,
    sentences: Sequence[Sentence] | None = None,
    entities: Sequence[EntityRef] = (),
    issuer: str | None = None,
    area: str | None = None,
    addressee: str | None = None,
    boundaries: tuple[Collection[int], Collection[int]] | None = None,
    verbs: ActionVerbs | None = None,
) -> list[Action]:
    """Every action of ``text``, one per clause with a verb, in text order.

    Parameters
    ----------
    text : str
        The report's normalized text.
    sentences : sequence of Sentence, optional
        ``Report.sentences``; split on 。！？ and line breaks when not given.
    entities : sequence of EntityRef
        The entity mentions found by the entity components (keys are canonical names).
    issuer : str, optional
        Key of the issuing organization, the agent of subjectless clauses.
    area : str, optional
        The issuer's own area (``兰州新区``): as a subject it stands for the issuer.
    addressee : str, optional
        Key of the addressee, the object of a report verb with nothing else to report to.
    boundaries : (collection of int, collection of int), optional
        The offsets where words start and end (from the Doc's tokens, e.g.
        :func:`~lawgraph.extract.tokens.token_starts` and ``token_boundaries(doc)[1]``); a verb must start
        and end on them. Without it, any occurrence of a verb counts.
    verbs : ActionVerbs, optional
        The verbs to find (the component's); the package's ``action_verbs.tsv`` when not given.
    """
    if not sentences:
        sentences = [Sentence(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
    if verbs is None:
        verbs = ActionVerbs.of(load_verbs())
    finder = _Finder(
        text, entities, issuer=issuer, area=area, addressee=addressee, boundaries=boundaries, verbs=verbs
    )
    out: list[Action] = []
    for sentence in sentences:
        out.extend(finder.sentence_actions(sentence))
    return out


def actions_from_text(
    text: str, *, entities: Sequence[EntityRef] = (), issuer: str | None = None
) -> list[Action]:
    """Actions of a bare text; a convenience for tests and notebooks."""
    return find_actions(text, entities=entities, issuer=issuer)


def _issuer(doc: Doc) -> tuple[str | None, str | None, str | None]:
    ctx = doc._.lg_context if Doc.has_extension("lg_context") else None
    if ctx is not None:
        return ctx.issuer, ctx.area, ctx.addressee
    report = doc._.report
    if report is not None and report.meta.issuer:
        return report.meta.issuer, None, None
    return None, None, None


class ActionFinder(LexiconComponent):
    """The ``lawgraph_actions`` component: sets ``doc._.lg_actions`` (its verbs: ``action_verbs.tsv``)."""

    files = ("action_verbs.tsv",)

    def build(self, lexicon: Lexicon) -> None:
        """Read the verbs of ``lexicon``."""
        self.verbs = ActionVerbs.of(parse_verbs(lexicon.lines("action_verbs.tsv")))

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.lg_actions`` and return ``doc``."""
        issuer, area, addressee = _issuer(doc)
        report = doc._.report
        # doc.text rebuilds the string from every token; the report holds the same string.
        text = report.text if report is not None else doc.text
        doc._.lg_actions = find_actions(
            text,
            sentences=report.sentences if report is not None else None,
            entities=doc_entities(doc),
            issuer=issuer,
            area=area,
            addressee=addressee,
            boundaries=(token_starts(doc, len(text)), token_boundaries(doc)[1]),
            verbs=self.verbs,
        )
        return doc


@Language.factory(
    "lawgraph_actions",
    assigns=["doc._.lg_actions"],
    requires=["doc.spans", "doc._.lg_context"],
)
def make_action_finder(nlp: Language, name: str) -> ActionFinder:
    """Build the ``lawgraph_actions`` component (runs after the entity components)."""
    register_extensions()
    return ActionFinder(name)
