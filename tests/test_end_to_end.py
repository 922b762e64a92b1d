"""End to end: the bundled nights replayed through the real spiders, pipelines and CLI.

demo/README.md says what each night carries and what its replay should report.
"""

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO, regwatch

from crawler.demo import DEMO_SETTINGS

NIGHTS = REPO / "demo" / "nights"
NIGHT_NAMES = sorted(p.name for p in NIGHTS.iterdir() if p.is_dir())
EXPECTED_NIGHTS = ["2025-10-09", "2025-11-08", "2025-11-10", "2025-11-12", "2025-11-13",
                   "2026-01-06", "2026-01-20", "2026-03-16", "2026-05-12", "2026-07-21",
                   "2026-09-28", "2026-11-05", "2026-11-22"]
RUNS = tuple(f"{night}-001" for night in EXPECTED_NIGHTS)
MOFCOM = "https://www.mofcom.gov.cn"
NO58_ZWGK = f"{MOFCOM}/zwgk/zcfb/art/2025/art_79646f0161564975a938fe00fee158d5.html"
NO72 = f"{MOFCOM}/zcfb/blgg/gg/2025/art/2025/art_bc4513421bb24faaa84e44c2e4f36dc5.html"
NO1_2026 = f"{MOFCOM}/zwgk/zcfb/art/2026/art_8990fedae8fa462eb02cc9bae5034e91.html"
NO46_EXPORTCONTROL = "http://exportcontrol.mofcom.gov.cn/article/zcfg/gnzcfg/zcfggzqd/202412/1072.html"
GT_READOUT = "https://www.globaltimes.cn/page/202609/1356420.shtml"
SUSPENDED = ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58",
             "MOFCOM-2025-61", "MOFCOM-2025-62"]
# No. 18 of 2025: 4 April, joint; No. 46 of 2024 (US): on the export-control portal
NIGHT1_MEASURES = sorted(["MOFCOM-2025-18", "MOFCOM-2024-46", *SUSPENDED])
SOURCES = {"mofcom", "mofcom_exportcontrol", "mofcom_consulates", "customs", "globaltimes",
           "chinadaily", "mofcom_aqygzj", "mofcom_english", "mofcom_press"}
# Crawls of the bundled nights walk back as far as the demo's history goes.
DEMO_ENV = {**os.environ, **DEMO_SETTINGS}
MOFCOM_LISTS = {"www.mofcom.gov.cn/zcfb/blgg/gg/2023", "www.mofcom.gov.cn/zcfb/blgg/gg/2024",
                "www.mofcom.gov.cn/zcfb/blgg/gg/2025", "www.mofcom.gov.cn/zwgk/zcfb"}
NO70_EN = ("https://english.mofcom.gov.cn/policyrelease/announcement/art/2025/"
           "art_3bfcb45d719c4677d5fd9d31ae4b1405.html")
PRESS_20251113 = f"{MOFCOM}/xwfb/xwrcjd/art/2025/art_35812e594d0358b34a4b148ee684762c.html"
PRESS_READOUT = f"{MOFCOM}/xwfb/sjfzrfb/art/2026/art_cd060e0649964da8ae13216c3bb1a645.html"
# Reminders computed from dates already in the archive (ChangeKind.DEADLINE_NEAR/_PASSED), not
# something a night's pages showed: the per-night checks of what was found leave them aside.
REMINDERS = {"deadline_near", "deadline_passed"}
# No. 72 suspends paragraph 2 of No. 46 only (paragraph 1, the ban on US military users, stays).
NO46_SUSPENDED = {"partially_suspended"}
# News articles the relevance rule leaves out (nothing about export control or trade measures).
UNRELATED = ["https://www.globaltimes.cn/page/202510/1345071.shtml",
             "https://www.chinadaily.com.cn/a/202510/08/WS68e5be98a310d6866eb3a03e.html"]
GACC_219 = ("https://www.customs.gov.cn/customs/302249/zfxxgk/2799825/302274/302275/6736521/"
            "index.html")
SEED_003 = "https://www.chinadaily.com.cn/a/202601/06/WS695c6f2ea310d6866eb3b2a1.html"
REPORT_KEYS = {"run_id", "as_of", "previous_run_id", "sources", "changes"}
CHANGE_KEYS = {"kind", "measure", "document", "from", "to", "by", "until", "title", "url",
               "source", "category", "confidence", "summary", "diff"}
ENTITY_CHANGE_KEYS = CHANGE_KEYS | {"entity", "list"}  # entity_listed, entity_status_changed


def report(folder: Path, run_id: str) -> dict:
    return report_at(folder / "diff_reports", run_id)


def by_kind(rep: dict) -> dict[str, list[dict]]:
    """The night's findings by kind (reminders left aside)."""
    groups: dict[str, list[dict]] = {}
    for change in rep["changes"]:
        if change["kind"] not in REMINDERS:
            groups.setdefault(change["kind"], []).append(change)
    return groups


def statuses(rep: dict) -> dict[str, str]:
    return {s["name"]: s["status"] for s in rep["sources"]}


def test_the_nights_are_the_scenario_timeline():
    assert NIGHT_NAMES == EXPECTED_NIGHTS


def test_demo_prints_each_night_and_the_suspensions(demo):
    _, out = demo
    assert f"replaying {len(EXPECTED_NIGHTS)} nights" in out
    assert all(f"run {run_id}" in out for run_id in RUNS)
    assert "MOFCOM-2025-61 is now suspended by MOFCOM-2025-70 until 2026-11-10" in out
    assert re.search(r"MOFCOM-2024-46 is now (partially_)?suspended by MOFCOM-2025-72 "
                     r"until 2026-11-27", out)


