"""Digests delivered beyond SMTP, through Apprise (Slack, Teams, Telegram, webhooks, ...).

A `[[channels]]` entry of regwatch.toml is filtered like a mail recipient; its digests are queued
in the same outbox (`channel = 'apprise'`, `recipient` = the channel's name) by pipelines.digest
and sent here with the same rules as mail: a row is marked `sending` before it is handed to
Apprise and `sent` when Apprise reports success; a failure (refused, unreachable, a bad URL)
leaves it queued with `attempts` and `last_error`, for the next `regwatch digest` or `nightly`.
Each channel has its own stream of runs, like a mail address (pipelines.digest). A row of a
channel the configuration in use does not name is not sent: dropped, said once, when this
configuration queued it or the file that did is gone, else left queued for the configuration
that did, said in one line, like mail (pipelines.mailer). The callers hold the archive's lock.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from pipelines.archive import Archive
from pipelines.config import Channel, Config
from pipelines.mailer import DigestResult, drop_unconfigured, left_queued, unconfigured


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def notify(url: str, title: str, body: str) -> str | None:
    """Send one notification; None when Apprise reports success, else the reason in one line."""
    import apprise

    target = apprise.Apprise()
    if not target.add(url):
        return "not a usable Apprise URL"
    with apprise.LogCapture(level=logging.WARNING) as log:
        ok = target.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT)
    if ok:
        return None
    lines = [re.sub(r"^[\d-]+ [\d:,]+ - \w+ - ", "", line)
             for line in log.getvalue().splitlines() if line.strip()]
    return _one_line(lines[-1] if lines else "the notification was not accepted")


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text)[:80]


def send_pending_channels(archive: Archive, channels: list[Channel],
                          dry_run_dir: Path | None = None, config: str = "") -> DigestResult:
    """Send every unsent Apprise row of a configured channel (or write it as a .txt file into
    dry_run_dir, unsent); `config` is the configuration file in use (mailer.config_file): the
    rows of channels it no longer names are dropped, another configuration's are left queued
    (mailer.may_drop)."""
    by_name = {c.address: c for c in channels}
    rows = unconfigured(archive.pending_mails("apprise"), set(by_name), config, key=str)
    pending, left = rows.keep, left_queued(rows.left, "channel")
    if dry_run_dir is not None:
        folder = Path(dry_run_dir)
        folder.mkdir(parents=True, exist_ok=True)
        for row in pending:
            path = folder / f"{row['id']:05d}-{_safe_name(row['recipient'])}.txt"
            path.write_text(f"{row['subject']}\n\n{row['text']}", encoding="utf-8")
        return DigestResult(sent=0, failed=0, pending=len(pending), written=len(pending),
                            dropped=drop_unconfigured(archive, rows.gone, "channel",
                                                      dry_run=True), left=left)
    dropped = drop_unconfigured(archive, rows.gone, "channel")
    sent = failed = unconfirmed = 0
    error: str | None = None
    for row in pending:
        reason = _deliver(archive, row, by_name[row["recipient"]])
        if reason is None:
            sent += 1
            unconfirmed += bool(row.get("sending_at"))  # a copy may have arrived before
            continue
        failed += 1
        error = error or f"channel {row['recipient']}: {reason}"
    still = unconfigured(archive.pending_mails("apprise"), set(by_name), config, key=str).keep
    return DigestResult(sent=sent, failed=failed, pending=len(still), error=error,
                        unconfirmed=unconfirmed, dropped=dropped, left=left)


def _deliver(archive: Archive, row: dict[str, Any], channel: Channel) -> str | None:
    """One row through its channel: marked sending, then sent or failed; the reason if failed."""
    url = channel.target()
    if not url:
        reason = f"${channel.url_env} is empty" if channel.url_env else "no URL"
    else:
        archive.mark_mail_sending(row["id"])
        try:
            reason = notify(url, row["subject"], row["text"])
        except Exception as e:  # noqa: BLE001 (a plugin's failure is one line, the row stays queued)
            reason = _one_line(f"{type(e).__name__}: {e}")
        if reason is None:
            archive.mark_mail_sent(row["id"])
            return None
        # Apprise says only "not delivered": an earlier copy that may have arrived is remembered
        archive.mark_mail_failed(row["id"], reason, tried=True,
                                 unconfirmed_since=row.get("sending_at"))
        return reason
    archive.mark_mail_failed(row["id"], reason, unconfirmed_since=row.get("sending_at"))
    return reason


def send_all(archive: Archive, config: Config, dry_run_dir: Path | None = None) -> DigestResult:
    """Every unsent digest of the configuration's recipients and channels: mails over SMTP,
    then channels through Apprise; results added up (the first error line kept)."""
    from pipelines.mailer import config_file, send_pending

    path = config_file(config.path)
    mail = send_pending(archive, config.mail, dry_run_dir, path)
    other = send_pending_channels(archive, config.channels, dry_run_dir, path)
    return DigestResult(sent=mail.sent + other.sent, failed=mail.failed + other.failed,
                        pending=mail.pending + other.pending, error=mail.error or other.error,
                        written=mail.written + other.written,
                        unconfirmed=mail.unconfirmed + other.unconfirmed,
                        dropped=mail.dropped + other.dropped, left=mail.left + other.left)
