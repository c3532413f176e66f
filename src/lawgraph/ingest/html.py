"""Turn a government web page into plain text lines and page metadata.

Scripts, styles, forms and navigation elements (``nav``, ``footer``, ``aside``, a page-level ``header``,
and elements whose ``id``/``class`` names a menu, breadcrumb, share bar or footer) are dropped; block
elements become line breaks. What is left still carries some page chrome as text;
:mod:`lawgraph.ingest.chrome` removes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["HtmlPage", "html_to_text"]

_DROP_TAGS = (
    "script, style, noscript, template, iframe, object, embed, svg, canvas, nav, footer, aside, form, "
    "select, button, input, textarea, menu, map, audio, video"
)
_CHROME_NAME = re.compile(
    r"(?:^|[\s_\-])(?:nav|navbar|navigation|menu|menus|submenu|footer|foot|breadcrumbs?|crumbs?|share|"
    r"bdsharebuttonbox|sidebar|topbar|toolbar|copyright|skip|gotop|backtop|go-top|back-top)(?:$|[\s_\-])",
    re.I,
)
"""``id``/``class`` names of navigation, menus, share bars and footers. Names such as ``head`` or ``top``
are left alone: articles use them for their own title, date and source, and the text-level chrome filter
catches what a page header holds."""
_BLOCKS = (
    "p, div, br, li, ul, ol, dl, dt, dd, tr, table, h1, h2, h3, h4, h5, h6, section, article, main, "
    "blockquote, pre, hr, address, center, figure, figcaption, caption"
)
_CELLS = "td, th"
_BLOCK_MARK, _CELL_MARK = "\x1e", "\x1f"
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_WIDE = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
_CJK_WRAP = re.compile(rf"(?<={_WIDE})[ \t]*[\r\n][ \t\r\n\f\v]*(?={_WIDE})")
"""A line break of the HTML source between two Chinese characters is wrapping, not a space."""
_MARK_RUN = re.compile(rf" *{_BLOCK_MARK}[ {_BLOCK_MARK}{_CELL_MARK}]*")
_META_FIELDS = {
    "articletitle": "title",
    "og:title": "title",
    "dc.title": "title",
    "pubdate": "published",
    "publishdate": "published",
    "firstpublishedtime": "published",
    "article:published_time": "published",
    "dc.date": "published",
    "dcterms.created": "published",
    "date": "published",
    "contentsource": "source",
    "source": "source",
    "author": "source",
    "sitename": "publisher",
    "og:site_name": "publisher",
    "og:url": "url",
    "url": "url",
}


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What :func:`html_to_text` reads from a page."""

    text: str
    """The visible text, one block element per line (not yet normalized)."""
    title: str | None = None
    """The page's ``<title>`` (or ArticleTitle/og:title meta, or the first ``<h1>``)."""
    published: str | None = None
    """The publish date as the page's meta tags write it."""
    source: str | None = None
    """The ContentSource (来源) meta tag."""
    publisher: str | None = None
    """The SiteName meta tag."""
    url: str | None = None
    """The canonical link or og:url."""


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SPACE.sub(" ", value).strip()
    return value or None


def _inside(node: Any, tags: tuple[str, ...]) -> bool:
    """Whether ``node`` has an ancestor with one of ``tags``."""
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _decompose_outermost(nodes: list[Any]) -> None:
    """Remove ``nodes`` from their tree, skipping any whose ancestor is removed too."""
    unique = {node.mem_id: node for node in nodes}
    outermost = []
    for node in unique.values():
        parent = node.parent
        while parent is not None and parent.mem_id not in unique:
            parent = parent.parent
        if parent is None:
            outermost.append(node)
    for node in outermost:
        node.decompose()


def html_to_text(html: str) -> HtmlPage:
    """Extract the visible text and the metadata of a page.

    Parameters
    ----------
    html : str
        The decoded page.

    Returns
    -------
    HtmlPage

    Examples
    --------
    >>> page = html_to_text(
    ...     "<html><head><title>县政府报告_某县门户网站</title><script>var a=1;</script></head>"
    ...     "<body><nav>首页 政务公开</nav><p>第一段。</p><p>第二<b>段</b>。</p></body></html>")
    >>> page.title, page.text
    ('县政府报告_某县门户网站', '第一段。\\n第二段。')
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    fields: dict[str, str] = {}
    for meta in tree.css("meta"):
        attrs = meta.attributes
        name = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").strip().lower()
        field = _META_FIELDS.get(name)
        content = _clean(attrs.get("content"))
        if field and content and field not in fields:
            fields[field] = content
    title_node = tree.css_first("title")
    page_title = _clean(title_node.text()) if title_node is not None else None
    h1 = tree.css_first("h1")
    h1_title = _clean(h1.text()) if h1 is not None else None
    canonical = tree.css_first('link[rel="canonical"]')
    if canonical is not None and canonical.attributes.get("href"):
        fields.setdefault("url", str(canonical.attributes["href"]))

    root = tree.body or tree.root
    if root is None:
        return HtmlPage(text="", title=fields.get("title") or page_title or h1_title)
    doomed = list(root.css(_DROP_TAGS))
    doomed.extend(node for node in root.css("header") if not _inside(node, ("article", "main")))
    for node in root.css("[id], [class]"):
        names = f"{node.attributes.get('id') or ''} {node.attributes.get('class') or ''}"
        if (
            _CHROME_NAME.search(names)
            and node.tag not in ("body", "html", "main", "article")
            and node.text(deep=True).count("。") < 3  # prose is never chrome, whatever its class says
        ):
            doomed.append(node)
    _decompose_outermost(doomed)
    for node in root.css(_BLOCKS):
        node.insert_before(_BLOCK_MARK)
        node.insert_after(_BLOCK_MARK)
    for node in root.css(_CELLS):
        node.insert_after(_CELL_MARK)
    text = _CJK_WRAP.sub("", root.text(deep=True, separator=""))
    text = _SPACE.sub(" ", text)
    text = _MARK_RUN.sub("\n", text).replace(_BLOCK_MARK, "\n").replace(_CELL_MARK, " ")
    return HtmlPage(
        text=text.strip(),
        title=fields.get("title") or page_title or h1_title,
        published=fields.get("published"),
        source=fields.get("source"),
        publisher=fields.get("publisher"),
        url=fields.get("url"),
    )
