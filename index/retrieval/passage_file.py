"""Passages on disk as JSON lines, read on demand through a memory map.

    passages.jsonl      one passage per line (JSON), in index order
    passages.offsets.npy  int64 byte offsets of the lines, N + 1 of them
    passages.keys.npy   int64 digests of the passage ids, sorted, then their positions

Parsing a million passages into Python objects took ~18 s and ~1.8 GB; a search needs a
few dozen of them. So the list is a `Sequence` that decodes a passage when it is asked for,
and finds one by id through a sorted array of id digests (verified against the passage).
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from index.corpus.passages import Passage

LINES, OFFSETS, KEYS = "passages.jsonl", "passages.offsets.npy", "passages.keys.npy"


def write_passages(folder: Path, passages: Sequence[Passage]) -> None:
    offsets = np.zeros(len(passages) + 1, dtype=np.int64)
    with open(folder / LINES, "wb") as handle:
        for n, passage in enumerate(passages):
            line = json.dumps(passage.to_json(), ensure_ascii=False).encode("utf-8") + b"\n"
            handle.write(line)
            offsets[n + 1] = offsets[n] + len(line)
        handle.flush()
        os.fsync(handle.fileno())
    keys = np.array([_key(p.id) for p in passages], dtype=np.int64)
    order = np.argsort(keys, kind="stable")
    np.save(folder / OFFSETS, offsets, allow_pickle=False)
    np.save(folder / KEYS, np.stack([keys[order], order]) if len(keys) else np.zeros((2, 0), np.int64),
            allow_pickle=False)


class PassageList(Sequence[Passage]):
    """Read-only, thread-safe; holds the file mapped, not parsed."""

    def __init__(self, folder: Path) -> None:
        self._offsets = np.load(folder / OFFSETS, allow_pickle=False)
        self._keys, self._order = np.load(folder / KEYS, allow_pickle=False)
        size = (folder / LINES).stat().st_size
        if int(self._offsets[-1]) != size or len(self._keys) != len(self._offsets) - 1:
            raise ValueError(f"{folder / LINES} does not match its offsets")
        with open(folder / LINES, "rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if size else b""

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = int(index)
        if n < 0:
            n += len(self)
        if not 0 <= n < len(self):
            raise IndexError(index)
        line = self._map[self._offsets[n]:self._offsets[n + 1]]
        return Passage.from_json(json.loads(line))

    def __iter__(self) -> Iterator[Passage]:
        for n in range(len(self)):
            yield self[n]

    def position(self, passage_id: str) -> int | None:
        key = _key(passage_id)
        at = int(np.searchsorted(self._keys, key))
        while at < len(self._keys) and self._keys[at] == key:  # a digest collision is possible
            candidate = int(self._order[at])
            if self[candidate].id == passage_id:
                return candidate
            at += 1
        return None


def _key(passage_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(passage_id.encode("utf-8"), digest_size=8).digest(),
                          "little", signed=True)
