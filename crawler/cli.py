"""The `regwatch` command line: a thin click group over the run owner, the archive and the reports.

Every command reads the one configuration (pipelines.config: regwatch.toml, REGWATCH_*
environment variables, then its own options) once, and turns a user error into one line on
stderr and a non-zero exit.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from click.exceptions import NoArgsIsHelpError

from crawler import __version__
from crawler.runner import StopRequested, UsageError
from pipelines.archive import Archive, ArchiveError
from pipelines.backfill import GAP_SETTLE_DAYS, under_way
from pipelines.config import Config, ConfigError, check_as_of
from pipelines.report import describe_run, plural
from pipelines.vocab import LinkVerdict, RunStatus

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a command the signal ended


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
        except BrokenPipeError:  # the reader went away (| head): quiet, as a SIGPIPE would be
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_BROKEN_PIPE)
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

    folder = Path(db).parent
    if not folder.is_dir():
        raise UsageError(f"no folder {folder} for the archive {db}")
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


class OneLineUsageError(click.ClickException):
    """A bad invocation (an unknown option, a bad value, a missing argument) in one line on
    stderr, exit 2, naming where help is (click's own takes four: usage, hint, blank, error)."""

    exit_code = 2

    @classmethod
    def of(cls, error: click.UsageError) -> OneLineUsageError:
        where = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""
        return cls(" ".join(error.format_message().split()) + where)


class Commands(click.Group):
    """The regwatch group: its commands' usage errors as one line (OneLineUsageError); `regwatch`
    alone still shows the help (click's NoArgsIsHelpError, a usage error too)."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except NoArgsIsHelpError:
            raise
        except click.UsageError as e:
            raise OneLineUsageError.of(e) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError:
            raise
        except click.UsageError as e:
            raise OneLineUsageError.of(e) from None


@click.group(cls=Commands)
@click.version_option(__version__, prog_name="regwatch")
def cli() -> None:
    """regwatch: what changed in China's export-control regime, with the evidence.

    \b
    Example:
      regwatch demo            # thirteen bundled nights, offline, into archive.db
      regwatch serve           # browse them at http://127.0.0.1:8001/
    """


@cli.command()
@click.option("--source", "sources", multiple=True,
              help="A source to crawl (repeatable; default: every enabled source).")
@click.option("--mirror", type=str, help="Replay responses from this offline mirror folder.")
@click.option("--as-of", callback=iso_date, help="The run's date (ISO); default: today in Beijing.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log.")
@click.option("--backfill", is_flag=True,
              help="Walk every official list back to backfill_since again, from its first "
                   "page (over several nights if the page budget cuts it).")
@common_options
def crawl(sources: tuple[str, ...], mirror: str | None, as_of: str | None, verbose: bool,
          backfill: bool, db: str | None, reports: str | None,
          config_path: str | None) -> None:
    """One run: fetch, normalize, diff and store, then write the run's report.

    An archive that has not reached backfill_since (regwatch.toml) walks every official
    list back to it first, a page budget per source and night at a time.

    \b
    Example:
      regwatch crawl --mirror demo/nights/2025-11-08 --as-of 2025-11-08 --db replay.db
      regwatch crawl --source mofcom
      regwatch crawl --backfill      # walk every list back again
    """
    from dataclasses import replace

    from crawler.runner import Run, known_sources

    config = configure(config_path, db=db, reports=reports, mirror=mirror, as_of=as_of,
                       log_level="INFO" if verbose else "WARNING")
    config = replace(config, backfill=backfill)
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
        run_id = run_id or archive.latest_completed_run_id()
        if run_id is None or archive.run(run_id) is None:
            raise UsageError(f"no run {run_id!r} in {config.db}" if run_id
                             else f"no completed run in {config.db} yet")
        status = archive.run(run_id)["status"]
        if status != RunStatus.COMPLETED:
            raise UsageError(f"run {run_id} did not complete ({status}): its report would be "
                             "partial; the next crawl continues it")
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
    from dataclasses import replace

    from crawler.browse import serve as serve_archive
    from crawler.runner import read_archive

    config = configure(config_path, db=db, reports=reports)
    archive = read_archive(config.db)  # a regwatch archive of this version, before Datasette
    archive.close()
    check_port_free(host, port)
    if config.datasette_url.rstrip("/") == Config().datasette_url.rstrip("/"):
        # no address configured: the feeds' and pages' absolute links point at this server
        shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
        config = replace(config, datasette_url=f"http://{shown}:{port}")
    click.echo(f"Serving {config.db} at http://{host}:{port}/ read-only (Ctrl-C to stop)")
    serve_archive(Path(config.db), host, port, config.evidence_folder(),
                  immutable=archive.immutable, config=config)


def check_port_free(host: str, port: int) -> None:
    """UsageError (one line) when host:port cannot be listened on (another server has it)."""
    import socket

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as e:
        raise UsageError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None


@cli.command()
@common_options
def upgrade(db: str | None, reports: str | None, config_path: str | None) -> None:
    """Bring an archive written by an older regwatch up to date (its schema, and the status
    periods that `status`, `export`, `screen` and the pages read), without a crawl; nothing is
    reported: the next run reports what changed.

    \b
    Example:
      regwatch upgrade --db archive.db
    """
    config = configure(config_path, db=db, reports=reports)
    path = Path(config.db)
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        raise UsageError(f"no archive at {config.db}")
    Archive.check(path)  # another application's file: refused before any lock file is made
    with locked(config.db):
        archive = Archive.open(config.db, create=False)
        try:
            steps = archive.upgraded
        finally:
            archive.close()
    click.echo(f"{config.db}: " + (f"upgraded ({plural(steps, 'schema step')} applied)"
                                   if steps else "already up to date"))


@cli.command()
@common_options
def sources(db: str | None, reports: str | None, config_path: str | None) -> None:
    """The sources, their entry points, last run and health (disabled ones marked), what the
    archive covers (dates reached, pages walked, last complete walk) and the numbers it may be
    missing.

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
        coverage = {r["name"]: r for r in archive.coverage()
                    if r["scope"] == "source"} if archive else {}
        for name in known_sources():
            spider = loader.load(name)
            last = archive.last_source_run(name) if archive else None
            seen = plural(last["items"] + last["unchanged"], "document") if last else ""
            health = (f"last run {last['run_id']}: {last['status']}, {seen}"
                      if last else "never run")
            off = "" if name in enabled else " [disabled in " + config.path + "]"
            click.echo(f"{name} ({spider.source_kind}){off}: {spider.description}\n  {health}")
            for note in (last or {}).get("notes") or []:
                click.echo(f"  note: {note}")
            if name in coverage:
                click.echo(f"  {describe_coverage(coverage[name])}")
            for entry in spider.entry_points:
                click.echo(f"  - {entry}")
        if archive:
            for line in series_lines(archive.coverage()):
                click.echo(line)
    finally:
        if archive:
            archive.close()


def describe_coverage(row: dict[str, Any]) -> str:
    """"coverage: 2023-07-03 … 2025-11-07, 76 documents, 10 list pages walked back; walk
    complete (last complete walk 2025-10-09)"."""
    dates = f"{row['earliest'] or '—'} … {row['latest'] or '—'}"
    walked = (f"{plural(row['pages_walked'] or 0, 'list page')} walked back; "
              + (f"walk complete (last complete walk {row['last_complete_walk']})"
                 if row["walk"] == "complete" else f"walk under way: {row['walk']}")
              if row["walk"] else "not walked back (news)")
    return f"coverage: {dates}, {plural(row['documents'] or 0, 'document')}, {walked}"


def year_gaps_line(row: dict[str, Any]) -> str:
    """"2024: Nos. 1–51, may be missing: …"; a year under way: "2025 (under way; highest
    seen: No. 70; numbers above those of 7 days ago not checked yet): may be missing: …"."""
    if not under_way(row):
        return f"{row['year']}: Nos. 1–{row['highest']}, may be missing: {row['missing']}"
    return (f"{row['year']} (under way; highest seen: No. {row['highest']}; numbers above those "
            f"of {GAP_SETTLE_DAYS} days ago not checked yet): may be missing: {row['missing']}")


def series_lines(rows: list[dict[str, Any]]) -> list[str]:
    """Per series: the years and measures archived, the numbers that may be missing, and the
    measures known only as cited by other texts (their own text is not archived)."""
    series: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row["scope"] == "series":
            series.setdefault(row["name"], []).append(row)
    lines = []
    for name, years in sorted(series.items()):
        measures = sum(r["measures"] or 0 for r in years)
        covered = [f"{r['year']}{' (under way)' if under_way(r) else ''}"
                   for r in years if r["covered"]]
        lines.append(f"series {name}: {plural(measures, 'measure')}, {years[0]['year']}–"
                     f"{years[-1]['year']}; numbering checked for "
                     f"{', '.join(covered) or 'no year yet (no list of the series walked)'}")
        lines += [f"  {year_gaps_line(r)}" for r in years if r["gaps"]]
        lines += [f"  {r['year']}: cited by other texts, their own text not archived: "
                  f"{r['cited_only']}" for r in years if r.get("cited_only")]
        walks = walk_line(years)
        lines += [f"  {walks}"] if walks else []
    return lines


def walk_line(years: list[dict[str, Any]]) -> str:
    """"walks: complete for 2023, 2024 (last complete 2025-06-09); walking for 2025": how the
    lists that carry a series' years were walked (empty when none was)."""
    by_state: dict[str, list[dict[str, Any]]] = {}
    for row in years:
        if row.get("walk"):
            by_state.setdefault(row["walk"], []).append(row)
    parts = []
    for state, rows in sorted(by_state.items()):
        dates = [r["last_complete_walk"] for r in rows if r["last_complete_walk"]]
        when = f" (last complete {max(dates)})" if dates and state == "complete" else ""
        parts.append(f"{state} for {', '.join(str(r['year']) for r in rows)}{when}")
    return f"walks: {'; '.join(parts)}" if parts else ""


def document_named(archive: Any, name: str) -> str:
    """The document id a user named: an id, a page's URL (one the archive has), or a measure
    with one own page."""
    name = name.strip()
    if "://" in name:
        return url_document(archive, name)
    if re.fullmatch(r"[A-Za-z]+-\d{4}-\d+", name):
        pages = archive.own_pages(name.upper())
        if len(pages) != 1:
            listed = "; ".join(f"{p['id']} ({p['url']})" for p in pages)
            raise UsageError(f"{name.upper()} has {len(pages)} own pages in the archive"
                             + (f": {listed}; name one" if pages else ""))
        return pages[0]["id"]
    return name.lower()


def url_document(archive: Any, url: str) -> str:
    """The id of the document at the URL a user typed; UsageError naming that URL (and the
    same address with the other scheme, http or https, when the archive has that) if none."""
    from pipelines.archive import document_id

    doc_id = document_id(url)
    if archive.document(doc_id) is not None:
        return doc_id
    scheme, sep, rest = url.partition("://")
    other = {"http": "https", "https": "http"}.get(scheme.lower())
    hint = ""
    if other and archive.document(document_id(f"{other}{sep}{rest}")) is not None:
        hint = f" (it has {other}{sep}{rest})"
    raise UsageError(f"no document {url} in the archive{hint}")


@cli.command()
@click.argument("document")
@click.option("--version", "version", type=click.IntRange(min=1),
              help="The version (default: the latest).")
@click.option("--out", type=click.Path(file_okay=False),
              help="New or empty folder to write into (one that holds files is refused). "
                   " [default: evidence-DOC_ID-vN]")
@common_options
def evidence(document: str, version: int | None, out: str | None, db: str | None,
             reports: str | None, config_path: str | None) -> None:
    """Write a document version's original page and annexes back out, byte for byte.

    DOCUMENT is a document id (documents.id, 16 hex digits), the page's URL, or a measure id
    whose own text is one page. Besides the files, the folder gets records.warc.gz (a warcinfo
    record saying what the bundle is, then the WARC records, copied verbatim) and index.json
    (the tool and version, the export's moment, the archive it came from, the document and its
    measures; what came from where and when: URL, WARC date, status, headers, SHA-256). The
    folder must be new or empty: one that already holds files (an earlier export's, or any
    other) is refused, so that it holds only what index.json lists.

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
                                  Path(out) if out else None, tool_version=__version__)
    except EvidenceError as e:
        raise UsageError(str(e)) from None
    finally:
        archive.close()
    echo_exported(exported.folder, exported.index)


def echo_exported(folder: Path, index: dict[str, Any]) -> None:
    """What `evidence` wrote: the version and the night that stored it (the run's as-of date,
    what the archive's dates follow), then each file with the true moment of its download (its
    WARC record's WARC-Date), and the night it was archived when that is an earlier one (an
    annex kept from a version before)."""
    click.echo(f"{folder}/: version {index['version']} of {index['document']} "
               f"({index['url']}), stored on {index['stored_on']} "
               f"(the --as-of date of run {index['run_id']})")
    for entry in index["files"]:
        earlier = entry.get("fetched_at") not in (None, index["stored_on"])
        click.echo(f"  {entry['file']}  {entry['kind']}, {entry['size']} bytes, "
                   f"sha256 {entry['sha256'][:16]}…, fetched (WARC-Date) {entry['warc_date']}"
                   + (f", archived on {entry['fetched_at']}" if earlier else "")
                   + f"{' (insecure TLS)' if entry['insecure_tls'] else ''}")
    click.echo(f"  {index['records']}  the WARC records, verbatim; index.json  where and when")


@cli.command()
@click.option("--dry-run", "dry_run", type=click.Path(file_okay=False),
              help="Write the mails as .eml files into this folder instead of sending them.")
@common_options
def digest(dry_run: str | None, db: str | None, reports: str | None,
           config_path: str | None) -> None:
    """Email the changes not yet mailed (one digest per recipient in regwatch.toml).

    Completed runs not yet queued for each recipient (and channel) are queued, then every
    unsent mail of the configuration's recipients is sent; a mail that cannot be sent stays
    queued for the next time (exit 1). Each recipient has its own stream: a preview with
    another --config takes no run from the main configuration's recipients. Mail queued by this
    configuration file (or by one since deleted) for an address (or a channel) it no longer
    names is dropped, not sent, and said once; another configuration's is left queued, said in
    one line. An address the server refuses for good (550 No such user) fails every time until
    you remove it from [[mail.recipients]].

    \b
    Example:
      regwatch digest --dry-run outbox/    # write .eml files instead of sending
    """
    from crawler.runner import check_archive, open_archive
    from pipelines.channels import send_all
    from pipelines.digest import queue_digests

    config = configure(config_path, db=db, reports=reports)
    if not config.mail.recipients and not config.channels:
        raise UsageError(f"{config.path}: mail.recipients: no recipients or channels "
                         "configured; see regwatch.example.toml")
    check_archive(config.db, must_exist=True)  # refused before any lock file is made
    with locked(config.db):
        archive = open_archive(config.db, create=False)
        try:
            queued = queue_digests(archive, config)
            result = send_all(archive, config, Path(dry_run) if dry_run else None)
        finally:
            archive.close()
    if dry_run:
        click.echo(f"digest: {queued} queued, {result.written} written to {dry_run} "
                   f"(not sent), {result.pending} pending")
        for line in result.dropped + result.left:
            click.echo(f"digest: {line}")
        return
    click.echo(f"digest: {queued} queued, {result.sent} sent, {result.pending} pending")
    for line in result.dropped + result.left:
        click.echo(f"digest: {line}")
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
@click.option("--env-file", type=click.Path(dir_okay=False), default=None,
              help="A secrets file (NAME=value lines, read literally, never run) whose "
                   "variables the run takes when the environment lacks them: what `schedule` "
                   "points the job at.")
@click.option("--at", "at", default=None, metavar="HH:MM",
              help="Start only within the hour from this time of day (HH:MM) in --timezone, "
                   "else exit 0 at once, silently: what the hourly cron line passes.")
@click.option("--timezone", default=None, metavar="ZONE",
              help="Time zone of --at.  [default: Asia/Shanghai]")
@common_options
def nightly(mirror: str | None, as_of: str | None, wait: float | None, strict: bool,
            no_mail: bool, env_file: str | None, at: str | None, timezone: str | None,
            db: str | None, reports: str | None, config_path: str | None) -> None:
    """Crawl, diff, reports and the email digest under a lock: what cron or systemd runs.

    Exit status: 0 done (or, with --at, not the hour); 1 could not run; 3 another run holds
    the lock; 4 done but mail failed (the digest stays queued); 5 done but a source failed
    (with --strict).

    \b
    Example:
      regwatch nightly --config /etc/regwatch.toml
    """
    from crawler.nightly import check_time, due, load_env_file, run_nightly
    from pipelines.dates import BEIJING

    if timezone and not at:
        raise click.UsageError("--timezone goes with --at")
    zone = timezone or BEIJING.key  # (MOFCOM publishes on Beijing time)
    if at and not due(check_time(at, zone), zone):
        return  # not the hour yet (or any more): the cron line runs this every hour
    if env_file:
        load_env_file(Path(env_file).expanduser())
    config = configure(config_path, db=db, reports=reports, mirror=mirror, as_of=as_of)
    sys.exit(run_nightly(config, wait=wait, strict=strict, mail=not no_mail))


@cli.command()
@click.option("--systemd", "kind", flag_value="systemd", help="A systemd user timer + service.")
@click.option("--cron", "kind", flag_value="cron", help="A crontab line.")
@click.option("--at", "at", default="02:30", show_default=True, help="Time of day, HH:MM.")
@click.option("--timezone", default="Asia/Shanghai", show_default=True,
              help="Time zone of --at (MOFCOM publishes on Beijing time).")
@click.option("--install", is_flag=True, help="Install it for the current user.")
@click.option("--uninstall", is_flag=True,
              help="Remove what --install installed: the timer and its units, or the crontab "
                   "block (both unless --systemd or --cron is given).")
@click.option("--workdir", type=click.Path(file_okay=False), default=".",
              help="The folder holding archive.db and regwatch.toml.")
@click.option("--env-file", default=None,
              help="The file of mode 600, outside the repository, the job reads "
                   "REGWATCH_SMTP_PASSWORD=... from.  [default: ~/.config/regwatch/env]")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="The configuration file the job runs with.  [default: $REGWATCH_CONFIG, "
                   "else the working folder's regwatch.toml]")
def schedule(kind: str | None, at: str, timezone: str, install: bool, uninstall: bool,
             workdir: str, env_file: str | None, config_path: str | None) -> None:
    """Print (or --install) a nightly schedule for `regwatch nightly`.

    The job runs this installation's regwatch (refused when there is none) and reads the SMTP
    password from --env-file, which you create; regwatch never writes the secret.

    \b
    Example:
      regwatch schedule --systemd --at 02:30 --timezone Asia/Shanghai --install
      regwatch schedule --uninstall
    """
    import getpass

    from crawler.nightly import (
        LINGER_NOTE,
        check_time,
        cron_line,
        env_file_path,
        install_cron,
        install_systemd,
        regwatch_executable,
        secret_notes,
        systemd_units,
        uninstall_cron,
        uninstall_systemd,
    )

    if install and uninstall:
        raise click.UsageError("choose --install or --uninstall")
    if uninstall:
        for name, remove in (("cron", uninstall_cron), ("systemd", uninstall_systemd)):
            if kind in (None, name):
                for line in remove():
                    click.echo(line)
        return
    if kind is None:
        raise click.UsageError("choose --systemd or --cron")
    at = check_time(at, timezone)
    folder = Path(workdir).resolve()
    program, note = regwatch_executable()
    if note:
        click.echo(f"warning: {note}", err=True)
    secrets = env_file_path(env_file, folder)
    config = config_path or os.environ.get("REGWATCH_CONFIG") or None
    config_file = Path(config).expanduser().resolve() if config else None
    if config_file is not None and not config_file.is_file():
        raise click.ClickException(f"--config {config_file}: no such file")
    if config_file is None and not (folder / "regwatch.toml").is_file():
        click.echo(f"warning: no regwatch.toml in {folder} and no --config: the job runs with "
                   "the defaults (no mail)", err=True)
    if kind == "systemd":
        units = systemd_units(folder, at, timezone, program, secrets, config_file)
        for name, text in units.items():
            click.echo(f"# {name}\n{text}")
        done = install_systemd(units) if install else []
    else:
        block = cron_line(folder, at, timezone, program, secrets, config_file)
        click.echo(block)
        done = install_cron(block) if install else []
    for line in done:
        click.echo(line)
    for line in secret_notes(secrets):
        click.echo(line)
    if kind == "systemd":
        click.echo(LINGER_NOTE.format(user=getpass.getuser()))
    else:
        click.echo("# Everything the job does is logged to regwatch.log in the working folder "
                   "(log_file); cron mails its one-line errors (stderr) to MAILTO.")


# --- regwatch screen (entities; pipelines.screening) -------------------------------------------
EXIT_NO_MATCH = 1
EXIT_BAD_INPUT = 2


def bad_input(message: str) -> None:
    """screen's bad input: one line on stderr, exit 2 (1 means "no match")."""
    click.echo(f"Error: {' '.join(str(message).split())}", err=True)
    sys.exit(EXIT_BAD_INPUT)


@cli.command()
@click.argument("name", required=False)
@click.option("--on", "on", default=None,
              help="The day the statuses are for (ISO date); default: today in Beijing.")
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON instead of text (with --file: JSON instead of the CSV).")
@click.option("--file", "names_file", default=None,
              help="Screen every name of this file (one a line, or a CSV with a `name` column) "
                   "and write a CSV: a row per designation hit, and a row for each name without "
                   "a match (or not screened), with the day.")
@click.option("--out", default=None,
              help="With --file: write the CSV (or JSON) here (default: stdout).")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100),
              help="Most entities shown per name.")
