"""Spelling-variant explanations, and the alias file's format and errors."""

from __future__ import annotations

import pytest

from tracker.entities.aliasfile import AliasFileError, AliasRow, parse_alias_file, write_alias_file
from tracker.entities.personal import parse
from tracker.entities.variants import Sighting, spelling_variant, spelt_several_ways


def test_a_variant_names_every_spelling_and_its_outlets() -> None:
    flag = spelling_variant(
        3,
        "Oleh Hnatiuk",
        True,
        [
            Sighting("Oleh Hnatiuk", "Daily A", 10),
            Sighting("Hnatiuk", "Daily A", 10),
            Sighting("Oleg Gnatyuk", "Wire B", 20),
            Sighting("Oleh Hnatiuk", "Post C", None),
        ],
    )
    assert flag is not None
    assert flag.explanation == "Oleh Hnatiuk is spelt 2 ways: Oleh Hnatiuk (Daily A, Post C); Oleg Gnatyuk (Wire B)."
    assert flag.claim_ids == (10, 20)


def test_first_names_middle_initials_and_lone_surnames_are_not_variants() -> None:
    seen = [
        Sighting("Maria T. Hollis", "Daily A", None),
        Sighting("Maria Hollis", "Wire B", None),
        Sighting("Hollis", "Wire B", None),
    ]
    assert spelling_variant(1, "Maria Hollis", True, seen) is None


def test_a_lone_surname_in_another_spelling_is_a_variant() -> None:
    seen = [Sighting("Oleh Hnatiuk", "Daily A", None), Sighting("Gnatyuk", "Wire B", None)]
    flag = spelling_variant(1, "Oleh Hnatiuk", True, seen)
    assert flag is not None and "Gnatyuk (Wire B)" in flag.explanation


def test_a_first_word_written_alone_is_no_spelling_of_a_persons_shape() -> None:
    """ "Velmo" beside "Velmo Search", both read as a person's name: the shorter only leaves a word out."""
    seen = [Sighting("Velmo Search", "Daily A", None), Sighting("Velmo", "Daily A", None)]
    assert spelling_variant(1, "Velmo Search", True, seen) is None
    seen.append(Sighting("Velmo Serch", "Wire B", None))
    assert spelling_variant(1, "Velmo Search", True, seen) is not None  # a word spelt otherwise still is


def test_places_compare_their_letters() -> None:
    flag = spelling_variant(1, "Kharkiv", False, [Sighting("Kharkiv", "A", None), Sighting("Kharkov", "B", None)])
    assert flag is not None and flag.forms == ("Kharkiv", "Kharkov")


def test_sightings_counted_together_give_the_flag_of_each_one() -> None:
    """Sightings of several sources written alike, counted (``times``) with where their first claim is
    (``claimed_at``), give what listing each gives: the forms most written, the first claim of each spelling."""
    one_by_one = [
        Sighting("Oleg Gnatyuk", "Wire B", None),
        Sighting("Oleg Gnatyuk", "Post C", 20),
        Sighting("Oleh Hnatiuk", "Daily A", None),
        Sighting("Oleg Gnatiuk", "Wire B", 40),
        Sighting("Oleh Hnatiuk", "Daily A", 11),
        Sighting("Oleg Gnatiuk", "Wire B", None),
        Sighting("Oleg Gnatyuk", "Wire B", 30),
        Sighting("Oleg Gnatiuk", "Post C", 50),
    ]
    counted = [  # in the order the first of each was written
        Sighting("Oleg Gnatyuk", "Wire B", 30, times=2, claimed_at=6),
        Sighting("Oleg Gnatyuk", "Post C", 20, claimed_at=1),
        Sighting("Oleh Hnatiuk", "Daily A", 11, times=2, claimed_at=4),
        Sighting("Oleg Gnatiuk", "Wire B", 40, times=2, claimed_at=3),
        Sighting("Oleg Gnatiuk", "Post C", 50, claimed_at=7),
    ]
    flag = spelling_variant(3, "Oleh Hnatiuk", True, counted)
    assert flag == spelling_variant(3, "Oleh Hnatiuk", True, one_by_one)
    assert flag is not None and flag.claim_ids == (40, 20, 11)  # Gnatiuk, Gnatyuk (3 each), Hnatiuk (2)
    assert "Oleg Gnatyuk (Post C, Wire B)" in flag.explanation


