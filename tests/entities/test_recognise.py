"""Mentions: people from titles, bodies from their nouns, places from prepositions; spans index the text."""

from __future__ import annotations

from tracker.analyse import analyse
from tracker.clean.spans import Span, line_spans
from tracker.entities.local import group_mentions
from tracker.entities.personal import forms_of
from tracker.entities.recognise import ORGANIZATION, PERSON, PLACE, find_mentions

TEXT = (
    "Deputy Energy Minister Oleh Hnatiuk said the grid held. Hnatiuk spoke in Lviv on Tuesday. "
    "The Ministry of Energy and NATO issued statements. Talks at Marinsky Palace were led by Ivan Kovalenko, "
    "who chairs the board. Ukrainian officials met Western envoys. Kovalenko said the Office would respond. "
    "The National Grid Agency (NGA) confirmed it. Kremlin spokesman Pavel Drozd said no."
)


def mentions(text: str = TEXT) -> dict[str, tuple[str, bool]]:
    found = find_mentions(analyse(text, [Span(0, len(text))]))
    for m in found:
        assert text[m.start : m.end] == m.text
    return {m.text: (m.type, m.strong) for m in found}


def test_titled_people_are_strong_person_mentions_with_their_title() -> None:
    found = find_mentions(analyse(TEXT, [Span(0, len(TEXT))]))
    hnatiuk = next(m for m in found if m.text == "Oleh Hnatiuk")
    assert hnatiuk.type == PERSON and hnatiuk.strong
    assert TEXT[hnatiuk.title_start : hnatiuk.title_end] == "Deputy Energy Minister"


def test_title_words_are_not_names_but_a_body_inside_a_title_is() -> None:
    found = mentions()
    assert "Energy" not in found and "Deputy Energy Minister" not in found
    assert found["Kremlin"] == (ORGANIZATION, True)


def test_bodies_places_and_relative_clauses_type_their_runs() -> None:
    found = mentions()
    assert found["Ministry of Energy"] == (ORGANIZATION, True)
    assert found["NATO"][0] == ORGANIZATION
    assert found["Lviv"] == (PLACE, True)
    assert found["Marinsky Palace"] == (PLACE, True)
    assert found["Ivan Kovalenko"] == (PERSON, True)  # ", who chairs"
    assert found["National Grid Agency (NGA)"] == (ORGANIZATION, True)


def test_openers_demonyms_and_bare_body_nouns_are_not_entities() -> None:
    found = mentions()
    for word in ("Talks", "Ukrainian", "Western", "Office", "The"):
        assert word not in found


def test_a_word_used_mid_sentence_elsewhere_counts_when_it_opens_a_sentence() -> None:
    text = "Officials met in Brovary on Monday. Brovary is quiet now, residents said."
    starts = [m.start for m in find_mentions(analyse(text, [Span(0, len(text))])) if m.text == "Brovary"]
    assert starts == [text.index("Brovary"), text.rindex("Brovary")]


def test_possessive_is_not_part_of_the_name() -> None:
    text = "Energy Minister Ivan Kovalenko's plan was published. Kovalenko's deputy left."
    names = [m.text for m in find_mentions(analyse(text, [Span(0, len(text))]))]
    assert "Kovalenko" in names and not any(n.endswith("'s") for n in names)


def test_a_surname_alone_joins_the_full_name_of_its_article() -> None:
    groups = group_mentions(find_mentions(analyse(TEXT, [Span(0, len(TEXT))])))
    by_name = {g.name: g for g in groups}
    assert by_name["Oleh Hnatiuk"].forms == ("Oleh Hnatiuk", "Hnatiuk")
    assert by_name["Ivan Kovalenko"].forms == ("Ivan Kovalenko", "Kovalenko")
    assert by_name["National Grid Agency"].forms == ("National Grid Agency", "NGA")


def test_two_people_with_one_surname_stay_two_and_the_surname_goes_to_the_last_named() -> None:
    text = (
        "Energy Minister Marta Kovalenko met Mayor Ivan Kovalenko in Lviv on Monday. "
        "Kovalenko said the city would cut power at night."
    )
    groups = {g.name: g for g in group_mentions(find_mentions(analyse(text, [Span(0, len(text))])))}
    assert "Kovalenko" not in groups["Marta Kovalenko"].forms
    assert "Kovalenko" in groups["Ivan Kovalenko"].forms


def test_one_person_written_with_and_without_a_middle_initial_is_one_local_entity() -> None:
    text = "Envoy Maria T. Hollis arrived on Monday. Maria Hollis said the talks were useful."
    groups = group_mentions(find_mentions(analyse(text, [Span(0, len(text))])))
    people = [g for g in groups if g.type == PERSON]
    assert len(people) == 1 and set(people[0].forms) == {"Maria T. Hollis", "Maria Hollis"}


