"""tracker.clean: the article body told apart from page furniture, on small invented plain-text pages."""

from __future__ import annotations

import pytest

from tests.articles import BRIDGE, FERRY, FERRY_BODY, FERRY_COPY, FERRY_OTHER_REPORT, ORCHARD
from tracker.clean import CleanDocument, clean_text

P1 = "The council of Velmora approved plans for a new ferry terminal on Wednesday, ending a long dispute."
P2 = "Mayor Ilse Drummond said the terminal would carry up to two thousand passengers a day."
P3 = "The project will cost about forty million euros, according to the budget office of the council."
P4 = "Opposition members said they would keep watching the costs closely over the coming months."


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def passages(document: CleanDocument) -> list[str]:
    return [span.of(document.text) for span in document.passages]


def reason_of(document: CleanDocument, line: str) -> str:
    [verdict] = [v for v in document.verdicts if v.span.of(document.text) == line]
    return verdict.reason


def assert_exact_slices(document: CleanDocument) -> None:
    text = document.text
    for span in document.passages:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.of(text)
        assert span.of(text) == span.of(text).strip()
    starts = [span.start for span in document.passages]
    assert starts == sorted(starts)


def test_plain_article_keeps_every_paragraph() -> None:
    document = clean_text(page(P1, "", P2, "", P3))
    assert passages(document) == [P1, P2, P3]
    assert document.body == "\n\n".join([P1, P2, P3])


@pytest.mark.parametrize(
    ("furniture", "reason"),
    [
        ("Home | World | Politics | Business | Sport | Culture", "menu"),
        ("News » Europe » Velmora", "menu"),
        ("We use cookies to give you the best experience. By continuing you agree.", "furniture vocabulary"),
        ("Read also: Fishermen in Velmora protest over quota cuts (02.03.2023)", "link to another story"),
        ("Sign up for our newsletter and get the top stories in your inbox every morning.", "furniture vocabulary"),
        ("Comment rules: be polite, no personal attacks and no spam. Comments are moderated.", "furniture vocabulary"),
        ("Additional reporting by Tamsin Orrell; editing by Jory Vance", "furniture vocabulary"),
        ("Dorian Kettle contributed reporting from Carrowmere.", "furniture vocabulary"),
        ("Follow the harbour desk on Twitter and Facebook for live updates.", "furniture vocabulary"),
        ("The Ledger may receive a commission on orders placed through links in this article.", "furniture vocabulary"),
        (
            "Get the Coast Monthly delivered to your door: 12 issues for the price of ten. Click here.",
            "furniture vocabulary",
        ),
        ("There was an error processing your request, please try again later.", "furniture vocabulary"),
    ],
    ids=[
        "menu",
        "breadcrumb",
        "cookies",
        "read-also",
        "newsletter",
        "comment-rules",
        "credit-line",
        "contributed",
        "follow-us",
        "affiliate",
        "subscription-offer",
        "form-error",
    ],
)
def test_furniture_inside_the_body_is_dropped(furniture: str, reason: str) -> None:
    document = clean_text(page(P1, furniture, P2, P3))
    assert passages(document) == [P1, P2, P3]
    assert reason_of(document, furniture) == reason


def test_header_furniture_before_the_body_is_dropped() -> None:
    header = [
        "Home | World | Politics | Business | Sport",
        "Skip to main content",
        "We use cookies on this site.",
        "Velmora Evening Star",
        "Thursday, 9 March 2023",
        "Harbour council approves new ferry terminal",
    ]
    document = clean_text(page(*header, "", P1, "", P2))
    assert passages(document) == [P1, P2]


def test_sidebar_in_another_script_is_dropped() -> None:
    sidebar = "Новости региона: в Велморе открылся новый рынок и выставка местных художников."
    document = clean_text(page(P1, P2, sidebar, P3))
    assert passages(document) == [P1, P2, P3]
    assert reason_of(document, sidebar) == "other script"


def test_sidebar_in_another_latin_script_language_is_dropped() -> None:
    sidebar = "Uudised piirkonnast: Velmoras avati uus turg ja kohalike kunstnike näitus."
    document = clean_text(page(P1, P2, sidebar, P3))
    assert passages(document) == [P1, P2, P3]
    assert reason_of(document, sidebar) == "other language"


def test_latin_sidebar_on_a_cyrillic_page_is_dropped() -> None:
    body = [
        "Городской совет Белозёрска в среду утвердил план строительства нового моста через реку.",
        "Мэр Анна Ершова заявила, что работы начнутся весной и продлятся около двух лет.",
    ]
    sidebar = "Latest from our English edition: the mayor opens the new bridge over the river."
    document = clean_text(page(body[0], sidebar, body[1]))
    assert passages(document) == body
    assert reason_of(document, sidebar) == "other script"


