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


POLISH = (
    "Rada miejska Białegostoku zatwierdziła w środę plan budowy nowego mostu na rzece. "
    "Prezydent miasta powiedział, że prace rozpoczną się wiosną i potrwają dwa lata.\n"
)
CZECH = (
    "Městská rada v úterý schválila plán výstavby nového mostu přes řeku. "
    "Starosta řekl, že práce začnou na jaře a potrvají dva roky.\n"
)
JAPANESE = "市議会は水曜日、川に新しい橋を建設する計画を承認した。市長は、工事は春に始まり二年間続くと述べた。\n"


@pytest.mark.parametrize(
    ("text", "codec", "name"),
    [
        (RUSSIAN, "koi8_r", "koi8-r"),
        (RUSSIAN, "iso8859_5", "iso8859-5"),
        (POLISH, "iso8859_2", "iso8859-2"),
        (POLISH, "cp1250", "cp1250"),
        (CZECH, "iso8859_2", "iso8859-2"),
        (CZECH, "cp1250", "cp1250"),
        (JAPANESE, "shift_jis", "cp932"),
        (JAPANESE, "euc_jp", None),
    ],
    ids=["koi8-r", "iso8859-5", "polish-latin2", "polish-cp1250", "czech-latin2", "czech-cp1250", "sjis", "eucjp"],
)
def test_unlabelled_encodings_are_detected(text: str, codec: str, name: str | None) -> None:
    decoded = decode_bytes((text * 2).encode(codec))
    assert decoded.text == text * 2
    if name is not None:
        assert decoded.encoding == name
    assert len(decoded.encoding) <= 20


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
    ids=["utf16le", "utf16be", "utf32le", "utf32be"],
)
def test_utf16_and_utf32_with_a_bom_are_text_not_binary(bom: bytes, codec: str, name: str) -> None:
    text = "Velmora council approves ferry terminal.\r\nМэр сказал: «весной».\r\n"
    decoded = decode_bytes(bom + text.encode(codec))
    assert decoded.text == text.replace("\r\n", "\n")
    assert decoded.encoding == name


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_recognised_by_where_its_nul_bytes_fall(codec: str) -> None:
    decoded = decode_bytes((RUSSIAN + FRENCH).encode(codec))
    assert decoded.text == RUSSIAN + FRENCH
    assert decoded.encoding == codec


def test_utf8_with_one_stray_byte_stays_utf8_with_the_byte_replaced() -> None:
    text = "Mayor Ilse Drømmond opened the café — and the crowd cheered “loudly”.\n" * 3
    raw = text.encode("utf-8")
    cut = raw.index(b"crowd")
    decoded = decode_bytes(raw[:cut] + b"\xe9" + raw[cut:])  # a Latin-1 é pasted into a UTF-8 file
    assert decoded.text == text[: text.index("crowd")] + "\ufffd" + text[text.index("crowd") :]
    assert decoded.encoding == "utf-8 (repaired)"
    assert "Ã" not in decoded.text  # not re-read as Latin-1 mojibake


def test_ascii_with_one_latin1_byte_is_latin1() -> None:
    decoded = decode_bytes(b"The bridge opened on Monday\xa0morning, the mayor said.\n")
    assert decoded.text == "The bridge opened on Monday\xa0morning, the mayor said.\n"


def test_nul_after_the_binary_probe_is_replaced_one_for_one() -> None:
    text = "The council met on Monday. " * 400  # past the 8 KB probed for binary
    decoded = decode_bytes(text.encode("utf-8") + b"ab\x00cd\n")
    assert "\x00" not in decoded.text
    assert decoded.text == text + "ab\ufffdcd\n"


def _page(charset_tag: str, body: str) -> str:
    return f"<html><head>{charset_tag}<title>Мост</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    "tag",
    [
        '<meta charset="windows-1251">',
        "<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>",
    ],
    ids=["meta-charset", "http-equiv"],
)
def test_html_declared_charset_is_honoured(tag: str) -> None:
    html = _page(tag, RUSSIAN)
    decoded = decode_bytes(html.encode("cp1251"), html=True)
    assert decoded.text == html
    assert decoded.encoding == "cp1251"


def test_declared_charset_is_what_tells_koi8_from_windows_1251() -> None:
    html = _page('<meta charset="koi8-r">', "Мэр.")  # too short to tell by the letters alone
    assert decode_bytes(html.encode("koi8_r"), html=True).text == html


def test_a_charset_python_does_not_know_is_ignored() -> None:
    html = _page('<meta charset="x-no-such-charset">', RUSSIAN)
    decoded = decode_bytes(html.encode("cp1251"), html=True)
    assert decoded.text == html
    assert decoded.encoding == "cp1251"


def test_valid_utf8_wins_over_a_stale_meta_charset() -> None:
    html = _page('<meta charset="windows-1251">', RUSSIAN)
    decoded = decode_bytes(html.encode("utf-8"), html=True)
    assert decoded.text == html
    assert decoded.encoding == "utf-8"


def test_meta_charset_is_not_read_in_plain_text() -> None:
    text = 'Write <meta charset="koi8-r"> in the page head. ' + RUSSIAN
    assert decode_bytes(text.encode("cp1251")).encoding == "cp1251"
