"""MofcomExportControlSpider on saved exportcontrol.mofcom.gov.cn answers and pages."""

from __future__ import annotations

from typing import Any

import pytest
import scrapy
from conftest import fixture_response, make_spider, start_requests

from crawler.spiders.base import ARTICLE_META
from crawler.spiders.mofcom_exportcontrol import MofcomExportControlSpider, js_var
from pipelines.items import DocumentItem
from pipelines.problems import problems_of

SLUG = "mofcom_exportcontrol"
AS_OF = {"REGWATCH_AS_OF": "2025-11-08"}
SITE = "http://exportcontrol.mofcom.gov.cn"
API = f"{SITE}/edi_ecms_web_front/front/column/getColumnList"
URL_1170 = f"{SITE}/article/zcfg/gnzcfg/zcfggzqd/202510/1170.html"
URL_1185 = f"{SITE}/article/zcfg/gnzcfg/zcfggzqd/202511/1185.html"
TITLE_1170 = "商务部公告2025年第62号 公布对稀土相关技术实施出口管制的决定"
ROW_1170 = {
    "list_title": TITLE_1170,
    "list_published": "2025-10-09 10:12:00",
    "list_source": "安全与管制局",
}


def spider(**settings: Any) -> MofcomExportControlSpider:
    return make_spider(MofcomExportControlSpider, settings={**AS_OF, **settings})


def parse_api(name: str, page: int = 1) -> tuple[list[scrapy.Request], list[str]]:
    """The nightly read of a page of the column list (no walk: no next page)."""
    s = spider()
    response = fixture_response(SLUG, name, API, json=True)
    return list(s.parse_list(response, number=page)), problems_of(s.crawler.stats)


def walk_api(name: str, page: int = 1) -> tuple[list[scrapy.Request], list[str]]:
    """A page of the column list read by a walk back (REGWATCH_BACKFILL)."""
    s = spider(REGWATCH_BACKFILL=True, REGWATCH_BACKFILL_SINCE="2020-01-01")
    [(spec, mode)] = s.plan()
    response = fixture_response(SLUG, name, API, json=True)
    return (list(s.parse_list(response, spec=spec, number=page, mode=mode)),
            problems_of(s.crawler.stats))


def parse_article(
    name: str, url: str, **cb_kwargs: Any
) -> tuple[list[DocumentItem], list[str], MofcomExportControlSpider]:
    s = spider()
    items = list(s.parse_article(fixture_response(SLUG, name, url), **cb_kwargs))
    return items, problems_of(s.crawler.stats), s


@pytest.fixture(scope="module")
def api_page1() -> tuple[list[scrapy.Request], list[str]]:
    return parse_api("api_col15_p1.json")


@pytest.fixture(scope="module")
def item_1170() -> DocumentItem:
    items, problems, _ = parse_article("art_1170_no62.html", URL_1170, **ROW_1170)
    assert problems == []
    assert len(items) == 1
    return items[0]


# --- class attributes and start() ---------------------------------------------


def test_class_attributes() -> None:
    assert MofcomExportControlSpider.name == "mofcom_exportcontrol"
    assert MofcomExportControlSpider.source_kind == "authority"
    assert MofcomExportControlSpider.allowed_domains == ["exportcontrol.mofcom.gov.cn"]
    assert any(API in entry for entry in MofcomExportControlSpider.entry_points)


def test_start_posts_the_column_list_form() -> None:
    s = spider()
    (request,) = start_requests(s)
    assert request.url == API
    assert request.method == "POST"
    assert request.body == b"columnID=15&pageNumber=1"
    assert request.headers[b"Content-Type"] == b"application/x-www-form-urlencoded"
    assert request.meta[ARTICLE_META] is False
    assert (request.cb_kwargs["number"], request.cb_kwargs["mode"]) == (1, "first_page")


# --- the list API -------------------------------------------------------------


