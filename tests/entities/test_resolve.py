"""Resolution across sources: romanisations join, look-alikes stay apart, editors win, ids stay stable."""

from __future__ import annotations

import random

from tracker.config import EntitySettings
from tracker.entities.personal import parse
from tracker.entities.recognise import ORGANIZATION, PERSON, PLACE
from tracker.entities.resolve import Alike, Assertion, Candidate, resolve, resolve_alike, score_people, signature


def person(i: int, name: str, *forms: str, titles: tuple[str, ...] = (), previous: int | None = None) -> Candidate:
    return Candidate(i, name, "person", (name, *forms), titles, True, previous)


def together(groups, a: int, b: int) -> bool:
    return any(a in g.members and b in g.members for g in groups)


def test_romanisations_of_one_person_join_with_reasons() -> None:
    groups = resolve(
        [
            person(1, "Oleh Hnatiuk", "Hnatiuk"),
            person(2, "Oleg Gnatyuk"),
            person(3, "Олег Гнатюк"),
        ]
    )
    assert together(groups, 1, 2) and together(groups, 1, 3)
    [group] = [g for g in groups if 1 in g.members]
    assert any("romanisation" in r for r in group.reasons.values())


def test_a_one_letter_typo_joins_only_with_the_same_first_name() -> None:
    typo_same_first = resolve([person(1, "Pavel Drozdov"), person(2, "Pavel Drozdovv")])
    assert together(typo_same_first, 1, 2)
    close = resolve([person(1, "Pavel Lysenko"), person(2, "Pavel Lysenkov")])
    assert together(close, 1, 2)
    other_first = resolve([person(1, "Pavel Lysenko"), person(2, "Anton Lysenkov")])
    assert not together(other_first, 1, 2)


def test_same_surname_different_first_names_stay_apart() -> None:
    groups = resolve([person(1, "Marta Kovalenko"), person(2, "Ivan Kovalenko")])
    assert not together(groups, 1, 2)


def test_same_first_name_different_surnames_stay_apart() -> None:
    groups = resolve([person(1, "Ivan Melnyk"), person(2, "Ivan Melnychenko")])
    assert not together(groups, 1, 2)


def test_middle_initials_that_disagree_keep_people_apart() -> None:
    assert not together(resolve([person(1, "Maria T. Hollis"), person(2, "Maria K. Hollis")]), 1, 2)
    assert together(resolve([person(1, "Maria T. Hollis"), person(2, "Maria Hollis")]), 1, 2)


def test_transitivity_cannot_join_incompatible_names() -> None:
    # "M. Kovalenko" could be either Marta or Mykola; joining it to both would merge them.
    groups = resolve([person(1, "Marta Kovalenko"), person(2, "M. Kovalenko"), person(3, "Mykola Kovalenko")])
    assert not together(groups, 1, 3)


def test_a_lone_surname_joins_the_only_person_it_can_mean() -> None:
    lone = Candidate(9, "Hnatiuk", "other", ("Hnatiuk",))
    assert together(resolve([person(1, "Oleh Hnatiuk"), lone]), 1, 9)
    ambiguous = Candidate(9, "Kovalenko", "other", ("Kovalenko",))
    groups = resolve([person(1, "Marta Kovalenko"), person(2, "Ivan Kovalenko"), ambiguous])
    assert not together(groups, 1, 9) and not together(groups, 2, 9)


def test_places_join_by_folded_spelling_and_never_join_people() -> None:
    groups = resolve(
        [
            Candidate(1, "Kharkiv", "place", ("Kharkiv",), strong=True),
            Candidate(2, "Kharkiv", "other", ("Kharkiv",)),
            Candidate(3, "Charkiw", "place", ("Charkiw",)),
            person(4, "Anna Kharkiv"),
        ]
    )
    assert together(groups, 1, 2)
    assert not together(groups, 1, 4) and not together(groups, 2, 4)