@click.option("--db", default=None, help="The archive (SQLite).  [default: archive.db]")
@click.option("--reports", default=None,
              help="Folder of the runs' reports (taken, as by every command; not used here).")
@click.option("--config", "config_path", default=None,
              help="Configuration file.  [default: $REGWATCH_CONFIG or ./regwatch.toml]")
def screen(name: str | None, on: str | None, as_json: bool, names_file: str | None,
           out: str | None, limit: int, db: str | None, reports: str | None,
           config_path: str | None) -> None:
    """Is this name on a list? Every listed entity whose Chinese or English name or alias
    matches (exact, then fuzzy, best first with the score), its designations (list, measure,
    listed) and their status on a day, with the sentence that says so.

    With --file, the CSV (UTF-8 with a byte-order mark, for Excel) has a row for every
    name: one per designation of each hit, else "no match" (or "not screened: why") in `how`;
    `on` is the day of the statuses, `address` the designation's announcement's, and
    `entity_address` the entity's.

    Exit status: 0 a match, 1 no match, 2 bad input or no readable archive (one line).

    \b
    Example:
      regwatch screen "Skydio" --on 2025-12-01
      regwatch screen 斯凯迪奥 --json
      regwatch screen --file counterparties.csv --out hits.csv
    """
    from crawler.runner import read_archive
    from pipelines.dates import today_in_beijing
    from pipelines.regime import freshness
    from pipelines.screening import check_query, read_names

    try:
        if (name is None) == (names_file is None):
            raise UsageError("give one NAME, or --file NAMES.csv")
        day = check_as_of(on, "--on") if on is not None else today_in_beijing()
        queries = ([(None, check_query(name))] if name is not None
                   else read_names(Path(names_file or "")))
        config = configure(config_path, db=db, reports=reports)
        archive = read_archive(config.db)
    except (UsageError, ConfigError, ValueError) as e:
        bad_input(str(e))
        return
    try:
        if not archive.count("designations"):  # a "no match" would read as a clean screening
            bad_input(f"{config.db} holds no designations: no entity list has been archived, so "
                      "nothing can be screened (crawl the MOFCOM sources first)")
            return
        found = screen_queries(archive, queries, day, limit, names_file is not None)
        fresh = freshness(archive)
    except sqlite3.Error as e:
        bad_input(f"archive error: {e}")
        return
    finally:
        archive.close()
    if names_file is not None:
        header = {"on": day, "today": fresh.today, "last_run": fresh.last_run,
                  "stale": fresh.stale, "note": fresh.note}
        write_screened(screened_json(header, found) if as_json else screened_csv(found, day),
                       out)
        if fresh.note:  # the CSV keeps its columns; the note goes beside it
            click.echo(f"regwatch: {fresh.note}", err=True)
    elif as_json:
        click.echo(json.dumps({"query": queries[0][1], "on": day, "today": fresh.today,
                               "last_run": fresh.last_run, "stale": fresh.stale,
                               "note": fresh.note, "hits": found[0].hits,
                               "more": bool(found[0].more)},
                              ensure_ascii=False, indent=2))
    else:
        from pipelines.screening import describe_hits

        lines = describe_hits(queries[0][1], day, found[0].hits or [], found[0].more)
        click.echo("\n".join([fresh.note, *lines] if fresh.note else lines))
    if not any(entry.hits for entry in found):
        sys.exit(EXIT_NO_MATCH)


