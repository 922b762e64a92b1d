"""Offline mirror: answer requests from a folder instead of the network (docs/REFERENCE.md).

Enabled by the ``REGWATCH_MIRROR`` setting (``regwatch crawl --mirror DIR``). The spiders are
unchanged: :class:`MirrorMiddleware` sits at the end of the downloader-middleware chain and returns
a response built from a file for every request, so nothing reaches the network.

Mapping of a request to a file (:func:`mirror_path`):

- ``http(s)://<host>[:port]/<path>`` -> ``DIR/<host>/<path>``; the scheme and the port are ignored,
  the host is lower-cased.
- A path that is empty or ends in ``/`` maps to ``index.html`` in that folder. A path naming a
  folder of the mirror (no trailing slash) is answered by that folder's ``index.html``.
- Path segments are percent-decoded (UTF-8; bytes that are not UTF-8 map to the same raw bytes in
  the file name, as on a Linux disk), so ``/政策/`` and ``/%E6%94%BF%E7%AD%96/`` find one file.
- The query is part of the file name: ``DIR/<host>/<path>?<query>`` with the parameters sorted by
  name (code-point order; the order of equal names is kept). Names and values are written
  percent-decoded, except that ``% & = + # /`` and whitespace or control characters stay
  percent-encoded (``%XX``, upper case) so the name is unambiguous. Blank values are kept
  (``?a=&b`` -> ``a=&b=``); an empty query adds nothing.
- A POST whose body is ``application/x-www-form-urlencoded`` (a ``FormRequest``) is looked up the
  same way, its form fields taking the place of the query (merged with the URL's query, if any,
  then sorted). Other request bodies are ignored for the lookup.
- A path that would leave the mirror (a ``..`` segment, an encoded ``/`` inside a segment, a NUL)
  is treated as missing: answered 404, never read.

The file's content (:func:`parse_mirror_file`):

- A file that begins with an HTTP status line (``HTTP/1.1 412 Precondition Failed``) carries that
  status and the headers above the first blank line (CRLF or LF), as ``wget --save-headers``
  writes them. When several header blocks follow one another (redirects or ``100 Continue``, as
  ``curl -iL`` writes them), the LAST block before the body wins. ``Content-Length`` and
  ``Transfer-Encoding`` are dropped (the body on disk is complete and de-chunked);
  ``Content-Encoding`` is kept only for a gzip body that really starts with the gzip magic bytes,
  since saved bodies are normally already decoded.
- Any other file: status 200.
- When no ``Content-Type`` is given, one is guessed from the URL's extension (``.html``,
  ``.shtml``, ``.htm`` -> ``text/html``; ``.json`` -> ``application/json``; a few more), or, with
  no extension, ``application/json`` for a body starting with ``{`` or ``[``. No charset is added:
  the page's own declarations and Scrapy's detection decide the encoding.
- A URL with no file answers 404 with an empty body.

Every response has ``url == request.url`` (never a file path), the response class Scrapy would
choose for the same headers and body (``scrapy.responsetypes``) and ``flags == ["mirror"]``.
Stats: ``regwatch/mirror/hits`` and ``regwatch/mirror/misses``.

Redirects and HTTP errors work as on the network: a saved ``301`` with a ``Location`` header is
followed by Scrapy's RedirectMiddleware (and the new URL looked up in the mirror); a ``412`` or a
``404`` reaches the spider's errback through HttpErrorMiddleware.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qsl, unquote, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

INDEX_FILE = "index.html"
FLAG = "mirror"
HITS_STAT = "regwatch/mirror/hits"
MISSES_STAT = "regwatch/mirror/misses"

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"

# Content types guessed from the URL's extension when the file carries no Content-Type header.
CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html",
    ".htm": "text/html",
    ".shtml": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".json": "application/json",
    ".xml": "text/xml",
    ".rss": "application/rss+xml",
    ".txt": "text/plain",
    ".js": "application/javascript",
    ".css": "text/css",
    ".pdf": "application/pdf",
}

# Response headers that describe the transfer, not the body on disk.
DROPPED_HEADERS = {b"content-length", b"transfer-encoding"}
GZIP_MAGIC = b"\x1f\x8b"

STATUS_LINE = re.compile(rb"HTTP/\d(?:\.\d)?[ \t]+(\d{3})\b[^\r\n]*")
BLANK_LINE = re.compile(rb"\r?\n\r?\n")

# Characters kept percent-encoded in a query written into a file name.
_QUERY_RESERVED = set("%&=+#/")


# --- request -> file ------------------------------------------------------------------------


def mirror_path(root: Path, request: Request) -> Path | None:
    """The file that answers ``request`` in the mirror at ``root``, or None when the URL cannot
    map inside the mirror (no host, ``..`` traversal, an encoded ``/`` or NUL in a segment).

    The file need not exist; see the module docstring for the mapping.
    """
    parts = urlsplit(request.url)
    host = (parts.hostname or "").lower()
    if not _safe_segment(host):
        return None
    segments = _path_segments(parts.path)
    if segments is None:
        return None
    name = segments.pop() if segments else ""
    query = mirror_query(_query_pairs(parts.query, request))
    filename = (name or INDEX_FILE) + (f"?{query}" if query else "")
    if not _safe_segment(filename):
        return None
    return Path(root, host, *segments, filename)


def mirror_query(pairs: Iterable[tuple[str, str]]) -> str:
    """The query as written in a mirror file name: sorted by name (stable), escaped minimally."""
    ordered = sorted(pairs, key=lambda pair: pair[0])
    return "&".join(f"{_escape(name)}={_escape(value)}" for name, value in ordered)


def _path_segments(path: str) -> list[str] | None:
    """Percent-decoded path segments (the last one empty for a folder), or None when unsafe."""
    raw = path.split("/")
    segments: list[str] = []
    for index, segment in enumerate(raw):
        decoded = unquote(segment, encoding="utf-8", errors="surrogateescape")
        is_last = index == len(raw) - 1
        if decoded in ("", ".") and not is_last:
            continue  # leading slash, '//' and '/./' add nothing
        if decoded == "." and is_last:
            decoded = ""
        if decoded and not _safe_segment(decoded):
            return None
        segments.append(decoded)
    return segments


def _safe_segment(segment: str) -> bool:
    """A non-empty file or folder name that stays where it is put."""
    if not segment or segment in (".", ".."):
        return False
    return "/" not in segment and "\0" not in segment


def _query_pairs(query: str, request: Request) -> list[tuple[str, str]]:
    """The URL's query parameters plus, for a form POST, the form fields."""
    pairs = _parse_pairs(query)
    if request.method.upper() == "POST" and _is_form(request):
        body = request.body.decode("ascii", errors="surrogateescape")
        pairs.extend(_parse_pairs(body))
    return pairs


