"""The times a claim speaks about: "on Saturday", "last month", "next week", "on 15 December", "5 and 6 March",
"between 20 and 30 June", "from 3 May to 7 June", resolved against the publication date where it is known.

A resolved time is a closed range of days (a day, a list or range of days, a week, a month or a year), so later
stages can compare claims by overlap without caring how the article phrased the time. A clause may say several:
``find_times`` reads them all, in order, and tells the time of the report ("said on Monday") from the time of
what is reported ("... that the talks would start next week").

"May" is a month only where it reads as one: the modal ("the talks May be delayed", "they May ...", a token the
parse tags MD) is never a date, and a number that counts a noun ("as of May 3, 14 more states") is never a day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tracker.extract import vocabulary as v
from tracker.lexicon import MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Month names must be capitalised ("march 12 kilometres" is a verb), the other words may be either.
_MONTH_NAMES = "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?![:.]\d)"  # "6:30" is a clock time, not a day
# The last link of a list or range of days: "5 and 6", "5-6", "3 to 7", "1, 2 and 3".
_LINK = r"(?:\s*[-\u2013]\s*|,?\s+(?i:and|to|until|till|through)\s+)"
_DAYS = rf"{_DAY}(?:\s*,\s*{_DAY})*{_LINK}{_DAY}"
_OPEN = r"(?:(?i:between|from)\s+)?"
# Words before a month named alone: "in May", "by June", "since March".
_MONTH_OPENERS = r"(?i:in|since|until|by|during|through|early|late|mid-?|end of|beginning of)"

_EXPRESSIONS = re.compile(
    r"\b(?:"
    rf"(?P<dl>{_OPEN}(?P<dl_days>{_DAYS})\s+(?:(?i:of)\s+)?(?P<dl_month>{_MONTH_NAMES})\.?(?:,?\s+(?P<dl_year>\d{{4}}))?)"
    rf"|(?P<ml>{_OPEN}(?P<ml_month>{_MONTH_NAMES})\.?\s+(?P<ml_days>{_DAYS})\b(?:,?\s+(?P<ml_year>\d{{4}}))?)"
    rf"|(?P<dm>(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?(?P<dm_month>{_MONTH_NAMES})\.?(?:,?\s+(?P<dm_year>\d{{4}}))?)"
    rf"|(?P<md>(?P<md_month>{_MONTH_NAMES})\.?\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:.]\d)(?:,?\s+(?P<md_year>\d{{4}}))?)"
    rf"|(?P<my>(?:{_MONTH_OPENERS}\s+)?(?P<my_month>{_MONTH_NAMES})\s+(?P<my_year>\d{{4}}))"
    rf"|(?P<mo>{_MONTH_OPENERS}\s+(?P<mo_month>{_MONTH_NAMES}))"
    r"|(?P<wd>(?:(?P<wd_until>(?i:until|till))\s+|(?i:on)\s+)?(?P<wd_name>(?i:" + "|".join(WEEKDAYS) + r")))"
    r"|(?P<rel>(?P<rel_dir>(?i:last|next|this|earlier this|later this))\s+"
    r"(?P<rel_unit>(?i:week|weekend|month|year|autumn|fall|spring|summer|winter)))"
    r"|(?P<day>(?i:yesterday|today|tomorrow))"
    r"|(?P<years>(?i:between|from)\s+(?P<years_a>(?:19|20)\d{2})(?:\s*[-\u2013]\s*|\s+(?i:and|to|until|through)\s+)"
    r"(?P<years_b>(?:19|20)\d{2})(?!\s+(?:[a-z]+\s+){0,2}?(?:people|[a-z]+s)\b))"
    r"|(?P<year>(?i:in)\s+(?P<year_n>(?:19|20)\d{2}))"
    r")\b"
)
# The shapes that name days of the calendar: two of them joined by a link are one range ("from 3 May to 7 June").
_CALENDAR = ("dl", "ml", "dm", "md", "my", "mo")
_RANGE_LINK = re.compile(r"\s*(?:[-\u2013]|(?i:to|until|till|through|and))\s*")
_RANGE_OPEN = re.compile(r"(?i:\b(between|from))\s+$")
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_REPORTING = re.compile(r"\b(?:" + "|".join(sorted(v.REPORTING_VERBS, key=len, reverse=True)) + r")\b", re.I)
# What a time expression dates, in the order a claim takes its time from them: the first role present wins.
TIME_ROLES = ("event", "report", "noun", "earlier")
# The roles whose times may date the claim itself (``event_span``), in that order of preference.
CLAIM_TIME_ROLES = ("event", "report", "noun")
_POSSESSIVE = re.compile(r"['\u2019]s?\b")
# At most this many words between a reporting verb and the time of the report: "told reporters on Monday".
_REPORT_GAP_WORDS = 3


@dataclass(frozen=True)
class TimeRef:
    text: str
    start: int  # offsets into the sentence or clause it was found in
    end: int
    first: dt.date | None  # resolved range, None when it cannot be resolved
    last: dt.date | None
    # What the time dates (TIME_ROLES): what the clause reports, the report itself ("said on Monday"), a noun
    # the clause mentions ("last month's summit"), or the earlier value of a figure ("up from 57.8 percent in
    # 2021"), never the claim's own time.
    role: str = "event"


@dataclass(frozen=True)
class ParseHints:
    """What the parse says of a clause's words, by character offset into the clause: tokens tagged MD (the
    modal "May"), and weekdays that are a word of a name ("Black Friday", "Good Friday")."""

    modals: frozenset[int] = frozenset()
    named_days: frozenset[int] = frozenset()
    # Words of a date that modifies a noun ("Trump's July 25 phone call", "the Friday meeting"): the time of
    # that noun, not of what the clause reports.
    noun_dates: frozenset[int] = frozenset()
    # Words of a date inside the phrase that gives a figure's earlier value ("up from 57.8 percent in 2021").
    earlier_dates: frozenset[int] = frozenset()
    # Words of a date a verb in the past governs ("a tariff imposed in September", "he resigned in March"):
    # read in the past, whatever the claim says of the future.
    past_dates: frozenset[int] = frozenset()


def parse_hints(clause: str, tokens: Iterable[Token]) -> ParseHints:
    """Align the parse's tokens to ``clause`` in reading order (a token absent from it is skipped)."""
    modals: set[int] = set()
    named: set[int] = set()
    nouns: set[int] = set()
    earlier: set[int] = set()
    past: set[int] = set()
    tokens = list(tokens)
    inside = {t.i for t in tokens}
    cursor = 0
    for token in tokens:
        at = clause.find(token.text, cursor)
        if at < 0:
            continue
        cursor = at + len(token.text)
        if token.tag_ == "MD":
            modals.add(at)
        if token.lower_ in WEEKDAYS and _named_day(token):
            named.add(at)
        if _in_the_past(token):
            past.add(at)
        if _dates_an_earlier_value(token):
            earlier.add(at)
        elif _dates_a_noun(token) or _dates_a_relative_clause(token, inside):
            nouns.add(at)
    return ParseHints(frozenset(modals), frozenset(named), frozenset(nouns), frozenset(earlier), frozenset(past))


