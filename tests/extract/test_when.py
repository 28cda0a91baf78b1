"""Time expressions (when.py): relative ones against the publication date, absolute ones on their own."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.extract.when import find_time

THURSDAY = dt.date(2024, 3, 14)
SATURDAY = dt.date(2024, 3, 16)
D = dt.date


def resolved(clause: str, published: dt.date | None, future: bool = False):
    ref = find_time(clause, published, future)
    assert ref is not None, clause
    assert clause[ref.start : ref.end] == ref.text
    return ref.text, ref.first, ref.last


# --- weekdays ------------------------------------------------------------------------------------------


def test_past_weekday_is_the_most_recent_one_before_publication() -> None:
    assert resolved("The market reopened on Saturday.", THURSDAY) == ("on Saturday", D(2024, 3, 9), D(2024, 3, 9))
    assert resolved("The vote was held on Monday.", THURSDAY) == ("on Monday", D(2024, 3, 11), D(2024, 3, 11))


def test_future_weekday_is_the_next_one_after_publication() -> None:
    assert resolved("The market will reopen on Saturday.", THURSDAY, future=True)[1:] == (SATURDAY, SATURDAY)
    assert resolved("The vote will be held on Monday.", THURSDAY, future=True)[1:] == (D(2024, 3, 18), D(2024, 3, 18))


def test_weekday_of_publication_is_that_day() -> None:
    assert resolved("The talks opened on Thursday.", THURSDAY)[1:] == (THURSDAY, THURSDAY)
    assert resolved("The market reopened on Saturday.", SATURDAY)[1:] == (SATURDAY, SATURDAY)


@pytest.mark.parametrize("offset", range(7))
def test_weekday_resolution_stays_within_a_week(offset: int) -> None:
    published = THURSDAY + dt.timedelta(days=offset)
    _, past, _ = resolved("It happened on Wednesday.", published)
    _, future, _ = resolved("It will happen on Wednesday.", published, future=True)
    assert past.weekday() == future.weekday() == 2
    assert published - dt.timedelta(days=6) <= past <= published
    assert published <= future <= published + dt.timedelta(days=6)


# --- relative periods and days -------------------------------------------------------------------------


def test_last_month_across_a_year_boundary() -> None:
    assert resolved("Prices fell last month.", D(2024, 1, 10)) == ("last month", D(2023, 12, 1), D(2023, 12, 31))


def test_next_month_and_leap_february() -> None:
    assert resolved("Prices will fall next month.", D(2024, 1, 31), future=True)[1:] == (D(2024, 2, 1), D(2024, 2, 29))


def test_next_week_is_monday_to_sunday() -> None:
    assert resolved("The ferry will sail next week.", THURSDAY, future=True) == (
        "next week",
        D(2024, 3, 18),
        D(2024, 3, 24),
    )


def test_last_week_and_last_weekend() -> None:
    assert resolved("The ferry sailed last week.", THURSDAY)[1:] == (D(2024, 3, 4), D(2024, 3, 10))
    assert resolved("The ferry sailed last weekend.", THURSDAY)[1:] == (D(2024, 3, 9), D(2024, 3, 10))


def test_this_and_next_year() -> None:
    assert resolved("The quay opens this year.", THURSDAY)[1:] == (D(2024, 1, 1), D(2024, 12, 31))
    assert resolved("The quay will open next year.", THURSDAY, future=True)[1:] == (D(2025, 1, 1), D(2025, 12, 31))


def test_yesterday_today_tomorrow() -> None:
    assert resolved("The strike ended yesterday.", D(2024, 3, 1)) == ("yesterday", D(2024, 2, 29), D(2024, 2, 29))
    assert resolved("The strike ends today.", THURSDAY)[1:] == (THURSDAY, THURSDAY)
    assert resolved("The strike ends tomorrow.", D(2023, 12, 31), future=True)[1:] == (D(2024, 1, 1), D(2024, 1, 1))


# --- day and month -------------------------------------------------------------------------------------


def test_day_month_with_year() -> None:
    assert resolved("The dam burst on 15 December 2021.", None) == (
        "15 December 2021",
        D(2021, 12, 15),
        D(2021, 12, 15),
    )
    assert resolved("The dam burst on December 15, 2021.", THURSDAY)[1:] == (D(2021, 12, 15), D(2021, 12, 15))
    assert resolved("The dam burst on 3rd of March 2020.", THURSDAY)[1:] == (D(2020, 3, 3), D(2020, 3, 3))


def test_day_month_without_year_in_the_past_takes_the_previous_year_early_in_january() -> None:
    assert resolved("The dam burst on 15 December.", D(2024, 1, 10)) == (
        "15 December",
        D(2023, 12, 15),
        D(2023, 12, 15),
    )


def test_day_month_without_year_takes_the_publication_year_when_close() -> None:
    assert resolved("The dam burst on 15 December.", D(2024, 12, 20))[1:] == (D(2024, 12, 15), D(2024, 12, 15))
    assert resolved("The dam burst on 2 March.", THURSDAY)[1:] == (D(2024, 3, 2), D(2024, 3, 2))


def test_day_month_without_year_in_the_future_rolls_into_next_year() -> None:
    assert resolved("Talks will resume on 15 January.", D(2024, 12, 20), future=True)[1:] == (
        D(2025, 1, 15),
        D(2025, 1, 15),
    )
    assert resolved("Talks will resume on 15 December.", D(2024, 1, 10), future=True)[1:] == (
        D(2024, 12, 15),
        D(2024, 12, 15),
    )


def test_impossible_day_is_unresolved() -> None:
    assert resolved("The dam burst on 31 February.", THURSDAY)[1:] == (None, None)


# --- month, year ---------------------------------------------------------------------------------------


def test_month_and_year() -> None:
    assert resolved("Unemployment peaked in March 2022.", THURSDAY) == ("in March 2022", D(2022, 3, 1), D(2022, 3, 31))
    assert resolved("Unemployment peaked in February 2023.", None)[1:] == (D(2023, 2, 1), D(2023, 2, 28))


def test_bare_year() -> None:
    assert resolved("The quay was built in 1998.", None) == ("in 1998", D(1998, 1, 1), D(1998, 12, 31))


# --- without a publication date ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "expression"),
    [
        ("The market reopened on Saturday.", "on Saturday"),
        ("Prices fell last month.", "last month"),
        ("The ferry will sail next week.", "next week"),
        ("The strike ended yesterday.", "yesterday"),
        ("The dam burst on 15 December.", "15 December"),
    ],
)
def test_relative_expressions_stay_unresolved_without_a_date(clause: str, expression: str) -> None:
    assert resolved(clause, None) == (expression, None, None)


@pytest.mark.parametrize(
    ("clause", "first", "last"),
    [
        ("The dam burst on 15 December 2021.", D(2021, 12, 15), D(2021, 12, 15)),
        ("Unemployment peaked in March 2022.", D(2022, 3, 1), D(2022, 3, 31)),
        ("The quay was built in 1998.", D(1998, 1, 1), D(1998, 12, 31)),
    ],
)
def test_absolute_expressions_resolve_without_a_date(clause: str, first: dt.date, last: dt.date) -> None:
    assert resolved(clause, None)[1:] == (first, last)


# --- what is not a time --------------------------------------------------------------------------------


def test_no_time_expression() -> None:
    assert find_time("The harbour board hired 45 new pilots.", THURSDAY) is None


def test_first_expression_wins() -> None:
    assert resolved("On Monday the board said the quay would open next week.", THURSDAY)[0] == "On Monday"


def test_verb_march_is_not_a_month() -> None:
    assert find_time("Veterans will march 12 kilometres to the capital.", THURSDAY, future=True) is None
