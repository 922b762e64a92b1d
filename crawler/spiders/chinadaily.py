"""Spider for www.chinadaily.com.cn: the Business > Economy list's articles (state media, English).

Long articles are split over pages (``WS….html``, ``WS…_2.html``, …, linked from
``#div_currpage``): the spider follows them in order and yields ONE item per article, after its
last page, with the paragraphs of every page (at most MAX_PAGES pages). News spiders do not decide
relevance: every article of the list is yielded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlparse

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.parsing import body_container, clean, first_node_text, paragraphs_of, site_links
from crawler.spiders.base import ArticlePage
from crawler.spiders.paged import PagedListSpider
from pipelines.items import DocumentItem
from pipelines.vocab import SourceKind

MAX_PAGES = 10  # pages of one article, the first included
TRUNCATED_STAT = "regwatch/pages_truncated"


@dataclass
class Article:
    """What the pages of one article fetched so far have given."""

    url: str
    page: ArticlePage  # the first page's fields; further pages add paragraphs
    fetched: list[str] = field(default_factory=list)  # page URLs requested, the first included
    pending: list[str] = field(default_factory=list)  # further page URLs, in page order


def page_number(url: str) -> int:
    """2 for ``…WS<hex>_2.html``; 1 for the first page."""
    match = re.search(r"_(\d+)\.html$", urlparse(url).path)
    return int(match.group(1)) if match else 1


class ChinaDailySpider(PagedListSpider):
    """China Daily's economy list (static HTML) and its (possibly multi-page) articles."""

    WALKS_BACK: ClassVar[bool] = False  # news: its list is never walked back

    name = "chinadaily"
    source_kind: ClassVar[str] = SourceKind.NEWS.value
    description: ClassVar[str] = "China Daily (state media, English): Business > Economy articles"
    LIST_URL = "https://www.chinadaily.com.cn/business/economy/index.html"
    entry_points: ClassVar[list[str]] = [LIST_URL]
    list_urls: ClassVar[list[str]] = [LIST_URL]
    allowed_domains: ClassVar[list[str]] = ["chinadaily.com.cn"]
    SITE: ClassVar[str] = "chinadaily.com.cn"
    LINK_SCHEME: ClassVar[str | None] = "https"

    LIST_SELECTORS: ClassVar[list[str]] = [
        ".tw3_01_2 h4 a",
        ".tw3_01_2_t a",
        ".lft_art h4 a",
        ".lft_art a",
    ]
    ARTICLE_PATH = re.compile(r"^/a/\d{6}/\d{2}/WS[0-9a-f]{24}\.html$")
    TITLE_SELECTORS: ClassVar[list[str]] = ["div.lft_art h1", ".ce_art h1", ".lft_art h1"]
    TITLE_META = "articl-title"  # sic: the site's own meta name
    TITLE_SUFFIX = " - Chinadaily.com.cn"
    INFO_SELECTORS: ClassVar[list[str]] = ["span.info_l", ".info_l"]
    BODY_SELECTORS: ClassVar[list[str]] = ["div#Content", "#Content"]
    PAGER_SELECTOR = "#div_currpage a"

    # --- an article's first page ---------------------------------------------------------

    def read_article(self, response: Response, **list_fields: object) -> ArticlePage:
        return ArticlePage(
            title=self.title_of(response),
            paragraphs=self.paragraphs_of(response),
            published=self.published_of(response),
            language="en",
            issuing_unit=None,  # news: the byline is not an issuing unit
        )

    def parse_article(self, response: Response, **list_fields: object
                      ) -> Iterator[DocumentItem | scrapy.Request]:
        if self.unreadable(response):
            return
        page = self.read_article(response)
        if self.has_required_parts(page, response.url):
            article = Article(response.url, page, fetched=[response.url])
            yield from self.next_page_or_item(article, response)

    # --- further pages -----------------------------------------------------------------------

    def parse_page(self, response: Response, article: Article) -> Iterator[Any]:
        """A further page: its paragraphs are appended to the article's (none from a page cut
        short: reported, and the article keeps the pages it has, as after a failed fetch)."""
        if self.cut_short(response):
            yield from self.next_page_or_item(article, None)
            return
        paragraphs = self.paragraphs_of(response)
        if not paragraphs:
            self.missing("body", response.url)
        article.page.paragraphs.extend(paragraphs)
        yield from self.next_page_or_item(article, response)

    def on_page_error(self, failure: Failure) -> Iterator[Any]:
        """A further page failed: reported like any fetch; the article keeps the pages it has."""
        self.on_error(failure)
        article: Article = failure.request.cb_kwargs["article"]
        yield from self.next_page_or_item(article, None)

    def page_links(self, response: Response, article_url: str) -> list[str]:
        """The article's further pages linked from the pager, as https URLs, in page order."""
        path = urlparse(article_url).path.removesuffix(".html")
        pattern = re.compile(rf"^{re.escape(path)}_(\d+)\.html$")
        urls = site_links(response, [self.PAGER_SELECTOR], pattern, self.SITE,
                          scheme=self.LINK_SCHEME)
        return sorted((u for u in urls if page_number(u) >= 2), key=page_number)

    def next_page_or_item(
        self, article: Article, response: Response | None
    ) -> Iterator[DocumentItem | scrapy.Request]:
        """Request the next page not yet fetched, or yield the item after the last one."""
        if response is not None:
            for url in self.page_links(response, article.url):
                if url not in article.fetched and url not in article.pending:
                    article.pending.append(url)
            article.pending.sort(key=page_number)
        if article.pending and len(article.fetched) >= MAX_PAGES:
            self.crawler.stats.inc_value(TRUNCATED_STAT)
            self.logger.warning(
                "%s has more than %d pages; kept the first %d", article.url, MAX_PAGES, MAX_PAGES
            )
            article.pending.clear()
        if article.pending:
            url = article.pending.pop(0)
            article.fetched.append(url)
            request = self.request(
                url, self.parse_page, article=False, cb_kwargs={"article": article},
                dont_filter=True,  # a filtered duplicate would silently lose the article
            )
            yield request.replace(errback=self.on_page_error)
            return
        yield self.item(article.url, article.page)

    # --- fields ------------------------------------------------------------------------------

    def title_of(self, response: Response) -> str | None:
        """div.lft_art h1, .ce_art h1, then meta articl-title, then <title> minus the site."""
        title = first_node_text(response, self.TITLE_SELECTORS)
        title = title or self.meta_content(response, self.TITLE_META)
        if not title:
            title = clean(response.css("title::text").get()).removesuffix(self.TITLE_SUFFIX)
        return clean(title) or None

    def published_of(self, response: Response) -> str | None:
        """span.info_l as written ("By … | China Daily | Updated: 2026-01-06 10:08"), when it
        has a date; else meta publishdate."""
        info = first_node_text(response, self.INFO_SELECTORS)
        if info and re.search(r"\d{4}-\d{1,2}-\d{1,2}", info):
            return info
        return self.meta_content(response, "publishdate")

    def paragraphs_of(self, response: Response) -> list[str]:
        container = body_container(response, self.BODY_SELECTORS)
        return paragraphs_of(container) if container is not None else []
