"""Keep the boxes an article sets inside its own text, before extraction.

An explainer or a report carries boxes of its own inside the `<article>`: readers'
questions with an official's answers ("Tanya-Jawab"), the responses of those it concerns
("Tanggapan"), short facts. trafilatura drops every `<aside>` as page furniture, and the
statements in these boxes with them. An `<aside>` inside the article that holds paragraphs
of prose is turned into a `<div>`; sidebars outside it, and boxes of links ("Baca juga"),
stay asides.
"""

from __future__ import annotations

from lxml.html import HtmlElement

_MIN_PROSE_CHARS = 200  # more than a box of headlines or a caption


def divs_for_article_boxes(tree: HtmlElement) -> None:
    """Rename each `<aside>` inside an `<article>` that holds prose paragraphs, in place.
    Each aside looks up to its ancestors once: nested articles cost no second pass."""
    for aside in list(tree.iter("aside")):
        if next(aside.iterancestors("article"), None) is None:
            continue
        prose = sum(len(p.text_content()) for p in aside.iter("p") if not _mostly_link(p))
        if prose >= _MIN_PROSE_CHARS:
            aside.tag = "div"


def _mostly_link(paragraph: HtmlElement) -> bool:
    linked = sum(len(a.text_content()) for a in paragraph.iter("a"))
    return linked * 2 > len(paragraph.text_content())
