"""Normalize stage: clean text, ISO dates, category, confidence, measure references, content hash.

Pure functions do the work (normalize_item); NormalizePipeline only wires them into Scrapy and
turns a surprise (an unparseable date) into a counted source problem.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import replace
from typing import Any

from scrapy.crawler import Crawler

from pipelines.archive import Archive
from pipelines.classify import (
    classify_category,
    classify_confidence,
    is_statement_title,
    quotes_official,
    read_category,
)
from pipelines.clauses import earliest_effective, other_measure_events, own_events
from pipelines.dates import parse_published
from pipelines.entities import tables_text
from pipelines.identifiers import MeasureNumber, find_measure_numbers
from pipelines.items import Annex, DocumentItem, MeasureRef
from pipelines.names import read_as_simplified
from pipelines.problems import report_problem
from pipelines.run import NoRun, source_run_of
from pipelines.vocab import Relation, SourceKind

# How far into a title an announcement number may start and still be the document's own number
# (official titles begin with it: "商务部公告2025年第62号 公布…").
OWN_NUMBER_MAX_OFFSET = 2


# A pinyin gloss a mirror's script converter leaves after each character it converted
# (財(cái)新網(wǎng), 經(jīng)國(guó)務院批準): lower-case letters with a tone mark, in
# brackets, right after a Chinese character. Not the page's words: they split its words
# (經(jīng)國(guó)務院 is no 经国务院) and are dropped. An abbreviation in brackets ("(FCC)")
# has no tone mark.
PHONETIC_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])"
                            r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


# Control characters (an escape sequence pasted from a terminal, a Word page's vertical tab)
# and the bidirectional overrides that make text read otherwise than it is stored: scraped text
# is hostile, and these break feeds (XML), spreadsheets and terminals. Page breaks and vertical
# tabs separate words; the rest go.
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SEPARATING_CONTROL = re.compile("[\x0b\x0c]")


def clean_text(text: str) -> str:
    """NFC, control characters and bidirectional overrides dropped (CONTROL), one space between
    words (full-width spaces too), paragraphs kept, ends stripped, a converter's pinyin glosses
    dropped (PHONETIC_GLOSS)."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n")
    text = CONTROL.sub("", SEPARATING_CONTROL.sub(" ", text))
    text = PHONETIC_GLOSS.sub("", text)
    paragraphs = [re.sub(r"[ \t\u3000\xa0]+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
SPACE_NEXT_TO_CJK = re.compile(rf"\s+(?=[{CJK}])|(?<=[{CJK}])\s+")
# Characters that show nothing (Unicode's format characters: zero-width spaces and joiners, the
# soft hyphen, the byte-order mark, direction marks, the Mongolian vowel separator): an editor
# or a converter adds them without changing what a reader sees.
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
                       "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f"
                       "\ufeff\uffa0\ufff0-\ufff8]")


def comparable_text(text: str) -> str:
    """Text as compared for changes: what shows nothing is dropped (INVISIBLE), runs of
    whitespace (any Unicode space: nbsp, the ideographic space, line separators) are one space,
    none next to Chinese. A text without invisible characters compares as it always did."""
    text = INVISIBLE.sub("", text or "")
    return SPACE_NEXT_TO_CJK.sub("", re.sub(r"\s+", " ", text)).strip()


def text_hash(title: str, published: str | None, body: str, annexes: list[Annex]) -> str:
    """Hash of what a document says (title, date, body, annexes) as compared (comparable_text:
    the annexes' link texts too), not how it was fetched or laid out."""
    payload = {
        "title": comparable_text(title), "published": published,
        "body": comparable_text(body),
        "annexes": sorted((a.url, comparable_text(a.title)) for a in annexes),
    }
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode()).hexdigest()


def tables_hash(text: str) -> str:
    """Hash of what the body's tables say (their text, one row a line): layout and whitespace
    differences do not count; no table at all is the hash of an empty text."""
    return hashlib.sha256(comparable_text(text).encode()).hexdigest()


def read_tables(item: DocumentItem) -> None:
    """The body's tables as text (pipelines.entities.tables_text, cleaned like the body) and
    their hash, on the item."""
    item.tables_text = clean_text(tables_text(item.tables)) if item.tables else ""
    item.tables_hash = tables_hash(item.tables_text)


