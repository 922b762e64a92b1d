"""The backfill: official lists walked back to `backfill_since`, night after night, and what the
archive then covers (coverage, number gaps).

A source's lists (`ListSpec`: a column's pages; each year's MOFCOM announcement index is one) are
walked back page by page until the archive has reached `backfill_since`:

- A source walks back (`Walks.backfilling`) while any of its lists has not completed a walk to
  `backfill_since` (a list never walked, one cut by the page budget, a kill, an outage or bad
  input), or when `--backfill` forces it. News lists are never walked back; a source's first
  night counts as a backfill all the same (what it finds is history).
- A walk stops (complete) at the first page whose dated items are all older than
  `backfill_since`, at the end of the list (`total`, `pages`, an empty page, no next page);
  items older than `backfill_since` are not fetched.
- It is cut by `backfill_pages_per_night` (list pages per source per night; a first page read
  every night, or read again to resume a walk further on, is not counted) and continues the
  next night where it stopped: the list's row in `list_walks` is written after every page
  (`next_page` is then that page, so a kill re-reads it; the archived articles it links are not
  refetched) and, when the source's crawl ends, set to the page after the last one read.
- Bad input (`judge_page`): a page with `total` but no items, a page repeating the previous one,
  items out of date order, or an answer the spider could not read (not JSON, an HTML error page)
  is a source problem naming the list and the page; the walk stops there and is retried there
  next night. Nothing is treated as removed (the source is not healthy that night).
- Later nights read first pages only (this year's index, and last year's in January), except:
  a first page on which nothing is known to the archive is read on, page by page, until an item
  it knows (`Walks.catch_up`, within the page budget, continued next night: `list_catch_ups`
  keeps the stretches left unread by the item each begins after, `Gap`, as pages shift);
  and in the new year the previous year's index is walked to its end once (`list_walks.year_end`;
  not a backfill), so that the year is covered.

What the archive covers (`write_coverage`, at the end of every run): per source the dates reached,
documents, pages walked and the last complete walk; per series and year the numbers seen and, in
a year the walks covered, the numbers from 1 to the highest seen that were never seen
(`number_gaps`): official numbering is sequential per issuer and year, so they are what the
archive may be missing; and the measures of such a year known only as cited by other texts
(`coverage.cited_only`): their own text is not archived. A year is covered (`covered_years`)
when a list that carries the whole series (a year's MOFCOM index; GACC's announcement column)
completed a walk reaching back to 1 January of that year; the first pages read every night (and
caught up) see what is posted after it:

- a walk that ended after the year ended checks the whole year (`NumberCheck.WHOLE_YEAR`);
- a walk that ended while the year was under way (the first night's backfill; for GACC's
  column, also the years after it) checks it so far (`NumberCheck.SO_FAR`): only up to the
  highest number among the announcements published at least `GAP_SETTLE_DAYS` before the run's
  date, so that a number posted out of order a day or two late is no gap, while one still
  missing a week after a higher number appeared is. A year checked so far stays so after it
  ends until a walk after its end checks it whole (last year's index in January; GACC's column
  is not walked again, and a week into the next year "so far" is the whole year), so its gaps
  do not vanish at New Year. Its rows are computed again every run (the week moves on without
  anything new stored). A new year's MOFCOM index is read, not walked, once the source's
  backfill is done; read to its end the first time (`Walks._seen_whole`), on one night or, cut
  short, on the nights that continue its reading, it is known whole as a walk would know it and
  its year is checked so far.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

from pipelines.archive import Archive
from pipelines.lifecycle import shift
from pipelines.regime import deadlines_ahead
from pipelines.vocab import NumberCheck, WalkStatus

# A backfill's findings dated more than this many days before the run's date are archived
# without a change each (the run's report lists the recent ones and one summary per source).
REPORT_RECENT_DAYS = 7
# The archive summary counts deadlines within this many days.
SUMMARY_DEADLINE_DAYS = 30
# In a year checked so far (under way), a number is a gap only below one published at least
# this many days before the run's date (one posted out of order a day or two late is not).
GAP_SETTLE_DAYS = 7
# A run of missing numbers longer than this is written as a range ("-1 … -37").
GAP_RANGE_FROM = 3

FIRST_PAGE = "first_page"  # read a list's first page only
WALK = "walk"  # walk the list back
CATCH_UP = "catch_up"  # a page after a first page read on because it held nothing known


@dataclass(frozen=True)
class ListSpec:
    """One list of a source: its key (stable across nights), its first page, and what it is."""

    key: str  # e.g. "www.mofcom.gov.cn/zcfb/blgg/gg/2024"
    url: str
    series: str | None = None  # the measure series it lists completely, e.g. "MOFCOM"
    year: int | None = None  # for a year's index: the year whose announcements it lists
    nightly: bool = True  # read (its first page) on every night, not only when walking back
    walks_back: bool = True  # False for news lists: never walked back


@dataclass
class ListItem:
    """One item of a list page: the article's URL, its date (ISO) and title as listed."""

    url: str
    published: str | None = None
    title: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # handed to the article's parser


@dataclass
class ListPage:
    """One page of a list as its spider read it."""

    number: int
    items: list[ListItem] = field(default_factory=list)
    total: int | None = None  # items in the whole list, when the site says
    pages: int | None = None  # pages in the whole list, when the site says
    page_size: int | None = None  # items per page, when known
    has_next: bool | None = None  # a next-page link (static pagers); None: not said


@dataclass
class WalkState:
    """A list's walk, as `list_walks` keeps it."""

    source: str
    list: str
    url: str
    series: str | None = None
    year: int | None = None
    status: str = WalkStatus.WALKING.value
    next_page: int | None = 1
    pages_walked: int = 0
    earliest: str | None = None
    latest: str | None = None
    since: str | None = None
    started_on: str | None = None
    last_walked_on: str | None = None
    last_complete_walk: str | None = None
    problem: str | None = None
    year_end: int = 0  # 1: a closed year's index walked to its end (not a backfill), under way
    # the last two pages walked (JSON: number and items' URLs and dates), so that a walk resumed
    # on a later night still tells a page that repeats the one before it (`judge_page`)
    recent_pages: str | None = None


