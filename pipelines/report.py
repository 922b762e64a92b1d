"""The report of a run: <reports>/<run-id>.json (docs/REFERENCE.md), .md and .html beside.

The JSON is exactly the contract's. The Markdown and the self-contained HTML are for a person:
a headline, changes grouped by kind in reading order, each with the measure's titles and dates,
the sentence that proves it, the source page and the archived copy in Datasette.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from pipelines.archive import Archive
from pipelines.config import Config
from pipelines.lifecycle import shift
from pipelines.templating import render as render_template
from pipelines.textdiff import char_diff, diff_html, diff_text, from_unified
from pipelines.vocab import ChangeKind, ListName, SourceStatus, Status

if TYPE_CHECKING:  # pipelines.backfill imports pipelines.regime, which imports this module
    from pipelines.backfill import CitedNotListed

# The order a person reads a report in: what changed legally first, source trouble last.
KIND_ORDER = [
    ChangeKind.STATUS_CHANGED, ChangeKind.NEW_MEASURE, ChangeKind.ENTITY_STATUS_CHANGED,
    ChangeKind.ENTITY_LISTED, ChangeKind.DEADLINE_PASSED,
    ChangeKind.DEADLINE_NEAR, ChangeKind.MEASURE_AMENDED, ChangeKind.NEW_DOCUMENT,
    ChangeKind.DOCUMENT_CHANGED, ChangeKind.DOCUMENT_REMOVED, ChangeKind.BACKFILL,
    ChangeKind.SOURCE_PROBLEM,
]
KIND_HEADINGS = {
    ChangeKind.BACKFILL: "History walked back (backfill)",
    ChangeKind.STATUS_CHANGED: "Status changes", ChangeKind.NEW_MEASURE: "New measures",
    ChangeKind.DEADLINE_PASSED: "Deadlines passed", ChangeKind.DEADLINE_NEAR: "Deadlines near",
    ChangeKind.MEASURE_AMENDED: "Amended measures", ChangeKind.NEW_DOCUMENT: "New documents",
    ChangeKind.DOCUMENT_CHANGED: "Changed documents",
    ChangeKind.DOCUMENT_REMOVED: "Removed documents",
    ChangeKind.SOURCE_PROBLEM: "Source problems",
    ChangeKind.ENTITY_STATUS_CHANGED: "Entity designations changed",
    ChangeKind.ENTITY_LISTED: "Entities listed",
}
CHANGE_FIELDS = ("kind", "measure", "document", "from", "to", "by", "until", "title", "url",
                 "source", "category", "confidence", "summary", "diff")
# Changes about an entity's designation also carry the entity and its list.
ENTITY_FIELDS = ("entity", "list")


def change_fields(change: dict[str, Any]) -> tuple[str, ...]:
    return CHANGE_FIELDS + ENTITY_FIELDS if change.get("entity") else CHANGE_FIELDS


def build_report(archive: Archive, run_id: str) -> dict[str, Any]:
    """The report of a run as the JSON structure of docs/REFERENCE.md (“The report of a run”)."""
    run = archive.run(run_id)
    if run is None:
        raise ValueError(f"no run {run_id!r} in the archive")
    return {
        "run_id": run_id,
        "as_of": run["as_of"],
        "previous_run_id": run["previous_run_id"],
        "sources": [
            {"name": s["source"], "status": s["status"], "items": s["items"] + s["unchanged"],
             "problems": s["problems"],
             # (a walk back stuck at a bad page, said every night it still is)
             **({"walks_stuck": s["walks_stuck"]} if s.get("walks_stuck") else {}),
             **({"notes": s["notes"]} if s.get("notes") else {})}
            for s in archive.run_sources(run_id)
        ],
        "changes": [{k: c.get(k) for k in change_fields(c)} for c in archive.changes(run_id)],
    }


# How the headline counts a change: (singular, plural).
STATUS_WORDS = {
    Status.SUSPENDED: ("measure suspended", "measures suspended"),
    Status.PARTIALLY_SUSPENDED: ("measure partially suspended", "measures partially suspended"),
    Status.REVOKED: ("measure revoked", "measures revoked"),
    Status.EXPIRED: ("measure expired", "measures expired"),
    Status.ANNOUNCED: ("measure announced", "measures announced"),
}
KIND_WORDS = {
    ChangeKind.BACKFILL: ("source walked back", "sources walked back"),
    ChangeKind.NEW_MEASURE: ("new measure", "new measures"),
    ChangeKind.DEADLINE_PASSED: ("suspension ended", "suspensions ended"),
    ChangeKind.DEADLINE_NEAR: ("deadline near", "deadlines near"),
    ChangeKind.MEASURE_AMENDED: ("measure amended", "measures amended"),
    ChangeKind.NEW_DOCUMENT: ("new document", "new documents"),
    ChangeKind.DOCUMENT_CHANGED: ("document changed", "documents changed"),
    ChangeKind.DOCUMENT_REMOVED: ("document removed", "documents removed"),
    ChangeKind.SOURCE_PROBLEM: ("source problem", "source problems"),
    ChangeKind.ENTITY_LISTED: ("entity listed", "entities listed"),
}
# entity_status_changed, by the designation's new status
DESIGNATION_WORDS = {
    "suspended": ("designation suspended", "designations suspended"),
    "removed": ("designation removed", "designations removed"),
    "listed": ("designation in force again", "designations in force again"),
}
# entity_status_changed, by what happened (diff.what) where the new status says too little
DESIGNATION_WHAT_WORDS = {
    "suspension continued": ("designation suspension continued",
                             "designation suspensions continued"),
}


def designation_words(change: dict[str, Any]) -> tuple[str, str]:
    """How the headline counts an entity_status_changed: by what its card says happened (a
    suspension a text continues is "continued", whatever the status before), else by the new
    status."""
    what = (change.get("diff") or {}).get("what")
    if what in DESIGNATION_WHAT_WORDS:
        return DESIGNATION_WHAT_WORDS[what]
    return DESIGNATION_WORDS.get(change["to"], ("designation changed", "designations changed"))


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def still_failing(changes: list[dict[str, Any]], sources: Iterable[dict[str, Any]]) -> list[str]:
    """The sources that failed in the run (nothing read) with no source_problem of the run
    about them: a failure reported on an earlier night that persists. A degraded source (a page
    or an annex missing) is listed under the report's sources only."""
    reported = {c.get("source") for c in changes if c["kind"] == ChangeKind.SOURCE_PROBLEM
                and not disagreement_of(c)}
    return [s["name"] for s in sources
            if s.get("status") == SourceStatus.FAILED and s["name"] not in reported]


