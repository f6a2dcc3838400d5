"""Drop readers' comment sections before extraction.

trafilatura recognises comment sections by some English names ("comments", "commentlist").
Indonesian sites call them "komentar" or "komen" (`<div class="komentar-box">`), and their
readers' posts then read as the article's last paragraphs, under its official: "Di kampung
saya juga ada pegawai kecamatan yang bagi-bagi stiker" became the Pj Bupati's. Of the
English names it missed "comment-note" and its moderation notice. On 1205 test pages this
changed 7, each only by losing a comment or a comment box's notice.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from index.ingest.block_names import named

# A class or id word that starts so: "komentar", "komen-item", "detail__komentar"; not
# "rekomendasi", whose "komen" is inside a word.
_COMMENT_WORD = re.compile(r"(?:^|[^a-z])(?:komen|comment|disqus)", re.IGNORECASE)
# An element that is or holds these is the page's frame, not a comment section, whatever
# its name ("<body class='single comments-open'>").
_FRAME_TAGS = ("article", "main", "h1")
_FRAME = frozenset({"html", "body", *_FRAME_TAGS})


def drop_readers_comments(tree: HtmlElement) -> None:
    """Remove, in place, every element whose class or id names it a comment section,
    unless it is the page's frame: it holds the headline or the `<article>`, or most of
    the page's paragraphs' text. A dropped section's insides are not visited; a kept one's
    comments, each named so, still go."""
    page_text = _paragraph_chars(tree)
    stack = [tree]
    while stack:
        for child in list(stack.pop()):
            if not isinstance(child.tag, str):
                continue  # an HTML comment or processing instruction
            if named(child, _COMMENT_WORD) and not _is_frame(child, page_text):
                child.drop_tree()
            else:
                stack.append(child)


def _is_frame(element: HtmlElement, page_text: int) -> bool:
    return (element.tag in _FRAME or next(element.iter(*_FRAME_TAGS), None) is not None
            or 2 * _paragraph_chars(element) > page_text)


def _paragraph_chars(element: HtmlElement) -> int:
    return sum(len(p.text_content()) for p in element.iter("p"))
