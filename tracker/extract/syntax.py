"""Claims by syntax: a sentence's dependency parse split into the facts it states, by a named table of rules.

Every part names the rule that made it (``SYNTAX_RULES``), the words of its claim (the subject restored where a
coordinated verb or a side clause shares it) and the tokens it rests on, so that its quote is
``text[at(first):end_of(last)]``, inside its sentence. The main clause keeps every word no other part took; a
side fact (a non-restrictive relative clause, a participle or apposition after a comma, a subordinate clause
of time) is cut out of it, so the same words are never claimed twice.

The speaker is read from the parse too: the subject of a reporting verb ("Kovac said", "..., said Kovac"), or
the object of "according to".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tracker.extract import vocabulary as v
from tracker.lexicon import MONTHS, SCALES, WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Span as Tokens
    from spacy.tokens import Token

# Every syntactic rule that makes a part of a sentence, by name.
SYNTAX_RULES = {
    "clause": "the main clause: every word of the sentence no other rule took",
    "conj-clause": "a coordinated clause with its own subject: 'A won, and B lost'",
    "conj-verb": "a coordinated verb with its own object, sharing the subject: 'A won the vote and proposed ...'",
    "report-conj": "a second reported clause under one reporting verb: 'X said A and that B': 'X said that B'",
    "report-participle": "a reporting participle after a comma: '..., stressing that B': 'X stressed that B'",
    "contrast-clause": "a clause after a comma opened by 'although', 'though', 'while', 'whereas'",
    "colon-clause": "a clause after a colon or a semicolon",
    "relative-clause": "a non-restrictive relative clause after a comma: 'P, which was approved ...': 'P was approved'",
    "participle": "a past participle after a comma: 'the call, scheduled for 9 pm,': 'the call was scheduled ...'",
    "ing-clause": "a present participle after a comma: 'a fire hit the plant, injuring 12': 'a fire injured 12'",
    "apposition": "a common-noun apposition after a comma: 'aid, an increase of 5 %': 'aid is an increase of 5 %'",
    "time-clause": "a subordinate clause of time with its own subject: 'after A concluded B': 'A concluded B'",
    "absolute": "'..., the latest being D': 'The latest of the countries is D'",
    "inline-list": "a list after a colon or 'made up of': one part per member",
    "gapping": "members after a count that leave out its verb and noun: 'A had 51 seats, B 19 and C 14': 'B had 19 "
    "seats'",
}

# Subordinating words that open a side fact of its own, and those that join a contrasting statement.
TIME_MARKS = frozenset({"after", "since"})
CONTRAST_MARKS = frozenset({"although", "though", "while", "whereas"})
# Relative words that stand for a place or a time: 'Vilnius, where ...' gives '... in Vilnius'.
PLACE_TIME_RELATIVES = frozenset({"where", "when"})
# The prepositions that put a thing at a place itself. "where" restores its place with the one the place was
# written with when it is one of these ("met at the palace, where ..."), else with the first: "travelled to
# Dravia, where he signed ..." gives "he signed ... in Dravia", never "... to Dravia".
AT_PLACE_PREPOSITIONS = ("in", "at")
# The prepositions that put a thing at a time itself: "when" restores its time with the one it was written with
# when it is one of these ("on Friday, when ..."), else by the time: "on" a day ("postponed to Friday, when ..."),
# "in" a month or a year ("since 1989, when ..."), none for any other ("the following morning, when ...").
AT_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "during"})
DAY_PREPOSITION, MONTH_PREPOSITION = "on", "in"
# Entity labels of a time: a "where" said of one stands for the time of what happened there ("to Friday, where").
TIME_LABELS = frozenset({"DATE", "TIME"})
# Phrasal heads of an inline list of members: "is made up of A, B and C".
LIST_HEADS = frozenset({"made up of", "consists of", "consisted of", "composed of"})

# A side part is split off only when it is a checkable fact of its own: it names someone or something, or gives
# a number or a date ("held at the Varno Palace", "which was approved on 3 May"), not "with an emphasis on roads".
CHECKABLE_ENTITIES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT"}
)
# An apposition is a noun phrase of its own: it opens with a determiner or a possessive ("an increase of ...",
# "their first talks"), not with a number or an adverb, which are more often a list of modifiers misread.
APPOSITION_OPENERS = frozenset({"DT", "PRP$", "PDT"})
# Number words that make an amount of a plural noun one sum: "3 million euros is ...".
AMOUNT_WORDS = frozenset(SCALES) | frozenset(v.SCALE_ABBREVIATIONS)
# Modals that make a statement a possibility.
HEDGES = frozenset({"could", "might", "may"})
# Conjunctions that join a contrasting statement: ", but B" is a second claim.
CONTRAST_JOINTS = frozenset({"but", "yet"})
# Conjunctions of alternatives: "A or B" states neither.
ALTERNATIVES = frozenset({"or", "nor"})
# Words that tie a part to whoever is speaking: such a part is not a fact on its own ("our biggest partner").
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours"})
# Words spoken to someone: a part that holds them is what was said to them, not a fact ("telling them, 'you ...'").
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
# Objects that point back at an earlier sentence: "reported this" states nothing of its own.
POINTING_BACK = frozenset({"this", "that", "it", "so"})
# Finite verb tags: a clause after a colon or semicolon needs one to stand as a statement.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_OWN_COMPLEMENTS = frozenset(
    {"dobj", "attr", "acomp", "ccomp", "xcomp", "prep", "oprd", "dative", "agent", "advcl", "npadvmod", "advmod"}
)
_QUOTE_MARKS = '“”"„«»'
_MIN_SIDE_WORDS = 3
# A main clause left with fewer words than this keeps its side facts (claims of fewer words are not kept).
MIN_MAIN_WORDS = 4
# A coordinated clause split off needs this many words ("the RAM is too" is an echo, not a claim).
MIN_CLAUSE_WORDS = 5
_WORDS = re.compile(r"[^\W_][\w’'-]*")


@dataclass(frozen=True)
class Part:
    """One fact of a sentence: ``words`` read as a claim, resting on tokens ``first``..``last`` (inclusive)."""

    rule: str
    words: str
    first: int  # token index (doc.i) of the first token the part rests on
    last: int
    subject: str | None = None
    participle: str | None = None  # the reporting participle that opened it, in the past ("stressing": "stressed")
    said_by: str | None = None  # who the participle's statement is by: the subject of the verb it hangs on
    side: bool = False  # a side fact cut out of the main clause
    framed: bool = False  # it keeps its own reporting frame ('"A," the minister said'): no speaker to restore
    # Its words with the reporting tag they carry cut out ("The work, he added, will start in May": "The work will
    # start in May"): the claim reads these when its speaker is restored before them, which says who once. None
    # when its words carry no tag.
    untagged: str | None = None
    # The tokens the part's words are, where they are not all of first..last (the main clause, with its side
    # facts cut out); empty when they are.
    own: tuple[int, ...] = ()


def split(sentence: Tokens, sides: bool = True) -> list[Part]:
    """The parts of one parsed sentence, main clause first, in reading order of what they rest on. Side facts are
    cut out only where the main clause still says something of its own ("The incident comes" does not)."""
    tokens = list(sentence)
    if not tokens:
        return []
    quoted = _quoted(tokens)
    taken: set[int] = set()
    parts: list[Part] = []
    for rules in _SIDE_RULES if sides else ():  # time clauses first: one may stand inside another side fact
        for token in tokens:
            if token.i in quoted or token.i in taken:
                continue
            for rule in rules:
                part = rule(token, taken)
                if part is not None:
                    parts.append(part)
                    break
    root = sentence.root
    parts.extend(_clauses(root, sentence, taken, quoted))
    main = _main(sentence, taken)
    if sides and any(p.side for p in parts) and (main is None or len(_WORDS.findall(main.words)) < MIN_MAIN_WORDS):
        return split(sentence, sides=False)
    ends = [p.last for p in parts if p.side]
    if main is not None and ends:
        main = replace(main, last=max(main.last, *ends))  # its side facts are cut from it, not after it
    out = ([main] if main is not None else []) + parts
    end = sentence[-1].i
    out = [
        replace(p, last=end) if not p.side and all(t.is_punct for t in sentence.doc[p.last + 1 : end + 1]) else p
        for p in out
    ]
    return sorted(out, key=lambda p: (p.first, p.side))


# --- side facts -----------------------------------------------------------------------------------------------


def _relative_clause(token: Token, taken: set[int]) -> Part | None:
    """ "The plan, which was approved on 3 May, ..." gives "The plan was approved on 3 May"."""
    if token.dep_ != "relcl" or not _after_comma(token):
        return None
    sub = _with_aside(_mend(list(token.subtree)))
    relative = sub[0]
    rest = [t for t in sub[1:] if t.i not in taken]
    if len(rest) < _MIN_SIDE_WORDS or not (_checkable(rest) or _stated(rest)) or not _closed(sub):
        return None
    word = relative.lower_
    head = token.head
    if word == "which" and head.ent_type_ == "PERSON":
        # "a delegation led by Minister X, which also included ...": "which" is never said of a person, so the
        # clause is about the thing the person's phrase hangs on
        above = _thing_above(head)
        if above is None:
            return None
        head = above
    single = _singular(token)
    if single and (head.tag_ in ("NNS", "NNPS") or head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)):
        # "ties between A and B, which wants to join": a singular verb is said neither of a plural nor of "A and
        # B", whatever the parse hung it on, but of the noun just before the comma
        head = _noun_before(token) or head
        if head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children):
            return None
    antecedent = _antecedent(head, stop=sub[0].i, whole=not single)
    if not antecedent:
        return None
    name = _words(antecedent)
    if relative.dep_ in ("nsubj", "nsubjpass") and word in ("who", "which", "that"):
        words = f"{name} {_words(rest)}"
    elif word == "whose":
        words = f"{name}’s {_words(rest)}"
    elif word in PLACE_TIME_RELATIVES:
        prep = _relative_preposition(token.head, word)
        words = f"{_words(rest)} {prep} {name}" if prep else f"{_words(rest)} {name}"
    else:
        return None
    _take(taken, sub, comma_before=True)
    return Part("relative-clause", words, antecedent[0].i, sub[-1].i, subject=name, side=True)


def _relative_preposition(head: Token, relative: str) -> str | None:
    """The preposition that restores the place or time a "where" or "when" clause stands for. A place is where the
    clause happens ("in Dravia"), whatever the verb it hangs on took it with ("travelled to Dravia, where ...");
    a time is when it happens ("on Friday"), whatever it was reached with ("postponed to Friday, when ...")."""
    written = head.head.lower_ if head.dep_ == "pobj" and head.head.dep_ == "prep" else None
    if relative == "where" and head.ent_type_ not in TIME_LABELS:
        return written if written in AT_PLACE_PREPOSITIONS else AT_PLACE_PREPOSITIONS[0]
    if written in AT_TIME_PREPOSITIONS:
        return written
    if head.lower_ in WEEKDAYS or (head.lower_ in MONTHS and any(c.like_num for c in head.children)):
        return DAY_PREPOSITION  # "Friday", "3 May"
    if head.lower_ in MONTHS or (head.like_num and len(head.text) == 4):
        return MONTH_PREPOSITION  # "May", "1989"
    return None


def _participle(token: Token, taken: set[int]) -> Part | None:
    """ "The call, scheduled for 9 pm, was requested" gives "The call was scheduled for 9 pm"."""
    if token.tag_ != "VBN" or token.dep_ not in ("acl", "advcl") or not _after_comma(token):
        return None
    if any(c.dep_ in _SUBJECTS or c.dep_ in ("mark", "aux", "auxpass") for c in token.children):
        return None
    sub = [t for t in token.subtree if t.i not in taken]
    if len(sub) < _MIN_SIDE_WORDS or sub[0].i != token.i or not _checkable(sub) or not _closed(sub):
        return None
    head = token.head if token.dep_ == "acl" else _noun_before(token)
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    antecedent = _antecedent(head, stop=token.i)
    if not antecedent:
        return None
    be = "were" if plural(head) else "was"
    _take(taken, list(token.subtree), comma_before=True)
    name = _words(antecedent)
    return Part("participle", f"{name} {be} {_words(sub)}", antecedent[0].i, sub[-1].i, subject=name, side=True)


def _ing_clause(token: Token, taken: set[int]) -> Part | None:
    """ "A fire tore through the plant, injuring 12 workers" gives "A fire injured 12 workers": a present
    participle after a comma, with an object of its own, said of its host clause's subject."""
    if token.tag_ != "VBG" or token.dep_ not in ("advcl", "conj"):
        return None
    first = token.head if token.dep_ == "conj" else token  # "..., injuring 12 and forcing 300 out"
    if first.tag_ != "VBG" or first.dep_ != "advcl" or not _after_comma(first):
        return None
    if token.lower_ in v.PREPOSITION_PARTICIPLES or token.lower_ in v.REPORTING_PARTICIPLES:
        return None  # ", including X", ", stressing that": other rules, or no fact of their own
    if token.lemma_.lower() in v.REPORTING_VERBS:
        return None  # ", telling Cook that ...": what was said is no fact of the host's subject
    if any(t.text in _QUOTE_MARKS or t.lower_ in SECOND_PERSON for t in token.subtree):
        return None  # words spoken to someone, not a fact
    if any(c.dep_ in _SUBJECTS or c.dep_ in ("mark", "aux", "auxpass") for c in token.children):
        return None
    if not any(c.dep_ in ("dobj", "ccomp", "attr") for c in token.children):
        return None
    host = first.head
    if host.dep_ != "ROOT":
        return None  # "X said Russia handed them a memorandum, setting out ...": whose act it is, unclear
    subject = next((c for c in host.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > token.i or subject.pos_ == "PRON" or host.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in host.children):
        return None  # "X was charged with ..., visiting ...": whose act the participle is, the passive hides
    # a participle coordinated with this one is a fact of its own
    others = {t.i for c in token.children if c.dep_ == "conj" and c.tag_ == "VBG" for t in c.subtree}
    others |= {c.i for c in token.children if c.dep_ == "cc" and others and c.i < min(others)}
    mine = [t for t in token.subtree if t.i not in others]
    sub = [t for t in mine if t.i not in taken]
    rest = [t for t in sub if t.i != token.i]
    closed = _closed(sub) or sub[-1].i + 1 in others  # "..., injuring 12 workers and forcing ..."
    if len(rest) < _MIN_SIDE_WORDS - 1 or sub[0].i != token.i or not _checkable(rest) or not closed:
        return None
    # the parse may give a subject in two pieces ("Velmora's opposition | Civic Union took ..."): all of them
    pieces = [c for c in host.children if c.dep_ == "nsubj" and c.i < host.i]
    name = _words([t for piece in pieces for t in _without_clauses(piece)])
    _take(taken, mine, comma_before=token is first, cc_before=token is not first)
    words = f"{name} {_tensed(token.lemma_.lower(), host, subject)} {_words(rest)}"
    return Part("ing-clause", words, min(p.left_edge.i for p in pieces), sub[-1].i, subject=name, side=True)


def _tensed(lemma: str, host: Token, subject: Token) -> str:
    """The participle's verb in its host's tense: "hit the coast, killing" -> "killed"; "will cut costs, saving"
    -> "will save"; "cuts costs, saving" -> "saves"."""
    modal = next((c for c in host.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
    if modal is not None:
        return f"{modal.lower_} {lemma}"
    finite = [host, *(c for c in host.children if c.dep_ in ("aux", "auxpass"))]
    if any(t.tag_ == "VBD" for t in finite) or host.tag_ == "VBN":
        return past_tense(lemma)
    if host.tag_ == "VBZ" or any(t.tag_ == "VBZ" for t in finite):
        return _third_person(lemma)
    if host.tag_ == "VBP" or plural(subject):
        return lemma
    return past_tense(lemma)


def _third_person(lemma: str) -> str:
    """ "save" -> "saves", "carry" -> "carries", "push" -> "pushes", "have" -> "has"."""
    if lemma == "have":
        return "has"
    if lemma.endswith(("s", "sh", "ch", "x", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def past_tense(lemma: str) -> str:
    """The simple past of an English verb: the lexicon's irregular form, else the regular one ("injure" ->
    "injured", "carry" -> "carried", "stop" -> "stopped", "visit" -> "visited")."""
    if lemma in v.IRREGULAR_PAST:
        return v.IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    vowels = [i for i, ch in enumerate(lemma) if ch in "aeiou"]
    if len(vowels) == 1 and len(lemma) >= 3 and vowels[0] == len(lemma) - 2 and lemma[-1] not in "wxy":
        return lemma + lemma[-1] + "ed"  # one syllable ending consonant-vowel-consonant: "stop", "plan"
    return lemma + "ed"


def _apposition(token: Token, taken: set[int]) -> Part | None:
    """ "£2 billion in aid, an increase of £200 million" gives "£2 billion in aid is an increase of ..."; people's
    titles in apposition are roles, read elsewhere."""
    if token.pos_ != "NOUN" or not _after_comma(token) or token.ent_type_ in ("DATE", "TIME"):
        return None
    head = _apposed_to(token)
    if head is None or head.ent_type_ == "PERSON" or head.pos_ not in ("NOUN", "NUM") or head.i > token.i:
        return None
    if any(c.dep_ == "acl" and c.lower_ == "being" for c in token.children):
        return None
    sub = _mend([t for t in token.subtree if t.i not in taken])
    if len(sub) < _MIN_SIDE_WORDS or not _checkable(sub) or sub[0].tag_ not in APPOSITION_OPENERS:
        return None
    if not _closed(sub):
        return None
    antecedent = _antecedent(head, stop=sub[0].i)
    if not antecedent:
        return None
    be = ("were" if plural(head) else "was") if _past(token) else ("are" if plural(head) else "is")
    _take(taken, sub, comma_before=True)
    name = _words(antecedent)
    return Part("apposition", f"{name} {be} {_words(sub)}", antecedent[0].i, sub[-1].i, subject=name, side=True)


def _apposed_to(token: Token) -> Token | None:
    """The noun an apposition restates. The parser may hang it on a date ("on Friday, 16 May, their first talks")
    or read it as a second object ("announce £2 billion, an increase of ..."): then it restates the object."""
    if token.dep_ == "appos":
        head = token.head
        if head.pos_ == "PROPN" and head.ent_type_ not in ("PERSON", "DATE", "TIME"):
            # "aid for Velmo, an increase of ...": the apposition restates the phrase the name ends
            while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head.head
            return head
        if head.ent_type_ not in ("DATE", "TIME"):
            return head
        while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT":
            head = head.head
        return next((c for c in head.children if c.dep_ == "dobj" and c.i < token.i), None)
    if token.dep_ in ("dobj", "npadvmod"):
        earlier = [c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i]
        return _noun_before(token) if earlier else None
    return None


def _time_clause(token: Token, taken: set[int]) -> Part | None:
    """ "..., after the United Kingdom concluded its agreement" gives "The United Kingdom concluded its agreement"."""
    if token.dep_ != "advcl" or not any(c.dep_ in _SUBJECTS for c in token.children):
        return None
    marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ in TIME_MARKS]
    if not marks:
        return None
    sub = _mend([t for t in token.subtree if t.i not in taken and t.i != marks[0].i])
    if len(sub) < _MIN_SIDE_WORDS or marks[0].i != token.left_edge.i or not _checkable(sub):
        return None
    _take(taken, [*sub, marks[0]], comma_before=True)
    return Part("time-clause", _words(sub), sub[0].i, sub[-1].i, side=True)


def _absolute(token: Token, taken: set[int]) -> Part | None:
    """ "Kovac has visited four countries, the latest being Dravia" gives "The latest of four countries is Dravia"."""
    if token.lower_ != "being":
        return None
    subject = token.head if token.dep_ == "acl" else next((c for c in token.children if c.dep_ == "nsubj"), None)
    complement = next((c for c in token.children if c.dep_ in ("attr", "acomp", "oprd")), None)
    if subject is None or complement is None or not _after_comma(subject):
        return None
    group: Token | None = subject.head
    if subject.dep_ != "appos":  # "visited four countries, the latest being D": the object of the verb it hangs on
        group = next((c for c in token.head.children if c.dep_ == "dobj" and c.i < subject.i), None)
    if group is None or group.pos_ != "NOUN":
        return None
    lead = [t for t in subject.subtree if t.i < token.i]
    of = _antecedent(group, stop=lead[0].i)
    phrase = list(subject.subtree) if subject.dep_ == "appos" else list(token.subtree)
    _take(taken, phrase, comma_before=True)
    words = f"{_words(lead)} of {_words(of)} {'are' if plural(complement) else 'is'} {_words(complement.subtree)}"
    return Part("absolute", words, lead[0].i, max(t.i for t in phrase), side=True)


_SIDE_RULES = ((_time_clause,), (_relative_clause, _participle, _ing_clause, _apposition, _absolute))


# --- clauses --------------------------------------------------------------------------------------------------


def _clauses(root: Token, sentence: Tokens, taken: set[int], quoted: set[int]) -> list[Part]:
    """Coordinated and reported clauses of the sentence, each cut out of the main clause."""
    parts: list[Part] = []
    heads = [root]
    if _reporting(root):
        heads += [c for c in root.children if c.dep_ == "ccomp"]
    for head in heads:
        for conj in [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]:
            if conj.i in quoted or conj.i in taken:
                continue
            part = _coordinated(head, conj, root, taken)
            if part is not None:
                parts.append(part)
        for child in head.children:
            if child.i in quoted or child.i in taken:
                continue
            part = _joined(head, child, root, taken)
            if part is not None:
                parts.append(part)
        parts.extend(_gapped(head, taken, quoted))
    parts.extend(_inline_list(sentence, taken, quoted))
    parts.extend(_semicolons(sentence, taken, quoted))
    return parts


# The words of a member of a gapped list before its number: a noun phrase ("the Farmers' League").
_MEMBER_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART"})
_MEMBER_MARKS = frozenset({"'", "’", "'s", "’s"})


def _gapped(head: Token, taken: set[int], quoted: set[int]) -> list[Part]:
    """ "Labour had 51 seats, Green Future 19 and the Farmers' League 14": the verb and the counted noun are said
    once, before members that each give only a name and a number (gapping). A part per member, read with the
    verb and the noun ("Green Future had 19 seats"); the first count stays the main clause's. The list must be
    closed by "and" and each member be a noun phrase and a number, so that an apposition or a count of
    something else after a comma is never read as one."""
    subject = _subject_of(head, quoted)
    if subject is None or _reporting(head):
        return []
    obj = next((c for c in head.children if c.dep_ in ("dobj", "attr") and c.i > head.i), None)
    count = None if obj is None else next((c for c in obj.children if c.dep_ == "nummod" and c.i < obj.i), None)
    if obj is None or count is None or any(t.i in quoted or t.i in taken for t in obj.doc[subject.i : obj.i + 1]):
        return []
    doc = obj.doc
    end = obj.sent.end
    verb = [t for t in doc[subject.right_edge.i + 1 : count.i] if t.i not in taken]
    noun = list(doc[count.i + 1 : obj.i + 1])
    if not verb or not any(t.i == head.i for t in verb):
        return []
    members: list[tuple[list[Token], list[Token]]] = []  # (joint, member) of each
    i, closed = obj.i + 1, False
    while i < end and not closed:
        joint = []
        while i < end and (doc[i].text == "," or doc[i].lower_ == "and"):
            joint.append(doc[i])
            i += 1
        if not joint:
            break
        closed = any(t.lower_ == "and" for t in joint)
        member = []
        while i < end and doc[i].text != "," and doc[i].lower_ != "and" and not doc[i].is_sent_end:
            member.append(doc[i])
            i += 1
        number, words = (member[-1], member[:-1]) if member else (None, [])
        if (
            number is None
            or not number.like_num
            or not words
            or not all(t.pos_ in _MEMBER_POS or t.text in _MEMBER_MARKS for t in words)
            or not any(t.pos_ in ("PROPN", "NOUN") for t in words)
            or any(t.i in quoted or t.i in taken for t in member)
        ):
            return []
        members.append((joint, member))
    if not closed or not members or (i < end and not doc[i].is_punct):
        return []
    parts = []
    for joint, member in members:
        taken.update(t.i for t in joint + member)
        said = f"{_words(member[:-1])} {_words(verb)} {member[-1].text} {_words(noun)}"
        parts.append(Part("gapping", said, member[0].i, member[-1].i, own=tuple(t.i for t in member)))
    return parts


def _semicolons(sentence: Tokens, taken: set[int], quoted: set[int]) -> list[Part]:
    """ "A; B": where the parser hangs B's clause across the semicolon, the sides are split by position, each
    a clause with its own subject."""
    parts: list[Part] = []
    for semi in [t for t in sentence if t.text == ";" and t.i not in quoted and t.i not in taken]:
        left = [t for t in sentence if t.i < semi.i and t.i not in taken]
        right = [t for t in sentence if t.i > semi.i and t.i not in taken]
        if not (_clause_in(left) and _clause_in(right)) or len(_content(right)) < 4:
            continue
        taken.update(t.i for t in right)
        taken.add(semi.i)
        parts.append(Part("colon-clause", _words(right), right[0].i, right[-1].i))
    return parts


def _clause_in(tokens: list[Token]) -> bool:
    """Some verb among ``tokens`` has its subject among them too."""
    ids = {t.i for t in tokens}
    return any(t.dep_ in _SUBJECTS and t.head.i in ids and t.head.pos_ in ("VERB", "AUX") for t in tokens)


def _coordinated(head: Token, conj: Token, root: Token, taken: set[int]) -> Part | None:
    joint = _joint(conj)
    if joint is not None and joint.lower_ in ALTERNATIVES:
        return None  # "where A or who B": alternatives, not two facts
    if any(c.dep_ == "mark" and c.i == conj.left_edge.i and c.lower_ != "that" for c in conj.children):
        return None  # "as A and as B": a second subordinate clause, not a statement of its own
    reported = next((c for c in conj.children if c.dep_ == "ccomp" and c.i < conj.i), None)
    if _reporting(conj) and reported is not None:
        # "A, but B, said X": the conjunct is the reporting frame of B
        sub = [t for t in reported.subtree if t.i not in taken]
        words = [t for t in sub if not (t.dep_ in ("cc", "punct") and t.head.i == reported.i and t.i < reported.i)]
        if len(_content(words)) < 3:
            return None
        _take(taken, list(conj.subtree), cc_before=True)
        return Part("conj-clause", _words(words), words[0].i, _last(words))
    frame_words: set[int] = set()
    for child in conj.children:
        if _reporting(child) and child.dep_ in ("parataxis", "ccomp", "conj") and child.i > conj.i:
            frame_words.update(t.i for t in child.subtree)  # "..., Kovac said" after the conjunct
    sub = [t for t in conj.subtree if t.i not in taken and t.i not in frame_words]
    words = [t for t in sub if not (t.i < conj.i and t.dep_ in ("cc", "punct") and t.head.i == conj.i)]
    if len(_content(words)) < 3:
        return None
    own_subject = any(c.dep_ in _SUBJECTS for c in conj.children)
    under_report = head is not root and _reporting(root) and head.dep_ == "ccomp" and root.i < head.i
    text, subject_name = _words(words), None
    pronoun = any(c.dep_ in _SUBJECTS and c.lower_ in v.PERSONAL_SUBJECTS for c in conj.children)
    contrast = joint is not None and joint.lower_ in CONTRAST_JOINTS
    if own_subject and not under_report and (joint is None or not _long_enough(conj, words)):
        return None  # an unjoined clause is the parser's guess; "A, and the RAM is too" says nothing alone
    if own_subject and not under_report and not (_comma_before(conj) and (pronoun or contrast or _checkable(words))):
        return None  # "A is landlocked and B can act as a basin": one description, not a second checkable fact
    if not own_subject:
        says = _reporting(conj) and any(c.dep_ == "ccomp" for c in conj.children)
        if not any(c.dep_ in _OWN_COMPLEMENTS for c in conj.children) or not (
            says or _checkable(words) or _modal_of_its_own(conj, head)
        ):
            return None
        if not (says or _comma_before(conj)):
            return None  # "released A and redesigned B" is one act; ", and proposed B" a second one
        if under_report and _reporting(conj):
            head, under_report = root, False  # "X said A and argued B": argued is X's, parsed under A
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        lead = _without_clauses(subject)
        if conj.tag_ in ("VB", "VBN", "VBG") and not any(c.dep_ in ("aux", "auxpass") for c in conj.children):
            lead += [c for c in head.children if c.dep_ in ("aux", "neg") and c.i < head.i]
        subject_name = _words(_without_clauses(subject))
        text = f"{_words(lead)} {text}"
    rule = "conj-clause" if own_subject else "conj-verb"
    if under_report:
        # "X said A and that B": B is said by X too
        if any(c.dep_ == "neg" for c in root.children) or not (_checkable(words) or _stated(words)):
            return None
        frame = _frame(root, taken)
        if frame is None:
            return None
        text = f"{frame} {text}" if text.lower().startswith("that ") else f"{frame} that {text}"
        rule = "report-conj"
    _take(taken, [t for t in conj.subtree if t.i not in frame_words], cc_before=True)
    return Part(rule, text, words[0].i, _last(words), subject=subject_name)


def _modal_of_its_own(conj: Token, head: Token) -> bool:
    """The conjunct says what will or may be, the clause it joins what was: "was named acting governor, and will
    run the bank until ...": a plan beside a fact, two claims of two kinds."""
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in conj.children)
    joined = _joint(conj) is not None  # by "and", "but": a conjunct the parse only guessed is none
    return joined and modal and not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in head.children)


def _joined(head: Token, child: Token, root: Token, taken: set[int]) -> Part | None:
    """A clause joined by a reporting participle, a contrasting conjunction, a colon or a semicolon."""
    before = child.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
    sub = [t for t in child.subtree if t.i not in taken]
    if before is None or len(_content(sub)) < 4:
        return None
    if child.tag_ == "VBG" and child.lower_ in v.REPORTING_PARTICIPLES and before.text == ",":
        rest = [t for t in sub if t.i != child.i]
        if rest and rest[0].lower_ == "that" and rest[0].dep_ == "mark":
            rest = rest[1:]
        _take(taken, list(child.subtree), comma_before=True)
        subject = _subject_of(head)
        said_by = _words(_named(subject)) if subject is not None else None
        past = past_tense(child.lemma_.lower())
        return Part("report-participle", _words(rest), child.i, sub[-1].i, participle=past, said_by=said_by)
    marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS]
    finite = child.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in child.children
    )
    has_subject = any(c.dep_ in _SUBJECTS for c in child.children)
    if (
        child.dep_ == "advcl"
        and marks
        and marks[0].i == child.left_edge.i
        and before.text == ","
        and finite
        and has_subject
    ):
        rest = [t for t in sub if t.i != marks[0].i]
        _take(taken, list(child.subtree), comma_before=True)
        return Part("contrast-clause", _words(rest), rest[0].i, rest[-1].i)
    if before.text in (";", ":") and finite and has_subject:
        if child.dep_ not in ("conj", "parataxis", "ccomp", "advcl"):
            return None
        _take(taken, list(child.subtree), comma_before=True)
        return Part("colon-clause", _words(sub), sub[0].i, sub[-1].i)
    return None


