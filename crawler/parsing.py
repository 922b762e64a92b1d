"""Parsing helpers shared by the spiders: text, paragraphs, annexes, header lines, links.

Pure functions over Scrapy/parsel selectors; no requests, no database.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any
from urllib.parse import urlparse

from lxml import etree
from parsel import Selector, SelectorList
from scrapy.http import Response

from pipelines.dates import today_in_beijing
from pipelines.items import Annex

_SPACE = re.compile(r"\s+")
_ANNEX_TEXT = re.compile(r"^(附件|annex|attachment)", re.IGNORECASE)
_ANNEX_EXT = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".rar", ".wps")
_VISIBLE_TEXT = ".//text()[not(ancestor::script) and not(ancestor::style)]"
# Page furniture that templates sometimes put inside the body container.
_BOILERPLATE = re.compile(
    r"^(?:[【\[]?\s*(?:打印本页|关闭窗口|返回顶部|返回列表|收藏本页|字体\s*[:：]?\s*大\s*中\s*小)"
    r"\s*[】\]]?\s*)+$|^分享到\s*[:：]"
)


def clean(text: str | None) -> str:
    """Whitespace (including the ideographic space and nbsp) collapsed to single spaces."""
    return _SPACE.sub(" ", text or "").strip()


def as_of_date(value: str | None) -> date:
    """The run's date: the REGWATCH_AS_OF ISO date, or today in Beijing when it is empty."""
    return date.fromisoformat((value or today_in_beijing()).strip()[:10])


_VISIBLE_XPATH = etree.XPath(_VISIBLE_TEXT)  # compiled once: no Selector per text node


def cut_off(body: bytes) -> bool:
    """An HTML page that opens <html> and never closes it: the transfer was cut short (a
    dropped connection, a full disk at the other end), so what it holds is not the page."""
    head = body[:2048].lower()
    return b"<html" in head and b"</html" not in body.lower()


def visible_text(node: Selector) -> str:
    """The node's text without script/style content, whitespace collapsed.

    Text nodes are joined without a separator: inline markup inside Chinese text
    (``根据<span>《出口管制法》</span>``) must not gain spaces.
    """
    root = node.root
    if isinstance(root, str):  # a text or attribute node
        return clean(root)
    return clean("".join(_VISIBLE_XPATH(root)))


def first_node_text(response: Response, selectors: Iterable[str]) -> str | None:
    """The visible text of the first element matched by selectors (in order) that has any."""
    for selector in selectors:
        for node in response.css(selector):
            text = visible_text(node)
            if text:
                return text
    return None


def _lines_of(node: Selector) -> list[str]:
    """The node's text split into lines, <br> and block boundaries counting as line breaks."""
    root = copy.deepcopy(node.root)  # do not mutate the response's tree
    for element in root.iter("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter("script", "style"):
        element.text = ""
    return [line for line in (clean(t) for t in root.xpath("string()").split("\n")) if line]


def is_boilerplate(paragraph: str) -> bool:
    """Print/close/back/share links and the like, not article text."""
    return bool(_BOILERPLATE.search(paragraph))


def paragraphs_of(container: Selector) -> list[str]:
    """The container's paragraphs: its <p> elements, or else its text split on line breaks
    (the elements walked in lxml, as `css("p")` selects them: no Selector per paragraph)."""
    root = container.root
    found = root.iter("p") if not isinstance(root, str) else ()
    paragraphs = [text for text in (clean("".join(_VISIBLE_XPATH(p))) for p in found) if text]
    return [p for p in paragraphs or _lines_of(container) if not is_boilerplate(p)]


_HAS_VISIBLE_TEXT = etree.XPath(  # the ideographic space and nbsp count as spaces (as in clean)
    "boolean(.//text()[normalize-space(translate(., '\u3000\u00a0', '  '))]"
    "[not(ancestor::script) and not(ancestor::style)])")


def has_visible_text(node: Selector) -> bool:
    """Whether the node has any visible text (without collecting it)."""
    root = node.root
    if isinstance(root, str):
        return bool(root.strip())
    return bool(_HAS_VISIBLE_TEXT(root))


def body_container(response: Response, selectors: Iterable[str]) -> Selector | None:
    """The first element matched by selectors (in order) that has visible text."""
    for selector in selectors:
        for node in response.css(selector):
            if has_visible_text(node):
                return node
    return None


def tables_of(container: Selector | None) -> list[str]:
    """The HTML of the outermost tables in a body container (entity lists are tables)."""
    if container is None:
        return []
    return [table.get() for table in container.xpath(".//table[not(ancestor::table)]")]


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p)


