"""A local forward proxy for fault tests: the real network path, answers from an offline mirror.

:class:`FaultProxy` listens on 127.0.0.1 (a free port) in background threads of the test process.
A client sets ``https_proxy`` / ``http_proxy`` to :attr:`FaultProxy.url` (Scrapy honours them,
so does urllib); nothing reaches the internet, whatever host is asked for.

- ``CONNECT host:443`` is answered ``200`` and the tunnel's TLS is ended by the proxy with a
  certificate for ``host`` signed by a test CA made at start (``trustme``); the CA's PEM is
  :attr:`FaultProxy.ca_file`, for the client to trust (``REGWATCH_EXTRA_CA_FILE`` for Scrapy,
  ``ssl.create_default_context(cafile=...)`` for urllib). Requests inside the tunnel are
  ``https://host[:port]/path``.
- A plain ``GET http://host/path`` (absolute form) is ``http://host/path``.
- Every request is answered from the mirror folder with the project's own mapping
  (:func:`crawler.mirror.mirror_path`: host, path, sorted query, a form POST's fields) and file
  format (:func:`crawler.mirror.parse_mirror_file`: a saved status line and headers, or a bare
  body); a URL with no file answers 404 with an empty body, as the offline mirror does.

Faults are injected per test: ``proxy.inject(Fault(Kind.HTTP_503, "www.mofcom.gov.cn",
Scope.ARTICLES, articles=r"/art/\\d{4}/"))``. A fault's ``source`` is a host name (a ``str``:
every URL on that host) or a compiled pattern searched in the full URL; its scope narrows that to
list pages (URLs not matching ``articles``), articles (URLs matching it) or one article
(``url=``). The first injected fault that matches a request is applied (``times=N``: only to its
first N requests). Kinds: see :class:`Kind`. Certificate kinds act at CONNECT time, so they take
a host name and the whole-source scope.

Every request is logged in :attr:`FaultProxy.hits` (method, URL, status, fault applied), every
tunnel in :attr:`FaultProxy.tunnels`, every TLS handshake a client refused in
:attr:`FaultProxy.tls_failures`.

Use it as a context manager (``with FaultProxy(mirror, tmp_path / "proxy") as proxy:``): on
exit every connection is closed, slow answers are released and every thread is joined; its
files (the CA, the leaf certificates) are written only under ``workdir``.
"""

from __future__ import annotations

import datetime as dt
import http
import ipaddress
import json
import re
import socket
import ssl
import struct
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.html
import trustme
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from lxml.cssselect import CSSSelector
from scrapy import Request
from w3lib.encoding import html_to_unicode

from crawler.mirror import INDEX_FILE, guess_content_type, mirror_path, parse_mirror_file

LOOPBACK = "127.0.0.1"
MIB = 1024 * 1024
HUGE_BYTES = 20 * MIB  # the "20 MB page"
SLOW_SECONDS = 10.0  # a slow answer waits this long (released at stop): longer than any timeout
IDLE_TIMEOUT = 30.0  # an idle client connection is closed after this (a safety net)
CHUNK = 64 * 1024
RESET_PAUSE = 0.2  # seconds between the half body and the RST of RESET_MID_BODY

# Where an offsite redirect points (the proxy answers it from the mirror: a 404).
OFFSITE_HOST = "offsite.example.net"
# The name a WRONG_HOST_CERTIFICATE is issued for.
WRONG_HOST = "not-the-requested-host.example.net"
# Query parameter marking the proxy's own redirect targets (B of A->B->A, A1, A2 ... of a chain).
MARK = "regwatch-fault"

# Body containers of the project's spiders (crawler/spiders/*.py BODY_SELECTORS), removed by
# MISSING_BODY unless the fault names its own (``container=``).
BODY_CONTAINERS = (
    "#zoom", ".art-con", ".artCon", "#artCon", ".TRS_Editor", "#content", "#Content",
    "#easysiteText", ".easysite-news-text", "div.article_content", "div.article_right",
    ".art-con-bottonmLine", ".article",
)
# Elements an article link is removed with, when the link sits inside one (EMPTY_LIST).
LIST_ENTRY_TAGS = {"li", "tr", "dd", "dt"}
# Hop-by-hop and length headers of a saved answer: the proxy writes its own.
NOT_FORWARDED = {"connection", "keep-alive", "content-length", "transfer-encoding",
                 "proxy-connection"}

