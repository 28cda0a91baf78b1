"""Roles read from the parse (extract.roles): one test or more per rule, on invented sentences and names.

Each role gives a holder, the title words as a span into the stored text, and the body when the parse names
one; functions for one occasion ("led the delegation", "the official heading the mission") are marked so.
"""

from __future__ import annotations

import pytest

from tracker.analyse import analyse
from tracker.clean.spans import Span
from tracker.extract.facts import RoleFact
from tracker.extract.roles import RULES, role_facts

from .helpers import by_kind, claims_of, find


def facts(text: str) -> list[RoleFact]:
    document = analyse(text, [Span(0, len(text))])
    out = []
    for sentence in document.sentences:
        for role in role_facts(sentence):
            fact = role.fact(text)
            assert fact.title_span is not None and fact.holder_span is not None
            assert fact.holder_span.of(text) == fact.holder
            if fact.organisation_span is not None:
                assert fact.organisation_span.of(text) == fact.organisation
            out.append(fact)
    return out


def one(text: str, holder: str) -> RoleFact:
    found = [f for f in facts(text) if f.holder == holder]
    assert len(found) == 1, facts(text)
    return found[0]


def test_every_rule_is_named_and_described() -> None:
    assert set(RULES) == {"apposition", "compound", "copula", "role-verb", "appointment", "succession"}
    assert all(description for description, _, _ in RULES.values())


# --- apposition -----------------------------------------------------------------------------------------


def test_bare_title_between_commas() -> None:
    text = "Ivo Marek, transport minister, said the road would reopen."
    fact = one(text, "Ivo Marek")
    assert (fact.rule, fact.title, fact.title_span.of(text)) == (
        "apposition",
        "transport minister",
        "transport minister",
    )
    assert not fact.temporary


def test_a_title_no_vocabulary_lists_is_read_from_the_parse() -> None:
    text = "Tomas Reval, the second gentleman of Velmora, arrived on Monday."
    fact = one(text, "Tomas Reval")
    assert fact.title == "second gentleman of Velmora" and fact.organisation == "Velmora"


def test_adviser_on_a_field() -> None:
    fact = one("Pavel Holt, an adviser on trade policy, said the tariffs would stay.", "Pavel Holt")
    assert fact.title == "adviser on trade policy" and fact.organisation is None


def test_now_chair_of_a_body() -> None:
    fact = one("Ana Kovac, now chair of the port authority, said the cranes were idle.", "Ana Kovac")
    assert (fact.title, fact.organisation) == ("chair of the port authority", "port authority")


def test_title_before_the_name_between_commas() -> None:
    fact = one("The head of the grid agency, Ana Kovac, said the lines held.", "Ana Kovac")
    assert (fact.title, fact.organisation) == ("head of the grid agency", "grid agency")


def test_official_heading_a_mission_is_a_function_not_an_office() -> None:
    fact = one("Pavel Holt, the official heading the mission, said the talks went well.", "Pavel Holt")
    assert fact.title == "official heading the mission" and fact.organisation == "mission"
    assert fact.temporary


def test_a_relative_clause_or_a_place_is_no_title() -> None:
    # the clause states the post itself ("Ida Brenner was mayor of Skelby"); it is no title beside the name
    assert [f.rule for f in facts("Ida Brenner, who was mayor of Skelby, said no.")] == ["copula"]
    assert facts("Korvast, a town of 5,000 people, is quiet.") == []


# --- compound -------------------------------------------------------------------------------------------


def test_title_compounded_before_the_name() -> None:
    text = "Transport Minister Ivo Marek opened the bridge."
    fact = one(text, "Ivo Marek")
    assert (fact.rule, fact.title_span.of(text)) == ("compound", "Transport Minister")


def test_a_compounded_title_keeps_every_word_of_its_body() -> None:
    """ "Civic Union leader X": the parse hangs "Civic" on "Union", not on "leader"; it is still the title's."""
    text = "Harbour Union leader Omar al-Rashidi said he would begin talks on Thursday."
    fact = role_claim(text, "Omar al-Rashidi")
    assert fact.title_span is not None and fact.title_span.of(text) == "Harbour Union leader"
    assert fact.organisation == "Harbour Union"


def test_a_named_body_in_the_title_is_its_organisation() -> None:
    assert one("Kremlin spokesman Pavel Drozd said no.", "Pavel Drozd").organisation == "Kremlin"


