"""Atomic claims from a clean article body: one checkable fact each, tied to the exact passage it rests on.

For every sentence: the role of each titled person ("X is Kremlin spokesman"), one claim per member of a
membership list or counted enumeration, and the statement itself, split at clause boundaries that join
independent facts (", but", ";", ", stressing that", a non-restrictive ", who ..."). A pronoun subject is
replaced by whom it means, so each claim reads on its own: in a side clause the subject of the clause it hangs
on (by the parse), else the person named before it. A quote is always ``text[start:end]`` of the stored text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from tracker.analyse import Document, Sentence
from tracker.clean.spans import Span, trim
from tracker.dates import DATELINE
from tracker.extract import vocabulary as v
from tracker.extract.events import event_of, presence_of
from tracker.extract.facts import EventFact, PresenceFact, RoleFact
from tracker.extract.names import Person, people
from tracker.extract.quantities import QuantityFact, quantities
from tracker.extract.roles import NAME_LABELS, PERSON_LABELS, Role, is_side_fact, one_body_name, role_facts, succession
from tracker.extract.syntax import SYNTAX_RULES, Part, host_subject, plural, speaker_phrase, split, subject_words
from tracker.extract.when import TimeRef, event_span, find_times, parse_hints

if TYPE_CHECKING:
    from spacy.tokens import Span as Tokens
    from spacy.tokens import Token


@dataclass(frozen=True)
class ClaimDraft:
    """A claim before storage. ``start``/``end`` index the source's stored text."""

    text: str
    start: int
    end: int
    kind: str
    attributed_to: str | None = None
    people: tuple[str, ...] = ()
    time_text: str | None = None
    time_first: dt.date | None = None
    time_last: dt.date | None = None
    # Every time expression the claim says, in order (time_first..time_last spans its event times).
    times: tuple[TimeRef, ...] = ()
    # The name of the rule that made the claim (RULES), the sentence it was read from, the subject it is about.
    rule: str = "statement"
    sentence: Span | None = None
    subject: str | None = None
    role: RoleFact | None = None
    # The quantity frames of the claim's words, read from the parse.
    quantities: tuple[QuantityFact, ...] = ()
    # The event the claim reports and who was there or away, read from the parse of the claim's own words.
    event: EventFact | None = None
    presence: tuple[PresenceFact, ...] = ()


# A title of fewer words than this, with no body named beside it, says not of what: no role claim is made of it.
MIN_TITLE_WORDS = 2

# Every rule that makes claims, by name: each claim records the one that made it.
RULES = {
    "role-title": "a person's title or apposition gives a role: 'X is <title>'",
    "role-apposition": "a common noun in apposition to a name (by the parse) gives a role: 'X is <title>'",
    "role-compound": "title words compounded before a name (by the parse) give a role: 'X is <title>'",
    "membership-verb": "'The delegation includes A, B and C': one claim per named member",
    "membership-list": "a lead-in ending with ':' and its list items: one claim per item",
    "statement": "the sentence as one claim",
    # the parts of a sentence its dependency parse splits it into (tracker.extract.syntax)
    **SYNTAX_RULES,
}


@dataclass
class ArticleContext:
    """What the article has established so far: who is who, and who was named last."""

    titles: dict[str, str] = field(default_factory=dict)  # full name -> title
    last_person: str | None = None
    # Words that keep their capital after "X said": those the article capitalises mid-sentence, and the names of
    # the people it has named.
    proper_words: set[str] = field(default_factory=set)
    known: set[str] = field(default_factory=set)
    # The person named last before the current sentence: whom its pronouns mean when it names no one before them.
    before_sentence: str | None = None
    # Who is "he" and who is "she", as the article's own pronouns said of a person its sentence named alone.
    genders: dict[str, str] = field(default_factory=dict)
    # Words the article writes as common nouns (``Document.common_nouns``).
    common: frozenset[str] = frozenset()

    def named_before(self, pronoun: str) -> str | None:
        """Whom "he" or "she" opening a sentence that names no one means: the person named last, unless the
        article has called that person by the other pronoun."""
        person = self.before_sentence
        if person is not None and pronoun in v.GENDERED_PRONOUNS and self.genders.get(person, pronoun) != pronoun:
            return None
        return person

    def heard(self, person: str, pronoun: str) -> bool:
        """Take in that ``pronoun`` means ``person``; False when the article called that person by the other."""
        if pronoun not in v.GENDERED_PRONOUNS:
            return True
        return self.genders.setdefault(person, pronoun) == pronoun

    def note(self, person: Person) -> None:
        """Only titled people count: an untitled run of capitals may be a place or a body."""
        if not person.title:
            return
        full = self.full_name(person.name)
        if full not in self.titles:
            self.titles[full] = person.title
        self.last_person = full
        self.proper_words.update(full.split())

    def mark_person(self, name: str) -> None:
        """A name the sentence shows to be a person without giving a title ("X, who resigned ...")."""
        self.known.add(name)
        self.last_person = self.full_name(name)
        self.proper_words.update(name.split())

    def is_person(self, name: str) -> bool:
        return self.full_name(name) in self.titles or name in self.known

    def full_name(self, name: str) -> str:
        """A surname alone joins the full name the article already used."""
        if " " in name:
            return name
        for full in reversed(list(self.titles)):
            if full.split()[-1] == name:
                return full
        return name

    def by_role(self, role: str) -> str | None:
        for name, title in reversed(list(self.titles.items())):
            if role in title.lower().split():
                return name
        return None


