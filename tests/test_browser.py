"""`regwatch serve` in a real browser: headless Debian Chromium opens the pages a user opens.

Screenshots are kept as test artifacts in test-artifacts/browser/ (ignored by git; the path is
printed). Chromium must be installed (`make test` installs it on Debian/Ubuntu): without it
these tests fail with a message, they never skip silently.
"""

import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import free_port

from pipelines.archive import Archive
from pipelines.items import DocumentItem
from pipelines.normalize import normalize_item

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts" / "browser"
XSS_TITLE = ("<script>document.title='pwned'</script>"
             "<img src=x onerror=\"document.title='pwned'\">")
XSS_URL = "https://www.mofcom.gov.cn/article/xss/1.html"


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is not installed: run `make test` (installs it with apt-get) or "
                    "`apt-get install -y --no-install-recommends chromium fonts-noto-cjk`")
    return path


@pytest.fixture(scope="module")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    print(f"\nbrowser screenshots and DOM dumps: {ARTIFACTS}")
    return ARTIFACTS


def serve(db: Path):  # type: ignore[no-untyped-def]
    """`regwatch serve` over db on a free port; yields its base URL, stops it afterwards."""
    port = free_port()
    log = db.with_name(f"serve-{port}.log")
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "crawler.cli", "serve", "--db", str(db), "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(log.read_text(errors="replace"))
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


class Browser:
    def __init__(self, binary: str, folder: Path, profile: Path) -> None:
        self.binary, self.folder, self.profile = binary, folder, profile

    def run(self, *args: str) -> str:
        command = [self.binary, "--headless", "--no-sandbox", "--disable-gpu",
                   "--hide-scrollbars", "--no-first-run", f"--user-data-dir={self.profile}",
                   "--virtual-time-budget=5000", *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout

    def screenshot(self, url: str, name: str, size: str = "1280,900") -> Path:
        path = self.folder / f"{name}.png"
        path.unlink(missing_ok=True)
        self.run(f"--screenshot={path}", f"--window-size={size}", url)
        assert path.exists() and path.stat().st_size > 10_000, f"no screenshot of {url}"
        print(f"screenshot {path} <- {url}")
        return path

    def dom(self, url: str, name: str) -> str:
        dom = self.run("--dump-dom", url)
        (self.folder / f"{name}.html").write_text(dom, encoding="utf-8")
        return dom


@pytest.fixture(scope="module")
def browser(artifacts, tmp_path_factory) -> Browser:
    return Browser(chromium(), artifacts, tmp_path_factory.mktemp("chromium-profile"))


@pytest.fixture(scope="module")
def demo_site(demo):
    yield from serve(demo[0] / "archive.db")


def test_measures_table(browser, demo_site):
    url = f"{demo_site}/archive/measures"
    browser.screenshot(url, "measures", "1400,2000")
    dom = browser.dom(url, "measures")
    assert "MOFCOM-2025-61" in dom and "partially_suspended" in dom
    assert "Last day (inclusive) of the current suspension" in dom  # column description


def test_canned_query_suspended_measures(browser, demo_site):
    url = f"{demo_site}/archive/suspended_measures?on=2026-11-22"
    browser.screenshot(url, "suspended_measures", "1280,700")
    dom = browser.dom(url, "suspended_measures")
    assert "MOFCOM-2024-46" in dom and "2026-11-27" in dom and "MOFCOM-2025-72" in dom


def test_canned_query_measure_timeline(browser, demo_site):
    url = f"{demo_site}/archive/measure_timeline?measure=MOFCOM-2025-61"
    browser.screenshot(url, "measure_timeline", "1400,1000")
    dom = browser.dom(url, "measure_timeline")
    assert "MOFCOM-2025-70" in dom and "2026-11-10" in dom


def test_search_rare_earth_in_chinese(browser, demo_site):
    url = f"{demo_site}/archive/documents?_search={urllib.parse.quote('稀土')}"
    browser.screenshot(url, "search_documents_table", "1400,2400")
    dom = browser.dom(url, "search_documents_table")
    assert "公布对稀土相关技术实施出口管制的决定" in dom
    assert "Export measures help" in dom  # an English page: "rare earth" through the glossary
    query = f"{demo_site}/archive/search_documents?q={urllib.parse.quote('稀土')}"
    browser.screenshot(query, "search_documents_query")
    found = browser.dom(query, "search_documents_query")
    assert "公布对稀土相关技术实施出口管制的决定" in found
    assert "glossary: 稀土 = rare earths / 稀土" in found


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory):
    db = tmp_path_factory.mktemp("xss") / "archive.db"
    archive = Archive.open(db)
    run_id = archive.start_run("2025-11-08", ["test"], None)
    item = normalize_item(DocumentItem(
        url=XSS_URL, source="mofcom", source_kind="authority", title=XSS_TITLE,
        body=f"正文 {XSS_TITLE} 稀土", language="zh", published_raw="2025-11-08"))
    with archive.transaction():
        archive.store_document(item, run_id, "2025-11-08")
    archive.close()
    conn = sqlite3.connect(db)
    doc_id, title = conn.execute("select id, title from documents").fetchone()
    conn.close()
    assert "<script>" in title, "the archive should keep the scraped title as it was"
    for base in serve(db):
        yield base, doc_id


