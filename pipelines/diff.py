"""Diff stage: compare what a run found with the archive's previous state.

Per item (DiffPipeline, before the store): new documents, changed documents (deepdiff of the
normalized record plus a readable text diff), new measures and amended measures (deepdiff of
the measure's fields before and after). Per source, once it is judged healthy: documents its
list pages stopped showing (removal_changes). At the end of a run (finish_run): source
problems, status transitions, deadlines near and passed (pipelines.lifecycle decides the
dates), and the run record.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import asdict
from typing import Any

from deepdiff import DeepDiff
from scrapy.crawler import Crawler

from pipelines.archive import AMENDABLE_FIELDS, Archive, document_id, merged_measure
from pipelines.items import ChangeRecord, DocumentItem, MeasureRef
from pipelines.lifecycle import (
    SUSPENDED_STATUSES,
    Deadline,
    Period,
    day_after,
    days_until,
    deadlines,
    ended_suspensions,
    shift,
)
from pipelines.run import run_context
from pipelines.vocab import ChangeKind, EventKind, Relation, SourceStatus, Status

DEFAULT_DEADLINE_DAYS = (7, 30)

COMPARED_FIELDS = ("title", "published", "body", "annexes", "category")


def document_record(item: DocumentItem) -> dict[str, Any]:
    """The compared fields of a fetched document."""
    return {
        "title": item.title, "published": item.published, "body": item.body,
        "annexes": [asdict(a) for a in item.annexes], "category": item.category,
    }


def version_record(version: dict[str, Any]) -> dict[str, Any]:
    """The compared fields of a stored version."""
    return {
        "title": version["title"], "published": version["published"], "body": version["body"],
        "annexes": json.loads(version["annexes"] or "[]"), "category": version["category"],
    }


def text_diff(before: str, after: str) -> list[str]:
    """A readable line diff of two bodies (paragraph per line), without the file header."""
    lines = difflib.unified_diff(before.split("\n\n"), after.split("\n\n"), lineterm="", n=1)
    return [line for line in lines if not line.startswith(("---", "+++"))]


def document_diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Which fields changed; the body as a readable text diff, other fields as a deepdiff."""
    fields = [key for key in COMPARED_FIELDS if before.get(key) != after.get(key)]
    others = [key for key in fields if key != "body"]
    deep = DeepDiff({k: before.get(k) for k in others}, {k: after.get(k) for k in others},
                    ignore_order=True, verbose_level=2)
    diff: dict[str, Any] = {"fields": fields, "deepdiff": json.loads(deep.to_json())}
    if "body" in fields:
        diff["text"] = text_diff(before["body"] or "", after["body"] or "")
    return diff


def measure_title(ref: MeasureRef, item: DocumentItem) -> str:
    return ref.title or item.title


def new_measure_change(ref: MeasureRef, item: DocumentItem) -> ChangeRecord:
    issuers = ", ".join(ref.issuers)
    if ref.relation == Relation.ISSUES:
        summary = (f"New measure {ref.id} ({issuers}), published {ref.published or 'undated'}: "
                   f"{measure_title(ref, item)}")
    else:
        summary = f"New measure {ref.id} ({issuers}) first seen cited by: {item.title}"
    return ChangeRecord(
        kind=ChangeKind.NEW_MEASURE, summary=summary, measure=ref.id,
        document=document_id(item.url), title=measure_title(ref, item), url=item.url,
        source=item.source, category=ref.category, confidence=ref.confidence,
    )


