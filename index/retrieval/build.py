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
from index.retrieval.calibration import decline_thresholds
from index.retrieval.search import Searcher
from index.retrieval.store import (FORMAT_VERSION, IndexCorrupt, IndexMissing, Manifest, StoredIndex,
                         load_index, read_manifest, save_index)
from index.retrieval.lexical import LexicalIndex, fingerprint
from index.retrieval.vectors import VectorIndex, resolve_kind
from index.retrieval.analyzer import Analyzer

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
_CHUNK = 256  # passages per progress step


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
    current index already holds keep their vectors and ids, only new ones are embedded,
    and the vector index is updated in place (removals included) when its kind allows.
    `known_vectors` gives more by their dense text (a feed poll embedded them already)."""
    started = time.monotonic()
    corpus = load_corpus(config)
    previous = _reusable(config, embedder) if reuse else None
    ids, gone = _assign_ids(previous, corpus.passages)
    missing = np.flatnonzero(ids < 0)
    fresh = _vectors_for(embedder, [corpus.passages[i] for i in missing], known_vectors or {},
                         progress, show_bar)
    ids[missing] = np.arange(len(missing)) + (previous.next_id if previous else 0)
    kind = resolve_kind(config.index, len(corpus.passages))
    vectors = _vector_index(previous, kind, ids, gone, missing, fresh, embedder.dim)
    lexical = LexicalIndex.build(corpus.passages, Analyzer(config.synonyms), config.synonyms)
    manifest = Manifest(format=FORMAT_VERSION, model=embedder.name, dim=embedder.dim,
                        corpus_hash=corpus.digest, passage_count=len(corpus.passages),
                        article_count=len(corpus.articles), built_at=time.time(),
                        build_seconds=round(time.monotonic() - started, 3),
                        backend=embedder.backend, index_type=kind, lexical=lexical.fingerprint)
    save_index(config.index_dir, manifest, corpus.passages, vectors, ids, lexical)
    return BuildReport(len(corpus.articles), len(corpus.passages), len(missing),
                       time.monotonic() - started, corpus.skipped)


def _assign_ids(previous: StoredIndex | None, passages: list[Passage]) -> tuple[np.ndarray, np.ndarray]:
    """Each passage's id in the previous index (-1 for a new one), and the previous ids
    no passage claims any more. Keyed by the text embedded, so an unchanged statement keeps
    its vector even when its article was edited elsewhere."""
    held: dict[str, list[int]] = {}
    if previous is not None:
        for passage, vector_id in zip(previous.passages, previous.ids.tolist()):
            held.setdefault(passage.dense_text(), []).append(vector_id)
    ids = np.full(len(passages), -1, dtype=np.int64)
    for n, passage in enumerate(passages):
        same = held.get(passage.dense_text())
        if same:
            ids[n] = same.pop()
    gone = np.array([i for left in held.values() for i in left], dtype=np.int64)
    return ids, gone


def _vector_index(previous: StoredIndex | None, kind: str, ids: np.ndarray, gone: np.ndarray,
                  missing: np.ndarray, fresh: np.ndarray, dim: int) -> VectorIndex:
    """The previous index updated in place when it is of the wanted kind and still fits;
    otherwise a new one from the kept vectors plus the fresh ones."""
    old = previous.vectors if previous is not None else None
    if old is not None and previous.manifest.format == FORMAT_VERSION and old.kind == kind:
        old.remove(gone)
        if not old.needs_rebuild(len(ids)):
            old.add(fresh, ids[missing])
            return old
    matrix = np.zeros((len(ids), dim), dtype=np.float32)
    kept = np.flatnonzero(~np.isin(np.arange(len(ids)), missing))
    if len(kept):
        matrix[kept] = previous.vectors.reconstruct(ids[kept])
    matrix[missing] = fresh
    return VectorIndex.build(kind, matrix, ids)


def add_article(config: IndexConfig, embedder: Embedder, article: Article,
                progress: Progress | None = None,
                vectors: dict[str, np.ndarray] | None = None) -> BuildReport:
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
        return build_index(config, embedder, progress, reuse=True, known_vectors=vectors)
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


def added_article_path(config: IndexConfig, article_id: str) -> Path | None:
    """The file of the added article `article_id`, if there is one. An id is a plain file
    name ("../x" or "a/b" is none), so nothing outside the directory can be reached."""
    if not article_id or Path(article_id).name != article_id or article_id.startswith("."):
        return None
    path = config.added_dir / f"{article_id}.txt"
    return path if path.is_file() else None


def remove_article(config: IndexConfig, embedder: Embedder, article_id: str) -> bool:
    """Delete an added article and its passages. Shipped articles cannot be removed."""
    path = added_article_path(config, article_id)
    if path is None:
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
    return make_searcher(config, embedder, open_index(config, embedder, show_bar))


def open_index(config: IndexConfig, embedder: Embedder, show_bar: bool = False) -> StoredIndex:
    """Load the index, updating it first when it is missing or stale (corpus, passage
    cutting, model, backend, kind of index or text analysis changed). A corrupt index is
    reported, not silently replaced."""
    try:
        stored = load_index(config.index_dir, config.index)
        if _is_current(stored.manifest, config, embedder.name, embedder.backend):
            return stored
        log.info("index is stale (corpus, passages, model, backend, index type or text analysis "
                 "changed); updating it")
    except IndexMissing:
        log.info("no index yet; building it")
    build_index(config, embedder, show_bar=show_bar, reuse=True,
                progress=None if show_bar else _log_progress)
    return load_index(config.index_dir, config.index)


def make_searcher(config: IndexConfig, embedder: Embedder, stored: StoredIndex) -> Searcher:
    """A searcher over `stored`, with its stored BM25 index when that was built with the
    same analysis (else the passages are analysed now), declining below the threshold
    calibrated for this corpus."""
    analyzer = Analyzer(config.synonyms)
    lexical = stored.lexical
    if lexical is None or lexical.fingerprint != fingerprint(config.synonyms):
        lexical = LexicalIndex.build(stored.passages, analyzer, config.synonyms)
    searcher = Searcher(stored, embedder, analyzer, config.search, lexical)
    return searcher.declining_below(decline_thresholds(searcher, embedder, config.search))


def index_is_current(config: IndexConfig) -> bool:
    try:
        manifest = read_manifest(config.index_dir)
    except (IndexMissing, IndexCorrupt):
        return False
    return _is_current(manifest, config, config.model_id, config.embedding.backend)


def _is_current(manifest: Manifest, config: IndexConfig, model: str, backend: str) -> bool:
    kind = resolve_kind(config.index, manifest.passage_count)
    return manifest.matches(model, backend, load_corpus(config).digest, kind,
                            fingerprint(config.synonyms))


def _vectors_for(embedder: Embedder, passages: list[Passage], known: dict[str, np.ndarray],
                 progress: Progress | None, show_bar: bool) -> np.ndarray:
    """Vectors for `passages`: taken from `known` by dense text, the rest embedded."""
    todo = [p for p in passages if p.dense_text() not in known]
    embedded = dict(zip((p.dense_text() for p in todo), embed_passages(embedder, todo, progress, show_bar)))
    if not passages:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.vstack([known.get(p.dense_text(), embedded.get(p.dense_text())) for p in passages])


def embed_passages(embedder: Embedder, passages: list[Passage], progress: Progress | None = None,
                   show_bar: bool = False) -> np.ndarray:
    """Vectors in passage order. Passages go by length (shortest first), so that each
    chunk, and each batch inside it, pads little; progress is reported per chunk."""
    texts = [p.dense_text() for p in passages]
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    with tqdm(total=len(texts), unit="passage", desc="Embedding", disable=not show_bar) as bar:
        for start in range(0, len(texts), _CHUNK):
            chunk = order[start:start + _CHUNK]
            vectors[chunk] = embedder.passages([texts[i] for i in chunk])
            bar.update(len(chunk))
            if progress:
                progress(min(start + _CHUNK, len(texts)), len(texts))
    return vectors


def _reusable(config: IndexConfig, embedder: Embedder) -> StoredIndex | None:
    """The current index, read into memory so that it can be changed, when its vectors
    came from this model and backend; None otherwise or when it cannot be read."""
    try:
        stored = load_index(config.index_dir, config.index, mmap=False)
    except (IndexMissing, IndexCorrupt):
        return None
    same = stored.manifest.model == embedder.name and stored.manifest.backend == embedder.backend
    return stored if same else None


def _log_progress(done: int, total: int) -> None:
    log.info("embedding passages: %d/%d", done, total)
