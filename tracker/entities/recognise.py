"""Mentions of people, bodies and places in an article body, as spans into the stored text.

People come from the title and apposition patterns of ``extract.names``; every other run of capitalised words
is read by its shape and its neighbours: a run holding a body's noun ("Ministry", "Council") is an
organisation, a run after a preposition of place ("in", "from", "near") is a place, an untitled run of two or
three name words is most likely a person. Each mention carries how sure that guess is, so that the article and
then the whole corpus can outvote a weak guess ("Velmora said" is a place, because elsewhere it is "in Velmora").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tracker.analyse import Document, Sentence
from tracker.analyse.document import Entity
from tracker.analyse.model import english_nouns
from tracker.clean.spans import Span
from tracker.dates import DATELINE
from tracker.entities.systems import SURNAME_OPENERS
from tracker.extract import vocabulary as v
from tracker.extract.names import NAME_PARTICLES, Token, hyphened_name, is_name_word, people, tokens
from tracker.extract.roles import is_side_fact, one_body_name, role_facts
from tracker.extract.when import calendar_months
from tracker.kinds import ORGANIZATION, OTHER, PERSON, PLACE

if TYPE_CHECKING:
    from tracker.extract import ClaimDraft

# Every rule that finds mentions, by name: each mention records the one that found it.
RULES = {
    "titled-person": "a name with a title or apposition ('Deputy Minister X', 'X, the head of ...')",
    "capitalised-run": "a run of capitalised words, typed by its shape and its neighbours",
    "parse-role": "the holder of a role the parse reads (extract.roles: an apposition, a compound title)",
    "parse-entity": "a name the statistical recogniser found where no rule above found one",
    "dateline-place": "the place in capitals of the dateline opening the story ('LINDBY, N.V. (VPA) -')",
}

# The statistical recogniser's labels, as mention types; its other labels (dates, numbers, NORP) name no entity.
PARSE_TYPES = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}

# The parse's parts of speech that a name never is (spaCy's universal tags); a capitalised word so tagged is a
# word of the language standing first: "You", "There", "Being", "Very", "Hey".
NOT_NAME_POS = frozenset({"PRON", "DET", "ADV", "AUX", "VERB", "ADJ", "INTJ", "SCONJ", "CCONJ", "ADP", "PART"})

# Words before a place name: "in Velmora", "talks near Korvast", "flew to Dravia".
PLACE_PREPOSITIONS = frozenset("in at from near outside inside across into towards toward via to".split())
# Small words that may stand inside the name of a body: "Office of the President", "Security and Defence Council".
ORGANISATION_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "&"})
# Adjectives of nationality are capitalised but name no entity: "Ukrainian officials", "the Chinese side".
DEMONYM_ENDINGS = ("ian", "ians", "ean", "eans", "ese", "ish", "can", "cans")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]*[A-Z0-9]$")
_POSSESSIVE = ("’s", "'s", "’", "'")


@dataclass(frozen=True)
class MentionDraft:
    """A name as written in the article: ``text[start:end]``, its type guess and how strong the guess is."""

    start: int
    end: int
    text: str
    type: str
    strong: bool = False  # a title, a body's noun or a preposition of place says so
    title: str | None = None
    title_start: int | None = None
    title_end: int | None = None
    rule: str = "capitalised-run"  # the name of the rule that found it (RULES)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class _Article:
    """What the whole article says of its words, read by the rules of each sentence."""

    proper: set[str]  # capitalised words it uses inside sentences
    persons: set[int]  # where a name starts that the parse or the layout reads as one (a list item)
    common: frozenset[str]  # words it writes as common nouns (Document.common_nouns)


def find_mentions(document: Document) -> list[MentionDraft]:
    """Every mention in the body, in text order: the rules' first, then the parse's where they found none."""
    text = document.text
    spans = list(document.spans())
    proper = _mid_sentence_words(text, spans)
    # Where a unit opens with a name rather than with any capitalised word: the parse reads a person there, or
    # the unit is a list item ("• Korvast"), whose first word is the item itself, not a sentence opener.
    persons = {e.span.start for e in document.entities if e.label == "PERSON"} | _opening_names(document)
    persons |= {item.start for sentence in document.sentences for item in sentence.items}
    found: list[MentionDraft] = []
    article = _Article(proper, persons, document.common_nouns)
    tags = _parts_of_speech(document)
    for sentence in document.sentences:
        found.extend(_sentence_mentions(text, sentence.span, article, sentence))
        for item in sentence.items:
            found.extend(_sentence_mentions(text, item, article))
    filed = _dateline_place(document)
    if filed is not None:  # what the rules guessed of its capitals ("an organisation") gives way
        found = [m for m in found if not (m.start < filed.end and filed.start < m.end)] + [filed]
    found = [m for m in found if m.start in persons or not _word_of_speech(m, tags)]  # a list item is a name
    found.sort(key=lambda m: (m.start, m.end))
    found = _parsed_mentions(document, _without_overlaps(found))
    found = _outside_dates(text, found)
    return _without_overlaps(sorted(found, key=lambda m: (m.start, m.end)))


def without_counted_nouns(found: list[MentionDraft], claims: Sequence[ClaimDraft]) -> list[MentionDraft]:
    """The mentions but a lone word that a claim holding it counts or measures: "Turnout stood at 63.1 percent"
    opens its sentence capitalised, and the parse may call it a person, but what a figure measures is a thing."""
    counted = [
        (claim.start, claim.end, {q.noun.lower() for q in claim.quantities if q.noun})
        for claim in claims
        if any(q.noun for q in claim.quantities)
    ]
    if not counted:
        return found

    def is_counted(m: MentionDraft) -> bool:
        if m.words != 1 or m.strong or m.title is not None:
            return False
        word = m.text.lower()
        return any(a <= m.start < b and (word in nouns or word.removesuffix("s") in nouns) for a, b, nouns in counted)

    return [m for m in found if not is_counted(m)]


def _outside_dates(text: str, found: list[MentionDraft]) -> list[MentionDraft]:
    """The mentions without the month of a calendar date ("(Nov. 18)", "on 3 Jan 2020"): one that opens there
    is no name, one that runs into it ends before it ("the Harrow Lions' Nov. 18 game" names "Harrow Lions")."""
    months = calendar_months(text)
    if not months:
        return found
    out = []
    for mention in found:
        month = next((a for a, b in months if mention.start < b and a < mention.end), None)
        if month is None:
            out.append(mention)
            continue
        if month <= mention.start:
            continue
        start, end = _strip_possessive(text, *_without_marks(text, mention.start, month))
        if mention.title_end is not None and mention.title_end > end:
            continue  # a title running into the date: no name is left of it
        if end > start and is_name_word(Token(text[start:end].split()[-1], 0, 0)):
            out.append(replace(mention, start=start, end=end, text=text[start:end]))
    return out


def _parts_of_speech(document: Document) -> dict[int, str]:
    """The parse's part of speech of each word, by where the word starts in the stored text."""
    return {parsed.base + t.idx: t.pos_ for parsed in document.parses for t in parsed.doc}


