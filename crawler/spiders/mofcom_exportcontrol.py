"""Spider for exportcontrol.mofcom.gov.cn (中国出口管制信息网): rules and normative documents."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response

from crawler.parsing import (
    annexes_of,
    body_container,
    clean,
    first_node_text,
    header_value,
    join_paragraphs,
    paragraphs_of,
    visible_text,
)
from crawler.spiders.base import RegwatchSpider
from pipelines.items import DocumentItem
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


class MofcomExportControlSpider(RegwatchSpider):
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
    min_items: ClassVar[int] = 1
    allowed_domains: ClassVar[list[str]] = ["exportcontrol.mofcom.gov.cn"]

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
            request = self.article_request(response, row, page)
            if request is not None:
                yield request
        if page < min(pages, self.max_pages):
            yield self.list_request(page + 1)

    def article_request(self, response: Response, row: Any, page: int) -> scrapy.Request | None:
        """The article request for one list row; a row without title or url is a problem."""
        title = clean(row.get("title")) if isinstance(row, dict) else ""
        url = clean(row.get("url")) if isinstance(row, dict) else ""
        if not title or not url:
            self.problem(f"column list page {page} row without title/url: {row!r:.200}")
            return None
        return self.request(
            response.urljoin(url),
            self.parse_article,
            article=True,
            cb_kwargs={
                "list_title": title,
                "list_published": clean(row.get("publishTimeStr")) or None,
                "list_source": clean(row.get("source")) or None,
            },
        )

    def parse_article(
        self,
        response: Response,
        list_title: str | None = None,
        list_published: str | None = None,
        list_source: str | None = None,
    ) -> Iterator[DocumentItem]:
        container = body_container(response, self.BODY_SELECTORS)
        paragraphs = paragraphs_of(container) if container is not None else []
        if container is None or not paragraphs or SSI_ERROR in visible_text(container):
            # The site sometimes serves its page frame with a failed include instead of the
            # article: that is a fetch problem, never an (empty) document.
            self.problem(f"broken page shell (SSI error) at {response.url}")
            return
        scripts = "\n".join(response.xpath("//script/text()").getall())
        title = js_var(scripts, "title") or first_node_text(response, self.TITLE_SELECTORS)
        title = title or list_title
        if not title:
            self.missing("title", response.url)
            return
        published = js_var(scripts, "publishTime") or list_published
        published = published or header_value(paragraphs, "发文日期")
        if not published:
            self.missing("published", response.url)
        unit = js_var(scripts, "source") or list_source or header_value(paragraphs, "发布单位")
        yield DocumentItem(
            url=response.url,
            source=self.name,
            source_kind=self.source_kind,
            title=title,
            body=join_paragraphs(paragraphs),
            language="zh",
            published_raw=published,
            issuing_unit=unit,
            doc_number=header_value(paragraphs, "发布文号"),
            annexes=annexes_of(response, container),
        )
