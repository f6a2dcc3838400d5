"""Scale: the whole search path (BM25 + vectors + fusion; the query embedding excluded) over
a corpus of N passages, most of them synthetic.

    .venv/bin/python bench/bench_scale.py --passages N [--index auto|flat|ivf|hnsw] [--json]

Embedding a million real passages would take hours, so the bulk is synthesised: vectors
clustered around the shipped corpus's real passage vectors (then normalised), and text drawn
from the corpus's own vocabulary at its own word frequencies. The shipped passages are
included as they are. The questions are embedded with the real model, and searched through
the real `Searcher` over the real stored index.

The index (vectors and BM25) is built and saved here; loading (index and searcher) and
searching run in a fresh process, so that `rss_mb` is what serving that index costs (the
model's own memory is bench_bot.py's).
`recall_at_3` is the vector index's top 3 against an exact search on the same vectors.
`load_s` includes calibrating the decline thresholds (the off-topic bank searched), also
timed alone as `calibrate_s`.
With --json, one object: {"passages", "index", "search_p50_ms", "search_p95_ms",
"recall_at_3", "build_s", "load_s", "calibrate_s", "min_confidence",
"min_confidence_english", "rss_mb"}.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import yaml

from _util import QUESTIONS, REPO, percentile, report, scratch_config

from index.corpus.article import Official
from index.corpus.loader import load_corpus
from index.corpus.passages import Passage, Source
from index.retrieval.analyzer import Analyzer
from index.retrieval.calibration import decline_thresholds, off_topic_questions
from index.retrieval.lexical import LexicalIndex
from index.retrieval.store import FORMAT_VERSION, Manifest, save_index
from index.retrieval.vectors import VectorIndex, resolve_kind

_CHUNK = 100_000
_PER_ARTICLE = 10
_WORDS = re.compile(r"\w+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--index", default="auto", choices=["auto", "flat", "ivf", "hnsw"])
    parser.add_argument("--repeat", type=int, default=5, help="search rounds over the questions")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--keep", action="store_true", help="keep the built index (printed path)")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.serve:
        return serve(args.serve, args.repeat)
    figures = build(args.passages, args.index, args.keep)
    if args.json:
        print(json.dumps(figures))
    else:
        report(f"scale, {figures['passages']} passages", **figures)


def build(count: int, index_type: str, keep: bool = False) -> dict:
    from index.retrieval.embedder import Embedder

    config = scratch_config()
    config = replace(config, index=replace(config.index, type=index_type))
    embedder = Embedder(config)
    real = load_corpus(config).passages
    questions = _questions()
    query_vectors = embedder.queries(questions + list(off_topic_questions()))
    real_vectors = embedder.passages([p.dense_text() for p in real])
    del embedder

    rng = np.random.default_rng(13)
    passages = real + _synthetic_passages(count - len(real), real, rng)
    vectors = np.vstack([real_vectors, _synthetic_vectors(count - len(real), real_vectors, rng)])
    exact = _exact_top3(vectors, query_vectors[:len(questions)])

    kind = resolve_kind(config.index, count)
    ids = np.arange(count, dtype=np.int64)
    started = time.perf_counter()
    index = VectorIndex.build(kind, vectors, ids)
    del vectors
    vectors_s = time.perf_counter() - started
    lexical = LexicalIndex.build(passages, Analyzer(config.synonyms), config.synonyms)
    manifest = Manifest(FORMAT_VERSION, "synthetic", index.index.d, "synthetic", count,
                        count // _PER_ARTICLE, time.time(), 0.0, "synthetic", kind,
                        lexical.fingerprint)
    save_index(config.index_dir, manifest, passages, index, ids, lexical)
    build_s = time.perf_counter() - started
    del index, passages, lexical

    work = config.data_dir.parent
    np.save(work / "queries.npy", query_vectors)
    np.save(work / "exact.npy", exact)
    (work / "questions.json").write_text(json.dumps(questions, ensure_ascii=False))
    try:
        served = subprocess.run([sys.executable, __file__, "--serve", str(work)], check=True,
                                capture_output=True, text=True).stdout
    finally:
        if keep:
            print(f"index kept in {work}", file=sys.stderr)
        else:  # a million passages take ~2 GB of disk
            shutil.rmtree(work, ignore_errors=True)
    return {"passages": count, "index": kind, **json.loads(served.splitlines()[-1]),
            "build_s": round(build_s, 2), "vector_build_s": round(vectors_s, 2)}


def serve(work: Path, repeat: int) -> None:
    """Load the saved index and search it: what a bot process would do, minus the model."""
    from index.retrieval.build import make_searcher
    from index.retrieval.store import load_index

    config = scratch_config()
    config = replace(config, data_dir=work / "data")
    questions = json.loads((work / "questions.json").read_text())
    query_vectors = np.load(work / "queries.npy")
    exact = np.load(work / "exact.npy")
    started = time.perf_counter()
    stored = load_index(config.index_dir, config.index)
    embedder = _Precomputed(questions + list(off_topic_questions()), query_vectors)
    searcher = make_searcher(config, embedder, stored)
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    decline_thresholds(searcher, embedder, config.search)  # done in make_searcher too: timed alone
    calibrate_s = time.perf_counter() - started
    query_vectors = query_vectors[:len(questions)]
    searcher.search(questions[0])  # warm-up
    timings = []
    for _ in range(repeat):
        for question in questions:
            started = time.perf_counter()
            searcher.search(question)
            timings.append((time.perf_counter() - started) * 1000)
    found = [stored.vectors.search(v, 3, config.index) for v in query_vectors]
    recall = np.mean([len(set(f.tolist()) & set(e.tolist())) / 3 for f, e in zip(found, exact)])
    print(json.dumps({"search_p50_ms": round(percentile(timings, 50), 2),
                      "search_p95_ms": round(percentile(timings, 95), 2),
                      "recall_at_3": round(float(recall), 3), "load_s": round(load_s, 2),
                      "calibrate_s": round(calibrate_s, 2),
                      "min_confidence": round(searcher.thresholds.indonesian, 3),
                      "min_confidence_english": round(searcher.thresholds.english, 3),
                      "rss_mb": round(_rss_mb(), 1),
                      "peak_rss_mb": round(_rss_mb("VmHWM"), 1)}))


class _Precomputed:
    """Stands in for the embedder: the questions' vectors, computed by the real model."""

    def __init__(self, questions: list[str], vectors: np.ndarray) -> None:
        self._vectors = dict(zip(questions, vectors))

    def queries(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self._vectors[t] for t in texts])


