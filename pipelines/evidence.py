"""Raw evidence: every fetched response kept byte for byte as a WARC record (ISO 28500, WARC/1.1).

One gzip-compressed WARC file per run (`<run_id>.warc.gz`, then `<run_id>-part2.warc.gz`, ... when
a file is full or its tail was torn), each starting with a `warcinfo` record, then one `response`
record per stored page or annex. Each record is its own gzip member, written whole at the end of
the file before its place (`EvidenceRecord`) is returned, so a killed process can only tear the
record it was writing: on opening an existing file the store checks that it ends on a whole record
and, when it does not, leaves it untouched and continues in a new part. Files are fsynced at most
`sync_seconds` after a record (1 s by default) and when they are closed: the archive's own promise
(SQLite's WAL with synchronous=NORMAL), which a per-record fsync cost a sixth of a backfill for.

Digests are `sha256:<64 hex>` (WARC-Payload-Digest over the body, WARC-Block-Digest over the HTTP
header block and the body). The caller keeps payload digests in its archive and calls
`payload_digest(body)` before `write_response`, so an unchanged body is never stored twice.

The body is stored exactly as given: a caller that received a decoded body (Scrapy removes
Content-Encoding after decompressing) stores the decoded bytes with the headers it has.
"""

from __future__ import annotations

import base64
import binascii
import fcntl
import hashlib
import io
import os
import re
import socket
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser
from warcio.warcwriter import WARCWriter

WARC_VERSION = "WARC/1.1"
SOFTWARE = "regwatch (warcio)"
CONFORMS_TO = "http://bibnum.bnf.fr/WARC/WARC_ISO_28500_version1-1_latestdraft.pdf"
HEADER_PREFIX = "WARC-regwatch-"
SYNC_SECONDS = 1.0  # the longest a written record waits for its fsync
INSECURE_TLS_HEADER = HEADER_PREFIX + "insecure-tls"
WARC_FILE_BYTES = 1 << 30  # the usual WARC file size; a run that passes it starts a part

_RUN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_FILE_NAME = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]{0,99}?)(?:-part(\d+))?\.warc\.gz")
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_EXTRA_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,60}")
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f]")
_CHUNK = 1 << 20


class EvidenceError(Exception):
    """A WARC file or record that is missing, torn, or does not match its digest."""


class EvidenceMismatch(EvidenceError):
    """A whole, readable record that is not as it was written (its block against its own
    payload digest, block digest and Content-Length) or not what the archive recorded in its
    place (another record id, address, body or length): never to be handed out as evidence."""


@dataclass(frozen=True)
class EvidenceRecord:
    """Where one stored response is: the file (relative to the store's folder) and the record."""

    file: str
    record_id: str  # e.g. <urn:uuid:...>
    offset: int  # of the record's gzip member in the file
    length: int  # bytes of the gzip member
    payload_digest: str  # sha256:<hex> of the body
    date: str = ""  # its WARC-Date
    block_digest: str = ""  # its WARC-Block-Digest (status line, headers and body)
    fields: dict[str, str] = field(default_factory=dict)  # its WARC-regwatch-* fields


class StoredResponse(NamedTuple):
    status: int
    headers: list[tuple[str, str]]
    body: bytes


@dataclass(frozen=True)
class Evidence:
    """A stored response with what the WARC record says about it."""

    url: str
    date: str  # WARC-Date (UTC)
    record_id: str
    status: int
    reason: str
    protocol: str
    headers: list[tuple[str, str]]
    body: bytes
    payload_digest: str
    insecure_tls: bool
    extra: dict[str, str] = field(default_factory=dict)  # WARC-regwatch-* but insecure-tls
    block_digest: str = ""  # WARC-Block-Digest
    fields: dict[str, str] = field(default_factory=dict)  # every WARC-regwatch-* field


