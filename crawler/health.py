"""SourceHealth: judge each source's health when its spider closes and hand it to the run.

It records (crawl errors as source problems, the counts and the health on the SourceRun); the run
owner (crawler.runner.Run) stores them and finishes the run.
"""

from __future__ import annotations

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro
from twisted.python.failure import Failure

from pipelines.health import assess
from pipelines.problems import problems_of, report_problem
from pipelines.run import SourceRun, source_run_of
from pipelines.store import storage_error

STORAGE_STOP_STAT = "regwatch/storage_stop"


def stop_for_storage(crawler: Crawler, error: BaseException, where: str) -> bool:
    """A write to the archive failed for want of storage (a full disk, a read-only file
    system) while reading `where` (a list page's walk, a 304's record): as when a store fails
    (pipelines.store.StorePipeline), the run is marked fatal and this source's crawl closes, so
    no more pages are fetched for nothing and the run's end says it in one line; True when so
    (the caller reports no problem of its own: it is no fault of the page)."""
    if not storage_error(error):
        return False
    run = source_run_of(crawler).run
    if not run.fatal:
        reason = " ".join(str(error).split())
        run.fatal = f"cannot write the archive ({reason}) while reading {where}"
    if crawler.stats is not None and not crawler.stats.get_value(STORAGE_STOP_STAT):
        crawler.stats.set_value(STORAGE_STOP_STAT, 1)
        deferred_from_coro(crawler.engine.close_spider_async(reason="archive failed"))
    return True


class SourceHealth:
    """Extension: parser and store errors become source problems; the health is judged at the
    end of the source's crawl."""

    def __init__(self, crawler: Crawler, source_run: SourceRun) -> None:
        self.crawler = crawler
        self.source_run = source_run
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.spider_error, signal=signals.spider_error)
        crawler.signals.connect(self.item_error, signal=signals.item_error)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SourceHealth:
        return cls(crawler, source_run_of(crawler))

    def spider_error(self, failure: Failure, response: Response, spider: Spider) -> None:
        """A parser crash is a source problem (the page's shape changed), not a silent skip;
        a write that failed for want of storage stops the run (`stop_for_storage`)."""
        if stop_for_storage(self.crawler, failure.value, response.url):
            return
        report_problem(self.crawler.stats, spider.name,
                       f"parser error on {response.url}: {failure.getErrorMessage()}")

    def item_error(self, item: object, response: Response, spider: Spider,
                   failure: Failure) -> None:
        """An item that could not be stored (e.g. a full disk) is reported; the next run that
        sees the page stores it, since nothing of it was committed."""
        url = getattr(item, "url", None) or getattr(response, "url", "?")
        if stop_for_storage(self.crawler, failure.value, url):
            return
        report_problem(self.crawler.stats, spider.name,
                       f"could not store {url}: {failure.getErrorMessage()}")

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats
        run = self.source_run
        revisited_items, revisited_304s = run.revisits_seen()
        items = stats.get_value("item_scraped_count", 0) - revisited_items
        unchanged = stats.get_value("regwatch/unchanged", 0) - revisited_304s
        run.health = assess(items, unchanged, problems_of(stats), getattr(spider, "min_items", 1),
                            run.archive.last_healthy_items(spider.name, run.run_id), reason,
                            left_out=stats.get_value("regwatch/irrelevant", 0))
        run.stats = dict(stats.get_stats())
        run.counts = {
            "items": items, "unchanged": unchanged,
            "requests": stats.get_value("downloader/request_count", 0),
            "responses": stats.get_value("downloader/response_count", 0),
        }
