"""Bot challenges: recognised (challenge_kind), reported once per host, backed off from.

Pages: the saved Ruishu 412 answer of www.customs.gov.cn (tests/fixtures/customs/challenge-412.html,
in the mirror's status-line form), hand-made 403/202/521/Cloudflare answers, and real article
fixtures that must never count as challenges.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, make_spider
from scrapy.core.downloader.middleware import DownloaderMiddlewareManager
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Headers, HtmlResponse, Request, Response
from scrapy.utils.test import get_crawler

from crawler.challenge import (
    CHALLENGES_STAT,
    SKIPPED_STAT,
    ChallengeMiddleware,
    challenge_kind,
    plainly_a_page,
)
from crawler.mirror import parse_mirror_file
from crawler.runner import project_settings
from crawler.spiders.customs import CustomsSpider
from pipelines.problems import problems_of

CUSTOMS = "www.customs.gov.cn"
COLUMN = "/customs/302249/zfxxgk/2799825/302274/302275"
LIST_URL = f"https://{CUSTOMS}{COLUMN}/index.html"
ARTICLE_URL = f"https://{CUSTOMS}{COLUMN}/6736521/index.html"
MOFCOM_URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_6cb42957741440c6984de696b70df9ae.html"
RUISHU_412 = "Ruishu $_ts challenge (HTTP 412)"
PROBLEM_412 = f"bot challenge at {CUSTOMS}: {RUISHU_412}; backing off, not retried"

HTML = {"Content-Type": "text/html; charset=utf-8"}
EMPTY_FRAME = (
    b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>www.customs.gov.cn</title>'
    b'<script src="/static/check.js"></script><style>body{margin:0}</style></head>'
    b"<body>\n  <div id=\"app\"></div>\n  <noscript>Please enable JavaScript</noscript>\n"
    b"</body></html>"
)
CLOUDFLARE = (
    b"<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
    b'<meta http-equiv="refresh" content="360"></head><body>'
    b'<div class="main-wrapper"><h1>www.example.gov.cn</h1>'
    b"<h2>Checking if the site connection is secure</h2></div>"
    b"<script>(function(){window._cf_chl_opt={cvId: '3',cZone: 'www.example.gov.cn'};"
    b"var a = document.createElement('script');"
    b"a.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8a1b';"
    b"document.getElementsByTagName('head')[0].appendChild(a);}());</script></body></html>"
)
JSL_521 = (
    b"<html><body><script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')"
    b"+('e')+('a')+('r')+('a')+('n')+('c')+('e')+('=1700000000.123|0|abc');"
    b"location.href=location.pathname+location.search</script></body></html>"
)
JS_COOKIE = (
    b"<html><head><script>var x='a1b2c3';document.cookie='acw_sc__v2='+x+'; path=/';"
    b"location.reload();</script></head><body><p>Please wait...</p></body></html>"
)
NOT_FOUND = (
    b"<!DOCTYPE html><html><head><title>404</title></head>"
    b"<body><h1>404 Not Found</h1><p>The page does not exist.</p></body></html>"
)


def fixture_bytes(slug: str, name: str) -> bytes:
    return (FIXTURES / slug / name).read_bytes()


def saved_412() -> tuple[int, Headers, bytes]:
    return parse_mirror_file(fixture_bytes("customs", "challenge-412.html"))


# --- challenge_kind -------------------------------------------------------------------------


def test_saved_ruishu_412_answer() -> None:
    status, headers, body = saved_412()
    assert status == 412
    assert headers.getlist("Set-Cookie")  # the saved answer's cookie is read, not used
    assert challenge_kind(status, headers, body) == RUISHU_412


def test_ruishu_markers_with_an_empty_body_at_http_200() -> None:
    _, headers, body = saved_412()
    assert challenge_kind(200, headers, body) == "Ruishu $_ts challenge (HTTP 200)"


def test_ruishu_markers_on_a_404_are_a_missing_page_not_a_challenge() -> None:
    _, headers, body = saved_412()
    assert challenge_kind(404, headers, body) is None


def test_empty_page_frame_at_http_403() -> None:
    assert challenge_kind(403, HTML, EMPTY_FRAME) == "empty page frame (HTTP 403)"


def test_empty_page_frame_at_http_200_and_202() -> None:
    assert challenge_kind(200, HTML, EMPTY_FRAME) == "empty page frame (HTTP 200)"
    assert challenge_kind(202, None, EMPTY_FRAME) == "empty page frame (HTTP 202)"


def test_cloudflare_challenge() -> None:
    assert challenge_kind(403, HTML, CLOUDFLARE) == "Cloudflare challenge (HTTP 403)"
    assert challenge_kind(503, {}, CLOUDFLARE) == "Cloudflare challenge (HTTP 503)"


def test_cloudflare_mitigated_header() -> None:
    headers = {"cf-mitigated": "challenge", "Content-Type": "text/html"}
    assert challenge_kind(403, headers, NOT_FOUND) == "Cloudflare challenge (HTTP 403)"


def test_jsl_521_cookie_script() -> None:
    headers = {"Set-Cookie": "__jsluid_s=0123456789abcdef; path=/"}
    assert challenge_kind(521, headers, JSL_521) == "JSL cookie challenge (HTTP 521)"


def test_js_cookie_script_at_http_202() -> None:
    assert challenge_kind(202, HTML, JS_COOKIE) == "JS cookie challenge (HTTP 202)"


@pytest.mark.parametrize(
    ("slug", "name"),
    [
        ("customs", "art_219.html"),
        ("customs", "list_302275.html"),
        ("mofcom", "art_no62.html"),
        ("mofcom_consulates", "art_mt_no61_62.html"),
    ],
)
def test_normal_pages_are_not_challenges(slug: str, name: str) -> None:
    assert challenge_kind(200, HTML, fixture_bytes(slug, name)) is None


@pytest.mark.parametrize(
    ("slug", "name"),
    [("customs", "art_219.html"), ("mofcom", "art_no62.html"),
     ("mofcom_press", "art_20251113.html"), ("globaltimes", "art_1345791.shtml"),
     ("chinadaily", "art_WS695c6f2ea310d6866eb3b2a1.html")],
)
def test_a_normal_page_is_passed_on_its_bytes_without_a_second_parse(slug: str,
                                                                     name: str) -> None:
    assert plainly_a_page(200, fixture_bytes(slug, name))


def test_the_byte_check_never_passes_what_the_parse_would_flag() -> None:
    _, headers, challenge = saved_412()
    frames = [challenge, b"<html><body>   </body></html>", b"<html><body>&nbsp;</body></html>",
              b"<html><body><script>document.cookie='a=1';location.reload()</script></body>"
              b"</html>", b"<html><body><!-- nothing --><noscript>enable js</noscript></body>"
              b"</html>", b'{"rows": []}']
    for body in frames:
        assert not plainly_a_page(200, body), body
    assert not plainly_a_page(403, fixture_bytes("mofcom", "art_no62.html"))


def test_a_200_page_with_text_is_not_a_challenge_even_with_challenge_scripts() -> None:
    _, headers, body = saved_412()
    page = body.replace(b"<body></body>", b"<body><p>\xe6\xb5\xb7\xe5\x85\xb3\xe6\x80\xbb\xe7"
                                          b"\xbd\xb2\xe5\x85\xac\xe5\x91\x8a</p></body>")
    assert b"$_ts" in page
    assert challenge_kind(200, headers, page) is None


def test_plain_404_and_error_pages_are_not_challenges() -> None:
    assert challenge_kind(404, HTML, NOT_FOUND) is None
    assert challenge_kind(404, {}, b"") is None  # a mirror miss
    assert challenge_kind(403, HTML, NOT_FOUND) is None  # an error page with text
    assert challenge_kind(500, HTML, NOT_FOUND) is None


def test_non_html_and_empty_answers_are_not_challenges() -> None:
    assert challenge_kind(200, {"Content-Type": "application/json"}, b'{"rows": []}') is None
    assert challenge_kind(403, None, b'{"error": "forbidden"}') is None
    assert challenge_kind(200, None, b"") is None
    pdf = {"Content-Type": "application/pdf"}
    assert challenge_kind(200, pdf, b"%PDF-1.7 $_ts.x cf_chl") is None
    assert challenge_kind(403, HTML, b"") is None  # an empty 403 is a plain HTTP error
    assert challenge_kind(412, HTML, b"   \n") is None
    assert challenge_kind(301, {"Location": "/x"}, EMPTY_FRAME) is None


# --- the middleware ---------------------------------------------------------------------------


@pytest.fixture
def middleware() -> ChallengeMiddleware:
    spider = make_spider(CustomsSpider, settings={"REGWATCH_AS_OF": "2025-11-08"})
    spider.crawler.spider = spider
    return ChallengeMiddleware.from_crawler(spider.crawler)


def response_for(url: str, status: int, headers, body: bytes) -> Response:
    return HtmlResponse(url, status=status, headers=headers, body=body, request=Request(url))


def challenged_412(url: str = LIST_URL) -> Response:
    status, headers, body = saved_412()
    return response_for(url, status, headers, body)


def stat(mw: ChallengeMiddleware, key: str) -> int | None:
    return mw.crawler.stats.get_value(key)


def test_first_challenge_records_one_problem_and_is_dropped(middleware) -> None:
    response = challenged_412()
    with pytest.raises(IgnoreRequest, match="bot challenge"):
        middleware.process_response(response.request, response)
    assert problems_of(middleware.crawler.stats) == [PROBLEM_412]
    assert stat(middleware, CHALLENGES_STAT) == 1
    assert stat(middleware, "regwatch/problem_count") == 1


def test_later_requests_to_the_host_are_dropped_without_a_new_problem(middleware) -> None:
    first = challenged_412()
    with pytest.raises(IgnoreRequest):
        middleware.process_response(first.request, first)
    for url in (ARTICLE_URL, f"http://{CUSTOMS}/customs/index.html"):
        with pytest.raises(IgnoreRequest, match="backing off"):
            middleware.process_request(Request(url))
    assert problems_of(middleware.crawler.stats) == [PROBLEM_412]
    assert stat(middleware, SKIPPED_STAT) == 2


def test_a_second_challenged_response_in_flight_adds_no_problem(middleware) -> None:
    for url in (LIST_URL, ARTICLE_URL):
        response = challenged_412(url)
        with pytest.raises(IgnoreRequest):
            middleware.process_response(response.request, response)
    assert problems_of(middleware.crawler.stats) == [PROBLEM_412]
    assert stat(middleware, CHALLENGES_STAT) == 2


def test_other_hosts_pass(middleware) -> None:
    first = challenged_412()
    with pytest.raises(IgnoreRequest):
        middleware.process_response(first.request, first)
    assert middleware.process_request(Request(MOFCOM_URL)) is None
    normal = response_for(MOFCOM_URL, 200, HTML, fixture_bytes("mofcom", "art_no62.html"))
    assert middleware.process_response(normal.request, normal) is normal
    subdomain = "https://english.customs.gov.cn/Statics/1.html"
    assert middleware.process_request(Request(subdomain)) is None  # another host
    assert stat(middleware, SKIPPED_STAT) is None


def test_normal_pages_and_404s_pass_untouched(middleware) -> None:
    article = response_for(ARTICLE_URL, 200, HTML, fixture_bytes("customs", "art_219.html"))
    assert middleware.process_response(article.request, article) is article
    missing = response_for(ARTICLE_URL, 404, HTML, NOT_FOUND)
    assert middleware.process_response(missing.request, missing) is missing
    assert middleware.process_request(Request(ARTICLE_URL)) is None
    assert problems_of(middleware.crawler.stats) == []
    assert stat(middleware, CHALLENGES_STAT) is None


def test_each_crawl_backs_off_on_its_own() -> None:
    crawlers = [make_spider(CustomsSpider).crawler for _ in range(2)]
    first, second = (ChallengeMiddleware.from_crawler(c) for c in crawlers)
    response = challenged_412()
    with pytest.raises(IgnoreRequest):
        first.process_response(response.request, response)
    assert second.process_request(Request(LIST_URL)) is None
    assert problems_of(crawlers[0].stats) == [PROBLEM_412]
    assert problems_of(crawlers[1].stats) == []


def test_problem_names_the_crawlers_spider(middleware, caplog) -> None:
    response = challenged_412()
    with caplog.at_level("WARNING", logger="regwatch.problems"), pytest.raises(IgnoreRequest):
        middleware.process_response(response.request, response)
    assert f"[customs] {PROBLEM_412}" in caplog.text


def test_middleware_loads_without_deprecation_warnings() -> None:
    crawler = get_crawler(
        CustomsSpider,
        settings_dict={"DOWNLOADER_MIDDLEWARES": {"crawler.challenge.ChallengeMiddleware": 585}},
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        manager = DownloaderMiddlewareManager.from_crawler(crawler)
    assert any(isinstance(mw, ChallengeMiddleware) for mw in manager.middlewares)


def test_position_in_the_project_settings() -> None:
    """Responses pass high -> low: after decompression and redirects, before meta refresh,
    retries, the encoding guard and the spider; requests are dropped before any fetch."""
    settings = project_settings()
    order = settings.getwithbase("DOWNLOADER_MIDDLEWARES")
    mine = order["crawler.challenge.ChallengeMiddleware"]
    assert order["scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware"] > mine
    assert order["scrapy.downloadermiddlewares.redirect.RedirectMiddleware"] > mine
    assert order["crawler.revisit.RevisitMiddleware"] > mine
    assert order["crawler.mirror.MirrorMiddleware"] > mine
    assert order["scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware"] < mine
    assert order["scrapy.downloadermiddlewares.retry.RetryMiddleware"] < mine
    assert order["crawler.encoding.EncodingGuardMiddleware"] < mine


# --- a real crawl over a mirror -----------------------------------------------------------------


def build_mirror(root: Path) -> None:
    """customs' list answers with the saved 412 challenge; the Mumbai consulate is healthy."""
    files = {
        f"{CUSTOMS}{COLUMN}/index.html": ("customs", "challenge-412.html"),
        "mumbai.mofcom.gov.cn/article/jmxw/index.shtml": (
            "mofcom_consulates", "list_jmxw_mumbai.html"),
        "mumbai.mofcom.gov.cn/article/jmxw/202510/20251003755432.shtml": (
            "mofcom_consulates", "art_mt_no61_62.html"),
    }
    for path, (slug, name) in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / slug / name, target)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> tuple[subprocess.CompletedProcess, dict, Path]:
    tmp = tmp_path_factory.mktemp("challenge_crawl")
    mirror = tmp / "mirror"
    build_mirror(mirror)
    result = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "crawl", "--source", "customs",
         "--source", "mofcom_consulates", "--mirror", str(mirror), "--as-of", "2025-11-08",
         "--db", str(tmp / "a.db"), "--reports", str(tmp / "r")],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    reports = sorted((tmp / "r").glob("*.json"))
    report = json.loads(reports[-1].read_text(encoding="utf-8")) if reports else {}
    return result, report, tmp / "a.db"


