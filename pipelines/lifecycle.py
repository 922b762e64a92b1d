"""Measure lifecycle: a measure's legal status on any date, derived from its events.

Events come from the operative clauses of legal texts (pipelines.clauses). This module is the
ONE place where the rules of time are written down:

- Suspensions (suspended, partially_suspended, suspension_continued) run from their `date` to
  their `until` date, BOTH INCLUSIVE: 至2026年11月10日 means suspended through 10 November, back in
  force on 11 November. No `until` means until further notice.
- Overlapping or back-to-back suspensions of the same measure are one period: a continued
  (extended) suspension moves the end of the period, so a suspension is not "over" while an
  extension found in a legal text covers the next day.
- `resumed` on day R ends every suspension running on R at R - 1, and the revocation of the
  instrument that stated a suspension (废止 No. 70 from R) ends that suspension at R - 1: the
  measure is in force from R, decided by that text (not a deadline passed).
- Back-to-back suspensions are one period whose event is the last (the text that set its end,
  No. 60 continuing No. 70's); `suspending_on` names the instrument suspending on a given day,
  `suspension_chain` each text of the period in turn (what the status phrases and the measure
  page say: "suspended by No. 70 until …, continued by No. 60 until …").
- `revoked` / `removed_from_list` on day D: revoked from D. A revocation of one clause only
  (its `clause` set) is recorded in the timeline but leaves the measure's status alone (there
  is no partially-revoked status); a clause's resumption ends only partial suspensions.
- `expired` on day D: the measure is in force through D and expired from D + 1 (the same
  inclusive rule as suspensions).
- An instrument whose only effect is to suspend others (No. 70 of 2025) gets an `expired`
  event on the last day of its suspensions when its text is stored
  (pipelines.clauses.instrument_expiry, pipelines.store): CONTRACT section 9.
- Otherwise the measure is `announced` before its earliest effective date, then `in_force`
  (clause-level dates later than the earliest are deadlines, not a status).
- A full and a partial suspension at once: `suspended`.
- `extension_announced` (a political statement: a readout, a press conference) is evidence only
  and never moves a legal date or a status.
- A measure known only from mentions, with no legal event, has no status (None); nor has one
  on a day before any event shows it in force (`IN_FORCE_EVIDENCE`: its own text issued or
  taking effect, a suspension of it begun, a resumption): No. 13 of 2025, known only because
  No. 69 stops it from 2025-11-10, has no status before that day (not `in_force`, which no
  text states), and is `revoked` from it. Nor is an amendment or an expiry ahead evidence.
- Copies of one text (the same announcement on MOFCOM's main site, the export-control portal,
  the Security and Control Bureau, a relay) may state a date of the same kind differently (one
  says it takes effect on 1 December, the other on 8 November). Of the documents stating events
  of one kind (the same measure, kind, clause and instrument), only the preferred document's
  count (`chosen_copies`): the first by confidence, then the issuer's own site (MOFCOM's main
  site, Customs') before portals and relays, then the earliest published, then by address,
  the order in which the archive cites evidence (`Archive.events` gives each event its
  `copy_rank`). Status, status periods, deadlines and reminders all read the same date. Where two
  official copies (high confidence, issuing the text that states the event) state different
  dates in different words, the sources disagree (`disagreements`): reported once, shown on the
  measure, and reported again when they agree. A copy silent on a kind says nothing; news and
  relays never disagree (they never win over an official copy either).

Designations of entities (docs/REFERENCE.md, "Entities") follow the same rules: a designation's
events are its listing measure's plus those aimed at the entity itself (one aimed at the entity
on its list in general only if it takes effect once the designation was announced and before it
was removed: `designation_events`), and its status is the measure status they give, mapped
(`designation_state`, `designation_periods`): announced and in_force are `listed`, suspended
and partially_suspended `suspended`, revoked and expired `removed`, with the event's kind
saying which removal it is (`removed_from_list`: 移出; `revoked`: 停止执行, the measures
stopped; `expired`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from pipelines.vocab import Category, DesignationStatus, EventKind, Status

Event = Mapping[str, Any]

SUSPENSION_KINDS = {EventKind.SUSPENDED, EventKind.PARTIALLY_SUSPENDED,
                    EventKind.SUSPENSION_CONTINUED}
ENDING_KINDS = {EventKind.REVOKED, EventKind.REMOVED_FROM_LIST}
EVIDENCE_ONLY = {EventKind.EXTENSION_ANNOUNCED}
# The legal events that show a measure in force (or announced) from their day on: its own text
# issued or taking effect, a suspension of it begun (back in force when it ends), a resumption.
IN_FORCE_EVIDENCE = {EventKind.ISSUED, EventKind.EFFECTIVE, EventKind.RESUMED,
                     *SUSPENSION_KINDS}
SUSPENDED_STATUSES = {Status.SUSPENDED, Status.PARTIALLY_SUSPENDED}


def is_suspending_instrument(measure: Mapping[str, Any] | None) -> bool:
    """A measure (its row) read as an instrument that suspends others (category `suspension`):
    its expiry is their suspension's end, so no reminder or deadline line of its own."""
    return measure is not None and measure.get("category") == Category.SUSPENSION


