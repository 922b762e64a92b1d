"""Source problems: recorded in the crawl's stats, logged loudly, reported by the diff stage."""

import logging

from scrapy.statscollectors import StatsCollector

logger = logging.getLogger("regwatch.problems")

PROBLEMS_KEY = "regwatch/problems"


def report_problem(stats: StatsCollector, source: str, message: str) -> None:
    """Record one source problem (a one-line, human-readable message) for this crawl."""
    problems = list(stats.get_value(PROBLEMS_KEY) or [])
    problems.append(message)
    stats.set_value(PROBLEMS_KEY, problems)
    stats.inc_value("regwatch/problem_count")
    logger.warning("[%s] %s", source, message)


def problems_of(stats: StatsCollector) -> list[str]:
    return list(stats.get_value(PROBLEMS_KEY) or [])
