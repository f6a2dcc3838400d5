"""Hybrid search: BM25 and dense retrieval, fused, with a calibrated `confident` flag.

Each retriever proposes its best candidates. Over their union, both scores are scaled
to [0, 1] (BM25 by its best score, cosine by min-max) and mixed with `dense_weight`.
Min-max scaling makes the best hit look perfect even for nonsense, so confidence is
computed from absolute evidence instead: how close the best vector really is, and how
much of the question's vocabulary (weighted by rarity) the best statements contain.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

import bm25s
import numpy as np

from index.config import SearchConfig
from index.retrieval.embedder import Embedder
from index.corpus.passages import Passage
from index.retrieval.store import StoredIndex
from index.retrieval.analyzer import Analyzer
from index.retrieval.who import name_words, passage_keys, question_keys

Mode = Literal["fused", "bm25", "dense"]

# "When" questions want a statement that names a date; neither retriever knows that, so
# dated statements get a small lift for them.
_ASKS_WHEN = re.compile(r"\b(kapan|tanggal berapa|hari apa|when)\b", re.IGNORECASE)
_HAS_DATE = re.compile(
    r"\b\d{1,2}\s+(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|"
    r"november|desember)\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.IGNORECASE)
DATE_LIFT = 0.2
# Likewise "how many" questions want a statement with a number other than a year.
_ASKS_NUMBER = re.compile(r"\b(berapa|jumlah|how many|how much)\b", re.IGNORECASE)
_HAS_NUMBER = re.compile(r"(?<![\d/])(?!(?:19|20)\d\d\b)\d{1,3}(?:[.,]\d+)?\b")
NUMBER_LIFT = 0.2
# Weight of the headline and the official's title against the statement's own words.
META_WEIGHT = 0.6
# An article's first statement is the reporter's summary of it ("MEDAN (ANTARA) - Pj
# Gubernur ... meminta ..."), rarely the official's own words: on the development pages
# it held the answer for 1 of 59 questions. It steps back, except for "when" questions:
# the lead is where a report dates the event.
LEAD_PENALTY = 0.3
# How far the fusion moves towards the dense score when all of a question's words are
# unknown to the corpus (in proportion for fewer).
UNKNOWN_SHIFT = 0.6
# Statements of a named official or region join the candidates, at most this many.
_MAX_NAMED = 200


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    dense: float
    lexical: float

    def to_json(self) -> dict:
        p = self.passage
        return {"id": p.id, "text": p.text, "score": round(self.score, 4),
                "official": {"name": p.official.name, "position": p.official.position},
                "source": {"outlet": p.source.outlet, "title": p.source.title,
                           "date": p.source.date, "url": p.source.url}}


@dataclass(frozen=True)
class Answer:
    question: str
    confident: bool
    confidence: float
    hits: list[Hit]

    def to_json(self, top_k: int | None = None) -> dict:
        return {"question": self.question, "confident": self.confident,
                "confidence": round(self.confidence, 4),
                "hits": [h.to_json() for h in self.hits[:top_k]]}


class Searcher:
    """Immutable once built; share one instance across threads and swap it on reindex."""

    def __init__(self, stored: StoredIndex, embedder: Embedder, analyzer: Analyzer,
                 config: SearchConfig) -> None:
        self.stored = stored
        self._embedder = embedder
        self._analyzer = analyzer
        self._config = config
        self._by_id = {p.id: p for p in stored.passages}
        self._dated = np.array([bool(_HAS_DATE.search(p.text)) for p in stored.passages])
        self._numbered = np.array([bool(_HAS_NUMBER.search(p.text)) for p in stored.passages])
        terms = [analyzer.terms(p.lexical_text()) for p in stored.passages]
        meta = [analyzer.terms(p.meta_text()) for p in stored.passages]
        self._term_sets = {p.id: set(t) | set(m) for p, t, m in zip(stored.passages, terms, meta)}
        self._idf = _idf([t + m for t, m in zip(terms, meta)])
        self._keys = [passage_keys(p) for p in stored.passages]
        self._names = name_words(stored.passages)
        self._lead = np.array([p.id.endswith(":0") for p in stored.passages])
        # A low length normalisation (b): a long statement that holds the answer should
        # not lose to a one-line aside that shares a word (tuned on the development sets).
        self._bm25, self._bm25_meta = bm25s.BM25(k1=1.2, b=0.3), bm25s.BM25(k1=1.2, b=0.3)
        if terms:
            self._bm25.index(terms, show_progress=False)
            self._bm25_meta.index([m or ["_"] for m in meta], show_progress=False)

    @property
    def passages(self) -> list[Passage]:
        return self.stored.passages

    def passage_by_id(self, passage_id: str) -> Passage | None:
        return self._by_id.get(passage_id)

    def search(self, question: str, limit: int | None = None, mode: Mode = "fused") -> Answer:
        return self.search_many([question], limit, mode)[0]

    def search_many(self, questions: list[str], limit: int | None = None,
                    mode: Mode = "fused") -> list[Answer]:
        """One batched embedding call for all questions, then rank each."""
        limit = limit or self._config.candidates
        query_vectors = self._embedder.queries(questions)
        return [self._rank(q, v, limit, mode) for q, v in zip(questions, query_vectors)]

    def _rank(self, question: str, query_vector: np.ndarray, limit: int, mode: Mode) -> Answer:
        if not self.passages:
            return Answer(question, False, 0.0, [])
        asked, who_words = question_keys(question, self._names)
        terms = self._analyzer.terms(question)
        # Names and places are matched through the statements' keys, not as words.
        topic = [t for t in terms if t not in set(self._analyzer.terms(" ".join(who_words)))] \
            if who_words else terms
        lexical = self._bm25_scores(topic)
        candidates = self._candidates(lexical, query_vector, asked)
        # Exact cosines for the union: FAISS proposed only its own candidates.
        dense = self.stored.vectors.reconstruct_batch(candidates) @ query_vector
        fused = self._fuse(lexical[candidates], dense, mode, self._unknown_share(topic))
        who = self._who(asked, candidates)
        if mode == "fused":
            fused = fused + self._config.who_weight * who
            if _ASKS_WHEN.search(question):  # the lead is where reports date the event
                fused = fused + DATE_LIFT * self._dated[candidates]
            else:
                fused = fused - LEAD_PENALTY * self._lead[candidates]
            if _ASKS_NUMBER.search(question):
                fused = fused + NUMBER_LIFT * self._numbered[candidates]
        ranked = np.argsort(-fused, kind="stable")[:limit]
        hits = [Hit(self.passages[candidates[r]], float(fused[r]), float(dense[r]),
                    float(lexical[candidates[r]])) for r in ranked]
        confidence = self._confidence(topic, hits[: self._config.top_k], bool(asked))
        return Answer(question, confidence >= self._config.min_confidence, confidence, hits)

    def _who(self, asked: frozenset[str], candidates: np.ndarray) -> np.ndarray:
        """Share of the officials, places and institutions the question names that each
        candidate's official matches."""
        if not asked:
            return np.zeros(len(candidates))
        return np.array([len(asked & self._keys[c]) / len(asked) for c in candidates])

    def _unknown_share(self, terms: list[str]) -> float:
        """Share of the question's words the corpus never uses: English or unusual
        wording that BM25 cannot read, so the dense retriever should lead."""
        unique = set(terms)
        return sum(t not in self._idf for t in unique) / len(unique) if unique else 1.0

    def _bm25_scores(self, terms: list[str]) -> np.ndarray:
        known = [t for t in terms if t in self._idf]
        if not known:
            return np.zeros(len(self.passages), dtype=np.float32)
        text = np.asarray(self._bm25.get_scores(known), dtype=np.float32)
        return text + META_WEIGHT * np.asarray(self._bm25_meta.get_scores(known), dtype=np.float32)

    def _candidates(self, lexical: np.ndarray, query_vector: np.ndarray,
                    asked: frozenset[str]) -> np.ndarray:
        k = min(self._config.candidates, len(self.passages))
        _, dense_ids = self.stored.vectors.search(query_vector[None, :], k)
        lexical_ids = np.argsort(-lexical, kind="stable")[:k]
        lexical_ids = lexical_ids[lexical[lexical_ids] > 0]
        named = [i for i, keys in enumerate(self._keys) if asked & keys][:_MAX_NAMED] if asked else []
        return np.unique(np.concatenate([dense_ids[0][dense_ids[0] >= 0], lexical_ids,
                                         np.asarray(named, dtype=np.int64)]))

    def _fuse(self, lexical: np.ndarray, dense: np.ndarray, mode: Mode,
              unknown: float = 0.0) -> np.ndarray:
        lexical_scaled = lexical / lexical.max() if lexical.max() > 0 else lexical * 0
        spread = dense.max() - dense.min()
        dense_scaled = (dense - dense.min()) / spread if spread > 0 else dense * 0 + 1
        if mode == "bm25":
            return lexical_scaled + 1e-3 * dense_scaled  # dense only breaks ties
        if mode == "dense":
            return dense_scaled
        w = self._config.dense_weight
        w = w + (1 - w) * unknown * UNKNOWN_SHIFT
        return w * dense_scaled + (1 - w) * lexical_scaled

    def _confidence(self, terms: list[str], top: list[Hit], named: bool) -> float:
        if not top:
            return 0.0
        floor, ceiling = self._config.dense_floor, self._config.dense_ceiling
        closeness = min(max((max(h.dense for h in top) - floor) / (ceiling - floor), 0.0), 1.0)
        coverage = max(self._coverage(terms, h.passage.id) for h in top) if terms else float(named)
        return 0.5 * closeness + 0.5 * coverage

    def _coverage(self, terms: list[str], passage_id: str) -> float:
        """Share of the question's rare-word weight that the passage contains. A word
        the corpus never uses weighs the most: it is what the question is about."""
        unique = set(terms)
        if not unique:
            return 0.0
        total = sum(self._idf.get(t, self._idf_unseen) for t in unique)
        present = self._term_sets[passage_id]
        return sum(self._idf[t] for t in unique if t in present) / total

    @property
    def _idf_unseen(self) -> float:
        return math.log(1 + (len(self.passages) + 0.5) / 0.5)


def _idf(documents: list[list[str]]) -> dict[str, float]:
    df = Counter(t for doc in documents for t in set(doc))
    n = len(documents)
    return {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
