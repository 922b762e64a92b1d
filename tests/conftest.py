"""Shared test helpers: saved-page responses and paths."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
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
