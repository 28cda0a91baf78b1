"""Quantity frames read from the parse of a claim's sentence: the value (exact), its modifier ("more than",
"nearly"), the counted noun's lemma and class, whether the count is a running total, money with its currency,
and measures ("16-inch", "149 horsepower", "5 percent") that are not counts of things and are never compared.

Two counts stand on no number word: a count of none ("No bilateral agreement has been signed": 0 agreements,
read only of a noun whose class the lexicon knows, so "no comment" counts nothing; "none of the states": 0
states), and one thing per partner ("signed agreements with nine states": besides 9 states, 9 agreements, for a
plural object of a class ``PER_PARTNER_CLASSES`` names and with no number of its own). Their spans are the words
that say them ("No bilateral agreement", "agreements with nine states").

The word-level helpers (``exact_value``, ``noun_class``, ``is_measure_word``, ``currency_of``) are shared with
the text reading of claims at matching time (tracker.match.read), so both read a number the same way.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from tracker.clean.spans import Span
from tracker.extract import vocabulary as v
from tracker.lexicon import MONTHS, NUMBER_VALUES, SCALES, WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tracker.analyse.document import Sentence

COUNT = "count"
MONEY = "money"
MEASURE = "measure"  # a unit, an age, a percentage, a model number: never compared as a count

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SHORT_SCALE = re.compile(r"(?P<n>\d[\d,]*(?:\.\d+)?)(?P<scale>bn|mn|m|k|b)", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_MODIFIERS = sorted(v.QUANTITY_MODIFIERS, key=lambda m: -len(m.split()))
# Nouns the lexicon classes (NOUN_CLASSES): things it knows to be counted.
_CLASSED = frozenset(m for members in v.NOUN_CLASSES.values() for m in members)


@dataclass(frozen=True)
class QuantityFact:
    """A number in a claim and what it is: ``kind`` is COUNT, MONEY or MEASURE; ``noun`` the counted noun's
    lemma ("soldier"), ``noun_class`` its class ("troops"); ``currency`` an ISO code for money."""

    value: Decimal
    kind: str
    noun: str | None
    noun_class: str | None
    modifier: str | None = None
    cumulative: bool = False
    currency: str | None = None
    unit: str | None = None
    span: Span | None = None
    # A part counted beside others ("15 other countries", "10 extra titles"), not the whole.
    partial: bool = False
    # The words that say the count moved to this value ("rose to", "climbed to", "fell to"), and which way:
    # TRENDS ("rise" or "fall"); evidence that a later, different count is a change and not a conflict.
    trend: str | None = None
    trend_words: str | None = None
    # Whose count it is, as written ("Labour" won 58 seats, "Harrow's" 9,500 employees), resting on
    # ``owner_span``: two counts of one class with different owners count two sets.
    owner: str | None = None
    owner_span: Span | None = None
    # The value a change moved it from, as the claim says ("reduced the sentence from seven years to five": 7):
    # what it was before, at the other count's time, and evidence against a third value then.
    earlier: Decimal | None = None
    # Said of a set already named, not as its size: "the five companies", "all 14 companies". It may agree with
    # another count; it is no evidence that another count is wrong or out of date.
    definite: bool = False
    # The size of a move, not a level: "shares fell 9 percent", "closed 6 percent lower", "rose by 3 percent" (the
    # way it moved in ``trend``). Compared only with a move of the same time, never read as a change over time.
    by: bool = False

    @property
    def key(self) -> tuple[str, str | None, bool]:
        """What two quantities must share to be compared: the class of the noun (or the currency), and being
        a whole or a part."""
        return (MONEY, self.currency, False) if self.kind == MONEY else (self.kind, self.noun_class, self.partial)


def exact_value(word: str) -> Decimal | None:
    """ "16,600,000" -> 16600000, "2.5" -> 2.5, "twelve" -> 12; exact decimals, never a float."""
    lower = word.lower()
    if lower in NUMBER_VALUES:
        return Decimal(NUMBER_VALUES[lower])
    if _NUMBER.fullmatch(word):
        try:
            return Decimal(word.replace(",", ""))
        except InvalidOperation:
            return None
    return None


def scale_of(word: str) -> int | None:
    lower = word.lower()
    return SCALES.get(lower) or v.SCALE_ABBREVIATIONS.get(lower)


def normal(value: Decimal) -> Decimal:
    """2.5 million is 2500000, not 2.5E+6."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def noun_class(lemma: str) -> str:
    """The class of a counted noun ("soldier" -> "troops"); a noun of no class is its own."""
    lower = lemma.lower()
    for name, members in v.NOUN_CLASSES.items():
        if lower in members or lower.removesuffix("s") in members:
            return name
    return lower


