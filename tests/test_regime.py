"""The regime on any date from the command line (`regwatch status`, `regwatch export`) and the
measure page's data (pipelines.regime), on the demo archive."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import regwatch

from pipelines.archive import Archive
from pipelines.regime import DayError, deadlines_ahead, measure_page, parse_day, regime


@pytest.fixture(scope="module")
def archive(demo):
    archive = Archive.open_readonly(Path(demo[0]) / "archive.db")
    yield archive
    archive.close()


def test_status_on_a_day(demo):
    result = regwatch("status", "--on", "2026-03-01", "--measure", "mofcom-2025-61",
                      cwd=demo[0])
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Status on 2026-03-01, from the status periods (measure_status)."
    assert lines[1].startswith("Archive last updated 2026-11-22: statuses after that are not")
    assert lines[2].startswith("MOFCOM-2025-61  suspended by MOFCOM-2025-70 until 2026-11-10 "
                               "(inclusive)  商务部公告2025年第61号")


def test_status_json_with_clauses(demo):
    result = regwatch("status", "--on", "2026-03-01", "--json", cwd=demo[0])
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["on"] == "2026-03-01" and data["last_run"] == "2026-11-22" and data["stale"]
    by_id = {m["measure"]: m for m in data["measures"]}
    assert by_id["MOFCOM-2024-46"]["status"] == "partially_suspended"
    assert by_id["MOFCOM-2024-46"]["clauses"] == [
        {"clause": "第二款", "status": "suspended", "from": "2025-11-09", "to": "2026-11-27",
         "by": "MOFCOM-2025-72"}]
    assert by_id["MOFCOM-2025-61"]["until"] == "2026-11-10"
    assert by_id["GACC-2025-219"]["status"] == "in_force"


def test_status_today_says_so(demo):
    result = regwatch("status", cwd=demo[0])
    assert result.returncode == 0 and "(today in Beijing)" in result.stdout.splitlines()[0]


@pytest.mark.parametrize("args, message", [
    (["--on", "garbage"], 'Invalid value for \'--on\': "garbage" is not an ISO date'),
    (["--on", "1900-01-01"], "Invalid value for '--on': 1900-01-01 is outside 2000-01-01"),
    (["--measure", "MOFCOM-1999-1"], "Error: --measure: no measure MOFCOM-1999-1 in archive.db"),
])
def test_status_bad_input_is_one_line(demo, args, message):
    result = regwatch("status", *args, cwd=demo[0])
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert message in result.stderr


def test_export_csv_opens_in_excel(demo, tmp_path):
    out = tmp_path / "measures.csv"
    result = regwatch("export", "--on", "2026-03-01", "--out", str(out), cwd=demo[0])
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs for UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    row = next(r for r in rows if r["measure"] == "MOFCOM-2025-61")
    assert row["status"] == "suspended" and row["until"] == "2026-11-10"
    assert row["title_zh"] == "商务部公告2025年第61号 公布对境外相关稀土物项实施出口管制的决定"
    assert row["measure_page"] == ("http://127.0.0.1:8001/archive/measures/MOFCOM-2025-61"
                                   "?on=2026-03-01")
    assert row["official_text"].startswith("http")
    assert next(r for r in rows if r["measure"] == "MOFCOM-2024-46")["clauses"] == (
        "第二款: suspended until 2026-11-27")


def test_export_xlsx_and_json(demo, tmp_path):
    from openpyxl import load_workbook

    result = regwatch("export", "--on", "2026-03-01", "--format", "xlsx", "--out",
                      str(tmp_path / "m.xlsx"), cwd=demo[0])
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(tmp_path / "m.xlsx").active
    header = [c.value for c in sheet[1]]
    values = {row[0]: dict(zip(header, row, strict=True))
              for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["MOFCOM-2025-61"]["status"] == "suspended"
    assert "稀土" in values["MOFCOM-2025-61"]["title_zh"]
    result = regwatch("export", "--on", "2026-03-01", "--format", "json", "--out", "-",
                      cwd=demo[0])
    data = json.loads(result.stdout)
    # the history included (backfill): 73 measures, less the three of 2026-05 and -07
    assert data["on"] == "2026-03-01" and len(data["measures"]) == 70
    # the regime on a day leaves out what was published after it (No. 18 of 2026: May 2026)
    assert all((m["published"] or "") <= "2026-03-01" for m in data["measures"])
    # nor No. 15 of 2026 (published 2026-03-16, the evidence night)
    assert not {"MOFCOM-2026-18", "MOFCOM-2026-15"} & {m["measure"] for m in data["measures"]}
    # to a pipe the workbook goes out as bytes; to a terminal it is refused (one line)
    piped = subprocess.run([sys.executable, "-m", "crawler.cli", "export", "--format", "xlsx",
                            "--out", "-"], cwd=demo[0], capture_output=True, timeout=120)
    assert piped.returncode == 0 and piped.stdout[:2] == b"PK", piped.stderr
    leader, follower = pty.openpty()
    try:
        terminal = subprocess.run([sys.executable, "-m", "crawler.cli", "export", "--format",
                                   "xlsx", "--out", "-"], cwd=demo[0], stdout=follower,
                                  stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    assert terminal.returncode == 1 and "not to the terminal" in terminal.stderr


def test_parse_day():
    assert parse_day("2026-03-01") == ("2026-03-01", True)
    assert parse_day("")[1] is False
    for bad in ("2026-3-1x", "2026-02-30", "1999-12-31", "tomorrow"):
        with pytest.raises(DayError):
            parse_day(bad)


def test_measure_page_data(archive):
    page = measure_page(archive, "MOFCOM-2025-61", "2025-11-20")
    assert page["now"]["phrase"] == "suspended by MOFCOM-2025-70 until 2026-11-10 (inclusive)"
    assert [(t["clause"], t["status"], t["current"]) for t in page["timeline"]] == [
        ("", "in_force", False), ("", "suspended", True), ("", "in_force", False),
        ("第一项、第二项", "announced", True)]
    issued = [e for e in page["events"] if e["kind"] == "issued"]
    assert len(issued) == 1  # one event, two copies of the announcement as evidence
    assert sorted(e["source"] for e in issued[0]["evidence"]) == ["mofcom",
                                                                  "mofcom_exportcontrol"]
    assert [g["relation"] for g in page["groups"]][:1] == ["issues"]
    # the official text is the page its Chinese title came from: No. 61's www page since its
    # annex was replaced on night 8 (a new version of the same text, issue 12), its body opening
    # with the page's 【发布单位】 lines before the text
    assert page["official"]["id"] == "6daf38bd6d59c64f"
    assert page["official"]["body"].startswith("【发布单位】安全与管制局")
    assert "\n\n根据《中华人民共和国出口管制法》" in page["official"]["body"]
    assert measure_page(archive, "NOPE-1-1", "2025-11-20") is None
    seventy = measure_page(archive, "MOFCOM-2025-70", "2025-11-20")
    assert {e["measure"] for e in seventy["acts_on"]} >= {"MOFCOM-2025-55", "MOFCOM-2025-61"}


def test_regime_and_deadlines(archive):
    on = {r["measure"]: r["status"] for r in regime(archive, "2025-11-10")}
    assert on["GACC-2025-219"] == "in_force" and on["MOFCOM-2025-55"] == "suspended"
    assert on["MOFCOM-2025-72"] == "in_force"
    soon = deadlines_ahead(archive, "2026-11-05", 30)
    assert [(d["day"], d["measure"]) for d in soon][:1] == [("2026-11-10", "MOFCOM-2025-55")]
    assert ("2026-11-27", "MOFCOM-2024-46", "第二款") in [
        (d["day"], d["measure"], d["clause"]) for d in soon]


def test_a_suspension_cut_short_says_its_own_term(demo):
    """No. 19 suspended No. 18's measures for 90 days (to 2026-08-10); No. 31 stopped them from
    2026-07-21: on 2026-06-01 the status says both, not a last day nobody could have read then
    alone."""
    result = regwatch("status", "--on", "2026-06-01", "--measure", "MOFCOM-2026-18", "--json",
                      cwd=demo[0])
    [row] = json.loads(result.stdout)["measures"]
    assert (row["status"], row["until"], row["term_until"]) == (
        "suspended", "2026-07-20", "2026-08-10")
    assert row["phrase"] == ("suspended by MOFCOM-2026-19 until 2026-07-20 (inclusive); cut "
                             "short: its own term ran to 2026-08-10")
    result = regwatch("status", "--on", "2026-03-01", "--measure", "MOFCOM-2025-61", "--json",
                      cwd=demo[0])
    [row] = json.loads(result.stdout)["measures"]
    assert "cut short" not in row["phrase"] and row["term_until"] == row["until"] == "2026-11-10"


def test_a_continued_suspension_no_archived_text_began_is_a_caveat(tmp_path):
    """A text continues (继续暂停) a suspension of a measure no archived text suspended: before
    that day the measure reads in force, with the caveat that it may have been suspended by a
    text the archive does not hold; with the earlier suspension archived, no caveat."""
    from pipelines.finish import write_status_periods
    from pipelines.items import MeasureEvent, MeasureRef

    archive = Archive.open(tmp_path / "a.db")
    run_id = archive.start_run("2025-11-12", ["mofcom"], None)
    doc = "d" * 16
    archive.db["documents"].insert({"id": doc, "url": "https://x/a.html", "source": "mofcom"})
    for number, extra in ((21, []), (22, [MeasureEvent("suspended", "2025-05-14", "2025-11-09",
                                                        by_measure="MOFCOM-2025-40")])):
        ref = MeasureRef(id=f"MOFCOM-2025-{number}", series="MOFCOM", year=2025, number=number,
                         relation="issues", published="2025-04-04", events=[
                             MeasureEvent("issued", "2025-04-04"),
                             MeasureEvent("effective", "2025-04-04"),
                             MeasureEvent("suspension_continued", "2025-11-10", "2026-11-10",
                                          by_measure="MOFCOM-2025-69"), *extra])
        archive.store_measure_ref(ref, doc, "2025-11-12", run_id)
    write_status_periods(archive)
    rows = {r["measure"]: r for r in regime(archive, "2025-04-10")}
    assert rows["MOFCOM-2025-21"]["status"] == "in_force"
    assert "continues its suspension from 2025-11-10" in rows["MOFCOM-2025-21"]["caveat"]
    assert "may have been suspended before" in rows["MOFCOM-2025-21"]["phrase"]
    assert "caveat" not in rows["MOFCOM-2025-22"]
    later = {r["measure"]: r for r in regime(archive, "2025-11-12")}
    assert later["MOFCOM-2025-21"]["status"] == "suspended" and "caveat" not in later[
        "MOFCOM-2025-21"]
    archive.close()


def test_a_continued_suspension_names_each_text_in_turn(tmp_path):
    """No. 70 suspends No. 55 for a year, No. 60 continues it for another: the status on a day of
    the first year is No. 70's, on a day of the second No. 60's, each phrase names both texts in
    turn, and the measure page's timeline says who suspended it first. A suspension set by one
    text (No. 56) reads as before."""
    from pipelines.finish import write_status_periods
    from pipelines.items import MeasureEvent, MeasureRef

    archive = Archive.open(tmp_path / "a.db")
    run_id = archive.start_run("2026-11-12", ["mofcom"], None)
    doc = "d" * 16
    archive.db["documents"].insert({"id": doc, "url": "https://x/a.html", "source": "mofcom"})
    for number, continued in ((55, True), (56, False)):
        events = [MeasureEvent("issued", "2025-10-09"), MeasureEvent("effective", "2025-11-08"),
                  MeasureEvent("suspended", "2025-11-10", "2026-11-10",
                               by_measure="MOFCOM-2025-70")]
        if continued:
            events.append(MeasureEvent("suspension_continued", "2026-11-05", "2027-11-10",
                                       by_measure="MOFCOM-2026-60"))
        ref = MeasureRef(id=f"MOFCOM-2025-{number}", series="MOFCOM", year=2025, number=number,
                         relation="issues", published="2025-10-09", events=events)
        archive.store_measure_ref(ref, doc, "2026-11-12", run_id)
    write_status_periods(archive)
    first, second = ({r["measure"]: r for r in regime(archive, day)}
                     for day in ("2026-03-01", "2027-03-01"))
    both = ("suspended by MOFCOM-2025-70 until 2026-11-10, continued by MOFCOM-2026-60 until "
            "2027-11-10 (inclusive)")
    assert first["MOFCOM-2025-55"]["by"] == "MOFCOM-2025-70"
    assert second["MOFCOM-2025-55"]["by"] == "MOFCOM-2026-60"
    assert first["MOFCOM-2025-55"]["phrase"] == second["MOFCOM-2025-55"]["phrase"] == both
    assert first["MOFCOM-2025-55"]["until"] == "2027-11-10"
    assert first["MOFCOM-2025-56"]["phrase"] == (
        "suspended by MOFCOM-2025-70 until 2026-11-10 (inclusive)")
    page = measure_page(archive, "MOFCOM-2025-55", "2026-03-01")
    [suspended] = [row for row in page["timeline"] if row["status"] == "suspended"]
    assert suspended["what"] == both and suspended["from"] == "2025-11-10"
    archive.close()


def test_exports_write_a_pages_formula_as_text(tmp_path):
    """A title or name that would start a spreadsheet formula (=HYPERLINK(…) pointing at another
    site, @SUM, +, -) is text in the CSV (a leading apostrophe) and in the XLSX (a string cell,
    never a formula); a control character that openpyxl refuses does not stop the export."""
    import openpyxl

    from pipelines.export import COLUMNS, csv_cell, to_csv, to_xlsx
    from pipelines.regime import Freshness

    row = dict.fromkeys(COLUMNS, "")
    row.update(measure="MOFCOM-2025-97", title_zh='=HYPERLINK("http://evil.example/x","标题")',
               title_en="+cmd|' /C calc'!A0", issuers="@SUM(1+1)", by="-2+3", clauses="a\x1bb")
    [header, line] = list(csv.reader(io.StringIO(to_csv([row]).decode("utf-8-sig"))))
    cells = dict(zip(header, line, strict=True))
    assert cells["title_zh"] == '\'=HYPERLINK("http://evil.example/x","标题")'
    assert (cells["title_en"], cells["issuers"], cells["by"], cells["clauses"]) == (
        "'+cmd|' /C calc'!A0", "'@SUM(1+1)", "'-2+3", "ab")
    assert csv_cell("2025-11-08") == "2025-11-08" and csv_cell(3) == 3 and csv_cell("-2") == "-2"
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx([row], "2025-11-22",
                                                     Freshness("2025-11-22", "2025-11-22"))))
    cells = {c: book.active.cell(row=2, column=i + 1) for i, c in enumerate(COLUMNS)}
    assert cells["title_zh"].data_type == "s"
    assert cells["title_zh"].value == '=HYPERLINK("http://evil.example/x","标题")'
    assert cells["clauses"].value == "ab"


def test_the_timeline_says_a_legal_text_decided_the_return_to_force():
    from pipelines.regime import timeline

    suspended = {"clause": None, "status": "suspended", "from": "2025-11-07", "to": "2026-03-31",
                 "by": "MOFCOM-2025-70", "document": None, "sentence": None,
                 "term_until": "2026-11-10"}
    resumed = {"clause": None, "status": "in_force", "from": "2026-04-01", "to": None,
               "by": "MOFCOM-2026-21", "document": None, "sentence": "恢复实施"}
    natural = dict(resumed, by=None)
    decided = timeline([suspended, resumed], "2026-05-01", "2025-10-09")[-1]["what"]
    assert "as MOFCOM-2026-21 decided" in decided and "unless an extension" not in decided
    hedged = timeline([suspended, natural], "2026-05-01", "2025-10-09")[-1]["what"]
    assert "unless an extension is found" in hedged


def test_a_measure_asked_for_before_it_was_published_says_so(archive, demo):
    """No. 31 of 2026 (published 2026-07-20) asked for on 2025-11-07: "not yet published", the
    word the Datasette measures table uses for that day (before: "not known", the word for a
    measure only cited); its status is still none, and on its day it has one."""
    [early] = regime(archive, "2025-11-07", "MOFCOM-2026-31")
    assert (early["status"], early["phrase"]) == (None, "not yet published")
    [later] = regime(archive, "2026-07-21", "MOFCOM-2026-31")
    assert later["status"] == "in_force"
    result = regwatch("status", "--on", "2025-11-07", "--measure", "MOFCOM-2026-31", cwd=demo[0])
    assert "MOFCOM-2026-31  not yet published  商务部公告2026年第31号" in result.stdout


def test_a_measure_in_force_because_its_suspension_ran_out_says_to_verify(archive):
    """Nos. 55 and 61 from 2026-11-11 (No. 70's year over), No. 46 of 2024 from 2026-11-28 (its
    paragraph's suspension over): in force because no text extended the suspension, which the
    archive may not hold yet, so the line says to verify, as the measure page's timeline does
    (before, the line said only "in force"); the day before, still suspended; a measure in
    force by its own text says nothing more."""
    rows = {r["measure"]: r for r in regime(archive, "2026-11-28")}
    for measure, since in (("MOFCOM-2025-55", "2026-11-11"), ("MOFCOM-2025-61", "2026-11-11"),
                           ("MOFCOM-2024-46", "2026-11-28")):
        assert rows[measure]["phrase"] == (
            f"in force from {since}, when its suspension ended, unless an extension is found "
            "(verify on the issuer's site)"), measure
    assert rows["GACC-2025-219"]["phrase"] == "in force"
    [before] = regime(archive, "2026-11-10", "MOFCOM-2025-55")
    assert before["phrase"].startswith("suspended by MOFCOM-2025-70")


def test_a_clause_due_inside_the_suspension_of_its_measure_says_so(demo):
    """No. 61's items 1 and 2 were to take effect on 2025-12-01; No. 70 suspended the whole
    measure from 2025-11-07: on a day of the suspension their line says the date falls inside
    it (before: "announced until 2025-11-30", as if they took effect the next day); before the
    suspension, their line is as it was (no one knew of it then)."""
    during = regwatch("status", "--on", "2025-11-20", "--measure", "MOFCOM-2025-61",
                      cwd=demo[0]).stdout
    assert ("clause 第一项、第二项: announced until 2025-11-30 (its date, 2025-12-01, falls inside "
            "the suspension of the whole measure: not in force before the suspension ends)"
            ) in during
    before = regwatch("status", "--on", "2025-10-20", "--measure", "MOFCOM-2025-61",
                      cwd=demo[0]).stdout
    assert "clause 第一项、第二项: announced until 2025-11-30\n" in before + "\n"
    assert "falls inside" not in before
