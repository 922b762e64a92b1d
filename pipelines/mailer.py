"""Sending the queued digests over SMTP (smtplib): every unsent outbox row, at least once.

`send_pending()` sends each unsent row and marks it sent; a failure leaves it queued (attempts + 1,
last_error) for the next call. Rendering and queueing the digests is pipelines.digest.

The promise is at-least-once, with one Message-ID per mail: a row is marked `sending` before its
message is handed to the server and `sent` when the server's 250 reply arrives. If the reply is
lost, or the process dies in between, the row is still unsent and goes again next time, with the
same Message-ID, so a mail client that already has it shows it once; `sending_at` stays set until
the server confirms a copy (a failure after the message's DATA began, a lost reply or a timeout,
keeps it; a refusal by reply code does not add one), so that resend is counted as `unconfirmed`
and the command says so. Callers hold the archive's lock (crawler.lock), so two senders never
send the same row at once.

Only the recipients of the configuration in use are mailed, each its queued rows whichever
configuration queued them. Each row records the configuration file that queued it
(`outbox.config`: `config_file()`, its absolute path; empty without a file). A row of an address
the configuration in use does not name is not sent; it is dropped (`dropped_at`,
`dropped_reason`), said once (`DigestResult.dropped`) and no failure, only when this
configuration queued it (the address was removed from it), when the file that queued it no
longer exists, or when none is recorded (rows from before it was: as they always were)
(`may_drop`). Otherwise it is another configuration's (the real recipients' backlog while the
server was down, seen from a `--config test.toml` preview) and is left queued, neither sent nor
dropped, said in one line per configuration (`DigestResult.left`), no failure.

A configured address the server refuses for good (a 5xx reply to RCPT, "550 No such user") keeps
its digests queued, since the refusal may be the server's mistake and nothing queued is ever lost
silently; every send then fails with one line naming the address, the reply and what to do
(remove it from the configuration, which drops its digests), so a scheduler alerts until someone
decides.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import Any

from pipelines.archive import Archive
from pipelines.config import MailConfig

SMTP_TIMEOUT = 30


@dataclass(frozen=True)
class DigestResult:
    sent: int
    failed: int
    pending: int  # still unsent after this call
    error: str | None = None  # one line, when something could not be sent
    written: int = 0  # .eml files written by a dry run
    unconfirmed: int = 0  # mails sent again (this time) as an earlier delivery was not confirmed
    dropped: tuple[str, ...] = ()  # one line per address whose queued mail is not sent (for good)
    # one line per other configuration whose recipients' queued mail is left queued, not sent
    left: tuple[str, ...] = ()


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def new_message_id(row: dict[str, Any], mail: MailConfig) -> str:
    domain = parseaddr(mail.sender)[1].rpartition("@")[2] or "regwatch.invalid"
    stamp = re.sub(r"\D", "", row["created_at"])
    return f"<regwatch.outbox.{row['id']}.{stamp}@{domain}>"


def message_id(archive: Archive, row: dict[str, Any], mail: MailConfig) -> str:
    """The row's Message-ID, fixed the first time it is needed and the same ever after."""
    if not row.get("message_id"):
        row["message_id"] = new_message_id(row, mail)
        archive.set_message_id(row["id"], row["message_id"])
    return row["message_id"]


def message(row: dict[str, Any], mail: MailConfig) -> EmailMessage:
    """The outbox row as a multipart/alternative mail (text, then HTML)."""
    msg = EmailMessage()
    msg["From"] = mail.sender
    msg["To"] = row["recipient"]
    msg["Subject"] = row["subject"]
    msg["Date"] = format_datetime(datetime.fromisoformat(row["created_at"]))
    msg["Message-ID"] = row.get("message_id") or new_message_id(row, mail)
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


def address_key(address: str) -> str:
    """An address as compared with the configuration's: the bare address, in lower case."""
    return (parseaddr(address)[1] or address).strip().lower()


def stream_key(channel: str, recipient: str) -> str:
    """A recipient as its digest stream is named: a mail's bare address in lower case
    (address_key), an Apprise channel's name as it is."""
    return address_key(recipient) if channel == "mail" else recipient


