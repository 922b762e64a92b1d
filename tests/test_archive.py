"""The archive: one measure per announcement, every version kept, idempotent, atomic."""

import sqlite3

import pytest

from pipelines.archive import Archive, ArchiveError, document_id
from pipelines.diff import item_changes
from pipelines.finish import finish_run
from pipelines.items import Annex, DocumentItem
from pipelines.normalize import normalize_item
from pipelines.store import store_item

NO57_BODY = """【发布单位】安全与管制局

【发布文号】商务部 海关总署公告2025年第57号

【发文日期】2025年10月09日

一、对下列物项实施出口管制：钬、铒、铥、铕、镱相关物项。

二、本公告自2025年11月8日起正式实施。"""
NO57_TITLE = "商务部 海关总署公告2025年第57号 关于对部分中重稀土相关物项实施出口管制的决定"
URL_A = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_59ec4f6bec0b459aa4a30c4bbd0a41c1.html"
URL_B = "https://www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_9510f263c3c246d8936fbfa684a58ca8.html"


def no57(url: str = URL_A, body: str = NO57_BODY) -> DocumentItem:
    return normalize_item(DocumentItem(
        url=url, source="mofcom", source_kind="authority", title=NO57_TITLE, body=body,
        language="zh", published_raw="2025-10-09 09:00", issuing_unit="安全与管制局",
        doc_number="商务部 海关总署公告2025年第57号",
        annexes=[Annex("附件：管制物项清单.pdf", "https://www.mofcom.gov.cn/a.pdf")]))


@pytest.fixture
def archive(tmp_path):
    archive = Archive.open(tmp_path / "archive.db")
    yield archive
    archive.close()


def crawl_night(archive: Archive, as_of: str, items: list[DocumentItem]) -> str:
    """What a run does per item (diff, then store), then the run's end."""
    run_id = archive.start_run(as_of, ["mofcom"], None)
    for item in items:
        item.changes = item_changes(archive, item)
        store_item(archive, item, run_id, as_of)
    archive.record_source(run_id, "mofcom", {"status": "ok", "items": len(items)})
    finish_run(archive, run_id)
    return run_id


def counts(archive: Archive) -> dict[str, int]:
    tables = ["documents", "document_versions", "measures", "document_measures",
              "measure_events", "changes"]
    return {t: archive.count(t) for t in tables}


def kinds(archive: Archive, run_id: str) -> list[str]:
    return sorted(c["kind"] for c in archive.changes(run_id))


def test_same_announcement_under_two_urls_is_one_measure_with_two_documents(archive):
    run_id = crawl_night(archive, "2025-10-09", [no57(URL_A), no57(URL_B)])
    assert archive.count("documents") == 2
    assert archive.measure_ids() == ["MOFCOM-2025-57"]
    measure = archive.measure("MOFCOM-2025-57")
    assert measure["issuers"] == '["MOFCOM", "GACC"]'
    assert (measure["published"], measure["effective"]) == ("2025-10-09", "2025-11-08")
    assert measure["status"] == "announced"
    assert (measure["category"], measure["confidence"]) == ("controlled_item_change", "high")
    links = list(archive.db.query("select document, relation from document_measures"))
    assert {(row["document"], row["relation"]) for row in links} == {
        (document_id(URL_A), "issues"), (document_id(URL_B), "issues")}
    # No. 57 takes effect on 8 November, 30 days ahead: a deadline within the 30-day window
    assert kinds(archive, run_id) == ["deadline_near", "new_document", "new_document",
                                      "new_measure"]
    # each page states the events: kept per document, the status is decided once
    events = archive.events("MOFCOM-2025-57")
    assert sorted((e["kind"], e["document"]) for e in events) == sorted(
        (kind, document_id(url)) for kind in ("issued", "effective") for url in (URL_A, URL_B))


