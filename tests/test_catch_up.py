"""Reading official lists after the first night, through the real spider, mirror, archive and
CLI: a night whose first page holds nothing the archive knows reads on until it does (within the
page budget, continued the next night), an ordinary night reads page 1 only, and in the new year
the year before's index is walked to its end once, so that its numbering is checked."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from conftest import regwatch
from test_backfill_crawl import JPAAS, WWW, article, items_html, list_page, write

# The JPaaS pageId of each year's announcement index (MofcomSpider.JPAAS_FALLBACKS).
PAGE_IDS = {2025: "cf53ea6266ff4e39f3131373a1d569e6"}
SINCE = "2025-01-01"


def day_of(number: int, year: int = 2025) -> str:
    """No. n of a year is published n days after 1 January (numbering follows dates)."""
    return (date(year, 1, 1) + timedelta(days=number)).isoformat()


def index_page_name(year: int, number: int) -> str:
    return (f"{WWW}/api-gateway/jpaas-publish-server/front/page/build/unit?pageId="
            f'{PAGE_IDS[year]}&pageType=column&paramJson={{"pageNo":{number},"pageSize":20}}'
            f'&parseType=bulidstatic&tagId=信息列表&tplSetId={JPAAS["tplSetId"]}'
            f'&webId={JPAAS["webId"]}')


def make_site(root: Path, numbers: list[int], year: int = 2025,
              next_year: list[int] | None = None) -> None:
    """A mirror of MOFCOM: the year's announcement index listing these numbers (newest first,
    20 a page: page 1 static, the later ones JPaaS answers), the policy list (one item) and,
    with next_year, the next year's index (one static page)."""
    if root.exists():
        for path in sorted(root.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    items = []
    for number in sorted(numbers, reverse=True):
        path, title, page = article(number, day_of(number, year))
        write(root, WWW + path, page)
        items.append((path, title, day_of(number, year)))
    pages = [items[i:i + 20] for i in range(0, len(items), 20)]
    write(root, f"{WWW}/zcfb/blgg/gg/{year}/index.html", list_page(pages[0], len(pages) > 1))
    for number, listed in enumerate(pages[1:], start=2):
        write(root, index_page_name(year, number), json.dumps(
            {"data": {"html": items_html(listed), "total": len(items)}}, ensure_ascii=False))
    policy_path, policy_title, policy_page = article(900, "2024-06-01")  # (before since)
    write(root, WWW + policy_path, policy_page)
    write(root, f"{WWW}/zwgk/zcfb/index.html",
          list_page([(policy_path, policy_title, "2024-06-01")], pager=False))
    if next_year is not None:
        later = []
        for number in next_year:
            path, title, page = article(number, day_of(number, year + 1))
            write(root, WWW + path.replace(f"/{year}/", f"/{year + 1}/"), page)
            later.append((path.replace(f"/{year}/", f"/{year + 1}/"), title,
                          day_of(number, year + 1)))
        write(root, f"{WWW}/zcfb/blgg/gg/{year + 1}/index.html", list_page(later, False))


def crawl(folder: Path, site: Path, as_of: str, budget: int = 200) -> dict:
    # (the nights are months apart: archived articles no list shows would be read again, a
    # note of their own that is not this module's subject; tests/test_network.py tests them)
    env = {**os.environ, "REGWATCH_BACKFILL_SINCE": SINCE,
           "REGWATCH_BACKFILL_PAGES_PER_NIGHT": str(budget),
           "REGWATCH_REVISIT_UNLISTED_PER_NIGHT": "0"}
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(site), "--as-of", as_of,
                      "--db", str(folder / "a.db"), "--reports", str(folder / "r"),
                      cwd=folder, env=env)
    assert result.returncode == 0, result.stderr
    run_id = sqlite3.connect(folder / "a.db").execute(
        "select id from runs order by rowid desc limit 1").fetchone()[0]
    report = json.loads((folder / "r" / f"{run_id}.json").read_text(encoding="utf-8"))
    report["stdout"] = result.stdout
    return report


def numbers_archived(folder: Path, year: int = 2025) -> set[int]:
    return {n for (n,) in sqlite3.connect(folder / "a.db").execute(
        "select number from measures where series = 'MOFCOM' and year = ?", [year])}


def mofcom(report: dict) -> dict:
    [source] = [s for s in report["sources"] if s["name"] == "mofcom"]
    return source