def is_measure_word(word: str) -> bool:
    return word.lower().strip(".") in v.MEASURE_UNITS or word == "%"


def currency_of(word: str) -> str | None:
    return v.CURRENCIES.get(word.lower())


def modifier_before(words: list[str]) -> str | None:
    """The modifier the words just before a number end with: [..., "more", "than"] -> "more than"."""
    lowered = [w.lower() for w in words]
    for phrase in _MODIFIERS:
        parts = phrase.split()
        if lowered[-len(parts) :] == parts:
            return v.QUANTITY_MODIFIERS[phrase]
    return None


_MARKER_WORD = re.compile(r"[^\W_]+")


def cumulative(text: str) -> bool:
    """The text gives a running total: "so far", "in total", "now has" (at any punctuation)."""
    lower = " " + " ".join(_MARKER_WORD.findall(text.lower())) + " "
    return any(f" {marker} " in lower for marker in v.CUMULATIVE_MARKERS)


def quantities(
    sentence: Sentence, first: int | None = None, last: int | None = None, only: Collection[int] | None = None
) -> tuple[QuantityFact, ...]:
    """The quantity frames of a sentence's parse (or of its tokens ``first``..``last``, doc indices; of those
    in ``only`` when given: a split part's own words)."""
    toks = [
        t
        for t in sentence.tokens
        if (first is None or t.i >= first) and (last is None or t.i <= last) and (only is None or t.i in only)
    ]
    if not toks:
        return ()
    running = cumulative(" ".join(t.text for t in toks))
    out: list[QuantityFact] = []
    used: set[int] = set()
    for tok in toks:
        if tok.i in used or not _is_number(tok):
            continue
        if _in_score(tok):
            continue  # "a 3-0 home defeat", "won 6-4": a result, no count of anything
        group = _number_group(tok)
        used.update(t.i for t in group)
        fact = _frame(sentence, group, running)
        if fact is not None:
            out.append(fact)
    out.extend(_counts_of_none(sentence, toks, running))
    out.extend(_prison_terms(sentence, toks))
    out.extend(_per_partner(sentence, toks, out))
    return tuple(out)


_SCORE = re.compile(r"(\d{1,3})[-\u2013](\d{1,3})")


def _in_score(tok: Token) -> bool:
    """A number of a score or tally written "3-0", "6-4", "2–1" (no spaces, the larger first): a result, not a
    count. A range is written the smaller first ("10-15 people")."""
    doc = tok.doc
    match = _SCORE.fullmatch(tok.text)
    if match is None:
        for a, b, c in ((tok.i, tok.i + 1, tok.i + 2), (tok.i - 2, tok.i - 1, tok.i)):
            if a < 0 or c >= len(doc) or doc[b].text not in ("-", "\u2013"):
                continue
            if doc[a].whitespace_ or doc[b].whitespace_:
                continue
            match = _SCORE.fullmatch(doc[a].text + "-" + doc[c].text)
            if match is not None:
                break
    return match is not None and int(match.group(1)) >= int(match.group(2))


def _counts_of_none(sentence: Sentence, toks: list[Token], running: bool) -> list[QuantityFact]:
    """ "No bilateral agreement of this kind has been signed" (0 agreements: a noun of a known class, which says
    it is counted); "None of the states has signed" (0 states); a running total with "so far" or "yet"."""
    mine = {t.i for t in toks}
    running = running or any(t.lower_ in v.NONE_SO_FAR and t.dep_ == "advmod" for t in toks)
    out = []
    for tok in toks:
        if tok.lower_ in v.NEGATING_DETERMINERS and tok.dep_ == "det" and tok.head.pos_ == "NOUN":
            noun = tok.head
            if noun.lemma_.lower() not in _CLASSED:
                continue  # "No comment was made", "no progress": nothing counted
        elif tok.lower_ in v.NONE_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
            ofs = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
            objects = [o for c in ofs for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.tag_ == "NNS"]
            if not objects:
                continue  # "none of them": what is counted is said elsewhere
            noun = objects[0]
        else:
            continue
        if noun.i not in mine or any(_is_number(c) for c in noun.children):
            continue
        lemma = noun.lemma_.lower()
        partial = _partial(noun, [])
        span = sentence.span_of(tok, noun) if tok.i < noun.i else sentence.span_of(noun, tok)
        out.append(QuantityFact(Decimal(0), COUNT, lemma, noun_class(lemma), None, running, span=span, partial=partial))
    return out


# The class of a prison term: terms in one unit of time are compared ("seven years", "nine years").
TERM = "prison term"


