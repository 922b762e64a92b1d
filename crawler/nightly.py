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
import re
import shlex
import shutil
import subprocess
import sys
from datetime import UTC, datetime, time, timedelta
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from crawler.lock import EXIT_LOCKED, LockHeld, archive_lock
from pipelines.config import Config
from pipelines.report import describe_run

EXIT_OK, EXIT_MAIL, EXIT_SOURCE = 0, 4, 5
log = logging.getLogger("regwatch.nightly")
LOG_BYTES, LOG_BACKUPS = 1_000_000, 5


class AtLevelOrNightly(logging.Filter):
    """Records at the configured level or above (Scrapy sets its loggers to DEBUG whatever the
    root's level), and every line of the nightly's own (its summary, the digest, its exit)."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= self.level or record.name == log.name


def log_to_file(log_file: str | Path, level: str = "INFO") -> RotatingFileHandler:
    """Send what is logged at `level` (log_level) or above, Scrapy's log too, and the nightly's
    own lines to a rotating file."""
    handler = RotatingFileHandler(log_file, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s: %(message)s"))
    handler.addFilter(AtLevelOrNightly(logging.getLevelName(level.upper())))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    return handler


def run_nightly(config: Config, *, wait: float | None, strict: bool, mail: bool) -> int:
    """Crawl every enabled source, report and mail under the archive's lock; the exit status.
    What it prints (the run's summary, the digest's line, a mail or lock error) is also logged,
    so a scheduler that discards the output still leaves a trace in the log file."""
    from crawler.runner import Run, StopRequested, UsageError, known_sources

    log_to_file(config.log_file, config.log_level)
    try:
        # Scrapy's own stderr log is off: everything goes to the rotating log file
        run = Run(config, config.enabled(known_sources()), extra_settings={"LOG_ENABLED": False})
        status = _nightly(run, config, wait=wait, strict=strict, mail=mail)
    except (click.ClickException, UsageError) as e:  # it could not run (storage, archive)
        log.error("nightly: %s", e.format_message() if isinstance(e, click.ClickException)
                  else e)
        log.info("nightly: exit %d (could not run)", getattr(e, "exit_code", 1))
        raise
    except StopRequested as e:  # SIGTERM, SIGINT, SIGHUP: the run is marked interrupted
        log.error("nightly: %s", e)
        log.info("nightly: exit %d (stopped)", e.exit_status)
        raise
    log.info("nightly: exit %d (%s)", status, EXIT_MEANING.get(status, "?"))
    return status


EXIT_MEANING = {EXIT_OK: "done", EXIT_LOCKED: "another run holds the lock",
                EXIT_MAIL: "mail failed, the digest stays queued",
                EXIT_SOURCE: "a source failed (--strict)"}


def _nightly(run: Any, config: Config, *, wait: float | None, strict: bool, mail: bool) -> int:
    try:
        with archive_lock(config.db, wait) as lock:
            log.info("nightly: holding the lock %s", lock)
            summary = run.execute()
            report = json.loads(summary.reports[0].read_text(encoding="utf-8"))
            say(describe_run(report))
            mail_error = send_digest(config) if mail else None
            if not mail:
                log.info("digest: not sent (--no-mail); a later run mails the changes")
    except LockHeld as e:
        say(f"regwatch: {e}", error=True)
        return EXIT_LOCKED
    if mail_error:
        say(f"regwatch: mail not sent, the digest stays queued: {mail_error}", error=True)
        return EXIT_MAIL
    failed = [s["name"] for s in report["sources"] if s["status"] == "failed"]
    if strict and failed:
        say(f"regwatch: a source failed ({', '.join(failed)}): exit {EXIT_SOURCE} (--strict)",
            error=True)
        return EXIT_SOURCE
    return EXIT_OK


def say(text: str, error: bool = False) -> None:
    """Print for the scheduler (stdout, or stderr for an error) and log the same to the file."""
    click.echo(text, err=error)
    log.log(logging.ERROR if error else logging.INFO, "%s", text)


def send_digest(config: Config) -> str | None:
    """Queue the new changes' digests and send what is pending; the error line, if any."""
    from crawler.runner import open_archive
    from pipelines.channels import send_all
    from pipelines.digest import queue_digests

    if not config.mail.recipients and not config.channels:
        log.info("digest: no mail recipients or channels configured; nothing mailed")
        return None
    archive = open_archive(config.db, create=False)
    try:
        queue_digests(archive, config)
        result = send_all(archive, config)
    finally:
        archive.close()
    say(f"digest: {result.sent} sent, {result.pending} pending"
        + (f" ({result.unconfirmed} sent again: delivery not confirmed before)"
           if result.unconfirmed else ""))
    for line in result.dropped + result.left:
        say(f"digest: {line}")
    return result.error


