"""Blocking: which claims are compared at all. Pairs come from shared keys, never from all pairs."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from decimal import Decimal

from tracker.config import MATCH, MatchSettings
from tracker.entities.resolve import name_key
from tracker.entities.romanise import spelling_key
from tracker.extract.facts import EventFact, RoleFact
from tracker.extract.quantities import COUNT, QuantityFact
from tracker.match import ClaimFacts, EntityInfo, match
from tracker.match.compare import CORROBORATION, Reading
from tracker.match.pairs import candidate_pairs, claim_keys

PEOPLE = {
    1: EntityInfo(1, "Ilse Drummond", "person", frozenset({"ilse drummond", "drummond"})),
    2: EntityInfo(2, "Tomas Brandt", "person", frozenset({"tomas brandt", "brandt"})),
    10: EntityInfo(10, "Velmora", "place", frozenset({"velmora"})),
}


def facts(claim_id: int, text: str, *entities: int, outlet: str | None = None, **frames) -> ClaimFacts:
    return ClaimFacts(
        claim_id, claim_id, outlet or f"Outlet {claim_id}", dt.date(2024, 3, 1), text, "event", None, None,
        frozenset(entities), **frames,
    )  # fmt: skip


def holds(claim_id: int, holder: str, title: str, *entities: int) -> ClaimFacts:
    return facts(claim_id, f"{holder} is {title}.", *entities, role=RoleFact(holder, title))


def pairs(claims: list[ClaimFacts], settings: MatchSettings = MATCH, entities=PEOPLE) -> set[tuple[int, int]]:
    found = list(candidate_pairs([Reading(c, entities) for c in claims], settings))
    assert len(found) == len(set(found)), "a pair proposed twice"
    assert all(a < b for a, b in found)
    return set(found)


def test_claim_keys_cover_entities_uncommon_stems_counts_and_roles() -> None:
    reading = Reading(holds(1, "Ilse Drummond", "head of the Velmora Harbour Office", 1, 10), PEOPLE)
    keys = claim_keys(reading)
    assert {"e:1", "e:10", "r:1", "w:harbour", "w:office", "o:head", "o:ofis"} <= keys
    assert not any(k.startswith("w:") and len(k) <= 5 for k in keys)  # stems of three letters or fewer are no key
    shelters = QuantityFact(Decimal(12), COUNT, "shelter", "shelter")
    counted = claim_keys(Reading(facts(2, "Velmora has opened 12 flood shelters.", 10, quantities=(shelters,)), PEOPLE))
    assert "n:shelter" in counted


def test_pairs_sharing_only_a_very_common_word_are_not_proposed() -> None:
    settings = MatchSettings(max_block=5)
    # Eight claims share three words (three keys each), so each pair would qualify, but every block is too common.
    claims = [
        facts(i, f"The harbour ferry storm hit {word}.")
        for i, word in enumerate(
            ["Quarrel", "Ambleside", "Orchard", "Thistle", "Mooring", "Granary", "Lantern", "Beacon"]
        )
    ]
    assert pairs(claims, settings) == set()
    # With blocks small enough, the same shared words do propose every pair.
    assert pairs(claims[:5], settings) == set(itertools.combinations(range(5), 2))


def test_one_shared_uncommon_word_is_not_enough_but_three_are() -> None:
    assert pairs([facts(1, "The granary burned down."), facts(2, "A granary was sold.")]) == set()
    assert pairs(
        [
            facts(1, "The old granary beside the orchard burned near the mooring."),
            facts(2, "Granary, orchard and mooring fees rose."),
        ]
    ) == {(1, 2)}


def test_a_shared_entity_with_one_more_key_is_enough() -> None:
    # Entity 10 (Velmora) + the word "granary".
    assert pairs([facts(1, "Velmora closed its granary.", 10), facts(2, "The granary in Velmora reopened.", 10)]) == {
        (1, 2)
    }
    # The entity alone (no other key: its name is not written, nothing else is shared) is not.
    assert pairs([facts(1, "Its council voted.", 10), facts(2, "Rain fell there.", 10)]) == set()


def test_holders_of_one_post_meet_through_the_office_even_without_shared_words() -> None:
    claims = [
        holds(1, "Ilse Drummond", "head of the Velmora Harbour Office", 1),
        holds(2, "Tomas Brandt", "chief of the Velmora Harbour Office", 2),
    ]
    assert pairs(claims) == {(1, 2)}


def _synthetic(n_events: int, per_event: int = 10) -> tuple[list[ClaimFacts], dict[int, EntityInfo]]:
    """``n_events`` floods in invented towns, each reported by ``per_event`` outlets in two wordings.

    Every claim shares the common words (flood, river, bridge, officials, ...) with every other claim.
    """
    first = "Bral Cor Dun Fel Gar Hol Istr Jov Kel Lum Mor Nev Orl Pra Quen Ros Sut Tav Ulm Vor".split()
    second = "mora vik dale stad holm wick ford mere thorpe gate".split()
    entities: dict[int, EntityInfo] = {}
    claims: list[ClaimFacts] = []
    for event in range(n_events):
        town = first[event % len(first)] + second[event // len(first)]
        entities[event + 1] = EntityInfo(event + 1, town, "place", frozenset({name_key(town)}))
        for outlet in range(per_event):
            text = (
                f"Officials in {town} reported that the {town} river flood damaged the bridge and several farms."
                if outlet % 2 == 0
                else f"The flood in {town} damaged the river bridge and farms near {town}, officials reported."
            )
            claim_id = len(claims) + 1
            claims.append(
                ClaimFacts(
                    claim_id, claim_id, f"Outlet {outlet}", dt.date(2024, 3, 1 + outlet % 5), text, "event", None,
                    None, frozenset({event + 1}),
                )
            )  # fmt: skip
    return claims, entities


def test_pairs_compared_grow_with_blocks_not_with_the_square_of_the_corpus() -> None:
    small_claims, small_entities = _synthetic(100)
    large_claims, large_entities = _synthetic(200)
    small = match(small_claims, small_entities)
    large = match(large_claims, large_entities)
    n = len(large_claims)
    assert n == 2000
    # Each event's ten claims make 45 pairs: 9,000 in all, against ~2,000,000 for all pairs.
    assert large.pairs_compared <= 200 * 45
    assert large.pairs_compared < n * (n - 1) / 2 / 100
    # Twice the claims, about twice the pairs (all pairs would be four times as many).
    assert large.pairs_compared <= 2.2 * small.pairs_compared
    # And the pairs it did compare found the facts: one corroboration cluster per event, never across events.
    event_of = {c.id: next(iter(c.entities)) for c in large_claims}
    corroborations = [link for link in large.links if link.kind == CORROBORATION]
    assert len(corroborations) == 200
    for link in corroborations:
        assert len({event_of[c] for c in link.claims}) == 1, link
        assert len(link.claims) == 10


def test_counts_and_events_are_filed_under_where_they_are_and_events_under_their_class_and_day() -> None:
    toll = facts(30, "At least 12 people have died.", quantities=(QuantityFact(Decimal(12), COUNT, "people", "dead"),))
    keys = claim_keys(Reading(replace(toll, setting=frozenset({"Korvast province"})), PEOPLE))
    assert "p:" + spelling_key("korvast") in keys  # the story's place, without the noun of its kind
    assert not any(k == "p:" + spelling_key("province") for k in keys)
    named = facts(31, "Talks were held in Velmora.", 10, event=EventFact("meeting", "talks were held", place="Velmora"))
    day = dt.date(2024, 3, 1)
    keys = claim_keys(Reading(replace(named, setting=frozenset({"Lindby"}), time_first=day, time_last=day), PEOPLE))
    assert "p:" + spelling_key("velmora") in keys and "p:" + spelling_key("lindby") not in keys  # its own place
    assert "v:meeting:2024-03-01" in keys
    plain = facts(32, "Drummond said the talks were useful.", 1)
    assert not any(k.startswith(("p:", "v:")) for k in claim_keys(Reading(plain, PEOPLE)))
