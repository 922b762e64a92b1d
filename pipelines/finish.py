"""End of a run: what the run as a whole found, after every source's crawl.

`finish_run()` is called once per run by the run owner (crawler.runner.Run), after all spiders:

1. each source's health and counts are stored (`run_sources`);
2. for each healthy source, the documents its list pages stopped showing (`document_removed`,
   after `removed_after_nights` nights; a failed source never removes anything);
3. `source_problem` for each unhealthy source with a new problem;
3b. links without numbers (pipelines.linking.link_run): decided once every page of the night is
   stored, for the documents stored this run and those the measures it touched may concern;
4. the lifecycle: status transitions, deadlines passed and near on the run's date
   (pipelines.lifecycle decides the dates), the designations' statuses and changes
   (pipelines.designations) and their reminders (pipelines.designation_reminders), and the
   measures' status periods (`measure_status`);
   in a backfill, one `backfill` change per source that walked back (written by
   `close_walks` when the source's crawl ends, with its walks, so a kill before the end of the
   run loses neither; here for a source that did not write it), and no change for the old
   measures it found (pipelines.backfill);
5. what the archive covers and the numbers it may be missing (`coverage`, `number_gaps`);
6. the run is marked completed.

Evidence does not depend on the order pages arrive in: a measure first seen this run cites its
preferred issuing page of the run, and a change from an event cites, of the documents stating
the same fact, the first by confidence, date and address (`settle_new_measures`, `settled`).

The per-item comparison (new and changed documents and measures) is pipelines.diff.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from pipelines.archive import Archive
from pipelines.backfill import quiet_before, write_coverage
from pipelines.config import Config
from pipelines.designation_reminders import designation_reminders
from pipelines.designations import designation_changes
from pipelines.diff import new_measure_cited_summary, new_measure_summary
from pipelines.items import ChangeRecord
from pipelines.lifecycle import (
    SUSPENDED_STATUSES,
    SUSPENSION_KINDS,
    Deadline,
    Disagreement,
    Period,
    began_on,
    day_after,
    day_before,
    days_until,
    deadlines,
    disagreements,
    ended_suspensions,
    is_suspending_instrument,
    legal_events,
    shift,
    status_from_periods,
    status_periods,
    suspending_on,
    suspension_periods,
)
from pipelines.linking import link_run
from pipelines.run import SourceRun
from pipelines.vocab import ChangeKind, EventKind, SourceStatus, Status, WalkStatus


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
                    list_pages: list[str], after_nights: int,
                    still_listed: Iterable[str] = ()) -> list[ChangeRecord]:
    """document_removed for the documents a HEALTHY run of source found gone for after_nights
    nights (call it only for a healthy source: a failure never removes anything). A document
    a list page still links (`still_listed`, whatever became of its fetch) is never missed."""
    changes = []
    removed, restored = archive.record_misses(source, run_id, as_of, list_pages, after_nights,
                                              still_listed)
    for doc in removed:
        changes.append(ChangeRecord(
            kind=ChangeKind.DOCUMENT_REMOVED, document=doc["id"], title=doc["title"],
            url=doc["url"], source=source, category=doc["category"],
            confidence=doc["confidence"], measure=archive.main_measure(doc["id"]),
            summary=(f"No longer listed by {source} ({doc['listed_on']}) on {after_nights} "
                     f"nights, last seen {doc['last_seen']}: {doc['title']}; the archived "
                     f"copy is kept"),
            diff={"listed_on": doc["listed_on"], "last_seen": doc["last_seen"],
                  "missed_nights": doc["missed_runs"]},
        ))
    changes += [restored_change(archive, source, doc) for doc in restored]
    with archive.transaction():
        for change in changes:
            archive.add_change(run_id, change)
    return changes


def restored_change(archive: Archive, source: str, doc: dict[str, Any]) -> ChangeRecord:
    """A document reported removed that its source shows again: a document_changed (what
    changed is that it is back; its text, if it changed too, has a change of its own)."""
    listed = archive.document(doc["id"]) or doc
    return ChangeRecord(
        kind=ChangeKind.DOCUMENT_CHANGED, document=doc["id"], title=listed["title"],
        url=doc["url"], source=source, category=listed["category"],
        confidence=listed["confidence"], measure=archive.main_measure(doc["id"]),
        summary=(f"Listed again by {source} ({listed['listed_on']}) after it was reported "
                 f"removed on {doc['removed_on']}: {listed['title']}"),
        diff={"fields": ["removed_on"], "restored": True, "removed_on": doc["removed_on"],
              "listed_on": listed["listed_on"]},
    )


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


def settled(archive: Archive, event: dict[str, Any] | None) -> dict[str, Any]:
    """The event as evidence: of the documents stating the same fact, the preferred one's."""
    if not event:
        return {}
    return archive.preferred_event(event) or dict(event)


def settle_new_measures(archive: Archive, run_id: str) -> None:
    """A measure first seen this run is cited by its preferred issuing page of the run (by
    confidence, date and address), or, when no page of the run issues it, by its preferred
    citing page, not by whichever page arrived first; with the measure's title, category and
    confidence (a page titled with the number, such as the English site's, or a citing page
    that arrived first would leave the entry none). A measure known only as cited has no title
    but its own (the summary names the citing page)."""
    for change in archive.changes_in_run(run_id, ChangeKind.NEW_MEASURE):
        measure = archive.measure(change["measure"])
        if measure is None:
            continue
        doc = archive.preferred_document(measure["id"], run_id)
        cited = doc is None
        if cited:
            doc = archive.preferred_document(measure["id"], run_id, issuing=False)
        if doc is None:
            continue
        issuers = json.loads(measure["issuers"] or "[]")
        # a cited measure's own title, if a text gave it one: never the citing page's
        title = measure["title_zh"] or measure["title_en"] or (None if cited else doc["title"])
        summary = (new_measure_cited_summary(measure["id"], issuers, doc["title"]) if cited
                   else new_measure_summary(measure["id"], issuers, measure["published"], title))
        archive.update_change(change["id"], {
            "document": doc["id"], "url": doc["url"], "source": doc["source"], "title": title,
            "category": measure["category"], "confidence": measure["confidence"],
            "summary": summary})


