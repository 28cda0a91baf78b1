"""Matching claims of different outlets: corroboration clusters, conflicts and changes over time.

Claims are built directly as ``ClaimFacts``; entities as ``EntityInfo`` whose forms are name keys. Every
outlet, person, place and event is invented.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.config import MatchSettings
from tracker.entities.resolve import name_key
from tracker.match import ClaimFacts, EntityInfo, Link, MatchResult, match
from tracker.match.compare import CONFLICT, CORROBORATION, TEMPORAL_CHANGE

LEDGER, POST, COURIER, OBSERVER = "Kestrel Ledger", "Harrow Post", "Brenmoor Courier", "Fenwick Observer"

DRUMMOND, BRANDT, VARGA = 1, 2, 3
VELMORA, KORVAST, LINDBY = 10, 11, 12


def _entity(entity_id: int, name: str, kind: str, *forms: str) -> EntityInfo:
    return EntityInfo(entity_id, name, kind, frozenset({name_key(name), *(name_key(f) for f in forms)}))


ENTITIES = {
    DRUMMOND: _entity(DRUMMOND, "Ilse Drummond", "person", "Drummond"),
    BRANDT: _entity(BRANDT, "Tomas Brandt", "person", "Brandt"),
    VARGA: _entity(VARGA, "Pella Varga", "person", "Varga"),
    VELMORA: _entity(VELMORA, "Velmora", "place"),
    KORVAST: _entity(KORVAST, "Korvast", "place"),
    LINDBY: _entity(LINDBY, "Lindby", "place"),
}


def claim(
    claim_id: int,
    outlet: str,
    published: str,
    text: str,
    *entities: int,
    source: int | None = None,
    day: str | None = None,
) -> ClaimFacts:
    """A claim of its own source (unless ``source`` is given); ``day`` is a single-day time it states."""
    when = dt.date.fromisoformat(day) if day else None
    return ClaimFacts(
        id=claim_id,
        source_id=source if source is not None else claim_id,
        outlet=outlet,
        published=dt.date.fromisoformat(published),
        text=text,
        kind="event",
        time_first=when,
        time_last=when,
        entities=frozenset(entities),
    )


def run(*claims: ClaimFacts, settings: MatchSettings | None = None) -> MatchResult:
    result = match(list(claims), ENTITIES) if settings is None else match(list(claims), ENTITIES, settings)
    check_invariants(result, claims)
    return result


def check_invariants(result: MatchResult, claims) -> None:
    """What must hold of every result: explained links, no outlet linked to itself, one source per cluster."""
    by_id = {c.id: c for c in claims}
    for link in result.links:
        assert link.explanation.strip(), link
        assert link.kind in (CORROBORATION, CONFLICT, TEMPORAL_CHANGE), link
        outlets = {by_id[c].outlet for c in link.claims}
        assert len(outlets) >= 2, link
        if link.kind == CORROBORATION:
            assert link.key == f"corroboration:{link.claims[0]}", link
            assert list(link.claims) == sorted(link.claims), link
            assert all(result.clusters[c] == link.claims[0] for c in link.claims), link
        else:
            assert len(link.claims) == 2, link
            a, b = sorted(link.claims)
            assert link.key == f"{link.kind}:{a}:{b}", link
            for c in link.claims:  # the pair's explanation cites both outlets
                assert by_id[c].outlet in link.explanation, link
    members: dict[int, list[int]] = {}
    for claim_id, cluster in result.clusters.items():
        members.setdefault(cluster, []).append(claim_id)
    for cluster, ids in members.items():
        assert cluster == min(ids)
        sources = [by_id[i].source_id for i in ids]
        assert len(sources) == len(set(sources)), (cluster, ids)


def only(result: MatchResult, kind: str | None = None) -> Link:
    links = [link for link in result.links if kind is None or link.kind == kind]
    assert len(links) == 1, result.links
    return links[0]


def kinds(result: MatchResult) -> list[str]:
    return sorted(link.kind for link in result.links)


# -- 1. corroboration of one role ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title_a", "title_b"),
    [
        ("head of the Office of the Mayor", "Mayoral Office chief"),
        ("head of the Velmora Harbour Office", "Velmora Harbour Office chief"),
        ("head of the VHA", "chief of the Velmora Harbour Authority"),
        ("secretary of the Harbour Council", "head of the Harbour Council"),
    ],
)
def test_one_role_in_two_outlets_words_is_corroborated(title_a: str, title_b: str) -> None:
    # The Mayor / Mayoral pair is corroborated on wording alone (0.75), not as one post: see the xfails below.
    result = run(
        claim(20, LEDGER, "2024-03-01", f"Ilse Drummond is {title_a}.", DRUMMOND),
        claim(21, POST, "2024-03-02", f"Ilse Drummond is {title_b}.", DRUMMOND),
    )
    link = only(result)
    assert (link.kind, link.claims, link.key) == (CORROBORATION, (20, 21), "corroboration:20")
    assert result.clusters == {20: 20, 21: 20}
    assert DRUMMOND in link.entities
    assert LEDGER in link.explanation and POST in link.explanation
    assert "2 outlets state this" in link.explanation


def test_role_corroboration_needs_two_outlets() -> None:
    # Same outlet, two articles (two sources): never linked, not even compared.
    result = run(
        claim(20, LEDGER, "2024-03-01", "Ilse Drummond is head of the Velmora Harbour Office.", DRUMMOND, source=1),
        claim(21, LEDGER, "2024-03-02", "Ilse Drummond is Velmora Harbour Office chief.", DRUMMOND, source=2),
    )
    assert result.links == [] and result.clusters == {} and result.pairs_compared == 0


def test_one_person_heading_two_offices_is_not_a_corroboration() -> None:
    result = run(
        claim(20, LEDGER, "2024-03-01", "Ilse Drummond is head of the Velmora Harbour Office.", DRUMMOND, VELMORA),
        claim(21, POST, "2024-03-02", "Ilse Drummond is head of the Korvast Harbour Office.", DRUMMOND, KORVAST),
    )
    assert result.links == [] and result.clusters == {}


def test_one_person_in_two_posts_is_not_a_corroboration() -> None:
    result = run(
        claim(20, LEDGER, "2024-06-20", "Ilse Drummond is head of the Velmora Harbour Office.", DRUMMOND, VELMORA),
        claim(21, POST, "2024-06-21", "Ilse Drummond is spokeswoman of the Velmora Harbour Office.", DRUMMOND, VELMORA),
    )
    assert CORROBORATION not in kinds(result)


def test_one_role_reworded_months_apart_is_still_one_post() -> None:
    result = run(
        claim(20, LEDGER, "2024-01-10", "Ilse Drummond is head of the Office of the Mayor.", DRUMMOND),
        claim(21, POST, "2024-06-20", "Ilse Drummond is Mayoral Office chief.", DRUMMOND),
    )
    assert kinds(result) == [CORROBORATION]


def test_reworded_post_changing_hands_is_a_temporal_change() -> None:
    result = run(
        claim(20, LEDGER, "2024-01-10", "Ilse Drummond is head of the Office of the Mayor.", DRUMMOND),
        claim(21, POST, "2024-06-20", "Tomas Brandt is Mayoral Office chief.", BRANDT),
    )
    assert kinds(result) == [TEMPORAL_CHANGE]


def test_a_cluster_never_holds_two_claims_of_one_source() -> None:
    # A1 and A2 come from one Ledger article; B (Post) is like both, C (Courier) like A1: A1~B~A2 must not chain.
    a1 = claim(
        30, LEDGER, "2024-01-10", "Velmora has opened 12 flood shelters for displaced families.", VELMORA, source=7
    )
    b = claim(
        31, POST, "2024-01-11", "Velmora has opened twelve flood shelters for families displaced by the storm.", VELMORA
    )
    a2 = claim(
        32,
        LEDGER,
        "2024-01-10",
        "Twelve flood shelters for displaced families have opened in Velmora.",
        VELMORA,
        source=7,
    )
    c = claim(33, COURIER, "2024-01-11", "Velmora has opened 12 flood shelters for displaced families.", VELMORA)
    result = run(a1, b, a2, c)
    link = only(result, CORROBORATION)
    assert 31 in link.claims and 33 in link.claims
    assert not {30, 32} <= set(link.claims)
    assert len(link.claims) == 3
    assert "3 outlets state this" in link.explanation
    assert result.clusters.get(30) != result.clusters.get(32)


def test_a_chain_of_corroborations_of_distinct_sources_joins_into_one_cluster() -> None:
    result = run(
        claim(30, LEDGER, "2024-01-10", "Velmora has opened 12 flood shelters for displaced families.", VELMORA),
        claim(31, POST, "2024-01-11", "Velmora has opened twelve flood shelters for displaced families.", VELMORA),
        claim(
            32, COURIER, "2024-01-11", "Twelve flood shelters for displaced families have opened in Velmora.", VELMORA
        ),
    )
    link = only(result)
    assert link.claims == (30, 31, 32) and link.key == "corroboration:30"
    assert result.clusters == {30: 30, 31: 30, 32: 30}
    assert link.entities == (VELMORA,)


# -- 2. a post changing hands ------------------------------------------------------------------------------

DRUMMOND_HEAD = "Ilse Drummond is head of the Velmora Harbour Office."
BRANDT_HEAD = "Tomas Brandt is chief of the Velmora Harbour Office."


def test_post_changing_hands_months_apart_is_a_temporal_change() -> None:
    result = run(
        claim(41, POST, "2024-06-20", BRANDT_HEAD, BRANDT, VELMORA),
        claim(40, LEDGER, "2024-01-10", DRUMMOND_HEAD, DRUMMOND, VELMORA),
    )
    link = only(result)
    assert link.kind == TEMPORAL_CHANGE
    assert link.claims == (40, 41)  # in time order
    assert link.key == "temporal_change:40:41"
    assert link.entities == (DRUMMOND, BRANDT)
    for part in ("Ilse Drummond", "Tomas Brandt", LEDGER, POST, "2024-01-10", "2024-06-20", "changed hands"):
        assert part in link.explanation, link.explanation
    assert link.explanation.index("Ilse Drummond") < link.explanation.index("Tomas Brandt")
    assert result.clusters == {}


def test_two_holders_of_one_post_days_apart_conflict() -> None:
    result = run(
        claim(40, LEDGER, "2024-01-10", DRUMMOND_HEAD, DRUMMOND, VELMORA),
        claim(41, POST, "2024-01-13", BRANDT_HEAD, BRANDT, VELMORA),
    )
    link = only(result)
    assert (link.kind, link.claims, link.key) == (CONFLICT, (40, 41), "conflict:40:41")
    for part in ("Ilse Drummond", "Tomas Brandt", LEDGER, POST, "3 days apart"):
        assert part in link.explanation, link.explanation


def test_holders_of_two_different_posts_days_apart_do_not_conflict() -> None:
    result = run(
        claim(40, LEDGER, "2024-01-10", DRUMMOND_HEAD, DRUMMOND, VELMORA),
        claim(41, POST, "2024-01-13", "Tomas Brandt is chief of the Korvast Harbour Office.", BRANDT, KORVAST),
    )
    assert result.links == []


@pytest.mark.parametrize("published", ["2024-01-12", "2024-06-20"])
def test_two_deputies_share_an_office(published: str) -> None:
    result = run(
        claim(40, LEDGER, "2024-01-10", "Ilse Drummond is Deputy Mayor of Velmora.", DRUMMOND, VELMORA),
        claim(41, POST, published, "Tomas Brandt is Deputy Mayor of Velmora.", BRANDT, VELMORA),
    )
    assert result.links == []


def test_a_former_holder_does_not_conflict_with_the_current_one() -> None:
    result = run(
        claim(40, LEDGER, "2024-06-20", "Tomas Brandt is head of the Velmora Harbour Office.", BRANDT, VELMORA),
        claim(
            41,
            POST,
            "2024-06-21",
            "Ilse Drummond was head of the Velmora Harbour Office until March.",
            DRUMMOND,
            VELMORA,
        ),
    )
    assert CONFLICT not in kinds(result)


def test_heads_of_two_regional_offices_do_not_conflict() -> None:
    result = run(
        claim(40, LEDGER, "2024-06-20", "Tomas Brandt is head of the Northern Regional Harbour Office.", BRANDT),
        claim(41, POST, "2024-06-21", "Ilse Drummond is head of the Southern Regional Harbour Office.", DRUMMOND),
    )
    assert result.links == []


# -- 3. a person's post changing -----------------------------------------------------------------------------


def test_a_persons_post_changing_over_months_is_a_temporal_change() -> None:
    result = run(
        claim(50, LEDGER, "2024-01-10", DRUMMOND_HEAD, DRUMMOND, VELMORA),
        claim(51, COURIER, "2024-07-20", "Ilse Drummond is Finance Minister of Velmora.", DRUMMOND, VELMORA),
    )
    link = only(result)
    assert (link.kind, link.claims, link.entities) == (TEMPORAL_CHANGE, (50, 51), (DRUMMOND,))
    for part in ("Ilse Drummond", "head of the Velmora Harbour Office", "Finance Minister of Velmora", LEDGER, COURIER):
        assert part in link.explanation, link.explanation
    assert "2024-01-10" in link.explanation and "2024-07-20" in link.explanation


def test_a_persons_two_posts_days_apart_or_a_shared_post_are_no_change() -> None:
    days = run(
        claim(50, LEDGER, "2024-01-10", DRUMMOND_HEAD, DRUMMOND, VELMORA),
        claim(51, COURIER, "2024-01-12", "Ilse Drummond is Finance Minister of Velmora.", DRUMMOND, VELMORA),
    )
    assert TEMPORAL_CHANGE not in kinds(days)
    deputy = run(
        claim(50, LEDGER, "2024-01-10", DRUMMOND_HEAD, DRUMMOND, VELMORA),
        claim(51, COURIER, "2024-07-20", "Ilse Drummond is Deputy Mayor of Velmora.", DRUMMOND, VELMORA),
    )
    assert deputy.links == []


# -- 4. counts ---------------------------------------------------------------------------------------------

SHELTERS_12 = "Velmora has opened 12 flood shelters for displaced families."
SHELTERS_30 = "Velmora has opened 30 flood shelters for displaced families."


def test_a_count_growing_over_months_is_a_temporal_change() -> None:
    result = run(
        claim(60, LEDGER, "2024-01-10", SHELTERS_12, VELMORA),
        claim(61, POST, "2024-05-20", SHELTERS_30, VELMORA),
    )
    link = only(result)
    assert (link.kind, link.claims, link.entities) == (TEMPORAL_CHANGE, (60, 61), (VELMORA,))
    assert link.explanation.startswith("the count rose: 12 shelter per Kestrel Ledger (published 2024-01-10), 30 per ")
    assert POST in link.explanation and "2024-05-20" in link.explanation


def test_a_count_falling_over_months_is_a_temporal_change() -> None:
    result = run(
        claim(60, LEDGER, "2024-01-10", SHELTERS_30, VELMORA),
        claim(61, POST, "2024-05-20", SHELTERS_12, VELMORA),
    )
    assert only(result, TEMPORAL_CHANGE).explanation.startswith("the count fell: 30 shelter")


def test_a_different_count_within_days_is_a_conflict() -> None:
    result = run(
        claim(60, LEDGER, "2024-01-10", SHELTERS_12, VELMORA),
        claim(61, POST, "2024-01-12", SHELTERS_30, VELMORA),
    )
    link = only(result)
    assert (link.kind, link.claims) == (CONFLICT, (60, 61))
    for part in ("the counts differ", "12 shelter", "30", LEDGER, POST, "2 days apart"):
        assert part in link.explanation, link.explanation


def test_an_equal_count_in_other_words_is_a_corroboration() -> None:
    result = run(
        claim(60, LEDGER, "2024-01-10", SHELTERS_12, VELMORA),
        claim(
            61, POST, "2024-01-12", "Twelve flood shelters for displaced families have been opened in Velmora.", VELMORA
        ),
    )
    link = only(result)
    assert (link.kind, link.claims) == (CORROBORATION, (60, 61))
    assert "both count 12 shelter" in link.explanation


def test_a_count_of_another_noun_is_not_linked() -> None:
    result = run(
        claim(60, LEDGER, "2024-01-10", SHELTERS_12, VELMORA),
        claim(61, POST, "2024-01-12", "Velmora has hired 40 extra nurses for displaced families.", VELMORA),
    )
    assert result.links == []


def test_a_count_of_another_noun_in_like_words_is_not_a_corroboration() -> None:
    result = run(
        claim(60, LEDGER, "2024-01-10", SHELTERS_12, VELMORA),
        claim(61, POST, "2024-01-12", "Velmora has opened 30 flood kitchens for displaced families.", VELMORA),
    )
    assert result.links == []


def test_none_signed_then_some_signed_months_later_is_a_temporal_change() -> None:
    none = "No river treaty has been signed between Velmora and Korvast."
    two = "Velmora and Korvast have signed two river treaties."
    result = run(
        claim(62, LEDGER, "2024-01-10", none, VELMORA, KORVAST),
        claim(63, POST, "2024-06-10", two, VELMORA, KORVAST),
    )
    link = only(result)
    assert (link.kind, link.claims) == (TEMPORAL_CHANGE, (62, 63))
    assert link.explanation.startswith("the count rose: 0 treaty per Kestrel Ledger")
    # Within days, the same pair is a contradiction.
    close = run(
        claim(62, LEDGER, "2024-01-10", none, VELMORA, KORVAST),
        claim(63, POST, "2024-01-12", two, VELMORA, KORVAST),
    )
    assert kinds(close) == [CONFLICT]


def test_change_min_days_is_a_setting() -> None:
    a = claim(60, LEDGER, "2024-01-10", SHELTERS_12, VELMORA)
    b = claim(61, POST, "2024-01-20", SHELTERS_30, VELMORA)
    assert kinds(run(a, b)) == [CONFLICT]  # 10 days: closer than the default 14
    assert kinds(run(a, b, settings=MatchSettings(change_min_days=7))) == [TEMPORAL_CHANGE]


# -- 5. event dates ----------------------------------------------------------------------------------------

TALKS_4 = "Velmora and Korvast held fishing talks in Lindby on 4 March."


def talks(claim_id: int, outlet: str, text: str, day: str) -> ClaimFacts:
    published = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    return claim(claim_id, outlet, published, text, VELMORA, KORVAST, day=day)


def test_one_event_on_the_same_day_is_corroborated() -> None:
    result = run(
        talks(70, LEDGER, TALKS_4, "2024-03-04"),
        talks(71, POST, "Negotiators of Velmora and Korvast met for fishing talks on 4 March.", "2024-03-04"),
    )
    link = only(result)
    assert (link.kind, link.claims) == (CORROBORATION, (70, 71))
    assert "same day (2024-03-04)" in link.explanation
    assert link.entities == (VELMORA, KORVAST)


def test_one_event_one_day_apart_is_a_conflict() -> None:
    result = run(
        talks(70, LEDGER, TALKS_4, "2024-03-04"),
        talks(71, POST, "Negotiators of Velmora and Korvast met for fishing talks on 5 March.", "2024-03-05"),
    )
    link = only(result)
    assert (link.kind, link.claims) == (CONFLICT, (70, 71))
    for part in ("one event, two dates", "2024-03-04", "2024-03-05", LEDGER, POST):
        assert part in link.explanation, link.explanation


def test_a_second_round_two_weeks_later_is_not_linked() -> None:
    result = run(
        talks(70, LEDGER, TALKS_4, "2024-03-04"),
        talks(
            71, POST, "Velmora and Korvast held a second round of fishing talks in Lindby on 18 March.", "2024-03-18"
        ),
    )
    assert result.links == []


def test_the_same_words_in_another_month_are_another_event() -> None:
    result = run(
        talks(70, LEDGER, TALKS_4, "2024-03-04"),
        talks(71, POST, "Velmora and Korvast held fishing talks in Lindby on 4 May.", "2024-05-04"),
    )
    assert result.links == []


def test_dates_one_day_apart_without_a_shared_entity_are_not_one_event() -> None:
    result = run(
        claim(70, LEDGER, "2024-03-05", "Velmora held fishing talks in Lindby on 4 March.", VELMORA, day="2024-03-04"),
        claim(71, POST, "2024-03-06", "Korvast held fishing talks on 5 March.", KORVAST, day="2024-03-05"),
    )
    assert CONFLICT not in kinds(result)


# -- 5b. one meeting at one place ---------------------------------------------------------------------------


def test_a_country_both_claims_only_name_does_not_make_them_one_meeting() -> None:
    # Both name Velmora (a place) and a meeting, alike enough for the one-place rule, but neither says where.
    result = run(
        claim(75, LEDGER, "2024-05-20", "“Velmora is ready for such a meeting,” the envoy added.", VELMORA),
        claim(
            76,
            POST,
            "2024-05-22",
            "Velmora proposed holding another meeting in June and is waiting for an answer.",
            VELMORA,
        ),
    )
    assert CORROBORATION not in kinds(result)


def test_one_meeting_both_claims_place_in_one_city_is_corroborated_whoever_else_each_names() -> None:
    # Each claim names a country the other does not (Korvast, Velmora), yet both put the meeting in Lindby.
    result = run(
        claim(
            77,
            LEDGER,
            "2024-06-20",
            "At a closed-door meeting in Lindby last month, Drummond sat down with counterparts from Korvast.",
            DRUMMOND,
            LINDBY,
            KORVAST,
        ),
        claim(
            78,
            POST,
            "2024-07-02",
            "The first meeting of advisers on Velmora's harbour plan had taken place in Lindby in June.",
            VELMORA,
            LINDBY,
        ),
    )
    link = only(result, CORROBORATION)
    assert link.claims == (77, 78)
    assert "one meeting in Lindby" in link.explanation


# -- 6. presence -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "away",
    [
        "Ilse Drummond did not attend the fishing talks in Lindby.",
        "Ilse Drummond joined the fishing talks in Lindby by video link from her office.",
        "Ilse Drummond stayed in Velmora during the fishing talks.",
    ],
)
def test_there_per_one_outlet_and_not_per_another_is_a_conflict(away: str) -> None:
    result = run(
        claim(80, LEDGER, "2024-03-05", "Ilse Drummond attended the fishing talks in Lindby.", DRUMMOND, LINDBY),
        claim(81, POST, "2024-03-06", away, DRUMMOND, LINDBY),
    )
    link = only(result)
    assert (link.kind, link.claims, link.entities) == (CONFLICT, (80, 81), (DRUMMOND,))
    assert link.explanation == (
        "Ilse Drummond was there per Kestrel Ledger (published 2024-03-05) "
        "but not per Harrow Post (published 2024-03-06)"
    )


def test_a_delegation_listed_and_a_delegation_that_stayed_away_conflict() -> None:
    result = run(
        claim(80, LEDGER, "2024-03-05", "The fishing summit drew delegations from Velmora, Korvast and Lindby.",
              VELMORA, KORVAST, LINDBY),
        claim(81, POST, "2024-03-06", "Korvast did not send anyone to the fishing summit.", KORVAST),
    )  # fmt: skip
    link = only(result)
    assert (link.kind, link.entities) == (CONFLICT, (KORVAST,))
    assert "Korvast was there per Kestrel Ledger" in link.explanation


def test_there_per_both_outlets_or_months_apart_is_no_conflict() -> None:
    both = run(
        claim(80, LEDGER, "2024-03-05", "Ilse Drummond attended the fishing talks in Lindby.", DRUMMOND, LINDBY),
        claim(81, POST, "2024-03-06", "Ilse Drummond took part in the fishing talks in Lindby.", DRUMMOND, LINDBY),
    )
    assert CONFLICT not in kinds(both)
    apart = run(
        claim(80, LEDGER, "2024-03-05", "Ilse Drummond attended the fishing talks in Lindby.", DRUMMOND, LINDBY),
        claim(81, POST, "2024-07-06", "Ilse Drummond did not attend the fishing talks in Lindby.", DRUMMOND, LINDBY),
    )
    assert apart.links == []


def test_there_and_not_there_on_the_same_dated_day_is_a_conflict() -> None:
    result = run(
        claim(80, LEDGER, "2024-03-05", "Ilse Drummond attended the fishing talks in Lindby on 4 March.",
              DRUMMOND, LINDBY, day="2024-03-04"),
        claim(81, POST, "2024-03-06", "Ilse Drummond did not attend the fishing talks in Lindby on 4 March.",
              DRUMMOND, LINDBY, day="2024-03-04"),
    )  # fmt: skip
    assert kinds(result) == [CONFLICT]


# -- 7. explanations over a mixed newsroom -----------------------------------------------------------------


def newsroom() -> list[ClaimFacts]:
    """All the linking cases above in one set, each outlet's claims in one article per day."""
    return [
        claim(1, LEDGER, "2024-01-10", DRUMMOND_HEAD, DRUMMOND, VELMORA, source=101),
        claim(2, LEDGER, "2024-01-10", SHELTERS_12, VELMORA, source=101),
        claim(3, POST, "2024-01-11", "Ilse Drummond is Velmora Harbour Office chief.", DRUMMOND, VELMORA, source=102),
        claim(4, POST, "2024-01-11", SHELTERS_30, VELMORA, source=102),
        claim(5, COURIER, "2024-06-20", BRANDT_HEAD, BRANDT, VELMORA, source=103),
        claim(6, COURIER, "2024-06-20", "Velmora has opened 45 flood shelters for displaced families.", VELMORA,
              source=103),
        claim(7, LEDGER, "2024-03-05", TALKS_4, VELMORA, KORVAST, source=104, day="2024-03-04"),
        claim(8, POST, "2024-03-06", "Negotiators of Velmora and Korvast met for fishing talks on 5 March.",
              VELMORA, KORVAST, source=105, day="2024-03-05"),
        claim(9, OBSERVER, "2024-03-06", "Pella Varga attended the fishing talks in Lindby.", VARGA, LINDBY,
              source=106),
        claim(10, COURIER, "2024-03-07", "Pella Varga did not attend the fishing talks in Lindby.", VARGA, LINDBY,
              source=107),
    ]  # fmt: skip


