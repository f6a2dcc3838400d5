"""Index figures: build throughput (passages/s), search latency with the model loaded
(ms per query, p50/p95), and peak RSS.

    .venv/bin/python bench/bench_index.py [--repeat N]

The shipped corpus is small, so the build is also timed on a corpus multiplied by
--scale (the same articles under new ids), which shows the per-passage cost.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace

from _util import QUESTIONS, peak_rss_mb, percentile, report, scratch_config

from index.corpus.article import read_article, write_article
from index.retrieval.build import build_index, make_searcher
from index.corpus.loader import corpus_files
from index.retrieval.embedder import Embedder
from index.retrieval.store import load_index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="search rounds over the questions")
    parser.add_argument("--scale", type=int, default=10, help="corpus copies for the large build")
    args = parser.parse_args()
    config = scratch_config()
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
