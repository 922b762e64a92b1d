"""ChallengeMiddleware: recognise bot challenges, report them once, back off. Never defeat them.

Some sites answer a crawler with a challenge instead of the page: www.customs.gov.cn's Ruishu
(瑞数) protection answers HTTP 412 with cookies, a ``<meta … r="m">`` token, an inline ``$_ts``
script, an external JS file and an empty ``<body>``; other shapes are a 403/202/200 whose body is
a JS/cookie challenge or an empty page frame, Cloudflare's "Just a moment…" (``cf-chl``) pages,
and Jiasule's HTTP 521 with a ``__jsl_clearance`` cookie script. Solving them means running the
site's obfuscated JS to forge cookies: regwatch does not do that.

What happens instead (one crawl = one spider's crawler, so all of this is per source):

- :func:`challenge_kind` (a pure function of status, headers and body) names the challenge, or
  returns None. A 200 page whose ``<body>`` has visible text is never a challenge, whatever
  scripts it carries (protected sites keep their script on real pages too); nor is a 404/410
  or a redirect.
- The first challenge from a host records ONE source problem
  (``bot challenge at <host>: <kind>; backing off, not retried``) through
  :func:`pipelines.problems.report_problem`; every challenged response counts in
  ``regwatch/challenges`` and is dropped with ``Skipped`` (crawler.requests), so the spider never
  parses it and does not report it again.
- Backing off: every later request to that host in this crawl is dropped in
  :meth:`ChallengeMiddleware.process_request` before it is fetched, counted in
  ``regwatch/challenge_skipped``. Other hosts are unaffected.

Position in ``DOWNLOADER_MIDDLEWARES`` (crawler/settings.py): **585**. Requests pass the
middlewares from low to high numbers, responses from high to low. At 585:

- responses reach it after ``HttpCompressionMiddleware`` (590) has decoded the body, so the
  markers can be read, and after ``RedirectMiddleware`` (600) has followed real redirects;
- but before ``MetaRefreshMiddleware`` (580), which would follow a challenge's
  ``<meta http-equiv="refresh">``, before ``RetryMiddleware`` (550), which would fetch a 503/429
  challenge twice more (``RETRY_HTTP_CODES``) — "not retried" is meant literally —, before the
  encoding guard (120), which would report an undecodable challenge body as an encoding problem,
  and before the spider middlewares and the spider;
- requests to a backed-off host are dropped before ``RedirectMiddleware``, the revisit policy
  (``RevisitMiddleware``, 800), the mirror (990) and the download handler, i.e. before anything
  is fetched or counted as sent.

The revisit policy still sees a challenged response before this middleware; it keeps a 200's
validators only once the page has produced a stored document, so a challenge leaves no trace
that could turn the next night's answer into a 304.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlparse

from parsel import Selector
from scrapy.crawler import Crawler
from scrapy.http import Request, Response

from crawler.requests import Skipped
from pipelines.problems import report_problem

logger = logging.getLogger(__name__)

CHALLENGES_STAT = "regwatch/challenges"
SKIPPED_STAT = "regwatch/challenge_skipped"

# Statuses that never mean a challenge: the page is plainly missing or moved.
NOT_A_CHALLENGE = {404, 410}
# Statuses with which an empty frame or a bare JS/cookie script is read as a challenge.
CHALLENGE_STATUSES = {200, 202, 403, 412, 429, 503, 521}

_RUISHU = [
    re.compile(rb"\$_ts\s*(?:=|\.|\[)"),  # $_ts=window['$_ts'] ; $_ts.nsd=… ; $_ts['…']
    re.compile(rb"<(?:meta|script)\b[^>]*\sr\s*=\s*[\"']?m[\"'\s/>]", re.IGNORECASE),
]
_CLOUDFLARE = [
    re.compile(rb"<title>\s*just a moment(?:\.\.\.|\xe2\x80\xa6)?\s*</title>", re.IGNORECASE),
    re.compile(rb"cf[-_]chl", re.IGNORECASE),  # cf-chl-…, window._cf_chl_opt
    re.compile(rb"/cdn-cgi/challenge-platform/", re.IGNORECASE),
    re.compile(rb"cf-browser-verification|attention required! \| cloudflare", re.IGNORECASE),
]
_JSL = re.compile(rb"__jsl_clearance|__jsluid", re.IGNORECASE)
_JS_COOKIE = re.compile(rb"document\.cookie\s*=", re.IGNORECASE)
_JS_RELOAD = re.compile(
    rb"location\.(?:reload|replace|href\s*=|assign)|window\.location\s*=", re.IGNORECASE
)
_HTML_START = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*<", re.DOTALL)
_HTML_TAG = re.compile(rb"<(?:!doctype|html|head|body|script|meta)\b", re.IGNORECASE)
_HIDDEN = "ancestor::script or ancestor::style or ancestor::noscript or ancestor::template"
# A bare JS/cookie script page carries at most this much visible text ("Please wait…").
JS_PAGE_MAX_TEXT = 200
# What a firewall's block page or a challenge says in its few words of visible text.
_BLOCK_WORDS = re.compile("访问被拦截|访问被阻断|拦截了您的访问|访问请求可能对网站造成安全威胁|"
                          "请(?:开启|启用|打开)\\s*javascript|enable javascript and cookies|"
                          "access denied|request blocked|request rejected", re.IGNORECASE)


def _header_values(headers: Any, name: str) -> list[bytes]:
    """All values of a header, as bytes, from Scrapy Headers, a mapping, or None."""
    if not headers:
        return []
    if hasattr(headers, "getlist"):
        values = headers.getlist(name)
    elif isinstance(headers, Mapping):
        values = []
        for key, value in headers.items():
            key_text = key.decode("latin-1") if isinstance(key, bytes) else str(key)
            if key_text.lower() == name.lower():
                values.extend(value if isinstance(value, list | tuple) else [value])
    else:
        return []
    return [v if isinstance(v, bytes) else str(v).encode("latin-1", "replace") for v in values]


def is_html(headers: Any, body: bytes) -> bool:
    """An HTML document: a body with document markup (<html>, <body>, <script>…), declared
    text/html or starting with "<". An empty body is not a page frame: it is a plain error."""
    if not _HTML_TAG.search(body[:8192]):
        return False
    content_type = b" ".join(_header_values(headers, "Content-Type")).lower()
    return b"html" in content_type or bool(_HTML_START.match(body[:512]))


def body_text(body: bytes) -> str:
    """The visible text of the document's <body> (no script, style, noscript), collapsed."""
    if not body.strip():
        return ""
    selector = Selector(text=body.decode("utf-8", errors="replace"), type="html")
    texts = selector.xpath(f"//body//text()[not({_HIDDEN})]").getall()
    return " ".join(" ".join(texts).split())


