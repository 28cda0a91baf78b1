"""HTML pages: the article text and metadata a well-kept extractor finds.

No extractor keeps offsets into raw HTML, so the extracted text becomes the source's stored text and every
later offset points into it.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from trafilatura.settings import Document

from tracker.urls import safe_url


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    outlet: str | None
    url: str | None


def extract_html(html: str) -> HtmlExtract:
    """Main text of the page with its title, site name and canonical URL where the page states them.

    A URL the page states is kept only when it is an absolute http(s) address (``tracker.urls``): a page
    cannot plant a ``javascript:`` link in the reports through its canonical or og:url.
    """
    # deduplicate=False: trafilatura otherwise remembers text across calls and drops it from later pages.
    document = trafilatura.bare_extraction(
        html, deduplicate=False, with_metadata=True, include_comments=False, include_tables=True
    )
    if document is None:
        return HtmlExtract("", None, None, None)
    assert isinstance(document, Document)  # a dict comes back only with as_dict=True
    return HtmlExtract(
        text=document.text or "",
        title=document.title or None,
        outlet=document.sitename or None,
        url=safe_url(document.url),
    )
