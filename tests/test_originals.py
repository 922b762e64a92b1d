"""The originals kept by the store stage: a WARC record only when a version is made, never twice
for the same bytes; annexes following their version; controlled items; the originals given back."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sys
import zlib
from pathlib import Path

import pytest
from conftest import FIXTURES, regwatch
from test_evidence import FORGED_STATUS, edit_record
from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipelines.archive import Archive, document_id
from pipelines.evidence import EvidenceError, EvidenceStore
from pipelines.items import AnnexFile, DocumentItem, MeasureRef, RawResponse
from pipelines.normalize import normalize_item
from pipelines.originals import (
    annex_changes,
    annexes_to_keep,
    export_version,
    is_annex_url,
    read_annex_file,
    unique_name,
)
from pipelines.store import store_item

URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_6cb42957741440c6984de696b70df9ae.html"
OTHER = "https://www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_0000000000000000000000000000000a.html"
ANNEX = "https://www.mofcom.gov.cn/cms_files/attach/202510/9f2a7c8e1b3d4f5a.pdf"
PAGE = (FIXTURES / "mofcom" / "art_no61.html").read_bytes()
PDF = (FIXTURES / "annexes" / "sample_no62_technologies.pdf").read_bytes()
PDF2 = (FIXTURES / "annexes" / "sample_no61_annex1_items.pdf").read_bytes()
FETCHED = "2025-10-09T01:30:05+00:00"


def raw(url: str, body: bytes, content_type: str = "text/html") -> RawResponse:
    return RawResponse(url=url, status=200, headers=[("Content-Type", content_type)],
                       body=body, fetched_at=FETCHED, reason="OK")


def annex(body: bytes = PDF, url: str = ANNEX) -> AnnexFile:
    return read_annex_file(url, "附件：稀土相关技术出口管制清单.pdf", URL,
                           raw(url, body, "application/pdf"), 20 << 20)


def item(url: str = URL, body: str = "决定对稀土相关技术实施出口管制。", page: bytes = PAGE,
         annexes: list[AnnexFile] | None = None) -> DocumentItem:
    doc = normalize_item(DocumentItem(
        url=url, source="mofcom", source_kind="authority",
        title="商务部公告2025年第62号 公布对稀土相关技术实施出口管制的决定", body=body,
        language="zh", published_raw="2025-10-09"))
    doc.responses = [raw(url, page)]
    doc.annex_files = annexes if annexes is not None else [annex()]
    return doc


class Night:
    """One archive and evidence store, nights stored one after the other (`evidence`: the
    folder regwatch's commands use for it, evidence/a/ beside a.db)."""

    def __init__(self, folder: Path, db: str = "a.db") -> None:
        self.folder = folder
        self.archive = Archive.open(folder / db)
        self.evidence = folder / "evidence" / Path(db).stem

    def store(self, *items: DocumentItem, as_of: str = "2025-10-09") -> list[str]:
        run_id = self.archive.start_run(as_of, ["mofcom"], None)
        with EvidenceStore(self.evidence) as store:
            outcomes = [store_item(self.archive, i, run_id, as_of, evidence=store)
                        for i in items]
        self.archive.finish_run(run_id, {})
        return outcomes

    def size(self) -> int:
        return sum(p.stat().st_size for p in self.evidence.glob("*.warc.gz"))


@pytest.fixture
def night(tmp_path):
    archive = Night(tmp_path)
    yield archive
    archive.archive.close()


def test_a_new_version_keeps_its_page_and_annex_as_records(night):
    assert night.store(item()) == ["new"]
    doc_id = document_id(URL)
    version = night.archive.version(doc_id)
    assert version["warc_file"] == "2025-10-09-001.warc.gz"
    assert version["payload_digest"] == "sha256:" + hashlib.sha256(PAGE).hexdigest()
    [row] = night.archive.annexes_of(doc_id, 1)
    assert row["sha256"] == hashlib.sha256(PDF).hexdigest() and row["media_type"] == (
        "application/pdf")
    assert "1E902.a" in row["text"] and row["warc_file"] and row["reason"] is None
    assert night.archive.search_annexes("稀土开采")[0]["id"] == row["id"]


def test_an_unchanged_page_adds_nothing(night):
    night.store(item())
    size = night.size()
    assert night.store(item(), as_of="2025-10-10") == ["unchanged"]
    assert night.size() == size
    assert len(night.archive.versions(document_id(URL))) == 1


def test_a_changed_text_with_the_same_bytes_reuses_the_record(night):
    night.store(item())
    size = night.size()
    assert night.store(item(body="决定对稀土相关技术实施出口管制（更正）。"),
                       as_of="2025-10-10") == ["changed"]
    first, second = night.archive.versions(document_id(URL))
    assert (first["warc_file"], first["warc_offset"]) == (second["warc_file"],
                                                          second["warc_offset"])
    assert night.size() == size  # the page bytes and the annex were kept already


def test_a_page_back_to_an_older_text_is_kept_again_dated_that_night(night):
    """Version 3 says what version 1 said: its evidence is that night's response, not version
    1's record (which proves what the page said on another day)."""
    night.store(item())
    night.store(item(body="决定对稀土相关技术实施出口管制（更正）。", page=PAGE + b"<!-- v2 -->"),
                as_of="2025-10-10")
    assert night.store(item(), as_of="2025-10-13") == ["changed"]
    first, _, third = night.archive.versions(document_id(URL))
    assert third["payload_digest"] == first["payload_digest"]
    assert (third["warc_file"], third["warc_offset"]) != (first["warc_file"],
                                                          first["warc_offset"])
    assert third["warc_file"] == "2025-10-13-001.warc.gz"


def test_a_changed_annex_makes_a_version_and_keeps_only_the_new_file(night):
    night.store(item())
    size = night.size()
    assert night.store(item(annexes=[annex(PDF2)]), as_of="2025-10-10") == ["changed"]
    doc_id = document_id(URL)
    assert [v["version"] for v in night.archive.versions(doc_id)] == [1, 2]
    [old], [new] = night.archive.annexes_of(doc_id, 1), night.archive.annexes_of(doc_id, 2)
    assert old["sha256"] != new["sha256"] and new["warc_offset"] != old["warc_offset"]
    added = night.size() - size
    assert 0 < added < len(PDF2) + 1500  # one annex record (the page's is reused)
    assert [h["url"] for h in night.archive.search_annexes("稀土永磁材料")] == [ANNEX]
    assert night.archive.search_annexes("稀土开采") == []  # the old version left the index


def test_the_same_file_linked_from_two_pages_is_kept_once(night):
    night.store(item(), item(url=OTHER, page=PAGE + b" "))
    rows = [night.archive.annexes_of(document_id(u), 1)[0] for u in (URL, OTHER)]
    assert rows[0]["warc_offset"] == rows[1]["warc_offset"]
    with (night.evidence / "2025-10-09-001.warc.gz").open("rb") as fh:
        types = [r.rec_headers.get_header("WARC-Type") for r in ArchiveIterator(fh)]
    assert types == ["warcinfo", "response", "response", "response"]  # 2 pages, 1 annex


def test_an_annex_that_fails_tonight_keeps_its_last_good_copy(night):
    night.store(item())
    failed = AnnexFile(ANNEX, "附件", problem="annex …: HTTP 503")
    assert night.store(item(body="正文改了。", annexes=[failed]), as_of="2025-10-10") == [
        "changed"]
    doc_id = document_id(URL)
    [carried] = night.archive.annexes_of(doc_id, 2)
    [first] = night.archive.annexes_of(doc_id, 1)
    assert carried["sha256"] == first["sha256"] and carried["run_id"] == first["run_id"]


def test_evidence_is_filled_in_for_a_version_stored_without_it(night):
    bare = item()
    bare.responses, bare.annex_files = [], []
    night.store(bare)
    doc_id = document_id(URL)
    assert night.archive.version(doc_id)["warc_file"] is None
    assert night.store(item(), as_of="2025-10-10") == ["unchanged"]
    assert night.archive.version(doc_id)["warc_file"] == "2025-10-10-001.warc.gz"
    assert len(night.archive.annexes_of(doc_id, 1)) == 1
    size = night.size()
    night.store(item(), as_of="2025-10-11")
    assert night.size() == size


def test_controlled_items_carry_the_measure_the_page_issues(night):
    doc = item()
    doc.measures = [MeasureRef(id="MOFCOM-2025-62", series="MOFCOM", year=2025, number=62,
                               relation="issues", confidence="high")]
    night.store(doc)
    rows = night.archive.controlled_items(document_id(URL))
    assert [(r["code"], r["measure"]) for r in rows] == [
        ("1E902.a", "MOFCOM-2025-62"), ("1E902.b", "MOFCOM-2025-62")]
    assert all(r["annex"] for r in rows)


def test_news_pages_define_no_controlled_items(night):
    news = item(body="1C902 稀土金属（海关商品编号：2805301100）")
    news.source_kind = "news"
    night.store(news)
    assert night.archive.controlled_items(document_id(URL)) == []


def test_refused_files_are_remembered(night):
    bad = annex(b"<html><title>404 Not Found</title></html>")
    assert bad.problem and "html-page" in bad.problem and not bad.ok
    night.store(item(annexes=[bad]))
    assert night.archive.annex_refusal(bad.sha256)["reason"].startswith("html-page")
    assert night.archive.annexes_of(document_id(URL), 1) == []


def test_the_originals_come_back_byte_for_byte_with_an_index(night, tmp_path):
    night.store(item())
    out = tmp_path / "out"
    exported = export_version(night.archive, night.evidence, document_id(URL), None, out)
    assert (out / "art_6cb42957741440c6984de696b70df9ae.html").read_bytes() == PAGE
    assert (out / "9f2a7c8e1b3d4f5a.pdf").read_bytes() == PDF
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index == json.loads(json.dumps(exported.index))
    assert [(f["kind"], f["url"], f["status"]) for f in index["files"]] == [
        ("page", URL, 200), ("annex", ANNEX, 200)]
    assert index["files"][1]["sha256"] == hashlib.sha256(PDF).hexdigest()
    with (out / "records.warc.gz").open("rb") as fh:
        records = [(r.rec_type, r.content_stream().read())
                   for r in ArchiveIterator(fh, check_digests=True)]
    assert [body for kind, body in records if kind == "response"] == [PAGE, PDF]


@pytest.mark.parametrize(("doc", "version", "message"), [
    ("0000000000000000", None, "no document 0000000000000000"),
    (document_id(URL), 7, "has no version 7 (it has 1 to 1)"),
])
def test_giving_back_what_is_not_there_is_one_clear_line(night, tmp_path, doc, version,
                                                        message):
    night.store(item())
    with pytest.raises(EvidenceError, match=message.replace("(", r"\(").replace(")", r"\)")):
        export_version(night.archive, night.evidence, doc, version, tmp_path / "out")


def test_a_version_without_evidence_says_so(night, tmp_path):
    bare = item()
    bare.responses, bare.annex_files = [], []
    night.store(bare)
    with pytest.raises(EvidenceError, match="has no original kept"):
        export_version(night.archive, night.evidence, document_id(URL), 1, tmp_path / "out")


def test_a_tampered_record_is_refused(night, tmp_path):
    night.store(item())
    path = night.evidence / "2025-10-09-001.warc.gz"
    data = bytearray(path.read_bytes())
    data[-40] ^= 0xFF  # inside the last record (the annex)
    path.write_bytes(bytes(data))
    with pytest.raises(EvidenceError):
        export_version(night.archive, night.evidence, document_id(URL), 1, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # nothing half-written left behind


def test_a_damaged_record_is_one_printable_line_and_leaves_no_folder(night, tmp_path):
    """A byte flipped inside a record's gzip member: the error is one short printable line (not
    the compressed bytes warcio quotes), and the export leaves nothing behind; an empty folder
    that existed stays, empty."""
    night.store(item())
    path = night.evidence / "2025-10-09-001.warc.gz"
    data = bytearray(path.read_bytes())
    offset = night.archive.version(document_id(URL), 1)["warc_offset"]
    data[offset + 40] ^= 0xFF  # inside the page record's compressed bytes
    path.write_bytes(bytes(data))
    with pytest.raises(EvidenceError) as raised:
        export_version(night.archive, night.evidence, document_id(URL), 1, tmp_path / "out")
    message = str(raised.value)
    assert "no readable WARC record" in message and "\n" not in message
    assert message.isprintable() and len(message) < 200, message
    assert not (tmp_path / "out").exists()
    mine = tmp_path / "mine"
    mine.mkdir()
    with pytest.raises(EvidenceError, match="no readable WARC record"):
        export_version(night.archive, night.evidence, document_id(URL), 1, mine)
    assert mine.is_dir() and list(mine.iterdir()) == []


def test_annex_decisions():
    kept = [{"url": ANNEX, "sha256": "a"}]
    same = AnnexFile(ANNEX, "n", sha256="a")
    new = AnnexFile(ANNEX, "n", sha256="b")
    failed = AnnexFile(ANNEX, "n", problem="HTTP 404")
    assert annex_changes(kept, [same]) == [] and annex_changes(kept, [failed]) == []
    assert annex_changes(kept, [new]) == [(kept[0], new)]
    assert annexes_to_keep(kept, [failed], fresh=True) == kept
    assert annexes_to_keep(kept, [failed], fresh=False) == []
    assert annexes_to_keep(kept, [same], fresh=False) == []
    assert annexes_to_keep([], [same], fresh=False) == [same]


@pytest.mark.parametrize(("url", "text", "expected"), [
    ("https://x.gov.cn/a/1.PDF", "", True),
    ("https://x.gov.cn/a/1.xlsx", "", True),
    ("https://x.gov.cn/download?id=7", "附件：清单", True),
    ("https://x.gov.cn/a/2.html", "附件：说明", False),
    ("https://x.gov.cn/a/1.rar", "附件", False),
    ("https://x.gov.cn/a/", "", False),
])
def test_which_links_are_annexes_to_fetch(url, text, expected):
    assert is_annex_url(url, text) is expected


def test_unique_names():
    taken: set[str] = {"index.json"}
    assert [unique_name(n, taken) for n in ("a.pdf", "a.pdf", "a.pdf", "b")] == [
        "a.pdf", "a-2.pdf", "a-3.pdf", "b"]


def test_a_version_fetched_without_tls_verification_says_so(night):
    insecure = item()
    insecure.responses[0].insecure_tls = True
    night.store(insecure)
    version = night.archive.version(document_id(URL))
    assert version["insecure_tls"] == 1
    with (night.evidence / version["warc_file"]).open("rb") as fh:
        fh.seek(version["warc_offset"])
        record = next(iter(ArchiveIterator(fh)))
    assert record.rec_headers.get_header("WARC-regwatch-insecure-tls") == "true"
    assert night.archive.annexes_of(document_id(URL), 1)[0]["insecure_tls"] == 0


def forge(path: Path, offset: int, body: bytes) -> None:
    """The response record at offset rewritten around another body, as a careful forger would:
    the same record id, address and date, its HTTP Content-Length, WARC-Payload-Digest and
    WARC-Block-Digest recomputed (warcio reads it as a sound record)."""
    data = path.read_bytes()
    record = next(iter(ArchiveIterator(io.BytesIO(data[offset:]), no_record_parse=True)))
    head = record.raw_stream.read().partition(b"\r\n\r\n")[0]
    lines = [line for line in head.split(b"\r\n")
             if not line.lower().startswith(b"content-length:")]
    block = b"\r\n".join([*lines, b"Content-Length: %d" % len(body)]) + b"\r\n\r\n" + body
    headers = [(k, v) for k, v in record.rec_headers.headers
               if k not in ("WARC-Payload-Digest", "WARC-Block-Digest", "Content-Length")]
    headers += [("WARC-Payload-Digest", "sha256:" + hashlib.sha256(body).hexdigest()),
                ("WARC-Block-Digest", "sha256:" + hashlib.sha256(block).hexdigest())]
    forged = ArcWarcRecord("warc", "response", StatusAndHeaders("", headers, protocol="WARC/1.1"),
                           io.BytesIO(block), None, "application/http; msgtype=response",
                           len(block))
    out = io.BytesIO()
    WARCWriter(out, gzip=True, warc_version="WARC/1.1").write_record(forged)
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)  # where the old record's member ends
    inflater.decompress(data[offset:])
    path.write_bytes(data[:offset] + out.getvalue() + inflater.unused_data)
    with path.open("rb") as fh:  # warcio reads it as a sound record, digests and all
        fh.seek(offset)
        assert next(iter(ArchiveIterator(fh, check_digests=True))).content_stream().read() == body


def test_an_annex_record_rewritten_with_another_file_is_refused_with_one_line(tmp_path):
    """The annex's record rewritten with another PDF and digests to match: `regwatch evidence`
    refuses it (exit 1), naming the file and what differs from the archive, and writes
    nothing."""
    night = Night(tmp_path)
    night.store(item())
    [annex_row] = night.archive.annexes_of(document_id(URL), 1)
    night.archive.close()
    forge(night.evidence / annex_row["warc_file"], annex_row["warc_offset"], PDF2)
    error = exported_error(tmp_path)
    assert error.startswith(f"Error: 2025-10-09-001.warc.gz at {annex_row['warc_offset']}: "
                            "the kept annex does not match the archive: ")
    assert (f"its SHA-256 is {hashlib.sha256(PDF2).hexdigest()[:16]}…, the archive recorded "
            f"{hashlib.sha256(PDF).hexdigest()[:16]}…") in error
    assert f"its body is {len(PDF2)} bytes, the archive recorded {len(PDF)}" in error


def test_a_version_pointing_at_another_page_record_is_refused(night, tmp_path):
    """A version whose place holds another page's record: another record id, address and
    payload digest, each said."""
    night.store(item(), item(url=OTHER, page=PAGE + b"<!-- other -->"))
    mine, other = (night.archive.version(document_id(u), 1) for u in (URL, OTHER))
    with night.archive.transaction():
        night.archive.db.execute(
            "update document_versions set warc_offset = ?, warc_length = ? where id = ?",
            [other["warc_offset"], other["warc_length"], mine["id"]])
    with pytest.raises(EvidenceError) as raised:
        export_version(night.archive, night.evidence, document_id(URL), 1, tmp_path / "out")
    message = str(raised.value)
    assert message.startswith(f"2025-10-09-001.warc.gz at {other['warc_offset']}: the kept page "
                              "does not match the archive: ")
    assert (f"its record id is {other['warc_record_id']}, the archive recorded "
            f"{mine['warc_record_id']}") in message
    assert f"it is a record of {OTHER}, the archive recorded {URL}" in message
    assert "its payload digest is sha256:" in message and "\n" not in message
    assert not (tmp_path / "out").exists()


def test_the_records_copy_is_checked_whole_against_the_recorded_length(night, tmp_path):
    """A warc_length that does not end the record where its gzip member ends: refused, where
    records.warc.gz used to get a record cut short."""
    night.store(item())
    version = night.archive.version(document_id(URL), 1)
    with night.archive.transaction():
        night.archive.db.execute("update document_versions set warc_length = ? where id = ?",
                                 [version["warc_length"] - 10, version["id"]])
    with pytest.raises(EvidenceError, match=(
            f"^2025-10-09-001.warc.gz at {version['warc_offset']}: the kept page does not match "
            f"the archive: the record is {version['warc_length']} bytes, the archive recorded "
            f"{version['warc_length'] - 10}$")):
        export_version(night.archive, night.evidence, document_id(URL), 1, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_an_annex_kept_once_for_two_addresses_is_given_back_for_both(night, tmp_path):
    """The same file at two addresses is kept once, in a record of the first address: the
    second page's export accepts it (the archive recorded both addresses in that place)."""
    second_url = ANNEX.replace("9f2a7c8e1b3d4f5a", "0000000000000001")
    night.store(item(), item(url=OTHER, page=PAGE + b" ", annexes=[annex(url=second_url)]))
    exported = export_version(night.archive, night.evidence, document_id(OTHER), 1,
                              tmp_path / "out")
    annex_entry = exported.index["files"][1]
    assert (annex_entry["url"], annex_entry["record_url"]) == (second_url, ANNEX)
    assert (tmp_path / "out" / "0000000000000001.pdf").read_bytes() == PDF


@pytest.mark.parametrize("damage", ["truncated", "missing"])
def test_a_truncated_or_missing_warc_file_is_one_line(night, tmp_path, damage):
    """Refused as before, in one line naming the file (a truncated file: "the record is cut
    short (the file ends inside it)", where it used to be warcio's words)."""
    night.store(item())
    path = night.evidence / "2025-10-09-001.warc.gz"
    if damage == "missing":
        path.unlink()
    else:
        path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(EvidenceError) as raised:
        export_version(night.archive, night.evidence, document_id(URL), 1, tmp_path / "out")
    message = str(raised.value)
    assert "\n" not in message and message.isprintable() and len(message) < 200, message
    assert "2025-10-09-001.warc.gz" in message
    assert "is missing" in message if damage == "missing" else "cut short" in message
    assert not (tmp_path / "out").exists()


def test_the_archive_dates_follow_the_runs_clock_and_the_warc_date_the_download(night, tmp_path):
    """CONTRACT section 1: `--as-of` is the run's clock, used for `fetched_at` dates. A night
    replayed as 2025-11-08 dates its version and annex rows so (the annex row said the moment
    of the download); the WARC records keep that moment (WARC-Date), and `evidence` prints
    both, each labelled. An annex carried from an earlier version keeps that night's date."""
    night.store(item(), as_of="2025-11-08")
    doc_id = document_id(URL)
    [row] = night.archive.annexes_of(doc_id, 1)
    assert row["fetched_at"] == night.archive.version(doc_id)["fetched_at"] == "2025-11-08"
    failed = AnnexFile(ANNEX, "附件", problem="annex …: HTTP 503")
    night.store(item(body="正文改了。", page=PAGE + b" ", annexes=[failed]), as_of="2025-11-12")
    [carried] = night.archive.annexes_of(doc_id, 2)
    assert carried["fetched_at"] == "2025-11-08"
    night.store(item(annexes=[annex(PDF2)]), as_of="2025-11-13")
    [fetched] = night.archive.annexes_of(doc_id, 3)
    assert fetched["fetched_at"] == "2025-11-13"
    index = export_version(night.archive, night.evidence, doc_id, 1, tmp_path / "v1").index
    assert [(f["kind"], f["fetched_at"], f["warc_date"]) for f in index["files"]] == [
        ("page", "2025-11-08", "2025-10-09T01:30:05Z"),
        ("annex", "2025-11-08", "2025-10-09T01:30:05Z")]
    result = regwatch("evidence", doc_id, "--version", "2", "--db", "a.db", "--out", "v2",
                      cwd=night.folder)
    assert result.returncode == 0, result.stderr
    head, page, pdf, _ = result.stdout.splitlines()
    assert head.endswith("stored on 2025-11-12 (the --as-of date of run 2025-11-12-001)")
    assert page.endswith("fetched (WARC-Date) 2025-10-09T01:30:05Z")
    assert pdf.endswith("fetched (WARC-Date) 2025-10-09T01:30:05Z, archived on 2025-11-08")


def test_an_archive_that_dated_annexes_by_the_real_clock_gets_the_runs_dates(night):
    """m991: annex rows dated by the moment of their download (as regwatch wrote them before)
    get their run's as-of date when the archive is opened."""
    import sqlite3

    night.store(item(), as_of="2025-11-08")
    night.archive.close()
    conn = sqlite3.connect(night.folder / "a.db")
    conn.execute("update annexes set fetched_at = ?", [FETCHED])
    conn.execute("delete from _sqlite_migrations where name = "
                 "'m991_annexes_fetched_on_the_runs_date'")
    conn.commit()
    conn.close()
    night.archive = Archive.open(night.folder / "a.db")
    [row] = night.archive.annexes_of(document_id(URL), 1)
    assert row["fetched_at"] == "2025-11-08"


@pytest.mark.parametrize("old, news, said", [
    (b"HTTP/1.1 200 OK", FORGED_STATUS,
     "its HTTP status line or headers do not match its block digest"),
    (b"Content-Type: text/html", [b"Content-Type: application/pdf"],
     "its HTTP status line or headers do not match its block digest; its block is "),
])
def test_a_page_record_with_an_edited_status_or_header_is_refused(tmp_path, old, news, said):
    """The page's HTTP status line or Content-Type edited in its WARC record (a valid gzip
    member of the recorded length, the body untouched): `regwatch evidence` refuses it in one
    line saying what differs (not the body), exit 1, and writes nothing."""
    night = Night(tmp_path)
    night.store(item())
    version = night.archive.version(document_id(URL), 1)
    night.archive.close()
    edit_record(night.evidence / version["warc_file"], version["warc_offset"],
                version["warc_length"], old, *news)
    error = exported_error(tmp_path)
    assert error.startswith(f"Error: 2025-10-09-001.warc.gz at {version['warc_offset']}: "
                            f"the kept record is not as it was written: {said}")
    assert "payload digest" not in error


# WARC-Dates a forger may put for the record's (2025-10-09T01:30:05Z), the length kept.
FORGED_DATES = [b"WARC-Date: 2025-%s" % day for day in (
    b"10-08T01:30:05Z", b"10-01T01:30:05Z", b"09-30T01:30:05Z", b"10-09T01:30:04Z",
    b"10-09T00:30:05Z", b"10-07T01:30:05Z", b"10-02T01:30:05Z", b"10-09T01:00:05Z",
    b"10-08T01:30:00Z", b"10-03T01:30:05Z", b"10-06T01:30:05Z", b"10-09T01:20:05Z")]


def exported_error(tmp_path: Path) -> str:
    """`regwatch evidence` of URL's latest version into out/: refused in one line, nothing
    written; the line."""
    result = regwatch("evidence", document_id(URL), "--db", "a.db", "--out", "out",
                      cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    error = result.stderr.strip()
    assert "\n" not in error and "Traceback" not in error and error.isprintable(), error
    assert not (tmp_path / "out").exists()
    return error


@pytest.mark.parametrize("what", ["page", "annex"])
def test_a_record_whose_warc_date_was_rewritten_is_refused(tmp_path, what):
    """The WARC-Date of a kept record rewritten (a valid gzip member of the recorded length, no
    digest covers it): refused, saying which date it has and which the archive recorded."""
    night = Night(tmp_path)
    night.store(item())
    place = (night.archive.version(document_id(URL), 1) if what == "page"
             else night.archive.annexes_of(document_id(URL), 1)[0])
    assert place["warc_date"] == "2025-10-09T01:30:05Z"
    night.archive.close()
    new = edit_record(night.evidence / place["warc_file"], place["warc_offset"],
                      place["warc_length"], b"WARC-Date: 2025-10-09T01:30:05Z", *FORGED_DATES)
    error = exported_error(tmp_path)
    assert error == (f"Error: 2025-10-09-001.warc.gz at {place['warc_offset']}: the kept {what} "
                     f"does not match the archive: its WARC-Date is {new[11:].decode()}, the "
                     "archive recorded 2025-10-09T01:30:05Z")


def test_a_replayed_record_whose_marker_was_deleted_is_refused(tmp_path):
    """`WARC-regwatch-replayed: offline mirror` deleted from a replayed page's record (a mirror
    replay made to look like a live fetch): refused, naming the field."""
    night = Night(tmp_path)
    replayed = item(annexes=[])
    replayed.responses[0].replayed = True
    night.store(replayed)
    version = night.archive.version(document_id(URL), 1)
    assert json.loads(version["warc_fields"])["replayed"] == "offline mirror"
    night.archive.close()
    edit_record(night.evidence / version["warc_file"], version["warc_offset"],
                version["warc_length"], b"WARC-regwatch-replayed: offline mirror\r\n", b"")
    assert exported_error(tmp_path).endswith(
        "the kept page does not match the archive: its WARC-regwatch-replayed is missing, the "
        "archive recorded 'offline mirror'")


def test_a_status_line_rewritten_with_its_digests_recomputed_is_refused(tmp_path):
    """The page's status line rewritten (200 → 404 or the like) and its digests recomputed, so
    the record checks against itself: refused, its block digest not the one the archive
    recorded when it was written."""
    night = Night(tmp_path)
    night.store(item())
    version = night.archive.version(document_id(URL), 1)
    night.archive.close()
    edit_record(night.evidence / version["warc_file"], version["warc_offset"],
                version["warc_length"], b"HTTP/1.1 200 OK", *FORGED_STATUS, rehash=True)
    error = exported_error(tmp_path)
    assert error.startswith(f"Error: 2025-10-09-001.warc.gz at {version['warc_offset']}: the "
                            "kept page does not match the archive: its HTTP status line or "
                            "headers differ from those the archive recorded (block digest "
                            "sha256:")
    assert f"recorded {version['warc_block_digest'][:23]}…)" in error


def test_records_kept_before_the_archive_recorded_how_they_were_written_are_checked_as_before(
        night, tmp_path):
    """Rows from before m1040 (no warc_date, warc_block_digest, warc_fields): the record is
    given back, checked as before."""
    night.store(item())
    with night.archive.transaction():
        for table in ("document_versions", "annexes"):
            night.archive.db.execute(f"update {table} set warc_date = null, "
                                     "warc_block_digest = null, warc_fields = null")
    exported = export_version(night.archive, night.evidence, document_id(URL), 1,
                              tmp_path / "out")
    assert [f["kind"] for f in exported.index["files"]] == ["page", "annex"]


@pytest.mark.parametrize("planted", ["forged.pdf", "index.json", "sub/notes.txt"])
def test_an_out_folder_that_holds_files_is_refused(tmp_path, planted):
    """`--out` naming a folder with files in it (an earlier bundle's, a planted forged.pdf):
    refused in one line, exit 1, the folder as it was; an empty one is written into."""
    night = Night(tmp_path)
    night.store(item())
    night.archive.close()
    out = tmp_path / "out"
    (out / planted).parent.mkdir(parents=True)
    (out / planted).write_bytes(b"%PDF-1.4 forged")
    result = regwatch("evidence", document_id(URL), "--db", "a.db", "--out", "out",
                      cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    assert result.stderr.strip() == ("Error: out is not empty: evidence is written into a new "
                                     "or empty folder (remove it, or name another with --out)")
    assert [p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()] == [planted]
    (out / planted).unlink()
    if planted.startswith("sub/"):
        (out / "sub").rmdir()
    result = regwatch("evidence", document_id(URL), "--db", "a.db", "--out", "out",
                      cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [*(f["file"] for f in index["files"]), "index.json", "records.warc.gz"])


def test_the_bundle_says_what_it_is_in_its_index_and_a_warcinfo_record(tmp_path):
    """index.json names the tool and its version, the moment of the export, the archive and
    evidence folder it came from, the document (id, version, URL) and the measures it is
    linked to; records.warc.gz opens with a warcinfo record saying the same, and `warcio
    check` passes it."""
    import shutil
    import subprocess

    from crawler import __version__

    night = Night(tmp_path)
    doc = item()
    doc.measures = [MeasureRef(id="MOFCOM-2025-62", series="MOFCOM", year=2025, number=62,
                               relation="issues", confidence="high")]
    night.store(doc)
    night.archive.close()
    result = regwatch("evidence", URL, "--db", "a.db", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert (index["tool"], index["tool_version"]) == ("regwatch", __version__)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", index["exported_at"])
    assert index["archive"] == str((tmp_path / "a.db").resolve())
    assert index["evidence_dir"] == str(night.evidence.resolve())
    assert (index["document"], index["version"], index["url"]) == (document_id(URL), 1, URL)
    assert index["measures"] == [{"measure": "MOFCOM-2025-62", "relation": "issues",
                                  "confidence": "high"}]
    records = tmp_path / "out" / "records.warc.gz"
    with records.open("rb") as fh:
        first = next(iter(ArchiveIterator(fh, check_digests=True)))
        assert first.rec_type == "warcinfo"
        assert first.rec_headers.get_header("WARC-Date") == index["exported_at"]
        info = first.content_stream().read().decode("utf-8")
    for line in (f"regwatch-version: {__version__}", f"regwatch-document: {document_id(URL)}",
                 "regwatch-document-version: 1", f"regwatch-document-url: {URL}",
                 f"regwatch-archive: {index['archive']}",
                 f"regwatch-exported-at: {index['exported_at']}",
                 "regwatch-measures: MOFCOM-2025-62 (issues)"):
        assert line + "\r\n" in info, line
    warcio = shutil.which("warcio", path=str(Path(sys.executable).parent))
    check = subprocess.run([warcio, "check", str(records)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_url_the_archive_does_not_have_is_named_as_typed(tmp_path):
    """The page asked for by its http:// address when the archive has it at https://: the line
    names the address typed (not an id the user never typed) and the one the archive has."""
    night = Night(tmp_path)
    night.store(item())
    night.archive.close()
    typed = URL.replace("https://", "http://")
    result = regwatch("evidence", typed, "--db", "a.db", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    assert result.stderr.strip() == f"Error: no document {typed} in the archive (it has {URL})"
    assert document_id(typed) not in result.stderr and not (tmp_path / "out").exists()
    elsewhere = "https://www.mofcom.gov.cn/nowhere.html"
    result = regwatch("evidence", elsewhere, "--db", "a.db", cwd=tmp_path)
    assert result.stderr.strip() == f"Error: no document {elsewhere} in the archive"


def test_two_exports_differ_only_in_the_moment_of_the_export(night, tmp_path):
    """The same version exported twice: the same files, index.json the same but its
    exported_at, records.warc.gz the same after its warcinfo record."""
    from datetime import UTC, datetime

    night.store(item())
    first, second = (export_version(night.archive, night.evidence, document_id(URL), 1,
                                    tmp_path / name, moment=datetime(2026, 1, day, tzinfo=UTC))
                     for name, day in (("a", 1), ("b", 2)))
    assert (first.index["exported_at"], second.index["exported_at"]) == (
        "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z")
    assert {**first.index, "exported_at": None} == {**second.index, "exported_at": None}
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in set(names) - {"index.json", "records.warc.gz"}:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()

    def after_warcinfo(folder: Path) -> bytes:
        data = (folder / "records.warc.gz").read_bytes()
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        inflater.decompress(data)
        return inflater.unused_data

    assert after_warcinfo(tmp_path / "a") == after_warcinfo(tmp_path / "b") != b""
