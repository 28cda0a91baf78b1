"""Quantity frames read from the parse of invented sentences: value, modifier, counted noun and its class,
running totals, money with currency and scale, and measures that are never counts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.extract.helpers import claims_of
from tracker.analyse import analyse
from tracker.clean.spans import Span
from tracker.extract.quantities import COUNT, MEASURE, MONEY, QuantityFact, exact_value, noun_class, quantities


def frames(text: str) -> list[QuantityFact]:
    doc = analyse(text, (Span(0, len(text)),))
    return [q for sentence in doc.sentences for q in quantities(sentence)]


def test_a_count_with_its_modifier_noun_and_class() -> None:
    (fact,) = frames("More than 3,000 soldiers were sent to the Brenmoor border.")
    assert (fact.value, fact.kind, fact.noun, fact.noun_class, fact.modifier) == (
        3000,
        COUNT,
        "soldier",
        "troops",
        "more than",
    )
    assert fact.key == frames("About 3,000 troops were sent to the Brenmoor border.")[0].key


@pytest.mark.parametrize(
    ("text", "modifier"),
    [
        ("Nearly 200 people were rescued in Ostwick.", "nearly"),
        ("About 200 people were rescued in Ostwick.", "about"),
        ("At least 200 people were rescued in Ostwick.", "at least"),
        ("Up to 200 people were rescued in Ostwick.", "up to"),
        ("Exactly 200 people were rescued in Ostwick.", None),
    ],
)
def test_modifiers(text: str, modifier: str | None) -> None:
    (fact,) = frames(text)
    assert (fact.value, fact.noun_class, fact.modifier) == (200, "people", modifier)


def test_people_and_persons_share_a_class() -> None:
    assert noun_class("persons") == noun_class("people") == "people"
    assert noun_class("servicemen") == noun_class("troop") == "troops"
    assert noun_class("lorry") == "lorry"


def test_other_before_the_noun_keeps_the_noun() -> None:
    (fact,) = frames("The envoy said 15 other countries had signed the Ostwick pact.")
    assert (fact.value, fact.noun, fact.noun_class, fact.partial) == (15, "country", "countries", True)
    assert not frames("The envoy said 15 countries had signed the Ostwick pact.")[0].partial


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        # the parse hangs "more" on the number, not on the noun
        ("As of 3 May, 14 more states had signed the Ostwick pact.", "As of 3 May, 14 states had signed the pact."),
        ("Another 14 states signed the Ostwick pact on Friday.", "14 states signed the Ostwick pact on Friday."),
        ("Velmora sent 14 additional patrol boats to Brenmoor.", "Velmora sent 14 patrol boats to Brenmoor."),
    ],
)
def test_a_count_added_to_others_is_a_part_not_the_whole(text: str, whole: str) -> None:
    """ "14 more states" is what was added, not how many there are: never compared with a total of 14."""
    (part,) = frames(text)
    (total,) = frames(whole)
    assert (part.value, part.kind, part.partial) == (14, COUNT, True)
    assert (total.value, total.partial) == (14, False)
    assert part.noun_class == total.noun_class and part.key != total.key


@pytest.mark.parametrize(
    ("text", "running"),
    [
        ("So far, 120 people have been evacuated from Ostwick.", True),
        ("In total, 120 people have been evacuated from Ostwick.", True),
        ("To date, 120 people have been evacuated from Ostwick.", True),
        ("The shelter now has 120 beds for Ostwick families.", True),
        ("On the first night, 120 people were evacuated from Ostwick.", False),
    ],
)
def test_running_totals(text: str, running: bool) -> None:
    (fact,) = frames(text)
    assert fact.cumulative is running


def test_money_with_currency_scale_modifier_and_purpose() -> None:
    (loans,) = frames("The Korvast fund approved nearly $40 billion in loans for Brenmoor.")
    assert (loans.kind, loans.value, loans.currency, loans.modifier, loans.noun) == (
        MONEY,
        40_000_000_000,
        "USD",
        "nearly",
        "loan",
    )
    (grant,) = frames("Velmora pledged £200 million to the Ostwick schools.")
    assert (grant.kind, grant.value, grant.currency) == (MONEY, 200_000_000, "GBP")
    assert loans.key != grant.key


@pytest.mark.parametrize(
    "text",
    [
        "Brenmoor sold a 16-inch laptop to the Ostwick schools.",
        "The new Velmora coupe delivers 149 horsepower.",
        "The Ostwick bridge is 40 km long.",
    ],
)
def test_measures_are_not_counts(text: str) -> None:
    found = frames(text)
    assert found and all(f.kind == MEASURE and f.noun_class is None for f in found), found


def test_a_length_of_time_is_no_count() -> None:
    assert not [f for f in frames("The Lumo battery lasts 9 hours.") if f.kind != MEASURE]


def test_a_model_number_is_a_measure() -> None:
    found = frames("Brenmoor will build the Model 3 in Ostwick.")
    assert [f.kind for f in found] == [MEASURE]


def test_values_are_exact() -> None:
    (fact,) = frames("Velmora registered 16.6 million vehicles last year.")
    assert fact.value == Decimal("16600000") and str(fact.value) == "16600000"
    assert exact_value("2.25") == Decimal("2.25") and exact_value("twelve") == 12


def test_a_claim_carries_its_quantity_frames() -> None:
    body = "Velmora has sent more than 3,000 soldiers to the Brenmoor border."
    (claim,) = claims_of(body)
    assert [(q.value, q.noun_class, q.modifier) for q in claim.quantities] == [(3000, "troops", "more than")]
    span = claim.quantities[0].span
    assert span is not None and body[span.start : span.end] == "3,000"


@pytest.mark.parametrize(
    ("text", "value", "trend", "words"),
    [
        ("The toll rose to 42.", 42, "rise", "rose to"),
        ("The number of dead climbed to 42 people.", 42, "rise", "climbed to"),
        ("Arrivals fell to 300 refugees in May.", 300, "fall", "fell to"),
        ("The count reached 300 people.", 300, "rise", "reached"),
    ],
)
def test_a_count_that_moved(text: str, value: int, trend: str, words: str) -> None:
    (fact,) = frames(text)
    assert (fact.value, fact.kind, fact.trend, fact.trend_words) == (value, COUNT, trend, words)


def test_a_count_that_did_not_move() -> None:
    (fact,) = frames("Velmora sent 300 troops to the border.")
    assert (fact.trend, fact.trend_words) == (None, None)


def test_the_members_of_a_list_after_a_colon_do_not_repeat_the_lead_s_count() -> None:
    """ "three agreements: with A, B and C": the count is the lead's claim, said once, not once per member."""
    text = "Velmora now has three harbour agreements under the Ostwick framework: with Korvast, Lindby and Brenmoor."
    claims = claims_of(text)
    lead = next(c for c in claims if c.rule != "inline-list")
    assert [(q.value, q.noun) for q in lead.quantities] == [(Decimal(3), "agreement")]
    members = [c for c in claims if c.rule == "inline-list"]
    assert len(members) == 3 and all(c.quantities == () for c in members)


