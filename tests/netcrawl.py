"""Run ONE real crawl of the loopback test server (a child process of tests/test_network.py).

Scrapy's reactor can start only once per process, so every crawl of the network tests runs this
script in a subprocess::

    python tests/netcrawl.py --db DB --reports DIR --url LIST_URL --as-of 2025-11-08 \
        [--retries 0] [--timeout 1] [--log FILE] [--stats FILE] [--revisit-unlisted N]

The spider is :class:`NetProbeSpider`: the real MOFCOM spider (its list and article parsers) with
only its entry point replaced by the test server's list page. URLs keep the real host name
(``www.mofcom.gov.cn``, so the spider's host filters apply) with the test server's port, and
:class:`LoopbackResolver` resolves EVERY host name to 127.0.0.1: nothing leaves the machine.

The crawl is one run of the project's run owner (crawler.runner.Run), as `regwatch crawl` is:
run_sources, source_problem changes and reports included.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script from anywhere: the project's packages first
    sys.path.insert(0, str(REPO))

import scrapy  # noqa: E402
from twisted.internet import defer  # noqa: E402
from twisted.internet.interfaces import IResolverSimple  # noqa: E402
from zope.interface import implementer  # noqa: E402

from crawler.spiders.mofcom import MofcomSpider  # noqa: E402
from pipelines.vocab import SourceKind  # noqa: E402

LOOPBACK = "127.0.0.1"


@implementer(IResolverSimple)
class LoopbackResolver:
    """TWISTED_DNS_RESOLVER that answers 127.0.0.1 for every name (no real DNS, no real site)."""

    def __init__(self, reactor: Any) -> None:
        self.reactor = reactor

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> LoopbackResolver:
        return cls(reactor)

    def install_on_reactor(self) -> None:
        self.reactor.installResolver(self)

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> defer.Deferred[str]:
        return defer.succeed(LOOPBACK)


class NetProbeSpider(MofcomSpider):
    """MofcomSpider whose only entry point is the loopback test server's list page."""

    name = "netprobe"
    source_kind: ClassVar[str] = SourceKind.AUTHORITY.value
    description: ClassVar[str] = "Network probe: MOFCOM-shaped pages from the test suite's server"
    entry_points: ClassVar[list[str]] = ["http://www.mofcom.gov.cn:<port>/zwgk/zcfb/index.html"]
    min_items: ClassVar[int] = 1

    def __init__(self, *args: Any, list_url: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not list_url:
            raise ValueError("list_url is required")
        self.list_url = list_url

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield self.request(self.list_url, self.parse_list, article=False)


def crawl_settings(args: argparse.Namespace) -> dict[str, Any]:
    """Settings for a real network crawl of the loopback server (over the project's own)."""
    return {
        "LOG_FILE": args.log,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "RETRY_TIMES": args.retries,
        "DOWNLOAD_TIMEOUT": args.timeout,
        "DNS_TIMEOUT": args.timeout,
        "TWISTED_DNS_RESOLVER": LoopbackResolver,
        "HTTPPROXY_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--reports", required=True)
    parser.add_argument("--url", required=True, help="the list page (http://HOST:PORT/...)")
    parser.add_argument("--as-of", required=True, help="the run's date (ISO)")
    parser.add_argument("--retries", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=1.0)
    parser.add_argument("--log", default=None, help="Scrapy's log file")
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument("--stats", default=None, help="write the crawl's stats here (JSON)")
    parser.add_argument("--revisit-unlisted", type=int, default=None,
                        help="archived articles no list shows, read again per night")
    args = parser.parse_args(argv)

    from crawler.runner import Run
    from pipelines.config import Config

    config = Config(db=args.db, reports=args.reports, as_of=args.as_of, log_level=args.log_level,
                    **({"revisit_unlisted_per_night": args.revisit_unlisted}
                       if args.revisit_unlisted is not None else {}))
    summary = Run(config, [NetProbeSpider], extra_settings=crawl_settings(args),
                  spider_args={"list_url": args.url}).execute()
    if args.stats:
        stats = summary.sources[0].stats
        Path(args.stats).write_text(json.dumps(stats, default=str, ensure_ascii=False, indent=1),
                                    encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
