"""Official copies of one text that disagree on a date (MOFCOM's main site says a measure takes
effect on 1 December, the export-control portal on 8 November): one rule picks the date the
archive uses, for the status and the reminders alike; the disagreement is reported once, shown
on the measure, by `regwatch status` and in the report, and reported again when it is over.
Real archives, through the store and the end of a run (pipelines.finish)."""

from __future__ import annotations

import json

import pytest
from conftest import regwatch
from test_linking import night

from pipelines.archive import Archive
from pipelines.items import DocumentItem
from pipelines.lifecycle import deadlines, status_on
from pipelines.normalize import normalize_item
from pipelines.regime import regime
from pipelines.report import build_report, headline, write_reports

NO61 = "MOFCOM-2025-61"
TITLE = "商务部公告2025年第61号 关于对境外相关稀土物项实施出口管制的决定"
MAIN = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_61.html"
PORTAL = "http://exportcontrol.mofcom.gov.cn/article/zcfg/gnzcfg/202510/61.html"
BUREAU = "http://aqygzj.mofcom.gov.cn/article/zcfg/202510/61.html"


def copy_of_61(url: str, source: str, operative: str, published: str = "2025-10-09",
               title: str = TITLE, kind: str = "authority") -> DocumentItem:
    """A copy of No. 61's own text on one site, whose last sentence is `operative`."""
    return normalize_item(DocumentItem(
        url=url, source=source, source_kind=kind, language="zh", published_raw=published,
        title=title,
        body=f"商务部公告2025年第61号\n\n一、对境外相关稀土物项实施出口管制。\n\n{operative}"))


def no70(url: str, source: str, end: str, kind: str = "authority") -> DocumentItem:
    """A copy of No. 70, suspending No. 58 until `end` (its last sentence's words)."""
    return normalize_item(DocumentItem(
        url=url, source=source, source_kind=kind, language="zh", published_raw="2025-11-07",
        title="商务部 海关总署公告2025年第70号 关于暂停实施商务部 海关总署公告2025年第58号的公告",
        body="商务部 海关总署公告2025年第70号\n\n自公布之日起，暂停实施商务部 海关总署公告"
             "2025年第58号（关于对锂电池和人造石墨负极材料相关物项实施出口管制的决定），" + end))


DEC_1 = "本公告自2025年12月1日起正式实施。"
NOV_8 = "本公告自2025年11月8日起正式实施。"


@pytest.fixture
def archive(tmp_path):
    archive = Archive.open(tmp_path / "archive.db")
    yield archive
    archive.close()


def disagreements(archive, run_id=None, measure=NO61):
    """The run's (or every run's) source_problem changes about the measure's copies."""
    return [dict(c, diff=json.loads(c["diff"])) for c in archive.db.query(
        "select * from changes where kind = 'source_problem' and measure = ? and "
        "(? is null or run_id = ?) order by id", [measure, run_id, run_id])]


def open_rows(archive):
    return list(archive.db.query(
        "select * from date_disagreements where resolved_run_id is null"))


def test_disagreeing_effective_dates_are_reported_once_naming_both_copies(archive):
    night(archive, "2025-10-09", copy_of_61(MAIN, "mofcom", DEC_1))
    run = night(archive, "2025-10-10", copy_of_61(PORTAL, "mofcom_exportcontrol", NOV_8))
    for day in ("2025-10-11", "2025-10-20", "2025-11-01"):
        night(archive, day)
    [change] = disagreements(archive)
    assert change["run_id"] == run
    summary = change["summary"]
    assert "official copies disagree on the date it takes effect" in summary
    assert "mofcom (www.mofcom.gov.cn) says 2025-12-01" in summary
    assert "mofcom_exportcontrol (exportcontrol.mofcom.gov.cn) says 2025-11-08" in summary
    copies = change["diff"]["disagreement"]["copies"]
    assert {c["source"]: c["dates"] for c in copies} == {
        "mofcom": [["2025-12-01", None]], "mofcom_exportcontrol": [["2025-11-08", None]]}
    assert [c["source"] for c in copies if c["used"]] == ["mofcom"]  # the issuer's own site first
    assert not change["diff"]["resolved"]
    # another copy is not an amendment of the measure
    assert not list(archive.db.query("select * from changes where kind = 'measure_amended'"))
    [row] = open_rows(archive)
    assert (row["measure"], row["kind"], row["first_run_id"]) == (NO61, "effective", run)


