"""Another user's answer latency while one user floods the bot with inline queries.

    .venv/bin/python bench/bench_flood.py [--questions N] [--flood-rate Q] [--burst N]

The flooder first sends a burst of inline queries at once, then keeps sending them at a
steady rate, all through the measurement; meanwhile other users ask one question at a time.
Latency is from pushing the question into the emulator to the emulator receiving the answer
(long polling, handler, queue, search, HTTP send). Figures without the flood come first, for
comparison. The goal (issue 10): p95 under 1 s during the flood.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from dataclasses import replace

from _util import QUESTIONS, percentile, report, scratch_config

from tests.support.bot_harness import running_bot
from index.retrieval.build import build_index
from index.retrieval.embedder import Embedder
from tests.support.telegram_emulator import TelegramEmulator

FLOODER = 66_000


async def ask_in_turn(bot, count: int, first_user: int) -> list[float]:
    """`count` questions from different users, one after another; latencies in ms."""
    latencies = []
    for n in range(count):
        started = time.monotonic()
        reply = await bot.ask_private(first_user + n, QUESTIONS[n % (len(QUESTIONS) - 1)],
                                      timeout=60)
        latencies.append((reply.time - started) * 1000)
    return latencies


async def flood(emu: TelegramEmulator, burst: int, rate: float, stop: asyncio.Event) -> int:
    """A burst of inline queries at once, then `rate` per second until `stop`."""
    sent = 0
    for _ in range(burst):
        emu.inline_query(FLOODER, f"apakah asn boleh ikut kampanye {sent}")
        sent += 1
    while not stop.is_set():
        emu.inline_query(FLOODER, f"apakah asn boleh ikut kampanye {sent}")
        sent += 1
        await asyncio.sleep(1 / rate)
    return sent


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=60)
    parser.add_argument("--flood-rate", type=float, default=100.0, help="inline queries/s")
    parser.add_argument("--burst", type=int, default=300)
    args = parser.parse_args()
    config = scratch_config()
    embedder = Embedder(config)
    build_index(config, embedder)
    with TelegramEmulator() as emu:
        config = replace(config, telegram=replace(config.telegram, api_url=emu.base_url))
        async with running_bot(config, embedder, emu) as bot:
            await bot.ask_private(1, QUESTIONS[0])  # warm-up
            quiet = await ask_in_turn(bot, args.questions, 100_000)
            report("another user's latency, no flood", answers=len(quiet),
                   p50_ms=percentile(quiet, 50), p95_ms=percentile(quiet, 95))

            mark = emu.mark()
            stop = asyncio.Event()
            flooding = asyncio.create_task(flood(emu, args.burst, args.flood_rate, stop))
            await asyncio.sleep(0)  # the burst is in before the first question
            started = time.monotonic()
            loaded = await ask_in_turn(bot, args.questions, 200_000)
            stop.set()
            sent = await flooding
            elapsed = time.monotonic() - started
            await asyncio.sleep(2)
            answered = [c for c in emu.calls_to("answerInlineQuery") if c.seq > mark]
            searched = [c for c in answered if c.params["results"] not in ("[]", [])]
            report(f"another user's latency, inline flood ({args.burst} at once, then "
                   f"{args.flood_rate:g}/s)", answers=len(loaded),
                   p50_ms=percentile(loaded, 50), p95_ms=percentile(loaded, 95),
                   max_ms=max(loaded))
            report("the flood", inline_queries=sent, seconds=elapsed,
                   answered=len(answered), with_results=len(searched),
                   rejected_by_telegram=len(bot.bad_requests()))


if __name__ == "__main__":
    asyncio.run(main())
