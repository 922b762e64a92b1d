"""The regime on any date, and everything about one measure on one page.

Statuses on a day come from the status periods (`measure_status`, written by pipelines.finish
from pipelines.lifecycle.status_periods): a period covers day D when `from <= D <= to` (or `to`
is empty). Without a day, the day is today in Beijing, and every answer says which day it is for.
If the latest completed run is older than `STALE_AFTER_DAYS`, every answer says that too:
statuses after that run are not known (a suspension may have been extended meanwhile).

Used by `regwatch status`, `regwatch export` and the Datasette pages (crawler.pages).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from pipelines.archive import Archive
from pipelines.config import ConfigError, check_as_of
from pipelines.dates import today_in_beijing
from pipelines.lifecycle import (
    Link,
    day_after,
    day_before,
    days_until,
    is_suspending_instrument,
    shift,
    suspension_caveat,
    suspension_chain,
)
from pipelines.report import by_document
from pipelines.vocab import REMOVAL_WORDS, Confidence, DesignationStatus, Relation, Status

STALE_AFTER_DAYS = 2
STATUS_WORDS = {
    Status.ANNOUNCED: "announced, not yet in force", Status.IN_FORCE: "in force",
    Status.SUSPENDED: "suspended", Status.PARTIALLY_SUSPENDED: "partially suspended",
    Status.REVOKED: "revoked", Status.EXPIRED: "expired",
}
# what every page, export and command says of a measure no event has given a status yet
NO_STATUS = "not known"
NOT_YET_PUBLISHED = "not yet published"
# a measure in force because a suspension of it ran out by its term: no text said so (the line
# of `status`, as the timeline's row: an extension may be announced late)
SUSPENSION_RAN_OUT = (" from {since}, when its suspension ended, unless an extension is found "
                      "(verify on the issuer's site)")
RELATION_ORDER = [Relation.ISSUES.value, Relation.REPORTS_ON.value, Relation.MENTIONS.value]
RELATION_HEADINGS = {Relation.ISSUES.value: "Its own text",
                     Relation.REPORTS_ON.value: "Reports on it",
                     Relation.MENTIONS.value: "Mentions it"}
CONFIDENCE_ORDER = [Confidence.HIGH.value, Confidence.MEDIUM.value, Confidence.LOW.value]


class DayError(ValueError):
    """A day that cannot be asked about; the message is one line naming the parameter."""


def parse_day(value: str | None, key: str = "on") -> tuple[str, bool]:
    """(the ISO day, whether it was given): today in Beijing when value is empty; DayError for
    garbage or a day far outside what the archive can know (before 2000, over a year ahead)."""
    if value is None or not str(value).strip():
        return today_in_beijing(), False
    try:
        return check_as_of(str(value), key), True
    except ConfigError as e:
        raise DayError(str(e)) from None


@dataclass(frozen=True)
class Freshness:
    """How far the archive's knowledge reaches, seen from today."""

    last_run: str | None  # as-of date of the latest completed run
    today: str

    @property
    def stale(self) -> bool:
        return self.last_run is None or days_until(self.today, self.last_run) > STALE_AFTER_DAYS

    @property
    def note(self) -> str:
        """The sentence every page shows when the archive is stale ("" when it is not)."""
        if self.last_run is None:
            return "The archive holds no completed run yet: no status is known."
        if not self.stale:
            return ""
        return (f"Archive last updated {self.last_run}: statuses after that are not known "
                f"(today is {self.today} in Beijing).")


def freshness(archive: Archive, today: str | None = None) -> Freshness:
    return Freshness(archive.last_completed_as_of(), today or today_in_beijing())


