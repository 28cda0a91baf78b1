"""Readings of a claim's text that extraction does not store yet (match.interim), and that they fill in only
where the stored frames lack them. Invented names only."""

from __future__ import annotations

from decimal import Decimal

from tracker.extract.quantities import COUNT, QuantityFact
from tracker.match.interim import INTERIM, counts_of, role_of


def test_an_appointment_with_an_apposition_gives_the_role_and_its_words_of_succession() -> None:
    fact = role_of(
        "The mayor on Friday named Ana Sorel, the head of the port police, as the new chief of the Harbour Office."
    )
    assert fact is not None
    assert (fact.holder, fact.title, fact.rule, fact.change) == (
        "Ana Sorel",
        "chief of the Harbour Office",
        INTERIM,
        "now",
    )


def test_a_post_someone_became_is_a_role() -> None:
    fact = role_of("Karl Odin became ambassador to Velmora in August 2025 after a year as envoy.")
    assert fact is not None and (fact.holder, fact.title, fact.change) == ("Karl Odin", "ambassador to Velmora", None)
    assert role_of("Karl Odin said the harbour would reopen in the spring.") is None


def test_none_signed_is_a_count_of_zero_and_no_doubt_is_none() -> None:
    (zero,) = counts_of("No harbour agreement of this kind has been signed so far.", ())
    assert (zero.value, zero.noun_class, zero.cumulative) == (0, "agreements", True)
    assert counts_of("There is no doubt that three ships were lost.", ()) == ()


def test_things_counted_per_partner_count_the_things_once_the_partners_are_counted() -> None:
    states = QuantityFact(Decimal(9), COUNT, "state", "countries")
    (agreements,) = counts_of("Velmora has signed harbour agreements with nine states.", (states,))
    assert (agreements.value, agreements.noun_class) == (9, "agreements")
    assert counts_of("Velmora has signed harbour agreements with nine states.", ()) == ()
