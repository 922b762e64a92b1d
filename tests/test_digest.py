"""The email digest end to end: two replayed nights, a real local SMTP server (aiosmtpd)."""

from __future__ import annotations

import email
import email.policy
import shutil
import sqlite3
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from conftest import REPO, free_port, regwatch

from pipelines.archive import Archive
from pipelines.backfill import archive_summary
from pipelines.config import Config, MailConfig, Recipient
from pipelines.digest import queue_digests
from pipelines.mailer import DigestResult, send_pending

NIGHTS = REPO / "demo" / "nights"
SENTENCE = "一、自即日起至2026年11月10日，暂停实施商务部 海关总署公告2025年第55号"


@pytest.fixture(scope="module")
def two_nights(tmp_path_factory) -> Path:
    """An archive after the nights of 2025-10-09 and 2025-11-08 (No. 70 suspends six)."""
    folder = tmp_path_factory.mktemp("nights")
    for night in ("2025-10-09", "2025-11-08"):
        result = regwatch("crawl", "--mirror", str(NIGHTS / night), "--as-of", night,
                          "--db", "archive.db", "--reports", "reports", cwd=folder)
        assert result.returncode == 0, result.stderr
    return folder / "archive.db"


@pytest.fixture
def db(two_nights, tmp_path) -> Path:
    """A private copy of the two-night archive (tests queue and send into it)."""
    target = tmp_path / "archive.db"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{two_nights}{suffix}")
        if source.exists():
            shutil.copy(source, f"{target}{suffix}")
    return target


class Collect:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.messages.append(email.message_from_bytes(envelope.content,
                                                      policy=email.policy.default))
        return "250 Message accepted for delivery"


class Server:
    """A local SMTP server on a port, started and stopped on demand."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.handler = Collect()
        self.controller: Controller | None = None

    def start(self) -> Server:
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.handler.messages


@pytest.fixture
def smtp():
    server = Server(free_port()).start()
    yield server
    server.stop()


def config(port: int, *recipients: Recipient, send_when_empty: bool = False) -> Config:
    return Config(mail=MailConfig(
        recipients=list(recipients) or [Recipient("analyst@example.org")],
        smtp_host="127.0.0.1", smtp_port=port, sender="regwatch@example.org",
        send_when_empty=send_when_empty))


def parts(msg: EmailMessage) -> tuple[str, str]:
    assert msg.get_content_type() == "multipart/alternative"
    kinds = [p.get_content_type() for p in msg.iter_parts()]
    assert kinds == ["text/plain", "text/html"]
    return (msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content())


def write_toml(path: Path, port: int, extra: str = "") -> Path:
    path.write_text(f"""