# A Ruishu (瑞数) challenge as www.customs.gov.cn answers it: 412, a cookie, a meta token, the
# inline $_ts script, an external script and an empty <body> (shape of the saved sample in
# shared/site-samples; the tokens are made up).
RUISHU_412_BODY = (
    b'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" '
    b'content="text/html; charset=utf-8">\n'
    b'<meta id="FaultProxyRsToken" content="0dgZEd3yTqn3Cg1pY8o0hU8pq3uYbF7u" r="m">\n'
    b'<script type="text/javascript" r="m">$_ts=window[\'$_ts\'];if(!$_ts){$_ts={};'
    b"window['$_ts']=$_ts;}$_ts.nsd=29103;$_ts.cd=\"qxrmrrAlrGEloqWh\";</script>\n"
    b'<script type="text/javascript" charset="utf-8" src="/4QbVtADbnLVIc/d.FxJzG50F.js" '
    b'r="m"></script>\n</head><body></body></html>'
)
RUISHU_412_HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Set-Cookie", "NfBCSins2OywO=60Qx8Hc1mVhKx1kVbDqvHl0Kqs1; Path=/; HttpOnly"),
]


class Kind(StrEnum):
    """What a fault does to the answer (or, for the certificate kinds, to the tunnel)."""

    HTTP_500 = "http-500"
    HTTP_502 = "http-502"
    HTTP_503 = "http-503"
    SLOW = "slow"  # the healthy answer, after FaultProxy.slow_seconds
    RESET_BEFORE_HEADERS = "reset-before-headers"  # TCP RST, nothing answered
    RESET_MID_BODY = "reset-mid-body"  # headers and half the body, then TCP RST
    CHALLENGE_412 = "challenge-412"  # a Ruishu-style 412 challenge page
    NOT_FOUND = "not-found"  # 404 (an archived article gone)
    TRUNCATED = "truncated"  # Content-Length of the whole body, half of it sent, clean close
    GBK_DECLARED_UTF8 = "gbk-declared-utf8"  # the page's text as GBK bytes, declared utf-8
    UTF8_DECLARED_GBK = "utf8-declared-gbk"  # the page's text as UTF-8 bytes, declared gbk
    HUGE = "huge"  # the page padded (an HTML comment) to FaultProxy.huge_bytes
    REDIRECT_LOOP = "redirect-loop"  # A -> B -> A -> ...
    REDIRECT_CHAIN = "redirect-chain"  # A -> A1 -> A2 -> ... (never ends)
    REDIRECT_OFFSITE = "redirect-offsite"  # A -> https://offsite.example.net/<same path>
    MISSING_BODY = "missing-body"  # the page with its body container(s) removed
    EMPTY_LIST = "empty-list"  # the list page with every article link (and its entry) removed
    FORGED_CERTIFICATE = "forged-certificate"  # a self-signed certificate for the host
    WRONG_HOST_CERTIFICATE = "wrong-host-certificate"  # from the test CA, for another name
    EXPIRED_CERTIFICATE = "expired-certificate"  # from the test CA, expired yesterday


CERTIFICATE_KINDS = frozenset({
    Kind.FORGED_CERTIFICATE, Kind.WRONG_HOST_CERTIFICATE, Kind.EXPIRED_CERTIFICATE})
SERVER_ERRORS = {Kind.HTTP_500: 500, Kind.HTTP_502: 502, Kind.HTTP_503: 503}


class Scope(StrEnum):
    """Which of a source's URLs a fault applies to."""

    SOURCE = "source"  # every URL of the source
    LISTS = "lists"  # URLs that do not match the fault's `articles` pattern
    ARTICLES = "articles"  # URLs that match it
    ARTICLE = "article"  # the one URL given as `url`


