"""An entity listed, suspended, removed and listed again (pipelines.designations, the lifecycle
rules of designations): mirror nights crawled by the real mofcom spider into a real archive.
An event aimed at the entity on its list (将X移出…名单) concerns the designations announced by
the day it takes effect and not removed before: the re-listing after a removal is `listed`, the
earlier designation keeps its history, a removal after the re-listing ends the new one, and a
listing on another list is its own. The measure page shows each designation's status on the
day asked (`?on=`), not the latest run's."""

from __future__ import annotations

import asyncio
import html
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import regwatch

from pipelines.archive import Archive
from pipelines.names import entity_id

MOFCOM = "https://www.mofcom.gov.cn"
ENV = {**os.environ, "REGWATCH_BACKFILL_SINCE": "2026-01-01"}
QUANTUM = entity_id("量子通讯技术公司", "Quantum Comms Technologies LLC")
OTHER = entity_id("北辰测绘公司", "Polaris Mapping Inc.")
NO40, NO43 = (f"{QUANTUM}:export_control_list:MOFCOM-2026-{n}" for n in (40, 43))
UEL46 = f"{QUANTUM}:unreliable_entity_list:MOFCOM-2026-46"

ARTICLE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="SiteName" content="中华人民共和国商务部"><meta name="ColumnName" content="政策发布">
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{day} 17:00">
<meta name="ContentSource" content="安全与管制局"><title>{title}_中华人民共和国商务部</title></head>
<body><div class="art-main"><h1 class="art-title">{title}</h1>
<div class="art-info"><span class="time">{day} 17:00</span>
<span class="source">来源：安全与管制局</span></div>
<div class="art-con art-con-bottonmLine" id="zoom">
<p>【发布单位】安全与管制局</p><p>【发布文号】商务部公告2026年第{number}号</p>
<p>【发文日期】{written}</p>
{paragraphs}
<p>商务部</p><p>{written}</p>
</div></div></body></html>
"""

LAW = "根据《中华人民共和国出口管制法》等法律法规有关规定，"
TABLE = ("<table border=\"1\"><tbody><tr><td>序号</td><td>中文名称</td><td>英文名称</td>"
         "<td>国家/地区</td></tr>{rows}</tbody></table>")
ROW = "<tr><td>{n}</td><td>{zh}</td><td>{en}</td><td>美国</td></tr>"
ENTITIES = {"quantum": ("量子通讯技术公司", "Quantum Comms Technologies LLC"),
            "other": ("北辰测绘公司", "Polaris Mapping Inc.")}

# number: (published, title, paragraphs, entities in its annex table)
ANNOUNCEMENTS: dict[int, tuple[str, str, list[str], list[str]]] = {
    40: ("2026-11-24", "商务部公告2026年第40号 关于将2家美国实体列入出口管制管控名单的公告",
         [f"{LAW}商务部决定将量子通讯技术公司等2家美国实体（名单见附件）列入出口管制管控名单，"
          "并采取以下措施：", "一、禁止出口经营者向上述2家实体出口两用物项。",
          "二、本公告自公布之日起正式实施。"], ["quantum", "other"]),
    41: ("2026-11-26", "商务部公告2026年第41号 关于暂停实施对量子通讯技术公司相关措施的公告",
         [f"{LAW}现将有关事项公告如下：",
          "一、自2026年11月27日起，对商务部公告2026年第40号列入出口管制管控名单的量子通讯技术公司，"
          "暂停实施相关措施90天。", "二、本公告自2026年11月27日起实施。"], []),
    42: ("2026-11-29", "商务部公告2026年第42号 关于将量子通讯技术公司移出出口管制管控名单的公告",
         [f"{LAW}现将有关事项公告如下：",
          "一、自2026年11月30日起，将量子通讯技术公司（Quantum Comms Technologies LLC）移出"
          "出口管制管控名单。", "二、本公告自2026年11月30日起实施。"], []),
    43: ("2026-12-02", "商务部公告2026年第43号 关于将1家美国实体列入出口管制管控名单的公告",
         [f"{LAW}商务部决定将量子通讯技术公司等1家美国实体（名单见附件）列入出口管制管控名单，"
          "并采取以下措施：", "一、禁止出口经营者向上述1家实体出口两用物项。",
          "二、本公告自公布之日起正式实施。"], ["quantum"]),
    44: ("2026-12-07", "商务部公告2026年第44号 关于暂停实施对量子通讯技术公司相关措施的公告",
         [f"{LAW}现将有关事项公告如下：",
          "一、自2026年12月8日起，对商务部公告2026年第43号列入出口管制管控名单的量子通讯技术公司，"
          "暂停实施相关措施90天。", "二、本公告自2026年12月8日起实施。"], []),
    45: ("2026-12-09", "商务部公告2026年第45号 关于将量子通讯技术公司移出出口管制管控名单的公告",
         [f"{LAW}现将有关事项公告如下：",
          "一、自2026年12月10日起，将量子通讯技术公司（Quantum Comms Technologies LLC）移出"
          "出口管制管控名单。", "二、本公告自2026年12月10日起实施。"], []),
    46: ("2026-12-08", "商务部公告2026年第46号 关于将1家美国实体列入不可靠实体清单的公告",
         ["根据《不可靠实体清单规定》有关规定，商务部决定将量子通讯技术公司（Quantum Comms "
          "Technologies LLC）列入不可靠实体清单。", "一、禁止其从事与中国有关的进出口活动。",
          "二、本公告自公布之日起正式实施。"], []),
}
# each night's mirror holds the announcements published by then
NIGHTS = {"2026-11-25": [40], "2026-11-30": [40, 41, 42], "2026-12-03": [40, 41, 42, 43],
          "2026-12-10": [40, 41, 42, 43, 44, 45, 46]}


def url_of(number: int) -> str:
    return f"{MOFCOM}/zwgk/zcfb/art/2026/art_{number:032x}.html"


def article(number: int) -> str:
    """An announcement's page, in the layout of the ministry's pages."""
    day, title, paragraphs, table = ANNOUNCEMENTS[number]
    year, month, dd = (int(p) for p in day.split("-"))
    body = "".join(f'<p style="text-indent:2em;">{p}</p>' for p in paragraphs)
    if table:
        rows = "".join(ROW.format(n=i, zh=ENTITIES[key][0], en=ENTITIES[key][1])
                       for i, key in enumerate(table, 1))
        body += "<p><strong>附件</strong></p>" + TABLE.format(rows=rows)
    return ARTICLE.format(title=title, day=day, number=number, paragraphs=body,
                          written=f"{year}年{month}月{dd}日")


def write_lists(mirror: Path, links: list[tuple[str, str, str]]) -> None:
    """The two lists the mofcom spider reads, linking (url, title, day), newest first."""
    items = "".join(f'<li><a href="{url}" title="{title}">{title}</a><span>{day}</span></li>'
                    for url, title, day in links)
    page = (f'<html><body><div class="listCon"><ul class="txtList_01">{items}</ul></div>'
            "</body></html>")
    for path in ("zcfb/blgg/gg/2026/index.html", "zwgk/zcfb/index.html"):
        target = mirror / "www.mofcom.gov.cn" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")


def night_mirror(folder: Path, night: str) -> Path:
    """The night's mirror: its announcements' pages and the lists linking them."""
    mirror = folder / "mirrors" / night
    numbers = sorted(NIGHTS[night], key=lambda n: ANNOUNCEMENTS[n][0], reverse=True)
    for number in numbers:
        target = mirror / url_of(number).split("://", 1)[1]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article(number), encoding="utf-8")
    write_lists(mirror, [(url_of(n), ANNOUNCEMENTS[n][1], ANNOUNCEMENTS[n][0]) for n in numbers])
    return mirror


def crawl(folder: Path, mirror: Path, night: str) -> None:
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(mirror), "--as-of", night,
                      "--db", "archive.db", "--reports", "reports", cwd=folder, env=ENV)
    assert result.returncode == 0, result.stderr


def first_night(folder: Path) -> None:
    """The source's first night (a backfill: its list's one announcement is older than
    backfill_since, so the walk ends there), so that the nights after it report what they find."""
    mirror = folder / "mirrors" / "first"
    old = f"{MOFCOM}/zwgk/zcfb/art/2025/art_{0:032x}.html"
    write_lists(mirror, [(old, "商务部公告2025年第1号", "2025-12-30")])
    crawl(folder, mirror, "2026-11-20")


def crawl_until(folder: Path, last: str) -> None:
    first_night(folder)
    for night in NIGHTS:
        if night <= last:
            crawl(folder, night_mirror(folder, night), night)


@pytest.fixture(scope="module")
def relisted(tmp_path_factory) -> Path:
    """The archive after the night No. 43 lists the entity again (2026-12-03)."""
    folder = tmp_path_factory.mktemp("relisted")
    crawl_until(folder, "2026-12-03")
    return folder


def query(folder: Path, sql: str, *params: str) -> list[tuple]:
    db = sqlite3.connect(folder / "archive.db")
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def periods(folder: Path, designation: str) -> list[tuple]:
    return query(folder, 'select status, removal_kind, "from", "to", by from designation_status '
                 'where designation = ? order by "from"', designation)


def screen_json(folder: Path, name: str, day: str) -> dict[str, dict]:
    """`regwatch screen NAME --on DAY --json`: the entity's designations by id."""
    result = regwatch("screen", name, "--on", day, "--json", "--db", "archive.db", cwd=folder)
    assert result.returncode == 0, result.stderr
    [hit] = [h for h in json.loads(result.stdout)["hits"] if h["entity"] == QUANTUM]
    return {f"{QUANTUM}:{d['list']}:{d['measure']}": d for d in hit["designations"]}


