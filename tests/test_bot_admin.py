"""End to end: admins curate the corpus from Telegram while users keep getting answers."""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace

import pytest

from tests.support import REPO
from tests.support.articles import KAPUAS_HULU
from tests.support.feed_site import NEGATIVES
from tests.support.bot_harness import ADMIN_ID, running_bot

USER = 5151
QUESTION = "Apakah ASN boleh terlibat politik praktis selama pilkada?"
NEW_QUESTION = "Bolehkah ASN memberi like atau komentar di unggahan pasangan calon?"
PAY_RISE = next(p for p in NEGATIVES if p.name == "05-gaji-pns-naik.html")


@pytest.fixture()
async def admin_bot(bot_config, embedder, emulator):
    """A bot that may fetch from the local article server (a loopback address)."""
    config = replace(bot_config, ingest=replace(bot_config.ingest, allow_private_hosts=True),
                     telegram=replace(bot_config.telegram, api_url=emulator.base_url))
    async with running_bot(config, embedder, emulator) as running:
        yield running
    assert not running.bad_requests()


async def _final_status(emu, mark, predicate, timeout=60.0):
    """The status message's last edit that satisfies `predicate`."""
    call = await emu.wait_for("editMessageText", lambda c: predicate(c.params["text"]),
                              after=mark, timeout=timeout)
    return call.params["text"]


async def test_reindex_reports_progress_and_keeps_answering_meanwhile(admin_bot):
    emu = admin_bot.emu
    before = admin_bot.svc.knowledge.facts()
    mark = emu.mark()
    emu.command(ADMIN_ID, "reindex", user_id=ADMIN_ID)
    status = await emu.wait_for_message(ADMIN_ID, after=mark)
    assert "Membangun ulang" in status.text
    answers = [await admin_bot.ask_private(USER + i, QUESTION) for i in range(3)]
    assert all("📰" in a.text for a in answers)
    done = await _final_status(emu, mark, lambda t: t.startswith("✅"))
    assert f"{before.passages} pernyataan" in done and "detik" in done
    assert admin_bot.svc.knowledge.facts().built_at > before.built_at


async def test_failed_reindex_leaves_the_old_index_serving(admin_bot, monkeypatch):
    import index.retrieval.build

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(index.retrieval.build, "save_index", broken)
    before = admin_bot.svc.knowledge.facts()
    mark = admin_bot.emu.mark()
    admin_bot.emu.command(ADMIN_ID, "reindex", user_id=ADMIN_ID)
    failed = await _final_status(admin_bot.emu, mark, lambda t: t.startswith("❌"))
    assert "disk full" in failed and "Indeks lama tetap dipakai" in failed
    assert admin_bot.svc.knowledge.facts() == before
    assert "📰" in (await admin_bot.ask_private(USER, QUESTION)).text


async def test_tambah_adds_an_article_that_answers_with_its_official_and_outlet(admin_bot, news_site):
    emu = admin_bot.emu
    declined = await admin_bot.ask_private(USER, NEW_QUESTION)
    assert "Kapuas Hulu" not in declined.text
    mark = emu.mark()
    emu.command(ADMIN_ID, "tambah", news_site.url_for(KAPUAS_HULU.path), user_id=ADMIN_ID)
    done = await _final_status(emu, mark, lambda t: t.startswith("✅"))
    assert KAPUAS_HULU.title in done and KAPUAS_HULU.outlet in done
    assert "Budi Santoso" in done and "Pernyataan baru:" in done
    article_id = done.split("/hapus ")[1].split("<")[0].strip()

    answer = await admin_bot.ask_private(USER + 1, NEW_QUESTION)
    assert "Budi Santoso" in answer.text and KAPUAS_HULU.outlet in answer.text
    assert news_site.url_for(KAPUAS_HULU.path) in answer.text

    mark = emu.mark()
    emu.command(ADMIN_ID, "tambah", news_site.url_for(KAPUAS_HULU.path), user_id=ADMIN_ID)
    again = await _final_status(emu, mark, lambda t: t.startswith("✅"))
    assert "diperbarui" in again and "Pernyataan baru: 0" in again

    removed = await admin_bot.command(ADMIN_ID, "hapus", article_id, user_id=ADMIN_ID)
    assert "dihapus" in removed.text
    assert "Budi Santoso" not in (await admin_bot.ask_private(USER + 2, NEW_QUESTION)).text
    missing = await admin_bot.command(ADMIN_ID, "hapus", article_id, user_id=ADMIN_ID)
    assert "Tidak ada artikel tambahan" in missing.text


