"""Keep one copy of an article that a page holds twice, before extraction.

Some themes print the article twice, one copy for phones and one for desktops, and hide one
with CSS, which extraction cannot read. The phone copy is often only the first page of a
paginated story. Two `<article>` elements that open with the same paragraph are copies of
one article: the one with the most text is kept, the others are dropped.
"""

from __future__ import annotations

from itertools import islice

from lxml.html import HtmlElement

_MAX_ARTICLES = 50  # a page of teasers has tens; a hostile page's thousands are not all read
_OPENING_CHARS = 200  # of the first paragraph: enough to tell two stories apart


def drop_shorter_copies(tree: HtmlElement) -> None:
    """Drop, in place, each `<article>` that opens like a longer one."""
    longest: dict[str, tuple[int, HtmlElement]] = {}
    for article in list(islice(tree.iter("article"), _MAX_ARTICLES)):
        first = next(article.iter("p"), None)
        opening = " ".join(first.text_content().split())[:_OPENING_CHARS] if first is not None else ""
        if not opening or article.getparent() is None:
            continue
        size = len(article.text_content())
        kept = longest.get(opening)
        if kept is not None and _nested(kept[1], article):
            continue  # one article inside another, not a copy of it
        if kept is None or size > kept[0]:
            longest[opening] = (size, article)
        if kept is not None:
            (kept[1] if size > kept[0] else article).drop_tree()


def _nested(a: HtmlElement, b: HtmlElement) -> bool:
    return any(ancestor is a for ancestor in b.iterancestors()) or \
        any(ancestor is b for ancestor in a.iterancestors())
