"""Sentences of the analysed document: trimmed spans into the stored text, never across passages, abbreviations
kept whole, and a lead-in line ending with ":" carrying the list items that follow it."""

from __future__ import annotations

from tracker.analyse import analyse
from tracker.analyse.sentences import BULLET, item_span
from tracker.clean.spans import Span, line_spans


def texts(text: str, spans) -> list[str]:
    return [s.of(text) for s in spans]


def whole(text: str) -> Span:
    return Span(0, len(text))


def sentences(text: str, passages):
    return list(analyse(text, passages).sentences)


def split_passage(text: str, passage: Span) -> list[Span]:
    return [s.span for s in sentences(text, [passage])]


def test_split_on_full_stops_with_trimmed_spans() -> None:
    text = "The vote passed.   The mayor left early.  Both sides said they were pleased."
    spans = split_passage(text, whole(text))
    assert texts(text, spans) == ["The vote passed.", "The mayor left early.", "Both sides said they were pleased."]


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = "Gen. Ivo Marsh arrived at 9 a.m. in St. Olaf. He left at noon. Officials at the U.N. agreed."
    assert texts(text, split_passage(text, whole(text))) == [
        "Gen. Ivo Marsh arrived at 9 a.m. in St. Olaf.",
        "He left at noon.",
        "Officials at the U.N. agreed.",
    ]


def test_decimal_number_does_not_end_a_sentence() -> None:
    text = "The budget rose 2.5 percent. The deficit fell."
    assert texts(text, split_passage(text, whole(text))) == ["The budget rose 2.5 percent.", "The deficit fell."]


def test_quoted_sentences_stay_with_their_frame() -> None:
    text = 'He said: "We stay. We fight." Then he left the hall.'
    assert texts(text, split_passage(text, whole(text))) == ['He said: "We stay. We fight."', "Then he left the hall."]


def test_repeated_sentences_get_their_own_offsets() -> None:
    text = "The vote passed. The vote passed. The vote passed."
    spans = split_passage(text, whole(text))
    assert [(s.start, s.end) for s in spans] == [(0, 16), (17, 33), (34, 50)]


def test_offsets_are_into_the_whole_text_not_the_passage() -> None:
    text = "Menu | Home\n\n   The ferry sailed. It was late.\nFooter line"
    passage = line_spans(text)[1]
    spans = split_passage(text, passage)
    assert texts(text, spans) == ["The ferry sailed.", "It was late."]
    assert spans[0].start == text.index("The ferry")


def test_sentences_never_cross_passages() -> None:
    text = "The ferry sailed at dawn\nand the crew was tired.\n"
    passages = line_spans(text)
    found = sentences(text, passages)
    assert texts(text, [s.span for s in found]) == ["The ferry sailed at dawn", "and the crew was tired."]
    for sentence in found:
        assert any(p.start <= sentence.span.start and sentence.span.end <= p.end for p in passages)


def test_lead_in_with_colon_takes_the_bullet_items() -> None:
    text = "The board approved four districts:\n• Northfield,\n• Eastgate;\n• Millbrook.\nThe vote was quick.\n"
    found = sentences(text, line_spans(text))
    assert [s.span.of(text) for s in found] == ["The board approved four districts:", "The vote was quick."]
    assert texts(text, found[0].items) == ["Northfield", "Eastgate", "Millbrook"]
    assert found[1].items == ()


def test_lead_in_takes_numbered_and_dashed_items() -> None:
    text = "The jury named three finalists:\n1. Alma Rask\n2) Bo Lind\n- Cleo Marr\n"
    found = sentences(text, line_spans(text))
    assert len(found) == 1
    assert texts(text, found[0].items) == ["Alma Rask", "Bo Lind", "Cleo Marr"]


def test_bullets_without_a_lead_in_colon_are_ordinary_sentences() -> None:
    text = "The board approved four districts\n• Northfield was first.\n"
    found = sentences(text, line_spans(text))
    # the bullet is layout: the sentence, and so every quote taken from it, starts after it
    assert [s.span.of(text) for s in found] == ["The board approved four districts", "Northfield was first."]
    assert all(s.items == () for s in found)


