"""A source's health from one crawl's counts and problems (the rule, without Scrapy).

A source is `ok` when it yielded documents and had no problem, `degraded` when it yielded some
but had problems, `failed` when it yielded nothing. Count bounds: fewer documents than the
spider's `min_items`, or under half of its last healthy run, is a problem too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.vocab import SourceStatus

# A healthy source's document count may drop to this fraction of its last healthy run.
MIN_FRACTION_OF_LAST_HEALTHY = 0.5


@dataclass
class Health:
    status: str
    seen: int
    problems: list[str] = field(default_factory=list)


def assess(items: int, unchanged: int, problems: list[str], min_items: int,
           last_healthy: int | None, finish_reason: str = "finished", left_out: int = 0
           ) -> Health:
    """The health of a source from one crawl's counts and problems (documents left out by the
    relevance rule were found all the same)."""
    seen = items + unchanged + left_out
    problems = list(problems)
    if finish_reason != "finished":
        problems.append(f"crawl ended early ({finish_reason})")
    if seen < min_items:
        problems.append(f"only {seen} documents found, at least {min_items} expected")
    elif last_healthy and seen < last_healthy * MIN_FRACTION_OF_LAST_HEALTHY:
        problems.append(f"only {seen} documents found, its last healthy run had {last_healthy}")
    if not problems:
        return Health(SourceStatus.OK.value, seen)
    status = SourceStatus.FAILED if seen == 0 else SourceStatus.DEGRADED
    return Health(status.value, seen, problems)
