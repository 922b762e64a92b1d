"""The five seed documents (shared/seeds/000–004), archived through the mirror, come out as the
issue says: category, confidence, machine translation, and the measures they are linked to.

The archive is built once, by `regwatch demo` (the bundled nights, demo/nights) in a subprocess.
The seeds' pages in the nights:

- 000: mumbai.mofcom.gov.cn …/202510/20251003755432.shtml (night 2025-11-08), the consulate's
  machine translation of the MOFCOM Q&A on Announcements Nos. 61 and 62
- 001: exportcontrol.mofcom.gov.cn …/202510/1170.html (every night), Announcement No. 62
- 002: www.globaltimes.cn/page/202510/1345791.shtml (from night 2025-11-08), licensing
- 003: www.chinadaily.com.cn/a/202601/06/WS695c6f2ea310d6866eb3b2a1.html and `…_2.html`
  (night 2026-01-06), general licences and the November suspension
- 004: www.globaltimes.cn/page/202505/1333797.shtml (every night), the anti-smuggling campaign
  and the 4 April 2025 joint announcement (No. 18 of 2025, on the mofcom index every night)
"""

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import REPO, regwatch

NIGHTS = REPO / "demo" / "nights"
SEED_000 = "https://mumbai.mofcom.gov.cn/article/jmxw/202510/20251003755432.shtml"
SEED_001 = "http://exportcontrol.mofcom.gov.cn/article/zcfg/gnzcfg/zcfggzqd/202510/1170.html"
SEED_002 = "https://www.globaltimes.cn/page/202510/1345791.shtml"
SEED_003 = "https://www.chinadaily.com.cn/a/202601/06/WS695c6f2ea310d6866eb3b2a1.html"
SEED_004 = "https://www.globaltimes.cn/page/202505/1333797.shtml"
SUSPENDED = ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58",
             "MOFCOM-2025-61", "MOFCOM-2025-62"]
NEWS = ("globaltimes", "chinadaily")
RANK = {"low": 0, "medium": 1, "high": 2}


def crawled(*args: str, cwd: Path) -> None:
    result = regwatch(*args, cwd=cwd)
    assert result.returncode == 0, result.stderr


def connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds")
    crawled("demo", cwd=folder)
    db = connect(folder / "archive.db")
    yield db
    db.close()


def document(db: sqlite3.Connection, url: str) -> sqlite3.Row:
    row = db.execute("select * from documents where url = ?", [url]).fetchone()
    assert row is not None, f"{url} not archived"
    return row


def links(db: sqlite3.Connection, url: str) -> dict[str, sqlite3.Row]:
    """measure id -> its document_measures row, for the document at url."""
    rows = db.execute("select dm.* from document_measures dm join documents d "
                      "on d.id = dm.document where d.url = ?", [url]).fetchall()
    return {row["measure"]: row for row in rows}


# --- 000: consulate, machine translation of a MOFCOM press Q&A ----------------------------------

def test_seed_000_is_a_machine_translated_policy_statement(db):
    doc = document(db, SEED_000)
    assert (doc["source"], doc["category"], doc["confidence"]) == (
        "mofcom_consulates", "policy_statement", "medium")
    assert (doc["language"], doc["machine_translated"]) == ("en", 1)


def test_seed_000_is_linked_to_nos_61_and_62(db):
    linked = links(db, SEED_000)
    assert sorted(linked) == ["MOFCOM-2025-61", "MOFCOM-2025-62"]
    for row in linked.values():
        assert row["relation"] in ("reports_on", "mentions")
        assert row["confidence"] == "medium"
        assert row["reason"].startswith(f"cites {row['measure']}")


# --- 001: exportcontrol, the text of Announcement No. 62 ----------------------------------------