def test_changed_text_gets_a_new_version_and_keeps_the_old(archive):
    crawl_night(archive, "2025-10-09", [no57()])
    amended = NO57_BODY.replace("钬、铒、铥、铕、镱", "钬、铒、铥、铕、镱、镥")
    run_id = crawl_night(archive, "2025-10-10", [no57(body=amended)])
    doc = archive.document_by_url(URL_A)
    assert doc["version"] == 2 and "镥" in doc["body"]
    versions = list(archive.db.query(
        "select version, body from document_versions where document = ? order by version",
        [doc["id"]]))
    assert [v["version"] for v in versions] == [1, 2]
    assert "镥" not in versions[0]["body"] and "镥" in versions[1]["body"]
    [change] = archive.changes(run_id)
    assert change["kind"] == "document_changed"
    assert change["diff"]["fields"] == ["body"]
    assert "+一、对下列物项实施出口管制：钬、铒、铥、铕、镱、镥相关物项。" in change["diff"]["text"]
    assert doc["first_seen"] == "2025-10-09" and doc["last_seen"] == "2025-10-10"


def test_whitespace_only_differences_are_not_a_new_version(archive):
    crawl_night(archive, "2025-10-09", [no57()])
    spaced = NO57_BODY.replace("一、对下列", "一、对下列  ").replace("\n\n", "\n\n\n")
    run_id = crawl_night(archive, "2025-10-10", [no57(body=spaced)])
    assert archive.document_by_url(URL_A)["version"] == 1
    assert archive.changes(run_id) == []


def test_rerun_of_the_same_night_adds_no_rows_but_last_seen(archive):
    crawl_night(archive, "2025-10-09", [no57(URL_A), no57(URL_B)])
    before = counts(archive)
    run_id = crawl_night(archive, "2025-10-11", [no57(URL_A), no57(URL_B)])
    assert counts(archive) == before
    assert archive.changes(run_id) == []
    assert archive.document_by_url(URL_B)["last_seen"] == "2025-10-11"
    assert archive.measure("MOFCOM-2025-57")["last_seen"] == "2025-10-11"


def test_suspension_by_a_later_announcement_changes_status_with_end_date(archive):
    crawl_night(archive, "2025-10-09", [no57()])
    no70 = normalize_item(DocumentItem(
        url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_b1ec77dd3f0d4762952904df7cdaadec.html",
        source="mofcom", source_kind="authority",
        title="商务部 海关总署公告2025年第70号 关于暂停实施商务部 海关总署公告2025年第57号的公告",
        body="一、自即日起至2026年11月10日，暂停实施商务部 海关总署公告2025年第57号"
             "（关于对部分中重稀土相关物项实施出口管制的决定）。\n\n二、本公告自公布之日起实施。",
        language="zh", published_raw="2025-11-07 19:30"))
    run_id = crawl_night(archive, "2025-11-08", [no70])
    status = [c for c in archive.changes(run_id) if c["kind"] == "status_changed"]
    assert [(c["measure"], c["from"], c["to"], c["by"], c["until"]) for c in status] == [
        ("MOFCOM-2025-57", "announced", "suspended", "MOFCOM-2025-70", "2026-11-10")]
    assert "暂停实施" in status[0]["diff"]["sentence"]
    assert archive.measure("MOFCOM-2025-57")["suspended_until"] == "2026-11-10"


def test_an_item_is_stored_atomically(archive, monkeypatch):
    run_id = archive.start_run("2025-10-09", ["mofcom"], None)
    item = no57()
    item.changes = item_changes(archive, item)

    def crash(*args, **kwargs):
        raise RuntimeError("killed mid-item")

    monkeypatch.setattr(archive, "store_measure_ref", crash)
    with pytest.raises(RuntimeError):
        store_item(archive, item, run_id, "2025-10-09")
    assert counts(archive) == dict.fromkeys(counts(archive), 0)


def test_interrupted_run_hands_its_changes_to_the_next(archive):
    killed = archive.start_run("2025-10-09", ["mofcom"], None)
    item = no57()
    item.changes = item_changes(archive, item)
    store_item(archive, item, killed, "2025-10-09")  # then the process dies: no finish
    run_id = crawl_night(archive, "2025-10-09", [no57(), no57(URL_B)])
    assert archive.run(killed)["status"] == "interrupted"
    assert run_id == "2025-10-09-002"
    assert kinds(archive, run_id) == ["deadline_near", "new_document", "new_document",
                                      "new_measure"]
    assert archive.changes(killed) == []


