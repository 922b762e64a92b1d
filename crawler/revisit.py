"""Revisit policy and conditional requests: a night's cost grows with what changed.

For article requests only (list pages are always fetched):
- an article never fetched is fetched;
- one published within REGWATCH_REVISIT_RECENT_DAYS of the run's date is refetched every night
  (fresh announcements get corrected);
- an older one is refetched only when its last fetch is REGWATCH_REVISIT_OLD_DAYS old or more;
  otherwise it is counted as seen (its `last_seen` stamped) without a request;
- every refetch is conditional (If-None-Match / If-Modified-Since from the last answer), and a
  304 answer counts as seen and unchanged; except the page of a document with annexes: its 304
  would say nothing of them (a list replaced under an unchanged page), so it is fetched in full
  and its annexes conditionally (crawler.evidence);
- news the relevance rule left out is remembered (`fetch_state.left_out`, with its date) and
  revisited by the same rule, not fetched and parsed again every night.

Archived articles that no list of the night shows (fallen behind the first pages read every
night, or found by a walk back) would otherwise never be read again: `UnlistedRevisits` asks for
a few of them each night (REGWATCH_REVISIT_UNLISTED_PER_NIGHT per source) once the night's lists
and articles are done, those last read (or asked for) REGWATCH_REVISIT_UNLISTED_DAYS ago or more,
the longest unread first, conditionally like any article. An amended text is a new version and
its change is reported as on any night; what the revisits found is a note of the source's (never
counted in its health: a revisit that fails says so in the note, it is no outage of the
source's lists, and it is asked for again only after the same interval).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, timedelta
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.requests import ARTICLE_META, REVISIT_META, Skipped, first_url
from crawler.spiders.base import describe_failure
from pipelines.archive import canonical_url
from pipelines.run import NOT_MODIFIED, SourceRun, source_run_of
from pipelines.store import record_unchanged

ANNEX_META = "regwatch_annex"  # marks an annex download (crawler.evidence), not a list page


def days_between(earlier: str, later: str) -> int:
    return (date.fromisoformat(later[:10]) - date.fromisoformat(earlier[:10])).days


def is_due(published: str | None, last_fetched: str | None, as_of: str,
           recent_days: int, old_days: int) -> bool:
    """Whether a known article should be fetched again on the night as_of."""
    if last_fetched is None or published is None:
        return True
    if days_between(published, as_of) <= recent_days:
        return True
    return days_between(last_fetched, as_of) >= old_days


class RevisitMiddleware:
    """Downloader middleware applying the revisit policy and conditional requests."""

    def __init__(self, crawler: Crawler, run: SourceRun, recent_days: int, old_days: int
                 ) -> None:
        self.crawler = crawler
        self.run = run
        self.recent_days = recent_days
        self.old_days = old_days

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RevisitMiddleware:
        settings = crawler.settings
        return cls(crawler, source_run_of(crawler), settings.getint("REGWATCH_REVISIT_RECENT_DAYS"),
                   settings.getint("REGWATCH_REVISIT_OLD_DAYS"))

    def _seen_unchanged(self, url: str, response: Response | None = None) -> None:
        if response is None:
            record_unchanged(self.run, url)
        else:  # a 304: its validators are kept for the next conditional request
            record_unchanged(self.run, url, response.status, _header(response, b"ETag"),
                             _header(response, b"Last-Modified"))
            if url in self.run.revisits:
                self.run.revisits[url] = NOT_MODIFIED
        self.crawler.stats.inc_value("regwatch/unchanged")

    def _not_due(self, url: str, *, left_out: bool) -> None:
        if left_out:  # still left out: seen, as on the night it was read
            self.crawler.stats.inc_value("regwatch/irrelevant")
            self.crawler.stats.inc_value("regwatch/left_out_not_due")
        else:
            self._seen_unchanged(url)

    def process_request(self, request: Request) -> None:
        run = self.run
        if run.run.fatal:  # the archive cannot be written (a full disk): nothing more is fetched
            raise Skipped(f"not fetched, the archive cannot be written: {request.url}")
        if not request.meta.get(ARTICLE_META):
            return None
        state = run.archive.fetch_state(request.url)
        if state is None:
            return None
        document = None
        if state["left_out"]:  # news left out by relevance: revisited like an article
            published = state["published"]
        else:
            document = run.archive.document_by_url(request.url)
            if document is None:
                return None
            published = document["published"]
        if not is_due(published, state["last_fetched"], run.as_of, self.recent_days,
                      self.old_days):
            self._not_due(request.url, left_out=bool(state["left_out"]))
            raise Skipped(f"not due for a revisit: {request.url}")
        if document is not None and has_annexes(document):
            self.crawler.stats.inc_value("regwatch/revisit/in_full_for_annexes")
            return None
        if state["etag"]:
            request.headers.setdefault(b"If-None-Match", state["etag"].encode())
        if state["last_modified"]:
            request.headers.setdefault(b"If-Modified-Since", state["last_modified"].encode())
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        run = self.run
        if request.meta.get(ANNEX_META):  # annexes: crawler.evidence keeps their validators
            return response
        if not request.meta.get(ARTICLE_META):
            if response.status == 200:
                run.list_pages.append(request.url)
            return response
        if response.status == 304:
            self._seen_unchanged(request.url, response)
            raise Skipped(f"not modified: {request.url}")
        if response.status == 200:
            # Kept until the page has produced a stored document (pipelines.store): the
            # validators of a page that fails to parse must not turn tomorrow's answer into a 304.
            run.pending_fetches[response.url] = (_header(response, b"ETag"),
                                                 _header(response, b"Last-Modified"))
        return response


def has_annexes(document: dict[str, Any]) -> bool:
    """The document's latest version links annex files (`documents.annexes`, JSON)."""
    return document.get("annexes") not in (None, "", "[]")