# --- counts that stand on no number word ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "noun", "noun_class", "words", "running"),
    [
        (
            "No bilateral agreement of this kind has been signed so far.",
            "agreement",
            "agreements",
            "No bilateral agreement",
            True,
        ),
        ("No treaty with Ostwick has been signed yet.", "treaty", "agreements", "No treaty", True),
        ("No soldiers were sent to the Brenmoor border.", "soldier", "troops", "No soldiers", False),
        ("None of the states has signed.", "state", "countries", "None of the states", False),
        ("None of the states has signed to date.", "state", "countries", "None of the states", True),
    ],
)
def test_a_count_of_none(text: str, noun: str, noun_class: str, words: str, running: bool) -> None:
    (fact,) = frames(text)
    assert (fact.value, fact.kind, fact.noun, fact.noun_class, fact.cumulative) == (0, COUNT, noun, noun_class, running)
    assert fact.span is not None and fact.span.of(text) == words


@pytest.mark.parametrize(
    "text",
    [
        "No comment was made.",
        "There was no progress on the demand.",
        "None of them has signed.",
        "The ministry no longer publishes the figures.",
    ],
)
def test_no_count_of_none_of_what_is_not_counted(text: str) -> None:
    assert frames(text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Velmora has signed agreements with nine states.", "agreements with nine states"),
        ("Ostwick has already signed bilateral trade deals with nine states.", "deals with nine states"),
        ("Velmora signed trade agreements with nine countries in May.", "agreements with nine countries"),
    ],
)
def test_one_thing_counted_per_partner(text: str, words: str) -> None:
    partners, things = frames(text)
    assert (partners.value, partners.noun_class) == (9, "countries")
    assert (things.value, things.kind, things.noun_class) == (9, COUNT, "agreements")
    assert things.span is not None and things.span.of(text) == words