@dataclass
class Tally:
    """What one list's walk did in this run."""

    pages: int = 0
    earliest: str | None = None
    latest: str | None = None
    stopped: str | None = None  # why it stopped tonight (budget, a problem), if not complete


def parse_day(value: str | None) -> str | None:
    """The ISO date at the start of a listed date ("2025-10-09 10:12:00" -> "2025-10-09")."""
    if not value:
        return None
    text = value.strip()[:10]
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def judge_page(page: ListPage, previous: ListPage | None) -> str | None:
    """What is wrong with a walked page (None: nothing): total without items, the previous page
    repeated, items out of date order."""
    if not page.items:
        expected = (page.total is not None and page.page_size is not None
                    and page.total > (page.number - 1) * page.page_size) or (
            page.pages is not None and page.number <= page.pages)
        return f"total {page.total} but no items" if expected else None
    urls = [item.url for item in page.items]
    if previous is not None and previous.number == page.number - 1 and urls == [
            item.url for item in previous.items]:
        return f"repeats page {previous.number}"
    dates = [d for d in (parse_day(item.published) for item in page.items) if d]
    if page.number > 1 and any(later > earlier for earlier, later in zip(dates, dates[1:],
                                                                       strict=False)):
        return "items out of date order"
    before = [d for d in (parse_day(i.published) for i in previous.items) if d] if (
        previous is not None) else []
    if page.number > 1 and before and dates and dates[0] > before[-1]:
        return f"items newer than page {previous.number if previous else '?'}'s"
    return None


def repeats(page: ListPage, before: ListPage | None) -> str | None:
    """A page that repeats the page before it, read on an earlier night (the walk resumed on
    it). Only a repeat: its dates are not compared, since items posted in between shift the
    pages of a list and may bring a later date onto a page."""
    if before is None or not page.items or [i.url for i in page.items] != [
            i.url for i in before.items]:
        return None
    return f"repeats page {before.number} (read on an earlier night)"


def remember_page(state: WalkState, page: ListPage) -> None:
    """Keep the page walked (and the one before it) in the walk's state."""
    kept = [p for p in json.loads(state.recent_pages or "[]") if p["number"] < page.number]
    kept.append({"number": page.number,
                 "items": [[item.url, item.published] for item in page.items]})
    state.recent_pages = json.dumps(kept[-2:], ensure_ascii=False)


def remembered_page(state: WalkState, number: int) -> ListPage | None:
    """A page this walk read on an earlier night, as far as judging the next one needs it."""
    for kept in json.loads(state.recent_pages or "[]"):
        if kept["number"] == number:
            return ListPage(number=number, items=[ListItem(url=url, published=published)
                                                  for url, published in kept["items"]])
    return None


def stop_reason(page: ListPage, since: str) -> str | None:
    """Why a walk is complete after this page (None: go on)."""
    dates = [parse_day(item.published) for item in page.items]
    if page.items and all(d is not None and d < since for d in dates):
        return "reached backfill_since"
    if not page.items:
        return "end of the list"
    if page.total is not None and page.page_size and page.number * page.page_size >= page.total:
        return "end of the list"
    if page.pages is not None and page.number >= page.pages:
        return "end of the list"
    if page.has_next is False:
        return "end of the list"
    return None


def _days(page: ListPage) -> list[str]:
    """The dates of a page's items (undated ones left out)."""
    return [d for d in (parse_day(item.published) for item in page.items) if d]


def items_to_fetch(page: ListPage, since: str) -> list[ListItem]:
    """A walked page's items on or after backfill_since (undated ones too)."""
    return [item for item in page.items
            if (day := parse_day(item.published)) is None or day >= since]


@dataclass
class Decision:
    """What to do after a list page: fetch these items, then this page (None: stop)."""

    items: list[ListItem]
    next_page: int | None = None
    problem: str | None = None


@dataclass
class Gap:
    """A stretch of a list that catching up left unread: the items after `after` down to the
    first one the archive knew before catching up began. When the list began with `top`,
    `after` was the last item of page `page`; without `top`, it was on that page or a later
    one. Items are added at the top, so the stretch is there or further on now. (`after` None:
    a row written before stretches were kept, which gave only the page to go on from, page + 1.)
    """

    after: str | None
    page: int
    top: str | None = None
    day: str | None = None  # the listed date of `after`

    @property
    def resumes_at(self) -> int:
        """The page reading goes on from when the list has not changed (`list_catch_ups`)."""
        return self.page + 1 if self.after is None or self.top else self.page


def gaps_of(row: dict[str, Any] | None) -> list[Gap]:
    """The unread stretches a `list_catch_ups` row keeps, top to bottom."""
    if not row:
        return []
    if row.get("gaps"):
        return [Gap(**gap) for gap in json.loads(row["gaps"])]
    return [Gap(None, row["next_page"] - 1)] if row.get("next_page") else []


