"""Matching claims of different outlets through their stored frames: corroboration clusters, conflicts, changes.

Claims are built directly as ``ClaimFacts`` with the frames extraction would store (roles, quantities, events,
presence); entities as ``EntityInfo`` whose forms are name keys. Every outlet, person, place and body is invented.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from tracker.clean.spans import Span
from tracker.entities.resolve import name_key
from tracker.extract.events import SETTING
from tracker.extract.facts import EventFact, PresenceFact, RoleFact
from tracker.extract.quantities import COUNT, MEASURE, MONEY, QuantityFact
from tracker.extract.when import TimeRef
from tracker.match import ClaimFacts, EntityInfo, Link, MatchResult, match
from tracker.match.compare import CONFLICT, CORROBORATION, RULES, TEMPORAL_CHANGE

LEDGER, POST, COURIER, OBSERVER, HERALD = (
    "Kestrel Ledger",
    "Harrow Post",
    "Brenmoor Courier",
    "Fenwick Observer",
    "Ostwick Herald",
)

DRUMMOND, BRANDT, VARGA, HARLAN, SOREL, ODIN = 1, 2, 3, 4, 5, 6
VELMORA, KORVAST, LINDBY = 10, 11, 12


def _entity(entity_id: int, name: str, kind: str, *forms: str) -> EntityInfo:
    return EntityInfo(entity_id, name, kind, frozenset({name_key(name), *(name_key(f) for f in forms)}))


ENTITIES = {
    DRUMMOND: _entity(DRUMMOND, "Ilse Drummond", "person", "Drummond"),
    BRANDT: _entity(BRANDT, "Tomas Brandt", "person", "Brandt"),
    VARGA: _entity(VARGA, "Pella Varga", "person", "Varga"),
    HARLAN: _entity(HARLAN, "Tom Harlan", "person", "Thomas Harlan", "Harlan"),
    SOREL: _entity(SOREL, "Ana Sorel", "person", "Sorel"),
    ODIN: _entity(ODIN, "Karl Odin", "person", "Odin"),
    VELMORA: _entity(VELMORA, "Velmora", "place"),
    KORVAST: _entity(KORVAST, "Korvast", "place"),
    LINDBY: _entity(LINDBY, "Lindby", "place"),
}


def role(holder: str, title: str, organisation: str | None = None, **fields) -> RoleFact:
    return RoleFact(holder, title, organisation=organisation, **fields)


def count(value: int | str, noun: str | None, noun_class: str | None = None, **fields) -> QuantityFact:
    kind = fields.pop("kind", COUNT)
    return QuantityFact(Decimal(str(value)), kind, noun, noun_class or noun, **fields)


def claim(
    claim_id: int,
    outlet: str,
    published: str,
    text: str,
    *entities: int,
    source: int | None = None,
    day: str | None = None,
    role: RoleFact | None = None,
    quantities: tuple[QuantityFact, ...] = (),
    event: EventFact | None = None,
    presence: tuple[PresenceFact, ...] = (),
    kind: str = "event",
) -> ClaimFacts:
    """A claim of its own source (unless ``source`` is given); ``day`` is a single-day time it states."""
    when = dt.date.fromisoformat(day) if day else None
    return ClaimFacts(
        id=claim_id,
        source_id=source if source is not None else claim_id,
        outlet=outlet,
        published=dt.date.fromisoformat(published),
        text=text,
        kind=kind,
        time_first=when,
        time_last=when,
        entities=frozenset(entities),
        role=role,
        quantities=quantities,
        event=event,
        presence=presence,
        source_text=text,
    )


def holds(claim_id: int, outlet: str, published: str, person: int, title: str, *others: int, **fields) -> ClaimFacts:
    """A role claim "NAME is TITLE." with its stored role frame."""
    name = fields.pop("holder", ENTITIES[person].name)
    fact = role(name, title, **fields)
    return claim(claim_id, outlet, published, f"{name} is {title}.", person, *others, role=fact, kind="role")


def run(*claims: ClaimFacts) -> MatchResult:
    result = match(list(claims), ENTITIES)
    check_invariants(result, claims)
    return result


def check_invariants(result: MatchResult, claims) -> None:
    """What must hold of every result: explained links of a named rule, alarms with their frames, no outlet
    linked to itself, one source per cluster."""
    by_id = {c.id: c for c in claims}
    for link in result.links:
        assert link.explanation.strip(), link
        assert link.kind in (CORROBORATION, CONFLICT, TEMPORAL_CHANGE), link
        assert all(rule in RULES for rule in link.rule.split("+")), link
        outlets = {by_id[c].outlet for c in link.claims}
        assert len(outlets) >= 2, link
        if link.kind == CORROBORATION:
            assert link.key == f"corroboration:{link.claims[0]}", link
            assert all(result.clusters[c] == link.claims[0] for c in link.claims), link
        else:
            assert len(link.claims) == 2, link
            assert link.frames and {f["claim"] for f in link.frames} >= set(link.claims), link
    clusters: dict[int, list[int]] = {}
    for claim_id, cluster in result.clusters.items():
        clusters.setdefault(cluster, []).append(claim_id)
    for ids in clusters.values():
        assert len({by_id[i].source_id for i in ids}) == len(ids)


def only(result: MatchResult, kind: str | None = None) -> Link:
    links = [link for link in result.links if kind is None or link.kind == kind]
    assert len(links) == 1, result.links
    return links[0]


def kinds(result: MatchResult) -> list[str]:
    return sorted(link.kind for link in result.links)


# -- roles: one post in other words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title_a", "title_b"),
    [
        ("Velmora Harbour Office spokesman", "Velmora Harbour Office spokesperson"),
        ("press secretary of the Velmora Harbour Office", "Velmora Harbour Office spokeswoman"),
        ("head of the Velmora Harbour Office", "Velmora Harbour Office chief"),
        ("head of the VHA", "chief of the Velmora Harbour Authority"),
        ("secretary of the Harbour Council", "head of the Harbour Council"),
    ],
)
def test_one_post_in_two_outlets_words_is_corroborated(title_a: str, title_b: str) -> None:
    result = run(
        holds(20, LEDGER, "2024-03-01", DRUMMOND, title_a),
        holds(21, POST, "2024-05-02", DRUMMOND, title_b),
    )
    link = only(result)
    assert (link.kind, link.claims, link.rule) == (CORROBORATION, (20, 21), "same-post")
    assert result.clusters == {20: 20, 21: 20}
    assert {f["role"]["title"] for f in link.frames} == {title_a, title_b}  # the words as written


def test_chief_of_staff_is_head_of_the_office_of_the_post_its_owner_holds() -> None:
    """Whose office it is comes from the stored frames: Sorel is President of Velmora per another report."""
    sorel = holds(30, COURIER, "2024-02-01", SOREL, "President of Velmora", VELMORA)
    staff = holds(31, LEDGER, "2024-03-01", HARLAN, "Ana Sorel's chief of staff", SOREL)
    office = holds(32, POST, "2024-09-01", HARLAN, "head of the Office of the President of Velmora", VELMORA)
    result = run(sorel, staff, office)
    assert kinds(result) == [CORROBORATION]
    assert result.clusters == {31: 31, 32: 31}
    # Without the frame that says what Sorel is, "Sorel's chief of staff" names no office that meets the other.
    assert CORROBORATION not in kinds(run(staff, office))


def test_a_persons_office_is_the_office_of_the_post_the_corpus_says_they_hold() -> None:
    """ "head of Ana Sorel's office" is head of the Presidential Office once another report says Sorel is
    President of Velmora; without that frame the two titles name no one office."""
    sorel = holds(30, COURIER, "2024-02-01", SOREL, "President of Velmora", VELMORA)
    hers = holds(31, LEDGER, "2024-03-01", HARLAN, "head of Ana Sorel's office", SOREL)
    office = holds(32, POST, "2024-09-01", HARLAN, "Presidential Office chief")
    result = run(sorel, hers, office)
    assert [(link.kind, link.rule, link.claims) for link in result.links] == [(CORROBORATION, "same-post", (31, 32))]
    assert run(hers, office).links == []


def test_one_person_under_two_spellings_holding_one_post_is_no_conflict() -> None:
    result = run(
        holds(40, LEDGER, "2024-03-01", HARLAN, "head of the Velmora Harbour Office", holder="Tom Harlan"),
        holds(41, POST, "2024-03-01", HARLAN, "Velmora Harbour Office chief", holder="Thomas Harlan"),
    )
    assert kinds(result) == [CORROBORATION]


def test_role_corroboration_needs_two_outlets() -> None:
    result = run(
        claim(20, LEDGER, "2024-03-01", "a", DRUMMOND, source=1, role=role("Ilse Drummond", "head of the VHO")),
        claim(21, LEDGER, "2024-03-02", "b", DRUMMOND, source=2, role=role("Ilse Drummond", "VHO chief")),
    )
    assert result.links == []


# -- roles: changes, conflicts, stale reports ----------------------------------------------------------------

HEAD = "head of the Velmora Harbour Office"


def test_a_post_changing_hands_in_time_order_is_a_change_with_its_direction() -> None:
    result = run(
        holds(41, POST, "2024-06-20", BRANDT, HEAD),
        holds(40, LEDGER, "2024-01-10", DRUMMOND, "Velmora Harbour Office chief"),
    )
    link = only(result)
    assert (link.kind, link.claims, link.rule) == (TEMPORAL_CHANGE, (40, 41), "post-changed-hands")
    assert link.explanation.index("Ilse Drummond") < link.explanation.index("then Tomas Brandt")


def test_a_former_holder_and_the_holder_now_are_a_change_whatever_the_order_of_the_reports() -> None:
    """ "Drummond had run the Harbour Office since 2020" (a former post, reported later) and "Brandt is head of the
    Harbour Office": the post changed hands, Drummond first."""
    result = run(
        holds(44, POST, "2024-01-10", BRANDT, HEAD),
        holds(45, LEDGER, "2024-06-20", DRUMMOND, HEAD, former=True),
    )
    link = only(result)
    assert (link.kind, link.rule) == (TEMPORAL_CHANGE, "former-holder")
    assert link.explanation.index("Ilse Drummond held it before") < link.explanation.index("then Tomas Brandt")
    assert run(holds(44, POST, "2024-01-10", BRANDT, HEAD, former=True),
               holds(45, LEDGER, "2024-06-20", DRUMMOND, HEAD, former=True)).links == []  # fmt: skip


