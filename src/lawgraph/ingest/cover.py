"""Read what a report says about itself: its title, cover letter, sender, date and reporting year.

Two forms are common:

- **Cover letter** (送审/报送 form)::

      X关于报送
      《X2022年度法治政府建设情况》的报告     <- the report's own title, possibly over two lines
      省政府:                                <- the addressee: a short body name ending with a colon
      现将《…》随文呈报,请审阅。              <- a short letter
      X                                      <- the sender (signature)
      2023年1月12日                          <- the issue date (二〇二三年一月十二日 too)
      …the report body…

  The signature and date may also close the whole text when the letter *is* the report.
- **Speech** (government work reports): ``各位代表:`` then ``我代表X人民政府向大会作工作报告`` names the
  issuer.

Everything works on normalized text with the page chrome already removed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lawgraph.ingest.chrome import SENTENCE_PUNCT, is_heading_line
from lawgraph.ingest.dates import find_date, parse_date

__all__ = [
    "CoverInfo",
    "read_cover",
    "clean_page_title",
    "title_from_stem",
    "issuer_from_title",
    "report_year",
    "date_of",
]

_LINE = re.compile(r"[^\n]+")
_PUNCT = re.compile(f"[{SENTENCE_PUNCT}]")
_ADDRESSEE = re.compile(r"^(?P<who>[\u4e00-\u9fff、()]{2,30}):$")
_AUDIENCE = re.compile(r"^(?:各位|同志|尊敬|亲爱)")
_TITLE_END = re.compile(r"(?:报告|情况|总结|工作报告|汇报|通报|通知|函)$")
_TITLE_OPEN = re.compile(r"(?:关于|报送|呈报|印发|转发|的|和|及|与|《[^》]*)$")
_TITLE_PREFIX = re.compile(r"^(?P<who>[\u4e00-\u9fff()]{2,40}?)关于")
_SPEECH = re.compile(
    r"我谨?代表(?P<who>[\u4e00-\u9fff()、]{0,28}?(?:政府|委员会|管委会|国务院|筹备组|党工委|办事处|公署)),?向"
)
_YEAR_OF_TITLE = re.compile(r"((?:19|20)\d\d)\s*年度")
_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d\d)\s*年")
_NAME_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_REVIEW = re.compile(
    r"^(?:[一二三四五六七八九十]+、)?((?:19|20)\d\d)\s*年(?:工作|主要工作|政府工作)?(?:回顾|总结)", re.M
)
_DOC_NUMBER = re.compile(r"[〔\[(【]\s*(?:19|20)\d\d\s*[〕\])】]\s*\d+\s*号")
"""A document number such as 某府〔2023〕5号: a line of the letterhead, never part of the title."""
_SITE_SPLIT = re.compile(r"\s*(?:_+|\s[-|–—]\s|\|)\s*")
_STEM_YEAR = re.compile(r"_(?:19|20)\d\d年?$")
_SIGN_DATE = re.compile(r"^(?P<who>[\u4e00-\u9fff()]{2,40}?)\s+(?P<date>\S.*)$")
_MAX_LETTER = 600
"""A cover letter is at most this many characters between the addressee and the signature."""


@dataclass(frozen=True, slots=True)
class CoverInfo:
    """What :func:`read_cover` finds; every field is optional."""

    title: str | None = None
    addressee: str | None = None
    sender: str | None = None
    date: dt.date | None = None
    speaker: str | None = None
    """The body named in ``我代表X向大会`` (speech form)."""
    body_begin: int = 0


def _lines(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in _LINE.finditer(text) if m.group(0).strip()]


def _is_plain(line: str, limit: int = 60) -> bool:
    """Short and without sentence punctuation: a title, name or date line."""
    return len(line) <= limit and not _PUNCT.search(line)


def _title_at(lines: list[tuple[int, str]], i: int) -> tuple[str, int] | None:
    """The title starting at line ``i`` (joined over up to three lines) and the index after it."""
    title, j = lines[i][1], i + 1
    if not _is_plain(title, 80) or is_heading_line(title) or _DOC_NUMBER.search(title):
        return None
    if _ADDRESSEE.match(title):
        return None
    while j < len(lines) and j < i + 3 and _is_plain(lines[j][1], 80) and not _ADDRESSEE.match(lines[j][1]):
        nxt = lines[j][1]
        if _TITLE_OPEN.search(title) or nxt.startswith("《") or (
            not _TITLE_END.search(title) and _TITLE_END.search(nxt) and len(title) < 30
        ):
            title, j = title + nxt, j + 1
        else:
            break
    if "关于" in title or _TITLE_END.search(title):
        return title, j
    return None


def _signature(lines: list[tuple[int, str]], start: int, stop: int) -> tuple[str | None, dt.date, int] | None:
    """Find ``[sender]\\ndate`` among ``lines[start:stop]``: (sender, date, index of the date line)."""
    for k in range(start, min(stop, len(lines))):
        line = lines[k][1]
        date = parse_date(line)
        if date is not None:
            prev = lines[k - 1][1] if k > start else None
            sender = prev if prev and _is_plain(prev, 40) and parse_date(prev) is None else None
            return sender, date, k
        m = _SIGN_DATE.match(line)
        if m and _is_plain(line, 60):
            date = parse_date(m.group("date"))
            if date is not None:
                return m.group("who"), date, k
    return None


def _after(lines: list[tuple[int, str]], k: int, text: str) -> int:
    """The offset where the line after ``lines[k]`` starts (or the end of the text)."""
    return lines[k + 1][0] if k + 1 < len(lines) else len(text)


def read_cover(text: str) -> CoverInfo:
    """Read the cover letter or speech opening of a report.

    Parameters
    ----------
    text : str
        Normalized report text without page chrome.

    Returns
    -------
    CoverInfo

    Examples
    --------
    >>> text = ("某县人民政府关于报送\\n《某县2023年度法治政府建设情况》的报告\\n市政府:\\n"
    ...         "现将有关情况报告如下。\\n某县人民政府\\n2024年1月8日\\n一、主要做法\\n我县推进依法行政。")
    >>> info = read_cover(text)
    >>> info.title
    '某县人民政府关于报送《某县2023年度法治政府建设情况》的报告'
    >>> info.addressee, info.sender, info.date
    ('市政府', '某县人民政府', datetime.date(2024, 1, 8))
    >>> text[info.body_begin:info.body_begin + 6]
    '一、主要做法'
    """
    lines = _lines(text)
    head = lines[:12]
    title: str | None = None
    addressee: str | None = None
    sender: str | None = None
    date: dt.date | None = None
    body_begin = 0
    i = 0
    while i < len(head):
        line = head[i][1]
        if _ADDRESSEE.match(line) or not _is_plain(line, 80):
            break
        found = _title_at(lines, i)
        if found is not None and title is None:
            title, i = found
            continue
        i += 1
    if i < len(head):
        m = _ADDRESSEE.match(head[i][1])
        if m and not _AUDIENCE.match(m.group("who")):
            addressee = m.group("who")
            letter_end = i + 1
            size = 0
            while letter_end < len(lines) and size <= _MAX_LETTER and not _is_plain(lines[letter_end][1], 40):
                size += len(lines[letter_end][1])
                letter_end += 1
            sig = _signature(lines, letter_end, letter_end + 3) if size <= _MAX_LETTER else None
            if sig is not None:
                sender, date, k = sig
                body_begin = _after(lines, k, text)
            else:
                body_begin = _after(lines, i, text)
                tail = _signature(lines, max(i + 1, len(lines) - 4), len(lines))
                if tail is not None:
                    sender, date, _ = tail
    if date is None and addressee is None:
        tail = _signature(lines, max(0, len(lines) - 4), len(lines))
        if tail is not None:
            sender, date, _ = tail
    speech = _SPEECH.search(text, 0, 6000)
    return CoverInfo(
        title=title,
        addressee=addressee,
        sender=sender,
        date=date,
        speaker=speech.group("who") if speech else None,
        body_begin=body_begin,
    )


def clean_page_title(title: str | None) -> str | None:
    """Drop the site name from a page ``<title>`` (``报告_某县门户网站`` → ``报告``).

    Examples
    --------
    >>> clean_page_title("某县2023年法治政府建设情况报告_某县人民政府门户网站")
    '某县2023年法治政府建设情况报告'
    """
    if not title:
        return None
    parts = [p for p in _SITE_SPLIT.split(title.strip()) if p]
    return parts[0] if parts else None


def title_from_stem(stem: str) -> str:
    """A title from a file name: the stem without a crawler's ``_2014`` year suffix."""
    return _STEM_YEAR.sub("", stem) or stem


