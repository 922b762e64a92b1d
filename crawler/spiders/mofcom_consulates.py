"""Spider for the economic and commercial sections of China's consulates (<city>.mofcom.gov.cn)."""

from __future__ import annotations

import re
from typing import ClassVar

from scrapy.http import Response

from crawler.parsing import (
    annexes_of,
    body_container,
    clean,
    first_node_text,
    visible_text,
)
from crawler.spiders.base import ArticlePage, container_paragraphs
from crawler.spiders.paged import PagedListSpider
from pipelines.backfill import ListSpec
from pipelines.vocab import MACHINE_TRANSLATION_MARKERS, SourceKind

_TM_VAR = re.compile(r"""var\s+tm\s*=\s*["']([^"']+)["']""")
_DATE = re.compile(r"20\d\d-\d\d-\d\d(?: \d\d:\d\d)?")
_SOURCE = re.compile(r"(?:Source|来源)\s*[:：]\s*(.+)$", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_SHARE_FOR_ZH = 0.3


def language_of(text: str) -> str:
    """Language code: zh when more than 30% of the text's letters are CJK, else en."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return "en"
    cjk = sum(1 for ch in letters if _CJK.match(ch))
    return "zh" if cjk / len(letters) > CJK_SHARE_FOR_ZH else "en"


def says_machine_translated(text: str) -> bool:
    """Whether a page's text says it was machine-translated."""
    lowered = text.lower()
    return any(marker in lowered for marker in MACHINE_TRANSLATION_MARKERS)


class MofcomConsulatesSpider(PagedListSpider):
    """Consulates' news lists: relayed, often machine-translated, MOFCOM statements."""

    name = "mofcom_consulates"
    source_kind: ClassVar[str] = SourceKind.RELAY.value
    description: ClassVar[str] = (
        "Consulates' economic and commercial sections (<city>.mofcom.gov.cn): relayed MOFCOM news"
    )
    consulates: ClassVar[list[str]] = ["mumbai"]
    entry_points: ClassVar[list[str]] = [
        f"https://{city}.mofcom.gov.cn/article/jmxw/index.shtml" for city in consulates
    ]
    allowed_domains: ClassVar[list[str]] = ["mofcom.gov.cn"]
    SITE: ClassVar[str] = "mofcom.gov.cn"

    LIST_URL = "https://{city}.mofcom.gov.cn/article/jmxw/index.shtml"
    LIST_SELECTORS: ClassVar[list[str]] = ["ul.alist li a", ".alist a", ".list li a"]
    ARTICLE_PATH = re.compile(r"/article/jmxw/\d{6}/\d+\.shtml$")
    TITLE_SELECTORS: ClassVar[list[str]] = [".art-title", "h1", "title"]
    BODY_SELECTORS: ClassVar[list[str]] = [".art-con", ".art-con-bottonmLine"]

    WALKS_BACK: ClassVar[bool] = False  # relayed news: no pager known, never walked back

    def lists(self) -> list[ListSpec]:
        """Each consulate's news list (first page)."""
        return [ListSpec(key=self.list_key(url), url=url, walks_back=self.WALKS_BACK)
                for url in (self.LIST_URL.format(city=city) for city in self.consulates)]

    def read_article(self, response: Response, **list_fields: object) -> ArticlePage:
        container = body_container(response, self.BODY_SELECTORS)
        paragraphs = container_paragraphs(container)
        body = "\n\n".join(paragraphs)
        page_text = visible_text(response.css("body")[0]) if response.css("body") else body
        return ArticlePage(
            title=clean(first_node_text(response, self.TITLE_SELECTORS)) or None,
            paragraphs=paragraphs,
            published=self.published_of(response),
            language=language_of(body),
            issuing_unit=self.issuing_unit_of(response),
            annexes=annexes_of(response, container) if container is not None else [],
            machine_translated=says_machine_translated(page_text),
            container=container,
        )

    @staticmethod
    def desc_text(response: Response) -> str:
        """The visible text of the line under the title (.art-desc), without its script."""
        return " ".join(visible_text(node) for node in response.css(".art-desc"))

    def published_of(self, response: Response) -> str | None:
        """The inline ``var tm = "…"`` script, then a date in the .art-desc text."""
        for script in response.xpath("//script/text()").getall():
            match = _TM_VAR.search(script)
            if match and clean(match.group(1)):
                return clean(match.group(1))
        match = _DATE.search(self.desc_text(response))
        return match.group(0) if match else None

    def issuing_unit_of(self, response: Response) -> str | None:
        """The text after "Source:" (or 来源：) in .art-desc."""
        match = _SOURCE.search(self.desc_text(response))
        if not match:
            return None
        return clean(match.group(1)) or None
