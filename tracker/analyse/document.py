"""One analysed document per article, made once and read by every later stage (as spaCy's ``Doc`` is): the
body's passages, their sentences, and for each sentence its tokens, parts of speech, dependency parse and
named entities. Every offset points into the stored text: a token is ``text[base + token.idx : ...]``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from tracker.analyse.model import PARSE, ParseSettings, pipeline
from tracker.analyse.sentences import is_item, item_span, without_bullet
from tracker.clean.language import foreign_sentence
from tracker.clean.spans import Span, trim
from tracker.config import LANGUAGE, LanguageSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as Tokens


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body: ``text[span]``, its parse, and the list items that complete a lead-in ending
    with ":" (each with its own parse)."""

    span: Span
    tokens: Tokens = field(compare=False, repr=False)
    base: int = field(compare=False, repr=False)  # where the parsed passage starts in the stored text
    items: tuple[Span, ...] = ()
    item_parses: tuple[Parsed, ...] = field(default=(), compare=False, repr=False)

    def at(self, token: Token) -> int:
        """Where ``token`` starts in the stored text."""
        return self.base + token.idx

    def end_of(self, token: Token) -> int:
        return self.base + token.idx + len(token.text)

    def span_of(self, first: Token, last: Token) -> Span:
        """The stored text from ``first`` to ``last``, both included."""
        return Span(self.at(first), self.end_of(last))


@dataclass(frozen=True)
class Parsed:
    """A parsed passage (or list item): ``doc`` is ``text[base:base + len(doc.text)]``."""

    base: int
    doc: Doc = field(repr=False)


@dataclass(frozen=True)
class Entity:
    """A name the statistical recogniser found: ``text[span]`` with spaCy's label (PERSON, ORG, GPE ...)."""

    span: Span
    label: str


@dataclass(frozen=True)
class Document:
    text: str
    passages: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    parses: tuple[Parsed, ...] = field(default=(), repr=False)
    # Sentences of the body written in another language (a quotation left untranslated): parsed, but no
    # stage reads claims or names from them.
    foreign: tuple[Span, ...] = ()

    @cached_property
    def common_nouns(self) -> frozenset[str]:
        """Words the article itself writes as common nouns, in lower case ("a field hospital", "hospitals"), each
        as written and as its lemma: the article's own evidence that the same word capitalised ("Merok General
        Hospital") is part of a name of something, not a person's surname."""
        out: set[str] = set()
        for parsed in self.parses:
            for token in parsed.doc:
                if token.pos_ == "NOUN" and token.text.islower():
                    out.update((token.text, token.lemma_.lower()))
        return frozenset(out)

    def spans(self) -> Iterator[Span]:
        """Every sentence and list item, in reading order: the units claims and names are read from."""
        for sentence in self.sentences:
            yield sentence.span
            yield from sentence.items

    @property
    def entities(self) -> list[Entity]:
        out = []
        for parsed in self.parses:
            for ent in parsed.doc.ents:
                span = trim(self.text, Span(parsed.base + ent.start_char, parsed.base + ent.end_char))
                if span.end > span.start:
                    out.append(Entity(span, ent.label_))
        return out


def analyse(
    text: str, passages: Sequence[Span], settings: ParseSettings = PARSE, language: LanguageSettings = LANGUAGE
) -> Document:
    """Parse every passage of the body once; sentences are the pipeline's, list items join their lead-in."""
    passages = tuple(p for p in passages if p.end > p.start)
    nlp = pipeline(settings)
    parses: list[Parsed] = []
    # A list item is parsed without its bullet: the bullet is layout, and no sentence or quote starts with it.
    read = [without_bullet(text, p) for p in passages]
    for passage, doc in zip(read, nlp.pipe((p.of(text) for p in read), batch_size=settings.batch_size), strict=True):
        _drop_tensor(doc)
        parses.append(Parsed(passage.start, doc))
    sentences: list[Sentence] = []
    i = 0
    while i < len(passages):
        if is_item(text, passages[i]) and sentences and sentences[-1].span.of(text).rstrip().endswith(":"):
            items, item_parses = [], []
            while i < len(passages) and is_item(text, passages[i]):
                items.append(item_span(text, passages[i]))
                item_parses.append(parses[i])
                i += 1
            last = sentences[-1]
            sentences[-1] = Sentence(last.span, last.tokens, last.base, tuple(items), tuple(item_parses))
            continue
        sentences.extend(_sentences(text, parses[i]))
        i += 1
    foreign = tuple(s.span for s in sentences if foreign_sentence(s.span.of(text), language))
    if foreign:
        sentences = [s for s in sentences if s.span not in foreign]
    return Document(text, passages, tuple(sentences), tuple(parses), foreign)


def _sentences(text: str, parsed: Parsed) -> list[Sentence]:
    out = []
    for sent in parsed.doc.sents:
        span = trim(text, Span(parsed.base + sent.start_char, parsed.base + sent.end_char))
        if span.end > span.start:
            out.append(Sentence(span, sent, parsed.base))
    return out


def _drop_tensor(doc: Any) -> None:
    """The token vectors are only needed while the pipeline runs; a parsed article keeps its annotations."""
    doc.tensor = doc.tensor[:0]