def test_a_post_changing_hands_twice_in_one_week_is_two_changes_not_conflicts() -> None:
    result = run(
        holds(50, LEDGER, "2024-04-01", DRUMMOND, HEAD),
        holds(51, POST, "2024-04-03", BRANDT, HEAD, change="appointed", change_words="appointed"),
        holds(52, COURIER, "2024-04-05", VARGA, HEAD, change="replaced", change_words="takes over from"),
    )
    assert kinds(result) == [TEMPORAL_CHANGE] * 3
    assert {link.claims for link in result.links} == {(50, 51), (51, 52), (50, 52)}


def test_two_holders_of_one_post_at_one_time_conflict_unless_one_takes_over() -> None:
    link = only(run(holds(40, LEDGER, "2024-01-10", DRUMMOND, HEAD), holds(41, POST, "2024-01-10", BRANDT, HEAD)))
    assert (link.kind, link.rule) == (CONFLICT, "two-holders")
    taken = run(
        holds(41, POST, "2024-01-10", BRANDT, HEAD, change="replaced", change_words="took over from"),
        holds(40, LEDGER, "2024-01-10", DRUMMOND, HEAD),
    )
    assert (only(taken).kind, only(taken).claims) == (TEMPORAL_CHANGE, (40, 41))  # the one taking over is later


def test_one_person_in_two_single_holder_posts_on_the_same_days_is_a_conflict() -> None:
    link = only(
        run(
            holds(60, LEDGER, "2024-03-04", ODIN, "Velmoran Defence Minister", VELMORA),
            holds(61, POST, "2024-03-04", ODIN, "Velmoran Finance Minister", VELMORA),
        )
    )
    assert (link.kind, link.rule) == (CONFLICT, "two-posts")


def test_one_person_named_to_a_second_post_at_one_time_moves_to_it() -> None:
    """ "Odin, the finance minister, was appointed defence minister": on one day, the post with words of
    succession is the later one (a change), not two posts at once."""
    link = only(
        run(
            holds(61, POST, "2024-03-04", ODIN, "Velmoran Defence Minister", VELMORA, change="appointed",
                  change_words="was appointed"),
            holds(60, LEDGER, "2024-03-04", ODIN, "Velmoran Finance Minister", VELMORA),
        )
    )  # fmt: skip
    assert (link.kind, link.rule, link.claims) == (TEMPORAL_CHANGE, "post-changed", (60, 61))


def test_a_persons_post_changing_in_time_order_is_a_change_with_its_direction() -> None:
    link = only(
        run(
            holds(61, POST, "2024-07-20", ODIN, "Velmoran Finance Minister", VELMORA),
            holds(60, LEDGER, "2024-01-10", ODIN, "Velmoran Defence Minister", VELMORA),
        )
    )
    assert (link.kind, link.rule, link.claims) == (TEMPORAL_CHANGE, "post-changed", (60, 61))
    assert "Velmoran Defence Minister per Kestrel Ledger" in link.explanation
    assert "then Velmoran Finance Minister per Harrow Post" in link.explanation


def test_a_stale_title_months_after_a_move_is_a_stale_report_not_a_change_backwards() -> None:
    before = holds(70, LEDGER, "2024-01-10", ODIN, "Velmoran Defence Minister")
    moved = holds(
        71, POST, "2024-03-01", ODIN, "secretary of the Velmora Security Council", change="appointed",
        change_words="was appointed",
    )  # fmt: skip
    stale = holds(72, COURIER, "2024-07-15", ODIN, "Velmoran Defence Minister")
    result = run(before, moved, stale)
    by_claims = {link.claims: link for link in result.links if link.kind != CORROBORATION}
    assert (by_claims[(70, 71)].kind, by_claims[(70, 71)].rule) == (TEMPORAL_CHANGE, "post-changed")
    assert (by_claims[(71, 72)].kind, by_claims[(71, 72)].rule) == (CONFLICT, "stale-report")
    assert "was appointed" in by_claims[(71, 72)].explanation
    assert not any(link.kind == TEMPORAL_CHANGE and link.claims == (71, 72) for link in result.links)


def test_a_former_title_is_never_a_current_holder() -> None:
    """On one day, "Brandt is head" and "Drummond, the former head": no two holders at once (no conflict), but
    the post changed hands."""
    result = run(
        holds(40, LEDGER, "2024-06-20", BRANDT, HEAD),
        holds(41, POST, "2024-06-20", DRUMMOND, HEAD, former=True),
    )
    assert [(link.kind, link.rule) for link in result.links] == [(TEMPORAL_CHANGE, "former-holder")]


def test_a_post_called_current_after_a_report_called_it_former_is_stale() -> None:
    link = only(
        run(
            holds(40, LEDGER, "2024-02-01", ODIN, "Velmoran Defence Minister", former=True),
            holds(41, POST, "2024-06-01", ODIN, "Velmoran Defence Minister"),
        )
    )
    assert (link.kind, link.rule, link.claims) == (CONFLICT, "stale-report", (40, 41))