def test_every_link_is_explained_and_conflicts_name_both_outlets() -> None:
    claims = newsroom()
    result = run(*claims)  # check_invariants: explained links, pair links cite both outlets
    assert {link.kind for link in result.links} == {CORROBORATION, CONFLICT, TEMPORAL_CHANGE}
    outlet = {c.id: c.outlet for c in claims}
    for link in result.links:
        assert len(link.explanation) > 20, link
        if link.kind == CONFLICT:
            assert all(outlet[c] in link.explanation for c in link.claims), link
    found = {(link.kind, link.claims) for link in result.links}
    assert (CORROBORATION, (1, 3)) in found
    assert (CONFLICT, (2, 4)) in found  # 12 vs 30 shelters a day apart
    assert (TEMPORAL_CHANGE, (1, 5)) in found  # the post changed hands
    assert (CONFLICT, (7, 8)) in found  # one event, two dates
    assert (CONFLICT, (9, 10)) in found  # there and not there


def test_matching_is_deterministic_and_order_independent() -> None:
    claims = newsroom()
    first = run(*claims)
    again = run(*reversed(claims))
    assert sorted(first.links, key=lambda x: x.key) == sorted(again.links, key=lambda x: x.key)
    assert first.clusters == again.clusters


# -- 4b. quantity frames: classes of nouns, measures, money ----------------------------------------------------


