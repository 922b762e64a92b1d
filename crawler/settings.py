"""Scrapy settings for regwatch: the only module that reads the environment.

Configuration flows one way: environment -> these settings -> components' from_crawler().
"""

import os

BOT_NAME = "regwatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- regwatch's own settings (REGWATCH_*), overridable from the environment -----------------
REGWATCH_DB = os.environ.get("REGWATCH_DB", "archive.db")
REGWATCH_REPORTS = os.environ.get("REGWATCH_REPORTS", "diff_reports")
# Replay responses from an offline mirror folder instead of the network (CONTRACT.md section 2).
REGWATCH_MIRROR = os.environ.get("REGWATCH_MIRROR") or None
# The run's clock (ISO date); empty means today in Beijing.
REGWATCH_AS_OF = os.environ.get("REGWATCH_AS_OF") or None
# Set by `regwatch crawl` so that several spiders share one run; empty: each crawl is its own run.
REGWATCH_RUN_ID = os.environ.get("REGWATCH_RUN_ID") or None
# Revisit policy: articles published within this many days are refetched every night;
# older ones only when their last fetch is at least REGWATCH_REVISIT_OLD_DAYS old.
REGWATCH_REVISIT_RECENT_DAYS = int(os.environ.get("REGWATCH_REVISIT_RECENT_DAYS", "60"))
REGWATCH_REVISIT_OLD_DAYS = int(os.environ.get("REGWATCH_REVISIT_OLD_DAYS", "7"))


def _days(name: str, default: str) -> list[int]:
    """A comma-separated list of whole days from the environment, or one line and exit."""
    raw = os.environ.get(name) or default
    try:
        days = sorted({int(part) for part in raw.split(",")})
    except ValueError:
        days = []
    if not days or days[0] < 0:
        raise SystemExit(f"regwatch: {name} must be whole days separated by commas, got {raw!r}")
    return days


# Deadlines (a suspension's end, an effective date, an expiry) are reported as deadline_near
# when they come within each of these windows (days): once at 30 days, again at 7.
REGWATCH_DEADLINE_DAYS = _days("REGWATCH_DEADLINE_DAYS", "30,7")
# A document a healthy source's list page no longer shows is reported as document_removed
# after it was missed on this many nights.
REGWATCH_REMOVED_AFTER_NIGHTS = _days("REGWATCH_REMOVED_AFTER_NIGHTS", "3")[0] or 1
# Where `regwatch serve` answers: reports link each piece of evidence to its archived page there.
REGWATCH_DATASETTE_URL = os.environ.get("REGWATCH_DATASETTE_URL", "http://127.0.0.1:8001")

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
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = os.environ.get("REGWATCH_LOG_LEVEL", "INFO")

# --- TLS (CONTRACT.md section 7) -----------------------------------------------------------------
# Every certificate is verified (crawler/tls.py) against the system's and certifi's CAs plus, if
# set, this PEM file's; the hosts listed are fetched unverified, their responses flagged.
DOWNLOADER_CLIENTCONTEXTFACTORY = "crawler.tls.VerifyingContextFactory"
REGWATCH_EXTRA_CA_FILE = os.environ.get("REGWATCH_EXTRA_CA_FILE") or None
REGWATCH_INSECURE_TLS_HOSTS: list[str] = []

# Requests pass these from low to high numbers, responses from high to low. The revisit policy
# sits below Scrapy's DownloaderStats (850), so a request it skips is not counted as sent and a
# 304 it absorbs is counted as received; the mirror stands in for the network, last.
DOWNLOADER_MIDDLEWARES = {
    "crawler.encoding.EncodingGuardMiddleware": 120,
    "crawler.challenge.ChallengeMiddleware": 585,  # see crawler/challenge.py for the position
    "crawler.revisit.RevisitMiddleware": 800,
    "crawler.mirror.MirrorMiddleware": 990,
}

ITEM_PIPELINES = {
    "pipelines.normalize.NormalizePipeline": 100,
    "pipelines.linking.LinkPipeline": 150,
    "pipelines.relevance.RelevancePipeline": 170,
    "pipelines.diff.DiffPipeline": 200,
    "pipelines.store.StorePipeline": 300,
}

EXTENSIONS = {
    "crawler.health.SourceHealth": 500,
}

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
LOG_FORMATTER = "crawler.logformatter.RegwatchLogFormatter"