def test_the_status_and_the_reminders_follow_the_same_copy(archive):
    """The preferred copy (by confidence, then the issuer's own site: MOFCOM's main site over
    the portal) decides: the measure is announced until the day before its date, in force from
    it, its `effective` is that date and the only reminders are for that date, never for the
    other copy's."""
    night(archive, "2025-10-09", copy_of_61(MAIN, "mofcom", DEC_1))
    night(archive, "2025-10-10", copy_of_61(PORTAL, "mofcom_exportcontrol", NOV_8))
    for day in ("2025-11-01", "2025-11-10"):
        night(archive, day)
    used = disagreements(archive)[0]["diff"]["disagreement"]["used"][0][0]
    events = archive.events(NO61)
    assert status_on(events, "2025-11-08").status == "announced"  # (the portal's day)
    assert status_on(events, "2025-11-30").status == "announced"
    assert status_on(events, "2025-12-01").status == "in_force"
    assert used == "2025-12-01"
    assert archive.measure(NO61)["effective"] == used
    reminded = {c["until"] for c in archive.db.query(
        "select until from changes where kind = 'deadline_near' and measure = ?", [NO61])}
    assert reminded == {used}
    assert [d.date for d in deadlines(events, "2025-11-01", 30)] == [used]
    assert regime(archive, "2025-11-20", NO61)[0]["status"] == "announced"
    assert regime(archive, "2025-12-05", NO61)[0]["status"] == "in_force"
    periods = [(p["status"], p["from"], p["to"]) for p in archive.status_periods(NO61)]
    assert periods == [("announced", "2025-10-09", "2025-11-30"), ("in_force", used, None)]


def test_the_rule_does_not_depend_on_the_order_copies_arrive_in(tmp_path):
    seen = []
    for name, first, second in (("a", (MAIN, "mofcom", DEC_1),
                                 (PORTAL, "mofcom_exportcontrol", NOV_8)),
                                ("b", (PORTAL, "mofcom_exportcontrol", NOV_8),
                                 (MAIN, "mofcom", DEC_1))):
        archive = Archive.open(tmp_path / f"{name}.db")
        try:
            night(archive, "2025-10-09", copy_of_61(*first))
            night(archive, "2025-10-10", copy_of_61(*second))
            seen.append((archive.measure(NO61)["effective"],
                         [(p["status"], p["from"]) for p in archive.status_periods(NO61)],
                         open_rows(archive)[0]["used"]))
        finally:
            archive.close()
    assert seen[0] == seen[1]


