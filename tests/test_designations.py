"""Entities and designations as records (pipelines.designations): read from the sample
announcements through the real spider and stages, their status on any day from the lifecycle
rules, the changes, `regwatch screen`, the digest's filters and Datasette's queries."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import lxml.html
import pytest
from conftest import FIXTURES, fixture_response, make_spider, regwatch

from crawler.spiders.mofcom import MofcomSpider
from pipelines.annex_text import extract_text
from pipelines.archive import Archive, document_id
from pipelines.config import ConfigError, Recipient, parse_config
from pipelines.dates import today_in_beijing
from pipelines.designations import merge_into_measures, read_designations
from pipelines.diff import item_changes
from pipelines.entities import listing_events
from pipelines.finish import finish_run
from pipelines.items import DocumentItem, MeasureEvent
from pipelines.lifecycle import designation_periods, designation_state, ended_suspensions
from pipelines.names import entity_id
from pipelines.normalize import normalize_item
from pipelines.report import build_report, render
from pipelines.store import store_item

ENTITIES = FIXTURES / "entities"
MOFCOM = "https://www.mofcom.gov.cn"
UEL7_URL = f"{MOFCOM}/zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html"
NO69_URL = f"{MOFCOM}/zwgk/zcfb/art/2025/art_f6d3f0763a131aa1c43b30854413cb83.html"
NO21_URL = ("https://aqygzj.mofcom.gov.cn/flzc/gzjgfxwj/art/2025/"
            "art_3c4d209fa18f4cf8906a496bff7473f3.html")
NO21_ANNEX_PATH = ("aqygzj.mofcom.gov.cn/cms_files/filemanager/b28941ad4e064442856787562c9a4961/"
                   "attach/202504/2f6d9a1c8e3b4075.pdf")
SKYDIO = entity_id("斯凯迪奥公司", "Skydio, Inc.")
NO69_SENTENCE = ("三、经不可靠实体清单工作机制研究决定，"
                 "对不可靠实体清单工作机制公告〔2025〕7号所列11家美国实体，"
                 "继续暂停实施相关处理措施一年。")


def spider_item(name: str, url: str) -> DocumentItem:
    """A saved page through the real mofcom spider and the normalize stage."""
    spider = make_spider(MofcomSpider, settings={"REGWATCH_AS_OF": "2025-12-01"})
    (item,) = list(spider.parse_article(fixture_response("entities", name, url)))
    return normalize_item(item)


def no21_rows() -> list[tuple[int, str, str, str]]:
    """No. 21's annex as the page's table shows it (the expected names)."""
    doc = lxml.html.fromstring((ENTITIES / "sample_mofcom_2025_21_aqygzj.html").read_bytes())
    rows = [[td.text_content() for td in tr] for tr in doc.iter("tr")][1:]
    return [(int(n), zh, en, country) for n, zh, en, country in rows]


# --------------------------------------------------------------------------- stage 1d


def test_no21_every_entity_of_the_annex_table_with_both_names():
    item = spider_item("sample_mofcom_2025_21_aqygzj.html", NO21_URL)
    assert len(item.tables) == 1  # the spider hands the page's table over
    found = read_designations(item)
    assert (found.measure, found.listed, found.problems) == ("MOFCOM-2025-21", "2025-04-04", [])
    assert found.listing.list_name == "export_control_list"
    assert [(e.number, e.name_zh, e.name_en, e.country) for e in found.listing.entities] == (
        no21_rows())
    assert "高点航空技术公司等16家美国实体" in found.sentence


def test_no21_every_entity_from_the_annex_pdf_text():
    """The same entities from the annex file (the sample's PDF, its text read by
    pipelines.annex_text) when the item carries annex files and the page has no table."""
    item = spider_item("sample_mofcom_2025_21_aqygzj.html", NO21_URL)
    item.tables = []
    text = extract_text((ENTITIES / "sample_mofcom_2025_21_annex.pdf").read_bytes(),
                        "附件：出口管制管控名单.pdf").text
    item.annex_files = [SimpleNamespace(url="…/2f6d9a1c8e3b4075.pdf", text=text)]
    found = read_designations(item)
    assert found.problems == []
    assert [(e.number, e.name_zh, e.name_en, e.country) for e in found.listing.entities] == (
        no21_rows())
    assert {e.source for e in found.listing.entities} == {"annex 1"}


def test_no21_without_table_or_annex_text_is_a_problem_naming_the_annex():
    item = spider_item("sample_mofcom_2025_21_aqygzj.html", NO21_URL)
    item.tables = []
    found = read_designations(item)
    assert found.listing.entities == []
    assert found.problems == [
        "states 16 entities, found 0 (those found kept)",
        "a export_control_list announcement: the names are in an annex that was not read"]


def test_uel7_entities_from_the_body():
    found = read_designations(spider_item("sample_uel_2025_7.html", UEL7_URL))
    assert (found.measure, found.listing.list_name, found.problems) == (
        "UEL-2025-7", "unreliable_entity_list", [])
    assert [(e.name_zh, e.name_en) for e in found.listing.entities][0] == (
        "斯凯迪奥公司", "Skydio, Inc.")
    assert len(found.listing.entities) == 11


def test_no69_events_become_events_of_the_listing_measures():
    """No. 69 names no entity: its sentences are events of Nos. 13 and 21 and UEL 7."""
    item = spider_item("sample_mofcom_2025_69.html", NO69_URL)
    found = read_designations(item)
    assert found.listing is None and found.events == [] and found.problems == []
    events = {r.id: [(e.kind, e.date, e.until, e.by_measure) for e in r.events]
              for r in item.measures if r.id != "MOFCOM-2025-69"}
    assert events == {
        "MOFCOM-2025-13": [("revoked", "2025-11-10", None, "MOFCOM-2025-69")],
        "MOFCOM-2025-21": [("suspension_continued", "2025-11-10", "2026-11-10",
                            "MOFCOM-2025-69")],
        "UEL-2025-7": [("suspension_continued", "2025-11-10", "2026-11-10", "MOFCOM-2025-69")]}


def test_an_event_the_clauses_already_read_is_not_added_twice():
    item = spider_item("sample_mofcom_2025_69.html", NO69_URL)
    ref = next(r for r in item.measures if r.id == "UEL-2025-7")
    ref.events = [MeasureEvent("suspended", "2025-11-10", "2026-11-10", "MOFCOM-2025-69")]
    body = item.body
    left = merge_into_measures(item, listing_events(body, item.published, "MOFCOM-2025-69"))
    assert left == []
    assert [e.kind for e in ref.events] == ["suspended"]


def test_only_an_authority_page_with_its_own_number_is_read():
    item = spider_item("sample_uel_2025_7.html", UEL7_URL)
    item.source_kind = "news"
    assert read_designations(item) is None


# --------------------------------------------------------------------------- lifecycle


def ev(kind: str, date: str, until: str | None = None, by: str | None = None) -> dict:
    return {"kind": kind, "date": date, "until": until, "by_measure": by, "clause": None,
            "sentence": f"{kind} {date}", "document": None}


LISTED = [ev("issued", "2026-05-08"), ev("effective", "2026-05-08")]


def test_designation_statuses_are_the_measure_rules_mapped():
    suspended = LISTED + [ev("suspended", "2026-05-12", "2026-08-10", "MOFCOM-2026-19")]
    assert designation_state(suspended, "2026-05-11").status == "listed"
    state = designation_state(suspended, "2026-05-12")
    assert (state.status, state.until, state.removal_kind) == ("suspended", "2026-08-10", None)
    assert designation_state(suspended, "2026-08-11").status == "listed"
    stopped = suspended + [ev("revoked", "2026-07-21", by="MOFCOM-2026-31")]
    state = designation_state(stopped, "2026-07-21")
    assert (state.status, state.removal_kind, state.until) == ("removed", "revoked", None)
    removed = stopped + [ev("removed_from_list", "2026-07-21", by="MOFCOM-2026-31")]
    assert designation_state(removed, "2026-07-21").removal_kind == "removed_from_list"
    assert designation_state([ev("issued", "2026-05-08")], "2026-05-08").status == "listed"
    # before its text was issued nothing shows it listed (as its status periods say)
    assert designation_state([ev("issued", "2026-05-08")], "2026-01-01").status is None
    assert designation_state([], "2026-01-01").status is None


def test_designation_periods_announced_and_in_force_are_one_listed_period():
    events = [ev("issued", "2026-05-01"), ev("effective", "2026-05-08"),
              ev("suspended", "2026-05-12", "2026-08-10", "MOFCOM-2026-19"),
              ev("revoked", "2026-07-21", by="MOFCOM-2026-31")]
    periods = [(p.status, p.first, p.last, p.until, p.removal_kind)
               for p in designation_periods(events)]
    assert periods == [("listed", "2026-05-01", "2026-05-11", None, None),
                       ("suspended", "2026-05-12", "2026-07-20", "2026-08-10", None),
                       ("removed", "2026-07-21", None, None, "revoked")]


def test_a_continued_suspension_moves_the_end_of_the_period():
    """As for measures: back-to-back suspensions are one period, its end the extension's."""
    events = LISTED + [ev("suspended", "2026-05-12", "2026-08-10", "MOFCOM-2026-19"),
                       ev("suspension_continued", "2026-08-11", "2027-08-11", "MOFCOM-2026-40")]
    periods = [(p.status, p.first, p.last, p.until, p.event["by_measure"])
               for p in designation_periods(events)]
    assert periods[1:] == [
        ("suspended", "2026-05-12", "2027-08-11", "2027-08-11", "MOFCOM-2026-40"),
        ("listed", "2027-08-12", None, None, None)]


