"""The originals: the responses and annex files behind each document version, kept and given back.

Three parts, used by the stages and the CLI:

- **Annex files** (`read_annex_file`, called by the application off the reactor): an annex's bytes
  hashed, its text read by pipelines.annex_text (or reused from a kept file with the same
  SHA-256), and a bad file (an HTML error page, a truncated PDF, a ZIP bomb, a reader that raised
  or looped) marked as a problem of that annex: it is reported and never kept as the annex.
- **Keeping** (`keep_originals`, in the store stage's transaction): a WARC record is written only
  when a version is made (or a version has none yet), and never twice for the same bytes: a
  page's body already kept for the document, or an annex file already kept anywhere, is reused.
  Annex rows follow the version (a file that could not be fetched tonight keeps its last good
  copy); a changed annex file (new SHA-256) makes a new version (`annex_changes`). The
  controlled items of an official page are read again from its body and annexes.
- **Giving back** (`export_version`): a version's page and annexes written out byte for byte,
  their WARC records copied verbatim, and an index of what came from where and when. Each record
  is first checked whole and against what the archive recorded in its place (record id, address,
  length, the page's payload digest, the annex's SHA-256 and size, and the record's WARC-Date,
  block digest and regwatch fields as written: `page_recorded`, `annex_recorded`); a record that
  differs is refused (EvidenceMismatch), never given back.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from pipelines.annex_text import Limits, Reason, extract_text
from pipelines.archive import Archive
from pipelines.controlled_items import find_controlled_items
from pipelines.evidence import (
    EvidenceError,
    EvidenceRecord,
    EvidenceStore,
    Recorded,
    bundle_warcinfo_bytes,
    payload_digest,
    read_checked,
)
from pipelines.items import AnnexFile, DocumentItem, RawResponse
from pipelines.vocab import Category, Relation, SourceKind

# Reasons that mean the bytes are not the annex (or cannot be trusted to be): a problem of the
# annex, reported; the file is not kept. An old binary .doc, a scan without a text layer, an
# encrypted or partly readable file is the annex all the same: kept, its reason recorded.
PROBLEM_REASONS = frozenset({
    Reason.TOO_LARGE, Reason.EMPTY, Reason.HTML_PAGE, Reason.TRUNCATED, Reason.ARCHIVE_REFUSED,
    Reason.UNREADABLE, Reason.TIMEOUT, Reason.MEMORY, Reason.CRASHED,
})
ANNEX_TYPES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip")
PAGE_TYPES = (".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php")
# Where a kept record is and what it was when written, copied when a record is reused.
PLACE_COLUMNS = ("warc_file", "warc_record_id", "warc_offset", "warc_length", "warc_date",
                 "warc_block_digest", "warc_fields")
RECORDS_FILE = "records.warc.gz"
INDEX_FILE = "index.json"
_UNSAFE_NAME = re.compile(r"[^\w.\-]+")


# --------------------------------------------------------------------------- annex files


def is_annex_url(url: str, link_text: str = "") -> bool:
    """An annex to fetch: a PDF, DOC(X), XLS(X) or ZIP link, or an 附件/Annex link to a file
    that is not a web page, at an http(s) address (never file:, ftp:, data: and the like)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return False
    path = parts.path.lower()
    if path.endswith(ANNEX_TYPES):
        return True
    name = path.rsplit("/", 1)[-1]
    named = re.match(r"(附件|annex|attachment)", link_text.strip(), re.I) is not None
    return named and bool(name) and not name.endswith(PAGE_TYPES) and "." not in name[-6:]


def internal_host(host: str) -> bool:
    """A host a page must never make regwatch fetch: localhost, or an IP address that is
    private, loopback, link-local (169.254.169.254: cloud metadata), reserved or unspecified."""
    host = host.strip("[]").lower().rstrip(".")
    if host in ("", "localhost") or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return not address.is_global or address.is_multicast


def header(headers: list[tuple[str, str]], name: str) -> str | None:
    """The first value of a header (case-insensitive), or None."""
    wanted = name.lower()
    return next((value for key, value in headers if key.lower() == wanted), None)


def file_name(url: str, fallback: str = "index.html") -> str:
    """The last segment of the URL's path, as a safe file name."""
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or fallback
    return _UNSAFE_NAME.sub("_", name).strip("._") or fallback


