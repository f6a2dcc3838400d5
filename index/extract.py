"""Turn a fetched news page into the article: title, outlet, date and clean main text.

trafilatura finds the main text and drops most page chrome. It keeps some debris that Indonesian
news sites put inside the article body ("Baca juga:" links, "SCROLL TO CONTINUE WITH CONTENT",
"Ikuti berita terkini ... di Google News", bylines, the headline repeated); `clean_lines` drops
those line by line. Officials are not detected here: the caller does that from `text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document, set_date_params

# Less main text than this is a section front, a video page or an error page, not an article.
MIN_TEXT_CHARS = 200


class ExtractReason(StrEnum):
    NO_ARTICLE = "no_article"


class ExtractError(Exception):
    """The page holds no article. `reason` is machine-readable, the message is for logs."""

    def __init__(self, reason: ExtractReason, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __str__(self) -> str:
        return f"{self.reason}: {self.message}"


@dataclass(frozen=True)
class ExtractedArticle:
    title: str
    outlet: str   # the site's name, e.g. "Tribun Pontianak"
    date: str     # YYYY-MM-DD, or "" when the page does not say
    text: str     # main text, paragraphs separated by one blank line
    url: str


def extract_article(html: str, url: str) -> ExtractedArticle:
    """The article in `html` (fetched from `url`), or `ExtractError(no_article)`."""
    tree = trafilatura.load_html(html)
    if tree is None:
        raise ExtractError(ExtractReason.NO_ARTICLE, f"{url}: not parseable as HTML")
    # Read before trafilatura, which prunes the tree it is given.
    meta = _meta_properties(tree)
    html_title = _html_title(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, favor_precision=True,
        # No extensive search: it guesses from any date in the page, e.g. "27 November 2024"
        # (election day) in the body. Meta tags, JSON-LD, <time> and the URL are still read.
        date_extraction_params=set_date_params(False))
    if not isinstance(doc, Document) or not doc.text:  # None: trafilatura found nothing
        raise ExtractError(ExtractReason.NO_ARTICLE, f"{url}: no main text found")
    outlet = meta.get("og:site_name") or (doc.sitename or "").strip() or _host_name(url)
    title = _clean_title(doc.title or meta.get("og:title") or html_title, outlet)
    text = "\n\n".join(clean_lines(doc.text.splitlines(), title))
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractError(ExtractReason.NO_ARTICLE,
                           f"{url}: only {len(text)} characters of main text")
    published = (_iso_date(meta.get("article:published_time", ""))
                 or _iso_date(doc.date or ""))
    return ExtractedArticle(title=title, outlet=outlet, date=published, text=text, url=url)


# --- debris --------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")

# Lines that are page furniture wherever they appear. Case-insensitive, anchored at the start.
_DEBRIS = [re.compile(p, re.IGNORECASE) for p in (
    # Links to other stories: "Baca juga:", "BACA JUGA :", "Baca Juga - ", "Lihat juga", ...
    r"^(baca|lihat|simak|tonton|cek)\s+(juga|pula)\b",
    r"^baca (selengkapnya|berita|artikel)\b.*(:|di\s)",
    r"^artikel ini (telah|sudah)?\s*(tayang|terbit|dipublikasikan)\b",
    # Ads and the phrases ad slots leave behind.
    r"^(advertisement|iklan|ads|sponsored|konten bersponsor|scroll to continue"
    r"( with content)?|scroll untuk melanjutkan( membaca)?)\W*$",
    r"^\[gambas:",
    # Share and comment prompts; short, so a sentence that merely starts so survives.
    r"^(bagikan|share|tulis komentar|berikan komentar|kirim komentar|komentar)\b.{0,40}$",
    # Bylines and copyright notices: metadata, not statements.
    r"^(penulis|editor|pewarta|reporter|redaktur|kontributor|sumber|foto)\s*:.{0,150}$",
    r"^(copyright|hak cipta|©|\(c\) ).{0,200}$",
    r"^dilarang (keras )?(mengambil|mengutip|menyalin)\b",
)]


# Prompts to follow the outlet ("Ikuti saluran X di WhatsApp", "... di Google News"). Matched
# only on short lines without quotation marks, because articles on ASN neutrality do quote
# officials on WhatsApp groups and social media.
_PROMO = re.compile(
    r"^(ikuti|simak|dapatkan|gabung|bergabung|follow|update|pilih|klik|yuk|mari)\b.*"
    r"(google news|saluran|channel|newsletter|klik|link|tautan|di sini|\.com\b|\.co\.id\b|\.id\b)",
    re.IGNORECASE)
_QUOTES = ('"', "\u201c", "\u201d")


def is_debris(line: str) -> bool:
    """True for a line of page furniture rather than article text."""
    if any(pattern.search(line) for pattern in _DEBRIS):
        return True
    return len(line) <= 300 and not any(q in line for q in _QUOTES) and bool(_PROMO.search(line))


def clean_lines(lines: list[str], title: str = "") -> list[str]:
    """Paragraph lines without whitespace clutter, debris, repeats or the repeated headline."""
    kept: list[str] = []
    seen: set[str] = set()
    title_key = _SPACE.sub(" ", title).strip().casefold()
    for raw in lines:
        line = _SPACE.sub(" ", raw.replace("\u00a0", " ")).strip()
        key = line.casefold()
        if not line or key in seen or (title_key and key == title_key):
            continue
        if is_debris(line):
            continue
        seen.add(key)  # the same paragraph twice is a pull quote or a template glitch
        kept.append(line)
    return kept


# --- metadata ------------------------------------------------------------------------------

def _meta_properties(tree: HtmlElement) -> dict[str, str]:
    """The first non-empty value of each <meta property|name=...>, keyed in lower case."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        value = _SPACE.sub(" ", element.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    return found


def _html_title(tree: HtmlElement) -> str:
    element = tree.find(".//title")
    return element.text_content() if element is not None else ""


def _clean_title(title: str, outlet: str) -> str:
    """The headline without a trailing " - Outlet" / " | Outlet" that <title> often carries."""
    title = _SPACE.sub(" ", title).strip()
    for separator in (" - ", " | ", " – ", " — ", " :: "):
        head, sep, tail = title.rpartition(separator)
        if sep and head and outlet and tail.strip().casefold() == outlet.casefold():
            return head.strip()
    return title


def _host_name(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _iso_date(value: str) -> str:
    """`YYYY-MM-DD` from an ISO date or date-time, as the page wrote it; "" if not one."""
    value = value.strip()
    if not value:
        return ""
    # The calendar date as published (publisher's local time): converting to UTC would move
    # an early-morning WIB article to the previous day.
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return ""
    try:
        return date(*map(int, match.groups())).isoformat()
    except ValueError:
        return ""