def test_a_post_called_former_is_former_as_of_its_report_not_as_of_when_it_began() -> None:
    """ "Odin had been defence minister since 2019" said in 2025: reports of 2022 and 2023 that call him defence
    minister came before it and are not stale; one of 2026 is."""
    name, title = ENTITIES[ODIN].name, "Velmoran Defence Minister"
    former = claim(
        40, LEDGER, "2025-06-01", f"{name} had been {title} since March 2019.", ODIN, day="2019-03-01",
        role=role(name, title, former=True), kind="role",
    )  # fmt: skip
    earlier = holds(41, POST, "2023-02-01", ODIN, "Velmoran Defence Minister")
    later = holds(42, COURIER, "2026-01-10", ODIN, "Velmoran Defence Minister")
    result = run(former, earlier, later)
    stale = [link.claims for link in result.links if link.rule == "stale-report"]
    assert stale == [(40, 42)]


def test_a_function_beside_a_post_and_a_function_for_one_occasion_are_no_second_post() -> None:
    post = holds(40, LEDGER, "2024-01-10", HARLAN, HEAD)
    leads = claim(
        41, POST, "2024-06-10", "Harlan leads the group that negotiates the harbour deal.", HARLAN,
        role=role("Tom Harlan", "leader", "group that negotiates", rule="role-verb"),
    )  # fmt: skip
    led = claim(
        42, COURIER, "2024-06-11", "The delegation was led by Tom Harlan.", HARLAN,
        role=role("Tom Harlan", "leader", "delegation", rule="role-verb", temporary=True),
    )  # fmt: skip
    assert run(post, leads, led).links == []


def test_deputies_share_an_office_and_holders_of_two_posts_do_not_conflict() -> None:
    deputies = run(
        holds(40, LEDGER, "2024-01-10", DRUMMOND, "Deputy Mayor of Velmora"),
        holds(41, POST, "2024-01-10", BRANDT, "Deputy Mayor of Velmora"),
    )
    assert deputies.links == []
    regions = run(
        holds(40, LEDGER, "2024-06-20", BRANDT, "head of the Northern Regional Harbour Office"),
        holds(41, POST, "2024-06-21", DRUMMOND, "head of the Southern Regional Harbour Office"),
    )
    assert regions.links == []


def test_a_post_someone_will_hold_is_not_held_now() -> None:
    future = claim(
        41, POST, "2024-01-10", "The office would now be headed by Tomas Brandt.", BRANDT, kind="schedule",
        role=role("Tomas Brandt", HEAD),
    )  # fmt: skip
    assert run(holds(40, LEDGER, "2024-01-10", DRUMMOND, HEAD), future).links == []


def left(claim_id: int, outlet: str, published: str, title: str, text: str, day: str | None = None) -> ClaimFacts:
    """Tom Harlan leaving a post: a role frame of the post left, its succession words those of leaving."""
    fact = role("Tom Harlan", title, change="left", change_words="resigned", former=True)
    return claim(claim_id, outlet, published, text, HARLAN, day=day, role=fact, kind="role")


def test_one_person_leaving_one_post_in_two_reports_of_a_week_is_one_departure() -> None:
    resigned = left(40, LEDGER, "2027-03-08", "chief executive of Lumo Energy",
                    "Tom Harlan, chief executive of Lumo Energy, resigned on Monday.", day="2027-03-08")  # fmt: skip
    stepped = left(41, POST, "2027-03-09", "head of the company",
                   "Thomas Harlan has stepped down as head of the company after six years.")  # fmt: skip
    link = only(run(resigned, stepped))
    assert (link.kind, link.rule) == (CORROBORATION, "same-leaving")
    # two nearby days for the one departure conflict; a month later, or another post, is another departure
    saturday = replace(stepped, time_first=dt.date(2027, 3, 7), time_last=dt.date(2027, 3, 7))
    conflict = only(run(resigned, saturday))
    assert (conflict.kind, conflict.rule) == (CONFLICT, "left-two-dates")
    assert run(resigned, replace(stepped, published=dt.date(2027, 4, 20))).links == []
    cabinet = left(42, POST, "2027-03-09", "Velmora finance minister", "Harlan resigned as Velmora finance minister.")
    assert run(resigned, cabinet).links == []


# -- counts ----------------------------------------------------------------------------------------------------

BORDER = "Velmora has moved {} to the Korvast border."


def troops(claim_id: int, outlet: str, published: str, *quantities: QuantityFact, text: str = "") -> ClaimFacts:
    words = text or BORDER.format(" and ".join(f"{q.value} {q.noun}s" for q in quantities))
    return claim(claim_id, outlet, published, words, VELMORA, KORVAST, quantities=quantities)


def test_counts_of_troops_and_of_soldiers_are_compared_as_one_class() -> None:
    same = run(
        troops(64, LEDGER, "2024-01-10", count(4000, "troop", "troops")),
        troops(65, POST, "2024-01-10", count(4000, "soldier", "troops")),
    )
    assert (only(same).kind, only(same).rule) == (CORROBORATION, "same-count")
    differ = only(
        run(
            troops(64, LEDGER, "2024-01-10", count(4000, "troop", "troops")),
            troops(65, POST, "2024-01-10", count(6500, "soldier", "troops")),
        )
    )
    assert (differ.kind, differ.rule) == (CONFLICT, "count-conflict")
    assert "4,000 troop" in differ.explanation and "6,500 soldier" in differ.explanation  # no span: value, noun


def test_counts_over_two_different_periods_are_two_sets_not_a_conflict() -> None:
    """ "584 deaths from 2010 to 2015" and "11 deaths between 2009 and 2018": two periods, two facts."""

    def deaths(claim_id: int, outlet: str, n: int, first: str, last: str) -> ClaimFacts:
        c = claim(claim_id, outlet, "2024-01-10", f"There were {n} plague deaths in Velmora over those years.",
                  VELMORA, quantities=(count(n, "death"),))  # fmt: skip
        return ClaimFacts(**{**c.__dict__, "time_first": dt.date.fromisoformat(first),
                             "time_last": dt.date.fromisoformat(last)})  # fmt: skip

    assert (
        run(deaths(66, LEDGER, 584, "2010-01-01", "2015-12-31"), deaths(67, POST, 11, "2009-01-01", "2018-12-31")).links
        == []
    )
    one_period = run(
        deaths(66, LEDGER, 584, "2010-01-01", "2015-12-31"), deaths(67, POST, 11, "2010-01-01", "2015-12-31")
    )
    assert [(link.kind, link.rule) for link in one_period.links] == [(CONFLICT, "count-conflict")]


def test_a_count_in_time_order_is_a_change_with_its_direction() -> None:
    link = only(
        run(
            troops(65, POST, "2024-01-12", count(6500, "soldier", "troops")),
            troops(64, LEDGER, "2024-01-10", count(4000, "troop", "troops", modifier="more than")),
        )
    )
    assert (link.kind, link.rule, link.claims) == (TEMPORAL_CHANGE, "count-changed", (64, 65))
    assert "rose: more than 4,000 troop per Kestrel Ledger" in link.explanation


def test_two_claims_sharing_one_count_are_no_alarm_for_their_other_counts() -> None:
    """ "two of the three requirements" and "two of three requirements": the 2 and the 3 are not a change."""
    text = "{} of the three harbour requirements are met in Velmora."
    link = only(
        run(
            claim(62, LEDGER, "2024-01-10", text.format("Two"), VELMORA,
                  quantities=(count(2, "requirement"), count(3, "requirement"))),
            claim(63, POST, "2024-01-11", text.format("Two"), VELMORA, quantities=(count(2, "requirement"),)),
        )
    )  # fmt: skip
    assert (link.kind, link.rule) == (CORROBORATION, "same-count")


