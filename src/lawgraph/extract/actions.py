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

import re
from collections.abc import Collection, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from lawgraph.extract.agents import AgentRules
from lawgraph.extract.clause_finder import ClauseFinder
from lawgraph.extract.component import LexiconComponent
from lawgraph.extract.data import Lexicon, package_text, parse_lines
from lawgraph.extract.extensions import EntityRef, doc_entities, register_extensions
from lawgraph.extract.status import StatusReader, status_reader
from lawgraph.extract.tokens import token_boundaries, token_starts
from lawgraph.extract.verbs import (
    ACTION_TYPES,
    NOT_AN_ACTION,
    ActionVerbs,
    load_verbs,
    parse_conditions,
    parse_verbs,
)
from lawgraph.model import Action, Section, Sentence

__all__ = [
    "ACTION_TYPES",
    "NOT_AN_ACTION",
    "ActionFinder",
    "make_action_finder",
    "load_verbs",
    "find_actions",
    "actions_from_text",
    "ActionVerbs",
    "heading_sentences",
    "parse_verbs",
    "parse_conditions",
]

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


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
    finder = ClauseFinder(
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
