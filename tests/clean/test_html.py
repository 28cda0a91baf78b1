"""tracker.clean.html: the text and metadata of a page; a URL the page states is kept only when it is http(s)."""

from __future__ import annotations

import pytest

from tracker.clean.html import MAIN_TEXT, SAME_KIND_CONTAINERS, extract_html

BODY = "<p>" + "The harbour council of Velmora met on Monday to discuss the costs of the new pier. " * 3 + "</p>"


def page(head: str) -> str:
    return f"<html><head><title>Pier costs</title>{head}</head><body><article><h1>Pier</h1>{BODY}</article></body>"


def test_an_http_canonical_url_is_kept() -> None:
    assert extract_html(page('<link rel="canonical" href="https://ledger.example/pier">')).url == (
        "https://ledger.example/pier"
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,hi",
        "https://bank.example@elsewhere.example/pier",
        "https://ledger.example/" + "a" * 3000,
    ],
)
def test_a_page_url_that_is_not_a_plain_http_address_is_not_stored(url: str) -> None:
    for head in (f'<link rel="canonical" href="{url}">', f'<meta property="og:url" content="{url}">'):
        extracted = extract_html(page(head))
        assert extracted.url is None, head
        assert "Velmora" in extracted.text


# An article body cut into two containers of the same kind, with an advertisement row between them: the
# extractor's body rule takes the first container for the whole body.
FIRST_HALF = [
    "The harbour council of Velmora voted on Monday to rebuild the old east pier before the winter storms.",
    "Engineers told the council that the wooden piles had rotted and could give way within two years.",
    "The works will cost about four million euros, most of it paid from the regional transport fund.",
    "Fishermen who moor at the pier said they welcomed the decision but feared months of closures.",
    "The council's deputy chair, Orla Penhallow, said boats would be moved to the west basin meanwhile.",
]
SECOND_HALF = [
    "Contractors will be invited to bid in March, and the council hopes to sign a contract by early summer.",
    "A similar repair of the north jetty in Carrowmere took eighteen months and ran over its budget.",
    "Residents of the harbour streets asked for the heavy lorries to be kept away from the school.",
    "The council agreed to publish a traffic plan before the first lorry arrives at the site.",
    "Work on the pier itself is expected to begin in September and to last until the following spring.",
]


def split_page(second: list[str], second_class: str = "article-body") -> str:
    def paragraphs(lines: list[str]) -> str:
        return "".join(f"<p>{line}</p>" for line in lines)

    return (
        "<html><head><title>Pier</title></head><body><div class='page'>"
        f"<div class='row'><div class='article-body'>{paragraphs(FIRST_HALF)}</div>"
        "<aside class='rail'><div class='ad'>Advertisement</div></aside></div>"
        "<div class='row wide'><div class='promo'><span>Advertisement</span></div></div>"
        f"<div class='row'><div class='{second_class}'>{paragraphs(second)}</div></div>"
        "</div></body></html>"
    )


def test_a_body_split_into_containers_of_one_kind_is_read_from_all_of_them() -> None:
    extracted = extract_html(split_page(SECOND_HALF))
    assert extracted.rule == SAME_KIND_CONTAINERS
    lines = extracted.text.split("\n")
    assert lines == FIRST_HALF + SECOND_HALF  # in page order, nothing of the advertisement rows
    assert extracted.title == "Pier"


def test_a_second_container_that_adds_little_prose_leaves_the_main_text() -> None:
    extracted = extract_html(split_page(SECOND_HALF[:1]))
    assert extracted.rule == MAIN_TEXT
    assert SECOND_HALF[0] not in extracted.text


def test_a_single_body_container_is_the_main_text() -> None:
    extracted = extract_html(split_page(SECOND_HALF, second_class="sidebar"))
    assert extracted.rule == MAIN_TEXT
    assert extracted.text.split("\n")[: len(FIRST_HALF)] == FIRST_HALF


def article_page(inside: str, title: str = "Pier to be rebuilt before winter") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article>{inside}</article>"
        "<footer><p>Velmora Ledger</p></footer></body></html>"
    )


def test_the_headline_and_standfirst_above_the_first_paragraph_are_not_text() -> None:
    standfirst = "Engineers warn that the rotten piles could give way within two years, the council was told."
    extracted = extract_html(
        article_page(f"<h1>Pier to be rebuilt before winter</h1><h2>{standfirst}</h2>" + paragraphs_of(FIRST_HALF))
    )
    assert extracted.title == "Pier to be rebuilt before winter"
    assert extracted.text.split("\n") == FIRST_HALF


def test_a_heading_after_the_first_paragraph_stays() -> None:
    inside = paragraphs_of(FIRST_HALF[:3]) + "<h2>Costs and funding</h2>" + paragraphs_of(FIRST_HALF[3:])
    extracted = extract_html(article_page(inside))
    assert extracted.text.split("\n") == [*FIRST_HALF[:3], "Costs and funding", *FIRST_HALF[3:]]


def paragraphs_of(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def with_list_inside(items: list[str]) -> str:
    return paragraphs_of(FIRST_HALF[:3]) + "<ul>" + "".join(items) + "</ul>" + paragraphs_of(FIRST_HALF[3:])


def test_a_list_of_links_to_other_stories_inside_the_body_is_dropped() -> None:
    stories = [
        "<li>Storm closes <a href='/a'>the mountain pass for a week</a></li>",
        "<li><a href='/b'>Ferry fares to rise in the spring</a></li>",
        "<li>Why the <a href='/c'>old lighthouse keeper refused to leave</a></li>",
    ]
    extracted = extract_html(article_page(with_list_inside(stories)))
    assert extracted.text.split("\n") == FIRST_HALF


def test_a_list_that_only_names_linked_things_stays() -> None:
    towns = [
        "<li><a href='/n'>Northbay</a>, which pays a third of the costs from its harbour fund</li>",
        "<li><a href='/t'>Tallowfield</a>, which lends the council two of its dredgers</li>",
        "<li><a href='/b'>Brindlemoor</a>, which will run the temporary ferry service</li>",
    ]
    extracted = extract_html(article_page(with_list_inside(towns)))
    assert "- Tallowfield, which lends the council two of its dredgers" in extracted.text.split("\n")