def sha256_of(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def annex_problem(url: str, article: str, what: str) -> str:
    """The one-line source problem of an annex."""
    return f"annex {url} (linked from {article}): {what}"


def read_annex_file(url: str, name: str, article: str, raw: RawResponse, max_bytes: int,
                    known: dict[str, Any] | None = None) -> AnnexFile:
    """The annex file of a 200 response: hashed, its text read in a limited child process (up to
    20 s: call it off the reactor), or a kept file's text reused (`known`, same SHA-256)."""
    sha = sha256_of(raw.body)
    annex = AnnexFile(url=url, name=name, response=raw, sha256=sha, size=len(raw.body),
                      declared_type=header(raw.headers, "Content-Type"),
                      etag=header(raw.headers, "ETag"),
                      last_modified=header(raw.headers, "Last-Modified"))
    if known is not None and known["sha256"] == sha:
        annex.media_type, annex.text = known["media_type"], known["text"] or ""
        annex.reason, annex.pages = known["reason"], known["pages"]
        return annex
    result = extract_text(raw.body, file_name(url, "annex"), annex.declared_type,
                          Limits(max_bytes=max_bytes))
    annex.media_type, annex.text = str(result.media_type), result.text
    annex.reason, annex.pages = result.reason, result.pages
    if result.reason_code in PROBLEM_REASONS:
        annex.problem = annex_problem(url, article, result.reason or "unreadable")
    return annex


def refused_annex(url: str, name: str, article: str, raw: RawResponse,
                  refusal: dict[str, Any]) -> AnnexFile:
    """A file refused before (same SHA-256): the same problem, without reading it again."""
    return AnnexFile(url=url, name=name, sha256=refusal["sha256"], size=len(raw.body),
                     reason=refusal["reason"],
                     problem=annex_problem(url, article, refusal["reason"]))


def known_annex(url: str, name: str, row: dict[str, Any]) -> AnnexFile:
    """An annex the server says is unchanged (304): the kept file, as it was."""
    return AnnexFile(url=url, name=name, sha256=row["sha256"], size=row["size"],
                     media_type=row["media_type"], declared_type=row["declared_type"],
                     text=row["text"] or "", reason=row["reason"], pages=row["pages"])


def annex_changes(previous: list[dict[str, Any]], files: list[AnnexFile]
                  ) -> list[tuple[dict[str, Any], AnnexFile]]:
    """(kept row, fetched file) for each annex whose bytes changed (a new SHA-256 at the same
    URL). A file that could not be fetched or read is no change."""
    kept = {row["url"]: row for row in previous}
    return [(kept[f.url], f) for f in files
            if f.ok and f.url in kept and kept[f.url]["sha256"] != f.sha256]


def version_annex_changes(before: list[dict[str, Any]], after: list[dict[str, Any]]
                          ) -> list[dict[str, Any]]:
    """The annex files that differ between two versions' annex rows, by URL: `changed` (another
    SHA-256), `added` or `removed`, each with its `name`, `url` and rows `before` and `after`
    (None for the side without it)."""
    old = {row["url"]: row for row in before}
    new = {row["url"]: row for row in after}
    out = []
    for url in [*old, *(u for u in new if u not in old)]:
        first, second = old.get(url), new.get(url)
        if first and second and first["sha256"] == second["sha256"]:
            continue
        change = "changed" if first and second else ("added" if second else "removed")
        out.append({"url": url, "name": (second or first or {}).get("name") or url,
                    "change": change, "before": first, "after": second})
    return out


def latest_annexes(archive: Archive, url: str) -> list[dict[str, Any]]:
    """The annex rows of the latest version of the document at url (none for a new page)."""
    doc = archive.document_by_url(url)
    return archive.annexes_of(doc["id"], doc["version"]) if doc else []


# --------------------------------------------------------------------------- keeping


@dataclass
class Keeper:
    """Writes one item's originals: the archive, the run's evidence store, the run's clock."""

    archive: Archive
    evidence: EvidenceStore | None
    run_id: str
    as_of: str

    def record(self, response: RawResponse, source: str, kind: str, digest: str | None = None,
               **extra: str) -> EvidenceRecord | None:
        """The response written to the evidence store (`digest`: its body's, if known)."""
        if self.evidence is None:
            return None
        details = {"source": source, "kind": kind, "as-of": self.as_of, **extra}
        if response.replayed:
            details["replayed"] = "offline mirror"
        return self.evidence.write_response(
            response.url, response.status, response.reason, response.headers, response.body,
            response.fetched_at, self.run_id, details, insecure_tls=response.insecure_tls,
            protocol=response.protocol, digest=digest)

    def page_fields(self, item: DocumentItem, doc_id: str, version: int) -> dict[str, Any]:
        """The version's evidence columns: its response kept (or the version before's, when
        the bytes are the same: a text read anew), further pages' records in more_records. A
        page back to what an older version said is kept again, dated the night it said it."""
        first, *more = item.responses
        digest = payload_digest(first.body)
        fields: dict[str, Any] = {
            "payload_digest": digest,
            "insecure_tls": int(any(r.insecure_tls for r in item.responses))}
        known = self.archive.version_record_before(doc_id, version)
        if known is not None and known["payload_digest"] == digest:
            fields.update({k: known[k] for k in PLACE_COLUMNS})
        elif (record := self.record(first, item.source, "page", digest)) is not None:
            fields.update(record_fields(record))
        records = [self.record(r, item.source, "page", article=first.url) for r in more]
        if any(records):
            fields["more_records"] = json.dumps(
                [{"url": r.url, **record_fields(rec)} for r, rec in zip(more, records,
                                                                         strict=True) if rec])
        return fields

    def annex_row(self, annex: AnnexFile, item: DocumentItem, doc_id: str, version: int
                  ) -> dict[str, Any]:
        """A new annex row of the version, its bytes kept once (or an identical file reused).
        Its `fetched_at` is the run's clock (`--as-of`), as a version's is; the true moment of
        the download is its WARC record's WARC-Date. A file the server says is unchanged (304)
        keeps the date it was fetched on."""
        known = self.archive.annex_by_sha256(annex.sha256 or "")
        if known is not None and known["warc_file"]:
            place = {k: known[k] for k in PLACE_COLUMNS}
        elif annex.response and (rec := self.record(annex.response, item.source, "annex",
                                                    article=item.url)):
            place = {k: v for k, v in record_fields(rec).items() if k != "payload_digest"}
        else:
            place = {}
        fetched = self.as_of if annex.response else (known or {}).get("fetched_at")
        return {
            "document": doc_id, "version": version, "url": annex.url, "name": annex.name,
            "media_type": annex.media_type, "declared_type": annex.declared_type,
            "sha256": annex.sha256, "size": annex.size, "text": annex.text,
            "reason": annex.reason, "pages": annex.pages,
            "insecure_tls": int(bool(annex.response and annex.response.insecure_tls)),
            "fetched_at": fetched, "run_id": self.run_id,
            **{k: place.get(k) for k in PLACE_COLUMNS},
        }


def record_fields(record: EvidenceRecord) -> dict[str, Any]:
    """The columns that say where a record is and what it was when written (its WARC-Date,
    block digest and WARC-regwatch-* fields, as JSON), checked on every read."""
    return {"warc_file": record.file, "warc_record_id": record.record_id,
            "warc_offset": record.offset, "warc_length": record.length,
            "payload_digest": record.payload_digest, "warc_date": record.date,
            "warc_block_digest": record.block_digest,
            "warc_fields": json.dumps(record.fields, ensure_ascii=False, sort_keys=True)}


def annexes_to_keep(previous: list[dict[str, Any]], files: list[AnnexFile], fresh: bool
                    ) -> list[AnnexFile | dict[str, Any]]:
    """What a version's annex rows are: for a new version, every annex fetched well (a file) and
    the last good copy of those that failed tonight (a row); for the same version, only the
    annexes it does not have yet."""
    kept = {row["url"]: row for row in previous}
    rows: list[AnnexFile | dict[str, Any]] = []
    for annex in files:
        if annex.ok and (fresh or annex.url not in kept):
            rows.append(annex)
        elif fresh and annex.url in kept:
            rows.append(kept[annex.url])
    return rows


def keep_originals(archive: Archive, evidence: EvidenceStore | None, item: DocumentItem,
                   doc_id: str, outcome: str, run_id: str, as_of: str) -> None:
    """The item's page response and annexes kept for its version (see the module docstring);
    call inside the item's transaction, after the document and its measures are stored."""
    for annex in item.annex_files:  # bad files are remembered, not read again
        if annex.problem and annex.sha256 and annex.reason:
            archive.record_annex_refusal(annex.sha256, annex.url, annex.reason, as_of)
    keeper = Keeper(archive, evidence, run_id, as_of)
    version = archive.latest_version(doc_id)
    number, fresh = version["version"], outcome != "unchanged"
    if item.responses and (fresh or not version["warc_file"]):
        archive.set_version_evidence(doc_id, number, keeper.page_fields(item, doc_id, number))
    previous = archive.annexes_of(doc_id, number - 1 if fresh else number)
    added = 0
    for annex in annexes_to_keep(previous, item.annex_files, fresh):
        if isinstance(annex, AnnexFile):
            row = keeper.annex_row(annex, item, doc_id, number)
            if annex.response is not None:
                archive.record_fetch(annex.url, annex.response.status, as_of, annex.etag,
                                     annex.last_modified)
        else:
            row = {k: v for k, v in annex.items() if k != "id"} | {"version": number}
        archive.add_annex(row)
        added += 1
    if fresh or added:  # (the version's list from its night on; the one before ends)
        earlier = archive.annexes_read_before(doc_id, number)
        archive.replace_controlled_items(
            doc_id, number,
            controlled_item_rows(item, doc_id, number, archive.annexes_of(doc_id, number),
                                 earlier), as_of)


def unreadable(annex: dict[str, Any]) -> bool:
    """An annex kept with no text, for a reason (a scan without a text layer, an encrypted or
    old binary file): what it lists is not known, not nothing."""
    return not (annex.get("text") or "").strip() and bool(annex.get("reason"))


def annex_texts(annexes: list[dict[str, Any]], earlier: list[dict[str, Any]]
                ) -> list[tuple[int | None, str]]:
    """(annex id, text) to read controlled items from: each annex's own text, or, for one that
    cannot be read, the text last read from the same URL (with that annex's id), so that a
    scan replacing a text file is no removal of every item it lists."""
    last_read = {a["url"]: a for a in earlier if (a.get("text") or "").strip()}
    out = []
    for annex in annexes:
        source = last_read.get(annex.get("url")) if unreadable(annex) else None
        chosen = source or annex
        out.append((chosen.get("id"), chosen.get("text") or ""))
    return out


def controlled_item_rows(item: DocumentItem, doc_id: str, version: int,
                         annexes: list[dict[str, Any]], earlier: list[dict[str, Any]] = ()
                         ) -> list[dict[str, Any]]:
    """The controlled items an official page's body and annexes define, with the measure the
    page issues (none for other pages: news and relays cite items, they do not define them; nor
    for a tariff schedule, whose rows are rates, not controls). An annex that cannot be read
    gives the items last read from its URL (`earlier`: the annexes read of versions before,
    `Archive.annexes_read_before`)."""
    if item.source_kind != SourceKind.AUTHORITY or item.category == Category.TARIFF:
        return []
    measure = next((ref.id for ref in item.measures if ref.relation == Relation.ISSUES), None)
    texts = [(None, item.body), *annex_texts(annexes, list(earlier))]
    return [{"measure": measure, "document": doc_id, "version": version, "annex": annex_id,
             "code": found.code, "hs_code": found.hs_code,
             "description_zh": found.description_zh, "description_en": found.description_en,
             "clause": found.clause, "line": found.line, "line_no": found.line_no}
            for annex_id, text in texts for found in find_controlled_items(text)]


# --------------------------------------------------------------------------- giving back


@dataclass(frozen=True)
class Exported:
    """What `export_version` wrote."""

    folder: Path
    index: dict[str, Any]


@dataclass(frozen=True)
class Bundle:
    """What an export says about itself: the tool that made it, when, and from which archive
    and evidence folder (absolute paths)."""

    tool_version: str | None
    exported_at: str  # a WARC-Date: UTC, seconds, Z
    archive: str | None
    evidence: str

    def fields(self) -> dict[str, Any]:
        return {"tool": "regwatch", "tool_version": self.tool_version,
                "exported_at": self.exported_at, "archive": self.archive,
                "evidence_dir": self.evidence}


def bundle_of(archive: Archive, evidence_folder: Path, tool_version: str | None,
              moment: datetime | None = None) -> Bundle:
    at = (moment or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    path = str(Path(archive.path).resolve()) if archive.path else None
    return Bundle(tool_version, at, path, str(Path(evidence_folder).resolve()))


def export_version(archive: Archive, evidence_folder: Path, doc_id: str, version: int | None,
                   out: Path | None, *, tool_version: str | None = None,
                   moment: datetime | None = None) -> Exported:
    """A version's page (and further pages) and annexes written to `out` byte for byte, their WARC
    records copied verbatim into records.warc.gz after a warcinfo record saying what the bundle
    is, and index.json saying what it is (the tool and its version, the moment of the export,
    the archive and evidence folder it came from, the document and the measures it is linked
    to) and what came from where and when: `stored_on` and each file's `fetched_at` are the
    archive's dates (the run's clock, `--as-of`), each file's `warc_date` the true moment of its
    download (its record's WARC-Date). EvidenceError (one line) when there is nothing to
    write, `out` holds files already, or a record does not check."""
    doc = archive.document(doc_id)
    if doc is None:
        raise EvidenceError(f"no document {doc_id} in the archive")
    row = archive.version(doc_id, version)
    if row is None:
        raise EvidenceError(f"document {doc_id} has no version {version} "
                            f"(it has 1 to {doc['version']})")
    if not row["warc_file"]:
        raise EvidenceError(f"version {row['version']} of {doc_id} has no original kept "
                            "(stored before regwatch kept evidence, or without an evidence store)")
    folder = out or Path(f"evidence-{doc_id}-v{row['version']}")
    refuse_filled_folder(folder)
    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    before = set(folder.iterdir())
    bundle = bundle_of(archive, evidence_folder, tool_version, moment)
    try:
        return _export_into(archive, evidence_folder, doc, row, folder, bundle)
    except (EvidenceError, OSError):  # nothing half-written left behind
        for path in set(folder.iterdir()) - before:
            path.unlink()
        if made:
            folder.rmdir()
        raise


def refuse_filled_folder(folder: Path) -> None:
    """EvidenceError unless folder is new or empty: a bundle is only what its index lists (an
    earlier bundle's files, or any other, left beside it would pass for part of it)."""
    if folder.is_dir() and any(folder.iterdir()):
        raise EvidenceError(f"{folder} is not empty: evidence is written into a new or empty "
                            "folder (remove it, or name another with --out)")


def _export_into(archive: Archive, evidence_folder: Path, doc: dict[str, Any],
                 row: dict[str, Any], folder: Path, bundle: Bundle) -> Exported:
    doc_id = doc["id"]
    names: set[str] = {RECORDS_FILE, INDEX_FILE}
    members: dict[tuple[str, int], bytes] = {}  # each record's verified bytes, by place
    files = [_write(evidence_folder, folder, names, members, row, page_recorded(row, doc["url"]),
                    "page", doc["url"]) | {"fetched_at": row["fetched_at"]}]
    for more in json.loads(row["more_records"] or "[]"):
        files.append(_write(evidence_folder, folder, names, members, more,
                            page_recorded(more, more["url"]), "page", more["url"])
                     | {"fetched_at": row["fetched_at"]})
    for annex in archive.annexes_of(doc_id, row["version"]):
        if not annex["warc_file"]:
            continue
        recorded = annex_recorded(annex, archive.annex_urls_at(
            annex["sha256"], annex["warc_file"], annex["warc_offset"]))
        entry = _write(evidence_folder, folder, names, members, annex, recorded, "annex",
                       annex["url"])
        entry.update(name=annex["name"], media_type=annex["media_type"],
                     text_reason=annex["reason"], pages=annex["pages"],
                     fetched_at=annex["fetched_at"])
        files.append(entry)
    measures = [{k: link[k] for k in ("measure", "relation", "confidence")}
                for link in archive.document_links(doc_id)]
    info = bundle_info(doc, row, bundle, measures)
    (folder / RECORDS_FILE).write_bytes(
        bundle_warcinfo_bytes(RECORDS_FILE, bundle.exported_at, info)
        + b"".join(members.values()))
    index = {
        **bundle.fields(),
        "document": doc_id, "url": doc["url"], "title": row["title"], "source": doc["source"],
        "version": row["version"], "versions": doc["version"], "stored_on": row["fetched_at"],
        "run_id": row["run_id"], "content_hash": row["content_hash"], "measures": measures,
        "records": RECORDS_FILE, "files": files,
    }
    (folder / INDEX_FILE).write_text(json.dumps(index, ensure_ascii=False, indent=2) + "\n",
                                     encoding="utf-8")
    return Exported(folder, index)


def bundle_info(doc: dict[str, Any], row: dict[str, Any], bundle: Bundle,
                measures: list[dict[str, Any]]) -> dict[str, str]:
    """The fields of the bundle's warcinfo record: what it is, of what, from where."""
    return {
        "isPartOf": f"regwatch evidence of document {doc['id']} version {row['version']}",
        "description": (f"the kept originals of version {row['version']} of {doc['url']}, "
                        "their response records copied verbatim from the archive's evidence "
                        "(this warcinfo record is the export's own)"),
        "regwatch-version": bundle.tool_version or "",
        "regwatch-exported-at": bundle.exported_at,
        "regwatch-archive": bundle.archive or "",
        "regwatch-evidence-dir": bundle.evidence,
        "regwatch-document": doc["id"],
        "regwatch-document-version": str(row["version"]),
        "regwatch-document-url": doc["url"],
        "regwatch-stored-on": row["fetched_at"] or "",
        "regwatch-measures": ", ".join(f"{m['measure']} ({m['relation']})" for m in measures),
    }


def page_recorded(place: dict[str, Any], url: str) -> Recorded:
    """What the archive recorded about a page's record (a version's row, or one of its
    more_records)."""
    return Recorded("page", (url,), place.get("warc_record_id"), place.get("warc_length"),
                    place.get("payload_digest"), **written(place))


def annex_recorded(annex: dict[str, Any], urls: list[str]) -> Recorded:
    """What the archive recorded about an annex's record; `urls`: the addresses of the annex
    rows kept in the same place (a file linked from several addresses is kept once, under the
    first one's)."""
    return Recorded("annex", tuple(dict.fromkeys([annex["url"], *urls])),
                    annex.get("warc_record_id"), annex.get("warc_length"),
                    sha256=annex.get("sha256"), size=annex.get("size"), **written(annex))


def written(place: dict[str, Any]) -> dict[str, Any]:
    """What the archive recorded of a record when it was written (None for a record kept
    before it did, m1040: not checked): its WARC-Date, block digest and regwatch fields."""
    fields = place.get("warc_fields")
    return {"date": place.get("warc_date"), "block_digest": place.get("warc_block_digest"),
            "fields": json.loads(fields) if isinstance(fields, str) else fields}


def _write(evidence_folder: Path, folder: Path, names: set[str],
           members: dict[tuple[str, int], bytes], place: dict[str, Any], recorded: Recorded,
           kind: str, url: str) -> dict[str, Any]:
    """One record read, checked against what the archive recorded, and its body written under
    a fresh file name (its verified bytes kept in members, for records.warc.gz); its index
    entry."""
    warc_file, offset = place["warc_file"], place["warc_offset"]
    kept, member = read_checked(evidence_folder, warc_file, offset, recorded)
    members.setdefault((warc_file, offset), member)
    name = unique_name(file_name(url), names)
    (folder / name).write_bytes(kept.body)
    return {
        "file": name, "kind": kind, "url": url, "record_url": kept.url, "warc_date": kept.date,
        "status": kept.status, "protocol": kept.protocol, "headers": kept.headers,
        "size": len(kept.body), "sha256": sha256_of(kept.body),
        "payload_digest": kept.payload_digest, "insecure_tls": kept.insecure_tls,
        "recorded": kept.extra, "warc_file": warc_file, "warc_offset": offset,
        "warc_record_id": kept.record_id,
    }


def unique_name(name: str, taken: set[str]) -> str:
    """name, or name with -2, -3, ... before its extension, not yet in taken (which it joins)."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}.{suffix}" if suffix else f"{stem}-{n}"
    taken.add(candidate)
    return candidate
