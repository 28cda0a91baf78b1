"""Synthetic analysed articles for the scale benchmark, stored straight into a tracker database.

Each article is built from sentence templates filled with invented names (made of syllables), numbers and dates,
and is stored as a real ingest would store it: the source and its passages, its claims with exact offsets
(``text[start:end]`` is the quote), the facts (roles, quantities, times), the source entities with their
mentions, and the claim-entity links. Entities are shared by a Zipf-Mandelbrot law over pools of people, bodies
and places, so that a few people are named in thousands of articles and most in one or two. Articles come in
stories: several outlets cover one story within days of each other and state its facts (most alike, so
claims corroborate; a few with another number or day, so some conflict), and every article adds facts of its
own. A small share of articles are syndicated copies of an earlier one (stored without claims).

The schema is whatever ``tracker.store.models.Base.metadata`` says when the script runs: rows carry the
columns this module knows, filtered to the columns the table has; tables it does not know are left empty.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import random
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select, text

from tracker.dedupe import sample, shingles
from tracker.entities.run import profile
from tracker.store.entity_repo import kind_digest
from tracker.store.models import Base

# Names the shipped bench/data articles use: they take the top ranks of the pools, so that an article ingested
# into the big database names people who are already in thousands of its articles.
ANCHOR_PEOPLE = (
    ("Ana", "Sorel", "Foreign Minister"),
    ("Karl", "Odin", "Mayor"),
    ("Ivo", "Marek", "Governor"),
    ("Lina", "Varga", "head"),
    ("Teo", "Marsh", "opposition leader"),
    ("Mira", "Holt", "chief"),
)
ANCHOR_PLACES = ("Velmora", "Ostwick", "Brennfeld", "Dravia")
ANCHOR_BODIES = ("Velmoran Energy Agency",)

_ONSETS = ("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr")
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "o", "ai", "ei")
_CODAS = ("", "", "", "n", "r", "l", "s", "k", "m", "t")
_PLACE_ENDS = ("wick", "ora", "stad", "heim", "via", "mont", "ford", "grad", "ria", "burg")
_BODY_KINDS = (
    "Energy Agency", "Water Board", "Port Authority", "Rail Company", "Health Service", "Grain Council",
    "Trade Union", "Party", "Bank", "Chamber of Commerce", "Mining Company", "Broadcasting Corporation",
)  # fmt: skip
_OUTLET_KINDS = ("Courier", "Herald", "Post", "Tribune", "Gazette", "Daily", "Observer", "News", "Times", "Star")
# General English titles of office and function.
_TITLES = (
    "Foreign Minister", "Finance Minister", "Energy Minister", "Prime Minister", "President", "Mayor",
    "Governor", "spokesperson", "chief executive", "chairman", "ambassador", "envoy", "prosecutor", "director",
)  # fmt: skip
_KINDS_OF = ("rural", "new", "small", "private", "public", "coastal", "northern", "southern", "local", "foreign",
             "older", "young")  # fmt: skip
_NOUNS = tuple((noun, noun) for noun in (  # counted nouns (their class is the noun itself)
    "people", "workers", "homes", "soldiers", "schools", "trucks", "prisoners", "families", "towns", "jobs",
    "farms", "bridges", "shops", "doctors", "nurses", "teachers", "students", "buses", "ships", "flights",
    "factories", "villages", "hospitals", "wells", "roads", "pupils", "voters", "cars", "tonnes", "households",
    "companies", "patients", "volunteers", "engineers", "miners", "fishermen", "boats", "trains", "clinics", "mines",
))  # fmt: skip
# What a count counts, in words: with the noun and topic, own counts of different articles rarely say one thing.
_COUNT_PHRASES = (
    "had been affected by the dispute over",
    "were waiting for news of",
    "had signed a petition against",
    "had lost their work because of",
    "had been moved to make way for",
    "depend on",
    "were counted in the survey of",
    "have been added since the start of",
    "were left without help after the delay to",
    "took part in the debate on",
)
_EVENT_VERBS = (("met", "meeting"), ("held talks with", "talks"), ("signed an agreement with", "agreement"))
_TOPICS = (
    "the new power line", "the price of grain", "the river crossings", "the prisoner exchange", "the budget",
    "the port", "the railway to the coast", "the elections", "water supplies", "the border", "fishing rights",
    "the gas contract", "the new hospital", "the flood walls", "school reform", "the mining licence",
    "the harbour dredging", "bus fares", "the wind farm", "pension reform", "the tax on fuel", "the airport",
    "the dam", "the wage talks", "the copper mine", "the rail strike", "the fishing quota", "the coastal road",
    "the water tariff", "the school meals", "the vaccine supply", "the grain silos", "the ferry service",
    "the land register", "the housing plan", "the steel works", "the forest fires", "the court reform",
    "the customs post", "the power station", "the library", "the market hall", "the tunnel", "the canal",
)  # fmt: skip
_QUOTES = (
    "We will not sign anything that our voters have not seen",
    "This is the best agreement we could have reached this year",
    "The work has only begun, and it will take many months",
    "Nobody has told us what this will cost",
    "We expect an answer before the end of the month",
    "The people of this region deserve better than promises",
)
_FILLER = (
    "according to officials", "the statement said", "a spokesperson said", "officials said later",
    "local media reported", "the office said in a statement",
)  # fmt: skip
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
PERSON, BODY, PLACE = "person", "organization", "place"


@dataclass(frozen=True)
class CorpusShape:
    """How the synthetic corpus is drawn. The densities that follow from it are measured, not set here."""

    seed: int = 14
    # Pools grow with the corpus (a real archive meets new names as it grows): size = base + per_article * N.
    people_per_article: float = 8.0
    bodies_per_article: float = 1.0
    places_per_article: float = 0.6
    outlets: int = 150
    # Zipf-Mandelbrot: weight of rank k is 1 / (k + offset) ** exponent.
    zipf_exponent: float = 1.0
    zipf_offset: float = 10.0
    # Chance that an entity an article names again is one it has already named.
    reuse_in_article: float = 0.6
    # Sentences of an article's own facts beyond its story's, drawn uniformly in this range.
    own_sentences: tuple[int, int] = (16, 26)
    # Chance that an article covers a story already covered (from the last story_window stories).
    follow_story: float = 0.5
    story_window: int = 300
    # Chance that an article states its story's count or day differently (a conflict to find).
    misstate: float = 0.015
    copy_share: float = 0.03
    first_day: dt.date = dt.date(2023, 1, 2)
    days: int = 1000


def _name(rng: random.Random, syllables: int) -> str:
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))
    return word.capitalize()


class Zipf:
    """Ranks 0..size-1 drawn with weight 1 / (rank + offset) ** exponent."""

    def __init__(self, size: int, shape: CorpusShape, rng: random.Random) -> None:
        weights = [1.0 / (k + shape.zipf_offset) ** shape.zipf_exponent for k in range(size)]
        self.cumulative = list(itertools.accumulate(weights))
        self.rng = rng

    def draw(self) -> int:
        return bisect.bisect_left(self.cumulative, self.rng.random() * self.cumulative[-1])


@dataclass(frozen=True, slots=True)
class Person:
    first: str
    surname: str
    title: str
    body: int  # rank of the body they belong to

    @property
    def name(self) -> str:
        return f"{self.first} {self.surname}"


@dataclass
class Pools:
    people: list[Person]
    bodies: list[str]
    places: list[str]
    outlets: list[str]


def make_pools(size: int, shape: CorpusShape) -> Pools:
    rng = random.Random(shape.seed)
    used: set[str] = set()

    def unique(make) -> str:
        while True:
            word = make()
            if word not in used:
                used.add(word)
                return word

    places = list(ANCHOR_PLACES)
    used.update(places)
    for _ in range(int(50 + shape.places_per_article * size)):
        places.append(unique(lambda: _name(rng, rng.choice((1, 2))) + rng.choice(_PLACE_ENDS)))
    bodies = list(ANCHOR_BODIES)
    for _ in range(int(30 + shape.bodies_per_article * size)):
        bodies.append(unique(lambda: f"{_name(rng, 2)} {rng.choice(_BODY_KINDS)}"))
    firsts = [_name(rng, rng.choice((1, 2))) for _ in range(400)]
    people = [Person(first, surname, title, 0) for first, surname, title in ANCHOR_PEOPLE]
    used.update(p.surname for p in people)
    for _ in range(int(100 + shape.people_per_article * size)):
        surname = unique(lambda: _name(rng, rng.choice((2, 3))))
        people.append(Person(rng.choice(firsts), surname, rng.choice(_TITLES), rng.randrange(len(bodies))))
    outlets = []
    for _ in range(shape.outlets):
        outlets.append(unique(lambda: f"The {_name(rng, 2)} {rng.choice(_OUTLET_KINDS)}"))
    return Pools(people, bodies, places, outlets)


@dataclass
class Story:
    day: dt.date
    actor: int
    other: int
    place: int
    body: int
    verb: int
    count: int
    noun: int
    money: int
    next_day: dt.date
    next_place: int
    topic: int


# -- one article ------------------------------------------------------------------------------------------


@dataclass
class Part:
    """A piece of a sentence; ``ref`` is what it stands for: an entity key, a quantity or a time."""

    text: str
    entity: tuple[str, int] | None = None
    title_len: int = 0  # the first title_len characters of an entity's text are its title
    quantity: dict[str, Any] | None = None
    when: dt.date | None = None


@dataclass
class ClaimSpec:
    first: int  # parts[first:last] are the claim's words
    last: int
    kind: str
    rule: str
    text: str | None = None  # the claim's words when not its quote
    speaker: tuple[str, int] | None = None
    about: tuple[tuple[str, int], ...] = ()
    role: dict[str, Any] | None = None


@dataclass
class Article:
    text: str = ""
    passages: list[tuple[int, int]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)


class Writer:
    """Builds one article sentence by sentence, recording every span as it is written."""

    def __init__(self, pools: Pools, rng: random.Random, published: dt.date) -> None:
        self.pools, self.rng, self.published = pools, rng, published
        self.article = Article()
        self.paragraph: list[str] = []
        self.offset = 0
        self.para_start = 0

    def name(self, key: tuple[str, int], titled: bool = False) -> Part:
        kind, index = key
        seen = key in self.article.entities
        if kind == PERSON:
            person = self.pools.people[index]
            if seen:
                return Part(person.surname, key)
            if titled:
                title = f"{_office(self.pools, person)} "
                return Part(title + person.name, key, title_len=len(title))
            return Part(person.name, key)
        return Part(self.pools.bodies[index] if kind == BODY else self.pools.places[index], key)

    def day(self, day: dt.date) -> Part:
        return Part(f"on {day.day} {_MONTHS[day.month - 1]}", when=day)

    def sentence(self, parts: list[Part], claims: list[ClaimSpec]) -> None:
        start = self.offset + sum(len(p) + 1 for p in self.paragraph)
        spans = []
        cursor = start
        for part in parts:
            spans.append((cursor, cursor + len(part.text)))
            cursor += len(part.text)
        sentence = "".join(p.text for p in parts)
        self.paragraph.append(sentence)
        mentions: dict[tuple[str, int], list[int]] = {}
        for part, (s, e) in zip(parts, spans, strict=True):
            if part.entity is None:
                continue
            local = self.article.entities.setdefault(
                part.entity,
                {"name": self._full_name(part.entity), "type": part.entity[0], "strong": False, "mentions": []},
            )
            title = (s, s + part.title_len - 1) if part.title_len else (None, None)
            rule = (
                "titled-person"
                if part.title_len
                else ("capitalised-run" if part.entity[0] != PLACE else "parse-entity")
            )
            local["strong"] = local["strong"] or bool(part.title_len) or part.entity[0] == BODY
            local["mentions"].append((s + part.title_len, e, title[0], title[1], rule))
            mentions.setdefault(part.entity, []).append(len(local["mentions"]) - 1)
        for spec in claims:
            s, e = spans[spec.first][0], spans[spec.last - 1][1]
            quote_parts = parts[spec.first : spec.last]
            quantities = []
            for part, (ps, _pe) in zip(parts[spec.first : spec.last], spans[spec.first : spec.last], strict=True):
                if part.quantity is not None:
                    quantities.append({**part.quantity, "start": ps, "end": ps + len(part.quantity["words"])})
            times = [p for p in quote_parts if p.when is not None]
            claim_text = spec.text or _as_sentence(sentence[s - start : e - start])
            self.article.claims.append(
                {
                    "text": claim_text,
                    "start": s,
                    "end": e,
                    "kind": spec.kind,
                    "rule": spec.rule,
                    "sentence": (start, cursor),
                    "attributed_to_name": self._full_name(spec.speaker) if spec.speaker else None,
                    "time_text": times[0].text if times else None,
                    "time_first": times[0].when if times else None,
                    "time_last": times[0].when if times else None,
                    "times": [(t.text, t.when) for t in times],
                    "quantities": quantities,
                    "role": spec.role,
                    "subject": spec.role["holder"] if spec.role else None,
                    "links": [
                        (k, k == spec.speaker)
                        for k in dict.fromkeys((*spec.about, *(() if spec.speaker is None else (spec.speaker,))))
                    ],
                }
            )

    def end_paragraph(self) -> None:
        if not self.paragraph:
            return
        body = " ".join(self.paragraph)
        self.article.passages.append((self.offset, self.offset + len(body)))
        self.article.text += body + "\n\n"
        self.offset += len(body) + 2
        self.paragraph = []

    def heading(self, line: str) -> None:
        self.article.text += line + "\n\n"
        self.offset += len(line) + 2

    def _full_name(self, key: tuple[str, int]) -> str:
        kind, index = key
        if kind == PERSON:
            return self.pools.people[index].name
        return self.pools.bodies[index] if kind == BODY else self.pools.places[index]


def _as_sentence(words: str) -> str:
    words = words.strip().rstrip(",")
    words = words[0].upper() + words[1:]
    return words if words.endswith((".", '"')) else words + "."


def _own_noun(rng: random.Random) -> tuple[str, str]:
    """A counted noun with a word saying which (one class per pair): own counts of two articles rarely meet."""
    kind, (noun, _class) = rng.choice(_KINDS_OF), rng.choice(_NOUNS)
    return f"{kind} {noun}", f"{kind} {noun}"


def _p(text: str) -> Part:
    return Part(text)


# -- templates: each writes one sentence and the claims a real extraction reads from it ----------------------


def t_meeting(w: Writer, actor, other, place, verb: int, day: dt.date | None, topic: str, titled: bool = True) -> None:
    parts = [w.name(actor, titled=titled), _p(f" {_EVENT_VERBS[verb][0]} "), w.name(other)]
    if place is not None:
        parts += [_p(" in "), w.name(place)]
    parts.append(_p(f" to discuss {topic}"))
    if day is not None:
        parts += [_p(" "), w.day(day)]
    parts.append(_p(f", {w.rng.choice(_FILLER)}." if w.rng.random() < 0.5 else "."))
    claims = [ClaimSpec(0, len(parts), "event", "statement", about=(actor, other) + ((place,) if place else ()))]
    role = _role_of(w, actor, parts[0])
    if role:
        claims.insert(0, role)
    w.sentence(parts, claims)


def _office(pools: Pools, person: Person) -> str:
    """A person's one office, as a title before the name and in an apposition alike."""
    return f"{person.title[0].upper()}{person.title[1:]} of the {pools.bodies[person.body]}"


