"""Dates as news writes them, resolved from the document's own date (docs/RULES.md).

`dates_in(sentence, today)` finds, in English or Chinese, the days, weeks, months and years a
sentence names, each as a span of days (first, last) with its precision:

- full dates: "October 9, 2025", "9 October 2025", 2025年10月9日, 2025-10-09;
- a month and day without a year ("Oct 9", "Aug. 1", "Dec 1", 10月9日): the year that puts it
  nearest to `today` (a tie goes to the past);
- weekdays ("on Thursday", "said Monday", "Friday evening"): the weekday on or before `today`,
  or on or after it when the sentence looks forward ("from Monday", "will take effect on
  Monday", "taking effect on Monday");
- months: "in April", "in early April", "since April", "in October 2025", 4月, 今年4月,
  去年11月 (nearest again; a day of a relative year, 今年4月4日, is that day;
  "last November" is the latest November before this month; a month told as a start, 9月起,
  9月将, up to three months ahead, is the coming one), "this
  month", "earlier this month", "last month", 本月, 上月 (a day of a relative month, 本月3日,
  上月28日, is that day);
- the document's own day: "today", "this morning", 今天, 今日; "effective immediately", "with
  immediate effect", 即日起 (role "from");
- weeks and years: "last week", "this week", "last year", "this year", 今年, 去年, "recently"
  and 近日 (the two weeks before, as "newly introduced" and 此次出台 are); a month of a
  relative year ("in August last year", "April this year"); a year on its own ("in 2023",
  "since 2023", 2023年以来), not one inside an announcement number (2024年第46号) or a full
  date;
- datelines: "BEIJING, Oct. 20 (Xinhua) --", 新华社北京8月15日电: a day, and the reference for a
  bare day of the month in the text (商务部、海关总署15日发布 = the 15th of the dateline's month);
- all of these in Chinese numerals as Hong Kong and Taiwan papers write them (二〇二五年十月九日,
  去年四月, 商务部六日宣布): read as the same words in digits (`_with_arabic_dates`).

Each date also carries the role the words before it give it: "from" (from, since, starting,
as of, effective, 自…起), "until" (until, through, to, 至) or "on".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from pipelines.identifiers import arabic_numeral
from pipelines.nfkc import nfkc

__all__ = ["SMALL_NUMBERS", "DateSpan", "dateline", "dates_in", "same_time_reference"]

MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december"]
_MONTH_NUMBER = {name: i for i, name in enumerate(MONTH_NAMES, 1)} | {
    name[:3]: i for i, name in enumerate(MONTH_NAMES, 1)} | {"sept": 9}
# the month's names, the longest first (a word alone, and as the named group `mon`)
_MONTH_WORD = "(?:" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)) + ")"
_MONTH = r"(?P<mon>" + _MONTH_WORD + r")\.?"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# (the comma before the year may have lost its space when a page was copied: "April 4,2025")
_EN_FULL = re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|,?\s+)"
                      rf"(?P<y>\d{{4}})\b"
                      rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('mon', 'mon2')}"
                      r"(?:,\s*|,?\s+)(?P<y2>\d{4})\b", re.IGNORECASE)
_EN_DAY = re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![,.]?\s*\d{{4}})"
                     rf"(?!\s*(?:percent|%|per\s*cent))"
                     rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('mon', 'mon2')}"
                     r"(?![,.]?\s*\d{4})\b", re.IGNORECASE)
# a day of a year told relative to the document's ("Feb 4 last year"), as 去年2月4日
_EN_RELATIVE_DAY = re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?:of\s+)?"
                              r"(?P<ry>last|this|next)\s+year\b", re.IGNORECASE)
# a second day of the same month joined to a day ("April 4 and 9, 2025", "on Oct 9 and 10"),
# as 4月4日和9日
_EN_JOINED_DAY = re.compile(r"\s*(?P<j>(?:and|&)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?![.,]?\d)"
                            r"(?:,\s*(?P<y>(?:19|20)\d{2})\b)?)(?!\s*(?:percent|%|per\s*cent))",
                            re.IGNORECASE)
# a day of the month told alone by its ordinal ("On the 20th, the ministry announced …"): of the
# document's month, or of the month before when the day is still to come (as 20日)
_EN_ORDINAL_DAY = re.compile(r"\b(?:on|from|since|until|till)\s+the\s+(?P<d>[1-3]?\d)"
                             r"(?:st|nd|rd|th)\b(?!\s+(?:of|century|anniversary|round|annual|plenary|session|edition"
                             r"|time|floor|day|meeting|party|congress|batch|year|birthday))",
                             re.IGNORECASE)
# the day before the document's ("announced … yesterday", 昨天, 昨日; and its morning, afternoon,
# evening or night: 昨晨, 昨晚, "last night"; sixty-ninth pass)
_YESTERDAY = re.compile(r"\byesterday\b|\blast\s+night\b|昨天|昨日|昨(?:晨|早|午|晚|夜)",
                        re.IGNORECASE)
# the document's own day ("announced today", "this morning", 今天, 今日; not "today's world", nor
# the news app 今日头条, nor a title's "Today" after a capitalized word: "International Trade
# Today", "USA Today", "China Today"), and a measure in force from it ("effective immediately",
# "with immediate effect", 即日起), whose role is "from"
_TODAY = re.compile(r"(?-i:" + "".join(rf"(?<!\b[A-Z][A-Za-z]{{{n}}}\s)" for n in range(1, 10))
                    + r"Today\b)(?!['’]s)|(?-i:today\b)(?!['’]s)|(?-i:TODAY\b)"
                    r"|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b"
                    r"|今天|今日(?!头条)|今晨", re.IGNORECASE)
_IMMEDIATELY = re.compile(r"\b(?:effective|in\s+effect|take\s+effect|took\s+effect|takes\s+effect"
                          r"|taking\s+effect)\s+immediately\b|\bwith\s+immediate\s+effect\b"
                          # (controls put on at once: "imposed immediate licensing on
                          # technologies for rare-earth mining"; sixty-fourth pass)
                          r"|\bimmediate\s+(?:[\w-]+\s+){0,2}?(?:licen[cs]ing|controls|bans?"
                          r"|restrictions|curbs)\b"
                          r"|(?:自|从)?即日起", re.IGNORECASE)
_EN_MONTH = re.compile(
    r"\b(?P<mod>(?:in|since|from|during|until|till|by|before|after|through|last|this|next)"
    r"(?:\s+(?:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of))?"
    r"|early|mid-?|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+"
    rf"{_MONTH}(?:\s+(?:of\s+)?(?P<y>\d{{4}})|,?\s+(?:of\s+)?(?P<ry>last|this|next)\s+year)?"
    r"\b(?!\s*\d)"
    # a month of a year told relative to the document's ("April last year", 去年4月 below)
    rf"|\b{_MONTH.replace('mon', 'mon3')},?\s+(?:of\s+)?(?P<ry3>last|this|next)\s+year\b",
    re.IGNORECASE)
# A month without its year that runs to, or stands beside, a month with one ("from March to June
# 2025", "between March and June 2025", "in March and June last year") is of that year, or of
# the year before when it comes later in the calendar ("from November to February 2025").
_EN_MONTH_RANGE_TAIL = re.compile(
    r"\s*(?:to|through|till|until|and|or|-|–)\s+(?:early|mid-?|late|the\s+end\s+of)?\s*"
    + _MONTH + r",?\s+(?:of\s+)?(?:(?P<y>\d{4})\b|(?P<ry>last|this|next)\s+year\b)",
    re.IGNORECASE)
# A year named on its own ("in 2023", "since 2023", 2023年以来): not a year in a number, a
# full date or a month (商务部公告2024年第46号, 2023年8月).
# A month with its year is that month whatever word stands before it ("the controls of April
# 2025", "China's December 2024 controls"), as "in April 2025" is.
_EN_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<y>(?:19|20)\d{{2}})\b(?!\s*[-/–]\s*\d)",
                            re.IGNORECASE)
# (mid-2023 is written with no space, and the part of a year told with "the … of" is its
# year: "the middle of 2023"; sixty-second pass. "The end of 2023" is its December, `_YEAR_END`,
# read before: sixty-fourth pass)
_EN_YEAR = re.compile(r"\b(?:(?:in|since|during|throughout|until|by|from|early|late|mid)\s+|mid-"
                      r"|the\s+(?:end|beginning|start|middle)\s+of\s+)"
                      r"(?P<y>(?:19|20)\d{2})\b(?!\s*[-/–]\s*\d)", re.IGNORECASE)
_ZH_YEAR = re.compile(r"(?<![\d〔\[(（【])(?P<y>(?:19|20)\d{2})\s*年(?!\s*(?:第|\d|度))")
# (or the month's own possessive: "This follows December's blanket ban on gallium, germanium,
# and antimony exports to the US"; sixty-second pass)
_EN_MONTH_NOUN = re.compile(
    rf"\b(?:(?:the|its|China[’']s|Beijing[’']s)\s+|(?={_MONTH_WORD}[’']s\s)){_MONTH}(?:[’']s)?\s+"
    r"(?:[\w-]+\s+){0,4}?"
    r"(?P<noun>controls?|measures?|announcements?"
    r"|suspensions?|listings?|decisions?|rules?|package|curbs?|restrictions?|bans?)\b",
    re.IGNORECASE)
_EN_RELATIVE = re.compile(
    r"\b(?P<rel>(?:earlier|later)\s+this\s+(?:month|week|year)|this\s+(?:month|week|year)"
    r"|last\s+(?:month|week|year)|the\s+previous\s+(?:month|week|year)|next\s+(?:month|week)"
    r"|recently|in\s+recent\s+(?:days|weeks)"
    # a measure called recent ("China's recent decision to ban exports of antimony", "its
    # recent ban on rare earth exports"): recently, as the adverb
    r"|(?<!most\s)recent(?=\s+(?:[\w-]+\s+){0,2}?(?:decisions?|moves?|bans?|controls?|measures?"
    r"|restrictions?|curbs?|announcements?|rules?|listings?|suspensions?)\b)"
    # measures called new by what was just done with them ("the newly introduced rare earth
    # export control measures"): recently, as 近日
    r"|newly\s+(?:introduced|announced|imposed|unveiled|issued|released|adopted|published"
    r"|rolled\s+out|expanded|tightened)"
    # ... or called new after their author ("China's new export control rules on rare earths",
    # "the new, stringent Chinese export controls"): recently, as "newly introduced"
    r"|(?:(?<=China[’']s\s)|(?<=Beijing[’']s\s))new(?=\s+(?:[\w-]+\s+){0,2}?(?:controls|rules"
    r"|restrictions|curbs|measures)\b)"
    r"|(?<=\bthe\s)new(?=,?\s+(?:[\w,-]+\s+){0,3}?Chinese\s+(?:export\s+)?(?:controls|rules"
    r"|restrictions|curbs|measures)\b))\b", re.IGNORECASE)
_EN_WEEKDAY = re.compile(
    r"\b(?P<pre>(?:on|from|since|until|till|by|starting|last|next|this|before|after)\s+)?"
    r"(?P<wd>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
_ZH_FULL = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]")
# a day of a year told relative to the document's (今年4月4日, 去年12月3日)
_ZH_RELATIVE_DAY = re.compile(r"(?P<pre>今年|去年|明年)\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})"
                              r"\s*[日号]")
# a day of a month told relative to the document's (本月3日, 上月28日, 下月1日)
_ZH_MONTH_RELATIVE_DAY = re.compile(r"(?P<pre>本月|上月|下月)\s*(?P<d>\d{1,2})\s*[日号]")
_ZH_DAY = re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号](?!电)")
_ZH_MONTH = re.compile(r"(?:(?P<pre>今年|去年|明年)|(?<![\d年]))(?P<m>\d{1,2})\s*月"
                       r"(?![\d份]*\s*\d*\s*[日号])(?:份)?(?P<part>上旬|中旬|下旬|初|底|末)?")
_ZH_YEAR_MONTH = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号])"
                            r"(?:份)?(?P<part>上旬|中旬|下旬|初|底|末)?")
# (and as Taiwan's and Hong Kong's papers write it, the day in brackets after 今 or 昨:
# 今（9）日, 昨（9日）)
_ZH_BARE_DAY = re.compile(r"(?<![\d月年])(?:(?<=[今昨])[（(]\s*(?P<bd>\d{1,2})\s*"
                          r"(?:[）)]\s*日|日\s*[）)])|(?P<d>\d{1,2})\s*日)"
                          r"(?!\s*(?:后|以后|之后|内|以内|电|起算))")
_ZH_WEEKDAY = re.compile(r"(?P<pre>上|下|本)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])")
_ZH_WEEKDAYS = "一二三四五六日"
# (此次出台的…措施, 此次纳入管制的, 新出台的, 最新公布的: measures just issued or items just
# brought under control, recently, as "newly introduced")
_ZH_RELATIVE = re.compile(r"今年以来|今年|去年|本月|上月|近日|日前|近期|本周|上周"
                          # (几天前, 前几天, 数日前: a few days ago, as 日前)
                          r"|(?:几|数)(?:天|日)(?:前|之前)|前几天|前些天"
                          r"|(?:此次|这次|新近|最新)(?=出台|公布|发布|推出|纳入|列入|新增)"
                          r"|(?<![重更创刷])新(?=出台|公布)")
_DATELINE_EN = re.compile(
    rf"^\s*[A-Z][A-Z .'-]+,\s+{_MONTH}\s+(?P<d>\d{{1,2}})\s+\((?:Xinhua|Reuters|AP|AFP)\)\s*[-–—]",
    re.IGNORECASE)
_DATELINE_ZH = re.compile(r"新华社[\u4e00-\u9fff]{1,6}(?P<m>\d{1,2})月(?P<d>\d{1,2})日电")
_FORWARD_BEFORE = re.compile(
    r"(?:\bwill\b|\bshall\b|\bto\s+take\s+effect\b|\btaking\s+effect\b|\btake\s+effect\b"
    r"|\bapply\b|\bapplies\b|\bstarting\b)[^.;]{0,40}$", re.IGNORECASE)
_ROLE_FROM = re.compile(
    r"(?:\b(?:from|since|starting(?:\s+from)?|as\s+of|effective(?:\s+from)?|beginning"
    r"|took\s+effect\s+(?:on|in)|takes?\s+effect\s+(?:on|in)|came\s+into\s+(?:force|effect)\s+on"
    r"|comes?\s+into\s+(?:force|effect)\s+on)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?"
    r"|自|从|于)$", re.IGNORECASE)
# "until"/"till" right before a relative time ("Until last month"): the time ends a period
_UNTIL_JUST_BEFORE = re.compile(r"\b(?:until|till|up\s+until)\s+$", re.IGNORECASE)
# (a time something is traced back to is when it happened: "dates back to July 2023",
# 可追溯至2023年7月; sixty-sixth pass)
_ROLE_UNTIL = re.compile(r"(?:\b(?:until|till|through|(?<!back\s)to|up\s+to|(?:end|ends|ended"
                         r"|expire|expires|expired)\s+on)\s+|(?<!追溯)(?<!回溯)[至到])$",
                         re.IGNORECASE)
# ... and an event told minutes or hours from the one before ("within minutes of the tariff
# announcement", "hours later", 随即): the same day.
_SAME = re.compile(r"\b(?:the\s+same\s+(?:day|month)|that\s+day|the\s+day\s+before)\b"
                   # "the listing came on a day when the ministry also unveiled …": the day
                   # of the event told before, when an act is told on it (not "a day when
                   # markets fell")
                   r"|\b(?:came|comes|come|fell|falls)\s+on\s+a\s+day\s+when\b(?=[^.;]{0,80}?"
                   r"\b(?:announc|unveil|issu|releas|publish|impos|introduc|add|put|ban)\w*)"
                   r"|\bwithin\s+(?:(?:a\s+few|several)\s+)?(?:minutes|hours|an\s+hour)\s+of\b"
                   r"|\b(?:minutes|moments|hours|an\s+hour)\s+(?:later|afterwards)\b"
                   r"|同日|当天|当日|随即", re.IGNORECASE)


@dataclass(frozen=True)
class DateSpan:
    """A date a text names: its first and last day (ISO), precision, role, words, offset."""

    first: str
    last: str
    precision: str  # "day" | "week" | "month" | "year"
    role: str  # "on" | "from" | "until"
    text: str
    start: int

    def covers(self, day: str) -> bool:
        return self.first <= day <= self.last


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_span(y: int, m: int, part: str = "") -> tuple[date, date]:
    """A month's first and last day; a part of it narrows the days (docs/RULES.md, "a part of a
    month"): early, the beginning or start of, 上旬, 月初 = days 1-10; mid, the middle of, 中旬 =
    days 11-20; late, the end of, 下旬, 月底, 月末 = day 21 to the month's last."""
    last = calendar.monthrange(y, m)[1]
    part = part.lower()
    if part.startswith(("early", "the beginning", "the start", "上旬", "初")):
        return date(y, m, 1), date(y, m, 10)
    if part.startswith(("mid", "the middle", "中旬")):
        return date(y, m, 11), date(y, m, 20)
    if part.startswith(("late", "the end", "下旬", "底", "末")):
        return date(y, m, 21), date(y, m, last)
    return date(y, m, 1), date(y, m, last)


