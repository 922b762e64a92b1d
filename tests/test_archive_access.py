"""Whose database it is, and who may change it.

A file that is not an empty database or a regwatch archive is refused and left byte-for-byte
unchanged, by every command. Read commands (report, sources, serve) never create, migrate or switch
journal modes, and work on an archive on read-only media. A corrupt or non-SQLite file is one line.
"""

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SESSION_TMP, regwatch

from pipelines.archive import Archive, ArchiveError


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def other_app(tmp_path) -> Path:
    """Another application's SQLite database, in rollback-journal mode."""
    path = tmp_path / "otherapp.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("create table notes (id integer primary key, text text)")
    conn.execute("insert into notes (text) values ('mine')")
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def archive_db(tmp_path) -> Path:
    path = tmp_path / "archive.db"
    archive = Archive.open(path)
    run_id = archive.start_run("2025-11-08", ["mofcom"], None)
    archive.finish_run(run_id, {})
    archive.close()
    return path


def one_line(result: subprocess.CompletedProcess, text: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and text in lines[0], result.stderr


@pytest.mark.parametrize("command", [
    ["report"], ["sources"], ["crawl", "--mirror", "night"], ["digest"], ["serve"],
    ["nightly", "--mirror", "night"],
])
def test_another_applications_database_is_refused_and_unchanged(tmp_path, other_app, command):
    (tmp_path / "night").mkdir()
    (tmp_path / "regwatch.toml").write_text(
        "[[mail.recipients]]\naddress = 'a@example.org'\n", encoding="utf-8")
    before = digest(other_app)
    result = regwatch(*command, "--db", str(other_app), cwd=tmp_path)
    one_line(result, "is not a regwatch archive")
    assert digest(other_app) == before
    assert not Path(f"{other_app}-wal").exists() and not Path(f"{other_app}-shm").exists()


def test_the_library_refuses_it_too(other_app):
    before = digest(other_app)
    with pytest.raises(ArchiveError, match="not a regwatch archive"):
        Archive.open(other_app)
    with pytest.raises(ArchiveError, match="not a regwatch archive"):
        Archive.open_readonly(other_app)
    assert digest(other_app) == before


def test_an_empty_database_becomes_an_archive(tmp_path):
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    Archive.open(path).close()
    assert "measures" in {r[0] for r in sqlite3.connect(path).execute(
        "select name from sqlite_master")}


@pytest.mark.parametrize(("content", "message"), [
    (b"not a database at all", "is not a SQLite database"),
    (b"SQLite format 3\x00" + b"\x07" * 4000, "cannot read archive"),
])
def test_a_broken_file_is_one_line_for_read_commands(tmp_path, content, message):
    path = tmp_path / "broken.db"
    path.write_bytes(content)
    for command in ("sources", "report"):
        one_line(regwatch(command, "--db", str(path), cwd=tmp_path), message)
    assert path.read_bytes() == content


def test_read_commands_never_migrate_or_switch_the_journal(tmp_path, archive_db):
    conn = sqlite3.connect(archive_db)
    conn.execute("pragma journal_mode=delete")
    conn.close()
    before = digest(archive_db)
    for command in ("sources", "report"):
        result = regwatch(command, "--db", str(archive_db), "--reports", str(tmp_path / "r"),
                          cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    assert digest(archive_db) == before
    mode = sqlite3.connect(archive_db).execute("pragma journal_mode").fetchone()[0]
    assert mode == "delete"


def test_read_commands_and_a_refused_run_leave_no_wal_files(tmp_path, archive_db):
    """An archive in WAL mode, as every run leaves it: reading it needs SQLite's -wal and -shm
    files, and a command that only reads (or a run refused for its date) removes them again
    (a `mode=ro` connection left them behind)."""
    (tmp_path / "night").mkdir()
    conn = sqlite3.connect(archive_db)
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    conn.close()
    commands = [["sources"], ["status"], ["report", "--reports", str(tmp_path / "r")],
                ["screen", "Example Co"],
                ["crawl", "--mirror", "night", "--as-of", "2025-01-01"]]
    for command in commands:
        result = regwatch(*command, "--db", str(archive_db), cwd=tmp_path)
        assert "Traceback" not in result.stderr, result.stderr
        assert sorted(p.name for p in archive_db.parent.glob("archive.db*")) == [
            "archive.db"], command
    assert "before the last run" in result.stderr


def test_an_archive_behind_the_schema_is_named_not_migrated(tmp_path, archive_db):
    conn = sqlite3.connect(archive_db)
    conn.execute("delete from _sqlite_migrations where name = "
                 "(select max(name) from _sqlite_migrations)")
    conn.commit()
    conn.close()
    before = digest(archive_db)
    one_line(regwatch("sources", "--db", str(archive_db), cwd=tmp_path), "older regwatch")
    assert digest(archive_db) == before


def as_unprivileged(command: list[str]) -> list[str]:
    """The command as a user who cannot write what it does not own (root bypasses modes)."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]


def test_read_commands_work_on_read_only_media(tmp_path, archive_db):
    """Read-only media: a folder and files nobody may write (WAL files cannot be created)."""
    reports = tmp_path / "reports"
    reports.mkdir()
    media = tmp_path / "media"
    media.mkdir()
    db = media / "archive.db"
    db.write_bytes(archive_db.read_bytes())
    for folder in [tmp_path, *tmp_path.parents]:  # let the unprivileged user reach tmp_path
        if folder == SESSION_TMP.parent:
            break
        folder.chmod(folder.stat().st_mode | stat.S_IXOTH | stat.S_IROTH)
    reports.chmod(0o777)
    db.chmod(0o444)
    media.chmod(0o555)
    try:
        for command in (["sources"], ["report", "--reports", str(reports)]):
            result = subprocess.run(
                as_unprivileged([sys.executable, "-m", "crawler.cli", *command, "--db", str(db)]),
                cwd=REPO, capture_output=True, text=True, timeout=120,
                env={**os.environ, "HOME": str(reports), "PYTHONDONTWRITEBYTECODE": "1"})
            assert result.returncode == 0, result.stderr
        assert sorted(p.name for p in media.iterdir()) == ["archive.db"]
        assert any(reports.glob("*.html"))
    finally:
        media.chmod(0o755)