def quiet_history_measures(archive: Archive, run_id: str, source_runs: Iterable[SourceRun],
                           quiet: str | None) -> None:
    """In a backfill, a measure a page of the window cited first (its `new_measure` entry made
    by the citing page) whose own page the run found too, as history (dated before the quiet
    day, found by a walk back or on its source's first night), is history: its entry goes, as
    it would had its own page arrived first (the order pages arrive in decides nothing), and
    what changed it within the window is said by its status change (`lifecycle_changes`)."""
    if quiet is None:
        return
    runs = {r.source: r for r in source_runs}
    for change in archive.changes_in_run(run_id, ChangeKind.NEW_MEASURE):
        measure = archive.measure(change["measure"]) or {}
        doc = archive.preferred_document(change["measure"], run_id)
        source_run = runs.get(doc["source"]) if doc else None
        day = measure.get("published") or (doc or {}).get("published")
        if (source_run is not None and day and day < quiet
                and source_run.quiet_for(doc["url"]) is not None):
            archive.drop_change(change["id"])


def note_filled_gaps(archive: Archive, run_id: str) -> None:
    """A new measure whose number the archive listed as possibly missing (`number_gaps`, as the
    run found them; brought up to date after this) says it fills that gap, and since when it
    was listed: the to-do is done, not silently gone."""
    gaps = {g["measure"]: g for g in archive.number_gaps()}
    if not gaps:
        return
    for change in archive.changes_in_run(run_id, ChangeKind.NEW_MEASURE):
        gap = gaps.get(change["measure"])
        if gap is None:
            continue
        diff = json.loads(change["diff"]) if change["diff"] else {}
        if diff.get("fills_gap"):
            continue
        since = gap["noticed_on"]
        archive.update_change(change["id"], {
            "summary": f"{change['summary']}; fills the gap {gap['measure']} listed since {since}",
            "diff": {**diff, "fills_gap": {"measure": gap["measure"], "since": since}}})


def evidence_of(archive: Archive, event: dict[str, Any] | None) -> dict[str, Any]:
    """document / url / source of the document an event came from."""
    doc = archive.document(event["document"]) if event and event.get("document") else None
    if doc is None:
        return {"document": None, "url": None, "source": None}
    return {"document": doc["id"], "url": doc["url"], "source": doc["source"]}


def measure_fields(measure: dict[str, Any], archive: Archive | None = None,
                   by: str | None = None) -> dict[str, Any]:
    """The change's measure fields; a change a measure `by` made (a suspension, its end, a
    revocation) has that measure's category: No. 61 suspended by No. 70 is a `suspension`
    (CONTRACT section 4), whatever No. 61 itself is."""
    acting = archive.measure(by) if archive is not None and by else None
    category = (acting or {}).get("category") or measure["category"]
    return {"measure": measure["id"], "title": measure["title_zh"] or measure["title_en"],
            "category": category, "confidence": measure["confidence"]}


def passed_change(archive: Archive, measure: dict[str, Any], period: Period,
                  before: str | None, after: str | None) -> ChangeRecord:
    """deadline_passed: a suspension ended; back in force unless an extension is found."""
    event = settled(archive, period.event)
    by = event.get("by_measure")
    statements = statements_after(archive, measure["id"], period.end)
    back = day_after(period.end)
    what = "partial suspension" if period.partial else "suspension"
    again = "again " if took_effect_before(measure, period.start) else ""
    summary = (f"{measure['id']}: the {what}" + (f" by {by}" if by else "")
               + f" ended on {period.end}; it is {STATUS_TEXT.get(after or '', 'in force')} "
               f"{again}from {back} unless an extension is found"
               + ("" if again else " (it had not taken effect before)")
               + ". No legal text extending it was found: verify on the issuer's site."
               + statement_note(statements))
    return ChangeRecord(
        kind=ChangeKind.DEADLINE_PASSED, from_=before, to=after, by=by, until=period.end,
        summary=summary, **measure_fields(measure, archive, by), **evidence_of(archive, event),
        diff={"sentence": event.get("sentence"), "back_in_force_on": back,
              "first_time": not again, "clause": event.get("clause"), "verify": True,
              "statements": statements},
    )


def took_effect_before(measure: dict[str, Any], day: str) -> bool:
    """The measure had taken effect before day (its text's date; none known: assumed so), e.g.
    not Nos. 55 to 58 of 2025, suspended the day before they were to take effect."""
    return not measure.get("effective") or measure["effective"] < day


STATUS_TEXT = {Status.IN_FORCE: "in force", Status.ANNOUNCED: "announced (not yet in force)",
               Status.PARTIALLY_SUSPENDED: "partially suspended"}
EXPECTED_AFTER = {"suspension_ends": Status.IN_FORCE.value, "takes_effect": Status.IN_FORCE.value,
                  "expires": Status.EXPIRED.value}


