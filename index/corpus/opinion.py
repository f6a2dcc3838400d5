"""An opinion column's author, who speaks in every paragraph the column attributes to no one.

A column quotes its author by no verb of saying. Sites name the author in the byline
("Oleh: Dr. Hj. Endang Sri Rahayu, M.Si.") and say what they are in a note at the end or the
start ("*) Penulis adalah Dosen ... Universitas Jenderal Soedirman"), or in the byline after
the name ("Oleh: Prof. Dr. Name, S.H., M.Hum., Guru Besar ..."). Both the name and what they
are are needed: a byline alone is usually the reporter's, and a note alone gives no name to
read safely.
"""

from __future__ import annotations

import itertools
import re

from index.corpus.article import Official
from index.corpus.name_words import bare, could_be_name, is_degree, strip_honorifics
from index.corpus.roles import role_at

# "*) Penulis adalah ...", "(Penulis merupakan ...)", "* Penulis ialah ..."
_AUTHOR_NOTE = re.compile(r"^[\W_]{0,4}penulis\s+(?:adalah|merupakan|ialah)\s+([^.;]{3,250})",
                          re.IGNORECASE)
_NOTE_PARAGRAPHS = 3   # how far from either end of the column its note may stand
_MAX_NAME_WORDS = 5


def column_author(paragraphs: list[str], byline: str) -> tuple[Official, list[str]] | None:
    """The column's author with what the note says they are, and the paragraphs without
    the note (it is no statement); None when `paragraphs` are not a column."""
    name = byline_name(byline)
    if not name:
        return None
    ends = [*range(min(_NOTE_PARAGRAPHS, len(paragraphs))),
            *range(max(len(paragraphs) - _NOTE_PARAGRAPHS, 0), len(paragraphs))]
    for i in ends:
        note = _AUTHOR_NOTE.match(paragraphs[i])
        if note:
            position = note[1].strip(" )*")
            position = position[:1].upper() + position[1:]
            return Official(name, position), paragraphs[:i] + paragraphs[i + 1:]
    office = byline_office(byline)
    return (Official(name, office), paragraphs) if office else None


def byline_office(byline: str) -> str:
    """The office a byline gives after the name and degrees ("Prof. Dr. Name, S.H., M.Hum.,
    Guru Besar Hukum Tata Negara ..."), or "": a reporter's byline gives none."""
    parts = [part.strip() for part in byline.split(",")[1:]]
    rest = ", ".join(itertools.dropwhile(lambda part: all(is_degree(w) for w in part.split()), parts))
    words = rest.split()
    return rest.rstrip(".") if words and role_at(words, 0) else ""


def byline_name(byline: str) -> str:
    """The person a byline names, without honorifics and degrees ("Dr. Hj. Endang Sri
    Rahayu, S.Sos., M.Si." -> "Endang Sri Rahayu"); "" when it names no one."""
    first = byline.split(",")[0].split()
    words = strip_honorifics([bare(w) for w in first if not is_degree(w)])
    if not 0 < len(words) <= _MAX_NAME_WORDS or not all(could_be_name(w) for w in words):
        return ""
    return " ".join(words)
