"""`regwatch serve`: a real Datasette server over a real archive, searched like a user would."""

import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from crawler.items import DocumentItem
from pipelines.archive import Archive
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail(process.stdout.read().decode())
    yield base
    process.terminate()
    process.wait(timeout=10)


def get(url: str) -> str:
    return urllib.request.urlopen(url, timeout=10).read().decode()


def search(server: str, query: str) -> list[str]:
    q = urllib.parse.quote(query)
    rows = json.loads(get(f"{server}/archive/documents.json?_search={q}&_shape=array"))
    return [row["url"] for row in rows]


@pytest.mark.parametrize(("query", "expected_doc"), [
    ("稀土", 0), ("出口管制", 0), ("rare earth", 1), ("suspension", 1)])
def test_datasette_search_box_finds_chinese_and_english(server, query, expected_doc):
    assert search(server, query) == [DOCS[expected_doc][0]]


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
