"""`regwatch serve`: a real Datasette server over a real archive, searched like a user would."""

import hashlib
import html
import json
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import free_port, live_children

from pipelines.archive import Archive, document_id
from pipelines.items import DocumentItem
from pipelines.normalize import normalize_item
from pipelines.store import store_item

DOCS = [
    ("https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_a.html",
     "商务部公告2025年第62号 公布对稀土相关技术实施出口管制的决定",
     "决定对稀土相关技术实施出口管制。"),
    ("https://mumbai.mofcom.gov.cn/article/jmxw/202510/1.shtml",
     "Spokesperson on the suspension <script>alert(1)</script>",
     "A one-year suspension of export controls on rare earth items."),
]


def hangup_as_in_a_terminal() -> None:
    """SIGHUP's default action in the server, as under a terminal: a test run started under
    nohup (SIGHUP ignored, which children inherit) would otherwise wait on a server that never
    hears the hangup."""
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def start_server(db: Path) -> tuple[str, subprocess.Popen]:
    """`regwatch serve` on a free port over db, once it answers: (its base URL, the process)."""
    port = free_port()
    # The server's output goes to a file: an undrained pipe would block it once full.
    log = db.with_name(f"serve-{port}.log")
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "crawler.cli", "serve", "--db", str(db), "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, preexec_fn=hangup_as_in_a_terminal)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            return base, process
        except OSError:
            time.sleep(0.1)
    process.kill()
    process.wait(timeout=10)
    pytest.fail(log.read_text(errors="replace"))


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    db = folder / "archive.db"
    archive = Archive.open(db)
    run_id = archive.start_run("2025-11-08", ["test"], None)
    for url, title, body in DOCS:
        store_item(archive, normalize_item(DocumentItem(
            url=url, source="test", source_kind="authority", title=title, body=body,
            language="zh", published_raw="2025-10-09")), run_id, "2025-11-08")
    archive.close()
    base, process = start_server(db)
    yield base
    stop_server(process)


TABLE_PAGE = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_t.html"


def get(url: str) -> str:
    return urllib.request.urlopen(url, timeout=10).read().decode()


def search(server: str, query: str) -> list[str]:
    q = urllib.parse.quote(query)
    rows = json.loads(get(f"{server}/archive/documents.json?_search={q}&_shape=array"))
    return [row["url"] for row in rows]


@pytest.mark.parametrize(("query", "expected_docs"), [
    ("稀土", {0, 1}), ("出口管制", {0}), ("rare earth", {0, 1}), ("suspension", {1})])
def test_datasette_search_box_finds_chinese_and_english(server, query, expected_docs):
    """稀土 and "rare earth" are one term of the glossary: each finds both languages."""
    assert set(search(server, query)) == {DOCS[i][0] for i in expected_docs}


def test_search_box_is_shown_on_documents_page(server):
    page = get(f"{server}/archive/documents")
    assert 'name="_search"' in page


def test_scraped_html_is_shown_as_text(server):
    page = get(f"{server}/archive/documents")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_server_is_read_only(server):
    request = urllib.request.Request(f"{server}/archive/-/query", data=b"sql=delete+from+documents",
                                     method="POST")
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=10)
    rows = json.loads(get(f"{server}/archive.json?sql=select+count(*)+as+n+from+documents"
                          "&_shape=array"))
    assert rows == [{"n": 2}]


def test_canned_query_lists_documents_about_a_measure(server):
    rows = json.loads(get(f"{server}/archive/documents_about_measure.json?measure=MOFCOM-2025-62"
                          "&_shape=array"))
    assert [(r["url"], r["relation"]) for r in rows] == [(DOCS[0][0], "issues")]


def canned_search(server: str, query: str) -> dict[str, str]:
    """The Search documents query's rows: url -> matched."""
    q = urllib.parse.quote(query)
    found = json.loads(get(f"{server}/archive/search_documents.json?q={q}&_shape=array"))
    return {row["url"]: row["matched"] for row in found}


def bad_request(url: str) -> str:
    """The one-line message of a 400 (JSON or HTML)."""
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(url, timeout=10)
    assert error.value.code == 400
    body = error.value.read().decode()
    if ".json" in url:
        return json.loads(body)["error"]
    return html.unescape(re.search(r"<p class=problem>(.*?)</p>", body).group(1))


@pytest.mark.parametrize(("query", "expected_docs"), [
    ("商务部公告2025年第62号", {0}), ("2025年第62号", {0}), ("公告2025", {0}),  # as typed
    ("稀土：", {0, 1}), ("稀土*", {0, 1}), ("出口管制，稀土", {0}), ("rare earth.", {0, 1}),
    ("rare earth)", {0, 1}), ("suspension, export", {1})])
def test_search_finds_the_text_as_typed_punctuation_left_out(server, query, expected_docs):
    """Chinese running into digits is found (the query segmented as the index is), and
    punctuation typed with the words, ASCII or full-width, is left out: the search box and the
    Search documents query alike."""
    expected = {DOCS[i][0] for i in expected_docs}
    assert set(search(server, query)) == expected
    assert set(canned_search(server, query)) == expected


