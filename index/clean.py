"""Strip news-page boilerplate from article text and deduplicate its paragraphs.

Input is page text as copied or extracted: one paragraph per line, with the site's
chrome mixed in. Output keeps only prose a user could quote. Rules are deliberately
conservative about what counts as prose: a line must read like a sentence (enough words,
ending in sentence punctuation), which drops headlines of related news, photo captions,
bylines and widgets whatever their wording.
"""

from __future__ import annotations

import re
import unicodedata

# A line matching one of these ends the article: what follows is page furniture.
_END_MARKERS = re.compile(
    r"^\s*(berita terkait|artikel terkait|terpopuler|artikel terbaru|berita terbaru|"
    r"baca berita lainnya|dapatkan informasi terkini|ikuti terus berita|"
    r"isi komentar sepenuhnya|tulis komentar|komentar\s*\(|bagikan artikel|"
    r"simak berita|follow (us|kami)|ikuti (kami|kanal))",
    re.IGNORECASE,
)

# Lines that are never prose, wherever they stand.
_DROP_LINE = re.compile(
    r"^\s*(baca juga|baca\s*:|lihat juga|simak juga|artikel ini telah tayang|"
    r"penulis\s*:|editor\s*:|reporter\s*:|redaktur\s*:|oleh\s|foto\s*:|sumber\s*:|"
    r"tags?\s*:|share|bagikan|copyright|©|!\[|\|)",
    re.IGNORECASE,
)

# Reporter initials or credits at the end of the last paragraph: "(art/kpg)", "(*)".
_TRAILING_CREDIT = re.compile(r"\s*\((?:\*|[^()]{1,40}/[^()]{1,60})\)\s*$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$|[\"”’]$")
MIN_WORDS = 6


def clean_lines(lines: list[str]) -> list[str]:
    """Paragraphs of prose, in order, each once."""
    kept: list[str] = []
    seen: set[str] = set()
    for raw in lines:
        line = normalize_spaces(raw)
        if _END_MARKERS.match(line) and kept:
            break
        line = _TRAILING_CREDIT.sub("", line)
        if not is_prose(line):
            continue
        key = dedupe_key(line)
        if key not in seen:
            seen.add(key)
            kept.append(line)
    return kept


def is_prose(line: str) -> bool:
    if not line or _DROP_LINE.match(line):
        return False
    return len(line.split()) >= MIN_WORDS and bool(_SENTENCE_END.search(line))


def normalize_spaces(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text).strip()


def dedupe_key(text: str) -> str:
    """Equal for paragraphs that differ only in case, spacing or punctuation."""
    return re.sub(r"[\W_]+", "", text.lower())
