"""Event and presence frames read from the parse (extract.events), on invented sentences and names: the event's
class, its words as a span, its place (never an actor), its ordinal and negation; who was there and who was not."""

from __future__ import annotations

import pytest

from tracker.analyse import analyse
from tracker.clean.spans import Span
from tracker.extract import vocabulary as v
from tracker.extract.events import EVENT_RULES, PRESENCE_RULES, SETTING, event_of, presence_of
from tracker.extract.facts import EventFact, PresenceFact

from .helpers import claims_of, find


def frames(text: str) -> tuple[EventFact | None, tuple[PresenceFact, ...]]:
    """The frames of a one-sentence text, read over all its tokens; every span quotes the text exactly."""
    (sentence,) = analyse(text, [Span(0, len(text))]).sentences
    own = {t.i for t in sentence.tokens}
    event, presence = event_of(text, sentence, own), presence_of(text, sentence, own)
    if event is not None:
        assert event.span is not None and " ".join(event.span.of(text).split()) == event.words
        assert event.rule in EVENT_RULES
        if event.place is not None:
            assert event.place_span is not None and event.place_span.of(text) == event.place
    for fact in presence:
        assert fact.span is not None and fact.span.of(text) == fact.who
        assert fact.rule in PRESENCE_RULES
    return event, presence


def event(text: str) -> EventFact:
    found, _ = frames(text)
    assert found is not None, text
    return found


def test_every_event_class_has_words() -> None:
    assert {"meeting", "signing", "handover", "appointment", "visit", "call", "vote", "attack"} <= set(v.EVENT_CLASSES)
    assert all(words["verbs"] or words["nouns"] for words in v.EVENT_CLASSES.values())


def test_the_first_meeting_was_held() -> None:
    fact = event("The first meeting was held on 5 May.")
    assert (fact.kind, fact.words, fact.ordinal, fact.place, fact.negated) == (
        "meeting",
        "first meeting was held",
        1,
        None,
        False,
    )


def test_talks_held_in_a_place() -> None:
    text = "Delegations from Velmora and Ostrava held talks in Korvast on Friday."
    fact = event(text)
    assert (fact.kind, fact.words, fact.place, fact.rule) == ("meeting", "held talks", "Korvast", "event-support")


def test_an_event_the_claim_only_places_something_at_is_a_setting() -> None:
    setting = event("At the summit in Korvast, Velmoran leaders offered support to Ostrava.")
    assert (setting.kind, setting.place, setting.rule) == ("meeting", "Korvast", SETTING)
    assert event("The summit in Korvast was held on 3 May.").rule == "event-support"


def test_an_actor_is_no_place() -> None:
    fact = event("Velmora proposed talks.")
    assert (fact.kind, fact.place) == ("meeting", None)


@pytest.mark.parametrize(
    ("text", "ordinal"),
    [
        ("Officials attended the second round of talks in Ostwick.", 2),
        ("The third session opened in Korvast on Monday.", 3),
        ("Kovac and Dahl met for the first time at the Varno Palace.", 1),
    ],
)
def test_ordinals(text: str, ordinal: int) -> None:
    fact = event(text)
    assert (fact.kind, fact.ordinal) == ("meeting", ordinal)


def test_a_place_the_parse_hangs_on_the_time() -> None:
    assert event("Kovac and Dahl met for the first time at the Varno Palace.").place == "Varno Palace"


@pytest.mark.parametrize(
    "text", ["No meeting was held.", "The meeting did not take place.", "Kovac and Dahl did not meet on Friday."]
)
def test_an_event_that_did_not_happen(text: str) -> None:
    fact = event(text)
    assert fact.kind == "meeting" and fact.negated


def test_someone_absent_does_not_negate_the_event() -> None:
    fact, presence = frames("Kovac did not attend the summit.")
    assert fact is not None and (fact.kind, fact.negated) == ("meeting", False)
    assert [(p.who, p.present, p.rule) for p in presence] == [("Kovac", False, "absence-verb")]


@pytest.mark.parametrize(
    ("text", "kind", "rule"),
    [
        ("Velmora concluded an agreement with Ostrava.", "signing", "event-object"),
        ("The ministers signed the accord in Korvast.", "signing", "event-object"),
        ("The two ministers signed in Korvast on Friday.", "signing", "event-verb"),
        ("Kovac handed over the list of prisoners.", "handover", "event-object"),
        ("Dahl travelled to Ostwick on Monday.", "visit", "event-phrasal"),
        ("Ida Brenner has stepped down as head of Dravia Foods.", "departure", "event-phrasal"),  # "down": advmod
        ("Dahl travelled on to Ostwick on Monday.", "visit", "event-phrasal"),
        ("Kovac spoke by telephone with Dahl.", "call", "event-phone"),
        ("The assembly voted on the plan.", "vote", "event-verb"),
        ("Ana Sorel was appointed head of the port authority.", "appointment", "event-verb"),
    ],
)
def test_event_classes(text: str, kind: str, rule: str) -> None:
    fact = event(text)
    assert (fact.kind, fact.rule) == (kind, rule)