_QUOTES = '“”"„«»'
# A non-restrictive clause about a named person: "..., Andrew Kell, who chairs the board, said ...".
_WHO_CLAUSE = re.compile(r",\s+(?P<rel>who|whose)\s+(?P<clause>[^,;]+?)\s*(?=[,;.]|$)")
_LEADING_MARKERS = re.compile(r"^(?:meanwhile|however|instead|moreover|also|still|further(?:more)?)\s*,?\s+", re.I)
_COUNTED_LIST = re.compile(
    r"\b(?:\d+|" + "|".join(sorted(v.NUMBER_WORDS)) + r")\s+[\w’'-]+\s*,?\s*(?:namely|including|as follows)?\s*:?\s*$",
    re.I,
)
_HEAD_REPORT = re.compile(
    r"^(?P<who>[^,;“”\"]{1,80}?)\s+(?:also\s+|further\s+|later\s+)?(?P<verb>"
    + "|".join(sorted(v.REPORTING_VERBS))
    + r")\b",
    re.I,
)
_SUBJECT_ROLE = re.compile(r"^(?:the|a)\s+(?:[\w-]+\s+)?(?P<role>" + "|".join(sorted(v.ROLE_NOUNS)) + r")\b", re.I)
_MEMBERSHIP_VERB = re.compile(r"\b(?:" + "|".join(sorted(v.MEMBERSHIP_VERBS)) + r")\b(?:\s+of)?")
# "The spokesman said ..." (but not "The head of the office ...", which is a longer title)
_ROLE_SUBJECT = re.compile(r"^The\s+(?P<role>" + "|".join(sorted(v.ROLE_NOUNS)) + r")\b(?!\s*(?:of|to|for|at|,))")
# Dates and years are times, not quantities: "on December 15, 2023", "15 December", "in 2024".
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATES = re.compile(
    rf"\b(?:19|20)\d{{2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?=(?:of\s+)?{_MONTH_WORD})|(?<=\b){_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
)
_NUMBER = re.compile(r"\d|\b(?:" + "|".join(sorted(v.NUMBER_WORDS)) + r")\b", re.I)
_WORD = re.compile(r"[^\W_][\w’'-]*")


def extract_claims(document: Document, published: dt.date | None) -> list[ClaimDraft]:
    """All claims of one analysed article body, in reading order, each text unique within the article."""
    text = document.text
    context = ArticleContext(proper_words=_proper_words(text, document.passages), common=document.common_nouns)
    drafts: list[ClaimDraft] = []
    for sentence in document.sentences:
        drafts.extend(_sentence_claims(text, sentence, published, context))
    return _unique(_without_repeated_roles(_fullest_roles(drafts)), text)


def _sentence_claims(
    text: str, sentence: Sentence, published: dt.date | None, context: ArticleContext
) -> list[ClaimDraft]:
    body = sentence.span.of(text)
    base = sentence.span.start
    context.before_sentence = context.last_person
    roles = role_facts(sentence, context.common)
    patterned = [p for p in people(_without_dateline(body), context.common) if not one_body_name(sentence, p, base)]
    parsed = _parsed_holders(text, [p for p in patterned if p.title], roles, base)
    # A name the patterns found untitled gives way to the parse's titled reading of it.
    patterned = [p for p in patterned if p.title or not any(_overlap(p, q) for q, _ in parsed)]
    found = sorted(patterned + [person for person, _ in parsed], key=lambda p: p.start)
    patterned = [_widened_title(text, sentence, base, p) for p in patterned]
    titled = [(p, "role-title", _parsed_role(p, roles, base)) for p in patterned if p.title]
    titled += [(p, "role-" + role.rule, role) for p, role in parsed if p.title]
    out: list[ClaimDraft] = []
    left: list[ClaimDraft] = []
    for person, rule, role in sorted(titled, key=lambda t: t[0].start):
        if len(_title_words(person.title or "")) < MIN_TITLE_WORDS and (role is None or role.organisation is None):
            continue  # "X is President." does not say of what: a bare title is no claim of its own
        drafted = _role_claim(text, sentence, person, context, rule, role)
        if drafted.role is not None and drafted.role.former and drafted.role.change == "left":
            # "X, chief executive of Y, resigned on Monday": no "X is chief executive" claim; the post left is
            # the fact of the sentence's claim that says so
            left.append(drafted)
            continue
        out.append(drafted)
    speaker = _speaker(sentence, found, context)
    for person in found:
        context.note(person)
    _note_last_named(sentence, found, context)
    members = _membership_claims(text, base, body, found, published)
    out.extend(members)
    out.extend(_enumeration_claims(text, sentence, published))
    out.extend(_statement_claims(text, sentence, speaker, found, published, context, listed=bool(members)))
    out = _with_clause_roles(text, out, roles, context)
    out = _with_left_posts(out, left)
    out = [_with_frames(text, sentence, replace(claim, sentence=sentence.span)) for claim in out]
    if speaker and context.is_person(speaker):
        context.last_person = context.full_name(speaker)
    for match in _WHO_CLAUSE.finditer(body):
        if match.group("rel") == "who":
            subject = next((p for p in found if p.end == match.start()), None)
            if subject is not None:
                context.mark_person(subject.name)  # "who" is said of people
    return out


