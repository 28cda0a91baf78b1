"""Time expressions (when.py): relative ones against the publication date, absolute ones on their own."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.helpers import claims_of
from tracker.analyse import analyse
from tracker.clean.spans import Span
from tracker.extract.when import ParseHints, event_span, find_time, find_times, parse_hints

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


def test_until_a_weekday_is_the_coming_one_whatever_the_tense() -> None:
    """ "kept a red alert in place until Saturday" ends a state that holds at publication: the coming Saturday."""
    assert resolved("The agency kept the alert in place until Saturday.", THURSDAY) == (
        "until Saturday",
        SATURDAY,
        SATURDAY,
    )


def test_due_to_do_on_a_weekday_is_a_plan_and_due_to_a_thing_is_a_cause() -> None:
    claims = claims_of("The minister was due to visit the Velmo region on Saturday.")
    (planned,) = [c for c in claims if c.kind != "role"]
    assert planned.time_first == SATURDAY
    (caused,) = claims_of("Due to the storm, the Velmo match was cancelled on Saturday.")
    assert caused.time_first == D(2024, 3, 9)


def test_forecast_for_a_weekday_is_the_coming_one() -> None:
    (claim,) = claims_of("The Velmo weather service said more rain was forecast for Saturday.")
    assert claim.time_first == SATURDAY


def test_since_a_month_and_year_keeps_the_year() -> None:
    """ "since September 2019" is that month of that year, not September of the year of publication."""
    assert resolved("Kovac has held the post since September 2019.", THURSDAY) == (
        "since September 2019",
        D(2019, 9, 1),
        D(2019, 9, 30),
    )
    assert resolved("The road was closed until March 2021.", THURSDAY)[1] == D(2021, 3, 1)


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


# --- every time of a clause, lists and ranges --------------------------------------------------------------


def every(clause: str, published: dt.date | None, future: bool = False, hints: ParseHints | None = None):
    refs = find_times(clause, published, future, hints)
    for ref in refs:
        assert clause[ref.start : ref.end] == ref.text
    return [(r.text, r.first, r.last, r.role) for r in refs]


def test_every_time_expression_of_a_clause_in_order() -> None:
    clause = "The ferry left Varnholm on 4 March and docked in Ostrel on Saturday."
    assert every(clause, THURSDAY) == [
        ("4 March", D(2024, 3, 4), D(2024, 3, 4), "event"),
        ("on Saturday", D(2024, 3, 9), D(2024, 3, 9), "event"),
    ]
    assert find_time(clause, THURSDAY) == find_times(clause, THURSDAY)[0]


def test_a_list_of_days_before_the_month_is_their_range() -> None:
    assert every("Strikes closed the port on 5 and 6 March.", THURSDAY) == [
        ("5 and 6 March", D(2024, 3, 5), D(2024, 3, 6), "event")
    ]
    assert every("Polls opened on 1, 2 and 4 March 2023.", THURSDAY)[0][1:3] == (D(2023, 3, 1), D(2023, 3, 4))


def test_between_and_from_to_ranges_of_days() -> None:
    assert every("The fair runs between 20 and 30 June.", THURSDAY, future=True) == [
        ("between 20 and 30 June", D(2024, 6, 20), D(2024, 6, 30), "event")
    ]
    assert every("The bridge is shut from 3 to 7 March.", THURSDAY) == [
        ("from 3 to 7 March", D(2024, 3, 3), D(2024, 3, 7), "event")
    ]


def test_month_first_ranges_and_lists() -> None:
    assert every("The summit was held March 5-6.", THURSDAY) == [("March 5-6", D(2024, 3, 5), D(2024, 3, 6), "event")]
    assert every("Votes were cast on March 2 and 3, 2023.", THURSDAY)[0][1:3] == (D(2023, 3, 2), D(2023, 3, 3))


def test_two_dates_joined_by_a_link_are_one_range_across_months() -> None:
    assert every("The exhibition ran from 28 February to 2 March.", THURSDAY) == [
        ("from 28 February to 2 March", D(2024, 2, 28), D(2024, 3, 2), "event")
    ]
    assert every("Ferries will not sail between May 30 and June 2.", THURSDAY, future=True)[0][1:3] == (
        D(2024, 5, 30),
        D(2024, 6, 2),
    )


def test_two_dates_joined_by_and_without_between_stay_two_times() -> None:
    assert [t[0] for t in every("Rallies were held on 2 March and 9 March.", THURSDAY)] == ["2 March", "9 March"]


def test_a_weekday_before_its_date_is_that_date() -> None:
    assert every("The mill reopened on Friday, 1 March 2024.", THURSDAY) == [
        ("on Friday, 1 March 2024", D(2024, 3, 1), D(2024, 3, 1), "event")
    ]


def test_a_day_of_this_year_is_in_the_year_said() -> None:
    assert every("The board was named on February 2 of last year.", THURSDAY)[0][1:3] == (D(2023, 2, 2), D(2023, 2, 2))
    assert every("The fair opened on February 2 this year.", THURSDAY)[0][1:3] == (D(2024, 2, 2), D(2024, 2, 2))


# --- "May" the verb ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "Officials warned the 14 May be too late to vote.",  # before a word only the modal takes
        "Rail unions said they May 15 walk out.",  # after a subject pronoun
        "Engineers warned that the 4 May never reopen.",
    ],
)
def test_may_the_modal_is_never_the_month(clause: str) -> None:
    assert all("May" not in text for text, *_ in every(clause, THURSDAY))


@pytest.mark.parametrize(
    "clause",
    [
        "Officials said the 14 ministers may meet again in Ostrel.",
        "The 12 harbour states may sign the pact on Friday.",
        "Rail unions warned that 3 may walk out.",
    ],
)
def test_may_the_verb_in_lower_case_after_a_number_is_never_a_date(clause: str) -> None:
    assert all("may" not in text.lower() for text, *_ in every(clause, THURSDAY, future=True))
    assert [t[0] for t in every(clause, THURSDAY, future=True)] == (["on Friday"] if "Friday" in clause else [])


def test_may_the_month_is_still_read() -> None:
    assert every("The depot opened on 3 May.", THURSDAY)[0][1] == D(2023, 5, 3)
    assert every("The depot opened in May 2022.", THURSDAY)[0][1:3] == (D(2022, 5, 1), D(2022, 5, 31))
    assert every("The depot will open May 15.", THURSDAY, future=True)[0][1] == D(2024, 5, 15)


def test_the_parse_tells_may_the_modal_where_the_words_cannot() -> None:
    clause = "The 27 May decide on the levy."
    assert every(clause, THURSDAY)[0][0] == "27 May"  # the words alone read a date
    assert every(clause, THURSDAY, hints=ParseHints(modals=frozenset({clause.index("May")}))) == []


# --- a number that counts a noun is no day -----------------------------------------------------------------


def test_a_count_after_a_date_is_not_a_day() -> None:
    assert every("As of 3 May, 14 more states had signed.", THURSDAY) == [
        ("3 May", D(2023, 5, 3), D(2023, 5, 3), "event")
    ]
    assert every("As of May 3, 14 more states had signed.", THURSDAY) == [
        ("May 3", D(2023, 5, 3), D(2023, 5, 3), "event")
    ]


def test_a_count_after_a_month_leaves_the_month() -> None:
    assert every("As of March 14 more towns had flooded.", THURSDAY) == [
        ("March", D(2024, 3, 1), D(2024, 3, 31), "event")
    ]
    # a date before the noun it dates is still a day
    assert every("The March 4 meeting was cancelled.", THURSDAY)[0][:3] == ("March 4", D(2024, 3, 4), D(2024, 3, 4))


def test_a_clock_time_is_no_day_of_a_range() -> None:
    assert every("The curfew runs from March 9 to 6:30 the next morning.", THURSDAY)[0][:3] == (
        "March 9",
        D(2024, 3, 9),
        D(2024, 3, 9),
    )


def test_a_month_after_a_preposition_is_that_month() -> None:
    assert every("The depot closed in May.", THURSDAY) == [("in May", D(2023, 5, 1), D(2023, 5, 31), "event")]
    assert every("The depot will reopen by June.", THURSDAY, future=True)[0][1:3] == (D(2024, 6, 1), D(2024, 6, 30))
    assert every("Officials said they May reopen it.", THURSDAY) == []


# --- the time of the report and the time of what is reported ----------------------------------------------


def test_the_report_time_is_kept_apart_from_the_reported_event() -> None:
    clause = "The minister said on Monday that the talks would start next week."
    times = find_times(clause, THURSDAY, future=True)
    assert [(t.text, t.role) for t in times] == [("on Monday", "report"), ("next week", "event")]
    assert (times[0].first, times[0].last) == (D(2024, 3, 11), D(2024, 3, 11))  # a report is in the past
    assert event_span(times) == ("next week", D(2024, 3, 18), D(2024, 3, 24))


def test_a_report_time_in_other_positions() -> None:
    for clause in (
        "On Monday the minister said the talks would start next week.",
        "The minister told reporters on Monday that the talks would start next week.",
        "The minister said on Monday the talks would start next week.",
    ):
        assert [t.role for t in find_times(clause, THURSDAY, future=True)] == ["report", "event"], clause


def test_a_time_after_what_was_said_is_the_event() -> None:
    times = find_times("The minister said talks start next week, not on Monday.", THURSDAY, future=True)
    assert [t.role for t in times] == ["event", "event"]
    times = find_times("The talks started on Monday, the minister said on Tuesday.", THURSDAY)
    assert [t.role for t in times] == ["event", "report"]


def test_the_report_time_stands_in_when_nothing_else_is_said() -> None:
    times = find_times("The minister said on Monday that the talks had failed.", THURSDAY)
    assert event_span(times) == ("on Monday", D(2024, 3, 11), D(2024, 3, 11))
    assert event_span([]) is None


def test_a_time_that_dates_a_noun_yields_to_the_event_time() -> None:
    times = find_times("Talks opened on Tuesday after last month's summit.", THURSDAY)
    assert [t.role for t in times] == ["event", "noun"]
    assert event_span(times) == ("on Tuesday", D(2024, 3, 12), D(2024, 3, 12))
    assert event_span(find_times("Last month's summit failed.", THURSDAY))[1:] == (D(2024, 2, 1), D(2024, 2, 29))


def test_the_span_of_all_event_times() -> None:
    times = find_times("The ferry left on 4 March and docked on 9 March.", THURSDAY)
    assert event_span(times) == ("4 March, 9 March", D(2024, 3, 4), D(2024, 3, 9))


def test_parse_hints_read_the_modal_from_a_real_parse() -> None:
    clause = "Reporters asked whether the 12 May meet again."
    tokens = analyse(clause, [Span(0, len(clause))]).sentences[0].tokens
    hints = parse_hints(clause, tokens)
    assert clause.index("May") in hints.modals
    assert every(clause, THURSDAY, hints=hints) == []


def test_a_claim_keeps_every_time_and_spans_its_event_times() -> None:
    body = "Harbour master Ines Calvo said on Monday that the Ostrel ferry would resume next week."
    claims = [c for c in claims_of(body) if "next week" in c.text]
    assert claims, claims_of(body)
    claim = claims[0]
    assert [(t.text, t.role) for t in claim.times] == [("on Monday", "report"), ("next week", "event")]
    assert (claim.time_first, claim.time_last) == (D(2024, 3, 18), D(2024, 3, 24))


def test_a_claim_on_a_list_of_days_spans_them() -> None:
    (claim,) = [c for c in claims_of("Dock workers in Varnholm struck on 5 and 6 March.") if "struck" in c.text]
    assert (claim.time_text, claim.time_first, claim.time_last) == ("5 and 6 March", D(2024, 3, 5), D(2024, 3, 6))


def test_may_the_month_does_not_make_a_claim_about_the_future() -> None:
    (claim,) = [c for c in claims_of("The Varnholm depot opened on 3 May.") if "depot" in c.text]
    assert claim.kind != "schedule"
    assert (claim.time_first, claim.time_last) == (D(2023, 5, 3), D(2023, 5, 3))  # read in the past


def test_a_range_of_years_is_one_time() -> None:
    assert every("From 2010 to 2015 there were 3248 cases in Velmora.", THURSDAY) == [
        ("From 2010 to 2015", D(2010, 1, 1), D(2015, 12, 31), "event")
    ]
    assert every("There were 11 deaths between 2009 and 2018, the Ostwick office said.", THURSDAY)[0][1:3] == (
        D(2009, 1, 1),
        D(2018, 12, 31),
    )
    assert every("Between 1990 and 2000 troops were sent to Korvast.", THURSDAY) == []  # counts, not years


def test_a_weekday_that_is_a_word_of_a_name_is_no_date() -> None:
    claims = claims_of("Shoppers found few Talvik deals during Black Friday, Ilse Varga said on Monday.")
    assert [t.text for c in claims for t in c.times] == ["on Monday"]
    (claim,) = claims_of("Last Friday the Orvane council met.")
    assert claim.time_first == D(2024, 3, 8)  # a sentence opened by "Last": the date stays


def test_a_date_that_modifies_a_noun_is_the_time_of_that_noun() -> None:
    (claim,) = claims_of("Councillors in Orvane questioned Ilse Varga about her 12 March call with the mayor.")
    assert [(t.text, t.role) for t in claim.times] == [("12 March", "noun")]
    (held,) = claims_of("Councillors in Orvane met Ilse Varga on 12 March.")
    assert [(t.text, t.role) for t in held.times] == [("12 March", "event")]


def test_a_date_of_a_figures_earlier_value_is_never_the_claims_time() -> None:
    (claim,) = claims_of("Turnout in Orvane stood at 63.1 percent, up from 57.8 percent at the last election in 2021.")
    assert [(t.text, t.role) for t in claim.times] == [("in 2021", "earlier")]
    assert claim.time_first is None and claim.time_last is None  # the 63.1 is of now, not of 2021
    (rose,) = claims_of("Turnout in Orvane rose to 63.1 percent in 2025.")
    assert [(t.text, t.role) for t in rose.times] == [("in 2025", "event")]


def test_a_date_inside_a_relative_clause_on_a_noun_dates_that_clause_not_the_claim() -> None:
    claims = claims_of(
        "Orvane Rail appointed Ilse Varga as its chief executive on Thursday, ending a search that began when "
        "her predecessor resigned in March."
    )
    ended = next(c for c in claims if "search" in c.text)
    assert [(t.text, t.role) for t in ended.times] == [("in March", "noun")]  # the search began then, not ended
    appointed = next(c for c in claims if "appointed" in c.text)
    assert [(t.text, t.role) for t in appointed.times] == [("on Thursday", "event")]
    side = next(c for c in claims_of("The Orvane plan, which was approved on 3 May, sets out four new roads.")
                if c.rule == "relative-clause")  # fmt: skip
    assert [t.role for t in side.times] == ["event"]  # a relative clause split off: its date is its own


def test_a_month_a_past_verb_governs_is_read_in_the_past_in_a_claim_about_the_future() -> None:
    (claim,) = claims_of(
        "Firms in Orvane are unsure whether a tariff imposed in September would be cut, or whether talks would "
        "resume in March.",
        published=D(2024, 11, 18),
    )
    days = {t.text: t.first for t in claim.times}
    assert days["in September"] == D(2024, 9, 1)  # imposed: the past, though the claim says "would"
    assert days["in March"] == D(2025, 3, 1)
