"""Controlled items in announcement and annex text: control-list codes, HS codes, descriptions.

`find_controlled_items(text)` reads the text line by line (as pipelines.annex_text writes it:
table rows with cells separated by " | ", `[sheet]` and `== member ==` headings) and returns one
`ControlledItem` per (control-list code, HS code) pair a line defines, with the item's Chinese and
English descriptions and the clause it sits under (e.g. `一、（一）1.`).

What counts as defining an item, and what is only a reference:
- a control-list code (ECCN-like: digit, letter A-E, three digits, optional `.a`, `.a.1`) at the
  start of a line or its own table cell, or in brackets after 物项编码/管制编码/ECCN; a letter
  line (`a.`) under a code line defines `<code>.a`. A code in running text
  (出口第一条所列1C902物项的) is a reference and is not returned;
- an HS code (8 or 10 digits, dots allowed: 2805.30.11.00, `ex` prefix dropped) after 海关商品编号,
  商品编号/编码, 税则号列, HS (编码), or in a table column headed so;
- in a list (the text's first lines name a 清单 or 目录, not a 名单 of entities), a numbered line
  without codes that is neither a heading (followed by deeper items) nor a sentence (ends 。).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

CODE = r"[0-9][A-E][0-9]{3}(?:\.[a-z](?:\.[0-9]{1,2})?)?"
_CODE = re.compile(rf"(?<![0-9A-Za-z.])({CODE})(?![0-9A-Za-z])")
_CODE_AT_START = re.compile(rf"({CODE})(?![0-9A-Za-z.])\s*[：:]?\s*")
_HS_NUMBER = r"(?:ex\s*)?\d{4}(?:\.?\d{2}){2}(?:\.?\d{2})?(?![\d.]?\d)"
_HS_KEYWORD = (r"(?:参考)?(?:海关商品编号|海关商品编码|商品编号|商品编码|海关编码|海关编号|"
               r"税则号列|税则号|税号|HS\s*(?:编码|编号)?|(?:reference\s+)?HS\s+codes?|"
               r"(?:reference\s+)?HS)")
_HS_AFTER_KEYWORD = re.compile(
    rf"{_HS_KEYWORD}\s*(?:为|是)?\s*[：:]?\s*((?:{_HS_NUMBER})(?:\s*(?:[、,，/;；]|和|及|and)\s*"
    rf"(?:{_HS_NUMBER}))*)", re.I)
_HS_IN_LIST = re.compile(_HS_NUMBER, re.I)
_HS_CELL = re.compile(rf"\s*{_HS_NUMBER}\s*", re.I)
_CODE_KEYWORD = re.compile(
    rf"(?:物项编码|管制编码|物项代码|管制编号|编码|ECCN|control(?:\s+list)?\s+(?:code|number)|"
    rf"item\s+code)s?\s*[：:]?\s*({CODE}(?:\s*(?:[、,，/]|和|及|and)\s*{CODE})*)(?![0-9A-Za-z])",
    re.I)
_BRACKETS = re.compile(r"[（(]([^（）()]*)[）)]")

_ZH_NUMERAL = "一二三四五六七八九十百"
_LABELS = [  # (level, pattern): the label of a numbered line, outermost level first
    (0, re.compile(rf"(第[{_ZH_NUMERAL}\d]+(?:部分|章|节|条))\s*")),
    (1, re.compile(rf"([{_ZH_NUMERAL}]+、)\s*")),
    (1, re.compile(r"([IVX]+\.)\s+")),
    (2, re.compile(rf"([（(][{_ZH_NUMERAL}]+[）)])\s*")),
    (2, re.compile(r"(\([IVX]+\))\s*")),
    (3, re.compile(r"(\d{1,3}[.．、])(?!\d)\s*")),
    (4, re.compile(r"([（(]\d{1,3}[）)]|\d{1,3}[）)])\s*")),
]
_LETTER = re.compile(r"([a-z])[.．)）]\s*|[（(]([a-z])[）)]\s*")
LETTER_LEVEL = 5

_TERMINAL = tuple("。；;：:！？!?")
_CJK = re.compile(r"[\u3400-\u9fff]")
_TRAILING = " \t。；;，,：:."
_AS_FOLLOWS = re.compile(r"(?:[，,]?\s*(?:具体)?如下|,?\s*as follows)\s*[：:]?\s*$", re.I)
_ENGLISH_TAIL = re.compile(r"[A-Za-z][A-Za-z0-9 ,;:()/&'.\-]*")
_LIST_TITLE = re.compile(r"清单|目录|control list", re.I)
_ENTITY_TITLE = re.compile(r"名单|实体|entit", re.I)
_SECTION = re.compile(r"\[[^\]|]{1,80}\]|== .+ ==")

_HEADER_ROLES = [  # (role, pattern) checked in order against a table's header cell
    ("hs", re.compile(r"海关商品编|商品编[号码]|海关编[码号]|税则号|税号|\bHS\b", re.I)),
    ("code", re.compile(r"编码|代码|ECCN|\bcode\b", re.I)),
    ("seq", re.compile(r"序号|^No\.?$", re.I)),
    ("en", re.compile(r"英文|English", re.I)),
    ("zh", re.compile(r"名称|描述|物项|中文|说明|Description|Item", re.I)),
]


@dataclass(frozen=True)
class ControlledItem:
    code: str | None  # control-list code, e.g. 1C902.a
    hs_code: str | None  # digits only, 8 or 10
    description_zh: str | None
    description_en: str | None
    clause: str | None  # the numbered clauses it sits under, e.g. 一、（一）1.
    line: str  # the text it was read from (a wrapped item's lines joined)
    line_no: int  # 1-based, the first line of `line` in the text


@dataclass
class _Line:
    text: str
    number: int
    label: str | None = None
    level: int | None = None
    rest: str = ""
    is_row: bool = False


@dataclass
class _State:
    in_list: bool = False
    clauses: dict[int, str] = field(default_factory=dict)
    parent_code: str | None = None
    header: list[str] | None = None

    def clause(self) -> str | None:
        labels = [self.clauses[level] for level in sorted(self.clauses)]
        return join_labels(labels) or None


def find_controlled_items(text: str, *, in_list: bool | None = None) -> list[ControlledItem]:
    """Every controlled item the text defines, in order (see the module's docstring).

    `in_list` forces (True) or forbids (False) reading numbered lines without codes as items;
    by default the text's first lines decide.
    """
    items: list[ControlledItem] = []
    for section in split_sections(text):
        items += _section_items(section, in_list)
    return items


def split_sections(text: str) -> list[list[_Line]]:
    """Logical lines (wrapped item lines joined) grouped by `[sheet]` / `== member ==` headings."""
    sections: list[list[_Line]] = [[]]
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped:
            continue
        if _SECTION.fullmatch(stripped):
            sections.append([_Line(stripped, number)])
            continue
        line = parse_line(stripped, number)
        previous = sections[-1][-1] if sections[-1] else None
        if previous and _continues(previous, line):
            joined = join_wrapped(previous.text, line.text)
            sections[-1][-1] = parse_line(joined, previous.number)
        else:
            sections[-1].append(line)
    return [section for section in sections if section]


def parse_line(text: str, number: int) -> _Line:
    if " | " in text:
        return _Line(text, number, is_row=True)
    for level, pattern in _LABELS:
        match = pattern.match(text)
        if match:
            return _Line(text, number, match.group(1).strip(), level, text[match.end():])
    letter = _LETTER.match(text)
    if letter and not _CODE_AT_START.match(text):
        label = letter.group(0).strip()
        return _Line(text, number, label, LETTER_LEVEL, text[letter.end():])
    return _Line(text, number, rest=text)


def _continues(previous: _Line, line: _Line) -> bool:
    """A wrapped item: the item line did not end, and this line is neither a new item nor a note."""
    starts_item = previous.label is not None or bool(_CODE_AT_START.match(previous.rest))
    return (starts_item and not previous.is_row and not line.is_row and line.label is None
            and not _CODE_AT_START.match(line.text) and not previous.text.endswith(_TERMINAL)
            and not line.text.startswith(("（", "(", "[", "==")))


def join_wrapped(first: str, second: str) -> str:
    if _CJK.match(second[:1]) or _CJK.match(first[-1:]) or first.endswith(("，", "、")):
        return first + second
    return f"{first} {second}"


def join_labels(labels: list[str]) -> str:
    """Clause labels as one string: 一、（一）1. / 第一部分 1. / I. (I) 1."""
    out = ""
    for label in labels:
        if out and not out.endswith(("、", "）", "】")):
            out += " "
        out += label
    return out


def is_item_list(lines: list[_Line]) -> bool:
    """The text is a list of items: its first lines name a 清单 / 目录, not a 名单 of entities."""
    head = " ".join(line.text for line in lines[:3])
    return bool(_LIST_TITLE.search(head)) and not _ENTITY_TITLE.search(head)


def _section_items(lines: list[_Line], in_list: bool | None) -> list[ControlledItem]:
    state = _State(in_list=is_item_list(lines) if in_list is None else in_list)
    items: list[ControlledItem] = []
    for index, line in enumerate(lines):
        if _SECTION.fullmatch(line.text):
            continue
        if line.is_row:
            items += _row_items(line, state)
            continue
        state.header = None
        following = lines[index + 1] if index + 1 < len(lines) else None
        items += _line_items(line, state, following)
    return items


# --------------------------------------------------------------------------- numbered lines


def _line_items(line: _Line, state: _State, following: _Line | None) -> list[ControlledItem]:
    rest = line.rest
    code = None
    start = _CODE_AT_START.match(rest)
    if line.level == LETTER_LEVEL and state.parent_code:
        code = f"{state.parent_code}.{line.label.strip('.．)）（(')}"
    elif line.level is not None:
        state.clauses = {k: v for k, v in state.clauses.items() if k < line.level}
        state.clauses[line.level] = line.label
        if line.level != LETTER_LEVEL:
            state.parent_code = None
    if start:
        code = start.group(1)
        rest = rest[start.end():]
        state.parent_code = code if "." not in code else None
    codes = [code] if code else []
    description, bracket_codes, hs_codes = strip_defining_brackets(rest)
    codes += [c for c in bracket_codes if c not in codes]
    hs_codes += [hs for hs in hs_after_keywords(description) if hs not in hs_codes]
    if hs_codes:
        description = _HS_AFTER_KEYWORD.sub("", description)
    description = clean_description(description)
    if not codes and not hs_codes:
        if not (state.in_list and _is_uncoded_item(line, description, following)):
            return []
    zh, en = split_languages(description)
    return [ControlledItem(c, hs, zh, en, state.clause(), line.text, line.number)
            for c in (codes or [None]) for hs in (hs_codes or [None])]


def _is_uncoded_item(line: _Line, description: str, following: _Line | None) -> bool:
    """A numbered line of a list that is an item: not a heading, not a sentence."""
    if line.level is None or line.level == 0 or not description:
        return False
    if line.text.endswith(_TERMINAL):
        return False
    if following is None:
        return True
    deeper = following.level is not None and following.level > line.level
    coded = bool(_CODE_AT_START.match(following.rest or following.text))
    return not (deeper or following.is_row or coded)


def strip_defining_brackets(text: str) -> tuple[str, list[str], list[str]]:
    """The text without the brackets that define codes (物项编码：…；海关商品编号：…);
    the control-list and HS codes found in them."""
    codes: list[str] = []
    hs_codes: list[str] = []

    def take(match: re.Match) -> str:
        inside = match.group(1)
        found = [code for m in _CODE_KEYWORD.finditer(inside)
                 for code in _CODE.findall(m.group(1))]
        if not found and _CODE_AT_START.fullmatch(inside.strip() + " "):
            found = [inside.strip()]
        hs = hs_after_keywords(inside)
        if not found and not hs:
            return match.group(0)
        codes.extend(c for c in found if c not in codes)
        hs_codes.extend(h for h in hs if h not in hs_codes)
        return ""

    return _BRACKETS.sub(take, text), codes, hs_codes


def hs_after_keywords(text: str) -> list[str]:
    found: list[str] = []
    for match in _HS_AFTER_KEYWORD.finditer(text):
        for number in _HS_IN_LIST.findall(match.group(1)):
            digits = normalize_hs(number)
            if digits and digits not in found:
                found.append(digits)
    return found


def normalize_hs(text: str) -> str | None:
    """8 or 10 digits, without dots or an `ex` prefix; None for anything else."""
    digits = re.sub(r"^ex\s*|\.", "", text.strip(), flags=re.I)
    return digits if digits.isdigit() and len(digits) in (8, 10) else None


def clean_description(text: str) -> str:
    text = _AS_FOLLOWS.sub("", " ".join(text.split()))
    return text.rstrip(_TRAILING).strip()


def split_languages(description: str) -> tuple[str | None, str | None]:
    """(Chinese, English): an English tail after the last Chinese character is the English."""
    if not description:
        return None, None
    cjk = list(_CJK.finditer(description))
    if not cjk:
        return None, description
    end = cjk[-1].end()
    while end < len(description) and description[end] in "）】》”":
        end += 1
    tail = description[end:].strip()
    if _ENGLISH_TAIL.fullmatch(tail) and len(re.findall(r"[A-Za-z]{2,}", tail)) >= 2:
        return description[:end].strip(), tail
    return description, None


# --------------------------------------------------------------------------- table rows


def _row_items(line: _Line, state: _State) -> list[ControlledItem]:
    cells = [cell.strip() for cell in line.text.split(" | ")]
    if state.header is None and _is_header(cells):
        state.header = [header_role(cell) for cell in cells]
        return []
    roles = state.header or [None] * len(cells)
    code = next((cell for cell, role in zip(cells, roles, strict=False)
                 if _CODE_AT_START.fullmatch(cell + " ") and role in (None, "code")), None)
    hs_codes = [normalize_hs(cell) for cell, role in zip(cells, roles, strict=False)
                if _HS_CELL.fullmatch(cell) and (role == "hs" or (role is None and code))]
    hs_codes = [hs for hs in hs_codes if hs]
    if not code and not hs_codes:
        return []
    zh = en = None
    for cell, role in zip(cells, roles, strict=False):
        if role in ("seq", "hs", "code") or cell == code or _HS_CELL.fullmatch(cell):
            continue
        if re.fullmatch(r"\d{1,4}", cell):
            continue
        if zh is None and _CJK.search(cell) and role in (None, "zh"):
            zh = clean_description(cell)
        elif en is None and not _CJK.search(cell) and re.search("[A-Za-z]{2,}", cell) \
                and role in (None, "en", "zh"):
            en = clean_description(cell)
    return [ControlledItem(code, hs, zh, en, state.clause(), line.text, line.number)
            for hs in (hs_codes or [None])]


def _is_header(cells: list[str]) -> bool:
    if any(_CODE_AT_START.fullmatch(cell + " ") or _HS_CELL.fullmatch(cell) for cell in cells):
        return False
    return sum(header_role(cell) is not None for cell in cells) >= 2


def header_role(cell: str) -> str | None:
    return next((role for role, pattern in _HEADER_ROLES if pattern.search(cell)), None)


# --------------------------------------------------------------------------- two lists compared

ITEM_FIELDS = ("code", "hs_code", "description_zh", "description_en")
_FIELD_NAMES = {"code": "code", "hs_code": "HS", "description_zh": "", "description_en": "English"}
SUMMARY_PARTS = 6  # a summary names at most this many item changes (the diff has them all)


def item_label(row: dict[str, Any]) -> str:
    """How a report names an item: its control-list code, else its clause and description, else
    its HS code."""
    if row.get("code"):
        return row["code"]
    described = " ".join(p for p in (row.get("clause"), row.get("description_zh")
                                     or row.get("description_en")) if p)
    return described or (f"HS {row['hs_code']}" if row.get("hs_code") else "an item")


def compare_item_lists(before: list[dict[str, Any]], after: list[dict[str, Any]]
                       ) -> dict[str, Any]:
    """What changed between two versions' controlled items (rows of controlled_items, or rows
    as pipelines.originals reads them): `added` and `removed` items, `changed` ones (the same
    code, or the same clause for items without codes, with another HS code or description:
    each field before and after), `lines` saying each, `summary` naming them in one line.
    A renumbered clause or a moved line alone is no change. Empty ({}) when nothing changed."""
    old = [_plain(row) for row in before]
    new = [_plain(row) for row in after]
    for row in list(old):  # the same item on both lists (a multiset: one match each)
        twin = next((n for n in new if _key(n) == _key(row)), None)
        if twin is not None:
            old.remove(row)
            new.remove(twin)
    pairs = _pair(old, new, lambda r: r["code"]) + _pair(
        old, new, lambda r: None if r["code"] else r["clause"])
    if not (old or new or pairs):
        return {}
    changed = [{"item": b["code"] or b["clause"] or item_label(b), "fields": {
        f: {"before": b[f], "after": a[f]} for f in ITEM_FIELDS if b[f] != a[f]},
        "before": b, "after": a} for b, a in pairs]
    lines = [_changed_line(c) for c in changed]
    lines += [f"removed: {_described(r)}" for r in old]
    lines += [f"added: {_described(r)}" for r in new]
    parts = [_changed_line(c) for c in changed]
    for word, rows in (("removed", old), ("added", new)):
        if rows:
            parts.append(f"{word}: " + ", ".join(item_label(r) for r in rows))
    summary = "; ".join(parts[:SUMMARY_PARTS])
    if len(parts) > SUMMARY_PARTS:
        summary += f"; and {len(parts) - SUMMARY_PARTS} more"
    return {"added": new, "removed": old, "changed": changed, "lines": lines,
            "summary": summary}


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in (*ITEM_FIELDS, "clause")}


def _key(row: dict[str, Any]) -> tuple:
    return tuple(row[f] for f in ITEM_FIELDS)


def _pair(old: list[dict[str, Any]], new: list[dict[str, Any]], key: Any
          ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Rows of both lists with the same key (not None), in order, taken out of the lists."""
    pairs = []
    for row in list(old):
        if key(row) is None:
            continue
        twin = next((n for n in new if key(n) == key(row)), None)
        if twin is not None:
            old.remove(row)
            new.remove(twin)
            pairs.append((row, twin))
    return pairs


def _changed_line(change: dict[str, Any]) -> str:
    said = []
    for name_of, values in change["fields"].items():
        name = _FIELD_NAMES[name_of]
        before, after = values["before"] or "(none)", values["after"] or "(none)"
        said.append(f"{name + ' ' if name else ''}{before} → {after}")
    return f"{change['item']}: {', '.join(said)}"


def _described(row: dict[str, Any]) -> str:
    """An item in full: its label, its description (when the label is its code) and HS code."""
    text = item_label(row)
    if row.get("code") and (row.get("description_zh") or row.get("description_en")):
        text += f" {row.get('description_zh') or row.get('description_en')}"
    if row.get("hs_code") and not text.startswith("HS "):
        text += f" (HS {row['hs_code']})"
    return text