def shift(iso: str, days: int) -> str:
    """The ISO date `days` days after iso (before, if negative)."""
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def day_after(iso: str) -> str:
    return shift(iso, 1)


def day_before(iso: str) -> str:
    return shift(iso, -1)


def days_until(iso: str, as_of: str) -> int:
    return (date.fromisoformat(iso) - date.fromisoformat(as_of)).days


@dataclass(frozen=True)
class State:
    """A measure's status on a date, the event that decides it and, when suspended, the last
    day of the suspension (None: until further notice)."""

    status: str | None
    event: Event | None = None
    until: str | None = None


@dataclass(frozen=True)
class Period:
    """A suspension period: first and last day (inclusive; last None = open-ended), whether it
    is partial, the event that set its end and, when a legal text cut it short (a resumption,
    or the revocation of the instrument that suspended), that text's event (`ended_by`)."""

    start: str
    end: str | None
    partial: bool
    event: Event
    ended_by: Event | None = None

    def covers(self, day: str) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Deadline:
    """A date ahead that changes a measure's legal state."""

    date: str
    what: str  # "suspension_ends" | "takes_effect" | "expires"
    event: Event


def legal_events(events: Iterable[Event]) -> list[Event]:
    """The events that count for legal status, in date order (evidence-only ones left out, and
    of copies that state one kind of date, the preferred one's: chosen_copies)."""
    kept = [e for e in chosen_copies(events) if e["kind"] not in EVIDENCE_ONLY]
    return sorted(kept, key=lambda e: (e["date"] or "", e["kind"]))


# The kinds of dates copies of a text may disagree on (the date a text is issued on is its
# page's, and an amendment moves no date).
DATED_KINDS = {EventKind.EFFECTIVE, EventKind.EXPIRED, EventKind.RESUMED,
               *SUSPENSION_KINDS, *ENDING_KINDS}


def copy_key(event: Event) -> tuple[str, str | None, str | None]:
    """What copies of a text state alike: the kind of date, its clause and its instrument."""
    return (event["kind"], event.get("clause"), event.get("by_measure"))


def chosen_copies(events: Iterable[Event]) -> list[Event]:
    """The events, with each kind of date (copy_key) read from one document only: the preferred
    one (lowest `copy_rank`, which Archive.events gives: by confidence, date and address).
    Events without a rank (not read from the archive) are kept as they are."""
    events = list(events)
    best: dict[tuple[str, str | None, str | None], int] = {}
    for e in events:
        if e["kind"] in DATED_KINDS and e.get("copy_rank") is not None:
            key = copy_key(e)
            best[key] = min(best.get(key, e["copy_rank"]), e["copy_rank"])
    return [e for e in events if e["kind"] not in DATED_KINDS or e.get("copy_rank") is None
            or e["copy_rank"] == best[copy_key(e)]]


@dataclass(frozen=True)
class Disagreement:
    """Official copies of a text that state one kind of date (copy_key) differently: each
    copy's document with what it states (`dates`: (date, until) pairs) and sentence, the
    preferred first: its dates are the ones the archive uses."""

    kind: str
    clause: str | None
    by_measure: str | None
    copies: tuple[tuple[str, tuple[tuple[str | None, str | None], ...], str | None], ...]

    @property
    def used(self) -> tuple[tuple[str | None, str | None], ...]:
        return self.copies[0][1]

    @property
    def used_document(self) -> str:
        return self.copies[0][0]

    @property
    def signature(self) -> str:
        """What the copies state, in one string (what changes when a copy changes)."""
        return "; ".join(f"{doc}: " + ", ".join(f"{d or ''}/{u or ''}" for d, u in dates)
                         for doc, dates, _ in sorted(self.copies))


