"""GlobalTimesSpider on saved www.globaltimes.cn pages (tests/fixtures/globaltimes)."""

from __future__ import annotations

import pytest
import scrapy
from conftest import fixture_response, make_spider, parsed, start_requests

from crawler.spiders.base import ARTICLE_META
from crawler.spiders.globaltimes import GlobalTimesSpider, is_caption, strip_trailer
from pipelines.dates import parse_published
from pipelines.items import DocumentItem

SLUG = "globaltimes"
WWW = "https://www.globaltimes.cn"
LIST_URL = f"{WWW}/business/index.html"
OCT16_URL = f"{WWW}/page/202510/1345791.shtml"
MAY12_URL = f"{WWW}/page/202505/1333797.shtml"
OCT16_TITLE = (
    "Chinese authorities reiterate position on rare earth export control; compliant application "
    "for civilian use can be approved"
)
MAY12_TITLE = (
    "China vows concrete measures to prevent illegal outflow of strategic minerals, safeguard "
    "national security, devt interests"
)
OCT16_FIRST = (
    "China reiterated on Thursday its clear stance on export control measures, which are in line "
    "with international practice and aimed at better safeguarding global peace and regional "
    "stability. At the same time, China is working to optimize the licensing process and shorten "
    "review times to facilitate compliant trade."
)
OCT16_LAST = (
    "The US cannot keep on resorting to underhanded tactics or breaking its own commitments, Huo "
    "said, noting that joint efforts for the world two largest economies are crucial to resolving "
    "the trade issue, which affects not only the bilateral relations but also the stability of the "
    "global economy."
)
MAY12_FIRST = (
    "Asked about the considerations behind a recently launched special operation to combat the "
    "smuggling of strategic minerals, and what other work will be carried out, a spokesperson for "
    "the Ministry of Commerce (MOFCOM) said on Monday that strengthening export controls on "
    "strategic mineral resources is related to national security and China's development "
    "interests."
)
MAY12_LAST = (
    "Wang emphasized that as oversight improves and international cooperation deepens, China's "
    "export control practices will play an increasingly important role in global security "
    "governance."
)
SAMPLE_PARAGRAPHS = [
    "China reiterated on Thursday its clear stance on export control measures, which are in line "
    "with international practice and aimed at better safeguarding global peace and regional "
    "stability.",
    "Responding to a media inquiry about a green channel for license applications, He Yongqian, a "
    "MOFCOM spokesperson, said that as long as export applications are compliant and for civilian "
    "use, they can be approved.",
    "He noted that China has been continuously optimizing the licensing process during "
    "implementation, shortening review times, and actively considering facilitation measures such "
    "as applying general license exemptions.",
]
NOT_BODY = ["Photo", "VCG", "By Global Times", "Published", "SOURCE / ECONOMY", "RELATED",
            "Copyright", "Twitter", "Newspaper headline"]


def spider() -> GlobalTimesSpider:
    return make_spider(GlobalTimesSpider, settings={"REGWATCH_AS_OF": "2025-11-08"})


def parse_article(name: str, url: str = OCT16_URL) -> tuple[list[DocumentItem], list[str]]:
    return parsed(spider().parse_article, fixture_response(SLUG, name, url))


def parse_list(name: str) -> tuple[list[scrapy.Request], list[str]]:
    return parsed(spider().parse_list, fixture_response(SLUG, name, LIST_URL))


def paragraphs(item: DocumentItem) -> list[str]:
    return item.body.split("\n\n")


# --- parsed once per module ---------------------------------------------------


@pytest.fixture(scope="module")
def oct16() -> DocumentItem:
    """Seed 002: the full article of 16 Oct 2025."""
    items, problems = parse_article("art_1345791.shtml")
    assert problems == []
    assert len(items) == 1
    return items[0]


@pytest.fixture(scope="module")
def may12() -> DocumentItem:
    """Seed 004: the article of 12 May 2025, with the print edition's trailer lines."""
    items, problems = parse_article("art_1333797.shtml", MAY12_URL)
    assert problems == []
    return items[0]


@pytest.fixture(scope="module")
def business_list() -> tuple[list[scrapy.Request], list[str]]:
    return parse_list("list_business.html")


# --- class attributes and start() ---------------------------------------------


def test_class_attributes() -> None:
    assert GlobalTimesSpider.name == "globaltimes"
    assert GlobalTimesSpider.source_kind == "news"
    assert GlobalTimesSpider.allowed_domains == ["globaltimes.cn"]
    assert GlobalTimesSpider.entry_points == [LIST_URL]
    assert "Global Times" in GlobalTimesSpider.description
    assert GlobalTimesSpider.min_items == 1


def test_start_fetches_the_business_list() -> None:
    s = spider()
    requests = start_requests(s)
    assert [r.url for r in requests] == [LIST_URL]
    assert requests[0].meta[ARTICLE_META] is False