def test_editor_alias_pins_a_name_and_a_negative_keeps_it_out() -> None:
    candidates = [person(1, "Oleh Hnatiuk"), person(2, "Oleg Gnatyuk"), person(3, "Olek Hnat")]
    groups = resolve(candidates, [Assertion(50, "Olek Hnat"), Assertion(50, "Oleh Hnatiuk")])
    [pinned] = [g for g in groups if g.entity_id == 50]
    assert {1, 3} <= set(pinned.members)
    split = resolve(candidates[:2], [Assertion(50, "Oleh Hnatiuk"), Assertion(50, "Oleg Gnatyuk", positive=False)])
    assert not together(split, 1, 2)


def test_entity_ids_stay_with_the_group_most_of_whose_members_had_them() -> None:
    groups = resolve(
        [person(1, "Oleh Hnatiuk", previous=7), person(2, "Oleg Gnatyuk", previous=7), person(3, "Ivan Melnyk")]
    )
    by_member = {m: g.entity_id for g in groups for m in g.members}
    assert by_member[1] == by_member[2] == 7
    assert by_member[3] is None  # new: storage gives it a fresh id


def test_shared_titles_add_evidence_and_weights_are_settings() -> None:
    a, b = parse("Pavel Drozd"), parse("Pavlo Drozd")
    plain_score, _ = score_people(a, b)
    titled, why = score_people(a, b, ("Kremlin spokesman",), ("spokesman for the Kremlin",))
    assert titled > plain_score and "kremlin" in why
    strict = EntitySettings(merge_at=100.0)
    assert not together(resolve([person(1, "Oleh Hnatiuk"), person(2, "Oleg Gnatyuk")], settings=strict), 1, 2)


def resolved_as_alike(candidates: list[Candidate], assertions: list[Assertion]) -> tuple[dict, int]:
    """Each candidate's (group, entity id, reason) by ``resolve_alike``, alike ones of one previous entity
    counted as one; and how many candidates had to be told apart one by one."""
    ids: dict[tuple, list[int]] = {}
    for c in candidates:
        ids.setdefault((signature(c), c.previous_entity), []).append(c.id)
    by_id = {c.id: c for c in candidates}
    split = []

    def stands_for(a: Alike) -> list[int]:
        return ids[(signature(a.candidate), a.candidate.previous_entity)] if a.count > 1 else [a.candidate.id]

    def one_by_one(members: list[Alike]) -> list[Alike]:
        split.extend(i for a in members for i in stands_for(a))
        return [Alike(by_id[i]) for a in members for i in stands_for(a)]

    got = {}
    alike = [Alike(by_id[members[0]], len(members)) for members in ids.values()]
    for g in resolve_alike(alike, assertions, one_by_one=one_by_one):
        members = frozenset(i for a in g.members for i in stands_for(a))
        for a in g.members:
            first, rest = g.reasons[a.candidate.id]
            for i in stands_for(a):
                got[i] = (members, g.entity_id, first if i == a.candidate.id else rest)
    return got, len(split)


def test_alike_candidates_resolved_as_one_give_what_resolving_each_gives() -> None:
    """``resolve_alike`` (alike candidates of one previous entity counted, not listed) gives the groups, ids
    and reasons ``resolve`` gives the candidates one by one: copies of full names, lone surnames that join a
    person or stay one entity per source, a pinned name, things, and candidates moving between entities."""
    rng = random.Random(7)
    kinds = [
        ("Oleh Hnatiuk", PERSON, ("Oleh Hnatiuk", "Hnatiuk"), ("Mayor",)),
        ("Oleg Gnatyuk", PERSON, ("Oleg Gnatyuk",), ()),
        ("Marta Kovalenko", PERSON, ("Marta Kovalenko",), ("Minister",)),
        ("Ivan Kovalenko", PERSON, ("Ivan Kovalenko",), ()),
        ("Kovalenko", PERSON, ("Kovalenko",), ()),
        ("Hnatiuk", PERSON, ("Hnatiuk",), ()),
        ("Petrenko", PERSON, ("Petrenko",), ()),
        ("Kharkiv", PLACE, ("Kharkiv",), ()),
        ("Charkiw", PLACE, ("Charkiw",), ()),
        ("National Anti-Corruption Bureau", ORGANIZATION, ("National Anti-Corruption Bureau",), ()),
        ("NACB", ORGANIZATION, ("NACB",), ()),
    ]
    assertions = [Assertion(900, "Ivan Kovalenko")]
    for _round in range(6):
        candidates = []
        for i in range(1, 160):
            name, kind, forms, titles = rng.choice(kinds)
            previous = rng.choice([None, 1, 2, 3])
            candidates.append(Candidate(i, name, kind, forms, titles, rng.random() < 0.5, previous))
        expected = {
            m: (frozenset(g.members), g.entity_id, g.reasons[m])
            for g in resolve(candidates, assertions)
            for m in g.members
        }
        got, told_apart = resolved_as_alike(candidates, assertions)
        assert got == expected
        assert told_apart  # lone surnames no one else can be are one entity per source
        assert len({m for m, _e, _r in expected.values()}) > 5  # several groups, not one


