"""Datasette plugin `regwatch_pages`: the pages an analyst reads in the morning.

- The measure page (crawler/templates/regwatch_measure.html in the row page of `measures`):
  status on a day with the day stated, the status periods as a timeline with clause rows,
  events deduplicated across copies, the official text, documents grouped by relation and
  confidence, controlled items and designations when those tables exist, links to originals.
- The regime on any date: `?on=YYYY-MM-DD` on every page (the measures table shows statuses on
  that day, computed from `measure_status`; without it, today in Beijing, stated on the page).
  A day that is not a date, or far outside what the archive can know, is a 400 with one line.
- Every page says when the archive is stale (the latest completed run older than 2 days).
- A home page that leads with the measures in force, suspended and the deadlines, then the
  canned queries; a version-compare view (character diffs); the reports folder at /-/reports/.

The data come from pipelines.regime through pipelines.archive, on Datasette's own read-only
connection (`execute_fn`); nothing here writes SQL of its own.
"""

from __future__ import annotations

import codecs
import contextvars
import csv
import io
import json
import mimetypes
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape
from sqlite_utils import Database

from pipelines.archive import Archive
from pipelines.export import csv_cell
from pipelines.regime import (
    NO_STATUS,
    NOT_YET_PUBLISHED,
    DayError,
    Freshness,
    freshness,
    measure_page,
    overview,
    parse_day,
)
from pipelines.search import query_problem, query_words
from pipelines.textdiff import char_diff, diff_html

CSS = Path(__file__).with_name("static") / "regwatch.css"
# The day of the request being answered (?on=, else today in Beijing) and whether it was given;
# render_cell gets no request, so the day travels with the request's task.
REQUEST_DAY: contextvars.ContextVar[tuple[str, bool] | None] = contextvars.ContextVar(
    "regwatch_request_day", default=None)
REQUEST_STATUS: contextvars.ContextVar[dict[str, dict[str, Any]] | None] = (
    contextvars.ContextVar("regwatch_request_status", default=None))
# Whether the request is a row page (/db/table/pk): there a document's body is shown whole.
REQUEST_ROW_PAGE: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "regwatch_request_row_page", default=False)
MAX_DAYS_WINDOW = 3660
BODY_IN_TABLES = 160  # characters of a body shown in a table's cell
# The columns a person reads in the big tables' HTML pages (the others are on each row's page,
# in the JSON and CSV, and one click away with ?_col= or ?_nocol=): half the page's time at
# 100,000 documents is rendering cells no one reads.
READ_COLUMNS = {
    "documents": ["title", "published", "source", "category", "confidence", "language", "url"],
    "measures": ["title_zh", "title_en", "published", "effective", "status", "suspended_until",
                 "category", "confidence"],
}


def _config(datasette: Any) -> dict[str, Any]:
    return datasette.plugin_config("regwatch_pages") or {}


async def _with_archive(datasette: Any, database: str, fn: Callable[[Archive], Any]) -> Any:
    """fn(archive) on the database's read-only connection."""
    db = datasette.get_database(database)
    return await db.execute_fn(lambda conn: fn(Archive(Database(conn))))


def _main_database(datasette: Any) -> str | None:
    names = [n for n in datasette.databases if not n.startswith("_")]
    return names[0] if names else None


# --- ?on= and days=: checked once, for every page ---------------------------------------------
def _check_query(query: dict[str, list[str]]) -> str | None:
    """The one-line problem with ?on= or ?days=, or None."""
    try:
        parse_day((query.get("on") or [""])[0])
    except DayError as e:
        return f"{e} (use ?on=YYYY-MM-DD, or leave it out for today in Beijing)"
    days = (query.get("days") or [""])[0].strip()
    if days and not (days.isdigit() and int(days) <= MAX_DAYS_WINDOW):
        return (f"days: {json.dumps(days, ensure_ascii=False)} is not a number of days "
                f"between 0 and {MAX_DAYS_WINDOW}")
    return None


