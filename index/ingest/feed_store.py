"""What the feeds have brought: every item URL decided so far (the seen set), the last poll of
each feed, and the articles queued for an admin when `auto_add` is off.

SQLite in the data directory (`feeds/feeds.db`, WAL, one transaction per write), so the
bot and `python -m index feeds` can share it. Queued articles are article files under
`feeds/queue/`, written atomically, so accepting one later needs no second fetch.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from index.corpus.article import Article, ArticleError, read_article, write_article
from index.files import sqlite_transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    url TEXT PRIMARY KEY, feed TEXT NOT NULL, title TEXT NOT NULL, decision TEXT NOT NULL,
    reason TEXT NOT NULL, article_id TEXT, attempts INTEGER NOT NULL DEFAULT 1,
    decided_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS items_article ON items(article_id);
CREATE TABLE IF NOT EXISTS polls (
    feed TEXT PRIMARY KEY, polled_at REAL NOT NULL, error TEXT NOT NULL)
"""
# A dead link may be a server's bad minute: it is tried again on this many polls. Every
# other failure (not HTML, too large, no article, internal host) is final at once.
RETRIED_REASONS = frozenset({"dead_link", "index_failed"})
MAX_ATTEMPTS = 3
DECISIONS = ("added", "queued", "duplicate", "irrelevant", "failed", "rejected")


@dataclass(frozen=True)
class SeenItem:
    decision: str
    reason: str
    article_id: str | None


@dataclass(frozen=True)
class FeedCounts:
    feed: str
    last_poll: float | None
    error: str
    counts: dict[str, int] = field(default_factory=dict)  # decision -> items


class FeedStore:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.queue_dir = directory / "queue"
        self._lock = threading.RLock()
        self._db = sqlite3.connect(directory / "feeds.db", check_same_thread=False,
                                   isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        with self._transaction() as db:
            for statement in filter(str.strip, SCHEMA.split(";")):
                db.execute(statement)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return sqlite_transaction(self._db, self._lock)

    # the seen set

    def seen(self, url: str) -> SeenItem | None:
        """The earlier decision on `url`, unless it was a failure worth another try."""
        with self._lock:
            row = self._db.execute("SELECT decision, reason, article_id, attempts FROM items "
                                   "WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        decision, reason, article_id, attempts = row
        if decision == "failed" and reason in RETRIED_REASONS and attempts < MAX_ATTEMPTS:
            return None
        return SeenItem(decision, reason, article_id)

    def record(self, feed: str, url: str, title: str, decision: str, reason: str = "",
               article_id: str | None = None) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT INTO items (url, feed, title, decision, reason, article_id, decided_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
                "feed = excluded.feed, title = excluded.title, decision = excluded.decision, "
                "reason = excluded.reason, article_id = excluded.article_id, "
                "decided_at = excluded.decided_at, attempts = items.attempts + 1",
                (url, feed, title, decision, reason, article_id, time.time()))

    def record_poll(self, feed: str, error: str = "") -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO polls VALUES (?, ?, ?)", (feed, time.time(), error))

    # the queue

    def queue(self, feed: str, url: str, article: Article, reason: str) -> None:
        write_article(self.queue_dir, article)
        self.record(feed, url, article.title, "queued", reason, article.id)

    def queued(self) -> list[Article]:
        """Queued articles, oldest first; a queue file that went missing is skipped."""
        with self._lock:
            ids = [r[0] for r in self._db.execute(
                "SELECT DISTINCT article_id FROM items WHERE decision = 'queued' "
                "ORDER BY decided_at, article_id")]
        return [a for a in map(self.queued_article, ids) if a is not None]

    def queued_article(self, article_id: str) -> Article | None:
        if not article_id.isalnum():  # ids come back from buttons: never a path
            return None
        path = self.queue_dir / f"{article_id}.txt"
        try:
            return read_article(path)
        except (OSError, ArticleError, UnicodeDecodeError):
            return None

    def settle(self, article_id: str, decision: str) -> None:
        """A queued article was accepted ("added") or rejected: its file goes."""
        with self._transaction() as db:
            db.execute("UPDATE items SET decision = ?, decided_at = ? "
                       "WHERE article_id = ? AND decision = 'queued'",
                       (decision, time.time(), article_id))
        (self.queue_dir / f"{article_id}.txt").unlink(missing_ok=True)

    # statistics

    def counts(self, feeds: list[str]) -> list[FeedCounts]:
        """Per configured feed: items by decision and the last poll."""
        with self._lock:
            rows = self._db.execute("SELECT feed, decision, COUNT(*) FROM items "
                                    "GROUP BY feed, decision").fetchall()
            polls = {f: (t, e) for f, t, e in self._db.execute("SELECT * FROM polls")}
        by_feed: dict[str, dict[str, int]] = {}
        for feed, decision, n in rows:
            by_feed.setdefault(feed, {})[decision] = n
        return [FeedCounts(f, polls.get(f, (None, ""))[0], polls.get(f, (None, ""))[1],
                           by_feed.get(f, {})) for f in feeds]
