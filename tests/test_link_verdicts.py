"""The analyst's verdicts on links (`regwatch links review|confirm|reject|undo`, link_verdicts):
a confirmed pair is a link and a rejected one neither a link nor a review candidate, at once and
on every later night that relinks the document (pipelines.linking.with_verdicts); undo gives the
pair back to the rule; a link by number, a measure's own text or a pair the rule never proposed
is refused with one line and nothing written; the review lists (`regwatch links review`, the
link_review view, the home page's "To check") show only the pairs without a verdict."""

import json
import sqlite3
import urllib.request
from pathlib import Path

import pytest
from conftest import regwatch
from test_linking import kuala_lumpur_story, measures, news, night

from pipelines.archive import Archive, document_id
from pipelines.normalize import content_hash

HOSTILE = 'MOFCOM: compliant applications <script>alert("x")</script> will be approved'
TIED = "https://www.example.cn/tied.html"  # fits No. 18 and No. 57 equally: two candidates
INFERRED = "https://www.example.cn/inferred.html"  # linked to No. 18 by the rule, no number
CITED = "https://www.example.cn/cited.html"  # cites No. 18 by its number
OWN = "https://www.mofcom.gov.cn/art/MOFCOM-2025-18.html"  # No. 18's own text (test_linking)
TIED_BODY = ("Asked whether companies could expect faster approvals under the export controls "
             "on medium and heavy rare earth items, the spokesperson said reviews follow the law.")
INFERRED_BODY = ("China's export controls on seven medium and heavy rare earth items, announced "
                 "on Friday, are in line with international practice.")


def stories() -> list:
    return [news(HOSTILE, TIED_BODY, "2025-10-23 21:14", TIED),
            news("Rare earth controls conform with global practice", INFERRED_BODY,
                 "2025-04-05 08:12", INFERRED),
            news("MOFCOM explains Announcement No. 18", "MOFCOM Announcement No. 18 of 2025 on "
                 "medium and heavy rare earth items took effect on Friday.", "2025-04-05 09:00",
                 CITED)]


@pytest.fixture
def db(tmp_path) -> Path:
    """An archive of two nights: No. 18 and No. 57, then the three stories."""
    archive = Archive.open(tmp_path / "a.db")
    night(archive, "2025-10-10", *measures("MOFCOM-2025-18", "MOFCOM-2025-57"))
    night(archive, "2025-10-24", *stories())
    archive.close()
    return tmp_path / "a.db"


def links_cli(db: Path, *args: str):
    return regwatch("links", *args, "--db", db.name, cwd=db.parent)


def later_night(db: Path, as_of: str, url: str, more: str) -> str:
    """A later night that stores a new version of the story at url (so it is relinked)."""
    archive = Archive.open(db)
    try:
        [item] = [s for s in stories() if s.url == url]
        item.body += f"\n\n{more}"
        item.content_hash = content_hash(item)
        run_id = night(archive, as_of, item)
        assert document_id(url) in archive.documents_versioned_in(run_id)
        return run_id
    finally:
        archive.close()


def state(db: Path, url: str) -> tuple[dict, dict]:
    """The story's links (measure: (confidence, reason)) and candidates (measure: run)."""
    conn = sqlite3.connect(db)
    try:
        doc = document_id(url)
        linked = {m: (c, r) for m, c, r in conn.execute(
            "select measure, confidence, reason from document_measures where document = ?",
            [doc])}
        candidates = dict(conn.execute(
            "select measure, run_id from link_candidates where document = ?", [doc]))
        return linked, candidates
    finally:
        conn.close()


def written(db: Path) -> list:
    conn = sqlite3.connect(db)
    try:
        return [sorted(conn.execute(f"select * from {table}")) for table in
                ("link_verdicts", "document_measures", "link_candidates", "measure_events")]
    finally:
        conn.close()


