"""Strip the page chrome of government web sites from report text, keeping page metadata.

Crawled pages (saved as ``.txt`` or read from ``.html``) carry breadcrumbs (您当前的位置), print and font
bars (【打印】【字体:大 中 小】), share links, 返回顶部 buttons, footers (版权所有, 主办, ICP备案编号,
公网安备), social links (官方微信, 官方微博), accessibility and search boxes, and menus. This module works on
*normalized* text (see :mod:`lawgraph.ingest.normalize`), one line at a time:

- chrome lines are dropped by pattern;
- metadata lines (``发布机构: … 成文日期: …``, ``2023/01/12/ 09:27 来源:…``) are read into fields and dropped;
- menus are found by shape, not by content: a run of short lines without sentence punctuation (blank lines
  ignored) is a menu when it is long (8 lines), when it holds two chrome lines among four or more, or
  when at least half of it is chrome. A menu that leads straight
  into content gives back its last title, addressee or date lines (they open the report). A line of three or
  more short space-separated words is a bar of links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawgraph.ingest.dates import DATE_PATTERN, parse_date

__all__ = ["PageFields", "strip_chrome", "is_heading_line", "SENTENCE_PUNCT"]

SENTENCE_PUNCT = "。!?;,！？；，"
"""Characters that only running prose has (full-width forms kept for unnormalized input)."""

_SHORT = 25
"""A menu item is at most this many characters."""
_MENU_RUN = 8
"""A run of this many short unpunctuated lines is a menu (a cover letter's block of title, signature and
date lines is shorter)."""

_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d)|\(\d{1,2}\)|"
    r"第[一二三四五六七八九十]+[部章节])"
)
_PUNCT = re.compile(f"[{SENTENCE_PUNCT}]")
_DATA = re.compile(
    r"\d(?:\.\d+)?\s*(?:%|‰|亿|万|千|百|元|件|个|人|次|户|家|所|项|公里|平方|亩|吨|套|辆|条|座|场|名|天|小时|倍)"
    r"|\d(?:\.\d+)?\s+[-+]?\d"
)
"""A quantity with its unit, or two numbers side by side (a table row): data, never a menu item."""

_BREADCRUMB = re.compile(r"(?:您?(?:当前|现在)的?(?:所在)?位置|您的位置|所在位置|当前页面)\s*[:>]?")
_FOOTER = re.compile(r"版权所有|ICP\s*[备证]|备案(?:编?号|序号)|公网安备|网站标识码|网站识别码|技术支持\s*:")
"""Footer lines, however long, unless they are prose."""
_UI = re.compile(
    r"【\s*(?:打印|关闭|字体|收藏|返回|大|中|小)[^】]{0,6}】|(?:字体|字号)\s*:?\s*[\[【(]?\s*大\s*[\]】)]?\s*[\[【(]?\s*中|"
    r"分享到|分享至|扫一扫|用手机(?:看|扫|打开|浏览)|手机扫描|返\s*回\s*顶\s*部|回到顶部|返回首页|关闭窗口|打印本页|"
    r"建议使用.{0,20}(?:浏览器|分辨率)|(?:最佳|推荐)分辨率|高级搜索|全站搜索|站内搜索|请输入(?:关键[字词]|搜索)|"
    r"(?:^|[\s|/【\[])(?:无障碍|适老化|长者(?:模式|助手|版)|关怀版|读屏)(?=$|[\s|/】\]])"
)
"""Page controls (print, font size, share, search, accessibility) on a short line without prose marks."""
_PROSE_MARK = re.compile(r"[。!?;！？；]")
_SHORT_CHROME = re.compile(
    r"^(?:返\s*回|顶\s*部|top|首\s*页|打\s*印|关\s*闭|收\s*藏|搜\s*索|登\s*录|注\s*册|简体|繁体|English|"
    r"官方微信|官方微博|政务微信|政务微博|微信公众号|微信|微博|手机版|移动版|客户端|APP|二维码|"
    r"网站地图|联系我们|关于我们|隐私(?:政策|声明)|免责声明|使用帮助|网站声明|纠错|我要纠错|"
    r"[+\-|>»·•]+|主办(?:单位)?\s*:.*|承办(?:单位)?\s*:.*|(?:技术)?维护(?:单位)?\s*:.*|"
    r".{0,12}(?:门户网站|政府网站|官方网站|官网|人民政府网)|上一篇.*|下一篇.*|相关(?:链接|阅读|文章|新闻))$",
    re.I,
)
_OWNER = re.compile(
    r"(?:版权所有|主办(?:单位)?)\s*[:©]?\s*(?:©|\(c\)|copyright)?\s*(?P<owner>[^\s:|,;]{2,40})", re.I
)
_OWNER_BEFORE = re.compile(r"(?P<owner>[\u4e00-\u9fff()]{2,40})\s*版权所有")
_OWNER_STOP = re.compile(
    r"(?:主办|承办|ICP|备案|地址|电话|联系|技术支持|网站标识码|京公网安备|邮编|传真).*$", re.I
)

_KEYS = (
    "索引号|分类|主题分类|体裁分类|发布机构|发文机关|发文单位|成文日期|发文日期|名称|标题|文号|发文字号|"
    "发布日期|发布时间|生效日期|废止日期|有效性|时效|主题词|关键词|公文种类|信息来源|文章来源|来源|作者|"
    "浏览次数|点击数|访问量|阅读数|责任编辑|编辑|字号|时间|日期"
)
_FIELD = re.compile(rf"(?<![^\s\d】\]|>])(?P<key>{_KEYS})\s*:\s*(?P<value>.*?)\s*(?=(?:{_KEYS})\s*:|【|$)")
"""``key: value`` of a page's metadata block; a key opens the line or follows a space, digit or bracket."""
_FIELD_MAP = {
    "名称": "title",
    "标题": "title",
    "发布机构": "issuer",
    "发文机关": "issuer",
    "发文单位": "issuer",
    "成文日期": "date",
    "发文日期": "date",
    "发布日期": "published",
    "发布时间": "published",
    "时间": "published",
    "日期": "published",
    "信息来源": "source",
    "文章来源": "source",
    "来源": "source",
}
_KEEPSAKE = re.compile(r"关于|报告|情况|总结|汇报|:$|^《|》|\d{4}\s*年|[〇○零]")
"""What a title, addressee or date line has and a site label among chrome does not."""
_META_HINT = re.compile(r"来源|发布|时间|日期|浏览|点击|作者|字号|编辑|阅读")


