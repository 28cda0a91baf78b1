"""People and their titles (names.py), and the role claims built from them (rule 1).

Every name, office and place here is invented; the tests pin the mechanisms: a title before the name, an
apposition after it, a title phrase between commas, "aide to <Title> <Name>", two titled people joined by
"and", and plural titles that name no single office holder.
"""

from __future__ import annotations

import pytest

from tracker.extract.names import Person, people, tokens

from .helpers import by_kind, claims_of, find, quote


def titled(sentence: str) -> dict[str, str]:
    """name -> title text, checked to be the exact slice the offsets point at."""
    out = {}
    for person in people(sentence):
        assert sentence[person.start : person.end].replace("(", "").replace(")", "") == person.name
        if person.title is not None:
            assert sentence[person.title_start : person.title_end] == person.title
            out[person.name] = person.title
    return out


def only(sentence: str, name: str) -> Person:
    matches = [p for p in people(sentence) if p.name == name]
    assert len(matches) == 1, people(sentence)
    return matches[0]


# --- people(): titles and names ------------------------------------------------------------------------


def test_title_before_name() -> None:
    sentence = "On Monday, Finance Ministry spokeswoman Marta Kowalczyk said the budget was ready."
    assert titled(sentence) == {"Marta Kowalczyk": "Finance Ministry spokeswoman"}


def test_title_before_name_at_sentence_start_keeps_offset_zero() -> None:
    sentence = "Finance Ministry spokeswoman Marta Kowalczyk said the budget was ready."
    person = only(sentence, "Marta Kowalczyk")
    assert (person.title_start, person.title_end) == (0, len("Finance Ministry spokeswoman"))


def test_apposition_after_name() -> None:
    sentence = "Pieter Vos, head of the National Water Board, said the dikes had held."
    assert titled(sentence) == {"Pieter Vos": "head of the National Water Board"}


def test_apposition_after_name_drops_the_article() -> None:
    sentence = "Ola Fjell, a former mayor of Skelby, declined to comment on the harbour plan."
    assert titled(sentence) == {"Ola Fjell": "former mayor of Skelby"}


def test_relative_clause_after_name_is_not_a_title() -> None:
    sentence = "Ola Fjell, who was mayor of Skelby for ten years, declined to comment."
    assert titled(sentence) == {}
    assert [p.name for p in people(sentence)] == ["Ola Fjell"]


def test_title_phrase_between_commas_before_name() -> None:
    sentence = "The head of the Port Authority, Tomas Lind, announced a new tariff."
    assert titled(sentence)["Tomas Lind"] == "head of the Port Authority"


@pytest.mark.xfail(
    strict=True,
    reason="names._title_phrase_before_comma accepts only capitalised or vocabulary words, so a lower-case "
    "body ('the port authority') before ', Name,' yields no title",
)
def test_title_phrase_between_commas_with_lower_case_body() -> None:
    sentence = "The head of the port authority, Tomas Lind, announced a new tariff."
    assert titled(sentence) == {"Tomas Lind": "head of the port authority"}


def test_aide_to_president_gives_the_president_title() -> None:
    sentence = "The letter was drafted by an aide to President Anna Berg."
    assert titled(sentence) == {"Anna Berg": "President"}


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("The governing Harbour Union of Prime Minister Anna Berg had 51 seats.", "Prime Minister"),
        ("The ruling People's Party of Mayor Anna Berg lost two seats.", "Mayor"),
        ("The drafts were handed to Assistant Secretary of State Anna Berg.", "Assistant Secretary of State"),
    ],
)
def test_a_body_before_of_is_what_the_holder_leads_not_their_title(sentence: str, title: str) -> None:
    assert titled(sentence) == {"Anna Berg": title}


def test_two_people_joined_by_and_each_get_their_own_title() -> None:
    sentence = "On Tuesday, Defence Minister Olaf Hren and Interior Minister Saskia Meer met in Dornbrook."
    assert titled(sentence) == {"Olaf Hren": "Defence Minister", "Saskia Meer": "Interior Minister"}


def test_and_inside_an_organisation_stays_in_the_title() -> None:
    sentence = "The plan was presented by Defence and Foreign Affairs Committee chairwoman Edda Rhyn in Ostwick."
    assert titled(sentence) == {"Edda Rhyn": "Defence and Foreign Affairs Committee chairwoman"}


def test_plural_title_names_no_office_holder() -> None:
    sentence = "Presidents Anna Berg and Olaf Hren signed the river accord."
    assert titled(sentence) == {}


def test_untitled_name_needs_two_words() -> None:
    found = people("Lena Ask met Brandt in Ostwick.")
    assert [(p.name, p.title) for p in found] == [("Lena Ask", None)]


def test_month_and_place_are_not_people() -> None:
    assert people("The talks in Ostwick ended in March.") == []


def test_bracketed_aside_does_not_break_the_title() -> None:
    sentence = "Chief Prosecutor Mira Solberg (pictured) declined to comment."
    assert titled(sentence) == {"Mira Solberg": "Chief Prosecutor"}


def test_single_name_particle() -> None:
    assert titled("Judge Marco da Costa dismissed the case.") == {"Marco da Costa": "Judge"}


