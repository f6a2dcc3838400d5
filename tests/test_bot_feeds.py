"""End to end: the bot polls news feeds on its JobQueue, tells the admins, and lets them
approve queued articles with /antrean; /statistik shows each feed's counts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.support.bot_harness import ADMIN_ID, running_bot
from tests.support import REPO
from tests.support.feed_site import build_feed_site
from tests.support.news_site import NewsSite

USER = 6262
CORPUS_ARTICLE = sorted((REPO / "corpus").glob("*.txt"))[0]


@pytest.fixture()
def feed_site():
    with NewsSite() as server:
        yield build_feed_site(server, CORPUS_ARTICLE, pages=4, negatives=2)


def _config(bot_config, emulator, site, auto_add: bool):
    return replace(
        bot_config,
        ingest=replace(bot_config.ingest, allow_private_hosts=True, timeout_seconds=5),
        # 0.02 minutes: the first poll starts 1.2 s after start-up, then every 1.2 s.
        feeds=replace(bot_config.feeds, urls=[site.rss, site.atom], interval_minutes=0.02,
                      auto_add=auto_add),
        telegram=replace(bot_config.telegram, api_url=emulator.base_url))


async def _summary(emu, timeout=240.0):
    call = await emu.wait_for_message(ADMIN_ID, lambda c: "Feed berita" in (c.text or ""),
                                      timeout=timeout)
    return call.text


async def test_scheduled_poll_adds_articles_and_tells_the_admins(bot_config, embedder, emulator,
                                                                  feed_site):
    config = _config(bot_config, emulator, feed_site, auto_add=True)
    async with running_bot(config, embedder, emulator) as bot:
        before = bot.svc.knowledge.facts().articles
        summary = await _summary(emulator)
        assert "4 artikel ditambahkan" in summary
        assert "Edward Candra" in summary                      # the official of page 01
        assert "Duplikat: 3" in summary and "Tidak relevan: 2" in summary
        assert "Gagal: 3" in summary and "tautan mati 1" in summary and "terlalu besar 1" in summary
        assert bot.svc.knowledge.facts().articles == before + 4

        answer = await bot.ask_private(USER, "Apa pesan Sekda Sumsel soal netralitas ASN?")
        assert "Edward Candra" in answer.text and "Monpera" in answer.text

        mark = emulator.mark()
        emulator.command(ADMIN_ID, "statistik", user_id=ADMIN_ID)
        stats = (await emulator.wait_for_message(ADMIN_ID, lambda c: "Statistik" in (c.text or ""),
                                                 after=mark)).text
        assert f"{feed_site.rss}: ditambahkan 2" in stats and "duplikat 1" in stats
        assert f"{feed_site.atom}: ditambahkan 2" in stats and "tidak relevan 1" in stats
        assert "Polling feed terakhir: " in stats and "belum pernah" not in stats
        assert not bot.bad_requests()


async def test_queued_articles_wait_for_an_admin_in_antrean(bot_config, embedder, emulator,
                                                            feed_site):
    config = _config(bot_config, emulator, feed_site, auto_add=False)
    async with running_bot(config, embedder, emulator) as bot:
        before = bot.svc.knowledge.facts().articles
        summary = await _summary(emulator)
        assert "4 artikel menunggu persetujuan" in summary
        assert bot.svc.knowledge.facts().articles == before     # nothing added yet

        refused = await bot.command(USER, "antrean", user_id=USER)
        assert "hanya untuk admin" in refused.text

        mark = emulator.mark()
        emulator.command(ADMIN_ID, "antrean", user_id=ADMIN_ID)
        header = await emulator.wait_for_message(ADMIN_ID, after=mark)
        assert "4 artikel menunggu persetujuan" in header.text
        cards = []
        for _ in range(4):  # one message per article, each with its buttons
            cards.append(await emulator.wait_for_message(
                ADMIN_ID, lambda c: bool(c.params.get("reply_markup")),
                after=cards[-1].seq if cards else header.seq))
        sumsel = next(c for c in cards if "Edward Candra" in c.text)
        other = next(c for c in cards if c is not sumsel)
        buttons = [b["callback_data"] for b in sumsel.params["reply_markup"]["inline_keyboard"][0]]
        accept, reject = buttons
        assert accept.startswith("q:a:") and reject.startswith("q:r:")

        stranger = emulator.mark()
        emulator.callback_query(ADMIN_ID, sumsel.result["message_id"], accept, user_id=USER)
        assert "hanya untuk admin" in (await emulator.wait_for("answerCallbackQuery", after=stranger)).params["text"]

        mark = emulator.mark()
        emulator.callback_query(ADMIN_ID, sumsel.result["message_id"], accept, user_id=ADMIN_ID)
        done = await emulator.wait_for("editMessageText", after=mark, timeout=120)
        assert done.params["text"].startswith("✅ Ditambahkan") and "Edward Candra" in done.params["text"]
        assert bot.svc.knowledge.facts().articles == before + 1
        answer = await bot.ask_private(USER, "Apa pesan Sekda Sumsel soal netralitas ASN?")
        assert "Edward Candra" in answer.text

        other_reject = [b["callback_data"] for b in other.params["reply_markup"]["inline_keyboard"][0]][1]
        mark = emulator.mark()
        emulator.callback_query(ADMIN_ID, other.result["message_id"], other_reject, user_id=ADMIN_ID)
        rejected = await emulator.wait_for("editMessageText", after=mark)
        assert rejected.params["text"].startswith("❌ Ditolak")

        mark = emulator.mark()
        emulator.callback_query(ADMIN_ID, sumsel.result["message_id"], accept, user_id=ADMIN_ID)
        again = await emulator.wait_for("answerCallbackQuery", after=mark)
        assert "sudah diproses" in again.params["text"]
        assert bot.svc.knowledge.facts().articles == before + 1

        left = await bot.command(ADMIN_ID, "antrean", user_id=ADMIN_ID)
        assert "2 artikel menunggu persetujuan" in left.text
        assert not bot.bad_requests()


def test_the_admin_summary_stays_short_however_much_a_poll_brings():
    from bot import texts
    from index import Article, Official, PollItem, PollReport

    added = [PollItem("f", f"https://x.id/{i}", "Judul <panjang> " * 20, "added", "", f"a{i}",
                      Article(f"a{i}", "Judul", "Isi", official=Official("Nama & Co", "Pj Bupati")))
             for i in range(15)]
    failed = [PollItem("f", "https://x.id/mati", "Mati", "failed", "dead_link"),
              PollItem("f", "https://x.id/aneh", "Aneh", "failed", "error: ValueError")]
    report = PollReport(added + failed, {"https://x.id/feed": "not_feed"})
    html = texts.feed_summary_html(report)
    assert len(html) < 4096 and html.count("• <b>") == 10 and "dan 5 lainnya" in html
    assert "&lt;panjang&gt;" in html and "Nama &amp; Co" in html
    assert "tautan mati 1" in html and "galat 1" in html and "bukan feed" in html
