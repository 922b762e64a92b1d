"""Status on a date from lifecycle events: the rules of pipelines/lifecycle.py."""

import json
import random
import re
from datetime import date, timedelta

import pytest

from pipelines.lifecycle import (
    State,
    StatusPeriod,
    day_after,
    deadlines,
    ended_suspensions,
    status_from_periods,
    status_on,
    status_periods,
    suspending_on,
    suspension_periods,
)


def ev(kind, date=None, until=None, by=None, clause=None):
    return {"kind": kind, "date": date, "until": until, "by_measure": by, "clause": clause,
            "sentence": f"{kind} {date}", "document": None}


NO57 = [ev("issued", "2025-10-09"), ev("effective", "2025-11-08")]
SUSPENSION = ev("suspended", "2025-11-07", "2026-11-10", "MOFCOM-2025-70")


@pytest.mark.parametrize(("as_of", "status", "until"), [
    ("2025-10-09", "announced", None),
    ("2025-11-06", "announced", None),
    ("2025-11-07", "suspended", "2026-11-10"),
    ("2026-11-10", "suspended", "2026-11-10"),  # the end date is inclusive
    ("2026-11-11", "in_force", None),  # back in force the day after (it took effect meanwhile)
])
def test_suspension_before_taking_effect_then_back_in_force(as_of, status, until):
    state = status_on([*NO57, SUSPENSION], as_of)
    assert (state.status, state.until) == (status, until)


def test_the_deciding_event_says_who_suspended():
    state = status_on([*NO57, SUSPENSION], "2026-01-01")
    assert state.event["by_measure"] == "MOFCOM-2025-70"


def test_no_legal_event_no_status():
    assert status_on([], "2025-10-09").status is None
    statement = ev("extension_announced", "2026-09-28", "2027-01-10")
    assert status_on([statement], "2026-10-01").status is None


def test_political_statement_moves_no_date():
    events = [*NO57, SUSPENSION, ev("extension_announced", "2026-09-28", "2027-01-10")]
    assert status_on(events, "2026-11-11").status == "in_force"
    assert [p.end for p in suspension_periods(events)] == ["2026-11-10"]


def test_continued_suspension_extends_the_period():
    extension = ev("suspension_continued", "2026-11-05", "2027-01-10", "MOFCOM-2026-99")
    events = [*NO57, SUSPENSION, extension]
    state = status_on(events, "2026-11-11")
    assert (state.status, state.until) == ("suspended", "2027-01-10")
    assert state.event["by_measure"] == "MOFCOM-2026-99"
    assert ended_suspensions(events, "2026-11-05", "2026-11-22") == []
    assert status_on(events, "2027-01-11").status == "in_force"


def test_partial_suspension_records_the_clause():
    events = [ev("issued", "2024-12-03"), ev("effective", "2024-12-03"),
              ev("partially_suspended", "2025-11-09", "2026-11-27", "MOFCOM-2025-72", "第二款")]
    state = status_on(events, "2025-11-10")
    assert (state.status, state.until, state.event["clause"]) == (
        "partially_suspended", "2026-11-27", "第二款")
    assert status_on(events, "2026-11-28").status == "in_force"


def test_full_suspension_wins_over_a_partial_one():
    events = [*NO57, ev("partially_suspended", "2025-11-01", "2027-01-01", clause="第二款"),
              SUSPENSION]
    assert status_on(events, "2026-01-01").status == "suspended"
    assert status_on(events, "2026-12-01").status == "partially_suspended"


def test_resumption_ends_a_suspension_early():
    events = [*NO57, SUSPENSION, ev("resumed", "2026-03-01")]
    assert status_on(events, "2026-02-28").status == "suspended"
    assert status_on(events, "2026-03-01").status == "in_force"
    assert [p.end for p in suspension_periods(events)] == ["2026-02-28"]


@pytest.mark.parametrize("kind", ["revoked", "removed_from_list"])
def test_revocation_is_final(kind):
    events = [*NO57, SUSPENSION, ev(kind, "2026-01-01")]
    assert status_on(events, "2025-12-31").status == "suspended"
    assert status_on(events, "2026-01-01").status == "revoked"
    assert deadlines(events, "2026-11-01", 30) == []


def test_expiry_date_is_the_last_day_in_force():
    events = [*NO57, ev("expired", "2026-12-31")]
    assert status_on(events, "2026-12-31").status == "in_force"
    assert status_on(events, "2027-01-01").status == "expired"


def test_open_ended_suspension():
    events = [*NO57, ev("suspended", "2025-11-07")]
    assert status_on(events, "2030-01-01").status == "suspended"
    assert status_on(events, "2030-01-01").until is None


def test_ended_suspensions_are_those_over_since_the_last_run():
    events = [*NO57, SUSPENSION]
    [period] = ended_suspensions(events, "2026-11-05", "2026-11-22")
    assert (period.end, period.event["by_measure"]) == ("2026-11-10", "MOFCOM-2025-70")
    assert ended_suspensions(events, "2026-11-05", "2026-11-10") == []  # still its last day
    assert ended_suspensions(events, "2026-11-12", "2026-11-22") == []  # reported before


