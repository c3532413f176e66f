"""Read the dates Chinese government pages write: ``2023年1月12日``, ``二〇二三年一月十二日``,
``2023-01-12``, ``2023/01/12/ 09:27``, ``2023.1.12``."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["parse_date", "find_date", "DATE_PATTERN", "chinese_number"]

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇零○一二两三四五六七八九十"

DATE_PATTERN = re.compile(
    rf"(?P<y>(?:19|20)\d\d|[{_CN}O]{{4}})\s*(?P<s1>[年/.\-])\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,2}})\s*[月/.\-]\s*"
    rf"(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})(?![\d])(?:\s*日)?"
)
"""A calendar date with year, month and day, in Arabic or Chinese numerals."""


def chinese_number(token: str) -> int | None:
    """Read a small number written in Arabic digits or Chinese numerals (up to 99), or digit by digit.

    Examples
    --------
    >>> chinese_number("二〇二三"), chinese_number("十二"), chinese_number("二十一"), chinese_number("7")
    (2023, 12, 21, 7)
    """
    if token.isdigit():
        return int(token)
    if "十" in token:
        tens, _, units = token.partition("十")
        t = _CN_DIGITS.get(tens) if tens else 1
        u = _CN_DIGITS.get(units) if units else 0
        if t is None or u is None:
            return None
        return t * 10 + u
    value = 0
    for ch in token:
        digit = _CN_DIGITS.get(ch)
        if digit is None:
            return None
        value = value * 10 + digit
    return value


def _from_match(m: re.Match[str]) -> dt.date | None:
    y, mo, d = (chinese_number(m.group(k)) for k in ("y", "m", "d"))
    if y is None or mo is None or d is None:
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def find_date(text: str) -> dt.date | None:
    """The first valid date written anywhere in ``text``.

    Examples
    --------
    >>> find_date(" 2023/01/12/ 09:27 来源:某某"), find_date("二〇二三年一月十二日")
    (datetime.date(2023, 1, 12), datetime.date(2023, 1, 12))
    """
    for m in DATE_PATTERN.finditer(text):
        date = _from_match(m)
        if date is not None:
            return date
    return None


def parse_date(text: str) -> dt.date | None:
    """The date when ``text`` is nothing but a date (surrounding spaces allowed).

    Examples
    --------
    >>> parse_date("2023年1月12日"), parse_date("2023年1月12日召开会议")
    (datetime.date(2023, 1, 12), None)
    """
    m = DATE_PATTERN.fullmatch(text.strip())
    return _from_match(m) if m else None
