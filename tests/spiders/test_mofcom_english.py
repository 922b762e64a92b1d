"""MofcomEnglishSpider on saved english.mofcom.gov.cn pages (tests/fixtures/mofcom_english)."""

from __future__ import annotations

import pytest
from conftest import fixture_response, make_spider, start_requests

from crawler.spiders.mofcom_english import MofcomEnglishSpider
from pipelines.archive import Archive, document_id
from pipelines.items import DocumentItem
from pipelines.normalize import normalize_item
from pipelines.store import store_item

SLUG = "mofcom_english"
SITE = "https://english.mofcom.gov.cn"
NO70_EN = f"{SITE}/policyrelease/announcement/art/2025/art_3bfcb45d719c4677d5fd9d31ae4b1405.html"
NO70_ZH = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_b1ec77dd3f0d4762952904df7cdaadec.html"
TITLE = ("MOFCOM General Administration of Customs Announcement No. 70 of 2025 on Suspending the "
         "Implementation of MOFCOM General Administration of Customs Announcements No. 55, No. "
         "56, No. 57 and No. 58 of 2025 and MOFCOM Announcements No. 61 and No. 62 of 2025")


@pytest.fixture(scope="module")
def no70_en() -> DocumentItem:
    s = make_spider(MofcomEnglishSpider, settings={"REGWATCH_AS_OF": "2025-11-08"})
    [item] = list(s.parse_article(fixture_response(SLUG, "art_no70_en.html", NO70_EN)))
    return normalize_item(item)


def test_the_announcements_column_is_read() -> None:
    s = make_spider(MofcomEnglishSpider, settings={"REGWATCH_AS_OF": "2025-11-08"})
    assert [r.url for r in start_requests(s)] == [
        f"{SITE}/policyrelease/announcement/index.html"]


def test_an_english_page_is_linked_to_its_chinese_original(no70_en: DocumentItem) -> None:
    assert (no70_en.title, no70_en.language, no70_en.published) == (TITLE, "en", "2025-11-08")
    assert no70_en.translation_of == NO70_ZH
    assert not no70_en.machine_translated


def test_its_title_is_the_measures_official_english_title(no70_en: DocumentItem) -> None:
    [ref] = [r for r in no70_en.measures if r.id == "MOFCOM-2025-70"]
    assert (ref.relation, ref.title, ref.title_language, ref.title_machine_translated) == (
        "reports_on", TITLE, "en", False)
    assert ref.issuers == ["MOFCOM", "GACC"]


def test_a_translation_states_no_events_the_chinese_text_is_the_legal_text(
        no70_en: DocumentItem) -> None:
    assert all(ref.events == [] for ref in no70_en.measures)
    assert not any(ref.relation == "issues" for ref in no70_en.measures)


def test_the_official_title_replaces_a_machine_translated_one_not_the_chinese(
        no70_en: DocumentItem, tmp_path) -> None:
    archive = Archive.open(tmp_path / "a.db")
    run = archive.start_run("2025-11-08", ["mofcom_english"], None)
    relayed = normalize_item(DocumentItem(
        url="https://mumbai.mofcom.gov.cn/article/jmxw/202511/20251108000001.shtml",
        source="mofcom_consulates", source_kind="relay", language="en",
        machine_translated=True, title="MOFCOM Announcement No. 70 of 2025 (machine)",
        body="Translation tool: machine translation. MOFCOM Announcement No. 70 of 2025.",
        published_raw="2025-11-08"))
    store_item(archive, relayed, run, "2025-11-08")
    assert archive.measure("MOFCOM-2025-70")["title_en_machine_translated"] == 1
    store_item(archive, no70_en, run, "2025-11-08")
    measure = archive.measure("MOFCOM-2025-70")
    assert (measure["title_en"], measure["title_en_machine_translated"]) == (TITLE, 0)
    assert measure["title_zh"] is None and measure["published"] is None
    assert archive.document_by_url(NO70_EN)["translation_of"] == document_id(NO70_ZH)
    archive.close()
