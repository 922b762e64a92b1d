"""Bad invocations: every one gets one line of error and a non-zero exit, never a traceback.

(The same kinds a tester tried: impossible dates, unknown or broken files, bad configuration and
environment values, impossible options.)"""

import sqlite3

import pytest
from click.testing import CliRunner

from crawler.cli import cli
from crawler.runner import UsageError, check_clock
from pipelines.archive import Archive

TOML_CASES = {
    "unknown-source": ("[sources]\nmofcon = false\n", "sources.mofcon: unknown source"),
    "invalid-toml": ("[mail\n", "invalid TOML"),
    "password-in-file": ("[mail]\npassword = 'x'\n", "mail.password: secrets are not read"),
    "bad-port": ("[mail]\nsmtp_port = 'abc'\n", "mail.smtp_port: must be an integer"),
    "bad-insecure": ("[sources.customs]\ninsecure_tls = 'yes'\n",
                     "sources.customs.insecure_tls: must be true or false"),
}

CASES = [
    (["crawl", "--as-of", "0001-01-01"], {}, "outside 2000-01-01"),
    (["crawl", "--as-of", "2099-01-01"], {}, "outside 2000-01-01"),
    (["crawl", "--as-of", "yesterday"], {}, "is not an ISO date"),
    (["crawl", "--source", "nope"], {}, "unknown source 'nope'"),
    (["crawl", "--mirror", "no/such/folder"], {}, "mirror folder not found"),
    (["crawl", "--mirror", ".", "--db", "adir"], {}, "adir is not a file"),
    (["crawl", "--mirror", ".", "--db", "notes.txt"], {}, "is not a SQLite database"),
    (["crawl", "--mirror", ".", "--db", "other.sqlite"], {}, "is not a regwatch archive"),
    (["crawl", "--mirror", ".", "--reports", "notes.txt"], {}, "cannot create reports folder"),
    # the evidence store's folder cannot be made: a local fault, refused before the run (not a
    # night of "could not store" source problems blamed on the sites)
    (["crawl", "--mirror", ".", "--config", "evidence-in-file.toml"], {},
     "cannot create evidence folder notes.txt/archive"),
    (["report", "--db", "missing.db"], {}, "no archive at missing.db"),
    (["report", "--db", "corrupt.db"], {}, "cannot read archive corrupt.db"),
    (["sources", "--db", "corrupt.db"], {}, "cannot read archive corrupt.db"),
    (["sources", "--db", "notes.txt"], {}, "is not a SQLite database"),
    (["serve", "--db", "missing.db"], {}, "no archive at missing.db"),
    (["serve", "--port", "70000"], {}, "70000 is not in the range"),
    (["digest", "--db", "missing.db"], {}, "mail.recipients: no recipients or channels configured"),
    (["digest", "--config", "missing.toml"], {}, "missing.toml: no such configuration file"),
    (["digest", "--config", "adir"], {}, "cannot read"),
    (["nightly", "--config", "binary.toml"], {}, "not UTF-8 text"),
    (["nightly", "--wait", "-1"], {}, "-1"),
    (["schedule"], {}, "choose --systemd or --cron"),
    (["schedule", "--cron", "--at", "25:00"], {}, "expected HH:MM"),
    (["schedule", "--cron", "--timezone", "Mars/Olympus"], {}, "expected HH:MM"),
    (["sources"], {"REGWATCH_REVISIT_RECENT_DAYS": "abc"}, "REGWATCH_REVISIT_RECENT_DAYS"),
    (["sources"], {"REGWATCH_DEADLINE_DAYS": "7,x"}, "REGWATCH_DEADLINE_DAYS[1]"),
    (["sources"], {"REGWATCH_LOG_LEVEL": "LOUD"}, "REGWATCH_LOG_LEVEL"),
    (["crawl"], {"REGWATCH_AS_OF": "garbage"}, "REGWATCH_AS_OF"),
    (["crawl"], {"REGWATCH_EXTRA_CA_FILE": "missing.pem"}, "REGWATCH_EXTRA_CA_FILE"),
    (["sources"], {"REGWATCH_CONFIG": "missing.toml"}, "missing.toml: no such configuration"),
    (["demo", "--db", "other.sqlite"], {}, "other.sqlite"),
    (["nosuchcommand"], {}, "No such command"),
    *((["sources", "--config", f"{name}.toml"], {}, message)
      for name, (_, message) in TOML_CASES.items()),
]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "adir").mkdir()
    (tmp_path / "notes.txt").write_text("my notes")
    (tmp_path / "corrupt.db").write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00x = 1")
    conn = sqlite3.connect(tmp_path / "other.sqlite")
    conn.execute("create table t (x)")
    conn.close()
    (tmp_path / "evidence-in-file.toml").write_text('evidence_dir = "notes.txt/archive"\n')
    for name, (text, _) in TOML_CASES.items():
        (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("args", "env", "message"), CASES, ids=lambda v: str(v)[:40])
