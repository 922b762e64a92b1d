"""Diff stage: compare what a run found with the archive's previous state.

Per item (DiffPipeline, before the store): new documents, changed documents (deepdiff of the
normalized record plus a readable text diff), new measures and amended measures (deepdiff of
the measure's fields before and after). What the run finds as a whole (removals, source
problems, statuses, deadlines) is pipelines.finish.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import asdict
from typing import Any

from deepdiff import DeepDiff
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pipelines.archive import AMENDABLE_FIELDS, Archive, document_id, merged_measure, same_text
from pipelines.clauses import unparsed_operative_sentences
from pipelines.controlled_items import compare_item_lists
from pipelines.items import AnnexFile, ChangeRecord, DocumentItem, MeasureRef
from pipelines.originals import (
    annex_changes,
    annexes_to_keep,
    controlled_item_rows,
    unreadable,
)
from pipelines.problems import report_problem
from pipelines.run import source_run_of
from pipelines.vocab import ChangeKind, EventKind, Relation, SourceKind

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


def new_measure_summary(measure_id: str, issuers: list[str], published: str | None,
                        title: str) -> str:
    """The new_measure entry's line for a measure seen on a page that issues it."""
    return (f"New measure {measure_id} ({', '.join(issuers)}), published "
            f"{published or 'undated'}: {title}")


def new_measure_cited_summary(measure_id: str, issuers: list[str], citing_title: str) -> str:
    """The new_measure entry's line for a measure first seen cited by another page."""
    return f"New measure {measure_id} ({', '.join(issuers)}) first seen cited by: {citing_title}"


def new_measure_change(ref: MeasureRef, item: DocumentItem) -> ChangeRecord:
    """A measure first seen: its title is its own (the page issuing it, or a title the citing
    page gives it: 第55号（关于…的决定）), never the citing page's (its summary names that)."""
    title = ref.title
    if ref.relation == Relation.ISSUES:
        title = measure_title(ref, item)
        summary = new_measure_summary(ref.id, ref.issuers, ref.published, title)
    else:
        summary = new_measure_cited_summary(ref.id, ref.issuers, item.title)
    return ChangeRecord(
        kind=ChangeKind.NEW_MEASURE, summary=summary, measure=ref.id,
        document=document_id(item.url), title=title, url=item.url,
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
    else:
        changes += changed_document(archive, existing, item, common)
    fresh = existing is None or not same_text(existing, item)
    unread = not_understood(item) if fresh else []
    for change in changes:
        if unread and change.kind in (ChangeKind.NEW_DOCUMENT, ChangeKind.DOCUMENT_CHANGED):
            change.diff["not_understood"] = unread
        if main_measure and item.measures[0].relation == Relation.MENTIONS:
            change.diff["measure_relation"] = Relation.MENTIONS.value  # not the measure's text
    for ref in item.measures:
        measure = archive.measure(ref.id)
        if measure is None:
            changes.append(new_measure_change(ref, item))
            continue
        if fresh and ref.relation == Relation.ISSUES:
            changes.extend(amended_fields_change(archive, measure, ref, item))
        changes.extend(amended_by_change(archive, ref, item))
    return changes


def changed_document(archive: Archive, existing: dict[str, Any], item: DocumentItem,
                     common: dict[str, Any]) -> list[ChangeRecord]:
    """A document_changed when the text changed or an annex file did (a readable diff of each)."""
    changed_files = annex_changes(archive.annexes_of(existing["id"], existing["version"]),
                                  item.annex_files)
    if same_text(existing, item) and not changed_files:
        return []
    if existing["content_hash"] != item.content_hash:
        diff = document_diff(version_record(archive.latest_version(existing["id"])),
                             document_record(item))
    else:
        diff = {"fields": [], "deepdiff": {}}
    add_tables_diff(diff, existing, item)
    diff["versions"] = {"from": existing["version"], "to": existing["version"] + 1}
    what = list(diff["fields"])
    before = sorted(m["id"] for m in archive.issued_measures(existing["id"]))
    after = sorted({ref.id for ref in item.measures if ref.relation == Relation.ISSUES})
    dropped = [m for m in before if m not in after]
    if dropped and after:  # its number corrected (第62号 now reads 第6号)
        diff["issues"] = {"before": before, "after": after}
        what.append(f"now the text of {', '.join(after)}, no longer of {', '.join(dropped)}")
    if changed_files:
        annexes, lines = annex_diff(changed_files)
        diff["annexes"] = annexes
        diff["text"] = [*diff.get("text", []), *lines]
        what += [f"annex {annex.name}" + (
            f" (its text cannot be read: {annex.reason}; its controlled items are those last "
            "read)" if unreadable({"text": annex.text, "reason": annex.reason})
            and (row.get("text") or "").strip() else "")
            for row, annex in changed_files]
    items = items_diff(archive, existing, item)
    if items:
        diff["controlled_items"] = items
        diff["text"] = [*diff.get("text", []), "@@ controlled items @@", *items["lines"]]
        what.append(f"controlled items: {items['summary']}")
    return [ChangeRecord(kind=ChangeKind.DOCUMENT_CHANGED,
                         summary=f"Document changed ({', '.join(what) or 'text'}): {item.title}",
                         diff=diff, **common)]


def items_diff(archive: Archive, existing: dict[str, Any], item: DocumentItem
               ) -> dict[str, Any]:
    """The controlled items the new version's page and annexes define (the annexes the store
    will keep: those fetched well, the last good copy of those that failed) against the
    archived version's (pipelines.controlled_items.compare_item_lists); {} when the same."""
    kept = archive.annexes_of(existing["id"], existing["version"])
    annexes = [{"id": None, "url": a.url, "text": a.text, "reason": a.reason}
               if isinstance(a, AnnexFile) else a
               for a in annexes_to_keep(kept, item.annex_files, True)]
    after = controlled_item_rows(item, existing["id"], existing["version"] + 1, annexes,
                                 archive.annexes_read_before(existing["id"],
                                                             existing["version"] + 1))
    return compare_item_lists(archive.controlled_items(existing["id"]), after)


def tables_diff(before: str, after: str) -> list[str]:
    """A readable line diff of a page's tables (one row a line), without the file header."""
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1)
    return [line for line in lines if not line.startswith(("---", "+++"))]