# --- scheduling ------------------------------------------------------------------------------
UNIT = "regwatch-nightly"
# Where a scheduled job reads its secrets (REGWATCH_SMTP_PASSWORD=…): a file of the user's,
# outside the repository and the archive's folder, created with mode 600. regwatch never writes
# a secret into it: the user does.
ENV_FILE = Path("~/.config/regwatch/env")
PASSWORD_VARIABLE = "REGWATCH_SMTP_PASSWORD"


CRON_EVERY = timedelta(hours=1)  # how often the cron line runs `regwatch nightly --at`
EARLY = timedelta(minutes=1)  # a job started a little early (a clock step) still counts


def check_time(at: str, timezone: str) -> str:
    """`at` as HH:MM, checked with its IANA zone; a one-line BadParameter otherwise."""
    try:
        hour, minute = (int(part) for part in at.split(":"))
        if not (0 <= hour < 24 and 0 <= minute < 60):
            raise ValueError
        ZoneInfo(timezone)
    except (ValueError, ZoneInfoNotFoundError, OSError):
        raise click.BadParameter(f"--at {at!r} / --timezone {timezone!r}: expected HH:MM and "
                                 "an IANA zone such as Asia/Shanghai") from None
    return f"{hour:02d}:{minute:02d}"


def due(at: str, timezone: str, now: datetime | None = None) -> bool:
    """Whether the hourly cron line starts the night now: `now` is within the hour from `at`
    (HH:MM) in `timezone`, on today's date there or yesterday's. Of runs an hour apart exactly
    one a day is, whatever zone cron reads its times in; a time a DST change skips counts from
    an hour later, one it repeats from its first."""
    zone = ZoneInfo(timezone)
    now = (now or datetime.now(UTC)).astimezone(UTC)
    today = (now + EARLY).astimezone(zone).date()
    wanted = time(*(int(part) for part in at.split(":")))
    starts = (datetime.combine(day, wanted, tzinfo=zone).astimezone(UTC)
              for day in (today, today - timedelta(days=1)))
    return any(timedelta(0) <= now + EARLY - start < CRON_EVERY for start in starts)


def regwatch_executable(python: str | Path | None = None,
                        path: str | None = None) -> tuple[Path, str | None]:
    """The regwatch a scheduler runs: the one installed beside this Python (this installation's),
    else the one on PATH (with a note saying so); a one-line ClickException when neither exists,
    since a schedule naming a missing program would fail every night without a word."""
    beside = Path(python or sys.executable).with_name("regwatch")
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside, None
    found = shutil.which("regwatch", path=path)
    if found:
        return Path(found).absolute(), (f"no regwatch beside {python or sys.executable}: the "
                                        f"schedule runs {found}, the one on PATH")
    raise click.ClickException(
        f"no regwatch executable at {beside} nor on PATH: install regwatch (pip install .) "
        "and run `regwatch schedule` with that installation's regwatch")


# What systemd reads in a unit file: %-specifiers in every setting below (a literal % is %%);
# in ExecStart= also quotes, C escapes and $VARIABLES in the arguments ($$ is a literal $),
# while its program is taken literally but for specifiers, and refused with a quote or backslash.
PLAIN_WORD = re.compile(r"[\w/.,:+=@-]+")


def unit_safe(text: str) -> str:
    """The text, refused in one line when it holds a control character (no unit line can)."""
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise click.ClickException(f"{text!r}: a systemd unit cannot name a path holding a "
                                   "control character; use --cron")
    return text


