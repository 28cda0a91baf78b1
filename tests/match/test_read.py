"""How a claim is read for matching: content stems, counts, offices, stated roles, presence.

Invented places (Velmora, Korvast, Dravia, Lindby), people and bodies only.
"""

from __future__ import annotations

import pytest

from tracker.match.read import (
    Count,
    content_stems,
    country_key,
    counts,
    office,
    presence,
    same_office,
    stated_roles,
)
from tracker.match.read import located as places_located

# -- content stems -----------------------------------------------------------------------------------------


def test_content_stems_drop_stop_words_numbers_and_months_and_stem_the_rest() -> None:
    stems = content_stems("The Harbour Council's members signed 12 agreements with Korvast in March 2024.")
    assert stems == ["harbour", "council", "member", "sign", "agreement", "korvast"]


def test_content_stems_meet_across_inflections() -> None:
    assert content_stems("agreements")[0] == content_stems("agreement")[0]
    assert content_stems("Presidential")[0] == content_stems("president")[0]
    assert content_stems("treaties")[0] == content_stems("treaty")[0]


def test_content_stems_leave_out_weekdays() -> None:
    assert content_stems("Drummond inspected the harbour wall on Monday.") == ["drummond", "inspect", "harbour", "wall"]


# -- counts ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("Velmora has opened 12 flood shelters for displaced families.", 12, "shelter"),
        ("Twelve flood shelters were opened in Velmora.", 12, "shelter"),
        ("Councillors have signed three bilateral harbour agreements with Korvast.", 3, "agreement"),
        ("More than 1,500 passengers were stranded in Lindby.", 1500, "passenger"),
        ("The storm damaged a dozen fishing boats.", 12, "boat"),
        ("The fund will pay 3.5 million euros to the fishermen.", 3_500_000, "euro"),
        # every number word of the lexicon is read, not only those a list here happened to hold
        ("Sixty volunteers cleared the beach at Lindby.", 60, "volunteer"),
        ("Ninety ferries sailed from Korvast last year.", 90, "ferry"),
    ],
)
def test_counts_read_value_and_counted_noun(text: str, value: float, noun: str) -> None:
    found = counts(text)
    assert [(c.value, c.noun) for c in found] == [(value, noun)], found


@pytest.mark.parametrize(
    "text",
    [
        "No harbour agreement has been signed between Velmora and Korvast.",
        "No agreements of this kind have been signed so far.",
        "Officials said that no agreement was signed in Lindby.",
    ],
)
def test_no_x_has_been_signed_counts_zero(text: str) -> None:
    assert Count(0, "agreement", "no agreement") in counts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The council met on 16 May and again on May 20.",
        "The harbour was rebuilt in 2023.",
        "The ferry sank two weeks later in the bay.",
    ],
)
def test_dates_years_and_time_distances_are_not_counts(text: str) -> None:
    assert counts(text) == []


def test_four_days_before_is_not_a_count() -> None:
    assert counts("The vote came four days before the signing.") == []


def test_minutes_later_is_not_a_count() -> None:
    assert counts("Ten minutes later the ferry left the harbour.") == []


def test_ordinal_date_is_not_a_count() -> None:
    assert counts("The harbour council met on the 15th of May.") == []


def test_no_doubt_is_not_a_zero_count() -> None:
    assert [(c.value, c.noun) for c in counts("There is no doubt that three ships were lost.")] == [(3, "ship")]


# -- offices -----------------------------------------------------------------------------------------------


def test_office_folds_head_chief_and_secretary_and_reads_the_body() -> None:
    head = office("head of the Velmora Harbour Office")
    assert head.roles == {"head"}
    assert head.single_holder and head.fully_named
    assert office("Velmora Harbour Office chief").roles == {"head"}
    assert office("secretary of the Harbour Council").roles == {"head"}