def test_a_possessive_name_owns_the_title_before_it() -> None:
    assert [f.holder for f in facts("President Ivo Marek's adviser left on Friday.")] == []


# --- copula ---------------------------------------------------------------------------------------------


def test_copula_with_a_body() -> None:
    fact = one("Ana Kovac is the chair of the port authority.", "Ana Kovac")
    assert (fact.rule, fact.title, fact.organisation) == ("copula", "chair of the port authority", "port authority")


def test_a_negated_copula_states_no_role() -> None:
    assert facts("Ana Kovac is not the chair of the port authority.") == []


# --- role verbs -----------------------------------------------------------------------------------------


def test_present_role_verb_is_an_office() -> None:
    text = "Ida Brenner now runs the company."
    fact = one(text, "Ida Brenner")
    assert (fact.rule, fact.title, fact.title_span.of(text), fact.organisation) == (
        "role-verb",
        "head",
        "runs",
        "company",
    )
    assert not fact.temporary


def test_heading_a_team() -> None:
    fact = one("Kovac heads the team.", "Kovac")
    assert (fact.title, fact.organisation) == ("head", "team")


def test_led_by_is_a_function_for_one_occasion() -> None:
    text = "The delegation was led by Ana Kovac."
    fact = one(text, "Ana Kovac")
    assert (fact.title_span.of(text), fact.organisation, fact.temporary) == ("led", "delegation", True)


@pytest.mark.parametrize(
    ("text", "body", "temporary"),
    [
        ("The Harbour Union, led by former finance minister Ana Kovac, won 58 seats.", "Harbour Union", False),
        ("Velmora sent a delegation led by Transport Minister Ana Kovac.", "delegation", True),
    ],
)
def test_a_participle_led_by_someone_gives_the_role_of_what_it_is_said_of(
    text: str, body: str, temporary: bool
) -> None:
    # "X, led by Y,": Y leads X; a delegation is led for one occasion, a party is led as a post
    fact = next(f for f in facts(text) if f.rule == "role-verb")
    assert (fact.holder, fact.title_span.of(text), fact.organisation, fact.temporary) == (
        "Ana Kovac",
        "led",
        body,
        temporary,
    )


def test_a_past_role_verb_is_an_event() -> None:
    assert one("Ana Kovac chaired the session on Monday.", "Ana Kovac").temporary


# --- appointments ---------------------------------------------------------------------------------------


def test_named_with_an_apposition_before_as_and_a_day_after_the_title() -> None:
    """ "The board named X, the company's finance director, as interim chief executive on Monday": the parse
    may hang "as" on the board; the day is when the naming happened, not part of the post."""
    text = "The board named Ida Brenner, the company's finance director, as interim chief executive on Monday."
    named = [f for f in facts(text) if f.rule == "appointment"]
    assert [(f.holder, f.title) for f in named] == [("Ida Brenner", "interim chief executive")]


def test_named_interim_chief_executive() -> None:
    fact = one("Ida Brenner was named interim chief executive of Dravia Foods.", "Ida Brenner")
    assert (fact.rule, fact.title, fact.organisation) == (
        "appointment",
        "interim chief executive of Dravia Foods",
        "Dravia Foods",
    )


def test_appointed_as() -> None:
    fact = one("Pavel Holt was appointed as head of the grid agency.", "Pavel Holt")
    assert (fact.title, fact.organisation) == ("head of the grid agency", "grid agency")


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ("Lumo Energy has appointed Ida Brenner as its chief executive.", "chief executive", "Lumo Energy"),
        ("Lumo Energy has named Ida Brenner its chief executive.", "chief executive", "Lumo Energy"),
        ("The board has appointed Ida Brenner as its chair.", "chair", None),  # the subject is no named body
    ],
)
def test_its_title_is_of_the_named_body_that_is_the_clauses_subject(text: str, title: str, body: str | None) -> None:
    fact = one(text, "Ida Brenner")
    assert (fact.title, fact.organisation) == (title, body)


# --- claims from the facts ------------------------------------------------------------------------------


def test_a_side_role_the_title_patterns_miss_becomes_a_role_claim() -> None:
    text = "Tomas Reval, the second gentleman of Velmora, opened the new library on Monday."
    claim = find(claims_of(text), "Tomas Reval is second gentleman of Velmora.")
    assert claim.rule == "role-apposition" and claim.role is not None
    assert claim.role.organisation == "Velmora" and text[claim.start : claim.end] == text[: text.index(",", 13)]


