"""Evaluate on a corpus that has grown: the shipped articles plus pages added by URL.

A pages manifest (eval/pages/manifest.yaml) lists saved HTML pages with the URL they came
from and the speakers they quote. Each page goes through the path `/tambah` takes after
fetching (extraction, cleaning, attribution) into a temporary data directory, which is
then indexed once. Speaker accuracy compares every listed speaker's name and position with
the officials the passages of that page carry.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from index.config import IndexConfig
from index.corpus.article import Article, Official, write_article
from index.corpus.passages import Passage, article_passages
from index.corpus.places import canonical_position
from index.ingest.extract import extract_article
from index.ingest.sources import article_from_extracted


@dataclass(frozen=True)
class SpeakerCheck:
    page: str
    expected: Official
    found: Official | None  # the detected official with that name, if any

    @property
    def name_ok(self) -> bool:
        return self.found is not None

    @property
    def position_ok(self) -> bool:
        return self.found is not None and same_position(self.expected.position, self.found.position)


def load_pages(manifest: Path) -> list[tuple[dict, Article]]:
    """Every page of the manifest as an article, extracted from its saved HTML."""
    entries = yaml.safe_load(manifest.read_text(encoding="utf-8")) or []
    pages = []
    for entry in entries:
        html = (manifest.parent / entry["file"]).read_text(encoding="utf-8")
        pages.append((entry, article_from_extracted(extract_article(html, entry["url"]))))
    return pages


@contextmanager
def corpus_with_pages(config: IndexConfig, articles: list[Article]) -> Iterator[IndexConfig]:
    """`config` over a temporary data directory holding `articles` as added articles."""
    with tempfile.TemporaryDirectory(prefix="netral-eval-") as tmp:
        grown = replace(config, data_dir=Path(tmp) / "data")
        for article in articles:
            write_article(grown.added_dir, article)
        yield grown


def check_speakers(pages: list[tuple[dict, Article]]) -> list[SpeakerCheck]:
    return [check for entry, article in pages for check in speakers_of(entry, article, article_passages(article))]


def speakers_of(entry: dict, article: Article, passages: list[Passage]) -> list[SpeakerCheck]:
    """Each speaker the manifest lists for the page against the officials its passages carry."""
    officials = [article.official] + [p.official for p in passages]
    return [SpeakerCheck(entry["file"], expected,
                         next((o for o in officials if same_name(o.name, expected.name)), None))
            for expected in expected_speakers(entry)]


@dataclass(frozen=True)
class QuoteCheck:
    page: str
    phrase: str
    expected: str  # the speaker's name
    found: Official | None  # the official of the first passage holding the phrase, if any

    @property
    def ok(self) -> bool:
        return self.found is not None and same_name(self.found.name, self.expected)


def check_quotes(entry: dict, passages: list[Passage]) -> list[QuoteCheck]:
    """Each of the manifest's `quotes` (a phrase of a statement -> who said it) against
    the speaker of the page's passage that holds it."""
    checks = []
    for phrase, name in (entry.get("quotes") or {}).items():
        passage = next((p for p in passages if phrase in p.text.lower()), None)
        checks.append(QuoteCheck(entry["file"], phrase, name, passage.official if passage else None))
    return checks


def page_mismatches(entry: dict, article: Article) -> list[str]:
    """What the page's main official, title, outlet and date get wrong, as "field: found"."""
    wrong = [] if same_name(article.official.name, entry["official"]["name"]) else \
        [f"official: {article.official.name} ({article.official.position})"]
    for field in ("title", "outlet", "date"):
        if getattr(article, field) != (entry.get(field) or ""):
            wrong.append(f"{field}: {getattr(article, field)}")
    return wrong


def page_officials(article: Article, passages: list[Passage]) -> dict:
    """A page's attribution as plain data, for comparing two versions of the code."""
    return {"official": [article.official.name, article.official.position],
            "meta": [article.title, article.outlet, article.date],
            "passages": [[p.official.name, p.official.position, p.text[:60]] for p in passages]}


def expected_speakers(entry: dict) -> list[Official]:
    speakers = [Official(entry["official"]["name"], entry["official"]["position"])]
    for other in entry.get("other_speakers") or []:
        match = re.match(r"^(.*?)\s*\((.*)\)\s*$", other)
        speakers.append(Official(match.group(1), match.group(2)) if match else Official(other, ""))
    return speakers


def same_position(expected: str, found: str) -> bool:
    """Positions match when their words match after abbreviations are spelled out and the
    administrative level words dropped; an expected "A / B" accepts either."""
    return any(canonical_position(option) == canonical_position(found)
               for option in expected.split(" / "))


def same_name(a: str, b: str) -> bool:
    """Case, spacing and the periods of initials aside ("R. Bayu" is "R Bayu")."""
    return " ".join(a.lower().replace(".", " ").split()) == " ".join(b.lower().replace(".", " ").split())
