"""Log formatting: a news article left out by the relevance rule is routine, not a warning."""

import logging
from typing import Any

from scrapy.logformatter import LogFormatter


class RegwatchLogFormatter(LogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any
                ) -> dict[str, Any]:
        entry = super().dropped(item, exception, response, spider)
        entry["level"] = logging.INFO
        return entry
