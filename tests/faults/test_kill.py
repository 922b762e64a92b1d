"""kill -9 at a random moment of `regwatch nightly`, then the night again: the archive ends the
same as a clean run's (same documents, versions, measures, events, links, status periods, and the
same changes reported over the nights, whichever run reported them)."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.faults

NIGHTS = ["2025-10-09", "2025-11-08", "2025-11-10"]
KILLED_NIGHT = "2025-11-08"
# What an archive says, without what only says when and by which run it was written.
TABLES = {
    "documents": "select id, url, source, title, published, body, category, confidence, "
                 "content_hash, version, first_seen, last_seen, listed_on, removed_on "
                 "from documents",
    "document_versions": "select document, version, title, body, content_hash, fetched_at "
                         "from document_versions",
    "measures": "select id, issuers, title_zh, title_en, published, effective, status, "
                "suspended_until, category, confidence, first_seen, last_seen from measures",
    "measure_events": "select measure, kind, date, until, by_measure, clause, document, "
                      "sentence from measure_events",
    "document_measures": "select * from document_measures",
    "measure_status": 'select measure, clause, status, "from", "to", by from measure_status',
    "changes": 'select kind, measure, url, "from", "to", by, until from changes',
}


def nightly(folder: Path, night: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "nightly", "--no-mail", "--mirror",
         str(REPO / "demo" / "nights" / night), "--as-of", night, "--db", "archive.db",
         "--reports", "reports"], cwd=folder, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> None:
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr


def snapshot(db: Path) -> dict[str, Counter]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        return {name: Counter(conn.execute(sql).fetchall()) for name, sql in TABLES.items()}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> tuple[dict[str, Counter], float]:
    """The archive after the nights run cleanly, and how long the killed night takes."""
    folder = tmp_path_factory.mktemp("clean")
    took = 0.0
    for night in NIGHTS:
        started = time.monotonic()
        finish(nightly(folder, night))
        if night == KILLED_NIGHT:
            took = time.monotonic() - started
    return snapshot(folder / "archive.db"), took


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kill_9_at_a_random_moment_ends_in_the_clean_archive(tmp_path, clean, seed):
    expected, took = clean
    moment = random.Random(seed).uniform(0.3, max(0.4, took - 0.1))
    finish(nightly(tmp_path, NIGHTS[0]))
    killed = nightly(tmp_path, KILLED_NIGHT)
    time.sleep(moment)
    killed.send_signal(signal.SIGKILL)
    killed.communicate(timeout=60)
    for night in NIGHTS[1:]:
        finish(nightly(tmp_path, night))
    got = snapshot(tmp_path / "archive.db")
    for table in TABLES:
        assert got[table] == expected[table], (table, moment, got[table] - expected[table],
                                               expected[table] - got[table])
