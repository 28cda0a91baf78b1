"""Spelling-variant explanations, and the alias file's format and errors."""

from __future__ import annotations

import pytest

from tracker.entities.aliasfile import AliasFileError, AliasRow, parse_alias_file, write_alias_file
from tracker.entities.variants import Sighting, spelling_variant


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


def test_places_compare_their_letters() -> None:
    flag = spelling_variant(1, "Kharkiv", False, [Sighting("Kharkiv", "A", None), Sighting("Kharkov", "B", None)])
    assert flag is not None and flag.forms == ("Kharkiv", "Kharkov")


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
