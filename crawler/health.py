"""SourceHealth: at the end of each spider, judge the source's health and record it in the run.

A source is `ok` when it yielded documents and had no problem, `degraded` when it yielded some
but had problems, `failed` when it yielded nothing. Count bounds: fewer documents than the
spider's `min_items`, or under half of its last healthy run, is a problem too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from pipelines.problems import problems_of, report_problem
from pipelines.vocab import SourceStatus

# A healthy source's document count may drop to this fraction of its last healthy run.
MIN_FRACTION_OF_LAST_HEALTHY = 0.5


@dataclass
class Health:
    status: str
    seen: int
    problems: list[str] = field(default_factory=list)


def assess(items: int, unchanged: int, problems: list[str], min_items: int,
           last_healthy: int | None, finish_reason: str = "finished", left_out: int = 0
           ) -> Health:
    """The health of a source from one crawl's counts and problems (documents left out by the
    relevance rule were found all the same)."""
    seen = items + unchanged + left_out
    problems = list(problems)
    if finish_reason != "finished":
        problems.append(f"crawl ended early ({finish_reason})")
    if seen < min_items:
        problems.append(f"only {seen} documents found, at least {min_items} expected")
    elif last_healthy and seen < last_healthy * MIN_FRACTION_OF_LAST_HEALTHY:
        problems.append(f"only {seen} documents found, its last healthy run had {last_healthy}")
    if not problems:
        return Health(SourceStatus.OK.value, seen)
    status = SourceStatus.FAILED if seen == 0 else SourceStatus.DEGRADED
    return Health(status.value, seen, problems)


class SourceHealth:
    """Extension: records per-source statistics in `run_sources`; ends runs it owns."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.spider_error, signal=signals.spider_error)
        crawler.signals.connect(self.item_error, signal=signals.item_error)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SourceHealth:
        return cls(crawler)

    def spider_error(self, failure: Failure, response: Response, spider: Spider) -> None:
        """A parser crash is a source problem (the page's shape changed), not a silent skip."""
        report_problem(self.crawler.stats, spider.name,
                       f"parser error on {response.url}: {failure.getErrorMessage()}")

    def item_error(self, item: object, response: Response, spider: Spider,
                   failure: Failure) -> None:
        """An item that could not be stored (e.g. a full disk) is reported; the next run that
        sees the page stores it, since nothing of it was committed."""
        url = getattr(item, "url", None) or getattr(response, "url", "?")
        report_problem(self.crawler.stats, spider.name,
                       f"could not store {url}: {failure.getErrorMessage()}")

    def spider_closed(self, spider: Spider, reason: str) -> None:
        from pipelines.diff import finish_run, removal_changes
        from pipelines.report import write_reports
        from pipelines.run import run_context

        run = run_context(self.crawler)
        stats = self.crawler.stats
        items = stats.get_value("item_scraped_count", 0)
        unchanged = stats.get_value("regwatch/unchanged", 0)
        health = assess(items, unchanged, problems_of(stats), getattr(spider, "min_items", 1),
                        run.archive.last_healthy_items(spider.name, run.run_id), reason,
                        left_out=stats.get_value("regwatch/irrelevant", 0))
        run.archive.record_source(run.run_id, spider.name, {
            "status": health.status, "items": items, "unchanged": unchanged,
            "requests": stats.get_value("downloader/request_count", 0),
            "responses": stats.get_value("downloader/response_count", 0),
            "problems": health.problems,
        })
        if health.status == SourceStatus.OK:
            removal_changes(run.archive, spider.name, run.run_id, run.as_of, run.list_pages,
                            self.crawler.settings.getint("REGWATCH_REMOVED_AFTER_NIGHTS", 3))
        if run.owned:
            finish_run(run.archive, run.run_id,
                       self.crawler.settings.getlist("REGWATCH_DEADLINE_DAYS"))
            write_reports(run.archive, run.run_id, self.crawler.settings.get("REGWATCH_REPORTS"),
                          self.crawler.settings.get("REGWATCH_DATASETTE_URL"))
