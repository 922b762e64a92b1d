"""Evidence through a real crawl of the offline mirror: annexes fetched with their article, bad
annexes reported one by one while the article is archived, originals written back byte for byte,
an unchanged night adding nothing, a replaced annex reported with its text's diff."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, regwatch
from warcio.archiveiterator import ArchiveIterator

ANNEXES = FIXTURES / "annexes"
_spec = importlib.util.spec_from_file_location("make_fixtures", ANNEXES / "make_fixtures.py")
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)

NIGHT = REPO / "demo" / "nights" / "2025-10-09"
HOST = "www.mofcom.gov.cn"
NO62_PATH = "zwgk/zcfb/art/2025/art_6cb42957741440c6984de696b70df9ae.html"
NO62 = f"https://{HOST}/{NO62_PATH}"
FILES = "cms_files/filemanager/test/attach"
CAP = 400_000  # annex_max_bytes for these nights (the slow PDF is under it)
PDF = ANNEXES / "sample_no21_entities.pdf"
# A saved answer with its headers, as `wget --save-headers` writes them: the body after the
# blank line must come back byte for byte.
SAVED = (b"HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: application/pdf\r\n"
         b"ETag: \"68e7-2a0\"\r\nLast-Modified: Thu, 09 Oct 2025 01:00:00 GMT\r\n"
         b"Content-Length: 999999\r\n\r\n")

# link text -> (file name, bytes, what the night must make of it: a problem's words or None)
LINKED = {
    "附件1：出口管制管控名单.pdf": ("good.pdf", PDF.read_bytes(), None),
    "附件2：带响应头的清单.pdf": ("saved.pdf", (ANNEXES / "rare_earth_list_ruled.pdf")
                                 .read_bytes(), None),
    "附件3：扫描件.pdf": ("scanned.pdf", (ANNEXES / "scanned.pdf").read_bytes(), None),
    "附件4：旧格式.doc": ("old.doc", (ANNEXES / "old_binary.doc").read_bytes(), None),
    "附件5：截断的清单.pdf": ("truncated.pdf", (ANNEXES / "truncated.pdf").read_bytes(),
                              "truncated"),
    "附件6：错误页.pdf": ("error_page.pdf", (ANNEXES / "error_page.pdf").read_bytes(),
                         "html-page"),
    "附件7：压缩包.zip": ("bomb.zip", make_fixtures.zip_bomb(megabytes=5), "archive-refused"),
    "附件8：过大的文件.pdf": ("big.pdf", b"%PDF-1.4\n" + os.urandom(CAP + 1000),
                              "over the cap"),
    "附件9：不存在的文件.pdf": ("missing.pdf", None, "HTTP 404"),
    # the reader runs out of time (or, on a slow machine, of memory): stopped either way
    "附件10：读不完的清单.pdf": ("slow.pdf", make_fixtures.slow_pdf(), ("timeout", "memory",
                                                                 "crashed")),
}
KEPT = ["good.pdf", "saved.pdf", "scanned.pdf", "old.doc"]
OWN = "9f2a7c8e1b3d4f5a.pdf"  # No. 62's own annex in the demo night


def annex_url(name: str) -> str:
    return f"https://{HOST}/{FILES}/{name}"


def make_night(target: Path, replaced: bytes | None = None) -> Path:
    """Night 1's mirror with No. 62 linking the annexes above (its page saved with headers)."""
    shutil.copytree(NIGHT, target)
    page = target / HOST / NO62_PATH
    links = "".join(f'<p><a href="/{FILES}/{name}">{text}</a></p>\n'
                    for text, (name, _, _) in LINKED.items())
    html = page.read_text(encoding="utf-8").replace("  </div>\n  <div class=\"art-share\">",
                                                    links + "  </div>\n  <div class=\"art-share\">")
    assert links in html
    page.write_bytes(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                     b"X-Served-By: cache-1\r\n\r\n" + html.encode("utf-8"))
    folder = target / HOST / FILES
    folder.mkdir(parents=True)
    for name, data, _ in LINKED.values():
        if data is None:
            continue
        if name == "good.pdf" and replaced is not None:
            data = replaced
        (folder / name).write_bytes(SAVED + data if name == "saved.pdf" else data)
    return target


def crawl(folder: Path, mirror: Path, as_of: str) -> dict:
    env = {**os.environ, "REGWATCH_ANNEX_MAX_BYTES": str(CAP)}
    result = regwatch("crawl", "--source", "mofcom", "--mirror", str(mirror), "--as-of", as_of,
                      "--db", "a.db", cwd=folder, env=env)
    assert result.returncode == 0, result.stderr
    run_id = sqlite3.connect(folder / "a.db").execute(
        "select id from runs order by rowid desc limit 1").fetchone()[0]
    return json.loads((folder / "diff_reports" / f"{run_id}.json").read_text(encoding="utf-8"))