def _inline_list(sentence: Tokens, taken: set[int], quoted: set[int]) -> list[Part]:
    """ "Ukraine has three agreements: with A, B and C" and "The team is made up of A, B and C": a part per member,
    each read with the words before the list."""
    for token in sentence:
        if token.i in quoted or token.i in taken:
            continue
        opened = _list_opener(token, sentence)
        if opened is None:
            continue
        prep, members = opened
        if len(members) < 2 or any(m.i in taken or m.i in quoted for m in members):
            continue
        if not all(m.pos_ == "PROPN" for m in members):
            continue  # "two drafts: a treaty and an agreement" is one fact; named members are one each
        cut = token.i if token.text == ":" else token.i + 1  # the head ends before the colon, or after "of"
        head_tokens = [t for t in sentence if t.i < cut and t.i not in taken]
        head = _words(head_tokens)
        lead = head + (":" if token.text == ":" else "")
        lead = f"{lead} {prep.text}" if prep is not None else lead
        parts = []
        for member in members:
            words = _member_words(member)
            # Before a colon the lead is a claim of its own ("three agreements"); a member's facts are its own
            # words (the count is the lead's, said once), after "made up of" the lead's words are the member's.
            own = tuple(t.i for t in words) + ((prep.i,) if prep is not None else ()) if token.text == ":" else ()
            parts.append(Part("inline-list", f"{lead} {_words(words)}", sentence[0].i, words[-1].i, own=own))
        first = prep.i if prep is not None else members[0].left_edge.i
        taken.update(range(first, max(m.right_edge.i for m in members) + 1))
        if token.text == ":":
            taken.add(token.i)  # the words before a colon state a fact of their own ("three agreements")
        else:
            taken.update(t.i for t in head_tokens)  # "The team is made up of" says nothing without its members
        return parts
    return []