def still_stuck(changes: list[dict[str, Any]], sources: Iterable[dict[str, Any]]) -> list[str]:
    """The sources whose walk back is stuck at a bad page (retried every night) with no
    source_problem of the run about them, nor failing: a stuck walk reported on an earlier
    night that persists, so the archive's history behind it is still incomplete."""
    sources = list(sources)
    reported = {c.get("source") for c in changes if c["kind"] == ChangeKind.SOURCE_PROBLEM
                and not disagreement_of(c)} | set(still_failing(changes, sources))
    return [s["name"] for s in sources if s.get("walks_stuck") and s["name"] not in reported]


def persisting(changes: list[dict[str, Any]], sources: Iterable[dict[str, Any]]) -> list[str]:
    """What persists from earlier nights and is no change of this one: sources still failing,
    walks back still stuck ("2 sources still failing (customs, mofcom)")."""
    sources = list(sources)
    failing, stuck = still_failing(changes, sources), still_stuck(changes, sources)
    return ([failing_phrase(failing)] if failing else []) + (
        [stuck_phrase(stuck)] if stuck else [])


def headline(changes: list[dict[str, Any]], sources: Iterable[dict[str, Any]] = ()) -> str:
    """What changed, most important first: "6 measures suspended, 1 new measure"; with the
    sources still failing since an earlier night and the walks back still stuck, so that a
    night of outages never reads "nothing changed" ("nothing new; 2 sources still failing
    (mofcom, customs)", "nothing new; 1 walk back still stuck (mofcom)")."""
    told = _changes_told(changes)
    notes = persisting(changes, sources)
    if not notes:
        return told or "nothing changed"
    return f"{told or 'nothing new'}; {'; '.join(notes)}"


def stuck_phrase(stuck: list[str]) -> str:
    """"1 walk back still stuck (mofcom)"."""
    return (f"{len(stuck)} walk{'s' if len(stuck) != 1 else ''} back still stuck "
            f"({', '.join(stuck)})")