def _said(sentence: str | None) -> str:
    return "".join((sentence or "").split())


def disagreements(events: Iterable[Event]) -> list[Disagreement]:
    """Each kind of date (copy_key) that two official copies (`official_copy`: a high-confidence
    document issuing the text that states it) state differently. Copies that state the same
    dates agree; a copy that states none of that kind is silent, not in disagreement; copies
    whose sentences read word for word alike differ only by their pages' dates (自公布之日起
    on pages dated a day apart): the preferred one's date is used, and it is no disagreement of
    the texts."""
    groups: dict[tuple[str, str | None, str | None], dict[str, dict[str, Any]]] = {}
    for e in events:
        if e["kind"] not in DATED_KINDS or not e.get("official_copy") or not e.get("document"):
            continue
        copy = groups.setdefault(copy_key(e), {}).setdefault(
            e["document"], {"rank": e.get("copy_rank") or 0, "dates": set(), "sentences": set()})
        copy["dates"].add((e["date"], e["until"]))
        copy["sentences"].add(_said(e.get("sentence")))
    found = []
    for (kind, clause, by), copies in sorted(groups.items(), key=lambda g: repr(g[0])):
        if len({frozenset(c["dates"]) for c in copies.values()}) < 2:
            continue
        sentences = {s for c in copies.values() for s in c["sentences"]}
        if len(sentences) == 1 and "" not in sentences:
            continue
        ordered = sorted(copies.items(), key=lambda c: (c[1]["rank"], c[0]))
        found.append(Disagreement(kind, clause, by, tuple(
            (doc, tuple(sorted(c["dates"], key=lambda d: (d[0] or "", d[1] or ""))),
             sorted(c["sentences"])[0] or None) for doc, c in ordered)))
    return found


def _is_partial(event: Event, earlier: list[Event]) -> bool:
    if event["kind"] == EventKind.PARTIALLY_SUSPENDED:
        return True
    if event["kind"] == EventKind.SUSPENSION_CONTINUED and not event["clause"]:
        previous = [e for e in earlier if e["kind"] in SUSPENSION_KINDS]
        return bool(previous) and all(_is_partial(e, []) or e["clause"] for e in previous)
    return event["kind"] == EventKind.SUSPENSION_CONTINUED and bool(event["clause"])


def _instrument_revoked(event: Event) -> Event | None:
    """The revocation of the instrument that states a suspension (废止 No. 70 ends the
    suspensions No. 70 imposed), as an event of the suspended measure: archive.events joins
    it as `by_revoked*`; None when there is none."""
    if not event.get("by_revoked"):
        return None
    return {"kind": EventKind.RESUMED.value, "date": event["by_revoked"], "until": None,
            "clause": None, "measure": event.get("measure"),
            "by_measure": event.get("by_revoked_by") or event.get("by_measure"),
            "document": event.get("by_revoked_document"),
            "sentence": event.get("by_revoked_sentence"), "revoked": event.get("by_measure")}


def _raw_periods(legal: list[Event]) -> list[Period]:
    """One period per suspension event, cut short by a resumption or by the revocation of the
    instrument that stated it."""
    resumptions = sorted(((e["date"], bool(e["clause"])), i) for i, e in enumerate(legal)
                         if e["kind"] == EventKind.RESUMED and e["date"])
    raw: list[Period] = []
    for i, event in enumerate(legal):
        if event["kind"] not in SUSPENSION_KINDS or not event["date"]:
            continue
        end, ended_by = event["until"], None
        partial = _is_partial(event, legal[:i])
        for (resumed, of_clause), at in resumptions:
            if of_clause and not partial:
                continue
            if event["date"] < resumed and (end is None or resumed <= end):
                end, ended_by = day_before(resumed), legal[at]
                break
        revoked = _instrument_revoked(event)
        if revoked is not None and revoked["date"] <= event["date"]:
            continue  # the instrument was revoked before its suspension began: it never ran
        if revoked is not None and (end is None or revoked["date"] <= end):
            end, ended_by = day_before(revoked["date"]), revoked
        raw.append(Period(event["date"], end, partial, event, ended_by))
    return raw


