"""The diff stage's change kinds on a real archive: amended measures, removals, deadlines."""

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from pipelines.archive import Archive, document_id
from pipelines.diff import DiffPipeline, item_changes, lost_parts
from pipelines.finish import finish_run, removal_changes
from pipelines.items import DocumentItem
from pipelines.normalize import normalize_item
from pipelines.problems import problems_of
from pipelines.store import store_item

LIST = "https://www.mofcom.gov.cn/zwgk/zcfb/index.html"
NO1_URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_8990fedae8fa462eb02cc9bae5034e91.html"
NO1_TITLE = "商务部公告2026年第1号 关于加强两用物项对日本出口管制的公告"
NO1_BODY = "一、禁止所有两用物项对日本军事用户出口。\n\n二、本公告自公布之日起正式实施。"
NO57_URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_59ec4f6bec0b459aa4a30c4bbd0a41c1.html"
NO70_URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_b1ec77dd3f0d4762952904df7cdaadec.html"


def page(url, title, body, published="2026-01-06 09:00"):
    return normalize_item(DocumentItem(
        url=url, source="mofcom", source_kind="authority", title=title, body=body,
        language="zh", published_raw=published))


def no57():
    return page(NO57_URL, "商务部 海关总署公告2025年第57号 "
                "关于对部分中重稀土相关物项实施出口管制的决定",
                "一、对钬、铒相关物项实施出口管制。\n\n二、本公告自2025年11月8日起正式实施。",
                "2025-10-09 09:00")


def no70():
    return page(NO70_URL, "商务部 海关总署公告2025年第70号 "
                "关于暂停实施商务部 海关总署公告2025年第57号的公告",
                "一、自即日起至2026年11月10日，暂停实施商务部 海关总署公告2025年第57号。\n\n"
                "二、本公告自公布之日起实施。", "2025-11-07 19:30")


@pytest.fixture
def archive(tmp_path):
    archive = Archive.open(tmp_path / "archive.db")
    yield archive
    archive.close()


def night(archive, as_of, items, *, status="ok", list_pages=(LIST,), after_nights=3):
    """One run of the mofcom source: per item diff + store, the source's health, the end."""
    run_id = archive.start_run(as_of, ["mofcom"], None)
    for item in items:
        item.changes = item_changes(archive, item)
        store_item(archive, item, run_id, as_of, LIST)
    archive.record_source(run_id, "mofcom", {"status": status, "items": len(items)})
    if status == "ok":
        removal_changes(archive, "mofcom", run_id, as_of, list(list_pages), after_nights)
    finish_run(archive, run_id)
    return archive.changes(run_id)


def kinds(changes):
    return sorted(c["kind"] for c in changes)


def test_corrected_title_is_a_measure_amendment_with_before_and_after(archive):
    night(archive, "2026-01-06", [page(NO1_URL, NO1_TITLE, NO1_BODY)])
    corrected = NO1_TITLE.replace("加强两用物项", "加强相关两用物项")
    changes = night(archive, "2026-01-20", [page(NO1_URL, corrected, NO1_BODY)])
    assert kinds(changes) == ["document_changed", "measure_amended"]
    [amended] = [c for c in changes if c["kind"] == "measure_amended"]
    assert amended["measure"] == "MOFCOM-2026-1"
    assert amended["diff"]["fields"] == ["title_zh"]
    assert amended["diff"]["before"]["title_zh"] == NO1_TITLE
    assert amended["diff"]["after"]["title_zh"] == corrected
    assert archive.measure("MOFCOM-2026-1")["title_zh"] == corrected


def test_changed_effective_date_is_an_amendment_and_replaces_the_pages_events(archive):
    night(archive, "2026-01-06", [page(NO1_URL, NO1_TITLE, NO1_BODY)])
    later = NO1_BODY.replace("自公布之日起", "自2026年2月1日起")
    changes = night(archive, "2026-01-07", [page(NO1_URL, NO1_TITLE, later)])
    [amended] = [c for c in changes if c["kind"] == "measure_amended"]
    assert set(amended["diff"]["fields"]) == {"effective", "effective_dates"}
    assert amended["diff"]["after"]["effective"] == "2026-02-01"
    effective = [e["date"] for e in archive.events("MOFCOM-2026-1") if e["kind"] == "effective"]
    assert effective == ["2026-02-01"]  # the old version's date is no longer stated
    assert archive.measure("MOFCOM-2026-1")["status"] == "announced"
    assert any(c["kind"] == "status_changed" and c["to"] == "announced" for c in changes)


