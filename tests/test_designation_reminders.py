"""Reminders of a designation's dates ahead (pipelines.designation_reminders): an entity's
suspension ending, its listing or its removal taking effect later get `deadline_near` once per
`deadline_days` window, as a measure's dates do, in the report, the digest (with the
recipients' list and entity filters), the `deadlines` canned query and the home page's box.
Every night is crawled by the real mofcom spider from an offline mirror into a real archive."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import regwatch

from pipelines.archive import Archive
from pipelines.names import entity_id

REPO = Path(__file__).resolve().parents[1]
MOFCOM = "https://www.mofcom.gov.cn"
# a MOFCOM announcement page of the demo, whose title, dates and body are replaced
TEMPLATE = (REPO / "demo" / "nights" / "2026-07-21" / "www.mofcom.gov.cn" / "zwgk" / "zcfb"
            / "art" / "2026" / "art_9c4e6a2b8d0f1c3e5a7b9d1f3e5c7a9b.html")
TEMPLATE_TITLE = "商务部公告2026年第31号 关于停止执行商务部公告2026年第18号相关措施的公告"
ENV = {**os.environ, "REGWATCH_BACKFILL_SINCE": "2026-01-01"}

BLUE_ZH, BLUE_EN = "蓝海精密仪器有限公司", "Blue Ocean <i>Precision</i> Instruments Co., Ltd."
BLUE = entity_id(BLUE_ZH, BLUE_EN)
QUANTUM = entity_id("量子通讯技术公司", "Quantum Comms Technologies LLC")
SKYDIO = entity_id("斯凯迪奥公司", "Skydio, Inc.")
ECL = "export_control_list"

LISTING = (
    "商务部决定将斯凯迪奥公司等3家实体（名单见附件）列入出口管制管控名单，并采取以下措施：",
    "一、禁止出口经营者向上述3家实体出口两用物项。",
    "二、本公告自2026年12月1日起正式实施。")
LISTING_TABLE = (
    "<table border=\"1\"><tbody>"
    "<tr><td>序号</td><td>中文名称</td><td>英文名称</td><td>国家/地区</td></tr>"
    "<tr><td>1</td><td>斯凯迪奥公司</td><td>Skydio, Inc.</td><td>美国</td></tr>"
    f"<tr><td>2</td><td>{BLUE_ZH}</td><td>Blue Ocean &lt;i&gt;Precision&lt;/i&gt; Instruments "
    "Co., Ltd.</td><td>美国</td></tr>"
    "<tr><td>3</td><td>量子通讯技术公司</td><td>Quantum Comms Technologies LLC</td>"
    "<td>美国</td></tr></tbody></table>")
# number: (published, title, paragraphs, extra HTML)
ANNOUNCEMENTS = {
    40: ("2026-11-24", "商务部公告2026年第40号 关于将3家实体列入出口管制管控名单的公告",
         LISTING, LISTING_TABLE),
    44: ("2026-12-04", f"商务部公告2026年第44号 关于暂停实施对{BLUE_ZH}相关措施的公告",
         (f"一、自2026年12月4日起，对商务部公告2026年第40号列入出口管制管控名单的{BLUE_ZH}，"
          "暂停实施相关措施10天。", "二、本公告自2026年12月4日起实施。"), ""),
    45: ("2026-12-04", "商务部公告2026年第45号 关于将量子通讯技术公司移出出口管制管控名单的公告",
         ("一、自2026年12月20日起，将量子通讯技术公司（Quantum Comms Technologies LLC）移出"
          "出口管制管控名单。", "二、本公告自2026年12月20日起实施。"), ""),
    # continues No. 44's suspension for 30 days from its end: its last day is 2027-01-14
    46: ("2026-12-08", f"商务部公告2026年第46号 关于继续暂停实施对{BLUE_ZH}相关措施的公告",
         (f"一、自2026年12月15日起，对商务部公告2026年第40号列入出口管制管控名单的{BLUE_ZH}，"
          "继续暂停实施相关措施30天。", "二、本公告自2026年12月8日起实施。"), ""),
    # lifts No. 44's suspension early
    47: ("2026-12-08", f"商务部公告2026年第47号 关于恢复实施对{BLUE_ZH}相关措施的公告",
         (f"一、自2026年12月8日起，对商务部公告2026年第40号列入出口管制管控名单的{BLUE_ZH}，"
          "恢复实施相关措施。", "二、本公告自2026年12月8日起实施。"), ""),
}
OLD = f"{MOFCOM}/zwgk/zcfb/art/2025/art_00000000000000000000000000000000.html"


def url_of(number: int) -> str:
    return f"{MOFCOM}/zwgk/zcfb/art/2026/art_{number:032d}.html"


def article(number: int) -> str:
    """Announcement `number` as MOFCOM's page shows it (the demo's page, rewritten)."""
    published, title, paragraphs, extra = ANNOUNCEMENTS[number]
    page = TEMPLATE.read_text(encoding="utf-8")
    page = page.replace(TEMPLATE_TITLE, title)
    page = page.replace("2026-07-20 17:00", f"{published} 17:00")
    page = page.replace("【发布文号】商务部公告2026年第31号",
                        f"【发布文号】商务部公告2026年第{number}号")
    year, month, day = published.split("-")
    page = page.replace("【发文日期】2026年07月20日", f"【发文日期】{year}年{month}月{day}日")
    body = "".join(f'<p style="text-indent:2em;">{p}</p>\n' for p in paragraphs) + extra
    start = page.index('<p style="text-indent:2em;">根据')
    end = page.index('  </div>\n  <div class="art-share">')
    return page[:start] + body + "\n" + page[end:]


def mirror(folder: Path, night: str, numbers: list[int]) -> Path:
    """The night's offline mirror: the announcements' pages, linked (newest first) from the
    lists the mofcom spider reads; an announcement of 2025, before backfill_since, ends them
    (the first night's walk back stops there)."""
    root = folder / "mirrors" / night
    items = [(url_of(n), ANNOUNCEMENTS[n][1], ANNOUNCEMENTS[n][0]) for n in numbers]
    for number in numbers:
        target = root / url_of(number).split("://", 1)[1]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article(number), encoding="utf-8")
    items = sorted(items, key=lambda i: i[2], reverse=True) + [(OLD, "商务部公告2025年第1号",
                                                                "2025-12-30")]
    links = "".join(f'<li><a href="{u}">{t}</a><span>{d}</span></li>' for u, t, d in items)
    page = ('<html><body><div class="listCon"><ul class="txtList_01">'
            f"{links}</ul></div></body></html>")
    for path in ("zcfb/blgg/gg/2026/index.html", "zwgk/zcfb/index.html"):
        target = root / "www.mofcom.gov.cn" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    return root


