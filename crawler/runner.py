"""One crawl run: check the arguments, start the run, run the spiders, then the diff stage."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from pipelines.archive import Archive, ArchiveError


class UsageError(Exception):
    """The run cannot start; the message is one line for the user."""


def project_settings() -> Settings:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    return get_project_settings()


def spider_loader() -> SpiderLoader:
    return SpiderLoader.from_settings(project_settings())


def known_sources() -> list[str]:
    return sorted(spider_loader().list())


def check_sources(sources: list[str]) -> list[str]:
    """The sources to crawl (all when none are named); UsageError for an unknown one."""
    known = known_sources()
    unknown = [s for s in sources if s not in known]
    if unknown:
        raise UsageError(f"unknown source {unknown[0]!r} (known: {', '.join(known)})")
    return list(dict.fromkeys(sources)) or known


def check_mirror(mirror: str | None) -> str | None:
    if mirror is None:
        return None
    path = Path(mirror)
    if not path.is_dir():
        raise UsageError(f"mirror folder not found: {mirror}")
    return str(path.resolve())


def check_reports(reports: str) -> None:
    """The reports folder must be creatable and writable before a run starts."""
    path = Path(reports)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(f"cannot create reports folder {reports}: {e.strerror}") from None
    if not os.access(path, os.W_OK):
        raise UsageError(f"reports folder {reports} is not writable")


def open_archive(db: str) -> Archive:
    try:
        return Archive.open(db)
    except ArchiveError as e:
        raise UsageError(str(e)) from None


@dataclass
class RunSummary:
    run_id: str
    reports: list[Path]


def crawl(db: str, reports: str, sources: list[str], mirror: str | None, as_of: str,
          log_level: str = "WARNING", overrides: dict[str, Any] | None = None) -> RunSummary:
    """Fetch, normalize, diff and store every source, then the run-level diff and reports.

    Spiders run in this process's reactor, so call this once per process.
    """
    from scrapy.crawler import AsyncCrawlerProcess

    from pipelines.diff import finish_run
    from pipelines.report import write_reports

    sources = check_sources(sources)
    mirror = check_mirror(mirror)
    check_reports(reports)
    archive = open_archive(db)
    run_id = archive.start_run(as_of, sources, mirror)
    settings = project_settings()
    settings.setdict({
        "REGWATCH_DB": db, "REGWATCH_REPORTS": reports, "REGWATCH_MIRROR": mirror,
        "REGWATCH_AS_OF": as_of, "REGWATCH_RUN_ID": run_id, "LOG_LEVEL": log_level,
    }, priority="cmdline")
    if overrides:  # from the configuration file (regwatch nightly)
        settings.setdict(overrides, priority="cmdline")
    if mirror:  # replaying saved pages: no politeness delays needed
        settings.setdict({"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
                          "CONCURRENT_REQUESTS_PER_DOMAIN": 8}, priority="cmdline")
    process = AsyncCrawlerProcess(settings)
    for source in sources:
        process.crawl(source)
    process.start()
    finish_run(archive, run_id, settings.getlist("REGWATCH_DEADLINE_DAYS"))
    paths = write_reports(archive, run_id, reports, settings.get("REGWATCH_DATASETTE_URL"))
    archive.close()
    return RunSummary(run_id, paths)
