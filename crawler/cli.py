"""The `regwatch` command line: a thin click group over the runner, the archive and the reports."""

from __future__ import annotations

import functools
import json
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from crawler import __version__
from crawler.runner import UsageError

DEMO_NIGHTS = Path(__file__).resolve().parent.parent / "demo" / "nights"


def common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--db and --reports, which every command takes."""
    @click.option("--db", default="archive.db", show_default=True, help="The archive (SQLite).")
    @click.option("--reports", default="diff_reports", show_default=True,
                  help="Folder of the runs' reports.")
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UsageError as e:
            raise click.ClickException(str(e)) from None
        except sqlite3.Error as e:  # e.g. "database or disk is full", a locked or broken file
            raise click.ClickException(f"archive error: {e}") from None
        except OSError as e:  # e.g. the reports folder cannot be written
            raise click.ClickException(f"{e.strerror or e}: {e.filename or ''}".strip()) from None
    return wrapper


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def today() -> str:
    from pipelines.run import today_in_beijing

    return today_in_beijing()


def open_existing(db: str):  # type: ignore[no-untyped-def]
    """The archive at db, which must exist (read commands never create one)."""
    from pipelines.archive import Archive, ArchiveError

    try:
        return Archive.open(db, create=False)
    except ArchiveError as e:
        raise UsageError(str(e)) from None


@click.group()
@click.version_option(__version__, prog_name="regwatch")
def cli() -> None:
    """regwatch: what changed in China's export-control regime, with the evidence."""


@cli.command()
@click.option("--source", "sources", multiple=True,
              help="A source to crawl (repeatable; default: all).")
@click.option("--mirror", type=str, help="Replay responses from this offline mirror folder.")
@click.option("--as-of", callback=iso_date, help="The run's date (ISO); default: today in Beijing.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log.")
@common_options
def crawl(sources: tuple[str, ...], mirror: str | None, as_of: str | None, verbose: bool,
          db: str, reports: str) -> None:
    """One run: fetch, normalize, diff and store, then write the run's report.

    Example: regwatch crawl --mirror ../shared/site-samples --as-of 2025-11-08
    """
    from crawler.runner import crawl as run_crawl

    summary = run_crawl(db, reports, list(sources), mirror, as_of or today(),
                        log_level="INFO" if verbose else "WARNING")
    report = json.loads(summary.reports[0].read_text(encoding="utf-8"))
    click.echo(describe_run(report))
    click.echo(f"report: {summary.reports[0].with_suffix('.{json,md,html}')}")


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def describe_run(report: dict[str, Any]) -> str:
    """A few lines a person reads: changes by kind, then each source's health."""
    counts = Counter(c["kind"] for c in report["changes"])
    kinds = ", ".join(f"{n} {k}" for k, n in counts.most_common()) or "no changes"
    lines = [f"run {report['run_id']} (as of {report['as_of']}): {kinds}"]
    for source in report["sources"]:
        problems = f" — {'; '.join(source['problems'])}" if source["problems"] else ""
        seen = plural(source["items"], "document")
        lines.append(f"  {source['name']}: {source['status']}, {seen}{problems}")
    return "\n".join(lines)


@cli.command()
@click.option("--run", "run_id", help="The run (default: the latest).")
@common_options
def report(run_id: str | None, db: str, reports: str) -> None:
    """(Re)write the report of a run."""
    from pipelines.report import write_reports

    archive = open_existing(db)
    run_id = run_id or archive.latest_run_id()
    if run_id is None or archive.run(run_id) is None:
        raise UsageError(f"no run {run_id!r} in {db}" if run_id else f"no runs in {db} yet")
    from crawler.runner import project_settings

    datasette = project_settings().get("REGWATCH_DATASETTE_URL")
    for path in write_reports(archive, run_id, reports, datasette):
        click.echo(str(path))


