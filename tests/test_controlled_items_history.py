"""Every version of a measure's list of controlled items is kept, each row with the days it was
the published list: the canned queries and the measure page answer a past day with that day's
list, and the night a list changes its document_changed names the items changed, added and
removed. Real archives through the store path; the demo archive crawled on with a re-issued
annex (what an outside checker found: an HS code changed under No. 15 of 2026, 1C941 dropped)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import yaml
from conftest import REPO, regwatch
from test_serve import get, start_server, stop_server

from pipelines.archive import Archive, document_id
from pipelines.diff import item_changes
from pipelines.evidence import EvidenceStore
from pipelines.items import AnnexFile, DocumentItem, RawResponse
from pipelines.normalize import normalize_item
from pipelines.originals import read_annex_file
from pipelines.regime import measure_page
from pipelines.store import store_item

_spec = importlib.util.spec_from_file_location("make_annexes", REPO / "demo" / "make_annexes.py")
make_annexes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_annexes)

URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_6a1f3e2d8c7b4a9e0d5c2b1a3f4e6d8c.html"
ANNEX = ("https://www.mofcom.gov.cn/cms_files/filemanager/1928930928/attach/202603/"
         "4e2a9c7d1b5f3a86.pdf")
ANNEX_PATH = ANNEX.removeprefix("https://")
MEASURE = "MOFCOM-2026-15"
TITLE = "商务部 海关总署公告2026年第15号 关于对铍相关物项实施出口管制的决定"
FIRST = make_annexes.no15_2026()  # 1C940.a 8112120000, 1C940.b, 1C941 2825909000, 1E940
REISSUED_ROWS = [
    ["1", "1C940.a", "铍金属及铍粉", "Beryllium metal and powder", "8112190000"],
    ["2", "1C940.b", "铍铜母合金", "Beryllium-copper master alloys", "7405000000"],
    ["3", "1E940", "上述物项的生产技术", "Production technology of the above", ""]]
REISSUED = make_annexes.item_list("附件：铍相关物项清单", REISSUED_ROWS)
METADATA = yaml.safe_load((REPO / "crawler" / "metadata.yml").read_text(encoding="utf-8"))
QUERIES = METADATA["queries"]


def annex(body: bytes) -> AnnexFile:
    response = RawResponse(url=ANNEX, status=200, headers=[("Content-Type", "application/pdf")],
                           body=body, fetched_at="2026-03-16T02:00:00+00:00", reason="OK")
    return read_annex_file(ANNEX, "附件：铍相关物项清单.pdf", URL, response, 20 << 20)


def page(body: bytes = FIRST, annexes: list[AnnexFile] | None = None) -> DocumentItem:
    doc = normalize_item(DocumentItem(
        url=URL, source="mofcom", source_kind="authority", title=TITLE,
        body="为维护国家安全和利益，决定对铍相关物项实施出口管制。本公告自公布之日起正式实施。",
        language="zh", published_raw="2026-03-16"))
    doc.responses = [RawResponse(url=URL, status=200, headers=[("Content-Type", "text/html")],
                                 body=b"<html>No. 15</html>", fetched_at="2026-03-16T02:00:00Z",
                                 reason="OK")]
    doc.annex_files = annexes if annexes is not None else [annex(body)]
    return doc


class Nights:
    """One archive and evidence store; items stored night after night."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "archive.db"
        self.archive = Archive.open(self.path)
        self.evidence = folder / "evidence"

    def store(self, item: DocumentItem, as_of: str) -> str:
        run_id = self.archive.start_run(as_of, ["mofcom"], None)
        with EvidenceStore(self.evidence) as store:
            outcome = store_item(self.archive, item, run_id, as_of, evidence=store)
        self.archive.finish_run(run_id, {})
        return outcome


@pytest.fixture
def nights(tmp_path):
    archive = Nights(tmp_path)
    yield archive
    archive.archive.close()


def on(archive: Archive, day: str) -> list[tuple[str | None, str | None]]:
    return [(r["code"], r["hs_code"]) for r in archive.measure_items_on(MEASURE, day)]


def canned(db: Path | sqlite3.Connection, name: str, **params: str) -> list[dict]:
    conn = db if isinstance(db, sqlite3.Connection) else sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(QUERIES[name]["sql"], params)]
    finally:
        if conn is not db:
            conn.close()


# --------------------------------------------------------------------------- the store path