def _parse_pairs(text: str) -> list[tuple[str, str]]:
    return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="surrogateescape")


def _is_form(request: Request) -> bool:
    content_type = request.headers.get(b"Content-Type") or b""
    mimetype = content_type.split(b";", 1)[0].strip().decode("latin-1").lower()
    return mimetype == FORM_CONTENT_TYPE


def _escape(text: str) -> str:
    """Percent-encode only what would make a file-name query ambiguous or unprintable."""
    out: list[str] = []
    for char in text:
        if char in _QUERY_RESERVED or char.isspace() or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append("".join(f"%{byte:02X}" for byte in char.encode("utf-8")))
        else:
            out.append(char)
    return "".join(out)


# --- file -> response -----------------------------------------------------------------------


def parse_mirror_file(data: bytes) -> tuple[int, Headers, bytes]:
    """Status, headers and body of a mirror file (a saved HTTP answer or a bare body)."""
    status, header_lines, body = 200, b"", data
    while match := STATUS_LINE.match(body):
        status = int(match.group(1))
        rest = body[match.end() :]
        blank = BLANK_LINE.search(rest)
        if blank is None:  # headers only, no blank line: an empty body
            header_lines, body = rest, b""
            break
        header_lines, body = rest[: blank.start()], rest[blank.end() :]
    headers = _parse_headers(header_lines)
    _drop_transfer_headers(headers, body)
    return status, headers, body


def _parse_headers(block: bytes) -> Headers:
    """Headers of one saved block; folded continuation lines are joined, junk lines skipped."""
    fields: list[list[bytes]] = []
    for line in re.split(rb"\r?\n", block):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1][1] += b" " + line.strip()
        elif b":" in line:
            name, value = line.split(b":", 1)
            if name.strip():
                fields.append([name.strip(), value.strip()])
    headers = Headers()
    for name, value in fields:
        headers.appendlist(name, value)
    return headers


def _drop_transfer_headers(headers: Headers, body: bytes) -> None:
    for name in list(headers.keys()):
        if name.lower() in DROPPED_HEADERS:
            del headers[name]
    encoding = (headers.get(b"Content-Encoding") or b"").strip().lower()
    if encoding and not (encoding in (b"gzip", b"x-gzip") and body.startswith(GZIP_MAGIC)):
        del headers[b"Content-Encoding"]


def guess_content_type(url: str, body: bytes) -> str | None:
    """A Content-Type from the URL path's extension, or JSON for an extension-less JSON body."""
    name = PurePosixPath(urlsplit(url).path).name or INDEX_FILE
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in CONTENT_TYPES:
        return CONTENT_TYPES[suffix]
    if not suffix and body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        return "application/json"
    return None


def build_response(request: Request, status: int, headers: Headers, body: bytes) -> Response:
    """A response of the class Scrapy would choose, at the request's real URL."""
    if b"Content-Type" not in headers and body:
        content_type = guess_content_type(request.url, body)
        if content_type:
            headers[b"Content-Type"] = content_type
    cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
    return cls(
        url=request.url, status=status, headers=headers, body=body, flags=[FLAG], request=request
    )


# --- the middleware -------------------------------------------------------------------------


def check_mirror_root(path: str | Path) -> Path:
    """The mirror folder as a Path; ValueError when it does not exist or is not a folder."""
    root = Path(path).expanduser()
    if not root.is_dir():
        raise ValueError(f"mirror folder not found: {path}")
    return root


class MirrorMiddleware:
    """Downloader middleware answering every request from the mirror folder (never the network)."""

    def __init__(self, root: str | Path, stats: StatsCollector | None = None) -> None:
        self.root = check_mirror_root(root)
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MirrorMiddleware:
        root = crawler.settings.get("REGWATCH_MIRROR")
        if not root:
            raise NotConfigured  # no mirror: the network answers (a bare one is not logged)
        return cls(root, stats=crawler.stats)

    def process_request(self, request: Request) -> Response:
        path = mirror_path(self.root, request)
        data = self._read(path)
        if data is None:
            self._count(MISSES_STAT)
            logger.debug("mirror miss: %s (%s)", request.url, path)
            return build_response(request, 404, Headers(), b"")
        self._count(HITS_STAT)
        status, headers, body = parse_mirror_file(data)
        return build_response(request, status, headers, body)

    @staticmethod
    def _read(path: Path | None) -> bytes | None:
        """The file's bytes (a folder's index.html for a folder), or None when missing."""
        if path is None:
            return None
        if path.is_dir():
            path = path / INDEX_FILE
        try:
            return path.read_bytes() if path.is_file() else None
        except OSError:
            return None

    def _count(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)
