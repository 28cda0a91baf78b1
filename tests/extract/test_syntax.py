"""Claims by syntax (tracker.extract.syntax): one test or more per parse rule, on invented sentences. Each runs
the whole extractor (parse, split, claims) and checks the claim texts, the rule each records, and that every
quote is the exact, trimmed text it rests on, inside its sentence (helpers.check_invariants)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.helpers import claims_of, find, quote
from tracker.analyse import analyse
from tracker.clean.spans import Span
from tracker.extract import ClaimDraft
from tracker.extract.claims import RULES
from tracker.extract.syntax import SYNTAX_RULES, speaker_phrase, split


def statements(claims: list[ClaimDraft]) -> list[ClaimDraft]:
    return [c for c in claims if c.kind != "role" and c.kind != "membership"]


def texts(claims: list[ClaimDraft]) -> list[str]:
    return [c.text for c in statements(claims)]


def inside_its_sentence(text: str, claims: list[ClaimDraft]) -> None:
    for claim in claims:
        assert claim.sentence is not None
        assert claim.sentence.start <= claim.start < claim.end <= claim.sentence.end, claim


# --- the rule table ---------------------------------------------------------------------------------------------


def test_every_syntax_rule_is_a_claim_rule_and_every_claim_names_one() -> None:
    assert set(SYNTAX_RULES) <= set(RULES)
    text = (
        "The call, scheduled for 9 pm, was requested by Kovac. The mayor won the vote, and proposed three committees."
    )
    claims = claims_of(text)
    assert claims and all(c.rule in RULES for c in claims)


# --- coordinated clauses ----------------------------------------------------------------------------------------


def test_coordinated_verb_after_comma_gets_its_subject_back_and_the_speaker() -> None:
    text = "The mayor won the vote in Dravo, and proposed three committees, Kovac said."
    claims = claims_of(text)
    assert texts(claims) == [
        "The mayor won the vote in Dravo, Kovac said.",
        "Kovac said the mayor proposed three committees.",
    ]
    second = statements(claims)[1]
    assert second.rule == "conj-verb"
    assert second.subject == "The mayor"
    assert quote(text, second) == "proposed three committees"
    inside_its_sentence(text, claims)


def test_coordinated_verb_without_comma_stays_one_act() -> None:
    """ "released A and redesigned B" is not split: without ', and' the verbs read as one statement."""
    text = "Orvel released the Lumo phone and redesigned the Lumo tablet before the end of last year."
    assert texts(claims_of(text)) == [text]


def test_two_reported_clauses_under_one_verb_give_two_claims_each_with_the_frame() -> None:
    text = (
        "Transport Minister Ana Sorel said the dam at Velmo had been repaired and that the road would reopen on 4 June."
    )
    claims = statements(claims_of(text))
    assert [c.text for c in claims] == [
        "Transport Minister Ana Sorel said the dam at Velmo had been repaired.",
        "Transport Minister Ana Sorel said that the road would reopen on 4 June.",
    ]
    assert claims[1].rule == "report-conj"
    assert claims[1].attributed_to == "Ana Sorel"
    assert quote(text, claims[1]) == "that the road would reopen on 4 June."


def test_a_second_reported_clause_that_states_an_event_is_split_without_a_name_or_date() -> None:
    """ "said the dam had been repaired and that the road would reopen": the second clause has a subject and a
    finite verb of its own, which states a fact to check even with no name, number or date in it."""
    text = "Kovac said the dam had been repaired and that the road would reopen."
    claims = statements(claims_of(text))
    assert [c.text for c in claims] == [
        "Kovac said the dam had been repaired.",
        "Kovac said that the road would reopen.",
    ]
    assert claims[1].rule == "report-conj"


def test_a_second_reported_clause_keeps_the_speaker_a_pronoun_stood_for() -> None:
    text = (
        "Transport Minister Ana Sorel spoke in Velmo on Monday. "
        "She said the dam had been repaired, and that the road would reopen."
    )
    claims = statements(claims_of(text))
    assert [c.text for c in claims][1:] == [
        "Ana Sorel said the dam had been repaired.",
        "Ana Sorel said that the road would reopen.",
    ]
    assert claims[2].attributed_to == "Ana Sorel"


def test_a_second_reported_clause_with_nothing_to_check_stays_with_the_first() -> None:
    """ "X stressed that A and that B is crucial": an opinion names nothing and gives no number or date, so it is
    not a claim of its own; the sentence stays whole."""
    text = "Mayor Ida Brenner stressed that calm could not be achieved passively and that patience was crucial."
    assert texts(claims_of(text)) == [text]


def test_or_joins_alternatives_not_two_facts() -> None:
    text = "Kovac did not know where the talks in Pella were held or who was taking part."
    assert texts(claims_of(text)) == [text]


def test_coordinated_clause_with_its_own_subject_keeps_the_speaker_frame() -> None:
    text = "Until Friday the port of Velmo had been closed, but the ferries resumed on Saturday, said Ivo Marek."
    claims = statements(claims_of(text))
    assert claims[1].rule == "conj-clause"
    assert claims[1].text == "Ivo Marek said the ferries resumed on Saturday."
    assert claims[1].attributed_to == "Ivo Marek"


def test_semicolon_splits_even_where_the_parse_crosses_it() -> None:
    text = "Mayor Ida Brenner said the bridge had reopened; the ferry service remained suspended for a month."
    claims = statements(claims_of(text))
    assert claims[1].rule == "colon-clause"
    assert quote(text, claims[1]) == "the ferry service remained suspended for a month."


# --- non-restrictive relative clauses ---------------------------------------------------------------------------


def test_which_clause_is_a_side_fact_about_its_antecedent_and_is_cut_from_the_main_claim() -> None:
    text = "The Velmo plan, which was approved on 3 May, sets out four new roads."
    claims = statements(claims_of(text))
    assert [c.text for c in claims] == [
        "The Velmo plan sets out four new roads.",
        "The Velmo plan was approved on 3 May.",
    ]
    side = claims[1]
    assert side.rule == "relative-clause"
    assert side.subject == "The Velmo plan"
    assert quote(text, side) == "The Velmo plan, which was approved on 3 May"
    assert side.time_first is not None and side.time_first.month == 5


def test_where_clause_reads_with_the_place_it_is_about() -> None:
    text = "The treaty was signed in Pella, where the regional council first met in 2019."
    claims = statements(claims_of(text))
    assert [c.text for c in claims] == [
        "The treaty was signed in Pella.",
        "The regional council first met in 2019 in Pella.",
    ]
    assert quote(text, claims[1]) == "Pella, where the regional council first met in 2019"


def test_where_clause_after_a_verb_of_motion_restores_the_place_with_in_and_its_he_means_the_host_subject() -> None:
    """ "travelled on to Dravo, where he and President X signed ...": "he" is the host clause's subject, not the
    last person the sentence names, and the place is where the signing happened ("in Dravo", not "to Dravo")."""
    text = (
        "Foreign Minister Ivo Marek arrived in Pella on Monday.\n"
        "Marek then travelled on to Dravo, where he and President Lena Ostrova signed the accord in the evening.\n"
    )
    claims = statements(claims_of(text))
    side = find(claims, "Ivo Marek and President Lena Ostrova signed the accord in the evening in Dravo.")
    assert side.rule == "relative-clause"
    assert quote(text, side) == "Dravo, where he and President Lena Ostrova signed the accord in the evening"
    assert not [c.text for c in claims if "Ostrova and President Lena Ostrova" in c.text]
    assert not [c.text for c in claims if c.rule == "relative-clause" and c.text.endswith(" to Dravo.")]


def test_where_she_clause_names_the_host_subject() -> None:
    text = "Mayor Ana Sorel flew to Ostrik, where she opened the new Velmo bridge on Tuesday."
    side = find(claims_of(text), "Ana Sorel opened the new Velmo bridge on Tuesday in Ostrik.")
    assert side.rule == "relative-clause"


def test_where_they_clause_names_a_plural_host_subject() -> None:
    text = "The Velmo delegates moved on to Brenno, where they met Prime Minister Ivo Marek on Friday."
    find(claims_of(text), "The Velmo delegates met Prime Minister Ivo Marek on Friday in Brenno.")


def test_where_clause_keeps_at_when_the_place_was_written_with_it() -> None:
    text = "The ministers gathered at the Varno Palace, where the Velmo treaty was signed on 3 May."
    find(claims_of(text), "The Velmo treaty was signed on 3 May at the Varno Palace.")


def test_where_he_clause_hosted_by_a_thing_does_not_make_the_thing_its_subject() -> None:
    text = "The Velmo accord was signed in Brenno, where he met Prime Minister Ivo Marek on Friday."
    assert not [c for c in claims_of(text) if c.text.startswith("The Velmo accord met")]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "The vote was postponed from Tuesday to Friday, when the Velmo council will meet in Pella.",
            "The Velmo council will meet in Pella on Friday.",
        ),
        (
            "Marek has lived in Dravo since 2019, when the Velmo council first met in Pella.",
            "The Velmo council first met in Pella in 2019.",
        ),
    ],
)
def test_when_clause_restores_its_time_with_a_preposition_of_that_time(text: str, side: str) -> None:
    """A time is when the clause happens ("on Friday", "in 2019"), whatever it was reached with ("to", "since")."""
    assert find(claims_of(text), side).rule == "relative-clause"


def test_whose_clause_gives_the_possessive() -> None:
    text = "Prime Minister Ivo Marek, whose party holds the Dravian presidency this year, said the vote was fair."
    side = find(claims_of(text), "Prime Minister Ivo Marek’s party holds the Dravian presidency this year.")
    assert side.rule == "relative-clause"


def test_where_clause_with_no_name_in_it_is_split() -> None:
    text = "The council meets in Dravo, where the port authority has its seat."
    assert texts(claims_of(text)) == ["The council meets in Dravo.", "The port authority has its seat in Dravo."]


def test_who_clause_stating_a_post_is_split() -> None:
    text = "Lena Brun met Ivo Marek, who chairs the port board."
    claims = statements(claims_of(text))
    assert [c.text for c in claims] == ["Lena Brun met Ivo Marek.", "Ivo Marek chairs the port board."]
    assert claims[1].rule == "relative-clause"


def test_which_after_a_person_is_said_of_the_thing_the_person_s_phrase_hangs_on() -> None:
    """ "which" is never said of a person: "a delegation led by Minister X, which also included ..." is about the
    delegation, wherever the parse hung the clause."""
    text = "Velmora sent a delegation led by Defence Minister Ivo Marek, which also included military officers."
    side = next(c for c in statements(claims_of(text)) if c.rule == "relative-clause")
    assert side.text == "A delegation also included military officers."


def test_a_singular_verb_after_two_names_is_said_of_the_last() -> None:
    """ "ties between A and B, which wants to join": "wants" agrees with B alone."""
    text = "Velmora fears ties between Ostra and Pella, which wants to join the alliance."
    side = next(c for c in statements(claims_of(text)) if c.rule == "relative-clause")
    assert side.text == "Pella wants to join the alliance."


def test_restrictive_relative_clause_is_not_split() -> None:
    text = "Kovac met the engineers who had repaired the Velmo dam in March."
    assert texts(claims_of(text)) == [text]


def test_relative_clause_that_states_nothing_checkable_is_not_split() -> None:
    text = "Kovac thanked the volunteers from Pella, who had worked very hard."
    assert texts(claims_of(text)) == [text]


# --- participles, appositions, time clauses, absolutes ----------------------------------------------------------


def test_participle_between_commas_is_a_side_fact() -> None:
    text = "The call, scheduled for 9 pm, was requested by Kovac."
    claims = statements(claims_of(text))
    assert [c.text for c in claims] == ["The call was requested by Kovac.", "The call was scheduled for 9 pm."]
    assert claims[1].rule == "participle"
    assert quote(text, claims[1]) == "The call, scheduled for 9 pm"
    assert quote(text, claims[0]) == text  # the main claim starts at the sentence and spans its side fact


def test_participle_after_a_comma_at_the_end_reads_with_the_noun_before_it() -> None:
    text = "Negotiators met in Pella on Monday for a second round of talks, held at the Varno Palace."
    side = find(claims_of(text), "A second round of talks was held at the Varno Palace.")
    assert side.rule == "participle"


def test_apposition_of_a_thing_is_a_side_fact_but_a_persons_title_is_not() -> None:
    text = "Kovac announced 3 million euros in aid for Velmo, an increase of 200,000 euros on last year."
    side = find(claims_of(text), "3 million euros in aid for Velmo was an increase of 200,000 euros on last year.")
    assert side.rule == "apposition"
    person = "The treaty was signed by Ana Sorel, the transport minister of Dravia."
    assert all(c.rule != "apposition" for c in claims_of(person))


def test_after_clause_with_its_own_subject_is_a_side_fact() -> None:
    text = "Dravia is the second country to sign the pact, after Velmo concluded its agreement in January."
    claims = statements(claims_of(text))
    assert [c.text for c in claims] == [
        "Dravia is the second country to sign the pact.",
        "Velmo concluded its agreement in January.",
    ]
    assert claims[1].rule == "time-clause"


def test_after_a_noun_phrase_is_not_split() -> None:
    text = "The ferries from Velmo resumed after a week of storms."
    assert texts(claims_of(text)) == [text]


def test_absolute_the_latest_being() -> None:
    text = "Kovac has visited four countries this year, the latest being Dravia."
    claims = statements(claims_of(text))
    assert [c.text for c in claims] == [
        "Kovac has visited four countries this year.",
        "The latest of four countries is Dravia.",
    ]
    assert claims[1].rule == "absolute"


def test_with_an_emphasis_on_is_not_a_fact_of_its_own() -> None:
    text = "Sorel said the Velmo plan would cost 3 million euros, with an emphasis on roads."
    assert texts(claims_of(text)) == [text]


# --- inline lists -----------------------------------------------------------------------------------------------


def test_list_of_names_after_a_colon_gives_one_claim_per_member_and_keeps_the_head() -> None:
    text = "Dravia now has three security agreements: with Velmo, Pella and Ostra."
    claims = statements(claims_of(text))
    assert [c.text for c in claims] == [
        "Dravia now has three security agreements.",
        "Dravia now has three security agreements: with Velmo.",
        "Dravia now has three security agreements: with Pella.",
        "Dravia now has three security agreements: with Ostra.",
    ]
    assert {c.rule for c in claims[1:]} == {"inline-list"}
    assert [quote(text, c) for c in claims[1:]] == [
        "Dravia now has three security agreements: with Velmo",
        "Dravia now has three security agreements: with Velmo, Pella",
        "Dravia now has three security agreements: with Velmo, Pella and Ostra.",
    ]


def test_made_up_of_gives_one_claim_per_member() -> None:
    text = "The delegation is made up of Ana Sorel, Ivo Marek and Lena Brun."
    assert texts(claims_of(text)) == [
        "The delegation is made up of Ana Sorel.",
        "The delegation is made up of Ivo Marek.",
        "The delegation is made up of Lena Brun.",
    ]


def test_list_of_common_nouns_after_a_colon_stays_one_claim() -> None:
    text = "The ministry published two drafts: a treaty with Velmo and an agreement with Pella."
    assert texts(claims_of(text)) == [text]


# --- gapping ---------------------------------------------------------------------------------------------------


def test_members_that_leave_out_the_verb_and_the_noun_give_a_claim_each() -> None:
    text = "The Unity Party of Prime Minister Ivo Marek had 51 seats, the Green Alliance 19 and the Farmers' League 14."
    claims = statements(claims_of(text))
    assert [c.text for c in claims] == [
        "The Unity Party of Prime Minister Ivo Marek had 51 seats.",
        "The Green Alliance had 19 seats.",
        "The Farmers' League had 14 seats.",
    ]
    assert [c.rule for c in claims[1:]] == ["gapping", "gapping"]
    assert [quote(text, c) for c in claims[1:]] == ["the Green Alliance 19", "the Farmers' League 14."]
    assert [(q.value, q.noun, q.owner) for q in claims[2].quantities] == [(14, "seat", "Farmers' League")]


def test_a_gapped_list_keeps_the_sentence_tail_with_the_first_count() -> None:
    text = "Velmora sent 200 troops, Dravia 150 and Ostwick 90, officials said."
    assert [c.text for c in statements(claims_of(text))] == [
        "Velmora sent 200 troops, officials said.",
        "Dravia sent 150 troops.",
        "Ostwick sent 90 troops.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The storm destroyed 40 homes, 12 schools and 3 bridges.",  # a list of counts, not of owners
        "Ostwick United scored 3 goals, Lindby 2 and the visitors 1 in the first half.",  # the tail is shared
        "The council hired 30 nurses, a record for the region.",  # an apposition, no list
    ],
)
def test_what_is_not_a_gapped_list_stays_one_claim(text: str) -> None:
    assert [c.rule for c in statements(claims_of(text))] == ["statement"]


# --- the speaker from the parse ---------------------------------------------------------------------------------


def parse(text: str):
    return analyse(text, [Span(0, len(text))]).sentences[0]


def test_speaker_is_the_subject_of_the_reporting_verb_in_every_position() -> None:
    assert speaker_phrase(parse("Kovac said the bridge will open in May.").tokens) == "Kovac"
    assert speaker_phrase(parse("The bridge will open in May, said Ivo Marek.").tokens) == "Ivo Marek"
    assert speaker_phrase(parse("According to the mayor, the bridge will open in May.").tokens) == "the mayor"
    quoted = '"The dikes held through the night," said Pieter Vos, head of the Water Board.'
    assert speaker_phrase(parse(quoted).tokens) == "Pieter Vos"


def test_a_verb_whose_clausal_object_is_the_claim_gives_the_speaker() -> None:
    """ "denies that": not a reporting verb of the lexicon, but its clause is what the sentence claims."""
    assert speaker_phrase(parse("Velmo denies that it moved troops to the border.").tokens) == "Velmo"


def test_pronoun_speaker_resolves_to_the_person_named_before() -> None:
    text = "Transport Minister Ana Sorel opened the Velmo bridge on Monday.\nShe said the toll would end in May.\n"
    claim = find(claims_of(text), "Ana Sorel said the toll would end in May.")
    assert claim.attributed_to == "Ana Sorel"


def test_reporting_frame_with_a_pointer_only_is_not_a_claim() -> None:
    text = "The ministry of Dravia reported this."
    assert texts(claims_of(text)) == []


def test_split_parts_rest_on_their_own_tokens() -> None:
    sentence = parse("The plan, which was approved on 3 May, sets out new roads.")
    parts = split(sentence.tokens)
    doc = sentence.tokens.doc
    assert [(p.rule, doc[p.first].text, doc[p.last].text) for p in parts] == [
        ("clause", "The", "."),
        ("relative-clause", "The", "May"),
    ]


def test_a_statement_said_again_in_the_body_is_claimed_once() -> None:
    text = (
        "The Velmo council approved the new harbour budget on Monday, reports the Pella Herald.\n"
        "The Velmo council approved the new harbour budget on Monday.\n"
    )
    assert texts(claims_of(text)) == [
        "The Velmo council approved the new harbour budget on Monday, reports the Pella Herald."
    ]


def test_a_side_part_the_verb_follows_is_the_subject_misread_not_a_side_fact() -> None:
    """The parser may read "the grain farmer Ana Sorel" as an apposition to the place before it; an apposition is
    closed by a comma or the sentence's end, so this is the speaker, not a side fact."""
    text = "In the village of Ostrivka, the grain farmer Ana Sorel said that the outage had spoiled the milk."
    claims = statements(claims_of(text))
    assert [(c.text, c.attributed_to) for c in claims] == [(text, "Ana Sorel")]


