"""Entity designations read from announcements (docs/REFERENCE.md).

Two things are read here, both as plain data (nothing is stored):

1. `parse_designations(title, body, tables_html, annex_texts)`: which list an announcement puts
   entities on (or takes them off), and the entities, from
   - the body: "将以下11家美国实体列入不可靠实体清单：1. 斯凯迪奥公司（Skydio, Inc.）；2. …",
     entries one per line ("1、…", "（一）…"), or inline ("将洛克希德·马丁公司（Lockheed Martin
     Corporation）、雷神导弹与防务公司（…）列入…");
   - annex tables in the page (HTML): columns found by their headers (序号, 中文名称, 英文名称,
     国家/地区, 地址, 别名, in any order, Chinese or English), merged cells (rowspan and colspan),
     section headings and footnotes, numbering that restarts, names split over rows, missing
     English names;
   - annex texts, as a PDF/DOCX/XLSX text extractor gives them: one row a line, cells
     separated by " | " or tabs; page numbers and repeated headers skipped.
   The count the text states ("16家") is compared with the entities found: a difference is a
   problem line, and the entities found are kept, except numbered entries of the body that the
   tables do not name when the tables alone give the count (a clause numbered like entries:
   left out, as a problem). Entries that read as clauses (禁止…, 本决定自公布之日起实施) are
   never names.
2. `listing_events(body, published, own_id)`: what a later announcement does to earlier
   listings, through the measure that listed them (the names are seldom repeated): suspended
   (暂停实施…措施, often for a duration: the end is computed by pipelines.durations from the
   sentence's start, else the announcement's own effective date, else its publication),
   suspension continued (继续暂停), measures stopped (停止执行: kind `revoked`), removed (移出:
   kind `removed_from_list`, of named entities only when the sentence names them), resumed
   (恢复实施). Sentences that pipelines.clauses already reads are taken from it.

Lists: `unreliable_entity_list` (不可靠实体清单), `export_control_list` (出口管制管控名单),
`watch_list` (关注名单), `countermeasure` (反制措施).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import lxml.html

from pipelines.clauses import earliest_effective, other_measure_events, own_events, split_sentences
from pipelines.countries import foreign_state_names
from pipelines.dates import find_dates
from pipelines.durations import find_durations, parse_number, sentence_start, written_end
from pipelines.identifiers import find_measure_numbers
from pipelines.items import MeasureEvent
from pipelines.names import (
    entity_id,
    has_cjk,
    is_corporate_form,
    name_key,
    normalize_name,
    to_simplified,
)
from pipelines.nfkc import nfkc
from pipelines.vocab import EventKind, ListName

__all__ = [
    "ListName",
    "ListingEvent",
    "ParsedEntity",
    "ParsedListing",
    "alias_names",
    "list_named_in",
    "listing_sentence",
    "listing_events",
    "parse_designations",
    "parse_entries",
    "parse_table_rows",
    "reread_aliases",
    "rows_of_html_table",
    "rows_of_text",
    "unread_listing_sentences",
    "with_source",
    "computed_until",
]


@dataclass
class ParsedEntity:
    """One entity as an announcement gives it (names as written, normalized)."""

    name_zh: str | None
    name_en: str | None
    country: str | None = None
    address: str | None = None
    number: int | None = None  # its number in the announcement's list, if numbered
    aliases: list[str] = field(default_factory=list)  # former names, other names in the row
    notes: list[str] = field(default_factory=list)  # e.g. 及其分支机构
    source: str = "body"  # "body", "table 1", "annex 1" …

    @property
    def id(self) -> str:
        return entity_id(self.name_zh, self.name_en)


@dataclass
class ParsedListing:
    """What an announcement lists: the list, the entities, the count it states, problems."""

    list_name: str | None
    entities: list[ParsedEntity]
    stated_count: int | None
    problems: list[str]
    action: str = "listed"  # "listed" (列入, 采取反制措施) or "removed" (移出)
    notes: list[str] = field(default_factory=list)  # footnotes of the annex tables


@dataclass
class ListingEvent:
    """A change to the designations a measure made (or, without a measure, to named entities
    on a list)."""

    measure: str | None  # the listing measure, e.g. MOFCOM-2025-21
    kind: str  # EventKind value
    date: str | None
    until: str | None = None  # a suspension's last day (inclusive)
    until_computed: bool = False  # until computed from a duration, not written in the text
    duration: str | None = None  # the duration's words (90天, 一年, "for 90 days")
    by_measure: str | None = None
    list_name: str | None = None
    entities: list[ParsedEntity] = field(default_factory=list)  # empty: the whole listing
    count: int | None = None  # the count the sentence states (16家)
    listed_on: str | None = None  # the listing's date, when named that way (4月4日被列入)
    sentence: str = ""

    def as_measure_event(self) -> MeasureEvent:
        """The event as pipelines.lifecycle reads it, for the listing measure."""
        return MeasureEvent(kind=self.kind, date=self.date, until=self.until,
                            by_measure=self.by_measure, sentence=self.sentence)


# --------------------------------------------------------------------------- vocabulary

_LISTS: tuple[tuple[ListName, str], ...] = (
    (ListName.UNRELIABLE_ENTITY_LIST, r"不可靠实体清单|(?i:unreliable\s+entit(?:y|ies)\s+list)"),
    (ListName.EXPORT_CONTROL_LIST,
     r"出口管制管控名单|管控名单|(?i:export\s+control\s+(?:control\s+)?list)"),
    (ListName.WATCH_LIST, r"关注名单|(?i:watch\s*list)"),
    (ListName.COUNTERMEASURE, r"反制措施|反制清单|(?i:countermeasures?(?:\s+list)?)"),
)
_LIST = re.compile("|".join(f"(?P<{name.name}>{pattern})" for name, pattern in _LISTS))
_LISTING_VERB = re.compile(r"列入|纳入|(?i:\badd(?:s|ed|ing)?\b|\binclud(?:e|es|ed|ing)\b)")
_REMOVING_VERB = re.compile(r"移出|(?i:\bremov(?:e|es|ed|ing)\b)")
_COUNTERING = re.compile(r"采取(?:相关)?反制措施|(?i:\btak(?:e|es|ing)\s+countermeasures\b)")
_COUNT = re.compile(
    r"(?<![\d第])(?P<n>\d{1,4}|[一二两三四五六七八九十百]{1,4})\s*(?:家|个|名)"
    r"(?P<who>[^，。；、：:（(]{0,12}?)(?:实体|企业|公司|单位|机构|组织|子公司)"
)
_COUNTRY = re.compile(
    r"^(?P<c>[\u4e00-\u9fff]{1,5}(?:国|地区)|日本|加拿大|澳大利亚|以色列|新加坡|荷兰|瑞士|瑞典|印度"
    r"|爱尔兰|新西兰|比利时|丹麦|挪威|芬兰|奥地利|意大利|西班牙|葡萄牙|波兰|捷克|乌克兰|土耳其"
    r"|阿联酋|立陶宛|爱沙尼亚|拉脱维亚)"
)
_NOT_COUNTRIES = {"外国", "境外", "多国", "各国"}
_ANNEX_NOTE = re.compile(r"[（(][^（）()]{0,6}(?:见|详见)附件[^（）()]{0,4}[)）]")
_ANNEX_REFERENCE = re.compile(r"名单见附件|见附件|详见附件|附件[一二三\d]?[：:]?")

# --------------------------------------------------------------------------- small helpers

_FOOTNOTE_MARKS = re.compile(
    r"(?:[*＊†‡§]+|[\u2460-\u2473\u2474-\u2487]|[\u00b9\u00b2\u00b3\u2070-\u2079]+"
    r"|\[\s*(?:\d{1,2}|注\s*\d*)\s*\]|[（(]\s*注\s*\d*\s*[)）]|(?<=[\u4e00-\u9fff)）])注\d{1,2})\s*$"
)
_EMPTY_CELL = re.compile(r"^(?:[-—–―/／\\_.·…]+|无|暂无|空|n/?a|none|null|不详)$", re.I)
_SPACE = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")


def _clean(text: str | None) -> str:
    """Text of a cell or an entry: NFKC, one space between words, ends stripped."""
    return _SPACE.sub(" ", nfkc(text or "")).strip()


def _plain(text: str | None) -> str | None:
    """A cell's free text (an address) as stored: NFKC, no control or format characters
    (escape sequences, bidirectional overrides), one space between words; None when empty."""
    text = "".join(ch for ch in nfkc(text or "") if unicodedata.category(ch)[0] != "C"
                   or ch in "\t\n")
    return " ".join(text.split()) or None


def _strip_marks(name: str) -> str:
    """A name without trailing footnote marks (*, †, ①, [1], （注1）, ¹)."""
    previous = None
    while previous != name:
        previous, name = name, _FOOTNOTE_MARKS.sub("", name).strip()
    return name


def _value(text: str | None) -> str | None:
    """A cell's value, None when empty or a placeholder (—, /, 无, N/A)."""
    text = _strip_marks(_clean(_strip_marks(text or "")))
    if not text or _EMPTY_CELL.match(text) or not _LETTER.search(text):
        return None
    return text


