"""Decode article bytes into text.

In order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; then strict UTF-8; then, for HTML, the charset the
page declares (``<meta charset>``, ``http-equiv`` content type, XML declaration) when Python knows it; then a
file that is UTF-8 but for a stray bad byte or two is read as UTF-8 with those bytes replaced (U+FFFD); then
unlabelled bytes are read in each plausible encoding (ours and charset_normalizer's guesses) and the reading
whose non-ASCII characters form the most ordinary words wins.

Newlines are normalised the way Python's text mode reads a file (\\r\\n and \\r become \\n), so that offsets
into the stored text equal offsets into ``open(path, encoding=...).read()``. A NUL character left in the text
becomes U+FFFD, one character for one, so offsets hold and SQLite and PostgreSQL (whose text cannot hold NUL)
store the same thing.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from tracker.config import DECODE, DecodeSettings
from tracker.errors import TrackerError


class DecodeError(TrackerError, ValueError):
    """The bytes are not a text article (empty, binary, or undecodable)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # what was used, short (the stored column holds 20 characters)


_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
REPAIRED = " (repaired)"  # appended to the encoding when undecodable bytes were replaced by U+FFFD

# The charset a page declares, in its first bytes (as browsers look for it).
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml\b[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
# Labels browsers read as a superset (WHATWG Encoding Standard); pages labelled so are written in the superset.
_LABEL_SUPERSETS = {
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
}

# Unlabelled single-byte text: our candidates, in the order that wins a tie (the commonest first; Latin-1 before
# Windows-1252 so a file without bytes 0x80-0x9F keeps the plainer name; Latin-2 before Windows-1250, whose
# Central European files nearly always use 0x8A-0x9F, which Latin-2 reads as control characters).
_CANDIDATES = ("latin-1", "cp1252", "cp1251", "iso8859-2", "cp1250", "koi8-r", "koi8-u", "iso8859-5")
_NAMES = {"iso8859-1": "latin-1"}  # the name this module has always stored

_NON_ASCII_WORD = re.compile(r"\S*[^\x00-\x7f]\S*")
# Signs that a wrong single-byte reading puts inside words (not CJK punctuation, which stands beside letters).
_SYMBOLS = frozenset(("So", "Sm", "Sk", "Sc", "No", "Po"))
_OPENERS = frozenset("¿¡")  # Spanish marks that open a word


def decode_bytes(raw: bytes, html: bool = False, settings: DecodeSettings = DECODE) -> Decoded:
    """Decode raw file bytes (``html``: also honour the charset the page declares).

    Raises DecodeError with a short reason for input that is not text.
    """
    decoded = _decode(raw, html, settings)
    text = _normalise_newlines(decoded.text).replace("\x00", "\ufffd")
    if not text.replace("\ufeff", "").strip():
        raise DecodeError("empty file")
    return Decoded(text, decoded.encoding)


def _decode(raw: bytes, html: bool, settings: DecodeSettings) -> Decoded:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            body = raw[len(bom) :]
            if not body.strip(b"\x00 \t\r\n"):  # a bare BOM is what editors save for an empty file
                raise DecodeError("empty file")
            return _decode_as(body, codec.removesuffix("-sig"), settings, name=codec) or _undecodable(codec)
    if not raw.strip():
        raise DecodeError("empty file")
    if b"\x00" in raw[: settings.binary_probe_bytes]:
        wide = _utf16_or_32(raw, settings)
        if wide is None:
            raise DecodeError("binary file (NUL bytes), not a text article")
        return wide
    declared = _declared_codec(raw) if html else None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Valid UTF-8 with non-ASCII characters is UTF-8 whatever an old <meta> still says; all-ASCII bytes
        # read the same in nearly every encoding, except the 7-bit ones a page may declare (ISO-2022-JP).
        if raw.isascii() and b"\x1b" in raw:  # escape sequences of a 7-bit East Asian encoding
            for codec in ("iso2022_jp_2", "iso2022_kr"):
                found = _decode_as(raw, codec, settings)
                if found is not None and found.text != text and "\x1b" not in found.text:
                    return found
        if declared is None or not raw.isascii():
            return Decoded(text, "utf-8")
        found = _decode_as(raw, declared, settings)
        return found if found is not None and found.text != text else Decoded(text, "utf-8")
    if declared is not None:
        found = _decode_as(raw, declared, settings)
        if found is not None:
            return found
    mostly_utf8 = _mostly_utf8(raw, settings)
    if mostly_utf8 is not None:
        return mostly_utf8
    return _detect(raw, settings)


def _decode_as(raw: bytes, codec: str, settings: DecodeSettings, name: str | None = None) -> Decoded | None:
    """``raw`` in ``codec``; a few undecodable bytes are replaced; None when it is not that encoding."""
    label = name or _short_name(codec)
    try:
        return Decoded(raw.decode(codec), label)
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    text = raw.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if bad / max(1, sum(1 for ch in text if ord(ch) > 0x7F)) > settings.max_replaced_share:
        return None
    return Decoded(text, label + REPAIRED if len(label + REPAIRED) <= 20 else label)


def _undecodable(codec: str) -> Decoded:
    raise DecodeError(f"starts with a {codec} byte-order mark but is not {codec} text")


def _declared_codec(raw: bytes) -> str | None:
    """The Python codec of the charset the page declares in its first bytes, if Python knows it."""
    head = raw[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    label = _LABEL_SUPERSETS.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name.startswith(("utf-16", "utf-32")):
        return None  # base64 and the like; a UTF-16 label on bytes that are not UTF-16 (browsers use UTF-8)
    return info.name


def _mostly_utf8(raw: bytes, settings: DecodeSettings) -> Decoded | None:
    """UTF-8 but for a stray bad byte or two: many valid multi-byte characters, few invalid sequences."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    valid = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if valid and (bad / (valid + bad) <= settings.max_bad_utf8_share or bad <= min(valid, settings.max_stray_bad_utf8)):
        return Decoded(text, "utf-8" + REPAIRED)
    return None


def _utf16_or_32(raw: bytes, settings: DecodeSettings) -> Decoded | None:
    """UTF-16 or UTF-32 without a byte-order mark: NUL bytes fall in the same places of every character."""
    probe = raw[: settings.binary_probe_bytes]
    units = len(probe) // 4 * 4
    if units < 8:
        return None
    nul = [probe[i:units:4].count(0) / (units // 4) for i in range(4)]  # share of NUL at each offset mod 4
    high, low = settings.wide_nul_share, settings.wide_stray_nul_share
    if len(raw) % 4 == 0 and min(nul[1], nul[2], nul[3]) >= high and nul[0] <= low:
        options = ["utf-32-le"]
    elif len(raw) % 4 == 0 and min(nul[0], nul[1], nul[2]) >= high and nul[3] <= low:
        options = ["utf-32-be"]
    elif len(raw) % 2 == 0 and min(nul[1], nul[3]) >= high and max(nul[0], nul[2]) <= low:
        options = ["utf-16-le"]
    elif len(raw) % 2 == 0 and min(nul[0], nul[2]) >= high and max(nul[1], nul[3]) <= low:
        options = ["utf-16-be"]
    else:
        return None
    for codec in options:
        found = _decode_as(raw, codec, settings)
        if found is not None and _control_share(found.text) <= settings.max_control_share:
            return found
    return None


def _detect(raw: bytes, settings: DecodeSettings) -> Decoded:
    """Unlabelled bytes: the reading, among ours and charset_normalizer's guesses, with the least mess."""
    candidates = list(_CANDIDATES)
    for guess in _charset_normalizer_guesses(raw):
        if guess not in candidates:
            candidates.append(guess)
    readings: list[tuple[float, Decoded]] = []
    for codec in candidates:
        try:
            text = raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        readings.append((_mess(text, settings), Decoded(text, _short_name(codec))))
    if not readings:  # cannot happen while Latin-1 is a candidate; kept so the reason is clear if it goes
        raise DecodeError("undecodable: not UTF-8 nor any encoding tried")
    least = min(score for score, _ in readings)
    tied: dict[str, Decoded] = {}
    for score, reading in readings:  # in candidate order: the first of equal texts keeps its name
        if score <= least + settings.mess_tie:
            tied.setdefault(reading.text, reading)
    best = _likeliest_language(list(tied.values()), settings) if len(tied) > 1 else next(iter(tied.values()))
    if _control_share(best.text) > settings.max_control_share:
        raise DecodeError("binary file (control characters), not a text article")
    return best


def _likeliest_language(readings: list[Decoded], settings: DecodeSettings) -> Decoded:
    """Readings that look equally clean (Czech "ě" or Italian "ì"?): the one whose words read most like the
    page's language.

    The language identifier names the language of the first reading's text (the letters the readings share
    carry it); each other reading is then compared with the first on the words where the two differ, and
    replaces it only when those words are likelier to be that language by a margin.
    """
    from tracker.clean.language import identify, probability  # the identifier loads only for files that need it

    code, _ = identify(readings[0].text[: settings.max_chars_identified])
    best, best_gain = readings[0], settings.language_margin
    for other in readings[1:]:
        mine, theirs = _differing_words(readings[0].text, other.text, settings.max_words_identified)
        gain = probability(theirs, code) - probability(mine, code)
        if gain > best_gain:
            best, best_gain = other, gain
    return best


def _differing_words(first: str, second: str, limit: int) -> tuple[str, str]:
    """The words where two readings differ (or, when their words do not align, their non-ASCII words)."""
    a, b = first.split(), second.split()
    if len(a) != len(b):
        return " ".join(_NON_ASCII_WORD.findall(first)[:limit]), " ".join(_NON_ASCII_WORD.findall(second)[:limit])
    where = [i for i in range(len(a)) if a[i] != b[i]][:limit]
    return " ".join(a[i] for i in where), " ".join(b[i] for i in where)


def _charset_normalizer_guesses(raw: bytes) -> list[str]:
    """Python codec names charset_normalizer finds plausible, best first (multi-byte Asian encodings too)."""
    from charset_normalizer import from_bytes  # imported here: only undeclared, non-UTF-8 files need it

    try:
        matches = from_bytes(raw)
    except Exception:  # a detector's failure must not stop ingest: our own candidates remain
        return []
    names = []
    for match in matches:
        try:
            names.append(codecs.lookup(match.encoding).name)
        except LookupError:
            continue
    return names[:8]


def _mess(text: str, settings: DecodeSettings) -> float:
    """How much the non-ASCII characters of a reading look like mojibake, per word that holds any.

    A wrong single-byte reading turns letters into symbols inside words (Polish "był" read as Latin-1 is
    "by³"), into control characters, into runs of accented capitals (Russian read as Latin-1), into words of
    two scripts, or flips their case in mid-word (KOI8-R read as Windows-1251).
    """
    words = _NON_ASCII_WORD.findall(text)[: settings.max_words_scored]
    if not words:
        return 0.0
    mess = 0
    for word in words:
        scripts = set()
        latin_run = 0
        for index, ch in enumerate(word):
            previous = word[index - 1] if index else ""
            following = word[index + 1] if index + 1 < len(word) else ""
            category = unicodedata.category(ch)
            if ch == "\ufffd" or category in ("Cc", "Co"):
                mess += 3
            elif 0x3130 <= ord(ch) <= 0x318F:  # lone Hangul jamo: other East Asian bytes read as Korean
                mess += 1
            elif 0x7F < ord(ch) < 0x3000 and category in _SYMBOLS and (previous.isalpha() or following.isalpha()):
                mess += 0 if ch in _OPENERS and not previous.isalpha() else 1
            if not ch.isalpha():
                latin_run = 0
                continue
            scripts.add(_script(ch))
            if previous.isalpha() and previous.islower() and ch.isupper() and max(ord(previous), ord(ch)) > 0x7F:
                mess += 1
            latin_run = latin_run + 1 if 0xC0 <= ord(ch) <= 0x24F else 0
            if latin_run == 3:
                mess += 1
        if len(scripts - {"other"}) > 1:
            mess += 1
    return mess / len(words)


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x250:
        return "latin"
    if 0x370 <= code < 0x400:
        return "greek"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    return "other"


def _short_name(codec: str) -> str:
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        name = codec
    return _NAMES.get(name, name)[:20]


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0x7F <= ord(ch) <= 0x9F)
    return controls / max(1, len(text))


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