SPEAKER_PAGES = REPO / "eval" / "speakers"


@pytest.mark.parametrize("page, official", [
    ("s01-idntimes-gowa-akun-asn-sukai-unggahan-paslon.html", "Syamsul Bahri Mangkona"),  # text only in JSON-LD
    ("p11-opini-netralitas-kewajiban-diam.html", "Endang Sri Rahayu"),  # an opinion column's author
    ("r10-metrotvnews-transkrip-dirjen-otda.html", "Bahrul Ulum Hakim"),  # a TV transcript
    ("q03-maros-galeri-apel-netralitas.html", "Rahman"),  # a photo story told in its captions
    # a small outlet's sloppy writing: "Kabupaten Sigi,Hasanuddin Lamarauna", "di sampaikan"
    ("dj01-sigipos-bkpsdm-sigi-ingatkan-asn-jangan-ikut-kampanye.html", "Hasanuddin Lamarauna"),
    # pull quotes credited after a dash: '“...” — Kepala Kanreg VI BKN Medan, Darwin Halomoan Siregar'
    ("dk06-bkn-kanreg-vi-medan-rekomendasi-bawaslu.html", "Darwin Halomoan Siregar"),
    # sections each ending in a "Baca Juga" link labelled beside it: once refused as a list of teasers
    ("dr09-idntimes-sulsel-bawaslu-makassar-rekomendasikan-5-asn-disanksi-pose-jari.html", "Andi Muhammad Fadli"),
])
async def test_tambah_names_the_official_of_hard_pages(admin_bot, news_site, page, official):
    news_site.expect_request(f"/{page}").respond_with_data(
        (SPEAKER_PAGES / page).read_text(encoding="utf-8"), content_type="text/html")
    mark = admin_bot.emu.mark()
    admin_bot.emu.command(ADMIN_ID, "tambah", news_site.url_for(f"/{page}"), user_id=ADMIN_ID)
    done = await _final_status(admin_bot.emu, mark, lambda t: t.startswith(("✅", "❌", "⚠")))
    assert done.startswith("✅") and official in done, done


@pytest.mark.parametrize("page, official, question, left_out", [
    # readers' comments in a `<div class="komentar-box">` beside the body, once read as the
    # article's last paragraphs in the Pj Bupati's name
    ("k06-okezone-pj-bupati-bogor-ancam-copot-asn-kampanye-terselubung.html", "Asep Kurnia Hidayat",
     "Apa kata Pj Bupati Bogor soal pegawai kecamatan yang bagi-bagi stiker?", ("Lapor ke mana ya", "Kasihan jamaah")),
    # the next story an infinite-scroll page appends, once read on with its BPBD head speaking
    ("dd10-kaltimpost-sekprov-kaltim-asn-kampanye-tpp-dipotong.html", "Syahrul Ramadhan Noor",
     "Apa kata Kepala BPBD Samarinda soal banjir di Sempaja?", ("Sempaja", "Suwarso")),
])
async def test_tambah_leaves_out_comments_and_appended_stories(admin_bot, news_site, page, official, question,
                                                                left_out):
    news_site.expect_request(f"/{page}").respond_with_data(
        (SPEAKER_PAGES / page).read_text(encoding="utf-8"), content_type="text/html")
    mark = admin_bot.emu.mark()
    admin_bot.emu.command(ADMIN_ID, "tambah", news_site.url_for(f"/{page}"), user_id=ADMIN_ID)
    done = await _final_status(admin_bot.emu, mark, lambda t: t.startswith(("✅", "❌")))
    assert done.startswith("✅") and official in done
    answer = await admin_bot.ask_private(USER, question)
    assert not any(text in answer.text.split("</i>", 1)[-1] for text in left_out)  # the question's echo aside