# A cheap byte check first: a 200 page with visible text in its <body> (tags, comments,
# scripts, styles and entities stripped by regular expressions) is never a challenge, and is not
# parsed a second time here (the spider parses it once). Anything else is parsed as before.
_BODY_START = re.compile(rb"<body\b", re.IGNORECASE)
_INVISIBLE = re.compile(rb"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->"
                        rb"|&[#\w]{1,10};", re.IGNORECASE | re.DOTALL)
_TEXT_BETWEEN_TAGS = re.compile(rb">[^<]*?[^\s<][^<]*<")
_BLOCK_WORDS_BYTES = re.compile(_BLOCK_WORDS.pattern.encode(), re.IGNORECASE)


def plainly_a_page(status: int, body: bytes) -> bool:
    """A 200 page with visible text in its <body>, decided on the bytes without parsing."""
    if status != 200 or _JSL.search(body) or _BLOCK_WORDS_BYTES.search(body) or (
            _JS_COOKIE.search(body) and _JS_RELOAD.search(body)):
        return False  # (parsed: its visible text may be a challenge's few words)
    start = _BODY_START.search(body)
    if start is None:
        return False
    return bool(_TEXT_BETWEEN_TAGS.search(_INVISIBLE.sub(b"", body[start.start():])))


def challenge_kind(status: int, headers: Any, body: bytes) -> str | None:
    """The kind of bot challenge a response is ("Ruishu $_ts challenge (HTTP 412)"), or None.

    None for a 404/410, a redirect, any 200 page with visible text in its <body>, and any 200
    answer that is not an HTML document.
    """
    if status in NOT_A_CHALLENGE or 300 <= status < 400:
        return None
    body = body or b""
    if plainly_a_page(status, body):
        return None
    html = is_html(headers, body)
    text = body_text(body) if html else ""
    if status == 200 and (text or not html):
        # a page with text, or a 200 that is not HTML (JSON, PDF, an empty body); but a few
        # words beside a cookie script, or a firewall's block page, are what a challenge shows
        kind = short_page_challenge(body, text) if html else None
        return f"{kind} (HTTP 200)" if kind else None
    cookies = b" ".join(_header_values(headers, "Set-Cookie"))
    if any(p.search(body) for p in _RUISHU):
        return f"Ruishu $_ts challenge (HTTP {status})"
    mitigated = b" ".join(_header_values(headers, "cf-mitigated")).lower()
    if b"challenge" in mitigated or any(p.search(body) for p in _CLOUDFLARE):
        return f"Cloudflare challenge (HTTP {status})"
    if _JSL.search(body) or (status == 521 and _JSL.search(cookies)):
        return f"JSL cookie challenge (HTTP {status})"
    if status not in CHALLENGE_STATUSES or not html:
        return None
    if _JS_COOKIE.search(body) and _JS_RELOAD.search(body) and len(text) <= JS_PAGE_MAX_TEXT:
        return f"JS cookie challenge (HTTP {status})"
    if not text:
        return f"empty page frame (HTTP {status})"
    return None


