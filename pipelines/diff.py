"""Diff stage: compare what a run found with the archive's previous state.

Per item (DiffPipeline, before the store): new documents, changed documents (deepdiff of the
normalized record plus a readable text diff) and new measures. At the end of a run
(finish_run): source problems, status transitions, the run record and its reports.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import asdict
from typing import Any

from deepdiff import DeepDiff
from scrapy.crawler import Crawler

from crawler.items import ChangeRecord, DocumentItem, MeasureRef
from crawler.vocab import ChangeKind, Relation, SourceStatus
from pipelines.archive import Archive, document_id
from pipelines.run import run_context

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
            summary=f"New document on {item.source} ({item.published or 'undated'}): {item.title}",
            **common))
    elif existing["content_hash"] != item.content_hash:
        before = version_record(archive.latest_version(doc_id))
        diff = document_diff(before, document_record(item))
        changes.append(ChangeRecord(
            kind=ChangeKind.DOCUMENT_CHANGED,
            summary=f"Document changed ({', '.join(diff['fields']) or 'text'}): {item.title}",
            diff=diff, **common))
    for ref in item.measures:
        if archive.measure(ref.id) is None:
            changes.append(new_measure_change(ref, item))
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


def status_changes(archive: Archive, as_of: str) -> list[ChangeRecord]:
    """Recompute every measure's status for as_of; a transition is a status_changed."""
    changes = []
    for measure_id in archive.measure_ids():
        before, after, event = archive.refresh_status(measure_id, as_of)
        if before == after or (before is None and after is None):
            continue
        measure = archive.measure(measure_id)
        event = event or {}
        by, until = event.get("by_measure"), measure["suspended_until"]
        summary = f"{measure_id} is now {after}" + (f" by {by}" if by else "") + (
            f" until {until}" if until else "") + f" (was {before or 'unknown'}), as of {as_of}"
        evidence = archive.document(event["document"]) if event.get("document") else None
        changes.append(ChangeRecord(
            kind=ChangeKind.STATUS_CHANGED, measure=measure_id, from_=before, to=after,
            by=by, until=until, title=measure["title_zh"] or measure["title_en"],
            category=measure["category"], confidence=measure["confidence"],
            document=event.get("document"), summary=summary,
            url=evidence["url"] if evidence else None,
            source=evidence["source"] if evidence else None,
            diff={"sentence": event["sentence"]} if event.get("sentence") else {},
        ))
    return changes


def finish_run(archive: Archive, run_id: str) -> list[ChangeRecord]:
    """Close a run: record its run-level changes and mark it completed."""
    run = archive.run(run_id)
    with archive.transaction():
        changes = source_problem_changes(archive, run_id) + status_changes(archive, run["as_of"])
        for change in changes:
            archive.add_change(run_id, change)
    stats = {s["source"]: {"status": s["status"], "items": s["items"]}
             for s in archive.run_sources(run_id)}
    archive.finish_run(run_id, stats)
    return changes
