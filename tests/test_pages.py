"""The analyst's pages in a real `regwatch serve` over the demo archive: the measure page, the
regime on any date (?on=), bad days as a 400, the stale-archive line, the home page, the topic
feed, the version compare view and the reports folder."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import urllib.error
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

import pytest
from test_serve import get, start_server, stop_server

from pipelines.archive import document_id

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(demo):
    """The demo archive served, with its reports folder: the base URL."""
    folder = demo[0]
    base, process = start_server_in(folder)
    yield base
    stop_server(process)


def start_server_in(folder: Path):  # type: ignore[no-untyped-def]
    import os

    cwd = os.getcwd()
    os.chdir(folder)  # the reports folder (diff_reports/) is found from the working directory
    try:
        return start_server(folder / "archive.db")
    finally:
        os.chdir(cwd)


def status_of(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def test_measure_page_of_61(site):
    page = get(f"{site}/archive/measures/MOFCOM-2025-61?on=2026-03-01")
    assert "On <strong>2026-03-01</strong>:" in page
    assert "suspended by MOFCOM-2025-70 until 2026-11-10 (inclusive)" in page
    # the timeline: the measure's periods, then the clause row (items 1-2 from 2025-12-01)
    assert page.count('<tr class="period') == 4
    # (their date falls inside the suspension of the whole measure: not "takes effect")
    assert "clause 第一项、第二项" in page and "takes effect on 2025-12-01" not in page
    assert ("due to take effect on 2025-12-01, when the whole measure is suspended by "
            "MOFCOM-2025-70 until 2026-11-10 (inclusive)") in page
    assert "back in force from 2026-11-11 unless an extension is found" in page
    # one "issued" event, both copies (mofcom and the export-control portal) as evidence
    issued = page.split('<tr class="event kind-issued">', 1)[1].split("</tr>", 1)[0]
    assert issued.count("live page</a>") == 2 and issued.count("kept copy</a>") == 2
    assert "mofcom_exportcontrol" in issued
    assert page.count('<tr class="event kind-issued">') == 1
    # the official text, the documents by relation and confidence, links to the originals
    assert "The official text" in page and "一、境外组织和个人出口" in page
    assert "Its own text" in page and "Reports on it" in page and "Mentions it" in page
    assert 'href="http://exportcontrol.mofcom.gov.cn/' in page
    # the controlled items read from its annex as the list read on the day: the first annex
    # (its corrected file of night 8, 2026-03-16, came later: issue 12, and the list of a day
    # is that day's); no designations section: No. 61 lists no entity (issue 13)
    assert "<h2>Controlled items (4)</h2>" in page and "含有第一部分所列物项的靶材" in page
    assert "溅射靶材" not in page and "No longer on its list" not in page
    assert "Entities it designates" not in page
    corrected = get(f"{site}/archive/measures/MOFCOM-2025-61?on=2026-03-16")
    assert "<h2>Controlled items (5)</h2>" in corrected
    assert "含有第一部分所列物项的溅射靶材" in corrected
    dropped = corrected.split("No longer on its list on 2026-03-16 (1)", 1)[1].split("</table>")[0]
    assert "<td>含有第一部分所列物项的靶材</td>" in dropped and "2026-03-15" in dropped


def test_a_measure_suspended_before_it_took_effect_never_takes_effect_on_a_wrong_day(site):
    """No. 55 was to take effect on 2025-11-08 (its text); No. 70 suspended it from 2025-11-07.
    Its announced period ends on 2025-11-06, which is not the day before it takes effect."""
    page = get(f"{site}/archive/measures/MOFCOM-2025-55?on=2025-10-20")
    assert "takes effect on 2025-11-07" not in page
    assert ("from 2025-11-07, before it takes effect (its text: on 2025-11-08), suspended by "
            "MOFCOM-2025-70 until 2026-11-10 (inclusive)") in page
    # the suspension's end puts it in force for the first time, not "back" in force
    assert "back in force" not in page
    assert "in force from 2026-11-11, when its suspension ended" in page
    assert "it had not taken effect before" in page


def test_measure_page_lists_the_documents_to_review_between_it_and_another(site):
    """Night 13's China Daily story fits No. 18 and No. 57 alike: both pages list it under "To
    review", each naming the other measure and the command; No. 61's page does not."""
    doc = document_id("https://www.chinadaily.com.cn/a/202611/20/WS691e3a52a310d6866eb3c5d7.html")
    for measure, other in (("MOFCOM-2025-57", "MOFCOM-2025-18"),
                           ("MOFCOM-2025-18", "MOFCOM-2025-57")):
        page = get(f"{site}/archive/measures/{measure}")
        section = page.split('<h3 id="to-review">', 1)[1].split("</ul>", 1)[0]
        assert "To review: it or another measure (1)" in section
        assert "Magnet makers say export licences are approved faster" in section
        assert f"DOC <code>{doc}</code>" in section
        assert f'also fits <a href="/archive/measures/{other}">{other}</a>' in section
        assert f"regwatch links confirm DOC {measure}" in section
        assert "score 6" in section and "medium and heavy rare earths" in section
    assert 'id="to-review"' not in get(f"{site}/archive/measures/MOFCOM-2025-61")


