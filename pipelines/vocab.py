"""The project's vocabularies (docs/REFERENCE.md), defined once."""

from enum import StrEnum


class Status(StrEnum):
    """A measure's legal status."""

    ANNOUNCED = "announced"
    IN_FORCE = "in_force"
    SUSPENDED = "suspended"
    PARTIALLY_SUSPENDED = "partially_suspended"
    REVOKED = "revoked"
    EXPIRED = "expired"


class Category(StrEnum):
    CONTROLLED_ITEM_CHANGE = "controlled_item_change"
    SUSPENSION = "suspension"
    LICENSING = "licensing"
    ENFORCEMENT = "enforcement"
    ENTITY_LISTING = "entity_listing"
    TARIFF = "tariff"
    POLICY_STATEMENT = "policy_statement"
    COMMENTARY = "commentary"


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"low": 0, "medium": 1, "high": 2}[self.value]



class ChangeKind(StrEnum):
    NEW_MEASURE = "new_measure"
    MEASURE_AMENDED = "measure_amended"
    STATUS_CHANGED = "status_changed"
    NEW_DOCUMENT = "new_document"
    DOCUMENT_CHANGED = "document_changed"
    DOCUMENT_REMOVED = "document_removed"
    DEADLINE_NEAR = "deadline_near"
    DEADLINE_PASSED = "deadline_passed"
    SOURCE_PROBLEM = "source_problem"
    # entity designations (pipelines.designations)
    ENTITY_LISTED = "entity_listed"
    ENTITY_STATUS_CHANGED = "entity_status_changed"
    # A source walked its lists back (its first night, or a backfill): one summary per source
    # (documents, measures, earliest date reached, pages walked, complete or not).
    BACKFILL = "backfill"


class Relation(StrEnum):
    """How a document relates to a measure in `document_measures`."""

    ISSUES = "issues"  # the document is the measure's own text
    MENTIONS = "mentions"  # the document cites the measure by number
    REPORTS_ON = "reports_on"  # a relayed statement or article about the measure


class LinkVerdict(StrEnum):
    """The analyst's verdict on a link without a number or a review candidate
    (`link_verdicts.verdict`, `regwatch links confirm|reject`): pipelines.linking honours it
    every time it links the document."""

    CONFIRM = "confirm"  # the document is about the measure: a link, whatever the rule says
    REJECT = "reject"  # it is not: neither a link nor a review candidate


class SourceKind(StrEnum):
    """What kind of publisher a source is; drives confidence."""

    AUTHORITY = "authority"  # the issuing authority's own site
    RELAY = "relay"  # an official statement relayed (consulate, press transcript)
    NEWS = "news"  # state media and other news


class SourceStatus(StrEnum):
    OK = "ok"
    DEGRADED = "degraded"
    FAILED = "failed"


class Series(StrEnum):
    """Measure number series (the `<SERIES>` of `<SERIES>-<YEAR>-<NUMBER>`)."""

    MOFCOM = "MOFCOM"
    GACC = "GACC"
    UEL = "UEL"


class Issuer(StrEnum):
    MOFCOM = "MOFCOM"
    GACC = "GACC"
    UEL_WM = "UEL working mechanism"


class EventKind(StrEnum):
    """Lifecycle events of a measure (`measure_events.kind`)."""

    ISSUED = "issued"
    EFFECTIVE = "effective"
    SUSPENDED = "suspended"
    PARTIALLY_SUSPENDED = "partially_suspended"
    SUSPENSION_CONTINUED = "suspension_continued"
    RESUMED = "resumed"
    REVOKED = "revoked"
    REMOVED_FROM_LIST = "removed_from_list"
    AMENDED = "amended"
    EXPIRED = "expired"
    # A political statement (a readout, a press conference) that an arrangement is extended:
    # linked as evidence, never moves a legal date (pipelines.lifecycle ignores it).
    EXTENSION_ANNOUNCED = "extension_announced"


class WalkStatus(StrEnum):
    """Where a list's walk back to `backfill_since` stands (`list_walks.status`)."""

    WALKING = "walking"  # under way: continues next night at `next_page`
    STOPPED = "stopped"  # stopped by bad input or a failed page: retried next night there
    COMPLETE = "complete"  # reached backfill_since or the end of the list


class RunStatus(StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    INTERRUPTED = "interrupted"  # killed before it finished; its changes move to the next run


# --- entities (pipelines.entities, pipelines.designations) ----------------------------------


class ListName(StrEnum):
    """The lists an entity can be designated on."""

    UNRELIABLE_ENTITY_LIST = "unreliable_entity_list"  # 不可靠实体清单
    EXPORT_CONTROL_LIST = "export_control_list"  # 出口管制管控名单
    WATCH_LIST = "watch_list"  # 关注名单
    COUNTERMEASURE = "countermeasure"  # 反制措施 against named firms


# How a list is named in reports and mails.
LIST_TITLES = {
    ListName.UNRELIABLE_ENTITY_LIST: "Unreliable Entity List (不可靠实体清单)",
    ListName.EXPORT_CONTROL_LIST: "Export control list (出口管制管控名单)",
    ListName.WATCH_LIST: "Watch list (关注名单)",
    ListName.COUNTERMEASURE: "Countermeasures (反制措施)",
}


class DesignationStatus(StrEnum):
    """A designation's status on a date (pipelines.lifecycle maps a measure's onto it)."""

    LISTED = "listed"  # the listing measure's measures apply
    SUSPENDED = "suspended"  # they are suspended (until a day, or further notice)
    REMOVED = "removed"  # taken off the list (移出) or the measures stopped (停止执行)


# What a relaying page prints to say its text was machine-translated (matched lowercased).
MACHINE_TRANSLATION_MARKERS = ("translation tool:", "machine translat", "机器翻译")