def _word_of_speech(mention: MentionDraft, tags: dict[int, str]) -> bool:
    """One capitalised word the parse reads as a word of the language, not a name: a pronoun, a verb, an
    adjective or adverb, an interjection ("You could ...", "Being able to ...", "Good price", "Hey, ..."), where
    the word opens a quotation or a line the sentence rules do not see as an opener."""
    return mention.rule == "capitalised-run" and mention.words == 1 and tags.get(mention.start) in NOT_NAME_POS


def _dateline_place(document: Document) -> MentionDraft | None:
    """The place a dateline opening the story says it was filed from: a place, whatever its capitals suggest."""
    if not document.sentences:
        return None
    span = document.sentences[0].span
    match = DATELINE.match(span.of(document.text))
    if match is None:
        return None
    start, end = span.start + match.start("where"), span.start + match.end("where")
    return MentionDraft(start, end, document.text[start:end], PLACE, strong=True, rule="dateline-place")


def _opening_names(document: Document) -> set[int]:
    """Where a sentence opens with a name the parse reads as one ("Ivo Marek arrived"): a proper noun
    compounded with the proper noun after it."""
    out = set()
    for sentence in document.sentences:
        first = sentence.tokens[0] if len(sentence.tokens) else None
        if (
            first is not None
            and first.pos_ == "PROPN"
            and first.dep_ == "compound"
            and first.head.i == first.i + 1
            and first.head.pos_ == "PROPN"
            and first.head.ent_type_ not in {"GPE", "LOC", "ORG", "FAC", "NORP"}
        ):
            out.add(sentence.at(first))
    return out