def test_most_read_section_after_the_body_is_dropped() -> None:
    tail = [
        "Most read",
        "Storm closes the mountain pass for two days after heavy snowfall in the north of the country.",
        "Local bakery wins the national prize for the best rye bread in the country this year.",
    ]
    document = clean_text(page(P1, P2, P3, "", *tail))
    assert passages(document) == [P1, P2, P3]
    assert reason_of(document, "Most read") == "section heading"
    assert reason_of(document, tail[2]) == "after body"


@pytest.mark.parametrize("heading", ["Related stories", "Comments (12)", "You may also like", "Tags"])
def test_section_headings_end_the_article(heading: str) -> None:
    later = "A different story about the harbour fishermen who protested against new quota cuts last week."
    document = clean_text(page(P1, P2, heading, later))
    assert passages(document) == [P1, P2]


def test_paragraph_printed_twice_keeps_only_the_first_copy() -> None:
    document = clean_text(page(P1, P2, P3, P2, P4))
    assert passages(document) == [P1, P2, P3, P4]
    repeated = [v for v in document.verdicts if v.reason == "repeated paragraph"]
    assert len(repeated) == 1
    assert repeated[0].span.start > document.text.index(P3)


def test_list_after_a_lead_in_ending_with_a_colon_is_kept() -> None:
    lead_in = "The plan names three stages of work:"
    items = ["- dredging the old basin", "- building the passenger hall", "- linking the coastal road"]
    document = clean_text(page(P1, lead_in, *items, P2))
    assert passages(document) == [P1, lead_in, *items, P2]


def test_closing_list_after_the_last_paragraph_is_kept() -> None:
    lead_in = "So far the terminal has been backed by three neighbouring towns, namely:"
    items = ["  • Northbay,", "  • Tallowfield,", "  • Brindlemoor."]
    document = clean_text(page(P1, P2, "", lead_in, "", *items, "", "Most read", "Storm closes pass (07.03.2023)"))
    assert passages(document) == [P1, P2, lead_in, *[i.strip() for i in items]]


def test_numbered_list_is_kept() -> None:
    items = ["1. the old basin", "2. the passenger hall"]
    document = clean_text(page(P1, "The council listed its priorities:", *items, P2))
    assert passages(document) == [P1, "The council listed its priorities:", *items, P2]


def test_hard_wrapped_paragraph_is_one_passage() -> None:
    wrapped = (
        "The council of Velmora approved plans for a new ferry terminal after\n"
        "a dispute that had lasted for three years, the mayor said on Wednesday."
    )
    document = clean_text(page(wrapped, "", P2))
    assert passages(document) == [wrapped, P2]


def test_page_without_prose_has_no_body() -> None:
    document = clean_text(page("Home | World | Sport", "Most read", "Login"))
    assert document.passages == ()
    assert document.body == ""


def test_full_invented_page() -> None:
    document = clean_text(FERRY)
    assert passages(document) == FERRY_BODY
    for noise in ("Home", "cookies", "Velmora Evening Star", "Read also", "newsletter", "Most read", "Storm"):
        assert noise not in document.body


@pytest.mark.parametrize(
    "text",
    [FERRY, FERRY_COPY, FERRY_OTHER_REPORT, BRIDGE, ORCHARD],
    ids=["ferry", "copy", "other-report", "bridge", "orchard"],
)
def test_every_passage_is_an_exact_slice_of_the_text(text: str) -> None:
    document = clean_text(text)
    assert document.passages
    assert document.text is text
    assert_exact_slices(document)


def test_passages_are_exact_slices_when_lines_carry_surrounding_white_space() -> None:
    text = "   \n\t" + P1 + "   \n\n\n  " + P2 + "\t\n  - an item of a list\n" + P3
    document = clean_text(text)
    assert passages(document) == [P1, P2, "- an item of a list", P3]
    assert_exact_slices(document)


def test_table_row_cells_are_judged_one_by_one() -> None:
    # A layout table as an extractor renders it: the article is one cell, a menu and a notice are others.
    row = f"| Home | {P1} {P2} | Comments are moderated before they appear. |"
    document = clean_text(page(row, P3))
    assert passages(document) == [f"{P1} {P2}", P3]
    assert reason_of(document, "Comments are moderated before they appear.") == "furniture vocabulary"


def test_a_menu_outside_a_table_is_still_one_unit() -> None:
    document = clean_text(page(P1, "World | Politics | Business | Sport", P2))
    assert reason_of(document, "World | Politics | Business | Sport") == "menu"


FLAT_SENTENCES = [
    "The regional assembly of Velmora met in the old customs house on Tuesday to debate the harbour budget.",
    "Rep. Anselm Kittredge opened the session with a long list of repairs that the ferry terminal still needs.",
    "“Who pays for it?” asked a member.",
    "Kittredge said the state would cover most of the costs if the towns agreed to share the remainder.",
]


