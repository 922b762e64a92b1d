"""MOFCOM numbers told without their year (商务部第55号、56号、57号公告, 第70号公告, 公告第61号) on
MOFCOM's press pages and news about MOFCOM, read at the end of a run against the measures the
archive holds (pipelines.linking `_yearless_in_archive`, docs/RULES.md "Numbers without their
year"): a link to a measure that exists, never a measure made up, in whatever order the pages
and the measures arrive."""

import pytest
from test_linking import links, measures, night, own_page

from pipelines.archive import Archive, document_id
from pipelines.items import DocumentItem
from pipelines.normalize import normalize_item

PRESS = "https://www.mofcom.gov.cn/xwfb/xwrcjd/art/2025/art_yearless.html"


@pytest.fixture
def archive(tmp_path):
    archive = Archive.open(tmp_path / "a.db")
    yield archive
    archive.close()


def press(body: str, published: str, url: str = PRESS) -> DocumentItem:
    """A page of MOFCOM's press conferences (mofcom_press), as the spider yields it."""
    return normalize_item(DocumentItem(
        url=url, source="mofcom_press", source_kind="relay",
        title=f"商务部召开例行新闻发布会（{published}）", body=body, language="zh",
        published_raw=published))


def made_up(measure_id: str, title: str, published: str) -> DocumentItem:
    """A measure's own page with a title of the test's."""
    return own_page(measure_id, f"商务部公告{measure_id.split('-')[1]}年第"
                                f"{measure_id.split('-')[2]}号 {title}", published, ["MOFCOM"], [])


def candidates(archive: Archive, url: str) -> dict[str, str]:
    return {r["measure"]: r["reason"] for r in archive.link_candidates(document_id(url))}


def measures_and_events(archive: Archive) -> tuple[list, list]:
    return ([r["id"] for r in archive.db.query("select id from measures order by id")],
            [tuple(r.values()) for r in archive.db.query(
                "select measure, kind, date, until, by_measure, document from measure_events "
                "order by 1, 2, 3, 4, 5, 6")])


def test_a_press_page_links_the_archived_measures_of_a_yearless_list(archive):
    """商务部第55号、57号、58号公告 on a press page of 13 November 2025: each number of the
    list is the archived measure of 2025, a link of confidence low saying what was read; no
    measure is made, no event added."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"))
    before = measures_and_events(archive)
    page = press("记者：请问商务部第55号、57号、58号公告的执行情况如何？\n"
                 "何亚东：商务部将依法依规审查相关出口许可申请。", "2025-11-13")
    night(archive, "2025-11-13", page)
    found = links(archive, PRESS)
    assert sorted(found) == ["MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-58"]
    assert found["MOFCOM-2025-55"].startswith(
        "inferred: “第55号、57号、58号公告” without its year, read as MOFCOM-2025-55 (the latest "
        "such number on or before 2025-11-13)")
    assert {r["confidence"] for r in archive.db.query(
        "select confidence from document_measures where document = ?",
        [document_id(PRESS)])} == {"low"}
    assert measures_and_events(archive) == before


@pytest.mark.parametrize("form", ["第70号公告", "公告第70号", "70号公告"])
def test_each_form_of_a_yearless_number_is_read(archive, form):
    night(archive, "2025-11-07", *measures("MOFCOM-2025-70"))
    night(archive, "2025-11-13", press(f"何亚东：根据{form}，有关措施按规定执行。",
                                       "2025-11-13"))
    assert list(links(archive, PRESS)) == ["MOFCOM-2025-70"]


def test_a_later_page_names_last_years_measure_in_the_window_and_none_that_is_missing(
        archive):
    """A page of March 2026 naming No. 55 when only MOFCOM-2025-55 (October 2025) exists: that
    one; No. 56, which the archive does not hold, links nothing and no MOFCOM-2026-56 or
    MOFCOM-2025-56 is made. Past the window (November 2026) No. 55 is no longer read."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-55"))
    march = press("何亚东：第55号、56号公告仍在暂停实施期间。", "2026-03-10")
    night(archive, "2026-03-10", march)
    assert list(links(archive, PRESS)) == ["MOFCOM-2025-55"]
    assert candidates(archive, PRESS) == {}
    ids = [r["id"] for r in archive.db.query("select id from measures")]
    assert ids == ["MOFCOM-2025-55"]
    late = "https://www.mofcom.gov.cn/xwfb/xwrcjd/art/2026/art_late.html"
    night(archive, "2026-11-20", press("何亚东：第55号公告有关情况如下。", "2026-11-20", late))
    assert links(archive, late) == {} and candidates(archive, late) == {}


