"""The email digest: the changes of completed runs, mailed once to each recipient.

Two steps, both safe to repeat:

- `queue_digests()` builds, for the completed runs not yet queued, one mail per recipient (their
  filter applied, grouped and worded like the reports) and stores it in the archive's outbox,
  marking the runs queued in the same transaction: a run's changes are queued exactly once.
- `send_pending()` sends every unsent outbox row over SMTP and marks it sent; a failure leaves it
  queued (attempts + 1, last_error) for the next call. Nothing is sent twice, nothing is lost.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from pipelines.archive import Archive
from pipelines.config import Config, MailConfig, Recipient
from pipelines.report import datasette_links, grouped, headline, http_only, measure_context

SMTP_TIMEOUT = 30

_env = Environment(loader=PackageLoader("pipelines", "templates"),
                   autoescape=select_autoescape(["html", "html.j2"]),
                   trim_blocks=True, lstrip_blocks=True)
_env.filters["http_only"] = http_only


@dataclass(frozen=True)
class DigestResult:
    sent: int
    failed: int
    pending: int  # still unsent after this call
    error: str | None = None  # one line, when something could not be sent
    written: int = 0  # .eml files written by a dry run


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def describe_filter(recipient: Recipient) -> str:
    parts = [f"{name}: {', '.join(values)}" for name, values in
             (("categories", recipient.categories), ("sources", recipient.sources),
              ("measures", recipient.measures)) if values]
    return "; ".join(parts)


def build_mail(archive: Archive, config: Config, recipient: Recipient, runs: list[dict[str, Any]],
               changes: list[dict[str, Any]], measures: dict[str, Any]) -> dict[str, Any] | None:
    """One recipient's digest of changes (None when nothing is left and no empty mail is due)."""
    mine = [c for c in changes
            if recipient.wants(c, (measures.get(c.get("measure")) or {}).get("category"))]
    if not mine and not config.mail.send_when_empty:
        return None
    head = headline(mine)
    subject = f"{config.mail.subject_prefix} {head}"
    db_name = archive.path.stem if archive.path else "archive"
    context = {
        "subject": subject, "headline": head, "runs": runs, "groups": grouped(mine),
        "measures": measures, "links": datasette_links(config.datasette_url, db_name),
        "recipient": recipient.address, "filtered": describe_filter(recipient),
    }
    return {
        "recipient": recipient.address, "change_ids": [c["id"] for c in mine],
        "subject": subject,
        "text": _env.get_template("digest.txt.j2").render(context),
        "html": _env.get_template("digest.html.j2").render(context),
    }


def queue_digests(archive: Archive, config: Config) -> int:
    """Queue one digest per recipient for the completed runs not yet queued; returns the number
    of mails queued. Without recipients nothing is queued and the runs stay unqueued."""
    if not config.mail.recipients:
        return 0
    runs = archive.unqueued_runs()
    if not runs:
        return 0
    changes = []
    for run in runs:
        for change in archive.changes(run["id"]):
            change["as_of"] = run["as_of"]
            changes.append(change)
    measures = measure_context(archive, changes)
    mails = [mail for recipient in config.mail.recipients
             if (mail := build_mail(archive, config, recipient, runs, changes, measures))]
    return archive.queue_mails([r["id"] for r in runs], mails)


def message(row: dict[str, Any], mail: MailConfig) -> EmailMessage:
    """The outbox row as a multipart/alternative mail (text, then HTML)."""
    msg = EmailMessage()
    msg["From"] = mail.sender
    msg["To"] = row["recipient"]
    msg["Subject"] = row["subject"]
    msg["Date"] = format_datetime(datetime.fromisoformat(row["created_at"]))
    domain = parseaddr(mail.sender)[1].rpartition("@")[2] or "regwatch.invalid"
    stamp = re.sub(r"\D", "", row["created_at"])
    # The same row always has the same Message-ID, so a duplicate could be recognised.
    msg["Message-ID"] = f"<regwatch.outbox.{row['id']}.{stamp}@{domain}>"
    msg.set_content(row["text"])
    msg.add_alternative(row["html"], subtype="html")
    return msg


def _connect(mail: MailConfig) -> smtplib.SMTP:
    if mail.tls == "ssl":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(mail.smtp_host, mail.smtp_port,
                                              timeout=SMTP_TIMEOUT,
                                              context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(mail.smtp_host, mail.smtp_port, timeout=SMTP_TIMEOUT)
    try:
        if mail.tls == "starttls":
            smtp.starttls(context=ssl.create_default_context())
        if mail.username:
            password = mail.password()
            if password is None:
                raise smtplib.SMTPAuthenticationError(
                    0, f"mail.username is set but ${mail.password_env} is empty".encode())
            smtp.login(mail.username, password)
    except BaseException:
        smtp.close()
        raise
    return smtp


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._@-]+", "_", parseaddr(text)[1] or text)[:80]


def send_pending(archive: Archive, config: Config, dry_run_dir: Path | None = None
                 ) -> DigestResult:
    """Send every unsent outbox row (or write them as .eml files into dry_run_dir, unsent)."""
    pending = archive.pending_mails()
    if dry_run_dir is not None:
        folder = Path(dry_run_dir)
        folder.mkdir(parents=True, exist_ok=True)
        for row in pending:
            path = folder / f"{row['id']:05d}-{_safe_name(row['recipient'])}.eml"
            path.write_bytes(bytes(message(row, config.mail)))
        return DigestResult(sent=0, failed=0, pending=len(pending), written=len(pending))
    if not pending:
        return DigestResult(sent=0, failed=0, pending=0)
    mail = config.mail
    where = f"{mail.smtp_host}:{mail.smtp_port}"
    sent = failed = 0
    error: str | None = None
    try:
        smtp = _connect(mail)
    except (smtplib.SMTPException, OSError) as e:
        error = _one_line(f"SMTP {where}: {_describe(e)}")
        for row in pending:
            archive.mark_mail_failed(row["id"], error)
        return DigestResult(sent=0, failed=len(pending), pending=len(pending), error=error)
    try:
        for i, row in enumerate(pending):
            try:
                smtp.send_message(message(row, mail))
            except (smtplib.SMTPException, OSError) as e:
                failed += 1
                error = error or _one_line(f"SMTP {where}: {row['recipient']}: {_describe(e)}")
                archive.mark_mail_failed(row["id"], _one_line(_describe(e)))
                if isinstance(e, (smtplib.SMTPServerDisconnected, OSError)):
                    for rest in pending[i + 1:]:  # the connection is gone: try them next time
                        failed += 1
                        archive.mark_mail_failed(rest["id"], _one_line(_describe(e)))
                    break
                continue
            archive.mark_mail_sent(row["id"])
            sent += 1
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()
    return DigestResult(sent=sent, failed=failed, pending=len(archive.pending_mails()),
                        error=error)


def _describe(e: BaseException) -> str:
    if isinstance(e, smtplib.SMTPResponseException):
        detail = e.smtp_error.decode(errors="replace") if isinstance(e.smtp_error, bytes) \
            else str(e.smtp_error)
        return f"{e.smtp_code} {detail}".strip() if e.smtp_code else detail
    if isinstance(e, smtplib.SMTPRecipientsRefused):
        return "recipient refused: " + ", ".join(
            f"{addr} ({code} {msg.decode(errors='replace')})"
            for addr, (code, msg) in e.recipients.items())
    return str(e) or type(e).__name__