def _prison_terms(sentence: Sentence, toks: list[Token]) -> list[QuantityFact]:
    """A prison term, which the recogniser reads as a date: "was sentenced to seven years", "jailed for nine
    years", "a two-year sentence". Its owner is who serves it: the sentencing verb's subject, or the subject
    of the verb the term noun is the object of ("Ilin received a two-year suspended sentence")."""
    mine = {t.i for t in toks}
    out = []
    for tok in toks:
        value = exact_value(tok.text)
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if after is not None and after.text == "-" and tok.i + 2 < len(tok.doc):
            after = tok.doc[tok.i + 2]  # "two-year"
        if value is None or after is None or after.i not in mine:
            continue
        unit = after.lemma_.lower()
        if unit not in ("year", "month"):
            continue
        verb = None
        if after.dep_ == "pobj" and after.head.lower_ in ("to", "for"):
            verb = after.head.head
        elif after.head.lemma_.lower() in v.TERM_NOUNS:
            verb = after.head.head if after.head.dep_ in ("dobj", "pobj") else None
            verb = verb.head if verb is not None and verb.dep_ == "prep" else verb
        if verb is None or verb.pos_ != "VERB":
            continue
        if verb.lemma_.lower() not in v.SENTENCING_VERBS and after.head.lemma_.lower() not in v.TERM_NOUNS:
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        owner = _phrase(subject, conjuncts=False) if subject is not None and subject.pos_ == "PROPN" else []
        out.append(_term(sentence, value, unit, sentence.span_of(tok, after), owner))
    out.extend(_terms_changed(sentence, toks, mine))
    return out


def _term(sentence: Sentence, value: Decimal, unit: str, span: Span, owner: list[Token], **change) -> QuantityFact:
    """A prison term of ``value`` ``unit``s (year, month), served by ``owner``; ``change``: its trend, trend
    words and the value it moved from."""
    return QuantityFact(
        normal(value),
        MEASURE,
        "sentence",
        f"{TERM} ({unit}s)",
        unit=unit,
        span=span,
        owner=_as_written(owner) if owner else None,
        owner_span=sentence.span_of(owner[0], owner[-1]) if owner else None,
        **change,
    )


def _terms_changed(sentence: Sentence, toks: list[Token], mine: set[int]) -> list[QuantityFact]:
    """A prison term a verb of change moves: "reduced the prison sentence of X from seven years to five": the
    term is now five years, fallen; whose it is, the term noun's "of" or possessor."""
    out = []
    for frm in toks:
        if frm.lower_ != "from" or frm.dep_ != "prep" or frm.head.pos_ != "VERB":
            continue
        verb = frm.head
        term = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in v.TERM_NOUNS), None)
        unit = next((c for c in frm.children if c.dep_ == "pobj" and c.lemma_.lower() in ("year", "month")), None)
        to = next((c for c in [*frm.children, *verb.children] if c.dep_ == "prep" and c.lower_ == "to"), None)
        number = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        trend = v.TRENDS.get(verb.lemma_.lower())
        if term is None or unit is None or to is None or number is None or trend is None or number.i not in mine:
            continue
        value = exact_value(number.text)
        before = next((exact_value(c.text) for c in unit.children if c.dep_ == "nummod"), None)
        if value is None:
            continue
        held = [c for c in term.children if c.dep_ == "poss"] + [
            o for c in term.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"
        ]
        owner = _phrase(held[0], conjuncts=False) if held and held[0].pos_ == "PROPN" else []
        span = sentence.span_of(number, number)
        words = _words_between(sentence, verb, to)
        earlier = normal(before) if before is not None else None
        out.append(
            _term(sentence, value, unit.lemma_.lower(), span, owner, trend=trend, trend_words=words, earlier=earlier)
        )
    return out


