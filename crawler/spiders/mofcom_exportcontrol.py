"""Spider for exportcontrol.mofcom.gov.cn (中国出口管制信息网): rules and normative documents."""

from __future__ import annotations

import json
import re
from typing import Any, ClassVar
from urllib.parse import urlparse

import scrapy
from scrapy.http import Response
from scrapy.selector import Selector

from crawler.parsing import (
    annexes_of,
    body_container,
    clean,
    first_node_text,
    header_value,
    is_on_site,
    visible_text,
)
from crawler.spiders.base import ArticlePage, container_paragraphs
from crawler.spiders.paged import PagedListSpider
from pipelines.backfill import ListItem, ListPage, ListSpec
from pipelines.vocab import SourceKind

SSI_ERROR = "[an error occurred while processing this directive]"
_JS_VAR = r"""var\s+{name}\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*;?"""


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


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


class MofcomExportControlSpider(PagedListSpider):
    """The export-control site's column list API (JSON, POST ``pageNumber=N``) and its static
    article pages: page 1 every night, every page back to backfill_since when walking back."""

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
    BODY_SELECTORS: ClassVar[list[str]] = ["#artCon", ".art-con", ".article"]
    TITLE_SELECTORS: ClassVar[list[str]] = ["#artTitle", ".art-tit"]

    def lists(self) -> list[ListSpec]:
        return [ListSpec(key=f"{self.SITE}/column/{self.COLUMN_ID}", url=self.LIST_API)]

    def first_page_request(self, spec: ListSpec, **kwargs: Any) -> scrapy.Request:
        return self.page_request(spec, 1, None, **kwargs)

    def page_request(self, spec: ListSpec, number: int, context: Any,
                     **kwargs: Any) -> scrapy.Request:
        """The POST for one page of the column list."""
        return self.request(self.LIST_API, self.parse_list, article=False,
                            formdata={"columnID": self.COLUMN_ID, "pageNumber": str(number)},
                            errback=self.on_list_error, **kwargs)

    def read_page(self, response: Response, spec: ListSpec | None, number: int) -> ListPage | None:
        """pageInfo.rows as list items, with pageInfo's total, pages and pageSize; None (a
        problem recorded) for an answer that is not the API's JSON."""
        where = f"column list page {number}"
        try:
            data = json.loads(response.text)
        except ValueError:  # json.JSONDecodeError is a ValueError
            self.problem(f"non-JSON answer from {where} at {response.url}")
            return None
        info = data.get("pageInfo") if isinstance(data, dict) else None
        rows = info.get("rows") if isinstance(info, dict) else None
        if not isinstance(rows, list):
            self.problem(f"no pageInfo.rows in {where} at {response.url}")
            return None
        items = [item for row in rows if (item := self.row_item(response, row, number))]
        if rows and not items:
            return ListPage(number=number, items=[], pages=None)
        return ListPage(number=number, items=items, total=_int(info.get("total")),
                        pages=_int(info.get("pages")), page_size=_int(info.get("pageSize")))

    def row_item(self, response: Response, row: Any, number: int) -> ListItem | None:
        """The list item of one row; a row without title or url, or off the site's articles, is
        a problem."""
        title = clean(row.get("title")) if isinstance(row, dict) else ""
        url = clean(row.get("url")) if isinstance(row, dict) else ""
        if not title or not url:
            self.problem(f"column list page {number} row without title/url: {row!r:.200}")
            return None
        absolute = response.urljoin(url)
        if not is_on_site(absolute, self.SITE) or not self.ARTICLE_PATH.search(
                urlparse(absolute).path):
            self.problem(f"column list page {number} row links outside the site's articles: "
                         f"{absolute}")
            return None
        published = clean(row.get("publishTimeStr")) or None
        return ListItem(url=absolute, published=published, title=title, fields={
            "list_title": title, "list_published": published,
            "list_source": clean(row.get("source")) or None})

    def list_fields(self, item: ListItem) -> dict[str, Any]:
        return dict(item.fields)

    def revisit_fields(self, document: dict[str, Any]) -> dict[str, Any]:
        """A page read again without its list: the list's title, date and source as archived."""
        return {"list_title": document.get("title"), "list_published": document.get("published"),
                "list_source": document.get("issuing_unit")}

    def has_body(self, response: Response, container: Selector | None,
                 paragraphs: list[str]) -> bool:
        """Whether the page holds the article's body; else one loud problem saying what is wrong.

        The site sometimes serves its page frame with a failed include instead of the article
        (`[an error occurred while processing this directive]`): a fetch problem, never an
        (empty) document. Without that error on the page, a missing container or paragraphs is
        the page's shape changing, named as such."""
        if container is not None and paragraphs and SSI_ERROR not in visible_text(container):
            return True
        if SSI_ERROR in visible_text(response.selector):
            self.problem(f"broken page shell (SSI error) at {response.url}")
            return False
        if not any(response.css(selector) for selector in self.BODY_SELECTORS):
            self.missing(f"body container ({', '.join(self.BODY_SELECTORS)})", response.url)
        else:
            self.missing("body text (the body container is empty)", response.url)
        return False

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
        if not self.has_body(response, container, paragraphs):
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
            container=container,
        )
