"""HTML pages: the article text and metadata a well-kept extractor finds.

No extractor keeps offsets into raw HTML, so the extracted text becomes the source's stored text and every
later offset points into it.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from trafilatura.settings import Document


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    outlet: str | None
    url: str | None


def extract_html(html: str) -> HtmlExtract:
    """Main text of the page with its title, site name and canonical URL where the page states them."""
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
        url=document.url or None,
    )