def payload_digest(body: bytes) -> str:
    """The digest `write_response` records for this body: compare before storing it again."""
    return "sha256:" + hashlib.sha256(body).hexdigest()


def warc_file_name(run_id: str, part: int = 1) -> str:
    if not _RUN_ID.fullmatch(run_id):
        raise ValueError(f"run id {run_id!r} cannot name a WARC file")
    return f"{run_id}.warc.gz" if part == 1 else f"{run_id}-part{part}.warc.gz"


def warc_date(fetched_at: str) -> str:
    """An ISO 8601 datetime with a timezone as a WARC-Date (UTC, seconds, `Z`)."""
    try:
        moment = datetime.fromisoformat(fetched_at)
    except ValueError:
        raise ValueError(f"fetched_at {fetched_at!r} is not an ISO datetime") from None
    if moment.tzinfo is None:
        raise ValueError(f"fetched_at {fetched_at!r} has no timezone")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def http_header_block(protocol: str, status: int, reason: str,
                      headers: list[tuple[str, str]]) -> bytes:
    """The status line and headers as bytes (latin-1, as HTTP carries them), ending CRLF CRLF."""
    if not 100 <= status <= 999:
        raise ValueError(f"HTTP status {status} is not a 3-digit code")
    lines = [f"{protocol} {status} {reason}".rstrip().encode("latin-1")]
    for name, value in headers:
        if not _TOKEN.fullmatch(name):
            raise ValueError(f"HTTP header name {name!r} is not a token")
        if "\r" in value or "\n" in value:
            raise ValueError(f"HTTP header {name} has a line break in its value")
        lines.append(name.encode("latin-1") + b": " + _header_bytes(value))
    return b"\r\n".join(lines) + b"\r\n\r\n"


def _header_bytes(value: str) -> bytes:
    """Latin-1 keeps any byte a server sent; text outside it (already decoded) goes as UTF-8."""
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode("utf-8")


def parse_http_header_block(block: bytes) -> tuple[str, int, str, list[tuple[str, str]]]:
    """protocol, status, reason and headers of a header block written by `http_header_block`."""
    lines = block.decode("latin-1").split("\r\n")
    protocol, _, rest = lines[0].partition(" ")
    code, _, reason = rest.partition(" ")
    if not code.isdigit():
        raise EvidenceError(f"status line {lines[0][:80]!r} has no status code")
    headers = []
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise EvidenceError(f"header line {line[:80]!r} has no colon")
        headers.append((name, value.strip(" \t")))
    return protocol, int(code), reason, headers


def safe_target_uri(url: str) -> str:
    """The URL with spaces and control characters percent-encoded (they would break the header)."""
    return _URL_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", url)


def _extra_headers(extra: dict | None) -> list[tuple[str, str]]:
    headers = []
    for key, value in (extra or {}).items():
        if not _EXTRA_KEY.fullmatch(str(key)):
            raise ValueError(f"extra key {key!r}: letters, digits and '-' only")
        headers.append((HEADER_PREFIX + str(key), " ".join(str(value).split())))
    return headers


def _record_bytes(record: ArcWarcRecord) -> bytes:
    buffer = io.BytesIO()
    WARCWriter(buffer, gzip=True, warc_version=WARC_VERSION).write_record(record)
    return buffer.getvalue()


def response_record_bytes(url: str, protocol: str, status: int, reason: str,
                          headers: list[tuple[str, str]], body: bytes, date: str,
                          extra_headers: list[tuple[str, str]], digest: str | None = None
                          ) -> tuple[str, str, bytes]:
    """The record id, block digest and gzip member of one `response` record, the HTTP block
    kept verbatim (`digest`: the body's payload_digest, when the caller has it already)."""
    block = http_header_block(protocol, status, reason, headers) + body
    block_digest = "sha256:" + hashlib.sha256(block).hexdigest()
    record_id = StatusAndHeadersParser.make_warc_id()
    warc_headers = StatusAndHeaders("", [
        ("WARC-Type", "response"),
        ("WARC-Record-ID", record_id),
        ("WARC-Date", date),
        ("WARC-Target-URI", safe_target_uri(url)),
        ("WARC-Payload-Digest", digest or payload_digest(body)),
        ("WARC-Block-Digest", block_digest),
        *extra_headers,
    ], protocol=WARC_VERSION)
    # No parsed HTTP headers: warcio writes the block as given instead of re-encoding it.
    record = ArcWarcRecord("warc", "response", warc_headers, io.BytesIO(block), None,
                           "application/http; msgtype=response", len(block))
    return record_id, block_digest, _record_bytes(record)