[mail]
smtp_host = "127.0.0.1"
smtp_port = {port}
sender = "regwatch@example.org"
{extra}
[[mail.recipients]]
address = "analyst@example.org"
""", encoding="utf-8")
    return path


def test_two_nights_reach_the_server_once(db, smtp):
    archive = Archive.open(db)
    cfg = config(smtp.port)
    assert queue_digests(archive, cfg) == 2  # one digest per run and recipient
    result = send_pending(archive, cfg.mail)
    assert result == DigestResult(sent=2, failed=0, pending=0, error=None)
    assert len(smtp.messages) == 2
    first, msg = smtp.messages
    assert smtp.handler.envelopes == [("regwatch@example.org", ["analyst@example.org"])] * 2
    # the first night is a backfill: six new measures of the night, 24 other changes (8
    # backfill summaries, 4 deadlines near, 11 new documents, 1 source problem)
    assert first["Subject"] == "[regwatch] 2025-10-09: 6 new measures (+24 more)"
    # (+12: two new measures, a deadline near, six new documents, a changed one, Customs'
    # backfill summary, a source problem)
    assert msg["Subject"] == ("[regwatch] 2025-11-08: 6 measures suspended by MOFCOM-2025-70 "
                              "until 2026-11-10 (+12 more)")
    assert len(msg["Subject"]) < 100
    assert msg["To"] == "analyst@example.org" and msg["Message-ID"]
    text, html = parts(msg)
    for body in (text, html):
        assert "MOFCOM-2025-61" in body
        assert SENTENCE in body
        assert "http://127.0.0.1:8001/archive/measure_events?measure=MOFCOM-2025-61" in body
        assert "http://127.0.0.1:8001/archive/measures/MOFCOM-2025-70" in body
        assert "http://127.0.0.1:8001/archive/documents/" in body
        assert "https://www.mofcom.gov.cn/" in body  # the source page
    # grouped like the report: status changes before new measures before new documents
    assert text.index("== Status changes") < text.index("== New measures") \
        < text.index("== New documents")
    assert html.index("Status changes (6)") < html.index("New measures")
    assert SENTENCE in text and text.count(SENTENCE) == 1  # quoted once, not six times
    assert "The same sentence as for MOFCOM-2025-55 above" in html
    assert html.index("<th") < html.index("Status changes (6)")  # the summary table first
    # it opens with the archive in one line, as the report does
    held = archive_summary(archive, "2025-11-08")
    assert held.startswith("The archive now holds ") and "6 suspended" in held
    assert text.index(held) < text.index("== Status changes") and held in html
    assert html.index(held) < html.index("<th")
    for row in archive.outbox():
        assert row["sent_at"] and row["attempts"] == 1 and row["last_error"] is None

    # a second digest has nothing new to queue or send
    assert queue_digests(archive, cfg) == 0
    assert send_pending(archive, cfg.mail) == DigestResult(sent=0, failed=0, pending=0)
    assert len(smtp.messages) == 2
    archive.close()


def test_server_down_keeps_the_digest_queued_then_sends_it_once(db):
    port = free_port()  # nothing listens there yet
    archive = Archive.open(db)
    cfg = config(port)
    assert queue_digests(archive, cfg) == 2
    result = send_pending(archive, cfg.mail)
    assert (result.sent, result.failed, result.pending) == (0, 2, 2)
    assert result.error and "\n" not in result.error and f"127.0.0.1:{port}" in result.error
    row = archive.pending_mails()[0]
    assert row["attempts"] == 1 and row["last_error"] and row["sent_at"] is None
    # still nothing to queue: the runs are queued, the mails wait in the outbox
    assert queue_digests(archive, cfg) == 0
    assert send_pending(archive, cfg.mail).pending == 2

    server = Server(port).start()
    try:
        assert send_pending(archive, cfg.mail) == DigestResult(sent=2, failed=0, pending=0)
        assert send_pending(archive, cfg.mail) == DigestResult(sent=0, failed=0, pending=0)
        assert len(server.messages) == 2
        assert "6 measures suspended" in server.messages[1]["Subject"]
    finally:
        server.stop()
    for row in archive.outbox():
        assert row["sent_at"] and row["attempts"] == 3
    archive.close()


def test_recipient_filters(db, smtp):
    archive = Archive.open(db)
    cfg = config(smtp.port,
                 Recipient("all@example.org"),
                 Recipient("no61@example.org", measures=["MOFCOM-2025-62"]),
                 Recipient("listing@example.org", categories=["entity_listing"]),
                 Recipient("customs@example.org", sources=["customs"]))
    assert queue_digests(archive, cfg) == 6  # two nights; nothing about entity listings
    assert send_pending(archive, cfg.mail).sent == 6
    mails = {m["To"]: m for m in smtp.messages if "2025-11-08" in m["Subject"]}
    assert set(mails) == {"all@example.org", "no61@example.org", "customs@example.org"}
    text, html = parts(mails["no61@example.org"])
    assert "MOFCOM-2025-62" in text and "MOFCOM-2025-61" not in text
    assert "MOFCOM-2025-61" not in html
    assert mails["no61@example.org"]["Subject"].startswith(
        "[regwatch] 2025-11-08: MOFCOM-2025-62 suspended by MOFCOM-2025-70")
    assert "measures: MOFCOM-2025-62" in text
    customs_text, _ = parts(mails["customs@example.org"])
    assert "customs" in customs_text and "MOFCOM-2025-61" not in customs_text
    assert len(parts(mails["all@example.org"])[0]) > len(text)
    archive.close()


def test_send_when_empty_sends_a_short_note(db, smtp):
    archive = Archive.open(db)
    cfg = config(smtp.port, Recipient("listing@example.org", categories=["entity_listing"]),
                 send_when_empty=True)
    assert queue_digests(archive, cfg) == 2
    send_pending(archive, cfg.mail)
    msg = smtp.messages[1]
    assert msg["Subject"] == "[regwatch] 2025-11-08: nothing changed"
    text, html = parts(msg)
    assert "Nothing changed that matches your filter" in text
    assert "MOFCOM" not in text
    archive.close()


def test_scraped_text_is_escaped_in_the_html_part(db, smtp):
    archive = Archive.open(db)
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    with archive.transaction():
        archive.db["measures"].update("MOFCOM-2025-61", {"title_zh": f"公告 {hostile}"})
        change = next(c for c in archive.changes("2025-11-08-001")
                      if c["measure"] == "MOFCOM-2025-61")
        archive.update_change(change["id"], {"url": "javascript:alert(1)",
                                             "summary": f"summary {hostile}"})
    cfg = config(smtp.port)
    queue_digests(archive, cfg)
    send_pending(archive, cfg.mail)
    text, html = parts(smtp.messages[1])
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert "javascript:" not in html
    assert hostile in text  # the text part shows it as it is (plain text is not interpreted)
    assert "javascript:" not in text  # but only http(s) links are offered
    archive.close()


def test_cli_dry_run_writes_eml_files_and_sends_later(db, smtp, tmp_path):
    toml = write_toml(tmp_path / "regwatch.toml", smtp.port)
    out = tmp_path / "outbox"
    result = regwatch("digest", "--dry-run", str(out), "--config", str(toml), "--db", str(db),
                      cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"digest: 2 queued, 2 written to {out} (not sent), "
                                     "2 pending")
    _, eml = sorted(out.glob("*.eml"))
    msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert "6 measures suspended" in msg["Subject"]
    assert "MOFCOM-2025-61" in parts(msg)[0]
    assert smtp.messages == []
    # the real send afterwards: the queued mail goes out once
    result = regwatch("digest", "--config", str(toml), "--db", str(db), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "digest: 0 queued, 2 sent, 0 pending"
    assert len(smtp.messages) == 2


def test_cli_smtp_failure_and_bad_config_are_one_line(db, tmp_path):
    toml = write_toml(tmp_path / "regwatch.toml", free_port())
    result = regwatch("digest", "--config", str(toml), "--db", str(db), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.strip() == "digest: 2 queued, 0 sent, 2 pending"
    error = result.stderr.strip()
    assert "\n" not in error and "mail not sent, the digest stays queued" in error
    assert "Traceback" not in result.stderr
    assert len(Archive.open(db).pending_mails()) == 2

    bad = write_toml(tmp_path / "bad.toml", 25, 'tls = "sometimes"')
    result = regwatch("digest", "--config", str(bad), "--db", str(db), cwd=tmp_path)
    assert result.returncode != 0
    assert result.stderr.strip() == (f"Error: {bad}: mail.tls: must be one of none, starttls, "
                                     'ssl, got "sometimes"')
    result = regwatch("digest", "--config", str(tmp_path / "none.toml"), "--db", str(db),
                      cwd=tmp_path)
    assert result.returncode != 0 and "no such configuration file" in result.stderr
    result = regwatch("digest", "--config", str(toml), "--db", str(tmp_path / "no.db"),
                      cwd=tmp_path)
    assert result.returncode != 0 and "no archive at" in result.stderr


def test_login_without_password_in_environment_keeps_it_queued(db, smtp, monkeypatch):
    monkeypatch.delenv("REGWATCH_TEST_NO_SUCH_PASSWORD", raising=False)
    archive = Archive.open(db)
    cfg = Config(mail=MailConfig(recipients=[Recipient("a@example.org")], smtp_host="127.0.0.1",
                                 smtp_port=smtp.port, username="regwatch",
                                 password_env="REGWATCH_TEST_NO_SUCH_PASSWORD"))
    queue_digests(archive, cfg)
    result = send_pending(archive, cfg.mail)
    assert result.sent == 0 and result.pending == 2
    assert "$REGWATCH_TEST_NO_SUCH_PASSWORD is empty" in result.error
    assert smtp.messages == []
    archive.close()


def mail_both_nights(archive: Archive, smtp) -> dict[str, tuple[str, str]]:
    """Queue and send the two nights' digests to a recipient without a filter and one with a
    filter (every digest sent, even empty), close the archive; the second night's (text, html)
    by recipient."""
    cfg = config(smtp.port, Recipient("analyst@example.org"),
                 Recipient("listing@example.org", categories=["entity_listing"]),
                 send_when_empty=True)
    queue_digests(archive, cfg)
    send_pending(archive, cfg.mail)
    archive.close()
    return {m["To"]: parts(m) for m in smtp.messages if "2025-11-08" in m["Subject"]}


def test_close_calls_are_listed_for_a_recipient_without_a_filter(db, smtp):
    """News the night left out on a close call ends the digest of a recipient without a filter
    (escaped in the HTML part), and is left out of a filtered recipient's."""
    archive = Archive.open(db)
    hostile = 'Yiwu <script>alert("x")</script> orders'
    url = "https://www.globaltimes.cn/page/202511/1360001.shtml"
    with archive.transaction():
        archive.db["fetch_state"].insert({
            "url": url, "status": 200, "last_fetched": "2025-11-08", "left_out": "not about it",
            "published": "2025-11-07", "content_hash": "x", "source": "globaltimes",
            "title": hostile, "close_call": 1, "left_out_run": "2025-11-08-001"})
    night = mail_both_nights(archive, smtp)
    text, html = night["analyst@example.org"]
    assert "News left out on a close call (1)" in text and hostile in text and url in text
    assert "News left out on a close call (1)" in html
    assert "<script>" not in html and "&lt;script&gt;" in html and f'href="{url}"' in html
    assert "close call" not in "".join(night["listing@example.org"])
    first = [parts(m)[0] for m in smtp.messages if "2025-10-09" in m["Subject"]]
    assert first and not any("close call" in t for t in first)


