"""pipelines.backfill, catching up: the stretches of a list that a night left unread (the page
budget, a kill) are found again by their items on a later night, however the pages shifted as
items were posted, and no page is asked for again unless that is needed to find them."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path

import pytest

from pipelines.archive import Archive
from pipelines.backfill import ListItem, ListPage, ListSpec, Walks, WalkState

SINCE = "2025-01-01"
LIST = ListSpec(key="www/gg/2025", url="https://www/gg/2025/index.html", series="MOFCOM",
                year=2025)
SIZE = 20


def url(number: int) -> str:
    return f"https://www/gg/2025/{number}.html"


def day(number: int) -> str:
    return (date(2025, 1, 1) + timedelta(days=number)).isoformat()


def list_page(numbers: list[int], page: int) -> ListPage:
    """Page `page` of a list of these numbers, newest first, 20 a page."""
    newest_first = sorted(numbers, reverse=True)
    chunk = newest_first[(page - 1) * SIZE:page * SIZE]
    return ListPage(number=page, items=[ListItem(url(n), day(n)) for n in chunk],
                    total=len(numbers), page_size=SIZE)


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    """An archive whose list was walked back to No. 1 (Nos. 1-100 known)."""
    archive = Archive.open(tmp_path / "a.db")
    archive.save_list_walk(asdict(WalkState(
        source="mofcom", list=LIST.key, url=LIST.url, series="MOFCOM", year=2025,
        status="complete", next_page=None, earliest=day(1), latest=day(100), since=SINCE,
        last_complete_walk="2025-06-01")))
    know(archive, range(1, 101))
    yield archive
    archive.close()


def know(archive: Archive, numbers: range | list[int]) -> None:
    for number in numbers:
        archive.record_fetch(url(number), 200, "2025-06-01", None, None)


def known(archive: Archive, numbers: list[int]) -> set[int]:
    return {n for n in numbers if archive.known_urls([url(n)])}


def night(archive: Archive, as_of: str, numbers: list[int], budget: int,
          kill_after: int | None = None, stored: bool = False) -> list[int]:
    """A night reading the list, its articles stored after each page; killed after the
    kill_after-th page read (before that page's articles are stored, unless `stored`): the
    pages read."""
    walks = Walks("mofcom", as_of, SINCE, budget, archive=archive)
    assert walks.plan([LIST]) == [(LIST, "first_page")]
    read, number, previous = [], 1, None
    while number:
        page = list_page(numbers, number)
        decision = walks.catch_up(LIST.key, page, previous)
        read.append(number)
        if kill_after is not None and len(read) == kill_after and not stored:
            return read  # (no finish: the process died)
        know(archive, [int(i.url.rsplit("/", 1)[1].split(".")[0]) for i in decision.items])
        if kill_after is not None and len(read) == kill_after:
            return read
        number, previous = decision.next_page, page
    walks.finish()
    return read


@pytest.mark.parametrize("stored", [False, True])
def test_a_night_killed_mid_way_reads_the_page_it_was_on_again(archive: Archive,
                                                                stored: bool) -> None:
    numbers = list(range(1, 161))  # Nos. 101-160: pages 1-3 all new
    assert night(archive, "2025-06-10", numbers, budget=5, kill_after=2, stored=stored) == [
        1, 2]
    # the next night reads page 2 again (its articles may not be stored), then on: page 3,
    # never read, though page 2 shows only known items when they were
    assert night(archive, "2025-06-11", numbers, budget=5) == [1, 2, 3, 4]
    assert known(archive, numbers) == set(numbers)
    assert archive.list_catch_ups("mofcom") == {}


def test_a_night_killed_mid_way_then_items_posted_reads_what_the_kill_left(
        archive: Archive) -> None:
    night(archive, "2025-06-10", list(range(1, 161)), budget=5, kill_after=2)
    numbers = list(range(1, 166))  # 5 more: what was page 2 now begins 5 items into page 2
    # (page 1 holds known items; the stretch after No. 141, the last item read before the
    # kill's page, is looked for where it was: page 2)
    assert night(archive, "2025-06-11", numbers, budget=5) == [1, 2, 3, 4]
    assert known(archive, numbers) == set(numbers)


def test_looking_for_a_stretch_cut_by_the_budget_goes_on_from_where_it_looked(
        archive: Archive) -> None:
    night(archive, "2025-06-10", list(range(1, 146)), budget=1)  # Nos. 101-105 left
    numbers = list(range(1, 206))  # 60 more: the stretch moved from page 3 to page 6
    assert night(archive, "2025-06-11", numbers, budget=3) == [1, 2, 3, 4]
    assert known(archive, numbers) == set(numbers) - set(range(101, 106))
    # page 5 (where it was not looked for yet), then page 6 holds it
    assert night(archive, "2025-06-12", numbers, budget=5) == [1, 5, 6]
    assert known(archive, numbers) == set(numbers)


def test_a_stretch_whose_item_left_the_list_is_found_by_its_date(archive: Archive) -> None:
    night(archive, "2025-06-10", list(range(1, 146)), budget=1)  # after No. 106: 101-105 left
    numbers = [n for n in range(1, 176) if n != 106]  # 30 more, and No. 106 withdrawn
    # page 4 holds Nos. 115-107 and 105-95: the stretch begins at No. 105, listed before 106
    assert night(archive, "2025-06-11", numbers, budget=5) == [1, 2, 3, 4]
    assert known(archive, numbers) == set(numbers)


def test_a_row_from_before_stretches_were_kept_goes_on_from_its_page(archive: Archive) -> None:
    night(archive, "2025-06-10", list(range(1, 146)), budget=1)
    archive.db.execute("update list_catch_ups set gaps = null, next_page = 3")
    assert night(archive, "2025-06-11", list(range(1, 146)), budget=5) == [1, 3]
    assert known(archive, list(range(1, 146))) == set(range(1, 146))
