"""Network behaviour of a real crawl on real sockets: status codes, timeouts, resets, 304s.

A standard-library HTTP server on 127.0.0.1 (a free port, one thread per connection, HTTP/1.1
keep-alive) serves MOFCOM-shaped pages whose answers each test programs per path. Every crawl is
one child process (tests/netcrawl.py: the real MofcomSpider parsers, the project's settings,
middlewares, pipelines and SourceHealth extension) writing a real SQLite archive. The tests
assert on that archive and on the server's request log.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipelines.archive import Archive

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
NETCRAWL = TESTS / "netcrawl.py"
HOST = "www.mofcom.gov.cn"  # resolved to 127.0.0.1 by netcrawl.LoopbackResolver
CRAWL_TIMEOUT = 60  # seconds, per child process
DOWNLOAD_TIMEOUT = 1.0  # seconds, Scrapy's DOWNLOAD_TIMEOUT in the child
SLOW = 10.0  # seconds a "slow" answer would take (released at teardown): >> DOWNLOAD_TIMEOUT

NIGHT_1 = "2025-11-08"
NIGHT_2 = "2025-11-09"
NIGHT_1_PLUS_8 = "2025-11-16"

LIST_PATH = "/zwgk/zcfb/index.html"


# --- the server ---------------------------------------------------------------------------------


@dataclass
class Route:
    """How the server answers one path."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    conditional: bool = True  # answer 304 when the request's validators match
    delay: float = 0.0  # seconds before answering
    reset: bool = False  # abort the connection (RST) without answering
    location: str | None = None  # a redirect's Location header


@dataclass
class Hit:
    """One request the server received, and what it answered (None: no answer)."""

    method: str
    path: str
    headers: dict[str, str]
    status: int | None = None


class LoopbackServer:
    """A programmable HTTP server on 127.0.0.1, with a log of the requests it received."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Hit] = []
        self.lock = threading.Lock()
        self.release = threading.Event()  # wakes slow handlers up at teardown
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
            name="loopback-http", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def reset_state(self) -> None:
        with self.lock:
            self.routes.clear()
            self.log.clear()
        self.release.set()  # a slow handler left over from the previous test answers now
        self.release = threading.Event()

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    def hits(self, path: str | None = None) -> list[Hit]:
        with self.lock:
            return [hit for hit in self.log if path is None or hit.path == path]

    def _route(self, path: str) -> Route | None:
        with self.lock:
            return self.routes.get(path)

    def _record(self, hit: Hit) -> None:
        with self.lock:
            self.log.append(hit)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real servers do

            def log_message(self, format: str, *args: object) -> None:
                pass  # the request log is server.log

            def do_GET(self) -> None:
                hit = Hit("GET", self.path, {k.lower(): v for k, v in self.headers.items()})
                server._record(hit)
                route = server._route(self.path)
                if route is None:
                    route = Route(status=404, body=b"not found", content_type="text/plain")
                if route.delay:
                    server.release.wait(route.delay)
                if route.reset:
                    self._reset()
                    return
                if self._not_modified(route):
                    hit.status = 304
                    self._answer(304, route, b"")
                else:
                    hit.status = route.status
                    self._answer(route.status, route, route.body)

            def _not_modified(self, route: Route) -> bool:
                if not route.conditional or route.status != 200:
                    return False
                etag = self.headers.get("If-None-Match")
                if etag is not None and route.etag:
                    return route.etag in [t.strip() for t in etag.split(",")]
                since = self.headers.get("If-Modified-Since")
                return since is not None and since == route.last_modified

            def _answer(self, status: int, route: Route, body: bytes) -> None:
                try:
                    self.send_response(status)
                    if route.etag:
                        self.send_header("ETag", route.etag)
                    if route.last_modified:
                        self.send_header("Last-Modified", route.last_modified)
                    if route.location:
                        self.send_header("Location", route.location)
                    if status != 304:
                        self.send_header("Content-Type", route.content_type)
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if body:
                        self.wfile.write(body)
                    self.wfile.flush()
                except OSError:  # the client gave up (timeout) and closed the connection
                    self.close_connection = True

            def _reset(self) -> None:
                """Close the socket with SO_LINGER 0: the client gets a TCP RST, no answer."""
                self.close_connection = True
                sock = self.connection
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.rfile.close()  # drop the makefile() reference so close() really closes
                sock.close()

        return Handler


@pytest.fixture(scope="module")
def _loopback() -> Iterator[LoopbackServer]:
    server = LoopbackServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def server(_loopback: LoopbackServer) -> Iterator[LoopbackServer]:
    """The module's server with no routes and an empty log; slow handlers released after."""
    _loopback.reset_state()
    yield _loopback
    _loopback.reset_state()


