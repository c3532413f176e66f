"""Chinese and Arabic numbers: parsing, scaling and finding quantities in text.

Reports write the same quantity in many ways: ``8万件``, ``5600多万人次``, ``99.7%``, ``半小时``,
``二十项``, ``379.87亿元``, ``近3成``. :func:`parse_number` turns the number part into a
:class:`~decimal.Decimal`; :func:`find_quantities` finds every *number + unit* in a text with one compiled
regular expression and returns :class:`Quantity` objects with the value scaled (万 → ×10⁴, 亿 → ×10⁸), the
unit, the hedge (近, 约, 超过, 余, 多, 以上 …) and the written form. Whether a quantity is an indicator
(and not a date, an ordinal or a slogan) is decided by :mod:`lawgraph.extract.indicators`.

Examples
--------
>>> parse_number("8万")
Decimal('80000')
>>> parse_number("一千二百三十四")
Decimal('1234')
>>> parse_number("1.87万")
Decimal('18700')
>>> parse_number("十四五") is None
True
>>> [(q.value, q.unit, q.approximation) for q in find_quantities("阅读量达5600多万人次")]
[(Decimal('56000000'), '人次', '多')]
>>> q = find_quantities("民生支出379.87亿元")[0]
>>> q.value, q.unit, q.written
(Decimal('37987000000'), '元', '379.87亿元')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, InvalidOperation

from lawgraph.extract.data import package_text, parse_lines

__all__ = [
    "Quantity",
    "parse_number",
    "parse_chinese",
    "normalize_decimal",
    "QuantityFinder",
    "load_units",
    "parse_units",
    "find_quantities",
    "trie_pattern",
    "APPROX_PREFIXES",
    "APPROX_SUFFIXES",
]

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_EXACT = Context(prec=10**6, Emax=MAX_EMAX, Emin=MIN_EMIN)
_SCALES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "千": Decimal(1000), "百": Decimal(100)}

APPROX_PREFIXES: tuple[str, ...] = (
    "不少于",
    "不低于",
    "将近",
    "接近",
    "大约",
    "超过",
    "近",
    "约",
    "超",
    "逾",
)
"""Hedges written before a number (近30部, 约200人, 超过3000名, 超765亿元), longest first."""
APPROX_SUFFIXES: tuple[str, ...] = ("以上", "以下", "以内", "左右", "余", "多")
"""Hedges written inside or after a number (20余次, 5600多万, 95%以上, 3%以下)."""

_BIG_UNITS = frozenset({"类", "方面", "环节", "项", "批", "块", "类别"})
"""Units a 大 may stand before (九大类, 五大方面); elsewhere 大 starts a name (三大口岸)."""
_ZH_NUM = (
    "[零〇一二两三四五六七八九十百千万亿]*[〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
)
_AR_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"


_Trie = dict[str, "_Trie"]


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie, so the engine tests a first character once.

    Python's ``re`` tries the branches of ``a|b|c`` one after the other at every position; a trie
    (``成(?:立|功创建)``) rejects a position after one character. Longer words win over their prefixes.

    >>> trie_pattern(["成立", "成功创建", "印发"])
    '(?:成(?:功创建|立)|印发)'
    >>> bool(re.fullmatch(trie_pattern(["委托", "委托管理"]), "委托管理"))
    True
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        # Longest first: a branch that goes on beats stopping here.
        branches.sort(key=len, reverse=True)
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        if ends:
            body = ("(?:" + "|".join(branches) + ")?") if len(branches) > 0 else ""
        return body

    return (
        "(?:"
        + "|".join(
            sorted(
                (re.escape(ch) + build(child) for ch, child in sorted(trie.items()) if ch),
                key=len,
                reverse=True,
            )
        )
        + ")"
    )


def normalize_decimal(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation.

    >>> normalize_decimal(Decimal("18700.00")), normalize_decimal(Decimal("99.70"))
    (Decimal('18700'), Decimal('99.7'))
    """
    # Enough precision for every digit: the default context (28 digits) makes quantize raise
    # InvalidOperation on a 29-digit number, and normalize round one.
    digits = max(28, len(value.as_tuple().digits), value.adjusted() + 1)
    exact = Context(prec=digits, Emax=MAX_EMAX, Emin=MIN_EMIN)
    if value == value.to_integral_value(context=exact):
        return value.quantize(Decimal(1), context=exact)
    return value.normalize(context=exact)


