"""The `regwatch` command line: a thin click group over the run owner, the archive and the reports.

Every command reads the one configuration (pipelines.config: regwatch.toml, REGWATCH_*
environment variables, then its own options) once, and turns a user error into one line on
stderr and a non-zero exit.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from crawler import __version__
from crawler.runner import StopRequested, UsageError
from pipelines.archive import ArchiveError
from pipelines.config import Config, ConfigError, check_as_of
from pipelines.report import describe_run, plural


def common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--db, --reports and --config, which every command takes; user errors as one line."""
    @click.option("--db", default=None, help="The archive (SQLite).  [default: archive.db]")
    @click.option("--reports", default=None,
                  help="Folder of the runs' reports.  [default: diff_reports]")
    @click.option("--config", "config_path", default=None,
                  help="Configuration file.  [default: $REGWATCH_CONFIG or ./regwatch.toml]")
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StopRequested as e:  # SIGTERM/SIGINT/SIGHUP: the run is marked interrupted
            click.echo(f"regwatch: {e}", err=True)
            sys.exit(e.exit_status)
        except (UsageError, ConfigError, ArchiveError) as e:
            raise click.ClickException(str(e)) from None
        except sqlite3.Error as e:  # e.g. "database or disk is full", a locked or broken file
            raise click.ClickException(f"archive error: {e}") from None
        except OSError as e:  # e.g. the reports folder cannot be written
            raise click.ClickException(f"{e.strerror or e}: {e.filename or ''}".strip()) from None
    return wrapper


def configure(config_path: str | None, **overrides: Any) -> Config:
    """The configuration, read once: file and environment, then this command's options."""
    from crawler.runner import known_sources
    from pipelines.config import load_config

    return load_config(config_path, overrides=overrides, known_sources=known_sources())


@contextmanager
def locked(db: str) -> Iterator[None]:
    """Hold the archive's lock (one writer at a time); held elsewhere: one line, exit 3."""
    from crawler.lock import EXIT_LOCKED, LockHeld, archive_lock

    try:
        with archive_lock(db):
            yield
    except LockHeld as e:
        click.echo(f"Error: {e}", err=True)
        sys.exit(EXIT_LOCKED)


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_as_of(value)
    except ConfigError as e:
        raise click.BadParameter(str(e).removeprefix("--as-of: ")) from None


@click.group()
@click.version_option(__version__, prog_name="regwatch")
def cli() -> None:
    """regwatch: what changed in China's export-control regime, with the evidence.

    \b
    Example:
      regwatch demo            # ten bundled nights, offline, into archive.db
      regwatch serve           # browse them at http://127.0.0.1:8001/
    """


@cli.command()
@click.option("--source", "sources", multiple=True,
              help="A source to crawl (repeatable; default: every enabled source).")
@click.option("--mirror", type=str, help="Replay responses from this offline mirror folder.")
@click.option("--as-of", callback=iso_date, help="The run's date (ISO); default: today in Beijing.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log.")
@common_options
def crawl(sources: tuple[str, ...], mirror: str | None, as_of: str | None, verbose: bool,
          db: str | None, reports: str | None, config_path: str | None) -> None:
    """One run: fetch, normalize, diff and store, then write the run's report.

    \b
    Example:
      regwatch crawl --mirror demo/nights/2025-11-08 --as-of 2025-11-08
      regwatch crawl --source mofcom
    """
    from crawler.runner import Run, known_sources

    config = configure(config_path, db=db, reports=reports, mirror=mirror, as_of=as_of,
                       log_level="INFO" if verbose else "WARNING")
    run = Run(config, list(sources) or config.enabled(known_sources()))
    with locked(config.db):
        summary = run.execute()
    report = json.loads(summary.reports[0].read_text(encoding="utf-8"))
    click.echo(describe_run(report))
    click.echo(f"report: {summary.reports[0].with_suffix('.{json,md,html}')}")


@cli.command()
@click.option("--run", "run_id", help="The run (default: the latest).")
@common_options
def report(run_id: str | None, db: str | None, reports: str | None,
           config_path: str | None) -> None:
    """(Re)write the report of a run, linking evidence to the configured datasette_url.

    \b
    Example:
      regwatch report --run 2025-11-08-001
    """
    from crawler.runner import read_archive
    from pipelines.report import write_reports

    config = configure(config_path, db=db, reports=reports)
    archive = read_archive(config.db)
    try:
        run_id = run_id or archive.latest_run_id()
        if run_id is None or archive.run(run_id) is None:
            raise UsageError(f"no run {run_id!r} in {config.db}" if run_id
                             else f"no runs in {config.db} yet")
        for path in write_reports(archive, run_id, config.reports, config.datasette_url):
            click.echo(str(path))
    finally:
        archive.close()


