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
NIGHT_NAMES = sorted(p.name for p in NIGHTS.iterdir() if p.is_dir())
NO58_ZWGK = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_79646f0161564975a938fe00fee158d5.html"
SUSPENDED = ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58",
             "MOFCOM-2025-61", "MOFCOM-2025-62"]
NIGHT1_MEASURES = sorted(["MOFCOM-2025-18", *SUSPENDED])  # No. 18 of 2025: 4 April, joint
RUNS = ("2025-10-09-001", "2025-11-08-001", "2026-01-06-001")
SOURCES = {"mofcom", "mofcom_exportcontrol", "mofcom_consulates", "customs", "globaltimes",
           "chinadaily"}
# News articles the relevance rule leaves out (nothing about export control or trade measures).
UNRELATED = ["https://www.globaltimes.cn/page/202510/1345071.shtml",
             "https://www.chinadaily.com.cn/a/202510/08/WS68e5be98a310d6866eb3a03e.html"]
GACC_219 = ("https://www.customs.gov.cn/customs/302249/zfxxgk/2799825/302274/302275/6736521/"
            "index.html")
SEED_003 = "https://www.chinadaily.com.cn/a/202601/06/WS695c6f2ea310d6866eb3b2a1.html"
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
    assert "replaying 3 nights" in out
    assert all(f"run {run_id}" in out for run_id in RUNS)
    assert "MOFCOM-2025-61 is now suspended by MOFCOM-2025-70 until 2026-11-10" in out


def test_reports_follow_the_contract(demo):
    folder, _ = demo
    for run_id in RUNS:
        rep = report(folder, run_id)
        assert set(rep) == REPORT_KEYS
        assert all(set(c) == CHANGE_KEYS for c in rep["changes"])
        assert all(set(s) == {"name", "status", "items", "problems"} for s in rep["sources"])
        for suffix in ("md", "html"):
            assert (folder / "diff_reports" / f"{run_id}.{suffix}").stat().st_size > 0
    assert report(folder, "2025-11-08-001")["previous_run_id"] == "2025-10-09-001"
    assert report(folder, "2026-01-06-001")["previous_run_id"] == "2025-11-08-001"


def test_first_night_finds_seven_measures(demo):
    folder, _ = demo
    rep = report(folder, "2025-10-09-001")
    groups = by_kind(rep)
    assert sorted(c["measure"] for c in groups["new_measure"]) == NIGHT1_MEASURES
    assert set(groups) == {"new_measure", "new_document", "source_problem"}
    assert Counter(c["source"] for c in groups["new_document"]) == {
        "mofcom": 9, "mofcom_exportcontrol": 2, "mofcom_consulates": 1, "globaltimes": 1,
        "chinadaily": 1}
    assert {s["name"]: s["status"] for s in rep["sources"]} == {
        "mofcom": "ok", "mofcom_exportcontrol": "ok", "mofcom_consulates": "ok",
        "customs": "failed", "globaltimes": "ok", "chinadaily": "ok"}


def test_first_night_customs_answers_a_challenge_reported_once(demo):
    folder, _ = demo
    rep = report(folder, "2025-10-09-001")
    [problem] = by_kind(rep)["source_problem"]
    assert problem["source"] == "customs"
    assert "bot challenge at www.customs.gov.cn" in problem["summary"]
    assert "412" in problem["summary"]
    assert [c for c in rep["changes"] if c["source"] == "customs"] == [problem]
    [customs] = [s for s in rep["sources"] if s["name"] == "customs"]
    assert customs["items"] == 0
    assert sum("challenge" in p for p in customs["problems"]) == 1


def test_second_night_finds_no70_the_suspension_and_the_changed_page(demo):
    folder, _ = demo
    groups = by_kind(report(folder, "2025-11-08-001"))
    assert sorted(c["measure"] for c in groups["new_measure"]) == [
        "GACC-2025-219", "MOFCOM-2025-70"]
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
        "mofcom": 2, "mofcom_consulates": 1, "customs": 1, "globaltimes": 1}
    assert "document_removed" not in groups