def test_a_relisting_after_a_removal_is_listed_and_the_first_keeps_its_history(relisted):
    """No. 42's removal (from 2026-11-30) ends No. 40's designation only: No. 43's (listed
    2026-12-02) is listed, in the archive, the night's change, the entity's statuses and
    `screen`; No. 40's keeps listed, suspended (No. 41) and removed (No. 42)."""
    assert periods(relisted, NO40) == [
        ("listed", None, "2026-11-24", "2026-11-26", None),
        ("suspended", None, "2026-11-27", "2026-11-29", "MOFCOM-2026-41"),
        ("removed", "removed_from_list", "2026-11-30", None, "MOFCOM-2026-42")]
    assert periods(relisted, NO43) == [("listed", None, "2026-12-02", None, None)]
    assert query(relisted, "select id, status, by_measure from designations where entity = ? "
                 "order by id", QUANTUM) == [(NO40, "removed", "MOFCOM-2026-42"),
                                             (NO43, "listed", None)]
    assert json.loads(query(relisted, "select statuses from entities where id = ?",
                            QUANTUM)[0][0]) == ["listed", "removed"]
    [(to, summary)] = query(relisted, "select \"to\", summary from changes where kind = "
                            "'entity_listed' and measure = 'MOFCOM-2026-43'")
    assert to == "listed" and "MOFCOM-2026-42" not in summary and "removed" not in summary
    assert not query(relisted, "select id from changes where kind = 'entity_status_changed' and "
                     "run_id like '2026-12-03%'")
    found = screen_json(relisted, "Quantum Comms Technologies", "2026-12-05")
    assert (found[NO43]["status"], found[NO43]["by_measure"]) == ("listed", None)
    assert (found[NO40]["status"], found[NO40]["by_measure"]) == ("removed", "MOFCOM-2026-42")
    # the other entity of No. 40 is not touched by what is aimed at Quantum
    assert periods(relisted, f"{OTHER}:export_control_list:MOFCOM-2026-40") == [
        ("listed", None, "2026-11-24", None, None)]


