"""Spider for the economic and commercial sections of China's consulates (<city>.mofcom.gov.cn)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import ClassVar

import scrapy
from scrapy.http import Response

from crawler.parsing import (
    annexes_of,
    body_container,
    clean,
    first_node_text,
    join_paragraphs,
    paragraphs_of,
    site_links,
    visible_text,
)
from crawler.spiders.base import RegwatchSpider
from pipelines.items import DocumentItem
from pipelines.vocab import SourceKind

_TM_VAR = re.compile(r"""var\s+tm\s*=\s*["']([^"']+)["']""")
_DATE = re.compile(r"20\d\d-\d\d-\d\d(?: \d\d:\d\d)?")
_SOURCE = re.compile(r"(?:Source|来源)\s*[:：]\s*(.+)$", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
MACHINE_TRANSLATION_MARKERS = ("translation tool:", "machine translat", "机器翻译")
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


class MofcomConsulatesSpider(RegwatchSpider):
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
    min_items: ClassVar[int] = 1
    allowed_domains: ClassVar[list[str]] = ["mofcom.gov.cn"]

    LIST_URL = "https://{city}.mofcom.gov.cn/article/jmxw/index.shtml"
    LIST_SELECTORS: ClassVar[list[str]] = ["ul.alist li a", ".alist a", ".list li a"]
    ARTICLE_PATH = re.compile(r"/article/jmxw/\d{6}/\d+\.shtml$")
    TITLE_SELECTORS: ClassVar[list[str]] = [".art-title", "h1", "title"]
    BODY_SELECTORS: ClassVar[list[str]] = [".art-con", ".art-con-bottonmLine"]

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for city in self.consulates:
            yield self.request(self.LIST_URL.format(city=city), self.parse_list, article=False)

    def parse_list(self, response: Response) -> Iterator[scrapy.Request]:
        urls = site_links(response, self.LIST_SELECTORS, self.ARTICLE_PATH, "mofcom.gov.cn")
        if not urls:
            self.problem(f"no article links on {response.url}")
            return
        for url in urls:
            yield self.request(url, self.parse_article, article=True)

    def parse_article(self, response: Response) -> Iterator[DocumentItem]:
        title = first_node_text(response, self.TITLE_SELECTORS)
        container = body_container(response, self.BODY_SELECTORS)
        paragraphs = paragraphs_of(container) if container is not None else []
        if not title:
            self.missing("title", response.url)
        if not paragraphs:
            self.missing("body", response.url)
        if not title or not paragraphs or container is None:
            return
        published = self.published_of(response)
        if not published:
            self.missing("published", response.url)
        body = join_paragraphs(paragraphs)
        page_text = visible_text(response.css("body")[0]) if response.css("body") else body
        yield DocumentItem(
            url=response.url,
            source=self.name,
            source_kind=self.source_kind,
            title=clean(title),
            body=body,
            language=language_of(body),
            published_raw=published,
            issuing_unit=self.issuing_unit_of(response),
            annexes=annexes_of(response, container),
            machine_translated=says_machine_translated(page_text),
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
