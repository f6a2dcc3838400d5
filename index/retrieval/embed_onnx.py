"""ONNX Runtime backends (`embedding.backend: onnx` and `onnx-int8`): tokenizers, one
exported graph that already pools and normalises, and numpy. No torch at run time.

Texts are tokenised, sorted by length and cut into batches of similar length, so padding
costs little; a batch is also capped in padded tokens, which bounds the attention scratch
of long passages.

Threads: each run uses one thread, and `embedding.threads` batches run side by side. For
a build that scales with the cores (per CPU-second: 23 passages on one thread per run
against 20 with two threads inside one run); a single question loses nothing measurable
(p50 25 ms on one thread, 24 ms on two, under load).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from index.config import IndexConfig

GRAPHS = {"onnx": "model.onnx", "onnx-int8": "model-int8.onnx"}
_MAX_BATCH_TOKENS = 8192  # padded tokens per run: ~100 MB of attention scratch at 512


class OnnxMissing(FileNotFoundError):
    """The ONNX export has not been prepared."""


class OnnxBackend:
    def __init__(self, config: IndexConfig, threads: int) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        folder = config.onnx_dir
        graph = folder / GRAPHS[config.embedding.backend]
        if not graph.is_file() or not (folder / "tokenizer.json").is_file():
            raise OnnxMissing(f"no ONNX export at {folder}: run `python -m index model` "
                              "(or set embedding.backend: torch)")
        settings = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.dim = int(settings["dim"])
        self._batch_size = config.embedding.batch_size
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(int(settings["max_length"]))
        self._session = ort.InferenceSession(str(graph), _options(ort),
                                             providers=["CPUExecutionProvider"])
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="embed") if threads > 1 else None

    def encode(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        ids = [e.ids for e in self._tokenizer.encode_batch(list(texts))]
        out = np.empty((len(ids), self.dim), dtype=np.float32)
        batches = _batches(ids, self._batch_size)
        runs = (self._pool.map if self._pool and len(batches) > 1 else map)(
            lambda batch: self._run([ids[i] for i in batch]), batches)
        for batch, vectors in zip(batches, runs):
            out[batch] = vectors
        return out

    def _run(self, rows: list[list[int]]) -> np.ndarray:
        width = max(map(len, rows))
        input_ids = np.ones((len(rows), width), dtype=np.int64)  # padding id; masked out
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for n, row in enumerate(rows):
            input_ids[n, :len(row)] = row
            mask[n, :len(row)] = 1
        return self._session.run(None, {"input_ids": input_ids, "attention_mask": mask})[0]


def _batches(ids: list[list[int]], batch_size: int) -> list[list[int]]:
    """Indices of `ids` grouped by similar length, at most `batch_size` per group and
    `_MAX_BATCH_TOKENS` padded tokens."""
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    batches: list[list[int]] = []
    for i in order:
        width = len(ids[i])  # the longest so far, since the order is ascending
        if batches and len(batches[-1]) < batch_size and (len(batches[-1]) + 1) * width <= _MAX_BATCH_TOKENS:
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


def _options(ort):
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1  # parallel across batches instead (module docstring)
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Spinning keeps a core busy between runs, taking it from the event loop and FAISS;
    # a question at a time gains nothing from it.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options