def test_a_reissued_list_keeps_each_version_with_the_days_it_was_the_list(nights):
    assert nights.store(page(), "2026-03-16") == "new"
    assert nights.store(page(REISSUED), "2026-12-01") == "changed"
    a = nights.archive
    first = [("1C940.a", "8112120000"), ("1C940.b", "7405000000"), ("1C941", "2825909000"),
             ("1E940", None)]
    second = [("1C940.a", "8112190000"), ("1C940.b", "7405000000"), ("1E940", None)]
    assert on(a, "2020-01-01") == first  # the first list: from the measure's start
    assert on(a, "2026-04-01") == on(a, "2026-11-30") == first
    assert on(a, "2026-12-01") == on(a, "2027-06-01") == second
    rows = a.db.execute("select version, code, valid_from, valid_until from controlled_items "
                        "order by id").fetchall()
    assert rows == [(1, c, None, "2026-11-30") for c, _ in first] + [
        (2, c, "2026-12-01", None) for c, _ in second]
    doc = document_id(URL)
    assert [(r["code"], r["hs_code"]) for r in a.controlled_items(doc)] == second
    assert [r["code"] for r in a.controlled_items(doc, 1)] == [c for c, _ in first]


def test_the_canned_queries_answer_a_day_from_that_days_list(nights):
    nights.store(page(), "2026-03-16")
    nights.store(page(REISSUED), "2026-12-01")

    def hs(code: str, day: str) -> list[tuple[str, str, str]]:
        return [(r["measure"], r["hs_code"], r["code"])
                for r in canned(nights.path, "measures_controlling_hs", hs=code, on=day)]

    def covers(code: str, day: str) -> list[tuple[str, str]]:
        return [(r["measure"], r["hs_code"])
                for r in canned(nights.path, "what_code_covers", code=code, on=day)]

    # the old HS code: controlled on a day before the re-issued list, not after
    assert hs("8112120000", "2026-04-01") == [(MEASURE, "8112120000", "1C940.a")]
    assert hs("8112.12.0000", "2026-11-30") == [(MEASURE, "8112120000", "1C940.a")]
    assert hs("8112120000", "2026-12-01") == [] and hs("8112120000", "") == []
    # the new one: only from the night it was archived
    assert hs("8112190000", "2026-04-01") == [] and hs("8112190000", "2026-11-30") == []
    assert hs("8112190000", "2026-12-01") == [(MEASURE, "8112190000", "1C940.a")]
    assert hs("8112190000", "") == [(MEASURE, "8112190000", "1C940.a")]  # today
    # the dropped item: covered before, not after
    assert covers("1C941", "2026-04-01") == [(MEASURE, "2825909000")]
    assert covers("1C941", "2026-12-01") == [] and hs("2825909000", "2026-12-02") == []
    assert covers("1C940", "2026-04-01") == [(MEASURE, "8112120000"), (MEASURE, "7405000000")]
    assert covers("1C940", "2026-12-01") == [(MEASURE, "8112190000"), (MEASURE, "7405000000")]


def test_the_night_a_list_changes_its_document_changed_names_the_items(nights):
    nights.store(page(), "2026-03-16")
    [changed] = [c for c in item_changes(nights.archive, page(REISSUED))
                 if c.kind == "document_changed"]
    assert "1C940.a: HS 8112120000 → 8112190000; removed: 1C941" in changed.summary
    items = changed.diff["controlled_items"]
    assert [(c["item"], c["fields"]) for c in items["changed"]] == [
        ("1C940.a", {"hs_code": {"before": "8112120000", "after": "8112190000"}})]
    assert [r["code"] for r in items["removed"]] == ["1C941"] and items["added"] == []
    assert "removed: 1C941 氧化铍及其制品 (HS 2825909000)" in changed.diff["text"]
    assert changed.diff["annexes"]  # the annex's text diff is still there
    # the same file again: no change at all; a list with one item more: it is named
    assert [c for c in item_changes(nights.archive, page()) if c.kind == "document_changed"] \
        == []
    more = make_annexes.item_list("附件：铍相关物项清单", [
        *REISSUED_ROWS, ["4", "1C942", "铍箔", "Beryllium foil", "8112130000"]])
    [changed] = [c for c in item_changes(nights.archive, page(more))
                 if c.kind == "document_changed"]
    assert "added: 1C942" in changed.summary and "removed: 1C941" in changed.summary