@cli.command()
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535))
@click.option("--host", default="127.0.0.1", show_default=True)
@common_options
def serve(port: int, host: str, db: str | None, reports: str | None,
          config_path: str | None) -> None:
    """Browse the archive in Datasette (read-only), with regwatch's metadata and search.

    \b
    Example:
      regwatch serve --port 8001     # then open http://127.0.0.1:8001/archive
    """
    from crawler.browse import serve as serve_archive
    from crawler.runner import read_archive

    config = configure(config_path, db=db, reports=reports)
    archive = read_archive(config.db)  # a regwatch archive of this version, before Datasette
    archive.close()
    click.echo(f"Serving {config.db} at http://{host}:{port}/ read-only (Ctrl-C to stop)")
    serve_archive(Path(config.db), host, port, config.evidence_folder(),
                  immutable=archive.immutable)


@cli.command()
@common_options
def sources(db: str | None, reports: str | None, config_path: str | None) -> None:
    """The sources, their entry points, last run and health (disabled ones marked).

    \b
    Example:
      regwatch sources --db archive.db
    """
    from crawler.runner import known_sources, read_archive, spider_loader

    config = configure(config_path, db=db, reports=reports)
    archive = read_archive(config.db) if Path(config.db).exists() else None
    enabled = config.enabled(known_sources())
    loader = spider_loader()
    try:
        for name in known_sources():
            spider = loader.load(name)
            last = archive.last_source_run(name) if archive else None
            seen = plural(last["items"] + last["unchanged"], "document") if last else ""
            health = (f"last run {last['run_id']}: {last['status']}, {seen}"
                      if last else "never run")
            off = "" if name in enabled else " [disabled in " + config.path + "]"
            click.echo(f"{name} ({spider.source_kind}){off}: {spider.description}\n  {health}")
            for entry in spider.entry_points:
                click.echo(f"  - {entry}")
    finally:
        if archive:
            archive.close()


def document_named(archive: Any, name: str) -> str:
    """The document id a user named: an id, a page's URL, or a measure with one own page."""
    from pipelines.archive import document_id

    name = name.strip()
    if "://" in name:
        return document_id(name)
    if re.fullmatch(r"[A-Za-z]+-\d{4}-\d+", name):
        pages = archive.own_pages(name.upper())
        if len(pages) != 1:
            listed = "; ".join(f"{p['id']} ({p['url']})" for p in pages)
            raise UsageError(f"{name.upper()} has {len(pages)} own pages in the archive"
                             + (f": {listed}; name one" if pages else ""))
        return pages[0]["id"]
    return name.lower()


@cli.command()
@click.argument("document")
@click.option("--version", "version", type=click.IntRange(min=1),
              help="The version (default: the latest).")
@click.option("--out", type=click.Path(file_okay=False),
              help="Folder to write into.  [default: evidence-DOC_ID-vN]")
@common_options
def evidence(document: str, version: int | None, out: str | None, db: str | None,
             reports: str | None, config_path: str | None) -> None:
    """Write a document version's original page and annexes back out, byte for byte.

    DOCUMENT is a document id (documents.id, 16 hex digits), the page's URL, or a measure id
    whose own text is one page. Besides the files, the folder gets records.warc.gz (the WARC
    records, copied verbatim) and index.json (what came from where and when: URL, WARC date,
    status, headers, SHA-256).

    \b
    Example:
      regwatch evidence 6daf38bd6d59c64f --out no61/
      regwatch evidence MOFCOM-2026-15
      regwatch evidence https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_7fc9bff0fb4546ecb02f66ee77d0e5f6.html
    """
    from crawler.runner import read_archive
    from pipelines.evidence import EvidenceError
    from pipelines.originals import export_version

    config = configure(config_path, db=db, reports=reports)
    archive = read_archive(config.db)
    try:
        doc_id = document_named(archive, document)
        exported = export_version(archive, config.evidence_folder(), doc_id, version,
                                  Path(out) if out else None)
    except EvidenceError as e:
        raise UsageError(str(e)) from None
    finally:
        archive.close()
    index = exported.index
    click.echo(f"{exported.folder}/: version {index['version']} of {index['document']} "
               f"({index['url']}), stored on {index['stored_on']}")
    for entry in index["files"]:
        click.echo(f"  {entry['file']}  {entry['kind']}, {entry['size']} bytes, "
                   f"sha256 {entry['sha256'][:16]}…, fetched {entry['warc_date']}"
                   f"{' (insecure TLS)' if entry['insecure_tls'] else ''}")
    click.echo(f"  {index['records']}  the WARC records, verbatim; index.json  where and when")


