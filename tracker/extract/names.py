"""People and their titles inside one sentence, found by the shape of English news prose.

"Kremlin spokesman Dmitry Peskov", "US Deputy Secretary of State Wendy R. Sherman", "Andrii Yermak, head of
the Office of the President,": a run of capitalised words is a name when a title ending in a role noun stands
right before it, or a title phrase stands right after it between commas. No list of names is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract import vocabulary as v

# Combining marks (U+0300-U+036F and the other combining blocks) belong to the letter before them: "Ts͡ybulenko"
# is one word, though Python's \w does not count them as word characters.
MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# A dotted acronym is one word ("U.S.", "U.K."), never the initial "S." after a stray "U"; so is a name joined by
# "&" ("PG&E", "AT&T").
TOKEN = re.compile(
    rf"(?:[A-Z]\.){{2,}}|[A-Z]\.(?=\s)|\(?[^\W\d_](?:[\w{MARKS}’'\-]|&(?=\w))*\)?|\d(?:[\d,.]*\d)?|[^\w\s{MARKS}]"
)
# Lower-case particles inside names: "Lula da Silva", "van der Leyen".
NAME_PARTICLES = frozenset(
    {"da", "de", "dos", "das", "do", "van", "von", "der", "den", "bin", "al", "di", "du", "la", "le"}
)
# Particles that may stand in a row inside one name: "van der", "de la", "van den".
MAX_PARTICLES = 2
# Particles written onto the next word with a hyphen, as romanised Arabic names write the article and "son of"
# ("al-Mansour", "el-Sisi", "ash-Shara", "ibn-Saud"): the word is a capitalised name word all the same.
HYPHENED_PARTICLES = frozenset("al el ad ar as ash at az an ibn bin abu ben".split())
_HYPHENED = re.compile(r"([a-z]+)-([^\W\d_])")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        return self.text.strip("()").rstrip(".").lower().removesuffix("’s").removesuffix("'s")

    @property
    def is_capitalised(self) -> bool:
        word = self.text.strip("()")
        if not word:
            return False
        return word[0].isupper() or hyphened_name(word)


def hyphened_name(word: str) -> bool:
    """A name word with its particle written on: "al-Mansour", "el-Sisi"."""
    hyphened = _HYPHENED.match(word)
    if hyphened is None:
        return False
    return hyphened.group(1) in HYPHENED_PARTICLES and hyphened.group(2).isupper()


@dataclass(frozen=True)
class Person:
    """A person named in a sentence, with the title the sentence gives them (offsets into the sentence)."""

    name: str
    start: int
    end: int
    title: str | None = None
    title_start: int | None = None
    title_end: int | None = None


def tokens(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


def is_name_word(token: Token) -> bool:
    """A capitalised word that can stand in a person's name (not an acronym, role, body or month)."""
    word = token.text.strip("()")
    if not word or not word[0].isupper():
        return False
    if re.fullmatch(r"[A-Z]\.", word):  # an initial
        return True
    if word.isupper() or any(ch.isdigit() for ch in word):
        return False
    bare = token.bare
    return (
        bare not in v.NOT_NAME_WORDS
        and bare not in v.ROLE_NOUNS
        and bare not in v.ORGANISATION_NOUNS
        and (bare not in v.TITLE_MODIFIERS)
    )


def _is_possessive(token: Token) -> bool:
    return token.text.endswith(("’s", "'s"))


def _is_role(token: Token) -> bool:
    return token.bare in v.ROLE_NOUNS


def _title_word(token: Token) -> bool:
    bare = token.bare
    return (
        token.is_capitalised
        or token.text in NAME_PARTICLES
        or bare in v.ROLE_NOUNS
        or bare in v.ORGANISATION_NOUNS
        or bare in v.TITLE_MODIFIERS
        or bare in v.TITLE_CONNECTORS
        or "-" in bare
    )