def test_links_to_review_end_the_digest_of_a_recipient_without_a_filter(db, smtp):
    """A document the night left for the analyst to decide between two measures ends the
    digest of a recipient without a filter, with its id and the command (escaped in the HTML
    part); a filtered recipient's digest and the night before do not list it."""
    archive = Archive.open(db)
    hostile = 'Magnets <script>alert("x")</script> approvals'
    doc = archive.db.execute("select id, url from documents where source = 'chinadaily' "
                             "order by id limit 1").fetchone()
    with archive.transaction():
        archive.db.execute("update documents set title = ? where id = ?", [hostile, doc[0]])
        archive.db["link_candidates"].insert_all([
            {"document": doc[0], "measure": m, "score": 6.0, "reason": "inferred: subjects",
             "run_id": "2025-11-08-001"} for m in ("MOFCOM-2025-57", "MOFCOM-2025-61")])
    night = mail_both_nights(archive, smtp)
    text, html = night["analyst@example.org"]
    assert "== Links to review (1) ==" in text and hostile in text
    assert f"DOC {doc[0]}: MOFCOM-2025-57 or MOFCOM-2025-61" in text
    assert "regwatch links confirm DOC MEASURE" in text
    assert "Links to review (1)" in html and f"<code>{doc[0]}</code>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html and f'href="{doc[1]}"' in html
    assert "Links to review" not in "".join(night["listing@example.org"])
    first = [parts(m)[0] for m in smtp.messages if "2025-10-09" in m["Subject"]]
    assert first and not any("Links to review" in t for t in first)


