"""RereadMiddleware: news pages the analyst decided to keep are read again on their source's next
run, whether or not its list still shows them.

The relevance rule leaves out news that is not about the regime, and lists its close calls for the
analyst (pipelines.relevance.judge). `regwatch relevance keep URL` records the analyst's verdict
and forgets the page's fetch state; this middleware adds the page to its source's start requests
until a run has stored it (pipelines.archive.Archive.pages_to_read_again), and the relevance
stage keeps it whatever the rule says.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from scrapy.crawler import Crawler

from pipelines.run import NoRun, SourceRun, source_run_of


class RereadMiddleware:
    """Spider middleware: the pages the analyst kept, after the spider's own start requests."""

    def __init__(self, crawler: Crawler, run: SourceRun | None) -> None:
        self.crawler = crawler
        self.run = run

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RereadMiddleware:
        try:
            run = source_run_of(crawler)
        except NoRun:  # `scrapy crawl` without a run: nothing to read again
            run = None
        return cls(crawler, run)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for request in start:
            yield request
        spider = self.crawler.spider
        if self.run is None or not hasattr(spider, "article_requests"):
            return
        urls = self.run.archive.pages_to_read_again(spider.name)
        self.crawler.stats.set_value("regwatch/read_again", len(urls))
        for request in spider.article_requests(urls):
            yield request