def _per_partner(sentence: Sentence, toks: list[Token], counts: list[QuantityFact]) -> list[QuantityFact]:
    """ "Velmora has signed agreements with nine states": one agreement per partner, 9 agreements, when the
    verb's (or the object's own) "with"-phrase is counted and the plural object has no number of its own."""
    mine = {t.i for t in toks}
    out = []
    for tok in toks:
        if tok.dep_ != "prep" or tok.lower_ != "with":
            continue
        partners = [c for c in tok.children if c.dep_ == "pobj" and c.pos_ == "NOUN" and c.tag_ == "NNS"]
        host = tok.head
        objects = [host] if host.dep_ == "dobj" else [c for c in host.children if c.dep_ == "dobj"]
        if not partners or not objects or host.pos_ not in ("VERB", "NOUN"):
            continue
        partner, thing = partners[0], objects[0]
        lemma = thing.lemma_.lower()
        if thing.i not in mine or thing.tag_ != "NNS" or noun_class(lemma) not in v.PER_PARTNER_CLASSES:
            continue
        if any(_is_number(t) for t in thing.subtree if t.i < tok.i):
            continue  # "three agreements with nine states": the object has its own count
        partner_span = sentence.span_of(partner, partner)
        counted = [
            q
            for q in counts
            if q.kind == COUNT
            and q.noun == partner.lemma_.lower()
            and q.span
            and sentence.at(tok) < q.span.start
            and q.span.end <= partner_span.start
        ]
        if not counted or counted[-1].partial:
            continue
        q = counted[-1]
        span = sentence.span_of(thing, partner) if thing.i < partner.i else partner_span
        out.append(QuantityFact(q.value, COUNT, lemma, noun_class(lemma), q.modifier, q.cumulative, span=span))
    return out


# The recogniser's labels of a name that a number word may stand in ("SIX Swiss Exchange", "Ocean's Eleven").
NAMES_WITH_NUMBERS = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "GPE", "LOC", "PERSON"})


def _is_number(tok: Token) -> bool:
    if tok.ent_type_ in ("TIME", "ORDINAL") or (tok.ent_type_ == "DATE" and _dates(tok)):
        return False
    if tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start and tok.ent_type_ in NAMES_WITH_NUMBERS:
        return False  # a number word inside a name counts nothing: "listed on the SIX Swiss Exchange"
    if _YEAR.fullmatch(tok.text):
        return False
    return exact_value(tok.text) is not None or bool(_SHORT_SCALE.fullmatch(tok.text))


_TENS = frozenset(w for w, n in NUMBER_VALUES.items() if 20 <= n <= 90 and n % 10 == 0)
_UNITS = frozenset(w for w, n in NUMBER_VALUES.items() if 1 <= n <= 9)