# --- MOFCOM-shaped pages ------------------------------------------------------------------------


@dataclass
class Article:
    number: int
    year: int
    pub_date: str  # as in <meta name="PubDate">
    subject: str
    unit: str = "安全与管制局"
    path: str = field(init=False)
    etag: str = field(init=False)
    last_modified: str = "Thu, 09 Oct 2025 01:00:00 GMT"

    def __post_init__(self) -> None:
        digest = hashlib.md5(f"{self.year}-{self.number}".encode()).hexdigest()
        self.path = f"/zwgk/zcfb/art/{self.year}/art_{digest}.html"
        self.etag = f'"{digest[:12]}"'

    @property
    def doc_number(self) -> str:
        return f"商务部公告{self.year}年第{self.number}号"

    @property
    def title(self) -> str:
        return f"{self.doc_number} {self.subject}"

    def html(self) -> bytes:
        return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="SiteName" content="中华人民共和国商务部">
<meta name="ArticleTitle" content="{self.title}">
<meta name="PubDate" content="{self.pub_date}">
<meta name="ContentSource" content="{self.unit}">
<title>{self.title}_中华人民共和国商务部</title></head>
<body>
<div class="position">当前位置：首页 > 政务公开 > 政策发布</div>
<div class="art-main">
  <h1 class="art-title">{self.title}</h1>
  <div class="art-info"><span class="time">{self.pub_date}</span>
  <span class="source">来源：{self.unit}</span></div>
  <div class="art-con" id="zoom">
<p>【发布单位】{self.unit}</p>
<p>【发布文号】{self.doc_number}</p>
<p>根据《中华人民共和国出口管制法》有关规定，{self.subject}。现将有关事项公告如下：</p>
<p style="text-indent:2em;">一、出口相关物项的，应当向商务部申请两用物项出口许可证。</p>
<p style="text-indent:2em;">商务部</p>
  </div>
</div>
<div class="footer"><p>主办单位：中华人民共和国商务部</p></div>
</body></html>""".encode()

    def route(self, **overrides: object) -> Route:
        values: dict[str, object] = {"body": self.html(), "etag": self.etag,
                                     "last_modified": self.last_modified}
        values.update(overrides)
        return Route(**values)  # type: ignore[arg-type]


NO61 = Article(61, 2025, "2025-10-09 09:00", "公布对境外相关稀土物项实施出口管制的决定")
NO62 = Article(62, 2025, "2025-10-09 09:30", "公布对稀土相关技术实施出口管制的决定")
NO70 = Article(70, 2025, "2025-11-07 18:00", "关于暂停实施有关出口管制措施的公告")
OLD = Article(28, 2023, "2023-07-03 10:00", "关于对镓、锗相关物项实施出口管制的公告")


def list_html(articles: list[Article]) -> bytes:
    items = "\n".join(
        f'  <li><a href="{a.path}" title="{a.title}" target="_blank">{a.title}</a>'
        f"<span>{a.pub_date[:10]}</span></li>" for a in articles)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政策发布_中华人民共和国商务部</title></head>
<body>
<div class="listCon">
<ul class="txtList_01">
{items}
</ul>
<div class="layui-laypage"><a href="javascript:;" data-page="2">2</a></div>
</div>
</body></html>""".encode()


def serve_site(server: LoopbackServer, articles: list[Article]) -> None:
    """A healthy list page linking to the articles, each answered with validators."""
    server.routes[LIST_PATH] = Route(body=list_html(articles))
    for article in articles:
        server.routes[article.path] = article.route()


# --- crawling in a child process ----------------------------------------------------------------


@dataclass
class Crawl:
    run_id: str
    stats: dict
    log: str


