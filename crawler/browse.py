"""`regwatch serve`: Datasette over the archive, in this process, read-only.

Datasette runs in regwatch's own process (no child server, no temporary metadata file): stopping
`regwatch serve` by SIGINT or SIGTERM shuts the server down cleanly (uvicorn's handlers), and
SIGHUP or SIGKILL end the one process, so nothing is left holding the port.

Read-only without `-i`: Datasette opens the file `mode=ro` and the metadata turns on the
regwatch_search plugin's query_only on every connection (crawler.datasette_plugin), so nothing
served can write, while a nightly crawl may still update the archive (WAL) and be seen without a
restart (an immutable database would ignore the WAL and could read a half-written file).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

from pipelines.archive import sql_text
from pipelines.config import Config

METADATA = Path(__file__).with_name("metadata.yml")
TEMPLATES = Path(__file__).with_name("templates")  # row pages, the measure page, the home page
# Fast at 100,000 documents (benchmarks/bench_pages.py): no facet suggestions (most of a table
# page's time), facets and counts cut short rather than waited for, long cells truncated.
SETTINGS = {"default_page_size": 50, "allow_download": False, "sql_time_limit_ms": 3000,
            "suggest_facets": False, "facet_time_limit_ms": 150, "truncate_cells_html": 400}
# Tables a person never browses: the migrations' bookkeeping and the full-text indexes' parts.
INTERNAL_TABLES = ("_sqlite_migrations",
                   *(f"{index}{part}" for index in ("documents_fts", "annexes_fts")
                     for part in ("", "_config", "_data", "_docsize", "_idx")))


def metadata_for(db: Path, config: Config | None = None, evidence: Path | None = None
                 ) -> dict[str, Any]:
    """metadata.yml, with its table settings placed under this database's name, the internal
    tables hidden, the configuration's parts (topics, reports folder) laid in, and the evidence
    store's folder given to the plugin, which serves the originals from it."""
    base = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    tables = base.pop("tables")
    queries = base.pop("queries", {})
    for name in INTERNAL_TABLES:
        tables.setdefault(name, {})["hidden"] = True
    config = config or Config()
    root = f"{config.datasette_url.rstrip('/')}/{quote(db.stem)}"
    site = config.datasette_url.rstrip("/")
    for query in queries.values():  # feed entries link to measure pages at datasette_url
        query["sql"] = query["sql"].replace("__ARCHIVE_ROOT__", sql_text(root)).replace(
            "__SITE_ROOT__", sql_text(site))
    queries.update(topic_queries(config, root, site))
    base.setdefault("plugins", {})["regwatch_pages"] = {
        "reports": str(Path(config.reports).resolve())}
    base["databases"] = {db.stem: {"tables": tables, "queries": queries}}
    if evidence is not None:
        base["plugins"]["regwatch_search"]["evidence_dir"] = str(evidence.resolve())
    return base


def topic_queries(config: Config, root: str, site: str = "") -> dict[str, Any]:
    """One canned query per topic (`topic_<slug>`): its latest changes, also an Atom feed
    (`topic_<slug>.atom`)."""
    from pipelines.archive import topic_changes_sql
    from pipelines.topics import topic_terms

    queries = {}
    for topic in config.topics:
        terms = topic_terms(topic)
        queries[f"topic_{topic.slug}"] = {
            "title": f"Topic: {topic.name}",
            "description": (f"The latest changes about {topic.name} (terms, with the glossary's "
                            f"equivalents: {', '.join(terms)}); as an Atom feed: add .atom to "
                            "this page's address."),
            "sql": topic_changes_sql(terms, topic.measures, topic.categories, topic.sources,
                                     topic.entity_lists, archive_root=root, site_root=site),
            "hide_sql": True,
        }
    return queries


def datasette_for(db: Path, evidence: Path | None = None, *, immutable: bool = False,
                  config: Config | None = None) -> Any:
    """A Datasette instance over db with regwatch's metadata, templates and settings (an archive
    on read-only media is opened immutable: no writer can be changing it); the originals are
    served from evidence (default: `evidence/<archive name>/` beside db)."""
    from datasette.app import Datasette

    files = {"immutables": [str(db)]} if immutable else {"files": [str(db)]}
    return Datasette(**files, metadata=metadata_for(db, config, evidence), settings=SETTINGS,
                     template_dir=str(TEMPLATES))


def serve(db: Path, host: str, port: int, evidence: Path | None = None, *,
          immutable: bool = False, config: Config | None = None) -> None:
    """Serve db until the process is told to stop."""
    import uvicorn

    datasette = datasette_for(db, evidence, immutable=immutable, config=config)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")
