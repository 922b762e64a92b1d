"""The command line: user errors give one line on stderr, a non-zero exit and write nothing."""

import sqlite3

import pytest
from click.testing import CliRunner

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
    one_line_error(run("report", "--db", str(db)), "no runs in")


def test_sources_lists_every_spider_with_entry_points(run):
    result = run("sources", "--db", "none.db")
    assert result.exit_code == 0, result.output
    for name in ("mofcom", "mofcom_exportcontrol", "mofcom_consulates"):
        assert f"{name} (" in result.output
    assert "never run" in result.output
    assert "https://www.mofcom.gov.cn/zwgk/zcfb/index.html" in result.output


@pytest.mark.parametrize("command", ["crawl", "report", "serve", "sources", "demo"])
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
