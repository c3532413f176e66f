"""Turn the bytes of a report into text, whatever Chinese encoding it was saved in.

Government pages come as UTF-8 (with or without BOM), GB18030/GBK/GB2312 (mainland) or Big5 (Taiwan,
Hong Kong). The order of attempts is cheap-and-certain first:

1. a BOM (UTF-8, UTF-16, UTF-32) decides;
2. strict UTF-8 (it rarely decodes anything that is not UTF-8), then the charset an HTML page declares;
3. strict GB18030 and strict Big5 (``cp950``, then ``big5hkscs``); when both decode, the reading whose
   characters are more often common ideographs of that encoding wins (GBK bytes read as Big5, or the
   reverse, give rare ideographs and kana);
4. UTF-8 with a handful of broken bytes in a long file;
5. charset-normalizer as a last resort, accepted only when it names a Chinese or Unicode encoding.

Files with NUL bytes or many control characters are binary and refused.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from lawgraph.errors import InputError

__all__ = ["decode_bytes", "declared_charset", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_ACCEPTED_GUESSES = frozenset(
    {"gb2312", "gbk", "gb18030", "big5", "cp950", "big5hkscs", "hz", "utf_8", "utf_16", "utf_32", "utf_16_le",
     "utf_16_be", "utf_32_le", "utf_32_be", "ascii"}
)


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` is binary rather than text: any NUL byte, or over 1% control characters.

    Examples
    --------
    >>> looks_binary(b"%PDF-1.4\\x00\\x01"), looks_binary("报告".encode())
    (True, False)
    """
    if b"\x00" in data:
        return True
    sample = data[:65536]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


def _plausibility(text: str, encoding: str, common: tuple[int, int], rare: tuple[int, int]) -> float:
    """How much ``text`` looks like Chinese written in ``encoding``, from 0 to 1.

    Each distinct non-ASCII character is re-encoded: its lead byte says whether it is a common ideograph
    (score 1), punctuation or full-width form (1), a rare ideograph (0.5), or something a Chinese report
    hardly contains, such as kana, Greek or box drawing (0). Wrong guesses between GBK and Big5 produce
    rare ideographs and kana; right ones produce common ideographs.
    """
    counts: dict[str, int] = {}
    for ch in text:
        if ord(ch) > 0x7F:
            counts[ch] = counts.get(ch, 0) + 1
    if not counts:
        return 1.0
    total = score = 0.0
    for ch, n in counts.items():
        total += n
        try:
            lead = ch.encode(encoding)[0]
        except UnicodeEncodeError:
            continue
        if common[0] <= lead <= common[1] or 0xA1 <= lead <= 0xA3:
            score += n
        elif rare[0] <= lead <= rare[1]:
            score += 0.5 * n
    return score / total


def _gb_score(text: str) -> float:
    return _plausibility(text, "gb2312", (0xB0, 0xD7), (0xD8, 0xF7))


def _big5_score(text: str) -> float:
    return _plausibility(text, "cp950", (0xA4, 0xC6), (0xC9, 0xF9))


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data).best()
    if best is None or best.encoding not in _ACCEPTED_GUESSES:
        return None
    return str(best)


_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_CODEC_OF = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "big5": "cp950", "big5-hkscs": "big5hkscs", "cp950": "cp950", "x-x-big5": "cp950",
}


def declared_charset(data: bytes) -> str | None:
    """The Chinese codec a page declares in ``<meta charset>`` (GB family → gb18030, Big5 → cp950).

    Examples
    --------
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'gb18030'
    """
    m = _DECLARED.search(data[:4096])
    return _CODEC_OF.get(m.group(1).decode("ascii").lower()) if m else None


def decode_bytes(data: bytes, *, where: str | Path | None = None, declared: str | None = None) -> str:
    """Decode the bytes of a report.

    Parameters
    ----------
    data : bytes
        The file's content, not empty.
    where : str or Path, optional
        The file, named in errors.
    declared : str, optional
        A codec the file declares (see :func:`declared_charset`); tried right after UTF-8, which is
        checked first because pages often declare GB2312 and are UTF-8.

    Returns
    -------
    str
        The text, without BOM; newlines are left as they were.

    Raises
    ------
    InputError
        When ``data`` is binary or no Chinese or Unicode encoding decodes it.

    Examples
    --------
    >>> simplified, traditional = "本县依法行政。", "本縣依法行政。"
    >>> [decode_bytes(simplified.encode(enc)) == simplified for enc in ("utf-8", "utf-8-sig", "gb18030")]
    [True, True, True]
    >>> decode_bytes(traditional.encode("big5")) == traditional
    True
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                raise InputError(where, f"bytes are not valid {encoding.upper()} despite the byte-order mark")
            return text.lstrip("\ufeff")
    if looks_binary(data):
        raise InputError(where, "binary file, not a text or HTML report")
    text = _strict(data, "utf-8")
    if text is not None:
        return text
    if declared:
        text = _strict(data, declared)
        if text is not None:
            return text
    gb = _strict(data, "gb18030")
    big5 = _strict(data, "cp950") or _strict(data, "big5hkscs")
    if gb is not None and big5 is not None:
        return big5 if _big5_score(big5) > _gb_score(gb) else gb
    if gb is not None or big5 is not None:
        return gb or big5  # type: ignore[return-value]
    lenient = data.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") * 1000 < len(lenient) and len(lenient) >= 1000:
        return lenient
    guessed = _guess(data)
    if guessed is not None:
        return guessed
    raise InputError(where, "undecodable bytes: not UTF-8, GB18030/GBK or Big5")
