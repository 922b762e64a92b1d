"""The run a crawler works for: its id, clock and archive, shared by pipelines and extensions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from scrapy.crawler import Crawler

from pipelines.archive import Archive

BEIJING = ZoneInfo("Asia/Shanghai")
_ATTR = "_regwatch_run"


def today_in_beijing() -> str:
    return datetime.now(BEIJING).date().isoformat()


@dataclass
class RunContext:
    run_id: str
    as_of: str
    archive: Archive
    owned: bool  # True when this crawler created the run itself (plain `scrapy crawl NAME`)
    # HTTP validators (ETag, Last-Modified) of fetched pages, recorded once their item is stored
    pending_fetches: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    # The list page that linked each article requested (its Referer), and the list pages that
    # answered this run: what the removal check needs (Archive.record_misses)
    listed_on: dict[str, str] = field(default_factory=dict)
    list_pages: list[str] = field(default_factory=list)


def run_context(crawler: Crawler) -> RunContext:
    """The crawler's run: the one named by REGWATCH_RUN_ID, or a new run of its own."""
    context = getattr(crawler, _ATTR, None)
    if context is not None:
        return context
    settings = crawler.settings
    archive = Archive.open(settings.get("REGWATCH_DB"))
    as_of = settings.get("REGWATCH_AS_OF") or today_in_beijing()
    run_id = settings.get("REGWATCH_RUN_ID")
    owned = not run_id
    if owned:
        name = crawler.spidercls.name
        run_id = archive.start_run(as_of, [name], settings.get("REGWATCH_MIRROR"))
    context = RunContext(run_id=run_id, as_of=as_of, archive=archive, owned=owned)
    setattr(crawler, _ATTR, context)
    return context
