"""`regwatch nightly` and `regwatch schedule`: what cron or a systemd timer runs, and how.

nightly = crawl (every enabled source) + the run's reports + the email digest, under a lock on
the archive, logging to a rotating file and printing a short summary. Exit codes, for a
scheduler deciding whether to alert:

    0  the run completed and the digest (if any) went out; source problems are in the report
    1  it could not run (bad arguments or configuration, unreadable archive)
    3  another run holds the archive's lock (try later, or pass --wait)
    4  the run completed but mail could not be sent: the digest stays queued for the next run
    5  the run completed but a source failed (only with --strict)

A run killed half-way leaves its rows consistent (one transaction per item) and its run marked
`running`; the next run marks it `interrupted` and reports its changes (Archive.start_run).
"""

from __future__ import annotations

import json
import logging
import os
import shlex
import shutil
import subprocess
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import click

from crawler.lock import EXIT_LOCKED, LockHeld, archive_lock
from pipelines.config import Config
from pipelines.report import describe_run

EXIT_OK, EXIT_MAIL, EXIT_SOURCE = 0, 4, 5
LOG_BYTES, LOG_BACKUPS = 1_000_000, 5


def log_to_file(log_file: str | Path) -> RotatingFileHandler:
    """Send everything logged (Scrapy's log too) to a rotating file."""
    handler = RotatingFileHandler(log_file, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    return handler


def run_nightly(config: Config, *, wait: float | None, strict: bool, mail: bool) -> int:
    """Crawl every enabled source, report and mail under the archive's lock; the exit status."""
    from crawler.runner import Run, known_sources

    # Scrapy's own stderr log is off: everything goes to the rotating log file
    run = Run(config, config.enabled(known_sources()), extra_settings={"LOG_ENABLED": False})
    log_to_file(config.log_file)
    try:
        with archive_lock(config.db, wait):
            summary = run.execute()
            report = json.loads(summary.reports[0].read_text(encoding="utf-8"))
            click.echo(describe_run(report))
            mail_error = send_digest(config) if mail else None
    except LockHeld as e:
        click.echo(f"regwatch: {e}", err=True)
        return EXIT_LOCKED
    if mail_error:
        click.echo(f"regwatch: mail not sent, the digest stays queued: {mail_error}", err=True)
        return EXIT_MAIL
    if strict and any(s["status"] == "failed" for s in report["sources"]):
        return EXIT_SOURCE
    return EXIT_OK


def send_digest(config: Config) -> str | None:
    """Queue the new changes' digests and send what is pending; the error line, if any."""
    from crawler.runner import open_archive
    from pipelines.digest import queue_digests
    from pipelines.mailer import send_pending

    if not config.mail.recipients:
        return None
    archive = open_archive(config.db, create=False)
    try:
        queue_digests(archive, config)
        result = send_pending(archive, config.mail)
    finally:
        archive.close()
    click.echo(f"digest: {result.sent} sent, {result.pending} pending"
               + (f" ({result.unconfirmed} sent again: delivery not confirmed before)"
                  if result.unconfirmed else ""))
    return result.error


# --- scheduling ------------------------------------------------------------------------------
UNIT = "regwatch-nightly"


def nightly_command(workdir: Path) -> str:
    """The command a scheduler runs: this installation's regwatch, in the archive's folder."""
    regwatch = Path(sys.executable).with_name("regwatch")
    return f"cd {shlex.quote(str(workdir))} && {shlex.quote(str(regwatch))} nightly"


def systemd_units(workdir: Path, at: str, timezone: str) -> dict[str, str]:
    """A user service and timer running nightly at `at` (HH:MM) in `timezone`."""
    service = f"""[Unit]
Description=regwatch nightly crawl, reports and email digest
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
WorkingDirectory={workdir}
ExecStart=/bin/sh -c {shlex.quote(nightly_command(workdir))}
# Exit 3 (the previous night still holds the lock) is not a failure; 1, 4 (mail queued for the
# next run) and 5 fail the unit, so they show in `systemctl --user --failed` and can alert.
SuccessExitStatus=3
"""
    timer = f"""[Unit]
Description=Run regwatch nightly at {at} {timezone}

[Timer]
OnCalendar=*-*-* {at}:00 {timezone}
Persistent=true
RandomizedDelaySec=300

[Install]
WantedBy=timers.target
"""
    return {f"{UNIT}.service": service, f"{UNIT}.timer": timer}


BEGIN, END = f"# >>> {UNIT} (managed by regwatch schedule)", f"# <<< {UNIT}"


def cron_line(workdir: Path, at: str, timezone: str) -> str:
    """A crontab block (CRON_TZ, then the line), between markers so it can be replaced."""
    hour, minute = at.split(":")
    return (f"{BEGIN}\nCRON_TZ={timezone}\n{int(minute)} {int(hour)} * * * "
            f"{nightly_command(workdir)} >/dev/null 2>&1\n{END}")


def install_systemd(units: dict[str, str]) -> list[str]:
    """Write the units for the current user; enable the timer when systemctl is there."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    folder = base / "systemd" / "user"
    folder.mkdir(parents=True, exist_ok=True)
    done = []
    for name, text in units.items():
        (folder / name).write_text(text, encoding="utf-8")
        done.append(f"wrote {folder / name}")
    if shutil.which("systemctl"):
        for args in (["daemon-reload"], ["enable", "--now", f"{UNIT}.timer"]):
            result = subprocess.run(["systemctl", "--user", *args], capture_output=True,
                                    text=True)
            done.append(f"systemctl --user {' '.join(args)}: "
                        + ("ok" if result.returncode == 0 else result.stderr.strip()[:200]))
    else:
        done.append(f"systemctl not found: run `systemctl --user enable --now {UNIT}.timer`")
    return done


def without_block(crontab: str) -> list[str]:
    """The crontab's lines without an earlier regwatch block."""
    kept, inside = [], False
    for line in crontab.splitlines():
        if line == BEGIN:
            inside = True
        elif line == END:
            inside = False
        elif not inside:
            kept.append(line)
    return kept


def install_cron(block: str) -> list[str]:
    """Put the block at the end of the user's crontab (its CRON_TZ then only affects it),
    replacing an earlier regwatch block and keeping every other line."""
    if not shutil.which("crontab"):
        raise click.ClickException("crontab not found: add these lines by hand:\n" + block)
    current = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
    kept = without_block(current.stdout if current.returncode == 0 else "")
    subprocess.run(["crontab", "-"], input="\n".join([*kept, block]) + "\n", text=True,
                   check=True)
    return ["crontab updated"]