def crawl(server: LoopbackServer, tmp_path: Path, as_of: str, *, retries: int = 0,
          revisit_unlisted: int | None = None) -> Crawl:
    """One real crawl of the server's list page into tmp_path/archive.db, in a child process."""
    db = tmp_path / "archive.db"
    tag = f"{as_of}-{len(list(tmp_path.glob('crawl-*.log')))}"
    log, stats = tmp_path / f"crawl-{tag}.log", tmp_path / f"stats-{tag}.json"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("REGWATCH_") and "proxy" not in k.lower()}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, str(NETCRAWL), "--db", str(db), "--reports", str(tmp_path / "reports"),
         "--url", server.url(LIST_PATH), "--as-of", as_of, "--retries", str(retries),
         "--timeout", str(DOWNLOAD_TIMEOUT), "--log", str(log), "--stats", str(stats),
         *(["--revisit-unlisted", str(revisit_unlisted)] if revisit_unlisted is not None
           else [])],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=CRAWL_TIMEOUT)
    log_text = log.read_text(encoding="utf-8") if log.exists() else ""
    assert proc.returncode == 0, f"crawl failed:\n{proc.stderr[-3000:]}\n{log_text[-3000:]}"
    archive = Archive.open(db, create=False)
    try:
        run_id = archive.latest_run_id()
        assert run_id is not None and run_id.startswith(as_of), log_text[-3000:]
    finally:
        archive.close()
    return Crawl(run_id, json.loads(stats.read_text(encoding="utf-8")), log_text)


@pytest.fixture
def archive_of(tmp_path: Path) -> Iterator:
    """Open the test's archive (after a crawl) for assertions; closed at teardown."""
    opened: list[Archive] = []

    def open_archive() -> Archive:
        archive = Archive.open(tmp_path / "archive.db", create=False)
        opened.append(archive)
        return archive

    yield open_archive
    for archive in opened:
        archive.close()


def source_row(archive: Archive, run_id: str) -> dict:
    rows = archive.run_sources(run_id)
    assert [r["source"] for r in rows] == ["netprobe"]
    return rows[0]


def change_kinds(archive: Archive, run_id: str) -> list[str]:
    return sorted(c["kind"] for c in archive.changes(run_id))


def documents(archive: Archive) -> dict[str, dict]:
    return {row["url"]: row for row in archive.db.query("select * from documents")}


def requested(server: LoopbackServer, article: Article) -> list[Hit]:
    return server.hits(article.path)


# --- the scenarios ------------------------------------------------------------------------------


def test_healthy_crawl_stores_documents_and_validators(server, tmp_path, archive_of):
    serve_site(server, [NO61, NO62])

    run = crawl(server, tmp_path, NIGHT_1)

    archive = archive_of()
    source = source_row(archive, run.run_id)
    assert source["status"] == "ok", source
    assert (source["items"], source["unchanged"], source["problems"]) == (2, 0, [])
    assert (source["requests"], source["responses"]) == (3, 3)
    assert archive.run(run.run_id)["status"] == "completed"
    docs = documents(archive)
    assert set(docs) == {server.url(NO61.path), server.url(NO62.path)}
    for article in (NO61, NO62):
        doc = docs[server.url(article.path)]
        assert doc["title"] == article.title
        assert doc["doc_number"] == article.doc_number
        assert doc["issuing_unit"] == article.unit
        assert doc["published"] == "2025-10-09"
        assert (doc["version"], doc["last_seen"], doc["last_fetched"]) == (1, NIGHT_1, NIGHT_1)
        state = archive.fetch_state(server.url(article.path))
        assert state is not None
        assert (state["status"], state["etag"], state["last_modified"], state["last_fetched"]) == (
            200, article.etag, article.last_modified, NIGHT_1)
        # first fetch: unconditional, with the project's user agent, on the real host name
        [hit] = requested(server, article)
        assert "if-none-match" not in hit.headers and "if-modified-since" not in hit.headers
        assert hit.headers["user-agent"].startswith("regwatch/")
        assert hit.headers["host"] == f"{HOST}:{server.port}"
        assert hit.status == 200
    kinds = change_kinds(archive, run.run_id)
    assert kinds.count("new_document") == 2
    assert "source_problem" not in kinds
    assert archive.fetch_state(server.url(LIST_PATH)) is None  # list pages have no fetch state


