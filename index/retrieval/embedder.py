"""Sentence embeddings, prefixes applied explicitly, on the configured backend.

E5-family models were trained with "query: " and "passage: " prefixes; the config names
them so that another model can drop or change them without code changes.

Backends (`embedding.backend`): `onnx` (ONNX Runtime, fp32 arithmetic, int8 word table:
the default), `onnx-int8` (every MatMul int8 as well) and `torch` (sentence-transformers,
the reference). Each is imported only when chosen: torch alone weighs 400-500 MB.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from index.config import IndexConfig


class Embedder:
    """Loads the model once; encode calls are thread-safe for inference."""

    def __init__(self, config: IndexConfig) -> None:
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        self.name = config.model_id
        self.backend = config.embedding.backend
        self._config = config.embedding
        threads = config.embedding.threads or os.cpu_count() or 1
        if self.backend == "torch":
            from index.retrieval.embed_torch import TorchBackend

            self._engine = TorchBackend(config, threads)
        else:
            from index.retrieval.embed_onnx import OnnxBackend

            self._engine = OnnxBackend(config, threads)
        self.dim = self._engine.dim

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self._config.query_prefix + t for t in texts], False)

    def passages(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        return self._encode([self._config.passage_prefix + t for t in texts], show_progress)

    def _encode(self, texts: list[str], show_progress: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._engine.encode(texts, show_progress)
