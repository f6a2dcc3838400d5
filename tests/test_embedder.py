"""The embedder: prefixes applied, int8 word embeddings that change nothing that matters."""

from __future__ import annotations

import numpy as np
import yaml
from sentence_transformers import SentenceTransformer

from tests.support import REPO
from index.retrieval.embedder import Int8Embedding


def test_compact_embeddings_match_the_full_model(embedder, base_config):
    questions = [c["q"] for c in yaml.safe_load((REPO / "eval" / "dev-questions.yaml").read_text())["answerable"]]
    passages = ["ASN wajib menjaga netralitas dalam setiap tahapan pilkada serentak 2024.",
                "“Kami tidak akan segan-segan memberikan tindakan disiplin,” kata Hera."]
    reference = SentenceTransformer(base_config.model_path, device="cpu")
    full_q = reference.encode(["query: " + q for q in questions], normalize_embeddings=True)
    full_p = reference.encode(["passage: " + p for p in passages], normalize_embeddings=True)
    assert isinstance(embedder._model[0].auto_model.embeddings.word_embeddings, Int8Embedding)
    assert np.min(np.sum(embedder.queries(questions) * full_q, axis=1)) >= 0.9999
    assert np.min(np.sum(embedder.passages(passages) * full_p, axis=1)) >= 0.9999


def test_prefixes_distinguish_queries_from_passages(embedder):
    text = "Netralitas ASN adalah harga mati."
    query, passage = embedder.queries([text])[0], embedder.passages([text])[0]
    assert 0.8 < float(query @ passage) < 0.9999
    assert np.isclose(np.linalg.norm(query), 1.0, atol=1e-4)
    assert embedder.queries([]).shape == (0, embedder.dim)