def test_a_clause_role_is_the_fact_of_its_statement_not_a_second_claim() -> None:
    text = "Ida Brenner was named interim chief executive of Dravia Foods on Monday."
    claims = claims_of(text)
    assert by_kind(claims, "role") == []
    stated = [c for c in claims if c.role is not None]
    assert len(stated) == 1 and stated[0].role.rule == "appointment"


def test_a_temporary_function_makes_no_office_claim() -> None:
    text = "Pavel Holt, the official heading the mission, said the talks in Korvast went well."
    assert by_kind(claims_of(text), "role") == []


def test_one_role_claim_per_holder_and_post() -> None:
    text = (
        "Velmoran President Ivo Marek opened the bridge on Monday.\n"
        "President Ivo Marek said the toll would be lifted next year."
    )
    roles = [c.text for c in by_kind(claims_of(text), "role")]
    assert roles == ["Ivo Marek is Velmoran President."]


def test_role_claims_record_the_body_the_parse_finds() -> None:
    text = "Kremlin spokesman Pavel Drozd said the talks would resume."
    claim = find(claims_of(text), "Pavel Drozd is Kremlin spokesman.")
    assert claim.role is not None and claim.role.organisation == "Kremlin"


@pytest.mark.parametrize(
    "text",
    ["Donald Trump is U.S. President.", "U.S. President Donald Trump said the plan was ready."],
)
def test_dotted_acronym_stays_one_word_of_the_title(text: str) -> None:
    claims = claims_of(text)
    assert not any(c.text.endswith("is S. President.") for c in claims), [c.text for c in claims]
    roles = [c.role for c in claims if c.role is not None]
    assert [(r.holder, r.title) for r in roles] == [("Donald Trump", "U.S. President")]


# --- succession ------------------------------------------------------------------------------------------


def role_claim(text: str, holder: str) -> RoleFact:
    found = [c.role for c in claims_of(text) if c.role is not None and c.role.holder == holder]
    assert len(found) == 1, found
    return found[0]


def test_appointed_interim_head() -> None:
    text = "Ana Sorel was appointed interim head of the port authority."
    fact = role_claim(text, "Ana Sorel")
    assert (fact.change, fact.change_words, fact.former) == ("appointed", "appointed", False)
    assert fact.change_span is not None and fact.change_span.of(text) == "appointed"
    assert fact.title.startswith("interim head")


def test_a_former_minister() -> None:
    fact = role_claim("The former transport minister Karl Odin said the road was closed.", "Karl Odin")
    assert fact.former and fact.change is None


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Karl Odin, the outgoing chair of the port authority, said the road was closed.", "Karl Odin"),
        ("Karl Odin had been chair of the port authority until May.", "Karl Odin"),
    ],
)
def test_posts_held_before(text: str, holder: str) -> None:
    assert role_claim(text, holder).former


def test_replaced_as_chair() -> None:
    text = "Odin, who replaced Ivo Marek as chair, said the port would reopen."
    claims = claims_of(text)
    (claim,) = [c for c in claims if c.role is not None]
    assert claim.role is not None and (claim.role.rule, claim.role.title) == ("succession", "chair")
    assert (claim.role.change, claim.role.change_words) == ("replaced", "replaced")
    assert claim.text == "Odin replaced Ivo Marek as chair."  # the side clause that says it, not the main one


@pytest.mark.parametrize(
    ("text", "title", "words"),
    [
        ("Ivo Marek resigned as head of the Pella port authority on Monday.", "head of the Pella port authority",
         "resigned"),
        ("Ivo Marek, who resigned as mayor of Pella, spoke on Monday.", "mayor of Pella", "resigned"),
        ("Ivo Marek has stepped down as chair of the Velmo council.", "chair of the Velmo council", "stepped down"),
        ("Ivo Marek was dismissed as head of the Pella port authority.", "head of the Pella port authority",
         "dismissed"),
        ("The board dismissed Ivo Marek as head of the Pella port authority.", "head of the Pella port authority",
         "dismissed"),
    ],
)  # fmt: skip
def test_a_post_someone_left_is_a_former_post(text: str, title: str, words: str) -> None:
    fact = role_claim(text, "Ivo Marek")
    assert (fact.rule, fact.title, fact.change, fact.change_words, fact.former) == (
        "succession",
        title,
        "left",
        words,
        True,
    )
    assert fact.change_span is not None and fact.change_span.of(text) == words