def test_second_night_sends_validators_and_304_counts_as_unchanged(server, tmp_path, archive_of):
    serve_site(server, [NO61, NO62])
    crawl(server, tmp_path, NIGHT_1)
    server.log.clear()

    run = crawl(server, tmp_path, NIGHT_2)

    for article in (NO61, NO62):
        [hit] = requested(server, article)
        assert hit.headers.get("if-none-match") == article.etag
        assert hit.headers.get("if-modified-since") == article.last_modified
        assert hit.status == 304
    [list_hit] = server.hits(LIST_PATH)
    assert "if-none-match" not in list_hit.headers  # list pages are always fetched in full
    archive = archive_of()
    source = source_row(archive, run.run_id)
    assert source["status"] == "ok", source
    assert (source["items"], source["unchanged"], source["problems"]) == (0, 2, [])
    docs = documents(archive)
    for article in (NO61, NO62):
        doc = docs[server.url(article.path)]
        assert doc["version"] == 1
        assert doc["last_seen"] == NIGHT_2
        assert doc["last_fetched"] == NIGHT_1  # nothing was downloaded
        assert doc["last_run_id"] == run.run_id
        state = archive.fetch_state(server.url(article.path))
        assert (state["status"], state["etag"], state["last_fetched"]) == (
            304, article.etag, NIGHT_2)
    assert archive.count("document_versions") == 2
    assert change_kinds(archive, run.run_id) == []  # no document_changed, no source_problem



ANNEX_PATH = "/cms_files/filemanager/test/attach/list.pdf"
ANNEX_FILES = TESTS / "fixtures" / "annexes"


def test_an_annex_replaced_under_a_page_that_would_answer_304_is_found(server, tmp_path,
                                                                      archive_of):
    """A page that links annexes is refetched in full (its 304 would say nothing of them) and
    its annexes conditionally: a list replaced under an unchanged page is a changed document,
    and a night when nothing changed adds nothing."""
    link = f'<p><a href="{ANNEX_PATH}">附件1：清单.pdf</a></p>\n'.encode()
    shop = '<p style="text-indent:2em;">商务部</p>'.encode()
    serve_site(server, [NO61, NO62])
    for article in (NO61, NO62):  # both link the list (as copies on two sites do)
        page = article.html().replace(shop, link + shop)
        assert link in page
        server.routes[article.path] = article.route(body=page)
    first, second = (ANNEX_FILES / "sample_no21_entities.pdf").read_bytes(), (
        ANNEX_FILES / "rare_earth_list_ruled.pdf").read_bytes()
    server.routes[ANNEX_PATH] = Route(body=first, content_type="application/pdf", etag='"a1"')
    crawl(server, tmp_path, NIGHT_1)
    assert len(server.hits(ANNEX_PATH)) == 1  # downloaded once for both pages
    kept = archive_of().db.execute("select count(distinct document) from annexes").fetchone()
    assert kept == (2,)
    server.log.clear()
    server.routes[ANNEX_PATH] = Route(body=second, content_type="application/pdf", etag='"a2"')
    run = crawl(server, tmp_path, NIGHT_2)
    [hit] = requested(server, NO62)
    assert "if-none-match" not in hit.headers and hit.status == 200
    [annex_hit] = server.hits(ANNEX_PATH)  # (once for both pages)
    assert annex_hit.headers.get("if-none-match") == '"a1"' and annex_hit.status == 200
    archive = archive_of()
    changed = [c for c in archive.changes(run.run_id) if c["kind"] == "document_changed"]
    assert sorted(c["url"] for c in changed) == sorted(server.url(a.path) for a in (NO61, NO62))
    assert all([a["url"] for a in c["diff"]["annexes"]] == [server.url(ANNEX_PATH)]
               for c in changed)
    assert documents(archive)[server.url(NO62.path)]["version"] == 2
    server.log.clear()
    third = crawl(server, tmp_path, "2025-11-10")
    assert [h.status for h in server.hits(ANNEX_PATH)] == [304]
    assert change_kinds(archive, third.run_id) == []
    assert documents(archive)[server.url(NO62.path)]["version"] == 2


def test_a_page_cut_short_is_a_problem_and_the_archived_text_stays(server, tmp_path, archive_of):
    """An answer that stops mid-page (it never closes </html>; its length header agrees with
    what came) is a fetch problem: no new version, no changed document, no status moved."""
    serve_site(server, [NO61, NO62])
    crawl(server, tmp_path, NIGHT_1)
    whole = NO62.html()
    cut = whole[:whole.index("一、".encode())]
    server.routes[NO62.path] = NO62.route(body=cut, etag='"cut"', conditional=False)

    run = crawl(server, tmp_path, NIGHT_2)

    archive = archive_of()
    source = source_row(archive, run.run_id)
    assert source["status"] == "degraded", source
    [problem] = source["problems"]
    assert problem.startswith("page cut off") and NO62.path in problem, problem
    assert documents(archive)[server.url(NO62.path)]["version"] == 1
    assert change_kinds(archive, run.run_id) == ["source_problem"]