def test_a_measure_dated_after_the_page_is_never_read(archive):
    """第55号、57号公告 on a page of June 2025: No. 55 is MOFCOM-2024-55 (December 2024), not
    MOFCOM-2025-55 of October, after the page; No. 57 of October 2025 is no reading of it."""
    night(archive, "2025-10-09", made_up("MOFCOM-2024-55", "关于对镓相关物项实施出口管制的公告",
                                         "2024-12-20"), *measures("MOFCOM-2025-55",
                                                                  "MOFCOM-2025-57"))
    night(archive, "2025-10-10", press("何亚东：第55号、57号公告有关情况如下。", "2025-06-01"))
    assert list(links(archive, PRESS)) == ["MOFCOM-2024-55"]
    assert candidates(archive, PRESS) == {}


def test_two_plausible_years_are_review_candidates_unless_the_goods_tell_them_apart(archive):
    """No. 30 of December 2024 and No. 30 of June 2025 both within a year of an August 2025
    page: nothing tells them apart, so each is a review candidate and neither a link; a sentence
    naming the goods of one reads that one; goods of neither read none."""
    night(archive, "2025-06-01",
          made_up("MOFCOM-2024-30", "关于对镓相关物项实施出口管制的公告", "2024-12-10"),
          made_up("MOFCOM-2025-30", "关于对锑相关物项实施出口管制的公告", "2025-06-01"))
    night(archive, "2025-08-01", press("何亚东：第30号公告有关情况如下。", "2025-08-01"))
    assert links(archive, PRESS) == {}
    proposed = candidates(archive, PRESS)
    assert sorted(proposed) == ["MOFCOM-2024-30", "MOFCOM-2025-30"]
    assert "could be MOFCOM-2025-30, MOFCOM-2024-30" in proposed["MOFCOM-2024-30"]
    goods = "https://www.mofcom.gov.cn/xwfb/xwrcjd/art/2025/art_goods.html"
    other = "https://www.mofcom.gov.cn/xwfb/xwrcjd/art/2025/art_other.html"
    night(archive, "2025-08-02",
          press("何亚东：有关锑的第30号公告有关情况如下。", "2025-08-02", goods),
          press("何亚东：有关稀土的第30号公告有关情况如下。", "2025-08-02", other))
    assert list(links(archive, goods)) == ["MOFCOM-2025-30"]
    assert candidates(archive, goods) == {}
    assert links(archive, other) == {} and candidates(archive, other) == {}


def test_goods_contradicting_the_only_measure_of_the_number_read_none(archive):
    night(archive, "2025-10-09", *measures("MOFCOM-2025-57"))  # medium and heavy rare earths
    night(archive, "2025-11-13", press("何亚东：第57号公告对镓相关物项实施出口管制。",
                                       "2025-11-13"))
    assert links(archive, PRESS) == {} and candidates(archive, PRESS) == {}


@pytest.mark.parametrize("order", ["page-first", "measure-first", "one-night"])
def test_the_page_gets_its_link_whenever_the_measure_arrives(tmp_path, order):
    """A press page stored the night before the measure's own page (a late list, a backfill)
    gets its link the night the measure arrives, as when the measure came first."""
    archive = Archive.open(tmp_path / "a.db")
    try:
        page = press("记者：请问第55号公告的执行情况如何？\n何亚东：有关措施依法执行。",
                     "2025-11-13")
        no55 = measures("MOFCOM-2025-55")[0]
        if order == "page-first":
            night(archive, "2025-11-13", page)
            assert links(archive, PRESS) == {}
            night(archive, "2025-11-14", no55)
        elif order == "measure-first":
            night(archive, "2025-11-12", no55)
            night(archive, "2025-11-13", page)
        else:
            night(archive, "2025-11-13", no55, page)
        found = links(archive, PRESS)
        assert list(found) == ["MOFCOM-2025-55"]
        assert "read as MOFCOM-2025-55 (the latest such number on or before 2025-11-13)" in \
            found["MOFCOM-2025-55"]
    finally:
        archive.close()