class Cut(StrEnum):
    """How an answer's connection ends early."""

    BEFORE_HEADERS = "before-headers"  # RST before anything is sent
    MID_BODY = "mid-body"  # RST after half the body
    TRUNCATE = "truncate"  # FIN after half the body (Content-Length promised all of it)


_HOST_NAME = re.compile(r"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$")


@dataclass
class Fault:
    """One injected fault: what (`kind`), where (`source`, `scope`, `articles`, `url`)."""

    kind: Kind
    source: str | re.Pattern[str]  # a host name, or a pattern searched in the full URL
    scope: Scope = Scope.SOURCE
    articles: str | re.Pattern[str] | None = None  # tells articles from list pages
    url: str | None = None  # the article, for Scope.ARTICLE
    container: tuple[str, ...] = BODY_CONTAINERS  # CSS selectors MISSING_BODY removes
    times: int | None = None  # applied to this many requests, then healthy; None: always

    def __post_init__(self) -> None:
        self.kind, self.scope = Kind(self.kind), Scope(self.scope)
        if isinstance(self.source, str):
            self.source = self.source.lower()
            if not _HOST_NAME.match(self.source):
                raise ValueError(f"fault source must be a host name or a re.Pattern, "
                                 f"got {self.source!r}")
        if isinstance(self.articles, str):
            self.articles = re.compile(self.articles)
        if self.scope in (Scope.LISTS, Scope.ARTICLES) or self.kind is Kind.EMPTY_LIST:
            if self.articles is None:
                raise ValueError(f"fault {self.kind} in scope {self.scope} needs `articles`, "
                                 "the pattern of article URLs")
        if self.scope is Scope.ARTICLE and not self.url:
            raise ValueError("fault scope 'article' needs `url`")
        if self.kind in CERTIFICATE_KINDS and (
                self.scope is not Scope.SOURCE or not isinstance(self.source, str)):
            raise ValueError(f"fault {self.kind} acts on a whole host: give a host name and "
                             "scope 'source'")
        if self.times is not None and self.times < 1:
            raise ValueError(f"fault times must be at least 1, got {self.times}")

    def on_host(self, host: str) -> bool:
        """True for a certificate fault on this host."""
        return self.kind in CERTIFICATE_KINDS and self.source == host.lower()

    def matches(self, url: str) -> bool:
        """True when a request for `url` falls under this (non-certificate) fault."""
        if self.kind in CERTIFICATE_KINDS or not self._in_source(url):
            return False
        if self.scope is Scope.SOURCE:
            return True
        if self.scope is Scope.ARTICLE:
            return same_resource(url, self.url or "")
        assert isinstance(self.articles, re.Pattern)
        is_article = self.articles.search(url) is not None
        return is_article if self.scope is Scope.ARTICLES else not is_article

    def _in_source(self, url: str) -> bool:
        if isinstance(self.source, str):
            return (urlsplit(url).hostname or "") == self.source
        return self.source.search(url) is not None


@dataclass
class Answer:
    """What the proxy writes back for one request."""

    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    delay: float = 0.0  # seconds to wait before answering
    cut: Cut | None = None

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def set_header(self, name: str, value: str) -> None:
        self.headers = [(k, v) for k, v in self.headers if k.lower() != name.lower()]
        self.headers.append((name, value))


@dataclass(frozen=True)
class Hit:
    """One request the proxy received, what it answered (None: nothing) and which fault."""

    method: str
    url: str
    status: int | None
    fault: Kind | None


@dataclass
class _Injected:
    fault: Fault
    remaining: int | None


# --- URLs ---------------------------------------------------------------------------------------


def same_resource(a: str, b: str) -> bool:
    """Two URLs name one resource: same host (case-insensitive), path and query; the scheme and
    a default port are ignored (a list may link http:// to an https:// page)."""
    pa, pb = urlsplit(a), urlsplit(b)
    return ((pa.hostname or "", pa.path or "/", pa.query)
            == (pb.hostname or "", pb.path or "/", pb.query))