def test_an_archive_that_stored_the_old_rule_is_put_right_on_its_next_night(relisted, tmp_path):
    """An archive whose re-listing took the earlier removal (as regwatch stored it before
    m960): opened by this version, the designations of an entity listed twice on one list are
    marked to be computed again (a night that does not read their pages again included), and
    the next night puts the re-listing right."""
    shutil.copy(relisted / "archive.db", tmp_path / "archive.db")
    db = sqlite3.connect(tmp_path / "archive.db")
    db.execute("delete from designation_status where designation = ?", [NO43])
    db.execute("insert into designation_status (designation, entity, list, measure, status, "
               "removal_kind, \"from\", by) values (?, ?, 'export_control_list', "
               "'MOFCOM-2026-43', 'removed', 'removed_from_list', '2026-11-30', "
               "'MOFCOM-2026-42')", [NO43, QUANTUM])
    db.execute("update designations set status = 'removed', periods_stale = 0 where id = ?",
               [NO43])
    db.execute("delete from _sqlite_migrations where name = 'm960_relisted_designations_again'")
    db.execute("update designations set periods_stale = 0")
    db.commit()
    db.close()
    Archive.open(tmp_path / "archive.db").close()  # (migrations are applied on opening)
    assert query(tmp_path, "select id from designations where periods_stale = 1 order by id"
                 ) == [(NO40,), (NO43,)]
    crawl(tmp_path, night_mirror(tmp_path, "2026-12-03"), "2026-12-04")
    assert periods(tmp_path, NO43) == [("listed", None, "2026-12-02", None, None)]
    assert query(tmp_path, "select status from designations where id = ?", NO43) == [
        ("listed",)]