def suspension_periods(events: Iterable[Event]) -> list[Period]:
    """Suspension periods, resumptions applied, overlapping ones of the same kind merged."""
    raw = _raw_periods(legal_events(events))
    merged: list[Period] = []
    for partial in (False, True):
        for period in sorted((p for p in raw if p.partial == partial), key=lambda p: p.start):
            last = merged[-1] if merged and merged[-1].partial == partial else None
            if last is not None and (last.end is None or period.start <= day_after(last.end)):
                if last.end is None or (period.end is not None and period.end <= last.end):
                    continue
                merged[-1] = Period(last.start, period.end, partial, period.event,
                                    period.ended_by)
            else:
                merged.append(period)
    return merged


def suspending_on(events: Iterable[Event], day: str) -> Event | None:
    """The event whose suspension runs on day (No. 70's until its last day, then No. 60's that
    continues it), where the merged period's event is the last of them; None if none runs."""
    legal = legal_events(events)
    running = [p for p in _raw_periods(legal) if p.covers(day)]
    full = [p for p in running if not p.partial] or running
    return max(full, key=lambda p: p.start).event if full else None


@dataclass(frozen=True)
class Link:
    """One text's part of a suspension period: the instrument (`by`, None: the measure's own
    text), its first and last day inside the period (last None: until further notice)."""

    by: str | None
    first: str
    last: str | None


def suspension_chain(events: Iterable[Event], start: str, end: str | None, partial: bool
                     ) -> list[Link]:
    """The texts of the suspension period [start, end] in turn: No. 70's suspension until its
    last day, then No. 60's that continues it (suspension_periods merges them into one period
    whose event is the last). One link when one text set the whole period."""
    raw = sorted((p for p in _raw_periods(legal_events(events)) if p.partial == partial
                  and (end is None or p.start <= end) and (p.end is None or p.end >= start)),
                 key=lambda p: (p.start, p.end or "9999-12-31"))
    chain: list[Link] = []
    for period in raw:
        by = period.event.get("by_measure")
        first = max(period.start, start)
        last = period.end if end is None or (period.end is not None and period.end < end) \
            else end
        if chain and (chain[-1].last is None or (last is not None and last <= chain[-1].last)):
            continue  # inside the part before it (a second copy, a shorter term)
        if chain and chain[-1].by == by:
            chain[-1] = Link(by, chain[-1].first, last)
            continue
        if chain and chain[-1].last is not None and first <= chain[-1].last:
            first = day_after(chain[-1].last)  # a continuation published before the end
        chain.append(Link(by, first, last))
    return chain


def _ended_by_text(legal: list[Event], as_of: str) -> Event | None:
    """The legal text that ended the measure's last suspension before as_of early (a
    resumption, the instrument's revocation), if the last one ended that way."""
    ended = [p for p in suspension_periods(legal) if p.end is not None and p.end < as_of]
    last = max(ended, key=lambda p: p.end or "", default=None)
    return last.ended_by if last is not None else None


def shown_in_force(legal: list[Event], as_of: str) -> bool:
    """Whether a legal event dated on or before as_of shows the measure in force
    (IN_FORCE_EVIDENCE); without one, in force is a guess, and the measure has no status."""
    return any(e["kind"] in IN_FORCE_EVIDENCE and e["date"] and e["date"] <= as_of
               for e in legal)


def status_on(events: Iterable[Event], as_of: str) -> State:
    """The status on the ISO date as_of (see the module docstring for the rules)."""
    legal = legal_events(events)
    if not legal:
        return State(None)
    ending = [e for e in legal if e["kind"] in ENDING_KINDS and e["date"] and e["date"] <= as_of
              and not e["clause"]]
    if ending:
        return State(Status.REVOKED.value, ending[0])
    expiring = [e for e in legal if e["kind"] == EventKind.EXPIRED and e["date"]
                and e["date"] < as_of]
    if expiring:
        return State(Status.EXPIRED.value, expiring[0])
    running = [p for p in suspension_periods(legal) if p.covers(as_of)]
    if running:
        period = next((p for p in running if not p.partial), running[0])
        status = Status.PARTIALLY_SUSPENDED if period.partial else Status.SUSPENDED
        return State(status.value, period.event, period.end)
    effective = [e for e in legal if e["kind"] == EventKind.EFFECTIVE and e["date"]]
    if effective and min(e["date"] for e in effective) > as_of:
        return State(Status.ANNOUNCED.value, min(effective, key=lambda e: e["date"]))
    if not shown_in_force(legal, as_of):
        return State(None)  # known only as cited, by a text taking effect later (or never)
    decided = _ended_by_text(legal, as_of) or (
        min(effective, key=lambda e: e["date"]) if effective else legal[0])
    return State(Status.IN_FORCE.value, decided)