def readme_demo_lines() -> list[str]:
    """The lines of the demo's output the README quotes (its first fenced block after "then
    where the last report is:"), each without the "..." that stands for what it leaves out."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("then where the last report is:", 1)[1].split("```", 2)[1]
    lines = [" ".join(line.split()).removesuffix("...").rstrip(" ,") for line in
             block.splitlines()]
    return [line for line in lines if line]


def test_the_readme_quotes_what_the_demo_prints(demo):
    """Every line of the README's quoted demo output (wrapped lines as fragments) is in what
    `regwatch demo` prints: a figure the README gives is the demo's."""
    _, out = demo
    printed = " ".join(out.split())
    lines = readme_demo_lines()
    assert len(lines) > 10
    # (the evidence store's size varies by a byte or two: gzip over the fetch's own clock)
    def pattern(line: str) -> str:
        return re.sub(r"[\d,]+ bytes", r"[\\d,]+ bytes",
                      re.escape(line).replace(r"\ bytes", " bytes"))

    assert [line for line in lines if not re.search(pattern(line), printed)] == []


def test_reports_follow_the_contract(demo):
    folder, _ = demo
    for run_id in RUNS:
        rep = report(folder, run_id)
        assert set(rep) == REPORT_KEYS
        assert all(set(c) == (ENTITY_CHANGE_KEYS if c["kind"].startswith("entity_")
                              else CHANGE_KEYS) for c in rep["changes"])
        # (notes, when a source read lists past their first pages: catching up, last year's
        # index walked to its end; the contract's keys otherwise)
        assert all(set(s) - {"notes"} == {"name", "status", "items", "problems"}
                   and s.get("notes", ["x"]) for s in rep["sources"])
        assert {s["name"] for s in rep["sources"]} == SOURCES
        for suffix in ("md", "html"):
            assert (folder / "diff_reports" / f"{run_id}.{suffix}").stat().st_size > 0
    assert report(folder, RUNS[0])["previous_run_id"] is None
    for previous, run_id in zip(RUNS, RUNS[1:], strict=False):
        assert report(folder, run_id)["previous_run_id"] == previous


def test_first_night_is_a_backfill_that_lists_only_the_recent(demo):
    folder, _ = demo
    rep = report(folder, "2025-10-09-001")
    groups = by_kind(rep)
    assert set(groups) == {"backfill", "new_measure", "new_document", "source_problem"}
    # the night's own announcements are listed, with their statuses
    assert sorted(c["measure"] for c in groups["new_measure"]) == SUSPENDED
    assert Counter(c["source"] for c in groups["new_document"]) == {
        "mofcom": 8, "mofcom_exportcontrol": 2, "mofcom_english": 1}
    # one summary per source; the history is archived without a change each
    assert {c["source"] for c in groups["backfill"]} == SOURCES - {"customs"}  # challenged
    [mofcom] = [c for c in groups["backfill"] if c["source"] == "mofcom"]
    assert (mofcom["diff"]["complete"], mofcom["diff"]["earliest"], mofcom["diff"]["pages"]) == (
        True, "2023-07-03", 10)
    assert {w["list"] for w in mofcom["diff"]["lists"]} == MOFCOM_LISTS
    db = sqlite3.connect(folder / "archive.db")
    measures = {m for (m,) in db.execute("select id from measures")}
    history = {f"MOFCOM-2024-{n}" for n in range(1, 52) if n not in (47, 48)}
    assert set(NIGHT1_MEASURES) | history <= measures
    assert not measures & {"MOFCOM-2024-47", "MOFCOM-2024-48", "MOFCOM-2023-20"}
    assert statuses(rep) == {**dict.fromkeys(SOURCES, "ok"), "customs": "failed"}


def test_first_night_knows_the_statuses_of_the_history(demo):
    folder, _ = demo
    db = sqlite3.connect(folder / "archive.db")
    status_on = {m: s for m, s in db.execute(
        'select measure, status from measure_status where clause is null '
        'and "from" <= \'2025-10-09\' and ("to" is null or "to" >= \'2025-10-09\')')}
    assert status_on["MOFCOM-2024-46"] == "in_force"  # No. 72 comes on night 3
    assert status_on["MOFCOM-2025-18"] == "in_force"
    assert status_on["MOFCOM-2025-55"] == "announced"  # takes effect on 8 Nov


def test_first_night_shows_the_archive_and_the_number_gap(demo):
    folder, out = demo
    summary = ("The archive now holds 63 measures from 2023-07 to 2025-10; 59 in force, "
               "0 suspended, 4 deadlines within 30 days.")
    assert summary in out
    assert "MOFCOM 2024: numbers 1-51 seen except: MOFCOM-2024-47, -48 (may be missing)" in out
    md = (folder / "diff_reports" / "2025-10-09-001.md").read_text(encoding="utf-8")
    assert summary in md and "may be missing: MOFCOM-2024-47, -48" in md
    db = sqlite3.connect(folder / "archive.db")
    assert db.execute("select measure, after, before from number_gaps where year = 2024"
                      ).fetchall() == [("MOFCOM-2024-47", 46, 49), ("MOFCOM-2024-48", 46, 49)]
    # (after the last night: 2025 was walked to its end on the first night of 2026, and the
    # demo's abridged 2025 index leaves numbers out)
    assert db.execute("select count(*) from number_gaps where series = 'MOFCOM' and year = 2025"
                      ).fetchone() == (62,)
    # the year under way is checked from this night on, below the highest number published a
    # week before (Nos. 55-58, 61, 62 of today are not yet counted): listed since this night
    assert "MOFCOM 2025 (under way; highest seen: No. 62): may be missing: MOFCOM-2025-1 … -17, " \
        "-19, -20" in out
    assert db.execute("select min(noticed_on), max(number) from number_gaps where series = "
                      "'MOFCOM' and year = 2025 and number < 21").fetchone() == ("2025-10-09", 20)
    # GACC's column, walked back on the second night, checks its 2025 so far: No. 219 (6
    # November) counts from 13 November
    assert db.execute("select count(*), min(noticed_on), max(noticed_on) from number_gaps "
                      "where series = 'GACC' and year = 2025").fetchone() == (
        216, "2025-11-08", "2025-11-13")