def screen_queries(archive: Any, queries: list[tuple[int | None, str]], day: str, limit: int,
                   from_file: bool) -> list[Any]:
    """Each name's hits (pipelines.screening.Screened); in a file, a line that is not a name to
    screen is kept as not screened, with the reason, and counted on stderr."""
    from pipelines.screening import Screened, check_query, screen_archive

    found, skipped = [], []
    for line, query in queries:
        try:
            check_query(query)
        except ValueError as e:
            skipped.append(str(line))
            found.append(Screened(line, query, None, " ".join(str(e).split())))
            continue
        hits = screen_archive(archive, query, day, limit + 1)
        found.append(Screened(line, query, hits[:limit],
                              more=limit if len(hits) > limit else None))
    if from_file and len(skipped) == len(found):
        bad_input(f"no line of the file is a name that can be screened ({len(skipped)} tried)")
    if skipped:
        click.echo(f"regwatch: skipped {len(skipped)} line(s) that are not names to screen "
                   f"(lines {', '.join(skipped[:10])}{', …' if len(skipped) > 10 else ''})",
                   err=True)
    return found


def screened_csv(found: list[Any], day: str) -> bytes:
    """The names of a file as CSV: a row per designation hit, a row for a name without a match
    or not screened; UTF-8 with a byte-order mark (Excel then reads the Chinese names), names
    from pages with formulas defused, as in exports."""
    import csv
    import io

    from pipelines.export import csv_row
    from pipelines.screening import SCREEN_CSV_COLUMNS, csv_rows

    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=SCREEN_CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for entry in found:
        writer.writerows(csv_row(r) for r in csv_rows(entry.query, entry.line, entry.hits, day,
                                                      entry.reason, entry.more))
    return buffer.getvalue().encode("utf-8-sig")


