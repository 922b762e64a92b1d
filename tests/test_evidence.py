"""The WARC evidence store: exact bytes back, standard records, appends that survive a kill."""

from __future__ import annotations

import gzip
import hashlib
import os
import signal
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO
from warcio.archiveiterator import ArchiveIterator

from pipelines.evidence import (
    EvidenceError,
    EvidenceMismatch,
    EvidenceStore,
    check_tail,
    payload_digest,
    read_evidence,
    read_record,
)

RUN = "2025-11-08-001"
FETCHED = "2025-11-08T09:30:05+08:00"
PAGE = (FIXTURES / "mofcom" / "art_no61.html").read_bytes()
PDF = (FIXTURES / "annexes" / "sample_no21_entities.pdf").read_bytes()
PAGE_HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Server", "nginx"),
                ("Set-Cookie", "a=1; Path=/"), ("Set-Cookie", "b=2; Path=/")]
# A GBK file name sent raw by the server, as many Chinese sites do; Scrapy hands it on as bytes.
PDF_HEADERS = [("Content-Type", "application/pdf"),
               ("Content-Disposition", "attachment; filename=" + "附件1.pdf".encode("gbk")
                .decode("latin-1"))]


def store_two(folder: Path, run: str = RUN) -> tuple:
    with EvidenceStore(folder) as store:
        page = store.write_response("https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_1.html",
                                    200, "OK", PAGE_HEADERS, PAGE, FETCHED, run,
                                    {"source": "mofcom", "kind": "page"})
        pdf = store.write_response("https://www.mofcom.gov.cn/cms_files/attach/1.pdf", 200, "OK",
                                   PDF_HEADERS, PDF, FETCHED, run, {"kind": "annex"},
                                   insecure_tls=True)
    return page, pdf


def warc_records(path: Path) -> list:
    """(type, target, digest check passed) of every record, read by warcio with digest checks."""
    found = []
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh, check_digests=True):
            record.content_stream().read()
            found.append((record.rec_headers.get_header("WARC-Type"),
                          record.rec_headers.get_header("WARC-Target-URI"),
                          record.digest_checker.passed))
    return found


def test_responses_come_back_byte_for_byte(tmp_path):
    page, pdf = store_two(tmp_path)
    assert read_record(tmp_path, page.file, page.offset) == (200, PAGE_HEADERS, PAGE)
    status, headers, body = read_record(tmp_path, pdf.file, pdf.offset)
    assert (status, body) == (200, PDF)
    assert headers[1][1].encode("latin-1") == "attachment; filename=附件1.pdf".encode("gbk")
    assert pdf.payload_digest == payload_digest(PDF) != payload_digest(PAGE)


def test_one_standard_gzip_warc_file_per_run_with_warcinfo_first(tmp_path):
    page, pdf = store_two(tmp_path)
    store_two(tmp_path, "2025-11-09-001")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "2025-11-08-001.warc.gz", "2025-11-09-001.warc.gz"]
    path = tmp_path / page.file
    assert warc_records(path) == [
        ("warcinfo", None, True),
        ("response", "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_1.html", True),
        ("response", "https://www.mofcom.gov.cn/cms_files/attach/1.pdf", True)]
    # Each record is its own gzip member: offset and length cut exactly one record out.
    data = path.read_bytes()
    member = data[pdf.offset:pdf.offset + pdf.length]
    assert pdf.offset + pdf.length == len(data)
    assert gzip.decompress(member).startswith(b"WARC/1.1\r\n")
    assert zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data[page.offset:]).endswith(
        b"\r\n\r\n")


def test_record_says_when_where_and_how_it_was_fetched(tmp_path):
    page, pdf = store_two(tmp_path)
    evidence = read_evidence(tmp_path, pdf.file, pdf.offset)
    assert evidence.date == "2025-11-08T01:30:05Z"
    assert evidence.record_id == pdf.record_id and evidence.record_id.startswith("<urn:uuid:")
    assert evidence.insecure_tls is True and evidence.extra == {"kind": "annex"}
    plain = read_evidence(tmp_path, page.file, page.offset)
    assert plain.insecure_tls is False and plain.extra == {"source": "mofcom", "kind": "page"}
    assert b"WARC-regwatch-insecure-tls: true" in gzip.decompress(
        (tmp_path / pdf.file).read_bytes()[pdf.offset:])
    assert page.record_id != pdf.record_id


def test_nothing_is_written_for_a_run_that_stores_nothing(tmp_path):
    with EvidenceStore(tmp_path / "evidence"):
        pass
    assert not (tmp_path / "evidence").exists()


