"""Scrapy settings for regwatch: the fixed part (politeness, components, their order).

Nothing here reads the environment. regwatch's own values (REGWATCH_*: the archive, the run's
clock, the mirror, the revisit policy) come from the one configuration (pipelines.config.Config)
and are laid over these by `from_config()`, so configuration flows one way:
environment and regwatch.toml -> Config -> Scrapy settings -> components' from_crawler().
"""

from __future__ import annotations

from typing import Any

from pipelines.config import Config

BOT_NAME = "regwatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
# `scrapy crawl NAME` is regwatch's own command: the same run owner as `regwatch crawl`.
COMMANDS_MODULE = "crawler.commands"

# --- politeness ---------------------------------------------------------------------------------
USER_AGENT = "regwatch/0.1 (+regulatory change tracking; contact: see README)"
ROBOTSTXT_OBEY = False  # official publications; we crawl politely instead (delay, throttle, 1 conn)
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
DOWNLOAD_TIMEOUT = 60
RETRY_TIMES = 2
# Scrapy starts this many workers for every response's output, which here is one item or a list
# page's requests, and its stages are synchronous: 8 instead of the default 100 spares 92 asyncio
# tasks a page (9% of a backfill's time; benchmarks/bench_backfill.py).
CONCURRENT_ITEMS = 8
# A page larger than this is a fetch failure, not a document (annexes set their own cap).
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"

# --- TLS -----------------------------------------------------------------
# Every certificate is verified (crawler/tls.py) against the system's and certifi's CAs plus, if
# set, this PEM file's; the hosts listed are fetched unverified, their responses flagged.
# http(s) only: a link on a page must never make regwatch read a local file (file:), or reach
# ftp:, s3: or data: addresses (Scrapy's handlers for them are switched off)
DOWNLOAD_HANDLERS = {"https": "crawler.tls.VerifyingDownloadHandler", "file": None, "ftp": None,
                     "s3": None, "data": None}
REGWATCH_EXTRA_CA_FILE = None
REGWATCH_INSECURE_TLS_HOSTS: list[str] = []

# Requests pass these from low to high numbers, responses from high to low. The revisit policy
# sits below Scrapy's DownloaderStats (850), so a request it skips is not counted as sent and a
# 304 it absorbs is counted as received; the mirror stands in for the network, last.
DOWNLOADER_MIDDLEWARES = {
    "crawler.encoding.EncodingGuardMiddleware": 120,
    "crawler.challenge.ChallengeMiddleware": 585,  # see crawler/challenge.py for the position
    "crawler.revisit.RevisitMiddleware": 800,
    "crawler.tls.InsecureTLSFlagMiddleware": 950,  # near the network: flags insecure fetches
    "crawler.mirror.MirrorMiddleware": 990,
}

# The page responses behind each item and its annex files (fetched with the article, their text
# read off the reactor), for the evidence the store stage keeps (crawler/evidence.py).
SPIDER_MIDDLEWARES = {
    "crawler.memory.ReleasePageMiddleware": 50,  # outermost: once everything else is done
    "crawler.evidence.EvidenceMiddleware": 100,
    "crawler.revisit.ListedOnMiddleware": 850,  # the list each article is listed on
    "crawler.reread.RereadMiddleware": 900,  # pages the analyst kept, read again
}

ITEM_PIPELINES = {
    "pipelines.normalize.NormalizePipeline": 100,
    "pipelines.relevance.RelevancePipeline": 170,
    "pipelines.designations.DesignationPipeline": 180,
    "pipelines.diff.DiffPipeline": 200,
    "pipelines.store.StorePipeline": 300,
}

EXTENSIONS = {
    "crawler.health.SourceHealth": 500,
    "crawler.revisit.UnlistedRevisits": 510,  # archived articles no list showed, read again
}

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
LOG_FORMATTER = "crawler.logformatter.RegwatchLogFormatter"


def insecure_hosts(sources: list[str]) -> set[str]:
    """The hosts of the sources whose certificates are not verified (insecure_tls = true)."""
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    loader = SpiderLoader.from_settings(Settings({"SPIDER_MODULES": SPIDER_MODULES}))
    return {host for name in sources for host in loader.load(name).hosts()}


def from_config(config: Config) -> dict[str, Any]:
    """The REGWATCH_* settings components read, from the configuration; a mirror replays saved
    pages, so it needs no politeness delays (and two requests in flight per host are enough:
    more only queue responses in memory)."""
    values: dict[str, Any] = {
        "REGWATCH_MIRROR": config.mirror,
        "REGWATCH_AS_OF": config.run_date(),
        "REGWATCH_REVISIT_RECENT_DAYS": config.revisit_recent_days,
        "REGWATCH_REVISIT_OLD_DAYS": config.revisit_old_days,
        "REGWATCH_REVISIT_UNLISTED_PER_NIGHT": config.revisit_unlisted_per_night,
        "REGWATCH_REVISIT_UNLISTED_DAYS": config.revisit_unlisted_days,
        "REGWATCH_EXTRA_CA_FILE": config.extra_ca_file,
        "REGWATCH_INSECURE_TLS_HOSTS": sorted(insecure_hosts(config.insecure_tls)),
        "REGWATCH_ANNEX_MAX_BYTES": config.annex_max_bytes,
        "LOG_LEVEL": config.log_level,
        # the backfill (crawler/spiders/paged.py, pipelines/backfill.py)
        "REGWATCH_BACKFILL_SINCE": config.backfill_since,
        "REGWATCH_BACKFILL_PAGES": config.backfill_pages_per_night,
        "REGWATCH_BACKFILL": config.backfill,
        "REGWATCH_JPAAS_COLUMNS": config.jpaas_columns,
    }
    if config.mirror:  # answers come from local files: no delay, and few in flight (memory)
        values.update(DOWNLOAD_DELAY=0, AUTOTHROTTLE_ENABLED=False,
                      CONCURRENT_REQUESTS_PER_DOMAIN=2)
    return values
