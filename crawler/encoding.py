"""EncodingGuardMiddleware: decode every text page correctly, or report it; never keep mojibake.

Chinese government sites sometimes serve GBK pages without a charset, or with a wrong one
(``charset=utf-8`` on GBK bytes, ``charset=gbk`` on UTF-8 bytes). Scrapy decodes such bodies
with ``errors="replace"``, which silently stores U+FFFD or mojibake. This middleware checks
that the body decodes *strictly* with the encoding Scrapy chose, and otherwise picks the
encoding that does: UTF-8, the charset of a ``<meta>`` tag, then GB18030 (a superset of GBK
and GB2312). A body that decodes under none of them is a source problem and is dropped.
"""

from __future__ import annotations

import codecs
import logging

from scrapy.crawler import Crawler
from scrapy.http import Request, Response, TextResponse
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

from crawler.requests import Skipped
from pipelines.problems import report_problem

logger = logging.getLogger(__name__)

FIXED_STAT = "regwatch/encoding_fixed"
FALLBACK_ENCODING = "gb18030"
# Single-byte codecs that "decode" almost any bytes: a strict decode proves nothing with them.
_PERMISSIVE = {"cp1252", "iso8859-1", "latin-1", "iso8859-15"}
# Files that are not text whatever Scrapy's class for them: an annex PDF whose first bytes look
# like text becomes a TextResponse, and guessing its "encoding" ran a charset detector over it.
# (application/octet-stream is not among them: a server that knows no type for an HTML page says
# so, and such a page is decoded like any other; the magic bytes tell an annex file.)
_BINARY_TYPES = ("application/pdf", "application/zip", "application/msword",
                 "application/vnd.", "image/")
_BINARY_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def codec_name(encoding: str | None) -> str | None:
    """Python's canonical codec name for an encoding label, or None if unknown."""
    if not encoding:
        return None
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def decodes(body: bytes, encoding: str | None) -> bool:
    """Whether body decodes strictly (no replacement character needed) with encoding."""
    if not encoding:
        return False
    try:
        body.decode(encoding, errors="strict")
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def declared_encodings(response: TextResponse) -> list[str]:
    """Canonical codec names the response declares: Content-Type header first, then <meta>."""
    header = response.headers.get(b"Content-Type")
    labels = [
        http_content_type_encoding(header.decode("latin-1")) if header else None,
        html_body_declared_encoding(response.body),
    ]
    names = [codec_name(label) for label in labels]
    return [name for name in names if name]


def is_binary_file(response: Response) -> bool:
    """Whether the response is a file (PDF, spreadsheet, archive, image), not a page of text."""
    header = response.headers.get(b"Content-Type") or b""
    mimetype = header.split(b";", 1)[0].strip().decode("latin-1").lower()
    return mimetype.startswith(_BINARY_TYPES) or response.body.startswith(_BINARY_MAGIC)


def choose_encoding(response: TextResponse) -> str | None:
    """The encoding the body should be decoded with, or None when no candidate decodes it.

    Returns the response's current encoding when it is right.
    """
    body = response.body
    current = codec_name(response.encoding)
    if not body or body.isascii():
        return current
    # Non-ASCII valid UTF-8 has multi-byte sequences: real GBK text is practically never valid
    # UTF-8, so this wins even over a (wrong) gbk header.
    if decodes(body, "utf-8"):
        return "utf-8"
    declared = declared_encodings(response)
    trusted = current in declared and current not in _PERMISSIVE
    if trusted and decodes(body, current):
        return current
    meta = codec_name(html_body_declared_encoding(body))
    for candidate in (meta, FALLBACK_ENCODING):
        if decodes(body, candidate):
            return candidate
    # Last resort: an explicitly declared single-byte charset that decodes is believed.
    if current in declared and decodes(body, current):
        return current
    return None


class EncodingGuardMiddleware:
    """Downloader middleware: re-decodes text responses whose declared encoding is wrong."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> EncodingGuardMiddleware:
        return cls(crawler)

    def _spider_name(self) -> str:
        spider = getattr(self.crawler, "spider", None)
        return getattr(spider, "name", None) or "?"

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, TextResponse) or is_binary_file(response):
            return response
        current = codec_name(response.encoding)
        chosen = choose_encoding(response)
        if chosen is None:
            message = f"undecodable page (declared {response.encoding}) at {response.url}"
            report_problem(self.crawler.stats, self._spider_name(), message)
            raise Skipped(message)
        if chosen == current:
            return response
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(FIXED_STAT)
        logger.info(
            "re-decoded %s as %s (declared/inferred %s)", response.url, chosen, response.encoding
        )
        return response.replace(encoding=chosen)