def warcinfo_record_bytes(file_name: str, run_id: str) -> bytes:
    writer = WARCWriter(None, warc_version=WARC_VERSION)
    record = writer.create_warcinfo_record(file_name, {
        "software": SOFTWARE,
        "format": "WARC File Format 1.1",
        "conformsTo": CONFORMS_TO,
        "isPartOf": run_id,
        "hostname": socket.gethostname(),
        "description": "regwatch evidence: responses that produced document versions and annexes",
    })
    return _record_bytes(record)


def bundle_warcinfo_bytes(file_name: str, date: str, info: dict[str, str]) -> bytes:
    """The warcinfo record that opens an exported bundle's WARC file (`date`: the export's
    moment, a WARC-Date), saying what the bundle is (`info`: its fields, in order)."""
    writer = WARCWriter(None, warc_version=WARC_VERSION)
    record = writer.create_warcinfo_record(file_name, {
        "software": SOFTWARE, "format": "WARC File Format 1.1", "conformsTo": CONFORMS_TO,
        **{key: " ".join(value.split()) for key, value in info.items()}})
    record.rec_headers.replace_header("WARC-Date", date)
    return _record_bytes(record)


@dataclass(frozen=True)
class TailCheck:
    """How an existing WARC file ends: `whole_end` is the end of its last whole record."""

    size: int
    whole_end: int
    records: int

    @property
    def torn(self) -> bool:
        return self.whole_end != self.size


def check_tail(path: Path) -> TailCheck:
    """Walk the file's gzip members; each must hold one whole WARC record (WARC/… to CRLF CRLF)."""
    size = path.stat().st_size
    whole_end = records = 0
    with path.open("rb") as fh:
        position = 0  # file offset of `pending`'s first byte
        pending = b""
        member = _MemberCheck()
        while True:
            chunk = pending or fh.read(_CHUNK)
            if not chunk:
                return TailCheck(size, whole_end, records)
            pending = b""
            try:
                leftover = member.feed(chunk)
            except zlib.error:
                return TailCheck(size, whole_end, records)
            if leftover is None:
                position += len(chunk)
                continue
            position += len(chunk) - len(leftover)
            if not member.is_whole_record():
                return TailCheck(size, whole_end, records)
            whole_end, records = position, records + 1
            member, pending = _MemberCheck(), leftover


class _MemberCheck:
    """One gzip member being decompressed; keeps only its first and last bytes."""

    def __init__(self) -> None:
        self.inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self.head = b""
        self.tail = b""

    def feed(self, data: bytes) -> bytes | None:
        """Decompress; None while the member goes on, else the bytes after its end."""
        while data:
            out = self.inflater.decompress(data, _CHUNK)
            self._keep(out)
            data = self.inflater.unconsumed_tail
            if self.inflater.eof:
                return self.inflater.unused_data
        while not self.inflater.eof:  # drain what was held back by the max_length
            out = self.inflater.decompress(b"", _CHUNK)
            if not out:
                break
            self._keep(out)
        return self.inflater.unused_data if self.inflater.eof else None

    def _keep(self, out: bytes) -> None:
        if len(self.head) < 8:
            self.head += out[: 8 - len(self.head)]
        self.tail = (self.tail + out)[-4:]

    def is_whole_record(self) -> bool:
        return self.head.startswith(b"WARC/") and self.tail == b"\r\n\r\n"


