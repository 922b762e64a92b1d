"""The night No. 69 of 2025 arrives (a real crawl of the samples into a SQLite archive): what its
cards, the archive's line and the pages say of the measures it names. Its three clauses are read
(No. 13 stopped, No. 21 and UEL 〔2025〕7 continued), so none is "not understood"; No. 13, known
only because No. 69 cites it, has no title of its own (not No. 69's), no status yet ("not known"
on every page), and is counted and listed alike ("and cites 1 more" / "Cited, their own text
not archived")."""

from __future__ import annotations

import csv
import email
import io
import json
import sqlite3
from email import policy
from pathlib import Path

import lxml.html
import pytest
from conftest import regwatch
from test_designations import ENV, first_night, samples_mirror
from test_serve import get, start_server, stop_server

NO69_TITLE = "商务部公告2025年第69号 关于调整出口管制管控名单和不可靠实体清单相关措施的公告"
READ_CLAUSES = ("停止执行相关措施", "继续暂停实施相关措施一年", "继续暂停实施相关处理措施一年")


@pytest.fixture(scope="module")
def night(tmp_path_factory) -> Path:
    """The folder of an archive whose night of 2025-11-08 found No. 69 (after a first night),
    with that night's reports and its digest written (--dry-run) to digests/."""
    folder = tmp_path_factory.mktemp("no69")
    first_night(folder, "2025-11-07")
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(samples_mirror(folder)),
                      "--as-of", "2025-11-08", "--db", "archive.db", "--reports", "reports",
                      cwd=folder, env=ENV)
    assert result.returncode == 0, result.stderr
    (folder / "regwatch.toml").write_text(
        '[mail]\nsender = "regwatch@example.org"\n'
        '[[mail.recipients]]\naddress = "analyst@example.org"\n', encoding="utf-8")
    result = regwatch("digest", "--db", "archive.db", "--reports", "reports", "--dry-run",
                      "digests", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder


def report(folder: Path, extension: str) -> str:
    return (folder / "reports" / f"2025-11-08-001.{extension}").read_text(encoding="utf-8")


def digest_parts(folder: Path) -> tuple[str, str]:
    """The night's digest: its text and its HTML."""
    eml = max((folder / "digests").glob("*.eml"))  # the last queued: the night of 2025-11-08
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    parts = {p.get_content_type(): p.get_content() for p in message.walk()
             if p.get_content_type() in ("text/plain", "text/html")}
    return parts["text/plain"], parts["text/html"]


def test_sentences_an_event_was_read_from_are_not_called_not_understood(night):
    """No. 69's clauses are read into events of No. 13, No. 21 and UEL-2025-7 (merged from the
    listing events) and stored: its new_document card lists none of them as not understood."""
    conn = sqlite3.connect(night / "archive.db")
    read = conn.execute(
        "select e.measure, e.kind, e.sentence from measure_events e join documents d "
        "on d.id = e.document where d.title = ? and e.measure != 'MOFCOM-2025-69'",
        [NO69_TITLE]).fetchall()
    conn.close()
    assert {(m, k) for m, k, _ in read} >= {("MOFCOM-2025-13", "revoked"),
                                            ("MOFCOM-2025-21", "suspension_continued"),
                                            ("UEL-2025-7", "suspension_continued")}
    assert all(any(c in s for _, _, s in read) for c in READ_CLAUSES)
    [card] = [c for c in json.loads(report(night, "json"))["changes"]
              if c["kind"] == "new_document" and c["title"] == NO69_TITLE]
    assert not any(c in s for s in card["diff"].get("not_understood", []) for c in READ_CLAUSES)
    assert "not understood" not in report(night, "md")
    assert "Not understood" not in report(night, "html")


def test_a_cited_measures_card_does_not_carry_the_citing_pages_title(night):
    """No. 13's new_measure card: no title (its summary says which page cites it), in the JSON,
    the Markdown, the HTML and the digest's text and HTML."""
    [card] = [c for c in json.loads(report(night, "json"))["changes"]
              if c["kind"] == "new_measure" and c["measure"] == "MOFCOM-2025-13"]
    assert card["title"] is None
    assert card["summary"] == ("New measure MOFCOM-2025-13 (MOFCOM) first seen cited by: "
                               + NO69_TITLE)
    [line] = [s for s in report(night, "md").splitlines() if s.startswith("- **MOFCOM-2025-13**")]
    assert line.split(":", 1)[0] == "- **MOFCOM-2025-13**"
    tree = lxml.html.fromstring(report(night, "html"))
    [head] = tree.xpath('//article[contains(@class, "new_measure")]'
                        '/div[span[@class="id"][text()="MOFCOM-2025-13"]]')
    assert head.text_content().strip() == "MOFCOM-2025-13"
    text, html = digest_parts(night)
    assert "* MOFCOM-2025-13\n" in text and f"* MOFCOM-2025-13 {NO69_TITLE}" not in text
    heads = [d.text_content().strip() for d in lxml.html.fromstring(html).xpath(
        '//div[strong[text()="MOFCOM-2025-13"]]')]
    assert heads and all(h == "MOFCOM-2025-13" for h in heads)


def test_a_measure_without_a_status_is_not_known_on_every_page(night):
    """On 2025-11-08 No. 13 has no status (No. 69 stops it from 2025-11-10): the Datasette
    measures table and measure page, the export's status_text and `status` all say "not known";
    the export's status column stays empty and `status --json` null."""
    listed = regwatch("status", "--on", "2025-11-08", "--measure", "MOFCOM-2025-13", "--json",
                      "--db", "archive.db", cwd=night)
    [shown] = json.loads(listed.stdout)["measures"]
    assert (shown["status"], shown["phrase"]) == (None, "not known")
    plain = regwatch("status", "--on", "2025-11-08", "--measure", "MOFCOM-2025-13",
                     "--db", "archive.db", cwd=night)
    assert "MOFCOM-2025-13  not known" in plain.stdout
    exported = regwatch("export", "--on", "2025-11-08", "--format", "csv", "--out", "-",
                        "--db", "archive.db", cwd=night)
    [row] = [r for r in csv.DictReader(io.StringIO(exported.stdout.lstrip("\ufeff")))
             if r["measure"] == "MOFCOM-2025-13"]
    assert (row["status"], row["status_text"]) == ("", "not known")
    base, process = start_server(night / "archive.db")
    try:
        table = get(f"{base}/archive/measures?on=2025-11-08")
        cells = table.split('href="/archive/measures/MOFCOM-2025-13?on=2025-11-08"', 1)[1]
        assert '<span class="status status-unknown">not known</span>' in cells.split("</tr>")[0]
        assert ">unknown<" not in table
        page = get(f"{base}/archive/measures/MOFCOM-2025-13?on=2025-11-08")
        assert '<strong class="status-now">not known</strong>' in page
    finally:
        stop_server(process)


def test_the_cited_count_and_the_cited_list_agree(night):
    """The archive's line counts No. 13 as cited ("and cites 1 more"); the list of measures
    cited, their own text not archived, has it too, saying why the numbering check does not
    count it yet (first cited by a text of the last 7 days), in the report and the digest."""
    why = ("MOFCOM 2025, not checked yet (first cited less than 7 days ago: their own page may "
           "still come): MOFCOM-2025-13")
    md = report(night, "md")
    assert "(and cites 1 more)" in md.replace("\\", "")
    assert md.replace("\\", "").split("### Cited, their own text not archived", 1)[1].count(
        "MOFCOM-2025-13") == 1
    assert why in md.replace("\\", "")
    html = report(night, "html")
    assert "(and cites 1 more)" in html and f"<li>{why}</li>" in html
    text, html = digest_parts(night)
    assert "(and cites 1 more)" in text and f"  {why}\n" in text
    assert f"<li>{why}</li>" in html
    sources = regwatch("sources", "--db", "archive.db", cwd=night)
    assert "cited by other texts" not in sources.stdout  # checked a week on, not yet