def test_confirm_makes_a_candidate_a_link_that_later_nights_keep(db):
    assert state(db, TIED) == ({}, {"MOFCOM-2025-18": "2025-10-24-001",
                                    "MOFCOM-2025-57": "2025-10-24-001"})
    done = links_cli(db, "confirm", TIED, "mofcom-2025-57", "--note", "the Oct 9 package",
                     "--as-of", "2025-10-25")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"confirmed: MOFCOM-2025-57 and document {document_id(TIED)}")
    assert done.stdout.strip().endswith("was a review candidate, now a link")
    assert len(done.stdout.strip().splitlines()) == 1
    linked, candidates = state(db, TIED)
    confidence, reason = linked["MOFCOM-2025-57"]
    # the document's own confidence (the spokesperson quoted), as a link by number would have
    assert confidence == "medium"
    assert reason.startswith("inferred: confirmed by the analyst on 2025-10-25 (the Oct 9 "
                             "package); the rule's evidence: subjects in its title")
    assert set(candidates) == {"MOFCOM-2025-18"}  # the other one still waits for a verdict

    run_id = later_night(db, "2025-10-26", TIED, "The ministry said so again on Sunday.")
    linked, candidates = state(db, TIED)
    assert candidates == {"MOFCOM-2025-18": run_id}  # relinked by that night
    assert linked["MOFCOM-2025-57"] == (confidence, reason)


def test_reject_takes_an_inferred_link_back_for_good(db):
    rule = state(db, INFERRED)[0]["MOFCOM-2025-18"]
    assert rule[1].startswith("inferred: describes the measure of 2025-04-04")
    done = links_cli(db, "reject", INFERRED, "MOFCOM-2025-18", "--note", "a trade fair story")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("was a link, now neither a link nor a review candidate")
    assert state(db, INFERRED) == ({}, {})

    later_night(db, "2025-10-26", INFERRED, "Exports of the items grew in October.")
    assert state(db, INFERRED) == ({}, {})
    conn = sqlite3.connect(db)
    assert conn.execute("select verdict, note from link_verdicts").fetchall() == [
        ("reject", "a trade fair story")]
    conn.close()


def test_undo_gives_the_pair_back_to_the_rule(db):
    rule_link = state(db, INFERRED)[0]
    assert links_cli(db, "reject", INFERRED, "MOFCOM-2025-18").returncode == 0
    assert links_cli(db, "confirm", TIED, "MOFCOM-2025-57").returncode == 0
    undone = links_cli(db, "undo", document_id(INFERRED), "MOFCOM-2025-18")
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout.startswith("verdict withdrawn (reject): MOFCOM-2025-18")
    assert undone.stdout.strip().endswith("was neither a link nor a review candidate, now a link")
    assert state(db, INFERRED)[0] == rule_link
    undone = links_cli(db, "undo", TIED, "MOFCOM-2025-57")
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout.strip().endswith("was a link, now a review candidate")
    assert state(db, TIED)[0] == {}
    assert set(state(db, TIED)[1]) == {"MOFCOM-2025-18", "MOFCOM-2025-57"}
    assert sqlite3.connect(db).execute("select count(*) from link_verdicts").fetchone() == (0,)


def test_a_verdict_can_be_changed(db):
    assert links_cli(db, "reject", TIED, "MOFCOM-2025-57").returncode == 0
    done = links_cli(db, "confirm", TIED, "MOFCOM-2025-57")  # no longer a candidate: known
    assert done.returncode == 0, done.stderr
    assert "MOFCOM-2025-57" in state(db, TIED)[0]


def test_confirm_adds_a_link_the_rule_missed_and_later_nights_keep_it(db):
    """The story the rule links to No. 18 also describes No. 57 for the analyst: confirmed, it is
    a link without the rule's evidence, and a later night that relinks the story keeps it."""
    assert "MOFCOM-2025-57" not in state(db, INFERRED)[0]
    done = links_cli(db, "confirm", INFERRED, "MOFCOM-2025-57", "--note", "the October package",
                     "--as-of", "2025-10-25")
    assert done.returncode == 0, done.stderr
    assert "was neither a link nor a review candidate, now a link" in done.stdout
    linked, _ = state(db, INFERRED)
    assert linked["MOFCOM-2025-57"][1] == ("inferred: confirmed by the analyst on 2025-10-25 "
                                          "(the October package)")
    assert "MOFCOM-2025-18" in linked  # the rule's own link stands
    later_night(db, "2025-10-30", INFERRED, "Exporters welcomed the clarification.")
    assert "MOFCOM-2025-57" in state(db, INFERRED)[0]