def test_the_bound_read_from_first_names_is_never_below_the_names_score() -> None:
    # The neighbourhood skips a block's name when names_could_reach says no: it must never say no to a pair
    # whose names_score reaches the bar.
    from tracker.entities.resolve import names_could_reach, names_score

    names = [
        "Ivo Marek", "I. Marek", "Ivan Marek", "Ivo Markov", "Iwo Marek", "Jan Marek", "Ivo K. Marek",
        "Ivo R. Marek", "Mykola Hnatiuk", "Nikolai Gnatyuk", "Nicholas Hnatiuk", "Olena Hnatiuk", "Oleh Hnatyuk",
        "Dmitry Peskov", "Dmitri Peshkov", "Dmitriy Pesko", "Anna Peskova", "Marek",
    ]  # fmt: skip
    settings = EntitySettings()
    bar = settings.merge_at - settings.shared_title
    for a in names:
        for b in names:
            score = names_score(a, b, settings)
            if score > float("-inf"):
                assert names_could_reach(a, b, score, settings), (a, b, score)
            if score >= bar:
                assert names_could_reach(a, b, bar, settings), (a, b)
    assert not names_could_reach("Ivo Marek", "Jan Marek", bar, settings)  # another first name: no title helps
    assert not names_could_reach("Ivo K. Marek", "Ivo R. Marek", bar, settings)  # middle initials disagree
    assert names_could_reach("Mykola Hnatiuk", "Nikolai Gnatyuk", bar, settings)


def test_a_word_no_article_reads_as_a_persons_joins_a_person_only_as_spelt() -> None:
    """'God' is no spelling of 'Hood', nor 'Web' of 'Webb': a capitalised word typed by nothing may be a surname
    alone only as that person writes it; the same near spelling read as a person's ("Hood said") joins."""
    near = Candidate(9, "Gorvat", "other", ("Gorvat",))
    assert not together(resolve([person(1, "Ilse Horvat"), near]), 1, 9)
    said = Candidate(9, "Gorvat", "person", ("Gorvat",))
    assert together(resolve([person(1, "Ilse Horvat"), said]), 1, 9)


def test_acronyms_join_only_as_written_never_by_a_romanised_key() -> None:
    """Letters are not a word romanised: "NY" is not "NJ", nor "EU" "You", though their keys meet."""
    groups = resolve([Candidate(1, "NY", "place", ("NY",)), Candidate(2, "NJ", "place", ("NJ",))])
    assert not together(groups, 1, 2)
    groups = resolve([Candidate(1, "EU", "organization", ("EU",)), Candidate(2, "You", "other", ("You",))])
    assert not together(groups, 1, 2)
    groups = resolve([Candidate(1, "Kyiv", "place", ("Kyiv",)), Candidate(2, "Kiev", "place", ("Kiev",))])
    assert together(groups, 1, 2)


def test_things_alike_but_for_a_letter_standing_alone_are_two() -> None:
    groups = resolve(
        [Candidate(1, "Group E", "organization", ("Group E",)), Candidate(2, "Group J", "organization", ("Group J",))]
    )
    assert not together(groups, 1, 2)