def test_a_post_someone_came_back_to_is_held_now() -> None:
    fact = role_claim("Ivo Marek returned as head of the Pella port authority in May.", "Ivo Marek")
    assert (fact.rule, fact.title, fact.change, fact.former) == (
        "succession",
        "head of the Pella port authority",
        "returned",
        False,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Marek will resign as head of the Pella port authority.",
        "Ivo Marek may return as chair of the Velmo council.",
        "Ivo Marek did not resign as head of the Pella port authority.",
    ],
)
def test_a_leaving_not_said_to_have_happened_gives_no_post(text: str) -> None:
    assert [c.role for c in claims_of(text) if c.role is not None] == []


@pytest.mark.parametrize(
    ("text", "holder", "change", "words"),
    [
        ("Ida Brenner, the new mayor of Ostwick, spoke on Monday.", "Ida Brenner", "now", "new"),
        ("Kovac now heads the port authority.", "Kovac", "now", "now"),
        ("Ida Brenner, the acting mayor of Ostwick, spoke on Monday.", "Ida Brenner", "interim", "acting"),
    ],
)
def test_succession_words(text: str, holder: str, change: str, words: str) -> None:
    fact = role_claim(text, holder)
    assert (fact.change, fact.change_words, fact.former) == (change, words, False)


def test_a_post_with_no_succession_words() -> None:
    fact = role_claim("Ana Kovac is the chair of the port authority.", "Ana Kovac")
    assert (fact.change, fact.change_words, fact.change_span, fact.former) == (None, None, None, False)


# --- roles a statement states that were once read from its text at matching time ---------------------------


def statement_role(text: str) -> tuple[str, RoleFact | None]:
    """The role kept on the claim that states the sentence (not a side role claim), with the claim's rule."""
    (claim,) = [c for c in claims_of(text) if c.kind != "role" and c.rule != "role-apposition"]
    return claim.rule, claim.role


@pytest.mark.parametrize(
    ("text", "holder", "title"),
    [
        (
            "Velmora's president named Ivo Marek, the head of the port authority, as the new chief of the Harbour "
            "Office.",
            "Ivo Marek",
            "new chief of the Harbour Office",
        ),
        (
            "Ostwick's mayor named Ana Sorel, the city treasurer, as the new head of the water board.",
            "Ana Sorel",
            "new head of the water board",
        ),
        ("The council appointed Karl Odin, a former judge, as head of the ethics panel.", "Karl Odin", None),
    ],
)
def test_an_appointment_whose_holder_carries_an_apposition(text: str, holder: str, title: str | None) -> None:
    _, fact = statement_role(text)
    assert fact is not None and fact.rule == "appointment" and fact.holder == holder
    assert fact.title_span is not None and fact.title_span.of(text) == fact.title
    assert fact.title == (title or "head of the ethics panel")
    assert fact.change == "appointed" and fact.change_words in {"named", "appointed"}
    assert fact.change_span is not None and fact.change_span.of(text) == fact.change_words
    # the apposition is a role claim of its own, not the appointment's
    side = [c.role for c in claims_of(text) if c.kind == "role"]
    assert all(r is not None and r.title != fact.title for r in side)


@pytest.mark.parametrize(
    ("text", "holder", "title", "time"),
    [
        ("Ana Sorel became ambassador to Ostrava in August.", "Ana Sorel", "ambassador to Ostrava", "August"),
        ("Karl Odin has been chair of the council since 2021.", "Karl Odin", "chair of the council", None),
        (
            "In Ostwick, Velmora is represented by Ana Sorel, who became ambassador to Ostrava in May after "
            "several weeks as an envoy.",
            "Ana Sorel",
            "ambassador to Ostrava",
            "May",
        ),
        (
            "Ivo Marek, who has been mayor of Ostwick since 2019, spoke on Monday.",
            "Ivo Marek",
            "mayor of Ostwick",
            None,
        ),
    ],
)
def test_a_post_someone_became_or_has_been_holding(text: str, holder: str, title: str, time: str | None) -> None:
    claims = [c for c in claims_of(text) if c.role is not None and c.role.holder == holder]
    (claim,) = [c for c in claims if c.role is not None and c.role.rule == "copula"]
    assert claim.role is not None and (claim.role.title, claim.role.former) == (title, False)
    if time is not None:
        assert any(time in t.text for t in claim.times)  # the time stays the claim's