def test_a_hyphenated_speaker_keeps_the_hyphen() -> None:
    text = "Port chief Lena Brun-Sorel said that the ferries would run again on Monday."
    assert statements(claims_of(text))[0].attributed_to == "Lena Brun-Sorel"


def test_an_echo_clause_or_a_short_first_clause_is_not_split_off() -> None:
    assert texts(claims_of("The Velmo 5 chipset runs hot, and the memory is too.")) == [
        "The Velmo 5 chipset runs hot, and the memory is too."
    ]
    assert texts(claims_of("That is usable, but the Velmo 5 runs very warm.")) == [
        "That is usable, but the Velmo 5 runs very warm."
    ]


def test_a_relative_clause_after_an_apposition_is_said_of_the_name() -> None:
    """ "Ivo Marek, Mayor Sorel's chief adviser, who discussed ...": the side fact is Ivo Marek's, not 'the
    adviser's'."""
    text = (
        "The ambassador is no relation to Ivo Marek, Mayor Ana Sorel's chief adviser, who discussed the budget with "
        "council aide Karl Odin by telephone in December."
    )
    side = next(c for c in claims_of(text) if c.rule == "relative-clause")
    assert side.text == "Ivo Marek discussed the budget with council aide Karl Odin by telephone in December."


def test_a_main_clause_that_keeps_its_frame_gets_no_second_speaker() -> None:
    """'"A, but B," the head of the authority said': the first part keeps its own frame, closed by the comma
    and quotation mark it had; no 'X said' is put in front of it."""
    text = (
        '"The pact will not only confirm the role of Velmora in the defence of Ostwick, but it will also lay a '
        'foundation for long-term trade between Ostwick and Velmora," the head of the port authority emphasised.'
    )
    first = claims_of(text)[0]
    assert first.text == (
        '"The pact will not only confirm the role of Velmora in the defence of Ostwick," the head of the port '
        "authority emphasised."
    )