def parse_chinese(text: str) -> Decimal | None:
    """Parse a number written in Chinese numerals (``二十``, ``一千零五``, ``两万``, ``二〇二二``).

    Returns ``None`` when ``text`` is not a well-formed number (``十四五``, ``七一``).

    >>> parse_chinese("二十"), parse_chinese("十四"), parse_chinese("一千零五"), parse_chinese("三万五千")
    (Decimal('20'), Decimal('14'), Decimal('1005'), Decimal('35000'))
    >>> parse_chinese("二〇二二")
    Decimal('2022')
    """
    if not text:
        return None
    if len(text) > 1 and all(ch in _DIGITS and ch != "两" for ch in text):
        # Digit by digit, as in years (二〇二二); a pair like 七一 or 十四五 is a name, not a number.
        if len(text) >= 3 and ("〇" in text or "零" in text):
            return Decimal("".join(str(_DIGITS[ch]) for ch in text))
        return None
    total = 0  # everything above the current 万/亿 section
    section = 0  # the current section below 万
    digit: int | None = None
    last_small = 10**5
    after_zero = False
    for ch in text:
        if ch in _DIGITS:
            value = _DIGITS[ch]
            if value == 0:
                after_zero = True
                continue
            if digit is not None:
                return None
            digit = value
        elif ch in _SMALL:
            mult = _SMALL[ch]
            if mult >= last_small and not after_zero:
                return None
            section += (1 if digit is None else digit) * mult
            last_small = mult
            digit = None
            after_zero = False
        elif ch == "万":
            section += digit or 0
            if section == 0 and total == 0:
                return None
            total += section * 10**4
            section, digit, last_small, after_zero = 0, None, 10**5, False
        elif ch == "亿":
            section += digit or 0
            total = (total + section) * 10**8
            if total == 0:
                return None
            section, digit, last_small, after_zero = 0, None, 10**5, False
        else:
            return None
    return Decimal(total + section + (digit or 0))


_ARABIC = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)([万亿千百]*)")


