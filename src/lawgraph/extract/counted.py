"""What a number counts: the noun phrase a quantity measures (``lg:countedPhrase``).

A careful reader of 县政府受理行政复议案件39件 takes 行政复议案件: not the subject, not the verb,
not a cut word.
Reports place that phrase in a few ways, all read here from the words of the number's clause
(:mod:`lawgraph.extract.counted_words`):

- **after the number**, when the number quantifies the words that follow (3个办事大厅, 8名不胜任岗位的干部); a
  run of numbers shares the words after the last (12类590台智能终端: both count 智能终端); a bare count that
  entered a list counts what it became (5家企业入选国家级绿色工厂);
- **before the number**, when the number ends the clause (阅读量达5600多万人次): the words before the links
  (达, 增长, 分别 …), back to the verb that governs them (受理), a filler (全年), a subject or a word that
  closes them (等, 的);
- **shared by a list**: 参学率、考试通过率近100% gives each rate the number (a rate holds for each; a sum of
  counts such as 暗涵、暗渠36.1公里 stays one phrase), and 基础设施、制造业投资分别增长9.4%、9.1% pairs each
  name with its value;
- **carried over**: 增长5.5% after 地区生产总值67665亿元 counts 地区生产总值 again, and so do 总量…, 其中…,
  占…; a verb of its own is kept (受理案件45件，办结42件: 办结 + 案件).

Examples
--------
>>> reader = CountedReader.from_lexicon(Lexicon.from_package(COUNTED_FILES))
>>> def spans(text, *numbers):
...     return [(text.index(n), text.index(n) + len(n), n.endswith("%")) for n in numbers]
>>> text = "县政府受理行政复议案件39件，同比增长5%。"
>>> reader.read(text, 0, len(text), spans(text, "39件", "5%"))
[('行政复议案件',), ('行政复议案件',)]
>>> text = "培训覆盖率、考核合格率近100%。"
>>> reader.read(text, 0, len(text), spans(text, "近100%"))
[('培训覆盖率', '考核合格率')]
>>> text = "农业、服务业增加值分别增长3.2%、6.5%。"
>>> reader.read(text, 0, len(text), spans(text, "3.2%", "6.5%"))
[('农业增加值',), ('服务业增加值',)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lawgraph.extract.counted_words import (
    CONJUNCTIONS,
    START,
    CountedWords,
    Tokens,
    Word,
    cut_tokens,
    tag_words,
)
from lawgraph.extract.data import Lexicon

__all__ = ["COUNTED_FILES", "CountedReader"]

COUNTED_FILES = ("counted_words.tsv",)
"""The data files :class:`CountedReader` is read from."""

_CLAUSE_END = re.compile(r"[，,；;。！!？?：:\n]")
"""Marks that end a clause: what a number counts sits inside its clause."""
_LEVEL = re.compile(r"(?:国家|国际|世界|全国|区域|省|市|州|县|区|乡|镇|部|厅|局)级")
"""A level word (国家级, 省级): it narrows a name and cannot name anything alone."""
_PEOPLE = re.compile(r"[名人位](?:以上|左右|多|余)?$")
"""A count of people ends so (1200名, 500人以上)."""
_COMPLETION = frozenset({"完成", "实现"})
"""Verbs that link a measure to its number (一般公共预算收入|完成|43.5亿元), like 达 does."""
_PER_UNIT = re.compile(r"[/／][年月日天周人户次]")
"""What a unit is counted per (元/月, 吨/日)."""
_REACH = 30
"""How far from a number its phrase is looked for, in characters (a table row may run on for pages)."""
_REACH_AFTER = 20
"""How far after the last number of a clause its phrase is looked for."""
_SHORT = 10
"""A phrase this long or shorter keeps the verbs inside it."""
_LONG = 16
"""A list of names longer than this is no name a reader compares across reports: its last name is kept."""


@dataclass(frozen=True, slots=True)
class _Carry:
    """Nothing in the clause names what is counted: it is what the sentence counted before, with the
    clause's own verb (办结42件 after 受理案件45件: 办结案件), or as a whole stock (新增企业80家、总量650家:
    企业, not 新增企业)."""

    deed: str = ""
    stock: bool = False


@dataclass(frozen=True, slots=True)
class _Before:
    """The phrase read before a number: its words, the names of a list it holds, and a verb of its own."""

    words: tuple[Word, ...] = ()
    parts: tuple[tuple[Word, ...], ...] = ()
    deed: str = ""
    """When no phrase is found: the verb just before the number (建成|2701套), for a carried phrase."""


_Reading = tuple[str, ...] | _Carry


@dataclass(frozen=True, slots=True)
class CountedReader:
    """Reads what each number of a sentence counts (see the module docs)."""

    words: CountedWords

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> CountedReader:
        """Read the files of :data:`COUNTED_FILES`."""
        return cls(CountedWords.from_lexicon(lexicon))

    def read(
        self,
        text: str,
        begin: int,
        end: int,
        numbers: Sequence[tuple[int, int, bool]],
        *,
        subjects: Sequence[tuple[int, int]] = (),
        tokens: Tokens | None = None,
    ) -> list[tuple[str, ...]]:
        """What each number of the sentence ``text[begin:end]`` counts.

        ``numbers`` are ``(begin, end, is_rate)`` of its quantities in text order (a rate: %, 成, 个百分点);
        ``subjects`` the spans of the names of bodies and places, which are subjects when a verb follows them
        (县政府|受理…); ``tokens`` where the text's words start and end (the Doc's; the sentence is cut when
        not given). Returns one tuple per number: one phrase, several for a list that shares a rate, none
        when nothing names what it counts.
        """
        out: list[tuple[str, ...]] = [()] * len(numbers)
        if tokens is None:
            tokens = cut_tokens(text[begin:end], begin)
        previous: tuple[str, ...] = ()
        k = 0
        for clause_begin, clause_end in _clauses(text, begin, end):
            inside = []
            while k < len(numbers) and numbers[k][0] < clause_end:
                if numbers[k][0] >= clause_begin:
                    inside.append(k)
                k += 1
            if not inside:
                continue
            clause = _Clause(
                self.words,
                _clause_words(self.words, text, (clause_begin, clause_end), numbers, inside, tokens),
                subjects,
            )
            for index, reading in clause.read({i: numbers[i][2] for i in inside}).items():
                if isinstance(reading, _Carry):
                    reading = tuple(_carried(self.words, reading, p) for p in previous)
                out[index] = reading
                previous = reading or previous
        return out


def _carried(lexicon: CountedWords, carry: _Carry, phrase: str) -> str:
    if carry.stock:
        keep = next((w for w in lexicon.roles if "keep" in lexicon.roles[w] and phrase.startswith(w)), "")
        return phrase[len(keep) :] or phrase
    return phrase if phrase.startswith(carry.deed) else carry.deed + phrase


def _clauses(text: str, begin: int, end: int) -> Iterable[tuple[int, int]]:
    start = begin
    for match in _CLAUSE_END.finditer(text, begin, end):
        yield start, match.start()
        start = match.end()
    yield start, end


def _clause_words(
    lexicon: CountedWords,
    text: str,
    clause: tuple[int, int],
    numbers: Sequence[tuple[int, int, bool]],
    inside: Sequence[int],
    tokens: Tokens,
) -> list[Word]:
    """The words of ``text[begin:end]`` within :data:`_REACH` characters of a number of ``inside``, each
    number one word tagged ``Q``; a longer stretch without a number is left out (a ``…`` word of no kind)."""
    begin, end = clause
    words: list[Word] = []
    first = numbers[inside[0]][0]
    # Values paired with names by 分别 may follow a long list of names: read it from the clause's start.
    paired = len(inside) > 1 and "分别" in text[max(begin, first - 2 * _REACH) : first]
    pos = max(begin, first - (2 * _REACH if paired else _REACH))
    for index in inside:
        q_begin, q_end, _ = numbers[index]
        if q_begin < pos:
            continue
        if q_begin - pos > 2 * _REACH:  # a long stretch between two numbers: its two ends only
            words.extend(tag_words(text, pos, pos + _REACH, lexicon, tokens))
            words.append(Word("…", "x", pos + _REACH, q_begin - _REACH, kind="stop"))
            pos = q_begin - _REACH
        gap_end = q_begin - 1 if q_begin - 1 > pos and text[q_begin - 1] in "及和与" else q_begin
        words.extend(tag_words(text, pos, gap_end, lexicon, tokens))
        _split_glued_link(lexicon, words, gap_end)
        if gap_end < q_begin:  # 分所及|17名: a conjunction before a number joins two counts
            words.append(Word(text[gap_end], "c", gap_end, q_begin, kind="conj"))
        per = _PER_UNIT.match(text, q_end, end)
        q_stop = per.end() if per else q_end  # 842元/月: the unit's period is no name
        words.append(Word(text[q_begin:q_stop], "Q", q_begin, q_stop, index, "num"))
        pos = q_stop
    words.extend(tag_words(text, pos, min(end, pos + _REACH_AFTER), lexicon, tokens))
    return words


def _split_glued_link(lexicon: CountedWords, words: list[Word], at: int) -> None:
    """A 达 or 由 the tagger glued to the noun before a number (学位数达|130个, 学位数由|93个) is the link."""
    last = words[-1] if words else None
    if (
        last is None
        or last.end != at
        or len(last.text) < 2
        or not (last.text.endswith("达") or last.text.endswith("由") and last.tag in ("p", "v"))
        or last.roles
        or last.tag in ("QUOTE", "PAREN", "DATE", "RANK", "KNOWN")
    ):
        return
    glued = last.text[-1]
    link = lexicon.roles.get(glued, frozenset())
    head = last.text[:-1]
    before = words[-2] if len(words) > 1 else None
    if before is not None and before.tag != "QUOTE" and before.text + head in lexicon.roles:
        joined = before.text + head  # 占|比达 → 占比|达
        words.pop()
        words[-1] = Word(
            joined, "KNOWN", before.begin, at - 1, -1, lexicon.kind_of(joined, "KNOWN"), lexicon.roles[joined]
        )
    else:
        head_roles = lexicon.roles.get(head, frozenset())
        words[-1] = Word(head, "n", last.begin, at - 1, -1, lexicon.kind_of(head, "n"), head_roles)
    words.append(Word(glued, "v", at - 1, at, -1, lexicon.kind_of(glued, "v"), link))


def _text(words: Iterable[Word]) -> str:
    return "".join(w.text for w in words if w.tag != "DATE")


def _bare(words: Iterable[Word]) -> str:
    """The text of ``words`` without quotes, to measure a phrase by."""
    return re.sub(r"[“”\"「」]", "", _text(words))


@dataclass(frozen=True, slots=True)
class _Clause:
    """One clause's words, numbers included, and the reading of what its numbers count."""

    lexicon: CountedWords
    words: list[Word]
    subjects: Sequence[tuple[int, int]]

    def read(self, rates: dict[int, bool]) -> dict[int, _Reading]:
        """``{number index: reading}`` for the numbers of the clause (``rates``: number index → is a rate)."""
        words, lexicon = self.words, self.lexicon
        out: dict[int, _Reading] = {}
        for group in _number_groups(words):
            first, last = group[0][0], group[-1][-1]
            rate = rates[words[first].number]
            reading: _Reading
            if len(group) > 1:  # a list of values
                before = self.before(first, rate=rate)
                if len(before.parts) == len(group):
                    for name, run in zip(_shared_measure(lexicon, before.parts), group, strict=True):
                        out.update({words[i].number: (name,) for i in run})
                    continue
                reading = (_text(before.words),) if before.words else _Carry()
            else:
                reading = self._read_one(first, last, rate)
            out.update({words[i].number: reading for run in group for i in run})
        return out

    def _read_one(self, first: int, last: int, rate: bool) -> _Reading:
        """The reading of a number, or of a run of numbers from ``words[first]`` to ``words[last]``."""
        words, lexicon = self.words, self.lexicon
        after = self.after(last)
        if lexicon.roles.get(after, frozenset()) & {"mark", "carry", "ratio"} or _LEVEL.fullmatch(after):
            after = ""  # 迈上6万亿元|台阶: a milestone, not what is counted; 6个|世界级: a level alone
        if len(after) > 1:
            return (after,)
        level = self._level_before_next(last)
        if level:
            return (level,)
        before = self.before(first, rate=rate)
        if after and not before.words:
            return (after,)
        if words[0].text == "占" and not any("ratio" in w.roles for w in before.words):
            return _Carry()  # 占全国23.6%: a share of what came before
        if (
            before.parts
            and rate
            and all(w.text == "、" for w in before.words if w.text in CONJUNCTIONS)
            and all(_text(p).endswith(_MEASURE_ENDS) for p in before.parts)
        ):
            # a rate holds for each name of a list of measures (参学率、通过率), not for a list of places or
            # things that share one measure (甲、乙片区管网建设完成30%)
            return tuple(_text(p) for p in before.parts)
        if before.parts and len(_bare(before.words)) > _LONG:
            return (_text(before.parts[-1]),)
        if before.words and not self._refers_back(before.words):
            return (_text(before.words),)
        return _Carry(before.deed, stock=self._refers_back(before.words))

    def _level_before_next(self, at: int) -> str:
        """What a count followed only by its level counts, when the next count names it
        (2个国家级|和|22个省级区域医疗中心: 国家级区域医疗中心); empty when the words are no such shape."""
        words = self.words
        k = at + 1
        while k < len(words) and words[k].kind == "word" and _LEVEL.fullmatch(words[k].text):
            k += 1
        if k == at + 1 or k + 1 >= len(words) or words[k].kind != "conj" or words[k + 1].tag != "Q":
            return ""
        named = (self.after(k + 1) or self._level_before_next(k + 1)) if k + 2 < len(words) else ""
        level = _LEVEL.match(named)
        named = named[level.end() :] if level else named
        return _text(words[at + 1 : k]) + named if named else ""

    def _refers_back(self, phrase: Sequence[Word]) -> bool:
        """总量, 占比: a word that names a measure of what the sentence counted before."""
        return len(phrase) == 1 and bool(
            self.lexicon.roles.get(phrase[0].text, frozenset()) & {"carry", "ratio"}
        )

    # -- before the number ------------------------------------------------------------------------

    def before(self, at: int, *, rate: bool) -> _Before:
        """The phrase that ends before the number at ``words[at]``."""
        words, lexicon = self.words, self.lexicon
        k = self._skip_links(at - 1, at)
        if k > 0 and words[k].text == "占":
            k -= 1  # 新兴产业|占|全省|23.6%: the share is of what stands before 占
        if k >= 0 and words[k].text == "的" and rate:
            k = self._share_holder(k)  # 高标准农田达到耕地总面积的64%
            if k < 0:
                return _Before()
        end = k + 1
        k, splits = self._scan_back(k, end)
        start = k + 1
        while start < end and (words[start].kind == "conj" or "lead" in words[start].roles):
            start += 1
        phrase = list(words[start:end])
        deed = (
            words[at - 1].text
            if at > 0 and lexicon.verbal(words[at - 1]) and not _filler(lexicon, words[at - 1])
            else ""
        )
        if start > 1 and words[start - 1].text == "占" and phrase:
            # 民生支出|占|一般公共预算支出|77.9%: the share is of what stands before 占
            holder_start, _ = self._scan_back(start - 2, start - 1)
            holder = words[holder_start + 1 : start - 1]
            if holder and lexicon.is_head(holder[-1]):
                return _Before(tuple(holder))
        if not phrase or not lexicon.is_head(phrase[-1]) or start > 0 and words[start - 1].text == "占":
            return _Before(deed=deed)  # 占|全国|23.6%: a share of what came before, not of 全国
        if all(w.kind != "word" for w in phrase) and not (
            start > 0 and lexicon.verbal(words[start - 1])
        ):
            return _Before(
                deed=deed
            )  # 统筹|4416亿元: a verb alone names nothing, unless an object (治理|违建)
        phrase = _past_quote(self._past_verb(phrase))
        start = end - len(phrase)
        if start > 0 and lexicon.verbal(words[start - 1]) and len(_bare(phrase)) <= 2:
            # 接待|游客, 完成|投资: the noun alone says too little; 重点项目|完成投资: whose investment.
            start = self._owner(start - 1)
            if start > 0 and "keep" in words[start - 1].roles:
                start -= 1  # 新建|优化|基站
            phrase = [w for w in words[start:end] if w.text != "、" or splits]
        return _Before(tuple(phrase), _split(phrase) if splits else ())

    def _skip_links(self, k: int, at: int = -1) -> int:
        """The last word from ``words[k]`` back that is no link (增长, 分别, 新增), no filler
        (民生投入|累计|达), no adverb (持续) and no comparison (高于全国)."""
        words, lexicon = self.words, self.lexicon
        while k >= 0:
            if _filler(lexicon, words[k]) or "lead" in words[k].roles or words[k].kind in ("date", "adverb"):
                k -= 1
                continue
            if words[k].text == "在" and k > 0 and "link" in words[k - 1].roles:
                k -= 1  # 持续保持|在|70%以上: the place word of a link
                continue
            if k == at - 1 and k > 0 and words[k].text in _COMPLETION and words[k - 1].kind == "word":
                k -= 1  # 一般公共预算收入|完成|43.5亿元: the verb links the measure to its number
                continue
            compare = k
            while compare > k - 3 and compare >= 0 and "compare" not in words[compare].roles:
                compare -= 1
            if compare <= k - 3 or compare < 0 or any(w.kind != "word" for w in words[compare + 1 : k + 1]):
                return k
            k = compare - 1
        return k

    def _share_holder(self, k: int) -> int:
        """Where the phrase ends that holds the share ``…达到|X的|64%`` (``words[k]`` is 的); -1 when none."""
        words, lexicon = self.words, self.lexicon
        k -= 1
        while k >= 0 and not lexicon.ends_phrase(words[k]) and words[k].kind in ("word", "adverb"):
            k -= 1
        if k < 0 or "link" not in words[k].roles:
            return -1
        while k >= 0 and "link" in words[k].roles:
            k -= 1
        return k

    def _scan_back(self, k: int, end: int) -> tuple[int, int]:
        """From ``words[k]`` back to where the phrase ending at ``end`` starts; returns that index minus one
        and how many times a list joined names in it."""
        words, lexicon = self.words, self.lexicon
        splits, kept = 0, False
        while k >= 0:
            word = words[k]
            kind = word.kind
            if _inside(self.subjects, word) and words[k + 1].kind == "verb":
                break  # 县政府|受理…: the subject, not what is counted
            kept = kept or "keep" in word.roles
            if word.text == "占" and any("ratio" in w.roles for w in words[k + 1 : end]):
                k -= 1  # 研发投入占GDP比重: a share is named with what it is a share of
                continue
            if "lead" in word.roles and k > 0 and words[k - 1].text == "占" and k < end - 1:
                k -= 1  # 占|全省|比重: the whole a share is of
                continue
            # 办结|率: one word; a rate's name holds the deed it rates (培训覆盖率, 整改完成率).
            in_rate = k == end - 2 and len(words[end - 1].text) == 1 or words[end - 1].text.endswith("率")
            modifier = word.tag == "a" and k < end - 1 and words[k + 1].kind == "word"  # 平均|浓度
            if (
                lexicon.ends_phrase(word, words[k - 1] if k > 0 else START)
                and not (in_rate and "act" in word.roles)
                and not (k == end - 1 and self._names_a_deed(k))
                and not (modifier and k > 0 and words[k - 1].kind == "word")
            ):
                break
            if kind in ("word", "verb", "adverb", "date"):
                k -= 1
            elif kind == "conj" and not kept and 0 < k < end - 1 and self._joins_names(k):
                splits += 1
                k -= 1
            else:
                break
        return k, splits

    def _names_a_deed(self, k: int) -> bool:
        """Whether the verb just before a number names what is counted (案前|调解|12件), after words of
        its own."""
        words, lexicon = self.words, self.lexicon
        if words[k].kind != "verb" or _filler(lexicon, words[k]) or "lead" in words[k].roles:
            return False
        return (
            k > 0
            and words[k - 1].kind in ("word", "verb")
            and not lexicon.ends_phrase(words[k - 1], START)
        )

    def _joins_names(self, k: int) -> bool:
        """Whether the conjunction at ``words[k]`` joins two names (暗涵、暗渠), not two verbs
        (新建、修复)."""
        left, right = self.words[k - 1].kind, self.words[k + 1].kind
        return left in ("word", "verb") and not (left == "verb" and right == "verb")

    def _owner(self, verb: int) -> int:
        """Where the names a count just gave start, when they own what the verb at ``words[verb]`` measures
        (1000个重点项目完成投资1865.7亿元: the projects' investment); else ``verb``."""
        words, lexicon = self.words, self.lexicon
        k = verb - 1
        while k >= 0 and (
            words[k].kind in ("word", "verb")
            and not lexicon.ends_phrase(words[k], START)
            or words[k].text == "、"
        ):
            k -= 1
        return k + 1 if k >= 0 and words[k].tag == "Q" and k < verb - 1 else verb

    def _past_verb(self, phrase: list[Word]) -> list[Word]:
        """A long phrase cut after its last verb that no list knows, when a name of its own follows it.

        新区政务平台汇聚共享资源 counts 共享资源; a short phrase keeps its verbs (刺五加种植面积,
        国家乡村振兴示范县), and so does a list.
        """
        if len(_text(phrase)) <= _SHORT or any(w.text in CONJUNCTIONS for w in phrase):
            return phrase
        for i in range(len(phrase) - 2, 0, -1):
            verb, rest = phrase[i], phrase[i + 1 :]
            if (
                verb.tag == "v"
                and len(verb.text) > 1
                and verb.text not in self.lexicon.roles
                and len(_text(rest)) >= 4
            ):
                return rest
        return phrase

    # -- after the number -------------------------------------------------------------------------

    def after(self, at: int, *, title: bool = False) -> str:
        """The phrase the number at ``words[at]`` quantifies, after it; empty when none follows.

        ``title``: read what a selection verb names (入选|国家重点培育名单), where verbs belong to the name.
        """
        words, lexicon = self.words, self.lexicon
        k = at + 1
        if k < len(words) and words[k].text == "的":
            k += 1  # 首期规模500亿元的浙江社保科创基金: the number describes what follows
        start = k
        relative = self._relative_clause(k)
        if relative is not None:
            return _text(words[k:relative])
        # People counted (7.6万名|学前儿童|享受…): a verb after them is what they do, not part of a name.
        people = bool(_PEOPLE.search(words[at].text))
        while k < len(words) and not (
            lexicon.ends_phrase(words[k]) and not self._names_after(k, start, title)
        ):
            kind = words[k].kind
            # (a verb before their noun is a modifier: 178名|应届|毕业生, 学前|儿童)
            named = people and any(w.tag.startswith("n") for w in words[start:k])
            if kind == "word" or (
                kind in ("verb", "adverb") and not named and (title or self._inside_name(k, start))
            ):
                k += 1
            else:
                break
        taken = list(words[start:k])
        stop = words[k] if k < len(words) else None
        if stop is not None and not stop.roles.isdisjoint(("govern", "act")):
            # 3个老旧小区|综合|整治: the verb's manner (综合, 集中) goes with the verb after the name
            while len(taken) > 1 and taken[-1].tag in ("vn", "ad", "a", "d") and taken[-2].kind == "word":
                taken.pop()
        while taken and not lexicon.is_head(taken[-1]):
            taken.pop()
        if not taken:
            return ""
        if stop is not None and "select" in stop.roles and len(_bare(taken)) <= 2:
            chosen = self.after(k, title=True)  # 5家企业入选国家级绿色工厂: what the count became
            if chosen:
                return chosen
        if stop is not None and "state" in stop.roles and k == start + len(taken):
            # 243个重点项目建成投产: what is counted is the projects that reached that state.
            rest = k + 1
            while rest < len(words) and words[rest].tag.startswith("v"):
                rest += 1
            return _text(words[start : rest if rest == len(words) else k + 1])
        return _text(_past_quote(taken))

    def _names_after(self, k: int, start: int, title: bool) -> bool:
        """Whether a verb at ``words[k]`` that would end a phrase is part of the name after a number: first
        before a noun (5个|调解|室, 30项|提升|举措), or inside the title a selection verb names
        (国家重点|培育|名单)."""
        following = self.words[k + 1] if k + 1 < len(self.words) else None
        if (
            following is None
            or following.kind != "word"
            or "select" in self.words[k].roles
        ):
            return False
        if title or k == start and "act" in self.words[k].roles:
            return True
        # 30项|提升|举措, 19个粮食产能|提升|重点县: a link inside a name that ends the clause or a list
        # (not 18个月|保持|两位数|增长, not 5家企业|提升|产能|20%)
        after_name = self.words[k + 2] if k + 2 < len(self.words) else None
        return "link" in self.words[k].roles and self.words[k].tag.startswith("v") and (
            after_name is None
            or after_name.kind in ("conj", "deng", "stop") and after_name.tag != "Q"
            or k == start and after_name.kind not in ("verb", "adverb")
        )

    def _inside_name(self, k: int, start: int) -> bool:
        """Whether the verb or adverb at ``words[k]`` is part of the name after a number: before a noun
        (专项|执法|行动, 围合|单元, 抽水|蓄能|电站), or last after one (具体|举措), but not a predicate
        (个人|分获|全国)."""
        words, lexicon = self.words, self.lexicon
        j = k + 1
        if k == start and words[k].kind == "verb" and j < len(words) and words[j].kind == "verb":
            j += 1  # 4个|抽水|蓄能|电站: two verbs right after the number make a name with the noun after
        ahead = words[j] if j < len(words) else None
        if ahead is not None and ahead.kind == "word" and not lexicon.ends_phrase(ahead):
            return True
        following = words[k + 1] if k + 1 < len(words) else None
        ends = (
            following is None
            or following.kind in ("conj", "deng", "stop")
            or lexicon.ends_phrase(following)
        )
        return ends and k > start and words[k - 1].kind in ("word", "adverb")

    def _relative_clause(self, k: int) -> int | None:
        """Where a phrase ``…的 NOUN`` that starts at ``words[k]`` without a name of its own ends
        (8名|不胜任岗位的干部, 15种|“下”的情形); ``None`` when the words after the number are no such
        phrase."""
        words = self.words
        closing = ("num", "conj", "deng", "de", "stop")
        if k >= len(words) or words[k].kind in closing:
            return None
        led_by_noun = words[k].kind == "word" and words[k].tag != "QUOTE"
        j = k
        while j < len(words) and j - k < 6 and words[j].kind not in closing:
            j += 1
        if j >= len(words) or words[j].text != "的" or led_by_noun and len(_bare(words[k:j])) > 1:
            return None
        m = j + 1
        while m < len(words) and words[m].kind == "word":
            m += 1
        return m if m > j + 1 else None


