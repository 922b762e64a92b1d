"""Announcement numbers → canonical measure ids (`<SERIES>-<YEAR>-<NUMBER>`, docs/REFERENCE.md).

`商务部公告2025年第61号` = `MOFCOM Announcement No. 61 of 2025` = `MOFCOM-2025-61`. Joint MOFCOM +
Customs announcements are in MOFCOM's series with both issuers; Customs' own series is `GACC`;
the Unreliable Entity List working mechanism's is `UEL`. The forms understood: docs/RULES.md.

Parsing works on an NFKC-normalized copy of the text (full-width digits, brackets and spaces become
ASCII) and maps every match back to the offsets of the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipelines.nfkc import changing_characters
from pipelines.vocab import ISSUER_NAMES_ZH, SERIES_ISSUERS, Issuer, Series

__all__ = ["MeasureNumber", "find_measure_numbers", "find_unattributed_numbers", "parse_measure_id"]

_YEAR = r"(?:19|20)\d{2}"
_MAX_RANGE = 50  # a range `Nos. 55-58` longer than this is not an announcement list
_SERIES_DEFAULT_ISSUER = {
    Series.MOFCOM: Issuer.MOFCOM,
    Series.GACC: Issuer.GACC,
    Series.UEL: Issuer.UEL_WM,
}


@dataclass(frozen=True)
class MeasureNumber:
    """One reference to a numbered announcement, as found in a text."""

    series: str  # pipelines.vocab.Series value
    year: int
    number: int
    issuers: tuple[str, ...]  # pipelines.vocab.Issuer values, in the order the text names them
    text: str  # the matched span of the input (the first of a list starts at its issuer)
    start: int  # offset of `text` in the input
    title: str | None = None  # a title given in brackets right after the number

    @property
    def id(self) -> str:
        """The canonical measure id, e.g. `MOFCOM-2025-61`."""
        return f"{self.series}-{self.year}-{self.number}"


# --------------------------------------------------------------------------- normalization


@lru_cache(maxsize=65536)
def _nfkc(ch: str) -> str:
    """One character NFKC-normalized (itself when normalization would drop it)."""
    return unicodedata.normalize("NFKC", ch) or ch


@dataclass(frozen=True)
class _Normalized:
    """An NFKC copy of a text and, for every character of the copy, its offset in the original."""

    original: str
    text: str
    offsets: Sequence[int]

    @classmethod
    def of(cls, original: str) -> _Normalized:
        """Character by character; when every character stays one character (the usual case,
        full-width punctuation included), one translate() and offsets that are the identity."""
        if original.isascii():
            return cls(original, original, range(len(original)))
        changed = {ch: norm for ch in changing_characters(original)
                   if (norm := _nfkc(ch)) != ch}
        if all(len(norm) == 1 for norm in changed.values()):
            text = original  # one str.replace per character (NFKC is idempotent: no chains)
            for ch, norm in changed.items():
                text = text.replace(ch, norm)
            return cls(original, text, range(len(original)))
        chars: list[str] = []
        offsets: list[int] = []
        for i, ch in enumerate(original):
            norm = _nfkc(ch)
            chars.append(norm)
            offsets.extend([i] * len(norm))
        return cls(original, "".join(chars), tuple(offsets))

    def with_arabic_numerals(self) -> _Normalized:
        """The copy with a number or a year in Chinese numerals (第六十一号, 二〇二五年) in digits;
        the digits of one stand at its first character's offset, the last at its last one's."""
        if not _ZH_NUMERALS.search(self.text):
            return self
        chars: list[str] = []
        offsets: list[int] = []
        pos = 0
        for m in _ZH_NUMERALS.finditer(self.text):
            group = m.lastgroup or "number"
            start, end = m.span(group)
            digits = arabic_numeral(m[group])
            chars.append(self.text[pos:start])
            offsets.extend(self.offsets[pos:start])
            chars.append(digits)
            offsets.extend([self.offsets[start]] * (len(digits) - 1) + [self.offsets[end - 1]]
                           if len(digits) > 1 else [self.offsets[start]])
            pos = end
        chars.append(self.text[pos:])
        offsets.extend(self.offsets[pos:])
        return _Normalized(self.original, "".join(chars), tuple(offsets))

    def span(self, start: int, end: int) -> tuple[int, str]:
        """The original offset and text of the normalized span [start, end)."""
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1
        return o_start, self.original[o_start:o_end]


# A year in Chinese digits (二〇二五年) or a number in Chinese numerals (第六十一号, 第一號 once
# Simplified): as news in Hong Kong and Taiwan writes them.
_ZH_DIGITS = "〇零一二两三四五六七八九"
_ZH_DIGIT_VALUES = dict(zip(_ZH_DIGITS, (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_ZH_NUMERALS = re.compile(
    rf"(?<![{_ZH_DIGITS}十百])(?P<year>[〇零一二三四五六七八九]{{4}})(?=\s*年)"
    r"|(?<=第)(?P<number>[零〇一二两三四五六七八九十百]{1,6})(?=\s*号)"
)


def arabic_numeral(numeral: str) -> str:
    """Chinese numerals as Arabic digits: 二〇二五 → 2025 (digit by digit), 六十一 → 61."""
    if "十" not in numeral and "百" not in numeral:
        return "".join(str(_ZH_DIGIT_VALUES[ch]) for ch in numeral)
    value, digit = 0, 0
    for ch in numeral:
        if ch in ("十", "百"):
            value += (digit or 1) * (10 if ch == "十" else 100)
            digit = 0
        else:
            digit = _ZH_DIGIT_VALUES[ch]
    return str(value + digit)


# --------------------------------------------------------------------------- issuers and series


def _dedupe(issuers: list[Issuer]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i.value for i in issuers))


def _series_for(issuers: tuple[str, ...]) -> Series:
    """Joint MOFCOM announcements are MOFCOM's series; otherwise the single issuer's own."""
    if Issuer.MOFCOM in issuers:
        return Series.MOFCOM
    if Issuer.UEL_WM in issuers:
        return Series.UEL
    return Series.GACC


@dataclass
class _Item:
    """One number (or one expanded range member) of a reference list, before it becomes public."""

    number: int
    start: int  # normalized offsets of the item's own token
    end: int
    year: int | None = None
    title: str | None = None


def _expand(a: str, b: str | None) -> list[int] | None:
    """`55` → [55]; `55`-`58` → [55, 56, 57, 58]; None for a range that is not a sane list."""
    first = int(a)
    if first == 0:
        return None
    if b is None:
        return [first]
    last = int(b)
    if last <= first or last - first > _MAX_RANGE:
        return None
    return list(range(first, last + 1))


def _build(
    norm: _Normalized,
    items: list[_Item],
    issuers: tuple[str, ...],
    group_start: int,
) -> Iterator[MeasureNumber]:
    """MeasureNumbers for the items of one list that have a year; the first starts at the issuer."""
    series = _series_for(issuers)
    for index, item in enumerate(items):
        if item.year is None:
            continue
        start, text = norm.span(group_start if index == 0 else item.start, item.end)
        yield MeasureNumber(
            series=series.value,
            year=item.year,
            number=item.number,
            issuers=issuers,
            text=text,
            start=start,
            title=item.title,
        )


# --------------------------------------------------------------------------- Chinese forms

_ZH_ISSUER_NAMES = {name: issuer for issuer in SERIES_ISSUERS for name in ISSUER_NAMES_ZH[issuer]}
_ZH_ISSUER_NAME = re.compile("|".join(_ZH_ISSUER_NAMES))
_ZH_ISSUER = rf"(?:中华人民共和国)?(?:{_ZH_ISSUER_NAME.pattern})"
# Every name of an issuer in the vocabulary (pipelines.vocab.ISSUER_NAMES_ZH), the longest first.
_ZH_BODY_NAMES = {name: issuer for issuer, names in ISSUER_NAMES_ZH.items() for name in names}
_ZH_KNOWN_BODY = "|".join(sorted(_ZH_BODY_NAMES, key=len, reverse=True))
# Any other body of the state, by the word its name ends with (国家邮政局, 交通运输部, 中国人民银行)
_ZH_ANY_BODY = (r"(?:国家)?[\u4e00-\u9fff]{1,10}?"
                r"(?:部|委员会|科工委|委|总局|局|总署|署|办公室|机构|银行)")
# Other bodies in a joint list (商务部、国家国防科工委、海关总署公告…; 商务部 科技部公告…): the
# list is still MOFCOM's series when it names MOFCOM; every body named is recorded (_zh_issuers).
_ZH_OTHER_ISSUER = rf"(?:中华人民共和国)?(?:{_ZH_KNOWN_BODY}|{_ZH_ANY_BODY})"
# The day told between the issuers and 发布 (商务部今日发布…, 商务部9日发布公告…)
_ZH_WHEN = r"(?:(?:今|昨|当|前|近|本)[日天]|日前|\d{1,2}\s*日|于\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*"
_ZH_HEAD = re.compile(
    rf"(?P<issuers>{_ZH_ISSUER}(?:\s*[、和与/]?\s*{_ZH_ISSUER}"
    rf"|(?:\s*[、和与/]\s*|\s+){_ZH_OTHER_ISSUER}(?=\s*(?:[、和与/]|\s|(?:联合)?公告)))*)"
    rf"\s*(?:(?:{_ZH_WHEN})?(?:联合)?(?:连发|发布|公布|印发)了?\s*"
    # announcements counted, their numbers in a bracket after them
    # (商务部连发两条公告(2026年第11号和第12号))
    rf"(?:[两二三四五六七八九十\d]{{1,2}}\s*(?:条|项|则|份|个)\s*(?=公告\s*\(\s*{_YEAR}\s*年))?)?"
    rf"(?:联合)?公告\s*(?:\(\s*(?={_YEAR}\s*年))?"
)
_ZH_YEAR = rf"(?:(?P<year>{_YEAR})\s*年|[〔\[(【]\s*(?P<byear>{_YEAR})\s*[〕\])】])"
_ZH_NUMBER = (
    r"(?:第\s*)?(?P<a>\d{1,4})\s*(?:号\s*)?"
    r"(?:(?:至|到|-|–|—|~)\s*(?:第\s*)?(?P<b>\d{1,4})\s*)?号"
)
_ZH_FIRST = re.compile(rf"{_ZH_YEAR}\s*{_ZH_NUMBER}")
_ZH_NEXT = re.compile(rf"\s*(?:、|以及|及|和|与)\s*(?P<tok>(?:{_ZH_YEAR}\s*)?{_ZH_NUMBER})")
_ZH_TITLE = re.compile(r"\s*\((?P<title>(?:[^()]|\([^()]*\))+)\)")
_HAS_WORD = re.compile(r"\w")


def _zh_title(norm: _Normalized, pos: int) -> tuple[str | None, int]:
    """A bracketed title right after a number at `pos` (from the original text) and the new pos."""
    match = _ZH_TITLE.match(norm.text, pos)
    if not match:
        return None, pos
    _, title = norm.span(match.start("title"), match.end("title"))
    title = title.strip()
    return (title if _HAS_WORD.search(title) else None), match.end()


def _zh_items(norm: _Normalized, pos: int) -> list[_Item]:
    """The numbers of a Chinese list starting at `pos` (right after `…公告`)."""
    first = _ZH_FIRST.match(norm.text, pos)
    if not first:
        return []
    items: list[_Item] = []
    match: re.Match[str] | None = first
    tok_start = pos
    year = 0
    while match:
        year = int(match["year"] or match["byear"] or year)
        numbers = _expand(match["a"], match["b"]) or []
        title, after = _zh_title(norm, match.end())
        if len(numbers) > 1:
            title = None  # a title after a range belongs to no single number
        for n in numbers:
            items.append(_Item(n, tok_start, match.end(), year, title))
        match = _ZH_NEXT.match(norm.text, after)
        if match:
            tok_start = match.start("tok")
    return items


# The number between the issuers and 公告 (商务部2025年第61号公告, 商务部、海关总署2025年第70号公告,
# 商务部发布2025年第61号公告), as news and later announcements often cite: the same list, 公告
# right after its last number.
_ZH_A_YEAR = rf"(?:{_YEAR}\s*年|[〔\[(【]\s*{_YEAR}\s*[〕\])】])"  # _ZH_YEAR without its groups
_ZH_HEAD_BEFORE_NUMBER = re.compile(
    rf"(?P<issuers>{_ZH_ISSUER}(?:\s*(?:[、和与/]|联合|会同)?\s*{_ZH_ISSUER}"
    rf"|\s*(?:[、和与/]|联合|会同)\s*{_ZH_OTHER_ISSUER}"
    rf"(?=\s*(?:[、和与/]|联合|会同|发布|公布|印发|{_ZH_A_YEAR})))*)"
    rf"\s*(?:(?:{_ZH_WHEN})?(?:联合)?(?:发布|公布|印发)(?:了|的)?\s*)?(?={_ZH_A_YEAR})"
)
_ZH_TAIL = re.compile(r"\s*(?:联合)?公告")


def _heads(norm: _Normalized) -> Iterator[tuple[re.Match[str], list[_Item]]]:
    """Each Chinese list with its issuers, the number after 公告 or before it."""
    for head in _ZH_HEAD.finditer(norm.text):
        yield head, _zh_items(norm, head.end())
    for head in _ZH_HEAD_BEFORE_NUMBER.finditer(norm.text):
        items = _zh_items(norm, head.end())
        if items and _ZH_TAIL.match(norm.text, items[-1].end):
            yield head, items


# A number with no issuer before it (2025年第61号公告, 公告2025年第61号), right after a mark, a
# space or a word that is no agency's name (根据, 其中, 以及): whose it is, the text around it says.
_ZH_UNNAMED = r"(?<![^\s,;:(。、“\"《据照即中及和与])"  # (the copy is NFKC: ， is ,)
_ZH_BARE_BEFORE = re.compile(rf"{_ZH_UNNAMED}(?={_ZH_A_YEAR})")
# (公告编号2025年第58号, 公告文号: the announcement's number so labelled; sixty-fifth pass)
_ZH_BARE_AFTER = re.compile(rf"{_ZH_UNNAMED}公告(?:编号|文号)?\s*:?\s*(?={_ZH_A_YEAR})")


def find_unattributed_numbers(text: str, issuer: Issuer) -> list[MeasureNumber]:
    """The Chinese references that name no issuer (2025年第61号公告, 公告2025年第61号), as the
    given issuer's, when the text around them (a page about that issuer's announcements) says
    whose they are; find_measure_numbers reads none of them."""
    if not text or not _may_hold_a_number(text) or "公告" not in text:
        return []
    norm = _Normalized.of(text).with_arabic_numerals()
    found: dict[str, MeasureNumber] = {}
    for head in _ZH_BARE_BEFORE.finditer(norm.text):
        items = _zh_items(norm, head.end())
        if items and _ZH_TAIL.match(norm.text, items[-1].end):
            for m in _build(norm, items, (issuer.value,), head.end()):
                found.setdefault(m.id, m)
    for head in _ZH_BARE_AFTER.finditer(norm.text):
        for m in _build(norm, _zh_items(norm, head.end()), (issuer.value,), head.start()):
            found.setdefault(m.id, m)
    return sorted(found.values(), key=lambda m: m.start)


# What joins the bodies of a list of issuers, and one body of it (the name kept in `name`)
_ZH_JOINER = re.compile(r"(?:\s|[、和与/]|联合|会同)*")
_ZH_BODY = re.compile(
    rf"(?:中华人民共和国)?(?P<name>{_ZH_KNOWN_BODY}"
    rf"|{_ZH_ANY_BODY}(?=\s|[、和与/]|联合|会同|$))"
)


def _zh_issuers(issuers: str) -> tuple[str, ...]:
    """Every body of a list of issuers (`商务部 工业和信息化部 海关总署 国家密码管理局`) in the
    order named: the vocabulary's code (pipelines.vocab.Issuer) when it has one, else the body's
    Chinese name as written (`国家邮政局`), so that no co-issuer is lost."""
    found: list[str] = []
    pos = 0
    while pos < len(issuers):
        pos = _ZH_JOINER.match(issuers, pos).end()  # type: ignore[union-attr]
        body = _ZH_BODY.match(issuers, pos)
        if not body:
            break
        known = _ZH_BODY_NAMES.get(body["name"])
        found.append(known.value if known else body["name"])
        pos = body.end()
    return tuple(dict.fromkeys(found))


# Bodies of the vocabulary named before the first series issuer of a list (工业和信息化部、商务部、
# 海关总署公告…; 国家密码管理局 商务部 海关总署公告…): its co-issuers too. Only the vocabulary's
# names: a word before a list (根据, 经) is no body.
_ZH_LEADING_BODIES = re.compile(
    rf"(?:(?:中华人民共和国)?(?:{_ZH_KNOWN_BODY})(?:\s*(?:[、和与/]|联合|会同)\s*|\s+))+$")
_LEADING_WINDOW = 80  # characters looked at before a list's first series issuer


def _leading_issuers(text: str, start: int) -> tuple[str, ...]:
    """The vocabulary's bodies named right before `start` (a list's first series issuer)."""
    before = _ZH_LEADING_BODIES.search(text, max(0, start - _LEADING_WINDOW), start)
    return _zh_issuers(before.group()) if before else ()


def _find_zh(norm: _Normalized) -> Iterator[MeasureNumber]:
    for head, items in _heads(norm):
        if not items:
            continue
        # `中华人民共和国商务部公告…`: the span starts at the first issuer's own name
        first_name = _ZH_ISSUER_NAME.search(norm.text, head.start("issuers"))
        group_start = first_name.start() if first_name else head.start("issuers")
        issuers = _leading_issuers(norm.text, head.start("issuers")) + _zh_issuers(
            head["issuers"])
        yield from _build(norm, items, tuple(dict.fromkeys(issuers)), group_start)


# --------------------------------------------------------------------------- English forms

_EN_ISSUERS = {
    "MOFCOM": (
        Issuer.MOFCOM,
        r"MOFCOM|(?-i:MOC)|Ministry\s+of\s+Commerce"
        r"(?:\s+of\s+(?:the\s+)?(?:People's\s+Republic\s+of\s+China|PRC|China))?"
        r"|Commerce\s+Ministry",
    ),
    "GACC": (
        Issuer.GACC,
        r"GACC|(?-i:GAC)|General\s+Administration\s+of\s+(?:China\s+)?Customs"
        r"(?:\s+of\s+(?:the\s+)?(?:People's\s+Republic\s+of\s+China|PRC|China))?"
        r"|(?:China\s+)?Customs",
    ),
    "UEL": (Issuer.UEL_WM, r"(?:Unreliable\s+Entity\s+List|UEL)\s+Working\s+Mechanism"),
}
# Bodies that only co-issue, as English texts name them: counted only in a list that a series
# issuer opens ("MOFCOM, GACC and SCA Announcement No. 63 of 2020"), never on their own.
_EN_CO_ISSUERS: dict[str, tuple[Issuer, str]] = {
    "MIIT": (Issuer.MIIT, r"(?-i:MIIT)|Ministry\s+of\s+Industry\s+and\s+Information\s+"
                          r"Technology"),
    "MOST": (Issuer.MOST, r"(?-i:MOST)|Ministry\s+of\s+Science\s+and\s+Technology"),
    "MPS": (Issuer.MPS, r"(?-i:MPS)|Ministry\s+of\s+Public\s+Security"),
    "MOF": (Issuer.MOF, r"(?-i:MOF)|Ministry\s+of\s+Finance"),
    "NDRC": (Issuer.NDRC, r"(?-i:NDRC)|National\s+Development\s+and\s+Reform\s+Commission"),
    "SCA": (Issuer.SCA, r"(?-i:O?SCCA|SCA)|(?:Office\s+of\s+(?:the\s+)?)?State\s+"
                        r"(?:Commercial\s+)?Cryptography\s+Administration"),
    "SASTIND": (Issuer.SASTIND, r"(?-i:SASTIND)|State\s+Administration\s+(?:of|for)\s+Science,?"
                                r"\s+Technology\s+and\s+Industry\s+for\s+National\s+Defen[cs]e"),
    "COSTIND": (Issuer.COSTIND, r"(?-i:COSTIND)|Commission\s+(?:of|for)\s+Science,?\s+"
                                r"Technology\s+and\s+Industry\s+for\s+National\s+Defen[cs]e"),
    "CAEA": (Issuer.CAEA, r"(?-i:CAEA)|China\s+Atomic\s+Energy\s+Authority"),
}
_EN_ISSUER_NAME = re.compile(
    "|".join(rf"\b(?P<{key}>{pattern})\b"
             for key, (_, pattern) in (_EN_ISSUERS | _EN_CO_ISSUERS).items()), re.I
)
_EN_ISSUER = r"\b(?:" + "|".join(p for _, p in _EN_ISSUERS.values()) + r")\b"
_EN_ANY_ISSUER = r"\b(?:" + "|".join(
    p for _, p in (*_EN_ISSUERS.values(), *_EN_CO_ISSUERS.values())) + r")\b"
# Joint issuers: "MOFCOM and GACC", "MOFCOM, GACC", and as english.mofcom.gov.cn writes them,
# side by side: "MOFCOM General Administration of Customs Announcement No. 70 of 2025"; a
# series issuer first, co-issuers after it ("MOFCOM, GACC and SCA").
_EN_ISSUER_LIST = (rf"{_EN_ISSUER}(?:\s*(?:,|and|&|/)?\s*(?:the\s+)?"
                   rf"(?:{_EN_ISSUER}|{_EN_ANY_ISSUER}))*")
_EN_PREFIX = re.compile(
    rf"(?:(?P<iss>{_EN_ISSUER_LIST})(?:'s|’s)?\s+"
    r"(?:(?:has\s+)?(?:jointly\s+)?(?:issued|released|published|announced)\s+)?"
    r"(?:(?:the|its|their|a|an)\s+)?"
    # counted or qualified ("released four additional Announcements")
    r"(?:(?:two|three|four|five|six|several|\d|additional|further|new|more)\s+){0,2})?"
    r"(?P<joint>\bjoint\s+)?$",
    re.I,
)
_EN_KEYWORD = re.compile(r"\b(?:(?P<ann>announcements?)\b|(?P<nos>nos\.))", re.I)
_EN_BETWEEN = re.compile(
    rf"\s*(?:of\s+(?:the\s+)?(?P<iss>{_EN_ISSUER_LIST})\s*)?"
    rf"(?:(?:[\[(]\s*(?P<byear>{_YEAR})\s*[\])]|(?P<year>{_YEAR}))(?!\d)\s*)?"
    # the numbers in brackets after the noun ("four additional Announcements (No. 55–58 of
    # 2025)")
    r"(?:\(\s*(?=nos?\b\.?\s*\d))?",
    re.I,
)
_EN_ITEM = re.compile(
    r"\s*(?P<pfx>\bnos?\b\.?|\bnumbers?\b|#)?\s*(?P<a>\d{1,4})(?!\d)(?![.:/]\d)"
    r"(?:\s*(?:-|–|—|\bto\b|\bthrough\b)\s*(?:no\.?\s*)?(?P<b>\d{1,4})(?!\d)(?![.:/]\d))?",
    re.I,
)
_EN_ITEM_YEAR = re.compile(
    rf"\s*(?:of\s+(?:the\s+year\s+)?(?P<year>{_YEAR})|[\[(]\s*(?P<byear>{_YEAR})\s*[\])])(?!\d)",
    re.I,
)
_EN_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\band\s+|&\s*|\bas\s+well\s+as\s+)", re.I)
_EN_TRAILING_ISSUER = re.compile(
    rf"\s*,?\s*(?:of|by|from|issued\s+by)\s+(?:the\s+)?(?P<iss>{_EN_ISSUER_LIST})", re.I
)
_EN_NOT_ANNOUNCEMENT = re.compile(
    r"\b(?:orders?|decrees?|circulars?|notices?|regulations?|rules?|laws?|articles?|items?|"
    r"clauses?|paragraphs?|sections?|documents?|letters?|cases?|patents?)\s*$",
    re.I,
)
_WINDOW = 200  # characters looked at before `Announcement` for the issuers naming it


def _en_issuers(text: str) -> list[Issuer]:
    issuers = []
    for match in _EN_ISSUER_NAME.finditer(text):
        key = match.lastgroup
        if key:
            issuers.append((_EN_ISSUERS | _EN_CO_ISSUERS)[key][0])
    return issuers


def _en_items(norm: _Normalized, pos: int, year_before: int | None) -> tuple[list[_Item], int]:
    """The numbers of an English list starting at `pos`, with the years that apply to them.

    A year written after a number applies to it and to the yearless numbers before it in the list
    (`Nos. 61 and 62 of 2025`); a year written before the list (`Announcement [2025] No. 7`)
    applies to the numbers still yearless. Returns the items and the end of the list.
    """
    items: list[_Item] = []
    end = pos
    while True:
        item = _EN_ITEM.match(norm.text, end)
        if not item or (not items and not item["pfx"]):
            break
        numbers = _expand(item["a"], item["b"])
        token_end = item.end()
        year_match = _EN_ITEM_YEAR.match(norm.text, token_end)
        year = int(year_match["year"] or year_match["byear"]) if year_match else None
        if year_match:
            token_end = year_match.end()
        for n in numbers or []:
            items.append(_Item(n, item.start("pfx") if item["pfx"] else item.start("a"), token_end))
        if year is not None:
            for earlier in reversed(items):
                if earlier.year is not None:
                    break
                earlier.year = year
        end = token_end
        separator = _EN_SEPARATOR.match(norm.text, end)
        if not separator or not _EN_ITEM.match(norm.text, separator.end()):
            break
        end = separator.end()
    for item in items:
        if item.year is None:
            item.year = year_before
    return items, end


def _find_en(norm: _Normalized) -> Iterator[MeasureNumber]:
    text = norm.text
    pos = 0
    for keyword in _EN_KEYWORD.finditer(text):
        if keyword.start() < pos:
            continue  # inside a list already read
        window_start = max(0, keyword.start() - _WINDOW)
        before = text[window_start : keyword.start()]
        if keyword["nos"] and _EN_NOT_ANNOUNCEMENT.search(before):
            continue
        prefix = _EN_PREFIX.search(before)
        issuers = _en_issuers(prefix["iss"]) if prefix and prefix["iss"] else []
        joint = bool(prefix and prefix["joint"])
        group_start = window_start + prefix.start() if prefix and prefix["iss"] else keyword.start()
        if prefix and prefix["iss"] is None and prefix["joint"]:
            group_start = window_start + prefix.start("joint")
        list_start, year_before = keyword.start(), None
        if keyword["ann"]:
            between = _EN_BETWEEN.match(text, keyword.end())
            list_start = between.end() if between else keyword.end()
            if between and between["iss"] and not issuers:
                issuers = _en_issuers(between["iss"])
            if between and (between["year"] or between["byear"]):
                year_before = int(between["year"] or between["byear"])
        items, end = _en_items(norm, list_start, year_before)
        if not items:
            continue
        pos = end
        trailing = _EN_TRAILING_ISSUER.match(text, end)
        if trailing and not issuers:
            issuers = _en_issuers(trailing["iss"])
            pos = trailing.end()
        if not issuers:
            issuers = [Issuer.MOFCOM, Issuer.GACC] if joint else [Issuer.MOFCOM]
        yield from _build(norm, items, _dedupe(issuers), group_start)


# --------------------------------------------------------------------------- public API


_DIGIT = re.compile(r"\d")  # ASCII and full-width digits
_NUMBER_WORD = re.compile(  # 号, No., number, # (full-width forms too)
    r"号|[nNｎＮ][oOｏＯ]|[nNｎＮ][uUｕＵ][mMｍＭ][bBｂＢ][eEｅＥ][rRｒＲ]|[#＃]")


def _may_hold_a_number(text: str) -> bool:
    """A reference needs a digit (or a number in Chinese numerals) and 号, No or # (a cheap test
    before the NFKC copy)."""
    return bool(_NUMBER_WORD.search(text)) and bool(
        _DIGIT.search(text) or _ZH_NUMERALS.search(text))


def find_measure_numbers(text: str) -> list[MeasureNumber]:
    """Every measure reference in text, in order of first appearance, one per id (first wins).

    A number is only a reference when a year applies to it (`Announcement No. 61` alone is not).
    """
    if not text:
        return []
    if len(text) <= _SENTENCE_CACHED:
        return list(_sentence_numbers(text))
    return list(_body_numbers(text))


_SENTENCE_CACHED = 2000  # sentences the stages read again: many kept; whole bodies: a few


@lru_cache(maxsize=4096)
def _sentence_numbers(text: str) -> tuple[MeasureNumber, ...]:
    # (the cheap test inside the cache: the stages ask of one sentence again and again)
    return _measure_numbers(text) if _may_hold_a_number(text) else ()


@lru_cache(maxsize=8)
def _body_numbers(text: str) -> tuple[MeasureNumber, ...]:
    return _measure_numbers(text) if _may_hold_a_number(text) else ()


def _measure_numbers(text: str) -> tuple[MeasureNumber, ...]:
    norm = _Normalized.of(text).with_arabic_numerals()
    found = sorted([*_find_zh(norm), *_find_en(norm)], key=lambda m: m.start)
    unique: dict[str, MeasureNumber] = {}
    for measure in found:
        unique.setdefault(measure.id, measure)
    return tuple(unique.values())


def _excerpt(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def parse_measure_id(text: str) -> str:
    """The canonical id of text holding exactly one reference; ValueError otherwise."""
    found = find_measure_numbers(text)
    if not found:
        raise ValueError(f"no announcement number in {_excerpt(text)}")
    if len(found) > 1:
        ids = ", ".join(m.id for m in found)
        raise ValueError(f"several announcement numbers in {_excerpt(text)}: {ids}")
    return found[0].id