def _in_the_past(token: Token) -> bool:
    """A word of a date whose verb is in the past: a finite past ("resigned in March") or a participle that
    qualifies a noun ("a tariff imposed in September"), with no modal or future word of its own."""
    if token.ent_type_ != "DATE":
        return False
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or any(c.tag_ == "MD" for c in verb.children):
        return False
    if verb.lemma_.lower() in v.FUTURE_MARKERS or verb.lower_ in v.FUTURE_MARKERS:
        return False  # "scheduled for September", "planned for May": the past of a plan for later
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.dep_ == "acl")


def _dates_a_relative_clause(token: Token, inside: set[int]) -> bool:
    """A word of a date inside a relative clause on a noun of the same claim ("appointed Ivo Marek, ending a search
    that began when Brandt resigned in March"): the time of that noun's clause, not of what the claim reports.
    A relative clause split off as a claim of its own is that claim's main clause: its dates are its own."""
    if token.ent_type_ != "DATE":
        return False
    for above in token.ancestors:
        if above.dep_ == "relcl" and above.i in inside:
            # a verb of the claim above the clause's noun: the claim says more than the relative clause does
            return any(t.i in inside and t.pos_ in ("VERB", "AUX") for t in [above.head, *above.head.ancestors])
    return False


def _dates_a_noun(token: Token) -> bool:
    """A word of a date (as the recogniser labels it) whose date modifies a noun outside it."""
    if token.ent_type_ != "DATE":
        return False
    top = token
    for _ in range(4):
        if top.head.i == top.i or top.head.ent_type_ != "DATE":
            break
        top = top.head
    head = top.head
    return (
        top.dep_ in ("compound", "nmod", "amod", "nummod")
        and head.pos_ == "NOUN"
        and head.ent_type_ not in ("DATE", "TIME")
    )


