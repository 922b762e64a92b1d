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

import contextlib
import logging
import os
import signal
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.defer import deferred_from_coro

from crawler import settings as settings_module
from crawler.logformatter import console_one_line
from pipelines.archive import Archive, ArchiveError
from pipelines.config import Config, today_in_beijing
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
    """The reports folder must exist writable, or be creatable, before a run starts (nothing is
    created here: a run that does not start leaves no trace)."""
    check_folder(reports, "reports folder")


def check_folder(folder: str | Path, what: str) -> None:
    """UsageError unless the folder exists writable or can be created (nothing is created)."""
    path = Path(folder).absolute()
    existing = next(p for p in (path, *path.parents) if p.exists())
    if not existing.is_dir():
        raise UsageError(f"cannot create {what} {folder}: {existing} is not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(f"{what} {folder} is not writable"
                         if existing == path else f"cannot create {what} {folder}: "
                         f"{existing} is not writable")


def check_archive(db: str, *, must_exist: bool = False) -> None:
    """UsageError unless db is, or may become, a regwatch archive (nothing is written)."""
    if must_exist and not Path(db).exists():
        raise UsageError(f"no archive at {db}")
    try:
        Archive.check(db)
    except ArchiveError as e:
        raise UsageError(str(e)) from None


def check_clock(db: str, as_of: str, live: bool = False) -> None:
    """UsageError when the run's date is before the archive's last run: a night replayed into
    the past would turn statuses back and make later dates happen again (the same day again is
    a new run of that day); or when a live crawl (no mirror) is dated after today in Beijing:
    what the sites say today is no future day's, and a run dated ahead would block every
    earlier date. Nothing is written."""
    today = today_in_beijing()
    if live and as_of > today:
        raise UsageError(f"a live crawl is dated today at the latest: --as-of {as_of} is after "
                         f"today in Beijing ({today}); replay a saved site with --mirror to "
                         "date a run ahead")
    try:
        last = Archive.last_run_of(db)
    except ArchiveError as e:
        raise UsageError(str(e)) from None
    if last is not None and as_of < last["as_of"]:
        raise UsageError(f"the run's date {as_of} is before the last run of {db} "
                         f"({last['id']}, as of {last['as_of']}): runs go forward in time; "
                         f"give --as-of {last['as_of']} or later, or another --db")


def open_archive(db: str, *, create: bool = True) -> Archive:
    """The archive to write (created when allowed and absent, migrated)."""
    try:
        return Archive.open(db, create=create)
    except ArchiveError as e:
        raise UsageError(str(e)) from None


def open_evidence(config: Config) -> EvidenceStore:
    """The run's WARC store (its folder is created on the first record)."""
    folder = config.evidence_folder()
    check_folder(folder, "evidence folder")  # a local fault: refused before the run starts
    return EvidenceStore(folder)


def read_archive(db: str) -> Archive:
    """The archive to read: never created, migrated or changed (read-only media too)."""
    try:
        return Archive.open_readonly(db)
    except ArchiveError as e:
        raise UsageError(str(e)) from None


class StopRequested(Exception):
    """The run was told to stop (SIGTERM, SIGINT or SIGHUP) and was marked interrupted."""

    def __init__(self, signum: int, run_id: str | None) -> None:
        name = signal.Signals(signum).name
        super().__init__(f"stopped by {name}: run {run_id} marked interrupted; the next run "
                         "continues it" if run_id else f"stopped by {name} before the run began")
        self.exit_status = 128 + signum


