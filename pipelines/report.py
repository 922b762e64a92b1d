"""The report of a run: <reports>/<run-id>.json (CONTRACT.md section 4), .md and .html beside."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from crawler.vocab import ChangeKind
from pipelines.archive import Archive

# The order a person reads a report in: what changed legally first, source trouble last.
KIND_ORDER = [
    ChangeKind.STATUS_CHANGED, ChangeKind.NEW_MEASURE, ChangeKind.DEADLINE_PASSED,
    ChangeKind.DEADLINE_NEAR, ChangeKind.MEASURE_AMENDED, ChangeKind.NEW_DOCUMENT,
    ChangeKind.DOCUMENT_CHANGED, ChangeKind.DOCUMENT_REMOVED, ChangeKind.SOURCE_PROBLEM,
]
KIND_HEADINGS = {
    ChangeKind.STATUS_CHANGED: "Status changes", ChangeKind.NEW_MEASURE: "New measures",
    ChangeKind.DEADLINE_PASSED: "Deadlines passed", ChangeKind.DEADLINE_NEAR: "Deadlines near",
    ChangeKind.MEASURE_AMENDED: "Amended measures", ChangeKind.NEW_DOCUMENT: "New documents",
    ChangeKind.DOCUMENT_CHANGED: "Changed documents",
    ChangeKind.DOCUMENT_REMOVED: "Removed documents",
    ChangeKind.SOURCE_PROBLEM: "Source problems",
}
CHANGE_FIELDS = ("kind", "measure", "document", "from", "to", "by", "until", "title", "url",
                 "source", "category", "confidence", "summary", "diff")

_env = Environment(loader=PackageLoader("pipelines", "templates"),
                   autoescape=select_autoescape(["html", "html.j2"]),
                   trim_blocks=True, lstrip_blocks=True)


def http_only(url: str | None) -> str:
    """A scraped link is shown only if it is http(s): no javascript: or data: URLs."""
    return url if url and url.startswith(("http://", "https://")) else "#"


_env.filters["http_only"] = http_only


def build_report(archive: Archive, run_id: str) -> dict[str, Any]:
    """The report of a run as the JSON structure of CONTRACT.md section 4."""
    run = archive.run(run_id)
    if run is None:
        raise ValueError(f"no run {run_id!r} in the archive")
    return {
        "run_id": run_id,
        "as_of": run["as_of"],
        "previous_run_id": run["previous_run_id"],
        "sources": [
            {"name": s["source"], "status": s["status"], "items": s["items"] + s["unchanged"],
             "problems": s["problems"]}
            for s in archive.run_sources(run_id)
        ],
        "changes": [{k: c.get(k) for k in CHANGE_FIELDS} for c in archive.changes(run_id)],
    }


def grouped(changes: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Changes grouped by kind, in reading order, empty groups left out."""
    groups = []
    for kind in KIND_ORDER:
        members = [c for c in changes if c["kind"] == kind]
        if members:
            groups.append((KIND_HEADINGS[kind], members))
    return groups


def render(report: dict[str, Any], fmt: str) -> str:
    template = _env.get_template(f"report.{fmt}.j2")
    return template.render(report=report, groups=grouped(report["changes"]))


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_reports(archive: Archive, run_id: str, reports_dir: str | Path) -> list[Path]:
    """(Re)write <run-id>.json, .md and .html; returns their paths."""
    folder = Path(reports_dir)
    folder.mkdir(parents=True, exist_ok=True)
    report = build_report(archive, run_id)
    paths = []
    for suffix, text in (
        ("json", json.dumps(report, ensure_ascii=False, indent=2) + "\n"),
        ("md", render(report, "md")),
        ("html", render(report, "html")),
    ):
        path = folder / f"{run_id}.{suffix}"
        _write_atomically(path, text)
        paths.append(path)
    return paths