def test_deadlines_within_the_horizon():
    events = [*NO57, SUSPENSION]
    assert [(d.date, d.what) for d in deadlines(events, "2026-11-05", 30)] == [
        ("2026-11-10", "suspension_ends")]
    assert deadlines(events, "2026-09-01", 30) == []
    # an effective date is a deadline, unless the measure is suspended on that day
    assert [(d.date, d.what) for d in deadlines(NO57, "2025-10-09", 30)] == [
        ("2025-11-08", "takes_effect")]
    assert deadlines(events, "2025-11-07", 30) == []


def test_clause_effective_date_later_than_the_first_is_a_deadline_not_a_status():
    events = [ev("issued", "2025-10-09"), ev("effective", "2025-10-09"),
              ev("effective", "2025-12-01", clause="第一项、第二项")]
    assert status_on(events, "2025-11-20").status == "in_force"
    [deadline] = deadlines(events, "2025-11-20", 30)
    assert (deadline.date, deadline.event["clause"]) == ("2025-12-01", "第一项、第二项")


def test_a_clause_revoked_or_resumed_touches_only_that_part():
    events = [*NO57, ev("revoked", "2026-01-01", clause="第三项")]
    assert status_on(events, "2026-02-01").status == "in_force"
    partial = ev("partially_suspended", "2025-11-09", "2026-11-27", clause="第二款")
    events = [*NO57, partial, SUSPENSION, ev("resumed", "2026-03-01", clause="第二款")]
    assert status_on(events, "2026-03-02").status == "suspended"  # the full suspension runs on
    assert status_on(events, "2026-11-11").status == "in_force"  # the partial one ended 02-28


def test_status_periods_of_no61_have_the_suspension_and_the_clause_rows():
    events = [ev("issued", "2025-10-09"), ev("effective", "2025-10-09"), SUSPENSION,
              ev("effective", "2025-12-01", clause="第一项、第二项")]
    rows = [(p.status, p.first, p.last, p.clause, p.event.get("by_measure"))
            for p in status_periods(events)]
    assert rows == [
        ("in_force", "2025-10-09", "2025-11-06", None, None),
        ("suspended", "2025-11-07", "2026-11-10", None, "MOFCOM-2025-70"),
        ("in_force", "2026-11-11", None, None, None),
        ("announced", "2025-10-09", "2025-11-30", "第一项、第二项", None),
    ]


def test_status_periods_of_a_partial_suspension_name_the_clause():
    events = [ev("issued", "2024-12-03"), ev("effective", "2024-12-03"),
              ev("partially_suspended", "2025-11-09", "2026-11-27", "MOFCOM-2025-72", "第二款")]
    rows = [(p.status, p.first, p.last, p.clause) for p in status_periods(events)]
    assert rows == [("in_force", "2024-12-03", "2025-11-08", None),
                    ("partially_suspended", "2025-11-09", "2026-11-27", None),
                    ("in_force", "2026-11-28", None, None),
                    ("suspended", "2025-11-09", "2026-11-27", "第二款")]


def random_events(rng: random.Random) -> list[dict]:
    """A measure's events drawn at random: issued, effective dates, suspensions (some
    partial, some continued), resumptions, revocations, expiries, statements."""
    def day() -> str:
        return (date(2025, 1, 1) + timedelta(days=rng.randrange(400))).isoformat()

    events = [ev("issued", day())]
    for _ in range(rng.randrange(1, 7)):
        kind = rng.choice(["effective", "suspended", "partially_suspended",
                           "suspension_continued", "resumed", "revoked", "expired",
                           "extension_announced", "effective"])
        start = day()
        until = (date.fromisoformat(start) + timedelta(days=rng.randrange(1, 200))).isoformat()
        clause = rng.choice([None, None, "第二款"])
        if kind in ("suspended", "partially_suspended", "suspension_continued",
                    "extension_announced"):
            events.append(ev(kind, start, rng.choice([until, until, None]), "MOFCOM-2025-70",
                             "第二款" if kind == "partially_suspended" else clause))
        else:
            events.append(ev(kind, start, clause=clause if kind != "expired" else None))
    return events


@pytest.mark.parametrize("seed", range(300))
def test_status_periods_say_what_status_on_says_on_every_day(seed):
    rng = random.Random(seed)
    events = random_events(rng)
    periods = status_periods(events)
    first = min(e["date"] for e in events if e["kind"] != "extension_announced")
    day = date.fromisoformat(first) - timedelta(days=3)
    for _ in range(700):
        iso = day.isoformat()
        expected = status_on(events, iso).status if iso >= first else None
        assert status_from_periods(periods, iso) == expected, (iso, events)
        day += timedelta(days=1)
    measure_rows = [p for p in periods if p.clause is None]
    for before, after in zip(measure_rows, measure_rows[1:], strict=False):
        assert before.last is not None and day_after(before.last) == after.first