@pytest.mark.parametrize(
    "text",
    [
        "Velmora signed agreements with nine of them.",
        "Velmora has signed three agreements with nine states.",
        "Velmora held talks with nine states.",
        "Velmora exchanged prisoners with two states.",
        "Velmora signed an agreement with nine states.",
    ],
)
def test_no_count_per_partner_without_a_counted_plural_object(text: str) -> None:
    assert not any(q.noun_class == "agreements" and q.value == 9 for q in frames(text))


def test_a_claim_carries_its_counts_of_none_and_per_partner() -> None:
    (claim,) = claims_of("As of today, Velmora has signed agreements with nine states.")
    assert [(q.value, q.noun_class) for q in claim.quantities] == [(9, "countries"), (9, "agreements")]
    (claim,) = claims_of("No bilateral agreement of this kind has been signed so far.")
    assert [(q.value, q.noun_class, q.cumulative) for q in claim.quantities] == [(0, "agreements", True)]


# --- whose count, and what happened to the people counted ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "owner"),
    [
        ("The Ostwick Union won 58 seats in the assembly.", 58, "Ostwick Union"),
        ("The Ostwick Union was on course for 58 of the 150 seats.", 58, "Ostwick Union"),
        ("Brenmoor Foods' 9,500 employees were told on Monday.", 9500, "Brenmoor Foods"),
        (
            "Together, the Ostwick Union and the Lindby Greens would have 79 seats.",
            79,
            "Ostwick Union and the Lindby Greens",
        ),
        ("Cases were found in Rudova, a town of 9,000 people west of Ostwick.", 9000, "Rudova"),
    ],
)
def test_a_count_names_its_owner(text: str, value: int, owner: str) -> None:
    fact = next(q for q in frames(text) if q.value == value)
    assert fact.owner == owner
    assert fact.owner_span is not None and text[fact.owner_span.start : fact.owner_span.end] == owner


def test_a_count_left_without_its_noun_in_a_list_counts_the_first_noun_for_its_own_owner() -> None:
    text = "The Ostwick Union had 51 seats, the Lindby Greens 19 and the Korvast League 14."
    assert [(q.value, q.noun_class, q.owner) for q in frames(text)] == [
        (51, "seat", "Ostwick Union"),
        (19, "seat", "Lindby Greens"),
        (14, "seat", "Korvast League"),
    ]


def test_the_whole_a_part_is_taken_from_is_no_count_of_its_own() -> None:
    """ "58 of the 150 seats": 150 is the chamber, not a second count of seats to compare."""
    assert [q.value for q in frames("The Ostwick Union was on course for 58 of the 150 seats.")] == [58]


