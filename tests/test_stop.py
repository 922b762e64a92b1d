"""A run told to stop stops: SIGTERM or SIGINT to a crawl busy in a long database statement ends
it within 10 s, at an item boundary, releasing the archive's lock; the run is marked interrupted
and the next run continues it, reporting exactly what a clean night reports.

The long statement is real: a trigger on `document_versions` that makes each insert count a
billion-row cross join (SQLite allows no WITH in triggers, so the rows are a table's)."""

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import REPO, regwatch
from test_scenarios import matches

from crawler.lock import archive_lock

NIGHTS = REPO / "demo" / "nights"
def make_slow(db: Path) -> None:
    """Every insert into document_versions now runs for minutes."""
    conn = sqlite3.connect(db)
    conn.execute("create table slow_rows (x integer)")
    conn.executemany("insert into slow_rows (x) values (?)", [(i,) for i in range(1000)])
    conn.execute("create trigger slow_insert after insert on document_versions begin "
                 "select count(*) from slow_rows a, slow_rows b, slow_rows c; end")
    conn.commit()
    conn.close()


def drop_slow(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("drop trigger slow_insert")
    conn.execute("drop table slow_rows")
    conn.commit()
    conn.close()


def night_args(night: str, tmp_path: Path) -> list[str]:
    return ["--mirror", str(NIGHTS / night), "--as-of", night, "--db", str(tmp_path / "a.db"),
            "--reports", str(tmp_path / "reports")]


@pytest.mark.parametrize(("command", "how"), [
    ("crawl", signal.SIGTERM), ("crawl", signal.SIGINT), ("nightly", signal.SIGTERM)])
def test_a_stopped_night_is_interrupted_then_continued(tmp_path, command, how):
    first = regwatch("crawl", *night_args("2025-10-09", tmp_path), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    db = tmp_path / "a.db"
    make_slow(db)
    process = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", command, *night_args("2025-11-08", tmp_path)],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    started = time.monotonic()  # the run has begun writing (its WAL), then its pages come
    while not Path(f"{db}-wal").exists() and time.monotonic() - started < 30:
        time.sleep(0.1)
    time.sleep(4)  # the night's first new page is being stored: inside the slow statement
    assert process.poll() is None, process.communicate()
    process.send_signal(how)
    sent = time.monotonic()
    _, stderr = process.communicate(timeout=30)
    assert time.monotonic() - sent < 10
    assert process.returncode == 128 + how
    assert stderr.strip().splitlines()[-1] == (
        f"regwatch: stopped by {how.name}: run 2025-11-08-001 marked interrupted; "
        "the next run continues it")
    assert "Traceback" not in stderr
    if command == "nightly":  # its log says so too: a scheduler drops what it printed
        log = (tmp_path / "regwatch.log").read_text(encoding="utf-8")
        assert f"nightly: stopped by {how.name}: run 2025-11-08-001 marked interrupted" in log
        assert f"nightly: exit {128 + how} (stopped)" in log
    with archive_lock(db, wait=None):  # released
        pass
    conn = sqlite3.connect(db)
    assert conn.execute("select status from runs where id = '2025-11-08-001'").fetchone() == (
        "interrupted",)
    assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    conn.close()

    drop_slow(db)
    again = regwatch("crawl", *night_args("2025-11-08", tmp_path), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    report = json.loads((tmp_path / "reports" / "2025-11-08-002.json").read_text())
    expected = yaml.safe_load((NIGHTS / "2025-11-08.expected.yaml").read_text())
    remaining = list(expected["changes"])
    for change in report["changes"]:
        match = next(e for e in remaining if matches(change, e))  # StopIteration: unexpected
        remaining.remove(match)
    assert remaining == []


@pytest.fixture
def small_disk(tmp_path):
    """A folder on a file system that is almost full (a tmpfs a little larger than what it is
    given): the archive of night 1 fits, night 2 does not."""
    first = tmp_path / "first"
    first.mkdir()
    built = regwatch("crawl", "--mirror", str(NIGHTS / "2025-10-09"), "--as-of", "2025-10-09",
                     "--db", str(first / "a.db"), "--reports", str(first / "reports"),
                     cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    # room for a few of night 2's transactions (and the mark of the interrupted run), not all
    with almost_full(tmp_path / "disk", first / "a.db", 128 * 1024) as disk:
        yield disk


@contextlib.contextmanager
def almost_full(disk: Path, db: Path, room: int):  # type: ignore[no-untyped-def]
    """A tmpfs at disk holding a copy of db with `room` bytes to spare; unmounted after."""
    disk.mkdir()
    size = db.stat().st_size + room
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.strip()}")
    try:
        shutil.copy(db, disk / "a.db")
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=True)


def test_a_full_disk_in_a_walk_back_stops_the_run_in_one_line(tmp_path):
    """A disk that fills while the lists are walked back (a walk's state, a 304's record, an
    item: each a write): the run stops at once (nothing more is fetched) and says it in one line,
    not one problem per page ("parser error on … database or disk is full", "fetch failed for
    …"); the archive stays whole."""
    env = {**os.environ, "REGWATCH_BACKFILL_PAGES_PER_NIGHT": "2"}
    night = str(NIGHTS / "2025-10-09")
    built = regwatch("crawl", "--mirror", night, "--as-of", "2025-10-09", "--db",
                     str(tmp_path / "a.db"), "--reports", str(tmp_path / "r"), cwd=tmp_path,
                     env=env)
    assert built.returncode == 0, built.stderr
    with almost_full(tmp_path / "disk", tmp_path / "a.db", 96 * 1024) as disk:
        result = regwatch("crawl", "--mirror", night, "--as-of", "2025-10-10", "--db",
                          str(disk / "a.db"), "--reports", str(tmp_path / "r"), cwd=tmp_path,
                          env=env)
        assert result.returncode == 1, result.stderr
        lines = result.stderr.strip().splitlines()
        assert lines[-1].startswith("Error: archive error: cannot write the archive (database "
                                    "or disk is full) while "), lines[-1]
        assert [line for line in lines if "disk is full" in line] == lines[-1:], result.stderr
        conn = sqlite3.connect(disk / "a.db")
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        conn.close()


def test_a_full_disk_is_one_line_and_the_run_continues_later(tmp_path, small_disk):
    db = small_disk / "a.db"
    result = regwatch("crawl", "--mirror", str(NIGHTS / "2025-11-08"), "--as-of", "2025-11-08",
                      "--db", str(db), "--reports", str(tmp_path / "reports"), cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    assert lines[-1].startswith("Error: archive error: cannot write the archive (database or "
                                "disk is full) while storing https://")
    assert lines[-1].endswith("run 2025-11-08-001 marked interrupted")
    assert len(lines) <= 3, result.stderr  # the store's problem line, not a page of tracebacks
    assert len(result.stderr) < 2000, result.stderr  # items named by address, not their HTML
    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    assert conn.execute("select status from runs where id = '2025-11-08-001'").fetchone() == (
        "interrupted",)
    conn.close()
    big = tmp_path / "big"  # room again: the next night continues the interrupted run
    big.mkdir()
    shutil.copy(db, big / "a.db")
    again = regwatch("crawl", "--mirror", str(NIGHTS / "2025-11-08"), "--as-of", "2025-11-08",
                     "--db", str(big / "a.db"), "--reports", str(tmp_path / "reports"),
                     cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    report = json.loads((tmp_path / "reports" / "2025-11-08-002.json").read_text())
    assert sum(c["kind"] == "status_changed" for c in report["changes"]) == 6


def test_a_run_killed_before_its_reports_gets_them_from_the_next_run(tmp_path):
    """A kill after a run completed and before its reports were written (simulated: its
    report files removed): the next crawl writes them, and the index lists both runs."""
    def crawl(as_of: str) -> None:
        result = regwatch("crawl", "--source", "mofcom", "--mirror",
                          str(NIGHTS / "2025-11-08"), "--as-of", as_of, "--db",
                          str(tmp_path / "a.db"), "--reports", str(tmp_path / "r"),
                          cwd=tmp_path)
        assert result.returncode == 0, result.stderr

    crawl("2025-11-08")
    for path in (tmp_path / "r").glob("2025-11-08-001.*"):
        path.unlink()
    crawl("2025-11-09")
    assert {p.suffix for p in (tmp_path / "r").glob("2025-11-08-001.*")} == {
        ".json", ".md", ".html"}
    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "2025-11-08-001" in index and "2025-11-09-001" in index


@pytest.mark.parametrize(("error", "fatal"), [
    (PermissionError(13, "Permission denied", "evidence/archive/x.warc.gz"), True),
    (OSError(28, "No space left on device"), True),
    (OSError(30, "Read-only file system"), True),
    (OSError(122, "Disk quota exceeded"), True),
    (ValueError("a bad page"), False),
    (OSError(2, "No such file or directory"), False),
])
def test_local_storage_that_cannot_be_written_stops_the_run(error, fatal):
    """An evidence folder that refuses writes (permission, quota, read-only, full) is a fault of
    this machine, not of the sites: the run stops with one line (as for a full disk), instead of
    a night of 'could not store' source problems and an exit status of 0."""
    from pipelines.store import storage_failure

    assert storage_failure(error, " ".join(str(error).split())) is fatal


def test_an_item_that_fails_is_named_by_its_address_not_its_html():
    """Scrapy's "Error processing …" line (an item that fails to store, e.g. on a full disk)
    names the page, not its whole text: a night's full disk printed whole pages."""
    from crawler.logformatter import RegwatchLogFormatter
    from pipelines.items import DocumentItem

    item = DocumentItem(url="https://www.mofcom.gov.cn/a.html", title="t", source="mofcom",
                        source_kind="authority", language="zh", body="<p>正文</p>" * 5000)
    entry = RegwatchLogFormatter().item_error(item, OSError("disk full"), None, None)
    line = entry["msg"] % entry["args"]
    assert line == "Error processing DocumentItem https://www.mofcom.gov.cn/a.html"
