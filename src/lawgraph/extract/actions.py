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
- other entities before the verb → explicit subjects, coordinated with 、/和/及 (``X、Y成立…``); a subject
  carries over to the following subjectless clauses of its sentence; the report's own area as subject
  stands for the issuer; a clause with no subject is the issuer's;
- after the verb: an organization created (establish) or a document issued (issue) is ``generated``, a
  document applied (落实, 贯彻, 执行, 依据 …) is ``used``, anything else is what it acted on.

A pivot verb (组织, 指导, 督促 …) followed by an organization and another verb gives a second action whose
agent is that organization (``组织律师协会联合石化集团举办…``). A report verb with nothing to report to is
addressed to the report's addressee. Time is a date written in the clause (``2022年3月`` → ``2022-03``).

Examples
--------
>>> acts = actions_from_text("成立行政复议委员会，受理案件39件。", issuer="某县人民政府")
>>> [(a.verb, a.type, a.agents) for a in acts]
[('成立', 'establish', ('某县人民政府',)), ('受理', 'handle_cases', ('某县人民政府',))]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from lawgraph.extract.numbers import _data_lines
from lawgraph.model import ENTITY_KINDS, Action, Evidence, Sentence

__all__ = [
    "ACTION_TYPES",
    "EntityRef",
    "ActionFinder",
    "make_action_finder",
    "load_verbs",
    "find_actions",
    "actions_from_text",
]

ACTION_TYPES: tuple[str, ...] = (
    "establish", "issue", "sign", "cooperate", "organize", "train", "appoint", "handle_cases", "review",
    "entrust", "award", "discipline", "invite", "report", "other",
)
"""Local names of the action-type concepts (``act:<type>`` in the ontology)."""

_CLAUSE_SPLIT = re.compile(r"[，,；;]")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_TITLE = re.compile(r"《[^《》\n]{1,120}》")
_QUOTE = re.compile(r"“[^“”\n]{1,40}”")
_DATE = re.compile(r"((?:19|20)\d{2})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?")
_LIGHT_PREFIX = ("实行", "进行", "成功")
_PARTNER_BEFORE = re.compile(r"(?:与|同|跟|和|联合|会同|协同|携手|配合|联手)$")
_PLACE_BEFORE = re.compile(r"(?:在|于|赴|到|深入|走进|进驻)$")
_OBJECT_BEFORE = re.compile(r"(?:对|向|为|给|将|把|帮助|推动|督促|指导|支持|协助)$")
_SETTLE_VERBS = frozenset({"落地", "落户", "签约", "入驻", "进驻", "集聚", "投产", "开工"})
_COMPARISON = re.compile(r"相比|相较|比较|相当|一致|相同|同步")
_COORD_TAIL = re.compile(r"(?:、|和|及|以及)$")
_COORD = re.compile(r"^(?:[、和及]|以及|、和)?$")
_PARTNER_VERBS = frozenset({"联合", "会同", "协同", "携手", "邀请", "特邀", "联手", "结对", "结对帮扶"})
_USE_VERBS = frozenset({"落实", "贯彻", "贯彻落实", "执行", "依据", "按照", "根据", "遵照", "实施", "执行好",
                        "学习", "解读", "宣讲", "适用", "运用"})
_USE_BEFORE = re.compile(r"(?:落实|贯彻|执行|依据|按照|根据|遵照)[^，,；;]{0,4}$")
_PIVOT_VERBS = frozenset({"组织", "指导", "督促", "推动", "引导", "支持", "鼓励", "要求", "动员", "协调"})


@functools.cache
def load_verbs() -> dict[str, str]:
    """The action verbs, ``{verb: type}``, from ``extract/data/action_verbs.tsv``.

    >>> load_verbs()["印发"], load_verbs()["邀请"], load_verbs()["落实"]
    ('issue', 'invite', 'other')
    """
    verbs: dict[str, str] = {}
    for line in _data_lines("action_verbs.tsv"):
        verb, _, kind = line.partition("\t")
        kind = kind.strip() or "other"
        if kind not in ACTION_TYPES:
            raise ValueError(f"action_verbs.tsv: unknown action type {kind!r} for {verb!r}")
        verbs.setdefault(verb.strip(), kind)
    return verbs


