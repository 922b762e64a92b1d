"""The run owner: one object starts a run, runs the spiders, finishes the run, writes the reports.

`Run(config, sources).execute()` is what `regwatch crawl`, `regwatch nightly`, `regwatch demo`
(one child process per night) and `scrapy crawl NAME` (crawler.commands.crawl) all do:

1. check the arguments (known sources, mirror folder, writable reports folder, the archive);
2. start the run in the archive (`runs`; a run left `running` by a killed process becomes
   `interrupted` and its changes move to this one);
3. crawl every source in one Scrapy process, each crawler handed its `SourceRun`;
4. finish the run (pipelines.finish: sources' health, removals, statuses, changes);
5. write the run's reports (pipelines.report).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from scrapy import Spider
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from crawler import settings as settings_module
from pipelines.archive import Archive, ArchiveError
from pipelines.config import Config
from pipelines.evidence import EvidenceStore
from pipelines.run import RunContext, SourceRun, attach


class UsageError(Exception):
    """The run cannot start; the message is one line for the user."""


def project_settings(config: Config | None = None) -> Settings:
    """Scrapy's settings: the fixed module, with the configuration's values laid over it."""
    settings = Settings()
    settings.setmodule(settings_module, priority="project")
    if config is not None:
        settings.setdict(settings_module.from_config(config), priority="cmdline")
    return settings


def spider_loader() -> SpiderLoader:
    return SpiderLoader.from_settings(project_settings())


def known_sources() -> list[str]:
    return sorted(spider_loader().list())


def check_sources(sources: Sequence[str]) -> list[str]:
    """The sources named (all when none are); UsageError for an unknown one."""
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


def open_archive(db: str, *, create: bool = True) -> Archive:
    try:
        return Archive.open(db, create=create)
    except ArchiveError as e:
        raise UsageError(str(e)) from None


def open_evidence(config: Config) -> EvidenceStore:
    """The run's WARC store (its folder is created on the first record)."""
    folder = config.evidence_folder()
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"evidence folder {folder} is not a folder")
    return EvidenceStore(folder)


@dataclass
class RunSummary:
    run_id: str
    reports: list[Path]
    sources: list[SourceRun]


class Run:
    """One run of some sources (spider names, or spider classes for tests' probes)."""

    def __init__(self, config: Config, sources: Sequence[str | type[Spider]],
                 extra_settings: dict[str, Any] | None = None,
                 spider_args: dict[str, Any] | None = None) -> None:
        names = [s for s in sources if isinstance(s, str)]
        self.sources: list[str | type[Spider]] = (
            [*check_sources(names), *(s for s in sources if not isinstance(s, str))]
            if names or not sources else list(sources))
        self.config = replace(config, mirror=check_mirror(config.mirror))
        self.extra_settings = extra_settings or {}
        self.spider_args = spider_args or {}
        check_reports(self.config.reports)

    def execute(self) -> RunSummary:
        """Start, crawl, finish and report; the archive is closed whatever happens."""
        from pipelines.finish import finish_run
        from pipelines.report import write_reports

        archive = open_archive(self.config.db)
        evidence = open_evidence(self.config)
        try:
            run = RunContext(self.start(archive), self.config.run_date(), archive, evidence)
            source_runs = self.crawl(run)
            finish_run(archive, run.run_id, source_runs,
                       deadline_days=self.config.deadline_days,
                       removed_after_nights=self.config.removed_after_nights)
            paths = write_reports(archive, run.run_id, self.config.reports,
                                  self.config.datasette_url)
        finally:
            evidence.close()
            archive.close()
        return RunSummary(run.run_id, paths, source_runs)

    def start(self, archive: Archive) -> str:
        names = [s if isinstance(s, str) else s.name for s in self.sources]
        return archive.start_run(self.config.run_date(), names, self.config.mirror)

    def crawl(self, run: RunContext) -> list[SourceRun]:
        """Every source's spider in one Scrapy process (its reactor runs once per process)."""
        from scrapy.crawler import AsyncCrawlerProcess

        settings = project_settings(self.config)
        settings.setdict(self.extra_settings, priority="cmdline")
        process = AsyncCrawlerProcess(settings)
        source_runs = []
        for source in self.sources:
            crawler = process.create_crawler(source)
            source_run = SourceRun(run, crawler.spidercls.name)
            attach(crawler, source_run)
            source_runs.append(source_run)
            process.crawl(crawler, **self.spider_args)
        process.start()
        return source_runs
