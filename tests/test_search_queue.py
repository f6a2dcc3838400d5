"""The fair, bounded search queue and the per-user limits in front of it (issue 10, items 7
and 12)."""

from __future__ import annotations

import asyncio

import pytest

from bot.search_queue import Busy, FairSearchQueue, Superseded
from bot.services import UserRateLimit


class SlowSearch:
    """A search that takes `seconds` and records the order questions were served in."""

    def __init__(self, seconds: float = 0.01) -> None:
        self.seconds = seconds
        self.served: list[str] = []

    async def __call__(self, question: str) -> str:
        await asyncio.sleep(self.seconds)
        self.served.append(question)
        return question.upper()


async def test_another_asker_waits_for_one_search_not_for_the_whole_flood():
    search = SlowSearch()
    queue = FairSearchQueue(search, max_depth=1000)
    flood = [asyncio.create_task(queue.search("banjir", f"q{i}")) for i in range(100)]
    await asyncio.sleep(0)
    assert await queue.search("lain", "pertanyaan saya") == "PERTANYAAN SAYA"
    assert search.served.index("pertanyaan saya") <= 2  # not behind 100 others
    assert [await t for t in flood] == [f"Q{i}" for i in range(100)]  # each lane in order


async def test_lanes_take_turns():
    search = SlowSearch()
    queue = FairSearchQueue(search, max_depth=1000)
    jobs = [asyncio.create_task(queue.search(asker, f"{asker}{i}"))
            for asker in "abc" for i in range(3)]
    await asyncio.gather(*jobs)
    assert search.served == ["a0", "b0", "c0", "a1", "b1", "c1", "a2", "b2", "c2"]


async def test_a_newer_inline_query_replaces_the_waiting_ones():
    search = SlowSearch(0.05)
    queue = FairSearchQueue(search, max_depth=1000)
    typed = [asyncio.create_task(queue.search("u", "a", replaceable=True))]
    await asyncio.sleep(0.01)  # "a" is being searched; the next keystrokes wait
    typed += [asyncio.create_task(queue.search("u", text, replaceable=True))
              for text in ("ap", "apa", "apakah asn")]
    results = await asyncio.gather(*typed, return_exceptions=True)
    assert results[0] == "A" and results[-1] == "APAKAH ASN"  # the running one, the latest
    assert all(isinstance(r, Superseded) for r in results[1:-1])
    assert search.served == ["a", "apakah asn"] and queue.depth == 0


async def test_past_the_depth_cap_a_search_is_refused_at_once():
    queue = FairSearchQueue(SlowSearch(0.05), max_depth=3)
    waiting = [asyncio.create_task(queue.search(0, "q"))]
    await asyncio.sleep(0.01)  # it runs
    waiting += [asyncio.create_task(queue.search(n, "q")) for n in range(1, 4)]
    await asyncio.sleep(0)  # three wait
    with pytest.raises(Busy):
        await queue.search("late", "q")
    assert await asyncio.gather(*waiting) == ["Q"] * 4


async def test_a_failing_search_reaches_its_asker_and_the_queue_goes_on():
    async def search(question: str) -> str:
        if question == "rusak":
            raise RuntimeError("model crashed")
        return question

    queue = FairSearchQueue(search, max_depth=10)
    with pytest.raises(RuntimeError):
        await queue.search("a", "rusak")
    assert await queue.search("b", "baik") == "baik"


def test_rate_limit_notifies_once_per_window():
    limit = UserRateLimit(limit=3, window=60)
    verdicts = [limit.check(1, now=100 + i) for i in range(10)]
    assert [v.wait == 0 for v in verdicts] == [True] * 3 + [False] * 7
    assert [v.notify for v in verdicts[3:]] == [True] + [False] * 6
    assert limit.check(1, now=161).wait == 0  # the window slid
    assert limit.check(2, now=161).wait == 0  # others were never affected


def test_rate_limit_forgets_idle_users():
    limit = UserRateLimit(limit=3, window=60)
    for user in range(10_000):
        limit.check(user, now=0.0)
    assert len(limit) == 10_000
    limit.check("late", now=61.0)  # a window later: everyone else has gone quiet
    assert len(limit) == 1


async def test_one_users_updates_cannot_take_every_slot():
    from telegram import Update, User

    from bot.updates import FairUpdateProcessor

    def update_from(user_id: int) -> Update:
        update = Update(user_id)
        object.__setattr__(update, "_effective_user", User(user_id, "u", False))  # PTB's cache
        assert update.effective_user.id == user_id
        return update

    processor = FairUpdateProcessor(max_concurrent_updates=4, per_user=2)
    finished: list[str] = []

    async def handle(name: str, seconds: float) -> None:
        await asyncio.sleep(seconds)
        finished.append(name)

    flood = [asyncio.create_task(processor.process_update(update_from(7), handle(f"f{i}", 0.05)))
             for i in range(20)]
    await asyncio.sleep(0)
    await processor.process_update(update_from(8), handle("other", 0.0))
    assert finished.index("other") <= 2  # not behind twenty
    await asyncio.gather(*flood)
    assert processor.users_waiting == 0  # idle users are forgotten
