"""Spelling keys: romanisations of one name meet, different names stay apart."""

from __future__ import annotations

import pytest

from tracker.entities.romanise import blocking_keys, similarity, spelling_key, thing_key, to_latin


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hnatiuk", "Gnatyuk"),  # Ukrainian h / Russian g, iu / yu
        ("Serhiy", "Sergii"),  # h/g, iy/ii ending
        ("Yevhen", "Evgen"),  # ye / e
        ("Kovalenko", "Kowalenko"),  # German and Polish w
        ("Shevchuk", "Schewtschuk"),  # German sch / tsch
        ("Zhuravel", "Zhuravell"),  # a doubled letter
        ("Bilenkyy", "Bilenkiy"),  # -yy / -iy endings
        ("Andrij", "Andriy"),  # j for й
    ],
)
def test_romanisations_share_a_key(a: str, b: str) -> None:
    assert spelling_key(a) == spelling_key(b)
    assert similarity(a, b) == 1.0


def test_other_scripts_are_transliterated_first() -> None:
    assert to_latin("Олександр Ткаченко") == "Oleksandr Tkachenko"
    assert spelling_key("Ткаченко") == spelling_key("Tkachenko")
    assert to_latin("Zoë Brûlé") == "Zoe Brule"


def test_digraphs_for_different_letters_differ() -> None:
    assert spelling_key("Khmara") != spelling_key("Chmara")


def test_one_extra_letter_is_close_but_not_the_same_key() -> None:
    assert spelling_key("Lysenko") != spelling_key("Lysenkov")
    assert 0.88 <= similarity("Lysenko", "Lysenkov") < 1.0


def test_different_surnames_score_low() -> None:
    assert similarity("Tkachenko", "Melnyk") < 0.5
    assert similarity("Lytvak", "Lytvakenko") < 0.88


def test_blocking_keys_let_one_letter_variants_meet() -> None:
    assert blocking_keys("Pavlov") & blocking_keys("Pashlov")
    assert not blocking_keys("Pavlov") & blocking_keys("Hnatiuk")


def test_short_names_block_on_the_whole_key() -> None:
    assert "=" + spelling_key("Li") in blocking_keys("Li")
    assert not blocking_keys("Li") & blocking_keys("Lu")


def test_names_of_things_fold_word_by_word_without_the() -> None:
    assert thing_key("the Dnipro") == thing_key("Dnipro")
    assert thing_key("Kyivska Oblast") == thing_key("Kievska oblast")