@dataclass
class CatchUp:
    """One list's catching up in one night: the stretches still to read (those earlier nights
    left, top to bottom), the list's first item tonight, and what the next night is to read if
    this one stops (`left`: were the page budget to stop it before the page asked for;
    `before`: were it killed before the page being read was done)."""

    gaps: list[Gap]
    top: str | None = None
    resumed: bool = False  # an earlier night left stretches unread
    all_new: bool = False  # nothing on tonight's first page was known
    jump: tuple[int, bool] | None = None  # page asked for to reach gaps[0]; exactly where it begins
    left: list[Gap] = field(default_factory=list)
    before: list[Gap] = field(default_factory=list)

    def read(self, page: ListPage, known: set[str]) -> bool:
        """Take in a page: the stretches it enters are no longer pending. Whether the unread
        stretch being read runs on past the page."""
        start, entered = 0, False
        if self.gaps and self.jump == (page.number, True):  # the stretch begins at its top
            self.gaps.pop(0)
            entered = True
        while self.gaps and (found := _stretch_start(page, self.gaps[0], start)) is not None:
            self.gaps.pop(0)
            start, entered = found, True
        if page.number == 1 and not entered:
            self.all_new = not known
            return self.all_new
        tail = page.items[start:]
        if not entered and self.gaps and page.number >= self.gaps[0].page:
            gap = self.gaps[0]  # looked for and not found: on a later page
            self.gaps[0] = Gap(gap.after, page.number + 1, None, gap.day)
        return not tail or tail[-1].url not in known

    def target(self, number: int) -> int | None:
        """The page that reaches the next stretch still to read, after page `number` (None:
        none left); a stretch passed already is dropped (only one from an old row can be)."""
        while self.gaps:
            gap = self.gaps[0]
            exact = gap.after is None or (gap.top is not None and gap.top == self.top)
            page = gap.page + 1 if exact else max(gap.page, number + 1)
            if page > number:
                self.jump = (page, exact)
                return page
            self.gaps.pop(0)
        return None

    def killed(self, left: list[Gap]) -> list[Gap]:
        """The stretches left unread were the night killed now (the page just read may not be
        stored): those that take it to this page again, then those after it (`left`)."""
        return [*self.before[:max(0, len(self.before) - len(self.gaps))], *left]

    def stopped_after(self, page: ListPage, runs_on: bool) -> list[Gap]:
        """The stretches left unread were reading to stop after this page."""
        if not runs_on:
            return list(self.gaps)
        last = page.items[-1]
        return [Gap(last.url, page.number, self.top, parse_day(last.published)), *self.gaps]


def _stretch_start(page: ListPage, gap: Gap, start: int) -> int | None:
    """Where on the page (from `start`) the gap's stretch begins: after its `after` item, or,
    that item gone from the list, at the first item listed on an earlier day (None: not on
    this page)."""
    urls = [item.url for item in page.items]
    if gap.after in urls[start:]:
        return urls.index(gap.after, start) + 1
    if gap.after is None or gap.day is None or page.number < gap.page:
        return None
    return next((i for i in range(start, len(urls))
                 if (day := parse_day(page.items[i].published)) and day < gap.day), None)