def test_non_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"not a database at all")
    with pytest.raises(ArchiveError, match="is not a SQLite database"):
        Archive.open(path)
    assert path.read_bytes() == b"not a database at all"


def test_wal_mode_and_migrations_are_applied_once(tmp_path):
    Archive.open(tmp_path / "a.db").close()
    Archive.open(tmp_path / "a.db").close()
    conn = sqlite3.connect(tmp_path / "a.db")
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in conn.execute("select name from _sqlite_migrations")]
    assert len(names) == len(set(names)) >= 3


def test_every_migration_is_registered():
    """Every m### function of pipelines/migrations.py is a registered migration (a merge that
    drops a decorator would silently leave a table out of new archives)."""
    import inspect

    from pipelines import migrations as module

    defined = {name for name, f in inspect.getmembers(module, inspect.isfunction)
               if name[:1] == "m" and name[1:4].isdigit()}
    assert defined == {m.name for m in module.migrations._migrations}


def test_an_archive_made_before_the_backfill_upgrades(tmp_path):
    """An archive made by main before the backfill's migrations (m1xx) existed, with the
    entity, linking and morning migrations (m3xx-m5xx) already applied, takes them on its next
    opening: list_walks, coverage, number_gaps and the indexes, its documents kept."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from pipelines.migrations import migrations

    path = tmp_path / "old.db"
    before = Migrations(migrations.name)
    before._migrations = [m for m in migrations._migrations
                          if not m.name.startswith("m1") and m.name < "m6"]
    old = Database(path)
    before.apply(old)
    old["documents"].insert({"id": "d1", "url": "https://www.mofcom.gov.cn/a.html",
                             "source": "mofcom", "published": "2025-10-09"})
    old.close()
    archive = Archive.open(path)
    try:
        assert migrations.pending(archive.db) == []
        for table in ("list_walks", "coverage", "number_gaps"):
            assert archive.db[table].exists(), table
        assert "first_run_id" in archive.db["measures"].columns_dict
        assert archive.db.execute("select count(*) from documents").fetchone()[0] == 1
    finally:
        archive.close()
    names = [r[0] for r in sqlite3.connect(path).execute(
        "select name from _sqlite_migrations order by rowid")]
    backfill = [m.name for m in migrations._migrations if m.name.startswith("m1")]
    # the backfill's migrations come after those the archive had, in their order (with the
    # later ones, m6xx on, which come after them as on any archive)
    assert [n for n in names if n.startswith("m1")] == backfill
    assert names.index(backfill[0]) > max(names.index(m.name) for m in before._migrations)


def test_migrations_apply_in_the_order_of_their_numbers(tmp_path):
    """Prefixes by feature (m0xx core, m2xx evidence, m3xx entities, m4xx linking, m5xx
    morning): a fresh archive applies them in number order, whatever order branches merged."""
    Archive.open(tmp_path / "a.db").close()
    conn = sqlite3.connect(tmp_path / "a.db")
    names = [r[0] for r in conn.execute("select name from _sqlite_migrations order by rowid")]
    conn.close()
    assert names == sorted(names, key=lambda name: int(name[1:].split("_")[0]))  # (m990 < m1010)
    assert {"m201_evidence", "m301_entities", "m401_link_index"} <= set(names)


def test_an_archive_from_before_evidence_is_upgraded_at_its_next_open(tmp_path):
    """An archive made before the evidence migration (m201, defined before later-numbered ones
    an existing archive already has) gets it at its next open, its versions kept."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from pipelines.migrations import migrations

    before = Migrations("regwatch")  # the same set, as it was without m201
    before._migrations = [m for m in migrations._migrations if m.name != "m201_evidence"]
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    before.apply(db)
    db["document_versions"].insert({"document": "d1", "version": 1, "title": "t", "body": "b",
                                    "content_hash": "h", "fetched_at": "2025-11-08"})
    db.conn.commit()
    db.conn.close()
    archive = Archive.open(path)
    try:
        applied = [m.name for m in migrations.applied(archive.db)]
        assert applied[-1] == "m201_evidence" and sorted(applied) == sorted(
            m.name for m in migrations._migrations)
        [version] = archive.versions("d1")
        assert version["insecure_tls"] == 0 and version["warc_file"] is None
        assert archive.annexes_of("d1", 1) == [] and archive.controlled_items("d1") == []
    finally:
        archive.close()