def parse_number(text: str) -> Decimal | None:
    """Parse a number in Arabic or Chinese numerals, with an optional 万/亿 scale.

    ``半`` is one half. Hedges (多, 余) between the digits and the scale are ignored (``5600多万``).

    >>> parse_number("5600多万"), parse_number("99.7"), parse_number("半"), parse_number("2.6万多")
    (Decimal('56000000'), Decimal('99.7'), Decimal('0.5'), Decimal('26000'))
    >>> parse_number("1,234")
    Decimal('1234')
    """
    text = text.strip().replace("多", "").replace("余", "")
    if not text:
        return None
    if text == "半":
        return Decimal("0.5")
    match = _ARABIC.fullmatch(text)
    if match:
        try:
            value = Decimal(match.group(1).replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the regex only lets digits through
            return None
        for scale in match.group(2):
            value = value.scaleb(_SCALES[scale].adjusted(), context=_EXACT)  # exact at any length
        return normalize_decimal(value)
    parsed = parse_chinese(text)
    return None if parsed is None else normalize_decimal(parsed)


@functools.lru_cache(maxsize=8192)
def _parse_number_cached(text: str) -> Decimal | None:
    # The same few hundred numbers recur in every report (2022, 1, 10, 100 …); Decimal is immutable.
    return parse_number(text)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit, found at ``text[begin:end]`` (hedges included)."""

    value: Decimal
    unit: str
    unit_class: str
    written: str
    begin: int
    end: int
    number_begin: int
    """Where the digits start (after a hedge such as 近)."""
    unit_end: int = -1
    """Where the unit ends (before a trailing hedge such as 以上); ``end`` when not given."""
    approximation: str | None = None
    chinese: bool = False
    """The number is written in Chinese numerals (二十, 两, 半)."""


def parse_units(lines: Iterable[str]) -> dict[str, str]:
    """``{unit: class}`` from the lines of ``units.tsv`` (``UNIT<TAB>CLASS``; ``count`` when missing)."""
    units: dict[str, str] = {}
    for line in lines:
        unit, _, cls = line.partition("\t")
        units[unit.strip()] = cls.strip() or "count"
    return units


def load_units() -> dict[str, str]:
    """The units lawgraph recognizes, ``{unit: class}``, from the package's ``extract/data/units.tsv``.

    >>> load_units()["件"], load_units()["小时"], load_units()["年"]
    ('count', 'time', 'year')
    """
    return parse_units(parse_lines(package_text("units.tsv")))


def _quantity_regex(units: Iterable[str]) -> re.Pattern[str]:
    # No optional group in front: the engine then skips fast to the next digit or numeral. Hedges
    # written before the number are read by looking back (see QuantityFinder.find).
    unit_alt = trie_pattern(units)
    return re.compile(
        rf"(?P<num>{_AR_NUM}|{_ZH_NUM}|半)"
        r"(?P<mid>[多余])?"
        r"(?P<scale>万亿|千万|百万|[万亿])?"
        r"(?P<mid2>[多余])?"
        r"(?P<big>大)?"
        rf"(?P<unit>{unit_alt})"
        r"(?P<post>以上|以下|以内|左右|余|多)?"
    )


_PERCENT_WORDS = re.compile(
    rf"(?P<pre>{'|'.join(APPROX_PREFIXES)})?百分之(?P<num>{_AR_NUM}|{_ZH_NUM})(?P<post>以上|以下|以内|左右)?"
)


_APPROX_LAST_CHARS = frozenset(prefix[-1] for prefix in APPROX_PREFIXES)


_NUMBER_START = re.compile(r"[\d" + _ZH_NUM[1 : _ZH_NUM.index("]")] + "半]")
"""Every character a match of the quantity pattern can start with: a digit, a character of
:data:`_ZH_NUM`'s first class (which holds its second) or 半 (the ``num`` group's alternatives)."""


def _iter_quantity_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, faster: the pattern is tried only where a number starts.

    The quantity pattern opens with a group of alternatives the regex engine cannot skip ahead on, so
    ``finditer`` tries it at every character; :data:`_NUMBER_START` finds the few places it can match.
    Matches never overlap and are taken left to right, as ``finditer`` takes them.
    """
    match_at = pattern.match
    pos = 0
    for candidate in _NUMBER_START.finditer(text):
        start = candidate.start()
        if start < pos:
            continue
        match = match_at(text, start)
        if match is not None:
            pos = match.end()
            yield match


_BARE_AFTER = "破超逾近过"
"""Characters after which a bare order of magnitude is a number: 突破百亿次, 破亿, 超千万人次, 近千个."""


def _bare_scale_regex(units: Iterable[str]) -> re.Pattern[str]:
    return re.compile(
        rf"(?<=[{_BARE_AFTER}])(?P<num>万亿|千亿|百亿|十亿|千万|百万|十万|[万亿千百])(?P<unit>{trie_pattern(units)})"
    )


class QuantityFinder:
    """Finds every *number + unit* of a text, for a table of units (see :func:`find_quantities`).

    Parameters
    ----------
    units : mapping of str to str
        ``{unit: class}`` (:func:`parse_units`).
    """

    def __init__(self, units: Mapping[str, str]) -> None:
        self.units = dict(units)
        self.pattern = _quantity_regex(self.units)
        self.bare = _bare_scale_regex(self.units)

    def find(self, text: str) -> list[Quantity]:
        """Every *number + unit* in ``text``, left to right (see :func:`find_quantities`)."""
        found = _find_quantities(text, self.pattern, self.units)
        if any(ch in text for ch in _BARE_AFTER):
            found.extend(_bare_scales(text, self.bare, self.units))
            found.sort(key=lambda q: q.begin)
        return found