def _role_of(w: Writer, key, part: Part) -> ClaimSpec | None:
    if not part.title_len:
        return None
    person = w.pools.people[key[1]]
    title = part.text[: part.title_len - 1]
    return ClaimSpec(0, 1, "role", "role-title", text=f"{person.name} is {title}.", about=(key,),
                     role={"holder": person.name, "title": title, "title_start": 0, "title_len": part.title_len - 1,
                           "organisation": w.pools.bodies[person.body], "rule": "role-title"})  # fmt: skip


def t_count(w: Writer, body, place, count: int, noun: tuple[str, str], day: dt.date | None, topic: str,
            phrase: int = 0) -> None:  # fmt: skip
    words, noun_class = noun
    number = f"{count:,}"
    parts = [_p("The "), w.name(body), _p(" said "),
             Part(f"{number} {words}", quantity={"words": number, "value": str(count), "kind": "count",
                                                   "noun": words, "noun_class": noun_class}),
             _p(f" {_COUNT_PHRASES[phrase]} {topic} in "), w.name(place)]  # fmt: skip
    if day is not None:
        parts += [_p(" "), w.day(day)]
    parts.append(_p("."))
    speaker = body if w.rng.random() < 0.5 else None
    w.sentence(parts, [ClaimSpec(0, len(parts), "quantity", "statement", speaker=speaker, about=(body, place))])


