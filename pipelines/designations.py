"""Entity designations as records: read per item, stored with it, their status at the run's end.

Three parts, each where the run does that kind of work (docs/ARCHITECTURE.md):

1. Stage 1c, `DesignationPipeline` (per item, after normalize and relevance): an
   authority's announcement with its own number is read by pipelines.entities: the list it puts
   entities on or takes them off, the entities (body, the page's HTML tables, the texts of its
   annex files when the item carries them), and what it does to earlier listings. Events aimed
   at a whole listing ("对…第21号列入…的16家美国实体，继续暂停实施相关措施一年") become lifecycle
   events of the listing measure itself (unless pipelines.clauses already read one); events
   aimed at named entities, or at the entities a list took on a day, are kept for the
   designations. Problems (a stated count that differs from the rows found, a numbering gap, a
   row without a name, names in an annex that was not read) are source problems naming the
   announcement; the entities found are kept.
2. `store_designations` (in the item's transaction, pipelines.store): entities (one per name
   key, across announcements and lists), designations (entity, list, measure), the events, and
   an `entity_listed` change for each designation first seen.
3. `designation_changes` (pipelines.finish, before the measures' periods are rewritten): each
   designation whose events changed, or whose periods begin or end near the run's dates, gets
   its status periods (`designation_status`, pipelines.lifecycle.designation_periods) and its
   status on the run's date; a new status (or a suspension moved to a new end) is an
   `entity_status_changed`, a designation listed this run carries its status on its
   `entity_listed` entry.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import Any

from scrapy.crawler import Crawler

from pipelines.archive import Archive, document_id, same_text
from pipelines.entities import (
    ListingEvent,
    ParsedEntity,
    ParsedListing,
    computed_until,
    list_named_in,
    listing_events,
    listing_sentence,
    parse_designations,
    unread_listing_sentences,
)
from pipelines.items import ChangeRecord, DocumentItem, MeasureRef
from pipelines.lifecycle import (
    DesignationPeriod,
    DesignationState,
    began_on,
    day_after,
    day_before,
    designation_periods,
    designation_state,
    shift,
)
from pipelines.names import entity_id, name_key
from pipelines.originals import annex_changes
from pipelines.problems import report_problem
from pipelines.run import source_run_of
from pipelines.vocab import (
    LIST_TITLES,
    REMOVAL_WORDS,
    ChangeKind,
    DesignationStatus,
    EventKind,
    ListName,
    Relation,
    SourceKind,
)


@dataclass
class ItemDesignations:
    """What one announcement says about designations (pipelines.entities, read by the stage)."""

    measure: str | None  # the announcement's own measure
    listed: str | None  # the day its listing takes effect
    listing: ParsedListing | None  # the list it puts entities on or takes them off
    sentence: str | None  # the sentence that lists them
    events: list[ListingEvent] = field(default_factory=list)  # aimed at entities or a day's list
    problems: list[str] = field(default_factory=list)
    fresh: bool = True  # the text is new or changed (problems are reported only then)


def list_text(list_name: str | None) -> str:
    """The list in a sentence: "the Unreliable Entity List (不可靠实体清单)", "the export control
    list (出口管制管控名单)"."""
    title = LIST_TITLES.get(list_name or "")  # type: ignore[call-overload]
    if title is None:
        return list_name or "a list"
    proper = list_name == ListName.UNRELIABLE_ENTITY_LIST
    return f"the {title if proper else title[0].lower() + title[1:]}"


def display_name(name_zh: str | None, name_en: str | None) -> str:
    """斯凯迪奥公司 (Skydio, Inc.), or the one name given."""
    if name_zh and name_en:
        return f"{name_zh} ({name_en})"
    return name_zh or name_en or "?"


# --------------------------------------------------------------------------- stage 1c


def annex_texts(item: DocumentItem) -> list[str]:
    """The texts of the annex files the item carries (when annexes are fetched), in order."""
    files = getattr(item, "annex_files", None) or []
    return [text for f in files if (text := getattr(f, "text", None) or "").strip()]


