"""Actions: who did what, with whom, where and when, one per action clause (component ``lawgraph_actions``).

Each sentence of the report is cut into clauses at ，；,; . A clause is an action when a verb of
``data/action_verbs.tsv`` stands in predicate position and says what it acts on (the grammar:
:mod:`lawgraph.extract.clauses`): 深入开展专项行动, 与X建立…机制, 成立X. It is not an action when the verb
is a noun inside a phrase (法治政府建设, 学习教育), stands alone (坚持, 推进), leads a statistic
(新增…2173张), a state (…持续深化) or a goal (推动经济持续向好), or when the sentence is a section heading. A
support verb hands the action to the verb right after it (推动出台, 组织开展, 获批设立: ``lg:verb`` is
both, the type the later one's). The entities the entity components found in the clause
(``doc.spans["organization"|"place"|"document"|"initiative"]``) fill its roles by where they stand:

- before the verb, after 与/同/和/会同/联合 → partners (``与X、Y建立…机制``);
- right after a partner verb (联合, 会同, 邀请, 协同 …) → partners (``邀请X、Y召开…``, ``会同X联合印发…``);
- after 在/于/赴 → the place (a place) or what it acted on;
- after 对/向/为/将/把 → what it acted on (``对X实行委托管理``, ``向区人大报告工作``);
- other entities before the verb, in subject position → the clause's subject, coordinated with 、/和/及
  (``X、Y成立…``);
- after the verb: an organization created (establish) or a document issued (issue) is ``generated``, a
  document applied (落实, 贯彻, 执行 …, or named by 根据/按照 in a clause before) is ``used``, anything
  else is what it acted on. A body set up or a document issued written before the verb (工作站正式设立) is
  generated too.

What it acts on as written is the object phrase after the verb (``object_text``), kept when the entities
it names do not say it all. A clause that names neither is no action. A verb's type may depend on its object
(培养人才 trains, 培育产业 is ``other``; ``action_verbs.tsv``).

A pivot verb (组织, 指导, 督促 …) followed by an organization and another verb gives a second action
(``组织律师协会联合石化集团举办…``). 在X领导下 (监督, 支持 …) gives X's action on the issuer. Who acts,
from the subject, the pivot, the subject of an earlier clause and the issuer, and who receives an award, is
decided in one place, :mod:`lawgraph.extract.agents`. A report verb with nothing to report to is addressed to
the report's addressee. Time is a date written in the clause or heading its sentence (``2022年3月`` →
``2022-03``). The status (done, planned, shortcoming) is read later, for actions and observations alike
(:mod:`lawgraph.extract.status`).

What is not a verb: a verb inside a 《》 title, a quotation or an entity's name, a verb after 的
(``…情况的报告``), and, when the Doc's tokens are known, a match that is not whole words of the segmenter
(``出具`` inside ``作出|具体``). 与X…相比 is a comparison, not a partnership. Companies that settle
(落户, 落地, 签约 …) in a clause with no place settle in the zone named at the head of the sentence.

Examples
--------
>>> acts = actions_from_text("成立行政复议委员会，受理案件39件。", issuer="某县人民政府")
>>> [(a.verb, a.type, a.object_text) for a in acts]
[('成立', 'establish', '行政复议委员会'), ('受理', 'handle_cases', '案件39件')]
>>> {a.agents for a in acts}
{('某县人民政府',)}
>>> actions_from_text("法治政府建设扎实推进。坚持依法行政。", issuer="某县人民政府")
[]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from lawgraph.extract.agents import UNKNOWN, AgentRules, Subject
from lawgraph.extract.clauses import (
    MARKS,
    MAX_OBJECT_TEXT,
    ClauseWords,
    is_goal,
    is_state,
    is_statistic,
    object_phrase,
    object_text,
    parse_words,
)
from lawgraph.extract.component import LexiconComponent
from lawgraph.extract.data import Lexicon, package_text, parse_lines
from lawgraph.extract.extensions import EntityRef, doc_entities, register_extensions
from lawgraph.extract.numbers import trie_pattern
from lawgraph.extract.status import StatusReader, status_reader
from lawgraph.extract.tokens import token_boundaries, token_starts
from lawgraph.model import Action, Evidence, Section, Sentence

__all__ = [
    "ACTION_TYPES",
    "NOT_AN_ACTION",
    "ActionFinder",
    "make_action_finder",
    "load_verbs",
    "find_actions",
    "actions_from_text",
    "ActionVerbs",
    "parse_verbs",
    "parse_conditions",
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

NOT_AN_ACTION = "-"
"""The type in ``action_verbs.tsv`` of a verb that never makes an action (持续, 新增, 根据): it is listed for
the indicator finder, where it ends what a number counts."""

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
_BY_BEFORE = re.compile(r"(?:被|由)$")
_PURPOSE_NEXT = re.compile(r"\s*(?:要|必须|需要|就要|务必)")
"""The head of a clause after one that states a purpose (做好政府工作，要…)."""
_NAME_HEAD = re.compile(r"[\u4e00-\u9fff](?<![与和及同在于对向为把将])")
"""A CJK character right before a place after the verb makes the place the end of a name or slogan
(建设平安黑龙江, 打造“航运浙江”): the place is not what the action acts on."""
_PRONOUNS = frozenset({"你们", "您", "你", "其", "他们", "大家"})
_HELD_OBJECT = re.compile(r"(?:对|将|把)([^，,；;的]{2,25}?)(?:进行|予以|给予|实行|作出)?$")
"""What 对/将/把 put before a verb that has nothing after it (对3名干部予以调整)."""
_FOR_BEFORE = re.compile(r"代表$")
_SETTLE_VERBS = frozenset({"落地", "落户", "签约", "入驻", "进驻", "集聚", "投产", "开工"})
_COMPARISON = re.compile(r"相比|相较|比较|相当|一致|相同|同步")
_COORD_TAIL = re.compile(r"(?:、|和|及|以及)$")
_PARTNER_AFTER = re.compile(r"^(?:与|同|会同|联合|协同|携手|配合|联手)")
"""After a subject: the partners follow (``X与Y、Z建立…``), so the gap to the verb may be long."""
_COORD = re.compile(r"^(?:[、和及]|以及|、和)?$")
_PARTNER_VERBS = frozenset({"联合", "会同", "协同", "携手", "邀请", "特邀", "联手", "结对", "结对帮扶"})
_GIVER_VERBS = frozenset({"命名", "表彰", "授予", "确定为", "列为", "评定为"})
"""Award verbs whose subject gives the award (X授予Y…称号); with the others the subject receives it."""
_HANDING_PARTNER_VERBS = frozenset({"联合", "会同", "协同", "携手", "联手"})
"""Partner verbs that hand the action to a verb after their partners (会同X、Y联合印发…)."""
_USE_VERBS = frozenset(
    {"落实", "贯彻", "贯彻落实", "执行", "实施", "执行好", "学习", "解读", "宣讲", "适用", "运用"}
)
_USE_BEFORE = re.compile(r"(?:落实|贯彻|执行|依据|按照|根据|遵照)[^，,；;]{0,4}$")
_PIVOT_VERBS = frozenset({"组织", "指导", "督促", "推动", "引导", "支持", "鼓励", "要求", "动员", "协调"})
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


def parse_verbs(lines: Iterable[str]) -> dict[str, str]:
    """``{verb: type}`` from the lines of ``action_verbs.tsv`` (``VERB<TAB>TYPE…``; ``other`` when missing).

    The first line of a verb wins. A verb of type :data:`NOT_AN_ACTION` is listed too (the indicator
    finder reads every verb); a type outside :data:`ACTION_TYPES` and ``-`` is an error of the file.
    """
    verbs: dict[str, str] = {}
    for line in lines:
        verb, kind, _ = _cells(line)
        verbs.setdefault(verb, kind)
    return verbs


def parse_conditions(lines: Iterable[str]) -> dict[str, tuple[str, str]]:
    """``{verb: (condition, fallback type)}`` for the verbs whose type needs a condition on their clause."""
    out: dict[str, tuple[str, str]] = {}
    for line in lines:
        verb, _, condition = _cells(line)
        if condition is not None:
            out.setdefault(verb, condition)
    return out


def _cells(line: str) -> tuple[str, str, tuple[str, str] | None]:
    cells = [c.strip() for c in line.split("\t")]
    verb = cells[0]
    kind = cells[1] if len(cells) > 1 and cells[1] else "other"
    if kind not in ACTION_TYPES and kind != NOT_AN_ACTION:
        raise ValueError(f"action_verbs.tsv: unknown action type {kind!r} for {verb!r}")
    if len(cells) > 2 and cells[2]:
        fallback = cells[3] if len(cells) > 3 and cells[3] else "other"
        if fallback not in ACTION_TYPES:
            raise ValueError(f"action_verbs.tsv: unknown fallback type {fallback!r} for {verb!r}")
        return verb, kind, (cells[2], fallback)
    return verb, kind, None


def load_verbs() -> dict[str, str]:
    """The action verbs of the package's ``extract/data/action_verbs.tsv``, ``{verb: type}``.

    >>> load_verbs()["印发"], load_verbs()["邀请"], load_verbs()["落实"], load_verbs()["新增"]
    ('issue', 'invite', 'other', '-')
    """
    return parse_verbs(parse_lines(package_text("action_verbs.tsv")))


@dataclass(frozen=True, slots=True)
class ActionVerbs:
    """The action verbs with their types and conditions, one pattern that finds them (a trie: see
    ``trie_pattern``), and the words around them (:class:`~lawgraph.extract.clauses.ClauseWords`)."""

    types: Mapping[str, str]
    """``{verb: action type}``, without the verbs that make no action."""
    conditions: Mapping[str, tuple[str, str]]
    """``{verb: (condition, fallback type)}``."""
    pattern: re.Pattern[str]
    words: ClauseWords

    @classmethod
    def of(
        cls,
        types: Mapping[str, str],
        conditions: Mapping[str, tuple[str, str]] | None = None,
        words: ClauseWords | None = None,
    ) -> ActionVerbs:
        """The verbs ``types`` (``{verb: type}``) with their pattern compiled."""
        acting = {verb: kind for verb, kind in types.items() if kind != NOT_AN_ACTION}
        if words is None:
            words = ClauseWords.of(parse_words(parse_lines(package_text("action_words.tsv"))))
        return cls(acting, dict(conditions or {}), re.compile(trie_pattern(acting)), words)

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> ActionVerbs:
        """The verbs and words of a component's lexicon (``action_verbs.tsv``, ``action_words.tsv``)."""
        lines = lexicon.lines("action_verbs.tsv")
        words = ClauseWords.of(parse_words(lexicon.lines("action_words.tsv")))
        return cls.of(parse_verbs(lines), parse_conditions(lines), words)