def _header(message: Request | Response, name: bytes) -> str | None:
    value = message.headers.get(name)
    return value.decode("latin-1") if value else None


class ListedOnMiddleware:
    """Spider middleware: the list page each article of the run is listed on.

    An article request goes out once a run, for the first list that links it; each is noted
    with its list as it leaves the spider (for the store stage), and when the spider closes
    every list its pages showed each article on (the spider's `listings`) is handed to the run,
    which keeps the first by address (SourceRun.note_listed): the list an article is "listed
    on" does not depend on the order lists are read in.
    """

    def __init__(self, crawler: Crawler, run: SourceRun) -> None:
        self.crawler = crawler
        self.run = run
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ListedOnMiddleware:
        return cls(crawler, source_run_of(crawler))

    async def process_spider_output(self, response: Response | None, result: AsyncIterator[Any]
                                    ) -> AsyncIterator[Any]:
        async for output in result:
            if (response is not None and isinstance(output, Request)
                    and output.meta.get(ARTICLE_META)):
                self.run.note_listed(output.url, response.url)
            yield output

    def spider_closed(self, spider: Any) -> None:
        for url, lists in getattr(spider, "listings", {}).items():
            for list_url in lists:
                self.run.note_listed(url, list_url)


class UnlistedRevisits:
    """Extension: once a source's lists and articles are done, a few of its archived articles
    that no list showed tonight are read again (see the module's docstring)."""

    def __init__(self, crawler: Crawler, run: SourceRun, per_night: int, days: int) -> None:
        self.crawler = crawler
        self.run = run
        self.per_night = per_night
        self.days = days
        self.done = False
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.response_received, signal=signals.response_received)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> UnlistedRevisits:
        settings = crawler.settings
        return cls(crawler, source_run_of(crawler),
                   settings.getint("REGWATCH_REVISIT_UNLISTED_PER_NIGHT"),
                   settings.getint("REGWATCH_REVISIT_UNLISTED_DAYS"))

    def spider_idle(self, spider: Spider) -> None:
        """The first time the source's crawl runs dry: schedule tonight's revisits."""
        if self.done:
            return
        self.done = True
        requests = self.requests(spider)
        if not requests:
            return
        for request in requests:
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def requests(self, spider: Spider) -> list[Request]:
        """Tonight's revisits: none when no list page answered (the site is down or blocks us:
        its own problems say so) or the spider cannot read an article on its own."""
        run = self.run
        if (self.per_night <= 0 or not run.list_pages or run.run.fatal
                or not hasattr(spider, "revisit_request")):
            return []
        asked = {canonical_url(url) for url in getattr(spider, "_requested", ())}
        asked |= {canonical_url(url) for url in run.listed_on}
        cutoff = (date.fromisoformat(run.as_of) - timedelta(days=self.days)).isoformat()
        chosen = []
        for document in run.archive.unlisted_to_revisit(spider.name, cutoff):
            if canonical_url(document["url"]) not in asked:
                chosen.append(document)
            if len(chosen) >= self.per_night:
                break
        run.archive.mark_revisited([d["id"] for d in chosen], run.as_of)
        requests = []
        for document in chosen:
            run.revisits[document["url"]] = None
            request = spider.revisit_request(document)
            request.meta[REVISIT_META] = True
            requests.append(request.replace(errback=self.failed))
        self.crawler.stats.set_value("regwatch/revisit/unlisted", len(requests))
        return requests

    def response_received(self, response: Response, request: Request, spider: Spider) -> None:
        """A revisit redirected elsewhere: what comes of it is noted under the address it
        ended at (the item's, or the failure's)."""
        asked = first_url(request)
        revisits = self.run.revisits
        if (request.meta.get(REVISIT_META) and response.url != asked and asked in revisits
                and response.url not in revisits):
            revisits[response.url] = revisits.pop(asked)

    def failed(self, failure: Failure) -> None:
        """A revisit that did not come back: said in the source's note, no problem of its
        lists (a 304, or a page whose trouble was reported already, is no failure)."""
        request = getattr(failure, "request", None)
        if request is None or failure.check(Skipped):
            return
        response = getattr(failure.value, "response", None)
        reason = (f"HTTP {response.status}" if response is not None
                  else describe_failure(failure))
        url = first_url(request)
        key = url if url in self.run.revisits else request.url
        self.run.revisits[key] = f"{reason} for {url}"
        self.crawler.stats.inc_value("regwatch/revisit/failed")