@dataclass(slots=True)
class PageFields:
    """Metadata read off page chrome, as written (dates not yet parsed)."""

    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    published: str | None = None
    source: str | None = None
    publisher: str | None = None
    dropped: list[str] = field(default_factory=list)
    """The lines removed, for debugging and tests."""

    def set(self, name: str, value: str | None) -> None:
        """Set field ``name`` to ``value`` unless it is already set or ``value`` is empty."""
        if value and getattr(self, name) is None:
            setattr(self, name, value)


def is_heading_line(line: str) -> bool:
    """Whether ``line`` opens with a section number (一、 (一) 1. (1) 第一部分).

    Examples
    --------
    >>> is_heading_line("(二)完善制度"), is_heading_line("2023年1月12日")
    (True, False)
    """
    return bool(_HEADING.match(line))


def _owner(line: str) -> str | None:
    m = _OWNER.search(line)
    owner = m.group("owner") if m else None
    if not owner:
        m = _OWNER_BEFORE.search(line)
        owner = m.group("owner") if m else None
    if owner:
        owner = _OWNER_STOP.sub("", owner).strip()
    return owner or None


def _read_fields(line: str, fields: PageFields) -> bool:
    """Read ``key: value`` metadata or a date-and-source line; return whether the line is metadata."""
    if "。" in line or len(line) > 160:
        return False
    matches = list(_FIELD.finditer(line))
    for m in matches:
        name = _FIELD_MAP.get(m.group("key"))
        value = m.group("value").strip()
        if name and value:
            fields.set(name, value)
    if matches:
        date = DATE_PATTERN.search(line, 0, matches[0].start())  # "2023/01/12 09:27 来源:…"
        if date:
            fields.set("published", date.group(0))
        return True
    if len(line) <= 80 and DATE_PATTERN.search(line) and _META_HINT.search(line):
        fields.set("published", DATE_PATTERN.search(line).group(0))  # type: ignore[union-attr]
        return True
    return False


