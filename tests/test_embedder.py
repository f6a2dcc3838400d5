"""The embedder: ONNX Runtime agrees with sentence-transformers, prefixes are applied, the
torch path's int8 word embeddings change nothing that matters, and a missing export fails
clearly."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import yaml
from sentence_transformers import SentenceTransformer

from tests.support import REPO
from index.corpus.loader import load_corpus
from index.retrieval.embedder import Embedder

PASSAGES = ["ASN wajib menjaga netralitas dalam setiap tahapan pilkada serentak 2024.",
            "“Kami tidak akan segan-segan memberikan tindakan disiplin,” kata Hera."]


def _questions(name: str = "dev") -> list[str]:
    return [c["q"] for c in yaml.safe_load((REPO / "eval" / f"{name}-questions.yaml").read_text())["answerable"]]


@pytest.fixture(scope="module")
def reference(base_config):
    """The fp32 model as sentence-transformers runs it: what every backend must match."""
    return SentenceTransformer(base_config.model_path, device="cpu")


def _with_backend(config, backend: str):
    return replace(config, embedding=replace(config.embedding, backend=backend))


def _top3(queries: np.ndarray, passages: np.ndarray) -> list[set[int]]:
    return [set(np.argsort(-(passages @ q))[:3].tolist()) for q in queries]


def test_default_backend_is_onnx_and_matches_sentence_transformers(embedder, base_config, reference):
    assert embedder.backend == "onnx" and base_config.embedding.backend == "onnx"
    questions = _questions("dev") + _questions("extra")
    corpus = [p.dense_text() for p in load_corpus(base_config).passages]
    full_q = reference.encode(["query: " + q for q in questions], normalize_embeddings=True)
    full_p = reference.encode(["passage: " + p for p in corpus], normalize_embeddings=True)
    ours_q, ours_p = embedder.queries(questions), embedder.passages(corpus)
    assert np.min(np.sum(ours_q * full_q, axis=1)) >= 0.9999
    assert np.min(np.sum(ours_p * full_p, axis=1)) >= 0.9999
    same = sum(a == b for a, b in zip(_top3(ours_q, ours_p), _top3(full_q, full_p)))
    assert same >= len(questions) - 1, f"top-3 changed for {len(questions) - same} questions"


def test_onnx_vectors_do_not_depend_on_the_batch(embedder, base_config):
    corpus = [p.dense_text() for p in load_corpus(base_config).passages][:12]
    alone = np.vstack([embedder.passages([text]) for text in corpus])
    assert np.min(np.sum(alone * embedder.passages(corpus), axis=1)) >= 0.99999


def test_long_passages_are_truncated_not_rejected(embedder, reference):
    text = "Netralitas ASN dijaga dalam pilkada serentak. " * 200  # ~2000 tokens
    ours = embedder.passages([text, "pendek"])
    full = reference.encode(["passage: " + text], normalize_embeddings=True)
    assert ours.shape == (2, embedder.dim) and float(ours[0] @ full[0]) >= 0.9999


def test_torch_backend_keeps_int8_word_embeddings_that_match_the_full_model(base_config, reference):
    from index.retrieval.embed_torch import Int8Embedding

    torch_embedder = Embedder(_with_backend(base_config, "torch"))
    assert torch_embedder.backend == "torch"
    model = torch_embedder._engine.model
    assert isinstance(model[0].auto_model.embeddings.word_embeddings, Int8Embedding)
    questions = _questions()
    full_q = reference.encode(["query: " + q for q in questions], normalize_embeddings=True)
    full_p = reference.encode(["passage: " + p for p in PASSAGES], normalize_embeddings=True)
    assert np.min(np.sum(torch_embedder.queries(questions) * full_q, axis=1)) >= 0.9999
    assert np.min(np.sum(torch_embedder.passages(PASSAGES) * full_p, axis=1)) >= 0.9999


def test_int8_backend_is_close_but_approximate(base_config, reference):
    int8 = Embedder(_with_backend(base_config, "onnx-int8"))
    questions = _questions()
    full_q = reference.encode(["query: " + q for q in questions], normalize_embeddings=True)
    cosines = np.sum(int8.queries(questions) * full_q, axis=1)
    assert 0.98 <= np.min(cosines) < 0.99999  # int8 arithmetic: close, never exact


def test_prefixes_distinguish_queries_from_passages(embedder):
    text = "Netralitas ASN adalah harga mati."
    query, passage = embedder.queries([text])[0], embedder.passages([text])[0]
    assert 0.8 < float(query @ passage) < 0.9999
    assert np.isclose(np.linalg.norm(query), 1.0, atol=1e-4)
    assert embedder.queries([]).shape == (0, embedder.dim)


def test_a_missing_onnx_export_names_the_command_that_prepares_it(base_config, tmp_path):
    from index.retrieval.embed_onnx import OnnxMissing

    elsewhere = tmp_path / "model"
    elsewhere.mkdir()
    config = replace(base_config, embedding=replace(base_config.embedding, model=str(elsewhere)))
    with pytest.raises(OnnxMissing, match="python -m index model"):
        Embedder(config)
