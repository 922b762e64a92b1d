"""What a request is and how it may end without a response the spider sees.

- `ARTICLE_META` marks article requests (the revisit policy and the removal check apply to
  them only).
- `Skipped` is an IgnoreRequest regwatch raises on purpose: an article not due for a refetch or
  answered 304 (counted as seen), a host backed off after a bot challenge, a page whose encoding
  problem was already reported. Any other IgnoreRequest (too many redirects, a redirect off the
  site, a filtered request) is a fetch failure, and a source problem naming the page.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.exceptions import IgnoreRequest

ARTICLE_META = "regwatch_article"
REVISIT_META = "regwatch_revisit"  # an archived article no list showed, read again


class Skipped(IgnoreRequest):
    """A request regwatch decided not to (re)fetch, or whose trouble it already reported."""


def first_url(request: Request) -> str:
    """The URL the spider asked for, before any redirect."""
    return (request.meta.get("redirect_urls") or [request.url])[0]