def screened_json(header: dict[str, Any], found: list[Any]) -> bytes:
    """The names of a file as JSON: the day and the archive's freshness, then every name
    (line, query, screened, its hits; the reason when it was not screened)."""
    names = [entry.as_json() for entry in found]
    return (json.dumps({**header, "names": names}, ensure_ascii=False, indent=2) + "\n"
            ).encode("utf-8")


def write_screened(data: bytes, out: str | None) -> None:
    """The screened names to out, or to stdout (None or "-", as `export --out -`)."""
    if out is None or out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        Path(out).write_bytes(data)
    except OSError as e:
        bad_input(f"cannot write {out}: {e.strerror or e}")


# --- the regime on a day (status, export) -------------------------------------------------------
def on_day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--on: an ISO date the archive can answer for (None: today in Beijing)."""
    from pipelines.regime import DayError, parse_day

    if value is None:
        return None
    try:
        return parse_day(value, "--on")[0]
    except DayError as e:
        raise click.BadParameter(str(e).removeprefix("--on: ")) from None


def status_lines(rows: list[dict[str, Any]], day: str, given: bool, note: str) -> list[str]:
    """`regwatch status` as text: the day, the archive's freshness, one line per measure."""
    when = day if given else f"{day} (today in Beijing)"
    lines = [f"Status on {when}, from the status periods (measure_status)."]
    if note:
        lines.append(note)
    width = max((len(r["measure"]) for r in rows), default=0)
    for r in rows:
        title = r["title_zh"] or r["title_en"] or ""
        lines.append(f"{r['measure']:<{width}}  {r['phrase']}  {title}".rstrip())
        for c in r["clauses"]:
            until = f" until {c['to']}" if c["to"] else ""
            by = f" by {c['by']}" if c["by"] else ""
            note = f" ({c['note']})" if c.get("note") else ""
            lines.append(f"{'':<{width}}    clause {c['clause']}: {c['status']}{by}{until}{note}")
        for d in r.get("disagreements", []):
            lines.append(f"{'':<{width}}    ! {d['text']}")
    return lines