def test_crawl_exits_0(crawl) -> None:
    result, report, _ = crawl
    assert result.returncode == 0, result.stderr
    assert report["as_of"] == "2025-11-08"


def test_crawl_reports_the_challenge_once_as_a_source_problem(crawl) -> None:
    _, report, _ = crawl
    problems = [c for c in report["changes"] if c["kind"] == "source_problem"]
    assert [c["source"] for c in problems] == ["customs"]
    assert "bot challenge at www.customs.gov.cn" in problems[0]["summary"]


def test_crawl_source_statuses(crawl) -> None:
    _, report, _ = crawl
    sources = {s["name"]: s for s in report["sources"]}
    assert sources["customs"]["status"] == "failed"
    assert sources["customs"]["items"] == 0
    assert PROBLEM_412 in sources["customs"]["problems"]
    assert (sources["mofcom_consulates"]["status"], sources["mofcom_consulates"]["items"]) == (
        "ok", 1)
    assert sources["mofcom_consulates"]["problems"] == []


def test_crawl_reports_no_removal_or_status_change(crawl) -> None:
    _, report, _ = crawl
    kinds = {c["kind"] for c in report["changes"]}
    assert "document_removed" not in kinds
    assert "status_changed" not in kinds


def test_crawl_stores_only_the_consulates_document(crawl) -> None:
    _, _, db = crawl
    rows = sqlite3.connect(db).execute("select source, url from documents").fetchall()
    assert rows == [(
        "mofcom_consulates",
        "https://mumbai.mofcom.gov.cn/article/jmxw/202510/20251003755432.shtml",
    )]