def _problem_page(message: str, path: str, link: str = "The same page for today") -> Response:
    if path.endswith(".json"):
        return Response.json({"ok": False, "error": message, "status": 400}, status=400)
    body = (f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Bad request</title>"
            f"<link rel=stylesheet href=/-/regwatch.css></head><body class=regwatch-problem>"
            f"<h1>Bad request</h1><p class=problem>{escape(message)}</p>"
            f"<p><a href=\"{escape(path)}\">{escape(link)}</a></p></body></html>")
    return Response.html(body, status=400)


@hookimpl
def asgi_wrapper(datasette):  # type: ignore[no-untyped-def]
    """A bad ?on= or ?days= is a 400 with one line (never a 500 or a silent empty page);
    a good one is remembered for the request (REQUEST_DAY). So is a search that cannot be
    answered (`_search_problem`); a table's search without words is left out."""
    def wrap(app):  # type: ignore[no-untyped-def]
        async def checked(scope, receive, send):  # type: ignore[no-untyped-def]
            if scope["type"] != "http":
                return await app(scope, receive, send)
            query = parse_qs(scope.get("query_string", b"").decode("utf-8", "replace"),
                             keep_blank_values=True)
            problem = _check_query(query)
            if problem:
                response = _problem_page(problem, scope.get("path", "/"))
                return await response.asgi_send(send)
            problem = await _search_problem(datasette, scope.get("path", "/"), query)
            if problem:
                response = _problem_page(problem, scope.get("path", "/"),
                                         "The same page without the search")
                return await response.asgi_send(send)
            scope, query = _without_wordless_searches(scope, query)
            day, given = parse_day((query.get("on") or [""])[0])
            REQUEST_DAY.set((day, given))
            REQUEST_STATUS.set(None)
            REQUEST_ROW_PAGE.set(scope.get("path", "").strip("/").count("/") == 2)
            if "on" in query and not await _is_canned_query(datasette, scope.get("path", "")):
                scope = _without(scope, "on")  # for this plugin; a table would filter on it
            scope = _default_columns(datasette, scope, query)
            if scope.get("path", "").endswith(".csv"):  # scraped text: no formula in a sheet
                send = _csv_defused(send)
            target = _measures_on_day(datasette, scope.get("path", ""))
            if target is not None and (target[1] != "html" or given):
                header = (query.get("_header") or [""])[0] != "off"
                if not header:  # the columns are found by the header; it is taken off after
                    scope = _without(scope, "_header")
                send = _statuses_on_day(send, datasette, target, day, header)
            return await app(scope, receive, send)
        return checked
    return wrap


# --- the words searched for: checked once, before Datasette runs a full-text match ---------------
# A table's search (?_search=, ?_search_<column>=, the documents' ?_fulltext=) without words (empty,
# spaces or punctuation only: pipelines.search.query_words) is no search: the unfiltered table.
# A canned query's search words (the parameters its SQL gives escape_fts) that hold characters
# but no word are a 400 with one line (left empty: the query's form, nothing searched), and any
# search too long to answer fast is a 400 with one line (pipelines.search.query_problem).
_SEARCHED_PARAMETER = re.compile(r"escape_fts(?:_exact)?\(\s*:(\w+)\s*\)")


def _table_searches(query: dict[str, list[str]]) -> list[str]:
    """The table search parameters of a request."""
    return [k for k in query
            if k == FULLTEXT_ARG or (k.startswith("_search") and k != "_searchmode")]


async def _canned_searches(datasette: Any, path: str) -> list[str]:
    """The parameters the canned query at path searches for (given to escape_fts in its SQL)."""
    parts = path.strip("/").split("/")
    if len(parts) != 2 or parts[0] not in datasette.databases:
        return []
    canned = (await datasette.get_canned_queries(parts[0], None)).get(
        parts[1].rsplit(".", 1)[0])
    return _SEARCHED_PARAMETER.findall(canned.get("sql") or "") if canned else []


async def _search_problem(datasette: Any, path: str, query: dict[str, list[str]]
                          ) -> str | None:
    """The one-line problem with the words a request searches for, or None."""
    canned = await _canned_searches(datasette, path)
    for key in dict.fromkeys(_table_searches(query) + canned):
        for value in query.get(key, []):
            problem = query_problem(value)
            if problem:
                return f"{key}: {problem}"
            if key in canned and value.strip() and not query_words(value):
                return f"{key}: no word to search for (spaces and punctuation are left out)"
    return None


