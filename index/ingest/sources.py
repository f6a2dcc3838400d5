"""Add an article from a URL or a saved file: fetch -> extract -> clean -> attribute.

Whatever the source, the article that comes out is within `index.ingest.limits`."""

from __future__ import annotations

from pathlib import Path

from index.corpus.article import Article, article_id_for
from index.config import IndexConfig
from index.ingest.extract import ExtractedArticle, extract_article
from index.ingest.fetch import fetch_page
from index.ingest.limits import bounded_article
from index.ingest.text_import import import_file, region_of
from index.corpus.officials import detect_main_official
from index.corpus.opinion import column_author


def article_from_url(config: IndexConfig, url: str) -> Article:
    """Raises IngestError (FetchError or ExtractError) with a reason code to explain."""
    ingest = config.ingest
    page = fetch_page(url, max_bytes=ingest.max_bytes, timeout=ingest.timeout_seconds,
                      max_redirects=ingest.max_redirects,
                      allow_private_hosts=ingest.allow_private_hosts,
                      user_agent=ingest.user_agent)
    return article_from_extracted(extract_article(page.html, page.final_url))


def article_from_extracted(extracted: ExtractedArticle) -> Article:
    """`extract_article` already cleaned the text; what is left is attribution."""
    paragraphs = [p for p in extracted.text.split("\n\n") if p.strip()]
    column = column_author(paragraphs, extracted.byline)
    if column:
        official, paragraphs = column
    else:
        official = detect_main_official(extracted.title, paragraphs, extracted.outlet)
    article = Article(id=article_id_for(extracted.url), title=extracted.title,
                      body="\n\n".join(paragraphs), outlet=extracted.outlet, url=extracted.url,
                      date=extracted.date, official=official, region=region_of(official))
    return bounded_article(article)


def article_from_source(config: IndexConfig, source: str) -> Article:
    """A URL is fetched; anything else is read as a saved page's text."""
    if source.startswith(("http://", "https://")):
        return article_from_url(config, source)
    return bounded_article(import_file(Path(source)))
