"""Near-duplicate articles and statements: the same text under another URL or outlet.

Syndicated news is copied with small edits: another dateline ("ANTARA -" becomes
"KOMPAS.com -"), a paragraph dropped or added, other page furniture. Exact hashes miss
those; word shingles (runs of three words) survive them. Each article gets a MinHash
signature of its shingles (datasketch, fixed seed, so signatures are the same in every
process), and a new article is compared against all known signatures at once:

- the MinHash agreement estimates the Jaccard similarity of the two shingle sets;
- from it and the set sizes follows the share of the new article found in the old one
  (containment), which catches a shortened copy whose Jaccard is low.

An article is a copy when either reaches the configured `duplicate_similarity`.

Answers use the same shingles, exactly, to never show one statement twice (`distinct`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 3
NUM_PERM = 128
_SEED = 1
_WORD = re.compile(r"\w+")
T = TypeVar("T")


def shingles(text: str) -> set[str]:
    """The text's runs of three words, case and punctuation ignored."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


@dataclass(frozen=True)
class Fingerprint:
    article_id: str
    size: int               # distinct shingles
    signature: np.ndarray   # NUM_PERM MinHash values


@dataclass(frozen=True)
class Match:
    article_id: str
    jaccard: float
    containment: float      # share of the new article's shingles in the known one

    @property
    def similarity(self) -> float:
        return max(self.jaccard, self.containment)


def fingerprint(article_id: str, text: str) -> Fingerprint:
    found = shingles(text)
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
    minhash.update_batch([s.encode("utf-8") for s in found])
    return Fingerprint(article_id, len(found), minhash.hashvalues.copy())


class DuplicateIndex:
    """Signatures of the known articles; `best_match` compares a new one with all of them in
    one vectorised step (N x 128 comparisons), so no candidate index is needed at this size."""

    def __init__(self, fingerprints: Iterable[Fingerprint] = ()) -> None:
        self._ids: list[str] = []
        self._sizes: list[int] = []
        self._rows: list[np.ndarray] = []
        for fp in fingerprints:
            self.add(fp)

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, fp: Fingerprint) -> None:
        if fp.size:
            self._ids.append(fp.article_id)
            self._sizes.append(fp.size)
            self._rows.append(fp.signature)

    def best_match(self, fp: Fingerprint) -> Match | None:
        if not self._rows or not fp.size:
            return None
        jaccard = (np.vstack(self._rows) == fp.signature).mean(axis=1)
        sizes = np.asarray(self._sizes, dtype=np.float64)
        # |A ∩ B| = J (|A| + |B|) / (1 + J), so the share of A inside B follows from J.
        containment = np.minimum(jaccard * (fp.size + sizes) / ((1 + jaccard) * fp.size), 1.0)
        best = int(np.argmax(np.maximum(jaccard, containment)))
        return Match(self._ids[best], float(jaccard[best]), float(containment[best]))


def distinct(items: Sequence[T], text_of: Callable[[T], str], threshold: float = 0.8) -> list[T]:
    """`items` in order, without any whose text repeats an earlier one: Jaccard of the
    shingles at least `threshold`, or the shorter text nearly all inside the longer."""
    kept: list[tuple[T, set[str]]] = []
    for item in items:
        mine = shingles(text_of(item))
        if not any(_same_statement(mine, theirs, threshold) for _, theirs in kept):
            kept.append((item, mine))
    return [item for item, _ in kept]


def _same_statement(a: set[str], b: set[str], threshold: float) -> bool:
    if not a or not b:
        return a == b
    common = len(a & b)
    jaccard = common / len(a | b)
    return jaccard >= threshold or common / min(len(a), len(b)) >= 0.9