def _join(first: str | None, second: str | None) -> str | None:
    """Two pieces of a name split over lines: no space next to Chinese, else one."""
    if not first:
        return second
    if not second:
        return first
    if has_cjk(first[-1]) or has_cjk(second[0]) or first.endswith("-"):
        return first + second
    return f"{first} {second}"


def _join_lines(lines: list[str]) -> str:
    """Lines of a cell as one text (footnote marks and widths left for _value)."""
    joined: str | None = None
    for line in (_SPACE.sub(" ", line).strip() for line in lines):
        joined = _join(joined, line) if line else joined
    return joined or ""


def _number(text: str | None) -> int | None:
    """The number of a 序号 cell (1, 1., （1）, 一), None when it is not one."""
    text = _clean(text).strip("()（）.．、 ")
    if not text:
        return None
    try:
        return parse_number(text)
    except ValueError:
        return None


def _country(text: str) -> str | None:
    """The country a phrase names at its start (美国实体 -> 美国), if any."""
    m = _COUNTRY.match(text.strip())
    if m and m["c"] not in _NOT_COUNTRIES:
        return m["c"]
    return None


def _list_in(text: str) -> ListName | None:
    m = _LIST.search(text)
    return ListName[m.lastgroup] if m and m.lastgroup else None


# --------------------------------------------------------------------------- entries (body)

_ENTRY_MARK = re.compile(
    r"(?:^|(?<=[；;。，,\s:：]))(?:(?P<n>\d{1,3})\s*[.．、]|[（(](?P<p>\d{1,3}|[一二三四五六七八九十]{1,3})[)）]"
    r"|(?P<z>[一二三四五六七八九十]{1,3})、)\s*"
)
_TRAILING_BRACKET = re.compile(
    r"^(?P<name>.*?)\s*[（(](?P<inner>(?:[^（）()]|[（(][^（）()]*[)）])*)[)）]\s*$"
)
# The words that introduce another name of an entity (a former name, an alias): Chinese ones, and
# English ones (alias, other or former names only before a colon: Alias Systems is a firm).
_LATIN_ALIAS_LABELS = (
    r"(?i:formerly(?:\s+known\s+as)?|previously(?:\s+known\s+as)?|also\s+known\s+as|known\s+as"
    r"|a\.?k\.?a\.?|a/k/a|f\.?k\.?a\.?|f/k/a|d/b/a|d\.b\.a\.?"
    r"|(?:alias(?:es)?|other\s+names?|former\s+names?)(?=\s*:))"
)
_ALIAS_LABELS = (rf"原名称?|曾用名称?|别名|又名|简称|亦称|也称|又称|旧称|其他名称"
                 rf"|{_LATIN_ALIAS_LABELS}")
_ALIAS_LABEL = re.compile(rf"^(?:{_ALIAS_LABELS})(?![A-Za-z])\s*[:：]?\s*")
_EN_LABEL = re.compile(r"^(?:英文名称?|英文|(?i:english(?:\s+name)?))\s*[:：]\s*")
_SCOPE = re.compile(r"(?:及其|以及其|和其)(?:分支机构|子公司|关联公司|附属机构|分公司)$")
_DESCRIPTOR = re.compile(r"^.{0,40}的(?=[^的]{2,}$)")
_CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff"
# A country in brackets after a name ("Acme Corp (USA)"): a qualifier, not another name.
_COUNTRY_CODE = re.compile(rf"^(?:U\.?S\.?A?\.?|U\.?K\.?|{foreign_state_names()})$")
_SPLIT_INLINE = re.compile(r"\s*(?:、|；|;|以及|及|和)\s*")


def _entry_entity(text: str, number: int | None, source: str) -> ParsedEntity | None:
    """One entry "中文名（English name）" → an entity, None when there is no name."""
    text = _clean(_strip_marks(text.strip().rstrip("；;。，,、 "))).rstrip("；;。，,、 ")
    notes: list[str] = []
    aliases: list[str] = []
    name_en: str | None = None
    country: str | None = None
    while True:
        m = _TRAILING_BRACKET.match(text)
        if not m or not m["name"]:
            break
        inner = _clean(m["inner"])
        text = m["name"]
        if _ALIAS_LABEL.match(inner):
            aliases.extend(alias_names(inner))
        elif _EN_LABEL.match(inner) or (inner and not has_cjk(inner)):
            name_en = _EN_LABEL.sub("", inner) if name_en is None else name_en
            if name_en != inner and _EN_LABEL.sub("", inner) != name_en:
                aliases.append(_EN_LABEL.sub("", inner))
        elif _country(inner) == inner:
            country = inner
        else:
            text = f"{text}（{inner}）"
            break
    scope = _SCOPE.search(text)
    if scope:
        notes.append(scope.group())
        text = text[: scope.start()]
    text = _strip_marks(text)
    if not text and not name_en:
        return None
    if has_cjk(text):
        name_zh = normalize_name(text)
    else:
        name_zh, name_en = None, name_en or text
        if name_en != text and text:
            aliases.append(text)
    return ParsedEntity(
        name_zh=name_zh, name_en=normalize_name(_strip_marks(name_en)) if name_en else None,
        country=country, number=number, aliases=[normalize_name(a) for a in aliases if a],
        notes=notes, source=source)