def test_first_night_customs_answers_a_challenge_reported_once(demo):
    folder, _ = demo
    rep = report(folder, "2025-10-09-001")
    [problem] = by_kind(rep)["source_problem"]
    assert problem["source"] == "customs"
    assert "bot challenge at www.customs.gov.cn" in problem["summary"]
    assert "412" in problem["summary"]
    # its walk back waits for a night it answers (the second): no summary of nothing
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
    # the versions it compared, and the page that shows them side by side
    assert changed["diff"]["versions"] == {"from": 1, "to": 2}
    page = (folder / "diff_reports" / "2025-11-08-001.html").read_text(encoding="utf-8")
    assert (f'/archive/-/compare/{changed["document"]}?from=1&amp;to=2">versions 1 → 2 '
            "compared</a>") in page
    [problem] = groups["source_problem"]
    assert problem["source"] == "mofcom_exportcontrol" and "SSI" in problem["summary"]
    assert Counter(c["source"] for c in groups["new_document"]) == {
        "mofcom": 2, "mofcom_consulates": 1, "customs": 1, "globaltimes": 1, "mofcom_english": 1}
    assert "document_removed" not in groups


def test_second_night_customs_walks_back_what_the_challenge_kept_it_from(demo):
    folder, _ = demo
    [backfill] = by_kind(report(folder, "2025-11-08-001"))["backfill"]
    assert (backfill["source"], backfill["diff"]["complete"], backfill["diff"]["pages"],
            backfill["diff"]["earliest"]) == ("customs", True, 2, "2024-12-30")
    db = sqlite3.connect(folder / "archive.db")
    assert db.execute("select count(*) from documents where source = 'customs'").fetchone() == (
        4,)


def test_second_night_no70_gets_its_official_english_title(demo):
    folder, _ = demo
    db = sqlite3.connect(folder / "archive.db")
    title, machine, document = db.execute(
        "select title_en, title_en_machine_translated, title_en_document from measures "
        "where id = 'MOFCOM-2025-70'").fetchone()
    assert title.startswith("MOFCOM General Administration of Customs Announcement No. 70 of "
                            "2025") and machine == 0
    url, original = db.execute("select url, translation_of from documents where id = ?",
                               [document]).fetchone()
    assert url == NO70_EN
    assert db.execute("select url from documents where id = ?", [original]).fetchone() == (
        f"{MOFCOM}/zwgk/zcfb/art/2025/art_b1ec77dd3f0d4762952904df7cdaadec.html",)


def test_second_night_customs_answers_and_no219_is_a_tariff_measure(demo):
    folder, _ = demo
    rep = report(folder, "2025-11-08-001")
    assert statuses(rep)["customs"] == "ok"
    groups = by_kind(rep)
    [new] = [c for c in groups["new_measure"] if c["measure"] == "GACC-2025-219"]
    assert (new["source"], new["url"], new["category"], new["confidence"]) == (
        "customs", GACC_219, "tariff", "high")
    assert [c["url"] for c in groups["new_document"] if c["source"] == "customs"] == [GACC_219]
    db = sqlite3.connect(folder / "archive.db")
    assert db.execute("select series, issuers, category, confidence from measures "
                      "where id = 'GACC-2025-219'").fetchone() == (
        "GACC", '["GACC"]', "tariff", "high")


def test_no72_suspends_no46_until_27_november(demo):
    folder, _ = demo
    groups = by_kind(report(folder, "2025-11-10-001"))
    assert set(groups) == {"new_document", "new_measure", "status_changed"}
    [new] = groups["new_measure"]
    assert (new["measure"], new["source"], new["url"], new["category"], new["confidence"]) == (
        "MOFCOM-2025-72", "mofcom", NO72, "suspension", "high")
    # listed on both mofcom lists under the same link: one document
    assert [(c["source"], c["url"]) for c in groups["new_document"]] == [("mofcom", NO72)]
    status = {c["measure"]: (c["from"], c["to"], c["by"], c["until"])
              for c in groups["status_changed"]}
    assert sorted(status) == ["GACC-2025-219", "MOFCOM-2024-46"]
    # No. 219 said 自2025年11月10日起: announced on 8 Nov, in force this night
    assert status["GACC-2025-219"] == ("announced", "in_force", None, None)
    was, now, by, until = status["MOFCOM-2024-46"]
    assert (was, now in NO46_SUSPENDED, by, until) == (
        "in_force", True, "MOFCOM-2025-72", "2026-11-27")
    db = sqlite3.connect(folder / "archive.db")
    assert db.execute("select issuers, published from measures where id = 'MOFCOM-2025-72'"
                      ).fetchone() == ('["MOFCOM"]', "2025-11-09")
    assert db.execute("select dm.relation, dm.confidence from document_measures dm join "
                      "documents d on d.id = dm.document where d.url = ? and dm.measure = ?",
                      [NO72, "MOFCOM-2024-46"]).fetchone() == ("mentions", "high")


def test_mofcom_down_is_one_source_problem_and_nothing_else(demo):
    folder, _ = demo
    rep = report(folder, "2025-11-12-001")
    assert [c["kind"] for c in rep["changes"]] == ["source_problem"]
    [problem] = rep["changes"]
    assert problem["source"] == "mofcom" and "503" in problem["summary"]
    [mofcom] = [s for s in rep["sources"] if s["name"] == "mofcom"]
    assert (mofcom["status"], mofcom["items"]) == ("failed", 0)
    assert sum("HTTP 503" in p for p in mofcom["problems"]) == 2  # both list pages
    assert statuses(rep) == {**dict.fromkeys(SOURCES, "ok"), "mofcom": "failed",
                             "mofcom_exportcontrol": "degraded"}  # the press lists answered


def test_mofcom_back_the_next_night_with_the_days_press_conference(demo):
    folder, _ = demo
    rep = report(folder, "2025-11-13-001")
    groups = by_kind(rep)
    assert list(groups) == ["new_document"]
    [transcript] = groups["new_document"]
    assert (transcript["source"], transcript["url"], transcript["category"],
            transcript["confidence"]) == ("mofcom_press", PRESS_20251113, "policy_statement",
                                          "medium")
    assert statuses(rep)["mofcom"] == "ok"
    [mofcom] = [s for s in rep["sources"] if s["name"] == "mofcom"]
    assert mofcom["items"] > 0


