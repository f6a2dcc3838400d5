"""The vector index: a FAISS index of normalised vectors under stable int64 ids.

Kinds (`index.type`; `auto` picks flat up to `index.flat_max` passages, IVF beyond):

    flat  IndexIDMap2(IndexFlatIP): exact. A bare flat index renumbers what is left after
          a removal; the id map keeps ids stable and removes natively.
    ivf   IndexIVFFlat, ~4·sqrt(N) lists, `index.nprobe` searched per query. Removes
          natively by id; a hashtable direct map serves exact vectors by id. Loaded with
          mmap: it starts in milliseconds and touches only the lists it searches.
    hnsw  IndexIDMap2(IndexHNSWFlat), M 32, efConstruction 200 (FAISS's default of 40
          capped recall near 0.96 from 100k up). HNSW cannot remove ids, so removed ids
          are kept in a list and filtered with an ID selector at search time; once they
          make up `_COMPACT_SHARE` of the index, the next build compacts it.

Vectors are stored in fp32: the fused ranking needs exact cosines of its candidates, and
fp16/SQ8 storage would make those approximate (SQ8 kept recall@3 at only 0.95 at 1M).
"""

from __future__ import annotations

import math
from pathlib import Path

import faiss
import numpy as np

from index.config import VectorIndexConfig

KINDS = ("flat", "ivf", "hnsw")
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 200
_MIN_POINTS_PER_LIST = 39  # FAISS's k-means wants at least this many points per centroid
_TRAIN_POINTS_PER_LIST = 64  # a sample this size trains as well as all points, much faster
_COMPACT_SHARE = 0.2


def resolve_kind(settings: VectorIndexConfig, count: int) -> str:
    """The kind of index `settings` asks for at `count` passages."""
    if count == 0:
        return "flat"  # nothing to train IVF on or link HNSW with
    if settings.type != "auto":
        return settings.type
    return "flat" if count <= settings.flat_max else "ivf"


def ivf_lists(count: int) -> int:
    return max(1, min(round(4 * math.sqrt(count)), count // _MIN_POINTS_PER_LIST))


class VectorIndex:
    """One FAISS index of one kind; `deleted` holds the ids an HNSW index still carries."""

    def __init__(self, kind: str, index: faiss.Index, deleted: np.ndarray | None = None) -> None:
        self.kind = kind
        self.index = index
        self.deleted = np.unique(np.asarray(deleted if deleted is not None else [], dtype=np.int64))
        self._selector = None
        self._refresh_selector()

    @classmethod
    def build(cls, kind: str, vectors: np.ndarray, ids: np.ndarray) -> VectorIndex:
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        dim = vectors.shape[1]
        if kind == "flat":
            index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        elif kind == "hnsw":
            graph = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            graph.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            index = faiss.IndexIDMap2(graph)
        elif kind == "ivf":
            index = _trained_ivf(vectors)
        else:
            raise ValueError(f"unknown index kind {kind!r}")
        built = cls(kind, index)
        built.add(vectors, ids)
        return built

    @classmethod
    def read(cls, folder: Path, kind: str, mmap: bool) -> VectorIndex:
        # mmap pays off for IVF only: flat and HNSW read everything anyway, or stall on a
        # cold cache. A memory-mapped index is read-only; builds load a private copy.
        flags = faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY if mmap and kind == "ivf" else 0
        index = faiss.read_index(str(folder / "vectors.faiss"), flags)
        deleted_path = folder / "deleted.npy"
        deleted = np.load(deleted_path, allow_pickle=False) if deleted_path.exists() else None
        return cls(kind, index, deleted)

    def write(self, folder: Path) -> None:
        faiss.write_index(self.index, str(folder / "vectors.faiss"))
        if self.kind == "hnsw":
            np.save(folder / "deleted.npy", self.deleted, allow_pickle=False)

    @property
    def live(self) -> int:
        return int(self.index.ntotal) - len(self.deleted)

    def add(self, vectors: np.ndarray, ids: np.ndarray) -> None:
        if len(ids):
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32),
                                    np.ascontiguousarray(ids, dtype=np.int64))

    def remove(self, ids: np.ndarray) -> None:
        ids = np.asarray(ids, dtype=np.int64)
        if not len(ids):
            return
        if self.kind == "hnsw":
            self.deleted = np.union1d(self.deleted, ids)
            self._refresh_selector()
        else:  # IVF's hashtable direct map removes by an explicit array only
            self.index.remove_ids(faiss.IDSelectorArray(ids))

    def needs_rebuild(self, count: int) -> bool:
        """True when updating in place would serve worse than building anew: HNSW carries
        too many removed nodes, or IVF's lists no longer suit the passage count."""
        if self.kind == "hnsw":
            return len(self.deleted) > _COMPACT_SHARE * max(self.index.ntotal, 1)
        if self.kind == "ivf":
            current, wanted = faiss.extract_index_ivf(self.index).nlist, ivf_lists(count)
            return max(current, wanted) > 2 * min(current, wanted)
        return False

    def search(self, query: np.ndarray, k: int, settings: VectorIndexConfig) -> np.ndarray:
        """Ids of the `k` nearest vectors (fewer when the index holds fewer)."""
        # OpenMP's thread count is per calling thread, so it is set where the search runs.
        faiss.omp_set_num_threads(settings.threads)
        _, labels = self.index.search(np.ascontiguousarray(query[None, :], dtype=np.float32), k,
                                      params=self._params(settings, k))
        return labels[0][labels[0] >= 0]

    def reconstruct(self, ids: np.ndarray) -> np.ndarray:
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        if not len(ids):
            return np.zeros((0, self.index.d), dtype=np.float32)
        return self.index.reconstruct_batch(ids)

    def _params(self, settings: VectorIndexConfig, k: int):
        if self.kind == "ivf":
            return faiss.SearchParametersIVF(nprobe=settings.nprobe)
        if self.kind == "hnsw":
            params = faiss.SearchParametersHNSW(efSearch=max(settings.ef_search, k))
            if self._selector is not None:
                params.sel = self._selector[1]
            return params
        return None

    def _refresh_selector(self) -> None:
        # SWIG objects pointing at each other: keep both alive as long as the index.
        if len(self.deleted):
            batch = faiss.IDSelectorBatch(self.deleted)
            self._selector = (batch, faiss.IDSelectorNot(batch))
        else:
            self._selector = None


def _trained_ivf(vectors: np.ndarray) -> faiss.Index:
    dim = vectors.shape[1]
    lists = ivf_lists(len(vectors))
    quantizer = faiss.IndexFlatIP(dim)
    ivf = faiss.IndexIVFFlat(quantizer, dim, lists, faiss.METRIC_INNER_PRODUCT)
    sample = vectors
    if len(vectors) > lists * _TRAIN_POINTS_PER_LIST:
        rng = np.random.default_rng(0)  # reproducible builds
        sample = vectors[np.sort(rng.choice(len(vectors), lists * _TRAIN_POINTS_PER_LIST, replace=False))]
    ivf.cp.max_points_per_centroid = _TRAIN_POINTS_PER_LIST
    ivf.train(sample)
    ivf.set_direct_map_type(faiss.DirectMap.Hashtable)
    return ivf