def _without_wordless_searches(scope: dict[str, Any], query: dict[str, list[str]]
                               ) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The request without its table searches that have no word (the unfiltered table)."""
    for key in _table_searches(query):
        if not any(query_words(value) for value in query[key]):
            scope = _without(scope, key)
            query = {k: v for k, v in query.items() if k != key}
    return scope, query


# --- Datasette's CSV: scraped text that a spreadsheet would run ---------------------------------
def _csv_defused(send: Callable[..., Any]) -> Callable[..., Any]:
    """send, with a CSV answer's cells that would start a formula written as text (as every
    CSV regwatch writes: pipelines.export.csv_cell), record by record as the body streams in
    (`_stream=on` sends a whole table)."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    rest = [""]

    async def wrapped(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message.get("headers", [])
                       if k.lower() != b"content-length"]
            await send({**message, "headers": headers})
            return
        if message["type"] != "http.response.body":
            await send(message)
            return
        more = bool(message.get("more_body"))
        text = rest[0] + decoder.decode(message.get("body", b""), final=not more)
        cut = len(text) if not more else _last_record_end(text)
        rest[0] = text[cut:]
        await send({"type": "http.response.body", "body": _defused(text[:cut]).encode("utf-8"),
                    "more_body": more})
    return wrapped


def _last_record_end(text: str) -> int:
    """Where the last complete CSV record of text ends (after a line break outside quotes);
    0 when no record is complete yet. text begins at a record's start."""
    end = text.rfind("\n")
    while end >= 0:
        if text.count('"', 0, end) % 2 == 0:
            return end + 1
        end = text.rfind("\n", 0, end)
    return 0


def _defused(records: str) -> str:
    """Complete CSV records, each cell through csv_cell, written as Datasette writes them."""
    if not records:
        return ""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in csv.reader(io.StringIO(records, newline="")):
        writer.writerow([csv_cell(cell) for cell in row])
    return out.getvalue()


# --- the measures table's statuses on the day, in its links, its JSON and its CSV -----------------
# The table's cells show each status on the day (render_cell); its JSON and CSV (and a measure
# row's JSON) are rewritten to say the same, and on a day given, the page's links to itself
# (other pages, sorts, facets, downloads, rows) and its forms carry ?on=, which Datasette,
# never seeing it, would drop.
DAY_TABLE = "measures"
DAY_FORMATS = {"": "html", ".json": "json", ".csv": "csv"}


def _measures_on_day(datasette: Any, path: str) -> tuple[str, str] | None:
    """(database, html|json|csv) when path is the measures table's page, JSON or CSV, or a
    measure row's JSON; else None."""
    parts = path.strip("/").split("/")
    if len(parts) < 2 or parts[0] not in datasette.databases:
        return None
    if len(parts) == 2 and parts[1].startswith(DAY_TABLE):
        fmt = DAY_FORMATS.get(parts[1][len(DAY_TABLE):])
        return (parts[0], fmt) if fmt else None
    if len(parts) == 3 and parts[1] == DAY_TABLE and parts[2].endswith(".json"):
        return parts[0], "json"
    return None


