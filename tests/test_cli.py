"""The command line: user errors give one line on stderr, a non-zero exit and write nothing."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from crawler.cli import cli


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args):
        return CliRunner().invoke(cli, list(args))

    return invoke


def one_line_error(result, text):
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[-1].startswith("Error:") and text in lines[-1], result.output


def test_unknown_source(run, tmp_path):
    result = run("crawl", "--source", "nope", "--db", "a.db")
    one_line_error(result, "unknown source 'nope'")
    assert "mofcom" in result.output
    assert not (tmp_path / "a.db").exists()


def test_missing_mirror_folder(run, tmp_path):
    result = run("crawl", "--mirror", "no/such/dir", "--db", "a.db")
    one_line_error(result, "mirror folder not found: no/such/dir")
    assert not (tmp_path / "a.db").exists()


def test_non_sqlite_db_is_refused_and_left_alone(run, tmp_path):
    (tmp_path / "notes.db").write_text("my notes")
    (tmp_path / "night").mkdir()
    result = run("crawl", "--mirror", "night", "--db", "notes.db")
    one_line_error(result, "notes.db is not a SQLite database")
    assert (tmp_path / "notes.db").read_text() == "my notes"


def test_unreadable_db(run, tmp_path):
    (tmp_path / "adir").mkdir()
    (tmp_path / "night").mkdir()
    one_line_error(run("crawl", "--mirror", "night", "--db", "adir"), "adir is not a file")


def test_bad_as_of(run):
    result = run("crawl", "--as-of", "8 Nov 2025")
    assert result.exit_code == 2
    assert "is not an ISO date" in result.output


def test_report_without_archive(run, tmp_path):
    one_line_error(run("report", "--db", "none.db"), "no archive at none.db")
    assert not (tmp_path / "none.db").exists()


def test_report_of_unknown_run(run, tmp_path):
    db = tmp_path / "a.db"
    from pipelines.archive import Archive

    Archive.open(db).close()
    one_line_error(run("report", "--db", str(db), "--run", "2025-01-01-009"),
                   "no run '2025-01-01-009'")
    one_line_error(run("report", "--db", str(db)), "no completed run in")


def test_report_refuses_a_run_that_did_not_complete(run, tmp_path):
    """A run killed mid-crawl has part of its changes: no report is written for it (the next
    crawl continues it); the default run is the last completed one."""
    from pipelines.archive import Archive

    archive = Archive.open(tmp_path / "a.db")
    done = archive.start_run("2025-11-08", ["mofcom"], None)
    archive.finish_run(done, {})
    killed = archive.start_run("2025-11-09", ["mofcom"], None)
    archive.mark_interrupted(killed)
    archive.close()
    one_line_error(run("report", "--db", "a.db", "--run", killed),
                   f"run {killed} did not complete (interrupted)")
    assert not (tmp_path / "diff_reports" / f"{killed}.json").exists()
    result = run("report", "--db", "a.db")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "diff_reports" / f"{done}.json").exists()


def test_sources_lists_every_spider_with_entry_points(run):
    result = run("sources", "--db", "none.db")
    assert result.exit_code == 0, result.output
    for name in ("mofcom", "mofcom_exportcontrol", "mofcom_consulates"):
        assert f"{name} (" in result.output
    assert "never run" in result.output
    assert "https://www.mofcom.gov.cn/zwgk/zcfb/index.html" in result.output


@pytest.mark.parametrize("command", ["crawl", "report", "serve", "sources", "demo", "evidence"])
def test_every_command_has_help_with_common_options(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "--db" in result.output and "--reports" in result.output


def test_sqlite_file_opened_by_cli_is_in_wal_mode(tmp_path):
    from pipelines.archive import Archive

    Archive.open(tmp_path / "a.db").close()
    mode = sqlite3.connect(tmp_path / "a.db").execute("pragma journal_mode").fetchone()[0]
    assert mode == "wal"


def test_reports_folder_that_is_a_file(run, tmp_path):
    (tmp_path / "night").mkdir()
    (tmp_path / "reports").write_text("x")
    result = run("crawl", "--mirror", "night", "--db", "a.db", "--reports", "reports")
    one_line_error(result, "cannot create reports folder reports")
    assert not (tmp_path / "a.db").exists()


def test_sources_marks_the_sources_the_configuration_disables(run, tmp_path):
    (tmp_path / "regwatch.toml").write_text("[sources]\nchinadaily = false\n", encoding="utf-8")
    result = run("sources", "--db", "none.db")
    assert result.exit_code == 0, result.output
    assert "chinadaily (news) [disabled in regwatch.toml]" in result.output
    assert "globaltimes (news):" in result.output


def test_a_configuration_that_disables_every_source_crawls_nothing(run, tmp_path):
    from crawler.runner import known_sources

    (tmp_path / "regwatch.toml").write_text(
        "[sources]\n" + "".join(f"{name} = false\n" for name in known_sources()),
        encoding="utf-8")
    result = run("crawl", "--db", "a.db", "--mirror", str(tmp_path))
    one_line_error(result, "every source is set to false in [sources]: nothing to crawl")
    assert not (tmp_path / "a.db").exists()


def test_report_links_to_the_configured_datasette(run, tmp_path):
    from pipelines.archive import Archive
    from pipelines.items import ChangeRecord

    archive = Archive.open(tmp_path / "a.db")
    run_id = archive.start_run("2025-11-08", ["mofcom"], None)
    archive.add_change(run_id, ChangeRecord(kind="new_measure", measure="MOFCOM-2025-70",
                                            summary="New measure", url="https://x.gov.cn/a"))
    archive.finish_run(run_id, {})
    archive.close()
    (tmp_path / "regwatch.toml").write_text("datasette_url = 'https://archive.example.org/'\n",
                                            encoding="utf-8")
    result = run("report", "--db", "a.db")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "diff_reports" / f"{run_id}.html").read_text(encoding="utf-8")
    assert "https://archive.example.org/a/measures/MOFCOM-2025-70" in html
    assert "127.0.0.1:8001" not in html


@pytest.mark.parametrize("command", ["sources", "report", "crawl", "digest", "nightly"])
def test_a_bad_environment_value_is_one_line_naming_it(run, monkeypatch, command):
    monkeypatch.setenv("REGWATCH_REVISIT_RECENT_DAYS", "abc")
    one_line_error(run(command), 'REGWATCH_REVISIT_RECENT_DAYS: must be an integer, got "abc"')


def test_an_unknown_source_in_the_configuration_is_one_line(run, tmp_path):
    (tmp_path / "regwatch.toml").write_text("[sources]\nmofcon = false\n", encoding="utf-8")
    one_line_error(run("sources"), "regwatch.toml: sources.mofcon: unknown source")


def scrapy_crawl(tmp_path, **env: str):
    """`scrapy crawl mofcom` from the repository's root, its archive and reports in tmp_path."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("REGWATCH_")}
    environ.update(REGWATCH_DB=str(tmp_path / "a.db"), REGWATCH_REPORTS=str(tmp_path / "r"),
                   REGWATCH_MIRROR=str(REPO / "demo" / "nights" / "2025-10-09"), **env)
    return subprocess.run([str(Path(sys.executable).with_name("scrapy")), "crawl", "mofcom"],
                          cwd=REPO, env=environ, capture_output=True, text=True, timeout=120)