# --- list pages ---------------------------------------------------------------


def test_list_yields_every_article_once(business_list) -> None:
    requests, problems = business_list
    # relevance is not the spider's business: both articles; not the nav, special page or pager
    assert [r.url for r in requests] == [OCT16_URL, MAY12_URL]
    assert problems == []


def test_list_fallback_selector_relative_and_http_links() -> None:
    requests, problems = parse_list("list_business_fallback.html")
    assert [r.url for r in requests] == [MAY12_URL, OCT16_URL]  # look-alike host left out
    assert problems == []


# --- the seed articles --------------------------------------------------------


def test_url_source_and_language(oct16: DocumentItem) -> None:
    assert oct16.url == OCT16_URL
    assert (oct16.source, oct16.source_kind, oct16.language) == ("globaltimes", "news", "en")
    assert oct16.machine_translated is False


def test_title(oct16: DocumentItem, may12: DocumentItem) -> None:
    assert oct16.title == OCT16_TITLE
    assert may12.title == MAY12_TITLE


def test_published_raw_as_written(oct16: DocumentItem, may12: DocumentItem) -> None:
    assert oct16.published_raw == "Published: Oct 16, 2025 10:41 PM"
    assert may12.published_raw == "Published: May 12, 2025 04:57 PM"


def test_published_raw_parses_in_the_date_pipeline(oct16: DocumentItem, may12: DocumentItem):
    assert parse_published(oct16.published_raw) == ("2025-10-16", "2025-10-16T22:41:00+08:00")
    assert parse_published(may12.published_raw) == ("2025-05-12", "2025-05-12T16:57:00+08:00")


def test_byline_is_not_an_issuing_unit(oct16: DocumentItem) -> None:
    assert oct16.issuing_unit is None
    assert oct16.doc_number is None
    assert oct16.annexes == []


def test_body_paragraphs_are_the_text_runs_between_brs(oct16: DocumentItem) -> None:
    body = paragraphs(oct16)
    assert len(body) == 20
    assert body[0] == OCT16_FIRST
    assert body[-1] == OCT16_LAST


def test_body_keeps_subheadings_and_inline_links_in_their_lines(oct16: DocumentItem) -> None:
    body = paragraphs(oct16)
    assert body[3] == "Reiterated stances"
    assert body[14] == "Open to equal talks"  # non-breaking spaces collapsed
    assert "Chinese Foreign Ministry spokesperson Lin Jian said at the regular" in body[4]


@pytest.mark.parametrize("text", NOT_BODY)
def test_body_has_no_caption_byline_or_page_furniture(oct16, may12, text: str) -> None:
    assert text not in oct16.body
    assert text not in may12.body


def test_trailing_signature_and_headline_are_stripped(may12: DocumentItem) -> None:
    body = paragraphs(may12)
    assert len(body) == 14
    assert body[0] == MAY12_FIRST
    assert body[-1] == MAY12_LAST
    assert "told the Global Times on Monday" in body[3]  # "Global Times" inside text stays


# --- fallbacks ----------------------------------------------------------------


def test_site_sample_page() -> None:
    items, problems = parse_article("art_sample_1345791.shtml")
    assert problems == []
    assert (items[0].title, items[0].published_raw) == (
        OCT16_TITLE, "Published: Oct 16, 2025 10:41 PM")
    assert paragraphs(items[0]) == SAMPLE_PARAGRAPHS


def test_title_from_og_title_when_the_title_div_is_missing() -> None:
    items, problems = parse_article("art_1345791_ogtitle.shtml")
    assert problems == []
    assert items[0].title == OCT16_TITLE  # <title> says "Rare earth export control"


def test_bare_page_title_element_date_span_and_content_div() -> None:
    items, problems = parse_article("art_1345791_bare.shtml")
    assert problems == []
    assert items[0].title == OCT16_TITLE  # " - Global Times" removed
    assert items[0].published_raw == "Published: Oct 16, 2025 10:41 PM"
    assert paragraphs(items[0]) == SAMPLE_PARAGRAPHS


# --- missing parts ------------------------------------------------------------


# --- helpers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("rare earth Photo:VCG", True),
        ("The Ministry of Commerce of China File photo: VCG", True),
        ("Photo: Xinhua", True),
        ("Photos: Courtesy of the company", True),
        ("Reiterated stances", False),
        (OCT16_FIRST, False),
        ("He said the photo: a symbol of cooperation between the two sides, was taken in 2019 "
         "during the talks.", False),
    ],
)
def test_is_caption(line: str, expected: bool) -> None:
    assert is_caption(line) is expected


def test_strip_trailer_only_at_the_end() -> None:
    lines = ["Global Times", "Text.", "Global Times", "Newspaper headline: A headline"]
    assert strip_trailer(lines) == ["Global Times", "Text."]
    assert strip_trailer(["Text."]) == ["Text."]
