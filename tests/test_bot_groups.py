"""End to end: groups subscribe, admins announce now or on a schedule, state survives restarts."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from bot.config import ScheduledAnnouncement
from tests.support.bot_harness import ADMIN_ID, running_bot

MEMBER = 7001
GROUP_ADMIN = 7002


async def test_only_group_admins_or_bot_admins_may_subscribe(bot):
    emu, group = bot.emu, -6001
    emu.set_member_status(group, GROUP_ADMIN, "administrator")
    refused = await bot.command(group, "langganan", user_id=MEMBER)
    assert "hanya admin grup" in refused.text
    assert not bot.svc.storage.subscribed_chats()

    assert "sekarang berlangganan" in (await bot.command(group, "langganan", user_id=GROUP_ADMIN)).text
    assert "sudah berlangganan" in (await bot.command(group, "langganan", user_id=ADMIN_ID)).text
    assert bot.svc.storage.subscribed_chats() == [group]
    assert "hanya admin grup" in (await bot.command(group, "berhenti", user_id=MEMBER)).text
    assert "tidak lagi" in (await bot.command(group, "berhenti", user_id=GROUP_ADMIN)).text
    assert not bot.svc.storage.subscribed_chats()
    assert "hanya dapat dipakai di grup" in (await bot.command(MEMBER, "langganan", user_id=MEMBER)).text


async def test_added_to_a_group_welcomes_and_removed_unsubscribes(bot):
    emu, group = bot.emu, -6002
    mark = emu.mark()
    emu.my_chat_member(group, "member", user_id=GROUP_ADMIN, old_status="left")
    welcome = await emu.wait_for_message(group, after=mark)
    assert "/tanya" in welcome.text and "/langganan" in welcome.text
    bot.svc.storage.subscribe(group, "Grup ASN", GROUP_ADMIN)
    emu.my_chat_member(group, "kicked", user_id=GROUP_ADMIN, old_status="member")
    for _ in range(100):
        if not bot.svc.storage.subscribed_chats():
            break
        await asyncio.sleep(0.02)
    assert not bot.svc.storage.subscribed_chats()


async def test_umumkan_reaches_groups_and_handles_403_429_and_migration(bot):
    emu, storage = bot.emu, bot.svc.storage
    ok, kicked, limited, migrating, new_home = -6101, -6102, -6103, -6104, -1000000006104
    for group in (ok, kicked, limited, migrating):
        storage.subscribe(group, f"Grup {group}", ADMIN_ID)
    emu.fail("sendMessage", chat_id=kicked, error_code=403,
             description="Forbidden: bot was kicked from the supergroup chat")
    emu.fail("sendMessage", chat_id=limited, error_code=429, retry_after=1, times=3)
    emu.fail("sendMessage", chat_id=migrating, error_code=400, migrate_to_chat_id=new_home,
             description="Bad Request: group chat was upgraded to a supergroup chat")
    bot.expected_bad_requests = 1  # the migration notice is a 400 by Telegram's design

    mark = emu.mark()
    emu.command(ADMIN_ID, "umumkan", "Apel netralitas ASN Senin pukul 07.30 <wajib>", user_id=ADMIN_ID)
    report = await emu.wait_for("editMessageText", after=mark, timeout=30)
    assert "terkirim ke 3 grup, gagal 1" in report.params["text"]
    assert "1 grup dihapus" in report.params["text"]
    for group in (ok, limited, new_home):
        delivered = [c for c in emu.calls_to("sendMessage") if c.chat_id == group and c.ok]
        assert len(delivered) == 1 and "&lt;wajib&gt;" in delivered[0].text
    assert storage.subscribed_chats() == sorted([ok, limited, new_home])


async def test_umumkan_usage_and_private_only(bot):
    assert "Pemakaian" in (await bot.command(ADMIN_ID, "umumkan", user_id=ADMIN_ID)).text
    assert "chat pribadi" in (await bot.command(-6201, "umumkan", "x", user_id=ADMIN_ID)).text


async def test_broadcast_rate_to_50_groups(bot):
    for n in range(50):
        bot.svc.storage.subscribe(-7000 - n, "g", ADMIN_ID)
    mark = bot.emu.mark()
    bot.emu.command(ADMIN_ID, "umumkan", "Uji siaran", user_id=ADMIN_ID)
    report = await bot.emu.wait_for("editMessageText", after=mark, timeout=60)
    assert "terkirim ke 50 grup, gagal 0" in report.params["text"]


async def test_scheduled_jobs_fire_once_per_minute_and_jadwal_lists_them(bot_config, embedder, emulator):
    entries = [ScheduledAnnouncement(cron="0 7 * * 1", text="Selamat pagi, jaga netralitas!"),
               ScheduledAnnouncement(cron="30 6 * * *", statement_of_the_day=True)]
    config = replace(bot_config, telegram=replace(bot_config.telegram, api_url=emulator.base_url),
                     announcements=replace(bot_config.announcements, scheduled=entries))
    group = -6301
    async with running_bot(config, embedder, emulator) as running:
        running.svc.storage.subscribe(group, "Grup", ADMIN_ID)
        jobs = {job.data.cron: job for job in running.app.job_queue.jobs()
                if job.name.startswith("announce-")}
        assert set(jobs) == {"0 7 * * 1", "30 6 * * *"}
        assert jobs["0 7 * * 1"].next_t.weekday() == 0 and jobs["0 7 * * 1"].next_t.hour == 7

        mark = emulator.mark()
        await jobs["0 7 * * 1"].run(running.app)
        await jobs["0 7 * * 1"].run(running.app)  # a second firing in the same minute
        await jobs["30 6 * * *"].run(running.app)
        sent = [c.text for c in emulator.calls_to("sendMessage") if c.seq > mark and c.chat_id == group]
        assert len(sent) == 2
        assert "jaga netralitas!" in sent[0] and "Pernyataan hari ini" in sent[1] and "📰" in sent[1]

        listing = await running.command(ADMIN_ID, "jadwal", user_id=ADMIN_ID)
        assert "0 7 * * 1" in listing.text and "berikutnya:" in listing.text
        assert "Pernyataan hari ini" in listing.text


async def test_restart_keeps_subscriptions_feedback_and_added_articles(bot_config, embedder, emulator):
    from index.corpus.article import Article, Official

    config = replace(bot_config, telegram=replace(bot_config.telegram, api_url=emulator.base_url))
    article = Article(id="kapuas01", title="Sekda Kapuas Hulu Larang ASN Hadiri Deklarasi Paslon",
                      body='"ASN dilarang menghadiri deklarasi pasangan calon, termasuk di luar jam '
                           'kerja dan saat cuti," kata Hendra Gunawan.',
                      outlet="Warta Kapuas", official=Official("Hendra Gunawan", "Sekretaris Daerah Kapuas Hulu"))
    async with running_bot(config, embedder, emulator) as first:
        first.svc.storage.subscribe(-6401, "Grup", ADMIN_ID)
        await first.svc.knowledge.add(article)
    async with running_bot(config, embedder, emulator) as second:
        assert second.svc.storage.subscribed_chats() == [-6401]
        reply = await second.ask_private(MEMBER, "Bolehkah ASN menghadiri deklarasi pasangan calon saat cuti?")
        assert "Hendra Gunawan" in reply.text and "Warta Kapuas" in reply.text