@pytest.mark.parametrize("query", ["", " ", ",", "、。：", '"'])
@pytest.mark.parametrize("suffix", ["", ".json"])
def test_search_box_without_words_shows_the_unfiltered_table(server, query, suffix):
    q = urllib.parse.quote(query)
    page = get(f"{server}/archive/documents{suffix}?_search={q}")
    if suffix:
        assert len(json.loads(page)["rows"]) == len(DOCS)
    else:
        assert "2 rows" in page and "search matches" not in page


def test_search_documents_without_words_says_so(server):
    """Punctuation alone is a one-line message, not "nothing found"; an empty box is the
    query's form, nothing searched."""
    for suffix in ("", ".json"):
        url = f"{server}/archive/search_documents{suffix}?q=%22%2C"
        assert bad_request(url) == (
            "q: no word to search for (spaces and punctuation are left out)")
    assert canned_search(server, "") == {}


def test_a_search_too_long_is_refused_with_one_line(server):
    """One glossary term 2,000 times: a one-line 400 at once (no SQL, no timeout), in the
    search box and the canned queries; the term 40 times is the term once."""
    q = urllib.parse.quote("rare earth " * 2000)
    message = "the search is 22,000 characters long: search for at most 500 characters"
    assert bad_request(f"{server}/archive/search_documents.json?q={q}") == f"q: {message}"
    assert bad_request(f"{server}/archive/search_documents?q={q}") == f"q: {message}"
    assert bad_request(f"{server}/archive/search_annexes.json?q={q}") == f"q: {message}"
    assert bad_request(f"{server}/archive/documents.json?_search={q}") == f"_search: {message}"
    assert canned_search(server, "rare earth " * 40) == canned_search(server, "rare earth")


def test_matched_says_glossary_only_when_the_typed_words_are_not_in_the_row(server):
    assert canned_search(server, "稀土，出口管制") == {DOCS[0][0]: "words"}
    assert canned_search(server, "rare earth 稀土") == {DOCS[0][0]: "words", DOCS[1][0]: "words"}
    assert canned_search(server, "稀土") == {
        DOCS[0][0]: "words", DOCS[1][0]: "glossary: 稀土 = rare earths / 稀土"}


# --- The archive of the bundled demo nights (a real crawl, run once per session) -------------

@pytest.fixture(scope="module")
def demo_db(demo) -> Path:
    return demo[0] / "archive.db"


@pytest.fixture(scope="module")
def demo_server(demo_db):
    before = hashlib.sha256(demo_db.read_bytes()).hexdigest()
    base, process = start_server(demo_db)
    yield base + "/archive"
    stop_server(process)
    assert hashlib.sha256(demo_db.read_bytes()).hexdigest() == before, "serve changed the archive"


def rows(url: str) -> list[dict]:
    """The rows of a page (table or canned query) as JSON: url with .json, _shape=array."""
    path, _, query = url.partition("?")
    if not path.endswith(".json"):
        path += ".json"
    return json.loads(get(f"{path}?{query}&_shape=array" if query else f"{path}?_shape=array"))


def test_metadata_describes_every_table_and_column(demo_db):
    import sqlite3

    from crawler.browse import metadata_for

    metadata = metadata_for(demo_db)
    assert metadata["title"] and metadata["description_html"]
    tables = metadata["databases"]["archive"]["tables"]
    conn = sqlite3.connect(demo_db)
    for table in ("measures", "measure_events", "documents", "document_versions",
                  "document_measures", "changes", "runs", "run_sources", "fetch_state",
                  "measure_documents", "link_candidates", "link_review", "entities",
                  "designations", "designation_status", "designation_events", "annexes",
                  "controlled_items", "annex_refusals", "relevance_verdicts",
                  "link_verdicts"):
        columns = [row[1] for row in conn.execute(f"pragma table_info({table})")]
        assert tables[table]["description"], table
        assert set(columns) == set(tables[table]["columns"]), table
        assert all(tables[table]["columns"].values()), table
    conn.close()


def test_database_page_lists_the_canned_queries(demo_server):
    page = get(demo_server)
    for title in ("Measures in force", "Suspended measures and their end dates",
                  "Deadlines ahead", "Changes of the last 7 days",
                  "A measure&#39;s timeline", "Search documents", "regwatch changes",
                  "Links to review", "Screen a name", "An entity&#39;s timeline",
                  "Who is listed, suspended or removed on a day",
                  "News left out on a close call"):
        assert title in page, title


def test_column_descriptions_and_facets_are_shown(demo_server):
    page = get(f"{demo_server}/measures")
    assert "Last day (inclusive) of the current suspension" in page
    facets = json.loads(get(f"{demo_server}/measures.json"))["facet_results"]
    assert {"category", "confidence", "year", "issuers"} <= set(facets)
    # no facet on the stored status: the page shows each status on its day (measure_status)
    assert "status" not in facets
    category = {v["value"]: v["count"] for v in facets["category"]["results"]}
    # the history included (backfill: the 2023-2025 announcements, UEL 7, the 2024 GACC one);
    # No. 15 of 2026 (night 8, beryllium items); Nos. 19 and 31 of 2026 (suspending, then
    # stopping No. 18's measures) are suspensions too; the history's anti-dumping rulings and,
    # since the sixty-first pass, its investigations opened are steps of duty decisions (tariff)
    assert category == {"controlled_item_change": 14, "suspension": 4, "tariff": 51,
                        "entity_listing": 3, "policy_statement": 2}