def test_counts_of_troops_and_of_soldiers_are_compared_as_one_class() -> None:
    result = run(
        claim(64, LEDGER, "2024-01-10", "Velmora has moved 4,000 troops to the Korvast border.", VELMORA, KORVAST),
        claim(65, POST, "2024-01-11", "Velmora has moved 6,500 soldiers to the Korvast border.", VELMORA, KORVAST),
    )
    link = only(result)
    assert (link.kind, link.claims) == (CONFLICT, (64, 65))
    assert "4,000 troop" in link.explanation and "6,500" in link.explanation


def test_two_screen_sizes_are_measures_and_never_a_count_that_rose() -> None:
    result = run(
        claim(66, LEDGER, "2024-01-10", "Brenmoor launched a 14-inch Lumo laptop with a brighter screen.", VELMORA),
        claim(67, POST, "2024-05-10", "Brenmoor launched a 16-inch Lumo laptop with a brighter screen.", VELMORA),
    )
    assert CONFLICT not in kinds(result) and TEMPORAL_CHANGE not in kinds(result)


def test_engine_power_of_two_cars_is_no_conflict() -> None:
    result = run(
        claim(68, LEDGER, "2024-01-10", "The new Velmora coupe has an engine of 210 horsepower.", VELMORA),
        claim(69, POST, "2024-01-10", "The new Velmora coupe has an engine of 480 horsepower.", VELMORA),
    )
    assert CONFLICT not in kinds(result) and TEMPORAL_CHANGE not in kinds(result)


