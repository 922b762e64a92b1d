"""News the relevance rule leaves out on a close call: listed for the analyst (fetch_state, the
run's report, Datasette, `regwatch relevance close-calls`), and kept on the analyst's verdict
(`regwatch relevance keep URL`: the page is read again on its source's next run, even when its
list no longer shows it, and stored)."""

import html
import json
import re
import sqlite3
import urllib.request
from pathlib import Path

import pytest
from conftest import regwatch

from pipelines.items import DocumentItem
from pipelines.relevance import judge

CLOSE = "https://www.globaltimes.cn/page/202511/1360001.shtml"
FAR = "https://www.globaltimes.cn/page/202511/1360002.shtml"
HOSTILE = 'Furniture makers <script>alert("x")</script> hire more workers'
CLOSE_BODY = ["Exports of furniture grew in October despite higher US tariffs, data showed.",
              "Factories in Guangdong hired more workers to meet orders from Europe."]
FAR_BODY = ["More than 30,000 runners took part in the Shanghai marathon on Sunday.",
            "The organisers thanked the volunteers."]


def news(title: str, body: str) -> DocumentItem:
    return DocumentItem(url=CLOSE, source="globaltimes", source_kind="news", title=title,
                        body=body, language="en")


def test_a_page_naming_a_measure_too_little_is_a_close_call():
    judgement = judge(news(HOSTILE, "\n".join(CLOSE_BODY)))
    assert not judgement.keep and judgement.close_call


def test_a_page_naming_no_measure_is_no_close_call():
    judgement = judge(news("Marathon draws record crowd", "\n".join(FAR_BODY)))
    assert not judgement.keep and not judgement.close_call


def test_a_page_kept_is_no_close_call():
    judgement = judge(news("China imposes export controls on gallium", "\n".join(CLOSE_BODY)))
    assert judgement.keep and not judgement.close_call


def test_measure_words_set_in_no_trade_are_a_close_call():
    judgement = judge(news("Court jails gallium plant manager for dumping waste",
                           "A court in Yunnan sentenced the manager of a gallium plant to three "
                           "years for dumping toxic waste without a discharge licence.\n"
                           "The plant's licence was revoked and its production banned pending "
                           "cleanup."))
    assert "set in no trade" in judgement.reason
    assert not judgement.keep and judgement.close_call


def article(title: str, paragraphs: list[str], day: int) -> str:
    body = "<br><br>\n".join(html.escape(p) for p in paragraphs)
    title = html.escape(title)
    return (f'<html><head><meta charset="utf-8"><title>{title} - Global Times</title></head>'
            f'<body><div class="article"><div class="article_title">{title}</div>'
            f'<div class="author_share"><span class="pub_time">Published: Nov {day:02d}, 2025 '
            f'10:41 AM</span></div><div class="article_content"><div class="article_right">'
            f"{body}<br><br></div></div></div></body></html>")


def night(folder: Path, links: list[tuple[str, str]]) -> Path:
    """A mirror of Global Times' list showing `links` and both articles."""
    site = folder / "www.globaltimes.cn"
    (site / "business").mkdir(parents=True, exist_ok=True)
    (site / "page" / "202511").mkdir(parents=True, exist_ok=True)
    rows = "".join(f'<div class="list_info"><a class="new_title_ms" href="{u}">'
                   f"{html.escape(t)}</a></div>" for u, t in links)
    (site / "business" / "index.html").write_text(
        f'<html><body><div class="level01_list">{rows}</div></body></html>', encoding="utf-8")
    (site / "page" / "202511" / "1360001.shtml").write_text(article(HOSTILE, CLOSE_BODY, 3),
                                                            encoding="utf-8")
    (site / "page" / "202511" / "1360002.shtml").write_text(
        article("Marathon draws record crowd", FAR_BODY, 2), encoding="utf-8")
    return folder


def listed_in_report(tmp_path: Path, report: dict) -> list[str]:
    """The close calls the run's Markdown report lists (their URLs)."""
    text = (tmp_path / "reports" / f"{report['run_id']}.md").read_text(encoding="utf-8")
    if "### News left out on a close call" not in text:
        return []
    section = text.split("### News left out on a close call", 1)[1].split("\n#", 1)[0]
    return re.findall(r"\]\((https://[^)\s]+)\)", section)


