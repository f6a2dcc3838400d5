"""One poll of every configured feed: list items, skip the seen, fetch, extract and decide.

Per item, in this order (the cheapest check first):

    seen        its normalised URL was decided before (or earlier in this poll)
    failed      the page could not be fetched or holds no article (reason: the IngestError's)
    duplicate   its text is a copy of an article already indexed, queued or taken in this poll
    irrelevant  it is not about what the corpus is about (index.ingest.relevance)
    added       relevant and new; all such items are indexed together after the poll
    queued      the same, when `feeds.auto_add` is false: waiting for an admin

Nothing an item does stops the poll: every failure is caught, recorded and reported. Time
is bounded by the fetcher's per-page budget times `max_items_per_feed` per feed.

`collect` does the network and deciding part and is blocking (a worker thread's job);
indexing the articles it picked is the caller's, so the bot can do it under its write lock.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace

import numpy as np

from index.config import IndexConfig
from index.corpus.article import Article
from index.corpus.passages import Passage
from index.ingest.duplicates import DuplicateIndex, fingerprint
from index.ingest.errors import IngestError
from index.ingest.extract import extract_article
from index.ingest.feed_store import FeedStore
from index.ingest.feeds import FeedItem, fetch_feed, normalize_url, parse_feed
from index.ingest.fetch import fetch_page
from index.ingest.relevance import RelevanceModel
from index.ingest.sources import article_from_extracted
from index.retrieval.embedder import Embedder

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PollItem:
    feed: str
    url: str
    title: str
    decision: str
    reason: str = ""
    article_id: str | None = None
    article: Article | None = None  # for added and queued items

    def to_json(self) -> dict:
        return {"url": self.url, "title": self.title, "decision": self.decision,
                "reason": self.reason, "article_id": self.article_id}


@dataclass(frozen=True)
class PollReport:
    items: list[PollItem]
    feed_errors: dict[str, str] = field(default_factory=dict)  # feed URL -> reason
    seconds: float = 0.0
    # Statement vectors computed while judging, by dense text: indexing reuses them.
    vectors: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    def with_decision(self, decision: str) -> list[PollItem]:
        return [item for item in self.items if item.decision == decision]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for item in self.items:
            counts[item.decision] += 1
        return dict(counts)

    @property
    def noteworthy(self) -> bool:
        """Worth telling the admins: something added or queued, or something failed."""
        return bool(self.with_decision("added") or self.with_decision("queued")
                    or self.with_decision("failed") or self.feed_errors)


class _FeedFailed(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Poller:
    """Decides the items of one poll against the corpus as it is when the poll starts."""

    def __init__(self, config: IndexConfig, embedder: Embedder, store: FeedStore) -> None:
        self._config = config
        self._embedder = embedder
        self._store = store

    def collect(self, passages: list[Passage], vectors: np.ndarray) -> PollReport:
        """Poll every feed once. Added items are picked, not yet indexed: see `confirm`."""
        started = time.monotonic()
        relevance = RelevanceModel.of_corpus(self._config, self._embedder, passages, vectors)
        known = DuplicateIndex(_fingerprints(passages, self._store.queued()))
        items: list[PollItem] = []
        errors: dict[str, str] = {}
        decided: set[str] = set()
        embedded: dict[str, np.ndarray] = {}
        for feed in self._config.feeds.urls:
            try:
                listed = self._list(feed)
            except _FeedFailed as failure:
                errors[feed] = failure.reason
                self._store.record_poll(feed, failure.reason)
                continue
            for entry in listed:
                items.append(self._decide(entry, decided, relevance, known, embedded))
            self._store.record_poll(feed)
        return PollReport(items, errors, time.monotonic() - started, embedded)

    def confirm(self, report: PollReport, error: Exception | None = None) -> PollReport:
        """Record the picked items as added, or as failed when indexing them failed."""
        items = []
        for item in report.items:
            if item.decision == "added" and error is not None:
                item = replace(item, decision="failed", reason="index_failed")
            if item.decision in ("added", "failed") and item.article is not None:
                self._store.record(item.feed, item.url, item.title, item.decision, item.reason,
                                   item.article_id)
            items.append(item)
        return replace(report, items=items)

    def _list(self, feed: str) -> list[FeedItem]:
        try:
            return parse_feed(fetch_feed(self._config, feed), feed,
                              self._config.feeds.max_items_per_feed)
        except IngestError as exc:
            log.warning("feed %s: %s", feed, exc)
            # A feed URL answering with a web page is "not a feed", not "not HTML".
            raise _FeedFailed("not_feed" if exc.reason == "not_html" else str(exc.reason)) from exc
        except Exception as exc:  # a feed that breaks the parser must not stop the poll
            log.warning("feed %s failed unexpectedly", feed, exc_info=True)
            raise _FeedFailed(f"error: {type(exc).__name__}") from exc

    def _decide(self, entry: FeedItem, decided: set[str], relevance: RelevanceModel,
                known: DuplicateIndex, vectors: dict[str, np.ndarray]) -> PollItem:
        if entry.url in decided:
            return PollItem(entry.feed, entry.url, entry.title, "seen", "listed twice in this poll")
        decided.add(entry.url)
        earlier = self._store.seen(entry.url)
        if earlier is not None:
            return PollItem(entry.feed, entry.url, entry.title, "seen",
                            f"{earlier.decision} before", earlier.article_id)
        try:
            return self._judge(entry, self._article(entry.url), relevance, known, vectors)
        except IngestError as exc:
            log.info("feed item %s: %s", entry.url, exc)
            return self._record(PollItem(entry.feed, entry.url, entry.title, "failed",
                                         str(exc.reason)))
        except Exception as exc:  # a page that breaks a parser must not stop the poll
            log.warning("feed item %s failed unexpectedly", entry.url, exc_info=True)
            return self._record(PollItem(entry.feed, entry.url, entry.title, "failed",
                                         f"error: {type(exc).__name__}"))

    def _judge(self, entry: FeedItem, article: Article, relevance: RelevanceModel,
               known: DuplicateIndex, vectors: dict[str, np.ndarray]) -> PollItem:
        title = article.title or entry.title
        mark = fingerprint(article.id, article.body)
        match = known.best_match(mark)
        if match and match.similarity >= self._config.feeds.duplicate_similarity:
            reason = ("already in the corpus" if match.article_id == article.id else
                      f"copy of {match.article_id} (similarity {match.similarity:.2f})")
            return self._record(PollItem(entry.feed, entry.url, title, "duplicate", reason,
                                         match.article_id))
        judged = relevance.judge(article, vectors)
        if not judged.relevant:
            return self._record(PollItem(entry.feed, entry.url, title, "irrelevant",
                                         judged.describe()))
        known.add(mark)
        if not self._config.feeds.auto_add:
            self._store.queue(entry.feed, entry.url, article, judged.describe())
            return PollItem(entry.feed, entry.url, title, "queued", judged.describe(),
                            article.id, article)
        return PollItem(entry.feed, entry.url, title, "added", judged.describe(), article.id,
                        article)

    def _article(self, url: str) -> Article:
        ingest = self._config.ingest
        page = fetch_page(url, max_bytes=ingest.max_bytes, timeout=ingest.timeout_seconds,
                          max_redirects=ingest.max_redirects,
                          allow_private_hosts=ingest.allow_private_hosts,
                          user_agent=ingest.user_agent)
        # The article keeps the clean URL: a redirect may add tracking parameters again.
        return article_from_extracted(extract_article(page.html, normalize_url(page.final_url)))

    def _record(self, item: PollItem) -> PollItem:
        self._store.record(item.feed, item.url, item.title, item.decision, item.reason,
                           item.article_id)
        return item


def _fingerprints(passages: list[Passage], queued: list[Article]):
    """One fingerprint per indexed article (its statements joined) and per queued one."""
    texts: dict[str, list[str]] = defaultdict(list)
    for passage in passages:
        texts[passage.article_id].append(passage.text)
    yield from (fingerprint(aid, "\n".join(parts)) for aid, parts in texts.items())
    yield from (fingerprint(a.id, a.body) for a in queued)


def poll_feeds(config: IndexConfig, embedder: Embedder) -> PollReport:
    """One blocking poll with indexing, for the command line (the bot goes through
    `Knowledge.poll_feeds`)."""
    from index.retrieval.build import add_articles, open_index

    store = FeedStore(config.feeds_dir)
    try:
        stored = open_index(config, embedder)
        poller = Poller(config, embedder, store)
        report = poller.collect(stored.passages, stored.all_vectors())
        picked = [item.article for item in report.with_decision("added") if item.article]
        error = None
        if picked:
            try:
                add_articles(config, embedder, picked, report.vectors)
            except Exception as exc:  # recorded as index_failed; retried on the next poll
                log.exception("indexing the feeds' articles failed")
                error = exc
        return poller.confirm(report, error)
    finally:
        store.close()