def near_change(archive: Archive, measure: dict[str, Any], deadline: Deadline, as_of: str,
                window: int) -> ChangeRecord:
    """deadline_near: a date that changes the measure's legal state is within window days."""
    event = settled(archive, deadline.event)
    by = event.get("by_measure") if deadline.what == "suspension_ends" else None
    days = days_until(deadline.date, as_of)
    when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
    clause = f" ({event['clause']})" if event.get("clause") else ""
    if deadline.what == "suspension_ends":
        statements = statements_after(archive, measure["id"], deadline.date)
        began = event.get("date") or deadline.date  # the suspension's first day
        back = "back in force" if took_effect_before(measure, began) else (
            "in force (for the first time)")
        text = (f"the suspension{clause}" + (f" by {by}" if by else "")
                + f" ends on {deadline.date} ({when}); {back} on "
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
        **measure_fields(measure, archive, by), **evidence_of(archive, event),
        diff={"what": deadline.what, "days_left": days, "window": window,
              "sentence": event.get("sentence"), "clause": event.get("clause"),
              "statements": statements},
    )


def already_reported_near(archive: Archive, measure_id: str, deadline: Deadline, window: int,
                          run_id: str) -> bool:
    """A reminder for this deadline was given at this window or a closer one (the measure's
    own: not one of a designation it lists, pipelines.designation_reminders)."""
    return any(c["until"] == deadline.date and c["diff"].get("what") == deadline.what
               and c["diff"].get("window", 0) <= window and not c.get("entity")
               for c in archive.earlier_changes(ChangeKind.DEADLINE_NEAR, measure_id, run_id))


def already_reported_passed(archive: Archive, measure_id: str, end: str, run_id: str) -> bool:
    return any(c["until"] == end for c in
               archive.earlier_changes(ChangeKind.DEADLINE_PASSED, measure_id, run_id))


def was(before: str | None) -> str:
    """"(was in_force)"; "(was not known)" when no event gave the measure a status before (one
    known only as cited: a text that stops it says so, it claims no earlier status)."""
    return f"(was {before or 'not known'})"


def status_change(archive: Archive, measure: dict[str, Any], before: str | None, state: Any,
                  as_of: str) -> ChangeRecord:
    event = settled(archive, state.event)
    after, until = state.status, state.until
    by = event.get("by_measure")
    summary = f"{measure['id']} is now {after}" + (f" by {by}" if by else "") + (
        f" until {until}" if until else "") + f" {was(before)}, as of {as_of}"
    if after == Status.EXPIRED and event.get("date"):
        summary = (f"{measure['id']} is now expired: in force through {event['date']}, expired "
                   f"from {day_after(event['date'])} {was(before)}, as of {as_of}")
    if after == Status.IN_FORCE and event.get("kind") == EventKind.RESUMED and event.get("date"):
        summary = resumed_summary(archive, measure, event, before)
    diff: dict[str, Any] = {"sentence": event["sentence"]} if event.get("sentence") else {}
    if event.get("clause"):
        diff["clause"] = event["clause"]
    if after == Status.EXPIRED and event.get("date"):
        diff["since"] = day_after(event["date"])  # the first day expired (the summary table's)
    began = status_began(archive, measure["id"], as_of)
    if began is not None and "since" not in diff:
        diff["since"] = began  # the first day of the new status, when the run came later
    return ChangeRecord(
        kind=ChangeKind.STATUS_CHANGED, from_=before, to=after, by=by, until=until,
        summary=summary, diff=diff, **measure_fields(measure, archive, by),
        **evidence_of(archive, event))


def status_began(archive: Archive, measure_id: str, as_of: str) -> str | None:
    """The first day of the measure's status on as_of, from its status periods, when it is
    before as_of (a text took effect, or stopped it, before the night that saw it); else None."""
    own = [p for p in status_periods(archive.events(measure_id)) if p.clause is None]
    began = began_on(own, as_of)
    return began if began is not None and began < as_of else None


def resumed_summary(archive: Archive, measure: dict[str, Any], event: dict[str, Any],
                    before: str | None) -> str:
    """A suspension a legal text ended early: resumed (恢复实施), or its instrument revoked."""
    day, by = event["date"], event.get("by_measure")
    ended = [p for p in suspension_periods(archive.events(measure["id"])) if p.start < day]
    began = max((p.start for p in ended), default=day)  # the suspension it ended
    when = ("again " if took_effect_before(measure, began) else "(for the first time) ") + (
        f"from {day}")
    how = (f"{by} revoked {event['revoked']}, which suspended it" if event.get("revoked")
           else f"resumed by {by}" if by else "resumed")
    return f"{measure['id']} is in force {when}: {how} {was(before)}"


def suspension_moved_change(archive: Archive, measure: dict[str, Any], until_before: str | None,
                            state: Any, as_of: str) -> ChangeRecord:
    """measure_amended: the measure stays suspended, but its suspension's last day moved (a text
    continues it, or the suspending text was corrected): fields before and after, and the text
    that states the new last day as evidence."""
    suspending = (suspending_on(archive.events(measure["id"]), as_of) or {}).get("by_measure")
    stating = [e for e in archive.events(measure["id"]) if e["kind"] in SUSPENSION_KINDS
               and e.get("date") and e.get("until") == state.until]
    event = settled(archive, max(stating, key=lambda e: e["date"]) if stating else state.event)
    by = event.get("by_measure")
    was = f"until {until_before}" if until_before else "until further notice"
    now = f"until {state.until}" if state.until else "until further notice"
    summary = (f"{measure['id']}: its suspension now runs {now} (was {was})"
               + (f", as {by} states" if by else "")
               + (f"; suspended by {suspending} until then" if suspending and by
                  and suspending != by else ""))
    diff: dict[str, Any] = {"fields": ["suspended_until"],
                            "before": {"suspended_until": until_before},
                            "after": {"suspended_until": state.until}}
    if event.get("sentence"):
        diff["sentence"] = event["sentence"]
    return ChangeRecord(
        kind=ChangeKind.MEASURE_AMENDED, from_=state.status, to=state.status, by=by,
        until=state.until, summary=summary, diff=diff,
        **measure_fields(measure, archive, by), **evidence_of(archive, event))