def scan(pages: int = 1) -> bytes:
    """The list re-issued as a scan: a page an image each, no text layer."""
    from make_fixtures import PdfPage, pdf_document

    return pdf_document([PdfPage().image(50, 400, 200, 100, bytes(range(n, n + 64)) * 4, (16, 16))
                         for n in range(pages)])


def test_a_scan_replacing_the_list_is_no_removal_of_its_items(nights):
    """The annex re-issued as a scan (no text layer): the file changed, and the night says so
    and that its text cannot be read, but what it lists is not known: the items last read stay
    the list, and no item is reported removed (before: all four, and the day's list emptied);
    another scan after it still keeps them."""
    nights.store(page(), "2026-03-16")
    assert annex(scan()).reason.startswith("no-text-layer")
    [changed] = [c for c in item_changes(nights.archive, page(scan()))
                 if c.kind == "document_changed"]
    assert "controlled_items" not in changed.diff and "removed" not in changed.summary
    assert "its text cannot be read: no-text-layer" in changed.summary
    assert nights.store(page(scan()), "2026-12-01") == "changed"
    first = [("1C940.a", "8112120000"), ("1C940.b", "7405000000"), ("1C941", "2825909000"),
             ("1E940", None)]
    assert on(nights.archive, "2026-12-01") == on(nights.archive, "2026-06-01") == first
    assert nights.store(page(scan(2)), "2026-12-05") == "changed"
    assert on(nights.archive, "2026-12-05") == first


def test_an_annex_fetched_on_a_later_night_keeps_its_versions_days(nights):
    """The first night's annex failed (nothing kept yet): the page's version has no items; the
    next night fetches it under the same page: the same version's list, from the start."""
    failed = AnnexFile(ANNEX, "附件：铍相关物项清单.pdf", problem="annex …: HTTP 503")
    nights.store(page(annexes=[failed]), "2026-03-16")
    assert on(nights.archive, "2026-03-16") == []
    assert nights.store(page(), "2026-03-17") == "unchanged"
    assert [c for c, _ in on(nights.archive, "2026-03-16")] == [
        "1C940.a", "1C940.b", "1C941", "1E940"]
    assert {r[0] for r in nights.archive.db.execute(
        "select valid_from from controlled_items")} == {None}


def test_the_measure_page_shows_the_days_list_and_what_left_it(nights):
    nights.store(page(), "2026-03-16")
    nights.store(page(REISSUED), "2026-12-01")
    before = measure_page(nights.archive, MEASURE, "2026-04-01")
    assert [r["hs_code"] for r in before["controlled_items"]][:1] == ["8112120000"]
    assert before["items_dropped"] == []
    after = measure_page(nights.archive, MEASURE, "2026-12-05")
    assert [r["hs_code"] for r in after["controlled_items"]][:1] == ["8112190000"]
    assert [(r["code"], r["hs_code"], r["valid_until"]) for r in after["items_dropped"]] == [
        ("1C940.a", "8112120000", "2026-11-30"), ("1C941", "2825909000", "2026-11-30")]


def test_an_archive_from_before_keeps_its_current_items(tmp_path):
    """An archive made before m911 (its controlled_items without the days, the latest
    version's rows only): they are the current list, from the start; the next re-issued list
    ends them the day before its night."""
    nights = Nights(tmp_path)
    try:
        nights.store(page(), "2026-03-16")
    finally:
        nights.archive.close()
    conn = sqlite3.connect(nights.path)  # the table as an older regwatch had it
    conn.execute("alter table controlled_items drop column valid_from")
    conn.execute("alter table controlled_items drop column valid_until")
    conn.execute("delete from _sqlite_migrations where name = 'm911_controlled_items_history'")
    conn.commit()
    conn.close()
    nights = Nights(tmp_path)  # opening applies m911
    try:
        a = nights.archive
        assert a.upgraded == 1
        assert on(a, "2026-04-01") == on(a, "2030-01-01") == [
            ("1C940.a", "8112120000"), ("1C940.b", "7405000000"), ("1C941", "2825909000"),
            ("1E940", None)]
        assert canned(nights.path, "measures_controlling_hs", hs="8112120000", on="")
        nights.store(page(REISSUED), "2026-12-01")
        assert ("1C941", "2825909000") in on(a, "2026-11-30")
        assert ("1C941", "2825909000") not in on(a, "2026-12-01")
    finally:
        nights.archive.close()