def _dates(tok: Token) -> bool:
    """A number the entity recogniser calls a date is one when a month, a weekday or a unit of time stands beside
    it ("3 May", "May 3", "24 hours"); "put the toll at 38" is a count it misread."""
    doc = tok.doc
    beside = [doc[i].lower_ for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return any(w in MONTHS or w in WEEKDAYS or w in v.DURATION_UNITS for w in beside) or tok.head.lower_ in MONTHS


def _number_group(tok: Token) -> list[Token]:
    """The number and the scale words after it: "2.5 million", "40 billion", "Twenty-two"."""
    group = [tok]
    doc = tok.doc
    j = tok.i + 1
    if tok.lower_ in _TENS and j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ in _UNITS:
        group += [doc[j], doc[j + 1]]  # "Twenty-two": one number of three tokens
        j += 2
    while j < len(doc) and scale_of(doc[j].text) is not None and doc[j].text.lower() not in ("m", "b", "k"):
        group.append(doc[j])
        j += 1
    return group


def _frame(sentence: Sentence, group: list[Token], running: bool) -> QuantityFact | None:
    doc = group[0].doc
    first, last = group[0], group[-1]
    short = _SHORT_SCALE.fullmatch(first.text)
    value = exact_value(short.group("n")) if short else exact_value(first.text)
    if value is None:
        return None
    if short:
        value *= scale_of(short.group("scale")) or 1
    scales = group[1:]
    if len(group) >= 3 and group[1].text == "-":
        value += exact_value(group[2].text) or 0  # "twenty-two"
        scales = group[3:]
    for t in scales:
        value *= scale_of(t.text) or 1
    value = normal(value)
    span = sentence.span_of(first, last)
    before = [t.text for t in doc[max(0, first.i - 4) : first.i]]
    modifier = modifier_before([w for w in before if w not in ("$", "£", "€")])
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.text == "-" and after.i + 1 < len(doc):
        after = doc[after.i + 1]  # "16-inch"
    # money: a currency sign before, or a currency word after, or the entity recogniser's MONEY
    sign = doc[first.i - 1].text if first.i > 0 else ""
    currency = currency_of(sign) or (currency_of(after.text) if after is not None else None)
    if currency is not None:
        purpose = _money_noun(group, after)
        return QuantityFact(value, MONEY, purpose, purpose, modifier, running, currency, None, span)
    if after is not None and after.lower_ in v.PERCENT_WORDS:
        moved = _changed_by(sentence, after)
        if moved is not None:
            # "Harrow shares fell 9 percent", "Shares in Harrow closed 6 percent lower": a move of a named thing
            thing, way, moved_words, owner = moved
            return QuantityFact(
                value, MEASURE, thing, noun_class(thing), modifier, False, None, "percent", span, False, way,
                moved_words, _as_written(owner) if owner else None,
                sentence.span_of(owner[0], owner[-1]) if owner else None, by=True,
            )  # fmt: skip
        measured = _level_of(after)
        if measured is not None:
            # "Turnout stood at 63.1 percent", "Final turnout was 64.7 percent": the level of a named measure
            lemma = measured.lemma_.lower()
            trend, trend_words = _trend(sentence, after)
            return QuantityFact(
                value, MEASURE, lemma, noun_class(lemma), modifier, False, None, "percent", span, False, trend,
                trend_words,
            )  # fmt: skip
    if after is not None and (is_measure_word(after.text) or after.lower_ == "per" or after.lower_ in v.DURATION_UNITS):
        return QuantityFact(value, MEASURE, None, None, modifier, False, None, after.lower_, span)
    if first.ent_type_ in ("PERCENT", "QUANTITY"):
        return QuantityFact(value, MEASURE, None, None, modifier, False, None, first.ent_type_.lower(), span)
    head = last.head
    gapped = _gapped(last)
    if gapped is not None:
        # "Labour had 51 seats, Greens 19 and the Farmers' League 14": each later name has its count of seats
        counted, named = gapped
        return QuantityFact(
            value, COUNT, counted.lemma_.lower(), _class_of(counted), modifier, running, None, None, span, False,
            None, None, _as_written(named), sentence.span_of(named[0], named[-1]),
        )  # fmt: skip
    aged = head.i < first.i and (head.ent_type_ == "PERSON" or (last.dep_ == "appos" and head.pos_ == "PROPN"))
    if head.lower_.rstrip(".") in MONTHS or aged:
        return None  # "until Jan. 19" is a day (the time is read as such), "Vardakis, 61," an age
    if head.lower_ in v.NAMING_NOUNS or (head.i < first.i and head.pos_ == "PROPN"):
        return QuantityFact(value, MEASURE, None, None, None, False, None, head.lower_, span)  # "model 3"
    if _whole_of_a_part(last):
        return None  # "58 of the 150 seats": 150 is what the part is taken from, not a count of its own
    elided = _elided_noun(last)
    verb_gapped = _gapped_trend(last)
    noun = _counted_noun(last) or _trend_subject(last) or _put_at(last) or elided or verb_gapped
    if noun is None:
        return None
    if is_measure_word(noun.text):
        return QuantityFact(value, MEASURE, None, None, modifier, False, None, noun.lower_, span)
    trend, trend_words = _trend(sentence, last if noun.i < last.i else noun)
    if verb_gapped is not None and noun is verb_gapped:
        trend, trend_words = _trend(sentence, verb_gapped.head)  # the trend of the count it is coordinated with
    noun = _counted_by(noun)
    lemma = noun.lemma_.lower()
    if elided is not None and noun is elided:
        # "killed three people and infected 46": 46 people, and what this verb did to them
        fate = _fate_of(last.head, people=noun_class(lemma) == "people")
        return QuantityFact(value, COUNT, lemma, fate or noun_class(lemma), modifier, running, None, None, span)
    partial = _partial(noun, group)
    owner = _owner(noun if last.dep_ == "nummod" and last.head.i == noun.i else last)
    # "two of the three requirements", "three of the injured": a part of a set, unless it is someone's own
    # ("58 of the 150 seats" won by the Union is the Union's count)
    partial = partial or (not owner and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i == last.i)
    return QuantityFact(
        value, COUNT, lemma, _class_of(noun), modifier, running, None, None, span, partial, trend, trend_words,
        _as_written(owner) if owner else None, sentence.span_of(owner[0], owner[-1]) if owner else None,
        definite=_definite(first, noun),
    )  # fmt: skip


def _as_written(words: list[Token]) -> str:
    """The words from the first to the last as the text has them."""
    doc = words[0].doc
    return doc.text[words[0].idx : words[-1].idx + len(words[-1].text)]


def _owner(phrase: Token) -> list[Token]:
    """Whose count a counted phrase is: its possessor ("Harrow's 9,500 employees"), the name an apposition
    describes ("Rudna, a town of 9,000 people"), the name after "for"
    ("61 for the Civic Union"), or the subject of a verb of having or winning whose object it is ("Labour won 58
    seats", "the Union was on course for 58 of the seats"); empty when the parse says none."""
    for child in phrase.children:
        if child.dep_ == "poss":
            return _phrase(child)
    described = phrase.head.head if phrase.dep_ == "pobj" and phrase.head.lower_ == "of" else None
    if described is not None and described.dep_ == "appos" and described.head.pos_ == "PROPN":
        return _phrase(described.head, conjuncts=False)  # "Rudna, a town of 9,000 people": Rudna's people
    for child in phrase.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            named = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if named:
                return _phrase(named[0])
    node = phrase
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        node = node.head  # "on course for 58 seats", "with 51 seats"
    verb = node.head
    if node.dep_ not in ("dobj", "attr", "prep") or verb.pos_ not in ("VERB", "AUX"):
        return []
    if verb.lemma_.lower() not in v.OWNING_VERBS:
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ in ("acl", "advcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        subject = verb.head  # "the opposition Civic Union winning 61 seats"
    if subject is None or subject.pos_ == "PRON":
        return []
    return _phrase(subject)


def _phrase(head: Token, conjuncts: bool = True) -> list[Token]:
    """A name's words: the head with what comes before it in its subtree (its determiner, compounds, "'s"),
    and its conjuncts ("the Union and the Greens")."""
    last = max([head.i, *(c.right_edge.i for c in head.children if c.dep_ == "conj" and conjuncts)])
    words = [t for t in head.subtree if t.i <= last and not t.is_punct]
    while words and (words[0].dep_ == "det" or words[0].pos_ == "DET"):
        words.pop(0)
    return words or [head]


def _whole_of_a_part(number: Token) -> bool:
    """The number of "58 of the 150 seats", "6,000 of its 9,500 staff": the whole a counted part is taken from."""
    noun = number.head
    if number.dep_ != "nummod" or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    return _is_number(noun.head.head)


def _gapped(number: Token) -> tuple[Token, list[Token]] | None:
    """A count with its noun left out after the first of a list: "had 51 seats, Greens 19 and the League 14".
    The number hangs on a name that the parse joins (apposition or conjunct) to a counted noun: that noun, and
    the name as the owner."""
    name = number.head
    if number.dep_ != "nummod" or name.pos_ != "PROPN" or name.i > number.i:
        return None
    top = name
    while top.dep_ in ("appos", "conj") and top.head.pos_ == "PROPN":
        top = top.head
    counted = top.head
    if top.dep_ not in ("appos", "conj") or counted.pos_ != "NOUN":
        return None
    if not any(c.dep_ == "nummod" and _is_number(c) for c in counted.children):
        return None
    return counted, _phrase(name, conjuncts=False)


def _level_of(unit: Token) -> Token | None:
    """The common noun whose level a percentage states: the subject of "stood at", "was", "rose to", "fell to"
    ("Turnout stood at 63.1 percent"); None for a change by so much ("shares fell 6 percent", "closed 6 percent
    lower") or a percentage of no named measure."""
    if unit.dep_ == "attr" and unit.head.lemma_ == "be":
        verb = unit.head
    elif unit.dep_ == "dobj" and unit.head.lemma_.lower() == "reach":
        verb = unit.head  # "turnout had reached 63.1 percent"
    elif unit.dep_ == "pobj" and unit.head.lower_ in ("at", "to") and unit.head.head.pos_ == "VERB":
        verb = unit.head.head
        moved = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < unit.i), None)
        if unit.head.lower_ == "to" and verb.lemma_.lower() not in v.TRENDS:
            return None
        if unit.head.lower_ == "at" and moved is not None:
            return moved  # "kept its benchmark rate at 4.50 percent": whatever the verb, its object is at that level
        if unit.head.lower_ == "at" and verb.lemma_.lower() not in v.LEVEL_VERBS:
            return None
        if moved is not None:
            return moved  # "the bank cut its benchmark rate to 4.50 percent": the rate's level, not the bank's
    else:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > unit.i:
        return None
    opening = subject.i == subject.sent.start and not list(subject.lefts)  # "Turnout stood at ...", capitalised
    if subject.pos_ != "NOUN" and not (subject.pos_ == "PROPN" and opening):
        return None
    return subject


