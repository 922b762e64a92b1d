"""Store stage: what a crawl learns goes into the archive here, one transaction per item.

`store_item` writes a document, its version, its measures, links, events and changes at once;
`record_unchanged` stamps an article the revisit policy did not refetch (or that answered 304).
The end of the run is written by pipelines.finish.
"""

from __future__ import annotations

import errno
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro

from pipelines.archive import Archive, document_id
from pipelines.clauses import instrument_expiry
from pipelines.designations import store_designations
from pipelines.evidence import EvidenceError, EvidenceStore
from pipelines.items import ChangeRecord, DocumentItem, MeasureRef
from pipelines.normalize import is_official_translation, translates_a_legal_text
from pipelines.originals import annex_changes, keep_originals
from pipelines.problems import report_problem
from pipelines.run import SourceRun, source_run_of
from pipelines.vocab import Category, ChangeKind, EventKind, Relation

OUTCOME_OF_CHANGE = {ChangeKind.NEW_DOCUMENT: "new", ChangeKind.DOCUMENT_CHANGED: "changed"}


# In a backfill, these changes are archived silently when dated before the run's quiet day.
QUIET_KINDS = {ChangeKind.NEW_DOCUMENT, ChangeKind.NEW_MEASURE, ChangeKind.MEASURE_AMENDED}


def change_date(change: ChangeRecord, item: DocumentItem) -> str | None:
    """The date a change is about: a new measure's publication, else its document's."""
    if change.kind == ChangeKind.NEW_MEASURE:
        ref = next((r for r in item.measures if r.id == change.measure), None)
        if ref is not None and ref.published:
            return ref.published
    return item.published


def is_quiet(change: ChangeRecord, item: DocumentItem, quiet_before: str | None) -> bool:
    """A backfill's old finding: archived, but not a change of its own in the report."""
    if quiet_before is None or change.kind not in QUIET_KINDS:
        return False
    day = change_date(change, item)
    return day is not None and day < quiet_before


@dataclass
class Stored:
    outcome: str  # new, changed, unchanged
    created: set[str] = field(default_factory=set)  # measures first seen
    quiet: int = 0  # changes archived without a change row (a backfill's history)


def store_item(archive: Archive, item: DocumentItem, run_id: str, as_of: str,
               list_url: str | None = None, quiet_before: str | None = None,
               evidence: EvidenceStore | None = None) -> str:
    """Store everything the item carries in one transaction; returns the document's outcome."""
    return store(archive, item, run_id, as_of, list_url, quiet_before, evidence=evidence).outcome


def store(archive: Archive, item: DocumentItem, run_id: str, as_of: str,
          list_url: str | None = None, quiet_before: str | None = None,
          fetched: tuple[str | None, str | None] | None = None,
          evidence: EvidenceStore | None = None) -> Stored:
    """Store everything the item carries in one transaction.

    A changed text (or a changed annex file) states its events again (the old version's are
    dropped). The diff stage's changes are kept only if they are still true inside the
    transaction (a measure another page of this run already created is not new twice, nor
    amended twice, nor amended on the night it is first seen). In a backfill (quiet_before
    set), new documents and measures dated before quiet_before get no change row. `fetched`
    (ETag, Last-Modified of the answer) is recorded in the same transaction. The originals
    (page response, annexes) are kept with the version they made (pipelines.originals):
    nothing is written to the evidence store for an unchanged page.
    """
    doc_id = document_id(item.url)
    quiet = 0
    with archive.transaction():
        outcome = archive.store_document(item, run_id, as_of,
                                         annexes_changed=bool(changed_annexes(archive, item)))
        archive.mark_listed(item.url, list_url)
        if outcome == "changed":
            archive.drop_document_events(doc_id)
        fresh = outcome != "unchanged"
        created = {ref.id for ref in item.measures
                   if archive.store_measure_ref(ref, doc_id, as_of, run_id, fresh=fresh)}
        issued = {ref.id for ref in item.measures if ref.relation == Relation.ISSUES}
        if outcome == "changed" and issued:  # a corrected number: the old one is not this
            archive.drop_issues_no_longer_stated(doc_id, issued)  # page's any more
        for change in item.changes:
            expected = OUTCOME_OF_CHANGE.get(ChangeKind(change.kind))
            if expected is not None and expected != outcome:
                continue
            if change.kind == ChangeKind.NEW_MEASURE and change.measure not in created:
                continue
            if change.kind == ChangeKind.MEASURE_AMENDED and (
                    not fresh or archive.change_in_run(run_id, change.kind, change.measure)
                    or archive.first_seen_in(change.measure, run_id)):
                continue  # (two copies of a measure new tonight that differ: not amended)
            if is_quiet(change, item, quiet_before):
                quiet += 1
                continue
            archive.add_change(run_id, change)
        link_translations(archive, item, doc_id, as_of, run_id)
        store_designations(archive, item, run_id, as_of, outcome, quiet_before)
        if fresh:
            store_instrument_expiry(archive, item, doc_id, run_id)
        if item.responses or item.annex_files:
            keep_originals(archive, evidence, item, doc_id, outcome, run_id, as_of)
        if fetched is not None:
            archive.record_fetch(item.url, 200, as_of, *fetched)
    return Stored(outcome, created, quiet)


