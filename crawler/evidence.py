"""EvidenceMiddleware: the responses behind each item, and its annex files, for the evidence store.

A spider middleware, so spiders stay parsers. For every item a callback yields it attaches
`item.responses`: the response the callback parsed (status, headers as latin-1 pairs, the body
bytes as Scrapy hands them on, protocol, whether it was fetched from an insecure_tls host or
replayed from the offline mirror), preceded by the article's earlier pages when the article spans
several (a request yielded while parsing an article carries the pages so far in its meta).

For an official page (source kind `authority`) it then downloads the annex links the spider found
(`item.annexes`: PDF, DOC, DOCX, XLS, XLSX, ZIP; pipelines.originals.is_annex_url) before the item
goes on, through Scrapy's downloader (`engine.download_async`): the same politeness (delay, one
connection per host), the offline mirror, retries, redirects and TLS checks as articles; a size cap
(`annex_max_bytes`, Scrapy's per-request `download_maxsize`); a conditional request when the
archive keeps the file. The text is read off the reactor (a thread running the limited child
process of pipelines.annex_text; a file already kept with the same SHA-256 is not read again). An
annex that cannot be fetched or is not an annex (HTTP error, over the cap, an HTML error page, a
truncated PDF, a ZIP bomb, a reader that raised or looped) is a source problem naming it; the
article goes on and is archived. Nothing here writes: the store stage keeps what makes a version
(pipelines.originals).
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.revisit import ANNEX_META
from crawler.spiders.base import ARTICLE_META
from crawler.tls import MIRROR_FLAG, fetched_insecurely
from pipelines.config import Config
from pipelines.items import Annex, AnnexFile, DocumentItem, RawResponse
from pipelines.originals import (
    annex_problem,
    internal_host,
    is_annex_url,
    known_annex,
    read_annex_file,
    refused_annex,
    sha256_of,
)
from pipelines.problems import report_problem
from pipelines.run import SourceRun, source_run_of
from pipelines.vocab import SourceKind

logger = logging.getLogger(__name__)

CHAIN_META = "regwatch_evidence_pages"  # an article's pages so far, on its further pages' requests
MAX_BYTES_SETTING = "REGWATCH_ANNEX_MAX_BYTES"
# Headers that no longer describe the body Scrapy hands on (de-chunked, decompressed): kept,
# renamed as web archives do, so a record's HTTP headers never contradict its payload.
ORIGINAL_PREFIX = "X-Archive-Orig-"


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def raw_response(response: Response) -> RawResponse:
    """What the evidence store keeps of a response."""
    headers = [(name.decode("latin-1"), value.decode("latin-1"))
               for name, values in response.headers.items() for value in values]
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = ""
    return RawResponse(
        url=response.url, status=response.status, headers=body_headers(headers, response.body),
        body=response.body, fetched_at=now_utc(), protocol=response.protocol or "HTTP/1.1",
        reason=reason, insecure_tls=fetched_insecurely(response),
        replayed=MIRROR_FLAG in response.flags)


def body_headers(headers: list[tuple[str, str]], body: bytes) -> list[tuple[str, str]]:
    """The headers, with Transfer-Encoding and a Content-Length the body does not have renamed."""
    out = []
    for name, value in headers:
        stale = name.lower() == "transfer-encoding" or (
            name.lower() == "content-length" and value.strip() != str(len(body)))
        out.append((ORIGINAL_PREFIX + name if stale else name, value))
    return out


def request_meta(response: Any) -> dict[str, Any]:
    try:
        return response.meta
    except AttributeError:  # a response without its request
        return {}


# Copies of one announcement (its /zwgk/ and /zcfb/ pages) are fetched close together: the last
# few annexes kept are reused, without holding every file of a backfill in memory.
RECENT_ANNEXES = 16


class EvidenceMiddleware:
    """Spider middleware: responses onto items; official pages' annex files fetched and read."""

    def __init__(self, crawler: Crawler, run: SourceRun, max_bytes: int) -> None:
        self.crawler = crawler
        self.run = run
        self.max_bytes = max_bytes
        # the last annexes kept, by URL (a few: each holds its file's bytes), and one download
        # of a URL at a time
        self.fetched: OrderedDict[str, AnnexFile] = OrderedDict()
        self.fetching: dict[str, asyncio.Lock] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> EvidenceMiddleware:
        max_bytes = crawler.settings.getint(MAX_BYTES_SETTING) or Config().annex_max_bytes
        return cls(crawler, source_run_of(crawler), max_bytes)

    async def process_spider_output(self, response: Response | None, result: AsyncIterator[Any]
                                    ) -> AsyncIterator[Any]:
        raw = raw_response(response) if isinstance(response, Response) else None
        meta = request_meta(response) if raw is not None else {}
        pages = [*meta.get(CHAIN_META, ()), *([raw] if raw else [])]
        async for output in result:
            if isinstance(output, DocumentItem):
                output.responses = pages
                if output.source_kind == SourceKind.AUTHORITY and output.annexes:
                    output.annex_files = await self.annex_files(output)
            elif isinstance(output, Request) and raw is not None and (
                    meta.get(CHAIN_META) or meta.get(ARTICLE_META)):
                output.meta[CHAIN_META] = pages
            yield output

    # --- annexes ----------------------------------------------------------------------------
    async def annex_files(self, item: DocumentItem) -> list[AnnexFile]:
        """The item's annex files, one after the other; a bad one is a problem, never a crash."""
        files: list[AnnexFile] = []
        for annex in item.annexes:
            if not is_annex_url(annex.url, annex.title) or any(f.url == annex.url for f in files):
                continue
            refused = self.off_limits(annex.url)
            if refused:  # a page (or someone on the way) must not make regwatch fetch this
                self.crawler.stats.inc_value("regwatch/annexes/problems")
                report_problem(self.crawler.stats, item.source,
                               annex_problem(annex.url, item.url, f"not fetched ({refused})"))
                continue
            async with self.fetching.setdefault(annex.url, asyncio.Lock()):
                files.append(await self.annex_once(item, annex))
        return files

    async def annex_once(self, item: DocumentItem, annex: Annex) -> AnnexFile:
        """The annex file, downloaded once a crawl: a file linked from another page (a copy of
        the article on another site) tonight is the same file, not fetched again."""
        earlier = self.fetched.get(annex.url)
        if earlier is not None:
            return replace(earlier, name=annex.title)
        try:
            annex_file = await self.annex_file(item.url, annex)
        except Exception as error:  # the night goes on whatever one file does
            logger.exception("annex %s", annex.url)
            annex_file = AnnexFile(annex.url, annex.title, problem=annex_problem(
                annex.url, item.url, f"{type(error).__name__}: {error}"))
        if annex_file.problem and self.run.run.fatal:
            pass  # the run stops, the archive cannot be written: its end says so, once
        elif annex_file.problem:
            self.crawler.stats.inc_value("regwatch/annexes/problems")
            report_problem(self.crawler.stats, item.source, annex_file.problem)
        elif annex_file.ok:
            self.fetched[annex.url] = annex_file
            while len(self.fetched) > RECENT_ANNEXES:
                self.fetched.popitem(last=False)
        self.fetching.pop(annex.url, None)
        return annex_file

    async def annex_file(self, article: str, annex: Annex) -> AnnexFile:
        archive = self.run.archive
        kept = archive.annex_by_url(annex.url)
        request = self.annex_request(article, annex.url, kept is not None)
        try:
            response = await self.crawler.engine.download_async(request)
        except IgnoreRequest as error:
            return self.failed(article, annex, f"not fetched ({error})")
        except Exception as error:  # a timeout, a reset, a download cut at the size cap
            return self.failed(article, annex, f"download failed: {type(error).__name__}: "
                                               f"{error}")
        if response.status == 304 and kept is not None:
            self.crawler.stats.inc_value("regwatch/annexes/not_modified")
            return known_annex(annex.url, annex.title, kept)
        if response.status != 200:
            return self.failed(article, annex, f"HTTP {response.status}")
        if len(response.body) > self.max_bytes:
            return self.failed(article, annex, f"{len(response.body)} bytes, over the cap of "
                                               f"{self.max_bytes} (annex_max_bytes)")
        raw = raw_response(response)
        sha = sha256_of(raw.body)
        self.crawler.stats.inc_value("regwatch/annexes/fetched")
        refusal = archive.annex_refusal(sha)
        if refusal is not None:  # refused before: the same problem, not read again
            return refused_annex(annex.url, annex.title, article, raw, refusal)
        same = archive.annex_by_sha256(sha)
        if same is not None:  # already read: no child process, no thread
            return read_annex_file(annex.url, annex.title, article, raw, self.max_bytes, same)
        return await maybe_deferred_to_future(deferToThread(
            read_annex_file, annex.url, annex.title, article, raw, self.max_bytes))

    def off_limits(self, url: str) -> str | None:
        """Why an annex link must not be fetched (None: it may): an internal address, or a host
        off the source's site (its spider's allowed_domains)."""
        host = urlsplit(url).hostname or ""
        if internal_host(host):
            return f"{host or 'no host'} is an internal address"
        spider = self.crawler.spider
        on_site = getattr(spider, "on_site", None)
        if on_site is not None and not on_site(url):
            return f"{host} is off the source's site"
        return None

    def annex_request(self, article: str, url: str, known: bool) -> Request:
        """A GET of the annex, capped, conditional when its last answer is kept."""
        headers = {"Referer": article}
        state = self.run.archive.fetch_state(url) if known else None
        if state and state["etag"]:
            headers["If-None-Match"] = state["etag"]
        if state and state["last_modified"]:
            headers["If-Modified-Since"] = state["last_modified"]
        # (not dont_filter: Scrapy's offsite filter also stops a redirect off the site)
        return Request(url, headers=headers,
                       meta={ANNEX_META: True, "download_maxsize": self.max_bytes})

    @staticmethod
    def failed(article: str, annex: Annex, what: str) -> AnnexFile:
        return AnnexFile(annex.url, annex.title, problem=annex_problem(annex.url, article, what))