def test_seed_001_issues_no62(db):
    doc = document(db, SEED_001)
    assert (doc["source"], doc["category"], doc["confidence"]) == (
        "mofcom_exportcontrol", "controlled_item_change", "high")
    assert (doc["published"], doc["language"]) == ("2025-10-09", "zh")
    issues = {m: r for m, r in links(db, SEED_001).items() if r["relation"] == "issues"}
    assert list(issues) == ["MOFCOM-2025-62"]
    assert issues["MOFCOM-2025-62"]["confidence"] == "high"


# --- 002: Global Times on licensing -------------------------------------------------------------

def test_seed_002_is_licensing_quoting_an_official(db):
    doc = document(db, SEED_002)
    assert (doc["source"], doc["category"], doc["confidence"]) == (
        "globaltimes", "licensing", "medium")
    assert (doc["published"], doc["language"], doc["machine_translated"]) == (
        "2025-10-16", "en", 0)


# --- 003: China Daily on general licences and the suspension ------------------------------------

def test_seed_003_is_licensing_by_the_written_rule(db):
    doc = document(db, SEED_003)
    assert (doc["source"], doc["category"], doc["confidence"]) == (
        "chinadaily", "licensing", "medium")
    assert doc["published"] == "2026-01-06"
    # both pages of the article are one document
    assert doc["body"].startswith("China's decision to improve export management")
    assert doc["body"].endswith("global rare earth industrial chain,\" Dong added.")
    page_2 = SEED_003.removesuffix(".html") + "_2.html"
    assert db.execute("select count(*) from documents where url = ?", [page_2]).fetchone()[0] == 0


def test_seed_003_is_linked_to_the_suspended_measures_by_inference(db):
    linked = links(db, SEED_003)
    assert sorted(linked) == sorted([*SUSPENDED, "MOFCOM-2025-70"])
    for measure, row in linked.items():
        assert (row["relation"], row["confidence"]) == ("mentions", "low")
        # the strongest reason first, the sentence last
        first = ("describes the measure of 2025-11 (“In November”)" if measure == "MOFCOM-2025-70"
                 else "describes the suspension of 2025-11 by MOFCOM-2025-70 (“In November”)")
        assert row["reason"].startswith(f"inferred: {first}"), row["reason"]
        assert row["reason"].endswith(
            ": “In November, China announced a one-year suspension of export controls on rare "
            "earths, super-hard materials and other strategic resources.”")


# --- 004: Global Times on the anti-smuggling campaign -------------------------------------------

def test_seed_004_is_enforcement_quoting_an_official(db):
    doc = document(db, SEED_004)
    assert (doc["source"], doc["category"], doc["confidence"]) == (
        "globaltimes", "enforcement", "medium")
    assert doc["published"] == "2025-05-12"


def test_seed_004_is_linked_to_no18_it_describes_without_its_number(db):
    linked = links(db, SEED_004)
    assert list(linked) == ["MOFCOM-2025-18"]
    row = linked["MOFCOM-2025-18"]
    assert (row["relation"], row["confidence"]) == ("mentions", "low")
    # (the seven types of rare earths it counts are as many as No. 18 controls)
    assert row["reason"].startswith("inferred: describes the measure of 2025-04-04 (“April 4”); "
                                    "7 medium and heavy rare earths (as many as it controls); "
                                    "subjects in its title: medium and heavy rare earths, "
                                    "rare earths; issued jointly with Customs: "
                                    "“On April 4, in a joint announcement")
    no18 = db.execute("select * from measures where id = 'MOFCOM-2025-18'").fetchone()
    assert (no18["published"], no18["issuers"], no18["status"]) == (
        "2025-04-04", '["MOFCOM", "GACC"]', "in_force")


# --- who may raise a measure's confidence -------------------------------------------------------

