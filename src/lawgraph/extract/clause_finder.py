"""The actions of one text, clause by clause: the finder behind :func:`lawgraph.extract.actions.find_actions`.

:class:`ClauseFinder` holds one text with its entities and verbs. For each sentence it cuts clauses at
，；,; (and at a 、 that starts another predicate), finds each clause's predicate and object phrase (the
grammar: :mod:`lawgraph.extract.clauses`), fills the roles (:mod:`lawgraph.extract.roles`), asks
:mod:`lawgraph.extract.agents` who acts, and keeps the clause as an :class:`~lawgraph.model.Action` only when
it says what it acts on. What a clause hands to the next one (its subject, a document 根据 names, a date) is a
:class:`SentenceState`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from lawgraph.extract.agents import UNKNOWN, AgentRules, Subject
from lawgraph.extract.clauses import (
    MARKS,
    MAX_OBJECT_TEXT,
    inside_prep_phrase,
    is_generic,
    is_goal,
    is_state,
    is_statistic,
    object_phrase,
    object_text,
)
from lawgraph.extract.extensions import EntityRef
from lawgraph.extract.roles import Predicate, RoleReader, Roles, add, groups
from lawgraph.extract.status import StatusReader
from lawgraph.extract.verbs import ActionVerbs
from lawgraph.model import Action, Evidence, Sentence

__all__ = ["ClauseFinder", "SentenceState"]

# A clause: the text between ，；,; and the sentence's ends, without surrounding blanks and end marks.
_CLAUSE = re.compile(r"[^，,；;\s　。！？!?](?:[^，,；;]*[^，,；;\s　。！？!?])?")
_TITLE = re.compile(r"《[^《》\n]{1,120}》")
_QUOTE = re.compile(r"“[^“”\n]{1,40}”")
_DATE = re.compile(r"((?:19|20)\d{2})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?")
_LIGHT_PREFIX = frozenset({"实行", "进行", "成功"})
"""Two-character light verbs and adverbs kept with the verb they lead (实行委托管理, 成功创建)."""
_PURPOSE_NEXT = re.compile(r"\s*(?:要|必须|需要|就要|务必)")
"""The head of a clause after one that states a purpose (做好政府工作，要…)."""
_PRONOUNS = frozenset({"你们", "您", "你", "其", "他们", "大家"})
_HELD_OBJECT = re.compile(r"(?:对|将|把)([^，,；;的]{2,25}?)(?:进行|予以|给予|实行|作出)?$")
"""What 对/将/把 put before a verb that has nothing after it (对3名干部予以调整)."""
_SETTLE_VERBS = frozenset({"落地", "落户", "签约", "入驻", "进驻", "集聚", "投产", "开工"})
_GIVER_VERBS = frozenset({"命名", "表彰", "授予", "确定为", "列为", "评定为"})
"""Award verbs whose subject gives the award (X授予Y…称号); with the others the subject receives it."""
_ACHIEVER_KINDS = frozenset({"organization", "place"})
"""Who may be the agent of an honour it achieved (X入选…): a body or a place, never a document."""
_HONOUR_KINDS = frozenset({"document", "initiative"})
"""What an honour achieved acts on: the list or programme it names (入选《…名单》); a place or a body after
the verb is part of the title's name (入选广东省…示范区)."""
_HANDING_PARTNER_VERBS = frozenset({"联合", "会同", "协同", "携手", "联手"})
"""Partner verbs that hand the action to a verb after their partners (会同X、Y联合印发…)."""
_ENTS = "[\ue000-\ue003]"
_GROUP = f"{_ENTS}(?:(?:、|和|及|以及|及其|与|同)?{_ENTS})*"
_LED_BY = re.compile(
    r"在([^，,；;]{1,40}?)(?:的)?(?:坚强|正确|有力|大力|亲切|高度|全力|悉心|有效)?"
    r"((?:领导|指导|监督|支持|关心|帮助|关怀|重视)(?:(?:和|与|、|及)?(?:领导|指导|监督|支持|关心|帮助|关怀|重视))*)下"
)
"""在省委坚强领导下, 在省人大、省政协监督支持下: the bodies named act on the report's issuer."""
_BASED_ON = re.compile(
    rf"(?:根据|依据|按照|遵照|依照|对照|贯彻|落实)({_GROUP})(?:的)?(?:要求|精神|部署|规定|安排)?"
)
"""根据《…建议》, a clause of its own: the documents are used by the sentence's next action."""
_MARK_CHARS = frozenset(MARKS.values())
_JOINT_MECHANISM = re.compile(r"(?:协作|协调|联动|合作|对接|联席|会商|共享|衔接)[^，,；;]{0,6}机制")
"""建立协作机制 builds a cooperation; 建立涉企问题解决机制, with no partner, establishes a mechanism."""
_RUN_IN_MAX = 12
"""The longest run-in heading (a short first sentence a paragraph goes on after: 加强队伍建设。…)."""
_PASSIVE_MARK = re.compile(r"被|得到|受到")
_WHOLE_AREA = re.compile(r"全(?:省|市|区|县|州|盟|旗)上下")
"""全省上下…: the whole area acts, people and government, not the government alone."""
_SPEAKS_FOR = re.compile(rf"(?:现在)?我?代表{_GROUP}")
"""我代表X, a clause of its own: X is who speaks, and acts in the clauses after it."""
_PREPOSITION_HEAD = re.compile(
    r"(?:以|按照|根据|依据|在|对|围绕|为|把|将|与|向|通过|坚持|聚焦|结合|针对|立足)"
)
_PERSON_SPAN = 10
"""A person named within this many characters of a clause's head is its subject (党政主要负责人亲自…)."""