class LosesTheReply(Collect):
    """A server that stores the message, then closes the connection without its 250 reply."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        await super().handle_DATA(server, session, envelope)
        server.transport.close()
        return "250 never heard"


def test_a_lost_reply_sends_the_mail_again_with_its_message_id_and_says_so(db, tmp_path):
    """The server keeps the first digest but its 250 never arrives: the next sends (a failed
    connection between them changes nothing) deliver it again with the same Message-ID, and
    the command says it is sent again; the digest never handed over is not counted."""
    port = free_port()
    toml = write_toml(tmp_path / "regwatch.toml", port)

    def digest():
        return regwatch("digest", "--config", str(toml), "--db", str(db), cwd=tmp_path)

    lossy = Server(port)
    lossy.handler = LosesTheReply()
    lossy.start()
    try:
        lost = digest()
    finally:
        lossy.stop()
    assert lost.returncode == 1 and "mail not sent" in lost.stderr
    assert len(lossy.messages) == 1  # it has the first digest; the second was never handed over
    assert [bool(r["sending_at"]) for r in Archive.open(db).outbox()] == [True, False]
    down = digest()  # nothing listens: the earlier handover is still unconfirmed
    assert down.returncode == 1 and "sent again" not in down.stdout
    server = Server(port).start()
    try:
        again = digest()
    finally:
        server.stop()
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [
        "digest: 0 queued, 2 sent, 0 pending",
        "digest: 1 sent again: an earlier delivery was not confirmed (same Message-ID, so mail "
        "clients show it once)"]
    assert [m["Message-ID"] for m in server.messages][:1] == [lossy.messages[0]["Message-ID"]]
    assert [bool(r["sending_at"]) for r in Archive.open(db).outbox()] == [False, False]


def test_a_refused_mail_is_not_counted_as_sent_again(db, smtp):
    """A reply code refusing the mail means the server does not have it: the next send is no
    "sent again"."""
    archive = Archive.open(db)
    cfg = config(smtp.port)
    queue_digests(archive, cfg)

    async def refuse(server, session, envelope):
        return "554 Transaction failed"

    smtp.handler.handle_DATA, keep = refuse, smtp.handler.handle_DATA
    result = send_pending(archive, cfg.mail)
    assert (result.sent, result.failed) == (0, 2) and "554" in result.error
    smtp.handler.handle_DATA = keep
    assert send_pending(archive, cfg.mail) == DigestResult(sent=2, failed=0, pending=0)
    archive.close()


def write_recipients(path: Path, port: int, *addresses: str) -> Path:
    """A configuration mailing these addresses through the local server at port."""
    path.write_text(f'[mail]\nsmtp_host = "127.0.0.1"\nsmtp_port = {port}\n'
                    'sender = "regwatch@example.org"\n'
                    + "".join(f'[[mail.recipients]]\naddress = "{a}"\n' for a in addresses),
                    encoding="utf-8")
    return path


def test_mail_queued_for_an_address_no_longer_configured_is_dropped_and_said_once(db, tmp_path):
    """Two nights queued for two addresses while the server is down; the user removes one from
    the configuration: the next digest mails only the other, says once that the removed one's
    digests are not sent, and exits 0; the rows stay in the outbox, marked dropped."""
    port = free_port()
    toml = write_recipients(tmp_path / "regwatch.toml", port, "analyst@example.org",
                            "gone@example.org")

    def digest():
        return regwatch("digest", "--config", str(toml), "--db", str(db), cwd=tmp_path)

    down = digest()
    assert down.returncode == 1 and down.stdout.strip() == "digest: 4 queued, 0 sent, 4 pending"
    write_recipients(toml, port, "analyst@example.org")
    server = Server(port).start()
    try:
        first, second = digest(), digest()
    finally:
        server.stop()
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [
        "digest: 0 queued, 2 sent, 0 pending",
        "digest: not sent: gone@example.org is no longer a recipient (2 queued digests dropped)"]
    assert [m["To"] for m in server.messages] == ["analyst@example.org"] * 2
    assert second.returncode == 0 and second.stdout.strip() == "digest: 0 queued, 0 sent, 0 pending"
    rows = [r for r in Archive.open(db).outbox() if r["recipient"] == "gone@example.org"]
    assert len(rows) == 2 and all(r["sent_at"] is None and r["dropped_at"] for r in rows)
    assert {r["dropped_reason"] for r in rows} == {
        "gone@example.org is no longer a recipient in the configuration"}


def test_a_dry_run_drops_nothing_and_says_what_a_send_will_do(db, tmp_path):
    archive = Archive.open(db)
    queue_digests(archive, config(free_port(), Recipient("a@example.org"),
                                  Recipient("gone@example.org")))
    result = send_pending(archive, config(free_port(), Recipient("A@Example.org")).mail,
                          dry_run_dir=tmp_path / "eml")
    assert result.written == 2 and len(list((tmp_path / "eml").glob("*gone*"))) == 0
    assert result.dropped == ("not written: gone@example.org is no longer a recipient (2 queued "
                              "digests, dropped by the next send)",)
    assert len(archive.pending_mails()) == 4  # a dry run changes no row's fate
    archive.close()


class RefusesOne(Collect):
    """A server that refuses one address for good at RCPT (550), as for a deleted mailbox."""

    def __init__(self, refused: str) -> None:
        super().__init__()
        self.refused = refused

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address == self.refused:
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def test_an_address_refused_for_good_says_what_to_do_every_time_until_it_is_removed(db,
                                                                                      tmp_path):
    """550 No such user for a configured address: the other recipient's digests go out; the
    refused ones stay queued and every digest exits 1 with one line naming the address, the
    server's reply and what to do; once the address is removed from the configuration its
    digests are dropped (said once) and the digest exits 0."""
    port = free_port()
    toml = write_recipients(tmp_path / "regwatch.toml", port, "analyst@example.org",
                            "gone@example.org")
    server = Server(port)
    server.handler = RefusesOne("gone@example.org")
    server.start()

    def digest():
        return regwatch("digest", "--config", str(toml), "--db", str(db), cwd=tmp_path)

    try:
        first, again = digest(), digest()
        write_recipients(toml, port, "analyst@example.org")
        removed, quiet = digest(), digest()
    finally:
        server.stop()
    advice = (f"Error: mail not sent, the digest stays queued: SMTP 127.0.0.1:{port} refuses "
              "gone@example.org (550 5.1.1 No such user) for good: every send fails until the "
              "server accepts it or you remove it from [[mail.recipients]] in the configuration "
              "(its queued digests are then dropped, not sent)")
    assert first.returncode == 1 and first.stderr.strip() == advice
    assert first.stdout.strip() == "digest: 4 queued, 2 sent, 2 pending"
    assert again.returncode == 1 and again.stderr.strip() == advice  # said every time
    assert again.stdout.strip() == "digest: 0 queued, 0 sent, 2 pending"
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.splitlines() == [
        "digest: 0 queued, 0 sent, 0 pending",
        "digest: not sent: gone@example.org is no longer a recipient (2 queued digests dropped)"]
    assert quiet.returncode == 0 and quiet.stdout.strip() == "digest: 0 queued, 0 sent, 0 pending"
    assert [m["To"] for m in server.messages] == ["analyst@example.org"] * 2
    rows = Archive.open(db).outbox()
    assert [(r["recipient"], bool(r["sent_at"]), bool(r["dropped_at"])) for r in rows] == [
        ("analyst@example.org", True, False), ("gone@example.org", False, True)] * 2


def test_a_removed_address_is_not_mailed_even_when_its_mail_may_have_arrived(db, tmp_path):
    """A digest whose 250 reply was lost is sent again only to a configured address: the
    address removed meanwhile gets nothing more."""
    port = free_port()
    toml = write_recipients(tmp_path / "regwatch.toml", port, "gone@example.org")
    lossy = Server(port)
    lossy.handler = LosesTheReply()
    lossy.start()
    try:
        regwatch("digest", "--config", str(toml), "--db", str(db), cwd=tmp_path)
    finally:
        lossy.stop()
    assert len(lossy.messages) == 1
    write_recipients(toml, port, "analyst@example.org")
    server = Server(port).start()
    try:
        result = regwatch("digest", "--config", str(toml), "--db", str(db), cwd=tmp_path)
    finally:
        server.stop()
    assert result.returncode == 0, result.stderr
    assert "sent again" not in result.stdout and "gone@example.org is no longer a recipient" \
        in result.stdout
    assert server.messages == []  # analyst's digests start with the runs queued after it


# --- each recipient's own stream; only the configuration that queued a mail drops it ---------
def digest_with(toml: Path, db: Path, *options: str):
    """`regwatch digest` with this configuration file (and options) on the archive at db."""
    return regwatch("digest", "--config", str(toml), "--db", str(db), *options, cwd=db.parent)


def crawl_night(db: Path, night: str) -> None:
    """Replay one more night of the demo into the archive at db."""
    result = regwatch("crawl", "--mirror", str(NIGHTS / night), "--as-of", night, "--db",
                      str(db), "--reports", str(db.parent / "reports"), cwd=db.parent)
    assert result.returncode == 0, result.stderr


def left_line(toml: Path, count: int, what: str = "recipient") -> str:
    """The line saying that one recipient's (or channel's) digests queued by toml stay queued."""
    digests = f"{count} digest{'s' if count > 1 else ''}"
    return (f"digest: left queued: {digests} for 1 {what} of {toml.resolve()} "
            "(not this configuration)")


def test_a_preview_and_a_one_off_with_another_configuration_leave_the_main_stream_whole(
        db, smtp, tmp_path):
    """regwatch.toml has mailed two nights; a third completes. The analyst previews it with
    test.toml (--dry-run) and mails it to themself with other.toml: the next digest with
    regwatch.toml still mails the third night to its recipient, once, and each address has
    every night's digest once."""
    main = write_recipients(tmp_path / "regwatch.toml", smtp.port, "analyst@example.org")
    first = digest_with(main, db)
    assert first.stdout.strip() == "digest: 2 queued, 2 sent, 0 pending", first.stderr
    crawl_night(db, "2025-11-10")
    test = write_recipients(tmp_path / "test.toml", smtp.port, "me@example.org")
    out = tmp_path / "out"
    preview = digest_with(test, db, "--dry-run", str(out))
    assert preview.returncode == 0, preview.stderr
    assert preview.stdout.strip() == f"digest: 1 queued, 1 written to {out} (not sent), 1 pending"
    (eml,) = out.glob("*.eml")
    assert "2025-11-10" in email.message_from_bytes(eml.read_bytes())["Subject"]
    other = write_recipients(tmp_path / "other.toml", smtp.port, "Me <ME@example.org>")
    one_off = digest_with(other, db)  # the same address: the preview's digest goes out
    assert one_off.returncode == 0, one_off.stderr
    assert one_off.stdout.strip() == "digest: 0 queued, 1 sent, 0 pending"
    again = digest_with(main, db)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "digest: 1 queued, 1 sent, 0 pending"
    assert digest_with(main, db).stdout.strip() == "digest: 0 queued, 0 sent, 0 pending"
    got = [(m["To"], m["Subject"].split(":")[0]) for m in smtp.messages]
    assert got == [("analyst@example.org", "[regwatch] 2025-10-09"),
                   ("analyst@example.org", "[regwatch] 2025-11-08"),
                   ("me@example.org", "[regwatch] 2025-11-10"),
                   ("analyst@example.org", "[regwatch] 2025-11-10")]