def test_api_rows_become_article_requests(api_page1) -> None:
    requests, problems = api_page1
    assert [r.url for r in requests] == [URL_1185, URL_1170]
    assert problems == []


def test_api_row_fields_passed_to_the_article(api_page1) -> None:
    requests, _ = api_page1
    assert requests[1].cb_kwargs == ROW_1170


def test_a_night_reads_page_one_only_and_skips_bad_rows() -> None:
    requests, problems = parse_api("api_col15_pages5.json", page=1)
    assert [r.url for r in requests] == [URL_1185, URL_1170]  # absolute row url kept as is
    assert all(r.meta[ARTICLE_META] for r in requests)
    assert len(problems) == 1
    assert problems[0].startswith("column list page 1 row without title/url")
    assert "1184" in problems[0]


def test_a_walk_back_posts_the_next_page_after_the_articles() -> None:
    requests, _ = walk_api("api_col15_pages5.json", page=1)
    articles = [r for r in requests if r.meta[ARTICLE_META]]
    lists = [r for r in requests if not r.meta[ARTICLE_META]]
    assert [r.url for r in articles] == [URL_1185, URL_1170]
    assert [(r.url, r.body, r.cb_kwargs["number"]) for r in lists] == [
        (API, b"columnID=15&pageNumber=2", 2)]
    assert lists[0].priority < articles[0].priority  # the page's articles go first


def test_a_walk_back_stops_at_the_last_page() -> None:
    requests, _ = walk_api("api_col15_pages5.json", page=5)
    assert requests and all(r.meta[ARTICLE_META] for r in requests)


def test_api_non_json_answer_is_a_problem() -> None:
    requests, problems = parse_api("api_nonjson.html")
    assert requests == []
    assert problems == [f"non-JSON answer from column list page 1 at {API}"]


def test_api_without_rows_is_a_problem() -> None:
    requests, problems = parse_api("api_no_rows.json")
    assert requests == []
    assert problems == [f"no pageInfo.rows in column list page 1 at {API}"]


# --- an article ---------------------------------------------------------------


def test_url(item_1170: DocumentItem) -> None:
    assert item_1170.url == URL_1170


def test_source(item_1170: DocumentItem) -> None:
    assert item_1170.source == "mofcom_exportcontrol"
    assert item_1170.source_kind == "authority"


def test_title_from_js_var(item_1170: DocumentItem) -> None:
    assert item_1170.title == TITLE_1170


def test_published_raw_from_js_var(item_1170: DocumentItem) -> None:
    assert item_1170.published_raw == "2025-10-09 10:12:00"


def test_issuing_unit_from_js_var(item_1170: DocumentItem) -> None:
    assert item_1170.issuing_unit == "安全与管制局"


def test_doc_number_absent(item_1170: DocumentItem) -> None:
    assert item_1170.doc_number is None  # this page has no 【发布文号】 line


def test_body_start_and_end(item_1170: DocumentItem) -> None:
    assert item_1170.body.startswith("根据《中华人民共和国出口管制法》《中华人民共和国两用物项")
    assert item_1170.body.endswith("同步更新。\n\n商务部\n\n2025年10月9日")
    assert len(item_1170.body.split("\n\n")) == 7


@pytest.mark.parametrize("text", ["中国出口管制信息网", "当前位置", "主办", "getElementById"])
def test_body_has_no_page_furniture(item_1170: DocumentItem, text: str) -> None:
    assert text not in item_1170.body


def test_annexes_language_translation(item_1170: DocumentItem) -> None:
    assert item_1170.annexes == []
    assert item_1170.language == "zh"
    assert item_1170.machine_translated is False


def test_metadata_falls_back_to_the_list_row() -> None:
    items, problems, _ = parse_article("art_1170_novars.html", URL_1170, **ROW_1170)
    assert problems == []
    (item,) = items
    assert (item.title, item.published_raw, item.issuing_unit) == (
        TITLE_1170,
        "2025-10-09 10:12:00",
        "安全与管制局",
    )
    assert item.body.startswith("根据《中华人民共和国出口管制法》")