class Stopper:
    """SIGTERM, SIGINT and SIGHUP stop a run at an item boundary within STOP_GRACE seconds: the
    crawl is stopped (Scrapy's engines close), a running SQLite statement is aborted (the
    archive's progress handler asks `requested()`), the run is marked interrupted."""

    SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
    GRACE = 5.0  # seconds a stopping crawl gets before the reactor is stopped outright

    def __init__(self) -> None:
        self.signum: int | None = None
        self.process: Any = None  # the Scrapy process while it crawls
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> Stopper:
        self._previous = {s: signal.signal(s, self.handle) for s in self.SIGNALS}
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def requested(self) -> bool:
        return self.signum is not None

    def handle(self, signum: int, frame: Any) -> None:
        again = self.signum is not None
        self.signum = self.signum or signum
        if self.process is not None:
            from twisted.internet import reactor

            reactor.callFromThread(self._stop_reactor if again else self._stop_crawl)

    def check(self, run_id: str | None) -> None:
        if self.signum is not None:
            raise StopRequested(self.signum, run_id)

    def _stop_crawl(self) -> None:
        from twisted.internet import reactor

        deferred_from_coro(self.process.stop()).addBoth(lambda _: self._stop_reactor())
        reactor.callLater(self.GRACE, self._stop_reactor)

    @staticmethod
    def _stop_reactor() -> None:
        from twisted.internet import reactor

        if reactor.running:
            reactor.stop()


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
        probes = [s for s in sources if not isinstance(s, str)]
        # named sources must be known; none at all means every source
        self.sources: list[str | type[Spider]] = (
            [*check_sources(names), *probes] if names or not probes else probes)
        self.config = replace(config, mirror=check_mirror(config.mirror))
        self.extra_settings = extra_settings or {}
        self.spider_args = spider_args or {}
        check_reports(self.config.reports)
        check_archive(self.config.db)
        check_clock(self.config.db, self.config.run_date(), live=not self.config.mirror)
        # (before anything is written: a refused run leaves no archive file or lock behind)
        check_folder(self.config.evidence_folder(), "evidence folder")

    def execute(self) -> RunSummary:
        """Start, crawl, finish and report; the archive is closed whatever happens. A stop signal
        marks the run interrupted and raises StopRequested."""
        with Stopper() as stopper:
            archive = open_archive(self.config.db)
            archive.abort_when(stopper.requested)
            evidence = open_evidence(self.config)
            run_id = None
            try:
                run_id = self.start(archive)
                run = RunContext(run_id, self.config.run_date(), archive, evidence=evidence)
                stopper.check(run_id)
                source_runs = self.crawl(run, stopper)
                stopper.check(run_id)
                self.check_written(run)
                paths = self.finish(run, source_runs)
                stopper.check(run_id)
            except (StopRequested, sqlite3.OperationalError) as e:
                if not stopper.requested():
                    raise
                archive.abort_when(lambda: False)
                if run_id is not None:
                    archive.mark_interrupted(run_id)
                raise StopRequested(stopper.signum or signal.SIGTERM, run_id) from e
            finally:
                evidence.close()
                archive.close()
        return RunSummary(run.run_id, paths, source_runs)

    @staticmethod
    def check_written(run: RunContext) -> None:
        """UsageError (one line) if the archive could not be written; the run is marked
        interrupted, so the next run, with room to write, continues it."""
        if run.fatal:
            with contextlib.suppress(sqlite3.Error):
                run.archive.mark_interrupted(run.run_id)
            raise UsageError(f"archive error: {run.fatal}; run {run.run_id} marked interrupted")

    def finish(self, run: RunContext, source_runs: list[SourceRun]) -> list[Path]:
        """The end of the run and its reports."""
        from pipelines.finish import finish_run
        from pipelines.report import write_reports

        finish_run(run.archive, run.run_id, source_runs,
                   deadline_days=self.config.deadline_days,
                   removed_after_nights=self.config.removed_after_nights)
        # the run before, if a kill came after it completed and before its reports were written
        previous = run.archive.latest_completed_run_id(before=run.run_id)
        try:
            if previous and not (Path(self.config.reports) / f"{previous}.json").exists():
                write_reports(run.archive, previous, self.config.reports,
                              self.config.datasette_url)
            return write_reports(run.archive, run.run_id, self.config.reports,
                                 self.config.datasette_url)
        except OSError as e:
            raise UsageError(
                f"run {run.run_id} is stored, but its report could not be written "
                f"({e.strerror or e}: {e.filename or self.config.reports}); "
                f"`regwatch report --run {run.run_id} --db {self.config.db} --reports "
                f"{self.config.reports}` writes it again when there is room") from None

    def start(self, archive: Archive) -> str:
        names = [s if isinstance(s, str) else s.name for s in self.sources]
        return archive.start_run(self.config.run_date(), names, self.config.mirror)

    def crawl(self, run: RunContext, stopper: Stopper | None = None) -> list[SourceRun]:
        """Every source's spider in one Scrapy process (its reactor runs once per process)."""
        from scrapy.crawler import AsyncCrawlerProcess

        settings = project_settings(self.config)
        settings.setdict(self.extra_settings, priority="cmdline")
        process = AsyncCrawlerProcess(settings)
        # problems in one line each on the console (-v, INFO, keeps the tracebacks); Scrapy
        # installs its root handler again as each crawler starts, hence once per crawler
        quiet = logging.getLevelName(settings.get("LOG_LEVEL")) >= logging.WARNING
        source_runs = []
        hosts: dict[str, list[Any]] = {}
        for source in self.sources:
            crawler = process.create_crawler(source)
            if quiet:
                crawler.signals.connect(console_one_line, signal=signals.engine_started,
                                        weak=False)
            source_run = SourceRun(run, crawler.spidercls.name)
            attach(crawler, source_run)
            source_runs.append(source_run)
            group = getattr(crawler.spidercls, "HOST_GROUP", None) or crawler.spidercls.name
            hosts.setdefault(group, []).append(crawler)
        for crawlers in hosts.values():
            crawl_in_turn(process, crawlers, self.spider_args, stopper)
        if stopper is not None:
            stopper.process = process
        try:
            process.start(install_signal_handlers=stopper is None)
        finally:
            if stopper is not None:
                stopper.process = None
        return source_runs


def crawl_in_turn(process: Any, crawlers: list[Any], spider_args: dict[str, Any],
                  stopper: Stopper | None = None) -> None:
    """Sources that share a host (a spider's HOST_GROUP) are crawled one after the other, so
    the host sees one request at a time; the others run side by side. After a stop request the
    next one is not started."""
    first, *rest = crawlers
    task = process.crawl(first, **spider_args)

    def next_one(_: object) -> None:
        if stopper is None or not stopper.requested():
            crawl_in_turn(process, rest, spider_args, stopper)

    if rest:
        task.add_done_callback(next_one)