def test_a_numbered_item_sentence_starts_after_its_number() -> None:
    text = "The harbour board met on Friday.\n2. Repairs to the east pier will start in May.\n"
    found = sentences(text, line_spans(text))
    assert [s.span.of(text) for s in found][-1] == "Repairs to the east pier will start in May."


def test_only_the_lead_in_sentence_of_a_passage_takes_the_items() -> None:
    text = "The vote was long. The board approved these districts:\n• Northfield\n• Eastgate\n"
    found = sentences(text, line_spans(text))
    assert [s.span.of(text) for s in found] == ["The vote was long.", "The board approved these districts:"]
    assert found[0].items == ()
    assert texts(text, found[1].items) == ["Northfield", "Eastgate"]


def test_item_span_strips_bullet_and_trailing_punctuation() -> None:
    text = "  •   Saltmarsh harbour,.  "
    passage = line_spans(text)[0]
    assert item_span(text, passage).of(text) == "Saltmarsh harbour"


def test_item_span_of_a_plain_line_keeps_it() -> None:
    text = "Saltmarsh harbour."
    assert item_span(text, whole(text)).of(text) == "Saltmarsh harbour"


def test_bullet_pattern() -> None:
    for line in ["• a", "· a", "* a", "- a", "– a", "1. a", "12) a"]:
        assert BULLET.match(line), line
    for line in ["2024. a", "-a", "Northfield", "1.5 million"]:
        assert not BULLET.match(line), line


def test_empty_passage_list() -> None:
    assert sentences("Anything at all.", []) == []


def test_each_sentence_carries_its_parse_with_offsets_into_the_stored_text() -> None:
    text = "Menu\n\nThe ferry sailed. Captain Ivo Marsh said it was late.\n"
    found = sentences(text, line_spans(text)[1:])
    second = found[1]
    words = [(second.at(t), t.text) for t in second.tokens]
    assert all(text[start : start + len(word)] == word for start, word in words)
    root = second.tokens.root
    assert root.lemma_ == "say"
    assert second.span_of(second.tokens[0], second.tokens[-1]) == second.span


def test_the_document_lists_named_entities_as_spans() -> None:
    text = "Captain Ivo Marsh flew to Velmora on Monday."
    document = analyse(text, [whole(text)])
    assert ("Ivo Marsh", "PERSON") in [(e.span.of(text), e.label) for e in document.entities]


def test_a_sentence_left_in_another_language_is_set_apart() -> None:
    text = (
        "The mayor of Lindby opened the new harbour on Monday. "
        "Wir haben lange auf diesen Tag gewartet und sind sehr froh darüber, sagte er. "
        "The harbour cost 40 million euros."
    )
    document = analyse(text, [whole(text)])
    assert [s.span.of(text) for s in document.sentences] == [
        "The mayor of Lindby opened the new harbour on Monday.",
        "The harbour cost 40 million euros.",
    ]
    assert [f.of(text) for f in document.foreign] == [
        "Wir haben lange auf diesen Tag gewartet und sind sehr froh darüber, sagte er."
    ]


def test_short_or_english_sentences_are_never_set_apart() -> None:
    text = "Ivo Marsh said: Danke. The vote in Lindby passed by nine votes to two."
    document = analyse(text, [whole(text)])
    assert document.foreign == ()


def test_quotation_marks_do_not_hide_a_sentence_in_another_language() -> None:
    text = "The imam of Lindby spoke on Friday. “Kami sangat bangga dengan semua anak muda di desa ini.” He left."
    document = analyse(text, [whole(text)])
    assert [f.of(text) for f in document.foreign] == ["“Kami sangat bangga dengan semua anak muda di desa ini.”"]


def test_a_sentence_of_names_alone_is_not_set_apart() -> None:
    text = "Winners: Velmora Korvast, Lindby Ostwick, Saltmarsh Dravia, Kessel Brovna, Ivo Marsh."
    assert analyse(text, [whole(text)]).foreign == ()