def _list_opener(token: Token, sentence: Tokens) -> tuple[Token | None, list[Token]] | None:
    """The members of a list after a colon or after 'made up of', with the preposition each member takes."""
    doc = token.doc
    if token.text == ":":
        after = [t for t in sentence if t.i > token.i and not t.is_punct]
        tops = [t for t in after if not (token.i < t.head.i <= sentence[-1].i) or t.head.i == t.i]
        if len(tops) != 1 or tops[0].pos_ in ("VERB", "AUX"):
            return None
        top = tops[0]
        if top.dep_ == "prep":
            pobj = next((c for c in top.children if c.dep_ == "pobj"), None)
            return (top, _members(pobj)) if pobj is not None else None
        return None, _members(top)
    if token.lower_ == "of" and token.i >= 2:
        phrase = " ".join(t.lower_ for t in doc[token.i - 2 : token.i + 1])
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if phrase in LIST_HEADS and pobj is not None:
            return None, _members(pobj)
    return None


def _members(first: Token) -> list[Token]:
    out = [first]
    for child in first.children:
        if child.dep_ == "conj":
            out.extend(_members(child))
    return sorted(out, key=lambda t: t.i)


def _member_words(member: Token) -> list[Token]:
    """A member's own words, without the members coordinated with it."""
    skip: set[int] = set()
    for child in member.children:
        if child.dep_ == "conj":
            skip.update(t.i for t in child.subtree)
        if child.dep_ == "cc" and child.i > member.i:
            skip.add(child.i)
    words = [t for t in member.subtree if t.i not in skip and not (t.dep_ == "cc" and t.head.i == member.i)]
    while words and words[-1].is_punct:
        words.pop()  # the comma before the next member; one inside stays: "Aleksandr Gnatyuk, a former minister"
    return words