def test_old_article_is_not_refetched_until_due(server, tmp_path, archive_of):
    serve_site(server, [OLD, NO61])
    crawl(server, tmp_path, NIGHT_1)
    assert len(requested(server, OLD)) == 1
    server.log.clear()

    # the next night: the 2023 article fetched yesterday is not due; the recent one is
    night_2 = crawl(server, tmp_path, NIGHT_2)

    assert requested(server, OLD) == []
    assert [h.status for h in requested(server, NO61)] == [304]
    archive = archive_of()
    old = archive.document_by_url(server.url(OLD.path))
    assert old["published"] == "2023-07-03"
    assert (old["last_seen"], old["last_fetched"], old["last_run_id"]) == (
        NIGHT_2, NIGHT_1, night_2.run_id)
    assert archive.fetch_state(server.url(OLD.path))["last_fetched"] == NIGHT_1
    source = source_row(archive, night_2.run_id)
    assert (source["status"], source["items"], source["unchanged"]) == ("ok", 0, 2), source
    server.log.clear()

    # 8 days after its last fetch it is due again, and asked conditionally
    night_9 = crawl(server, tmp_path, NIGHT_1_PLUS_8)

    [hit] = requested(server, OLD)
    assert hit.headers.get("if-none-match") == OLD.etag
    assert hit.status == 304
    archive = archive_of()
    old = archive.document_by_url(server.url(OLD.path))
    assert (old["last_seen"], old["version"]) == (NIGHT_1_PLUS_8, 1)
    assert archive.fetch_state(server.url(OLD.path))["last_fetched"] == NIGHT_1_PLUS_8
    source = source_row(archive, night_9.run_id)
    assert (source["status"], source["unchanged"]) == ("ok", 2), source


def assert_failed_night_left_archive_alone(server, archive, run_id: str, before: dict) -> dict:
    """A failed source: problem recorded and reported, documents exactly as they were."""
    source = source_row(archive, run_id)
    assert source["status"] == "failed", source
    assert (source["items"], source["unchanged"]) == (0, 0)
    kinds = change_kinds(archive, run_id)
    assert kinds == ["source_problem"], kinds  # no document_removed, no status_changed
    assert documents(archive) == before
    assert archive.count("document_versions") == 2
    assert archive.run(run_id)["status"] == "completed"
    return source


def test_http_500_on_list_fails_the_source_and_keeps_documents(server, tmp_path, archive_of):
    serve_site(server, [NO61, NO62])
    crawl(server, tmp_path, NIGHT_1)
    archive = archive_of()
    before = documents(archive)
    assert len(before) == 2
    server.log.clear()
    server.routes[LIST_PATH] = Route(status=500, body=b"<h1>Internal Server Error</h1>")

    run = crawl(server, tmp_path, NIGHT_2, retries=1)

    assert [h.status for h in server.hits(LIST_PATH)] == [500, 500]  # RETRY_TIMES = 1
    assert requested(server, NO61) == [] and requested(server, NO62) == []
    source = assert_failed_night_left_archive_alone(server, archive, run.run_id, before)
    assert any(p.startswith("HTTP 500 for ") and LIST_PATH in p for p in source["problems"]), (
        source["problems"])
    [change] = archive.changes(run.run_id)
    assert change["source"] == "netprobe" and "HTTP 500" in change["summary"]


def test_http_403_challenge_on_list_fails_the_source(server, tmp_path, archive_of):
    serve_site(server, [NO61, NO62])
    crawl(server, tmp_path, NIGHT_1)
    archive = archive_of()
    before = documents(archive)
    server.log.clear()
    server.routes[LIST_PATH] = Route(status=403, body=b"")

    run = crawl(server, tmp_path, NIGHT_2)

    assert [h.status for h in server.hits(LIST_PATH)] == [403]
    assert len(server.hits()) == 1
    source = assert_failed_night_left_archive_alone(server, archive, run.run_id, before)
    # an empty 403 is recognised as a challenge frame (crawler.challenge) or a plain HTTP error
    assert any("HTTP 403" in p for p in source["problems"]), source["problems"]
    [change] = archive.changes(run.run_id)
    assert "HTTP 403" in change["summary"] and change["diff"]["status"] == "failed"