def _statuses_on_day(send: Callable[..., Any], datasette: Any, target: tuple[str, str],
                     day: str, header: bool) -> Callable[..., Any]:
    """send, with the answer's body held back and rewritten for the day (a 200 only)."""
    database, fmt = target
    start: dict[str, Any] = {}
    chunks: list[bytes] = []

    async def wrapped(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            start.update(message)
            return
        if message["type"] != "http.response.body" or not start:
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if message.get("more_body"):
            return
        body = b"".join(chunks)
        if start.get("status") == 200:
            rows = await _with_archive(datasette, database, lambda a: a.regime_on(day))
            body = _on_day_body(body, fmt, {r["id"]: r for r in rows}, day,
                                datasette.urls.table(database, DAY_TABLE), header)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        await send({**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
    return wrapped


def _on_day_body(body: bytes, fmt: str, statuses: dict[str, dict[str, Any]], day: str,
                 table_url: str, header: bool) -> bytes:
    """The body of a page, JSON or CSV of the measures table, saying the statuses on day."""
    if fmt == "html":
        return _links_on_day(body.decode("utf-8"), table_url, day).encode("utf-8")
    if fmt == "csv":
        return _csv_on_day(body.decode("utf-8"), statuses, header).encode("utf-8")
    try:
        data = json.loads(body)
    except ValueError:  # _shape=array&_nl=on: one object a line
        lines = [json.loads(line) for line in body.decode("utf-8").splitlines() if line.strip()]
        return "\n".join(json.dumps(_json_on_day(line, statuses)) for line in lines).encode()
    return json.dumps(_json_on_day(data, statuses)).encode()


def _cells_on_day(statuses: dict[str, dict[str, Any]], measure: Any) -> dict[str, Any]:
    """A measure's `status` and `suspended_until` on the day, as its table cells show them
    (None for both when it has no status then, e.g. not yet published)."""
    current = statuses.get(str(measure))
    if current is None:
        return {"status": None, "suspended_until": None}
    suspended = current["status"] in ("suspended", "partially_suspended")
    return {"status": current["status"],
            "suspended_until": current["until"] if suspended else None}


def _json_on_day(data: Any, statuses: dict[str, dict[str, Any]]) -> Any:
    """Datasette's JSON of measures (any _shape) with each row's statuses on the day."""
    columns = data.get("columns") if isinstance(data, dict) else None
    if isinstance(data, list):
        rows = data
    elif isinstance(data, dict) and isinstance(data.get("rows"), list):
        rows = data["rows"]
    elif isinstance(data, dict) and "id" in data:  # one row (_nl=on)
        rows = [data]
    elif isinstance(data, dict):  # _shape=object: rows by primary key
        rows = list(data.values())
    else:
        return data
    for row in rows:
        if isinstance(row, dict) and "id" in row:
            row.update({k: v for k, v in _cells_on_day(statuses, row["id"]).items() if k in row})
        elif isinstance(row, list) and isinstance(columns, list) and "id" in columns:
            for key, value in _cells_on_day(statuses, row[columns.index("id")]).items():
                if key in columns:
                    row[columns.index(key)] = value
    return data


def _csv_on_day(text: str, statuses: dict[str, dict[str, Any]], header: bool) -> str:
    """Datasette's CSV of measures with each row's statuses on the day (header: keep it)."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or "id" not in rows[0]:
        return text
    columns = rows[0]
    out = io.StringIO(newline="")
    writer = csv.writer(out)  # as Datasette writes it
    if header:
        writer.writerow(columns)
    for row in rows[1:]:
        if len(row) == len(columns):
            for key, value in _cells_on_day(statuses, row[columns.index("id")]).items():
                if key in columns:
                    row[columns.index(key)] = value or ""
        writer.writerow(row)
    return out.getvalue()


_TAG = re.compile(r"<(?:a|form)\b[^>]*>")


def _links_on_day(html: str, table_url: str, day: str) -> str:
    """The table page's links to the table (its pages, JSON, CSV, rows) with ?on=day, and its
    forms with a hidden `on`; the day form and the "today" link (data-regwatch-day) aside."""
    target = re.compile(r'(href|action)="(' + re.escape(table_url)
                        + r'(?:\.json|\.csv|/[^"?#]+)?)(\?[^"#]*)?(#[^"]*)?"')

    def tag(match: re.Match[str]) -> str:
        text = match.group(0)
        found = target.search(text)
        if found is None or "data-regwatch-day" in text:
            return text
        if found.group(1) == "action":
            return f'{text}<input type="hidden" name="on" value="{escape(day)}">'
        query = found.group(3) or ""
        if re.search(r"(?:^\?|&amp;|&)on=", query):
            return text
        query = f"{query}&amp;on={escape(day)}" if query else f"?on={escape(day)}"
        return (text[:found.start()] + f'href="{found.group(2)}{query}{found.group(4) or ""}"'
                + text[found.end():])
    return _TAG.sub(tag, html)


async def _is_canned_query(datasette: Any, path: str) -> bool:
    """Whether path is a canned query's page (`/db/name`, `/db/name.json`), whose SQL reads
    :on itself."""
    parts = path.strip("/").split("/")
    if len(parts) != 2 or parts[0] not in datasette.databases:
        return False
    name = parts[1].rsplit(".", 1)[0] if "." in parts[1] else parts[1]
    return name in await datasette.get_canned_queries(parts[0], None)


def _default_columns(datasette: Any, scope: dict[str, Any], query: dict[str, list[str]]
                     ) -> dict[str, Any]:
    """The HTML page of a big table without ?_col or ?_nocol: only the columns people read;
    a search of documents without facets (each facet would run the full-text match again:
    ?_facet= brings one back)."""
    parts = scope.get("path", "").strip("/").split("/")
    if len(parts) != 2 or parts[0] not in datasette.databases or parts[1] not in READ_COLUMNS:
        return scope
    wanted = [] if "_col" in query or "_nocol" in query else [
        f"_col={c}" for c in READ_COLUMNS[parts[1]]]
    searched = query.get("_search", [""])[0].strip()
    if searched and not any(k.startswith("_facet") for k in query):
        wanted.append("_nofacet=1")
    if searched and parts[1] in FULLTEXT_TABLES and not any(
            k.startswith(("_search_", "_searchmode", "_sort")) for k in query):
        scope = _without(scope, "_search")
        wanted += [f"{FULLTEXT_ARG}={quote(searched)}", "_nocount=1"]
    if not wanted:
        return scope
    extra = "&".join(wanted).encode()
    current = scope.get("query_string", b"")
    return {**scope, "query_string": current + b"&" + extra if current else extra}


# --- the search box of the documents table, through the full-text index -------------------------
# Datasette's own ?_search= looks up every matching row to sort them (12,541 rows for 稀土 at
# 100,000 documents: 70 ms), counts them the same way (70 ms more) and runs the match again for
# every facet. The search box's request is answered instead by walking the index on published,
# newest first, keeping the rows the full-text match lists (`+rowid`: not a rowid lookup), so
# the first page needs only its own rows; the count is the full-text index's own (3 ms).
FULLTEXT_TABLES = {"documents": "documents_fts"}
FULLTEXT_ARG = "_fulltext"


@hookimpl
def filters_from_request(request, database, table, datasette):  # type: ignore[no-untyped-def]
    searched = request.args.get(FULLTEXT_ARG, "").strip()
    index = FULLTEXT_TABLES.get(table)
    if not searched or not index:
        return None

    async def inner():  # type: ignore[no-untyped-def]
        from datasette.filters import FilterArguments

        match = f"[{index}] match escape_fts(:fulltext)"
        db = datasette.get_database(database)
        count = (await db.execute(f"select count(*) from [{index}] where {match}",
                                  {"fulltext": searched})).rows[0][0]
        return FilterArguments(
            [f"+rowid in (select rowid from [{index}] where {match})"], {"fulltext": searched},
            [f'search matches "{searched}"'],
            {"search": searched, "filtered_table_rows_count": count, "supports_search": True})
    return inner


@hookimpl
def prepare_connection(conn, database, datasette):  # type: ignore[no-untyped-def]
    """Reads of a large archive through memory-mapped I/O and a bigger page cache (random row
    lookups at 100,000 documents take half the time)."""
    if not str(database).startswith("_"):
        conn.execute("PRAGMA mmap_size = 2147483648")
        conn.execute("PRAGMA cache_size = -32000")


def _without(scope: dict[str, Any], key: str) -> dict[str, Any]:
    """The request's scope with one query parameter taken out."""
    from urllib.parse import parse_qsl, urlencode

    pairs = parse_qsl(scope.get("query_string", b"").decode("utf-8", "replace"),
                      keep_blank_values=True)
    query = urlencode([(k, v) for k, v in pairs if k != key]).encode()
    return {**scope, "query_string": query}


def request_day() -> tuple[str, bool]:
    return REQUEST_DAY.get() or parse_day(None)


# --- template variables: the day, freshness, the measure page, the home page ---------------------
@hookimpl
def extra_template_vars(template, database, table, columns, view_name, request, datasette):  # type: ignore[no-untyped-def]  # noqa: E501
    async def inner() -> dict[str, Any]:
        day, given = request_day()
        name = database or _main_database(datasette)
        values: dict[str, Any] = {"regwatch_day": day, "regwatch_day_given": given,
                                  "regwatch_database": name}
        if name is None:
            return values
        fresh: Freshness = await _with_archive(datasette, name, lambda a: freshness(a))
        values["regwatch_freshness"] = fresh
        if view_name == "row" and table == "measures" and request is not None:
            values["regwatch_measure"] = await _measure(datasette, name, request, day)
            values["regwatch_links"] = _links(datasette, name)
        if view_name == "index":
            values["regwatch_home"] = await _with_archive(
                datasette, name, lambda a: overview(a, day))
            values["regwatch_to_check"] = await _with_archive(
                datasette, name, lambda a: a.to_check())
            values["regwatch_queries"] = await _queries(datasette, name, request)
        if view_name == "database":
            values["regwatch_queries"] = await _queries(datasette, name, request)
        return values
    return inner


async def _measure(datasette: Any, database: str, request: Any, day: str
                   ) -> dict[str, Any] | None:
    from datasette.utils import tilde_decode

    measure_id = tilde_decode(request.url_vars.get("pks", ""))
    return await _with_archive(datasette, database, lambda a: measure_page(a, measure_id, day))


def _links(datasette: Any, database: str) -> dict[str, str]:
    root = datasette.urls.database(database)
    return {"documents": f"{root}/documents/", "measures": f"{root}/measures/",
            "compare": f"{root}/-/compare/", "root": root,
            "original": datasette.urls.path(f"/-/original/{database}/"),
            "annex": datasette.urls.path(f"/-/annex/{database}/")}


async def _queries(datasette: Any, database: str, request: Any) -> list[dict[str, Any]]:
    actor = request.actor if request is not None else None
    queries = await datasette.get_canned_queries(database, actor)
    return [{"name": name, "title": q.get("title") or name, "description": q.get("description"),
             "url": f"{datasette.urls.database(database)}/{quote(name)}"}
            for name, q in queries.items() if not name.startswith("_")]


# --- cells: statuses on the day, links to measure pages, readable bodies -------------------------
async def _statuses(datasette: Any, database: str) -> dict[str, dict[str, Any]]:
    cached = REQUEST_STATUS.get()
    if cached is None:
        day, _ = request_day()
        rows = await _with_archive(datasette, database, lambda a: a.regime_on(day))
        cached = {r["id"]: r for r in rows}
        REQUEST_STATUS.set(cached)
    return cached


def _measure_link(datasette: Any, database: str, measure: str) -> Markup:
    day, given = request_day()
    url = f"{datasette.urls.table(database, 'measures')}/{quote(measure)}"
    return Markup(f'<a class="measure-link" href="{escape(url)}'
                  f'{escape("?on=" + day) if given else ""}">{escape(measure)}</a>')


MEASURE_COLUMNS = {("measure_status", "measure"), ("measure_events", "measure"),
                   ("measure_events", "by_measure"), ("measure_status", "by"),
                   ("changes", "measure"), ("changes", "by"), ("document_measures", "measure"),
                   ("measure_documents", "measure")}


@hookimpl
def render_cell(row, value, column, table, database, datasette):  # type: ignore[no-untyped-def]
    if table == "measures" and column in ("status", "suspended_until"):
        async def on_day() -> Markup | None:
            statuses = await _statuses(datasette, database)
            if "id" not in row.keys():
                return None
            current = statuses.get(row["id"])
            if current is None:  # the regime on the day leaves out what was published after it
                return Markup(f'<span class="status status-unpublished">{NOT_YET_PUBLISHED}'
                              '</span>' if column == "status" else "")
            if column == "suspended_until":
                return Markup(escape(current["until"] or "")) if current["status"] in (
                    "suspended", "partially_suspended") else Markup("")
            by = f' <span class="by">by {escape(current["by"])}</span>' if current["by"] else ""
            if not current["status"]:  # no event showed one yet (a measure known as cited)
                return Markup(f'<span class="status status-unknown">{NO_STATUS}</span>')
            status = current["status"]
            return Markup(f'<span class="status status-{escape(status)}">{escape(status)}'
                          f'</span>{by if status.endswith("suspended") else ""}')
        return on_day()
    in_query = table is None and column in ("id", "measure", "by_measure", "suspended_by", "by")
    if ((table, column) in MEASURE_COLUMNS or in_query) and isinstance(value, str) and re.fullmatch(
            r"[A-Z]+-\d{4}-\d+", value):
        return _measure_link(datasette, database, value)
    if table in ("documents", "document_versions") and column in ("body", "tables") and (
            isinstance(value, str)):
        text = value if REQUEST_ROW_PAGE.get() else (
            value[:BODY_IN_TABLES] + ("…" if len(value) > BODY_IN_TABLES else ""))
        return Markup(f'<div class="body-text" lang="zh">{escape(text)}</div>')
    if table == "document_versions" and column == "version" and isinstance(value, int) \
            and value > 1 and "document" in row.keys():
        document = row["document"]  # in a table view, an expanded foreign key: value and label
        document = document.get("value") if isinstance(document, dict) else document
        url = f"{datasette.urls.database(database)}/-/compare/{quote(str(document))}"
        return Markup(f'{value} <a class="compare" href="{escape(url)}?from={value - 1}'
                      f'&amp;to={value}">compare with {value - 1}</a>')
    return None


# --- routes: the stylesheet, the reports folder, the version compare view ------------------------
async def stylesheet(request: Any) -> Response:
    return Response(CSS.read_text(encoding="utf-8"), content_type="text/css; charset=utf-8",
                    headers={"cache-control": "max-age=300"})


def _report_file(folder: str | None, name: str) -> Path | None:
    if not folder or not re.fullmatch(r"[\w.-]+\.(?:html|md|json)", name):
        return None
    path = Path(folder) / name
    return path if path.is_file() else None


async def report(request: Any, datasette: Any) -> Response:
    """A file of the reports folder (a run's .html, .md, .json, or index.html), read-only."""
    name = request.url_vars.get("name") or "index.html"
    path = _report_file(_config(datasette).get("reports"), name)
    if path is None:
        return Response.text("no such report", status=404)
    kind = mimetypes.guess_type(path.name)[0] or "text/plain"
    if path.suffix == ".md":
        kind = "text/markdown"
    return Response(path.read_bytes(), content_type=f"{kind}; charset=utf-8")


def _compare(archive: Archive, doc_id: str, first: int | None, second: int | None
             ) -> dict[str, Any] | None:
    versions = archive.versions(doc_id)
    if not versions:
        return None
    numbers = [v["version"] for v in versions]
    second = second if second in numbers else numbers[-1]
    first = first if first in numbers else (numbers[max(0, numbers.index(second) - 1)])
    old = next(v for v in versions if v["version"] == first)
    new = next(v for v in versions if v["version"] == second)
    from pipelines.textdiff import line_diffs, paragraph_diffs

    return {"document": archive.document(doc_id), "versions": versions, "old": old, "new": new,
            "title": Markup(diff_html(char_diff(old["title"] or "", new["title"] or ""))),
            "dated": old["published"] != new["published"],
            "paragraphs": [Markup(diff_html(ops)) for ops in paragraph_diffs(
                old["body"] or "", new["body"] or "")],
            # an entity list's rows (a renamed firm, a row added): the page's tables, row by row
            "table_rows": [Markup(diff_html(ops)) for ops in line_diffs(
                old.get("tables") or "", new.get("tables") or "")],
            "annexes": _annex_diffs(archive, doc_id, first, second)}


def _annex_diffs(archive: Archive, doc_id: str, first: int, second: int
                 ) -> list[dict[str, Any]]:
    """The annex files that differ between two versions, each with its text's changed lines
    (marked characters), as the run's report shows them."""
    from pipelines.originals import version_annex_changes
    from pipelines.textdiff import line_diffs

    changes = version_annex_changes(archive.annexes_of(doc_id, first),
                                    archive.annexes_of(doc_id, second))
    for change in changes:
        before, after = change["before"] or {}, change["after"] or {}
        change["lines"] = [Markup(diff_html(ops)) for ops in line_diffs(
            before.get("text") or "", after.get("text") or "")]
    return changes


async def compare(request: Any, datasette: Any) -> Response:
    """Two versions of a document side by side, the changed characters marked."""
    database = request.url_vars["database"]
    if database not in datasette.databases:
        return Response.text("no such database", status=404)

    def number(key: str) -> int | None:
        value = request.args.get(key, "")
        return int(value) if value.isdigit() else None

    doc_id = request.url_vars["document"]
    data = await _with_archive(datasette, database, lambda a: _compare(
        a, doc_id, number("from"), number("to")))
    if data is None:
        return Response.text(f"no versions of document {doc_id}", status=404)
    html = await datasette.render_template("regwatch_compare.html", {
        **data, "database": database, "links": _links(datasette, database),
        **await extra_template_vars("regwatch_compare.html", database, None, None, "compare",
                                    request, datasette)()}, request=request)
    return Response.html(html)


@hookimpl
def register_routes(datasette):  # type: ignore[no-untyped-def]
    return [
        (r"^/-/regwatch\.css$", stylesheet),
        (r"^/-/reports/(?P<name>[\w.-]*)$", report),
        (r"^/(?P<database>[^/]+)/-/compare/(?P<document>[0-9a-f]{1,64})$", compare),
    ]


@hookimpl
def extra_css_urls(template, database, table, columns, view_name, request, datasette):  # type: ignore[no-untyped-def]  # noqa: E501
    return ["/-/regwatch.css"]


COLLAPSE_DESCRIPTIONS = """
document.querySelectorAll('dl.column-descriptions').forEach(function (dl) {
  var details = document.createElement('details');
  details.className = 'column-descriptions';
  var summary = document.createElement('summary');
  summary.textContent = 'What the columns mean';
  dl.parentNode.insertBefore(details, dl);
  details.appendChild(summary);
  details.appendChild(dl);
});
"""


@hookimpl
def extra_body_script(template, database, table, columns, view_name, request, datasette):  # type: ignore[no-untyped-def]  # noqa: E501
    return COLLAPSE_DESCRIPTIONS if view_name == "table" else ""




@hookimpl
def startup(datasette):  # type: ignore[no-untyped-def]
    """The templates' `http_only` filter: a scraped link is offered only if it is http(s). And
    Datasette's error pages without `rich`: with it, an unknown path of four parts or more
    (/-/reports/../x) fails with a 500 while printing a traceback, and every 404 is logged as
    a traceback."""
    from datasette import handle_exception as default_handler

    from pipelines.templating import http_only

    datasette.jinja_env.filters["http_only"] = http_only
    default_handler.rich = None
    for database in datasette.databases.values():
        if not database.is_memory:
            _count_without_full_text(database)


def _count_without_full_text(database: Any) -> None:
    """The database and home pages count every table's rows; a full-text index (a virtual
    table) can only be counted by reading all of it (0.4 s at 100,000 documents, and its time
    limit does not stop it), so it is left uncounted, like a count that timed out."""
    counted = database.table_counts

    async def table_counts(limit: int = 10) -> dict[str, int | None]:
        virtual = {r[0] for r in (await database.execute(
            "select name from sqlite_master where type = 'table' and sql like "
            "'CREATE VIRTUAL TABLE%'")).rows}
        counts: dict[str, int | None] = {}
        for table in await database.table_names():
            if table in virtual:
                counts[table] = None
                continue
            try:
                counts[table] = (await database.execute(
                    f"select count(*) from [{table}]", custom_time_limit=limit)).rows[0][0]
            except Exception:  # noqa: BLE001 (interrupted or unreadable: no count, as Datasette)
                counts[table] = None
        return counts

    database.table_counts = table_counts if counted else counted