def test_a_resumed_run_appends_to_its_file_without_a_second_warcinfo(tmp_path):
    first, _ = store_two(tmp_path)
    again, _ = store_two(tmp_path)
    assert again.file == first.file
    kinds = [kind for kind, _, _ in warc_records(tmp_path / first.file)]
    assert kinds == ["warcinfo"] + ["response"] * 4
    assert read_record(tmp_path, first.file, first.offset).body == PAGE


def test_a_torn_tail_is_left_alone_and_the_run_goes_on_in_a_new_part(tmp_path):
    page, pdf = store_two(tmp_path)
    path = tmp_path / page.file
    torn = path.read_bytes()[: pdf.offset + pdf.length // 2]
    path.write_bytes(torn)
    assert check_tail(path).whole_end == pdf.offset and check_tail(path).torn
    with EvidenceStore(tmp_path) as store:
        new = store.write_response("https://example.org/x", 200, "OK", [], b"x", FETCHED, RUN)
        assert new.file == f"{RUN}-part2.warc.gz"
        assert "torn" in store.problems[0] and page.file in store.problems[0]
    assert path.read_bytes() == torn
    assert read_record(tmp_path, page.file, page.offset).body == PAGE
    assert read_record(tmp_path, new.file, new.offset).body == b"x"
    assert [k for k, _, _ in warc_records(tmp_path / new.file)] == ["warcinfo", "response"]


def test_junk_after_the_last_record_counts_as_torn(tmp_path):
    page, _ = store_two(tmp_path)
    path = tmp_path / page.file
    whole = path.stat().st_size
    with path.open("ab") as fh:
        fh.write(b"\0" * 4096)
    assert check_tail(path).whole_end == whole and check_tail(path).records == 3


KILLED_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from pipelines.evidence import EvidenceStore
    store = EvidenceStore(Path(sys.argv[1]))
    body = bytes(range(256)) * 4000
    for i in range(100000):
        record = store.write_response(f"https://example.org/{i}", 200, "OK", [], body + b"%d" % i,
                                      "2025-11-08T00:00:00+00:00", "2025-11-08-001")
        print(i, record.offset, flush=True)
""")


def test_records_written_before_a_kill_stay_readable(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(tmp_path)], cwd=REPO,
                             stdout=subprocess.PIPE, text=True)
    written = [child.stdout.readline().split() for _ in range(20)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    body = bytes(range(256)) * 4000
    for number, offset in written:
        assert read_record(tmp_path, f"{RUN}.warc.gz", int(offset)).body == body + number.encode()
    with EvidenceStore(tmp_path) as store:
        new = store.write_response("https://example.org/next", 200, "OK", [], b"after", FETCHED,
                                   RUN)
    assert read_record(tmp_path, new.file, new.offset).body == b"after"
    if new.file == f"{RUN}.warc.gz":  # the kill fell between two records
        assert not store.problems
    else:
        assert store.problems


def fsynced_files(monkeypatch) -> list[int]:
    """The descriptors os.fsync is called on, in order (the call itself still happens)."""
    calls: list[int] = []
    real = os.fsync

    def spy(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    return calls


def test_records_are_fsynced_at_most_sync_seconds_apart_and_on_close(tmp_path, monkeypatch):
    calls = fsynced_files(monkeypatch)
    with EvidenceStore(tmp_path / "often", sync_seconds=0) as store:
        for i in range(5):
            store.write_response(f"https://example.org/{i}", 200, "OK", [], b"x", FETCHED, RUN)
    every_record = len(calls)
    calls.clear()
    with EvidenceStore(tmp_path / "rarely", sync_seconds=3600) as store:
        for i in range(5):
            store.write_response(f"https://example.org/{i}", 200, "OK", [], b"x", FETCHED, RUN)
        while_open = len(calls)
    assert every_record >= 6  # the warcinfo record, five responses (and the new folder)
    assert while_open <= 2  # the new folder and the file's first record, then none for an hour
    assert len(calls) == while_open + 1  # closing syncs what was written since
    records = [k for k, _, _ in warc_records(tmp_path / "rarely" / f"{RUN}.warc.gz")]
    assert records == ["warcinfo"] + ["response"] * 5


def test_a_full_file_continues_in_a_part_with_its_own_warcinfo(tmp_path):
    with EvidenceStore(tmp_path, max_file_bytes=5000) as store:
        records = [store.write_response(f"https://example.org/{i}", 200, "OK", [],
                                        os.urandom(1500), FETCHED, RUN) for i in range(3)]
    assert [r.file for r in records] == [f"{RUN}.warc.gz", f"{RUN}.warc.gz",
                                         f"{RUN}-part2.warc.gz"]
    assert [k for k, _, _ in warc_records(tmp_path / records[2].file)] == ["warcinfo",
                                                                           "response"]


def test_a_second_writer_of_the_same_run_is_refused(tmp_path):
    with EvidenceStore(tmp_path) as first, EvidenceStore(tmp_path) as second:
        first.write_response("https://example.org/", 200, "OK", [], b"1", FETCHED, RUN)
        with pytest.raises(EvidenceError, match="another process"):
            second.write_response("https://example.org/", 200, "OK", [], b"2", FETCHED, RUN)


def test_a_changed_body_fails_its_digest(tmp_path):
    _, pdf = store_two(tmp_path)
    path = tmp_path / pdf.file
    data = path.read_bytes()
    record = gzip.decompress(data[pdf.offset:])
    forged = record.replace(b"/Count 1", b"/Count 2")
    assert forged != record
    path.write_bytes(data[:pdf.offset] + gzip.compress(forged))
    with pytest.raises(EvidenceError, match="does not match its payload digest"):
        read_record(tmp_path, pdf.file, pdf.offset)


@pytest.mark.parametrize("file, offset, message", [
    ("../archive.warc.gz", 0, "not the name"),
    ("/etc/passwd", 0, "not the name"),
    ("2030-01-01-001.warc.gz", 0, "missing"),
    (f"{RUN}.warc.gz", 7, "no readable WARC record"),
])
def test_reading_a_bad_place_is_a_clear_error(tmp_path, file, offset, message):
    store_two(tmp_path)
    with pytest.raises(EvidenceError, match=message):
        read_record(tmp_path, file, offset)


def test_reading_a_warcinfo_record_as_a_response_is_refused(tmp_path):
    store_two(tmp_path)
    with pytest.raises(EvidenceError, match="warcinfo"):
        read_record(tmp_path, f"{RUN}.warc.gz", 0)


@pytest.mark.parametrize("change, message", [
    ({"headers": [("X-Evil", "a\r\nWARC-Type: revisit")]}, "line break"),
    ({"headers": [("Bad Name", "x")]}, "not a token"),
    ({"fetched_at": "2025-11-08T09:30:05"}, "no timezone"),
    ({"fetched_at": "yesterday"}, "not an ISO datetime"),
    ({"run_id": "../../etc"}, "cannot name a WARC file"),
    ({"extra": {"a b": "x"}}, "extra key"),
    ({"status": 2000}, "3-digit"),
])
def test_bad_input_is_refused_before_anything_is_written(tmp_path, change, message):
    call = {"url": "https://example.org/", "status": 200, "reason": "OK", "headers": [],
            "body": b"x", "fetched_at": FETCHED, "run_id": RUN, "extra": None} | change
    with EvidenceStore(tmp_path / "ev") as store, pytest.raises(ValueError, match=message):
        store.write_response(**call)
    assert not (tmp_path / "ev").exists()


def test_hostile_url_and_extra_values_cannot_break_the_record(tmp_path):
    with EvidenceStore(tmp_path) as store:
        record = store.write_response("https://example.org/a b\r\nWARC-Type: revisit", 200, "OK",
                                      [], b"x", FETCHED, RUN,
                                      {"title": "稀土\r\nWARC-Type: revisit"})
    evidence = read_evidence(tmp_path, record.file, record.offset)
    assert evidence.url == "https://example.org/a%20b%0D%0AWARC-Type:%20revisit"
    assert evidence.extra == {"title": "稀土 WARC-Type: revisit"}
    assert [k for k, _, _ in warc_records(tmp_path / record.file)] == ["warcinfo", "response"]


def deflations(data: bytes) -> list[bytes]:
    """data deflated (raw) with every zlib level, memory level and strategy, shortest first."""
    out = set()
    for level in range(1, 10):
        for memory in range(1, 10):
            for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED):
                packer = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS, memory, strategy)
                out.add(packer.compress(data) + packer.flush())
    return sorted(out, key=len)


def member_of_length(record: bytes, length: int) -> bytes | None:
    """record as one valid gzip member of exactly `length` bytes (a deflation that fits, padded
    by an FEXTRA field), as a careful forger keeps a record the length the archive recorded;
    None when none fits."""
    trailer = struct.pack("<II", zlib.crc32(record), len(record) & 0xFFFFFFFF)
    for deflated in deflations(record):
        pad = length - 10 - len(deflated) - 8
        if pad == 0:
            return b"\x1f\x8b\x08\x00" + b"\0" * 4 + b"\x02\xff" + deflated + trailer
        if pad >= 2:
            return (b"\x1f\x8b\x08\x04" + b"\0" * 4 + b"\x02\xff" + struct.pack("<H", pad - 2)
                    + b"\0" * (pad - 2) + deflated + trailer)
    return None


# Status lines a forger may put for 200 OK, the length kept: the first whose record fits.
FORGED_STATUS = [b"HTTP/1.1 %d OK" % code for code in (404, 403, 410, 500, 503, 301, 302, 201,
                                                       204, 400, 401, 451, 202, 206, 304, 502)]


def rehashed(record: bytes) -> bytes:
    """A record's WARC-Payload-Digest and WARC-Block-Digest (and Content-Length) recomputed
    for its block as it now is, as a careful forger would."""
    head, _, rest = record.partition(b"\r\n\r\n")
    block = rest[:-4]
    body = block.partition(b"\r\n\r\n")[2]
    values = {b"WARC-Payload-Digest": b"sha256:" + hashlib.sha256(body).hexdigest().encode(),
              b"WARC-Block-Digest": b"sha256:" + hashlib.sha256(block).hexdigest().encode(),
              b"Content-Length": str(len(block)).encode()}
    lines = [(line.split(b": ", 1)[0] + b": " + values[line.split(b": ", 1)[0]])
             if line.split(b": ", 1)[0] in values else line for line in head.split(b"\r\n")]
    return b"\r\n".join(lines) + b"\r\n\r\n" + block + b"\r\n\r\n"


def edit_record(path: Path, offset: int, length: int, old: bytes, *news: bytes,
                rehash: bool = False) -> bytes:
    """The record's uncompressed bytes edited (old → the first of news whose record fits, once;
    `rehash`: its digests recomputed), written back as a valid gzip member of the same length:
    without `rehash`, nothing but the record's own digests can tell. The replacement used."""
    data = path.read_bytes()
    record = gzip.decompress(data[offset:offset + length])
    assert record.count(old) == 1
    for new in news:
        edited = rehashed(record.replace(old, new)) if rehash else record.replace(old, new)
        member = member_of_length(edited, length)
        if member is not None:
            break
    else:
        raise AssertionError("no edited record compresses into the recorded length")
    assert len(member) == length and gzip.decompress(member) == edited
    path.write_bytes(data[:offset] + member + data[offset + length:])
    return new