def test_alias_file_round_trips() -> None:
    text = write_alias_file([("Oleh Hnatiuk", "person", "Oleg Gnatyuk", "is", "alias")])
    assert text.splitlines()[0] == "entity,type,alias,relation,origin"
    assert parse_alias_file(text) == [AliasRow("Oleh Hnatiuk", "person", "Oleg Gnatyuk", True)]


def test_alias_file_defaults_and_negative_rows() -> None:
    rows = parse_alias_file("entity,alias,relation\nOleh Hnatiuk,O. Hnat,is not\nKharkiv,Kharkov,\n")
    assert rows == [AliasRow("Oleh Hnatiuk", None, "O. Hnat", False), AliasRow("Kharkiv", None, "Kharkov", True)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,alias\nA,B\n", r"line 1: missing column\(s\) entity"),
        ("entity,alias\nA,\n", "line 2: entity and alias must both be given"),
        ("entity,alias,relation\nA,B,maybe\n", "line 2: relation 'maybe' must be 'is' or 'is not'"),
        ("entity,type,alias\nA,person,C\nD,robot,E\n", "line 3: type 'robot' is not one of"),
    ],
)
def test_alias_file_errors_name_the_line(text: str, message: str) -> None:
    with pytest.raises(AliasFileError, match=message):
        parse_alias_file(text)


@pytest.mark.parametrize(
    ("name", "first", "surname"),
    [
        ("De Vries", None, "De Vries"),  # a particle opening a surname written alone, capitalised as it then is
        ("Van der Berg", None, "Van der Berg"),
        ("Di Lauro", None, "Di Lauro"),
        ("Annelies de Vries", "Annelies", "de Vries"),
        ("Van Marek", "Van", "Marek"),  # "Van", "Al", "Ben" open given names as often
        ("Al Kovac", "Al", "Kovac"),
    ],
)
def test_a_surname_written_alone_with_its_particle(name: str, first: str | None, surname: str) -> None:
    parsed = parse(name)
    assert (parsed.first, parsed.surname) == (first, surname)


@pytest.mark.parametrize(
    "written",
    [
        {"Jakob von Lindt": 2, "von Lindt": 1},  # the surname alone, particle and all
        {"Annelies de Vrel": 1, "De Vrel": 2},
        {"Rashid al-Marek": 1, "Marek": 1},  # or without its particle
        {"Luiz da Sorel": 1, "Sorel": 1},
    ],
)
def test_a_surname_alone_is_no_spelling_of_its_own(written: dict[str, int]) -> None:
    assert not spelt_several_ways(True, written)
    assert spelt_several_ways(True, {**written, "Sorrel": 1, "Marec": 1})  # another spelling still is one


@pytest.mark.parametrize(
    "written",
    [
        {"the Varnel Accord": 2, "Varnel Accord": 1},  # the article a sentence puts before a name
        {"Orvane Health Agency": 3, "OHA": 2},  # an abbreviation, not a spelling
        {"Talvik Keyboard": 1, "Talvik Keyboards": 1},  # a name and its plural
    ],
)
def test_articles_abbreviations_and_plurals_are_no_spellings_of_a_body(written: dict[str, int]) -> None:
    assert not spelt_several_ways(False, written)
    assert spelt_several_ways(False, {**written, "Varnell Accord": 1, "Orvan Health Agency": 1, "Talvic Keyboard": 1})


def test_a_body_named_with_words_added_or_left_out_is_not_spelt_another_way() -> None:
    assert not spelt_several_ways(False, {"Varnel Group": 2, "Varnel Group East": 1, "Varnel": 1})
    assert spelt_several_ways(False, {"Kharkiv": 2, "Kharkiv Oblast": 1, "Kharkov": 1})
    # a person's name and the acronym of a body typed as a person are no spellings of one another either
    assert not spelt_several_ways(True, {"Orvane Space Systems": 2, "OSS": 1})


def test_an_initial_of_the_first_name_and_an_abbreviation_alone_are_no_spellings() -> None:
    assert not spelt_several_ways(True, {"Benedek Orsolya": 2, "B. K. Orsolya": 1})
    assert spelt_several_ways(True, {"Benedek Orsolya": 2, "B. K. Orsolya": 1, "Benedyk Orsolya": 1})
    assert not spelt_several_ways(False, {"Velmora": 2, "DRV": 1})  # "Congo" and "DRC"