def _parsed_mentions(document: Document, found: list[MentionDraft]) -> list[MentionDraft]:
    """Role holders and named entities of the parse where no rule's mention is sure: a role holder takes the
    place of a weak guess, an entity the place of an untyped one it covers."""
    text = document.text
    kept = list(found)
    for sentence in document.sentences:
        for role in role_facts(sentence, document.common_nouns):
            start, end = _strip_possessive(text, role.holder.start, role.holder.end)
            if not is_side_fact(role) or role.temporary or _clashes(kept, start, end, lambda m: m.strong):
                continue
            kept = [m for m in kept if not (m.start < end and start < m.end)]
            title = role.title.of(text)
            kept.append(
                MentionDraft(
                    start, end, text[start:end], PERSON, True, title, role.title.start, role.title.end, "parse-role"
                )
            )
    alone = {m.text for m in kept if m.words == 1}  # words the article writes as a name by themselves
    for entity in _given_names_joined(text, document.entities):
        kind = PARSE_TYPES.get(entity.label)
        start, end = _strip_possessive(text, *_without_marks(text, entity.span.start, entity.span.end))
        name = text[start:end]
        if kind is None or not _parse_name(name) or _inside_title(kept, start, end):
            continue
        if _clashes(
            kept,
            start,
            end,
            lambda m, a=start, b=end, k=kind: (
                (m.strong or m.type != OTHER or not (a <= m.start and m.end <= b))
                and not _shape_person(m, a, b, k, alone)
            ),
        ):
            continue
        kept = [m for m in kept if not (m.start < end and start < m.end)]
        kept.append(MentionDraft(start, end, name, kind, rule="parse-entity"))
    return kept


def _shape_person(mention: MentionDraft, start: int, end: int, kind: str, alone: set[str]) -> bool:
    """A person the rules guessed from a name's shape alone (no title, no cue), which the parse reads, over the
    same words, as a body or a place ("at the top of Harrow Energy"): the parse's type stands, unless the
    article writes the name's last word alone, as one writes a person's surname ("Marek said")."""
    last = mention.text.split()[-1]
    return (
        mention.type == PERSON
        and not mention.strong
        and mention.title is None
        and mention.rule == "capitalised-run"
        and (mention.start, mention.end) == (start, end)
        and kind in (ORGANIZATION, PLACE)
        and last not in alone
        and _english_noun(last)  # "Brenn Ports", "Harrow Energy"; not "Ariana Grande", "Novak Djokovic"
    )


def _english_noun(word: str) -> bool:
    """A word of a name that is an English common noun, singular or plural ("Ports", "Industries")."""
    nouns = english_nouns()
    lower = _bare_word(word).lower()
    forms = {lower, lower.removesuffix("s"), lower.removesuffix("es"), lower.removesuffix("ies") + "y"}
    return bool(forms & nouns)