@dataclass
class _OpenFile:
    name: str
    part: int
    fd: int
    size: int
    synced_at: float = 0.0  # time.monotonic() of the last fsync
    dirty: bool = False


class EvidenceStore:
    """Appends response records to one WARC file per run under `folder` (created on first use)."""

    def __init__(self, folder: Path, *, max_file_bytes: int = WARC_FILE_BYTES,
                 sync_seconds: float = SYNC_SECONDS) -> None:
        self.folder = Path(folder)
        self.max_file_bytes = max_file_bytes
        self.sync_seconds = sync_seconds
        self.problems: list[str] = []  # one line each, e.g. a torn tail found and left alone
        self._files: dict[str, _OpenFile] = {}

    def __enter__(self) -> EvidenceStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for opened in self._files.values():
            self._close(opened)
        self._files.clear()

    @staticmethod
    def _close(opened: _OpenFile) -> None:
        try:
            if opened.dirty:
                os.fsync(opened.fd)
        finally:
            os.close(opened.fd)

    def write_response(self, url: str, status: int, reason: str,
                       headers: list[tuple[str, str]], body: bytes, fetched_at: str,
                       run_id: str, extra: dict | None = None, *, insecure_tls: bool = False,
                       protocol: str = "HTTP/1.1", digest: str | None = None
                       ) -> EvidenceRecord:
        """Store one response (status line, headers, exact body); where it is. `digest`: the
        body's payload_digest when the caller computed it (the body is hashed once)."""
        warc_file_name(run_id)  # refuses a run id that cannot name a file
        extra_headers = _extra_headers(extra)
        if insecure_tls:
            extra_headers.append((INSECURE_TLS_HEADER, "true"))
        digest = digest or payload_digest(body)
        date = warc_date(fetched_at)
        record_id, block_digest, data = response_record_bytes(
            url, protocol, status, reason, headers, body, date, extra_headers, digest)
        opened = self._file_for(run_id, len(data))
        offset = self._append(opened, data)
        fields = {name[len(HEADER_PREFIX):]: value for name, value in extra_headers}
        return EvidenceRecord(opened.name, record_id, offset, len(data), digest, date,
                              block_digest, fields)

    def _file_for(self, run_id: str, record_size: int) -> _OpenFile:
        opened = self._files.get(run_id)
        if opened is None:
            opened = self._open_last_part(run_id)
        if opened.size and opened.size + record_size > self.max_file_bytes:
            self._close(opened)
            opened = self._create(run_id, opened.part + 1)
        self._files[run_id] = opened
        return opened

    def _open_last_part(self, run_id: str) -> _OpenFile:
        self.folder.mkdir(parents=True, exist_ok=True)
        part = self._last_part(run_id)
        if part == 0:
            return self._create(run_id, 1)
        name = warc_file_name(run_id, part)
        check = check_tail(self.folder / name)
        if check.torn:
            self.problems.append(
                f"evidence {name}: the record at byte {check.whole_end} is torn (a killed run?);"
                f" the file is left as it is and the run continues in a new part")
            return self._create(run_id, part + 1)
        fd = self._open_fd(self.folder / name, os.O_WRONLY | os.O_APPEND)
        return _OpenFile(name, part, fd, check.size)

    def _last_part(self, run_id: str) -> int:
        parts = [1] if (self.folder / warc_file_name(run_id)).exists() else [0]
        for path in self.folder.glob(f"{run_id}-part*.warc.gz"):
            match = _FILE_NAME.fullmatch(path.name)
            if match and match.group(1) == run_id and match.group(2):
                parts.append(int(match.group(2)))
        return max(parts)

    def _create(self, run_id: str, part: int) -> _OpenFile:
        name = warc_file_name(run_id, part)
        fd = self._open_fd(self.folder / name, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_EXCL)
        _fsync_folder(self.folder)
        opened = _OpenFile(name, part, fd, 0)
        self._append(opened, warcinfo_record_bytes(name, run_id))
        return opened

    @staticmethod
    def _open_fd(path: Path, flags: int) -> int:
        fd = os.open(path, flags, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise EvidenceError(f"evidence {path.name}: another process is writing it") from None
        return fd

    def _append(self, opened: _OpenFile, data: bytes) -> int:
        offset = opened.size
        view = memoryview(data)
        while view:
            written = os.write(opened.fd, view)
            view = view[written:]
        opened.size += len(data)
        opened.dirty = True
        now = time.monotonic()
        if now - opened.synced_at >= self.sync_seconds:
            os.fsync(opened.fd)
            opened.synced_at, opened.dirty = now, False
        return offset


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def run_files(folder: Path, run_id: str) -> list[Path]:
    """The WARC files of a run in folder (its first file and its parts), those that exist."""
    paths = [Path(folder) / warc_file_name(run_id)]
    paths += [path for path in Path(folder).glob(f"{run_id}-part*.warc.gz")
              if (match := _FILE_NAME.fullmatch(path.name)) and match.group(1) == run_id]
    return [path for path in paths if path.is_file()]


def evidence_path(folder: Path, file: str) -> Path:
    """The path of a WARC file named by the archive; refuses anything but a plain file name."""
    if not _FILE_NAME.fullmatch(file):
        raise EvidenceError(f"{file!r} is not the name of an evidence WARC file")
    path = Path(folder) / file
    if not path.is_file():
        raise EvidenceError(f"evidence file {path} is missing")
    return path


def readable(error: BaseException, limit: int = 100) -> str:
    """An error in one short printable line (warcio quotes the damaged bytes it read)."""
    text = "".join(ch if ch.isprintable() else "?" for ch in str(error).split("\n")[0])
    text = re.sub(r"\?{3,}", "…", text)
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def read_evidence(folder: Path, file: str, offset: int) -> Evidence:
    """The response record at `offset` of `file`, checked against its own digests and length."""
    return _parse_record(read_member(folder, file, offset), file, offset)


def _parse_record(member: bytes, file: str, offset: int) -> Evidence:
    """The response record of a whole gzip member (`file` and `offset` name it), refused
    (EvidenceMismatch) when its block is not what its own WARC headers say."""
    try:
        record = next(iter(ArchiveIterator(io.BytesIO(member), no_record_parse=True)))
        record.raw_stream.read()
        data = zlib.decompress(member, zlib.MAX_WBITS | 16)
    except Exception as error:  # warcio raises several kinds on a bad record
        raise EvidenceError(f"{file} at {offset}: no readable WARC record "
                            f"({readable(error)})") from None
    warc = record.rec_headers
    if record.format != "warc" or not warc.get_header("WARC-Type"):
        raise EvidenceError(f"{file} at {offset}: no readable WARC record")
    if warc.get_header("WARC-Type") != "response":
        raise EvidenceError(f"{file} at {offset}: a {warc.get_header('WARC-Type')} record")
    block = whole_block(data)
    problems = block_problems(warc, block)
    if problems:
        raise EvidenceMismatch(f"{file} at {offset}: the kept record is not as it was written: "
                               f"{'; '.join(problems)}")
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        raise EvidenceError(f"{file} at {offset}: the HTTP block has no end of headers")
    protocol, status, reason, headers = parse_http_header_block(head + sep)
    fields = {name[len(HEADER_PREFIX):]: value for name, value in warc.headers
              if name.startswith(HEADER_PREFIX)}
    extra = dict(fields)
    return Evidence(
        url=warc.get_header("WARC-Target-URI") or "", date=warc.get_header("WARC-Date") or "",
        record_id=warc.get_header("WARC-Record-ID") or "", status=status, reason=reason,
        protocol=protocol, headers=headers, body=body,
        payload_digest=warc.get_header("WARC-Payload-Digest") or "",
        insecure_tls=extra.pop("insecure-tls", "") == "true", extra=extra,
        block_digest=warc.get_header("WARC-Block-Digest") or "", fields=fields)


def whole_block(record: bytes) -> bytes:
    """The bytes between a whole record's WARC headers and its closing CRLF CRLF, however long
    its Content-Length says the block is."""
    end = record.find(b"\r\n\r\n")
    return record[end + 4:len(record) - 4] if end >= 0 else b""


def digest_matches(declared: str, data: bytes) -> bool:
    """Whether a WARC digest (`sha256:<hex>`, `sha1:<base32>`, ...) is the digest of data."""
    algorithm, _, value = declared.partition(":")
    try:
        raw = hashlib.new(algorithm.lower(), data).digest()
    except ValueError:  # not an algorithm hashlib knows
        return False
    if value.lower() == raw.hex():
        return True
    try:
        return base64.b32decode(value.upper()) == raw
    except (binascii.Error, ValueError):
        return False


def block_problems(warc: StatusAndHeaders, block: bytes) -> list[str]:
    """What in a record's block differs from its own WARC headers (none: it is as written): its
    body from its payload digest, its HTTP status line and headers from its block digest, its
    length from its Content-Length."""
    problems = []
    body = block.partition(b"\r\n\r\n")[2]
    body_ok = (warc.get_header("WARC-Payload-Digest") or "") == payload_digest(body)
    if not body_ok:
        problems.append("the body does not match its payload digest")
    declared = warc.get_header("WARC-Block-Digest")
    if not declared:
        problems.append("it has no block digest")
    elif body_ok and not digest_matches(declared, block):
        problems.append("its HTTP status line or headers do not match its block digest")
    length = warc.get_header("Content-Length") or ""
    if length != str(len(block)):
        problems.append(f"its block is {len(block)} bytes, its Content-Length says "
                        f"{length or 'nothing'}")
    return problems


@dataclass(frozen=True)
class Recorded:
    """What the archive recorded about a kept record (None: not recorded, not checked): the
    record read from its place must say the same before it is given back."""

    what: str  # "page" or "annex", for the message
    urls: tuple[str, ...] = ()  # its WARC-Target-URI is one of them (empty: not checked)
    record_id: str | None = None  # WARC-Record-ID
    length: int | None = None  # bytes of its gzip member (warc_length)
    payload_digest: str | None = None  # sha256:<hex> of the body (document_versions)
    sha256: str | None = None  # <hex> of the body (annexes)
    size: int | None = None  # bytes of the body (annexes)
    date: str | None = None  # its WARC-Date
    block_digest: str | None = None  # its WARC-Block-Digest: the HTTP status line and headers
    fields: dict[str, str] | None = None  # its WARC-regwatch-* fields (replayed, insecure-tls…)


def read_member(folder: Path, file: str, offset: int) -> bytes:
    """The gzip member at `offset` of `file`, whole: its compressed bytes to the member's end
    (EvidenceError when there is none, it is damaged, or the file ends inside it)."""
    path = evidence_path(folder, file)
    member, parts = _MemberCheck(), []
    with path.open("rb") as fh:
        fh.seek(offset)
        if fh.read(2) != b"\x1f\x8b":
            raise EvidenceError(f"{file} at {offset}: no readable WARC record (not a gzip member)")
        fh.seek(offset)
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                raise EvidenceError(f"{file} at {offset}: the record is cut short (the file "
                                    "ends inside it)")
            try:
                leftover = member.feed(chunk)
            except zlib.error as error:
                raise EvidenceError(f"{file} at {offset}: no readable WARC record "
                                    f"({readable(error)})") from None
            if leftover is not None:
                parts.append(chunk[:len(chunk) - len(leftover)])
                break
            parts.append(chunk)
    if not member.is_whole_record():
        raise EvidenceError(f"{file} at {offset}: no readable WARC record (not a whole record)")
    return b"".join(parts)


def _short(value: str, keep: int = 23) -> str:
    return value if len(value) <= keep else value[:keep] + "…"


def read_checked(folder: Path, file: str, offset: int, recorded: Recorded
                 ) -> tuple[Evidence, bytes]:
    """The response record at `offset` of `file` and its gzip member's bytes, checked whole (its
    body against its payload digest, its HTTP block against its block digest and Content-Length)
    and against what the archive recorded about it: its
    record id, address, length, body digest and size. EvidenceMismatch, one line naming the file
    and each difference, when they differ; EvidenceError when it cannot be read."""
    member = read_member(folder, file, offset)
    kept = _parse_record(member, file, offset)
    differences = []
    if recorded.record_id and kept.record_id != recorded.record_id:
        differences.append(f"its record id is {kept.record_id or 'missing'}, the archive "
                           f"recorded {recorded.record_id}")
    if recorded.urls and kept.url not in {safe_target_uri(url) for url in recorded.urls}:
        differences.append(f"it is a record of {kept.url or 'no address'}, the archive "
                           f"recorded {recorded.urls[0]}")
    if recorded.length is not None and len(member) != recorded.length:
        differences.append(f"the record is {len(member)} bytes, the archive recorded "
                           f"{recorded.length}")
    if recorded.payload_digest and kept.payload_digest != recorded.payload_digest:
        differences.append(f"its payload digest is {_short(kept.payload_digest)}, the archive "
                           f"recorded {_short(recorded.payload_digest)}")
    body_sha256 = hashlib.sha256(kept.body).hexdigest()
    if recorded.sha256 and body_sha256 != recorded.sha256:
        differences.append(f"its SHA-256 is {_short(body_sha256, 16)}, the archive recorded "
                           f"{_short(recorded.sha256, 16)}")
    if recorded.size is not None and len(kept.body) != recorded.size:
        differences.append(f"its body is {len(kept.body)} bytes, the archive recorded "
                           f"{recorded.size}")
    differences += written_differences(kept, recorded, body_same=not differences)
    if differences:
        raise EvidenceMismatch(f"{file} at {offset}: the kept {recorded.what} does not match "
                               f"the archive: {'; '.join(differences)}")
    return kept, member


def written_differences(kept: Evidence, recorded: Recorded, body_same: bool) -> list[str]:
    """How the record's date, HTTP block and regwatch fields differ from what the archive
    recorded when it was written (`body_same`: nothing else differs, so another block digest
    means another status line or headers)."""
    differences = []
    if recorded.date and kept.date != recorded.date:
        differences.append(f"its WARC-Date is {kept.date or 'missing'}, the archive recorded "
                           f"{recorded.date}")
    if recorded.block_digest and kept.block_digest != recorded.block_digest:
        what = "its HTTP status line or headers differ from those" if body_same else (
            "its block digest differs from the one")
        differences.append(f"{what} the archive recorded (block digest "
                           f"{_short(kept.block_digest)}, recorded "
                           f"{_short(recorded.block_digest)})")
    if recorded.fields is not None:
        for key in sorted(recorded.fields.keys() | kept.fields.keys()):
            have, had = kept.fields.get(key), recorded.fields.get(key)
            if have != had:
                differences.append(f"its {HEADER_PREFIX}{key} is "
                                   f"{repr(have) if have is not None else 'missing'}, the "
                                   f"archive recorded {repr(had) if had is not None else 'none'}")
    return differences


def read_record(folder: Path, file: str, offset: int) -> StoredResponse:
    """status, headers and the exact body bytes of the response stored at `offset` of `file`."""
    evidence = read_evidence(folder, file, offset)
    return StoredResponse(evidence.status, evidence.headers, evidence.body)
