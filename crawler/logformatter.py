"""Logging: what is routine is not a warning, and the console shows no tracebacks.

- A news article left out by the relevance rule (a dropped item) is logged at INFO.
- `OneLineErrors` formats a record with an exception as one line ("message: ValueError: …"): the
  console of `regwatch crawl` shows problems, not stack traces (`-v` shows them; `nightly`'s log
  file keeps them).
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from scrapy.logformatter import LogFormatter


class RegwatchLogFormatter(LogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any
                ) -> dict[str, Any]:
        entry = super().dropped(item, exception, response, spider)
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
