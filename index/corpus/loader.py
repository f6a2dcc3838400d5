"""The corpus: shipped articles in `corpus/` plus articles admins added under the data dir,
and the passages cut from them."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from index.corpus.article import Article, ArticleError, list_article_files, read_article
from index.config import IndexConfig
from index.corpus.passages import Passage, article_passages, unique_passages

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Corpus:
    articles: list[Article]
    passages: list[Passage]
    digest: str
    skipped: list[str]


def corpus_files(config: IndexConfig) -> list[Path]:
    return list_article_files(config.corpus_dir, config.added_dir)


def load_corpus(config: IndexConfig) -> Corpus:
    """Every readable article and its passages. A malformed file is logged and skipped,
    not fatal: one bad hand edit must not take the whole bot down."""
    articles, skipped = [], []
    for path in corpus_files(config):
        try:
            articles.append(read_article(path))
        except (ArticleError, OSError, UnicodeDecodeError) as exc:
            log.error("skipping article %s: %s", path, exc)
            skipped.append(f"{path.name}: {exc}")
    passages = unique_passages([p for a in articles for p in article_passages(a)])
    return Corpus(articles, passages, passages_digest(passages), skipped)


def passages_digest(passages: list[Passage]) -> str:
    """Identifies what the index must hold. Hashing passages rather than files means a
    change to cleaning or attribution code also marks the index stale; hashing the text
    that is embedded, a change to how a passage is put to the model too."""
    digest = hashlib.sha256()
    for passage in passages:
        digest.update(json.dumps(passage.to_json(), sort_keys=True, ensure_ascii=False).encode())
        digest.update(passage.dense_text().encode())
    return digest.hexdigest()
