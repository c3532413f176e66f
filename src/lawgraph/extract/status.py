"""The status of what a report states: done, planned, or a shortcoming (``lg:status``).

A report on a year of work mixes what was done (工作情况, 主要成效, 2025年工作回顾), what is planned
(下一步工作安排, 2026年重点工作) and what is still lacking (存在的不足和问题). The status of an action or an
observation is read, in this order, from

1. **cue words** in its sentence, up to the end of its clause: a plan (将继续, 我们将, 计划, 拟, 力争,
   下一步, 今后, a year after the report's year …) or a shortcoming (仍有差距, 还存在, 不够, 有待, 亟待,
   薄弱 …). When both kinds stand before the fact, the later one wins (针对不足，下一步将… is a plan);
2. **the paragraph**: a sentence with a cue that opens its paragraph, or that ends in a colon
   (…仍有一定差距：一是…), gives its status to the rest of the paragraph;
3. **the section**: the outermost heading around the sentence that names a status (二、存在的问题 /
   三、2023年工作思路 / 一、2022年工作回顾), at any level; a heading that names a year after the report's
   year is a plan;
4. otherwise, done: a report mostly tells what was done.

Actions and observations both take their status from here (:func:`lawgraph.extract.facts.doc_to_facts`).

Examples
--------
>>> from lawgraph.ingest import report_from_text
>>> text = ("一、工作情况\\n成立调解委员会。\\n二、存在的不足\\n执法队伍建设仍需加强。\\n"
...         "三、下一步工作安排\\n健全工作机制。我们还将加强培训。")
>>> report = report_from_text(text, name="r.txt")
>>> reader, text = StatusReader(report), report.text
>>> [reader.status(text.find(s), text.find(s) + len(s)) for s in ("成立", "执法", "健全", "加强培训")]
['done', 'shortcoming', 'planned', 'planned']
"""

from __future__ import annotations

import bisect
import re

from lawgraph.model import Report, Section

__all__ = [
    "STATUSES",
    "DONE",
    "PLANNED",
    "SHORTCOMING",
    "StatusReader",
    "cue_status",
    "heading_status",
    "status_reader",
]

DONE, PLANNED, SHORTCOMING = "done", "planned", "shortcoming"
STATUSES: tuple[str, ...] = (DONE, PLANNED, SHORTCOMING)
"""Local names of the status concepts (``lg-status:<name>`` in the ontology's scheme ``lg:statuses``)."""

_MIXED = "mixed"
"""A heading that names both a shortcoming and a plan (存在的问题和下一步打算): the cue words decide, and
a sentence without a cue is a plan."""

_ADVERB_AFTER_JIANG = (
    "继续|进一步|持续|加快|加大|加强|全面|深入|着力|不断|大力|积极|认真|切实|更加|努力|全力|力争|坚持|"
    "紧紧|始终|重点|逐步|统筹|围绕|聚焦|按照|以|在|一如既往|牢牢|坚定|扎实|抓好|推动|推进|开展|健全|完善"
)
_PLANNED_CUE = re.compile(
    r"(?=[我也还仍都必并亦即今下将计拟力争预明接未要])"
    rf"(?:我们|我区|我市|我县|我省|我州|我局|我委|我厅|我院|也|还|仍|都|必|并|亦|即|今后|下一步)将"
    rf"|将(?:{_ADVERB_AFTER_JIANG})"
    r"|(?:(?<![\u4e00-\u9fff])|(?<=[年月还并将]))计划(?!单列|生育|经济|内|外)"
    r"|拟(?!定|订|任|稿)|力争|预计|下一步|今后|明年|接下来|未来[一二三五几]年"
    rf"|(?<![主重需只首纲概])要(?:{_ADVERB_AFTER_JIANG}|把)"
)
_SHORTCOMING_CUE = re.compile(
    r"(?=[仍还尚不有亟差薄滞欠缺任困问矛短])(?:仍(?:然)?(?:有|存在|不|需|较|面临|偏|待|未|显|比较)|还(?:存在|不|有待|需要|需|没有|比较|较为|有差距|有一定)"
    r"|尚(?:未|不|需|待|有|存在)|不够|不足(?!以)|不到位|不充分|不平衡|不健全|不完善|不规范|不高|不强|不明显"
    r"|有待|亟待|亟需|亟须|差距|薄弱|滞后|欠缺|缺乏|不容乐观|任重道远|困难和问题|问题和不足|矛盾和问题|短板弱项)"
)
_TITLE_SPAN = re.compile(r"《[^《》\n]{0,120}》")
_YEAR = re.compile(r"(?<![\d—\-~])(20\d\d)年(?!度?[—\-~至到])")

