"""An article as stored in the corpus: a YAML header, then the cleaned body.

The header is written by the importer and may be corrected by hand afterwards, so the
format stays plain text that a person can edit:

    ---
    title: ...
    outlet: ...
    url: ""
    date: 2024-09-12
    official: {name: Ismail, position: Penjabat Bupati Mempawah}
    region: Mempawah, Kalimantan Barat
    ---
    First paragraph.

    Second paragraph.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from index.files import write_atomic

HEADER_FENCE = "---"


class ArticleError(ValueError):
    """An article file is malformed."""


@dataclass(frozen=True)
class Official:
    name: str = ""
    position: str = ""


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    body: str
    outlet: str = ""
    url: str = ""
    date: str = ""
    official: Official = field(default_factory=Official)
    region: str = ""

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


def render_article(article: Article) -> str:
    header = asdict(article)
    del header["id"], header["body"]
    text = yaml.safe_dump(header, allow_unicode=True, sort_keys=False, width=1000)
    return f"{HEADER_FENCE}\n{text}{HEADER_FENCE}\n{article.body.strip()}\n"


def parse_article(text: str, article_id: str) -> Article:
    if not text.startswith(HEADER_FENCE + "\n"):
        raise ArticleError(f"{article_id}: missing '---' YAML header")
    head, sep, body = text[len(HEADER_FENCE) + 1:].partition(f"\n{HEADER_FENCE}\n")
    if not sep:
        raise ArticleError(f"{article_id}: YAML header is not closed with '---'")
    try:
        meta = yaml.safe_load(head) or {}
    except yaml.YAMLError as exc:
        raise ArticleError(f"{article_id}: invalid YAML header: {exc}") from exc
    if not isinstance(meta, dict) or not meta.get("title"):
        raise ArticleError(f"{article_id}: header needs at least a title")
    official = meta.pop("official", None) or {}
    known = {"title", "outlet", "url", "date", "region"}
    unknown = set(meta) - known
    if unknown:
        raise ArticleError(f"{article_id}: unknown header key(s) {sorted(unknown)}")
    fields = {k: "" if meta.get(k) is None else str(meta[k]) for k in known}
    return Article(id=article_id, body=body.strip(), official=Official(
        name=str(official.get("name") or ""), position=str(official.get("position") or "")),
        **fields)


def read_article(path: Path) -> Article:
    return parse_article(path.read_text(encoding="utf-8"), path.stem)


def write_article(directory: Path, article: Article) -> Path:
    path = directory / f"{article.id}.txt"
    write_atomic(path, render_article(article))
    return path


def article_id_for(url_or_text: str) -> str:
    """A short stable id: the same URL always gets the same id."""
    return hashlib.sha256(url_or_text.encode("utf-8")).hexdigest()[:12]


def list_article_files(*directories: Path) -> list[Path]:
    return sorted(p for d in directories if d.is_dir() for p in d.glob("*.txt")
                  if not p.name.startswith("."))
