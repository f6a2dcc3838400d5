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

# Lines that are page furniture wherever they appear (case-insensitive, anchored).
_DEBRIS = [re.compile(p, re.IGNORECASE) for p in (
    # Links to other stories: "Baca juga:", "BACA JUGA :", "Baca Juga - ", "Lihat juga", ...
    r"^(baca|lihat|simak|tonton|cek)\s+(juga|pula)\b",
    r"^baca\s*:",
    r"^baca (selengkapnya|berita|artikel)\b.*(:|di\s)",
    r"^artikel ini (telah|sudah)?\s*(tayang|terbit|dipublikasikan)\b",
    # Ads and the phrases ad slots leave behind.
    r"^(advertisement|iklan|ads|sponsored|konten bersponsor|scroll to continue"
    r"( with content)?|scroll untuk melanjutkan( membaca)?)\W*$",
    r"^\[gambas:",
    # Share and comment prompts; short, so a sentence that merely starts so survives.
    r"^(bagikan|share|tulis komentar|berikan komentar|kirim komentar|komentar)\b.{0,40}$",
    # Bylines, datelines of portals and copyright notices: metadata, not statements.
    r"^(penulis|editor|pewarta|reporter|redaktur|kontributor|sumber|foto|tags?)\s*:.{0,150}$",
    r"^oleh\s.{0,150}$",
    r"^(copyright|hak cipta|©|\(c\) ).{0,200}$",
    r"^dilarang (keras )?(mengambil|mengutip|menyalin)\b",
    # Image and table debris left by copying a page as text.
    r"^(!\[|\||-+\s*\|)",
)]

# Prompts to follow the outlet ("Ikuti saluran X di WhatsApp", "... di Google News"). Matched
# only on short lines without quotation marks, because articles on ASN neutrality do quote
# officials on WhatsApp groups and social media.
_PROMO = re.compile(
    r"^(ikuti|simak|dapatkan|gabung|bergabung|follow|update|pilih|klik|yuk|mari)\b.*"
    r"(google news|saluran|channel|newsletter|klik|link|tautan|di sini|\.com\b|\.co\.id\b|\.id\b)",
    re.IGNORECASE)
_QUOTES = ('"', "\u201c", "\u201d")

# Reporter initials or credits at the end of the last paragraph: "(art/kpg)", "(*)", and a
# short code after the final sentence ("... ajak Yusril. rul", "... tegasnya. (ant)",
# "... kerahasiaannya. [fik]"), and an end mark ("... pungkas Asep.***"), which otherwise
# left the paragraph without a sentence end, so the statement was dropped.
_TRAILING_CREDIT = re.compile(r"\s*[(\[](?:\*|[^()\[\]]{1,40}/[^()\[\]]{1,60})[)\]]\s*$"
                              r"|(?<=[.!?…\"'”’]) [-–*]? ?[(\[]?[A-Za-z]{2,6}[)\]]?$"
                              r"|(?<=[.!?…\"'”’])\s*[*#]{1,3}$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$|[\"”’]$")
MIN_WORDS = 6


def clean_lines(lines: list[str], title: str = "") -> list[str]:
    """Paragraphs of prose, in order, each once, without a repeat of the headline."""
    kept: list[str] = []
    seen: set[str] = {dedupe_key(title)} if title else set()
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
    if not line or is_debris(line):
        return False
    return len(line.split()) >= MIN_WORDS and bool(_SENTENCE_END.search(line))


def is_debris(line: str) -> bool:
    """True for a line of page furniture rather than article text."""
    if any(pattern.search(line) for pattern in _DEBRIS):
        return True
    return len(line) <= 300 and not any(q in line for q in _QUOTES) and bool(_PROMO.search(line))


def normalize_spaces(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text).strip()


def dedupe_key(text: str) -> str:
    """Equal for paragraphs that differ only in case, spacing or punctuation."""
    return re.sub(r"[\W_]+", "", text.lower())
