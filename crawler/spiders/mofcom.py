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
from crawler.spiders.base import ArticlePage, container_paragraphs
from crawler.spiders.paged import JpaasListSpider, jpaas_columns
from pipelines.backfill import ListSpec
from pipelines.vocab import Series, SourceKind


class MofcomSpider(JpaasListSpider):
    """MOFCOM's announcement indexes and policy-release list (JPaaS columns) and their articles.

    Every night: the announcement index of the run's year (the year of REGWATCH_AS_OF, or of
    today in Beijing), plus the previous year's index only when the run's month is January (so
    announcements from late December are still picked up), plus the policy-release list, first
    pages only. Until the archive has reached backfill_since, every year's index from that year
    on and the policy list are walked back through the JPaaS API (crawler/spiders/paged.py).
    """

    name = "mofcom"
    source_kind: ClassVar[str] = SourceKind.AUTHORITY.value
    description: ClassVar[str] = "MOFCOM announcements (部令公告) and policy releases (政策发布)"
    entry_points: ClassVar[list[str]] = [
        "https://www.mofcom.gov.cn/zcfb/blgg/gg/{year}/index.html",
        "https://www.mofcom.gov.cn/zwgk/zcfb/index.html",
        "backfill: every year's index from backfill_since and the policy list's JPaaS pages",
    ]
    allowed_domains: ClassVar[list[str]] = ["mofcom.gov.cn"]
    # Sources on www.mofcom.gov.cn are crawled in turn (one request at a time per host).
    HOST_GROUP: ClassVar[str | None] = "www.mofcom.gov.cn"

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
    # The JPaaS parameters of the columns (as the list pages showed them), for a page that
    # does not carry its jpaasConfig; [jpaas_columns] in regwatch.toml comes first.
    JPAAS_FALLBACKS: ClassVar[dict[str, dict[str, str]]] = jpaas_columns(
        "5fce1c9c898807554beaa5151c0db784", "NYWDrQM36vXN05IqkveVW", {
            ANNOUNCEMENT_INDEX.format(year=2020): "831f5489c54b55010ca268fa795055a1",
            ANNOUNCEMENT_INDEX.format(year=2021): "c0c5ec8ef8257d60493ad11631e68a1b",
            ANNOUNCEMENT_INDEX.format(year=2022): "3ca18385f00c06118cb5bfec9d634619",
            ANNOUNCEMENT_INDEX.format(year=2023): "64098b33a7a82cce13fff3bdcd0fac08",
            ANNOUNCEMENT_INDEX.format(year=2024): "8cc423bd56b921bcbaf8c17723fd79b9",
            ANNOUNCEMENT_INDEX.format(year=2025): "cf53ea6266ff4e39f3131373a1d569e6",
            POLICY_INDEX: "ff69eb048130901266cf2742e42abe0a",
        })

    def lists(self) -> list[ListSpec]:
        """The year's index (and last year's in January) and the policy list every night; the
        indexes of the years back to backfill_since when walking back. Each year's index lists
        the whole MOFCOM series of that year."""
        as_of = as_of_date(self.settings.get("REGWATCH_AS_OF"))
        nightly = [as_of.year] + ([as_of.year - 1] if as_of.month == 1 else [])
        older = range(as_of.year - 1, int(self.since[:4]) - 1, -1)
        return ([self.index_spec(year, nightly=True) for year in nightly]
                + [ListSpec(key=self.list_key(self.POLICY_INDEX), url=self.POLICY_INDEX)]
                + [self.index_spec(year, nightly=False) for year in older
                   if year not in nightly])

    def index_spec(self, year: int, *, nightly: bool) -> ListSpec:
        url = self.ANNOUNCEMENT_INDEX.format(year=year)
        return ListSpec(key=self.list_key(url), url=url, series=Series.MOFCOM.value, year=year,
                        nightly=nightly)

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
            container=container,
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
