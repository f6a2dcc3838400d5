"""Give a photo story's captions paragraphs of their own, before extraction.

A photo story ("Foto: Potret Apel Netralitas ASN ...") tells its news, quotes included,
in the captions of its pictures, under a one-paragraph intro. trafilatura drops figures,
and with them the story. A page is such a story when its captions hold more text than its
paragraphs; an article with a captioned photo or two is not, and keeps dropping them.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

_MIN_CAPTIONS = 3
_COUNTER = re.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*")          # "1/7"


def paragraphs_for_captions(tree: HtmlElement) -> None:
    """Replace each captioned figure of a photo story with a `<p>` of its caption, in place."""
    figures = [(figure, caption) for figure in tree.iter("figure")
               if (caption := next(figure.iter("figcaption"), None)) is not None]
    if len(figures) < _MIN_CAPTIONS:
        return
    captions = [_caption_text(caption) for _, caption in figures]
    paragraphs = sum(len(p.text_content()) for p in tree.iter("p"))
    if sum(map(len, captions)) <= paragraphs:
        return
    for (figure, _), text in zip(figures, captions):
        if figure.getparent() is None:
            continue
        paragraph = figure.makeelement("p", {})
        paragraph.text = text
        paragraph.tail = figure.tail
        figure.getparent().replace(figure, paragraph)


def _caption_text(caption: HtmlElement) -> str:
    text = " ".join(caption.text_content().split())
    return _COUNTER.sub("", text)
