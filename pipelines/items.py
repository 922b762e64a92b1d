"""The one item schema every spider yields, and the records normalization adds to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipelines.designations import ItemDesignations


@dataclass
class Annex:
    title: str
    url: str


@dataclass
class RawResponse:
    """A response as received (pipelines.evidence keeps it when it makes a document version)."""

    url: str
    status: int
    headers: list[tuple[str, str]]  # name, value as latin-1 text, in the order received
    body: bytes  # exactly as handed to the spider (transfer and content encodings removed)
    fetched_at: str  # ISO 8601 datetime, UTC
    protocol: str = "HTTP/1.1"
    reason: str = ""
    insecure_tls: bool = False  # fetched from an insecure_tls host without verification
    replayed: bool = False  # answered by the offline mirror, not the network


@dataclass
class AnnexFile:
    """An annex file fetched with its article, its text read, or why it could not be kept."""

    url: str
    name: str  # the link's text, e.g. 附件1：相关物项清单.pdf
    response: RawResponse | None = None  # None when known unchanged (304) or not fetched
    sha256: str | None = None  # of the body
    size: int | None = None
    media_type: str | None = None  # what the bytes are (pipelines.annex_text.sniff)
    declared_type: str | None = None  # what the server said (Content-Type)
    text: str = ""
    reason: str | None = None  # why the text is empty or partial (pipelines.annex_text.Reason)
    pages: int | None = None
    problem: str | None = None  # a failed download or a bad file: reported, the annex not kept
    etag: str | None = None
    last_modified: str | None = None

    @property
    def ok(self) -> bool:
        """A file to keep: fetched (or known unchanged) and readable or honestly unread."""
        return self.problem is None and self.sha256 is not None


@dataclass
class MeasureEvent:
    """A lifecycle event a document states for a measure (pipelines.vocab.EventKind)."""

    kind: str
    date: str | None = None  # ISO date the event takes effect
    until: str | None = None  # ISO date it ends (inclusive), for suspensions
    by_measure: str | None = None  # the measure that causes it, e.g. MOFCOM-2025-70
    clause: str | None = None  # the part of the measure concerned, e.g. 第二款
    sentence: str | None = None  # the sentence that proves it


@dataclass
class MeasureRef:
    """A measure a document refers to, with what the document says about it."""

    id: str  # canonical, e.g. MOFCOM-2025-61
    series: str
    year: int
    number: int
    issuers: list[str] = field(default_factory=list)
    relation: str = "mentions"  # pipelines.vocab.Relation
    confidence: str = "low"  # the link's confidence
    reason: str = ""  # why the link was made, e.g. the matched text
    title: str | None = None  # a title for the measure given by this document, if any
    title_language: str | None = None
    title_machine_translated: bool = False
    published: str | None = None  # ISO date, set for the issuing document
    effective: str | None = None  # ISO date the measure (first) takes effect
    category: str | None = None
    events: list[MeasureEvent] = field(default_factory=list)


@dataclass
class DocumentItem:
    """One fetched page, as a spider parsed it (raw fields), plus normalized fields."""

    # --- filled by the spider -------------------------------------------------
    url: str
    source: str  # the spider's name
    source_kind: str  # pipelines.vocab.SourceKind
    title: str
    body: str  # plain text, paragraphs separated by blank lines
    language: str  # "zh" or "en"
    published_raw: str | None = None  # the date as the page gives it
    issuing_unit: str | None = None  # e.g. 安全与管制局, or the relaying consulate
    doc_number: str | None = None  # the page's own document number (【发布文号】), if given
    annexes: list[Annex] = field(default_factory=list)
    machine_translated: bool = False
    tables: list[str] = field(default_factory=list)  # HTML of the body's tables (entity lists)
    translation_of: str | None = None  # an official translation's original (its URL)
    # --- filled by pipelines.normalize ----------------------------------------
    published: str | None = None  # ISO date, Beijing time
    published_at: str | None = None  # ISO datetime with +08:00 when a time is known
    category: str | None = None
    category_reason: str | None = None  # how the category was read (pipelines.classify)
    confidence: str | None = None
    content_hash: str | None = None
    # the body's tables as text (one row a line, cells by " | ") and its hash: what a version
    # keeps of them, and how a change of an entity table is seen (None: not read)
    tables_text: str | None = None
    tables_hash: str | None = None
    measures: list[MeasureRef] = field(default_factory=list)
    # --- filled by pipelines.diff ---------------------------------------------
    changes: list[ChangeRecord] = field(default_factory=list)
    # --- filled by pipelines.designations (entity listings; None: not read) ----
    designations: ItemDesignations | None = None
    # --- filled by the application's evidence middleware (crawler.evidence) ---
    responses: list[RawResponse] = field(default_factory=list)  # the page (and its further pages)
    annex_files: list[AnnexFile] = field(default_factory=list)  # official pages' annexes


@dataclass
class ChangeRecord:
    """One detected change (docs/REFERENCE.md), as stored in `changes` and reported."""

    kind: str  # pipelines.vocab.ChangeKind
    summary: str
    measure: str | None = None
    document: str | None = None
    from_: str | None = None
    to: str | None = None
    by: str | None = None
    until: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    category: str | None = None
    confidence: str | None = None
    diff: dict = field(default_factory=dict)
    # entity_listed / entity_status_changed (pipelines.designations): the entity and its list
    entity: str | None = None
    list_name: str | None = None  # stored and reported as `list`