def _with_frames(text: str, sentence: Sentence, claim: ClaimDraft) -> ClaimDraft:
    """The claim's event and presence frames, read from its own words: a split part's tokens, or the tokens its
    passage covers. A role claim states a post, not an event: it has none."""
    if claim.kind == "role" or claim.rule not in ("membership-verb", "membership-list"):
        return claim  # a part's frames are read with it (``_part_claim``)
    own = {t.i for t in sentence.tokens if claim.start <= sentence.at(t) and sentence.end_of(t) <= claim.end}
    return replace(claim, event=event_of(text, sentence, own), presence=presence_of(text, sentence, own))


def _parsed_holders(text: str, found: list[Person], roles: list[Role], base: int) -> list[tuple[Person, Role]]:
    """Holders of the parse's side roles whom the title patterns missed: titled when the role is an office,
    untitled when it is a function for one occasion (no role claim is made of it)."""
    out: list[tuple[Person, Role]] = []
    for role in roles:
        start, end = role.holder.start - base, role.holder.end - base
        if not is_side_fact(role) or any(p.start < end and start < p.end for p in [*found, *(q for q, _ in out)]):
            continue
        name = " ".join(role.holder.of(text).split())
        if role.temporary:
            out.append((Person(name, start, end), role))
        else:
            title_start, title_end = role.title.start - base, role.title.end - base
            out.append((Person(name, start, end, role.title.of(text), title_start, title_end), role))
    return out


def _widened_title(text: str, sentence: Sentence, base: int, person: Person) -> Person:
    """A title the patterns read short gets the lower-case words the parse hangs on it: "trade envoy X", not
    "envoy X"."""
    if person.title is None or person.title_start is None or person.title_end is None:
        return person
    start, end = base + person.title_start, base + person.title_end
    inside = [t for t in sentence.tokens if start <= sentence.at(t) < end]
    if not inside:
        return person
    first = inside[0]
    while first.i > sentence.tokens.start:
        before = first.doc[first.i - 1]
        if before.dep_ not in ("compound", "amod") or not before.is_lower or before.pos_ not in ("NOUN", "ADJ"):
            break
        if not (start <= sentence.at(before.head) < base + person.end) and before.head.i != first.i:
            break
        first = before
    wide = sentence.at(first)
    if wide == start:
        return person
    return replace(person, title=" ".join(text[wide:end].split()), title_start=wide - base)


def _overlap(a: Person, b: Person) -> bool:
    return a.start < b.end and b.start < a.end


def _parsed_role(person: Person, roles: list[Role], base: int) -> Role | None:
    """The parse's reading of the same holder and title, which may name the body the title belongs to."""
    if person.title_start is None or person.title_end is None:
        return None
    for role in roles:
        holder, title = Span(role.holder.start - base, role.holder.end - base), role.title
        if (
            is_side_fact(role)
            and holder.start < person.end
            and person.start < holder.end
            and title.start - base < person.title_end
            and person.title_start < title.end - base
        ):
            return role
    return None


def _role_claim(
    text: str, sentence: Sentence, person: Person, context: ArticleContext, rule: str, parsed: Role | None
) -> ClaimDraft:
    base = sentence.span.start
    title_start = person.start if person.title_start is None else person.title_start
    title_end = person.end if person.title_end is None else person.title_end
    start = base + min(person.start, title_start)
    end = base + max(person.end, title_end)
    title = re.sub(r"^(?:the|a|an)\s+", "", person.title or "", flags=re.I)
    name = context.full_name(person.name)
    title_span = Span(base + title_start, base + title_end) if person.title_start is not None else None
    holder = Span(base + person.start, base + person.end)
    fact = RoleFact(name, title, title_span, rule=rule, holder_span=holder)
    if parsed is not None:
        fact = replace(
            fact,
            organisation=parsed.fact(text).organisation,
            organisation_span=parsed.organisation,
            temporary=parsed.temporary,
        )
    change = succession(sentence, title_span, holder)
    if change is not None:
        fact = change.on(fact, text)
    return ClaimDraft(f"{name} is {title}.", start, end, "role", people=(name,), rule=rule, subject=name, role=fact)


def _with_clause_roles(
    text: str, claims: list[ClaimDraft], roles: list[Role], context: ArticleContext
) -> list[ClaimDraft]:
    """A role the sentence states as its statement ("X is chair of Y", "X heads the team", "X was named ...")
    is kept as the fact of the claim that states it (the narrowest that holds it: a side clause "X, who replaced Y
    as chair," before the main clause around it); no second claim repeats it."""
    out = list(claims)
    for role in roles:
        if is_side_fact(role):
            continue
        holding = [
            i
            for i, claim in enumerate(out)
            if claim.role is None
            and claim.kind != "role"
            and claim.start <= role.holder.start
            and (role.title.end <= claim.end)
        ]
        # Of those, the claims whose words say the title: a side fact cut out of the clause ("..., ending a
        # six-week search") may rest on as long a passage as the clause that says the role.
        title = " ".join(role.title.of(text).split())
        holding = [i for i in holding if title in " ".join(out[i].text.split())] or holding
        if holding:
            i = min(holding, key=lambda i: (out[i].end - out[i].start, i))
            out[i] = replace(out[i], role=role.fact(text, context.full_name(" ".join(role.holder.of(text).split()))))
    return out


