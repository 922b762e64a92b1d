"""EncodingGuardMiddleware on real GBK / UTF-8 / garbage bytes with right and wrong charsets."""

from __future__ import annotations

import warnings

import pytest
from conftest import make_spider
from scrapy.core.downloader.middleware import DownloaderMiddlewareManager
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.utils.test import get_crawler

from crawler.encoding import FIXED_STAT, EncodingGuardMiddleware, choose_encoding
from crawler.spiders.mofcom import MofcomSpider
from pipelines.problems import problems_of

URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_7fc9bff0fb4546ecb02f66ee77d0e5f6.html"
NUMBER = "商务部公告2025年第61号"
TEXT = (
    f"<title>{NUMBER} 公布对境外相关稀土物项实施出口管制的决定</title></head><body>"
    f'<div id="zoom"><p>【发布文号】{NUMBER}</p>'
    "<p>根据《中华人民共和国出口管制法》，决定对境外相关稀土物项实施出口管制。</p></div>"
    "</body></html>"
)
PAGE = "<!DOCTYPE html><html><head>" + TEXT
PAGE_META_GBK = '<!DOCTYPE html><html><head><meta charset="gbk">' + TEXT
PAGE_META_UTF8 = '<!DOCTYPE html><html><head><meta charset="utf-8">' + TEXT
GARBAGE = b"<html><body>" + bytes([0x80, 0xFF] * 40) + b"</body></html>"


@pytest.fixture
def guard() -> EncodingGuardMiddleware:
    spider = make_spider(MofcomSpider, settings={"REGWATCH_AS_OF": "2025-11-08"})
    spider.crawler.spider = spider
    return EncodingGuardMiddleware.from_crawler(spider.crawler)


def respond(body: bytes, content_type: str | None) -> HtmlResponse:
    headers = {"Content-Type": content_type} if content_type else {}
    return HtmlResponse(URL, body=body, headers=headers, request=Request(URL))


def guarded(guard: EncodingGuardMiddleware, response: Response) -> Response:
    return guard.process_response(response.request, response)


def assert_decoded(response: Response) -> None:
    assert isinstance(response, TextResponse)
    assert NUMBER in response.text
    assert "\ufffd" not in response.text
    assert response.css("title::text").get().startswith(NUMBER)


def fixed_count(guard: EncodingGuardMiddleware) -> int | None:
    return guard.crawler.stats.get_value(FIXED_STAT)


def test_gbk_page_without_any_charset(guard: EncodingGuardMiddleware) -> None:
    result = guarded(guard, respond(PAGE.encode("gbk"), "text/html"))
    assert_decoded(result)
    assert result.encoding == "gb18030"


def test_gbk_page_with_wrong_utf8_header(guard: EncodingGuardMiddleware) -> None:
    response = respond(PAGE.encode("gbk"), "text/html; charset=utf-8")
    assert "\ufffd" in response.text  # what Scrapy alone would store
    result = guarded(guard, response)
    assert result is not response
    assert_decoded(result)
    assert result.encoding == "gb18030"
    assert fixed_count(guard) == 1


def test_gbk_page_with_wrong_header_and_gbk_meta(guard: EncodingGuardMiddleware) -> None:
    result = guarded(guard, respond(PAGE_META_GBK.encode("gbk"), "text/html; charset=utf-8"))
    assert_decoded(result)
    assert fixed_count(guard) == 1


def test_utf8_page_with_wrong_gbk_header(guard: EncodingGuardMiddleware) -> None:
    response = respond(PAGE_META_UTF8.encode("utf-8"), "text/html; charset=gbk")
    assert NUMBER not in response.text  # mojibake without the guard
    result = guarded(guard, response)
    assert_decoded(result)
    assert result.encoding == "utf-8"
    assert fixed_count(guard) == 1


def test_utf8_page_with_wrong_gbk_header_and_no_meta(guard: EncodingGuardMiddleware) -> None:
    result = guarded(guard, respond(PAGE.encode("utf-8"), "text/html; charset=gbk"))
    assert_decoded(result)
    assert result.encoding == "utf-8"