def evidence_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in (folder / "evidence" / "a").glob("*.warc.gz"))


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    """Three nights of one archive: the annexes, the same again, the good PDF replaced."""
    folder = tmp_path_factory.mktemp("annex-nights")
    first = crawl(folder, make_night(folder / "night1"), "2025-10-09")
    size1 = evidence_bytes(folder)
    second = crawl(folder, folder / "night1", "2025-10-10")
    size2 = evidence_bytes(folder)
    replaced = make_fixtures.pdf_document([make_fixtures.PdfPage().text(
        50, 790, "附件1：出口管制管控名单（更正）", 12)])
    third = crawl(folder, make_night(folder / "night3", replaced), "2025-10-11")
    return folder, (first, second, third), (size1, size2, evidence_bytes(folder))


def test_bad_annexes_are_problems_of_their_own_and_the_article_is_archived(nights):
    folder, (first, _, _), _ = nights
    [mofcom] = first["sources"]
    assert mofcom["status"] == "degraded"
    for text, (name, _, problem) in LINKED.items():
        lines = [p for p in mofcom["problems"] if annex_url(name) in p]
        if problem is None:
            assert lines == [], text
        else:
            words = (problem,) if isinstance(problem, str) else problem
            assert len(lines) == 1 and any(w in lines[0] for w in words), (text, lines)
            assert f"linked from {NO62}" in lines[0]
    assert NO62 in [c["url"] for c in first["changes"] if c["kind"] == "new_document"]
    db = sqlite3.connect(folder / "a.db")
    kept = db.execute("select a.url, reason from annexes a join documents d on d.id = a.document "
                      "where d.url = ? and a.version = 1 order by a.id", [NO62]).fetchall()
    assert [url.rsplit("/", 1)[1] for url, _ in kept] == [OWN, *KEPT]
    reasons = {url.rsplit("/", 1)[1]: (reason or "").split(":")[0] for url, reason in kept}
    assert reasons == {OWN: "", "good.pdf": "", "saved.pdf": "", "scanned.pdf": "no-text-layer",
                       "old.doc": "binary-doc"}


def test_annex_text_and_controlled_items_are_read(nights):
    folder, _, _ = nights
    db = sqlite3.connect(folder / "a.db")
    text = db.execute("select text from annexes where url = ?",
                      [annex_url("good.pdf")]).fetchone()[0]
    assert "1 | 高点航空技术公司 | High Point Aerospace Technologies | 美国" in text
    items = db.execute("select code, measure from controlled_items c join documents d "
                       "on d.id = c.document where d.url = ? and c.annex is not null "
                       "order by c.id", [NO62]).fetchall()
    assert ("1E902.a", "MOFCOM-2025-62") in items and ("1E902.b", "MOFCOM-2025-62") in items


def test_originals_come_back_byte_for_byte_from_a_mirror_with_saved_headers(nights, tmp_path):
    folder, _, _ = nights
    out = tmp_path / "no62"
    result = regwatch("evidence", NO62, "--version", "1", "--db", "a.db", "--out", str(out),
                      cwd=folder)
    assert result.returncode == 0, result.stderr
    saved = (folder / "night1" / HOST / NO62_PATH).read_bytes()
    page = out / NO62_PATH.rsplit("/", 1)[1]
    assert b"X-Served-By" in saved and page.read_bytes() == saved.split(b"\r\n\r\n", 1)[1]
    for name in KEPT:
        assert (out / name).read_bytes() == LINKED[next(
            t for t, v in LINKED.items() if v[0] == name)][1], name
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    saved_entry = next(f for f in index["files"] if f["file"] == "saved.pdf")
    headers = {name.lower(): value for name, value in saved_entry["headers"]}
    assert headers["etag"] == '"68e7-2a0"' and headers["server"] == "nginx"
    assert "content-length" not in headers  # the mirror's body is complete: no stale length
    assert saved_entry["recorded"]["replayed"] == "offline mirror"
    with (out / "records.warc.gz").open("rb") as fh:
        records = [(r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read())
                   for r in ArchiveIterator(fh, check_digests=True)
                   if r.rec_type == "response"]  # (after the bundle's warcinfo record)
    # a file kept before under another URL (same SHA-256: the demo night's No. 21 annex is
    # good.pdf's bytes) is that record, named by the URL it was first fetched from
    by_file = {f["file"]: f for f in index["files"]}
    assert [url for url, _ in records][2:] == [by_file[name]["record_url"] for name in KEPT]
    assert [by_file[name]["url"] for name in KEPT] == [*map(annex_url, KEPT)]
    assert [body for _, body in records][2:] == [(out / name).read_bytes() for name in KEPT]
    assert records[0][0] == NO62 and records[2][1] == PDF.read_bytes()


