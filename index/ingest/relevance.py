"""Is a new article about what the corpus is about? Judged from the corpus itself.

Two signals, both learned from the articles already indexed rather than from a hand-kept
keyword list:

- dense: the cosine between the article's mean statement vector and the corpus's (the same
  multilingual-e5 vectors the index holds). Vote counts, debates, civil-servant pay and
  disasters all sit near the corpus, but measurably less near than statements on neutrality;
- lexical: which of the corpus's key terms (the stemmed words most of its articles share,
  e.g. asn, netralitas, pilkada, politik, libat) the article uses, weighted by how many
  corpus articles use them.

Each is mapped to [0, 1] and averaged. That raw score drifts with the corpus: a larger,
more focused corpus has fewer, sharper key terms and a tighter centre, so every article
scores higher. It drifts with the article too: a three-paragraph report holds fewer key
terms than a long one, and the mean of fewer vectors sits further from the centre. The
score is therefore expressed relative to the corpus's own articles cut to the same number
of statements: each sample article, so cut, is scored against the rest of the corpus (leave
one out) and the median is the reference. An article is relevant when it reaches
`min_relevance` times that reference (0.56 by default, measured with `python -m index
relevance`, which also judges the pages cut to their first paragraphs).
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from index.config import IndexConfig
from index.corpus.article import Article
from index.corpus.passages import Passage, article_passages
from index.retrieval.analyzer import Analyzer
from index.retrieval.embedder import Embedder

DENSE_RANGE = (0.86, 0.96)     # cosine of mean vectors: off-topic news ~0.86-0.92, on-topic 0.92+
LEXICAL_RANGE = (0.10, 0.50)   # weighted share of the key terms present
KEY_TERMS = 30
REFERENCE_SAMPLE = 50          # leave-one-out scores computed for at most this many articles
JUDGED_PASSAGES = 16           # an article's first statements say what it is about


@dataclass(frozen=True)
class Relevance:
    score: float     # 1.0: as on-topic as the corpus's median article of the same length
    dense: float
    lexical: float
    relevant: bool
    embedded: bool = True  # False: the key terms alone ruled it out, so it was not embedded

    def describe(self) -> str:
        if not self.embedded:
            return f"relevance below {self.score:.2f} (key terms {self.lexical:.2f})"
        return f"relevance {self.score:.2f} (dense {self.dense:.3f}, key terms {self.lexical:.2f})"


@dataclass(frozen=True)
class _Profile:
    rows: np.ndarray            # its statements' rows in the vectors, in order
    first_seen: dict[str, int]  # each term and the statement it first appears in (title: 0)

    def terms(self, statements: int | None = None) -> set[str]:
        """The terms of the title and of the first `statements` statements (all: None)."""
        return {t for t, n in self.first_seen.items() if statements is None or n < statements}


class RelevanceModel:
    """Built from the indexed passages and their vectors; immutable afterwards."""

    def __init__(self, passages: list[Passage], vectors: np.ndarray, analyzer: Analyzer,
                 embedder: Embedder, min_relevance: float) -> None:
        self._analyzer = analyzer
        self._embedder = embedder
        self._min = min_relevance
        self._vectors = vectors
        self._articles = _profiles(passages, analyzer)
        self._sum = vectors.sum(axis=0) if len(passages) else None
        self._count = len(passages)
        self._df = Counter(t for p in self._articles.values() for t in p.terms())
        self._key = _key_terms(self._df, len(self._articles))
        self._references = self._median_self_scores()

    @classmethod
    def of_corpus(cls, config: IndexConfig, embedder: Embedder, passages: list[Passage],
                  vectors: np.ndarray) -> RelevanceModel:
        """The model for the indexed corpus, with the configured threshold."""
        return cls(passages, vectors, Analyzer(config.synonyms), embedder,
                   config.feeds.min_relevance)

    @property
    def key_terms(self) -> list[str]:
        return sorted(self._key, key=lambda t: (-self._key[t], t))

    def judge(self, article: Article, embedded: dict[str, np.ndarray] | None = None) -> Relevance:
        """How relevant `article` is. The statement vectors it computes are added to
        `embedded` (by dense text), so indexing the article later need not embed them again."""
        passages = article_passages(article)[:JUDGED_PASSAGES]
        if self._references is None or not passages:
            # Too small a corpus to learn from (or an article with no statement).
            return Relevance(1.0 if passages else 0.0, 0.0, 0.0, bool(passages))
        reference = self._references[len(passages) - 1]
        terms = set(self._analyzer.terms(" ".join([article.title, *(p.text for p in passages)])))
        lexical = _lexical(terms, self._key)
        ceiling = _raw(DENSE_RANGE[1], lexical) / reference
        if ceiling < self._min:  # even the closest vector could not make it relevant
            return Relevance(ceiling, 0.0, lexical, False, embedded=False)
        texts = [p.dense_text() for p in passages]
        vectors = self._embedder.passages(texts)
        if embedded is not None:
            embedded.update(zip(texts, vectors))
        dense = _dense(vectors.sum(axis=0), self._sum / self._count)
        score = _raw(dense, lexical) / reference
        return Relevance(score, dense, lexical, score >= self._min)

    def _median_self_scores(self) -> list[float] | None:
        """For each length from 1 to JUDGED_PASSAGES statements, the median raw score of the
        corpus's articles cut to that length."""
        ids = sorted(self._articles)
        if len(ids) < 2:
            return None
        step = max(1, len(ids) // REFERENCE_SAMPLE)
        scores = np.array([self._left_out_scores(ids[i]) for i in range(0, len(ids), step)])
        return [max(float(median), 0.05) for median in np.median(scores, axis=0)]

    def _left_out_scores(self, article_id: str) -> list[float]:
        """The article's raw score at each length, against the corpus without it."""
        own = self._articles[article_id]
        rest = (self._sum - self._vectors[own.rows].sum(axis=0)) / max(self._count - len(own.rows), 1)
        df = self._df.copy()
        df.subtract(own.terms())
        key = _key_terms(+df, len(self._articles) - 1)
        return [_raw(_dense(self._vectors[own.rows[:n]].sum(axis=0), rest), _lexical(own.terms(n), key))
                for n in range(1, JUDGED_PASSAGES + 1)]


def _profiles(passages: list[Passage], analyzer: Analyzer) -> dict[str, _Profile]:
    rows: dict[str, list[int]] = defaultdict(list)
    for i, passage in enumerate(passages):
        rows[passage.article_id].append(i)
    profiles = {}
    for article_id, article_rows in rows.items():
        first_seen: dict[str, int] = {}
        texts = [passages[article_rows[0]].source.title] + [passages[i].text for i in article_rows]
        for n, text in enumerate(texts):
            for term in analyzer.terms(text):
                first_seen.setdefault(term, max(n - 1, 0))
        profiles[article_id] = _Profile(np.array(article_rows), first_seen)
    return profiles


def _key_terms(df: Counter[str], articles: int) -> dict[str, float]:
    """The terms most corpus articles use, with the share of articles using them. Numbers
    (years, dates) are shared by all news and say nothing about the topic."""
    words = ((t, n) for t, n in df.items() if not t.isdigit())
    top = heapq.nlargest(KEY_TERMS, words, key=lambda item: (item[1], item[0]))
    return {t: n / max(articles, 1) for t, n in top}


def _dense(vector_sum: np.ndarray, centre: np.ndarray) -> float:
    """Cosine between an article's mean statement vector and the corpus's."""
    mean = vector_sum / max(np.linalg.norm(vector_sum), 1e-12)
    return float(mean @ (centre / max(np.linalg.norm(centre), 1e-12)))


def _lexical(terms: set[str], key: dict[str, float]) -> float:
    """Share of the key terms' weight that the article's terms cover."""
    total = sum(key.values())
    return sum(w for t, w in key.items() if t in terms) / total if total else 0.0


def _raw(dense: float, lexical: float) -> float:
    return 0.5 * _scale(dense, DENSE_RANGE) + 0.5 * _scale(lexical, LEXICAL_RANGE)


def _scale(value: float, bounds: tuple[float, float]) -> float:
    low, high = bounds
    return min(max((value - low) / (high - low), 0.0), 1.0)
