"""Tell a page that lists articles from a page that is one.

A tag page, a section front or a site's home page (where a moved article's link may
redirect) shows a teaser per story: a linked headline and a sentence or two. trafilatura
reads the teasers as one article's paragraphs, each from another story with another
official. Such a page has several linked headlines, each with its teaser beside it, and
most of the text it yields is those teasers. A real article's "Baca juga" links hold a
headline too, but its paragraphs are not theirs.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement

_HEADINGS = ("h1", "h2", "h3", "h4", "h5")
_READ_ALSO = re.compile(r"\s*(?:baca|lihat|simak)(?: juga)?\s*:", re.IGNORECASE)  # links inside an article
_MIN_ITEMS = 4
_MAX_HEADINGS = 2_000    # a list shows tens; a hostile page's hundred thousand are not all looked at
_HEADLINE_WORDS = 4      # "By redaksi", an author's link, is no headline
_MAX_TEASER_CHARS = 800  # a headline and a sentence or two
_TEASER_SHARE = 0.5   # of the extracted text, by characters
_KEY_CHARS = 60       # a paragraph is known by its opening words
_MAX_LISTED_CHARS = 200_000  # bounds the search of each paragraph in the teasers


def teasers(tree: HtmlElement) -> list[str]:
    """The text of each linked headline's item: the largest block around it holding no
    other linked headline, and the block after that (the teaser, in a flat list), when
    short. Read before extraction prunes the tree. Empty unless there are several links."""
    headings = [h for h in islice(tree.iter(*_HEADINGS), _MAX_HEADINGS)
                if _link(h) and len(h.text_content().split()) >= _HEADLINE_WORDS
                and not _READ_ALSO.match(h.text_content())]
    if len({_link(h) for h in headings}) < _MIN_ITEMS:
        return []
    # Keyed by the elements themselves: holding them keeps lxml's proxies, and so their
    # identities, alive while the counts are looked up.
    counts: dict[HtmlElement, int] = {}
    for heading in headings:
        for ancestor in heading.iterancestors():
            counts[ancestor] = counts.get(ancestor, 0) + 1
    items = []
    for heading in headings:
        item = heading
        while (parent := item.getparent()) is not None and counts.get(parent) == 1:
            item = parent
        # In a flat list the teaser is the block after the headline, the next headline after it.
        teaser = item.getnext()
        after = teaser.getnext() if teaser is not None else None
        flat = teaser is not None and not _holds_heading(teaser, counts) and \
            (after is None or _holds_heading(after, counts))
        text = item.text_content() + (" " + teaser.text_content() if flat else "")
        if len(text) <= _MAX_TEASER_CHARS:  # longer is the article itself, with its byline's link
            items.append(" ".join(text.split()))
    return items


def is_listing(paragraphs: list[str], items: list[str]) -> bool:
    """Whether most of the extracted text is teasers of the listed items."""
    if len(items) < _MIN_ITEMS or not paragraphs:
        return False
    listed = " ".join(items)[:_MAX_LISTED_CHARS]
    in_items = sum(len(p) for p in paragraphs if " ".join(p.split())[:_KEY_CHARS] in listed)
    return in_items > _TEASER_SHARE * sum(map(len, paragraphs))


def _link(heading: HtmlElement) -> str:
    anchor = next(heading.iter("a"), None)
    if anchor is None:
        anchor = next(heading.iterancestors("a"), None)
    return (anchor.get("href") or "").strip() if anchor is not None else ""


def _holds_heading(element: HtmlElement, counts: dict[HtmlElement, int]) -> bool:
    return counts.get(element, 0) > 0 or isinstance(element.tag, str) and element.tag in _HEADINGS