@cli.command()
@click.option("--on", "on", callback=on_day, help="The day (ISO); default: today in Beijing.")
@click.option("--measure", help="Only this measure, e.g. MOFCOM-2025-61.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of text.")
@common_options
def status(on: str | None, measure: str | None, as_json: bool, db: str | None,
           reports: str | None, config_path: str | None) -> None:
    """The status of every measure (or one) on a day, from the archive (read-only).

    \b
    Example:
      regwatch status --on 2026-03-01
      regwatch status --measure MOFCOM-2025-61 --json
    """
    from crawler.runner import read_archive
    from pipelines.dates import today_in_beijing
    from pipelines.regime import freshness, regime

    if measure is not None and not measure.strip():
        raise UsageError("--measure: give a measure id, e.g. MOFCOM-2025-61")
    config = configure(config_path, db=db, reports=reports)
    archive = read_archive(config.db)
    try:
        day = on or today_in_beijing()
        wanted = measure.strip().upper() if measure else None
        if wanted and archive.measure(wanted) is None:
            raise UsageError(f"--measure: no measure {wanted} in {config.db}")
        rows = regime(archive, day, wanted)
        fresh = freshness(archive)
    finally:
        archive.close()
    if as_json:
        click.echo(json.dumps({"on": day, "today": fresh.today, "last_run": fresh.last_run,
                               "stale": fresh.stale, "note": fresh.note, "measures": rows},
                              ensure_ascii=False, indent=2))
        return
    for line in status_lines(rows, day, on is not None, fresh.note):
        click.echo(line)


