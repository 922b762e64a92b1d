"""Links to measures described without their numbers, and who may raise a measure's confidence."""

import pytest

from pipelines.archive import Archive
from pipelines.items import DocumentItem, MeasureEvent, MeasureRef
from pipelines.linking import clues, inferred_refs, subjects_in

SEED_003 = (  # China Daily, 2026-01-06
    "Export measures help with sustainable development",
    "Beijing has been accelerating the review of rare earth-related export license applications."
    "\n\nIn November, China announced a one-year suspension of export controls on rare earths, "
    "super-hard materials and other strategic resources.",
    "2026-01-06",
)
SEED_004 = (  # Global Times, 2025-05-12
    "China vows concrete measures to prevent illegal outflow of strategic minerals",
    "On April 4, in a joint announcement, the MOFCOM and the General Administration of Customs "
    "unveiled export control measures on certain items related to seven types of medium and "
    "heavy rare earths, per a notice on the MOFCOM's official website.",
    "2025-05-12",
)


def ref(measure_id, relation="issues", title=None, published=None, events=(), confidence="high"):
    series, year, number = measure_id.split("-")
    return MeasureRef(id=measure_id, series=series, year=int(year), number=int(number),
                      issuers=["MOFCOM", "GACC"], relation=relation, confidence=confidence,
                      title=title, published=published, events=list(events))


@pytest.fixture
def archive(tmp_path):
    archive = Archive.open(tmp_path / "a.db")
    run = archive.start_run("2025-11-08", ["mofcom"], None)
    doc = "d1"
    archive.db["documents"].insert({"id": doc, "url": "https://x/1", "title": "t"})
    suspended = [MeasureEvent("suspended", date="2025-11-07", until="2026-11-10",
                              by_measure="MOFCOM-2025-70")]
    for measure_id, title in [("MOFCOM-2025-55", "关于对超硬材料相关物项实施出口管制的决定"),
                              ("MOFCOM-2025-58", "关于对锂电池相关物项实施出口管制的决定")]:
        archive.store_measure_ref(ref(measure_id, "mentions", title, events=suspended), doc,
                                  "2025-11-08", run)
    issued = [("MOFCOM-2025-70", "关于暂停实施…的公告", "2025-11-07"),
              ("MOFCOM-2025-18", "关于对部分中重稀土相关物项实施出口管制的公告", "2025-04-04"),
              ("MOFCOM-2025-10", "关于对钨、碲、铋相关物项实施出口管制的公告", "2025-02-04")]
    for measure_id, title, published in issued:
        archive.store_measure_ref(ref(measure_id, title=title, published=published), doc,
                                  "2025-11-08", run)
    yield archive
    archive.close()


def news(title, body, published):
    return DocumentItem(url="https://www.example.cn/a.html", source="chinadaily",
                        source_kind="news", title=title, body=body, language="en",
                        published=published, confidence="medium")


def test_subjects_from_english_and_chinese():
    assert subjects_in("export controls on rare earths and super-hard materials") == {
        "稀土", "超硬材料"}
    assert subjects_in("seven types of medium and heavy rare earths") == {"中重稀土", "稀土"}
    assert subjects_in("关于对锂电池相关物项") == {"锂电池"}


def test_month_of_a_clue_takes_the_year_before_when_later_than_the_document():
    [clue] = clues(SEED_003[1], "2026-01-06")
    assert (clue.kind, clue.year, clue.month) == ("suspension", 2025, 11)


def test_november_suspension_links_the_suspending_and_suspended_measures(archive):
    refs = inferred_refs(archive, news(*SEED_003))
    assert sorted(r.id for r in refs) == ["MOFCOM-2025-55", "MOFCOM-2025-58", "MOFCOM-2025-70"]
    assert all(r.confidence == "low" and r.relation == "mentions" for r in refs)
    assert all(r.reason.startswith("inferred: describes the suspension of 2025-11 by "
                                   "MOFCOM-2025-70") for r in refs)


def test_joint_april_announcement_on_rare_earths_links_no18(archive):
    refs = inferred_refs(archive, news(*SEED_004))
    assert [r.id for r in refs] == ["MOFCOM-2025-18"]
    assert "2025-04-04" in refs[0].reason


def test_no_link_without_a_matching_subject_or_date(archive):
    assert inferred_refs(archive, news("t", "In November, China announced a suspension of "
                                            "tariffs on soybeans.", "2026-01-06")) == []
    assert inferred_refs(archive, news("t", "On April 5, MOFCOM unveiled export controls on "
                                            "rare earths.", "2025-05-12")) == []


def test_numbers_already_cited_are_not_linked_twice(archive):
    item = news(*SEED_004)
    item.measures = [ref("MOFCOM-2025-18", "mentions", confidence="medium")]
    assert inferred_refs(archive, item) == []


def test_news_never_raises_a_measures_confidence(archive):
    run = archive.latest_run_id()
    archive.store_measure_ref(ref("MOFCOM-2025-99", "mentions", confidence="low"), "d1",
                              "2025-11-08", run)
    archive.store_measure_ref(ref("MOFCOM-2025-99", "reports_on", confidence="medium"), "d1",
                              "2025-11-09", run)
    assert archive.measure("MOFCOM-2025-99")["confidence"] == "low"
    archive.store_measure_ref(ref("MOFCOM-2025-99", "mentions", confidence="high"), "d1",
                              "2025-11-09", run)
    assert archive.measure("MOFCOM-2025-99")["confidence"] == "high"


def test_abbreviated_months_are_understood(archive):
    text = "On Nov. 7, China announced the suspension of export controls on rare earths."
    [clue] = clues(text, "2025-12-01")
    assert (clue.kind, clue.year, clue.month) == ("suspension", 2025, 11)