def unit_text(path: Path) -> str:
    """A path for a unit's WorkingDirectory= or EnvironmentFile=: % doubled; refused in one line
    when it ends in a space or a backslash (systemd strips the one, continues the line on the
    other)."""
    text = unit_safe(str(path))
    if text.endswith((" ", "\\")):
        raise click.ClickException(f"{text!r}: a systemd unit cannot name a path ending in a "
                                   "space or a backslash; use --cron")
    return text.replace("%", "%%")


def exec_program(path: Path) -> str:
    """ExecStart='s program: % doubled, in double quotes unless plain; refused in one line when
    its path holds a quote or a backslash, which systemd does not run."""
    text = unit_safe(str(path))
    if any(c in text for c in "\\\"'"):
        raise click.ClickException(f"{text}: systemd does not run a program whose path holds a "
                                   "quote or a backslash; use --cron, or install regwatch "
                                   "elsewhere")
    return text if PLAIN_WORD.fullmatch(text) else f'"{text.replace("%", "%%")}"'


def exec_argument(word: str) -> str:
    """An argument of ExecStart=: backslash, ", % and $ escaped, in double quotes unless plain."""
    text = unit_safe(word).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("%", "%%").replace("$", "$$")
    return text if PLAIN_WORD.fullmatch(word) else f'"{text}"'


def exec_start(regwatch: Path | None = None, config: Path | None = None) -> str:
    """The service's command line: this installation's regwatch nightly (with its configuration
    file when one is named); its working folder is the unit's WorkingDirectory=."""
    words = ["nightly", *(["--config", str(config)] if config else [])]
    return " ".join([exec_program(regwatch or regwatch_executable()[0]),
                     *map(exec_argument, words)])


def config_option(config: Path | None) -> str:
    """" --config PATH" for the job's command line ("" for the working folder's regwatch.toml)."""
    return f" --config {shlex.quote(str(config))}" if config else ""


def read_env_file(path: Path) -> dict[str, str]:
    """A secrets file's variables (KEY=VALUE a line, as systemd's EnvironmentFile reads them):
    the value literally, one pair of surrounding quotes taken off; blank lines and # comments
    skipped; nothing expanded or run. A missing file has none; an unreadable one or a line
    without = is refused in one line (naming the line, never its value)."""
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise click.ClickException(f"cannot read the secrets file {path}: "
                                   f"{getattr(e, 'strerror', None) or e}") from None
    found = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.removeprefix("export ").partition("=")
        key = key.strip()
        if not sep or not key.isidentifier():
            raise click.ClickException(f"secrets file {path}, line {number}: expected "
                                       "NAME=value")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        found[key] = value
    return found


def load_env_file(path: Path) -> None:
    """The secrets file's variables into the environment (one already set there wins)."""
    for key, value in read_env_file(path).items():
        os.environ.setdefault(key, value)


def env_file_path(env_file: str | Path | None, workdir: Path) -> Path:
    """The secrets file, absolute; refused (one line) in the archive's folder (or any folder in
    it) or in a git repository, where it would be committed, copied or served with the
    archive."""
    path = Path(os.path.abspath(Path(env_file or ENV_FILE).expanduser()))
    where = None
    if any(folder in path.parents for folder in (workdir.resolve(), workdir.absolute())):
        where = f"in the working folder {workdir}"  # (or a folder of it: served, copied too)
    else:
        repo = next((f for f in path.parents if (f / ".git").exists()), None)
        where = f"in the git repository {repo}" if repo else None
    if where:
        raise click.ClickException(
            f"--env-file {path} is {where}: keep the SMTP password outside the repository and "
            "the archive (default: ~/.config/regwatch/env)")
    return path