@cli.command()
@click.option("--on", "on", callback=on_day, help="The day (ISO); default: today in Beijing.")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "json"]), default="csv",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, allow_dash=True),
              help="The file to write ('-': standard output; default measures-DAY.FORMAT).")
@common_options
def export(on: str | None, fmt: str, out: str | None, db: str | None, reports: str | None,
           config_path: str | None) -> None:
    """The measures with their status on a day, dates and links, as CSV, XLSX or JSON.

    The CSV starts with a UTF-8 byte-order mark, so Excel shows the Chinese titles.

    \b
    Example:
      regwatch export --on 2026-03-01 --format xlsx
      regwatch export --format csv --out - > measures.csv
    """
    from crawler.runner import read_archive
    from pipelines.dates import today_in_beijing
    from pipelines.export import export as export_measures
    from pipelines.export import write
    from pipelines.regime import freshness

    config = configure(config_path, db=db, reports=reports)
    day = on or today_in_beijing()
    if out == "-" and fmt == "xlsx" and sys.stdout.isatty():
        raise UsageError("--out -: an XLSX workbook is written to a file or a pipe, not to the "
                         "terminal")
    archive = read_archive(config.db)
    try:
        data = export_measures(archive, day, fmt, config.datasette_url, Path(config.db).stem,
                               freshness(archive))
    finally:
        archive.close()
    if out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    path = Path(out or f"measures-{day}.{fmt}")
    write(path, data)
    click.echo(f"{path}: measures on {day} ({fmt})")


