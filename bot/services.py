"""What every handler needs, built once at start-up and kept in `bot_data`."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from dataclasses import dataclass, field

from telegram.ext import Application, ContextTypes

from bot.config import AppConfig
from index import Knowledge
from bot.storage import Storage

_KEY = "services"


class UserRateLimit:
    """At most `limit` questions per user in any `window` seconds (sliding window)."""

    def __init__(self, limit: int, window: float) -> None:
        self._limit = limit
        self._window = window
        self._asked: dict[int, deque[float]] = defaultdict(deque)

    def retry_after(self, user_id: int, now: float | None = None) -> int:
        """0 when the user may ask now (and counts the question), else seconds to wait."""
        now = time.monotonic() if now is None else now
        asked = self._asked[user_id]
        while asked and now - asked[0] >= self._window:
            asked.popleft()
        if len(asked) >= self._limit:
            return max(1, int(self._window - (now - asked[0]) + 0.999))
        asked.append(now)
        return 0


@dataclass
class Services:
    config: AppConfig
    knowledge: Knowledge
    storage: Storage
    rate_limit: UserRateLimit = field(init=False)

    def __post_init__(self) -> None:
        self.rate_limit = UserRateLimit(self.config.bot.rate_limit_questions,
                                        self.config.bot.rate_limit_seconds)

    def install(self, bot_data: dict) -> None:
        bot_data[_KEY] = self


def services(holder: ContextTypes.DEFAULT_TYPE | Application) -> Services:
    """The services of a handler's context or of the application (both carry bot_data)."""
    return holder.bot_data[_KEY]
