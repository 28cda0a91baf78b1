"""tracker.clean.language: a page's main language, never guessed from too little text."""

from __future__ import annotations

import pytest

from tracker.clean.language import main_language, paragraphs

GERMAN = (
    "Der Bürgermeister von Lindenau sagte am Montag, die neue Brücke über den Fluss werde im Frühjahr eröffnet.\n\n"
    "Die Bauarbeiten hätten länger gedauert als geplant, weil das Hochwasser im Herbst die Baustelle überflutet "
    "habe. Die Kosten seien dennoch im Rahmen geblieben, teilte die Stadtverwaltung mit.\n"
)
HUNGARIAN = (
    "A városi tanács szerdán jóváhagyta az új híd építésének tervét a folyó felett.\n\n"
    "A polgármester szerint a munkálatok tavasszal kezdődnek, és körülbelül két évig tartanak majd, "
    "a költségeket pedig az állami költségvetés fedezi. A lakók örülnek az új hídnak.\n"
)
JAPANESE = (
    "市議会は水曜日、川に新しい橋を建設する計画を承認した。市長は、工事は春に始まり二年間続くと述べた。"
    "費用は国の予算で賄われる見通しで、地元の住民からは歓迎の声が上がっている。\n" * 3
)
INDONESIAN = (
    "Dewan kota menyetujui rencana pembangunan jembatan baru di atas sungai pada hari Rabu. "
    "Wali kota mengatakan pekerjaan akan dimulai pada musim hujan dan berlangsung sekitar dua tahun. "
    "Biaya pembangunan akan ditanggung oleh anggaran negara, dan warga setempat menyambut baik rencana itu. "
    "Jangan sampai jembatan lama dibiarkan rusak, kata seorang warga kepada wartawan.\n"
)
ENGLISH = (
    "The council of Lindenau approved the new bridge on Monday, and the mayor said that work would begin in "
    "spring. The bridge is expected to open in two years, and it will carry both trams and cyclists.\n"
)


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (HUNGARIAN, "hu"), (JAPANESE, "ja")])
def test_long_text_in_another_language_is_foreign(text: str, code: str) -> None:
    language = main_language(text)
    assert language.code == code
    assert language.foreign


def test_close_languages_splitting_the_identifier_still_rule_out_english() -> None:
    # Indonesian and Malay share the identifier's belief, neither at its confidence: English is ruled out all
    # the same, so the page makes no claims
    language = main_language(INDONESIAN)
    assert language.code == "id"
    assert language.confidence < 0.9
    assert language.foreign


def test_english_is_english() -> None:
    language = main_language(ENGLISH)
    assert language.code == "en"
    assert not language.foreign


def test_short_foreign_text_is_not_called_foreign() -> None:
    language = main_language("Die Brücke wird im Frühjahr eröffnet.")
    assert not language.foreign
    assert language.code is None


def test_english_page_quoting_another_language_at_length_stays_english() -> None:
    assert main_language(ENGLISH + GERMAN[:150] + "\n" + ENGLISH).code == "en"


def test_paragraphs_are_the_non_empty_lines_as_exact_spans() -> None:
    text = "  Erster Absatz.  \n\n\nZweiter Absatz.\n"
    spans = paragraphs(text)
    assert [s.of(text) for s in spans] == ["Erster Absatz.", "Zweiter Absatz."]
    assert spans[1].start == text.index("Zweiter")
