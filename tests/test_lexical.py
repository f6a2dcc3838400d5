"""The BM25 side: how text becomes terms (colloquial forms, English told apart), and the
index stored with the vectors: the same answers as analysing at load, re-analysed when the
analysis changes, and top-k selection in linear time equal to a stable sort."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import yaml

from tests.support import REPO
from index.retrieval.analyzer import Analyzer, written_in_english
from index.retrieval.build import make_searcher
from index.retrieval.search import Searcher, _best_positive
from index.retrieval.store import load_index


def _questions() -> list[str]:
    return [c["q"] for name in ("dev", "extra")
            for part in ("answerable", "unanswerable")
            for c in yaml.safe_load((REPO / "eval" / f"{name}-questions.yaml").read_text()).get(part, [])]


def test_stored_bm25_answers_exactly_as_analysing_at_load(built_config, embedder):
    stored = load_index(built_config.index_dir, built_config.index)
    assert stored.lexical is not None and (built_config.index_dir / "current" / "lexical").is_dir()
    from_store = make_searcher(built_config, embedder, stored)
    analysed = Searcher(stored, embedder, Analyzer(built_config.synonyms), built_config.search)
    assert from_store._bm25 is stored.lexical.bm25
    for question in _questions():
        a, b = from_store.search(question), analysed.search(question)
        assert [(h.passage.id, round(h.score, 6)) for h in a.hits] == \
               [(h.passage.id, round(h.score, 6)) for h in b.hits], question
        assert (a.confident, round(a.confidence, 6)) == (b.confident, round(b.confidence, 6))


def test_changed_synonyms_make_the_searcher_analyse_again(built_config, embedder):
    stored = load_index(built_config.index_dir, built_config.index)
    changed = replace(built_config, synonyms=built_config.synonyms + [["festival", "perayaan"]])
    assert make_searcher(changed, embedder, stored)._bm25 is not stored.lexical.bm25


def test_best_positive_equals_a_stable_sort_with_ties():
    rng = np.random.default_rng(3)
    for _ in range(200):
        scores = rng.integers(0, 4, size=rng.integers(1, 60)).astype(np.float32)
        k = int(rng.integers(1, 40))
        expected = np.argsort(-scores, kind="stable")[:k]
        expected = expected[scores[expected] > 0]
        assert _best_positive(scores, k).tolist() == expected.tolist()


def test_colloquial_verb_forms_meet_their_formal_ones():
    """How an ASN types on a phone ("dilanjutin", "nyoblos", "milih") reaches the same
    terms as the articles' formal forms; names and ordinary words stay as they are."""
    analyzer = Analyzer([])
    pairs = [("kasusnya dilanjutin ke siapa", "kasus dilanjutkan kepada"),
             ("boleh nyoblos", "mencoblos"), ("asn milih siapa", "memilih"),
             ("disebarin di grup", "disebarkan"), ("ngelaporin atasan", "melaporkan"),
             ("dukungin paslon", "mendukung")]
    for informal, formal in pairs:
        assert set(analyzer.terms(informal)) & set(analyzer.terms(formal)), (informal, formal)
    for word in ("misbahuddin", "nyoman", "medan", "mataram", "pontianak", "bikin", "main"):
        assert analyzer.terms(word) == [word]


def test_english_is_told_apart_from_indonesian():
    assert written_in_english("What did the Pasuruan acting regent tell civil servants?")
    assert written_in_english("Can civil servants like a candidate's Instagram post?")
    for question in ("Apakah ASN boleh ikut kampanye?", "boleh gak sih asn dateng ke kampanye",
                     "apa kata Pj Gubernur Sulsel", "", "ASN di Medan"):
        assert not written_in_english(question), question