def stuck_lines(sources: Iterable[dict[str, Any]]) -> list[str]:
    """Each walk back stuck at a bad page, in one line: "mofcom: the walk back of list
    www.mofcom.gov.cn/zwgk/zcfb is stuck at page 3 since 2025-11-08 (an HTML page instead of
    the JPaaS JSON answer); retried every night, the history behind it is not archived"."""
    return [f"{s['name']}: the walk back of list {w['list']} is stuck at page {w['page']} since "
            f"{w['since']} ({w['problem']}); retried every night, the history behind it is not "
            "archived" for s in sources for w in s.get("walks_stuck") or []]


def disagreement_of(change: dict[str, Any]) -> dict[str, Any] | None:
    """The copies and dates of a `source_problem` about official copies that disagree on a
    measure's date (pipelines.finish.disagreement_changes), None for any other change."""
    if change.get("kind") != ChangeKind.SOURCE_PROBLEM:
        return None
    return (change.get("diff") or {}).get("disagreement")


def failing_phrase(failing: list[str]) -> str:
    """"2 sources still failing (customs, mofcom)"."""
    return f"{plural(len(failing), 'source')} still failing ({', '.join(failing)})"


def _changes_told(changes: list[dict[str, Any]]) -> str:
    counts: dict[tuple[str, str], int] = {}
    for change in sorted(changes, key=lambda c: KIND_ORDER.index(c["kind"])):
        if change["kind"] == ChangeKind.STATUS_CHANGED and change["to"] == Status.IN_FORCE:
            words = (("measure took effect", "measures took effect")
                     if change["from"] in (None, Status.ANNOUNCED)
                     else ("measure back in force", "measures back in force"))
        elif change["kind"] == ChangeKind.STATUS_CHANGED:
            words = STATUS_WORDS.get(change["to"], ("status changed", "status changes"))
        elif change["kind"] == ChangeKind.ENTITY_STATUS_CHANGED:
            words = designation_words(change)
        elif disagreement_of(change) and (change.get("diff") or {}).get("resolved"):
            words = ("date the sources agree on again", "dates the sources agree on again")
        elif disagreement_of(change):
            words = ("date the sources disagree on", "dates the sources disagree on")
        else:
            words = KIND_WORDS[change["kind"]]
        counts[words] = counts.get(words, 0) + 1
    return ", ".join(f"{n} {words[n != 1]}" for words, n in counts.items())


def describe_run(report: dict[str, Any]) -> str:
    """A few lines a person reads: changes by kind, then each source's health."""
    counts = Counter(c["kind"] for c in report["changes"])
    kinds = ", ".join(f"{n} {k}" for k, n in counts.most_common()) or "no changes"
    lines = [f"run {report['run_id']} (as of {report['as_of']}): {kinds}"]
    for source in report["sources"]:
        problems = f" — {'; '.join(source['problems'])}" if source["problems"] else ""
        seen = plural(source["items"], "document")
        lines.append(f"  {source['name']}: {source['status']}, {seen}{problems}")
        lines += [f"    note: {note}" for note in source.get("notes") or []]
    return "\n".join(lines)


def datasette_links(base: str, db_name: str) -> dict[str, str]:
    """URL prefixes of the archive's pages in Datasette (regwatch serve)."""
    root = f"{base.rstrip('/')}/{quote(db_name)}"
    return {"documents": f"{root}/documents/", "measures": f"{root}/measures/",
            "events": f"{root}/measure_events?measure=", "root": root,
            "reports": f"{base.rstrip('/')}/-/reports/",
            "compare": f"{root}/-/compare/"}


def measure_context(archive: Archive, changes: list[dict[str, Any]]) -> dict[str, Any]:
    """The archived measure rows the changes name (titles, dates, status) for the reader."""
    ids = {c["measure"] for c in changes if c.get("measure")}
    return {m: archive.measure(m) for m in sorted(ids) if archive.measure(m)}