@cli.command()
@click.option("--dry-run", "dry_run", type=click.Path(file_okay=False),
              help="Write the mails as .eml files into this folder instead of sending them.")
@common_options
def digest(dry_run: str | None, db: str | None, reports: str | None,
           config_path: str | None) -> None:
    """Email the changes not yet mailed (one digest per recipient in regwatch.toml).

    Completed runs not yet queued are queued, then every unsent mail is sent; a mail that
    cannot be sent stays queued for the next time (exit 1).

    \b
    Example:
      regwatch digest --dry-run outbox/    # write .eml files instead of sending
    """
    from crawler.runner import check_archive, open_archive
    from pipelines.digest import queue_digests
    from pipelines.mailer import send_pending

    config = configure(config_path, db=db, reports=reports)
    if not config.mail.recipients:
        raise UsageError(f"{config.path}: mail.recipients: no recipients configured; "
                         "see regwatch.example.toml")
    check_archive(config.db, must_exist=True)  # refused before any lock file is made
    with locked(config.db):
        archive = open_archive(config.db, create=False)
        try:
            queued = queue_digests(archive, config)
            result = send_pending(archive, config.mail, Path(dry_run) if dry_run else None)
        finally:
            archive.close()
    if dry_run:
        click.echo(f"digest: {queued} queued, {result.written} written to {dry_run} "
                   f"(not sent), {result.pending} pending")
        return
    click.echo(f"digest: {queued} queued, {result.sent} sent, {result.pending} pending")
    if result.unconfirmed:
        click.echo(f"digest: {result.unconfirmed} sent again: an earlier delivery was not "
                   "confirmed (same Message-ID, so mail clients show it once)")
    if result.error:
        raise click.ClickException(f"mail not sent, the digest stays queued: {result.error}")


@cli.command()
@click.option("--force", is_flag=True,
              help="Replace --db even if it holds runs not made by the demo.")
@common_options
def demo(force: bool, db: str | None, reports: str | None, config_path: str | None) -> None:
    """The main job on bundled snapshots, offline: several nights replayed into a fresh archive.

    \b
    Example:
      regwatch demo --db demo.db --reports demo_reports
    """
    from crawler.demo import run_demo

    run_demo(configure(config_path, db=db, reports=reports), force)


@cli.command()
@click.option("--mirror", type=str, help="Replay responses from this offline mirror folder.")
@click.option("--as-of", callback=iso_date, help="The run's date (ISO); default: today in Beijing.")
@click.option("--wait", type=click.FloatRange(min=0), default=None,
              help="Wait up to this many seconds for a running regwatch to finish.")
@click.option("--strict", is_flag=True, help="Exit 5 when a source failed.")
@click.option("--no-mail", is_flag=True,
              help="Crawl and report only; a later run mails the changes.")
@common_options
def nightly(mirror: str | None, as_of: str | None, wait: float | None, strict: bool,
            no_mail: bool, db: str | None, reports: str | None,
            config_path: str | None) -> None:
    """Crawl, diff, reports and the email digest under a lock: what cron or systemd runs.

    Exit status: 0 done; 1 could not run; 3 another run holds the lock; 4 done but mail
    failed (the digest stays queued); 5 done but a source failed (with --strict).

    \b
    Example:
      regwatch nightly --config /etc/regwatch.toml
    """
    from crawler.nightly import run_nightly

    config = configure(config_path, db=db, reports=reports, mirror=mirror, as_of=as_of)
    sys.exit(run_nightly(config, wait=wait, strict=strict, mail=not no_mail))


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
    """Print (or --install) a nightly schedule for `regwatch nightly`.

    \b
    Example:
      regwatch schedule --systemd --at 02:30 --timezone Asia/Shanghai --install
    """
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