def test_an_unchanged_copy_does_not_overwrite_a_newer_text(archive):
    other = NO1_URL.replace("8990", "1111")
    night(archive, "2026-01-06", [page(NO1_URL, NO1_TITLE, NO1_BODY),
                                  page(other, NO1_TITLE, NO1_BODY)])
    corrected = NO1_TITLE + "（更正）"
    night(archive, "2026-01-07", [page(NO1_URL, corrected, NO1_BODY),
                                  page(other, NO1_TITLE, NO1_BODY)])
    assert archive.measure("MOFCOM-2026-1")["title_zh"] == corrected
    assert night(archive, "2026-01-08", [page(NO1_URL, corrected, NO1_BODY),
                                         page(other, NO1_TITLE, NO1_BODY)]) == []


def test_removed_only_after_three_healthy_nights_that_miss_it(archive):
    both = [no57(), page(NO1_URL, NO1_TITLE, NO1_BODY)]
    night(archive, "2026-01-06", both)
    only_no1 = [page(NO1_URL, NO1_TITLE, NO1_BODY)]
    # No. 57 (2025-10-09) is older than anything the list still shows: it only moved on
    assert "document_removed" not in kinds(night(archive, "2026-01-07", only_no1))
    # a newer page disappears from the list
    newer = page(NO1_URL.replace("8990", "2222"), "商务部公告2026年第2号 关于某事项的公告",
                 "本公告自公布之日起实施。", "2026-01-08 09:00")
    night(archive, "2026-01-08", [*only_no1, newer])
    assert kinds(night(archive, "2026-01-09", [no57()])) == []  # missed once
    assert kinds(night(archive, "2026-01-09", [no57()])) == []  # same night again: not twice
    assert kinds(night(archive, "2026-01-10", [], status="failed")) == ["source_problem"]
    assert kinds(night(archive, "2026-01-11", [no57()])) == []  # missed twice
    changes = night(archive, "2026-01-12", [no57()])
    assert kinds(changes) == ["document_removed", "document_removed"]
    assert {c["url"] for c in changes} == {NO1_URL, newer.url}
    assert archive.document_by_url(NO1_URL)["removed_on"] == "2026-01-12"
    assert archive.document_by_url(NO1_URL)["body"] == NO1_BODY  # the archived copy is kept
    assert night(archive, "2026-01-13", [no57()]) == []  # reported once
    night(archive, "2026-01-14", [no57(), page(NO1_URL, NO1_TITLE, NO1_BODY)])
    assert archive.document_by_url(NO1_URL)["removed_on"] is None  # it came back


def test_a_removal_names_its_measure_and_a_return_is_reported(archive):
    """The removal of a measure's text names the measure; the page listed again is a
    document_changed saying it is back (not silently restored)."""
    night(archive, "2026-01-06", [page(NO1_URL, NO1_TITLE, NO1_BODY)])
    newer = page(NO1_URL.replace("8990", "2222"), "商务部公告2026年第2号 关于某事项的公告",
                 "本公告自公布之日起实施。", "2026-01-05 09:00")  # the list still shows it
    night(archive, "2026-01-07", [newer])
    assert night(archive, "2026-01-08", [newer]) == []
    [removed] = night(archive, "2026-01-09", [newer])
    assert (removed["kind"], removed["measure"]) == ("document_removed", "MOFCOM-2026-1")
    [back] = night(archive, "2026-01-10", [newer, page(NO1_URL, NO1_TITLE, NO1_BODY)])
    assert (back["kind"], back["measure"], back["url"]) == (
        "document_changed", "MOFCOM-2026-1", NO1_URL)
    assert back["diff"]["restored"] is True and back["diff"]["removed_on"] == "2026-01-09"
    assert back["summary"].startswith(f"Listed again by mofcom ({LIST}) after it was reported "
                                      "removed on 2026-01-09: ")
    assert archive.document_by_url(NO1_URL)["removed_on"] is None
    assert night(archive, "2026-01-11", [newer, page(NO1_URL, NO1_TITLE, NO1_BODY)]) == []