def test_document_page_says_what_it_is_linked_to_and_what_to_review(site, demo):
    """A measure's own text lists the measure it issues and the ones it cites; night 13's
    China Daily story lists no measure and both candidates to review, with the commands."""
    db = sqlite3.connect(demo[0] / "archive.db")
    [own] = db.execute("select document from document_measures where measure = "
                       "'MOFCOM-2025-61' and relation = 'issues' and document in (select id "
                       "from documents where source = 'mofcom')").fetchone()
    page = get(f"{site}/archive/documents/{own}")
    table = page.split('<table class="regwatch-measures">', 1)[1].split("</table>", 1)[0]
    assert '<a href="/archive/measures/MOFCOM-2025-61">MOFCOM-2025-61</a></td><td>issues' in table
    assert 'id="to-review"' not in page
    story = document_id("https://www.chinadaily.com.cn/a/202611/20/WS691e3a52a310d6866eb3c5d7.html")
    page = get(f"{site}/archive/documents/{story}")
    assert "No measure is linked to it." in page
    section = page.split('<h3 id="to-review">', 1)[1].split("</ul>", 1)[0]
    assert f"regwatch links confirm {story} MEASURE" in section
    assert [line.split('">', 1)[1].split("</a>", 1)[0] for line in section.split("<li>")[1:]
            ] == ["MOFCOM-2025-18", "MOFCOM-2025-57"]  # the higher score first


def test_measure_page_today_says_which_day(site):
    page = get(f"{site}/archive/measures/MOFCOM-2024-46")
    assert "(today in Beijing)" in page
    assert "clause 第二款" in page  # No. 46's paragraph 2 as a clause row of its timeline


def test_measures_table_on_a_day(site):
    page = get(f"{site}/archive/measures?on=2026-03-01")
    assert "Statuses on <strong>2026-03-01</strong>" in page
    # (the rows' links keep the day: the measure page on that day)
    row = page.split('href="/archive/measures/MOFCOM-2025-61?on=2026-03-01"', 1)[1].split(
        "</tr>", 1)[0]
    assert "status-suspended" in row and "2026-11-10" in row
    later = page.split('href="/archive/measures/MOFCOM-2026-18?on=2026-03-01"', 1)[1].split(
        "</tr>", 1)[0]
    assert "not yet published" in later and "revoked" not in later  # published in May 2026
    after = page = get(f"{site}/archive/measures?on=2026-11-22")
    row = after.split('href="/archive/measures/MOFCOM-2025-61?on=2026-11-22"', 1)[1].split(
        "</tr>", 1)[0]
    assert "status-in_force" in row
    assert "(today in Beijing)" in get(f"{site}/archive/measures")


@pytest.mark.parametrize("query", ["on=garbage", "on=1900-01-01", "on=2999-01-01",
                                   "on=2026-02-30", "days=abc", "days=-3"])
@pytest.mark.parametrize("path", ["/archive/measures", "/archive/measures/MOFCOM-2025-61",
                                  "/archive/deadlines", "/", "/archive/suspended_measures"])
