"""Keep the boxes an article sets inside its own text, before extraction.

An explainer or a report carries boxes of its own inside the `<article>`: readers'
questions with an official's answers ("Tanya-Jawab"), the responses of those it concerns
("Tanggapan"), short facts; a regional daily's web edition boxes a side story with another
official's quotes among the body's paragraphs. trafilatura drops every `<aside>` as page
furniture, and the statements in these boxes with them. An `<aside>` inside the article
(its `<article>`, or among its paragraphs where the page has none) that holds paragraphs
of prose is turned into a `<div>`; sidebars outside it, and boxes of links ("Baca juga"),
stay asides.
"""

from __future__ import annotations

from lxml.html import HtmlElement

_MIN_PROSE_CHARS = 200  # more than a box of headlines or a caption
_BODY_PARAGRAPHS = 3


def divs_for_article_boxes(tree: HtmlElement) -> None:
    """Rename each `<aside>` inside an `<article>` that holds prose paragraphs, in place.
    Each aside looks up to its ancestors once: nested articles cost no second pass."""
    for aside in list(tree.iter("aside")):
        if next(aside.iterancestors("article"), None) is None and not _among_paragraphs(aside):
            continue
        prose = sum(len(p.text_content()) for p in aside.iter("p") if not _mostly_link(p))
        if prose >= _MIN_PROSE_CHARS:
            aside.tag = "div"


def _among_paragraphs(aside: HtmlElement) -> bool:
    """The aside's siblings include the body's paragraphs: more than a sidebar's few."""
    parent = aside.getparent()
    return parent is not None and sum(child.tag == "p" for child in parent) >= _BODY_PARAGRAPHS


def _mostly_link(paragraph: HtmlElement) -> bool:
    linked = sum(len(a.text_content()) for a in paragraph.iter("a"))
    return linked * 2 > len(paragraph.text_content())