def status_phrase(status: str | None, until: str | None = None, by: str | None = None,
                  term: str | None = None, following: dict[str, Any] | None = None,
                  effective: str | None = None, chain: list[Link] | None = None) -> str:
    """"suspended by MOFCOM-2025-70 until 2026-11-10" (no status: "not known", as reports say
    "(was not known)" and the Datasette pages); a
    suspension cut short says its own term too (`term`: the until of the instrument). An
    announced measure takes effect the day after `until`, unless the period after it
    (`following`) is not in force: then that comes first (`effective`: its text's date). A
    suspension continued by another text names each in turn (`chain`: "suspended by
    MOFCOM-2025-70 until 2026-11-10, continued by MOFCOM-2026-60 until 2027-11-10")."""
    if not status:
        return NO_STATUS
    text = STATUS_WORDS.get(status, status)
    if status in (Status.SUSPENDED, Status.PARTIALLY_SUSPENDED) and chain and len(chain) > 1:
        text += continued_words(chain, until)
    elif by and status in (Status.SUSPENDED, Status.PARTIALLY_SUSPENDED):
        text += f" by {by}"
    if until and status in (Status.SUSPENDED, Status.PARTIALLY_SUSPENDED):
        if not (chain and len(chain) > 1):
            text += f" until {until}"
        text += " (inclusive)"
        if term and term > until:
            text += f"; cut short: its own term ran to {term}"
    elif until and status == Status.ANNOUNCED:
        text += announced_end(until, following, effective)
    return text


def continued_words(chain: list[Link], until: str | None) -> str:
    """" by MOFCOM-2025-70 until 2026-11-10, continued by MOFCOM-2026-60 until 2027-11-10": each
    text of one suspension in turn, the last until the period's end (`until`)."""
    parts = []
    for i, link in enumerate(chain):
        last = until if i == len(chain) - 1 else link.last
        words = f"by {link.by}" if link.by else "by its own text"
        parts.append(f"{'continued ' if i else ''}{words}" + (f" until {last}" if last else ""))
    return " " + ", ".join(parts)


def suspension_links(events: list[dict[str, Any]], period: dict[str, Any]) -> list[Link]:
    """The texts of a suspended status period (`from`, `to`, `clause`, `status`) in turn."""
    partial = period["status"] == Status.PARTIALLY_SUSPENDED or period["clause"] is not None
    return suspension_chain(events, period["from"], period["to"], partial)


def announced_end(until: str, following: dict[str, Any] | None, effective: str | None) -> str:
    """How a period announced, not yet in force, ends: "; takes effect on …", or, when a
    suspension (a revocation, …) comes first, that, and the day its text had set; for a
    clause, a date falling inside a suspension of the whole measure (`following`, measure-wide)
    says so."""
    starts = day_after(until)
    if not following or following["status"] == Status.IN_FORCE:
        return f"; takes effect on {starts}"
    then = status_phrase(following["status"], following.get("to"), following.get("by"),
                         following.get("term_until"))
    if following["clause"] is None and following["from"] < starts:  # a clause's date
        return f"; due to take effect on {starts}, when the whole measure is {then}"
    text = f"; from {starts}, before it takes effect"
    if effective and effective > starts:
        text += f" (its text: on {effective})"
    return f"{text}, {then}"


def following_period(periods: list[dict[str, Any]], period: dict[str, Any]
                     ) -> dict[str, Any] | None:
    """The period after `period` of the same clause (periods: a measure's, in order); for a
    clause with none, the whole measure's period its next day falls in, when not in force."""
    after = next((p for p in periods if p["clause"] == period["clause"]
                  and p["from"] > period["from"]), None)
    if after is not None or period["clause"] is None or not period["to"]:
        return after
    starts = day_after(period["to"])
    return next((p for p in periods if p["clause"] is None and p["from"] <= starts
                 and (p["to"] is None or p["to"] >= starts)
                 and p["status"] != Status.IN_FORCE), None)


