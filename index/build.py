"""Build, update and open the index: article -> passages -> vectors -> stored index.

Progress goes to an optional callback `(done, total)` so that the terminal can draw a bar
and the bot can edit a status message from the same loop.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from index.article import Article, write_article
from index.config import IndexConfig
from index.corpus import corpus_files, corpus_hash, load_corpus
from index.embedder import Embedder
from index.passages import Passage, article_passages, unique_passages
from index.search import Searcher
from index.store import (FORMAT_VERSION, IndexCorrupt, IndexMissing, Manifest, StoredIndex,
                         load_index, save_index)
from index.text import Analyzer

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
_CHUNK = 64


@dataclass(frozen=True)
class BuildReport:
    articles: int
    passages: int
    embedded: int
    seconds: float
    skipped: list[str]


def build_index(config: IndexConfig, embedder: Embedder, progress: Progress | None = None,
                show_bar: bool = False) -> BuildReport:
    """Embed every passage of the corpus and swap the new index in."""
    started = time.monotonic()
    corpus = load_corpus(config)
    passages = unique_passages([p for a in corpus.articles for p in article_passages(a)])
    vectors = embed_passages(embedder, passages, progress, show_bar)
    _save(config, embedder, passages, vectors, corpus.digest, len(corpus.articles), started)
    return BuildReport(len(corpus.articles), len(passages), len(passages),
                       time.monotonic() - started, corpus.skipped)


def add_article(config: IndexConfig, embedder: Embedder, article: Article,
                progress: Progress | None = None) -> BuildReport:
    """Store an added article and index only its passages; the rest keeps its vectors.

    When the index on disk was already behind the corpus, a full rebuild is the only way
    to keep the manifest honest, so that happens instead.
    """
    started = time.monotonic()
    before = corpus_hash(corpus_files(config))
    write_article(config.added_dir, article)
    stored = _load_if_current(config, embedder, before)
    if stored is None:
        return build_index(config, embedder, progress)
    kept = [(p, v) for p, v in zip(stored.passages, stored.all_vectors())
            if p.article_id != article.id]
    known = {p.text for p, _ in kept}
    new = [p for p in unique_passages(article_passages(article)) if p.text not in known]
    new_vectors = embed_passages(embedder, new, progress)
    passages = [p for p, _ in kept] + new
    vectors = np.vstack([np.asarray([v for _, v in kept], dtype=np.float32).reshape(-1, embedder.dim),
                         new_vectors])
    articles = stored.manifest.article_count + (0 if len(kept) < len(stored.passages) else 1)
    _save(config, embedder, passages, vectors, corpus_hash(corpus_files(config)), articles, started)
    return BuildReport(articles, len(passages), len(new), time.monotonic() - started, [])


def remove_article(config: IndexConfig, embedder: Embedder, article_id: str) -> bool:
    """Delete an added article and its passages. Shipped articles cannot be removed."""
    path = config.added_dir / f"{article_id}.txt"
    if not path.is_file():
        return False
    before = corpus_hash(corpus_files(config))
    path.unlink()
    stored = _load_if_current(config, embedder, before)
    if stored is None:
        build_index(config, embedder)
        return True
    keep = [i for i, p in enumerate(stored.passages) if p.article_id != article_id]
    vectors = stored.all_vectors()[keep] if keep else np.zeros((0, embedder.dim), np.float32)
    _save(config, embedder, [stored.passages[i] for i in keep], vectors,
          corpus_hash(corpus_files(config)), stored.manifest.article_count - 1, time.monotonic())
    return True


def open_searcher(config: IndexConfig, embedder: Embedder, show_bar: bool = False) -> Searcher:
    """Load the index, building it first when it is missing or stale (corpus or model
    changed). A corrupt index is reported, not silently replaced."""
    current = corpus_hash(corpus_files(config))
    try:
        stored = load_index(config.index_dir)
        if stored.manifest.matches(embedder.name, current):
            return make_searcher(config, embedder, stored)
        log.info("index is stale (corpus or model changed); rebuilding")
    except IndexMissing:
        log.info("no index yet; building it")
    build_index(config, embedder, show_bar=show_bar,
                progress=None if show_bar else _log_progress)
    return make_searcher(config, embedder, load_index(config.index_dir))


def make_searcher(config: IndexConfig, embedder: Embedder, stored: StoredIndex) -> Searcher:
    return Searcher(stored, embedder, Analyzer(config.synonyms), config.search)


def index_is_current(config: IndexConfig, model: str) -> bool:
    try:
        stored_manifest = load_index(config.index_dir).manifest
    except (IndexMissing, IndexCorrupt):
        return False
    return stored_manifest.matches(model, corpus_hash(corpus_files(config)))


def embed_passages(embedder: Embedder, passages: list[Passage], progress: Progress | None = None,
                   show_bar: bool = False) -> np.ndarray:
    texts = [p.dense_text() for p in passages]
    chunks = []
    with tqdm(total=len(texts), unit="passage", desc="Embedding", disable=not show_bar) as bar:
        for start in range(0, len(texts), _CHUNK):
            chunks.append(embedder.passages(texts[start:start + _CHUNK]))
            bar.update(len(chunks[-1]))
            if progress:
                progress(min(start + _CHUNK, len(texts)), len(texts))
    return np.vstack(chunks) if chunks else np.zeros((0, embedder.dim), dtype=np.float32)


def _load_if_current(config: IndexConfig, embedder: Embedder, expected_hash: str) -> StoredIndex | None:
    try:
        stored = load_index(config.index_dir)
    except (IndexMissing, IndexCorrupt):
        return None
    return stored if stored.manifest.matches(embedder.name, expected_hash) else None


def _save(config: IndexConfig, embedder: Embedder, passages: list[Passage], vectors: np.ndarray,
          digest: str, articles: int, started: float) -> Path:
    manifest = Manifest(format=FORMAT_VERSION, model=embedder.name, dim=embedder.dim,
                        corpus_hash=digest, passage_count=len(passages), article_count=articles,
                        built_at=time.time(), build_seconds=round(time.monotonic() - started, 3))
    return save_index(config.index_dir, manifest, passages, vectors)


def _log_progress(done: int, total: int) -> None:
    log.info("embedding passages: %d/%d", done, total)
