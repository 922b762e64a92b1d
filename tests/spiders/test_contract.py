"""The contract every spider keeps, on its own saved pages (tests/fixtures/<name>/contract.yaml).

The failure modes are the same for every source, so they are tested once over every spider:
a list without links, a list's requests, a whole article, an article without body, without
date, and an article answering 404. What each source reads from its pages (its fields) stays
in its own test module.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import pytest
import scrapy
import yaml
from conftest import FIXTURES, fixture_response, make_spider
from scrapy.http import HtmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.parsing import is_on_site
from crawler.runner import known_sources, spider_loader
from crawler.spiders.base import ARTICLE_META, ListArticleSpider
from pipelines.items import DocumentItem
from pipelines.problems import problems_of

SOURCES = known_sources()


def contract(name: str) -> dict[str, Any]:
    return yaml.safe_load((FIXTURES / name / "contract.yaml").read_text(encoding="utf-8"))


def spider(name: str) -> ListArticleSpider:
    return make_spider(spider_loader().load(name), settings={"REGWATCH_AS_OF": "2025-11-08"})


def run(name: str, page: str, callback: str) -> tuple[list[Any], list[str], ListArticleSpider]:
    """What the callback yields on the contract's page, and the problems recorded."""
    s = spider(name)
    case = contract(name)[page]
    response = fixture_response(name, case["file"], case["url"], json=case.get("json", False))
    output = list(getattr(s, callback)(response))
    return output, problems_of(s.crawler.stats), s


def test_every_source_is_a_list_article_spider_with_a_contract():
    for name in SOURCES:
        assert issubclass(spider_loader().load(name), ListArticleSpider), name
        assert set(contract(name)) >= {"list", "empty_list", "article", "no_body", "no_date"}


@pytest.mark.parametrize("name", SOURCES)
def test_a_list_without_links_is_a_problem_naming_it(name):
    output, problems, _ = run(name, "empty_list", "parse_list")
    requests = [o for o in output if isinstance(o, scrapy.Request) and o.meta.get(ARTICLE_META)]
    assert requests == []
    assert len(problems) == 1 and contract(name)["empty_list"]["url"] in problems[0]


@pytest.mark.parametrize("name", SOURCES)
def test_a_list_yields_article_requests_on_the_site_once(name):
    output, problems, s = run(name, "list", "parse_list")
    articles = [o for o in output if o.meta.get(ARTICLE_META)]
    assert articles and problems == []
    urls = [r.url for r in articles]
    assert len(urls) == len(set(urls))
    for request in articles:
        assert urlparse(request.url).scheme in ("http", "https")
        assert is_on_site(request.url, s.SITE)
        assert s.ARTICLE_PATH.search(urlparse(request.url).path)
        assert request.callback == s.parse_article and request.errback == s.on_error
    again = [o for o in s.parse_list(fixture_response(
        name, contract(name)["list"]["file"], contract(name)["list"]["url"],
        json=contract(name)["list"].get("json", False))) if o.meta.get(ARTICLE_META)]
    assert again == [], "an article already requested in this run is not requested twice"


@pytest.mark.parametrize("name", SOURCES)
def test_a_whole_article_is_one_checked_item(name):
    output, problems, s = run(name, "article", "parse_article")
    [item] = output
    assert isinstance(item, DocumentItem) and problems == []
    assert item.url == contract(name)["article"]["url"]
    assert (item.source, item.source_kind) == (s.name, s.source_kind)
    assert item.title and item.body and item.published_raw
    assert item.language in ("zh", "en")
    assert "\n\n" in item.body or len(item.body) > 80


@pytest.mark.parametrize("name", SOURCES)
def test_an_article_without_body_is_a_problem_and_no_item(name):
    output, problems, _ = run(name, "no_body", "parse_article")
    assert output == []
    assert len(problems) == 1 and contract(name)["no_body"]["url"] in problems[0]


@pytest.mark.parametrize("name", SOURCES)
def test_an_article_without_date_is_an_item_and_a_problem(name):
    output, problems, _ = run(name, "no_date", "parse_article")
    [item] = output
    assert item.published_raw is None
    assert problems == [f"required part missing: published on {contract(name)['no_date']['url']}"]


# Sites answer a page that is gone with a "page not found" page: at HTTP 200, or at the end of a
# redirect. Such a page is no text of the article (nothing of it is stored, no event dropped).
SOFT_404 = {
    "zh": ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
           "页面不存在_中华人民共和国商务部"
           "</title></head><body><div class=\"art-main\"><h1 class=\"art-title\">页面不存在</h1>"
           "<div class=\"art-info\"><span class=\"time\">2025-10-11 09:00</span></div>"
           "<div class=\"art-con\" id=\"zoom\"><p>对不起，您访问的页面不存在或已被删除。</p></div>"
           "</div></body></html>"),
    "en": ("<!DOCTYPE html><html><head><title>Page Not Found</title></head><body>"
           "<div class=\"main\"><h1>Sorry</h1><div class=\"content\"><p>The page you requested "
           "does not exist or has been removed.</p><p>2025-10-11</p></div></div></body></html>"),
    "bare": ("<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found"
             "</h1></center><hr><center>nginx</center></body></html>"),
    "body": ("<html><head><title>中华人民共和国商务部</title></head><body><div class=\"header\">"
             "中华人民共和国商务部</div><div id=\"zoom\"><p>抱歉，您访问的页面不存在！</p>"
             "<p>2025-10-11</p></div></body></html>"),
}


