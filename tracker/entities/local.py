"""Who is who inside one article: its mentions grouped into the entities the article itself means.

Inside one article a surname alone means the person the article named in full ("Oleh Hnatiuk ... Hnatiuk
said"), and "Wendy R. Sherman" and "Wendy Sherman" are one person. Groups are what resolution then matches
across articles.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from tracker.config import ENTITIES, EntitySettings
from tracker.entities.personal import clean_form, first_names_agree, forms_of, middles_agree, parse
from tracker.entities.recognise import OTHER, PERSON, MentionDraft
from tracker.entities.romanise import labels, thing_key

# How much a strong and a weak type guess count in a vote.
STRONG_VOTE, WEAK_VOTE = 3, 1


@dataclass(frozen=True)
class LocalEntity:
    """One entity as one article names it. ``mentions`` index the article's mention list."""

    name: str
    type: str
    mentions: tuple[int, ...]
    forms: tuple[str, ...]
    titles: tuple[str, ...]
    strong: bool  # some mention gave strong evidence of the type


def group_mentions(mentions: list[MentionDraft], settings: EntitySettings = ENTITIES) -> list[LocalEntity]:
    groups: list[list[int]] = []
    person_groups: list[int] = []  # indices into groups
    by_key: dict[tuple[str, tuple[str, ...]], int] = {}
    singles: list[int] = []
    for i, mention in enumerate(mentions):
        form = clean_form(mention.text)
        # A person named in full; a surname written alone ("Hnatiuk", "De Vries") joins one of them below.
        if mention.type == PERSON and len(form.split()) > 1 and parse(form).first is not None:
            target = _person_group(mentions, groups, person_groups, form, settings)
            if target is None:
                person_groups.append(len(groups))
                groups.append([i])
            else:
                groups[target].append(i)
        else:
            singles.append(i)
    for i in singles:
        form = clean_form(mentions[i].text)
        # "Van der Molen" read as no more than a run of capitals is a surname all the same
        alone = len(form.split()) == 1 or (mentions[i].type in (PERSON, OTHER) and parse(form).first is None)
        target = _surname_group(mentions, groups, person_groups, i, form) if alone else None
        if target is None:
            key = (thing_key(form), labels(form))  # "Group E" and "Group J" are two groups
            if key in by_key:
                target = by_key[key]
            else:
                by_key[key] = len(groups)
                groups.append([])
                target = by_key[key]
        groups[target].append(i)
    return [_local_entity(mentions, sorted(g), g_index in person_groups) for g_index, g in enumerate(groups) if g]


def _person_group(
    mentions: list[MentionDraft], groups: list[list[int]], person_groups: list[int], form: str, settings
) -> int | None:
    name = parse(form)
    for g in reversed(person_groups):
        other = parse(clean_form(mentions[groups[g][0]].text))
        if other.surname_key != name.surname_key or not middles_agree(name.middle, other.middle):
            continue
        if first_names_agree(name.first, other.first, settings.first_close_at) in {"same", "initial", "close"}:
            return g
    return None


def _surname_group(
    mentions: list[MentionDraft], groups: list[list[int]], person_groups: list[int], index: int, form: str
) -> int | None:
    """The person named in full whose surname this word is: the last named before it, else the first after."""
    key = parse(form).surname_key
    matches = [g for g in person_groups if parse(clean_form(mentions[groups[g][0]].text)).surname_key == key]
    if not matches:
        return None
    start = mentions[index].start
    before = [g for g in matches if mentions[groups[g][0]].start < start]
    if before:
        return max(before, key=lambda g: max(mentions[m].start for m in groups[g] if mentions[m].start < start))
    return min(matches, key=lambda g: mentions[groups[g][0]].start)


def _local_entity(mentions: list[MentionDraft], members: list[int], is_person: bool) -> LocalEntity:
    forms = list(dict.fromkeys(form for i in members for form in forms_of(mentions[i].text)))
    full = [f for f in forms if len(f.split()) > 1]
    counts = Counter(clean_form(mentions[i].text) for i in members)
    # The form written most often; between forms as often, one in its own case before one in capitals (a
    # dateline's "LINDBY", a headline's), then the longest.
    name = max(full or forms, key=lambda f: (counts[f], not (f.isupper() and len(f) > 4), len(f)))
    titles = tuple(dict.fromkeys(title for i in members if (title := mentions[i].title)))
    strong = any(mentions[i].strong for i in members)
    if is_person:
        kind = PERSON
    else:
        votes: Counter[str] = Counter()
        for i in members:
            votes[mentions[i].type] += STRONG_VOTE if mentions[i].strong else WEAK_VOTE
        kind = max(votes, key=lambda t: (votes[t], t != OTHER))
    return LocalEntity(name, kind, tuple(members), tuple(forms), titles, strong)