def test_the_main_recipients_backlog_outlives_a_digest_with_another_configuration(db, tmp_path):
    """Two nights queued for regwatch.toml's recipient while the server is down; a preview and a
    one-off digest with other.toml leave them queued, say so in one line, exit 0 and drop
    nothing; the next digest with regwatch.toml sends them."""
    port = free_port()
    main = write_recipients(tmp_path / "regwatch.toml", port, "analyst@example.org")
    down = digest_with(main, db)
    assert down.returncode == 1 and down.stdout.strip() == "digest: 2 queued, 0 sent, 2 pending"
    other = write_recipients(tmp_path / "other.toml", port, "colleague@example.org")
    out = tmp_path / "out"
    server = Server(port).start()
    try:
        preview, one_off = digest_with(other, db, "--dry-run", str(out)), digest_with(other, db)
        back = digest_with(main, db)
    finally:
        server.stop()
    assert preview.returncode == 0, preview.stderr
    assert preview.stdout.splitlines() == [
        f"digest: 0 queued, 0 written to {out} (not sent), 0 pending", left_line(main, 2)]
    assert one_off.returncode == 0, one_off.stderr
    assert one_off.stdout.splitlines() == ["digest: 0 queued, 0 sent, 0 pending",
                                           left_line(main, 2)]
    assert back.returncode == 0, back.stderr
    assert back.stdout.strip() == "digest: 0 queued, 2 sent, 0 pending"
    assert [m["To"] for m in server.messages] == ["analyst@example.org"] * 2
    rows = Archive.open(db).outbox()
    assert len(rows) == 2 and all(r["sent_at"] and not r["dropped_at"] for r in rows)
    assert {r["config"] for r in rows} == {str(main.resolve())}