def ended_suspensions(events: Iterable[Event], after: str, as_of: str) -> list[Period]:
    """Suspension periods whose last day fell in [after, as_of): over by as_of, running (or
    ending that day) on `after`. A period extended by a later legal text is not over, nor one
    the measure's revocation (or removal) cut short: it did not end, the measure did."""
    legal = legal_events(events)
    ended = {e["date"] for e in legal if e["kind"] in ENDING_KINDS and e["date"]
             and not e["clause"]}
    return [p for p in suspension_periods(legal)
            if p.end is not None and after <= p.end < as_of
            and not any(day <= p.end for day in ended)]


def deadlines(events: Iterable[Event], as_of: str, horizon_days: int) -> list[Deadline]:
    """Dates within horizon_days after as_of (as_of itself included) that change the measure's
    legal state: a suspension's last day, a (clause's) effective date, an expiry."""
    legal = legal_events(events)
    state = status_on(legal, as_of)
    if state.status in (Status.REVOKED, Status.EXPIRED):
        return []
    last = shift(as_of, horizon_days)
    found: list[Deadline] = []
    periods = suspension_periods(legal)
    for period in periods:
        if period.covers(as_of) and period.end is not None and period.end <= last:
            found.append(Deadline(period.end, "suspension_ends", period.event))
    for event in legal:
        day = event["date"]
        if not day or not (as_of < day <= last):
            continue
        suspended_then = any(p.covers(day) and not p.partial for p in periods)
        if event["kind"] == EventKind.EFFECTIVE and not suspended_then:
            found.append(Deadline(day, "takes_effect", event))
        elif event["kind"] == EventKind.EXPIRED:
            found.append(Deadline(day, "expires", event))
    unique = {(d.date, d.what, d.event["clause"]): d for d in reversed(found)}
    return sorted(unique.values(), key=lambda d: (d.date, d.what))



@dataclass(frozen=True)
class StatusPeriod:
    """A stretch of days (inclusive; `last` None = open-ended) with one status: of the whole
    measure (`clause` None), or of one clause where it differs from the measure's."""

    status: str
    first: str
    last: str | None
    clause: str | None
    event: Event  # the event that decides it (its by_measure, document and sentence)


def _decided_by(state: State) -> tuple[str | None, str | None]:
    event = state.event or {}
    return state.until, event.get("by_measure")


def _boundaries(legal: list[Event]) -> list[str]:
    """The days on which status_on may change: event days and the days after an end."""
    days = {e["date"] for e in legal if e["date"]}
    days |= {day_after(e["until"]) for e in legal if e["until"]}
    days |= {day_after(e["date"]) for e in legal if e["kind"] == EventKind.EXPIRED and e["date"]}
    days |= {day_after(p.end) for p in suspension_periods(legal) if p.end}
    return sorted(days)


def status_periods(events: Iterable[Event]) -> list[StatusPeriod]:
    """The measure's statuses over time, as status_on gives them day by day, from its first
    dated legal event on; then clause-level periods: a clause's partial suspension, and a clause
    announced until a later effective date of its own."""
    legal = legal_events(events)
    periods: list[StatusPeriod] = []
    key: tuple[str | None, ...] = ()
    for day in _boundaries(legal):
        state = status_on(legal, day)
        if state.status is None or (state.status, *_decided_by(state)) == key:
            continue
        key = (state.status, *_decided_by(state))
        if periods:
            last = periods[-1]
            periods[-1] = StatusPeriod(last.status, last.first, day_before(day), None, last.event)
        periods.append(StatusPeriod(state.status, day, None, None, state.event or {}))
    periods += [StatusPeriod(Status.SUSPENDED.value, p.start, p.end, p.event["clause"], p.event)
                for p in suspension_periods(legal) if p.partial and p.event["clause"]]
    effective = [e for e in legal if e["kind"] == EventKind.EFFECTIVE and e["date"]]
    if effective and periods:
        first = min(e["date"] for e in effective)
        later = {(e["clause"], e["date"]): e for e in reversed(effective)
                 if e["clause"] and e["date"] > first}  # the same date from two copies: once
        periods += [StatusPeriod(Status.ANNOUNCED.value, periods[0].first, day_before(day),
                                 clause, event) for (clause, day), event in sorted(later.items())]
    return periods