_HEAD_SHORTCOMING = re.compile(
    r"存在(?:的)?(?:主要)?(?:问题|不足|困难|短板|差距)|(?:问题|不足|差距|短板|弱项|困难|挑战)"
    r"(?:[和与及、](?:原因|差距|不足|问题|短板|挑战|困难|弱项))*$|^(?:问题|不足)"
)
_HEAD_NOT_SHORTCOMING = re.compile(r"解决|化解|整改|破解|补齐|补足|着力|攻坚|应对|聚焦|防范")
_HEAD_DONE_STRONG = re.compile(r"回顾|成效|成绩|成就|圆满完成|全面完成|顺利完成|完成情况")
_HEAD_PLANNED = re.compile(
    r"下一步|今后|展望|工作计划|打算|工作安排|安排$|工作思路|总体思路|思路和|思路$|设想|努力方向|主要考虑"
    r"|目标任务|主要目标|谋划|意见建议"
)
_HEAD_DONE = re.compile(
    r"进展|工作情况|开展情况|推进情况|落实情况|建设情况|履职情况|基本情况|总体情况|主要做法|主要工作|工作总结"
    r"|取得的|主要举措"
)
_HEAD_PLANNED_WEAK = re.compile(r"重点工作|主要任务|重点任务|工作重点|总体要求|工作措施")


def heading_status(title: str, year: int | None = None) -> str | None:
    """The status a section heading names, if any (``'mixed'`` for a problem-and-plan heading).

    ``year`` is the year the report reports on: a heading naming a later year is a plan.

    >>> [heading_status(t, 2022) for t in ("2022年工作回顾", "2023年工作思路", "存在的不足和原因")]
    ['done', 'planned', 'shortcoming']
    >>> heading_status("存在的问题及下一步工作打算"), heading_status("(三)着力解决群众急难愁盼问题")
    ('mixed', None)
    >>> heading_status("2026年重点工作", 2025), heading_status("推进权责清单协同高效")
    ('planned', None)
    """
    title = _TITLE_SPAN.sub("", title)
    short = bool(_HEAD_SHORTCOMING.search(title)) and not _HEAD_NOT_SHORTCOMING.search(title)
    planned = bool(_HEAD_PLANNED.search(title))
    if short:
        return _MIXED if planned else SHORTCOMING
    if _HEAD_DONE_STRONG.search(title):
        return DONE
    if year is not None:
        years = [int(y) for y in _YEAR.findall(title)]
        if years and max(years) > year:
            return PLANNED
    if planned:
        return PLANNED
    if _HEAD_DONE.search(title):
        return DONE
    if _HEAD_PLANNED_WEAK.search(title):
        return PLANNED
    return None


def cue_status(text: str, year: int | None = None) -> str | None:
    """The status the cue words of ``text`` (a sentence up to the end of a fact) give, if any.

    The later of the two kinds of cue wins; a year after ``year`` (the report's) is a plan cue. Titles in
    《》 are not read.

    >>> cue_status("我们将继续深化改革"), cue_status("执法规范化水平还不够高"), cue_status("成立调解委员会")
    ('planned', 'shortcoming', None)
    >>> cue_status("针对短板弱项，下一步将完善机制"), cue_status("将改革事项纳入要点")
    ('planned', None)
    >>> cue_status("到2025年基本建成法治政府", 2022), cue_status("2022年建成法治政府", 2022)
    ('planned', None)
    >>> cue_status("启动实施三年行动计划"), cue_status("计划新建调解室10个")
    (None, 'planned')
    """
    cues = _cues(text, year)
    return cues[-1][1] if cues else None


def _cues(text: str, year: int | None) -> list[tuple[int, str]]:
    """Where the cue words of ``text`` start, and the status each gives, in text order."""
    if "《" in text:
        text = _TITLE_SPAN.sub(lambda m: "　" * len(m.group()), text)
    found = [(m.start(), PLANNED) for m in _PLANNED_CUE.finditer(text)]
    found += [(m.start(), SHORTCOMING) for m in _SHORTCOMING_CUE.finditer(text)]
    if year is not None and "年" in text:
        found += [(m.start(), PLANNED) for m in _YEAR.finditer(text) if int(m.group(1)) > year]
    found.sort()
    return found