# the part of a month the words before it name ("in late October", "the end of")
_MONTH_PART = re.compile(r"(?:^|\s)(?P<part>early|mid|late|the\s+(?:end|beginning|start|middle))"
                         r"\b[^\w]*(?:of\s*)?$", re.IGNORECASE)


def _part_of(mod: str) -> str:
    m = _MONTH_PART.search(mod or "")
    return m["part"] if m else ""


def _nearest_day(today: date, m: int, d: int, forward: bool = False) -> date | None:
    """The month and day in the year that fits: looking forward, the first on or after six
    weeks before today; otherwise the last on or before two days after today."""
    options = [x for y in (today.year - 1, today.year, today.year + 1) if (x := _day(y, m, d))]
    if forward:
        return min((x for x in options if x >= today - timedelta(days=45)), default=None)
    return max((x for x in options if x <= today + timedelta(days=2)), default=None)


_FORWARD_MODIFIERS = ("until", "till", "by", "from", "before", "through")
# How far ahead of the page a start day told without its year (自4月10日起) is read as coming.
START_AHEAD_DAYS = 90
_FUTURE = re.compile(r"\b(?:will|would|shall|to\s+take\s+effect|taking\s+effect|set\s+to"
                     r"|due\s+to|scheduled|starting|until|till)\b|将|起(?:正式)?(?:实施|施行)",
                     re.IGNORECASE)
