"""Callback data of inline buttons, encoded and decoded in one place.

Telegram clients can send any string as callback data, so `parse` trusts nothing: anything
that is not exactly one of the shapes below decodes to None. Encoded data stays far below
Telegram's 64-byte limit.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_PATTERN = r"^p:"
VOTE_PATTERN = r"^f:"


@dataclass(frozen=True)
class PagePress:
    answer_id: int
    page: int


@dataclass(frozen=True)
class VotePress:
    answer_id: int
    vote: int  # 1 or -1


def page(answer_id: int, page_number: int) -> str:
    return f"p:{answer_id}:{page_number}"


def vote(answer_id: int, value: int) -> str:
    return f"f:{answer_id}:{value}"


def parse(data: str | None) -> PagePress | VotePress | None:
    kind, _, rest = (data or "").partition(":")
    first, _, second = rest.partition(":")
    if not (first.isdigit() and second.lstrip("-").isdigit()) or len(rest) > 40:
        return None
    answer_id, number = int(first), int(second)
    if kind == "p" and number >= 0:
        return PagePress(answer_id, number)
    if kind == "f" and number in (1, -1):
        return VotePress(answer_id, number)
    return None
