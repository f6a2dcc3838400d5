"""Tell a page that lists articles from a page that is one.

A tag page, a section front, search results or a site's home page (where a moved
article's link may redirect) shows a teaser per story: a headline link and a sentence or
two. trafilatura reads the teasers as one article's paragraphs, each from another story
with another official. Such a page has several headline links, each with its teaser
beside it, and most of the text it yields is those teasers. A real article lists other
stories too (related posts, "Baca juga"), but its paragraphs are not theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from lxml.html import HtmlElement

from index.ingest.clean import READ_ALSO

_HEADINGS = ("h1", "h2", "h3", "h4", "h5")
_MIN_ITEMS = 4
_MAX_LINKS = 5_000       # a list shows tens; a hostile page's hundred thousand are not all looked at
_HEADLINE_WORDS = 4      # "By redaksi", an author's link, is no headline
_MAX_TEASER_CHARS = 800  # a headline and a sentence or two
_TEASER_SHARE = 0.5   # of the extracted text, by characters
_KEY_CHARS = 60       # a paragraph is known by its opening words
_MAX_LISTED_CHARS = 200_000  # bounds the search of each paragraph in the teasers
_LABEL_CHARS = 40  # "Baca Juga:" and the like, with some space around


@dataclass(frozen=True)
class Teasers:
    """What a page lists of other stories: each headline link's block, with the teaser when
    it is inside (`boxed`), and in a flat list the teaser beside it (`beside`)."""

    boxed: list[str]
    beside: list[str]

    def __len__(self) -> int:
        return len(self.boxed)


def teasers(tree: HtmlElement) -> Teasers:
    """The text of each headline link's item: the largest block around it holding no
    other headline link (when short), and the block after that when it is a flat list's
    teaser. Read before extraction prunes the tree. Empty unless there are several links."""
    headings = [a for a in islice(tree.iter("a"), _MAX_LINKS) if _is_headline(a)]
    if len({a.get("href") for a in headings}) < _MIN_ITEMS:
        return Teasers([], [])
    # How many headline links each element holds. Keyed by the elements themselves:
    # holding them keeps lxml's proxies, and so their identities, alive.
    counts: dict[HtmlElement, int] = {}
    for heading in headings:
        for ancestor in heading.iterancestors():
            counts[ancestor] = counts.get(ancestor, 0) + 1
    boxed, beside = [], []
    for heading in headings:
        item = heading
        while (parent := item.getparent()) is not None and counts.get(parent) == 1:
            item = parent
        text = item.text_content()
        if len(text) > _MAX_TEASER_CHARS:  # the article itself, with its byline's link
            continue
        boxed.append(" ".join(text.split()))
        # In a flat list the teaser is the block after the headline, the next headline after it.
        teaser = item.getnext()
        after = teaser.getnext() if teaser is not None else None
        if teaser is not None and not _holds_heading(teaser, counts) and \
                (after is None or _holds_heading(after, counts)):
            beside.append(" ".join(teaser.text_content().split())[:_MAX_TEASER_CHARS])
    return Teasers(boxed, beside)


def is_listing(paragraphs: list[str], listed: Teasers) -> bool:
    """Whether most of the extracted text is teasers of the listed stories."""
    if len(listed) < _MIN_ITEMS or not paragraphs:
        return False
    text = " ".join(listed.boxed + listed.beside)[:_MAX_LISTED_CHARS]
    in_items = sum(len(p) for p in paragraphs if _key(p) in text)
    return in_items > _TEASER_SHARE * sum(map(len, paragraphs))


def without_teasers(paragraphs: list[str], listed: Teasers, title: str) -> list[str]:
    """An article's paragraphs without the teasers of other stories that extraction took
    in from a widget beside it (most read, recommended): each sits in a headline's box.
    A box headed by the article's own title (it is among the most read) teases its lead."""
    own = " ".join(title.split()).casefold()
    boxed = " ".join(b for b in listed.boxed if not own or own not in b.casefold())[:_MAX_LISTED_CHARS]
    return [p for p in paragraphs if not boxed or _key(p) not in boxed]


def _key(paragraph: str) -> str:
    """A paragraph's opening words, without the marker extraction gives a list item ("- ")."""
    return " ".join(paragraph.lstrip("-•* ").split())[:_KEY_CHARS]


def _is_headline(anchor: HtmlElement) -> bool:
    """A link that reads as a story's headline: several words, not a link inside a
    paragraph's prose, nor a "Baca juga:" pointer inside an article, labelled in its own
    text or just before it ('<span>Baca Juga:</span> <a>...</a>')."""
    text = anchor.text_content()
    return bool((anchor.get("href") or "").strip()) and len(text.split()) >= _HEADLINE_WORDS \
        and not READ_ALSO.match(text) and not _labelled_read_also(anchor) \
        and next(anchor.iterancestors("p"), None) is None


def _labelled_read_also(anchor: HtmlElement) -> bool:
    previous, parent = anchor.getprevious(), anchor.getparent()
    label = previous.text if previous is not None else parent.text if parent is not None else ""
    return bool(READ_ALSO.match((label or "")[:_LABEL_CHARS]))


def _holds_heading(element: HtmlElement, counts: dict[HtmlElement, int]) -> bool:
    return counts.get(element, 0) > 0 or isinstance(element.tag, str) and element.tag in _HEADINGS