def test_a_suspension_cut_short_by_a_revocation_never_ends():
    events = LISTED + [ev("suspended", "2026-05-12", "2026-08-10", "MOFCOM-2026-19"),
                       ev("revoked", "2026-07-21", by="MOFCOM-2026-31")]
    assert ended_suspensions(events, "2026-07-21", "2026-09-28") == []
    kept = LISTED + [ev("suspended", "2026-05-12", "2026-08-10", "MOFCOM-2026-19")]
    assert [p.end for p in ended_suspensions(kept, "2026-07-21", "2026-09-28")] == [
        "2026-08-10"]


# --------------------------------------------------------------------------- two pages, one listing

NO21_COPY_URL = (f"{MOFCOM}/zcfb/blgg/gg/2025/art/2025/"
                 "art_54496e7efd23388afd7e8a04228f364b.html")
COPY_SPELLING = ("Example Precision Manufacturing Corp.", "Example Precision Mfg. Corporation")


def store_in_order(folder: Path, urls: list[str]) -> list[list[tuple]]:
    """No. 21 at each address, stored in this order on one night; what the archive cites."""
    archive = Archive.open(folder / "archive.db")
    try:
        run_id = archive.start_run("2025-10-09", ["mofcom", "mofcom_aqygzj"], None)
        for url in urls:
            item = spider_item("sample_mofcom_2025_21_aqygzj.html", url)
            if url == NO21_COPY_URL:  # the copy spells one name otherwise
                item.tables = [t.replace(*COPY_SPELLING) for t in item.tables]
            item.designations = read_designations(item, archive.listing_measures())
            item.changes = item_changes(archive, item)
            store_item(archive, item, run_id, "2025-10-09")
        finish_run(archive, run_id)
        queries = ["select id, entity, document, source, number, name_en, listing_sentence "
                   "from designations", "select entity, document, url, source, summary, diff "
                   "from changes where kind = 'entity_listed'",
                   "select designation, document, sentence from designation_status",
                   "select * from entities"]
        return [sorted(tuple(r.values()) for r in archive.db.query(q)) for q in queries]
    finally:
        archive.close()