def test_correct_page_is_returned_unchanged(guard: EncodingGuardMiddleware) -> None:
    response = respond(PAGE_META_UTF8.encode("utf-8"), "text/html; charset=utf-8")
    assert guarded(guard, response) is response
    assert fixed_count(guard) is None


def test_correct_gbk_page_is_returned_unchanged(guard: EncodingGuardMiddleware) -> None:
    response = respond(PAGE_META_GBK.encode("gbk"), "text/html; charset=GBK")
    assert guarded(guard, response) is response
    assert_decoded(response)


def test_garbage_is_dropped_and_reported(guard: EncodingGuardMiddleware) -> None:
    with pytest.raises(IgnoreRequest):
        guarded(guard, respond(GARBAGE, "text/html; charset=utf-8"))
    assert problems_of(guard.crawler.stats) == [f"undecodable page (declared utf-8) at {URL}"]


def test_garbage_without_charset_is_dropped(guard: EncodingGuardMiddleware) -> None:
    with pytest.raises(IgnoreRequest):
        guarded(guard, respond(GARBAGE, None))
    (problem,) = problems_of(guard.crawler.stats)
    assert problem.startswith("undecodable page (declared ")
    assert problem.endswith(f") at {URL}")


def test_json_answer_with_wrong_charset(guard: EncodingGuardMiddleware) -> None:
    body = f'{{"title": "{NUMBER}"}}'.encode("gbk")
    response = TextResponse(
        URL, body=body, headers={"Content-Type": "application/json; charset=utf-8"}
    )
    result = guarded(guard, response)
    assert NUMBER in result.text


def test_binary_response_passes_through(guard: EncodingGuardMiddleware) -> None:
    response = Response(URL, body=b"%PDF-1.7 \xff\xfe\x80", request=Request(URL))
    assert guarded(guard, response) is response


@pytest.mark.parametrize("content_type", ["application/pdf", None])
def test_annex_file_typed_as_text_passes_through(guard: EncodingGuardMiddleware,
                                                  content_type: str | None) -> None:
    """Scrapy makes a TextResponse of a PDF whose first bytes look like text; it is a file, not
    a page: never re-decoded, never dropped as undecodable (its bytes decode under no charset)."""
    pdf = b"%PDF-1.7\n%" + b"1 0 obj << /Type /Catalog >> endobj\n" * 40 + GARBAGE
    headers = {"Content-Type": content_type} if content_type else {}
    response = TextResponse(URL.replace(".html", ".pdf"), body=pdf, headers=headers,
                            request=Request(URL))
    assert guarded(guard, response) is response
    assert fixed_count(guard) is None
    assert problems_of(guard.crawler.stats) == []


def test_page_served_as_octet_stream_is_still_decoded(guard: EncodingGuardMiddleware) -> None:
    """A server that knows no type for a page says application/octet-stream; Scrapy makes an
    HtmlResponse of it from the URL, and a GBK body under a wrong charset is still re-decoded,
    not taken for a file."""
    response = respond(PAGE.encode("gbk"), "application/octet-stream; charset=utf-8")
    assert_decoded(guarded(guard, response))
    assert fixed_count(guard) == 1


def test_ascii_page_is_unchanged() -> None:
    response = respond(b"<html><body>MOFCOM</body></html>", "text/html; charset=utf-8")
    assert choose_encoding(response) == "utf-8"


def test_middleware_loads_without_deprecation_warnings() -> None:
    crawler = get_crawler(
        MofcomSpider,
        settings_dict={"DOWNLOADER_MIDDLEWARES": {"crawler.encoding.EncodingGuardMiddleware": 120}},
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        manager = DownloaderMiddlewareManager.from_crawler(crawler)
    assert any(isinstance(mw, EncodingGuardMiddleware) for mw in manager.middlewares)
