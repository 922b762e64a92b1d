"""Paged lists: a source's lists read page by page, walked back to `backfill_since` when the
archive has not reached it (pipelines/backfill.py has the rules; this module reads the pages).

`PagedListSpider`: the walk. A source gives its lists (`lists()`, `pipelines.backfill.ListSpec`),
reads a list page into a `ListPage` (`read_page()`: each item's URL, date and title, and what the
page says about the rest of the list) and builds the request for page N (`page_request()`).
The run's `Walks` decide which lists are read, from which page, and when a walk stops.

`JpaasListSpider`: the JPaaS CMS of www.mofcom.gov.cn, aqygzj and english.mofcom.gov.cn. A
column's `index.html` shows its first page; the layui pager's pages come from the JPaaS API
(`/api-gateway/jpaas-publish-server/front/page/build/unit`, JSON `{"data": {"html", "total"}}`),
whose `webId`, `pageId` and `tplSetId` are read from the list page's `var jpaasConfig = {…}`,
else from `[jpaas_columns."<list url>"]` in regwatch.toml, else from the spider's fallbacks.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar
from urllib.parse import urlencode, urlparse

import scrapy
from parsel import Selector
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.parsing import as_of_date, clean, is_on_site
from crawler.spiders.base import ListArticleSpider
from pipelines.backfill import (
    CATCH_UP,
    FIRST_PAGE,
    WALK,
    ListItem,
    ListPage,
    ListSpec,
    Walks,
    quiet_before,
)
from pipelines.config import Config
from pipelines.finish import close_walks
from pipelines.run import NoRun, SourceRun, source_run_of

WALK_META = "regwatch_walk"  # {"list": key, "page": n, "mode": FIRST_PAGE | WALK | CATCH_UP}
# Next list pages wait for the articles of the page before (so a kill loses no article).
NEXT_PAGE_PRIORITY = -1
_DATE = re.compile(r"(20\d\d|19\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})")


def listed_date(text: str | None) -> str | None:
    """The first date in a list item's text, as an ISO date."""
    match = _DATE.search(text or "")
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def dated_links(selector: Selector | Response, selectors: list[str], pattern: re.Pattern[str],
                domain: str, join: Any, scheme: str | None = None) -> list[ListItem]:
    """The list's article links with their dates and titles, from the first selector that
    yields any, on the site, deduplicated, in page order (join: makes a link absolute)."""
    for css in selectors:
        items: list[ListItem] = []
        seen: set[str] = set()
        for link in selector.css(css):
            url = _absolute(join, (link.attrib.get("href") or "").strip(), scheme)
            if not url or url in seen or not is_on_site(url, domain) or not pattern.search(
                    urlparse(url).path):
                continue
            seen.add(url)
            context = " ".join(link.xpath("..//text()").getall())
            title = clean(link.attrib.get("title") or " ".join(link.xpath(".//text()").getall()))
            items.append(ListItem(url=url, published=listed_date(context), title=title or None))
        if items:
            return items
    return []


def _absolute(join: Any, href: str, scheme: str | None) -> str | None:
    if not href or href.lower().startswith(("javascript:", "mailto:", "#")):
        return None
    url = join(href)
    if scheme and urlparse(url).scheme in ("http", "https"):
        url = urlparse(url)._replace(scheme=scheme).geturl()
    return url


