"""Spider for exportcontrol.mofcom.gov.cn (中国出口管制信息网): rules and normative documents."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar
from urllib.parse import urlparse

import scrapy
from scrapy.http import Response

from crawler.parsing import (
    annexes_of,
    body_container,
    clean,
    first_node_text,
    header_value,
    is_on_site,
    visible_text,
)
from crawler.spiders.base import ArticlePage, ListArticleSpider, container_paragraphs
from pipelines.vocab import SourceKind

SSI_ERROR = "[an error occurred while processing this directive]"
_JS_VAR = r"""var\s+{name}\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*;?"""


def js_var(script: str, name: str) -> str | None:
    """The value of a string JS variable ``var name = "…";`` in script, unescaped, or None."""
    match = re.search(_JS_VAR.format(name=re.escape(name)), script)
    if not match:
        return None
    raw = match.group(1) if match.group(1) is not None else match.group(2)
    try:
        value = json.loads(f'"{raw}"') if match.group(1) is not None else raw
    except json.JSONDecodeError:
        value = raw
    return clean(value) or None


class MofcomExportControlSpider(ListArticleSpider):
    """The export-control site's column list API (JSON, POST) and its static article pages."""

    name = "mofcom_exportcontrol"
    source_kind: ClassVar[str] = SourceKind.AUTHORITY.value
    description: ClassVar[str] = (
        "MOFCOM export-control site (exportcontrol.mofcom.gov.cn): rules and normative documents"
    )
    entry_points: ClassVar[list[str]] = [
        "POST http://exportcontrol.mofcom.gov.cn/edi_ecms_web_front/front/column/getColumnList"
        " columnID=15&pageNumber=N",
    ]
    allowed_domains: ClassVar[list[str]] = ["exportcontrol.mofcom.gov.cn"]

    SITE: ClassVar[str] = "exportcontrol.mofcom.gov.cn"
    ARTICLE_PATH = re.compile(r"^/article/[\w/]+/\d{6}/\d+\.html$")
    BASE = "http://exportcontrol.mofcom.gov.cn"
    LIST_API = BASE + "/edi_ecms_web_front/front/column/getColumnList"
    COLUMN_ID = "15"  # 规章及规范性文件 (rules and normative documents)
    max_pages: ClassVar[int] = 3
    BODY_SELECTORS: ClassVar[list[str]] = ["#artCon", ".art-con", ".article"]
    TITLE_SELECTORS: ClassVar[list[str]] = ["#artTitle", ".art-tit"]

    def list_request(self, page: int) -> scrapy.Request:
        """The POST for one page of the column list."""
        return self.request(
            self.LIST_API,
            self.parse_list,
            article=False,
            formdata={"columnID": self.COLUMN_ID, "pageNumber": str(page)},
            cb_kwargs={"page": page},
        )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield self.list_request(1)

    def page_of(self, response: Response, page: int) -> tuple[list[Any], int] | None:
        """(pageInfo.rows, pageInfo.pages) of an answer; None (problem recorded) if malformed."""
        try:
            data = json.loads(response.text)
        except ValueError:  # json.JSONDecodeError is a ValueError
            self.problem(f"non-JSON answer from column list page {page} at {response.url}")
            return None
        page_info = data.get("pageInfo") if isinstance(data, dict) else None
        rows = page_info.get("rows") if isinstance(page_info, dict) else None
        if not isinstance(rows, list):
            self.problem(f"no pageInfo.rows in column list page {page} at {response.url}")
            return None
        try:
            pages = max(int(page_info.get("pages") or 1), 1)
        except (TypeError, ValueError):
            pages = 1
        return rows, pages

    def parse_list(self, response: Response, page: int = 1) -> Iterator[scrapy.Request]:
        parsed = self.page_of(response, page)
        if parsed is None:
            return
        rows, pages = parsed
        if not rows:
            self.problem(f"no article links on column list page {page} at {response.url}")
            return
        for row in rows:
            yield from self.article_request(response, row, page)
        if page < min(pages, self.max_pages):
            yield self.list_request(page + 1)

    def article_request(self, response: Response, row: Any, page: int) -> list[scrapy.Request]:
        """The article request for one list row; a row without title or url is a problem."""
        title = clean(row.get("title")) if isinstance(row, dict) else ""
        url = clean(row.get("url")) if isinstance(row, dict) else ""
        if not title or not url:
            self.problem(f"column list page {page} row without title/url: {row!r:.200}")
            return []
        absolute = response.urljoin(url)
        if not is_on_site(absolute, self.SITE) or not self.ARTICLE_PATH.search(
                urlparse(absolute).path):
            self.problem(f"column list page {page} row links outside the site's articles: "
                         f"{absolute}")
            return []
        return list(self.article_requests(
            [absolute], list_title=title,
            list_published=clean(row.get("publishTimeStr")) or None,
            list_source=clean(row.get("source")) or None))

    def read_article(
        self,
        response: Response,
        list_title: str | None = None,
        list_published: str | None = None,
        list_source: str | None = None,
        **list_fields: object,
    ) -> ArticlePage | None:
        container = body_container(response, self.BODY_SELECTORS)
        paragraphs = container_paragraphs(container)
        if container is None or not paragraphs or SSI_ERROR in visible_text(container):
            # The site sometimes serves its page frame with a failed include instead of the
            # article: that is a fetch problem, never an (empty) document.
            self.problem(f"broken page shell (SSI error) at {response.url}")
            return None
        scripts = "\n".join(response.xpath("//script/text()").getall())
        title = js_var(scripts, "title") or first_node_text(response, self.TITLE_SELECTORS)
        published = js_var(scripts, "publishTime") or list_published
        return ArticlePage(
            title=title or list_title,
            paragraphs=paragraphs,
            published=published or header_value(paragraphs, "发文日期"),
            issuing_unit=(js_var(scripts, "source") or list_source
                          or header_value(paragraphs, "发布单位")),
            doc_number=header_value(paragraphs, "发布文号"),
            annexes=annexes_of(response, container),
        )
