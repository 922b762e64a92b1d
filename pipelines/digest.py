"""The email digest: the changes of completed runs, rendered once per recipient and queued.

`queue_digests()` builds, for the completed runs not yet queued, one mail per recipient (their
filter applied, grouped and worded like the reports) and stores it in the archive's outbox,
marking the runs queued in the same transaction: a run's changes are queued exactly once.
Sending the queued mails is pipelines.mailer.
"""

from __future__ import annotations

from typing import Any

from pipelines.archive import Archive
from pipelines.backfill import archive_summary
from pipelines.config import Config, Recipient
from pipelines.report import datasette_links, grouped, headline, measure_context
from pipelines.templating import render


def describe_filter(recipient: Recipient) -> str:
    parts = [f"{name}: {', '.join(values)}" for name, values in
             (("categories", recipient.categories), ("sources", recipient.sources),
              ("measures", recipient.measures)) if values]
    return "; ".join(parts)


def build_mail(archive: Archive, config: Config, recipient: Recipient, runs: list[dict[str, Any]],
               changes: list[dict[str, Any]], measures: dict[str, Any],
               held: str = "") -> dict[str, Any] | None:
    """One recipient's digest of changes (None when nothing is left and no empty mail is due)."""
    mine = [c for c in changes
            if recipient.wants(c, (measures.get(c.get("measure")) or {}).get("category"))]
    if not mine and not config.mail.send_when_empty:
        return None
    head = headline(mine)
    subject = f"{config.mail.subject_prefix} {head}"
    db_name = archive.path.stem if archive.path else "archive"
    context = {
        "subject": subject, "headline": head, "runs": runs, "groups": grouped(mine),
        "measures": measures, "links": datasette_links(config.datasette_url, db_name),
        "recipient": recipient.address, "filtered": describe_filter(recipient),
        "held": held,  # the archive in one line (pipelines.backfill.archive_summary)
    }
    return {
        "recipient": recipient.address, "change_ids": [c["id"] for c in mine],
        "subject": subject,
        "text": render("digest.txt.j2", context),
        "html": render("digest.html.j2", context),
    }


def queue_digests(archive: Archive, config: Config) -> int:
    """Queue one digest per recipient for the completed runs not yet queued; returns the number
    of mails queued. Without recipients nothing is queued and the runs stay unqueued."""
    if not config.mail.recipients:
        return 0
    runs = archive.unqueued_runs()
    if not runs:
        return 0
    changes = []
    for run in runs:
        for change in archive.changes(run["id"]):
            change["as_of"] = run["as_of"]
            changes.append(change)
    measures = measure_context(archive, changes)
    held = archive_summary(archive, runs[-1]["as_of"])
    mails = [mail for recipient in config.mail.recipients
             if (mail := build_mail(archive, config, recipient, runs, changes, measures, held))]
    return archive.queue_mails([r["id"] for r in runs], mails)