def test_measures_sorted_by_published_desc(demo_server):
    published = [r["published"] for r in rows(f"{demo_server}/measures")]
    assert published == sorted(published, reverse=True)


def test_measures_in_force(demo_server):
    ids = {r["id"] for r in rows(f"{demo_server}/measures_in_force?on=2026-11-22")}
    assert "MOFCOM-2025-61" in ids and "MOFCOM-2024-46" not in ids
    # No. 70 and No. 19 of 2026 only suspended others, and their suspensions are over: expired
    assert "MOFCOM-2025-70" not in ids and "MOFCOM-2026-19" not in ids
    before = rows(f"{demo_server}/measures_in_force?on=2026-11-10")
    assert "MOFCOM-2025-70" in {r["id"] for r in before}
    # the history included (backfill), with No. 15 of 2026 (night 8) and No. 31 of 2026 of the
    # entity nights (No. 18 revoked)
    assert len(ids) == 70


def test_a_suspension_cut_short_later_ends_on_its_own_term_until_then(demo_server, demo_db):
    """No. 19 suspends No. 18's four entities for 90 days from 2026-05-12 (to 2026-08-10); No.
    31, published 2026-07-20, stops the measures from 07-21. On 07-01 the deadlines are what was
    known then: the measure's and each entity's suspension end on 08-10 (before: 07-20, a date
    no text had given yet, and no entity line at all); from 07-20 on, no suspension ends (the
    measures are stopped, not back): the removals take effect. The canned query and the Python
    that counts the home page's deadlines agree on every day."""
    from pipelines.regime import deadlines_ahead

    def ends(day: str) -> list[tuple[str, str, str | None]]:
        return sorted((r["day"], r["what"], r["entity"]) for r in rows(
            f"{demo_server}/deadlines?on={day}&days=45") if r["measure"] == "MOFCOM-2026-18")

    july = ends("2026-07-01")
    assert {(d, w) for d, w, _ in july} == {("2026-08-10", "suspension ends"),
                                           ("2026-08-10", "designation suspension ends")}
    assert len([e for _, _, e in july if e]) == 4
    assert {w for _, w, _ in ends("2026-07-20")} == {"removal takes effect"}
    archive = Archive.open_readonly(demo_db)
    try:
        for day in ("2026-05-12", "2026-07-01", "2026-07-19", "2026-07-20", "2026-07-21"):
            python = [(d["day"], d["what"], d["entity"]) for d in deadlines_ahead(archive, day, 45)
                      if d["measure"] == "MOFCOM-2026-18"]
            assert sorted(python) == ends(day), day
    finally:
        archive.close()


def test_suspended_measures_with_end_dates_and_by_whom(demo_server):
    result = rows(f"{demo_server}/suspended_measures?on=2026-11-22")
    assert [(r["id"], r["status"], r["suspended_until"], r["suspended_by"], r["clause"])
            for r in result] == [
        ("MOFCOM-2024-46", "partially_suspended", "2026-11-27", "MOFCOM-2025-72", "第二款")]
    assert "2026年11月27日" in result[0]["sentence"]


def test_deadlines_in_the_next_30_days(demo_server):
    late = rows(f"{demo_server}/deadlines?on=2026-11-22")
    assert [(r["day"], r["days_left"], r["what"], r["measure"], r["by_measure"]) for r in late] == [
        ("2026-11-27", 5, "suspension ends", "MOFCOM-2024-46", "MOFCOM-2025-72")]
    early = rows(f"{demo_server}/deadlines?on=2026-11-05")
    ends = {(r["day"], r["measure"]) for r in early if r["what"] == "suspension ends"}
    assert ends == {("2026-11-10", m) for m in (
        "MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58",
        "MOFCOM-2025-61", "MOFCOM-2025-62")} | {("2026-11-27", "MOFCOM-2024-46")}
    effective = rows(f"{demo_server}/deadlines?on=2025-11-06")
    assert {(r["day"], r["measure"]) for r in effective if r["what"] == "takes effect"} == {
        ("2025-11-10", "GACC-2025-219")}  # No. 61's items 1-2 fall in its suspension
    # (GACC No. 219 was published on 2025-11-06: no deadline of anyone's before that)
    assert "GACC-2025-219" not in {r["measure"] for r in rows(
        f"{demo_server}/deadlines?on=2025-11-01")}
    clause = rows(f"{demo_server}/measure_status.json?measure=MOFCOM-2025-61&clause__notblank=1")
    assert [(r["status"], r["from"], r["to"], r["clause"]) for r in clause] == [
        ("announced", "2025-10-09", "2025-11-30", "第一项、第二项")]
    # a measure taking effect while suspended does not "take effect" then
    assert ("2025-11-08", "MOFCOM-2025-55") not in {
        (r["day"], r["measure"]) for r in rows(f"{demo_server}/deadlines?on=2025-11-07")}
    # a wider window, and without a day: relative to today in Beijing
    wide = rows(f"{demo_server}/deadlines?on=2026-10-01&days=60")
    assert {r["day"] for r in wide} == {"2026-11-10", "2026-11-27"}
    rows(f"{demo_server}/deadlines")