def t_count_plain(w: Writer, place, count: int, noun: tuple[str, str], topic: str, phrase: int) -> None:
    words, noun_class = noun
    number = f"{count:,}"
    parts = [_p("About "), Part(f"{number} {words}", quantity={"words": number, "value": str(count), "kind": "count",
                                                             "noun": words, "noun_class": noun_class}),
             _p(" in "), w.name(place), _p(f" {_COUNT_PHRASES[phrase]} {topic}, {w.rng.choice(_FILLER)}.")]  # fmt: skip
    w.sentence(parts, [ClaimSpec(0, len(parts), "quantity", "statement", about=(place,))])


def t_money(w: Writer, person, body, place, millions: int) -> None:
    words = f"{millions} million euros"
    parts = [w.name(person), _p(" said the "), w.name(body), _p(" would provide "),
             Part(words, quantity={"words": f"{millions} million", "value": str(millions * 1_000_000),
                                   "kind": "money", "currency": "EUR"}),
             _p(" to "), w.name(place), _p(", "), _p(w.rng.choice(_FILLER)), _p(".")]  # fmt: skip
    w.sentence(parts, [ClaimSpec(0, len(parts), "quantity", "statement", speaker=person, about=(body, place))])


def t_schedule(w: Writer, person, place, other, body, day: dt.date | None, topic: str) -> None:
    parts = [w.name(person), _p(" will travel to "), w.name(place)]
    if day is not None:
        parts += [_p(" "), w.day(day)]
    parts += [_p(" for talks with "), w.name(other), _p(f" on {topic}")]
    speaker = body if w.rng.random() < 0.3 else None
    parts += [_p(", the "), w.name(body), _p(" said.")] if speaker else [_p(f", {w.rng.choice(_FILLER)}.")]
    w.sentence(
        parts, [ClaimSpec(0, len(parts), "schedule", "statement", speaker=speaker, about=(person, place, other))]
    )