def add_tables_diff(diff: dict[str, Any], existing: dict[str, Any], item: DocumentItem) -> None:
    """The page's tables changed (an entity renamed, a row added): `tables` among the fields,
    the rows before and after, and their diff in the report's text. Nothing when the archive
    does not know the tables it had (NULL: archived before tables were kept)."""
    if existing.get("tables_hash") is None or item.tables_hash is None:
        return
    if existing["tables_hash"] == item.tables_hash:
        return
    lines = tables_diff(existing.get("tables") or "", item.tables_text or "")
    diff["fields"] = [*diff["fields"], "tables"]
    diff["tables"] = lines
    diff["text"] = [*diff.get("text", []), "@@ tables @@", *(lines or ["(rows read the same)"])]


def annex_diff(changed: list[tuple[dict[str, Any], AnnexFile]]
               ) -> tuple[list[dict[str, Any]], list[str]]:
    """Each changed annex file (its hashes before and after, a readable diff of its text, line by
    line as pipelines.annex_text writes tables: one row a line), and the diffs as report lines."""
    files, lines = [], []
    for row, annex in changed:
        text = [line for line in difflib.unified_diff(
            (row["text"] or "").splitlines(), annex.text.splitlines(), lineterm="", n=1)
            if not line.startswith(("---", "+++"))]
        files.append({"url": annex.url, "name": annex.name, "sha256_before": row["sha256"],
                      "sha256_after": annex.sha256, "text": text})
        lines += [f"@@ annex {annex.name} ({annex.url}) @@",
                  *(text or ["(its text reads the same)"])]
    return files, lines


def not_understood(item: DocumentItem) -> list[str]:
    """Operative sentences of a measure's text (an official or relayed page with its number)
    from which no event was read (pipelines.clauses.unparsed_operative_sentences), nor one the
    designations read (a listing's events, merged into its measure: No. 69's 停止执行 of No.
    13's entities): a reader must read them; news never states legal events."""
    if item.source_kind == SourceKind.NEWS:
        return []
    own = next((ref.id for ref in item.measures if ref.relation in (
        Relation.ISSUES, Relation.REPORTS_ON)), None)
    if not own:
        return []
    read = read_sentences(item)
    return [s for s in unparsed_operative_sentences(item.body, own)
            if not any(_spaced(s) in sentence for sentence in read)]


def read_sentences(item: DocumentItem) -> set[str]:
    """The sentences of the item some event was read from, as stored with it: a measure's (the
    clauses', or a listing's that pipelines.designations merged into its measure) or a
    designation's (the listing sentence, an event aimed at named entities); spaces evened."""
    sentences = [e.sentence for ref in item.measures for e in ref.events]
    found = item.designations
    if found is not None:
        sentences += [found.sentence, *(e.sentence for e in found.events)]
    return {_spaced(s) for s in sentences if s}


def _spaced(text: str) -> str:
    return " ".join(text.split())


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
    else:  # another copy of the text: a date it gives otherwise is a disagreement of copies
        del before["effective"], after["effective"]  # (pipelines.finish.disagreement_changes)
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


def lost_parts(archive: Archive, item: DocumentItem) -> str | None:
    """What a changed text of an archived document lost that the archived version had: its date,
    or every event of the measure it is the text of, no other measure's text in its place (a
    corrected number is a new version). Such a page is a broken one (a template, an error page,
    a half page), not a new version: stored, it would wipe the measure's status. None when
    nothing was lost."""
    existing = archive.document_by_url(item.url)
    if existing is None or existing["content_hash"] == item.content_hash:
        return None
    if existing["published"] and not item.published:
        return f"the page lost its date (archived: {existing['published']})"
    stated = {ref.id for ref in item.measures if ref.relation == Relation.ISSUES and ref.events}
    dropped = [m for m in archive.issued_with_events(existing["id"]) if m not in stated]
    if dropped and not stated:  # (the text of another measure now: a corrected number, kept)
        return (f"the page no longer reads as the text of {', '.join(dropped)} (its events "
                "would all be dropped)")
    return None


class DiffPipeline:
    """Scrapy stage 2: attach the changes each item brings (the store decides atomically). A
    changed page that lost what its archived version had (lost_parts) is a source problem and
    is not stored: the archived version, its events and its measure's status stay."""

    def __init__(self, archive: Archive, crawler: Crawler | None = None) -> None:
        self.archive = archive
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DiffPipeline:
        return cls(source_run_of(crawler).archive, crawler)

    def process_item(self, item: DocumentItem) -> DocumentItem:
        lost = lost_parts(self.archive, item)
        if lost is not None:
            message = f"not a new version of {item.url}: {lost}; the archived version is kept"
            if self.crawler is not None:
                report_problem(self.crawler.stats, item.source, message)
            raise DropItem(message)
        item.changes = item_changes(self.archive, item)
        return item