def _with_left_posts(claims: list[ClaimDraft], left: list[ClaimDraft]) -> list[ClaimDraft]:
    """Each post its holder is said to leave in the sentence, as the fact of the narrowest claim that holds its
    words (the claim that says it was left); a role claim of its own where none does."""
    out = list(claims)
    for drafted in left:
        assert drafted.role is not None
        holding = [
            i
            for i, claim in enumerate(out)
            if claim.role is None and claim.kind != "role" and claim.start <= drafted.start and drafted.end <= claim.end
        ]
        if holding:
            i = min(holding, key=lambda i: (out[i].end - out[i].start, i))
            out[i] = replace(out[i], role=drafted.role)
        else:
            out.append(drafted)
    return out


def _fullest_roles(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """One role claim per holder and post: "X is President." goes when the article also says "X is Velmoran
    President." (every word of the shorter title stands in the longer)."""
    titles: dict[str, list[set[str]]] = {}
    for draft in drafts:
        if draft.kind == "role" and draft.role is not None:
            titles.setdefault(draft.role.holder, []).append(set(_title_words(draft.role.title)))
    out = []
    for draft in drafts:
        if draft.kind == "role" and draft.role is not None:
            words = set(_title_words(draft.role.title))
            if any(words < other for other in titles.get(draft.role.holder, [])):
                continue
        out.append(draft)
    return out


def _title_words(title: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(title) if w.lower() not in {"the", "a", "an"}]


def _speaker(sentence: Sentence, found: list[Person], context: ArticleContext) -> str | None:
    """Who the sentence reports as saying it (read from the parse): a named person, a resolved pronoun or
    title, or None."""
    phrase = speaker_phrase(sentence.tokens)
    return _resolve_subject(phrase.strip(), found, context) if phrase else None


def _resolve_subject(phrase: str, found: list[Person], context: ArticleContext) -> str | None:
    for person in found:
        if person.name in phrase:
            return context.full_name(person.name)
    words = phrase.split()
    if words and words[-1].lower() in v.PRONOUN_SUBJECTS and len(words) <= 2:
        return context.named_before(words[-1].lower())  # not a person this sentence names after the pronoun
    role = _SUBJECT_ROLE.match(phrase)
    if role:
        return context.by_role(role.group("role").lower())
    caps = [re.sub(r"[’']s$", "", w) for w in words if w[:1].isupper() and w.lower() not in v.NOT_NAME_WORDS]
    if caps and len(words) <= 4:
        return context.full_name(caps[0]) if len(caps) == 1 else " ".join(caps)
    return None


def _membership_claims(
    text: str, base: int, body: str, found: list[Person], published: dt.date | None
) -> list[ClaimDraft]:
    """ "The delegation includes A, B and C": one claim per named member."""
    verb = _MEMBERSHIP_VERB.search(body)
    if not verb:
        return []
    members = [p for p in found if p.start > verb.start()]
    # An untitled run of capitals may be a place ("South Africa"): a list of people shows at least one title.
    if len(members) < 2 or not any(p.title for p in members):
        return []
    group = _LEADING_MARKERS.sub("", body[: verb.start()].strip())
    if group.split(" ", 1)[0].lower() in v.ANAPHORIC_DETERMINERS:
        return []  # "Its other members included A": the group is named elsewhere; the sentence stays one claim
    verb_text = body[verb.start() : verb.end()]
    return [
        ClaimDraft(
            _capitalise(f"{group} {verb_text} {member.name}."),
            base,
            base + member.end,
            "membership",
            people=(member.name,),
            rule="membership-verb",
        )
        for member in members
    ]


def _enumeration_claims(text: str, sentence: Sentence, published: dt.date | None) -> list[ClaimDraft]:
    """ "... agreements with nine states, namely: A, B, ...": one claim per listed member."""
    if not sentence.items:
        return []
    lead = sentence.span.of(text)
    counted = _COUNTED_LIST.search(lead)
    head = lead[: counted.start()] if counted else lead.rstrip(" :")
    head = _LEADING_MARKERS.sub("", re.sub(r"^(?:as of today|so far|to date)\s*,\s*", "", head.strip(), flags=re.I))
    out = []
    for item in sentence.items:
        member = item.of(text)
        claim = f"{head.rstrip(' ,')} {member}."
        out.append(ClaimDraft(_capitalise(claim), sentence.span.start, item.end, "membership", rule="membership-list"))
    return out


def _statement_claims(
    text: str,
    sentence: Sentence,
    speaker: str | None,
    found: list[Person],
    published: dt.date | None,
    context: ArticleContext,
    listed: bool = False,
) -> list[ClaimDraft]:
    """The sentence's statement, split into its parts by the parse; a sentence whose members were listed one
    claim each (``listed``) keeps only its other parts."""
    parts = split(sentence.tokens)
    if listed:
        parts = [p for p in parts if p.rule != "clause"]
    body = sentence.span.of(text)
    out = []
    for part in parts:
        claim = _part_claim(text, sentence, part, speaker, len(parts) > 1, found, published, context)
        if claim is not None:
            out.append(claim)
    if len(out) == 1 and out[0].rule == "clause":
        out[0] = replace(out[0], rule="statement")
        times = () if out[0].time_text else _times(body, published, out[0].kind == "schedule", sentence.tokens)
        when = event_span(times)
        if when is not None:
            out[0] = replace(out[0], time_text=when[0], time_first=when[1], time_last=when[2], times=times)
    return _with_host_times(out)


# Side facts that happen when their host clause's act does ("A fire tore through the plant on Thursday, injuring
# 12 workers": the injuries were on Thursday too), and so take its time when they say none of their own.
_AT_HOST_TIME = frozenset({"ing-clause"})


def _with_host_times(claims: list[ClaimDraft]) -> list[ClaimDraft]:
    host = next((c for c in claims if c.rule not in _AT_HOST_TIME and c.time_text), None)
    if host is None:
        return claims
    return [
        replace(c, time_text=host.time_text, time_first=host.time_first, time_last=host.time_last, times=host.times)
        if c.rule in _AT_HOST_TIME and not c.time_text
        else c
        for c in claims
    ]


def _part_claim(
    text: str,
    sentence: Sentence,
    part: Part,
    speaker: str | None,
    split_up: bool,
    found: list[Person],
    published: dt.date | None,
    context: ArticleContext,
) -> ClaimDraft | None:
    doc = sentence.tokens.doc
    start = sentence.span.start if part.first == sentence.tokens[0].i else sentence.at(doc[part.first])
    piece = trim(text, Span(start, sentence.end_of(doc[part.last])))
    if piece.end <= piece.start:
        return None
    said_by = None if part.side else speaker
    if part.participle and part.said_by:
        said_by = _resolve_subject(part.said_by, found, context) or said_by
    means = _pronoun_means(sentence, part, found, context)
    claim_text = _self_contained(
        part.words,
        part.participle,
        said_by,
        split_up and not part.framed,
        context,
        means,
        _parsed_proper(sentence),
        part.untagged,
    )
    if claim_text is None or _no_comment(sentence, part):
        return None
    tokens = doc[part.first : part.last + 1]
    # "May" the month is no marker of the future; the modal is, capitalised or not, where the parse says so
    future = (
        any(w.lower() in v.FUTURE_MARKERS for w in _WORD.findall(part.words) if w != "May")
        or any(t.tag_ == "MD" and t.text == "May" for t in tokens)
        or any(_due_to_do(t) for t in tokens)
    )
    times = _times(part.words, published, future, tokens)
    when = event_span(times) or (_report_time(text, sentence, published) if part.rule == "report-conj" else None)
    own = set(part.own or range(part.first, part.last + 1))
    return ClaimDraft(
        claim_text,
        piece.start,
        piece.end,
        _kind(part.words, future, said_by, times),
        attributed_to=said_by,
        people=_people_named(claim_text, found, means, context),
        time_text=when[0] if when else None,
        time_first=when[1] if when else None,
        time_last=when[2] if when else None,
        times=times,
        rule=part.rule,
        quantities=quantities(sentence, part.first, part.last, only=own),
        subject=part.subject,
        event=event_of(text, sentence, own),
        presence=presence_of(text, sentence, own, _pronoun_resolver(sentence, found, context)),
    )


def _report_time(
    text: str, sentence: Sentence, published: dt.date | None
) -> tuple[str, dt.date | None, dt.date | None] | None:
    """When the sentence's reporting verb says it was said ("X said on Wednesday that A and that B"): the time
    of its second reported clause too, which the words given back to it ("X said that B") leave out."""
    root = sentence.tokens.root
    phrases = [
        sentence.span_of(c.left_edge, c.right_edge)
        for c in root.children
        if c.dep_ in ("prep", "npadvmod") and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
    ]
    if not phrases:
        return None
    body = sentence.span.of(text)
    base = sentence.span.start
    said = [
        t
        for t in _times(body, published, False, sentence.tokens)
        if any(p.start <= base + t.start and base + t.end <= p.end for p in phrases)
    ]
    return event_span(said)


def _people_named(claim_text: str, found: list[Person], means: str | None, context: ArticleContext) -> tuple[str, ...]:
    """The people the claim's words name: those its sentence names, and whom its opening pronoun means ("He had
    pleaded guilty" -> "Bogdan Ilin had pleaded guilty": the claim is about Ilin)."""
    named = [context.full_name(p.name) for p in found if p.name in claim_text]
    if means and means in claim_text and context.is_person(means):
        named.append(context.full_name(means))
    return tuple(dict.fromkeys(named))


def _due_to_do(token: Token) -> bool:
    """ "was due to visit on Wednesday": a plan, read forward in time; "due to the rain" is a cause."""
    return token.lower_ == "due" and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in token.children)