@pytest.mark.parametrize(
    ("text", "untagged"),
    [
        ("The bridge will reopen in May, he added, but the tunnel will stay shut.", "The bridge will reopen in May"),
        ("The work, she said, will start in May, and the depot will close in June.", "The work will start in May"),
    ],
)
def test_a_reporting_tag_inside_the_main_clause_is_known_apart_from_its_words(text: str, untagged: str) -> None:
    main = split(parse(text).tokens)[0]
    assert main.rule == "clause"
    assert main.untagged == untagged


def test_a_clause_without_a_reporting_tag_has_no_untagged_words() -> None:
    main = split(parse("The bridge will reopen in May, but the tunnel will stay shut.").tokens)[0]
    assert main.untagged is None


# --- present participles after a comma ---------------------------------------------------------------------------


def test_a_present_participle_after_a_comma_is_a_side_fact_of_the_host_subject() -> None:
    text = "A fire tore through a plastics factory in Osk on Thursday, injuring 12 workers and forcing 300 people out."
    claims = statements(claims_of(text))
    assert [c.text for c in claims] == [
        "A fire tore through a plastics factory in Osk on Thursday.",
        "A fire injured 12 workers.",
        "A fire forced 300 people out.",
    ]
    assert {c.rule for c in claims[1:]} == {"ing-clause"}
    assert [(q.value, q.noun_class) for q in claims[1].quantities] == [(12, "injured")]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "The storm hit the Velmo coast on Monday, leaving 300 families homeless.",
            "The storm left 300 families homeless.",
        ),
        (
            "The plan will cut costs at the Osk port, saving 3 million euros a year.",
            "The plan will save 3 million euros a year.",
        ),
        (
            "The plan cuts costs at the Osk port, saving 3 million euros a year.",
            "The plan saves 3 million euros a year.",
        ),
    ],
)
def test_a_present_participle_takes_its_host_s_tense(text: str, side: str) -> None:
    assert texts(claims_of(text))[1:] == [side]