def in_both_orders(tmp_path, as_of, pages, sql):
    """The rows sql reads after one night that stores the pages (made afresh by `pages()`) in
    their order, and after one that stores them in the reverse order, each in its own archive."""
    from test_linking import night

    from pipelines.archive import Archive

    results = []
    for name, order in (("a", slice(None)), ("b", slice(None, None, -1))):
        archive = Archive.open(tmp_path / f"{name}.db")
        try:
            night(archive, as_of, *pages()[order])
            results.append(list(archive.db.query(sql)))
        finally:
            archive.close()
    return results


def two_issuing_pages_of_no58():
    """No. 58's announcement page and its policy-release copy (the same text, two addresses)."""
    from dataclasses import replace

    from test_linking import MEASURES, own_page

    first = own_page("MOFCOM-2025-58", *MEASURES["MOFCOM-2025-58"])
    return [first, replace(first, url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_58.html")]


def test_the_evidence_cited_does_not_depend_on_the_order_pages_arrive_in(tmp_path):
    """Two official pages issue the same measure (its announcement page and the policy-release
    page): the new measure and its deadline cite the same one whichever arrives first."""
    cited = in_both_orders(tmp_path, "2026-11-01", two_issuing_pages_of_no58,
                           "select kind, url from changes where measure = 'MOFCOM-2025-58' and "
                           "kind in ('new_measure', 'deadline_near') order by kind")
    assert {c["kind"] for c in cited[0]} == {"new_measure", "deadline_near"}
    assert cited[0] == cited[1]


def test_the_status_periods_cite_the_same_page_whatever_the_order_pages_arrive_in(tmp_path):
    """Two official pages state the same suspension of No. 58: its status periods (what
    Datasette's timeline shows) cite the same page and sentence whichever arrives first."""
    periods = in_both_orders(tmp_path, "2026-11-01", two_issuing_pages_of_no58,
                             "select clause, status, [from], [to], [by], document, sentence "
                             "from measure_status where measure = 'MOFCOM-2025-58' "
                             "order by [from]")
    assert "suspended" in [p["status"] for p in periods[0]]
    assert periods[0] == periods[1]


def test_the_measure_keeps_the_preferred_copy_s_fields_whatever_the_order_pages_arrive_in(
        tmp_path):
    """Two copies of No. 58's own text are new on the same night: the measure's title (and the
    page it is taken from) is the preferred copy's, not the last page stored's."""
    titles = in_both_orders(tmp_path, "2026-11-01", two_issuing_pages_of_no58,
                            "select title_zh, title_zh_document from measures "
                            "where id = 'MOFCOM-2025-58'")
    assert titles[0][0]["title_zh_document"] is not None
    assert titles[0] == titles[1]


def test_two_copies_of_a_new_measure_that_differ_are_not_an_amendment(tmp_path):
    """A new measure's two copies of its own text, new on the same night, differ in their
    title: no measure_amended (a measure first seen tonight is not amended tonight), and the
    preferred copy's title stands, whichever arrives first."""
    from dataclasses import replace

    def differing_copies():
        first, copy = two_issuing_pages_of_no58()
        ref = replace(copy.measures[0], title=copy.measures[0].title + "（修订）")
        return [first, replace(copy, title=ref.title, measures=[ref])]

    seen = in_both_orders(tmp_path, "2026-11-01", differing_copies,
                          "select (select count(*) from changes where kind = 'measure_amended')"
                          " as amended, title_zh from measures where id = 'MOFCOM-2025-58'")
    assert seen[0] == seen[1]
    assert seen[0][0]["amended"] == 0


def test_a_backfill_counts_each_new_measure_for_the_source_of_its_preferred_page(tmp_path):
    """The same announcement is new on two sources' lists in a first night; whichever source's
    page is stored first (and counted it in its crawl), each `backfill` summary counts the
    measures whose preferred page is its own, as their entries cite."""
    from dataclasses import replace

    from pipelines.archive import Archive
    from pipelines.backfill import Walks
    from pipelines.diff import item_changes
    from pipelines.finish import finish_run
    from pipelines.run import RunContext, SourceRun
    from pipelines.store import store_item

    mofcom, policy_copy = two_issuing_pages_of_no58()
    pages = [mofcom, replace(policy_copy, source="customs",
                             url="https://www.customs.gov.cn/art/2025/art_58.html")]
    summaries = []
    for name, order in (("a", pages), ("b", pages[::-1])):
        archive = Archive.open(tmp_path / f"{name}.db")
        try:
            run_id = archive.start_run("2026-11-01", ["mofcom", "customs"], None)
            context = RunContext(archive=archive, run_id=run_id, as_of="2026-11-01")
            source_runs = {}
            for item in order:  # the page stored first created the measure: its crawl counts it
                item.changes = item_changes(archive, item)
                store_item(archive, item, run_id, "2026-11-01")
                source_runs[item.source] = SourceRun(
                    run=context, source=item.source,
                    walks=Walks(item.source, "2026-11-01", "2020-01-01", 10, first_run=True),
                    stats={"regwatch/documents/new": 1,
                           "regwatch/measures/new": int(not source_runs)})
            finish_run(archive, run_id, source_runs.values())
            summaries.append(sorted(c["summary"] for c in archive.changes_in_run(
                run_id, "backfill")))
        finally:
            archive.close()
    assert summaries[0] == summaries[1]
    assert sum(bool(re.search(r"\b1 new measure\b", s)) for s in summaries[0]) == 1


def test_a_new_measure_first_seen_on_a_titled_page_cites_the_issuing_page_with_its_category(
        tmp_path):
    """The English site's page, titled with the number, arrives before the Chinese text: the
    new measure's entry cites the issuing page and carries the measure's category (the titled
    page's reference has none)."""
    from test_linking import MEASURES, night, own_page

    from pipelines.archive import Archive
    from pipelines.items import DocumentItem
    from pipelines.normalize import normalize_item

    english = normalize_item(DocumentItem(
        url="https://english.mofcom.gov.cn/policyrelease/announcement/art/2025/art_58.html",
        source="mofcom_english", source_kind="authority", language="en",
        title="MOFCOM GACC Announcement No. 58 of 2025 on the Decision to Implement Export "
              "Controls on Lithium Batteries and Artificial Graphite Anode Materials",
        body="The export of the following items shall not be carried out without a licence.",
        published_raw="2025-10-09"))
    assert english.measures[0].relation == "reports_on" and english.measures[0].category is None
    chinese = own_page("MOFCOM-2025-58", *MEASURES["MOFCOM-2025-58"])
    chinese.measures[0].category = "controlled_item_change"
    archive = Archive.open(tmp_path / "a.db")
    try:
        night(archive, "2025-10-09", english, chinese)
        [change] = archive.db.query("select * from changes where kind = 'new_measure'")
        category = archive.measure("MOFCOM-2025-58")["category"]
    finally:
        archive.close()
    assert change["url"] == chinese.url
    assert category and change["category"] == category


def test_a_measure_first_seen_cited_is_cited_by_the_same_page_whatever_the_order(tmp_path):
    """No page of the night issues No. 58, two cite it (No. 70's text and a news story): its
    new_measure entry names the same citing page, title and category in either order."""
    from pipelines.items import DocumentItem
    from pipelines.normalize import normalize_item

    def pages() -> list[DocumentItem]:
        no70 = DocumentItem(
            url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_70.html", source="mofcom",
            source_kind="authority", language="zh", published_raw="2025-11-07",
            title="商务部 海关总署公告2025年第70号 "
                  "关于暂停实施商务部 海关总署公告2025年第58号的公告",
            body="商务部 海关总署公告2025年第70号\n\n自公布之日起，暂停实施商务部 海关总署公告"
                 "2025年第58号（关于对锂电池和人造石墨负极材料相关物项实施出口管制的决定），"
                 "暂停至2026年11月10日。")
        story = DocumentItem(
            url="https://www.chinadaily.com.cn/a/202511/07/WS1.html", source="chinadaily",
            source_kind="news", language="en", published_raw="2025-11-07",
            title="China suspends battery export controls",
            body="China on Friday suspended MOFCOM and GACC Announcement No. 58 of 2025 on "
                 "lithium batteries and graphite anode materials until November 10, 2026, the "
                 "Ministry of Commerce said.")
        return [normalize_item(no70), normalize_item(story)]

    entries = in_both_orders(tmp_path, "2025-11-08", pages,
                             "select document, url, title, category, confidence, summary from "
                             "changes where kind = 'new_measure' and measure = 'MOFCOM-2025-58'")
    assert len(entries[0]) == 1 and entries[0] == entries[1]
    [entry] = entries[0]
    assert "mofcom.gov.cn" in entry["url"] and "first seen cited by" in entry["summary"]


def suspending_instrument(body_end: str = "，暂停至2026年11月10日。"):
    """No. 70 as it reads: its only effect is to suspend No. 58 (until body_end says)."""
    from pipelines.items import DocumentItem
    from pipelines.normalize import normalize_item

    return normalize_item(DocumentItem(
        url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_70.html", source="mofcom",
        source_kind="authority", language="zh", published_raw="2025-11-07",
        title="商务部 海关总署公告2025年第70号 关于暂停实施商务部 海关总署公告2025年第58号的公告",
        body="商务部 海关总署公告2025年第70号\n\n自公布之日起，暂停实施商务部 海关总署公告"
             "2025年第58号（关于对锂电池和人造石墨负极材料相关物项实施出口管制的决定）" + body_end))


def status_changes(archive, measure):
    return [(c["run_id"][:10], c["from"], c["to"]) for c in archive.db.query(
        "select * from changes where kind = 'status_changed' and measure = ? order by id",
        [measure])]


def test_an_instrument_that_only_suspends_expires_after_their_last_day_reported_once(tmp_path):
    """CONTRACT section 9: No. 70 is in force while its suspension runs and expired from the
    day after its last day, reported once as status_changed; the reminders before that day are
    its target's, not a second one for the instrument."""
    from test_linking import night

    from pipelines.archive import Archive

    archive = Archive.open(tmp_path / "a.db")
    try:
        night(archive, "2025-11-08", suspending_instrument())
        events = archive.events("MOFCOM-2025-70")
        assert status_on(events, "2026-11-10").status == "in_force"
        assert status_on(events, "2026-11-11").status == "expired"
        night(archive, "2026-11-05")
        reminded = {c["measure"] for c in archive.db.query(
            "select measure from changes where kind = 'deadline_near'")}
        assert reminded == {"MOFCOM-2025-58"}
        night(archive, "2026-11-12")
        night(archive, "2026-11-20")
        assert status_changes(archive, "MOFCOM-2025-70") == [
            ("2026-11-12", "in_force", "expired")]
        [summary] = [c["summary"] for c in archive.db.query(
            "select summary from changes where kind = 'status_changed'")]
        assert "in force through 2026-11-10, expired from 2026-11-11" in summary
        assert archive.measure("MOFCOM-2025-70")["status"] == "expired"
    finally:
        archive.close()


def test_an_instrument_with_an_open_ended_suspension_stays_in_force(tmp_path):
    from test_linking import night

    from pipelines.archive import Archive

    archive = Archive.open(tmp_path / "a.db")
    try:
        night(archive, "2025-11-08", suspending_instrument("。"))
        night(archive, "2027-01-05")
        assert archive.measure("MOFCOM-2025-70")["status"] == "in_force"
        assert not archive.has_event("MOFCOM-2025-70", "expired")
    finally:
        archive.close()


def test_an_archive_made_before_the_rule_gets_the_instrument_s_expiry(tmp_path):
    """The migration gives instruments archived earlier their expiry; the next run reports it."""
    from test_linking import night

    from pipelines.archive import Archive
    from pipelines.migrations import m802_suspending_instruments_expire

    archive = Archive.open(tmp_path / "a.db")
    try:
        night(archive, "2025-11-08", suspending_instrument())
        archive.db.execute("delete from measure_events where kind = 'expired'")
        archive.db.execute("update measures set periods_stale = 1")
        archive.db.conn.commit()
        night(archive, "2026-11-12")
        assert archive.measure("MOFCOM-2025-70")["status"] == "in_force"  # as archived before
        m802_suspending_instruments_expire(archive.db)
        night(archive, "2026-11-13")
        assert status_changes(archive, "MOFCOM-2025-70") == [
            ("2026-11-13", "in_force", "expired")]
    finally:
        archive.close()


def mofcom_text(number: int, year: int, published: str, title: str, operative: str):
    """A MOFCOM announcement of `published` whose operative sentence is `operative`."""
    from pipelines.items import DocumentItem
    from pipelines.normalize import normalize_item

    return normalize_item(DocumentItem(
        url=f"https://www.mofcom.gov.cn/zwgk/zcfb/art/{year}/art_{number}.html", source="mofcom",
        source_kind="authority", language="zh", published_raw=published,
        title=f"商务部 海关总署公告{year}年第{number}号 {title}",
        body=f"商务部 海关总署公告{year}年第{number}号\n\n{operative}\n\n本公告自公布之日起实施。"))


def changes_of(archive, measure, run_id=None):
    return [dict(c) for c in archive.db.query(
        "select * from changes where measure = ? and (? is null or run_id = ?) order by id",
        [measure, run_id, run_id])]


def test_revoking_the_instrument_ends_the_suspensions_it_imposed(tmp_path):
    """废止 No. 70 from a day ends its suspension of No. 58 the day before: in force from that
    day, a status change naming the revocation, not a deadline passed asking for an
    extension."""
    from test_linking import night

    from pipelines.archive import Archive

    archive = Archive.open(tmp_path / "a.db")
    try:
        night(archive, "2025-11-08", suspending_instrument())
        revoking = mofcom_text(20, 2026, "2026-03-25", "关于废止有关公告的公告",
                               "自2026年4月1日起，废止商务部 海关总署公告2025年第70号。")
        run = night(archive, "2026-04-01", revoking)
        assert status_on(archive.events("MOFCOM-2025-58"), "2026-03-31").status == "suspended"
        assert archive.measure("MOFCOM-2025-58")["status"] == "in_force"
        kinds = [(c["kind"], c["from"], c["to"]) for c in changes_of(archive, "MOFCOM-2025-58",
                                                                         run)]
        assert kinds == [("status_changed", "suspended", "in_force")]
        [summary] = [c["summary"] for c in changes_of(archive, "MOFCOM-2025-58", run)]
        assert "again from 2026-04-01" in summary  # No. 58's own text unknown: taken effect
        assert "MOFCOM-2026-20 revoked MOFCOM-2025-70" in summary
    finally:
        archive.close()


def test_a_resumption_is_a_status_change_by_its_text_not_a_deadline_passed(tmp_path):
    from test_linking import night

    from pipelines.archive import Archive

    archive = Archive.open(tmp_path / "a.db")
    try:
        night(archive, "2025-11-08", suspending_instrument())
        night(archive, "2025-12-01")
        resuming = mofcom_text(21, 2026, "2026-03-25", "关于恢复实施有关公告的公告",
                               "自2026年4月1日起恢复实施商务部 海关总署公告2025年第58号。")
        run = night(archive, "2026-04-02", resuming)
        [change] = changes_of(archive, "MOFCOM-2025-58", run)
        assert (change["kind"], change["from"], change["to"], change["by"]) == (
            "status_changed", "suspended", "in_force", "MOFCOM-2026-21")
        assert "resumed by MOFCOM-2026-21" in change["summary"]
        assert "恢复实施" in json.loads(change["diff"])["sentence"]
    finally:
        archive.close()


def test_a_continued_suspension_is_reported_and_keeps_the_history(tmp_path):
    """No. 60 continues No. 70's suspension of No. 58 for a year from the day after its end:
    the night it is published reports No. 58's new last day (fields before and after), naming
    No. 70 as the instrument suspending until then."""
    from test_linking import night

    from pipelines.archive import Archive

    archive = Archive.open(tmp_path / "a.db")
    try:
        night(archive, "2025-11-08", suspending_instrument())
        continuing = mofcom_text(
            60, 2026, "2026-11-05", "关于继续暂停实施有关公告的公告",
            "自2026年11月11日起，继续暂停实施商务部 海关总署公告2025年第58号一年。")
        run = night(archive, "2026-11-05", continuing)
        amended = [c for c in changes_of(archive, "MOFCOM-2025-58", run)
                   if c["kind"] == "measure_amended"]
        assert len(amended) == 1
        diff = json.loads(amended[0]["diff"])
        assert (diff["before"], diff["after"]) == ({"suspended_until": "2026-11-10"},
                                                   {"suspended_until": "2027-11-11"})
        assert (amended[0]["by"], amended[0]["until"]) == ("MOFCOM-2026-60", "2027-11-11")
        assert "suspended by MOFCOM-2025-70 until then" in amended[0]["summary"]
        rows = [(r["status"], r["from"], r["to"], r["by"])
                for r in archive.status_periods("MOFCOM-2025-58") if r["clause"] is None]
        # one suspension to its last day of all (no "suspension ends" on No. 70's last day)
        assert ("suspended", "2025-11-07", "2027-11-11", "MOFCOM-2026-60") in rows
        events = archive.events("MOFCOM-2025-58")
        assert suspending_on(events, "2026-01-01")["by_measure"] == "MOFCOM-2025-70"
        assert suspending_on(events, "2026-12-01")["by_measure"] == "MOFCOM-2026-60"
        assert not [d for d in deadlines(events, "2026-11-05", 30)]
    finally:
        archive.close()


def test_a_corrected_end_date_of_the_suspending_text_is_reported(tmp_path):
    from test_linking import night

    from pipelines.archive import Archive

    archive = Archive.open(tmp_path / "a.db")
    try:
        night(archive, "2025-11-08", suspending_instrument())
        run = night(archive, "2025-11-10", suspending_instrument("，暂停至2026年12月31日。"))
        [amended] = [c for c in changes_of(archive, "MOFCOM-2025-58", run)
                     if c["kind"] == "measure_amended"]
        assert "now runs until 2026-12-31 (was until 2026-11-10)" in amended["summary"]
    finally:
        archive.close()


def test_an_upgraded_archive_reads_the_new_rules_and_the_next_run_reports_them(tmp_path):
    """An archive an older regwatch wrote: read commands ask for `regwatch upgrade`, which
    migrates it and rewrites the status periods they read (No. 70 expired after its last day),
    nothing reported; the next run still reports the change."""
    import sqlite3

    from click.testing import CliRunner
    from test_linking import night

    from crawler.cli import cli
    from pipelines.archive import Archive

    db = tmp_path / "a.db"
    archive = Archive.open(db)
    night(archive, "2025-11-08", suspending_instrument())
    archive.close()
    conn = sqlite3.connect(db)  # as the archive was before m802: no expiry, never applied
    conn.execute("delete from measure_events where kind = 'expired'")
    conn.execute("update measure_status set status = 'in_force', [to] = null "
                 "where measure = 'MOFCOM-2025-70'")
    conn.execute("delete from _sqlite_migrations where name = ?",
                 ["m802_suspending_instruments_expire"])
    conn.commit()
    conn.close()
    asked = CliRunner().invoke(cli, ["status", "--db", str(db), "--on", "2026-11-20"])
    assert asked.exit_code != 0 and f"run `regwatch upgrade --db {db}` once" in asked.output
    done = CliRunner().invoke(cli, ["upgrade", "--db", str(db)])
    assert done.exit_code == 0 and "upgraded (1 schema step applied)" in done.output, done.output
    shown = CliRunner().invoke(cli, ["status", "--db", str(db), "--on", "2026-11-20",
                                     "--measure", "MOFCOM-2025-70"])
    assert shown.exit_code == 0 and "expired" in shown.output, shown.output
    again = CliRunner().invoke(cli, ["upgrade", "--db", str(db)])
    assert "already up to date" in again.output
    archive = Archive.open(db)
    try:
        night(archive, "2026-11-20")
        assert status_changes(archive, "MOFCOM-2025-70") == [
            ("2026-11-20", "in_force", "expired")]
    finally:
        archive.close()


def test_a_continuation_revoked_before_it_began_never_runs():
    """No. 90 continues the suspension from 11-11 but is revoked from 11-05: the suspension ends
    on No. 70's last day (a deadline passed), not a year later."""
    continued = dict(ev("suspension_continued", "2026-11-11", "2027-11-10", "MOFCOM-2026-90"),
                     by_revoked="2026-11-05", by_revoked_by="MOFCOM-2026-91")
    events = [*NO57, SUSPENSION, continued]
    assert status_on(events, "2026-11-10").until == "2026-11-10"
    assert status_on(events, "2026-11-12").status == "in_force"
    assert [p.end for p in ended_suspensions(events, "2026-11-05", "2026-11-12")] == [
        "2026-11-10"]


def test_a_partial_suspension_ended_by_a_text_is_decided_by_it():
    partial = ev("partially_suspended", "2025-11-09", "2026-11-27", "MOFCOM-2025-72", "第二款")
    resumed = ev("resumed", "2026-03-01", by="MOFCOM-2026-12", clause="第二款")
    events = [ev("issued", "2024-12-03"), ev("effective", "2024-12-03"), partial, resumed]
    state = status_on(events, "2026-03-02")
    assert (state.status, state.event["by_measure"]) == ("in_force", "MOFCOM-2026-12")


def test_an_archive_read_by_the_earlier_rules_gets_its_suspensions_read_again(tmp_path):
    """m831: measures with suspensions have their status periods written again at the opening
    (a revocation of No. 70 read by the earlier rules left No. 58 suspended in them)."""
    import sqlite3

    from test_linking import night

    from pipelines.archive import Archive

    db = tmp_path / "a.db"
    archive = Archive.open(db)
    night(archive, "2025-11-08", suspending_instrument())
    night(archive, "2026-04-01", mofcom_text(
        20, 2026, "2026-03-25", "关于废止有关公告的公告",
        "自2026年4月1日起，废止商务部 海关总署公告2025年第70号。"))
    archive.close()
    conn = sqlite3.connect(db)  # the periods as the earlier rules wrote them
    conn.execute("delete from measure_status where measure = 'MOFCOM-2025-58'")
    conn.execute("insert into measure_status (measure, status, [from], [to], by) values "
                 "('MOFCOM-2025-58', 'suspended', '2025-11-07', '2026-11-10', 'MOFCOM-2025-70')")
    conn.execute("delete from _sqlite_migrations where name = 'm831_suspensions_read_again'")
    conn.commit()
    conn.close()
    archive = Archive.open(db)
    try:
        periods = archive.status_periods("MOFCOM-2025-58")
        assert status_from_periods([StatusPeriod(p["status"], p["from"], p["to"], p["clause"], {})
                                    for p in periods], "2026-05-01") == "in_force"
    finally:
        archive.close()


# --- a measure known only as cited: no status until an event gives it one ----------------------

NO13_REVOKED = ev("revoked", "2025-11-10", by="MOFCOM-2025-69")


@pytest.mark.parametrize("events", [
    [NO13_REVOKED],  # stopped from a later day by the text that cites it (No. 69)
    [ev("amended", "2025-11-05", by="MOFCOM-2025-69")],  # an amendment says nothing of force
    [ev("expired", "2025-12-31", by="MOFCOM-2025-69")],  # nor does an expiry ahead
    [ev("suspended", None, None, "MOFCOM-2025-70")],  # an undated suspension: no day to read
])
def test_a_measure_known_only_as_cited_has_no_status_before_an_event_shows_it(events):
    """It was `in_force` by default, which no text stated (and `status`, reading the status
    periods, said "no status known"): status_on and the periods now agree."""
    assert status_on(events, "2025-11-08") == State(None)
    assert status_from_periods(status_periods(events), "2025-11-08") is None


def test_a_cited_measure_is_revoked_from_its_day_and_suspended_by_a_suspending_text():
    assert status_on([NO13_REVOKED], "2025-11-10").status == "revoked"
    assert [(p.status, p.first) for p in status_periods([NO13_REVOKED])] == [
        ("revoked", "2025-11-10")]
    assert status_on([SUSPENSION], "2025-11-06") == State(None)
    assert status_on([SUSPENSION], "2025-11-08").status == "suspended"
    assert status_on([SUSPENSION], "2026-11-11").status == "in_force"  # its suspension ended


def stopping_no13():
    """No. 69 of 2025 as this test writes it: it cites No. 13 (the archive has no page of it)
    only to end it from 2025-11-10."""
    return mofcom_text(69, 2025, "2025-11-05", "关于废止有关公告的公告",
                       "自2025年11月10日起，废止商务部公告2025年第13号。")


def test_a_measure_known_only_as_cited_claims_no_status_until_a_text_ends_it(tmp_path):
    """On 2025-11-08 No. 13 is known only because No. 69 ends it from 2025-11-10: the measures
    table, `status`, the report say no status (it read `in_force`, and the next night reported
    "in_force → revoked" from that); on 2025-11-12 it is revoked, "(was not known)". No. 58,
    cited by No. 70 which suspends it, is suspended from that event."""
    from click.testing import CliRunner
    from test_linking import night

    from crawler.cli import cli
    from pipelines.archive import Archive
    from pipelines.report import write_reports

    db = tmp_path / "a.db"
    archive = Archive.open(db)
    try:
        night(archive, "2025-11-08", stopping_no13(), suspending_instrument())
        assert archive.measure("MOFCOM-2025-13")["status"] is None
        assert archive.measure("MOFCOM-2025-58")["status"] == "suspended"
    finally:
        archive.close()
    asked = CliRunner().invoke(cli, ["status", "--db", str(db), "--on", "2025-11-08",
                                     "--measure", "MOFCOM-2025-13", "--json"])
    [shown] = json.loads(asked.output)["measures"]
    assert (shown["status"], shown["phrase"]) == (None, "not known")
    archive = Archive.open(db)
    try:
        run_id = night(archive, "2025-11-12")
        assert status_changes(archive, "MOFCOM-2025-13") == [("2025-11-12", None, "revoked")]
        [change] = changes_of(archive, "MOFCOM-2025-13", run_id)
        assert "(was not known)" in change["summary"] and "in_force" not in change["summary"]
        assert archive.measure("MOFCOM-2025-13")["status"] == "revoked"
        markdown = write_reports(archive, run_id, tmp_path / "r")[1].read_text(encoding="utf-8")
        assert "status not known → revoked" in markdown
    finally:
        archive.close()


def test_an_archive_that_stored_an_unproven_in_force_has_it_cleared(tmp_path):
    """m990: an archive whose measures table gives a measure known only as cited `in_force`
    (as the earlier rules stored it) has it cleared when opened, not reported; the night No. 69
    takes effect reports it revoked "(was not known)"."""
    import sqlite3

    from test_linking import night

    from pipelines.archive import Archive

    db = tmp_path / "a.db"
    archive = Archive.open(db)
    night(archive, "2025-11-08", stopping_no13(), suspending_instrument())
    archive.close()
    conn = sqlite3.connect(db)  # as the earlier rules left it
    conn.execute("update measures set status = 'in_force' where id = 'MOFCOM-2025-13'")
    conn.execute("delete from _sqlite_migrations where name = 'm990_no_status_without_evidence'")
    conn.commit()
    conn.close()
    archive = Archive.open(db)
    try:
        assert archive.measure("MOFCOM-2025-13")["status"] is None
        assert archive.measure("MOFCOM-2025-58")["status"] == "suspended"  # evidence: kept
        night(archive, "2025-11-12")
        assert status_changes(archive, "MOFCOM-2025-13") == [("2025-11-12", None, "revoked")]
    finally:
        archive.close()


def test_a_measure_known_only_by_its_suspension_is_in_force_after_it_decided_by_no_text(
        tmp_path):
    """No. 55 known only as suspended by No. 70 (its own text not archived): from the day after
    the suspension, it is in force because the suspension ran out, not "as MOFCOM-2025-70
    decided" (No. 70 decided a suspension with an end), and the page does not claim it had not
    taken effect before (no text of its own said when); with its own text's dates, it does."""
    from pipelines.archive import Archive
    from pipelines.regime import timeline

    archive = Archive.open(tmp_path / "a.db")
    try:
        for measure, events in (("MOFCOM-2025-55", [SUSPENSION]),
                                ("MOFCOM-2025-57", [*NO57, SUSPENSION])):
            archive.db["measures"].insert({"id": measure, "series": "MOFCOM", "year": 2025,
                                           "number": int(measure.rsplit("-", 1)[1])})
            archive.write_status_periods(measure, status_periods(events))
        cited = archive.status_periods("MOFCOM-2025-55")
        assert [(p["status"], p["from"], p["by"]) for p in cited] == [
            ("suspended", "2025-11-07", "MOFCOM-2025-70"), ("in_force", "2026-11-11", None)]
        [*_, back] = timeline(cited, "2026-11-11")
        assert back["what"] == ("in force from 2026-11-11, when its suspension ended unless an "
                                "extension is found (verify on the issuer's site)")
        [*_, own] = timeline(archive.status_periods("MOFCOM-2025-57"), "2026-11-11")
        assert own["what"].endswith("; it had not taken effect before")
    finally:
        archive.close()