def test_mail_of_a_configuration_moved_away_goes_to_its_recipients_the_rest_is_dropped(
        db, tmp_path):
    """Queued by regwatch.toml while the server is down: a digest with other.toml leaves it
    queued. regwatch.toml is then moved to etc/ without one address: streams and mail are by
    address, so the moved file's recipient gets its digests; the configuration that queued the
    other's no longer exists, so they are dropped (said once)."""
    port = free_port()
    main = write_recipients(tmp_path / "regwatch.toml", port, "analyst@example.org",
                            "gone@example.org")
    assert digest_with(main, db).stdout.strip() == "digest: 4 queued, 0 sent, 4 pending"
    other = write_recipients(tmp_path / "other.toml", port, "colleague@example.org")
    server = Server(port).start()
    try:
        one_off = digest_with(other, db)
        main.unlink()
        (tmp_path / "etc").mkdir()
        moved = write_recipients(tmp_path / "etc" / "regwatch.toml", port, "analyst@example.org")
        first, second = digest_with(moved, db), digest_with(moved, db)
    finally:
        server.stop()
    assert one_off.stdout.splitlines() == [
        "digest: 0 queued, 0 sent, 0 pending",
        f"digest: left queued: 4 digests for 2 recipients of {main.resolve()} (not this "
        "configuration)"]
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [
        "digest: 0 queued, 2 sent, 0 pending",
        "digest: not sent: gone@example.org is no longer a recipient (2 queued digests dropped)"]
    assert second.stdout.strip() == "digest: 0 queued, 0 sent, 0 pending"
    assert [m["To"] for m in server.messages] == ["analyst@example.org"] * 2