class Walks:
    """One source's lists in one run: which pages to read, the budget, the walks' states.

    With an archive, the states come from `list_walks` and every page read is written back at
    once; without one (a spider on saved pages in a test) they live in memory.
    """

    def __init__(self, source: str, as_of: str, since: str, budget: int, *,
                 archive: Archive | None = None, forced: bool = False,
                 first_run: bool = False, nightly_only: bool = False) -> None:
        self.source = source
        self.nightly_only = nightly_only  # read first pages only, whatever the states say
        self.as_of = as_of
        self.since = since
        self.budget = budget
        self.archive = archive
        self.forced = forced
        self.first_run = first_run
        self.states: dict[str, WalkState] = {}
        if archive is not None:
            self.states = {row["list"]: WalkState(**row) for row in archive.list_walks(source)}
        self.specs: dict[str, ListSpec] = {}
        self.modes: dict[str, str] = {}
        self.tallies: dict[str, Tally] = {}
        self.resume: dict[str, int] = {}  # list -> the page an earlier night stopped at
        self.completed: set[str] = set()  # lists whose walk completed in this crawl
        self._last_complete = {k: s.last_complete_walk for k, s in self.states.items()}
        self.pending: dict[str, int] = {}  # list -> the page to continue from next night
        self.used = 0
        self.backfilling = first_run
        # catching up: lists whose first page held nothing the archive knows are read on
        self.catch_ups = archive.list_catch_ups(source) if archive is not None else {}
        self.caught_up: dict[str, int] = {}  # list -> pages read tonight to catch up
        self.catch_up_cut: dict[str, int] = {}  # list -> the page the budget stopped it at
        self.catch_up_done: set[str] = set()  # lists whose catching up is over tonight
        self.catching_up: dict[str, CatchUp] = {}  # list -> its catching up tonight
        self.year_end: set[str] = set()  # closed years' indexes walked to their end tonight
        self.top_day: dict[str, str] = {}  # list -> the latest date on its first page tonight

    # --- planning -------------------------------------------------------------------------
    @property
    def reached(self) -> bool:
        """The source has walked every list it walks back to backfill_since (a closed year's
        index walked to its end again does not count)."""
        walked = [s for s in self.states.values()
                  if s.status and not (s.year_end and s.status != WalkStatus.COMPLETE)]
        return bool(walked) and all(
            s.status == WalkStatus.COMPLETE and (s.since or "") <= self.since for s in walked)

    def plan(self, specs: Iterable[ListSpec]) -> list[tuple[ListSpec, str]]:
        """The lists to read this run and how (FIRST_PAGE or WALK), in the order given."""
        specs = list(specs)
        walking = [] if self.nightly_only else [
            s.key for s in specs if s.walks_back and self._needs_walk(s)]
        self.backfilling = self.first_run or bool(set(walking) - self.year_end)
        planned = []
        for spec in specs:
            self.specs[spec.key] = spec
            if spec.key in walking:
                self._start(spec)
                planned.append((spec, WALK))
            elif spec.nightly:
                planned.append((spec, FIRST_PAGE))
            else:
                continue
            self.modes[spec.key] = planned[-1][1]
        return planned

    def _needs_walk(self, spec: ListSpec) -> bool:
        state = self.states.get(spec.key)
        if self.forced:
            return True
        if self._year_end_due(spec, state):
            self.year_end.add(spec.key)
            return True
        if state is None:  # a list never walked; a new year's index once the source is done
            return not (self.reached and spec.nightly)
        if state.status != WalkStatus.COMPLETE:
            return True
        # backfill_since moved back past where a complete walk stopped: walk on from there
        return bool(state.since and self.since < state.since and state.next_page)

    def _year_end_due(self, spec: ListSpec, state: WalkState | None) -> bool:
        """A closed year's index is walked to its end once after the year is over (so that its
        numbering can be checked, `covered_years`): on the first night of the next year, and
        on later nights until the walk completes. Not for a year backfill_since cuts, nor an
        index the source's backfill still has to walk."""
        year = spec.year
        if (year is None or not spec.walks_back or year >= int(self.as_of[:4])
                or f"{year}-01-01" < self.since):
            return False
        if state is None:  # read, not walked, while the year was under way
            return self.reached
        if state.year_end:
            return state.status != WalkStatus.COMPLETE
        done = state.last_complete_walk
        return state.status == WalkStatus.COMPLETE and (done is None or int(done[:4]) <= year)

    def _start(self, spec: ListSpec) -> None:
        state = self.states.get(spec.key)
        year_end = spec.key in self.year_end
        if state is None:
            state = WalkState(source=self.source, list=spec.key, url=spec.url,
                              series=spec.series, year=spec.year, started_on=self.as_of)
        elif year_end and state.status == WalkStatus.COMPLETE:  # from its first page again
            state.next_page, state.started_on = 1, self.as_of
        elif self.forced:
            state.next_page, state.started_on = 1, self.as_of
        elif state.status == WalkStatus.COMPLETE:
            state.started_on = self.as_of
        state.status, state.since, state.problem = WalkStatus.WALKING.value, self.since, None
        state.url, state.series, state.year = spec.url, spec.series, spec.year
        state.year_end = int(year_end)
        if (state.next_page or 1) > 1:
            self.resume[spec.key] = state.next_page or 1
        self.states[spec.key] = state
        self._save(state)

    def mode(self, key: str) -> str:
        return self.modes.get(key, FIRST_PAGE)

    def take_page(self, key: str, number: int) -> bool:
        """Whether the night's page budget allows reading this page of a walk. A first page is
        free when the list is read every night, or when the walk resumes further on (it is read
        again only for the list's parameters): only pages that take a walk further are counted,
        so each night walks further however many lists resume."""
        if number == 1 and (self.specs[key].nightly or self.resume.get(key, 1) > 1):
            return True
        if self.used >= self.budget:
            self.tallies.setdefault(key, Tally()).stopped = (
                f"page budget of {self.budget} pages per night used")
            if number > 1:  # a list not begun keeps the page it continues from
                self.pending[key] = number
            return False
        self.used += 1
        return True

    # --- reading pages --------------------------------------------------------------------
    def after_page(self, key: str, page: ListPage, previous: ListPage | None) -> Decision:
        """Record a walked page; the items to fetch and the page to read next (None: stop)."""
        state = self.states[key]
        tally = self.tallies.setdefault(key, Tally())
        problem = judge_page(page, previous) or (
            None if previous else repeats(page, remembered_page(state, page.number - 1)))
        if problem:
            return self.stopped(key, page.number, problem)
        fetch = items_to_fetch(page, self.since)
        # page 1 read again to resume a walk further on is read for its parameters, not walked:
        # neither a page nor its dates count for the night's walk
        walked = not (page.number == 1 and self.resume.get(key, 1) > 1)
        if walked:
            tally.pages += 1
            state.pages_walked += 1
            remember_page(state, page)
        state.last_walked_on = self.as_of
        for day in (parse_day(i.published) for i in fetch):
            if day:
                if walked:
                    tally.earliest = min(tally.earliest or day, day)
                    tally.latest = max(tally.latest or day, day)
                state.earliest = min(state.earliest or day, day)
                state.latest = max(state.latest or day, day)
        reason = stop_reason(page, self.since)
        if reason:  # complete once the crawl ends normally (finish): a kill re-reads the page
            state.status = WalkStatus.COMPLETE.value
            state.last_complete_walk = self.as_of
            state.year_end = 0
            # where a walk to an earlier backfill_since would go on: this page when it left
            # items out as too old (even the list's last page), else nowhere
            older_left = len(fetch) < len(page.items)
            state.next_page = (page.number if reason == "reached backfill_since" or older_left
                               else None)
            self.pending.pop(key, None)
            self.completed.add(key)
            self._checkpoint(state, page.number)
            return Decision(fetch)
        self._checkpoint(state, page.number)
        following = page.number + 1
        if page.number == 1:
            following = max(following, self.resume.get(key, 1))
        if not self.take_page(key, following):
            return Decision(fetch)
        self.pending[key] = following
        return Decision(fetch, next_page=following)

    # --- catching up ----------------------------------------------------------------------
    def catch_up(self, key: str, page: ListPage, previous: ListPage | None) -> Decision:
        """A page of a list read, not walked: its first page, or one read to catch up. When
        nothing on the first page is known to the archive (more than a page appeared since the
        last run), the next page is read too, and so on until a page shows an item the archive
        knows, or the list's end, or reaches the dates the list's walk recorded, or the page
        budget stops it. A stretch so left unread is kept by the item it begins after (pages
        shift as items are posted) and read on a later night, after what is new at the top: the
        page it was on is asked for again only when the list has changed since. A night whose
        first page holds a known item, with no stretch left, reads nothing more."""
        spec = self.specs.get(key)
        number = page.number
        if (self.archive is None or spec is None or not spec.walks_back
                or self.mode(key) != FIRST_PAGE):
            return Decision(page.items)
        fetch = page.items if number == 1 else items_to_fetch(page, self.since)
        if number > 1:
            problem = judge_page(page, previous)
            if problem:
                return Decision([], problem=f"list {key} page {number}: {problem}; catching up "
                                            "stops there and resumes next night")
            self.caught_up[key] = self.caught_up.get(key, 0) + 1
        reading = self._catch_up_of(key, page)
        if number == 1:
            self.top_day[key] = max(_days(page), default=None) or self.as_of
        runs_on = reading.read(page, self.archive.known_urls([i.url for i in page.items]))
        following = self._following(key, reading, page, runs_on)
        if following is None:
            if number > 1 or reading.resumed:
                self.catch_up_done.add(key)
            self._seen_whole(spec, reading, page)
            return Decision(fetch)
        left = reading.stopped_after(page, runs_on)
        if self.used >= self.budget:
            self.catch_up_cut[key] = following
            reading.left = left
            return Decision(fetch)
        self.used += 1
        self._save_catch_up(key, reading.killed(left))
        reading.before = left
        return Decision(fetch, next_page=following)

    def _seen_whole(self, spec: ListSpec, reading: CatchUp, page: ListPage) -> None:
        """This year's index read for the first time to its end (its first page, and the pages
        after it caught up, one after the other, on one night or, cut short, continued on the
        next ones: a list never walked is caught up from its first read, so nothing of it is
        left unread once the reading reaches its end): it is known whole as a walk would know
        it, so its numbering is checked so far (`covered_years`), although it was read, not
        walked (a new year's index once the source's backfill is done, `_needs_walk`); once
        the year is over it is walked to its end (`_year_end_due`) and checked whole."""
        key = spec.key
        if (key in self.states or spec.year != int(self.as_of[:4])
                or stop_reason(page, self.since) != "end of the list"):
            return
        days = _days(page)
        self.states[key] = WalkState(
            source=self.source, list=key, url=spec.url, series=spec.series, year=spec.year,
            status=WalkStatus.COMPLETE.value, next_page=None, since=self.since,
            earliest=min(days, default=None), latest=self.top_day.get(key),
            started_on=self.as_of, last_walked_on=self.as_of, last_complete_walk=self.as_of)
        self.completed.add(key)

    def _catch_up_of(self, key: str, page: ListPage) -> CatchUp:
        """The list's catching up tonight (begun at its first page)."""
        if page.number == 1 or key not in self.catching_up:
            gaps = gaps_of(self.catch_ups.get(key))
            self.catching_up[key] = CatchUp(
                gaps=gaps, top=page.items[0].url if page.items else None, resumed=bool(gaps),
                before=list(gaps))
        return self.catching_up[key]

    def _following(self, key: str, reading: CatchUp, page: ListPage, runs_on: bool
                   ) -> int | None:
        """The page to read next (None: caught up): the next one while the unread stretch
        runs on, else the one that reaches the next stretch left unread."""
        if stop_reason(page, self.since) is not None:
            reading.gaps.clear()  # (nothing further on is unread)
            return None
        if runs_on and not self._reaches_walk(key, page):
            reading.jump = None
            return page.number + 1
        return reading.target(page.number)

    def _reaches_walk(self, key: str, page: ListPage) -> bool:
        """A page that reaches the dates the list's walk read (what follows was walked)."""
        state = self.states.get(key)
        days = [d for d in (parse_day(i.published) for i in page.items) if d]
        return bool(state is not None and state.latest and days and min(days) < state.latest)

    def _save_catch_up(self, key: str, gaps: list[Gap] | None) -> None:
        """Write the stretches the list's catching up leaves unread (None: caught up)."""
        if self.archive is None:
            return
        if gaps is None:
            self.archive.save_list_catch_up(self.source, key, None)
            return
        row = self.catch_ups.get(key) or {}
        self.archive.save_list_catch_up(self.source, key, {
            "next_page": gaps[0].resumes_at if gaps else None,
            "started_on": row.get("started_on") or self.as_of,
            "pages": (row.get("pages") or 0) + self.caught_up.get(key, 0),
            "gaps": json.dumps([asdict(gap) for gap in gaps], ensure_ascii=False)})

    @property
    def beyond_first_pages(self) -> bool:
        """Lists were read past their first pages without a backfill (catching up, a closed
        year's index walked to its end): the night is no yardstick for a night's counts."""
        return bool(self.caught_up or self.year_end)

    def notes(self) -> list[str]:
        """What the source's reading did beyond first pages, for the run's report (not
        problems): a closed year's index walked to its end, lists caught up."""
        notes = []
        this_year = int(self.as_of[:4])
        for key in sorted(self.year_end):
            state, tally = self.states[key], self.tallies.get(key, Tally())
            year = state.year
            which = ("last year's index" if year == this_year - 1 else f"the index of {year}")
            how = ("complete" if state.status == WalkStatus.COMPLETE else
                   f"not complete ({tally.stopped or 'stopped'}); continues next night")
            notes.append(f"walking {which} ({key}) to its end, so that the numbering of {year} "
                         f"can be checked: {_plural(tally.pages, 'list page')} read; {how}")
        notes += [self._catch_up_note(key)
                  for key in sorted(set(self.caught_up) | set(self.catch_up_cut))]
        return notes

    def _catch_up_note(self, key: str) -> str:
        """What catching up did on a list tonight: why (its first page all new, stretches an
        earlier night left unread), the pages read, and whether it is over."""
        reading = self.catching_up.get(key)
        why = []
        if reading is None or reading.all_new:
            why.append("more than a page new since the last run")
        if reading is not None and reading.resumed:
            begun = (self.catch_ups.get(key) or {}).get("started_on")
            why.append(f"catching up begun on {begun} continued")
        text = (f"list {key}: {'; '.join(why)}: "
                f"{_plural(self.caught_up.get(key, 0), 'page')} after the first read to catch up")
        if key in self.catch_up_cut:
            return text + (f"; stopped before page {self.catch_up_cut[key]} by the page budget "
                           f"of {self.budget} pages per night; continues next night")
        if key in self.catch_up_done:
            return text + "; caught up"
        return text + "; stopped by a problem with a page; continues next night"

    def stopped(self, key: str, number: int, problem: str) -> Decision:
        """A walked page could not be used: the walk stops there and is retried there."""
        state = self.states[key]
        where = f"list {key} page {number}: {problem}"
        message = f"{where}; the walk stops there and resumes next night"
        state.status, state.next_page, state.problem = (WalkStatus.STOPPED.value, number,
                                                        message)
        state.last_walked_on = self.as_of
        self.tallies.setdefault(key, Tally()).stopped = where
        self.pending.pop(key, None)
        self._save(state)
        return Decision([], problem=message)

    def failed(self, key: str, number: int, reason: str) -> None:
        """A walked page did not download (the problem is reported by the spider): the walk
        resumes there next night."""
        self.stopped(key, number, reason)

    def not_read(self, key: str, number: int, reason: str) -> None:
        """A walked page was dropped before it was read: the walk continues there next night."""
        self.tallies.setdefault(key, Tally()).stopped = f"list {key} page {number}: {reason}"
        if number > 1:
            self.pending[key] = number

    def finish(self) -> None:
        """The source's crawl ended normally: walks cut by the budget continue next night from
        the page after the last one read; complete walks are written complete."""
        for key, page in self.pending.items():
            state = self.states[key]
            if state.status == WalkStatus.WALKING:
                state.next_page = page
                self._save(state)
        for key in self.completed:
            self._save(self.states[key])
        self.pending.clear()
        self.completed.clear()
        for key in self.catch_up_cut:
            self._save_catch_up(key, self.catching_up[key].left)
        for key in self.catch_up_done - set(self.catch_up_cut):
            self._save_catch_up(key, None)

    def _checkpoint(self, state: WalkState, number: int) -> None:
        """Where a kill would resume: at the page just read (its articles may not all be
        stored yet), or where an earlier night stopped, whichever is further. The page resumed
        at is walked again then: it is not counted in the pages walked saved here."""
        next_page = max(number, self.resume.get(state.list, 1))
        again = next_page == number and not (number == 1 and self.resume.get(state.list, 1) > 1)
        saved = replace(state, status=WalkStatus.WALKING.value,
                        year_end=int(state.list in self.year_end), next_page=next_page,
                        pages_walked=max(0, state.pages_walked - int(again)),
                        last_complete_walk=self._last_complete.get(state.list))
        self._save(saved)

    def _save(self, state: WalkState) -> None:
        if self.archive is not None:
            self.archive.save_list_walk(asdict(state))

    # --- what the walk did ----------------------------------------------------------------
    @property
    def complete(self) -> bool:
        """Every list this source walks back has completed a walk."""
        return all(s.status == WalkStatus.COMPLETE for s in self.states.values())

    def summary(self) -> dict[str, Any]:
        """Pages walked, the dates reached and where each walk stands, for this run."""
        days = [t.earliest for t in self.tallies.values() if t.earliest]
        lasts = [t.latest for t in self.tallies.values() if t.latest]
        lists = []
        for key in sorted(k for k in self.modes if self.modes[k] == WALK):
            state, tally = self.states[key], self.tallies.get(key, Tally())
            lists.append({"list": key, "pages": tally.pages, "earliest": tally.earliest,
                          "latest": tally.latest, "status": state.status,
                          "next_page": None if state.status == WalkStatus.COMPLETE
                          else state.next_page, "stopped": tally.stopped})
        return {"pages": sum(t.pages for t in self.tallies.values()),
                "earliest": min(days) if days else None, "latest": max(lasts) if lasts else None,
                "complete": self.complete, "lists": lists, "walked_back": bool(lists)}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def quiet_before(as_of: str) -> str:
    """A backfill's findings dated before this day get no change of their own."""
    return shift(as_of, -REPORT_RECENT_DAYS)


