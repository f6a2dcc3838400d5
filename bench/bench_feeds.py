"""Feed poll figures: one poll of a local site whose RSS and Atom feeds list the 20
development pages (eval/pages/) plus off-topic pages, copies, tracking variants, a dead
link, an oversized page and a redirect loop; then a second poll right after.

    .venv/bin/python bench/bench_feeds.py [--pages 20] [--negatives 8]

Prints the poll time (fetch, extract, copy check, relevance, one index build), the time
per page, and the decisions. The model load and the first index build are not counted.
"""

from __future__ import annotations

import argparse
import logging
import time
from dataclasses import replace

from _util import REPO, peak_rss_mb, report, scratch_config

from index.cli import quiet_libraries
from index.ingest.poll import poll_feeds
from index.retrieval.build import build_index
from index.retrieval.embedder import Embedder
from tests.support.feed_site import build_feed_site
from tests.support.news_site import NewsSite


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=20, help="relevant pages in the feeds")
    parser.add_argument("--negatives", type=int, default=8, help="off-topic pages in the feeds")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    quiet_libraries()
    config = scratch_config()
    embedder = Embedder(config)
    build_index(config, embedder)
    with NewsSite() as server:
        site = build_feed_site(server, sorted((REPO / "corpus").glob("*.txt"))[0],
                               pages=args.pages, negatives=args.negatives)
        config = replace(config, ingest=replace(config.ingest, allow_private_hosts=True),
                         feeds=replace(config.feeds, urls=[site.rss, site.atom]))
        started = time.perf_counter()
        first = poll_feeds(config, embedder)
        seconds = time.perf_counter() - started
        fetched = len(first.items) - first.counts().get("seen", 0)
        report("first poll", items=len(first.items), fetched=fetched, seconds=seconds,
               per_fetched_item_s=seconds / max(fetched, 1), rss_mb=peak_rss_mb(),
               **first.counts())
        started = time.perf_counter()
        second = poll_feeds(config, embedder)
        report("second poll", items=len(second.items), seconds=time.perf_counter() - started,
               **second.counts())


if __name__ == "__main__":
    main()