def test_one_count_alike_is_no_corroboration_when_another_count_of_one_class_differs() -> None:
    """ "ports in 15 countries and 1,300 people" and, a year on, "ports in 18 countries and 1,300 people": the
    claims do not state one thing; the countries changed."""
    text = "Velmora Shipping has ports in {} countries and employs around 1,300 people."
    result = run(
        claim(70, LEDGER, "2024-01-10", text.format(15), VELMORA,
              quantities=(count(15, "country"), count(1300, "person", "people"))),
        claim(71, POST, "2025-01-20", text.format(18), VELMORA,
              quantities=(count(18, "country"), count(1300, "person", "people"))),
    )  # fmt: skip
    assert CORROBORATION not in [link.kind for link in result.links]
    assert [(link.kind, link.rule) for link in result.links] == [(TEMPORAL_CHANGE, "count-changed")]


def test_the_same_title_in_other_spellings_on_other_days_is_no_change() -> None:
    result = run(
        holds(40, LEDGER, "2024-01-10", SOREL, "U.S. Harbour Envoy"),
        holds(41, POST, "2024-01-11", SOREL, "US Harbour Envoy"),
        holds(42, COURIER, "2024-01-12", SOREL, "Velmoran President", VELMORA),
        holds(43, OBSERVER, "2024-01-13", SOREL, "Velmora President", VELMORA),
    )
    assert kinds(result) == [CORROBORATION, CORROBORATION]


def test_counts_a_modifier_allows_at_one_time_are_no_conflict() -> None:
    result = run(
        troops(64, LEDGER, "2024-01-10", count(4000, "troop", "troops", modifier="more than")),
        troops(65, POST, "2024-01-10", count(6500, "soldier", "troops")),
    )
    assert result.links == []


def test_three_tolls_of_one_day_in_three_reports_conflict_whatever_their_trend_words() -> None:
    # "rose to 15" says the toll rose from some earlier figure, not from another report's 10 of the same day:
    # three reports of one day disagree, and an editor checks them
    text = "The flood toll in Velmora {}."
    claims = [
        claim(80, LEDGER, "2024-05-02", text.format("stood at 10 dead"), VELMORA,
              quantities=(count(10, "dead", cumulative=True),)),
        claim(81, POST, "2024-05-02", text.format("rose to 15 dead"), VELMORA,
              quantities=(count(15, "dead", cumulative=True, trend="rise", trend_words="rose to"),)),
        claim(82, COURIER, "2024-05-02", text.format("rose to 21 dead"), VELMORA,
              quantities=(count(21, "dead", cumulative=True, trend="rise", trend_words="rose to"),)),
    ]  # fmt: skip
    result = run(*claims)
    assert kinds(result) == [CONFLICT] * 3
    assert {link.claims for link in result.links} == {(80, 81), (81, 82), (80, 82)}


def test_a_running_total_that_shrinks_is_a_conflict() -> None:
    link = only(
        run(
            claim(60, LEDGER, "2024-01-10", "Velmora has signed 9 harbour agreements so far.", VELMORA,
                  quantities=(count(9, "agreement", "agreements", cumulative=True),)),
            claim(61, POST, "2024-05-20", "Velmora has signed 3 harbour agreements in total.", VELMORA,
                  quantities=(count(3, "agreement", "agreements", cumulative=True),)),
        )
    )  # fmt: skip
    assert (link.kind, link.rule, link.claims) == (CONFLICT, "total-fell", (60, 61))


def test_a_count_added_to_others_is_never_compared_with_a_total() -> None:
    """ "14 more states signed" (what was added) and "20 states have signed" on one day: no conflict."""
    added = claim(62, LEDGER, "2024-05-03", "As of 3 May, 14 more states had signed the harbour pact.", VELMORA,
                  quantities=(count(14, "state", "countries", partial=True),))  # fmt: skip
    total = claim(63, POST, "2024-05-03", "As of 3 May, 20 states had signed the harbour pact.", VELMORA,
                  quantities=(count(20, "state", "countries"),))  # fmt: skip
    assert not [link for link in run(added, total).links if link.kind != CORROBORATION]
    fourteen = claim(63, POST, "2024-05-03", "As of 3 May, 14 states had signed the harbour pact.", VELMORA,
                     quantities=(count(14, "state", "countries"),))  # fmt: skip
    assert "same-count" not in [link.rule for link in run(added, fourteen).links]  # one number, two facts


def test_two_screen_sizes_are_measures_and_never_a_count() -> None:
    text = "Brenmoor launched a {}-inch Lumo laptop with a brighter screen."

    def laptop(claim_id: int, outlet: str, inches: int) -> ClaimFacts:
        size = count(inches, None, kind=MEASURE, unit="inch")
        return claim(claim_id, outlet, "2024-01-10", text.format(inches), VELMORA, quantities=(size,))

    result = run(laptop(66, LEDGER, 16), laptop(67, POST, 15))
    assert result.links == []


def test_engine_power_and_a_bare_number_are_never_compared() -> None:
    result = run(
        claim(68, LEDGER, "2024-01-10", "The new Velmora coupe has 149 horsepower.", VELMORA,
              quantities=(count(149, None, kind=MEASURE, unit="horsepower"),)),
        claim(69, POST, "2024-01-10", "The new Velmora coupe has 471.", VELMORA),
    )  # fmt: skip
    assert not [link for link in result.links if link.kind != CORROBORATION]


def test_money_is_compared_in_one_currency_for_one_purpose_only() -> None:
    text = "Velmora received {} in loans from the Korvast fund."

    def money(claim_id: int, outlet: str, value: str, currency: str, noun: str | None = "loan") -> ClaimFacts:
        q = count(value, noun, kind=MONEY, currency=currency)
        return claim(claim_id, outlet, "2024-01-10", text.format(value), VELMORA, KORVAST, quantities=(q,))

    assert run(money(70, LEDGER, "30000000000", "USD"), money(71, POST, "35000000000", "EUR")).links == []
    assert run(money(70, LEDGER, "129", "USD", None), money(71, POST, "9.99", "USD", None)).links == []
    assert only(run(money(70, LEDGER, "30000000000", "USD"), money(71, POST, "32000000000", "USD"))).kind == CONFLICT


def test_a_count_frame_carries_its_words_as_written() -> None:
    text = "Velmora registered 16.6 million cars on its roads."
    q = count("16600000", "car", span=Span(19, 31))
    link = only(
        run(
            claim(72, LEDGER, "2024-01-10", text, VELMORA, quantities=(q,)),
            claim(73, POST, "2024-06-10", text.replace("16.6", "17.3"), VELMORA,
                  quantities=(count("17300000", "car", span=Span(19, 31)),)),
        )
    )  # fmt: skip
    assert "“16.6 million cars” per" in link.explanation and "“17.3 million cars” per" in link.explanation
    assert link.frames[0]["quantity"]["words"] == "16.6 million"


# -- presence and events ---------------------------------------------------------------------------------------


def test_there_per_one_outlets_frame_and_away_per_anothers_is_a_conflict() -> None:
    there = claim(80, LEDGER, "2024-03-05", "Ilse Drummond attended the fishing talks.", DRUMMOND, LINDBY,
                  presence=(PresenceFact("Ilse Drummond", True),))  # fmt: skip
    remote = claim(81, POST, "2024-03-06", "Ilse Drummond joined the fishing talks by video link.", DRUMMOND,
                   LINDBY, presence=(PresenceFact("Ilse Drummond", True, remote=True),))  # fmt: skip
    link = only(run(there, remote))
    assert (link.kind, link.rule) == (CONFLICT, "there-and-not")
    assert link.frames[1]["presence"]["remote"] is True


def test_presence_is_read_from_the_text_until_extraction_stores_it() -> None:
    result = run(
        claim(80, LEDGER, "2024-03-05", "Ilse Drummond attended the fishing talks in Lindby.", DRUMMOND, LINDBY),
        claim(81, POST, "2024-03-06", "Ilse Drummond did not attend the fishing talks in Lindby.", DRUMMOND, LINDBY),
    )
    assert (only(result).kind, only(result).rule) == (CONFLICT, "there-and-not")


