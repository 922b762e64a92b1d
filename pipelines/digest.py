"""The digest: the changes of completed runs, rendered per recipient (and channel) and queued.

`queue_digests()` takes, for each recipient (a mail address, or a channel's name) of the
configuration, the completed runs not yet queued in its own stream and stores, in the archive's
outbox, one digest per run and recipient (their filters and topics applied, grouped and worded
like the reports, opening with the archive in one line, "The archive now holds N measures …"
(pipelines.backfill.archive_summary), then a summary table), marking the runs queued for those
recipients in the same transaction: a run's changes are queued exactly once per recipient, and
queuing for one configuration's recipients (a preview with another `--config`) leaves every
other recipient's runs unqueued. A recipient seen for the first time starts after the last run
queued for anyone. Each row records the configuration file that queued it (pipelines.mailer).
A backlog of more than `digest_max_runs` runs is one summary per recipient instead: the latest
run in full, the earlier runs as headlines linking to their reports; so do a recipient's unsent
digests of more runs than that (a mail server down for several nights: `summarize_backlog`).
Every digest fits:
- its subject is under `SUBJECT_MAX` characters and names the most important change;
- its HTML is under `digest_max_kb` kilobytes (Gmail clips longer mails): changes that do not
  fit are left to the full report, behind a link;
- a proving sentence quoted by several changes is quoted once.
Sending is pipelines.mailer (SMTP) and pipelines.channels (Apprise).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pipelines.archive import Archive
from pipelines.config import Config, Recipient
from pipelines.mailer import config_file, stream_key
from pipelines.report import (
    DESIGNATION_DEADLINE_WORDS,
    KIND_ORDER,
    by_document,
    context_of_run,
    datasette_links,
    designation_deadline_phrase,
    for_reading,
    grouped,
    headline,
    measure_context,
    persisting,
    still_stuck,
    stuck_lines,
    summary_rows,
)
from pipelines.templating import render
from pipelines.topics import wanted
from pipelines.vocab import Category, ChangeKind, Status

SUBJECT_MAX = 99  # characters, prefix included: "under 100"


def describe_filter(recipient: Recipient) -> str:
    parts = [f"{name}: {', '.join(values)}" for name, values in
             (("topics", recipient.topics), ("categories", recipient.categories),
              ("sources", recipient.sources), ("measures", recipient.measures),
              ("lists", recipient.lists), ("entities", recipient.entities)) if values]
    return "; ".join(parts)


# --- the subject ----------------------------------------------------------------------------------
def _news_key(change: dict[str, Any]) -> tuple[Any, ...]:
    """Changes with the same key are one piece of news (six suspensions by one measure)."""
    diff = change.get("diff") or {}
    kind = change["kind"]
    if kind == ChangeKind.STATUS_CHANGED:
        return kind, change.get("to"), change.get("by"), change.get("until")
    if kind == ChangeKind.DEADLINE_PASSED:
        return kind, change.get("by"), change.get("until")
    if kind == ChangeKind.DEADLINE_NEAR:
        return kind, bool(change.get("entity")), diff.get("what"), change.get("until")
    return (kind,)


def _importance(change: dict[str, Any]) -> float:
    """The change's rank by kind (KIND_ORDER); the end of an instrument that only suspended
    others comes after the end of their suspensions, which is the news it follows from."""
    if (change["kind"] == ChangeKind.STATUS_CHANGED and change.get("to") == Status.EXPIRED
            and change.get("category") == Category.SUSPENSION):
        return KIND_ORDER.index(ChangeKind.DEADLINE_PASSED) + 0.5
    return KIND_ORDER.index(change["kind"])


def _most_important(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The largest piece of news of the most important kind (ties: the earliest date)."""
    rank = min(_importance(c) for c in changes)
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for change in changes:
        if _importance(change) == rank:
            groups.setdefault(_news_key(change), []).append(change)
    quieter = {None, "in_force", "announced"}  # a measure taking effect is expected news
    return min(groups.values(), key=lambda g: (g[0].get("to") in quieter, -len(g),
                                               g[0].get("until") or ""))


