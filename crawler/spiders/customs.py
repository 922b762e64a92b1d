"""Spider for www.customs.gov.cn (GACC): the 海关总署公告 column (Customs announcements).

The site runs the easysite CMS behind Ruishu (瑞数) bot protection: the first answer is often an
HTTP 412 with a ``$_ts`` script. That is handled (recognised, reported once, backed off from) by
crawler.challenge.ChallengeMiddleware, never defeated; this spider only parses real pages.
"""

from __future__ import annotations

import re
from typing import ClassVar

import scrapy
from scrapy.http import Response

from crawler.parsing import (
    annexes_of,
    body_container,
    clean,
    first_node_text,
    header_value,
    visible_text,
)
from crawler.spiders.base import ArticlePage, container_paragraphs
from crawler.spiders.paged import PagedListSpider
from pipelines.backfill import ListSpec
from pipelines.vocab import Series, SourceKind

COLUMN = "/customs/302249/zfxxgk/2799825/302274/302275"  # 政府信息公开 > 海关总署公告
_PUBLISHED = re.compile(
    r"发布(?:时间|日期)\s*[:：]\s*"
    r"(\d{4}\s*(?:-|/|\.|年)\s*\d{1,2}\s*(?:-|/|\.|月)\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)"
)
_SOURCE = re.compile(r"来源\s*[:：]\s*([^\s【\[|｜]+)")
# The announcement's own number at the start of its title: 海关总署公告2025年第219号,
# 商务部 海关总署公告2025年第70号 (joint), 海关总署令第275号 is not an announcement.
_OWN_NUMBER = re.compile(
    r"^((?:[\u4e00-\u9fff]+[\s\u3000]+)*海关总署公告\s*\d{4}\s*年\s*第\s*\d+\s*号)"
)


class CustomsSpider(PagedListSpider):
    """GACC's announcement column (static easysite HTML, pages index2.html, index3.html, …) and
    its articles. The column lists the whole GACC series."""

    name = "customs"
    source_kind: ClassVar[str] = SourceKind.AUTHORITY.value
    description: ClassVar[str] = "GACC (海关总署) announcements (海关总署公告), www.customs.gov.cn"
    LIST_URL = f"https://www.customs.gov.cn{COLUMN}/index.html"
    entry_points: ClassVar[list[str]] = [LIST_URL]
    list_urls: ClassVar[list[str]] = [LIST_URL]
    allowed_domains: ClassVar[list[str]] = ["customs.gov.cn"]
    SITE: ClassVar[str] = "customs.gov.cn"
    LINK_SCHEME: ClassVar[str | None] = "https"

    LIST_SELECTORS: ClassVar[list[str]] = [
        ".conList_ul li a",
        ".conList_ul a",
        ".list_con li a",
        ".easysite-list li a",
        "ul li a",
    ]
    # Articles are the column's children: …/302275/<id>/index.html (not index2.html, the pager).
    ARTICLE_PATH = re.compile(rf"^{re.escape(COLUMN)}/\d+/index\.html$")
    TITLE_SELECTORS: ClassVar[list[str]] = [
        ".easysite-news-title h2",
        ".easysite-news-title",
        ".easysite-news-content h2",
    ]
    TITLE_SUFFIXES: ClassVar[tuple[str, ...]] = (
        "_中华人民共和国海关总署",
        "-中华人民共和国海关总署",
    )
    DESCRIBE_SELECTORS: ClassVar[list[str]] = [".easysite-news-describe", ".easysite-news-info"]
    BODY_SELECTORS: ClassVar[list[str]] = ["#easysiteText", ".easysite-news-text"]

    PAGER_NEXT = "a.easysite-page-next"

    def lists(self) -> list[ListSpec]:
        return [ListSpec(key=self.list_key(self.LIST_URL), url=self.LIST_URL,
                         series=Series.GACC.value)]

    def has_next(self, response: Response) -> bool | None:
        return bool(response.css(self.PAGER_NEXT))

    def page_request(self, spec: ListSpec, number: int, context: object,
                     **kwargs: object) -> scrapy.Request:
        """Page N of the column: …/302275/indexN.html."""
        url = spec.url.replace("/index.html", f"/index{number}.html")
        return self.request(url, self.parse_list, article=False, errback=self.on_list_error,
                            **kwargs)

    def read_article(self, response: Response, **list_fields: object) -> ArticlePage:
        container = body_container(response, self.BODY_SELECTORS)
        paragraphs = container_paragraphs(container)
        title = self.title_of(response)
        return ArticlePage(
            title=title,
            paragraphs=paragraphs,
            published=self.published_of(response),
            issuing_unit=self.issuing_unit_of(response),
            doc_number=self.doc_number_of(title or "", paragraphs),
            annexes=annexes_of(response, container) if container is not None else [],
            container=container,
        )

    def title_of(self, response: Response) -> str | None:
        """meta ArticleTitle, then the title heading, then <title> minus the site name."""
        title = self.meta_content(response, "ArticleTitle")
        title = title or first_node_text(response, self.TITLE_SELECTORS)
        if not title:
            title = clean(response.css("title::text").get())
            for suffix in self.TITLE_SUFFIXES:
                title = title.removesuffix(suffix).strip()
        return clean(title) or None

    def describe_text(self, response: Response) -> str:
        """The line under the title: 发布时间：… 来源：…"""
        return " ".join(
            visible_text(node) for css in self.DESCRIBE_SELECTORS for node in response.css(css)
        )

    def published_of(self, response: Response) -> str | None:
        """meta PubDate, then the 发布时间： date in the line under the title."""
        published = self.meta_content(response, "PubDate")
        if published:
            return published
        match = _PUBLISHED.search(self.describe_text(response))
        return clean(match.group(1)) if match else None

    def issuing_unit_of(self, response: Response) -> str | None:
        """meta ContentSource, then 来源： in the line under the title."""
        unit = self.meta_content(response, "ContentSource")
        if unit:
            return unit
        match = _SOURCE.search(self.describe_text(response))
        return clean(match.group(1)) if match else None

    @staticmethod
    def doc_number_of(title: str, paragraphs: list[str]) -> str | None:
        """A 【发布文号】 header line, else the announcement number the title starts with."""
        number = header_value(paragraphs, "发布文号")
        if number:
            return number
        match = _OWN_NUMBER.match(title)
        return clean(match.group(1)) if match else None
