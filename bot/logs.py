"""Logging set-up that never writes the bot token.

PTB and httpx put the token in request URLs ("/bot<TOKEN>/sendMessage"). httpx's
per-request INFO lines are silenced, and a filter masks the token in every record that
still mentions it, whichever logger wrote it.
"""

from __future__ import annotations

import logging

MASK = "<token>"


class RedactToken(logging.Filter):
    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if self._token:
            message = record.getMessage()
            if self._token in message:
                record.msg, record.args = message.replace(self._token, MASK), None
        return True


def setup_logging(token: str | None, level: str = "INFO") -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in ("httpx", "httpcore", "faiss.loader", "bm25s", "sentence_transformers"):
        logging.getLogger(name).setLevel(logging.WARNING)
    if token:
        redact = RedactToken(token)
        for handler in logging.getLogger().handlers:
            handler.addFilter(redact)