def test_a_bad_day_is_a_400_with_one_line(site, path, query):
    code, body = status_of(f"{site}{path}?{query}")
    assert code == 400
    problem = body.split('<p class=problem>', 1)[1].split("</p>", 1)[0]
    assert "\n" not in problem and ("on:" in problem or "days:" in problem)
    assert "Traceback" not in body


def test_a_bad_day_in_json_is_a_400_in_json(site):
    code, body = status_of(f"{site}/archive/measures_in_force.json?on=yesterday")
    assert code == 400
    assert json.loads(body)["error"].startswith('on: "yesterday" is not an ISO date')


def test_canned_queries_take_the_day(site):
    rows = json.loads(get(f"{site}/archive/suspended_measures.json?on=2026-03-01&_shape=array"))
    assert {r["id"] for r in rows} == {"MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57",
                                       "MOFCOM-2025-58", "MOFCOM-2025-61", "MOFCOM-2025-62",
                                       "MOFCOM-2024-46"}
    assert {r["status_on"] for r in rows} == {"2026-03-01"}


@pytest.mark.parametrize("path", ["/", "/archive", "/archive/measures",
                                  "/archive/measures/MOFCOM-2025-61", "/archive/documents",
                                  "/archive/deadlines"])
def test_every_page_says_the_archive_is_stale(site, path):
    # the demo's last night is 2026-11-22; any later "today" is more than 2 days after it
    from pipelines.dates import today_in_beijing

    assert today_in_beijing() > "2026-11-24", "the demo is no longer in the past"
    assert "Archive last updated 2026-11-22: statuses after that are not known" in get(
        f"{site}{path}")


def test_home_page_leads_with_the_regime_and_the_queries(site):
    page = get(f"{site}/?on=2026-03-01")
    assert "The regime on <strong>2026-03-01</strong>" in page
    assert page.index("Suspended (7)") < page.index("Questions you can ask") < page.index(
        "<h2>Tables</h2>")
    assert "Deadlines ahead" in page and "Topic: rare earths" in page
    tables = page.split("<h2>Tables</h2>", 1)[1]
    assert "_sqlite_migrations" not in tables and "documents_fts" not in tables
    soon = get(f"{site}/?on=2026-11-05")
    assert "Deadlines in the next 30 days (7)" in soon
    # a day when measures were published and not yet in force: counted and listed, so the
    # counts add up to what `regwatch status` gives for that day
    early = get(f"{site}/?on=2025-10-09")
    assert "4 announced (not yet in force)" in early
    listed = early.split("Announced, not yet in force (4)", 1)[1].split("</section>", 1)[0]
    assert all(f">MOFCOM-2025-{n}<" in listed for n in (55, 56, 57, 58))
    assert "Announced, not yet in force" not in soon


def test_topic_feed_of_rare_earths(site):
    feed = ElementTree.fromstring(get(f"{site}/archive/topic_rare_earths.atom"))
    entries = feed.findall(f"{ATOM}entry")
    titles = " ".join(e.find(f"{ATOM}title").text for e in entries)
    # (No. 18 of 2025 is history on the demo's first night, a backfill: no change of its own)
    for measure in ("MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-61", "MOFCOM-2025-62"):
        assert measure in titles, measure
    assert "GACC-2025-219" not in titles and "MOFCOM-2026-1:" not in titles
    links = {e.find(f"{ATOM}link").get("href") for e in entries}
    assert f"{site}/archive/measures/MOFCOM-2025-61" in links  # at the server serving it


def test_compare_view_marks_the_changed_characters(site):
    page = get(f"{site}/archive/-/compare/ff5719f48fcd87eb?from=1&to=2")
    assert "关于加强<del>相关</del>两用物项" in page
    assert "实力的<ins>其他</ins>最终用户" in page
    code, _ = status_of(f"{site}/archive/-/compare/0000000000000000")
    assert code == 404


def test_reports_are_served_read_only(site):
    assert "6 suspensions ended" in get(f"{site}/-/reports/2026-11-22-001.html")
    assert "regwatch reports" in get(f"{site}/-/reports/")
    for bad in ("../archive.db", "%2e%2e/archive.db", "2026-11-22-001.exe"):
        assert status_of(f"{site}/-/reports/{bad}")[0] == 404