def item_changes(archive: Archive, item: DocumentItem) -> list[ChangeRecord]:
    """The changes this fetched document brings, compared with the archive."""
    doc_id = document_id(item.url)
    main_measure = item.measures[0].id if item.measures else None
    common = {"document": doc_id, "measure": main_measure, "title": item.title, "url": item.url,
              "source": item.source, "category": item.category, "confidence": item.confidence}
    changes: list[ChangeRecord] = []
    existing = archive.document_by_url(item.url)
    if existing is None:
        changes.append(ChangeRecord(
            kind=ChangeKind.NEW_DOCUMENT,
            summary=(f"New document on {item.source} ({item.published or 'undated'}): "
                     f"{item.title}" + statements_in(item)),
            diff={"sentence": statement_sentence(item)} if statement_sentence(item) else {},
            **common))
    elif existing["content_hash"] != item.content_hash:
        before = version_record(archive.latest_version(doc_id))
        diff = document_diff(before, document_record(item))
        changes.append(ChangeRecord(
            kind=ChangeKind.DOCUMENT_CHANGED,
            summary=f"Document changed ({', '.join(diff['fields']) or 'text'}): {item.title}",
            diff=diff, **common))
    fresh = existing is None or existing["content_hash"] != item.content_hash
    for ref in item.measures:
        measure = archive.measure(ref.id)
        if measure is None:
            changes.append(new_measure_change(ref, item))
            continue
        if fresh and ref.relation == Relation.ISSUES:
            changes.extend(amended_fields_change(archive, measure, ref, item))
        changes.extend(amended_by_change(archive, ref, item))
    return changes


def statements_in(item: DocumentItem) -> str:
    """A note on the political extension statements the document makes (linking found them)."""
    reached = sorted({(e.until, ref.id) for ref in item.measures for e in ref.events
                      if e.kind == EventKind.EXTENSION_ANNOUNCED})
    if not reached:
        return ""
    ids = ", ".join(sorted({measure for _, measure in reached}))
    return (f". It says an arrangement is extended to {reached[-1][0]}, past the legal end of "
            f"the suspension of {ids}: a political statement, not a legal text; no date moves")


def statement_sentence(item: DocumentItem) -> str | None:
    return next((e.sentence for ref in item.measures for e in ref.events
                 if e.kind == EventKind.EXTENSION_ANNOUNCED and e.sentence), None)


def amendable(row: dict[str, Any]) -> dict[str, Any]:
    """The fields of a measure row that a text can amend (issuers as a list)."""
    record = {key: row.get(key) for key in AMENDABLE_FIELDS}
    record["issuers"] = json.loads(row.get("issuers") or "[]")
    return record


def effective_dates(events: list[dict[str, Any]]) -> list[str]:
    """Effective dates as compared: "2025-12-01 (第一项、第二项)" or "2025-10-09"."""
    return sorted({f"{e['date']} ({e['clause']})" if e["clause"] else str(e["date"])
                   for e in events if e["kind"] == EventKind.EFFECTIVE})


def amended_fields_change(archive: Archive, measure: dict[str, Any], ref: MeasureRef,
                          item: DocumentItem) -> list[ChangeRecord]:
    """A measure_amended when a new or changed own text of a measure already known from its
    own text says something else (fields it did not have before are learnt, not amended)."""
    if not measure["published"]:
        return []
    doc_id = document_id(item.url)
    before = amendable(measure)
    after = amendable(merged_measure(measure, ref, doc_id, measure["last_seen"]))
    stated = [e for e in archive.events(ref.id) if e["document"] == doc_id]
    if stated:  # the same page stated dates before: compare them clause by clause
        before["effective_dates"] = effective_dates(stated)
        after["effective_dates"] = effective_dates([asdict(e) for e in ref.events])
    fields = [k for k in before if before[k] not in (None, [], "") and before[k] != after[k]]
    if not fields:
        return []
    deep = DeepDiff({k: before[k] for k in fields}, {k: after[k] for k in fields},
                    ignore_order=True, verbose_level=2)
    shown = "; ".join(f"{k}: {before[k]} → {after[k]}" for k in fields)
    return [ChangeRecord(
        kind=ChangeKind.MEASURE_AMENDED, measure=ref.id, document=doc_id,
        title=after.get("title_zh") or after.get("title_en") or item.title, url=item.url,
        source=item.source, category=ref.category or measure["category"],
        confidence=ref.confidence, summary=f"{ref.id} amended by its own text ({shown})",
        diff={"fields": fields, "before": {k: before[k] for k in fields},
              "after": {k: after[k] for k in fields}, "deepdiff": json.loads(deep.to_json())},
    )]