@pytest.mark.parametrize(("args", "message"), [
    (("reject", CITED, "MOFCOM-2025-18"), "cites MOFCOM-2025-18 by its number: a link by "
                                          "number cannot be rejected"),
    (("confirm", CITED, "MOFCOM-2025-18"), "linked already, nothing to confirm"),
    (("reject", OWN, "MOFCOM-2025-18"), "issues MOFCOM-2025-18 (its own text): a measure's own "
                                        "text cannot be rejected"),
    (("confirm", TIED, "MOFCOM-2025-10"), "no measure MOFCOM-2025-10 in the archive"),
    (("reject", INFERRED, "MOFCOM-2025-57"), "neither a link nor a review candidate of "
                                             "document"),
    (("confirm", OWN, "MOFCOM-2025-57"), "is a measure's own text: its links come from the "
                                         "numbers it cites"),
    (("confirm", "https://www.example.cn/nowhere.html", "MOFCOM-2025-18"),
     "no document https://www.example.cn/nowhere.html in the archive"),
    (("undo", TIED, "MOFCOM-2025-57"), "no verdict on document"),
])
def test_refusals_say_why_in_one_line_and_write_nothing(db, args, message):
    before = written(db)
    refused = links_cli(db, *args)
    assert refused.returncode == 1
    assert message in refused.stderr, refused.stderr
    assert "Traceback" not in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert refused.stdout == ""
    assert written(db) == before


def test_review_lists_the_pairs_without_a_verdict(db):
    listed = links_cli(db, "review")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == f"2025-10-23 chinadaily: {HOSTILE}"
    assert lines[1] == f"  {TIED} (document {document_id(TIED)})"
    assert lines[2].startswith("  MOFCOM-2025-18, score 6: inferred: subjects in its title")
    assert lines[3].startswith("  MOFCOM-2025-57, score 6: inferred:")
    assert lines[-1] == "2 pairs to review"
    assert links_cli(db, "confirm", TIED, "MOFCOM-2025-57").returncode == 0
    listed = links_cli(db, "review").stdout
    assert "MOFCOM-2025-18, score" in listed and "MOFCOM-2025-57, score" not in listed
    assert listed.strip().endswith("1 pair to review")
    assert links_cli(db, "reject", TIED, "MOFCOM-2025-18").returncode == 0
    assert links_cli(db, "review").stdout == "0 pairs to review\n"


def test_a_verdict_takes_the_pair_off_every_review_list(db):
    """Through the view itself: a verdict recorded before the document is relinked."""
    archive = Archive.open(db)
    try:
        assert archive.to_check()["links_to_review"] == 1
        archive.decide_link(document_id(TIED), "MOFCOM-2025-57", "confirm", "2025-10-25")
        assert [r["measure"] for r in archive.links_to_review()] == ["MOFCOM-2025-18"]
        assert archive.to_check()["links_to_review"] == 1
        archive.decide_link(document_id(TIED), "MOFCOM-2025-18", "reject", "2025-10-25")
        assert archive.links_to_review() == []
        assert archive.to_check()["links_to_review"] == 0
        assert len(archive.link_candidates(document_id(TIED))) == 2  # not relinked yet
    finally:
        archive.close()


def test_statement_events_follow_the_links_the_analyst_leaves(tmp_path):
    archive = Archive.open(tmp_path / "a.db")
    night(archive, "2025-11-08", *measures("MOFCOM-2025-55", "MOFCOM-2025-57", "MOFCOM-2025-70"))
    item = kuala_lumpur_story()
    night(archive, "2026-09-28", item)
    archive.close()

    def extended() -> set[str]:
        return {m for (m,) in sqlite3.connect(tmp_path / "a.db").execute(
            "select measure from measure_events where kind = 'extension_announced'")}

    assert extended() == {"MOFCOM-2025-55", "MOFCOM-2025-57"}
    db = tmp_path / "a.db"
    assert links_cli(db, "reject", item.url, "MOFCOM-2025-55").returncode == 0
    assert extended() == {"MOFCOM-2025-57"}
    assert links_cli(db, "undo", item.url, "MOFCOM-2025-55").returncode == 0
    assert extended() == {"MOFCOM-2025-55", "MOFCOM-2025-57"}


