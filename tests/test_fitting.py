"""Every text the bot sends or edits fits one Telegram message and stays valid HTML, however
long what goes into it (issue 10, item 5)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from types import SimpleNamespace

import pytest

from bot import texts
from bot.fitting import MAX_TEXT, clip, fit_items, fits, visible_length
from bot.handlers.announce import statement_of_the_day_html
from bot.handlers.asking import inline_results
from bot.render import answer_html
from tests.support.bot_harness import ADMIN_ID
from index import Answer, Article, Hit, IndexFacts, Official, Passage, Source
from tests.support.telegram_emulator import parse_html

HUGE = "Sangat <panjang> & " * 2000  # markup and entities in it, 38 000 characters


def assert_sendable(markup: str) -> str:
    """Telegram would accept it: parseable HTML within 4096 UTF-16 units once parsed."""
    text, _ = parse_html(markup)
    assert len(text.encode("utf-16-le")) // 2 <= MAX_TEXT
    assert visible_length(markup) <= MAX_TEXT
    return text


def _passage(name: str = "Ismail", text: str = "ASN wajib netral.", title: str = "Judul") -> Passage:
    return Passage("a:1", "a", text, Official(name, "Pj Bupati"),
                   Source("Tribun", title, "2024-09-12", "https://contoh.go.id/a"))


def test_visible_length_counts_like_telegram():
    assert visible_length("<b>a&amp;b</b>") == 3
    assert visible_length("🙂") == 2  # outside the BMP: two UTF-16 units
    assert fits("x" * 4096) and not fits("x" * 4097)
    assert fits("<b>" + "x" * 4096 + "</b>")  # tags do not count


def test_fit_items_drops_whole_items_and_says_how_many():
    items = [f"• <b>item {i}</b> " + "x" * 300 for i in range(50)]
    text = fit_items("<b>Kepala</b>", items, more=lambda n: f"… dan {n} lagi")
    plain = assert_sendable(text)
    kept = plain.count("• item")
    assert 0 < kept < 50 and f"… dan {50 - kept} lagi" in plain
    assert fit_items("h", ["a", "b"], more=lambda n: "lagi") == "h\na\nb"


def test_clip_cuts_plain_text_at_a_space():
    assert clip("satu dua tiga", 100) == "satu dua tiga"
    cut = clip("kata " * 100, 50)
    assert len(cut) <= 50 and cut.endswith("…") and not cut.endswith(" …")


def test_statistics_with_huge_declined_questions_fit():
    stats = SimpleNamespace(asked=10**6, answered=1, declined=10**6 - 1, thumbs_up=0,
                            thumbs_down=0, subscribed_groups=3,
                            top_declined=[(HUGE, 5)] * 100)
    plain = assert_sendable(texts.statistics_html(stats, IndexFacts(10, 2, 0.0)))
    assert "Pertanyaan: 1000000" in plain and "baris lagi" in plain


def test_broadcast_report_with_many_reasons_fits():
    reasons = Counter({f"400 Bad Request: {HUGE[:300]} {i}": 1 for i in range(500)})
    plain = assert_sendable(texts.broadcast_report_html(10, 500, 2, reasons))
    assert plain.startswith("📣 Pengumuman terkirim ke 10 grup, gagal 500.")


def test_schedule_with_many_entries_fits():
    entries = [("0 7 * * 1", HUGE, datetime(2024, 11, 25, 7))] * 300
    assert_sendable(texts.schedule_html("Asia/Jakarta", entries))


def test_tambah_status_and_hapus_replies_fit():
    article = Article(id="abc", title=HUGE, body="", outlet=HUGE, date=HUGE,
                      official=Official(HUGE, HUGE))
    assert "✅ Artikel ditambahkan." in assert_sendable(texts.article_added_html(article, 3, False))
    assert_sendable(texts.no_such_article("a" * 4000))
    assert_sendable(texts.reindex_failed(HUGE))


def test_answers_with_enormous_hand_edited_metadata_fit():
    passages = [_passage(name=HUGE, title=HUGE, text=HUGE) for _ in range(3)]
    plain = assert_sendable(answer_html(HUGE, passages))
    assert plain.startswith("🔎")
    assert_sendable(statement_of_the_day_html(passages, datetime(2024, 11, 25)))


def test_inline_results_fit_or_are_left_out():
    answer = Answer(question=HUGE, hits=[Hit(_passage(text=HUGE), 1.0, 1.0, 1.0),
                                         Hit(_passage(name=HUGE), 1.0, 1.0, 1.0)],
                    confident=True, confidence=1.0)
    results = inline_results(answer, 3)
    assert len(results) == 1  # the statement with a 38 000-character name cannot be shown
    for result in results:
        assert_sendable(result.input_message_content.message_text)
        assert len(result.title) <= 100 and len(result.description) <= 200


async def test_umumkan_refuses_what_no_group_could_receive(bot):
    bot.svc.storage.subscribe(-8801, "Grup", ADMIN_ID)
    too_long = "&" * (texts.announcement_room() + 1)
    reply = await bot.command(ADMIN_ID, "umumkan", too_long, user_id=ADMIN_ID)
    assert "terlalu panjang" in reply.text and not bot.emu.sent_to(-8801)
    # Escaping makes the HTML five times longer; Telegram counts the text, so this fits.
    longest = "&" * texts.announcement_room()
    mark = bot.emu.mark()
    bot.emu.command(ADMIN_ID, "umumkan", longest, user_id=ADMIN_ID)
    delivered = await bot.emu.wait_for_message(-8801, after=mark)
    assert delivered.ok and delivered.result["text"].endswith("&" * 100)


@pytest.mark.parametrize("length", [4000, 4001])
def test_scheduled_announcement_text_is_checked_at_start_up(length):
    from bot.config import ScheduledAnnouncement
    from index import ConfigError

    entry = ScheduledAnnouncement(cron="0 7 * * 1", text="x" * length)
    if length <= 4000:
        entry.validate()
    else:
        with pytest.raises(ConfigError, match="longer than 4000"):
            entry.validate()