def _given_names_joined(text: str, entities: list[Entity]) -> list[Entity]:
    """The parse's people, each with the given name it may leave out before a surname that opens with a particle
    ("Annelies | van der Molen", the given name even typed as another entity): the name word written just
    before the particle is the person's, not a name of its own."""
    out = [_with_particles(text, e) if e.label == "PERSON" else e for e in entities]
    for entity in list(out):
        first = text[entity.span.start : entity.span.end].split(" ", 1)[0]
        if entity.label != "PERSON" or first not in NAME_PARTICLES:
            continue
        given = _WORD_BEFORE.search(text, 0, entity.span.start)
        if given is None or not is_name_word(Token(given.group(1), given.start(1), given.end(1))):
            continue
        whole = Entity(Span(given.start(1), entity.span.end), entity.label)
        out = [whole if e == entity else e for e in out if not (e.span.start == given.start(1) and e != entity)]
    return out


def _with_particles(text: str, entity: Entity) -> Entity:
    """A person with the particles that open the surname, where the parse left them out: "Van der | Molen",
    "De | Vrel" (``systems.SURNAME_OPENERS``)."""
    before = _PARTICLES_BEFORE.search(text, 0, entity.span.start)
    if before is None or before.group(1).lower() not in SURNAME_OPENERS:
        return entity
    return Entity(Span(before.start(1), entity.span.end), entity.label)


# One or two short words standing right before a name: the particles that may open a surname.
_PARTICLES_BEFORE = re.compile(r"(?<![\w’'-])([A-Za-z]{1,5}(?: [a-z]{1,4})?) $")
# A capitalised word standing right before a name, one space between them.
_WORD_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][^\W\d_]*(?:-[^\W\d_]+)*) $")


def _clashes(mentions: list[MentionDraft], start: int, end: int, keeps) -> bool:
    """Some mention overlapping ``start:end`` is one that ``keeps`` says must stay."""
    return any(m.start < end and start < m.end and keeps(m) for m in mentions)


def _inside_title(mentions: list[MentionDraft], start: int, end: int) -> bool:
    return any(
        m.title_start is not None and m.title_end is not None and m.title_start <= start and end <= m.title_end
        for m in mentions
    )


def _parse_name(name: str) -> bool:
    """A name the recogniser found that reads as one: capitalised, not a lone title or opener."""
    words = name.split()
    return (
        bool(words)
        and all(w[:1].isupper() or w in NAME_PARTICLES or w.lower() in ORGANISATION_CONNECTORS for w in words)
        and not all(w.lower().strip(".") in v.NOT_NAME_WORDS | v.ROLE_NOUNS | v.TITLE_MODIFIERS for w in words)
        and "\n" not in name
        and not (len(words) == 1 and _not_a_name_alone(words[0]))
    )


def _not_a_name_alone(word: str) -> bool:
    """One word that names nothing by itself: a demonym, "Western", a bare body or event noun ("the Office")."""
    lower = _bare_word(word).lower()
    return (
        lower.endswith(DEMONYM_ENDINGS)
        or lower in v.GEO_MODIFIERS
        or (lower in v.ORGANISATION_NOUNS and lower not in v.PROPER_BODIES)
        or lower in v.EVENT_NOUNS
    )


def _mid_sentence_words(text: str, spans: list[Span]) -> set[str]:
    """Capitalised words the article uses inside sentences: proper names, not sentence openers."""
    words: set[str] = set()
    for span in spans:
        toks = tokens(span.of(text))
        for tok in toks[1:]:
            if tok.is_capitalised:
                words.add(_bare_word(tok.text))
    return words