def people(sentence: str, common: frozenset[str] = frozenset()) -> list[Person]:
    """Every person the sentence names with a title before the name or an apposition after it. ``common``: the
    words its article writes as common nouns; a name of one such word is none ("Merok General Hospital")."""
    toks = tokens(sentence)
    found: list[Person] = []
    i = 0
    while i < len(toks):
        run_end = i
        while run_end < len(toks) and (
            _is_cap_or_initial(toks[run_end]) or (run_end > i and _particles_before_a_name(toks, run_end))
        ):
            run_end += 1
        if run_end == i:
            i += 1
            continue
        found.extend(_people_in_run(sentence, toks, i, run_end, common))
        i = run_end
    return _dedupe(found)


def _particles_before_a_name(toks: list[Token], j: int) -> bool:
    """``toks[j]`` opens the particles inside a name, one or several, before its next capitalised word: "Lula da
    Silva", "Pieter van der Meer", "Ana de la Cruz"."""
    k = j
    while k < len(toks) and k - j < MAX_PARTICLES and toks[k].text in NAME_PARTICLES:
        k += 1
    return j < k < len(toks) and _is_cap_or_initial(toks[k])


def _is_cap_or_initial(token: Token) -> bool:
    return token.is_capitalised and token.text not in {"(", ")"}


def _people_in_run(sentence: str, toks: list[Token], start: int, end: int, common: frozenset[str]) -> list[Person]:
    """Split a run of capitalised words into title words and a trailing name."""
    name_start = end
    while name_start > start and (
        (is_name_word(toks[name_start - 1]) and not _is_possessive(toks[name_start - 1]))
        or toks[name_start - 1].text in NAME_PARTICLES
    ):
        name_start -= 1
    titled = name_start > start  # title words before it in the run: "President de Gaulle", "Judge van der Berg"
    while name_start < end and toks[name_start].text in NAME_PARTICLES and not (titled and name_start < end - 1):
        name_start += 1
    if name_start == end or end - name_start > 5:
        return []
    # A possessive ends a name: "Zelensky's chief of staff" is about Zelensky, not a title for him.
    name_toks = toks[name_start:end]
    if _is_possessive(toks[end - 1]) and end < len(toks):
        return []
    if len(name_toks) == 1 and name_toks[0].bare in common:
        return []  # the article writes "hospital" as a noun: "Merok General Hospital" is no "Hospital" titled
    name = " ".join(t.text.strip("()") for t in name_toks)
    person_start, person_end = name_toks[0].start, name_toks[-1].end
    if name_toks[0].text.startswith("("):
        person_start = name_toks[0].start
    # "the Stadia's Founder's Edition": a title word owning the name names what it owns, not a titled person
    title = (
        None
        if name_start > start and _is_possessive(toks[name_start - 1])
        else _title_before(sentence, toks, name_start)
    )
    if title is None:
        title = _apposition_after(sentence, toks, end)
    if title is None:
        title = _title_phrase_before_comma(sentence, toks, name_start, end)
    if title is None:
        if len(name_toks) < 2:
            return []
        return [Person(name, person_start, person_end)]
    return [Person(name, person_start, person_end, sentence[title[0] : title[1]], title[0], title[1])]


