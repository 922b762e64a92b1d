"""A measure's status on a date, derived from its events (the first form: issued and effective).

Rule: a measure with an `effective` event dated after the as-of date is `announced`; otherwise an
issued measure is `in_force` (announcements take effect on publication unless they say otherwise).
A measure known only from mentions has no status (None). Suspensions and later events come with
the change-detection stage.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from crawler.vocab import EventKind, Status


def status_on(events: Iterable[Mapping[str, Any]], as_of: str) -> str | None:
    """The status of a measure with these events, on the ISO date as_of."""
    events = list(events)
    kinds = {e["kind"] for e in events}
    if EventKind.ISSUED not in kinds and EventKind.EFFECTIVE not in kinds:
        return None
    effective = sorted(e["date"] for e in events if e["kind"] == EventKind.EFFECTIVE and e["date"])
    if effective and effective[0] > as_of:
        return Status.ANNOUNCED.value
    return Status.IN_FORCE.value