def parse_entries(text: str, source: str = "body") -> list[ParsedEntity]:
    """Numbered entries ("1. 斯凯迪奥公司（Skydio, Inc.）；2. …", "（一）…", one per line or
    run together) → entities, in order."""
    marks = list(_ENTRY_MARK.finditer(text))
    entities = []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        number = _number(mark["n"] or mark["p"] or mark["z"])
        entity = _entry_entity(text[mark.end() : end], number, source)
        if entity:
            entities.append(entity)
    return entities


def _inline_entities(span: str) -> list[ParsedEntity]:
    """Entities named inline between 将 and the verb (A（a）、B（b）), descriptors dropped."""
    parts, depth, current = [], 0, ""
    for ch in span:
        depth += ch in "（(" and 1 or 0
        depth -= ch in "）)" and 1 or 0
        current += ch
        if depth == 0:
            m = _SPLIT_INLINE.search(current)
            if m and m.end() == len(current):
                parts.append(current[: m.start()])
                current = ""
    parts.append(current)
    entities = []
    for part in (p.strip() for p in parts):
        bare = _TRAILING_BRACKET.match(part)
        head = bare["name"] if bare else part
        descriptor = _DESCRIPTOR.match(head)
        if descriptor:
            part = part[descriptor.end():]
        entity = _entry_entity(part, None, "body")
        if entity:
            entities.append(entity)
    return entities


# --------------------------------------------------------------------------- aliases

# Where a cell of other names (别名, 曾用名 …) holds several: ；、; and line breaks, a slash
# between spaces or next to Chinese (not A/S, c/o), a full-width slash; and before a label
# that follows a comma or a space ("X, formerly Y", "X，原名Y", "X f/k/a Y"), or an English one
# right after Chinese (two lines joined: "X公司formerly Y").
_ALIAS_SEPARATOR = re.compile(
    rf"\s*(?:[;；、\n]|／|\s/\s*|/\s|(?<=[{_CJK_CHARS}])/|/(?=[{_CJK_CHARS}]))\s*"
    rf"|(?<!(?i:also))(?<!(?i:formerly))(?<!(?i:previously))[\s,，]+"
    rf"(?=(?:{_ALIAS_LABELS})(?![A-Za-z]))"
    rf"|(?<=[{_CJK_CHARS}])(?=(?:{_LATIN_ALIAS_LABELS})(?![A-Za-z]))"
)
# Lines of a cell that continue the line before (a name wrapped): the line before ends with a
# joining word or mark, or this line starts with a small letter or a closing mark.
_OPEN_END = re.compile(r"(?:[-&,(/（]|\b(?:of|and|the|for|de|du|la|und|&))\s*$", re.I)
_CONTINUING = re.compile(r"^\s*[a-z)）,.&]")
# The endings of an organisation's Chinese name: a line ending otherwise is a name wrapped.
_ZH_NAME_END = re.compile(
    r"(?:公司|集团|会社|研究所|研究院|研究中心|大学|学院|学校|中心|实验室|局|厂|部|院|所|署|处|站|社"
    r"|馆|银行|协会|学会|基金会|事务所|办公室|委员会|合伙|企业|商行|工作室|[)）])$"
)


def alias_names(cell: str) -> list[str]:
    """The names a cell of other names gives (别名, 曾用名, also known as …), each normalized:
    labels (原名：, formerly, f/k/a …) dropped, several names split (；、; / line breaks), a
    Chinese name and its English name in brackets both kept ("原名：蓝海仪器公司（Blue Ocean
    Instruments Inc.）" gives 蓝海仪器公司 and Blue Ocean Instruments Inc.)."""
    names: list[str] = []
    for line in _cell_lines(cell):
        for piece in _top_level_split(line, _ALIAS_SEPARATOR):
            for name in _piece_names(piece):
                name = normalize_name(_strip_marks(name))
                if _value(name) and name not in names:
                    names.append(name)
    return names


def _cell_lines(cell: str) -> list[str]:
    """A cell's lines (NFKC, Simplified: 別名 is a label too), a line that continues a wrapped
    name joined to the one before."""
    lines: list[str] = []
    for line in (_SPACE.sub(" ", to_simplified(nfkc(raw))).strip()
                 for raw in (cell or "").split("\n")):
        if not line:
            continue
        if lines and _wrapped(lines[-1], line):
            lines[-1] = _join(lines[-1], line) or line
        else:
            lines.append(line)
    return lines


def _wrapped(before: str, line: str) -> bool:
    """Whether line continues the name on the line before (wrapped) rather than naming
    another: brackets left open, a joining word or mark between, a corporate form alone, or a
    Chinese name that does not end as an organisation's does."""
    if before.count("(") > before.count(")") or _OPEN_END.search(before):
        return True
    if _CONTINUING.match(line) or is_corporate_form(line):
        return True
    return (has_cjk(before[-1]) and has_cjk(line[0]) and not _ALIAS_LABEL.match(line)
            and not _ZH_NAME_END.search(before))


def _top_level_split(text: str, separator: re.Pattern[str]) -> list[str]:
    """text split where separator matches outside brackets, pieces stripped, empty ones
    dropped."""
    pieces, start = [], 0
    for m in separator.finditer(text):
        before = text[: m.start()]
        if before.count("(") + before.count("（") == before.count(")") + before.count("）"):
            pieces.append(text[start : m.start()])
            start = m.end()
    pieces.append(text[start:])
    return [p.strip(" ,，") for p in pieces if p.strip(" ,，")]


def _piece_names(piece: str) -> list[str]:
    """The names of one piece of an alias cell: its label dropped; a name and, in brackets, the
    same name in the other script (or another name after a label) both kept; any other bracket
    (a place, a country) left in the name."""
    piece = _EN_LABEL.sub("", _ALIAS_LABEL.sub("", piece.strip())).strip()
    m = _TRAILING_BRACKET.match(piece)
    if not m or not m["name"].strip():
        return [piece]
    outer, inner = m["name"].strip(), m["inner"].strip()
    if _ALIAS_LABEL.match(inner) or _EN_LABEL.match(inner):
        return [*_piece_names(outer), *alias_names(inner)]
    if (has_cjk(outer) != has_cjk(inner) and _LETTER.search(inner)
            and _country(inner) != inner and not _COUNTRY_CODE.match(inner)):
        return [*_piece_names(outer), *alias_names(inner)]
    return [piece]