def _questions() -> list[str]:
    dev = yaml.safe_load((REPO / "eval" / "dev-questions.yaml").read_text(encoding="utf-8"))
    return list(dict.fromkeys(QUESTIONS + [c["q"] for c in dev["answerable"]]))


def _synthetic_passages(count: int, real: list[Passage], rng: np.random.Generator) -> list[Passage]:
    """Text drawn from the corpus's vocabulary at its word frequencies, 20-60 words long,
    ten passages to an article sharing one official and source (its title drawn likewise)."""
    frequencies = Counter(w for p in real for w in _WORDS.findall(p.text.lower()))
    vocabulary = np.array(list(frequencies))
    weights = np.array(list(frequencies.values()), dtype=np.float64)
    weights /= weights.sum()
    passages = []
    for start in range(0, count, _CHUNK):
        size = min(_CHUNK, count - start)
        words = vocabulary[rng.choice(len(vocabulary), size=(size, 60), p=weights)]
        titles = vocabulary[rng.choice(len(vocabulary), size=(size // _PER_ARTICLE + 1, 6), p=weights)]
        lengths = rng.integers(20, 61, size)
        for n in range(size):
            number = start + n
            article = number // _PER_ARTICLE
            template = real[article % len(real)]
            passages.append(Passage(
                f"s{article}:{number % _PER_ARTICLE}", f"s{article}", " ".join(words[n, :lengths[n]]),
                Official(template.official.name, template.official.position),
                Source(template.source.outlet, " ".join(titles[n // _PER_ARTICLE]).capitalize(),
                       template.source.date, "")))
    return passages


def _synthetic_vectors(count: int, real: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Clusters around the real passages' vectors: centres at cosine ~0.85 from a real
    vector, points at cosine ~0.92 from their centre, all normalised."""
    dim = real.shape[1]
    centres = _normalised(real[rng.integers(0, len(real), 1000)] + rng.normal(size=(1000, dim)) * 0.62 / np.sqrt(dim))
    out = np.empty((count, dim), dtype=np.float32)
    for start in range(0, count, _CHUNK):
        size = min(_CHUNK, count - start)
        noise = rng.normal(size=(size, dim)).astype(np.float32) * (0.43 / np.sqrt(dim))
        out[start:start + size] = _normalised(centres[rng.integers(0, 1000, size)] + noise)
    return out


def _exact_top3(vectors: np.ndarray, queries: np.ndarray) -> np.ndarray:
    scores = np.concatenate([vectors[s:s + _CHUNK] @ queries.T for s in range(0, len(vectors), _CHUNK)])
    return np.argsort(-scores, axis=0)[:3].T.astype(np.int64)


def _normalised(vectors: np.ndarray) -> np.ndarray:
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def _rss_mb(field: str = "VmRSS") -> float:
    status = Path("/proc/self/status").read_text()
    return int(status.split(f"{field}:")[1].split()[0]) / 1024


if __name__ == "__main__":
    main()