class StatusReader:
    """The status of the facts of one report, by the sentence, paragraph and section they stand in.

    Parameters
    ----------
    report : Report
        The report, with its sections and sentences (:func:`lawgraph.ingest.read_report`).
    """

    def __init__(self, report: Report) -> None:
        self.text = report.text
        self.year = report.meta.year
        self.sentences = report.sentences
        self.starts = [s.begin for s in report.sentences]
        self.section_status = _section_statuses(report.sections, self.year)
        self.parts = _part_headings(self.text, self.year)
        self.part_starts = [at for at, _ in self.parts]
        self._cues: dict[int, list[tuple[int, str]]] = {}
        self._base: dict[int, str] = {}
        self._leads: dict[int, str | None] = {}

    def status(self, begin: int, end: int) -> str:
        """The status of a fact read from ``text[begin:end]`` (a clause, a number and its unit …)."""
        i = bisect.bisect_right(self.starts, begin) - 1
        if i < 0 or self.sentences[i].end < begin:
            s_begin = max(self.text.rfind("\n", 0, begin), self.text.rfind("。", 0, begin)) + 1
            return cue_status(self.text[s_begin:end], self.year) or DONE
        cues = self._sentence_cues(i)
        if cues:
            limit = end - self.sentences[i].begin
            k = bisect.bisect_left(cues, (limit, ""))
            if k:
                return cues[k - 1][1]
        return self._sentence_base(i)

    def _sentence_cues(self, i: int) -> list[tuple[int, str]]:
        cues = self._cues.get(i)
        if cues is None:
            sentence = self.sentences[i]
            cues = self._cues[i] = _cues(self.text[sentence.begin : sentence.end], self.year)
        return cues

    def _sentence_base(self, i: int) -> str:
        """The status of sentence ``i`` without its own cue words: its paragraph's lead, else its section."""
        base = self._base.get(i)
        if base is None:
            base = self._base[i] = self._paragraph_lead(i) or self._of_section(i)
        return base

    def _of_section(self, i: int) -> str:
        section = self.sentences[i].section
        statuses = self.section_status
        status = statuses[section] if section is not None and 0 <= section < len(statuses) else None
        if status is None and self.parts:
            k = bisect.bisect_right(self.part_starts, self.sentences[i].begin) - 1
            status = self.parts[k][1] if k >= 0 else None
        if status == _MIXED:
            return PLANNED
        return status or DONE

    def _paragraph_lead(self, i: int) -> str | None:
        """The status a cue-bearing lead sentence earlier in the paragraph of sentence ``i`` gives it: the
        paragraph's first sentence, or one that ends in a colon."""
        text, sentences = self.text, self.sentences
        para = text.rfind("\n", 0, sentences[i].begin) + 1
        if i == 0 or sentences[i - 1].begin < para:
            return None  # the paragraph's first sentence leads nothing before it
        return self._lead_of(i - 1, para)

    def _lead_of(self, j: int, para: int) -> str | None:
        """The lead status sentence ``j`` and those before it in its paragraph hand to the next sentence."""
        sentences, leads = self.sentences, self._leads
        first = j
        while first > 0 and sentences[first - 1].begin >= para and (first - 1) not in leads:
            first -= 1
        lead = leads.get(first - 1) if first > 0 and sentences[first - 1].begin >= para else None
        for k in range(first, j + 1):
            opens = k == 0 or sentences[k - 1].begin < para
            if opens or self.text[sentences[k].end - 1] in "：:":
                cues = self._sentence_cues(k)
                if cues:
                    lead = cues[-1][1]
            leads[k] = lead
        return lead


_LAST: list[tuple[Report, StatusReader]] = []


def status_reader(report: Report) -> StatusReader:
    """The status reader of ``report``: the one the last call made for the same report object, else a new one.

    The action finder and :func:`lawgraph.extract.facts.doc_to_facts` read the statuses of one report one
    after the other; they share the cues each has read.

    >>> from lawgraph.model import Report
    >>> report = Report(name="r.txt", text="将继续完善。", sha256="0")
    >>> status_reader(report) is status_reader(report)
    True
    """
    for known, reader in _LAST:
        if known is report:
            return reader
    reader = StatusReader(report)
    _LAST[:] = [(report, reader)]
    return reader


_PART_LINE = re.compile(r"^[ \t　]*([^\n。；;，,：:！!？?]{2,24})[ \t　]*$", re.M)


def _part_headings(text: str, year: int | None) -> list[tuple[int, str]]:
    """Unnumbered heading lines that name a status (2015年工作回顾, 2016年主要工作, 存在的问题), with where
    they start: the parts of a report its numbered sections sit in.

    >>> _part_headings("2015年工作回顾\\n成立委员会。\\n2016年主要工作\\n健全机制。", 2015)
    [(0, 'done'), (17, 'planned')]
    """
    lines = [(m.start(1), m.group(1)) for m in _PART_LINE.finditer(text)]
    reviewed = [int(y) for _, line in lines if _HEAD_DONE_STRONG.search(line) for y in _YEAR.findall(line)]
    if reviewed and year is not None and max(reviewed) < year:
        year = max(reviewed)  # 2015年工作回顾 in a report dated 2016: 2016年主要工作 is a plan
    return [(at, status) for at, line in lines if (status := heading_status(line, year)) is not None]


def _section_statuses(sections: tuple[Section, ...], year: int | None) -> list[str | None]:
    """Each section's status: the outermost heading around it (itself included) that names one.

    A heading that reviews an earlier year than the report's (2015年工作回顾 in a report dated 2016) makes
    the year it reviewed the one later headings are measured against (2016年主要工作 is a plan).

    >>> heads = (Section(0, 1, 1, "一", "2015年工作回顾"), Section(1, 2, 1, "二", "2016年主要工作"))
    >>> _section_statuses(heads, 2016)
    ['done', 'planned']
    """
    reviewed = [
        int(y)
        for s in sections
        if _HEAD_DONE_STRONG.search(s.title)
        for y in _YEAR.findall(_TITLE_SPAN.sub("", s.title))
    ]
    if reviewed and year is not None and max(reviewed) < year:
        year = max(reviewed)
    own = [heading_status(s.title, year) for s in sections]
    out: list[str | None] = []
    for i, section in enumerate(sections):
        parent = section.parent
        inherited = out[parent] if parent is not None and parent < i else None
        out.append(inherited if inherited is not None else own[i])
    return out