def t_appositive(w: Writer, person, place) -> None:
    p = w.pools.people[person[1]]
    topic = w.rng.choice(_TOPICS)
    name = w.name(person)
    parts = [name, _p(f", the {_office(w.pools, p)}"), _p(", said "), _p(f"the talks on {topic} in "),
             w.name(place), _p(" had gone well.")]  # fmt: skip
    claims = [ClaimSpec(3, len(parts), "event", "clause", speaker=person, about=(place,))]
    if name.text == p.name:  # the first mention in the article: the apposition gives a role
        title = _office(w.pools, p)
        claims.insert(0, ClaimSpec(0, 2, "role", "role-apposition", text=f"{p.name} is {title}.", about=(person,),
                                   role={"holder": p.name, "title": title, "organisation": w.pools.bodies[p.body],
                                         "rule": "role-apposition"}))  # fmt: skip
    w.sentence(parts, claims)


def t_quote(w: Writer, person) -> None:
    parts = [_p(f'"{w.rng.choice(_QUOTES)}," '), w.name(person), _p(" told reporters.")]
    w.sentence(parts, [ClaimSpec(0, len(parts), "quote", "statement", speaker=person)])


def t_visit_and(w: Writer, person, place, other, body, day: dt.date | None) -> None:
    parts = [w.name(person), _p(" visited "), w.name(place)]
    if day is not None:
        parts += [_p(" "), w.day(day)]
    cut = len(parts)
    parts += [_p(", and "), w.name(other), _p(f" held talks on {w.rng.choice(_TOPICS)} with local officials, "
                                              f"{w.rng.choice(_FILLER)}.")]  # fmt: skip
    w.sentence(parts, [ClaimSpec(0, cut, "event", "clause", about=(person, place)),
                       ClaimSpec(cut + 1, len(parts), "event", "conj-clause", about=(other,))])  # fmt: skip


