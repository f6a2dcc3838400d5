"""SQLite storage: migrations run once, writes survive reopening, old answers expire."""

from __future__ import annotations

import sqlite3
import time

from bot.storage import MIGRATIONS, Storage


def test_schema_is_versioned_and_state_survives_reopening(tmp_path):
    path = tmp_path / "netral.db"
    storage = Storage(path)
    storage.subscribe(-1, "Grup", 5)
    answer_id = storage.save_answer("q", ["a:1", "a:2"])
    storage.record_feedback(answer_id, 5, 1)
    storage.close()
    reopened = Storage(path)  # migrations do not run twice
    assert reopened.subscribed_chats() == [-1]
    assert reopened.answer(answer_id).passage_ids == ["a:1", "a:2"]
    assert reopened.stats("Asia/Jakarta").thumbs_up == 1
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_expired_answers_are_pruned_but_feedback_counts_stay(tmp_path):
    storage = Storage(tmp_path / "netral.db")
    old = storage.save_answer("lama", ["a:1"])
    storage.record_feedback(old, 7, -1)
    time.sleep(0.05)
    fresh = storage.save_answer("baru", ["a:2"])
    assert storage.prune_answers(older_than=0.02) == 1
    assert storage.answer(old) is None and storage.answer(fresh) is not None
    assert storage.stats("Asia/Jakarta").thumbs_down == 1


def test_announcement_claims_are_once_only(tmp_path):
    storage = Storage(tmp_path / "netral.db")
    assert storage.claim_announcement("job", "2024-11-25T07:00")
    assert not storage.claim_announcement("job", "2024-11-25T07:00")
    assert storage.claim_announcement("job", "2024-12-02T07:00")
