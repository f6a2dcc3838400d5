"""Close the paragraphs and link boxes a page leaves open, before extraction.

Small sites' themes leave `<p>` unclosed ('<p class="wp-caption-text">Foto: ...' before
the `<article>`). An HTML5 parser closes such a paragraph at the next block; lxml, which
trafilatura uses, nests every block after it inside the paragraph instead, so the
article became part of a photo caption and the precise extraction lost half of its
statements. The blocks a `<p>` holds are moved out to follow it, as an HTML5 parser
would have placed them. A box of links left open ('<div class="baca-juga"><ul>...</ul>'
with no `</div>`) swallows the article's paragraphs after it, and is dropped with them
as page furniture: those paragraphs are moved out after the box.
"""

from __future__ import annotations

from lxml.html import HtmlElement

# The blocks that end an open paragraph (the HTML standard's list, as news pages use it).
_BLOCKS = frozenset({"p", "div", "article", "section", "aside", "header", "footer", "nav", "main",
                     "ul", "ol", "dl", "table", "form", "figure", "blockquote", "pre", "hr",
                     "h1", "h2", "h3", "h4", "h5", "h6"})
_SWALLOWED_PARAGRAPHS = 2  # a box holding fewer after its links may just be its own caption


def close_open_paragraphs(tree: HtmlElement) -> None:
    """Move each block inside a `<p>`, and all that follows it there, out after the `<p>`,
    in place. Each element moves at most once per paragraph it was nested in: linear in the
    page for the chains of unclosed paragraphs a theme produces."""
    for paragraph in list(tree.iter("p")):
        children = list(paragraph)
        first = next((k for k, child in enumerate(children) if child.tag in _BLOCKS), None)
        if first is None:
            continue
        anchor = paragraph
        for child in children[first:]:
            anchor.addnext(child)  # the child's tail text moves with it
            anchor = child


def close_open_link_boxes(tree: HtmlElement) -> None:
    """Move the paragraphs after a box's list of links out after the box, in place: a box
    that opens on that list (after a label at most) and holds paragraphs after it."""
    for box in list(tree.iter("div")):
        children = list(box)
        lists = [k for k, child in enumerate(children) if child.tag in ("ul", "ol")]
        if not lists or any(child.tag in _BLOCKS for child in children[:lists[0]]) \
                or not _links_only(children[lists[0]]):
            continue
        after = children[lists[0] + 1:]
        if sum(child.tag == "p" for child in after) < _SWALLOWED_PARAGRAPHS:
            continue
        anchor = box
        for child in after:
            anchor.addnext(child)
            anchor = child


def _links_only(listing: HtmlElement) -> bool:
    """Each item of the list is a link ("Baca juga" headlines), none is prose."""
    items = listing.findall("li")
    return bool(items) and all(_link_item(item) for item in items)


def _link_item(item: HtmlElement) -> bool:
    link = item.find(".//a")
    return link is not None and len(item.text_content()) <= 2 * len(link.text_content()) + 20
