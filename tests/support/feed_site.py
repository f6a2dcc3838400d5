"""RSS and Atom feeds on the local news site, for the feed tests: real HTTP on 127.0.0.1.

Built on a fresh `NewsSite` per test (the feeds' paths are fixed). The feeds list what a
real poll meets:

    /rss.xml   (RSS 2.0)  the first half of the relevant pages, off-topic pages, a
               tracking-parameter variant of its first page, a copy of a shipped corpus
               article under another outlet, a dead link (404), a hostile page (64 MiB)
               and a redirect loop
    /atom.xml  (Atom)     the other half, off-topic pages, a tracking-parameter variant
               (fbclid and a fragment), and syndicated copies of the third and the last
               relevant page (other outlet, other dateline, last paragraph dropped)

Relevant pages are the development pages in eval/pages/, off-topic ones the labelled
negatives in eval/relevance/negatives/, both copied into the repository.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from index.ingest.extract import extract_article
from tests.support import REPO
from tests.support.news_site import NewsSite

PAGES = sorted((REPO / "eval" / "pages").glob("*.html"))
NEGATIVES = sorted((REPO / "eval" / "relevance" / "negatives").glob("*.html"))


XML_RSS = "application/rss+xml"
XML_ATOM = "application/atom+xml"


@dataclass
class FeedSite:
    server: NewsSite
    html: dict[str, str] = field(default_factory=dict)         # path -> page served
    relevant: dict[str, str] = field(default_factory=dict)     # path -> page file name
    off_topic: list[str] = field(default_factory=list)         # paths
    copies: dict[str, str] = field(default_factory=dict)       # copy path -> original path or "corpus"
    variants: dict[str, str] = field(default_factory=dict)     # listed URL -> clean path
    failing: dict[str, str] = field(default_factory=dict)      # path -> expected reason

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def add_page(self, path: str, body: str, content_type: str = "text/html; charset=utf-8") -> str:
        self.server.expect_request(path).respond_with_data(body, content_type=content_type)
        self.html[path] = body
        return path

    @property
    def rss(self) -> str:
        return self.url("/rss.xml")

    @property
    def atom(self) -> str:
        return self.url("/atom.xml")


def page_path(name: str, section: str = "berita") -> str:
    return f"/{section}/{Path(name).stem}"


def build_feed_site(server: NewsSite, corpus_article: Path, pages: int = 20,
                    negatives: int = 8) -> FeedSite:
    """Serve the pages and both feeds on `server`; `pages` relevant pages split over the feeds."""
    site = FeedSite(server)
    for page in PAGES[:pages]:
        path = site.add_page(page_path(page.name), page.read_text(encoding="utf-8"))
        site.relevant[path] = page.name
    for page in NEGATIVES[:negatives]:
        site.off_topic.append(site.add_page(page_path(page.name, "lain"),
                                            page.read_text(encoding="utf-8")))
    _add_corpus_copy(site, corpus_article)
    rss_items, atom_items = _split(site)
    site.add_page("/rss.xml", _rss(site, rss_items), content_type=XML_RSS)
    site.add_page("/atom.xml", _atom(site, atom_items), content_type=XML_ATOM)
    return site


def _split(site: FeedSite) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    relevant = list(site.relevant)
    assert len(relevant) >= 4, "the feeds need four relevant pages or more"
    half = (len(relevant) + 1) // 2
    rss = [(p, site.relevant[p]) for p in relevant[:half]]
    atom = [(p, site.relevant[p]) for p in relevant[half:]]
    for i, path in enumerate(site.off_topic):
        (rss if i % 2 == 0 else atom).append((path, Path(path).name))
    for feed, suffix in ((rss, "?utm_source=rss&utm_medium=feed&utm_campaign=pilkada"),
                         (atom, "?fbclid=IwAR0abc#komentar")):
        variant = site.url(feed[0][0]) + suffix
        site.variants[variant] = feed[0][0]
        feed.append((variant, "varian " + feed[0][1]))
    # Copies come after their originals: the RSS feed is polled first, then the Atom feed.
    for original in (relevant[2], relevant[-1]):
        atom.append((_add_copy(site, original), "salinan " + site.relevant[original]))
    rss.append(("/corpus-copy", "salinan korpus"))
    site.copies["/corpus-copy"] = "corpus"
    for path, reason in (("/tidak-ada", "dead_link"), ("/besar-stream?bytes=67108864", "too_large"),
                         ("/loop/a", "too_many_redirects")):
        site.failing[path] = reason
        rss.append((path, "gagal " + path))
    return rss, atom


def _add_copy(site: FeedSite, original: str) -> str:
    """A syndicated copy: the same paragraphs under another outlet and dateline, without the
    last paragraph, in other page furniture."""
    extracted = extract_article(site.html[original], site.url(original))
    title = extracted.title
    paragraphs = extracted.text.split("\n\n")[:-1]
    paragraphs[0] = "JAKARTA, WARTASINDIKASI.ID - " + re.sub(r"^[^–-]{0,80}[–-]\s*", "", paragraphs[0])
    path = "/sindikasi" + original
    site.add_page(path, copy_page(title, "Warta Sindikasi", paragraphs))
    site.copies[path] = original
    return path


def _add_corpus_copy(site: FeedSite, corpus_article: Path) -> None:
    text = corpus_article.read_text(encoding="utf-8")
    head, _, body = text[4:].partition("\n---\n")
    title = re.search(r"^title: (.+)$", head, re.M).group(1).strip("'\"")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    site.add_page("/corpus-copy", copy_page(title, "Kabar Sindikasi", paragraphs))


def copy_page(title: str, outlet: str, paragraphs: list[str]) -> str:
    e = html.escape
    body = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>{e(title)} | {e(outlet)}</title>
<meta property="og:title" content="{e(title)}"><meta property="og:site_name" content="{e(outlet)}">
<meta property="article:published_time" content="2024-10-15T09:00:00+07:00"></head>
<body><header><nav><a href="/">Beranda</a> <a href="/politik">Politik</a></nav></header>
<article><h1>{e(title)}</h1><div class="content">{body}</div></article>
<footer>© 2024 {e(outlet)}</footer></body></html>"""


def _rss(site: FeedSite, items: list[tuple[str, str]]) -> str:
    entries = "".join(f"<item><title>{escape(t)}</title><link>{escape(_abs(site, p))}</link>"
                      f"<guid>{escape(_abs(site, p))}</guid></item>\n" for p, t in items)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>Berita Daerah</title><link>{escape(site.url('/'))}</link>\n{entries}"
            "</channel></rss>\n")


def _atom(site: FeedSite, items: list[tuple[str, str]]) -> str:
    entries = "".join(f'<entry><title>{escape(t)}</title><id>{escape(_abs(site, p))}</id>'
                      f'<link rel="alternate" href="{escape(_abs(site, p), {chr(34): "&quot;"})}"/>'
                      "<updated>2024-10-15T09:00:00Z</updated></entry>\n" for p, t in items)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Nusantara Terkini</title><id>urn:netral:test</id>"
            f"<updated>2024-10-15T09:00:00Z</updated>\n{entries}</feed>\n")


def _abs(site: FeedSite, path_or_url: str) -> str:
    return path_or_url if path_or_url.startswith("http") else site.url(path_or_url)