def _filler(lexicon: CountedWords, word: Word) -> bool:
    """A word between what is measured and its number: a link (增长, 分别) or a keep verb
    (贷款|新增|1124亿元)."""
    return "link" in word.roles or "keep" in word.roles


def _inside(spans: Sequence[tuple[int, int]], word: Word) -> bool:
    """Whether ``word`` overlaps one of the sorted, non-overlapping ``spans``."""
    i = bisect.bisect_left(spans, (word.end, word.end))
    return i > 0 and spans[i - 1][1] > word.begin


def _number_groups(words: Sequence[Word]) -> list[list[list[int]]]:
    """The numbers of a clause (their positions in ``words``) as lists of runs: adjacent numbers form a run
    (12类590台), runs joined by 、 or 和 a list (9.4%、9.1%)."""
    groups: list[list[list[int]]] = []
    for i, word in enumerate(words):
        if word.tag != "Q":
            continue
        if groups and groups[-1][-1][-1] == i - 1:
            groups[-1][-1].append(i)
        elif groups and groups[-1][-1][-1] == i - 2 and words[i - 1].text in CONJUNCTIONS:
            groups[-1].append([i])
        else:
            groups.append([[i]])
    return groups


def _split(phrase: Sequence[Word]) -> tuple[tuple[Word, ...], ...]:
    parts: list[list[Word]] = [[]]
    for word in phrase:
        if word.text in CONJUNCTIONS:
            parts.append([])
        else:
            parts[-1].append(word)
    return tuple(tuple(p) for p in parts if p)