def test_the_list_an_article_is_listed_on_is_the_first_by_address_whatever_the_order(archive):
    from pipelines.run import RunContext, SourceRun

    list_a = "https://www.mofcom.gov.cn/zcfb/blgg/index.html"
    list_b = "https://www.mofcom.gov.cn/zwgk/zcfb/index.html"
    other_source_list = "https://www.customs.gov.cn/list.html"
    crawl_night(archive, "2025-10-09", [no57()])
    found = []
    for lists in ((list_b, list_a), (list_a, list_b)):
        run = SourceRun(RunContext("r", "2025-10-10", archive), "mofcom")
        for list_url in lists:
            run.note_listed(URL_A, list_url)
        archive.mark_all_listed("mofcom", run.listed_on)
        found.append(archive.document_by_url(URL_A)["listed_on"])
    assert found == [list_a, list_a]
    # another source's list never becomes the document's own (its removal check is its source's)
    archive.mark_all_listed("customs", {URL_A: other_source_list})
    assert archive.document_by_url(URL_A)["listed_on"] == list_a


EN_URL = "https://english.mofcom.gov.cn/policyrelease/announcement/art/2025/art_0123.html"
EN_TITLE = "Announcement on Implementing Export Controls on Certain Medium and Heavy Rare Earths"


def english_of(original: str, title: str = EN_TITLE, url: str = EN_URL) -> DocumentItem:
    """An official English page whose title carries no number, linked to its original."""
    return normalize_item(DocumentItem(
        url=url, source="mofcom_english", source_kind="authority", title=title,
        body="Export controls are implemented on the following items: holmium, erbium.",
        language="en", published_raw="2025-10-09 10:00", translation_of=original))


def english_links(archive: Archive, url: str = EN_URL) -> list[tuple[str, str]]:
    return [(r["measure"], r["relation"]) for r in archive._query(
        "select measure, relation from document_measures where document = ? order by measure",
        [document_id(url)])]


@pytest.mark.parametrize("english_first", [True, False])
def test_an_official_translation_titled_without_a_number_gives_its_originals_title_en(
        archive, english_first):
    """SOURCES.md: the English title of the translation of measure X's Chinese original is X's
    official title_en, whichever page is archived first (nights apart)."""
    pages = [english_of(URL_A), no57(URL_A)]
    for night, item in zip(("2025-10-09", "2025-10-10"),
                           pages if english_first else pages[::-1], strict=True):
        crawl_night(archive, night, [item])
    measure = archive.measure("MOFCOM-2025-57")
    assert (measure["title_en"], measure["title_en_document"],
            measure["title_en_machine_translated"]) == (EN_TITLE, document_id(EN_URL), 0)
    assert measure["title_zh"] == NO57_TITLE  # the Chinese text stays the legal text
    assert ("MOFCOM-2025-57", "reports_on") in english_links(archive)
    assert not [r for r in archive._query("select * from document_measures where reason like "
                                          "'inferred:%' and measure = 'MOFCOM-2025-57'")]


def test_a_translation_of_a_copy_of_the_original_in_the_same_night(archive):
    crawl_night(archive, "2025-10-09", [no57(URL_A), english_of(URL_B), no57(URL_B)])
    assert archive.measure("MOFCOM-2025-57")["title_en"] == EN_TITLE


