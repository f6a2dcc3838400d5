"""Sentence embeddings with sentence-transformers, prefixes applied explicitly.

E5-family models were trained with "query: " and "passage: " prefixes; the config names
them so that another model can drop or change them without code changes.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from index.config import IndexConfig


class Embedder:
    """Loads the model once; encode calls are thread-safe for inference."""

    def __init__(self, config: IndexConfig) -> None:
        # Imported here so that commands that never embed (stats, import) start fast.
        from sentence_transformers import SentenceTransformer

        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        self.name = config.model_id
        self._config = config.embedding
        self._model = SentenceTransformer(config.model_path, device="cpu")
        self.dim = int(self._model.get_embedding_dimension())

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self._config.query_prefix + t for t in texts], False)

    def passages(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        return self._encode([self._config.passage_prefix + t for t in texts], show_progress)

    def _encode(self, texts: list[str], show_progress: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(texts, batch_size=self._config.batch_size,
                                     normalize_embeddings=True, convert_to_numpy=True,
                                     show_progress_bar=show_progress)
        return np.ascontiguousarray(vectors, dtype=np.float32)
