"""The archive: the only module that knows table names or writes SQL.

Opening applies the migrations, turns on WAL, and checks the file is a SQLite database.
Every write that belongs to one item happens inside `transaction()`, so a crawl killed at any
moment leaves a consistent archive.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations
from sqlite_utils.utils import dedupe_keys
from w3lib.url import canonicalize_url

from pipelines.entities import tables_text
from pipelines.items import ChangeRecord, DocumentItem, MeasureEvent, MeasureRef
from pipelines.lifecycle import (
    SUSPENSION_KINDS,
    State,
    StatusPeriod,
    day_before,
    designation_events,
    status_on,
)
from pipelines.lifecycle import status_periods as periods_of_events
from pipelines.migrations import migrations
from pipelines.search import fts_query, fts_query_exact, glossary_note, query_problem, segment
from pipelines.vocab import Confidence, EventKind, LinkVerdict, Relation, RunStatus, Status

EXTENSION_ANNOUNCED = EventKind.EXTENSION_ANNOUNCED.value
# A designation's fields that its listing page states (Archive.add_designation).
DESIGNATION_EVIDENCE = ("number", "listed", "sentence", "listing_sentence", "name_zh", "name_en",
                        "country", "address", "document", "source")
# Measure fields a document's text can amend (what `measure_amended` compares).
AMENDABLE_FIELDS = ("title_zh", "title_en", "issuers", "published", "effective", "category")


def same_text(row: dict[str, Any], item: DocumentItem) -> bool:
    """Whether a fetched item says what an archived document row says: its text (content_hash)
    and its tables (an entity list), when the row knows them (one archived before tables were
    kept has NULL: not known, never a change)."""
    if row["content_hash"] != item.content_hash:
        return False
    known = row.get("tables_hash")
    return known is None or item.tables_hash is None or known == item.tables_hash


def raises_confidence(ref: MeasureRef, current: str | None) -> bool:
    """Only the measure's own text or an official page (a high-confidence link) sets or raises
    a measure's confidence; news and relays never raise it."""
    if ref.relation == Relation.ISSUES or current is None:
        return True
    return ref.confidence == Confidence.HIGH and Confidence(current).rank < Confidence.HIGH.rank


def _apply_title(row: dict[str, Any], ref: MeasureRef, doc_id: str, *, overwrite: bool) -> None:
    if not ref.title:
        return
    lang = "en" if ref.title_language == "en" else "zh"
    official_over_machine = (lang == "en" and row["title_en_machine_translated"]
                             and not ref.title_machine_translated)
    if overwrite or not row[f"title_{lang}"] or official_over_machine:
        row[f"title_{lang}"] = ref.title
        row[f"title_{lang}_document"] = doc_id
        if lang == "en":
            row["title_en_machine_translated"] = int(ref.title_machine_translated)


def merged_measure(existing: dict[str, Any] | None, ref: MeasureRef, doc_id: str, as_of: str,
                   *, fresh: bool = True) -> dict[str, Any]:
    """The measure's row once ref is applied (the merge rules, without writing anything)."""
    issuing = ref.relation == Relation.ISSUES
    if existing is None:
        row = {
            "id": ref.id, "series": ref.series, "year": ref.year, "number": ref.number,
            "issuers": _json(list(ref.issuers)), "title_zh": None, "title_zh_document": None,
            "title_en": None, "title_en_document": None, "title_en_machine_translated": 0,
            "published": ref.published if issuing else None,
            "effective": ref.effective if issuing else None, "status": None,
            "suspended_until": None, "category": ref.category, "confidence": ref.confidence,
            "first_seen": as_of, "last_seen": as_of,
        }
        _apply_title(row, ref, doc_id, overwrite=True)
        return row
    row = dict(existing)
    overwrite = issuing and fresh
    issuers = json.loads(row["issuers"] or "[]")
    row["issuers"] = _json(issuers + [i for i in ref.issuers if i not in issuers])
    _apply_title(row, ref, doc_id, overwrite=overwrite)
    for key in ("published", "effective"):
        if issuing and getattr(ref, key) and (fresh or not row[key]):
            row[key] = getattr(ref, key)
    if ref.category and (overwrite or not row["category"]):
        row["category"] = ref.category
    if raises_confidence(ref, row["confidence"]):
        row["confidence"] = ref.confidence
    row["last_seen"] = as_of
    return row


def _walks_state(walks: list[dict[str, Any]]) -> dict[str, Any]:
    """A source's walks in a few fields: pages walked, how they stand, the last complete walk."""
    if not walks:
        return {"pages_walked": 0, "walk": None, "last_complete_walk": None}
    states = sorted({w["status"] for w in walks})
    complete = states == ["complete"]
    return {"pages_walked": sum(w["pages_walked"] or 0 for w in walks),
            "walk": "complete" if complete else ", ".join(
                f"{w['list']}: {w['status']} at page {w['next_page']}" for w in walks
                if w["status"] != "complete"),
            "last_complete_walk": max(w["last_complete_walk"] or "" for w in walks) or None
            if complete else None}


class ArchiveError(Exception):
    """The archive cannot be opened or used; the message is one line for the user."""


SQLITE_HEADER = b"SQLite format 3\x00"


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def _check_file(path: Path, *, must_exist: bool) -> None:
    """ArchiveError unless path is absent (when allowed), empty, or a SQLite file."""
    if not path.exists():
        if must_exist:
            raise ArchiveError(f"no archive at {path}")
        return
    if not path.is_file():
        raise ArchiveError(f"{path} is not a file")
    try:
        with open(path, "rb") as f:
            header = f.read(16)
    except OSError as e:
        raise ArchiveError(f"cannot read {path}: {e.strerror or e}") from None
    if header and header != SQLITE_HEADER:
        raise ArchiveError(f"{path} is not a SQLite database")


def decided_by(period: StatusPeriod) -> str | None:
    """The measure whose text gave the period its status: none for a measure in force again
    because a suspension of it ran out (the suspending text decided the suspension, not that)."""
    if period.status == Status.IN_FORCE and period.event.get("kind") in SUSPENSION_KINDS:
        return None
    return period.event.get("by_measure")


def connect_to_read(path: Path, **options: Any) -> sqlite3.Connection:
    """A connection that only reads (`query_only`), without creating the file. Read-write at the
    SQLite level where the file and its folder may be written: closing it, as the file's last
    connection, removes the -wal and -shm files that reading a WAL database needs (a `mode=ro`
    connection cannot, and leaves them behind); `mode=ro` where they may not."""
    uri = f"file:{quote(str(path.resolve()))}"
    writable = os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK)
    conn = sqlite3.connect(f"{uri}?mode={'rw' if writable else 'ro'}", uri=True, **options)
    conn.execute("PRAGMA query_only=ON")
    return conn


def _check_regwatch(db: Database, path: Path, *, empty_ok: bool = True) -> None:
    """ArchiveError unless the database is a regwatch archive (or empty, when allowed)."""
    tables = {r["name"] for r in db.query(
        "select name from sqlite_master where type in ('table', 'view')")}
    if not tables:
        if empty_ok:
            return
        raise ArchiveError(f"{path} is an empty database, not a regwatch archive")
    ours = Migrations.migrations_table in tables and any(db.query(
        f"select 1 from {Migrations.migrations_table} where migration_set = ? limit 1",
        [migrations.name]))
    if not ours:
        raise ArchiveError(f"{path} is not a regwatch archive (it holds another application's "
                           "tables); it was left unchanged")


# Anything that still names a measure (a document, an event, a designation, a controlled item):
# a measure so named stays when the page that issued it no longer does.
_STILL_NAMED = (
    "select 1 where exists (select 1 from document_measures where measure = :m) "
    "or exists (select 1 from measure_events where measure = :m or by_measure = :m) "
    "or exists (select 1 from designations where measure = :m or by_measure = :m) "
    "or exists (select 1 from controlled_items where measure = :m)")


def document_id(url: str) -> str:
    """Stable id of the document at url (the same page is the same document)."""
    return hashlib.sha256(canonical_url(url).encode()).hexdigest()[:16]


# When a document was last read or asked for again: the order revisits take (m940's index).
REVISIT_KEY = "max(last_fetched, ifnull(revisited_on, ''))"

# A fetch_state row (as `f`) of news left out on a close call (pipelines.relevance.judge).
CLOSE_CALL = "f.close_call = 1 and f.left_out is not null"


@lru_cache(maxsize=16384)
def canonical_url(url: str) -> str:
    return canonicalize_url(url, keep_fragments=False)


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _change_row(change: ChangeRecord) -> dict[str, Any]:
    """A change as a row of the changes table."""
    record = asdict(change)
    record["from"] = record.pop("from_")
    record["list"] = record.pop("list_name")
    record["diff"] = _json(record["diff"]) if record["diff"] else None
    return record