def _bare_scales(text: str, pattern: re.Pattern[str], units: Mapping[str, str]) -> Iterator[Quantity]:
    """An order of magnitude written alone stands for one of it: 破亿度 is 10⁸ 度, 近千个 is 1000 个."""
    for match in pattern.finditer(text):
        value = parse_chinese("一" + match.group("num"))
        if value is None:  # pragma: no cover - every alternative of the pattern parses
            continue
        hedge = next((p for p in APPROX_PREFIXES if text.endswith(p, 0, match.start())), None)
        begin = match.start() - len(hedge) if hedge else match.start()
        unit = match.group("unit")
        yield Quantity(
            value=value,
            unit="%" if unit == "％" else unit,
            unit_class=units[unit],
            written=text[begin : match.end()],
            begin=begin,
            end=match.end(),
            number_begin=match.start(),
            unit_end=match.end(),
            approximation=hedge,
        )


def find_quantities(text: str) -> list[Quantity]:
    """Every *number + unit* in ``text``, left to right, with values scaled and hedges read.

    Nothing is filtered here: ``2022年`` is found as a quantity of unit 年; the indicator component
    decides which quantities count.

    >>> [(q.written, q.value, q.unit) for q in find_quantities("案前调解12件，近3000名干部")]
    [('12件', Decimal('12'), '件'), ('近3000名', Decimal('3000'), '名')]
    >>> [(q.value, q.unit) for q in find_quantities("整改完成率95%以上，九大类支出")]
    [(Decimal('95'), '%'), (Decimal('9'), '类')]
    >>> [(q.value, q.unit) for q in find_quantities("百分之九十的案件")]
    [(Decimal('90'), '%')]
    >>> [(q.value, q.unit, q.approximation) for q in find_quantities("传播量突破百亿次，解决难题近千个")]
    [(Decimal('10000000000'), '次', None), (Decimal('1000'), '个', '近')]

    A convenience for tests and notebooks, with the package's units; the indicator component keeps its own
    :class:`QuantityFinder`.
    """
    return QuantityFinder(load_units()).find(text)


def _find_quantities(text: str, pattern: re.Pattern[str], units: Mapping[str, str]) -> list[Quantity]:
    approx_last = _APPROX_LAST_CHARS
    found: list[Quantity] = []
    for match in _PERCENT_WORDS.finditer(text) if "百分之" in text else ():
        value = parse_number(match.group("num"))
        if value is not None:
            found.append(
                Quantity(
                    value=value,
                    unit="%",
                    unit_class="percent",
                    written=match.group(0),
                    begin=match.start(),
                    end=match.end(),
                    number_begin=match.start("num"),
                    approximation=match.group("pre") or match.group("post"),
                    chinese=not match.group("num")[0].isdigit(),
                )
            )
    for match in _iter_quantity_matches(pattern, text):
        num, mid, scale, mid2, big, unit, post = match.groups()
        start, end = match.span()
        if start >= 3 and text.endswith("百分之", 0, start):
            continue
        if big and unit not in _BIG_UNITS:
            continue  # 三大口岸, 两大门户: 大 makes a name, not a count
        value = _parse_number_cached(num + scale if scale else num)
        if value is None:
            continue
        pre = None
        if start and text[start - 1] in approx_last:  # most numbers have no hedge before them
            for prefix in APPROX_PREFIXES:  # longest first
                if text.endswith(prefix, 0, start):
                    pre = prefix
                    break
        begin = start - len(pre) if pre else start
        found.append(
            Quantity(
                value=value,
                unit="%" if unit == "％" else unit,
                unit_class=units[unit],
                written=text[begin:end],
                begin=begin,
                end=end,
                number_begin=start,
                unit_end=match.end("unit"),
                approximation=pre or mid or mid2 or post,
                chinese=not num[0].isdigit(),
            )
        )
    found.sort(key=lambda q: q.begin)
    return found