def test_a_visit_takes_its_place_from_the_object() -> None:
    assert event("Kovac visited Ostwick on Monday.").place == "Ostwick"
    assert event("Dahl travelled to Ostwick on Monday.").place == "Ostwick"


def test_a_call_for_something_is_no_telephone_call() -> None:
    found, _ = frames("Kovac renewed calls for an inquiry.")
    assert found is None


def test_no_event() -> None:
    found, presence = frames("The road from Ostwick is closed.")
    assert found is None and presence == ()


# --- presence ---------------------------------------------------------------------------------------------


def presence(text: str) -> list[tuple[str, bool, bool, str]]:
    return [(p.who, p.present, p.remote, p.rule) for p in frames(text)[1]]


def test_joined_by_video_link_is_remote() -> None:
    assert presence("Dahl joined by video link.") == [("Dahl", True, True, "presence-verb")]


def test_each_member_of_a_list_is_present() -> None:
    assert presence("Officials from Velmora, Ostrava and Brenmoor attended the second round of talks.") == [
        ("Velmora", True, False, "presence-verb"),
        ("Ostrava", True, False, "presence-verb"),
        ("Brenmoor", True, False, "presence-verb"),
    ]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Kovac declined to attend the summit.", "absence-refusal"),
        ("Ostrava did not send anyone to the talks.", "absence-envoy"),
        ("Kovac stayed away from the summit.", "absence-verb"),
        ("Kovac skipped the summit.", "absence-verb"),
    ],
)
def test_absence(text: str, rule: str) -> None:
    (who, present, remote, found) = presence(text)[0]
    assert (who, present, remote, found) == (text.split()[0], False, False, rule)


def test_presence_by_passive_agents() -> None:
    assert [w for w, present, _, _ in presence("The talks were attended by Kovac and Dahl.") if present] == [
        "Kovac",
        "Dahl",
    ]


def test_took_part_remotely() -> None:
    assert presence("Kovac took part remotely.") == [("Kovac", True, True, "presence-verb")]


def test_joining_a_body_is_no_presence() -> None:
    assert presence("Velmora joined the customs union.") == []


# --- on claims --------------------------------------------------------------------------------------------


def test_claims_carry_their_frames() -> None:
    text = "Delegations from Velmora and Ostrava held talks in Korvast on Friday."
    (claim,) = claims_of(text)
    assert claim.event is not None and (claim.event.kind, claim.event.place) == ("meeting", "Korvast")


def test_a_split_part_keeps_its_own_frames() -> None:
    text = "The meeting, which was held in Korvast on 5 May, ended without agreement."
    claims = claims_of(text)
    main = find(claims, "The meeting ended without agreement.")
    side = find(claims, "The meeting was held in Korvast on 5 May.")
    assert main.event is not None and main.event.place is None  # the place is said in the side clause only
    assert side.event is not None and side.event.place == "Korvast"
    for claim in (main, side):
        assert claim.event is not None and claim.event.span is not None
        assert claim.start <= claim.event.span.start and claim.event.span.end <= claim.end


def test_an_event_nouns_modifiers_are_its_words() -> None:
    fact = event("At a closed-door meeting in Copenhagen, Kovac spoke.")
    assert (fact.words, fact.place) == ("closed-door meeting", "Copenhagen")


@pytest.mark.parametrize(
    "text", ["Velmora would be invited to join when all members agree.", "The assembly was among the possible venues."]
)
def test_no_presence_without_an_occasion(text: str) -> None:
    assert presence(text) == []


def test_among_the_participants() -> None:
    assert presence("Kovac was among the participants.") == [("Kovac", True, False, "presence-verb")]


def test_a_side_fact_cut_from_its_sentence_reports_the_event_its_participle_says_took_place() -> None:
    """ "As at the first meeting, held on 5 May, ...": the parse hangs "held" on the main verb, yet the side fact
    "The first meeting was held on 5 May." reports the meeting (it is no setting)."""
    text = "As at the first meeting, held on 5 May, the delegation of Velmora was led by presidential aide Ivo Marek."
    side = find(claims_of(text), "The first meeting was held on 5 May.")
    assert side.event is not None
    assert (side.event.kind, side.event.ordinal, side.event.rule) == ("meeting", 1, "event-support")