def flattened_block() -> str:
    """A whole article on one line, long enough to be a flattened block, with a closing notice."""
    sentences = FLAT_SENTENCES * 6 + ["Note: we are moderating all comments submitted to deal with spam."]
    return " ".join(sentences)


def test_a_flattened_block_is_judged_sentence_by_sentence() -> None:
    document = clean_text(page(flattened_block()))
    kept = passages(document)
    # "Rep." does not end a sentence, a short question is still prose, the notice goes, and so do the repeats
    assert kept == FLAT_SENTENCES
    assert reason_of(document, "Note: we are moderating all comments submitted to deal with spam.") == (
        "furniture vocabulary"
    )
    assert_exact_slices(document)


def test_an_article_paragraph_that_mentions_comments_in_passing_is_body() -> None:
    paragraph = (
        "The mayor's comments drew an angry reply from the opposition on Thursday. "
        "Councillor Brenna Hollis wrote in an e-mail that the plan had been rushed through without a proper vote. "
        "She asked the council to publish the full cost estimates before the next meeting in April."
    )
    document = clean_text(page(P1, paragraph, P2))
    assert passages(document) == [P1, paragraph, P2]


@pytest.mark.parametrize(
    "box",
    [
        # the call to action closes the box
        "Start your week with the Harbour Digest from our business desk. It is read by thousands of "
        "people across the coast. Sign up for our free morning digest.",
        # a disclaimer dense with different cues, each sentence holding few of them
        "Readers are asked not to post insults. The publisher accepts no liability for the views expressed.",
    ],
    ids=["promo-box", "disclaimer"],
)
def test_a_box_of_several_sentences_is_furniture(box: str) -> None:
    document = clean_text(page(P1, box, P2))
    assert passages(document) == [P1, P2]
    assert reason_of(document, box) == "furniture vocabulary"


def test_a_list_after_the_last_paragraph_that_nothing_leads_into_is_dropped() -> None:
    teasers = ["- Storm closes the mountain pass for a week", "- Ferry fares to rise in spring"]
    document = clean_text(page(P1, P2, *teasers))
    assert passages(document) == [P1, P2]
    assert reason_of(document, teasers[0]) == "after body"


def test_the_article_resumes_after_a_box_of_links_set_inside_it() -> None:
    box = ["Don't miss", "Storm closes the mountain pass [VIDEO]", "Ferry fares to rise in spring [INSIGHT]"]
    after = [P3, "What happens next?", P4, "The first ferry is due to sail from the new terminal in two years."]
    document = clean_text(page(P1, P2, *box, *after))
    # the box's teasers and the subheading are short lines; the paragraphs after the box are body again
    assert passages(document) == [P1, P2, P3, P4, after[-1]]
    assert reason_of(document, "Don't miss") == "section heading"


def test_comments_never_resume_the_article() -> None:
    comments = [
        "Comments",
        "I have taken this ferry for years and the new terminal is long overdue, frankly.",
        "The council should have asked the fishermen before spending forty million euros.",
        "Another white elephant, just like the bridge that was never finished in the end.",
    ]
    document = clean_text(page(P1, P2, *comments))
    assert passages(document) == [P1, P2]


# --- a closing block: the paper's lines set one under the other after the body's paragraphs -------------------

_NOTICE = "Readers may place notices of thanks free of charge at our Lindby office."
_SLOGAN = "Velmora Evening Star - the voice of the coast since 1921."


def test_a_closing_block_of_short_lines_after_the_paragraphs_is_no_body() -> None:
    """Paragraphs each stand apart; the lines after them sit one under the other, each short: the page's
    footer, however much like sentences its notices and slogan read."""
    document = clean_text(page(P1, "", P2, "", P3, "", P4, "", _NOTICE, _SLOGAN, "(c) 2027 Velmora Evening Star"))
    assert passages(document) == [P1, P2, P3, P4]
    assert reason_of(document, _SLOGAN) == "after body"
    assert_exact_slices(document)


@pytest.mark.parametrize(
    "lines",
    [
        (P1, "", P2, "", P3, "", P4, "", _NOTICE, "", _SLOGAN),  # each stands apart, as the paragraphs do
        (P1, P2, P3, P4, _NOTICE, _SLOGAN),  # no blank lines at all (extracted text): the layout tells nothing
        (P1, "", P2, "", P4, "", _NOTICE, _SLOGAN),  # too few paragraphs above to tell a layout
        (P1, "", P2, "", P3, "", P4, "", _NOTICE, " ".join([P1, P2])),  # a line too long for a footer
    ],
)
def test_lines_are_no_closing_block_without_the_layout_that_sets_one_apart(lines: tuple[str, ...]) -> None:
    assert _NOTICE in passages(clean_text(page(*lines)))