def test_no_title_anywhere_is_a_problem() -> None:
    items, problems, _ = parse_article("art_1170_novars.html", URL_1170)
    assert items == []
    assert problems == [f"required part missing: title on {URL_1170}"]


def test_ssi_shell_is_a_problem_not_a_document() -> None:
    items, problems, _ = parse_article(
        "art_1185_ssi_shell.html",
        URL_1185,
        list_title="商务部 海关总署公告2025年第70号",
        list_published="2025-11-07 20:05:00",
        list_source="安全与管制局",
    )
    assert items == []
    assert problems == [f"broken page shell (SSI error) at {URL_1185}"]


def test_empty_body_is_named_not_called_an_ssi_error() -> None:
    # the container is there but holds nothing, and no SSI error shows: the message says so
    items, problems, _ = parse_article("art_1170_emptybody.html", URL_1170, **ROW_1170)
    assert items == []
    assert problems == [
        f"required part missing: body text (the body container is empty) on {URL_1170}"]


def test_a_renamed_body_container_is_named_not_called_an_ssi_error() -> None:
    # the page's shape changed (its body div renamed): loud, naming what is missing
    items, problems, _ = parse_article("art_1170_renamed_body.html", URL_1170, **ROW_1170)
    assert items == []
    assert problems == [
        f"required part missing: body container (#artCon, .art-con, .article) on {URL_1170}"]


def _page(body: str) -> str:
    return (f"<html><head><script>var title = \"t\";</script></head><body>{body}"
            "</body></html>")


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        # the failed include outside any body container, the container gone
        ('<div class="main">[an error occurred while processing this directive]</div>',
         "broken page shell (SSI error) at {url}"),
        # the failed include inside the container, beside paragraphs
        ('<div id="artCon"><p>根据规定</p>[an error occurred while processing this directive]'
         "</div>", "broken page shell (SSI error) at {url}"),
        # an error text in a script is not shown: the container missing is the problem
        ('<script>var e="[an error occurred while processing this directive]";</script>'
         '<div class="main"><p>正文</p></div>',
         "required part missing: body container (#artCon, .art-con, .article) on {url}"),
        ('<div class="art-con"><p> </p><img src="x.png"></div>',
         "required part missing: body text (the body container is empty) on {url}"),
    ],
)
def test_a_page_without_its_body_says_why(body: str, problem: str) -> None:
    s = spider()
    response = scrapy.http.HtmlResponse(URL_1170, body=_page(body).encode(), encoding="utf-8")
    assert list(s.parse_article(response, **ROW_1170)) == []
    assert problems_of(s.crawler.stats) == [problem.format(url=URL_1170)]


# --- js_var -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('var title = "商务部公告";', "商务部公告"),
        ("var title='单引号';", "单引号"),
        ('var title = "含\\"引号\\"的标题";', '含"引号"的标题'),
        ('var subtitle = "x"; var title = "正确";', "正确"),
        ('var titles = "x";', None),
        ('var title = "";', None),
    ],
)
def test_js_var(script: str, expected: str | None) -> None:
    assert js_var(script, "title") == expected


def test_a_page_read_again_without_its_list_takes_the_archived_fields() -> None:
    """An archived article no list showed tonight, read again (crawler.revisit): the page's
    missing title, date and source come from the archived document, as its list gave them."""
    s = spider()
    archived = {"url": URL_1170, "title": TITLE_1170, "published": "2025-10-09",
                "issuing_unit": "安全与管制局"}
    request = s.revisit_request(archived)
    assert (request.url, request.meta[ARTICLE_META]) == (URL_1170, True)
    response = fixture_response(SLUG, "art_1170_novars.html", URL_1170)
    (item,) = s.parse_article(response, **request.cb_kwargs)
    assert (item.title, item.published_raw, item.issuing_unit) == (
        TITLE_1170, "2025-10-09", "安全与管制局")
    assert problems_of(s.crawler.stats) == []