def t_membership(w: Writer, people) -> None:
    parts = [_p("The delegation includes ")]
    for i, key in enumerate(people):
        parts.append(w.name(key))
        parts.append(_p(", " if i < len(people) - 2 else (" and " if i == len(people) - 2 else ".")))
    claims = [ClaimSpec(2 * i + 1, 2 * i + 2, "membership", "membership-verb",
                        text=f"The delegation includes {w._full_name(key)}.", about=(key,))
              for i, key in enumerate(people)]  # fmt: skip
    w.sentence(parts, claims)


def t_other(w: Writer, body, place) -> None:
    year = w.published.year - w.rng.randint(1, 30)
    if w.rng.random() < 0.5:
        parts = [_p("The "), w.name(body), _p(f" has worked on {w.rng.choice(_TOPICS)} in "), w.name(place),
                 _p(f" since {year}, {w.rng.choice(_FILLER)}.")]  # fmt: skip
        w.sentence(parts, [ClaimSpec(0, len(parts), "other", "statement", about=(body, place))])
        return
    parts = [_p(f"The plans for {w.rng.choice(_TOPICS)} have been discussed since {year}, and the "), w.name(body),
             _p(" has asked for more time to study them.")]  # fmt: skip
    w.sentence(parts, [ClaimSpec(0, len(parts), "other", "statement", about=(body,))])


# -- the corpus ---------------------------------------------------------------------------------------------


class Corpus:
    def __init__(self, size: int, shape: CorpusShape) -> None:
        self.size, self.shape = size, shape
        self.rng = random.Random(shape.seed * 1_000_003 + size)
        self.pools = make_pools(size, shape)
        self.people = Zipf(len(self.pools.people), shape, self.rng)
        self.bodies = Zipf(len(self.pools.bodies), shape, self.rng)
        self.places = Zipf(len(self.pools.places), shape, self.rng)
        self.outlets = Zipf(len(self.pools.outlets), shape, self.rng)
        self.stories: list[Story] = []
        self.cast: dict[str, list[tuple[str, int]]] = {PERSON: [], PLACE: [], BODY: []}

    def _entity(self, kind: str, pool: Zipf) -> tuple[str, int]:
        named = self.cast[kind]
        if named and self.rng.random() < self.shape.reuse_in_article:
            return self.rng.choice(named)
        key = (kind, pool.draw())
        named.append(key)
        return key

    def person(self):
        return self._entity(PERSON, self.people)

    def body(self):
        return self._entity(BODY, self.bodies)

    def place(self):
        return self._entity(PLACE, self.places)

    def _distinct(self, draw, n: int, avoid=()) -> list:
        out: list = []
        while len(out) < n:
            key = draw()
            if key not in out and key not in avoid:
                out.append(key)
        return out

    def story(self, index: int) -> Story:
        rng = self.rng
        if self.stories and rng.random() < self.shape.follow_story:
            return rng.choice(self.stories[-self.shape.story_window :])
        day = self.shape.first_day + dt.timedelta(days=int(index * self.shape.days / max(1, self.size)))
        actor, other = self._distinct(self.person, 2)
        story = Story(
            day=day, actor=actor[1], other=other[1], place=self.places.draw(), body=self.bodies.draw(),
            verb=rng.randrange(len(_EVENT_VERBS)), count=rng.choice((12, 40, 150, 300, 1200, 3000, 25000)),
            noun=rng.randrange(len(_NOUNS)), money=rng.choice((5, 12, 45, 80, 300)),
            next_day=day + dt.timedelta(days=rng.randint(5, 40)), next_place=self.places.draw(),
            topic=rng.randrange(len(_TOPICS)),
        )  # fmt: skip
        self.stories.append(story)
        return story

    def article(self, index: int) -> tuple[Article, str, dt.date, str]:
        rng = self.rng
        s = self.story(index)
        published = s.day + dt.timedelta(days=rng.randint(0, 2))
        outlet = self.pools.outlets[self.outlets.draw()]
        w = Writer(self.pools, rng, published)
        actor, other, place, body = (PERSON, s.actor), (PERSON, s.other), (PLACE, s.place), (BODY, s.body)
        self.cast = {PERSON: [actor, other], PLACE: [place], BODY: [body]}
        w.heading(f"{self.pools.people[s.actor].surname} and {self.pools.people[s.other].surname} meet in "
                  f"{self.pools.places[s.place]}")  # fmt: skip
        w.heading(f"{published.day} {_MONTHS[published.month - 1]} {published.year}")
        misstated = rng.random() < self.shape.misstate
        day = s.day + dt.timedelta(days=rng.choice((1, 2))) if misstated and rng.random() < 0.5 else s.day
        count = s.count * 2 if misstated and day == s.day else s.count
        topic = _TOPICS[s.topic]
        t_meeting(w, actor, other, place, s.verb, day, topic)
        t_count(w, body, place, count, _NOUNS[s.noun], day if rng.random() < 0.3 else None, topic)
        w.end_paragraph()
        t_quote(w, actor)
        t_appositive(w, other, place)
        w.end_paragraph()
        if rng.random() < 0.6:
            t_schedule(w, actor, (PLACE, s.next_place), other, body, s.next_day, topic)
        if rng.random() < 0.5:
            t_money(w, other, body, place, s.money)
        w.end_paragraph()
        own = rng.randint(*self.shape.own_sentences)
        for i in range(own):
            self._own_sentence(w, published)
            if i % 2 == 1:
                w.end_paragraph()
        w.end_paragraph()
        return w.article, outlet, published, f"synthetic/{index:07d}.txt"

    def _own_sentence(self, w: Writer, published: dt.date) -> None:
        rng = self.rng
        roll = rng.random()
        day = published - dt.timedelta(days=rng.randint(1, 60)) if rng.random() < 0.25 else None
        topic = rng.choice(_TOPICS)
        if roll < 0.11:
            a, b = self._distinct(self.person, 2)
            place = self.place() if rng.random() < 0.4 else None
            t_meeting(w, a, b, place, rng.randrange(len(_EVENT_VERBS)), day, topic, rng.random() < 0.6)
        elif roll < 0.20:
            t_count(w, self.body(), self.place(), rng.randint(2, 5000), _own_noun(rng), day, topic,
                    rng.randrange(len(_COUNT_PHRASES)))  # fmt: skip
        elif roll < 0.27:
            t_count_plain(w, self.place(), rng.randint(2, 90000), _own_noun(rng), topic,
                          rng.randrange(len(_COUNT_PHRASES)))  # fmt: skip
        elif roll < 0.34:
            t_money(w, self.person(), self.body(), self.place(), rng.randint(1, 900))
        elif roll < 0.50:
            a, b = self._distinct(self.person, 2)
            later = published + dt.timedelta(days=rng.randint(1, 30)) if rng.random() < 0.15 else None
            t_schedule(w, a, self.place(), b, self.body(), later, topic)
        elif roll < 0.58:
            t_appositive(w, self.person(), self.place())
        elif roll < 0.64:
            t_quote(w, self.person())
        elif roll < 0.72:
            a, b = self._distinct(self.person, 2)
            t_visit_and(w, a, self.place(), b, self.body(), day)
        elif roll < 0.75:
            t_membership(w, self._distinct(self.person, rng.randint(2, 3)))
        else:
            t_other(w, self.body(), self.place())


