"""Datasette metadata for an archive: the project's metadata.yml under the database's name."""

import json
import tempfile
from pathlib import Path

import yaml

METADATA = Path(__file__).with_name("metadata.yml")


def metadata_for(db: Path) -> dict:
    """metadata.yml, with its table settings placed under this database's name."""
    base = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    tables = base.pop("tables")
    queries = base.pop("queries", {})
    base["databases"] = {db.stem: {"tables": tables, "queries": queries}}
    return base


def write_metadata(db: Path) -> Path:
    """Write the metadata as a temporary JSON file for `datasette --metadata`."""
    folder = Path(tempfile.mkdtemp(prefix="regwatch-datasette-"))
    path = folder / "metadata.json"
    path.write_text(json.dumps(metadata_for(db), ensure_ascii=False), encoding="utf-8")
    return path