def test_a_night_whose_first_page_is_all_new_reads_on_until_it_knows_an_item(tmp_path) -> None:
    """After a complete backfill of Nos. 1-100, Nos. 101-125 appear before the next run: No.
    101-105 are on page 2, and the night reads it (the checker's case)."""
    site = tmp_path / "site"
    make_site(site, list(range(1, 101)))
    first = crawl(tmp_path, site, "2025-06-01")
    assert numbers_archived(tmp_path) == set(range(1, 101))
    assert "notes" not in mofcom(first)  # a backfill is its own story

    make_site(site, list(range(1, 126)))
    night = crawl(tmp_path, site, "2025-06-10")
    assert numbers_archived(tmp_path) == set(range(1, 126))
    new = {c["measure"] for c in night["changes"] if c["kind"] == "new_measure"} - {
        "MOFCOM-2024-900"}  # (the policy list's item, older than backfill_since)
    assert new == {f"MOFCOM-2025-{n}" for n in range(101, 126)}
    source = mofcom(night)
    assert source["status"] == "ok" and source["problems"] == []
    assert source["notes"] == [
        "list www.mofcom.gov.cn/zcfb/blgg/gg/2025: more than a page new since the last run: "
        "1 page after the first read to catch up; caught up"]
    assert "note: list www.mofcom.gov.cn/zcfb/blgg/gg/2025: more than a page new" in (
        night["stdout"])
    assert not [c for c in night["changes"] if c["kind"] == "backfill"]  # not a backfill

    # an ordinary night: page 1 holds a known item, page 2 is not asked for (it is gone from
    # the mirror: asking would be a source problem)
    make_site(site, list(range(1, 127)))
    (site / index_page_name(2025, 2)).unlink()
    ordinary = crawl(tmp_path, site, "2025-06-11")
    source = mofcom(ordinary)
    assert source["status"] == "ok" and source["problems"] == [] and "notes" not in source
    assert numbers_archived(tmp_path) == set(range(1, 127))


def test_catching_up_cut_by_the_page_budget_continues_the_next_night(tmp_path) -> None:
    site = tmp_path / "site"
    make_site(site, list(range(1, 101)))
    crawl(tmp_path, site, "2025-06-01")
    make_site(site, list(range(1, 146)))  # 45 new: pages 1 and 2 all new, 101-105 on page 3
    night = crawl(tmp_path, site, "2025-06-10", budget=1)
    assert numbers_archived(tmp_path) == set(range(1, 101)) | set(range(106, 146))
    source = mofcom(night)
    assert source["status"] == "ok"
    assert source["notes"] == [
        "list www.mofcom.gov.cn/zcfb/blgg/gg/2025: more than a page new since the last run: "
        "1 page after the first read to catch up; stopped before page 3 by the page budget of "
        "1 pages per night; continues next night"]
    # the next night's page 1 holds known items: it goes on from page 3 all the same (the
    # list has not changed: page 2 is not asked for again)
    (site / index_page_name(2025, 2)).unlink()
    following = crawl(tmp_path, site, "2025-06-11", budget=1)
    assert numbers_archived(tmp_path) == set(range(1, 146))
    assert mofcom(following)["problems"] == []
    assert mofcom(following)["notes"] == [
        "list www.mofcom.gov.cn/zcfb/blgg/gg/2025: catching up begun on 2025-06-10 continued: "
        "1 page after the first read to catch up; caught up"]
    assert {c["measure"] for c in following["changes"] if c["kind"] == "new_measure"} == {
        f"MOFCOM-2025-{n}" for n in range(101, 106)}
    # and then it is over: page 1 only
    after = crawl(tmp_path, site, "2025-06-12", budget=1)
    assert "notes" not in mofcom(after) and mofcom(after)["status"] == "ok"


NOTE = "list www.mofcom.gov.cn/zcfb/blgg/gg/2025: "


def cut_after_45_new(folder: Path, site: Path) -> None:
    """Nos. 1-100 backfilled; then 45 new and a budget of 1: Nos. 106-145 are read, the night
    stops before page 3, and Nos. 101-105 (on page 3) are still to be read."""
    make_site(site, list(range(1, 101)))
    crawl(folder, site, "2025-06-01")
    make_site(site, list(range(1, 146)))
    crawl(folder, site, "2025-06-10", budget=1)
    assert numbers_archived(folder) == set(range(1, 101)) | set(range(106, 146))


def test_a_cut_catching_up_is_not_lost_when_the_next_nights_first_page_is_all_new_again(
        tmp_path) -> None:
    """The checker's case: 30 more appear before the next night. Its first page is all new
    again; page 2 holds Nos. 146-155 and known ones; the page the cut night stopped before (3)
    now holds Nos. 116-135, all known: Nos. 101-105 have moved to page 4, and are read."""
    site = tmp_path / "site"
    cut_after_45_new(tmp_path, site)
    make_site(site, list(range(1, 176)))
    night = crawl(tmp_path, site, "2025-06-11", budget=5)
    assert numbers_archived(tmp_path) == set(range(1, 176))
    assert {c["measure"] for c in night["changes"] if c["kind"] == "new_measure"} == {
        f"MOFCOM-2025-{n}" for n in [*range(101, 106), *range(146, 176)]}
    source = mofcom(night)
    assert source["status"] == "ok" and source["problems"] == []
    assert source["notes"] == [
        NOTE + "more than a page new since the last run; catching up begun on 2025-06-10 "
        "continued: 3 pages after the first read to catch up; caught up"]
    after = crawl(tmp_path, site, "2025-06-12", budget=5)  # over: page 1 only
    assert "notes" not in mofcom(after) and mofcom(after)["status"] == "ok"