def has_key(entity: ParsedEntity) -> bool:
    """Whether an entity has a name with letters (one it can be known by)."""
    return bool(name_key(entity.name_zh or "") or name_key(entity.name_en or ""))


def own_ref(item: DocumentItem) -> MeasureRef | None:
    """The measure the item is the text of (its `issues` reference), if any."""
    return next((r for r in item.measures if r.relation == Relation.ISSUES), None)


def where(item: DocumentItem, ref: MeasureRef | None) -> str:
    """The announcement a problem names: its measure id and title, and its page."""
    name = f"{ref.id} " if ref else ""
    return f"{name}{item.title[:80]} ({item.url})"


def read_designations(item: DocumentItem, listings: Collection[str] = (), *,
                      fresh: bool = True) -> ItemDesignations | None:
    """What an authority's announcement says about designations; None for other documents."""
    ref = own_ref(item)
    if item.source_kind != SourceKind.AUTHORITY or ref is None:
        return None
    texts = annex_texts(item)
    listed = ref.effective or ref.published or item.published
    found = ItemDesignations(ref.id, listed, None, None, fresh=fresh)
    list_name, _ = list_named_in(item.title, item.body)
    if list_name is not None:
        listing = parse_designations(item.title, item.body, item.tables, texts)
        named = [e for e in listing.entities if has_key(e)]
        if len(named) < len(listing.entities):
            found.problems.append(f"{len(listing.entities) - len(named)} entries without a "
                                  "name to key (no letters): left out")
        listing.entities = named
        found.listing = listing
        found.sentence = listing_sentence(item.title, item.body)
        found.problems += listing.problems
    events = listing_events(item.body, item.published, ref.id, ref.effective, listings)
    found.events = merge_into_measures(item, events)
    if fresh:
        found.problems += [f"a sentence about a list that was not read: {s[:120]!r}"
                           for s in unread_listing_sentences(item.body)]
    return found


_FAMILY = {EventKind.SUSPENDED: "suspension", EventKind.PARTIALLY_SUSPENDED: "suspension",
           EventKind.SUSPENSION_CONTINUED: "suspension", EventKind.REVOKED: "ending",
           EventKind.REMOVED_FROM_LIST: "ending", EventKind.RESUMED: "resumed"}


def merge_into_measures(item: DocumentItem, events: list[ListingEvent]) -> list[ListingEvent]:
    """Events aimed at a whole listing become events of the listing measure (on the item's
    reference to it), unless the clauses already gave that reference one of the same kind; the
    events left (named entities, a day's listing) are returned for the designations."""
    refs = {r.id: r for r in item.measures}
    left = []
    for event in events:
        ref = refs.get(event.measure or "")
        if event.entities or ref is None:
            left.append(event)
            continue
        family = _FAMILY.get(EventKind(event.kind))
        if not any(_FAMILY.get(EventKind(e.kind)) == family for e in ref.events):
            ref.events.append(event.as_measure_event())
    return left


class DesignationPipeline:
    """Scrapy stage 1c: read the designations an announcement makes or changes."""

    def __init__(self, crawler: Crawler, archive: Archive) -> None:
        self.crawler = crawler
        self.archive = archive

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DesignationPipeline:
        return cls(crawler, source_run_of(crawler).archive)

    def process_item(self, item: DocumentItem) -> DocumentItem:
        try:
            return self.read(item)
        except Exception as e:  # a page that breaks the reader is a problem, never a lost page
            item.designations = None
            report_problem(self.crawler.stats, item.source,
                           f"{where(item, own_ref(item))}: designations not read "
                           f"({type(e).__name__}: {' '.join(str(e).split())[:200]})")
            return item

    def read(self, item: DocumentItem) -> DocumentItem:
        """Read what the item says about designations; report its problems when its text is
        new or changed. An unchanged announcement's listing is stored only if none of its
        designations is (an archive from before entities, annex texts that came late) or the
        archive did not know its tables (archived before they were kept: a row added since is
        listed, the others are known); its events are read again (recorded once)."""
        existing = self.archive.document_by_url(item.url)
        fresh = self.is_fresh(item, existing)
        found = read_designations(item, self.archive.listing_measures(), fresh=fresh)
        item.designations = found
        if found is None:
            return item
        if not fresh:
            tables_unknown = bool(item.tables) and existing is not None and (
                existing.get("tables_hash") is None)
            if not tables_unknown and self.archive.designations_of_document(document_id(item.url)):
                found.listing = None
            found.problems = []
        for problem in found.problems:
            self.crawler.stats.inc_value("regwatch/entities/problems")
            report_problem(self.crawler.stats, item.source,
                           f"{where(item, own_ref(item))}: {problem}")
        return item

    def is_fresh(self, item: DocumentItem, existing: dict[str, Any] | None) -> bool:
        """A new page, a changed text (its tables too: an entity renamed or added), or a
        changed annex file (pipelines.originals: a new version whose listing may name other
        entities); `existing` is its document row."""
        if existing is None or not same_text(existing, item):
            return True
        return bool(item.annex_files and annex_changes(
            self.archive.annexes_of(existing["id"], existing["version"]), item.annex_files))


