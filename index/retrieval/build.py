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

from index.corpus.article import Article, write_article
from index.config import IndexConfig
from index.files import write_atomic
from index.corpus.loader import load_corpus
from index.retrieval.embedder import Embedder
from index.corpus.passages import Passage
from index.retrieval.search import Searcher
from index.retrieval.store import (FORMAT_VERSION, IndexCorrupt, IndexMissing, Manifest, StoredIndex,
                         load_index, read_manifest, save_index)
from index.retrieval.analyzer import Analyzer

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
                show_bar: bool = False, reuse: bool = False,
                known_vectors: dict[str, np.ndarray] | None = None) -> BuildReport:
    """Embed the corpus's passages and swap the new index in. With `reuse`, passages the
    current index already holds keep their vectors and only new ones are embedded;
    `known_vectors` adds more by their dense text (a feed poll embedded them already)."""
    started = time.monotonic()
    corpus = load_corpus(config)
    known = _current_vectors(config, embedder) if reuse else {}
    known.update(known_vectors or {})
    missing = [p for p in corpus.passages if p.dense_text() not in known]
    fresh = embed_passages(embedder, missing, progress, show_bar)
    known.update(zip((p.dense_text() for p in missing), fresh))
    vectors = (np.vstack([known[p.dense_text()] for p in corpus.passages]) if corpus.passages
               else np.zeros((0, embedder.dim), dtype=np.float32))
    manifest = Manifest(format=FORMAT_VERSION, model=embedder.name, dim=embedder.dim,
                        corpus_hash=corpus.digest, passage_count=len(corpus.passages),
                        article_count=len(corpus.articles), built_at=time.time(),
                        build_seconds=round(time.monotonic() - started, 3))
    save_index(config.index_dir, manifest, corpus.passages, vectors)
    return BuildReport(len(corpus.articles), len(corpus.passages), len(missing),
                       time.monotonic() - started, corpus.skipped)


def add_article(config: IndexConfig, embedder: Embedder, article: Article,
                progress: Progress | None = None) -> BuildReport:
    """Store an added article (the shipped corpus stays read-only) and index it; only its
    passages are embedded.

    All or nothing: if indexing fails (embedding error, disk full), the article file is put
    back as it was, so no later build silently picks up an article that was reported as
    failed.
    """
    path = config.added_dir / f"{article.id}.txt"
    previous = path.read_bytes() if path.is_file() else None
    write_article(config.added_dir, article)
    try:
        return build_index(config, embedder, progress, reuse=True)
    except BaseException:
        _restore(path, previous)
        raise


def _restore(path: Path, previous: bytes | None) -> None:
    try:
        if previous is None:
            path.unlink(missing_ok=True)
        else:
            write_atomic(path, previous)
    except OSError:  # the disk that failed the build may fail this too: say so, loudly
        log.exception("could not undo %s after a failed build; remove it by hand", path)


def add_articles(config: IndexConfig, embedder: Embedder, articles: list[Article],
                 vectors: dict[str, np.ndarray] | None = None,
                 progress: Progress | None = None) -> BuildReport:
    """Several articles, one build: what a feed poll brings is indexed in one step."""
    for article in articles:
        write_article(config.added_dir, article)
    return build_index(config, embedder, progress, reuse=True, known_vectors=vectors)


def remove_article(config: IndexConfig, embedder: Embedder, article_id: str) -> bool:
    """Delete an added article and its passages. Shipped articles cannot be removed."""
    path = config.added_dir / f"{article_id}.txt"
    if not path.is_file():
        return False
    previous = path.read_bytes()
    path.unlink()
    try:
        build_index(config, embedder, reuse=True)
    except BaseException:
        _restore(path, previous)  # as with adding: a failed removal changes nothing
        raise
    return True


def open_searcher(config: IndexConfig, embedder: Embedder, show_bar: bool = False) -> Searcher:
    """Load the index, updating it first when it is missing or stale (corpus, passage
    cutting or model changed). A corrupt index is reported, not silently replaced."""
    try:
        stored = load_index(config.index_dir)
        if stored.manifest.matches(embedder.name, load_corpus(config).digest):
            return make_searcher(config, embedder, stored)
        log.info("index is stale (corpus, passages or model changed); updating it")
    except IndexMissing:
        log.info("no index yet; building it")
    build_index(config, embedder, show_bar=show_bar, reuse=True,
                progress=None if show_bar else _log_progress)
    return make_searcher(config, embedder, load_index(config.index_dir))


def make_searcher(config: IndexConfig, embedder: Embedder, stored: StoredIndex) -> Searcher:
    return Searcher(stored, embedder, Analyzer(config.synonyms), config.search)


def index_is_current(config: IndexConfig, model: str) -> bool:
    try:
        manifest = read_manifest(config.index_dir)
    except (IndexMissing, IndexCorrupt):
        return False
    return manifest.matches(model, load_corpus(config).digest)


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


def _current_vectors(config: IndexConfig, embedder: Embedder) -> dict[str, np.ndarray]:
    """Vectors of the current index by the text they embed; none when it was built with
    another model or cannot be read."""
    try:
        stored = load_index(config.index_dir)
    except (IndexMissing, IndexCorrupt):
        return {}
    if stored.manifest.model != embedder.name:
        return {}
    return dict(zip((p.dense_text() for p in stored.passages), stored.all_vectors()))


def _log_progress(done: int, total: int) -> None:
    log.info("embedding passages: %d/%d", done, total)
