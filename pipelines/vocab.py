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
    """The bodies recorded as a measure's issuers (`measures.issuers`). The first three have a
    series of their own; the others only co-issue (商务部 科技部公告…, 商务部 工业和信息化部
    海关总署 国家密码管理局公告…). A body not in this list is recorded by its Chinese name, as
    the text names it (without 中华人民共和国): `国家邮政局`."""

    MOFCOM = "MOFCOM"
    GACC = "GACC"
    UEL_WM = "UEL working mechanism"
    MOST = "MOST"  # Ministry of Science and Technology
    MIIT = "MIIT"  # Ministry of Industry and Information Technology
    MPS = "MPS"  # Ministry of Public Security
    MOF = "MOF"  # Ministry of Finance
    NDRC = "NDRC"  # National Development and Reform Commission
    SCA = "SCA"  # State Cryptography Administration
    SASTIND = "SASTIND"  # State Administration of Science, Technology and Industry for National
    # Defence (国家国防科技工业局, since 2008)
    COSTIND = "COSTIND"  # Commission of Science, Technology and Industry for National Defence
    # (国防科学技术工业委员会, before 2008)
    CAEA = "CAEA"  # China Atomic Energy Authority
    CMC_EDD = "CMC EDD"  # Equipment Development Department of the Central Military Commission
    TARIFF_COMMISSION = "Tariff Commission"  # Customs Tariff Commission of the State Council
    # (the key pipelines.glossary gives it too)


# How Chinese texts name each issuer: full names first, then the short forms in use.
ISSUER_NAMES_ZH: dict[Issuer, tuple[str, ...]] = {
    Issuer.MOFCOM: ("商务部",),
    Issuer.GACC: ("海关总署",),
    Issuer.UEL_WM: ("不可靠实体清单工作机制",),
    Issuer.MOST: ("科学技术部", "科技部"),
    Issuer.MIIT: ("工业和信息化部", "工信部"),
    Issuer.MPS: ("公安部",),
    Issuer.MOF: ("财政部",),
    Issuer.NDRC: ("国家发展和改革委员会", "国家发展改革委", "国家发改委", "发展改革委"),
    Issuer.SCA: ("国家密码管理局",),
    Issuer.SASTIND: ("国家国防科技工业局", "国防科工局"),
    Issuer.COSTIND: ("国防科学技术工业委员会", "国家国防科工委", "国防科工委"),
    Issuer.CAEA: ("国家原子能机构",),
    Issuer.CMC_EDD: ("中央军委装备发展部", "中央军事委员会装备发展部"),
    Issuer.TARIFF_COMMISSION: ("国务院关税税则委员会", "关税税则委员会", "税委会"),
}
# The issuers whose announcements are numbered in a series of their own (pipelines.identifiers).
SERIES_ISSUERS = (Issuer.MOFCOM, Issuer.GACC, Issuer.UEL_WM)


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


# How a designation ended (`removal_kind`, the event's kind), in words a person reads.
REMOVAL_WORDS = {EventKind.REMOVED_FROM_LIST: "removed from the list",
                 EventKind.REVOKED: "measures stopped", EventKind.EXPIRED: "expired"}


class WalkStatus(StrEnum):
    """Where a list's walk back to `backfill_since` stands (`list_walks.status`)."""

    WALKING = "walking"  # under way: continues next night at `next_page`
    STOPPED = "stopped"  # stopped by bad input or a failed page: retried next night there
    COMPLETE = "complete"  # reached backfill_since or the end of the list


class NumberCheck(StrEnum):
    """How a series' year a walk covered has its numbering checked (pipelines.backfill)."""

    # a walk after the year ended covered it: every number from 1 to the highest seen
    WHOLE_YEAR = "whole_year"
    # a walk covered it while it was under way: every number from 1 to the highest of those
    # published at least `pipelines.backfill.GAP_SETTLE_DAYS` before the run (later numbers
    # may be posted out of order)
    SO_FAR = "so_far"


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