def test_changes_of_the_last_7_days(demo_server):
    last = rows(f"{demo_server}/recent_changes?as_of=2026-11-22")
    assert {r["run_id"] for r in last} == {"2026-11-22-001"}
    assert ("deadline_passed", "MOFCOM-2025-61") in {(r["kind"], r["measure"]) for r in last}
    ids = [r["id"] for r in last]
    assert ids == sorted(ids, reverse=True)
    week = rows(f"{demo_server}/recent_changes?as_of=2025-11-13")
    assert {r["as_of"] for r in week} == {"2025-11-08", "2025-11-10", "2025-11-12", "2025-11-13"}
    assert len(week) == 18 + 4 + 1 + 1


def test_measure_timeline_shows_the_suspension_and_documents(demo_server):
    timeline = rows(f"{demo_server}/measure_timeline?measure=MOFCOM-2025-61")
    suspended = [r for r in timeline if r["what"] == "suspended"]
    assert suspended and all(
        (r["date"], r["until"], r["by_measure"]) == ("2025-11-07", "2026-11-10", "MOFCOM-2025-70")
        for r in suspended)
    assert all(r["url"] and r["sentence"] for r in suspended)
    assert "document issues" in {r["what"] for r in timeline}
    assert "document reports_on" in {r["what"] for r in timeline}
    dates = [r["date"] for r in timeline]
    assert dates == sorted(dates)
    acting = rows(f"{demo_server}/measure_timeline?measure=MOFCOM-2025-70")
    assert "acts on MOFCOM-2025-61: suspended" in {r["what"] for r in acting}


@pytest.mark.parametrize(("query", "expected_title"), [
    ("稀土", "商务部公告2025年第62号 公布对稀土相关技术实施出口管制的决定"),
    ("rare earth", "Rare earth export controls in line with global practices"),
])
def test_search_documents_canned_query(demo_server, query, expected_title):
    found = rows(f"{demo_server}/search_documents?q={urllib.parse.quote(query)}")
    assert any(r["title"].startswith(expected_title[:40]) for r in found), found
    assert rows(f"{demo_server}/search_documents?q=") == []


def test_search_documents_finds_across_languages_marked_as_glossary(demo_server):
    """Chinese announcements for `rare earth`, English news for 稀土, each marked."""
    for query, language in (("rare earth", "zh"), ("稀土", "en")):
        found = rows(f"{demo_server}/search_documents?q={urllib.parse.quote(query)}")
        other = [r for r in found if r["language"] == language]
        assert other, (query, found)
        assert all(r["matched"] == f"glossary: {query} = rare earths / 稀土" for r in other)
        assert all(r["matched"] == "words" for r in found if r["language"] != language)



@pytest.mark.parametrize("name", ["Skyvault", "深蓝声学", "Anvil Avionics"])
def test_search_finds_the_announcement_that_listed_an_entity(demo_server, name):
    """An entity's name stands only in the table of the announcement that listed it (No. 18 of
    2026): the documents' search finds that announcement by it."""
    found = rows(f"{demo_server}/search_documents?q={urllib.parse.quote(name)}")
    assert any(r["title"].startswith("商务部公告2026年第18号") for r in found), found


def test_changes_atom_feed(demo_server):
    feed = ElementTree.fromstring(get(f"{demo_server}/changes_feed.atom"))
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == 96
    assert entries[0].find(f"{atom}title").text.startswith("[status_changed] MOFCOM-2025-70")
    first = entries[1]
    assert first.find(f"{atom}id").text == "urn:regwatch:change:95"
    assert first.find(f"{atom}title").text.startswith("[deadline_passed] MOFCOM-2025-62")
    # an entry about a measure links to its measure page: at datasette_url, or, with none
    # configured, at the server that serves the feed
    assert first.find(f"{atom}link").get("href") == (
        f"{demo_server}/measures/MOFCOM-2025-62")
    assert "verify" in first.find(f"{atom}content").text



def test_a_control_character_in_a_change_does_not_break_the_feed(demo_db, tmp_path):
    """An archive made before titles were cleaned may hold an escape sequence (a page's pasted
    text): the feed still parses, without it. A run's summary or a source problem links to the
    run's report (a feed reader cannot open a urn:), and every entry has an author (RFC 4287)."""
    import shutil
    import sqlite3

    db = tmp_path / "archive.db"
    shutil.copy(demo_db, db)
    conn = sqlite3.connect(db)
    conn.execute("insert into changes (run_id, kind, source, title, summary) values "
                 "('2026-11-22-001', 'source_problem', 'mofcom', ?, ?)",
                 ["t\x1b[31mRED\x1b]0;x\x07", "s\x0cummary\x00"])
    conn.commit()
    conn.close()
    base, process = start_server(db)
    try:
        text = get(f"{base}/archive/changes_feed.atom")
    finally:
        stop_server(process)
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ElementTree.fromstring(text).findall(f"{atom}entry")
    assert entries[0].find(f"{atom}title").text == "[source_problem] t[31mRED]0;x"
    assert entries[0].find(f"{atom}link").get("href") == f"{base}/-/reports/2026-11-22-001.html"
    assert all(e.find(f"{atom}author/{atom}name").text == "regwatch" for e in entries)
    assert not [e for e in entries if e.find(f"{atom}link").get("href").startswith("urn:")]



