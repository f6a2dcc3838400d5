"""The bot through the Bot API emulator: answer latency, a burst of users, broadcast rate,
/tambah to answerable, /reindex duration, and the resident memory of a real bot process.

    .venv/bin/python bench/bench_bot.py [--sequential N] [--burst N] [--groups N]

Latency is measured from pushing the update into the emulator to the emulator receiving
the answer, so it includes long polling, the handler, search and the HTTP send.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from _util import QUESTIONS, REPO, percentile, report, scratch_config

from tests.support.articles import KAPUAS_HULU
from tests.support.bot_harness import ADMIN_ID, running_bot
from tests.support.news_site import NewsSite
from index.retrieval.build import build_index
from index.retrieval.embedder import Embedder
from tests.support.telegram_emulator import TelegramEmulator


async def sequential(bot, count: int) -> None:
    latencies = []
    for n in range(count):
        started = time.monotonic()
        reply = await bot.ask_private(10_000 + n % 7, QUESTIONS[n % len(QUESTIONS)])
        latencies.append((reply.time - started) * 1000)
    report("answer latency, one user at a time", answers=count,
           p50_ms=percentile(latencies, 50), p95_ms=percentile(latencies, 95))


async def burst(bot, users: int) -> None:
    emu = bot.emu
    mark = emu.mark()
    started = time.monotonic()
    for n in range(users):
        emu.private_message(20_000 + n, QUESTIONS[n % len(QUESTIONS)])
    replies = await asyncio.gather(*(emu.wait_for_message(20_000 + n, after=mark, timeout=120)
                                     for n in range(users)))
    elapsed = max(r.time for r in replies) - started
    latencies = [(r.time - started) * 1000 for r in replies]
    report(f"burst of {users} users at once", answered=len(replies), seconds=elapsed,
           answers_per_s=len(replies) / elapsed, p95_ms=percentile(latencies, 95))


async def broadcast(bot, groups: int) -> None:
    for n in range(groups):
        bot.svc.storage.subscribe(-30_000 - n, f"Grup {n}", ADMIN_ID)
    mark = bot.emu.mark()
    started = time.monotonic()
    bot.emu.command(ADMIN_ID, "umumkan", "Uji siaran netralitas", user_id=ADMIN_ID)
    done = await bot.emu.wait_for("editMessageText", after=mark, timeout=120)
    elapsed = done.time - started
    report(f"broadcast to {groups} groups", report_text=done.params["text"].splitlines()[0],
           seconds=elapsed, messages_per_s=groups / elapsed)


async def tambah_to_answerable(bot, site: NewsSite) -> None:
    mark = bot.emu.mark()
    started = time.monotonic()
    bot.emu.command(ADMIN_ID, "tambah", site.url_for(KAPUAS_HULU.path), user_id=ADMIN_ID)
    await bot.emu.wait_for("editMessageText", lambda c: c.params["text"].startswith("✅"),
                           after=mark, timeout=120)
    reply = await bot.ask_private(40_000, "Bolehkah ASN memberi like di unggahan pasangan calon?")
    assert "Budi Santoso" in reply.text, reply.text
    report("/tambah until the article answers", seconds=reply.time - started)


async def reindex(bot) -> None:
    mark = bot.emu.mark()
    started = time.monotonic()
    bot.emu.command(ADMIN_ID, "reindex", user_id=ADMIN_ID)
    done = await bot.emu.wait_for("editMessageText", lambda c: c.params["text"].startswith("✅"),
                                  after=mark, timeout=300)
    report("/reindex", seconds=done.time - started, passages=bot.svc.knowledge.facts().passages)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sequential", type=int, default=100)
    parser.add_argument("--burst", type=int, default=100)
    parser.add_argument("--groups", type=int, default=50)
    args = parser.parse_args()
    config = scratch_config()
    embedder = Embedder(config)
    build_index(config, embedder)
    config = replace(config, admins=[ADMIN_ID], bot=replace(config.bot, rate_limit_questions=1000),
                     ingest=replace(config.ingest, allow_private_hosts=True))
    with TelegramEmulator() as emu, NewsSite() as site:
        config = replace(config, telegram=replace(config.telegram, api_url=emu.base_url))
        async with running_bot(config, embedder, emu) as bot:
            await bot.ask_private(1, QUESTIONS[0])  # warm-up
            await sequential(bot, args.sequential)
            await burst(bot, args.burst)
            await broadcast(bot, args.groups)
            await tambah_to_answerable(bot, site)
            await reindex(bot)
        await bot_process_memory(config, emu)


async def bot_process_memory(config, emu: TelegramEmulator) -> None:
    """Resident memory of a real `python -m bot`, after start and after a burst: the figure
    an operator sizes a container by (this benchmark process carries extra weight)."""
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": emu.token, "TELEGRAM_API_URL": emu.base_url,
           "BOT_DATA_DIR": str(config.data_dir)}
    process = subprocess.Popen([sys.executable, "-m", "bot"], cwd=REPO, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        mark = emu.mark()
        emu.private_message(50_000, QUESTIONS[0])
        await emu.wait_for_message(50_000, after=mark, timeout=120)
        after_start = _status_mb(process.pid, "VmRSS")
        mark = emu.mark()
        for n in range(100):
            emu.private_message(50_001 + n, QUESTIONS[n % len(QUESTIONS)])
        await asyncio.gather(*(emu.wait_for_message(50_001 + n, after=mark, timeout=120)
                               for n in range(100)))
        report("python -m bot memory", rss_after_start_mb=after_start,
               rss_after_burst_mb=_status_mb(process.pid, "VmRSS"),
               peak_mb=_status_mb(process.pid, "VmHWM"))
    finally:
        process.terminate()
        process.wait(timeout=30)


def _status_mb(pid: int, field: str) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split(f"{field}:")[1].split()[0]) / 1024


if __name__ == "__main__":
    asyncio.run(main())
