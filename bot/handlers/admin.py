"""Admin commands: /tambah, /hapus, /reindex, /statistik. Everyone else is refused politely.

Long jobs report through one status message that is edited as they progress.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from functools import wraps
from typing import TypeVar
from zoneinfo import ZoneInfo

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot import texts
from bot.chart import questions_chart_png
from bot.editing import edit_status
from bot.services import services
from bot.render import queue_keyboard
from index import HeldBack, IngestError, Progress

log = logging.getLogger(__name__)
T = TypeVar("T")
PROGRESS_INTERVAL = 1.0  # seconds between status edits; Telegram throttles faster edits


def admin_only(handler: Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]):
    @wraps(handler)
    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user = update.effective_user
        if not services(context).config.is_admin(user.id if user else None):
            log.info("refused /%s for a non-admin user", handler.__name__)
            await update.effective_message.reply_text(texts.NOT_ADMIN)
            return
        await handler(update, context)
    return guarded


@admin_only
async def reindex(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    knowledge = services(context).knowledge
    status = await update.effective_message.reply_text(texts.REINDEX_STARTED)
    started = time.monotonic()
    try:
        report = await with_progress(status, texts.REINDEX_PROGRESS, knowledge.rebuild)
    except Exception as exc:
        log.exception("reindex failed")
        await edit_status(status, texts.reindex_failed(str(exc)))
        return
    await edit_status(status, texts.reindex_done(report.passages, report.articles,
                                                 time.monotonic() - started))


@admin_only
async def tambah(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    if len(context.args or []) != 1:
        await update.effective_message.reply_text(texts.TAMBAH_USAGE)
        return
    status = await update.effective_message.reply_text(texts.TAMBAH_FETCHING)
    try:
        added = await with_progress(status, texts.TAMBAH_INDEXING,
                                    lambda progress: svc.knowledge.add_url(context.args[0], progress))
    except IngestError as exc:
        log.info("cannot add %s: %s", context.args[0], exc)
        await edit_status(status, texts.ingest_failed(str(exc.reason)))
        return
    except Exception:  # indexing failed (embedding, disk): the status must still end
        log.exception("adding %s failed", context.args[0])
        await edit_status(status, texts.TAMBAH_FAILED)
        return
    if isinstance(added, HeldBack):  # off-topic: an admin confirms it with ✅, here or in /antrean
        await edit_status(status, texts.article_held_html(added.article, added.relevance.score),
                          queue_keyboard(added.article.id))
        return
    article = added.article
    svc.storage.record_added_article(article.id, article.url, article.title, update.effective_user.id)
    await edit_status(status, texts.article_added_html(article, added.report.embedded, added.updated))


@admin_only
async def hapus(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    if len(context.args or []) != 1:
        await update.effective_message.reply_text(texts.HAPUS_USAGE)
        return
    article_id = context.args[0]
    if not article_id.isalnum() or not await svc.knowledge.remove(article_id):
        await update.effective_message.reply_text(texts.no_such_article(article_id))
        return
    svc.storage.forget_added_article(article_id)
    await update.effective_message.reply_text(texts.article_removed(article_id))


@admin_only
async def statistik(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    stats = svc.storage.stats(svc.config.announcements.timezone)
    facts = svc.knowledge.facts()
    await update.effective_message.reply_text(texts.statistics_html(stats, facts, _feed_lines(svc)))
    if stats.per_day:
        png = await asyncio.to_thread(questions_chart_png, stats.per_day)
        await update.effective_message.reply_photo(png, caption=texts.CHART_CAPTION)


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
            await edit_status(status, texts.progress(label, done, total))
    return task.result()
