"""Attacks on the running bot through the Bot API emulator (issue 10, items 7 to 11).

Each test attacks, then checks that another user is still answered within 3 s, that the bot
stays under 1.5 GB, and (the `bot` fixture) that Telegram rejected nothing it sent.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pytest

from bot.storage import KEY_FILE
from tests.support.bot_harness import ADMIN_ID, running_bot
from tests.support.telegram_emulator import auto_entities

QUESTION = "Apakah ASN boleh terlibat politik praktis selama pilkada?"
BYSTANDER = 7001
FLOODER = 7002
GROUP = -7100


def _rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


async def _still_serving(bot, user: int = BYSTANDER, pushed_at: float | None = None) -> float:
    """Seconds until `user` got an answer (from `pushed_at`, else from now); checks < 3 s and
    the memory bound."""
    started = time.monotonic() if pushed_at is None else pushed_at
    if pushed_at is None:
        reply = await bot.ask_private(user, QUESTION, timeout=30)
    else:
        reply = await bot.emu.wait_for_message(user, timeout=30)
    assert "📰" in reply.text
    seconds = reply.time - started
    assert seconds < 3.0, f"the bystander waited {seconds:.1f} s"
    assert _rss_mb() < 1536
    return seconds


def _buttons(call) -> list[str]:
    markup = call.params.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


def _edit(emu, update: dict, text: str) -> None:
    """Push the edit of a message an earlier update carried, as Telegram does."""
    message = {**update["message"], "text": text, "edit_date": int(time.time())}
    message["entities"] = auto_entities(text)
    emu.push_update({"edited_message": message})


# --- 7. floods -----------------------------------------------------------------------------

async def test_inline_flood_does_not_delay_another_users_question(bot):
    emu = bot.emu
    mark = emu.mark()
    for n in range(300):
        emu.inline_query(FLOODER, f"apakah asn boleh ikut kampanye {n}")
    pushed = time.monotonic()
    emu.private_message(BYSTANDER, QUESTION)
    await _still_serving(bot, pushed_at=pushed)
    for _ in range(300):  # every query is answered, most with nothing
        answered = [c for c in emu.calls_to("answerInlineQuery") if c.seq > mark]
        if len(answered) >= 300:
            break
        await asyncio.sleep(0.1)
    assert len(answered) == 300 and all(c.ok for c in answered)
    with_results = [c for c in answered if c.params["results"] not in ("[]", [])]
    assert len(with_results) <= bot.svc.config.bot.inline_limit_queries


async def test_private_flood_gets_one_notice_per_window_and_others_are_served(bot):
    emu = bot.emu
    limit = bot.svc.config.bot.rate_limit_questions
    mark = emu.mark()
    for _ in range(60):
        emu.private_message(FLOODER, QUESTION)
    pushed = time.monotonic()
    emu.private_message(BYSTANDER, QUESTION)
    await _still_serving(bot, pushed_at=pushed)
    await asyncio.sleep(1.0)
    to_flooder = [c for c in emu.calls_to("sendMessage") if c.seq > mark and c.chat_id == FLOODER]
    notices = [c for c in to_flooder if "terlalu cepat" in c.text]
    assert len(notices) == 1 and len(to_flooder) == limit + 1  # not 50 more sends


@pytest.fixture()
async def small_queue_bot(bot_config, embedder, emulator):
    settings = replace(bot_config.bot, search_queue_depth=2)
    config = replace(bot_config, bot=settings,
                     telegram=replace(bot_config.telegram, api_url=emulator.base_url))
    async with running_bot(config, embedder, emulator) as running:
        yield running
    assert not running.bad_requests()


async def test_past_the_queue_depth_questions_get_a_short_busy_reply(small_queue_bot):
    bot = small_queue_bot
    real_search = bot.svc.knowledge.ask

    async def slow_search(question: str):
        await asyncio.sleep(0.2)  # a loaded machine: searches pile up
        return await real_search(question)

    bot.svc.searches._search = slow_search
    users = range(8100, 8120)
    mark = bot.emu.mark()
    for user in users:
        bot.emu.private_message(user, QUESTION)
    replies = await asyncio.gather(*(bot.emu.wait_for_message(u, after=mark, timeout=30)
                                     for u in users))
    busy = [r for r in replies if "sedang sibuk" in r.text.lower()]
    answered = [r for r in replies if "📰" in r.text]
    assert busy and answered and len(busy) + len(answered) == len(users)
    bot.svc.searches._search = real_search
    await _still_serving(bot)


# --- 8. forged buttons ---------------------------------------------------------------------

async def test_a_forged_button_press_from_another_chat_reveals_nothing(bot):
    emu = bot.emu
    victim = await bot.ask_private(BYSTANDER, QUESTION)
    page, up = (next(d for d in _buttons(victim) if d.startswith(p)) for p in ("p:", "f:"))
    own = await bot.ask_private(FLOODER, "Sanksi apa bagi ASN yang melanggar netralitas?")
    forged = [page, page.rsplit(":", 1)[0] + ":2", up, "p:1:1", "f:1:1", "p:" + "A" * 22 + ":1"]
    for data in forged:
        mark = emu.mark()
        emu.callback_query(FLOODER, own.result["message_id"], data, user_id=FLOODER)
        answered = await emu.wait_for("answerCallbackQuery", after=mark)
        assert "kedaluwarsa" in answered.params["text"], data
    await asyncio.sleep(0.3)
    assert not emu.calls_to("editMessageText")  # nothing shown anywhere
    assert bot.svc.storage.stats("Asia/Jakarta").thumbs_up == 0
    mark = emu.mark()  # the owner's own press still works
    emu.callback_query(BYSTANDER, victim.result["message_id"], page, user_id=BYSTANDER)
    assert "<b>4.</b>" in (await emu.wait_for("editMessageText", after=mark)).params["text"]
    await _still_serving(bot, user=BYSTANDER + 1)


async def test_malformed_queue_presses_change_nothing(bot):
    """Even an admin's client may send any string: a queue press that is not exactly
    q:a:<id> or q:r:<id> names no queued article, and no path reaches the disk."""
    emu = bot.emu
    before = bot.svc.knowledge.facts()
    own = await bot.ask_private(ADMIN_ID, QUESTION)
    for data in ["q:a:../../etc/passwd", "q:x:abc123", "q:a:", "q:r:" + "a" * 41, "q:a:abc:def"]:
        mark = emu.mark()
        emu.callback_query(ADMIN_ID, own.result["message_id"], data, user_id=ADMIN_ID)
        answered = await emu.wait_for("answerCallbackQuery", after=mark)
        assert "sudah diproses" in answered.params["text"], data
    assert bot.svc.knowledge.facts() == before
    await _still_serving(bot, user=BYSTANDER + 2)


# --- 9. edited messages --------------------------------------------------------------------

async def test_edited_commands_and_questions_do_nothing(bot):
    emu = bot.emu
    bot.svc.storage.subscribe(GROUP, "Grup ASN", ADMIN_ID)
    mark = emu.mark()
    announce = emu.command(ADMIN_ID, "umumkan", "Apel pagi pukul 07.00", user_id=ADMIN_ID)
    await emu.wait_for_message(GROUP, after=mark)
    reindex = emu.command(ADMIN_ID, "reindex", user_id=ADMIN_ID)
    await emu.wait_for("editMessageText", lambda c: c.params["text"].startswith("✅"),
                       after=mark, timeout=120)
    tambah = emu.command(ADMIN_ID, "tambah", "bukan-url", user_id=ADMIN_ID)
    await emu.wait_for("editMessageText", lambda c: c.params["text"].startswith("❌"),
                       after=mark, timeout=30)
    asked = emu.private_message(BYSTANDER, QUESTION)
    await emu.wait_for_message(BYSTANDER, after=mark)
    built_at = bot.svc.knowledge.facts().built_at

    mark = emu.mark()
    _edit(emu, announce, "/umumkan Apel pagi pukul 07.30")
    _edit(emu, reindex, "/reindex")
    _edit(emu, tambah, "/tambah https://contoh.go.id/berita")
    _edit(emu, asked, QUESTION + " Mohon dijawab")
    await _still_serving(bot, user=BYSTANDER + 1)
    await asyncio.sleep(0.5)
    sent = [c for c in emu.calls if c.seq > mark and c.method in ("sendMessage", "editMessageText")
            and c.chat_id != BYSTANDER + 1]
    assert sent == [] and len(emu.sent_to(GROUP)) == 1
    assert bot.svc.knowledge.facts().built_at == built_at


# --- 11. privacy ---------------------------------------------------------------------------

async def test_no_asker_can_be_identified_from_the_bots_storage(bot):
    emu = bot.emu
    askers = [987654321, 876543210, 765432109]
    for user in askers:
        reply = await bot.ask_private(user, QUESTION)
        up = next(d for d in _buttons(reply) if d.startswith("f:"))
        mark = emu.mark()
        emu.callback_query(user, reply.result["message_id"], up, user_id=user)
        await emu.wait_for("answerCallbackQuery", after=mark)
    for user in askers:
        await bot.ask_private(user, "Bagaimana cara membuat kue lapis legit?")
    group = await bot.command(GROUP, "tanya", QUESTION, user_id=askers[0])
    assert "📰" in group.text

    stats_reply = await bot.command(ADMIN_ID, "statistik", user_id=ADMIN_ID)
    assert "Penilaian: 👍 3" in stats_reply.text and "(3×)" in stats_reply.text
    assert not any(str(u) in stats_reply.text for u in askers)

    bot.svc.storage.checkpoint()
    data_dir = bot.svc.config.data_dir
    raw = b"".join(p.read_bytes() for p in data_dir.glob("netral.db*"))
    for user in askers:
        assert str(user).encode() not in raw and user.to_bytes(4, "big") not in raw
    with sqlite3.connect(data_dir / "netral.db") as db:
        columns = {t: {r[1] for r in db.execute(f"PRAGMA table_info({t})")}
                   for t in ("questions", "answers", "feedback")}
    assert not any({"user_id", "chat_id"} & c for c in columns.values())
    assert (data_dir / KEY_FILE).stat().st_mode & 0o077 == 0
    await _still_serving(bot)


# --- the same classes of bug, elsewhere ----------------------------------------------------

async def test_health_endpoint_survives_an_oversized_request_line(bot, caplog):
    from bot.health import HealthServer

    server = HealthServer(bot.svc, "127.0.0.1", 0)
    await server.start()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"GET /" + b"a" * 200_000 + b" HTTP/1.1\r\n\r\n")
        await writer.drain()
        assert await asyncio.wait_for(reader.read(), 10) == b""  # closed, nothing served
        writer.close()
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"GET /healthz HTTP/1.1\r\n\r\n")
        assert (await asyncio.wait_for(reader.read(), 10)).startswith(b"HTTP/1.1 200")
        writer.close()
    finally:
        await server.stop()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]  # handled, not crashed
    await _still_serving(bot)


async def test_a_broadcast_that_fails_midway_ends_its_status(bot, monkeypatch):
    def broken() -> list[int]:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(bot.svc.storage, "subscribed_chats", broken)
    mark = bot.emu.mark()
    bot.emu.command(ADMIN_ID, "umumkan", "Apel pagi", user_id=ADMIN_ID)
    final = await bot.emu.wait_for("editMessageText", after=mark, timeout=30)
    assert final.params["text"].startswith("❌") and "terhenti" in final.params["text"]
    await _still_serving(bot)
