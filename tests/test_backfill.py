"""pipelines.backfill: the rules of a walk back (bad pages, stop rules, budget, resumption after a
kill) and what the archive then covers (covered years, number gaps, the summary line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.archive import Archive
from pipelines.backfill import (
    ListItem,
    ListPage,
    ListSpec,
    Walks,
    archive_summary,
    covered_years,
    describe_gaps,
    judge_page,
    missing_numbers,
    stop_reason,
    write_coverage,
)
from pipelines.items import DocumentItem, MeasureEvent, MeasureRef
from pipelines.store import store_item
from pipelines.vocab import NumberCheck

SINCE = "2024-01-01"
INDEX = ListSpec(key="www/gg/2024", url="https://www/gg/2024/index.html", series="MOFCOM",
                 year=2024, nightly=False)
POLICY = ListSpec(key="www/zcfb", url="https://www/zcfb/index.html")


def page(number: int, *dates: str, total: int | None = None, has_next: bool | None = None,
         prefix: str = "a") -> ListPage:
    items = [ListItem(url=f"https://www/{prefix}{number}-{i}", published=d)
             for i, d in enumerate(dates)]
    return ListPage(number=number, items=items, total=total, page_size=20, has_next=has_next)


# --- bad pages and stop rules ------------------------------------------------------------------


def test_a_good_page_is_not_judged() -> None:
    assert judge_page(page(2, "2025-03-01", "2025-02-01"), page(1, "2025-05-01", "2025-04-01")
                      ) is None


@pytest.mark.parametrize(("bad", "previous", "problem"), [
    (page(2, total=40), None, "total 40 but no items"),
    (page(2, "2025-04-01", prefix="x"), page(1, "2025-04-01", prefix="x"), "repeats page 1"),
    (page(2, "2025-01-01", "2025-03-01"), None, "items out of date order"),
    (page(3, "2025-06-01"), page(2, "2025-05-01"), "items newer than page 2's"),
])
def test_bad_pages_are_named(bad: ListPage, previous: ListPage | None, problem: str) -> None:
    repeated = ListPage(number=2, items=previous.items) if problem.startswith("repeats") else bad
    assert judge_page(repeated, previous) == problem


def test_an_empty_page_past_the_total_is_the_end_not_a_problem() -> None:
    assert judge_page(page(3, total=40), None) is None
    assert stop_reason(page(3, total=40), SINCE) == "end of the list"


@pytest.mark.parametrize(("walked", "reason"), [
    (page(2, "2023-12-30", "2023-11-01"), "reached backfill_since"),
    (page(2, "2024-01-02", "2023-12-30"), None),  # not all older: the next page may hold more
    (page(2, "2024-05-01", total=40), "end of the list"),
    (page(1, "2024-05-01", has_next=False), "end of the list"),
    (page(1, "2024-05-01", has_next=True), None),
])
def test_stop_rules(walked: ListPage, reason: str | None) -> None:
    assert stop_reason(walked, SINCE) == reason


# --- walks in the archive: budget, resumption, later nights -----------------------------------


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    archive = Archive.open(tmp_path / "a.db")
    yield archive
    archive.close()


def walks(archive: Archive, as_of: str = "2025-11-08", budget: int = 200,
          since: str = SINCE, **kwargs: object) -> Walks:
    return Walks("mofcom", as_of, since, budget, archive=archive, **kwargs)


def read(w: Walks, spec: ListSpec, *pages: ListPage) -> list[int | None]:
    """The next page asked for after each page read."""
    previous, asked = None, []
    for p in pages:
        decision = w.after_page(spec.key, p, previous)
        asked.append(decision.next_page)
        previous = p
    return asked


def test_a_fresh_archive_walks_back_and_later_nights_read_first_pages(archive: Archive) -> None:
    w = walks(archive, first_run=True)
    assert [(s.key, m) for s, m in w.plan([POLICY, INDEX])] == [
        ("www/zcfb", "walk"), ("www/gg/2024", "walk")]
    assert w.backfilling
    assert read(w, INDEX, page(1, "2024-12-01", has_next=True), page(2, "2024-06-01"),
                page(3, "2023-12-01")) == [2, 3, None]
    read(w, POLICY, page(1, "2025-11-01", has_next=False))
    w.finish()
    later = walks(archive, as_of="2025-11-09")
    assert [(s.key, m) for s, m in later.plan([POLICY, INDEX])] == [("www/zcfb", "first_page")]
    assert not later.backfilling
    state = archive.list_walks("mofcom")[0]
    assert (state["list"], state["status"], state["pages_walked"], state["earliest"],
            state["last_complete_walk"]) == ("www/gg/2024", "complete", 3, "2024-06-01",
                                             "2025-11-08")


def test_the_page_budget_cuts_the_walk_and_the_next_night_continues(archive: Archive) -> None:
    w = walks(archive, budget=2)
    w.plan([INDEX])
    assert w.take_page(INDEX.key, 1)  # an old index's first page counts
    assert read(w, INDEX, page(1, "2024-12-01", has_next=True),
                page(2, "2024-10-01")) == [2, None]  # the budget is used
    w.finish()
    assert archive.list_walks("mofcom")[0]["next_page"] == 3
    night2 = walks(archive, as_of="2025-11-09", budget=2)
    assert night2.plan([INDEX]) == [(INDEX, "walk")] and night2.backfilling
    # page 1 again (for its parameters), then on from page 3
    assert read(night2, INDEX, page(1, "2024-12-01", has_next=True)) == [3]
    read(night2, INDEX, page(3, "2024-08-01"), page(4, "2023-12-01"))
    night2.finish()
    # the pages walked are the list's four, page 1 counted once (not again when re-read)
    assert archive.list_walks("mofcom")[0]["pages_walked"] == 4
    assert night2.summary()["pages"] == 2


def test_a_page_repeating_the_one_read_on_the_night_before_stops_the_resumed_walk(
        archive: Archive) -> None:
    """Cut by the budget after page 2, the walk resumes on page 3 the next night, and page 3
    repeats page 2: a problem naming the page, the walk stops there (before, the repeat went
    unseen across nights, the walk ended complete and the list's other items were never read);
    a page that only holds later dates than the night before's page is no problem (items
    posted in between shift a list's pages)."""
    w = walks(archive, budget=2)
    w.plan([INDEX])
    assert w.take_page(INDEX.key, 1)  # (an old index's first page counts)
    second = page(2, "2024-10-01", "2024-09-01")
    assert read(w, INDEX, page(1, "2024-12-01", has_next=True), second) == [2, None]
    w.finish()
    night2 = walks(archive, as_of="2025-11-09", budget=2)
    night2.plan([INDEX])
    assert read(night2, INDEX, page(1, "2024-12-01", has_next=True)) == [3]
    decision = night2.after_page(INDEX.key, ListPage(number=3, items=second.items), None)
    assert decision.problem and "page 3: repeats page 2 (read on an earlier night)" in (
        decision.problem)
    night2.finish()
    [state] = archive.list_walks("mofcom")
    assert (state["status"], state["next_page"]) != ("complete", None)
    night3 = walks(archive, as_of="2025-11-10", budget=2)
    night3.plan([INDEX])
    read(night3, INDEX, page(1, "2024-12-01", has_next=True))
    shifted = night3.after_page(INDEX.key, page(3, "2024-11-01", "2023-12-01"), None)
    assert shifted.problem is None


def test_a_killed_crawl_resumes_at_the_last_page_read(archive: Archive) -> None:
    w = walks(archive)
    w.plan([INDEX])
    read(w, INDEX, page(1, "2024-12-01", has_next=True), page(2, "2024-06-01"),
         page(3, "2023-12-01"))  # complete, but the process dies before its crawl ends
    state = archive.list_walks("mofcom")[0]
    assert (state["status"], state["next_page"]) == ("walking", 3)
    again = walks(archive, as_of="2025-11-09")
    assert again.plan([INDEX]) == [(INDEX, "walk")]  # page 3's articles are fetched again
    # page 1 for its parameters, then page 3 again: the list's three pages, each counted once,
    # and the night walked page 3 only (page 1's dates are not where it walked back to)
    assert read(again, INDEX, page(1, "2024-12-01", has_next=True), page(3, "2023-12-01")) == [
        3, None]
    again.finish()
    assert archive.list_walks("mofcom")[0]["pages_walked"] == 3
    night = again.summary()  # (page 3's one item is older than backfill_since: no date)
    assert (night["pages"], night["earliest"], night["latest"]) == (1, None, None)


def test_a_bad_page_stops_the_walk_there_and_it_is_retried_there(archive: Archive) -> None:
    w = walks(archive)
    w.plan([INDEX])
    first = page(1, "2024-12-01", has_next=True)
    read(w, INDEX, first)
    decision = w.after_page(INDEX.key, page(2, "2025-06-01"), first)
    assert decision.next_page is None and decision.items == []
    assert decision.problem.startswith("list www/gg/2024 page 2: items newer than page 1's")
    w.finish()
    state = archive.list_walks("mofcom")[0]
    assert (state["status"], state["next_page"]) == ("stopped", 2)
    assert walks(archive, as_of="2025-11-09").plan([INDEX]) == [(INDEX, "walk")]


def test_moving_backfill_since_back_walks_on_from_where_it_stopped(archive: Archive) -> None:
    w = walks(archive)
    w.plan([POLICY])
    read(w, POLICY, page(1, "2024-03-01", has_next=True), page(2, "2023-10-01"))
    w.finish()
    earlier = walks(archive, as_of="2025-11-09", since="2023-01-01")
    assert earlier.plan([POLICY]) == [(POLICY, "walk")]
    assert read(earlier, POLICY, page(1, "2024-03-01", has_next=True)) == [2]



def test_moving_backfill_since_back_rereads_a_last_page_that_left_items_out(
        archive: Archive) -> None:
    """A list whose last page held items older than backfill_since (left out, the walk complete
    at the end of the list) is read again from that page when backfill_since moves back; one
    whose last page left nothing out is not."""
    w = walks(archive)
    w.plan([POLICY, INDEX])
    read(w, POLICY, page(1, "2024-03-01", has_next=True), page(2, "2024-01-05", "2023-10-01",
                                                                 has_next=False))
    read(w, INDEX, page(1, "2024-12-01", "2024-06-01", has_next=False))
    w.finish()
    states = {s["list"]: s for s in archive.list_walks("mofcom")}
    assert (states[POLICY.key]["status"], states[POLICY.key]["next_page"]) == ("complete", 2)
    assert states[INDEX.key]["next_page"] is None
    earlier = walks(archive, as_of="2025-11-09", since="2023-01-01")
    assert earlier.plan([POLICY, INDEX]) == [(POLICY, "walk")]
    assert read(earlier, POLICY, page(1, "2024-03-01", has_next=True)) == [2]
    decision = earlier.after_page(POLICY.key, page(2, "2024-01-05", "2023-10-01",
                                                   has_next=False), None)
    assert [i.published for i in decision.items] == ["2024-01-05", "2023-10-01"]


def test_backfill_forced_walks_again_from_page_one(archive: Archive) -> None:
    w = walks(archive)
    w.plan([POLICY])
    read(w, POLICY, page(1, "2025-03-01", has_next=False))
    w.finish()
    forced = walks(archive, as_of="2025-11-09", forced=True)
    assert forced.plan([POLICY]) == [(POLICY, "walk")]
    assert archive.list_walks("mofcom")[0]["next_page"] == 1


NEW_YEAR = ListSpec(key="www/gg/2026", url="https://www/gg/2026/index.html", series="MOFCOM",
                    year=2026)


def done_walking(archive: Archive) -> None:
    """The source's walks are complete (its one list walked back in 2025)."""
    w = walks(archive)
    w.plan([POLICY])
    read(w, POLICY, page(1, "2025-03-01", has_next=False))
    w.finish()


def test_a_new_years_index_of_a_source_done_walking_is_read_not_walked(
        archive: Archive) -> None:
    done_walking(archive)
    january = walks(archive, as_of="2026-01-06")
    assert january.plan([NEW_YEAR, POLICY]) == [(NEW_YEAR, "first_page"),
                                                (POLICY, "first_page")]
    assert not january.backfilling


def first_read(w: Walks, spec: ListSpec, *pages: ListPage) -> list[int | None]:
    """A list read, not walked (its first page, then the pages catching up asks for)."""
    previous, asked = None, []
    for p in pages:
        asked.append(w.catch_up(spec.key, p, previous).next_page)
        previous = p
    return asked


def test_a_new_years_index_read_to_its_end_is_known_whole_so_far(archive: Archive) -> None:
    """A new year's index of a source done walking is read, not walked; read to its end the
    first time (all of it on its first page, in January), it is known whole as a walk would
    know it: the year's numbering is checked so far, and after the year it is walked to its
    end (before, a year under way read that way was never checked)."""
    done_walking(archive)
    january = walks(archive, as_of="2026-01-09")
    january.plan([NEW_YEAR, POLICY])
    assert first_read(january, NEW_YEAR, page(1, "2026-01-08", "2026-01-05",
                                               has_next=False, prefix="n")) == [None]
    january.finish()
    [row] = [r for r in archive.list_walks("mofcom") if r["list"] == NEW_YEAR.key]
    assert (row["status"], row["last_complete_walk"], row["earliest"], row["latest"]) == (
        "complete", "2026-01-09", "2026-01-05", "2026-01-08")
    assert covered_years(archive.all_list_walks(), "2026-01-09")["MOFCOM"][2026] == SO_FAR
    later = walks(archive, as_of="2026-01-10")
    assert later.plan([NEW_YEAR, POLICY]) == [(NEW_YEAR, "first_page"), (POLICY, "first_page")]
    assert walks(archive, as_of="2027-01-04").plan([NEW_YEAR]) == [(NEW_YEAR, "walk")]


def test_a_new_years_index_first_read_in_part_is_not_known_whole(archive: Archive) -> None:
    """Read the first time with more behind its first page than the night reads (catching up
    cut by the page budget), the index is not known whole: no walk is written for it."""
    done_walking(archive)
    june = walks(archive, as_of="2026-06-09", budget=0)
    june.plan([NEW_YEAR, POLICY])
    assert first_read(june, NEW_YEAR, page(1, "2026-06-08", has_next=True, prefix="n")) == [
        None]
    june.finish()
    assert [r for r in archive.list_walks("mofcom") if r["list"] == NEW_YEAR.key] == []


def test_a_new_years_index_first_read_in_part_is_known_whole_when_its_reading_ends(
        archive: Archive) -> None:
    """Cut short the first time (the page budget), the reading of a new year's index goes on
    the next night from where it stopped; reaching the list's end, every item of it has been
    read, so it is known whole and its year checked so far (before, the year stayed unchecked
    until the walk of the next January)."""
    done_walking(archive)
    june = walks(archive, as_of="2026-06-09", budget=0)
    june.plan([NEW_YEAR, POLICY])
    first = page(1, "2026-06-08", "2026-06-01", has_next=True, prefix="n")
    assert first_read(june, NEW_YEAR, first) == [None]
    for item in first.items:  # (the night stores what it read)
        archive.record_fetch(item.url, 200, "2026-06-09", None, None)
    june.finish()
    assert archive.list_catch_ups("mofcom")[NEW_YEAR.key]["next_page"] is not None
    next_night = walks(archive, as_of="2026-06-10")
    next_night.plan([NEW_YEAR, POLICY])
    assert first_read(next_night, NEW_YEAR, first,
                      page(2, "2026-03-01", "2026-01-05", has_next=False, prefix="n")) == [
        2, None]
    next_night.finish()
    [row] = [r for r in archive.list_walks("mofcom") if r["list"] == NEW_YEAR.key]
    assert (row["status"], row["last_complete_walk"], row["earliest"], row["latest"]) == (
        "complete", "2026-06-10", "2026-01-05", "2026-06-08")
    assert covered_years(archive.all_list_walks(), "2026-06-10")["MOFCOM"][2026] == SO_FAR
    assert NEW_YEAR.key not in archive.list_catch_ups("mofcom")


def test_items_older_than_backfill_since_are_not_fetched(archive: Archive) -> None:
    w = walks(archive)
    w.plan([POLICY])
    decision = w.after_page(POLICY.key, page(1, "2024-02-01", "2023-12-31", None,
                                             has_next=True), None)
    assert [i.published for i in decision.items] == ["2024-02-01", None]


# --- coverage and number gaps ------------------------------------------------------------------


def test_missing_numbers_run_from_one_to_the_highest_seen() -> None:
    assert missing_numbers([2, 3, 62, 65]) == [1, *range(4, 62), 63, 64]
    assert missing_numbers([]) == []
    assert describe_gaps("MOFCOM", 2025, [63, 64]) == "MOFCOM-2025-63, -64"
    assert describe_gaps("MOFCOM", 2020, [1, 2, 3, 7]) == "MOFCOM-2020-1 … -3, -7"


def walk_row(**fields: object) -> dict[str, object]:
    row = {"series": "MOFCOM", "year": None, "since": "2023-07-01", "earliest": None,
           "next_page": None, "last_complete_walk": "2025-10-09"}
    return {**row, **fields}


WHOLE, SO_FAR = NumberCheck.WHOLE_YEAR, NumberCheck.SO_FAR


@pytest.mark.parametrize(("walk", "years"), [
    (walk_row(year=2024), {2024: WHOLE}),  # a year's index walked after the year ended
    (walk_row(year=2025), {2025: SO_FAR}),  # the year is not over: checked so far
    (walk_row(year=2023), {}),  # backfill_since cut the year
    (walk_row(year=2024, last_complete_walk=None), {}),  # never complete
    (walk_row(series="GACC", next_page=4, since="2023-01-01"),  # stopped at since
     {2023: WHOLE, 2024: WHOLE, 2025: SO_FAR}),
    # ran out of pages in 2024: 2024 not known to be whole; 2025 read from its start
    (walk_row(series="GACC", earliest="2024-12-30"), {2025: SO_FAR}),
])
def test_covered_years(walk: dict[str, object], years: dict[int, NumberCheck]) -> None:
    assert covered_years([walk], "2025-10-09").get(str(walk["series"]), {}) == years


# The 2025 index, walked to its end on 2025-11-08 (backfill_since 2023-07-01).
INDEX_2025_WALK = walk_row(year=2025, since="2023-07-01", last_complete_walk="2025-11-08")


def test_a_walk_that_ended_in_the_year_checks_it_so_far() -> None:
    walk = INDEX_2025_WALK
    assert covered_years([walk], "2025-11-08") == {"MOFCOM": {2025: SO_FAR}}
    # walked again after the year ended (last year's index in January): the whole year
    again = {**walk, "last_complete_walk": "2026-01-06"}
    assert covered_years([again], "2026-01-06") == {"MOFCOM": {2025: WHOLE}}
    # until then, still so far (its gaps do not vanish at New Year)
    assert covered_years([walk], "2026-01-02") == {"MOFCOM": {2025: SO_FAR}}
    # backfill_since inside the year: not covered
    assert covered_years([{**walk, "since": "2025-03-01"}], "2025-11-08") == {"MOFCOM": {}}


def test_a_column_walked_in_the_year_covers_it_and_the_years_it_reached() -> None:
    """GACC's column (no year of its own) walked to backfill_since on 2025-11-08: 2024 whole,
    2025 so far; in 2026 both stay checked (the first pages read every night carry the column
    on), 2026 so far."""
    column = {**INDEX_2025_WALK, "series": "GACC", "year": None, "next_page": 4,
              "since": "2024-01-01"}
    assert covered_years([column], "2025-11-08") == {"GACC": {2024: WHOLE, 2025: SO_FAR}}
    assert covered_years([column], "2026-02-01") == {
        "GACC": {2024: WHOLE, 2025: SO_FAR, 2026: SO_FAR}}


def measure_page(archive: Archive, run_id: str, number: int, day: str,
                 effective: str | None = None, as_of: str = "2025-10-09") -> None:
    ref = MeasureRef(id=f"MOFCOM-2024-{number}", series="MOFCOM", year=2024, number=number,
                     relation="issues", confidence="high", published=day,
                     events=[MeasureEvent("issued", date=day),
                             MeasureEvent("effective", date=effective or day)])
    item = DocumentItem(url=f"https://www/gg/2024/art/2024/art_{number:032x}.html",
                        source="mofcom", source_kind="authority", title=f"No. {number}",
                        body="text", language="zh", published=day, confidence="high",
                        content_hash=str(number), measures=[ref])
    store_item(archive, item, run_id, as_of)


def test_gaps_are_written_with_the_day_they_were_first_noticed(archive: Archive) -> None:
    run_id = archive.start_run("2025-10-09", ["mofcom"], None)
    for number in (1, 2, 4, 6):
        measure_page(archive, run_id, number, "2024-03-01")
    archive.save_list_walk(walk_row(source="mofcom", list="www/gg/2024", url="u", year=2024,
                                    status="complete", pages_walked=2))
    assert write_coverage(archive, "2025-10-09") == {("MOFCOM", 2024): [3, 5]}
    measure_page(archive, run_id, 5, "2024-04-01")
    write_coverage(archive, "2025-10-10")
    assert [(g["measure"], g["after"], g["before"], g["noticed_on"])
            for g in archive.number_gaps()] == [("MOFCOM-2024-3", 2, 4, "2025-10-09")]
    [series] = [r for r in archive.coverage() if r["scope"] == "series"]
    assert (series["covered"], series["highest"], series["gaps"], series["missing"]) == (
        1, 6, 1, "MOFCOM-2024-3")
    [source] = [r for r in archive.coverage() if r["scope"] == "source"]
    assert (source["name"], source["documents"], source["pages_walked"], source["walk"],
            source["last_complete_walk"]) == ("mofcom", 5, 2, "complete", "2025-10-09")


def test_the_archive_in_one_line(archive: Archive) -> None:
    assert archive_summary(archive, "2025-10-09") == "The archive holds no measures yet."
    run_id = archive.start_run("2025-10-09", ["mofcom"], None)
    measure_page(archive, run_id, 1, "2024-03-01")
    measure_page(archive, run_id, 2, "2025-10-01", "2025-10-20")  # in force in 11 days
    from pipelines.finish import write_status_periods

    write_status_periods(archive)
    assert archive_summary(archive, "2025-10-09") == (
        "The archive now holds 2 measures from 2024-03 to 2025-10; 1 in force, 0 suspended, "
        "1 deadline within 30 days.")


def test_coverage_kept_up_night_by_night_is_the_coverage_computed_afresh(archive: Archive) -> None:
    from pipelines.finish import finish_run

    def snapshot() -> list[tuple]:
        skip = {"id", "run_id", "as_of"}
        return sorted(tuple(v for k, v in r.items() if k not in skip) for r in archive.coverage())

    archive.save_list_walk(walk_row(source="mofcom", list="www/gg/2024", url="u", year=2024,
                                    status="complete", pages_walked=2))
    first = archive.start_run("2025-10-09", ["mofcom"], None)
    for number in (1, 2, 5):
        measure_page(archive, first, number, "2024-03-01")
    finish_run(archive, first)
    second = archive.start_run("2025-10-10", ["mofcom"], None)
    for number in (3, 7):
        measure_page(archive, second, number, "2024-05-01", as_of="2025-10-10")
    finish_run(archive, second)  # brought up to date with what this run changed
    kept = snapshot()
    gaps = [(g["measure"], g["noticed_on"]) for g in archive.number_gaps()]
    write_coverage(archive, "2025-10-10")  # everything computed again
    assert snapshot() == kept
    assert gaps == [(g["measure"], g["noticed_on"]) for g in archive.number_gaps()] == [
        ("MOFCOM-2024-4", "2025-10-09"), ("MOFCOM-2024-6", "2025-10-10")]
    # a series' year says how the lists that carry it were walked, as a source's row does
    [year] = [r for r in archive.coverage() if r["scope"] == "series" and r["year"] == 2024]
    assert (year["pages_walked"], year["walk"], year["last_complete_walk"]) == (
        2, "complete", "2025-10-09")


def test_measures_known_only_as_cited_in_a_covered_year_are_listed(archive: Archive) -> None:
    """No. 4 of 2024 is cited by No. 6's text but no page of its own is archived: in a year the
    walks covered, it is listed as cited, its text not held (the numbers gaps do not list it:
    it was seen); a cited measure of a year not covered is not (the walk never passed it)."""
    from crawler.cli import series_lines

    run_id = archive.start_run("2025-10-09", ["mofcom"], None)
    for number in (1, 2, 3, 5, 6):
        measure_page(archive, run_id, number, "2024-03-01")
    citing = next(iter(archive.db.query("select id from documents")))["id"]
    for cited in ("MOFCOM-2024-4", "MOFCOM-2023-9"):
        series, year, number = cited.split("-")
        archive.store_measure_ref(MeasureRef(id=cited, series=series, year=int(year),
                                             number=int(number), relation="mentions"),
                                  citing, "2025-10-09", run_id)
    archive.save_list_walk(walk_row(source="mofcom", list="www/gg/2024", url="u", year=2024,
                                    status="complete", pages_walked=2))
    write_coverage(archive, "2025-10-09")
    assert archive.number_gaps() == []
    assert {(r["name"], r["year"]): r["cited_only"] for r in archive.coverage()
            if r["scope"] == "series"} == {("MOFCOM", 2024): "MOFCOM-2024-4",
                                           ("MOFCOM", 2023): None}
    assert ("  2024: cited by other texts, their own text not archived: MOFCOM-2024-4"
            in series_lines(archive.coverage()))
    # its own page arrives: no longer listed, the coverage brought up to date night by night
    from pipelines.finish import finish_run

    later = archive.start_run("2025-10-10", ["mofcom"], None)
    measure_page(archive, later, 4, "2024-03-01", as_of="2025-10-10")
    finish_run(archive, later)
    assert {r["cited_only"] for r in archive.coverage() if r["scope"] == "series"} == {None}


def test_the_archive_in_one_line_holds_what_it_holds_and_says_what_it_only_cites(
        archive: Archive) -> None:
    """The line counts the measures whose own text the archive holds (dates from them), says
    how many more it knows only as cited, and which of the suspended are suspended in part."""
    from pipelines.finish import write_status_periods

    run_id = archive.start_run("2025-10-09", ["mofcom"], None)
    measure_page(archive, run_id, 1, "2024-03-01")
    measure_page(archive, run_id, 2, "2024-05-01")
    citing = next(iter(archive.db.query("select id from documents")))["id"]
    # No. 2's paragraph 2 suspended by No. 9 (only cited: its own page is not held)
    archive.store_measure_ref(MeasureRef(
        id="MOFCOM-2024-2", series="MOFCOM", year=2024, number=2, relation="mentions",
        events=[MeasureEvent("partially_suspended", date="2025-10-01", until="2026-10-01",
                             by_measure="MOFCOM-2025-9", clause="第二款")]),
        citing, "2025-10-09", run_id)
    archive.store_measure_ref(MeasureRef(id="MOFCOM-2025-9", series="MOFCOM", year=2025,
                                         number=9, relation="mentions", published="2025-09-30"),
                              citing, "2025-10-09", run_id)
    write_status_periods(archive)
    assert archive_summary(archive, "2025-10-09") == (
        "The archive now holds 2 measures from 2024-03 to 2024-05 (and cites 1 more); 1 in "
        "force, 1 suspended (1 in part), 0 deadlines within 30 days.")