@cli.command()
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--host", default="127.0.0.1", show_default=True)
@common_options
def serve(port: int, host: str, db: str, reports: str) -> None:
    """Browse the archive in Datasette (read-only), with regwatch's metadata and search."""
    from crawler.datasette_config import write_metadata

    open_existing(db).close()  # migrated and valid before Datasette sees it
    metadata = write_metadata(Path(db))
    # Read-only without -i: Datasette opens the file mode=ro and the metadata turns on the
    # regwatch_search plugin's query_only on every connection, so nothing served can write,
    # while a nightly crawl may still update the archive (WAL) and be seen without a restart
    # (an immutable database would ignore the WAL and could read a half-written file).
    command = [sys.executable, "-m", "datasette", "serve", db, "--metadata", str(metadata),
               "--host", host, "--port", str(port), "--setting", "default_page_size", "50",
               "--setting", "allow_download", "off", "--setting", "sql_time_limit_ms", "3000"]
    click.echo(f"Serving {db} at http://{host}:{port}/ read-only (Ctrl-C to stop)")
    try:
        sys.exit(subprocess.call(command))
    except KeyboardInterrupt:
        pass


@cli.command()
@common_options
def sources(db: str, reports: str) -> None:
    """The sources, their entry points, last run and health."""
    from crawler.runner import known_sources, spider_loader
    from pipelines.archive import Archive

    archive = Archive.open(db) if Path(db).exists() else None
    loader = spider_loader()
    for name in known_sources():
        spider = loader.load(name)
        last = archive.last_source_run(name) if archive else None
        seen = plural(last["items"] + last["unchanged"], "document") if last else ""
        health = (f"last run {last['run_id']}: {last['status']}, {seen}"
                  if last else "never run")
        click.echo(f"{name} ({spider.source_kind}): {spider.description}\n  {health}")
        for entry in spider.entry_points:
            click.echo(f"  - {entry}")
    if archive:
        archive.close()


@cli.command()
@click.option("--dry-run", "dry_run", type=click.Path(file_okay=False),
              help="Write the mails as .eml files into this folder instead of sending them.")
@click.option("--config", "config_path", help="Configuration file (default: $REGWATCH_CONFIG "
              "or ./regwatch.toml).")
@common_options
def digest(dry_run: str | None, config_path: str | None, db: str, reports: str) -> None:
    """Email the changes not yet mailed (one digest per recipient in regwatch.toml).

    Completed runs not yet queued are queued, then every unsent mail is sent; a mail that
    cannot be sent stays queued for the next time (exit 1).
    """
    from pipelines.config import ConfigError, load_config
    from pipelines.digest import queue_digests, send_pending

    try:
        config = load_config(config_path)
    except ConfigError as e:
        raise UsageError(str(e)) from None
    if not config.mail.recipients:
        raise UsageError(f"{config.path}: mail.recipients: no recipients configured; "
                         "see regwatch.example.toml")
    archive = open_existing(db)
    try:
        queued = queue_digests(archive, config)
        result = send_pending(archive, config, Path(dry_run) if dry_run else None)
    finally:
        archive.close()
    if dry_run:
        click.echo(f"digest: {queued} queued, {result.written} written to {dry_run} "
                   f"(not sent), {result.pending} pending")
        return
    click.echo(f"digest: {queued} queued, {result.sent} sent, {result.pending} pending")
    if result.error:
        raise click.ClickException(f"mail not sent, the digest stays queued: {result.error}")


@cli.command()
@click.option("--force", is_flag=True,
              help="Replace --db even if it holds runs not made by the demo.")