# --- number gaps and coverage --------------------------------------------------------------


def missing_numbers(numbers: Iterable[int], highest: int | None = None) -> list[int]:
    """The numbers from 1 to the highest seen (or to `highest`) that were never seen."""
    seen = set(numbers)
    top = max(seen, default=0) if highest is None else highest
    return [n for n in range(1, top + 1) if n not in seen]


def number_runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def describe_gaps(series: str, year: int, numbers: list[int]) -> str:
    """"MOFCOM-2025-63, -64" (long runs as "MOFCOM-2020-1 … -37")."""
    parts = []
    for first, last in number_runs(numbers):
        if last - first + 1 >= GAP_RANGE_FROM:
            parts.append(f"{first} … -{last}")
        else:
            parts.extend(str(n) for n in range(first, last + 1))
    return f"{series}-{year}-" + ", -".join(parts) if parts else ""


def under_way(row: dict[str, Any]) -> bool:
    """A series' coverage row is of the year under way on the run's date that wrote it (its
    numbering checked so far, up to the numbers published `GAP_SETTLE_DAYS` before)."""
    return bool(row.get("year") and row.get("as_of")) and str(row["year"]) == row["as_of"][:4]


def covered_years(walks: Iterable[dict[str, Any]], as_of: str
                  ) -> dict[str, dict[int, NumberCheck]]:
    """Per series, the years whose numbering a complete walk covered and how each is checked
    (see the module doc); a year two walks cover is checked whole if either checks it so."""
    this_year = int(as_of[:4])
    covered: dict[str, dict[int, NumberCheck]] = {}
    for walk in walks:
        if not walk["series"] or not walk["last_complete_walk"]:
            continue
        years = covered.setdefault(walk["series"], {})
        for year, check in walk_covers(walk, this_year).items():
            if years.get(year) != NumberCheck.WHOLE_YEAR:
                years[year] = check
    return covered