def _pronoun_means(sentence: Sentence, part: Part, found: list[Person], context: ArticleContext) -> str | None:
    """Whom the pronoun subject that opens the part's words means. In a side clause, the subject of the clause it
    hangs on, by the parse ("Kovac travelled to Dravia, where he signed ...": Kovac), when that agrees with the
    pronoun (a person for "he" and "she", a plural for "they"); otherwise, for "he" and "she", the person the
    names before the pronoun point to (``_pronoun_resolver``). Never a name the part's own words say beside it:
    in "he and President Lessing signed" "he" is not Lessing. None when no one fits."""
    doc = sentence.tokens.doc
    ids = part.own or range(part.first, part.last + 1)
    pronoun = next((doc[i] for i in ids if doc[i].lower_ in _PRONOUNS and doc[i].dep_ in _SUBJECT_DEPS), None)
    if pronoun is None and part.subject and part.subject.lower() in _PRONOUNS:
        # a coordinated verb given back the subject it shares: "He never earned ..., but saved ..."
        shared = part.subject.lower()
        before = reversed(doc[sentence.tokens.start : part.first])
        pronoun = next((t for t in before if t.lower_ == shared and t.dep_ in _SUBJECT_DEPS), None)
    if pronoun is None and part.rule == "report-conj":
        # "He said A, and that B": the reporting frame given back to B opens with the root's pronoun subject
        root = sentence.tokens.root
        pronoun = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS and c.lower_ in _PRONOUNS), None)
    if pronoun is None or (pronoun.lower_ in v.GENDERED_PRONOUNS and _both_genders(sentence)):
        return None
    clitic = doc[pronoun.i + 1] if pronoun.i + 1 < len(doc) and not pronoun.whitespace_ else None
    if clitic is not None and clitic.text[:1] in "'’" and not clitic.norm_.isalpha():
        return None  # "he's", "she'd": is or has, would or had, the parse does not say
    said = {w.lower() for i in ids if i > pronoun.i for w in _WORD.findall(doc[i].text)}
    for candidate in (_host_means(sentence, pronoun, found, context), _named_before(sentence, pronoun, found, context)):
        if candidate and not {w.lower() for w in _WORD.findall(candidate)} & said:
            return f"{candidate} {clitic.norm_}" if clitic is not None and clitic.text[:1] in "'’" else candidate
    return None