@dataclass(slots=True)
class _Roles:
    agents: list[str] = field(default_factory=list)
    objects: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    generated: list[str] = field(default_factory=list)
    used: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    givers: list[str] = field(default_factory=list)
    """Bodies after 被/由: who gives an award."""


@dataclass(slots=True)
class _SentenceState:
    """What a sentence's clauses hand on to the clauses after them."""

    carried: list[str] | None = field(default_factory=list)
    """The subject an earlier clause named (``None``: one the graph cannot name)."""
    used: list[str] = field(default_factory=list)
    """Documents a 根据/按照 clause names, for the next action."""
    when: str | None = None


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
    if role is roles.givers and ent.kind != "organization":
        return roles.objects
    return role


class _Verb(NamedTuple):
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
        self, begin: int, verbs: Sequence[tuple[int, int, str, str]], ents: Sequence[EntityRef]
    ) -> _Verb | None:
        """The clause's predicate: its first verb, when what stands before it may lead a verb.

        A partner verb hands the action to a verb after its partners (会同X、Y联合印发…); a support verb to
        the verb right after it (推动出台, 组织开展).
        """
        text = self.text
        i = 0
        lead, _ = self._masked(begin, verbs[0][0], ents)
        if verbs[0][2] in _LIGHT_PREFIX:
            lead += verbs[0][2]  # 对X整建制|实行委托管理: the light verb closes what 对 holds
        if not self.words.lead_ok(lead):
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
                group = _groups(partners, text)[0]
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
        return _Verb(start, head_end, word, vtype, text[start:head_end], opening)

    def clause_actions(
        self,
        begin: int,
        end: int,
        sentence: Sentence,
        state: _SentenceState,
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
        verb = self._predicate(begin, verbs, ents)
        if verb is None:
            self._without_action(begin, end, ents, state, verbs)
            return out
        roles = _Roles()
        before = [e for e in ents if e.end <= verb.begin]
        after = [e for e in ents if e.begin >= verb.end]
        subject = self._roles_before(roles, before, verb, begin, end, find_subject=pivot is None)
        handed_on = self._roles_after(roles, after, verb, verbs, end)
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
            reports = verb.type == "report" and bool(roles.objects or self.addressee)
            if self._passive(verb, roles, subject, begin):
                subject = None
            elif not (settles or reports):
                return out
        elif is_statistic(phrase) or is_goal(verb.first, masked):
            return out
        elif is_state(masked):
            # X建设有序推进, X项目加快建设: the first verb names the topic, the last one what was done to it.
            last = verbs[-1]
            between = self.text[verb.end : last[0]]
            if last[1] != end or last[0] <= verb.end or not self.words.adverbs_only(between):
                return out
            verb = _Verb(last[0], last[1], last[2], last[3], last[2], last[2])
            if not self._passive(verb, roles, subject, begin):
                return out
            subject, phrase, masked = None, "", ""
        vtype = self._type(verb, roles, after, begin, end)
        if vtype == "award" and (verb.word not in _GIVER_VERBS or roles.givers):
            # X获评…, X被命名为…, X成功创建…: X receives; who gives is the agent, when the text names it.
            roles.agents = list(roles.givers)
            named_before = {e.key for e in before}
            receivers = [k for k in roles.objects if k in named_before]  # 戊村被省司法厅评为…
            if subject is not None or not receivers:
                receivers = self.agent_rules.recipients(subject, state.carried)
            roles.objects = receivers
            roles.generated, roles.used = [], []
            written: str | None = phrase[:MAX_OBJECT_TEXT] or None
            if not roles.objects and not written:
                return out
        else:
            roles.agents = self.agent_rules.agents(subject=subject, pivot=pivot, carried=state.carried)
            if not roles.agents and (subject is not None or state.carried is UNKNOWN or pivot is not None):
                # A place outside the report's province or a person is the subject: nobody the report names.
                # (In a report that names no issuer, a subjectless clause keeps its action, without agent.)
                state.carried = self.agent_rules.carried_after(subject, [], state.carried)
                return out
            if subject is not None:
                for key in subject.places:
                    _add(roles.places, key)
            if not phrase and subject is not None and verb.word in _SETTLE_VERBS and topic is not None:
                _add(roles.objects, topic.key)
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

    def _type(self, verb: _Verb, roles: _Roles, after: list[EntityRef], begin: int, end: int) -> str:
        """The action's type: its verb's, when the condition the verb sets on its clause holds."""
        text = self.text
        vtype = verb.type
        condition = self.conditions.get(verb.word)
        if condition is not None:
            rest = text[begin : verb.begin] + text[verb.end : end]
            if not self.words.condition_holds(condition[0], rest, partners=bool(roles.partners)):
                vtype = condition[1]
        mechanism = roles.partners or text.find("机制", verb.end, end) >= 0
        if vtype == "establish" and verb.word == "建立" and mechanism:
            vtype = "cooperate"
        if vtype == "discipline" and any(e.kind == "document" for e in after):
            vtype = "other"  # 动态调整《权责清单》 adjusts a document; it disciplines nobody
        if verb.first in _HANDING_PARTNER_VERBS and roles.partners and vtype in ("organize", "other"):
            vtype = "cooperate"  # 联合X开展…, X与Y联合开展…: done together
        return vtype

    def _passive(self, verb: _Verb, roles: _Roles, subject: Subject | None, begin: int) -> bool:
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
        action = Action(
            verb=words,
            type="review" if "监督" in words else "other",
            agents=tuple(dict.fromkeys(agents)),
            evidence=Evidence(begin, rest, sentence.begin, sentence.end),
            objects=(issuer,),
            section=sentence.section,
            status=self.status.status(begin, rest) if self.status is not None else None,
        )
        return action, rest

    def _without_action(
        self,
        begin: int,
        end: int,
        ents: Sequence[EntityRef],
        state: _SentenceState,
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

    def _roles_before(
        self, roles: _Roles, before: list[EntityRef], verb: _Verb, begin: int, end: int, *, find_subject: bool
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
            elif _BY_BEFORE.search(lead):
                last_role = roles.givers
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
                _add(_role_of(e, last_role, roles), e.key)
        return subject

    def _roles_after(
        self,
        roles: _Roles,
        after: list[EntityRef],
        verb: _Verb,
        verbs: Sequence[tuple[int, int, str, str]],
        end: int,
    ) -> tuple[list[str], int] | None:
        """Fill the roles of the entities after the verb; return a pivot's agents and where its action starts.

        A pivot verb (组织, 指导 …) right before an organization and another verb hands the action on to that
        organization (组织律师协会联合石化集团举办…). Otherwise: partners right after a partner verb (联合X),
        a place after 在/于, what an establish or issue verb generated, the documents applied (落实《…》),
        else what was acted on. A place that a 的 after it makes a modifier (解决制约新区…的困难), or that ends
        a name or slogan (建设平安黑龙江) is none of these: the object phrase keeps it.
        """
        text = self.text
        prev_end = verb.end
        partner_verb = verb.text in _PARTNER_VERBS or verb.word in _PARTNER_VERBS
        use_verb = verb.word in _USE_VERBS or verb.first in _USE_VERBS
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
            if group[0].kind == "place" and (
                text.find("的", group[-1].end, end) >= 0 or _NAME_HEAD.match(text, group[0].begin - 1)
            ) and group[0].begin > verb.end:
                continue
            for e in group:
                if gi == 0 and gap == "" and partner_verb:
                    _add(roles.partners, e.key)
                elif _PLACE_BEFORE.search(gap) and e.kind == "place":
                    _add(roles.places, e.key)
                elif (verb.type == "establish" and e.kind in ("organization", "place")) or (
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
        vtype: str,
        roles: _Roles,
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
                continue  # 成员3名、调解…成员6名: a list goes on; a new predicate has its own lead (向X…, 亲自…)
            parts.append((start, cut))
            start = cut + 1
        parts.append((start, end))
        return parts

    def sentence_actions(self, sentence: Sentence) -> list[Action]:
        """The actions of one sentence, clause by clause."""
        lo = bisect.bisect_left(self.verb_starts, sentence.begin)
        hi = bisect.bisect_left(self.verb_starts, sentence.end)
        ents = self._ents_in(sentence.begin, sentence.end)
        if lo == hi and not ents:
            return []
        text = self.text
        verbs = self.verbs[lo:hi]
        topic = self._topic(ents, sentence)
        out: list[Action] = []
        state = _SentenceState()
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


_MARK_CHARS = frozenset(MARKS.values())
_PREPOSITION_HEAD = re.compile(
    r"(?:以|按照|根据|依据|在|对|围绕|为|把|将|与|向|通过|坚持|聚焦|结合|针对|立足)"
)
_PERSON_SPAN = 10
"""A person named within this many characters of a clause's head is its subject (党政主要负责人亲自…)."""


def heading_sentences(sentences: Sequence[Sentence], sections: Sequence[Section], text: str) -> set[int]:
    """The begins of the sentences that are a section's heading ((一)推进权责清单协同高效。): no actions.

    >>> text = "(一)推进权责清单协同高效。动态调整清单。"
    >>> heading = Section(0, 21, 2, "一", "推进权责清单协同高效")
    >>> sorted(heading_sentences([Sentence(0, 14), Sentence(14, 21)], [heading], text))
    [0]
    """
    starts = {s.begin: s for s in sections}
    out: set[int] = set()
    for sentence in sentences:
        section = starts.get(sentence.begin)
        if section is None:
            continue
        if sentence.end - sentence.begin <= len(section.title) + len(section.number) + 5:
            out.add(sentence.begin)
    return out


def find_actions(
    text: str,
    *,
    sentences: Sequence[Sentence] | None = None,
    sections: Sequence[Section] = (),
    entities: Sequence[EntityRef] = (),
    issuer: str | None = None,
    area: str | None = None,
    province: str | None = None,
    addressee: str | None = None,
    boundaries: tuple[Collection[int], Collection[int]] | None = None,
    verbs: ActionVerbs | None = None,
    status: StatusReader | None = None,
) -> list[Action]:
    """Every action of ``text``, at most one per clause (and the action a pivot hands on), in text order.

    Parameters
    ----------
    text : str
        The report's normalized text.
    sentences : sequence of Sentence, optional
        ``Report.sentences``; split on 。！？ and line breaks when not given.
    sections : sequence of Section
        ``Report.sections``: their heading sentences hold no action.
    entities : sequence of EntityRef
        The entity mentions found by the entity components (keys are canonical names).
    issuer : str, optional
        Key of the issuing organization, the agent of subjectless clauses.
    area : str, optional
        The issuer's own area (``兰州新区``): as a subject it stands for the issuer.
    province : str, optional
        The report's province (``甘肃省``): a place in it as subject is where the issuer acted.
    addressee : str, optional
        Key of the addressee, the object of a report verb with nothing else to report to.
    boundaries : (collection of int, collection of int), optional
        The offsets where words start and end (from the Doc's tokens, e.g.
        :func:`~lawgraph.extract.tokens.token_starts` and ``token_boundaries(doc)[1]``); a verb must start
        and end on them. Without it, any occurrence of a verb counts.
    verbs : ActionVerbs, optional
        The verbs to find (the component's); the package's ``action_verbs.tsv`` when not given.
    status : StatusReader, optional
        The report's status reader: each action gets its status (done, planned, shortcoming). Without it
        the status is left to :func:`lawgraph.extract.facts.doc_to_facts`.
    """
    if not sentences:
        sentences = [Sentence(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
    if verbs is None:
        lines = parse_lines(package_text("action_verbs.tsv"))
        verbs = ActionVerbs.of(parse_verbs(lines), parse_conditions(lines))
    rules = AgentRules(issuer, area, province)
    finder = _Finder(
        text, entities, rules=rules, addressee=addressee, boundaries=boundaries, verbs=verbs, status=status
    )
    headings = heading_sentences(sentences, sections, text) if sections else set()
    out: list[Action] = []
    for sentence in sentences:
        if sentence.begin not in headings:
            out.extend(finder.sentence_actions(sentence))
    return out


def actions_from_text(
    text: str, *, entities: Sequence[EntityRef] = (), issuer: str | None = None
) -> list[Action]:
    """Actions of a bare text; a convenience for tests and notebooks."""
    return find_actions(text, entities=entities, issuer=issuer)


def _context(doc: Doc) -> tuple[str | None, str | None, str | None, str | None]:
    """The issuer, own area, province and addressee of the Doc's report."""
    ctx = doc._.lg_context if Doc.has_extension("lg_context") else None
    if ctx is not None:
        return ctx.issuer, ctx.area, ctx.province, ctx.addressee
    report = doc._.report
    if report is not None and report.meta.issuer:
        return report.meta.issuer, None, None, None
    return None, None, None, None


class ActionFinder(LexiconComponent):
    """The ``lawgraph_actions`` component: sets ``doc._.lg_actions`` (its words: ``action_verbs.tsv``,
    ``action_words.tsv``)."""

    files = ("action_verbs.tsv", "action_words.tsv")

    def build(self, lexicon: Lexicon) -> None:
        """Read the verbs and words of ``lexicon``."""
        self.verbs = ActionVerbs.from_lexicon(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.lg_actions`` and return ``doc``."""
        issuer, area, province, addressee = _context(doc)
        report = doc._.report
        # doc.text rebuilds the string from every token; the report holds the same string.
        text = report.text if report is not None else doc.text
        doc._.lg_actions = find_actions(
            text,
            sentences=report.sentences if report is not None else None,
            sections=report.sections if report is not None else (),
            entities=doc_entities(doc),
            issuer=issuer,
            area=area,
            province=province,
            addressee=addressee,
            boundaries=(token_starts(doc, len(text)), token_boundaries(doc)[1]),
            verbs=self.verbs,
            status=status_reader(report) if report is not None else None,
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