class PagedListSpider(ListArticleSpider):
    """A source whose lists are paged: read first pages every night, walked back when needed."""

    WALKS_BACK: ClassVar[bool] = True  # False for news lists: never walked back
    unread_why: str | None = None  # why read_page could not read the page it just returned None for

    def lists(self) -> list[ListSpec]:
        """Every list this source may read in this run (nightly ones and backfill ones)."""
        return [ListSpec(key=self.list_key(url), url=url, walks_back=self.WALKS_BACK)
                for url in self.list_urls]

    @staticmethod
    def list_key(url: str) -> str:
        """A list's key: host and path of its first page, without index.html."""
        parts = urlparse(url)
        path = re.sub(r"/(?:index\.s?html?)?$", "", parts.path)
        return f"{parts.hostname}{path}"

    def start_urls_for(self) -> list[str]:
        """The lists' first pages read on a night that walks nothing back."""
        return [spec.url for spec in self.lists() if spec.nightly]

    # --- the run's walks --------------------------------------------------------------------
    @property
    def run_date(self) -> str:
        return as_of_date(self.settings.get("REGWATCH_AS_OF")).isoformat()

    @property
    def since(self) -> str:
        return self.settings.get("REGWATCH_BACKFILL_SINCE") or Config().backfill_since

    def make_walks(self) -> Walks:
        """This run's walks: from the archive's `list_walks` in a run; in memory otherwise
        (first pages only, unless REGWATCH_BACKFILL forces a walk)."""
        settings = self.settings
        budget = settings.getint("REGWATCH_BACKFILL_PAGES") or Config().backfill_pages_per_night
        forced = settings.getbool("REGWATCH_BACKFILL")
        run = self.source_run()
        if run is None:
            return Walks(self.name, self.run_date, self.since, budget, forced=forced,
                         nightly_only=not forced)
        walks = Walks(self.name, run.as_of, self.since, budget, archive=run.archive,
                      forced=forced, first_run=run.archive.last_source_run(self.name) is None)
        run.walks = walks
        return walks

    def source_run(self) -> SourceRun | None:
        try:
            return source_run_of(self.crawler)
        except NoRun:
            return None

    def plan(self) -> list[tuple[ListSpec, str]]:
        """The lists to read and how; in a backfill, the run's quiet day is set."""
        self.walks = self.make_walks()
        planned = self.walks.plan(self.lists())
        run = self.source_run()
        if run is not None:
            run.quiet_before = quiet_before(run.as_of) if self.walks.backfilling else None
            run.all_history = self.walks.first_run
        return planned

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for spec, mode in self.plan():
            if mode == WALK and not self.walks.take_page(spec.key, 1):
                continue
            yield self.list_request(spec, 1, mode)

    def closed(self, reason: str) -> None:
        walks = getattr(self, "walks", None)
        if walks is None or reason != "finished":
            return
        run = self.source_run()
        if run is None:
            walks.finish()
        else:
            close_walks(run, dict(self.crawler.stats.get_stats()))

    # --- list pages ---------------------------------------------------------------------------
    def list_request(self, spec: ListSpec, number: int, mode: str,
                     previous: ListPage | None = None, context: Any = None) -> scrapy.Request:
        """The request for page `number` of a list (page 1: its first page's URL)."""
        meta = {WALK_META: {"list": spec.key, "page": number, "mode": mode}}
        kwargs = {"spec": spec, "number": number, "mode": mode, "previous": previous,
                  "context": context}
        if number == 1:
            return self.first_page_request(spec, meta=meta, cb_kwargs=kwargs)
        return self.page_request(spec, number, context, meta=meta, cb_kwargs=kwargs,
                                 priority=NEXT_PAGE_PRIORITY)

    def first_page_request(self, spec: ListSpec, **kwargs: Any) -> scrapy.Request:
        """The request for a list's first page (its URL)."""
        return self.request(spec.url, self.parse_list, article=False,
                            errback=self.on_list_error, **kwargs)

    def request(self, url: str, callback: Any, *, article: bool = False,
                **kwargs: Any) -> scrapy.Request:
        errback = kwargs.pop("errback", None)
        request = super().request(url, callback, article=article, **kwargs)
        return request.replace(errback=errback) if errback else request

    def page_request(self, spec: ListSpec, number: int, context: Any,
                     **kwargs: Any) -> scrapy.Request:
        """The request for page `number` > 1 of a list."""
        raise NotImplementedError(f"{self.name} has no page {number} of {spec.key}")

    def read_page(self, response: Response, spec: ListSpec | None, number: int) -> ListPage | None:
        """A list page's items and what it says about the rest (None: a problem was reported).
        The links are the spider's article links; their dates come from the list's items."""
        dated = {i.url: i for i in dated_links(response, self.LIST_SELECTORS, self.ARTICLE_PATH,
                                               self.SITE, response.urljoin, self.LINK_SCHEME)}
        items = [dated.get(url) or ListItem(url) for url in self.article_links(response)]
        return ListPage(number=number, items=items, has_next=self.has_next(response))

    def has_next(self, response: Response) -> bool | None:
        """Whether a static list page links a next page (None: the site does not say)."""
        return None

    def context_of(self, response: Response, spec: ListSpec) -> Any:
        """What later pages of the list need from its first page (JPaaS parameters)."""
        return None

    def parse_list(self, response: Response, spec: ListSpec | None = None, number: int = 1,
                   mode: str = FIRST_PAGE, previous: ListPage | None = None,
                   context: Any = None) -> Iterator[scrapy.Request]:
        """Article requests for a list page's items; in a walk, the next page too."""
        self.unread_why = None
        page = self.read_page(response, spec, number)
        if page is None:
            if mode == WALK and spec is not None:
                self.walks.failed(spec.key, number, self.unread_why or "could not be read")
            return
        if number == 1 and not page.items:
            self.problem(f"no article links on {response.url}")
            if mode == WALK and spec is not None:
                self.walks.failed(spec.key, number, "no article links")
            return
        if spec is None or not hasattr(self, "walks"):
            self.note_found(page.items, walked_back=False)
            yield from self.item_requests(response.url, page.items)
            return
        if number == 1:
            context = self.context_of(response, spec)
        if mode != WALK:  # a first page, or a page read on to catch up with what is new
            decision = self.walks.catch_up(spec.key, page, previous)
            if decision.problem:
                self.problem(f"{decision.problem} ({response.url})")
                return
            self.note_found(decision.items, walked_back=False)  # (news, caught up or not)
            yield from self.item_requests(response.url, decision.items)
            if decision.next_page:
                yield self.list_request(spec, decision.next_page, CATCH_UP, page, context)
            return
        decision = self.walks.after_page(spec.key, page, previous)
        if decision.problem:
            self.problem(f"{decision.problem} ({response.url})")
            return
        # (a list read only when walking back is history from its first page on)
        self.note_found(decision.items, walked_back=number > 1 or not spec.nightly)
        yield from self.item_requests(response.url, decision.items)
        if decision.next_page:
            yield self.list_request(spec, decision.next_page, WALK, page, context)

    def note_found(self, items: list[ListItem], *, walked_back: bool) -> None:
        """Tell the run where these articles were found (what is history in a backfill)."""
        run = self.source_run()
        if run is not None:
            run.note_found([item.url for item in items], walked_back=walked_back)

    def item_requests(self, list_url: str, items: list[ListItem]) -> Iterator[scrapy.Request]:
        self.note_listings(list_url, [item.url for item in items])
        for item in items:
            yield from self.article_requests([item.url], **self.list_fields(item))

    def list_fields(self, item: ListItem) -> dict[str, Any]:
        """Fields of a list item handed to its article's parser (none by default)."""
        return {}

    def on_list_error(self, failure: Failure) -> None:
        """A list page that failed: a problem (base errback); a walk resumes there next night."""
        request = getattr(failure, "request", None)
        walk = request.meta.get(WALK_META) if request is not None else None
        self.on_error(failure, f"list {walk['list']} page {walk['page']}: " if walk else "")
        if not walk or walk["mode"] != WALK or not hasattr(self, "walks"):
            return
        if failure.check(HttpError) or not failure.check(IgnoreRequest):
            self.walks.failed(walk["list"], walk["page"], "the page did not download")
        else:  # dropped (a bot challenge, an undecodable or cut-off page): continues there
            self.walks.not_read(walk["list"], walk["page"], f"not read ({dropped_why(failure)})")