@pytest.mark.parametrize("page", ["row", "table", "search"])
def test_scraped_html_is_shown_as_text_never_run(browser, xss_site, page):
    base, doc_id = xss_site
    url = {"row": f"{base}/archive/documents/{doc_id}",
           "table": f"{base}/archive/documents",
           "search": f"{base}/archive/search_documents?q={urllib.parse.quote('稀土')}"}[page]
    dom = browser.dom(url, f"xss_{page}")
    browser.screenshot(url, f"xss_{page}", "1400,2000" if page == "table" else "1280,700")
    title = dom.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "pwned" not in title
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    assert "&lt;img src=x onerror=" in dom
    assert "<script>document.title" not in dom
    assert '<img src="x"' not in dom


# --- the analyst's morning (issue 15): what a person checks on each page ---------------------
class DevTools:
    """Headless Chromium driven over the DevTools protocol (aiohttp's websocket client): load a
    page at a window size, then evaluate JavaScript in it."""

    def __init__(self, binary: str, profile: Path) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--hide-scrollbars", f"--user-data-dir={profile}",
             f"--remote-debugging-port={self.port}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def close(self) -> None:
        """Browser.close, so Chromium removes its temporary files; then make sure it ended."""
        import asyncio

        try:
            asyncio.run(self._browser_close())
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired, AssertionError):
            self.process.terminate()
            self.process.wait(timeout=10)

    async def _browser_close(self) -> None:
        import json

        import aiohttp

        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{self.port}/json/version") as r:
                target = (await r.json())["webSocketDebuggerUrl"]
            async with session.ws_connect(target) as ws:
                await ws.send_str(json.dumps({"id": 1, "method": "Browser.close"}))
                await ws.receive(timeout=5)

    def evaluate(self, url: str, expression: str, width: int = 1280, height: int = 900):  # type: ignore[no-untyped-def]  # noqa: E501
        import asyncio

        return asyncio.run(self._evaluate(url, expression, width, height))

    async def _evaluate(self, url: str, expression: str, width: int, height: int):  # type: ignore[no-untyped-def]  # noqa: E501
        import asyncio
        import json

        import aiohttp

        async with aiohttp.ClientSession() as session:
            pages: list[dict] = []
            for _ in range(300):
                try:
                    async with session.get(f"http://127.0.0.1:{self.port}/json/list") as r:
                        pages = [p for p in await r.json() if p["type"] == "page"]
                    if pages:
                        break
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.1)
            assert pages, "Chromium's DevTools did not answer"
            async with session.ws_connect(pages[0]["webSocketDebuggerUrl"],
                                          max_msg_size=0) as ws:
                counter = 0

                async def call(method: str, **params):  # type: ignore[no-untyped-def]
                    nonlocal counter
                    counter += 1
                    await ws.send_str(json.dumps({"id": counter, "method": method,
                                                  "params": params}))
                    while True:
                        message = json.loads((await ws.receive()).data)
                        if message.get("id") == counter:
                            return message.get("result", {})
                        if message.get("method") == "Page.loadEventFired":
                            self.loaded = True

                await call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                           deviceScaleFactor=1, mobile=False)
                await call("Page.enable")
                self.loaded = False
                await call("Page.navigate", url=url)
                for _ in range(200):
                    if self.loaded:
                        break
                    try:
                        message = json.loads((await ws.receive(timeout=0.1)).data)
                        self.loaded = message.get("method") == "Page.loadEventFired"
                    except TimeoutError:
                        pass
                result = await call("Runtime.evaluate", expression=expression,
                                    returnByValue=True)
                return result["result"].get("value")


