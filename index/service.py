"""The index as a service, the one door `bot/` uses: open it, ask it, add to it by URL,
remove from it, rebuild it, and read its facts. Every call that blocks runs off the event loop.

Searches run on one dedicated worker thread: the embedder already uses every core for
one query (`embedding.threads`), so more threads would only contend. Rebuilds run on another thread and publish a
new `Searcher` with a single reference swap, so questions keep being answered from the
old index until the new one is complete; a failed rebuild leaves the old one serving.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TypeVar

import numpy as np

from index.config import IndexConfig
from index.corpus.article import Article
from index.corpus.passages import Passage
from index.ingest.duplicates import distinct
from index.ingest.feed_store import FeedCounts, FeedStore
from index.ingest.poll import Poller, PollReport
from index.ingest.relevance import Relevance, RelevanceModel
from index.ingest.sources import article_from_url
from index.retrieval.build import (BuildReport, Progress, add_article, add_articles, build_index,
                                   make_searcher, open_searcher, remove_article)
from index.retrieval.embedder import Embedder
from index.retrieval.search import Answer, Searcher, Thresholds
from index.retrieval.store import load_index

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class IndexFacts:
    passages: int
    articles: int
    built_at: float
    thresholds: Thresholds = Thresholds.fixed(0.0)  # answers below are declined (calibrated per corpus)


@dataclass(frozen=True)
class Added:
    article: Article
    report: BuildReport
    updated: bool  # the article was already in the corpus and has been replaced


@dataclass(frozen=True)
class HeldBack:
    """An article an admin asked to add that reads as off-topic. Its statements would
    answer questions the bot should decline, so it waits in the feeds' approval queue
    until an admin confirms it."""
    article: Article
    relevance: Relevance


# What the approval queue records as the feed of an article held back from /tambah.
ADDED_BY_ADMIN = "admin"


class Knowledge:
    def __init__(self, config: IndexConfig, embedder: Embedder, searcher: Searcher) -> None:
        self._config = config
        self._embedder = embedder
        self._searcher = searcher
        self._search_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search")
        self._build_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="build")
        self._write_lock = asyncio.Lock()
        self._poll_lock = asyncio.Lock()
        self._feeds = FeedStore(config.feeds_dir)
        self._relevance: tuple[Searcher, RelevanceModel] | None = None

    @classmethod
    def open(cls, config: IndexConfig, embedder: Embedder | None = None) -> Knowledge:
        """Load the model (once per process) and the index; a missing or stale index is
        built first."""
        embedder = embedder or Embedder(config)
        searcher = open_searcher(config, embedder)
        log.info("ready: %d passages, model %s, declining below confidence %s",
                 len(searcher.passages), embedder.name, searcher.thresholds.describe())
        return cls(config, embedder, searcher)

    def facts(self) -> IndexFacts:
        manifest = self._searcher.stored.manifest
        return IndexFacts(manifest.passage_count, manifest.article_count, manifest.built_at,
                          self._searcher.thresholds)

    def passage(self, passage_id: str) -> Passage | None:
        return self._searcher.passage_by_id(passage_id)

    def passages(self) -> list[Passage]:
        return self._searcher.passages

    async def ask(self, question: str) -> Answer:
        searcher = self._searcher  # the answer comes from one index even during a swap
        loop = asyncio.get_running_loop()
        answer = await loop.run_in_executor(self._search_pool, searcher.search, question)
        # Copies of one statement (syndicated news, a quote retold) are shown once.
        return replace(answer, hits=distinct(answer.hits, lambda hit: hit.passage.text))

    async def rebuild(self, progress: Progress | None = None) -> BuildReport:
        return await self._write(lambda: build_index(self._config, self._embedder, progress))

    async def add(self, article: Article, progress: Progress | None = None) -> BuildReport:
        return await self._write(lambda: add_article(self._config, self._embedder, article, progress))

    async def add_url(self, url: str, progress: Progress | None = None) -> Added | HeldBack:
        """Fetch, extract and attribute the page, then index it if it is on topic; an
        off-topic page is queued for an admin's confirmation instead. Raises IngestError."""
        article = await asyncio.to_thread(article_from_url, self._config, url)
        vectors: dict[str, np.ndarray] = {}  # the statements embedded to judge it, reused
        relevance = await asyncio.to_thread(lambda: self._relevance_model().judge(article, vectors))
        if not relevance.relevant:
            self._feeds.queue(ADDED_BY_ADMIN, article.url or url, article, relevance.describe())
            return HeldBack(article, relevance)
        updated = (self._config.added_dir / f"{article.id}.txt").exists()
        report = await self._write(
            lambda: add_article(self._config, self._embedder, article, progress, vectors))
        return Added(article, report, updated)

    async def remove(self, article_id: str) -> bool:
        return await self._write(lambda: remove_article(self._config, self._embedder, article_id))

    # --- feeds ---------------------------------------------------------------------------

    async def poll_feeds(self) -> PollReport:
        """Poll every configured feed once, off the event loop; what is relevant and new is
        indexed in one rebuild (or queued when `feeds.auto_add` is false)."""
        async with self._poll_lock:
            poller = Poller(self._config, self._embedder, self._feeds)
            stored = self._searcher.stored
            report = await asyncio.to_thread(poller.collect, stored.passages, stored.all_vectors())
            picked = [item.article for item in report.with_decision("added") if item.article]
            error = None
            if picked:
                try:
                    await self._write(lambda: add_articles(self._config, self._embedder, picked,
                                                           report.vectors))
                except Exception as exc:  # recorded as index_failed; retried next poll
                    log.exception("indexing the feeds' articles failed")
                    error = exc
            return await asyncio.to_thread(poller.confirm, report, error)

    def feed_counts(self) -> list[FeedCounts]:
        return self._feeds.counts(self._config.feeds.urls)

    def queued(self) -> list[Article]:
        return self._feeds.queued()

    async def accept_queued(self, article_id: str) -> Added | None:
        """Index a queued article; None when it is no longer queued (a second press)."""
        article = self._feeds.queued_article(article_id)
        if article is None:
            return None
        report = await self.add(article)
        self._feeds.settle(article_id, "added")
        return Added(article, report, False)

    def reject_queued(self, article_id: str) -> bool:
        if self._feeds.queued_article(article_id) is None:
            return False
        self._feeds.settle(article_id, "rejected")
        return True

    def _relevance_model(self) -> RelevanceModel:
        """Built from the index being served, once per index: it reads every statement, so
        it is built on a worker thread, never on the event loop."""
        searcher = self._searcher
        if self._relevance is None or self._relevance[0] is not searcher:
            stored = searcher.stored
            model = RelevanceModel.of_corpus(self._config, self._embedder, stored.passages,
                                             stored.all_vectors())
            self._relevance = (searcher, model)
        return self._relevance[1]

    async def _write(self, change: Callable[[], T]) -> T:
        """One corpus change at a time; the new searcher is published only on success."""

        def change_and_reload() -> tuple[T, Searcher]:
            result = change()
            stored = load_index(self._config.index_dir, self._config.index)
            return result, make_searcher(self._config, self._embedder, stored)

        async with self._write_lock:
            loop = asyncio.get_running_loop()
            result, searcher = await loop.run_in_executor(self._build_pool, change_and_reload)
            self._searcher = searcher
            log.info("index swapped in: %d passages, declining below confidence %s",
                     len(searcher.passages), searcher.thresholds.describe())
            return result

    def close(self) -> None:
        self._search_pool.shutdown(wait=False, cancel_futures=True)
        self._build_pool.shutdown(wait=False, cancel_futures=True)
        self._feeds.close()