def config_file(path: str | Path | None) -> str:
    """The configuration file as recorded on the outbox rows it queues: its absolute path, or
    empty when no file was read (the defaults)."""
    where = Path(path) if path else None
    return str(where.resolve()) if where is not None and where.is_file() else ""


def may_drop(queued_by: str | None, current: str) -> bool:
    """Whether the configuration in use (`current`, config_file) may drop a queued row of a
    recipient it does not name: when it queued the row (the recipient was removed from it),
    when the configuration that queued it no longer exists, or when none was recorded (a row
    queued before configurations were, or by the defaults)."""
    return not queued_by or queued_by == current or not Path(queued_by).exists()


@dataclass
class Sorted:
    """Queued rows sorted by what the configuration in use does with them."""

    keep: list[dict[str, Any]] = field(default_factory=list)  # its recipients': sent
    gone: dict[str, list[int]] = field(default_factory=dict)  # recipient -> ids: dropped
    # configuration file -> recipient -> ids: another configuration's, left queued
    left: dict[str, dict[str, list[int]]] = field(default_factory=dict)


def unconfigured(pending: list[dict[str, Any]], configured: set[str], current: str = "",
                 key: Callable[[str], str] = address_key) -> Sorted:
    """The rows whose recipient (by `key`) is configured; the others' ids by recipient, when the
    configuration in use (`current`, config_file) may drop them (may_drop); and the rest's ids
    by the configuration that queued them and recipient, which stay queued."""
    rows = Sorted()
    for row in pending:
        if key(row["recipient"]) in configured:
            rows.keep.append(row)
        elif may_drop(row.get("config"), current):
            rows.gone.setdefault(row["recipient"], []).append(row["id"])
        else:
            rows.left.setdefault(row["config"], {}).setdefault(row["recipient"], []).append(
                row["id"])
    return rows


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def left_queued(left: dict[str, dict[str, list[int]]], what: str) -> tuple[str, ...]:
    """One line per other configuration whose recipients' (or channels') queued digests this one
    leaves queued, neither sent nor dropped."""
    return tuple(
        f"left queued: {_count(sum(len(ids) for ids in rows.values()), 'digest')} for "
        f"{_count(len(rows), what)} of {path} (not this configuration)"
        for path, rows in left.items())


def drop_unconfigured(archive: Archive, gone: dict[str, list[int]], what: str,
                      dry_run: bool = False) -> tuple[str, ...]:
    """The queued rows of recipients (or channels) no longer configured marked dropped, and one
    line per recipient saying so (a dry run drops nothing and says what a send will do)."""
    lines = []
    for recipient, ids in gone.items():
        count = len(ids) if dry_run else archive.drop_mails(
            ids, f"{recipient} is no longer a {what} in the configuration")
        if not count:
            continue
        digests = f"{count} queued digest{'s' if count > 1 else ''}"
        lines.append(f"not written: {recipient} is no longer a {what} ({digests}, dropped by the "
                     "next send)" if dry_run else
                     f"not sent: {recipient} is no longer a {what} ({digests} dropped)")
    return tuple(lines)


