"""Publication dates: from the person's metadata, else the page's own markup, else a dateline in the header.

A date is only taken from where a publisher states its own publication time (meta tags, the dateline above
the body); never from related-story lists, sidebars or comments, which carry other stories' dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tracker.clean.lines import Verdict
from tracker.config import DATES, DateSettings
from tracker.lexicon import MONTHS

_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_WORDS})\.?"
_ORDINAL_END = r"(?:st|nd|rd|th)?"
_DAY = rf"(?P<day>\d{{1,2}}){_ORDINAL_END}"
_YEAR = r"(?P<year>\d{4})"
DATE_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b{_YEAR}-(?P<nmonth>\d{{1,2}})-(?P<day>\d{{1,2}})\b",  # 2025-07-20
        rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b",  # 17 December 2021
        rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",  # December 17, 2021
        rf"\b(?P<day>\d{{1,2}})(?P<sep>[./])(?P<nmonth>\d{{1,2}})(?P=sep){_YEAR}\b",  # 17.12.2021
    )
)
# A date right after one of these words is not the publication date of this page.
NOT_PUBLICATION = re.compile(
    r"(?:updated|modified|edited|first published|originally published|published by|on the partner)\b[^|·]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    value: dt.date
    origin: str  # "metadata", "page markup", "dateline"


def find_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every well-formed date in ``text`` with its offset, in order (day first for numeric forms)."""
    found: list[tuple[int, dt.date]] = []
    taken: list[tuple[int, int]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            value = _to_date(match)
            if value is not None:
                found.append((match.start(), value))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda item: item[0])


def _to_date(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    month = int(parts["nmonth"]) if parts.get("nmonth") else MONTHS[parts["month"].lower()]
    try:
        return dt.date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None


def dateline_date(text: str, verdicts: list[Verdict], settings: DateSettings = DATES) -> dt.date | None:
    """The first publication date stated in the lines above the body (the dateline and byline area), else the
    wire dateline that opens the body ("CORVENNA, March 10, 2025 (EPA) - The ...")."""
    first_body = next((i for i, v in enumerate(verdicts) if v.body), len(verdicts))
    for verdict in verdicts[: first_body + settings.header_lines_into_body]:
        if verdict.reason == "link to another story":
            continue
        line = verdict.span.of(text)
        for offset, value in find_dates(line):
            if NOT_PUBLICATION.search(line[:offset]):
                continue
            if settings.min_year <= value.year <= settings.max_year:
                return value
    if first_body < len(verdicts):
        opening = DATELINE.match(verdicts[first_body].span.of(text))
        if opening:
            found = find_dates(opening.group(0))
            if found and settings.min_year <= found[0][1].year <= settings.max_year:
                return found[0][1]
    return None


# A dateline opening a story: the place it was filed from in capitals, what places it further (a state, a
# country) or its date, the agency, and a dash: "BRENNFELD -", "KORVAST, Jan 5 (Reuters) -", "LINDBY, N.V. (VPA) -",
# "NEW OSTWICK, Velmora Free State -", "PELLA, March 10, 2025 (CPA) -", "BRENMOOR, Thursday 14 October 2027 -".
# One that says more than the place may end in a colon ("LERNO, 3 May:"). The place has four characters at least:
# "EU - UK talks" opens with two bodies, not a dateline. It says where (and when) the story was filed, not what
# happened: no part of a claim's words, and a publication date when it gives one.
DATELINE = re.compile(
    r"^\s*(?P<where>(?=(?:[A-Z’'.][ -]?){4})[A-Z][A-Z’'.-]+(?:[ -][A-Z][A-Z’'.-]+){0,3})"
    r"(?P<more>,\s+(?:[A-Z][\w.’']*|\d{1,4})(?:,?\s+(?:[A-Z][\w.’']*|\d{1,4}(?:st|nd|rd|th)?|of)){0,6})?"
    r"(?:\s*\([A-Z][^()]{0,29}\))?\s*(?(more)[-\u2013\u2014:]|[-\u2013\u2014])+(?(more)\s*|\s+)(?=\S)"
)


# Page parts that list other stories (with their own dates): removed before the page's date is looked for.
_OTHER_STORIES = re.compile(
    r"(?:^|[\s_-])(?:related|recommended|popular|most-?read|trending|sidebar|comments?|read-?more"
    r"|more-stories|teasers?)(?:$|[\s_-])",
    re.IGNORECASE,
)


def html_date(html: str, settings: DateSettings = DATES) -> dt.date | None:
    """The publication date a HTML page states in its markup (meta tags, JSON-LD, <time> in the header).

    htmldate's extensive search is off: it guesses from any date on the page, related stories included. Even
    without it, htmldate falls back to <time> elements and dates in the text anywhere on the page, so asides,
    menus, the site footer and related-story or comment blocks are cut out first.
    """
    from htmldate import find_date

    page = _without_other_stories(html)
    found = None
    # No date in the markup: the page may state it in its own words ("Published Friday 18 April 2025" in the
    # byline). Other stories' blocks are gone, so htmldate's search of the text then reads the page's own date.
    for extensive in (False, True) if not isinstance(page, str) else (False,):
        found = found or find_date(
            page,
            original_date=True,
            extensive_search=extensive,
            min_date=f"{settings.min_year}-01-01",
            max_date=f"{settings.max_year}-12-31",
        )
    return dt.date.fromisoformat(found) if found else None


def _without_other_stories(html: str):
    """The parsed page without the parts that carry other stories' dates; the text itself when unparsable."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return html
    doomed = [
        element
        for element in tree.iter("aside", "nav", "footer", "section", "div", "ul", "ol")
        if (element.tag in ("aside", "nav") or (element.tag == "footer" and _outside_article(element)))
        or _OTHER_STORIES.search(f"{element.get('class', '')} {element.get('id', '')}")
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the text that follows the element
    return tree


def _outside_article(element) -> bool:
    """A page footer, not the footer of the article (which may hold its byline and date)."""
    return not any(parent.tag in ("article", "header") for parent in element.iterancestors())
