"""The language of a page's main text, told by py3langid (its model ships inside the wheel, nothing is fetched).

Claims and entities are English-only, so a page whose main text is confidently another language is stored
without them instead of being cut down by the English line rules to nothing. Short or ambiguous text is never
called foreign on the identifier's word alone: it must be long enough, the identifier sure enough, and, for
Latin script, the English function words must be few; otherwise the existing English check decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tracker.clean.furniture import ENGLISH_FUNCTION_WORDS
from tracker.clean.spans import Span, line_spans
from tracker.config import LANGUAGE, LanguageSettings

ENGLISH = "en"

_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class Language:
    code: str | None  # ISO 639-1 ("en", "de"), or None when it could not be told
    confidence: float  # the identifier's probability, or for the English check its share of function words

    @property
    def foreign(self) -> bool:
        return self.code is not None and self.code != ENGLISH


def identify(text: str) -> tuple[str, float]:
    """The identifier's best language for ``text`` and its probability (0-1)."""
    code, probability = _identifier().classify(text)
    return str(code), float(probability)


def probability(text: str, code: str) -> float:
    """The identifier's probability that ``text`` is in language ``code``."""
    return float(dict(_identifier().rank(text)).get(code, 0.0))


def main_language(text: str, settings: LanguageSettings = LANGUAGE) -> Language:
    """The language of ``text`` (a page's main text): a confident call, or the English check's, or None."""
    sample = text[: settings.max_chars]
    english_share = _english_share(sample)
    letters = len(_LETTER.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample)) * 2 >= letters
    if latin and english_share >= settings.english_function_word_share:
        return Language(ENGLISH, english_share)  # what the identifier says could not make it foreign
    if letters >= settings.min_letters:
        ranked = _identifier().rank(sample)
        code, confidence = str(ranked[0][0]), float(ranked[0][1])
        if confidence >= settings.min_confidence:
            return Language(code, confidence)
        if _english_ruled_out(ranked, code, confidence, settings):
            # Close languages split the identifier's belief (Indonesian and Malay): the page is not English,
            # and its likeliest language is named, at the confidence the identifier gave it.
            return Language(code, confidence)
    # Too short, unsure, or contradicted by English's own words: the English line rules' test decides.
    if english_share >= settings.english_function_word_share:
        return Language(ENGLISH, 0.0)
    return Language(None, 0.0)


def foreign_sentence(text: str, settings: LanguageSettings = LANGUAGE) -> bool:
    """A sentence confidently in another language than English: long enough, few English function words, and
    the identifier sure (a quotation left in its own language inside an English article)."""
    if len(_LETTER.findall(text)) < settings.sentence_min_letters:
        return False
    if _english_share(text) >= settings.english_function_word_share:
        return False
    # Words only: quotation marks blur the call. A short sentence splits the identifier's belief between close
    # languages (Indonesian and Malay), so what counts is that English is all but ruled out and one other
    # language is clearly ahead; a run of names leaves every language unlikely, and stays.
    ranked = _identifier().rank(" ".join(_WORD.findall(text)))  # one call: the best language and English's
    code, lead = ranked[0]
    return _english_ruled_out(ranked, str(code), float(lead), settings)


def _english_ruled_out(ranked: list[tuple[str, float]], code: str, lead: float, settings: LanguageSettings) -> bool:
    """English all but ruled out (at most 1 - min_confidence) and one other language clearly ahead."""
    english = dict(ranked).get(ENGLISH, 0.0)
    return code != ENGLISH and lead >= settings.sentence_min_lead and english <= 1 - settings.min_confidence


def paragraphs(text: str) -> tuple[Span, ...]:
    """The non-empty paragraphs (lines) of ``text``, trimmed: the passages of a page stored without claims."""
    return tuple(line_spans(text))


def _english_share(text: str) -> float:
    """Share of words that are English function words of three letters or more ("the", "and", "that"): the
    shorter ones are words of other languages too (Hungarian "a", Italian "in", Portuguese "no")."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return sum(1 for w in words if len(w) >= 3 and w.lower() in ENGLISH_FUNCTION_WORDS) / len(words)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """Loaded once per process, on first use (about two seconds)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