def test_january_night_finds_seed_003_and_no1_of_2026(demo):
    folder, _ = demo
    rep = report(folder, "2026-01-06-001")
    groups = by_kind(rep)
    assert set(groups) == {"new_document", "new_measure"}
    assert [c["measure"] for c in groups["new_measure"]] == ["MOFCOM-2026-1"]
    assert sorted((c["source"], c["url"]) for c in groups["new_document"]) == [
        ("chinadaily", SEED_003), ("mofcom", NO1_2026)]
    rest = statuses(rep)
    assert rest.pop("mofcom_exportcontrol") == "degraded"  # No. 70's page is still broken
    assert set(rest.values()) == {"ok"} and set(rest) | {"mofcom_exportcontrol"} == SOURCES


def test_amended_no1_of_2026_is_a_changed_document(demo):
    folder, _ = demo
    groups = by_kind(report(folder, "2026-01-20-001"))
    assert set(groups) <= {"document_changed", "measure_amended"}
    [changed] = groups["document_changed"]
    assert (changed["url"], changed["source"]) == (NO1_2026, "mofcom")
    assert set(changed["diff"]["fields"]) == {"title", "body"}
    text = changed["diff"]["text"]
    assert [line for line in text if line.startswith("+") and "其他最终用户" in line]
    assert [line for line in text if line.startswith("-") and "其他最终用户" not in line
            and "最终用户" in line]
    assert all(c["measure"] == "MOFCOM-2026-1" for c in groups.get("measure_amended", []))
    db = sqlite3.connect(folder / "archive.db")
    assert db.execute("select count(*) from document_versions v join documents d "
                      "on d.id = v.document where d.url = ?", [NO1_2026]).fetchone() == (2,)
    assert db.execute("select title_zh from measures where id = 'MOFCOM-2026-1'").fetchone() == (
        "商务部公告2026年第1号 关于加强两用物项对日本出口管制的公告",)


NO61_ZWGK = f"{MOFCOM}/zwgk/zcfb/art/2025/art_7fc9bff0fb4546ecb02f66ee77d0e5f6.html"
NO15_2026 = f"{MOFCOM}/zwgk/zcfb/art/2026/art_6a1f3e2d8c7b4a9e0d5c2b1a3f4e6d8c.html"
NO15_2026_ANNEX = ("www.mofcom.gov.cn/cms_files/filemanager/1928930928/attach/202603/"
                   "4e2a9c7d1b5f3a86.pdf")


def test_march_night_reads_the_new_control_list_and_the_replaced_annex(demo):
    folder, out = demo
    groups = by_kind(report(folder, "2026-03-16-001"))
    assert [c["measure"] for c in groups.pop("new_measure")] == ["MOFCOM-2026-15"]
    assert [c["url"] for c in groups.pop("new_document")] == [NO15_2026]
    [changed] = groups.pop("document_changed")
    assert groups == {}
    assert changed["url"] == NO61_ZWGK and changed["diff"]["fields"] == []
    [annex] = changed["diff"]["annexes"]
    assert annex["sha256_before"] != annex["sha256_after"]
    assert "-2. 含有第一部分所列物项的靶材" in annex["text"]
    assert "+3. 含有第一部分所列物项的稀土抛光粉" in changed["diff"]["text"]
    assert "annex 附件1：相关物项清单.pdf" in out  # the demo spells the replaced annex out
    db = sqlite3.connect(folder / "archive.db")
    items = db.execute("select code, hs_code, description_en from controlled_items "
                       "where measure = 'MOFCOM-2026-15' order by id").fetchall()
    assert items[:2] == [("1C940.a", "8112120000", "Beryllium metal and powder"),
                         ("1C940.b", "7405000000", "Beryllium-copper master alloys")]
    assert db.execute("select count(*) from annexes a join documents d on d.id = a.document "
                      "where d.url = ?", [NO61_ZWGK]).fetchone() == (2,)  # one per version


def test_evidence_writes_the_march_annex_back_byte_for_byte(demo, tmp_path):
    folder, _ = demo
    result = regwatch("evidence", NO15_2026, "--out", str(tmp_path / "no15"), cwd=folder)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "no15" / "4e2a9c7d1b5f3a86.pdf"
    assert written.read_bytes() == (NIGHTS / "2026-03-16" / NO15_2026_ANNEX).read_bytes()
    page = NIGHTS / "2026-03-16" / "www.mofcom.gov.cn/zwgk/zcfb/art/2026" / NO15_2026.rsplit(
        "/", 1)[1]
    assert (tmp_path / "no15" / page.name).read_bytes() == page.read_bytes()
    index = json.loads((tmp_path / "no15" / "index.json").read_text(encoding="utf-8"))
    assert [f["kind"] for f in index["files"]] == ["page", "annex"]
    assert index["files"][1]["url"] == "https://" + NO15_2026_ANNEX


def test_evidence_of_an_article_over_two_pages_has_both(demo, tmp_path):
    folder, _ = demo
    result = regwatch("evidence", SEED_003, "--out", str(tmp_path / "seed3"), cwd=folder)
    assert result.returncode == 0, result.stderr
    night = NIGHTS / "2026-01-06" / "www.chinadaily.com.cn" / "a" / "202601" / "06"
    for name in ("WS695c6f2ea310d6866eb3b2a1.html", "WS695c6f2ea310d6866eb3b2a1_2.html"):
        assert (tmp_path / "seed3" / name).read_bytes() == (night / name).read_bytes()


def test_evidence_grows_only_on_nights_that_change_something(demo):
    folder, out = demo
    evidence = folder / "evidence" / "archive"
    sizes = {night: sum(p.stat().st_size for p in evidence.glob(f"{night}-*"))
             for night in EXPECTED_NIGHTS}
    # 2025-11-13 keeps the press conference's transcript (mofcom_press): a new version; 2026-11-22
    # the China Daily story on licence approvals (a new document)
    assert {night for night, size in sizes.items() if size == 0} == {"2025-11-12", "2026-11-05"}
    assert out.count("evidence: nothing new kept (0 bytes)") == 2


