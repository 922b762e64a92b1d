"""The test session's own cleanup: a killed session leaves no temporary folder behind."""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
SLOW_TEST = """
import pathlib, time

def test_waits():
    pathlib.Path({marker!r}).write_text("started")
    time.sleep(60)
"""


def session_folders() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("regwatch-tests-*")}


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_killed_session_removes_its_temporary_folder(tmp_path: Path, signum: int) -> None:
    marker = tmp_path / "started"
    (tmp_path / "test_slow.py").write_text(SLOW_TEST.format(marker=str(marker)))
    before = session_folders()
    env_path = f"{TESTS}:{TESTS.parent}"
    session = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-p", "conftest", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), str(tmp_path / "test_slow.py")],
        cwd=tmp_path, env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin",
                           "TMPDIR": tempfile.gettempdir()},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert session.poll() is None, session.communicate()[0]
            assert time.monotonic() < deadline, "the inner session never started its test"
            time.sleep(0.05)
        assert session_folders() - before, "the inner session made no folder of its own"
        session.send_signal(signum)
        output = session.communicate(timeout=30)[0]
    finally:
        if session.poll() is None:
            session.kill()
            session.wait()
    assert session.returncode != 0
    assert "KeyboardInterrupt" in output or "signal" in output, output
    assert session_folders() - before == set(), output
