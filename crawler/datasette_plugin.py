"""Datasette plugin for the archive: a search box that understands Chinese (see pipelines.search),
name screening in SQL (`screen_score`, pipelines.screening), under `regwatch serve`
connections that cannot write, and the originals (pipelines.originals):

- `/-/original/<database>/<document>/<version>`: the page as fetched, from its WARC record, as a
  download (`?as=text`: its source as plain text; `?page=N`: an article's further page);
  `/-/annex/<database>/<id>`: an annex file as a download (`?as=text`: the text read from it).
  A record that is not as it was written (its own digests) or does not match what the archive
  recorded (record id, address, length, digest) is a 409 error page saying what differs, one
  that cannot be read a 404: never the bytes. Never as live HTML: every answer carries
  `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`, so a scraped page's
  scripts and remote resources can neither run nor load;
- table cells linking each version and annex to its original;
- the document page (`row.html` in crawler/templates): the body as wrapped text, the versions with
  their originals, the annexes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils import tilde_decode
from datasette.utils.asgi import NotFound, Response
from datasette.views.base import DatasetteError
from markupsafe import Markup, escape
from w3lib.encoding import html_to_unicode

from pipelines.evidence import EvidenceError, EvidenceMismatch, Recorded, read_checked
from pipelines.originals import annex_recorded, file_name, header, page_recorded
from pipelines.screening import score_names
from pipelines.search import fts_match, fts_match_exact, glossary_note

PLUGIN = "regwatch_search"
SAFE_HEADERS = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "sandbox",
                "Cache-Control": "no-store"}


@hookimpl(trylast=True)
def prepare_connection(conn, database, datasette):  # type: ignore[no-untyped-def]
    """Register escape_fts after Datasette's own, so table search uses our segmentation and
    the glossary (pipelines.search: `rare earth` also finds 稀土); escape_fts_exact and
    glossary_note let the `search_documents` query mark what matched through the glossary.

    With `plugins: regwatch_search: read_only: true` in the metadata (what `regwatch serve`
    writes), every connection to a database file is also made query-only: Datasette already
    opens them `mode=ro`, and even its write connection (used by writable canned queries) then
    refuses to change anything. Datasette's own in-memory databases (`_internal`) are left alone.

    A query without words (empty, or only punctuation) is a valid match of nothing, never an
    FTS5 syntax error; the functions are deterministic, so SQLite computes each once per query
    (not once per row).
    """
    conn.create_function("escape_fts", 1, fts_match, deterministic=True)
    # the words as typed
    conn.create_function("escape_fts_exact", 1, fts_match_exact, deterministic=True)
    # how a query was widened
    conn.create_function("glossary_note", 1, glossary_note, deterministic=True)
    # screen_score(:q, name_zh, name_en, aliases): the canned query "Screen a name"
    conn.create_function("screen_score", 4, score_names)
    conn.create_function("xml_text", 1, xml_text)  # the feeds: no character XML cannot hold
    config = datasette.plugin_config(PLUGIN) or {}
    if config.get("read_only") and not str(database).startswith("_"):
        conn.execute("PRAGMA query_only = ON")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: Any) -> Any:
    """Text without the characters XML 1.0 cannot hold (a control character in a page's title
    would otherwise make the whole feed fail)."""
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


# --- the originals ------------------------------------------------------------------------------


@hookimpl
def register_routes(datasette):  # type: ignore[no-untyped-def]
    return [
        (r"^/-/original/(?P<database>[^/]+)/(?P<document>[0-9a-f]{16})/(?P<version>\d{1,6})$",
         original_view),
        (r"^/-/annex/(?P<database>[^/]+)/(?P<annex>\d{1,12})$", annex_view),
    ]


def evidence_folder(datasette: Any, database: Any) -> Path:
    """The evidence store: the plugin's `evidence_dir`, else `evidence/<name>/` beside the
    database (pipelines.config.Config.evidence_folder)."""
    configured = (datasette.plugin_config(PLUGIN) or {}).get("evidence_dir")
    if configured:
        return Path(configured)
    path = Path(database.path or "archive.db")
    return path.parent / "evidence" / path.stem


def database_of(datasette: Any, request: Any) -> Any:
    try:
        return datasette.get_database(request.url_vars["database"])
    except KeyError:
        raise NotFound("no such database") from None


async def original_view(datasette, request):  # type: ignore[no-untyped-def]
    """A version's page as fetched (`?page=N`: the article's further page N, 2 or more, whose
    text the version holds too): a download, or (?as=text) its source as plain text."""
    db = database_of(datasette, request)
    document, version = request.url_vars["document"], int(request.url_vars["version"])
    row = (await db.execute(
        "select v.*, d.url from document_versions v join documents d on d.id = v.document "
        "where v.document = ? and v.version = ?", [document, version])).first()
    if row is None or not row["warc_file"]:
        raise NotFound("no original is kept for this version")
    place, url, page = further_page(dict(row), request.args.get("page"))
    kept = read_kept(evidence_folder(datasette, db), place["warc_file"], place["warc_offset"],
                     page_recorded(place, url))
    name = file_name(kept.url)
    if request.args.get("as") == "text":
        content_type = header(kept.headers, "Content-Type")
        _, text = html_to_unicode(content_type, kept.body)
        return as_text(text, name)
    suffix = f"-p{page}" if page > 1 else ""
    return as_download(kept.body, f"{document}-v{version}{suffix}-{name}")


def further_page(row: dict[str, Any], asked: str | None) -> tuple[dict[str, Any], str, int]:
    """The record of the page asked for (None or 1: the version's own; N: the N-1th of its
    `more_records`), its address and its number; NotFound for a page the version has not."""
    if asked in (None, "", "1"):
        return row, row["url"], 1
    more = json.loads(row.get("more_records") or "[]")
    if not (asked.isdigit() and 2 <= int(asked) <= len(more) + 1):
        raise NotFound(f"this version has no such page kept (pages 1 to {len(more) + 1})")
    place = more[int(asked) - 2]
    return place, place["url"], int(asked)


async def annex_view(datasette, request):  # type: ignore[no-untyped-def]
    """An annex file as fetched (a download), or (?as=text) the text read from it."""
    db = database_of(datasette, request)
    row = (await db.execute(
        "select * from annexes where id = ?",
        [int(request.url_vars["annex"])])).first()
    if row is None:
        raise NotFound("no such annex")
    name = file_name(row["url"], "annex")
    if request.args.get("as") == "text":
        note = f"[no text: {row['reason']}]\n" if row["reason"] and not row["text"] else ""
        return as_text(note + (row["text"] or ""), name)
    if not row["warc_file"]:
        raise NotFound("the file of this annex is not kept")
    urls = [r["url"] for r in (await db.execute(
        "select url from annexes where sha256 = ? and warc_file = ? and warc_offset = ? "
        "group by url order by min(id)",
        [row["sha256"], row["warc_file"], row["warc_offset"]])).rows]
    kept = read_kept(evidence_folder(datasette, db), row["warc_file"], row["warc_offset"],
                     annex_recorded(dict(row), urls))
    return as_download(kept.body, f"{row['document']}-v{row['version']}-{name}")


def read_kept(folder: Path, warc_file: str, offset: int, recorded: Recorded) -> Any:
    """The kept record, checked whole and against what the archive recorded: a record that
    differs is a 409 page saying what differs, one that cannot be read a 404; never its bytes."""
    try:
        return read_checked(folder, warc_file, offset, recorded)[0]
    except EvidenceMismatch as error:
        raise DatasetteError(f"the original is not given out: {error}",
                             title="The kept original does not match the archive",
                             status=409) from None
    except EvidenceError as error:
        raise NotFound(f"the original cannot be read: {error}") from None


def disposition(kind: str, name: str) -> str:
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def as_download(body: bytes, name: str) -> Response:
    return Response(body, headers={**SAFE_HEADERS,
                                   "Content-Disposition": disposition("attachment", name)},
                    content_type="application/octet-stream")


def as_text(text: str, name: str) -> Response:
    return Response(text, headers={**SAFE_HEADERS,
                                   "Content-Disposition": disposition("inline", name + ".txt")},
                    content_type="text/plain; charset=utf-8")


def original_links(datasette: Any, path: str) -> Markup:
    url = datasette.urls.path(path)
    return Markup(f'<a href="{escape(url)}">download</a> · '
                  f'<a href="{escape(url)}?as=text">as text</a>')


def plain(value: Any) -> Any:
    """A cell's value (Datasette hands foreign keys on as {"value": …, "label": …})."""
    return value.get("value") if isinstance(value, dict) else value


