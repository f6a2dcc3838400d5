"""Answers as Telegram HTML: every corpus or user string escaped, every message within
Telegram's 4096-character limit (`bot.fitting`)."""

from __future__ import annotations

from html import escape

from bot.fitting import MAX_TEXT, fit_items, fits
from index import Passage

MAX_MESSAGE_CHARS = MAX_TEXT
_QUOTE_LIMITS = (1200, 700, 400, 200)  # tried in turn until the message fits
_MONTHS = ("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
           "Desember").split()


def answer_html(question: str, passages: list[Passage], first_number: int = 1) -> str:
    head = f"🔎 <b>Pernyataan pejabat tentang:</b> <i>{escape(_shorten(question, 300))}</i>"
    for limit in _QUOTE_LIMITS:
        parts = [statement_html(p, first_number + i, limit) for i, p in enumerate(passages)]
        text = "\n\n".join([head, *parts])
        if fits(text):
            return text
    # Only a hand-edited article with enormous metadata gets here: drop statements whole.
    return fit_items(head, parts, sep="\n\n")


def statement_html(passage: Passage, number: int | None = None, quote_limit: int = 1200) -> str:
    official, source = passage.official, passage.source
    lines = [("" if number is None else f"<b>{number}.</b> ") +
             f"“{escape(_shorten(_unquote(passage.text), quote_limit))}”"]
    if official.name:
        who = f"— <b>{escape(official.name)}</b>"
        lines.append(who + (f", {escape(official.position)}" if official.position else ""))
    title = escape(_shorten(source.title, 150))
    if source.url:
        title = f'<a href="{escape(source.url, quote=True)}">{title}</a>'
    where = " · ".join(p for p in (escape(source.outlet), title, indonesian_date(source.date)) if p)
    lines.append(f"📰 {where}")
    return "\n".join(lines)


def indonesian_date(iso: str) -> str:
    try:
        year, month, day = (int(part) for part in iso.split("-"))
        return f"{day} {_MONTHS[month - 1]} {year}"
    except (ValueError, IndexError):
        return escape(iso)


def _unquote(text: str) -> str:
    """Statements are shown inside quotation marks; drop a pair that is already there."""
    stripped = text.strip()
    if len(stripped) > 1 and stripped[0] in "\"“" and stripped[-1] in "\"”" and \
            sum(stripped.count(c) for c in "\"“”") == 2:
        return stripped[1:-1]
    return stripped


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"
