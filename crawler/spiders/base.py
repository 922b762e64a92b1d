"""What every regwatch spider shares, so that a source's module says only what differs.

`RegwatchSpider`: requests whose failures become source problems, loud missing-field checks.
`ListArticleSpider`: the list -> article walk most sources are. It carries the list walk (each
list page's article links, deduplicated across the run's lists; a list with no links is a
problem), the article checks (a page cut short, or a "page not found" served as a page: a problem
naming the page asked for and no item; a missing title or body: a problem and no item; a missing
date: a problem and the item all the same) and the item checks. A source's module gives its entry
points, its selectors and `read_article()`, which turns an article page into an `ArticlePage`.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlparse

import scrapy
from parsel import Selector
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.health import stop_for_storage
from crawler.parsing import (
    body_container,
    cut_off,
    error_page_marker,
    paragraphs_of,
    site_links,
    tables_of,
)
from crawler.requests import ARTICLE_META, Skipped, first_url
from crawler.tls import certificate_failure
from pipelines.items import Annex, DocumentItem
from pipelines.problems import report_problem
from pipelines.vocab import SourceKind

LANGUAGES = ("zh", "en")
MAX_TITLE_CHARS = 400  # a longer "title" means the page's shape changed and a body was taken


def describe_failure(failure: Failure) -> str:
    """A readable one-line reason for a failed fetch (Twisted wraps some in lists of failures)."""
    certificate = certificate_failure(failure)
    if certificate:
        return certificate
    if failure.check(IgnoreRequest):
        reason = failure.getErrorMessage()
        if "max redirections" in reason:
            return "redirected too many times (a redirect loop or an endless chain)"
        if "offsite" in reason.lower():
            return f"redirected off the site: {reason}"
        return reason
    reasons = getattr(failure.value, "reasons", None) or getattr(
        failure.value.__cause__, "reasons", None)  # (Scrapy's DownloadFailedError wraps them)
    if reasons:
        return "; ".join(dict.fromkeys(in_words(r.type.__name__, r.getErrorMessage())
                                       for r in reasons))
    return in_words(failure.type.__name__, failure.getErrorMessage())


# What a failed download's exception means, in words (its name follows in brackets).
FAILURES_IN_WORDS = {
    "ResponseDataLossError": "the answer was cut short: the connection closed before all of it "
                             "arrived",
    "ConnectionDone": "the server closed the connection without an answer",
    "ConnectionLost": "the connection was lost before the answer was complete",
    "DownloadConnectionRefusedError": "connection refused",
    "CannotResolveHostError": "host name not found (DNS)",
}


def in_words(name: str, message: str) -> str:
    """"the server closed the connection without an answer (ConnectionDone)"; the exception's
    own message when it has no words here ("DownloadTimeoutError: Getting … took longer …")."""
    words = FAILURES_IN_WORDS.get(name)
    if words is None:
        return f"{name}: {message}" if message.strip() else name
    return f"{words} ({name})"


class RegwatchSpider(scrapy.Spider):
    """Base class: subclasses set the class attributes and parse pages into DocumentItem."""

    source_kind: ClassVar[str]  # pipelines.vocab.SourceKind value
    description: ClassVar[str] = ""
    entry_points: ClassVar[list[str]] = []  # human-readable entry points (URLs, API endpoints)
    min_items: ClassVar[int] = 1  # fewer items than this in a healthy run is a source problem

    @classmethod
    def hosts(cls) -> set[str]:
        """The hosts the source is fetched from (those of its entry points)."""
        found = set()
        for entry in cls.entry_points:
            url = next((part for part in entry.split() if "://" in part), "")
            host = urlparse(url).hostname
            if host:
                found.add(host.lower())
        return found

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> RegwatchSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_dropped, signal=scrapy.signals.request_dropped)
        crawler.signals.connect(spider.on_scheduled, signal=scrapy.signals.request_scheduled)
        return spider

    def on_dropped(self, request: scrapy.Request, spider: scrapy.Spider | None = None) -> None:
        """A redirect the scheduler dropped (back to a page already asked for) gets no
        errback: the page asked for was never read, which is a source problem."""
        if request.meta.get("redirect_urls"):
            self.not_followed(request, "a page already asked for")

    def on_scheduled(self, request: scrapy.Request, spider: scrapy.Spider | None = None) -> None:
        """A redirect off the site is dropped by Scrapy's offsite filter with no errback: a
        source problem too."""
        if (request.meta.get("redirect_urls") and not request.dont_filter
                and not request.meta.get("allow_offsite") and not self.on_site(request.url)):
            self.not_followed(request, "off the site")

    def on_site(self, url: str) -> bool:
        """Whether url's host is one of allowed_domains (or under one), as the filter reads it."""
        host = (urlparse(url).hostname or "").lower()
        domains = [d.lower() for d in getattr(self, "allowed_domains", None) or []]
        return not domains or any(host == d or host.endswith("." + d) for d in domains)

    def not_followed(self, request: scrapy.Request, why: str) -> None:
        self.problem(f"fetch failed for {request.meta['redirect_urls'][0]}: redirected to "
                     f"{request.url}, which is not followed ({why})")

    def problem(self, message: str) -> None:
        """Record a source problem: counted, logged as a warning, reported as source_problem."""
        report_problem(self.crawler.stats, self.name, message)

    def missing(self, what: str, url: str) -> None:
        """A required part of a page is missing: count it per part and report it."""
        self.crawler.stats.inc_value(f"regwatch/missing/{what}")
        self.problem(f"required part missing: {what} on {url}")

    def request(
        self,
        url: str,
        callback: Callable[..., Any],
        *,
        article: bool = False,
        **kwargs: Any,
    ) -> scrapy.Request:
        """A GET (or, with formdata, a POST) whose failures are recorded as source problems."""
        meta = dict(kwargs.pop("meta", {}) or {})
        meta[ARTICLE_META] = article
        if article:  # the run's dedup is the spider's; a redirect loop must end as a failure
            kwargs.setdefault("dont_filter", True)
        formdata = kwargs.pop("formdata", None)
        if formdata is not None:
            return scrapy.FormRequest(
                url, formdata=formdata, callback=callback, errback=self.on_error, meta=meta,
                **kwargs,
            )
        return scrapy.Request(url, callback=callback, errback=self.on_error, meta=meta, **kwargs)

    def on_error(self, failure: Failure, where: str = "") -> None:
        """Errback: a failed fetch (HTTP error, timeout, reset, too many or offsite redirects,
        a certificate that does not verify) is a source problem naming the page asked for (and,
        `where`, e.g. "list … page 2: ", what it is)."""
        if failure.check(Skipped):
            return  # not due (revisit policy), or its trouble is already reported
        request = getattr(failure, "request", None)
        url = first_url(request) if request is not None else "?"
        if stop_for_storage(self.crawler, failure.value, url):
            return  # (a 304's record could not be written: the run stops, no fault of the page)
        response = getattr(failure.value, "response", None)
        if response is not None and failure.check(HttpError):
            self.problem(f"{where}HTTP {response.status} for {url}")
        else:
            self.problem(f"{where}fetch failed for {url}: {describe_failure(failure)}")

    @staticmethod
    def meta_content(response: Response, name: str) -> str | None:
        """The content of <meta name=...>, stripped, or None."""
        value = response.css(f'meta[name="{name}"]::attr(content)').get()
        return value.strip() if value and value.strip() else None