def test_a_parse_entity_loses_the_bullet_or_quote_mark_at_its_edges() -> None:
    # The statistical recogniser sometimes takes a list item's quotation marks into the name ("“Ostwick”"); the
    # bullet itself is never parsed (analyse leaves it out of the item), so it cannot reach a name either.
    text = "Velmora signed pacts with two states, namely:\n\n  • Korvast,\n  • “Ostwick”."
    items = [Span(text.index("• Korvast"), text.index(",\n  • “")), Span(text.index("• “Ostwick"), len(text) - 1)]
    document = analyse(text, [Span(0, text.index(":") + 1), *items])
    for parsed in document.parses:
        piece = parsed.doc.text
        assert not piece.startswith("•")
        if not piece.endswith(":"):  # the whole item, quotation marks included, as one place
            end = len(parsed.doc) - (1 if parsed.doc[-1].text in {",", "."} else 0)
            parsed.doc.ents = [parsed.doc.char_span(0, parsed.doc[end - 1].idx + len(parsed.doc[end - 1]), "GPE")]
    found = {m.text: m.type for m in find_mentions(document)}
    assert found.get("Korvast") == PLACE and found.get("Ostwick") == PLACE, found
    assert not any(name.startswith(("•", "“")) or name.endswith("”") for name in found)


def test_a_one_word_list_item_is_a_name_not_a_sentence_opener() -> None:
    text = "Velmora signed harbour pacts with three states, namely:\n• Korvast,\n• Ostwick,\n• Lindby."
    document = analyse(text, line_spans(text))
    names = [m.text for m in find_mentions(document)]
    assert {"Korvast", "Ostwick", "Lindby"} <= set(names), names


def test_a_dotted_acronym_is_one_name_not_two() -> None:
    """ "U.S." is one place, never the entities "U" and "S."."""
    text = "The U.S. envoy Ivo Marek met Velmoran officials in Pella. Ivo Marek is U.S. Ambassador."
    names = [m.text for m in find_mentions(analyse(text, [Span(0, len(text))]))]
    assert "U.S." in names and "U" not in names and "S." not in names, names


def test_a_combining_mark_stays_inside_its_word_in_an_untitled_name() -> None:
    text = "Mykola Ts\u0361ybulenko arrived in Ostwick on Monday."
    names = [m.text for m in find_mentions(analyse(text, [Span(0, len(text))]))]
    assert "Mykola Ts\u0361ybulenko" in names and "Ts" not in names and "ybulenko" not in names, names


def test_a_name_with_two_particles_is_one_person() -> None:
    text = "Judge Pieter van der Meer dismissed the case in Pella. Ana de la Cruz, a Velmoran envoy, left."
    found = {m.text: m.type for m in find_mentions(analyse(text, [Span(0, len(text))]))}
    assert found.get("Pieter van der Meer") == PERSON and found.get("Ana de la Cruz") == PERSON, found
    assert "Pieter" not in found and "Meer" not in found


def test_a_name_with_its_particle_written_on_by_a_hyphen_stays_whole() -> None:
    """ "al-Mansour", "el-Sisi": a particle written onto the name with a hyphen, as romanised Arabic names write
    it; the name is found whole, alone or after a given name."""
    found = mentions(
        "The Ostra Union, led by former finance minister Karim al-Hadari, won. Lawmakers then approved al-Hadari."
    )
    assert found["Karim al-Hadari"][0] == PERSON
    assert "al-Hadari" in found


def test_a_persons_title_in_apposition_outweighs_the_recognisers_guess_of_a_place_or_body() -> None:
    """ "Adaeze Okonkwo, the plant manager," and "Marit de Groot, its deputy director,": the small model may call
    an unfamiliar name a place or a body; the title beside it says a person."""
    found = mentions("The union wants Adaeze Okonkwo, the plant manager, to be suspended.")
    assert found["Adaeze Okonkwo"][0] == PERSON
    found = mentions("The inspectorate said that Marit de Groot, its deputy director, would lead the inquiry.")
    assert found["Marit de Groot"][0] == PERSON


def test_the_place_of_an_opening_dateline_is_a_place_named_in_its_own_case() -> None:
    """A dateline says where the story was filed: its capitals are a place, not an organisation's acronym, and
    the article's entity is named as the story writes the place, not in the dateline's capitals."""
    text = "LINDBY, N.V. (VPA) — A fire tore through a warehouse run by Ostwick Freight in Lindby on Monday."
    found = find_mentions(analyse(text, [Span(0, len(text))]))
    filed = next(m for m in found if m.start == 0)
    assert (filed.text, filed.type, filed.strong, filed.rule) == ("LINDBY", PLACE, True, "dateline-place")
    [lindby] = [g for g in group_mentions(found) if g.name.lower() == "lindby"]
    assert (lindby.name, lindby.type, len(lindby.mentions)) == ("Lindby", PLACE, 2)
    alone = "BRENMOOR - Talks on the ferry resumed on Monday."
    assert mentions(alone)["BRENMOOR"] == (PLACE, True)
    # capitals elsewhere are read by their shape as before: no dateline, no place
    assert mentions("The LINDBY board met on Monday and approved the plan.")["LINDBY"] == (ORGANIZATION, False)


