"""Messages that always fit Telegram's limit, built from whole items.

Telegram refuses a text longer than 4096 characters, counted in UTF-16 code units after the
HTML is parsed. Slicing HTML to fit can cut a tag or an entity in half, and Telegram then
refuses the message for that instead. So a message is assembled from whole pieces (a head,
items, a tail) and items that do not fit are dropped, whole, from the end, with a note saying
how many. Plain text that goes into a piece is cut with `clip` before it is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence

from index import clip as clip_text

MAX_TEXT = 4096      # sendMessage, editMessageText, inline message content
MAX_CAPTION = 1024   # sendPhoto captions

_TAG = re.compile(r"<[^<>]*>")


def visible_length(markup: str) -> int:
    """What Telegram counts: UTF-16 code units of the text once tags and entities are
    parsed (an emoji counts two)."""
    text = html.unescape(_TAG.sub("", markup))
    return len(text.encode("utf-16-le")) // 2


def fits(markup: str, limit: int = MAX_TEXT) -> bool:
    return visible_length(markup) <= limit


def clip(text: str, limit: int) -> str:
    """Plain `text` cut for a message: at a space near the cut (within 40 characters)."""
    return clip_text(text, limit, near=40)


def fit_items(head: str, items: Sequence[str], *, sep: str = "\n", tail: str = "",
              more: Callable[[int], str] | None = None, limit: int = MAX_TEXT) -> str:
    """`head`, then as many of `items` as fit (in order, each whole), then `more(dropped)`
    when some were dropped, then `tail`. `head`, `tail` and the note must be short: they
    are never cut."""
    reserve = visible_length(sep + more(len(items))) if more else 0
    budget = limit - visible_length(head) - (visible_length(sep + tail) if tail else 0)
    kept: list[str] = []
    for item in items:
        cost = visible_length(sep + item)
        # The note's room is needed only if a later item is dropped.
        room = budget if len(kept) + 1 == len(items) else budget - reserve
        if cost > room:
            break
        kept.append(item)
        budget -= cost
    dropped = len(items) - len(kept)
    parts = [head, *kept, more(dropped) if more and dropped else "", tail]
    return sep.join(p for p in parts if p)


def first_fitting(candidates: Iterable[str], limit: int = MAX_TEXT) -> str | None:
    """The first candidate that fits, e.g. a statement with ever shorter quotes."""
    return next((c for c in candidates if fits(c, limit)), None)
