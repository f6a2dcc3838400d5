"""Export the sentence-transformers model to ONNX, for ONNX Runtime at run time.

Two graphs, both ending in mean pooling and L2 normalisation, so that run time needs only
onnxruntime, tokenizers and numpy (importing torch alone costs the bot 400-500 MB):

    model.onnx        fp32 arithmetic; the 250k-row word-embedding table stored as int8
                      with one fp32 scale per row (the same idea as the torch path's
                      `Int8Embedding`): 183 MB instead of 470, rankings unchanged
    model-int8.onnx   the same with every MatMul dynamically quantised to int8 (faster,
                      but it reorders close neighbours; `python -m index eval` decides)

Why torch.onnx.export (TorchScript, opset 17) and not optimum: every optimum-onnx release
requires transformers < 4.58, while the project pins sentence-transformers 6.2, which needs
transformers >= 5. The folder appears atomically with a marker naming its source, so set-up
skips a current export and redoes a stale or half-made one.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from index.files import replace_dir, write_json
from index.model.folder import package_version

# Bump whenever the exported graphs change, so that older exports are redone.
EXPORT_VERSION = 1
MARKER = "netral-onnx.json"
FP32, INT8 = "model.onnx", "model-int8.onnx"
_OPSET = 17
_WORD_TABLE = "embeddings.word_embeddings.weight"


def is_exported(model_path: str, dest: Path) -> bool:
    marker = _read_json(dest / MARKER)
    if not marker or marker.get("version") != EXPORT_VERSION:
        return False
    if marker.get("source") != _source_fingerprint(model_path):
        return False
    files = marker.get("files")
    return isinstance(files, dict) and bool(files) and all(
        (dest / name).is_file() and (dest / name).stat().st_size == size
        for name, size in files.items())


def export_onnx(model_path: str, dest: Path) -> Path:
    """Write `dest` (model.onnx, model-int8.onnx, tokenizer.json, marker); a no-op when
    it is already current for this model."""
    dest = Path(dest)
    if is_exported(model_path, dest):
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.tmp-", dir=dest.parent))
    try:
        _export_into(model_path, tmp)
        replace_dir(tmp, dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dest


def _export_into(model_path: str, out: Path) -> None:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_path, device="cpu")
    raw = out / "raw.onnx"
    _torch_export(model, raw)
    # The tokenizer exactly as sentence-transformers runs it (padding and truncation are
    # set per call at run time).
    (out / "tokenizer.json").write_text(model.tokenizer.backend_tokenizer.to_str(), encoding="utf-8")
    settings = {"max_length": int(model.max_seq_length), "dim": int(model.get_embedding_dimension())}
    del model
    _int8_word_table(raw, out / FP32)
    raw.unlink()
    _quantize_matmuls(out / FP32, out / INT8)
    write_json(out / "config.json", settings, indent=2)
    for path in [out, *out.iterdir()]:  # mkdtemp makes 0700; the export is shared
        path.chmod(0o755 if path.is_dir() else 0o644)
    files = {p.name: p.stat().st_size for p in sorted(out.iterdir()) if p.is_file()}
    write_json(out / MARKER, {"version": EXPORT_VERSION, "source": _source_fingerprint(model_path),
                              "torch": package_version("torch"),
                              "onnxruntime": package_version("onnxruntime"),
                              "files": files}, indent=2)


def _torch_export(model, path: Path) -> None:
    import torch

    class Pooled(torch.nn.Module):
        """Transformer -> mean over the attention mask -> L2 norm, as the e5 models pool."""

        def __init__(self, backbone: torch.nn.Module) -> None:
            super().__init__()
            self.backbone = backbone

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.backbone(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    backbone = model[0].auto_model.float().eval()
    dummy = torch.ones(2, 8, dtype=torch.long)
    axes = {"batch": 0, "tokens": 1}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # the legacy exporter's deprecation notice
        torch.onnx.export(
            Pooled(backbone).eval(), (dummy, dummy), str(path), dynamo=False,
            input_names=["input_ids", "attention_mask"], output_names=["embedding"],
            dynamic_axes={"input_ids": {v: k for k, v in axes.items()},
                          "attention_mask": {v: k for k, v in axes.items()},
                          "embedding": {0: "batch"}},
            opset_version=_OPSET, do_constant_folding=True)


def _int8_word_table(src: Path, dest: Path) -> None:
    """Replace Gather(fp32 table) by Gather(int8 rows) -> Cast -> Mul(Gather(row scales)).
    The shipped weights are 4-bit to begin with, so the row-wise int8 copy loses nothing
    that matters (cosine >= 0.9999 against fp32, tested)."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(src))
    graph = model.graph
    table = next(t for t in graph.initializer if t.name.endswith(_WORD_TABLE))
    weights = numpy_helper.to_array(table)
    scales = np.maximum(np.abs(weights).max(axis=1, keepdims=True), 1e-12) / 127.0
    rows = np.round(weights / scales).astype(np.int8)
    graph.initializer.remove(table)
    graph.initializer.extend([numpy_helper.from_array(rows, "word_rows_int8"),
                              numpy_helper.from_array(scales.astype(np.float32), "word_row_scales")])
    gather = next(n for n in graph.node if n.op_type == "Gather" and n.input[0] == table.name)
    ids, out = gather.input[1], gather.output[0]
    position = list(graph.node).index(gather)
    graph.node.remove(gather)
    new = [helper.make_node("Gather", ["word_rows_int8", ids], ["word_rows"], name="word_gather"),
           helper.make_node("Cast", ["word_rows"], ["word_rows_f32"], to=onnx.TensorProto.FLOAT,
                            name="word_cast"),
           helper.make_node("Gather", ["word_row_scales", ids], ["word_scales"], name="word_scale_gather"),
           helper.make_node("Mul", ["word_rows_f32", "word_scales"], [out], name="word_scale")]
    for offset, node in enumerate(new):
        graph.node.insert(position + offset, node)
    onnx.checker.check_model(model)
    onnx.save(model, str(dest))


def _quantize_matmuls(src: Path, dest: Path) -> None:
    """Dynamic int8 for the MatMuls only: the word table stays as above, and activations
    are quantised per batch at run time (hence the slight batch dependence)."""
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.WARNING)  # the quantiser logs every tensor at INFO on the root logger
    try:
        quantize_dynamic(str(src), str(dest), weight_type=QuantType.QInt8,
                         op_types_to_quantize=["MatMul"], per_channel=True)
    finally:
        root.setLevel(level)


def _source_fingerprint(model_path: str) -> dict[str, Any]:
    """What the export was made from: the conversion marker of a local folder (its digest
    and file sizes), else the hub name."""
    folder = Path(model_path)
    marker = _read_json(folder / "netral-conversion.json") if folder.is_dir() else None
    if marker:
        return {"model": folder.name, "source_sha256": marker.get("source_sha256"),
                "files": marker.get("files")}
    if folder.is_dir():
        weights = folder / "model.safetensors"
        return {"model": folder.name, "weights_size": weights.stat().st_size if weights.exists() else None}
    return {"model": model_path}


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None