def _main(sentence: Tokens, taken: set[int]) -> Part | None:
    rest = [t for t in sentence if t.i not in taken]
    if not _content(rest) or _frame_only(sentence.root):
        return None
    root = sentence.root
    framed = _reporting(root) and root.i not in taken and any(c.dep_ in _SUBJECTS for c in root.children)
    tag = _tag(rest)
    untagged = _words([t for t in rest if t.i not in tag]) if tag else None
    own = tuple(t.i for t in rest)
    return Part("clause", _words(rest), sentence[0].i, _last(rest), framed=framed, own=own, untagged=untagged)


# What a reporting tag set into a clause holds besides its verb: "..., he added,", "..., the ministry said on Monday".
TAG_RELATIONS = frozenset({"nsubj", "aux", "neg", "advmod", "npadvmod", "prep", "punct"})


def _tag(tokens: list[Token]) -> set[int]:
    """The tokens of a reporting tag the parse hangs on the clause it reports ("The work will start in May, he
    added", "The work, he added, will start"): a reporting verb with a subject of its own and nothing else it
    says, outside any quotation. Empty when there is none."""
    mine = {t.i for t in tokens}
    quoted = _quote_ranges(tokens)
    for verb in tokens:
        if not _reporting(verb) or verb.dep_ != "parataxis" or verb.i in quoted:
            continue
        if not any(c.dep_ == "nsubj" for c in verb.children) or any(c.dep_ not in TAG_RELATIONS for c in verb.children):
            continue
        tag = {t.i for t in verb.subtree if t.i in mine or not t.is_punct}
        if tag <= mine:
            return tag  # its commas may have gone with a clause cut out after it
    return set()


