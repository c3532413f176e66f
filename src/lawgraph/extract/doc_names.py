"""Named documents without 《》: where a name starts, where it ends, and whether its last noun makes it one.

A report names plans, lists, measures and programmes without 《》 (实施城乡居民增收计划,
出台稳就业20条政策措施, 入选首批国家级零碳园区建设名单, 深入实施“人工智能+”行动). Read as a reader reads
them, such a name is

    [left boundary] [modifier …] [“quoted core” …] [modifier …] head

- **The head** is the last noun, and it decides the kind (words in ``documents.json``): a document head
  (计划, 规划, 清单, 名单, 名录, 措施, 意见, 方案, 条例, 规定, 办法, 指引 …) makes a document; a quoted name
  also makes one with a programme head (行动, 工程, 政策, 政策体系, 部署, 安排 …), or when the quotes hold
  the head themselves (“千万工程”, “登峰计划”, “白名单”, “民营经济32条”). Other heads (改革, 机制, 模式,
  战略, 活动 …) make no document: :mod:`lawgraph.extract.initiatives` reads those.
- **The left boundary** is the clause's punctuation, then the verbs that take the document as their object
  (``issuing_verbs``: 实施, 落实, 出台, 入选 …; a verb that may open a title, such as 支持 or 优化, ends the
  name only at the clause's start), a list word (等), 的 unless the head follows it (…示范区的意见), and 和/与
  when what stands before them is itself a complete name. Words before a name that are no part of it are
  dropped (我省, 新一轮, 国家, 第二轮, an issuing body such as 省委).
- **A quoted core** that holds its own head stands alone (高等教育“登峰计划” is “登峰计划”), unless it is a
  numbered name whose field says which programme it is (生物经济“双百工程”); a bare count (“十大工程”) is a
  set of programmes, not one. Quoted names that share one head are one document each (“甲”、“乙”等行动 →
  “甲”行动, “乙”行动), except a run of numbered short names, which is one name (“两重”“两新”政策).
- **Generic names** are not documents: a name needs a content word besides the generic ones (整改方案,
  有力措施, 4个方面21条措施), six characters in all, and no word that makes it a class (各项, 相关 …).

Examples
--------
>>> is_numbered("双百工程"), is_numbered("登峰计划")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lawgraph.extract.doc_words import NUM, NameWords, TextTokens, alternation, is_numbered

__all__ = ["NameMatch", "NameGrammar"]

_CJK = "\u4e00-\u9fff"
_SOFT = "“”·•+＋×xX%％—\\-－～~.．／/"
"""Characters that may stand inside a name without ending it (besides CJK, digits and letters)."""
_HARD = re.compile(rf"[^{_CJK}0-9A-Za-z０-９Ａ-Ｚａ-ｚ{_SOFT}（）()]")
_STOP = re.compile(rf"[^{_CJK}0-9A-Za-z０-９Ａ-Ｚａ-ｚ{_SOFT}]|[“”]")
"""What _floor looks at: the characters that end a clause, brackets and quotes."""
_NAME_CHAR = re.compile(rf"[{_CJK}0-9A-Za-z]")
_QUOTE = re.compile(r"“([^“”\n]{1,40})”")
_FIVE_YEAR = re.compile(r"“[一二三四五六七八九十]五”")
"""A five-year period in quotes: “八五”, “十五五”."""
_ORDINAL = re.compile(rf"第[{NUM}]+[轮期批届次个]")
_ENUMERATION = re.compile(
    r"[0-9０-９]{1,2}[.．、]|[一二三四五六七八九十]{1,2}是|[（(][一二三四五六七八九十0-9]{1,2}[)）]"
)
_COUNT = re.compile(rf"[{NUM}]+(?:个|项|条|大|类|批|方面|件|张|种|小)?")
_COUNTED = re.compile(rf"[{NUM}]+(?:个|项|条|大|类|批|方面|件|张|种)")
_COUNTED_THINGS = re.compile(rf"(?<![第{NUM}])[{NUM}]+个")
_ARTICLES = re.compile(rf"[{NUM}]+条$")
_CLASSIFIERS = frozenset("个项名家批类种")
_LIST_END = re.compile(r"[，。；：！？,;:!?\n]")
_CLAUSE_END = re.compile(r"[，。；！？,;!?\n]")


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A named document: ``text[begin:end]`` is the mention; ``title`` the name as written, relative area
    prefix not yet expanded."""

    begin: int
    end: int
    title: str