def describe_new_status(archive: Archive, run_id: str, measure_id: str, state: Any,
                        as_of: str) -> None:
    """A measure first seen this run gets its status on its new_measure entry (not a second
    status_changed entry), when an event decides it (a measure known only as cited, whose
    first event is still ahead, has none)."""
    change = archive.change_in_run(run_id, ChangeKind.NEW_MEASURE, measure_id)
    if change is None or state.status is None:
        return
    event = dict(state.event or {})
    if (not event or (event.get("date") or "") > as_of) and status_from_periods(
            status_periods(archive.events(measure_id)), as_of) is None:
        return  # no event decides it yet: no status is known, as `status` and the pages say
    extra = f"; {state.status}" + (f" by {event['by_measure']}" if event.get("by_measure")
                                   and state.status in SUSPENDED_STATUSES else "") + (
        f" until {state.until}" if state.until else "")
    fields: dict[str, Any] = {"to": state.status, "until": state.until,
                              "summary": change["summary"] + extra}
    if state.status in SUSPENDED_STATUSES:
        fields["by"] = event.get("by_measure")
    archive.update_change(change["id"], fields)


# --- official copies that disagree on a date --------------------------------------------------

DATE_WORDS = {EventKind.EFFECTIVE: "the date it takes effect",
              EventKind.EXPIRED: "its last day in force",
              EventKind.RESUMED: "the date it is resumed",
              EventKind.REVOKED: "the date it is revoked",
              EventKind.REMOVED_FROM_LIST: "the date it is removed from the list"}


def date_words(kind: str, clause: str | None, by: str | None) -> str:
    """"the date it takes effect", "the suspension by MOFCOM-2025-70" (of clause …)."""
    if kind in SUSPENSION_KINDS:
        what = ("the continued suspension" if kind == EventKind.SUSPENSION_CONTINUED
                else "the partial suspension" if kind == EventKind.PARTIALLY_SUSPENDED
                else "the suspension") + (f" by {by}" if by else "")
    else:
        what = DATE_WORDS.get(kind, f"the date of its {kind.replace('_', ' ')}") + (
            f" (by {by})" if by and kind != EventKind.EXPIRED else "")
    return what + (f", clause {clause}" if clause else "")


def dates_said(kind: str, dates: list[list[str | None]] | list[tuple[str | None, str | None]],
               others: list[Any] = ()) -> str:
    """What one copy says: "2025-12-01", "until 2026-11-10" (a suspension whose first day all
    copies give alike), "from 2025-11-07 until 2026-11-10", "until further notice"."""
    if kind not in SUSPENSION_KINDS:
        return " and ".join(d or "no date" for d, _ in dates)
    starts = {d for copy in others for d, _ in copy} | {d for d, _ in dates}
    return " and ".join((f"from {d} " if len(starts) > 1 else "")
                        + (f"until {u}" if u else "until further notice") for d, u in dates)


def copy_name(doc: dict[str, Any]) -> str:
    """A copy as a person names it: its source and host ("mofcom_exportcontrol
    (exportcontrol.mofcom.gov.cn)")."""
    from urllib.parse import urlsplit

    host = urlsplit(doc.get("url") or "").hostname
    return f"{doc.get('source') or 'a document'}" + (f" ({host})" if host else "")


def disagreement_row(archive: Archive, measure_id: str, found: Disagreement
                     ) -> dict[str, Any]:
    docs = archive.documents_by_id(doc for doc, _, _ in found.copies)
    copies = [{"document": doc, "source": docs.get(doc, {}).get("source"),
               "url": docs.get(doc, {}).get("url"), "title": docs.get(doc, {}).get("title"),
               "published": docs.get(doc, {}).get("published"),
               "dates": [list(d) for d in dates], "sentence": sentence,
               "used": doc == found.used_document}
              for doc, dates, sentence in found.copies]
    return {"measure": measure_id, "kind": found.kind, "clause": found.clause,
            "by_measure": found.by_measure, "used_document": found.used_document,
            "used": [list(d) for d in found.used], "copies": copies,
            "signature": found.signature}


def disagreement_summary(measure_id: str, row: dict[str, Any]) -> str:
    """"MOFCOM-2025-61: official copies disagree on the date it takes effect: mofcom (…) says
    2025-12-01, mofcom_exportcontrol (…) says 2025-11-08; the archive uses 2025-12-01 …"."""
    kind, copies = row["kind"], row["copies"]
    said = [c["dates"] for c in copies]
    says = ", ".join(f"{copy_name(c)} says {dates_said(kind, c['dates'], said)}"
                     for c in copies)
    used = next(c for c in copies if c["used"])
    return (f"{measure_id}: official copies disagree on "
            f"{date_words(kind, row['clause'], row['by_measure'])}: {says}. The archive follows "
            f"{copy_name(used)}, the copy it prefers (by confidence, then the issuer's own site, "
            f"then the earliest published): {dates_said(kind, row['used'], said)}, for the "
            "status and the reminders alike. Verify on the issuer's site.")