def test_a_new_recipient_starts_after_the_last_run_queued_for_anyone(db, smtp, tmp_path):
    """regwatch.toml has mailed two nights; a third completes and test.toml's preview queues it
    for its own address. An address then added to regwatch.toml starts after that run (the last
    queued for anyone: no old digests), while the address already there still gets it."""
    main = write_recipients(tmp_path / "regwatch.toml", smtp.port, "analyst@example.org")
    assert digest_with(main, db).stdout.strip() == "digest: 2 queued, 2 sent, 0 pending"
    crawl_night(db, "2025-11-10")
    test = write_recipients(tmp_path / "test.toml", smtp.port, "me@example.org")
    assert digest_with(test, db, "--dry-run", str(tmp_path / "out")).returncode == 0
    write_recipients(main, smtp.port, "analyst@example.org", "new@example.org")
    result = digest_with(main, db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["digest: 1 queued, 1 sent, 0 pending",
                                          left_line(test, 1)]
    assert [m["To"] for m in smtp.messages] == ["analyst@example.org"] * 3
    assert "2025-11-10" in smtp.messages[-1]["Subject"]


def as_before_streams(db: Path) -> None:
    """The archive as a regwatch before per-recipient streams left it: outbox_runs for every
    run queued, outbox rows without the configuration that queued them."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("drop table outbox_streams")
        conn.execute("drop table outbox_stream_runs")
        conn.execute("alter table outbox drop column config")
        conn.execute("delete from _sqlite_migrations where name = 'm950_outbox_streams'")
    conn.close()


def test_an_upgraded_archive_sends_nothing_twice_and_drops_as_before(db, tmp_path):
    """Two nights queued for two addresses while the server was down, by a regwatch before
    per-recipient streams; the upgrade comes with the next night's crawl. A preview with
    test.toml queues that night for its own address; then regwatch.toml, without one of the
    addresses: its recipient gets the two queued nights and the new one, each once; the other's
    old digests are dropped as before, said once."""
    port = free_port()
    main = write_recipients(tmp_path / "regwatch.toml", port, "analyst@example.org",
                            "gone@example.org")
    assert digest_with(main, db).stdout.strip() == "digest: 4 queued, 0 sent, 4 pending"
    as_before_streams(db)
    crawl_night(db, "2025-11-10")  # opens the archive: the upgrade
    test = write_recipients(tmp_path / "test.toml", port, "me@example.org")
    out = tmp_path / "out"
    preview = digest_with(test, db, "--dry-run", str(out))
    assert preview.stdout.splitlines()[0] == (
        f"digest: 1 queued, 1 written to {out} (not sent), 1 pending")
    write_recipients(main, port, "analyst@example.org")
    server = Server(port).start()
    try:
        first, second = digest_with(main, db), digest_with(main, db)
    finally:
        server.stop()
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [
        "digest: 1 queued, 3 sent, 0 pending",
        "digest: not sent: gone@example.org is no longer a recipient (2 queued digests dropped)",
        left_line(test, 1)]
    assert second.stdout.splitlines() == ["digest: 0 queued, 0 sent, 0 pending",
                                          left_line(test, 1)]
    assert [(m["To"], m["Subject"].split(":")[0]) for m in server.messages] == [
        ("analyst@example.org", "[regwatch] 2025-10-09"),
        ("analyst@example.org", "[regwatch] 2025-11-08"),
        ("analyst@example.org", "[regwatch] 2025-11-10")]


def test_queuing_skips_only_the_recipients_a_run_was_queued_for_meanwhile(db):
    """No mail twice, per recipient: a run someone else queued for one address meanwhile is not
    queued for it again, and is still queued for the address it was not queued for."""
    archive = Archive.open(db)
    assert queue_digests(archive, config(free_port(), Recipient("a@example.org"))) == 2
    night = "2025-11-08-001"
    mails = [{"recipient": address, "channel": "mail", "stream": ("mail", address),
              "change_ids": [], "subject": "s", "text": "t", "html": "h"}
             for address in ("a@example.org", "b@example.org")]
    streams = [m["stream"] for m in mails]
    assert archive.queue_mails([night], streams, mails) == 1
    assert archive.queue_mails([night], streams, mails) == 0
    assert [r["recipient"] for r in archive.outbox()][2:] == ["b@example.org"]
    assert archive.unqueued_runs(("mail", "b@example.org"))[0]["id"] == "2025-10-09-001"
    archive.close()


def test_a_digest_sent_later_says_what_its_night_knew(db, smtp):
    """The backlog's first mail (the night of 2025-10-09, sent after 2025-11-08 was crawled)
    opens with the archive as it stood that night and lists that night's number gaps, not
    what the next night found (runs.archive_context, kept at each run's end)."""
    archive = Archive.open(db)
    cfg = config(smtp.port)
    queue_digests(archive, cfg)
    send_pending(archive, cfg.mail)
    first, second = smtp.messages
    for body in parts(first):
        assert "measures from 2020-08 to 2025-10;" in body  # (not … to 2025-11)
        assert "highest seen: No. 62" in body and "No. 70" not in body
    for body in parts(second):
        assert "highest seen: No. 70" in body