JSL_200 = ('<html><head><script>document.cookie="__jsl_clearance=1700000000.1|0|x;path=/";'
           'location.href=location.pathname</script></head><body>{}</body></html>')


@pytest.mark.parametrize(("body", "kind"), [
    (JSL_200.format("请开启JavaScript并刷新该页"), "JSL cookie challenge (HTTP 200)"),
    (JS_COOKIE.decode(), "JS cookie challenge (HTTP 200)"),
    ("<html><body><h1>访问被拦截</h1><p>您的请求ID：9f2c，请联系网站管理员。</p></body></html>",
     "block page (HTTP 200)"),
    ("<html><body><div>Access Denied</div><p>Reference #18.2f</p></body></html>",
     "block page (HTTP 200)"),
])
def test_a_few_words_beside_a_cookie_script_or_a_block_page_are_a_challenge(body, kind) -> None:
    """A 200 whose visible text is a challenge's few words ("请开启JavaScript…" beside a
    Jiasule cookie script) or a firewall's block page is a challenge, not a page whose title
    is missing (the spider used to report "required part missing" for each article)."""
    page = body.encode("utf-8")
    assert not plainly_a_page(200, page)
    assert challenge_kind(200, HTML, page) == kind


def test_a_short_page_without_a_cookie_script_or_block_words_is_a_page() -> None:
    for body in ["<html><body><h1>页面不存在</h1></body></html>",
                 "<html><body><p>暂无数据</p><noscript>请开启JavaScript</noscript></body></html>"]:
        assert challenge_kind(200, HTML, body.encode("utf-8")) is None, body
