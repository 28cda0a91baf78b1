"""Event and presence frames read from the parse of a claim's own words: what event the claim reports (its class,
its words, where it happened, which of a series it is, whether it did not happen), and who was there or away.

The classes are a general-English lexicon (``vocabulary.EVENT_CLASSES``): verbs and nouns by lemma, the support
verbs that say an event through their object ("held talks"), the verbs that say one only with an object of one
kind ("concluded an agreement"). The main event is the one nearest the root of the claim's own clause; a place is
the name a locative preposition hangs on the event's words, never a name standing as an actor.

Each rule is a row of ``EVENT_RULES`` or ``PRESENCE_RULES``; each frame records the rule that read it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.clean.spans import Span
from tracker.extract import vocabulary as v
from tracker.extract.facts import EventFact, PresenceFact
from tracker.extract.roles import title_like
from tracker.lexicon import ORDINAL_VALUES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tracker.analyse import Sentence

# The rule of an event noun a claim only places something at (matching never reads it as the claim's event).
SETTING = "event-setting"


def reported(event: EventFact | None) -> EventFact | None:
    """The event a claim reports: none where it only places something at an event ("at the summit, A said")."""
    return None if event is None or event.rule == SETTING else event


EVENT_RULES = {
    "event-verb": "a verb of an event class: 'met', 'signed', 'visited', 'voted'",
    "event-noun": "a noun of an event class, with its modifiers: 'the first meeting', 'a phone call'",
    SETTING: "an event noun the claim only places something at: 'at the summit in Vilnius, A said ...', "
    "'the declaration agreed at the summit'; the claim does not report the event itself",
    "event-support": "a support verb with an event noun as object or subject: 'held talks', 'the summit was held'",
    "event-object": "a verb that says an event with an object of one kind: 'concluded an agreement'",
    "event-phrasal": "a verb and particle: 'handed over', 'travelled to'",
    "event-phone": "a verb of speech by telephone: 'spoke by telephone'",
}
PRESENCE_RULES = {
    "presence-verb": "a verb of presence: 'X attended', 'X took part', 'X was present', 'X joined by video link'",
    "presence-passive": "an event attended by named agents: 'the talks were attended by A and B'",
    "absence-verb": "a verb of absence, or a negated verb of presence: 'X skipped', 'X did not attend'",
    "absence-refusal": "a refusal to be present: 'X declined to attend'",
    "absence-envoy": "no one sent in one's place: 'X did not send anyone'",
}

# Labels of names that say where something is.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels a proper noun after a locative preposition may not have to be a place.
NOT_PLACE_LABELS = frozenset("DATE TIME NORP CARDINAL ORDINAL MONEY PERCENT QUANTITY LANGUAGE LAW".split())
# Verbs that say an event happened (with the event noun as subject): "the meeting took place", "talks occurred".
OCCURRENCE_VERBS = frozenset("happen occur take proceed go".split())
# Verbs that say an event took place, with the event noun as their subject or object.
_HAPPENING = v.EVENT_SUPPORT_VERBS | OCCURRENCE_VERBS
# The words "take" and "go" need to say it: "took place", "went ahead".
OCCURRENCE_PHRASES = frozenset({("take", "place"), ("go", "ahead")})
# Verbs that say an event was called off: "the vote was cancelled"; it did not happen.
CANCEL_VERBS = frozenset("cancel scrap abandon".split())
# Dependencies of the words before an event noun that belong to its words: "direct peace talks".
NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod", "advmod"})
_ORDINAL_FIGURE = re.compile(r"(\d+)(?:st|nd|rd|th)", re.I)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLASS_OF_NOUN = {noun: kind for kind, words in v.EVENT_CLASSES.items() for noun in words["nouns"]}
_CLASS_OF_VERB = {verb: kind for kind, words in v.EVENT_CLASSES.items() for verb in words["verbs"]}


@dataclass(frozen=True)
class _Event:
    kind: str
    rule: str
    anchor: Token  # the token whose place in the parse ranks the event (the support verb, or the event word)
    words: list[Token]  # the tokens that say it, first and last included
    heads: list[Token]  # the tokens a place, an ordinal or a negation hangs on


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def event_of(text: str, sentence: Sentence, own: Collection[int]) -> EventFact | None:
    """The main event the claim resting on tokens ``own`` (doc indices) of ``sentence`` reports, or None."""
    found = [e for t in sentence.tokens if t.i in own for e in _events(t) if all(w.i in own for w in e.words)]
    if not found:
        return None
    event = min(found, key=lambda e: (_depth(e.anchor), e.anchor.i))
    if event.rule == SETTING:
        # A side fact cut from its sentence ("As at the first meeting, held on May 15, ...") says the event took
        # place through its participle, which the parse hangs on the main verb: the claim reports the event.
        verbs = [t for t in sentence.tokens if t.i in own and t.pos_ == "VERB" and _lemma(t) in _HAPPENING]
        if verbs:
            event = _Event(event.kind, "event-support", verbs[0], [*event.words, verbs[0]], [*event.heads, verbs[0]])
    first, last = min(event.words, key=lambda t: t.i), max(event.words, key=lambda t: t.i)
    span = sentence.span_of(first, last)
    place = _place(sentence, event, own)
    theme = _theme(event, own)
    theme_span = sentence.span_of(theme, theme) if theme is not None else None
    return EventFact(
        event.kind,
        " ".join(span.of(text).split()),
        span,
        " ".join(place.of(text).split()) if place else None,
        place,
        _ordinal(event),
        _negated(event),
        event.rule,
        theme_span.of(text) if theme_span else None,
        theme_span,
    )


def _events(token: Token) -> Iterator[_Event]:
    lemma = _lemma(token)
    if token.pos_ == "VERB" and token.dep_ != "amod":
        yield from _verb_events(token, lemma)
    elif token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
        kind = _noun_class(token)
        if kind is not None:
            yield _noun_event(token, kind)


def _verb_events(token: Token, lemma: str) -> Iterator[_Event]:
    children = list(token.children)
    objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    relative = token.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in objects)
    if token.dep_ == "relcl":  # "the drafts, which were delivered": the relative word stands for its noun
        objects = [token.head if c.tag_ in ("WDT", "WP") else c for c in objects]
    for kind, (verbs, nouns) in v.EVENT_OBJECT_VERBS.items():
        if lemma in verbs:
            # "the drafts concerning the treaty on guarantees, which were delivered": the parse may hang the
            # relative clause on the last noun of the phrase; any noun the phrase is built on may be its own
            for obj in [*objects, *(_phrase_nouns(token.head) if relative else [])]:
                if _lemma(obj) in nouns:
                    yield _Event(kind, "event-object", token, [token, obj], [token, obj])
                    return
    for child in children:
        pair = (lemma, child.lower_)
        # the parser may call the particle of "stepped down" an adverb: the pair says the event all the same
        particle = child.dep_ in ("prt", "prep") or (child.dep_ == "advmod" and child.i == token.i + 1)
        if particle and pair in v.EVENT_PHRASAL:
            yield _Event(v.EVENT_PHRASAL[pair], "event-phrasal", token, [token, child], [token])
            return
    if lemma in _CLASS_OF_VERB:
        yield _Event(_CLASS_OF_VERB[lemma], "event-verb", token, [token], [token])
        return
    if lemma in ("speak", "talk") and any(
        _lemma(t) in v.PHONE_WORDS for c in children if c.dep_ == "prep" for t in c.subtree
    ):
        yield _Event("call", "event-phone", token, [token], [token])


def _phrase_nouns(noun: Token) -> list[Token]:
    """The nouns a noun phrase is built on, from the innermost out: "documents" and "treaty" of "the documents
    concerning the treaty on guarantees" for "guarantees" (through "of"/"on" objects, conjuncts and participles)."""
    out = []
    while noun.pos_ in ("NOUN", "PROPN") and noun.head.i != noun.i:
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
            noun = head.head
        elif noun.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
            noun = head
        elif noun.dep_ == "dobj" and head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
            noun = head.head
        else:
            break
        out.append(noun)
    return out


