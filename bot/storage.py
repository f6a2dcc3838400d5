"""SQLite storage for the bot's state: questions, answers, feedback, subscriptions,
announcement runs and the record of added articles.

WAL mode and one transaction per write: a crash loses nothing that was acknowledged.
The schema is versioned with `PRAGMA user_version`; each migration runs once, in order.
Calls are short and local, so they run inline; one lock serialises writers across the
event loop and worker threads.

Privacy: civil servants ask about politics, and a log of who asked what could be used
against them. So no asker is identifiable from this database. Questions are stored without
any user or chat id (a private chat's id is its user's id). Where per-person state is needed
(one vote per answer; an answer's buttons work only in its own chat) a keyed hash is stored:
HMAC-SHA256 under a random key generated once in the data directory (`privacy.key`), so
the database alone cannot be turned back into ids. Votes are kept per voter only while their
answer lives; pruning folds them into totals. Questions and answers older than
`privacy.retention_days` are deleted, with SQLite's secure_delete so their bytes go too.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
import threading
import time
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from index import ConfigError, sqlite_transaction, write_new

KEY_FILE = "privacy.key"
MIN_SHOWN_REPEATS = 2  # a declined question is shown in statistics once asked this often
ANNOUNCEMENT_RUNS_KEPT = 7 * 86400  # claims of past fire times, kept only against a double send

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
    # 2: no asker identifiable. Questions lose their user and chat ids; answers are bound to
    # their chat by keyed hash and found by an unguessable token (older answers, reachable
    # by counting ids, are dropped: their buttons say "expired"); votes are per keyed voter
    # hash while the answer lives, then totals.
    """
    CREATE TABLE questions_new (
        id INTEGER PRIMARY KEY, text TEXT NOT NULL, confident INTEGER NOT NULL,
        asked_at REAL NOT NULL);
    INSERT INTO questions_new (id, text, confident, asked_at)
        SELECT id, text, confident, asked_at FROM questions;
    DROP TABLE questions;
    ALTER TABLE questions_new RENAME TO questions;
    CREATE INDEX questions_asked_at ON questions(asked_at);
    DROP TABLE answers;
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY, token TEXT NOT NULL UNIQUE, chat TEXT NOT NULL,
        question TEXT NOT NULL, passage_ids TEXT NOT NULL, created_at REAL NOT NULL);
    CREATE INDEX answers_created_at ON answers(created_at);
    CREATE TABLE vote_totals (
        id INTEGER PRIMARY KEY CHECK (id = 1), up INTEGER NOT NULL, down INTEGER NOT NULL);
    INSERT INTO vote_totals
        SELECT 1, COALESCE(SUM(vote > 0), 0), COALESCE(SUM(vote < 0), 0) FROM feedback;
    DROP TABLE feedback;
    CREATE TABLE feedback (
        answer_id INTEGER NOT NULL, voter TEXT NOT NULL, vote INTEGER NOT NULL,
        voted_at REAL NOT NULL, PRIMARY KEY (answer_id, voter));
    """,
]


@dataclass(frozen=True)
class StoredAnswer:
    id: int
    token: str  # what its buttons carry
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
        self._key = _privacy_key(path.parent / KEY_FILE)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None,
                                   timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        # Deleted rows are overwritten, not left readable in free pages.
        self._db.execute("PRAGMA secure_delete=ON")
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

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return sqlite_transaction(self._db, self._lock)

    def _migrate(self) -> None:
        (version,) = self._db.execute("PRAGMA user_version").fetchone()
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._transaction() as db:
                for statement in filter(str.strip, script.split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number}")
        if 0 < version < len(MIGRATIONS):
            self._scrub()  # a migration may have dropped ids: leave no copy of them behind

    def _scrub(self) -> None:
        """Rewrite the file and empty the WAL, so dropped data is gone from disk too."""
        with self._lock:
            self._db.execute("VACUUM")
        self.checkpoint()

    def _hash(self, kind: str, value: int | None) -> str:
        """A keyed hash of a user or chat id: stable for this data directory, irreversible
        without its key."""
        message = f"{kind}:{value}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()[:32]

    # questions and answers
    def log_question(self, text: str, confident: bool) -> None:
        """Only the question and whether it was answered: never who or where."""
        with self._transaction() as db:
            db.execute("INSERT INTO questions (text, confident, asked_at) VALUES (?, ?, ?)",
                       (text, int(confident), time.time()))

    def save_answer(self, question: str, passage_ids: list[str], chat_id: int) -> str:
        """Store an answer for its "Lainnya" and vote buttons; returns their token."""
        token = secrets.token_urlsafe(16)  # 128 bits: not guessable, not enumerable
        with self._transaction() as db:
            db.execute("INSERT INTO answers (token, chat, question, passage_ids, created_at) "
                       "VALUES (?, ?, ?, ?, ?)", (token, self._hash("chat", chat_id), question,
                                                   json.dumps(passage_ids), time.time()))
        return token

    def answer(self, token: str, chat_id: int) -> StoredAnswer | None:
        """The answer given in `chat_id` under `token`; None for any other chat."""
        with self._lock:
            row = self._db.execute(
                "SELECT id, token, question, passage_ids, created_at FROM answers "
                "WHERE token = ? AND chat = ?", (token, self._hash("chat", chat_id))).fetchone()
        return StoredAnswer(row[0], row[1], row[2], json.loads(row[3]), row[4]) if row else None

    def prune_answers(self, older_than: float) -> int:
        """Forget answers whose "Lainnya" pages have expired. Their votes are added to the
        totals and the per-voter rows deleted: nothing can be voted on any more."""
        cutoff = time.time() - older_than
        expired = "SELECT id FROM answers WHERE created_at < ?"
        with self._transaction() as db:
            db.execute("INSERT INTO vote_totals (id, up, down) VALUES (1, 0, 0) "
                       "ON CONFLICT (id) DO NOTHING")
            db.execute(f"UPDATE vote_totals SET up = up + (SELECT COALESCE(SUM(vote > 0), 0) "
                       f"FROM feedback WHERE answer_id IN ({expired})), "
                       f"down = down + (SELECT COALESCE(SUM(vote < 0), 0) FROM feedback "
                       f"WHERE answer_id IN ({expired}))", (cutoff, cutoff))
            db.execute(f"DELETE FROM feedback WHERE answer_id IN ({expired})", (cutoff,))
            return db.execute("DELETE FROM answers WHERE created_at < ?", (cutoff,)).rowcount

    def prune_questions(self, older_than: float) -> int:
        """Delete questions asked more than `older_than` seconds ago (the retention)."""
        with self._transaction() as db:
            return db.execute("DELETE FROM questions WHERE asked_at < ?",
                              (time.time() - older_than,)).rowcount

    def prune(self, page_ttl: float, retention: float) -> tuple[int, int]:
        """The hourly clean-up: answers past their buttons' life or the retention, whichever
        is shorter, questions past the retention, and old announcement claims. Returns
        (answers, questions) deleted."""
        answers = self.prune_answers(min(page_ttl, retention))
        questions = self.prune_questions(retention)
        with self._transaction() as db:  # a past fire time is never claimed again
            db.execute("DELETE FROM announcement_runs WHERE sent_at < ?",
                       (time.time() - ANNOUNCEMENT_RUNS_KEPT,))
        self.checkpoint()
        return answers, questions

    def checkpoint(self) -> None:
        """Fold the WAL into the database and empty it: pruned rows leave no copy there."""
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def record_feedback(self, answer_id: int, user_id: int, vote: int) -> None:
        """One vote per person and answer; a second press changes the vote."""
        with self._transaction() as db:
            db.execute("INSERT INTO feedback (answer_id, voter, vote, voted_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (answer_id, voter) DO UPDATE SET vote = excluded.vote, "
                       "voted_at = excluded.voted_at",
                       (answer_id, self._hash("user", user_id), vote, time.time()))

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
        """Aggregates only. A declined question is listed only once it was asked at least
        `MIN_SHOWN_REPEATS` times, so a one-off question, which may say who asked it, is
        never shown."""
        since = time.time() - days * 86400
        with self._lock:
            db = self._db
            asked, answered = db.execute(
                "SELECT COUNT(*), COALESCE(SUM(confident), 0) FROM questions").fetchone()
            up, down = db.execute(
                "SELECT COALESCE(SUM(vote > 0), 0) + (SELECT COALESCE(SUM(up), 0) FROM vote_totals), "
                "COALESCE(SUM(vote < 0), 0) + (SELECT COALESCE(SUM(down), 0) FROM vote_totals) "
                "FROM feedback").fetchone()
            groups = db.execute("SELECT COUNT(*) FROM subscriptions").fetchone()[0]
            declined = db.execute(
                "SELECT lower(trim(text)) AS q, COUNT(*) AS n FROM questions WHERE confident = 0 "
                "GROUP BY q HAVING n >= ? ORDER BY n DESC, MAX(asked_at) DESC LIMIT ?",
                (MIN_SHOWN_REPEATS, top)).fetchall()
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


def _privacy_key(path: Path) -> bytes:
    """The data directory's hashing key: created once, random, readable by the bot only."""
    write_new(path, secrets.token_bytes(32))
    key = path.read_bytes()
    if len(key) < 32:
        raise ConfigError(f"{path} is damaged (too short); restore it from the backup")
    return key
