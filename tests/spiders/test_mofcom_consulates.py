"""MofcomConsulatesSpider on saved pages of mumbai.mofcom.gov.cn."""

from __future__ import annotations

import pytest
import scrapy
from conftest import fixture_response, make_spider, parsed, start_requests

from crawler.spiders.base import ARTICLE_META
from crawler.spiders.mofcom_consulates import (
    MofcomConsulatesSpider,
    language_of,
    says_machine_translated,
)
from pipelines.items import Annex, DocumentItem

SLUG = "mofcom_consulates"
AS_OF = {"REGWATCH_AS_OF": "2025-11-08"}
SITE = "https://mumbai.mofcom.gov.cn"
LIST = f"{SITE}/article/jmxw/index.shtml"
MT_URL = f"{SITE}/article/jmxw/202510/20251003755432.shtml"
ZH_URL = f"{SITE}/article/jmxw/202511/20251103760001.shtml"
MT_TITLE = (
    "MOFCOM spokesperson answers reporters' questions on Announcements No. 61 and No. 62 of 2025"
)
MUMBAI_UNIT = "Economic and Commercial Section, Consulate General of China in Mumbai"


def spider() -> MofcomConsulatesSpider:
    return make_spider(MofcomConsulatesSpider, settings=AS_OF)


def parse_list(name: str) -> tuple[list[scrapy.Request], list[str]]:
    return parsed(spider().parse_list, fixture_response(SLUG, name, LIST))


def parse_article(name: str, url: str) -> tuple[list[DocumentItem], list[str]]:
    return parsed(spider().parse_article, fixture_response(SLUG, name, url))


@pytest.fixture(scope="module")
def mt_item() -> DocumentItem:
    items, problems = parse_article("art_mt_no61_62.html", MT_URL)
    assert problems == []
    assert len(items) == 1
    return items[0]


@pytest.fixture(scope="module")
def zh_item() -> DocumentItem:
    items, problems = parse_article("art_zh_no70.html", ZH_URL)
    assert problems == []
    return items[0]


# --- class attributes, start() and lists --------------------------------------


def test_class_attributes() -> None:
    assert MofcomConsulatesSpider.name == "mofcom_consulates"
    assert MofcomConsulatesSpider.source_kind == "relay"
    assert MofcomConsulatesSpider.consulates == ["mumbai"]
    assert MofcomConsulatesSpider.entry_points == [LIST]
    assert MofcomConsulatesSpider.allowed_domains == ["mofcom.gov.cn"]


def test_start_requests_one_list_per_consulate() -> None:
    s = spider()
    requests = start_requests(s)
    assert [r.url for r in requests] == [LIST]
    assert requests[0].meta[ARTICLE_META] is False


def test_list_yields_article_requests() -> None:
    requests, problems = parse_list("list_jmxw_mumbai.html")
    assert [r.url for r in requests] == [MT_URL]
    assert requests[0].meta[ARTICLE_META] is True
    assert requests[0].callback.__name__ == "parse_article"
    assert problems == []


def test_list_fallback_selector_and_link_filter() -> None:
    requests, _ = parse_list("list_jmxw_fallback.html")
    assert [r.url for r in requests] == [
        ZH_URL,
        MT_URL,  # relative href "202510/….shtml"
        "http://www.mofcom.gov.cn/article/jmxw/202510/20251003755000.shtml",
    ]


# --- the machine-translated English article -----------------------------------


def test_url(mt_item: DocumentItem) -> None:
    assert mt_item.url == MT_URL


def test_source(mt_item: DocumentItem) -> None:
    assert mt_item.source == "mofcom_consulates"
    assert mt_item.source_kind == "relay"


def test_title(mt_item: DocumentItem) -> None:
    assert mt_item.title == MT_TITLE


def test_published_raw_from_inline_script(mt_item: DocumentItem) -> None:
    assert mt_item.published_raw == "2025-10-10 16:02"


def test_issuing_unit(mt_item: DocumentItem) -> None:
    assert mt_item.issuing_unit == MUMBAI_UNIT


def test_doc_number(mt_item: DocumentItem) -> None:
    assert mt_item.doc_number is None


def test_body_start_and_end(mt_item: DocumentItem) -> None:
    assert mt_item.body.startswith("A reporter asked: We noticed that MOFCOM issued two")
    assert mt_item.body.endswith(
        "implementing export controls on rare earth-related technologies."
        "\n\nTranslation Tool: Google Translate"
    )
    assert len(mt_item.body.split("\n\n")) == 4


def test_body_has_no_header_text(mt_item: DocumentItem) -> None:
    assert "Source:" not in mt_item.body
    assert "document.write" not in mt_item.body


def test_language(mt_item: DocumentItem) -> None:
    assert mt_item.language == "en"


def test_machine_translated(mt_item: DocumentItem) -> None:
    assert mt_item.machine_translated is True


def test_annexes(mt_item: DocumentItem) -> None:
    assert mt_item.annexes == []


# --- a Chinese page using the fallbacks ---------------------------------------


def test_zh_title_from_h1(zh_item: DocumentItem) -> None:
    assert zh_item.title == "商务部新闻发言人就商务部 海关总署公告2025年第70号答记者问"


def test_zh_date_from_desc_text(zh_item: DocumentItem) -> None:
    assert zh_item.published_raw == "2025-11-08 09:30"


def test_zh_unit_after_chinese_label(zh_item: DocumentItem) -> None:
    assert zh_item.issuing_unit == "驻孟买总领馆经商处"


def test_zh_body_from_fallback_container(zh_item: DocumentItem) -> None:
    assert zh_item.body.startswith("问：商务部、海关总署发布2025年第70号公告")
    assert zh_item.body.endswith("附件：公告全文.pdf")
    assert "分享到" not in zh_item.body
    assert "主办" not in zh_item.body


def test_zh_language_and_not_translated(zh_item: DocumentItem) -> None:
    assert zh_item.language == "zh"
    assert zh_item.machine_translated is False


def test_zh_annex_absolute_url(zh_item: DocumentItem) -> None:
    assert zh_item.annexes == [
        Annex(title="附件：公告全文.pdf", url=f"{SITE}/accessory/202511/1762565400123.pdf")
    ]


# --- problems -----------------------------------------------------------------


# --- helpers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("商务部公告2025年第61号", "zh"),
        ("MOFCOM Announcement No. 61 of 2025", "en"),
        ("ABCDEF 商务部", "zh"),  # 3 CJK of 9 letters: 33% > 30%
        ("ABCDEFG 商务部", "en"),  # 3 CJK of 10 letters: exactly 30%, not more
        ("The MOFCOM announcement about rare earth 稀土", "en"),
        ("", "en"),
    ],
)
def test_language_of(text: str, expected: str) -> None:
    assert language_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Translation Tool: Google Translate", True),
        ("This text was Machine Translated.", True),
        ("本文为机器翻译", True),
        ("Translated by the Economic and Commercial Section", False),
    ],
)
def test_says_machine_translated(text: str, expected: bool) -> None:
    assert says_machine_translated(text) == expected