def grouped(changes: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Changes grouped by kind, in reading order, empty groups left out."""
    groups = []
    for kind in KIND_ORDER:
        members = [c for c in changes if c["kind"] == kind]
        if kind in (ChangeKind.ENTITY_LISTED, ChangeKind.ENTITY_STATUS_CHANGED):
            members.sort(key=lambda c: LIST_ORDER.get(c.get("list") or "", len(LIST_ORDER)))
        elif kind == ChangeKind.DEADLINE_NEAR:  # the measures', then the designations' by list
            members.sort(key=lambda c: (bool(c.get("entity")), LIST_ORDER.get(
                c.get("list") or "", len(LIST_ORDER))))
        if members:
            groups.append((KIND_HEADINGS[kind], members))
    return groups


# Entity changes are grouped by list, in this order (each list a sub-heading).
LIST_ORDER = {name.value: i for i, name in enumerate(ListName)}


# --- what a reader sees first: a summary table, quotes once, character diffs ----------------------
def mentioned_only(change: dict[str, Any]) -> bool:
    """A document change whose page only mentions its measure (news citing it): the measure
    names what the page is about, its own text did not change."""
    return change["kind"] in DOCUMENT_KINDS and (change.get("diff") or {}).get(
        "measure_relation") == "mentions"


DOCUMENT_KINDS = (ChangeKind.NEW_DOCUMENT, ChangeKind.DOCUMENT_CHANGED,
                  ChangeKind.DOCUMENT_REMOVED)


def change_phrase(change: dict[str, Any]) -> str:
    """The change in a few words, for the summary table and subjects."""
    kind, to, by = change["kind"], change.get("to"), change.get("by")
    diff = change.get("diff") or {}
    if mentioned_only(change):
        return f"{kind.replace('_', ' ')} (a page that mentions it)"
    if kind == ChangeKind.STATUS_CHANGED:
        words = {Status.IN_FORCE: "in force", Status.SUSPENDED: "suspended",
                 Status.PARTIALLY_SUSPENDED: "partially suspended", Status.REVOKED: "revoked",
                 Status.EXPIRED: "expired", Status.ANNOUNCED: "announced"}.get(to, to or "?")
        return f"{words}" + (f" by {by}" if by else "")
    if kind == ChangeKind.NEW_MEASURE:
        return "new measure" + (f", {to.replace('_', ' ')}" if to else "") + (
            f" by {by}" if by else "")
    if kind == ChangeKind.DEADLINE_PASSED:
        back = "in force for the first time" if diff.get("first_time") else "back in force"
        return "suspension" + (f" by {by}" if by else "") + (
            f" ended; {back} unless extended (verify)")
    if kind == ChangeKind.DEADLINE_NEAR:
        days = diff.get("days_left")
        when = f" in {days} day{'s' if days != 1 else ''}" if days is not None else ""
        if change.get("entity"):
            return designation_deadline_phrase(change) + when
        what = {"suspension_ends": "suspension ends", "takes_effect": "takes effect",
                "expires": "expires"}.get(diff.get("what"), "deadline")
        return what + when
    if kind == ChangeKind.MEASURE_AMENDED:
        return "amended" + (f" ({', '.join(diff['fields'])})" if diff.get("fields") else "")
    if disagreement_of(change):
        what = (disagreement_of(change) or {}).get("kind", "date").replace("_", " ")
        return (f"sources agree again ({what})" if diff.get("resolved")
                else f"sources disagree ({what})")
    if kind in (ChangeKind.ENTITY_LISTED, ChangeKind.ENTITY_STATUS_CHANGED):
        name = diff.get("name_zh") or diff.get("name_en") or change.get("title") or ""
        what = "entity listed" if kind == ChangeKind.ENTITY_LISTED else (
            f"entity {diff['what']}" if diff.get("what") in DESIGNATION_WHAT_WORDS
            else f"entity {(to or 'changed').replace('_', ' ')}")
        return f"{what}: {name}" if name else what
    return kind.replace("_", " ")


# A designation's deadline_near (pipelines.designation_reminders), by its `what`.
DESIGNATION_DEADLINE_WORDS = {"suspension_ends": "designation suspension ends",
                              "takes_effect": "listing takes effect",
                              "expires": "listing expires", "removal": "removal takes effect"}


def designation_deadline_phrase(change: dict[str, Any]) -> str:
    """"蓝海精密仪器有限公司: designation suspension ends": a designation's reminder."""
    diff = change.get("diff") or {}
    name = diff.get("name_zh") or diff.get("name_en") or change.get("title") or ""
    what = DESIGNATION_DEADLINE_WORDS.get(diff.get("what") or "", "deadline")
    return f"{name}: {what}" if name else what


def change_date(change: dict[str, Any], as_of: str | None) -> str:
    """The day the change's new state begins: the day back in force after a suspension's last
    day (passed or near), the day a measure takes effect, the first day of a measure's or a
    designation's new status (`since`: the day after its last day in force for a measure that
    expired, the day a suspension began; even when the run that saw it came later); the run's
    day for the rest."""
    diff = change.get("diff") or {}
    if change["kind"] in (ChangeKind.STATUS_CHANGED, ChangeKind.ENTITY_STATUS_CHANGED) and (
            diff.get("since")):
        return diff["since"]
    if change["kind"] == ChangeKind.DEADLINE_PASSED:
        return diff.get("back_in_force_on") or as_of or ""
    if change["kind"] == ChangeKind.DEADLINE_NEAR:
        last = change.get("until") or ""
        starts = diff.get("what") in ("takes_effect", "removal")  # (the day itself)
        return last if starts or not last else shift(last, 1)
    return change.get("as_of") or as_of or ""


def change_until(change: dict[str, Any]) -> str:
    """The last day of the state that ends (a suspension, a measure expiring), if any."""
    if change["kind"] == ChangeKind.DEADLINE_NEAR and (
            (change.get("diff") or {}).get("what") in ("takes_effect", "removal")):
        return ""
    return change.get("until") or ""


def summary_rows(groups: list[tuple[str, list[dict[str, Any]]]], as_of: str | None
                 ) -> list[dict[str, Any]]:
    """One row per change about a measure, in reading order: measure, change, date (the day
    its new state begins), until (the last day of the state that ends)."""
    return [{"measure": c["measure"], "change": change_phrase(c), "kind": c["kind"],
             "date": change_date(c, as_of), "until": change_until(c)}
            for _, changes in groups for c in changes if c.get("measure")]


def for_reading(groups: list[tuple[str, list[dict[str, Any]]]]
                ) -> list[tuple[str, list[dict[str, Any]]]]:
    """The groups with what a reader needs added to each change (copies, the data untouched):
    `quote_ref` when the same proving sentence was quoted above (quoted once, not seven
    times), `statements_ref` likewise, and character diffs (`chars_html`, `chars_text`)."""
    quoted: dict[str, str] = {}
    stated: dict[str, str] = {}
    out = []
    for heading, changes in groups:
        rows = []
        for change in changes:
            c = dict(change)
            diff = c.get("diff") or {}
            name = c.get("measure") or c.get("title") or "the change"
            sentence = diff.get("sentence")
            if sentence:
                c["quote_ref"] = quoted.get(sentence)
                quoted.setdefault(sentence, name)
            statements = json.dumps(diff.get("statements") or [], sort_keys=True)
            if diff.get("statements"):
                c["statements_ref"] = stated.get(statements)
                stated.setdefault(statements, name)
            ops = from_unified(diff.get("text") or [])
            if c["kind"] == ChangeKind.MEASURE_AMENDED and diff.get("fields"):
                ops += [char_diff(str(diff["before"].get(f) or ""), str(diff["after"].get(f) or ""))
                        for f in diff["fields"] if f in (diff.get("before") or {})]
            c["chars_html"] = [diff_html(o) for o in ops]
            c["chars_text"] = [diff_text(o) for o in ops]
            c["mentioned_only"] = mentioned_only(c)
            rows.append(c)
        out.append((heading, rows))
    return out


def render(report: dict[str, Any], fmt: str, measures: dict[str, Any] | None = None,
           links: dict[str, str] | None = None, archive: dict[str, Any] | None = None,
           close_calls: list[dict[str, Any]] | None = None,
           to_review: list[dict[str, Any]] | None = None) -> str:
    """The report as Markdown or HTML; `close_calls`: the news the run first left out on a close
    call (Archive.close_calls), and `to_review`: the documents whose links it left for a person
    to decide (by_document over Archive.links_to_review), listed after the sources."""
    groups = grouped(report["changes"])
    return render_template(f"report.{fmt}.j2", {
        "report": report, "groups": for_reading(groups),
        "summary": summary_rows(groups, report["as_of"]),
        "headline": headline(report["changes"], report.get("sources") or []),
        "stuck": stuck_lines(report.get("sources") or []),
        "measures": measures or {},
        "links": links or datasette_links(Config().datasette_url, "archive"),
        "archive": archive or {}, "close_calls": close_calls or [],
        "to_review": to_review or []})


def by_document(candidates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Review candidates (Archive.links_to_review rows) as one entry per document, in their
    order, with its measures (id, title, score, reason)."""
    documents: dict[str, dict[str, Any]] = {}
    for row in candidates:
        entry = documents.setdefault(row["document"], {
            k: row[k] for k in ("document", "published", "source", "title", "url")})
        entry.setdefault("measures", []).append(
            {"measure": row["measure"], "title": row["measure_title"], "score": row["score"],
             "reason": row["reason"]})
    return list(documents.values())


# --- what the archive holds and covers (pipelines/backfill.py) ------------------------------


def context_of_run(archive: Archive, run_id: str, as_of: str) -> dict[str, Any]:
    """The archive context kept at the run's end (`Archive.run_context`), or, for a run
    before it was kept, the archive's as it is now."""
    return archive.run_context(run_id) or archive_context(archive, as_of)


def archive_context(archive: Archive, as_of: str) -> dict[str, Any]:
    """The archive in one line, and its coverage and number gaps, for a report or a digest."""
    from pipelines.backfill import GAP_SETTLE_DAYS, archive_summary, cited_not_listed, under_way

    rows = archive.coverage()
    return {"summary": archive_summary(archive, as_of),
            "sources": [r for r in rows if r["scope"] == "source"],
            # a year under way: "MOFCOM 2025 (under way; highest seen: No. 70)"
            "gaps": [{**r, "under_way": under_way(r)} for r in rows
                     if r["scope"] == "series" and r["gaps"]],
            "settle_days": GAP_SETTLE_DAYS,
            # the measures known only as cited ("MOFCOM 2025: MOFCOM-2025-13, -55 … -58"),
            # every one the summary counts: those coverage leaves out say why
            "cited_only": [f"{r['name']} {r['year']}: {r['cited_only']}" for r in rows
                           if r["scope"] == "series" and r.get("cited_only")]
            + [cited_not_listed_line(c, GAP_SETTLE_DAYS) for c in cited_not_listed(archive)]}


def cited_not_listed_line(cited: CitedNotListed, settle_days: int) -> str:
    """"MOFCOM 2025, not checked yet (…): MOFCOM-2025-55 … -58": measures known
    only as cited that coverage does not list yet, and why."""
    from pipelines.backfill import describe_gaps

    why = (f"not checked yet (first cited less than {settle_days} days ago: their own page "
           "may still come)" if cited.checked
           else "a year whose numbering is not checked (no walk of its list covered it)")
    return f"{cited.series} {cited.year}, {why}: " + describe_gaps(
        cited.series, cited.year, cited.numbers)


def _write_atomically(path: Path, text: str) -> None:
    """path written whole or not at all; a failure (a full disk) leaves no .tmp behind and
    names the file (a failed write names none)."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise OSError(e.errno, e.strerror or str(e), str(path)) from None


def write_reports(archive: Archive, run_id: str, reports_dir: str | Path,
                  datasette_url: str | None = None) -> list[Path]:
    """(Re)write <run-id>.json, .md and .html; returns their paths."""
    folder = Path(reports_dir)
    folder.mkdir(parents=True, exist_ok=True)
    report = build_report(archive, run_id)
    measures = measure_context(archive, report["changes"])
    db_name = archive.path.stem if archive.path else "archive"
    links = datasette_links(datasette_url or Config().datasette_url, db_name)
    held = context_of_run(archive, run_id, report["as_of"])
    close_calls = archive.close_calls(run_id)
    to_review = by_document(archive.links_to_review(run_id))
    paths = []
    for suffix, text in (
        ("json", json.dumps(report, ensure_ascii=False, indent=2) + "\n"),
        ("md", render(report, "md", measures, links, held, close_calls, to_review)),
        ("html", render(report, "html", measures, links, held, close_calls, to_review)),
    ):
        path = folder / f"{run_id}.{suffix}"
        _write_atomically(path, text)
        paths.append(path)
    write_index(folder)
    return paths


def write_index(folder: Path) -> Path:
    """index.html: every report in the folder, newest first, with its headline."""
    runs = []
    for path in sorted(folder.glob("*.json"), reverse=True):
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
            runs.append({"run_id": report["run_id"], "as_of": report["as_of"],
                         "headline": headline(report["changes"], report["sources"]),
                         "changes": len(report["changes"]),
                         "problems": [s["name"] for s in report["sources"]
                                      if s["status"] != "ok"]})
        except (ValueError, KeyError, TypeError):
            continue  # not a report of ours
    index = folder / "index.html"
    _write_atomically(index, render_template("index.html.j2", {"runs": runs}))
    return index