def test_datasette_csv_writes_a_pages_formula_as_text(demo_db, tmp_path):
    """A document title that would start a spreadsheet formula (=HYPERLINK to another site) is
    text in Datasette's CSV, as in every CSV regwatch writes, streamed or not; a multi-line
    cell and a plain negative number come through unchanged."""
    import csv
    import io
    import shutil
    import sqlite3

    db = tmp_path / "archive.db"
    shutil.copy(demo_db, db)
    conn = sqlite3.connect(db)
    evil = '=HYPERLINK("http://evil.example/x","商务部公告")'
    conn.execute("update documents set title = ?, body = ? where id = (select min(id) from "
                 "documents)", [evil, "第一段\r\n=第二段"])
    conn.commit()
    conn.close()
    base, process = start_server(db)
    try:
        answers = [get(f"{base}/archive/documents.csv?_size=max"),
                   get(f"{base}/archive/documents.csv?_stream=on")]
        numbers = get(f"{base}/archive.csv?sql=select+-2+as+n,+'@x'+as+t")
    finally:
        stop_server(process)
    for text in answers:
        rows = list(csv.DictReader(io.StringIO(text)))
        titles = [r["title"] for r in rows]
        assert "'" + evil in titles and evil not in titles
        assert "第一段\r\n=第二段" in [r["body"] for r in rows]  # not a cell's start
        assert len(rows) > 50
    assert list(csv.reader(io.StringIO(numbers))) == [["n", "t"], ["-2", "'@x"]]


def test_number_gaps_and_coverage_in_datasette(demo_server):
    gaps = {(g["series"], g["year"]): g for g in rows(f"{demo_server}/number_gaps_to_check")}
    gap = gaps[("MOFCOM", 2024)]
    assert (gap["highest"], gap["missing"]) == (51, "MOFCOM-2024-47, -48")
    # 2025's index, walked to its end on the first night of 2026 (the demo's is abridged);
    # GACC's 2025, checked so far since Customs' column was walked back in November 2025;
    # 2026 so far, its index read to its end the first time (2026-01-06)
    assert gaps[("MOFCOM", 2025)]["highest"] == 72 and set(gaps) == {
        ("MOFCOM", 2024), ("MOFCOM", 2025), ("GACC", 2025), ("MOFCOM", 2026)}
    assert {k: g["under_way"] for k, g in gaps.items() if g["under_way"]} == {
        ("MOFCOM", 2026): 1}  # (the last night is in 2026)
    assert [r["measure"] for r in rows(f"{demo_server}/number_gaps.json?year=2024")
            ] == ["MOFCOM-2024-47", "MOFCOM-2024-48"]  # (GACC's come first on the first page)
    coverage = {r["source"]: r for r in rows(f"{demo_server}/coverage_by_source")}
    assert (coverage["mofcom"]["earliest"], coverage["mofcom"]["walk"],
            coverage["mofcom"]["last_complete_walk"]) == ("2023-07-03", "complete", "2026-01-06")
    assert coverage["globaltimes"]["walk"] is None  # news is not walked back
    assert "the walks covered the year" in get(f"{demo_server}/coverage")


NO61 = "6daf38bd6d59c64f"  # www.mofcom.gov.cn/zwgk/…/art_7fc9bff0….html: its annex replaced
NIGHTS = Path(__file__).resolve().parent.parent / "demo" / "nights"
NO61_PAGE = "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_7fc9bff0fb4546ecb02f66ee77d0e5f6.html"
NO61_ANNEX = "www.mofcom.gov.cn/cms_files/filemanager/1928930928/attach/202510/1b7e3c5d9a2f4e60.pdf"


def fetch(url: str) -> tuple[dict[str, str], bytes]:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return {k.lower(): v for k, v in answer.headers.items()}, answer.read()


def test_a_version_links_to_its_original_served_never_as_a_page(demo_server):
    base = demo_server.rsplit("/", 1)[0]
    [version] = rows(f"{demo_server}/document_versions?document={NO61}&version=1")
    assert version["warc_file"] == "2025-10-09-001.warc.gz"
    page = get(f"{demo_server}/document_versions?document={NO61}")
    assert f'href="/-/original/archive/{NO61}/1"' in page
    headers, body = fetch(f"{base}/-/original/archive/{NO61}/1")
    assert body == (NIGHTS / "2025-10-09" / NO61_PAGE).read_bytes()
    assert headers["content-type"] == "application/octet-stream"
    assert headers["content-disposition"].startswith("attachment;")
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["content-security-policy"] == "sandbox"
    headers, body = fetch(f"{base}/-/original/archive/{NO61}/1?as=text")
    assert headers["content-type"] == "text/plain; charset=utf-8"
    assert headers["content-security-policy"] == "sandbox"
    assert "<meta name=\"ArticleTitle\"" in body.decode("utf-8")