# A past tense in the clause before "before/until/by <month>" ("were in force before October",
# "had applied until May"): the month is behind the document's date, not ahead of it.
_PAST_BEFORE = re.compile(r"\b(?:was|were|had)\b[^.;,]{0,40}$", re.IGNORECASE)
# a year told relative to the document's ("last year", "April this year")
_RELATIVE_YEAR = {"last": -1, "this": 0, "next": 1}
_LATER_IN_MONTH = re.compile(r"\blater\s+(?:in\s+the|this)\s+month\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b|自[^，。；]{0,60}以来", re.IGNORECASE)
_FORWARD_JUST_BEFORE = re.compile(r"\b(?:from|starting|until|till|by|through)\s+$",
                                  re.IGNORECASE)


# Where the clause of a date starts: a "will" of an earlier clause ("EU companies will benefit
# from the suspension, but … controls introduced by China in April") is not the date's.
_CLAUSE_BEFORE = re.compile(r"[;；。]|,\s*(?:but|while|whereas)\s|\bbut\s", re.IGNORECASE)


# A verb of a measure put in place, in the past ("imposed … from April 4", "took effect from"):
# the start it tells is behind the page unless it is only days ahead (`START_AHEAD_DAYS`).
_PAST_START = re.compile(r"\b(?:imposed|introduced|implemented|enacted|adopted|tightened"
                         r"|restricted|banned|required|took\s+effect|came\s+into\s+(?:force|effect)"
                         r"|kicked\s+in|began|started|went\s+into\s+effect)\b", re.IGNORECASE)


def _started_in_the_past(before: str) -> bool:
    """Whether the clause before a start day tells its start with a past verb and no future."""
    clause = _CLAUSE_BEFORE.split(before)[-1]
    return bool(_PAST_START.search(clause)) and not _FUTURE.search(clause)


def _looks_forward(before: str) -> bool:
    """Whether the words before a date, in its clause, look forward (will, from, until, 将…)."""
    before = _CLAUSE_BEFORE.split(before)[-1]
    if _FUTURE.search(before):
        return True
    # "since China implemented the controls … from April 4": a since-clause tells the past
    return bool(_FORWARD_JUST_BEFORE.search(before[-20:])) and not _SINCE.search(before)


def _nearest_month(today: date, m: int, modifier: str, forward: bool = False
                   ) -> tuple[int, int]:
    """(year, month) of a month named without a year, from the words before it."""
    mod = modifier.lower()
    if mod.startswith("last"):
        y = today.year if m < today.month else today.year - 1
        return y, m
    if mod.startswith("next"):
        return (today.year if m > today.month else today.year + 1), m
    if mod.startswith("this"):
        return today.year, m
    if mod.startswith(_FORWARD_MODIFIERS) or forward:
        return (today.year if m >= today.month - 1 else today.year + 1), m
    return (today.year if m <= today.month else today.year - 1), m


def _role(before: str) -> str:
    before = before[-40:]
    if _ROLE_UNTIL.search(before.rstrip()) or _ROLE_UNTIL.search(before):
        return "until"
    if _ROLE_FROM.search(before.rstrip() + " ") or _ROLE_FROM.search(before):
        return "from"
    return "on"


def _span(first: date, last: date, precision: str, text: str, start: int, role: str
          ) -> DateSpan:
    return DateSpan(first.isoformat(), last.isoformat(), precision, role, text, start)


def dateline(text: str, published: str) -> str | None:
    """The day of a Xinhua dateline at the start of a text (its year from `published`)."""
    today = date.fromisoformat(published)
    head = nfkc(text or "")[:200]
    m = _DATELINE_EN.search(head)
    if m:
        day = _nearest_day(today, _MONTH_NUMBER[m["mon"].lower().rstrip(".")], int(m["d"]))
        return day.isoformat() if day else None
    m = _DATELINE_ZH.search(head)
    if m:
        day = _nearest_day(today, int(m["m"]), int(m["d"]))
        return day.isoformat() if day else None
    return None


def _taken(found: list[DateSpan], start: int, end: int) -> bool:
    return any(s.start <= start < s.start + len(s.text) or start <= s.start < end for s in found)