@common_options
def demo(force: bool, db: str, reports: str) -> None:
    """The main job on bundled snapshots, offline: several nights replayed into a fresh archive."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

    from pipelines.report import headline

    nights = sorted(p for p in DEMO_NIGHTS.iterdir() if p.is_dir())
    prepare_fresh_archive(Path(db), Path(reports), force)
    console = Console(highlight=False, soft_wrap=True)
    console.print(f"regwatch demo: replaying {len(nights)} nights from {DEMO_NIGHTS} into {db}")
    report: dict[str, Any] = {}
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  TextColumn("{task.completed}/{task.total} nights"), console=console) as bar:
        task = bar.add_task("crawling", total=len(nights))
        for night in nights:
            bar.update(task, description=f"night of {night.name}")
            report = replay_night(night, db, reports)
            bar.console.print(f"run {report['run_id']} (as of {report['as_of']}): "
                              f"{headline(report['changes'])}", markup=False)
            for line in demo_lines(report):
                bar.console.print(line, markup=False)
            bar.advance(task)
    last = Path(reports) / f"{report.get('run_id')}.html"
    console.print(f"\nArchive: {db}. Reports: {reports}/ (all nights: {reports}/index.html).\n"
                  f"Last night's report, what a newcomer reads first: {last}\n"
                  f"Browse the archive with: regwatch serve --db {db}", markup=False)


# Change kinds the demo prints one by one; the others it counts.
DEMO_SPELLED_OUT = ("status_changed", "deadline_passed", "deadline_near", "new_measure",
                    "measure_amended", "document_removed", "source_problem")


def demo_lines(report: dict[str, Any]) -> list[str]:
    """The night's legal changes and problems one per line, documents as a count."""
    spelled = [c for c in report["changes"] if c["kind"] in DEMO_SPELLED_OUT
               or (c["diff"] or {}).get("sentence")]  # e.g. a news page with a statement
    lines = [f"    [{c['kind']}] {c['summary']}" for c in spelled]
    documents = Counter(c["kind"] for c in report["changes"] if c not in spelled)
    if documents:
        lines.append("    + " + ", ".join(plural(n, k.replace("_", " ").removesuffix("s"))
                                            for k, n in sorted(documents.items())))
    problems = [s["name"] for s in report["sources"] if s["status"] != "ok"]
    if problems:
        lines.append(f"    sources with problems: {', '.join(problems)}")
    return lines


def prepare_fresh_archive(db: Path, reports: Path, force: bool) -> None:
    """Remove a previous demo's archive and reports; refuse to remove anything else."""
    if db.exists():
        from pipelines.archive import ArchiveError

        try:
            archive = open_existing(str(db))
            mirrors = {r["mirror"] for r in archive.db.query("select mirror from runs")}
            archive.close()
        except (UsageError, ArchiveError):
            mirrors = {"?"}
        foreign = [m for m in mirrors if not (m or "").startswith(str(DEMO_NIGHTS))]
        if foreign and not force:
            raise UsageError(f"{db} holds runs not made by the demo; use --db OTHER or --force")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    if reports.exists():
        shutil.rmtree(reports)


def replay_night(night: Path, db: str, reports: str) -> dict[str, Any]:
    """Crawl one bundled night in a child process (Scrapy's reactor runs once per process)."""
    command = [sys.executable, "-m", "crawler.cli", "crawl", "--mirror", str(night),
               "--as-of", night.name, "--db", db, "--reports", reports]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise UsageError(f"night {night.name} failed: {result.stderr.strip().splitlines()[-1:]}")
    archive = open_existing(db)
    run_id = archive.latest_run_id()
    archive.close()
    return json.loads((Path(reports) / f"{run_id}.json").read_text(encoding="utf-8"))


@cli.command()
@click.option("--mirror", type=str, help="Replay responses from this offline mirror folder.")
@click.option("--as-of", callback=iso_date, help="The run's date (ISO); default: today in Beijing.")
@click.option("--config", "config_path", help="Configuration file (default: $REGWATCH_CONFIG "
              "or ./regwatch.toml).")
@click.option("--wait", type=float, default=None,
              help="Wait up to this many seconds for a running regwatch to finish.")
@click.option("--strict", is_flag=True, help="Exit 5 when a source failed.")
@click.option("--no-mail", is_flag=True,
              help="Crawl and report only; a later run mails the changes.")
