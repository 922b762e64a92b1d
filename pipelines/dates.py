"""Dates as the sources write them → ISO dates and Beijing-time datetimes.

Naive times on these sites are Beijing time (Asia/Shanghai, +08:00); a timestamp with an explicit
offset or `Z` is converted to Beijing time, which may move its date. The forms understood are
listed in docs/RULES.md.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from pipelines.nfkc import nfkc

__all__ = ["BEIJING", "find_dates", "parse_published", "today_in_beijing"]

log = logging.getLogger(__name__)

BEIJING = ZoneInfo("Asia/Shanghai")


def today_in_beijing() -> str:
    """Today's date in Beijing (ISO): the default clock of a run and of every 'today'."""
    return datetime.now(BEIJING).date().isoformat()

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIME_24 = (
    r"(?:(?:\s*T\s*|\s+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?(?![\d:]))?"
)
_TIME_12 = (
    r"(?:,?\s+(?:at\s+)?(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"(?:\s*(?P<ampm>[ap])\.?m\.?\b)?(?![\d:]))?"
)
_ZH_DATE = r"(?<!\d)(?P<Y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
_ZH_TIME = (
    r"(?:\s*(?P<H>\d{1,2})\s*(?::|时|点)\s*(?P<M>\d{2})\s*分?"
    r"(?:\s*:?\s*(?P<S>\d{2})\s*秒?)?(?![\d:]))?"
)

# One pattern per written form; named groups: Y, m or mon, d, and optionally H, M, S, ampm, tz.
_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"{_ZH_DATE}{_ZH_TIME}"),
    re.compile(rf"(?<!\d)(?P<Y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?!\d){_TIME_24}"),
    re.compile(
        rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<Y>\d{{4}})(?!\d){_TIME_12}", re.I
    ),
    re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<Y>\d{{4}})(?!\d){_TIME_12}",
        re.I,
    ),
)
_ZH_DATE_ONLY = re.compile(_ZH_DATE)
# A label naming the publication date; when present, the first date after it wins.
_PUBLISHED_LABEL = re.compile(
    r"(?:published(?:\s+(?:on|at))?|publish(?:ed)?\s+(?:time|date)|release\s+date|pub\s*date"
    r"|发布时间|发布日期|发文日期|发稿时间|成文日期)\s*[:：]?",
    re.I,
)


@dataclass(frozen=True)
class _Stamp:
    """A date, and a Beijing datetime when a time was given."""

    day: date
    moment: datetime | None

    @property
    def iso(self) -> tuple[str, str | None]:
        moment = self.moment.isoformat(timespec="seconds") if self.moment else None
        return self.day.isoformat(), moment


def _offset(tz: str) -> timezone:
    """`Z`, `+08:00` or `-0500` → a fixed-offset timezone."""
    if tz.upper() == "Z":
        return UTC
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _hour(match: re.Match[str]) -> int:
    """The 24-hour hour of a match, from `10:41 PM` or `22:41`."""
    hour = int(match["H"])
    ampm = match.groupdict().get("ampm")
    if not ampm:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError(f"hour {hour} with {ampm.upper()}M")
    return hour % 12 + (12 if ampm.lower() == "p" else 0)


def _stamp(match: re.Match[str]) -> _Stamp:
    """The date (and time) a pattern match denotes; ValueError when it is not a real date."""
    groups = match.groupdict()
    month = _MONTHS[groups["mon"][:3].lower()] if groups.get("mon") else int(groups["m"])
    day = date(int(groups["Y"]), month, int(groups["d"]))
    if not groups.get("H"):
        return _Stamp(day, None)
    moment = datetime(day.year, day.month, day.day, _hour(match), int(groups["M"]),
                      int(groups.get("S") or 0))  # fmt: skip
    if groups.get("tz"):
        moment = moment.replace(tzinfo=_offset(groups["tz"])).astimezone(BEIJING)
    else:
        moment = moment.replace(tzinfo=BEIJING)
    return _Stamp(moment.date(), moment)


def _first_match(text: str, pos: int = 0) -> re.Match[str] | None:
    """The earliest date written in text from pos (the longest when two forms start together)."""
    found = [m for p in _PATTERNS if (m := p.search(text, pos))]
    return min(found, key=lambda m: (m.start(), -m.end()), default=None)


def _excerpt(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def parse_published(text: str) -> tuple[str, str | None]:
    """(ISO date, ISO datetime with +08:00 or None when no time is given); ValueError if no date.

    The first date after a publication label (`Published:`, `发布时间：`, `【发文日期】`…) wins,
    else the first date in the text. A date that does not exist (2025-02-30) is a ValueError.
    """
    norm = nfkc(text or "")
    match = None
    label = _PUBLISHED_LABEL.search(norm)
    if label:
        match = _first_match(norm, label.end())
    if match is None:
        match = _first_match(norm)
    if match is None:
        raise ValueError(f"no date in {_excerpt(text or '')}")
    try:
        return _stamp(match).iso
    except ValueError as exc:
        raise ValueError(f"invalid date {match.group()!r} in {_excerpt(text)}: {exc}") from None


def find_dates(text: str) -> list[str]:
    """Every ISO date written in Chinese (YYYY年M月D日) in text, in order, repeats included.

    A written date that does not exist (2025年2月30日) is skipped with a warning.
    """
    dates = []
    for match in _ZH_DATE_ONLY.finditer(nfkc(text or "")):
        try:
            dates.append(date(int(match["Y"]), int(match["m"]), int(match["d"])).isoformat())
        except ValueError as exc:
            log.warning("skipping invalid date %r: %s", match.group(), exc)
    return dates