def test_money_in_another_currency_is_not_compared() -> None:
    dollars = "Velmora received $40 billion in loans from the Korvast fund."
    result = run(
        claim(70, LEDGER, "2024-01-10", dollars, VELMORA, KORVAST),
        claim(71, POST, "2024-01-11", "Velmora received €35 billion in loans from the Korvast fund.", VELMORA, KORVAST),
    )
    assert CONFLICT not in kinds(result)
    same = run(
        claim(70, LEDGER, "2024-01-10", dollars, VELMORA, KORVAST),
        claim(71, POST, "2024-01-11", "Velmora received $32 billion in loans from the Korvast fund.", VELMORA, KORVAST),
    )
    link = only(same)
    assert link.kind == CONFLICT and "40,000,000,000" in link.explanation and "32,000,000,000" in link.explanation


def test_a_scaled_decimal_count_is_printed_exactly() -> None:
    result = run(
        claim(72, LEDGER, "2024-01-10", "Velmora registered 16.6 million cars on its roads.", VELMORA),
        claim(73, POST, "2024-06-10", "Velmora registered 17.3 million cars on its roads.", VELMORA),
    )
    link = only(result)
    assert link.kind == TEMPORAL_CHANGE
    assert "16,600,000 car" in link.explanation and "17,300,000 per" in link.explanation, link.explanation