def _shared_measure(lexicon: CountedWords, parts: Sequence[Sequence[Word]]) -> list[str]:
    """Each name of a list with the measure the last one names: 一产、二产、三产增加值 → 一产增加值 …,
    快递、电信业务量 → 快递业务量."""
    texts = [_text(p) for p in parts]
    last = parts[-1][-1].text
    # a rate or a word of measure of its own (业务量, 成交额) as the last word of a longer name
    own = len(parts[-1]) > 1 and len(last) > 1 and last.endswith(("率", "量", "额"))
    measure = last if own else _measure_in(lexicon, last)
    if not measure or measure == texts[-1]:
        return texts
    return [
        text
        if i == len(parts) - 1 or _measure_in(lexicon, text) or text.endswith(_MEASURE_ENDS)
        else text + measure
        for i, text in enumerate(texts)
    ]


_MEASURE_ENDS = ("数", "量", "额", "值", "率", "人次")
"""How names of measures end (游客数量, 客运量, 成交额, 增加值, 满意率, 游客人次)."""


def _measure_in(lexicon: CountedWords, word: str) -> str:
    """The longest measure of the roles file that ``word`` ends with (居民收入 → 收入); empty when none."""
    found = [m for m in lexicon.measures if word.endswith(m)]
    return max(found, key=len) if found else ""


def _past_quote(words: list[Word]) -> list[Word]:
    """The words after a quoted name inside a phrase, when they name the thing on their own.

    青少年“学法守法”法治宣传教育专项行动 counts 法治宣传教育专项行动: the quote names a campaign that the
    words before it place; 专精特新“小巨人”企业 and “两重”项目 keep theirs (what follows is too short to
    stand alone).
    """
    for i in range(len(words) - 1, 0, -1):
        if words[i].tag == "QUOTE":
            rest = words[i + 1 :]
            return rest if len(_text(rest)) >= 4 else words
    return words