def test_a_list_page_not_fetched_misses_nothing(archive):
    night(archive, "2026-01-06", [no57(), page(NO1_URL, NO1_TITLE, NO1_BODY)])
    for day in ("2026-01-07", "2026-01-08", "2026-01-09", "2026-01-10"):
        assert night(archive, day, [no57()], list_pages=[]) == []
    assert archive.document_by_url(NO1_URL)["missed_runs"] == 0


def test_new_measure_suspended_in_its_first_run_is_one_entry_with_its_status(archive):
    changes = night(archive, "2025-11-08", [no57(), no70()])
    new57 = [c for c in changes if c["measure"] == "MOFCOM-2025-57"
             and c["kind"] == "new_measure"]
    assert [(c["to"], c["until"], c["by"]) for c in new57] == [
        ("suspended", "2026-11-10", "MOFCOM-2025-70")]
    assert not [c for c in changes if c["kind"] == "status_changed"]


def test_deadlines_near_at_30_and_7_days_then_passed(archive):
    night(archive, "2025-10-09", [no57()])
    night(archive, "2025-11-08", [no57(), no70()])
    first = night(archive, "2026-10-15", [])
    assert [(c["kind"], c["until"], c["diff"]["window"]) for c in first] == [
        ("deadline_near", "2026-11-10", 30)]
    # (No. 57 was suspended from 2025-11-07, the day before it was to take effect)
    assert "in force (for the first time) on 2026-11-11 unless it is extended" in first[0][
        "summary"]
    assert night(archive, "2026-10-20", []) == []  # same window: not again
    second = night(archive, "2026-11-05", [])
    assert [(c["kind"], c["diff"]["window"], c["diff"]["days_left"]) for c in second] == [
        ("deadline_near", 7, 5)]
    passed = night(archive, "2026-11-22", [])
    # (and No. 70, which only suspended No. 57, expired after the same day: CONTRACT section 9)
    assert [(c["kind"], c["measure"], c["from"], c["to"], c["by"], c["until"])
            for c in passed] == [
        ("deadline_passed", "MOFCOM-2025-57", "suspended", "in_force", "MOFCOM-2025-70",
         "2026-11-10"),
        ("status_changed", "MOFCOM-2025-70", "in_force", "expired", None, None)]
    assert passed[0]["diff"]["back_in_force_on"] == "2026-11-11"
    assert passed[0]["diff"]["verify"] is True
    assert passed[0]["document"] == document_id(NO70_URL)
    assert archive.measure("MOFCOM-2025-57")["status"] == "in_force"
    assert night(archive, "2026-11-23", []) == []



def through_diff_stage(archive, as_of, items):
    """One night whose items go through the diff stage as in a crawl (a dropped item is not
    stored); the problems it reported."""
    pipeline = DiffPipeline(archive, get_crawler())
    run_id = archive.start_run(as_of, ["mofcom"], None)
    for item in items:
        try:
            store_item(archive, pipeline.process_item(item), run_id, as_of, LIST)
        except DropItem:
            pass
    archive.record_source(run_id, "mofcom", {"status": "ok", "items": len(items)})
    finish_run(archive, run_id)
    return problems_of(pipeline.crawler.stats)


def test_a_text_that_no_longer_reads_as_its_measure_is_a_problem_not_a_version(archive):
    night(archive, "2025-10-09", [no57()])
    assert archive.measure("MOFCOM-2025-57")["status"] == "announced"
    template = page(NO57_URL, "商务部 海关总署公告", "详见附件。", "2025-10-11 09:00")
    problems = through_diff_stage(archive, "2025-10-11", [template])
    assert problems == [f"not a new version of {NO57_URL}: the page no longer reads as the text "
                        "of MOFCOM-2025-57 (its events would all be dropped); the archived "
                        "version is kept"]
    assert archive.document_by_url(NO57_URL)["version"] == 1
    assert [e["kind"] for e in archive.events("MOFCOM-2025-57")] == ["issued", "effective"]
    assert archive.measure("MOFCOM-2025-57")["status"] == "announced"
    assert kinds(archive.changes(archive.latest_completed_run_id())) == []