def disagreement_change(archive: Archive, measure: dict[str, Any], row: dict[str, Any],
                        summary: str, resolved: bool) -> ChangeRecord:
    """A `source_problem` about a measure: its official copies disagree on a date (or, resolved,
    agree again), the copy the archive does not use (or the one that changed) as its page."""
    other = next((c for c in row["copies"] if not c["used"]), row["copies"][0])
    return ChangeRecord(
        kind=ChangeKind.SOURCE_PROBLEM, measure=measure["id"], document=other["document"],
        url=other["url"], source=other["source"], by=row["by_measure"],
        title=measure["title_zh"] or measure["title_en"], category=measure["category"],
        confidence=measure["confidence"], summary=summary,
        diff={"disagreement": {k: row[k] for k in ("kind", "clause", "by_measure", "used",
                                                   "used_document", "copies")},
              "resolved": resolved})


def disagreement_changes(archive: Archive, run_id: str, measure_ids: Iterable[str],
                         quiet_before: str | None = None) -> list[ChangeRecord]:
    """Of the measures whose events changed in the run: each kind of date that official copies
    now state differently (a `source_problem` naming every copy and the date used), and each
    such disagreement reported before that is over (the copies agree again, or only one still
    states it), once; the archive's `date_disagreements` holds the ones open. A measure whose
    copies disagree on the date it takes effect has the used date as its `effective`. In a
    backfill (quiet_before set), an old measure first stored by the run without a change of its
    own has its disagreements recorded (shown on its page and by `status`), not reported."""
    changes: list[ChangeRecord] = []
    ours = archive.run_chain(run_id)
    for measure_id in measure_ids:
        measure = archive.measure(measure_id)
        if measure is None:
            continue
        quiet = quiet_before is not None and measure["first_run_id"] in ours and not (
            archive.change_in_run(run_id, ChangeKind.NEW_MEASURE, measure_id))
        report = changes if not quiet else []
        events = archive.events(measure_id)
        found = {(d.kind, d.clause, d.by_measure): d for d in disagreements(events)}
        open_rows = {(r["kind"], r["clause"], r["by_measure"]): r
                     for r in archive.open_disagreements(measure_id)}
        for key, disagreement in found.items():
            row = disagreement_row(archive, measure_id, disagreement)
            known = open_rows.get(key)
            if known is not None and known["signature"] == row["signature"]:
                continue
            archive.save_disagreement(row, run_id)
            summary = disagreement_summary(measure_id, row) + used_before(
                row, [e for e in events if e["run_id"] not in ours])
            report.append(disagreement_change(archive, measure, row, summary, False))
        for key, known in open_rows.items():
            if key in found:
                continue
            archive.resolve_disagreement(known["id"], run_id)
            report.append(disagreement_change(
                archive, measure, known, resolved_summary(measure_id, known, events), True))
        if any(k[0] == EventKind.EFFECTIVE for k in [*found, *open_rows]):
            effective = [e["date"] for e in legal_events(events)
                         if e["kind"] == EventKind.EFFECTIVE and e["date"]
                         and e.get("official_copy") and not e.get("by_measure")]
            if effective and min(effective) != measure["effective"]:
                archive.set_measure_effective(measure_id, min(effective))
    return changes


def used_before(row: dict[str, Any], earlier: list[dict[str, Any]]) -> str:
    """" Until this run it used 2026-11-10, from mofcom (…)." when the copy the archive uses
    is not the one it used before the run (the preferred copy arrived, or changed)."""
    stated = [e for e in legal_events(earlier) if (e["kind"], e.get("clause"),
                                                   e.get("by_measure")) == (
        row["kind"], row["clause"], row["by_measure"])]
    if not stated or stated[0]["document"] == row["used_document"]:
        return ""
    dates = sorted({(e["date"], e["until"]) for e in stated}, key=lambda d: (d[0] or "",
                                                                             d[1] or ""))
    copy = next((c for c in row["copies"] if c["document"] == stated[0]["document"]), None)
    said = [c["dates"] for c in row["copies"]]
    return (" Until this run it followed " + (f"{copy_name(copy)}: " if copy else "")
            + f"{dates_said(row['kind'], dates, said)}.")


def resolved_summary(measure_id: str, row: dict[str, Any], events: list[dict[str, Any]]
                     ) -> str:
    """"MOFCOM-2025-61: the official copies agree again on the date it takes effect: …"."""
    kind = row["kind"]
    stated = [e for e in legal_events(events) if (e["kind"], e.get("clause"),
                                                  e.get("by_measure")) == (
        kind, row["clause"], row["by_measure"])]
    what = date_words(kind, row["clause"], row["by_measure"])
    if not stated:
        return (f"{measure_id}: the disagreement of official copies on {what} is over: no copy "
                "states it any more.")
    dates = sorted({(e["date"], e["until"]) for e in stated}, key=lambda d: (d[0] or "",
                                                                             d[1] or ""))
    copies = len({e["document"] for e in events if e.get("official_copy") and (
        e["kind"], e.get("clause"), e.get("by_measure")) == (kind, row["clause"],
                                                             row["by_measure"])})
    how = "agree again" if copies > 1 else "no longer disagree"
    return (f"{measure_id}: the official copies {how} on {what}: "
            f"{dates_said(kind, dates)} (they disagreed since the run of "
            f"{row['first_run_id'][:10]}).")