def test_two_sums_of_money_with_nothing_said_of_what_they_pay_are_not_compared() -> None:
    result = run(
        claim(74, LEDGER, "2024-01-10", "The Lumo tablet from Brenmoor will sell for $129 in Velmora.", VELMORA),
        claim(75, POST, "2024-01-10", "The Lumo pen from Brenmoor will sell for $9.99 in Velmora.", VELMORA),
    )
    assert CONFLICT not in kinds(result) and TEMPORAL_CHANGE not in kinds(result)


def test_a_running_total_that_falls_is_a_conflict_not_a_change() -> None:
    result = run(
        claim(60, LEDGER, "2024-01-10", "Velmora has signed 9 harbour agreements so far.", VELMORA),
        claim(61, POST, "2024-05-20", "Velmora has signed 3 harbour agreements in total.", VELMORA),
    )
    link = only(result)
    assert link.kind == CONFLICT
    assert link.explanation.startswith("a running total fell: 9 agreement")


def test_a_running_total_that_rises_is_still_a_change() -> None:
    result = run(
        claim(60, LEDGER, "2024-01-10", "Velmora has signed 3 harbour agreements so far.", VELMORA),
        claim(61, POST, "2024-05-20", "Velmora has signed 9 harbour agreements in total.", VELMORA),
    )
    assert only(result).kind == TEMPORAL_CHANGE