def test_each_version_keeps_its_own_annex_file(demo_server):
    base = demo_server.rsplit("/", 1)[0]
    annexes = rows(f"{demo_server}/annexes?document={NO61}&_sort=version")
    assert [a["version"] for a in annexes] == [1, 2]
    first, second = (fetch(f"{base}/-/annex/archive/{a['id']}")[1] for a in annexes)
    assert first == (NIGHTS / "2025-10-09" / NO61_ANNEX).read_bytes()
    assert second == (NIGHTS / "2026-03-16" / NO61_ANNEX).read_bytes() != first
    headers, text = fetch(f"{base}/-/annex/archive/{annexes[1]['id']}?as=text")
    assert headers["content-type"] == "text/plain; charset=utf-8"
    assert "3. 含有第一部分所列物项的稀土抛光粉" in text.decode("utf-8")


def test_an_articles_further_page_is_given_out_and_linked_too(demo_server):
    """The China Daily article of 2026-01-06 runs over two pages, and the version's text holds
    both: page 2's original is given out too (`?page=2`), and the document's page links it
    (before, only page 1 could be had, through Datasette)."""
    base = demo_server.rsplit("/", 1)[0]
    doc = document_id(f"https://{DAILY_PAGE}")
    page = get(f"{demo_server}/documents/{doc}")
    assert f'href="/-/original/archive/{doc}/1?page=2">download</a>' in page
    headers, body = fetch(f"{base}/-/original/archive/{doc}/1?page=2")
    assert body == (NIGHTS / "2026-01-06" / DAILY_PAGE.replace(".html", "_2.html")).read_bytes()
    assert headers["content-disposition"].startswith("attachment;")
    assert f"{doc}-v1-p2-" in headers["content-disposition"]
    _, first = fetch(f"{base}/-/original/archive/{doc}/1")
    assert first == (NIGHTS / "2026-01-06" / DAILY_PAGE).read_bytes()
    for asked in ("3", "0", "x"):
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(f"{base}/-/original/archive/{doc}/1?page={asked}", timeout=10)
        assert error.value.code == 404


DAILY_PAGE = "www.chinadaily.com.cn/a/202601/06/WS695c6f2ea310d6866eb3b2a1.html"


@pytest.mark.parametrize("path", ["/-/original/archive/0000000000000000/1",
                                  f"/-/original/archive/{NO61}/9",
                                  "/-/original/nodb/0000000000000000/1",
                                  "/-/annex/archive/999999"])
def test_originals_that_do_not_exist_are_404(demo_server, path):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(demo_server.rsplit("/", 1)[0] + path, timeout=10)
    assert error.value.code == 404


def test_which_measures_control_an_hs_code(demo_server):
    found = rows(f"{demo_server}/measures_controlling_hs?hs=2805.30.11.00&on=2026-03-16")
    assert [(r["measure"], r["code"], r["status"]) for r in found] == [
        ("MOFCOM-2025-18", "1C906.a", "in_force")]
    heading = rows(f"{demo_server}/measures_controlling_hs?hs=280530&on=2026-03-16")
    assert {r["measure"] for r in heading} == {"MOFCOM-2025-18", "MOFCOM-2025-57"}
    assert {r["status"] for r in heading if r["measure"] == "MOFCOM-2025-57"} == {"suspended"}
    assert rows(f"{demo_server}/measures_controlling_hs?hs=") == []


def test_what_a_control_list_code_covers(demo_server):
    [item] = rows(f"{demo_server}/what_code_covers?code=1e902.b&on=2026-11-22")
    assert (item["code"], item["measure"]) == ("1E902.b", "MOFCOM-2025-62")
    assert item["description_zh"].startswith("稀土相关生产线的装配")
    assert item["status"] == "in_force"  # the suspension by No. 70 ended on 2026-11-10
    suspended = rows(f"{demo_server}/what_code_covers?code=1E902&on=2026-03-16")
    assert [(r["code"], r["status"]) for r in suspended] == [("1E902.a", "suspended"),
                                                             ("1E902.b", "suspended")]


def test_annexes_are_searchable_in_chinese_and_english(demo_server):
    found = rows(f"{demo_server}/search_annexes?q={urllib.parse.quote('铍铜母合金')}")
    assert [r["name"] for r in found] == ["附件：铍相关物项清单.pdf"]
    found = rows(f"{demo_server}/search_annexes?q=Samarium+oxide")  # No. 18's English column
    assert [r["name"] for r in found] == ["附件：部分中重稀土相关物项清单.pdf"]
    table = rows(f"{demo_server}/annexes?_search={urllib.parse.quote('抛光粉')}")
    assert [r["version"] for r in table] == [2]
    # one character (an element's name) is found wherever it stands, in annexes and documents
    beryllium = rows(f"{demo_server}/search_annexes?q={urllib.parse.quote('铍')}")
    assert "附件：铍相关物项清单.pdf" in [r["name"] for r in beryllium]
    gallium = rows(f"{demo_server}/search_documents?q={urllib.parse.quote('镓')}")
    assert any("镓" in r["title"] for r in gallium)