def test_a_translation_of_a_page_that_issues_nothing_names_no_measure(archive):
    press = normalize_item(DocumentItem(
        url=URL_B, source="mofcom_press", source_kind="relay", title="商务部新闻发言人答记者问",
        body="记者问：请介绍有关情况。答：我们注意到有关报道。", language="zh",
        published_raw="2025-10-09 10:00"))
    crawl_night(archive, "2025-10-09", [press, no57(URL_A), english_of(URL_B)])
    assert archive.measure("MOFCOM-2025-57")["title_en"] is None
    assert ("MOFCOM-2025-57", "reports_on") not in english_links(archive)


@pytest.mark.parametrize("title", [
    "MOFCOM Spokesperson Answers Reporters' Questions on the Rare Earth Export Controls",
    "Transcript of MOFCOM's Regular Press Conference (October 9, 2025)",
    "China's export controls: what exporters should know",
])
@pytest.mark.parametrize("english_first", [True, False])
def test_an_english_page_that_is_no_translation_of_the_text_gives_no_title_en(
        archive, title, english_first):
    """A spokesperson's answers or a press conference that link the Chinese text ("see the
    Chinese version") are statements about it: their titles are no official title of it."""
    pages = [english_of(URL_A, title), no57(URL_A)]
    crawl_night(archive, "2025-10-09", pages if english_first else pages[::-1])
    assert archive.measure("MOFCOM-2025-57")["title_en"] is None
    assert ("MOFCOM-2025-57", "reports_on") not in english_links(archive)


def test_an_official_title_en_already_set_is_not_replaced_by_another_translation(archive):
    other = "https://english.mofcom.gov.cn/policyrelease/announcement/art/2025/art_0456.html"
    crawl_night(archive, "2025-10-09", [english_of(URL_A), no57(URL_A)])
    crawl_night(archive, "2025-10-10", [english_of(URL_A, "Announcement (another rendering)",
                                                   other)])
    assert archive.measure("MOFCOM-2025-57")["title_en"] == EN_TITLE
    assert english_links(archive, other) == [("MOFCOM-2025-57", "reports_on")]


def test_an_archive_from_before_translations_were_linked_gets_the_links_at_its_next_open(
        tmp_path):
    """An archive made before m820 (its translation titled without a number left unlinked, its
    measure without title_en, an inferred link in its place) is healed at its next open."""
    path = tmp_path / "old.db"
    archive = Archive.open(path)
    crawl_night(archive, "2025-10-09", [no57(URL_A), english_of(URL_A)])
    en = document_id(EN_URL)
    archive.db.execute("delete from document_measures where document = ?", [en])
    archive.db.execute("insert into document_measures (document, measure, relation, confidence,"
                       " reason) values (?, 'MOFCOM-2025-57', 'mentions', 'low', 'inferred: x')",
                       [en])
    archive.db.execute("update measures set title_en = null, title_en_document = null")
    archive.db.execute("drop index idx_documents_translation_of")
    archive.db.execute("delete from _sqlite_migrations where name = 'm820_official_translations'")
    archive.db.conn.commit()
    archive.close()
    archive = Archive.open(path)
    try:
        measure = archive.measure("MOFCOM-2025-57")
        assert (measure["title_en"], measure["title_en_document"]) == (EN_TITLE, en)
        assert english_links(archive) == [("MOFCOM-2025-57", "reports_on")]
        assert "idx_documents_translation_of" in {i.name for i in archive.db["documents"].indexes}
    finally:
        archive.close()


def test_an_archive_whose_m401_had_no_link_pending_gets_it(tmp_path):
    """m401 once made no `link_pending` (it was added to it later): such an archive gets the
    table at its next open, its documents linked once by the next run (a crawl failed with
    'no such table: link_pending' on every night)."""
    path = tmp_path / "a.db"
    Archive.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("insert into documents (id, url, source) values ('d1', 'https://x.cn/a', 'x')")
    conn.execute("drop table link_pending")
    conn.execute("delete from _sqlite_migrations where name = 'm830_link_pending_restored'")
    conn.commit()
    conn.close()
    archive = Archive.open(path)
    try:
        assert archive.db.execute("select document from link_pending").fetchall() == [("d1",)]
    finally:
        archive.close()
