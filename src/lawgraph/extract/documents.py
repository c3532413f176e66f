"""The ``lawgraph_documents`` component: policies, laws, plans and agreements named in a report.

Four rules (words in ``extract/data/documents.json``):

- **Titles in 《》**, with nested quotes and brackets (《关于…〈…〉的通知》, 《…(2022版)》). The title is
  the text between the outer 《》.
- **Laws named without 《》**: a list of national laws and regulations (民法典, 行政复议法 …), and any
  …法/…法典 right after a context such as 学习, 宣讲, 贯彻 (the verbs are no part of it).
- **Quoted programmes and named plans, lists and measures without 《》**, read by the name grammar of
  :mod:`lawgraph.extract.doc_names`: “信号升格”行动, 生物经济“双百工程”, 城乡居民增收计划,
  稳就业20条政策措施 … A leading 省/自治区/市/区/县 is the report's own area, and its 政府 the area's
  人民政府 (省政府工作规则 → 四川省人民政府工作规则).
- **Short forms**: a title followed by （以下简称《纲要草案》） makes 《纲要草案》 a mention of it.

Spans go to ``doc.spans["document"]`` with ``label_ == "PolicyDocument"``, ``kb_id_`` = the title without
《》 (a title that only drops 中华人民共和国 shares the longer title's key); the span's attributes
(:func:`~lawgraph.extract.extensions.span_attrs`) hold ``doc_type`` = the type read from the title's end
(条例, 办法, 意见 …; 情况 reads as 报告) and ``version`` = the version or year the title carries
(``2022版``, ``2022年版``, ``试行``, ``2023年``).

Examples
--------
>>> doc_type("兰州新区法律援助案件质量评查办法"), doc_version("兰州新区行政许可事项清单(2022年版)")
('办法', '2022年版')
>>> doc_type("兰州新区行政许可事项清单(2022年版)"), doc_version("兰州新区2022年度法治政府建设情况")
('清单', '2022年度')
"""

from __future__ import annotations

import json
import re
from collections.abc import Container
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from lawgraph.extract.component import LexiconComponent
from lawgraph.extract.data import Lexicon, load_gazetteer, package_text
from lawgraph.extract.doc_names import NameGrammar
from lawgraph.extract.doc_words import NameWords, TextTokens
from lawgraph.extract.extensions import (
    entity_span,
    entity_spans_key,
    register_extensions,
    set_entity_spans,
    set_span_attrs,
)
from lawgraph.extract.gazetteer import Gazetteer
from lawgraph.extract.tokens import token_boundaries, token_starts

if TYPE_CHECKING:
    from lawgraph.model import ReportContext

__all__ = [
    "DocumentMatch",
    "DocTypes",
    "DocumentFinder",
    "DocumentRecognizer",
    "doc_type",
    "doc_version",
    "clause_start",
    "doc_text",
    "make_documents",
]

_CJK = "\u4e00-\u9fff"
_VERSION = re.compile(
    r"[（(]\s*((?:\d{4}(?:\s*[-—–－~～至]\s*\d{4})?\s*年?\s*(?:修订|修正)?\s*版?)|试行|暂行|修订|修订版|修订稿|征求意见稿|草案|送审稿)\s*[)）]\s*$"
)
_VERSION_AFTER = re.compile(
    r"[（(]\s*(?:\d{4}\s*年?(?:\s*[-—–－~～至]+\s*\d{4}\s*年?)?\s*(?:修订|修正)?\s*版?"
    r"|试行|暂行|修订|修订版|修订稿|征求意见稿|草案|送审稿|[一二三四五六七八九十\d]+期)\s*[)）]"
)
"""A version right after a name without 《》 belongs to it: …纲要(草案), …计划(2021—2025年), …工程(六期)."""
_YEAR = re.compile(r"\d{4}(?:\s*[-—–－~～至]\s*\d{4})?\s*年度?")
_TRAILING_BRACKETS = re.compile(r"(?:\s*[（(][^（）()]*[)）])+\s*$")