def reread_aliases(aliases: list[str], names: Collection[str | None]) -> list[str]:
    """Stored aliases read again as alias_names reads a cell (an archive written before it:
    labels, several names in one, both names of a bilingual one), without the entity's own
    names; in their order."""
    found: list[str] = []
    for alias in aliases:
        found.extend(n for n in alias_names(alias) if n not in found and n not in names)
    return found


# --------------------------------------------------------------------------- tables

_HEADERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(?:序号|编号|序|no\.?|#|number|s/?n)$", re.I)),
    ("en", re.compile(r"^(?:英文名称?|外文名称?|英文全称|english(?:name)?|name\(english\)"
                      r"|nameinenglish|englishentityname)$", re.I)),
    ("zh", re.compile(r"^(?:中文名称?|中文全称|实体名称|名称|单位名称|企业名称|机构名称|实体"
                      r"|chinese(?:name)?|name\(chinese\)|nameinchinese|name|entityname)$", re.I)),
    ("country", re.compile(r"^(?:国家/地区|国家\(地区\)|国家或地区|国家、地区|国别|国家|地区"
                           r"|所属国家|所在国家|所属国家\(地区\)|country(?:/region)?"
                           r"|countryorregion)$", re.I)),
    ("address", re.compile(r"^(?:地址|注册地址|住所|所在地址|address|registeredaddress)$", re.I)),
    ("alias", re.compile(r"^(?:别名|曾用名|其他名称|又名|alias(?:es)?|alsoknownas|aka)$", re.I)),
)
_NOTE_ROW = re.compile(
    r"^(?:注|说明|备注|附注|(?i:notes?))\s*[\d一二三]*\s*[:：.、]|^[*＊†‡\u2460-\u2473]"
)
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[/,，]?\s*共\s*\d{1,3}\s*页)?"
    r"|(?i:page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)|\d{1,3}\s*/\s*\d{1,3})$"
)


@dataclass
class _Cell:
    text: str
    copied: bool = False  # a copy of a merged cell (rowspan or colspan), not its first place
    raw: str = ""  # its lines as the page breaks them (<br>, paragraphs), when not one

    @property
    def lines(self) -> str:
        """The cell's text with its line breaks (aliases: one a line)."""
        return self.raw or self.text


def _cell_raw(element: lxml.html.HtmlElement) -> str:
    """A cell's text, <br> and paragraphs as line breaks."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in element.iter("p", "div", "li"):
        block.tail = "\n" + (block.tail or "")
    return str(element.text_content())


def _cell_text(raw: str) -> str:
    """A cell's text, its lines joined as a split name is."""
    return _join_lines(raw.split("\n"))


def rows_of_html_table(html: str) -> list[list[list[_Cell]]]:
    """The tables in an HTML fragment as grids (rowspan and colspan spread, copies marked)."""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    tables = [root] if root.tag == "table" else list(root.iter("table"))
    grids = []
    for table in tables:
        grid: list[list[_Cell]] = []
        pending: dict[tuple[int, int], _Cell] = {}
        rows = [tr for tr in table.iter("tr") if tr.getparent() is not None
                and _closest_table(tr) is table]
        for r, tr in enumerate(rows):
            row: list[_Cell] = []
            c = 0
            for td in tr:
                if td.tag not in ("td", "th"):
                    continue
                while (r, c) in pending:
                    row.append(pending.pop((r, c)))
                    c += 1
                raw = _cell_raw(td)
                text = _cell_text(raw)
                raw = raw.strip() if "\n" in raw.strip() else ""
                rowspan = max(1, min(_span(td.get("rowspan")), 500))
                colspan = max(1, min(_span(td.get("colspan")), 50))
                for dc in range(colspan):
                    row.append(_Cell(text, copied=dc > 0, raw=raw))
                    for dr in range(1, rowspan):
                        pending[(r + dr, c + dc)] = _Cell(text, copied=True, raw=raw)
                c += colspan
            while (r, c) in pending:
                row.append(pending.pop((r, c)))
                c += 1
            grid.append(row)
        grids.append(grid)
    return grids


def tables_text(tables_html: list[str]) -> str:
    """The text of a body's tables (an entity list's rows), one row a line, cells by " | "
    (what the documents' search index holds beside the body)."""
    lines = []
    for html in tables_html:
        for grid in rows_of_html_table(html):
            for row in grid:
                cells = [c.text for c in row if not c.copied and c.text]
                if cells:
                    lines.append(" | ".join(cells))
    return "\n".join(lines)