# --------------------------------------------------------------------------- store


def store_designations(archive: Archive, item: DocumentItem, run_id: str, as_of: str,
                       outcome: str, quiet_before: str | None = None) -> None:
    """Write what the stage read (inside the item's transaction, pipelines.store). In a
    backfill (quiet_before set), a listing dated before quiet_before is archived without an
    `entity_listed` change: it is history, summed up by the source's `backfill` change. A
    known page whose text changed (a row added to its table) is no history: what it lists
    anew is reported whatever its date."""
    found = item.designations
    if found is None:
        return
    doc_id = document_id(item.url)
    if outcome == "changed":
        archive.drop_document_designation_events(doc_id)
        quiet_before = None
    listing = found.listing
    if listing is not None and listing.list_name and listing.action == "listed":
        for entity in listing.entities:
            _store_listed(archive, item, found, entity, doc_id, run_id, as_of, quiet_before)
    named = {entity_id(e.name_zh, e.name_en) for ev in found.events for e in ev.entities}
    if listing is not None and listing.list_name and listing.action == "removed":
        for entity in listing.entities:
            if entity_id(entity.name_zh, entity.name_en) not in named:
                found.events.append(ListingEvent(
                    measure=None, kind=EventKind.REMOVED_FROM_LIST.value, date=found.listed,
                    by_measure=found.measure, list_name=listing.list_name, entities=[entity],
                    sentence=found.sentence or ""))
    for event in found.events:
        _store_event(archive, item, event, doc_id, run_id, as_of)


def save_entity(archive: Archive, entity: ParsedEntity, as_of: str) -> str:
    """The entity's id: an entity known by the same name key (Chinese, else English) is the
    same entity, its missing names filled in and this spelling kept as an alias."""
    key_zh = name_key(entity.name_zh or "") or None
    key_en = name_key(entity.name_en or "") or None
    known = archive.entity_by_key(key_zh, key_en)
    if known is None:
        row = {"id": entity_id(entity.name_zh, entity.name_en), "name_zh": entity.name_zh,
               "name_en": entity.name_en, "key_zh": key_zh, "key_en": key_en,
               "country": entity.country, "address": entity.address,
               "aliases": [a for a in entity.aliases if a not in (entity.name_zh, entity.name_en)],
               "lists": "[]",
               "statuses": "[]", "first_seen": as_of, "last_seen": as_of}
        archive.save_entity(row)
        return row["id"]
    row = dict(known)
    aliases = set(_aliases(row))
    for attr, key_attr, key in (("name_zh", "key_zh", key_zh), ("name_en", "key_en", key_en)):
        name = getattr(entity, attr)
        if name and not row[attr]:
            row[attr], row[key_attr] = name, key
        elif name and name != row[attr]:
            aliases.add(name)
    aliases |= set(entity.aliases)
    row["country"] = row["country"] or entity.country
    row["address"] = row.get("address") or entity.address
    row["aliases"] = sorted(a for a in aliases if a not in (row["name_zh"], row["name_en"]))
    row["last_seen"] = max(row["last_seen"] or as_of, as_of)
    archive.save_entity(row)
    return row["id"]