# A season of a year ("since summer 2023", "in the fall of 2024", "last summer"): its three
# months (northern, meteorological), as a month's precision; winter straddles two years and is
# not read, nor is "this autumn", the news's own time ("approvals are coming faster this
# autumn"), not a measure's.
_EN_SEASON = re.compile(r"\b(?:(?P<rel>last)\s+)?(?P<season>spring|summer|autumn|fall)"
                        r"(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d{2}))?\b", re.IGNORECASE)
_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}


def _seasons(text: str, today: date, found: list[DateSpan]) -> None:
    for m in _EN_SEASON.finditer(text):
        if not (m["rel"] or m["y"]) or _taken(found, m.start(), m.end()):
            continue  # "the fall in prices": a season needs its year or "last"
        first_month = _SEASON_MONTHS[m["season"].lower()]
        if m["y"]:
            y = int(m["y"])
        else:  # the last such season to have ended before the text's day
            y = today.year if today >= date(today.year, first_month + 2, 28) else today.year - 1
        first = date(y, first_month, 1)
        last = _month_span(y, first_month + 2)[1]
        found.append(_span(first, last, "month", m.group(), m.start(), _role(text[:m.start()])))


# The end of a year ("at the end of last year", "the end of 2024", 去年年底, 2024年底, 去年底): its
# December, as a month's precision; "late last year" stays the year (sixty-fourth pass)
_YEAR_END = re.compile(r"\bthe\s+end\s+of\s+(?:(?P<ry>last|this)\s+year|(?P<y>(?:19|20)\d{2}))\b"
                       r"|(?:(?P<zr>去年|今年)|(?P<zy>(?:19|20)\d{2})\s*年)\s*(?:年底|年末|底|末)",
                       re.IGNORECASE)


def _year_ends(text: str, today: date, found: list[DateSpan]) -> None:
    for m in _YEAR_END.finditer(text):
        if _taken(found, m.start(), m.end()):
            continue
        relative = (m["ry"] or "").lower() or {"去年": "last", "今年": "this"}.get(m["zr"] or "")
        y = today.year + _RELATIVE_YEAR[relative] if relative else int(m["y"] or m["zy"])
        found.append(_span(date(y, 12, 1), date(y, 12, 31), "month", m.group(), m.start(),
                           _role(text[:m.start()])))


def _english(text: str, today: date, found: list[DateSpan]) -> None:
    for m in _EN_FULL.finditer(text):
        mon = (m["mon"] or m["mon2"]).lower().rstrip(".")
        day = _day(int(m["y"] or m["y2"]), _MONTH_NUMBER[mon], int(m["d"] or m["d2"]))
        if day:
            found.append(_span(day, day, "day", m.group(), m.start(), _role(text[:m.start()])))
    for m in _YESTERDAY.finditer(text):
        day = today - timedelta(days=1)
        found.append(_span(day, day, "day", m.group(), m.start(), "on"))
    for m in _TODAY.finditer(text):
        if not _taken(found, m.start(), m.end()):  # ("two years ago today": an anniversary)
            found.append(_span(today, today, "day", m.group(), m.start(), _role(text[:m.start()])))
    for m in _IMMEDIATELY.finditer(text):
        found.append(_span(today, today, "day", m.group(), m.start(), "from"))
    for m in _EN_RELATIVE_DAY.finditer(text):
        mon = m["mon"].lower().rstrip(".")
        if mon == "may" and not m.group().startswith("May"):
            continue
        y = today.year + _RELATIVE_YEAR[m["ry"].lower()]
        day = _day(y, _MONTH_NUMBER[mon], int(m["d"]))
        if day and not _taken(found, m.start(), m.end()):
            found.append(_span(day, day, "day", m.group(), m.start(), _role(text[:m.start()])))
    for m in _EN_DAY.finditer(text):
        if _taken(found, m.start(), m.end()):
            continue
        mon = (m["mon"] or m["mon2"]).lower().rstrip(".")
        if mon == "may" and m["mon"] and not re.match(r"May\b", m.group()):
            continue  # the verb "may"
        # "Later in the month, on November 27" on 4 November: a day of the document's own
        # month told as later in it is ahead, not a year back
        later = bool(_LATER_IN_MONTH.search(text[:m.start()])) and (
            _MONTH_NUMBER[mon] == today.month)
        day = _nearest_day(today, _MONTH_NUMBER[mon], int(m["d"] or m["d2"]),
                           _looks_forward(text[:m.start()]) or later)
        if day and day > today + timedelta(days=START_AHEAD_DAYS) and _started_in_the_past(
                text[:m.start()]):
            # "Beijing imposed export licensing requirements on REMs from April 4" on 27
            # October: a start a past verb tells, not months ahead, is the last one behind
            day = _nearest_day(today, _MONTH_NUMBER[mon], int(m["d"] or m["d2"])) or day
        if day:
            found.append(_span(day, day, "day", m.group(), m.start(), _role(text[:m.start()])))
    _joined_days(text, found)
    for m in _EN_ORDINAL_DAY.finditer(text):
        if _taken(found, m.start(), m.end()):
            continue
        day = _day_of_recent_month(today, int(m["d"]))
        if day:
            found.append(_span(day, day, "day", m.group(), m.start(), _role(text[:m.start()])))
    for m in _EN_MONTH.finditer(text):
        group = "mon" if m["mon"] else "mon3"
        start = m.start(group)
        if _taken(found, start, m.end()):
            continue
        mon = m[group].lower().rstrip(".")
        if mon == "may" and not m.group(group).startswith("May"):
            continue
        month = _MONTH_NUMBER[mon]
        relative = (m["ry"] or m["ry3"] or "").lower()
        tail = _EN_MONTH_RANGE_TAIL.match(text, m.end())
        if m["y"]:
            y, mo = int(m["y"]), month
        elif not relative and tail:
            y = int(tail["y"]) if tail["y"] else today.year + _RELATIVE_YEAR[tail["ry"].lower()]
            y, mo = (y - 1 if month > _MONTH_NUMBER[tail["mon"].lower().rstrip(".")] else y), month
        elif relative:
            y, mo = today.year + _RELATIVE_YEAR[relative], month
        elif ((m["mod"] or "").lower().startswith(("before", "until", "till", "by"))
              and _PAST_BEFORE.search(text[:m.start()][-60:])
              and not _FUTURE.search(text[:m.start()])):
            # "the rules that were in force before October": a past tense looks back
            y, mo = _nearest_month(today, month, "")
        else:
            y, mo = _nearest_month(today, month, m["mod"], _looks_forward(text[:m.start()]))
        first, last = _month_span(y, mo, _part_of(m["mod"] or ""))
        mod = (m["mod"] or "").lower()
        role = ("from" if mod.startswith(("since", "from", "after")) else
                "until" if mod.startswith(("until", "till", "by", "before", "through")) else "on")
        found.append(_span(first, last, "month", m.group(), m.start(), role))
    nouns = {m.start("mon"): m for m in _EN_MONTH_NOUN.finditer(text)}
    for m in _EN_MONTH_YEAR.finditer(text):
        if _taken(found, m.start(), m.end()) or (
                m["mon"].lower() == "may" and not m.group().startswith("May")):
            continue
        first, last = _month_span(int(m["y"]), _MONTH_NUMBER[m["mon"].lower().rstrip(".")])
        # "China's April 2025 export restrictions" is a dated measure, as "China's April export
        # restrictions" is (_EN_MONTH_NOUN): its text is the noun phrase
        told = nouns.get(m.start())
        found.append(_span(first, last, "month", told.group() if told else m.group(), m.start(),
                           _role(text[:told.start() if told else m.start()])))
    _seasons(text, today, found)
    for m in nouns.values():
        if _taken(found, m.start("mon"), m.end("mon")):
            continue
        y, mo = _nearest_month(today, _MONTH_NUMBER[m["mon"].lower().rstrip(".")], "")
        first, last = _month_span(y, mo)
        found.append(_span(first, last, "month", m.group(), m.start("mon"), "on"))
    for m in _EN_RELATIVE.finditer(text):
        if _taken(found, m.start(), m.end()):
            continue  # "in August last year" is a month
        rel = " ".join(m["rel"].lower().split())
        span = _relative(rel, today, m.group(), m.start())
        if _UNTIL_JUST_BEFORE.search(text[:m.start()]):
            # "Until last month, the authorities had relied on …": the end of a period, as
            # "until March 2025" is, not the time of an event
            span = replace(span, role="until")
        found.append(span)
    for m in _EN_YEAR.finditer(text):
        if not _taken(found, m.start("y"), m.end()):
            y = int(m["y"])
            found.append(_span(date(y, 1, 1), date(y, 12, 31), "year", m.group(), m.start("y"),
                               _role(text[:m.start("y")])))
    for m in _EN_WEEKDAY.finditer(text):
        if _taken(found, m.start("wd"), m.end()):
            continue
        pre = (m["pre"] or "").strip().lower()
        target = WEEKDAYS.index(m["wd"].lower())
        forward = pre in ("from", "until", "till", "by", "starting", "next") or bool(
            _FORWARD_BEFORE.search(text[: m.start()]))
        if pre == "last":
            forward = False
        if forward:
            day = today + timedelta(days=(target - today.weekday()) % 7)
        else:
            day = today - timedelta(days=(today.weekday() - target) % 7)
        role = "until" if pre in ("until", "till", "by") else (
            "from" if pre in ("from", "since", "starting") else "on")
        found.append(_span(day, day, "day", m.group(), m.start(), role))
    for m in _ISO.finditer(text):
        day = _day(int(m["y"]), int(m["m"]), int(m["d"]))
        if day and not _taken(found, m.start(), m.end()):
            found.append(_span(day, day, "day", m.group(), m.start(), _role(text[:m.start()])))