def test_report_links_work(demo_server, demo_db):
    import sqlite3

    from pipelines.report import datasette_links

    links = datasette_links(demo_server.rsplit("/", 1)[0], "archive")
    document = sqlite3.connect(demo_db).execute(
        "select document from changes where measure = 'MOFCOM-2025-61' and document is not null"
    ).fetchone()[0]
    assert "商务部" in get(links["documents"] + document)
    assert "MOFCOM-2025-61" in get(links["measures"] + "MOFCOM-2025-61")
    events = json.loads(get(links["events"].replace("measure_events?", "measure_events.json?")
                            + "MOFCOM-2025-61&_shape=array"))
    assert events and {e["measure"] for e in events} == {"MOFCOM-2025-61"}
    assert "measure_events" in get(links["events"] + "MOFCOM-2025-61")


def test_nothing_can_be_written(demo_server):
    attempts = [
        urllib.request.Request(f"{demo_server}/documents/-/insert", method="POST",
                               data=json.dumps({"row": {"id": "x"}}).encode(),
                               headers={"Content-Type": "application/json"}),
        urllib.request.Request(f"{demo_server}/measures/MOFCOM-2025-61/-/delete", method="POST",
                               data=b"{}", headers={"Content-Type": "application/json"}),
        urllib.request.Request(f"{demo_server}?sql=" + urllib.parse.quote(
            "insert into fetch_state (url) values ('x')")),
        urllib.request.Request(f"{demo_server}/-/query", method="POST",
                               data=b"sql=delete+from+measures"),
    ]
    for request in attempts:
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=10)
    assert rows(f"{demo_server}.json?sql=select+count(*)+as+n+from+measures") == [{"n": 74}]
    assert rows(f"{demo_server}.json?sql=select+count(*)+as+n+from+fetch_state"
                "+where+url+%3D+'x'") == [{"n": 0}]


def test_even_a_writable_canned_query_cannot_write(tmp_path, demo_db):
    """The plugin makes every connection query-only, Datasette's write connection included."""
    import asyncio
    import shutil
    import sqlite3

    from datasette.app import Datasette

    from crawler.browse import metadata_for

    db = tmp_path / "archive.db"
    shutil.copy(demo_db, db)
    ds = Datasette([str(db)], metadata=metadata_for(db))
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query"):
        asyncio.run(ds.get_database("archive").execute_write(
            "delete from measures where id = 'MOFCOM-2025-61'"))
    assert sqlite3.connect(db).execute("select count(*) from measures").fetchone() == (74,)


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGKILL],
                         ids=lambda s: s.name)
def test_stopping_serve_leaves_nothing_running(tmp_path, how):
    db = tmp_path / "archive.db"
    Archive.open(db).close()
    base, process = start_server(db)
    port = int(base.rsplit(":", 1)[1])
    assert live_children(process.pid) == []  # Datasette runs in regwatch's own process
    before = set(Path(tempfile.gettempdir()).iterdir())
    process.send_signal(how)
    process.wait(timeout=10)
    assert port_is_free(port)
    assert set(Path(tempfile.gettempdir()).iterdir()) <= before


def test_the_versions_table_links_each_later_version_to_a_working_compare_view(demo_server):
    """The compare links of the document_versions table (where the document column is an
    expanded foreign key) open the compare view, as the document page's do."""
    page = get(f"{demo_server}/document_versions")
    links = re.findall(r'<a class="compare" href="([^"]+)"', page)
    assert links
    base = demo_server.rsplit("/archive", 1)[0]
    for link in links:
        path = html.unescape(link)
        assert re.fullmatch(r"/archive/-/compare/[0-9a-f]{16}\?from=\d+&to=\d+", path), path
        assert "compare" in get(base + path).lower()


@pytest.fixture
def table_page_server(tmp_path):
    """A page whose second version changes only its date and a row of its table, served."""
    db = tmp_path / "archive.db"
    archive = Archive.open(db)
    for day, as_of, firm in (("2025-10-09", "2025-11-08", "甲公司"),
                             ("2025-10-10", "2025-11-09", "乙公司<b>")):
        run_id = archive.start_run(as_of, ["test"], None)
        table = (f"<table><tr><td>序号</td><td>名称</td></tr><tr><td>1</td><td>{html.escape(firm)}"
                 "</td></tr></table>")
        store_item(archive, normalize_item(DocumentItem(
            url=TABLE_PAGE, source="test", source_kind="authority", title="工作机制公告",
            body="将下列实体列入清单。", language="zh", published_raw=day, tables=[table])),
            run_id, as_of)
    archive.close()
    base, process = start_server(db)
    yield base
    stop_server(process)


def test_compare_view_shows_a_changed_date_and_table_row(table_page_server):
    """A version that changes only the page's date and a row of its table (a renamed firm) is
    no "The texts are the same": the compare view shows both dates and the row's characters,
    the page's own markup as text."""
    doc_id = hashlib.sha256(TABLE_PAGE.encode()).hexdigest()[:16]
    page = get(f"{table_page_server}/archive/-/compare/{doc_id}?from=1&to=2")
    assert "The texts are the same." not in page
    assert "its date and its tables changed" in page
    assert "<del>2025-10-09</del>" in page and "<ins>2025-10-10</ins>" in page
    rows = page.split("<h2>Changed table rows (1)</h2>", 1)[1]
    assert "1 | <del>甲公司</del><ins>乙公司&lt;b&gt;</ins>" in rows