def regime(archive: Archive, day: str, measure: str | None = None) -> list[dict[str, Any]]:
    """Every measure (or one) with its status on day, its clause rows and a phrase a person
    reads; the shape of `regwatch status --json` and of the exports."""
    clauses: dict[str, list[dict[str, Any]]] = {}
    for row in archive.clause_statuses_on(day, measure):
        clauses.setdefault(row["measure"], []).append(
            {"clause": row["clause"], "status": row["status"], "from": row["from"],
             "to": row["to"], "by": row["by"]})
    out = []
    continued = archive.continued_without_a_start()
    disputes = disagreement_notes(archive, measure)
    for row in archive.regime_on(day, measure):
        chain = continued_suspension(archive, row)
        if chain:  # the text suspending it on the day (No. 70's year, then No. 60's)
            row["by"] = next((link.by for link in chain if link.first <= day and (
                link.last is None or day <= link.last)), row["by"])
        out.append({
            "measure": row["id"], "status": row["status"], "since": row["since"],
            "until": row["until"], "by": row["by"], "title_zh": row["title_zh"],
            "title_en": row["title_en"], "published": row["published"],
            "effective": row["effective"], "category": row["category"],
            "confidence": row["confidence"],
            "issuers": json.loads(row["issuers"] or "[]"),
            "term_until": row["term_until"], "clauses": clauses.get(row["id"], []),
            "phrase": status_phrase(row["status"], row["until"], row["by"], row["term_until"],
                                    announced_following(archive, row), row["effective"], chain),
            "document": row["title_zh_document"] or row["document"],
        })
        for clause in out[-1]["clauses"]:
            note = clause_in_suspension(clause, row)
            if note:
                clause["note"] = note
        if row["status"] == Status.IN_FORCE and row["suspension_ended"] and not row["by"]:
            out[-1]["phrase"] += SUSPENSION_RAN_OUT.format(since=row["since"])
        if not row["status"] and row["published"] and day < row["published"][:10]:
            out[-1]["phrase"] = NOT_YET_PUBLISHED  # (asked by name: the Datasette table's word)
        if disputes.get(row["id"]):
            out[-1]["disagreements"] = disputes[row["id"]]
        since = continued.get(row["id"])
        if since and day < since and row["status"] in (Status.IN_FORCE, Status.ANNOUNCED):
            out[-1]["caveat"] = suspension_caveat(since)
            out[-1]["phrase"] += f" ({out[-1]['caveat']})"
    return out


def clause_in_suspension(clause: dict[str, Any], row: dict[str, Any]) -> str | None:
    """For a clause announced to take effect on a day inside the suspension of the whole
    measure running on the day asked (No. 61's items 1 and 2: 2025-12-01, suspended from
    2025-11-07), what its line adds: it does not take effect then."""
    if (clause["status"] != Status.ANNOUNCED or not clause["to"]
            or row["status"] != Status.SUSPENDED or not row["until"]
            or day_after(clause["to"]) > row["until"]):
        return None
    return (f"its date, {day_after(clause['to'])}, falls inside the suspension of the whole "
            "measure: not in force before the suspension ends")


def continued_suspension(archive: Archive, row: dict[str, Any]) -> list[Link] | None:
    """For a measure suspended on the day by more than one text in turn (a suspension
    continued), those texts; None otherwise."""
    if row["status"] not in (Status.SUSPENDED, Status.PARTIALLY_SUSPENDED):
        return None
    chain = suspension_links(archive.events(row["id"]), {
        "from": row["since"], "to": row["until"], "status": row["status"], "clause": None})
    return chain if len(chain) > 1 else None


def disagreement_notes(archive: Archive, measure: str | None = None
                       ) -> dict[str, list[dict[str, Any]]]:
    """The dates official copies of a measure's texts state differently, by measure: each with
    its copies (document, source, url, title, dates, sentence, `used`), the dates used and a
    line a person reads ("sources disagree on the date it takes effect: mofcom (…) says
    2025-12-01, mofcom_exportcontrol (…) says 2025-11-08; followed: …")."""
    from pipelines.finish import copy_name, date_words, dates_said

    notes: dict[str, list[dict[str, Any]]] = {}
    for row in archive.open_disagreements(measure):
        said = [c["dates"] for c in row["copies"]]
        used = next((c for c in row["copies"] if c["used"]), row["copies"][0])
        text = (f"sources disagree on {date_words(row['kind'], row['clause'], row['by_measure'])}"
                ": " + ", ".join(f"{copy_name(c)} says {dates_said(row['kind'], c['dates'], said)}"
                                 for c in row["copies"])
                + f"; followed: {copy_name(used)} ({dates_said(row['kind'], row['used'], said)})")
        notes.setdefault(row["measure"], []).append({
            "kind": row["kind"], "clause": row["clause"], "by_measure": row["by_measure"],
            "what": date_words(row["kind"], row["clause"], row["by_measure"]),
            "used": row["used"], "used_document": row["used_document"],
            "copies": row["copies"], "since_run": row["first_run_id"], "text": text})
    return notes