@cli.group()
def relevance() -> None:
    """The news the relevance rule left out on a close call, and the analyst's verdicts.

    \b
    Example:
      regwatch relevance close-calls
      regwatch relevance keep https://www.globaltimes.cn/page/202511/1234567.shtml
    """


@relevance.command("close-calls")
@click.option("--all", "show_all", is_flag=True, help="Also those the analyst already kept.")
@common_options
def close_calls(show_all: bool, db: str | None, reports: str | None,
                config_path: str | None) -> None:
    """News left out that names a measure, too little of one to keep, newest first: its date,
    source, title, URL and the rule's reason. Keep one with `regwatch relevance keep URL`."""
    from crawler.runner import read_archive

    config = configure(config_path, db=db, reports=reports)
    archive = read_archive(config.db)
    try:
        rows = [r for r in archive.close_calls() if show_all or r["verdict"] is None]
    finally:
        archive.close()
    for row in rows:
        kept = f" [kept by the analyst on {row['decided']}]" if row["verdict"] else ""
        click.echo(f"{(row['published'] or '')[:10]} {row['source']}: {row['title']}{kept}\n"
                   f"  {row['url']}\n  left out: {row['reason']}")
    click.echo(f"{plural(len(rows), 'close call')}")


@relevance.command()
@click.argument("url")
@click.option("--note", default=None, help="Why the page is kept (shown with the verdict).")
@click.option("--as-of", callback=iso_date, help="The verdict's date (ISO); default: today in "
                                                 "Beijing.")
@click.option("--undo", is_flag=True, help="Withdraw the verdict (a page its source can no "
                                           "longer serve, a mistake).")
@common_options
def keep(url: str, note: str | None, as_of: str | None, undo: bool, db: str | None,
         reports: str | None, config_path: str | None) -> None:
    """Keep a news page the relevance rule left out: its source's next run reads it again and
    stores it as a document (linked, categorised, reported as new), whatever the rule says.

    \b
    Example:
      regwatch relevance keep https://www.globaltimes.cn/page/202611/1361208.shtml --note "tariffs"
    """
    from crawler.runner import check_archive, open_archive

    config = configure(config_path, db=db, reports=reports, as_of=as_of)
    check_archive(config.db, must_exist=True)
    with locked(config.db):
        archive = open_archive(config.db, create=False)
        try:
            click.echo(withdraw_verdict(archive, url) if undo
                       else keep_page(archive, url, config.run_date(), note))
        except ValueError as e:
            raise UsageError(str(e)) from None
        finally:
            archive.close()


def keep_page(archive: Any, url: str, day: str, note: str | None) -> str:
    """The analyst's verdict to keep a page left out, recorded; what the command says."""
    verdict = archive.keep_left_out(url, day, note)
    if verdict["source"] is None:  # left out before sources were remembered with the page
        return f"kept: {verdict['url']}; read again, and stored, when its list shows it"
    return f"kept: {verdict['url']} ({verdict['source']}); its next run reads it again"


def withdraw_verdict(archive: Any, url: str) -> str:
    archive.withdraw_verdict(url)
    return f"verdict withdrawn: {url}"


@cli.group()
def links() -> None:
    """The links the rule inferred without a number, the review candidates, and the analyst's
    verdicts on them (a confirmed pair is a link, a rejected one neither a link nor a
    candidate, every night after). DOC is a document id or the page's URL.

    \b
    Example:
      regwatch links review
      regwatch links confirm 3f0c2a9d1b7e4c55 MOFCOM-2025-57 --note "the Oct 9 package"
      regwatch links reject https://www.globaltimes.cn/page/202511/1360001.shtml MOFCOM-2025-18
      regwatch links undo 3f0c2a9d1b7e4c55 MOFCOM-2025-57
    """


