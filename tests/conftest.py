"""Shared test helpers: saved-page responses and paths."""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.utils.test import get_crawler

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
REPO = TESTS.parent


def fixture_response(
    slug: str,
    name: str,
    url: str,
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
    json: bool = False,
    meta: dict | None = None,
) -> TextResponse:
    """A response whose body is tests/fixtures/<slug>/<name> and whose url is the real URL."""
    body = (FIXTURES / slug / name).read_bytes()
    request = Request(url, meta=meta or {})
    cls = TextResponse if json else HtmlResponse
    return cls(url=url, status=status, headers=headers, body=body, request=request)


def make_spider(spidercls, settings: dict | None = None, **kwargs):
    """A spider bound to a real (not started) crawler, so stats and settings work."""
    crawler = get_crawler(spidercls, settings_dict=settings or {})
    return spidercls.from_crawler(crawler, **kwargs)


def start_requests(spider) -> list[Request]:
    """What a spider's async start() yields."""

    async def collect() -> list[Request]:
        return [request async for request in spider.start()]

    return asyncio.run(collect())


def parsed(callback: Callable[..., Iterable[Any]], response: TextResponse, **kwargs: Any
           ) -> tuple[list[Any], list[str]]:
    """A spider callback's output on a saved page, and the problems its spider recorded."""
    from pipelines.problems import problems_of

    output = list(callback(response, **kwargs))
    return output, problems_of(callback.__self__.crawler.stats)


@pytest.fixture
def tmp_db(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


def regwatch(*args: str, cwd: Path, env: dict[str, str] | None = None,
             timeout: int = 300) -> subprocess.CompletedProcess:
    """The regwatch CLI in a child process (Scrapy's reactor runs once per process)."""
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def free_port() -> int:
    """A local TCP port nothing listens on (for test servers)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> tuple[Path, str]:
    """`regwatch demo` run once for the session: (its folder, what it printed)."""
    folder = tmp_path_factory.mktemp("demo")
    result = regwatch("demo", cwd=folder, timeout=600)
    assert result.returncode == 0, result.stderr
    return folder, result.stdout


# --- nothing left behind -------------------------------------------------------------------
# Every temporary file of the session (pytest's tmp_path, and whatever the code under test or
# its child processes create through $TMPDIR) goes into one folder; at the end, anything in it
# but pytest's own tree is a leftover, and so is any child process still alive. Both fail the
# session. The test process is made a "child subreaper" (Linux), so a grandchild orphaned by a
# killed parent is re-parented here and counted too, instead of escaping to init.
PR_SET_CHILD_SUBREAPER = 36
SESSION_TMP = Path(tempfile.mkdtemp(prefix="regwatch-tests-"))
# A session that never reaches sessionfinish (pytest refusing its arguments) removes it at exit.
atexit.register(shutil.rmtree, SESSION_TMP, ignore_errors=True)
os.environ["TMPDIR"] = str(SESSION_TMP)
tempfile.tempdir = None  # recomputed from $TMPDIR


def _become_subreaper() -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


_become_subreaper()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def pytest_configure(config: pytest.Config) -> None:
    """A kill or hangup ends the session as Ctrl-C does, so sessionfinish still cleans up."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt)


def live_children(pid: int | None = None) -> list[tuple[int, str]]:
    """(pid, command line) of the live (not zombie) child processes of pid (default: this one)."""
    pid = pid or os.getpid()
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            children.append((int(stat.parent.name), cmdline.strip()))
    return children


def leftover_temp_entries() -> list[str]:
    return sorted(p.name for p in SESSION_TMP.iterdir() if not p.name.startswith("pytest-of-"))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the session if a child process is still alive or a temp entry was left behind."""
    for _ in range(50):  # a child that was just told to stop gets a few seconds
        children = live_children()
        if not children:
            break
        time.sleep(0.1)
    leftovers = leftover_temp_entries()
    for pid, _ in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    while True:  # reap what was killed
        try:
            if os.waitpid(-1, os.WNOHANG) == (0, 0):
                break
        except ChildProcessError:
            break
    shutil.rmtree(SESSION_TMP, ignore_errors=True)
    problems = [f"child process still running: pid {pid}: {cmd[:200]}" for pid, cmd in children]
    problems += [f"temporary entry left behind: {name}" for name in leftovers]
    if problems:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        for line in problems:
            if reporter is not None:
                reporter.write_line(f"LEFT BEHIND: {line}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