def test_two_pages_of_one_listing_cite_the_same_page_whichever_came_first(tmp_path):
    """No. 21 on the bureau's site and on the ministry's: the designations, their
    `entity_listed` changes and status periods cite the page that comes first by confidence,
    date and address (here the bureau's), whichever arrived first; the entities are the same,
    named as the cited page names them, the other spelling an alias."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    bureau_first = store_in_order(tmp_path / "a", [NO21_URL, NO21_COPY_URL])
    ministry_first = store_in_order(tmp_path / "b", [NO21_COPY_URL, NO21_URL])
    designations, changes, periods, entities = ministry_first
    assert len(designations) == len(changes) == 16 and len(entities) == 16
    assert {d[2] for d in designations} == {c[1] for c in changes} == {p[1] for p in periods} == {
        document_id(NO21_URL)}
    assert {c[2] for c in changes} == {NO21_URL}
    precision = next(e for e in entities if e[1] == "示例精密制造公司")
    assert (precision[2], json.loads(precision[6])) == (COPY_SPELLING[0], [COPY_SPELLING[1]])
    assert ministry_first == bureau_first


# --------------------------------------------------------------------------- the samples, crawled


def samples_mirror(folder: Path, without_no69: bool = False) -> Path:
    """The samples' entity announcements in the offline-mirror layout: UEL 〔2025〕7号 and No.
    69 on www, No. 21 with its annex table (and its annex file) on aqygzj, linked from the lists
    the mofcom spider reads (without_no69: the listings alone, in `mirror-listings`)."""
    mirror = folder / ("mirror-listings" if without_no69 else "mirror")
    pages = {UEL7_URL: "sample_uel_2025_7.html", NO69_URL: "sample_mofcom_2025_69.html",
             NO21_URL: "sample_mofcom_2025_21_aqygzj.html"}
    if without_no69:
        del pages[NO69_URL]
    for url, name in pages.items():
        target = mirror / url.split("://", 1)[1]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ENTITIES / name, target)
    # No. 21's annex file, fetched with its page (crawler.evidence): the sample's PDF
    (mirror / NO21_ANNEX_PATH).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ENTITIES / "sample_mofcom_2025_21_annex.pdf", mirror / NO21_ANNEX_PATH)
    links = "".join(f'<li><a href="{url}">{name}</a><span>2025-11-05</span></li>'
                    for url, name in pages.items())
    page = ('<html><body><div class="listCon"><ul class="txtList_01">'
            f"{links}</ul></div></body></html>")
    for path in ("zcfb/blgg/gg/2025/index.html", "zwgk/zcfb/index.html"):
        target = mirror / "www.mofcom.gov.cn" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    return mirror


# The crawls below walk back to 2025 only (the lists these mirrors carry), so the older years'
# indexes are not asked for (they would answer 404: source problems of their own).
ENV = {**os.environ, "REGWATCH_BACKFILL_SINCE": "2025-01-01"}


def first_night(folder: Path, as_of: str) -> None:
    """A first night before the samples': the backfill (the lists show one announcement of
    2024, before backfill_since: the walks end there), so that the samples' night is a night
    like any other and lists what it finds (a source's first night is history, archived
    without a change each: test_a_backfill_archives_old_listings_quietly)."""
    mirror = folder / "first-night"
    old = f"{MOFCOM}/zwgk/zcfb/art/2024/art_00000000000000000000000000000000.html"
    page = ('<html><body><div class="listCon"><ul class="txtList_01">'
            f'<li><a href="{old}">商务部公告2024年第1号</a><span>2024-12-30</span></li>'
            "</ul></div></body></html>")
    for path in ("zcfb/blgg/gg/2025/index.html", "zwgk/zcfb/index.html"):
        target = mirror / "www.mofcom.gov.cn" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(mirror), "--as-of", as_of,
                      "--db", "archive.db", "--reports", "first-night-reports", cwd=folder,
                      env=ENV)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> Path:
    """An archive after crawling the samples' entity announcements on 2025-12-01 (the night
    after its first)."""
    folder = tmp_path_factory.mktemp("samples")
    first_night(folder, "2025-11-30")
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(samples_mirror(folder)),
                      "--as-of", "2025-12-01", "--db", "archive.db", "--reports", "reports",
                      cwd=folder, env=ENV)
    assert result.returncode == 0, result.stderr
    return folder


def test_a_backfill_archives_old_listings_quietly(tmp_path):
    """On a source's first night (a backfill), listings dated more than 7 days before the night
    are history: stored with their statuses on the night, without an entity_listed (or an
    entity_status_changed) each; the backfill change sums the night up."""
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(samples_mirror(tmp_path)),
                      "--as-of", "2025-12-01", "--db", "archive.db", "--reports", "reports",
                      cwd=tmp_path, env=ENV)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "reports" / "2025-12-01-001.json").read_text("utf-8"))
    kinds = {c["kind"] for c in report["changes"]}
    assert "backfill" in kinds
    assert not kinds & {"entity_listed", "entity_status_changed"}
    db = sqlite3.connect(tmp_path / "archive.db")
    assert db.execute("select count(*) from designations").fetchone()[0] == 27
    assert db.execute("select status, until, by_measure from designations where entity = ?",
                      [SKYDIO]).fetchone() == ("suspended", "2026-11-10", "MOFCOM-2025-69")
    db.close()
    code, out, _ = screen(tmp_path, "Skydio", "--on", "2025-12-01")
    assert code == 0 and "suspended by MOFCOM-2025-69 until 2026-11-10" in out


def screen(folder: Path, *args: str) -> tuple[int, str, str]:
    result = regwatch("screen", *args, "--db", str(folder / "archive.db"), cwd=folder)
    return result.returncode, result.stdout, result.stderr


def test_skydio_on_2025_12_01_is_suspended_by_the_november_2025_package(samples):
    code, out, err = screen(samples, "Skydio", "--on", "2025-12-01")
    assert (code, err) == (0, "")
    note, first = out.splitlines()[:2]  # the samples' archive is stale: it says so first
    assert note.startswith("Archive last updated 2025-12-01: statuses after that are not known")
    assert first.startswith(f"斯凯迪奥公司 / Skydio, Inc. [美国] {SKYDIO}: score 100")
    assert ("unreliable_entity_list by UEL-2025-7, listed 2025-04-04: suspended by MOFCOM-2025-69 "
            "until 2026-11-10 (computed: 一年 from 2025-11-10) since 2025-11-10 "
            "(status on 2025-12-01)") in out
    assert NO69_SENTENCE in out and NO69_URL in out


def test_skydio_before_the_package_is_listed_and_json_says_so(samples):
    code, out, _ = screen(samples, "斯凱迪奧", "--on", "2025-05-01", "--json")
    data = json.loads(out)
    assert code == 0 and data["on"] == "2025-05-01" and data["query"] == "斯凱迪奧"
    (hit,) = data["hits"]
    assert (hit["entity"], hit["how"], hit["score"]) == (SKYDIO, "exact", 100.0)
    (designation,) = hit["designations"]
    assert (designation["list"], designation["measure"], designation["status"],
            designation["until"]) == ("unreliable_entity_list", "UEL-2025-7", "listed", None)
    assert "列入不可靠实体清单" in designation["sentence"]
    assert designation["url"] == UEL7_URL


def test_a_no21_entity_by_a_variant_of_its_english_name(samples):
    code, out, _ = screen(samples, "HIGH POINT AEROSPACE TECHNOLOGIES INC", "--on", "2026-11-11")
    assert code == 0
    assert ("export_control_list by MOFCOM-2025-21, listed 2025-04-04: listed since 2026-11-11 "
            "(status on 2026-11-11)") in out


def test_status_on_any_day_is_one_query(samples):
    db = sqlite3.connect(samples / "archive.db")
    query = ('select s.status, s.until, s.by from designations d join designation_status s on '
             's.designation = d.id where d.entity = ? and s."from" <= ? and (s."to" is null or '
             's."to" >= ?)')
    for day, expected in (("2025-04-04", ("listed", None, None)),
                          ("2025-11-09", ("listed", None, None)),
                          ("2025-11-10", ("suspended", "2026-11-10", "MOFCOM-2025-69")),
                          ("2026-11-10", ("suspended", "2026-11-10", "MOFCOM-2025-69")),
                          ("2026-11-11", ("listed", None, None))):
        assert db.execute(query, [SKYDIO, day, day]).fetchall() == [expected], day
    assert db.execute(query, [SKYDIO, "2025-04-03", "2025-04-03"]).fetchall() == []
    db.close()


def test_every_entity_is_one_record_with_one_designation(samples):
    db = sqlite3.connect(samples / "archive.db")
    counts = dict(db.execute("select list, count(*) from designations group by list"))
    assert counts == {"export_control_list": 16, "unreliable_entity_list": 11}
    assert db.execute("select count(*) from entities").fetchone()[0] == 27
    lists, statuses = db.execute("select lists, statuses from entities where id = ?",
                                 [SKYDIO]).fetchone()
    assert (json.loads(lists), json.loads(statuses)) == (["unreliable_entity_list"],
                                                         ["suspended"])
    db.close()


def test_the_report_lists_the_entities_by_list_with_their_status(samples):
    report = json.loads((samples / "reports" / "2025-12-01-001.json").read_text("utf-8"))
    listed = [c for c in report["changes"] if c["kind"] == "entity_listed"]
    assert len(listed) == 27
    skydio = next(c for c in listed if c["entity"] == SKYDIO)
    assert {k: skydio[k] for k in ("list", "measure", "to", "by", "until", "title")} == {
        "list": "unreliable_entity_list", "measure": "UEL-2025-7", "to": "suspended",
        "by": "MOFCOM-2025-69", "until": "2026-11-10", "title": "斯凯迪奥公司 (Skydio, Inc.)"}
    assert skydio["diff"]["status_sentence"] == NO69_SENTENCE
    assert skydio["diff"]["until_computed"] == "一年 from 2025-11-10"
    assert "entity" not in next(c for c in report["changes"] if c["kind"] == "new_measure")
    markdown = (samples / "reports" / "2025-12-01-001.md").read_text("utf-8")
    uel = markdown.index("### Unreliable Entity List")
    ecl = markdown.index("### Export control list")
    # (the summary table above names each entity too: the sections are searched from uel on)
    assert uel < markdown.index("斯凯迪奥公司", uel) < ecl < markdown.index(
        "High Point Aerospace", uel)
    html = (samples / "reports" / "2025-12-01-001.html").read_text("utf-8")
    assert "<h3>Unreliable Entity List (不可靠实体清单)</h3>" in html


def test_a_second_crawl_of_the_same_night_reports_nothing(samples, tmp_path):
    for name in ("archive.db", "archive.db-wal", "archive.db-shm"):
        if (samples / name).exists():
            shutil.copy(samples / name, tmp_path / name)
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(samples / "mirror"),
                      "--as-of", "2025-12-01", "--db", "archive.db", "--reports", "reports",
                      cwd=tmp_path, env=ENV)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "reports" / "2025-12-01-002.json").read_text("utf-8"))
    assert report["changes"] == []


def test_an_archive_from_before_entities_gets_them_from_unchanged_pages(samples, tmp_path):
    """Pages stored before designations existed (or whose annex text came late) are read when
    next fetched (old articles weekly), unchanged: their designations appear."""
    for name in ("archive.db", "archive.db-wal", "archive.db-shm"):
        if (samples / name).exists():
            shutil.copy(samples / name, tmp_path / name)
    db = sqlite3.connect(tmp_path / "archive.db")
    for table in ("designation_status", "designation_events", "designations", "entities"):
        db.execute(f"delete from {table}")
    db.commit()
    db.close()
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(samples / "mirror"),
                      "--as-of", "2025-12-09", "--db", "archive.db", "--reports", "reports",
                      cwd=tmp_path, env=ENV)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "reports" / "2025-12-09-001.json").read_text("utf-8"))
    assert [s["status"] for s in report["sources"]] == ["ok"]
    assert {c["kind"] for c in report["changes"]} == {"entity_listed"}
    assert len(report["changes"]) == 27


def test_the_suspension_ending_is_reported_with_a_warning(samples, tmp_path):
    for name in ("archive.db", "archive.db-wal", "archive.db-shm"):
        if (samples / name).exists():
            shutil.copy(samples / name, tmp_path / name)
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(samples / "mirror"),
                      "--as-of", "2026-11-20", "--db", "archive.db", "--reports", "reports",
                      cwd=tmp_path, env=ENV)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "reports" / "2026-11-20-001.json").read_text("utf-8"))
    ended = [c for c in report["changes"] if c["kind"] == "entity_status_changed"]
    assert len(ended) == 27
    skydio = next(c for c in ended if c["entity"] == SKYDIO)
    assert (skydio["from"], skydio["to"], skydio["diff"]["what"]) == (
        "suspended", "listed", "suspension ended")
    assert skydio["diff"]["verify"] and "verify on the issuer's site" in skydio["summary"]


# --------------------------------------------------------------------------- bad input


# the bad mirror carries the 2026 lists only
ENV_2026 = {**ENV, "REGWATCH_BACKFILL_SINCE": "2026-01-01"}


def bad_mirror(folder: Path) -> Path:
    """A watch-list announcement that says 5 entities and lists 4 (a numbering gap, an empty
    English name), in a page the mofcom spider reads."""
    mirror = folder / "mirror"
    url = f"{MOFCOM}/zwgk/zcfb/art/2026/art_0a0b0c0d0e0f40718293a4b5c6d7e8f9.html"
    page = (ENTITIES / "count_mismatch.html").read_text("utf-8").replace(
        "<title>", '<meta name="PubDate" content="2026-03-02 10:00"><title>')
    target = mirror / url.split("://", 1)[1]
    target.parent.mkdir(parents=True)
    target.write_text(page, encoding="utf-8")
    links = (f'<html><body><ul class="txtList_01"><li><a href="{url}">x</a></li></ul>'
             "</body></html>")
    for path in ("zcfb/blgg/gg/2026/index.html", "zwgk/zcfb/index.html"):
        target = mirror / "www.mofcom.gov.cn" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(links, encoding="utf-8")
    return mirror


def test_a_count_that_differs_is_a_source_problem_naming_the_announcement(tmp_path):
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(bad_mirror(tmp_path)),
                      "--as-of", "2026-03-03", "--db", "archive.db", "--reports", "reports",
                      cwd=tmp_path, env=ENV_2026)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "reports" / "2026-03-03-001.json").read_text("utf-8"))
    (source,) = report["sources"]
    assert source["status"] == "degraded"
    title = "商务部公告2026年第12号 关于将5家日本实体列入关注名单的公告"
    assert source["problems"] == [
        f"MOFCOM-2026-12 {title} ({MOFCOM}/zwgk/zcfb/art/2026/"
        "art_0a0b0c0d0e0f40718293a4b5c6d7e8f9.html): table 1: numbering jumps from 2 to 4 (row 4):"
        " a row may be missing",
        f"MOFCOM-2026-12 {title} ({MOFCOM}/zwgk/zcfb/art/2026/"
        "art_0a0b0c0d0e0f40718293a4b5c6d7e8f9.html): states 5 entities, found 4 (those found kept)"]
    assert [c["kind"] for c in report["changes"]].count("source_problem") == 1
    listed = [c for c in report["changes"] if c["kind"] == "entity_listed"]
    assert [c["diff"]["name_zh"] for c in listed] == ["千叶电子部件公司", "北海钛材公司",
                                                      "濑户内船用机械公司", "富士山测控公司"]
    assert listed[2]["diff"]["name_en"] is None  # never translated
    assert "states 5 entities" in (tmp_path / "reports" / "2026-03-03-001.md").read_text(
        "utf-8")
    # the same page the next night, unchanged: the problem was reported, not again
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(tmp_path / "mirror"),
                      "--as-of", "2026-03-04", "--db", "archive.db", "--reports", "reports",
                      cwd=tmp_path, env=ENV_2026)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "reports" / "2026-03-04-001.json").read_text("utf-8"))
    assert (report["sources"][0]["status"], report["changes"]) == ("ok", [])


@pytest.mark.parametrize(("args", "message"), [
    (["screen", ""], "empty name"),
    (["screen", "   "], "empty name"),
    (["screen", "...，。"], "no letters"),
    (["screen", "x"], "too short"),
    (["screen", "Sky\x1bdio"], "control character"),
    (["screen", "x" * 300], "longer than"),
    (["screen"], "give one NAME, or --file"),
    (["screen", "Skydio", "--file", "names.csv"], "give one NAME, or --file"),
    (["screen", "Skydio", "--on", "yesterday"], "--on: \"yesterday\" is not an ISO date"),
    (["screen", "Skydio", "--db", "missing.db"], "no archive at missing.db"),
    (["screen", "Skydio", "--db", "notes.txt"], "is not a SQLite database"),
    (["screen", "--file", "missing.csv"], "missing.csv: cannot read"),
    (["screen", "--file", "binary.csv"], "binary.csv: not UTF-8 text"),
    (["screen", "--file", "empty.csv"], "empty.csv: no names in it"),
    (["screen", "--file", "garbage.csv"], "no line of the file is a name"),
])
def test_bad_input_is_one_line_and_exit_2(samples, tmp_path, args, message):
    (tmp_path / "notes.txt").write_text("my notes")
    (tmp_path / "binary.csv").write_bytes(b"\xff\xfe\x00\x01names")
    (tmp_path / "empty.csv").write_text("name\n\n   \n")
    (tmp_path / "garbage.csv").write_text("...\n!!!\n")
    (tmp_path / "names.csv").write_text("Skydio\n")
    if "--db" not in args:
        args = [*args, "--db", str(samples / "archive.db")]
    result = regwatch(*args, cwd=tmp_path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], lines


def test_no_match_is_exit_1(samples):
    code, out, err = screen(samples, "General Dynamics Land Systems")
    assert (code, err) == (1, "")
    note, line = out.splitlines()  # a stale archive says so: the entity may be listed since
    assert note.startswith("Archive last updated 2025-12-01: statuses after that are not known")
    assert line.startswith("no listed entity matches 'General Dynamics Land Systems'")


def test_a_names_file_gives_a_csv_of_hits(samples, tmp_path):
    names = tmp_path / "counterparties.csv"
    names.write_text("name,country\nSkydio Inc,US\nAcme Widgets,US\n...\n"
                     "示例雷达技术有限公司,US\n", encoding="utf-8")
    result = regwatch("screen", "--file", str(names), "--on", "2025-12-01", "--out", "hits.csv",
                      "--db", str(samples / "archive.db"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "regwatch: skipped 1 line(s) that are not names to screen (lines 4)",
        "regwatch: Archive last updated 2025-12-01: statuses after that are not known (today is "
        f"{today_in_beijing()} in Beijing)."]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "hits.csv").read_text("utf-8-sig"))))
    assert [(r["query"], r["line"], r["entity"], r["list"], r["status"], r["how"])
            for r in rows] == [
        ("Skydio Inc", "2", SKYDIO, "unreliable_entity_list", "suspended", "exact"),
        ("Acme Widgets", "3", "", "", "", "no match"),
        ("...", "4", "", "", "", "not screened: the name has no letters: '...'"),
        ("示例雷达技术有限公司", "5", entity_id("示例雷达技术公司", None), "export_control_list",
         "suspended", "exact")]
    assert {r["on"] for r in rows} == {"2025-12-01"}
    assert rows[0]["until"] == "2026-11-10" and rows[0]["by_measure"] == "MOFCOM-2025-69"
    # --out - is the standard output, as for export (it wrote a file named "-")
    piped = regwatch("screen", "--file", str(names), "--on", "2025-12-01", "--out", "-",
                     "--db", str(samples / "archive.db"), cwd=tmp_path)
    assert piped.stdout == (tmp_path / "hits.csv").read_text("utf-8")  # the BOM too
    assert not (tmp_path / "-").exists()
    only_misses = tmp_path / "misses.txt"
    only_misses.write_text("Acme Widgets\nGlobex Corporation\n", encoding="utf-8")
    result = regwatch("screen", "--file", str(only_misses), "--db", str(samples / "archive.db"),
                      cwd=tmp_path)
    assert result.returncode == 1 and result.stdout.splitlines()[0] == "\ufeff" + ",".join((
        "query", "line", "on", "entity", "name_zh", "name_en", "country", "score", "how",
        "matched_name", "list", "measure", "listed", "status", "until", "until_computed",
        "by_measure", "removal_kind", "sentence", "url", "address", "entity_address", "caveat"))
    assert [line.split(",")[:3] + [line.split(",")[8]]
            for line in result.stdout.splitlines()[1:]] == [
        ["Acme Widgets", "1", today_in_beijing(), "no match"],
        ["Globex Corporation", "2", today_in_beijing(), "no match"]]


def test_screen_never_writes_the_archive(samples, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(samples / "archive.db", db)
    for suffix in ("-wal", "-shm"):
        if (samples / f"archive.db{suffix}").exists():
            shutil.copy(samples / f"archive.db{suffix}", tmp_path / f"archive.db{suffix}")
    db.chmod(0o444)
    code, out, _ = screen(tmp_path, "Skydio", "--on", "2025-12-01")
    assert code == 0 and "suspended" in out


# --------------------------------------------------------------------------- digest, Datasette


def test_digest_filters_by_list_and_entity_name(samples):
    from pipelines.config import Config, MailConfig
    from pipelines.digest import build_mail
    from pipelines.report import measure_context

    archive = Archive.open_readonly(samples / "archive.db")
    try:
        runs = [archive.run(archive.latest_run_id())]
        changes = archive.changes(runs[0]["id"])
        config = Config(mail=MailConfig())
        mail = build_mail(archive, config, Recipient("a@b.c", entities=["Skydio Incorporated"]),
                          runs, changes, measure_context(archive, changes))
        assert [c["entity"] for c in changes if c["id"] in mail["change_ids"]] == [SKYDIO]
        assert "斯凯迪奥公司 (Skydio, Inc.)" in mail["text"] and "BRINC" not in mail["text"]
        assert "entities: Skydio Incorporated" in mail["text"]
        assert "继续暂停实施相关处理措施一年" in mail["text"]
        assert "Unreliable Entity List (不可靠实体清单)" in mail["html"]
        mail = build_mail(archive, config, Recipient("a@b.c", lists=["export_control_list"]),
                          runs, changes, measure_context(archive, changes))
        wanted = [c for c in changes if c["id"] in mail["change_ids"]]
        assert len(wanted) == 16 and {c["list"] for c in wanted} == {"export_control_list"}
    finally:
        archive.close()


@pytest.mark.parametrize(("recipient", "message"), [
    ({"lists": ["uel"]}, "mail.recipients[0].lists[0]: unknown list \"uel\""),
    ({"entities": ["..."]}, "mail.recipients[0].entities[0]: the name has no letters"),
    ({"entities": "Skydio"}, "mail.recipients[0].entities: must be a list of strings"),
])
def test_recipient_entity_filters_are_checked(recipient, message):
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_config({"mail": {"recipients": [{"address": "a@b.c", **recipient}]}})


def datasette_rows(samples: Path, path: str) -> list[dict]:
    """A canned query's or table's rows (`path` with its query string) from Datasette over the
    samples' archive, as regwatch serves it."""
    import asyncio

    from crawler.browse import datasette_for

    async def rows() -> list[dict]:
        datasette = datasette_for(samples / "archive.db")
        await datasette.invoke_startup()
        response = await datasette.client.get(f"/archive/{path}&_shape=array")
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(rows())