def test_double_name_particle() -> None:
    assert titled("Judge Pieter van der Meer dismissed the case.") == {"Pieter van der Meer": "Judge"}
    assert titled("Envoy Ana de la Cruz met the harbour board.") == {"Ana de la Cruz": "Envoy"}
    # a particle run that no capitalised word closes is no part of a name
    assert list(titled("Judge Pieter van der dismissed the case.")) == ["Pieter"]


def test_dotted_country_abbreviation_stays_in_the_title() -> None:
    assert titled("U.S. Ambassador Clara Winslow arrived in Ostwick.") == {"Clara Winslow": "U.S. Ambassador"}
    assert [t.text for t in tokens("U.S. Ambassador")] == ["U.S.", "Ambassador"]


def test_combining_marks_do_not_split_a_word() -> None:
    sentence = "Envoy Mykola Ts\u0361ybulenko arrived in Ostwick."
    assert [t.text for t in tokens(sentence)][:3] == ["Envoy", "Mykola", "Ts\u0361ybulenko"]
    assert titled(sentence) == {"Mykola Ts\u0361ybulenko": "Envoy"}


def test_middle_initial_is_part_of_the_name() -> None:
    assert titled("US Ambassador Clara J. Winslow arrived in Ostwick.") == {"Clara J. Winslow": "US Ambassador"}


def test_tokens_carry_exact_offsets() -> None:
    sentence = "Mayor Ida Brenner’s office (north wing) spent 1,250.50 crowns."
    for token in tokens(sentence):
        assert sentence[token.start : token.end] == token.text
    assert "1,250.50" in [t.text for t in tokens(sentence)]


# --- role claims -----------------------------------------------------------------------------------------


def test_role_claim_from_title_before_name() -> None:
    text = "On Monday, Finance Ministry spokeswoman Marta Kowalczyk said the budget would be late."
    role = find(claims_of(text), "Marta Kowalczyk is Finance Ministry spokeswoman.")
    assert role.kind == "role"
    assert quote(text, role) == "Finance Ministry spokeswoman Marta Kowalczyk"
    assert role.people == ("Marta Kowalczyk",)


def test_role_claim_quote_covers_a_title_at_sentence_start() -> None:
    text = "Finance Ministry spokeswoman Marta Kowalczyk said the budget would be late."
    role = find(claims_of(text), "Marta Kowalczyk is Finance Ministry spokeswoman.")
    assert quote(text, role) == "Finance Ministry spokeswoman Marta Kowalczyk"


def test_role_claim_from_apposition_after_name() -> None:
    text = "Pieter Vos, head of the National Water Board, said the dikes had held."
    role = find(claims_of(text), "Pieter Vos is head of the National Water Board.")
    assert quote(text, role) == "Pieter Vos, head of the National Water Board"


def test_role_claim_from_title_phrase_between_commas() -> None:
    text = "The head of the Port Authority, Tomas Lind, announced a new tariff on Monday."
    role = find(claims_of(text), "Tomas Lind is head of the Port Authority.")
    assert quote(text, role) == "head of the Port Authority, Tomas Lind"


def test_role_claim_for_the_person_after_to() -> None:
    text = "The letter was drafted by an aide to Vice President Anna Berg."
    roles = by_kind(claims_of(text), "role")
    assert [r.text for r in roles] == ["Anna Berg is Vice President."]
    assert quote(text, roles[0]) == "Vice President Anna Berg"


def test_role_claims_for_two_people_joined_by_and() -> None:
    text = "On Tuesday, Defence Minister Olaf Hren and Interior Minister Saskia Meer met in Dornbrook."
    claims = claims_of(text)
    hren = find(claims, "Olaf Hren is Defence Minister.")
    meer = find(claims, "Saskia Meer is Interior Minister.")
    assert quote(text, hren) == "Defence Minister Olaf Hren"
    assert quote(text, meer) == "Interior Minister Saskia Meer"


def test_plural_title_gives_no_role_claim() -> None:
    text = "Presidents Anna Berg and Olaf Hren signed the river accord last week."
    claims = claims_of(text)
    assert by_kind(claims, "role") == []
    assert [c.text for c in claims] == [text]


def test_titled_surname_joins_the_full_name_named_earlier() -> None:
    text = (
        "Fisheries Minister Anna Berg toured the harbour in Skelby on Friday.\n"
        "Minister Berg later met the trawler crews at the fish market.\n"
    )
    roles = by_kind(claims_of(text), "role")
    # "Minister Berg" is Anna Berg; "Anna Berg is Minister." repeats the fuller title and is not made again.
    assert [r.text for r in roles] == ["Anna Berg is Fisheries Minister."]


def test_a_title_word_that_owns_the_name_names_a_thing_not_a_titled_person() -> None:
    assert people("At that price the Orvane Founder's Edition is hard to recommend.") == []
    (peskov,) = people("The Kremlin's spokesman Pavel Drozd said no.")
    assert (peskov.name, peskov.title) == ("Pavel Drozd", "Kremlin's spokesman")


def test_a_word_opening_the_sentence_is_no_part_of_the_title_after_it() -> None:
    (person,) = people("While Orvane council spokeswoman Ilse Varga said the road was safe, residents disagreed.")
    assert (person.name, person.title) == ("Ilse Varga", "Orvane council spokeswoman")
