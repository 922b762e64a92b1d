"""The demo's nights crawled with their pages in another order build the same archive as
`regwatch demo`: no measure, link, review candidate, change, event, status period, entity
designation, coverage row or number gap depends on the order pages arrive in (issue 14).

The other orders: the scheduler breadth-first (first in, first out) instead of depth-first, one
request in flight per site and one item at a time instead of two and eight, and either the
sources started side by side in reverse, or each source crawled alone after the one before (so
that of two sites carrying one announcement, the one the demo usually reads second is read
first). The archives are compared table by table, row by row.
"""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.demo import DEMO_NIGHTS, DEMO_SETTINGS
from crawler.runner import known_sources

# `regwatch crawl` with the scheduler's order changed (Scrapy's settings for a breadth-first
# crawl), in a child process as every crawl is.
OTHER_ORDER = """
import sys
import crawler.settings as settings
settings.DEPTH_PRIORITY = 1
settings.SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
settings.SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
from_config = settings.from_config
settings.from_config = lambda config: {**from_config(config), "CONCURRENT_ITEMS": 1,
                                       "CONCURRENT_REQUESTS_PER_DOMAIN": 1}
if sys.argv[1] == "one-after-another":
    from crawler.runner import spider_loader
    loader = spider_loader()
    for name in loader.list():
        loader.load(name).HOST_GROUP = "every source"  # crawled in turn (crawler.runner)
from crawler.cli import cli
cli(sys.argv[2:])
"""
ORDERS = {"reversed-side-by-side": reversed, "one-after-another": list}

# Columns that say when or in what order something happened, not what the archive knows:
# clocks, row numbers, places in the WARC files and what their records said when written (their
# date, fields and digest: which night or page first kept a file), the sources as named on the
# command line, a
# row number of another table (controlled_items.annex). documents.listed_on is compared: when
# two lists link an article, the first by address is kept, whichever was read first.
NOT_COMPARED = {"started_at", "finished_at", "fetched_at", "last_fetched", "warc_file",
                "warc_record_id", "warc_offset", "warc_length", "more_records", "sources",
                "annex", "warc_date", "warc_fields", "warc_block_digest"}


def replay_in_other_order(folder: Path, order: str) -> Path:
    db = folder / "archive.db"
    env = {**os.environ, **DEMO_SETTINGS}
    sources = [arg for name in ORDERS[order](known_sources()) for arg in ("--source", name)]
    nights = sorted(p for p in DEMO_NIGHTS.iterdir() if p.is_dir())
    for night in nights:
        result = subprocess.run(
            [sys.executable, "-c", OTHER_ORDER, order, "crawl", "--mirror", str(night), "--as-of",
             night.name, "--db", str(db), "--reports", str(folder / "diff_reports"), *sources],
            cwd=folder, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-2000:]
    return db


def archive_rows(db: Path) -> dict[str, list[str]]:
    """Each table's rows (full-text indexes and migrations aside), as sorted JSON lines."""
    connection = sqlite3.connect(db)
    try:
        tables = [r[0] for r in connection.execute(
            "select name from sqlite_master where type = 'table' and name not like '%fts%' "
            "and name not like '\\_%' escape '\\'")]
        rows = {}
        for table in tables:
            columns = [c[1] for c in connection.execute(f"pragma table_info([{table}])")
                       if not (c[5] and c[2] == "INTEGER") and c[1] not in NOT_COMPARED]
            query = f"select {', '.join(f'[{c}]' for c in columns)} from [{table}]"
            rows[table] = sorted(json.dumps(list(r), ensure_ascii=False)
                                 for r in connection.execute(query))
        return rows
    finally:
        connection.close()


@pytest.mark.parametrize("order", ORDERS)
def test_the_demo_crawled_in_another_order_builds_the_same_archive(demo, tmp_path, order):
    folder, _ = demo
    expected = archive_rows(folder / "archive.db")
    found = archive_rows(replay_in_other_order(tmp_path, order))
    assert expected.keys() == found.keys()
    assert len(expected["measures"]) > 50 and expected["designations"]
    differences = {table: (sorted(set(expected[table]) - set(found[table]))[:3],
                           sorted(set(found[table]) - set(expected[table]))[:3])
                   for table in expected if expected[table] != found[table]}
    assert not differences
