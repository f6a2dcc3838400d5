"""The index on disk: passages (JSON), vectors (FAISS) and a manifest, swapped atomically.

Layout under the index directory:

    builds/<build-id>/manifest.json   what was built, with which model, from which corpus
    builds/<build-id>/passages.*      the attributed statements, read on demand (passage_file.py)
    builds/<build-id>/ids.npy         each passage's vector id (int64, passage order)
    builds/<build-id>/vectors.faiss   the vector index under those ids (see vectors.py)
    builds/<build-id>/deleted.npy     HNSW only: removed ids it still holds
    builds/<build-id>/lexical/        BM25 over the analysed passages (see lexical.py)
    current -> builds/<build-id>      a symlink, replaced in one rename

A build is written completely into its own directory before `current` points at it, so
readers see the old index or the new one, never a mixture; a crash mid-build leaves only
an orphan directory, which the next save removes. Nothing is loaded with pickle.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from index.config import VectorIndexConfig
from index.corpus.passages import Passage
from index.files import write_json
from index.retrieval.lexical import LexicalIndex
from index.retrieval.passage_file import LINES, PassageList, write_passages
from index.retrieval.vectors import KINDS, VectorIndex

# 2: stable vector ids (ids.npy) and index kinds. A format-1 index still loads (its ids
# are its positions), so its vectors are reused when it is rebuilt.
FORMAT_VERSION = 2
_CURRENT = "current"
_BUILDS = "builds"


class IndexMissing(FileNotFoundError):
    """No index has been built in this directory yet."""


class IndexCorrupt(RuntimeError):
    """The index files exist but cannot be read; rebuild with `python -m index build`."""


@dataclass(frozen=True)
class Manifest:
    format: int
    model: str
    dim: int
    corpus_hash: str
    passage_count: int
    article_count: int
    built_at: float
    build_seconds: float
    backend: str = "torch"  # indexes built before backends were configurable used torch
    index_type: str = "flat"
    lexical: str = ""  # the BM25 analysis's fingerprint (lexical.fingerprint)

    def matches(self, model: str, backend: str, corpus_hash: str, index_type: str,
                lexical: str) -> bool:
        """Current for this model, backend, corpus, kind of index and text analysis? Vectors
        from another backend differ slightly, so a backend change rebuilds, like a model
        change; a changed analysis rebuilds the BM25 once (the vectors are kept) instead of
        re-analysing every passage at each start."""
        return (self.format == FORMAT_VERSION and self.model == model and self.backend == backend
                and self.corpus_hash == corpus_hash and self.index_type == index_type
                and self.lexical == lexical)


class StoredIndex:
    """Passages and their vector index; maps the index's ids to passage positions."""

    def __init__(self, manifest: Manifest, passages: Sequence[Passage], vectors: VectorIndex,
                 ids: np.ndarray, settings: VectorIndexConfig | None = None,
                 lexical: LexicalIndex | None = None) -> None:
        self.manifest = manifest
        self.lexical = lexical
        self.passages = passages
        self.vectors = vectors
        self.ids = np.asarray(ids, dtype=np.int64)
        self.settings = settings or VectorIndexConfig()
        self._order = np.argsort(self.ids, kind="stable")
        self._sorted_ids = self.ids[self._order]
        self._by_id: dict[str, Passage] | None = None  # for passages held as a plain list

    def passage_by_id(self, passage_id: str) -> Passage | None:
        if isinstance(self.passages, PassageList):
            position = self.passages.position(passage_id)
            return None if position is None else self.passages[position]
        if self._by_id is None:
            self._by_id = {p.id: p for p in self.passages}
        return self._by_id.get(passage_id)

    def nearest(self, query: np.ndarray, k: int) -> np.ndarray:
        """Positions (in `passages`) of the `k` passages whose vectors are nearest."""
        found = self.vectors.search(query, k, self.settings)
        if not len(self._sorted_ids):
            return np.zeros(0, dtype=np.int64)
        at = np.minimum(np.searchsorted(self._sorted_ids, found), len(self._sorted_ids) - 1)
        return self._order[at[self._sorted_ids[at] == found]]

    def vectors_at(self, positions: np.ndarray) -> np.ndarray:
        return self.vectors.reconstruct(self.ids[positions])

    def all_vectors(self) -> np.ndarray:
        return self.vectors.reconstruct(self.ids)

    @property
    def next_id(self) -> int:
        """The first id never used by this index (HNSW still holds removed ones)."""
        used = np.concatenate([self.ids, self.vectors.deleted])
        return int(used.max()) + 1 if len(used) else 0