def test_a_bad_invocation_is_one_line_and_a_non_zero_exit(folder, monkeypatch, args, env, message):
    for name in ("REGWATCH_CONFIG",):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code not in (0, None), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception)
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    error = [line for line in lines if line.startswith(("Error:", "regwatch:"))]
    assert len(error) == 1 and message in error[0], result.output
    assert lines == error, result.output  # nothing but the one line, usage errors too


def test_a_usage_error_is_one_line_naming_the_help() -> None:
    """click's usage errors (a bad value, an unknown option or command) in one line, exit 2,
    with where the help is, not click's four lines (usage, hint, blank, error)."""
    for args, where in [(["crawl", "--as-of", "notadate"], "regwatch crawl --help"),
                        (["export", "--format", "pdf"], "regwatch export --help"),
                        (["nosuch"], "regwatch --help")]:
        result = CliRunner().invoke(cli, args, prog_name="regwatch")
        assert result.exit_code == 2, result.output
        [line] = result.output.splitlines()
        assert line.startswith("Error: ") and line.endswith(f"(see '{where}')"), line


def test_a_demo_night_that_cannot_run_says_why_in_one_plain_line(folder):
    """The failing night's own error, once, not a Python list of it ("['Error: …']")."""
    result = CliRunner().invoke(cli, ["demo", "--db", "d.db", "--config",
                                      "evidence-in-file.toml"])
    assert result.exit_code == 1
    [error] = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert error.startswith("Error: night 2025-10-09 failed: cannot create evidence folder "
                            "notes.txt/archive: ")
    assert "[" not in error and error.count("Error") == 1


def test_the_demo_keeps_a_reports_folder_it_did_not_make(folder):
    """`demo --db other.db` with the default reports folder of a real archive: refused, the
    user's files kept (it removed the whole folder)."""
    reports = folder / "diff_reports"
    reports.mkdir()
    (reports / "my_notes.txt").write_text("notes")
    (reports / "2024-01-05-001.json").write_text("{}")
    result = CliRunner().invoke(cli, ["demo", "--db", "d.db"])
    assert result.exit_code == 1
    assert "diff_reports holds files not made by the demo (2024-01-05-001.json, my_notes.txt)" \
        in result.output
    assert (reports / "my_notes.txt").exists() and not (folder / "d.db").exists()


def test_the_demo_does_not_replace_an_archive_being_written(folder):
    from crawler.lock import archive_lock

    (folder / "d.db").write_bytes(b"")
    with archive_lock(folder / "d.db"):
        result = CliRunner().invoke(cli, ["demo", "--db", "d.db", "--reports", "r"])
    assert result.exit_code == 1 and "is locked by a running regwatch" in result.output
    assert (folder / "d.db").exists()


def test_one_lock_per_archive_whatever_link_names_it(tmp_path):
    from crawler.lock import LockHeld, archive_lock

    (tmp_path / "a.db").write_bytes(b"")
    (tmp_path / "link.db").symlink_to(tmp_path / "a.db")
    with archive_lock(tmp_path / "a.db"), pytest.raises(LockHeld), archive_lock(
            tmp_path / "link.db"):
        pass


def archive_with_a_run(path, as_of: str) -> None:
    archive = Archive.open(path)
    archive.start_run(as_of, ["mofcom"], None)
    archive.close()


@pytest.mark.parametrize("command", ["crawl", "nightly"])
def test_a_run_dated_before_the_archives_last_run_is_refused_untouched(folder, command):
    """A night replayed into the past would turn statuses back (last_seen before first_seen,
    a measure "taking effect" again): one line naming the last run's date, nothing written."""
    archive_with_a_run(folder / "a.db", "2025-10-10")
    before = (folder / "a.db").read_bytes()
    result = CliRunner().invoke(cli, [command, "--mirror", ".", "--as-of", "2025-10-05",
                                      "--db", "a.db"])
    assert result.exit_code not in (0, None), result.output
    [line] = [line for line in result.output.splitlines() if line.strip()]
    assert line == ("Error: the run's date 2025-10-05 is before the last run of a.db "
                    "(2025-10-10-001, as of 2025-10-10): runs go forward in time; give --as-of "
                    "2025-10-10 or later, or another --db"), line
    assert (folder / "a.db").read_bytes() == before
    assert not (folder / "diff_reports").exists()