def amended_by_change(archive: Archive, ref: MeasureRef, item: DocumentItem
                      ) -> list[ChangeRecord]:
    """A measure_amended for each amendment another measure's text states for the first time."""
    known = {(e["by_measure"], e["date"], e["clause"]) for e in archive.events(ref.id)
             if e["kind"] == EventKind.AMENDED}
    changes = []
    for event in ref.events:
        if event.kind != EventKind.AMENDED or (event.by_measure, event.date,
                                               event.clause) in known:
            continue
        part = f" ({event.clause})" if event.clause else ""
        changes.append(ChangeRecord(
            kind=ChangeKind.MEASURE_AMENDED, measure=ref.id, by=event.by_measure,
            document=document_id(item.url), title=ref.title or item.title, url=item.url,
            source=item.source, category=ref.category, confidence=ref.confidence,
            summary=(f"{ref.id}{part} amended by {event.by_measure or item.title}"
                     + (f" from {event.date}" if event.date else "")),
            diff={"sentence": event.sentence} if event.sentence else {},
        ))
    return changes


class DiffPipeline:
    """Scrapy stage 2: attach the changes each item brings (the store decides atomically)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DiffPipeline:
        return cls(crawler)

    def process_item(self, item: DocumentItem) -> DocumentItem:
        item.changes = item_changes(run_context(self.crawler).archive, item)
        return item


# --- end of run ----------------------------------------------------------------------------
def source_problem_changes(archive: Archive, run_id: str) -> list[ChangeRecord]:
    """One source_problem per source that is unhealthy in this run with problems it did not
    have in its previous run (a problem that persists stays listed under the report's
    sources, but is not a new change each night)."""
    changes = []
    for source in archive.run_sources(run_id):
        if source["status"] == SourceStatus.OK:
            continue
        problems = source["problems"] or ["no documents found"]
        previous = archive.previous_source_run(source["source"], run_id)
        if previous and previous["status"] == source["status"] and set(problems) <= set(
                previous["problems"]):
            continue
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        changes.append(ChangeRecord(
            kind=ChangeKind.SOURCE_PROBLEM, source=source["source"],
            summary=f"{source['source']} {source['status']}: {problems[0]}{more}",
            diff={"status": source["status"], "items": source["items"], "problems": problems},
        ))
    return changes


def removal_changes(archive: Archive, source: str, run_id: str, as_of: str,
                    list_pages: list[str], after_nights: int) -> list[ChangeRecord]:
    """document_removed for the documents a HEALTHY run of source found gone for after_nights
    nights (call it only for a healthy source: a failure never removes anything)."""
    changes = []
    for doc in archive.record_misses(source, run_id, as_of, list_pages, after_nights):
        changes.append(ChangeRecord(
            kind=ChangeKind.DOCUMENT_REMOVED, document=doc["id"], title=doc["title"],
            url=doc["url"], source=source, category=doc["category"],
            confidence=doc["confidence"],
            summary=(f"No longer listed by {source} ({doc['listed_on']}) on {after_nights} "
                     f"nights, last seen {doc['last_seen']}: {doc['title']}; the archived "
                     f"copy is kept"),
            diff={"listed_on": doc["listed_on"], "last_seen": doc["last_seen"],
                  "missed_nights": doc["missed_runs"]},
        ))
    with archive.transaction():
        for change in changes:
            archive.add_change(run_id, change)
    return changes


def statements_after(archive: Archive, measure_id: str, day: str) -> list[dict[str, Any]]:
    """Political statements (extension_announced) about the measure that reach past day."""
    found = []
    for event in archive.events(measure_id):
        if event["kind"] != EventKind.EXTENSION_ANNOUNCED or not event["until"] or (
                event["until"] <= day):
            continue
        doc = archive.document(event["document"]) if event["document"] else None
        found.append({"date": event["date"], "until": event["until"],
                      "sentence": event["sentence"], "url": doc["url"] if doc else None,
                      "title": doc["title"] if doc else None, "confidence": event["confidence"]})
    return found


def statement_note(statements: list[dict[str, Any]]) -> str:
    if not statements:
        return ""
    s = statements[-1]
    return (f" A political statement of {s['date']} says an arrangement is extended to "
            f"{s['until']}; it is not a legal text and moves no date.")


def evidence_of(archive: Archive, event: dict[str, Any] | None) -> dict[str, Any]:
    """document / url / source of the document an event came from."""
    doc = archive.document(event["document"]) if event and event.get("document") else None
    if doc is None:
        return {"document": None, "url": None, "source": None}
    return {"document": doc["id"], "url": doc["url"], "source": doc["source"]}


def measure_fields(measure: dict[str, Any]) -> dict[str, Any]:
    return {"measure": measure["id"], "title": measure["title_zh"] or measure["title_en"],
            "category": measure["category"], "confidence": measure["confidence"]}


def passed_change(archive: Archive, measure: dict[str, Any], period: Period,
                  before: str | None, after: str | None) -> ChangeRecord:
    """deadline_passed: a suspension ended; back in force unless an extension is found."""
    event = dict(period.event)
    by = event.get("by_measure")
    statements = statements_after(archive, measure["id"], period.end)
    back = day_after(period.end)
    what = "partial suspension" if period.partial else "suspension"
    summary = (f"{measure['id']}: the {what}" + (f" by {by}" if by else "")
               + f" ended on {period.end}; it is {STATUS_TEXT.get(after or '', 'in force')} "
               f"again from {back} unless an extension is found. No legal text extending it "
               f"was found: verify on the issuer's site." + statement_note(statements))
    return ChangeRecord(
        kind=ChangeKind.DEADLINE_PASSED, from_=before, to=after, by=by, until=period.end,
        summary=summary, **measure_fields(measure), **evidence_of(archive, event),
        diff={"sentence": event.get("sentence"), "back_in_force_on": back,
              "clause": event.get("clause"), "verify": True, "statements": statements},
    )


STATUS_TEXT = {Status.IN_FORCE: "in force", Status.ANNOUNCED: "announced (not yet in force)",
               Status.PARTIALLY_SUSPENDED: "partially suspended"}
EXPECTED_AFTER = {"suspension_ends": Status.IN_FORCE.value, "takes_effect": Status.IN_FORCE.value,
                  "expires": Status.EXPIRED.value}


def near_change(archive: Archive, measure: dict[str, Any], deadline: Deadline, as_of: str,
                window: int) -> ChangeRecord:
    """deadline_near: a date that changes the measure's legal state is within window days."""
    event = dict(deadline.event)
    by = event.get("by_measure") if deadline.what == "suspension_ends" else None
    days = days_until(deadline.date, as_of)
    when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
    clause = f" ({event['clause']})" if event.get("clause") else ""
    if deadline.what == "suspension_ends":
        statements = statements_after(archive, measure["id"], deadline.date)
        text = (f"the suspension{clause}" + (f" by {by}" if by else "")
                + f" ends on {deadline.date} ({when}); back in force on "
                f"{day_after(deadline.date)} unless it is extended." + statement_note(statements))
    elif deadline.what == "takes_effect":
        statements = []
        text = f"takes effect{clause} on {deadline.date} ({when})."
    else:
        statements = []
        text = f"expires after {deadline.date} ({when})."
    return ChangeRecord(
        kind=ChangeKind.DEADLINE_NEAR, from_=measure["status"], to=EXPECTED_AFTER[deadline.what],
        by=by, until=deadline.date, summary=f"{measure['id']}: {text}",
        **measure_fields(measure), **evidence_of(archive, event),
        diff={"what": deadline.what, "days_left": days, "window": window,
              "sentence": event.get("sentence"), "clause": event.get("clause"),
              "statements": statements},
    )