def test_datasette_screens_a_name_and_shows_an_entity_timeline(samples):
    found = datasette_rows(samples, "screen_name.json?q=Skydio%20Inc&on=2025-12-01")
    assert [(r["entity"], r["score"], r["status"], r["until"], r["by"]) for r in found] == [
        (SKYDIO, 100.0, "suspended", "2026-11-10", "MOFCOM-2025-69")]
    assert datasette_rows(samples, "screen_name.json?q=...&on=2025-12-01") == []
    timeline = datasette_rows(samples, f"entity_timeline.json?entity={SKYDIO}")
    assert ("2025-11-10", "unreliable_entity_list: suspended") in [
        (r["date"], r["what"]) for r in timeline]
    on_day = datasette_rows(samples,
                            "designations_on.json?on=2025-12-01&list=unreliable_entity_list")
    assert len(on_day) == 11 and {r["status"] for r in on_day} == {"suspended"}
    facets = datasette_rows(samples, "entities.json?_facet_array=lists&_facet=country")
    assert len(facets) == 27


def test_markdown_report_escapes_scraped_entity_names():
    change = {"kind": "entity_listed", "entity": "ENT-x", "list": "watch_list",
              "measure": "MOFCOM-2026-1", "title": "[click](javascript:alert(1)) <b>x</b>",
              "summary": "*bold* `code`", "to": "listed", "from": None, "until": None,
              "by": None, "url": "javascript:alert(1)", "document": None, "source": "mofcom",
              "confidence": "high", "category": None,
              "diff": {"sentence": "<script>alert(1)</script>", "listed": "2026-01-01"}}
    report = {"run_id": "r", "as_of": "2026-01-01", "previous_run_id": None, "sources": [],
              "changes": [change]}
    markdown = render(report, "md")
    assert "\\[click\\]\\(javascript:alert\\(1\\)\\) \\<b\\>x\\</b\\>" in markdown
    assert "\\<script\\>" in markdown and "(javascript:" not in markdown.replace(
        "\\(javascript:", "")
    html = render(report, "html")
    assert "<script>alert" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert 'href="javascript' not in html
    assert build_report  # the JSON builder is exercised by the crawls above


