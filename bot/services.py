"""What every handler needs, built once at start-up and kept in `bot_data`."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Hashable
from dataclasses import dataclass, field

from telegram.ext import Application, ContextTypes

from bot.config import AppConfig
from bot.search_queue import FairSearchQueue
from bot.storage import Storage
from index import Answer, Knowledge

_KEY = "services"


@dataclass(frozen=True)
class Verdict:
    wait: int = 0         # seconds until the user may ask again; 0: allowed, and counted
    notify: bool = False  # the first refusal in this window: tell the user, once


class UserRateLimit:
    """At most `limit` requests per user in any `window` seconds (sliding window).

    A refused user is told once per window, not once per message: every notice is a send
    that counts against the bot's global budget with Telegram, which a flood would otherwise
    spend. Users who stopped asking are forgotten, so the table holds only the users of the
    last window, however many have come and gone.
    """

    def __init__(self, limit: int, window: float) -> None:
        self._limit = limit
        self._window = window
        self._asked: dict[Hashable, deque[float]] = {}
        self._noticed: dict[Hashable, float] = {}
        self._swept: float | None = None

    def __len__(self) -> int:
        """Users tracked now."""
        return len(self._asked)

    def check(self, user: Hashable, now: float | None = None) -> Verdict:
        now = time.monotonic() if now is None else now
        self._sweep(now)
        asked = self._asked.setdefault(user, deque())
        while asked and now - asked[0] >= self._window:
            asked.popleft()
        if len(asked) < self._limit:
            asked.append(now)
            return Verdict()
        wait = max(1, int(self._window - (now - asked[0]) + 0.999))
        noticed = self._noticed.get(user)
        notify = noticed is None or now - noticed >= self._window
        if notify:
            self._noticed[user] = now
        return Verdict(wait, notify)

    def _sweep(self, now: float) -> None:
        """Once per window, drop users with nothing inside the window: amortised O(1)."""
        if self._swept is None or now - self._swept < self._window:
            self._swept = now if self._swept is None else self._swept
            return
        self._swept = now
        idle = [user for user, asked in self._asked.items()
                if not asked or now - asked[-1] >= self._window]
        for user in idle:
            del self._asked[user]
        self._noticed = {u: t for u, t in self._noticed.items() if now - t < self._window}


@dataclass
class Services:
    config: AppConfig
    knowledge: Knowledge
    storage: Storage
    rate_limit: UserRateLimit = field(init=False)
    inline_limit: UserRateLimit = field(init=False)
    searches: FairSearchQueue[Answer] = field(init=False)

    def __post_init__(self) -> None:
        bot = self.config.bot
        self.rate_limit = UserRateLimit(bot.rate_limit_questions, bot.rate_limit_seconds)
        self.inline_limit = UserRateLimit(bot.inline_limit_queries, bot.inline_limit_seconds)
        self.searches = FairSearchQueue(self.knowledge.ask, bot.search_queue_depth)

    def install(self, bot_data: dict) -> None:
        bot_data[_KEY] = self


def services(holder: ContextTypes.DEFAULT_TYPE | Application) -> Services:
    """The services of a handler's context or of the application (both carry bot_data)."""
    return holder.bot_data[_KEY]