def _dates_an_earlier_value(token: Token) -> bool:
    """A word of a date inside the phrase giving a figure's earlier value ("stood at 63.1 percent, up from 57.8
    percent at the last election in 2021", "rose from 40 in 2019 to 55"): the time of that earlier figure, not
    of what the clause reports."""
    if token.ent_type_ != "DATE":
        return False
    for above in token.ancestors:
        if above.lower_ == "from" and above.dep_ == "prep":
            return any(t.pos_ == "NUM" and t.ent_type_ not in ("DATE", "TIME") and t.i < token.i for t in above.subtree)
    return False


def _named_day(day: Token) -> bool:
    """A weekday compounded with the capitalised word just before it, inside its sentence: the day of a name
    ("Black Friday", "Good Friday"), not a date ("Last Friday" opens a sentence, "last Friday" is lower case)."""
    doc = day.doc
    if day.i == 0:
        return False
    before = doc[day.i - 1]
    return (
        before.head.i == day.i
        and before.dep_ in ("compound", "amod")
        and before.text[:1].isupper()
        and not before.is_sent_start
    )


def calendar_months(text: str) -> list[tuple[int, int]]:
    """Where a month's name stands in a calendar date of ``text``, a date with its day or year ("Nov. 18",
    "3 Jan 2020", "May 2019"): a capitalised word there names the month, not a person."""
    return [(m.start("month"), m.end("month")) for pattern in _CALENDAR_MONTHS for m in pattern.finditer(text)]


