"""tracker.clean.html: the text and metadata of a page; a URL the page states is kept only when it is http(s)."""

from __future__ import annotations

import pytest

from tracker.clean.html import extract_html

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