def crawl(tmp_path: Path, mirror: Path, as_of: str) -> dict:
    result = regwatch("crawl", "--source", "globaltimes", "--mirror", str(mirror), "--as-of",
                      as_of, "--db", "a.db", "--reports", "reports", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [report] = [json.loads(p.read_text(encoding="utf-8"))
                for p in (tmp_path / "reports").glob("*.json")
                if json.loads(p.read_text(encoding="utf-8"))["as_of"] == as_of]
    return report


@pytest.fixture
def first_night(tmp_path):
    """One night that reads both articles and leaves both out."""
    mirror = night(tmp_path / "night1", [(CLOSE, HOSTILE), (FAR, "Marathon")])
    return tmp_path, crawl(tmp_path, mirror, "2025-11-04")


def test_a_close_call_is_remembered_with_its_title_and_listed_in_the_report(first_night):
    tmp_path, report = first_night
    db = sqlite3.connect(tmp_path / "a.db")
    rows = dict(db.execute("select url, close_call from fetch_state where left_out is not null"))
    assert rows == {CLOSE: 1, FAR: 0}
    assert db.execute("select title, source from fetch_state where url = ?", [CLOSE]).fetchone(
        ) == (HOSTILE, "globaltimes")
    assert db.execute("select count(*) from documents").fetchone() == (0,)
    assert listed_in_report(tmp_path, report) == [CLOSE]
    assert db.execute("select left_out_run from fetch_state where url = ?", [CLOSE]).fetchone(
        ) == (report["run_id"],)
    page = tmp_path / "reports" / f"{report['run_id']}.html"
    text = page.read_text(encoding="utf-8")
    assert "News left out on a close call" in text and "not about export control" in text
    assert "<script>alert" not in text and "Furniture makers &lt;script&gt;alert(" in text
    markdown = page.with_suffix(".md").read_text(encoding="utf-8")
    assert "<script>" not in markdown and "close call" in markdown


def test_the_command_lists_close_calls_and_refuses_a_page_not_left_out(first_night):
    tmp_path, _ = first_night
    listed = regwatch("relevance", "close-calls", "--db", "a.db", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert CLOSE in listed.stdout and FAR not in listed.stdout
    assert listed.stdout.strip().endswith("1 close call")
    refused = regwatch("relevance", "keep", "https://www.globaltimes.cn/page/1/9.shtml",
                       "--db", "a.db", cwd=tmp_path)
    assert refused.returncode == 1
    assert "is not a page the relevance rule left out" in refused.stderr
    assert "Traceback" not in refused.stderr and len(refused.stderr.strip().splitlines()) == 1


def test_a_page_the_analyst_keeps_is_read_again_and_stored(first_night):
    """The list of the next night no longer shows the page: it is read all the same, stored,
    reported as new and no longer a close call; the night after, it is not read again."""
    tmp_path, _ = first_night
    kept = regwatch("relevance", "keep", CLOSE, "--note", "tariff story", "--as-of",
                    "2025-11-04", "--db", "a.db", cwd=tmp_path)
    assert kept.returncode == 0, kept.stderr
    later = [("https://www.globaltimes.cn/page/202511/1360002.shtml", "Marathon")]
    report = crawl(tmp_path, night(tmp_path / "night2", later), "2025-11-05")
    db = sqlite3.connect(tmp_path / "a.db")
    assert db.execute("select title from documents where url = ?", [CLOSE]).fetchone() == (
        HOSTILE,)
    assert [c["url"] for c in report["changes"] if c["kind"] == "new_document"] == [CLOSE]
    assert listed_in_report(tmp_path, report) == []
    assert db.execute("select left_out, close_call from fetch_state where url = ?",
                      [CLOSE]).fetchone() == (None, 0)
    listed = regwatch("relevance", "close-calls", "--all", "--db", "a.db", cwd=tmp_path)
    assert CLOSE not in listed.stdout
    crawl(tmp_path, night(tmp_path / "night3", later), "2025-11-06")
    requests = [r for (r,) in db.execute("select requests from run_sources order by run_id")]
    assert requests[1] == 3 and requests[2] < 3  # the list, the far page, the kept one; then not


def test_a_close_call_left_out_again_unchanged_is_reported_once(first_night):
    tmp_path, _ = first_night
    mirror = night(tmp_path / "night2", [(CLOSE, HOSTILE), (FAR, "Marathon")])
    report = crawl(tmp_path, mirror, "2025-11-05")  # recent: read again, still left out
    assert listed_in_report(tmp_path, report) == []
    listed = regwatch("relevance", "close-calls", "--db", "a.db", cwd=tmp_path)
    assert CLOSE in listed.stdout


def test_datasette_lists_the_close_calls_as_text(first_night):
    from test_serve import start_server, stop_server

    tmp_path, _ = first_night
    base, process = start_server(tmp_path / "a.db")
    try:
        page = urllib.request.urlopen(f"{base}/a/news_left_out_close_calls", timeout=10).read(
            ).decode()
        rows = json.loads(urllib.request.urlopen(
            f"{base}/a/news_left_out_close_calls.json?_shape=array", timeout=10).read())
    finally:
        stop_server(process)
    assert "News left out on a close call" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert [(r["url"], r["title"], r["verdict"]) for r in rows] == [(CLOSE, HOSTILE, None)]


def test_a_verdict_withdrawn_is_no_longer_read_again(first_night):
    """A page the analyst kept and its source can no longer serve would be asked for every
    night: the verdict can be withdrawn, and the next run does not ask for it."""
    tmp_path, _ = first_night
    assert regwatch("relevance", "keep", CLOSE, "--db", "a.db", cwd=tmp_path).returncode == 0
    undone = regwatch("relevance", "keep", CLOSE, "--undo", "--db", "a.db", cwd=tmp_path)
    assert undone.returncode == 0, undone.stderr
    again = regwatch("relevance", "keep", CLOSE, "--undo", "--db", "a.db", cwd=tmp_path)
    assert again.returncode == 1 and "no verdict on" in again.stderr
    gone = night(tmp_path / "night2", [(FAR, "Marathon")])
    (gone / "www.globaltimes.cn" / "page" / "202511" / "1360001.shtml").unlink()
    report = crawl(tmp_path, gone, "2025-11-05")
    assert report["sources"][0]["status"] == "ok" and report["sources"][0]["problems"] == []


def test_a_page_left_out_before_sources_were_remembered_is_kept_when_listed_again(first_night):
    """A page left out by an older version has no source in fetch_state: the verdict is kept
    all the same, and said to apply when the page's list shows it."""
    tmp_path, _ = first_night
    db = sqlite3.connect(tmp_path / "a.db")
    with db:
        db.execute("update fetch_state set source = null where url = ?", [CLOSE])
    kept = regwatch("relevance", "keep", CLOSE, "--db", "a.db", cwd=tmp_path)
    assert kept.returncode == 0, kept.stderr
    assert "when its list shows it" in kept.stdout
    report = crawl(tmp_path, night(tmp_path / "night2", [(CLOSE, HOSTILE)]), "2025-11-05")
    assert [c["url"] for c in report["changes"] if c["kind"] == "new_document"] == [CLOSE]