def _both_genders(sentence: Sentence) -> bool:
    """The sentence speaks of a man and of a woman ("she said ..., but he ..."): neither pronoun is resolved."""
    words = {t.lower_ for t in sentence.tokens}
    return sum(1 for forms in v.GENDERED_PRONOUNS.values() if forms & words) > 1


_PRONOUNS = v.PRONOUN_SUBJECTS | v.PLURAL_PRONOUN_SUBJECTS
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# A pronoun opening a claim, with the clitic written on it ("They’re"), which its restored subject spells out.
_PRONOUN_OPENER = re.compile(r"^(?:" + "|".join(sorted(_PRONOUNS)) + r")(?:['’][a-z]+)?\b", re.I)


def _host_means(sentence: Sentence, pronoun: Token, found: list[Person], context: ArticleContext) -> str | None:
    """The subject of the clause the pronoun's side clause hangs on, as written, when it agrees with the pronoun;
    a pronoun there means whom that one means."""
    host = host_subject(pronoun)
    if host is None:
        return None
    if host.lower_ in v.PERSONAL_SUBJECTS:
        if host.lower_ != pronoun.lower_:
            return None
        return _host_means(sentence, host, found, context) or _named_before(sentence, host, found, context)
    words = subject_words(host)
    if pronoun.lower_ in v.PLURAL_PRONOUN_SUBJECTS:
        return words if plural(host) else None
    if plural(host) or not _a_person(host, words, found, context):
        return None
    named = [p for p in found if p.name in words and (p.title or context.is_person(p.name))]
    if len(named) == 1:
        return context.full_name(named[0].name)  # "Fisheries Minister Anna Berg toured ..., and she ...": Anna Berg
    return context.full_name(words) if context.is_person(words) else words


# Entity labels the parse gives a person's name, and those it gives a name of something else.


def _a_person(head: Token, words: str, found: list[Person], context: ArticleContext) -> bool:
    """A subject "he" or "she" may mean: a name the parse labels a person's, a name the article knows as a
    person's, or a role ("the minister"); not a place, a body or a thing, nor a name of which nothing says whose."""
    if head.ent_type_ in PERSON_LABELS or context.is_person(words):
        return True
    if any(p.name in words and (p.title or context.is_person(p.name)) for p in found):
        return True
    return head.pos_ == "NOUN" and head.lower_ in v.ROLE_NOUNS


def _named_before(sentence: Sentence, pronoun: Token, found: list[Person], context: ArticleContext) -> str | None:
    """For "he" and "she": the person the names before the pronoun point to (``_pronoun_resolver``)."""
    if pronoun.lower_ not in v.PRONOUN_SUBJECTS:
        return None
    return _pronoun_resolver(sentence, found, context)(Span(sentence.at(pronoun), sentence.end_of(pronoun)))