def error_response(url: str, html: str, redirected_from: str | None = None) -> HtmlResponse:
    meta = {"redirect_urls": [redirected_from]} if redirected_from else {}
    return HtmlResponse(url=url, body=html.encode("utf-8"), encoding="utf-8",
                        request=scrapy.Request(url, meta=meta))


@pytest.mark.parametrize("name", SOURCES)
@pytest.mark.parametrize("page", sorted(SOFT_404))
def test_an_error_page_at_http_200_is_a_problem_and_no_item(name, page):
    s = spider(name)
    url = contract(name)["article"]["url"]
    output = list(s.parse_article(error_response(url, SOFT_404[page])))
    problems = problems_of(s.crawler.stats)
    assert output == []
    assert len(problems) == 1 and problems[0].startswith("error page instead of the article")
    assert problems[0].endswith(f"at {url}")


@pytest.mark.parametrize("name", SOURCES)
def test_a_redirect_to_an_error_page_is_a_problem_naming_the_page_asked_for(name):
    s = spider(name)
    url = contract(name)["article"]["url"]
    landing = f"{urlparse(url).scheme}://{urlparse(url).netloc}/404.html"
    output = list(s.parse_article(error_response(landing, SOFT_404["zh"], redirected_from=url)))
    assert output == []
    assert problems_of(s.crawler.stats) == [
        f"error page instead of the article (\"页面不存在\", HTTP 200) at {url} "
        f"(redirected to {landing})"]


@pytest.mark.parametrize("name", SOURCES)
def test_no_saved_article_reads_as_an_error_page(name):
    for case in ("article", "no_date"):
        output, problems, _ = run(name, case, "parse_article")
        assert not any(p.startswith("error page") for p in problems), (name, case)


@pytest.mark.parametrize("name", SOURCES)
def test_an_article_answering_404_is_a_problem_naming_it(name):
    s = spider(name)
    url = contract(name)["article"]["url"]
    [request] = list(s.article_requests([url]))
    response = fixture_response(name, contract(name)["no_body"]["file"], url, status=404)
    failure = Failure(HttpError(response))
    failure.request = request
    assert list(request.errback(failure) or []) == []
    assert problems_of(s.crawler.stats) == [f"HTTP 404 for {url}"]


@pytest.mark.parametrize("name", SOURCES)
def test_a_title_that_is_really_a_body_is_a_problem(name):
    s = spider(name)
    item = DocumentItem(url="https://x.example/a", source=name, source_kind=s.source_kind,
                        title="标题" * 300, body="正文", language="zh")
    s.check_item(item)
    assert any("title of 600 characters" in p for p in problems_of(s.crawler.stats))


# Short real notices that speak of content gone or not found: articles, not error pages.
SHORT_NOTICES = [
    "经核查，附件所列第404项物项的内容不存在，予以删除。",
    "现将有关事项公告如下：上述清单中相关内容已删除。",
    "原公告所列信息已失效，以本公告为准。",
    "The investigation was not found to cause injury to the domestic industry.",
]


@pytest.mark.parametrize("name", SOURCES)
@pytest.mark.parametrize("sentence", SHORT_NOTICES)
def test_a_short_notice_saying_content_is_gone_is_no_error_page(name, sentence):
    from crawler.parsing import error_page_marker

    url = contract(name)["article"]["url"]
    html = (f"<html><head><title>商务部公告2025年第90号_中华人民共和国商务部</title></head>"
            f"<body><h1>商务部公告2025年第90号</h1><div id=\"zoom\"><p>{sentence}</p>"
            "<p>2025-10-11</p></div></body></html>")
    assert error_page_marker(error_response(url, html)) is None


def test_a_short_error_page_is_read_past_scripts_styles_and_comments():
    """The page's visible text skips what a script or style holds (a long script is not a long
    page) and keeps what follows a comment, a script or a style."""
    from crawler.parsing import error_page_marker, visible_page_text

    script = "<script>var notice = '" + "本网站使用 Cookie 统计访问量。" * 60 + "';</script>"
    html = (f"<html><head><title>中华人民共和国商务部</title><style>p {{color: red}}</style>"
            f"</head><body>{script}<div>抱歉，<!-- 模板 -->您访问的<style>.x{{}}</style>页面"
            "<?php echo ?>不存在！</div></body></html>")
    response = error_response("https://www.mofcom.gov.cn/art/2025/art_1.html", html)
    assert visible_page_text(response, 600) == "抱歉，您访问的页面不存在！"
    assert error_page_marker(response) == "您访问的页面"