@links.command("review")
@common_options
def links_review(db: str | None, reports: str | None, config_path: str | None) -> None:
    """The pairs waiting for a verdict (review candidates: a document describes a measure as
    well as another), newest document first: its date, source, title, URL and id, then each
    measure with its score and the rule's reason. Decide with `regwatch links confirm DOC
    MEASURE` or `regwatch links reject DOC MEASURE`."""
    from crawler.runner import read_archive

    config = configure(config_path, db=db, reports=reports)
    archive = read_archive(config.db)
    try:
        rows = archive.links_to_review()
    finally:
        archive.close()
    shown = None
    for row in rows:
        if row["document"] != shown:
            shown = row["document"]
            click.echo(f"{(row['published'] or '')[:10]} {row['source']}: {row['title']}\n"
                       f"  {row['url']} (document {row['document']})")
        click.echo(f"  {row['measure']}, score {row['score']:g}: {row['reason']}")
    click.echo(f"{plural(len(rows), 'pair')} to review")


def verdict_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """DOC MEASURE [--note] [--as-of] and the common options of `links confirm|reject`."""
    for option in reversed((
            click.argument("document", metavar="DOC"), click.argument("measure"),
            click.option("--note", default=None, help="Why (kept with the verdict and shown "
                                                      "in the link's reason)."),
            click.option("--as-of", callback=iso_date, help="The verdict's date (ISO); "
                                                            "default: today in Beijing."),
            common_options)):
        func = option(func)
    return func


@links.command("confirm")
@verdict_options
def links_confirm(document: str, measure: str, note: str | None, as_of: str | None,
                  db: str | None, reports: str | None, config_path: str | None) -> None:
    """The document is about the measure: the pair (a review candidate, a link without a
    number, or a measure the rule missed) is a link from now on, whatever the rule decides on
    later nights.

    \b
    Example:
      regwatch links confirm 3f0c2a9d1b7e4c55 MOFCOM-2025-57 --note "the Oct 9 package"
    """
    config = configure(config_path, db=db, reports=reports, as_of=as_of)
    relink_with_verdict(
        config.db, document, measure, "confirmed", lambda archive, doc_id, m:
        archive.decide_link(doc_id, m, LinkVerdict.CONFIRM, config.run_date(), note))


@links.command("reject")
@verdict_options
def links_reject(document: str, measure: str, note: str | None, as_of: str | None,
                 db: str | None, reports: str | None, config_path: str | None) -> None:
    """The document is not about the measure: the pair (a review candidate or a link without a
    number) is neither a link nor a candidate from now on. A link by number cannot be rejected.

    \b
    Example:
      regwatch links reject https://www.globaltimes.cn/page/202511/1360001.shtml MOFCOM-2025-18
    """
    config = configure(config_path, db=db, reports=reports, as_of=as_of)
    relink_with_verdict(
        config.db, document, measure, "rejected", lambda archive, doc_id, m:
        archive.decide_link(doc_id, m, LinkVerdict.REJECT, config.run_date(), note))


@links.command("undo")
@click.argument("document", metavar="DOC")
@click.argument("measure")
@common_options
def links_undo(document: str, measure: str, db: str | None, reports: str | None,
               config_path: str | None) -> None:
    """Withdraw the analyst's verdict on the pair: the rule decides again, at once.

    \b
    Example:
      regwatch links undo 3f0c2a9d1b7e4c55 MOFCOM-2025-57
    """
    config = configure(config_path, db=db, reports=reports)
    relink_with_verdict(config.db, document, measure, "verdict withdrawn ({verdict})",
                        lambda archive, doc_id, m: archive.withdraw_link_verdict(doc_id, m))


def relink_with_verdict(db: str, document: str, measure: str, done: str,
                        act: Callable[[Any, str, str], dict[str, Any]]) -> None:
    """Record or withdraw a verdict (`act`, which returns it) and relink the document, in one
    transaction; say in one line what was done (`done`, formatted with the verdict) and what
    the pair was and is (an error: one line, nothing written)."""
    from crawler.runner import check_archive, open_archive
    from pipelines.linking import link_document

    check_archive(db, must_exist=True)
    with locked(db):
        archive = open_archive(db, create=False)
        try:
            doc_id = document_named(archive, document)
            doc = archive.document(doc_id)
            if doc is None:
                raise UsageError(f"no document {document} in the archive")
            measure = measure.strip().upper()
            before = pair_state(archive, doc_id, measure)
            with archive.transaction():
                verdict = act(archive, doc_id, measure)
                link_document(archive, doc_id, archive.latest_run_id() or "", {})
            after = pair_state(archive, doc_id, measure)
        except ValueError as e:
            raise UsageError(str(e)) from None
        finally:
            archive.close()
    change = f"now {after}" if after != before else f"still {after}"
    click.echo(f"{done.format(**verdict)}: {measure} and document {doc_id} ({doc['title']}): "
               f"was {before}, {change}")


def pair_state(archive: Any, doc_id: str, measure: str) -> str:
    """What a document and a measure are to each other, in words."""
    if archive.links_between(doc_id, measure):
        return "a link"
    if any(c["measure"] == measure for c in archive.link_candidates(doc_id)):
        return "a review candidate"
    return "neither a link nor a review candidate"


if __name__ == "__main__":
    cli()
