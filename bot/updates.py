"""How updates share the bot: at most a few of one user's at a time.

PTB processes updates in arrival order, `concurrent_updates` at a time. One user who sends
300 inline queries therefore fills every slot, and another user's question waits until
hundreds of them have been handled (measured: 2 s and more, even when each is only answered
with nothing). Here each user's updates first pass a small per-user gate, and only then take
one of the shared slots: a flood waits in its own line, and other users' updates go straight
to a free slot.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

PER_USER = 4        # one user's updates handled at once; a person needs one or two
_ADMITTED = 10_000  # updates let past PTB's own gate; the limits that matter are below


@dataclass
class _Gate:
    semaphore: asyncio.Semaphore
    holders: int = field(default=0)  # updates of this user inside or waiting


class FairUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int, per_user: int = PER_USER) -> None:
        super().__init__(_ADMITTED)
        self._shared = asyncio.BoundedSemaphore(max_concurrent_updates)
        self._per_user = per_user
        self._gates: dict[int, _Gate] = {}

    @property
    def users_waiting(self) -> int:
        """Users with updates in progress or waiting (idle users are forgotten)."""
        return len(self._gates)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        user = update.effective_user if isinstance(update, Update) else None
        if user is None:  # jobs, channel posts: no one to be fair to
            async with self._shared:
                await coroutine
            return
        gate = self._gates.setdefault(user.id, _Gate(asyncio.Semaphore(self._per_user)))
        gate.holders += 1
        try:
            async with gate.semaphore, self._shared:
                await coroutine
        finally:
            gate.holders -= 1
            if gate.holders == 0:
                del self._gates[user.id]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""