def _last(tokens: list[Token]) -> int:
    """The last token a part rests on: its last word, with the punctuation that directly follows it."""
    words = _content(tokens)
    last = words[-1].i
    mine = {t.i for t in tokens}
    while last + 1 in mine:
        last += 1
    return last


# --- whom a side clause's pronoun means ----------------------------------------------------------------------

# The relations of a clause to the words it hangs on that make it a side of another clause (a relative clause, an
# adverbial clause, a coordinated clause), whose pronoun subject means the other clause's subject. A reported
# clause (ccomp, parataxis) is not one: in "He will stay, Lessing said" "he" is not the one who says it.
HOSTED_CLAUSES = frozenset({"relcl", "advcl", "conj"})


def host_subject(pronoun: Token) -> Token | None:
    """The subject of the clause that hosts the side clause ``pronoun`` is the subject of: the nearest verb above
    the side clause with a subject of its own ("Kovac travelled to Dravia, where he signed ...": Kovac). None
    when the pronoun is no subject, or its clause is no side clause (the main clause has no host)."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ not in HOSTED_CLAUSES:
        return None
    inside = {t.i for t in clause.subtree}
    head = clause.head
    while True:
        if head.pos_ in ("VERB", "AUX"):
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside), None)
            if subject is not None:
                return subject
        if head.head.i == head.i:
            return None
        head = head.head


def subject_words(subject: Token) -> str:
    """The words naming a subject, as written (its own side clauses left out)."""
    return _words(_named(subject))


# --- the speaker ----------------------------------------------------------------------------------------------


def speaker_phrase(sentence: Tokens) -> str | None:
    """Who the sentence reports as speaking, as written: the subject of its reporting verb ("Kovac said",
    "..., said the mayor", "Kovac told reporters that"), or the object of "according to"."""
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            to = token.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
            if objects:
                return _words(_without_clauses(objects[0]))
    quoted = _quote_ranges(list(sentence))
    verbs = [t for t in sentence if _reporting(t) and t.dep_ in ("ROOT", "conj", "parataxis", "advcl")]
    verbs += [t for t in sentence if t.dep_ == "ROOT" and t not in verbs and any(c.dep_ == "ccomp" for c in t.children)]
    for verb in verbs:
        if verb.i in quoted:
            continue
        subject = _subject_of(verb, quoted)
        if subject is None and verb.dep_ == "conj":
            subject = _subject_of(verb.head, quoted)
        if subject is None:
            subject = _name_before(verb)
        if subject is not None:
            return _words(_named(subject))
    return None


def _name_before(verb: Token) -> Token | None:
    """A name standing just before a verb the parser gave no subject ("..., the farmer Ana Sorel said")."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].dep_ in ("aux", "advmod", "neg"):
        i -= 1
    name = verb.doc[i] if i >= 0 else None
    return name if name is not None and name.pos_ == "PROPN" and name.ent_type_ == "PERSON" else None