def assert_degraded_with_one_article(server, archive, run_id: str, missing: Article) -> str:
    """NO61 stored, `missing` not; status degraded with a fetch problem naming it."""
    source = source_row(archive, run_id)
    assert source["status"] == "degraded", source
    assert (source["items"], source["unchanged"]) == (1, 0)
    assert set(documents(archive)) == {server.url(NO61.path)}
    assert archive.fetch_state(server.url(missing.path)) is None
    [problem] = [p for p in source["problems"] if missing.path in p]
    assert problem.startswith(f"fetch failed for {server.url(missing.path)}: "), problem
    kinds = change_kinds(archive, run_id)
    assert kinds.count("source_problem") == 1 and kinds.count("new_document") == 1, kinds
    return problem


def test_slow_article_times_out_and_degrades_the_source(server, tmp_path, archive_of):
    serve_site(server, [NO61, NO62])
    server.routes[NO62.path] = NO62.route(delay=SLOW)

    run = crawl(server, tmp_path, NIGHT_1)

    assert len(requested(server, NO62)) == 1  # RETRY_TIMES = 0: asked once, never answered
    assert [h.status for h in requested(server, NO62)] == [None]
    problem = assert_degraded_with_one_article(server, archive_of(), run.run_id, NO62)
    assert "took longer than" in problem or "timeout" in problem.lower(), problem
    # Scrapy 2.19 raises its own DownloadTimeoutError for DOWNLOAD_TIMEOUT
    assert run.stats.get("downloader/exception_type_count/scrapy.exceptions.DownloadTimeoutError"
                         ) == 1, run.stats


def test_connection_reset_on_article_degrades_the_source(server, tmp_path, archive_of):
    serve_site(server, [NO61, NO62])
    server.routes[NO62.path] = NO62.route(reset=True)

    run = crawl(server, tmp_path, NIGHT_1)

    # RETRY_TIMES = 0, yet Twisted's HTTP/1.1 pool itself retries a GET once when a reused
    # keep-alive connection dies before answering (the second attempt is on a new connection)
    hits = requested(server, NO62)
    assert len(hits) in (1, 2) and all(h.status is None for h in hits), hits
    problem = assert_degraded_with_one_article(server, archive_of(), run.run_id, NO62)
    assert any(word in problem.lower() for word in ("connection", "reset", "lost")), problem


# --- bookkeeping of a night on the wire ------------------------------------------------------


def test_run_sources_counts_what_went_over_the_wire(server, tmp_path, archive_of):
    serve_site(server, [OLD, NO61])
    crawl(server, tmp_path, NIGHT_1)
    server.log.clear()

    run = crawl(server, tmp_path, NIGHT_2)

    answered = [h for h in server.hits() if h.status is not None]
    assert [h.status for h in answered] == [200, 304]  # the list page, the recent article
    source = source_row(archive_of(), run.run_id)
    assert (source["requests"], source["responses"]) == (len(server.hits()), len(answered))


def test_count_bound_catches_a_shrunken_list(server, tmp_path, archive_of):
    serve_site(server, [NO61, NO62, NO70])
    crawl(server, tmp_path, NIGHT_1)
    serve_site(server, [NO61])  # two of three articles vanished from the list

    run = crawl(server, tmp_path, NIGHT_2)

    source = source_row(archive_of(), run.run_id)
    assert (source["items"], source["unchanged"]) == (0, 1)
    assert source["status"] == "degraded", source
    assert source["problems"] == ["only 1 documents found, its last healthy run had 3"]


def test_count_bound_survives_a_night_of_304s(server, tmp_path, archive_of):
    serve_site(server, [NO61, NO62, NO70])
    crawl(server, tmp_path, NIGHT_1)
    night_2 = crawl(server, tmp_path, NIGHT_2)  # all three answered 304: healthy
    archive = archive_of()
    assert (source_row(archive, night_2.run_id)["status"],
            source_row(archive, night_2.run_id)["unchanged"]) == ("ok", 3)
    serve_site(server, [NO61])  # two of three articles vanished from the list

    run = crawl(server, tmp_path, "2025-11-10")

    source = source_row(archive, run.run_id)
    assert (source["items"], source["unchanged"]) == (0, 1)
    assert source["status"] == "degraded", source
    assert source["problems"] == ["only 1 documents found, its last healthy run had 3"]


