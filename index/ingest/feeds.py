"""News feeds (RSS and Atom): fetch one safely, list its items, and name each item by one URL.

A feed is as untrusted as a page: it is fetched with the same guarded fetcher (size, time,
redirects, no internal hosts), then parsed from memory with feedparser, never handed a
string it could take for a URL or a path. Only the first `max_items` entries are read.

Item URLs are normalised so that one article is seen once whatever the feed appends:
tracking parameters (utm_*, fbclid, ...) and fragments go, scheme and host are lower case,
a default port is dropped.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser

from index.config import IndexConfig
from index.ingest.errors import FetchError, FetchReason
from index.ingest.fetch import FEED_TYPES, fetch_page

# Query parameters that only say where a click came from, never which page it is.
_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|"
                       r"igshid|_ga|_gl|ref_src|cmpid|spm|share|amp_analytics)$", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_TITLE_CHARS = 300


@dataclass(frozen=True)
class FeedItem:
    feed: str    # the feed URL as configured
    url: str     # normalised
    title: str


def normalize_url(url: str) -> str:
    """One spelling per page: no tracking parameters, no fragment, lower-case scheme and host,
    no default port. Other parameters keep their order (some sites route by them)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port and parts.port != _DEFAULT_PORTS.get(scheme) else None
    netloc = f"[{host}]" if ":" in host else host
    netloc = f"{netloc}:{port}" if port else netloc
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING.match(k)]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def fetch_feed(config: IndexConfig, url: str) -> str:
    """The feed's text, through the safe fetcher. Raises FetchError."""
    ingest = config.ingest
    return fetch_page(url, max_bytes=config.feeds.max_feed_bytes, timeout=ingest.timeout_seconds,
                      max_redirects=ingest.max_redirects,
                      allow_private_hosts=ingest.allow_private_hosts,
                      user_agent=ingest.user_agent, accept=FEED_TYPES).html


def parse_feed(text: str, feed_url: str, max_items: int) -> list[FeedItem]:
    """The feed's first `max_items` items that link to an http(s) page, in feed order.
    Raises FetchError(not_feed) when the text is no RSS or Atom feed."""
    # BytesIO: feedparser would fetch a str that looks like a URL, or open one like a path.
    # The text is already decoded; the header tells feedparser so, over any XML declaration.
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), response_headers={
        "content-type": "application/xml; charset=utf-8", "content-location": feed_url})
    if not parsed.get("version") and not parsed.entries:
        raise FetchError(FetchReason.NOT_FEED, f"{feed_url} is not an RSS or Atom feed",
                         url=feed_url)
    items = []
    for entry in parsed.entries[:max_items]:
        link = _entry_link(entry)
        if link:
            title = " ".join(str(entry.get("title") or "").split())[:MAX_TITLE_CHARS]
            items.append(FeedItem(feed_url, normalize_url(link), title))
    return items


def _entry_link(entry: feedparser.FeedParserDict) -> str:
    """The entry's page: `link`, else the first alternate link; only http(s)."""
    candidates = [entry.get("link") or ""]
    candidates += [l.get("href") or "" for l in entry.get("links", [])
                   if l.get("rel", "alternate") == "alternate"]
    for link in candidates:
        link = link.strip()
        if link.lower().startswith(("http://", "https://")):
            return link
    return ""