def _classify(line: str, fields: PageFields) -> str:
    """``chrome``, ``meta``, ``menu`` (a short unpunctuated non-heading line), ``heading`` or ``text``."""
    if not line:
        return "blank"
    if line[-1] == "。":
        return "text"  # prose; no chrome or metadata line ends with a full stop
    if is_heading_line(line):
        return "heading"
    if _BREADCRUMB.search(line) and not _PUNCT.search(line):
        return "chrome"
    if ":" in line and _read_fields(line, fields):
        return "meta"
    if _FOOTER.search(line) and "。" not in line:
        if "版权所有" in line or "主办" in line:
            fields.set("publisher", _owner(line))
        return "chrome"
    if len(line) <= 60 and _UI.search(line) and not _PROSE_MARK.search(line):
        return "chrome"
    if len(line) <= 40 and _SHORT_CHROME.match(line):
        if line.startswith("主办"):
            fields.set("publisher", _owner(line))
        return "chrome"
    if DATE_PATTERN.search(line) and not DATE_PATTERN.fullmatch(line) and _read_fields(line, fields):
        return "meta"
    tokens = line.split(" ")
    if len(tokens) >= 3 and all(len(t) <= 8 for t in tokens) and not _PUNCT.search(line) \
            and not _DATA.search(line) and not _KEEPSAKE.search(line):
        return "chrome"  # a bar of links: 首页 政务公开 互动交流
    if len(line) <= _SHORT and not _PUNCT.search(line) and not _DATA.search(line):
        return "menu"
    return "text"


def _signature_lines(lines: list[str], kinds: list[str], members: list[int]) -> list[int]:
    """The opening members of a run that sign a letter: up to three name lines, then a date line."""
    for n, k in enumerate(members[:4]):
        if kinds[k] == "chrome":
            return []
        if parse_date(lines[k]) is not None:
            return members[: n + 1]
    return []


def strip_chrome(text: str) -> tuple[str, PageFields]:
    """Remove page chrome and menus from normalized text; return the rest and the page's fields.

    Parameters
    ----------
    text : str
        Normalized text (one paragraph per line).

    Returns
    -------
    text : str
        The text without chrome, blank-line structure kept.
    fields : PageFields
        Title (名称), issuer (发布机构), dates, source (来源) and publisher (版权所有/主办), as written.

    Examples
    --------
    >>> body, f = strip_chrome("您当前的位置: 首页 >> 政务公开\\n2023/01/12 来源:某县司法局\\n"
    ...                        "某县开展普法活动。\\n返回顶部\\n版权所有:某县人民政府办公室 ICP备12345号")
    >>> body, f.source, f.published, f.publisher
    ('某县开展普法活动。', '某县司法局', '2023/01/12', '某县人民政府办公室')
    """
    fields = PageFields()
    lines = text.split("\n")
    kinds = [_classify(line, fields) for line in lines]
    keep = [kind not in ("chrome", "meta") for kind in kinds]
    i, n = 0, len(lines)
    while i < n:
        if kinds[i] not in ("menu", "chrome"):
            i += 1
            continue
        j, members, chrome = i, [], 0
        while j < n and kinds[j] in ("menu", "chrome", "blank"):
            if kinds[j] != "blank":
                members.append(j)
                chrome += kinds[j] == "chrome"
            j += 1
        if len(members) >= _MENU_RUN or (chrome >= 2 and len(members) >= 4):
            for k in members:
                keep[k] = False
            if i > 0:  # the run follows content: a signature and date closing the report stay
                for k in _signature_lines(lines, kinds, members):
                    keep[k] = True
            if j < n:  # the run leads into content: its last title, addressee or date lines belong to it
                for k in reversed(members):
                    if kinds[k] == "chrome":
                        continue
                    if not _KEEPSAKE.search(lines[k]):
                        break
                    keep[k] = True
        elif chrome and chrome * 2 >= len(members):
            for k in members:  # labels among chrome go too; a title, an addressee or a date stays
                if kinds[k] == "chrome" or not _KEEPSAKE.search(lines[k]):
                    keep[k] = False
        i = j
    fields.dropped = [line for line, k in zip(lines, keep, strict=True) if not k and line]
    out = "\n".join(line for line, k in zip(lines, keep, strict=True) if k)
    out = re.sub(r"\n{3,}", "\n\n", out).strip("\n")
    return out, fields