def _subject_of(verb: Token, quoted: Collection[int] = ()) -> Token | None:
    """The verb's subject outside any quotation ('"The dikes held," said Vos': Vos)."""
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.i not in quoted), None)


def _named(subject: Token) -> list[Token]:
    """The words naming a subject: 'The head of the Port Authority, Pieter Vos,' is named by 'Pieter Vos'."""
    name = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if subject.pos_ != "PROPN" and name is not None:
        return _without_clauses(name)
    return _without_clauses(subject)


def _frame(verb: Token, taken: set[int]) -> str | None:
    """ "Kovac had said": the reporting verb with its subject and auxiliaries."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i:
        return None
    words = _without_clauses(subject) + [c for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i]
    return f"{_words(words)} {verb.text}"


def _frame_only(root: Token) -> bool:
    """ "The press service reported this.": a reporting verb whose only object points back at what came before."""
    if not _reporting(root):
        return False
    objects = [c for c in root.children if c.dep_ in ("dobj", "ccomp", "xcomp", "attr")]
    others = [c for c in root.children if c.dep_ not in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct")]
    return (
        len(objects) == 1 and objects == others and objects[0].lower_ in POINTING_BACK and not list(objects[0].children)
    )


def _reporting(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lower_ in v.REPORTING_VERBS


# --- words ----------------------------------------------------------------------------------------------------


def _mend(tokens: list[Token]) -> list[Token]:
    """A part whose words end in 'and' was cut short by the parser: it runs on through the conjunct that follows
    ("after A of the B and C searched his home")."""
    out = list(tokens)
    while out and out[-1].dep_ == "cc" and out[-1].i + 1 < len(out[-1].doc):
        nxt = out[-1].doc[out[-1].i + 1]
        top = nxt
        while top.head.i != top.i and top.head.left_edge.i == nxt.i:
            top = top.head
        while top.dep_ != "conj" and top.head.i != top.i and top.head.i > out[-1].i:
            top = top.head
        if top.dep_ != "conj":
            break
        out.extend(t for t in top.subtree if t.i > out[-1].i)
    return out


def _with_aside(tokens: list[Token]) -> list[Token]:
    """A part runs on through a bracketed aside without a verb that follows it before the comma closing it: "P,
    which was published today (Nov. 18), describes" sets off "which was published today (Nov. 18)", wherever the
    parser hung the brackets."""
    doc = tokens[-1].doc
    nxt = tokens[-1].i + 1
    opened = sum(t.text == "(" for t in tokens) - sum(t.text == ")" for t in tokens)
    if opened == 1:  # the parse left the closing bracket out: "which was approved (its third vote"
        start = nxt
    elif opened == 0 and nxt < len(doc) and doc[nxt].text == "(":
        start = nxt + 1
    else:
        return tokens
    close = next((t.i for t in doc[start : doc[nxt - 1].sent.end] if t.text in "()"), None)
    if close is None or doc[close].text != ")" or close + 1 >= len(doc) or doc[close + 1].text not in (",", "—", "–"):
        return tokens
    if any(t.pos_ in ("VERB", "AUX") for t in doc[start:close]):
        return tokens  # an aside that says something of its own ("(there is also ...)") is no part of this one
    return tokens + list(doc[nxt : close + 1])


def _antecedent(head: Token, stop: int, whole: bool = True) -> list[Token]:
    """The noun phrase a side fact is about, as written before it: 'Presidents A and B, who ...' gives 'Presidents
    A and B'; its own side clauses, appositions and punctuation left out. Not ``whole``: only the last of
    coordinated nouns ("ties between A and B, which wants to join": B)."""
    top = head
    while whole and top.dep_ == "conj" and top.head.pos_ in ("NOUN", "PROPN"):
        top = top.head
    if not whole and head.dep_ == "conj":
        words = [t for t in head.subtree if t.i < stop and not t.is_punct]
        return [t for t in words if t.dep_ not in ("relcl", "acl", "appos", "advcl", "cc")]
    named = top
    while named.dep_ == "appos" and named.head.pos_ == "PROPN" and named.head.i < named.i:
        named = named.head  # "Jake Ivo, the minister's adviser, who ...": the clause is said of the name
    skip: set[int] = set()
    for t in named.subtree:
        if t.dep_ in ("relcl", "acl", "appos", "advcl") and (t.i != head.i or named is not top):
            skip.update(s.i for s in t.subtree)
    top = named
    words = [t for t in top.subtree if t.i < stop and t.i not in skip]
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    return words


def _thing_above(person: Token) -> Token | None:
    """The nearest noun above a person's name in the parse that is not a person: "a delegation led by X": the
    delegation."""
    node = person
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.ent_type_ != "PERSON":
            return node
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("acl", "relcl"):
            return None  # the person is an argument of a clause of its own: no noun phrase holds them
    return None


def _singular(verb: Token) -> bool:
    """The clause's verb agrees with one thing: "which wants", "which has been"."""
    finite = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ == "VBZ" for t in finite)