def link_translations(archive: Archive, item: DocumentItem, doc_id: str, as_of: str,
                      run_id: str) -> None:
    """An official translation (english.mofcom.gov.cn) of the Chinese original of measure X
    reports on X and gives X its official English title, whatever its own title says and
    whichever of the two pages is archived first (SOURCES.md): from the translation when its
    original is in the archive, from the original when its translations are."""
    if is_official_translation(item) and item.translation_of and translates_a_legal_text(
            item.title):
        original = document_id(item.translation_of)
        translation = {"id": doc_id, "title": item.title, "language": item.language,
                       "confidence": item.confidence}
        for measure in archive.issued_measures(original):
            _link_translation(archive, translation, measure, original, as_of, run_id)
    if any(ref.relation == Relation.ISSUES for ref in item.measures):
        translations = [t for t in archive.official_translations_of(doc_id)
                        if translates_a_legal_text(t["title"])]
        for measure in archive.issued_measures(doc_id) if translations else []:
            for translation in translations:
                _link_translation(archive, translation, measure, doc_id, as_of, run_id)


def _link_translation(archive: Archive, translation: dict[str, Any], measure: dict[str, Any],
                      original: str, as_of: str, run_id: str) -> None:
    ref = MeasureRef(
        id=measure["id"], series=measure["series"], year=measure["year"],
        number=measure["number"], issuers=json.loads(measure["issuers"] or "[]"),
        relation=Relation.REPORTS_ON.value, confidence=translation["confidence"] or "high",
        reason=f"the official translation of {original}, which issues {measure['id']}",
        title=translation["title"] or None, title_language=translation["language"])
    archive.store_measure_ref(ref, translation["id"], as_of, run_id, fresh=False)
    archive.drop_inferred_link(translation["id"], measure["id"])


def store_instrument_expiry(archive: Archive, item: DocumentItem, doc_id: str,
                            run_id: str) -> None:
    """An instrument whose only effect is to suspend others expires after their last day
    (pipelines.clauses.instrument_expiry), read from the events its text stated tonight,
    its designations' included: each copy of its text (two sites) states its own expiry, so
    that the instrument expires on the day its targets' suspension ends, read from the same
    preferred copy (pipelines.lifecycle.chosen_copies)."""
    if item.category != Category.SUSPENSION:
        return
    for ref in item.measures:
        if ref.relation != Relation.ISSUES or any(
                e["kind"] == EventKind.EXPIRED and e["document"] == doc_id
                for e in archive.events(ref.id)):
            continue
        expiry = instrument_expiry(archive.events_stated_by(ref.id, doc_id))
        if expiry is not None:
            archive.add_event(ref.id, expiry, doc_id, item.confidence or "high", run_id)


def record_left_out(run: SourceRun, item: DocumentItem, reason: str,
                    close_call: bool = False) -> None:
    """News the relevance rule left out: remembered with its validators, date and hash, so the
    revisit policy treats it like an article instead of fetching it again every night; with its
    title and source, listed for the analyst when it was a close call."""
    etag, last_modified = run.pending_fetches.pop(item.url, (None, None))
    run.archive.record_fetch(item.url, 200, run.as_of, etag, last_modified, left_out={
        "reason": reason, "published": item.published, "content_hash": item.content_hash,
        "source": item.source, "title": item.title, "close_call": close_call,
        "run_id": run.run_id})


