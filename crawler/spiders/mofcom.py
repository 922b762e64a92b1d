"""Spider for www.mofcom.gov.cn: announcements (部令公告) and policy releases (政策发布)."""

from __future__ import annotations

import re
from typing import ClassVar

from scrapy.http import Response

from crawler.parsing import (
    annexes_of,
    as_of_date,
    body_container,
    clean,
    first_node_text,
    header_value,
)
from crawler.spiders.base import ArticlePage, ListArticleSpider, container_paragraphs
from pipelines.vocab import SourceKind


class MofcomSpider(ListArticleSpider):
    """MOFCOM's announcement index and policy-release list (static HTML) and their articles.

    Entry points: the announcement index of the run's year (the year of REGWATCH_AS_OF, or of
    today in Beijing), plus the previous year's index only when the run's month is January (so
    announcements from late December are still picked up), plus the policy-release list.
    The layui pager's links are ``href="javascript:;"`` and its pages are rendered by a JS API
    call, so only the static first page is followed; new items appear there first.
    """

    name = "mofcom"
    source_kind: ClassVar[str] = SourceKind.AUTHORITY.value
    description: ClassVar[str] = "MOFCOM announcements (部令公告) and policy releases (政策发布)"
    entry_points: ClassVar[list[str]] = [
        "https://www.mofcom.gov.cn/zcfb/blgg/gg/{year}/index.html",
        "https://www.mofcom.gov.cn/zwgk/zcfb/index.html",
    ]
    allowed_domains: ClassVar[list[str]] = ["mofcom.gov.cn"]

    ANNOUNCEMENT_INDEX = "https://www.mofcom.gov.cn/zcfb/blgg/gg/{year}/index.html"
    POLICY_INDEX = "https://www.mofcom.gov.cn/zwgk/zcfb/index.html"
    SITE: ClassVar[str] = "mofcom.gov.cn"
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

    def start_urls_for(self) -> list[str]:
        """The list pages to fetch for a run (see the class docstring)."""
        as_of = as_of_date(self.settings.get("REGWATCH_AS_OF"))
        urls = [self.ANNOUNCEMENT_INDEX.format(year=as_of.year)]
        if as_of.month == 1:
            urls.append(self.ANNOUNCEMENT_INDEX.format(year=as_of.year - 1))
        urls.append(self.POLICY_INDEX)
        return urls

    def read_article(self, response: Response, **list_fields: object) -> ArticlePage:
        container = body_container(response, self.BODY_SELECTORS)
        paragraphs = container_paragraphs(container)
        return ArticlePage(
            title=self.title_of(response),
            paragraphs=paragraphs,
            published=self.published_of(response, paragraphs),
            issuing_unit=self.issuing_unit_of(response, paragraphs),
            doc_number=header_value(paragraphs, "发布文号"),
            annexes=annexes_of(response, container) if container is not None else [],
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
