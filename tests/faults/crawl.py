"""Run ONE real crawl of a project spider through the fault proxy (a child process of a test).

Scrapy's reactor can start only once per process, so each crawl of a fault test is this script in
a subprocess whose environment carries ``https_proxy`` / ``http_proxy`` (``FaultProxy.environ()``)::

    python tests/faults/crawl.py --spider mofcom --db DB --reports DIR --as-of 2025-10-09 \\
        [--extra-ca CA.pem] [--insecure-host HOST ...] [--insecure-source NAME ...] \\
        [--timeout 2] [--retries 0] [--log FILE] [--stats FILE] [--responses FILE]

The crawl is one run of the project's run owner (crawler.runner.Run), as `regwatch crawl` is, with
the politeness delays off and short timeouts. Every host name resolves to 127.0.0.1
(``tests/netcrawl.py``'s LoopbackResolver): only the proxy is ever connected to.

``--responses`` writes one JSON line per response the engine received (after the downloader
middlewares): ``{"url", "status", "flags"}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
for path in (REPO, TESTS):  # the project's packages, and tests/netcrawl.py
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from netcrawl import LoopbackResolver  # noqa: E402


def crawl_settings(args: argparse.Namespace) -> dict[str, Any]:
    """Settings laid over the project's: the flag middleware, short timeouts, the proxy."""
    from crawler.runner import project_settings

    project = project_settings()
    extensions = dict(project.getdict("EXTENSIONS"))
    if args.responses:
        extensions["crawl.ResponseLog"] = 600
    settings = {
        "EXTENSIONS": extensions,
        "REGWATCH_TEST_RESPONSES": args.responses,
        "LOG_FILE": args.log,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "RETRY_TIMES": args.retries,
        "DOWNLOAD_TIMEOUT": args.timeout,
        "DNS_TIMEOUT": args.timeout,
        "TWISTED_DNS_RESOLVER": LoopbackResolver,
        "HTTPPROXY_ENABLED": True,  # https_proxy / http_proxy from the environment
        "TELNETCONSOLE_ENABLED": False,
    }
    if args.insecure_host:  # else the configuration's (--insecure-source: its spider's hosts)
        settings["REGWATCH_INSECURE_TLS_HOSTS"] = args.insecure_host
    return settings


class ResponseLog:
    """Extension: one JSON line per response the engine receives (REGWATCH_TEST_RESPONSES)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Any) -> ResponseLog:
        from scrapy import signals

        log = cls(Path(crawler.settings.get("REGWATCH_TEST_RESPONSES")))
        crawler.signals.connect(log.received, signal=signals.response_received)
        return log

    def received(self, response: Any, request: Any, spider: Any) -> None:
        line = {"url": response.url, "status": response.status, "flags": list(response.flags)}
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spider", default="mofcom")
    parser.add_argument("--db", required=True)
    parser.add_argument("--reports", required=True)
    parser.add_argument("--as-of", required=True, help="the run's date (ISO)")
    parser.add_argument("--extra-ca", default=None, help="REGWATCH_EXTRA_CA_FILE")
    parser.add_argument("--insecure-host", action="append", default=[],
                        help="a host of REGWATCH_INSECURE_TLS_HOSTS (repeatable)")
    parser.add_argument("--insecure-source", action="append", default=[],
                        help="a source set `insecure_tls = true` in regwatch.toml (repeatable)")
    parser.add_argument("--retries", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=2.0)
    parser.add_argument("--log", default=None, help="Scrapy's log file")
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument("--stats", default=None, help="write the crawl's stats here (JSON)")
    parser.add_argument("--responses", default=None, help="write the responses here (JSONL)")
    args = parser.parse_args(argv)

    from crawler.runner import Run
    from pipelines.config import Config

    config = Config(db=args.db, reports=args.reports, as_of=args.as_of,
                    log_level=args.log_level, extra_ca_file=args.extra_ca,
                    insecure_tls=args.insecure_source)
    summary = Run(config, [args.spider], extra_settings=crawl_settings(args)).execute()
    if args.stats:
        Path(args.stats).write_text(json.dumps(summary.sources[0].stats, default=str,
                                               ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