def _changed_by(sentence: Sentence, unit: Token) -> tuple[str, str, str, list[Token]] | None:
    """What a percentage says moved by so much, whose it is, and which way: "Harrow shares fell 9 percent",
    "Shares in Harrow closed 6 percent lower", "Lumo stock rose by 3 percent" give ("share", "fall", "fell",
    [Harrow]); no owner where none is named ("prices fell 2 percent"). None for a level, or a verb with an object
    of its own."""
    head = unit.head
    if head.lemma_.lower() == "reach":
        return None  # "turnout had reached 63.1 percent": a level
    if unit.dep_ in ("npadvmod", "dobj") and head.pos_ == "VERB" and head.lemma_.lower() in v.TRENDS:
        verb, way, word = head, v.TRENDS[head.lemma_.lower()], head
    elif (
        unit.dep_ == "pobj"
        and head.lower_ == "by"
        and head.head.pos_ == "VERB"
        and head.head.lemma_.lower() in v.TRENDS
    ):
        verb, way, word = head.head, v.TRENDS[head.head.lemma_.lower()], head.head
    elif unit.dep_ == "npadvmod" and head.lower_ in v.CHANGED_BY_ADVERBS and head.head.pos_ == "VERB":
        verb, way, word = head.head, v.CHANGED_BY_ADVERBS[head.lower_], head
    else:
        return None
    if any(c.dep_ == "dobj" and c.i != unit.i for c in verb.children):
        return None  # "the bank cut its rate by 0.25 percent": the object moved, not the subject
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.i > unit.i:
        return None
    owners = [c for c in subject.children if c.dep_ in ("compound", "poss") and _named(c)] + [
        o for c in subject.children if c.dep_ == "prep" and c.lower_ in ("in", "of") for o in c.children
        if o.dep_ == "pobj" and _named(o)
    ]  # fmt: skip
    owner = _phrase(owners[0], conjuncts=False) if owners else []
    return subject.lemma_.lower(), way, _words_between(sentence, verb, word), owner