def test_scraped_item_text_is_escaped_on_the_measure_page(nights):
    hostile = make_annexes.item_list("附件：铍相关物项清单", [
        ["1", "1C940.a", "铍<script>alert(1)</script>", "<b>bold</b> beryllium", "8112190000"]])
    nights.store(page(), "2026-03-16")
    nights.store(page(hostile), "2026-12-01")
    nights.archive.close()
    base, process = start_server(nights.path)
    try:
        html = get(f"{base}/archive/measures/{MEASURE}?on=2026-12-02")
        old = get(f"{base}/archive/measures/{MEASURE}?on=2026-04-01")
    finally:
        stop_server(process)
        nights.archive = Archive.open(nights.path)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>bold" not in html and "&lt;b&gt;bold&lt;/b&gt; beryllium" in html
    assert "No longer on its list on 2026-12-02 (4)" in html  # the whole first list left it
    assert "Controlled items (4)" in old and "&lt;script&gt;" not in old


# --------------------------------------------------------------------------- the demo, crawled on


@pytest.fixture
def reissued(demo, tmp_path):
    """The demo's archive crawled on 2026-12-01 from night 13's pages with No. 15's annex
    re-issued (1C940.a's HS code 8112120000 → 8112190000, 1C941 dropped): (folder, report)."""
    folder = tmp_path / "demo"
    folder.mkdir()
    for name in ("archive.db", "evidence"):
        source = demo[0] / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / name)
    mirror = tmp_path / "mirror"
    shutil.copytree(REPO / "demo" / "nights" / "2026-11-22", mirror)
    (mirror / ANNEX_PATH).parent.mkdir(parents=True, exist_ok=True)
    (mirror / ANNEX_PATH).write_bytes(REISSUED)
    result = regwatch("crawl", "--mirror", str(mirror), "--as-of", "2026-12-01", cwd=folder)
    assert result.returncode == 0, result.stderr
    report = json.loads((folder / "diff_reports" / "2026-12-01-001.json").read_text("utf-8"))
    return folder, report


def test_the_demo_crawled_on_with_a_reissued_annex(reissued):
    folder, report = reissued
    [changed] = [c for c in report["changes"] if c["kind"] == "document_changed"
                 and c["measure"] == MEASURE]
    assert "1C940.a: HS 8112120000 → 8112190000; removed: 1C941" in changed["summary"]
    assert [r["code"] for r in changed["diff"]["controlled_items"]["removed"]] == ["1C941"]
    db = folder / "archive.db"

    def hs(code: str, day: str) -> list[str]:
        return [r["measure"] for r in canned(db, "measures_controlling_hs", hs=code, on=day)]

    assert hs("8112120000", "2026-04-01") == [MEASURE] and hs("8112120000", "2026-12-01") == []
    assert hs("8112190000", "2026-04-01") == [] and hs("8112190000", "2026-12-01") == [MEASURE]
    assert [r["status"] for r in canned(db, "what_code_covers", code="1C941",
                                        on="2026-04-01")] == ["in_force"]
    assert canned(db, "what_code_covers", code="1C941", on="2026-12-01") == []
    md = (folder / "diff_reports" / "2026-12-01-001.md").read_text("utf-8")
    assert "1C940.a: HS 8112120000 → 8112190000" in md


def test_the_demos_replaced_no61_annex_names_its_item_changes(demo):
    """Night 8 (2026-03-16): No. 61's annex replaced under its unchanged page: the target
    sharpened to 溅射靶材 (item 2 of part 2), an item 3 added; both lists are kept."""
    folder, _ = demo
    report = json.loads((folder / "diff_reports" / "2026-03-16-001.json").read_text("utf-8"))
    [changed] = [c for c in report["changes"] if c["kind"] == "document_changed"]
    items = changed["diff"]["controlled_items"]
    assert items["lines"] == [
        "第二部分 2.: 含有第一部分所列物项的靶材 → 含有第一部分所列物项的溅射靶材",
        "added: 第二部分 3. 含有第一部分所列物项的稀土抛光粉"]
    conn = sqlite3.connect(folder / "archive.db")
    days = conn.execute("select version, valid_from, valid_until, count(*) from "
                        "controlled_items where measure = 'MOFCOM-2025-61' group by version "
                        "order by version").fetchall()
    conn.close()
    assert days == [(1, None, "2026-03-15", 4), (2, "2026-03-16", None, 5)]
