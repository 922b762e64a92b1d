"""Spider for english.mofcom.gov.cn: MOFCOM's official English versions of announcements."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from scrapy.http import Response

from crawler.spiders.base import ArticlePage
from crawler.spiders.mofcom import MofcomSpider
from crawler.spiders.paged import jpaas_columns
from pipelines.backfill import ListSpec
from pipelines.vocab import SourceKind

_ORIGINAL_TEXT = re.compile(r"chinese\s+(?:original|version)|中文", re.IGNORECASE)


class MofcomEnglishSpider(MofcomSpider):
    """The announcements column of MOFCOM's English site (JPaaS, the www article template).

    An English title from here is the measure's official English title (`title_en`, not
    machine-translated); the page is linked to its Chinese original (`translation_of`). It
    never replaces the Chinese text as the legal text: it states no lifecycle events
    (pipelines.normalize)."""

    name = "mofcom_english"
    source_kind: ClassVar[str] = SourceKind.AUTHORITY.value
    description: ClassVar[str] = (
        "MOFCOM's English site (english.mofcom.gov.cn): official English versions of announcements"
    )
    ANNOUNCEMENTS = "https://english.mofcom.gov.cn/policyrelease/announcement/index.html"
    entry_points: ClassVar[list[str]] = [ANNOUNCEMENTS]
    allowed_domains: ClassVar[list[str]] = ["english.mofcom.gov.cn"]
    SITE: ClassVar[str] = "english.mofcom.gov.cn"
    HOST_GROUP: ClassVar[str | None] = None  # its own host
    TITLE_SUFFIX = "_Ministry of Commerce People's Republic of China"
    ORIGINAL_SELECTORS: ClassVar[list[str]] = [".original a[href]", "#zoom a[href]",
                                                ".art-con a[href]"]
    JPAAS_FALLBACKS: ClassVar[dict[str, dict[str, str]]] = jpaas_columns(
        "c7cad53414d0d87ae46e3ecfc5f754eb", "a123Pgsq2XwZnP4P5wSUd",
        {ANNOUNCEMENTS: "66c8213b0ea3a8b1c8afeb3ef390a91d"})

    def lists(self) -> list[ListSpec]:
        return [ListSpec(key=self.list_key(self.ANNOUNCEMENTS), url=self.ANNOUNCEMENTS)]

    def read_article(self, response: Response, **list_fields: object) -> ArticlePage:
        page = super().read_article(response, **list_fields)
        page.language = "en"
        return page

    def original_of(self, response: Response) -> str | None:
        """The Chinese original the page links ("Chinese original: <a>"), on www.mofcom.gov.cn."""
        for css in self.ORIGINAL_SELECTORS:
            for link in response.css(css):
                href = response.urljoin(link.attrib.get("href", ""))
                context = " ".join(link.xpath("..//text()").getall())
                if "www.mofcom.gov.cn" in href and (css.startswith(".original")
                                                    or _ORIGINAL_TEXT.search(context)):
                    return href
        return None

    def parse_article(self, response: Response, **list_fields: Any) -> Iterator[Any]:
        for item in super().parse_article(response, **list_fields):
            item.translation_of = self.original_of(response)
            yield item