def name_entity_as(archive: Archive, ent: str, entity: ParsedEntity, as_of: str) -> None:
    """An entity first seen tonight takes the names this page gives (its listing is the one
    cited), the names it had becoming aliases; its id does not change."""
    row = archive.entity(ent)
    if row is None or row["first_seen"] != as_of:
        return
    aliases = set(_aliases(row)) | {row["name_zh"], row["name_en"]}
    for attr, key_attr in (("name_zh", "key_zh"), ("name_en", "key_en")):
        name = getattr(entity, attr)
        if name:
            row[attr], row[key_attr] = name, name_key(name) or None
    row["country"] = entity.country or row["country"]
    row["address"] = entity.address or row.get("address")
    row["aliases"] = sorted(a for a in aliases - {None, row["name_zh"], row["name_en"]})
    archive.save_entity(row)


def _aliases(row: dict[str, Any]) -> list[str]:
    value = row.get("aliases")
    return value if isinstance(value, list) else json.loads(value or "[]")


def designation_id(entity: str, list_name: str, measure: str | None) -> str:
    """ENT-4977eb5d61:unreliable_entity_list:UEL-2025-7 (the list alone without a measure)."""
    return f"{entity}:{list_name}:{measure or '-'}"


def _store_listed(archive: Archive, item: DocumentItem, found: ItemDesignations,
                  entity: ParsedEntity, doc_id: str, run_id: str, as_of: str,
                  quiet_before: str | None = None) -> None:
    """One designation of a listing announcement; `entity_listed` when it is new (and, in a
    backfill, dated on or after quiet_before). Of two pages stating it on one night, the
    designation and its change cite the one that comes first (Archive.add_designation)."""
    ent = save_entity(archive, entity, as_of)
    list_name = found.listing.list_name if found.listing else None
    if not list_name:
        return
    row = {"id": designation_id(ent, list_name, found.measure), "entity": ent,
           "list": list_name, "measure": found.measure, "number": entity.number,
           "listed": found.listed, "status": None, "removal_kind": None, "until": None,
           "by_measure": None, "sentence": found.sentence, "listing_sentence": found.sentence,
           "name_zh": entity.name_zh, "name_en": entity.name_en, "country": entity.country,
           "address": entity.address, "document": doc_id, "source": entity.source,
           "first_seen": as_of,
           "last_seen": as_of, "run_id": run_id, "periods_stale": 1}
    outcome = archive.add_designation(row)
    if outcome == "kept":
        return
    if outcome == "preferred":
        name_entity_as(archive, ent, entity, as_of)
    change = listed_change(item, found, entity, ent, list_name, doc_id)
    known = (archive.designation_change_in_run(run_id, ChangeKind.ENTITY_LISTED, ent, list_name,
                                               found.measure)
             if outcome == "preferred" else None)
    if known is not None:
        archive.replace_change(known["id"], change)
        return
    day = found.listed or item.published
    if quiet_before is not None and day is not None and day < quiet_before:
        return  # a backfill's history: its status is computed at the run's end, not reported
    archive.add_change(run_id, change)


def listed_change(item: DocumentItem, found: ItemDesignations, entity: ParsedEntity, ent: str,
                  list_name: str, doc_id: str) -> ChangeRecord:
    """entity_listed: the entity was put on the list by the page's announcement."""
    names = display_name(entity.name_zh, entity.name_en)
    return ChangeRecord(
        kind=ChangeKind.ENTITY_LISTED, entity=ent, list_name=list_name, measure=found.measure,
        document=doc_id, title=names, url=item.url, source=item.source,
        category=item.category, confidence=item.confidence, to=DesignationStatus.LISTED.value,
        summary=(f"{names} listed on {list_text(list_name)} by {found.measure}"
                 + (f" from {found.listed}" if found.listed else "")),
        diff={"sentence": found.sentence, "name_zh": entity.name_zh, "name_en": entity.name_en,
              "country": entity.country, "address": entity.address, "listed": found.listed,
              "number": entity.number,
              "where": entity.source, "aliases": entity.aliases},
    )


