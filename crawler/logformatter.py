"""Logging: what is routine is not a warning, and the console shows no tracebacks.

- A news article left out by the relevance rule (a dropped item) is logged at INFO.
- An item is named by its address in log lines (an item that fails, e.g. on a full disk): never
  its whole text, which is a page's HTML.
- An error that says the archive cannot be written (a full disk) is logged at INFO: the run
  stops and says so in one line.
- `OneLineErrors` formats a record with an exception as one line ("message: ValueError: …"): the
  console of `regwatch crawl` shows problems, not stack traces (`-v` shows them; `nightly`'s log
  file keeps them).
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from scrapy.logformatter import LogFormatter

from pipelines.store import storage_error


def item_named(item: Any) -> str:
    """An item as a log line names it: its address, not its whole text (a page's HTML)."""
    url = getattr(item, "url", None) or (item.get("url") if isinstance(item, dict) else None)
    return f"{type(item).__name__} {url}" if url else type(item).__name__


class RegwatchLogFormatter(LogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any
                ) -> dict[str, Any]:
        entry = super().dropped(item, exception, response, spider)
        entry["level"] = logging.INFO
        entry["args"] = {**entry.get("args", {}), "item": item_named(item)}
        return entry

    def item_error(self, item: Any, exception: BaseException, response: Any, spider: Any
                   ) -> dict[str, Any]:
        entry = super().item_error(item, exception, response, spider)
        entry["args"] = {**entry.get("args", {}), "item": item_named(item)}
        return quiet_if_storage(entry, exception)

    def spider_error(self, failure: Any, request: Any, response: Any, spider: Any
                     ) -> dict[str, Any]:
        return quiet_if_storage(super().spider_error(failure, request, response, spider),
                                failure.value)


def quiet_if_storage(entry: dict[str, Any], error: BaseException) -> dict[str, Any]:
    """An error that says the archive cannot be written (a full disk) at INFO: it stops the run,
    whose end says so in one line (crawler.health.stop_for_storage), not once per page."""
    if storage_error(error):
        entry["level"] = logging.INFO
    return entry


class OneLineErrors(logging.Formatter):
    """A formatter whose records are one line each, exceptions summarized, not traced."""

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            record = logging.makeLogRecord({
                **record.__dict__, "exc_info": None, "exc_text": None, "args": (),
                "msg": f"{record.getMessage()}: {type(error).__name__}: {error}"})
        return " ".join(super().format(record).split("\n"))


def console_one_line(*_: Any, **__: Any) -> None:
    """Make every root handler writing to the console print one line per record (a signal
    handler: its arguments are ignored)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and getattr(
                handler, "stream", None) in (sys.stderr, sys.stdout):
            fmt = handler.formatter
            handler.setFormatter(OneLineErrors(fmt._fmt if fmt else None,
                                               fmt.datefmt if fmt else None))