@pytest.mark.parametrize("old, news, length_changed", [
    (b"HTTP/1.1 200 OK", FORGED_STATUS, False),
    (b"Content-Type: text/html; charset=utf-8", [b"Content-Type: application/pdf"], True),
])
def test_an_edited_status_line_or_header_fails_the_block_digest(tmp_path, old, news,
                                                                 length_changed):
    """The HTTP status line or a header edited, the body untouched: refused, saying so (not
    that the body does not match); an edit of another length also says the block's length."""
    page, _ = store_two(tmp_path)
    new = edit_record(tmp_path / page.file, page.offset, page.length, old, *news)
    with pytest.raises(EvidenceMismatch) as raised:
        read_record(tmp_path, page.file, page.offset)
    message = str(raised.value)
    assert message.startswith(f"{page.file} at {page.offset}: the kept record is not as it "
                              "was written: its HTTP status line or headers do not match its "
                              "block digest")
    assert "payload digest" not in message
    block = len(gzip.decompress((tmp_path / page.file).read_bytes()[page.offset:][:page.length]
                                ).split(b"\r\n\r\n", 1)[1]) - 4
    said = f"its block is {block} bytes, its Content-Length says {block - len(new) + len(old)}"
    assert (said in message) is length_changed


def test_a_record_without_a_block_digest_is_refused(tmp_path):
    page, _ = store_two(tmp_path)
    record = gzip.decompress((tmp_path / page.file).read_bytes()[page.offset:])
    digest = record.split(b"WARC-Block-Digest: ", 1)[1].split(b"\r\n", 1)[0]
    edit_record(tmp_path / page.file, page.offset, page.length,
                b"WARC-Block-Digest: " + digest + b"\r\n", b"")
    with pytest.raises(EvidenceMismatch, match="it has no block digest$"):
        read_record(tmp_path, page.file, page.offset)
