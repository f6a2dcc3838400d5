"""Lexical analysis for BM25: synonyms, stop words, Sastrawi stemming.

Questions and passages go through the same `Analyzer`, so "paslon" in a question meets
"pasangan calon" in a passage: every term of a synonym group is rewritten to the group's
first term before tokenising.
"""

from __future__ import annotations

import re
from functools import lru_cache

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)

# Words Sastrawi's list keeps but that say nothing about a topic in this domain's
# questions ("Apakah ASN boleh ...", "Sanksi apa ...", "menurut Pj Wali Kota ...").
_EXTRA_STOP_WORDS = frozenset({
    "apa", "apakah", "siapa", "bagaimana", "mengapa", "kenapa", "kapan", "dimana", "berapa",
    "bolehkah", "bisakah", "yang", "ga", "gak", "nggak", "enggak", "dong", "sih", "ya", "kah",
    "is", "it", "the", "a", "an", "to", "for", "of", "in", "on", "and", "or", "are", "can",
    "what", "who", "how", "when", "why", "do", "does",
})


@lru_cache(maxsize=1)
def _stemmer():
    return StemmerFactory().create_stemmer()


# Sastrawi drops ordinals, but "poin kedua" asks for the item that starts with "Kedua".
_KEPT_WORDS = frozenset({"pertama", "kedua", "ketiga", "keempat", "kelima"})


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return (frozenset(StopWordRemoverFactory().get_stop_words()) | _EXTRA_STOP_WORDS) - _KEPT_WORDS


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stem(word) or word


class Analyzer:
    """Turns text into BM25 terms. Deterministic and cheap to rebuild from config."""

    def __init__(self, synonym_groups: list[list[str]]) -> None:
        self._canonical: dict[str, str] = {}
        for group in synonym_groups:
            head = _phrase_key(group[0])
            for term in group:
                self._canonical[_phrase_key(term)] = head
        phrases = sorted(self._canonical, key=len, reverse=True)
        self._pattern = (re.compile(r"\b(" + "|".join(map(re.escape, phrases)) + r")\b")
                         if phrases else None)

    def terms(self, text: str) -> list[str]:
        text = self._apply_synonyms(text.lower())
        return [stem(w) for w in _WORD.findall(text) if w not in _stop_words()]

    def _apply_synonyms(self, text: str) -> str:
        if self._pattern is None:
            return text
        text = re.sub(r"\s+", " ", text)
        return self._pattern.sub(lambda m: self._canonical[m.group(1)], text)


def _phrase_key(term: str) -> str:
    return re.sub(r"\s+", " ", term.strip().lower())