class Archive:
    """A regwatch archive in one SQLite file."""

    def __init__(self, db: Database, path: Path | None = None, *, immutable: bool = False
                 ) -> None:
        self.db = db
        self.path = path
        self.immutable = immutable  # read from read-only media: no writer can be running
        self.upgraded = 0  # schema steps applied when opened (Archive.open)

    # --- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Archive:
        """Open the archive at path for writing, migrating it (WAL); ArchiveError with one line if
        it cannot be. Only an empty file, an empty database or a regwatch archive is opened: another
        application's database is refused and left exactly as it was."""
        path = Path(path)
        _check_file(path, must_exist=not create)
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
            db = Database(conn)
            _check_regwatch(db, path)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            pending = migrations.pending(db)
            migrations.apply(db)
            archive = cls(db, path)
            archive.upgraded = len(pending)
            if pending:
                archive.rewrite_stale_periods()
        except sqlite3.Error as e:
            raise ArchiveError(f"cannot open archive {path}: {_one_line(e)}") from None
        return archive

    def rewrite_stale_periods(self) -> int:
        """After an upgrade: the status periods (what `status --on`, the pages and the regime
        read) of the measures and designations a migration marked, by today's rules; they stay
        marked, so the next run still reports what changed (their stored status is what it
        compares with)."""
        from pipelines.designations import rewrite_stale_designation_periods

        stale = self.stale_measures()
        for measure_id in stale:
            self.write_status_periods(measure_id, periods_of_events(self.events(measure_id)),
                                      keep_stale=True)
        return len(stale) + rewrite_stale_designation_periods(self)

    @staticmethod
    def check(path: str | Path) -> None:
        """ArchiveError unless path may become or is a regwatch archive (absent, empty, an empty
        database, a regwatch archive); nothing is written, not even a journal."""
        path = Path(path)
        _check_file(path, must_exist=False)
        if not path.exists() or path.stat().st_size == 0:
            return
        try:
            conn = connect_to_read(path)
            try:
                _check_regwatch(Database(conn), path)
            finally:
                conn.close()
        except sqlite3.Error as e:
            raise ArchiveError(f"cannot open archive {path}: {_one_line(e)}") from None

    @staticmethod
    def last_run_of(path: str | Path) -> dict[str, Any] | None:
        """The run of the archive at path with the latest as_of (`id`, `as_of`), read without
        writing anything; None without an archive or a run."""
        path = Path(path)
        if not path.is_file() or path.stat().st_size == 0:
            return None
        try:
            conn = connect_to_read(path)
            try:
                if not conn.execute("select 1 from sqlite_master where type = 'table' and "
                                    "name = 'runs'").fetchone():
                    return None
                row = conn.execute("select id, as_of from runs order by as_of desc, id desc "
                                   "limit 1").fetchone()
            finally:
                conn.close()
        except sqlite3.Error as e:
            raise ArchiveError(f"cannot open archive {path}: {_one_line(e)}") from None
        return {"id": row[0], "as_of": row[1]} if row else None

    @classmethod
    def open_readonly(cls, path: str | Path) -> Archive:
        """Open an existing archive to read it: nothing is created, migrated or switched (not even
        the journal mode), and it works on read-only media; ArchiveError with one line if the file
        is not a regwatch archive of this version."""
        path = Path(path)
        _check_file(path, must_exist=True)
        uri = f"file:{quote(str(path.resolve()))}"
        try:
            immutable = False
            try:
                conn = connect_to_read(path, isolation_level=None, timeout=30)
                conn.execute("select count(*) from sqlite_master").fetchone()
            except sqlite3.OperationalError:  # read-only media: no -shm can be made for WAL
                conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
                conn.execute("select count(*) from sqlite_master").fetchone()
                immutable = True
            conn.execute("PRAGMA query_only=ON")
            db = Database(conn)
            _check_regwatch(db, path, empty_ok=False)
            pending = migrations.pending(db)
        except sqlite3.Error as e:
            raise ArchiveError(f"cannot read archive {path}: {_one_line(e)}") from None
        if pending:
            db.close()
            raise ArchiveError(f"{path} was written by an older regwatch ({len(pending)} schema "
                               f"steps behind); run `regwatch upgrade --db {path}` once to bring "
                               "it up to date")
        return cls(db, path, immutable=immutable)

    def interrupt(self) -> None:
        """Abort the statement running on this connection (from another thread or a handler)."""
        self.db.conn.interrupt()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of writes (BEGIN IMMEDIATE ... COMMIT, ROLLBACK on error)."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # an interrupted or failed statement may have ended it
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _query(self, sql: str, params: Any = ()) -> Iterator[dict[str, Any]]:
        """Rows as dicts, read straight from the connection (sqlite-utils' `query` wraps each
        read in a savepoint: three statements for one, which a crawl pays for on every item)."""
        cursor = self.db.conn.execute(sql, params or ())
        keys = dedupe_keys(d[0] for d in cursor.description)
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def _one(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        cursor = self.db.conn.execute(sql, params or ())
        row = cursor.fetchone()
        cursor.close()
        if row is None:
            return None
        return dict(zip(dedupe_keys(d[0] for d in cursor.description), row, strict=True))

    # Plain SQL for the writes of every item (sqlite-utils' table methods inspect the table on
    # each call: several statements per row, which a crawl of thousands of pages pays for).
    def _insert(self, table: str, row: dict[str, Any]) -> None:
        names = list(row)
        self.db.execute(f"insert into [{table}] ({', '.join(f'[{n}]' for n in names)}) "
                        f"values ({', '.join('?' * len(names))})", [row[n] for n in names])

    def _update(self, table: str, key: str, value: Any, fields: dict[str, Any]) -> None:
        names = [n for n in fields if n != key]
        self.db.execute(f"update [{table}] set {', '.join(f'[{n}] = ?' for n in names)} "
                        f"where [{key}] = ?", [*(fields[n] for n in names), value])

    def _upsert(self, table: str, row: dict[str, Any], keys: tuple[str, ...]) -> None:
        names = list(row)
        updates = [n for n in names if n not in keys]
        conflict = (f"do update set {', '.join(f'[{n}] = excluded.[{n}]' for n in updates)}"
                    if updates else "do nothing")
        self.db.execute(f"insert into [{table}] ({', '.join(f'[{n}]' for n in names)}) "
                        f"values ({', '.join('?' * len(names))}) "
                        f"on conflict ({', '.join(f'[{k}]' for k in keys)}) {conflict}",
                        [row[n] for n in names])

    # --- runs ------------------------------------------------------------------------------
    def start_run(self, as_of: str, sources: list[str], mirror: str | None) -> str:
        """Create a run; runs left `running` by a killed process, or stopped and marked
        `interrupted`, are continued by this one: their recorded changes move to it, so they are
        reported, not lost."""
        with self.transaction():
            stale = [r["id"] for r in self._query(
                "select id from runs where status in (?, ?) and continued_by is null",
                [RunStatus.RUNNING.value, RunStatus.INTERRUPTED.value])]
            previous = self._one(
                "select id from runs where status = ? order by rowid desc limit 1",
                [RunStatus.COMPLETED.value],
            )
            seq = 1 + sum(1 for _ in self._query("select 1 from runs where as_of = ?", [as_of]))
            run_id = f"{as_of}-{seq:03d}"
            while self._one("select 1 from runs where id = ?", [run_id]):
                seq += 1
                run_id = f"{as_of}-{seq:03d}"
            self.db["runs"].insert({
                "id": run_id, "as_of": as_of, "started_at": now_utc(), "finished_at": None,
                "status": RunStatus.RUNNING.value, "mirror": mirror, "sources": _json(sources),
                "previous_run_id": previous["id"] if previous else None, "stats": None,
            })
            for old in stale:
                self.db.execute(
                    "update runs set status = ?, finished_at = ifnull(finished_at, ?), "
                    "continued_by = ? where id = ?",
                    [RunStatus.INTERRUPTED.value, now_utc(), run_id, old],
                )
                self.db.execute("update changes set run_id = ? where run_id = ?", [run_id, old])
        return run_id

    def mark_interrupted(self, run_id: str) -> None:
        """A run stopped before its end (a signal): the next run continues it."""
        with self.transaction():
            self.db.execute("update runs set status = ?, finished_at = ? where id = ? and "
                            "status = ?", [RunStatus.INTERRUPTED.value, now_utc(), run_id,
                                           RunStatus.RUNNING.value])

    def abort_when(self, stop: Callable[[], bool], every: int = 10_000) -> None:
        """Abort any statement of this connection (SQLITE_INTERRUPT) once stop() is true, checked
        every `every` virtual-machine steps: a long statement cannot delay a requested stop, and
        Python's signal handlers get to run while SQLite works."""
        self.db.conn.set_progress_handler(lambda: 1 if stop() else 0, every)

    def run(self, run_id: str) -> dict[str, Any] | None:
        return self._one("select * from runs where id = ?", [run_id])

    def set_run_context(self, run_id: str, context: dict[str, Any]) -> None:
        """What the archive held and covered at the run's end (pipelines.report.archive_context),
        for its report and digest whenever they are written (m1020)."""
        self.db.execute("update runs set archive_context = ? where id = ?",
                        [_json(context), run_id])

    def run_context(self, run_id: str) -> dict[str, Any] | None:
        """The archive context stored at the run's end (None for a run before m1020)."""
        row = self._one("select archive_context from runs where id = ?", [run_id])
        return json.loads(row["archive_context"]) if row and row["archive_context"] else None

    def previous_as_of(self, run_id: str) -> str | None:
        """The as_of of the completed run before run_id (None for the first run)."""
        row = self._one(
            "select as_of from runs where status = 'completed' and rowid < "
            "(select rowid from runs where id = ?) order by rowid desc limit 1", [run_id])
        return row["as_of"] if row else None

    def run_mirrors(self) -> set[str | None]:
        """The mirror folders the archive's runs replayed (None for a live run)."""
        return {r["mirror"] for r in self._query("select distinct mirror from runs")}

    def run_ids(self) -> list[str]:
        return [r["id"] for r in self._query("select id from runs order by rowid")]

    def latest_run_id(self) -> str | None:
        row = self._one("select id from runs order by rowid desc limit 1")
        return row["id"] if row else None

    def latest_completed_run_id(self, before: str | None = None) -> str | None:
        """The last completed run (before the run `before`, when given)."""
        row = self._one(
            "select id from runs where status = 'completed' and rowid < coalesce("
            "(select rowid from runs where id = ?), 9223372036854775807) "
            "order by rowid desc limit 1", [before])
        return row["id"] if row else None

    def record_source(self, run_id: str, source: str, stats: dict[str, Any]) -> None:
        """Store one source's statistics for a run (status, items, problems, ...)."""
        with self.transaction():
            self.db["run_sources"].upsert({
                "run_id": run_id, "source": source, "status": stats["status"],
                "items": stats["items"], "unchanged": stats.get("unchanged", 0),
                "requests": stats.get("requests", 0), "responses": stats.get("responses", 0),
                "problems": _json(stats.get("problems", [])), "finished_at": now_utc(),
                "backfill": stats.get("backfill", 0),
                "walks_stuck": _json(stats["walks_stuck"]) if stats.get("walks_stuck") else None,
                "notes": _json(stats["notes"]) if stats.get("notes") else None,
            }, pk=("run_id", "source"))

    def run_sources(self, run_id: str) -> list[dict[str, Any]]:
        rows = list(self._query(
            "select * from run_sources where run_id = ? order by source", [run_id]))
        for row in rows:
            row["problems"] = json.loads(row["problems"] or "[]")
            row["walks_stuck"] = json.loads(row.get("walks_stuck") or "[]")
            row["notes"] = json.loads(row.get("notes") or "[]")
        return rows

    def last_source_run(self, source: str) -> dict[str, Any] | None:
        """The source's statistics in its latest run."""
        row = self._one(
            "select rs.* from run_sources rs join runs r on r.id = rs.run_id "
            "where rs.source = ? order by r.rowid desc limit 1", [source])
        if row:
            row["problems"] = json.loads(row["problems"] or "[]")
            row["notes"] = json.loads(row.get("notes") or "[]")
        return row

    def previous_source_run(self, source: str, run_id: str) -> dict[str, Any] | None:
        """The source's statistics in the completed run before run_id."""
        row = self._one(
            "select rs.* from run_sources rs join runs r on r.id = rs.run_id "
            "where rs.source = ? and r.status = 'completed' and r.rowid < "
            "(select rowid from runs where id = ?) order by r.rowid desc limit 1",
            [source, run_id])
        if row:
            row["problems"] = json.loads(row["problems"] or "[]")
            row["walks_stuck"] = json.loads(row.get("walks_stuck") or "[]")
        return row

    def last_healthy_items(self, source: str, before_run: str) -> int | None:
        """Documents seen (fetched or unchanged) in the source's last `ok` run (count bounds);
        a run that walked back is no yardstick for a night that reads first pages."""
        row = self._one(
            "select rs.items + rs.unchanged as items from run_sources rs "
            "join runs r on r.id = rs.run_id "
            "where rs.source = ? and rs.status = 'ok' and r.id != ? and rs.backfill = 0 "
            "order by r.rowid desc limit 1",
            [source, before_run],
        )
        return row["items"] if row else None

    def finish_run(self, run_id: str, stats: dict[str, Any]) -> None:
        with self.transaction():
            self.db.execute(
                "update runs set status = ?, finished_at = ?, stats = ? where id = ?",
                [RunStatus.COMPLETED.value, now_utc(), _json(stats), run_id],
            )

    # --- documents -------------------------------------------------------------------------
    def document_by_url(self, url: str) -> dict[str, Any] | None:
        return self._one("select * from documents where id = ?", [document_id(url)])

    def document(self, doc_id: str) -> dict[str, Any] | None:
        return self._one("select * from documents where id = ?", [doc_id])

    def latest_version(self, doc_id: str) -> dict[str, Any] | None:
        return self._one(
            "select * from document_versions where document = ? order by version desc limit 1",
            [doc_id],
        )

    def store_document(self, item: DocumentItem, run_id: str, as_of: str,
                       annexes_changed: bool = False) -> str:
        """Insert, version or touch the document; returns 'new', 'changed' or 'unchanged'.

        A new version is made when the text changed (its paragraphs or, when the archive knows
        them, its tables: same_text), or an annex file did (annexes_changed)."""
        doc_id = document_id(item.url)
        existing = self._one("select id, version, content_hash, tables_hash from documents "
                             "where id = ?", [doc_id])
        record = {
            "id": doc_id, "url": item.url, "source": item.source, "language": item.language,
            "title": item.title, "published": item.published, "published_at": item.published_at,
            "issuing_unit": item.issuing_unit, "doc_number": item.doc_number, "body": item.body,
            "annexes": _json([asdict(a) for a in item.annexes]), "category": item.category,
            "category_reason": item.category_reason, "confidence": item.confidence,
            "machine_translated": int(item.machine_translated),
            "translation_of": document_id(item.translation_of) if item.translation_of else None,
            "content_hash": item.content_hash, "last_seen": as_of, "last_fetched": as_of,
            "last_run_id": run_id, "tables": item.tables_text, "tables_hash": item.tables_hash,
        }
        if existing and same_text(existing, item) and not annexes_changed:
            touched = ["last_seen", "last_fetched", "last_run_id", "category",
                       "category_reason", "confidence"]
            if existing["tables_hash"] is None:  # archived before tables were kept: learnt now
                touched += ["tables", "tables_hash"]
            self._update("documents", "id", doc_id, {k: record[k] for k in touched})
            return "unchanged"
        version = existing["version"] + 1 if existing else 1
        record["version"] = version
        if existing:
            self._update("documents", "id", doc_id, record)
        else:
            record.update(first_seen=as_of, first_run_id=run_id)
            self._insert("documents", record)
        self._insert("document_versions", {
            "document": doc_id, "version": version, "title": item.title,
            "published": item.published, "body": item.body, "annexes": record["annexes"],
            "category": item.category, "confidence": item.confidence,
            "content_hash": item.content_hash, "fetched_at": as_of, "run_id": run_id,
            "tables": item.tables_text, "tables_hash": item.tables_hash,
        })
        # the body's tables (an entity list's names) are searched with it: the body is the
        # page's paragraphs, the tables are kept beside it and read into designations
        tables = (item.tables_text if item.tables_text is not None
                  else tables_text(item.tables) if item.tables else "")
        self._index_document(doc_id, item.title, f"{item.body}\n\n{tables}" if tables
                             else item.body)
        return "changed" if existing else "new"

    def _index_document(self, doc_id: str, title: str, body: str) -> None:
        rowid = self._one("select rowid from documents where id = ?", [doc_id])["rowid"]
        self.db.execute("delete from documents_fts where rowid = ?", [rowid])
        self.db.execute(
            "insert into documents_fts (rowid, title, body) values (?, ?, ?)",
            [rowid, segment(title), segment(body)],
        )

    def touch_document(self, url: str, run_id: str, as_of: str,
                       list_url: str | None = None) -> bool:
        """Mark a known document as seen (not refetched, or answered 304); False if unknown."""
        doc_id = document_id(url)
        with self.transaction():
            cursor = self.db.execute(
                "update documents set last_seen = ?, last_run_id = ?, "
                "listed_on = ifnull(?, listed_on) where id = ?",
                [as_of, run_id, canonical_url(list_url) if list_url else None, doc_id],
            )
            if cursor.rowcount:
                self.db.execute(
                    "update measures set last_seen = ? where id in "
                    "(select measure from document_measures where document = ?)",
                    [as_of, doc_id],
                )
        return bool(cursor.rowcount)

    def unlisted_to_revisit(self, source: str, fetched_before: str) -> Iterator[dict[str, Any]]:
        """The source's archived documents (not reported removed) last fetched, and last asked
        for by a revisit, on or before fetched_before: the longest unread first (one indexed
        walk, read lazily: the caller stops at its budget)."""
        return self._query(
            f"select id, url, title, published, issuing_unit, last_fetched, revisited_on "
            f"from documents indexed by documents_revisit where source = ? "
            f"and {REVISIT_KEY} <= ? and removed_on is null order by {REVISIT_KEY}, rowid",
            [source, fetched_before])

    def mark_revisited(self, doc_ids: list[str], as_of: str) -> None:
        """These documents were asked for by a revisit tonight (whatever comes of it: one that
        fails is asked for again after the same interval, not every night)."""
        with self.transaction():
            self.db.conn.executemany("update documents set revisited_on = ? where id = ?",
                                     [(as_of, doc_id) for doc_id in doc_ids])

    def mark_listed(self, url: str, list_url: str | None) -> None:
        """Remember the list page that links the document (for removal checks)."""
        if list_url:
            self.db.execute("update documents set listed_on = ? where id = ?",
                            [canonical_url(list_url), document_id(url)])

    def mark_all_listed(self, source: str, listed_on: dict[str, str]) -> None:
        """Settle, at a run's end, the list page of source each of its articles is listed on
        (the run's final choice, whatever the order the lists were read in; another source's
        list never names a document's list, so that its own removal check sees it)."""
        with self.transaction():
            self.db.conn.executemany(
                "update documents set listed_on = ? where id = ? and source = ? "
                "and ifnull(listed_on, '') != ?",
                [(canonical_url(page), document_id(url), source, canonical_url(page))
                 for url, page in listed_on.items()])

    def record_misses(self, source: str, run_id: str, as_of: str, list_pages: list[str],
                      after_nights: int, still_listed: Iterable[str] = ()
                      ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Count, for one healthy run of source, the documents its list pages no longer show.

        A document is missed when the list page that used to link it was fetched in this run,
        it was not seen, and it is not older than the oldest document that page still links
        (older ones have only moved to later pages). Seen documents start again from zero.
        A miss counts once per night (as_of). Returns the documents missed on `after_nights`
        nights, now marked removed, and the documents marked removed before that this run saw
        again (as they were: `removed_on` still set), now no longer removed.
        """
        pages = sorted({canonical_url(u) for u in list_pages})
        marks = ",".join("?" * len(pages))
        with self.transaction():
            self.db.execute("create temp table if not exists listed (url text primary key)")
            self.db.execute("delete from temp.listed")
            self.db.conn.executemany("insert or ignore into temp.listed (url) values (?)",
                                     [(canonical_url(u),) for u in still_listed])
            # (`+source`: the indexes on the run, the URL and the list page decide, not the
            # source's: a night's cost grows with what its list pages show)
            back: dict[str, dict[str, Any]] = {}
            for seen in ("last_run_id = ?", "url in (select url from temp.listed)"):
                back.update((r["id"], r) for r in self._query(
                    f"select * from documents where {seen} and +source = ? and removed_on is not "
                    f"null", [run_id, source] if "?" in seen else [source]))
                self.db.execute(
                    f"update documents set missed_runs = 0, missed_on = null, removed_on = null "
                    f"where {seen} and +source = ? and (missed_runs > 0 or removed_on "
                    f"is not null)", [run_id, source] if "?" in seen else [source])
            restored = sorted(back.values(), key=lambda r: r["id"])
            if not pages:
                return [], restored
            # The oldest document each page still links, computed once per page (indexed by
            # list page and run), not once per candidate row.
            oldest = {r["listed_on"]: r["oldest"] for r in self._query(
                f"select listed_on, min(published) as oldest from documents "
                f"where last_run_id = ? and listed_on in ({marks}) group by listed_on",
                [run_id, *pages])}
            for page, first in oldest.items():
                self.db.execute(
                    "update documents set missed_runs = missed_runs + 1, missed_on = ? "
                    "where listed_on = ? and published >= ? and +source = ? "
                    "and ifnull(last_run_id, '') != ? and removed_on is null "
                    "and url not in (select url from temp.listed) "
                    "and ifnull(missed_on, '') < ?",
                    [as_of, page, first, source, run_id, as_of])
            removed = list(self._query(
                "select * from documents where source = ? and missed_runs > 0 "
                "and removed_on is null and missed_runs >= ?", [source, after_nights]))
            for doc in removed:
                self.db.execute("update documents set removed_on = ? where id = ?",
                                [as_of, doc["id"]])
        return removed, restored

    def main_measure(self, doc_id: str) -> str | None:
        """The measure a document is chiefly about: the one it issues, else the one it reports
        on, else the first it cites by number (an inferred link last)."""
        row = self._one(
            "select measure from document_measures where document = ? order by case relation "
            "when 'issues' then 0 when 'reports_on' then 1 else 2 end, "
            "reason like 'inferred:%', rowid limit 1", [doc_id])
        return row["measure"] if row else None

    def fetch_state(self, url: str) -> dict[str, Any] | None:
        return self._one("select * from fetch_state where url = ?", [canonical_url(url)])

    def record_fetch(self, url: str, status: int, as_of: str, etag: str | None,
                     last_modified: str | None, *, left_out: dict[str, Any] | None = None
                     ) -> None:
        """Remember when an article was fetched and its validators (for conditional requests).

        A 304 answer without validators keeps the ones we had. `left_out` ({reason, published,
        content_hash, source, title, close_call, run_id}) remembers news the relevance rule left
        out, so it is revisited like an article (a stored document clears it); a 304 keeps what
        was remembered. `left_out_run` is the run that first left the page out as it reads now
        (the same text left out again on a revisit keeps it: a report lists a close call once)."""
        previous = self.fetch_state(url) or {}
        record = {
            "url": canonical_url(url), "status": status, "last_fetched": as_of,
            "etag": etag or previous.get("etag"),
            "last_modified": last_modified or previous.get("last_modified"),
        }
        if left_out is not None:
            same_text = (previous.get("left_out") is not None
                         and previous.get("content_hash") == left_out["content_hash"])
            record.update(left_out=left_out["reason"], published=left_out["published"],
                          content_hash=left_out["content_hash"], source=left_out["source"],
                          title=left_out["title"], close_call=int(left_out["close_call"]),
                          left_out_run=(previous.get("left_out_run") if same_text
                                        else left_out["run_id"]))
        elif status != 304:
            record.update(left_out=None, published=None, content_hash=None, title=None,
                          close_call=0, left_out_run=None)
        with self.transaction():
            self._upsert("fetch_state", record, ("url",))

    # --- the relevance rule's close calls and the analyst's verdicts ---------------------------

    def close_calls(self, run_id: str | None = None) -> list[dict[str, Any]]:
        """News left out on a close call (newest first): those first left out by `run_id`, or
        all of them, with the analyst's verdict where there is one."""
        where = CLOSE_CALL
        params: list[Any] = []
        if run_id is not None:
            where += " and f.left_out_run = ?"
            params.append(run_id)
        return list(self._query(
            "select f.url, f.source, f.title, f.published, f.left_out as reason, "
            "f.left_out_run as run_id, v.verdict, v.decided from fetch_state f "
            f"left join relevance_verdicts v on v.url = f.url where {where} "
            "order by f.published desc, f.url", params))

    def keep_left_out(self, url: str, decided: str, note: str | None = None) -> dict[str, Any]:
        """The analyst keeps a page the relevance rule left out: the verdict is recorded and the
        page's fetch state forgotten (no conditional request, due now), so its source's next
        run reads it again and stores it. ValueError for a URL no rule left out."""
        state = self.fetch_state(url)
        if state is None or state["left_out"] is None:
            raise ValueError(f"{url} is not a page the relevance rule left out "
                             f"(see `regwatch relevance close-calls`)")
        verdict = {"url": state["url"], "source": state["source"], "verdict": "keep",
                   "note": note, "decided": decided}
        with self.transaction():
            self._upsert("relevance_verdicts", verdict, ("url",))
            self._update("fetch_state", "url", state["url"],
                         {"etag": None, "last_modified": None, "last_fetched": None})
        return verdict

    def withdraw_verdict(self, url: str) -> None:
        """The analyst's verdict on this page withdrawn (a page kept stays a document; one not
        read yet is no longer asked for). ValueError when there is none."""
        key = canonical_url(url)
        if self._one("select url from relevance_verdicts where url = ?", [key]) is None:
            raise ValueError(f"no verdict on {url}")
        with self.transaction():
            self.db.execute("delete from relevance_verdicts where url = ?", [key])

    def kept_by_analyst(self) -> set[str]:
        """The pages (canonical URLs) the analyst decided to keep."""
        return {row["url"] for row in self._query(
            "select url from relevance_verdicts where verdict = 'keep'")}

    def pages_to_read_again(self, source: str) -> list[str]:
        """Pages of `source` the analyst kept that are not stored as documents yet."""
        kept = self._query("select url from relevance_verdicts where source = ? and "
                           "verdict = 'keep' order by decided, url", [source])
        return [row["url"] for row in list(kept) if self.document_by_url(row["url"]) is None]

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Documents matching a Chinese or English query (same rules as Datasette's box); each
        says how it matched: "words", or "glossary: …" when only the glossary's other forms of
        a term (稀土 for "rare earth") are in it. ValueError for a query too long to search;
        none for a query without words (only punctuation)."""
        match = _fts_query(query)
        if not match:
            return []
        exact = fts_query_exact(query)
        note = f"glossary: {glossary_note(query)}"
        return list(self._query(
            "select documents.id, documents.url, documents.title, case when documents.rowid in "
            "(select rowid from documents_fts where documents_fts match :exact) then 'words' "
            "else :note end as matched from documents_fts "
            "join documents on documents.rowid = documents_fts.rowid "
            "where documents_fts match :match order by rank limit :limit",
            {"match": match, "exact": exact or '""', "note": note, "limit": limit},
        ))

    # --- measures --------------------------------------------------------------------------
    def measure(self, measure_id: str) -> dict[str, Any] | None:
        return self._one("select * from measures where id = ?", [measure_id])

    def store_measure_ref(self, ref: MeasureRef, doc_id: str, as_of: str, run_id: str,
                          fresh: bool = True) -> bool:
        """Create or update the measure, link it to the document, record its events.

        Returns True when the measure did not exist before. Fields from the measure's own
        text (relation `issues`) win over fields learnt from mentions, but only from a new or
        changed text (`fresh`): an unchanged copy does not overwrite what a newer one said.
        """
        existing = self.measure(ref.id)
        if fresh and existing is not None and ref.relation == Relation.ISSUES:
            lang = "en" if ref.title_language == "en" else "zh"
            fresh = not self._yields_to(doc_id, existing[f"title_{lang}_document"], ref.id,
                                        run_id)
        row = merged_measure(existing, ref, doc_id, as_of, fresh=fresh)
        if existing is None:
            row["first_run_id"] = run_id
            self._insert("measures", row)
        else:
            self._update("measures", "id", ref.id, row)
        self._upsert("document_measures", {
            "document": doc_id, "measure": ref.id, "relation": ref.relation,
            "confidence": ref.confidence, "reason": ref.reason,
        }, ("document", "measure", "relation"))
        for event in ref.events:
            self.add_event(ref.id, event, doc_id, ref.confidence, run_id)
        if existing is None:
            self.refresh_status(ref.id, as_of)  # later transitions are found by the run's end
        return existing is None

    def _yields_to(self, doc_id: str, other_id: str | None, measure_id: str, run_id: str
                   ) -> bool:
        """Another copy of the measure's own text (other_id), new or changed in this run too,
        comes first by confidence, date and address: its fields stand, whichever page arrived
        last."""
        if not other_id or other_id == doc_id:
            return False
        first = self._one(
            "select d.id from documents d where d.id in (:doc, :other) and "
            + self._STORED_IN_RUN + " and (d.id = :doc or exists (select 1 from "
            "document_measures dm where dm.document = d.id and dm.measure = :measure and "
            "dm.relation = 'issues')) order by " + self._EVIDENCE_ORDER + " limit 1",
            {"doc": doc_id, "other": other_id, "run": run_id, "measure": measure_id})
        return first is not None and first["id"] == other_id

    def drop_document_events(self, doc_id: str) -> None:
        """Forget the events a document stated (its text changed; it states them again)."""
        self.db.execute("update measures set periods_stale = 1 where id in "
                        "(select measure from measure_events where document = ?)", [doc_id])
        self.db.execute("update measures set periods_stale = 1 where id in (select measure from "
                        "measure_events where by_measure in (select measure from measure_events "
                        "where document = ? and kind = ?))", [doc_id, EventKind.REVOKED.value])
        self.db.execute("delete from measure_events where document = ?", [doc_id])

    def add_event(self, measure: str, event: MeasureEvent, doc_id: str, confidence: str,
                  run_id: str) -> None:
        """Record a lifecycle event once (the same event from several documents is one)."""
        self.db.execute(
            "insert or ignore into measure_events (measure, kind, date, until, by_measure, "
            "clause, document, sentence, confidence, run_id) values (?,?,?,?,?,?,?,?,?,?)",
            [measure, event.kind, event.date, event.until, event.by_measure, event.clause,
             doc_id, event.sentence, confidence, run_id],
        )
        self.db.execute("update measures set periods_stale = 1 where id = ?", [measure])
        if event.kind == EventKind.REVOKED and not event.clause:
            self.db.execute("update measures set periods_stale = 1 where id in (select measure "
                            "from measure_events where by_measure = ?)", [measure])

    def events(self, measure_id: str) -> list[dict[str, Any]]:
        """The measure's events by date; of one day's, the preferred document's first (by
        confidence, date and address, as `preferred_event`), so that what is derived from them
        (statuses, their periods and the sentence each cites) does not depend on the order
        pages arrived in. Each has its document's `copy_rank` among the documents stating its
        kind of date (1: the preferred, whose dates count: lifecycle.chosen_copies) and
        `official_copy` (a high-confidence document that issues the text stating it); the
        revocation of a suspending instrument (`by_revoked*`) is its preferred copy's."""
        return list(self._query(
            "select e.*, r.date as by_revoked, r.by_measure as by_revoked_by, "
            "r.document as by_revoked_document, r.sentence as by_revoked_sentence, "
            "dense_rank() over (partition by e.kind, ifnull(e.clause, ''), "
            "ifnull(e.by_measure, '') order by " + self._EVIDENCE_ORDER + ", d.id) "
            "as copy_rank, (d.confidence = 'high' and exists (select 1 from document_measures "
            "dm where dm.document = e.document and dm.measure = ifnull(e.by_measure, e.measure) "
            "and dm.relation = 'issues')) as official_copy "
            "from measure_events e left join documents d on d.id = e.document "
            "left join measure_events r on r.id = (select r2.id from measure_events r2 "
            "left join documents d2 on d2.id = r2.document where "
            "r2.measure = e.by_measure and e.by_measure != e.measure and r2.kind = 'revoked' "
            "and r2.clause is null and r2.date is not null order by "
            + self._EVIDENCE_ORDER.replace("d.", "d2.") + ", r2.date, r2.id limit 1) "
            "where e.measure = ? order by e.date, " + self._EVIDENCE_ORDER + ", e.id",
            [measure_id]))

    def events_stated_by(self, measure_id: str, doc_id: str) -> list[dict[str, Any]]:
        """The events a measure's own text (doc_id) states for the measures it acts on."""
        return list(self._query(
            "select * from measure_events where document = ? and by_measure = ? "
            "and measure != ?", [doc_id, measure_id, measure_id]))

    def has_event(self, measure_id: str, kind: str) -> bool:
        return bool(self.db.execute(
            "select 1 from measure_events where measure = ? and kind = ? limit 1",
            [measure_id, kind]).fetchone())

    def refresh_status(self, measure_id: str, as_of: str) -> tuple[str | None, State]:
        """Recompute the measure's status for as_of: (status before, state after)."""
        measure = self.measure(measure_id)
        before = measure["status"]
        state = status_on(self.events(measure_id), as_of)
        if state.status != before or state.until != measure["suspended_until"]:
            self._update("measures", "id", measure_id, {"status": state.status,
                                                        "suspended_until": state.until})
        return before, state

    def events_in_month(self, kind: str, month: str) -> list[dict[str, Any]]:
        """Events of a kind dated in a month (YYYY-MM)."""
        return list(self._query(
            "select * from measure_events where kind = ? and substr(date, 1, 7) = ? "
            "order by measure", [kind, month]))

    def measures_published_on(self, day: str) -> list[dict[str, Any]]:
        return list(self._query("select * from measures where published = ? order by id",
                                  [day]))

    def measures_with_events(self, kinds: list[str]) -> list[str]:
        marks = ",".join("?" * len(kinds))
        return [r["measure"] for r in self._query(
            f"select distinct measure from measure_events where kind in ({marks}) "
            f"order by measure", kinds)]

    def stale_measures(self) -> list[str]:
        """Measures whose events changed since their status periods were written."""
        return [r["id"] for r in self._query(
            "select id from measures where periods_stale = 1 order by id")]

    def write_status_periods(self, measure_id: str, periods: list[StatusPeriod], *,
                             keep_stale: bool = False) -> None:
        """Replace the measure's rows in measure_status (and clear its stale mark, unless
        keep_stale)."""
        self.db.execute("delete from measure_status where measure = ?", [measure_id])
        for p in periods:
            self._insert("measure_status", {
                "measure": measure_id, "clause": p.clause, "status": p.status, "from": p.first,
                "to": p.last, "by": decided_by(p),
                "term_until": p.event.get("until") if p.status in (
                    Status.SUSPENDED, Status.PARTIALLY_SUSPENDED) else None,
                "document": p.event.get("document"), "sentence": p.event.get("sentence")})
        if not keep_stale:
            self.db.execute("update measures set periods_stale = 0 where id = ?", [measure_id])

    def status_periods(self, measure_id: str) -> list[dict[str, Any]]:
        return list(self._query(
            'select * from measure_status where measure = ? order by clause is not null, "from"',
            [measure_id]))

    def measures_changing_between(self, first: str, last: str) -> list[str]:
        """Measures whose status periods begin or end, or that have an effective or expiry
        date, between first and last (inclusive): those whose status, deadlines or reminders
        may differ between two runs' dates."""
        return [r["measure"] for r in self._query(
            'select measure from measure_status where "from" between :a and :b '
            'or "to" between :a and :b '
            "union select measure from measure_events where kind in ('effective', 'expired') "
            "and date between :a and :b order by measure", {"a": first, "b": last})]

    def measure_ids(self) -> list[str]:
        return [r["id"] for r in self._query("select id from measures order by id")]

    # --- linking (pipelines.linking, at the end of a run) --------------------------------
    def documents_versioned_in(self, run_id: str) -> list[str]:
        """Documents with a version (new or changed text) stored by the run, or by a killed run
        it continues (killed before it linked them)."""
        return [r["document"] for r in self._query(
            "select distinct document from document_versions where run_id in "
            + self._RUN_AND_CONTINUED + " order by document", {"run": run_id})]

    def measures_touched_in(self, run_id: str) -> list[str]:
        """Measures whose events the run (or a killed run it continues) stated, or that a
        document of theirs issues or reports on (their titles or texts may be new)."""
        return [r["measure"] for r in self._query(
            "select measure from measure_events where run_id in " + self._RUN_AND_CONTINUED
            + " union select dm.measure from document_measures dm join document_versions v "
            "on v.document = dm.document where v.run_id in " + self._RUN_AND_CONTINUED
            + " and dm.relation in ('issues', 'reports_on') order by measure", {"run": run_id})]

    def issuing_documents(self, measure_id: str) -> list[dict[str, Any]]:
        """The title and text of the documents that issue the measure."""
        return list(self._query(
            "select d.id, d.title, d.body from document_measures dm join documents d "
            "on d.id = dm.document where dm.measure = ? and dm.relation = 'issues' "
            "order by d.id", [measure_id]))

    def measures_suspended_by(self, measure_id: str) -> list[str]:
        """The measures whose suspension events name measure_id as their instrument."""
        return [r["measure"] for r in self._query(
            "select distinct measure from measure_events where by_measure = ? and kind in "
            "('suspended', 'partially_suspended', 'suspension_continued') order by measure",
            [measure_id])]

    def replace_measure_clues(self, measure_id: str, keys: set[str]) -> None:
        self.db.execute("delete from measure_clues where measure = ?", [measure_id])
        self.db["measure_clues"].insert_all(
            [{"measure": measure_id, "clue": k} for k in sorted(keys)])

    def link_profiles(self, measure_ids: list[str]) -> dict[str, str | None]:
        """The fingerprints of the profiles the measures' links were last decided with."""
        found: dict[str, str | None] = {}
        for chunk in range(0, len(measure_ids), 500):
            part = measure_ids[chunk:chunk + 500]
            found.update((r["id"], r["link_profile"]) for r in self._query(
                f"select id, link_profile from measures where id in "
                f"({','.join('?' * len(part))})", part))
        return found

    def set_link_profile(self, measure_id: str, mark: str, data: str | None = None,
                         english_core: str = "") -> None:
        """Store the fingerprint of a measure's linking profile, the profile itself (JSON, read
        back instead of rebuilt from texts) and its English title's core words."""
        self.db.execute("update measures set link_profile = ?, link_profile_data = ?, "
                        "link_english_core = ? where id = ?",
                        [mark, data, english_core or None, measure_id])

    def measures_without_link_profile(self, version: str | None = None) -> list[str]:
        """Measures whose linking profile was never stored (an archive from before m402), or,
        given the build of the profiles (linking.PROFILE_BUILD), was stored by another build
        (their index keys are an older build's or glossary's)."""
        return [r["id"] for r in self._query(
            "select id from measures where link_profile_data is null or (? is not null and "
            "json_extract(link_profile_data, '$.version') is not ?) order by id",
            [version, version])]

    def stored_link_profiles(self, measure_ids: list[str]) -> dict[str, str]:
        """The stored linking profiles (JSON) of those measures that have one."""
        found: dict[str, str] = {}
        for chunk in range(0, len(measure_ids), 500):
            part = measure_ids[chunk:chunk + 500]
            found.update((r["id"], r["link_profile_data"]) for r in self._query(
                f"select id, link_profile_data from measures where id in "
                f"({','.join('?' * len(part))}) and link_profile_data is not null", part))
        return found

    def measures_with_all_clues(self, keys: list[str], published_by: str, limit: int
                                ) -> list[str]:
        """Up to `limit` measures published by that day (or undated) having every key (read
        from the rarest key's measures, so the cost is bounded by the limit or by the rarest
        key, not by the archive)."""
        if not keys:
            return []
        counts = self.clue_frequency(keys, cap=limit * 10)
        rarest, *others = sorted(keys, key=lambda k: (counts.get(k, 0), k))
        if not counts.get(rarest):
            return []
        having = "".join(" and exists (select 1 from measure_clues o where o.measure = "
                         "c.measure and o.clue = ?)" for _ in others)
        return sorted(r["measure"] for r in self._query(
            "select c.measure from measure_clues c join measures m on m.id = c.measure "
            "where c.clue = ? and (m.published is null or m.published <= ?)" + having
            + " limit ?", [rarest, published_by, *others, limit]))

    def measures_with_english_core_in(self, words: str) -> list[str]:
        """Measures whose English title's core words appear in `words`."""
        return sorted(r["id"] for r in self._query(
            "select id from measures where link_english_core is not null and "
            "instr(?, link_english_core) > 0", [words]))

    def measures_with_clues(self, keys: list[str]) -> list[str]:
        """Measures sharing at least one index key with keys."""
        found: set[str] = set()
        for chunk in range(0, len(keys), 500):
            part = keys[chunk:chunk + 500]
            found.update(r["measure"] for r in self._query(
                f"select distinct measure from measure_clues where clue in "
                f"({','.join('?' * len(part))})", part))
        return sorted(found)

    def clue_frequency(self, keys: list[str], cap: int) -> dict[str, int]:
        """How many measures have each index key, counted up to `cap` (a bounded count: what
        is asked is "one or more?" or "which is rarest?", not the archive's size)."""
        found = {}
        for key in keys:
            n = self._one("select count(*) as n from (select 1 from measure_clues where clue = ? "
                          "limit ?)", [key, cap])
            if n and n["n"]:
                found[key] = n["n"]
        return found

    def replace_document_clues(self, doc_id: str, keys: set[str]) -> None:
        self.db.execute("delete from document_clues where document = ?", [doc_id])
        self.db["document_clues"].insert_all(
            [{"document": doc_id, "clue": k} for k in sorted(keys)])

    def documents_with_clues(self, keys: list[str], since: str | None = None) -> list[str]:
        """Documents sharing at least one index key with keys (published on or after since)."""
        found: set[str] = set()
        for chunk in range(0, len(keys), 500):
            part = keys[chunk:chunk + 500]
            found.update(r["document"] for r in self._query(
                f"select distinct c.document from document_clues c join documents d "
                f"on d.id = c.document where c.clue in ({','.join('?' * len(part))}) "
                f"and (? is null or d.published >= ?)", [*part, since, since]))
        return sorted(found)

    def documents_pending_links(self) -> list[str]:
        """Documents archived before linking had its index (to be linked once, whole)."""
        return [r["document"] for r in self._query(
            "select document from link_pending order by document")]

    def clear_pending_links(self) -> None:
        self.db.execute("delete from link_pending")

    def document_links(self, doc_id: str) -> list[dict[str, Any]]:
        """The measures the document is linked to (`document_measures`): measure, relation,
        confidence, reason; by measure, then relation."""
        return list(self._query(
            "select measure, relation, confidence, reason from document_measures "
            "where document = ? order by measure, relation", [doc_id]))

    def issued_measures(self, doc_id: str) -> list[dict[str, Any]]:
        """The rows of the measures the document is the own text of."""
        return list(self._query(
            "select m.* from measures m join document_measures dm on dm.measure = m.id "
            "where dm.document = ? and dm.relation = 'issues' order by m.id", [doc_id]))

    def official_translations_of(self, doc_id: str) -> list[dict[str, Any]]:
        """The archived official (not machine-made) translations of a Chinese document."""
        return list(self._query(
            "select id, title, language, confidence from documents where translation_of = ? "
            "and language != 'zh' and not ifnull(machine_translated, 0) order by id", [doc_id]))

    def drop_inferred_link(self, doc_id: str, measure_id: str) -> None:
        """Forget an inferred link (and review candidate) a link by number now stands for."""
        self.db.execute("delete from document_measures where document = ? and measure = ? and "
                        "reason like 'inferred:%'", [doc_id, measure_id])
        self.db.execute("delete from link_candidates where document = ? and measure = ?",
                        [doc_id, measure_id])

    def issues_a_measure(self, doc_id: str) -> bool:
        return self._one("select 1 from document_measures where document = ? and relation = "
                         "'issues' limit 1", [doc_id]) is not None

    def drop_issues_no_longer_stated(self, doc_id: str, issued: set[str]) -> list[str]:
        """The measures the document was the own text of and no longer is (a new version
        corrected its number: 第62号 now reads 第6号): its `issues` links to them are dropped;
        such a measure that nothing else names, states an event of, lists or controls is
        removed (it was that number misread by the page, not a measure), any other is read
        again. Returns the measures no longer issued."""
        gone = [r["measure"] for r in self._query(
            "select measure from document_measures where document = ? and relation = 'issues' "
            "order by measure", [doc_id]) if r["measure"] not in issued]
        for measure in gone:
            self.db.execute("delete from document_measures where document = ? and measure = ? "
                            "and relation = 'issues'", [doc_id, measure])
            if self._one(_STILL_NAMED, {"m": measure}) is None:
                for table in ("measure_status", "measure_clues", "link_candidates"):
                    if self.has_table(table):
                        self.db.execute(f"delete from [{table}] where measure = ?", [measure])
                self.db.execute("delete from measures where id = ?", [measure])
            else:
                self.db.execute("update measures set periods_stale = 1 where id = ?", [measure])
        return gone

    def issued_with_events(self, doc_id: str) -> list[str]:
        """The measures the document is the text of (`issues`) whose events it states."""
        return [r["measure"] for r in self._query(
            "select distinct dm.measure from document_measures dm join measure_events e "
            "on e.document = dm.document and e.measure = dm.measure "
            "where dm.document = ? and dm.relation = 'issues' order by dm.measure", [doc_id])]

    def cited_measures(self, doc_id: str) -> set[str]:
        """Measures the document is linked to by number (not by inference)."""
        return {r["measure"] for r in self._query(
            "select measure from document_measures where document = ? and "
            "reason not like 'inferred:%'", [doc_id])}

    def replace_inferred_links(self, doc_id: str, links: dict[str, str],
                               candidates: dict[str, tuple[float, str]], run_id: str,
                               confidences: dict[str, str] | None = None) -> None:
        """The document's inferred links and review candidates, replacing earlier ones (and
        the statement events it gave the measures it was linked to). A link's confidence is
        `low` unless `confidences` gives another (a link the analyst confirmed)."""
        self.db.execute("delete from document_measures where document = ? and "
                        "reason like 'inferred:%'", [doc_id])
        self.db.execute("delete from link_candidates where document = ?", [doc_id])
        self.db.execute("update measures set periods_stale = 1 where id in (select measure "
                        "from measure_events where document = ? and kind = ?)",
                        [doc_id, EXTENSION_ANNOUNCED])
        self.db.execute("delete from measure_events where document = ? and kind = ?",
                        [doc_id, EXTENSION_ANNOUNCED])
        self.db["document_measures"].insert_all([{
            "document": doc_id, "measure": m, "relation": Relation.MENTIONS.value,
            "confidence": (confidences or {}).get(m, Confidence.LOW.value), "reason": reason,
        } for m, reason in sorted(links.items())], pk=("document", "measure", "relation"),
            replace=True)
        self.db["link_candidates"].insert_all([{
            "document": doc_id, "measure": m, "score": score, "reason": reason,
            "run_id": run_id,
        } for m, (score, reason) in sorted(candidates.items())])

    def link_candidates(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        where, params = ("where document = ?", [doc_id]) if doc_id else ("", [])
        return list(self._query(
            f"select * from link_candidates {where} order by document, measure", params))

    # --- the analyst's verdicts on links (regwatch links) ---------------------------------

    def links_to_review(self, run_id: str | None = None, measure: str | None = None
                        ) -> list[dict[str, Any]]:
        """The review candidates without a verdict (`link_review`), newest document first: all
        of them, those `run_id` found (a document it linked, or linked again), or the documents
        that may be about `measure` (each with all its candidates)."""
        conditions, params = [], []
        if run_id is not None:
            conditions.append("run_id = ?")
            params.append(run_id)
        if measure is not None:
            conditions.append("document in (select document from link_review where measure = ?)")
            params.append(measure)
        where = f"where {' and '.join(conditions)} " if conditions else ""
        return list(self._query(
            "select document, published, source, title, url, measure, measure_title, score, "
            f"reason, run_id from link_review {where}"
            "order by published desc, document, score desc, measure", params))

    def link_verdicts(self, doc_id: str) -> dict[str, dict[str, Any]]:
        """The analyst's verdicts on the document's links and candidates, by measure."""
        return {r["measure"]: r for r in self._query(
            "select * from link_verdicts where document = ? order by measure", [doc_id])}

    def links_between(self, doc_id: str, measure: str) -> list[dict[str, Any]]:
        """The document's links to the measure (`document_measures`: by number or inferred)."""
        return list(self._query("select relation, confidence, reason from document_measures "
                                "where document = ? and measure = ? order by relation",
                                [doc_id, measure]))

    def decide_link(self, doc_id: str, measure: str, verdict: str, decided: str,
                    note: str | None = None) -> dict[str, Any]:
        """Record the analyst's verdict (LinkVerdict) on a document and a measure of the
        archive: a review candidate or a link without a number, a pair already decided (to
        change its verdict), or, to confirm, any pair the rule missed (a link the analyst adds).
        ValueError, one line, otherwise: a link by number or a measure's own text is not the
        rule's to confirm or reject, nor is a document linking never reads (a measure's text,
        an undated page). The caller relinks the document."""
        verdict = LinkVerdict(verdict).value
        doc = self.document(doc_id)
        if doc is None:
            raise ValueError(f"no document {doc_id} in the archive")
        if self.measure(measure) is None:
            raise ValueError(f"no measure {measure} in the archive")
        rows = self.links_between(doc_id, measure)
        reject = verdict == LinkVerdict.REJECT
        if any(r["relation"] == Relation.ISSUES for r in rows):
            raise ValueError(f"document {doc_id} issues {measure} (its own text): " + (
                "a measure's own text cannot be rejected" if reject
                else "linked already, nothing to confirm"))
        if any(not (r["reason"] or "").startswith("inferred:") for r in rows):
            raise ValueError(f"document {doc_id} cites {measure} by its number: " + (
                "a link by number cannot be rejected" if reject
                else "linked already, nothing to confirm"))
        known = rows or self.link_verdicts(doc_id).get(measure) or self._one(
            "select 1 from link_candidates where document = ? and measure = ?",
            [doc_id, measure])
        if not known and reject:
            raise ValueError(f"{measure} is neither a link nor a review candidate of document "
                             f"{doc_id}: nothing to reject (see `regwatch links review`)")
        if not known and (self.issues_a_measure(doc_id) or not doc["published"]):
            raise ValueError(f"document {doc_id} is " + (
                "a measure's own text: its links come from the numbers it cites"
                if doc["published"] else "undated: no link is inferred for it"))
        row = {"document": doc_id, "measure": measure, "verdict": verdict, "note": note,
               "decided": decided}
        with self.transaction():
            self._upsert("link_verdicts", row, ("document", "measure"))
        return row

    def withdraw_link_verdict(self, doc_id: str, measure: str) -> dict[str, Any]:
        """The analyst's verdict on the pair withdrawn (the rule decides again when the caller
        relinks the document); the verdict it was. ValueError when there is none."""
        row = self.link_verdicts(doc_id).get(measure)
        if row is None:
            raise ValueError(f"no verdict on document {doc_id} and {measure}")
        with self.transaction():
            self.db.execute("delete from link_verdicts where document = ? and measure = ?",
                            [doc_id, measure])
        return row

    def change_of_document(self, run_id: str, kind: str, doc_id: str) -> dict[str, Any] | None:
        row = self._one("select * from changes where run_id = ? and kind = ? and document = ?",
                        [run_id, kind, doc_id])
        if row:
            row["diff"] = json.loads(row["diff"]) if row["diff"] else {}
        return row

    # --- changes ---------------------------------------------------------------------------
    def add_change(self, run_id: str, change: ChangeRecord) -> None:
        self._insert("changes", {**_change_row(change), "run_id": run_id})

    def replace_change(self, change_id: int, change: ChangeRecord) -> None:
        """A change of the run written again (its evidence is another page)."""
        self.db["changes"].update(change_id, _change_row(change))

    def changes(self, run_id: str) -> list[dict[str, Any]]:
        rows = list(self._query("select * from changes where run_id = ? order by id", [run_id]))
        for row in rows:
            row["diff"] = json.loads(row["diff"]) if row["diff"] else {}
        return rows

    def earlier_changes(self, kind: str, measure: str, run_id: str) -> list[dict[str, Any]]:
        """Changes of a kind already reported for a measure in runs before run_id."""
        rows = list(self._query(
            "select * from changes where kind = ? and measure = ? and run_id != ? order by id",
            [kind, measure, run_id]))
        for row in rows:
            row["diff"] = json.loads(row["diff"]) if row["diff"] else {}
        return rows

    def first_seen_in(self, measure_id: str | None, run_id: str) -> bool:
        """The measure was first stored by this run."""
        row = self._one("select first_run_id from measures where id = ?", [measure_id])
        return row is not None and row["first_run_id"] == run_id

    def change_in_run(self, run_id: str, kind: str, measure: str) -> dict[str, Any] | None:
        return self._one("select * from changes where run_id = ? and kind = ? and measure = ?",
                         [run_id, kind, measure])

    # the most confident first; of official copies, the issuer's own site (MOFCOM's main site,
    # Customs') before the portals and relays; then the earliest published, then by address
    _EVIDENCE_ORDER = ("case d.confidence when 'high' then 0 when 'medium' then 1 else 2 end, "
                       "case when d.source in ('mofcom', 'customs') then 0 else 1 end, "
                       "d.published, d.url")
    # the run :run and the killed runs it continues (a killed run's continuer may itself have
    # been killed: the whole chain); a document (d) new or changed in them
    _RUN_AND_CONTINUED = ("(with recursive chain(id) as (select :run union select r.id from runs r "
                          "join chain c on r.continued_by = c.id) select id from chain)")
    _STORED_IN_RUN = ("exists (select 1 from document_versions v where v.document = d.id and "
                      "v.run_id in " + _RUN_AND_CONTINUED + ")")

    def run_chain(self, run_id: str) -> set[str]:
        """The run and the killed runs it continues (their findings are this run's)."""
        return {r["id"] for r in self._query(
            "select id from " + self._RUN_AND_CONTINUED, {"run": run_id})}

    def preferred_event(self, event: dict[str, Any]) -> dict[str, Any] | None:
        """Of the events stating the same fact (measure, kind, dates, clause, instrument) from
        different documents, the one whose document comes first by confidence, date and
        address: the evidence cited does not depend on the order pages arrived in."""
        return self._one(
            "select e.* from measure_events e join documents d on d.id = e.document "
            "where e.measure = ? and e.kind = ? and e.date is ? and e.until is ? and "
            "e.by_measure is ? and e.clause is ? order by " + self._EVIDENCE_ORDER + " limit 1",
            [event.get("measure"), event.get("kind"), event.get("date"), event.get("until"),
             event.get("by_measure"), event.get("clause")])

    def preferred_document(self, measure_id: str, run_id: str, *, issuing: bool = True
                           ) -> dict[str, Any] | None:
        """Of the documents the run (or a killed run it continues) stored that issue the
        measure (or, issuing False, that name it in any way), the first by confidence, date and
        address."""
        relation = "and dm.relation = 'issues' " if issuing else ""
        return self._one(
            "select d.* from document_measures dm join documents d on d.id = dm.document "
            "where dm.measure = :measure " + relation + "and " + self._STORED_IN_RUN
            + " order by " + self._EVIDENCE_ORDER + " limit 1",
            {"measure": measure_id, "run": run_id})

    def new_measures_by_source(self, run_id: str) -> dict[str, int]:
        """How many measures the run (or a killed run it continues) stored first, per source of
        each one's preferred page of the run (`preferred_document`: an issuing page, else a
        citing one)."""
        return {r["source"]: r["n"] for r in self._query(
            "select source, count(*) as n from (select (select d.source from document_measures "
            "dm join documents d on d.id = dm.document where dm.measure = m.id and "
            + self._STORED_IN_RUN + " order by dm.relation = 'issues' desc, "
            + self._EVIDENCE_ORDER + " limit 1) as source from measures m where "
            "m.first_run_id in " + self._RUN_AND_CONTINUED + ") group by source",
            {"run": run_id})}

    def new_documents_by_source(self, run_id: str) -> dict[str, int]:
        """How many documents the run (or a killed run it continues) stored first, per source."""
        return {r["source"]: r["n"] for r in self._query(
            "select source, count(*) as n from documents where first_run_id in "
            + self._RUN_AND_CONTINUED + " group by source", {"run": run_id})}

    def changes_in_run(self, run_id: str, kind: str) -> list[dict[str, Any]]:
        return list(self._query("select * from changes where run_id = ? and kind = ? "
                                  "order by id", [run_id, kind]))

    def drop_change(self, change_id: int) -> None:
        """A change of the run found to be none (a backfill's history)."""
        self.db.execute("delete from changes where id = ?", [change_id])

    def update_change(self, change_id: int, fields: dict[str, Any]) -> None:
        if isinstance(fields.get("diff"), dict):
            fields = {**fields, "diff": _json(fields["diff"])}
        self.db["changes"].update(change_id, fields)

    def count(self, table: str) -> int:
        return self.db[table].count

    # --- backfill: list walks, coverage, number gaps (pipelines/backfill.py) ----------------
    def list_walks(self, source: str) -> list[dict[str, Any]]:
        """The walks of a source's lists (`list_walks`)."""
        return list(self._query("select * from list_walks where source = ? order by list",
                                  [source]))

    def known_urls(self, urls: list[str]) -> set[str]:
        """Those of urls the archive knows: a document's page, or a page fetched and left out
        (news the relevance rule did not keep)."""
        known = set()
        for url in urls:
            if self.document_by_url(url) is not None or self.fetch_state(url) is not None:
                known.add(url)
        return known

    def list_catch_ups(self, source: str) -> dict[str, dict[str, Any]]:
        """The source's lists whose catching up continues (`list_catch_ups`), by list."""
        return {r["list"]: r for r in self._query(
            "select * from list_catch_ups where source = ?", [source])}

    def save_list_catch_up(self, source: str, key: str, row: dict[str, Any] | None) -> None:
        """Write where a list's catching up continues next night (None: it is over)."""
        with self.transaction():
            if row is None:
                self.db.execute("delete from list_catch_ups where source = ? and list = ?",
                                [source, key])
            else:
                self._upsert("list_catch_ups", {"source": source, "list": key, **row},
                             ("source", "list"))

    def all_list_walks(self) -> list[dict[str, Any]]:
        return list(self._query("select * from list_walks order by source, list"))

    def save_list_walk(self, walk: dict[str, Any]) -> None:
        """Write where a list's walk stands (after every page it reads)."""
        with self.transaction():
            self._upsert("list_walks", walk, ("source", "list"))

    def cited_only_numbers(self, series: str, year: int) -> list[int]:
        """The numbers of a series and year's measures known only as cited by other texts: no
        page of theirs issues or reports on them (their own text is not held)."""
        return [r["number"] for r in self._query(
            "select number from measures m where series = ? and year = ? and number is not null "
            "and not exists (select 1 from document_measures d where d.measure = m.id and "
            "d.relation in ('issues', 'reports_on')) order by number", [series, year])]

    def cited_only_years(self) -> list[tuple[str, int]]:
        """The series and years of the measures known only as cited by other texts (no page of
        theirs issues or reports on them), as `archive_facts` counts them."""
        return [(r["series"], r["year"]) for r in self._query(
            "select distinct series, year from measures m where series is not null and year is "
            "not null and not exists (select 1 from document_measures d where d.measure = m.id "
            "and d.relation in ('issues', 'reports_on')) order by series, year")]

    def measure_numbers(self, series: str, year: int) -> list[int]:
        """The numbers of the archived measures of a series and year."""
        return [r["number"] for r in self._query(
            "select number from measures where series = ? and year = ? and number is not null "
            "order by number", [series, year])]

    def measure_number_days(self, series: str, year: int) -> dict[int, str | None]:
        """The numbers of the archived measures of a series and year, each with the day it is
        known to have been out: its publication; for one known only as cited, without a date
        of its own, the earliest publication of a document naming it, else the day the archive
        first saw it."""
        return {r["number"]: r["day"] for r in self._query(
            "select number, substr(coalesce(published, (select min(d.published) from "
            "document_measures dm join documents d on d.id = dm.document where dm.measure = "
            "m.id), first_seen), 1, 10) as day from measures m where series = ? and year = ? "
            "and number is not null order by number", [series, year])}

    def source_coverage(self, sources: list[str] | None = None) -> list[dict[str, Any]]:
        """Per source (all, or those named): documents, the dates of its documents, its walks'
        pages and state. Dates by index; the count is the one full pass (see new_documents)."""
        walks: dict[str, list[dict[str, Any]]] = {}
        for walk in self.all_list_walks():
            walks.setdefault(walk["source"], []).append(walk)
        names = sources if sources is not None else sorted(set(walks) | {
            r["source"] for r in self._query("select distinct source from documents")})
        rows = []
        for source in names:
            dates = self._one(
                "select (select min(published) from documents where source = :s) as earliest, "
                "(select max(published) from documents where source = :s) as latest",
                {"s": source}) or {}
            documents = self._one("select count(*) as n from documents where source = ?",
                                  [source]) if sources is None else None
            rows.append({"source": source, **dates,
                         "documents": documents["n"] if documents else None,
                         "measures": None, **_walks_state(walks.get(source, []))})
        return rows

    def new_documents(self, since_run: str | None) -> dict[str, int]:
        """Per source, the documents first stored by runs after since_run (all runs: None)."""
        after = ("where first_run_id in (select id from runs where rowid > "
                 "(select rowid from runs where id = ?))") if since_run else ""
        return {r["source"]: r["n"] for r in self._query(
            f"select source, count(*) as n from documents {after} group by source",
            [since_run] if since_run else [])}

    def series_coverage(self, years: list[tuple[str, int]] | None = None
                        ) -> list[dict[str, Any]]:
        """Per series and year (all, or those named): measures, their dates, the highest
        number."""
        sql = ("select series, year, count(*) as measures, min(published) as earliest, "
               "max(published) as latest, max(number) as highest from measures "
               "where series = ? and year = ? group by series, year")
        if years is None:
            return list(self._query(
                "select series, year, count(*) as measures, min(published) as earliest, "
                "max(published) as latest, max(number) as highest from measures "
                "where series is not null and year is not null group by series, year "
                "order by series, year"))
        return [row for key in years for row in self._query(sql, list(key))]

    def new_measures(self, since_run: str) -> dict[tuple[str, int], tuple[int, int]]:
        """Per series and year, (how many, the highest number) of the measures first stored by
        runs after since_run."""
        return {(r["series"], r["year"]): (r["n"], r["highest"]) for r in self._query(
            "select series, year, count(*) as n, max(number) as highest from measures "
            "where first_run_id in (select id from runs where rowid > "
            "(select rowid from runs where id = ?)) and series is not null "
            "and year is not null group by series, year", [since_run])}

    def series_dates(self, series: str, year: int) -> dict[str, Any]:
        """The earliest and latest publication of a series' year (by index)."""
        return self._one(
            "select (select min(published) from measures where series = :s and year = :y) "
            "as earliest, (select max(published) from measures where series = :s "
            "and year = :y) as latest", {"s": series, "y": year}) or {}

    def series_years_seen(self, as_of: str) -> list[tuple[str, int]]:
        """The series and years of the measures a run on as_of stored or saw."""
        return [(r["series"], r["year"]) for r in self._query(
            "select distinct series, year from measures where last_seen = ? "
            "and series is not null and year is not null", [as_of])]

    def write_coverage(self, rows: list[dict[str, Any]], gaps: list[dict[str, Any]],
                       as_of: str, series_years: list[tuple[str, int]] | None = None) -> None:
        """Write coverage rows (replacing those with the same scope, name and year) and the
        number gaps of the series and years given (all: None); a gap keeps the date it was
        first noticed."""
        with self.transaction():
            if series_years is None:
                self.db.execute("delete from coverage")
            for row in rows:
                self.db.execute("delete from coverage where scope = ? and name = ? "
                                "and ifnull(year, 0) = ifnull(?, 0)",
                                [row["scope"], row["name"], row["year"]])
                self._insert("coverage", row)
            keys = series_years if series_years is not None else None
            noticed = {r["measure"]: r["noticed_on"] for r in self._query(
                "select measure, noticed_on from number_gaps")}
            if keys is None:
                self.db.execute("delete from number_gaps")
            else:
                for series, year in keys:
                    self.db.execute("delete from number_gaps where series = ? and year = ?",
                                    [series, year])
            for gap in gaps:
                self._insert("number_gaps", {**gap,
                                             "noticed_on": noticed.get(gap["measure"], as_of)})

    def coverage_run(self) -> str | None:
        """The run that last wrote the coverage (None: never written)."""
        row = self._one("select run_id from coverage where run_id is not null "
                        "order by id desc limit 1")
        return row["run_id"] if row else None

    def coverage(self) -> list[dict[str, Any]]:
        return list(self._query("select * from coverage order by scope desc, name, year"))

    def to_check(self) -> dict[str, int]:
        """What waits for the analyst: news left out on a close call without a verdict,
        documents with links to review, numbers that may be missing."""
        return {
            "close_calls": self._one(
                f"select count(*) as n from fetch_state f where {CLOSE_CALL} and not exists "
                "(select 1 from relevance_verdicts v where v.url = f.url)")["n"],
            "links_to_review": self._one(
                "select count(distinct document) as n from link_review")["n"],
            "number_gaps": self._one("select count(*) as n from number_gaps")["n"],
        }

    def number_gaps(self) -> list[dict[str, Any]]:
        return list(self._query("select * from number_gaps order by series, year, number"))

    def archive_facts(self, as_of: str) -> dict[str, Any]:
        """Measures whose own text the archive holds (a page issues or reports on them) and
        their first and last publication; those known only as cited by other texts (`cited`);
        every measure's status on as_of (from the status periods, as the canned queries): in
        force, suspended (`partly`: of them, partially suspended)."""
        facts = self._one(
            "with held as (select * from measures m where exists (select 1 from "
            "document_measures d where d.measure = m.id and d.relation in ('issues', "
            "'reports_on'))) select (select count(*) from held) as measures, "
            "(select count(*) from measures) - (select count(*) from held) as cited, "
            "(select min(published) from held) as first, "
            "(select max(published) from held) as last") or {}
        statuses = {r["status"]: r["n"] for r in self._query(
            'select status, count(*) as n from measure_status where clause is null '
            'and "from" <= :d and ("to" is null or "to" >= :d) group by status', {"d": as_of})}
        return {**facts, "in_force": statuses.get("in_force", 0),
                "suspended": statuses.get("suspended", 0)
                + statuses.get("partially_suspended", 0),
                "partly": statuses.get("partially_suspended", 0)}

    # --- outbox ----------------------------------------------------------------------------
    def start_streams(self, streams: list[tuple[str, str]]) -> int:
        """Start the digest stream of each recipient (channel, stream key) seen for the first
        time, after every run queued for anyone so far (`outbox_runs`): a recipient new to the
        configuration gets the runs completed from then on. Returns how many were started."""
        started = now_utc()
        with self.transaction():
            known = {(r["channel"], r["recipient"]) for r in self._query(
                "select channel, recipient from outbox_streams")}
            new = list(dict.fromkeys(s for s in streams if s not in known))
            for channel, recipient in new:
                self.db["outbox_streams"].insert(
                    {"channel": channel, "recipient": recipient, "started_at": started})
                self.db.execute("insert into outbox_stream_runs (channel, recipient, run_id) "
                                "select ?, ?, run_id from outbox_runs", [channel, recipient])
        return len(new)

    def unqueued_runs(self, stream: tuple[str, str]) -> list[dict[str, Any]]:
        """Completed runs whose changes have not been queued for the recipient's digest stream
        (channel, stream key), oldest first."""
        return list(self._query(
            "select * from runs where status = ? and id not in (select run_id from "
            "outbox_stream_runs where channel = ? and recipient = ?) order by rowid",
            [RunStatus.COMPLETED.value, *stream]))

    def queue_mails(self, run_ids: list[str], streams: list[tuple[str, str]],
                    mails: list[dict[str, Any]], config: str = "") -> int:
        """Store the digests of runs for these recipients' streams and mark the runs queued for
        each of them, in one transaction; returns the number of mails stored. Each mail names its
        stream (`stream`); `config` (the configuration file that queued them) is kept on each
        row. A stream one of the runs was queued for meanwhile is skipped, its mail not stored
        (no mail twice); the others are queued."""
        created = now_utc()
        with self.transaction():
            done = self._streams_queued(run_ids, streams)
            stored = [m for m in mails if m["stream"] not in done]
            for mail in stored:
                self.db["outbox"].insert({
                    "recipient": mail["recipient"], "run_ids": _json(mail.get("run_ids", run_ids)),
                    "channel": mail.get("channel", "mail"),
                    "change_ids": _json(mail["change_ids"]), "subject": mail["subject"],
                    "text": mail["text"], "html": mail["html"], "created_at": created,
                    "sent_at": None, "attempts": 0, "last_error": None, "config": config,
                })
            fresh = [s for s in dict.fromkeys(streams) if s not in done]
            self.db["outbox_stream_runs"].insert_all(
                {"channel": channel, "recipient": recipient, "run_id": run_id,
                 "queued_at": created} for channel, recipient in fresh for run_id in run_ids)
            self.db["outbox_runs"].insert_all(({"run_id": run_id, "queued_at": created}
                                               for run_id in run_ids), ignore=True)
        return len(stored)

    def _streams_queued(self, run_ids: list[str], streams: list[tuple[str, str]]
                        ) -> set[tuple[str, str]]:
        """The streams for which one of the runs is already queued."""
        if not run_ids:
            return set()
        marks = ",".join("?" * len(run_ids))
        queued = {(r["channel"], r["recipient"]) for r in self._query(
            f"select distinct channel, recipient from outbox_stream_runs where run_id in ({marks})",
            run_ids)}
        return {s for s in streams if s in queued}

    def runs_by_ids(self, run_ids: list[str]) -> list[dict[str, Any]]:
        """The runs with these ids, oldest first."""
        if not run_ids:
            return []
        return list(self._query(f"select * from runs where id in ({','.join('?' * len(run_ids))})"
                                " order by rowid", run_ids))

    def replace_mails(self, mail_ids: list[int], mail: dict[str, Any]) -> bool:
        """Replace unsent outbox rows never handed to a server by one mail (a backlog's summary),
        in one transaction, keeping their attempts and last error; False, and nothing changed,
        when one of them was sent or handed over meanwhile."""
        marks = ",".join("?" * len(mail_ids))
        with self.transaction():
            rows = list(self._query(f"select * from outbox where id in ({marks}) and sent_at is "
                                    "null and sending_at is null and dropped_at is null "
                                    "order by id", mail_ids))
            if len(rows) != len(mail_ids):
                return False
            self.db.execute(f"delete from outbox where id in ({marks})", mail_ids)
            self.db["outbox"].insert({
                "recipient": mail["recipient"], "run_ids": _json(mail["run_ids"]),
                "channel": mail.get("channel", "mail"), "change_ids": _json(mail["change_ids"]),
                "subject": mail["subject"], "text": mail["text"], "html": mail["html"],
                "created_at": now_utc(), "sent_at": None, "config": mail.get("config", ""),
                "attempts": max(r["attempts"] or 0 for r in rows),
                "last_error": rows[-1]["last_error"],
            })
        return True

    def pending_mails(self, channel: str | None = None) -> list[dict[str, Any]]:
        """Outbox rows not yet sent nor dropped, oldest first (with those whose sending was not
        confirmed); only one channel's (`mail`, `apprise`) when given."""
        if channel is None:
            return list(self._query("select * from outbox where sent_at is null and dropped_at "
                                    "is null order by id"))
        return list(self._query("select * from outbox where sent_at is null and dropped_at is "
                                "null and channel = ? order by id", [channel]))

    def outbox(self) -> list[dict[str, Any]]:
        return list(self._query("select * from outbox order by id"))

    def set_message_id(self, mail_id: int, message_id: str) -> None:
        """Fix a queued mail's Message-ID (kept on every retry)."""
        with self.transaction():
            self.db.execute("update outbox set message_id = ? where id = ? and message_id is null",
                            [message_id, mail_id])

    def mark_mail_sending(self, mail_id: int) -> str:
        """Recorded before the message goes to the server: if the process dies after the server
        took it, the next run knows it may have been delivered and sends it again, same ID.
        Returns the time recorded."""
        stamp = now_utc()
        with self.transaction():
            self.db.execute("update outbox set sending_at = ?, attempts = attempts + 1 "
                            "where id = ?", [stamp, mail_id])
        return stamp

    def mark_mail_sent(self, mail_id: int) -> None:
        with self.transaction():
            self.db.execute("update outbox set sent_at = ?, sending_at = null, last_error = null "
                            "where id = ?", [now_utc(), mail_id])

    def drop_mails(self, mail_ids: list[int], reason: str) -> int:
        """Unsent rows that will never be sent (their recipient left the configuration): marked
        dropped, with the time and the reason, and kept; returns how many were dropped."""
        if not mail_ids:
            return 0
        marks = ",".join("?" * len(mail_ids))
        with self.transaction():
            cursor = self.db.execute(
                f"update outbox set dropped_at = ?, dropped_reason = ? where id in ({marks}) "
                "and sent_at is null and dropped_at is null", [now_utc(), reason, *mail_ids])
        return cursor.rowcount

    def mark_mail_failed(self, mail_id: int, error: str, *, tried: bool = False,
                         unconfirmed_since: str | None = None) -> None:
        """A mail not sent this time: the error kept, the attempt counted (`tried`: already
        counted by mark_mail_sending). `sending_at` becomes `unconfirmed_since`: when a delivery
        that may have reached the server was handed over (this attempt's, when the server's
        reply was lost, or an earlier one's), so the next send says it is sent again; None when
        no copy can have reached it."""
        with self.transaction():
            self.db.execute("update outbox set attempts = attempts + ?, sending_at = ?, "
                            "last_error = ? where id = ?",
                            [0 if tried else 1, unconfirmed_since, error, mail_id])

    # --- entities and designations (pipelines.designations) --------------------------------
    def entity(self, entity_id: str) -> dict[str, Any] | None:
        return self._one("select * from entities where id = ?", [entity_id])

    def entity_by_key(self, key_zh: str | None, key_en: str | None) -> dict[str, Any] | None:
        """The entity whose Chinese name has key_zh, else one whose English name has key_en
        (and whose Chinese name, if any, is not a different one)."""
        if key_zh:
            row = self._one("select * from entities where key_zh = ?", [key_zh])
            if row:
                return row
        if key_en:
            return self._one("select * from entities where key_en = ? and "
                             "(key_zh is null or ? is null) order by first_seen, id limit 1",
                             [key_en, key_zh])
        return None

    def save_entity(self, row: dict[str, Any]) -> None:
        """Insert or update an entity (aliases as a JSON list)."""
        record = dict(row)
        record["aliases"] = _json(record.get("aliases") or [])
        self.db["entities"].upsert(record, pk="id")

    def entities_named(self) -> list[dict[str, Any]]:
        """Every entity's names (id, name_zh, name_en, aliases as a list), for screening."""
        rows = list(self._query(
            "select id, name_zh, name_en, aliases, country, address from entities order by id"))
        for row in rows:
            row["aliases"] = json.loads(row["aliases"] or "[]")
        return rows

    def designation(self, designation_id: str) -> dict[str, Any] | None:
        return self._one("select * from designations where id = ?", [designation_id])

    def add_designation(self, row: dict[str, Any]) -> str:
        """Insert a designation: "new". One that exists has its last_seen moved, and on the
        night it was first seen takes the row's evidence (document, sentence, names...) when
        the row's document comes first by confidence, date and address: "preferred", else
        "kept" (an entity's address it did not know, stored before addresses were, is filled
        in). Which of two pages stating one listing is cited does not depend on the order
        they arrived in."""
        known = self.designation(row["id"])
        if known is None:
            self.db["designations"].insert(row)
            return "new"
        self.db.execute("update designations set last_seen = ?, "
                        "address = coalesce(address, ?) where id = ?",
                        [row["last_seen"], row.get("address"), row["id"]])
        if (known["first_seen"] != row["first_seen"] or known["document"] == row["document"]
                or self.first_document(row["document"], known["document"]) != row["document"]):
            return "kept"
        self.update_designation(row["id"], {k: row[k] for k in DESIGNATION_EVIDENCE})
        return "preferred"

    def first_document(self, *doc_ids: str) -> str | None:
        """Of the documents, the one that comes first by confidence, date and address."""
        row = self._one(f"select d.id from documents d where d.id in "
                        f"({', '.join('?' * len(doc_ids))}) order by " + self._EVIDENCE_ORDER
                        + " limit 1", list(doc_ids))
        return row["id"] if row else None

    def add_designation_event(self, row: dict[str, Any]) -> None:
        """Record an event aimed at named entities or at a list's entities of one day, once;
        the designations it may concern have their periods rewritten at the run's end."""
        columns = ", ".join(row)
        cursor = self.db.execute(f"insert or ignore into designation_events ({columns}) values "
                                 f"({', '.join('?' * len(row))})", list(row.values()))
        if not cursor.rowcount:
            return
        self.db.execute(
            "update designations set periods_stale = 1 where list = :list and "
            "(entity = :entity or (:entity is null and (measure = :measure or listed = "
            ":listed_on)))", {"list": row["list"], "entity": row.get("entity"),
                              "measure": row.get("measure"), "listed_on": row.get("listed_on")})

    def drop_document_designation_events(self, doc_id: str) -> None:
        """Forget the designation events a document stated (its text changed)."""
        self.db.execute(
            "update designations set periods_stale = 1 where entity in (select entity from "
            "designation_events where document = ?) or list in (select list from "
            "designation_events where document = ? and entity is null)", [doc_id, doc_id])
        self.db.execute("delete from designation_events where document = ?", [doc_id])

    def designations_of_entity(self, entity_id: str) -> list[dict[str, Any]]:
        return list(self._query("select * from designations where entity = ? order by id",
                                  [entity_id]))

    def designations_of_document(self, doc_id: str) -> list[dict[str, Any]]:
        return list(self._query("select * from designations where document = ? order by id",
                                  [doc_id]))

    def listing_measures(self) -> set[str]:
        """The measures that list entities (those with designations)."""
        return {r["measure"] for r in self._query(
            "select distinct measure from designations where measure is not null")}

    def designation_lifecycle_events(self, designation: dict[str, Any]) -> list[dict[str, Any]]:
        """A designation's events: its listing measure's, those aimed at its entity through
        that measure or at the entities its list took that day, and those aimed at its entity
        on its list in general that reach it (pipelines.lifecycle.designation_events: taking
        effect once it was announced, before it was removed; a re-listing is not removed by
        the removal of the listing before it)."""
        events = self.events(designation["measure"]) if designation["measure"] else []
        params = {"list": designation["list"], "entity": designation["entity"],
                  "measure": designation["measure"], "listed": designation["listed"]}
        own = list(self._query(
            "select *, null as clause from designation_events where list = :list and ("
            "(entity = :entity and measure = :measure) or "
            "(entity is null and measure = :measure) or "
            "(entity is null and measure is null and listed_on = :listed)) order by date, id",
            params))
        list_wide = list(self._query(
            "select e.*, null as clause, d.published as published from designation_events e "
            "left join documents d on d.id = e.document where e.list = :list and "
            "e.entity = :entity and e.measure is null order by e.date, e.id", params))
        return designation_events(self.designation_announced(designation), events + own,
                                  list_wide)

    def designation_announced(self, designation: dict[str, Any]) -> str | None:
        """The day a designation was known from: the earlier of its listing's date and the
        publication of the page it cites (None for a designation of the list alone)."""
        if not designation["listed"]:
            return None
        row = self._one("select published from documents where id = ?",
                        [designation["document"]])
        published = (row or {}).get("published") or designation["listed"]
        return min(designation["listed"], published[:10])

    def designations_to_review(self, first: str, last: str,
                               stale_measures: Iterable[str]) -> list[dict[str, Any]]:
        """Designations whose status may differ between two runs' dates: stale ones, those of
        measures whose events changed, those whose periods begin or end between first and last."""
        measures = sorted(set(stale_measures))
        marks = ",".join("?" * len(measures)) or "''"
        return list(self._query(
            f"select * from designations where periods_stale = 1 or measure in ({marks}) or id in "
            f'(select designation from designation_status where "from" between ? and ? or '
            f'"to" between ? and ?) order by list, measure, number, entity, id',
            [*measures, first, last, first, last]))

    def stale_designations(self) -> list[dict[str, Any]]:
        """The designations whose status periods a change (or a migration) marked stale."""
        return list(self._query("select * from designations where periods_stale = 1 "
                                "order by id"))

    def write_designation_periods(self, designation: dict[str, Any],
                                  periods: list[Any], *, keep_stale: bool = False) -> None:
        """Replace a designation's rows in designation_status (and clear its stale mark, unless
        keep_stale)."""
        self.db.execute("delete from designation_status where designation = ?",
                        [designation["id"]])
        self.db["designation_status"].insert_all([{
            "designation": designation["id"], "entity": designation["entity"],
            "list": designation["list"], "measure": designation["measure"],
            "status": p.status, "removal_kind": p.removal_kind, "from": p.first, "to": p.last,
            "until": p.until, "by": p.event.get("by_measure"), "document": p.event.get("document"),
            "sentence": p.event.get("sentence"), "caveat": p.caveat,
        } for p in periods])
        if not keep_stale:
            self.db.execute("update designations set periods_stale = 0 where id = ?",
                            [designation["id"]])

    def update_designation(self, designation_id: str, fields: dict[str, Any]) -> None:
        self.db["designations"].update(designation_id, fields)

    def refresh_entity_lists(self, entity_ids: Iterable[str]) -> None:
        """Each entity's lists and its designations' statuses (JSON arrays, for facets)."""
        for entity_id in sorted(set(entity_ids)):
            rows = list(self._query(
                "select list, status from designations where entity = ?", [entity_id]))
            self.db["entities"].update(entity_id, {
                "lists": _json(sorted({r["list"] for r in rows})),
                "statuses": _json(sorted({r["status"] for r in rows if r["status"]}))})

    def designations_of_entities(self, entity_ids: list[str], day: str
                                 ) -> list[dict[str, Any]]:
        """The entities' designations with their status on day (null before it is listed), the
        period's until, by, caveat, sentence and the evidence's URL."""
        marks = ",".join("?" * len(entity_ids)) or "''"
        return list(self._query(
            f"select d.id, d.entity, d.list, d.measure, d.number, d.listed, d.name_zh, "
            f"d.name_en, d.address, d.source, s.status, s.removal_kind, s.until, "
            f"s.by as by_measure, "
            f's."from" as status_from, s."to" as status_to, s.caveat, '
            f"coalesce(s.sentence, d.sentence) as sentence, "
            f"coalesce(e.url, l.url) as url, l.url as listing_url "
            f"from designations d left join designation_status s on s.designation = d.id "
            f'and s."from" <= ? and (s."to" is null or s."to" >= ?) '
            f"left join documents e on e.id = s.document left join documents l "
            f"on l.id = d.document where d.entity in ({marks}) order by d.entity, d.listed, d.id",
            [day, day, *entity_ids]))

    def designation_periods_on(self, designation_ids: list[str], day: str
                               ) -> dict[str, dict[str, Any]]:
        """The designations' status periods running on day, by designation ({} before
        designation_status exists; a designation not yet listed on day has none)."""
        if not designation_ids or not self.has_table("designation_status"):
            return {}
        marks = ",".join("?" * len(designation_ids))
        return {r["designation"]: r for r in self._query(
            f'select * from designation_status where designation in ({marks}) and "from" <= ? '
            f'and ("to" is null or "to" >= ?)', [*designation_ids, day, day])}

    def designation_periods_of(self, designation_id: str) -> list[dict[str, Any]]:
        return list(self._query('select * from designation_status where designation = ? '
                                  'order by "from"', [designation_id]))

    def designation_change_in_run(self, run_id: str, kind: str, entity: str, list_name: str,
                                  measure: str | None) -> dict[str, Any] | None:
        return self._one("select * from changes where run_id = ? and kind = ? and entity = ? "
                         "and list = ? and ifnull(measure, '') = ifnull(?, '')",
                         [run_id, kind, entity, list_name, measure])

    def designations_dated_between(self, first: str, last: str) -> list[dict[str, Any]]:
        """Designations whose status periods begin or end between first and last (inclusive),
        or whose listing measure takes effect or expires then: where a designation's deadlines
        of that window are (pipelines.designation_reminders)."""
        return list(self._query(
            'select * from designations where id in (select designation from designation_status '
            'where "from" between :a and :b or "to" between :a and :b) or measure in ('
            "select measure from measure_events where kind in ('effective', 'expired') "
            "and date between :a and :b) order by list, measure, number, entity, id",
            {"a": first, "b": last}))

    def earlier_designation_changes(self, kind: str, designation: dict[str, Any],
                                    run_id: str) -> list[dict[str, Any]]:
        """Changes of a kind already reported for a designation (its entity, list and listing
        measure) in runs before run_id."""
        rows = list(self._query(
            "select * from changes where kind = ? and entity = ? and list = ? and "
            "ifnull(measure, '') = ifnull(?, '') and run_id != ? order by id",
            [kind, designation["entity"], designation["list"], designation["measure"], run_id]))
        for row in rows:
            row["diff"] = json.loads(row["diff"]) if row["diff"] else {}
        return rows

    def document_reported_in_run(self, run_id: str, document: str | None) -> bool:
        """The run (or a killed run it continues) reported the document new or changed, or a
        measure it issues new: the page was news that night, not a backfill's history."""
        if document is None:
            return False
        return self._one(
            "select 1 as found from changes where document = :document and kind in "
            "('new_document', 'document_changed', 'new_measure') and run_id in "
            + self._RUN_AND_CONTINUED + " limit 1", {"document": document, "run": run_id}
        ) is not None

    def entity_ids_of_changes(self, run_id: str) -> list[str]:
        return [r["entity"] for r in self._query(
            "select distinct entity from changes where run_id = ? and entity is not null",
            [run_id])]

    # --- the regime on a day, measure pages, topics, exports (read only) -----------------------
    def last_completed_as_of(self) -> str | None:
        """The as-of date of the latest completed run: what the archive knows up to."""
        row = self._one("select max(as_of) as day from runs where status = ?",
                        [RunStatus.COMPLETED.value])
        return row["day"] if row else None

    def regime_on(self, day: str, measure: str | None = None) -> list[dict[str, Any]]:
        """Every measure (or one) with its whole-measure status period covering day (status
        None when it has none: known only from mentions, or, for one measure asked by name, not
        yet published; `suspension_ended`: the last day of a suspension the period follows);
        the list leaves out measures published after day."""
        where = ("where m.id = :measure" if measure
                 else "where m.published is null or m.published <= :day")
        return list(self._query(
            'select m.id, m.title_zh, m.title_en, m.issuers, m.published, m.effective, '
            'm.category, m.confidence, m.title_zh_document, m.title_en_document, '
            's.status, s."from" as since, s."to" as until, s.by, s.term_until, s.document, '
            "s.sentence, (select b.\"to\" from measure_status b where b.measure = m.id and "
            "b.clause is null and b.status in ('suspended', 'partially_suspended') and "
            "b.\"to\" = date(s.\"from\", '-1 day')) as suspension_ended "
            "from measures m left join measure_status s on s.measure = m.id "
            'and s.clause is null and s."from" <= :day and (s."to" is null or s."to" >= :day) '
            f"{where} order by m.published is null, m.published desc, m.id",
            {"day": day, "measure": measure}))

    def continued_without_a_start(self) -> dict[str, str]:
        """Measures a text says a suspension of is continued (继续暂停) while no archived text
        began one before: the day of the first such continuation, by measure."""
        return {r["measure"]: r["day"] for r in self._query(
            "select e.measure, min(e.date) as day from measure_events e "
            "where e.kind = 'suspension_continued' and e.date is not null and not exists ("
            "select 1 from measure_events p where p.measure = e.measure and p.kind in "
            "('suspended', 'partially_suspended') and p.date < e.date) group by e.measure")}

    def clause_statuses_on(self, day: str, measure: str | None = None) -> list[dict[str, Any]]:
        """Clause rows of measure_status covering day (where a clause differs from its measure)."""
        where = "and measure = :measure" if measure else ""
        return list(self._query(
            'select * from measure_status where clause is not null and "from" <= :day '
            f'and ("to" is null or "to" >= :day) {where} order by measure, clause',
            {"day": day, "measure": measure}))

    def events_by(self, measure_id: str) -> list[dict[str, Any]]:
        """Events other measures undergo because of this one (what it suspends, amends ...)."""
        return list(self._query(
            "select * from measure_events where by_measure = ? and measure != ? "
            "order by date, measure, id", [measure_id, measure_id]))

    def measure_document_links(self, measure_id: str) -> list[dict[str, Any]]:
        """Every document linked to the measure, with the link's relation, confidence, reason."""
        return list(self._query(
            "select d.id, d.title, d.url, d.source, d.language, d.published, d.category, "
            "d.confidence as document_confidence, d.machine_translated, d.removed_on, "
            "d.version, dm.relation, dm.confidence, dm.reason "
            "from document_measures dm join documents d on d.id = dm.document "
            "where dm.measure = ? order by d.published, d.source, d.id", [measure_id]))

    def documents_by_id(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = sorted({i for i in ids if i})
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        return {r["id"]: r for r in self._query(
            f"select id, title, url, source, language, published, confidence "
            f"from documents where id in ({marks})", wanted)}

    def kept_versions(self, ids: Iterable[str]) -> dict[str, int]:
        """The latest version of each document whose original is kept (a WARC record)."""
        wanted = sorted({i for i in ids if i})
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        return {r["document"]: r["version"] for r in self._query(
            f"select document, max(version) as version from document_versions "
            f"where warc_file is not null and document in ({marks}) group by document", wanted)}

    # --- copies that disagree on a date (pipelines.finish.disagreement_changes) ------------
    def open_disagreements(self, measure_id: str | None = None) -> list[dict[str, Any]]:
        """The dates official copies state differently today (of one measure, or all), with
        `used` and `copies` read from their JSON."""
        if not self.has_table("date_disagreements"):
            return []  # (an archive not upgraded yet, read-only)
        rows = list(self._query(
            "select * from date_disagreements where resolved_run_id is null and "
            "(:m is null or measure = :m) order by measure, id", {"m": measure_id}))
        for row in rows:
            row["used"] = json.loads(row["used"] or "[]")
            row["copies"] = json.loads(row["copies"] or "[]")
        return rows

    def open_disagreement(self, measure_id: str, kind: str, clause: str | None,
                          by_measure: str | None) -> dict[str, Any] | None:
        return next((r for r in self.open_disagreements(measure_id) if (
            r["kind"], r["clause"], r["by_measure"]) == (kind, clause, by_measure)), None)

    def save_disagreement(self, row: dict[str, Any], run_id: str) -> None:
        """A disagreement found (or changed) by the run: written over the open one of its kind."""
        fields = {**row, "used": _json(row["used"]), "copies": _json(row["copies"]),
                  "changed_run_id": run_id}
        known = self.open_disagreement(row["measure"], row["kind"], row["clause"],
                                       row["by_measure"])
        if known is None:
            self._insert("date_disagreements", {**fields, "first_run_id": run_id})
        else:
            self._update("date_disagreements", "id", known["id"], fields)

    def resolve_disagreement(self, row_id: int, run_id: str) -> None:
        self._update("date_disagreements", "id", row_id, {"resolved_run_id": run_id})

    def set_measure_effective(self, measure_id: str, effective: str | None) -> None:
        self._update("measures", "id", measure_id, {"effective": effective})

    def has_table(self, name: str) -> bool:
        return self._one("select 1 from sqlite_master where type in ('table', 'view') and "
                         "name = ?", [name]) is not None

    def rows_about_measure(self, table: str, measure_id: str, documents: list[str],
                           limit: int = 500) -> list[dict[str, Any]]:
        """Rows of a table another part of regwatch adds (controlled items, designations), by
        its `measure` column, or else by its `document` column; [] when it has neither."""
        if not self.has_table(table):
            return []
        columns = {c.name for c in self.db[table].columns}
        if "measure" in columns:
            return list(self._query(
                f"select * from [{table}] where measure = ? limit ?", [measure_id, limit]))
        if "document" in columns and documents:
            marks = ",".join("?" * len(documents))
            return list(self._query(
                f"select * from [{table}] where document in ({marks}) limit ?",
                [*documents, limit]))
        return []

    def entity_names(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Entities' names by id, when the entities table exists."""
        wanted = sorted({i for i in ids if i})
        if not wanted or not self.has_table("entities"):
            return {}
        marks = ",".join("?" * len(wanted))
        return {r["id"]: r for r in self._query(
            f"select * from entities where id in ({marks})", wanted)}

    def periods_touching(self, first: str, last: str) -> list[dict[str, Any]]:
        """Status periods that begin or end between first and last (inclusive), with their
        measure's Chinese title: where the deadlines of that window are."""
        return list(self._query(
            'select s.*, m.title_zh from measure_status s join measures m on m.id = s.measure '
            'where s."to" between :a and :b or s."from" between :a and :b '
            'order by s."to", s.measure', {"a": first, "b": last}))

    def designation_periods_touching(self, first: str, last: str) -> list[dict[str, Any]]:
        """Designations' status periods that begin or end between first and last (inclusive),
        with the entity's names and the day their page was published (`announced`)."""
        return list(self._query(
            'select s.*, e.name_zh, e.name_en, d.published as announced from designation_status '
            "s join entities e on e.id = s.entity left join documents d on d.id = s.document "
            'where s."to" between :a and :b or s."from" between :a and :b '
            'order by s."to", s.measure, s.entity', {"a": first, "b": last}))

    def designations_listed_on(self, measure: str, day: str) -> list[dict[str, Any]]:
        """The designations of a listing measure whose status on day is `listed`, with the
        entity's names."""
        return list(self._query(
            "select s.*, e.name_zh, e.name_en from designation_status s join entities e "
            "on e.id = s.entity where s.measure = :m and s.status = 'listed' and "
            's."from" <= :day and (s."to" is null or s."to" >= :day) order by s.entity',
            {"m": measure, "day": day}))

    def changes_of_runs(self, run_ids: list[str]) -> list[dict[str, Any]]:
        """The changes of several runs, in order, each with its run's as-of date."""
        out = []
        for run_id in run_ids:
            run = self.run(run_id)
            for change in self.changes(run_id):
                change["as_of"] = run["as_of"] if run else None
                out.append(change)
        return out


    # --- evidence: originals, annexes, controlled items (m201) ------------------------------
    def version(self, doc_id: str, version: int | None = None) -> dict[str, Any] | None:
        """A version of a document (the latest when version is None)."""
        if version is None:
            return self.latest_version(doc_id)
        return self._one("select * from document_versions where document = ? and version = ?",
                         [doc_id, version])

    def versions(self, doc_id: str) -> list[dict[str, Any]]:
        """Every stored version of a document, oldest first."""
        return list(self._query(
            "select * from document_versions where document = ? order by version", [doc_id]))

    def own_pages(self, measure_id: str) -> list[dict[str, Any]]:
        """The pages that are a measure's own text (relation `issues`), first seen first."""
        return list(self._query(
            "select d.id, d.url, d.source from document_measures dm join documents d "
            "on d.id = dm.document where dm.measure = ? and dm.relation = 'issues' "
            "order by d.first_seen, d.url", [measure_id]))

    def set_version_evidence(self, doc_id: str, version: int, fields: dict[str, Any]) -> None:
        """Record where a version's response is kept (warc_* columns, payload digest, TLS)."""
        self.db.execute(
            f"update document_versions set {', '.join(f'{k} = :{k}' for k in fields)} "
            "where document = :_document and version = :_version",
            {**fields, "_document": doc_id, "_version": version})

    def version_record_before(self, doc_id: str, version: int) -> dict[str, Any] | None:
        """The document's last version before `version` whose response is kept (its record
        is reused when a new version's bytes are the same)."""
        return self._one("select * from document_versions where document = ? and version < ? "
                         "and warc_file is not null order by version desc limit 1",
                         [doc_id, version])

    def annexes_of(self, doc_id: str, version: int) -> list[dict[str, Any]]:
        return list(self._query(
            "select * from annexes where document = ? and version = ? order by id",
            [doc_id, version]))

    def annexes_read_before(self, doc_id: str, version: int) -> list[dict[str, Any]]:
        """The document's annexes of versions before `version` whose text was read, the latest
        for each URL last (what a version's unreadable annex falls back on)."""
        return list(self._query(
            "select * from annexes where document = ? and version < ? and trim(coalesce(text, "
            "'')) != '' order by version, id", [doc_id, version]))

    def annex(self, annex_id: int) -> dict[str, Any] | None:
        return self._one("select * from annexes where id = ?", [annex_id])

    def annex_by_sha256(self, sha256: str) -> dict[str, Any] | None:
        """The first kept annex with these bytes (its text and WARC record are reused)."""
        return self._one("select * from annexes where sha256 = ? "
                         "order by warc_file is null, id limit 1", [sha256])

    def annex_urls_at(self, sha256: str, warc_file: str, warc_offset: int) -> list[str]:
        """The addresses of the annexes with these bytes kept in this place (a file linked from
        several addresses is kept once, in the record of the first)."""
        return [r["url"] for r in self._query(
            "select url from annexes where sha256 = ? and warc_file = ? and warc_offset = ? "
            "group by url order by min(id)", [sha256, warc_file, warc_offset])]

    def annex_by_url(self, url: str) -> dict[str, Any] | None:
        """The latest kept annex fetched from url (what a 304 answer confirms)."""
        return self._one("select * from annexes where url = ? order by id desc limit 1", [url])

    def add_annex(self, row: dict[str, Any]) -> int:
        """Insert an annex of a version and index its text; the document's annexes of earlier
        versions leave the search index (it holds the latest version's, like documents_fts)."""
        annex_id = self.db["annexes"].insert(row).last_pk
        self.db.execute(
            "delete from annexes_fts where rowid in (select id from annexes "
            "where document = ? and version < ?)", [row["document"], row["version"]])
        self.db.execute("insert into annexes_fts (rowid, name, text) values (?, ?, ?)",
                        [annex_id, segment(row["name"]), segment(row["text"])])
        return annex_id

    def replace_controlled_items(self, doc_id: str, version: int, rows: list[dict[str, Any]],
                                 as_of: str) -> None:
        """The controlled items read from a version of the document (its page and annexes):
        the published list from the night the version was first archived (its run's date, else
        as_of) on; the earlier versions' rows still current end the day before. A version read
        again (an annex fetched on a later night) has its rows replaced, its dates kept. The
        first rows a document has have no lower bound: the list from the measure's start."""
        night = self._one("select r.as_of from document_versions v join runs r on r.id = "
                          "v.run_id where v.document = ? and v.version = ?", [doc_id, version])
        since = (night or {}).get("as_of") or as_of
        earlier = self._one("select 1 as found from controlled_items where document = ? and "
                            "version < ? limit 1", [doc_id, version])
        self.db.execute("delete from controlled_items where document = ? and version >= ?",
                        [doc_id, version])
        self.db.execute("update controlled_items set valid_until = ? where document = ? and "
                        "version < ? and valid_until is null", [day_before(since), doc_id, version])
        valid_from = since if earlier else None
        if rows:
            self.db["controlled_items"].insert_all(
                [{**row, "valid_from": valid_from, "valid_until": None} for row in rows])

    def controlled_items(self, doc_id: str, version: int | None = None) -> list[dict[str, Any]]:
        """The document's current controlled items (those of its latest version read), or a
        version's."""
        if version is None:
            return list(self._query("select * from controlled_items where document = ? and "
                                    "valid_until is null order by id", [doc_id]))
        return list(self._query("select * from controlled_items where document = ? and "
                                "version = ? order by id", [doc_id, version]))

    def measure_items_on(self, measure_id: str, day: str, limit: int = 500
                         ) -> list[dict[str, Any]]:
        """The measure's controlled items on its published list on day (each document that
        issues it gives its own rows)."""
        return list(self._query(
            "select * from controlled_items where measure = ? and (valid_from is null or "
            "valid_from <= ?) and (valid_until is null or valid_until >= ?) order by id limit ?",
            [measure_id, day, day, limit]))

    def measure_items_dropped_by(self, measure_id: str, day: str, limit: int = 500
                                 ) -> list[dict[str, Any]]:
        """The measure's controlled items that were on an earlier list and are not on day's
        (the same code, HS code and descriptions on day's list are the same item), each once,
        with the last day it was on the list (`valid_until`)."""
        return list(self._query(
            "select * from controlled_items ci where measure = :m and valid_until < :day "
            "and id = (select max(o.id) from controlled_items o where o.measure = ci.measure "
            "and o.valid_until < :day and o.code is ci.code and o.hs_code is ci.hs_code "
            "and o.description_zh is ci.description_zh "
            "and o.description_en is ci.description_en) "
            "and not exists (select 1 from controlled_items n where n.measure = ci.measure "
            "and (n.valid_from is null or n.valid_from <= :day) and (n.valid_until is null or "
            "n.valid_until >= :day) and n.code is ci.code and n.hs_code is ci.hs_code "
            "and n.description_zh is ci.description_zh "
            "and n.description_en is ci.description_en) order by valid_until desc, id limit :limit",
            {"m": measure_id, "day": day, "limit": limit}))

    def annex_refusal(self, sha256: str) -> dict[str, Any] | None:
        """Why a file with these bytes was refused as an annex, if it was."""
        return self._one("select * from annex_refusals where sha256 = ?", [sha256])

    def record_annex_refusal(self, sha256: str, url: str, reason: str, as_of: str) -> None:
        self.db.execute(
            "insert into annex_refusals (sha256, url, reason, first_seen, last_seen) "
            "values (?, ?, ?, ?, ?) on conflict (sha256) do update set last_seen = ?",
            [sha256, url, reason, as_of, as_of, as_of])

    def search_annexes(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Annexes (of documents' latest versions) matching a Chinese or English query."""
        match = _fts_query(query)
        if not match:
            return []
        return list(self._query(
            "select annexes.id, annexes.document, annexes.url, annexes.name from annexes_fts "
            "join annexes on annexes.id = annexes_fts.rowid "
            "where annexes_fts match ? order by rank limit ?", [match, limit]))


def _fts_query(query: str) -> str:
    """The query's full-text match (pipelines.search.fts_query); ValueError when too long."""
    problem = query_problem(query)
    if problem:
        raise ValueError(problem)
    return fts_query(query)


def sql_text(value: str) -> str:
    """A SQL string literal (single quotes doubled)."""
    return "'" + value.replace("'", "''") + "'"


def _sql_list(values: Iterable[str]) -> str:
    return ", ".join(sql_text(v) for v in values)


def topic_changes_sql(terms: list[str], measures: list[str], categories: list[str],
                      sources: list[str], entity_lists: list[str], limit: int = 200,
                      archive_root: str = "", site_root: str = "") -> str:
    """The SQL of a topic's canned query and Atom feed: its latest changes (newest first), by the
    rule of pipelines.topics written as SQL (terms lower-cased and already widened); entries
    link to their measure's page under archive_root (the archive's address in Datasette), or to
    their run's report under site_root. Scraped text goes through xml_text (the Datasette
    plugin's SQL function): a control character must not break the feed."""
    text = ("lower(coalesce(c.title, '') || ' ' || coalesce(c.summary, '') || ' ' || "
            "coalesce(json_extract(c.diff, '$.sentence'), '') || ' ' || "
            "coalesce(m.title_zh, '') || ' ' || coalesce(m.title_en, ''))")
    subject = [f"instr({text}, {sql_text(t)}) > 0" for t in terms]
    if measures:
        subject.append(f"c.measure in ({_sql_list(measures)})")
    if entity_lists:
        subject.append(f"json_extract(c.diff, '$.list') in ({_sql_list(entity_lists)})")
    conditions = ["(" + "\n    or ".join(subject or ["0"]) + ")"]
    if categories:
        marks = _sql_list(categories)
        conditions.append(f"(c.category in ({marks}) or m.category in ({marks}))")
    if sources:
        conditions.append(f"c.source in ({_sql_list(sources)})")
    where = "\n  and ".join(conditions)
    link = sql_text(archive_root.rstrip("/") + "/measures/")
    reports = sql_text(site_root.rstrip("/") + "/-/reports/")
    return f"""with hits as (
select 'urn:regwatch:change:' || c.id as atom_id,
       '[' || c.kind || '] ' || coalesce(c.measure || ': ', '')
         || xml_text(coalesce(m.title_zh, c.title, c.source, '')) as atom_title,
       case when substr(r.finished_at, 1, 10) = r.as_of then r.finished_at
            else r.as_of || 'T00:00:00+08:00' end as atom_updated,
       xml_text(coalesce(c.summary, '')) as atom_content,
       case when c.measure is not null then {link} || c.measure
            else coalesce(c.url, {reports} || c.run_id || '.html') end as atom_link,
       'regwatch' as atom_author_name,
       c.id as change_id, r.as_of, c.kind, c.measure, m.title_zh, m.title_en
from changes c join runs r on r.id = c.run_id left join measures m on m.id = c.measure
where {where}
order by c.id desc
limit {int(limit)})
select * from hits
union all
select 'urn:regwatch:no-change-yet', 'No change about this topic yet',
       coalesce((select max(finished_at) from runs), '2000-01-01T00:00:00+00:00'),
       'regwatch has not recorded a change about this topic yet.',
       'urn:regwatch:no-change-yet', 'regwatch', null, null, null, null, null, null
where not exists (select 1 from hits)
order by change_id desc"""
