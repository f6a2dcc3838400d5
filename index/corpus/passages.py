"""Split articles into passages: the statements a user can quote, each attributed.

A passage is a paragraph. A paragraph that only introduces a quote ("Ismail turut
mengingatkan agar ...") or asks what the next one answers travels with it, so the statement
keeps its context; an over-long paragraph is cut at sentence boundaries. The items of an
enumeration ("Kedua menghindari konflik kepentingan ...") are passages of their own, and
the sentence that announced the list ("ada empat poin penting ikrar netralitas ...") is
kept as hidden context: searched, not shown.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from index.corpus.article import Article, Official
from index.ingest.clean import dedupe_key
from index.corpus.officials import Speakers, detect_speakers
from index.corpus.turns import GUEST_LINE, is_question, split_at_new_speakers

MAX_WORDS = 120
_INTRO_MAX_WORDS = 25
_QUOTE_OPEN = ("\"", "“", "'", "‘")
_ORDINAL = re.compile(r"^(pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|"
                      r"kesembilan|kesepuluh|selanjutnya|terakhir|\d{1,2}[.)])\b", re.IGNORECASE)
_SENTENCE_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z])")


@dataclass(frozen=True)
class Source:
    outlet: str
    title: str
    date: str
    url: str


@dataclass(frozen=True)
class Passage:
    id: str
    article_id: str
    text: str
    official: Official
    source: Source
    context: str = ""

    def lexical_text(self) -> str:
        """What BM25 reads as the statement: its hidden context and its text."""
        return f"{self.context} {self.text}".strip()

    def meta_text(self) -> str:
        """Who said it and the headline it was reported under: shared by every statement
        of the article, so BM25 weighs it apart and less."""
        return " ".join([self.official.name, self.official.position, self.source.title])

    def dense_text(self) -> str:
        """What the embedding model sees: context first, so "pesan Pj Bupati Mempawah"
        finds Ismail's statements even when the quote itself never names him."""
        who = ", ".join(p for p in (self.official.name, self.official.position) if p)
        statement = f"{self.context} {self.text}".strip()
        return f"{self.source.title}. {who}: {statement}" if who else f"{self.source.title}. {statement}"

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Passage:
        return cls(id=data["id"], article_id=data["article_id"], text=data["text"],
                   official=Official(**data["official"]), source=Source(**data["source"]),
                   context=data.get("context", ""))


def article_passages(article: Article) -> list[Passage]:
    """Each statement with its speaker: the official its paragraph is attributed to (an
    introduction and its quote share the quote's speaker), else the article's official.
    A hand-checked header official is the article's official."""
    paragraphs = split_at_new_speakers(article.paragraphs())
    speakers = detect_speakers(article.title, paragraphs, article.official, article.outlet)
    source = Source(article.outlet, article.title, article.date, article.url)
    contexts = list_contexts(paragraphs)
    return [Passage(id=f"{article.id}:{n}", article_id=article.id, text=text,
                    official=speakers.by_paragraph[index], source=source,
                    context=contexts.get(text, ""))
            for n, (text, index) in enumerate(_statements_with_paragraph(paragraphs, speakers))]


def statements(paragraphs: list[str]) -> list[str]:
    return [text for text, _ in _statements_with_paragraph(paragraphs)]


def _statements_with_paragraph(paragraphs: list[str],
                               speakers: Speakers | None = None) -> list[tuple[str, int]]:
    """Statements, each with the paragraph whose speaker it takes (the quote's, when an
    introduction is merged into it). A paragraph attributed to someone other than the
    quote after it is no introduction: "Dosen ... itu menyarankan ..." then "...,"
    demikian Puji."""
    merged: list[tuple[str, int]] = []
    i = 0
    while i < len(paragraphs):
        text = paragraphs[i]
        if GUEST_LINE.match(text):  # who speaks in a transcript, no statement
            i += 1
            continue
        # an interviewer's or reader's question goes with the answer after it, and its speaker
        if i + 1 < len(paragraphs) and (is_question(text) or _introduces(text, paragraphs[i + 1])
                                        and not _speak_apart(speakers, i)):
            i += 1
            text = f"{text} {paragraphs[i]}"
        merged.extend((chunk, i) for chunk in _split_long(text))
        i += 1
    return merged


def list_contexts(paragraphs: list[str]) -> dict[str, str]:
    """For each enumerated paragraph, the last sentence of the paragraph that announced
    the list."""
    contexts: dict[str, str] = {}
    intro = ""
    for paragraph in paragraphs:
        if _ORDINAL.match(paragraph):
            if intro:
                contexts[paragraph] = intro
        else:
            intro = _SENTENCE_SPLIT.split(paragraph)[-1]
    return contexts


def unique_passages(passages: list[Passage]) -> list[Passage]:
    """Drop repeats across articles too: syndicated news often appears twice."""
    seen: set[str] = set()
    unique = []
    for passage in passages:
        key = dedupe_key(passage.text)
        if key not in seen:
            seen.add(key)
            unique.append(passage)
    return unique


def _speak_apart(speakers: Speakers | None, i: int) -> bool:
    """Paragraph `i` names a speaker of its own ("Dia memastikan, ..." after the Sekda
    spoke) and the next paragraph another."""
    if speakers is None:
        return False
    return speakers.attributed[i] and speakers.by_paragraph[i] != speakers.by_paragraph[i + 1]


def _introduces(paragraph: str, following: str) -> bool:
    if paragraph.endswith(":"):
        return True
    return (following.startswith(_QUOTE_OPEN) and len(paragraph.split()) <= _INTRO_MAX_WORDS
            and not re.search(r"[\"“”]", paragraph))


def _split_long(text: str) -> list[str]:
    if len(text.split()) <= MAX_WORDS:
        return [text]
    chunks: list[str] = []
    current: list[str] = []
    for sentence in _SENTENCE_SPLIT.split(text):
        if current and len(" ".join(current + [sentence]).split()) > MAX_WORDS:
            chunks.append(" ".join(current))
            current = []
        current.append(sentence)
    if current:
        chunks.append(" ".join(current))
    return chunks