def _closest_table(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(value: str | None) -> int:
    try:
        return int(value or 1)
    except ValueError:
        return 1


_ROW_SEPARATOR = re.compile(r"\s*[|｜]\s*")


def rows_of_text(text: str) -> list[list[_Cell] | str]:
    """Lines of an annex text: a row of cells (" | " or tab separated), else the line."""
    lines = [line.rstrip("\r\n") for line in (text or "").splitlines() if line.strip()]
    piped = [line.strip() for line in lines if "|" in line or "｜" in line]
    # Markdown-like rows (| a | b |) when every piped row starts and ends with a pipe.
    framed = bool(piped) and all(r[0] in "|｜" and r[-1] in "|｜" for r in piped)
    rows: list[list[_Cell] | str] = []
    for line in lines:
        if "|" in line or "｜" in line:
            cells = _ROW_SEPARATOR.split(line.strip() if framed else line)
            if framed:
                cells = cells[1:-1]
        elif "\t" in line:
            cells = line.split("\t")
        else:
            rows.append(_clean(line))
            continue
        rows.append([_Cell(_SPACE.sub(" ", c).strip()) for c in cells])
    return rows


def _header_columns(row: list[_Cell]) -> dict[str, int] | None:
    """The columns a header row names (field -> index), None when it is not a header row."""
    columns: dict[str, int] = {}
    for i, cell in enumerate(row):
        label = re.sub(r"[\s*＊:：]", "", _strip_marks(_clean(cell.text))).lower()
        label = label.replace("（", "(").replace("）", ")")
        for name, pattern in _HEADERS:
            if pattern.match(label) and name not in columns:
                columns[name] = i
                break
    if ("zh" in columns or "en" in columns) and len(columns) >= 2:
        return columns
    return None


@dataclass
class _TableState:
    """What reading one table has found so far."""

    source: str
    entities: list[ParsedEntity] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    country: str | None = None  # from a section heading (一、美国实体)
    last_number: int | None = None
    seen_numbers: set[int] = field(default_factory=set)
    restarts: int = 0


def _get(row: list[_Cell], columns: dict[str, int], name: str) -> _Cell | None:
    i = columns.get(name)
    return row[i] if i is not None and i < len(row) else None


def _is_heading(row: list[_Cell]) -> str | None:
    """The text of a heading or note row (one text across the row, or in one cell only)."""
    filled = [i for i, c in enumerate(row) if _clean(c.text)]
    texts = {_clean(row[i].text) for i in filled}
    if len(texts) != 1:
        return None
    text = texts.pop()
    spread = len(filled) > 1 and any(row[i].copied for i in filled)
    if len(row) == 1 or spread or (filled == [0] and _number(text) is None):
        return text
    return None


def _check_number(state: _TableState, number: int, row_index: int) -> None:
    """Numbering: a restart at 1 is noted, a jump or a repeat is a problem."""
    last = state.last_number
    if last is not None and number == 1 and last >= 1:
        state.restarts += 1
        state.seen_numbers = set()
    elif number in state.seen_numbers:
        state.problems.append(f"{state.source}: number {number} appears twice (row {row_index})")
    elif last is not None and number != last + 1:
        state.problems.append(
            f"{state.source}: numbering jumps from {last} to {number} (row {row_index}):"
            " a row may be missing")
    elif last is None and number != 1:
        state.problems.append(f"{state.source}: numbering starts at {number} (row {row_index})")
    state.seen_numbers.add(number)
    state.last_number = number


def _continue_entity(entity: ParsedEntity, row: list[_Cell], columns: dict[str, int]) -> None:
    """Append a continuation row's pieces (a name split over rows) to the entity before it."""
    for name, attr in (("zh", "name_zh"), ("en", "name_en"), ("address", "address"),
                       ("country", "country")):
        cell = _get(row, columns, name)
        if cell is None or cell.copied:
            continue
        piece = _value(cell.text)
        if piece:
            setattr(entity, attr, _join(getattr(entity, attr), piece))
    alias = _get(row, columns, "alias")
    if alias is not None and not alias.copied:
        entity.aliases.extend(a for a in alias_names(alias.lines) if a not in entity.aliases)


def labelled_brackets(name: str | None) -> tuple[str | None, list[str]]:
    """A name cell's name without the brackets at its end that give another name after a label
    ("戊己系统公司（原名：戊己防务公司）", "Wuji Systems Corp. (formerly Wuji Defense Corp.)"),
    and those names: aliases, as the same bracket in an announcement's body gives them."""
    aliases: list[str] = []
    while name and (m := _TRAILING_BRACKET.match(name)) and m["name"]:
        inner = _clean(m["inner"])
        if not _ALIAS_LABEL.match(inner):
            break
        aliases[:0] = alias_names(inner)
        name = m["name"].strip()
    return name, aliases


def _new_entity(row: list[_Cell], columns: dict[str, int], number: int | None,
                state: _TableState, row_index: int) -> ParsedEntity | None:
    names = {f: _value(c.text) if (c := _get(row, columns, f)) else None
             for f in ("zh", "en", "country", "address")}
    alias = _get(row, columns, "alias")
    names["zh"], former_zh = labelled_brackets(names["zh"])
    names["en"], former_en = labelled_brackets(names["en"])
    zh, en = names["zh"], names["en"]
    if zh and not has_cjk(zh) and not en and "en" not in columns:
        zh, en = None, zh  # a single name column holding an English name
    if not zh and not en:
        state.problems.append(f"{state.source}: row {row_index} has no name")
        return None
    aliases = [*former_zh, *former_en, *(alias_names(alias.lines) if alias else [])]
    return ParsedEntity(name_zh=zh, name_en=en, country=names["country"] or state.country,
                        address=names["address"], number=number,
                        aliases=list(dict.fromkeys(aliases)), source=state.source)


def parse_table_rows(rows: list[list[_Cell] | str], source: str) -> _TableState:
    """Entities from the rows of one table (HTML grid or annex text), header found first."""
    state = _TableState(source)
    columns: dict[str, int] | None = None
    header_texts: list[str] = []
    titles: set[str] = set()
    for index, row in enumerate(rows, start=1):
        if isinstance(row, str):
            _read_line(state, row, columns is not None, titles)
            continue
        if columns is None:
            columns = _header_columns(row)
            if columns is not None:
                header_texts = [_clean(c.text) for c in row]
            else:
                titles.add(_is_heading(row) or "")
            continue
        if [_clean(c.text) for c in row] == header_texts:
            continue  # the header repeated on a new page
        _read_row(state, row, columns, index)
    if columns is None and any(not isinstance(r, str) for r in rows):
        state.problems.append(
            f"{source}: no header row naming 中文名称/英文名称 (or Name): its rows were not read")
    return state


def _read_line(state: _TableState, line: str, in_table: bool, titles: set[str]) -> None:
    """A line of annex text outside the cells: a footnote, a page number, a title, or a
    surprise (a problem)."""
    if _NOTE_ROW.match(line):
        state.notes.append(line)
    elif _PAGE_NUMBER.match(line) or line in titles or not in_table:
        titles.add(line)
    else:
        state.problems.append(f"{state.source}: a line outside the table's cells: {line[:80]!r}")


def _read_row(state: _TableState, row: list[_Cell], columns: dict[str, int], index: int) -> None:
    """One row after the header: an entity, the rest of one, a heading or a footnote."""
    if not any(_clean(c.text) for c in row):
        return
    heading = _is_heading(row)
    if heading and ("number" not in columns or _number(heading) is None):
        if _NOTE_ROW.match(heading):
            state.notes.append(heading)
        else:
            state.country = _country(re.sub(r"^[一二三四五六七八九十\d]+[、.．]\s*", "", heading))
        return
    number_cell = _get(row, columns, "number")
    number = _number(number_cell.text) if number_cell else None
    if number_cell is not None and _clean(number_cell.text) and number is None:
        state.problems.append(
            f"{state.source}: row {index} has {_clean(number_cell.text)[:20]!r} as its number")
    previous = state.entities[-1] if state.entities else None
    copied_number = number_cell is not None and number_cell.copied
    if previous is not None and "number" in columns and (number is None or copied_number):
        _continue_entity(previous, row, columns)  # the rest of a name, or a merged row
        return
    if number is not None:
        _check_number(state, number, index)
    entity = _new_entity(row, columns, number, state, index)
    if entity:
        state.entities.append(entity)


# --------------------------------------------------------------------------- announcements


def list_named_in(title: str, body: str) -> tuple[ListName | None, str]:
    """The list an announcement puts entities on or takes them off, and the action
    ("listed" or "removed"); (None, "listed") when it does neither."""
    for text in (title, *split_sentences(body)):
        text = _clean(text)
        found = _listing_clause(text)
        if found:
            return found
    return None, "listed"


def _listing_clause(text: str) -> tuple[ListName, str] | None:
    """(list, action) when text says it lists or removes entities (not of another measure)."""
    if _COUNTERING.search(text) and not find_measure_numbers(text):
        return ListName.COUNTERMEASURE, "listed"
    for verb_pattern, action in ((_LISTING_VERB, "listed"), (_REMOVING_VERB, "removed")):
        for verb in verb_pattern.finditer(text):
            after = text[verb.end() : verb.end() + 20]
            listed = _list_in(after)
            if listed is None:
                continue
            clause_start = max(text.rfind(mark, 0, verb.start()) for mark in "，,。；;：:")
            before = text[clause_start + 1 : verb.start()]
            if find_measure_numbers(before) or re.search(r"被$|已$|曾$", before):
                continue  # 第13号列入…的实体 / 被列入: an earlier listing, not this one
            return listed, action
    return None


def listing_sentence(title: str, body: str) -> str | None:
    """The sentence that lists (or removes) the entities, as evidence; else the title when it
    says so; None when neither does."""
    for sentence in split_sentences(body or ""):
        if _listing_clause(_clean(sentence)):
            return sentence.strip()
    return title.strip() if title and _listing_clause(_clean(title)) else None


def _listing_paragraph(body: str) -> tuple[int, str, list[str]] | None:
    """(index, paragraph, paragraphs) of the paragraph that lists the entities."""
    paragraphs = [p for p in (_clean(p) for p in (body or "").split("\n")) if p]
    for i, paragraph in enumerate(paragraphs):
        if any(_listing_clause(s) for s in split_sentences(paragraph)):
            return i, paragraph, paragraphs
    return None


def _body_entities(body: str) -> tuple[list[ParsedEntity], int | None, str | None]:
    """(entities, count, country) named in the body's listing paragraph and the entry lines
    after it; the count and country from its "N家美国实体"."""
    found = _listing_paragraph(body)
    if found is None:
        return [], None, None
    index, paragraph, paragraphs = found
    count_match = _COUNT.search(paragraph)
    count = parse_number(count_match["n"]) if count_match else None
    country = _country(count_match["who"]) if count_match else None
    colon = _LIST_COLON.search(paragraph) or _entries_colon(paragraph)
    entry_text = paragraph[colon.end() :] if colon else ""
    if colon:
        for following in paragraphs[index + 1 :]:
            if not _ENTRY_MARK.match(following):
                break
            entry_text += "\n" + following
    entities = [e for e in parse_entries(entry_text) if _looks_like_name(e)]
    if not entities and not re.search(r"等\s*\S{1,4}\s*家", paragraph):
        entities = _inline_in(paragraph)
    return entities, count, country


_LIST_COLON = re.compile(
    rf"(?:{_LIST.pattern})(?:[^，,。；;：:]{{0,8}}?(?:如下|名单|名称))?\s*[：:]"
)
# The colon after which a listing sentence's entries follow when no list name is just before
# it ("列入反制清单，并采取以下措施：1. 示例防务公司（…）；2. …"): the first entry right after it.
_ENTRIES_FOLLOW = re.compile(r"[：:]\s*(?=1\s*[.．、]|[（(][1一][)）]|一、)")
_NOT_A_NAME = re.compile(
    r"禁止|应当|不得|采取|措施|活动|规定|申请|出口经营者|特此|负责解释"
    r"|^本(?:公告|决定|通知|办法|令)"  # 本决定自公布之日起实施 (not 日本令和精密)
    # 自 opening a date or 公布/本…: 自公布之日起 (not 自贡起重机械厂)
    r"|自\s*(?:\d|即日|本|公布|发布|印发|[一二三四五六七八九十]+月)[^，。；]{0,20}?起"
    r"|(?:实施|施行|生效)$"
    r"|\bshall\b(?!\s+[A-Z])"  # "… shall take effect", not "Shall Industries"
    r"|(?i:\bprohibit|\btakes?\s+effect\b|\bcomes?\s+into\s+(?:force|effect)\b"
    r"|\beffective\s+(?:from|on|as\s+of)\b)"
)


def _entries_colon(paragraph: str) -> re.Match[str] | None:
    """The colon after the list's name that numbered entries follow, if any."""
    named = _LIST.search(paragraph)
    return _ENTRIES_FOLLOW.search(paragraph, named.end()) if named else None


def _looks_like_name(entity: ParsedEntity) -> bool:
    """Whether an entry is a name, not a clause (一、禁止…) the same numbering introduces."""
    text = entity.name_zh or entity.name_en or ""
    return len(text) <= 100 and not _NOT_A_NAME.search(text)


def _inline_in(paragraph: str) -> list[ParsedEntity]:
    """Entities named inline in a listing sentence: 将A（a）、B（b）列入… / 对A、B采取反制措施."""
    for sentence in split_sentences(paragraph):
        verb = re.search(r"列入|移出|采取(?:相关)?反制措施", sentence)
        if not verb:
            continue
        lead = max(sentence.rfind("将", 0, verb.start()), sentence.rfind("对", 0, verb.start()))
        if lead < 0:
            continue
        span = _ANNEX_NOTE.sub("", sentence[lead + 1 : verb.start()])
        if _COUNT.search(span):
            continue  # 将X等16家实体 / 对…5家子公司: the names are listed elsewhere
        return _inline_entities(span)
    return []


def _merge(entities: list[ParsedEntity]) -> list[ParsedEntity]:
    """Entities once each (same key of the Chinese or English name), fields filled in."""
    merged: list[ParsedEntity] = []
    by_key: dict[str, ParsedEntity] = {}
    for entity in entities:
        keys = [k for k in (name_key(entity.name_zh or ""), name_key(entity.name_en or "")) if k]
        known = next((by_key[k] for k in keys if k in by_key), None)
        if known is None:
            merged.append(entity)
            known = entity
        else:
            for attr in ("name_zh", "name_en", "country", "address", "number"):
                if getattr(known, attr) is None:
                    setattr(known, attr, getattr(entity, attr))
            known.aliases.extend(a for a in entity.aliases if a not in known.aliases)
            known.notes.extend(n for n in entity.notes if n not in known.notes)
        for k in keys:
            by_key.setdefault(k, known)
    return merged


def _keys(entity: ParsedEntity) -> set[str]:
    return {k for k in (name_key(entity.name_zh or ""), name_key(entity.name_en or "")) if k}


def _reconciled(entities: list[ParsedEntity], table_entities: list[ParsedEntity],
                stated: int | None, problems: list[str]) -> list[ParsedEntity]:
    """The entities, strictly: when the count the text states disagrees with them but the
    tables and annexes alone give that count, the body's entries they do not name are no names
    (a clause numbered like the entries, "二、本决定自公布之日起实施"): left out, as a problem."""
    if stated is None or len(entities) == stated or not table_entities:
        return entities
    tabled = set().union(*(_keys(e) for e in table_entities))
    extra = [e for e in entities if not _keys(e) & tabled]
    if not extra or len(entities) - len(extra) != stated:
        return entities
    names = ", ".join(repr((e.name_zh or e.name_en or "")[:60]) for e in extra)
    problems.append(f"states {stated} entities, as its tables give; left out {len(extra)} "
                    f"numbered entr{'y' if len(extra) == 1 else 'ies'} of the body that "
                    f"{'is' if len(extra) == 1 else 'are'} not in them: {names}")
    return [e for e in entities if not any(e is x for x in extra)]


def parse_designations(title: str, body: str, tables_html: list[str] | None = None,
                       annex_texts: list[str] | None = None) -> ParsedListing:
    """The list, the entities and the stated count of a listing (or removal) announcement."""
    list_name, action = list_named_in(title or "", body or "")
    problems: list[str] = []
    notes: list[str] = []
    if list_name is None:
        return ParsedListing(None, [], None, [], action)
    body_entities, body_count, country = _body_entities(body or "")
    table_entities: list[ParsedEntity] = []
    sources = [(f"table {i}", rows) for i, html in enumerate(tables_html or [], start=1)
               for rows in rows_of_html_table(html)]
    sources += [(f"annex {i}", rows_of_text(text))
                for i, text in enumerate(annex_texts or [], start=1)]
    for source, rows in sources:
        if not rows:
            continue
        state = parse_table_rows(rows, source)
        table_entities.extend(state.entities)
        problems.extend(state.problems)
        notes.extend(state.notes)
    entities = _merge(body_entities + table_entities)
    for entity in entities:
        entity.name_zh = normalize_name(entity.name_zh) if entity.name_zh else None
        entity.name_en = normalize_name(entity.name_en) if entity.name_en else None
        entity.country = normalize_name(entity.country) if entity.country else country
        entity.address = _plain(entity.address)
    title_counts = [parse_number(m["n"]) for m in _COUNT.finditer(_clean(title or ""))]
    stated = title_counts[0] if title_counts else body_count
    if title_counts and body_count is not None and title_counts[0] != body_count:
        problems.append(f"the title states {title_counts[0]} entities, the body {body_count}")
    entities = _reconciled(entities, table_entities, stated, problems)
    if stated is not None and stated != len(entities):
        problems.append(f"states {stated} entities, found {len(entities)} (those found kept)")
    if not entities:
        where = ("the names are in an annex that was not read"
                 if _ANNEX_REFERENCE.search(body or "") and not sources else "no entity found")
        problems.append(f"a {list_name.value} announcement: {where}")
    return ParsedListing(list_name.value, entities, stated, problems, action, notes)


# --------------------------------------------------------------------------- lifecycle

_LIFECYCLE_VERBS: tuple[tuple[EventKind, str], ...] = (
    (EventKind.SUSPENSION_CONTINUED,
     r"继续暂停(?:实施|执行|适用)?|(?i:\bcontinu(?:e|es|ed)\s+(?:to\s+suspend|the\s+suspension)"
     r"|\bextend(?:s|ed)?\s+the\s+suspension)"),
    (EventKind.SUSPENDED,
     r"暂停(?:实施|执行|适用)?|暂缓(?:实施|执行)|(?i:\bsuspend(?:s|ed|ing)?\b)"),
    (EventKind.RESUMED, r"恢复(?:实施|执行|适用)|(?i:\bresum(?:e|es|ed|ing)\b)"),
    (EventKind.REVOKED,
     r"停止执行|停止实施|不再执行|不再实施|解除(?:相关)?(?:措施|处理措施)"
     r"|(?i:\bstop(?:s|ped)?\s+(?:implementing|the\s+implementation)|\blift(?:s|ed)?\b)"),
    (EventKind.REMOVED_FROM_LIST, r"移出|(?i:\bremov(?:e|es|ed|ing)\b)"),
)
_LIFECYCLE = re.compile("|".join(f"(?P<{k.name}>{p})" for k, p in _LIFECYCLE_VERBS))
_TITLES = re.compile(r"《[^《》]*》|关于[^，。；]{0,120}?的(?:公告|决定|通知)")
_LISTED_ON = re.compile(r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:被|已)?\s*列入")
_SUSPENSIONS = {EventKind.SUSPENDED, EventKind.SUSPENSION_CONTINUED}
# Sentences about designations name a list or the entities (实体, 企业, 子公司, entities).
_ABOUT_ENTITIES = re.compile(
    rf"{_LIST.pattern}|实体|企业|子公司|(?i:\bentit(?:y|ies)\b|\bcompanies\b|\bfirms\b)"
)


def _masked(sentence: str) -> str:
    """The sentence with titles blanked out (same length): their verbs are not operative."""
    return _TITLES.sub(lambda m: " " * len(m.group()), sentence)


@dataclass
class _Token:
    start: int
    end: int
    measure: str | None = None
    kind: EventKind | None = None


def _tokens(sentence: str, masked: str, own_id: str | None) -> list[_Token]:
    """Measure numbers and lifecycle verbs of a sentence, in order."""
    tokens = [_Token(n.start, n.start + len(n.text), measure=n.id)
              for n in find_measure_numbers(sentence) if n.id != own_id]
    for m in _LIFECYCLE.finditer(masked):
        tokens.append(_Token(m.start(), m.end(), kind=EventKind[m.lastgroup or ""]))
    return sorted(tokens, key=lambda t: t.start)


def _pairs(tokens: list[_Token]) -> list[tuple[list[_Token], _Token]]:
    """Numbers paired with the verb that governs them: the first verb after them, or, for
    numbers after a verb with none after them ("suspend No. 21"), the verb before."""
    pairs: list[tuple[list[_Token], _Token]] = []
    pending: list[_Token] = []
    verb_before: _Token | None = None
    for token in tokens:
        if token.measure:
            pending.append(token)
        elif pending:
            pairs.append((pending, token))
            pending, verb_before = [], None
        else:
            verb_before = token
    if pending and verb_before is not None:
        pairs.append((pending, verb_before))
    return pairs


_ORGANISATION = re.compile(
    r"(?:公司|集团|大学|学院|研究所|研究院|研究中心|实验室|中心|机构|协会|基金会|株式会社|组织|银行"
    r"|论坛|工厂|分部|部门)$"
)


def _is_named(entity: ParsedEntity) -> bool:
    """Whether an entity read from a lifecycle sentence is a name (an English name given in
    brackets, or a Chinese name ending like an organisation's), not words of the sentence."""
    zh = entity.name_zh or ""
    return bool(entity.name_en and zh) or bool(_ORGANISATION.search(zh))


def _named_entities(between: str) -> list[ParsedEntity]:
    """Entities a sentence names between a listing's number and the verb (X公司等3家), if any."""
    text = re.split(r"[，,；;：:]", between.strip(), maxsplit=1)[0]
    if not has_cjk(text):
        return []
    text = re.sub(rf"^.*?(?:所列|中|项下|列入|(?:{_LIST.pattern}))的?", "", text)
    text = re.sub(r"^(?:全部|所有|相关|上述)", "", text)
    text = re.sub(r"等?\s*[\d一二两三四五六七八九十百]{1,4}\s*(?:家|个|名)\S*$", "", text)
    text = text.strip(" ，,的")
    if not text:
        return []
    entities = _inline_entities(text)
    return entities if entities and all(_is_named(e) for e in entities) else []


def _dates(segment: str, sentence: str, start_default: str | None
           ) -> tuple[str | None, str | None, bool, str | None]:
    """(date, until, until_computed, duration words) of a lifecycle segment."""
    start, _ = sentence_start(sentence, start_default)
    until = written_end(segment) or written_end(sentence)
    if until:
        return start, until, False, None
    durations = [d for d in find_durations(segment, start) if d.kind == "period"]
    if not durations:
        durations = [d for d in find_durations(sentence, start) if d.kind == "period"]
    if durations:
        return start, durations[0].end, True, durations[0].text
    return start, None, False, None


def _clauses_events(sentence: str, published: str | None, own_id: str | None
                    ) -> dict[str, list[MeasureEvent]]:
    """What pipelines.clauses reads from the sentence for the measures it names."""
    return other_measure_events(sentence, published, own_id)


def _sentence_events(sentence: str, published: str | None, own_id: str | None,
                     start_default: str | None, listings: Collection[str] = ()
                     ) -> list[ListingEvent]:
    masked = _masked(sentence)
    named = {n.id for n in find_measure_numbers(sentence)}
    if not _ABOUT_ENTITIES.search(masked) and not named & set(listings):
        return []  # a measure's own lifecycle (No. 70, No. 72): pipelines.clauses reads it
    from_clauses = _clauses_events(sentence, start_default or published, own_id)
    events: list[ListingEvent] = []
    tokens = _tokens(sentence, masked, own_id)
    listed_on = _LISTED_ON.search(sentence)
    if not any(t.measure for t in tokens) and listed_on and any(t.kind for t in tokens):
        # "2025年4月4日被列入出口管制管控名单的16家美国实体，继续暂停…": no number.
        verb = next(t for t in tokens if t.kind)
        tokens = [_Token(listed_on.start(), listed_on.end()), verb]
        pairs = [([tokens[0]], verb)]
    else:
        pairs = _pairs(tokens)
    for numbers, verb in pairs:
        kind = verb.kind
        if kind is None:
            continue
        lo = min(n.start for n in numbers + [verb])
        hi = max(n.end for n in numbers + [verb])
        segment_end = _segment_end(sentence, hi)
        segment = sentence[lo:segment_end]
        list_name = _list_in(sentence)
        between = sentence[numbers[-1].end : verb.start] if verb.start > numbers[-1].end else ""
        named = _named_entities(_masked(between))
        count = _COUNT.search(sentence[lo:segment_end] if not between else between)
        date, until, computed, words = _dates(segment, sentence, start_default)
        for number in numbers:
            known = from_clauses.get(number.measure or "", [])
            same = [e for e in known if e.kind in (kind.value, EventKind.PARTIALLY_SUSPENDED)]
            if same and not named:
                date, until = same[0].date, same[0].until or until
            events.append(ListingEvent(
                measure=number.measure, kind=kind.value, date=date,
                until=until if kind in _SUSPENSIONS else None,
                until_computed=computed and kind in _SUSPENSIONS,
                duration=words if kind in _SUSPENSIONS else None, by_measure=own_id,
                list_name=list_name.value if list_name else None, entities=named,
                count=parse_number(count["n"]) if count else None,
                listed_on=_iso_zh(listed_on["date"]) if listed_on and not number.measure
                else None,
                sentence=sentence))
    if not pairs:
        events.extend(_named_removals(sentence, masked, start_default, own_id))
    return events


def _segment_end(sentence: str, at: int) -> int:
    """Where the comma-separated part of a sentence holding position `at` ends."""
    ends = [i for i in (sentence.find(mark, at) for mark in "，,；;。") if i >= 0]
    return min(ends, default=len(sentence))


def _iso_zh(written: str) -> str | None:
    found = find_dates(written)
    return found[0] if found else None


def _named_removals(sentence: str, masked: str, start_default: str | None,
                    own_id: str | None) -> list[ListingEvent]:
    """将X公司（X Inc.）、Y公司移出不可靠实体清单: named entities, no measure number."""
    m = re.search(r"将(?P<names>.+?)(?P<verb>移出)(?P<list>[^，。；]{0,12})", masked)
    if not m:
        return []
    list_name = _list_in(m["list"])
    if list_name is None:
        return []
    entities = _inline_entities(sentence[m.start("names") : m.end("names")])
    if not entities or not all(_is_named(e) for e in entities):
        return []
    start, _ = sentence_start(sentence, start_default)
    return [ListingEvent(measure=None, kind=EventKind.REMOVED_FROM_LIST.value, date=start,
                         by_measure=own_id, list_name=list_name.value, entities=entities,
                         sentence=sentence)]


def listing_events(body: str, published: str | None, own_id: str | None,
                   effective: str | None = None, listings: Collection[str] = ()
                   ) -> list[ListingEvent]:
    """Changes a text makes to the designations of earlier listings (see the module
    docstring). Read are the sentences that name a list or entities (实体, 企业, entities), and
    those that name one of `listings` (ids of measures known to list entities). A sentence
    without its own start date starts on `effective` (default: the text's own earliest
    effective date, pipelines.clauses), else on `published`."""
    start_default = effective or earliest_effective(own_events(body, published)) or published
    events: list[ListingEvent] = []
    for sentence in split_sentences(body):
        events.extend(_sentence_events(sentence, published, own_id, start_default, listings))
    return events


def unread_listing_sentences(body: str) -> list[str]:
    """Sentences that name a list and a lifecycle verb but from which no event was read."""
    unread = []
    for sentence in split_sentences(body):
        masked = _masked(sentence)
        if not (_LIST.search(masked) or "实体" in masked) or not _LIFECYCLE.search(masked):
            continue
        if not _sentence_events(sentence, "2000-01-01", None, "2000-01-01"):
            unread.append(sentence)
    return unread


def computed_until(event: Mapping[str, Any]) -> str | None:
    """How a suspension's last day was computed ("一年 from 2025-11-10"), from an event's
    `until`, `date`, `sentence` (and `duration`, when recorded); None when the sentence writes
    its end (a written end always wins) or there is no end."""
    until, start, sentence = event.get("until"), event.get("date"), event.get("sentence") or ""
    if not until or not start or written_end(sentence):
        return None
    if event.get("duration"):
        return f"{event['duration']} from {start}"
    for duration in find_durations(sentence, start):
        if duration.kind == "period" and duration.end == until:
            return f"{duration.text} from {start}"
    return None


def with_source(listing: ParsedListing, where: str) -> ParsedListing:
    """The listing with its problem lines prefixed by where (e.g. the announcement)."""
    return replace(listing, problems=[f"{where}: {p}" for p in listing.problems])