async def test_tambah_holds_back_an_off_topic_page_until_an_admin_confirms(admin_bot, news_site):
    """A page about civil servants' pay, not neutrality: its statements would answer
    questions the bot should decline, so it waits for an admin's ✅ instead of being added."""
    emu = admin_bot.emu
    news_site.expect_request("/ekonomi/gaji").respond_with_data(
        PAY_RISE.read_text(encoding="utf-8"), content_type="text/html")
    pay_question = "Berapa persen kenaikan gaji PNS mulai Januari?"
    assert "Menteri Keuangan" not in (await admin_bot.ask_private(USER, pay_question)).text
    before = admin_bot.svc.knowledge.facts()

    mark = emu.mark()
    emu.command(ADMIN_ID, "tambah", news_site.url_for("/ekonomi/gaji"), user_id=ADMIN_ID)
    held = await emu.wait_for("editMessageText", lambda c: c.params["text"].startswith("⚠️"),
                              after=mark, timeout=60)
    assert "belum ditambahkan" in held.params["text"] and "Gaji PNS Naik" in held.params["text"]
    accept, reject = [b["callback_data"] for b in held.params["reply_markup"]["inline_keyboard"][0]]
    assert accept.startswith("q:a:") and reject.startswith("q:r:")
    assert admin_bot.svc.knowledge.facts() == before  # nothing indexed
    assert "1 artikel menunggu persetujuan" in (await admin_bot.command(ADMIN_ID, "antrean", user_id=ADMIN_ID)).text

    mark = emu.mark()
    emu.callback_query(ADMIN_ID, held.params["message_id"], accept, user_id=ADMIN_ID)
    done = await emu.wait_for("editMessageText", lambda c: c.params["text"].startswith("✅ Ditambahkan"),
                              after=mark, timeout=120)
    assert "Gaji PNS Naik" in done.params["text"]
    assert admin_bot.svc.knowledge.facts().articles == before.articles + 1
    assert "Gaji PNS Naik" in (await admin_bot.ask_private(USER + 1, pay_question)).text


@pytest.mark.parametrize("path, expected", [
    ("/tidak-ada", "tautan mati"),
    ("/dokumen.pdf", "bukan halaman web"),
    ("/besar-stream?bytes=67108864", "terlalu besar"),
    ("/indeks", "Tidak ditemukan teks artikel"),
    ("/tag/netralitas-asn", "daftar berita, bukan satu artikel"),  # teasers of many stories
    ("/loop/a", "Terlalu banyak pengalihan"),
])
async def test_tambah_explains_each_bad_url(admin_bot, news_site, path, expected):
    mark = admin_bot.emu.mark()
    admin_bot.emu.command(ADMIN_ID, "tambah", news_site.url_for(path), user_id=ADMIN_ID)
    failed = await _final_status(admin_bot.emu, mark, lambda t: t.startswith("❌"))
    assert expected in failed


async def test_tambah_refuses_malformed_and_private_urls(bot):
    reply = await bot.command(ADMIN_ID, "tambah", "bukan-url", user_id=ADMIN_ID)
    failed = await _final_status(bot.emu, reply.seq - 1, lambda t: t.startswith("❌"))
    assert "URL tidak valid" in failed
    reply = await bot.command(ADMIN_ID, "tambah", "http://127.0.0.1:1/internal", user_id=ADMIN_ID)
    failed = await _final_status(bot.emu, reply.seq - 1, lambda t: t.startswith("❌"))
    assert "jaringan internal" in failed
    usage = await bot.command(ADMIN_ID, "tambah", user_id=ADMIN_ID)
    assert "Pemakaian" in usage.text


async def test_statistik_shows_figures_and_a_chart(bot):
    await bot.ask_private(USER, QUESTION)
    await bot.ask_private(USER, "Bagaimana cara membuat kue lapis legit?")
    await bot.ask_private(USER, "Bagaimana cara membuat kue lapis legit?")
    mark = bot.emu.mark()
    bot.emu.command(ADMIN_ID, "statistik", user_id=ADMIN_ID)
    text = (await bot.emu.wait_for_message(ADMIN_ID, after=mark)).text
    assert "Pertanyaan: 3 (terjawab 1, ditolak 2)" in text
    assert "kue lapis legit" in text and "(2×)" in text
    assert "Grup berlangganan: 0" in text
    assert "Ambang keyakinan jawaban: 0.48" in text  # the shipped corpus: min_confidence
    assert re.search(r"pertanyaan berbahasa Inggris 0\.[4-9]\d ", text)  # English: its own scale
    photo = await bot.emu.wait_for("sendPhoto", after=mark, timeout=30)
    assert photo.ok and next(iter(photo.files.values())).data[:8] == b"\x89PNG\r\n\x1a\n"
    await asyncio.sleep(0)