def test_readout_of_the_eighth_round_is_kept_and_linked_to_the_suspension(demo):
    folder, _ = demo
    groups = by_kind(report(folder, "2026-09-28-001"))
    assert sorted((c["source"], c["url"]) for c in groups.pop("new_document")) == [
        ("globaltimes", GT_READOUT), ("mofcom_press", PRESS_READOUT)]
    assert "new_measure" not in groups
    # the readout moves no status; the only change of status that night is No. 19's end (its
    # 90 days' suspension of No. 18 ended on 2026-08-10: CONTRACT section 9)
    assert [(c["measure"], c["to"]) for c in groups.pop("status_changed")] == [
        ("MOFCOM-2026-19", "expired")]
    db = sqlite3.connect(folder / "archive.db")
    db.row_factory = sqlite3.Row
    doc = db.execute("select * from documents where url = ?", [GT_READOUT]).fetchone()
    assert (doc["published"], doc["language"], doc["confidence"]) == ("2026-09-28", "en",
                                                                      "medium")
    body = db.execute("select body from document_versions where document = ?",
                      [doc["id"]]).fetchone()[0]
    assert "extending the Kuala Lumpur joint arrangement to January 10, 2027" in body
    assert "吉隆坡经贸磋商联合安排延期至2027年1月10日" in body
    links = {r["measure"]: (r["relation"], r["confidence"]) for r in db.execute(
        "select measure, relation, confidence from document_measures where document = ?",
        [doc["id"]])}
    assert {m: links.get(m) for m in [*SUSPENDED, "MOFCOM-2025-70"]} == {
        m: ("mentions", "low") for m in [*SUSPENDED, "MOFCOM-2025-70"]}
    # MOFCOM's own readout (mofcom_press) is evidence of the same statement, not a legal text
    readout = db.execute("select * from documents where url = ?", [PRESS_READOUT]).fetchone()
    assert (readout["category"], readout["confidence"]) == ("policy_statement", "medium")
    events = db.execute("select measure, kind, until from measure_events where document = ?",
                        [readout["id"]]).fetchall()
    assert {(m, k, u) for m, k, u in events} >= {
        (m, "extension_announced", "2027-01-10") for m in SUSPENDED}


MAGNETS = "https://www.chinadaily.com.cn/a/202611/20/WS691e3a52a310d6866eb3c5d7.html"


def test_the_last_night_lists_its_close_call_and_stores_nothing_of_it(demo):
    """The Yiwu story of night 13 names a measure in passing: left out, listed for the analyst
    in the night's report (JSON, HTML), the marathon story of earlier nights not."""
    folder, _ = demo
    close_call = "https://www.globaltimes.cn/page/202611/1361208.shtml"
    rep = report(folder, "2026-11-22-001")
    assert close_call not in {c.get("url") for c in rep["changes"]}
    page = (folder / "diff_reports" / "2026-11-22-001.html").read_text(encoding="utf-8")
    assert "News left out on a close call" in page and "Yiwu traders" in page
    for night in RUNS[:-1]:
        earlier = (folder / "diff_reports" / f"{night}.html").read_text(encoding="utf-8")
        assert "News left out on a close call" not in earlier
    db = sqlite3.connect(folder / "archive.db")
    assert db.execute("select left_out_run from fetch_state where url = ?", [close_call]
                      ).fetchone() == ("2026-11-22-001",)
    assert db.execute("select count(*) from documents where url = ?", [close_call]).fetchone(
        ) == (0,)
    assert dict(db.execute("select url, close_call from fetch_state where left_out is not null"
                           )) == {close_call: 1, **dict.fromkeys(UNRELATED, 0)}


def test_the_last_night_lists_its_links_to_review_and_links_the_story_to_neither(demo):
    """The China Daily story of night 13 speaks of the medium and heavy rare earth controls,
    which No. 18 (April 2025) and No. 57 (October 2025) both are: two review candidates, no link,
    listed under "Links to review" in that night's report only, with the commands."""
    folder, _ = demo
    db = sqlite3.connect(folder / "archive.db")
    [doc] = db.execute("select id from documents where url = ?", [MAGNETS]).fetchone()
    assert db.execute("select count(*) from document_measures where document = ?", [doc]
                      ).fetchone() == (0,)
    assert dict(db.execute("select measure, run_id from link_review where document = ?",
                           [doc])) == dict.fromkeys(["MOFCOM-2025-18", "MOFCOM-2025-57"],
                                                    "2026-11-22-001")
    page = (folder / "diff_reports" / "2026-11-22-001.md").read_text(encoding="utf-8")
    section = page.split("### Links to review", 1)[1].split("###", 1)[0]
    assert f"[Magnet makers say export licences are approved faster]({MAGNETS}) (DOC `{doc}`)" \
        in section
    assert "  - MOFCOM-2025-18 (" in section and "  - MOFCOM-2025-57 (" in section
    assert "regwatch links confirm DOC MEASURE" in section
    for night in RUNS[:-1]:
        earlier = (folder / "diff_reports" / f"{night}.md").read_text(encoding="utf-8")
        assert "Links to review" not in earlier


def test_nothing_new_before_the_end_of_the_no70_suspension(demo):
    folder, _ = demo
    assert by_kind(report(folder, "2026-11-05-001")) == {}


