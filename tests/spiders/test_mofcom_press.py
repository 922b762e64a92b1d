"""MofcomPressSpider on saved www.mofcom.gov.cn/xwfb pages (tests/fixtures/mofcom_press)."""

from __future__ import annotations

import pytest
from conftest import fixture_response, make_spider, parsed, start_requests

from crawler.spiders.mofcom_press import MofcomPressSpider
from pipelines.items import DocumentItem
from pipelines.normalize import normalize_item

SLUG = "mofcom_press"
WWW = "https://www.mofcom.gov.cn"
CONFERENCES = f"{WWW}/xwfb/xwrcjd/index.html"
TRANSCRIPT = f"{WWW}/xwfb/xwrcjd/art/2025/art_35812e594d0358b34a4b148ee684762c.html"


def spider() -> MofcomPressSpider:
    return make_spider(MofcomPressSpider, settings={"REGWATCH_AS_OF": "2025-11-13"})


@pytest.fixture(scope="module")
def transcript() -> DocumentItem:
    [item] = list(spider().parse_article(fixture_response(SLUG, "art_20251113.html",
                                                          TRANSCRIPT)))
    return normalize_item(item)


def test_press_conferences_and_readouts_are_read() -> None:
    assert [r.url for r in start_requests(spider())] == [
        CONFERENCES, f"{WWW}/xwfb/sjfzrfb/index.html"]


def test_the_conference_list_links_the_transcript() -> None:
    requests, problems = parsed(spider().parse_list,
                                fixture_response(SLUG, "list_xwrcjd.html", CONFERENCES))
    assert [r.url for r in requests] == [TRANSCRIPT] and problems == []


def test_a_transcript_is_a_policy_statement_of_medium_confidence(
        transcript: DocumentItem) -> None:
    assert transcript.title == "商务部召开例行新闻发布会（2025年11月13日）"
    assert (transcript.source_kind, transcript.category, transcript.confidence) == (
        "relay", "policy_statement", "medium")
    assert transcript.published == "2025-11-13"


def test_a_transcript_is_linked_to_the_measures_it_discusses_not_their_text(
        transcript: DocumentItem) -> None:
    refs = {r.id: r for r in transcript.measures}
    assert "MOFCOM-2025-70" in refs
    assert all(r.relation != "issues" for r in refs.values())