def test_an_original_that_does_not_match_the_archive_is_an_error_page_never_its_bytes(
        tmp_path):
    """An annex record rewritten with another PDF (digests recomputed) and a version pointing
    at another page's record: Datasette answers 409 with a page saying what differs, and never
    serves the bytes; the originals that match are served as before."""
    from test_originals import (
        OTHER,
        PAGE,
        PDF,
        PDF2,
        URL,
        Night,
        forge,
        item,
    )

    from pipelines.archive import document_id

    night = Night(tmp_path, "archive.db")
    # the annex's record last in the file: rewriting it moves no other record
    night.store(item(url=OTHER, page=PAGE + b"<!-- other -->", annexes=[]), item())
    archive = night.archive
    [annex] = archive.annexes_of(document_id(URL), 1)
    mine, other = (archive.version(document_id(u), 1) for u in (URL, OTHER))
    with archive.transaction():  # URL's version 2 points at OTHER's record
        archive.db["document_versions"].insert(
            {**{k: v for k, v in mine.items() if k != "id"}, "version": 2,
             "warc_offset": other["warc_offset"], "warc_length": other["warc_length"]})
    archive.close()
    base, process = start_server(tmp_path / "archive.db")
    try:
        original = f"{base}/-/original/archive/{document_id(URL)}"
        assert fetch(f"{base}/-/annex/archive/{annex['id']}")[1] == PDF
        assert fetch(f"{original}/1")[1] == PAGE
        forge(night.evidence / annex["warc_file"], annex["warc_offset"], PDF2)
        answers = {}
        for path in (f"/-/annex/archive/{annex['id']}", f"{original[len(base):]}/2",
                     f"{original[len(base):]}/2?as=text"):
            with pytest.raises(urllib.error.HTTPError) as error:
                urllib.request.urlopen(base + path, timeout=10)
            answers[path] = (error.value.code, error.value.read())
        assert fetch(f"{original}/1")[1] == PAGE  # the page's own record is untouched
    finally:
        stop_server(process)
    (annex_code, annex_page), *page_answers = answers.values()
    assert annex_code == 409 and PDF2 not in annex_page and b"%PDF" not in annex_page
    text = html.unescape(annex_page.decode("utf-8"))
    assert "The kept original does not match the archive" in text
    assert (f"the original is not given out: {annex['warc_file']} at {annex['warc_offset']}: "
            "the kept annex does not match the archive: ") in text
    assert f"its SHA-256 is {hashlib.sha256(PDF2).hexdigest()[:16]}…" in text
    for code, page in page_answers:
        assert code == 409 and b"<!-- other -->" not in page
        assert f"it is a record of {OTHER}, the archive recorded {URL}" in html.unescape(
            page.decode("utf-8"))


def test_an_original_whose_status_line_was_edited_is_a_409_never_its_bytes(tmp_path):
    """The page's status line edited in its WARC record (200 → 404 or the like, a valid gzip
    member of the recorded length, the body untouched): /-/original answers 409 saying the
    status line or headers do not match the record's block digest, never the bytes."""
    from test_evidence import FORGED_STATUS, edit_record
    from test_originals import PAGE, URL, Night, item

    from pipelines.archive import document_id

    night = Night(tmp_path, "archive.db")
    night.store(item())
    version = night.archive.version(document_id(URL), 1)
    night.archive.close()
    edit_record(night.evidence / version["warc_file"], version["warc_offset"],
                version["warc_length"], b"HTTP/1.1 200 OK", *FORGED_STATUS)
    base, process = start_server(tmp_path / "archive.db")
    try:
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(f"{base}/-/original/archive/{document_id(URL)}/1",
                                   timeout=10)
        code, page = error.value.code, error.value.read()
    finally:
        stop_server(process)
    assert code == 409 and PAGE not in page
    assert ("its HTTP status line or headers do not match its block digest"
            in html.unescape(page.decode("utf-8")))


def test_an_annex_whose_warc_date_was_rewritten_is_a_409_never_its_bytes(tmp_path):
    """The annex record's WARC-Date rewritten (no digest covers it): /-/annex answers 409
    saying which date it has and which the archive recorded when it was written."""
    from test_evidence import edit_record
    from test_originals import FORGED_DATES, PDF, URL, Night, item

    from pipelines.archive import document_id

    night = Night(tmp_path, "archive.db")
    night.store(item())
    [annex] = night.archive.annexes_of(document_id(URL), 1)
    night.archive.close()
    new = edit_record(night.evidence / annex["warc_file"], annex["warc_offset"],
                      annex["warc_length"], b"WARC-Date: 2025-10-09T01:30:05Z", *FORGED_DATES)
    base, process = start_server(tmp_path / "archive.db")
    try:
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(f"{base}/-/annex/archive/{annex['id']}", timeout=10)
        code, page = error.value.code, error.value.read()
    finally:
        stop_server(process)
    assert code == 409 and PDF not in page and b"%PDF" not in page
    assert (f"its WARC-Date is {new[11:].decode()}, the archive recorded 2025-10-09T01:30:05Z"
            in html.unescape(page.decode("utf-8")))
