"""The queue in front of the search: bounded, and fair between askers.

Searches run one at a time (the model already uses every core for one), so whoever sends the
most would otherwise be served the most: 300 inline queries from one user put everyone
else's question behind them. Here each asker has a lane and the lanes are served in turn,
one search each, so another user's question waits for at most one search per active asker,
however much one of them sends. Inline queries arrive per keystroke and only the latest one
matters: a newer one replaces the asker's waiting ones, which end with `Superseded`. Past
`max_depth` waiting searches a new one is refused with `Busy` instead of waiting ever longer.
Rate limits apply before this queue (`services.UserRateLimit`): a user over their limit never
reaches it.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


class Busy(Exception):
    """Too many searches are waiting."""


class Superseded(Exception):
    """A newer query from the same asker took this one's place."""


@dataclass
class _Job(Generic[T]):
    question: str
    future: asyncio.Future[T]
    replaceable: bool


class FairSearchQueue(Generic[T]):
    def __init__(self, search: Callable[[str], Awaitable[T]], max_depth: int) -> None:
        self._search = search
        self._max_depth = max_depth
        self._lanes: dict[Hashable, deque[_Job[T]]] = {}
        self._turns: deque[Hashable] = deque()  # askers with a waiting job, in serving order
        self._depth = 0
        self._runner: asyncio.Task[None] | None = None

    @property
    def depth(self) -> int:
        """Searches waiting (the one running not counted)."""
        return self._depth

    async def search(self, asker: Hashable, question: str, *, replaceable: bool = False) -> T:
        """Wait for a turn, search, return the result. A `replaceable` search (an inline
        query) replaces the asker's waiting replaceable ones. Raises Busy or Superseded."""
        if replaceable:
            self._drop_replaceable(asker)
        if self._depth >= self._max_depth:
            raise Busy
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        lane = self._lanes.get(asker)
        if lane is None:
            lane = self._lanes[asker] = deque()
            self._turns.append(asker)
        lane.append(_Job(question, future, replaceable))
        self._depth += 1
        if self._runner is None or self._runner.done():
            self._runner = asyncio.create_task(self._serve(), name="search-queue")
        return await future

    def close(self) -> None:
        """At shutdown: stop serving; waiting handlers are being cancelled anyway."""
        if self._runner is not None:
            self._runner.cancel()

    def _drop_replaceable(self, asker: Hashable) -> None:
        lane = self._lanes.get(asker)
        for job in [j for j in lane or () if j.replaceable]:
            lane.remove(job)  # type: ignore[union-attr]
            self._depth -= 1
            if not job.future.done():
                job.future.set_exception(Superseded())

    async def _serve(self) -> None:
        """Serve the lanes in turn until none has work; started again by the next search."""
        while self._turns:
            asker = self._turns.popleft()
            lane = self._lanes[asker]
            if not lane:  # every job in it was replaced
                del self._lanes[asker]
                continue
            job = lane.popleft()
            self._depth -= 1
            if lane:
                self._turns.append(asker)
            else:
                del self._lanes[asker]
            if job.future.done():  # its handler gave up (cancelled)
                continue
            try:
                result = await self._search(job.question)
            except Exception as exc:  # the asker's handler reports it
                if not job.future.done():
                    job.future.set_exception(exc)
            else:
                if not job.future.done():
                    job.future.set_result(result)