def test_end_of_the_no70_suspension_with_no_instrument_seen(demo):
    folder, _ = demo
    rep = report(folder, "2026-11-22-001")
    kinds = {c["kind"] for c in rep["changes"]}
    assert not kinds & {"new_measure", "document_changed", "document_removed", "source_problem"}
    # the one new document is the story on licence approvals, which extends nothing
    assert [c["url"] for c in rep["changes"] if c["kind"] == "new_document"] == [MAGNETS]
    # the end date of 2026-11-10 has passed: each suspended measure is reported this night
    ended = {c["measure"] for c in rep["changes"] if c["kind"] == "deadline_passed"}
    assert ended == set(SUSPENDED)
    # and No. 70, which only suspended them, expired from 2026-11-11 (CONTRACT section 9)
    assert [(c["measure"], c["from"], c["to"]) for c in rep["changes"]
            if c["kind"] == "status_changed"] == [("MOFCOM-2025-70", "in_force", "expired")]
    db = sqlite3.connect(folder / "archive.db")
    rows = dict(db.execute("select id, status from measures"))
    assert {m: rows[m] for m in SUSPENDED} == dict.fromkeys(SUSPENDED, "in_force")
    assert rows["MOFCOM-2025-70"] == "expired"
    # No. 72's suspension of No. 46 runs until 2026-11-27: not over on 22 November
    status, until = db.execute("select status, suspended_until from measures where id = "
                               "'MOFCOM-2024-46'").fetchone()
    assert (status in NO46_SUSPENDED, until) == (True, "2026-11-27")


def summary_table(folder: Path, run_id: str) -> dict[str, list[tuple[str, str, str]]]:
    """The Markdown report's summary table: measure -> [(change, date, until)]."""
    page = (folder / "diff_reports" / f"{run_id}.md").read_text(encoding="utf-8")
    table = page.split("| measure | change | date | until |", 1)[1].split("\n\n", 1)[0]
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        measure = re.sub(r"^\[([^]]+)\].*", r"\1", cells[0])
        rows.setdefault(measure, []).append((cells[1], cells[2], cells[3]))
    return rows


def test_the_summary_table_gives_the_day_a_measure_expired(demo, tmp_path):
    """No. 70 (last day in force 2026-11-10) is expired from 2026-11-11, the day the six
    suspensions' ends say too, though the night that saw it is 2026-11-22; No. 19 of 2026 from
    2026-08-11, seen on 2026-09-28. An archive stored before says the same once migrated."""
    folder, _ = demo
    last = summary_table(folder, "2026-11-22-001")
    assert last["MOFCOM-2025-70"] == [("expired", "2026-11-11", "")]
    assert {last[m][0][1] for m in SUSPENDED} == {"2026-11-11"}
    assert summary_table(folder, "2026-09-28-001")["MOFCOM-2026-19"] == [
        ("expired", "2026-08-11", "")]
    expired = "select measure, json_extract(diff, '$.since') from changes " \
              "where kind = 'status_changed' and \"to\" = 'expired' order by measure"
    old = tmp_path / "old.db"
    source, db = sqlite3.connect(folder / "archive.db"), sqlite3.connect(old)
    source.backup(db)
    source.close()
    assert db.execute(expired).fetchall() == [("MOFCOM-2025-70", "2026-11-11"),
                                              ("MOFCOM-2026-19", "2026-08-11")]
    db.execute("update changes set diff = json_remove(diff, '$.since')")
    db.execute("delete from _sqlite_migrations where name = 'm805_expired_since'")
    db.commit()
    db.close()
    from pipelines.archive import Archive

    Archive.open(old).close()
    db = sqlite3.connect(old)
    assert db.execute(expired).fetchall() == [("MOFCOM-2025-70", "2026-11-11"),
                                              ("MOFCOM-2026-19", "2026-08-11")]
    db.close()


def test_unrelated_news_is_left_out(demo):
    folder, _ = demo
    db = sqlite3.connect(folder / "archive.db")
    for url in UNRELATED:
        assert db.execute("select count(*) from documents where url = ?", [url]).fetchone() == (0,)
        assert db.execute("select count(*) from changes where url = ?", [url]).fetchone() == (0,)
    news = dict(db.execute("select source, count(*) from documents "
                           "where source in ('globaltimes', 'chinadaily') group by source"))
    assert news == {"globaltimes": 3, "chinadaily": 3}  # China Daily: night 13's magnet story


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


@pytest.fixture(scope="module")
def reruns(tmp_path_factory):
    """Every night crawled twice in a row, in date order, into one archive: night -> (the
    second run's report, documents before it, documents after it)."""
    folder = tmp_path_factory.mktemp("reruns")
    db, reports = folder / "a.db", folder / "r"
    found = {}
    for night in NIGHT_NAMES:
        counts = []
        for _ in range(2):
            result = regwatch("crawl", "--mirror", str(NIGHTS / night), "--as-of", night,
                              "--db", str(db), "--reports", str(reports), cwd=folder,
                              env=DEMO_ENV)
            assert result.returncode == 0, result.stderr
            counts.append(sqlite3.connect(db).execute(
                "select count(*) from documents").fetchone()[0])
        rep = json.loads((reports / f"{night}-002.json").read_text(encoding="utf-8"))
        found[night] = (rep, *counts)
    return found