@common_options
def nightly(mirror: str | None, as_of: str | None, config_path: str | None, wait: float | None,
            strict: bool, no_mail: bool, db: str, reports: str) -> None:
    """Crawl, diff, reports and the email digest under a lock: what cron or systemd runs.

    Exit status: 0 done; 1 could not run; 3 another run holds the lock; 4 done but mail
    failed (the digest stays queued); 5 done but a source failed (with --strict).
    """
    from crawler.nightly import (
        EXIT_LOCKED,
        EXIT_MAIL,
        EXIT_SOURCE,
        LockHeld,
        archive_lock,
        log_to_file,
    )
    from crawler.runner import crawl as run_crawl
    from crawler.runner import known_sources
    from pipelines.config import ConfigError, load_config

    try:
        config = load_config(config_path)
    except ConfigError as e:
        raise UsageError(str(e)) from None
    log_to_file(config.log_file)
    try:
        with archive_lock(db, wait):
            # Scrapy's own stderr log is off: everything goes to the rotating log file
            summary = run_crawl(db, reports, config.enabled(known_sources()), mirror,
                                as_of or today(), log_level="INFO",
                                overrides={**config_settings(config), "LOG_ENABLED": False})
            report = json.loads(summary.reports[0].read_text(encoding="utf-8"))
            click.echo(describe_run(report))
            mail_error = None if no_mail else send_digest(db, config)
    except LockHeld as e:
        click.echo(f"regwatch: {e}", err=True)
        sys.exit(EXIT_LOCKED)
    if mail_error:
        click.echo(f"regwatch: mail not sent, the digest stays queued: {mail_error}", err=True)
        sys.exit(EXIT_MAIL)
    if strict and any(s["status"] == "failed" for s in report["sources"]):
        sys.exit(EXIT_SOURCE)


def config_settings(config: Any) -> dict[str, Any]:
    """The configuration's values as the Scrapy settings components read (one way: config ->
    settings -> components)."""
    return {"REGWATCH_DEADLINE_DAYS": list(config.deadline_days),
            "REGWATCH_REMOVED_AFTER_NIGHTS": config.removed_after_nights,
            "REGWATCH_DATASETTE_URL": config.datasette_url}


def send_digest(db: str, config: Any) -> str | None:
    """Queue the new changes' digests and send what is pending; the error line, if any."""
    from pipelines.digest import queue_digests, send_pending

    if not config.mail.recipients:
        return None
    archive = open_existing(db)
    try:
        queue_digests(archive, config)
        result = send_pending(archive, config)
    finally:
        archive.close()
    click.echo(f"digest: {result.sent} sent, {result.pending} pending")
    return result.error


@cli.command()
@click.option("--systemd", "kind", flag_value="systemd", help="A systemd user timer + service.")
@click.option("--cron", "kind", flag_value="cron", help="A crontab line.")
@click.option("--at", "at", default="02:30", show_default=True, help="Time of day, HH:MM.")
@click.option("--timezone", default="Asia/Shanghai", show_default=True,
              help="Time zone of --at (MOFCOM publishes on Beijing time).")
@click.option("--install", is_flag=True, help="Install it for the current user.")
@click.option("--workdir", type=click.Path(file_okay=False), default=".",
              help="The folder holding archive.db and regwatch.toml.")
def schedule(kind: str | None, at: str, timezone: str, install: bool, workdir: str) -> None:
    """Print (or --install) a nightly schedule for `regwatch nightly`."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from crawler.nightly import cron_line, install_cron, install_systemd, systemd_units

    if kind is None:
        raise click.UsageError("choose --systemd or --cron")
    try:
        hour, minute = (int(part) for part in at.split(":"))
        if not (0 <= hour < 24 and 0 <= minute < 60):
            raise ValueError
        ZoneInfo(timezone)
    except (ValueError, ZoneInfoNotFoundError):
        raise click.BadParameter(f"--at {at!r} / --timezone {timezone!r}: expected HH:MM and "
                                 "an IANA zone such as Asia/Shanghai") from None
    folder = Path(workdir).resolve()
    at = f"{hour:02d}:{minute:02d}"
    if kind == "systemd":
        units = systemd_units(folder, at, timezone)
        for name, text in units.items():
            click.echo(f"# {name}\n{text}")
        done = install_systemd(units) if install else []
    else:
        block = cron_line(folder, at, timezone)
        click.echo(block)
        done = install_cron(block) if install else []
    for line in done:
        click.echo(line)


if __name__ == "__main__":
    cli()
