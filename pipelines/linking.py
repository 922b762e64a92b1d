"""Linking a document to measures it describes without giving their numbers.

Numbers in any form are found by pipelines.identifiers. This module handles texts such as
"In November, China announced a one-year suspension of export controls on rare earths" or
"On April 4, in a joint announcement, the MOFCOM and the General Administration of Customs
unveiled export control measures on ... medium and heavy rare earths": it reads clues (an event,
its date or month, joint issuers, subjects) and matches them against the archive's measures.

Rules (each link is `mentions`, confidence `low`, with the clue as its reason):
- suspension clue ("suspension"/"suspend"/暂停 with a month): the measures suspended in that
  month (their `suspended` events), when at least one subject of the clue is in the title of
  one of them or of the suspending measure; the suspending measure is linked too.
- issue clue ("announced/unveiled/issued/imposed ... export control" with a day and month): the
  measures published that day, jointly with Customs if the clue says so, sharing a subject.
The year is the document's own year, or the year before when the month is later than the
document's month. A clue with no subject links nothing.
- statement clue (a document that is not a legal text saying an arrangement is extended to a
  date: 延期至…, "extending … to January 10, 2027"; pipelines.clauses.statement_events): the
  measures whose suspension is running on the document's date and ends before that date get an
  `extension_announced` event from it: evidence a reader should see next to the legal end date,
  which it never moves (pipelines.lifecycle).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scrapy.crawler import Crawler

from pipelines.archive import Archive
from pipelines.clauses import statement_events
from pipelines.items import DocumentItem, MeasureEvent, MeasureRef
from pipelines.lifecycle import SUSPENDED_STATUSES, SUSPENSION_KINDS, status_on
from pipelines.run import source_run_of
from pipelines.vocab import Confidence, EventKind, Relation

MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december"]
MONTHS = {name: i for i, name in enumerate(MONTH_NAMES, start=1)} | {
    name[:3]: i for i, name in enumerate(MONTH_NAMES, start=1)} | {"sept": 9}
MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# English subject words and the Chinese words that name them in measure titles.
SUBJECTS: tuple[tuple[str, str], ...] = (
    (r"medium and heavy rare earths?", "中重稀土"),
    (r"rare[- ]earths?", "稀土"),
    (r"super-?hard materials?", "超硬材料"),
    (r"lithium batter(?:y|ies)", "锂电池"),
    (r"graphite", "石墨"),
    (r"gallium", "镓"),
    (r"germanium", "锗"),
    (r"antimony", "锑"),
    (r"tungsten", "钨"),
    (r"tellurium", "碲"),
    (r"bismuth", "铋"),
    (r"molybdenum", "钼"),
    (r"indium", "铟"),
)
SUSPENSION = re.compile(r"\bsuspen(?:d|ded|ds|sion|ding)\b|暂停", re.IGNORECASE)
ISSUE = re.compile(r"\b(?:announc|unveil|issu|impos|introduc|implement)\w*\b[^.]*?\bexport control",
                   re.IGNORECASE)
IN_MONTH = re.compile(rf"\b(?:in|since|from|on|early|late|mid-?)\s+{MONTH}\b", re.IGNORECASE)
ON_DAY = re.compile(rf"\b{MONTH}\s+(\d{{1,2}})\b", re.IGNORECASE)
JOINT = re.compile(r"\bjoint(?:ly)?\b|General Administration of Customs|\bGACC\b|海关总署",
                   re.IGNORECASE)
# Sentence ends, but not after "Nov." / "No." / "Nos." abbreviations.
SENTENCE = re.compile(r"(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Nos)\.)"
                      r"(?<!\bNo\.)(?<!\bSept\.)(?<=[.!?。！？])\s+|\n+")


@dataclass
class Clue:
    kind: str  # "suspension" or "issue"
    year: int
    month: int
    day: int | None
    joint: bool
    subjects: set[str] = field(default_factory=set)
    sentence: str = ""


def subjects_in(text: str) -> set[str]:
    """The Chinese subject words named in an English or Chinese text."""
    found = {zh for en, zh in SUBJECTS if re.search(en, text, re.IGNORECASE) or zh in text}
    if "中重稀土" in found:
        found.add("稀土")
    return found


def _year_for(month: int, published: str) -> int:
    year, doc_month = int(published[:4]), int(published[5:7])
    return year if month <= doc_month else year - 1


def clues(text: str, published: str | None) -> list[Clue]:
    """Event clues in a text dated `published` (clues need the document's date for the year)."""
    if not published:
        return []
    found = []
    for sentence in SENTENCE.split(text):
        subjects = subjects_in(sentence)
        if not subjects:
            continue
        joint = bool(JOINT.search(sentence))
        day = ON_DAY.search(sentence)
        month = IN_MONTH.search(sentence)
        if SUSPENSION.search(sentence) and (month or day):
            m = MONTHS[(month or day).group(1).lower()]
            found.append(Clue("suspension", _year_for(m, published), m, None, joint, subjects,
                              sentence.strip()))
        elif ISSUE.search(sentence) and day:
            m = MONTHS[day.group(1).lower()]
            found.append(Clue("issue", _year_for(m, published), m, int(day.group(2)), joint,
                              subjects, sentence.strip()))
    return found


def _titled_subjects(archive: Archive, measure_id: str) -> set[str]:
    measure = archive.measure(measure_id) or {}
    return subjects_in((measure.get("title_zh") or "") + " " + (measure.get("title_en") or ""))


def match_suspension(archive: Archive, clue: Clue) -> list[tuple[str, str]]:
    """(measure id, reason) for the measures a suspension clue describes."""
    month = f"{clue.year:04d}-{clue.month:02d}"
    by_instrument: dict[str, list[str]] = {}
    for event in archive.events_in_month(EventKind.SUSPENDED, month):
        by_instrument.setdefault(event["by_measure"] or "", []).append(event["measure"])
    links = []
    for instrument, targets in by_instrument.items():
        titled = set().union(*(_titled_subjects(archive, m) for m in [instrument, *targets] if m))
        if not clue.subjects & titled:
            continue
        reason = (f"describes the suspension of {month}"
                  + (f" by {instrument}" if instrument else "") + f": “{clue.sentence[:160]}”")
        links += [(m, reason) for m in ([instrument] if instrument else []) + targets]
    return links


def match_issue(archive: Archive, clue: Clue) -> list[tuple[str, str]]:
    """(measure id, reason) for measures published on the clue's day, on its subject."""
    day = f"{clue.year:04d}-{clue.month:02d}-{clue.day:02d}"
    links = []
    for measure in archive.measures_published_on(day):
        if clue.joint and "GACC" not in (measure["issuers"] or ""):
            continue
        if clue.subjects & _titled_subjects(archive, measure["id"]):
            links.append((measure["id"], f"describes the measure of {day}: "
                                         f"“{clue.sentence[:160]}”"))
    return links


def inferred_refs(archive: Archive, item: DocumentItem) -> list[MeasureRef]:
    """Links to archived measures the document describes without their numbers."""
    cited = {ref.id for ref in item.measures}
    refs: dict[str, MeasureRef] = {}
    for clue in clues(item.title + "\n" + item.body, item.published):
        matcher = match_suspension if clue.kind == "suspension" else match_issue
        for measure_id, reason in matcher(archive, clue):
            if measure_id in cited or measure_id in refs:
                continue
            measure = archive.measure(measure_id)
            refs[measure_id] = MeasureRef(
                id=measure_id, series=measure["series"], year=measure["year"],
                number=measure["number"], issuers=[], relation=Relation.MENTIONS.value,
                confidence=Confidence.LOW.value, reason=f"inferred: {reason}")
    return list(refs.values())


def running_suspensions(archive: Archive, day: str) -> list[tuple[str, str | None]]:
    """(measure id, last day of its suspension) for the measures suspended on day."""
    running = []
    for measure_id in archive.measures_with_events([k.value for k in SUSPENSION_KINDS]):
        state = status_on(archive.events(measure_id), day)
        if state.status in SUSPENDED_STATUSES:
            running.append((measure_id, state.until))
    return running


def statement_links(archive: Archive, item: DocumentItem) -> None:
    """Attach political extension statements to the suspended measures they reach past
    (adds refs, or events to refs the document already has). Legal texts are left alone."""
    if not item.published or any(r.relation == Relation.ISSUES for r in item.measures):
        return
    # the body's own sentence is the better evidence; a headline only when the body has none
    statements = (statement_events(item.body, item.published)
                  or statement_events(item.title, item.published))
    if not statements:
        return
    refs = {ref.id: ref for ref in item.measures}
    for measure_id, end in running_suspensions(archive, item.published):
        for statement in statements:
            if end is None or not statement.until or statement.until <= end:
                continue
            ref = refs.get(measure_id)
            if ref is None:
                measure = archive.measure(measure_id)
                ref = refs[measure_id] = MeasureRef(
                    id=measure_id, series=measure["series"], year=measure["year"],
                    number=measure["number"], relation=Relation.MENTIONS.value,
                    confidence=Confidence.LOW.value,
                    reason=(f"inferred: political statement of {item.published} that an "
                            f"arrangement is extended to {statement.until}, while this "
                            f"measure's suspension ends on {end}"))
                item.measures.append(ref)
            ref.events.append(MeasureEvent(
                kind=EventKind.EXTENSION_ANNOUNCED.value, date=item.published,
                until=statement.until, sentence=statement.sentence))


class LinkPipeline:
    """Scrapy stage 1b: add the inferred links (needs the archive, so after normalization)."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LinkPipeline:
        return cls(source_run_of(crawler).archive)

    def process_item(self, item: DocumentItem) -> DocumentItem:
        item.measures += inferred_refs(self.archive, item)
        statement_links(self.archive, item)
        return item