def save_index(index_dir: Path, manifest: Manifest, passages: Sequence[Passage],
               vectors: np.ndarray | VectorIndex, ids: np.ndarray | None = None,
               lexical: LexicalIndex | None = None) -> Path:
    """Write a complete build and point `current` at it. `vectors` is a built
    `VectorIndex` under `ids`, or a matrix in passage order (ids = positions, indexed as
    the manifest's `index_type`)."""
    if ids is None:
        ids = np.arange(len(passages), dtype=np.int64)
    if isinstance(vectors, np.ndarray):
        if len(vectors) != len(passages):
            raise ValueError("passages and vectors disagree on the passage count")
        vectors = VectorIndex.build(manifest.index_type, _matrix(vectors, manifest.dim), ids)
    if (vectors.live != len(passages) or len(ids) != len(passages)
            or manifest.passage_count != len(passages)):
        raise ValueError("passages, vectors and manifest disagree on the passage count")
    builds = index_dir / _BUILDS
    builds.mkdir(parents=True, exist_ok=True)
    build = builds / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    tmp = builds / f".{build.name}.tmp"
    tmp.mkdir()
    try:
        vectors.write(tmp)
        if lexical is not None:
            lexical.write(tmp / "lexical")
        np.save(tmp / "ids.npy", np.asarray(ids, dtype=np.int64), allow_pickle=False)
        write_passages(tmp, passages)
        write_json(tmp / "manifest.json", asdict(manifest))  # last: marks the build complete
        os.replace(tmp, build)
        previous = (index_dir / _CURRENT).resolve() if (index_dir / _CURRENT).exists() else None
        _point_current(index_dir, build)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _remove_old_builds(builds, keep={build.resolve(), previous})
    return build


def load_index(index_dir: Path, settings: VectorIndexConfig | None = None,
               mmap: bool = True) -> StoredIndex:
    """The current build. `settings` tune searches (nprobe, efSearch, threads); `mmap`
    maps an IVF index instead of reading it (builds that change the index pass False)."""
    current = index_dir / _CURRENT
    if not current.exists():
        raise IndexMissing(f"no index in {index_dir}; run `python -m index build`")
    try:
        manifest = read_manifest(index_dir)
        if manifest.index_type not in KINDS:
            raise ValueError(f"unknown index type {manifest.index_type!r}")
        passages = _read_passages(current)
        vectors = VectorIndex.read(current.resolve(), manifest.index_type, mmap)
        ids = (np.load(current / "ids.npy", allow_pickle=False) if manifest.format > 1
               else np.arange(len(passages), dtype=np.int64))  # format 1: ids are positions
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexCorrupt(f"index in {index_dir} is unreadable ({exc}); "
                           "rebuild it with `python -m index build`") from exc
    if (vectors.live != len(passages) or len(ids) != len(passages)
            or manifest.passage_count != len(passages)):
        raise IndexCorrupt(f"index in {index_dir} is inconsistent: {vectors.live} vectors, "
                           f"{len(passages)} passages; rebuild it with `python -m index build`")
    lexical = LexicalIndex.read(current / "lexical")
    return StoredIndex(manifest, passages, vectors, ids, settings, lexical)


def read_manifest(index_dir: Path) -> Manifest:
    current = index_dir / _CURRENT
    if not current.exists():
        raise IndexMissing(f"no index in {index_dir}")
    try:
        return Manifest(**_read_json(current / "manifest.json"))
    except (OSError, ValueError, TypeError) as exc:
        raise IndexCorrupt(f"index manifest in {index_dir} is unreadable ({exc})") from exc


def _point_current(index_dir: Path, build: Path) -> None:
    link = index_dir / f".{_CURRENT}.{uuid.uuid4().hex[:8]}"
    os.symlink(Path(_BUILDS) / build.name, link)
    os.replace(link, index_dir / _CURRENT)


def _remove_old_builds(builds: Path, keep: set[Path | None]) -> None:
    """Keep the previous build too: another process may still be reading it. Leftovers
    of crashed builds go once they are old enough not to be a build in progress."""
    for old in builds.iterdir():
        in_progress = old.name.startswith(".") and time.time() - old.stat().st_mtime < 3600
        if old.resolve() not in keep and not in_progress:
            shutil.rmtree(old, ignore_errors=True)


def _read_passages(build: Path) -> Sequence[Passage]:
    if (build / LINES).exists():
        return PassageList(build)
    # builds from before passages were read on demand
    return [Passage.from_json(p) for p in _read_json(build / "passages.json")]


def _matrix(vectors: np.ndarray, dim: int) -> np.ndarray:
    return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(vectors), dim)


def _read_json(path: Path):
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
