"""tracker.ingest.decode: bytes on disk -> the text every offset points into."""

from __future__ import annotations

import codecs

import pytest

from tracker.ingest import DecodeError, decode_bytes

RUSSIAN = (
    "Городской совет Белозёрска в среду утвердил план строительства нового моста через реку.\n"
    "Мэр Анна Ершова заявила, что работы начнутся весной и продлятся два года.\n"
)
FRENCH = "L'équipe de Montclaire a gagné le championnat régional après une saison très réussie à l'été.\n"
GERMAN = "Der Bürgermeister von Lindenau sagte, die Brücke über den Fluss werde im Frühjahr eröffnet. Größe!\n"


def test_utf8_is_decoded_as_utf8() -> None:
    text = "Mayor Ilse Drømmond opened the café — and the crowd cheered “loudly”.\n"
    decoded = decode_bytes(text.encode("utf-8"))
    assert decoded.text == text
    assert decoded.encoding == "utf-8"


def test_utf8_bom_is_stripped_and_offsets_match_text_mode_read(tmp_path) -> None:
    text = "Velmora council approves ferry terminal.\nThe vote was seven to two.\n"
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    decoded = decode_bytes(path.read_bytes())
    assert decoded.text == text
    assert not decoded.text.startswith("\ufeff")
    assert decoded.encoding == "utf-8-sig"
    # Offsets into the stored text equal offsets into the file as Python reads it.
    read_back = path.read_text(encoding="utf-8-sig")
    start = decoded.text.index("The vote")
    assert read_back[start : start + 8] == "The vote"


def test_cp1251_russian_is_decoded_to_cyrillic() -> None:
    decoded = decode_bytes(RUSSIAN.encode("cp1251"))
    assert decoded.encoding == "cp1251"
    assert decoded.text == RUSSIAN
    assert "Белозёрска" in decoded.text


@pytest.mark.parametrize("text", [FRENCH, GERMAN], ids=["french", "german"])
def test_latin1_accents_are_decoded(text: str) -> None:
    decoded = decode_bytes(text.encode("latin-1"))
    assert decoded.encoding == "latin-1"
    assert decoded.text == text


def test_windows_1252_punctuation_is_not_turned_into_control_characters() -> None:
    # Curly apostrophes, guillemets, dashes and the euro sign live in 0x80-0x9F in Windows-1252; read as
    # Latin-1 they would become invisible C1 control characters in the stored text.
    text = "L’été à Montclaire — « une saison réussie », a dit la maire. Le billet coûte 5 €.\n"
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"
    assert not any(0x80 <= ord(ch) <= 0x9F for ch in decoded.text)


def test_english_with_a_russian_quote_in_cp1251_stays_cyrillic() -> None:
    text = "The mayor, Anna Yershova, said: «Мы построим новый мост через реку весной».\n"
    decoded = decode_bytes(text.encode("cp1251"))
    assert decoded.text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_newlines_are_normalised(newline: str) -> None:
    lines = ["First line of the article.", "Second line of the article.", ""]
    decoded = decode_bytes(newline.join(lines).encode("utf-8"))
    assert decoded.text == "First line of the article.\nSecond line of the article.\n"
    assert "\r" not in decoded.text


def test_crlf_is_normalised_in_single_byte_files_too() -> None:
    decoded = decode_bytes(RUSSIAN.replace("\n", "\r\n").encode("cp1251"))
    assert decoded.text == RUSSIAN


@pytest.mark.parametrize("raw", [b"", b"   \n\r\n\t ", codecs.BOM_UTF8 + b"\n"], ids=["empty", "blank", "bom"])
def test_empty_file_is_rejected(raw: bytes) -> None:
    with pytest.raises(DecodeError, match="empty"):
        decode_bytes(raw)


def test_binary_file_with_nul_bytes_is_rejected() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(png)


def test_binary_file_of_control_characters_is_rejected() -> None:
    raw = bytes(b for b in range(1, 256) if b not in (9, 10, 13)) * 20  # no NUL, not UTF-8
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(raw)
