"""SQLite storage: migrations run once, writes survive reopening, old answers expire, and no
asker is identifiable from what is stored (issue 10, item 11)."""

from __future__ import annotations

import sqlite3
import stat
import time

import pytest

from bot.storage import KEY_FILE, MIGRATIONS, Storage

ASKER = 987654321   # a Telegram user id; private chats have the same id
GROUP = -100555


def _columns(path, table: str) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def _on_disk(tmp_path) -> bytes:
    return b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("netral.db"))


def test_schema_is_versioned_and_state_survives_reopening(tmp_path):
    path = tmp_path / "netral.db"
    storage = Storage(path)
    storage.subscribe(-1, "Grup", 5)
    token = storage.save_answer("q", ["a:1", "a:2"], ASKER)
    storage.record_feedback(storage.answer(token, ASKER).id, 5, 1)
    storage.close()
    reopened = Storage(path)  # migrations do not run twice, the key is the same
    assert reopened.subscribed_chats() == [-1]
    assert reopened.answer(token, ASKER).passage_ids == ["a:1", "a:2"]
    reopened.record_feedback(reopened.answer(token, ASKER).id, 5, 1)  # the same voter again
    assert reopened.stats("Asia/Jakarta").thumbs_up == 1
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_expired_answers_are_pruned_but_feedback_counts_stay(tmp_path):
    storage = Storage(tmp_path / "netral.db")
    old = storage.save_answer("lama", ["a:1"], ASKER)
    storage.record_feedback(storage.answer(old, ASKER).id, 7, -1)
    time.sleep(0.05)
    fresh = storage.save_answer("baru", ["a:2"], ASKER)
    assert storage.prune_answers(older_than=0.02) == 1
    assert storage.answer(old, ASKER) is None and storage.answer(fresh, ASKER) is not None
    assert storage.stats("Asia/Jakarta").thumbs_down == 1
    with sqlite3.connect(tmp_path / "netral.db") as db:  # the voter's hash went with it
        assert db.execute("SELECT COUNT(*) FROM feedback").fetchone()[0] == 0


def test_announcement_claims_are_once_only(tmp_path):
    storage = Storage(tmp_path / "netral.db")
    assert storage.claim_announcement("job", "2024-11-25T07:00")
    assert not storage.claim_announcement("job", "2024-11-25T07:00")
    assert storage.claim_announcement("job", "2024-12-02T07:00")
    with sqlite3.connect(tmp_path / "netral.db") as db:  # a claim from weeks ago
        db.execute("UPDATE announcement_runs SET sent_at = ? WHERE fire_time = '2024-11-25T07:00'",
                   (time.time() - 30 * 86400,))
    storage.prune(page_ttl=86400, retention=90 * 86400)
    with sqlite3.connect(tmp_path / "netral.db") as db:
        assert [r[0] for r in db.execute("SELECT fire_time FROM announcement_runs")] == ["2024-12-02T07:00"]


def test_answers_open_only_in_their_own_chat_under_an_unguessable_token(tmp_path):
    storage = Storage(tmp_path / "netral.db")
    tokens = {storage.save_answer("q", ["a:1"], GROUP) for _ in range(50)}
    assert len(tokens) == 50 and all(len(t) >= 22 for t in tokens)  # 128 random bits each
    token = tokens.pop()
    assert storage.answer(token, GROUP) is not None
    assert storage.answer(token, ASKER) is None  # another chat learns nothing
    assert storage.answer(token[:-1] + ("A" if token[-1] != "A" else "B"), GROUP) is None