def walk_covers(walk: dict[str, Any], this_year: int) -> dict[int, NumberCheck]:
    """The years up to this_year whose 1 January a complete walk reached back to: whole when it
    ended after the year did, so far when it ended in the year (or before it began: the first
    pages read every night since carry the column on)."""
    done_year = int(walk["last_complete_walk"][:4])
    since = walk["since"] or "0000-01-01"
    if walk["year"]:  # a year's index: that year, unless backfill_since cut it
        years = [walk["year"]] if since <= f"{walk['year']}-01-01" else []
    else:
        # a walk that stopped at backfill_since reached it; one that ran out of pages, its
        # earliest item (the years before that are not known to be whole)
        reach = since if walk["next_page"] else (walk["earliest"] or "9999-12-31")
        first = int(reach[:4]) + (0 if reach[5:] == "01-01" else 1)
        years = [y for y in range(first, this_year + 1) if f"{y}-01-01" >= since]
    return {y: NumberCheck.WHOLE_YEAR if y < done_year else NumberCheck.SO_FAR
            for y in years if y <= this_year}


def settled_by(as_of: str) -> str:
    """In a year checked so far, the numbers published on or before this day are checked."""
    return shift(as_of, -GAP_SETTLE_DAYS)


def year_gaps(archive: Archive, key: tuple[str, int], check: NumberCheck | None, as_of: str
              ) -> tuple[list[int], list[int], list[int]]:
    """A series' year: the numbers seen, those that may be missing and those known only as
    cited (none in a year not covered). Checked so far, only up to the highest number published
    by `settled_by` (a cited measure without a date of its own counts from its citing text's),
    and only the cited measures known by then."""
    if check is None:
        return [], [], []
    numbers, cited = archive.measure_numbers(*key), archive.cited_only_numbers(*key)
    if check == NumberCheck.WHOLE_YEAR:
        return numbers, missing_numbers(numbers), cited
    settled = settled_by(as_of)
    known = {n for n, day in archive.measure_number_days(*key).items()
             if day is not None and day <= settled}
    return (numbers, missing_numbers(numbers, max(known, default=0)),
            [n for n in cited if n in known])


