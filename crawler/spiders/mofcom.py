"""Spider for www.mofcom.gov.cn: announcements (部令公告) and policy releases (政策发布).

Also holds the small page helpers (body paragraphs, annexes, header lines, dates) that the
other MOFCOM-family spiders import.
"""

from __future__ import annotations

import copy
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any, ClassVar
from urllib.parse import urlparse

import scrapy
from parsel import Selector, SelectorList
from scrapy.http import Response

from crawler.items import Annex, DocumentItem
from crawler.spiders.base import RegwatchSpider
from crawler.vocab import SourceKind

BEIJING = timezone(timedelta(hours=8))  # China has no daylight saving time

_SPACE = re.compile(r"\s+")
_ANNEX_TEXT = re.compile(r"^(附件|annex|attachment)", re.IGNORECASE)
_ANNEX_EXT = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".rar", ".wps")
_VISIBLE_TEXT = ".//text()[not(ancestor::script) and not(ancestor::style)]"
# Page furniture that templates sometimes put inside the body container.
_BOILERPLATE = re.compile(
    r"^(?:[【\[]?\s*(?:打印本页|关闭窗口|返回顶部|返回列表|收藏本页|字体\s*[:：]?\s*大\s*中\s*小)"
    r"\s*[】\]]?\s*)+$|^分享到\s*[:：]"
)


# --- helpers shared by the MOFCOM-family spiders ---------------------------------


def clean(text: str | None) -> str:
    """Whitespace (including the ideographic space and nbsp) collapsed to single spaces."""
    return _SPACE.sub(" ", text or "").strip()


def as_of_date(value: str | None) -> date:
    """The run's date: the REGWATCH_AS_OF ISO date, or today in Beijing when it is empty."""
    if value:
        return date.fromisoformat(value.strip()[:10])
    return datetime.now(BEIJING).date()


def is_mofcom_host(url: str) -> bool:
    """Whether url is on mofcom.gov.cn or one of its subdomains."""
    host = (urlparse(url).hostname or "").lower()
    return host == "mofcom.gov.cn" or host.endswith(".mofcom.gov.cn")


def visible_text(node: Selector) -> str:
    """The node's text without script/style content, whitespace collapsed.

    Text nodes are joined without a separator: inline markup inside Chinese text
    (``根据<span>《出口管制法》</span>``) must not gain spaces.
    """
    return clean("".join(node.xpath(_VISIBLE_TEXT).getall()))


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
    """The container's paragraphs: its <p> elements, or else its text split on line breaks."""
    paragraphs = [text for text in (visible_text(p) for p in container.css("p")) if text]
    return [p for p in paragraphs or _lines_of(container) if not is_boilerplate(p)]


def body_container(response: Response, selectors: Iterable[str]) -> Selector | None:
    """The first element matched by selectors (in order) that has visible text."""
    for selector in selectors:
        for node in response.css(selector):
            if visible_text(node):
                return node
    return None


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


def links_matching(
    response: Response, selectors: Iterable[str], pattern: re.Pattern[str]
) -> list[str]:
    """Absolute article URLs from the first selector that yields any matching link, deduped."""
    for selector in selectors:
        urls: list[str] = []
        for href in response.css(selector).xpath("@href").getall():
            url = response.urljoin(href.strip())
            if is_mofcom_host(url) and pattern.search(urlparse(url).path) and url not in urls:
                urls.append(url)
        if urls:
            return urls
    return []


# --- the spider ---------------------------------------------------------------