TALKS = "Negotiators of Velmora and Korvast held fishing talks in Lindby on {} March."


def talks(claim_id: int, outlet: str, day: int, event: EventFact | None) -> ClaimFacts:
    return claim(
        claim_id, outlet, "2024-03-08", TALKS.format(day), VELMORA, KORVAST, day=f"2024-03-{day:02d}", event=event
    )


def test_two_claims_without_frames_on_one_day_in_like_words_corroborate_and_never_alarm() -> None:
    text = "The Korvast harbour board in Velmora approved the dredging plan for the old basin on 4 March."
    first = claim(96, LEDGER, "2024-03-08", text, VELMORA, day="2024-03-04")
    backed = claim(97, POST, "2024-03-09", text.replace("approved", "backed"), VELMORA, day="2024-03-04")
    same = only(run(first, backed))
    assert (same.kind, same.rule) == (CORROBORATION, "same-day")
    later = claim(97, POST, "2024-03-09", text.replace("4 March", "6 March"), VELMORA, day="2024-03-06")
    other_day = run(first, later)
    assert other_day.links == []


def test_two_meetings_of_the_same_people_on_two_days_are_no_conflict_unless_place_or_ordinal_pins_them() -> None:
    """ "held fishing talks" on the 4th and on the 5th, no place or ordinal named by both: two meetings."""
    loose = EventFact("meeting", "held fishing talks")
    assert not [
        link for link in run(talks(90, LEDGER, 4, loose), talks(91, POST, 5, loose)).links if link.kind == CONFLICT
    ]
    first = EventFact("meeting", "held the first round of fishing talks", ordinal=1)
    link = only(run(talks(90, LEDGER, 4, first), talks(91, POST, 5, first)))
    assert (link.kind, link.rule) == (CONFLICT, "event-two-dates")


def test_one_event_frame_on_two_nearby_days_is_a_conflict_and_on_one_day_a_corroboration() -> None:
    meeting = EventFact("meeting", "held fishing talks", place="Lindby")
    link = only(run(talks(90, LEDGER, 4, meeting), talks(91, POST, 5, meeting)))
    assert (link.kind, link.rule) == (CONFLICT, "event-two-dates")
    assert (only(run(talks(90, LEDGER, 4, meeting), talks(91, POST, 4, meeting))).rule) == "same-event-day"


def test_two_rounds_of_a_series_are_two_events() -> None:
    first = EventFact("meeting", "held fishing talks", ordinal=1)
    second = EventFact("meeting", "held fishing talks", ordinal=2)
    assert run(talks(90, LEDGER, 4, first), talks(91, POST, 5, second)).links == []


def test_no_alarm_without_frames() -> None:
    """Alike words on two nearby days, and two numbers in the text, but no event or count frames: no alarm."""
    result = run(talks(90, LEDGER, 4, None), talks(91, POST, 5, None))
    assert not [link for link in result.links if link.kind != CORROBORATION]
    numbers = run(
        claim(60, LEDGER, "2024-01-10", "Velmora has opened 12 flood shelters for displaced families.", VELMORA),
        claim(61, POST, "2024-01-10", "Velmora has opened 30 flood shelters for displaced families.", VELMORA),
    )
    assert not [link for link in numbers.links if link.kind != CORROBORATION]


def test_one_kind_of_event_both_place_in_one_city_is_one_meeting_whatever_its_verb() -> None:
    text = "Advisers from a dozen harbours met behind closed doors in Lindby on Monday."
    met = claim(92, LEDGER, "2024-03-04", text, LINDBY, VELMORA, event=EventFact("meeting", "met"))
    first = claim(93, POST, "2024-03-20", "The first meeting of harbour advisers took place in Lindby in March.",
                  LINDBY, VELMORA, event=EventFact("meeting", "first meeting", place="Lindby", ordinal=1))  # fmt: skip
    first = ClaimFacts(**{**first.__dict__, "time_first": dt.date(2024, 3, 1), "time_last": dt.date(2024, 3, 31)})
    link = only(run(met, first))
    assert (link.kind, link.rule) == (CORROBORATION, "meeting-place")
    signing = replace_event(first, EventFact("signing", "signed", place="Lindby"))
    assert run(met, signing).links == []


def test_a_claim_that_only_places_something_at_an_event_is_not_one_meeting_with_it() -> None:
    """ "At the summit in Lindby, leaders offered support" and "the talks follow from the declaration agreed at the
    summit in Lindby": two facts about one summit, not one."""
    offered = claim(94, LEDGER, "2024-03-04", "At the summit in Lindby, harbour leaders offered support to Velmora.",
                    LINDBY, VELMORA, event=EventFact("meeting", "summit", place="Lindby", rule=SETTING))  # fmt: skip
    follow = claim(95, POST, "2024-03-06", "The talks follow from the declaration agreed at the summit in Lindby.",
                   LINDBY, VELMORA, event=EventFact("meeting", "summit", place="Lindby", rule=SETTING))  # fmt: skip
    assert run(offered, follow).links == []


def replace_event(c: ClaimFacts, event: EventFact) -> ClaimFacts:
    return ClaimFacts(**{**c.__dict__, "event": event})


def test_the_text_adds_only_the_names_the_stored_presence_frames_lack() -> None:
    there = claim(80, LEDGER, "2024-03-05", "Envoys met counterparts from Korvast and Lindby in Velmora.", KORVAST,
                  LINDBY, VELMORA, presence=(PresenceFact("Envoys", True),))  # fmt: skip
    away = claim(81, POST, "2024-03-06", "Korvast did not send anyone to the harbour talks.", KORVAST,
                 presence=(PresenceFact("Korvast", False, rule="absence-envoy"),))  # fmt: skip
    link = only(run(there, away))
    assert (link.kind, link.rule) == (CONFLICT, "there-and-not")
    assert link.frames[0]["presence"]["rule"] == "presence-text"


# -- wording and clusters --------------------------------------------------------------------------------------

SHELTERS = "Velmora has opened flood shelters for displaced families in the {} district."


def test_like_wording_corroborates_claims_whose_frames_do_not_decide() -> None:
    result = run(
        claim(30, LEDGER, "2024-01-10", SHELTERS.format("northern"), VELMORA),
        claim(31, POST, "2024-01-11", SHELTERS.format("northern"), VELMORA),
    )
    assert (only(result).kind, only(result).rule) == (CORROBORATION, "wording")


def test_alike_names_do_not_make_a_count_and_a_claim_without_one_the_same_fact() -> None:
    governed = "The Velmora Unity Party has governed since 2017 under Prime Minister Ivo Marek."
    seats = "The Velmora Unity Party of outgoing Prime Minister Ivo Marek took 52 seats."
    took = count(52, "seat", owner="Velmora Unity Party")
    assert run(claim(30, LEDGER, "2024-01-10", governed, VELMORA), claim(31, POST, "2024-01-12", seats, VELMORA,
               quantities=(took,))).links == []  # fmt: skip
    # a count that only sets the scene, owned by no one, leaves like words to decide
    met = "Advisers from 12 governments met in Velmora to discuss the harbour plan."
    also = "Advisers met in Velmora to discuss the harbour plan."
    scene = count(12, "government")
    link = only(run(claim(32, LEDGER, "2024-01-10", met, VELMORA, quantities=(scene,)),
                    claim(33, POST, "2024-01-10", also, VELMORA)))  # fmt: skip
    assert link.kind == CORROBORATION


def test_a_cluster_never_holds_two_claims_of_one_source() -> None:
    result = run(
        claim(30, LEDGER, "2024-01-10", SHELTERS.format("northern"), VELMORA, source=1),
        claim(31, LEDGER, "2024-01-10", SHELTERS.format("northern"), VELMORA, source=1),
        claim(32, POST, "2024-01-11", SHELTERS.format("northern"), VELMORA, source=3),
    )
    assert len(set(result.clusters.values())) == 1
    assert len(result.clusters) == 2


