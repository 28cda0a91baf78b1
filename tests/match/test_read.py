"""What matching reads beside the stored frames: content stems, offices (from a stored title), presence, places.

Invented places (Velmora, Korvast, Dravia, Lindby), people and bodies only.
"""

from __future__ import annotations

import pytest

from tracker.match.read import (
    content_stems,
    country_key,
    distinct_posts,
    office,
    presence,
    role_class,
    same_office,
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


def test_role_nouns_of_one_class_are_one_kind_of_post() -> None:
    assert role_class("spokesman") == role_class("spokeswoman") == role_class("spokesperson")
    assert role_class("envoy") == role_class("ambassador")
    assert role_class("adviser") == role_class("advisor") == role_class("aide")
    assert role_class("chief") == role_class("leader") == role_class("chairman") == "head"
    assert role_class("mayor") != role_class("head")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Harbour Office spokesman", "Harbour Office spokesperson"),
        ("press secretary of the Velmora Harbour Office", "Velmora Harbour Office spokeswoman"),
        ("chief of staff", "head of the Office"),
        ("Velmoran Ambassador to Korvast", "Velmoran envoy to Korvast"),
        ("the president's chief of staff", "head of the presidential office"),
    ],
)
def test_one_post_in_the_words_of_one_class(a: str, b: str) -> None:
    assert same_office(office(a), office(b))


def test_a_secretary_heads_a_council_and_is_the_minister_of_a_department() -> None:
    assert office("secretary of the Velmora Harbour Council").roles == {"head"}
    assert office("Harbour Secretary").roles == {"minister"}
    assert office("Secretary of the Harbour Department").roles == {"minister"}
    assert same_office(office("Velmoran Harbour Secretary"), office("Velmoran Harbour Minister"))


def test_an_owner_is_kept_as_written_for_reading_whose_post_it_is() -> None:
    post = office("President Ana Sorel's chief of staff")
    assert post.owner_text == "President Ana Sorel" and post.roles == {"head"}
    # a possessive role noun says whose post it is, not a second post
    assert office("the president's chief of staff").roles == {"head"}


@pytest.mark.parametrize("title", ["interim chief executive", "acting chief executive", "new chief executive"])
def test_words_of_tenure_are_no_words_of_the_post(title: str) -> None:
    # "interim chief executive" says no more of whose post it is than "chief executive"
    assert office(title).body == office("chief executive").body
    assert not office(title).fully_named


@pytest.mark.parametrize(
    ("title", "is_described"),
    [
        ("head of the company", True),
        ("the club's coach", True),
        ("chief executive of Lumo Energy", False),
        ("head of the Office of the President", False),
        ("Velmora's defence minister", False),
        ("minister of defence", False),
    ],
)
def test_a_body_described_in_common_words_may_be_one_another_claim_names(title: str, is_described: bool) -> None:
    assert office(title).described is is_described


def test_a_post_of_a_described_body_is_not_distinct_from_one_of_a_named_body() -> None:
    # "head of the company" may be the chief executive of the company named elsewhere; another named body is not
    named = office("chief executive of Lumo Energy")
    assert not distinct_posts(named, office("head of the company"))
    assert distinct_posts(named, office("head of Talvik Ports"))


def test_a_post_that_names_no_body_is_not_distinct_from_the_same_post_of_a_body() -> None:
    # "chief prosecutor" may be the "chief anti-corruption prosecutor" another outlet names in full
    assert not distinct_posts(office("chief prosecutor"), office("chief anti-corruption prosecutor"))
    assert distinct_posts(office("chief prosecutor of Lindby"), office("chief prosecutor of Ostwick"))
    assert distinct_posts(office("chief prosecutor"), office("Defence Minister"))


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
    assert places_located("Brandt was sentenced in November in Lindby on Monday.") == ("Lindby",)  # a month


def test_a_country_named_as_actor_or_beneficiary_is_not_where_anything_happened() -> None:
    assert places_located("Velmora is ready for such a meeting, he added.") == ()
    assert places_located("Korvast announced an aid package for Velmora worth 2 million euros.") == ()
    assert places_located("The envoy met officials of the Office of the President of Velmora.") == ()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("U.S. Harbour Envoy", "US Harbour Envoy"),
        ("Velmoran President", "Velmora President"),
        ("VHA’s Administrator", "VHA administrator"),
    ],
)
def test_one_post_whoever_is_written_as_owner_or_as_body(a: str, b: str) -> None:
    assert same_office(office(a), office(b)) and same_office(office(b), office(a))


def test_founders_and_former_or_ousted_holders_are_no_one_holder_now() -> None:
    assert not office("founder of Lumo").single_holder
    assert not office("Lumo CEO and co-founder").single_holder
    assert not office("Ousted Lumo CEO").single_holder
    assert not office("ex-Mayor of Velmora").single_holder
    assert office("Lumo CEO").single_holder


def test_two_posts_are_distinct_only_when_their_classes_or_bodies_do_not_meet() -> None:
    assert distinct_posts(office("Defence Minister"), office("secretary of the Velmora Security Council"))
    assert distinct_posts(office("head of harbour intelligence"), office("Mayoral Office chief"))
    assert not distinct_posts(office("research team head"), office("Lumo Team Leader"))  # perhaps one post
    velmora = frozenset({"vilmor"})
    assert not distinct_posts(office("Velmoran Defence Minister"), office("Velmoran Finance Minister"))
    assert distinct_posts(office("Velmoran Defence Minister"), office("Velmoran Finance Minister"), velmora)


def test_a_post_whose_body_is_named_by_its_kind_alone_may_be_any_named_one() -> None:
    """ "the party's leader" and "Union leader": "the party" may be the Union, so no second post; two named
    bodies stay two posts."""
    assert not distinct_posts(office("party's leader"), office("Ostra Union leader"))
    assert not distinct_posts(office("head of the agency"), office("head of the Velmo Port Authority"))
    assert distinct_posts(office("Ostra Union leader"), office("Velmo Labour Party leader"))