def test_second_night_customs_answers_and_no219_is_a_tariff_measure(demo):
    folder, _ = demo
    rep = report(folder, "2025-11-08-001")
    assert {s["name"]: s["status"] for s in rep["sources"]}["customs"] == "ok"
    groups = by_kind(rep)
    [new] = [c for c in groups["new_measure"] if c["measure"] == "GACC-2025-219"]
    assert (new["source"], new["url"], new["category"], new["confidence"]) == (
        "customs", GACC_219, "tariff", "high")
    assert [c["url"] for c in groups["new_document"] if c["source"] == "customs"] == [GACC_219]
    db = sqlite3.connect(folder / "archive.db")
    assert db.execute("select series, issuers, category, confidence from measures "
                      "where id = 'GACC-2025-219'").fetchone() == (
        "GACC", '["GACC"]', "tariff", "high")


def test_third_night_finds_seed_003_and_no1_of_2026(demo):
    folder, _ = demo
    rep = report(folder, "2026-01-06-001")
    groups = by_kind(rep)
    assert set(groups) == {"new_document", "new_measure", "status_changed"}
    assert [c["measure"] for c in groups["new_measure"]] == ["MOFCOM-2026-1"]
    # No. 219 said 自2025年11月10日起: announced on 8 Nov, in force by this night
    assert [(c["measure"], c["from"], c["to"]) for c in groups["status_changed"]] == [
        ("GACC-2025-219", "announced", "in_force")]
    assert sorted((c["source"], c["url"]) for c in groups["new_document"]) == [
        ("chinadaily", SEED_003),
        ("mofcom", "https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/"
                   "art_8990fedae8fa462eb02cc9bae5034e91.html")]
    statuses = {s["name"]: s["status"] for s in rep["sources"]}
    assert statuses.pop("mofcom_exportcontrol") == "degraded"  # No. 70's page is still broken
    assert set(statuses.values()) == {"ok"} and set(statuses) | {"mofcom_exportcontrol"} == SOURCES


def test_unrelated_news_is_left_out(demo):
    folder, _ = demo
    db = sqlite3.connect(folder / "archive.db")
    for url in UNRELATED:
        assert db.execute("select count(*) from documents where url = ?", [url]).fetchone() == (0,)
        assert db.execute("select count(*) from changes where url = ?", [url]).fetchone() == (0,)
    news = dict(db.execute("select source, count(*) from documents "
                           "where source in ('globaltimes', 'chinadaily') group by source"))
    assert news == {"globaltimes": 2, "chinadaily": 2}


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


@pytest.mark.parametrize("night", NIGHT_NAMES)
def test_rerun_of_the_same_night_reports_nothing(night, tmp_path):
    db, reports = tmp_path / "a.db", tmp_path / "r"
    for earlier in NIGHT_NAMES[:NIGHT_NAMES.index(night) + 1]:
        result = regwatch("crawl", "--mirror", str(NIGHTS / earlier), "--as-of", earlier,
                          "--db", str(db), "--reports", str(reports), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    before = sqlite3.connect(db).execute("select count(*) from documents").fetchone()[0]
    result = regwatch("crawl", "--mirror", str(NIGHTS / night), "--as-of", night,
                      "--db", str(db), "--reports", str(reports), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rep = json.loads((reports / f"{night}-002.json").read_text(encoding="utf-8"))
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
    assert 0 < partial < 14
    result = regwatch(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    counts = dict(db.execute(
        "select 'documents', count(*) from documents union all "
        "select 'distinct_urls', count(distinct url) from documents union all "
        "select 'versions', count(*) from document_versions union all "
        "select 'new_document', count(*) from changes where kind = 'new_document' union all "
        "select 'new_measure', count(*) from changes where kind = 'new_measure'").fetchall())
    assert counts == {"documents": 14, "distinct_urls": 14, "versions": 14,
                      "new_document": 14, "new_measure": 7}
    statuses = dict(db.execute("select id, status from runs").fetchall())
    assert statuses == {"2025-10-09-001": "interrupted", "2025-10-09-002": "completed"}
    rep = json.loads((tmp_path / "diff_reports" / "2025-10-09-002.json").read_text())
    # the killed run's changes are reported, none twice: 14 documents, 7 measures, and the
    # customs challenge (a source problem of the completed run)
    assert len(rep["changes"]) == 22
    assert Counter(c["kind"] for c in rep["changes"]) == {
        "new_document": 14, "new_measure": 7, "source_problem": 1}
