"""Answers as Telegram HTML: every corpus or user string escaped, every message within
Telegram's 4096-character limit (`bot.fitting`); and the buttons that open their sources."""

from __future__ import annotations

from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callback_data
from bot.fitting import fit_items, fits
from index import Passage, best_sentence

MAX_BUTTON_URL = 1000  # longer links are left to the headline's own link
_QUOTE_LIMITS = (1200, 700, 400, 200)  # tried in turn until the message fits
_MONTHS = ("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
           "Desember").split()


def answer_html(question: str, passages: list[Passage], first_number: int = 1) -> str:
    """The statements numbered from `first_number`, grouped by article and speaker (see
    `grouped`), each with the sentence that best matches the question in bold."""
    head = f"🔎 <b>Pernyataan pejabat tentang:</b> <i>{escape(_shorten(question, 300))}</i>"
    for limit in _QUOTE_LIMITS:
        parts, number = [], first_number
        for group in grouped(passages):
            parts.append(_group_html(group, number, limit, question))
            number += len(group)
        text = "\n\n".join([head, *parts])
        if fits(text):
            return text
    # Only a hand-edited article with enormous metadata gets here: drop statements whole.
    return fit_items(head, parts, sep="\n\n")


def grouped(passages: list[Passage]) -> list[list[Passage]]:
    """Statements of one article by one official go together, so the official and the
    source are shown once; groups keep the order of their best statement."""
    groups: dict[tuple[str, str, str], list[Passage]] = {}
    for passage in passages:
        key = (passage.article_id, passage.official.name, passage.official.position)
        groups.setdefault(key, []).append(passage)
    return list(groups.values())


def statement_html(passage: Passage, number: int | None = None, quote_limit: int = 1200,
                   question: str = "") -> str:
    return _group_html([passage], number, quote_limit, question)


def source_buttons(passages: list[Passage], first_number: int = 1) -> list[InlineKeyboardButton]:
    """One button per source page, labelled with the numbers of its statements as shown."""
    numbers: dict[str, list[int]] = {}
    shown = [p for group in grouped(passages) for p in group]
    for number, passage in enumerate(shown, start=first_number):
        url = passage.source.url
        if url.startswith(("https://", "http://")) and len(url) <= MAX_BUTTON_URL:
            numbers.setdefault(url, []).append(number)
    return [InlineKeyboardButton(f"🔗 Sumber {', '.join(map(str, found))}", url=url)
            for url, found in numbers.items()]


def _group_html(passages: list[Passage], first: int | None, quote_limit: int, question: str) -> str:
    lines = [("" if first is None else f"<b>{first + i}.</b> ") + f"“{_quote_html(p.text, quote_limit, question)}”"
             for i, p in enumerate(passages)]
    official, source = passages[0].official, passages[0].source
    if official.name or official.position:  # an office may speak without a name
        who = f"— <b>{escape(official.name or official.position)}</b>"
        lines.append(who + (f", {escape(official.position)}" if official.name and official.position else ""))
    title = escape(_shorten(source.title, 150))
    if source.url:
        title = f'<a href="{escape(source.url, quote=True)}">{title}</a>'
    where = " · ".join(p for p in (escape(source.outlet), title, indonesian_date(source.date)) if p)
    lines.append(f"📰 {where}")
    return "\n".join(lines)


def _quote_html(text: str, limit: int, question: str) -> str:
    """The quote, shortened to `limit`, escaped, with its best-matching sentence bold."""
    quote = _shorten(_unquote(text), limit)
    span = best_sentence(question, quote) if question else None
    if not span:
        return escape(quote)
    start, end = span
    return f"{escape(quote[:start])}<b>{escape(quote[start:end])}</b>{escape(quote[end:])}"


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


def queue_keyboard(article_id: str) -> InlineKeyboardMarkup:
    """✅/❌ for an article waiting for an admin: from a feed, or held back from /tambah."""
    return InlineKeyboardMarkup([[
        InlineKeyboardButton("✅ Tambahkan", callback_data=callback_data.queue_accept(article_id)),
        InlineKeyboardButton("❌ Tolak", callback_data=callback_data.queue_reject(article_id)),
    ]])