def _title_before(sentence: str, toks: list[Token], name_start: int) -> tuple[int, int] | None:
    """A title running backwards from the name: "Deputy Foreign Minister", "head of the ... Council"."""
    j = name_start - 1
    seen_role = False
    begin = None
    while j >= 0:
        tok = toks[j]
        bare = tok.bare
        if tok.text in {"(", ")"} or (tok.text.startswith("(") and tok.text.endswith(")")):
            j -= 1
            continue
        if not _title_word(tok):
            break
        if bare == "and" and seen_role and not (j > 0 and toks[j - 1].is_capitalised and not is_name_word(toks[j - 1])):
            # "Sherman and Russian Deputy Foreign Minister X": the title starts after "and"; but
            # "Security and Defence Council" runs on through it
            break
        if bare in v.ROLE_NOUNS:
            seen_role = True
        begin = j
        j -= 1
    if begin is None or not seen_role:
        return None
    while begin < name_start and (toks[begin].bare in v.TITLE_CONNECTORS or toks[begin].bare in v.OPENING_WORDS):
        begin += 1  # "the", and what opens a sentence: "While White House press secretary X said ..."
    last = name_start - 1
    while last >= begin and toks[last].text in {"(", ")"}:
        last -= 1
    if last < begin or toks[last].bare in v.TITLE_CONNECTORS:
        return None
    if toks[last].bare.endswith("s") and toks[last].bare in v.ROLE_NOUNS and toks[last].bare[:-1] in v.ROLE_NOUNS:
        return None  # plural: "Presidents Putin and Biden" names two people
    if not any(_is_role(t) for t in toks[begin : last + 1]):
        return None
    # "aide to President X": X is the President; the words before "to" are someone else's title.
    for k in range(last - 1, begin, -1):
        if toks[k].bare in {"to", "for"} and any(_is_role(t) for t in toks[k + 1 : last + 1]):
            begin = k + 1
            break
    # "the People's Labour Party of Prime Minister X": words before "of" that hold no role are what the title's
    # holder leads, not the title ("Secretary of State X" holds one before it)
    for k in range(begin + 1, last):
        if toks[k].bare == "of":
            if not any(_is_role(t) for t in toks[begin:k]):
                begin = k + 1
                while begin < last and toks[begin].bare in v.TITLE_CONNECTORS:
                    begin += 1
            break
    return toks[begin].start, toks[last].end


def _apposition_after(sentence: str, toks: list[Token], end: int) -> tuple[int, int] | None:
    """ ", head of the Office of the President," or ", an aide to President X." right after the name."""
    if end >= len(toks) or toks[end].text != ",":
        return None
    k = end + 1
    stop = k
    while stop < len(toks) and toks[stop].text not in {",", ".", ";", ":", "“", '"', "”"}:
        stop += 1
    phrase = toks[k:stop]
    if not phrase or len(phrase) > 14:
        return None
    if phrase[0].bare in {"who", "which", "whose", "whom", "where", "when"}:
        return None
    if any(t.bare in v.REPORTING_VERBS or t.bare in {"is", "was", "has", "had", "will", "would"} for t in phrase):
        return None
    if not any(_is_role(t) for t in phrase) or not all(
        _title_word(t) or t.bare in {"a", "an", "the"} or t.text in {"(", ")"} for t in phrase
    ):
        return None
    while phrase and phrase[0].bare in {"a", "an", "the"}:
        phrase = phrase[1:]
    if not phrase:
        return None
    return phrase[0].start, phrase[-1].end


def _title_phrase_before_comma(sentence: str, toks: list[Token], name_start: int, end: int) -> tuple[int, int] | None:
    """ "The head of the Office of the President, Andrii Yermak, held ..." (title, name, between commas)."""
    if name_start < 2 or toks[name_start - 1].text != "," or end >= len(toks) or toks[end].text != ",":
        return None
    k = name_start - 2
    while k >= 0 and toks[k].text not in {",", ".", ";", ":"}:
        k -= 1
    phrase = toks[k + 1 : name_start - 1]
    if not phrase or len(phrase) > 14:
        return None
    if not all(_title_word(t) or t.bare in {"a", "an", "the"} for t in phrase):
        return None
    if not any(_is_role(t) for t in phrase):
        return None
    while phrase and phrase[0].bare in {"a", "an", "the"}:
        phrase = phrase[1:]
    return (phrase[0].start, phrase[-1].end) if phrase else None


def _dedupe(found: list[Person]) -> list[Person]:
    seen: set[tuple[int, int]] = set()
    out = []
    for person in found:
        if (person.start, person.end) not in seen:
            seen.add((person.start, person.end))
            out.append(person)
    return out
