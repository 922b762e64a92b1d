"""Dates from durations, counted as the PRC Civil Code counts periods (docs/REFERENCE.md).

Civil Code arts. 201-202: the day a period starts is not counted (it runs from the next day); a
period in days ends N days after its start; a period in months or years ends on the
corresponding day of the last month, or on that month's last day when it has no such day. So
"自2025年5月14日起暂停实施90天" runs 2025-05-15 .. 2025-08-12 and its last day is 2025-08-12;
"from 2025-11-10, for one year" ends on 2026-11-10; one month from 2025-01-31 ends 2025-02-28.
Art. 203 (a last day on a public holiday moves to the next working day) is NOT applied: there
is no holiday calendar here, and announcements state the computed day as the last one.

Phrases understood (`find_durations`):

- periods, after a word that opens one in the same clause (暂停, 继续暂停, 延长, 延期, 暂缓,
  为期, 期限, 有效期): 暂停实施90天, 暂停一年, 为期一年, 期限为90日, 三个月, 半年, 两周;
  English "for 90 days", "for one year", "for a period of six months", "for a further 90 days",
  "a 90-day suspension" / "a one-year period";
- offsets (the day something happens): 自公布之日起30日后施行 (published + 30 days, as
  《外商投资安全审查办法》: published 2020-12-19, in force 2021-01-18), "30 days after
  (the date of) publication".

Not read: windows (15日内, "within 30 days": deadlines, not periods), working days (个工作日:
no holiday calendar), and numbers of years written with four digits (2025年 is a date).

The start is the date the sentence writes (自2025年5月14日起, "from May 14, 2025"), or the
publication (自即日起, 自公布之日起, "from the date of publication"), else the `published`
argument: callers pass the announcement's own effective date when it has one in another
sentence (本公告自2025年11月10日起实施). An end date the sentence also writes (至2026年11月10日,
"until November 10, 2026") is exposed as `written_end`: it always wins over the computed one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from pipelines.dates import find_dates, parse_published
from pipelines.nfkc import nfkc

__all__ = ["Duration", "find_durations", "parse_number", "period_end", "sentence_start",
           "written_end"]

UNITS = ("day", "week", "month", "year")

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_ZH_POWERS = {"十": 10, "百": 100, "千": 1000}
_EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "eighteen": 18, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60,
    "ninety": 90, "hundred": 100, "one hundred": 100, "one hundred and eighty": 180,
    "one hundred eighty": 180,
}  # fmt: skip

_ZH_NUM = r"(?:\d{1,3}|[零〇一二两三四五六七八九十百千]{1,6}|半)"
_ZH_UNIT = r"(?:个自然月|个月|自然月|年|日|天|周|星期)"
_ZH_AMOUNT = re.compile(rf"(?<![\d第])(?P<num>{_ZH_NUM})\s*(?P<unit>{_ZH_UNIT})")
# What must not follow a period: 内 (a window), 工作日, a date's 日 after 月, 号.
_ZH_WINDOW_AFTER = re.compile(r"\s*(?:以内|之内|内|工作日)")
_ZH_OFFSET_AFTER = re.compile(r"\s*(?:以后|之后|后)")
_ZH_OPENS_PERIOD = re.compile(r"暂停|暂缓|延长|延期|为期|期限|有效期")
_ZH_CLAUSE_BREAK = re.compile(r"[，,。；;：:！？!?\n]")
# Dates written with a year, or a month and a day, are masked before looking for amounts.
_ZH_WRITTEN_DATE = re.compile(
    r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
)

_EN_NUM = (
    r"(?:\d{1,3}|one\s+hundred(?:\s+and)?\s+eighty|forty-five"
    r"|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen"
    r"|twenty|thirty|forty|sixty|ninety|(?:one\s+)?hundred)"
)
_EN_UNIT = r"(?P<unit>days?|weeks?|months?|years?)"
_EN_PERIOD = re.compile(
    r"(?i:\bfor\s+(?:(?:a|an|another)\s+(?:further\s+|additional\s+)?(?:period|term)\s+of\s+"
    rf"|(?:a\s+|an\s+)?(?:further|another|additional)\s+)?(?P<num>{_EN_NUM})\s+"
    rf"(?:more\s+|further\s+|additional\s+)?{_EN_UNIT}\b"
    rf"|\b(?P<num2>{_EN_NUM})[-\s](?P<unit2>day|week|month|year)\s+"
    r"(?:suspension|period|extension|pause|term)\b"
    r"|\bfor\s+(?:another|a\s+further|an\s+additional|one\s+more|a)\s+"
    r"(?P<unit3>day|week|month|year)\b)"  # "for another year": one
)
_EN_OFFSET = re.compile(
    rf"(?i:\b(?P<num>{_EN_NUM})\s+{_EN_UNIT}\s+(?:after|following|from)\s+(?:the\s+)?"
    r"(?:date\s+of\s+(?:its\s+)?)?(?:publication|promulgation|issuance|release|announcement"
    r"|the\s+date\s+of\s+(?:its\s+)?publication)\b)"
)
_EN_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_EN_DATE = (
    rf"(?:\b{_EN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_EN_MONTH},?\s+\d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
)
_ZH_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_ZH_PUB = r"(?:即日|本?(?:公告|决定|办法|规定|通知)?(?:发布|公布|印发|施行|实施)之日)"
_ZH_START = re.compile(
    rf"(?:自|从)\s*(?:(?P<date>{_ZH_DATE})|(?P<pub>{_ZH_PUB}))\s*起?"
    rf"|(?<!对)于\s*(?:(?P<on>{_ZH_DATE})|(?P<onpub>{_ZH_PUB}))\s*起|(?P<bare>{_ZH_DATE})\s*起"
)
_EN_START = re.compile(
    r"(?i:\b(?:from|as\s+of|starting(?:\s+from)?|beginning(?:\s+on)?|with\s+effect\s+from"
    r"|effective(?:\s+from)?)\s+)"
    rf"(?:(?P<date>{_EN_DATE})|(?P<pub>(?i:the\s+date\s+of\s+(?:its\s+)?"
    r"(?:publication|promulgation|issuance|release)|today)))",
    re.I,
)
_ZH_END = re.compile(rf"(?<!截)(?:至|到)\s*(?P<date>{_ZH_DATE})")
_EN_END = re.compile(
    rf"(?i:\b(?:until|till|through|to|up\s+to)\s+(?:and\s+including\s+)?)(?P<date>{_EN_DATE})",
    re.I,
)


@dataclass(frozen=True)
class Duration:
    """A duration read from a sentence and the dates it gives.

    kind "period": `end` is the period's last day (inclusive). kind "offset" (…日后施行,
    "30 days after publication"): `end` is the day the thing happens. `start_written` says
    whether the start date is written in the sentence (else it is the caller's default);
    `written_end` is an end date the sentence itself writes, which wins over `end`.
    """

    start: str
    end: str
    amount: int
    unit: str  # one of UNITS
    text: str  # the words of the duration, as written
    kind: str = "period"
    start_written: bool = False
    written_end: str | None = None


def _add_months(start: date, months: int) -> date:
    """The corresponding day `months` later, or that month's last day (Civil Code art. 202)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def period_end(start: str, amount: int, unit: str) -> str:
    """The last day (ISO) of a period of `amount` `unit`s counted from the ISO date start.

    The start day is not counted: 90 days from 2025-05-14 end on 2025-08-12; one year from
    2025-11-10 ends on 2026-11-10; one month from 2025-01-31 ends on 2025-02-28.
    """
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 1:
        raise ValueError(f"a period needs a positive whole amount, got {amount!r}")
    day = date.fromisoformat(start)
    if unit == "day":
        return (day + timedelta(days=amount)).isoformat()
    if unit == "week":
        return (day + timedelta(days=7 * amount)).isoformat()
    if unit == "month":
        return _add_months(day, amount).isoformat()
    if unit == "year":
        return _add_months(day, 12 * amount).isoformat()
    raise ValueError(f"unknown unit {unit!r} (one of {', '.join(UNITS)})")


def parse_number(text: str) -> int:
    """A count written in digits, Chinese numerals (九十, 一百八十, 两) or English words."""
    text = nfkc(text).strip().lower()
    if text.isdigit():
        return int(text)
    words = " ".join(text.split())
    if words in _EN_NUMBERS:
        return _EN_NUMBERS[words]
    if not text or any(ch not in _ZH_DIGITS and ch not in _ZH_POWERS for ch in text):
        raise ValueError(f"not a number: {text!r}")
    total, digit = 0, None
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _ZH_POWERS[ch]
            digit = None
    return total + (digit or 0)


def _zh_amount(num: str, unit: str) -> tuple[int, str]:
    """(amount, unit) of a Chinese amount: 90天, 一年, 三个月, 半年 (6 months), 半个月 (15 days)."""
    base = {"日": "day", "天": "day", "周": "week", "星期": "week", "年": "year"}.get(unit, "month")
    if num == "半":
        if base == "year":
            return 6, "month"
        if base == "month":
            return 15, "day"
        raise ValueError(f"half a {base} is not a period that can be counted")
    return parse_number(num), base


def _iso(written: str) -> str | None:
    """The ISO date of one written date (Chinese, English or ISO), None if it is not one."""
    found = find_dates(written)
    if found:
        return found[0]
    try:
        return parse_published(written)[0]
    except ValueError:
        return None


def sentence_start(sentence: str, published: str | None) -> tuple[str | None, bool]:
    """(start, written): the start date a sentence writes (自…起, "from …"; 即日 and
    公布之日 are `published`), else (published, False)."""
    text = nfkc(sentence or "")
    for pattern in (_ZH_START, _EN_START):
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        written = groups["date"] or groups.get("on") or groups.get("bare")
        if written:
            day = _iso(written)
            if day:
                return day, True
        elif groups["pub"] or groups.get("onpub"):
            return published, published is not None
    return published, False


def written_end(sentence: str) -> str | None:
    """The end date a sentence writes (至2026年11月10日, "until November 10, 2026"), if any."""
    text = nfkc(sentence or "")
    for pattern in (_ZH_END, _EN_END):
        m = pattern.search(text)
        if m:
            return _iso(m["date"])
    return None


def _opens_period(masked: str, at: int) -> bool:
    """Whether a word opening a period (暂停, 为期 …) stands earlier in the same clause."""
    breaks = [m.end() for m in _ZH_CLAUSE_BREAK.finditer(masked, 0, at)]
    clause = masked[breaks[-1] if breaks else 0 : at]
    return bool(_ZH_OPENS_PERIOD.search(clause))


def _zh_durations(text: str) -> list[tuple[int, str, str, str, int]]:
    """(amount, unit, words, kind, position) of the Chinese durations in an NFKC text."""
    masked = _ZH_WRITTEN_DATE.sub(lambda m: "#" * len(m.group()), text)
    found = []
    for m in _ZH_AMOUNT.finditer(masked):
        if _ZH_WINDOW_AFTER.match(masked, m.end()):
            continue
        if m["unit"] in ("日", "天") and re.search(r"月\s*$", masked[: m.start()]):
            continue  # 5月14日 not masked because the month stood alone
        offset = _ZH_OFFSET_AFTER.match(masked, m.end())
        if not offset and not _opens_period(masked, m.start()):
            continue
        try:
            amount, unit = _zh_amount(m["num"], m["unit"])
        except ValueError:
            continue
        if amount < 1:
            continue
        words = text[m.start() : offset.end() if offset else m.end()]
        found.append((amount, unit, words, "offset" if offset else "period", m.start()))
    return found


def _en_unit(word: str) -> str:
    return word.lower().rstrip("s")


def _en_durations(text: str) -> list[tuple[int, str, str, str, int]]:
    """(amount, unit, words, kind, position) of the English durations in an NFKC text."""
    found = []
    offsets = list(_EN_OFFSET.finditer(text))
    for m in offsets:
        found.append((parse_number(m["num"]), _en_unit(m["unit"]), m.group(), "offset",
                      m.start()))
    for m in _EN_PERIOD.finditer(text):
        if any(o.start() <= m.start() < o.end() for o in offsets):
            continue
        num, unit = ((m["num"], m["unit"]) if m["num"] else (m["num2"], m["unit2"])
                     if m["num2"] else ("one", m["unit3"]))
        found.append((parse_number(num), _en_unit(unit), m.group(), "period", m.start()))
    return found


def find_durations(sentence: str, published: str | None) -> list[Duration]:
    """The durations a sentence states, in order, with their start and end dates.

    The start is the date the sentence writes (自…起 / "from …"), else `published` (pass the
    announcement's effective date when another sentence gives one). Without any start date
    (published None and none written) nothing can be computed and nothing is returned.
    """
    text = nfkc(sentence or "")
    start, written = sentence_start(text, published)
    if start is None:
        return []
    end_written = written_end(text)
    found = sorted(_zh_durations(text) + _en_durations(text), key=lambda d: d[4])
    return [Duration(start=start, end=period_end(start, amount, unit), amount=amount, unit=unit,
                     text=words.strip(), kind=kind, start_written=written,
                     written_end=end_written)
            for amount, unit, words, kind, _ in found]
