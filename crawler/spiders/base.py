"""Shared behaviour of regwatch spiders: requests with error capture, loud missing-field checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from pipelines.problems import report_problem

ARTICLE_META = "regwatch_article"  # marks article requests (revisit policy applies to these only)


def describe_failure(failure: Failure) -> str:
    """A readable one-line reason for a failed fetch (Twisted wraps some in lists of failures)."""
    reasons = getattr(failure.value, "reasons", None)
    if reasons:
        return "; ".join(f"{r.type.__name__}: {r.getErrorMessage()}" for r in reasons)
    return f"{failure.type.__name__}: {failure.getErrorMessage()}"


class RegwatchSpider(scrapy.Spider):
    """Base class: subclasses set the class attributes and parse pages into DocumentItem."""

    source_kind: ClassVar[str]  # pipelines.vocab.SourceKind value
    description: ClassVar[str] = ""
    entry_points: ClassVar[list[str]] = []  # human-readable entry points (URLs, API endpoints)
    min_items: ClassVar[int] = 1  # fewer items than this in a healthy run is a source problem

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
        formdata = kwargs.pop("formdata", None)
        if formdata is not None:
            return scrapy.FormRequest(
                url, formdata=formdata, callback=callback, errback=self.on_error, meta=meta,
                **kwargs,
            )
        return scrapy.Request(url, callback=callback, errback=self.on_error, meta=meta, **kwargs)

    def on_error(self, failure: Failure) -> None:
        """Errback: a failed fetch (HTTP error, timeout, DNS, reset) is a source problem."""
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            return  # deliberately skipped (revisit policy) or already reported (encoding guard)
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        response = getattr(failure.value, "response", None)
        if response is not None:
            self.problem(f"HTTP {response.status} for {url}")
        else:
            self.problem(f"fetch failed for {url}: {describe_failure(failure)}")

    @staticmethod
    def meta_content(response: Response, name: str) -> str | None:
        """The content of <meta name=...>, stripped, or None."""
        value = response.css(f'meta[name="{name}"]::attr(content)').get()
        return value.strip() if value and value.strip() else None