def _parsed_proper(sentence: Sentence) -> frozenset[str]:
    """Capitalised words the parse reads as names: a proper noun, or a word of a named entity that is not a
    function word ("Velmoran officials")."""
    return frozenset(
        t.text
        for t in sentence.tokens
        if t.text[:1].isupper() and (t.pos_ == "PROPN" or (t.ent_type_ in NAME_LABELS and t.pos_ in ("NOUN", "ADJ")))
    )


def _pronoun_resolver(sentence: Sentence, found: list[Person], context: ArticleContext) -> Callable[[Span], str | None]:
    """Whom a pronoun of the sentence means: the one person the sentence names before it, or, when it names no
    one before it, the person the article named last; None when any other name stands before it."""
    base = sentence.span.start

    def resolve(pronoun: Span) -> str | None:
        proper = [
            sentence.at(t) - base for t in sentence.tokens if t.pos_ == "PROPN" and sentence.end_of(t) <= pronoun.start
        ]
        before = [p for p in found if base + p.end <= pronoun.start]
        word = next((t.lower_ for t in sentence.tokens if sentence.at(t) == pronoun.start), "")
        if not proper and not before:
            return context.named_before(word)
        names = {context.full_name(p.name) for p in before}
        if len(names) != 1 or not all(p.title or context.is_person(p.name) for p in before):
            return None
        covered = [(p.start, p.end) for p in before] + [
            (p.title_start, p.title_end) for p in before if p.title_start is not None and p.title_end is not None
        ]
        if not all(any(a <= at < b for a, b in covered) for at in proper):
            return None  # another name stands before the pronoun ("Odin said he ...", Odin untitled)
        name = names.pop()
        return name if context.heard(name, word) else None

    return resolve


def _note_last_named(sentence: Sentence, found: list[Person], context: ArticleContext) -> None:
    """The person the sentence names last, titled or known to the article already (a surname written alone:
    "Assange has denied both allegations"), is whom the next sentence's "he" or "she" means."""
    base = sentence.span.start
    named = [(base + p.start, context.full_name(p.name)) for p in found if p.title or context.is_person(p.name)]
    named += [
        (sentence.at(t), context.full_name(t.text))
        for t in sentence.tokens
        if t.pos_ == "PROPN" and t.text[:1].isupper() and context.is_person(t.text)
    ]
    # One named inside a relative clause is not whom "he" means beside another named outside it: "Bogdan Ilin,
    # the former chief executive who testified against Vardakis, was given ... He had pleaded guilty": Ilin.
    outside = [(at, name) for at, name in named if not _in_relative_clause(sentence, at)]
    if outside or named:
        context.last_person = max(outside or named)[1]


def _in_relative_clause(sentence: Sentence, at: int) -> bool:
    token = next((t for t in sentence.tokens if sentence.at(t) == at), None)
    return token is not None and any(a.dep_ == "relcl" for a in token.ancestors)


def _times(words: str, published: dt.date | None, future: bool, tokens: Tokens) -> tuple[TimeRef, ...]:
    """Every time ``words`` say, read with what the parse of ``tokens`` says of its modals and counts."""
    return tuple(find_times(words, published, future, parse_hints(words, tokens)))


def _no_comment(sentence: Sentence, part: Part) -> bool:
    """The part only reports that nothing was said: "The ministry did not comment", "X declined to say where
    ..." (its verb a negated or declined verb of comment, nothing else stated)."""
    doc = sentence.tokens.doc
    tokens = doc[part.first : part.last + 1]
    for token in tokens:
        if token.lemma_ not in v.COMMENT_VERBS or token.pos_ != "VERB":
            continue
        negated = any(child.dep_ == "neg" for child in token.children)
        declined = token.head.lemma_ in {"decline", "refuse"} and token.dep_ == "xcomp"
        if (negated or declined) and token.head.i in (token.i, *(t.i for t in tokens if t.dep_ == "ROOT")):
            return True
    return False


def _without_dateline(body: str) -> str:
    """``body`` with an opening dateline blanked out, every offset kept."""
    match = DATELINE.match(body)
    return body if match is None else " " * match.end() + body[match.end() :]


def _self_contained(
    clause: str,
    participle: str | None,
    speaker: str | None,
    split: bool,
    context: ArticleContext,
    means: str | None = None,
    proper: Collection[str] = (),
    untagged: str | None = None,
) -> str | None:
    """The clause rewritten to stand alone: subject named (a pronoun opening it by whom it ``means``), reporting
    frame kept, stray punctuation gone; after a speaker restored, its first word keeps its capital when it is a
    name (one of ``proper``, the words the parse reads as names, or of the article's proper words). A speaker is
    said once: restored before the clause, it stands for the reporting tag the clause carries (``untagged``, its
    words without the tag), and a clause that says its speaker keeps its own words."""
    words = _WORD.findall(clause)
    if len(words) < 4 or words[0] in v.CLAUSE_OPENERS:
        # Too short to state a fact, or a relative clause cut off from its noun (a sentence broken before
        # "who ..."): what it is about is unknown, and guessing a name into a quotation would misattribute it.
        return None
    if participle and speaker and means and means.split()[-1] == speaker.split()[-1]:
        means = None  # "X stressed that he ...", not "X stressed that X ...": the frame says who he is
    body = _stated(clause, context, means)
    if participle and speaker:
        body = f"{speaker} {participle} that {body}"
    elif split and speaker:
        bare = _stated(untagged, context, means) if untagged and len(_WORD.findall(untagged)) >= 4 else body
        if speaker.split()[-1] not in bare and not _HEAD_REPORT.match(bare):
            body = f"{speaker} said {_lower_first(bare, context, proper)}"
    body = body.rstrip(" ,;:")
    if sum(body.count(q) for q in _QUOTES) % 2:
        body = "".join(ch for ch in body if ch not in _QUOTES).strip()
    if not body.endswith((".", "!", "?", "”", '"')):
        body += "."
    return _capitalise(body)


