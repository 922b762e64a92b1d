"""The archive's schema, as sqlite-utils migrations (applied at every open, idempotently)."""

import json
from datetime import UTC, datetime

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from pipelines.search import segment

migrations = Migrations("regwatch")


@migrations()
def m001_core_tables(db: Database) -> None:
    """Runs, documents with versions, measures with events and links, changes."""
    db["runs"].create(
        {
            "id": str, "as_of": str, "started_at": str, "finished_at": str, "status": str,
            "mirror": str, "sources": str, "previous_run_id": str, "stats": str,
        },
        pk="id",
    )
    db["run_sources"].create(
        {
            "run_id": str, "source": str, "status": str, "items": int, "unchanged": int,
            "requests": int, "responses": int, "problems": str, "finished_at": str,
        },
        pk=("run_id", "source"),
        foreign_keys=[("run_id", "runs", "id")],
    )
    db["documents"].create(
        {
            "id": str, "title": str, "source": str, "published": str, "category": str,
            "confidence": str, "language": str, "url": str, "issuing_unit": str,
            "doc_number": str, "machine_translated": int, "version": int,
            "first_seen": str, "last_seen": str, "last_fetched": str, "published_at": str,
            "annexes": str, "body": str, "content_hash": str,
            "first_run_id": str, "last_run_id": str,
        },
        pk="id",
    )
    db["documents"].create_index(["url"], unique=True)
    db["documents"].create_index(["source"])
    db["document_versions"].create(
        {
            "id": int, "document": str, "version": int, "title": str, "published": str,
            "body": str, "annexes": str, "category": str, "confidence": str,
            "content_hash": str, "fetched_at": str, "run_id": str,
        },
        pk="id",
        foreign_keys=[("document", "documents", "id"), ("run_id", "runs", "id")],
    )
    db["document_versions"].create_index(["document", "version"], unique=True)
    db["measures"].create(
        {
            "id": str, "title_zh": str, "title_en": str, "issuers": str,
            "published": str, "effective": str, "status": str, "suspended_until": str,
            "category": str, "confidence": str, "first_seen": str, "last_seen": str,
            "series": str, "year": int, "number": int,
            "title_zh_document": str, "title_en_document": str, "title_en_machine_translated": int,
        },
        pk="id",
    )
    db["measure_events"].create(
        {
            "id": int, "measure": str, "kind": str, "date": str, "until": str,
            "by_measure": str, "clause": str, "document": str, "sentence": str,
            "confidence": str, "run_id": str,
        },
        pk="id",
        foreign_keys=[("measure", "measures", "id"), ("document", "documents", "id")],
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_measure_events_key ON measure_events (measure, kind, "
        "ifnull(date, ''), ifnull(until, ''), ifnull(by_measure, ''), ifnull(clause, ''))"
    )
    db["document_measures"].create(
        {"document": str, "measure": str, "relation": str, "confidence": str, "reason": str},
        pk=("document", "measure", "relation"),
        foreign_keys=[("document", "documents", "id"), ("measure", "measures", "id")],
    )
    db["document_measures"].create_index(["measure"])
    db["changes"].create(
        {
            "id": int, "run_id": str, "kind": str, "measure": str, "document": str,
            "from": str, "to": str, "by": str, "until": str, "title": str, "url": str,
            "source": str, "category": str, "confidence": str, "summary": str, "diff": str,
        },
        pk="id",
        foreign_keys=[("run_id", "runs", "id")],
    )
    db["changes"].create_index(["run_id"])


@migrations()
def m002_documents_fts(db: Database) -> None:
    """Full-text search over documents: Chinese as overlapping bigrams, other text as words.

    The index holds segmented text (pipelines.search.segment); its rowid is the document's rowid.
    Datasette's search box is pointed at it by the metadata and the regwatch_search plugin.
    """
    db.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5("
        "title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
    )


@migrations()
def m003_fetch_state(db: Database) -> None:
    """HTTP validators and last fetch per article URL, for conditional requests and revisits."""
    db["fetch_state"].create(
        {"url": str, "etag": str, "last_modified": str, "last_fetched": str, "status": int},
        pk="url",
    )


@migrations()
def m004_measure_documents_view(db: Database) -> None:
    """For each measure, the documents that issue, report on or mention it: who said what."""
    db.execute("""
        CREATE VIEW measure_documents AS
        SELECT dm.measure, d.published, d.source, d.title, d.url, d.language,
               dm.relation, dm.confidence AS link_confidence, dm.reason,
               d.category, d.confidence AS document_confidence, d.id AS document
        FROM document_measures dm JOIN documents d ON d.id = dm.document
    """)


@migrations()
def m005_events_per_document_and_removals(db: Database) -> None:
    """Events are kept per document (one statement per source text, replaced when the text
    changes); documents remember the list page that links them and how often they were missed."""
    db.execute("DROP INDEX idx_measure_events_key")
    db.execute(
        "CREATE UNIQUE INDEX idx_measure_events_key ON measure_events (measure, kind, "
        "ifnull(date, ''), ifnull(until, ''), ifnull(by_measure, ''), ifnull(clause, ''), "
        "ifnull(document, ''))"
    )
    db["measure_events"].create_index(["measure"])
    db["documents"].add_column("listed_on", str)
    db["documents"].add_column("missed_runs", int, not_null_default=0)
    db["documents"].add_column("missed_on", str)
    db["documents"].add_column("removed_on", str)
    db["changes"].create_index(["measure", "kind"])


@migrations()
def m006_outbox(db: Database) -> None:
    """The email digests: one row per recipient and digest, kept until sent (and after, with
    sent_at); `outbox_runs` remembers which completed runs' changes were already queued."""
    db["outbox"].create(
        {
            "id": int, "recipient": str, "run_ids": str, "change_ids": str, "subject": str,
            "text": str, "html": str, "created_at": str, "sent_at": str, "attempts": int,
            "last_error": str,
        },
        pk="id",
        not_null={"attempts"},
        defaults={"attempts": 0},
    )
    db["outbox"].create_index(["sent_at"])
    db["outbox_runs"].create(
        {"run_id": str, "queued_at": str},
        pk="run_id",
        foreign_keys=[("run_id", "runs", "id")],
    )


@migrations()
def m007_measure_status(db: Database) -> None:
    """Status periods as data: each measure's statuses over time as the lifecycle rules give them
    (pipelines.lifecycle.status_periods), written at the end of a run for the measures whose
    events changed (`measures.periods_stale`). "Status on a date" is one query:
    `"from" <= :day and ("to" is null or "to" >= :day)`; clause rows say where a clause differs."""
    db["measure_status"].create(
        {
            "id": int, "measure": str, "clause": str, "status": str, "from": str, "to": str,
            "by": str, "document": str, "sentence": str,
        },
        pk="id",
        foreign_keys=[("measure", "measures", "id")],
    )
    db["measure_status"].create_index(["measure"])
    db["measure_status"].create_index(["from"])
    db["measure_status"].create_index(["to"])
    db["measures"].add_column("periods_stale", int, not_null_default=1)
    db["measure_events"].create_index(["kind", "date"])


@migrations()
def m008_runs_continued_by(db: Database) -> None:
    """The run that took over an interrupted run's changes (a run killed, or stopped by a signal,
    is continued by the next one exactly once)."""
    db["runs"].add_column("continued_by", str)
    db.execute("update runs set continued_by = 'unknown' where status = 'interrupted'")


@migrations()
def m009_outbox_delivery(db: Database) -> None:
    """A mail's delivery: its Message-ID fixed when queued (the same on every retry, so a mail
    client recognises a repeat), and `sending_at`, set before the message is handed to the SMTP
    server: a row found with it and no `sent_at` may have been delivered (at-least-once)."""
    db["outbox"].add_column("message_id", str)
    db["outbox"].add_column("sending_at", str)


# --- m1xx: the backfill, coverage and number gaps (CONTRACT section 6) -------------------------


@migrations()
def m101_list_walks(db: Database) -> None:
    """Where each official list's walk back to `backfill_since` stands, per source and list: the
    page it continues from next night, pages walked, the dates reached, the last complete walk
    (pipelines/backfill.py). A list is a column's pages (a year's announcement index is one)."""
    db["list_walks"].create(
        {
            "source": str, "list": str, "url": str, "series": str, "year": int, "status": str,
            "next_page": int, "pages_walked": int, "earliest": str, "latest": str,
            "since": str, "started_on": str, "last_walked_on": str,
            "last_complete_walk": str, "problem": str,
        },
        pk=("source", "list"),
        not_null={"pages_walked"},
        defaults={"pages_walked": 0},
    )


@migrations()
def m102_coverage_and_number_gaps(db: Database) -> None:
    """What the archive covers, rewritten at the end of every run: one row per source (dates
    reached, documents, pages walked, last complete walk) and one per series and year (numbers
    seen, the highest, how many may be missing); `number_gaps` has one row per number that may be
    missing in a year the walks covered (official numbering is sequential per issuer and year)."""
    db["coverage"].create(
        {
            "id": int, "scope": str, "name": str, "year": int, "earliest": str, "latest": str,
            "documents": int, "measures": int, "pages_walked": int, "walk": str,
            "last_complete_walk": str, "covered": int, "highest": int, "gaps": int,
            "missing": str, "as_of": str,
        },
        pk="id",
    )
    db["number_gaps"].create(
        {
            "measure": str, "series": str, "year": int, "number": int, "after": int,
            "before": int, "noticed_on": str,
        },
        pk="measure",
    )
    db["number_gaps"].create_index(["series", "year"])


@migrations()
def m103_backfill_runs(db: Database) -> None:
    """A source's run that walked back (its counts are no yardstick for a later night's health);
    the run that first stored a measure (a backfill's old measures are not news); an official
    translation's Chinese original (documents.translation_of, a documents.id)."""
    db["run_sources"].add_column("backfill", int, not_null_default=0)
    db["measures"].add_column("first_run_id", str)
    db["documents"].add_column("translation_of", str)


@migrations()
def m104_left_out_fetches(db: Database) -> None:
    """News left out by the relevance rule is remembered with its validators, date and hash, so it
    is revisited like any article instead of fetched and parsed again every night."""
    db["fetch_state"].add_column("published", str)
    db["fetch_state"].add_column("content_hash", str)
    db["fetch_state"].add_column("left_out", str)


@migrations()
def m105_removal_check_indexes(db: Database) -> None:
    """The removal check reads documents by list page and by run: indexed, so a night's cost
    grows with what its lists show, not with the archive."""
    db["documents"].create_index(["listed_on", "published"])
    db["documents"].create_index(["last_run_id"])
    db["documents"].create_index(["source", "published"])
    db["measure_events"].create_index(["document"])  # a changed page's events are dropped
    db["measures"].create_index(["series", "year", "number"])
    db.execute("CREATE INDEX idx_documents_missed ON documents (source, missed_runs) "
               "WHERE missed_runs > 0")


@migrations()
def m106_night_cost_indexes(db: Database) -> None:
    """What the end of a night reads is indexed, so its cost grows with what changed: measures
    whose periods are stale, seen on a day, by publication; documents by the run that first
    stored them; status periods by status and day; the run that wrote each coverage row."""
    db.execute("CREATE INDEX idx_measures_stale ON measures (id) WHERE periods_stale = 1")
    db["measures"].create_index(["last_seen"])
    db["measures"].create_index(["published"])
    db["measures"].create_index(["series", "year", "published", "number"])
    db["documents"].create_index(["first_run_id"])
    db["measure_status"].create_index(["clause", "status", "from", "to"])
    db["measure_status"].create_index(["status", "to"])
    db["measure_status"].create_index(["status", "from"])
    db["coverage"].add_column("run_id", str)


@migrations()
def m107_measures_by_first_run(db: Database) -> None:
    """Measures by the run that first stored them (what a night adds to the coverage)."""
    db["measures"].create_index(["first_run_id"])


@migrations()
def m108_measure_link_profile(db: Database) -> None:
    """The fingerprint of the profile a measure's inferred links were decided with
    (pipelines.linking.changed_profiles): a night that touches a measure without changing what
    linking compares of it relinks no document on its account."""
    db["measures"].add_column("link_profile", str)


@migrations()
def m201_evidence(db: Database) -> None:
    """Evidence (pipelines.evidence, pipelines.originals): where each version's response is kept
    as a WARC record; annex files with their text (searchable like bodies, `annexes_fts`, rowid =
    annexes.id, the latest version's annexes only); the controlled items read from bodies and
    annexes (control-list codes, HS codes, descriptions, clauses); the annex files refused as bad
    (an error page, a truncated file, a ZIP bomb, a reader stopped), not read again."""
    versions = db["document_versions"]
    for column, kind in (("warc_file", str), ("warc_record_id", str), ("warc_offset", int),
                         ("warc_length", int), ("payload_digest", str), ("more_records", str)):
        versions.add_column(column, kind)
    versions.add_column("insecure_tls", int, not_null_default=0)
    versions.create_index(["payload_digest"])
    db["annexes"].create(
        {
            "id": int, "document": str, "version": int, "url": str, "name": str,
            "media_type": str, "declared_type": str, "sha256": str, "size": int, "text": str,
            "reason": str, "pages": int, "warc_file": str, "warc_offset": int,
            "warc_length": int, "warc_record_id": str, "insecure_tls": int, "fetched_at": str,
            "run_id": str,
        },
        pk="id",
        foreign_keys=[("document", "documents", "id"), ("run_id", "runs", "id")],
        not_null={"insecure_tls"},
        defaults={"insecure_tls": 0},
    )
    db["annexes"].create_index(["document", "version", "url"], unique=True)
    db["annexes"].create_index(["sha256"])
    db["annexes"].create_index(["url"])
    db.execute(
        "CREATE VIRTUAL TABLE annexes_fts USING fts5("
        "name, text, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    db["controlled_items"].create(
        {
            "id": int, "measure": str, "document": str, "version": int, "annex": int,
            "code": str, "hs_code": str, "description_zh": str, "description_en": str,
            "clause": str, "line": str, "line_no": int, "valid_from": str, "valid_until": str,
        },
        pk="id",
        foreign_keys=[("measure", "measures", "id"), ("document", "documents", "id"),
                      ("annex", "annexes", "id")],
    )  # (valid_from, valid_until: m911's, here too for an archive that takes m201 after it)
    for columns in (["code"], ["hs_code"], ["measure"], ["document"]):
        db["controlled_items"].create_index(columns)
    db["annex_refusals"].create(
        {"sha256": str, "url": str, "reason": str, "first_seen": str, "last_seen": str},
        pk="sha256",
    )


@migrations()
def m301_entities(db: Database) -> None:
    """Entities and their designations (pipelines.designations): who is on which list, by which
    announcement, with the status of each designation over time (`designation_status`, written
    from pipelines.lifecycle like `measure_status`), the events later announcements aim at named
    entities (`designation_events`), and changes that name an entity and its list."""
    db["entities"].create(
        {
            "id": str, "name_zh": str, "name_en": str, "key_zh": str, "key_en": str,
            "country": str, "aliases": str, "lists": str, "statuses": str,
            "first_seen": str, "last_seen": str,
        },
        pk="id",
    )
    db["entities"].create_index(["key_zh"])
    db["entities"].create_index(["key_en"])
    db["designations"].create(
        {
            "id": str, "entity": str, "list": str, "measure": str, "number": int,
            "listed": str, "status": str, "removal_kind": str, "until": str, "by_measure": str,
            "sentence": str, "listing_sentence": str, "name_zh": str, "name_en": str,
            "country": str, "document": str, "source": str, "first_seen": str, "last_seen": str,
            "run_id": str,
        },
        pk="id",
        foreign_keys=[("entity", "entities", "id"), ("document", "documents", "id")],
    )
    db["designations"].add_column("periods_stale", int, not_null_default=1)
    db.execute("CREATE UNIQUE INDEX idx_designations_key ON designations "
               "(entity, list, ifnull(measure, ''))")
    db["designations"].create_index(["measure"])
    db["designations"].create_index(["list", "listed"])
    db["designation_events"].create(
        {
            "id": int, "measure": str, "entity": str, "list": str, "listed_on": str,
            "kind": str, "date": str, "until": str, "until_computed": int, "duration": str,
            "by_measure": str, "document": str, "sentence": str, "confidence": str,
            "run_id": str,
        },
        pk="id",
        foreign_keys=[("entity", "entities", "id"), ("document", "documents", "id")],
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_designation_events_key ON designation_events (ifnull(measure, ''),"
        " ifnull(entity, ''), list, ifnull(listed_on, ''), kind, ifnull(date, ''),"
        " ifnull(until, ''), ifnull(by_measure, ''), ifnull(document, ''))")
    db["designation_events"].create_index(["entity"])
    db["designation_events"].create_index(["measure"])
    db["designation_status"].create(
        {
            "id": int, "designation": str, "entity": str, "list": str, "measure": str,
            "status": str, "removal_kind": str, "from": str, "to": str, "until": str, "by": str,
            "document": str, "sentence": str,
        },
        pk="id",
        foreign_keys=[("designation", "designations", "id"), ("entity", "entities", "id")],
    )
    for columns in (["designation"], ["entity"], ["from"], ["to"]):
        db["designation_status"].create_index(columns)
    db["changes"].add_column("entity", str)
    db["changes"].add_column("list", str)
    db["changes"].create_index(["entity"])


@migrations()
def m401_link_index(db: Database) -> None:
    """Linking without numbers (pipelines.linking): the index keys of what each measure is and
    each document says (subjects, days, months, titles, counts of entities), and the review
    candidates: measures a document fits as well as another, kept for a person to decide. An
    archive that already holds documents has them all linked once by its next run
    (`link_pending`)."""
    db["measure_clues"].create({"measure": str, "clue": str}, pk=("measure", "clue"))
    db["measure_clues"].create_index(["clue"])
    db["document_clues"].create({"document": str, "clue": str}, pk=("document", "clue"))
    db["document_clues"].create_index(["clue"])
    db["link_candidates"].create(
        {"document": str, "measure": str, "score": float, "reason": str, "run_id": str},
        pk=("document", "measure"),
        foreign_keys=[("document", "documents", "id"), ("measure", "measures", "id")],
    )
    db["link_candidates"].create_index(["measure"])
    # documents archived before this index: the next run links them once, with every measure
    db["link_pending"].create({"document": str}, pk="document")
    db.execute("insert into link_pending (document) select id from documents")
    db.execute("""
        CREATE VIEW link_review AS
        SELECT c.document, d.published, d.source, d.title, d.url, c.measure,
               m.title_zh AS measure_title, m.published AS measure_published, c.score, c.reason,
               c.run_id
        FROM link_candidates c JOIN documents d ON d.id = c.document
        JOIN measures m ON m.id = c.measure
    """)


@migrations()
def m402_measure_link_profile_data(db: Database) -> None:
    """Linking reads a measure's stored profile instead of rebuilding it from its texts every
    night (pipelines.linking), and finds the measures an English title names from their title's
    core words (`link_english_core`): the end of a night grows with what changed. Profiles are
    stored the next time linking builds them."""
    db["measures"].add_column("link_profile_data", str)
    db["measures"].add_column("link_english_core", str)
    db.execute("create index if not exists idx_measures_link_english_core on measures "
               "(link_english_core) where link_english_core is not null")
    db.execute("create index if not exists idx_measures_link_profile_missing on measures (id) "
               "where link_profile_data is null")
    # what a run stored, found without reading every version and event
    db["document_versions"].create_index(["run_id"], if_not_exists=True)
    db["measure_events"].create_index(["run_id"], if_not_exists=True)


@migrations()
def m501_outbox_channel(db: Database) -> None:
    """A queued digest's channel: `mail` (SMTP, pipelines.mailer) or `apprise` (Slack, Teams,
    Telegram, webhooks: pipelines.channels); the same outbox, lock and retry rules for both."""
    db["outbox"].add_column("channel", str, not_null_default="mail")


@migrations()
def m502_documents_browse_indexes(db: Database) -> None:
    """Fast at 100,000 documents (benchmarks/bench_pages.py): the documents table opens newest
    first (an index on published) and its facets count from indexes, not from the rows."""
    for column in ("published", "category", "confidence", "language", "issuing_unit"):
        db["documents"].create_index([column], if_not_exists=True)
    db["changes"].create_index(["kind"], if_not_exists=True)


@migrations()
def m503_search_single_characters(db: Database) -> None:
    """Chinese runs are indexed with their last character too (pipelines.search.segment), so a
    one-character query (镓, 铍) finds every document holding it: the search indexes are rebuilt
    from the documents and annexes they hold."""
    _reindex(db, "documents_fts", "documents", ("title", "body"))
    _reindex(db, "annexes_fts", "annexes", ("name", "text"))


@migrations()
def m504_search_simplified_characters(db: Database) -> None:
    """Text is indexed in Simplified characters (pipelines.search.segment), so a search finds a
    Hong Kong or Taiwan page whichever script it is written in: the indexes are rebuilt."""
    _reindex(db, "documents_fts", "documents", ("title", "body"))
    _reindex(db, "annexes_fts", "annexes", ("name", "text"))


def _reindex(db: Database, index: str, table: str, columns: tuple[str, str],
             test: str | None = None) -> None:
    """The index again, from its table's rows of the same rowids, in one pass (an index not
    made yet is made by its own migration, with the new segmentation); with a test (an SQL
    predicate's end, e.g. "glob '*x*'"), only the rows whose either column passes it."""
    if not {index, table} <= set(db.table_names()):
        return
    first, second = columns
    db.conn.create_function("regwatch_segment", 1, segment, deterministic=True)
    db.execute("drop table if exists temp.reindexed")
    chosen = (f" where rowid in (select rowid from [{table}] where [{first}] {test} "
              f"or [{second}] {test})" if test else "")
    db.execute(f"create temp table reindexed as select rowid as id from [{index}]{chosen}")
    db.execute(f"delete from [{index}] where rowid in (select id from temp.reindexed)")
    db.execute(f"insert into [{index}] (rowid, [{first}], [{second}]) "
               f"select t.rowid, regwatch_segment(t.[{first}]), regwatch_segment(t.[{second}]) "
               f"from [{table}] t join temp.reindexed r on r.id = t.rowid")
    db.execute("drop table temp.reindexed")


@migrations()
def m601_relevance_close_calls(db: Database) -> None:
    """News the relevance rule left out on a close call (it names a measure, too little of one:
    pipelines.relevance.judge) is listed for the analyst with its title, source and the run that
    first left it out; the analyst's decision to keep such a page (`regwatch relevance keep`) is
    kept in relevance_verdicts, and the page is read again on its source's next run."""
    fetch_state = db["fetch_state"]
    fetch_state.add_column("source", str)
    fetch_state.add_column("title", str)
    fetch_state.add_column("close_call", int, not_null_default=0)
    fetch_state.add_column("left_out_run", str)
    fetch_state.create_index(["left_out_run"])
    db["relevance_verdicts"].create(
        {"url": str, "source": str, "verdict": str, "note": str, "decided": str}, pk="url",
    )
    db["relevance_verdicts"].create_index(["source"])


@migrations()
def m701_link_verdicts(db: Database) -> None:
    """The analyst's verdicts on links without a number and on review candidates (`regwatch
    links confirm|reject`): a confirmed pair is a link, a rejected one neither a link nor a
    candidate, every time pipelines.linking links the document. The review list shows only the
    pairs without a verdict."""
    db["link_verdicts"].create(
        {"document": str, "measure": str, "verdict": str, "note": str, "decided": str},
        pk=("document", "measure"),
        foreign_keys=[("document", "documents", "id"), ("measure", "measures", "id")],
    )
    db["link_verdicts"].create_index(["measure"])
    db.execute("DROP VIEW IF EXISTS link_review")
    db.execute("""
        CREATE VIEW link_review AS
        SELECT c.document, d.published, d.source, d.title, d.url, c.measure,
               m.title_zh AS measure_title, m.published AS measure_published, c.score, c.reason,
               c.run_id
        FROM link_candidates c JOIN documents d ON d.id = c.document
        JOIN measures m ON m.id = c.measure
        WHERE NOT EXISTS (SELECT 1 FROM link_verdicts v
                          WHERE v.document = c.document AND v.measure = c.measure)
    """)


@migrations()
def m801_category_reason(db: Database) -> None:
    """How each document's category was read (pipelines.classify.read_category): the rules'
    step that decided it, or the category model that overruled a weak step, with its
    probability and words. Documents archived before have none until they are read again."""
    db["documents"].add_column("category_reason", str)


@migrations()
def m802_suspending_instruments_expire(db: Database) -> None:
    """An instrument whose only effect is to suspend others (No. 70 of 2025) expires after the
    last day of its suspensions (CONTRACT section 9; pipelines.clauses.instrument_expiry). The
    instruments archived before this rule get their expiry from the events their own text
    stated; the next run stores their status and reports the change once."""
    from pipelines.clauses import instrument_expiry

    instruments = db.execute("""
        SELECT m.id, dm.document, d.confidence FROM measures m
        JOIN document_measures dm ON dm.measure = m.id AND dm.relation = 'issues'
        JOIN documents d ON d.id = dm.document
        WHERE m.category = 'suspension' AND NOT EXISTS (
            SELECT 1 FROM measure_events e WHERE e.measure = m.id AND e.kind = 'expired')
    """).fetchall()
    for measure, document, confidence in instruments:
        stated = db.execute(
            "SELECT kind, until, sentence, run_id FROM measure_events "
            "WHERE by_measure = ? AND document = ? AND measure != ?",
            [measure, document, measure]).fetchall()
        expiry = instrument_expiry(
            {"kind": kind, "until": until, "sentence": sentence} for kind, until, sentence, _
            in stated)
        if expiry is None:
            continue
        run_id = max(row[3] or "" for row in stated) or None
        db.execute(
            "INSERT OR IGNORE INTO measure_events (measure, kind, date, document, sentence, "
            "confidence, run_id) VALUES (?, 'expired', ?, ?, ?, ?, ?)",
            [measure, expiry.date, document, expiry.sentence, confidence or "high", run_id])
        db.execute("UPDATE measures SET periods_stale = 1 WHERE id = ?", [measure])


@migrations()
def m803_coverage_cited_only(db: Database) -> None:
    """Per series and year the walks covered, the measures known only as cited by other texts
    (pipelines.backfill.write_coverage): their own text is not archived. Written with the rest
    of a series' row, the next time the coverage is brought up to date."""
    db["coverage"].add_column("cited_only", str)


@migrations()
def m804_status_term(db: Database) -> None:
    """A suspension's own term (the `until` of the event that decides its period) beside the
    period's last day, which a later revocation or resumption may cut short: "suspended until
    2026-07-20, its term ran to 2026-08-10". Periods are written again at the next run."""
    db["measure_status"].add_column("term_until", str)
    db.execute("update measures set periods_stale = 1 where id in (select measure from "
               "measure_status where status in ('suspended', 'partially_suspended'))")


@migrations()
def m805_expired_since(db: Database) -> None:
    """A measure's `status_changed` to `expired` carries the first day it was expired
    (`diff.since`, the day after its `expired` event), which the summary tables give instead of
    the day the run saw it; the changes stored before are given it from the measure's events."""
    import json
    from datetime import date, timedelta

    rows = db.execute("""
        SELECT c.id, c.diff, (SELECT max(e.date) FROM measure_events e
                              WHERE e.measure = c.measure AND e.kind = 'expired'
                              AND e.date < r.as_of)
        FROM changes c JOIN runs r ON r.id = c.run_id
        WHERE c.kind = 'status_changed' AND c."to" = 'expired'
    """).fetchall() if db["changes"].exists() and db["runs"].exists() else []
    for change_id, diff_text, last_day in rows:
        diff = json.loads(diff_text or "{}") or {}
        if last_day is None or diff.get("since"):
            continue
        diff["since"] = (date.fromisoformat(last_day) + timedelta(days=1)).isoformat()
        db.execute("UPDATE changes SET diff = ? WHERE id = ?",
                   [json.dumps(diff, ensure_ascii=False), change_id])


@migrations()
def m810_document_tables(db: Database) -> None:
    """The text of a page's tables (an entity list: one row a line, cells by " | ") and its
    hash, kept with the document and each version, so that a change of the table alone makes a
    new version. Documents archived before have none (NULL: not known): the next fetch fills
    the document's in silently, never a change; their versions keep NULL."""
    for table in ("documents", "document_versions"):
        db[table].add_column("tables", str)
        db[table].add_column("tables_hash", str)


@migrations()
def m811_entity_addresses(db: Database) -> None:
    """The address an announcement gives an entity (its table's 地址 column): with each
    designation as that announcement gives it, and with the entity (the first one known).
    Rows archived before have none (NULL: not known); the next fetch of a listing fills them."""
    for table in ("entities", "designations"):
        db[table].add_column("address", str)


@migrations()
def m820_official_translations(db: Database) -> None:
    """An official translation is found from its Chinese original (documents.translation_of,
    indexed); one archived before it reported on its original's measure gets that link and
    gives the measure its official English title (pipelines.store.link_translations)."""
    db["documents"].create_index(["translation_of"], if_not_exists=True)
    pairs = db.execute("""
        SELECT t.id, t.title, t.confidence, o.id, dm.measure
        FROM documents t JOIN documents o ON o.id = t.translation_of
        JOIN document_measures dm ON dm.document = o.id AND dm.relation = 'issues'
        WHERE t.language != 'zh' AND NOT ifnull(t.machine_translated, 0)
        ORDER BY t.id, dm.measure
    """).fetchall()
    from pipelines.normalize import translates_a_legal_text

    candidates = db["link_candidates"].exists()
    for translation, title, confidence, original, measure in pairs:
        if not translates_a_legal_text(title):
            continue  # no title, or a statement about the text (a spokesperson's answers)
        db.execute(
            "INSERT OR IGNORE INTO document_measures (document, measure, relation, confidence, "
            "reason) VALUES (?, ?, 'reports_on', ?, ?)",
            [translation, measure, confidence or "high",
             f"the official translation of {original}, which issues {measure}"])
        db.execute("DELETE FROM document_measures WHERE document = ? AND measure = ? "
                   "AND reason LIKE 'inferred:%'", [translation, measure])
        if candidates:
            db.execute("DELETE FROM link_candidates WHERE document = ? AND measure = ?",
                       [translation, measure])
        db.execute(
            "UPDATE measures SET title_en = ?, title_en_document = ?, "
            "title_en_machine_translated = 0 WHERE id = ? AND (title_en IS NULL "
            "OR title_en = '' OR title_en_machine_translated = 1)",
            [title, translation, measure])


@migrations()
def m830_link_pending_restored(db: Database) -> None:
    """Archives that applied m401 before it made `link_pending` (it was added to m401 later)
    get the table, with every document to be linked once by the next run; others are left
    alone."""
    if db["link_pending"].exists():
        return
    db["link_pending"].create({"document": str}, pk="document")
    db.execute("insert into link_pending (document) select id from documents")


@migrations()
def m831_suspensions_read_again(db: Database) -> None:
    """Suspensions are read by today's rules (a revoked instrument ends its suspensions, a
    resumption or a revocation decides the return to force): the measures that have any are
    marked, so their status periods are written again at the opening (Archive.open) and the
    next run reports what that changes."""
    db.execute("UPDATE measures SET periods_stale = 1 WHERE id IN (SELECT measure FROM "
               "measure_events WHERE kind IN ('suspended', 'partially_suspended', "
               "'suspension_continued', 'resumed'))")


@migrations()
def m832_yearless_numbers_read(db: Database) -> None:
    """MOFCOM numbers told without their year (第55号、56号公告) are read against the archive at
    the end of a run (pipelines.linking `_yearless_in_archive`): the pages that may tell one (a
    mofcom.gov.cn page, or one naming 商务部, with 号公告, 公告第 or "Announcement No" in it)
    are linked once more by the next run (`link_pending`), which gives them the index key a
    measure stored later finds them by."""
    db.execute("INSERT OR IGNORE INTO link_pending (document) SELECT id FROM documents WHERE "
               "(url LIKE '%mofcom.gov.cn/%' OR title LIKE '%商务部%' OR body LIKE '%商务部%') "
               "AND (title LIKE '%号公告%' OR body LIKE '%号公告%' OR body LIKE '%公告第%' "
               "OR body LIKE '%Announcement No%')")


@migrations()
def m840_search_full_width_forms(db: Database) -> None:
    """Full-width letters and digits are indexed as ASCII (pipelines.search.searchable), so
    2025年第61号 finds a page that writes ２０２５年第６１号: the rows that hold any are indexed
    again (the index of every other row reads the same)."""
    _reindex(db, "documents_fts", "documents", ("title", "body"), _FULL_WIDTH_ALNUM)
    _reindex(db, "annexes_fts", "annexes", ("name", "text"), _FULL_WIDTH_ALNUM)


_FULL_WIDTH_ALNUM = "glob '*[０-９Ａ-Ｚａ-ｚ]*'"


@migrations()
def m900_date_disagreements(db: Database) -> None:
    """Official copies of one text that state a date of the same kind differently
    (pipelines.lifecycle.disagreements): one row per measure and kind of date (kind, clause,
    instrument) while they disagree, with every copy's dates and the ones the archive uses;
    `resolved_run_id` once they agree again. The measures whose events come from more than one
    document are marked, so that the next run reads them by today's rules (one copy's dates
    count) and reports the disagreements they hold once."""
    db["date_disagreements"].create({
        "id": int, "measure": str, "kind": str, "clause": str, "by_measure": str,
        "used_document": str, "used": str, "copies": str, "signature": str,
        "first_run_id": str, "changed_run_id": str, "resolved_run_id": str,
    }, pk="id", if_not_exists=True)
    db["date_disagreements"].create_index(["measure"], if_not_exists=True)
    db.execute("UPDATE measures SET periods_stale = 1 WHERE id IN (SELECT measure FROM "
               "measure_events WHERE kind NOT IN ('issued', 'extension_announced', 'amended') "
               "GROUP BY measure, kind, ifnull(clause, ''), ifnull(by_measure, '') "
               "HAVING count(DISTINCT document) > 1)")


@migrations()
def m910_outbox_dropped(db: Database) -> None:
    """Queued digests that will not be sent: `dropped_at` (when) and `dropped_reason` (why: the
    recipient or channel is no longer in the configuration). A dropped row is neither pending
    nor a failure; it stays in the outbox as the record of what was not sent."""
    db["outbox"].add_column("dropped_at", str)
    db["outbox"].add_column("dropped_reason", str)


@migrations()
def m911_controlled_items_history(db: Database) -> None:
    """Every version's controlled items are kept, each row with the days its version was the
    published list (pipelines.originals.keep_originals): `valid_from`, the night the version was
    first archived (empty for a page's first items: from the measure's start), and
    `valid_until`, the day before the night a later version replaced it (empty: the current
    list). The rows an archive holds (its pages' latest versions only: earlier ones were
    deleted) stay the current list, from the start."""
    if not db["controlled_items"].exists():
        return  # (m201, applied later, makes the table with these columns)
    columns = db["controlled_items"].columns_dict
    for column in ("valid_from", "valid_until"):
        if column not in columns:
            db["controlled_items"].add_column(column, str)
    db["controlled_items"].create_index(["document", "version"], if_not_exists=True)


@migrations()
def m912_run_sources_walks_stuck(db: Database) -> None:
    """Per source and run, the walks back stuck at a bad page (a page the walk retries every
    night, `list_walks.status = 'stopped'`): JSON, one entry per list (`list`, `page`,
    `problem`, `since`: the first night it stopped there). The report and the digest say each
    night that a walk is still stuck, after its source_problem was reported once."""
    db["run_sources"].add_column("walks_stuck", str)


@migrations()
def m913_list_catch_ups(db: Database) -> None:
    """A night that found a list's first page all new reads on, page by page, until it reaches
    an item the archive knows (pipelines/backfill.py, "catching up"); one cut by the page budget
    continues the next night from `next_page` (one row per list while it is under way). A
    source's notes on a run (`run_sources.notes`, JSON): what its lists' reading did beyond
    first pages (catching up, last year's index walked to its end), never a problem. A walk of
    a closed year's index to its end, under way (`list_walks.year_end`)."""
    db["list_catch_ups"].create({
        "source": str, "list": str, "next_page": int, "started_on": str, "pages": int,
    }, pk=("source", "list"), not_null={"pages"}, defaults={"pages": 0}, if_not_exists=True)
    if "notes" not in db["run_sources"].columns_dict:
        db["run_sources"].add_column("notes", str)
    # a walk of a closed year's index to its end (1 while under way; not a backfill)
    if "year_end" not in db["list_walks"].columns_dict:
        db["list_walks"].add_column("year_end", int, not_null_default=0)


@migrations()
def m920_list_catch_up_gaps(db: Database) -> None:
    """The stretches of a list that catching up left unread (`list_catch_ups.gaps`, JSON, top
    to bottom: `after`, the item a stretch begins after; `page`, the page it was on; `top`, the
    list's first item then; `day`, its listed date): pages shift as items are posted, so a
    later night finds a stretch by its item, not by a page number alone."""
    if "gaps" not in db["list_catch_ups"].columns_dict:
        db["list_catch_ups"].add_column("gaps", str)


@migrations()
def m940_documents_revisited_on(db: Database) -> None:
    """Archived articles that no list of the night shows are read again, a few each night, the
    longest unread first (crawler/revisit.py `UnlistedRevisits`): `documents.revisited_on` is
    the last night one was asked for that way, and `documents_revisit` orders a source's
    documents by their last fetch or ask (pipelines.archive.REVISIT_KEY)."""
    if "revisited_on" not in db["documents"].columns_dict:
        db["documents"].add_column("revisited_on", str)
    db.execute("CREATE INDEX IF NOT EXISTS documents_revisit ON documents "
               "(source, max(last_fetched, ifnull(revisited_on, '')))")


@migrations()
def m950_outbox_streams(db: Database) -> None:
    """Each recipient (a mail address, or an Apprise channel's name) has its own digest stream:
    `outbox_streams` names it (`channel`, `recipient`: the bare address in lower case, or the
    channel's name) with when it was first seen, and `outbox_stream_runs` holds the runs queued
    for it (`queued_at` empty: a run queued for others before it was first seen, which it never
    gets). `outbox_runs` stays the runs queued for anyone: a new stream starts after them.
    `outbox.config` is the configuration file that queued a row (absolute path; empty: no file;
    null: queued before it was recorded). An archive's earlier recipients start their streams
    after every run already queued, so nothing is queued again."""
    db["outbox_streams"].create({"channel": str, "recipient": str, "started_at": str},
                                pk=("channel", "recipient"), if_not_exists=True)
    db["outbox_stream_runs"].create(
        {"channel": str, "recipient": str, "run_id": str, "queued_at": str},
        pk=("channel", "recipient", "run_id"), if_not_exists=True)
    db["outbox_stream_runs"].create_index(["run_id"], if_not_exists=True)
    if "config" not in db["outbox"].columns_dict:
        db["outbox"].add_column("config", str)
    from pipelines.mailer import stream_key  # (here: pipelines.mailer imports the archive)

    rows = db.execute("select distinct channel, recipient from outbox").fetchall()
    seen = {(channel or "mail", stream_key(channel or "mail", recipient))
            for channel, recipient in rows}
    started = datetime.now(UTC).isoformat(timespec="seconds")
    for channel, recipient in seen:
        db.execute("insert or ignore into outbox_streams (channel, recipient, started_at) "
                   "values (?, ?, ?)", [channel, recipient, started])
        db.execute("insert or ignore into outbox_stream_runs (channel, recipient, run_id) "
                   "select ?, ?, run_id from outbox_runs", [channel, recipient])


@migrations()
def m960_relisted_designations_again(db: Database) -> None:
    """An event aimed at an entity on a list in general (将X移出…名单) reaches only the
    designations announced by the day it takes effect and not yet removed
    (pipelines.lifecycle.designation_events); before, a removal reached a later re-listing too.
    The designations of an entity listed more than once on a list have their status periods
    (and status) computed again at the next run's end."""
    if not db["designations"].exists():
        return
    db.execute("update designations set periods_stale = 1 where (entity, list) in (select "
               "entity, list from designations group by entity, list having count(*) > 1)")


@migrations()
def m970_entity_aliases_read_again(db: Database) -> None:
    """Entities' aliases are read as a table's alias column is read now
    (pipelines.entities.alias_names): a stored cell such as "原名:蓝海仪器公司(Blue Ocean
    Instruments Inc.)" becomes its names, without the label, one alias each (蓝海仪器公司, Blue
    Ocean Instruments Inc.); several names in one cell become several aliases. Stored once, so
    `screen`, the canned query "Screen a name" and the exports all read the same aliases."""
    from pipelines.entities import reread_aliases

    if not db["entities"].exists():
        return
    rows = db.execute("SELECT id, name_zh, name_en, aliases FROM entities "
                      "WHERE aliases IS NOT NULL AND aliases NOT IN ('', '[]')").fetchall()
    for ent, name_zh, name_en, stored in rows:
        aliases = json.loads(stored)
        again = reread_aliases(aliases, {name_zh, name_en})
        if again != aliases:
            db.execute("UPDATE entities SET aliases = ? WHERE id = ?",
                       [json.dumps(again, ensure_ascii=False), ent])


@migrations()
def m975_newest_first_indexes(db: Database) -> None:
    """The tables Datasette shows newest first on a nullable column (documents by `published`,
    fetch_state by `last_fetched`; crawler/metadata.yml) get an index in that order with the
    primary key after it: a next page (`_next=`, and every page of a streamed CSV) is a walk of
    the index, not a sort of the whole table (Datasette adds "or published is null" to the
    keyset condition, which no single-column index serves: 1 s a page at 110,000 documents)."""
    db.execute("CREATE INDEX IF NOT EXISTS documents_newest_first ON documents "
               "(published DESC, id)")
    if db["fetch_state"].exists():
        db.execute("CREATE INDEX IF NOT EXISTS fetch_state_newest_first ON fetch_state "
                   "(last_fetched DESC, url)")


@migrations()
def m990_no_status_without_evidence(db: Database) -> None:
    """A measure has no status before an event shows it in force (pipelines.lifecycle
    `IN_FORCE_EVIDENCE`: its own text issued or taking effect, a suspension of it begun, a
    resumption); before, one known only as cited (No. 13 of 2025, which No. 69 stops from
    2025-11-10) was `in_force` by default on the days before. Such a stored `in_force` (on the
    latest run's date) is cleared, not reported: no text stated it, and `status` already said
    "no status known"; a later text that ends it is reported "(was not known)". The measures
    with a dated event before any such evidence have their status periods written again at the
    opening, and their status read again by the next run."""
    from pipelines.lifecycle import IN_FORCE_EVIDENCE

    kinds = ", ".join(f"'{kind.value}'" for kind in sorted(IN_FORCE_EVIDENCE))
    latest = db.execute("SELECT max(as_of) FROM runs").fetchone()[0]
    if latest:
        db.execute("UPDATE measures SET status = NULL, suspended_until = NULL "
                   "WHERE status = 'in_force' AND id NOT IN (SELECT measure FROM measure_events "
                   f"WHERE kind IN ({kinds}) AND date IS NOT NULL AND date <= ?)", [latest])
    db.execute("UPDATE measures SET periods_stale = 1 WHERE id IN (SELECT e.measure FROM "
               f"measure_events e WHERE e.date IS NOT NULL AND e.kind NOT IN ({kinds}) "
               "AND e.kind != 'extension_announced' AND NOT EXISTS (SELECT 1 FROM "
               f"measure_events f WHERE f.measure = e.measure AND f.kind IN ({kinds}) "
               "AND f.date IS NOT NULL AND f.date <= e.date))")


@migrations()
def m991_annexes_fetched_on_the_runs_date(db: Database) -> None:
    """`annexes.fetched_at` follows the run's clock (`--as-of`), as
    `document_versions.fetched_at` does (CONTRACT section 1); it was the moment of the
    download, which the annex's WARC record keeps (its WARC-Date). The rows written so (an ISO
    datetime) get their run's as-of date."""
    if not db["annexes"].exists():
        return
    db.execute("UPDATE annexes SET fetched_at = (SELECT as_of FROM runs WHERE runs.id = "
               "annexes.run_id) WHERE fetched_at LIKE '%T%' AND run_id IN (SELECT id FROM runs "
               "WHERE as_of IS NOT NULL)")


@migrations()
def m1010_designation_status_caveat(db: Database) -> None:
    """A designation's listed period before a suspension a text continues (继续暂停) and no
    archived text began carries a caveat (`designation_status.caveat`, pipelines.lifecycle
    `suspension_caveat`): it may already have been suspended then, as the measure's status says.
    The designations whose measure, or whose own events, continue a suspension have their
    periods written again (at the opening that upgrades, and at the next run's end)."""
    if not db["designation_status"].exists():
        return
    if "caveat" not in db["designation_status"].columns_dict:
        db["designation_status"].add_column("caveat", str)
    db.execute("UPDATE designations SET periods_stale = 1 WHERE measure IN (SELECT measure FROM "
               "measure_events WHERE kind = 'suspension_continued') OR EXISTS (SELECT 1 FROM "
               "designation_events e WHERE e.kind = 'suspension_continued' AND e.list = "
               "designations.list AND (e.entity = designations.entity OR (e.entity IS NULL AND "
               "e.measure = designations.measure)))")


@migrations()
def m1020_runs_archive_context(db: Database) -> None:
    """`runs.archive_context`: the archive in one line, its coverage and the numbers it may be
    missing as they stood at the run's end (JSON, pipelines.report.archive_context), so that a
    digest of a run sent later (a backlog, a first digest) or its report written again says
    what that night knew, not what later nights found. Older runs have none: theirs is read
    from the archive as it is."""
    if "archive_context" not in db["runs"].columns_dict:
        db["runs"].add_column("archive_context", str)


@migrations()
def m1040_evidence_as_written(db: Database) -> None:
    """What each kept record was when it was written, checked on every read (`regwatch
    evidence`, Datasette's originals): `warc_date` (its WARC-Date), `warc_block_digest` (its
    WARC-Block-Digest: the HTTP status line, headers and body) and `warc_fields` (its
    WARC-regwatch-* fields as JSON: replayed, insecure-tls, ...) on `document_versions` and
    `annexes`. Rows written before have none: their records are checked as before."""
    for table in ("document_versions", "annexes"):
        if not db[table].exists():
            continue
        columns = db[table].columns_dict
        for column in ("warc_date", "warc_block_digest", "warc_fields"):
            if column not in columns:
                db[table].add_column(column, str)


@migrations()
def m1050_in_force_decided_by(db: Database) -> None:
    """A measure in force again because a suspension of it ran out names no text that decided
    it (`measure_status.by` empty): the suspending text decided the suspension only. Periods
    that named it are written again (by `regwatch upgrade` or the next run)."""
    db.execute("update measures set periods_stale = 1 where id in (select measure from "
               "measure_status where status = 'in_force' and by is not null)")


@migrations()
def m1060_list_walks_recent_pages(db: Database) -> None:
    """The last two pages a walk read (`list_walks.recent_pages`, JSON), so that a walk resumed
    on a later night tells a page repeating the one before it, as within one night."""
    if db["list_walks"].exists() and "recent_pages" not in db["list_walks"].columns_dict:
        db["list_walks"].add_column("recent_pages", str)