def content_hash(item: DocumentItem) -> str:
    """Hash of what the document says, not how it was fetched or laid out: whitespace and
    invisible characters do not count."""
    return text_hash(item.title, item.published, item.body, item.annexes)


def version_hash(version: dict[str, Any]) -> str:
    """The hash of a stored version (document_versions row) as content_hash computes it now."""
    annexes = [Annex(title=a.get("title") or "", url=a.get("url") or "")
               for a in json.loads(version.get("annexes") or "[]")]
    return text_hash(version["title"] or "", version["published"], version["body"] or "",
                     annexes)


def keep_archived_hash(archive: Archive, item: DocumentItem) -> None:
    """An archived document whose stored hash an earlier comparison key computed (one that let
    invisible characters or an annex link's spaces count) keeps it while its latest version
    reads the same as the page under today's key: the item takes the stored hash, so a change of
    the key is no change of the document (no phantom version on the night after an upgrade)."""
    existing = archive.document_by_url(item.url)
    if existing is None or existing["content_hash"] == item.content_hash:
        return
    version = archive.latest_version(existing["id"])
    if version is not None and version_hash(version) == item.content_hash:
        item.content_hash = existing["content_hash"]


def effective_date(body: str, published: str | None) -> str | None:
    """The earliest date the text says it (or part of it) takes effect, if it says so
    (pipelines.clauses.own_events)."""
    return earliest_effective(own_events(body, published))


def is_official_translation(item: DocumentItem) -> bool:
    """An authority's page not in Chinese (english.mofcom.gov.cn): it names a measure and gives
    its official English title, but the Chinese text stays the legal text."""
    return item.source_kind == SourceKind.AUTHORITY and item.language != "zh"


# The English title of a legal text (an announcement, decision, order, rules, a list), which a
# statement about one (a spokesperson's answers, a press conference) is not.
_LEGAL_TEXT_TITLE = re.compile(r"\b(?:announcement|decision|order|notice|provisions|regulations"
                               r"|rules|measures|list|catalogue)\b", re.IGNORECASE)


def translates_a_legal_text(title: str | None) -> bool:
    """An official translation's title that is the title of a legal text (it may give the
    measure its official English title), not of a statement about one."""
    return bool(_LEGAL_TEXT_TITLE.search(title or "")) and not is_statement_title(title or "")


def own_number(item: DocumentItem) -> MeasureNumber | None:
    """The measure an authority's page is the text of (its 发布文号, or the title's number)."""
    if item.source_kind != SourceKind.AUTHORITY or is_official_translation(item):
        return None
    if item.doc_number:
        numbers = find_measure_numbers(item.doc_number)
        if numbers:
            return numbers[0]
    numbers = find_measure_numbers(item.title)
    if numbers and numbers[0].start <= OWN_NUMBER_MAX_OFFSET:
        return numbers[0]
    return None


def titled_number(item: DocumentItem) -> MeasureNumber | None:
    """The measure a relayed or English page is named after: its title opens with the number
    ("MOFCOM Announcement No. 61 of 2025 on ...")."""
    if item.source_kind == SourceKind.NEWS:
        return None
    numbers = find_measure_numbers(item.title)
    if numbers and numbers[0].start <= OWN_NUMBER_MAX_OFFSET:
        return numbers[0]
    return None