def secret_notes(env_file: Path) -> list[str]:
    """How the password reaches the scheduled job: comment lines for the command's output."""
    notes = [f"# The SMTP password (only needed when mail.username is set) reaches the job from "
             f"{env_file}:",
             f"#   a line {PASSWORD_VARIABLE}=... (or the variable mail.password_env names), "
             "readable only by you. Create it with",
             f"#   mkdir -p {shlex.quote(str(env_file.parent))} && install -m 600 /dev/null "
             f"{shlex.quote(str(env_file))}",
             "#   then edit it. regwatch never writes the secret itself; keep it out of the "
             "repository and out of regwatch.toml."]
    try:
        mode = env_file.stat().st_mode & 0o777
    except OSError:
        return [*notes, f"# {env_file} does not exist yet: without it mail needing a login "
                        "fails (exit 4, logged in regwatch.log)."]
    if mode & 0o077:
        notes.append(f"# warning: {env_file} is readable by others (mode {mode:o}): "
                     f"chmod 600 {shlex.quote(str(env_file))}")
    return notes


LINGER_NOTE = ("# On a server nobody stays logged in to, a user timer only runs while you are "
               "logged in unless\n# lingering is on: loginctl enable-linger {user}")


def systemd_units(workdir: Path, at: str, timezone: str, regwatch: Path | None = None,
                  env_file: Path | None = None, config: Path | None = None) -> dict[str, str]:
    """A user service and timer running nightly at `at` (HH:MM) in `timezone`; the service reads
    the secrets file (EnvironmentFile=, optional: `-`)."""
    env_file = env_file or env_file_path(None, workdir)
    service = f"""[Unit]
Description=regwatch nightly crawl, reports and email digest
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
WorkingDirectory={unit_text(workdir)}
# REGWATCH_SMTP_PASSWORD=... and other REGWATCH_* settings, from a file of mode 600 outside
# the repository (optional: without it mail needing a login fails, exit 4)
EnvironmentFile=-{unit_text(env_file)}
ExecStart={exec_start(regwatch, config)}
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


def cron_line(workdir: Path, at: str, timezone: str, regwatch: Path | None = None,
              env_file: Path | None = None, config: Path | None = None) -> str:
    """A crontab block between markers (so it can be replaced): a line running `regwatch nightly
    --at HH:MM --timezone ZONE` hourly, which starts the night only in the hour from that time in
    that zone, whichever zone cron reads its times in (cronie honours the block's CRON_TZ, and the
    minute is exact; Debian's cron ignores it and reads the machine's). The line passes the
    secrets file; stdout (the summary, also in regwatch.log) is dropped, stderr (a one-line
    error) is left to cron to mail."""
    env = shlex.quote(str(env_file or env_file_path(None, workdir)))
    # (regwatch reads the secrets file itself, literally: a shell sourcing it would run a
    # password holding &, $, ; or quotes as code)
    command = (f"cd {shlex.quote(str(workdir))} && "
               f"{shlex.quote(str(regwatch or regwatch_executable()[0]))} nightly "
               f"--at {at} --timezone {shlex.quote(timezone)} --env-file {env}"
               f"{config_option(config)} >/dev/null")
    command = command.replace("%", "\\%")  # cron reads % as a newline
    return "\n".join([BEGIN, f"# hourly: regwatch starts the night only in the hour from {at} "
                      f"{timezone}", f"CRON_TZ={timezone}",
                      f"{int(at.split(':')[1])} * * * * {command}", END])


def user_unit_folder() -> Path:
    """Where systemd reads the current user's units: $XDG_CONFIG_HOME/systemd/user."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "systemd" / "user"


def systemctl(*args: str) -> str | None:
    """Run `systemctl --user ARGS`: None when it worked, else why it failed, in one line."""
    result = subprocess.run(["systemctl", "--user", *args], capture_output=True, text=True)
    if result.returncode == 0:
        return None
    return " ".join(result.stderr.split())[:200] or f"exit {result.returncode}"


def install_systemd(units: dict[str, str]) -> list[str]:
    """Write the units for the current user; enable the timer when systemctl is there (a step
    that fails is refused in one line, after what was written: the timer is not running)."""
    folder = user_unit_folder()
    folder.mkdir(parents=True, exist_ok=True)
    done = []
    for name, text in units.items():
        (folder / name).write_text(text, encoding="utf-8")
        done.append(f"wrote {folder / name}")
    if shutil.which("systemctl"):
        for args in (["daemon-reload"], ["enable", "--now", f"{UNIT}.timer"]):
            reason = systemctl(*args)
            if reason:
                for line in done:
                    click.echo(line)
                raise click.ClickException(
                    f"systemctl --user {' '.join(args)} failed ({reason}): the timer is not "
                    f"enabled; the units are written: run `systemctl --user enable --now "
                    f"{UNIT}.timer` where a user systemd runs")
            done.append(f"systemctl --user {' '.join(args)}: ok")
    else:
        done.append(f"systemctl not found: run `systemctl --user enable --now {UNIT}.timer`")
    return done