# -- storing ------------------------------------------------------------------------------------------------


class Rows:
    """Rows per table, each keyed by the columns this module fills; ids assigned here."""

    TABLES = (
        "outlets", "entities", "sources", "passages", "claims", "claim_roles", "claim_quantities", "claim_times",
        "entity_kinds", "source_entities", "kind_keys", "mentions", "claim_entities", "source_shingles",
    )  # fmt: skip

    def __init__(self) -> None:
        self.tables: dict[str, list[dict[str, Any]]] = {t: [] for t in self.TABLES}
        self.next_id: dict[str, int] = dict.fromkeys(self.TABLES, 1)
        self.kinds: dict[str, int] = {}  # digest -> id of each kind stored

    def kind(self, name: str, kind: str, strong: bool, forms: str, titles: str, keys: Iterable[str]) -> int:
        """The id of this kind of article entity, stored with its keys when first met (as ``store_keys`` does)."""
        digest = kind_digest(name, kind, strong, forms, titles)
        if digest not in self.kinds:
            row = {"digest": digest, "name": name, "type": kind, "strong": strong, "forms": forms, "titles": titles}
            self.kinds[digest] = self.add("entity_kinds", row)
            for k in sorted(keys):
                self.add("kind_keys", {"key": k, "kind_id": self.kinds[digest]})
        return self.kinds[digest]

    def add(self, table: str, row: dict[str, Any]) -> int:
        if "id" not in row and table not in ("claim_roles", "claim_entities", "kind_keys", "source_shingles"):
            row["id"] = self.next_id[table]
            self.next_id[table] += 1
        self.tables[table].append(row)
        return row.get("id", 0)

    def clear(self) -> None:
        for rows in self.tables.values():
            rows.clear()