def announced_following(archive: Archive, row: dict[str, Any]) -> dict[str, Any] | None:
    """For a measure announced on the day and not yet in force, the period that follows."""
    if row["status"] != Status.ANNOUNCED or not row["until"]:
        return None
    periods = [p for p in archive.status_periods(row["id"]) if p["clause"] is None]
    return next((p for p in periods if p["from"] > row["until"]), None)


# --- the measure page ---------------------------------------------------------------------------
def timeline(periods: list[dict[str, Any]], day: str, effective: str | None = None,
             events: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The status periods as rows a person reads, the measure's own first, then each clause's:
    issued / in force / suspended by … until … (each text of a continued suspension in turn,
    from the measure's `events`) / back in force from … unless …"""
    rows = []
    previous: dict[str | None, dict[str, Any]] = {}
    for p in periods:
        before = previous.get(p["clause"])
        status = p["status"]
        if status == Status.IN_FORCE and before and before["status"] in (
                Status.SUSPENDED, Status.PARTIALLY_SUSPENDED):
            again = was_in_force(periods, p)
            what = (f"back in force from {p['from']}" if again
                    else f"in force from {p['from']}, when its suspension ended")
            if p["by"]:  # a legal text ended the suspension (resumed, its instrument revoked)
                what += f", as {p['by']} decided"
            elif before["to"]:
                what += " unless an extension is found (verify on the issuer's site)"
            if not again and any(q["clause"] == p["clause"] and q["from"] < p["from"]
                                 and q["status"] == Status.ANNOUNCED for q in periods):
                what += "; it had not taken effect before"  # (its own text said when)
        elif status == Status.ANNOUNCED:
            what = "published, not yet in force" + (
                announced_end(p["to"], following_period(periods, p), effective)
                if p["to"] else "")
        else:
            chain = suspension_links(events, p) if events and status in (
                Status.SUSPENDED, Status.PARTIALLY_SUSPENDED) else None
            what = status_phrase(status, p["to"], p["by"], p.get("term_until"), chain=chain)
        rows.append({
            "clause": p["clause"] or "", "status": status, "from": p["from"], "to": p["to"],
            "by": p["by"], "what": what, "document": p["document"], "sentence": p["sentence"],
            "current": p["from"] <= day and (p["to"] is None or p["to"] >= day),
        })
        previous[p["clause"]] = p
    return rows


def was_in_force(periods: list[dict[str, Any]], period: dict[str, Any]) -> bool:
    """The measure (or clause) was in force at some time before `period`."""
    return any(p["clause"] == period["clause"] and p["from"] < period["from"]
               and p["status"] in (Status.IN_FORCE, Status.PARTIALLY_SUSPENDED)
               for p in periods)


EVENT_KEY = ("kind", "date", "until", "by_measure", "clause", "measure")


def deduplicated_events(events: list[dict[str, Any]], documents: dict[str, dict[str, Any]]
                        ) -> list[dict[str, Any]]:
    """Events stated by several copies of one announcement (two sites, one event) as one row,
    with every document as evidence (the sentence of the most confident one)."""
    grouped: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
    rank = {c: i for i, c in enumerate(CONFIDENCE_ORDER)}
    for event in events:
        key = tuple(event.get(k) for k in EVENT_KEY)
        doc = documents.get(event["document"] or "")
        evidence = {"document": event["document"], "confidence": event["confidence"],
                    "url": doc["url"] if doc else None, "title": doc["title"] if doc else None,
                    "source": doc["source"] if doc else None}
        if key not in grouped:
            grouped[key] = {**{k: event.get(k) for k in EVENT_KEY},
                            "sentence": event["sentence"], "evidence": [evidence]}
            continue
        row = grouped[key]
        if event["document"] not in [e["document"] for e in row["evidence"]]:
            row["evidence"].append(evidence)
        best = min(row["evidence"], key=lambda e: rank.get(e["confidence"], 9))
        if best is evidence and event["sentence"]:
            row["sentence"] = event["sentence"]
    for row in grouped.values():
        row["evidence"].sort(key=lambda e: (rank.get(e["confidence"], 9), e["source"] or ""))
    return sorted(grouped.values(), key=lambda r: (r["date"] or "", r["kind"], r["measure"]))


def document_groups(links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The documents about a measure, grouped by relation, then link confidence."""
    groups = []
    for relation in [*RELATION_ORDER, *sorted({d["relation"] for d in links} - set(
            RELATION_ORDER))]:
        for confidence in CONFIDENCE_ORDER:
            docs = [d for d in links if d["relation"] == relation and d["confidence"] == confidence]
            if docs:
                groups.append({"relation": relation, "confidence": confidence,
                               "heading": RELATION_HEADINGS.get(relation, relation),
                               "documents": docs})
    return groups


def official_text(archive: Archive, measure: dict[str, Any], links: list[dict[str, Any]]
                  ) -> dict[str, Any] | None:
    """The measure's own text: the document its Chinese title came from, else the most
    confident Chinese document that issues it."""
    issuing = [d for d in links if d["relation"] == Relation.ISSUES]
    chosen = next((d for d in issuing if d["id"] == measure.get("title_zh_document")), None)
    if chosen is None:
        rank = {c: i for i, c in enumerate(CONFIDENCE_ORDER)}
        issuing.sort(key=lambda d: (d["language"] != "zh", rank.get(d["document_confidence"], 9)))
        chosen = issuing[0] if issuing else None
    if chosen is None:
        return None
    doc = archive.document(chosen["id"])
    if doc is None:
        return None
    annexes = [{k: a[k] for k in ("id", "name", "url", "media_type", "size", "warc_file")}
               for a in archive.annexes_of(doc["id"], doc["version"])]
    return {"id": chosen["id"], "title": doc["title"], "url": doc["url"], "body": doc["body"],
            "source": doc["source"], "published": doc["published"], "version": doc["version"],
            "annexes": annexes}


def measure_page(archive: Archive, measure_id: str, day: str) -> dict[str, Any] | None:
    """Everything the measure page shows (None for an unknown measure)."""
    measure = archive.measure(measure_id)
    if measure is None:
        return None
    now = regime(archive, day, measure_id)[0]
    links = archive.measure_document_links(measure_id)
    events = archive.events(measure_id)
    acts_on = archive.events_by(measure_id)
    documents = archive.documents_by_id([e["document"] for e in events + acts_on])
    doc_ids = [d["id"] for d in links if d["relation"] == Relation.ISSUES]
    designations = designations_on(archive, measure_id, doc_ids, day)
    to_review = documents_to_review(archive, measure_id)
    shown = [*documents, *(d["id"] for d in links), *(d["document"] for d in to_review)]
    return {
        "measure": measure, "day": day, "now": now,
        "kept": archive.kept_versions(shown),
        "issuers": json.loads(measure["issuers"] or "[]"),
        "timeline": timeline(archive.status_periods(measure_id), day, measure["effective"],
                             events),
        "events": deduplicated_events(events, documents),
        "acts_on": deduplicated_events(acts_on, documents),
        "groups": document_groups(links),
        "official": official_text(archive, measure, links),
        "controlled_items": archive.measure_items_on(measure_id, day),
        "items_dropped": archive.measure_items_dropped_by(measure_id, day),
        "designations": designations,
        "to_review": to_review,
        "disagreements": now.get("disagreements", []),
        "disputed_events": {(d["kind"], d["clause"], d["by_measure"])
                            for d in now.get("disagreements", [])},
    }


def designations_on(archive: Archive, measure_id: str, doc_ids: list[str], day: str
                    ) -> list[dict[str, Any]]:
    """The entities the measure designates, each with its name and its status on day (from its
    status periods: `status`, `until`, `removal_kind`, `by_measure`, `sentence`; empty before
    it is listed), not the stored one of the latest run."""
    designations = archive.rows_about_measure("designations", measure_id, doc_ids)
    names = archive.entity_names(d.get("entity") for d in designations)
    periods = archive.designation_periods_on([d["id"] for d in designations if "id" in d], day)
    for row in designations:
        entity = names.get(row.get("entity"), {})
        row["entity_name"] = entity.get("name_zh") or entity.get("name_en") or row.get("entity")
        period = periods.get(row.get("id"), {})
        row.update(status=period.get("status"), until=period.get("until"),
                   removal_kind=period.get("removal_kind"),
                   removal_words=REMOVAL_WORDS.get(period.get("removal_kind"),
                                                   period.get("removal_kind")),
                   by_measure=period.get("by"),
                   sentence=period.get("sentence") or row.get("listing_sentence"))
    return designations


def documents_to_review(archive: Archive, measure_id: str) -> list[dict[str, Any]]:
    """The documents that describe the measure as well as another one (review candidates
    without the analyst's verdict): each with its score and reason for this measure and the
    other measures it fits."""
    documents = by_document(archive.links_to_review(measure=measure_id))
    for entry in documents:
        [this] = [m for m in entry["measures"] if m["measure"] == measure_id]
        entry.update(score=this["score"], reason=this["reason"], others=[
            m["measure"] for m in entry["measures"] if m["measure"] != measure_id])
    return documents




def _in_force_on(archive: Archive, measure: str, day: str) -> bool:
    """Whether the measure as a whole is in force (or partly) on day: an announced period that
    ends because a suspension begins is not a date of taking effect."""
    rows = archive.regime_on(day, measure)
    return bool(rows) and rows[0]["status"] in (Status.IN_FORCE, Status.PARTIALLY_SUSPENDED)


def deadlines_ahead(archive: Archive, day: str, days: int = 30) -> list[dict[str, Any]]:
    """Suspensions ending, measures (or clauses) taking effect and measures expiring within
    `days` days of day, and the designations' (`designation_deadlines_ahead`), soonest first
    (the `deadlines` canned query, in Python); a measure takes effect only once announced by
    the day (not one published later)."""
    last = shift(day, days)
    out = []
    for p in archive.periods_touching(day_before(day), shift(last, 1)):
        if p["status"] in (Status.SUSPENDED, Status.PARTIALLY_SUSPENDED) and p["to"]:
            when, what = suspension_end_known_on(
                archive, p, p["term_until"],
                period_after(archive.status_periods(p["measure"]), p), day), "suspension ends"
            if when is None:
                continue
        elif p["status"] == Status.ANNOUNCED and p["to"] and p["from"] <= day and _in_force_on(
                archive, p["measure"], day_after(p["to"])):  # (announced by the day)
            when, what = day_after(p["to"]), "takes effect"
        elif p["status"] == Status.EXPIRED and not p["clause"] and not is_suspending_instrument(
                archive.measure(p["measure"])):
            when, what = day_before(p["from"]), "expires"
        else:
            continue
        if day <= when <= last and not (what == "suspension ends" and p["clause"] is None
                                         and p["status"] == Status.PARTIALLY_SUSPENDED):
            out.append({"day": when, "days_left": days_until(when, day), "what": what,
                        "measure": p["measure"], "title_zh": p["title_zh"], "by": p["by"],
                        "clause": p["clause"], "entity": None, "entity_name": None,
                        "list": None})
    out += designation_deadlines_ahead(archive, day, last, out)
    return sorted(out, key=lambda d: (d["day"], d["measure"] or "", d["clause"] or "",
                                      d["entity"] or ""))


def suspension_end_known_on(archive: Archive, period: dict[str, Any], term: str | None,
                            following: dict[str, Any] | None, day: str) -> str | None:
    """The last day of a suspension (a measure's or a designation's status period) as known on
    day: the period's end, unless a text published after day cut it short (then its own term,
    as day knew it); None when a text published by day ended it otherwise than by putting it
    back in force (revoked, removed: nothing ends)."""
    if not term or term <= period["to"]:
        return period["to"]
    doc = archive.document(following["document"]) if following and following["document"] else None
    published = (doc or {}).get("published") or (following or {}).get("from") or ""
    if published[:10] > day:
        return term
    back = following is not None and following["status"] in (Status.IN_FORCE,
                                                               DesignationStatus.LISTED)
    return period["to"] if back else None


def period_after(periods: list[dict[str, Any]], period: dict[str, Any],
                 clause: bool = True) -> dict[str, Any] | None:
    """The status period that follows one (of the same clause)."""
    return next((p for p in periods if p["from"] == day_after(period["to"])
                 and (not clause or p["clause"] == period["clause"])), None)


def designation_deadlines_ahead(archive: Archive, day: str, last: str,
                                measures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The designations' dates from day to last: a suspension's last day as known on day (one
    cut short by a removal published by then is none; by one published later, its own term), a
    removal taking effect (both announced by the day), and a listing
    taking effect (`measures`: the measures' deadlines, whose "takes effect" each designation
    listed that day shares)."""
    out = []
    for p in archive.designation_periods_touching(day_before(day), shift(last, 1)):
        if p["announced"] and p["announced"] > day:
            continue
        if p["status"] == DesignationStatus.SUSPENDED and p["to"] and p["until"]:
            when, what = suspension_end_known_on(
                archive, p, p["until"],
                period_after(archive.designation_periods_of(p["designation"]), p, False),
                day), "designation suspension ends"
            if when is None:
                continue
        elif p["status"] == DesignationStatus.REMOVED:
            when, what = p["from"], "removal takes effect"
        else:
            continue
        if day <= when <= last:
            out.append(designation_deadline_row(p, when, what, p["by"], day))
    for m in measures:
        if m["what"] == "takes effect" and m["clause"] is None:
            out += [designation_deadline_row(p, m["day"], "listing takes effect", None, day)
                    for p in archive.designations_listed_on(m["measure"], m["day"])]
    titles = {m: (archive.measure(m) or {}).get("title_zh") for m in {r["measure"] for r in out}}
    return [{**r, "title_zh": titles[r["measure"]]} for r in out]


def designation_deadline_row(period: dict[str, Any], when: str, what: str, by: str | None,
                             day: str) -> dict[str, Any]:
    """One line of the deadlines about a designation (a row of designation_status)."""
    names = [n for n in (period["name_zh"], period["name_en"]) if n]
    name = f"{names[0]} ({names[1]})" if len(names) == 2 else (names[0] if names else None)
    return {"day": when, "days_left": days_until(when, day), "what": what,
            "measure": period["measure"], "title_zh": None, "by": by, "clause": None,
            "entity": period["entity"], "entity_name": name, "list": period["list"]}


def overview(archive: Archive, day: str, days: int = 30) -> dict[str, Any]:
    """What the home page leads with: the regime on day (counts, suspended measures, in force)
    and the deadlines within `days` days."""
    rows = regime(archive, day)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["status"] or "unknown"] = counts.get(row["status"] or "unknown", 0) + 1
    suspended = [{**r, "scope": suspension_scope(r)} for r in rows
                 if r["status"] in (Status.SUSPENDED, Status.PARTIALLY_SUSPENDED)]
    in_force = [r for r in rows if r["status"] == Status.IN_FORCE]
    announced = [r for r in rows if r["status"] == Status.ANNOUNCED]
    return {"day": day, "counts": counts, "suspended": suspended, "in_force": in_force,
            "announced": announced, "deadlines": deadlines_ahead(archive, day, days),
            "total": len(rows)}


def suspension_scope(row: dict[str, Any]) -> str:
    """What of a suspended measure (a row of `regime`) is suspended: "the whole measure", or
    "partially suspended: clause 第二款 (the rest in force)"."""
    if row["status"] != Status.PARTIALLY_SUSPENDED:
        return "the whole measure"
    clauses = [c["clause"] for c in row["clauses"]
               if c["status"] in (Status.SUSPENDED, Status.PARTIALLY_SUSPENDED)]
    if not clauses:
        return "partially suspended (the clause is not known)"
    word = "clause" if len(clauses) == 1 else "clauses"
    return f"partially suspended: {word} {', '.join(clauses)} (the rest in force)"
