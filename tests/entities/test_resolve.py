"""Resolution across sources: romanisations join, look-alikes stay apart, editors win, ids stay stable."""

from __future__ import annotations

from tracker.config import EntitySettings
from tracker.entities.personal import parse
from tracker.entities.resolve import Assertion, Candidate, resolve, score_people


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