def _day_of_recent_month(today: date, d: int) -> date | None:
    """A day of the month told alone (15日, "on the 20th"): of the document's month, or of the
    month before when that day is still to come."""
    y, mo = today.year, today.month
    if d > today.day:
        y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
    return _day(y, mo, d)


def _joined_days(text: str, found: list[DateSpan]) -> None:
    """A day joined by "and" to a day found ("April 4 and 9, 2025"): the same month's (of the
    year after it, when one follows)."""
    for span in [d for d in found if d.precision == "day"]:
        end = span.start + len(span.text)
        m = _EN_JOINED_DAY.match(text, end)
        if m is None or _taken(found, m.start("j"), m.end()):
            continue
        first = date.fromisoformat(span.first)
        day = _day(int(m["y"]) if m["y"] else first.year, first.month, int(m["d"]))
        if day:
            found.append(_span(day, day, "day", m["j"], m.start("j"), span.role))


def _relative(rel: str, today: date, text: str, start: int) -> DateSpan:
    monday = today - timedelta(days=today.weekday())
    if rel.endswith("week"):
        if rel.startswith(("last", "the previous")):
            return _span(monday - timedelta(days=7), monday - timedelta(days=1), "week", text,
                         start, "on")
        if rel.startswith("next"):
            return _span(monday + timedelta(days=7), monday + timedelta(days=13), "week", text,
                         start, "on")
        return _span(monday, today, "week", text, start, "on")
    if rel.endswith("month"):
        y, m = today.year, today.month
        if rel.startswith(("last", "the previous")):
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        elif rel.startswith("next"):
            y, m = (y, m + 1) if m < 12 else (y + 1, 1)
        first, last = _month_span(y, m)
        return _span(first, last, "month", text, start, "on")
    if rel.endswith("year"):
        y = today.year - 1 if rel.startswith(("last", "the previous")) else today.year
        return _span(date(y, 1, 1), date(y, 12, 31), "year", text, start, "on")
    return _span(today - timedelta(days=14), today, "week", text, start, "on")  # recently


def _chinese(text: str, today: date, found: list[DateSpan]) -> None:
    for m in _ZH_FULL.finditer(text):
        day = _day(int(m["y"]), int(m["m"]), int(m["d"]))
        if day:
            found.append(_span(day, day, "day", m.group(), m.start(), _zh_role(text, m)))
    for m in _ZH_RELATIVE_DAY.finditer(text):
        y = {"今年": today.year, "去年": today.year - 1, "明年": today.year + 1}[m["pre"]]
        day = _day(y, int(m["m"]), int(m["d"]))
        if day:
            found.append(_span(day, day, "day", m.group(), m.start(), _zh_role(text, m)))
    for m in _ZH_MONTH_RELATIVE_DAY.finditer(text):
        y, mo = today.year, today.month + {"本月": 0, "上月": -1, "下月": 1}[m["pre"]]
        y, mo = (y - 1, 12) if mo == 0 else (y + 1, 1) if mo == 13 else (y, mo)
        day = _day(y, mo, int(m["d"]))
        if day:
            found.append(_span(day, day, "day", m.group(), m.start(), _zh_role(text, m)))
    for m in _ZH_DAY.finditer(text):
        if _taken(found, m.start(), m.end()):
            continue
        role = _zh_role(text, m)
        day = _nearest_day(today, int(m["m"]), int(m["d"]),
                           _looks_forward(text[:m.start()]) or role == "until")
        if role == "from" and (ahead := _nearest_day(today, int(m["m"]), int(m["d"]), True)) and (
                ahead <= today + timedelta(days=START_AHEAD_DAYS)):
            day = ahead  # 自4月10日起 on 6 April: a start days ahead, not a year back
        if day:
            found.append(_span(day, day, "day", m.group(), m.start(), _zh_role(text, m)))
    for m in _ZH_YEAR_MONTH.finditer(text):
        if _taken(found, m.start(), m.end()) or not 1 <= int(m["m"]) <= 12:
            continue
        first, last = _month_span(int(m["y"]), int(m["m"]), m["part"] or "")
        found.append(_span(first, last, "month", m.group(), m.start(), _zh_role(text, m)))
    for m in _ZH_MONTH.finditer(text):
        if _taken(found, m.start("m"), m.end()) or not 1 <= int(m["m"]) <= 12:
            continue
        month = int(m["m"])
        pre = m["pre"] or ""
        y = {"今年": today.year, "去年": today.year - 1, "明年": today.year + 1}.get(pre)
        if y is None:
            y, month = _nearest_month(today, month, "", _looks_forward(text[:m.start()])
                                      or _zh_start_ahead(text[m.end():], today, month))
        first, last = _month_span(y, month, m["part"] or "")
        found.append(_span(first, last, "month", m.group(), m.start(), _zh_role(text, m)))
    for m in _ZH_BARE_DAY.finditer(text):
        d = int(m["d"] or m["bd"])
        if _taken(found, m.start(), m.end()):
            continue
        joined = _joined_day(text, m.start(), found)
        # (4月4日和9日: the 9th of that April)
        day = _day(joined.year, joined.month, d) if joined is not None \
            else _day_of_recent_month(today, d)
        if day:
            found.append(_span(day, day, "day", m.group(), m.start(), _zh_role(text, m)))
    for m in _ZH_WEEKDAY.finditer(text):
        target = _ZH_WEEKDAYS.index("日" if m["wd"] == "天" else m["wd"])
        monday = today - timedelta(days=today.weekday())
        if m["pre"] == "上":
            day = monday - timedelta(days=7 - target)
        elif m["pre"] == "下":
            day = monday + timedelta(days=7 + target)
        elif m["pre"] == "本" or _looks_forward(text[:m.start()]):
            day = monday + timedelta(days=target)
        else:
            day = today - timedelta(days=(today.weekday() - target) % 7)
        found.append(_span(day, day, "day", m.group(), m.start(), _zh_role(text, m)))
    for m in _ZH_YEAR.finditer(text):
        if not _taken(found, m.start(), m.end()):
            y = int(m["y"])
            found.append(_span(date(y, 1, 1), date(y, 12, 31), "year", m.group(), m.start(),
                               _zh_role(text, m)))
    for m in _ZH_RELATIVE.finditer(text):
        if _taken(found, m.start(), m.end()):
            continue
        word = m.group()
        if word in ("今年", "今年以来"):
            span = _span(date(today.year, 1, 1), today, "year", word, m.start(), "on")
        elif word == "去年":
            span = _span(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31), "year", word,
                         m.start(), "on")
        elif word in ("本月", "上月"):
            span = _relative("this month" if word == "本月" else "last month", today, word,
                             m.start())
        elif word in ("本周", "上周"):
            span = _relative("this week" if word == "本周" else "last week", today, word,
                             m.start())
        else:
            span = _relative("recently", today, word, m.start())
        found.append(span)
    for m in _ZH_AFTER_NATIONAL_DAY.finditer(text):
        # the holiday's week runs from 1 October: the days after it start on the 8th
        first = date(today.year, 10, 8)
        if not _taken(found, m.start(), m.end()) and first <= today <= first + timedelta(days=30):
            found.append(_span(first, today, "week", m.group(), m.start(), "on"))