def issuer_from_title(title: str | None) -> str | None:
    """The body before ``关于`` in a title (``X关于报送…的报告`` → ``X``)."""
    if not title:
        return None
    m = _TITLE_PREFIX.match(title)
    return m.group("who") if m else None


def report_year(
    title: str | None, text: str, issued: dt.date | None, *, name: str | None = None
) -> int | None:
    """The year a report is about.

    ``2022年度`` in the title wins; then a ``2021年工作回顾`` heading; then a year in the title (for a
    government work report, whose title names the year it is delivered, the year before); then the year
    before the issue date; then a year in the file ``name`` (the year before, for a work report).

    Examples
    --------
    >>> report_year("某县2022年度法治政府建设情况", "", None)
    2022
    >>> report_year("2021年某区政府工作报告", "一、2020年工作回顾\\n", None)
    2020
    >>> import datetime as dt
    >>> report_year("某县法治政府建设情况报告", "", dt.date(2023, 1, 12))
    2022
    """
    if title:
        m = _YEAR_OF_TITLE.search(title)
        if m:
            return int(m.group(1))
    m = _REVIEW.search(text, 0, 20000)
    if m:
        return int(m.group(1))
    work_report = bool(title and "工作报告" in title and "法治" not in title)
    m = _YEAR_IN_TITLE.search(title) if title else None
    if m:
        return int(m.group(1)) - work_report
    if issued is not None:
        return issued.year - 1
    if name:
        m = _NAME_YEAR.search(name)
        if m:
            return int(m.group(1)) - (work_report or ("工作报告" in name and "法治" not in name))
    return None


def date_of(value: str | None) -> dt.date | None:
    """Parse a date written in page metadata, or ``None``."""
    return find_date(value) if value else None
