"""SQLite storage for the bot's state: questions, answers, feedback, subscriptions,
announcement runs and the record of added articles.

WAL mode and one transaction per write: a crash loses nothing that was acknowledged.
The schema is versioned with `PRAGMA user_version`; each migration runs once, in order.
Calls are short and local, so they run inline; one lock serialises writers across the
event loop and worker threads.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

MIGRATIONS: list[str] = [
    # 1: the initial schema
    """
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY, user_id INTEGER, chat_id INTEGER, text TEXT NOT NULL,
        confident INTEGER NOT NULL, asked_at REAL NOT NULL);
    CREATE INDEX questions_asked_at ON questions(asked_at);
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY, question TEXT NOT NULL, passage_ids TEXT NOT NULL,
        created_at REAL NOT NULL);
    CREATE TABLE feedback (
        answer_id INTEGER NOT NULL, user_id INTEGER NOT NULL, vote INTEGER NOT NULL,
        voted_at REAL NOT NULL, PRIMARY KEY (answer_id, user_id));
    CREATE TABLE subscriptions (
        chat_id INTEGER PRIMARY KEY, title TEXT, subscribed_by INTEGER, subscribed_at REAL NOT NULL);
    CREATE TABLE announcement_runs (
        job TEXT NOT NULL, fire_time TEXT NOT NULL, sent_at REAL NOT NULL,
        PRIMARY KEY (job, fire_time));
    CREATE TABLE added_articles (
        article_id TEXT PRIMARY KEY, url TEXT, title TEXT, added_by INTEGER, added_at REAL NOT NULL);
    """,
]


@dataclass(frozen=True)
class StoredAnswer:
    id: int
    question: str
    passage_ids: list[str]
    created_at: float


@dataclass(frozen=True)
class Stats:
    asked: int
    answered: int
    declined: int
    thumbs_up: int
    thumbs_down: int
    subscribed_groups: int
    top_declined: list[tuple[str, int]]
    per_day: list[tuple[str, int, int]]  # (YYYY-MM-DD, answered, declined)


class Storage:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None,
                                   timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def ping(self) -> bool:
        try:
            with self._lock:
                self._db.execute("SELECT 1").fetchone()
            return True
        except sqlite3.Error:
            return False

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _migrate(self) -> None:
        (version,) = self._db.execute("PRAGMA user_version").fetchone()
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._transaction() as db:
                for statement in filter(str.strip, script.split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number}")

    # questions and answers
    def log_question(self, user_id: int | None, chat_id: int | None, text: str,
                     confident: bool) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO questions (user_id, chat_id, text, confident, asked_at) "
                       "VALUES (?, ?, ?, ?, ?)", (user_id, chat_id, text, int(confident), time.time()))

    def save_answer(self, question: str, passage_ids: list[str]) -> int:
        with self._transaction() as db:
            cursor = db.execute("INSERT INTO answers (question, passage_ids, created_at) "
                                "VALUES (?, ?, ?)", (question, json.dumps(passage_ids), time.time()))
            return int(cursor.lastrowid)

    def answer(self, answer_id: int) -> StoredAnswer | None:
        with self._lock:
            row = self._db.execute("SELECT id, question, passage_ids, created_at FROM answers "
                                   "WHERE id = ?", (answer_id,)).fetchone()
        return StoredAnswer(row[0], row[1], json.loads(row[2]), row[3]) if row else None

    def prune_answers(self, older_than: float) -> int:
        """Forget answers whose "Lainnya" pages have expired; feedback counts stay."""
        with self._transaction() as db:
            return db.execute("DELETE FROM answers WHERE created_at < ?",
                              (time.time() - older_than,)).rowcount

    def record_feedback(self, answer_id: int, user_id: int, vote: int) -> None:
        """One vote per user and answer; a second press changes the vote."""
        with self._transaction() as db:
            db.execute("INSERT INTO feedback (answer_id, user_id, vote, voted_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, "
                       "voted_at = excluded.voted_at", (answer_id, user_id, vote, time.time()))

    # subscriptions
    def subscribe(self, chat_id: int, title: str, user_id: int | None) -> bool:
        """True when newly subscribed."""
        with self._transaction() as db:
            cursor = db.execute("INSERT OR IGNORE INTO subscriptions VALUES (?, ?, ?, ?)",
                                (chat_id, title, user_id, time.time()))
            return cursor.rowcount == 1

    def unsubscribe(self, chat_id: int) -> bool:
        with self._transaction() as db:
            return db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,)).rowcount == 1

    def move_subscription(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group upgraded to a supergroup gets a new id; the subscription follows it."""
        with self._transaction() as db:
            db.execute("UPDATE OR REPLACE subscriptions SET chat_id = ? WHERE chat_id = ?",
                       (new_chat_id, old_chat_id))

    def subscribed_chats(self) -> list[int]:
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT chat_id FROM subscriptions ORDER BY chat_id")]

    # announcements
    def claim_announcement(self, job: str, fire_time: str) -> bool:
        """True exactly once per (job, fire time), across restarts: no double sends."""
        with self._transaction() as db:
            cursor = db.execute("INSERT OR IGNORE INTO announcement_runs VALUES (?, ?, ?)",
                                (job, fire_time, time.time()))
            return cursor.rowcount == 1

    # added articles
    def record_added_article(self, article_id: str, url: str, title: str, user_id: int) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO added_articles VALUES (?, ?, ?, ?, ?)",
                       (article_id, url, title, user_id, time.time()))

    def forget_added_article(self, article_id: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM added_articles WHERE article_id = ?", (article_id,))

    # statistics
    def stats(self, timezone: str, days: int = 14, top: int = 5) -> Stats:
        since = time.time() - days * 86400
        with self._lock:
            db = self._db
            asked, answered = db.execute(
                "SELECT COUNT(*), COALESCE(SUM(confident), 0) FROM questions").fetchone()
            up, down = db.execute("SELECT COALESCE(SUM(vote > 0), 0), COALESCE(SUM(vote < 0), 0) "
                                  "FROM feedback").fetchone()
            groups = db.execute("SELECT COUNT(*) FROM subscriptions").fetchone()[0]
            declined = db.execute(
                "SELECT lower(trim(text)) AS q, COUNT(*) AS n FROM questions WHERE confident = 0 "
                "GROUP BY q ORDER BY n DESC, MAX(asked_at) DESC LIMIT ?", (top,)).fetchall()
            recent = db.execute("SELECT asked_at, confident FROM questions WHERE asked_at >= ?",
                                (since,)).fetchall()
        return Stats(asked, answered, asked - answered, up, down, groups,
                     [(q, n) for q, n in declined], _per_day(recent, ZoneInfo(timezone)))


def _per_day(rows: list[tuple[float, int]], tz: ZoneInfo) -> list[tuple[str, int, int]]:
    """Answered and declined counts per local calendar day, oldest first."""
    days: dict[str, list[int]] = {}
    for asked_at, confident in rows:
        day = datetime.fromtimestamp(asked_at, tz).date().isoformat()
        days.setdefault(day, [0, 0])[0 if confident else 1] += 1
    return [(day, a, d) for day, (a, d) in sorted(days.items())]