def newsroom() -> list[ClaimFacts]:
    return [
        holds(1, LEDGER, "2024-01-10", DRUMMOND, HEAD),
        holds(2, POST, "2024-01-11", DRUMMOND, "Velmora Harbour Office chief"),
        holds(3, COURIER, "2024-06-20", BRANDT, HEAD),
        troops(4, LEDGER, "2024-01-10", count(4000, "troop", "troops")),
        troops(5, POST, "2024-01-10", count(6500, "soldier", "troops")),
        talks(6, OBSERVER, 4, EventFact("meeting", "held fishing talks", place="Lindby")),
        talks(7, HERALD, 5, EventFact("meeting", "held fishing talks", place="Lindby")),
    ]


def test_every_kind_of_link_over_a_mixed_newsroom() -> None:
    found = {(link.kind, link.claims) for link in run(*newsroom()).links}
    assert {
        (CORROBORATION, (1, 2)),
        (TEMPORAL_CHANGE, (1, 3)),
        (TEMPORAL_CHANGE, (2, 3)),
        (CONFLICT, (4, 5)),
        (CONFLICT, (6, 7)),
    } <= found


def test_matching_is_deterministic_and_order_independent() -> None:
    claims = newsroom()
    first, again = run(*claims), run(*reversed(claims))
    assert sorted(first.links, key=lambda x: x.key) == sorted(again.links, key=lambda x: x.key)
    assert first.clusters == again.clusters


def _appointed(claim_id: int, outlet: str, day: str, text: str, theme: str, *entities: int, words: str = "appointed"):
    rule = "event-object" if " " in words else "event-verb"
    fact = EventFact("appointment", words, rule=rule, theme=theme)
    return claim(claim_id, outlet, "2024-05-10", text, *entities, day=day, event=fact)


def test_one_appointment_done_to_one_theme_on_one_day_corroborates_without_a_shared_entity() -> None:
    """ "the review panel appointed by the council on 3 May" and "Sorel approved the panel's composition on
    3 May": one fact, though only one claim names anyone (so no entity is shared) and few words are shared."""
    named = _appointed(80, LEDGER, "2024-05-03", "The inquiry heard members of the review panel appointed by the "
                       "council on 3 May.", "panel")  # fmt: skip
    approved = _appointed(81, POST, "2024-05-03", "Sorel approved the panel's composition by order on 3 May.",
                          "panel", SOREL, words="approved the panel's composition")  # fmt: skip
    link = only(run(named, approved))
    assert (link.kind, link.rule) == (CORROBORATION, "same-theme-day")
    assert [f["event"]["theme"] for f in link.frames] == ["panel", "panel"]


def test_one_theme_is_no_corroboration_on_two_days_for_two_themes_or_when_each_names_its_own() -> None:
    text = "Sorel approved the panel's composition by order on {}."
    named = _appointed(80, LEDGER, "2024-05-03", "The inquiry heard the panel appointed on 3 May.", "panel")
    other_day = _appointed(81, POST, "2024-05-04", text.format("4 May"), "panel", SOREL)
    assert run(named, other_day).links == []  # another day: another appointment, and never an alarm
    board = _appointed(81, POST, "2024-05-03", text.replace("panel", "board").format("3 May"), "board", SOREL)
    assert run(named, board).links == []
    sorel = _appointed(80, LEDGER, "2024-05-03", "Odin appointed the panel in Velmora on 3 May.", "panel", ODIN)
    odin = _appointed(81, POST, "2024-05-03", "Sorel appointed the panel in Korvast on 3 May.", "panel", SOREL)
    assert [link.rule for link in run(sorel, odin).links if link.rule == "same-theme-day"] == []


def test_a_theme_makes_one_fact_only_of_an_appointment() -> None:
    """ "negotiated the fishing quotas" on one day in two reports: a topic, which two meetings may share."""
    fact = EventFact("meeting", "negotiated", theme="quotas")
    first = claim(80, LEDGER, "2024-05-10", "The delegates negotiated the quotas on 3 May.", day="2024-05-03",
                  event=fact)  # fmt: skip
    second = claim(81, POST, "2024-05-10", "Sorel negotiated the quotas in Korvast on 3 May.", SOREL, KORVAST,
                   day="2024-05-03", event=fact)  # fmt: skip
    assert [link.rule for link in run(first, second).links if link.rule == "same-theme-day"] == []


def test_counts_of_two_owners_are_two_sets() -> None:
    """ "The Union had 51 seats" and "the Greens had 19 seats": no conflict; the Union's 51 and later 52 is a
    change; one owner against two owners together is two sets."""

    def seats(claim_id: int, outlet: str, published: str, n: int, owner: str) -> ClaimFacts:
        return claim(claim_id, outlet, published, f"{owner} had {n} seats in the Velmora assembly.", VELMORA,
                     quantities=(count(n, "seat", owner=owner),))  # fmt: skip

    assert (
        run(seats(80, LEDGER, "2024-03-10", 51, "the Union"), seats(81, POST, "2024-03-10", 19, "the Greens")).links
        == []
    )
    change = only(run(seats(80, LEDGER, "2024-03-10", 51, "the Union"), seats(81, POST, "2024-03-12", 52, "the Union")))
    assert (change.kind, change.rule) == (TEMPORAL_CHANGE, "count-changed")
    both = run(
        seats(80, LEDGER, "2024-03-10", 58, "the Union"), seats(81, POST, "2024-03-12", 79, "the Union and the Greens")
    )
    assert both.links == []


def test_a_toll_of_one_day_revised_by_a_later_report_is_a_change() -> None:
    """Both claims date the flood to one day; the later report's higher toll is the count revised, not a
    conflict. On one day of reports the two tolls conflict."""

    def toll(claim_id: int, outlet: str, published: str, n: int) -> ClaimFacts:
        return claim(claim_id, outlet, published, f"The Velmora flood on 3 March killed {n} people.", VELMORA,
                     day="2024-03-03", quantities=(count(n, "people", "dead"),))  # fmt: skip

    later = only(run(toll(82, LEDGER, "2024-03-03", 12), toll(83, POST, "2024-03-05", 31)))
    assert (later.kind, later.rule, later.claims) == (TEMPORAL_CHANGE, "count-changed", (82, 83))
    same_day = only(run(toll(82, LEDGER, "2024-03-03", 12), toll(83, POST, "2024-03-03", 31)))
    assert (same_day.kind, same_day.rule) == (CONFLICT, "count-conflict")


def test_the_level_of_a_named_measure_in_percent_is_compared_and_a_bare_percentage_never() -> None:
    def level(claim_id: int, outlet: str, published: str, value: str, noun: str | None) -> ClaimFacts:
        q = QuantityFact(Decimal(value), MEASURE, noun, noun, unit="percent")
        return claim(claim_id, outlet, published, f"Turnout in the Velmora election stood at {value} percent.",
                     VELMORA, quantities=(q,))  # fmt: skip

    rose = only(
        run(level(90, LEDGER, "2024-03-10", "63.1", "turnout"), level(91, POST, "2024-03-12", "64.7", "turnout"))
    )
    assert (rose.kind, rose.rule) == (TEMPORAL_CHANGE, "count-changed")
    assert run(level(90, LEDGER, "2024-03-10", "63.1", None), level(91, POST, "2024-03-12", "64.7", None)).links == []


def test_one_count_of_an_owner_one_claim_names_and_the_other_describes_corroborates() -> None:
    # "the two members" describes the owner the other claim names: no evidence of another set
    named = claim(84, LEDGER, "2024-03-12", "Velmora and Lindby would together have 79 seats on the council.",
                  VELMORA, LINDBY, quantities=(count(79, "seat", owner="Velmora and Lindby"),))  # fmt: skip
    described = claim(85, POST, "2024-03-13", "The two members hold 79 of the 150 seats on the council, Lindby said.",
                      LINDBY, quantities=(count(79, "seat", owner="two members"),))  # fmt: skip
    link = only(run(named, described))
    assert (link.kind, link.rule) == (CORROBORATION, "same-count")
    # counts that differ need owners both claims name to be one set: no alarm from a description
    fewer = replace(described, quantities=(count(61, "seat", owner="two members"),))
    assert run(named, fewer).links == []