def test_copies_that_suspend_until_different_days_end_it_on_one_day_for_target_and_instrument(
        archive):
    """Two copies of No. 70: No. 58's suspension and No. 70's own expiry end on the same day,
    the preferred copy's (MOFCOM's main site, archived first: the archive kept following it);
    both measures say the copies disagree; no `measure_amended`."""
    night(archive, "2025-11-08", no70("https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_70.html",
                                      "mofcom", "暂停至2026年11月10日。"))
    run = night(archive, "2025-11-09", no70(
        "http://exportcontrol.mofcom.gov.cn/article/zcfg/gnzcfg/202511/70.html",
        "mofcom_exportcontrol", "暂停至2026年11月27日。"))
    [on58] = disagreements(archive, run, "MOFCOM-2025-58")
    [on70] = disagreements(archive, run, "MOFCOM-2025-70")
    assert "disagree on the suspension by MOFCOM-2025-70" in on58["summary"]
    assert "says until 2026-11-10" in on58["summary"]
    assert "says until 2026-11-27" in on58["summary"]
    assert "Until this run" not in on58["summary"]  # the copy followed is the same one
    assert "disagree on its last day in force" in on70["summary"]
    end = status_on(archive.events("MOFCOM-2025-58"), "2025-12-01").until
    assert end == "2026-11-10"
    assert status_on(archive.events("MOFCOM-2025-70"), end).status == "in_force"
    assert status_on(archive.events("MOFCOM-2025-70"), "2026-11-11").status == "expired"
    assert not list(archive.db.query("select * from changes where kind = 'measure_amended'"))
    night(archive, "2026-11-05")
    reminders = list(archive.db.query("select measure, until from changes where kind = "
                                      "'deadline_near'"))
    assert [(r["measure"], r["until"]) for r in reminders] == [("MOFCOM-2025-58", end)]


def test_copies_that_agree_raise_nothing(archive):
    """The same date in other words, and the same words on pages dated a day apart (自公布之日起:
    their pages' dates differ, not their texts): nothing to report or show."""
    night(archive, "2025-10-09", copy_of_61(MAIN, "mofcom", DEC_1),
          copy_of_61(PORTAL, "mofcom_exportcontrol", "本公告自2025年12月1日起实施。"))
    night(archive, "2025-10-10", copy_of_61(
        "https://www.mofcom.gov.cn/article/zwgk/gztz/202510/62.html", "mofcom",
        "本公告自公布之日起实施。", title=TITLE.replace("61", "62"), published="2025-10-09"))
    night(archive, "2025-10-11", copy_of_61(
        "http://exportcontrol.mofcom.gov.cn/article/zcfg/gnzcfg/202510/62.html",
        "mofcom_exportcontrol", "本公告自公布之日起实施。", title=TITLE.replace("61", "62"),
        published="2025-10-10"))
    assert not list(archive.db.query("select * from changes where kind = 'source_problem'"))
    assert open_rows(archive) == []
    assert "disagreements" not in regime(archive, "2025-10-20", NO61)[0]


def test_a_copy_silent_on_the_date_raises_nothing(archive):
    night(archive, "2025-10-09", copy_of_61(MAIN, "mofcom", DEC_1))
    night(archive, "2025-10-10", copy_of_61(PORTAL, "mofcom_exportcontrol", "特此公告。"))
    assert not list(archive.db.query("select * from changes where kind = 'source_problem'"))
    assert open_rows(archive) == []
    assert archive.measure(NO61)["effective"] == "2025-12-01"


def test_news_and_relays_never_disagree_nor_win_over_an_official_copy(archive):
    """A consulate's relay of No. 70 saying another end: not a disagreement of official copies,
    and the official copy's date stands."""
    night(archive, "2025-11-08", no70("https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_70.html",
                                      "mofcom", "暂停至2026年11月10日。"))
    night(archive, "2025-11-09", no70(
        "http://us.mofcom.gov.cn/article/jmxw/202511/70.html", "mofcom_consulates",
        "暂停至2026年12月31日。", kind="relay"))
    assert not list(archive.db.query("select * from changes where kind = 'source_problem'"))
    assert status_on(archive.events("MOFCOM-2025-58"), "2025-12-01").until == "2026-11-10"


def test_the_end_of_a_disagreement_is_reported_once(archive):
    night(archive, "2025-10-09", copy_of_61(MAIN, "mofcom", DEC_1))
    night(archive, "2025-10-10", copy_of_61(PORTAL, "mofcom_exportcontrol", NOV_8))
    fixed = night(archive, "2025-10-12", copy_of_61(PORTAL, "mofcom_exportcontrol", DEC_1))
    night(archive, "2025-10-13")
    changes = disagreements(archive)
    assert [c["diff"]["resolved"] for c in changes] == [False, True]
    assert changes[1]["run_id"] == fixed
    assert ("official copies agree again on the date it takes effect: 2025-12-01"
            in changes[1]["summary"])
    assert open_rows(archive) == []
    assert archive.measure(NO61)["effective"] == "2025-12-01"
    assert headline(build_report(archive, fixed)["changes"]).count(
        "date the sources agree on again") == 1