def _one_name_per_programme(names: list[NameMatch]) -> list[NameMatch]:
    """A field before a quoted name is part of it only where the report never names it alone:
    职业教育“双高计划” is “双高计划” when the report also writes “双高计划” bare."""
    bare = {n.title for n in names if n.title.startswith("“") and n.title.endswith("”")}
    out = []
    for n in names:
        quote = n.title.find("“")
        core = n.title[quote:]
        if quote > 0 and core in bare and core.count("“") == 1:
            n = NameMatch(n.begin, n.end, core)
        out.append(n)
    return out


def _in_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside “…” on its line (the quoted names have their own rules)."""
    line = text.rfind("\n", 0, pos) + 1
    return text.count("“", line, pos) > text.count("”", line, pos)


class NameGrammar:
    """The name grammar: finds the named documents of a text (:meth:`quoted`, :meth:`unquoted`)."""

    def __init__(self, words: NameWords, *, place: Callable[[str], bool]) -> None:
        self.words = words
        self.place = place
        doc_heads = words.document_heads + words.quoted_heads
        every_head = alternation(doc_heads + words.other_heads)
        self.doc_heads = frozenset(doc_heads)
        self._unquoted = re.compile(alternation(words.document_heads))  # one head: 10× faster than (…)+
        self._head_tuple = tuple(doc_heads)
        self._head_at = re.compile(alternation(doc_heads))
        self._head_before = re.compile(rf"(?:{every_head})$")
        self._any_head = re.compile(every_head)
        self._blocker = re.compile(alternation([w for w in words.name_blockers if len(w) > 1]))
        self._ends_name = re.compile(rf"(?:{every_head}|法|法典)$")
        self._count = re.compile(rf"[{NUM}]+[大项个条类](?:{alternation(doc_heads)})")

    # -- where a name starts -------------------------------------------------------------------------

    def _floor(self, text: str, end: int) -> int:
        """After the last character before ``end`` that ends a clause (quotes and closed brackets aside)."""
        lo = max(0, end - self.words.window)
        stops = [(m.start(), m.group()) for m in _STOP.finditer(text, lo, end)]
        depth = 0
        quoted = False
        for i, c in reversed(stops):
            if c == "”":
                quoted = True
            elif c == "“":
                if not quoted:
                    return i + 1
                quoted = False
            elif quoted:
                if c == "\n":
                    return i + 1
            elif c in "）)":
                depth += 1
            elif c in "（(":
                if depth == 0:
                    return i + 1
                depth -= 1
            else:
                return i + 1
        return lo

    def start(
        self,
        tt: TextTokens,
        end: int,
        orgs: dict[int, int],
        *,
        quoted: bool = False,
        floor: int | None = None,
    ) -> tuple[int, str]:
        """Where a name that ends at ``end`` (a head's or a quote's start) begins, and what stands before it:
        ``issuing`` (a verb that takes it), ``opening`` (a verb at the clause's start that may also open a
        title), or ``clause`` (punctuation, a list word, 的, a subject). Before a quoted name (``quoted``),
        关于 and 的 end the field (自治区党委关于“十五五”规划的建议 → “十五五”规划). ``floor`` is where the
        clause starts when the caller has it already (:meth:`_floor`)."""
        text = tt.text
        floor = self._floor(text, end) if floor is None else floor
        enumeration = _ENUMERATION.match(text, floor, end)
        if enumeration:
            floor = enumeration.end()  # 五是…, 4. …: a list's numbering
        words = self._words(tt, floor, end)
        start, before = floor, "clause"
        # the clause's opening: verbs with their adverbs, until a verb that takes the document
        issuing_seen = False
        for b, e in words:
            kind = self.words.verb_kind(text[b:e])
            kind = "issuing" if kind == "clause" else kind
            if kind is None or (issuing_seen and kind not in ("issuing", "clearing")):
                break
            if kind != "adverb":
                issuing_seen = issuing_seen or kind != "opening"
                start, before = e, kind
        # the last issuing verb, list word, 的 or joining word inside the clause
        for b, e in words:
            if b < start:
                continue
            word = text[b:e]
            kind = self.words.verb_kind(word)
            done = kind not in (None, "adverb") and word.endswith("了")  # 部署了: a verb, done
            issuing = kind in ("issuing", "clearing") or (quoted and kind == "clause") or done
            if kind is not None and issuing:
                start, before = e, "issuing" if kind == "clause" else kind
            elif kind == "opening" and self.place(text[start:b]):
                # 推进成都深化空间规划…: a place and its verb, not a title
                start, before = e, kind
            elif quoted and kind == "clause" and b > start:
                # 企业参与“甲”行动: the verb takes it (an opening verb may open the title: 促进…“13条政策”)
                start, before = e, "issuing"
            elif (word.endswith("等") and word not in self.words.words_ending_in_deng) or (
                word in self.words.conjunctions and self._joins_names(text, start, b)
            ):
                start = e  # 健全甲、乙等…规则, 清理甲或“乙”措施: the list shares the verb before it
            elif self._breaks(text, word, start, b, e == end, quoted=quoted):
                start, before = e, "clause"
            elif word == "关于" and not quoted:
                break  # 国务院关于支持甲在…的意见: a 关于-title runs to its head
        return self._strip_leads(tt, start, end, orgs), before

    def _breaks(self, text: str, word: str, start: int, at: int, last: bool, *, quoted: bool) -> bool:
        """Whether ``word`` at ``at`` ends what stands before a name: a copula or 作为, 的 (unless the head
        follows it: …示范区的意见), 和 between two whole names; before a quote also 关于 and a count
        (引进2个…“三名工程”团队)."""
        if word in self.words.break_words or (
            word == "的" and (not last or quoted or not self._de_head(text, at))
        ):
            return True
        count = bool(_COUNT.fullmatch(word)) and not word.isdigit() or word in _CLASSIFIERS
        return quoted and (word == "关于" or count)

    def _de_head(self, text: str, at: int) -> bool:
        """Whether the head after a 的 at ``at`` is one a title joins with 的 (…示范区的意见)."""
        return text.startswith(self.words.de_heads, at + 1)

    def _words(self, tt: TextTokens, floor: int, end: int) -> list[tuple[int, int]]:
        """The tokens of ``[floor, end)`` outside quotes, two joined where they spell one verb (用|好,
        实施|好)."""
        text = tt.text
        verbs, complements = self.words.verbs, self.words.verb_complements
        out: list[tuple[int, int]] = []
        depth = 0
        for b, e in tt.words(floor, end):
            mark = text[b]
            if mark == "“" or mark == "”":
                depth += 1 if mark == "“" else -1
            elif depth > 0:
                continue
            elif (
                out
                and out[-1][1] == b
                and (
                    text[out[-1][0] : e] in verbs
                    or (text[b:e] in complements and text[out[-1][0] : b] in verbs)
                )
            ):
                out[-1] = (out[-1][0], e)
            else:
                out.append((b, e))
        return out

    def _joins_names(self, text: str, start: int, at: int) -> bool:
        """Whether a 和/与/及 at ``at`` joins two names: what stands before it is itself a whole name."""
        before = text[start:at]
        return before.endswith("”") or bool(self._ends_name.search(before)) or not before

    def _strip_leads(self, tt: TextTokens, start: int, end: int, orgs: dict[int, int]) -> int:
        text = tt.text
        while start < end:
            org_end = orgs.get(start)
            if org_end is not None and (end - org_end >= 6 or text[end : end + 1] == "“"):
                start = org_end  # 省委“1+1+9”工作部署: the issuer is no part of the title
                continue
            m = _ORDINAL.match(text, start, end) or _ENUMERATION.match(text, start, end)
            if m:
                start = m.end()
                continue
            for word in (text[start:e] for e in (start + 4, start + 3, start + 2, start + 1)):
                if (word in self.words.lead_words or word in self.words.prepositions) and tt.is_word(
                    start, start + len(word)
                ):
                    start += len(word)
                    break
            else:
                return start
        return start

    # -- names built on quotes ------------------------------------------------------------------------

    def quoted(self, tt: TextTokens, orgs: dict[int, int]) -> list[NameMatch]:
        """Names built on quotes: “满园工程”, 生物经济“双百工程”, “信号升格”行动, “两重”“两新”政策 …"""
        text = tt.text
        quotes = list(_QUOTE.finditer(text))
        out: list[NameMatch] = []
        i = 0
        while i < len(quotes):
            run = [quotes[i]]
            while (
                i + 1 < len(quotes) and text[run[-1].end() : quotes[i + 1].start()] in self.words.run_joints
            ):
                i += 1
                run.append(quotes[i])
            i += 1
            plan = self._five_year_plan(text, run)
            if plan is not None:
                out.append(plan)
                continue
            headed = self._head_at.search(text, run[-1].end(), run[-1].end() + 14) is not None
            if headed or any(q.group(1).endswith(self._head_tuple) or "条" in q.group(1) for q in run):
                out.extend(n for n in self._quoted_run(tt, run, orgs) if not self._project(tt, n))
        return _one_name_per_programme(out)

    def _five_year_plan(self, text: str, run: list[re.Match[str]]) -> NameMatch | None:
        """The national five-year plan a quoted period and a word name (“八五”普法 → “八五”普法规划), where
        the clause ends after them or goes on with the plan's goals; not the work or its awards (“七五”普法
        工作, “七五”普法先进)."""
        q = run[-1]
        if len(run) > 1 or not _FIVE_YEAR.fullmatch(q.group()):
            return None
        for word, title in self.words.five_year_plans.items():
            end = q.end() + len(word)
            ends = end == len(text) or _LIST_END.match(text, end) is not None or text.startswith("、", end)
            if text.startswith(word, q.end()) and (
                ends or text.startswith(self.words.five_year_plan_followers, end)
            ):
                return NameMatch(q.start(), end, q.group() + title)
        return None

    def _project(self, tt: TextTokens, name: NameMatch) -> bool:
        """Whether a quoted …工程 is a construction project, not a programme: its clause says it is built or
        opened (“甲乙”工程建成投运), or it stands in a list of unquoted …工程 (水利枢纽工程、“甲”六期工程)."""
        if not name.title.rstrip("”").endswith("工程"):
            return False
        text = tt.text
        clause = _CLAUSE_END.search(text, name.end, name.end + 60)
        after = text[name.end : clause.start() if clause else name.end + 60]
        if any(verb in after for verb in self.words.construction_verbs):
            return True
        return any(item.endswith("工程") and "“" not in item for item in self._list_items(text, name))

    @staticmethod
    def _list_items(text: str, name: NameMatch) -> list[str]:
        """The other items of the 、-list a name stands in (none when it stands alone)."""
        left = _LIST_END.search(text[max(0, name.begin - 120) : name.begin][::-1])
        right = _LIST_END.search(text, name.end, name.end + 120)
        lo = name.begin - (left.start() if left else min(120, name.begin))
        hi = right.start() if right else min(len(text), name.end + 120)
        items = text[lo : name.begin].split("、")[:-1] + text[name.end : hi].split("、")[1:]
        return [re.sub(r"等\S*$", "", item) for item in items]

    def _quoted_run(self, tt: TextTokens, run: list[re.Match[str]], orgs: dict[int, int]) -> list[NameMatch]:
        text = tt.text
        inner = [self._holds_head(q.group(1)) for q in run]
        tail = self._tail(tt, run[-1].end())
        if not any(inner) and (tail is None or not tail[3]):
            return []  # “一带一路”, “甲”改革: no document's head
        if _NAME_CHAR.match(text, run[0].start() - 1) if run[0].start() else False:
            begin, before = self.start(tt, run[0].start(), orgs, quoted=True)
        else:
            begin, before = run[0].start(), "clause"  # ，“甲”行动: nothing stands before the quotes
        if before == "clearing":
            return []  # 清理“一刀切”限制性措施, 搞“形象工程”: what is taken away or done badly
        prefix = text[begin : run[0].start()]
        area = prefix in self.words.quoted_lead_words or (prefix != "" and self.place(prefix))
        joined = prefix.endswith(tuple(self.words.conjunctions))  # 甲乙和“丙”行动: 甲乙 is another item
        if "”" in prefix or "“" in prefix or area or joined:
            # 与省“十五五”规划, 对接香港“甲乙”发展战略: the area whose programme it is is no part of its name
            begin, prefix = run[0].start(), ""
        if text.endswith(self.words.designation_words, 0, run[0].start()):
            return []  # 把法治建设作为“一把手”工程: what something is treated as, not a programme
        if tail is None or not tail[3]:
            # no head after the quotes, or one that makes no document (“千万工程”经验, “甲”改革)
            return [
                n for k, q in enumerate(run) if inner[k] for n in self._inner_name(tt, q, prefix, begin, k)
            ]
        listed, post, head_end, _ = tail
        if len(run) > 1 and not listed and all(is_numbered(q.group(1)) and len(q.group(1)) <= 4 for q in run):
            # “两重”“两新”政策: numbered short names in a row are one name
            return [NameMatch(begin, head_end, prefix + "".join(q.group() for q in run) + post)]
        out: list[NameMatch] = []
        for k, q in enumerate(run):
            last = k == len(run) - 1
            if inner[k] and (listed or not last):
                # “甲工程”、“乙”行动; “21条”“18条”等政策
                out.extend(self._inner_name(tt, q, prefix, begin, k))
                continue
            b, pre = (begin, prefix) if k == 0 else (q.start(), "")
            out.append(NameMatch(b, head_end if last else q.end(), pre + q.group() + post))
        return out

    def _holds_head(self, core: str) -> bool:
        """Whether quoted words end with their own head (“千万工程”, “民营经济32条”); a list joined by + or 、
        whose last item has it does not (“场所码+电子哨兵+白名单”)."""
        if not core.endswith(self._head_tuple) and not _ARTICLES.search(core):
            return False
        last = re.split(r"[+＋、]", core)[-1]
        return last == core or len(last) > 4

    def _inner_name(
        self, tt: TextTokens, q: re.Match[str], prefix: str, begin: int, k: int
    ) -> list[NameMatch]:
        """A quoted name that holds its own head (“千万工程”); a numbered one keeps its field
        (生物经济“双百工程”), which only the first of a run has."""
        text = tt.text
        core = q.group(1)
        if text.startswith(self.words.head_not_before, q.end()):
            return []  # “五个一工程”奖: an award
        if k == 0 and prefix and is_numbered(core):
            return [NameMatch(begin, q.end(), prefix + q.group())]
        if self._count.fullmatch(core):
            return []  # “十大工程”: a set of programmes
        return [NameMatch(q.start(), q.end(), q.group())]

    def _tail(self, tt: TextTokens, at: int) -> tuple[bool, str, int, bool] | None:  # noqa: C901
        """The head after a closing quote at ``at``: (whether 等 comes first, the words after 等 up to and
        with the head, where the head ends, whether it makes a document), or ``None``. The words between
        hold no issuing verb, function word or punctuation (“十大工程”纳入国家规划 has no head of its own)."""
        text = tt.text
        if self._any_head.search(text, at, at + 14) is None:
            return None
        listed = text.startswith("等", at)
        pos = at + 1 if listed else at
        stop = pos
        limit = min(len(text), pos + 12)
        while stop < limit and _NAME_CHAR.match(text[stop]):
            stop += 1
        for b, e in tt.words(pos, stop):
            word = text[b:e]
            stops = (
                self.words.verb_kind(word) in ("issuing", "clause", "clearing")
                or word in self.words.conjunctions
            )
            stops = stops or word in self.words.function_words
            if stops and not self._head_at.match(text, b):
                stop = b
                break
        for end in range(stop, pos, -1):
            m = self._head_before.search(text, pos, end)
            if m is None or text.startswith(self.words.head_not_before, end):
                continue
            if end in tt.edges or m.start() in tt.edges:  # “三北”六期工程|建设: the head opens the word
                if listed and m.start() != pos:
                    return None  # “甲”等多元利用工程, “乙”等22项专项行动: a class; the quotes are examples
                return listed, text[pos:end], end, m.group() in self.doc_heads
        return None

    def _ends_word(self, tt: TextTokens, end: int) -> bool:
        """Whether a head that ends at ``end`` ends the noun (计划生育, 规划体系 and …工程奖 go on)."""
        return end in tt.edges and not tt.text.startswith(self.words.head_not_before, end)

    def unquoted(
        self, tt: TextTokens, orgs: dict[int, int], free: Callable[[int, int], bool]
    ) -> list[NameMatch]:
        """Names that end with a document head, without quotes: 城乡居民增收计划, 稳就业20条政策措施 …"""
        text = tt.text
        out: list[NameMatch] = []
        covered = 0
        for m in self._unquoted.finditer(text):
            head, end = m.start(), m.end()
            if head < covered:
                continue  # the second head of 总体规划方案
            while (more := self._unquoted.match(text, end)) is not None:
                end = more.end()  # 规划纲要, 总体规划方案: heads in a row are one
            covered = end
            heads = text[head:end]
            if not free(head, end) or not self._ends_word(tt, end) or self._phrase(text, head, end):
                continue
            lead = tt.word_start(head)
            if lead < head and self.words.verb_kind(text[lead:head]) is not None:
                continue  # 采取措施, 制定方案 read as one word: a verb and its object
            floor = self._floor(text, head)
            if end - floor < 6:
                continue  # 制定方案, “甲”和乙清单: too short to be a name
            begin, before = self.start(tt, head, orgs, floor=floor)
            name = text[begin:end]
            ends_clause = not _NAME_CHAR.match(text[end : end + 1] or "。")
            if before == "clearing" or (
                before == "opening" and ends_clause and not heads.endswith(self.words.named_heads)
            ):
                continue  # 优化…便利化举措, 完善…的措施, 清理…限制措施: measures as a practice
            if heads.endswith(self.words.about_heads) and "关于" not in name:
                continue  # 深度和广度决定, 服从组织决定: a title of this kind reads 关于…的决定
            if "”" in name or "“" in name or not self._proper(tt, begin, head, end, orgs):
                continue
            if not _in_quotes(text, head):  # “场所码+电子哨兵+白名单”: quoted names have their own rules
                out.append(NameMatch(begin, end, name))
        return out

    def _phrase(self, text: str, head: int, end: int) -> bool:
        """Whether a head is part of a phrase that names no document: 科学指引, 讨论决定, 规划建设."""
        return text.endswith(self.words.not_document_compounds, 0, end) or text.startswith(
            self.words.head_compounds, head
        )

    def _proper(self, tt: TextTokens, begin: int, head: int, end: int, orgs: dict[int, int]) -> bool:
        """Whether the modifier ``text[begin:head]`` names one document rather than a class of them: six
        characters in all, no word that makes a class (各项, 相关), a content word besides the generic ones
        and the counts (4个方面21条措施), and more than the name of a place (香港发展规划) or of bodies
        (区人大及其常委会决议)."""
        text = tt.text
        if end - begin < 6 or self._blocker.search(text, begin, end):
            return False
        if text[head - 1 : head] in "和与及、":
            return False  # 利用和计划烧除: a head right after 和 is no name's end
        at = begin
        while at in orgs and orgs[at] <= head and not text[head:end].endswith(self.words.body_rule_heads):
            at = orgs[at]  # 区人大及其常委会决议决定: a body's decisions, not one named document
            joint = re.match(r"及其|和|与|及|、", text[at:head])
            at += joint.end() if joint else 0
        count = _COUNTED.match(text, at, head)
        # 20条稳就业政策措施, 20件民生实事清单: articles or a list's size and their subject: one document
        sized = (
            count is not None and head - count.end() >= 2 and text[head:end].endswith(self.words.sized_heads)
        )
        articles = count is not None and count.group().endswith("条") and head - count.end() >= 4
        if (count and not (articles or sized)) or _COUNTED_THINGS.search(text, at, head):
            return False  # 4个方面21条措施, 十大专项规划, 增加3000个…计划: a count, not a title
        if end - begin < max(
            (n for h, n in self.words.min_length.items() if text.endswith(h, 0, end)), default=0
        ):
            return False
        content = []
        for b, e in tt.words(at, head) or [(at, head)]:
            word = text[b:e]
            if word in self.words.name_blockers:
                return False
            if word in self.words.generic_words or _COUNT.fullmatch(word):
                continue
            content.append(word)
        words = "".join(content)
        return len(words) >= 2 and not self.place(words)