def _noun_class(noun: Token) -> str | None:
    lemma, lower = _lemma(noun), noun.lower_
    kind = _CLASS_OF_NOUN.get(lemma) or _CLASS_OF_NOUN.get(lower)
    if kind is None:
        return None
    if lemma in v.SERIES_NOUNS or lower in v.SERIES_NOUNS:
        objects = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        if objects:
            return _noun_class(objects[0]) if objects[0].pos_ in ("NOUN", "PROPN") else None
    if kind == "call" and not (
        any(_lemma(c) in v.PHONE_WORDS or c.lower_ in v.REMOTE_WORDS for c in noun.lefts)
        or any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
    ):
        return None  # "calls for a ceasefire" is no telephone call
    return kind


def _noun_event(noun: Token, kind: str) -> _Event:
    words = [noun]
    doc = noun.doc
    inside = {t.i for t in noun.subtree}
    first = noun
    while first.i > 0:  # the modifiers just before it: "direct peace talks", "closed-door meeting"
        before = doc[first.i - 1]
        if before.i in inside and (before.dep_ in NOUN_MODIFIERS or (before.text == "-" and first.i > 1)):
            first = before if before.text != "-" else doc[first.i - 2]
            words.append(first)
        else:
            break
    heads = [noun]
    series = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if (_lemma(noun) in v.SERIES_NOUNS) and series:
        words += series
        heads += series
    verb = noun.head
    anchor, rule = noun, "event-noun"
    if noun.dep_ in ("dobj", "nsubjpass") and _lemma(verb) in v.EVENT_SUPPORT_VERBS:
        words.append(verb)
        heads.append(verb)
        anchor, rule = verb, "event-support"
    elif noun.dep_ == "nsubj" and _lemma(verb) in OCCURRENCE_VERBS:
        rest = [c for c in verb.children if (_lemma(verb), _lemma(c)) in OCCURRENCE_PHRASES]
        if _lemma(verb) not in ("take", "go") or rest:
            words += [verb, *rest]
            heads.append(verb)
            anchor, rule = verb, "event-support"
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and _lemma(child) in v.EVENT_SUPPORT_VERBS:
            heads.append(child)  # "talks held in Korvast", "the meeting, which was held in Korvast"
    if rule == "event-noun" and noun.dep_ == "pobj" and len(heads) == 1:
        rule = SETTING  # "at the summit", "on the sidelines of the summit": where, not what happened
    return _Event(kind, rule, anchor, words, heads)


