"""The corpus grows from news feeds: URL normalisation, feed parsing, copies, relevance, and
`python -m index feeds` end to end against a local news site with RSS and Atom feeds."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from tests.support import REPO
from tests.support.feed_site import NEGATIVES, PAGES, build_feed_site
from tests.support.news_site import NewsSite
from index.config import ConfigError, load_config
from index.ingest.duplicates import DuplicateIndex, distinct, fingerprint
from index.ingest.errors import FetchError
from index.ingest.extract import extract_article
from index.ingest.feeds import normalize_url, parse_feed
from index.ingest.fetch import FEED_TYPES, fetch_page

CORPUS_ARTICLE = sorted((REPO / "corpus").glob("*.txt"))[0]


# --- URLs and feeds -----------------------------------------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("https://x.id/a?utm_source=rss&utm_medium=feed", "https://x.id/a"),
    ("https://x.id/a?id=7&fbclid=IwAR0&gclid=1#komentar", "https://x.id/a?id=7"),
    ("HTTPS://News.X.ID:443/Berita/A", "https://news.x.id/Berita/A"),
    ("http://x.id:8080/a?page=2&UTM_Campaign=z", "http://x.id:8080/a?page=2"),
    ("http://x.id", "http://x.id/"),
])
def test_item_urls_lose_tracking_parameters_and_fragments(raw, clean):
    assert normalize_url(raw) == clean


RSS = """<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>T</title>
<item><title>Satu</title><link>https://x.id/a?utm_source=rss#c</link></item>
<item><title>Dua</title><link>/relatif/b</link></item>
<item><title>Skrip</title><link>javascript:alert(1)</link></item>
<item><title>Tiga</title><link>https://x.id/c</link></item></channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>A</title><id>urn:a</id><entry><title>Satu</title><id>1</id>
<link rel="alternate" href="https://y.id/e1"/><link rel="enclosure" href="https://y.id/e1.mp3"/>
</entry></feed>"""


def test_rss_and_atom_items_parse_with_absolute_clean_links():
    rss = parse_feed(RSS, "https://x.id/feed", max_items=10)
    assert [(i.title, i.url) for i in rss] == [
        ("Satu", "https://x.id/a"), ("Dua", "https://x.id/relatif/b"), ("Tiga", "https://x.id/c")]
    assert [(i.title, i.url) for i in parse_feed(ATOM, "https://y.id/atom", 10)] == [
        ("Satu", "https://y.id/e1")]
    assert len(parse_feed(RSS, "https://x.id/feed", max_items=1)) == 1


@pytest.mark.parametrize("text", ["<html><body>Bukan feed</body></html>", "/etc/passwd",
                                  "https://example.com/feed", ""])
def test_what_is_not_a_feed_is_refused_and_never_opened_as_a_path_or_url(text):
    with pytest.raises(FetchError) as failure:
        parse_feed(text, "https://x.id/feed", 10)
    assert failure.value.reason == "not_feed"


def test_feeds_are_fetched_by_type_and_pages_still_only_as_html():
    with NewsSite() as server:
        server.expect_request("/f.xml").respond_with_data(RSS, content_type="application/rss+xml")
        feed = server.url_for("/f.xml")
        options = dict(max_bytes=100_000, timeout=5, max_redirects=2, allow_private_hosts=True,
                       user_agent="t")
        assert "<rss" in fetch_page(feed, accept=FEED_TYPES, **options).html
        with pytest.raises(FetchError) as failure:
            fetch_page(feed, **options)
        assert failure.value.reason == "not_html"


def test_feeds_config_is_validated_with_the_key_named(tmp_path):
    for section, key in [({"urls": ["ftp://x"]}, "feeds.urls[0]"),
                         ({"interval_minutes": 0}, "feeds.interval_minutes"),
                         ({"auto_add": "ya"}, "auto_add"),
                         ({"min_relevance": 3}, "feeds.min_relevance"),
                         ({"duplicate_similarity": 0}, "feeds.duplicate_similarity"),
                         ({"max_items_per_feed": 0}, "feeds.max_items_per_feed"),
                         ({"interval": 5}, "interval")]:
        path = tmp_path / "config.yaml"
        path.write_text(yaml.safe_dump({"feeds": section}))
        with pytest.raises(ConfigError, match=key.replace("[", r"\[").replace("]", r"\]")):
            load_config(path)
    path.write_text(yaml.safe_dump({"feeds": {"urls": ["https://x.id/rss"], "interval_minutes": 0.5}}))
    assert load_config(path).feeds.interval_minutes == 0.5


# --- the seen set ------------------------------------------------------------------------

def test_dead_links_are_retried_three_times_and_other_failures_never(tmp_path):
    from index.ingest.feed_store import FeedStore

    store = FeedStore(tmp_path / "feeds")
    for attempt in range(3):
        assert store.seen("https://x.id/mati") is None, attempt
        store.record("f", "https://x.id/mati", "Mati", "failed", "dead_link")
    assert store.seen("https://x.id/mati").decision == "failed"
    store.record("f", "https://x.id/besar", "Besar", "failed", "too_large")
    store.record("f", "https://x.id/lain", "Lain", "irrelevant", "relevance 0.2")
    assert store.seen("https://x.id/besar").reason == "too_large"
    assert store.seen("https://x.id/lain").decision == "irrelevant"
    [counts] = store.counts(["f"])
    assert counts.counts == {"failed": 2, "irrelevant": 1} and counts.last_poll is None
    store.close()
    assert FeedStore(tmp_path / "feeds").seen("https://x.id/lain") is not None  # persists


def test_queued_articles_are_files_settled_once(tmp_path):
    from index.corpus.article import Article
    from index.ingest.feed_store import FeedStore

    store = FeedStore(tmp_path / "feeds")
    article = Article("abc123def456", "Judul", "Isi artikel.", url="https://x.id/a")
    store.queue("f", "https://x.id/a", article, "relevance 0.9")
    assert [a.id for a in store.queued()] == [article.id]
    assert store.queued_article("../../etc/passwd") is None
    store.settle(article.id, "rejected")
    assert store.queued() == [] and store.queued_article(article.id) is None
    assert store.seen("https://x.id/a").decision == "rejected"


# --- copies ---------------------------------------------------------------------------------

def _text(page: Path) -> str:
    return extract_article(page.read_text(encoding="utf-8"), "https://t.invalid/" + page.name).text


def test_a_syndicated_copy_matches_its_original_and_distinct_pages_do_not():
    originals = {page.name: _text(page) for page in PAGES}
    known = DuplicateIndex(fingerprint(name, text) for name, text in originals.items())
    for name, text in originals.items():
        paragraphs = text.split("\n\n")
        copied = "\n\n".join(["JAKARTA, KABAR.ID - " + paragraphs[0], *paragraphs[1:-1]])
        match = known.best_match(fingerprint("copy", copied))
        assert match.article_id == name and match.similarity >= 0.7, (name, match)
    for name, text in originals.items():  # each page against all the others
        others = DuplicateIndex(fingerprint(n, t) for n, t in originals.items() if n != name)
        assert others.best_match(fingerprint(name, text)).similarity < 0.3


def test_distinct_drops_a_statement_told_again():
    said = "Saya minta seluruh ASN menjaga netralitas dan tidak terlibat politik praktis selama Pilkada."
    items = [said, "ASN wajib hadir di apel pagi setiap Senin.", said.replace("Saya", "Kami"),
             f"\"{said}\" tegasnya."]
    assert distinct(items, str) == items[:2]


# --- relevance ------------------------------------------------------------------------------

def test_relevance_cli_reports_precision_and_recall(built_config, tmp_path):
    """The measurement the issue asks for, on the labelled pages: at least 0.9 each."""
    run = _cli(built_config, tmp_path, ["relevance"])
    assert run.returncode == 0, run.stderr
    summary = re.search(r"precision ([\d.]+), recall ([\d.]+) \((\d+) pages", run.stdout)
    precision, recall, pages = float(summary[1]), float(summary[2]), int(summary[3])
    assert pages == len(PAGES) + len(NEGATIVES) >= 40
    assert precision >= 0.9 and recall >= 0.9, run.stdout
    key_terms = set(re.search(r"key terms: (.*)", run.stdout)[1].split(", "))
    assert {"asn", "netralitas", "pilkada"} <= key_terms
    # Short reports too: each page cut to its first paragraphs is judged against the
    # corpus's own articles cut to the same length.
    cuts = re.findall(r"cut to (\d+) paragraphs: precision ([\d.]+), recall ([\d.]+)", run.stdout)
    assert [int(n) for n, _, _ in cuts] == [2, 3, 5]
    assert all(float(p) >= 0.9 and float(r) >= 0.8 for _, p, r in cuts), run.stdout


# --- python -m index feeds ------------------------------------------------------------------

@pytest.fixture()
def feed_site():
    with NewsSite() as server:
        yield build_feed_site(server, CORPUS_ARTICLE, pages=8, negatives=6)


def _cli(built_config, tmp_path, args: list[str], **feeds) -> subprocess.CompletedProcess:
    raw = yaml.safe_load((REPO / "config.yaml").read_text())
    raw["embedding"]["model"] = built_config.model_path
    raw["corpus"] = {"dir": str(built_config.corpus_dir)}
    raw["ingest"]["allow_private_hosts"] = True   # the site is on 127.0.0.1
    raw["ingest"]["timeout_seconds"] = 5
    raw["feeds"] = feeds
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump(raw, allow_unicode=True))
    env = {**os.environ, "BOT_DATA_DIR": str(built_config.data_dir), "BOT_CONFIG": str(config)}
    return subprocess.run([sys.executable, "-m", "index", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)


def _first_listing(items: list[dict]) -> dict[str, dict]:
    """Items by URL, the first listing of each (a later one is "seen")."""
    by_url: dict[str, dict] = {}
    for item in items:
        by_url.setdefault(item["url"], item)
    return by_url


def test_feeds_cli_adds_relevant_pages_and_catches_the_rest(feed_site, built_config, tmp_path):
    site = feed_site
    broken = [site.url("/feed-hilang.xml"), site.url("/indeks")]   # a dead feed, a web page
    run = _cli(built_config, tmp_path, ["feeds", "--json"], urls=[site.rss, site.atom, *broken])
    assert run.returncode == 0, run.stderr
    assert f"feed {broken[0]}: dead_link" in run.stderr and f"feed {broken[1]}: not_feed" in run.stderr
    items = json.loads(run.stdout)
    assert all(set(i) == {"url", "title", "decision", "reason", "article_id"} for i in items)
    by_url = _first_listing(items)
    decisions = {path: by_url[site.url(path)]["decision"] for path in site.relevant}
    assert decisions == {path: "added" for path in site.relevant}
    assert all(by_url[site.url(p)]["decision"] == "irrelevant" for p in site.off_topic)
    for copy, original in site.copies.items():
        item = by_url[site.url(copy)]
        assert item["decision"] == "duplicate", item
        if original != "corpus":
            assert item["article_id"] == by_url[site.url(original)]["article_id"]
    for listed, clean in site.variants.items():
        assert [i["decision"] for i in items if i["url"] == normalize_url(listed)] == ["added", "seen"]
    for path, reason in site.failing.items():
        failed = by_url[normalize_url(site.url(path))]
        assert (failed["decision"], failed["reason"]) == ("failed", reason)
    assert len([i for i in items if i["decision"] == "added"]) == len(site.relevant) == 8

    found = _cli(built_config, tmp_path, ["search", "--json", "--top-k", "3",
                                         "Apa pesan Pj Bupati Pasuruan kepada ASN soal pemilu?"])
    hits = json.loads(found.stdout)[0]["hits"]
    assert ("Andriyanto", "SURYA.co.id") in {(h["official"]["name"], h["source"]["outlet"]) for h in hits}

    again = _cli(built_config, tmp_path, ["feeds", "--json"], urls=[site.rss, site.atom])
    assert again.returncode == 0, again.stderr
    second = json.loads(again.stdout)
    assert len(second) == len(items)
    assert not [i for i in second if i["decision"] == "added"]
    assert {i["decision"] for i in second} == {"seen", "failed"}   # the dead link is retried
    assert [i["reason"] for i in second if i["decision"] == "failed"] == ["dead_link"]
    assert len(list(built_config.added_dir.glob("*.txt"))) == 8


def test_feeds_cli_without_feeds_prints_an_empty_list(built_config, tmp_path):
    run = _cli(built_config, tmp_path, ["feeds", "--json"])
    assert (run.returncode, json.loads(run.stdout)) == (0, [])


async def test_a_forced_in_copy_never_repeats_a_statement_in_answers(feed_site, built_config,
                                                                      embedder):
    from index.ingest.sources import article_from_url
    from index.retrieval.build import add_articles
    from index.service import Knowledge

    config = replace(built_config, ingest=replace(built_config.ingest, allow_private_hosts=True))
    original = next(path for path, name in feed_site.relevant.items() if name.startswith("03-"))
    copy = next(path for path, source in feed_site.copies.items() if source == original)
    # An admin adds the syndicated copy too (/tambah checks no copies): its lead, under
    # another dateline, is indexed beside the original's, yet an answer shows it once.
    add_articles(config, embedder, [article_from_url(config, feed_site.url(p)) for p in (original, copy)])
    knowledge = Knowledge.open(config, embedder)
    try:
        question = "Apa yang diminta Pj Gubernur Sumatera Utara kepada masyarakat soal ASN yang tidak netral?"
        lead = "meminta masyarakat untuk melaporkan aparatur sipil negara"
        raw = [hit.passage.text for hit in knowledge._searcher.search(question).hits]
        assert sum(lead in text for text in raw) == 2        # the original's and the copy's
        shown = [hit.passage.text for hit in (await knowledge.ask(question)).hits]
        assert shown == distinct(raw, str) and sum(lead in text for text in shown) == 1
    finally:
        knowledge.close()


def test_a_page_or_feed_that_breaks_a_parser_never_stops_the_poll(searcher, config, embedder,
                                                                  monkeypatch):
    import index.ingest.poll as poll
    from index.ingest.feed_store import FeedStore

    with NewsSite() as server:
        def serve(path: str, body: str, content_type: str = "text/html; charset=utf-8") -> str:
            server.expect_request(path).respond_with_data(body, content_type=content_type)
            return server.url_for(path)

        boom = serve("/boom", NEGATIVES[0].read_text(encoding="utf-8"))
        calm = serve("/tenang", NEGATIVES[1].read_text(encoding="utf-8"))
        feed = serve("/rss.xml", RSS.replace("https://x.id/a?utm_source=rss#c", boom)
                     .replace("/relatif/b", calm).replace("https://x.id/c", server.url_for("/tidak-ada")),
                     "text/xml")
        broken = serve("/broken.xml", "<rss version='2.0'><channel></channel></rss>", "text/xml")
        real_extract, real_parse = poll.extract_article, poll.parse_feed

        def extract(html, url):
            if url.endswith("/boom"):
                raise ValueError("a parser bug")
            return real_extract(html, url)

        def parse(text, url, max_items):
            if url.endswith("/broken.xml"):
                raise RecursionError("deep nesting")
            return real_parse(text, url, max_items)

        monkeypatch.setattr(poll, "extract_article", extract)
        monkeypatch.setattr(poll, "parse_feed", parse)
        config = replace(config, ingest=replace(config.ingest, allow_private_hosts=True),
                         feeds=replace(config.feeds, urls=[broken, feed]))
        store = FeedStore(config.feeds_dir)
        report = poll.Poller(config, embedder, store).collect(searcher.stored.passages,
                                                              searcher.stored.all_vectors())
        store.close()
    assert report.feed_errors == {broken: "error: RecursionError"}
    assert [(i.url, i.decision, i.reason) for i in report.items][:1] == [(boom, "failed", "error: ValueError")]
    assert [i.decision for i in report.items] == ["failed", "irrelevant", "failed"]