def _store_event(archive: Archive, item: DocumentItem, event: ListingEvent, doc_id: str,
                 run_id: str, as_of: str) -> None:
    """An event aimed at named entities (or at the entities a list took on a day)."""
    list_name = event.list_name
    if not list_name:
        return
    named = [e for e in event.entities if has_key(e)]
    if event.entities and not named:
        return  # names without letters: nothing to aim the event at
    targets: list[str | None] = [save_entity(archive, e, as_of) for e in named] or [None]
    for target in targets:
        if target is None and not (event.measure or event.listed_on):
            continue
        archive.add_designation_event({
            "measure": event.measure, "entity": target, "list": list_name,
            "listed_on": event.listed_on if target is None else None, "kind": event.kind,
            "date": event.date, "until": event.until,
            "until_computed": int(event.until_computed), "duration": event.duration,
            "by_measure": event.by_measure, "document": doc_id, "sentence": event.sentence,
            "confidence": item.confidence, "run_id": run_id})
        if target is not None and event.kind == EventKind.REMOVED_FROM_LIST:
            _known_removal(archive, target, list_name, as_of, run_id, doc_id, event)


def _known_removal(archive: Archive, entity: str, list_name: str, as_of: str, run_id: str,
                   doc_id: str, event: ListingEvent) -> None:
    """An entity taken off a list with no listing of it archived gets a designation of the list
    alone, so that screening finds it, removed."""
    alone = designation_id(entity, list_name, None)
    if any(d["list"] == list_name and d["id"] != alone
           for d in archive.designations_of_entity(entity)):
        return
    archive.add_designation({
        "id": alone, "entity": entity, "list": list_name,
        "measure": None, "number": None, "listed": None, "status": None, "removal_kind": None,
        "until": None, "by_measure": None, "sentence": event.sentence,
        "listing_sentence": None, "name_zh": None, "name_en": None, "country": None,
        "address": None, "document": doc_id, "source": "body", "first_seen": as_of,
        "last_seen": as_of, "run_id": run_id, "periods_stale": 1})


# --------------------------------------------------------------------------- end of the run


def _evidence(designation: dict[str, Any], event: dict[str, Any] | None,
              status: str | None) -> dict[str, Any]:
    """The event that proves a status; for `listed` by the listing itself, the listing's
    sentence and page (the measure's own effective date says less)."""
    event = dict(event or {})
    if status == DesignationStatus.LISTED and event.get("kind") != EventKind.RESUMED:
        event.update(sentence=designation["listing_sentence"] or event.get("sentence"),
                     document=designation["document"], by_measure=None)
    return event


def _with_evidence(designation: dict[str, Any], periods: list[DesignationPeriod]
                   ) -> list[DesignationPeriod]:
    return [replace(p, event=_evidence(designation, p.event, p.status)) for p in periods]


def rewrite_stale_designation_periods(archive: Archive) -> int:
    """After an upgrade: the status periods of the designations a migration marked, by today's
    rules (pipelines.archive.Archive.rewrite_stale_periods); they stay marked, so the next run
    still compares their stored status with the new one."""
    stale = archive.stale_designations()
    for designation in stale:
        periods = designation_periods(archive.designation_lifecycle_events(designation))
        archive.write_designation_periods(designation, _with_evidence(designation, periods),
                                          keep_stale=True)
    return len(stale)


def _what(before: dict[str, Any], state: DesignationState, event: dict[str, Any]) -> str:
    """What happened, in words: suspended, suspension continued, removed, measures stopped..."""
    kind = event.get("kind")
    if state.status == DesignationStatus.SUSPENDED:
        continued = (before["status"] == DesignationStatus.SUSPENDED
                     or kind == EventKind.SUSPENSION_CONTINUED)  # (the text says so)
        return "suspension continued" if continued else "suspended"
    if state.status == DesignationStatus.REMOVED:
        return REMOVAL_WORDS.get(kind, REMOVAL_WORDS[EventKind.EXPIRED])
    if kind == EventKind.RESUMED:
        return "measures resumed"
    if before["status"] == DesignationStatus.SUSPENDED:
        return "suspension ended"
    return "listed"


