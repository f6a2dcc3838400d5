"""Logging set-up that never writes the bot token or the webhook secret.

PTB and httpx put the token in request URLs ("/bot<TOKEN>/sendMessage"), and PTB's
`InvalidToken` quotes it ("The token `...` was rejected"). Redaction therefore happens in the
formatter, on the finished line, tracebacks and exception messages included: a filter sees
only the message, never the traceback appended after it. Uncaught exceptions, in the main
thread or any other, are routed through logging so the same formatter covers them. httpx's
per-request INFO lines are silenced as well, and so is PTB's traceback for a rejected token:
`bot.main` reports that in one line.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterable
from types import TracebackType
from urllib.parse import quote

from telegram.error import InvalidToken

MASK = "<token>"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    """Replaces every secret, and its URL-encoded form, in the whole formatted record."""

    def __init__(self, secrets: Iterable[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self._secrets = _variants(secrets)

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(super().format(record))

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text


def _variants(secrets: Iterable[str]) -> list[str]:
    """Each secret as written and URL-encoded, and a bot token's secret half on its own
    ("123:ABC" -> "ABC"; the numeric half is the public bot id). Longest first."""
    found: set[str] = set()
    for secret in filter(None, (s.strip() for s in secrets)):
        found |= {secret, quote(secret, safe="")}
        head, sep, tail = secret.partition(":")
        if sep and head.isdigit() and len(tail) >= 8:
            found.add(tail)
    return sorted(found, key=len, reverse=True)


def _not_a_rejected_token(record: logging.LogRecord) -> bool:
    return not (record.exc_info and isinstance(record.exc_info[1], InvalidToken))


def setup_logging(*secrets: str | None, level: str = "INFO") -> RedactingFormatter:
    formatter = RedactingFormatter([s for s in secrets if s])
    handler = logging.StreamHandler()
    handler.setFormatter(formatter)
    handler.addFilter(_not_a_rejected_token)
    logging.basicConfig(level=level, handlers=[handler], force=True)
    logging.captureWarnings(True)  # warnings too go through the formatter
    for name in ("httpx", "httpcore", "faiss.loader", "bm25s", "sentence_transformers"):
        logging.getLogger(name).setLevel(logging.WARNING)
    sys.excepthook = _log_uncaught
    threading.excepthook = lambda args: _log_uncaught(args.exc_type, args.exc_value,
                                                      args.exc_traceback)
    return formatter


def _log_uncaught(kind: type[BaseException], value: BaseException | None,
                  traceback: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value or kind(), traceback)
        return
    logging.getLogger("bot").critical("uncaught exception", exc_info=(kind, value, traceback))