def dropped_why(failure: Failure) -> str:
    """Why a downloader middleware dropped a page, without the address (the walk names it)."""
    reason = re.sub(r"\s*\(?\bhttps?://\S+", "", " ".join(str(failure.value).split()))
    reason = re.sub(r"\s+(?:at|for)$", "", reason.strip(" :"))
    return reason or "dropped before it was read"


class JpaasListSpider(PagedListSpider):
    """Columns of the JPaaS CMS: a static first page, then the JPaaS API's pages."""

    JPAAS_API = "/api-gateway/jpaas-publish-server/front/page/build/unit"
    JPAAS_PAGE_SIZE = 20
    # Per list page URL, the JPaaS parameters when the page carries no jpaasConfig
    # (regwatch.toml's [jpaas_columns] come first).
    JPAAS_FALLBACKS: ClassVar[dict[str, dict[str, str]]] = {}
    _CONFIG = re.compile(r"jpaasConfig\s*=\s*\{(?P<body>[^}]*)\}")
    _FIELD = re.compile(r"""(?P<key>webId|pageId|tplSetId)\s*:\s*["'](?P<value>[^"']+)["']""")
    PAGER_NEXT = ".layui-laypage a[data-page], .layui-laypage-next"

    def has_next(self, response: Response) -> bool | None:
        return bool(response.css(self.PAGER_NEXT))

    def context_of(self, response: Response, spec: ListSpec) -> dict[str, str] | None:
        """The JPaaS parameters: the page's jpaasConfig, else the configuration, else ours."""
        found = {}
        for script in response.xpath("//script/text()").getall():
            match = self._CONFIG.search(script)
            if match:
                found = {m["key"]: m["value"] for m in self._FIELD.finditer(match["body"])}
                break
        if len(found) == 3:
            return found
        configured = self.settings.getdict("REGWATCH_JPAAS_COLUMNS") or {}
        return configured.get(spec.url) or self.JPAAS_FALLBACKS.get(spec.url)

    def page_request(self, spec: ListSpec, number: int, context: Any,
                     **kwargs: Any) -> scrapy.Request:
        if not context:
            raise JpaasUnknown(spec.url)
        host = urlparse(spec.url)
        query = urlencode({
            "webId": context["webId"], "pageId": context["pageId"], "tagId": "信息列表",
            "tplSetId": context["tplSetId"], "parseType": "bulidstatic", "pageType": "column",
            "paramJson": json.dumps({"pageNo": number, "pageSize": self.JPAAS_PAGE_SIZE},
                                    separators=(",", ":")),
        })
        url = f"{host.scheme}://{host.netloc}{self.JPAAS_API}?{query}"
        return self.request(url, self.parse_list, article=False,
                            errback=self.on_list_error, **kwargs)

    def parse_list(self, response: Response, spec: ListSpec | None = None, number: int = 1,
                   mode: str = FIRST_PAGE, previous: ListPage | None = None,
                   context: Any = None) -> Iterator[scrapy.Request]:
        try:
            yield from super().parse_list(response, spec, number, mode, previous, context)
        except JpaasUnknown as e:
            self.problem(f"list {spec.key if spec else response.url}: no JPaaS parameters for "
                         f"{e} (no jpaasConfig on the page; set [jpaas_columns] in "
                         "regwatch.toml); the walk stops there")
            if spec is not None and mode == WALK:
                self.walks.failed(spec.key, number + 1, "no JPaaS parameters")

    def read_page(self, response: Response, spec: ListSpec | None, number: int) -> ListPage | None:
        if number == 1:
            return super().read_page(response, spec, number)
        where = f"list {spec.key if spec else response.url} page {number}"
        data = jpaas_data(response.body)
        if isinstance(data, str):
            self.unread_why = data  # (what the walk says it stopped on)
            self.problem(f"{where}: {data} at {response.url}; the walk stops there and "
                         "resumes next night")
            return None
        html = data.get("html") or ""
        items = dated_links(Selector(text=html) if html.strip() else Selector(text="<p/>"),
                            self.LIST_SELECTORS, self.ARTICLE_PATH, self.SITE, response.urljoin,
                            self.LINK_SCHEME)
        total = data.get("total")
        return ListPage(number=number, items=items,
                        total=total if isinstance(total, int) else None,
                        page_size=self.JPAAS_PAGE_SIZE)


def jpaas_columns(web_id: str, tpl_set_id: str, pages: dict[str, str]
                  ) -> dict[str, dict[str, str]]:
    """JPaaS parameters per list page URL, for a site's columns (one webId and tplSetId)."""
    return {url: {"webId": web_id, "pageId": page, "tplSetId": tpl_set_id}
            for url, page in pages.items()}


class JpaasUnknown(Exception):
    """No JPaaS parameters for a list: its later pages cannot be asked for."""


def jpaas_data(body: bytes) -> dict[str, Any] | str:
    """The `data` of a JPaaS answer, or what is wrong with it (one line)."""
    text = body.decode("utf-8", errors="replace").strip()
    if text.startswith("<"):
        return "an HTML page instead of the JPaaS JSON answer"
    try:
        answer = json.loads(text)
    except ValueError:
        return "an answer that is not JSON"
    data = answer.get("data") if isinstance(answer, dict) else None
    if not isinstance(data, dict):
        return "a JSON answer without data"
    return data