def test_the_same_day_again_or_a_later_one_may_run(folder):
    archive_with_a_run(folder / "a.db", "2025-10-10")
    check_clock("a.db", "2025-10-10")
    check_clock("a.db", "2025-10-11")
    check_clock("missing.db", "2025-10-01")
    with pytest.raises(UsageError, match="as of 2025-10-10"):
        check_clock("a.db", "2025-10-09")


@pytest.mark.parametrize("command", ["crawl", "nightly"])
def test_a_live_crawl_dated_after_today_is_refused(folder, command):
    """A live crawl dated ahead (a typo in --as-of) would block every earlier date: refused,
    nothing written; a replay (--mirror) may be dated ahead."""
    from datetime import date, timedelta

    from pipelines.config import today_in_beijing

    ahead = (date.fromisoformat(today_in_beijing()) + timedelta(days=30)).isoformat()
    result = CliRunner().invoke(cli, [command, "--as-of", ahead, "--db", "a.db"])
    assert result.exit_code not in (0, None), result.output
    [line] = [line for line in result.output.splitlines() if line.strip()]
    assert line.startswith(f"Error: a live crawl is dated today at the latest: --as-of {ahead}")
    assert not (folder / "a.db").exists()
    check_clock("a.db", ahead)  # a replay's date is its own


def test_a_refused_demo_removes_nothing(folder):
    """The reports folder's check comes before anything is removed: the archive stays."""
    from crawler.demo import DEMO_NIGHTS

    conn = sqlite3.connect(folder / "d.db")
    conn.execute("create table runs (id text, mirror text)")  # as an older regwatch's demo
    conn.execute("insert into runs values ('2025-10-09-001', ?)",
                 [str(DEMO_NIGHTS / "2025-10-09")])
    conn.commit()
    conn.close()
    reports = folder / "r"
    reports.mkdir()
    (reports / "2025-10-09-001.html.tmp").write_text("cut short")  # the demo's own: no refusal
    (reports / "notes.txt").write_text("notes")
    result = CliRunner().invoke(cli, ["demo", "--db", "d.db", "--reports", "r"])
    assert result.exit_code == 1 and "r holds files not made by the demo (notes.txt)" in (
        result.output)
    assert (folder / "d.db").exists() and (reports / "notes.txt").exists()


def test_the_demo_replaces_its_own_archive_of_an_older_regwatch(folder):
    from crawler.demo import DEMO_NIGHTS, demo_runs_of

    conn = sqlite3.connect(folder / "d.db")
    conn.execute("create table runs (id text, mirror text)")
    conn.execute("insert into runs values ('2025-10-09-001', ?)",
                 [str(DEMO_NIGHTS / "2025-10-09")])
    conn.commit()
    conn.close()
    assert demo_runs_of(folder / "d.db") == ({str(DEMO_NIGHTS / "2025-10-09")},
                                             ["2025-10-09-001"])


def test_upgrade_refuses_what_is_no_archive_and_leaves_no_lock_file(folder):
    for name, message in (("other.sqlite", "is not a regwatch archive"),
                          ("notes.txt", "is not a SQLite database")):
        result = CliRunner().invoke(cli, ["upgrade", "--db", name])
        assert result.exit_code == 1 and message in result.output, result.output
        assert not (folder / f"{name}.lock").exists()
    (folder / "empty.db").write_bytes(b"")
    result = CliRunner().invoke(cli, ["upgrade", "--db", "empty.db"])
    assert result.exit_code == 1 and "no archive at empty.db" in result.output
    assert (folder / "empty.db").stat().st_size == 0


def test_regwatch_alone_shows_the_help_whole() -> None:
    """`regwatch` with no command is no error to squeeze into one line: the help, as click
    gives it (its usage line, the commands one per line)."""
    result = CliRunner().invoke(cli, [], prog_name="regwatch")
    lines = result.output.splitlines()
    assert lines[0].startswith("Usage: regwatch [OPTIONS] COMMAND")
    assert any(line.strip().startswith("crawl ") for line in lines)
    assert not any(line.startswith("Error:") for line in lines)