def _place(sentence: Sentence, event: _Event, own: Collection[int]) -> Span | None:
    preps = set(v.LOCATIVE_PREPOSITIONS) | ({"to"} if event.kind == "visit" else set())
    for head in [*event.heads, *(_times_of(h) for h in event.heads if h.pos_ == "VERB")]:
        if head is None:
            continue
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i in own and _is_place(obj):
                        return _place_words(sentence, obj)
            if event.kind == "visit" and child.dep_ == "dobj" and child.i in own and _is_place(child):
                return _place_words(sentence, child)
    return None


# How the theme of an event (the common noun it is done to) is read from the parse of a verb's event.
THEME_READINGS = {
    "object": "the verb's object, or its passive subject: 'appointed a panel', 'the panel was appointed'",
    "participle": "the noun a participle modifies: 'the panel appointed on Monday'",
    "part-of": "the owner of an event noun object: 'approved the panel's make-up', 'the make-up of the panel'",
}


def _theme(event: _Event, own: Collection[int]) -> Token | None:
    """The common noun an event verb's action is done to (``THEME_READINGS``), or None: a name is no theme (the
    claim's entities say who), nor a pronoun, nor an event noun itself ("signed the agreement")."""
    verb = event.anchor
    if verb.pos_ != "VERB" or event.rule not in ("event-verb", "event-object"):
        return None
    if event.rule == "event-object":
        parts = [w for w in event.words if w.i != verb.i]
        found = [
            c
            for part in parts
            for c in [
                *(c for c in part.children if c.dep_ == "poss"),
                *(p for c in part.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children),
            ]
        ]
    else:
        found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if verb.dep_ == "relcl":  # "the panel, which was appointed": the relative word stands for its noun
            found = [verb.head if c.tag_ in ("WDT", "WP") else c for c in found]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            found.append(verb.head)
    for noun in found:
        if noun.i in own and noun.pos_ == "NOUN" and not noun.ent_type_ and _noun_class(noun) is None:
            return noun
    return None


def _times_of(verb: Token) -> Token | None:
    """The time phrase a verb's place may hang on in the parse: "met for the first time at X", "met on Friday in X"."""
    for child in verb.children:
        if child.dep_ in ("prep", "npadvmod"):
            for obj in [child, *child.children]:
                if obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() == "time":
                    return obj
    return None


def _is_place(token: Token) -> bool:
    if token.ent_type_ in PLACE_LABELS:
        return True
    if token.pos_ != "PROPN" or token.ent_type_ in NOT_PLACE_LABELS:
        return False
    return not any(c.dep_ == "case" for c in token.children)  # "in Kovac's office" names an owner