def _sentence_mentions(
    text: str, span: Span, article: _Article, sentence: Sentence | None = None
) -> list[MentionDraft]:
    """The mentions of one sentence (or list item, which has no ``sentence`` parse of its own here)."""
    body = span.of(text)
    base = span.start
    toks = tokens(body)
    out: list[MentionDraft] = []
    taken: set[int] = set()
    for person in people(body, article.common):
        if person.title is None:
            continue  # an untitled run of capitals is read by its shape below, like any other
        if sentence is not None and one_body_name(sentence, person, base):
            continue  # the parse reads title and name as one name of a body: "the Ostwick Premier League"
        covered = [i for i, t in enumerate(toks) if t.start >= person.start and t.end <= person.end]
        taken.update(covered)
        start, end = _strip_possessive(body, person.start, person.end)
        title_start = base + person.title_start if person.title_start is not None else None
        title_end = base + person.title_end if person.title_end is not None else None
        out.append(
            MentionDraft(
                base + start,
                base + end,
                body[start:end],
                PERSON,
                strong=True,
                title=person.title,
                title_start=title_start,
                title_end=title_end,
                rule="titled-person",
            )
        )
    titles = [(p.title_start, p.title_end) for p in out if p.title_start is not None and p.title_end is not None]
    for first, last in _capital_runs(toks, taken):
        for mention in _run_mentions(body, base, toks, first, last, article):
            inside = any(a <= mention.start and mention.end <= b for a, b in titles)
            # Inside a title only a body or an acronym is a name: "Kremlin spokesman", not "Deputy Energy Minister".
            if not inside or mention.type == ORGANIZATION:
                out.append(mention)
    return out


def _is_title_token(tok: Token) -> bool:
    bare = tok.bare
    return bare in v.ROLE_NOUNS or bare in v.TITLE_MODIFIERS or bare in v.TITLE_CONNECTORS