def test_events_after_the_relisting_reach_the_new_designation_only(tmp_path):
    """After the re-listing: No. 44 suspends it through No. 43 (from 2026-12-08), No. 45 removes
    it from the list (from 2026-12-10), No. 46 puts it on the Unreliable Entity List. The new
    designation is suspended then removed by No. 45; No. 40's stays removed by No. 42 (No. 45
    does not reach it: it was off the list), with no change reported for it; the other list's
    designation is listed."""
    crawl_until(tmp_path, "2026-12-10")
    assert periods(tmp_path, NO43) == [
        ("listed", None, "2026-12-02", "2026-12-07", None),
        ("suspended", None, "2026-12-08", "2026-12-09", "MOFCOM-2026-44"),
        ("removed", "removed_from_list", "2026-12-10", None, "MOFCOM-2026-45")]
    assert periods(tmp_path, NO40)[-1] == (
        "removed", "removed_from_list", "2026-11-30", None, "MOFCOM-2026-42")
    assert periods(tmp_path, UEL46) == [("listed", None, "2026-12-08", None, None)]
    changes = query(tmp_path, "select kind, list, measure, \"to\", by from changes where "
                    "run_id like '2026-12-10%' and entity = ? order by kind, list", QUANTUM)
    assert changes == [
        ("entity_listed", "unreliable_entity_list", "MOFCOM-2026-46", "listed", None),
        ("entity_status_changed", "export_control_list", "MOFCOM-2026-43", "removed",
         "MOFCOM-2026-45")]
    found = screen_json(tmp_path, "量子通讯技术公司", "2026-12-09")
    assert {k: (v["status"], v["by_measure"]) for k, v in found.items()} == {
        NO40: ("removed", "MOFCOM-2026-42"), NO43: ("suspended", "MOFCOM-2026-44"),
        UEL46: ("listed", None)}


