"""The invented romanisation pairs (name_pairs) written into invented sentences: each name must first be
recognised in running text, in the shapes that defeat a title vocabulary ("X, transport minister, said",
"X, the second gentleman of Velmora,", a name opening a sentence), and then resolve as the bare names do."""

from __future__ import annotations

from tests.entities.name_pairs import distinct_pairs, same_pairs
from tracker.analyse import analyse
from tracker.clean.spans import Span
from tracker.entities.local import group_mentions
from tracker.entities.recognise import PERSON, find_mentions
from tracker.entities.resolve import Candidate, resolve

# Shapes a name stands in: an untitled apposition, a title no vocabulary lists, a sentence opener.
SHAPES = (
    "{name}, transport minister, said the road would reopen on Monday.",
    "The bridge was opened on Tuesday by {name}, the second gentleman of Velmora.",
    "{name} arrived in Ostwick on Wednesday and met the harbour board.",
)


def person_forms(sentence: str, name: str) -> tuple[str, ...] | None:
    """The forms of the person the article makes of ``name`` (None: no person mention covers it)."""
    text = sentence.format(name=name)
    groups = group_mentions(find_mentions(analyse(text, [Span(0, len(text))])))
    for group in groups:
        if group.type == PERSON and name in group.forms:
            return group.forms
    return None


def meet(a: str, b: str, shape_a: str, shape_b: str) -> bool | None:
    forms_a, forms_b = person_forms(shape_a, a), person_forms(shape_b, b)
    if forms_a is None or forms_b is None:
        return None
    groups = resolve([Candidate(1, a, PERSON, forms_a, (), True), Candidate(2, b, PERSON, forms_b, (), True)])
    return any(1 in g.members and 2 in g.members for g in groups)


def latin(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(a, b) for a, b in pairs if a.isascii() and b.isascii()]


def counts(pairs: list[tuple[str, str]]) -> tuple[int, int]:
    """(pairs joined, pairs whose both names were recognised), over every pair of shapes."""
    joined = recognised = 0
    for a, b in pairs:
        for i, shape_a in enumerate(SHAPES):
            shape_b = SHAPES[(i + 1) % len(SHAPES)]
            result = meet(a, b, shape_a, shape_b)
            recognised += result is not None
            joined += bool(result)
    return joined, recognised


def test_every_shape_recognises_the_whole_name() -> None:
    for shape in SHAPES:
        assert person_forms(shape, "Ivo Marek") is not None, shape


def test_romanised_pairs_in_running_text_meet() -> None:
    pairs = latin(same_pairs())
    joined, recognised = counts(pairs)
    assert len(pairs) >= 38  # the Latin pairs: 38 of them, each in three pairs of shapes
    # measured 83 joined, 89 recognised of 114 (the small model labels some invented given names as places)
    assert recognised >= 89 and joined >= 83, (joined, recognised, 3 * len(pairs))


def test_distinct_pairs_in_running_text_stay_apart() -> None:
    pairs = latin(distinct_pairs())
    joined, recognised = counts(pairs)
    assert recognised >= 57, (joined, recognised, 3 * len(pairs))  # measured 57 of 66
    assert joined <= 2 * 3, (joined, recognised)  # the bare names: 2 of 22 pairs join by design
