"""The walk back through the real spider, mirror, archive and CLI: a page budget that spreads it
over nights, a bad JPaaS page that stops it (a problem naming the list and the page) and where
it resumes, later nights that read first pages only and remove nothing they did not read."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from conftest import regwatch

WWW = "www.mofcom.gov.cn"
JPAAS = {"webId": "5fce1c9c898807554beaa5151c0db784", "pageId": "ff69eb048130901266cf2742e42abe0a",
         "tplSetId": "NYWDrQM36vXN05IqkveVW"}
# The policy list: page 1 (static) and JPaaS pages 2-4, 62 items in all (abridged: two a page).
POLICY = {1: ["2025-11-07", "2025-10-20"], 2: ["2025-06-01", "2025-05-01"],
          3: ["2025-03-01", "2025-01-10"], 4: ["2024-06-01", "2023-12-20"]}
INDEX_2025 = ["2025-11-05", "2025-09-01"]
INDEX_2024 = ["2024-12-01", "2024-02-01"]


def article(number: int, day: str) -> tuple[str, str, str]:
    """(path, title, page) of an announcement."""
    year = day[:4]
    title = f"商务部公告{year}年第{number}号 关于第{number}号事项的公告"
    path = f"/zwgk/zcfb/art/{year}/art_{number:032x}.html"
    page = (f'<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">'
            f'<meta name="PubDate" content="{day} 10:00"></head><body><div id="zoom">'
            f"<p>【发布文号】商务部公告{year}年第{number}号</p><p>本公告自公布之日起实施。</p>"
            "</div></body></html>")
    return path, title, page


def items_html(items: list[tuple[str, str, str]]) -> str:
    return '<ul class="txtList_01">' + "".join(
        f'<li><a href="{p}">{t}</a><span>{d}</span></li>' for p, t, d in items) + "</ul>"


def list_page(items: list[tuple[str, str, str]], pager: bool) -> str:
    more = '<a href="javascript:;" class="layui-laypage-next" data-page="2">下一页</a>'
    return (f'<html><head><meta charset="utf-8"></head><body><div class="listCon">'
            f'{items_html(items)}<div class="layui-laypage">{more if pager else ""}</div>'
            "</div></body></html>")


def jpaas_name(number: int) -> str:
    return (f"{WWW}/api-gateway/jpaas-publish-server/front/page/build/unit?pageId="
            f'{JPAAS["pageId"]}&pageType=column&paramJson={{"pageNo":{number},"pageSize":20}}'
            f'&parseType=bulidstatic&tagId=信息列表&tplSetId={JPAAS["tplSetId"]}'
            f'&webId={JPAAS["webId"]}')


def write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_site(root: Path) -> dict[str, list[str]]:
    """The mirror; the article URLs by list page ("policy-1", "policy-2", …)."""
    counter, linked = iter(range(1, 100)), {}

    def listed(key: str, days: list[str]) -> list[tuple[str, str, str]]:
        items = []
        for day in days:
            path, title, page = article(next(counter), day)
            write(root, WWW + path, page)
            items.append((path, title, day))
        linked[key] = [f"https://{WWW}{p}" for p, _, _ in items]
        return items

    write(root, f"{WWW}/zcfb/blgg/gg/2025/index.html",
          list_page(listed("2025", INDEX_2025), pager=False))
    write(root, f"{WWW}/zcfb/blgg/gg/2024/index.html",
          list_page(listed("2024", INDEX_2024), pager=False))
    write(root, f"{WWW}/zwgk/zcfb/index.html", list_page(listed("policy-1", POLICY[1]), True))
    for number in (2, 3, 4):
        html = items_html(listed(f"policy-{number}", POLICY[number]))
        write(root, jpaas_name(number), json.dumps({"data": {"html": html, "total": 62}},
                                                   ensure_ascii=False))
    return linked


def crawl(folder: Path, site: Path, as_of: str, budget: int = 200, *extra: str,
          since: str = "2024-01-01") -> dict:
    env = {**os.environ, "REGWATCH_BACKFILL_SINCE": since,
           "REGWATCH_BACKFILL_PAGES_PER_NIGHT": str(budget)}
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(site), "--as-of", as_of,
                      "--db", str(folder / "a.db"), "--reports", str(folder / "r"), *extra,
                      cwd=folder, env=env)
    assert result.returncode == 0, result.stderr
    run_id = sqlite3.connect(folder / "a.db").execute(
        "select id from runs order by rowid desc limit 1").fetchone()[0]
    return json.loads((folder / "r" / f"{run_id}.json").read_text(encoding="utf-8"))


def walk(folder: Path, key: str) -> tuple:
    return sqlite3.connect(folder / "a.db").execute(
        "select status, next_page, pages_walked, earliest, last_complete_walk from list_walks "
        "where list = ?", [key]).fetchone()


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
    root = tmp_path / "site"
    return root, make_site(root)


def test_a_walk_cut_by_the_page_budget_continues_the_next_night(tmp_path, site) -> None:
    root, linked = site
    first = crawl(tmp_path, root, "2025-11-08", budget=2)
    [backfill] = [c for c in first["changes"] if c["kind"] == "backfill"]
    assert backfill["diff"]["complete"] is False and "page budget of 2" in backfill["summary"]
    assert walk(tmp_path, f"{WWW}/zwgk/zcfb")[:3] == ("walking", 3, 2)
    # only what is dated within 7 days of the night is a change of its own
    assert {c["url"] for c in first["changes"] if c["kind"] == "new_document"} == {
        linked["policy-1"][0], linked["2025"][0]}
    assert [s["status"] for s in first["sources"]] == ["ok"]  # a budget is not a problem

    second = crawl(tmp_path, root, "2025-11-09", budget=2)
    [backfill] = [c for c in second["changes"] if c["kind"] == "backfill"]
    assert backfill["diff"]["complete"] is True
    # (complete; page 4 left an item out as too old: an earlier backfill_since goes on there)
    # (its four pages, page 1 counted once although the second night read it again)
    assert walk(tmp_path, f"{WWW}/zwgk/zcfb") == ("complete", 4, 4, "2024-06-01",
                                                   "2025-11-09")
    db = sqlite3.connect(tmp_path / "a.db")
    urls = {u for (u,) in db.execute("select url from documents")}
    # every item on or after backfill_since is archived, none before it, none twice
    assert urls == {u for key, us in linked.items() for u in us} - {linked["policy-4"][1]}
    assert db.execute("select count(*) from document_versions").fetchone() == (len(urls),)

    for as_of in ("2025-11-10", "2025-11-11", "2025-11-12", "2025-11-13"):
        later = crawl(tmp_path, root, as_of)
        # first pages only, nothing removed that was not read; and healthy, although a first
        # page shows far fewer documents than a walk back found (no yardstick for a night)
        assert later["changes"] == [] and [s["status"] for s in later["sources"]] == ["ok"]
    assert db.execute("select count(*) from documents where missed_runs > 0").fetchone() == (0,)


def test_a_budget_smaller_than_the_lists_still_finishes_the_walk(tmp_path) -> None:
    """The demo's first night (MOFCOM's indexes of 2023 and 2024, each with JPaaS pages behind
    it, beside the policy list) on a budget of two pages a night: a list resumed on a later
    night re-reads its first page (for the list's parameters) without spending the night's
    pages on it, so every night walks further and the walk completes, with the archive a walk
    without a budget makes (CONTRACT section 6)."""
    from conftest import REPO

    site = REPO / "demo" / "nights" / "2025-10-09"
    (tmp_path / "full").mkdir()
    crawl(tmp_path / "full", site, "2025-10-09", 200, since="2023-07-01")
    nights = 0
    for day in range(9, 19):
        nights += 1
        report = crawl(tmp_path, site, f"2025-10-{day:02d}", 2, since="2023-07-01")
        [backfill] = [c for c in report["changes"] if c["kind"] == "backfill"] or [None]
        if backfill is None or backfill["diff"]["complete"]:
            break
    assert nights <= 5, nights
    walks = sqlite3.connect(tmp_path / "a.db").execute(
        "select list, status from list_walks").fetchall()
    assert {status for _, status in walks} == {"complete"}, walks

    def archived(folder: Path) -> set[str]:
        return {u for (u,) in sqlite3.connect(folder / "a.db").execute(
            "select url from documents")}

    assert archived(tmp_path) == archived(tmp_path / "full")


def test_a_bad_jpaas_page_stops_the_walk_and_it_resumes_there(tmp_path, site) -> None:
    root, linked = site
    good = (root / jpaas_name(3)).read_text(encoding="utf-8")
    (root / jpaas_name(3)).write_text("<html><body>502 Bad Gateway</body></html>",
                                      encoding="utf-8")
    first = crawl(tmp_path, root, "2025-11-08")
    [problem] = [c for c in first["changes"] if c["kind"] == "source_problem"]
    assert f"list {WWW}/zwgk/zcfb page 3: an HTML page instead of the JPaaS JSON answer" in (
        problem["diff"]["problems"][0])
    assert walk(tmp_path, f"{WWW}/zwgk/zcfb")[:2] == ("stopped", 3)
    assert [c["kind"] for c in first["changes"]].count("document_removed") == 0

    (root / jpaas_name(3)).write_text(good, encoding="utf-8")
    second = crawl(tmp_path, root, "2025-11-09")
    assert [c for c in second["changes"] if c["kind"] == "source_problem"] == []
    assert walk(tmp_path, f"{WWW}/zwgk/zcfb")[0] == "complete"
    db = sqlite3.connect(tmp_path / "a.db")
    assert {linked["policy-3"][0], linked["policy-4"][0]} <= {
        u for (u,) in db.execute("select url from documents")}



@pytest.mark.parametrize(("answer", "problem", "walk_says"), [
    (b"HTTP/1.1 500 Internal Server Error\r\n\r\n<html>err</html>", "HTTP 500 for https://",
     "the page did not download"),
    (b"HTTP/1.1 404 Not Found\r\n\r\n", "HTTP 404 for https://", "the page did not download"),
])
def test_a_list_page_that_fails_is_named_by_list_and_page(tmp_path, site, answer, problem,
                                                          walk_says) -> None:
    """A JPaaS page that fails to download names its list and page in the source problem, and
    the walk says why it stopped: not "a bot challenge" for a page cut short."""
    root, _ = site
    (root / jpaas_name(3)).write_bytes(answer)
    report = crawl(tmp_path, root, "2025-11-08")
    [change] = [c for c in report["changes"] if c["kind"] == "source_problem"]
    lines = [p for p in change["diff"]["problems"] if "pageNo%22%3A3" in p or "page 3" in p]
    assert lines, change["diff"]["problems"]
    assert lines[0].startswith(f"list {WWW}/zwgk/zcfb page 3: {problem}")
    [backfill] = [c for c in report["changes"] if c["kind"] == "backfill"]
    assert f"list {WWW}/zwgk/zcfb page 3: {walk_says}" in backfill["summary"]
    assert "bot challenge" not in backfill["summary"]
    assert walk(tmp_path, f"{WWW}/zwgk/zcfb")[1] == 3  # resumes there


def test_backfill_forced_walks_again_without_refetching_what_it_has(tmp_path, site) -> None:
    root, linked = site
    crawl(tmp_path, root, "2025-11-08")
    assert walk(tmp_path, f"{WWW}/zwgk/zcfb")[0] == "complete"
    again = crawl(tmp_path, root, "2025-11-12", 200, "--backfill")
    [backfill] = [c for c in again["changes"] if c["kind"] == "backfill"]
    assert (backfill["diff"]["complete"], backfill["diff"]["pages"]) == (True, 6)
    assert [c for c in again["changes"] if c["kind"] != "backfill"] == []
    requests = sqlite3.connect(tmp_path / "a.db").execute(
        "select requests from run_sources where run_id = '2025-11-12-001'").fetchone()[0]
    # the six list pages, and only the articles the revisit policy says are due (published
    # within 60 days of the night); the older ones, fetched 4 days ago, are not fetched again
    due = [d for days in (INDEX_2025, INDEX_2024, *POLICY.values()) for d in days
           if "2025-09-13" <= d]
    assert requests == 6 + len(due)


IN_TURN = """
import json, sys
from crawler.runner import Run
from pipelines.config import Config
config = Config(db=sys.argv[1], reports=sys.argv[2], mirror=sys.argv[3], as_of="2025-11-13",
                backfill_since="2025-10-01", log_level="WARNING")
summary = Run(config, ["mofcom", "mofcom_press", "mofcom_english"]).execute()
print(json.dumps({r.source: [str(r.stats["start_time"]), str(r.stats["finish_time"])]
                  for r in summary.sources}))
"""


def test_sources_sharing_a_host_are_crawled_in_turn(tmp_path) -> None:
    import subprocess
    import sys

    from conftest import REPO

    night = REPO / "demo" / "nights" / "2025-11-13"
    result = subprocess.run([sys.executable, "-c", IN_TURN, str(tmp_path / "a.db"),
                             str(tmp_path / "r"), str(night)], cwd=REPO, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    times = json.loads(result.stdout.strip().splitlines()[-1])
    # www.mofcom.gov.cn sees one crawl at a time; english.mofcom.gov.cn runs alongside
    assert times["mofcom"][1] <= times["mofcom_press"][0]
    assert times["mofcom_english"][0] < times["mofcom"][1]


@pytest.mark.parametrize("target", ["https://other.example.com/moved.html", "SELF"])
def test_a_list_page_redirected_away_is_a_problem(tmp_path, site, target) -> None:
    """A list answered by a redirect that is not followed (off the site, or back to itself):
    the list was never read, a source problem naming it, never a healthy night."""
    root, _ = site
    index = f"https://{WWW}/zcfb/blgg/gg/2025/index.html"
    location = index if target == "SELF" else target
    (root / f"{WWW}/zcfb/blgg/gg/2025/index.html").write_text(
        f"HTTP/1.1 302 Found\r\nLocation: {location}\r\n\r\n", encoding="utf-8")
    report = crawl(tmp_path, root, "2025-11-08")
    [source] = report["sources"]
    assert source["status"] == "degraded", source
    assert any(p.startswith(f"fetch failed for {index}: redirected to {location}")
               for p in source["problems"]), source["problems"]


@pytest.mark.parametrize(("dropped", "why"), [
    ("undecodable page (declared ascii) at https://www.mofcom.gov.cn/api?pageNo=2",
     "undecodable page (declared ascii)"),
    ("bot challenge at www.mofcom.gov.cn: captcha (https://www.mofcom.gov.cn/a.html)",
     "bot challenge at www.mofcom.gov.cn: captcha"),
    ("", "dropped before it was read"),
])
def test_a_list_page_dropped_before_it_was_read_says_why(dropped, why) -> None:
    """The walk's "not read (…)" gives the reason a middleware dropped the page (its address is
    in the walk's own words), not "a bot challenge" whatever the reason."""
    from scrapy.exceptions import IgnoreRequest
    from twisted.python.failure import Failure

    from crawler.spiders.paged import dropped_why

    assert dropped_why(Failure(IgnoreRequest(dropped))) == why


def add_to_first_page(root: Path, year: int, number: int, day: str,
                      body: str = "本公告自公布之日起实施。") -> str:
    """An announcement put at the top of a year's index (its first page); its URL."""
    path, title, page = article(number, day)
    write(root, WWW + path, page.replace("本公告自公布之日起实施。", body))
    index = root / f"{WWW}/zcfb/blgg/gg/{year}/index.html"
    index.write_text(index.read_text(encoding="utf-8").replace(
        '<ul class="txtList_01">',
        f'<ul class="txtList_01"><li><a href="{path}">{title}</a><span>{day}</span></li>', 1),
        encoding="utf-8")
    return f"https://{WWW}{path}"


def test_a_late_posted_announcement_on_a_first_page_is_news_while_a_walk_goes_on(
        tmp_path, site) -> None:
    """While a walk back is unfinished every night is a backfill night, but only what the walk
    finds behind the lists' first pages is history: an announcement MOFCOM posted on this
    year's index days after its date (more than 7 before the night) is a new measure, as on
    any night; what the walk finds on page 3 and 4 is not."""
    root, linked = site
    crawl(tmp_path, root, "2025-11-08", budget=2)  # the walk is cut: more to walk next night
    url = add_to_first_page(root, 2025, 90, "2025-10-20")
    second = crawl(tmp_path, root, "2025-11-09", budget=2)
    [backfill] = [c for c in second["changes"] if c["kind"] == "backfill"]
    assert backfill["diff"]["pages"] == 2  # pages 3 and 4 of the policy list
    [new] = [c for c in second["changes"] if c["kind"] == "new_measure"]
    assert (new["measure"], new["url"]) == ("MOFCOM-2025-90", url)
    assert {c["url"] for c in second["changes"] if c["kind"] == "new_document"} == {url}


def test_a_measure_that_took_effect_within_the_week_is_reported_on_a_backfill_night(
        tmp_path, site) -> None:
    """An old announcement (2025-06-10) the first night's walk finds is history, but its taking
    effect on 2025-10-05, within 7 days of the night, is a change as on any night (CONTRACT
    section 6: the changes dated within 7 days of --as-of)."""
    root, _ = site
    add_to_first_page(root, 2025, 37, "2025-06-10", "本公告自2025年10月05日起正式实施。")
    report = crawl(tmp_path, root, "2025-10-09")
    assert [c["kind"] for c in report["changes"] if c["measure"] == "MOFCOM-2025-37"] == [
        "status_changed"]
    [change] = [c for c in report["changes"] if c["measure"] == "MOFCOM-2025-37"]
    assert (change["from"], change["to"]) == ("announced", "in_force")
    # one that took effect before the week is history: no change
    add_to_first_page(root, 2025, 36, "2025-06-09", "本公告自2025年09月01日起正式实施。")
    (tmp_path / "b").mkdir()
    again = crawl(tmp_path / "b", root, "2025-10-09")
    assert [c for c in again["changes"] if c["measure"] == "MOFCOM-2025-36"] == []


def test_a_walk_stuck_at_a_bad_page_is_said_every_night(tmp_path, site) -> None:
    """A bad JPaaS page the walk retries every night: its source_problem is a change on the
    first night only, and every later night's report and digest say the walk is still stuck
    (since when, where, why), never "nothing changed"; the digest is queued for it."""
    import email
    import email.policy

    root, _ = site
    (root / jpaas_name(3)).write_text("<html><body>502 Bad Gateway</body></html>",
                                      encoding="utf-8")
    crawl(tmp_path, root, "2025-11-08")
    for as_of in ("2025-11-09", "2025-11-10"):
        report = crawl(tmp_path, root, as_of)
        assert report["changes"] == []
        [source] = report["sources"]
        assert source["walks_stuck"] == [{
            "list": f"{WWW}/zwgk/zcfb", "page": 3, "since": "2025-11-08",
            "problem": "an HTML page instead of the JPaaS JSON answer"}]
        markdown = (tmp_path / "r" / f"{report['run_id']}.md").read_text(encoding="utf-8")
        assert f"**nothing new; 1 walk back still stuck (mofcom)** — as of {as_of}" in markdown
        assert (f"- mofcom: the walk back of list {WWW}/zwgk/zcfb is stuck at page 3 since "
                r"2025-11-08 \(an HTML page instead of the JPaaS JSON answer\)") in markdown
    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert index.count("nothing new; 1 walk back still stuck (mofcom)") == 2
    toml = tmp_path / "regwatch.toml"
    toml.write_text('[mail]\nsender = "regwatch@example.org"\n'
                    '[[mail.recipients]]\naddress = "analyst@example.org"\n', encoding="utf-8")
    out = tmp_path / "outbox"
    result = regwatch("digest", "--dry-run", str(out), "--config", str(toml), "--db",
                      str(tmp_path / "a.db"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    mails = [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
             for p in sorted(out.glob("*.eml"))]
    stuck = [m for m in mails if "still stuck" in m["Subject"]]
    assert len(stuck) == 2, [m["Subject"] for m in mails]
    text = stuck[-1].get_body(("plain",)).get_content()
    assert f"the walk back of list {WWW}/zwgk/zcfb is stuck at page 3 since 2025-11-08" in text


def add_to_policy_page(root: Path, path: str, title: str, day: str, page: str) -> str:
    """An article put at the top of the policy list's first page; its URL."""
    write(root, WWW + path, page)
    index = root / f"{WWW}/zwgk/zcfb/index.html"
    index.write_text(index.read_text(encoding="utf-8").replace(
        '<ul class="txtList_01">',
        f'<ul class="txtList_01"><li><a href="{path}">{title}</a><span>{day}</span></li>', 1),
        encoding="utf-8")
    return f"https://{WWW}{path}"


def test_a_filled_number_gap_is_said_and_the_gaps_are_in_the_digest(tmp_path, site) -> None:
    """The walk covers 2024 (Nos. 3, 4 and 11 seen): Nos. 1, 2 and 5-10 may be missing, listed
    in the report and in the night's digest. No. 1 found a night later fills its gap: its
    new_measure says so; the others, only cited by it, are listed as cited (the digest too, and
    Datasette's canned query, which lists a year with no gap left but numbers only cited)."""
    import email
    import email.policy

    import yaml

    root, _ = site
    toml = tmp_path / "regwatch.toml"
    toml.write_text('[mail]\nsender = "regwatch@example.org"\n'
                    '[[mail.recipients]]\naddress = "analyst@example.org"\n', encoding="utf-8")

    def digest(out: Path, as_of: str) -> str:
        """The night's digest (dry-run: the earlier nights' stay pending, written again)."""
        result = regwatch("digest", "--dry-run", str(out), "--config", str(toml), "--db",
                          str(tmp_path / "a.db"), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        mails = [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
                 for p in out.glob("*.eml")]
        [mail] = [m for m in mails if f" {as_of}:" in m["Subject"]]
        return mail.get_body(("plain",)).get_content()

    crawl(tmp_path, root, "2025-11-08")
    text = digest(tmp_path / "outbox1", "2025-11-08")
    assert "Numbers that may be missing" in text and "MOFCOM-2024-1, -2, -5 … -10" in text
    path, title, page = article(1, "2024-01-05")
    page = page.replace("本公告自公布之日起实施。", "".join(
        f"<p>商务部公告2024年第{n}号同时废止。</p>" for n in (2, 5, 6, 7, 8, 9, 10)))
    add_to_policy_page(root, path, title, "2024-01-05", page)
    report = crawl(tmp_path, root, "2025-11-09")
    [new] = [c for c in report["changes"] if c["kind"] == "new_measure"
             and c["measure"] == "MOFCOM-2024-1"]
    assert new["summary"].endswith("fills the gap MOFCOM-2024-1 listed since 2025-11-08")
    assert new["diff"]["fills_gap"] == {"measure": "MOFCOM-2024-1", "since": "2025-11-08"}
    text = digest(tmp_path / "outbox2", "2025-11-09")
    assert "MOFCOM 2024 (highest seen" not in text
    # (2025, under way: Nos. 3 and 4 of 2025 are below No. 10, out since March; Nos. 1 and 5,
    # of this week, count only next week)
    assert "MOFCOM 2025 (under way; highest seen: No. 10): MOFCOM-2025-3, -4" in text
    assert "Cited, their own text not archived" in text
    assert "MOFCOM 2024: MOFCOM-2024-2, -5 … -10" in text
    assert "(and cites 7 more)" in text
    from conftest import REPO

    metadata = yaml.safe_load((REPO / "crawler" / "metadata.yml").read_text(encoding="utf-8"))
    query = metadata["queries"]["number_gaps_to_check"]
    db = sqlite3.connect(tmp_path / "a.db")
    db.row_factory = sqlite3.Row
    rows = [dict(r) for r in db.execute(query["sql"])]
    assert [(r["series"], r["year"], r["under_way"], r["gaps"], r["cited_only"])
            for r in rows] == [("MOFCOM", 2024, 0, 0, "MOFCOM-2024-2, -5 … -10"),
                               ("MOFCOM", 2025, 1, 2, None)]


# --------------------------------------------------------------- entity designations on a backfill

# The demo's export-control listing (MOFCOM-2026-18), its annex table, as a 2025 announcement
LISTED = [("天穹防务系统公司", "Skyvault Defense Systems, Inc."),
          ("深蓝声学公司", "Deep Blue Acoustics LLC"),
          ("铁砧航电公司", "Anvil Avionics Corporation"),
          ("极光光电公司", "Aurora Photonics, Inc.")]
LISTING_SENTENCE = ("商务部决定将天穹防务系统公司等4家美国实体（名单见附件）列入出口管制管控名单，"
                    "并采取以下措施：")


def entity_page(number: int, day: str, title: str, paragraphs: list[str],
                rows: list[tuple[str, str]] = ()) -> tuple[str, str, str, str]:
    """(path, title, day, page) of a MOFCOM announcement about export-control listings, in the
    style of the demo's (its paragraphs, and an annex table of the entities when rows are given)."""
    title = f"商务部公告2025年第{number}号 {title}"
    path = f"/zwgk/zcfb/art/2025/art_{number + 0xe0:032x}.html"
    table = ("<table><tr><td>序号</td><td>中文名称</td><td>英文名称</td><td>国家/地区</td></tr>"
             + "".join(f"<tr><td>{i}</td><td>{zh}</td><td>{en}</td><td>美国</td></tr>"
                       for i, (zh, en) in enumerate(rows, 1)) + "</table>") if rows else ""
    page = (f'<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">'
            f'<meta name="PubDate" content="{day} 10:00"></head><body><div id="zoom">'
            f"<p>【发布文号】商务部公告2025年第{number}号</p>"
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + (f"<p>附件</p><p>出口管制管控名单</p>{table}" if table else "")
            + "</div></body></html>")
    return path, title, day, page


def listing(number: int, day: str, effective: str = "本公告自公布之日起正式实施。"
            ) -> tuple[str, str, str, str]:
    """No. `number` of 2025 puts the four entities on the export control list."""
    return entity_page(number, day, "关于将4家美国实体列入出口管制管控名单的公告",
                       [LISTING_SENTENCE, "一、禁止出口经营者向上述4家实体出口两用物项。",
                        effective], LISTED)


def suspension(number: int, day: str, start: str, listed_by: int) -> tuple[str, str, str, str]:
    """No. `number` suspends the measures against the entities No. `listed_by` listed for 90
    days from start (a date in Chinese: 2025年8月10日)."""
    return entity_page(number, day, f"关于暂停实施商务部公告2025年第{listed_by}号相关措施的公告", [
        f"一、自{start}起，对商务部公告2025年第{listed_by}号列入出口管制管控名单的4家美国实体，"
        "暂停实施相关措施90天。", f"二、本公告自{start}起实施。"])


def ending(number: int, day: str, start: str, listed_by: int) -> tuple[str, str, str, str]:
    """No. `number` stops the measures against three of the entities No. `listed_by` listed and
    takes the fourth off the list, from start."""
    title = f"关于停止执行商务部公告2025年第{listed_by}号相关措施的公告"
    return entity_page(number, day, title, [
        f"一、自{start}起，对商务部公告2025年第{listed_by}号列入出口管制管控名单的4家美国实体，"
        "停止执行相关措施。",
        f"二、自{start}起，将极光光电公司（Aurora Photonics, Inc.）移出出口管制管控名单。",
        f"三、本公告自{start}起实施。"])


def entity_changes(report: dict) -> list[tuple]:
    """The report's entity changes: (kind, English name, from, to, what), sorted."""
    return sorted((c["kind"], c["diff"].get("name_en"), c["from"], c["to"], c["diff"].get("what"))
                  for c in report["changes"] if c["kind"].startswith("entity_"))


def each(kind: str, was: str | None, now: str, what: str | None,
         entities: list[tuple[str, str]] = LISTED) -> list[tuple]:
    """The change entity_changes expects for each entity, sorted."""
    return sorted((kind, en, was, now, what) for _, en in entities)


# A source's first night on 2025-11-14 (everything is history; the quiet day is 2025-11-07):
# the listing (2025-03-03) is old; what its announcements did to it within the 7 days before the
# night is news, as a measure's taking effect is (CONTRACT sections 6 and 8).
ENTITY_HISTORIES = {
    # a suspension announced long ago that ended on 2025-11-08 (90 days from 2025-08-10): the
    # four are listed again from 2025-11-09
    "suspension ended": ([listing(81, "2025-03-03"),
                          suspension(82, "2025-08-01", "2025年8月10日", 81)],
                         each("entity_status_changed", "suspended", "listed", "suspension ended")),
    # announced on 2025-11-01 (history), in effect from 2025-11-10
    "suspended": ([listing(81, "2025-03-03"), suspension(82, "2025-11-01", "2025年11月10日", 81)],
                  each("entity_status_changed", "listed", "suspended", "suspended")),
    "removed": ([listing(81, "2025-03-03"), ending(82, "2025-11-01", "2025年11月10日", 81)],
                sorted(each("entity_status_changed", "listed", "removed", "measures stopped",
                            LISTED[:3]) + each("entity_status_changed", "listed", "removed",
                                               "removed from the list", LISTED[3:]))),
}


@pytest.mark.parametrize("history", ENTITY_HISTORIES)
def test_a_designation_that_changed_within_the_week_is_reported_on_a_backfill_night(
        tmp_path, site, history) -> None:
    """An old listing the first night's walk finds is history (no entity_listed), but its
    suspension ending, a suspension or its end taking effect within the 7 days before the night
    is an entity_status_changed, as on any night (announced however long before)."""
    root, _ = site
    pages, expected = ENTITY_HISTORIES[history]
    for page in pages:
        add_to_policy_page(root, *page)
    report = crawl(tmp_path, root, "2025-11-14")
    assert entity_changes(report) == expected


def test_a_designation_that_changed_before_the_week_is_history(tmp_path, site) -> None:
    """The same listing suspended from 2025-10-10 (before the quiet day): nothing about it is
    reported on the first night; its status is stored."""
    root, _ = site
    for page in [listing(81, "2025-03-03"), suspension(82, "2025-10-01", "2025年10月10日", 81)]:
        add_to_policy_page(root, *page)
    report = crawl(tmp_path, root, "2025-11-14")
    assert entity_changes(report) == []
    db = sqlite3.connect(tmp_path / "a.db")
    assert {r for r in db.execute("select status, until from designations")} == {
        ("suspended", "2026-01-08")}
    db.close()


def test_a_listing_taking_effect_within_the_week_is_listed_on_a_backfill_night(
        tmp_path, site) -> None:
    """A listing announced on 2025-11-01 (history) that takes effect on 2025-11-10: each
    entity is an entity_listed on the first night."""
    root, _ = site
    add_to_policy_page(root, *listing(81, "2025-11-01", "本公告自2025年11月10日起正式实施。"))
    report = crawl(tmp_path, root, "2025-11-14")
    assert entity_changes(report) == each("entity_listed", None, "listed", None)


@pytest.mark.parametrize("budget", [2, 200])
def test_late_posted_entity_announcements_on_a_first_page_are_news_while_a_walk_goes_on(
        tmp_path, site, budget) -> None:
    """While a walk back goes on (budget 2: every night is a backfill night), a listing and a
    removal MOFCOM posted on the policy list's first page days after their date (more than 7
    before the night) are reported as on a night after the walk (budget 200): each entity
    listed, and the entity taken off a list whose listing the archive does not hold removed."""
    root, _ = site
    crawl(tmp_path, root, "2025-11-08", budget)
    for page in [listing(81, "2025-10-20"), entity_page(
            83, "2025-10-21", "关于将斯凯迪奥公司移出出口管制管控名单的公告", [
                "一、自2025年10月21日起，将斯凯迪奥公司（Skydio, Inc.）移出出口管制管控名单。",
                "二、本公告自公布之日起实施。"])]:
        add_to_policy_page(root, *page)
    report = crawl(tmp_path, root, "2025-11-09", budget)
    assert ("backfill" in {c["kind"] for c in report["changes"]}) == (budget == 2)
    assert entity_changes(report) == sorted(each("entity_listed", None, "listed", None) + [
        ("entity_status_changed", "Skydio, Inc.", None, "removed", "removed from the list")])


@pytest.mark.parametrize("citing_first", [True, False])
def test_old_announcements_cited_by_the_weeks_are_history_whatever_the_order(
        tmp_path, site, citing_first) -> None:
    """On a first night (2025-11-14, quiet day 2025-11-07), No. 37 of 2025-06-10 is history
    though No. 88 of 2025-11-12 cites it: no new_measure of its own, whichever page is read
    first; what No. 88 did to it within the week is its status change. So is the listing No.
    81 of 2025-03-03 whose entities No. 86 of the week suspends from a later day: nothing is
    said about them yet (before, a citing page read first made the old pages news: "listed
    (was unknown)" for each entity)."""
    root, _ = site
    path, title, page = article(37, "2025-06-10")
    old = [(path, title, "2025-06-10", page), listing(81, "2025-03-03")]
    citing = [entity_page(88, "2025-11-12", "关于暂停实施商务部公告2025年第37号的公告",
                          ["一、自2025年11月12日起，暂停实施商务部公告2025年第37号。",
                           "二、本公告自公布之日起实施。"]),
              suspension(86, "2025-11-12", "2025年11月20日", 81)]
    for entry in (old + citing) if citing_first else (citing + old):  # the last added on top
        add_to_policy_page(root, *entry)
    report = crawl(tmp_path, root, "2025-11-14")
    changes = sorted((c["kind"], c["measure"], c["from"], c["to"], c["by"])
                     for c in report["changes"]
                     if c["measure"] in ("MOFCOM-2025-37", "MOFCOM-2025-81"))
    assert changes == [("status_changed", "MOFCOM-2025-37", "in_force", "suspended",
                        "MOFCOM-2025-88")]
    assert entity_changes(report) == []
    new = {c["measure"] for c in report["changes"] if c["kind"] == "new_measure"}
    assert {"MOFCOM-2025-86", "MOFCOM-2025-88"} <= new  # (and the site's own of 2025-11-07)
    assert not new & {"MOFCOM-2025-37", "MOFCOM-2025-81"}


def test_a_suspension_the_text_continues_is_said_continued(tmp_path, site) -> None:
    """A text that continues a suspension the archive never saw (继续暂停实施…一年) is a
    "suspension continued" of each entity (CONTRACT section 8), not a new suspension, though
    the archive held them listed."""
    root, _ = site
    add_to_policy_page(root, *listing(81, "2025-03-03"))
    crawl(tmp_path, root, "2025-11-01")
    title = "关于调整出口管制管控名单相关措施的公告"
    add_to_policy_page(root, *entity_page(87, "2025-11-05", title, [
        "一、自2025年11月10日起，对商务部公告2025年第81号列入出口管制管控名单的4家美国实体，"
        "继续暂停实施相关措施一年。", "二、本公告自2025年11月10日起实施。"]))
    crawl(tmp_path, root, "2025-11-06")
    report = crawl(tmp_path, root, "2025-11-11")
    assert entity_changes(report) == each("entity_status_changed", "listed", "suspended",
                                          "suspension continued")