@hookimpl
def render_cell(row, value, column, table, database, datasette):  # type: ignore[no-untyped-def]
    """A version's or an annex's WARC file shown with links to its original."""
    if column != "warc_file" or not value or table not in ("document_versions", "annexes"):
        return None
    keys = row.keys()
    if table == "document_versions" and {"document", "version"} <= set(keys):
        path = f"/-/original/{database}/{plain(row['document'])}/{plain(row['version'])}"
    elif table == "annexes" and "id" in keys:
        path = f"/-/annex/{database}/{row['id']}"
    else:
        return None
    return Markup(f"{escape(value)}<br>original: ") + original_links(datasette, path)


# --- the document page --------------------------------------------------------------------------


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette
                        ):  # type: ignore[no-untyped-def]
    """A document's page (and a version's): the document as of that version, its versions and
    that version's annexes, the measures it is linked to, the links to review and the analyst's
    verdicts."""
    if view_name != "row" or table not in ("documents", "document_versions") or request is None:
        return {}

    async def document_page() -> dict[str, Any]:
        db = datasette.get_database(database)
        doc, shown = await shown_version(db, table, tilde_decode(request.url_vars["pks"]))
        if doc is None:
            return {}
        doc_id = doc["id"]
        versions = (await db.execute(
            "select version, title, fetched_at, run_id, warc_file, payload_digest, "
            "insecure_tls, json_array_length(coalesce(more_records, '[]')) as more_pages "
            "from document_versions where document = ? order by version desc",
            [doc_id])).rows
        annexes = (await db.execute(
            "select id, name, url, media_type, size, sha256, reason, pages, warc_file, "
            "length(text) as text_chars from annexes where document = ? and version = ? "
            "order by id", [doc_id, shown])).rows
        items = (await db.execute("select count(*) from controlled_items where document = ? "
                                  "and version = ?", [doc_id, shown])).first()[0]
        measures = (await db.execute(
            "select measure, relation, confidence, reason from document_measures "
            "where document = ? order by relation = 'mentions', measure", [doc_id])).rows
        to_review = (await db.execute(
            "select measure, score, reason from link_review where document = ? "
            "order by score desc, measure", [doc_id])).rows
        verdicts = (await db.execute(
            "select measure, verdict, note, decided from link_verdicts where document = ? "
            "order by measure", [doc_id])).rows
        base = datasette.urls.path(f"/-/original/{database}/{doc_id}")
        return {"regwatch_document": {
            "doc": doc, "versions": [dict(v) for v in versions],
            "annexes": [dict(a) for a in annexes], "controlled_items": items,
            "measures": [dict(m) for m in measures], "to_review": [dict(c) for c in to_review],
            "verdicts": [dict(v) for v in verdicts],
            "measures_url": datasette.urls.table(database, "measures"),
            "original": base, "annex_base": datasette.urls.path(f"/-/annex/{database}"),
            "items_url": datasette.urls.table(database, "controlled_items")
            + f"?document={doc_id}&version={shown}",
            "versions_url": datasette.urls.table(database, "document_versions")
            + f"?document={doc_id}",
        }}

    return document_page


async def shown_version(db: Any, table: str, pk: str) -> tuple[dict[str, Any] | None, int]:
    """The document as of the row's version (a documents row: its latest), and that version."""
    if table == "documents":
        row = (await db.execute("select * from documents where id = ?", [pk])).first()
        return (dict(row), row["version"]) if row else (None, 0)
    version = (await db.execute("select * from document_versions where id = ?",
                                [pk])).first() if pk.isdigit() else None
    if version is None:
        return None, 0
    row = (await db.execute("select * from documents where id = ?",
                            [version["document"]])).first()
    if row is None:
        return None, 0
    fields = ("title", "published", "body", "category", "confidence", "version")
    return {**dict(row), **{k: version[k] for k in fields}}, version["version"]
