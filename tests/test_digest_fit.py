"""A digest that fits, on the demo's nights: one per run and recipient, a summary for a long
backlog, subjects under 100 characters naming the most important change, HTML under the size
limit with the rest behind a link, each proving sentence quoted once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipelines.archive import Archive
from pipelines.config import Config, MailConfig, Recipient
from pipelines.digest import queue_digests


@pytest.fixture
def archive(demo, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(Path(demo[0]) / "archive.db", db)
    archive = Archive.open(db)
    yield archive
    archive.close()


def cfg(*recipients: Recipient, **settings: int) -> Config:
    return Config(mail=MailConfig(recipients=list(recipients) or [Recipient("a@example.org")]),
                  **settings)


def test_a_long_backlog_is_one_summary_of_the_last_night(archive):
    assert queue_digests(archive, cfg()) == 1
    (row,) = archive.outbox()
    assert row["subject"] == ("[regwatch] 2026-11-22: 6 suspensions by MOFCOM-2025-70 ended "
                              "2026-11-10 (+3 more; 12 earlier runs)")
    assert len(row["subject"]) < 100
    assert len(row["html"].encode()) < 100_000
    html, text = row["html"], row["text"]
    assert "http://127.0.0.1:8001/-/reports/2025-11-08-001.html" in html
    assert "2025-11-08: 6 measures suspended, 2 new measures" in text
    # an earlier night's headline names its measures, not only counts them
    [night] = [line for line in text.splitlines() if line.strip().startswith("2025-11-08:")]
    assert "MOFCOM-2025-55" in night and "MOFCOM-2025-70" in night
    assert "(MOFCOM-2025-" in html
    # the summary table first, then the cards; the No. 70 sentence quoted once, not six times
    assert html.index("<th") < html.index("Deadlines passed (6)")
    sentence = "一、自即日起至2026年11月10日，暂停实施商务部 海关总署公告2025年第55号"
    assert html.count(sentence) == 1 and text.count(sentence) == 1
    # (first quoted for No. 70's own end, which the same sentence proves)
    assert html.count("The same sentence as for MOFCOM-2025-70 above") == 4  # Nos. 55-58
    assert html.count("The same sentence as for MOFCOM-2025-61 above") == 1  # No. 62


def test_one_digest_per_run_when_the_backlog_is_short(archive):
    # every night has news now (2025-11-13: the press conference's transcript on mofcom_press)
    assert queue_digests(archive, cfg(digest_max_runs=20)) == 13  # thirteen nights
    rows = archive.outbox()
    assert [r["run_ids"] for r in rows][:2] == ['["2025-10-09-001"]', '["2025-11-08-001"]']
    for row in rows:
        assert len(row["subject"]) < 100, row["subject"]
        assert len(row["html"].encode()) < 100_000
    subjects = [r["subject"] for r in rows]
    # (+12: two new measures, a deadline near, six new documents (No. 70 in English among
    # them), a changed one, Customs' backfill summary, a source problem)
    assert subjects[1] == ("[regwatch] 2025-11-08: 6 measures suspended by MOFCOM-2025-70 until "
                           "2026-11-10 (+12 more)")
    by_night = {r["run_ids"][2:12]: r["subject"] for r in rows}
    assert by_night["2026-11-05"] == ("[regwatch] 2026-11-05: 6 suspensions end 2026-11-10 "
                                      "(in 5 days) (+1 more)")
    for row in rows:  # each names its own night, no other
        assert row["subject"].startswith(f"[regwatch] {row['run_ids'][2:12]}: ")


def test_html_over_the_limit_leaves_the_rest_behind_a_link(archive):
    assert queue_digests(archive, cfg(digest_max_runs=20, digest_max_kb=12)) == 13
    first = archive.outbox()[0]  # 2025-10-09: 30 changes
    assert len(first["html"].encode()) <= 12_000
    assert "did not fit in this mail" in first["html"]
    assert "http://127.0.0.1:8001/-/reports/2025-10-09-001.html" in first["html"]
    assert "did not fit in this mail" in first["text"]
    assert "MOFCOM-2025-61" in first["html"]  # the summary table still names every measure


def test_a_topic_subscription(archive):
    desk = Recipient("desk@example.org", topics=["rare earths"])
    # 2025-10-09, 2025-11-08, 2026-03-16 (No. 61's rare-earth annex replaced), 2026-11-05 and
    # 2026-11-22
    assert queue_digests(archive, cfg(desk, digest_max_runs=20)) == 5
    text = "\n".join(r["text"] for r in archive.outbox())
    # (No. 18 of 2025 is history on the demo's first night, a backfill: no change of its own)
    for measure in ("MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-61"):
        assert measure in text
    assert "GACC-2025-219" not in text and "MOFCOM-2026-1 " not in text
    assert "topics: rare earths" in text