def test_a_text_that_lost_its_date_is_a_problem_not_a_version(archive):
    night(archive, "2025-10-09", [no57()])
    undated = page(NO57_URL, no57().title, no57().body, published=None)
    problems = through_diff_stage(archive, "2025-10-11", [undated])
    assert problems == [f"not a new version of {NO57_URL}: the page lost its date (archived: "
                        "2025-10-09); the archived version is kept"]
    assert archive.document_by_url(NO57_URL)["published"] == "2025-10-09"


def test_a_changed_text_that_still_states_its_events_is_a_version(archive):
    night(archive, "2025-10-09", [no57()])
    later = page(NO57_URL, no57().title, no57().body.replace("11月8日", "12月1日"),
                 "2025-10-09 09:00")
    assert lost_parts(archive, later) is None
    assert through_diff_stage(archive, "2025-10-11", [later]) == []
    assert archive.document_by_url(NO57_URL)["version"] == 2


def test_a_text_corrected_to_another_number_is_a_version(archive):
    """An official correction of the page's number (第57号 → 第59号): the text of another
    measure, a new version (it was refused every night as a page that lost its measure)."""
    night(archive, "2025-10-09", [no57()])
    corrected = page(NO57_URL, no57().title.replace("第57号", "第59号"),
                     no57().body.replace("第57号", "第59号"), "2025-10-09 09:00")
    assert lost_parts(archive, corrected) is None
    assert through_diff_stage(archive, "2025-10-11", [corrected]) == []
    assert archive.document_by_url(NO57_URL)["version"] == 2
    assert archive.measure("MOFCOM-2025-59") is not None


def test_a_corrected_number_leaves_no_phantom_measure(tmp_path):
    """The page of No. 62 is corrected to read No. 6 (the same address): the new version is the
    text of MOFCOM-2025-6, the document_changed says so, and MOFCOM-2025-62 (that number misread
    by the page, named by nothing else) is gone: no 'now None' status change, no measure without
    a status, no gaps up to 62. A number that another page still names stays."""
    from test_linking import night

    url = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_ccc.html"
    body = "一、对相关物项实施出口管制。\n\n二、本公告自公布之日起正式实施。"
    archive = Archive.open(tmp_path / "a.db")
    night(archive, "2025-10-09", page(url, "商务部公告2025年第62号 关于实施出口管制的决定", body,
                                      "2025-10-09 09:00"))
    assert archive.measure("MOFCOM-2025-62")["status"] == "in_force"
    run = night(archive, "2025-10-10", page(url, "商务部公告2025年第6号 关于实施出口管制的决定",
                                            body, "2025-10-09 09:00"))
    assert archive.measure("MOFCOM-2025-62") is None
    assert archive.measure("MOFCOM-2025-6")["status"] == "in_force"
    changes = {c["kind"]: c for c in archive.changes(run)}
    assert "status_changed" not in changes
    changed = changes["document_changed"]
    assert "now the text of MOFCOM-2025-6, no longer of MOFCOM-2025-62" in changed["summary"]
    assert [r["measure"] for r in archive.db.query(
        "select measure from document_measures where document = ?", [document_id(url)])] == [
        "MOFCOM-2025-6"]
    # a number another page names is not removed, only no longer this page's text
    news = normalize_item(DocumentItem(
        url="https://www.example.cn/n.html", source="globaltimes", source_kind="news",
        title="商务部公告2025年第6号发布", body="商务部公告2025年第6号对相关物项实施出口管制。",
        language="zh", published_raw="2025-10-11"))
    night(archive, "2025-10-11", news)
    night(archive, "2025-10-12", page(url, "商务部公告2025年第7号 关于实施出口管制的决定", body,
                                      "2025-10-09 09:00"))
    assert archive.measure("MOFCOM-2025-6") is not None
    assert archive.measure("MOFCOM-2025-7")["status"] == "in_force"
    archive.close()
