"""Drop the next stories an infinite-scroll page appends below its article.

News sites that load the next story as the reader scrolls often serve the first one or two
already in the page, each in a block of its own named so ("read__article--next",
"read-next"), with its own headline, byline and officials. trafilatura reads them as the
article's last paragraphs, and their officials as its speakers: Samarinda's BPBD head, in a
story on a flood, spoke in an article about the Sekprov's warning to civil servants.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from index.ingest.block_names import named

# A class or id word that starts so: "read-next", "read__article--next", "next-article".
_NEXT_WORD = re.compile(r"(?:^|[^a-z])next(?:[^a-z]|$|article|story|post)", re.IGNORECASE)
_HEADINGS = ("h1", "h2", "h3")
_HEADLINE_WORDS = 5  # a story's headline, not a page's label
# A story's worth of paragraphs, more than a "next post" link with its teaser.
_MIN_STORY_CHARS = 200


def drop_appended_stories(tree: HtmlElement) -> None:
    """Remove, in place, each block named as a next story that holds a headline and a
    story's paragraphs but not the page's first `<h1>`, the article's own headline."""
    first_h1 = next(tree.iter("h1"), None)
    for element in list(tree.iter()):
        if isinstance(element.tag, str) and _is_next_story(element, first_h1):
            element.drop_tree()


def _is_next_story(element: HtmlElement, first_h1: HtmlElement | None) -> bool:
    if not named(element, _NEXT_WORD) or element.tag in ("html", "body"):
        return False
    headings = list(element.iter(*_HEADINGS))
    if first_h1 in headings or not any(len(h.text_content().split()) >= _HEADLINE_WORDS for h in headings):
        return False  # the article itself, or its own next page ("Halaman 2")
    return sum(len(p.text_content()) for p in element.iter("p")) >= _MIN_STORY_CHARS
