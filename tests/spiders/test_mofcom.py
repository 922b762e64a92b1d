"""MofcomSpider on saved www.mofcom.gov.cn pages (tests/fixtures/mofcom)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pytest
import scrapy
from conftest import fixture_response, make_spider, parsed, start_requests

from crawler.parsing import as_of_date
from crawler.spiders.base import ARTICLE_META
from crawler.spiders.mofcom import MofcomSpider
from pipelines.backfill import ListSpec
from pipelines.items import Annex, DocumentItem
from pipelines.problems import problems_of

SLUG = "mofcom"
AS_OF = {"REGWATCH_AS_OF": "2025-11-08"}
WWW = "https://www.mofcom.gov.cn"
GG_2025 = f"{WWW}/zcfb/blgg/gg/2025/index.html"
ZCFB = f"{WWW}/zwgk/zcfb/index.html"
NO62_URL = f"{WWW}/zwgk/zcfb/art/2025/art_6cb42957741440c6984de696b70df9ae.html"
NO61_URL = f"{WWW}/zwgk/zcfb/art/2025/art_7fc9bff0fb4546ecb02f66ee77d0e5f6.html"
NO70_ZCFB_URL = f"{WWW}/zwgk/zcfb/art/2025/art_b1ec77dd3f0d4762952904df7cdaadec.html"
NO70_GG_URL = f"{WWW}/zcfb/blgg/gg/2025/art/2025/art_3e0d2f6a9b1c4d7e8f20a1b2c3d4e5f6.html"
NO72_URL = f"{WWW}/zcfb/blgg/gg/2025/art/2025/art_0a1b2c3d4e5f60718293a4b5c6d7e8f9.html"
NO62_TITLE = "商务部公告2025年第62号 公布对稀土相关技术实施出口管制的决定"
NO62_PDF = f"{WWW}/cms_files/filemanager/1928930928/attach/202510/9f2a7c8e1b3d4f5a.pdf"
NAV_TEXT = ["新闻发布", "当前位置", "分享到", "微信", "主办单位", "京ICP备", "字体", "网站标识码"]


def spider(settings: dict[str, Any] | None = None) -> MofcomSpider:
    return make_spider(MofcomSpider, settings=AS_OF if settings is None else settings)


def parse_article(name: str, url: str) -> tuple[list[DocumentItem], list[str], MofcomSpider]:
    """Items and problems from parsing one saved article page."""
    s = spider()
    items = list(s.parse_article(fixture_response(SLUG, name, url)))
    return items, problems_of(s.crawler.stats), s


def parse_list(name: str, url: str) -> tuple[list[scrapy.Request], list[str]]:
    return parsed(spider().parse_list, fixture_response(SLUG, name, url))


def start_urls(as_of: str | None) -> list[scrapy.Request]:
    s = spider({"REGWATCH_AS_OF": as_of})
    return start_requests(s)


# --- parsed once per module ---------------------------------------------------


@pytest.fixture(scope="module")
def no62() -> DocumentItem:
    items, problems, _ = parse_article("art_no62.html", NO62_URL)
    assert problems == []
    assert len(items) == 1
    return items[0]


@pytest.fixture(scope="module")
def no70() -> DocumentItem:
    items, _, _ = parse_article("art_no70_gg.html", NO70_GG_URL)
    return items[0]


@pytest.fixture(scope="module")
def no62_bare() -> DocumentItem:
    items, problems, _ = parse_article("art_no62_bare.html", NO62_URL)
    assert problems == []
    return items[0]


@pytest.fixture(scope="module")
def no61_old() -> DocumentItem:
    items, problems, _ = parse_article("art_no61_oldtemplate.html", NO61_URL)
    assert problems == []
    return items[0]


@pytest.fixture(scope="module")
def gg_list() -> tuple[list[scrapy.Request], list[str]]:
    return parse_list("list_gg_2025.html", GG_2025)


# --- class attributes and start() ---------------------------------------------


def test_class_attributes() -> None:
    assert MofcomSpider.name == "mofcom"
    assert MofcomSpider.source_kind == "authority"
    assert MofcomSpider.allowed_domains == ["mofcom.gov.cn"]
    assert f"{WWW}/zcfb/blgg/gg/{{year}}/index.html" in MofcomSpider.entry_points
    assert ZCFB in MofcomSpider.entry_points
    assert MofcomSpider.description
    assert MofcomSpider.min_items >= 1


def test_start_in_november_fetches_this_years_index_and_policy_list() -> None:
    requests = start_urls("2025-11-08")
    assert [r.url for r in requests] == [GG_2025, ZCFB]
    assert all(r.meta[ARTICLE_META] is False for r in requests)


def test_start_in_january_also_fetches_last_years_index() -> None:
    requests = start_urls("2026-01-15")
    assert [r.url for r in requests] == [
        f"{WWW}/zcfb/blgg/gg/2026/index.html",
        GG_2025,
        ZCFB,
    ]


def test_start_without_as_of_uses_todays_year() -> None:
    requests = start_urls(None)
    assert requests[0].url == f"{WWW}/zcfb/blgg/gg/{as_of_date(None).year}/index.html"


# --- list pages ---------------------------------------------------------------


def test_list_yields_article_requests_with_absolute_urls(gg_list) -> None:
    requests, problems = gg_list
    assert [r.url for r in requests] == [NO70_GG_URL, NO62_URL, NO61_URL]
    assert problems == []


def test_list_with_absolute_hrefs() -> None:
    requests, _ = parse_list("list_zcfb.html", ZCFB)
    assert [r.url for r in requests] == [NO70_ZCFB_URL, NO62_URL]


def test_list_fallback_selector_keeps_only_mofcom_article_links() -> None:
    requests, problems = parse_list("list_zcfb_fallback.html", ZCFB)
    assert [r.url for r in requests] == [
        NO70_ZCFB_URL,
        NO62_URL,  # relative href "art/2025/art_….html"
        "https://aqygzj.mofcom.gov.cn/flzc/gzjgfxwj/art/2025/art_0123456789abcdef0123456789abcdef.html",
    ]
    assert problems == []


def test_links_are_deduplicated_across_lists_within_a_run() -> None:
    s = spider()
    first = list(s.parse_list(fixture_response(SLUG, "list_gg_2025.html", GG_2025)))
    second = list(s.parse_list(fixture_response(SLUG, "list_zcfb.html", ZCFB)))
    assert len(first) == 3
    assert [r.url for r in second] == [NO70_ZCFB_URL]  # NO62_URL was already requested


def test_every_list_that_links_an_article_is_remembered_whichever_came_first() -> None:
    # the removal check's "listed on" must not depend on which list was read first
    for order in ((GG_2025, ZCFB), (ZCFB, GG_2025)):
        s = spider()
        for url in order:
            page = "list_gg_2025.html" if url == GG_2025 else "list_zcfb.html"
            list(s.parse_list(fixture_response(SLUG, page, url)))
        assert s.listings[NO62_URL] == {GG_2025, ZCFB}
        assert s.listings[NO70_ZCFB_URL] == {ZCFB}


# --- an article with meta tags ------------------------------------------------


def test_url(no62: DocumentItem) -> None:
    assert no62.url == NO62_URL


def test_source(no62: DocumentItem) -> None:
    assert no62.source == "mofcom"
    assert no62.source_kind == "authority"


def test_title(no62: DocumentItem) -> None:
    assert no62.title == NO62_TITLE


def test_published_raw(no62: DocumentItem) -> None:
    assert no62.published_raw == "2025-10-09 09:00"


def test_issuing_unit(no62: DocumentItem) -> None:
    assert no62.issuing_unit == "安全与管制局"


def test_doc_number(no62: DocumentItem) -> None:
    assert no62.doc_number == "商务部公告2025年第62号"


def test_joint_doc_number(no70: DocumentItem) -> None:
    assert no70.doc_number == "商务部 海关总署公告2025年第70号"


def test_body_starts_with_header_lines(no62: DocumentItem) -> None:
    assert no62.body.startswith(
        "【发布单位】安全与管制局\n\n【发布文号】商务部公告2025年第62号\n\n"
        "【发文日期】2025年10月09日\n\n根据《中华人民共和国出口管制法》"
    )


def test_body_ends_with_signature_and_annex(no62: DocumentItem) -> None:
    assert no62.body.endswith("商务部\n\n2025年10月9日\n\n附件：稀土相关技术出口管制清单.pdf")


def test_body_paragraph_count(no62: DocumentItem) -> None:
    assert len(no62.body.split("\n\n")) == 11


def test_body_collapses_ideographic_space(no70: DocumentItem) -> None:
    assert no70.body.endswith("商务部 海关总署\n\n2025年11月7日")
    assert "\u3000" not in no70.body


@pytest.mark.parametrize("text", NAV_TEXT)
def test_body_has_no_navigation_share_or_footer(no62: DocumentItem, text: str) -> None:
    assert text not in no62.body


def test_annexes(no62: DocumentItem) -> None:
    assert no62.annexes == [Annex(title="附件：稀土相关技术出口管制清单.pdf", url=NO62_PDF)]


def test_no_annexes(no70: DocumentItem) -> None:
    assert no70.annexes == []


def test_language_and_translation(no62: DocumentItem) -> None:
    assert no62.language == "zh"
    assert no62.machine_translated is False


# --- fallbacks ----------------------------------------------------------------


def test_page_without_meta_gives_the_same_fields(no62: DocumentItem) -> None:
    items, problems, _ = parse_article("art_no62_nometa.html", NO62_URL)
    assert problems == []
    assert asdict(items[0]) == asdict(no62)


def test_bare_page_title_from_title_element(no62_bare: DocumentItem) -> None:
    assert no62_bare.title == NO62_TITLE


def test_bare_page_date_from_header_line(no62_bare: DocumentItem) -> None:
    assert no62_bare.published_raw == "2025年10月09日"


def test_bare_page_unit_and_number_from_header_lines(no62_bare: DocumentItem) -> None:
    assert no62_bare.issuing_unit == "安全与管制局"
    assert no62_bare.doc_number == "商务部公告2025年第62号"


def test_bare_page_body_split_on_line_breaks(no62_bare: DocumentItem) -> None:
    paragraphs = no62_bare.body.split("\n\n")
    assert paragraphs[:3] == [
        "【发布单位】安全与管制局",
        "【发布文号】商务部公告2025年第62号",
        "【发文日期】2025年10月09日",
    ]
    assert paragraphs[3].startswith("根据《中华人民共和国出口管制法》")
    assert paragraphs[-4:] == [
        "商务部",
        "2025年10月9日",
        "附件：稀土相关技术出口管制清单.pdf",
        "下载：清单（Word版）",
    ]
    assert "分享到微信" not in no62_bare.body  # script text is not body text


def test_bare_page_annexes_by_text_and_by_extension(no62_bare: DocumentItem) -> None:
    assert no62_bare.annexes == [
        Annex(title="附件：稀土相关技术出口管制清单.pdf", url=NO62_PDF),
        Annex(
            title="下载：清单（Word版）",
            url=f"{WWW}/cms_files/filemanager/1928930928/attach/202510/5c6d7e8f9a0b1c2d.DOCX",
        ),
    ]


def test_old_template_fields(no61_old: DocumentItem) -> None:
    assert no61_old.title == "商务部公告2025年第61号 公布对境外相关稀土物项实施出口管制的决定"
    assert no61_old.published_raw == "2025-10-09 09:00"
    assert no61_old.issuing_unit == "安全与管制局"  # from "来源：安全与管制局"
    assert no61_old.doc_number is None


def test_old_template_body_drops_page_furniture(no61_old: DocumentItem) -> None:
    assert no61_old.body.startswith("根据《中华人民共和国出口管制法》")
    annex = "附件1：相关物项清单.pdf"
    assert no61_old.body.endswith(f"商务部\n\n2025年10月9日\n\n{annex}\n\n{annex}")
    for text in ("打印本页", "关闭窗口", "返回列表", "首页"):
        assert text not in no61_old.body


def test_inline_markup_adds_no_spaces(no61_old: DocumentItem) -> None:
    assert no61_old.body.startswith(
        "根据《中华人民共和国出口管制法》《中华人民共和国两用物项出口管制条例》"
        "等法律法规有关规定，经国务院批准，"
    )


def test_old_template_annexes_deduplicated(no61_old: DocumentItem) -> None:
    assert no61_old.annexes == [
        Annex(
            title="附件1：相关物项清单.pdf",
            url=f"{WWW}/cms_files/filemanager/1928930928/attach/202510/1b7e3c5d9a2f4e60.pdf",
        )
    ]


# --- missing parts ------------------------------------------------------------




# --- the walk back: every year's index and the JPaaS pages behind the lists -------------------

GG_2024 = f"{WWW}/zcfb/blgg/gg/2024/index.html"
NO33_2024 = f"{WWW}/zwgk/zcfb/art/2024/art_a4711acb06364199a3c5a06d7f2be6d8.html"
JPAAS_2024_P2 = (
    f"{WWW}/api-gateway/jpaas-publish-server/front/page/build/unit?webId="
    "5fce1c9c898807554beaa5151c0db784&pageId=8cc423bd56b921bcbaf8c17723fd79b9&tagId=%E4%BF%A1%E6%81"
    "%AF%E5%88%97%E8%A1%A8&tplSetId=NYWDrQM36vXN05IqkveVW&parseType=bulidstatic&pageType=column"
    "&paramJson=%7B%22pageNo%22%3A2%2C%22pageSize%22%3A20%7D")
JPAAS = {"webId": "5fce1c9c898807554beaa5151c0db784", "pageId": "ff69eb048130901266cf2742e42abe0a",
         "tplSetId": "NYWDrQM36vXN05IqkveVW"}
WALK = {"REGWATCH_AS_OF": "2025-11-08", "REGWATCH_BACKFILL": True,
        "REGWATCH_BACKFILL_SINCE": "2020-01-01"}


def walking(settings: dict[str, Any] | None = None) -> tuple[MofcomSpider, dict[str, Any]]:
    """A spider walking back (REGWATCH_BACKFILL), and its lists by URL."""
    s = spider({**WALK, **(settings or {})})
    return s, {spec.url: spec for spec, _ in s.plan()}


def walk_page(s: MofcomSpider, spec: Any, name: str, url: str, number: int,
              previous: Any = None, context: Any = None) -> tuple[list[scrapy.Request], list[str]]:
    response = fixture_response(SLUG, name, url, json=name.endswith(".json"))
    output = list(s.parse_list(response, spec=spec, number=number, mode="walk",
                               previous=previous, context=context))
    return output, problems_of(s.crawler.stats)


def test_a_night_reads_this_years_index_and_the_policy_list() -> None:
    assert [r.url for r in start_urls("2025-11-08")] == [GG_2025, ZCFB]
    assert [r.url for r in start_urls("2026-01-06")] == [
        f"{WWW}/zcfb/blgg/gg/2026/index.html", GG_2025, ZCFB]


def test_a_walk_back_reads_every_years_index_to_backfill_since() -> None:
    s, specs = walking({"REGWATCH_BACKFILL_SINCE": "2023-07-01"})
    assert list(specs) == [GG_2025, ZCFB, GG_2024, f"{WWW}/zcfb/blgg/gg/2023/index.html"]
    assert (specs[GG_2024].series, specs[GG_2024].year, specs[GG_2024].nightly) == (
        "MOFCOM", 2024, False)
    assert specs[ZCFB].series is None  # the policy list is not a whole series


def test_the_jpaas_page_2_is_asked_with_the_pages_jpaasconfig() -> None:
    s, specs = walking()
    output, problems = walk_page(s, specs[GG_2024], "list_gg_2024.html", GG_2024, 1)
    articles = [r for r in output if r.meta[ARTICLE_META]]
    [page2] = [r for r in output if not r.meta[ARTICLE_META]]
    assert problems == [] and len(articles) == 2
    assert page2.url == JPAAS_2024_P2
    assert page2.priority < articles[0].priority  # the page's articles first
    assert page2.cb_kwargs["context"]["pageId"] == "8cc423bd56b921bcbaf8c17723fd79b9"


def test_the_jpaas_page_2_lists_the_2024_announcements_and_ends_the_walk() -> None:
    s, specs = walking()
    first, _ = walk_page(s, specs[GG_2024], "list_gg_2024.html", GG_2024, 1)
    [page2] = [r for r in first if not r.meta[ARTICLE_META]]
    output, problems = walk_page(s, specs[GG_2024], "api_gg_2024_p2.json", page2.url, 2,
                                 previous=page2.cb_kwargs["previous"],
                                 context=page2.cb_kwargs["context"])
    assert problems == []
    assert [r.url for r in output] == [NO33_2024]  # total 21: page 2 is the last
    assert s.walks.states[specs[GG_2024].key].status == "complete"


def test_a_page_without_jpaasconfig_uses_the_fallback_parameters() -> None:
    s, specs = walking()
    output, _ = walk_page(s, specs[GG_2025], "list_gg_2025.html", GG_2025, 1)
    pages = [r for r in output if not r.meta[ARTICLE_META]]
    assert pages and "pageId=cf53ea6266ff4e39f3131373a1d569e6" in pages[0].url


def test_configured_jpaas_parameters_come_before_the_fallbacks() -> None:
    columns = {GG_2025: {"webId": "w", "pageId": "p", "tplSetId": "t"}}
    s, specs = walking({"REGWATCH_JPAAS_COLUMNS": columns})
    output, _ = walk_page(s, specs[GG_2025], "list_gg_2025.html", GG_2025, 1)
    [page2] = [r for r in output if not r.meta[ARTICLE_META]]
    assert "webId=w&pageId=p&" in page2.url and "tplSetId=t" in page2.url


def test_a_column_without_any_jpaas_parameters_is_a_problem_naming_the_list() -> None:
    s, _ = walking()
    spec = ListSpec(key="www.mofcom.gov.cn/zcfb/other", url=f"{WWW}/zcfb/other/index.html")
    s.walks.plan([spec])
    output, problems = walk_page(s, spec, "list_gg_2025.html", spec.url, 1)
    assert [r for r in output if not r.meta[ARTICLE_META]] == []
    assert len(problems) == 1 and "list www.mofcom.gov.cn/zcfb/other" in problems[0]
    assert "no JPaaS parameters" in problems[0]


BAD_PAGES = {
    "an HTML page instead of the JPaaS JSON answer": b"<html><body><h1>502 Bad Gateway</h1>"
                                                     b"</body></html>",
    "an answer that is not JSON": b'{"data": {"html": "<ul>',
    "total 40 but no items": b'{"data": {"html": "", "total": 40}}',
}


@pytest.mark.parametrize("what", sorted(BAD_PAGES))
def test_a_bad_jpaas_page_stops_the_walk_there_with_a_problem(what, tmp_path) -> None:
    s, specs = walking()
    spec = specs[GG_2024]
    first, _ = walk_page(s, spec, "list_gg_2024.html", GG_2024, 1)
    [page2] = [r for r in first if not r.meta[ARTICLE_META]]
    response = scrapy.http.TextResponse(url=page2.url, body=BAD_PAGES[what],
                                        request=scrapy.Request(page2.url))
    output = list(s.parse_list(response, **page2.cb_kwargs))
    [problem] = problems_of(s.crawler.stats)
    assert output == []
    assert f"list {spec.key} page 2" in problem and what in problem
    state = s.walks.states[spec.key]
    assert (state.status, state.next_page) == ("stopped", 2)  # resumed there next night


def test_a_page_repeating_the_previous_one_stops_the_walk() -> None:
    s, specs = walking()
    spec = specs[ZCFB]
    s.walks.take_page(spec.key, 2)
    first, _ = walk_page(s, spec, "api_zcfb_p2.json", JPAAS_2024_P2, 2, context=JPAAS)
    [page3] = [r for r in first if not r.meta[ARTICLE_META]]
    again = fixture_response(SLUG, "api_zcfb_p2.json", page3.url, json=True)
    assert list(s.parse_list(again, **page3.cb_kwargs)) == []
    assert any(f"list {spec.key} page 3: repeats page 2" in p
               for p in problems_of(s.crawler.stats))


def test_items_out_of_date_order_stop_the_walk() -> None:
    s, specs = walking()
    spec = specs[ZCFB]
    first, _ = walk_page(s, spec, "api_zcfb_p3.json", JPAAS_2024_P2, 2, context=JPAAS)
    [page3] = [r for r in first if not r.meta[ARTICLE_META]]
    newer = fixture_response(SLUG, "api_zcfb_p2.json", page3.url, json=True)  # 2025 after 2024
    assert list(s.parse_list(newer, **page3.cb_kwargs)) == []
    assert any("page 3: items newer than page 2's" in p for p in problems_of(s.crawler.stats))