def _state_text(state: DesignationState, event: dict[str, Any]) -> str:
    by = event.get("by_measure")
    computed = computed_until(event) if state.status == DesignationStatus.SUSPENDED else None
    return ((f" by {by}" if by else "")
            + (f" until {state.until}" if state.until else "")
            + (f" (computed: {computed})" if computed else ""))


def status_change(archive: Archive, designation: dict[str, Any], state: DesignationState,
                  event: dict[str, Any], as_of: str, began: str | None = None) -> ChangeRecord:
    """entity_status_changed: the designation's status on the run's date is another; `began`,
    the first day of that status when it is before the run's date (`diff.since`, the date the
    summary tables give, as a measure's status_changed has)."""
    entity = archive.entity(designation["entity"]) or {}
    names = display_name(entity.get("name_zh"), entity.get("name_en"))
    what = _what(designation, state, event)
    before = designation["status"] or "not known"
    if designation["status"] == DesignationStatus.SUSPENDED and designation["until"]:
        before += f" until {designation['until']}"
    if what == "suspension continued" and designation["status"] != DesignationStatus.SUSPENDED:
        before += ": no archived text began the suspension, it may have been suspended before"
    doc = archive.document(event["document"]) if event.get("document") else None
    summary = (f"{names}, {list_text(designation['list'])}"
               + (f" ({designation['measure']})" if designation["measure"] else "")
               + f": {what}{_state_text(state, event)} (was {before}), as of {as_of}")
    diff: dict[str, Any] = {
        "sentence": event.get("sentence"), "what": what, "name_zh": entity.get("name_zh"),
        "name_en": entity.get("name_en"), "listed": designation["listed"],
        "removal_kind": state.removal_kind, "until_computed": computed_until(event)}
    if began is not None and began < as_of:
        diff["since"] = began
    if what == "suspension ended":
        back = day_after(designation["until"]) if designation["until"] else as_of
        diff.update(verify=True, back_in_force_on=back)
        summary += (f"; listed again from {back} unless an extension is found. No legal text "
                    f"extending it was found: verify on the issuer's site.")
    return ChangeRecord(
        kind=ChangeKind.ENTITY_STATUS_CHANGED, entity=designation["entity"],
        list_name=designation["list"], measure=designation["measure"],
        from_=designation["status"], to=state.status, by=event.get("by_measure"),
        until=state.until, title=names, summary=summary, diff=diff,
        document=doc["id"] if doc else None, url=doc["url"] if doc else None,
        source=doc["source"] if doc else None, category=doc["category"] if doc else None,
        confidence=doc["confidence"] if doc else None)


def describe_listed(archive: Archive, change: dict[str, Any], state: DesignationState,
                    event: dict[str, Any]) -> None:
    """A designation listed this run carries its status on its entity_listed entry."""
    if state.status is None or state.status == DesignationStatus.LISTED:
        return
    what = "suspended" if state.status == DesignationStatus.SUSPENDED else state.removal_kind
    diff = json.loads(change["diff"] or "{}")
    diff.update(status_sentence=event.get("sentence"), removal_kind=state.removal_kind,
                until_computed=computed_until(event))
    archive.update_change(change["id"], {
        "to": state.status, "until": state.until, "by": event.get("by_measure"),
        "summary": change["summary"] + f"; {what}{_state_text(state, event)}",
        "diff": json.dumps(diff, ensure_ascii=False, sort_keys=True)})


def backfill_history(archive: Archive, designation: dict[str, Any], run_id: str,
                     ours: set[str]) -> bool:
    """On a backfill night, whether the designation is the backfill's history: first stored by
    this run (or a killed run it continues, `ours`) from a page archived without a change of its
    own (found by a walk behind a list's first page, or on the source's first night, and dated
    before the quiet day). One a page that is news made (on a first page read every night,
    however late it was posted: a removal of an entity whose listing the archive does not hold)
    is reported as on any night."""
    return designation["run_id"] in ours and not archive.document_reported_in_run(
        run_id, designation["document"])