def write_status_periods(archive: Archive) -> list[str]:
    """measure_status for every measure whose events changed; the measures rewritten."""
    stale = archive.stale_measures()
    for measure_id in stale:
        archive.write_status_periods(measure_id, status_periods(archive.events(measure_id)))
    return stale


def lifecycle_candidates(archive: Archive, since: str, as_of: str, horizon: int) -> list[str]:
    """The measures whose status may differ between since and as_of, or that have a deadline
    within horizon days of as_of: every other measure's status, deadlines and reminders are
    what the last run found, so a night's cost grows with what changed, not with the archive."""
    first, last = min(since, as_of), max(since, as_of)
    changing = archive.measures_changing_between(day_before(first), shift(last, horizon + 1))
    return sorted(set(changing) | set(archive.stale_measures()))


def recent_transition(events: list[dict[str, Any]], as_of: str, quiet_before: str | None
                      ) -> str | None:
    """An old measure a backfill found whose status on as_of began on or after quiet_before
    (it took effect, its suspension ended, it expired within the window): the status it had
    the day before, as a normal night would have said "was …" (None: no such transition)."""
    if quiet_before is None:
        return None
    periods = [p for p in status_periods(events) if p.clause is None]
    now = next((p for p in periods if p.first <= as_of and (p.last is None or as_of <= p.last)),
               None)
    if now is None or now.first < quiet_before:
        return None
    before = status_from_periods(periods, day_before(now.first))
    return before if before is not None and before != now.status else None


def reminder_windows(deadline_days: tuple[int, ...] | list[int]) -> list[int]:
    """The reminder windows (days), ascending: the configuration's when none are given."""
    return sorted(int(d) for d in deadline_days) or sorted(Config().deadline_days)


def lifecycle_changes(archive: Archive, run_id: str, as_of: str,
                      deadline_days: tuple[int, ...] | list[int],
                      quiet_before: str | None = None,
                      disputed: set[str] | frozenset[str] = frozenset()) -> list[ChangeRecord]:
    """Status transitions, deadlines passed and deadlines near on as_of, for the measures that
    may have any: those whose events changed, or whose status periods begin or end between the
    previous run's date and the last reminder window (lifecycle_candidates).

    In a backfill (quiet_before set), a measure first stored by this run without a change of
    its own (an old one) has its status stored, not reported as a transition unless its status
    on as_of began on or after quiet_before (it took effect, or came back, within the window:
    reported as on any night, `recent_transition`), and a suspension of it that ended before
    quiet_before is history, not a deadline passed. A suspension whose
    last day moved because official copies now disagree on it, or agree again (`disputed`: the
    measures with such a change in the run), is not an amendment: that change says it."""
    windows = reminder_windows(deadline_days)
    since = archive.previous_as_of(run_id) or shift(as_of, -windows[-1])
    changes: list[ChangeRecord] = []
    ours = archive.run_chain(run_id)  # (a run killed before its end is continued by this one)
    for measure_id in lifecycle_candidates(archive, since, as_of, windows[-1]):
        until_before = (archive.measure(measure_id) or {}).get("suspended_until")
        before, state = archive.refresh_status(measure_id, as_of)
        measure = archive.measure(measure_id)
        events = archive.events(measure_id)
        explained = False
        new = archive.change_in_run(run_id, ChangeKind.NEW_MEASURE, measure_id)
        quiet = quiet_before is not None and not new and measure["first_run_id"] in ours
        for period in ended_suspensions(events, since, as_of):
            if period.ended_by is not None:
                continue  # a legal text ended it early: the status change below says which
            if already_reported_passed(archive, measure_id, period.end, run_id) or (
                    quiet and period.end is not None and period.end < quiet_before):
                continue
            moved = before in SUSPENDED_STATUSES and state.status not in SUSPENDED_STATUSES
            changes.append(passed_change(archive, measure, period, before, state.status))
            explained = explained or moved
        if new:
            describe_new_status(archive, run_id, measure_id, state, as_of)
        elif quiet:
            recent = recent_transition(events, as_of, quiet_before)
            if recent is not None and not explained:
                changes.append(status_change(archive, measure, recent, state, as_of))
        elif before != state.status and not explained:
            changes.append(status_change(archive, measure, before, state, as_of))
        elif before == state.status in SUSPENDED_STATUSES and until_before != state.until and (
                measure_id not in disputed):
            changes.append(suspension_moved_change(archive, measure, until_before, state, as_of))
        for deadline in deadlines(events, as_of, windows[-1]):
            if deadline.what == "expires" and is_suspending_instrument(measure):
                continue  # an instrument's end: its targets' reminders tell the same day
            days = days_until(deadline.date, as_of)
            window = next(w for w in windows if days <= w)
            if not already_reported_near(archive, measure_id, deadline, window, run_id):
                changes.append(near_change(archive, measure, deadline, as_of, window))
    return changes


def link_documents(archive: Archive, run_id: str) -> int:
    """Links to measures described without their numbers, decided after the night's documents
    are stored and revisited when the run touched a measure they may describe (so that no link
    depends on the order pages arrive in); the number of documents (re)linked."""
    return link_run(archive, run_id)


def record_sources(archive: Archive, run_id: str, source_runs: Iterable[SourceRun]) -> None:
    """Store each source's health and counts; a source whose crawl never ended is failed."""
    for source_run in source_runs:
        health = source_run.health
        status = health.status if health else SourceStatus.FAILED.value
        problems = health.problems if health else ["the crawl did not run to its end"]
        archive.record_source(run_id, source_run.source, {
            "status": status, "problems": problems,
            **{k: source_run.counts.get(k, 0)
               for k in ("items", "unchanged", "requests", "responses")},
            # a night that read lists past their first pages is no yardstick either
            "backfill": int(backfilling(source_run) or bool(
                source_run.walks is not None and source_run.walks.beyond_first_pages)),
            "walks_stuck": walks_stuck(archive, run_id, source_run),
            "notes": ((source_run.walks.notes() if source_run.walks is not None else [])
                      + [n for n in [source_run.revisit_note()] if n]),
        })


