"""Callback data of inline buttons, encoded and decoded in one place.

Telegram clients can send any string as callback data, so `parse` trusts nothing: anything
that is not exactly one of the shapes below decodes to None (`parse`, `parse_queue`). An answer is named by its
random token (`Storage.save_answer`), never by a counter, so a forged press cannot reach
someone else's answer by guessing; the storage also checks the press came from the answer's
own chat. Encoded data stays far below Telegram's 64-byte limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAGE_PATTERN = r"^p:"
VOTE_PATTERN = r"^f:"
QUEUE_PATTERN = r"^q:"  # admins only: checked by the handler, not by the data
_SHAPE = re.compile(r"([pf]):([A-Za-z0-9_-]{16,32}):(-?\d{1,3})")
_QUEUE_SHAPE = re.compile(r"q:([ar]):([A-Za-z0-9_]{1,40})")


@dataclass(frozen=True)
class PagePress:
    token: str
    page: int


@dataclass(frozen=True)
class VotePress:
    token: str
    vote: int  # 1 or -1


@dataclass(frozen=True)
class QueuePress:
    article_id: str
    accept: bool  # False: reject


def page(token: str, page_number: int) -> str:
    return f"p:{token}:{page_number}"


def vote(token: str, value: int) -> str:
    return f"f:{token}:{value}"


def queue_accept(article_id: str) -> str:
    return f"q:a:{article_id}"


def queue_reject(article_id: str) -> str:
    return f"q:r:{article_id}"


def parse(data: str | None) -> PagePress | VotePress | None:
    match = _SHAPE.fullmatch(data or "")
    if match is None:
        return None
    kind, token, number = match.group(1), match.group(2), int(match.group(3))
    if kind == "p" and number >= 0:
        return PagePress(token, number)
    if kind == "f" and number in (1, -1):
        return VotePress(token, number)
    return None


def parse_queue(data: str | None) -> QueuePress | None:
    match = _QUEUE_SHAPE.fullmatch(data or "")
    return QueuePress(match.group(2), match.group(1) == "a") if match else None
