"""The knowledge side of Netral: corpus, passages, embeddings, hybrid search and a CLI.

Data path: article (corpus/*.txt) -> passages -> vectors + BM25 -> fused, attributed answer.
This package never imports `bot`.
"""