def test_measure_page_lists_the_entities_it_designates(site):
    """No. 18 of 2026 (demo night 2026-05-12) lists four entities: they are on its page with
    their status on the day asked; a measure designating none has no such section."""
    page = get(f"{site}/archive/measures/MOFCOM-2026-18?on=2026-06-01")
    section = page.split("Entities it designates (4)", 1)[1].split("</table>", 1)[0]
    assert section.count("<tr><td>") == 4
    # each status is the day's (suspended by No. 19 until 2026-08-10), not the latest run's
    # (the measures stopped by No. 31 from 2026-07-21)
    assert section.count("<td>suspended</td><td>2026-08-10</td>") == 4
    assert "removed" not in section and "status on 2026-06-01" in section
    listed = get(f"{site}/archive/measures/MOFCOM-2026-18?on=2026-05-10")
    section = listed.split("Entities it designates (4)", 1)[1].split("</table>", 1)[0]
    assert section.count("<td>listed</td><td></td>") == 4
    stopped = get(f"{site}/archive/measures/MOFCOM-2026-18?on=2026-08-01")
    assert stopped.count("<td>removed (measures stopped)</td>") == 3
    assert stopped.count("<td>removed (removed from the list)</td>") == 1  # No. 31's 移出
    assert "Entities it designates" not in get(f"{site}/archive/measures/MOFCOM-2025-70")


def test_controlled_items_section_shows_the_rows_of_the_measure(demo, tmp_path):
    """Controlled items (issue 12's table) on the measure page: the rows of that measure (No.
    61's five from its annex, and one more added here); a measure without any has no such
    section."""
    db = tmp_path / "archive.db"
    shutil.copy(demo[0] / "archive.db", db)
    conn = sqlite3.connect(db)
    doc = conn.execute("select document from document_measures where measure = 'MOFCOM-2025-61' "
                       "and relation = 'issues' limit 1").fetchone()[0]
    conn.executescript(f"""
        insert into controlled_items (measure, document, version, code, hs_code,
                                      description_zh)
            values ('MOFCOM-2025-61', '{doc}', 1, '1C902.a', '2805301100', '钐');
    """)
    conn.commit()
    conn.close()
    base, process = start_server(db)
    try:
        page = get(f"{base}/archive/measures/MOFCOM-2025-61")
        other = get(f"{base}/archive/measures/MOFCOM-2025-70")  # it only suspends: no list
    finally:
        stop_server(process)
    assert "Controlled items (6)" in page and "1C902.a" in page and "2805301100" in page
    assert "Controlled items" not in other


def test_home_page_says_what_waits_for_the_analyst(site, demo):
    """The demo's close call (night 13), its documents with review candidates and its number
    gaps, counted as the archive holds them, each linked to where it is checked."""
    page = get(f"{site}/")
    check = page.split("<h2>To check</h2>", 1)[1].split("</ul>", 1)[0]
    db = sqlite3.connect(demo[0] / "archive.db")
    gaps = db.execute("select count(*) from number_gaps").fetchone()[0]
    reviewed = db.execute("select count(distinct document) from link_candidates").fetchone()[0]
    assert gaps > 0
    assert "1 news page left out on a close call" in check
    assert 'href="/archive/news_left_out_close_calls"' in check
    assert f"{gaps} announcement number{'' if gaps == 1 else 's'} that may be missing" in check
    assert 'href="/archive/number_gaps"' in check
    assert reviewed == 1  # night 13's China Daily story on licence approvals
    assert "1 document with links to review" in check
    assert 'href="/archive/link_candidates_to_review"' in check


@pytest.mark.parametrize("day", ["2026-11-22", "2025-11-12"])
def test_home_page_says_a_measure_is_partially_suspended_and_which_clause(site, day):
    """No. 72 suspends paragraph 2 (第二款) of No. 46 of 2024 until 2026-11-27: the home page
    says partially suspended and which clause, as `regwatch status` and the measure page do."""
    page = get(f"{site}/?on={day}")
    headline = page.split('<p class="status-line">', 1)[1].split("<label", 1)[0]
    assert "1 partially suspended" in headline
    section = page.split("<h2>Suspended (", 1)[1].split("</section>", 1)[0]
    row = section.split('href="/archive/measures/MOFCOM-2024-46', 1)[1].split("</tr>", 1)[0]
    assert "partially suspended: clause 第二款 (the rest in force)" in row
    assert "2026-11-27" in row and "MOFCOM-2025-72" in row
    whole = get(f"{site}/?on=2026-03-01").split("<h2>Suspended (7)", 1)[1]
    row = whole.split('href="/archive/measures/MOFCOM-2025-61', 1)[1].split("</tr>", 1)[0]
    assert "the whole measure" in row and "partially" not in row