def _named(token: Token) -> bool:
    """A word of a name: a proper noun, or capitalised where a sentence does not open, or the recogniser's
    entity ("Harrow shares", tagged a common noun at the sentence's start)."""
    return token.pos_ == "PROPN" or (
        token.text[:1].isupper() and (token.i != token.sent.start or bool(token.ent_type_))
    )


def _counted_by(noun: Token) -> Token:
    """What "the number of troops" counts: the troops."""
    if noun.lemma_.lower() in v.COUNT_NOUNS:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
                if objects:
                    return objects[0]
    return noun


def _class_of(noun: Token) -> str:
    """The counted noun's class; people are counted by what happened to them ("12 people died": the dead)."""
    named = noun_class(noun.lemma_.lower())
    if named in v.PEOPLE_FATES:
        return named
    return _fate(noun, people=named == "people") or named


def _fate(noun: Token, people: bool) -> str | None:
    """What happened to those counted (``vocabulary.PEOPLE_FATES``): what a verb did to them ("injuring 12
    workers", "14 soldiers were killed"); for a count of people, also what they did or came to ("12 people
    died", "11 people are still missing", "the people hurt", "the evacuation of 300 people")."""
    verb = noun.head
    done_to = noun.dep_ in ("dobj", "nsubjpass")
    # "12 people died", "12 people were killed"; never the subject of "killed 12 soldiers"
    subject = noun.dep_ == "nsubjpass" or (noun.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in verb.children))
    for fate, (verbs, states) in v.PEOPLE_FATES.items():
        if verb.lemma_.lower() in verbs and (done_to or (people and subject)):
            return fate
        if not people:
            continue
        if any(c.dep_ in ("acl", "amod") and c.lower_ in states for c in noun.children):
            return fate
        if subject and verb.lower_ in states:
            return fate
        if noun.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ in ("acomp", "oprd", "attr", "xcomp") and c.lower_ in states for c in verb.children
        ):
            return fate
    if people and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return v.FATE_NOUNS.get(noun.head.head.lemma_.lower())
    return None


def _put_at(number: Token) -> Token | None:
    """What a bare number after "at" counts when a verb puts a count there: "put the toll at 38"."""
    if number.dep_ != "pobj" or number.head.lower_ != "at":
        return None
    verb = number.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in v.PUTTING_AT:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < number.i), None)


def _partial(noun: Token, number: list[Token]) -> bool:
    """A count of a part beside others, not the whole: "15 other countries", "another 12 states", and "14 more
    states", where the parse hangs "more" on the number rather than on the noun (but "more than 3,000" before
    the number is its modifier)."""
    between = [c for t in number for c in t.children if number[-1].i < c.i < noun.i]
    return any(c.dep_ == "amod" and c.lower_ in v.COUNT_ADJECTIVES for c in (*noun.children, *between)) or any(
        c.dep_ == "det" and c.lower_ in v.COUNT_DETERMINERS for c in noun.children
    )


