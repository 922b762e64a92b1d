"""Digests beyond SMTP through Apprise: a real local HTTP server receives the JSON webhook;
a failing URL leaves the digest queued and it is sent once the server is up (no network)."""

from __future__ import annotations

import json
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import free_port, regwatch
from test_digest import left_line, two_nights  # noqa: F401 (two_nights: the module fixture)

from pipelines.archive import Archive
from pipelines.channels import send_all
from pipelines.config import Channel, Config
from pipelines.digest import queue_digests


class Hook:
    """A local webhook: records every JSON body it is sent, answers 200 (or `status`)."""

    def __init__(self, port: int, status: int = 200) -> None:
        self.received: list[dict] = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                hook.received.append({"path": self.path, "json": json.loads(body)})
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def db(two_nights, tmp_path) -> Path:  # noqa: F811
    target = tmp_path / "archive.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{two_nights}{suffix}").exists():
            shutil.copy(f"{two_nights}{suffix}", f"{target}{suffix}")
    return target


def config(port: int, **filters: list[str]) -> Config:
    return Config(channels=[Channel("desk", url=f"json://127.0.0.1:{port}/hook", **filters)])


def test_a_webhook_receives_one_notification_per_run(db):
    port = free_port()
    hook = Hook(port)
    try:
        archive = Archive.open(db)
        cfg = config(port, topics=["rare earths"])
        assert queue_digests(archive, cfg) == 2
        result = send_all(archive, cfg)
        assert (result.sent, result.failed, result.pending, result.error) == (2, 0, 0, None)
        assert [r["path"] for r in hook.received] == ["/hook", "/hook"]
        second = hook.received[1]["json"]
        assert second["title"].startswith("[regwatch] 2025-11-08: ") and len(
            second["title"]) < 100
        assert "MOFCOM-2025-61" in second["message"] and "GACC-2025-219" not in second["message"]
        rows = archive.outbox()
        assert {r["channel"] for r in rows} == {"apprise"} and all(r["sent_at"] for r in rows)
        # nothing twice
        assert queue_digests(archive, cfg) == 0 and send_all(archive, cfg).sent == 0
        assert len(hook.received) == 2
        archive.close()
    finally:
        hook.stop()


def test_a_failing_url_stays_queued_and_is_retried(db):
    port = free_port()  # nothing listens yet
    archive = Archive.open(db)
    cfg = config(port)
    assert queue_digests(archive, cfg) == 2
    result = send_all(archive, cfg)
    assert (result.sent, result.failed, result.pending) == (0, 2, 2)
    assert result.error.startswith("channel desk: ") and "\n" not in result.error
    row = archive.pending_mails("apprise")[0]
    assert row["attempts"] == 1 and row["last_error"] and row["sending_at"] is None
    refused = Hook(port, status=500)  # up, but refusing
    try:
        result = send_all(archive, cfg)
        assert (result.sent, result.pending) == (0, 2)
    finally:
        refused.stop()
    hook = Hook(port)
    try:
        assert send_all(archive, cfg).sent == 2
        assert len(hook.received) == 2
        assert send_all(archive, cfg).sent == 0
    finally:
        hook.stop()
    assert [r["attempts"] for r in archive.outbox()] == [3, 3]
    archive.close()


def test_a_channel_url_from_the_environment(db, monkeypatch):
    port = free_port()
    monkeypatch.delenv("REGWATCH_TEST_HOOK", raising=False)
    archive = Archive.open(db)
    cfg = Config(channels=[Channel("desk", url_env="REGWATCH_TEST_HOOK")])
    queue_digests(archive, cfg)
    assert send_all(archive, cfg).error == "channel desk: $REGWATCH_TEST_HOOK is empty"
    monkeypatch.setenv("REGWATCH_TEST_HOOK", f"json://127.0.0.1:{port}/hook")
    hook = Hook(port)
    try:
        assert send_all(archive, cfg).sent == 2
    finally:
        hook.stop()
    archive.close()


def test_cli_digest_with_a_channel(db, tmp_path):
    port = free_port()
    toml = tmp_path / "regwatch.toml"
    toml.write_text(f'[[channels]]\nname = "desk"\nurl = "json://127.0.0.1:{port}/hook"\n',
                    encoding="utf-8")
    result = regwatch("digest", "--config", str(toml), "--db", str(db), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.strip() == "digest: 2 queued, 0 sent, 2 pending"
    error = result.stderr.strip()
    assert "\n" not in error and error.startswith(
        "Error: mail not sent, the digest stays queued: channel desk:")
    hook = Hook(port)
    try:
        result = regwatch("digest", "--config", str(toml), "--db", str(db), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "digest: 0 queued, 2 sent, 0 pending"
        assert len(hook.received) == 2
    finally:
        hook.stop()


def test_a_channel_removed_from_the_configuration_is_not_sent_its_digests_dropped(db):
    """Digests queued for a channel the user then removes: not sent, dropped once, no failure."""
    port = free_port()  # nothing listens: they stay queued
    archive = Archive.open(db)
    assert queue_digests(archive, config(port)) == 2
    assert send_all(archive, config(port)).pending == 2
    hook = Hook(port)
    try:
        other = Config(channels=[Channel("other", url=f"json://127.0.0.1:{port}/other")])
        result = send_all(archive, other)
        assert (result.sent, result.failed, result.pending, result.error) == (0, 0, 0, None)
        assert result.dropped == ("not sent: desk is no longer a channel (2 queued digests "
                                  "dropped)",)
        assert send_all(archive, other).dropped == ()  # said once
        assert hook.received == []
    finally:
        hook.stop()
    assert all(r["dropped_at"] and not r["sent_at"] for r in archive.outbox())
    archive.close()


def test_a_channel_of_another_configuration_keeps_its_digests_and_its_stream(db, tmp_path):
    """Two nights queued for regwatch.toml's channel while its webhook is down; a digest with
    other.toml (another channel) leaves them queued and says so in one line, exit 0; the next
    digest with regwatch.toml sends them, and nothing else."""
    port = free_port()  # nothing listens yet
    main, other = tmp_path / "regwatch.toml", tmp_path / "other.toml"
    for toml, name in ((main, "desk"), (other, "side")):
        toml.write_text(f'[[channels]]\nname = "{name}"\nurl = "json://127.0.0.1:{port}/{name}"\n',
                        encoding="utf-8")

    def digest(toml: Path):
        return regwatch("digest", "--config", str(toml), "--db", str(db), cwd=tmp_path)

    down = digest(main)
    assert down.returncode == 1 and down.stdout.strip() == "digest: 2 queued, 0 sent, 2 pending"
    hook = Hook(port)
    try:
        one_off, back = digest(other), digest(main)
    finally:
        hook.stop()
    assert one_off.returncode == 0, one_off.stderr
    assert one_off.stdout.splitlines() == ["digest: 0 queued, 0 sent, 0 pending",
                                           left_line(main, 2, "channel")]
    assert back.returncode == 0, back.stderr
    assert back.stdout.strip() == "digest: 0 queued, 2 sent, 0 pending"
    assert [r["path"] for r in hook.received] == ["/desk", "/desk"]
    assert not any(r["dropped_at"] for r in Archive.open(db).outbox())
