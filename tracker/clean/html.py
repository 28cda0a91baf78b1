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
from lxml.html import HtmlElement
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
    tree = load_html(html)
    if tree is None:
        return HtmlExtract("", None, None, None)
    _drop_link_lists(tree, settings)
    document = _extract(copy.deepcopy(tree), with_metadata=True)
    if document is None:
        return HtmlExtract("", None, None, None)
    text, rule = _without_page_header(document), MAIN_TEXT
    wider = _same_kind_containers(tree, text, settings)
    if wider is not None:
        text, rule = wider, SAME_KIND_CONTAINERS
    return HtmlExtract(
        text=text,
        title=document.title or None,
        outlet=document.sitename or None,
        url=safe_url(document.url),
        rule=rule,
    )


def _without_page_header(document: Document) -> str:
    """The main text without its opening headline block: the lines before the first paragraph that are the
    page's title or headings set above that paragraph (a headline and its standfirst are the page's metadata,
    stored as its title, not statements of the article). A description is not enough: many pages describe
    themselves with their first paragraph."""
    header = {_squeeze(document.title)} if document.title else set()
    if document.body is not None:
        for element in document.body.iter("head", "p"):
            if element.tag == "p":
                break
            header.add(_squeeze("".join(element.itertext())))
    text = document.text or ""
    start = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and _squeeze(line) not in header:
            break
        start += len(line)
    return text[start:] if text[start:].strip() else text


def _extract(html: str | HtmlElement, with_metadata: bool) -> Document | None:
    # deduplicate=False: trafilatura otherwise remembers text across calls and drops it from later pages.
    document = trafilatura.bare_extraction(
        html, deduplicate=False, with_metadata=with_metadata, include_comments=False, include_tables=True
    )
    if document is None:
        return None
    assert isinstance(document, Document)  # a dict comes back only with as_dict=True
    return document


def _same_kind_containers(tree: HtmlElement, main: str, settings: HtmlSettings) -> str | None:
    """The text of every container of the kind holding the main text's paragraphs, if it adds enough prose."""
    main_prose = _prose_heads(main, settings)
    if not main_prose:
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


def _drop_link_lists(tree: HtmlElement, settings: HtmlSettings) -> None:
    """Remove lists of links to other stories: every item holds a link, most of the list's text is link text,
    and the items read as headlines rather than menu words. The extractor keeps such a list when it sits inside
    the article body."""
    for items_list in list(tree.iter("ul", "ol")):
        if items_list.getparent() is None:
            continue
        items = [li for li in items_list if li.tag == "li" and _squeeze(li.text_content())]
        if len(items) < settings.link_list_min_items:
            continue
        words = sum(len(li.text_content().split()) for li in items) / len(items)
        shares = [_link_share(li) for li in items]
        if (
            words >= settings.link_list_min_words
            and all(shares)
            and sum(shares) / len(shares) >= settings.link_list_min_share
        ):
            items_list.drop_tree()


def _link_share(element: HtmlElement) -> float:
    text = len(_squeeze(element.text_content()))
    links = sum(
        len(_squeeze(a.text_content())) for a in element.iter("a") if not any(up.tag == "a" for up in a.iterancestors())
    )
    return links / text if text else 0.0


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
