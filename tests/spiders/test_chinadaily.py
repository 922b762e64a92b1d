"""ChinaDailySpider on saved www.chinadaily.com.cn pages (tests/fixtures/chinadaily)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import scrapy
from conftest import fixture_response, make_spider, parsed, start_requests
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.spiders.base import ARTICLE_META
from crawler.spiders.chinadaily import MAX_PAGES, TRUNCATED_STAT, ChinaDailySpider, page_number
from pipelines.dates import parse_published
from pipelines.items import DocumentItem
from pipelines.problems import problems_of

SLUG = "chinadaily"
WWW = "https://www.chinadaily.com.cn"
LIST_URL = f"{WWW}/business/economy/index.html"
ID = "WS695c6f2ea310d6866eb3b2a1"
URL = f"{WWW}/a/202601/06/{ID}.html"
PAGE2_URL = f"{WWW}/a/202601/06/{ID}_2.html"
OTHER_URL = f"{WWW}/a/202601/05/WS695b1c2ea310d6866eb3b111.html"
TITLE = "Export measures help with sustainable development"
INFO = "By Wang Keju | China Daily | Updated: 2026-01-06 10:08"
FIRST = (
    "China's decision to improve export management of rare earth metals is not an impulsive move "
    "targeting any specific economies, but rather a long-anticipated step to ensure the sector's "
    "sustainable development and proper utilization, experts said."
)
SEVENTH = (
    "In November, China announced a one-year suspension of export controls on rare earths, "
    "super-hard materials and other strategic resources."
)
EIGHTH = (
    '"Rare earth metals are vital to a wide range of high-tech industries and emerging '
    'technologies that are shaping the future of both the civilian and defense realms," said Zhou '
    "Mi, a senior researcher at the Chinese Academy of International Trade and Economic "
    "Cooperation."
)
LAST = (
    '"The international community needs to take an objective view of the purpose and '
    "significance of China's approach, actively strengthen communication and cooperation with "
    'China, and jointly promote the sound development of the global rare earth industrial chain," '
    "Dong added."
)
SHORT_FIRST = (
    "China's decision to improve export management of rare earth metals is not an impulsive move "
    "targeting any specific economies, but rather a long-anticipated step, experts said."
)
NOT_BODY = ["Copyright", "Previous", "Next", "Share", "Most Viewed", "Another story", "By Wang"]


def spider() -> ChinaDailySpider:
    return make_spider(ChinaDailySpider, settings={"REGWATCH_AS_OF": "2026-01-08"})


def crawl_article(
    first: str, page_fixture: Callable[[str], str] = lambda url: f"art_{ID}_2.html"
) -> tuple[list[DocumentItem], list[scrapy.Request], list[str], ChinaDailySpider]:
    """Parse an article's first page, then answer each further-page request it makes with a
    fixture, as the engine would: (items, page requests, problems, spider)."""
    s = spider()
    output = list(s.parse_article(fixture_response(SLUG, first, URL)))
    requests: list[scrapy.Request] = []
    while output and isinstance(output[-1], scrapy.Request):
        [request] = output
        requests.append(request)
        response = fixture_response(SLUG, page_fixture(request.url), request.url)
        output = list(request.callback(response, **request.cb_kwargs))
    return output, requests, problems_of(s.crawler.stats), s


def parse_list(name: str) -> tuple[list[scrapy.Request], list[str]]:
    return parsed(spider().parse_list, fixture_response(SLUG, name, LIST_URL))


def paragraphs(item: DocumentItem) -> list[str]:
    return item.body.split("\n\n")


# --- parsed once per module ---------------------------------------------------


@pytest.fixture(scope="module")
def two_pages() -> tuple[list[DocumentItem], list[scrapy.Request], list[str]]:
    """Seed 003, split over WS….html and WS…_2.html."""
    items, requests, problems, _ = crawl_article(f"art_{ID}.html")
    return items, requests, problems


@pytest.fixture(scope="module")
def article(two_pages) -> DocumentItem:
    items, _, problems = two_pages
    assert problems == []
    assert len(items) == 1
    return items[0]


@pytest.fixture(scope="module")
def economy_list() -> tuple[list[scrapy.Request], list[str]]:
    return parse_list("list_economy.html")


# --- class attributes and start() ---------------------------------------------


def test_class_attributes() -> None:
    assert ChinaDailySpider.name == "chinadaily"
    assert ChinaDailySpider.source_kind == "news"
    assert ChinaDailySpider.allowed_domains == ["chinadaily.com.cn"]
    assert ChinaDailySpider.entry_points == [LIST_URL]
    assert "China Daily" in ChinaDailySpider.description
    assert ChinaDailySpider.min_items == 1


def test_start_fetches_the_economy_list() -> None:
    s = spider()
    requests = start_requests(s)
    assert [r.url for r in requests] == [LIST_URL]
    assert requests[0].meta[ARTICLE_META] is False


# --- list pages ---------------------------------------------------------------


def test_list_protocol_relative_links_become_https_first_pages(economy_list) -> None:
    requests, problems = economy_list
    # image and title links deduplicated; the _2 page, old-style page and pager left out
    assert [r.url for r in requests] == [URL, OTHER_URL]
    assert problems == []


def test_list_fallback_selector() -> None:
    requests, problems = parse_list("list_economy_fallback.html")
    assert [r.url for r in requests] == [
        OTHER_URL,  # http:// made https://
        f"https://global.chinadaily.com.cn/a/202601/06/{ID}.html",  # a subdomain is on the site
    ]
    assert problems == []


# --- the two-page article (seed 003) ------------------------------------------


def test_second_page_is_requested_once_then_one_item(two_pages) -> None:
    items, requests, _ = two_pages
    assert [r.url for r in requests] == [PAGE2_URL]
    assert [i.url for i in items] == [URL]


def test_second_page_request(two_pages) -> None:
    _, [request], _ = two_pages
    assert request.callback.__name__ == "parse_page"
    assert request.errback.__name__ == "on_page_error"
    assert request.meta[ARTICLE_META] is False  # the revisit policy judges the first page only
    assert request.dont_filter is True


def test_url_source_and_language(article: DocumentItem) -> None:
    assert article.url == URL
    assert (article.source, article.source_kind, article.language) == ("chinadaily", "news", "en")
    assert article.machine_translated is False


def test_title(article: DocumentItem) -> None:
    assert article.title == TITLE


def test_published_raw_is_the_info_line(article: DocumentItem) -> None:
    assert article.published_raw == INFO
    assert parse_published(article.published_raw) == ("2026-01-06", "2026-01-06T10:08:00+08:00")


def test_no_issuing_unit_or_annexes(article: DocumentItem) -> None:
    assert article.issuing_unit is None
    assert article.doc_number is None
    assert article.annexes == []


def test_body_joins_both_pages_in_order(article: DocumentItem) -> None:
    body = paragraphs(article)
    assert len(body) == 14
    assert body[0] == FIRST
    assert body[6:8] == [SEVENTH, EIGHTH]  # the end of page 1, the start of page 2
    assert body[-1] == LAST


@pytest.mark.parametrize("text", NOT_BODY)
def test_body_has_no_byline_pager_or_page_furniture(article: DocumentItem, text: str) -> None:
    assert text not in article.body


# --- single pages and fallbacks -----------------------------------------------


def test_site_sample_single_page_yields_the_item_at_once() -> None:
    items, requests, problems, _ = crawl_article(f"art_sample_{ID}.html")
    assert requests == []
    assert problems == []
    assert (items[0].title, items[0].published_raw) == (TITLE, INFO)
    assert paragraphs(items[0])[0] == SHORT_FIRST
    assert paragraphs(items[0])[-1] == SEVENTH
    assert len(paragraphs(items[0])) == 3


def test_ce_art_template_title_and_meta_date() -> None:
    items, requests, problems, _ = crawl_article(f"art_ce_{ID}.html")
    assert problems == []
    assert requests == []
    assert items[0].title == TITLE
    assert items[0].published_raw == "2026-01-06 10:08"  # no span.info_l: meta publishdate
    assert paragraphs(items[0]) == [SHORT_FIRST, SEVENTH]


def test_title_element_and_br_separated_body() -> None:
    items, _, problems, _ = crawl_article(f"art_title_only_{ID}.html")
    assert problems == []
    assert items[0].title == TITLE  # " - Chinadaily.com.cn" removed
    assert items[0].published_raw == INFO
    assert paragraphs(items[0]) == [SHORT_FIRST, SEVENTH]


# --- missing parts and failures ---------------------------------------------------


def test_pages_are_bounded() -> None:
    items, requests, problems, s = crawl_article(
        f"art_{ID}_manypages.html", lambda url: f"art_{ID}_page_one_paragraph.html")
    assert [page_number(r.url) for r in requests] == list(range(2, MAX_PAGES + 1))
    assert len(paragraphs(items[0])) == MAX_PAGES  # one paragraph per page
    assert paragraphs(items[0])[-1] == LAST
    assert s.crawler.stats.get_value(TRUNCATED_STAT) == 1
    assert problems == []


def test_failed_second_page_keeps_the_first_page_and_reports_it() -> None:
    s = spider()
    [request] = list(s.parse_article(fixture_response(SLUG, f"art_{ID}.html", URL)))
    response = fixture_response(SLUG, f"art_{ID}_2.html", PAGE2_URL, status=404)
    failure = Failure(HttpError(response, "Ignoring non-200 response"))
    failure.request = request
    [item] = list(request.errback(failure))
    assert item.url == URL
    assert paragraphs(item)[-1] == SEVENTH
    assert len(paragraphs(item)) == 7
    assert problems_of(s.crawler.stats) == [f"HTTP 404 for {PAGE2_URL}"]


def test_page_number() -> None:
    assert page_number(URL) == 1
    assert page_number(PAGE2_URL) == 2
    assert page_number(f"{WWW}/a/202601/06/{ID}_12.html") == 12