def test_datasette_lists_the_verdicts_as_text_and_the_home_page_counts_what_waits(db):
    from test_serve import start_server, stop_server

    assert links_cli(db, "confirm", TIED, "MOFCOM-2025-57", "--note", "<b>package</b>",
                     "--as-of", "2025-10-25").returncode == 0
    base, process = start_server(db)
    try:
        page = urllib.request.urlopen(f"{base}/a/links_decided_by_the_analyst",
                                      timeout=10).read().decode()
        rows = json.loads(urllib.request.urlopen(
            f"{base}/a/links_decided_by_the_analyst.json?_shape=array", timeout=10).read())
        review = json.loads(urllib.request.urlopen(
            f"{base}/a/link_candidates_to_review.json?_shape=array", timeout=10).read())
        home = urllib.request.urlopen(f"{base}/", timeout=10).read().decode()
        document = urllib.request.urlopen(f"{base}/a/documents/{document_id(TIED)}",
                                          timeout=10).read().decode()
        assert links_cli(db, "reject", TIED, "MOFCOM-2025-18").returncode == 0
        home_after = urllib.request.urlopen(f"{base}/", timeout=10).read().decode()
    finally:
        stop_server(process)
    assert "Links decided by the analyst" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<b>package</b>" not in page and "&lt;b&gt;package&lt;/b&gt;" in page
    assert [(r["decided"], r["verdict"], r["measure"], r["title"], r["url"], r["note"])
            for r in rows] == [("2025-10-25", "confirm", "MOFCOM-2025-57", HOSTILE, TIED,
                                "<b>package</b>")]
    assert [r["measure"] for r in review] == ["MOFCOM-2025-18"]
    assert "1 document with links to review" in home
    # the document's page: the confirmed link, the pair still to review, the verdict (escaped)
    linked = document.split('<table class="regwatch-measures">', 1)[1].split("</table>", 1)[0]
    assert "MOFCOM-2025-57</a></td><td>mentions" in linked and "confirmed by the analyst" in linked
    review_part = document.split('<h3 id="to-review">', 1)[1].split("</ul>", 1)[0]
    assert "MOFCOM-2025-18</a>, score 6" in review_part and "MOFCOM-2025-57" not in review_part
    assert ("MOFCOM-2025-57 confirmed on 2025-10-25 (&lt;b&gt;package&lt;/b&gt;)" in document
            and "<b>package</b>" not in document)
    assert "with links to review" not in home_after


def night_reports(db: Path, run_id: str) -> tuple[str, str]:
    """The run's Markdown and HTML reports, (re)written."""
    from pipelines.report import write_reports

    archive = Archive.open(db)
    try:
        paths = write_reports(archive, run_id, db.parent / "reports", "http://127.0.0.1:8001")
    finally:
        archive.close()
    by_suffix = {p.suffix: p.read_text(encoding="utf-8") for p in paths}
    return by_suffix[".md"], by_suffix[".html"]


def test_the_nights_report_lists_its_links_to_review_escaped_with_the_commands(db):
    """The night that found the tie lists the document once, with both measures, its id for
    the commands, and its scraped title as text; the night before it lists nothing."""
    archive = Archive.open(db)
    first, second = archive.run_ids()
    archive.close()
    md, html = night_reports(db, second)
    doc = document_id(TIED)
    for text in (md, html):
        assert "Links to review" in text and "regwatch links confirm DOC MEASURE" in text
        assert text.count(doc) >= 1
        assert text.index("MOFCOM-2025-18") < text.index("MOFCOM-2025-57", text.index(doc))
        assert "<script>" not in text
    assert text.count(f"<code>{doc}</code>") == 1
    assert '&lt;script&gt;alert' in html
    assert "applications \\<script\\>alert" in md
    assert "http://127.0.0.1:8001/a/measures/MOFCOM-2025-57" in html
    assert "Links to review" not in night_reports(db, first)[0]
    # decided: the pair leaves the report when it is written again
    assert links_cli(db, "reject", TIED, "MOFCOM-2025-57").returncode == 0
    md, html = night_reports(db, second)
    assert "Links to review" in md and "MOFCOM-2025-57, score" not in md
    assert links_cli(db, "reject", TIED, "MOFCOM-2025-18").returncode == 0
    md, html = night_reports(db, second)
    assert "Links to review" not in md and "Links to review" not in html