@dataclass(frozen=True, slots=True)
class DocTypes:
    """The document types a title can end with (``doc_types`` of ``documents.json``), longest first, and
    the endings that mean one of them (``doc_type_aliases``: 情况 → 报告), longest first."""

    types: tuple[str, ...]
    aliases: tuple[tuple[str, str], ...]
    by_last: dict[str, tuple[str, ...]]
    """The types and aliases by their last character, longest first (a title is read in one look-up)."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocTypes:
        """Read the types of the parsed ``documents.json``."""
        aliases = dict(data["doc_type_aliases"])
        ordered = (*sorted(aliases, key=len, reverse=True), *sorted(data["doc_types"], key=len, reverse=True))
        by_last: dict[str, tuple[str, ...]] = {}
        for word in ordered:
            by_last[word[-1]] = (*by_last.get(word[-1], ()), word)
        return cls(
            tuple(sorted(data["doc_types"], key=len, reverse=True)),
            tuple((alias, aliases[alias]) for alias in sorted(aliases, key=len, reverse=True)),
            by_last,
        )

    def of(self, title: str) -> str | None:
        """The document type ``title`` ends with (version brackets and quotes ignored), or ``None``."""
        core = _TRAILING_BRACKETS.sub("", title).rstrip("”\"'》〉 ")
        aliases = dict(self.aliases)
        for word in self.by_last.get(core[-1:], ()):
            if core.endswith(word):
                return aliases.get(word, word)
        return None


def doc_type(title: str) -> str | None:
    """The document type a title ends with (version brackets and quotes ignored), or ``None``.

    A convenience for tests and notebooks, with the package's ``documents.json``; the component keeps its
    own :class:`DocTypes`.

    Examples
    --------
    >>> doc_type("关于进一步加强市县法治建设的意见"), doc_type("民法典"), doc_type("论坚持全面依法治国")
    ('意见', '法典', None)
    """
    return DocTypes.from_json(json.loads(package_text("documents.json"))).of(title)


def doc_version(title: str) -> str | None:
    """The version in a title's trailing brackets, else the first year it names, or ``None``.

    Examples
    --------
    >>> doc_version("兰州新区各部门权责清单(2022版)"), doc_version("某某条例(试行)"), doc_version("某某办法")
    ('2022版', '试行', None)
    """
    m = _VERSION.search(title)
    if m:
        return re.sub(r"\s+", "", m.group(1))
    y = _YEAR.search(title)
    return re.sub(r"\s+", "", y.group()) if y else None


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def doc_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it from the tokens (slow on long Docs): the report's text when the
    Doc carries one of the same length (the tokenizer keeps every character), else ``doc.text``."""
    report = doc._.report if Doc.has_extension("report") else None
    if report is not None and len(report.text) == (doc[-1].idx + len(doc[-1]) if len(doc) else 0):
        return str(report.text)
    return doc.text


def clause_start(
    text: str, end: int, *, boundary: re.Pattern[str], starts: Container[int] | None = None, window: int = 30
) -> int:
    """Where a name that ends at ``end`` starts: after the last clause boundary of the window before it.

    A boundary is a punctuation mark (group ``p`` of ``boundary``) or a boundary word; a word counts only
    when it is a whole token (``starts`` holds the token start offsets and the text's end), so 服务 ends a
    name but 服务业 does not. With ``starts=None`` every word counts.
    """
    lo = max(0, end - window)
    start = lo
    for m in boundary.finditer(text, lo, end):
        if m.group("p") or starts is None or (m.start() in starts and m.end() in starts):
            start = m.end()
    return start


@dataclass(frozen=True, slots=True)
class DocumentMatch:
    """One document mention: ``text[begin:end]``, its title (the key), type and version."""

    begin: int
    end: int
    key: str
    doc_type: str | None = None
    version: str | None = None