def test_one_count_in_like_words_of_one_storys_place_and_week_corroborates_without_an_entity() -> None:
    def turnout(claim_id: int, outlet: str, published: str, text: str, value: str) -> ClaimFacts:
        q = QuantityFact(Decimal(value), MEASURE, "turnout", "turnout", unit="percent")
        return set_in(claim(claim_id, outlet, published, text, quantities=(q,)), "Korvast")

    stood = turnout(92, LEDGER, "2024-03-10", "Turnout stood at 63.1 percent, the commission said.", "63.1")
    reached = turnout(93, POST, "2024-03-11", "Hana Odin said turnout had reached 63.1 percent.", "63.1")
    link = only(run(stood, reached))
    assert (link.kind, link.rule) == (CORROBORATION, "same-count")
    # another place's story, or a report weeks later, is another count; and words this thin never make two
    # different counts one thing
    assert run(stood, set_in(reached, "Lindby")).links == []
    assert run(stood, replace(reached, published=dt.date(2024, 4, 20))).links == []
    other = turnout(94, POST, "2024-03-11", "Hana Odin said turnout had reached 64.7 percent.", "64.7")
    assert run(stood, other).links == []


# -- the story's setting: a claim that names no place is of the place its article's lead names ---------------


def set_in(facts: ClaimFacts, *places: str) -> ClaimFacts:
    return replace(facts, setting=frozenset(places))


def test_a_toll_naming_no_place_meets_the_toll_of_its_storys_place_in_other_words() -> None:
    # "At least 12 people have died" in a story whose lead names Korvast, and a later report's toll there
    first = set_in(
        claim(120, LEDGER, "2024-10-12", "At least 12 people have died, the governor said on Tuesday.",
              day="2024-10-12", quantities=(count(12, "people", "dead", modifier="at least"),)),
        "Korvast province",
    )  # fmt: skip
    later = claim(
        121, POST, "2024-10-13", "The death toll from the floods in Korvast rose to 31 on Wednesday.", KORVAST,
        day="2024-10-13", quantities=(count(31, "toll", "dead", cumulative=True, trend="rise"),),
    )  # fmt: skip
    link = only(run(first, later))
    assert (link.kind, link.rule) == (TEMPORAL_CHANGE, "count-changed")
    # another place's story, or the same place's toll of another year, is another set of dead
    assert run(set_in(first, "Lindby"), later).links == []
    old = claim(122, POST, "2024-10-13", "54 people died along the same river in 1998.",
                quantities=(count(54, "people", "dead"),))  # fmt: skip
    old = set_in(replace(old, time_first=dt.date(1998, 1, 1), time_last=dt.date(1998, 12, 31)), "Korvast")
    assert run(first, old).links == []


def test_counts_at_two_places_the_claims_name_are_two_sets() -> None:
    province = claim(127, LEDGER, "2024-04-17", "The number of cholera cases in Korvast has risen to 118.", KORVAST,
                     quantities=(count(118, "case", cumulative=True, trend="rise"),))  # fmt: skip
    town = claim(128, POST, "2024-04-20", "In Lindby, the number of cholera cases has risen to 11.", LINDBY,
                 quantities=(count(11, "case", cumulative=True, trend="rise"),))  # fmt: skip
    assert run(province, town).links == []
    # the same place later: the count moved on
    later = claim(129, POST, "2024-04-20", "The number of cholera cases in Korvast has risen to 264.", KORVAST,
                  quantities=(count(264, "case", cumulative=True, trend="rise"),))  # fmt: skip
    assert only(run(province, later)).kind == TEMPORAL_CHANGE


def test_one_persons_prison_term_in_other_words_on_one_day_is_one_fact() -> None:
    def term(claim_id: int, outlet: str, text: str, years: int, owner: str) -> ClaimFacts:
        q = QuantityFact(Decimal(years), MEASURE, "sentence", "prison term (years)", unit="year", owner=owner)
        return claim(claim_id, outlet, "2025-11-20", text, BRANDT, day="2025-11-20", quantities=(q,))

    seven = term(130, LEDGER, "Tomas Brandt, the former minister, was sentenced to seven years.", 7, "Tomas Brandt")
    nine = term(131, POST, "Brandt was jailed for nine years on Thursday for taking bribes.", 9, "Brandt")
    link = only(run(seven, nine))
    assert (link.kind, link.rule) == (CONFLICT, "count-conflict")
    again = term(132, POST, "Brandt was jailed for seven years on Thursday for taking bribes.", 7, "Brandt")
    assert only(run(seven, again)).kind == CORROBORATION
    # one named owner's count is one set wherever each claim puts something: a bribe's source, a prison
    elsewhere = term(133, POST, "Brandt was jailed for nine years in Lindby for taking bribes.", 9, "Brandt")
    held = term(134, LEDGER, "Brandt was sentenced to seven years and held at Korvast prison.", 7, "Brandt")
    assert only(run(held, elsewhere)).kind == CONFLICT


def test_a_term_cut_from_one_value_is_a_change_from_that_value_and_a_conflict_with_another() -> None:
    """ "reduced Brandt's sentence from seven years to five" months later: a change from the seven reported, but
    the nine another outlet reported is contradicted by what the ruling says the term was."""

    def term(claim_id: int, outlet: str, day: str, years: int, **fields) -> ClaimFacts:
        q = QuantityFact(
            Decimal(years), MEASURE, "sentence", "prison term (years)", unit="year", owner="Brandt", **fields
        )
        return claim(claim_id, outlet, day, f"Tomas Brandt: {years} years.", BRANDT, day=day, quantities=(q,))

    cut = term(137, COURIER, "2026-03-10", 5, trend="fall", earlier=Decimal(7))
    assert only(run(term(135, LEDGER, "2025-11-20", 7), cut)).kind == TEMPORAL_CHANGE
    nine = only(run(term(136, POST, "2025-11-20", 9), cut))
    assert (nine.kind, nine.rule) == (CONFLICT, "count-conflict")
    assert "it was 7 before it changed" in nine.explanation


def test_parts_of_the_injured_are_no_toll_of_the_story() -> None:
    a = set_in(claim(125, LEDGER, "2024-04-17", "Three of the injured were in serious condition on Thursday.",
                     quantities=(count(3, "injure", "injured", partial=True),)), "Korvast")  # fmt: skip
    b = set_in(claim(126, POST, "2024-04-18", "Two of the injured remain in intensive care, staff said.",
                     quantities=(count(2, "injure", "injured", partial=True),)), "Korvast")  # fmt: skip
    assert run(a, b).links == []


def test_the_first_meeting_of_a_storys_talks_on_another_day_conflicts() -> None:
    # "The first meeting was held on May 15" in a story of talks in Korvast, and a report of that first meeting
    # in Korvast on 16 May: one numbered event, two dates
    text = "The first meeting was held on May 15."
    numbered = set_in(
        claim(
            130, LEDGER, "2024-06-02", text, day="2024-05-15", event=EventFact("meeting", "first meeting", ordinal=1)
        ),
        "Korvast",
    )
    report = claim(
        131, POST, "2024-05-16", "Delegations from Velmora and Lindby held direct peace talks in Korvast on 16 May.",
        VELMORA, LINDBY, KORVAST, day="2024-05-16",
        event=EventFact("meeting", "held direct peace talks", place="Korvast", ordinal=1),
    )  # fmt: skip
    link = only(run(numbered, report))
    assert (link.kind, link.rule) == (CONFLICT, "event-two-dates")
    # a story set elsewhere, or another round, is another meeting
    assert run(set_in(numbered, "Lindby"), replace(report, entities=frozenset({VELMORA, KORVAST}))).links == []
    second = replace(numbered, event=EventFact("meeting", "second meeting", ordinal=2))
    assert run(second, report).links == []