def status_from_periods(periods: Iterable[StatusPeriod], day: str) -> str | None:
    """The measure's status on day, read from its periods (what measure_status answers)."""
    return next((p.status for p in periods if p.clause is None and p.first <= day
                 and (p.last is None or day <= p.last)), None)


def began_on(periods: Sequence[StatusPeriod | DesignationPeriod], day: str) -> str | None:
    """The first day of the status that holds on day, from a measure's own periods (no
    clause's) or a designation's: the start of the period holding day, and of those before it
    with the same status back to back (a suspension one text began and another continued is one
    suspension); None when no period holds day. What a report dates a status change by."""
    periods = sorted(periods, key=lambda p: p.first)
    at = next((i for i, p in enumerate(periods)
               if p.first <= day and (p.last is None or day <= p.last)), None)
    if at is None:
        return None
    while at > 0 and periods[at - 1].status == periods[at].status and (
            periods[at - 1].last is not None
            and day_after(periods[at - 1].last) == periods[at].first):
        at -= 1
    return periods[at].first


def continued_without_a_start(events: Iterable[Event]) -> str | None:
    """The day of the first suspension a text says it continues (继续暂停) while no event of
    the measure's (or the designation's) whole began one before: the archive may lack the text
    that began it (pipelines.archive.Archive.continued_without_a_start, by measure)."""
    legal = [e for e in legal_events(events) if not e.get("clause")]
    begun = [e["date"] for e in legal
             if e["kind"] in (EventKind.SUSPENDED, EventKind.PARTIALLY_SUSPENDED) and e["date"]]
    days = [e["date"] for e in legal if e["kind"] == EventKind.SUSPENSION_CONTINUED
            and e["date"] and not any(b < e["date"] for b in begun)]
    return min(days, default=None)


def suspension_caveat(since: str) -> str:
    """What a status before a continued suspension with no archived start is said with."""
    return (f"a text continues its suspension from {since}, and no archived text began one: "
            "it may have been suspended before; check the issuer's site")


# --- designations of entities ------------------------------------------------------------------

DESIGNATION_OF = {
    Status.ANNOUNCED: DesignationStatus.LISTED, Status.IN_FORCE: DesignationStatus.LISTED,
    Status.SUSPENDED: DesignationStatus.SUSPENDED,
    Status.PARTIALLY_SUSPENDED: DesignationStatus.SUSPENDED,
    Status.REVOKED: DesignationStatus.REMOVED, Status.EXPIRED: DesignationStatus.REMOVED,
}


@dataclass(frozen=True)
class DesignationState:
    """A designation's status on a date: listed, suspended (until a day, None: further notice)
    or removed (removal_kind: the event's kind), and the event that decides it."""

    status: str | None
    until: str | None = None
    removal_kind: str | None = None
    event: Event | None = None


def designation_state(events: Iterable[Event], day: str) -> DesignationState:
    """The designation's status on day, from its events (the measure rules, mapped)."""
    state = status_on(events, day)
    if state.status is None:
        return DesignationState(None)
    status = DESIGNATION_OF[Status(state.status)].value
    removal = (state.event or {}).get("kind") if status == DesignationStatus.REMOVED else None
    if removal == EventKind.EXPIRED or (status == DesignationStatus.REMOVED and not removal):
        removal = EventKind.EXPIRED.value
    until = state.until if status == DesignationStatus.SUSPENDED else None
    return DesignationState(status, until, removal, state.event)


@dataclass(frozen=True)
class DesignationPeriod:
    """A stretch of days (inclusive; `last` None = open-ended) with one designation status."""

    status: str
    first: str
    last: str | None
    until: str | None
    removal_kind: str | None
    event: Event
    # said with a listed period before a suspension a text continues and no archived text
    # began (suspension_caveat): the designation may already have been suspended then
    caveat: str | None = None


