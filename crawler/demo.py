"""`regwatch demo`: the bundled nights (demo/nights/) replayed offline into a fresh archive.

Each night is one `regwatch crawl --mirror demo/nights/<night> --as-of <night>` in a child
process (Scrapy's reactor runs once per process); the demo prints each night's headline and its
legal changes, then where the last report is.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from crawler.lock import LockHeld, archive_lock
from crawler.runner import UsageError, known_sources, read_archive
from pipelines.archive import connect_to_read
from pipelines.config import Config
from pipelines.evidence import run_files
from pipelines.report import headline, plural

DEMO_NIGHTS = Path(__file__).resolve().parent.parent / "demo" / "nights"
# The bundled history starts in July 2023: the demo's first night walks back to there (its
# children run with REGWATCH_BACKFILL_SINCE set to this).
DEMO_BACKFILL_SINCE = "2023-07-01"
# What every demo night is crawled with (the environment of its child process): the history's
# start, and no archived article read again because no list shows it (a bundled night holds
# the pages its story needs, not the whole sites: the mirror would answer each with a 404).
DEMO_SETTINGS = {"REGWATCH_BACKFILL_SINCE": DEMO_BACKFILL_SINCE,
                 "REGWATCH_REVISIT_UNLISTED_PER_NIGHT": "0"}

# Change kinds the demo prints one by one; the others it counts.
SPELLED_OUT = ("backfill", "status_changed", "deadline_passed", "deadline_near", "new_measure",
               "measure_amended", "document_removed", "source_problem")


def night_lines(report: dict[str, Any]) -> list[str]:
    """The night's legal changes and problems one per line, documents as a count."""
    spelled = [c for c in report["changes"] if c["kind"] in SPELLED_OUT
               or (c["diff"] or {}).get("sentence")  # e.g. a news page with a statement
               or (c["diff"] or {}).get("annexes")]  # an annex file replaced
    lines = [f"    [{c['kind']}] {c['summary']}" for c in spelled]
    documents = Counter(c["kind"] for c in report["changes"] if c not in spelled)
    if documents:
        lines.append("    + " + ", ".join(plural(n, k.replace("_", " ").removesuffix("s"))
                                            for k, n in sorted(documents.items())))
    problems = [s["name"] for s in report["sources"] if s["status"] != "ok"]
    if problems:
        lines.append(f"    sources with problems: {', '.join(problems)}")
    return lines


def archive_lines(db: str, report: dict[str, Any]) -> list[str]:
    """After a backfill night: what the archive now holds and the numbers it may be missing."""
    if not any(c["kind"] == "backfill" for c in report["changes"]):
        return []
    from pipelines.backfill import archive_summary

    archive = read_archive(db)
    try:
        lines = [f"    {archive_summary(archive, report['as_of'])}"]
        lines += [f"    {gaps_line(r)}"
                  for r in archive.coverage() if r["scope"] == "series" and r["gaps"]]
    finally:
        archive.close()
    return lines


def gaps_line(row: dict[str, Any]) -> str:
    """"MOFCOM 2024: numbers 1-51 seen except: … (may be missing)"; a year under way, checked
    only up to the numbers published a week before: "MOFCOM 2025 (under way; highest seen:
    No. 70): may be missing: …"."""
    from pipelines.backfill import under_way

    if under_way(row):
        return (f"{row['name']} {row['year']} (under way; highest seen: No. {row['highest']}): "
                f"may be missing: {row['missing']}")
    return (f"{row['name']} {row['year']}: numbers 1-{row['highest']} seen except: "
            f"{row['missing']} (may be missing)")


def evidence_line(folder: Path, run_id: str) -> str:
    """What the night added to the evidence store (nothing, when nothing changed)."""
    files = run_files(folder, run_id) if folder.is_dir() else []
    size = sum(path.stat().st_size for path in files)
    if not size:
        return "    evidence: nothing new kept (0 bytes)"
    return f"    evidence: {size:,} bytes kept in {', '.join(p.name for p in files)}"