@functools.cache
def _verb_regex() -> re.Pattern[str]:
    verbs = sorted(load_verbs(), key=len, reverse=True)
    return re.compile("|".join(re.escape(v) for v in verbs))


@dataclass(frozen=True, slots=True)
class EntityRef:
    """An entity mention in the text: offsets, kind (``organization`` …) and key (canonical name)."""

    begin: int
    end: int
    kind: str
    key: str


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

    def __init__(self, text: str, entities: Sequence[EntityRef], *, issuer: str | None, area: str | None,
                 addressee: str | None, boundaries: tuple[frozenset[int], frozenset[int]] | None = None) -> None:
        self.text = text
        self.entities = sorted(entities, key=lambda e: (e.begin, -e.end))
        self.ent_starts = [e.begin for e in self.entities]
        self.issuer = issuer
        self.area = area
        self.addressee = addressee
        masks = [(m.start(), m.end()) for m in _TITLE.finditer(text)]
        masks += [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
        masks += [(e.begin, e.end) for e in self.entities]
        masks.sort()
        self.mask_starts = [b for b, _ in masks]
        self.masks = masks
        verbs = _verb_regex().finditer(text)
        if boundaries is not None:
            # A verb must be whole words of the segmenter: 出具 inside 作出|具体 is no verb.
            starts, ends = boundaries
            verbs = (m for m in verbs if m.start() in starts and m.end() in ends)
        # After 的 a verb is a noun (…情况的报告, 工作的开展).
        self.verbs = [m for m in verbs if not self._masked(m.start(), m.end())
                      and not (m.start() > 0 and text[m.start() - 1] == "的")]
        self.verb_starts = [m.start() for m in self.verbs]

    def _masked(self, begin: int, end: int) -> bool:
        i = bisect.bisect_right(self.mask_starts, begin) - 1
        # Masks may nest or overlap; look back over the few that start before.
        while i >= 0 and begin - self.masks[i][0] < 200:
            if self.masks[i][0] <= begin and end <= self.masks[i][1]:
                return True
            i -= 1
        return False

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

    def _verbs_in(self, begin: int, end: int) -> list[re.Match[str]]:
        lo = bisect.bisect_left(self.verb_starts, begin)
        hi = bisect.bisect_left(self.verb_starts, end)
        return [m for m in self.verbs[lo:hi] if m.end() <= end]

    def _main_verb(self, verbs: Sequence[re.Match[str]]) -> re.Match[str] | None:
        kinds = load_verbs()
        for m in verbs:
            if kinds[m.group()] != "other":
                return m
        return verbs[0] if verbs else None

    def _subject_key(self, ent: EntityRef) -> str:
        if ent.kind == "place" and self.issuer and self.area and ent.key.endswith(self.area):
            return self.issuer
        return ent.key

    def clause_actions(self, begin: int, end: int, sentence: Sentence, carried: list[str],
                       explicit: list[str] | None = None) -> tuple[list[Action], list[str]]:
        """The actions of the clause ``text[begin:end]`` and the subject it leaves to the next clause."""
        text = self.text
        verbs = self._verbs_in(begin, end)
        verb = self._main_verb(verbs)
        if verb is None:
            return [], carried
        kinds = load_verbs()
        vtext, vbegin, vend = verb.group(), verb.start(), verb.end()
        vtype = kinds[vtext]
        for prefix in _LIGHT_PREFIX:
            if text.startswith(prefix, vbegin - len(prefix)) and vbegin - len(prefix) >= begin:
                vtext, vbegin = prefix + vtext, vbegin - len(prefix)
                break
        roles = _Roles([], [], [], [], [], [])
        ents = self._ents_in(begin, end)
        before = [e for e in ents if e.end <= vbegin]
        after = [e for e in ents if e.begin >= vend]
        subject_found = False
        subject_is_org = False
        last_role: list[str] | None = None
        prev_end = begin
        for group in _groups(before, text):
            lead = text[begin : group[0].begin]
            keys = [e.key for e in group]
            if last_role is not None and _COORD_TAIL.search(text[prev_end : group[0].begin]):
                # 与东莞松山湖、惠州惠阳区: a name the components missed breaks the run; 、 continues it.
                for e in group:
                    role = roles.objects if last_role is roles.places and e.kind != "place" else last_role
                    _add(role, e.key)
                prev_end = group[-1].end
                continue
            prev_end = group[-1].end
            last_role = None
            if _PARTNER_BEFORE.search(lead) and self._partner_gap(group, before, vbegin, end):
                last_role = roles.partners
                for k in keys:
                    _add(roles.partners, k)
            elif _PLACE_BEFORE.search(lead):
                last_role = roles.places
                for e in group:
                    _add(roles.places if e.kind == "place" else roles.objects, e.key)
            elif _OBJECT_BEFORE.search(lead):
                last_role = roles.objects
                for k in keys:
                    _add(roles.objects, k)
            elif not subject_found and explicit is None and self._subject_position(lead, group, vbegin):
                subject_found = True
                subject_is_org = group[0].kind == "organization"
                for e in group:
                    _add(roles.agents, self._subject_key(e))
            else:
                for k in keys:
                    _add(roles.objects, k)
        if explicit is not None:
            roles.agents = list(explicit)
        elif not roles.agents:
            roles.agents = list(carried) if carried else ([self.issuer] if self.issuer else [])
        pivot: tuple[list[str], int] | None = None
        prev_end = vend
        partner_verb = vtext in _PARTNER_VERBS or verb.group() in _PARTNER_VERBS
        use_verb = verb.group() in _USE_VERBS
        for gi, group in enumerate(_groups(after, text)):
            gap = text[prev_end : group[0].begin]
            prev_end = group[-1].end
            if gi == 0 and verb.group() in _PIVOT_VERBS and gap == "" and group[0].kind == "organization":
                if any(m.start() >= group[-1].end for m in verbs):
                    pivot = ([e.key for e in group], group[-1].end)
                    for e in group:
                        _add(roles.objects, e.key)
                    break
            for e in group:
                if gi == 0 and gap == "" and partner_verb:
                    _add(roles.partners, e.key)
                elif _PLACE_BEFORE.search(gap) and e.kind == "place":
                    _add(roles.places, e.key)
                elif vtype == "establish" and e.kind == "organization":
                    _add(roles.generated, e.key)
                elif vtype == "issue" and e.kind == "document":
                    _add(roles.generated, e.key)
                elif e.kind == "document" and (use_verb or _USE_BEFORE.search(gap)):
                    _add(roles.used, e.key)
                else:
                    _add(roles.objects, e.key)
        if vtype == "establish" and (roles.partners or text.find("机制", vend, end) >= 0) and verb.group() == "建立":
            vtype = "cooperate"
        if vtype == "report" and self.addressee and not any(
                e.kind == "organization" for e in ents if e.key in roles.objects or e.key in roles.partners):
            roles.objects.append(self.addressee)
        for k in roles.agents:  # an agent is not also its own partner or object
            for role in (roles.partners, roles.objects):
                if k in role:
                    role.remove(k)
        action = Action(
            verb=vtext,
            type=vtype,
            agents=tuple(roles.agents),
            evidence=Evidence(begin, end, sentence.begin, sentence.end),
            objects=tuple(roles.objects),
            partners=tuple(roles.partners),
            generated=tuple(roles.generated),
            used=tuple(roles.used),
            places=tuple(roles.places),
            time=_time(text[begin:end]),
            section=sentence.section,
        )
        out = [action]
        if pivot is not None:
            sub, _ = self.clause_actions(pivot[1], end, sentence, carried, explicit=pivot[0])
            out.extend(sub)
        # A body named as subject carries over to the subjectless clauses after it (a place does not:
        # 某村成功创建…，培养… is the issuer's work again).
        next_carried = roles.agents if subject_is_org else ([] if subject_found else carried)
        return out, next_carried

    def _topic(self, sentence: Sentence) -> EntityRef | None:
        """A place named at the head of the sentence (the topic later clauses may refer to)."""
        ents = self._ents_in(sentence.begin, sentence.end)
        if not ents or ents[0].kind != "place":
            return None
        if self.text[sentence.begin : ents[0].begin].strip():
            return None
        return ents[0]

    def _partner_gap(self, group: Sequence[EntityRef], before: Sequence[EntityRef], vbegin: int,
                     end: int) -> bool:
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
        if gap.startswith("等"):
            # X、Y等23个龙头企业项目落地: 等 closes a list of subjects.
            return len(lead) <= 6 and len(gap) <= 20 and "的" not in gap
        return len(lead) <= 6 and len(gap) <= 8 and "的" not in gap

    def sentence_actions(self, sentence: Sentence) -> list[Action]:
        out: list[Action] = []
        carried: list[str] = []
        start = sentence.begin
        body = self.text[sentence.begin : sentence.end]
        cuts = [m.start() + sentence.begin for m in _CLAUSE_SPLIT.finditer(body)] + [sentence.end]
        topic = self._topic(sentence)
        for cut in cuts:
            begin, end = start, cut
            start = cut + 1
            while begin < end and self.text[begin].isspace():
                begin += 1
            while end > begin and self.text[end - 1] in " \t\n。！？!?　":
                end -= 1
            if end - begin < 2:
                continue
            acts, carried = self.clause_actions(begin, end, sentence, carried)
            if topic is not None and begin > topic.end:
                # 某园区初具规模，A、B等企业落户: they settle in the sentence's topic.
                acts = [a if a.verb not in _SETTLE_VERBS or a.objects or a.places
                        else _with_object(a, topic.key) for a in acts]
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
    boundaries: tuple[frozenset[int], frozenset[int]] | None = None,
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
    boundaries : (frozenset of int, frozenset of int), optional
        Offsets where words start and end (from the Doc's tokens); a verb must start and end on them.
        Without it, any occurrence of a verb counts.
    """
    if not sentences:
        sentences = [Sentence(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
    finder = _Finder(text, entities, issuer=issuer, area=area, addressee=addressee, boundaries=boundaries)
    out: list[Action] = []
    for sentence in sentences:
        out.extend(finder.sentence_actions(sentence))
    return out


def actions_from_text(text: str, *, entities: Sequence[EntityRef] = (), issuer: str | None = None) -> list[Action]:
    """Actions of a bare text; a convenience for tests and notebooks."""
    return find_actions(text, entities=entities, issuer=issuer)


def doc_entities(doc: Doc) -> list[EntityRef]:
    """The entity mentions of an annotated Doc as :class:`EntityRef` (exact offsets when known)."""
    out: list[EntityRef] = []
    for kind in ENTITY_KINDS:
        if kind not in doc.spans:
            continue
        for span in doc.spans[kind]:
            key = span.kb_id_ or span.text
            exact = span._.lg_exact if span.has_extension("lg_exact") else None
            begin, end = exact if exact else (span.start_char, span.end_char)
            out.append(EntityRef(begin, end, kind, key))
    return out


def _issuer(doc: Doc) -> tuple[str | None, str | None, str | None]:
    ctx = doc._.lg_context if Doc.has_extension("lg_context") else None
    if ctx is not None:
        return ctx.issuer, ctx.area, ctx.addressee
    report = doc._.report
    if report is not None and report.meta.issuer:
        return report.meta.issuer, None, None
    return None, None, None


class ActionFinder:
    """The ``lawgraph_actions`` component: sets ``doc._.lg_actions``."""

    def __init__(self, nlp: Language, name: str = "lawgraph_actions") -> None:
        from lawgraph.extract.extensions import register_extensions

        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        issuer, area, addressee = _issuer(doc)
        report = doc._.report
        doc._.lg_actions = find_actions(
            doc.text,
            sentences=report.sentences if report is not None else None,
            entities=doc_entities(doc),
            issuer=issuer,
            area=area,
            addressee=addressee,
            boundaries=(frozenset(t.idx for t in doc), frozenset(t.idx + len(t.text) for t in doc)),
        )
        return doc


@Language.factory("lawgraph_actions", assigns=["doc._.lg_actions"])
def make_action_finder(nlp: Language, name: str) -> ActionFinder:
    """Build the ``lawgraph_actions`` component (runs after the entity components)."""
    return ActionFinder(nlp, name)
