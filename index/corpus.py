"""The corpus: shipped articles in `corpus/` plus articles admins added under the data dir."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from index.article import Article, ArticleError, list_article_files, read_article
from index.config import IndexConfig

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Corpus:
    articles: list[Article]
    digest: str
    skipped: list[str]


def corpus_files(config: IndexConfig) -> list[Path]:
    return list_article_files(config.corpus_dir, config.added_dir)


def corpus_hash(files: list[Path]) -> str:
    """Changes whenever an article is added, removed or edited (ids and contents)."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.stem.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def load_corpus(config: IndexConfig) -> Corpus:
    """Every readable article. A malformed file is logged and skipped, not fatal: one bad
    hand edit must not take the whole bot down."""
    files = corpus_files(config)
    articles, skipped = [], []
    for path in files:
        try:
            articles.append(read_article(path))
        except (ArticleError, OSError, UnicodeDecodeError) as exc:
            log.error("skipping article %s: %s", path, exc)
            skipped.append(f"{path.name}: {exc}")
    return Corpus(articles, corpus_hash(files), skipped)