def _place_words(sentence: Sentence, token: Token) -> Span:
    doc = token.doc
    first = token
    while first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].head.i in {token.i, first.i}:
        first = doc[first.i - 1]
    if token.ent_type_:
        while first.i > 0 and doc[first.i - 1].ent_type_ == token.ent_type_ and doc[first.i - 1].ent_iob_ != "O":
            if first.ent_iob_ == "B" or doc[first.i - 1].dep_ == "det":
                break
            first = doc[first.i - 1]
    last = token
    while last.i + 1 < len(doc) and doc[last.i + 1].ent_iob_ == "I" and doc[last.i + 1].ent_type_ == token.ent_type_:
        last = doc[last.i + 1]
    return sentence.span_of(first, last)


def _ordinal(event: _Event) -> int | None:
    for renaming in _renamings(event):
        value = next((_ordinal_value(c) for c in renaming.children if _ordinal_value(c) is not None), None)
        if value is not None:
            return value  # "held talks on 16 May, their first negotiations in three years"
    for head in event.heads:
        for child in head.children:
            value = _ordinal_value(child)
            if value is not None and child.dep_ in ("amod", "nummod", "advmod"):
                return value
            if head.pos_ == "VERB" and child.dep_ == "prep" and child.lower_ == "for":
                for obj in child.children:  # "met for the first time"
                    if obj.dep_ == "pobj" and obj.lower_ == "time":
                        found = [_ordinal_value(c) for c in obj.children]
                        if any(f is not None for f in found):
                            return next(f for f in found if f is not None)
    return None


def _renamings(event: _Event) -> list[Token]:
    """Event nouns of the event's class in apposition to its words or to its time ("talks on 16 May, their first
    negotiations"): the parse may hang the apposition on the date, which the event's verb holds."""
    out = []
    for head in event.heads:
        near = [head, *(c for c in head.children if c.ent_type_ in ("DATE", "TIME"))]
        near += [p for c in head.children if c.dep_ == "prep" for p in c.children if p.ent_type_ in ("DATE", "TIME")]
        for token in near:
            out += [c for c in token.children if c.dep_ == "appos" and _noun_class(c) == event.kind]
    return out


def _ordinal_value(token: Token) -> int | None:
    lower = token.lower_
    if lower in ORDINAL_VALUES:
        return ORDINAL_VALUES[lower]
    figure = _ORDINAL_FIGURE.fullmatch(lower)
    return int(figure.group(1)) if figure else None


def _negated(event: _Event) -> bool:
    """The claim says the event did not take place: its verb is negated ("did not meet", "the meeting did not
    take place"), its noun has "no" ("no meeting was held"), or it was called off."""
    for head in event.heads:
        if any(c.dep_ == "det" and c.lower_ in v.NEGATING_DETERMINERS for c in head.children):
            return True
        if head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in v.NEGATING_ADVERBS) for c in head.children
        ):
            return True
    noun = event.heads[0]
    return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in _SUBJECTS and _lemma(noun.head) in CANCEL_VERBS


# -- presence ---------------------------------------------------------------------------------------------------


def presence_of(
    text: str, sentence: Sentence, own: Collection[int], resolve: Callable[[Span], str | None] | None = None
) -> tuple[PresenceFact, ...]:
    """Who the claim resting on tokens ``own`` says was at its event, or away from it, in reading order: a name
    without the title before it ("President Ana Sorel" -> "Ana Sorel"); a pronoun subject ("he did not attend")
    is the person ``resolve`` gives for the pronoun's span, which stays its span."""
    out: list[PresenceFact] = []
    seen: set[int] = set()
    for token in sentence.tokens:
        if token.i not in own or token.pos_ not in ("VERB", "AUX"):
            continue
        reading = _presence(token)
        if reading is None:
            continue
        present, rule, subject_of = reading
        remote = present and _remote(token)
        for who in _who(subject_of, rule, resolve is not None):
            if who[0].i in own and who[0].i not in seen:
                seen.add(who[0].i)
                span = sentence.span_of(who[0], who[-1])
                name: str | None = " ".join(span.of(text).split())
                if who[0].pos_ == "PRON" and resolve is not None:
                    name = resolve(span)
                if name:
                    out.append(PresenceFact(name, present, remote, span, rule))
    return tuple(out)