@pytest.mark.parametrize(
    ("text", "value", "noun_class"),
    [
        ("At least 12 people have died in the Brenmoor floods.", 12, "dead"),
        ("Twenty-two people have been confirmed dead in Ostwick.", 22, "dead"),
        ("The storm killed 14 people in Lindby.", 14, "dead"),
        ("Eleven people are still missing in Lindby.", 11, "missing"),
        ("Seven people remain unaccounted for.", 7, "missing"),
        ("More than 3,000 people have been evacuated from Ostwick.", 3000, "refugees"),
        ("The fire forced the evacuation of about 300 people.", 300, "refugees"),
        ("The number of people hurt in the Lindby fire has risen to 19.", 19, "injured"),
        ("Forty-five people were injured in Ostwick.", 45, "injured"),
        ("The death toll from the Brenmoor floods rose to 31.", 31, "dead"),
        ("The agency put the confirmed toll at 38.", 38, "dead"),
        ("The Ostwick plant employs around 640 people.", 640, "people"),
    ],
)
def test_people_are_counted_by_what_happened_to_them(text: str, value: int, noun_class: str) -> None:
    fact = next(q for q in frames(text) if q.kind == COUNT)
    assert (fact.value, fact.noun_class) == (value, noun_class)


def test_a_transitive_verb_of_change_moves_the_count_it_names() -> None:
    (fact,) = frames("The army has raised the number of troops in Brenmoor to 1,200.")
    assert (fact.value, fact.noun_class, fact.trend) == (1200, "troops", "rise")


@pytest.mark.parametrize(
    ("text", "value", "noun", "trend"),
    [
        ("Turnout stood at 63.1 percent in Ostwick.", "63.1", "turnout", None),
        ("Final turnout in Ostwick was 64.7 percent.", "64.7", "turnout", None),
        ("Velmoran unemployment rose to 5.2 percent in May.", "5.2", "unemployment", "rise"),
        ("The commission said turnout had reached 63.1 percent.", "63.1", "turnout", "rise"),
    ],
)
def test_a_percentage_that_states_the_level_of_a_named_measure(text: str, value: str, noun: str, trend) -> None:
    (fact,) = [q for q in frames(text) if q.unit == "percent"]
    assert (str(fact.value), fact.kind, fact.noun_class, fact.trend) == (value, MEASURE, noun, trend)


@pytest.mark.parametrize(
    "text, owner",
    [
        ("Shares in Lumo closed 6 percent lower on Monday.", "Lumo"),
        ("Lumo shares fell 6 percent on Monday.", None),  # the parse reads "Lumo" a common noun here
        ("Shares of Lumo lost 6 percent on Monday.", "Lumo"),
        ("The Lumo stock dropped by 6 percent on Monday.", None),
    ],
)
def test_a_change_by_so_many_percent_is_a_move_of_its_subject_not_a_level(text: str, owner) -> None:
    (fact,) = frames(text)
    assert (fact.kind, fact.unit, fact.by, fact.trend) == (MEASURE, "percent", True, "fall")
    assert fact.noun_class in ("share", "stock")
    assert owner is None or fact.owner == owner


def test_a_level_reached_or_an_object_moved_is_no_move_of_the_subject() -> None:
    (reached,) = frames("The commission said turnout had reached 63.1 percent.")
    assert not reached.by and reached.noun_class == "turnout"
    (cut,) = frames("The Bank of Lindby cut its benchmark rate by 0.25 percent.")
    assert not cut.by
    (grew,) = frames("Sales at Brenmoor grew by 5 percent.")
    assert grew.by and grew.trend == "rise" and grew.owner is None  # "at" names where, not whose


@pytest.mark.parametrize(
    "text",
    [
        "Schools in Ostwick will stay closed until Jan. 19.",  # a day, read as a time
        "The court met on Feb. 24 in Lindby.",
        "Ostrow, 61, was sentenced on Monday.",  # an age
    ],
)
def test_a_day_of_a_month_or_an_age_is_no_measure(text: str) -> None:
    assert frames(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "owner"),
    [
        ("Ivo Ostrow was sentenced to seven years in prison on Thursday.", 7, "year", "Ivo Ostrow"),
        ("Ivo Ostrow was jailed for nine years on Thursday.", 9, "year", "Ivo Ostrow"),
        ("Lena Brun received a two-year suspended sentence.", 2, "year", "Lena Brun"),
        ("The driver was sentenced to 18 months.", 18, "month", None),
    ],
)
def test_a_prison_term_is_measured_with_who_serves_it(text: str, value: int, unit: str, owner: str | None) -> None:
    [term] = [q for q in frames(text) if q.noun == "sentence"]
    assert (term.value, term.unit, term.owner) == (value, unit, owner)


