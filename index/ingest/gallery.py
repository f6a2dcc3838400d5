"""Give a photo story's captions paragraphs of their own, before extraction.

A photo story ("Foto: Potret Apel Netralitas ASN ...") tells its news, quotes included,
in the captions of its pictures, under a one-paragraph intro. trafilatura drops figures,
and with them the story. A page is such a story when its captions hold more text than its
paragraphs; an article with a captioned photo or two is not, and keeps dropping them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from lxml.html import HtmlElement

_MIN_CAPTIONS = 3
_HOLDER_FIGURES = 50  # where the figures sit is read from the first ones: linear in the page
_COUNTER = re.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*")          # "1/7"


def paragraphs_for_captions(tree: HtmlElement) -> None:
    """Replace each captioned figure of a photo story with a `<p>` of its caption, in place."""
    figures = [(figure, caption) for figure in tree.iter("figure")
               if (caption := next(figure.iter("figcaption"), None)) is not None]
    if len(figures) < _MIN_CAPTIONS:
        return
    captions = [_caption_text(caption) for _, caption in figures]
    # The paragraphs beside the figures, not the site's: menus, footers and comments in
    # <p>s outweighed a photo story's three captions.
    # A caption's own <p>s are the caption's (ANTARA Foto's "<figcaption><p>...").
    paragraphs = sum(len(p.text_content()) for p in _holder(f for f, _ in figures).iter("p")
                     if next(p.iterancestors("figcaption"), None) is None)
    if sum(map(len, captions)) <= paragraphs:
        return
    for (figure, _), text in zip(figures, captions):
        if figure.getparent() is None:
            continue
        paragraph = figure.makeelement("p", {})
        paragraph.text = text
        paragraph.tail = figure.tail
        figure.getparent().replace(figure, paragraph)


def _holder(figures: Iterable[HtmlElement]) -> HtmlElement:
    """The innermost element holding all the figures (the first _HOLDER_FIGURES of them)."""
    figures = list(islice(figures, _HOLDER_FIGURES))
    holder = figures[0]
    shared = set(holder.iterancestors())
    for figure in figures[1:]:
        shared &= set(figure.iterancestors())
    while holder is not None and holder not in shared:
        holder = holder.getparent()
    return holder if holder is not None else figures[0].getroottree().getroot()


def _caption_text(caption: HtmlElement) -> str:
    text = " ".join(caption.text_content().split())
    return _COUNTER.sub("", text)