# ------------------------------------------------------------------- the demo's entity nights

DEMO_ENTITIES = {  # No. 18 of 2026's annex, in order; how each designation was removed
    "ENT-b72fcc3d2b": ("天穹防务系统公司", "Skyvault Defense Systems, Inc.", "revoked"),
    "ENT-0ed6fd1970": ("深蓝声学公司", "Deep Blue Acoustics LLC", "revoked"),
    "ENT-2dc990f56c": ("铁砧航电公司", "Anvil Avionics Corporation", "revoked"),
    "ENT-adbecac513": ("极光光电公司", "Aurora Photonics, Inc.", "removed_from_list"),
}


def test_demo_entity_nights_entity_by_entity(demo):
    folder, out = demo
    db = sqlite3.connect(folder / "archive.db")
    for entity, (name_zh, name_en, removal) in DEMO_ENTITIES.items():
        assert entity == entity_id(name_zh, name_en)
        assert db.execute("select name_zh, name_en, country from entities where id = ?",
                          [entity]).fetchone() == (name_zh, name_en, "美国")
        periods = db.execute(
            'select status, "from", "to", until, by, removal_kind from designation_status '
            'where entity = ? order by "from"', [entity]).fetchall()
        assert periods == [
            ("listed", "2026-05-08", "2026-05-11", None, None, None),
            ("suspended", "2026-05-12", "2026-07-20", "2026-08-10", "MOFCOM-2026-19", None),
            ("removed", "2026-07-21", None, None, "MOFCOM-2026-31", removal)], entity
    db.close()
    assert out.count("[entity_listed]") == 4 and out.count("[entity_status_changed]") == 4
    assert "极光光电公司 (Aurora Photonics, Inc.)" in out and "removed from the list by" in out