# "after the National Day holiday" (国庆节后, 国庆假期之后, 国庆长假过后) on a page of the weeks
# after it: from the day after the holiday to the page's day
_ZH_AFTER_NATIONAL_DAY = re.compile(r"国庆(?:节|假期|长假|黄金周)?(?:后|之后|过后|刚过|结束后)")


# a day joined to a day before it (4月4日和9日, 10月9日、10日, 11月8日至10日)
_ZH_JOINED = re.compile(r"[日号]\s*(?:和|、|及|与|至|到|-|—|～|~)\s*$")


def _joined_day(text: str, start: int, found: list[DateSpan]) -> date | None:
    """The day a bare day of the month is joined to ("4月4日和9日"): it shares its month."""
    joint = _ZH_JOINED.search(text[max(0, start - 4):start])
    if joint is None:
        return None
    end = max(0, start - 4) + joint.start() + 1
    for span in found:
        if span.precision == "day" and span.start + len(span.text) == end:
            return date.fromisoformat(span.first)
    return None


def _zh_role(text: str, m: re.Match[str]) -> str:
    after = text[m.end(): m.end() + 3]
    before = text[max(0, m.start() - 3): m.start()].rstrip()  # (自 4 月 10 日起: spaced)
    if re.match(r"\s*起", after) or before.endswith(("自", "从")):
        return "from"
    # (等到10月初，… is "when early October came", and 直到10月9日那天 or 直到…才 "not until
    # 9 October": the time things happened; sixty-ninth pass)
    if before.endswith(("至", "到")) and not before.endswith(("截至", "追溯至", "追溯到", "回溯至",
                                                              "回溯到", "等到")) and not (
            before.endswith("直到") and re.match(r"\s*(?:那天|那一天|当天|那时|才)", after)):
        return "until"
    return "on"


# The same day some years before the document's ("two years ago today", 两年前的今天): an
# anniversary names a day, not a year.
_YEARS_AGO_TODAY = re.compile(
    r"\b(?P<en>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+ago\s+"
    r"(?:today|to\s+the\s+day|this\s+day)\b"
    r"|(?P<zh>[一两二三四五六七八九十]|\d{1,2})\s*(?:周)?年前的(?:今天|今日|同一天|这一天)",
    re.IGNORECASE)
# the small numbers a text writes in words, in English and Chinese (also `linking`'s counts)
SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "一": 1,
                 "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                 "十": 10, "十一": 11}


# Days counted back from the day the sentence names before them, or from the document's date
# ("lodged a protest on Wednesday over the measure announced a day earlier", 前一天).
_DAYS_EARLIER = re.compile(
    r"\b(?P<en>a|one|two|three|four|five|six|\d)\s+days?\s+(?:earlier\b|before(?=\s*(?:[,.;:)]|$)))"
    r"|(?P<zh>前一|前两|前三)(?:天|日)", re.IGNORECASE)


# The first working day after a public holiday (春节假期结束后的首个工作日, 国庆节后首个工作日,
# 节后首个工作日, "the first working day after the Lunar New Year holiday"; seventieth pass):
# the day the State Council's holiday schedule of that year puts the office back to work (its
# make-up Saturdays and Sundays counted). A holiday named is its latest ending on or before the
# document's day; 节后 alone is the holiday that ended last, within HOLIDAY_REACH_DAYS. Years
# the table has not are not read.
FIRST_WORKDAY_AFTER = {
    "spring": ("2020-02-03", "2021-02-18", "2022-02-07", "2023-01-28", "2024-02-18",
               "2025-02-05", "2026-02-24"),
    "labour": ("2020-05-06", "2021-05-06", "2022-05-05", "2023-05-04", "2024-05-06",
               "2025-05-06", "2026-05-06"),
    "national": ("2020-10-09", "2021-10-08", "2022-10-08", "2023-10-07", "2024-10-08",
                 "2025-10-09"),
}
HOLIDAY_REACH_DAYS = 30
_HOLIDAY_WORKDAY = re.compile(
    r"(?:(?P<zh>春节|春節|国庆(?:节)?|國慶(?:節)?|十一|五一|劳动节|勞動節)?(?:长|長)?假(?:期)?"
    r"(?:结束|結束)?(?:后|後)|(?P<zh2>春|国庆|國慶|五一)?(?:节|節)(?:后|後))的?\s*(?:首个|首個|第一个"
    r"|第一個)工作日"
    # (in English a holiday named or the word holiday: "the first business day after the
    # election" is none)
    r"|\bfirst\s+(?:working|business|work)\s+day\s+(?:after|following)\s+(?:the\s+)?"
    r"(?:(?P<en>(?:Lunar|Chinese)\s+New\s+Year|Spring\s+Festival|National\s+Day|Golden\s+Week"
    r"|May\s+Day|Labou?r\s+Day)(?:\s+(?:holidays?|break|festival))?|holidays?\b|break\b)",
    re.IGNORECASE)


def _holiday_kind(name: str) -> str | None:
    """The holiday FIRST_WORKDAY_AFTER names by a text's word for it (None: not named)."""
    name = name.lower()
    if not name:
        return None
    if any(w in name for w in ("春", "new year", "spring")):
        return "spring"
    if any(w in name for w in ("五一", "劳动", "勞動", "may", "labo")):
        return "labour"
    return "national"


def _holiday_workdays(text: str, today: date, found: list[DateSpan]) -> None:
    for m in _HOLIDAY_WORKDAY.finditer(text):
        kind = _holiday_kind(m["zh"] or m["zh2"] or m["en"] or "")
        days = [date.fromisoformat(d) for k, ds in FIRST_WORKDAY_AFTER.items()
                if kind in (None, k) for d in ds]
        past = [d for d in days if d <= today]
        if not past or (kind is None and (today - max(past)).days > HOLIDAY_REACH_DAYS):
            continue
        day = max(past)
        # (the holiday's days after it, 国庆节后, read as a week before: the working day names
        # one of them)
        found[:] = [f for f in found if not m.start() <= f.start < m.end()]
        found.append(_span(day, day, "day", m.group(), m.start(), _role(text[:m.start()])))