def measure_page(folder: Path, measure: str, day: str) -> str:
    """The measure page Datasette serves for ?on=DAY (its test client: no server)."""
    from crawler.browse import datasette_for

    async def get() -> str:
        datasette = datasette_for(folder / "archive.db")
        await datasette.invoke_startup()
        response = await datasette.client.get(f"/archive/measures/{measure}?on={day}")
        assert response.status_code == 200, response.text
        return response.text

    return asyncio.run(get())


def designated(page: str) -> list[list[str]]:
    """The rows (cells, unescaped) of the page's "Entities it designates" table."""
    section = page.split("Entities it designates", 1)[1].split("</table>", 1)[0]
    rows = section.split("<tr><td>")[1:]
    return [[html.unescape(c.split("</td>")[0]) for c in ("<td>" + r).split("<td>")[1:]]
            for r in rows]


@pytest.mark.parametrize(("day", "statuses"), [
    ("2026-11-23", {"量子通讯技术公司": "not yet listed", "北辰测绘公司": "not yet listed"}),
    ("2026-11-25", {"量子通讯技术公司": "listed", "北辰测绘公司": "listed"}),
    ("2026-11-28", {"量子通讯技术公司": "suspended", "北辰测绘公司": "listed"}),
    ("2026-12-01", {"量子通讯技术公司": "removed (removed from the list)",
                    "北辰测绘公司": "listed"}),
])
def test_the_measure_page_shows_each_status_on_the_day_asked(relisted, day, statuses):
    """No. 40's page on a day: each entity's status that day (the stored one is the latest
    run's: Quantum removed), the suspension's last day beside it."""
    page = measure_page(relisted, "MOFCOM-2026-40", day)
    rows = {r[0]: r for r in designated(page)}
    assert {name: row[3] for name, row in rows.items()} == statuses
    suspended = statuses["量子通讯技术公司"] == "suspended"
    assert rows["量子通讯技术公司"][4] == ("2027-02-25" if suspended else "")
    assert f"status on {day}" in page


def ev(kind: str, day: str, by: str | None = None) -> dict:
    return {"kind": kind, "date": day, "until": None, "by_measure": by, "clause": None,
            "sentence": f"{kind} {day}", "document": None}


def test_which_events_aimed_at_an_entity_on_its_list_reach_a_designation():
    """The rule alone: an event aimed at the entity on its list reaches a designation announced
    by the day it takes effect (by a text not older than it) and not removed the day before;
    two designations both running are both ended by one removal; a designation of unknown date
    takes every event."""
    from pipelines.lifecycle import designation_events, designation_state

    first = [ev("issued", "2026-01-05"), ev("effective", "2026-01-05")]
    again = [ev("issued", "2026-03-01"), ev("effective", "2026-03-10")]
    removal_before, removal_after = (ev("removed_from_list", d, by) for d, by in (
        ("2026-02-01", "No. 2"), ("2026-04-01", "No. 4")))
    aimed = [removal_after, removal_before]
    assert designation_events("2026-01-05", first, aimed) == [*first, removal_before]
    assert designation_events("2026-03-01", again, aimed) == [*again, removal_after]
    # (announced 03-01, in effect 03-10: a removal between the two reaches it)
    between = ev("removed_from_list", "2026-03-05", "No. 3")
    assert designation_events("2026-03-01", again, [between]) == [*again, between]
    # a removal published before the re-listing, in effect after it: of the first only
    late = {**ev("removed_from_list", "2026-03-20", "No. 3"), "published": "2026-02-25"}
    assert designation_events("2026-03-01", again, [late]) == again
    assert designation_events("2026-01-05", first, [late]) == [*first, late]
    # re-listed with the first still running: one removal ends both
    assert designation_events("2026-01-05", first, [removal_after]) == [*first, removal_after]
    assert designation_events(None, [], aimed) == [removal_before, removal_after]
    assert designation_state(designation_events("2026-03-01", again, aimed),
                             "2026-03-15").status == "listed"
