"""Mail under trouble, against a real SMTP server (aiosmtpd): what the README promises.

At least once, with one Message-ID per mail: a mail whose 250 reply is lost, or whose sender is
killed after the server took it, is sent again next time with the same Message-ID; two
`regwatch digest` at once never both send (the archive's lock)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import free_port, regwatch
from test_digest import Server, two_nights, write_toml  # noqa: F401 (fixture)

from pipelines.archive import Archive

pytestmark = pytest.mark.faults


@pytest.fixture
def db(two_nights, tmp_path) -> Path:  # noqa: F811 (the fixture above)
    target = tmp_path / "archive.db"
    target.write_bytes(two_nights.read_bytes())
    return target


class Trouble:
    """What the server does with the next DATA: lose the reply, kill the client, be slow."""

    def __init__(self) -> None:
        self.mode: str | None = None
        self.client: subprocess.Popen | None = None
        self.delay = 0.0


def troubled_server(trouble: Trouble) -> Server:
    server = Server(free_port())
    collect = server.handler.handle_DATA

    async def handle_data(smtp_server, session, envelope):
        reply = await collect(smtp_server, session, envelope)  # the server has the mail
        if trouble.delay:
            time.sleep(trouble.delay)
        if trouble.mode == "lose-reply":
            trouble.mode = None
            smtp_server.transport.close()  # accepted, but the 250 never reaches the client
        elif trouble.mode == "kill-client":
            trouble.mode = None
            os.kill(trouble.client.pid, signal.SIGKILL)
            time.sleep(0.5)
        return reply

    server.handler.handle_DATA = handle_data
    return server.start()


def digest(tmp_path: Path, db: Path) -> subprocess.CompletedProcess:
    return regwatch("digest", "--db", str(db), "--config", str(tmp_path / "regwatch.toml"),
                    cwd=tmp_path)


def message_ids(server: Server) -> list[str]:
    return [m["Message-ID"] for m in server.messages]


def test_a_lost_reply_is_sent_again_with_the_same_message_id(tmp_path, db):
    trouble = Trouble()
    server = troubled_server(trouble)
    try:
        write_toml(tmp_path / "regwatch.toml", server.port)
        trouble.mode = "lose-reply"
        first = digest(tmp_path, db)
        assert first.returncode == 1 and "stays queued" in first.stderr
        assert "Traceback" not in first.stderr
        second = digest(tmp_path, db)
        assert second.returncode == 0, second.stderr
        third = digest(tmp_path, db)
        assert "0 sent, 0 pending" in third.stdout
    finally:
        server.stop()
    ids = message_ids(server)
    assert len(ids) == 2 and ids[0] == ids[1]  # twice, one Message-ID: clients show it once


def test_a_sender_killed_after_the_server_took_the_mail_sends_it_again(tmp_path, db):
    trouble = Trouble()
    server = troubled_server(trouble)
    try:
        write_toml(tmp_path / "regwatch.toml", server.port)
        trouble.mode = "kill-client"
        trouble.client = subprocess.Popen(
            [sys.executable, "-m", "crawler.cli", "digest", "--db", str(db), "--config",
             str(tmp_path / "regwatch.toml")], cwd=tmp_path, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE)
        trouble.client.communicate(timeout=60)
        assert trouble.client.returncode == -signal.SIGKILL
        archive = Archive.open_readonly(db)
        [row] = archive.outbox()
        archive.close()
        assert row["sending_at"] and not row["sent_at"]  # the delivery was not confirmed
        again = digest(tmp_path, db)
        assert again.returncode == 0, again.stderr
        assert "1 sent" in again.stdout and "not confirmed" in again.stdout
    finally:
        server.stop()
    ids = message_ids(server)
    assert len(ids) == 2 and ids[0] == ids[1]


def test_two_digests_at_once_send_each_mail_once(tmp_path, db):
    trouble = Trouble()
    trouble.delay = 2.0  # the first sender is still talking to the server
    server = troubled_server(trouble)
    try:
        write_toml(tmp_path / "regwatch.toml", server.port)
        command = [sys.executable, "-m", "crawler.cli", "digest", "--db", str(db), "--config",
                   str(tmp_path / "regwatch.toml")]
        results: list[subprocess.CompletedProcess] = []
        threads = [threading.Thread(target=lambda: results.append(subprocess.run(
            command, cwd=tmp_path, capture_output=True, text=True, timeout=60)))
            for _ in range(2)]
        for thread in threads:
            thread.start()
            time.sleep(0.3)
        for thread in threads:
            thread.join()
    finally:
        server.stop()
    assert sorted(r.returncode for r in results) == [0, 3]
    locked = next(r for r in results if r.returncode == 3)
    assert "locked" in locked.stderr and locked.stderr.strip().count("\n") == 0
    assert len(server.messages) == 1