@dataclass
class CitedNotListed:
    """Measures of a series and year known only as cited that `coverage.cited_only` does not
    list yet: the archive summary counts them all the same ("and cites M more")."""

    series: str
    year: int
    numbers: list[int]
    checked: bool  # the year's numbering is checked (so far): they were first cited lately


def cited_not_listed(archive: Archive) -> list[CitedNotListed]:
    """The measures known only as cited that the coverage rows, as last written, leave out
    (`year_gaps` on the row's as_of): in a year checked so far, those first cited by a text
    published within `GAP_SETTLE_DAYS` of it (their own page may still come); those of a year
    no walk covered. With the rows, every measure the archive summary counts as cited."""
    rows = {(r["name"], r["year"]): r for r in archive.coverage() if r["scope"] == "series"}
    walks = archive.all_list_walks()
    found = []
    for key in archive.cited_only_years():
        row = rows.get(key) or {}
        check = covered_years(walks, row["as_of"]).get(key[0], {}).get(key[1]) if (
            row.get("covered") and row.get("as_of")) else None
        listed = set(year_gaps(archive, key, check, row.get("as_of") or "")[2])
        rest = [n for n in archive.cited_only_numbers(*key) if n not in listed]
        if rest:
            found.append(CitedNotListed(*key, rest, check is not None))
    return found


def write_coverage(archive: Archive, as_of: str, run_id: str | None = None
                   ) -> dict[tuple[str, int], list[int]]:
    """Bring `coverage` and `number_gaps` up to date with the archive on as_of; the gaps.

    The first time (or without run_id), everything; then only what changed since the run that
    last wrote them: per source, the documents first stored since and the dates (by index); the
    series and years of the measures this run saw, those whose years the walks now cover or
    cover otherwise (a walk completed tonight), and every year checked so far (its week moved
    on). A night's cost follows what it changed, not the size of the archive."""
    since = archive.coverage_run() if run_id else None
    walks = archive.all_list_walks()
    covered = covered_years(walks, as_of)
    previous = {(r["scope"], r["name"], r["year"]): r for r in archive.coverage()}
    if since is None:
        sources, series, keys = archive.source_coverage(), archive.series_coverage(), None
    else:
        sources = _sources_since(archive, since, walks, previous)
        keys = sorted(set(archive.series_years_seen(as_of))
                      | _to_check_again(previous, covered, walks, as_of))
        series = _series_since(archive, since, keys, previous)
    rows = [_source_row(row, as_of, run_id) for row in sources]
    gap_rows = []
    for row in series:
        key = (row["series"], row["year"])
        check = covered.get(row["series"], {}).get(row["year"])
        numbers, missing, cited = year_gaps(archive, key, check, as_of)
        if missing:
            gap_rows += _gap_rows(key, numbers, missing)
        rows.append({"scope": "series", "name": row["series"], "year": row["year"],
                     "earliest": row["earliest"], "latest": row["latest"], "documents": None,
                     "measures": row["measures"], **series_walk(walks, *key),
                     "covered": int(check is not None),
                     "highest": row["highest"], "gaps": len(missing),
                     "missing": describe_gaps(*key, missing) or None,
                     "cited_only": describe_gaps(*key, cited) or None, "as_of": as_of,
                     "run_id": run_id})
    archive.write_coverage(rows, gap_rows, as_of, keys)
    return _all_gaps(archive)