def _trend(sentence: Sentence, word: Token) -> tuple[str | None, str | None]:
    """Which way the words before a count say it moved to its value (``vocabulary.TRENDS``), and those words as
    written: "rose to 42", "fell to 10", "reached 300", "down to 12"."""
    counted = word.head if word.dep_ in ("nummod", "quantmod") and word.head.i > word.i else word
    if counted.dep_ == "dobj" and counted.head.lemma_.lower() in v.TRENDS and counted.head.lemma_.lower() == "reach":
        verb = counted.head
        return v.TRENDS["reach"], verb.text
    if counted.dep_ != "pobj" or counted.head.lower_ != "to":
        return None, None
    to = counted.head
    head = to.head
    if head.pos_ == "VERB" and head.lemma_.lower() in v.TRENDS and head.i < to.i:
        return v.TRENDS[head.lemma_.lower()], _words_between(sentence, head, to)
    before = to.doc[to.i - 1] if to.i > 0 else None
    if before is not None and before.lower_ in v.TREND_ADVERBS:
        return v.TREND_ADVERBS[before.lower_], _words_between(sentence, before, to)
    return None, None


def _words_between(sentence: Sentence, first: Token, last: Token) -> str:
    """The words from ``first`` to ``last`` as written, or the two alone when others stand between them."""
    if last.i - first.i <= 2:
        return " ".join(t.text for t in first.doc[first.i : last.i + 1])
    return f"{first.text} {last.text}"


def _counted_noun(number: Token) -> Token | None:
    """The noun a number counts: its head when it modifies one ("15 other countries"), or the object of "of"
    after it ("thousands of people")."""
    if number.dep_ in ("nummod", "quantmod", "compound") and number.head.pos_ in ("NOUN", "PROPN"):
        head = number.head
        if head.i > number.i:
            return head
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _definite(first: Token, noun: Token) -> bool:
    """The number stands after a determiner of a set already named, on the noun it counts: "the five companies
    can now bid", "all 14 companies are eligible" (not "the toll rose to 31", where the number is no modifier)."""
    before = first.doc[first.i - 1] if first.i > 0 else None
    return (
        before is not None
        and before.lower_ in v.DEFINITE_DETERMINERS
        and before.head.i == noun.i
        and first.head.i == noun.i
    )


def _elided_noun(number: Token) -> Token | None:
    """The noun a bare number leaves out where a coordinated verb counts it in the same place, as its object or
    its subject: "has killed three people and infected 46" (46 people), "said 131 people had caught cholera and
    that nine had died" (nine people)."""
    verb = number.head
    if number.dep_ not in ("dobj", "nsubj") or verb.pos_ != "VERB" or number.lower_ == "one":
        return None  # "one" alone is a pronoun more often than a count: "no party has won one outright"
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in number.children):
        return None  # "three of the injured": what it is a part of is said
    other = verb.head if verb.dep_ == "conj" else next((c for c in verb.children if c.dep_ == "conj"), None)
    if other is None or other.pos_ != "VERB":
        return None
    counted = [c for c in other.children if c.dep_ == number.dep_ and c.pos_ == "NOUN"]
    if len(counted) != 1 or not any(c.dep_ == "nummod" and _is_number(c) for c in counted[0].children):
        return None
    return counted[0]


def _gapped_trend(number: Token) -> Token | None:
    """What a number after "to" counts where a coordinated phrase leaves out the verb of change: "cases have risen
    to 118 and the death toll to seven" (the toll, risen to seven)."""
    to = number.head
    if number.dep_ != "pobj" or to.lower_ != "to":
        return None
    noun = to.head
    first = noun.head
    if noun.dep_ != "conj" or noun.pos_ != "NOUN" or first.dep_ != "pobj" or not _is_number(first):
        return None
    verb = first.head.head
    if first.head.lower_ != "to" or verb.pos_ != "VERB" or verb.lemma_.lower() not in v.TRENDS:
        return None
    return noun


def _fate_of(verb: Token, people: bool) -> str | None:
    """The class of people a verb counts by what it did to them ("injured 12", "evacuated 300")."""
    if not people:
        return None
    return next((fate for fate, (verbs, _states) in v.PEOPLE_FATES.items() if verb.lemma_.lower() in verbs), None)


def _trend_subject(number: Token) -> Token | None:
    """What a bare number after a verb of change counts: its subject ("the toll rose to 42")."""
    if number.dep_ == "pobj" and number.head.lower_ == "to":
        verb = number.head.head
    elif number.dep_ == "dobj":
        verb = number.head
    else:
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in v.TRENDS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if number.dep_ == "pobj":
        # "raised the number of troops to 1,200": a transitive verb of change moves its object
        moved = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < number.i), None)
        if moved is not None:
            return moved
    return subject if subject is not None and subject.i < number.i else None


def _money_noun(group: list[Token], after: Token | None) -> str | None:
    """What money is for: "$40 billion in loans" -> "loan"."""
    for tok in [*group, group[0].head]:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "of", "for"):
                objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
                if objects:
                    return objects[0].lemma_.lower()  # a common noun: "in loans", not "in Velmora"
    return None
