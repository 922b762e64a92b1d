"""Datasette plugin for the archive: a search box that understands Chinese (see pipelines.search)
and, under `regwatch serve`, connections that cannot write."""

from datasette import hookimpl

from pipelines.search import fts_query, fts_query_exact, glossary_note


@hookimpl(trylast=True)
def prepare_connection(conn, database, datasette):  # type: ignore[no-untyped-def]
    """Register escape_fts after Datasette's own, so table search uses our segmentation and
    the glossary (pipelines.search: `rare earth` also finds 稀土); escape_fts_exact and
    glossary_note let the `search_documents` query mark what matched through the glossary.

    With `plugins: regwatch_search: read_only: true` in the metadata (what `regwatch serve`
    writes), every connection to a database file is also made query-only: Datasette already
    opens them `mode=ro`, and even its write connection (used by writable canned queries) then
    refuses to change anything. Datasette's own in-memory databases (`_internal`) are left alone.
    """
    conn.create_function("escape_fts", 1, fts_query)
    conn.create_function("escape_fts_exact", 1, fts_query_exact)  # the words as written
    conn.create_function("glossary_note", 1, glossary_note)  # how a query was widened
    config = datasette.plugin_config("regwatch_search") or {}
    if config.get("read_only") and not str(database).startswith("_"):
        conn.execute("PRAGMA query_only = ON")
