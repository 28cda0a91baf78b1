"""Names across systems and conventions: invented names rendered by every published system meet; others don't."""

from __future__ import annotations

import pytest

from tests.entities.name_pairs import distinct_pairs, same_pairs
from tracker.entities.personal import first_names_agree, parse
from tracker.entities.resolve import Candidate, resolve
from tracker.entities.romanise import blocking_keys, spelling_key


def together(a: str, b: str) -> bool:
    groups = resolve([Candidate(1, a, "person", (a,), (), True), Candidate(2, b, "person", (b,), (), True)])
    return any(1 in g.members and 2 in g.members for g in groups)


def test_renderings_of_invented_names_under_every_system_mostly_meet() -> None:
    pairs = same_pairs()
    found = [p for p in pairs if together(*p)]
    assert len(pairs) >= 60
    assert len(found) >= 78  # measured 78/82: German sh for ж and ISO 9 h for х without other marks are missed


def test_distinct_invented_people_stay_apart() -> None:
    pairs = distinct_pairs()
    apart = [p for p in pairs if not together(*p)]
    assert len(pairs) >= 20
    assert len(apart) >= 20  # measured 20/22: a dropped letter with the same first name still joins (by design)


@pytest.mark.parametrize("spelling", ["Chtchoukine", "Schtschukin", "Szczukin", "Shchukin", "Ščukin", "Ŝukin", "Щукин"])
def test_one_surname_under_every_system_has_one_key(spelling: str) -> None:
    assert spelling_key(spelling) == spelling_key("Shchukin")


def test_marked_letters_meet_their_digraphs() -> None:
    assert spelling_key("Šaróv") == spelling_key("Sharov")
    assert spelling_key("Čornyj") == spelling_key("Chornyi")
    assert spelling_key("Žukova") == spelling_key("Zhukova")
    assert blocking_keys("Xarkov") & blocking_keys("Kharkov")
    assert blocking_keys("Jakovenko") & blocking_keys("Yakovenko")


def test_particles_are_not_the_surname() -> None:
    assert together("Hassan al-Rahimi", "Hasan Al Rahimi")
    assert together("Hassan al-Rahimi", "Hassan Alrahimi")
    assert together("Jan van der Bergmoor", "Jan Vanderbergmoor")
    assert parse("Hassan al-Rahimi").surname_key == parse("Hassan Rahimi").surname_key


def test_own_scripts_meet_their_latin_forms() -> None:
    assert together("Сергей Щукарев", "Sergei Shchukarev")
    assert together("حسن الرحيمي", "Hassan al-Rahimi")
    assert together("李明华", "Li Minghua")
    assert not together("李明华", "Li Minghai")


def test_given_name_equivalents() -> None:
    assert first_names_agree("Mykola", "Nicholas", 0.8) == "equivalent"
    assert first_names_agree("Bill", "William", 0.8) == "equivalent"
    assert first_names_agree("Alexander", "Alexandra", 0.8) == "different"
    assert first_names_agree("Yevhen", "Yevheniya", 0.8) == "different"
    assert not together("Tom Wexbridge", "William Wexbridge")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tom Dravecky", "Thomas Dravecky"),
        ("Mykola Dravecky", "Nikolai Dravecky"),
        ("Hryhoriy Dravecky", "Grigory Dravecky"),
    ],
)
def test_given_name_equivalents_of_one_person_meet(a: str, b: str) -> None:
    assert first_names_agree(a.split()[0], b.split()[0], 0.8) in {"same", "equivalent"}
    assert together(a, b)
    assert not together(a, b.replace(b.split()[0], "William"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ayşe Kılıçoğlu", "Ayse Kilicoglu"),  # ş, ı, ç, ğ
        ("Émile Varrault", "Emile Varrault"),  # é
        ("Omar ibn Rashadi", "Omar Rashadi"),
        ("Khalid bin Saudan", "Khalid Saudan"),
        ("Ali el-Masrawi", "Ali al-Masrawi"),
    ],
)
def test_diacritics_and_particles_of_one_name_meet(a: str, b: str) -> None:
    assert together(a, b)


def body(i: int, name: str, *forms: str, kind: str = "organization") -> Candidate:
    return Candidate(i, name, kind, (name, *forms), (), True)


def both(groups, a: int, b: int) -> bool:
    return any(a in g.members and b in g.members for g in groups)


def test_an_acronym_alone_joins_the_one_body_it_abbreviates() -> None:
    full = body(1, "National Anti-Corruption Bureau of Ukraine")
    written = body(2, "Bureau of Grain Export Control", "BGEC")
    groups = resolve([full, written, body(3, "NABU"), body(4, "BGEC")])
    assert both(groups, 1, 3) and both(groups, 2, 4)
    ambiguous = resolve([body(1, "Grain Export Board"), body(2, "Green Energy Bank"), body(3, "GEB")])
    assert not both(ambiguous, 1, 3) and not both(ambiguous, 2, 3)
    place = resolve([body(1, "United Kingdom", kind="place"), body(3, "UK")])
    assert not both(place, 1, 3)


def test_an_acronym_with_stops_is_the_acronym_without_and_may_stand_for_a_place() -> None:
    groups = resolve([Candidate(1, "U.V.", "place", ("U.V.",)), Candidate(2, "UV", "organization", ("UV",))])
    assert both(groups, 1, 2)  # "U.S." and "US"
    dotted = resolve([body(1, "United Velmora", kind="place"), Candidate(2, "U.V.", "place", ("U.V.",))])
    assert both(dotted, 1, 2)
    bare = resolve([body(1, "Korvast Avenue", kind="place"), Candidate(2, "KA", "organization", ("KA",))])
    assert not both(bare, 1, 2)  # two bare capitals beside a street's name may stand for anything