@dataclass(slots=True)
class SentenceState:
    """What a sentence's clauses hand on to the clauses after them."""

    carried: list[str] | None = field(default_factory=list)
    """The subject an earlier clause named (``None``: one the graph cannot name)."""
    used: list[str] = field(default_factory=list)
    """Documents a 根据/按照 clause names, for the next action."""
    when: str | None = None


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


class ClauseFinder:
    """Finds the actions of one text; holds the sorted entities, verbs and masks."""

    def __init__(
        self,
        text: str,
        entities: Sequence[EntityRef],
        *,
        rules: AgentRules,
        addressee: str | None,
        boundaries: tuple[Collection[int], Collection[int]] | None = None,
        verbs: ActionVerbs,
        status: StatusReader | None = None,
    ) -> None:
        self.text = text
        self.status = status
        self.entities = sorted(entities, key=lambda e: (e.begin, -e.end))
        self.ent_starts = [e.begin for e in self.entities]
        self.agent_rules = rules
        self.roles = RoleReader(text, rules)
        self.addressee = addressee
        self.words = verbs.words
        self.adverbs = verbs.words.words("adverb")
        self.conditions = verbs.conditions
        self.aux = verbs.words.words("aux")
        self.recipient = verbs.words.words("recipient")
        # Verbs inside a title, a quotation or a name are not verbs of the clause: mark those characters.
        mask = bytearray(len(text))
        for pattern in (_TITLE, _QUOTE):
            for m in pattern.finditer(text):
                mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        for e in self.entities:
            mask[e.begin : e.end] = b"\x01" * (e.end - e.begin)
        self._mask = mask
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
            if starts is not None and ends is not None and not (ve in ends and self._starts_word(vb, starts)):
                continue  # not whole words of the segmenter: 出具 inside 作出|具体
            word = m.group()
            found.append((vb, ve, word, kinds[word]))
        self.verbs = found
        self.verb_starts = [v[0] for v in found]

    def _starts_word(self, begin: int, starts: Collection[int]) -> bool:
        """Whether a verb at ``begin`` starts a word, or ends one an adverb leads (认真贯彻, 全面推进)."""
        if begin in starts:
            return True
        text = self.text
        return any(begin - k in starts and text[begin - k : begin] in self.adverbs for k in (1, 2, 3))

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

    def _masked(self, begin: int, end: int, ents: Sequence[EntityRef]) -> tuple[str, list[EntityRef]]:
        """``text[begin:end]`` with each entity mention of ``ents`` in it replaced by its kind's mark, and
        those entities in order."""
        parts: list[str] = []
        inside: list[EntityRef] = []
        pos = begin
        for e in ents:
            if e.begin < pos or e.end > end:
                continue
            parts.append(self.text[pos : e.begin])
            parts.append(MARKS[e.kind])
            inside.append(e)
            pos = e.end
        parts.append(self.text[pos:end])
        return "".join(parts), inside

    def _real(self, begin: int, masked: str, inside: Sequence[EntityRef], at: int) -> int:
        """The text offset of position ``at`` of a masked string that starts at ``begin``."""
        pos, k = begin, 0
        for ch in masked[:at]:
            if ch in _MARK_CHARS:
                pos = inside[k].end
                k += 1
            else:
                pos += 1
        return pos

    def _predicate(
        self, begin: int, end: int, verbs: Sequence[tuple[int, int, str, str]], ents: Sequence[EntityRef]
    ) -> Predicate | None:
        """The clause's predicate: its first verb, when what stands before it may lead a verb.

        A partner verb hands the action to a verb after its partners (会同X、Y联合印发…); a support verb to
        the verb right after it (推动出台, 组织开展).
        """
        text = self.text
        i = 0
        lead, _ = self._masked(begin, verbs[0][0], ents)
        if verbs[0][2] in _LIGHT_PREFIX:
            lead += verbs[0][2]  # 对X整建制|实行委托管理: the light verb closes what 对 holds
        after_prep = self._after_prep_phrase(begin, end, verbs, ents)
        if after_prep == -2:
            return None
        if after_prep > 0:
            i = after_prep  # 在公园建设管理方面开展…: 建设 is a noun of what 在 holds
        elif not self.words.lead_ok(lead):
            # 现将X有关情况报送…: what 将 holds may hold a verb as a noun; the predicate follows it.
            i = next(
                (k for k in range(1, len(verbs)) if self.words.disposal_ok(text[begin : verbs[k][0]])), -1
            )
            if i < 0:
                return None
        opening = verbs[i][2]
        if i == 0 and opening in _HANDING_PARTNER_VERBS:
            partners = [e for e in ents if e.begin >= verbs[0][1]]
            if partners and partners[0].begin == verbs[0][1]:
                group = groups(partners, text)[0]
                for j in range(1, len(verbs)):
                    gap = text[group[-1].end : verbs[j][0]]
                    if verbs[j][0] >= group[-1].end and len(gap) <= 10 and "的" not in gap:
                        i = j
                        break
        first = verbs[i]
        while verbs[i][2] in self.aux and i + 1 < len(verbs) and verbs[i + 1][0] == verbs[i][1]:
            i += 1
        start, (_, head_end, word, vtype) = first[0], verbs[i]
        if start - 2 >= begin and text[start - 2 : start] in _LIGHT_PREFIX:
            start -= 2
        return Predicate(start, head_end, word, vtype, text[start:head_end], opening)

    def _after_prep_phrase(
        self, begin: int, end: int, verbs: Sequence[tuple[int, int, str, str]], ents: Sequence[EntityRef]
    ) -> int:
        """The index of the predicate when the first verb is a noun inside a closed prepositional phrase
        (在公园建设管理方面开展试点: 开展); -2 when no verb follows the phrase (在政务服务等领域推出…: 服务
        is no predicate, 推出 no verb of ours), else -1."""
        head = self.text[begin : verbs[0][0]]
        if "在" not in head and "以" not in head and _PASSIVE_MARK.search(self.text, begin, end) is None:
            return -1
        at = len(self._masked(begin, verbs[0][0], ents)[0])
        for k in range(1, min(len(verbs), 4)):
            lead = self._masked(begin, verbs[k][0], ents)[0]
            if inside_prep_phrase(lead, at) and self.words.lead_ok(lead):
                return k
        return -1 if not inside_prep_phrase(self._masked(begin, end, ents)[0], at) else -2

    def clause_actions(
        self,
        begin: int,
        end: int,
        sentence: Sentence,
        state: SentenceState,
        pivot: list[str] | None = None,
        *,
        verbs: list[tuple[int, int, str, str]],
        ents: list[EntityRef],
        topic: EntityRef | None = None,
    ) -> list[Action]:
        """The actions of the clause ``text[begin:end]``; ``state`` carries what the sentence's earlier
        clauses hand on and takes what this one hands on.

        ``pivot`` is the agents a pivot verb hands this clause (组织X…: X); ``topic`` a place at the head of
        the sentence, where companies that settle with no place named settle.
        """
        out: list[Action] = []
        if pivot is None:
            led = self._led_by(begin, end, sentence, ents)
            if led is not None:
                out.append(led[0])
                begin = led[1]
                verbs = [v for v in verbs if v[0] >= begin]
                ents = [e for e in ents if e.begin >= begin]
        if not verbs:
            self._without_action(begin, end, ents, state, verbs)
            return out
        verb = self._predicate(begin, end, verbs, ents)
        if verb is None:
            self._without_action(begin, end, ents, state, verbs)
            return out
        roles = Roles()
        before = [e for e in ents if e.end <= verb.begin]
        after = [e for e in ents if e.begin >= verb.end]
        subject = self.roles.before(roles, before, verb, begin, end, find_subject=pivot is None)
        handed_on = self.roles.after(roles, after, verb, verbs, end)
        phrase_end = handed_on[1] if handed_on is not None else end
        raw = self.text[verb.end : phrase_end]
        phrase = object_phrase(raw)
        if phrase in _PRONOUNS:
            phrase = ""  # 现将…报送你们: what 将 holds says what was reported
        p0 = verb.end + raw.find(phrase) if phrase else phrase_end
        masked, _ = self._masked(p0, p0 + len(phrase), after)
        if not phrase:
            held = _HELD_OBJECT.search(self.text, begin, verb.begin)
            if held is not None and held.end(1) <= verb.begin:  # 对3名干部予以调整: what 对 holds
                phrase = held.group(1)
                masked, _ = self._masked(held.start(1), held.end(1), before)
        if not phrase:
            settles = verb.word in _SETTLE_VERBS and topic is not None and subject is not None
            reports = verb.type == "report" and bool(
                roles.objects or self.addressee or ("大会" in self.text[begin:end] and self._congress())
            )
            if self._passive(verb, roles, subject, begin):
                subject = None
            elif not (settles or reports or roles.partners or (roles.givers and (subject or roles.objects))):
                return out  # kept: 与X加强协作 (done with X), X受到Y表彰 (Y acts on X)
        elif is_statistic(phrase) or is_goal(verb.first, masked) or is_generic(phrase):
            return out
        elif is_state(masked):
            # X建设有序推进, X项目加快建设: the first verb names the topic, the last one what was done to it.
            last = verbs[-1]
            between = self.text[verb.end : last[0]]
            if last[1] != end or last[0] <= verb.end or not self.words.adverbs_only(between):
                return out
            verb = Predicate(last[0], last[1], last[2], last[3], last[2], last[2])
            if not self._passive(verb, roles, subject, begin):
                return out
            subject, phrase, masked = None, "", ""
        vtype = self._type(verb, roles, after, begin, end)
        if vtype == "award" and (verb.word not in _GIVER_VERBS or roles.givers):
            # X被命名为…, X被省司法厅评为…: X receives; who gives is the agent, when the text names it.
            # X入选…, X荣获…, X成功创建…: X, the subject, achieved it and acts on the honour it names.
            named_before = {e.key: e.kind for e in before}
            receivers = [k for k in roles.objects if k in named_before]  # 戊村被省司法厅评为…
            if subject is not None or not receivers:
                receivers = self.agent_rules.recipients(subject, state.carried)
            honours = [e.key for e in after if e.kind in _HONOUR_KINDS and e.key not in named_before]
            achievers = [k for k in receivers if named_before.get(k, "organization") in _ACHIEVER_KINDS]
            passive = roles.givers or "被" in (verb.text[:1], self.text[verb.begin - 1 : verb.begin])
            written: str | None = phrase[:MAX_OBJECT_TEXT] or None
            if passive or not achievers:
                roles.agents, roles.objects = list(roles.givers), receivers
            else:
                roles.agents = achievers
                roles.objects = [k for k in receivers if k not in achievers] + honours
                written = object_text(phrase, masked) if phrase else None
            roles.generated, roles.used = [], []
            if not roles.objects and not written:
                return out
        elif roles.givers and self._by_marker(verb.begin, begin):
            # X经验被Y推广, X得到Y支持: Y acts, on what the clause is about.
            roles.agents = list(roles.givers)
            about = list(subject.written) if subject is not None else []
            roles.objects = about + [k for k in roles.objects if k not in about]
            written = object_text(phrase, masked) if phrase else None
        else:
            roles.agents = self.agent_rules.agents(subject=subject, pivot=pivot, carried=state.carried)
            if not roles.agents and (subject is not None or state.carried is UNKNOWN or pivot is not None):
                # A place outside the report's province or a person is the subject: nobody the report names.
                # (In a report that names no issuer, a subjectless clause keeps its action, without agent.)
                state.carried = self.agent_rules.carried_after(subject, [], state.carried)
                return out
            if subject is not None:
                for key in subject.places:
                    add(roles.places, key)
            elif pivot is None and _WHOLE_AREA.search(self.text, begin, verb.begin):
                area = self._area_place()  # 全省上下坚决贯彻…: the province acts, with its government
                if area is not None and area not in roles.agents:
                    roles.agents.append(area)
            if not phrase and subject is not None and verb.word in _SETTLE_VERBS and topic is not None:
                add(roles.objects, topic.key)
            written = object_text(phrase, masked) if phrase else None
            state.carried = self.agent_rules.carried_after(subject, roles.agents, state.carried)
        action = self._action(verb, vtype, roles, begin, end, sentence, written)
        if not (action.objects or action.partners or action.generated or action.used or action.object_text):
            return out
        out.append(action)
        if handed_on is not None:
            carried = state.carried
            sub_verbs = [v for v in verbs if v[0] >= handed_on[1]]
            sub_ents = [e for e in ents if e.begin >= handed_on[1]]
            out.extend(
                self.clause_actions(
                    handed_on[1], end, sentence, state, handed_on[0], verbs=sub_verbs, ents=sub_ents
                )
            )
            state.carried = carried
        return out

    def _type(self, verb: Predicate, roles: Roles, after: list[EntityRef], begin: int, end: int) -> str:
        """The action's type: its verb's, when the condition the verb sets on its clause holds."""
        text = self.text
        vtype = verb.type
        condition = self.conditions.get(verb.word)
        if condition is not None:
            rest = text[begin : verb.begin] + text[verb.end : end]
            if not self.words.condition_holds(condition[0], rest, partners=bool(roles.partners)):
                vtype = condition[1]
        mechanism = roles.partners or _JOINT_MECHANISM.search(text, verb.end, end) is not None
        if vtype == "establish" and verb.word == "建立" and mechanism:
            vtype = "cooperate"
        if vtype == "discipline" and any(e.kind == "document" for e in after):
            vtype = "other"  # 动态调整《权责清单》 adjusts a document; it disciplines nobody
        if verb.first in _HANDING_PARTNER_VERBS and roles.partners and vtype in ("organize", "other"):
            vtype = "cooperate"  # 联合X开展…, X与Y联合开展…: done together
        return vtype

    def _passive(self, verb: Predicate, roles: Roles, subject: Subject | None, begin: int) -> bool:
        """A clause whose verb ends it and whose topic is what was done (工作站正式设立, 《办法》印发,
        X、Y等项目有序推进, 某博物馆加快建设): the topic is what the action generated or acted on, the clause
        has no subject of its own. Moves the topic there and says whether it did.

        Not for meetings and events (党代会胜利召开: someone else's), settling, awards or reports.
        """
        if verb.type in ("organize", "award", "report", "invite") or verb.word in _SETTLE_VERBS:
            return False
        if subject is not None:
            if subject.kind == "organization" and self.agent_rules.issuer in subject.written:
                return False  # 区政府全力推进: the issuer acts, and the clause says not on what
            topic = [k for k in subject.written if k not in roles.objects]
        else:
            topic = list(roles.objects)
            roles.objects = []
        if not topic:
            return False
        if verb.type in ("establish", "issue"):
            roles.generated = topic + [k for k in roles.generated if k not in topic]
        else:
            roles.objects = topic + roles.objects
        return True

    def _led_by(
        self, begin: int, end: int, sentence: Sentence, ents: Sequence[EntityRef]
    ) -> tuple[Action, int] | None:
        """在X领导下 (监督, 支持 …) at the head of a clause: X's action on the issuer, and where the rest of
        the clause starts."""
        issuer = self.agent_rules.issuer
        if issuer is None or not ents or self.text[begin] != "在":
            return None
        masked, inside = self._masked(begin, end, ents)
        m = _LED_BY.match(masked)
        if m is None:
            return None
        first = sum(1 for ch in masked[: m.start(1)] if ch in _MARK_CHARS)
        count = sum(1 for ch in m.group(1) if ch in _MARK_CHARS)
        agents = [e.key for e in inside[first : first + count] if e.kind == "organization"]
        if not agents or issuer in agents:
            return None
        rest = self._real(begin, masked, inside, m.end())
        words = m.group(2)
        led = [issuer, *(k for k in self._led_subject(rest, sentence.end) if k not in agents)]
        action = Action(
            verb=words,
            type="review" if "监督" in words else "other",
            agents=tuple(dict.fromkeys(agents)),
            evidence=Evidence(begin, rest, sentence.begin, sentence.end),
            objects=tuple(dict.fromkeys(led)),
            section=sentence.section,
            status=self.status.status(begin, rest) if self.status is not None else None,
        )
        return action, rest

    def _by_marker(self, at: int, begin: int) -> bool:
        """Whether 被/得到/受到 stands in the clause before ``at`` (由X负责 is not passive)."""
        return _PASSIVE_MARK.search(self.text, begin, at) is not None

    def _led_subject(self, at: int, end: int) -> list[str]:
        """The bodies that head what follows 在X领导下 (…下，省委团结带领…: 省委), whom X leads too."""
        text = self.text
        while at < end and text[at] in "，, 　":
            at += 1
        ents = self._ents_in(at, end)
        if not ents or ents[0].begin != at:
            return []
        group = groups(ents, text)[0]
        if any(e.kind != "organization" for e in group):
            return []
        return [e.key for e in group]

    def _without_action(
        self,
        begin: int,
        end: int,
        ents: Sequence[EntityRef],
        state: SentenceState,
        verbs: Sequence[tuple[int, int, str, str]],
    ) -> None:
        """What a clause that makes no action hands on: documents named by 根据/按照, a body at its head
        (党工委、管委会以上率下，加强…), or a subject the graph cannot name (总书记亲临考察，明确了…)."""
        masked, inside = self._masked(begin, end, ents)
        if ents:
            based = _BASED_ON.fullmatch(masked)
            if based is not None:
                state.used.extend(e.key for e in inside if e.kind == "document" and e.key not in state.used)
                return
            speaker = _SPEAKS_FOR.fullmatch(masked)
            if speaker is not None:  # 我代表省人民政府，向大会报告工作: the body spoken for acts next
                bodies = [e.key for e in inside if e.kind == "organization"]
                if bodies:
                    state.carried = bodies
                    return
            head = re.match(_GROUP, masked)
            rest = masked[head.end() :] if head is not None else ""
            if head is not None and not verbs and len(rest) <= 8 and "的" not in rest:
                group = [e for e in inside if e.end <= self._real(begin, masked, inside, head.end())]
                bodies = [e.key for e in group if e.kind == "organization"]
                if bodies and len(bodies) == len(group):
                    state.carried = bodies
                    return
        lead = masked if not verbs else self._masked(begin, verbs[0][0], ents)[0]
        if not _PREPOSITION_HEAD.match(lead) and self.words.names_person(lead[:_PERSON_SPAN]):
            state.carried = UNKNOWN

    def _action(
        self,
        verb: Predicate,
        vtype: str,
        roles: Roles,
        begin: int,
        end: int,
        sentence: Sentence,
        written: str | None,
    ) -> Action:
        """The clause's action from its filled roles, the addressee of a report added."""
        text = self.text
        named = [k for k in (*roles.objects, *roles.partners) if k in self._organizations]
        if vtype == "report" and not named:
            # A report to nobody named goes to the addressee; to 大会, to the people's congress of the area.
            to = self._congress() if "大会" in text[begin:end] else None
            to = to or self.addressee
            if to is not None:
                roles.objects.append(to)
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
            time=_time(text[begin:end]) if "年" in text[begin:end] else None,
            section=sentence.section,
            object_text=written,
            status=self.status.status(begin, end) if self.status is not None else None,
        )

    def _congress(self) -> str | None:
        """The people's congress of the issuer's area, when the report names it (向大会报告工作: 大会 is its
        session): the body whose name is the issuer's with 人民代表大会 for 人民政府."""
        issuer = self.agent_rules.issuer
        if issuer is None or not issuer.endswith("人民政府"):
            return None
        key = issuer[: -len("人民政府")] + "人民代表大会"
        return key if key in self._organizations else None

    def _area_place(self) -> str | None:
        """The key of the place entity of the report's own area, when the report names it."""
        area = self.agent_rules.area
        if not area:
            return None
        keys = [e.key for e in self.entities if e.kind == "place" and e.key.endswith(area)]
        return min(keys, key=len) if keys else None

    @property
    def _organizations(self) -> set[str]:
        orgs = self.__dict__.get("_orgs")
        if orgs is None:
            orgs = self.__dict__["_orgs"] = {e.key for e in self.entities if e.kind == "organization"}
        return orgs

    def _topic(self, ents: Sequence[EntityRef], sentence: Sentence) -> EntityRef | None:
        """A place named at the head of the sentence (the topic later clauses may refer to)."""
        if not ents or ents[0].kind != "place":
            return None
        if self.text[sentence.begin : ents[0].begin].strip():
            return None
        return ents[0]

    def _parts(
        self,
        begin: int,
        end: int,
        verbs: Sequence[tuple[int, int, str, str]],
        ents: Sequence[EntityRef],
    ) -> list[tuple[int, int]]:
        """The clause cut where a 、 starts another predicate (向区人大报告工作、向区政协通报情况)."""
        text = self.text
        if len(verbs) < 2 or text.find("、", begin, end) < 0:
            return [(begin, end)]
        parts: list[tuple[int, int]] = []
        start = begin
        for k in range(1, len(verbs)):
            vb = verbs[k][0]
            cut = text.rfind("、", start, vb)
            if cut < 0 or vb - cut > 13 or not any(start <= v[0] < cut for v in verbs[:k]):
                continue
            if self._mask[cut] or any(x.begin == cut + 1 for x in ents):
                continue  # 、 inside a name, or between the names of a list (邀请X、Y召开…)
            lead = self._masked(cut + 1, vb, ents)[0]
            if not lead.strip("\ue000\ue001\ue002\ue003、") or not self.words.lead_ok(lead):
                continue  # 成员3名、调解…6名: a list goes on; a new predicate has a lead (向X…, 亲自…)
            parts.append((start, cut))
            start = cut + 1
        parts.append((start, end))
        return parts

    def _run_in_heading(self, sentence: Sentence) -> bool:
        """Whether a sentence is the run-in heading of its paragraph (提升企业服务质量。成立…): short, without
        a comma or a number (and, as the caller checks, naming no entity), opening a line that goes on for
        twice its length after it. The sentences after it tell what was done."""
        text = self.text
        line = text.rfind("\n", 0, sentence.begin) + 1
        if text[line : sentence.begin].strip(" \t　"):
            return False
        body = text[sentence.begin : sentence.end].rstrip("。！!；; ")
        if len(body) > _RUN_IN_MAX or any(mark in body for mark in "，,、：:0123456789"):
            return False
        line_end = text.find("\n", sentence.end)
        rest = text[sentence.end : line_end if line_end >= 0 else len(text)]
        return len(rest.strip(" \t　")) >= 2 * len(body)

    def sentence_actions(self, sentence: Sentence) -> list[Action]:
        """The actions of one sentence, clause by clause."""
        lo = bisect.bisect_left(self.verb_starts, sentence.begin)
        hi = bisect.bisect_left(self.verb_starts, sentence.end)
        ents = self._ents_in(sentence.begin, sentence.end)
        if lo == hi and not ents:
            return []
        text = self.text
        if not ents and self._run_in_heading(sentence):
            return []
        verbs = self.verbs[lo:hi]
        topic = self._topic(ents, sentence)
        out: list[Action] = []
        state = SentenceState()
        vi = ei = 0
        n_verbs, n_ents = len(verbs), len(ents)
        for m in _CLAUSE.finditer(text, sentence.begin, sentence.end):
            if vi == n_verbs and (ei == n_ents or text[m.start()] != "在"):
                break  # no verb left: only 在X领导下 still makes an action
            begin, end = m.span()
            while vi < n_verbs and verbs[vi][0] < begin:
                vi += 1
            vj = vi
            while vj < n_verbs and verbs[vj][0] < end:
                vj += 1
            while ei < n_ents and ents[ei].begin < begin:
                ei += 1
            ej = ei
            while ej < n_ents and ents[ej].begin < end:
                ej += 1
            if vj == vi and ej == ei:
                if text.find("年", begin, end) >= 0:
                    state.when = _time(text[begin:end]) or state.when
                continue
            clause_verbs = [v for v in verbs[vi:vj] if v[1] <= end]
            clause_ents = [e for e in ents[ei:ej] if e.end <= end]
            vi, ei = vj, ej
            acts = []
            if _PURPOSE_NEXT.match(text, end + 1):
                continue  # 做好政府工作，要坚持…: what the next clause requires is for this clause's sake
            for b, e in self._parts(begin, end, clause_verbs, clause_ents):
                acts.extend(
                    self.clause_actions(
                        b,
                        e,
                        sentence,
                        state,
                        verbs=[v for v in clause_verbs if b <= v[0] and v[1] <= e],
                        ents=[x for x in clause_ents if b <= x.begin and x.end <= e],
                        topic=topic if topic is not None and b > topic.end else None,
                    )
                )
            if not acts:
                if text.find("年", begin, end) >= 0:
                    state.when = _time(text[begin:end]) or state.when
                continue
            if state.used:
                used = (*acts[0].used, *(k for k in state.used if k not in acts[0].used))
                acts[0] = replace(acts[0], used=used)
                state.used = []
            for k, act in enumerate(acts):
                # A date heading the sentence (2023年3月，召开…，部署…) dates its later clauses too.
                if act.time:
                    state.when = act.time
                elif state.when:
                    acts[k] = replace(act, time=state.when)
            out.extend(acts)
        return out