def _presence(verb: Token) -> tuple[bool, str, Token] | None:
    """Whether ``verb`` says its subject was present, by which rule, and the verb whose subject that is."""
    lemma = _lemma(verb)
    children = list(verb.children)
    negated = any(c.dep_ == "neg" or c.lower_ in v.NEGATING_ADVERBS for c in children if c.dep_ in ("neg", "advmod"))
    objects = [c for c in children if c.dep_ == "dobj"]
    refused = verb.dep_ == "xcomp" and _lemma(verb.head) in v.REFUSAL_VERBS
    subject_of = verb.head if (refused or (verb.dep_ in ("xcomp", "conj") and not _subject(verb))) else verb
    if verb.dep_ in ("amod", "acl") and not any(c.dep_ == "agent" for c in children):
        return None
    if lemma == "send" and negated and any(_lemma(o) in v.ENVOY_NOUNS for o in objects):
        return False, "absence-envoy", subject_of
    if lemma == "send" and any(
        _lemma(o) in v.ENVOY_NOUNS and any(d.lower_ in v.NEGATING_DETERMINERS for d in o.children) for o in objects
    ):
        return False, "absence-envoy", subject_of
    present: bool | None = None
    if lemma in v.ABSENCE_VERBS and (lemma == "boycott" or not objects or any(_is_event_word(o) for o in objects)):
        present = False
    elif lemma in v.PRESENCE_VERBS:
        if lemma == "join" and not (any(_is_event_word(o) for o in objects) or _remote(verb)):
            return None  # "X joined the alliance", "invited to join": membership, not presence
        if lemma in ("travel", "fly", "arrive") and negated:
            return None
        present = True
    else:
        for child in children:
            pair = (lemma, child.lower_)
            if child.dep_ in ("dobj", "acomp", "prep", "prt", "advmod") and pair in v.PRESENCE_PHRASES:
                if pair == ("be", "among") and not any(_lemma(o) in v.ATTENDING_GROUPS for o in child.children):
                    continue  # "X was among the venues" says nothing of presence
                present = v.PRESENCE_PHRASES[pair]
                break
    if present is None:
        return None
    if refused:
        return False, "absence-refusal", subject_of
    if negated:
        present = not present
    if any(c.dep_ == "auxpass" for c in children) and any(c.dep_ == "agent" for c in children) and present:
        return True, "presence-passive", verb
    return present, "presence-verb" if present else "absence-verb", subject_of


def _is_event_word(token: Token) -> bool:
    return _noun_class(token) is not None


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _remote(verb: Token) -> bool:
    """ "joined by video link", "took part remotely", "attended virtually"."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            continue
        if any(t.lower_ in v.REMOTE_WORDS or _lemma(t) in v.REMOTE_WORDS for t in child.subtree):
            return True
    return False


def _who(verb: Token, rule: str, pronouns: bool = False) -> list[list[Token]]:
    """The names of who was (or was not) there: the verb's subject, each member of a list, or the names of a
    group's origin ("officials from A, B and C"); the agents of a passive ("attended by A and B"); a personal
    pronoun subject ("he") when ``pronouns``."""
    if rule == "presence-passive":
        heads = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    else:
        subject = _subject(verb)
        heads = [subject] if subject is not None else []
    out: list[list[Token]] = []
    for head in heads:
        for member in [head, *_conjuncts(head)]:
            if _nameable(member):
                out.append(_name_words(member))
            elif pronouns and member.pos_ == "PRON" and member.lower_ in v.PRONOUN_SUBJECTS:
                out.append([member])
            elif member.pos_ == "NOUN":
                for prep in member.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
                        for obj in prep.children:
                            if obj.dep_ == "pobj":
                                out.extend(_name_words(m) for m in [obj, *_conjuncts(obj)] if _nameable(m))
    return out


def _conjuncts(token: Token) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ == "conj":
            out.append(child)
            out.extend(_conjuncts(child))
    return out


def _nameable(token: Token) -> bool:
    """A proper noun, or a capitalised noun the lemmatiser does not know (the tagger misread "Dahl joined"); not
    a pronoun, a date or a common noun ("Officials")."""
    if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "NORP"):
        return False
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and token.text[:1].isupper() and token.lemma_ == token.text


def _name_words(token: Token) -> list[Token]:
    doc = token.doc
    first = token
    while first.i > token.sent.start:
        left = doc[first.i - 1]
        if left.dep_ in ("compound", "flat") and left.head.i == token.i and left.pos_ == "PROPN":
            if title_like(left, token):
                break  # "President Ana Sorel": the title is not the name
            first = left
        else:
            break
    return list(doc[first.i : token.i + 1])