def test_a_surname_written_alone_with_its_particle_joins_the_full_name() -> None:
    text = (
        "Inspector Annelies de Vrel said the fire began in a store room. De Vrel said both accounts would be examined."
    )
    groups = group_mentions(find_mentions(analyse(text, [Span(0, len(text))])))
    [vrel] = [g for g in groups if "Vrel" in g.name]
    assert (vrel.name, vrel.type, len(vrel.mentions)) == ("Annelies de Vrel", PERSON, 2)


def test_a_surname_with_particles_keeps_the_given_name_and_the_title_before_it() -> None:
    # the parse may leave the given name out ("Annelies | van der Molen"), or read it as a body of its own
    assert (
        mentions("The board, chaired by Annelies van der Molen, met on Friday.")["Annelies van der Molen"][0] == PERSON
    )
    assert mentions("Judge de Wit ruled on Monday.")["de Wit"][0] == PERSON
    assert "Van der Molen" in mentions('Van der Molen thanked Ostrow for "six years of service".')


def test_a_surname_with_particles_alone_joins_the_full_name_of_its_article() -> None:
    text = "The board is chaired by Annelies van der Molen. Van der Molen thanked the staff on Friday."
    groups = {g.name: g for g in group_mentions(find_mentions(analyse(text, [Span(0, len(text))])))}
    assert set(groups["Annelies van der Molen"].forms) == {"Annelies van der Molen", "Van der Molen"}


def test_a_capitalised_word_the_parse_reads_as_a_word_of_the_language_is_no_name() -> None:
    text = (
        '"You could see it coming," Ilse Varga said. "There was no warning."\n'
        "Q: How do you plan your day? A: Being the chief means looking at everything.\n"
        '"Hey, over here!" a guard shouted.'
    )
    found = find_mentions(analyse(text, line_spans(text)))
    names = {m.text for m in found}
    assert "Ilse Varga" in names
    assert not names & {"You", "There", "How", "Being", "Hey"}, names


def test_a_name_ending_in_a_word_its_article_writes_as_a_common_noun_is_no_titled_person() -> None:
    text = (
        "Talvik General Hospital was treating 40 patients on Monday, its director said.\n"
        "A second field hospital opened in the town of Orvane on Tuesday.\n"
        "General Ivo Marek, the army chief, visited the wards."
    )
    found = find_mentions(analyse(text, line_spans(text)))
    people = {m.text for m in found if m.type == PERSON}
    assert "Hospital" not in people and "Ivo Marek" in people
    assert "Talvik General Hospital" in {m.text for m in found}  # one name, typed by the parse if at all


def test_a_letter_alone_names_nothing_and_a_name_joined_by_an_ampersand_is_one_word() -> None:
    text = "The keyboard grew hot around the G, H and J keys, said Ilse Varga of KV&E, which sells it."
    names = {m.text for m in find_mentions(analyse(text, [Span(0, len(text))]))}
    assert not names & {"G", "H", "J", "E"}, names
    assert "KV&E" in names


def test_a_bracketed_acronym_is_a_second_name_only_where_it_can_abbreviate_the_name() -> None:
    assert forms_of("Orvane Health Agency (OHA)") == ["Orvane Health Agency", "OHA"]
    assert forms_of("Health Control (CHC)") == ["Health Control", "CHC"]  # part of the name it abbreviates
    assert forms_of("Velmora (KNA)") == ["Velmora"]  # a dateline's agency: "LINDBY, Velmora (KNA) -"
    assert forms_of("(Oleh) Hnatiuk") == ["Oleh Hnatiuk", "Hnatiuk"]


def test_names_alike_but_for_a_letter_standing_alone_are_two_entities_of_one_article() -> None:
    text = "Velmora won Group E on Monday. Korvast topped Group J a day later."
    names = {g.name for g in group_mentions(find_mentions(analyse(text, [Span(0, len(text))])))}
    assert {"Group E", "Group J"} <= names, names


def test_the_month_of_a_calendar_date_is_no_name() -> None:
    text = (
        "The study, by the Harrow Lions' Nov. 18 team, was published today (Nov. 18), Ilse Marek said. "
        "Jan Novak will meet Ilse Marek on 3 Jan 2027, and bids are due by Sept. 4."
    )
    names = mentions(text)
    assert not {"Nov", "Jan", "Sept"} & set(names)
    assert "Harrow Lions" in names and "Harrow Lions' Nov" not in names
    assert names["Jan Novak"][0] == PERSON  # a given name spelt like a month's abbreviation, with no day after it


def test_a_name_the_parse_reads_as_a_body_is_no_person_by_its_shape() -> None:
    """Two capitalised words are a person by their shape; the parse reads "Harrow Energy" as a body and its last
    word is a word of the language, so the body it is. A name whose last word the article writes alone, as a
    surname, stays a person."""
    text = "Ilse Marek resigned after six years at the top of Harrow Energy, the board said on Monday."
    names = mentions(text)
    assert names["Harrow Energy"][0] == ORGANIZATION and names["Ilse Marek"][0] == PERSON