def test_home_page_on_a_past_day_keeps_the_day_in_every_measure_link(site):
    """On ?on=2025-11-08 every link to a measure page carries the day, the deadlines box's
    (GACC-2025-219) too; without ?on= none does."""
    page = get(f"{site}/?on=2025-11-08")
    deadlines = page.split("<h2>Deadlines in the next 30 days", 1)[1].split("</section>", 1)[0]
    assert 'href="/archive/measures/GACC-2025-219?on=2025-11-08"' in deadlines
    links = re.findall(r'href="/archive/measures/([^"]+)"', page)
    assert links and all(link.endswith("?on=2025-11-08") for link in links), links
    assert all("?on=" not in link for link in re.findall(
        r'href="/archive/measures/([^"]+)"', get(f"{site}/")))


def test_measures_table_downloads_say_the_statuses_of_the_day_shown(site):
    """The table on 2025-11-08 shows No. 61 suspended by No. 70 until 2026-11-10: its JSON and
    CSV links carry the day and say the same; so do the JSON's other shapes and a row's JSON.
    Without ?on= the downloads say the statuses of today, as the page does."""
    import html

    page = get(f"{site}/archive/measures?on=2025-11-08&id=MOFCOM-2025-61")
    row = page.split('href="/archive/measures/MOFCOM-2025-61?on=2025-11-08"', 1)[1]
    assert "status-suspended" in row.split("</tr>", 1)[0]
    links = [html.unescape(u) for u in re.findall(
        r'href="(/archive/measures\.(?:json|csv)[^"]*)"', page)]
    assert len(links) >= 2 and all("on=2025-11-08" in u for u in links), links
    assert '<input type="hidden" name="on" value="2025-11-08">' in page  # the CSV form
    assert '<a data-regwatch-day href="/archive/measures">today</a>' in page
    for url in links:
        body = get(f"{site}{url}")
        if ".csv" in url:
            [record] = csv.DictReader(io.StringIO(body))
        elif "_nl=on" in url:
            record = json.loads(body)
        elif "_shape=object" in url:
            record = json.loads(body)["MOFCOM-2025-61"]
        elif "_shape=array" in url:
            [record] = json.loads(body)
        else:
            data = json.loads(body)
            [record] = [dict(zip(data["columns"], r, strict=True)) for r in data["rows"]]
        assert (record["status"], record["suspended_until"]) == ("suspended", "2026-11-10"), url
    [record] = json.loads(get(f"{site}/archive/measures/MOFCOM-2025-61.json?on=2025-11-08"
                              "&_shape=array"))
    assert (record["status"], record["suspended_until"]) == ("suspended", "2026-11-10")
    body = get(f"{site}/archive/measures.csv?on=2025-11-08&id=MOFCOM-2025-61&_header=off"
               "&_col=status&_col=suspended_until")
    assert body.splitlines() == ["MOFCOM-2025-61,suspended,2026-11-10"]
    # today: No. 46's stored status is the last run's (partially suspended until 2026-11-27)
    [record] = json.loads(get(f"{site}/archive/measures.json?id=MOFCOM-2024-46&_shape=array"))
    assert (record["status"], record["suspended_until"]) == ("in_force", None)
    assert "on=" not in "".join(re.findall(r'href="/archive/measures\.json[^"]*"',
                                           get(f"{site}/archive/measures")))


