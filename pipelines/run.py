"""The run a crawl works for, handed to every component that needs it.

The application's run owner (crawler.runner.Run) starts a run, creates one `SourceRun` per source
and attaches it to that source's Scrapy crawler before the crawl starts; components read it once,
in their `from_crawler`, with `source_run_of(crawler)`. Nothing looks the run up per item.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipelines.archive import Archive, canonical_url
from pipelines.evidence import EvidenceStore
from pipelines.health import Health

_ATTR = "regwatch_source_run"
NOT_MODIFIED = "not modified"  # a revisit answered 304
REVISIT_SEEN = ("new", "changed", "unchanged")  # a revisit that gave an item (store outcomes)


@dataclass
class RunContext:
    """One run: its id, its clock (as_of) and the archive it writes to."""

    run_id: str
    as_of: str
    archive: Archive
    fatal: str | None = None  # the archive could not be written (a full disk): the run stops
    # The run's WARC store (pipelines.evidence), opened and closed by the run owner; None: the
    # responses are not kept (tests of the stages without evidence).
    evidence: EvidenceStore | None = None


@dataclass
class SourceRun:
    """One source's part of a run: what its crawl learns that the end of the run needs."""

    run: RunContext
    source: str
    # HTTP validators (ETag, Last-Modified) of fetched pages, recorded once their item is stored
    pending_fetches: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    # The list page that links each article a list of this run showed (the first by address
    # when several do, so that it does not depend on which list was read first), and the list
    # pages that answered this run: what the removal check needs (pipelines.finish)
    listed_on: dict[str, str] = field(default_factory=dict)
    list_pages: list[str] = field(default_factory=list)
    # The source's list walks in this run (pipelines.backfill.Walks, set by its spider); in a
    # backfill, findings dated before quiet_before are archived without a change of their own,
    # when they are history (`quiet_for`): everything on the source's first night
    # (`all_history`), later the articles a walk back found behind a list's first page (or on
    # a list read only when walking back), not those a first page read every night shows
    walks: Any = None
    quiet_before: str | None = None
    all_history: bool = False
    walked_back: set[str] = field(default_factory=set)
    first_pages: set[str] = field(default_factory=set)
    backfill_recorded: bool = False  # its `backfill` change is written (pipelines.finish)
    # Archived articles no list showed tonight, read again (crawler.revisit.UnlistedRevisits):
    # URL -> what came of it (a store outcome, NOT_MODIFIED, a failure's reason; None: nothing
    # the run could store, e.g. a page reported as a problem)
    revisits: dict[str, str | None] = field(default_factory=dict)
    # the new measures whose preferred page of the run is its own (settled at the run's end)
    new_measures: int | None = None
    # The source's health, judged when its spider closes (crawler.health.SourceHealth)
    health: Health | None = None
    counts: dict[str, int] = field(default_factory=dict)  # items, unchanged, requests, responses
    stats: dict[str, Any] = field(default_factory=dict)  # the crawl's Scrapy stats, at its end

    def note_listed(self, url: str, list_url: str) -> None:
        """A list page of this run links the article at url."""
        page = canonical_url(list_url)
        if url not in self.listed_on or page < self.listed_on[url]:
            self.listed_on[url] = page

    def note_found(self, urls: list[str], *, walked_back: bool) -> None:
        """Articles a list page of this run shows: behind the first page of a walk back
        (walked_back), or on a first page read every night."""
        (self.walked_back if walked_back else self.first_pages).update(urls)

    def quiet_for(self, url: str) -> str | None:
        """The quiet day for the item at url (None: its changes are reported as on any night):
        a backfill's history only. An announcement found on a list's first page on a later
        night is news, however late MOFCOM posted it."""
        if self.quiet_before is None:
            return None
        if self.all_history or (url in self.walked_back and url not in self.first_pages):
            return self.quiet_before
        return None

    def revisits_seen(self) -> tuple[int, int]:
        """Items and 304s tonight's revisits gave (kept out of the source's counts: revisits
        vary from night to night and are no measure of its lists)."""
        outcomes = list(self.revisits.values())
        return (sum(o in REVISIT_SEEN for o in outcomes), outcomes.count(NOT_MODIFIED))

    def revisit_note(self) -> str | None:
        """What tonight's revisits found, for the source's notes (None: there were none)."""
        if not self.revisits:
            return None
        outcomes = list(self.revisits.values())
        counts = [(outcomes.count("changed"), "changed"),
                  (outcomes.count("unchanged") + outcomes.count(NOT_MODIFIED), "unchanged"),
                  (outcomes.count("new"), "redirected to a new address (a new document)")]
        found = ", ".join(f"{n} {what}" for n, what in counts if n) or "none read"
        failed = sorted(o for o in outcomes if o not in REVISIT_SEEN and o != NOT_MODIFIED
                        and o is not None)
        unread = outcomes.count(None)
        text = (f"read again {len(outcomes)} archived article{'s' * (len(outcomes) != 1)} "
                f"that no list showed tonight, the longest unread first: {found}")
        if failed:
            text += f"; {len(failed)} could not be read ({'; '.join(failed)})"
        if unread:
            text += f"; {unread} not read (see the problems)"
        return text

    @property
    def archive(self) -> Archive:
        return self.run.archive

    @property
    def run_id(self) -> str:
        return self.run.run_id

    @property
    def as_of(self) -> str:
        return self.run.as_of


class NoRun(RuntimeError):
    """A component that needs a run was created for a crawler the run owner did not start."""


def attach(crawler: Any, source_run: SourceRun) -> None:
    """Hand a source's run to its crawler (before the crawl creates the components)."""
    setattr(crawler, _ATTR, source_run)


def source_run_of(crawler: Any) -> SourceRun:
    """The SourceRun attached to crawler; NoRun if the crawler was not started by a run."""
    source_run = getattr(crawler, _ATTR, None)
    if source_run is None:
        raise NoRun("this crawler was not started by regwatch's run owner (crawler.runner.Run); "
                    "use `regwatch crawl` or `scrapy crawl NAME`")
    return source_run