def test_a_participle_that_is_a_preposition_is_no_side_fact() -> None:
    text = "Ana Sorel spoke in Osk for an hour, including a long passage on the port."
    assert texts(claims_of(text)) == [text]


def test_past_tense_of_regular_and_irregular_verbs() -> None:
    from tracker.extract.syntax import past_tense

    assert [past_tense(w) for w in ("injure", "carry", "stop", "visit", "kill", "leave", "bring")] == [
        "injured", "carried", "stopped", "visited", "killed", "left", "brought",
    ]  # fmt: skip


def test_a_coordinated_verb_that_says_what_will_be_beside_what_was_is_a_claim_of_its_own() -> None:
    text = (
        "Ilse Varga was named acting mayor by the council on Monday, and will run the town until an election is held."
    )
    claims = claims_of(text)
    inside_its_sentence(text, claims)
    assert texts(statements(claims)) == [
        "Ilse Varga was named acting mayor by the council on Monday.",
        "Ilse Varga will run the town until an election is held.",
    ]
    assert find(claims, "Ilse Varga will run the town until an election is held.").kind == "schedule"
    # one tense, one plan: "will meet the mayor and will visit the port" is not split by this rule
    (one,) = statements(claims_of("Ilse Varga will meet the mayor on Monday and will visit the old port."))
    assert one.rule == "statement"


def test_a_second_reported_clause_keeps_the_time_of_its_report() -> None:
    text = "The Orvane health office said on Monday that 40 people had fallen ill and that two had died."
    died = find(claims_of(text), "The Orvane health office said that two had died.")
    assert (died.time_text, died.time_first) == ("on Monday", dt.date(2024, 3, 11))


def test_a_bracketed_aside_after_a_relative_clause_goes_with_the_clause() -> None:
    text = "The Velmo report, which was published online today (Nov. 18), describes four new roads."
    claims = statements(claims_of(text))
    assert [c.text for c in claims] == [
        "The Velmo report describes four new roads.",
        "The Velmo report was published online today (Nov. 18).",
    ]
    text = "The Velmo plan, which was approved by the council (its third vote), will cost 3 million euros."
    assert texts(claims_of(text)) == [
        "The Velmo plan will cost 3 million euros.",
        "The Velmo plan was approved by the council (its third vote).",
    ]


def test_a_bracketed_aside_that_states_something_of_its_own_stays_out_of_the_relative_clause() -> None:
    text = "The Velmo plan, which was approved in May (there is also a rail plan that costs more), sets out roads."
    assert not [c.text for c in statements(claims_of(text)) if "there is also" in c.text and "approved" in c.text]