@pytest.fixture(scope="module")
def devtools(tmp_path_factory):
    tools = DevTools(chromium(), tmp_path_factory.mktemp("devtools-profile"))
    yield tools
    tools.close()


# Neither the page nor a table in it scrolls sideways.
NO_SIDEWAYS_SCROLL = ("document.documentElement.scrollWidth <= window.innerWidth && Array.from("
                      "document.querySelectorAll('.table-wrapper')).every("
                      "w => w.scrollWidth <= w.clientWidth + 1)")


def test_measure_page_of_61(browser, devtools, demo_site):
    url = f"{demo_site}/archive/measures/MOFCOM-2025-61?on=2026-03-01"
    browser.screenshot(url, "measure_MOFCOM-2025-61", "1280,2400")
    status = devtools.evaluate(url, "document.querySelector('.status-line').innerText")
    assert status.startswith("On 2026-03-01: suspended by MOFCOM-2025-70 until 2026-11-10")
    rows = devtools.evaluate(url, "Array.from(document.querySelectorAll('table.timeline tbody tr'))"
                                  ".map(r => r.innerText.replace(/\\s+/g, ' ').trim())")
    assert len(rows) == 4
    assert rows[1].startswith("the measure 2025-11-07 2026-11-10 suspended by MOFCOM-2025-70")
    assert "on 2026-03-01" in rows[1]  # the row of the day asked about is marked
    assert rows[3].startswith("clause 第一项、第二项 2025-10-09 2025-11-30 published, not yet in")
    assert devtools.evaluate(url, NO_SIDEWAYS_SCROLL)


def test_measures_table_on_1_march_2026(browser, devtools, demo_site):
    url = f"{demo_site}/archive/measures?on=2026-03-01"
    browser.screenshot(url, "measures_on_2026-03-01", "1280,2000")
    line = devtools.evaluate(url, "document.querySelector('.status-line').innerText")
    assert line.startswith("Statuses on 2026-03-01, from the status periods")
    statuses = devtools.evaluate(url, "Object.fromEntries(Array.from(document.querySelectorAll("
                                      "'table.rows-and-columns tbody tr')).map(r => ["
                                      "r.querySelector('td.col-id').innerText.trim(), "
                                      "r.querySelector('td.col-status').innerText.trim()]))")
    assert statuses["MOFCOM-2025-61"].startswith("suspended")
    assert statuses["MOFCOM-2024-46"].startswith("partially_suspended")
    assert statuses["GACC-2025-219"] == "in_force"
    assert devtools.evaluate(url, NO_SIDEWAYS_SCROLL)
    # a Chinese title wraps as a sentence: its cell is far wider than four characters
    width = devtools.evaluate(url, "document.querySelector('td.col-title_zh')"
                                   ".getBoundingClientRect().width")
    assert width > 200


def test_home_page_and_stale_line(browser, devtools, demo_site):
    url = f"{demo_site}/"
    browser.screenshot(url, "home", "1280,1600")
    text = devtools.evaluate(url, "document.body.innerText")
    assert "Archive last updated 2026-11-22: statuses after that are not known" in text
    # what waits for the analyst comes first, above the regime's long lists
    assert text.index("To check") < text.index("Suspended") < text.index(
        "Questions you can ask") < text.index("Tables")
    assert "1 news page left out on a close call" in text
    assert devtools.evaluate(url, NO_SIDEWAYS_SCROLL)


def test_topic_feed_for_rare_earths(browser, devtools, demo_site):
    url = f"{demo_site}/archive/topic_rare_earths"
    browser.screenshot(url, "topic_rare_earths", "1280,1600")
    assert devtools.evaluate(url, NO_SIDEWAYS_SCROLL)
    dom = browser.dom(url, "topic_rare_earths")
    # (No. 18 of 2025 is history on the demo's first night, a backfill: no change of its own;
    # Nos. 56 and 57 are found by their Chinese titles through the glossary)
    assert "MOFCOM-2025-56" in dom and "MOFCOM-2025-57" in dom and "GACC-2025-219" not in dom
    feed = browser.dom(f"{url}.atom", "topic_rare_earths_atom")
    assert "urn:regwatch:change:" in feed


