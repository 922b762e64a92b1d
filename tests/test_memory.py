"""A page's parsed tree is freed as soon as its callback's output is done (crawler/memory.py),
not when Python's cyclic collector next looks at old objects."""

import asyncio
import gc
import weakref
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager

import pytest
from scrapy.http import HtmlResponse, Request

from crawler.memory import ReleasePageMiddleware

URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_1.html"
PAGE = "<html><head><title>商务部公告2025年第61号</title></head><body><p>正文</p></body></html>"


@contextmanager
def no_cyclic_collector() -> Iterator[None]:
    """Only reference counts free objects inside (as between the collector's rare full runs)."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def parsed_page() -> HtmlResponse:
    response = HtmlResponse(URL, body=PAGE.encode(), encoding="utf-8", request=Request(URL))
    assert response.css("title::text").get() == "商务部公告2025年第61号"
    return response


async def callback_output(response: HtmlResponse, fail: bool = False) -> AsyncIterator[object]:
    yield {"title": response.css("title::text").get()}
    yield Request(URL + "?page=2")
    if fail:
        raise ValueError("the callback broke")


async def run_through(response: HtmlResponse, fail: bool = False) -> list[object]:
    middleware = ReleasePageMiddleware()
    return [out async for out in middleware.process_spider_output(
        response, callback_output(response, fail))]


def test_without_release_a_parsed_page_outlives_its_last_reference() -> None:
    """The cycle this middleware exists for (Scrapy's cached selector points at its response)."""
    with no_cyclic_collector():
        response = parsed_page()
        alive = weakref.ref(response)
        del response
        assert alive() is not None
    gc.collect()
    assert alive() is None


def test_a_page_is_freed_when_its_output_is_done_and_passes_unchanged() -> None:
    with no_cyclic_collector():
        response = parsed_page()
        alive = weakref.ref(response)
        outputs = asyncio.run(run_through(response))
        assert outputs[0] == {"title": "商务部公告2025年第61号"}
        assert isinstance(outputs[1], Request) and outputs[1].url.endswith("?page=2")
        assert response.css("p::text").get() == "正文"  # still readable: parsed again
        asyncio.run(run_through(response))
        del response
        assert alive() is None


def test_a_page_whose_callback_raised_is_released_too() -> None:
    """(The exception's traceback holds the page itself, so the cycle's end is what is checked.)"""
    response = parsed_page()
    with pytest.raises(ValueError, match="the callback broke"):
        asyncio.run(run_through(response, fail=True))
    assert response._cached_selector is None
    assert parsed_page()._cached_selector is not None  # what a parsed page otherwise keeps