# A month's name with its day or year after it ("Nov. 18", "May 2019"), or after its day ("3 Jan").
_CALENDAR_MONTHS = (
    re.compile(rf"\b(?P<month>{_MONTH_NAMES})\.?\s+(?:{_DAY}\b|\d{{4}}\b)"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?(?P<month>{_MONTH_NAMES})\b"),
)


def find_time(
    clause: str, published: dt.date | None, future: bool = False, hints: ParseHints | None = None
) -> TimeRef | None:
    """The first time expression of ``clause`` with its resolved range of days."""
    times = find_times(clause, published, future, hints)
    return times[0] if times else None


def find_times(
    clause: str, published: dt.date | None, future: bool = False, hints: ParseHints | None = None
) -> list[TimeRef]:
    """Every time expression of ``clause`` in reading order, each with its resolved range of days; a list or
    range of days is one expression. Each has its ``role`` (TIME_ROLES); a report's time is read in the past."""
    hints = hints or ParseHints()
    found: list[tuple[re.Match[str], TimeRef]] = []
    for match in _EXPRESSIONS.finditer(clause):
        kind = match.lastgroup or ""
        if kind in _CALENDAR and _modal_may(clause, match.start(f"{kind}_month"), hints):
            continue
        if kind == "wd" and match.start("wd_name") in hints.named_days:
            continue
        if kind in ("md", "ml") and _counts(clause, match, kind):
            found.append((match, _month_only(match, kind, published, future)))
            continue
        ahead = future and not any(match.start() <= at < match.end() for at in hints.past_dates)
        first, last = _resolve(match, published, ahead)
        found.append((match, TimeRef(match.group(0), match.start(), match.end(), first, last)))
    times = _ranges(clause, found)
    return [_with_role(clause, t, times, published, hints) for t in times]


def _with_role(
    clause: str, ref: TimeRef, times: list[TimeRef], published: dt.date | None, hints: ParseHints
) -> TimeRef:
    if _POSSESSIVE.match(clause, ref.end):  # "last month's summit", "Monday's vote": the time of a noun
        return replace(ref, role="noun")
    if any(ref.start <= at < ref.end for at in hints.earlier_dates):  # "up from 57.8 percent in 2021"
        return replace(ref, role="earlier")
    if any(ref.start <= at < ref.end for at in hints.noun_dates):  # "his July 25 call", "the Friday meeting"
        return replace(ref, role="noun")
    return _as_report(clause, ref, published) if _is_report(clause, ref, times) else ref


def _modal_may(clause: str, at: int, hints: ParseHints) -> bool:
    """ "May" at ``at`` is the verb: tagged MD, after a subject pronoun, or before a word only the verb takes."""
    if clause[at : at + 3] != "May" or clause[at + 3 : at + 4].isalpha():
        return False
    if at in hints.modals:
        return True
    before = _WORD.findall(clause[:at])
    after = _WORD.match(clause[at + 3 :].lstrip())
    if before and before[-1].lower() in v.SUBJECT_PRONOUNS:
        return True
    return after is not None and clause[at + 3 : at + 4] == " " and after.group(0).lower() in v.MODAL_FOLLOWERS


def _counts(clause: str, match: re.Match[str], kind: str) -> bool:
    """The number after the month counts a noun ("By March 14 more states"): no day. Only a count adjective
    tells: the parse reads "14" after "March" as the month's, and "the July 10 meeting" is a day."""
    day_end = match.end(f"{kind}_day" if kind == "md" else f"{kind}_days")
    if match.group(f"{kind}_year"):
        return False
    after = _WORD.match(clause[day_end:].lstrip())
    return after is not None and clause[day_end : day_end + 1] == " " and after.group(0).lower() in v.COUNT_ADJECTIVES


def _month_only(match: re.Match[str], kind: str, published: dt.date | None, future: bool) -> TimeRef:
    """The month of a "<Month> <count>" match: the month in the year nearest publication."""
    month_name = match.group(f"{kind}_month")
    start = match.start(f"{kind}_month")
    month = MONTHS[month_name.lower()]
    if published is None:
        return TimeRef(month_name, start, start + len(month_name), None, None)
    first, last = _month(_nearest_year(month, 1, published, future), month)
    return TimeRef(month_name, start, start + len(month_name), first, last)


def _ranges(clause: str, found: list[tuple[re.Match[str], TimeRef]]) -> list[TimeRef]:
    """Two calendar times joined by a link are one range: "from 3 May to 7 June", "between May 30 and June 2";
    a weekday before the date it names is that date: "on Friday, 4 June"."""
    out: list[TimeRef] = []
    previous: re.Match[str] | None = None
    for match, ref in found:
        last = out[-1] if out else None
        if (
            last is not None
            and previous is not None
            and previous.lastgroup == "wd"
            and match.lastgroup in _CALENDAR
            and re.fullmatch(r",?\s*", clause[last.end : ref.start])
        ):  # "on Thursday, 3 August": the weekday names the date that follows it
            out[-1] = TimeRef(clause[last.start : ref.end], last.start, ref.end, ref.first, ref.last)
            previous = match
            continue
        if last is not None and previous is not None and ref.first is not None and _year_of(clause, previous, match):
            # "January 8 of this year": the relative year says which year the date is in
            kind = previous.lastgroup
            month, day = MONTHS[previous.group(f"{kind}_month").lower()], int(previous.group(f"{kind}_day"))
            out[-1] = TimeRef(clause[last.start : ref.end], last.start, ref.end, *_day(ref.first.year, month, day))
            previous = match
            continue
        if (
            last is not None
            and previous is not None
            and previous.lastgroup in _CALENDAR
            and match.lastgroup in _CALENDAR
            and _RANGE_LINK.fullmatch(clause[last.end : ref.start])
        ):
            opener = _RANGE_OPEN.search(clause[: last.start])
            link = clause[last.end : ref.start].strip().lower()
            if link != "and" or (opener and opener.group(1).lower() == "between"):
                start = opener.start() if opener else last.start
                firsts = [d for d in (last.first, ref.first) if d is not None]
                lasts = [d for d in (last.last, ref.last) if d is not None]
                out[-1] = TimeRef(
                    clause[start : ref.end],
                    start,
                    ref.end,
                    min(firsts) if len(firsts) == 2 else None,
                    max(lasts) if len(lasts) == 2 else None,
                )
                previous = match
                continue
        out.append(ref)
        previous = match
    return out


def _year_of(clause: str, date: re.Match[str], year: re.Match[str]) -> bool:
    """A day without its year followed by "(of) this/last/next year"."""
    return (
        date.lastgroup in ("dm", "md")
        and not date.group(f"{date.lastgroup}_year")
        and year.lastgroup == "rel"
        and year.group("rel_unit").lower() == "year"
        and re.fullmatch(r"\s+(?:(?i:of)\s+)?", clause[date.end() : year.start()]) is not None
    )


def _is_report(clause: str, ref: TimeRef, times: list[TimeRef]) -> bool:
    """The time of the report, when the clause also says when the reported thing happens: "said on Monday
    (that) the talks would start next week", "told reporters on Monday that ...", "On Monday the minister said
    ..."."""
    if len(times) < 2:
        return False
    for verb in _REPORTING.finditer(clause):
        if verb.end() <= ref.start:
            gap = _WORD.findall(clause[verb.end() : ref.start])
            rest = clause[ref.end :].lstrip()
            near = len(gap) <= _REPORT_GAP_WORDS and "that" not in (w.lower() for w in gap)
            if near and (not gap or re.match(r"(?i:that)\b", rest)):
                return True
        elif ref.start == len(clause) - len(clause.lstrip()):
            between = clause[ref.end : verb.start()]
            words = _WORD.findall(between)
            if len(words) <= _REPORT_GAP_WORDS + 1 and "," not in between.lstrip(" ,"):
                return True
        break  # only the first reporting verb frames the clause
    return False


def _as_report(clause: str, ref: TimeRef, published: dt.date | None) -> TimeRef:
    """A report is made before it is published: its time is read in the past."""
    match = _EXPRESSIONS.match(clause, ref.start)
    if match is None or match.end() != ref.end:
        return replace(ref, role="report")
    first, last = _resolve(match, published, False)
    return replace(ref, first=first, last=last, role="report")


def event_span(times: Iterable[TimeRef]) -> tuple[str, dt.date | None, dt.date | None] | None:
    """The time a claim is about: the span of its event times (the report's time when it says no other, then
    the time of a noun), as the text of the expressions and the first and last day. None when it names no time."""
    times = list(times)
    roles = [role for role in CLAIM_TIME_ROLES if any(t.role == role for t in times)]
    events = [t for t in times if t.role == roles[0]] if roles else []
    if not events:
        return None
    firsts = [t.first for t in events if t.first is not None]
    lasts = [t.last for t in events if t.last is not None]
    text = ", ".join(t.text for t in events)
    return text, (min(firsts) if firsts else None), (max(lasts) if lasts else None)


def _resolve(m: re.Match[str], published: dt.date | None, future: bool) -> tuple[dt.date | None, dt.date | None]:
    if m.group("dl") or m.group("ml"):
        prefix = "dl" if m.group("dl") else "ml"
        month = MONTHS[m.group(f"{prefix}_month").lower()]
        days = [int(d) for d in re.findall(r"\d{1,2}", m.group(f"{prefix}_days"))]
        if m.group(f"{prefix}_year"):
            in_year = int(m.group(f"{prefix}_year"))
        elif published is not None:
            in_year = _nearest_year(month, days[0], published, future)
        else:
            return None, None
        first, _ = _day(in_year, month, min(days))
        _, last = _day(in_year, month, max(days))
        return (first, last) if first and last else (None, None)
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
    if m.group("years"):
        start, end = int(m.group("years_a")), int(m.group("years_b"))
        if end < start:
            return None, None
        return dt.date(start, 1, 1), dt.date(end, 12, 31)
    if m.group("my"):
        month = MONTHS[m.group("my_month").lower()]
        return _month(int(m.group("my_year")), month)
    if m.group("mo"):
        if published is None:
            return None, None
        month = MONTHS[m.group("mo_month").lower()]
        return _month(_nearest_year(month, 1, published, future), month)
    if m.group("year"):
        year = int(m.group("year_n"))
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if published is None:
        return None, None
    if m.group("wd"):
        target = WEEKDAYS.index(m.group("wd_name").lower())
        delta = (target - published.weekday()) % 7
        # "until Thursday" ends a state that holds now: the coming one, whatever the tense
        forward = future or bool(m.group("wd_until"))
        on = published + dt.timedelta(days=delta) if forward else published - dt.timedelta(days=(7 - delta) % 7)
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
