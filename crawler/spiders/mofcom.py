"""Spider for www.mofcom.gov.cn: announcements (部令公告) and policy releases (政策发布)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import date
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response

from crawler.parsing import (
    annexes_of,
    as_of_date,
    body_container,
    clean,
    first_node_text,
    header_value,
    join_paragraphs,
    paragraphs_of,
    site_links,
)
from crawler.spiders.base import RegwatchSpider
from pipelines.items import DocumentItem
from pipelines.vocab import SourceKind


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
        urls = site_links(response, self.LIST_SELECTORS, self.ARTICLE_PATH, "mofcom.gov.cn")
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
