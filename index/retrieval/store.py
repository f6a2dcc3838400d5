"""The index on disk: passages (JSON), vectors (FAISS) and a manifest, swapped atomically.

Layout under the index directory:

    builds/<build-id>/manifest.json   what was built, with which model, from which corpus
    builds/<build-id>/passages.json   the attributed statements, in vector order
    builds/<build-id>/vectors.faiss   inner-product FAISS index of normalised vectors
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
from dataclasses import asdict, dataclass
from pathlib import Path

import faiss
import numpy as np

from index.corpus.passages import Passage
from index.files import write_json

FORMAT_VERSION = 1
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

    def matches(self, model: str, corpus_hash: str) -> bool:
        return (self.format == FORMAT_VERSION and self.model == model
                and self.corpus_hash == corpus_hash)


@dataclass(frozen=True)
class StoredIndex:
    manifest: Manifest
    passages: list[Passage]
    vectors: faiss.Index

    def all_vectors(self) -> np.ndarray:
        return self.vectors.reconstruct_n(0, self.vectors.ntotal)


def save_index(index_dir: Path, manifest: Manifest, passages: list[Passage],
               vectors: np.ndarray) -> Path:
    if len(passages) != len(vectors) or manifest.passage_count != len(passages):
        raise ValueError("passages, vectors and manifest disagree on the passage count")
    builds = index_dir / _BUILDS
    builds.mkdir(parents=True, exist_ok=True)
    build = builds / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    tmp = builds / f".{build.name}.tmp"
    tmp.mkdir()
    try:
        flat = faiss.IndexFlatIP(manifest.dim)
        if len(vectors):
            flat.add(np.ascontiguousarray(vectors, dtype=np.float32))
        faiss.write_index(flat, str(tmp / "vectors.faiss"))
        write_json(tmp / "passages.json", [p.to_json() for p in passages])
        write_json(tmp / "manifest.json", asdict(manifest))  # last: marks the build complete
        os.replace(tmp, build)
        previous = (index_dir / _CURRENT).resolve() if (index_dir / _CURRENT).exists() else None
        _point_current(index_dir, build)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _remove_old_builds(builds, keep={build.resolve(), previous})
    return build


def load_index(index_dir: Path) -> StoredIndex:
    current = index_dir / _CURRENT
    if not current.exists():
        raise IndexMissing(f"no index in {index_dir}; run `python -m index build`")
    try:
        manifest = read_manifest(index_dir)
        passages = [Passage.from_json(p) for p in _read_json(current / "passages.json")]
        vectors = faiss.read_index(str(current / "vectors.faiss"))
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexCorrupt(f"index in {index_dir} is unreadable ({exc}); "
                           "rebuild it with `python -m index build`") from exc
    if vectors.ntotal != len(passages) or manifest.passage_count != len(passages):
        raise IndexCorrupt(f"index in {index_dir} is inconsistent: {vectors.ntotal} vectors, "
                           f"{len(passages)} passages; rebuild it with `python -m index build`")
    return StoredIndex(manifest, passages, vectors)


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


def _read_json(path: Path):
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