def uninstall_systemd() -> list[str]:
    """Stop and disable the timer where a user systemd runs, then delete the units (and the
    timer's link in timers.target.wants); a line for each step. A timer systemctl could not stop
    is refused in one line, after the files are deleted."""
    folder = user_unit_folder()
    installed = [path for path in (folder / f"{UNIT}.timer", folder / f"{UNIT}.service",
                                   folder / "timers.target.wants" / f"{UNIT}.timer")
                 if path.is_symlink() or path.exists()]
    if not installed:
        return [f"no {UNIT} units in {folder}: nothing to remove"]
    done, failed = [], None
    if shutil.which("systemctl"):
        failed = systemctl("disable", "--now", f"{UNIT}.timer")
        done += [] if failed else [f"stopped and disabled {UNIT}.timer"]
    else:
        done.append(f"systemctl not found: no user systemd to stop {UNIT}.timer")
    for path in installed:
        if path.is_symlink() or path.exists():  # (disable removes the link itself)
            path.unlink()
            done.append(f"removed {path}")
    if failed:
        for line in done:
            click.echo(line)
        raise click.ClickException(
            f"systemctl --user disable --now {UNIT}.timer failed ({failed}): the units are "
            f"removed, but a user systemd may still hold the timer: run `systemctl --user stop "
            f"{UNIT}.timer; systemctl --user daemon-reload` where it runs")
    if shutil.which("systemctl"):
        reloaded = systemctl("daemon-reload")
        done.append(f"systemctl --user daemon-reload: {reloaded or 'ok'}")
    return done


def without_block(crontab: str) -> list[str]:
    """The crontab's lines without an earlier regwatch block; refused in one line when its end
    marker is missing (every line after the start would go)."""
    kept, inside = [], False
    for line in crontab.splitlines():
        if line == BEGIN:
            inside = True
        elif line == END:
            inside = False
        elif not inside:
            kept.append(line)
    if inside:
        raise click.ClickException(f"your crontab has the line {BEGIN!r} but not {END!r} after "
                                   "it: remove regwatch's lines by hand (crontab -e)")
    return kept


def write_crontab(lines: list[str]) -> None:
    """Install these lines as the user's crontab; refused in one line when crontab fails."""
    text = "".join(f"{line}\n" for line in lines)
    result = subprocess.run(["crontab", "-"], input=text, capture_output=True, text=True)
    if result.returncode != 0:
        reason = " ".join(result.stderr.split())[:200] or f"exit {result.returncode}"
        raise click.ClickException(f"crontab - failed ({reason}): your crontab is unchanged")


def current_crontab() -> str:
    """The user's crontab ("" when there is none)."""
    current = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
    return current.stdout if current.returncode == 0 else ""


def install_cron(block: str) -> list[str]:
    """Put the block at the end of the user's crontab (its CRON_TZ then only affects it),
    replacing an earlier regwatch block and keeping every other line."""
    if not shutil.which("crontab"):
        raise click.ClickException("crontab not found: add these lines by hand:\n" + block)
    write_crontab([*without_block(current_crontab()), *block.splitlines()])
    return ["crontab updated"]


def uninstall_cron() -> list[str]:
    """Take the regwatch block out of the user's crontab, keeping every other line."""
    if not shutil.which("crontab"):
        return ["crontab not found: no cron block to remove"]
    lines = current_crontab().splitlines()
    if BEGIN not in lines:
        return ["no regwatch block in your crontab: nothing to remove"]
    kept = without_block("\n".join(lines))
    write_crontab(kept)
    return [f"removed the {UNIT} block ({len(lines) - len(kept)} lines) from your crontab"]