def test_a_length_of_time_that_is_no_sentence_is_no_prison_term() -> None:
    assert [q for q in frames("The talks in Lindby lasted two years.") if q.noun == "sentence"] == []


def test_a_level_moved_to_is_the_level_of_what_was_moved() -> None:
    [rate] = frames("The Bank of Lindby cut its benchmark interest rate to 4.50 percent on Tuesday.")
    assert (rate.value, rate.noun, rate.unit, rate.trend) == (Decimal("4.5"), "rate", "percent", "fall")


def test_a_number_word_inside_a_name_counts_nothing() -> None:
    assert frames("Talvik shares are listed on the SIX Swiss Exchange in Zurich.") == []
    assert [q.value for q in frames("Six Talvik shares were listed.")] == [Decimal(6)]  # opening the sentence


def test_a_bare_number_counts_the_noun_a_coordinated_verb_counts_in_its_place() -> None:
    """ "killed three people and infected 46": 46 people, counted by what this verb did (the infected are cases);
    "said 131 people had fallen ill and that nine had died": nine people, dead."""
    killed = frames("The outbreak in Orvane has killed three people and infected 46, officials said.")
    assert [(q.value, q.noun, q.noun_class) for q in killed] == [
        (Decimal(3), "people", "dead"),
        (Decimal(46), "people", "case"),
    ]
    died = frames("Officials said 131 people had fallen ill in Orvane and that nine had died.")
    assert (Decimal(9), "people", "dead") in [(q.value, q.noun, q.noun_class) for q in died]
    seized = frames("The army seized 12 tanks and destroyed 30.")
    assert [(q.value, q.noun_class) for q in seized] == [(Decimal(12), "tank"), (Decimal(30), "tank")]


def test_a_count_whose_verb_of_change_is_left_out_takes_it_from_the_count_before() -> None:
    (cases, toll) = frames("Confirmed cases in Orvane have risen to 118 and the death toll to seven.")
    assert (cases.value, cases.noun_class, cases.trend) == (Decimal(118), "case", "rise")
    assert (toll.value, toll.noun, toll.noun_class, toll.trend) == (Decimal(7), "toll", "dead", "rise")


def test_a_level_a_verb_keeps_its_object_at_is_the_objects() -> None:
    (kept,) = frames("The Orvane central bank kept its benchmark rate at 4.50 percent on Tuesday.")
    assert (kept.value, kept.noun_class, kept.unit) == (Decimal("4.5"), "rate", "percent")


def test_a_prison_term_a_verb_of_change_moves_is_the_new_term_and_keeps_the_one_before() -> None:
    (term,) = frames(
        "The appeal court on Tuesday reduced the prison sentence of Tomas Brandt from seven years to five."
    )
    assert (term.value, term.noun_class, term.unit) == (Decimal(5), "prison term (years)", "year")
    assert (term.trend, term.earlier, term.owner) == ("fall", Decimal(7), "Tomas Brandt")


def test_a_number_after_a_determiner_of_a_set_already_named_is_definite() -> None:
    (the,) = frames("The five companies can now bid for Orvane contracts.")
    (every,) = frames("All 14 companies are now eligible to bid.")
    (size,) = frames("Fourteen companies are now eligible to bid.")
    assert (the.definite, every.definite, size.definite) == (True, True, False)
    (toll,) = frames("The death toll in Orvane rose to 31 on Monday.")
    assert not toll.definite  # the number is no modifier of the noun its determiner opens


@pytest.mark.parametrize(
    "text", ["A day after a 3-0 home defeat, Ostwick sacked its coach.", "Ostwick lost 2–1 at home.", "Lindby won 6-4."]
)
def test_a_score_is_no_count(text: str) -> None:
    assert frames(text) == []


def test_a_range_written_smaller_first_is_still_a_count() -> None:
    assert [(str(q.value), q.noun_class) for q in frames("Between 10-15 people were hurt in Ostwick.")] == [
        ("10", "people")
    ]