def test_annexes_are_dated_by_the_runs_clock_their_records_by_the_real_one(nights, tmp_path):
    """`--as-of` is the run's clock (CONTRACT section 1): the annex rows of a crawl replayed as
    2025-10-09 say 2025-10-09, as its version does; the WARC-Date of their records is the moment
    of the download, and `evidence` labels it so."""
    folder, _, _ = nights
    db = sqlite3.connect(folder / "a.db")
    dates = db.execute("select distinct a.fetched_at from annexes a join documents d on "
                       "d.id = a.document where d.url = ? and a.version = 1", [NO62]).fetchall()
    assert dates == [("2025-10-09",)]
    result = regwatch("evidence", NO62, "--version", "1", "--db", "a.db", "--out",
                      str(tmp_path / "v1"), cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "stored on 2025-10-09 (the --as-of date of run 2025-10-09-001)" in result.stdout
    index = json.loads((tmp_path / "v1" / "index.json").read_text(encoding="utf-8"))
    assert {f["fetched_at"] for f in index["files"]} == {"2025-10-09"}
    assert all(f"fetched (WARC-Date) {f['warc_date']}" in result.stdout for f in index["files"])


def test_an_unchanged_night_adds_nothing_to_the_evidence(nights):
    _, (_, second, _), (size1, size2, _) = nights
    assert size1 > 0 and size2 == size1
    assert second["changes"] == []  # the same annex problems are not reported again


def test_a_replaced_annex_is_a_changed_document_with_its_text_diff(nights):
    folder, (_, _, third), (_, size2, size3) = nights
    [changed] = [c for c in third["changes"] if c["kind"] == "document_changed"]
    assert changed["url"] == NO62
    [annex] = changed["diff"]["annexes"]
    assert annex["url"] == annex_url("good.pdf")
    assert "-1 | 高点航空技术公司 | High Point Aerospace Technologies | 美国" in annex["text"]
    assert "+附件1：出口管制管控名单（更正）" in annex["text"]
    db = sqlite3.connect(folder / "a.db")
    versions = db.execute("select v.version, warc_file, warc_offset from document_versions v "
                          "join documents d on d.id = v.document where d.url = ? "
                          "order by v.version", [NO62]).fetchall()
    assert [v[0] for v in versions] == [1, 2]
    assert versions[0][1:] == versions[1][1:]  # the same page bytes: its record is reused
    assert 0 < size3 - size2 < 6000  # only the new annex file was kept
    kept = db.execute("select a.version, count(*) from annexes a join documents d "
                      "on d.id = a.document where d.url = ? group by a.version", [NO62]).fetchall()
    assert kept == [(1, 5), (2, 5)]


def test_a_page_cannot_make_regwatch_fetch_local_files_or_internal_addresses(tmp_path):
    """Annex links to file:, to the cloud metadata address, to localhost or off the source's
    site are not fetched (each an annex problem, or, for file:, not an annex at all); an
    on-site annex redirected to an internal address is not followed. The mirror holds an answer
    for every one of them: nothing but the checks stops them."""
    mirror = tmp_path / "night"
    shutil.copytree(NIGHT, mirror)
    secret = b"REGWATCH_SMTP_PASSWORD=hunter2"
    hostile = {
        "file:///etc/hostname": None,
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/role": "internal",
        "http://127.0.0.1:8080/admin.pdf": "internal",
        "http://localhost/list.pdf": "internal",
        "https://evil.example/list.pdf": "off the source's site",
        f"https://{HOST}/{FILES}/moved.pdf": "not fetched",
    }
    for url in hostile:
        if url.startswith("http") and "moved" not in url:
            parts = url.split("/", 3)
            target = mirror / parts[2] / parts[3]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(secret)
    moved = mirror / HOST / FILES / "moved.pdf"
    moved.parent.mkdir(parents=True, exist_ok=True)
    moved.write_bytes(b"HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/latest/"
                      b"meta-data/iam/security-credentials/role\r\n\r\n")
    page = mirror / HOST / NO62_PATH
    links = "".join(f'<p><a href="{url}">附件{i}：名单</a></p>\n'
                    for i, url in enumerate(hostile, start=2))
    html = page.read_text(encoding="utf-8").replace(
        "  </div>\n  <div class=\"art-share\">", links + "  </div>\n  <div class=\"art-share\">")
    assert links in html
    page.write_text(html, encoding="utf-8")
    report = crawl(tmp_path, mirror, "2025-10-09")
    [mofcom] = report["sources"]
    for url, problem in hostile.items():
        lines = [p for p in mofcom["problems"] if url in p]
        if problem is None:
            assert lines == [], url
        else:
            assert len(lines) == 1 and problem in lines[0], (url, lines)
    db = sqlite3.connect(tmp_path / "a.db")
    urls = [u for (u,) in db.execute("select url from annexes")]
    assert urls and not any(u in hostile for u in urls)
    evidence = b"".join(p.read_bytes() for p in (tmp_path / "evidence").rglob("*.warc.gz"))
    import gzip
    assert secret not in gzip.decompress(evidence)