def _stated(clause: str, context: ArticleContext, means: str | None) -> str:
    """The clause's words with the dateline, leading marker and joining conjunction gone and its pronoun subject
    named."""
    body = _LEADING_MARKERS.sub("", DATELINE.sub("", clause.strip(), count=1))
    body = re.sub(r"^(?:and|but|or)\s+", "", body, flags=re.I)
    return _name_pronoun(body.strip(" ,;"), context, means)


def _name_pronoun(body: str, context: ArticleContext, means: str | None) -> str:
    """Replace a leading "He", "She" or "They" with whom it ``means`` (kept when no one), and "The spokesman"
    with the person the article means."""
    match = _PRONOUN_OPENER.match(body)
    if match:
        if not means:
            return body
        body = _capitalise(means) + body[match.end() :]
    role = _ROLE_SUBJECT.match(body)
    if role:
        name = context.by_role(role.group("role").lower())
        if name:
            return name + body[role.end() :]
    return body


def _kind(clause: str, future: bool, speaker: str | None, times: tuple[TimeRef, ...] = ()) -> str:
    """The claim's kind by its words; the numbers of its times ("on 5 and 6 March") count nothing."""
    for t in times:
        clause = clause[: t.start] + " " * (t.end - t.start) + clause[t.end :]
    if any(q in clause for q in '“”"') and speaker:
        return "quote"
    if future:
        return "schedule"
    if _NUMBER.search(_DATES.sub("", clause)):
        return "quantity"
    if re.search(r"\b\w+ed\b|\b(?:was|were|had|took|met|held|began|gave|made|said|told|became)\b", clause):
        return "event"
    return "other"


def _proper_words(text: str, passages) -> set[str]:
    """Words the article capitalises in mid-sentence: proper nouns, which keep their capital letter."""
    found: set[str] = set()
    for passage in passages:
        for match in re.finditer(r"(?<=[a-z,;] )([A-Z][\w’'-]+)", passage.of(text)):
            found.add(match.group(1))
    return found


def _lower_first(body: str, context: ArticleContext, proper: Collection[str] = ()) -> str:
    """The clause after "X said": its first word in lower case, unless it is a name (by the parse, ``proper``,
    or by the article's capitals mid-sentence) or an abbreviation."""
    first = body.split(" ", 1)[0]
    word = _WORD.match(first)
    bare = re.sub(r"[’']s$", "", word.group()) if word else first
    if not first or first.isupper() or {first, bare} & (context.proper_words | set(proper)):
        return body
    return body[0].lower() + body[1:]


def _capitalise(body: str) -> str:
    """Upper-case the first letter, unless the first word is written with a capital inside ("iPhone")."""
    first = body.split(" ", 1)[0]
    if not body or any(ch.isupper() for ch in first[1:]):
        return body
    return body[0].upper() + body[1:]


def _without_repeated_roles(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """A role said inside another role of the same sentence is repetition: "X is President." beside "Y is aide to
    President X."."""
    out = []
    for draft in drafts:
        fact = draft.role
        if fact is not None:
            said = f"{fact.title} {fact.holder}".lower()
            if any(
                other is not draft
                and other.role is not None
                and other.sentence == draft.sentence
                and said in other.role.title.lower()
                for other in drafts
            ):
                continue
        out.append(draft)
    return out


def _unique(drafts: list[ClaimDraft], text: str) -> list[ClaimDraft]:
    seen: set[str] = set()
    out = []
    for draft in drafts:
        key = re.sub(r"\W+", " ", draft.text.lower()).strip()
        if key in seen:
            continue
        seen.add(key)
        out.append(draft)
    return [d for d in out if not _repeats(d, out, text)]


def _repeats(draft: ClaimDraft, drafts: list[ClaimDraft], text: str) -> bool:
    """A statement whose passage another sentence of the article says again with more (a standfirst repeated in
    the body, with the outlet's name after it) is repetition: the fuller one stands for both."""
    if draft.role is not None or draft.kind == "membership":
        return False
    mine = " ".join(text[draft.start : draft.end].lower().rstrip(".").split())
    for other in drafts:
        if other is draft or other.role is not None or other.sentence == draft.sentence:
            continue
        theirs = " ".join(text[other.start : other.end].lower().split())
        if len(theirs) > len(mine) and mine in theirs:
            return True
    return False