def _capital_runs(toks: list[Token], taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens (joined by "of the" and the like), as [first, last) index pairs."""
    runs = []
    i = 0
    while i < len(toks):
        if i in taken or not _capital(toks[i]):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and j not in taken:
            if _capital(toks[j]) and not toks[j - 1].text.endswith(_POSSESSIVE[:2]):
                j += 1
                continue
            k = j
            while k < len(toks) and toks[k].text.lower() in ORGANISATION_CONNECTORS and k not in taken:
                k += 1
            if k > j and k < len(toks) and k not in taken and _capital(toks[k]):
                j = k + 1
                continue
            break
        runs.extend(_split_run(toks, i, j))
        i = j
    return runs


def _capital(tok: Token) -> bool:
    return tok.is_capitalised and tok.text not in {"(", ")"}  # "al-Mansour" too


def _split_run(toks: list[Token], first: int, last: int) -> list[tuple[int, int]]:
    """A run joined by "of"/"and" is one name only when it names a body; otherwise each part stands alone.

    A body's name ends at "and" when what stands before is complete: "European Union and NATO" is two.
    """
    if _names_body(toks, first, last):
        for k in range(first + 1, last - 1):
            if toks[k].bare == "and" and _complete_name(toks, first, k) and _complete_name(toks, k + 1, last):
                return _split_run(toks, first, k) + _split_run(toks, k + 1, last)
        return [(first, last)]
    parts, start = [], first
    for k in range(first, last):
        if toks[k].text.lower() in ORGANISATION_CONNECTORS:
            if k > start:
                parts.append((start, k))
            start = k + 1
    if last > start:
        parts.append((start, last))
    return parts


def _names_body(toks: list[Token], first: int, last: int) -> bool:
    return any(toks[k].bare in v.ORGANISATION_NOUNS for k in range(first, last))


def _complete_name(toks: list[Token], first: int, last: int) -> bool:
    """A part of a run that names something on its own: a body's name or an acronym."""
    words = [t for t in toks[first:last] if t.bare not in {"the", "of"}]
    return _names_body(toks, first, last) or (len(words) == 1 and bool(_ACRONYM.match(words[0].text)))


def _run_mentions(
    body: str, base: int, toks: list[Token], first: int, last: int, article: _Article
) -> list[MentionDraft]:
    """The names in one run: a body's name whole, or a name ending in a word its article writes as a common
    noun ("Merok General Hospital" beside "a field hospital"); otherwise the parts between title words."""
    if any(toks[k].bare in v.ORGANISATION_NOUNS for k in range(first, last)) or _ends_common(
        toks, first, last, article.common
    ):
        segments = [(first, last)]
    else:
        # "Russian President Yuri Ushakov": the title words divide a qualifier from a name.
        segments, start = [], first
        for k in range(first, last):
            if _is_title_token(toks[k]):
                segments.append((start, k))
                start = k + 1
        segments.append((start, last))
    out = []
    for seg_first, seg_last in segments:
        mention = _segment_mention(body, base, toks, seg_first, seg_last, article)
        if mention is not None:
            out.append(mention)
    return out


def _ends_common(toks: list[Token], first: int, last: int, common: frozenset[str]) -> bool:
    """The run's last word is one its article writes as a common noun, and no title ("Attorney General")."""
    return last - first > 1 and toks[last - 1].bare in common and not _is_title_token(toks[last - 1])


def _segment_mention(
    body: str, base: int, toks: list[Token], first: int, last: int, article: _Article
) -> MentionDraft | None:
    proper, persons = article.proper, article.persons
    while first < last and (
        toks[first].bare in v.NOT_NAME_WORDS or toks[first].text.lower() in ORGANISATION_CONNECTORS
    ):
        first += 1  # "According", "The"
    if (
        first == 0
        and last - first > 1
        and _bare_word(toks[first].text) not in proper
        and not _person_cue(toks, first, last)
        and base + toks[first].start not in persons  # the parse reads a name there: "Ivo Marek arrived ..."
    ):
        first += 1  # a capitalised opener the article never uses as a name: "Should Russia attack ..."
    while last > first and (
        toks[last - 1].text.lower() in ORGANISATION_CONNECTORS
        or toks[last - 1].bare in v.NOT_NAME_WORDS
        or toks[last - 1].bare in v.ROLE_NOUNS  # "Council Secretary": the body, not its officer
    ):
        last -= 1
    if first >= last:
        return None
    run = toks[first:last]
    if len(run) > 8 or (len(run) == 1 and any(ch.isdigit() for ch in run[0].text) and not _ACRONYM.match(run[0].text)):
        return None  # a number; "G7" is a name
    if len(run) == 1 and re.fullmatch(r"[^\W\d_]\.?", run[0].text.strip("()")):
        return None  # a letter alone ("the G, H and J keys", "Y. pestis") names nothing
    start, end = _strip_possessive(body, run[0].start, run[-1].end)
    while start < end and body[start] == "(":
        start += 1
    while end > start and body[end - 1] == ")" and "(" not in body[start:end]:
        end -= 1
    name = body[start:end]
    if not any(ch.isalpha() for ch in name):
        return None
    before = toks[first - 1].text.lower() if first > 0 else ""
    after = " ".join(t.text for t in toks[last : last + 2])
    opens = first == 0 and base + toks[0].start not in persons
    kind, strong = _guess_type(run, name, before, after, opens, proper, _person_cue(toks, first, last))
    if kind == PERSON and not strong and _ends_common(toks, first, last, article.common):
        kind = OTHER  # "Merok General Hospital": what it names is the parse's to say, not a person by its shape
    if kind is None:
        return None
    return MentionDraft(base + start, base + end, name, kind, strong=strong)


def _person_cue(toks: list[Token], first: int, last: int) -> bool:
    """What follows shows a person: "X said", "X, who ...", "X, the head of the grid operator, ..."."""
    following = [t.bare for t in toks[last : last + 8]]
    if not following:
        return False
    if following[0] in v.REPORTING_VERBS:
        return True
    if toks[last].text == "," and len(following) > 1 and following[1] in {"who", "whose", "the", "a", "an"}:
        if following[1] in {"who", "whose"}:
            return True
        clause = toks[last + 1 : last + 8]
        stop = next((i for i, t in enumerate(clause) if t.text in {",", "."}), len(clause))
        return any(t.bare in v.ROLE_NOUNS for t in clause[:stop])
    return False


def _guess_type(
    run: list[Token],
    name: str,
    before: str,
    after: str,
    opens_sentence: bool,
    proper: set[str],
    person_cue: bool = False,
) -> tuple[str | None, bool]:
    """The entity type a run's shape and neighbours suggest, and whether the evidence is strong."""
    single = len(run) == 1
    word = _bare_word(run[0].text)
    last_word = run[-1].bare
    if single and run[0].bare in v.PROPER_BODIES:
        return ORGANIZATION, True
    if single and (
        (opens_sentence and word not in proper and not _subject_of_verb(word, after))  # a capitalised opener
        or word.lower().endswith(DEMONYM_ENDINGS)  # "Ukrainian officials"
        or word.lower() in v.GEO_MODIFIERS  # "Western governments"
        or (run[0].bare in v.ORGANISATION_NOUNS and run[0].bare not in v.PROPER_BODIES)  # "the Office"
        or run[0].bare in v.EVENT_NOUNS  # "the Summit"
        or ("-" in word and not _ACRONYM.match(word) and not hyphened_name(word))  # "Russia-Ukraine talks"
    ):
        return None, False
    if any(t.bare in v.ORGANISATION_NOUNS for t in run) or (len(run) > 1 and last_word in v.MEDIA_NOUNS):
        return ORGANIZATION, True
    if len(run) > 1 and last_word in v.PLACE_NOUNS:
        return PLACE, True
    if any(t.bare in v.EVENT_NOUNS for t in run):
        return OTHER, True
    if len(run) > 1 and run[0].bare in v.GEO_MODIFIERS:
        return PLACE, True
    names_only = all(_name_shaped(t) for t in run)
    if names_only and 1 < len(run) <= 4 and person_cue:
        return PERSON, True  # "X, who resigned ...", "X said ...", "X, the head of ..., "
    if before in PLACE_PREPOSITIONS and before != "to":
        return PLACE, single or before in v.LOCATIVE_PREPOSITIONS
    if single and _ACRONYM.match(word):
        return ORGANIZATION, False
    if not names_only:
        return OTHER, False
    if single:
        return (PLACE, False) if before == "to" else (OTHER, False)
    if len(run) <= 4:
        return PERSON, False
    return OTHER, False


_AUXILIARIES = frozenset("has had have is was will would could can must may might".split())


def _subject_of_verb(word: str, after: str) -> bool:
    """A singular capitalised opener before a verb is a name: "China had been invited" (not "Officials had")."""
    following = after.split()[:1]
    verb = following[0].lower() if following else ""
    return not word.lower().endswith("s") and (verb in _AUXILIARIES or verb in v.REPORTING_VERBS)


def _name_shaped(tok: Token) -> bool:
    word = tok.text.strip("()")
    return bool(re.fullmatch(r"[A-Z]\.|[^\W\d_][\w’'.-]*", word)) and word not in NAME_PARTICLES


def _bare_word(word: str) -> str:
    word = word.strip("()")
    for ending in _POSSESSIVE:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


def _without_marks(body: str, start: int, end: int) -> tuple[int, int]:
    """A span without the bullets, dashes or quotation marks the recogniser took at its edges ("• Dravia");
    a closing full stop stays ("U.S.")."""
    while start < end and not body[start].isalnum():
        start += 1
    while end > start and not (body[end - 1].isalnum() or body[end - 1] == "."):
        end -= 1
    return start, end


def _strip_possessive(body: str, start: int, end: int) -> tuple[int, int]:
    for ending in _POSSESSIVE:
        if body[start:end].endswith(ending) and end - len(ending) > start:
            return start, end - len(ending)
    return start, end


def _without_overlaps(found: list[MentionDraft]) -> list[MentionDraft]:
    """One mention per stretch of text; the earlier (a person, found first per sentence) wins on a tie."""
    out: list[MentionDraft] = []
    for mention in found:
        if out and mention.start < out[-1].end:
            if (mention.end - mention.start) > (out[-1].end - out[-1].start) and not out[-1].strong:
                out[-1] = mention
            continue
        out.append(mention)
    return out