def already_reported_near(archive: Archive, measure_id: str, deadline: Deadline, window: int,
                          run_id: str) -> bool:
    """A reminder for this deadline was given at this window or a closer one."""
    return any(c["until"] == deadline.date and c["diff"].get("what") == deadline.what
               and c["diff"].get("window", 0) <= window
               for c in archive.earlier_changes(ChangeKind.DEADLINE_NEAR, measure_id, run_id))


def already_reported_passed(archive: Archive, measure_id: str, end: str, run_id: str) -> bool:
    return any(c["until"] == end for c in
               archive.earlier_changes(ChangeKind.DEADLINE_PASSED, measure_id, run_id))


def status_change(archive: Archive, measure: dict[str, Any], before: str | None, state: Any,
                  as_of: str) -> ChangeRecord:
    event = dict(state.event or {})
    after, until = state.status, state.until
    by = event.get("by_measure")
    summary = f"{measure['id']} is now {after}" + (f" by {by}" if by else "") + (
        f" until {until}" if until else "") + f" (was {before or 'unknown'}), as of {as_of}"
    diff: dict[str, Any] = {"sentence": event["sentence"]} if event.get("sentence") else {}
    if event.get("clause"):
        diff["clause"] = event["clause"]
    return ChangeRecord(
        kind=ChangeKind.STATUS_CHANGED, from_=before, to=after, by=by, until=until,
        summary=summary, diff=diff, **measure_fields(measure), **evidence_of(archive, event))


