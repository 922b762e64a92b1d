"""MofcomAqygzjSpider on saved aqygzj.mofcom.gov.cn pages (tests/fixtures/mofcom_aqygzj)."""

from __future__ import annotations

import pytest
from conftest import fixture_response, make_spider, parsed, start_requests

from crawler.spiders.mofcom_aqygzj import MofcomAqygzjSpider
from pipelines.items import DocumentItem
from pipelines.normalize import normalize_item

SLUG = "mofcom_aqygzj"
SITE = "https://aqygzj.mofcom.gov.cn"
RULES = f"{SITE}/flzc/gzjgfxwj/index.html"
NO21 = f"{SITE}/flzc/gzjgfxwj/art/2025/art_3c4d209fa18f4cf8906a496bff7473f3.html"


def spider(**settings: object) -> MofcomAqygzjSpider:
    return make_spider(MofcomAqygzjSpider, settings={"REGWATCH_AS_OF": "2025-11-08", **settings})


@pytest.fixture(scope="module")
def no21() -> DocumentItem:
    s = spider()
    [item] = list(s.parse_article(fixture_response(SLUG, "art_no21.html", NO21)))
    return normalize_item(item)


def test_the_bureaus_rules_and_lists_are_read_every_night() -> None:
    assert [r.url for r in start_requests(spider())] == [RULES, f"{SITE}/qdml/index.html"]


def test_a_walk_back_walks_both_columns() -> None:
    s = spider(REGWATCH_BACKFILL=True)
    assert [(spec.key, mode) for spec, mode in s.plan()] == [
        ("aqygzj.mofcom.gov.cn/flzc/gzjgfxwj", "walk"), ("aqygzj.mofcom.gov.cn/qdml", "walk")]


def test_the_rules_list_links_no21_only_on_the_bureaus_site() -> None:
    requests, problems = parsed(spider().parse_list,
                                fixture_response(SLUG, "list_gzjgfxwj.html", RULES))
    assert [r.url for r in requests] == [NO21] and problems == []


def test_no21_is_the_bureaus_text_of_the_measure_with_its_annex(no21: DocumentItem) -> None:
    assert no21.title == "商务部公告2025年第21号 关于将16家美国实体列入出口管制管控名单的公告"
    assert (no21.published, no21.issuing_unit, no21.confidence) == (
        "2025-04-04", "安全与管制局", "high")
    assert no21.category == "entity_listing"
    [ref] = [r for r in no21.measures if r.relation == "issues"]
    assert ref.id == "MOFCOM-2025-21"
    assert [a.url for a in no21.annexes] == [
        f"{SITE}/cms_files/filemanager/b28941ad4e064442856787562c9a4961/attach/202504/"
        "2f6d9a1c8e3b4075.pdf"]
    assert "高点航空技术公司" in no21.body