def test_compare_view_shows_an_annex_that_changed_under_an_unchanged_page(site):
    """No. 61's page is the same in versions 1 and 2; its annex was replaced on 2026-03-16 (a
    target sharpened to 溅射靶材, item 3 稀土抛光粉 added): the compare view says so, with the
    text's changed lines and both kept files, as the night's report does."""
    page = get(f"{site}/archive/-/compare/6daf38bd6d59c64f?from=1&to=2")
    assert "Changed paragraphs (0)" in page and "The texts are the same." not in page
    assert "its annex files changed" in page
    section = page.split("<h2>Changed annexes (1)</h2>", 1)[1]
    assert "附件1：相关物项清单.pdf <span class=\"muted\">(changed)</span>" in section
    assert "含有第一部分所列物项的<ins>溅射</ins>靶材" in section
    assert "<ins>3. 含有第一部分所列物项的稀土抛光粉</ins>" in section
    kept = re.findall(r'href="(/-/annex/archive/\d+)">the file as fetched</a>', section)
    assert len(kept) == 2 and kept[0] != kept[1]
    for url in kept:
        assert get(f"{site}{url}?as=text").count("靶材") >= 1


def test_measure_page_links_the_kept_originals_and_the_annexes(site, demo):
    """No. 15 of 2026 (night 8): its official text links its kept copy (/-/original/) and its
    beryllium annex PDF as fetched (/-/annex/), beside the issuer's live page; every document
    listed links its kept copy too."""
    page = get(f"{site}/archive/measures/MOFCOM-2026-15")
    official = page.split("<h2>The official text</h2>", 1)[1].split("<details", 1)[0]
    db = sqlite3.connect(demo[0] / "archive.db")
    doc, version = db.execute(
        "select d.id, max(v.version) from documents d join document_versions v on "
        "v.document = d.id where d.id = (select title_zh_document from measures where id = "
        "'MOFCOM-2026-15') and v.warc_file is not null").fetchone()
    [annex] = db.execute("select id from annexes where document = ? and version = ? and "
                         "name like '%铍相关物项清单%'", [doc, version]).fetchone()
    db.close()
    assert f'<a class="kept" href="/-/original/archive/{doc}/{version}">kept copy</a>' in official
    assert "the issuer&#39;s page (live)</a>" in official
    assert "铍相关物项清单.pdf" in official
    assert f'<a class="kept" href="/-/annex/archive/{annex}">the file as fetched</a>' in official
    assert get(f"{site}/-/annex/archive/{annex}?as=text").count("铍") > 3
    listed = page.split("<h2>Documents about it</h2>", 1)[1]
    assert listed.count("live page</a>") == listed.count("kept copy</a>") > 0


@pytest.mark.parametrize(("table", "size"), [("documents", 25), ("documents", "max"),
                                             ("fetch_state", 25)])
def test_a_next_page_newest_first_walks_an_index(demo, tmp_path, table, size):
    """The tables shown newest first on a nullable column: Datasette's next page (and every
    page of a streamed CSV, _size=max) asks "published < ? or published is null or …" ordered
    by it and the key; an index in that order answers it without sorting the whole table (1 s
    a page at 110,000 documents before m975)."""
    import asyncio

    from crawler.browse import datasette_for

    folder, _ = demo
    db = tmp_path / "archive.db"
    shutil.copy(folder / "archive.db", db)
    if size == "max":  # a table larger than a page of 1,000
        conn = sqlite3.connect(db)
        conn.execute("insert into documents (id, url, title, published, source) select "
                     "printf('%016x', n), 'https://example.org/' || n, 't', "
                     "printf('2024-%02d-%02d', n % 12 + 1, n % 28 + 1), 'mofcom' from "
                     "(with recursive c(n) as (select 1 union all select n + 1 from c "
                     "where n < 1500) select n from c)")
        conn.commit()
        conn.close()

    async def next_query() -> dict:
        datasette = datasette_for(db)
        await datasette.invoke_startup()
        first = (await datasette.client.get(f"/archive/{table}.json?_size={size}")).json()
        assert first["next"], first
        after = await datasette.client.get(
            f"/archive/{table}.json?_size={size}&_next={first['next']}")
        return after.json()["query"]

    query = asyncio.run(next_query())
    assert " is null or " in query["sql"]  # (what Datasette asks)
    conn = sqlite3.connect(db)
    plan = [row[3] for row in conn.execute("explain query plan " + query["sql"],
                                            query["params"])]
    conn.close()
    assert not any("TEMP B-TREE" in step for step in plan), plan
