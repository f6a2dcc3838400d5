"""Lexical analysis for BM25: stop words, Sastrawi stemming, synonyms.

Questions and passages go through the same `Analyzer`. Synonym groups are matched on
whole words before stemming, so "paslon" meets "pasangan calon" and every term of a group
becomes the group's first term. Matching stems instead would merge derived words
("pemberian" and "memberikan" share the stem "beri"); only clitics are peeled off first,
so "hukumannya" still meets "hukuman".
"""

from __future__ import annotations

import re
from functools import lru_cache

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)

# Words Sastrawi's list keeps but that say nothing about a topic in this domain's
# questions ("Apakah ASN boleh ...", "Sanksi apa ...", "asn boleh ga ...").
_EXTRA_STOP_WORDS = frozenset({
    "apa", "apakah", "siapa", "bagaimana", "mengapa", "kenapa", "kapan", "dimana", "berapa",
    "bolehkah", "bisakah", "yang", "ga", "gak", "nggak", "enggak", "dong", "sih", "ya", "kah",
    # Spoken fillers that are also dictionary roots, so the phone-spelling rule below keeps
    # them ("emang" = memang, "pas" = saat, "biar" = agar, "ato" = atau).
    "emang", "pas", "biar", "kayak", "tuh", "nih", "deh", "aja", "banget", "bgt", "beneran",
    "ngapain", "ato",
    # Asking what someone said says nothing about what they said on ("siapa pejabat yang
    # bicara soal netralitas", "apa pendapat Bawaslu", "apa pesan Sekda Sumsel": with 153
    # pages in the corpus that one was declined, its answer on top); Sastrawi already drops
    # "mengatakan".
    "bicara", "berbicara", "ngomong", "ngomongin", "bilang", "pendapat", "pendapatnya",
    "pernyataan", "pernyataannya", "talk", "talked", "statement", "statements",
    "pesan", "pesannya",
})
# English questions are answered from Indonesian text: their function words, and the words
# whose Indonesian counterparts are stop words above (boleh, ikut, harus, kata, tetap), say
# nothing about the topic.
_ENGLISH_STOP_WORDS = frozenset("""
a about above after again against all allowed allow am an and any are as at be been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers him his how i if in into is it its itself join
just may me might more most must my no nor not now of off on once only or other our ours out
over own participate permitted remain said same say says she should so some stay such than
that the their them then there these they this those through to too under until up very was
we were what when where which while who whom why will with would you your
""".split())
# Sastrawi drops ordinals, but "poin kedua" asks for the item that starts with "Kedua".
_KEPT_WORDS = frozenset({"pertama", "kedua", "ketiga", "keempat", "kelima"})
_CLITICS = ("nya", "lah", "kah", "pun")
# Colloquial (Jakarta) verb forms that Sastrawi leaves whole: "dilanjutin", "ngikutin",
# "nyoblos", "milih". The suffix -in stands for -kan/-i; a nasal prefix replaces the root's
# first letter as in the formal meN- ("nyoblos" = coblos, "milih" = pilih, "nanya" = tanya).
_INFORMAL_PREFIXES = (("di", ""), ("nge", ""), ("ng", ""), ("ny", "c"), ("ny", "s"),
                      ("m", "p"), ("m", "b"), ("n", "t"), ("", ""))


@lru_cache(maxsize=1)
def _stemmer():
    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=1)
def root_words() -> frozenset[str]:
    """Sastrawi's dictionary of Indonesian root words."""
    return frozenset(StemmerFactory().get_words())


@lru_cache(maxsize=1)
def _indonesian_stop_words() -> frozenset[str]:
    return frozenset(StopWordRemoverFactory().get_stop_words()) | _EXTRA_STOP_WORDS


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return (_indonesian_stop_words() | _ENGLISH_STOP_WORDS) - _KEPT_WORDS


@lru_cache(maxsize=1)
def _colloquial_stop_words() -> frozenset[str]:
    """How a phone spells stop words ("sbg" = sebagai, "hrs" = harus, "knp" = kenapa), from
    the Kamus Alay lexicon that indoNLP ships. Left in, the corpus never uses them, so an
    informal question looked as if it asked about something unknown and was declined
    (measured: at the same share of out-of-scope questions declined, 1-2 points more
    answered). A spelling that is itself a dictionary word ("kaya") stays, unless listed
    as a filler in _EXTRA_STOP_WORDS."""
    from indoNLP.preprocessing.slang_data import SLANG_DATA

    roots, stop_words = root_words(), _indonesian_stop_words()
    return frozenset(spelling for spelling, formal in SLANG_DATA.items()
                     if spelling.isalpha() and spelling not in roots
                     and all(word in stop_words for word in formal.split())) - _KEPT_WORDS