def prepare_fresh_archive(db: Path, reports: Path, force: bool,
                          evidence: Path | None = None) -> None:
    """Remove a previous demo's archive, reports and evidence files; refuse to remove anything
    else, and remove nothing when refusing."""
    runs = [f"{night.name}-001" for night in DEMO_NIGHTS.iterdir() if night.is_dir()]
    if db.exists() and not db.is_symlink():
        mirrors, ids = demo_runs_of(db)
        runs += ids
        foreign = [m for m in mirrors if not (m or "").startswith(str(DEMO_NIGHTS))]
        if foreign and not force:
            raise UsageError(f"{db} holds runs not made by the demo; use --db OTHER or --force")
    elif db.is_symlink() and not force:
        raise UsageError(f"{db} is a link to another file; give the file itself, or --force")
    foreign_reports = files_not_made_by_the_demo(reports, runs)
    if foreign_reports and not force:
        shown = ", ".join(foreign_reports[:3]) + (", …" if len(foreign_reports) > 3 else "")
        raise UsageError(f"{reports} holds files not made by the demo ({shown}); use --reports "
                         "OTHER or --force")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    if reports.exists():
        shutil.rmtree(reports)
    if evidence is not None and evidence.is_dir():
        for run_id in set(runs):  # the demo's runs' WARC files: a fresh archive starts afresh
            for path in run_files(evidence, run_id):
                path.unlink()


def demo_runs_of(db: Path) -> tuple[set[str | None], list[str]]:
    """The mirrors and ids of an archive's runs ({"?"} when it is no archive that can be read),
    read straight from its runs table: an archive an older regwatch wrote is read too."""
    try:
        conn = connect_to_read(db)
        try:
            rows = conn.execute("select id, mirror from runs").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return {"?"}, []
    return {mirror for _, mirror in rows}, [run_id for run_id, _ in rows]


REPORT_SUFFIXES = (".json", ".md", ".html")


def files_not_made_by_the_demo(reports: Path, runs: list[str]) -> list[str]:
    """The files of the reports folder that are not a demo run's reports or the index (nor
    their .tmp, left by a write cut short)."""
    if not reports.is_dir():
        return []
    ours = {f"{run}{suffix}" for run in runs for suffix in REPORT_SUFFIXES} | {"index.html"}
    ours |= {f"{name}.tmp" for name in ours}
    return sorted(p.name for p in reports.iterdir() if p.name not in ours)


def replay_night(night: Path, config: Config) -> dict[str, Any]:
    """Crawl one bundled night, every source, in a child process; its report."""
    command = [sys.executable, "-m", "crawler.cli", "crawl", "--mirror", str(night),
               "--as-of", night.name, "--db", config.db, "--reports", config.reports]
    if Path(config.path).exists():
        command += ["--config", config.path]
    command += [arg for name in known_sources() for arg in ("--source", name)]
    env = {**os.environ, **DEMO_SETTINGS}
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise UsageError(f"night {night.name} failed: {last.removeprefix('Error: ')}")
    archive = read_archive(config.db)
    run_id = archive.latest_run_id()
    archive.close()
    return json.loads((Path(config.reports) / f"{run_id}.json").read_text(encoding="utf-8"))


def run_demo(config: Config, force: bool) -> None:
    """Replay every bundled night into config.db and config.reports, printing as it goes."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

    nights = sorted(p for p in DEMO_NIGHTS.iterdir() if p.is_dir())
    db, reports = Path(config.db), Path(config.reports)
    try:  # not while a crawl writes it (each night's child takes the lock anew)
        with archive_lock(db):
            prepare_fresh_archive(db, reports, force, config.evidence_folder())
    except LockHeld as e:
        raise UsageError(f"{e}: the demo replaces it only when nothing writes it") from None
    console = Console(highlight=False, soft_wrap=True)
    console.print(f"regwatch demo: replaying {len(nights)} nights from {DEMO_NIGHTS} into {db}")
    report: dict[str, Any] = {}
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  TextColumn("{task.completed}/{task.total} nights"), console=console) as bar:
        task = bar.add_task("crawling", total=len(nights))
        for night in nights:
            bar.update(task, description=f"night of {night.name}")
            report = replay_night(night, config)
            bar.console.print(f"run {report['run_id']} (as of {report['as_of']}): "
                              f"{headline(report['changes'], report['sources'])}",
                              markup=False)
            for line in night_lines(report) + archive_lines(config.db, report):
                bar.console.print(line, markup=False)
            bar.console.print(evidence_line(config.evidence_folder(), report["run_id"]),
                              markup=False)
            bar.advance(task)
    last = reports / f"{report.get('run_id')}.html"
    console.print(f"\nArchive: {db}. Reports: {reports}/ (all nights: {reports}/index.html).\n"
                  f"Last night's report, what a newcomer reads first: {last}\n"
                  f"Browse the archive with: regwatch serve --db {db}", markup=False)