def _short(change: dict[str, Any], count: int, brief: bool = False) -> str:
    """The news of `count` changes like this one, in a few words (brief: without "by …")."""
    kind, by, until = change["kind"], None if brief else change.get("by"), change.get("until")
    who = change.get("measure") or ""
    diff = change.get("diff") or {}
    by_text = f" by {by}" if by else ""
    if kind == ChangeKind.STATUS_CHANGED:
        to = (change.get("to") or "changed").replace("_", " ")
        until_text = f" until {until}" if until else ""
        subject = who if count == 1 else f"{count} measures"
        return f"{subject} {to}{by_text}{until_text}"
    if kind == ChangeKind.NEW_MEASURE:
        return f"new measure {who}" if count == 1 else f"{count} new measures"
    if kind == ChangeKind.DEADLINE_PASSED:
        head = f"{who}: suspension" if count == 1 else f"{count} suspensions"
        return f"{head}{by_text} ended {until}"
    if kind == ChangeKind.DEADLINE_NEAR and change.get("entity"):
        return designation_deadline_short(change, count)
    if kind == ChangeKind.DEADLINE_NEAR:
        what = {"suspension_ends": "suspension ends", "takes_effect": "takes effect",
                "expires": "expires"}.get(diff.get("what"), "deadline")
        days = diff.get("days_left")
        when = f" {until}" + (f" (in {days} days)" if days is not None else "")
        if count == 1:
            return f"{who}: {what}{when}"
        plural = {"suspension ends": "suspensions end", "takes effect": "measures take effect",
                  "expires": "measures expire"}.get(what, "deadlines")
        return f"{count} {plural}{when}"
    if kind == ChangeKind.MEASURE_AMENDED:
        fields = f" ({', '.join(diff['fields'])})" if diff.get("fields") else ""
        return f"{who} amended{fields}" if count == 1 else f"{count} measures amended"
    if kind == ChangeKind.SOURCE_PROBLEM:
        return f"source problem: {change.get('summary') or change.get('source')}"
    if kind == ChangeKind.BACKFILL:
        return (f"history walked back: {change.get('source')}" if count == 1
                else f"history walked back: {count} sources")
    noun = kind.replace("_", " ")
    if count == 1:
        return f"{noun}: {change.get('title') or who}"
    return f"{count} {noun.replace('document', 'documents')}"


def designation_deadline_short(change: dict[str, Any], count: int) -> str:
    """A designation's reminder in a few words: "蓝海精密仪器有限公司: designation suspension
    ends 2026-12-14 (in 4 days)", "3 designations: suspension ends 2026-11-10 (in 9 days)"."""
    diff = change.get("diff") or {}
    days = diff.get("days_left")
    plural = "" if days == 1 else "s"
    when = f" {change.get('until')}" + (f" (in {days} day{plural})" if days is not None else "")
    if count == 1:
        return designation_deadline_phrase(change) + when
    what = DESIGNATION_DEADLINE_WORDS.get(diff.get("what") or "", "deadline")
    return f"{count} designations: " + what.removeprefix("designation ") + when


def subject_phrase(changes: list[dict[str, Any]], brief: bool = False) -> str:
    """The most important news: "6 suspensions by MOFCOM-2025-70 ended 2026-11-10"."""
    top = _most_important(changes)
    return _short(top[0], len(top), brief)


def subject_line(prefix: str, as_of: str | None, changes: list[dict[str, Any]],
                 earlier_runs: int = 0, failing: list[str] | None = None) -> str:
    """The digest's subject, under SUBJECT_MAX characters, naming the most important change
    (with nothing changed, what persists (`report.persisting`: sources still failing, walks
    back still stuck), if any: never "nothing changed" then)."""
    head = f"{prefix} {as_of}: " if as_of else f"{prefix} "
    rest = len(changes) - len(_most_important(changes)) if changes else 0
    notes = [f"+{rest} more" if rest else "", f"{earlier_runs} earlier runs" if earlier_runs
             else ""]
    tail = f" ({'; '.join(n for n in notes if n)})" if any(notes) else ""
    quiet = f"nothing new; {'; '.join(failing)}" if failing else "nothing changed"
    body = subject_phrase(changes) if changes else quiet
    room = SUBJECT_MAX - len(head) - len(tail)
    if len(body) > room and changes:
        body = subject_phrase(changes, brief=True)
    if len(body) > room:
        body = body[:room - 1].rstrip(" ;,:(") + "…"
    return f"{head}{body}{tail}"


# --- fitting the HTML -------------------------------------------------------------------------
def _take(groups: list[tuple[str, list[dict[str, Any]]]], count: int
          ) -> list[tuple[str, list[dict[str, Any]]]]:
    """The first `count` changes of the groups, in reading order."""
    out = []
    for heading, changes in groups:
        if count <= 0:
            break
        out.append((heading, changes[:count]))
        count -= len(changes)
    return out


def fitted(render_with: Callable[[int], str], total: int, limit: int) -> tuple[str, int]:
    """The HTML with as many changes as fit under limit bytes, and how many that is."""
    html = render_with(total)
    if len(html.encode()) <= limit:
        return html, total
    low, high = 0, total  # low always fits (with 0 cards only the summary and links remain)
    while low < high:
        middle = (low + high + 1) // 2
        if len(render_with(middle).encode()) <= limit:
            low = middle
        else:
            high = middle - 1
    return render_with(low), low