class DocumentFinder:
    """Compiled document rules: the parsed ``documents.json`` and the division table (a place's name is no
    document's name)."""

    def __init__(self, data: dict[str, Any], gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.doc_types = DocTypes.from_json(data)
        words = NameWords.from_json(data["name_grammar"])
        self.grammar = NameGrammar(words, place=lambda name: bool(gazetteer.lookup(name)))
        self._book = re.compile(r"《((?:[^《》\n]|《[^《》\n]*》){1,120})》")
        self.laws = frozenset(data["national_laws"])
        self.law_not_before = "律规治院官人学制庭理务定者"
        self.law_not_after: str = data["law_not_after"]
        relative = data["relative_heads"]
        self.relative = tuple(
            sorted(
                ((w, level) for level, words in relative.items() if level[0] != "_" for w in words),
                key=lambda x: -len(x[0]),
            )
        )
        self.not_heads = tuple(data["not_relative_heads"])
        self.law_prefix = data["law_prefix"]
        self._law_lengths = sorted({len(law) for law in self.laws}, reverse=True)
        self._law_end = re.compile(_alternation(sorted({law[-2:] for law in self.laws})))
        self._contexts = tuple(sorted(data["law_contexts"], key=len, reverse=True))
        contexts = _alternation(data["law_contexts"])
        law = rf"(?:{re.escape(self.law_prefix)})?[{_CJK}]{{2,14}}?法典?"
        self._law_ctx = re.compile(rf"(?:{contexts})(?:了|好)?({law})(?=[、，。；,;和及等与的]|$)")

    def find(self, doc: Doc, context: ReportContext | None = None) -> list[DocumentMatch]:
        """Every document mention in ``doc``, in text order."""
        text = doc_text(doc)
        starts, ends = token_boundaries(doc)
        tt = TextTokens(text, starts, ends, token_starts(doc, len(text)))
        orgs = _organization_starts(doc)
        found: list[DocumentMatch] = []
        taken = bytearray(len(text))  # 1 where a mention already is

        def free(b: int, e: int) -> bool:
            return taken.find(1, b, e) < 0

        def add(b: int, e: int, title: str) -> None:
            found.append(DocumentMatch(b, e, title, self.doc_types.of(title), doc_version(title)))
            taken[b:e] = b"\x01" * (e - b)

        for m in self._book.finditer(text):
            title = m.group(1).strip()
            if title:
                add(m.start(), m.end(), title)
        for b, e in self._national_laws(text):
            # 劳动法律, 教育法治, 刑法学: the law's name must not run on into a longer word.
            after = text[e : e + 1]
            if free(b, e) and (not after or after not in self.law_not_before):
                add(b, e, text[b:e])
        for name in [*self.grammar.quoted(tt, orgs), *self.grammar.unquoted(tt, orgs, free)]:
            version = _VERSION_AFTER.match(text, name.end)
            end = version.end() if version else name.end
            if free(name.begin, end):
                add(name.begin, end, self._expand(name.title + text[name.end : end], context))
        for m in self._law_ctx.finditer(text):
            b, e = m.start(1), m.end(1)
            title = m.group(1)
            while title.startswith(self._contexts) or title.startswith("的"):
                # 贯彻落实民营经济促进法, 新修订的…法: the verbs are no part of it
                cut = next((len(w) for w in self._contexts if title.startswith(w)), 1)
                title, b = title[cut:], b + cut
            if "的" in title:  # 即将出台的…法: a law's name holds no 的; what stands before it describes it
                cut = title.rindex("的") + 1
                title, b = title[cut:], b + cut
            long_enough = len(title.removeprefix(self.law_prefix)) >= 3
            if free(b, e) and long_enough and title[-2] not in self.law_not_after:
                add(b, e, title)
        found.sort(key=lambda d: d.begin)
        return _aliased(text, self._merge(found))

    def _national_laws(self, text: str) -> list[tuple[int, int]]:
        """Where the listed national laws are named, the longest at each end: found from their last two
        characters (法典, 护法, 条例 …), far faster than one alternation of a hundred names."""
        out: list[tuple[int, int]] = []
        for m in self._law_end.finditer(text):
            e = m.end()
            for n in self._law_lengths:
                if n <= e and text[e - n : e] in self.laws:
                    if out and e - n < out[-1][1]:
                        break  # inside the law found just before
                    out.append((e - n, e))
                    break
        return out

    def _expand(self, name: str, ctx: ReportContext | None) -> str:
        """A leading 省/自治区/市/区/县 is the report's own area (its 政府 is the area's 人民政府)."""
        if ctx is None or not name or name.startswith(self.not_heads):
            return name  # 区域发展规划, 市场监管办法: words, not the report's own area
        for word, level in self.relative:
            if not name.startswith(word):
                continue
            area = {"province": ctx.province, "city": ctx.city or _municipality(ctx.province)}.get(level)
            if level == "county":
                area = ctx.own_prefix if ctx.area_level in ("district", "county") else None
            if not area:
                return name
            rest = name[len(word) :]
            return area + ("人民" + rest if rest.startswith("政府") else rest)
        return name

    def _merge(self, found: list[DocumentMatch]) -> list[DocumentMatch]:
        """民法典 and 中华人民共和国民法典 in one Doc are one document (the longer title is the key)."""
        keys = {d.key for d in found}
        out = []
        for d in found:
            full = self.law_prefix + d.key
            if not d.key.startswith(self.law_prefix) and full in keys:
                out.append(DocumentMatch(d.begin, d.end, full, d.doc_type, d.version))
            else:
                out.append(d)
        return out


_SHORT_FORM = re.compile(r"\s*[（(]\s*(?:以下)?简称\s*[:：]?\s*[《“]?([^）)《》“”]{1,30})[》”]?\s*[)）]")


def _aliased(text: str, found: list[DocumentMatch]) -> list[DocumentMatch]:
    """A short form a title introduces (…纲要草案》（以下简称《纲要草案》）) names the same document: its
    mentions take the full title's key."""
    alias: dict[str, DocumentMatch] = {}
    for d in found:
        m = _SHORT_FORM.match(text, d.end)
        if m:
            alias.setdefault(m.group(1).strip(), d)
    if not alias:
        return found
    out = []
    for d in found:
        full = alias.get(d.key)
        out.append(
            d
            if full is None or full is d
            else DocumentMatch(d.begin, d.end, full.key, full.doc_type, full.version)
        )
    return out


def _municipality(province: str | None) -> str | None:
    """A province-level city (北京市, 天津市) is the 市 its own reports name."""
    return province if province and province.endswith("市") else None


def _organization_starts(doc: Doc) -> dict[int, int]:
    """Where the Doc's organization mentions start, and where they end (an issuer before a name)."""
    key = entity_spans_key(doc, "organization")
    if key not in doc.spans:
        return {}
    starts, ends = token_boundaries(doc)
    return {starts[span.start]: ends[span.end - 1] for span in doc.spans[key]}


class DocumentRecognizer(LexiconComponent):
    """Writes the document mentions to ``doc.spans[spans_key]`` (see the module docstring)."""

    files = ("documents.json",)

    def __init__(
        self, name: str = "lawgraph_documents", *, spans_key: str = "document", lexicon: Lexicon | None = None
    ) -> None:
        self.spans_key = spans_key
        super().__init__(name, lexicon=lexicon)

    def build(self, lexicon: Lexicon) -> None:
        """Compile the rules of ``documents.json``."""
        self.finder = DocumentFinder(lexicon.json("documents.json"), load_gazetteer())

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        spans = []
        for match in self.finder.find(doc, doc._.lg_context):
            found = entity_span(doc, match.begin, match.end, label="PolicyDocument", kb_id=match.key)
            if found is None:
                continue
            span, exact = found
            set_span_attrs(doc, "document", span, exact=exact, doc_type=match.doc_type, version=match.version)
            spans.append(span)
        set_entity_spans(doc, "document", spans, spans_key=self.spans_key)
        return doc


@Language.factory(
    "lawgraph_documents",
    assigns=["doc.spans"],
    requires=["doc._.lg_context"],
    default_config={"spans_key": "document"},
)
def make_documents(nlp: Language, name: str, *, spans_key: str) -> DocumentRecognizer:
    """Build the ``lawgraph_documents`` component."""
    register_extensions()
    return DocumentRecognizer(name, spans_key=spans_key)
