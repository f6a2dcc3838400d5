"""Size limits on what a page may contribute to the corpus, applied at ingest.

A hostile or broken page can hold a 60 000-character "paragraph" or a title of thousands of
characters. Text that long serves no reader: it only costs time in every later step (cleaning,
attribution, passages, embedding, on each rebuild) and breaks messages that quote it. So every
field is cut here, once, before anything else looks at it. The limits sit far above what a
real news article uses.
"""

from __future__ import annotations

from dataclasses import replace

from index.corpus.article import Article, Official

MAX_TITLE_CHARS = 300
MAX_OUTLET_CHARS = 100
MAX_NAME_CHARS = 100        # an official's name
MAX_POSITION_CHARS = 200    # an official's position
MAX_REGION_CHARS = 200
MAX_URL_CHARS = 2048        # as fetch.MAX_URL_LENGTH; saved files may carry anything
MAX_PARAGRAPH_CHARS = 2000  # real paragraphs run to a few hundred characters
MAX_ARTICLE_CHARS = 40_000  # a long feature is ~15 000
MAX_RAW_LINES = 5000        # lines of extracted text looked at before cleaning


def clip(text: str, limit: int, near: int = 80) -> str:
    """`text` cut to at most `limit` characters, at a space within `near` of the cut when
    there is one, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ", max(0, limit - near))
    return (cut[:space] if space > 0 else cut).rstrip() + "…"


def bounded_paragraphs(paragraphs: list[str]) -> list[str]:
    """Each paragraph clipped, and paragraphs past the article budget dropped whole."""
    kept, total = [], 0
    for paragraph in paragraphs:
        paragraph = clip(paragraph, MAX_PARAGRAPH_CHARS)
        total += len(paragraph) + 2
        if total > MAX_ARTICLE_CHARS:
            break
        kept.append(paragraph)
    return kept


def bounded_article(article: Article) -> Article:
    """`article` with every field within the limits above."""
    official = Official(clip(article.official.name, MAX_NAME_CHARS),
                        clip(article.official.position, MAX_POSITION_CHARS))
    url = article.url if len(article.url) <= MAX_URL_CHARS else ""  # a cut URL is a wrong one
    return replace(article, title=clip(article.title, MAX_TITLE_CHARS),
                   outlet=clip(article.outlet, MAX_OUTLET_CHARS), url=url,
                   official=official, region=clip(article.region, MAX_REGION_CHARS),
                   body="\n\n".join(bounded_paragraphs(article.paragraphs())))