def with_marker(url: str, value: str) -> str:
    """`url` with the proxy's redirect marker ``regwatch-fault=value`` added to its query."""
    parts = urlsplit(url)
    query = "&".join(filter(None, [parts.query, f"{MARK}={value}"]))
    return urlunsplit(parts._replace(query=query))


def split_marker(url: str) -> tuple[str, str | None]:
    """(`url` without the proxy's marker, the marker's value or None)."""
    parts = urlsplit(url)
    kept, value = [], None
    for piece in parts.query.split("&") if parts.query else []:
        if piece.startswith(f"{MARK}="):
            value = piece[len(MARK) + 1:]
        else:
            kept.append(piece)
    return urlunsplit(parts._replace(query="&".join(kept))), value


# --- page transformations -------------------------------------------------------------------------


def _media_type(answer: Answer) -> str:
    return (answer.header("Content-Type") or "").split(";", 1)[0].strip().lower()


def page_text(answer: Answer) -> tuple[str, str]:
    """(encoding, text) of an answer's body, decoded as a browser would."""
    encoding, text = html_to_unicode(answer.header("Content-Type"), answer.body)
    return encoding, text


_META_CHARSET = re.compile(r"(<meta\b[^>]*?charset\s*=\s*[\"']?)([A-Za-z0-9_.:-]+)",
                           re.IGNORECASE)


def redeclare(answer: Answer, write_as: str, declare_as: str) -> Answer:
    """The answer's text written in `write_as` bytes, but declared (Content-Type charset and
    every ``<meta … charset=…>``) as `declare_as`."""
    _, text = page_text(answer)
    text = _META_CHARSET.sub(lambda m: m.group(1) + declare_as, text)
    media = _media_type(answer) or "text/html"
    answer.body = text.encode(write_as, errors="xmlcharrefreplace")
    answer.set_header("Content-Type", f"{media}; charset={declare_as}")
    return answer


def _reencode(answer: Answer, tree: Any, encoding: str) -> None:
    text = lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")
    answer.body = text.encode(encoding, errors="xmlcharrefreplace")


def without_containers(answer: Answer, selectors: tuple[str, ...]) -> tuple[Answer, int]:
    """The answer with every element matched by `selectors` removed; and how many were."""
    encoding, text = page_text(answer)
    if not text.strip():
        return answer, 0
    tree = lxml.html.document_fromstring(text)
    removed = 0
    for selector in selectors:
        for element in CSSSelector(selector, translator="html")(tree):
            if element.getparent() is not None:
                element.drop_tree()
                removed += 1
    _reencode(answer, tree, encoding)
    return answer, removed


def without_article_links(answer: Answer, page_url: str, articles: re.Pattern[str]
                          ) -> tuple[Answer, int]:
    """The list page with every link to an article removed (with its <li>/<tr> entry), or for a
    JSON list every array element that carries an article URL; and how many were removed."""
    if "json" in _media_type(answer):
        return _json_without_articles(answer, page_url, articles)
    encoding, text = page_text(answer)
    if not text.strip():
        return answer, 0
    tree = lxml.html.document_fromstring(text)
    removed = 0
    for link in list(tree.iter("a")):
        href = link.get("href")
        if not href or not articles.search(urljoin(page_url, href.strip())):
            continue
        entry = _list_entry(link)
        if entry.getparent() is not None and _attached(entry):
            entry.drop_tree()
            removed += 1
    _reencode(answer, tree, encoding)
    return answer, removed


def _list_entry(link: Any) -> Any:
    """The <li>/<tr>/<dd>/<dt> holding a link (the link itself when there is none)."""
    for ancestor in link.iterancestors():
        if ancestor.tag in LIST_ENTRY_TAGS:
            return ancestor
        if ancestor.tag in ("ul", "ol", "table", "dl", "body"):
            break
    return link


def _attached(element: Any) -> bool:
    """Still in the document (not inside an entry already dropped)."""
    return element.getroottree().getroot().tag == "html"


