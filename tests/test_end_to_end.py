"""End to end: the bundled nights replayed through the real spiders, pipelines and CLI."""

import json
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO

NIGHTS = REPO / "demo" / "nights"
NO58_ZWGK = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_79646f0161564975a938fe00fee158d5.html"
SUSPENDED = ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58",
             "MOFCOM-2025-61", "MOFCOM-2025-62"]
REPORT_KEYS = {"run_id", "as_of", "previous_run_id", "sources", "changes"}
CHANGE_KEYS = {"kind", "measure", "document", "from", "to", "by", "until", "title", "url",
               "source", "category", "confidence", "summary", "diff"}


def regwatch(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def report(folder: Path, run_id: str) -> dict:
    return json.loads((folder / "diff_reports" / f"{run_id}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    result = regwatch("demo", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder, result.stdout


def by_kind(rep: dict) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for change in rep["changes"]:
        groups.setdefault(change["kind"], []).append(change)
    return groups


def test_demo_prints_each_night_and_the_suspension(demo):
    _, out = demo
    assert "night of 2025-10-09" in out or "run 2025-10-09-001" in out
    assert "run 2025-11-08-001" in out
    assert "MOFCOM-2025-61 is now suspended by MOFCOM-2025-70 until 2026-11-10" in out


def test_reports_follow_the_contract(demo):
    folder, _ = demo
    for run_id in ("2025-10-09-001", "2025-11-08-001"):
        rep = report(folder, run_id)
        assert set(rep) == REPORT_KEYS
        assert all(set(c) == CHANGE_KEYS for c in rep["changes"])
        assert all(set(s) == {"name", "status", "items", "problems"} for s in rep["sources"])
        for suffix in ("md", "html"):
            assert (folder / "diff_reports" / f"{run_id}.{suffix}").stat().st_size > 0
    assert report(folder, "2025-11-08-001")["previous_run_id"] == "2025-10-09-001"


def test_first_night_finds_six_measures(demo):
    folder, _ = demo
    rep = report(folder, "2025-10-09-001")
    groups = by_kind(rep)
    assert sorted(c["measure"] for c in groups["new_measure"]) == SUSPENDED
    assert set(groups) == {"new_measure", "new_document"}
    assert len(groups["new_document"]) == 11
    assert {s["name"]: s["status"] for s in rep["sources"]} == {
        "mofcom": "ok", "mofcom_exportcontrol": "ok", "mofcom_consulates": "ok"}


def test_second_night_finds_no70_the_suspension_and_the_changed_page(demo):
    folder, _ = demo
    groups = by_kind(report(folder, "2025-11-08-001"))
    assert [c["measure"] for c in groups["new_measure"]] == ["MOFCOM-2025-70"]
    status = {c["measure"]: (c["from"], c["to"], c["by"], c["until"])
              for c in groups["status_changed"]}
    assert sorted(status) == SUSPENDED
    assert all(v[1:] == ("suspended", "MOFCOM-2025-70", "2026-11-10") for v in status.values())
    [changed] = groups["document_changed"]
    assert changed["url"] == NO58_ZWGK
    assert any("156" in line and line.startswith("+") for line in changed["diff"]["text"])
    [problem] = groups["source_problem"]
    assert problem["source"] == "mofcom_exportcontrol" and "SSI" in problem["summary"]
    assert Counter(c["source"] for c in groups["new_document"]) == {
        "mofcom": 2, "mofcom_consulates": 1}
    assert "document_removed" not in groups


def test_archive_holds_no70_with_dates_issuers_category_confidence(demo):
    folder, _ = demo
    db = sqlite3.connect(folder / "archive.db")
    db.row_factory = sqlite3.Row
    row = db.execute("select * from measures where id = 'MOFCOM-2025-70'").fetchone()
    assert json.loads(row["issuers"]) == ["MOFCOM", "GACC"]
    assert (row["published"], row["category"], row["confidence"]) == (
        "2025-11-07", "suspension", "high")
    docs = db.execute("select count(*) from document_measures where measure = 'MOFCOM-2025-70' "
                      "and relation = 'issues'").fetchone()[0]
    assert docs == 2  # one measure, two documents


def test_rerun_of_the_same_night_reports_nothing(demo, tmp_path):
    folder, _ = demo
    db = tmp_path / "copy.db"
    subprocess.run(["sqlite3", str(folder / "archive.db"), f".backup {db}"], check=False)
    if not db.exists():  # no sqlite3 binary: copy with Python's backup API
        src = sqlite3.connect(folder / "archive.db")
        dst = sqlite3.connect(db)
        src.backup(dst)
        dst.close()
    before = sqlite3.connect(db).execute("select count(*) from documents").fetchone()[0]
    result = regwatch("crawl", "--mirror", str(NIGHTS / "2025-11-08"), "--as-of", "2025-11-08",
                      "--db", str(db), "--reports", str(tmp_path / "r"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rep = json.loads((tmp_path / "r" / "2025-11-08-002.json").read_text(encoding="utf-8"))
    assert rep["changes"] == []
    after = sqlite3.connect(db).execute("select count(*) from documents").fetchone()[0]
    assert after == before


KILL_AFTER_MEASURES = """
import os, sys
from pipelines.archive import Archive
original = Archive.store_measure_ref
calls = [0]
def dying(self, *args, **kwargs):
    calls[0] += 1
    if calls[0] == int(os.environ["DIE_AT"]):
        os._exit(9)  # killed in the middle of an item's transaction
    return original(self, *args, **kwargs)
Archive.store_measure_ref = dying
from crawler.cli import cli
cli(sys.argv[1:])
"""


def test_crawl_killed_mid_run_and_rerun_leaves_no_duplicates(tmp_path):
    args = ["crawl", "--mirror", str(NIGHTS / "2025-10-09"), "--as-of", "2025-10-09",
            "--db", "a.db"]
    killed = subprocess.run([sys.executable, "-c", KILL_AFTER_MEASURES, *args], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300,
                            env={**__import__("os").environ, "DIE_AT": "5"})
    assert killed.returncode == 9
    db = sqlite3.connect(tmp_path / "a.db")
    partial = db.execute("select count(*) from documents").fetchone()[0]
    assert 0 < partial < 11
    result = regwatch(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    counts = dict(db.execute(
        "select 'documents', count(*) from documents union all "
        "select 'distinct_urls', count(distinct url) from documents union all "
        "select 'versions', count(*) from document_versions union all "
        "select 'new_document', count(*) from changes where kind = 'new_document' union all "
        "select 'new_measure', count(*) from changes where kind = 'new_measure'").fetchall())
    assert counts == {"documents": 11, "distinct_urls": 11, "versions": 11,
                      "new_document": 11, "new_measure": 6}
    statuses = dict(db.execute("select id, status from runs").fetchall())
    assert statuses == {"2025-10-09-001": "interrupted", "2025-10-09-002": "completed"}
    rep = json.loads((tmp_path / "diff_reports" / "2025-10-09-002.json").read_text())
    assert len(rep["changes"]) == 17  # the killed run's changes are reported, none twice