def changed_annexes(archive: Archive, item: DocumentItem) -> list:
    """The item's annex files whose bytes differ from its document's latest version's."""
    if not item.annex_files:  # most items: no lookup on the per-item path
        return []
    doc = archive.document_by_url(item.url)
    if doc is None:
        return []
    return annex_changes(archive.annexes_of(doc["id"], doc["version"]), item.annex_files)


def record_unchanged(run: SourceRun, url: str, status: int | None = None,
                     etag: str | None = None, last_modified: str | None = None) -> None:
    """An archived article seen without a new text: not due for a refetch (status None) or
    answered 304 (its validators kept)."""
    if status is not None:
        run.archive.record_fetch(url, status, run.as_of, etag, last_modified)
    run.archive.touch_document(url, run.run_id, run.as_of, run.listed_on.get(url))


STORAGE_FAILURES = ("database or disk is full", "disk i/o error", "no space left",
                    "readonly database", "read-only file system", "permission denied",
                    "quota exceeded")
# local storage (the archive, the evidence folder) that cannot take writes: the run stops, it is
# no fault of the sites
STORAGE_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EDQUOT, errno.EIO}


def storage_failure(error: BaseException, reason: str) -> bool:
    """The error says local storage cannot be written (not that an item was bad)."""
    if isinstance(error, OSError) and error.errno in STORAGE_ERRNOS:
        return True
    return any(failure in reason.lower() for failure in STORAGE_FAILURES)


def storage_error(error: BaseException) -> bool:
    """An archive or file-system error that says local storage cannot take writes
    (`storage_failure`): the run stops (crawler.health.stop_for_storage), no page is blamed."""
    reason = " ".join(str(error).split()) or type(error).__name__
    return isinstance(error, sqlite3.Error | OSError) and storage_failure(error, reason)


class StorePipeline:
    """Scrapy stage 3: the only stage that writes, one transaction per item."""

    def __init__(self, crawler: Crawler, run: SourceRun) -> None:
        self.crawler = crawler
        self.run = run
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler, source_run_of(crawler))

    def process_item(self, item: DocumentItem) -> DocumentItem:
        run = self.run
        if run.run.fatal:
            self.close_spider_once()
            raise DropItem(f"not stored, the archive cannot be written: {item.url}")
        evidence = run.run.evidence
        try:
            stored = store(run.archive, item, run.run_id, run.as_of,
                           run.listed_on.get(item.url), run.quiet_for(item.url),
                           run.pending_fetches.pop(item.url, None), evidence=evidence)
        except (sqlite3.Error, OSError, EvidenceError) as e:
            raise DropItem(self.not_stored(item, e)) from None
        finally:
            self.report_evidence_problems(evidence)
        if item.url in run.revisits:
            run.revisits[item.url] = stored.outcome
        stats = self.crawler.stats
        stats.inc_value(f"regwatch/documents/{stored.outcome}")
        if stored.created:
            stats.inc_value("regwatch/measures/new", len(stored.created))
        return item

    def not_stored(self, item: DocumentItem, error: BaseException) -> str:
        """An item the archive would not take (its transaction rolled back): one problem line. A
        stop (the statement interrupted) is no problem; storage that cannot take writes (a full
        disk) ends the crawl, and the run, at once."""
        reason = " ".join(str(error).split()) or type(error).__name__
        if "interrupted" in reason:
            return f"not stored, the run is stopping: {item.url}"
        message = f"could not store {item.url}: {reason}"
        if storage_failure(error, reason):  # (no fault of the page: the run's end says it once)
            first = f"cannot write the archive ({reason}) while storing {item.url}"
            self.run.run.fatal = self.run.run.fatal or first
            self.close_spider_once()
        else:
            report_problem(self.crawler.stats, item.source, message)
        return message

    def close_spider_once(self) -> None:
        """Stop this source's crawl: the run cannot store anything more."""
        if not self.closing:
            self.closing = True
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="archive failed"))

    def report_evidence_problems(self, evidence: EvidenceStore | None) -> None:
        """The evidence store's problems (e.g. a torn WARC file left alone) as source problems."""
        while evidence is not None and evidence.problems:
            report_problem(self.crawler.stats, self.run.source, evidence.problems.pop(0))