def walks_stuck(archive: Archive, run_id: str, source_run: SourceRun) -> list[dict[str, Any]]:
    """The source's walks back that stopped at a bad page this run and retry it next night:
    list, page, problem and the first night they stopped there (carried from the source's
    previous run), so that each night's report says the walk is still stuck."""
    walks = source_run.walks
    if walks is None:
        return []
    stopped = [s for s in walks.states.values()
               if s.status == WalkStatus.STOPPED and s.next_page is not None]
    if not stopped:
        return []
    previous = archive.previous_source_run(source_run.source, run_id) or {}
    before = {(w["list"], w["page"]): w["since"] for w in previous.get("walks_stuck") or []}
    return [{"list": s.list, "page": s.next_page,
             "problem": (s.problem or "").split("; the walk stops there")[0].removeprefix(
                 f"list {s.list} page {s.next_page}: "),
             "since": before.get((s.list, s.next_page), source_run.as_of)}
            for s in sorted(stopped, key=lambda s: s.list)]


# --- the backfill's end of run (pipelines/backfill.py) -------------------------------------


def backfilling(source_run: SourceRun) -> bool:
    """The source walked back (or read its lists for the first time) in this run."""
    return bool(source_run.walks is not None and source_run.walks.backfilling)


def backfill_change(source_run: SourceRun, earlier: dict[str, Any] | None = None
                    ) -> ChangeRecord:
    """One `backfill` change: documents, measures, earliest date reached, pages, complete.
    `earlier`: the diff of the summary a killed run this one continues wrote for the source
    (its walk goes on in this one: the two make one summary)."""
    walk = source_run.walks.summary()
    if earlier:
        walk = merge_walks(earlier, walk)
    documents = new_documents(source_run)
    measures = (source_run.stats.get("regwatch/measures/new", 0)
                if source_run.new_measures is None else source_run.new_measures)
    return backfill_record(source_run.source, documents, measures, walk)


def backfill_record(source: str, documents: int, measures: int, walk: dict[str, Any]
                    ) -> ChangeRecord:
    """The `backfill` change of a source's walk (`Walks.summary`) and what it found."""
    found = f"{plural(documents, 'new document')}, {plural(measures, 'new measure')}"
    stopped = next((w["stopped"] for w in walk["lists"] if w["stopped"]),
                   "a list page could not be read")
    if not walk["walked_back"]:
        summary = f"{source}: first night: {found} (news lists are not walked back)"
    elif not walk["pages"] and not walk["earliest"]:  # (a killed run's pages leave a date)
        summary = f"{source}: no list page read ({stopped}); the walk back starts next night"
    else:
        state = "complete" if walk["complete"] else (
            f"not complete ({stopped}); continues next night")
        pages = f" ({plural(walk['pages'], 'list page')})" if walk["pages"] else ""
        summary = (f"{source}: walked back to {walk['earliest'] or 'no dated item'}{pages}: "
                   f"{found}; {state}")
    walk = {k: v for k, v in walk.items() if k not in ("documents", "measures")}
    return ChangeRecord(kind=ChangeKind.BACKFILL, source=source, summary=summary,
                        diff={"documents": documents, "measures": measures, **walk})


def merge_walks(earlier: dict[str, Any], later: dict[str, Any]) -> dict[str, Any]:
    """A walk a killed run began and this run continued, as one: pages add up, the dates
    reached widen, each list stands where the later run left it (complete: as the later run
    found the source's lists)."""
    lists = {w["list"]: dict(w) for w in earlier.get("lists", [])}
    for walk in later["lists"]:
        before = lists.get(walk["list"])
        if before is not None:
            walk = {**walk, "pages": before["pages"] + walk["pages"],
                    "earliest": _first(before["earliest"], walk["earliest"]),
                    "latest": _last(before["latest"], walk["latest"])}
        lists[walk["list"]] = walk
    return {"pages": earlier.get("pages", 0) + later["pages"],
            "earliest": _first(earlier.get("earliest"), later["earliest"]),
            "latest": _last(earlier.get("latest"), later["latest"]),
            "complete": later["complete"], "lists": [lists[k] for k in sorted(lists)],
            "walked_back": bool(lists)}


def _first(*days: str | None) -> str | None:
    return min((d for d in days if d), default=None)


def _last(*days: str | None) -> str | None:
    return max((d for d in days if d), default=None)


def new_documents(source_run: SourceRun) -> int:
    """The documents the run (or a killed run it continues) stored first from this source."""
    return source_run.archive.new_documents_by_source(source_run.run_id).get(
        source_run.source, 0)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def worth_a_summary(source_run: SourceRun) -> bool:
    """The source walked back or read its lists for the first time, and read a page or found
    something (a walk held up, e.g. by a bot challenge, is its source problem's story; the walk
    starts when the source answers)."""
    return backfilling(source_run) and bool(
        source_run.walks.summary()["pages"] or new_documents(source_run)
        or source_run.stats.get("regwatch/measures/new"))


def recorded_summary(archive: Archive, run_id: str, source: str) -> dict[str, Any] | None:
    """The source's `backfill` change in the run (one a killed run it continues wrote)."""
    return next((c for c in archive.changes_in_run(run_id, ChangeKind.BACKFILL)
                 if c["source"] == source), None)