def store_article(rows: Rows, entity_ids: dict[tuple[str, int], int], article: Article, names, outlet_id: int,
                  published: dt.date, path: str, copy_of: tuple[int, str] | None = None) -> int:  # fmt: skip
    text = article.text if copy_of is None else copy_of[1]
    source_id = rows.add(
        "sources",
        {
            "path": path, "outlet_id": outlet_id, "url": f"https://news.example/{path.removesuffix('.txt')}",
            "title": text.split("\n", 1)[0], "published": published, "published_origin": "metadata",
            "content_sha256": hashlib.sha256(f"{path}\n{text}".encode()).hexdigest(), "media_type": "text/plain",
            "encoding": "utf-8", "text": text, "duplicate_of_id": copy_of[0] if copy_of else None,
            "duplicate_score": 1.0 if copy_of else None, "language": "en", "extraction": None, "staged": True,
        },
    )  # fmt: skip
    for position, (start, end) in enumerate(article.passages):
        rows.add("passages", {"source_id": source_id, "position": position, "start": start, "end": end})
    if copy_of is not None:
        return source_id
    body = "\n\n".join(text[start:end] for start, end in article.passages)
    for shingle in sorted(sample(shingles(body))):  # the fingerprint index, as ingest files an original
        rows.add("source_shingles", {"source_id": source_id, "shingle": shingle})
    claim_ids = []
    for position, c in enumerate(article.claims):
        claim_id = rows.add(
            "claims",
            {
                "source_id": source_id, "position": position, "text": c["text"], "start": c["start"],
                "end": c["end"], "kind": c["kind"], "attributed_to_name": c["attributed_to_name"],
                "time_text": c["time_text"], "time_first": c["time_first"], "time_last": c["time_last"],
                "cluster_id": None, "rule": c["rule"], "sentence_start": c["sentence"][0],
                "sentence_end": c["sentence"][1], "subject": c["subject"],
            },
        )  # fmt: skip
        claim_ids.append(claim_id)
        role = c["role"]
        if role is not None:
            title_start = c["start"] + role["title_start"] if "title_start" in role else None
            title_end = title_start + role["title_len"] if title_start is not None else None
            rows.add("claim_roles", {
                "claim_id": claim_id, "holder": role["holder"], "title": role["title"], "title_start": title_start,
                "title_end": title_end, "organisation": role.get("organisation"), "organisation_start": None,
                "organisation_end": None, "rule": role["rule"], "temporary": False,
            })  # fmt: skip
        for i, q in enumerate(c["quantities"]):
            rows.add("claim_quantities", {
                "claim_id": claim_id, "position": i, "value": q["value"], "kind": q["kind"], "noun": q.get("noun"),
                "noun_class": q.get("noun_class"), "modifier": None, "cumulative": False, "partial": False,
                "currency": q.get("currency"), "unit": None, "start": q["start"], "end": q["end"],
            })  # fmt: skip
        for i, (words, day) in enumerate(c["times"]):
            rows.add("claim_times", {"claim_id": claim_id, "position": i, "text": words, "first": day, "last": day,
                                     "role": "event"})  # fmt: skip
    local_ids = {}
    for position, (key, local) in enumerate(article.entities.items()):
        entity_id = entity_ids.get(key)
        if entity_id is None:
            entity_id = entity_ids[key] = rows.add("entities", {"name": local["name"], "type": local["type"],
                                                                "merged_into_id": None})  # fmt: skip
        written = [(text[s:e], text[ts:te] if ts is not None else None) for s, e, ts, te, _rule in local["mentions"]]
        forms, titles, keys = profile(local["name"], local["type"], local["strong"], written)
        se_id = local_ids[key] = rows.add("source_entities", {
            "source_id": source_id, "position": position, "name": local["name"], "type": local["type"],
            "strong": local["strong"], "entity_id": entity_id, "reason": None, "forms": forms, "titles": titles,
            "kind_id": rows.kind(local["name"], local["type"], local["strong"], forms, titles, keys),
        })  # fmt: skip
        for start, end, title_start, title_end, rule in local["mentions"]:
            rows.add("mentions", {"source_entity_id": se_id, "start": start, "end": end, "title_start": title_start,
                                  "title_end": title_end, "rule": rule})  # fmt: skip
    for claim_id, c in zip(claim_ids, article.claims, strict=True):
        for key, speaker in c["links"]:
            rows.add("claim_entities", {"claim_id": claim_id, "source_entity_id": local_ids[key], "speaker": speaker})
    return source_id


def _flush(connection, rows: Rows, unknown_columns: set[str]) -> None:
    for name in Rows.TABLES:
        batch = rows.tables[name]
        if not batch or name not in Base.metadata.tables:
            continue
        table = Base.metadata.tables[name]
        columns = set(table.c.keys())
        keys = [k for k in batch[0] if k in columns]
        for k in batch[0]:
            if k not in columns:
                unknown_columns.add(f"{name}.{k}")
        # Columns the table has now that this module does not fill must be nullable or have a default.
        missing = [c for c in table.c if c.key not in batch[0] and not c.nullable and c.default is None
                   and c.server_default is None and not c.primary_key]  # fmt: skip
        if missing:
            raise SystemExit(f"bench: {name}.{missing[0].key} is required and this benchmark does not fill it")
        connection.execute(table.insert(), [{k: r[k] for k in keys} for r in batch])
    rows.clear()