def series_walk(walks: list[dict[str, Any]], series: str, year: int) -> dict[str, Any]:
    """A series' year as its lists' walks reached it: the pages walked of the lists that carry
    it (its year's index; a column of the whole series, such as GACC's, for every year), how
    they stand (`complete` when all are) and the last walk by which all were complete."""
    carrying = [w for w in walks if w["series"] == series and w["year"] in (year, None)]
    if not carrying:
        return {"pages_walked": None, "walk": None, "last_complete_walk": None}
    statuses = {w["status"] for w in carrying}
    walk = next((s for s in (WalkStatus.STOPPED, WalkStatus.WALKING) if s in statuses),
                WalkStatus.COMPLETE)
    complete = [w["last_complete_walk"] for w in carrying]
    return {"pages_walked": sum(w["pages_walked"] or 0 for w in carrying), "walk": walk.value,
            "last_complete_walk": min(complete) if all(complete) else None}


def _to_check_again(previous: dict[tuple[str, str, int | None], dict[str, Any]],
                    covered: dict[str, dict[int, NumberCheck]], walks: list[dict[str, Any]],
                    as_of: str) -> set[tuple[str, int]]:
    """The series' years whose numbering may be checked otherwise than when last written: the
    walks now cover them or no longer do, a walk completed on as_of covers them (so far becomes
    whole), or they are checked so far (the numbers of a week ago are settled now)."""
    this_year = int(as_of[:4])
    tonight = {(w["series"], year) for w in walks
               if w["series"] and w["last_complete_walk"] == as_of
               for year in walk_covers(w, this_year)}
    so_far = {(name, year) for name, years in covered.items()
              for year, check in years.items() if check == NumberCheck.SO_FAR}
    flipped = {(name, year) for (scope, name, year), row in previous.items()
               if scope == "series" and bool(row["covered"]) != (year in covered.get(name, {}))}
    return flipped | tonight | so_far


def _sources_since(archive: Archive, since: str, walks: list[dict[str, Any]],
                   previous: dict[tuple[str, str, int | None], dict[str, Any]]
                   ) -> list[dict[str, Any]]:
    """The source rows again, their document counts brought up by the documents since."""
    new = archive.new_documents(since)
    known = {name for (scope, name, _), _ in previous.items() if scope == "source"}
    names = sorted(known | set(new) | {w["source"] for w in walks})
    rows = archive.source_coverage(names)
    for row in rows:
        before = previous.get(("source", row["source"], None))
        if before is None:  # a source not counted yet: counted once in full
            row["documents"] = archive.new_documents(None).get(row["source"], 0)
        else:
            row["documents"] = (before["documents"] or 0) + new.get(row["source"], 0)
    return rows


def _series_since(archive: Archive, since: str, keys: list[tuple[str, int]],
                  previous: dict[tuple[str, str, int | None], dict[str, Any]]
                  ) -> list[dict[str, Any]]:
    """The rows of these series and years again: counts and highest numbers brought up by the
    measures since, dates by index; a year not seen before is computed in full."""
    new = archive.new_measures(since)
    rows = []
    for series, year in keys:
        before = previous.get(("series", series, year))
        if before is None:
            rows += archive.series_coverage([(series, year)])
            continue
        count, highest = new.get((series, year), (0, None))
        rows.append({"series": series, "year": year, **archive.series_dates(series, year),
                     "measures": (before["measures"] or 0) + count,
                     "highest": max(before["highest"] or 0, highest or 0) or None})
    return rows


def _gap_rows(key: tuple[str, int], numbers: list[int], missing: list[int]
              ) -> list[dict[str, Any]]:
    seen = sorted(set(numbers))
    series, year = key
    return [{"measure": f"{series}-{year}-{number}", "series": series, "year": year,
             "number": number, "after": max((n for n in seen if n < number), default=None),
             "before": min((n for n in seen if n > number), default=None)}
            for number in missing]


def _all_gaps(archive: Archive) -> dict[tuple[str, int], list[int]]:
    found: dict[tuple[str, int], list[int]] = {}
    for gap in archive.number_gaps():
        found.setdefault((gap["series"], gap["year"]), []).append(gap["number"])
    return found


def _source_row(row: dict[str, Any], as_of: str, run_id: str | None) -> dict[str, Any]:
    return {"scope": "source", "name": row["source"], "year": None,
            "earliest": row["earliest"], "latest": row["latest"],
            "documents": row["documents"], "measures": row["measures"],
            "pages_walked": row["pages_walked"], "walk": row["walk"],
            "last_complete_walk": row["last_complete_walk"], "covered": None,
            "highest": None, "gaps": None, "missing": None, "cited_only": None, "as_of": as_of,
            "run_id": run_id}


# --- the archive in one line ---------------------------------------------------------------


def month(day: str | None) -> str:
    return day[:7] if day else "?"


def archive_summary(archive: Archive, as_of: str) -> str:
    """"The archive now holds N measures from 2020-01 to 2026-11 (and cites M more); X in
    force, Y suspended (K in part), Z deadlines within 30 days": N the measures whose own text
    it holds, from their publication dates, M those known only as cited by other texts (said
    when there are any); the statuses on as_of of every measure it knows (from the status
    periods, as `regwatch status`), K of the suspended ones partially (said when there are
    any); the deadlines are those `pipelines.regime.deadlines_ahead` lists."""
    facts = archive.archive_facts(as_of)
    if not facts["measures"] and not facts["cited"]:
        return "The archive holds no measures yet."
    # the deadlines the home page and the `deadlines` query list, counted the same way
    measures, deadlines = facts["measures"], len(deadlines_ahead(archive, as_of,
                                                                SUMMARY_DEADLINE_DAYS))
    cites = f" (and cites {facts['cited']} more)" if facts["cited"] else ""
    partly = f" ({facts['partly']} in part)" if facts["partly"] else ""
    return (f"The archive now holds {measures} measure{'s' if measures != 1 else ''} from "
            f"{month(facts['first'])} to {month(facts['last'])}{cites}; {facts['in_force']} in "
            f"force, {facts['suspended']} suspended{partly}, {deadlines} "
            f"deadline{'s' if deadlines != 1 else ''} within {SUMMARY_DEADLINE_DAYS} days.")
