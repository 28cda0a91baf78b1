"""Decode article bytes into text: UTF-8 (with or without BOM), else Windows-1251, Windows-1252 or Latin-1.

Newlines are normalised the way Python's text mode reads a file (\\r\\n and \\r become \\n), so that offsets
into the stored text equal offsets into ``open(path, encoding=...).read()``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from tracker.errors import TrackerError


class DecodeError(TrackerError, ValueError):
    """The bytes are not a text article (empty, binary, or undecodable)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")


def decode_bytes(raw: bytes) -> Decoded:
    """Decode raw file bytes; raise DecodeError with a short reason for non-text input."""
    if not raw.removeprefix(codecs.BOM_UTF8).strip():  # a bare BOM is what editors save for an empty file
        raise DecodeError("empty file")
    if b"\x00" in raw[:8192]:
        raise DecodeError("binary file (NUL bytes), not a text article")
    if raw.startswith(codecs.BOM_UTF8):
        return Decoded(_normalise_newlines(raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict")), "utf-8-sig")
    try:
        return Decoded(_normalise_newlines(raw.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    text, encoding = _decode_single_byte(raw)
    if _control_share(text) > 0.05:
        raise DecodeError("binary file (control characters), not a text article")
    return Decoded(_normalise_newlines(text), encoding)


def _decode_single_byte(raw: bytes) -> tuple[str, str]:
    """Choose between Windows-1251 (Cyrillic) and Latin-1 by which reading gives words of one script.

    In Cyrillic text nearly every high byte is a letter inside a run of letters; read as Latin-1 the same
    bytes become runs of accented capitals and symbols. We count Cyrillic letters under cp1251 against
    Latin letters among the high bytes under Latin-1 and keep the reading where the high bytes form words.
    """
    as_cp1251 = raw.decode("cp1251", errors="replace")
    high = sum(1 for b in raw if b >= 0xC0)
    if high == 0:
        return _decode_western(raw)
    cyrillic = len(_CYRILLIC.findall(as_cp1251))
    # Cyrillic words have several high bytes in a row; Latin-1 accents stand alone between ASCII letters.
    runs = re.findall(rb"[\xc0-\xff]{3,}", raw)
    run_bytes = sum(len(r) for r in runs)
    if cyrillic >= high * 0.9 and run_bytes >= high * 0.5:
        return as_cp1251, "cp1251"
    return _decode_western(raw)


def _decode_western(raw: bytes) -> tuple[str, str]:
    """Latin-1, or Windows-1252 when bytes 0x80-0x9F occur: in Latin-1 they are invisible control characters,
    while in a Western European file they are nearly always Windows-1252's curly quotes, dashes and euro sign.
    """
    if re.search(rb"[\x80-\x9f]", raw):
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass  # one of the five bytes Windows-1252 leaves undefined: not that encoding
    return raw.decode("latin-1"), "latin-1"


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(1, len(text))


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