def test_a_number_of_customs_is_not_mofcoms(archive):
    """海关总署公告第55号 and 海关总署第55号公告 are Customs' series, even on MOFCOM's page; a joint
    announcement (商务部 海关总署公告第55号) is MOFCOM's."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-55"))
    customs = "https://www.mofcom.gov.cn/xwfb/xwrcjd/art/2025/art_customs.html"
    joint = "https://www.mofcom.gov.cn/xwfb/xwrcjd/art/2025/art_joint.html"
    night(archive, "2025-11-13",
          press("何亚东：海关总署公告第55号有关情况如下。海关总署第55号公告也已执行。",
                "2025-11-13", customs),
          press("何亚东：商务部 海关总署公告第55号有关情况如下。", "2025-11-13", joint))
    assert links(archive, customs) == {} and candidates(archive, customs) == {}
    assert list(links(archive, joint)) == ["MOFCOM-2025-55"]


def test_a_year_the_sentence_gives_the_number_wins(archive):
    """No. 46 of December 2024 and a No. 46 of September 2025 are both within a year of a
    November 2025 page: 2024年发布的第46号公告 and 去年第46号公告 name the first; the number
    alone is ambiguous."""
    night(archive, "2025-09-01", *measures("MOFCOM-2024-46"),
          made_up("MOFCOM-2025-46", "关于对锑相关物项实施出口管制的公告", "2025-09-01"))
    told = "https://www.mofcom.gov.cn/xwfb/xwrcjd/art/2025/art_told.html"
    last = "https://www.mofcom.gov.cn/xwfb/xwrcjd/art/2025/art_last.html"
    night(archive, "2025-11-13",
          press("何亚东：商务部2024年发布的第46号公告有关情况如下。", "2025-11-13", told),
          press("何亚东：去年第46号公告有关情况如下。", "2025-11-13", last),
          press("何亚东：第46号公告有关情况如下。", "2025-11-13"))
    assert list(links(archive, told)) == ["MOFCOM-2024-46"]
    assert "(the year 2024 the sentence gives it)" in links(archive, told)["MOFCOM-2024-46"]
    assert list(links(archive, last)) == ["MOFCOM-2024-46"]
    assert links(archive, PRESS) == {}
    assert sorted(candidates(archive, PRESS)) == ["MOFCOM-2024-46", "MOFCOM-2025-46"]


def test_news_about_mofcom_reads_them_and_other_news_does_not(archive):
    """A Chinese news page telling MOFCOM's words (商务部新闻发言人…) reads its numbers as
    MOFCOM's; a page naming no MOFCOM does not."""
    night(archive, "2025-10-09", *measures("MOFCOM-2025-55"))
    about = "https://www.example.cn/about.html"
    other = "https://www.example.cn/other.html"
    item = {"source": "chinadaily", "source_kind": "news", "language": "zh",
            "published_raw": "2025-11-13"}
    night(archive, "2025-11-13",
          normalize_item(DocumentItem(url=about, title="商务部回应", **item,
                                      body="商务部新闻发言人表示，第55号公告有关情况如下。")),
          normalize_item(DocumentItem(url=other, title="市场观察", **item,
                                      body="分析人士表示，第55号公告有关情况如下。")))
    assert list(links(archive, about)) == ["MOFCOM-2025-55"]
    assert links(archive, other) == {}



def test_an_archive_from_before_the_rule_reads_its_pages_once_again(tmp_path):
    """An archive whose press page was linked before numbers without their year were read (no
    `yearless:` key) has it linked again by its next run (m832), and a measure stored after
    that finds it."""
    path = tmp_path / "a.db"
    archive = Archive.open(path)
    try:
        night(archive, "2025-11-13", press("何亚东：第55号公告有关情况如下。", "2025-11-13"))
        with archive.transaction():  # as linked by an older regwatch
            archive.db.execute("delete from document_clues where clue like 'yearless:%'")
            archive.db.execute("delete from _sqlite_migrations where name = "
                               "'m832_yearless_numbers_read'")
    finally:
        archive.close()
    archive = Archive.open(path)
    try:
        assert archive.documents_pending_links() == [document_id(PRESS)]
        night(archive, "2025-11-14", *measures("MOFCOM-2025-55"))
        assert list(links(archive, PRESS)) == ["MOFCOM-2025-55"]
        assert archive.documents_pending_links() == []
    finally:
        archive.close()


@pytest.mark.parametrize(("text", "expected"), [
    ("根据第70号公告，第55号、56号公告暂停实施。", [(70, None), (55, None), (56, None)]),
    ("商务部公告第61号、第62号规定了境外物项。", [(61, None), (62, None)]),
    ("Announcement No. 61 and No. 62 took effect.", [(61, None), (62, None)]),
    ("去年第46号公告仍然有效。", [(46, 2024)]),
    ("商务部2024年12月3日发布的第46号公告仍然有效。", [(46, 2024)]),
    ("2025年第55号、56号公告暂停实施。", [(55, 2025), (56, 2025)]),
    # a number with its year is a citation; another body's number is not MOFCOM's
    ("商务部公告2025年第61号、62号暂停实施。", []),
    ("海关总署公告第219号自11月10日起执行。", []),
    ("国务院关税税则委员会发布第4号公告。", []),
    ("国家税务总局公告第5号。", []),
    ("GACC Announcement No. 219 took effect.", []),
    ("商务部 海关总署公告第70号暂停实施有关措施。", [(70, None)]),
    ("商务部10月9号公告规定了境外物项。", []),  # a day, not a number
])
def test_the_numbers_a_sentence_tells_without_their_year(text, expected):
    from pipelines.linking import _yearless_citations
    assert [(c.number, c.year) for c in _yearless_citations(text, 2025)] == expected