def test_office_owner_from_possessive_and_nationality() -> None:
    assert office("Velmora's Harbour Minister").owner
    assert office("Dravian Harbour Minister").owner
    assert not office("Harbour Minister").owner


def test_shared_offices_have_many_holders() -> None:
    assert not office("Deputy Mayor of Velmora").single_holder
    assert not office("senior adviser to the Harbour Office").single_holder
    assert office("Mayor of Velmora").single_holder


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("head of the Velmora Harbour Office", "Velmora Harbour Office chief"),
        ("head of the Velmora Harbour Office", "head of the Harbour Office"),
        ("secretary of the Harbour Council", "head of the Harbour Council"),
        ("head of the VHA", "chief of the Velmora Harbour Authority"),
        ("Dravian Harbour Minister", "Harbour Minister of Dravia"),
        ("head of the Office of the Minister", "Ministerial Office chief"),
    ],
)
def test_same_office_in_other_words(a: str, b: str) -> None:
    assert same_office(office(a), office(b))
    assert same_office(office(b), office(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("head of the Velmora Harbour Office", "head of the Korvast Harbour Office"),
        ("Mayor of Velmora", "Mayor of Korvast"),
        ("Velmora Harbour Office chief", "Velmora Harbour Office spokesman"),
        ("head of the VHA", "chief of the Korvast Harbour Authority"),
        ("Velmora's Harbour Minister", "Dravian Harbour Minister"),
    ],
)
def test_different_offices_are_not_the_same(a: str, b: str) -> None:
    assert not same_office(office(a), office(b))
    assert not same_office(office(b), office(a))


def test_mayoral_office_chief_is_head_of_the_office_of_the_mayor() -> None:
    assert same_office(office("head of the Office of the Mayor"), office("Mayoral Office chief"))


def test_country_and_adjective_in_a_meet() -> None:
    assert country_key("Velmora") == country_key("Velmoran")
    assert same_office(office("Velmoran Harbour Minister"), office("Harbour Minister of Velmora"))


def test_offices_differing_in_one_of_four_words_are_different() -> None:
    assert not same_office(
        office("head of the Northern Regional Harbour Office"), office("head of the Southern Regional Harbour Office")
    )


# -- stated roles ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ilse Drummond is head of the Velmora Harbour Office.",
            ("Ilse Drummond", "head of the Velmora Harbour Office"),
        ),
        (
            "The council named Ilse Drummond as the new chief of the Harbour Office.",
            ("Ilse Drummond", "chief of the Harbour Office"),
        ),
        (
            "The council appointed Tomas Brandt, a retired pilot, as head of the Harbour Office.",
            ("Tomas Brandt", "head of the Harbour Office"),
        ),
        (
            "Tomas Brandt has been Velmora Harbour Office chief since March.",
            ("Tomas Brandt", "Velmora Harbour Office chief"),
        ),
        ("Korvast's team was led by Tomas Brandt.", ("Tomas Brandt", "head of Korvast's team")),
    ],
)
def test_stated_roles(text: str, expected: tuple[str, str]) -> None:
    assert expected in stated_roles(text)


def test_no_role_stated_without_a_title() -> None:
    assert stated_roles("Ilse Drummond said the harbour would reopen in the spring.") == []
    assert stated_roles("the harbour is open again.") == []


# -- presence ----------------------------------------------------------------------------------------------


def test_presence_reads_who_was_there_and_who_was_not() -> None:
    assert presence("Mayor Ilse Drummond attended the summit in Lindby.").present == ("Mayor Ilse Drummond",)
    assert presence("Ilse Drummond did not attend the summit in Lindby.").absent == ("Ilse Drummond",)
    assert presence("Ilse Drummond, the mayor of Velmora, stayed in Velmora.").absent == ("Ilse Drummond",)
    assert presence("Ilse Drummond joined the summit by video link.").absent == ("Ilse Drummond",)
    group = presence("The summit drew delegations from Velmora, Korvast and Dravia.")
    assert group.present == ("Velmora", "Korvast", "Dravia") and group.absent == ()


