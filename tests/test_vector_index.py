"""Vector index kinds (flat, IVF, HNSW): exact ids, removal, persistence, and the index
updated in place as articles come and go, with the real model and FAISS."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from index.config import ConfigError, IndexConfig, VectorIndexConfig, load_config
from index.corpus.article import Article, Official
from index.retrieval.build import add_article, build_index, make_searcher, remove_article
from index.retrieval.store import load_index
from index.retrieval.vectors import VectorIndex, ivf_lists, resolve_kind

KINDS = ("flat", "ivf", "hnsw")
SETTINGS = VectorIndexConfig(nprobe=64, ef_search=128)


def _clustered(n: int, dim: int = 32, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(20, dim))
    vectors = centres[rng.integers(0, 20, n)] + 0.3 * rng.normal(size=(n, dim))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_finds_by_id_removes_and_round_trips(kind, tmp_path):
    vectors = _clustered(3000)
    ids = np.arange(3000, dtype=np.int64) * 3 + 7  # ids are not positions
    index = VectorIndex.build(kind, vectors, ids)
    queries = vectors[:50]
    assert all(index.search(q, 1, SETTINGS)[0] == i for q, i in zip(queries, ids[:50]))
    assert np.allclose(index.reconstruct(ids[[5, 2999]]), vectors[[5, 2999]], atol=1e-6)

    gone = ids[:25]
    index.remove(gone)
    assert index.live == 2975
    for q in queries:
        assert not set(index.search(q, 10, SETTINGS)) & set(gone.tolist())
    index.write(tmp_path)
    again = VectorIndex.read(tmp_path, kind, mmap=True)
    assert again.live == 2975 and again.search(queries[30], 1, SETTINGS)[0] == ids[30]
    assert not set(again.search(queries[0], 10, SETTINGS)) & set(gone.tolist())


def test_hnsw_keeps_removed_ids_until_compaction_is_due():
    index = VectorIndex.build("hnsw", _clustered(1000), np.arange(1000))
    index.remove(np.arange(150))
    assert index.index.ntotal == 1000 and not index.needs_rebuild(850)
    index.remove(np.arange(150, 250))
    assert index.needs_rebuild(750)  # a quarter removed: the next build compacts


def test_auto_is_flat_up_to_flat_max_then_ivf():
    settings = VectorIndexConfig(type="auto", flat_max=1000)
    assert [resolve_kind(settings, n) for n in (0, 1000, 1001)] == ["flat", "flat", "ivf"]
    assert resolve_kind(VectorIndexConfig(type="hnsw"), 10) == "hnsw"
    assert ivf_lists(100_000) == 1265 and ivf_lists(1_000_000) == 4000 and ivf_lists(39) == 1


def _article(n: int) -> Article:
    body = (f"Kepala Dinas Kebudayaan Kabupaten Uji {n}, Siti Rahma, menegaskan bahwa ASN wajib "
            f"menjaga netralitas saat festival budaya nomor {n} berlangsung.\n\n"
            f"“ASN jangan memasang atribut pasangan calon di panggung festival {n},” kata Siti.\n\n"
            f"Panitia festival {n} juga diminta menolak spanduk kampanye di area pertunjukan.")
    return Article(id=f"uji-{n}", title=f"Festival budaya {n} dan netralitas ASN", body=body,
                   outlet="Warta Uji", date="2024-10-01",
                   official=Official("Siti Rahma", "Kepala Dinas Kebudayaan"))


@pytest.mark.parametrize("kind", KINDS)
def test_articles_come_and_go_without_re_embedding_the_rest(kind, built_config, embedder):
    config = replace(built_config, index=replace(built_config.index, type=kind))
    first = build_index(config, embedder, reuse=True)  # kind changed: re-indexed, not re-embedded
    assert first.embedded == 0
    before = load_index(config.index_dir, config.index)
    assert before.manifest.index_type == kind

    added = add_article(config, embedder, _article(1))
    assert 0 < added.embedded <= 3
    question = "Bolehkah ASN memasang atribut pasangan calon di panggung festival?"
    searcher = make_searcher(config, embedder, load_index(config.index_dir, config.index))
    assert "festival" in searcher.search(question).hits[0].passage.text

    assert remove_article(config, embedder, "uji-1")
    after = load_index(config.index_dir, config.index)
    assert after.manifest.passage_count == before.manifest.passage_count
    # kept passages keep their ids and their vectors
    assert np.array_equal(after.ids, before.ids)
    assert np.allclose(after.all_vectors(), before.all_vectors())
    searcher = make_searcher(config, embedder, after)
    hits = searcher.search(question, limit=30, mode="dense").hits
    assert hits and not [h for h in hits if h.passage.article_id == "uji-1"]
    if kind == "hnsw":  # removed in place: filtered at search time until compaction
        assert len(after.vectors.deleted) == added.embedded
    else:
        assert after.vectors.index.ntotal == after.manifest.passage_count


def test_a_new_passage_never_takes_a_removed_hnsw_id(built_config, embedder):
    config = replace(built_config, index=replace(built_config.index, type="hnsw"))
    add_article(config, embedder, _article(1))
    remove_article(config, embedder, "uji-1")
    removed = set(load_index(config.index_dir).vectors.deleted.tolist())
    add_article(config, embedder, _article(2))
    stored = load_index(config.index_dir)
    assert removed and not removed & set(stored.ids.tolist())


@pytest.mark.parametrize("text, message", [
    ("index: {type: annoy}\n", "index.type"),
    ("index: {nprobe: 0}\n", "index.nprobe"),
    ("index: {threads: 0}\n", "index.threads"),
    ("index: {flat_max: -1}\n", "index.flat_max"),
    ("embedding: {backend: tensorflow}\n", "embedding.backend"),
    ("embedding: {threads: -1}\n", "embedding.threads"),
])
def test_bad_index_and_backend_settings_name_the_key(tmp_path, text, message):
    path = tmp_path / "config.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(path, IndexConfig)


def test_hnsw_is_compacted_once_removals_pile_up(built_config, embedder):
    config = replace(built_config, index=replace(built_config.index, type="hnsw"))
    for n in range(6):
        add_article(config, embedder, _article(n))
    grown = load_index(config.index_dir)
    for n in range(6):
        assert remove_article(config, embedder, f"uji-{n}")
    stored = load_index(config.index_dir)
    assert stored.manifest.passage_count == 39 and grown.manifest.passage_count > 39
    # without compaction the graph would still hold every added node
    assert stored.vectors.index.ntotal < grown.vectors.index.ntotal
    assert len(stored.vectors.deleted) <= 0.2 * stored.vectors.index.ntotal
    searcher = make_searcher(config, embedder, stored)
    assert not [h for h in searcher.search("festival budaya", mode="dense").hits
                if h.passage.article_id.startswith("uji-")]