def test_scrapy_crawl_is_a_run_of_the_run_owner(tmp_path):
    result = scrapy_crawl(tmp_path, REGWATCH_AS_OF="2025-10-09")
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads((tmp_path / "r" / "2025-10-09-001.json").read_text(encoding="utf-8"))
    assert [s["name"] for s in report["sources"]] == ["mofcom"]
    assert report["sources"][0]["status"] == "ok"
    assert "MOFCOM-2025-61" in {c["measure"] for c in report["changes"]}


def test_scrapy_crawl_with_a_bad_clock_is_one_line_and_exit_1(tmp_path):
    result = scrapy_crawl(tmp_path, REGWATCH_AS_OF="garbage")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        'regwatch: REGWATCH_AS_OF: "garbage" is not an ISO date (YYYY-MM-DD)')
    assert "Traceback" not in result.stderr and not (tmp_path / "a.db").exists()


def test_sources_show_coverage_and_the_numbers_that_may_be_missing(demo):
    folder, _ = demo
    result = subprocess.run([sys.executable, "-m", "crawler.cli", "sources", "--db",
                             str(folder / "archive.db")], cwd=folder, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # mofcom's documents include No. 15 of 2026 (night 8) and the entity nights' Nos. 18, 19 and 31
    # of 2026 (to 2026-07-20)
    # (the 2025 index walked to its end on the first night of 2026: 2 more pages, 2025 covered,
    # and the demo's abridged 2025 index shows its gaps)
    assert ("coverage: 2023-07-03 … 2026-07-20, 73 documents, 12 list pages walked back; "
            "walk complete (last complete walk 2026-01-06)") in out
    assert "coverage: 2025-05-12 … 2026-09-28, 3 documents, not walked back (news)" in out
    assert "series MOFCOM: 69 measures, 2023–2026; numbering checked for 2024, 2025" in out
    assert "  2024: Nos. 1–51, may be missing: MOFCOM-2024-47, -48" in out
    assert "  2025: Nos. 1–72, may be missing: MOFCOM-2025-1 … -17, -19, -20," in out
    # how the years' indexes were walked (the years before 2023 were never asked for)
    assert "  walks: complete for 2023, 2024, 2025, 2026 (last complete 2026-01-06)" in out


def test_evidence_without_archive_is_one_line(run, tmp_path):
    one_line_error(run("evidence", "6daf38bd6d59c64f", "--db", "none.db"), "no archive at none.db")
    assert not (tmp_path / "none.db").exists()


def test_evidence_of_an_unknown_document_or_version_is_one_line(run, tmp_path):
    from pipelines.archive import Archive

    Archive.open(tmp_path / "a.db").close()
    one_line_error(run("evidence", "https://www.mofcom.gov.cn/x.html", "--db", "a.db"),
                   "no document ")
    result = run("evidence", "6daf38bd6d59c64f", "--version", "0", "--db", "a.db")
    assert result.exit_code == 2  # click's usage error: a version is 1 or more
    assert not list(tmp_path.glob("evidence-*"))


def test_a_bad_evidence_configuration_value_is_one_line(run, tmp_path):
    (tmp_path / "regwatch.toml").write_text("annex_max_bytes = 10\n", encoding="utf-8")
    one_line_error(run("sources"), "annex_max_bytes: must be at least 1024, got 10")


def test_evidence_of_a_measure_needs_exactly_one_own_page(run, tmp_path):
    from pipelines.archive import Archive
    from pipelines.items import DocumentItem, MeasureRef
    from pipelines.normalize import normalize_item
    from pipelines.store import store_item

    archive = Archive.open(tmp_path / "a.db")
    run_id = archive.start_run("2025-10-09", ["mofcom"], None)
    for url in ("https://www.mofcom.gov.cn/a.html", "https://www.mofcom.gov.cn/b.html"):
        page = normalize_item(DocumentItem(url=url, source="mofcom", source_kind="authority",
                                           title="t", body="b", language="zh"))
        page.measures = [MeasureRef(id="MOFCOM-2025-57", series="MOFCOM", year=2025, number=57,
                                    relation="issues", confidence="high")]
        store_item(archive, page, run_id, "2025-10-09")
    archive.close()
    one_line_error(run("evidence", "mofcom-2025-57", "--db", "a.db"),
                   "MOFCOM-2025-57 has 2 own pages in the archive: ")
    one_line_error(run("evidence", "MOFCOM-2025-58", "--db", "a.db"), "has 0 own pages")


def test_small_misuses_are_one_line_each(run, tmp_path):
    """An empty --measure, an archive in a folder that does not exist, a busy port: one line
    naming what is wrong (not the lock file, not a server that starts and fails)."""
    import socket

    from pipelines.archive import Archive

    Archive.open(tmp_path / "a.db").close()
    one_line_error(run("status", "--db", "a.db", "--measure", " "), "--measure: give a measure id")
    one_line_error(run("crawl", "--db", str(tmp_path / "no" / "a.db"), "--mirror", str(tmp_path)),
                   f"no folder {tmp_path / 'no'} for the archive")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", "--db", "a.db", "--port", str(port))
    one_line_error(result, f"cannot listen on 127.0.0.1:{port}")
    assert "Serving" not in result.output


def test_screen_takes_reports_as_every_command_does(run, tmp_path):
    from pipelines.archive import Archive

    Archive.open(tmp_path / "a.db").close()
    result = run("screen", "Skydio", "--db", "a.db", "--reports", "elsewhere")
    # (taken: the archive was read, and holds no designations to screen against)
    assert result.exit_code == 2 and "a.db holds no designations" in result.output


def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path):
    """`regwatch status | head -1`: no "Error: Broken pipe", the exit status of a SIGPIPE."""
    from pipelines.archive import Archive

    archive = Archive.open(tmp_path / "a.db")
    run_id = archive.start_run("2025-11-08", ["mofcom"], None)
    archive.finish_run(run_id, {})
    archive.db["measures"].insert_all(  # far more lines than a pipe holds
        {"id": f"MOFCOM-2025-{n}", "series": "MOFCOM", "year": 2025, "number": n,
         "title_zh": f"商务部公告2025年第{n}号 关于某事项的公告" * 3} for n in range(1, 3001))
    archive.close()
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL)
    writer = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv = ['regwatch', 'status', '--db', 'a.db', "
         "'--on', '2025-11-08']; import time; time.sleep(0.5); from crawler.cli import cli; "
         "cli()"], cwd=tmp_path, stdout=reader.stdin, stderr=subprocess.PIPE, text=True,
        timeout=60)
    reader.stdin.close()
    reader.wait(timeout=10)
    assert "Broken pipe" not in writer.stderr and "Traceback" not in writer.stderr
    assert writer.returncode in (0, 141)
