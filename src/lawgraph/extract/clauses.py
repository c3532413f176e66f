"""The grammar of an action clause: which verb is its predicate, and whether what follows says what was done.

An action clause of a Chinese work report reads ``[time, order, adverbs, subject, prepositional phrases]
VERB OBJECT``: 2022年，一是深入开展专项行动; 区司法局与区法院建立协作机制; 对丁镇实行委托管理. The finder
(:mod:`lawgraph.extract.actions`) asks this module three questions about a clause:

- **Is the verb in predicate position?** Everything before it must be words that may lead a verb
  (:meth:`ClauseWords.lead_ok`): adverbs, times, ordinals (一是), subjects in the report's own voice (我们,
  全区), entities with the preposition that gives their role (与X, 在X, 对X), a list of subjects closed by 等.
  A noun before it makes it a noun (法治政府建设, 学习教育), a purpose (为推动…), or a clause whose subject
  the graph cannot name (总书记…考察指导, 试点地区组织…).
- **What does it act on?** The object phrase after the verb (:func:`object_phrase`). It is no action when
  that is empty (坚持, 推进 alone), only a number (新增病床2173张: a statistic), a state (…持续深化,
  …达到95%), a copula (扩大开放是…之路) or, after 推动/推进, a goal (推动经济持续向好).
- **Which type?** A verb's type may need its object (培养人才 trains, 培育产业 does not;
  :meth:`ClauseWords.condition_holds`).

The word classes come from ``data/action_words.tsv`` (:class:`ClauseWords`).

Examples
--------
>>> words = ClauseWords.of(parse_words(package_text("action_words.tsv").splitlines()))
>>> words.lead_ok("2022年，一是深入"), words.lead_ok("法治政府"), words.lead_ok(ORG + "与" + ORG)
(True, False, True)
>>> object_phrase("案件39件"), is_statistic("2173张"), is_state("教育走深走实")
('案件39件', True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lawgraph.extract.data import package_text, parse_tsv
from lawgraph.extract.numbers import trie_pattern

__all__ = [
    "ORG",
    "PLACE",
    "DOCUMENT",
    "INITIATIVE",
    "MARKS",
    "WORD_CLASSES",
    "ClauseWords",
    "parse_words",
    "object_phrase",
    "object_text",
    "is_statistic",
    "is_state",
    "is_goal",
    "is_generic",
    "inside_prep_phrase",
    "package_text",
]

ORG, PLACE, DOCUMENT, INITIATIVE = "\ue000", "\ue001", "\ue002", "\ue003"
"""Private-use characters that stand for an entity mention of each kind in a masked lead."""
MARKS = {"organization": ORG, "place": PLACE, "document": DOCUMENT, "initiative": INITIATIVE}

WORD_CLASSES = ("adverb", "own", "person", "aux", "recipient", "people", "cases", "title")
"""The classes of ``action_words.tsv``."""

_ENT = "[\ue000-\ue003]"
_GROUP = rf"{_ENT}(?:(?:、|和|及|以及|及其|与|同)?{_ENT})*"
_ROLE = (
    "与|同|跟|和|联合|会同|协同|携手|配合|联手|在|于|赴|到|深入|走进|进驻|对|向|为|给|将|把|帮助|督促|指导|代表|被|"
    "支持|协助|依托|通过|围绕|按照|根据|依据|结合|针对|面向|组织|邀请|牵头|由|从|得到|受到"
)
_TIME = (
    r"(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?|[一二三四五六七八九十两\d]+(?:年|个月|天)"
    r"|截至目前|截至\d{4}年(?:\d{1,2}月)?(?:底)?)(?:以来|来|内|底|初|中|起|前|后|期间|上半年|下半年)?"
)
_ORDINAL = r"[一二三四五六七八九十]+是|第[一二三四五六七八九十]+|[（(][一二三四五六七八九十\d]+[)）]"
_LIGHT = r"[、和并及也还又都均已，,\s]|进行|予以|给予|实行|作出"
_PREP_NP = (
    r"(?:对|将|把)[^\ue000-\ue003的，,]{1,15}?(?=进行|予以|给予|实行|作出)"
    rf"|(?:对|将|把){_GROUP}[^\ue000-\ue003的，,]{{0,6}}?(?=进行|予以|给予|实行|作出)"
    r"|为[^\ue000-\ue003的，,]{1,12}?"
    r"|向(?:大会|社会|全社会|公众|群众|上级|本级人大(?:常委会)?|人大(?:常委会)?|政协)"
)
_PASSIVE_TOPIC = rf"{_GROUP}[^\ue000-\ue003，,的、]{{0,10}}?(?=被|得到|受到)"
"""What a passive clause is about, before 被/得到/受到 and who acted (X经验被Y推广, X案例得到Y表扬)."""
_LOCATIVE = r"(?:上|中|内|里|下|方面|领域|行业|环节|期间|基础上|前提下|过程中)"
_MANNER = r"(?:力度|方式|标准|原则|举措|手段|形式|模式|姿态|作风|速度|要求|精神|思路|理念)"
_PREP_PHRASE = (
    r"以[^\ue000-\ue003，,的]{1,10}?为[^\ue000-\ue003，,的]{1,6}?"
    rf"|以[^\ue000-\ue003，,的、]{{1,8}}?{_MANNER}"
    rf"|在[^\ue000-\ue003，,的]{{1,20}}?{_LOCATIVE}"
)
"""以项目为抓手…, 以头号力度…, 在政务服务、市场监管等领域…: a prepositional phrase before the verb, closed by
为…, a noun of manner or a locative. A verb inside one is a noun of what the preposition holds
(在公园建设管理方面开展…: the predicate is 开展, :func:`inside_prep_phrase`)."""
_CLOSED_PREP = re.compile(rf"{_PREP_PHRASE}|{_PASSIVE_TOPIC}")
_OPEN_PREP = r"在[^\ue000-\ue003，,的、]{1,8}?|以[^\ue000-\ue003，,的、]{1,6}?(?={adverbs})"
"""在公立医院推行…, 在全国率先…: 在 and a short place; 以 not closed must be followed by an adverb (以上率下
is none; 以经济建设为中心 is closed)."""
_NAME = r"[^\ue000-\ue003，,、的\s]{2,10}"
_SUBJECT = rf"(?:{_NAME}、)*{_GROUP}(?:、{_NAME})*(?:等[^\ue000-\ue003，,]{{0,20}}?)?"
"""A list of subjects or topics: entities, with names the entity components missed among them (X、某花城、Y)
and closed by 等 (X、Y等23个项目)."""

_UNIT = r"(?:平方公里|平方米|立方米|千瓦时|公顷|[^\d\s]{0,2})"
_STAT = re.compile(
    rf"[约近超过达共计累计总]*[\d０-９][\d０-９.．,，]*[万亿千百十]*{_UNIT}[余多以上左右]*"
    rf"(?:[、和及][约近超]*[\d０-９][\d０-９.．]*[万亿千百十]*{_UNIT}[余多以上左右]*)*"
)
_STATE_VALUE = re.compile(
    r"(?:达到?|超过|增长|增加|下降|减少|提高|提升|降低|占比?|位居|居全国|突破|为|增至|降至|升至)\s*[约近超过达第]*[\d０-９]"
)
_STATE_END = re.compile(
    r"(?:持续|不断|显著|明显|稳步|扎实|全面|有效|加快|加速|逐步|进一步|大幅|日益|更加|加力|纵深|有力|有序|不断)"
    r"[^\s，,、]{0,4}$|走深走实|落地见效|初见成效|成效(?:明显|显著)|任重道远|取得[^，,]{0,8}(?:成效|进展|进步|突破|成果|成绩)$"
    r"|(?:亟待|有待|仍需|还需|尚需)[^，,]*$|奠定[^，,]{0,6}基础$|新(?:台阶|水平|高度|局面|篇章|成效|突破|进展|进步|成绩)$"
    r"|(?:仍|还|尚)(?:有|需|存在|不)|有待|亟待|不够|不足|不到位"
)
_COPULA = re.compile(r"(?<![一二三四五六七八九十但就还总正都也更要])是")
_GOAL_HEADS = frozenset({"推动", "推进", "促进"})
_GOAL_END = re.compile(
    r"(?:提升|提高|增长|向好|好转|下降|降低|改善|增强|转型|升级|发展|提速|提质|增效|扩面|跃升|壮大|繁荣|见效|突破"
    r"|满产|投产|落地|迈进|实现|更好|平衡|协调)$"
)
_GOAL_START = re.compile(r"实现|达到|确保|力争|的")
"""An object phrase that starts a result (推动实现…) or makes the verb a modifier (新建的公园…)."""
_LEADING = re.compile(r"^(?:[了着过好]|[和并及与](?=[\u4e00-\u9fff]{2}))")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NOT_TEXT = re.compile(r"[\ue000-\ue003、，,和及与等并\s“”\"《》（）()]")

MAX_OBJECT_TEXT = 60
"""An object phrase longer than this is written cut to it."""


def parse_words(lines: Iterable[str]) -> dict[str, frozenset[str]]:
    """``{class: words}`` from the lines of ``action_words.tsv`` (``WORD<TAB>CLASS``).

    A class outside :data:`WORD_CLASSES` is an error of the file.
    """
    out: dict[str, set[str]] = {c: set() for c in WORD_CLASSES}
    for row in parse_tsv("\n".join(lines)):
        if len(row) < 2:
            raise ValueError(f"action_words.tsv: no class for {row[0]!r}")
        word, cls = row[0], row[1]
        if cls not in out:
            raise ValueError(f"action_words.tsv: unknown class {cls!r} for {word!r}")
        out[cls].add(word)
    return {c: frozenset(words) for c, words in out.items()}


@dataclass(frozen=True, slots=True)
class ClauseWords:
    """The word classes of ``action_words.tsv`` and the patterns built from them."""

    classes: Mapping[str, frozenset[str]]
    lead: re.Pattern[str]
    """What may stand before a verb in predicate position (a masked lead matches it whole)."""
    disposal: re.Pattern[str]
    """A lead that puts what is acted on before the verb with 将/把 (现将X报送…, 将X纳入…)."""
    only_adverbs: re.Pattern[str]
    person: re.Pattern[str]
    condition: Mapping[str, re.Pattern[str]]

    @classmethod
    def of(cls, classes: Mapping[str, frozenset[str]]) -> ClauseWords:
        """Build the patterns of ``classes`` (``{class: words}``)."""
        adverbs = trie_pattern(classes["adverb"]) + "地?"
        own = trie_pattern(classes["own"])
        item = (
            f"{_ORDINAL}|{_TIME}|{adverbs}|{own}|(?:{_ROLE}){_GROUP}(?:等[^\ue000-\ue003，,]{{0,6}}?)?"
            f"(?:的)?(?:上|中|内|里|下|期间)?|{_PREP_PHRASE}|{_OPEN_PREP.replace('{adverbs}', adverbs)}"
            f"|{_PREP_NP}|{_PASSIVE_TOPIC}|{_SUBJECT}|{_LIGHT}"
        )
        lead = re.compile(f"(?:{item})*")
        disposal = re.compile(f"(?:{_TIME}|{adverbs}|{own})*(?:将|把)[^，,；;]{{1,25}}?(?:{_LIGHT})?")
        only_adverbs = re.compile(f"(?:{adverbs}|{_LIGHT})*")
        person = re.compile(trie_pattern(classes["person"]))
        condition = {
            name: re.compile(trie_pattern(classes[name])) for name in ("people", "cases", "title")
        }
        return cls(dict(classes), lead, disposal, only_adverbs, person, condition)

    def words(self, cls: str) -> frozenset[str]:
        """The words of one class."""
        return self.classes[cls]

    def lead_ok(self, lead: str) -> bool:
        """Whether ``lead`` (a clause's text before a verb, entities masked) may stand before a predicate."""
        return len(lead) <= 60 and self.lead.fullmatch(lead) is not None

    def disposal_ok(self, lead: str) -> bool:
        """Whether ``lead`` is 将/把 and what is acted on, which may hold verbs as nouns (将建设情况报送…)."""
        return len(lead) <= 40 and self.disposal.fullmatch(lead) is not None

    def adverbs_only(self, text: str) -> bool:
        """Whether ``text`` holds only adverbs (有序, 加快, 全面…): X建设有序推进 is a topic and its verb."""
        return self.only_adverbs.fullmatch(text) is not None

    def names_person(self, lead: str) -> bool:
        """Whether a lead names a person or persons as subject (总书记…, 党政主要负责人…)."""
        return self.person.search(lead) is not None

    def condition_holds(self, condition: str, text: str, *, partners: bool) -> bool:
        """Whether a verb's type condition (``people``, ``cases``, ``title``, ``partner``) holds in
        ``text`` (``partners``: whether the clause names a partner)."""
        if condition == "partner":
            return partners
        pattern = self.condition.get(condition)
        return pattern is not None and pattern.search(text) is not None


def object_phrase(after: str) -> str:
    """The object phrase of a clause from the text ``after`` its verb: without 了/着/好, 、 and blanks
    before it.

    >>> object_phrase("了规划纲要"), object_phrase("、开业运营某剧场")
    ('规划纲要', '开业运营某剧场')
    """
    return _LEADING.sub("", after.strip(" 　、")).strip()


def object_text(phrase: str, masked: str) -> str | None:
    """The object phrase as it is to be written, or ``None`` when the entities it names say it all.

    ``masked`` is ``phrase`` with its entity mentions masked: what is left of it besides them and the
    marks that join them must be two characters at least.

    >>> object_text("行政争议化解机制", "行政争议化解机制"), object_text("甲、乙", ORG + "、" + ORG)
    ('行政争议化解机制', None)
    """
    if len(_CJK.findall(_NOT_TEXT.sub("", masked))) < 2:
        return None
    return phrase[:MAX_OBJECT_TEXT]


def is_statistic(phrase: str) -> bool:
    """Whether an object phrase is only a number and its unit (新增…2173张, 惠及…13万户).

    >>> is_statistic("18.5平方公里"), is_statistic("案件39件"), is_statistic("3名干部")
    (True, False, False)
    """
    return _STAT.fullmatch(phrase) is not None


def is_state(phrase: str) -> bool:
    """Whether an object phrase states a state or a value, so that the verb before it is a noun or a
    topic (培训覆盖率达到100%, 学习教育走深走实, 扩大开放是必由之路).

    >>> is_state("覆盖率达到100%"), is_state("改革持续深化"), is_state("复议员培训")
    (True, True, False)
    """
    return (
        _STATE_VALUE.search(phrase) is not None
        or _STATE_END.search(phrase) is not None
        or _COPULA.search(phrase) is not None
    )


def is_goal(head: str, phrase: str) -> bool:
    """Whether 推动/推进/促进 + object states a goal rather than an action (推动经济持续向好).

    ``phrase`` is masked: a goal for a body or a place the report names (推动X尽快达产) is an action on it.

    >>> is_goal("推动", "生态环境质量持续向好"), is_goal("推动", "政务服务增值化改革")
    (True, False)
    >>> is_goal("推动", ORG + "尽快达产满产"), is_goal("推动", "实现适度生育水平")
    (False, True)
    """
    if _GOAL_START.match(phrase):
        return True
    if head not in _GOAL_HEADS or any(mark in phrase for mark in (ORG, PLACE, DOCUMENT, INITIATIVE)):
        return False
    return _GOAL_END.search(phrase) is not None


def inside_prep_phrase(lead: str, at: int) -> bool:
    """Whether position ``at`` of a masked lead lies inside a closed prepositional phrase (在…方面,
    以…为…): a verb there is a noun of what the preposition holds (在公园建设管理方面开展…: 建设).

    >>> inside_prep_phrase("在公园建设管理方面", 3), inside_prep_phrase("在全国率先", 3)
    (True, False)
    """
    return any(m.start() < at < m.end() for m in _CLOSED_PREP.finditer(lead))


_GENERIC = re.compile(r"(?:各项|相关|有关|这些|上述|此项|该项|各类|全部|所有)?(?:工作|任务|事项|要求|部署)")


def is_generic(phrase: str) -> bool:
    """Whether an object phrase names nothing in particular (推进各项工作, 做好相关工作).

    >>> is_generic("各项工作"), is_generic("调解工作")
    (True, False)
    """
    return _GENERIC.fullmatch(phrase) is not None