def is_annex_link(text: str, href: str) -> bool:
    """Links whose text starts with 附件/Annex/Attachment or whose path ends in a file type."""
    path = urlparse(href).path.lower()
    return bool(_ANNEX_TEXT.match(text)) or path.endswith(_ANNEX_EXT)


def annexes_of(response: Response, container: Selector | SelectorList) -> list[Annex]:
    """Annex links in the body, with absolute URLs, in page order, without duplicates."""
    annexes: list[Annex] = []
    seen: set[str] = set()
    for link in container.css("a[href]"):
        href = (link.attrib.get("href") or "").strip()
        if not href or href.lower().startswith(("javascript:", "mailto:", "#")):
            continue
        text = visible_text(link)
        if not is_annex_link(text, href):
            continue
        url = response.urljoin(href)
        if url in seen:
            continue
        seen.add(url)
        title = text or urlparse(url).path.rsplit("/", 1)[-1]
        annexes.append(Annex(title=title, url=url))
    return annexes


def header_value(paragraphs: Iterable[str], label: str) -> str | None:
    """The value of a 【label】value header line (e.g. 【发布文号】), or None."""
    pattern = re.compile(rf"【{re.escape(label)}】\s*[:：]?\s*(.+)")
    for paragraph in paragraphs:
        match = pattern.search(paragraph)
        if match and clean(match.group(1)):
            return clean(match.group(1))
    return None


def is_on_site(url: str, domain: str) -> bool:
    """Whether url's host is domain or one of its subdomains (``www.`` included)."""
    host = (urlparse(url).hostname or "").lower()
    domain = domain.lower()
    return host == domain or host.endswith("." + domain)


def site_links(
    response: Response,
    selectors: Iterable[str],
    pattern: re.Pattern[str],
    domain: str,
    *,
    scheme: str | None = None,
) -> list[str]:
    """Absolute URLs on domain (or a subdomain) whose path matches pattern, from the first
    selector that yields any, deduplicated, in page order.

    Protocol-relative hrefs (``//host/path``) take the response's scheme; with scheme (e.g.
    "https") every http(s) URL is given that scheme, so one page has one URL.
    """
    for selector in selectors:
        urls: list[str] = []
        for href in response.css(selector).xpath("@href").getall():
            url = response.urljoin(href.strip())
            if scheme and urlparse(url).scheme in ("http", "https"):
                url = urlparse(url)._replace(scheme=scheme).geturl()
            if is_on_site(url, domain) and pattern.search(urlparse(url).path) and url not in urls:
                urls.append(url)
        if urls:
            return urls
    return []


def lines_of(container: Selector, exclude: Iterable[str] = ()) -> list[str]:
    """The container's text as lines, for bodies written as text runs between <br>s.

    <br> and block elements break lines. Elements matched by the CSS selectors in exclude are
    left out (each counts as a line break; the text after it is kept), and so are lines of page
    furniture (is_boilerplate).
    """
    root = copy.deepcopy(container.root)  # do not mutate the response's tree
    copied = Selector(root=root, type="html")
    for css in exclude:
        for node in copied.css(css):
            element = node.root
            parent = element.getparent()
            if parent is None:
                continue
            _keep_tail(element)
            parent.remove(element)
    return [line for line in _lines_of(copied) if not is_boilerplate(line)]