def _period_on(periods: list[DesignationPeriod], day: str) -> DesignationPeriod | None:
    return next((p for p in periods if p.first <= day and (p.last is None or day <= p.last)),
                None)


def recent_transition(designation: dict[str, Any], events: list[dict[str, Any]], as_of: str,
                      quiet_before: str) -> dict[str, Any] | None:
    """A designation that is a backfill's history whose status on as_of began on or after
    quiet_before (its suspension, the suspension's end, its removal took effect within the
    window): the designation with the status and suspension end it had the day before, as a
    normal night would have held it ("was …"); None when no status began in the window (its
    listing taking effect there is its `entity_listed`, pipelines.store's quiet rule)."""
    periods = designation_periods(events)
    now = _period_on(periods, as_of)
    if now is None or now.first < quiet_before:
        return None
    before = _period_on(periods, day_before(now.first))
    if before is None and now.status == DesignationStatus.LISTED:
        return None
    was = (before.status, before.until) if before is not None else (None, None)
    if was == (now.status, now.until):
        return None
    return {**designation, "status": was[0], "until": was[1]}


def status_began(events: list[dict[str, Any]], before: str | None, as_of: str) -> str | None:
    """The first day of the designation's status on as_of: of that status, back to back (a
    suspension begun by one text and continued by another), when it was another before; of
    its period on as_of when the status stays and its end moved (a suspension continued)."""
    periods = designation_periods(events)
    now = _period_on(periods, as_of)
    if now is None:
        return None
    return began_on(periods, as_of) if now.status != before else now.first


def designation_changes(archive: Archive, run_id: str, as_of: str,
                        quiet_before: str | None = None) -> list[ChangeRecord]:
    """Status periods and changes of the designations that may have changed (see the module
    docstring); call before the measures' periods are rewritten (their stale marks count).
    In a backfill (quiet_before set), a designation that is the backfill's history
    (`backfill_history`: an old listing, without an `entity_listed` of its own) has its status
    stored, reported only when it began within the window (`recent_transition`), as an old
    measure's is (pipelines.finish.lifecycle_changes)."""
    since = archive.previous_as_of(run_id) or shift(as_of, -30)
    first, last = day_before(min(since, as_of)), day_after(max(since, as_of))
    stale = set(archive.stale_measures())
    changes: list[ChangeRecord] = []
    touched: set[str] = set()
    ours = archive.run_chain(run_id)  # (a run killed before its end is continued by this one)
    for designation in archive.designations_to_review(first, last, stale):
        events = archive.designation_lifecycle_events(designation)
        if designation["periods_stale"] or designation["measure"] in stale:
            periods = designation_periods(events)
            archive.write_designation_periods(designation, _with_evidence(designation, periods))
        state = designation_state(events, as_of)
        event = _evidence(designation, state.event, state.status)
        listed_now = archive.designation_change_in_run(
            run_id, ChangeKind.ENTITY_LISTED, designation["entity"], designation["list"],
            designation["measure"])
        moved = (designation["status"], designation["until"]) != (state.status, state.until)
        if listed_now is not None:
            describe_listed(archive, listed_now, state, event)
        elif quiet_before is not None and backfill_history(archive, designation, run_id, ours):
            was = recent_transition(designation, events, as_of, quiet_before)
            if was is not None:
                changes.append(status_change(archive, was, state, event, as_of,
                                             status_began(events, was["status"], as_of)))
        elif moved and state.status is not None:
            changes.append(status_change(archive, designation, state, event, as_of,
                                         status_began(events, designation["status"], as_of)))
        archive.update_designation(designation["id"], {
            "status": state.status, "until": state.until, "removal_kind": state.removal_kind,
            "by_measure": event.get("by_measure"), "sentence": event.get("sentence")})
        touched.add(designation["entity"])
    archive.refresh_entity_lists(touched)
    return changes
