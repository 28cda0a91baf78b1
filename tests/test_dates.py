"""tracker.dates: the publication date a page states for itself, never another story's date."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.articles import FERRY, FERRY_COPY, FERRY_OTHER_REPORT
from tracker.clean import clean_text
from tracker.dates import dateline_date, find_dates, html_date

BODY = (
    "The council of Velmora approved plans for a new ferry terminal on Wednesday, ending a long dispute.\n"
    "Mayor Ilse Drummond said the terminal would carry up to two thousand passengers a day.\n"
)


def date_of(text: str) -> dt.date | None:
    return dateline_date(text, list(clean_text(text).verdicts))


def with_header(*lines: str) -> str:
    return "\n".join(["Velmora Evening Star", *lines, "", BODY])


@pytest.mark.parametrize(
    "line",
    [
        "17 December 2021",
        "December 17, 2021",
        "Dec. 17, 2021",
        "17.12.2021",
        "17/12/2021",
        "2021-12-17",
        "Friday, 17 December 2021",
        "Published: Friday, 17th of December 2021, 10:42",
        "By Ilse Drummond | 17 December 2021 | 4 min read",
    ],
)
def test_dateline_formats(line: str) -> None:
    assert date_of(with_header(line)) == dt.date(2021, 12, 17)


def test_numeric_dates_are_day_first() -> None:
    assert date_of(with_header("05.04.2023")) == dt.date(2023, 4, 5)


def test_weekday_dateline() -> None:
    assert date_of(with_header("Friday, 4 August 2023")) == dt.date(2023, 8, 4)


@pytest.mark.parametrize(
    "lines",
    [
        ("Updated 20.12.2021", "17 December 2021"),
        ("Updated: December 20, 2021", "Published December 17, 2021"),
        ("Last modified on 20 December 2021", "17.12.2021"),
        ("First published by our partner site on December 14, 2021", "Published: 17 December 2021"),
        ("Originally published on 14.12.2021", "2021-12-17"),
        ("Published 17 December 2021 | Updated 20 December 2021",),
    ],
)
def test_updated_and_first_published_dates_are_not_taken(lines: tuple[str, ...]) -> None:
    assert date_of(with_header(*lines)) == dt.date(2021, 12, 17)


def test_only_an_updated_date_gives_none() -> None:
    assert date_of(with_header("Updated 20.12.2021")) is None


def test_related_story_line_in_the_header_is_not_a_dateline() -> None:
    text = with_header("Read also: Fishermen protest over quota cuts (02.12.2021)")
    assert date_of(text) is None


def test_dates_after_the_body_are_never_taken() -> None:
    text = "\n".join(
        [
            "Velmora Evening Star",
            "",
            BODY,
            "Read also: Fishermen protest over quota cuts (02.12.2021)",
            "Most read",
            "Storm closes mountain pass for two days (07.12.2021)",
            "1. Bakery wins national bread prize, 5 December 2021",
            "Comments (3)",
            "Posted on 18 December 2021 by a reader",
        ]
    )
    assert date_of(text) is None


def test_dates_inside_the_body_are_not_the_publication_date() -> None:
    text = "Velmora Evening Star\n\nOn 17 December 2021 the council of Velmora approved plans for a terminal.\n"
    assert date_of(text) is None


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("OSTWICK, March 10, 2025 (VPA) - The council of Velmora approved plans", dt.date(2025, 3, 10)),
        ("PELLA, Thursday 14 October 2027 (CPA) - The council approved plans", dt.date(2027, 10, 14)),
        ("NEW BRENMOOR, 3 May 2024 - The council approved plans", dt.date(2024, 5, 3)),
        ("OSTWICK, N.V., May 28, 2025 (VPA) — The council approved plans", dt.date(2025, 5, 28)),  # a province
        ("LERNO, 3 May 2024: The council approved plans", dt.date(2024, 5, 3)),
        ("OSTWICK, N.V. (VPA) — The council approved plans", None),  # a dateline without a date
        ("On 17 December 2021 the council of Velmora approved plans", None),  # a date in the story, no dateline
        ("Pella, 3 May 2024 was a quiet day for the council", None),  # no capitals, no dash: not a dateline
    ],
)
def test_a_wire_dateline_opening_the_body_is_the_publication_date(opening: str, expected: dt.date | None) -> None:
    text = f"Velmora Evening Star\n\n{opening} for a new ferry terminal on Wednesday.\n"
    assert date_of(text) == expected


def test_a_page_that_states_its_date_only_in_its_byline_words() -> None:
    page = (
        "<html><head><title>Ferry terminal approved</title></head><body><article><h1>Ferry terminal approved</h1>"
        '<p class="meta">By Ida Brenner · Published Friday 18 April 2025</p>'
        "<p>The council of Velmora approved plans for a new ferry terminal on Thursday, ending a long dispute.</p>"
        "</article></body></html>"
    )
    assert html_date(page) == dt.date(2025, 4, 18)


@pytest.mark.parametrize("line", ["", "Velmora Evening Star", "31.02.2021", "17 December 1850"])
def test_no_date_gives_none(line: str) -> None:
    assert date_of(with_header(line)) is None


def test_invented_pages() -> None:
    assert date_of(FERRY) == dt.date(2023, 3, 9)
    assert date_of(FERRY_COPY) == dt.date(2023, 3, 10)  # its own date, not the partner's first publication
    assert date_of(FERRY_OTHER_REPORT) == dt.date(2023, 3, 9)


def test_find_dates_reports_every_date_with_its_offset() -> None:
    text = "From 2021-12-17 to 20 December 2021, then March 3, 2022 and 31.02.2022 (not a date)."
    assert find_dates(text) == [
        (text.index("2021-12-17"), dt.date(2021, 12, 17)),
        (text.index("20 December"), dt.date(2021, 12, 20)),
        (text.index("March 3"), dt.date(2022, 3, 3)),
    ]


HTML = """<!doctype html>
<html><head>
<title>Council backs ferry terminal - Velmora Evening Star</title>
<meta property="article:published_time" content="2023-03-09T08:15:00+01:00">
<meta property="article:modified_time" content="2023-03-11T10:00:00+01:00">
</head><body>
<nav><a href="/">Home</a> <a href="/archive">Archive, 1 January 2023</a></nav>
<article><h1>Council backs ferry terminal</h1>
<p>The council of Velmora approved plans for a new ferry terminal on Wednesday, ending a long dispute.</p>
<p>Mayor Ilse Drummond said the terminal would carry up to two thousand passengers a day.</p>
</article>
<aside><h2>Related</h2><ul>
<li><a href="/a">Fishermen protest</a> <time datetime="2023-02-02">2 Feb</time></li>
</ul></aside>
<div class="most-read"><p>Storm closes the pass (7 February 2023)</p></div>
<div id="comments"><p>Posted by a reader on 10 February 2023</p></div>
<footer>Velmora Evening Star, founded 12 May 1998</footer>
</body></html>
"""
META = (
    '<meta property="article:published_time" content="2023-03-09T08:15:00+01:00">\n'
    '<meta property="article:modified_time" content="2023-03-11T10:00:00+01:00">\n'
)


def test_html_date_comes_from_the_page_markup() -> None:
    assert html_date(HTML) == dt.date(2023, 3, 9)


def test_html_without_a_date_of_its_own_gives_none() -> None:
    # Only the menu, a related story, a most-read list, a comment and the site footer carry dates.
    assert html_date(HTML.replace(META, "")) is None


def test_html_date_from_the_article_own_time_element() -> None:
    page = HTML.replace(META, "").replace(
        "<h1>Council backs ferry terminal</h1>",
        '<h1>Council backs ferry terminal</h1><footer>By Ilse Weiss, <time datetime="2023-03-08">8 March</time>'
        "</footer>",
    )
    assert html_date(page) == dt.date(2023, 3, 8)