@pytest.mark.parametrize("night", EXPECTED_NIGHTS)
def test_rerun_of_the_same_night_reports_nothing(night, reruns):
    rep, before, after = reruns[night]
    assert rep["changes"] == []
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
                            env={**DEMO_ENV, "DIE_AT": "25"})
    assert killed.returncode == 9
    db = sqlite3.connect(tmp_path / "a.db")
    partial = db.execute("select count(*) from documents").fetchone()[0]
    assert 0 < partial < 76
    # the walks cut by the kill stopped where they were (a source whose crawl had already ended
    # has its walks complete): the rerun continues them
    walks = {s for (s,) in db.execute("select status from list_walks")}
    assert "walking" in walks and walks <= {"walking", "complete"}
    result = regwatch(*args, cwd=tmp_path, env=DEMO_ENV)
    assert result.returncode == 0, result.stderr
    counts = dict(db.execute(
        "select 'documents', count(*) from documents union all "
        "select 'distinct_urls', count(distinct url) from documents union all "
        "select 'versions', count(*) from document_versions union all "
        "select 'measures', count(*) from measures union all "
        "select 'new_document', count(*) from changes where kind = 'new_document' union all "
        "select 'new_measure', count(*) from changes where kind = 'new_measure'").fetchall())
    # what an uninterrupted first night archives and reports (76 documents, 63 measures, of
    # which 11 documents and 6 measures are dated within 7 days of the night)
    assert counts == {"documents": 76, "distinct_urls": 76, "versions": 76, "measures": 63,
                      "new_document": 11, "new_measure": 6}
    statuses = dict(db.execute("select id, status from runs").fetchall())
    assert statuses == {"2025-10-09-001": "interrupted", "2025-10-09-002": "completed"}
    assert {s for (s,) in db.execute("select status from list_walks "
                                     "where source != 'customs'")} == {"complete"}
    rep = json.loads((tmp_path / "diff_reports" / "2025-10-09-002.json").read_text())
    # the killed run's changes are reported, none twice
    found = [c for c in rep["changes"] if c["kind"] not in REMINDERS]
    kinds = Counter(c["kind"] for c in found)
    assert {k: kinds[k] for k in ("new_document", "new_measure", "source_problem")} == {
        "new_document": 11, "new_measure": 6, "source_problem": 1}
    # one summary per source, each what an uninterrupted first night says: the documents and
    # measures the killed run stored count, and a walk it began or ended is in the summary
    summarized = [c["source"] for c in found if c["kind"] == "backfill"]
    assert len(summarized) == len(set(summarized)) == kinds["backfill"]
    whole = regwatch(*args[:-1], "whole.db", "--reports", "whole", cwd=tmp_path, env=DEMO_ENV)
    assert whole.returncode == 0, whole.stderr
    uninterrupted = json.loads((tmp_path / "whole" / "2025-10-09-001.json").read_text())
    assert backfill_figures(rep) == backfill_figures(uninterrupted)
    assert {"chinadaily", "globaltimes", "mofcom", "mofcom_english"} <= set(summarized)


def backfill_figures(report: dict) -> dict[str, tuple]:
    """Each source's backfill summary: documents, measures, earliest date, complete, text (but
    the list pages walked: a page the killed run read before its source's crawl ended is not
    counted by the run continuing it)."""
    return {c["source"]: (c["diff"]["documents"], c["diff"]["measures"], c["diff"]["earliest"],
                          c["diff"]["complete"],
                          re.sub(r" \(\d+ list pages?\)", "", c["summary"]))
            for c in report["changes"] if c["kind"] == "backfill"}


KILL_AT_END_OF_RUN = """
import os, sys
import pipelines.finish
def dying(*args, **kwargs):
    os._exit(9)  # every source's crawl has ended; the end of the run never comes
pipelines.finish.finish_run = dying
from crawler.cli import cli
cli(sys.argv[1:])
"""


def test_backfill_summaries_survive_a_kill_after_the_sources_ended(tmp_path):
    """Each source writes its walks and its backfill summary when its crawl ends: a run killed
    before its end keeps both, and the next night reports each summary once."""
    args = ["crawl", "--mirror", str(NIGHTS / "2025-10-09"), "--as-of", "2025-10-09",
            "--db", "a.db"]
    killed = subprocess.run([sys.executable, "-c", KILL_AT_END_OF_RUN, *args], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300, env=DEMO_ENV)
    assert killed.returncode == 9, killed.stderr[-2000:]
    db = sqlite3.connect(tmp_path / "a.db")
    written = Counter(source for (source,) in db.execute(
        "select source from changes where kind = 'backfill'"))
    assert {"mofcom", "mofcom_aqygzj", "mofcom_english", "mofcom_exportcontrol",
            "mofcom_press"} <= set(written) and set(written.values()) == {1}
    assert {s for (s,) in db.execute("select status from list_walks where source != 'customs'")
            } == {"complete"}
    result = regwatch(*args, cwd=tmp_path, env=DEMO_ENV)
    assert result.returncode == 0, result.stderr
    rep = json.loads((tmp_path / "diff_reports" / "2025-10-09-002.json").read_text())
    summarized = Counter(c["source"] for c in rep["changes"] if c["kind"] == "backfill")
    assert summarized == written
    # the killed run's summaries moved to the rerun, which wrote none of its own (its walks
    # were complete: first pages only)
    assert dict(db.execute("select run_id, count(*) from changes where kind = 'backfill' "
                           "group by run_id").fetchall()) == {"2025-10-09-002": len(written)}


def night_without_no72(source: Path, target: Path) -> Path:
    """A copy of a night whose MOFCOM lists no longer link No. 72 (and its page is gone)."""
    shutil.copytree(source, target)
    host = target / "www.mofcom.gov.cn"
    for listing in (host / "zwgk/zcfb/index.html", host / "zcfb/blgg/gg/2025/index.html"):
        lines = listing.read_text(encoding="utf-8").splitlines(keepends=True)
        listing.write_text("".join(line for line in lines if "art_bc4513" not in line),
                           encoding="utf-8")
    (host / "zcfb/blgg/gg/2025/art/2025/art_bc4513421bb24faaa84e44c2e4f36dc5.html").unlink()
    return target


def test_page_dropped_from_its_list_is_removed_after_three_healthy_nights(tmp_path):
    gone = night_without_no72(NIGHTS / "2025-11-13", tmp_path / "gone")
    args = ["--source", "mofcom", "--db", str(tmp_path / "a.db"), "--reports", str(tmp_path)]
    nights = [(NIGHTS / "2025-10-09", "2025-10-09"),  # the first night walks back
              (NIGHTS / "2025-11-13", "2025-11-13"), (gone, "2025-11-14"),
              (NIGHTS / "2025-11-12", "2025-11-15"),  # MOFCOM down: not a miss
              (gone, "2025-11-16"), (gone, "2025-11-16"),  # the same night twice: one miss
              (gone, "2025-11-17"), (gone, "2025-11-18")]
    kinds = []
    for mirror, as_of in nights:
        result = regwatch("crawl", "--mirror", str(mirror), "--as-of", as_of, *args,
                          cwd=tmp_path, env=DEMO_ENV)
        assert result.returncode == 0, result.stderr
        run_id = sqlite3.connect(tmp_path / "a.db").execute(
            "select id from runs order by rowid desc limit 1").fetchone()[0]
        kinds.append(sorted(c["kind"] for c in report_at(tmp_path, run_id)["changes"]))
    assert kinds[2:] == [[], ["source_problem"], [], [], ["document_removed"], []]
    [removed] = report_at(tmp_path, "2025-11-17-001")["changes"]
    assert removed["url"] == NO72 and removed["source"] == "mofcom"
    db = sqlite3.connect(tmp_path / "a.db")
    assert db.execute("select removed_on, body like '%第二款%' from documents where url = ?",
                      [NO72]).fetchone() == ("2025-11-17", 1)  # the archived copy is kept
    # the measure it issued keeps its legal state: a page leaving a list revokes nothing
    assert db.execute("select status from measures where id = 'MOFCOM-2025-72'").fetchone() == (
        "in_force",)


