"""Datasette plugin: makes the archive's search box understand Chinese (see pipelines.search)."""

from datasette import hookimpl

from pipelines.search import fts_query


@hookimpl(trylast=True)
def prepare_connection(conn):  # type: ignore[no-untyped-def]
    """Register escape_fts after Datasette's own, so table search uses our segmentation."""
    conn.create_function("escape_fts", 1, fts_query)