def _days_earlier(text: str, today: date, found: list[DateSpan]) -> None:
    for m in _DAYS_EARLIER.finditer(text):
        if _taken(found, m.start(), m.end()):
            continue
        n = m["en"].lower() if m["en"] else {"前一": "1", "前两": "2", "前三": "3"}[m["zh"]]
        back = int(n) if n.isdigit() else SMALL_NUMBERS[n]
        anchors = [d for d in found if d.start < m.start() and d.precision == "day"
                   and d.role == "on"]
        anchor = date.fromisoformat(anchors[-1].first) if anchors else today
        day = anchor - timedelta(days=back)
        found.append(_span(day, day, "day", m.group(), m.start(), "on"))


# A time counted back from the news ("The probe comes less than three weeks after China placed
# export controls on …", "two weeks after the ministry announced …"): the act after "after" is
# that long before the day the sentence names before it, or the document's date. Days and weeks
# only: "six months after" spans two months, too wide to date an act.
_TIME_AFTER = re.compile(
    r"\b(?:(?P<within>less\s+than|under|within|not\s+even|barely)\s+|(?:just|only|about|nearly"
    r"|around|some|roughly)\s+)?(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"\s+(?P<unit>days?|weeks?)\s+after\b"
    # (or with no count, after the news that "comes" that long after it: "This whole ordeal comes
    # just weeks after China said it would lift the export ban …"; seventy-second pass)
    r"|\b(?:comes?|came|coming)\s+(?:(?:just|only|mere|barely|a\s+few|several|few)\s+){0,2}"
    r"(?P<vague>days|weeks)\s+after\b", re.IGNORECASE)
_UNIT_DAYS = {"day": 1, "week": 7}
# A count of days or weeks not given ("a few weeks ago", "weeks after", 几周前): from one unit to
# this many back (the nearest day left out: a day or a week before is said so).
_VAGUE_UNITS = {1: 10, 7: 49}


def _vague_back(anchor: date, unit: int) -> tuple[date, date]:
    """(earliest, latest) of a time some days or some weeks before the anchor."""
    return anchor - timedelta(days=_VAGUE_UNITS[unit]), anchor - timedelta(days=unit)


def _time_after(text: str, today: date, found: list[DateSpan]) -> None:
    for m in _TIME_AFTER.finditer(text):
        if _taken(found, m.start(), m.end()):
            continue
        if m["vague"]:
            earliest, latest = _vague_back(today, _UNIT_DAYS[m["vague"].lower().rstrip("s")])
            found.append(_span(earliest, latest, "week" if m["vague"].lower() == "days"
                               else "month", m.group(), m.start(), "on"))
            continue
        n = m["n"].lower()
        unit = _UNIT_DAYS[m["unit"].lower().rstrip("s")]
        span = (int(n) if n.isdigit() else SMALL_NUMBERS[n]) * unit
        anchors = [d for d in found if d.start < m.start() and d.precision == "day"
                   and d.role == "on"]
        anchor = date.fromisoformat(anchors[-1].first) if anchors else today
        # "less than three weeks after": at most that long before; "three weeks after": about
        # that long, a unit either way (never after the anchor)
        latest = anchor if m["within"] else min(anchor, anchor - timedelta(days=span - unit))
        earliest = anchor - timedelta(days=span + (0 if m["within"] else unit))
        found.append(_span(earliest, latest, "week", m.group(), m.start(), "on"))


# Days or weeks counted back from the document's date ("three days ago", "two weeks ago", "a
# few weeks ago", 三天前, 两周前, 几个星期前; seventy-second pass): about that long, a unit either
# way, as "two weeks after" is (a week's precision); with no count, a vague stretch
# (`_VAGUE_UNITS`). Months and years ago are `_MONTHS_AGO`'s and `_YEARS_AGO`'s; 几天前 is one
# of the recent words (`_ZH_RELATIVE`).
_TIME_AGO = re.compile(
    r"\b(?:(?:just|only|about|nearly|around|some|roughly)\s+)?"
    r"(?:(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+|(?:a\s+few"
    r"|several|few)\s+)?(?P<unit>days?|weeks?)\s+ago\b"
    r"|(?:(?P<zn>[一两二三四五六七八九十]|\d{1,2})|(?P<zvague>几|数))\s*(?:个)?(?P<zunit>周|星期|礼拜"
    r"|天)(?:前|之前)(?!的?\s*(?:水平|价格|数据))", re.IGNORECASE)
_ZH_UNIT_DAYS = {"周": 7, "星期": 7, "礼拜": 7, "天": 1}


def _time_ago(text: str, today: date, found: list[DateSpan]) -> None:
    for m in _TIME_AGO.finditer(text):
        if _taken(found, m.start(), m.end()) or _COMPARED_WITH.search(text[:m.start()]):
            continue
        if m["zvague"] and m["zunit"] == "天":
            continue  # (几天前: a recent word)
        unit = _UNIT_DAYS[m["unit"].lower().rstrip("s")] if m["unit"] else _ZH_UNIT_DAYS[m["zunit"]]
        n = (m["n"] or m["zn"] or "").lower()
        if not n:
            earliest, latest = _vague_back(today, unit)
            precision = "week" if unit == 1 else "month"
        else:
            back = (int(n) if n.isdigit() else SMALL_NUMBERS[n]) * unit
            earliest, latest = today - timedelta(days=back + unit), today - timedelta(
                days=max(back - unit, 0))
            precision = "week"
        found.append(_span(earliest, latest, precision, m.group(), m.start(), "on"))


def _anniversaries(text: str, today: date, found: list[DateSpan]) -> None:
    for m in _YEARS_AGO_TODAY.finditer(text):
        n = (m["en"] or m["zh"]).lower()
        years = int(n) if n.isdigit() else SMALL_NUMBERS[n]
        day = _day(today.year - years, today.month, today.day)
        if day and not _taken(found, m.start(), m.end()):
            found.append(_span(day, day, "day", m.group(), m.start(), "on"))


# A year counted back from the document's ("the measures on gallium and germanium two years
# ago", 两年前): the calendar year that many years before, as "last year" is the one before. Two
# years or more: "a year ago" in January is as often the December before as the year before.
_YEARS_AGO = re.compile(
    r"\b(?P<en>two|three|four|five|six|seven|eight|nine|ten|[2-9]|1\d)\s+years?\s+ago\b"
    r"|(?<![\d一二三四五六七八九十])(?P<zh>[两二三四五六七八九十]|[2-9]|1\d)\s*年前(?!的)",
    re.IGNORECASE)


def _years_ago(text: str, today: date, found: list[DateSpan]) -> None:
    for m in _YEARS_AGO.finditer(text):
        if _taken(found, m.start(), m.end()):
            continue
        n = (m["en"] or m["zh"]).lower()
        y = today.year - (int(n) if n.isdigit() else SMALL_NUMBERS[n])
        found.append(_span(date(y, 1, 1), date(y, 12, 31), "year", m.group(), m.start(), "on"))