class MofcomSpider(RegwatchSpider):
    """MOFCOM's announcement index and policy-release list (static HTML) and their articles.

    Entry points: the announcement index of the run's year (the year of REGWATCH_AS_OF, or of
    today in Beijing), plus the previous year's index only when the run's month is January (so
    announcements from late December are still picked up), plus the policy-release list.
    """

    name = "mofcom"
    source_kind: ClassVar[str] = SourceKind.AUTHORITY.value
    description: ClassVar[str] = "MOFCOM announcements (部令公告) and policy releases (政策发布)"
    entry_points: ClassVar[list[str]] = [
        "https://www.mofcom.gov.cn/zcfb/blgg/gg/{year}/index.html",
        "https://www.mofcom.gov.cn/zwgk/zcfb/index.html",
    ]
    min_items: ClassVar[int] = 1
    allowed_domains: ClassVar[list[str]] = ["mofcom.gov.cn"]

    ANNOUNCEMENT_INDEX = "https://www.mofcom.gov.cn/zcfb/blgg/gg/{year}/index.html"
    POLICY_INDEX = "https://www.mofcom.gov.cn/zwgk/zcfb/index.html"
    LIST_SELECTORS: ClassVar[list[str]] = [
        "ul.txtList_01 li a",
        ".listCon ul li a",
        "ul.txtList_02 li a",
    ]
    ARTICLE_PATH = re.compile(r"/art/\d{4}/art_[0-9a-f]{32}\.html$")
    TITLE_SELECTORS: ClassVar[list[str]] = [
        "h1.art-title",
        ".art-title",
        "#artitle",
    ]
    TITLE_SUFFIX = "_中华人民共和国商务部"
    BODY_SELECTORS: ClassVar[list[str]] = [
        "#zoom",
        ".art-con",
        ".artCon",
        ".TRS_Editor",
        "#content",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._seen_articles: set[str] = set()

    def start_urls_for(self, as_of: date) -> list[str]:
        """The list pages to fetch for a run on as_of (see the class docstring)."""
        urls = [self.ANNOUNCEMENT_INDEX.format(year=as_of.year)]
        if as_of.month == 1:
            urls.append(self.ANNOUNCEMENT_INDEX.format(year=as_of.year - 1))
        urls.append(self.POLICY_INDEX)
        return urls

    async def start(self) -> AsyncIterator[scrapy.Request]:
        as_of = as_of_date(self.settings.get("REGWATCH_AS_OF"))
        for url in self.start_urls_for(as_of):
            yield self.request(url, self.parse_list, article=False)

    def parse_list(self, response: Response) -> Iterator[scrapy.Request]:
        """Article links of a list page.

        The layui pager's links are ``href="javascript:;"`` and its pages are rendered by a JS
        API call, so only the static first page is followed; new items appear there first.
        """
        urls = links_matching(response, self.LIST_SELECTORS, self.ARTICLE_PATH)
        if not urls:
            self.problem(f"no article links on {response.url}")
            return
        for url in urls:
            if url in self._seen_articles:
                continue
            self._seen_articles.add(url)
            yield self.request(url, self.parse_article, article=True)

    def parse_article(self, response: Response) -> Iterator[DocumentItem]:
        container = body_container(response, self.BODY_SELECTORS)
        paragraphs = paragraphs_of(container) if container is not None else []
        title = self.title_of(response)
        if not title:
            self.missing("title", response.url)
        if not paragraphs:
            self.missing("body", response.url)
        if not title or not paragraphs or container is None:
            return
        published = self.published_of(response, paragraphs)
        if not published:
            self.missing("published", response.url)
        yield DocumentItem(
            url=response.url,
            source=self.name,
            source_kind=self.source_kind,
            title=title,
            body=join_paragraphs(paragraphs),
            language="zh",
            published_raw=published,
            issuing_unit=self.issuing_unit_of(response, paragraphs),
            doc_number=header_value(paragraphs, "发布文号"),
            annexes=annexes_of(response, container),
        )

    def title_of(self, response: Response) -> str | None:
        """meta ArticleTitle, then the page's title element, then <title> minus the site name."""
        title = self.meta_content(response, "ArticleTitle")
        title = title or first_node_text(response, self.TITLE_SELECTORS)
        if not title:
            page_title = clean(response.css("title::text").get())
            title = page_title.removesuffix(self.TITLE_SUFFIX).strip()
        return clean(title) or None

    def published_of(self, response: Response, paragraphs: list[str]) -> str | None:
        """meta PubDate, then the date line under the title, then the 【发文日期】 header."""
        return (
            self.meta_content(response, "PubDate")
            or first_node_text(response, [".art-info .time"])
            or header_value(paragraphs, "发文日期")
        )

    def issuing_unit_of(self, response: Response, paragraphs: list[str]) -> str | None:
        """meta ContentSource, then the 【发布单位】 header, then the 来源： line."""
        unit = self.meta_content(response, "ContentSource") or header_value(paragraphs, "发布单位")
        if unit:
            return unit
        source = first_node_text(response, [".art-info .source"])
        if source:
            source = re.sub(r"^\s*来源\s*[:：]\s*", "", source).strip()
        return source or None