def test_news_never_raised_a_measures_confidence(db):
    assert {row["id"]: row["confidence"] for row in db.execute(
        "select id, confidence from measures where id in "
        "('MOFCOM-2025-61', 'MOFCOM-2025-62')")} == {
        "MOFCOM-2025-61": "high", "MOFCOM-2025-62": "high"}
    measures = {row["id"]: row["confidence"]
                for row in db.execute("select id, confidence from measures")}
    rows = db.execute("select dm.measure, dm.confidence, dm.relation, d.source "
                      "from document_measures dm join documents d on d.id = dm.document"
                      ).fetchall()
    news_linked = {row["measure"] for row in rows if row["source"] in NEWS}
    assert news_linked >= {*SUSPENDED, "MOFCOM-2025-70", "MOFCOM-2025-18"}
    for measure in news_linked:
        official = [row["confidence"] for row in rows
                    if row["measure"] == measure and row["source"] not in NEWS]
        # the measure's confidence is what its official and relayed pages give it
        assert measures[measure] == max(official, key=RANK.__getitem__), measure
    assert all(row["confidence"] in ("low", "medium") for row in rows if row["source"] in NEWS)


NUMBERED = ("On April 4, in a joint announcement, ",
            "On April 4, in a joint announcement (MOFCOM and GACC Announcement No. 18 of 2025), ")


def test_a_measure_only_linked_from_news_stays_at_the_news_confidence(tmp_path):
    """Seed 004 with the announcement's number written out, alone in a mirror: the measure it
    cites exists only through news, at the article's confidence; MOFCOM's own page then raises
    it, and the news page seen again does not lower it."""
    night = NIGHTS / "2025-10-09"
    mirror = tmp_path / "mirror"
    for path in ("www.globaltimes.cn/business/index.html",
                 "www.globaltimes.cn/page/202505/1333797.shtml"):
        (mirror / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(night / path, mirror / path)
    page = mirror / "www.globaltimes.cn/page/202505/1333797.shtml"
    html = page.read_text(encoding="utf-8")
    assert html.count(NUMBERED[0]) == 1
    page.write_text(html.replace(*NUMBERED), encoding="utf-8")
    archive = tmp_path / "a.db"
    crawl = ["crawl", "--db", str(archive), "--reports", str(tmp_path / "r")]

    crawled(*crawl, "--mirror", str(mirror), "--as-of", "2025-10-09", "--source", "globaltimes",
             cwd=tmp_path)
    db = connect(archive)
    [row] = db.execute("select dm.relation, dm.confidence, d.source, d.confidence as doc "
                       "from document_measures dm join documents d on d.id = dm.document "
                       "where dm.measure = 'MOFCOM-2025-18'").fetchall()
    assert (row["relation"], row["confidence"], row["source"], row["doc"]) == (
        "mentions", "medium", "globaltimes", "medium")
    confidence = "select confidence from measures where id = 'MOFCOM-2025-18'"
    assert db.execute(confidence).fetchone()[0] == "medium"

    crawled(*crawl, "--mirror", str(night), "--as-of", "2025-10-10", "--source", "mofcom",
             cwd=tmp_path)
    assert db.execute(confidence).fetchone()[0] == "high"
    crawled(*crawl, "--mirror", str(mirror), "--as-of", "2025-10-20", "--source", "globaltimes",
             cwd=tmp_path)
    assert db.execute(confidence).fetchone()[0] == "high"
    db.close()


# --- how each seed's category was read (documents.category_reason) ------------------------------

def test_each_seed_says_how_its_category_was_read(db):
    """The analyst sees which step decided a category: the official rules, a press Q&A, the
    headline, or the lead and the fallbacks (where the category model may overrule them; on 003
    it is not sure enough to)."""
    assert document(db, SEED_001)["category_reason"] == "official text"
    assert document(db, SEED_002)["category_reason"] == "the rules: the headline"
    assert document(db, SEED_003)["category_reason"] == "the rules: the lead or a fallback"
    assert document(db, SEED_004)["category_reason"] == "the rules: the headline"
    assert document(db, SEED_000)["category_reason"] == "a press Q&A or statement"