def _noun_before(token: Token) -> Token | None:
    """The noun phrase that ends just before the comma in front of ``token``: 'talks, held at ...'."""
    i = token.left_edge.i - 2
    if i < 0:
        return None
    noun = token.doc[i]
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    while noun.dep_ == "compound":
        noun = noun.head
    return noun


def _without_clauses(token: Token) -> list[Token]:
    skip: set[int] = set()
    for t in token.children:
        if t.dep_ in ("relcl", "acl", "appos", "advcl") or (t.dep_ == "punct" and t.text not in "-‐‑'’"):
            skip.update(s.i for s in t.subtree)
    return [t for t in token.subtree if t.i not in skip]


def _long_enough(conj: Token, words: list[Token]) -> bool:
    """Both sides of a joint read as statements: enough words before it in the sentence, and in the clause."""
    joint = _joint(conj)
    before = [t for t in conj.sent if t.i < (joint.i if joint is not None else conj.left_edge.i)]
    return len(_WORDS.findall(_words(before))) >= MIN_MAIN_WORDS and len(_content(words)) >= MIN_CLAUSE_WORDS


def _joint(conj: Token) -> Token | None:
    """The conjunction just before a conjunct ('and', 'but', 'or'), wherever the parser hung it."""
    i = conj.left_edge.i - 1
    doc = conj.doc
    while i >= 0 and doc[i].is_punct:
        i -= 1
    return doc[i] if i >= 0 and doc[i].dep_ == "cc" else None