@pytest.mark.parametrize(
    "text",
    [
        "She took over the embassy from Ana Sorel, who had been ambassador since February 2021.",
        "By then Ana Sorel had been ambassador since 2019.",
    ],
)
def test_a_post_held_since_a_time_in_the_past_perfect_is_held_no_longer(text: str) -> None:
    fact = role_claim(text, "Ana Sorel")
    assert (fact.title, fact.former) == ("ambassador", True)


@pytest.mark.parametrize(
    "text",
    [
        "It became clear that Karl Odin would stay.",
        "Ana Sorel did not become chair of the council.",
        "The talks became tense when Ivo Marek spoke.",
    ],
)
def test_no_post_is_read_from_other_becomings(text: str) -> None:
    assert [c.role for c in claims_of(text) if c.role is not None] == []


def test_a_post_its_holder_leaves_in_the_sentence_is_that_claims_fact_not_a_claim_that_they_hold_it() -> None:
    """ "Ida Brenner, chief executive of Dravia Foods, resigned on Monday": no claim "Ida Brenner is chief
    executive"; the sentence's claim carries the post, left (a later report calling her chief executive is
    stale). One who speaks in the sentence still holds the post it names."""
    (claim,) = claims_of("Ida Brenner, chief executive of Dravia Foods, resigned with immediate effect on Monday.")
    assert claim.kind != "role" and claim.role is not None
    assert (claim.role.title, claim.role.change, claim.role.change_words, claim.role.former) == (
        "chief executive of Dravia Foods",
        "left",
        "resigned",
        True,
    )
    said = claims_of("Ida Brenner, chief executive of Dravia Foods, said on Monday that sales rose.")
    assert [c.text for c in by_kind(said, "role")] == ["Ida Brenner is chief executive of Dravia Foods."]
    will = claims_of("Ida Brenner, chief executive of Dravia Foods, will resign in May.")
    assert [c.text for c in by_kind(will, "role")] == ["Ida Brenner is chief executive of Dravia Foods."]


def test_a_title_with_a_participle_of_leaving_before_it_is_a_post_left() -> None:
    """ "Dravia Athletic sacked head coach Ivo Marek on Sunday": the parse may read "sacked" into the title; the
    post is one held before, the fact of the sentence's claim, and no claim says Marek is head coach. "sacked"
    says the succession, and is no word of the post."""
    claims = claims_of("Dravia Athletic sacked head coach Ivo Marek on Sunday, a day after a heavy defeat.")
    assert by_kind(claims, "role") == []
    (claim,) = claims
    assert claim.role is not None and (claim.role.change, claim.role.former) == ("left", True)
    assert (claim.role.title, claim.role.change_words) == ("head coach", "sacked")


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Ana Sorel-Brun was appointed deputy governor on 30 April.", "Ana Sorel-Brun"),
        ("Lin Wen-li was appointed deputy governor on 30 April.", "Lin Wen-li"),
        ("Jean-Marc Ostrow was appointed head of the mission.", "Jean-Marc Ostrow"),
    ],
)
def test_a_name_written_with_a_hyphen_is_one_holder(text: str, holder: str) -> None:
    assert one(text, holder).title == "deputy governor" or "head" in one(text, holder).title


def test_a_relative_clause_states_the_role_of_the_name_it_is_said_of() -> None:
    heads = one("Lin Wenli, who heads the bank's supervision department, said the ratio was high.", "Lin Wenli")
    assert (heads.rule, heads.organisation) == ("role-verb", "bank's supervision department")
    named = one("Ana Sorel, who was appointed chief executive in May, said the plant would reopen.", "Ana Sorel")
    assert (named.rule, named.title) == ("appointment", "chief executive")


def test_the_particles_of_a_surname_are_no_title() -> None:
    assert facts('Van der Molen thanked Ostrow for "six years of service".') == []


def test_a_body_named_after_a_title_word_holds_no_role() -> None:
    # "General" is a title word, but "Ostwick General Hospital" is a hospital, not General Hospital the person
    assert facts("Ostwick General Hospital was treating 64 patients on Wednesday.") == []


def test_a_body_named_after_a_title_word_holds_no_role_when_its_article_writes_the_noun_plainly() -> None:
    text = (
        "Talvik General Hospital was treating 40 patients on Monday, its director said.\n"
        "A second field hospital opened in the town of Orvane on Tuesday."
    )
    assert not [c for c in claims_of(text) if c.role is not None and c.role.holder == "Hospital"]
    # without the article's own lower-case "hospital", nothing tells the parse's reading apart: the rule needs it
