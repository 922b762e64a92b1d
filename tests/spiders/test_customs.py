"""CustomsSpider on saved www.customs.gov.cn (easysite) pages (tests/fixtures/customs)."""

from __future__ import annotations

from dataclasses import asdict

import pytest
import scrapy
from conftest import fixture_response, make_spider, parsed, start_requests

from crawler.spiders.base import ARTICLE_META
from crawler.spiders.customs import CustomsSpider
from pipelines.items import Annex, DocumentItem

SLUG = "customs"
WWW = "https://www.customs.gov.cn"
COLUMN = f"{WWW}/customs/302249/zfxxgk/2799825/302274/302275"
LIST_URL = f"{COLUMN}/index.html"
NO219_URL = f"{COLUMN}/6736521/index.html"
NO70_URL = f"{COLUMN}/6735890/index.html"
NO219_TITLE = "海关总署公告2025年第219号（关于公布《中华人民共和国进出口税则》调整事项的公告）"
NO70_TITLE = (
    "商务部 海关总署公告2025年第70号 关于暂停实施商务部 海关总署公告2025年第55号、56号、57号、"
    "58号及商务部公告2025年第61号、62号的公告"
)
NO219_XLSX = f"{COLUMN}/6736521/2025110617201234.xlsx"
NO219_PARAGRAPHS = [
    "根据国务院关税税则委员会公告，现将有关调整事项公告如下：",
    "一、自2025年11月10日起，调整部分商品的进出口关税。",
    "特此公告。",
    "海关总署",
    "2025年11月6日",
]


def spider() -> CustomsSpider:
    return make_spider(CustomsSpider, settings={"REGWATCH_AS_OF": "2025-11-08"})


def parse_article(name: str, url: str = NO219_URL) -> tuple[list[DocumentItem], list[str]]:
    return parsed(spider().parse_article, fixture_response(SLUG, name, url))


def parse_list(name: str) -> tuple[list[scrapy.Request], list[str]]:
    return parsed(spider().parse_list, fixture_response(SLUG, name, LIST_URL))


# --- parsed once per module ---------------------------------------------------


@pytest.fixture(scope="module")
def no219() -> DocumentItem:
    items, problems = parse_article("art_219.html")
    assert problems == []
    assert len(items) == 1
    return items[0]


@pytest.fixture(scope="module")
def no70() -> DocumentItem:
    items, problems = parse_article("art_70_nometa.html", NO70_URL)
    assert problems == []
    return items[0]


@pytest.fixture(scope="module")
def bare() -> DocumentItem:
    items, problems = parse_article("art_219_bare.html")
    assert problems == []
    return items[0]


@pytest.fixture(scope="module")
def column_list() -> tuple[list[scrapy.Request], list[str]]:
    return parse_list("list_302275.html")


# --- class attributes and start() ---------------------------------------------


def test_class_attributes() -> None:
    assert CustomsSpider.name == "customs"
    assert CustomsSpider.source_kind == "authority"
    assert CustomsSpider.allowed_domains == ["customs.gov.cn"]
    assert CustomsSpider.entry_points == [LIST_URL]
    assert "海关总署公告" in CustomsSpider.description
    assert CustomsSpider.min_items == 1


def test_start_fetches_the_announcement_column() -> None:
    s = spider()
    requests = start_requests(s)
    assert [r.url for r in requests] == [LIST_URL]
    assert requests[0].meta[ARTICLE_META] is False
    assert requests[0].callback.__name__ == "parse_list"


# --- list pages ---------------------------------------------------------------


def test_list_yields_the_columns_articles_once_over_https(column_list) -> None:
    requests, problems = column_list
    # the second link is written http://…; the duplicate, nav, pager and footer links are not
    assert [r.url for r in requests] == [NO219_URL, NO70_URL]
    assert problems == []


def test_list_fallback_selector_keeps_only_this_columns_articles_on_the_site() -> None:
    requests, problems = parse_list("list_302275_fallback.html")
    assert [r.url for r in requests] == [NO219_URL]  # relative href; 署令 column and fake host out
    assert problems == []


# --- an article with meta tags (the site sample) ------------------------------


def test_url_and_source(no219: DocumentItem) -> None:
    assert no219.url == NO219_URL
    assert no219.source == "customs"
    assert no219.source_kind == "authority"


def test_title(no219: DocumentItem) -> None:
    assert no219.title == NO219_TITLE


def test_published_raw_from_meta(no219: DocumentItem) -> None:
    assert no219.published_raw == "2025-11-06 17:20"


def test_issuing_unit_from_meta(no219: DocumentItem) -> None:
    assert no219.issuing_unit == "关税征管司"


def test_doc_number_from_title(no219: DocumentItem) -> None:
    assert no219.doc_number == "海关总署公告2025年第219号"


def test_body(no219: DocumentItem) -> None:
    assert no219.body.split("\n\n") == [*NO219_PARAGRAPHS, "附件：调整事项表.xlsx"]


def test_annexes(no219: DocumentItem) -> None:
    assert no219.annexes == [Annex(title="附件：调整事项表.xlsx", url=NO219_XLSX)]


def test_language_and_translation(no219: DocumentItem) -> None:
    assert no219.language == "zh"
    assert no219.machine_translated is False


# --- fallbacks ----------------------------------------------------------------


def test_page_without_meta_title_from_heading(no70: DocumentItem) -> None:
    assert no70.title == NO70_TITLE


def test_page_without_meta_date_from_describe_line(no70: DocumentItem) -> None:
    assert no70.published_raw == "2025-11-07 19:30:00"


def test_page_without_meta_unit_from_describe_line(no70: DocumentItem) -> None:
    assert no70.issuing_unit == "海关总署"


def test_joint_doc_number(no70: DocumentItem) -> None:
    assert no70.doc_number == "商务部 海关总署公告2025年第70号"


def test_page_without_meta_body_drops_print_links_and_ideographic_space(no70: DocumentItem) -> None:
    paragraphs = no70.body.split("\n\n")
    assert paragraphs[0] == "为落实中美吉隆坡经贸磋商联合安排，经批准，现就有关事项公告如下："
    assert paragraphs[-2:] == ["商务部 海关总署", "2025年11月7日"]
    assert len(paragraphs) == 6
    for text in ("打印本页", "关闭窗口", "京ICP备", "字体"):
        assert text not in no70.body
    assert no70.annexes == []


def test_bare_page_title_from_title_element_without_site_name(bare: DocumentItem) -> None:
    assert bare.title == NO219_TITLE


def test_bare_page_date_and_unit_from_describe_line(bare: DocumentItem) -> None:
    assert bare.published_raw == "2025年11月6日 17:20"
    assert bare.issuing_unit == "关税征管司"


def test_bare_page_body_by_class_split_on_line_breaks(bare: DocumentItem) -> None:
    assert bare.body.split("\n\n") == [*NO219_PARAGRAPHS, "调整事项表"]  # no script text


def test_bare_page_annex_by_extension(bare: DocumentItem) -> None:
    assert bare.annexes == [Annex(title="调整事项表", url=NO219_XLSX)]


def test_meta_and_fallbacks_agree_on_the_sample() -> None:
    items, _ = parse_article("art_219_bare.html")
    fields = ("url", "title", "issuing_unit", "doc_number", "language")
    sample, _ = parse_article("art_219.html")
    assert {k: asdict(items[0])[k] for k in fields} == {k: asdict(sample[0])[k] for k in fields}


# --- missing parts ------------------------------------------------------------