def test_validators_of_an_unparsed_page_do_not_hide_the_problem(server, tmp_path, archive_of):
    serve_site(server, [NO61, NO62])
    crawl(server, tmp_path, NIGHT_1)
    redesigned = NO61.html().replace(b'id="zoom"', b"").replace(b'class="art-con"',
                                                                 b'class="new-layout"')
    server.routes[NO61.path] = Route(body=redesigned, etag='"redesigned"')
    night_2 = crawl(server, tmp_path, NIGHT_2)
    archive = archive_of()
    missing_body = f"required part missing: body on {server.url(NO61.path)}"
    assert missing_body in source_row(archive, night_2.run_id)["problems"]
    assert archive.document_by_url(server.url(NO61.path))["version"] == 1  # stale, as it must
    server.log.clear()

    night_3 = crawl(server, tmp_path, "2025-11-10")  # the page is still in its new layout

    source = source_row(archive, night_3.run_id)
    assert missing_body in source["problems"], source
    assert source["status"] == "degraded"


# --- archived articles no list shows any more ---------------------------------------------------

NIGHT_1_PLUS_12 = "2025-11-20"
NIGHT_1_PLUS_31 = "2025-12-09"
NIGHT_1_PLUS_32 = "2025-12-10"
OLDER = Article(15, 2023, "2023-05-10 10:00", "关于对部分无人机相关物项实施出口管制的公告")


def unlist(server: LoopbackServer, articles: list[Article]) -> None:
    """The list page shows only these articles now (the others stay at their addresses)."""
    server.routes[LIST_PATH] = Route(body=list_html(articles))


def notes(archive: Archive, run_id: str) -> list[str]:
    return source_row(archive, run_id)["notes"] or []


def test_an_article_no_list_shows_is_read_again_once_a_month(server, tmp_path, archive_of):
    serve_site(server, [OLD, NO61])
    crawl(server, tmp_path, NIGHT_1)
    unlist(server, [NO61])  # the 2023 announcement falls behind the list's first page ...
    amended = OLD.html().replace("申请两用物项出口许可证".encode(), "申请两用物项出口许可".encode()
                                 + "（含技术）".encode())
    server.routes[OLD.path] = Route(body=amended, etag='"amended"',
                                    last_modified=OLD.last_modified)  # ... and is corrected
    server.log.clear()

    night_12 = crawl(server, tmp_path, NIGHT_1_PLUS_12)
    assert requested(server, OLD) == []  # read 12 days ago: not yet
    assert notes(archive_of(), night_12.run_id) == []

    night_31 = crawl(server, tmp_path, NIGHT_1_PLUS_31)

    [hit] = requested(server, OLD)
    assert hit.headers.get("if-none-match") == OLD.etag and hit.status == 200
    archive = archive_of()
    old = archive.document_by_url(server.url(OLD.path))
    assert (old["version"], old["last_fetched"]) == (2, NIGHT_1_PLUS_31)
    assert "（含技术）" in old["body"]
    changed = [c for c in archive.changes(night_31.run_id) if c["kind"] == "document_changed"]
    assert [c["document"] for c in changed] == [old["id"]]
    source = source_row(archive, night_31.run_id)
    # the revisit is no part of the list's counts (tomorrow has none: no count bound trips)
    assert (source["status"], source["items"], source["unchanged"]) == ("ok", 0, 1), source
    [note] = notes(archive, night_31.run_id)
    assert note.startswith("read again 1 archived article that no list showed tonight")
    assert "1 changed" in note
    server.log.clear()

    night_32 = crawl(server, tmp_path, NIGHT_1_PLUS_32)
    assert requested(server, OLD) == []  # read yesterday
    assert source_row(archive_of(), night_32.run_id)["status"] == "ok"


def test_a_revisit_answered_304_is_unchanged_and_stamped(server, tmp_path, archive_of):
    serve_site(server, [OLD, NO61])
    crawl(server, tmp_path, NIGHT_1)
    unlist(server, [NO61])
    server.log.clear()

    night_31 = crawl(server, tmp_path, NIGHT_1_PLUS_31)

    assert [h.status for h in requested(server, OLD)] == [304]
    archive = archive_of()
    old = archive.document_by_url(server.url(OLD.path))
    # not downloaded again, but asked for: not again before a month has passed
    assert (old["version"], old["last_fetched"], old["revisited_on"]) == (
        1, NIGHT_1, NIGHT_1_PLUS_31)
    [note] = notes(archive, night_31.run_id)
    assert "1 unchanged" in note and "changed" not in note.replace("unchanged", "")