def measure_refs(item: DocumentItem) -> list[MeasureRef]:
    """Every measure the document issues, reports on or mentions, with the link's reason."""
    own = own_number(item)
    refs: list[MeasureRef] = []
    effective = None
    if own is not None:
        events = own_events(item.body, item.published)
        effective = earliest_effective(events)
        refs.append(_ref(own, Relation.ISSUES, item, reason=f"the page's own number: {own.text}",
                         title=item.title, title_language=item.language,
                         published=item.published, effective=effective,
                         category=item.category, events=events))
    titled = titled_number(item) if own is None else None
    if titled is not None:  # an English (or relayed) page named after the measure
        refs.append(_ref(titled, Relation.REPORTS_ON, item, reason=f"titled {titled.text}",
                         title=item.title, title_language=item.language,
                         title_machine_translated=item.machine_translated))
        own = titled
    # Only the text of a measure (an authority's page with its own number, or a relayed page
    # titled with it) states events of the measures it names; news never does, nor does an
    # official translation (the Chinese text is the legal text).
    stated = other_measure_events(item.body, item.published, own.id, effective) if (
        own is not None and not is_official_translation(item)) else {}
    seen = {own.id} if own else set()
    in_title = {n.id for n in find_measure_numbers(item.title)}
    # A title given in brackets after a number (第55号（关于…的决定）) may come later in the body.
    titles = {n.id: n.title for n in find_measure_numbers(item.body) if n.title}
    for number in find_measure_numbers(item.title + "\n\n" + item.body):
        if number.id in seen:
            continue
        seen.add(number.id)
        relation = (Relation.REPORTS_ON if number.id in in_title
                    and item.source_kind != SourceKind.AUTHORITY else Relation.MENTIONS)
        title = titles.get(number.id)
        category = classify_category(title, "", SourceKind.AUTHORITY) if title else None
        refs.append(_ref(number, relation, item, reason=f"cites {number.id} as “{number.text}”",
                         title=title, title_language="zh" if title else None,
                         category=category, events=stated.get(number.id, [])))
    return refs


def _ref(number: MeasureNumber, relation: Relation, item: DocumentItem, *, reason: str,
         **fields: object) -> MeasureRef:
    return MeasureRef(
        id=number.id, series=number.series, year=number.year, number=number.number,
        issuers=list(number.issuers), relation=relation.value,
        confidence=item.confidence or "low", reason=reason, **fields,  # type: ignore[arg-type]
    )


def as_read(item: DocumentItem) -> DocumentItem:
    """The item as the rules read it: a copy with ASCII hyphens for U+2010 and U+2011, and its
    title and body in Simplified characters when they hold Traditional ones (a Hong Kong or
    Taiwan paper's 商務部公告2025年第70號 is No. 70) and Chinese punctuation for half-width
    commas (`names.read_as_simplified`). The stored document keeps the page's own characters."""
    title, body = read_as_simplified(item.title), read_as_simplified(item.body)
    if title == item.title and body == item.body:
        return item
    return replace(item, title=title, body=body)


def normalize_item(item: DocumentItem, problems: list[str] | None = None) -> DocumentItem:
    """Fill the normalized fields of item in place (and return it).

    A date that cannot be read leaves `published` empty and adds a line to problems: the
    document is kept, the surprise is reported.
    """
    item.title = clean_text(item.title)
    item.body = clean_text(item.body)
    item.issuing_unit = clean_text(item.issuing_unit) if item.issuing_unit else None
    if item.published_raw:
        try:
            item.published, item.published_at = parse_published(item.published_raw)
        except ValueError as e:
            if problems is not None:
                problems.append(f"unreadable date {item.published_raw!r} on {item.url}: {e}")
    read = as_read(item)
    news_quotes = item.source_kind == SourceKind.NEWS and quotes_official(read.body)
    item.confidence = classify_confidence(item.source_kind, quotes_official=news_quotes)
    item.category, item.category_reason = read_category(read.title, read.body, item.source_kind,
                                                        item.published)
    read.confidence, read.category = item.confidence, item.category
    item.measures = measure_refs(read)
    item.content_hash = content_hash(item)
    read_tables(item)
    return item


class NormalizePipeline:
    """Scrapy stage 1: normalize every DocumentItem (an archived document's stored hash kept
    while it reads the same: keep_archived_hash)."""

    def __init__(self, crawler: Crawler | None = None, archive: Archive | None = None) -> None:
        self.crawler = crawler
        self.archive = archive

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalizePipeline:
        try:
            archive = source_run_of(crawler).archive
        except NoRun:
            archive = None
        return cls(crawler, archive)

    def process_item(self, item: DocumentItem) -> DocumentItem:
        problems: list[str] = []
        normalize_item(item, problems)
        if self.archive is not None:
            keep_archived_hash(self.archive, item)
        for problem in problems:
            if self.crawler is not None:
                report_problem(self.crawler.stats, item.source, problem)
        return item