def short_page_challenge(body: bytes, text: str) -> str | None:
    """The challenge a 200 page with a few words of visible text is ("请开启JavaScript并刷新该页"
    beside a Jiasule cookie script, a firewall's "访问被拦截"), or None: a page with more text,
    or with no cookie script and no block words, is a page (protected sites keep their
    scripts, Ruishu's too, on real pages)."""
    if len(text) > JS_PAGE_MAX_TEXT:
        return None
    if _JSL.search(body):
        return "JSL cookie challenge"
    if _JS_COOKIE.search(body) and _JS_RELOAD.search(body):
        return "JS cookie challenge"
    if _BLOCK_WORDS.search(text):
        return "block page"
    return None


def host_of(url: str) -> str:
    return (urlparse(url).hostname or "").lower()


class ChallengeMiddleware:
    """Downloader middleware: drops challenged responses and backs off from their host."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.challenged: dict[str, str] = {}  # host -> the first challenge's kind

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ChallengeMiddleware:
        return cls(crawler)

    def _spider_name(self) -> str:
        spider = getattr(self.crawler, "spider", None)
        return getattr(spider, "name", None) or "?"

    def _inc(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)

    def process_request(self, request: Request) -> None:
        host = host_of(request.url)
        if host in self.challenged:
            self._inc(SKIPPED_STAT)
            raise Skipped(f"backing off from {host} (bot challenge): {request.url}")
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        kind = challenge_kind(response.status, response.headers, response.body)
        if kind is None:
            return response
        host = host_of(request.url)
        self._inc(CHALLENGES_STAT)
        if host not in self.challenged:
            self.challenged[host] = kind
            message = f"bot challenge at {host}: {kind}; backing off, not retried"
            report_problem(self.crawler.stats, self._spider_name(), message)
        else:
            logger.debug("another bot challenge at %s: %s", host, response.url)
        raise Skipped(f"bot challenge at {host}: {kind} ({response.url})")