def test_demo_screen_on_the_entity_nights(demo):
    folder, _ = demo
    code, text, _ = screen(folder, "Skyvault Defense", "--on", "2026-06-01")
    assert code == 0
    assert ("export_control_list by MOFCOM-2026-18, listed 2026-05-08: suspended by "
            "MOFCOM-2026-19 until 2026-08-10 (computed: 90天 from 2026-05-12) "
            "since 2026-05-12 (status on 2026-06-01)") in text
    code, text, _ = screen(folder, "極光光電", "--on", "2026-07-21")
    assert code == 0
    assert ("removed (removed from the list) by MOFCOM-2026-31 since 2026-07-21 "
            "(status on 2026-07-21)") in text
    assert "将极光光电公司（Aurora Photonics, Inc.）移出出口管制管控名单" in text
    code, text, _ = screen(folder, "Anvil Avionics", "--on", "2026-05-09")
    assert code == 0 and "listed since 2026-05-08 (status on 2026-05-09)" in text


def test_a_run_killed_in_a_backfill_leaves_old_listings_quiet_for_the_run_continuing_it(tmp_path):
    """A first night killed after storing an old listing (history, stored quietly) and before
    its end: the next run continues it, and the listing's status is stored, not reported as
    'listed (was unknown)' for every entity (a mail to every entity recipient)."""
    from pipelines.designations import designation_changes

    archive = Archive.open(tmp_path / "archive.db")
    try:
        killed = archive.start_run("2025-12-01", ["mofcom"], None)
        item = spider_item("sample_uel_2025_7.html", UEL7_URL)
        item.designations = read_designations(item, archive.listing_measures())
        item.changes = item_changes(archive, item)
        store_item(archive, item, killed, "2025-12-01", quiet_before="2025-11-24")
        continuing = archive.start_run("2025-12-01", ["mofcom"], None)  # after the kill
        assert archive.run(killed)["continued_by"] == continuing
        changes = designation_changes(archive, continuing, "2025-12-01",
                                      quiet_before="2025-11-24")
        assert [c.kind for c in changes] == []
        statuses = {r["status"] for r in archive.db.query("select status from designations")}
        assert statuses == {"listed"}
    finally:
        archive.close()


def test_screen_on_a_stale_archive_says_so_as_status_does(demo, tmp_path):
    """The demo's last night is 2026-11-22: screening today (more than 2 days later) says the
    archive's statuses after that are not known, in text, in JSON and beside the CSV."""
    assert today_in_beijing() > "2026-11-24", "the demo is no longer in the past"
    note = "Archive last updated 2026-11-22: statuses after that are not known"
    folder, _ = demo
    code, text, _ = screen(folder, "Skydio")
    assert code == 0 and text.splitlines()[0].startswith(note)
    assert f"(status on {today_in_beijing()})" in text
    code, out, _ = screen(folder, "Skydio", "--json")
    data = json.loads(out)
    assert code == 0 and data["stale"] is True and data["last_run"] == "2026-11-22"
    assert data["note"].startswith(note) and data["today"] == today_in_beijing()
    names = tmp_path / "names.txt"
    names.write_text("Skydio\n", encoding="utf-8")
    code, out, err = screen(folder, "--file", str(names))
    assert code == 0 and "UEL-2025-7" in out and f"regwatch: {note}" in err


def test_a_measure_known_only_as_cited_before_its_first_event_claims_no_status(tmp_path):
    """On 2025-11-08 No. 13 of 2025 is known only as cited by No. 69, which stops it from
    2025-11-10: no event decides its status yet, so its new_measure entry claims none (it said
    "in force" while `status` said "no status known"); after 2025-11-10 both say revoked."""
    first_night(tmp_path, "2025-11-07")
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(samples_mirror(tmp_path)),
                      "--as-of", "2025-11-08", "--db", "archive.db", "--reports", "reports",
                      cwd=tmp_path, env=ENV)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "reports" / "2025-11-08-001.json").read_text())
    [new13] = [c for c in report["changes"] if c["kind"] == "new_measure"
               and c["measure"] == "MOFCOM-2025-13"]
    assert new13["to"] is None and "in_force" not in new13["summary"]
    status = regwatch("status", "--on", "2025-11-08", "--measure", "MOFCOM-2025-13", "--json",
                      "--db", "archive.db", cwd=tmp_path)
    assert json.loads(status.stdout)["measures"][0]["status"] is None
    later = regwatch("status", "--on", "2025-11-10", "--measure", "MOFCOM-2025-13", "--json",
                     "--db", "archive.db", cwd=tmp_path)
    assert json.loads(later.stdout)["measures"][0]["status"] == "revoked"


# --------------------------------------------------------------------------- a table that changes

RENAMED = ("<td>Example Avionics, Inc.</td>", "<td>Example Avionics Holdings, Inc.</td>")
ROW_17 = ("<td>17</td><td>新增实体公司</td><td>New Added Entity Corp.</td><td>美国</td>")
NEW_ENTITY = entity_id("新增实体公司", "New Added Entity Corp.")
AVIONICS = entity_id("示例航空电子公司", "Example Avionics, Inc.")