def test_a_catching_up_cut_twice_reads_both_stretches_it_left(tmp_path) -> None:
    """60 more appear and the budget cuts again (before page 3, Nos. 146-165): two stretches
    are left unread, above and below Nos. 106-145; the next night reads both."""
    site = tmp_path / "site"
    cut_after_45_new(tmp_path, site)
    make_site(site, list(range(1, 206)))
    second = crawl(tmp_path, site, "2025-06-11", budget=1)
    assert numbers_archived(tmp_path) == (
        set(range(1, 101)) | set(range(106, 146)) | set(range(166, 206)))
    assert mofcom(second)["notes"] == [
        NOTE + "more than a page new since the last run; catching up begun on 2025-06-10 "
        "continued: 1 page after the first read to catch up; stopped before page 3 by the "
        "page budget of 1 pages per night; continues next night"]
    third = crawl(tmp_path, site, "2025-06-12", budget=10)
    assert numbers_archived(tmp_path) == set(range(1, 206))
    assert mofcom(third)["notes"] == [
        NOTE + "catching up begun on 2025-06-10 continued: 4 pages after the first read to "
        "catch up; caught up"]


def coverage(folder: Path, year: int) -> tuple | None:
    return sqlite3.connect(folder / "a.db").execute(
        "select covered, missing from coverage where scope = 'series' and name = 'MOFCOM' "
        "and year = ?", [year]).fetchone()


def sources_output(folder: Path) -> str:
    result = regwatch("sources", "--db", str(folder / "a.db"), cwd=folder)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_in_the_new_year_last_years_index_is_walked_to_its_end_once(tmp_path) -> None:
    """Installed in 2025: the 2025 index was walked while the year was under way, so 2025 was
    checked so far (No. 31, never published on the site, listed once No. 32 had been out a
    week); the first night of 2026 walks it to its end, 2025 is checked whole and its gap
    stays listed, from the day it was first noticed."""
    site = tmp_path / "site"
    make_site(site, list(range(1, 31)))
    crawl(tmp_path, site, "2025-06-01")
    assert coverage(tmp_path, 2025) == (1, None)
    make_site(site, [*range(1, 31), 32, 33], next_year=[1])
    december = crawl(tmp_path, site, "2025-12-30")
    assert "notes" not in mofcom(december)  # the year is not over: page 1 only
    assert coverage(tmp_path, 2025) == (1, "MOFCOM-2025-31")
    assert "numbering checked for 2025 (under way)" in sources_output(tmp_path)

    january = crawl(tmp_path, site, "2026-01-05")
    assert coverage(tmp_path, 2025) == (1, "MOFCOM-2025-31")
    source = mofcom(january)
    assert source["status"] == "ok" and source["problems"] == []
    assert source["notes"] == [
        "walking last year's index (www.mofcom.gov.cn/zcfb/blgg/gg/2025) to its end, so that "
        "the numbering of 2025 can be checked: 2 list pages read; complete"]
    assert not [c for c in january["changes"] if c["kind"] == "backfill"]  # not a backfill
    assert coverage(tmp_path, 2025) == (1, "MOFCOM-2025-31")
    output = sources_output(tmp_path)
    # (and 2026 so far: its index, read for the first time, held all of it on its first page)
    assert "numbering checked for 2025, 2026 (under way)\n" in output and (
        "  2025: Nos. 1–33, may be missing: MOFCOM-2025-31") in output
    assert sqlite3.connect(tmp_path / "a.db").execute(
        "select noticed_on from number_gaps").fetchall() == [("2025-12-30",)]

    # once: the next night reads first pages only
    later = crawl(tmp_path, site, "2026-01-06")
    assert "notes" not in mofcom(later) and mofcom(later)["status"] == "ok"
    assert coverage(tmp_path, 2025) == (1, "MOFCOM-2025-31")


def test_last_years_walk_cut_by_the_budget_goes_on_after_january(tmp_path) -> None:
    site = tmp_path / "site"
    numbers = list(range(1, 51))  # three pages
    make_site(site, numbers)
    crawl(tmp_path, site, "2025-06-01")
    make_site(site, numbers, next_year=[1])
    january = crawl(tmp_path, site, "2026-01-31", budget=1)
    assert mofcom(january)["notes"] == [
        "walking last year's index (www.mofcom.gov.cn/zcfb/blgg/gg/2025) to its end, so that "
        "the numbering of 2025 can be checked: 2 list pages read; not complete (page budget of "
        "1 pages per night used); continues next night"]
    assert mofcom(january)["status"] == "ok"
    assert coverage(tmp_path, 2025)[0] == 1  # still checked so far meanwhile
    february = crawl(tmp_path, site, "2026-02-01", budget=1)
    assert mofcom(february)["notes"] == [
        "walking last year's index (www.mofcom.gov.cn/zcfb/blgg/gg/2025) to its end, so that "
        "the numbering of 2025 can be checked: 1 list page read; complete"]
    assert not [c for c in february["changes"] if c["kind"] == "backfill"]
    assert coverage(tmp_path, 2025) == (1, None)
