"""HTML pages: the article text and metadata a well-kept extractor finds.

No extractor keeps offsets into raw HTML, so the extracted text becomes the source's stored text and every
later offset points into it.

The text comes from a short chain of readings, each named (``HtmlExtract.rule``):

- ``main text``: trafilatura's main-content extraction, comments left out, tables kept;
- ``same-kind containers``: a page may cut its article body into several containers of one kind (the same
  tag and class), with advertisements or embeds between them, and the extractor then keeps only one. When the
  containers holding the main text's paragraphs have siblings of the same kind elsewhere in the page, all of
  them are read together, in page order; the wider reading is kept only when it keeps the main text's prose
  and adds a good share of new prose (``HtmlSettings``), so teaser boxes that happen to share a class do not
  replace a clean extraction.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml.etree import _Element
from trafilatura.settings import Document
from trafilatura.utils import load_html

from tracker.config import HTML, HtmlSettings
from tracker.urls import safe_url

MAIN_TEXT = "main text"
SAME_KIND_CONTAINERS = "same-kind containers"

_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_LOCATE_CHARS = 50  # a paragraph is found in the page by its first characters


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    outlet: str | None
    url: str | None
    rule: str = MAIN_TEXT  # which reading of the chain gave the text


def extract_html(html: str, settings: HtmlSettings = HTML) -> HtmlExtract:
    """Main text of the page with its title, site name and canonical URL where the page states them.

    A URL the page states is kept only when it is an absolute http(s) address (``tracker.urls``): a page
    cannot plant a ``javascript:`` link in the reports through its canonical or og:url.
    """
    document = _extract(html, with_metadata=True)
    if document is None:
        return HtmlExtract("", None, None, None)
    text, rule = document.text or "", MAIN_TEXT
    wider = _same_kind_containers(html, text, settings)
    if wider is not None:
        text, rule = wider, SAME_KIND_CONTAINERS
    return HtmlExtract(
        text=text,
        title=document.title or None,
        outlet=document.sitename or None,
        url=safe_url(document.url),
        rule=rule,
    )


def _extract(html: str, with_metadata: bool) -> Document | None:
    # deduplicate=False: trafilatura otherwise remembers text across calls and drops it from later pages.
    document = trafilatura.bare_extraction(
        html, deduplicate=False, with_metadata=with_metadata, include_comments=False, include_tables=True
    )
    if document is None:
        return None
    assert isinstance(document, Document)  # a dict comes back only with as_dict=True
    return document


def _same_kind_containers(html: str, main: str, settings: HtmlSettings) -> str | None:
    """The text of every container of the kind holding the main text's paragraphs, if it adds enough prose."""
    main_prose = _prose_heads(main, settings)
    if not main_prose:
        return None
    tree = load_html(html)
    if tree is None:
        return None
    kind = _container_kind(tree, main_prose[: settings.locating_paragraphs])
    if kind is None:
        return None
    tag, css_class = kind
    found = [e for e in tree.iter(tag) if e.get("class") == css_class]
    containers = [e for e in found if not any(a in found for a in e.iterancestors())]
    if len(containers) < 2:
        return None
    joined = "".join(_bare_copy(c) for c in containers)
    document = _extract(f"<html><body><article>{joined}</article></body></html>", with_metadata=False)
    if document is None or not document.text:
        return None
    wider = set(_prose_heads(document.text, settings))
    kept = sum(1 for head in main_prose if head in wider)
    added = len(wider) - kept
    enough = added >= max(settings.min_added_paragraphs, settings.min_added_share * len(main_prose))
    return document.text if kept >= settings.min_kept_share * len(main_prose) and enough else None


def _bare_copy(container: _Element) -> str:
    """The container's HTML as a plain ``div`` without attributes: its own class must not make the extractor
    take the first of them for the whole body again."""
    bare = copy.deepcopy(container)
    bare.tag = "div"
    bare.attrib.clear()
    bare.tail = None
    return str(lxml.html.tostring(bare, encoding="unicode"))


def _container_kind(tree: _Element, heads: list[str]) -> tuple[str, str] | None:
    """Tag and class of the element whose child paragraphs start most of ``heads``; None without a class."""
    kinds: Counter[tuple[str, str]] = Counter()
    for paragraph in tree.iter("p"):
        text = _squeeze(paragraph.text_content())[:_LOCATE_CHARS]
        if len(text) < _LOCATE_CHARS or text not in heads:
            continue
        parent = paragraph.getparent()
        css_class = parent.get("class") if parent is not None else None
        if parent is not None and css_class and isinstance(parent.tag, str):
            kinds[(parent.tag, css_class)] += 1
    return kinds.most_common(1)[0][0] if kinds else None


def _prose_heads(text: str, settings: HtmlSettings) -> list[str]:
    """The first characters of each prose paragraph (line) of extracted text, white space squeezed."""
    heads = []
    for line in text.split("\n"):
        line = _squeeze(line)
        if len(line.split()) >= settings.paragraph_min_words and _SENTENCE_END.search(line):
            heads.append(line[:_LOCATE_CHARS])
    return heads


def _squeeze(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