def build(engine: Engine, size: int, shape: CorpusShape = CorpusShape(), batch: int = 1000) -> dict[str, Any]:
    """Store ``size`` synthetic articles into the (migrated, empty) database; returns build figures."""
    started = time.perf_counter()
    corpus = Corpus(size, shape)
    rows = Rows()
    entity_ids: dict[tuple[str, int], int] = {}
    for index, outlet in enumerate(corpus.pools.outlets):
        rows.add("outlets", {"id": index + 1, "name": outlet})
    outlet_ids = {name: i + 1 for i, name in enumerate(corpus.pools.outlets)}
    recent: list[tuple[int, str, dt.date]] = []  # (source id, text, published) of recent originals, for copies
    unknown: set[str] = set()
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        for index in range(size):
            if recent and corpus.rng.random() < shape.copy_share:
                original_id, original_text, original_published = corpus.rng.choice(recent)
                outlet = corpus.pools.outlets[corpus.outlets.draw()]
                article = Article(passages=[])  # a copy: the original's text and passages
                article.passages = _passages_of(original_text)
                store_article(rows, entity_ids, article, corpus.pools, outlet_ids[outlet], original_published,
                              f"synthetic/{index:07d}.txt", copy_of=(original_id, original_text))  # fmt: skip
            else:
                article, outlet, published, path = corpus.article(index)
                source_id = store_article(rows, entity_ids, article, corpus.pools, outlet_ids[outlet], published, path)
                recent.append((source_id, article.text, published))
                del recent[:-50]
            if (index + 1) % batch == 0:
                _flush(connection, rows, unknown)
                if sys.stderr.isatty():
                    print(f"\r  built {index + 1:,} of {size:,}", end="", file=sys.stderr, flush=True)
        _flush(connection, rows, unknown)
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return {"articles": size, "build_s": round(time.perf_counter() - started, 1), "unfilled_columns": sorted(unknown)}


def _passages_of(text_: str) -> list[tuple[int, int]]:
    out, offset = [], 0
    parts = text_.split("\n\n")
    for i, part in enumerate(parts):
        if i >= 2 and part:  # the heading and date lines are not body
            out.append((offset, offset + len(part)))
        offset += len(part) + 2
    return out


def iter_sizes(value: str) -> Iterator[int]:
    for item in value.split(","):
        yield int(item.replace("_", ""))


def index(engine: Engine, chunk: int = 5000) -> dict[str, Any]:
    """Resolve each entity's article entities, then file every stored claim under its blocking keys and owner,
    and every entity's digest, as matching stores them (tracker's own readers: ``Reading``, ``claim_keys``,
    ``owner_of``), without comparing any pair.

    A database so indexed is matched incrementally by the next ingest, as a settled one is; what it lacks is
    the verdicts, clusters and flags among the stored claims (a full ``tracker entities resolve`` makes those,
    and takes hours at 100,000 articles). Chunked: memory holds one chunk's readings, and the entities."""
    from tracker.config import ENTITIES, MATCH
    from tracker.entities import run as entities_run
    from tracker.match import run as match_run
    from tracker.match.pairs import claim_keys
    from tracker.store import entity_repo, match_repo, session_scope
    from tracker.store.models import Claim, Entity, Source

    started = time.perf_counter()
    with session_scope(engine, write=True) as session:
        # Each entity's article entities resolved together by tracker's resolver (chunks of entities, not the
        # corpus at once: hours and gigabytes at 100,000), so that each stores the reason it joined, as a real
        # ingest leaves it; the next ingest's neighbourhood is resolved for real.
        entity_ids = list(session.scalars(select(Entity.id).where(Entity.merged_into_id.is_(None)).order_by(Entity.id)))
        for at in range(0, len(entity_ids), chunk // 2):
            found = entity_repo.candidates_of_entities(session, entity_ids[at : at + chunk // 2])
            entities_run._resolve(session, ENTITIES, found, everything=False)
        resolved_s = time.perf_counter() - started
        ids = list(
            session.scalars(
                select(Claim.id).join(Source, Source.id == Claim.source_id)
                .where(Source.duplicate_of_id.is_(None)).order_by(Claim.id)
            )
        )  # fmt: skip
        work = match_run.Incremental(session, MATCH)
        work.entities.load_all()
        match_repo.clear_index(session)
        filed = 0
        owned: list[int] = []  # claims whose post has an owner ("X's office"): read again once every key is filed
        for at in range(0, len(ids), chunk):  # keys first: owners are read through the persons' keyed posts
            facts = match_run.load_claim_facts(session, ids[at : at + chunk])
            readings = [match_run.Reading(c, work.entities) for c in facts]
            keys = {r.claim.id: claim_keys(r) for r in readings}
            match_repo.replace_keys(session, keys, keys)
            filed += sum(len(k) for k in keys.values())
            owned.extend(r.claim.id for r in readings if r.role is not None and r.role.office.owner_text)
        for at in range(0, len(owned), chunk):
            part = set(owned[at : at + chunk])
            work._read(part)
            read = [work.readings[c] for c in sorted(part) if c in work.readings]
            owners = {r.claim.id: o for r in read if (o := match_run.owner_of(r, work.entities))}
            match_repo.replace_owners(session, owners, owners)
            work.readings.clear()
        match_repo.write_entity_digests(
            session, {i: (match_run._digest(info), info.forms) for i, info in work.entities.items()}
        )
    return {
        "claims_indexed": len(ids), "keys": filed, "resolved_s": round(resolved_s, 1),
        "index_s": round(time.perf_counter() - started, 1),
    }  # fmt: skip
