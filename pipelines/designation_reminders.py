"""Reminders of a designation's dates ahead: `deadline_near` for an entity on a list.

A measure's reminders are pipelines.finish (`lifecycle_changes`); a designation gets the same,
at the end of the run, after its status (pipelines.designations.designation_changes): once a
date that changes what applies to the entity is within a `deadline_days` window of the run's
date, one `deadline_near` per window, with the change's `entity` and `list` set (as every entity
change has), `measure` the listing announcement, `by` the announcement that suspended or removes
it, `until` the day. The dates (pipelines.lifecycle.designation_deadlines):

- `suspension_ends`: the suspension's last day; the restrictions apply again the day after;
- `takes_effect`: the listing takes effect on a later day than it was announced;
- `expires`: the listing measure's last day;
- `removal`: the entity is taken off the list (移出), or the measures stopped (停止执行), from a
  later day.

The dates are read from the designation's events every night, so a suspension continued moves
the reminder to its new last day (a new reminder at the window the new day falls in), and one
lifted or cut short by a removal has none. As for a measure, a reminder is given on a backfill
night too, at the window the date falls in that night (never one for a window already passed:
the date is ahead, the reminder is of the days left). Recipients' `lists` and `entities`
filters apply as to every entity change (pipelines.config.Recipient.wants).
"""

from __future__ import annotations

from typing import Any

from pipelines.archive import Archive
from pipelines.designations import display_name, list_text
from pipelines.entities import computed_until
from pipelines.items import ChangeRecord
from pipelines.lifecycle import (
    Deadline,
    day_after,
    day_before,
    days_until,
    designation_deadlines,
    shift,
)
from pipelines.vocab import ChangeKind, DesignationStatus

# The status a designation has after each kind of date.
STATUS_AFTER = {"suspension_ends": DesignationStatus.LISTED.value,
                "takes_effect": DesignationStatus.LISTED.value,
                "expires": DesignationStatus.REMOVED.value,
                "removal": DesignationStatus.REMOVED.value}


def designation_reminders(archive: Archive, run_id: str, as_of: str,
                          windows: list[int]) -> list[ChangeRecord]:
    """`deadline_near` for each designation with a date within a window (`windows`: days,
    ascending) of as_of not yet reminded at that window or a closer one; call after the
    designations' periods are written (pipelines.designations.designation_changes)."""
    changes: list[ChangeRecord] = []
    horizon = windows[-1]
    for designation in archive.designations_dated_between(day_before(as_of),
                                                          shift(as_of, horizon + 1)):
        events = archive.designation_lifecycle_events(designation)
        for deadline in designation_deadlines(events, as_of, horizon):
            window = next(w for w in windows if days_until(deadline.date, as_of) <= w)
            if not already_reminded(archive, designation, deadline, window, run_id):
                changes.append(reminder(archive, designation, deadline, as_of, window))
    return changes


def already_reminded(archive: Archive, designation: dict[str, Any], deadline: Deadline,
                     window: int, run_id: str) -> bool:
    """A reminder of this date was given for the designation at this window or a closer one."""
    return any(c["until"] == deadline.date and c["diff"].get("what") == deadline.what
               and c["diff"].get("window", 0) <= window
               for c in archive.earlier_designation_changes(ChangeKind.DEADLINE_NEAR,
                                                            designation, run_id))


def when_text(days: int) -> str:
    """"today", "in 1 day", "in 4 days"."""
    return "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"


def what_text(deadline: Deadline, by: str | None, days: int) -> str:
    """What happens on the date, in words: "the suspension by MOFCOM-2026-44 ends on 2026-12-14
    (in 4 days); the measures apply again from 2026-12-15 unless it is extended"."""
    by_text = f" by {by}" if by else ""
    when = when_text(days)
    if deadline.what == "suspension_ends":
        return (f"the suspension{by_text} ends on {deadline.date} ({when}); the measures apply "
                f"again from {day_after(deadline.date)} unless it is extended")
    if deadline.what == "takes_effect":
        return f"the listing takes effect on {deadline.date} ({when})"
    if deadline.what == "expires":
        return f"the listing expires after {deadline.date} ({when})"
    return f"removed{by_text} from {deadline.date} ({when})"


def reminder(archive: Archive, designation: dict[str, Any], deadline: Deadline, as_of: str,
             window: int) -> ChangeRecord:
    """deadline_near for a designation: the entity, the list, the listing announcement, the
    announcement that set the date (`by`), the date and the days left, with the proving
    sentence and its page."""
    event = dict(deadline.event or {})
    entity = archive.entity(designation["entity"]) or {}
    names = display_name(entity.get("name_zh"), entity.get("name_en"))
    by = event.get("by_measure") if deadline.what in ("suspension_ends", "removal") else None
    days = days_until(deadline.date, as_of)
    listing = f" ({designation['measure']})" if designation["measure"] else ""
    doc = archive.document(event["document"]) if event.get("document") else None
    return ChangeRecord(
        kind=ChangeKind.DEADLINE_NEAR, entity=designation["entity"],
        list_name=designation["list"], measure=designation["measure"],
        from_=designation["status"], to=STATUS_AFTER[deadline.what], by=by,
        until=deadline.date, title=names,
        summary=(f"{names}, {list_text(designation['list'])}{listing}: "
                 f"{what_text(deadline, by, days)}."),
        diff={"what": deadline.what, "days_left": days, "window": window,
              "sentence": event.get("sentence"), "name_zh": entity.get("name_zh"),
              "name_en": entity.get("name_en"), "listed": designation["listed"],
              "until_computed": (computed_until(event)
                                 if deadline.what == "suspension_ends" else None)},
        document=doc["id"] if doc else None, url=doc["url"] if doc else None,
        source=doc["source"] if doc else None, category=doc["category"] if doc else None,
        confidence=doc["confidence"] if doc else None)