def report_at(folder: Path, run_id: str) -> dict:
    return json.loads((folder / f"{run_id}.json").read_text(encoding="utf-8"))


def test_changes_a_suspension_made_are_of_its_category(demo):
    """CONTRACT section 4: No. 61 suspended by No. 70 is a `suspension` change, and so is the
    end of that suspension, whatever No. 61 itself is: a digest filtered on suspensions hears of
    both."""
    folder, _ = demo
    suspended = [c for c in report(folder, "2025-11-08-001")["changes"]
                 if c["kind"] == "status_changed"]
    ended = [c for c in report(folder, "2026-11-22-001")["changes"]
             if c["kind"] == "deadline_passed"]
    assert len(suspended) == len(ended) == 6
    assert {c["category"] for c in suspended + ended} == {"suspension"}
    db = sqlite3.connect(folder / "archive.db")
    assert db.execute("select category from measures where id = 'MOFCOM-2025-61'").fetchone() == (
        "controlled_item_change",)


def test_the_archive_line_counts_the_deadlines_the_deadlines_query_lists(demo):
    """"N deadlines within 30 days", which opens every report and digest, counts what the home
    page and the `deadlines` canned query list on the day (not an instrument's own expiry, nor
    a clause's date falling inside a suspension of its measure)."""
    import yaml

    from pipelines.archive import Archive
    from pipelines.backfill import archive_summary

    folder, _ = demo
    sql = yaml.safe_load((REPO / "crawler" / "metadata.yml").read_text(encoding="utf-8"))[
        "queries"]["deadlines"]["sql"]
    db = sqlite3.connect(folder / "archive.db")
    archive = Archive.open(folder / "archive.db")
    counted = {}
    for (as_of,) in db.execute("select as_of from runs order by as_of").fetchall():
        line = re.search(r", (\d+) deadlines? within 30 days\.", archive_summary(archive, as_of))
        listed = db.execute(sql, {"on": as_of, "days": "30"}).fetchall()
        counted[as_of] = (int(line[1]), len(listed))
    # a measure published on 2025-11-06 (GACC No. 219) is no deadline on 2025-10-20
    from pipelines.regime import deadlines_ahead

    before = db.execute(sql, {"on": "2025-10-20", "days": "30"}).fetchall()
    assert "GACC-2025-219" not in str(before)
    assert "GACC-2025-219" not in [d["measure"] for d in deadlines_ahead(archive, "2025-10-20")]
    assert "GACC-2025-219" in [d["measure"] for d in deadlines_ahead(archive, "2025-11-08")]
    archive.close()
    assert len(counted) == 13
    assert all(said == listed for said, listed in counted.values()), counted
    assert counted["2026-11-05"][1] > 0


def test_status_of_a_measure_suspended_before_it_took_effect(demo):
    """`status` and `export` say No. 55 was to take effect on 2025-11-08 and was suspended from
    2025-11-07, not that it takes effect on the day after its announced period (2025-11-07)."""
    folder, _ = demo
    result = regwatch("status", "--on", "2025-10-20", "--measure", "MOFCOM-2025-55", "--json",
                      cwd=folder)
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)["measures"]
    assert row["status"] == "announced" and row["effective"] == "2025-11-08"
    assert "takes effect on 2025-11-07" not in row["phrase"]
    assert row["phrase"] == (
        "announced, not yet in force; from 2025-11-07, before it takes effect (its text: on "
        "2025-11-08), suspended by MOFCOM-2025-70 until 2026-11-10 (inclusive)")
    # a measure announced and then in force takes effect the day after, as before (No. 33 of
    # 2024, on gallium, germanium and antimony: from 2024-09-15)
    result = regwatch("status", "--on", "2024-09-01", "--measure", "MOFCOM-2024-33", "--json",
                      cwd=folder)
    assert json.loads(result.stdout)["measures"][0]["phrase"] == (
        "announced, not yet in force; takes effect on 2024-09-15")


def test_the_end_of_a_suspension_puts_back_in_force_only_what_had_taken_effect(demo):
    """On 2026-11-22 No. 61 (in force from 2025-10-09) is in force again; No. 55, suspended the
    day before it was to take effect, is in force for the first time: not "again"."""
    folder, _ = demo
    report = json.loads((folder / "diff_reports" / "2026-11-22-001.json").read_text())
    passed = {c["measure"]: c["summary"] for c in report["changes"]
              if c["kind"] == "deadline_passed"}
    assert "it is in force again from 2026-11-11" in passed["MOFCOM-2025-61"]
    assert "again" not in passed["MOFCOM-2025-55"]
    assert ("it is in force from 2026-11-11 unless an extension is found (it had not taken "
            "effect before)") in passed["MOFCOM-2025-55"]
    table = (folder / "diff_reports" / "2026-11-22-001.md").read_text()
    row55 = next(line for line in table.splitlines() if line.startswith("| [MOFCOM-2025-55]"))
    row61 = next(line for line in table.splitlines() if line.startswith("| [MOFCOM-2025-61]"))
    assert "in force for the first time unless extended" in row55 and "back in" not in row55
    assert "back in force unless extended" in row61
    near = [c["summary"] for c in json.loads(
        (folder / "diff_reports" / "2026-11-05-001.json").read_text())["changes"]
        if c["kind"] == "deadline_near" and c["measure"] == "MOFCOM-2025-56"]
    assert near and all("in force (for the first time) on 2026-11-11" in s for s in near)