def _is_content(word: str, written: str) -> bool:
    """`word` lower-cased, `written` as written: an acronym in capitals ("BKN", "DPT") is
    never a colloquial stop word ("bkn" = bukan, "dpt" = dapat)."""
    if word in _stop_words():
        return False
    return word not in _colloquial_stop_words() or (written.isupper() and len(written) > 1)


# A phone writes a doubled word with a 2: "ikut2an" = ikut-ikutan, "hati2" = hati-hati.
_DOUBLED = re.compile(r"([^\W\d_]{2,})2([^\W\d_]*)")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    doubled = _DOUBLED.fullmatch(word)
    if doubled:
        word = f"{doubled[1]}-{doubled[1]}{doubled[2]}"
    stemmed = _stemmer().stem(word) or word
    if stemmed == word:  # Sastrawi found no affix: maybe a colloquial form
        return informal_root(word) or word
    return stemmed


def informal_root(word: str) -> str | None:
    """The dictionary root of a colloquial verb form Sastrawi does not know, if any."""
    if len(word) < 5 or word in root_words():
        return None
    bodies = [word[:-2], word] if word.endswith("in") else [word]
    for body in bodies:
        for prefix, first in _INFORMAL_PREFIXES:
            if body.startswith(prefix):
                root = first + body[len(prefix):]
                if len(root) >= 3 and root != word and root in root_words():
                    return root
    return None


def stems(text: str) -> list[str]:
    """Content words of `text`, lower-cased and stemmed, in order."""
    return [stem(w.lower()) for w in _WORD.findall(text) if _is_content(w.lower(), w)]


def phrasing(words: list[str]) -> list[str]:
    """Stemmed words as written, and each pair of neighbours ("ikut tim" in "ikut tim
    kampanye"): a statement in the question's own words, in its order, outranks one that
    only shares a synonym group or scattered words with it."""
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def written_in_english(text: str) -> bool:
    """Whether a fifth or more of the words are English function words ("what", "the",
    "should"): Indonesian uses none of them."""
    words = _WORD.findall(text.lower())
    return bool(words) and sum(w in _ENGLISH_STOP_WORDS for w in words) >= len(words) / 5


# A clause that sets a circumstance ("kalo lagi cuti", "jika sedang bertugas di luar kota"):
# it runs from its conjunction to the next comma or end of sentence.
_CIRCUMSTANCE = re.compile(r"\b(?:kalau|kalo|klo|jika|jikalau|apabila|bila|bilamana|seandainya|"
                           r"andaikan|ketika|saat|sewaktu|selagi)\b([^,;.!?]*)", re.IGNORECASE)


def circumstance(text: str) -> str:
    """The words of a question's conditional clauses."""
    return " ".join(match.group(1) for match in _CIRCUMSTANCE.finditer(text))


class Analyzer:
    """Turns text into BM25 terms. Deterministic and cheap to rebuild from config."""

    def __init__(self, synonym_groups: list[list[str]]) -> None:
        self._phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        for group in synonym_groups:
            head = tuple(stems(group[0]))
            for term in group:
                self._phrases[tuple(_WORD.findall(term.lower()))] = head
        self._longest = max(map(len, self._phrases), default=0)
        self._vocabulary = {word for phrase in self._phrases for word in phrase}

    def terms(self, text: str) -> list[str]:
        written = _WORD.findall(text)
        words = [self._without_clitic(w.lower()) for w in written]
        terms: list[str] = []
        i = 0
        while i < len(words):
            size, head = self._phrase_at(words, i)
            if head is None and _is_content(words[i], written[i]):
                terms.append(stem(words[i]))
            terms.extend(head or ())
            i += size
        return terms

    def acronyms(self, text: str) -> set[str]:
        """The terms of the acronyms `text` writes in capitals ("CPNS", "SIASN")."""
        return {stem(w.lower()) for w in _WORD.findall(text) if len(w) > 1 and w.isupper()}

    def _phrase_at(self, words: list[str], start: int) -> tuple[int, tuple[str, ...] | None]:
        """The longest synonym phrase starting at `start` with its group's head terms."""
        for size in range(min(self._longest, len(words) - start), 0, -1):
            head = self._phrases.get(tuple(words[start:start + size]))
            if head is not None:
                return size, head
        return 1, None

    def _without_clitic(self, word: str) -> str:
        for clitic in _CLITICS:
            if word.endswith(clitic) and word[: -len(clitic)] in self._vocabulary:
                return word[: -len(clitic)]
        return word
