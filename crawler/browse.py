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

import yaml

METADATA = Path(__file__).with_name("metadata.yml")
TEMPLATES = Path(__file__).with_name("templates")  # the document page (crawler/templates/row.html)
SETTINGS = {"default_page_size": 50, "allow_download": False, "sql_time_limit_ms": 3000}


def metadata_for(db: Path, evidence: Path | None = None) -> dict[str, Any]:
    """metadata.yml, with its table settings placed under this database's name (and the
    evidence store's folder given to the plugin, which serves the originals from it)."""
    base = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    tables = base.pop("tables")
    queries = base.pop("queries", {})
    base["databases"] = {db.stem: {"tables": tables, "queries": queries}}
    if evidence is not None:
        base["plugins"]["regwatch_search"]["evidence_dir"] = str(evidence.resolve())
    return base


def datasette_for(db: Path, evidence: Path | None = None, *, immutable: bool = False) -> Any:
    """A Datasette instance over db with regwatch's metadata, settings and templates (an
    archive on read-only media is opened immutable: no writer can be changing it)."""
    from datasette.app import Datasette

    files = {"immutables": [str(db)]} if immutable else {"files": [str(db)]}
    return Datasette(**files, metadata=metadata_for(db, evidence), settings=SETTINGS,
                     template_dir=str(TEMPLATES))


def serve(db: Path, host: str, port: int, evidence: Path | None = None, *,
          immutable: bool = False) -> None:
    """Serve db until the process is told to stop."""
    import uvicorn

    datasette = datasette_for(db, evidence, immutable=immutable)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")