class Stats(dict):
    """A stats collector's three calls, for the stages run by hand."""

    def get_value(self, key: str, default=None):
        return self.get(key, default)

    def set_value(self, key: str, value) -> None:
        self[key] = value

    def inc_value(self, key: str, count: int = 1) -> None:
        self[key] = self.get(key, 0) + count


def no21_night(archive: Archive, as_of: str, changed_table: bool = False,
               quiet_before: str | None = None) -> tuple[str, list[dict]]:
    """No. 21 through the per-item stages on a night (its table with row 2 renamed and a 17th
    row when changed_table); the outcome and the night's changes."""
    from pipelines.designations import DesignationPipeline
    from pipelines.store import store

    item = spider_item("sample_mofcom_2025_21_aqygzj.html", NO21_URL)
    if changed_table:
        table = item.tables[0].replace(*RENAMED)
        item.tables = [table.replace("</table>", f"<tr>{ROW_17}</tr></table>", 1)]
        item = normalize_item(item)
    run_id = archive.start_run(as_of, ["mofcom_aqygzj"], None)
    DesignationPipeline(SimpleNamespace(stats=Stats()), archive).read(item)
    item.changes = item_changes(archive, item)
    outcome = store(archive, item, run_id, as_of, quiet_before=quiet_before).outcome
    finish_run(archive, run_id)
    return outcome, list(archive.db.query("select * from changes where run_id = ?", [run_id]))


@pytest.mark.parametrize("quiet_before", [None, "2025-11-13"])
def test_a_change_of_the_entity_table_alone_is_a_new_version_and_lists_the_new_entity(
        tmp_path, quiet_before):
    """No. 21's page with its table changed (an entity renamed, a 17th row) and its paragraphs
    the same: a new version (the first kept, with its table), the change with the rows that
    changed, the new entity listed (on a backfill's night too: a known page that changed is
    no history), the renamed one known by its new name as an alias."""
    archive = Archive.open(tmp_path / "archive.db")
    try:
        no21_night(archive, "2025-11-08")
        outcome, changes = no21_night(archive, "2025-11-20", changed_table=True,
                                      quiet_before=quiet_before)
        assert outcome == "changed"
        versions = list(archive.db.query(
            "select version, tables from document_versions where document = ? order by version",
            [document_id(NO21_URL)]))
        assert [v["version"] for v in versions] == [1, 2]
        assert "Example Avionics, Inc." in versions[0]["tables"]
        assert "新增实体公司" not in versions[0]["tables"]
        assert "17 | 新增实体公司 | New Added Entity Corp. | 美国" in versions[1]["tables"]
        (changed,) = [c for c in changes if c["kind"] == "document_changed"]
        diff = json.loads(changed["diff"])
        assert "tables" in diff["fields"]
        assert [line for line in diff["tables"] if line[:1] in "+-"] == [
            "-2 | 示例航空电子公司 | Example Avionics, Inc. | 美国",
            "+2 | 示例航空电子公司 | Example Avionics Holdings, Inc. | 美国",
            "+17 | 新增实体公司 | New Added Entity Corp. | 美国"]
        assert diff["text"][0] == "@@ tables @@"
        assert [(c["entity"], c["measure"]) for c in changes if c["kind"] == "entity_listed"
                ] == [(NEW_ENTITY, "MOFCOM-2025-21")]
        avionics = archive.entity(AVIONICS)
        assert avionics["name_en"] == "Example Avionics, Inc."
        assert "Example Avionics Holdings, Inc." in json.loads(avionics["aliases"])
    finally:
        archive.close()


def test_an_archive_from_before_tables_were_kept_sees_no_phantom_change(tmp_path):
    """Documents archived before the tables were kept (NULL: not known): the same page the next
    night changes nothing, its tables are learnt silently; a later change of them is one."""
    archive = Archive.open(tmp_path / "archive.db")
    try:
        no21_night(archive, "2025-11-08")
        with archive.transaction():
            for table in ("documents", "document_versions"):
                archive.db.execute(f"update {table} set tables = null, tables_hash = null")
        assert no21_night(archive, "2025-11-20") == ("unchanged", [])
        assert archive.document_by_url(NO21_URL)["tables_hash"] is not None
        assert archive.latest_version(document_id(NO21_URL))["tables"] is None  # not known
        outcome, changes = no21_night(archive, "2025-11-30", changed_table=True)
        assert outcome == "changed"
        assert {c["kind"] for c in changes} >= {"document_changed", "entity_listed"}
    finally:
        archive.close()


def test_an_archive_from_before_tables_were_kept_lists_a_row_added_meanwhile(tmp_path):
    """Its table not known, the page the next night is read again for its listing: a row added
    meanwhile is an entity listed (the others are known), though no version is made."""
    archive = Archive.open(tmp_path / "archive.db")
    try:
        no21_night(archive, "2025-11-08")
        with archive.transaction():
            for table in ("documents", "document_versions"):
                archive.db.execute(f"update {table} set tables = null, tables_hash = null")
        outcome, changes = no21_night(archive, "2025-11-20", changed_table=True)
        assert outcome == "unchanged"
        assert [(c["kind"], c["entity"]) for c in changes] == [("entity_listed", NEW_ENTITY)]
    finally:
        archive.close()


# --------------------------------------------------------------------------- addresses

HOSTILE_ADDRESS = "1234 Main Street, <script>alert(1)</script> Arlington, VA 22202"


def no21_with_addresses(archive: Archive, as_of: str) -> None:
    """No. 21 with a 地址 column (the first row's address hostile HTML) through the stages."""
    from pipelines.designations import DesignationPipeline
    from pipelines.store import store

    item = spider_item("sample_mofcom_2025_21_aqygzj.html", NO21_URL)
    html = item.tables[0].replace("<td>国家/地区</td>", "<td>国家/地区</td><td>地址</td>", 1)
    first = html.index("<td>High Point Aerospace Technologies</td>")
    end = html.index("</tr>", first)
    html = html[:end] + f"<td>{escape_html(HOSTILE_ADDRESS)}</td>" + html[end:]
    item.tables = [html]
    item = normalize_item(item)
    run_id = archive.start_run(as_of, ["mofcom_aqygzj"], None)
    DesignationPipeline(SimpleNamespace(stats=Stats()), archive).read(item)
    item.changes = item_changes(archive, item)
    store(archive, item, run_id, as_of)
    finish_run(archive, run_id)


def escape_html(text: str) -> str:
    import html

    return html.escape(text)


HIGH_POINT = entity_id("高点航空技术公司", "High Point Aerospace Technologies")


def test_an_entity_address_is_stored_and_screened(tmp_path):
    """The 地址 column is kept with the designation and the entity, and `screen` shows it
    (text, JSON and CSV rows); Datasette shows it escaped."""
    import asyncio

    from crawler.browse import datasette_for
    from pipelines.screening import csv_rows, describe_hits, screen_archive

    archive = Archive.open(tmp_path / "archive.db")
    try:
        no21_with_addresses(archive, "2025-11-08")
        assert archive.entity(HIGH_POINT)["address"] == HOSTILE_ADDRESS
        (designation,) = archive.designations_of_entity(HIGH_POINT)
        assert designation["address"] == HOSTILE_ADDRESS
        hits = screen_archive(archive, "High Point Aerospace", "2025-11-08")
        assert hits[0]["address"] == hits[0]["designations"][0]["address"] == HOSTILE_ADDRESS
        assert f"  address: {HOSTILE_ADDRESS}" in describe_hits("High Point", "2025-11-08", hits)
        row = csv_rows("High Point", 1, hits[:1], "2025-11-08")[0]
        assert row["address"] == row["entity_address"] == HOSTILE_ADDRESS
    finally:
        archive.close()

    async def page(path: str) -> str:
        datasette = datasette_for(tmp_path / "archive.db")
        await datasette.invoke_startup()
        response = await datasette.client.get(path)
        assert response.status_code == 200, response.text
        return response.text

    shown = asyncio.run(page(f"/archive/entities/{HIGH_POINT}"))
    assert "<script>alert(1)</script>" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    found = json.loads(asyncio.run(page(
        "/archive/screen_name.json?q=High%20Point%20Aerospace&on=2025-11-08&_shape=array")))
    assert found[0]["address"] == HOSTILE_ADDRESS