# --- one digest -----------------------------------------------------------------------------------
NAMED_KINDS = (ChangeKind.NEW_MEASURE, ChangeKind.MEASURE_AMENDED, ChangeKind.STATUS_CHANGED,
               ChangeKind.ENTITY_LISTED, ChangeKind.ENTITY_STATUS_CHANGED)
NAMED_AT_MOST = 8


def measures_named(changes: list[dict[str, Any]]) -> str:
    """The measures an earlier run's changes are about (new, amended, changed status; listings),
    for its headline in a summary: "MOFCOM-2026-49, MOFCOM-2026-50 and 3 more"."""
    ids = list(dict.fromkeys(c["measure"] for c in changes
                             if c.get("measure") and c.get("kind") in NAMED_KINDS))
    if len(ids) <= NAMED_AT_MOST:
        return ", ".join(ids)
    return f"{', '.join(ids[:NAMED_AT_MOST])} and {len(ids) - NAMED_AT_MOST} more"


def build_mail(archive: Archive, config: Config, recipient: Recipient, runs: list[dict[str, Any]],
               changes: list[dict[str, Any]], measures: dict[str, Any],
               earlier: list[dict[str, Any]] | None = None, channel: str = "mail",
               held: str = "", close_calls: list[dict[str, Any]] | None = None,
               to_review: list[dict[str, Any]] | None = None,
               coverage: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """One recipient's digest of one run's changes (None when nothing is theirs and no empty mail
    is due); `earlier`: the backlog's older runs, listed with links to their reports; `held`: the
    archive in one line (pipelines.backfill.archive_summary), which the digest opens with;
    `close_calls`: the news the runs left out on a close call (Archive.close_calls), and
    `to_review`: the documents whose links they left for a person to decide (report.by_document),
    listed at the end for a recipient without a filter (no change: they never make a mail due),
    and so are `coverage`'s numbers that may be missing and measures only cited
    (report.archive_context), as the report lists them."""
    def theirs(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [c for c in items if wanted(recipient, config.topics, c,
                                           measures.get(c.get("measure")))]

    mine = theirs(changes)
    before = [{**r, "headline": headline(theirs(r["changes"])),
               "named": measures_named(theirs(r["changes"]))} for r in earlier or []]
    run = runs[-1]
    sources = [{"name": s["source"], "status": s["status"], "walks_stuck": s["walks_stuck"]}
               for s in archive.run_sources(run["id"])]
    # a walk back still stuck is said every night, for a recipient without a filter (the
    # history it has not archived concerns every topic)
    stuck = [] if describe_filter(recipient) else stuck_lines(
        [s for s in sources if s["name"] in still_stuck(mine, sources)])
    if not mine and not config.mail.send_when_empty and not stuck and not any(
            theirs(r["changes"]) for r in earlier or []):
        return None
    subject = subject_line(config.mail.subject_prefix, run["as_of"], mine, len(earlier or []),
                           persisting(mine, sources))
    db_name = archive.path.stem if archive.path else "archive"
    links = datasette_links(config.datasette_url, db_name)
    groups = for_reading(grouped(mine))
    context = {
        "subject": subject, "headline": headline(mine, sources), "runs": runs, "run": run,
        "summary": summary_rows(grouped(mine), run["as_of"]), "measures": measures,
        "links": links, "recipient": recipient.address, "filtered": describe_filter(recipient),
        "report_url": f"{links['reports']}{run['id']}.html", "total": len(mine),
        "earlier": [{**r, "url": f"{links['reports']}{r['id']}.html"} for r in before],
        "held": held, "stuck": stuck,
        "gaps": [] if describe_filter(recipient) else (coverage or {}).get("gaps", []),
        "settle_days": (coverage or {}).get("settle_days"),
        "cited_only": [] if describe_filter(recipient) else (coverage or {}).get(
            "cited_only", []),
        "close_calls": [] if describe_filter(recipient) else (close_calls or []),
        "to_review": [] if describe_filter(recipient) else (to_review or []),
    }

    def html_with(count: int) -> str:
        return render("digest.html.j2", {**context, "groups": _take(groups, count),
                                         "shown": count})

    html, shown = fitted(html_with, len(mine), config.digest_max_kb * 1000)
    text = render("digest.txt.j2", {**context, "groups": _take(groups, shown), "shown": shown})
    return {"recipient": recipient.address, "change_ids": [c["id"] for c in mine],
            "subject": subject, "text": text, "html": html, "channel": channel,
            "run_ids": [r["id"] for r in runs]}


def _digests_for(archive: Archive, config: Config, runs: list[dict[str, Any]],
                 earlier: list[dict[str, Any]],
                 targets: list[tuple[Recipient, str]] | None = None) -> list[dict[str, Any]]:
    """Every recipient's and channel's digest of runs[-1] (the runs before it: `earlier`), or
    only the `targets'` ((recipient or channel, "mail" or "apprise"))."""
    changes = archive.changes_of_runs([runs[-1]["id"]])
    for run in earlier:
        run["changes"] = archive.changes_of_runs([run["id"]])
    measures = measure_context(archive, changes + [c for r in earlier for c in r["changes"]])
    coverage = context_of_run(archive, runs[-1]["id"], runs[-1]["as_of"])  # (as that night)
    held = coverage["summary"]
    close_calls = [c for run in runs for c in archive.close_calls(run["id"])]
    to_review = by_document([r for run in runs for r in archive.links_to_review(run["id"])])
    if targets is None:
        targets = _targets(config)
    mails = [build_mail(archive, config, target, runs, changes, measures, earlier, channel, held,
                        close_calls, to_review, coverage)
             for target, channel in targets]
    return [{**m, "stream": (m["channel"], stream_key(m["channel"], m["recipient"]))}
            for m in mails if m]


def _targets(config: Config) -> list[tuple[Recipient, str]]:
    """The configuration's recipients and channels, each with its channel ("mail", "apprise")."""
    return [(r, "mail") for r in config.mail.recipients] + [(c, "apprise")
                                                            for c in config.channels]


def queue_digests(archive: Archive, config: Config) -> int:
    """Queue the digests of the completed runs not yet queued for each recipient (and channel)
    of the configuration: one per run and recipient, or one summary per recipient for a backlog
    over digest_max_runs; returns the number queued. Each recipient has its own stream, started
    the first time it is seen after every run queued for anyone so far: queuing for one
    configuration's recipients leaves every other recipient's runs unqueued. The rows record the
    configuration file that queued them (mailer.config_file). Without recipients or channels
    nothing is queued and the runs stay unqueued."""
    targets = {(channel, stream_key(channel, t.address)): (t, channel)
               for t, channel in _targets(config)}
    if not targets:
        return 0
    archive.start_streams(list(targets))
    groups: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for stream in targets:
        ids = tuple(r["id"] for r in archive.unqueued_runs(stream))
        if ids:
            groups.setdefault(ids, []).append(stream)
    queued = sum(_queue(archive, config, archive.runs_by_ids(list(ids)),
                        {s: targets[s] for s in streams})
                 for ids, streams in groups.items())
    summarize_backlog(archive, config)
    return queued


def _queue(archive: Archive, config: Config, runs: list[dict[str, Any]],
           targets: dict[tuple[str, str], tuple[Recipient, str]]) -> int:
    """Queue runs for the recipients whose streams all lack exactly these runs: one digest per
    run, or one summary for more than digest_max_runs; the number queued."""
    streams, chosen, path = list(targets), list(targets.values()), config_file(config.path)
    if len(runs) > config.digest_max_runs:
        mails = _digests_for(archive, config, runs, runs[:-1], chosen)
        return archive.queue_mails([r["id"] for r in runs], streams, mails, path)
    return sum(archive.queue_mails([run["id"]], streams,
                                   _digests_for(archive, config, [run], [], chosen), path)
               for run in runs)


def summarize_backlog(archive: Archive, config: Config) -> int:
    """A recipient's (or channel's) unsent digests of more than digest_max_runs runs in all
    (nights the server was down) become one summary, as a backlog of unqueued runs does: the
    latest run in full, the earlier ones as headlines linking to their reports; the summary
    records every change of the digests it replaces. Only digests never handed to a server are
    replaced: one that may have arrived goes again as it is, with its Message-ID, and its run is
    not in the summary, so no change is mailed twice. Returns the number of summaries made."""
    targets = {(channel, stream_key(channel, t.address)): t for t, channel in _targets(config)}
    backlog: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in archive.pending_mails():
        if not row.get("sending_at"):
            stream = (row["channel"], stream_key(row["channel"], row["recipient"]))
            backlog.setdefault(stream, []).append(row)
    made = 0
    for (channel, recipient), rows in backlog.items():
        run_ids = list(dict.fromkeys(r for row in rows for r in json.loads(row["run_ids"])))
        target = targets.get((channel, recipient))
        if target is None or len(rows) < 2 or len(run_ids) <= config.digest_max_runs:
            continue
        runs = archive.runs_by_ids(run_ids)
        mails = _digests_for(archive, config, runs, runs[:-1], [(target, channel)])
        if not mails:  # the filter changed and leaves nothing: the queued digests go as they are
            continue
        mail = {**mails[0], "config": config_file(config.path)}
        mail["change_ids"] = list(dict.fromkeys(
            [c for row in rows for c in json.loads(row["change_ids"])] + mail["change_ids"]))
        made += archive.replace_mails([row["id"] for row in rows], mail)
    return made
