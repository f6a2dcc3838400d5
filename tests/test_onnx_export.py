"""The ONNX export made by `python -m index model`: complete, shared-readable, recognised as
current, redone when its source or files change, and a no-op the second time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import onnx

from tests.support import REPO
from index.model.onnx_export import FP32, INT8, MARKER, is_exported


def test_the_prepared_export_is_current_and_readable(base_config):
    folder = base_config.onnx_dir
    assert is_exported(base_config.model_path, folder)
    for name in (FP32, INT8, "tokenizer.json", "config.json", MARKER):
        assert (folder / name).stat().st_mode & 0o444 == 0o444, name
    graph = onnx.load(str(folder / FP32), load_external_data=False).graph
    tables = {t.name: t.data_type for t in graph.initializer if t.name.startswith("word_")}
    assert tables == {"word_rows_int8": onnx.TensorProto.INT8,
                      "word_row_scales": onnx.TensorProto.FLOAT}
    assert [o.name for o in graph.output] == ["embedding"]


def test_a_stale_or_damaged_export_is_not_current(base_config, tmp_path):
    copy = tmp_path / "export"
    shutil.copytree(base_config.onnx_dir, copy)
    assert is_exported(base_config.model_path, copy)
    marker = json.loads((copy / MARKER).read_text())
    (copy / MARKER).write_text(json.dumps({**marker, "source": {"model": "another"}}))
    assert not is_exported(base_config.model_path, copy)
    (copy / MARKER).write_text(json.dumps(marker))
    with open(copy / INT8, "r+b") as handle:
        handle.truncate(1000)
    assert not is_exported(base_config.model_path, copy)
    assert not is_exported(base_config.model_path, tmp_path / "missing")


def test_index_model_twice_does_nothing_the_second_time(base_config):
    before = {p.name: p.stat().st_mtime_ns for p in base_config.onnx_dir.iterdir()}
    result = subprocess.run([sys.executable, "-m", "index", "model"], cwd=REPO, capture_output=True,
                            text=True, timeout=300, env={**os.environ})
    assert result.returncode == 0, result.stderr
    assert "ONNX export ready" in result.stdout
    assert {p.name: p.stat().st_mtime_ns for p in base_config.onnx_dir.iterdir()} == before