def designation_periods(events: Iterable[Event]) -> list[DesignationPeriod]:
    """The designation's statuses over time: the measure's periods (status_periods, the whole
    measure only) mapped, neighbours that say the same merged (announced then in force is one
    listed period)."""
    legal = legal_events(events)
    periods: list[DesignationPeriod] = []
    for period in status_periods(legal):
        if period.clause is not None:
            continue
        state = designation_state(legal, period.first)
        if state.status is None:
            continue
        last = periods[-1] if periods else None
        same = last is not None and (last.status, last.until, last.removal_kind) == (
            state.status, state.until, state.removal_kind) and (
            state.status == DesignationStatus.LISTED
            or (last.event.get("by_measure") == period.event.get("by_measure")))
        if last is not None and same:
            periods[-1] = DesignationPeriod(last.status, last.first, period.last, last.until,
                                            last.removal_kind, last.event)
            continue
        periods.append(DesignationPeriod(state.status, period.first, period.last, state.until,
                                         state.removal_kind, state.event or period.event))
    return with_caveats(periods, continued_without_a_start(legal))


def with_caveats(periods: list[DesignationPeriod], since: str | None
                 ) -> list[DesignationPeriod]:
    """The periods, the listed ones before `since` (a suspension continued with no archived
    start, continued_without_a_start) with the caveat that it may have begun earlier."""
    if since is None:
        return periods
    return [replace(p, caveat=suspension_caveat(since))
            if p.status == DesignationStatus.LISTED and p.first < since else p for p in periods]


def designation_deadlines(events: Iterable[Event], as_of: str, horizon_days: int
                          ) -> list[Deadline]:
    """Dates within horizon_days after as_of that change a designation's state: its
    suspension's last day (the measures apply again the day after), its listing taking effect,
    the listing measure expiring, and its removal (移出, 停止执行) taking effect (`removal`) on a
    later day. A date on or after the removal is none (the measures never apply again)."""
    legal = legal_events(events)
    last = shift(as_of, horizon_days)
    removals = sorted((e for e in legal if e["kind"] in ENDING_KINDS and e["date"]
                       and not e.get("clause") and as_of < e["date"] <= last),
                      key=lambda e: e["date"])
    found = [d for d in deadlines(legal, as_of, horizon_days) if d.event.get("clause") is None]
    if removals:
        removed = removals[0]["date"]
        found = [d for d in found if _before_removal(d, removed)]
        found.append(Deadline(removed, "removal", removals[0]))
    return sorted(found, key=lambda d: (d.date, d.what))


def _before_removal(deadline: Deadline, removed: str) -> bool:
    """Whether what happens on deadline's date still matters with the designation removed
    from `removed` on: a listing taking effect before it, a suspension ending (the measures
    applying again the day after) before it."""
    if deadline.what == "takes_effect":
        return deadline.date < removed
    return day_after(deadline.date) < removed


def reaches(announced: str | None, events: Iterable[Event], event: Event) -> bool:
    """Whether an event aimed at an entity on a list in general (by no listing measure: 将X移出
    …名单, a suspension of X) concerns a designation of it whose events so far are `events`,
    announced on `announced` (the earlier of its listing's publication and effect): the event
    takes effect on or after that day, its text (`published`, when known) is not older than
    the designation, and the designation was not removed by the day before. So a removal
    before a re-listing ends the earlier designation only, a suspension after it concerns the
    new one (and an earlier one only if that still runs). An undated event, or a designation
    of unknown date: it does."""
    day = event.get("date")
    if not day or not announced:
        return True
    said = (event.get("published") or day)[:10]
    if day < announced or said < announced:
        return False
    return designation_state(events, day_before(day)).status != DesignationStatus.REMOVED


def designation_events(announced: str | None, own: Iterable[Event],
                       list_wide: Iterable[Event]) -> list[Event]:
    """A designation's events: its own (its listing measure's, those aimed at it through that
    measure or at the entities its list took on its day) and, in date order, those aimed at its
    entity on its list in general that reach it (`reaches`)."""
    kept = list(own)
    for event in sorted(list_wide, key=lambda e: (e.get("date") or "", e["kind"])):
        if reaches(announced, kept, event):
            kept.append(event)
    return kept
