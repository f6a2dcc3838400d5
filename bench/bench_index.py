"""Index figures: build throughput (passages/s), search latency with the model loaded
(ms per query, p50/p95), peak RSS, and the effect of thread counts (embedding.threads 1 or
2: query latency and passages/s; a flat FAISS search over 100k vectors with 1 or 2).

    .venv/bin/python bench/bench_index.py [--repeat N] [--backend onnx|onnx-int8|torch]

The shipped corpus is small, so the build is also timed on a corpus multiplied by
--scale (the same articles under new ids), which shows the per-passage cost.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace

from _util import QUESTIONS, peak_rss_mb, percentile, report, scratch_config

import numpy as np

from index.config import VectorIndexConfig
from index.corpus.article import read_article, write_article
from index.retrieval.build import build_index, make_searcher
from index.corpus.loader import corpus_files, load_corpus
from index.retrieval.embedder import Embedder
from index.retrieval.store import load_index
from index.retrieval.vectors import VectorIndex


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="search rounds over the questions")
    parser.add_argument("--scale", type=int, default=10, help="corpus copies for the large build")
    parser.add_argument("--backend", help="embedding backend (default: config.yaml's)")
    args = parser.parse_args()
    config = scratch_config()
    if args.backend:
        config = replace(config, embedding=replace(config.embedding, backend=args.backend))
    started = time.perf_counter()
    embedder = Embedder(config)
    report("model load", seconds=time.perf_counter() - started, rss_mb=peak_rss_mb())

    small = build_index(config, embedder)
    report("build (shipped corpus)", passages=small.passages, seconds=small.seconds,
           passages_per_s=small.passages / small.seconds)

    large = _scaled(config, args.scale)
    big = build_index(large, embedder)
    report(f"build (corpus x{args.scale})", passages=big.passages, seconds=big.seconds,
           passages_per_s=big.passages / big.seconds)

    searcher = make_searcher(config, embedder, load_index(config.index_dir))
    searcher.search(QUESTIONS[0])  # warm-up
    timings = []
    for _ in range(args.repeat):
        for question in QUESTIONS:
            started = time.perf_counter()
            searcher.search(question)
            timings.append((time.perf_counter() - started) * 1000)
    report("search (model loaded)", queries=len(timings), p50_ms=percentile(timings, 50),
           p95_ms=percentile(timings, 95), rss_mb=peak_rss_mb())
    texts = [p.dense_text() for p in load_corpus(large).passages]
    for threads in (1, 2):
        threaded = Embedder(replace(config, embedding=replace(config.embedding, threads=threads)))
        timings = _timed(lambda q: threaded.queries([q]), args.repeat)
        started = time.perf_counter()
        threaded.passages(texts)
        report(f"embedding.threads={threads}", query_p50_ms=percentile(timings, 50),
               query_p95_ms=percentile(timings, 95),
               passages_per_s=len(texts) / (time.perf_counter() - started))
    _faiss_threads(args.repeat)


def _timed(call, repeat: int) -> list[float]:
    call(QUESTIONS[0])  # warm-up
    timings = []
    for _ in range(repeat):
        for question in QUESTIONS:
            started = time.perf_counter()
            call(question)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def _faiss_threads(repeat: int) -> None:
    """One query at a time, as the bot searches: OpenMP threads only add hand-offs."""
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(100_000, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex.build("flat", vectors, np.arange(len(vectors)))
    for threads in (1, 2):
        settings = VectorIndexConfig(threads=threads)
        timings = _timed(lambda q: index.search(vectors[hash(q) % len(vectors)], 30, settings), repeat)
        report(f"flat search over 100k vectors, {threads} FAISS thread(s)",
               p50_ms=percentile(timings, 50), p95_ms=percentile(timings, 95))


def _scaled(config, copies: int):
    """A corpus of `copies` copies of every article, each copy a distinct passage set."""
    scaled = replace(config, data_dir=config.data_dir.parent / "scaled",
                     corpus=replace(config.corpus, dir=str(config.data_dir.parent / "scaled-corpus")))
    for path in corpus_files(config):
        article = read_article(path)
        for n in range(copies):
            body = "\n\n".join(f"{p} (salinan {n})" for p in article.paragraphs())
            write_article(scaled.corpus_dir, replace(article, id=f"{article.id}-{n}", body=body))
    return scaled


if __name__ == "__main__":
    main()
