"""The time a claim speaks about: "on Saturday", "last month", "next week", "on 15 December", resolved
against the publication date where it is known.

A resolved time is a closed range of days (a day, a week, a month or a year), so later stages can compare
claims by overlap without caring how the article phrased the time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from tracker.lexicon import MONTHS, WEEKDAYS

# Month names must be capitalised ("march 12 kilometres" is a verb), the other words may be either.
_MONTH_NAMES = "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))

_EXPRESSIONS = re.compile(
    r"\b(?:"
    rf"(?P<dm>(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?(?P<dm_month>{_MONTH_NAMES})\.?(?:,?\s+(?P<dm_year>\d{{4}}))?)"
    rf"|(?P<md>(?P<md_month>{_MONTH_NAMES})\.?\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_year>\d{{4}}))?)"
    rf"|(?P<my>(?:(?i:in)\s+)?(?P<my_month>{_MONTH_NAMES})\s+(?P<my_year>\d{{4}}))"
    r"|(?P<wd>(?:(?i:on)\s+)?(?P<wd_name>(?i:" + "|".join(WEEKDAYS) + r")))"
    r"|(?P<rel>(?P<rel_dir>(?i:last|next|this|earlier this|later this))\s+"
    r"(?P<rel_unit>(?i:week|weekend|month|year|autumn|fall|spring|summer|winter)))"
    r"|(?P<day>(?i:yesterday|today|tomorrow))"
    r"|(?P<year>(?i:in)\s+(?P<year_n>(?:19|20)\d{2}))"
    r")\b"
)


@dataclass(frozen=True)
class TimeRef:
    text: str
    start: int  # offsets into the sentence or clause it was found in
    end: int
    first: dt.date | None  # resolved range, None when it cannot be resolved
    last: dt.date | None


def find_time(clause: str, published: dt.date | None, future: bool = False) -> TimeRef | None:
    """The first time expression of ``clause`` with its resolved range of days."""
    for match in _EXPRESSIONS.finditer(clause):
        first, last = _resolve(match, published, future)
        if first is not None or published is None:
            return TimeRef(match.group(0), match.start(), match.end(), first, last)
        return TimeRef(match.group(0), match.start(), match.end(), None, None)
    return None


def _resolve(m: re.Match[str], published: dt.date | None, future: bool) -> tuple[dt.date | None, dt.date | None]:
    if m.group("dm") or m.group("md"):
        prefix = "dm" if m.group("dm") else "md"
        month = MONTHS[m.group(f"{prefix}_month").lower()]
        day = int(m.group(f"{prefix}_day"))
        year = m.group(f"{prefix}_year")
        if year:
            return _day(int(year), month, day)
        if published is None:
            return None, None
        return _day(_nearest_year(month, day, published, future), month, day)
    if m.group("my"):
        month = MONTHS[m.group("my_month").lower()]
        return _month(int(m.group("my_year")), month)
    if m.group("year"):
        year = int(m.group("year_n"))
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if published is None:
        return None, None
    if m.group("wd"):
        target = WEEKDAYS.index(m.group("wd_name").lower())
        delta = (target - published.weekday()) % 7
        on = published + dt.timedelta(days=delta) if future else published - dt.timedelta(days=(7 - delta) % 7)
        return on, on
    if m.group("day"):
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[m.group("day").lower()]
        on = published + dt.timedelta(days=shift)
        return on, on
    return _relative(m.group("rel_dir").lower(), m.group("rel_unit").lower(), published)


def _relative(direction: str, unit: str, published: dt.date) -> tuple[dt.date, dt.date]:
    step = {"last": -1, "next": 1}.get(direction, 0)
    if unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        return (
            (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
            if unit == "weekend"
            else (
                monday,
                monday + dt.timedelta(days=6),
            )
        )
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return _month(index // 12, index % 12 + 1)
    if unit == "year":
        return dt.date(published.year + step, 1, 1), dt.date(published.year + step, 12, 31)
    # seasons: the whole year is the honest resolution without a hemisphere convention
    year = published.year + step
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _nearest_year(month: int, day: int, published: dt.date, future: bool) -> int:
    """The year that puts an undated day closest to publication, in the direction the tense points."""
    year = published.year
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        return year
    if not future and candidate > published + dt.timedelta(days=31):
        return year - 1
    if future and candidate < published - dt.timedelta(days=31):
        return year + 1
    return year


def _day(year: int, month: int, day: int) -> tuple[dt.date | None, dt.date | None]:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None, None
    return value, value


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
