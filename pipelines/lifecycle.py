"""Measure lifecycle, first form: events read from operative clauses, and status on a date.

Events understood so far: issued, effective (自公布之日起实施 / 自YYYY年M月D日起实施: the earliest
date any part takes effect) and suspension (暂停实施 … 至YYYY年M月D日, from 即日 = publication or a
written date; 第N款 after a number makes it a partial suspension of that clause).

Status on a date (one place for the rule):
- suspended / partially_suspended while a suspension runs: from its date to its `until` date,
  BOTH INCLUSIVE (至2026年11月10日 = suspended through 10 Nov; back in force on 11 Nov);
- otherwise, `announced` before its earliest effective date, then `in_force`;
- a measure known only from mentions, with no event, has no status (None).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from crawler.items import MeasureEvent
from crawler.vocab import EventKind, Status
from pipelines.dates import find_dates
from pipelines.identifiers import find_measure_numbers

SENTENCE_END = re.compile(r"(?<=[。；;\n])")
SUSPEND = re.compile(r"暂停实施|暂停执行|暂停适用")
UNTIL = re.compile(r"至(\d{4}年\d{1,2}月\d{1,2}日)")
FROM_DATE = re.compile(r"自(\d{4}年\d{1,2}月\d{1,2}日)起")
CLAUSE = re.compile(r"^\s*(第[一二三四五六七八九十\d]+[款项条])")

SUSPENSION_KINDS = {EventKind.SUSPENDED, EventKind.PARTIALLY_SUSPENDED}


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def suspension_events(body: str, published: str | None, by_measure: str | None
                      ) -> dict[str, list[MeasureEvent]]:
    """Suspensions stated in the body, by suspended measure id."""
    found: dict[str, list[MeasureEvent]] = {}
    for sentence in sentences(body):
        if not SUSPEND.search(sentence):
            continue
        until = UNTIL.search(sentence)
        start = FROM_DATE.search(sentence)
        date = find_dates(start.group(1))[0] if start else published  # 即日 or unstated
        for number in find_measure_numbers(sentence):
            if number.id == by_measure:
                continue
            end = number.start + len(number.text)
            clause = CLAUSE.match(sentence[end:])
            found.setdefault(number.id, []).append(MeasureEvent(
                kind=(EventKind.PARTIALLY_SUSPENDED if clause else EventKind.SUSPENDED).value,
                date=date, until=find_dates(until.group(1))[0] if until else None,
                by_measure=by_measure, clause=clause.group(1) if clause else None,
                sentence=sentence))
    return found


def status_on(events: Iterable[Mapping[str, Any]], as_of: str
              ) -> tuple[str | None, Mapping[str, Any] | None]:
    """The status on the ISO date as_of, and the event that decides it (None if no event)."""
    events = list(events)
    running = [e for e in events if e["kind"] in SUSPENSION_KINDS and (e["date"] or "") <= as_of
               and (e["until"] is None or as_of <= e["until"])]
    if running:
        full = [e for e in running if e["kind"] == EventKind.SUSPENDED]
        event = (full or running)[0]
        return event["kind"], event
    effective = sorted((e for e in events if e["kind"] == EventKind.EFFECTIVE and e["date"]),
                       key=lambda e: e["date"])
    if effective and effective[0]["date"] > as_of:
        return Status.ANNOUNCED.value, effective[0]
    if effective or any(e["kind"] in (EventKind.ISSUED, *SUSPENSION_KINDS) for e in events):
        decided = effective[0] if effective else events[0]
        return Status.IN_FORCE.value, decided
    return None, None