def crawl(folder: Path, night: str, numbers: list[int]) -> dict:
    """`regwatch crawl` of the night's mirror; the run's JSON report."""
    night_mirror = mirror(folder, night, numbers)
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(night_mirror),
                      "--as-of", night, "--db", "archive.db", "--reports", "reports",
                      cwd=folder, env=ENV)
    assert result.returncode == 0, result.stderr
    return json.loads((folder / "reports" / f"{night}-001.json").read_text("utf-8"))


def reminders(report: dict, entity: str | None = None) -> list[tuple]:
    """The run's deadline_near of designations (of one entity): what, until, window, days."""
    return sorted((c["entity"], c["diff"]["what"], c["until"], c["diff"]["window"],
                   c["diff"]["days_left"]) for c in report["changes"]
                  if c["kind"] == "deadline_near" and c.get("entity")
                  and entity in (None, c["entity"]))


def copy_archive(source: Path, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in ("archive.db", "archive.db-wal", "archive.db-shm"):
        if (source / name).exists():
            shutil.copy(source / name, target / name)
    return target


NIGHTS = {"2026-11-20": [], "2026-11-25": [40], "2026-12-04": [40, 44, 45],
          "2026-12-10": [40, 44, 45], "2026-12-12": [40, 44, 45], "2026-12-15": [40, 44, 45],
          "2026-12-20": [40, 44, 45]}


@pytest.fixture(scope="module")
def nights(tmp_path_factory) -> tuple[Path, dict[str, dict]]:
    """The archive after every night of NIGHTS (the first a backfill of nothing but history),
    copied after 2026-12-04 for the tests that change what comes next; each night's report."""
    folder = tmp_path_factory.mktemp("reminders")
    reports = {}
    for night, numbers in NIGHTS.items():
        reports[night] = crawl(folder, night, numbers)
        if night == "2026-12-04":
            copy_archive(folder, folder / "after-12-04")
    return folder, reports


def test_a_suspension_ending_is_reminded_once_per_window(nights):
    """No. 44 suspends Blue Ocean's designation for 10 days from 2026-12-04 (last day
    2026-12-14): reminded on its first night (10 days left: the 30-day window) and on
    2026-12-10 (4 days left: the 7-day window), never again in the same window; the night it
    ends says so, with no reminder."""
    _, reports = nights
    first = [c for c in reports["2026-12-04"]["changes"] if c.get("entity") == BLUE]
    assert {c["kind"] for c in first} == {"entity_status_changed", "deadline_near"}
    assert reminders(reports["2026-12-04"], BLUE) == [
        (BLUE, "suspension_ends", "2026-12-14", 30, 10)]
    assert reminders(reports["2026-12-10"], BLUE) == [
        (BLUE, "suspension_ends", "2026-12-14", 7, 4)]
    [near] = [c for c in reports["2026-12-10"]["changes"] if c.get("entity") == BLUE]
    assert (near["list"], near["measure"], near["by"], near["from"], near["to"]) == (
        ECL, "MOFCOM-2026-40", "MOFCOM-2026-44", "suspended", "listed")
    assert near["title"] == f"{BLUE_ZH} ({BLUE_EN})"
    for said in (BLUE_ZH, "export control list", "MOFCOM-2026-40", "MOFCOM-2026-44",
                 "2026-12-14", "in 4 days", "apply again from 2026-12-15"):
        assert said in near["summary"], said
    assert "暂停实施相关措施10天" in near["diff"]["sentence"]
    assert near["url"] == url_of(44)
    assert reports["2026-12-12"]["changes"] == []  # the same window: not again
    ended = [c for c in reports["2026-12-15"]["changes"] if c.get("entity") == BLUE]
    assert [(c["kind"], c["diff"]["what"]) for c in ended] == [
        ("entity_status_changed", "suspension ended")]


def test_a_listing_and_a_removal_taking_effect_later_are_reminded(nights):
    """No. 40 (published 2026-11-24) takes effect on 2026-12-01: each entity it lists is
    reminded on 2026-11-25, as the measure itself is; No. 45 (2026-12-04) takes Quantum off the
    list from 2026-12-20: reminded at 30 and at 7 days, then reported removed, not reminded."""
    _, reports = nights
    listed = reports["2026-11-25"]
    assert reminders(listed) == sorted(
        (e, "takes_effect", "2026-12-01", 7, 6) for e in (SKYDIO, BLUE, QUANTUM))
    assert [(c["measure"], c["diff"]["what"]) for c in listed["changes"]
            if c["kind"] == "deadline_near" and not c.get("entity")] == [
        ("MOFCOM-2026-40", "takes_effect")]
    assert reminders(reports["2026-12-04"], QUANTUM) == [
        (QUANTUM, "removal", "2026-12-20", 30, 16)]
    assert reminders(reports["2026-12-10"], QUANTUM) == []
    [removal] = [c for c in reports["2026-12-15"]["changes"] if c.get("entity") == QUANTUM]
    assert (removal["kind"], removal["diff"]["what"], removal["until"], removal["by"],
            removal["diff"]["window"], removal["to"]) == (
        "deadline_near", "removal", "2026-12-20", "MOFCOM-2026-45", 7, "removed")
    assert "removed by MOFCOM-2026-45 from 2026-12-20 (in 5 days)" in removal["summary"]
    last = [(c["kind"], c["entity"]) for c in reports["2026-12-20"]["changes"] if c.get("entity")]
    assert last == [("entity_status_changed", QUANTUM)]


@pytest.mark.parametrize(("number", "expected", "listed"), [
    # continued: moved to its new last day
    (46, [(BLUE, "suspension_ends", "2027-01-14", 30, 25)],
     [("2026-12-20", QUANTUM), ("2027-01-14", BLUE)]),
    (47, [], [("2026-12-20", QUANTUM)]),  # lifted early: cancelled
])
def test_a_suspension_continued_or_lifted_moves_or_cancels_the_reminder(
        nights, tmp_path, number, expected, listed):
    """After 2026-12-04, No. 46 continues the suspension to 2027-01-14 (no reminder of
    2026-12-14 on 2026-12-10, one of the new day at 30 days on 2026-12-20), or No. 47 lifts it
    on 2026-12-08 (no reminder at all); the `deadlines` query follows."""
    folder, _ = nights
    copy_archive(folder / "after-12-04", tmp_path)
    numbers = [40, 44, 45, number]
    assert reminders(crawl(tmp_path, "2026-12-10", numbers), BLUE) == []
    rows = json.loads(datasette_get(tmp_path / "archive.db",
                                    "/archive/deadlines.json?on=2026-12-10&days=60&_shape=array"))
    assert [(r["day"], r["entity"]) for r in rows if r["entity"]] == listed
    assert reminders(crawl(tmp_path, "2026-12-20", numbers), BLUE) == expected


def test_on_a_backfill_night_only_the_window_the_date_is_in(tmp_path):
    """A source's first night (a backfill: the listing is history, archived quietly) reminds
    of the suspension ahead as a measure's first night reminds of its dates: once, at the
    window the date falls in that night, never for a window already passed."""
    report = crawl(tmp_path, "2026-12-10", [40, 44, 45])
    assert "backfill" in {c["kind"] for c in report["changes"]}
    assert not {c["kind"] for c in report["changes"]} & {"entity_listed"}
    assert reminders(report) == sorted([(BLUE, "suspension_ends", "2026-12-14", 7, 4),
                                        (QUANTUM, "removal", "2026-12-20", 30, 10)])


def test_the_report_shows_and_escapes_the_reminder(nights):
    folder, _ = nights
    markdown = (folder / "reports" / "2026-12-10-001.md").read_text("utf-8")
    assert "1 deadline near" in markdown
    assert f"{BLUE_ZH}: designation suspension ends in 4 days" in markdown  # summary table
    assert "### Export control list \\(出口管制管控名单\\)" in markdown
    assert "Blue Ocean \\<i\\>Precision\\</i\\>" in markdown and "<i>" not in markdown
    html = (folder / "reports" / "2026-12-10-001.html").read_text("utf-8")
    assert "Blue Ocean &lt;i&gt;Precision&lt;/i&gt;" in html and "<i>Precision" not in html
    assert "<dt>deadline</dt><dd>2026-12-14" in html


def test_the_digest_applies_the_list_and_entity_filters(nights):
    from pipelines.config import Config, MailConfig, Recipient
    from pipelines.digest import build_mail
    from pipelines.report import measure_context

    folder, _ = nights
    archive = Archive.open_readonly(folder / "archive.db")
    try:
        runs = [archive.run("2026-12-10-001")]
        changes = archive.changes(runs[0]["id"])
        config = Config(mail=MailConfig(send_when_empty=False))

        def mail(recipient: Recipient) -> dict | None:
            return build_mail(archive, config, recipient, runs, changes,
                              measure_context(archive, changes))

        for recipient in (Recipient("a@b.c", lists=[ECL]),
                          Recipient("a@b.c", entities=["Blue Ocean Precision Instruments"]),
                          Recipient("a@b.c")):
            sent = mail(recipient)
            assert [c["entity"] for c in changes if c["id"] in sent["change_ids"]] == [BLUE]
            assert f"{BLUE_ZH}: designation suspension ends 2026-12-14 (in 4 days)" in (
                sent["subject"])
            assert "the measures apply again from 2026-12-15" in sent["text"]
            assert "deadline 2026-12-14" in sent["text"]
            assert "&lt;i&gt;Precision" in sent["html"] and "<i>Precision" not in sent["html"]
        assert mail(Recipient("a@b.c", lists=["watch_list"])) is None
        assert mail(Recipient("a@b.c", entities=["Skydio"])) is None
    finally:
        archive.close()


def datasette_get(db: Path, path: str) -> str:
    from crawler.browse import datasette_for

    async def get() -> str:
        datasette = datasette_for(db)
        await datasette.invoke_startup()
        response = await datasette.client.get(path)
        assert response.status_code == 200, response.text
        return response.text

    return asyncio.run(get())


def test_the_deadlines_query_and_the_home_page_list_the_designations(nights):
    """The `deadlines` canned query and the home page's box list the designations' dates, as
    the archive line counts them; a date announced after the day asked is not listed."""
    from pipelines.backfill import archive_summary
    from pipelines.regime import deadlines_ahead

    folder, _ = nights
    db = folder / "archive.db"
    rows = json.loads(datasette_get(db, "/archive/deadlines.json?on=2026-12-10&_shape=array"))
    ours = [(r["day"], r["days_left"], r["what"], r["measure"], r["by_measure"], r["entity"],
             r["entity_name"], r["list"]) for r in rows if r["entity"]]
    assert ours == [
        ("2026-12-14", 4, "designation suspension ends", "MOFCOM-2026-40", "MOFCOM-2026-44",
         BLUE, f"{BLUE_ZH} ({BLUE_EN})", ECL),
        ("2026-12-20", 10, "removal takes effect", "MOFCOM-2026-40", "MOFCOM-2026-45",
         QUANTUM, "量子通讯技术公司 (Quantum Comms Technologies LLC)", ECL)]
    early = json.loads(datasette_get(db, "/archive/deadlines.json?on=2026-11-25&_shape=array"))
    assert sorted((r["day"], r["what"], r["entity"]) for r in early) == [
        ("2026-12-01", "listing takes effect", e) for e in sorted((BLUE, QUANTUM, SKYDIO))] + [
        ("2026-12-01", "takes effect", None)]
    archive = Archive.open_readonly(db)
    try:
        for day in ("2026-11-25", "2026-12-03", "2026-12-10", "2026-12-16"):
            sql_rows = json.loads(datasette_get(db, f"/archive/deadlines.json?on={day}"
                                                    "&_shape=array"))
            python = deadlines_ahead(archive, day)
            assert [(r["day"], r["what"], r["entity"]) for r in sql_rows] == [
                (d["day"], d["what"], d["entity"]) for d in python], day
            count = len(python)
            assert f"{count} deadline{'s' if count != 1 else ''} within 30 days" in (
                archive_summary(archive, day))
    finally:
        archive.close()
    page = datasette_get(db, "/?on=2026-12-10")
    box = page.split("<h2>Deadlines in the next 30 days", 1)[1].split("</section>", 1)[0]
    assert box.startswith(f" ({len(rows)})")
    assert f"designation suspension ends: <a href=\"/archive/entity_timeline?entity={BLUE}\">" \
           f"{BLUE_ZH} (Blue Ocean &lt;i&gt;Precision&lt;/i&gt; Instruments Co., Ltd.)</a>" in box
    assert "<i>Precision" not in page
    assert "by MOFCOM-2026-44" in box and "removal takes effect" in box