def send_pending(archive: Archive, mail: MailConfig, dry_run_dir: Path | None = None,
                 config: str = "") -> DigestResult:
    """Send every unsent outbox row of a configured recipient (or write them as .eml files into
    dry_run_dir, unsent); `config` is the configuration file in use (config_file): the rows of
    addresses it no longer names are dropped, another configuration's are left queued
    (may_drop)."""
    configured = {address_key(r.address) for r in mail.recipients}
    rows = unconfigured(archive.pending_mails("mail"), configured, config)
    pending, left = rows.keep, left_queued(rows.left, "recipient")
    if dry_run_dir is not None:
        folder = Path(dry_run_dir)
        folder.mkdir(parents=True, exist_ok=True)
        for row in pending:
            message_id(archive, row, mail)
            path = folder / f"{row['id']:05d}-{_safe_name(row['recipient'])}.eml"
            path.write_bytes(bytes(message(row, mail)))
        return DigestResult(sent=0, failed=0, pending=len(pending), written=len(pending),
                            dropped=drop_unconfigured(archive, rows.gone, "recipient",
                                                      dry_run=True), left=left)
    dropped = drop_unconfigured(archive, rows.gone, "recipient")
    if not pending:
        return DigestResult(sent=0, failed=0, pending=0, dropped=dropped, left=left)
    where = f"{mail.smtp_host}:{mail.smtp_port}"
    sent = failed = unconfirmed = 0
    error: str | None = None
    refused: dict[str, str] = {}  # address -> the server's permanent refusal
    try:
        smtp = _connect(mail)
    except (smtplib.SMTPException, OSError) as e:
        error = _one_line(f"SMTP {where}: {_describe(e)}")
        for row in pending:
            archive.mark_mail_failed(row["id"], error, unconfirmed_since=row.get("sending_at"))
        return DigestResult(sent=0, failed=len(pending), pending=len(pending), error=error,
                            dropped=dropped, left=left)
    watch = _DataWatch(smtp)
    try:
        for i, row in enumerate(pending):
            message_id(archive, row, mail)
            handed = archive.mark_mail_sending(row["id"])
            watch.started = False
            try:
                smtp.send_message(message(row, mail))
            except (smtplib.SMTPException, OSError) as e:
                failed += 1
                error = error or _one_line(f"SMTP {where}: {row['recipient']}: {_describe(e)}")
                if (reply := permanent_refusal(e)) is not None:
                    refused.setdefault(row["recipient"], reply)
                # (SMTPException is an OSError: a reply code is not a broken connection)
                gone = isinstance(e, smtplib.SMTPServerDisconnected) or not isinstance(
                    e, smtplib.SMTPException)
                # the message may have reached the server when the connection broke after its
                # DATA began (the 250 reply lost, a timeout); a reply code refusing it is a no
                archive.mark_mail_failed(
                    row["id"], _one_line(_describe(e)), tried=True,
                    unconfirmed_since=handed if gone and watch.started else row.get("sending_at"))
                if gone:
                    for rest in pending[i + 1:]:  # the connection is gone: try them next time
                        failed += 1
                        archive.mark_mail_failed(rest["id"], _one_line(_describe(e)),
                                                 unconfirmed_since=rest.get("sending_at"))
                    break
                continue
            archive.mark_mail_sent(row["id"])
            sent += 1
            unconfirmed += bool(row.get("sending_at"))  # a copy may have arrived before
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()
    if refused:  # what needs a person comes first: it will fail again tomorrow
        error = refused_line(where, refused)
    still = unconfigured(archive.pending_mails("mail"), configured, config).keep
    return DigestResult(sent=sent, failed=failed, pending=len(still), error=error,
                        unconfirmed=unconfirmed, dropped=dropped, left=left)


def permanent_refusal(error: BaseException) -> str | None:
    """The server's reply when it refused the recipient for good (5xx to RCPT), else None."""
    if not isinstance(error, smtplib.SMTPRecipientsRefused) or not error.recipients:
        return None
    replies = list(error.recipients.values())
    if not all(isinstance(code, int) and 500 <= code < 600 for code, _ in replies):
        return None
    return "; ".join(_one_line(f"{code} {_text(reply)}") for code, reply in replies)


def refused_line(where: str, refused: dict[str, str]) -> str:
    """One line naming the addresses the server refuses for good and what to do."""
    named = ", ".join(f"{address} ({reply})" for address, reply in refused.items())
    one = len(refused) == 1
    return _one_line(
        f"SMTP {where} refuses {named} for good: every send fails until the server accepts "
        f"{'it' if one else 'them'} or you remove {'it' if one else 'them'} from "
        "[[mail.recipients]] in the configuration "
        f"({'its' if one else 'their'} queued digests are then dropped, not sent)")


def _text(reply: bytes | str) -> str:
    return reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)


class _DataWatch:
    """Whether the current message's DATA phase began on this connection: from then on the
    server may hold the message even if its reply never arrives."""

    def __init__(self, smtp: smtplib.SMTP) -> None:
        self.started = False
        data = smtp.data

        def watched(msg: Any) -> tuple[int, bytes]:
            self.started = True
            return data(msg)

        smtp.data = watched  # type: ignore[method-assign]


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
