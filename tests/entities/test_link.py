"""Claims link to the entities their passage names and to their speaker."""

from __future__ import annotations

from tracker.analyse import analyse
from tracker.clean import clean_text
from tracker.clean.spans import Span
from tracker.entities import article_entities
from tracker.extract import extract_claims


def test_claims_link_to_named_entities_and_resolved_speakers() -> None:
    text = (
        "Deputy Energy Minister Oleh Hnatiuk said the grid in Lviv held overnight.\n\n"
        "He said repairs would take two weeks."
    )
    passages = (Span(0, text.index("\n\n")), Span(text.index("He said"), len(text)))
    document = analyse(text, passages)
    claims = tuple(extract_claims(document, None))
    found = article_entities(document, claims)
    names = [e.name for e in found.entities]
    links = {(claims[link.claim].text, names[link.entity], link.speaker) for link in found.claim_links}
    grid = next(c.text for c in claims if "grid" in c.text and "is" not in c.text.split()[:4])
    repairs = next(c.text for c in claims if "repairs" in c.text)
    assert (grid, "Oleh Hnatiuk", True) in links
    assert (grid, "Lviv", False) in links
    assert (repairs, "Oleh Hnatiuk", True) in links  # "He" is the minister


def test_a_claim_of_one_list_item_links_that_item_and_not_the_others() -> None:
    text = (
        "The harbour office said on Monday that talks with Korvast and Dravia had ended.\n\n"
        "As of today, Velmora has signed fishing pacts with three states, namely:\n\n"
        "  • Great Dravia,\n  • Korvast,\n  • Ostwick.\n"
    )
    document = analyse(text, clean_text(text).passages)
    claims = tuple(extract_claims(document, None))
    found = article_entities(document, claims)
    names = [e.name for e in found.entities]
    about: dict[str, set[str]] = {}
    for link in found.claim_links:
        about.setdefault(claims[link.claim].text, set()).add(names[link.entity])
    korvast = "Velmora has signed fishing pacts with Korvast."
    # the claim's passage runs from its lead-in over "Great Dravia" to its item: only its own words count
    assert about[korvast] == {"Velmora", "Korvast"}


def test_a_lone_word_a_claim_counts_is_no_entity() -> None:
    text = "Turnout stood at 63.1 percent, Ilse Varga said.\n\nEggs rose by 12 percent in Orvane."
    document = analyse(text, clean_text(text).passages)
    found = article_entities(document, tuple(extract_claims(document, None)))
    names = {e.name for e in found.entities}
    assert "Ilse Varga" in names and "Orvane" in names
    assert not names & {"Turnout", "Eggs"}