def _keep_tail(element: Any) -> None:
    """Move an element's tail text onto its previous sibling or parent before removing it."""
    tail = element.tail
    if not tail:
        return
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + "\n" + tail
    else:
        parent = element.getparent()
        parent.text = (parent.text or "") + "\n" + tail


# A site's "page not found" answer served as a page (HTTP 200, or at the end of a redirect): a
# title that is nothing but the error, or a short page that says so. Never an article.
_NOT_FOUND = (
    r"(?:您|你)?(?:所|要)?(?:访问|请求|查找|浏览)?的?(?:页面|网页|文章|信息|内容|栏目)"
    r"(?:不存在|未找到|找不到|已(?:被)?(?:删除|撤下|移除|下线)|已失效)"
    r"|找不到(?:该|此|您要的|您访问的)?(?:页面|网页|文章)|页面(?:出错|错误)|错误页面|访问出错"
    r"|(?:page|file|document|article)\s+(?:was\s+)?not\s+found|not\s+found"
    r"|(?:the\s+)?page\s+(?:you\s+\w+(?:\s+\w+)?\s+)?(?:does\s+not|doesn't)\s+exist"
)
_ERROR_TITLE = re.compile(
    rf"^[\W_]*(?:(?:http\s*)?(?:error\s*)?(?:404|410|500|502|503)(?:\s*error|\s*错误)?[\W_]*)?"
    rf"(?:{_NOT_FOUND})?[\W_]*$", re.IGNORECASE)
# In a short page's text only what tells a visitor that the PAGE is gone counts: a real notice
# may say 内容不存在, 信息已失效 or "was not found" of what it is about.
_ERROR_PHRASE = re.compile(
    r"(?:您|你)(?:所|要)?(?:访问|请求|查找|浏览)的?(?:页面|网页)"
    r"|(?:页面|网页)(?:不存在|未找到|找不到)|找不到(?:该|此|您要的|您访问的)?(?:页面|网页)"
    r"|404\s*(?:not\s+found|错误)|\bpage\s+not\s+found\b"
    r"|\bpage\s+you\s+(?:requested|are\s+looking\s+for)\b", re.IGNORECASE)
_TITLE_PARTS = re.compile(r"\s*[_|｜–—]\s*|\s+-\s+")
ERROR_PAGE_MAX_CHARS = 600  # an error page is short: a real article says more than its error


def error_page_marker(response: Response) -> str | None:
    """What shows that the page is an error page ("页面不存在", "404 Not Found", …), or None: its
    <title> (before the site's name) or a heading that is only an error, or a short page whose
    text says the page does not exist."""
    heads = [response.xpath("//title").xpath("string()").get() or "",
             *(visible_text(h) for h in response.xpath("//h1"))]
    for head in heads:
        part = _TITLE_PARTS.split(clean(head))[0]
        if _ERROR_TITLE.match(part) and any(ch.isalnum() for ch in part):
            return part
    text = visible_page_text(response, ERROR_PAGE_MAX_CHARS + 1)
    if len(text) <= ERROR_PAGE_MAX_CHARS:
        found = _ERROR_PHRASE.search(text)
        if found:
            return found.group()
    return None


def visible_page_text(response: Response, limit: int) -> str:
    """The visible text of the page's <body>, whitespace collapsed, read no further than about
    limit characters (a long page is no error page, and is not read twice in full)."""
    body = response.xpath("//body")
    if not body:
        return ""
    pieces, size = [], 0
    for piece in _visible_pieces(body[0].root):
        pieces.append(piece)
        size += len(piece.strip())
        if size > limit:
            break
    return clean("".join(pieces))


def _visible_pieces(root: etree._Element) -> Iterator[str]:
    """The text nodes _VISIBLE_XPATH gives, in document order, read lazily (a long page is not
    walked to its end to find that it is long)."""
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event == "start":
            if element.tag in ("script", "style"):
                walker.skip_subtree()
            elif element.text:
                yield element.text
        elif element is not root and element.tail:  # (a comment's or a closed element's)
            yield element.tail