def _comma_before(conj: Token) -> bool:
    """The conjunct is joined by ', and' (or ', but'): a comma stands just before its conjunction."""
    i = conj.left_edge.i
    doc = conj.doc
    while i > 0 and doc[i - 1].dep_ == "cc":
        i -= 1
    return i > 0 and doc[i - 1].text in (",", ";")


def _closed(tokens: list[Token]) -> bool:
    """A side part ends at a comma, a dash, a bracket or the sentence's end; one the clause's verb follows
    directly ("Ostrivka, the grain farmer Ana Sorel said") is the clause's subject, misread."""
    nxt = tokens[-1].i + 1
    doc = tokens[-1].doc
    return nxt >= len(doc) or doc[nxt].is_punct or doc[nxt].is_space


def _after_comma(token: Token) -> bool:
    i = token.left_edge.i
    return i > 0 and token.doc[i - 1].text in (",", "—", "–")


def plural(token: Token) -> bool:
    """A plural noun phrase ("the delegates", "Kovac and Lessing"); an amount ("3 million euros") is one sum."""
    if token.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") or any(
        c.dep_ == "nummod" and c.lower_ in AMOUNT_WORDS for c in token.children
    ):
        return False
    return token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)


def _past(token: Token) -> bool:
    verb = token
    while verb.dep_ != "ROOT" and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    return verb.tag_ in ("VBD", "VBN")


def _take(taken: set[int], tokens: list[Token], comma_before: bool = False, cc_before: bool = False) -> None:
    """Mark ``tokens`` as claimed by a part, with the comma (and 'and') that joined them to the sentence."""
    if not tokens:
        return
    taken.update(t.i for t in tokens)
    doc = tokens[0].doc
    first = min(t.i for t in tokens)
    i = first - 1
    while i >= 0 and (
        (comma_before and doc[i].text in (",", "—", "–", ";", ":"))
        or (cc_before and (doc[i].dep_ == "cc" or doc[i].text in (",", ";")))
    ):
        taken.add(i)
        i -= 1
    # The comma after goes with the part when the part was set off by one before it too, or opens its sentence
    # ("After the talks, X said"); after "are missing after the rain pushed ..., the governor said" it stays.
    set_off = i < first - 1 or first == doc[first].sent.start
    if i < first - 1 and _closes_aside(doc[i], i + 1):
        # the comma before the part also closes an aside of its noun ("Brandt, 47, who joined ..., won"):
        # the comma after stays to close it in the words left ("Brandt, 47, won")
        set_off = False
    j = max(t.i for t in tokens) + 1
    if comma_before and set_off and j < len(doc) and doc[j].text in (",", "—", "–") and j + 1 < len(doc):
        taken.add(j)


def _closes_aside(last: Token, comma: int) -> bool:
    """``last`` ends an apposition opened by a comma, and the comma at ``comma`` closes it."""
    aside = last
    while aside.dep_ != "appos" and aside.head.i != aside.i and aside.head.i < comma:
        aside = aside.head
    if aside.dep_ != "appos" or aside.right_edge.i != last.i:
        return False
    opening = aside.left_edge.i - 1
    return opening >= 0 and last.doc[opening].text == ","


def _quoted(tokens: list[Token]) -> set[int]:
    """Tokens inside a quotation, unless the sentence opens with one (then the quote is the statement)."""
    if tokens[0].text in _QUOTE_MARKS:
        return set()
    return _quote_ranges(tokens)


def _quote_ranges(tokens: list[Token]) -> set[int]:
    inside, out = False, set()
    for token in tokens:
        if token.text in _QUOTE_MARKS:
            inside = not inside
            out.add(token.i)
        elif inside:
            out.add(token.i)
    return out


def _checkable(tokens: Iterable[Token]) -> bool:
    words = list(tokens)
    if any(t.pos_ == "PRON" and t.lower_ in FIRST_PERSON for t in words):
        return False
    if any(t.tag_ == "MD" and t.lower_ in HEDGES for t in words):
        return False  # "which could result in ...": a possibility, not a fact to check
    return any(t.ent_type_ in CHECKABLE_ENTITIES or t.like_num or t.pos_ == "PROPN" for t in words)


def _stated(tokens: Iterable[Token]) -> bool:
    """A clause that states something of its own: a finite verb and a noun ("the road would reopen")."""
    words = list(tokens)
    if any(t.pos_ == "PRON" and t.lower_ in FIRST_PERSON for t in words):
        return False
    if any(t.tag_ == "MD" and t.lower_ in HEDGES for t in words):
        return False
    ids = {t.i for t in words}
    heads = [t for t in words if t.head.i not in ids or t.head.i == t.i]
    if any(h.lemma_ == "be" and any(c.dep_ == "acomp" for c in h.children) for h in heads):
        return False  # "that patience was crucial": a judgement, not a fact to check
    finite = any(t.tag_ in FINITE_TAGS and t.pos_ in ("VERB", "AUX") for t in words)
    return finite and any(t.pos_ == "NOUN" and t.dep_ in _SUBJECTS | {"dobj", "pobj", "attr"} for t in words)


def _content(tokens: Iterable[Token]) -> list[Token]:
    return [t for t in tokens if not t.is_punct and not t.is_space]


def _words(tokens: Iterable[Token]) -> str:
    """The tokens' text in reading order, single-spaced, without stray punctuation at either end."""
    ordered = sorted(tokens, key=lambda t: t.i)
    out = ""
    for k, token in enumerate(ordered):
        out += token.text
        if k + 1 < len(ordered):
            nxt = ordered[k + 1]
            out += token.whitespace_ if nxt.i == token.i + 1 else " "
    out = re.sub(r"\s+", " ", out)
    out = re.sub(r"\s+([,.;:!?])", r"\1", out)
    out = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", out)
    return _closing_quotes(out).strip(" ,;:—–-")


def _closing_quotes(text: str) -> str:
    """A closing quotation mark sits on the word it closes, with the comma that ends the quoted words when a
    reporting frame follows in lower case: '... Ostwick," the head said', not '... Ostwick " the head said'."""
    out, inside = "", False
    for k, ch in enumerate(text):
        closing = ch == "”" or (ch == '"' and inside)
        if ch in '"“”':
            inside = ch == "“" or (ch == '"' and not inside)
        if closing:
            out = out.rstrip()
            if text[k + 1 : k + 3].strip()[:1].islower() and not out.endswith((",", ".", "!", "?")):
                out += ","
        out += ch
    return out