def test_one_handover_of_one_day_in_one_setting_corroborates_in_other_words() -> None:
    # the drafts an envoy received on 15 December, in two reports of a story set in Korvast that word it apart;
    # one day and one place pin the event as an ordinal does
    envoy = claim(
        140, LEDGER, "2024-12-17", "Both texts were handed to envoy Pella Varga on Wednesday, 15 December.",
        VARGA, day="2024-12-15", event=EventFact("handover", "texts were handed"),
    )  # fmt: skip
    side = claim(
        141, POST, "2024-12-16", "The ministry said two draft documents reached Varga by courier yesterday.",
        VARGA, day="2024-12-15", event=EventFact("handover", "documents reached"),
    )  # fmt: skip
    link = only(run(set_in(envoy, "Korvast"), set_in(side, "Korvast")))
    assert (link.kind, link.rule) == (CORROBORATION, "same-event-day")
    # without one place, words this far apart are two handovers of that day; another day is another handover
    assert run(set_in(envoy, "Korvast"), set_in(side, "Lindby")).links == []
    later = replace(side, time_first=dt.date(2024, 12, 16), time_last=dt.date(2024, 12, 16))
    assert run(set_in(envoy, "Korvast"), set_in(later, "Korvast")).links == []


def test_two_claims_dated_only_by_a_noun_they_mention_are_not_one_fact_of_that_day() -> None:
    """Both speak of "the 4 March vote" (a time of a noun): a day of what they mention, not of what they say."""
    day = dt.date(2024, 3, 4)
    vote = TimeRef("4 March", 40, 47, day, day, role="noun")
    first = claim(
        98,
        LEDGER,
        "2024-03-08",
        "Councillors in Velmora questioned the harbour board on the 4 March vote.",
        VELMORA,
        day="2024-03-04",
    )
    second = claim(
        99,
        POST,
        "2024-03-09",
        "The harbour board in Velmora published the 4 March vote on the dredging.",
        VELMORA,
        day="2024-03-04",
    )
    assert only(run(first, second)).rule == "same-day"  # dated by what they report: one fact of the day
    assert run(replace(first, times=(vote,)), replace(second, times=(vote,))).links == []


def test_one_person_named_a_former_holder_of_one_post_by_two_outlets_is_corroborated() -> None:
    result = run(
        holds(46, LEDGER, "2024-03-01", DRUMMOND, "former head of the Velmora Harbour Office", former=True),
        holds(47, POST, "2024-05-02", DRUMMOND, "former Velmora Harbour Office chief", former=True),
    )
    link = only(result)
    assert (link.kind, link.rule) == (CORROBORATION, "same-post")
    assert "a former holder of" in link.explanation
    # a former post and the post held now are not one fact
    now = holds(48, POST, "2024-05-02", DRUMMOND, "head of the Velmora Harbour Office")
    assert CORROBORATION not in kinds(run(holds(46, LEDGER, "2024-03-01", DRUMMOND, HEAD, former=True), now))


def test_a_count_of_a_set_already_named_agrees_but_never_alarms() -> None:
    """ "The five companies can now bid" (those just named) and, a day later, "All 14 companies are eligible":
    neither states a size against the other; the same number still corroborates."""
    text = "The {} companies of the Velmora lunar programme can now bid for delivery contracts."
    five = claim(
        138, LEDGER, "2024-03-01", text.format("five"), VELMORA, quantities=(count(5, "company", definite=True),)
    )
    all14 = claim(
        139, POST, "2024-03-02", text.format("14"), VELMORA, quantities=(count(14, "company", definite=True),)
    )
    assert run(five, all14).links == []
    sized = claim(140, POST, "2024-03-02", text.format("14"), VELMORA, quantities=(count(14, "company"),))
    assert only(run(replace(five, quantities=(count(5, "company"),)), sized)).kind == TEMPORAL_CHANGE
    again = claim(141, POST, "2024-03-02", text.format("five"), VELMORA, quantities=(count(5, "company"),))
    assert only(run(five, again)).kind == CORROBORATION


def test_a_post_no_claim_owns_is_one_post_in_stories_set_in_one_place() -> None:
    """ "Transport Minister Drummond" in a story set in Velmora, and, months later, "parliament confirmed Brandt
    as transport minister" in another: Velmora's post changed hands. Set in two places, they are two posts."""
    before = set_in(holds(130, LEDGER, "2024-01-10", DRUMMOND, "Transport Minister"), "Velmora")
    after = set_in(holds(131, POST, "2024-06-20", BRANDT, "transport minister"), "Velmora")
    link = only(run(before, after))
    assert (link.kind, link.claims, link.rule) == (TEMPORAL_CHANGE, (130, 131), "post-changed-hands")
    elsewhere = set_in(holds(131, POST, "2024-06-20", BRANDT, "transport minister"), "Korvast")
    assert run(before, elsewhere).links == []
    assert run(holds(130, LEDGER, "2024-01-10", DRUMMOND, "Transport Minister"),
               holds(131, POST, "2024-06-20", BRANDT, "transport minister")).links == []  # fmt: skip


def move(value: int, *, owner: str | None = "Velmora Rail", trend: str = "fall") -> QuantityFact:
    return count(value, "share", "share", kind=MEASURE, unit="percent", by=True, trend=trend, owner=owner)


def test_two_moves_of_one_thing_on_one_day_conflict_and_moves_of_two_days_are_two_facts() -> None:
    text = "Shares in Velmora Rail fell {} percent on Monday."
    monday = claim(140, LEDGER, "2024-03-04", text.format(6), VELMORA, day="2024-03-04", quantities=(move(6),))
    same_day = claim(141, POST, "2024-03-05", text.format(9), VELMORA, day="2024-03-04", quantities=(move(9),))
    link = only(run(monday, same_day))
    assert (link.kind, link.rule) == (CONFLICT, "count-conflict")
    assert "a fall of" in link.explanation
    agreeing = claim(141, POST, "2024-03-05", text.format(6), VELMORA, day="2024-03-04", quantities=(move(6),))
    assert (only(run(monday, agreeing)).kind, only(run(monday, agreeing)).rule) == (CORROBORATION, "same-count")
    friday = claim(142, POST, "2024-03-08", text.format(9), VELMORA, day="2024-03-08", quantities=(move(9),))
    assert run(monday, friday).links == []  # not a change over time: each day moves by its own amount
    level = claim(143, POST, "2024-03-05", "Velmora Rail's share stood at 9 percent.", VELMORA, day="2024-03-04",
                  quantities=(count(9, "share", "share", kind=MEASURE, unit="percent"),))  # fmt: skip
    assert run(monday, level).links == []  # a move is never read against a level


def test_a_post_naming_no_body_is_the_post_of_the_body_its_storys_lead_names() -> None:
    """ "Drummond was named interim chief executive" in a story whose lead names Velmora Rail, and later
    "Velmora Rail appointed Brandt as its chief executive": the post changed hands. A lead naming another body
    says nothing of it."""
    interim = replace(
        holds(150, LEDGER, "2024-03-09", DRUMMOND, "interim chief executive"), lead_bodies=frozenset({"Velmora Rail"})
    )
    appointed = holds(151, POST, "2024-04-22", BRANDT, "chief executive", organisation="Velmora Rail")
    link = only(run(interim, appointed))
    assert (link.kind, link.claims, link.rule) == (TEMPORAL_CHANGE, (150, 151), "post-changed-hands")
    other = replace(interim, lead_bodies=frozenset({"Korvast Ports"}))
    assert run(other, appointed).links == []
