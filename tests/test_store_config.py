"""The stored index is swapped atomically and fails clearly; the config fails loudly."""

from __future__ import annotations

import json
import time

import faiss
import numpy as np
import pytest

from bot.config import AppConfig, load_app_config
from index.corpus.article import Official
from index.config import ConfigError, IndexConfig, load_config
from index.corpus.passages import Passage, Source
from index.retrieval.passage_file import PassageList, write_passages
from index.retrieval.store import (FORMAT_VERSION, IndexCorrupt, IndexMissing, Manifest, load_index,
                         read_manifest, save_index)


def _passages(n: int) -> list[Passage]:
    return [Passage(f"a:{i}", "a", f"statement {i}", Official("Hera", "Penjabat"),
                    Source("ANTARA", "Judul", "2024-06-10", "")) for i in range(n)]


def _manifest(n: int, corpus: str = "c1") -> Manifest:
    return Manifest(FORMAT_VERSION, "model-x", 4, corpus, n, 1, time.time(), 0.1, lexical="bm25-a")


def _vectors(n: int) -> np.ndarray:
    v = np.random.default_rng(0).normal(size=(n, 4)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_save_then_load_round_trips(tmp_path):
    save_index(tmp_path, _manifest(3), _passages(3), _vectors(3))
    stored = load_index(tmp_path)
    assert [p.text for p in stored.passages] == ["statement 0", "statement 1", "statement 2"]
    assert np.allclose(stored.all_vectors(), _vectors(3))
    assert stored.manifest.matches("model-x", "torch", "c1", "flat", "bm25-a")
    assert not stored.manifest.matches("model-y", "torch", "c1", "flat", "bm25-a")
    assert not stored.manifest.matches("model-x", "onnx", "c1", "flat", "bm25-a")
    assert not stored.manifest.matches("model-x", "torch", "c1", "hnsw", "bm25-a")
    assert not stored.manifest.matches("model-x", "torch", "c1", "flat", "bm25-b")


def test_failed_rebuild_leaves_the_old_index_serving(tmp_path, monkeypatch):
    save_index(tmp_path, _manifest(2), _passages(2), _vectors(2))

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(faiss, "write_index", crash)
    with pytest.raises(OSError):
        save_index(tmp_path, _manifest(5, "c2"), _passages(5), _vectors(5))
    assert read_manifest(tmp_path).passage_count == 2
    assert len(load_index(tmp_path).passages) == 2
    assert not [p for p in (tmp_path / "builds").iterdir() if p.name.startswith(".")]


def test_old_builds_are_pruned_but_the_previous_one_is_kept(tmp_path):
    for n in (1, 2, 3, 4):
        save_index(tmp_path, _manifest(n), _passages(n), _vectors(n))
    assert len(list((tmp_path / "builds").iterdir())) == 2
    assert read_manifest(tmp_path).passage_count == 4


def test_missing_and_corrupt_indexes_fail_clearly(tmp_path):
    with pytest.raises(IndexMissing):
        load_index(tmp_path)
    build = save_index(tmp_path, _manifest(2), _passages(2), _vectors(2))
    (build / "vectors.faiss").write_bytes(b"not a faiss index")
    with pytest.raises(IndexCorrupt, match="python -m index build"):
        load_index(tmp_path)
    (build / "manifest.json").write_text(json.dumps({"format": 1}))
    with pytest.raises(IndexCorrupt):
        load_index(tmp_path)


def test_inconsistent_counts_are_corrupt(tmp_path):
    build = save_index(tmp_path, _manifest(2), _passages(2), _vectors(2))
    write_passages(build, _passages(1))
    with pytest.raises(IndexCorrupt, match="inconsistent"):
        load_index(tmp_path)
    (build / "passages.jsonl").write_bytes(b"{}\n")  # no longer what its offsets say
    with pytest.raises(IndexCorrupt, match="unreadable"):
        load_index(tmp_path)


def test_passages_are_read_on_demand_and_found_by_id(tmp_path):
    save_index(tmp_path, _manifest(300), _passages(300), _vectors(300))
    stored = load_index(tmp_path)
    assert isinstance(stored.passages, PassageList) and len(stored.passages) == 300
    assert stored.passages[-1].text == "statement 299" and stored.passages[5:7][1].id == "a:6"
    assert stored.passage_by_id("a:123").text == "statement 123"
    assert stored.passage_by_id("a:300") is None
    assert [p.id for p in stored.passages][:3] == ["a:0", "a:1", "a:2"]


def _write(tmp_path, text: str):
    path = tmp_path / "config.yaml"
    path.write_text(text)
    return path


@pytest.mark.parametrize("text, message", [
    ("embedding:\n  modle: x\n", "unknown key"),
    ("search:\n  top_k: three\n", "expected int"),
    ("search:\n  dense_weight: 1.5\n", "dense_weight"),
    ("search:\n  off_topic_declined: 1.0\n", "off_topic_declined"),
    ("searhc: {}\n", "unknown key"),
    ("bot:\n  max_question_chars: 0\n", "max_question_chars"),
    ("admins: ['@someone']\n", "expected int"),
    ("announcements:\n  timezone: Mars/Olympus\n", "timezone"),
    ("announcements:\n  scheduled:\n    - {cron: '61 7 * * *', text: hi}\n", "invalid cron"),
    ("announcements:\n  scheduled:\n    - {cron: '0 7 * * 1'}\n", "either text"),
    ("telegram:\n  mode: carrier-pigeon\n", "polling or webhook"),
    ("telegram:\n  webhook: {port: 70000}\n", "webhook.port"),
    ("health: {port: 0}\n", "health.port"),
    ("bot: {inline_limit_queries: 0}\n", "bot.inline_limit_queries"),
    ("bot: {inline_limit_seconds: 0}\n", "bot.inline_limit_seconds"),
    ("bot: {search_queue_depth: 0}\n", "bot.search_queue_depth"),
    ("privacy: {retention_days: 0}\n", "privacy.retention_days"),
    ("privacy: {retention_day: 30}\n", "unknown key"),
    ("synonyms:\n  - [alone]\n", "two or more"),
    ("synonyms:\n  - [asn, pns]\n  - [pegawai, PNS]\n", "'PNS' is in group 1 and group 2"),
    ("- just a list\n", "mapping"),
    ("embedding: [unclosed\n", "not valid YAML"),
])
def test_bad_config_stops_start_up_naming_the_problem(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        load_config(_write(tmp_path, text), AppConfig)


def test_index_cli_ignores_bot_sections_but_checks_its_own(tmp_path):
    config = load_config(_write(tmp_path, "bot: {max_question_chars: 50}\n"), IndexConfig,
                         ignore_sections=True)
    assert config.search.top_k == 3
    with pytest.raises(ConfigError):
        load_config(_write(tmp_path, "search: {topk: 3}\n"), IndexConfig, ignore_sections=True)


def test_environment_overrides(tmp_path):
    environ = {"BOT_ADMIN_IDS": "42, 7", "TELEGRAM_API_URL": "http://127.0.0.1:9/bot"}
    config = load_app_config(_write(tmp_path, "admins: [1]\n"), data_dir=tmp_path / "d",
                             environ=environ)
    assert config.admins == [1, 7, 42]
    assert config.is_admin(42) and not config.is_admin(None)
    assert config.telegram.api_url == "http://127.0.0.1:9/bot"
    assert config.data_dir == tmp_path / "d"
    with pytest.raises(ConfigError, match="numeric"):
        load_app_config(_write(tmp_path, "{}\n"), environ={"BOT_ADMIN_IDS": "@boss"})


def test_webhook_mode_needs_a_public_url(tmp_path):
    with pytest.raises(ConfigError, match="webhook.url"):
        load_app_config(_write(tmp_path, "{}\n"), webhook=True)


def test_shipped_config_is_valid(base_config):
    assert base_config.telegram.mode == "polling" and base_config.synonyms


def test_health_listens_on_loopback_unless_the_environment_says_otherwise(tmp_path):
    config = _write(tmp_path, "{}\n")
    assert load_app_config(config).health.listen == "127.0.0.1"
    as_in_the_image = {"BOT_HEALTH_LISTEN": "0.0.0.0"}
    assert load_app_config(config, environ=as_in_the_image).health.listen == "0.0.0.0"
    with pytest.raises(ConfigError, match="BOT_HEALTH_LISTEN"):
        load_app_config(config, environ={"BOT_HEALTH_LISTEN": "semua"})