def test_presence_of_a_plain_statement_is_empty() -> None:
    found = presence("The harbour of Velmora reopened after the storm.")
    assert found.present == () and found.absent == ()


def test_group_presence_at_the_start_of_a_sentence() -> None:
    assert set(presence("Delegations from Velmora, Korvast and Dravia attended the summit.").present) >= {
        "Velmora",
        "Korvast",
        "Dravia",
    }


# -- located -----------------------------------------------------------------------------------------------


def test_located_reads_the_places_a_claim_puts_something_in() -> None:
    assert places_located("Envoys of Velmora met in Lindby on Monday, at Korvast Palace later.") == (
        "Lindby",
        "Korvast Palace",
    )
    assert places_located("The talks took place in the Dravian port of Ostwick last month.") == ("Ostwick",)
    assert places_located("Negotiators gathered near Brenmoor, Korvast.") == ("Brenmoor",)


def test_a_country_named_as_actor_or_beneficiary_is_not_where_anything_happened() -> None:
    assert places_located("Velmora is ready for such a meeting, he added.") == ()
    assert places_located("Korvast announced an aid package for Velmora worth 2 million euros.") == ()
    assert places_located("The envoy met officials of the Office of the President of Velmora.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Brenmoor sells a 14-inch laptop.",
        "The coupe has 310 horsepower.",
        "Prices rose 4 percent last quarter.",
        "Prices rose 4% last quarter.",
        "Prices rose 4 per cent last quarter.",
        "The tower is 320 metres tall.",
        "Ida Marsh, 52 years old, spoke first.",
        "The battery lasts 9 hours on a charge.",
        "The Model 3 sold well.",
    ],
)
def test_measures_ages_durations_and_model_numbers_are_not_counts(text: str) -> None:
    assert counts(text) == []


def test_troops_and_soldiers_share_a_class_and_people_and_persons_another() -> None:
    troops, soldiers = counts("It sent 400 troops."), counts("It sent 400 soldiers.")
    assert troops[0].key == soldiers[0].key != counts("It sent 400 nurses.")[0].key
    assert counts("It fed 90 people.")[0].key == counts("It fed 90 persons.")[0].key


def test_money_reads_currency_scale_and_purpose() -> None:
    (loans,) = counts("The fund lent nearly $40 billion in loans.")
    assert (loans.value, loans.currency, loans.purpose) == (40_000_000_000, "USD", "loan")
    (grant,) = counts("Velmora pledged £200 million for schools.")
    assert (grant.value, grant.currency, grant.purpose) == (200_000_000, "GBP", "school")
    (short,) = counts("It raised $3bn.")
    assert (short.value, short.currency) == (3_000_000_000, "USD")
    assert loans.key != counts("The fund lent nearly €40 billion in loans.")[0].key


def test_other_and_more_before_the_noun_keep_the_noun() -> None:
    assert [(c.value, c.noun) for c in counts("15 other countries have joined.")] == [(15, "country")]
    assert [(c.value, c.noun) for c in counts("14 more regions followed.")] == [(14, "region")]


def test_a_part_counted_beside_others_is_not_compared_with_a_whole() -> None:
    (part,) = counts("15 other countries have joined.")
    (whole,) = counts("15 countries have joined.")
    assert part.partial and not whole.partial and part.key != whole.key
    assert part.key == counts("Nine other countries have joined.")[0].key


def test_states_refugees_and_nations_fall_in_their_classes_through_the_stem() -> None:
    assert counts("14 states joined.")[0].key == counts("14 nations joined.")[0].key
    assert counts("900 refugees arrived.")[0].key == counts("900 evacuees arrived.")[0].key


def test_scaled_decimals_are_exact() -> None:
    (cars,) = counts("It registered 16.6 million cars.")
    assert str(cars.value) == "16600000"