def test_a_copy_that_changes_to_a_third_date_is_reported_again(archive):
    night(archive, "2025-10-09", copy_of_61(MAIN, "mofcom", DEC_1))
    night(archive, "2025-10-10", copy_of_61(PORTAL, "mofcom_exportcontrol", NOV_8))
    run = night(archive, "2025-10-12", copy_of_61(PORTAL, "mofcom_exportcontrol",
                                                  "本公告自2025年11月15日起正式实施。"))
    [again] = disagreements(archive, run)
    assert "says 2025-11-15" in again["summary"] and not again["diff"]["resolved"]
    assert len(open_rows(archive)) == 1


HOSTILE = TITLE + "<script>alert(1)</script><b>x</b>"


def test_the_report_and_status_say_the_sources_disagree_with_scraped_text_escaped(
        archive, tmp_path):
    night(archive, "2025-10-09", copy_of_61(MAIN, "mofcom", DEC_1))
    run = night(archive, "2025-10-10", copy_of_61(PORTAL, "mofcom_exportcontrol", NOV_8,
                                                  title=HOSTILE))
    json_path, md_path, html_path = write_reports(archive, run, tmp_path / "reports")
    report = json.loads(json_path.read_text(encoding="utf-8"))
    [change] = [c for c in report["changes"] if c["kind"] == "source_problem"]
    assert change["measure"] == NO61 and change["diff"]["disagreement"]["kind"] == "effective"
    assert "1 date the sources disagree on" in headline(report["changes"])
    html = html_path.read_text(encoding="utf-8")
    assert "official copies disagree on the date it takes effect" in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "sources disagree (effective)" in html  # the summary table's row
    md = md_path.read_text(encoding="utf-8")
    [line] = [x for x in md.splitlines() if x.startswith("  - mofcom\\_exportcontrol: ")]
    assert any(x.startswith("  - mofcom (followed): ") for x in md.splitlines())
    assert "\\<script\\>alert\\(1\\)" in line and "says 2025-11-08" in line  # (Markdown-escaped)
    archive.close()
    db = tmp_path / "archive.db"
    result = regwatch("status", "--db", str(db), "--measure", NO61, "--on", "2025-10-20",
                      "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)["measures"]
    [note] = row["disagreements"]
    assert note["text"].startswith("sources disagree on the date it takes effect: ")
    assert "followed: mofcom (www.mofcom.gov.cn) (2025-12-01)" in note["text"]
    text = regwatch("status", "--db", str(db), "--measure", NO61, "--on", "2025-10-20",
                    cwd=tmp_path)
    assert "! sources disagree on the date it takes effect" in text.stdout


def test_the_measure_page_says_the_sources_disagree_with_scraped_titles_escaped(tmp_path):
    from test_serve import get, start_server, stop_server

    db = tmp_path / "archive.db"
    archive = Archive.open(db)
    try:
        night(archive, "2025-10-09", copy_of_61(MAIN, "mofcom", DEC_1))
        night(archive, "2025-10-10", copy_of_61(PORTAL, "mofcom_exportcontrol", NOV_8,
                                                title=HOSTILE))
    finally:
        archive.close()
    base, process = start_server(db)
    try:
        page = get(f"{base}/archive/measures/{NO61}?on=2025-10-20")
    finally:
        stop_server(process)
    assert "Sources disagree</strong> on the date it takes effect" in page
    assert "says <strong>2025-11-08</strong>" in page
    assert "says <strong>2025-12-01</strong> <span class=\"badge high\">followed</span>" in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert page.count("sources disagree</span>") == 2  # both effective events are marked