def test_nothing_stored_identifies_an_asker(tmp_path):
    path = tmp_path / "netral.db"
    storage = Storage(path)
    storage.log_question("Bolehkah saya ikut kampanye?", True)
    token = storage.save_answer("Bolehkah saya ikut kampanye?", ["a:1"], ASKER)
    storage.record_feedback(storage.answer(token, ASKER).id, ASKER, 1)
    storage.checkpoint()
    assert _columns(path, "questions") == {"id", "text", "confident", "asked_at"}
    assert "user_id" not in _columns(path, "feedback") and "chat_id" not in _columns(path, "answers")
    with sqlite3.connect(path) as db:
        (voter,) = db.execute("SELECT voter FROM feedback").fetchone()
        (chat,) = db.execute("SELECT chat FROM answers").fetchone()
    assert str(ASKER) not in voter + chat and voter != chat
    raw = _on_disk(tmp_path)
    assert str(ASKER).encode() not in raw and ASKER.to_bytes(4, "big") not in raw
    key = tmp_path / KEY_FILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    other = Storage(tmp_path / "other" / "netral.db")  # another data directory, another key
    other_token = other.save_answer("q", ["a:1"], ASKER)
    with sqlite3.connect(tmp_path / "other" / "netral.db") as db:
        assert db.execute("SELECT chat FROM answers").fetchone()[0] != chat
    assert other.answer(other_token, ASKER) is not None


def test_migration_drops_the_user_ids_of_past_questions(tmp_path):
    path = tmp_path / "netral.db"
    with sqlite3.connect(path) as db:  # a database as version 1 of the bot left it
        db.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
        for n in range(20):
            db.execute("INSERT INTO questions (user_id, chat_id, text, confident, asked_at) "
                       "VALUES (?, ?, ?, ?, ?)", (ASKER, ASKER, f"pertanyaan {n}", n % 2, time.time()))
        db.execute("INSERT INTO answers VALUES (1, 'q', '[]', ?)", (time.time(),))
        db.execute("INSERT INTO feedback VALUES (1, ?, 1, ?)", (ASKER, time.time()))
        db.execute("INSERT INTO feedback VALUES (1, 12345678, -1, ?)", (time.time(),))
    storage = Storage(path)
    stats = storage.stats("Asia/Jakarta")
    assert (stats.asked, stats.answered, stats.thumbs_up, stats.thumbs_down) == (20, 10, 1, 1)
    assert _columns(path, "questions") == {"id", "text", "confident", "asked_at"}
    storage.close()
    raw = _on_disk(tmp_path)
    assert b"pertanyaan 19" in raw
    assert ASKER.to_bytes(4, "big") not in raw  # gone from the file, not just from the table


def test_retention_prunes_old_questions_and_answers(tmp_path):
    path = tmp_path / "netral.db"
    storage = Storage(path)
    for text in ("lama", "baru"):
        storage.log_question(text, False)
        storage.save_answer(text, ["a:1"], GROUP)
    with sqlite3.connect(path) as db:
        for table, column, text in (("questions", "asked_at", "text"),
                                    ("answers", "created_at", "question")):
            db.execute(f"UPDATE {table} SET {column} = ? WHERE {text} = 'lama'",
                       (time.time() - 91 * 86400,))
    assert storage.prune(page_ttl=400 * 86400, retention=90 * 86400) == (1, 1)
    with sqlite3.connect(path) as db:
        assert [r[0] for r in db.execute("SELECT text FROM questions")] == ["baru"]
        assert [r[0] for r in db.execute("SELECT question FROM answers")] == ["baru"]


def test_statistics_show_only_repeated_declined_questions(tmp_path):
    storage = Storage(tmp_path / "netral.db")
    storage.log_question("Saya Budi NIP 1987, bolehkah saya?", False)
    storage.log_question("Cara membuat kue?", False)
    storage.log_question("cara membuat kue?", False)
    assert storage.stats("Asia/Jakarta").top_declined == [("cara membuat kue?", 2)]


@pytest.mark.parametrize("days, ok", [(1, True), (0, False)])
def test_retention_days_is_validated(tmp_path, days, ok):
    from bot.config import load_app_config
    from index import ConfigError

    config = tmp_path / "config.yaml"
    config.write_text(f"privacy:\n  retention_days: {days}\n")
    if ok:
        assert load_app_config(config).privacy.retention_days == days
    else:
        with pytest.raises(ConfigError, match="privacy.retention_days"):
            load_app_config(config)
