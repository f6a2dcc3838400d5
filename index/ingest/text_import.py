"""Turn raw page text (a saved news page) into a corpus article with a filled header.

The header is a best effort, meant to be checked and corrected by hand: the title is the
first headline-like line, the outlet comes from the dateline or a known site name, the
date from the first Indonesian date in the text, the official from `officials`.
"""

from __future__ import annotations

import re
from pathlib import Path

from index.corpus.article import Article, Official, article_id_for
from index.ingest.clean import clean_lines, normalize_spaces
from index.corpus.officials import detect_main_official

_MONTHS = {m: i for i, m in enumerate(
    "januari februari maret april mei juni juli agustus september oktober november desember"
    .split(), start=1)}
# "tanggal 12 September" dates a letter or decree the article cites, not the article.
_DATE_WORDS = re.compile(r"(?<!tanggal )\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
_DATE_NUMERIC = re.compile(r"\((\d{1,2})/(\d{1,2})/(\d{4})\)")
# Site names as they appear in datelines, with the outlet's usual name.
_KNOWN_OUTLETS = {
    "tribunpontianak": "Tribun Pontianak", "prokalteng": "Prokalteng.co",
    "bengkuluekspress": "Harian Bengkulu Ekspress", "infopublik": "InfoPublik",
    "antara": "ANTARA", "kompas": "Kompas", "detik": "detikcom", "tempo": "Tempo",
    "liputan6": "Liputan6", "cnnindonesia": "CNN Indonesia", "republika": "Republika",
}
# Possessive and bounded: "a-a-a-...", a word boundary at every hyphen, must not make each
# start rescan the rest of the run (quadratic on hostile text).
_DATELINE_SITE = re.compile(r"\b([A-Za-z0-9-]{1,63}+(?:\.[A-Za-z]{2,4}){1,2})\b")
_MIN_TITLE_WORDS = 4
_WEEKDAY_LINE = re.compile(r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|senin|"
                           r"selasa|rabu|kamis|jumat|sabtu|minggu)\b", re.IGNORECASE)


def import_text(raw: str, *, url: str = "", article_id: str | None = None) -> Article:
    lines = [normalize_spaces(line) for line in raw.splitlines()]
    title = next((ln for ln in lines
                  if len(ln.split()) >= _MIN_TITLE_WORDS and not _WEEKDAY_LINE.match(ln)), "")
    paragraphs = clean_lines(lines[lines.index(title) + 1:] if title else lines)
    outlet = detect_outlet(raw)
    official = detect_main_official(title, paragraphs, outlet)
    return Article(
        id=article_id or article_id_for(url or raw),
        title=title,
        body="\n\n".join(paragraphs),
        outlet=outlet,
        url=url,
        date=detect_date(raw),
        official=official,
        region=region_of(official),
    )


def import_file(path: Path) -> Article:
    return import_text(path.read_text(encoding="utf-8"), article_id=path.stem)


def detect_outlet(raw: str) -> str:
    lowered = raw.lower()
    hits = [(lowered.find(key), name) for key, name in _KNOWN_OUTLETS.items() if key in lowered]
    if hits:
        return min(hits)[1]
    site = _DATELINE_SITE.search(raw)
    return site.group(1) if site else ""


def detect_date(raw: str) -> str:
    """The first date in the text as YYYY-MM-DD, or "" when none is written out."""
    found = []
    if m := _DATE_WORDS.search(raw):
        found.append((m.start(), int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))))
    if m := _DATE_NUMERIC.search(raw):
        found.append((m.start(), int(m.group(3)), int(m.group(2)), int(m.group(1))))
    if not found:
        return ""
    _, year, month, day = min(found)
    return f"{year:04d}-{month:02d}-{day:02d}"


def region_of(official: Official) -> str:
    """The place in a position such as "Penjabat Bupati Pulang Pisau"."""
    m = re.search(r"(?:Bupati|Wali ?[Kk]ota|Gubernur)\s+(.+)$", official.position)
    return m.group(1) if m else ""