@dataclass
class ArticlePage:
    """What a source read from one article page (raw: normalization comes later)."""

    title: str | None
    paragraphs: list[str]
    published: str | None
    language: str = "zh"
    issuing_unit: str | None = None
    doc_number: str | None = None
    annexes: list[Annex] = field(default_factory=list)
    machine_translated: bool = False
    tables: list[str] = field(default_factory=list)  # HTML of the body's tables
    # The body container read_article found, so its tables are taken without a second search.
    container: Selector | None = field(default=None, repr=False, compare=False)


class ListArticleSpider(RegwatchSpider):
    """A source whose list pages link article pages."""

    list_urls: ClassVar[list[str]] = []  # the list pages (override start_urls_for for more)
    LIST_SELECTORS: ClassVar[list[str]] = []  # link selectors, the first that yields any wins
    ARTICLE_PATH: ClassVar[re.Pattern[str]]  # an article link's path
    SITE: ClassVar[str]  # article links must be on this domain (or a subdomain)
    LINK_SCHEME: ClassVar[str | None] = None  # e.g. "https": every article link gets it

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._requested: set[str] = set()
        # article URL -> every list page of this run that links it (the request goes out once,
        # for the first; crawler.revisit.ListedOnMiddleware hands them all to the run)
        self.listings: dict[str, set[str]] = {}

    # --- the list walk ------------------------------------------------------------------------
    def start_urls_for(self) -> list[str]:
        """The list pages of this run."""
        return list(self.list_urls)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls_for():
            yield self.request(url, self.parse_list, article=False)

    def article_links(self, response: Response) -> list[str]:
        """The article URLs a list page links, in page order."""
        return site_links(response, self.LIST_SELECTORS, self.ARTICLE_PATH, self.SITE,
                          scheme=self.LINK_SCHEME)

    def parse_list(self, response: Response) -> Iterator[scrapy.Request]:
        """An article request for each link not requested yet in this run; no link: a problem."""
        urls = self.article_links(response)
        if not urls:
            self.problem(f"no article links on {response.url}")
            return
        self.note_listings(response.url, urls)
        yield from self.article_requests(urls)

    def note_listings(self, list_url: str, urls: list[str]) -> None:
        """Remember that the list page at list_url links these articles."""
        for url in urls:
            self.listings.setdefault(url, set()).add(list_url)

    def article_requests(self, urls: list[str], **cb_kwargs: Any) -> Iterator[scrapy.Request]:
        for url in urls:
            if url in self._requested:
                continue
            self._requested.add(url)
            yield self.request(url, self.parse_article, article=True, cb_kwargs=cb_kwargs)

    def revisit_request(self, document: dict[str, Any]) -> scrapy.Request:
        """An archived article no list showed tonight, read again (crawler.revisit)."""
        self._requested.add(document["url"])
        return self.request(document["url"], self.parse_article, article=True,
                            cb_kwargs=self.revisit_fields(document))

    def revisit_fields(self, document: dict[str, Any]) -> dict[str, Any]:
        """What its list once gave the article's parser, from the archived document (none by
        default: a source whose pages lack a field its list carried says how)."""
        return {}

    # --- an article ---------------------------------------------------------------------------
    def read_article(self, response: Response, **list_fields: Any) -> ArticlePage | None:
        """The fields of an article page (None: the page was reported as a problem already)."""
        raise NotImplementedError

    def cut_short(self, response: Response) -> bool:
        """A page cut short in transfer is reported as a problem (True), never read: the
        archived version stays, and a half page is no new text."""
        if cut_off(response.body):
            self.problem(f"page cut off (it never closes </html>) at {response.url}")
            return True
        return False

    def error_page(self, response: Response) -> bool:
        """A "page not found" answered as a page (HTTP 200, or where a redirect ended) is
        reported as a problem naming the page asked for (True), never read: it is no new text
        of the article, and it says nothing of the measure."""
        marker = error_page_marker(response)
        if marker is None:
            return False
        request = getattr(response, "request", None)
        asked = first_url(request) if request is not None else response.url
        where = asked if asked == response.url else f"{asked} (redirected to {response.url})"
        self.problem(f"error page instead of the article (\"{marker}\", HTTP "
                     f"{response.status}) at {where}")
        return True

    def unreadable(self, response: Response) -> bool:
        """A page cut short or an error page: reported, never read."""
        return self.cut_short(response) or self.error_page(response)

    def parse_article(self, response: Response, **list_fields: Any) -> Iterator[Any]:
        if self.unreadable(response):
            return
        page = self.read_article(response, **list_fields)
        if page is not None and self.has_required_parts(page, response.url):
            if not page.tables:
                page.tables = self.body_tables(response, page.container)
            yield self.item(response.url, page)

    def body_tables(self, response: Response, container: Selector | None = None) -> list[str]:
        """An authority's page: the tables in its body container (entity lists, read by
        pipelines.designations; `container` when read_article found it with BODY_SELECTORS
        already); other sources' tables are not kept."""
        selectors = getattr(self, "BODY_SELECTORS", None)
        if self.source_kind != SourceKind.AUTHORITY or not selectors:
            return []
        return tables_of(container if container is not None
                         else body_container(response, selectors))

    def has_required_parts(self, page: ArticlePage, url: str) -> bool:
        """Title and body, or a problem each and no item; a missing date is a problem only."""
        if not page.title:
            self.missing("title", url)
        if not page.paragraphs:
            self.missing("body", url)
        if not page.title or not page.paragraphs:
            return False
        if not page.published:
            self.missing("published", url)
        return True

    def item(self, url: str, page: ArticlePage) -> DocumentItem:
        """The item of a page with its required parts (see check_item)."""
        item = DocumentItem(
            url=url, source=self.name, source_kind=self.source_kind, title=page.title or "",
            body="\n\n".join(p for p in page.paragraphs if p), language=page.language,
            published_raw=page.published, issuing_unit=page.issuing_unit,
            doc_number=page.doc_number, annexes=page.annexes,
            machine_translated=page.machine_translated, tables=page.tables,
        )
        self.check_item(item)
        return item

    def check_item(self, item: DocumentItem) -> None:
        """Loud on surprise: a field the page's shape could not have given is a problem."""
        if item.language not in LANGUAGES:
            self.problem(f"unexpected language {item.language!r} on {item.url}")
        if len(item.title) > MAX_TITLE_CHARS:
            self.problem(f"title of {len(item.title)} characters on {item.url}: "
                         "the page's shape may have changed")


def container_paragraphs(container: Selector | None) -> list[str]:
    """The paragraphs of a body container (none without one)."""
    return paragraphs_of(container) if container is not None else []
