"""Split normalized report text into a section hierarchy and sentences.

Headings open a line:

==========  =====================  =====
level       marker                 e.g.
==========  =====================  =====
1           ``一、``               一、坚持党的领导
2           ``(一)``               (一)完善制度
3           ``1.`` ``1、``         1.健全机制
4           ``(1)``                (1)加强培训
==========  =====================  =====

A heading may run on into its text (``(一)标题。正文…``): the title then ends at the first ``。``.
A section covers its heading and everything up to the next heading of the same or a higher level.

Sentences end at ``。!?;`` (also their full-width forms) and at line breaks, but not inside ``《》`` or
``“”`` (unless the mark stays open for over 200 characters: a typo); closing quotes and brackets right
after the end mark stay with the sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from lawgraph.model import Section, Sentence

__all__ = ["split_sections", "split_sentences", "innermost_section"]

_CN_NUM = "一二三四五六七八九十百零〇"
_HEADING = re.compile(
    rf"^[ ]*(?:(?P<l1>[{_CN_NUM}]{{1,4}})[、.]|\((?P<l2>[{_CN_NUM}]{{1,4}})\)|"
    rf"(?P<l3>\d{{1,2}})(?:[、]|\.(?!\d))|\((?P<l4>\d{{1,2}})\))[ ]*(?P<rest>[^\n]*)",
    re.M,
)
_TITLE_CUT = re.compile(r"[。!?;:]")
_MAX_TITLE = 60
_SPLIT = re.compile(r"[《》“”。!?;！？；\n]")
_CLOSERS = re.compile(r"[”’」』)\]》]*")
_CLOSER_CHARS = frozenset("”’」』)]》")
_ENDS = frozenset("。!?;！？；")
"""The end marks of :data:`_SPLIT` (the others are line breaks and the marks that open or close a title or a
quotation)."""
_SPACE = " \t\n"
_MAX_OPEN = 200
"""A 《 or “ still open this many characters later was never closed; sentence ends count again."""


def split_sections(text: str, *, begin: int = 0) -> tuple[Section, ...]:
    """Find the numbered headings of ``text[begin:]`` and build the section tree.

    Parameters
    ----------
    text : str
        Normalized report text.
    begin : int, keyword-only
        Where to start looking (the end of the cover letter).

    Returns
    -------
    tuple of Section
        In text order; ``parent`` indexes this tuple.

    Examples
    --------
    >>> text = "一、总体情况\\n(一)完善制度。我县印发文件。\\n1.健全机制\\n二、存在问题\\n不足。"
    >>> for s in split_sections(text):
    ...     print((s.level, s.number, s.title, s.parent))
    (1, '一', '总体情况', None)
    (2, '一', '完善制度', 0)
    (3, '1', '健全机制', 1)
    (1, '二', '存在问题', None)
    >>> text[split_sections(text)[1].begin:split_sections(text)[1].end]
    '(一)完善制度。我县印发文件。\\n1.健全机制\\n'
    """
    heads: list[tuple[int, int, str, str]] = []
    for m in _HEADING.finditer(text, begin):
        level = next(i for i, key in enumerate(("l1", "l2", "l3", "l4"), 1) if m.group(key) is not None)
        rest = m.group("rest")
        cut = _TITLE_CUT.search(rest)
        title = (rest[: cut.start()] if cut else rest).strip().rstrip(",、")
        if not title or len(title) > _MAX_TITLE and cut is None:
            continue  # a numbered list item in running text, not a heading
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" "))
        heads.append((start, level, m.group(f"l{level}"), title[:_MAX_TITLE]))
    end_text = len(text.rstrip(_SPACE))
    ends = [end_text] * len(heads)
    parents: list[int | None] = []
    stack: list[int] = []
    for i, (start, level, _, _) in enumerate(heads):
        while stack and heads[stack[-1]][1] >= level:
            ends[stack.pop()] = start
        parents.append(stack[-1] if stack else None)
        stack.append(i)
    return tuple(
        Section(begin=start, end=end, level=level, number=number, title=title, parent=parent)
        for (start, level, number, title), end, parent in zip(heads, ends, parents, strict=True)
    )


def innermost_section(sections: Sequence[Section], starts: Sequence[int], pos: int) -> int | None:
    """Index of the innermost section containing ``pos``; ``starts`` are the sections' begins."""
    i = bisect.bisect_right(starts, pos) - 1
    while i is not None and i >= 0:
        if sections[i].end > pos:
            return i
        i = sections[i].parent  # type: ignore[assignment]
    return None


def split_sentences(text: str, sections: Sequence[Section] = (), *, begin: int = 0) -> tuple[Sentence, ...]:
    """Split ``text[begin:]`` into sentences, each tagged with its innermost section.

    Parameters
    ----------
    text : str
        Normalized report text.
    sections : sequence of Section
        From :func:`split_sections` on the same text.
    begin : int, keyword-only
        Where to start.

    Returns
    -------
    tuple of Sentence
        Non-empty, stripped of surrounding spaces, in text order.

    Examples
    --------
    >>> text = "我县印发《关于加强执法。的意见》。群众说“办得好!”。\\n完成整改"
    >>> [text[s.begin:s.end] for s in split_sentences(text)]
    ['我县印发《关于加强执法。的意见》。', '群众说“办得好!”。', '完成整改']
    """
    starts = [s.begin for s in sections]
    out: list[Sentence] = []
    append = out.append
    start, book, quote, opened = begin, 0, 0, 0

    def emit(a: int, b: int) -> None:
        while a < b and text[a] in _SPACE:
            a += 1
        while b > a and text[b - 1] in _SPACE:
            b -= 1
        if b > a:
            append(Sentence(a, b, innermost_section(sections, starts, a)))

    # The loop runs once per mark in the text: the commonest marks (。, quotes) are tested first, and the
    # closers after an end mark are matched only when one follows.
    for m in _SPLIT.finditer(text, begin):
        ch = m.group()
        if ch in _ENDS:
            if book or quote:
                if m.start() - opened <= _MAX_OPEN:
                    continue
                book = quote = 0  # a mark left open by a typo must not swallow the paragraph
            end = m.end()
            if text[end : end + 1] in _CLOSER_CHARS:
                end = _CLOSERS.match(text, end).end()  # type: ignore[union-attr]
            emit(start, end)
            start = end
        elif ch == "”":
            quote = max(0, quote - 1)
        elif ch == "\n":
            emit(start, m.start())
            start, book, quote = m.end(), 0, 0
        elif ch == "》":
            book = max(0, book - 1)
        else:  # 《 or “
            if not book and not quote:
                opened = m.start()
            book += ch == "《"
            quote += ch == "“"
    emit(start, len(text))
    return tuple(out)