def describe_new_status(archive: Archive, run_id: str, measure_id: str, state: Any) -> None:
    """A measure first seen this run gets its status on its new_measure entry (not a second
    status_changed entry)."""
    change = archive.change_in_run(run_id, ChangeKind.NEW_MEASURE, measure_id)
    if change is None or state.status is None:
        return
    event = dict(state.event or {})
    extra = f"; {state.status}" + (f" by {event['by_measure']}" if event.get("by_measure")
                                   and state.status in SUSPENDED_STATUSES else "") + (
        f" until {state.until}" if state.until else "")
    fields: dict[str, Any] = {"to": state.status, "until": state.until,
                              "summary": change["summary"] + extra}
    if state.status in SUSPENDED_STATUSES:
        fields["by"] = event.get("by_measure")
    archive.update_change(change["id"], fields)


def lifecycle_changes(archive: Archive, run_id: str, as_of: str,
                      deadline_days: tuple[int, ...] | list[int]) -> list[ChangeRecord]:
    """Status transitions, deadlines passed and deadlines near, for every measure on as_of."""
    windows = sorted(int(d) for d in deadline_days) or list(DEFAULT_DEADLINE_DAYS)
    since = archive.previous_as_of(run_id) or shift(as_of, -windows[-1])
    changes: list[ChangeRecord] = []
    for measure_id in archive.measure_ids():
        before, state = archive.refresh_status(measure_id, as_of)
        measure = archive.measure(measure_id)
        events = archive.events(measure_id)
        explained = False
        for period in ended_suspensions(events, since, as_of):
            if already_reported_passed(archive, measure_id, period.end, run_id):
                continue
            moved = before in SUSPENDED_STATUSES and state.status not in SUSPENDED_STATUSES
            changes.append(passed_change(archive, measure, period, before, state.status))
            explained = explained or moved
        if archive.change_in_run(run_id, ChangeKind.NEW_MEASURE, measure_id):
            describe_new_status(archive, run_id, measure_id, state)
        elif before != state.status and not explained:
            changes.append(status_change(archive, measure, before, state, as_of))
        for deadline in deadlines(events, as_of, windows[-1]):
            days = days_until(deadline.date, as_of)
            window = next(w for w in windows if days <= w)
            if not already_reported_near(archive, measure_id, deadline, window, run_id):
                changes.append(near_change(archive, measure, deadline, as_of, window))
    return changes


def finish_run(archive: Archive, run_id: str,
               deadline_days: tuple[int, ...] | list[int] = DEFAULT_DEADLINE_DAYS
               ) -> list[ChangeRecord]:
    """Close a run: record its run-level changes and mark it completed."""
    run = archive.run(run_id)
    with archive.transaction():
        changes = source_problem_changes(archive, run_id) + lifecycle_changes(
            archive, run_id, run["as_of"], deadline_days)
        for change in changes:
            archive.add_change(run_id, change)
    stats = {s["source"]: {"status": s["status"], "items": s["items"]}
             for s in archive.run_sources(run_id)}
    archive.finish_run(run_id, stats)
    return changes
