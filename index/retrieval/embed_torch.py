"""The reference backend: sentence-transformers on torch (`embedding.backend: torch`).

Kept for models without an ONNX export and as the reference that the ONNX backends are
tested against. Importing torch costs 400-500 MB, so only this backend imports it.
"""

from __future__ import annotations

import ctypes
import gc
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch

from index.config import IndexConfig


class TorchBackend:
    def __init__(self, config: IndexConfig, threads: int) -> None:
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(threads)
        stored_fp16 = _stored_as_fp16(config.model_path)
        self._batch_size = config.embedding.batch_size
        self.model = SentenceTransformer(
            config.model_path, device="cpu",
            model_kwargs={"dtype": torch.float16} if stored_fp16 else None)
        self.dim = int(self.model.get_embedding_dimension())
        compact_word_embeddings(self.model)
        self.model.float()  # compute in fp32 (the int8 table is not a float and stays)

    def encode(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        vectors = self.model.encode(list(texts), batch_size=self._batch_size,
                                    normalize_embeddings=True, convert_to_numpy=True,
                                    show_progress_bar=show_progress)
        return np.ascontiguousarray(vectors, dtype=np.float32)


class Int8Embedding(torch.nn.Module):
    """An embedding table kept as int8 with one scale per row.

    Multilingual vocabularies are huge (250k rows for XLM-R's), so the table is most of
    the model's memory: 384 MB in fp32, 96 MB here. The shipped weights are 4-bit to begin
    with, so a row-wise int8 copy loses nothing that matters (cosine >= 0.9999, tested).
    """

    def __init__(self, weight: torch.Tensor) -> None:
        super().__init__()
        rows = []
        scales = []
        for chunk in weight.detach().split(16_384):  # bounded temporaries while converting
            scale = chunk.abs().amax(dim=1, keepdim=True).clamp(min=1e-12) / 127.0
            rows.append(torch.round(chunk / scale).to(torch.int8))
            scales.append(scale.to(torch.float32))
        self.register_buffer("rows", torch.cat(rows))
        self.register_buffer("scales", torch.cat(scales))

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        return self.rows[input_ids].to(torch.float32) * self.scales[input_ids]


def compact_word_embeddings(model) -> None:
    """Swap a transformer's word embeddings for an int8 copy and hand the freed memory
    back to the system (glibc keeps freed heap otherwise)."""
    backbone = getattr(model[0], "auto_model", None)
    embeddings = getattr(getattr(backbone, "embeddings", None), "word_embeddings", None)
    if not isinstance(embeddings, torch.nn.Embedding):
        return  # another architecture: leave it as it is
    backbone.embeddings.word_embeddings = Int8Embedding(embeddings.weight)
    del embeddings
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except OSError:  # not glibc: memory is returned as that allocator sees fit
        pass


def _stored_as_fp16(model_path: str) -> bool:
    """True when a local model's weights are stored as fp16 (our converted model is).
    Loading them as fp16 and widening after the embedding table is compacted avoids a
    transient fp32 copy of the whole model: start-up peaks ~300 MB lower."""
    weights = Path(model_path) / "model.safetensors"
    if not weights.is_file():
        return False
    with weights.open("rb") as handle:  # safetensors: u64 header size, then a JSON header
        header = json.loads(handle.read(int.from_bytes(handle.read(8), "little")))
    return {t["dtype"] for name, t in header.items() if name != "__metadata__"} == {"F16"}