def test_an_address_unknown_to_an_older_archive_is_filled_in(tmp_path):
    """Designations archived before addresses were kept (NULL) get theirs when the listing is
    read again; no change is reported for it."""
    archive = Archive.open(tmp_path / "archive.db")
    try:
        no21_with_addresses(archive, "2025-11-08")
        with archive.transaction():
            archive.db.execute("update designations set address = null")
            archive.db.execute("update entities set address = null")
            archive.db.execute("update documents set tables = null, tables_hash = null")
        no21_with_addresses(archive, "2025-11-20")
        assert archive.entity(HIGH_POINT)["address"] == HOSTILE_ADDRESS
        assert archive.designations_of_entity(HIGH_POINT)[0]["address"] == HOSTILE_ADDRESS
        run_id = archive.db.execute("select max(id) from runs").fetchone()[0]
        assert archive.db.execute("select count(*) from changes where run_id = ?",
                                  [run_id]).fetchone()[0] == 0
    finally:
        archive.close()


CAVEAT = ("a text continues its suspension from 2025-11-10, and no archived text began one: it "
          "may have been suspended before; check the issuer's site")


def test_screening_before_a_continued_suspension_no_text_began_has_the_measures_caveat(
        samples, tmp_path):
    """No. 69 continues (继续暂停) the suspension of UEL 〔2025〕7号's entities from 2025-11-10 and
    no archived text began it: before that day Skydio is listed, with the caveat `status` gives
    the measure (it may already have been suspended), in the text, --json, the CSV record, the
    canned queries and the entity's timeline; on a day of the suspension, no caveat."""
    code, out, _ = screen(samples, "Skydio", "--on", "2025-11-08")
    assert code == 0
    assert (f"unreliable_entity_list by UEL-2025-7, listed 2025-04-04: listed since 2025-04-04 "
            f"({CAVEAT}) (status on 2025-11-08)") in out
    status = regwatch("status", "--measure", "UEL-2025-7", "--on", "2025-11-08", "--db",
                      str(samples / "archive.db"), cwd=samples)
    assert CAVEAT in status.stdout
    _, later, _ = screen(samples, "Skydio", "--on", "2025-12-01")
    assert "may have been suspended before" not in later
    (hit,) = json.loads(screen(samples, "Skydio", "--on", "2025-11-08", "--json")[1])["hits"]
    assert [(d["status"], d["caveat"]) for d in hit["designations"]] == [("listed", CAVEAT)]
    names = tmp_path / "names.txt"
    names.write_text("Skydio Inc\n", encoding="utf-8")
    result = regwatch("screen", "--file", str(names), "--on", "2025-11-08", "--out", "-",
                      "--db", str(samples / "archive.db"), cwd=tmp_path)
    (row,) = csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")))
    assert (row["status"], row["caveat"]) == ("listed", CAVEAT)

    found = datasette_rows(samples, "screen_name.json?q=Skydio&on=2025-11-08")
    assert [(r["status"], r["caveat"]) for r in found] == [("listed", CAVEAT)]
    found = datasette_rows(samples, "screen_name.json?q=Skydio&on=2025-12-01")
    assert [(r["status"], r["caveat"]) for r in found] == [("suspended", None)]
    timeline = datasette_rows(samples, f"entity_timeline.json?entity={SKYDIO}")
    assert ("2025-04-04", f"unreliable_entity_list: listed ({CAVEAT})") in [
        (r["date"], r["what"]) for r in timeline]


def test_a_suspension_continued_is_dated_and_counted_as_the_card_says(tmp_path):
    """Night 1 (2025-11-08) archives the listings; night 2 (2025-11-12) No. 69, which stops No.
    13, continues the suspensions of No. 21 and UEL 〔2025〕7号 from 2025-11-10 and takes effect
    that day: the summary table dates each state change by the day it began (2025-11-10), not
    the run's; the headline counts the entities' changes as the cards say them (a suspension
    continued, with why the card says "was listed"), in the report and the digest."""
    first = regwatch("crawl", "--source", "mofcom", "--mirror",
                     str(samples_mirror(tmp_path, without_no69=True)), "--as-of", "2025-11-08",
                     "--db", "archive.db", "--reports", "reports", cwd=tmp_path, env=ENV)
    assert first.returncode == 0, first.stderr
    second = regwatch("crawl", "--source", "mofcom", "--mirror", str(samples_mirror(tmp_path)),
                      "--as-of", "2025-11-12", "--db", "archive.db", "--reports", "reports",
                      cwd=tmp_path, env=ENV)
    assert second.returncode == 0, second.stderr
    report = json.loads((tmp_path / "reports" / "2025-11-12-001.json").read_text("utf-8"))
    changed = [c for c in report["changes"]
               if c["kind"] in ("status_changed", "entity_status_changed")]
    assert {c["measure"] for c in changed} >= {"UEL-2025-7", "MOFCOM-2025-21"}
    assert len([c for c in changed if c["kind"] == "entity_status_changed"]) == 27
    assert {c["diff"]["since"] for c in changed} == {"2025-11-10"}
    skydio = next(c for c in changed if c.get("entity") == SKYDIO)
    assert skydio["diff"]["what"] == "suspension continued"
    assert ("(was listed: no archived text began the suspension, it may have been suspended "
            "before), as of 2025-11-12") in skydio["summary"]
    markdown = (tmp_path / "reports" / "2025-11-12-001.md").read_text("utf-8")
    assert "27 designation suspensions continued" in markdown.splitlines()[2]
    assert "designations suspended" not in markdown
    table = [line for line in markdown.splitlines()
             if line.startswith("| [") and "| new " not in line]  # (found tonight)
    assert table and [line for line in table if "| 2025-11-10 |" not in line] == []
    assert any("| entity suspension continued: 斯凯迪奥公司 | 2025-11-10 | 2026-11-10 |" in line
               for line in table)
    html = (tmp_path / "reports" / "2025-11-12-001.html").read_text("utf-8")
    assert "27 designation suspensions continued" in html
    from pipelines.config import Config, MailConfig
    from pipelines.digest import build_mail
    from pipelines.report import measure_context

    archive = Archive.open_readonly(tmp_path / "archive.db")
    try:
        changes = archive.changes("2025-11-12-001")
        mail = build_mail(archive, Config(mail=MailConfig()), Recipient("a@b.c"),
                          [archive.run("2025-11-12-001")], changes,
                          measure_context(archive, changes))
    finally:
        archive.close()
    lines = [line for line in mail["text"].splitlines() if "entity suspension continued" in line]
    assert len(lines) == 27 and all("2025-11-10  until 2026-11-10" in line for line in lines)
    assert "27 designation suspensions continued" in mail["text"]
