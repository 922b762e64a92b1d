"""Exports of the regime on a day: every measure with its status, dates and links, as CSV (UTF-8
with a byte-order mark, so Excel shows Chinese), XLSX or JSON (`regwatch export`)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipelines.archive import Archive
from pipelines.regime import Freshness, regime

FORMATS = ("csv", "xlsx", "json")
COLUMNS = ["measure", "status", "status_text", "since", "until", "by", "clauses", "title_zh",
           "title_en", "issuers", "published", "effective", "category", "confidence",
           "measure_page", "official_text"]


def export_rows(archive: Archive, day: str, datasette_url: str, db_name: str
                ) -> list[dict[str, Any]]:
    """One row per measure: its status on day, dates, and links (measure page, official text)."""
    rows = regime(archive, day)
    documents = archive.documents_by_id(r["document"] for r in rows)
    base = f"{datasette_url.rstrip('/')}/{quote(db_name)}/measures/"
    out = []
    for r in rows:
        clauses = "; ".join(f"{c['clause']}: {c['status']}" + (f" until {c['to']}" if c["to"]
                                                               else "") for c in r["clauses"])
        doc = documents.get(r["document"] or "")
        out.append({
            "measure": r["measure"], "status": r["status"] or "", "status_text": r["phrase"],
            "since": r["since"] or "", "until": r["until"] or "", "by": r["by"] or "",
            "clauses": clauses, "title_zh": r["title_zh"] or "", "title_en": r["title_en"] or "",
            "issuers": ", ".join(r["issuers"]), "published": r["published"] or "",
            "effective": r["effective"] or "", "category": r["category"] or "",
            "confidence": r["confidence"] or "",
            "measure_page": f"{base}{quote(r['measure'])}?on={day}",
            "official_text": doc["url"] if doc else "",
        })
    return out


# Scraped text is hostile: a cell a spreadsheet would read as a formula (=HYPERLINK(…) in a
# page's title, "@SUM(…)" in an entity's name) is written as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# what a spreadsheet file cannot hold (openpyxl refuses it; Excel reports the file damaged)
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows and never runs: text that would start a formula gets
    a leading apostrophe (OWASP's advice for CSV injection); control characters go."""
    if not isinstance(value, str):
        return value
    value = _UNWRITABLE.sub("", value)
    if _NUMBER.fullmatch(value):  # -2 is a number, not a formula (-2+3 is one)
        return value
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: csv_cell(v) for k, v in row.items()}


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    """CSV with a UTF-8 byte-order mark (Excel then reads it as UTF-8), formulas defused."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_row(r) for r in rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_json(rows: list[dict[str, Any]], day: str, fresh: Freshness) -> bytes:
    document = {"on": day, "last_run": fresh.last_run, "stale": fresh.stale,
                "note": fresh.note, "measures": rows}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_xlsx(rows: list[dict[str, Any]], day: str, fresh: Freshness) -> bytes:
    """A workbook: one sheet of measures (header frozen, links clickable), the day in its title."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = f"measures {day}"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_UNWRITABLE.sub("", v) if isinstance(v, str) else v
                      for v in (row[c] for c in COLUMNS)])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # openpyxl reads "=…" as a formula: it is a page's text
                cell.data_type = "s"
        for column in ("measure_page", "official_text"):
            cell = sheet.cell(row=sheet.max_row, column=COLUMNS.index(column) + 1)
            if cell.value:
                cell.hyperlink = cell.value
    sheet.freeze_panes = "B2"
    widths = {"measure": 18, "status_text": 44, "title_zh": 50, "title_en": 50, "clauses": 30}
    for i, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=i).column_letter].width = widths.get(
            column, 14)
    if fresh.note:
        notes = book.create_sheet("note")
        notes.append([fresh.note])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export(archive: Archive, day: str, fmt: str, datasette_url: str, db_name: str,
           fresh: Freshness) -> bytes:
    rows = export_rows(archive, day, datasette_url, db_name)
    if fmt == "csv":
        return to_csv(rows)
    if fmt == "xlsx":
        return to_xlsx(rows, day, fresh)
    return to_json(rows, day, fresh)


def write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