def test_a_revisit_that_fails_is_said_and_not_asked_again_tomorrow(server, tmp_path, archive_of):
    serve_site(server, [OLD, NO61])
    crawl(server, tmp_path, NIGHT_1)
    unlist(server, [NO61])
    server.routes[OLD.path] = Route(status=404, body=b"gone", content_type="text/plain")
    server.log.clear()

    night_31 = crawl(server, tmp_path, NIGHT_1_PLUS_31)

    assert [h.status for h in requested(server, OLD)] == [404]
    archive = archive_of()
    source = source_row(archive, night_31.run_id)
    assert source["status"] == "ok", source  # the lists are fine: no outage of the source
    [note] = notes(archive, night_31.run_id)
    assert f"1 could not be read (HTTP 404 for {server.url(OLD.path)})" in note
    old = archive.document_by_url(server.url(OLD.path))
    assert (old["version"], old["removed_on"]) == (1, None)  # nothing removed, text kept
    assert "document_removed" not in change_kinds(archive, night_31.run_id)
    server.log.clear()

    crawl(server, tmp_path, NIGHT_1_PLUS_32)
    assert requested(server, OLD) == []


def test_revisits_keep_to_the_budget_and_take_turns(server, tmp_path, archive_of):
    serve_site(server, [OLD, OLDER, NO61])
    crawl(server, tmp_path, NIGHT_1, revisit_unlisted=1)
    unlist(server, [NO61])
    server.log.clear()

    crawl(server, tmp_path, NIGHT_1_PLUS_31, revisit_unlisted=1)
    first = [a for a in (OLD, OLDER) if requested(server, a)]
    assert len(first) == 1
    server.log.clear()

    crawl(server, tmp_path, NIGHT_1_PLUS_32, revisit_unlisted=1)
    second = [a for a in (OLD, OLDER) if requested(server, a)]
    assert second and second != first  # the other one, the longest unread


def test_no_revisits_when_the_list_fails(server, tmp_path, archive_of):
    serve_site(server, [OLD, NO61])
    crawl(server, tmp_path, NIGHT_1)
    server.routes[LIST_PATH] = Route(status=500, body=b"oops", content_type="text/plain")
    server.log.clear()

    night_31 = crawl(server, tmp_path, NIGHT_1_PLUS_31)

    assert requested(server, OLD) == []
    assert notes(archive_of(), night_31.run_id) == []


def test_a_revisit_redirected_is_noted_where_it_ended(server, tmp_path, archive_of):
    serve_site(server, [OLD, NO61])
    crawl(server, tmp_path, NIGHT_1)
    unlist(server, [NO61])
    moved = OLD.path.replace("/art/", "/moved/")
    server.routes[OLD.path] = Route(status=301, body=b"", content_type="text/plain",
                                    location=server.url(moved), conditional=False)
    server.routes[moved] = Route(body=OLD.html(), etag='"moved"')
    server.log.clear()

    night_31 = crawl(server, tmp_path, NIGHT_1_PLUS_31)

    assert [h.status for h in requested(server, OLD)] == [301]
    assert [h.status for h in server.hits(moved)] == [200]
    archive = archive_of()
    [note] = notes(archive, night_31.run_id)
    assert note == ("read again 1 archived article that no list showed tonight, the longest "
                    "unread first: 1 redirected to a new address (a new document)"), note
    assert source_row(archive, night_31.run_id)["status"] == "ok"


def test_failed_downloads_are_said_in_words() -> None:
    """A reset or a cut answer is said as what happened, the exception's name in brackets, not
    a Python list of Twisted failures or an empty message after a colon."""
    from scrapy.exceptions import DownloadFailedError, ResponseDataLossError
    from twisted.internet.error import ConnectionDone
    from twisted.python.failure import Failure
    from twisted.web._newclient import ResponseFailed

    from crawler.spiders.base import describe_failure

    def failed(error: BaseException) -> Failure:
        try:
            raise error
        except BaseException:
            return Failure()

    try:
        raise DownloadFailedError("[<Failure ConnectionDone>]") from ResponseFailed(
            [Failure(ConnectionDone())])
    except DownloadFailedError:
        reset = Failure()
    assert describe_failure(reset) == (
        "the server closed the connection without an answer (ConnectionDone)")
    assert describe_failure(failed(ResponseDataLossError())) == (
        "the answer was cut short: the connection closed before all of it arrived "
        "(ResponseDataLossError)")
    assert describe_failure(failed(ValueError("odd"))) == "ValueError: odd"