# Months counted back from the document's date ("two months ago", "nearly a year ago", "It's been
# nearly a year since China tightened …", 三个月前, 半年前, 近一年前; fifty-ninth pass): the months
# around that many months before, a month either way; "nearly", "almost" or "less than" that
# long is up to three months less (never more), "more than" or "over" up to three more (never
# less; a year: up to eleven more). Two years or more are `_YEARS_AGO`'s calendar years.
_MONTHS_AGO = re.compile(
    r"\b(?:(?:it['’]s|it\s+(?:has|had|is|was))\s+been\s+)?"
    r"(?P<q>(?:about|around|roughly|some|nearly|almost|just\s+under|less\s+than|more\s+than"
    r"|over|just\s+over)\s+)?"
    r"(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|[1-9]|1[01])\s+"
    r"(?P<unit>months?|year)|(?P<half>half\s+a\s+year|six\s+months))"
    r"\s+(?:ago\b|since\b(?=\s+(?:China|Beijing|the|it|they|MOFCOM|Chinese)\b))"
    r"|(?P<zq>近|将近|约|大约|不到|超过)?(?:(?P<zn>十一|[一两二三四五六七八九十]|[1-9]|1[01])\s*个月"
    r"|(?P<zhalf>半年)|(?P<zyear>一年))(?:前|之前)(?!的?\s*(?:水平|价格|数据|高位|低点))",
    re.IGNORECASE)
_NEARLY = ("nearly", "almost", "just under", "less than", "近", "将近", "不到")
_OVER = ("more than", "over", "just over", "超过")


def _months_back(today: date, months: int) -> date:
    """The day that many months before today (the month's last day where it has fewer days)."""
    y, m = divmod(today.year * 12 + today.month - 1 - months, 12)
    return date(y, m + 1, min(today.day, calendar.monthrange(y, m + 1)[1]))


# a time ago as the term of a comparison ("up 8% from a year ago", 较一年前): no event's time
_COMPARED_WITH = re.compile(
    r"(?:\b(?:from|than|with|over|versus|vs\.?|against)|较|比|与|和|同)\s*$", re.IGNORECASE)


def _months_ago(text: str, today: date, found: list[DateSpan]) -> None:
    for m in _MONTHS_AGO.finditer(text):
        if _taken(found, m.start(), m.end()) or _COMPARED_WITH.search(text[:m.start()]):
            continue
        if m["half"] or m["zhalf"]:
            months = 6
        elif m["zyear"] or (m["unit"] or "").lower() == "year":
            months = 12
        else:
            n = (m["n"] or m["zn"]).lower()
            months = int(n) if n.isdigit() else SMALL_NUMBERS[n]
        q = " ".join((m["q"] or m["zq"] or "").lower().split())
        if q in _NEARLY:
            earliest, latest = _months_back(today, months), _months_back(today, max(months - 3, 0))
        elif q in _OVER:
            # (more than a year is less than two: "restrictions imposed more than a year ago" in
            # December 2024 are those of July 2023; sixty-sixth pass)
            more = 11 if months == 12 else 3
            earliest, latest = _months_back(today, months + more), _months_back(today, months)
        else:
            earliest, latest = _months_back(today, months + 1), _months_back(today, months - 1)
        found.append(_span(earliest, latest, "month", m.group(), m.start(), "on"))


# A year, month or day in Chinese numerals: a year of four digits before 年, a month before 月,
# a day after a month or, alone, before 日 that is not a span of days (三日内, 七日后) nor a word
# (有朝一日, 同一日: a bare 一日 is not read; nor a day after 第, 前, 每, 数 …).
_ZH_DAY_NUMERAL = r"三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?"
_ZH_DATE_NUMERALS = re.compile(
    r"(?<![〇零一二三四五六七八九十])(?P<year>[〇零一二三四五六七八九]{4})(?=\s*年)"
    r"|(?<![〇零一二三四五六七八九十\d])(?P<month>十[一二]?|[一二三四五六七八九])(?=\s*月)"
    rf"|(?<=月)(?P<mday>{_ZH_DAY_NUMERAL}|[一二三四五六七八九])(?=\s*[日号])"
    r"|(?<![〇零一二三四五六七八九十\d第前后近数几每这那同某逾约满过连隔今明昨多朝])"
    rf"(?P<day>{_ZH_DAY_NUMERAL}|[二三四五六七八九])(?=日(?![内后前间以]))")


def _with_arabic_dates(text: str) -> tuple[str, list[int]]:
    """text with the Chinese numerals of its dates in digits, and for each character of the copy
    the offset of the character it comes from."""
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _ZH_DATE_NUMERALS.finditer(text):
        start, end = m.span()
        digits = arabic_numeral(m.group())
        chars.append(text[pos:start])
        offsets.extend(range(pos, start))
        chars.append(digits)
        offsets.extend(min(start + i, end - 1) for i in range(len(digits)))
        pos = end
    chars.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return "".join(chars), offsets


# A Chinese month told as a start (9月起, 9月将, 9月开始) a few months ahead of the news: the
# coming one (9月起对外发货须先申领出口许可证 on 16 August is this September).
_ZH_START_AFTER = re.compile(r"\s*(?:起|将|开始)")
START_AHEAD_MONTHS = 3


def _zh_start_ahead(after: str, today: date, month: int) -> bool:
    return bool(_ZH_START_AFTER.match(after)) and 0 < (month - today.month) % 12 <= (
        START_AHEAD_MONTHS)


def dates_in(sentence: str, today: str) -> list[DateSpan]:
    """The dates a sentence names, resolved from `today` (the document's date), in order."""
    text = nfkc(sentence or "")
    if _ZH_DATE_NUMERALS.search(text):
        digits, offsets = _with_arabic_dates(text)
        found = []
        for d in _dates_in(digits, today):  # the spans moved back to the words as written
            start, end = offsets[d.start], offsets[d.start + len(d.text) - 1] + 1
            found.append(replace(d, start=start, text=text[start:end]))
    else:
        found = _dates_in(text, today)
    if text != sentence and len(text) == len(sentence):
        # the words as the sentence writes them (（9）日, full-width digits), where it is read
        found = [replace(d, text=sentence[d.start:d.start + len(d.text)]) for d in found]
    return sorted(found, key=lambda s: s.start)


def _dates_in(text: str, today: str) -> list[DateSpan]:
    """The dates text names in digits, unsorted."""
    reference = date.fromisoformat(today)
    found: list[DateSpan] = []
    _anniversaries(text, reference, found)
    _years_ago(text, reference, found)
    _months_ago(text, reference, found)
    _year_ends(text, reference, found)
    _english(text, reference, found)
    _chinese(text, reference, found)
    _days_earlier(text, reference, found)
    _holiday_workdays(text, reference, found)
    _time_after(text, reference, found)
    _time_ago(text, reference, found)
    _days_after_a_past_time(text, reference, found)
    return found


_HAS_YEAR = re.compile(r"(?:19|20)\d\d|[今去明]年|\b(?:this|next|last)\s+year\b", re.IGNORECASE)


def _days_after_a_past_time(text: str, today: date, found: list[DateSpan]) -> None:
    """A start day without its year read ahead of the page ("starting Aug. 1") in a sentence
    that told a past time before it ("In July, China announced restrictions … starting Aug. 1",
    on 20 September): the day after that time, when it too is behind the page (seventy-first
    pass). An end ("until Nov 27") is left as read: the time before it is often the measure's,
    not the end's."""
    for i, d in enumerate(found):
        if d.precision != "day" or d.role != "from" or d.first <= today.isoformat() \
                or _HAS_YEAR.search(d.text):
            continue
        told = [e for e in found if e.start < d.start and e.precision in ("day", "month")
                and e.last < today.isoformat()]
        if not told:
            continue
        anchor = date.fromisoformat(max(e.first for e in told))
        day = date.fromisoformat(d.first)
        after = _day(anchor.year, day.month, day.day)
        if after is not None and after < anchor:
            after = _day(anchor.year + 1, day.month, day.day)
        if after is not None and after <= today:
            found[i] = replace(d, first=after.isoformat(), last=after.isoformat())


def same_time_reference(sentence: str) -> bool:
    """Whether a sentence dates itself by the one before ("on the same day", 同日)."""
    return bool(_SAME.search(nfkc(sentence or "")))