def test_a_relative_word_stands_for_its_noun() -> None:
    text = "Kovac said the two draft documents, which were delivered to the Velmoran side yesterday, set out the terms."
    side = find(claims_of(text), "The two draft documents were delivered to the Velmoran side yesterday.")
    assert side.event is not None and (side.event.kind, side.event.rule) == ("handover", "event-object")


# --- who: a name without its title, a pronoun resolved ------------------------------------------------------


def presences(text: str) -> list[tuple[str, bool, str]]:
    return [(p.who, p.present, p.span.of(text)) for c in claims_of(text) for p in c.presence if p.span]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("President Ana Sorel attended the summit in Ostwick.", "Ana Sorel"),
        ("Foreign Minister Karl Odin attended the talks.", "Karl Odin"),
    ],
)
def test_who_is_the_name_without_its_title(text: str, who: str) -> None:
    assert presences(text) == [(who, True, who)]


@pytest.mark.parametrize(
    ("text", "pronoun"),
    [
        ("Ostwick Mayor Ana Sorel spoke on Monday. She did not attend the dinner.", "She"),
        ("Ostwick Mayor Ana Sorel said she would not attend the summit.", "she"),
    ],
)
def test_a_pronoun_is_the_person_the_article_means(text: str, pronoun: str) -> None:
    assert presences(text) == [("Ana Sorel", False, pronoun)]


@pytest.mark.parametrize(
    "text",
    [
        "Ostwick Mayor Ana Sorel met Karl Odin on Monday. Odin said he would not attend the summit.",
        "He did not attend the summit.",
    ],
)
def test_a_pronoun_no_one_stands_for_is_no_presence(text: str) -> None:
    assert [who for who, _, _ in presences(text)] == []


def test_an_event_noun_with_its_modifiers() -> None:
    fact = event("The phone call between Kovac and Dahl lasted an hour.")
    assert (fact.kind, fact.words, fact.rule) == ("call", "phone call", "event-noun")


def test_an_event_attended_by_named_agents() -> None:
    _, presence = frames("The talks in Korvast were attended by Ana Sorel and Ivo Marek.")
    assert [(p.who, p.present, p.rule) for p in presence] == [
        ("Ana Sorel", True, "presence-passive"),
        ("Ivo Marek", True, "presence-passive"),
    ]


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("The council appointed a review panel on 3 May.", "panel"),
        ("A review panel was appointed by the mayor on 3 May.", "panel"),
        ("The report came from the review panel appointed by the mayor on 3 May.", "panel"),
        ("The mayor approved the panel's composition on 3 May.", "panel"),
        ("The mayor approved the composition of the review panel on 3 May.", "panel"),
    ],
)
def test_an_event_keeps_the_common_noun_it_is_done_to_as_its_theme(text: str, theme: str) -> None:
    fact = event(text)
    assert (fact.kind, fact.theme) == ("appointment", theme)
    assert fact.theme_span is not None and fact.theme_span.of(text) == theme


@pytest.mark.parametrize(
    "text",
    [
        "The council appointed Ana Sorel on 3 May.",  # a name: the claim's entities say who
        "The council appointed her on 3 May.",  # a pronoun
        "The two ministers signed the accord in Korvast.",  # the event noun itself is no theme
        "Delegations from Velmora and Ostrava held talks in Korvast on Friday.",  # a support verb's event noun
    ],
)
def test_no_theme(text: str) -> None:
    assert event(text).theme is None


def test_a_relative_clause_the_parse_hangs_on_the_last_noun_of_a_phrase_is_said_of_the_phrase() -> None:
    # the parse may hang "which were delivered" on "guarantees"; the documents are what was delivered
    text = (
        "Ostrava had clarified the two draft documents concerning the treaty and the agreement on security "
        "guarantees, which were delivered to the Velmoran side through diplomatic channels yesterday."
    )
    fact = event(text)
    assert fact.kind == "handover"
    assert fact.rule == "event-object"


def test_an_apposition_after_the_events_date_lends_its_ordinal() -> None:
    text = (
        "Delegations from Velmora and Ostrava held direct talks in Korvast on Friday, 16 May, their first "
        "face-to-face negotiations in more than three years."
    )
    fact = event(text)
    assert (fact.kind, fact.place, fact.ordinal) == ("meeting", "Korvast", 1)


def test_an_apposition_of_another_kind_lends_no_ordinal() -> None:
    text = "Delegations from Velmora and Ostrava held talks in Korvast on Friday, 16 May, their first visit there."
    assert event(text).ordinal is None
