"""The knowledge side of Netral: corpus, passages, embeddings, hybrid search and a CLI.

Data path: article (corpus/*.txt) -> passages -> vectors + BM25 -> fused, attributed answer.

Parts, in the order of that path:
  ingest/     fetch a page safely, extract and clean its text, import saved page text;
              news feeds: poll, copies (MinHash), relevance learned from the corpus
  corpus/     articles on disk, the officials they quote, passages
  retrieval/  text analysis, embedder, stored index, build, search, evaluation
  model/      preparing the embedding model offline (set-up only, never imported at run time)
  service.py  `Knowledge`, the public service that `bot/` uses

This package never imports `bot`; `bot` imports only the names below.
"""

from index.config import DEFAULT_CONFIG, ConfigError, IndexConfig, load_config, require
from index.corpus.article import Article, Official
from index.corpus.passages import Passage, Source
from index.files import sqlite_transaction, write_new
from index.ingest.errors import ExtractError, FetchError, IngestError
from index.ingest.feed_store import FeedCounts
from index.ingest.limits import clip
from index.ingest.poll import PollItem, PollReport
from index.retrieval.build import BuildReport, Progress
from index.retrieval.highlight import best_sentence
from index.retrieval.search import Answer, Hit
from index.retrieval.store import IndexCorrupt, IndexMissing
from index.service import Added, HeldBack, IndexFacts, Knowledge

__all__ = [
    "DEFAULT_CONFIG", "Added", "Answer", "Article", "BuildReport", "ConfigError", "ExtractError",
    "FeedCounts", "FetchError", "HeldBack", "Hit", "IndexConfig", "IndexCorrupt", "IndexFacts",
    "IndexMissing", "IngestError", "Knowledge", "Official", "Passage", "PollItem", "PollReport",
    "Progress", "Source", "best_sentence", "clip", "load_config", "require", "sqlite_transaction", "write_new",
]
