"""Admin commands: /tambah, /hapus, /reindex, /statistik. Everyone else is refused politely.

Long jobs report through one status message that is edited as they progress.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from functools import wraps
from html import escape
from typing import TypeVar
from zoneinfo import ZoneInfo

from telegram import Message, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot import texts
from bot.chart import questions_chart_png
from bot.render import indonesian_date
from bot.services import services
from index import IngestError, Progress

log = logging.getLogger(__name__)
T = TypeVar("T")
PROGRESS_INTERVAL = 1.0  # seconds between status edits; Telegram throttles faster edits

FETCH_ERRORS = {
    "invalid_url": "URL tidak valid. Kirim alamat lengkap yang diawali http:// atau https://.",
    "private_host": "Alamat tersebut mengarah ke jaringan internal dan tidak diizinkan.",
    "dead_link": "Halaman tidak dapat diambil (tautan mati, server tidak merespons, atau galat HTTP).",
    "not_html": "Alamat tersebut bukan halaman web (HTML). Kirim tautan artikel berita.",
    "too_large": "Halaman terlalu besar untuk diproses.",
    "too_many_redirects": "Terlalu banyak pengalihan (redirect) pada alamat tersebut.",
    "no_article": "Tidak ditemukan teks artikel pada halaman tersebut.",
}


def admin_only(handler: Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]):
    @wraps(handler)
    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user = update.effective_user
        if not services(context).config.is_admin(user.id if user else None):
            log.info("refused %s for non-admin user %s", handler.__name__, user and user.id)
            await update.effective_message.reply_text(texts.NOT_ADMIN)
            return
        await handler(update, context)
    return guarded


@admin_only
async def reindex(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    knowledge = services(context).knowledge
    status = await update.effective_message.reply_text("⏳ Membangun ulang indeks…")
    started = time.monotonic()
    try:
        report = await with_progress(status, "⏳ Membangun ulang indeks", knowledge.rebuild)
    except Exception as exc:
        log.exception("reindex failed")
        await edit(status, f"❌ Pembangunan indeks gagal: {exc}. Indeks lama tetap dipakai.")
        return
    await edit(status, f"✅ Indeks selesai dibangun: {report.passages} pernyataan dari "
                       f"{report.articles} artikel dalam {time.monotonic() - started:.1f} detik.")


@admin_only
async def tambah(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    if len(context.args or []) != 1:
        await update.effective_message.reply_html("Pemakaian: <code>/tambah https://alamat-artikel</code>")
        return
    status = await update.effective_message.reply_text("⏳ Mengambil artikel…")
    try:
        added = await with_progress(status, "🧮 Mengindeks artikel",
                                    lambda progress: svc.knowledge.add_url(context.args[0], progress))
    except IngestError as exc:
        log.info("cannot add %s: %s", context.args[0], exc)
        await edit(status, "❌ " + FETCH_ERRORS.get(str(exc.reason), "Artikel tidak dapat ditambahkan."))
        return
    article, report = added.article, added.report
    svc.storage.record_added_article(article.id, article.url, article.title, update.effective_user.id)
    official = article.official
    await edit(status, "\n".join([
        "✅ Artikel diperbarui." if added.updated else "✅ Artikel ditambahkan.",
        f"<b>{escape(article.title)}</b>",
        f"Media: {escape(article.outlet or '-')} · Tanggal: {indonesian_date(article.date) or '-'}",
        f"Pejabat: {escape(official.name or '-')}, {escape(official.position or '-')}",
        f"Pernyataan baru: {report.embedded}",
        f"ID: <code>{article.id}</code> (hapus dengan <code>/hapus {article.id}</code>)",
    ]), html=True)


@admin_only
async def hapus(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    if len(context.args or []) != 1:
        await update.effective_message.reply_html("Pemakaian: <code>/hapus ID-artikel</code>")
        return
    article_id = context.args[0]
    if not article_id.isalnum() or not await svc.knowledge.remove(article_id):
        await update.effective_message.reply_html(
            f"Tidak ada artikel tambahan dengan ID <code>{escape(article_id)}</code>. "
            "Artikel bawaan tidak dapat dihapus dari bot.")
        return
    svc.storage.forget_added_article(article_id)
    await update.effective_message.reply_html(f"🗑 Artikel <code>{escape(article_id)}</code> dihapus dari indeks.")


@admin_only
async def statistik(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    stats = svc.storage.stats(svc.config.announcements.timezone)
    facts = svc.knowledge.facts()
    age_hours = (time.time() - facts.built_at) / 3600
    missing = "\n".join(f"• {escape(q[:120])} ({n}×)" for q, n in stats.top_declined) or "• -"
    await update.effective_message.reply_html("\n".join([
        "📊 <b>Statistik Netral</b>",
        f"Pertanyaan: {stats.asked} (terjawab {stats.answered}, ditolak {stats.declined})",
        f"Penilaian: 👍 {stats.thumbs_up} · 👎 {stats.thumbs_down}",
        f"Artikel: {facts.articles} · Pernyataan: {facts.passages} · Umur indeks: {age_hours:.1f} jam",
        f"Grup berlangganan: {stats.subscribed_groups}",
        *_feed_lines(svc),
        "",
        "<b>Pertanyaan yang paling sering belum terjawab</b>",
        missing,
    ]))
    if stats.per_day:
        png = await asyncio.to_thread(questions_chart_png, stats.per_day)
        await update.effective_message.reply_photo(png, caption="Pertanyaan per hari (14 hari terakhir)")


def _feed_lines(svc) -> list[str]:
    """Per-feed counts and the last poll, when feeds are configured."""
    if not svc.config.feeds.urls:
        return []
    return texts.feed_stats_lines(svc.knowledge.feed_counts(),
                                  ZoneInfo(svc.config.announcements.timezone))


async def with_progress(status: Message, label: str,
                        job: Callable[[Progress], Awaitable[T]]) -> T:
    """Run `job`, editing `status` with its progress at most once per interval."""
    latest = [0, 0]

    def progress(done: int, total: int) -> None:  # called from the build thread
        latest[:] = [done, total]

    task = asyncio.ensure_future(job(progress))
    shown = (0, 0)
    while not task.done():
        await asyncio.wait({task}, timeout=PROGRESS_INTERVAL)
        done, total = latest
        if total and (done, total) != shown and not task.done():
            shown = (done, total)
            await edit(status, f"{label}… {done}/{total} ({100 * done // total}%)")
    return task.result()


async def edit(status: Message, text: str, html: bool = False) -> None:
    """Status edits are best effort: a failed edit must not fail the job it reports on."""
    try:
        await status.edit_text(text, parse_mode="HTML" if html else None,
                               disable_web_page_preview=True)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            log.warning("status edit failed: %s", exc)
    except TelegramError as exc:
        log.warning("status edit failed: %s", exc)