def test_digest_of_the_last_night(browser, devtools, demo, artifacts, tmp_path):
    import shutil

    from pipelines.config import Config, MailConfig, Recipient
    from pipelines.digest import queue_digests

    db = tmp_path / "archive.db"
    shutil.copy(demo[0] / "archive.db", db)
    archive = Archive.open(db)
    queue_digests(archive, Config(mail=MailConfig(recipients=[Recipient("a@example.org")])))
    (row,) = archive.outbox()
    archive.close()
    page = artifacts / "digest_last_night.html"
    page.write_text(row["html"], encoding="utf-8")
    (artifacts / "digest_last_night.txt").write_text(
        f"subject ({len(row['subject'])} characters): {row['subject']}\n"
        f"HTML: {len(row['html'].encode())} bytes\n", encoding="utf-8")
    browser.screenshot(page.as_uri(), "digest_last_night", "1000,2400")
    assert len(row["subject"]) < 100 and len(row["html"].encode()) < 100_000
    # three sentences prove the night's eight changes (Nos. 55-58, Nos. 61-62, No. 46's
    # paragraph 2): each is quoted once
    quotes = devtools.evaluate(page.as_uri(), "document.querySelectorAll('blockquote').length")
    assert quotes == 3


def test_compare_view(browser, demo_site):
    url = f"{demo_site}/archive/-/compare/ff5719f48fcd87eb?from=1&to=2"
    browser.screenshot(url, "compare_versions", "1280,900")
    dom = browser.dom(url, "compare_versions")
    assert "<ins>其他</ins>" in dom and "<del>相关</del>" in dom


def test_document_page_is_readable(devtools, demo_site):
    url = f"{demo_site}/archive/documents/ff5719f48fcd87eb"
    assert devtools.evaluate(url, NO_SIDEWAYS_SCROLL)
    assert devtools.evaluate(url, "getComputedStyle(document.querySelector('.body-text'))"
                                  ".whiteSpace") == "pre-wrap"
# --- the document page and its original --------------------------------------------------------

NO61 = "6daf38bd6d59c64f"  # No. 61 of 2025 on www.mofcom.gov.cn (its annex replaced on night 8)


def test_document_page_shows_the_text_wrapped_and_links_the_originals(browser, demo_site):
    url = f"{demo_site}/archive/documents/{NO61}"
    browser.screenshot(url, "document_page", "1280,1800")
    dom = browser.dom(url, "document_page")
    body = dom.split('class="regwatch-body body-text"', 1)[1].split("</div>", 1)[0]
    assert "二、前款第一项、第二项规定自2025年12月1日起实施" in body
    assert 'class="rows-and-columns"' not in dom  # no table squeezing the body into a column
    assert f'href="/-/original/archive/{NO61}/1"' in dom
    assert f'href="/-/original/archive/{NO61}/2?as=text"' in dom
    assert "附件1：相关物项清单.pdf" in dom and "controlled item" in dom


@pytest.fixture(scope="module")
def hostile_original(tmp_path_factory):
    """A page whose original has a script and a remote image, kept as evidence."""
    from pipelines.evidence import EvidenceStore
    from pipelines.items import RawResponse
    from pipelines.store import store_item

    folder = tmp_path_factory.mktemp("hostile")
    archive = Archive.open(folder / "archive.db")
    run_id = archive.start_run("2025-11-08", ["test"], None)
    item = normalize_item(DocumentItem(
        url=XSS_URL, source="mofcom", source_kind="authority", title="稀土 page",
        body="正文 稀土", language="zh", published_raw="2025-11-08"))
    html = ("<html><head><title>original</title><script>document.title='pwned'</script></head>"
            "<body onload=\"document.title='pwned'\"><img src=\"http://127.0.0.1:9/x.png\">"
            "<p>正文 稀土</p></body></html>").encode()
    item.responses = [RawResponse(XSS_URL, 200, [("Content-Type", "text/html; charset=utf-8")],
                                  html, "2025-11-08T01:00:00+00:00", reason="OK")]
    with EvidenceStore(folder / "evidence" / "archive") as store:
        store_item(archive, item, run_id, "2025-11-08", evidence=store)
    doc_id = archive.document_by_url(XSS_URL)["id"]
    archive.close()
    for base in serve(folder / "archive.db"):
        yield base, doc_id


def test_an_original_never_runs_as_a_page(browser, hostile_original):
    """Shown as text (the download's headers are checked in tests/test_serve.py: Chromium
    headless would only save it): the page's script is text, its image never loads."""
    base, doc_id = hostile_original
    dom = browser.dom(f"{base}/-/original/archive/{doc_id}/1?as=text", "original_as_text")
    assert "<title>" not in dom and "<script>" not in dom and "<img" not in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    assert '&lt;img src="http://127.0.0.1:9/x.png"&gt;' in dom
