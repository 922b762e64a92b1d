"""pipelines.backfill: number gaps in the year under way. A walk that reached back to 1 January
of the year covers it while it runs; its gaps are the numbers below the highest of those
published at least 7 days (GAP_SETTLE_DAYS) before the night, listed night by night on a real
archive, and a gap filled later says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.archive import Archive
from pipelines.backfill import write_coverage
from pipelines.diff import item_changes
from pipelines.finish import finish_run
from pipelines.items import DocumentItem, MeasureEvent, MeasureRef
from pipelines.report import archive_context
from pipelines.store import store_item

# The 2025 index, walked to its end on the first night (backfill_since 2023-07-01).
INDEX_2025 = {"source": "mofcom", "list": "www/gg/2025", "url": "https://www/gg/2025/index.html",
              "series": "MOFCOM", "year": 2025, "status": "complete", "next_page": None,
              "pages_walked": 2, "since": "2023-07-01", "last_complete_walk": "2025-11-08"}


@pytest.fixture()
def archive(tmp_path: Path) -> Archive:
    archive = Archive.open(tmp_path / "a.db")
    yield archive
    archive.close()


def announce(archive: Archive, run_id: str, number: int, day: str, as_of: str) -> None:
    """MOFCOM's announcement No. `number` of 2025, published on `day`, stored on as_of."""
    ref = MeasureRef(id=f"MOFCOM-2025-{number}", series="MOFCOM", year=2025, number=number,
                     relation="issues", confidence="high", published=day,
                     events=[MeasureEvent("issued", date=day),
                             MeasureEvent("effective", date=day)])
    item = DocumentItem(url=f"https://www/gg/2025/art/2025/art_{number:032x}.html",
                        source="mofcom", source_kind="authority", title=f"No. {number}",
                        body="text", language="zh", published=day, confidence="high",
                        content_hash=str(number), measures=[ref])
    item.changes = item_changes(archive, item)
    store_item(archive, item, run_id, as_of)


def night(archive: Archive, as_of: str, *announcements: tuple[int, str]) -> str:
    """A run on as_of storing these (number, day) announcements, finished; its id."""
    run_id = archive.start_run(as_of, ["mofcom"], None)
    for number, day in announcements:
        announce(archive, run_id, number, day, as_of)
    finish_run(archive, run_id)
    return run_id


def gaps(archive: Archive) -> list[tuple[str, str]]:
    return [(g["measure"], g["noticed_on"]) for g in archive.number_gaps()]


def series_row(archive: Archive) -> dict:
    [row] = [r for r in archive.coverage() if r["scope"] == "series" and r["year"] == 2025]
    return row


def test_a_gap_in_the_year_under_way_is_listed(archive: Archive) -> None:
    """Nos. 1, 2, 4 and 6 of 2025 published weeks ago, the index walked to its end: No. 3 and
    No. 5 may be missing, in `number_gaps`, the coverage row, `regwatch sources`, the report's
    and the digest's list and Datasette's canned query, said to be of a year under way."""
    from crawler.cli import series_lines

    archive.save_list_walk(INDEX_2025)
    night(archive, "2025-11-08", (1, "2025-02-01"), (2, "2025-03-01"), (4, "2025-06-01"),
          (6, "2025-10-01"))
    assert gaps(archive) == [("MOFCOM-2025-3", "2025-11-08"), ("MOFCOM-2025-5", "2025-11-08")]
    row = series_row(archive)
    assert (row["covered"], row["highest"], row["gaps"], row["missing"]) == (
        1, 6, 2, "MOFCOM-2025-3, -5")
    lines = series_lines(archive.coverage())
    assert lines[0].endswith("numbering checked for 2025 (under way)")
    assert lines[1] == ("  2025 (under way; highest seen: No. 6; numbers above those of 7 days "
                        "ago not checked yet): may be missing: MOFCOM-2025-3, -5")
    [gap] = archive_context(archive, "2025-11-08")["gaps"]
    assert gap["under_way"] and gap["missing"] == "MOFCOM-2025-3, -5"
    canned = canned_query(archive)
    assert canned == [{"series": "MOFCOM", "year": 2025, "under_way": 1, "highest": 6, "gaps": 2,
                       "missing": "MOFCOM-2025-3, -5"}]


def canned_query(archive: Archive) -> list[dict]:
    """Datasette's `number_gaps_to_check`, as crawler/metadata.yml writes it."""
    import yaml

    from crawler.browse import METADATA

    sql = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["queries"][
        "number_gaps_to_check"]["sql"]
    keys = ("series", "year", "under_way", "highest", "gaps", "missing")
    return [{k: r[k] for k in keys} for r in archive.db.query(sql)]


def test_a_number_above_any_published_a_week_ago_is_no_gap_until_the_week_passed(
        archive: Archive) -> None:
    """No. 9 published on 3 November: Nos. 7 and 8 may still be posted (out of order, a day or
    two late), so they are no gap on the 8th, nor on the 9th; on the 10th, a week after No. 9,
    they are (nothing new stored that night: the week moved on). No. 12, published on the 8th,
    leaves Nos. 10 and 11 unchecked still."""
    archive.save_list_walk(INDEX_2025)
    night(archive, "2025-11-08", *((n, "2025-10-01") for n in range(1, 7)), (9, "2025-11-03"),
          (12, "2025-11-08"))
    assert gaps(archive) == []
    assert series_row(archive)["highest"] == 12
    night(archive, "2025-11-09")
    assert gaps(archive) == []
    night(archive, "2025-11-10")
    assert gaps(archive) == [("MOFCOM-2025-7", "2025-11-10"), ("MOFCOM-2025-8", "2025-11-10")]
    # computed afresh, the same
    write_coverage(archive, "2025-11-10")
    assert gaps(archive) == [("MOFCOM-2025-7", "2025-11-10"), ("MOFCOM-2025-8", "2025-11-10")]


def test_a_gap_of_the_year_under_way_filled_later_says_so(archive: Archive) -> None:
    """No. 3 is listed from the 8th; posted late and found on the 20th, its new_measure says it
    fills the gap and since when it was listed, and the gap is gone."""
    archive.save_list_walk(INDEX_2025)
    night(archive, "2025-11-08", (1, "2025-10-01"), (2, "2025-10-01"), (4, "2025-10-20"))
    assert gaps(archive) == [("MOFCOM-2025-3", "2025-11-08")]
    filling = night(archive, "2025-11-20", (3, "2025-10-15"))
    [change] = [c for c in archive.changes_in_run(filling, "new_measure")
                if c["measure"] == "MOFCOM-2025-3"]
    assert change["summary"].endswith("fills the gap MOFCOM-2025-3 listed since 2025-11-08")
    assert gaps(archive) == []
    assert series_row(archive)["gaps"] == 0