def backfill_changes(source_runs: Iterable[SourceRun]) -> list[ChangeRecord]:
    """A summary for each source worth one whose crawl did not write it when it ended."""
    return [backfill_change(r) for r in source_runs
            if not r.backfill_recorded and worth_a_summary(r)
            and recorded_summary(r.archive, r.run_id, r.source) is None]


def settle_backfill_counts(archive: Archive, run_id: str, source_runs: list[SourceRun]
                           ) -> None:
    """Each source's backfill summary counts the new measures whose preferred page of the run
    is one of its pages (as their entries cite), not those its pages happened to store first:
    sources crawl side by side, so which one stores a measure first depends on the order pages
    arrive in. Documents and measures are counted over the killed runs the run continues too,
    and a summary a killed run wrote keeps its walk."""
    if not any(backfilling(r) for r in source_runs):
        return  # no source walked back: no summary to count for
    by_source = archive.new_measures_by_source(run_id)
    documents = archive.new_documents_by_source(run_id)
    for source_run in source_runs:
        source_run.new_measures = by_source.get(source_run.source, 0)
    for change in archive.changes_in_run(run_id, ChangeKind.BACKFILL):
        walk = json.loads(change["diff"]) if change["diff"] else {}
        if "lists" not in walk:
            continue
        settled = backfill_record(change["source"], documents.get(change["source"], 0),
                                  by_source.get(change["source"], 0), walk)
        archive.update_change(change["id"], {"summary": settled.summary,
                                             "diff": settled.diff})


def close_walks(source_run: SourceRun, stats: dict[str, Any]) -> None:
    """The source's crawl ended normally: its walks are written (complete ones complete) with
    its `backfill` summary, in one transaction, so a run killed after this source ended and
    before the end of the run keeps both, and the next night's report carries the summary
    (merged with the one a killed run this one continues wrote for the source)."""
    source_run.stats = stats
    archive = source_run.archive
    with archive.transaction():
        source_run.walks.finish()
        if worth_a_summary(source_run):
            earlier = recorded_summary(archive, source_run.run_id, source_run.source)
            if earlier is None:
                archive.add_change(source_run.run_id, backfill_change(source_run))
            else:
                change = backfill_change(source_run, json.loads(earlier["diff"] or "{}"))
                archive.update_change(earlier["id"], {"summary": change.summary,
                                                      "diff": change.diff})
            source_run.backfill_recorded = True


def keep_archive_context(archive: Archive, run_id: str, as_of: str) -> None:
    """The archive's one line, coverage and number gaps at the run's end, kept with the run
    (its report and digest say what that night knew, whenever they are written)."""
    from pipelines.report import archive_context

    archive.set_run_context(run_id, archive_context(archive, as_of))


def run_quiet_before(run: dict[str, Any], source_runs: Iterable[SourceRun]) -> str | None:
    """In a backfill run, the day before which findings are history (None otherwise)."""
    return quiet_before(run["as_of"]) if any(backfilling(r) for r in source_runs) else None


def finish_run(archive: Archive, run_id: str, source_runs: Iterable[SourceRun] = (), *,
               deadline_days: tuple[int, ...] | list[int] | None = None,
               removed_after_nights: int | None = None) -> list[ChangeRecord]:
    """Close a run: sources' health, removals, source problems, lifecycle changes, completion
    (deadline_days and removed_after_nights: the configuration's defaults when not given)."""
    defaults = Config()
    deadline_days = defaults.deadline_days if deadline_days is None else deadline_days
    removed_after_nights = removed_after_nights or defaults.removed_after_nights
    source_runs = list(source_runs)
    run = archive.run(run_id)
    record_sources(archive, run_id, source_runs)
    changes: list[ChangeRecord] = []
    for source_run in source_runs:
        archive.mark_all_listed(source_run.source, source_run.listed_on)
        if source_run.health is not None and source_run.health.status == SourceStatus.OK:
            changes += removal_changes(archive, source_run.source, run_id, run["as_of"],
                                       source_run.list_pages, removed_after_nights,
                                       source_run.listed_on)
    link_documents(archive, run_id)
    with archive.transaction():
        settle_new_measures(archive, run_id)
        settle_backfill_counts(archive, run_id, source_runs)
        quiet = run_quiet_before(run, source_runs)
        quiet_history_measures(archive, run_id, source_runs, quiet)
        # before the statuses (a measure's effective date is the used copy's)
        disputes = disagreement_changes(archive, run_id, archive.stale_measures(), quiet)
        run_changes = backfill_changes(source_runs) + source_problem_changes(
            archive, run_id) + lifecycle_changes(
                archive, run_id, run["as_of"], deadline_days, quiet,
                disputed={c.measure for c in disputes if c.measure}) + disputes
        # before the periods
        run_changes += designation_changes(archive, run_id, run["as_of"], quiet)
        run_changes += designation_reminders(archive, run_id, run["as_of"],
                                             reminder_windows(deadline_days))
        note_filled_gaps(archive, run_id)  # (after its status is said: "…; in_force; fills …")
        write_status_periods(archive)
        for change in run_changes:
            archive.add_change(run_id, change)
    write_coverage(archive, run["as_of"], run_id)
    keep_archive_context(archive, run_id, run["as_of"])
    stats = {s["source"]: {"status": s["status"], "items": s["items"]}
             for s in archive.run_sources(run_id)}
    archive.finish_run(run_id, stats)
    return changes + run_changes
