"""The lexical side of the index (BM25 over analysed terms, and each term's IDF), built
with the vectors and stored beside them.

Analysing text costs ~120 µs a passage (Sastrawi stemming, synonym phrases): two minutes
per million passages, and the per-passage term lists took gigabytes. Done once per build
and stored (bm25s's own numpy files, no pickle, memory-mapped on load), a million-passage
index loads in seconds. The stored index is used only while its fingerprint (the analyser's
code, the synonyms, bm25s's version) matches; otherwise the searcher analyses at load, as
it always could.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import inspect
import json
import logging
import math
from pathlib import Path

import bm25s
import numpy as np

from index.corpus.passages import Passage
from index.corpus import places as places_module
from index.retrieval import analyzer as analyzer_module
from index.retrieval import who as who_module
from index.retrieval.analyzer import Analyzer, phrasing, stems
from index.retrieval.who import indexed_keys, name_words

_FINGERPRINT = "fingerprint.json"
_IDF = "idf.json"
_WHO = "who.json"
_ARTICLES = "articles.npy"
# Raised when what is stored changes shape, so an index stored before is rebuilt.
_FORMAT = 3
log = logging.getLogger(__name__)


def fingerprint(synonyms: list[list[str]]) -> str:
    """Changes whenever the terms or the who-keys the code produces could change."""
    digest = hashlib.sha256(f"format {_FORMAT}".encode("ascii"))
    for module in (analyzer_module, who_module, places_module):
        digest.update(inspect.getsource(module).encode("utf-8"))
    digest.update(json.dumps(synonyms, ensure_ascii=False).encode("utf-8"))
    for package in ("bm25s", "indoNLP"):  # indoNLP: the phone spellings of stop words
        digest.update(importlib.metadata.version(package).encode("ascii"))
    return digest.hexdigest()


_META = "meta"
_PHRASING = "phrasing"


def _bm25() -> bm25s.BM25:
    # A low length normalisation (b): a long statement that holds the answer should not
    # lose to a one-line aside that shares a word (tuned on the development sets).
    return bm25s.BM25(k1=1.2, b=0.3)


class LexicalIndex:
    """BM25 over each statement, a second BM25 over its headline and official and a third
    over its exact phrasing (analyzer.phrasing: no synonyms, neighbouring words paired),
    both weighed apart by the searcher; IDF over the first two; which article each passage
    is from (a number per position); and who said what: the positions of the passages
    under each who-key (who.py) and the officials' name words."""

    def __init__(self, bm25: bm25s.BM25, meta_bm25: bm25s.BM25, phrasing_bm25: bm25s.BM25,
                 idf: dict[str, float], articles: np.ndarray, key_positions: dict[str, list[int]],
                 names: frozenset[str], fingerprint_: str) -> None:
        self.bm25 = bm25
        self.meta_bm25 = meta_bm25
        self.phrasing_bm25 = phrasing_bm25
        self.idf = idf
        self.articles = articles
        # Arrays: a tenth of the memory of lists of ints, and a search slices them for free.
        self.key_positions = {key: np.asarray(positions, dtype=np.int64)
                              for key, positions in key_positions.items()}
        self.names = names
        self.fingerprint = fingerprint_

    def passages_holding(self, term: str) -> np.ndarray:
        """Positions of the passages whose statement holds `term`: the term's column of
        bm25s's term-by-passage matrix, read in the time of the passages that hold it.
        `get_scores` per word would pass over every passage (at a million passages a
        search went from 11 to 28 ms that way)."""
        token = self.bm25.vocab_dict.get(term)
        if token is None:
            return np.zeros(0, dtype=np.int64)
        start, end = self.bm25.scores["indptr"][token:token + 2]
        return np.asarray(self.bm25.scores["indices"][start:end])

    @classmethod
    def build(cls, passages: list[Passage], analyzer: Analyzer, synonyms: list[list[str]]) -> LexicalIndex:
        terms = [_said(analyzer.terms(p.lexical_text()), analyzer.terms(_who_text(p))) for p in passages]
        meta = [analyzer.terms(p.meta_text()) for p in passages]
        bm25, meta_bm25, phrasing_bm25 = _bm25(), _bm25(), _bm25()
        if terms:
            bm25.index([t or ["_"] for t in terms], show_progress=False)
            meta_bm25.index([m or ["_"] for m in meta], show_progress=False)
            phrasing_bm25.index([phrasing(_said(stems(p.lexical_text()), stems(_who_text(p)))) or ["_"]
                                 for p in passages], show_progress=False)
        df: dict[str, int] = {}
        for doc, doc_meta in zip(terms, meta):
            for term in set(doc) | set(doc_meta):
                df[term] = df.get(term, 0) + 1
        key_positions: dict[str, list[int]] = {}
        for position, passage in enumerate(passages):
            for key in indexed_keys(passage):
                key_positions.setdefault(key, []).append(position)
        return cls(bm25, meta_bm25, phrasing_bm25, _idf(df, len(terms)), _article_numbers(passages),
                   key_positions, name_words(passages), fingerprint(synonyms))

    def write(self, folder: Path) -> None:
        if not self.idf:
            return  # nothing indexed: the searcher analyses an empty corpus in no time
        folder.mkdir()
        self.bm25.save(str(folder), show_progress=False)
        self.meta_bm25.save(str(folder / _META), show_progress=False)
        self.phrasing_bm25.save(str(folder / _PHRASING), show_progress=False)
        (folder / _IDF).write_text(json.dumps(self.idf, ensure_ascii=False))
        np.save(folder / _ARTICLES, self.articles, allow_pickle=False)
        keys = {key: positions.tolist() for key, positions in self.key_positions.items()}
        (folder / _WHO).write_text(json.dumps({"keys": keys, "names": sorted(self.names)},
                                              ensure_ascii=False))
        (folder / _FINGERPRINT).write_text(json.dumps({"fingerprint": self.fingerprint}))

    @classmethod
    def read(cls, folder: Path) -> LexicalIndex | None:
        """The stored index, or None when there is none or it cannot be read."""
        try:
            stored = json.loads((folder / _FINGERPRINT).read_text())["fingerprint"]
            bm25 = bm25s.BM25.load(str(folder), mmap=True, allow_pickle=False, show_progress=False)
            meta_bm25, phrasing_bm25 = (
                bm25s.BM25.load(str(folder / name), mmap=True, allow_pickle=False, show_progress=False)
                for name in (_META, _PHRASING))
            idf = json.loads((folder / _IDF).read_text())
            articles = np.load(folder / _ARTICLES, mmap_mode="r", allow_pickle=False)
            who = json.loads((folder / _WHO).read_text())
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.info("no usable stored BM25 index in %s (%s)", folder, exc)
            return None
        return cls(bm25, meta_bm25, phrasing_bm25, idf, articles, who["keys"], frozenset(who["names"]),
                   stored)


def _who_text(passage: Passage) -> str:
    return f"{passage.official.name} {passage.official.position}"


def _said(terms: list[str], who: list[str]) -> list[str]:
    """A statement's terms without its speaker's name and office ("Ketua Bawaslu Kabupaten
    Purbalingga Nurul Hidayah menyebut ..."): who said it is matched through the who-keys
    and the headline-and-official BM25; here only what was said counts."""
    own = set(who)
    return [t for t in terms if t not in own]


def _article_numbers(passages: list[Passage]) -> np.ndarray:
    """A number per passage naming its article (0, 1, ... in order of first appearance)."""
    numbers: dict[str, int] = {}
    return np.array([numbers.setdefault(p.article_id, len(numbers)) for p in passages], dtype=np.int32)


def _idf(df: dict[str, int], count: int) -> dict[str, float]:
    return {t: math.log(1 + (count - d + 0.5) / (d + 0.5)) for t, d in df.items()}
