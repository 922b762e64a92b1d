"""Fixtures of the fault suite: a small offline mirror and the fault proxy serving it."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from faults.proxy import FaultProxy

HOST = "www.mofcom.gov.cn"
JSON_HOST = "exportcontrol.mofcom.gov.cn"
LIST_PATH = "/zwgk/zcfb/index.html"
ARTICLE_PATHS = (
    "/zwgk/zcfb/art/2025/art_0a1b2c3d4e5f60718293a4b5c6d7e8f9.html",
    "/zwgk/zcfb/art/2025/art_1f2e3d4c5b6a79880716253443526170.html",
)
ARTICLES = r"/art/\d{4}/art_[0-9a-f]{32}\.html$"  # the MOFCOM spider's ARTICLE_PATH
JSON_LIST_PATH = "/edi_ecms_web_front/front/column/getColumnList"
JSON_ARTICLES = r"/article/zcfg/.+\.html$"
SLOW_SECONDS = 5.0  # a slow answer in these tests; clients time out after 1 s
BODY_TEXT = "根据《中华人民共和国出口管制法》有关规定，决定对相关稀土物项实施出口管制。"


def article_html(number: int) -> bytes:
    title = f"商务部公告2025年第{number}号 公布对稀土相关物项实施出口管制的决定"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="ArticleTitle" content="{title}"><title>{title}_中华人民共和国商务部</title></head>
<body><div class="art-main"><h1 class="art-title">{title}</h1>
<div class="art-con" id="zoom"><p>【发布文号】商务部公告2025年第{number}号</p>
<p>{BODY_TEXT}</p></div>
</div><div class="footer"><p>主办单位：中华人民共和国商务部</p></div></body></html>
""".encode()


def list_html() -> bytes:
    items = "\n".join(
        f'<li><a href="{path}" title="第{n}号">商务部公告2025年第{n}号</a>'
        "<span>2025-10-09</span></li>"
        for n, path in zip((61, 62), ARTICLE_PATHS, strict=True))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政策发布_中华人民共和国商务部</title></head>
<body><div class="listCon"><ul class="txtList_01">
{items}
</ul><div class="pager"><a href="/zwgk/zcfb/index_2.html">下一页</a></div></div></body></html>
""".encode()


def json_list() -> bytes:
    rows = [{"id": 1169 + i, "title": f"商务部公告2025年第{61 + i}号",
             "url": f"/article/zcfg/gnzcfg/zcfggzqd/202510/{1169 + i}.html",
             "publishTimeStr": "2025-10-09 10:08:00"} for i in range(2)]
    data = {"code": 200, "msg": "success",
            "pageInfo": {"pageNum": 1, "pages": 1, "total": 2, "rows": rows}}
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


@dataclass(frozen=True)
class Site:
    """The mirror folder and the URLs it answers."""

    root: Path

    def url(self, path: str, host: str = HOST, scheme: str = "https") -> str:
        return f"{scheme}://{host}{path}"

    def file(self, path: str, host: str = HOST) -> Path:
        return self.root / host / path.lstrip("/")


def build_site(root: Path) -> Site:
    """A MOFCOM-shaped mirror: a list page, two articles, a JSON column list (a form POST),
    a saved redirect and a saved challenge."""
    site = Site(root)
    files = {
        site.file(LIST_PATH): list_html(),
        site.file(ARTICLE_PATHS[0]): article_html(61),
        site.file(ARTICLE_PATHS[1]): article_html(62),
        site.file(f"{JSON_LIST_PATH}?columnID=15&pageNumber=1", JSON_HOST): json_list(),
        site.file("/old/index.html"): (
            b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://www.mofcom.gov.cn"
            + LIST_PATH.encode() + b"\r\nContent-Length: 0\r\n\r\n"),
    }
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return site


def proxy_threads() -> list[threading.Thread]:
    """Threads of a running fault proxy in this process (its server loop and handlers)."""
    return [t for t in threading.enumerate()
            if t.name == "fault-proxy" or "process_request_thread" in t.name]


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return build_site(tmp_path / "mirror")


@pytest.fixture
def proxy(site: Site, tmp_path: Path) -> Iterator[FaultProxy]:
    """The fault proxy over the site; after the test, nothing of it is left running."""
    with FaultProxy(site.root, tmp_path / "proxy", slow_seconds=SLOW_SECONDS) as running:
        yield running
    assert proxy_threads() == [], proxy_threads()
    assert running.errors == []