def _json_without_articles(answer: Answer, page_url: str, articles: re.Pattern[str]
                           ) -> tuple[Answer, int]:
    try:
        data = json.loads(answer.body.decode("utf-8-sig"))
    except ValueError:
        return answer, 0
    removed = [0]

    def carries_article(value: Any) -> bool:
        if isinstance(value, str):
            return articles.search(urljoin(page_url, value.strip())) is not None
        if isinstance(value, dict):
            return any(carries_article(v) for v in value.values())
        if isinstance(value, list):
            return any(carries_article(v) for v in value)
        return False

    def prune(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: prune(v) for k, v in value.items()}
        if isinstance(value, list):
            kept = [prune(v) for v in value if not (isinstance(v, dict) and carries_article(v))]
            removed[0] += sum(1 for v in value if isinstance(v, dict) and carries_article(v))
            return kept
        return value

    answer.body = json.dumps(prune(data), ensure_ascii=False, indent=1).encode("utf-8")
    return answer, removed[0]


def padded(answer: Answer, size: int) -> Answer:
    """The page padded to `size` bytes with an HTML comment before ``</body>`` (or at the end)."""
    missing = size - len(answer.body)
    if missing <= 0:
        return answer
    filler_size = max(missing - len(b"<!--") - len(b"-->"), 0)
    filler = (b"regwatch fault padding " * (filler_size // 23 + 1))[:filler_size]
    comment = b"<!--" + filler + b"-->"
    at = answer.body.lower().rfind(b"</body>")
    at = len(answer.body) if at < 0 else at
    answer.body = answer.body[:at] + comment + answer.body[at:]
    return answer


# --- certificates ---------------------------------------------------------------------------------


def self_signed_pem(host: str, valid_days: int = 30) -> bytes:
    """Private key and a self-signed certificate for `host` (PEM): a forged site's."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    try:
        san: x509.GeneralName = x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        san = x509.DNSName(host)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=valid_days))
        .add_extension(x509.SubjectAlternativeName([san]), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return key_pem + cert.public_bytes(serialization.Encoding.PEM)


# --- the proxy ------------------------------------------------------------------------------------


class FaultProxy:
    """A forward proxy on 127.0.0.1 answering from a mirror folder, with injected faults."""

    def __init__(self, mirror: Path, workdir: Path, *, slow_seconds: float = SLOW_SECONDS,
                 huge_bytes: int = HUGE_BYTES, offsite_host: str = OFFSITE_HOST) -> None:
        self.mirror = Path(mirror)
        self.workdir = Path(workdir)
        self.slow_seconds = slow_seconds
        self.huge_bytes = huge_bytes
        self.offsite_host = offsite_host
        self.hits: list[Hit] = []
        self.tunnels: list[str] = []
        self.tls_failures: list[tuple[str, str]] = []
        self.errors: list[str] = []  # unexpected handler errors (a test may assert none)
        self._faults: list[_Injected] = []
        self._contexts: dict[tuple[str, Kind | None], ssl.SSLContext] = {}
        self._live: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.release = threading.Event()  # wakes slow answers up at stop
        self.workdir.mkdir(parents=True, exist_ok=True)
        self._ca = trustme.CA(organization_name="regwatch fault proxy test CA")
        self.ca_file = self.workdir / "test-ca.pem"
        self._ca.cert_pem.write_to_path(str(self.ca_file))
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle

    def start(self) -> FaultProxy:
        if not self.mirror.is_dir():
            raise ValueError(f"mirror folder not found: {self.mirror}")
        self.release.clear()
        self._server = _Server(self)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name="fault-proxy", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Release slow answers, close every connection, join every thread."""
        self.release.set()
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        with self._lock:
            live = list(self._live)
        for handle in live:
            try:
                handle.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        server.server_close()  # joins the handler threads (block_on_close)
        if self._thread is not None:
            self._thread.join(timeout=10)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the fault proxy is not running")
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        """The proxy's URL, for ``https_proxy`` / ``http_proxy``."""
        return f"http://{LOOPBACK}:{self.port}"

    def environ(self) -> dict[str, str]:
        """Environment variables routing a child process's HTTP(S) through this proxy."""
        env = {name: self.url for name in ("http_proxy", "https_proxy", "HTTP_PROXY",
                                           "HTTPS_PROXY")}
        env.update({"no_proxy": "", "NO_PROXY": ""})
        return env

    # -- faults

    def inject(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(_Injected(fault, fault.times))
        return fault

    def clear(self) -> None:
        """Remove every fault (the next requests are healthy); the logs are kept."""
        with self._lock:
            self._faults.clear()

    def hits_for(self, url: str) -> list[Hit]:
        with self._lock:
            return [hit for hit in self.hits if same_resource(hit.url, url)]

    def _take_fault(self, url: str) -> Fault | None:
        with self._lock:
            for injected in self._faults:
                if injected.remaining == 0 or not injected.fault.matches(url):
                    continue
                if injected.remaining is not None:
                    injected.remaining -= 1
                return injected.fault
        return None

    def _certificate_fault(self, host: str) -> Kind | None:
        with self._lock:
            for injected in self._faults:
                if injected.remaining != 0 and injected.fault.on_host(host):
                    if injected.remaining is not None:
                        injected.remaining -= 1
                    return injected.fault.kind
        return None

    # -- answers

    def respond(self, method: str, url: str, headers: Mapping[str, str], body: bytes
                ) -> tuple[Answer, Kind | None]:
        """The answer to one request (the mirror's, faulted as injected) and the fault."""
        target, marker = split_marker(url)
        if marker is not None:
            return self._marked_redirect(target, marker)
        fault = self._take_fault(url)
        if fault is None:
            return self.healthy(method, url, headers, body), None
        return self._faulted(fault, method, url, headers, body), fault.kind

    def healthy(self, method: str, url: str, headers: Mapping[str, str], body: bytes) -> Answer:
        """The mirror's answer: the saved status and headers, or 200; 404 when no file."""
        request = Request(url, method=method, headers=dict(headers), body=body)
        data = _read_mirror(mirror_path(self.mirror, request))
        if data is None:
            return Answer(404)
        status, saved, payload = parse_mirror_file(data)
        answer = Answer(status, [
            (name.decode("latin-1"), value.decode("latin-1"))
            for name, values in saved.items() for value in values
            if name.decode("latin-1").lower() not in NOT_FORWARDED], payload)
        if answer.header("Content-Type") is None and payload:
            guessed = guess_content_type(url, payload)
            if guessed:
                answer.set_header("Content-Type", guessed)
        return answer

    def _faulted(self, fault: Fault, method: str, url: str, headers: Mapping[str, str],
                 body: bytes) -> Answer:
        kind = fault.kind
        if kind in SERVER_ERRORS:
            status = SERVER_ERRORS[kind]
            return _html_answer(status, f"<h1>{status} {http.HTTPStatus(status).phrase}</h1>")
        if kind is Kind.NOT_FOUND:
            return _html_answer(404, "<h1>404 Not Found</h1><p>页面不存在</p>")
        if kind is Kind.CHALLENGE_412:
            return Answer(412, list(RUISHU_412_HEADERS), RUISHU_412_BODY)
        if kind is Kind.RESET_BEFORE_HEADERS:
            return Answer(0, cut=Cut.BEFORE_HEADERS)
        if kind is Kind.REDIRECT_LOOP:
            return _redirect(with_marker(url, "loop"))
        if kind is Kind.REDIRECT_CHAIN:
            return _redirect(with_marker(url, "chain-1"))
        if kind is Kind.REDIRECT_OFFSITE:
            parts = urlsplit(url)
            return _redirect(urlunsplit(parts._replace(netloc=self.offsite_host)))
        answer = self.healthy(method, url, headers, body)
        if kind is Kind.SLOW:
            answer.delay = self.slow_seconds
        elif kind is Kind.RESET_MID_BODY:
            answer.cut = Cut.MID_BODY
        elif kind is Kind.TRUNCATED:
            answer.cut = Cut.TRUNCATE
        elif kind is Kind.GBK_DECLARED_UTF8:
            redeclare(answer, "gbk", "utf-8")
        elif kind is Kind.UTF8_DECLARED_GBK:
            redeclare(answer, "utf-8", "gbk")
        elif kind is Kind.HUGE:
            padded(answer, self.huge_bytes)
        elif kind is Kind.MISSING_BODY:
            without_containers(answer, fault.container)
        elif kind is Kind.EMPTY_LIST:
            assert isinstance(fault.articles, re.Pattern)
            without_article_links(answer, url, fault.articles)
        return answer

    def _marked_redirect(self, target: str, marker: str) -> tuple[Answer, Kind | None]:
        """B of a loop redirects back to A; An of a chain to An+1."""
        if marker == "loop":
            return _redirect(target), Kind.REDIRECT_LOOP
        if marker.startswith("chain-") and marker[6:].isdigit():
            return _redirect(with_marker(target, f"chain-{int(marker[6:]) + 1}")), (
                Kind.REDIRECT_CHAIN)
        return _html_answer(400, f"unknown {MARK} marker {marker!r}"), None

    def _record(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)

    # -- TLS

    def server_context(self, host: str) -> ssl.SSLContext:
        """The TLS context ending a tunnel to `host`: a test-CA certificate for it, unless a
        certificate fault is injected for the host."""
        host = host.lower()
        kind = self._certificate_fault(host)
        with self._lock:
            context = self._contexts.get((host, kind))
            if context is None:
                context = self._make_context(host, kind)
                self._contexts[(host, kind)] = context
        return context

    def _make_context(self, host: str, kind: Kind | None) -> ssl.SSLContext:
        if kind is Kind.FORGED_CERTIFICATE:
            pem = self_signed_pem(host)
        elif kind is Kind.WRONG_HOST_CERTIFICATE:
            pem = self._ca.issue_cert(WRONG_HOST).private_key_and_cert_chain_pem.bytes()
        elif kind is Kind.EXPIRED_CERTIFICATE:
            now = dt.datetime.now(dt.UTC)
            pem = self._ca.issue_cert(
                host, not_before=now - dt.timedelta(days=60),
                not_after=now - dt.timedelta(days=1)).private_key_and_cert_chain_pem.bytes()
        else:
            pem = self._ca.issue_cert(host).private_key_and_cert_chain_pem.bytes()
        folder = self.workdir / "certs"
        folder.mkdir(exist_ok=True)
        path = folder / f"{re.sub(r'[^a-z0-9.-]', '_', host)}-{kind or 'good'}.pem"
        path.write_bytes(pem)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(path))
        return context

    # -- bookkeeping of connections

    def _track(self, handle: socket.socket) -> None:
        with self._lock:
            self._live.add(handle)

    def _untrack(self, handle: socket.socket) -> None:
        with self._lock:
            self._live.discard(handle)


def _read_mirror(path: Path | None) -> bytes | None:
    """A mirror file's bytes (a folder's index.html for a folder), or None when missing."""
    if path is None:
        return None
    if path.is_dir():
        path = path / INDEX_FILE
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


def _html_answer(status: int, html: str) -> Answer:
    return Answer(status, [("Content-Type", "text/html; charset=utf-8")],
                  f"<!DOCTYPE html><html><body>{html}</body></html>".encode())


def _redirect(location: str) -> Answer:
    answer = _html_answer(302, f'<a href="{location}">moved</a>')
    answer.set_header("Location", location)
    return answer


# --- the server -------------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = True  # server_close() joins every handler thread

    def __init__(self, proxy: FaultProxy) -> None:
        self.proxy = proxy
        super().__init__((LOOPBACK, 0), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):  # a client going away is not worth noting
            self.proxy.errors.append(f"{type(error).__name__}: {error}")


class _Writer:
    """A write-all file object over a (TLS) socket."""

    closed = False

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def write(self, data: bytes) -> int:
        self.sock.sendall(data)
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers and proxies do
    timeout = IDLE_TIMEOUT
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.tunnel: tuple[str, int] | None = None
        self.tls: ssl.SSLSocket | None = None
        # a second descriptor of the client socket: shut down at stop, also under TLS
        self.handle_dup: socket.socket | None = self.connection.dup()
        self.server.proxy._track(self.handle_dup)

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass
        if self.tls is not None:
            self.tls.close()
        self._drop_handle()

    def _drop_handle(self) -> None:
        if self.handle_dup is not None:
            self.server.proxy._untrack(self.handle_dup)
            self.handle_dup.close()
            self.handle_dup = None

    def log_message(self, format: str, *args: object) -> None:
        pass  # the request log is FaultProxy.hits

    # -- CONNECT

    def do_CONNECT(self) -> None:
        host, _, port = self.path.rpartition(":")
        host = host.strip("[]").lower()
        if not host or not port.isdigit():
            self.send_error(400, "CONNECT needs host:port")
            return
        proxy = self.server.proxy
        with proxy._lock:
            proxy.tunnels.append(host)
        context = proxy.server_context(host)
        self.send_response(200, "Connection established")
        self.end_headers()
        self.wfile.flush()
        try:
            tls = context.wrap_socket(self.connection, server_side=True)
        except (ssl.SSLError, OSError) as error:
            with proxy._lock:
                proxy.tls_failures.append((host, str(error)))
            self.close_connection = True
            return
        self.rfile.close()
        self.tls, self.connection = tls, tls
        self.rfile = tls.makefile("rb", self.rbufsize)
        self.wfile = _Writer(tls)
        self.tunnel = (host, int(port))
        self.close_connection = False

    # -- requests

    def do_GET(self) -> None:
        self._forward()

    do_POST = do_HEAD = do_PUT = do_DELETE = do_OPTIONS = do_GET

    def _forward(self) -> None:
        url = self._request_url()
        if url is None:
            self.send_error(400, "not a proxy request (absolute URL or CONNECT tunnel)")
            return
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.send_error(501, "chunked request bodies are not supported by the fault proxy")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        proxy = self.server.proxy
        answer, kind = proxy.respond(self.command, url, dict(self.headers.items()), body)
        status = None if answer.cut is Cut.BEFORE_HEADERS else answer.status
        proxy._record(Hit(self.command, url, status, kind))
        self._write(answer, head_only=self.command == "HEAD")

    def _request_url(self) -> str | None:
        if self.path.startswith(("http://", "https://")):
            return self.path
        if self.tunnel is None or not self.path.startswith("/"):
            return None
        host, port = self.tunnel
        netloc = host if port == 443 else f"{host}:{port}"
        return f"https://{netloc}{self.path}"

    def _write(self, answer: Answer, *, head_only: bool) -> None:
        if answer.delay:
            self.server.proxy.release.wait(answer.delay)
        if answer.cut is Cut.BEFORE_HEADERS:
            self._reset()
            return
        self.send_response(answer.status)
        for name, value in answer.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        if answer.cut is not None:
            self.send_header("Connection", "close")
        self.end_headers()
        if head_only:
            return
        if answer.cut is None:
            for start in range(0, len(answer.body), CHUNK):
                self.wfile.write(answer.body[start:start + CHUNK])
            return
        self.wfile.write(answer.body[:len(answer.body) // 2])
        if answer.cut is Cut.MID_BODY:
            # let the client read the headers and the half body first: a RST makes the
            # kernel drop what the client has not read yet
            self.server.proxy.release.wait(RESET_PAUSE)
            self._reset()
        else:
            self._close_cleanly()

    def _reset(self) -> None:
        """Close with SO_LINGER 0: the client gets a TCP RST."""
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self._close_all()

    def _close_cleanly(self) -> None:
        """A FIN (no TLS close_notify): the body ends where it was cut."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._close_all()

    def _close_all(self) -> None:
        """Close every descriptor of the connection, so the socket really closes now."""
        self.rfile.close()
        self._drop_handle()
        self.connection.close()
