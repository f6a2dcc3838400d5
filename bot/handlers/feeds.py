"""News feeds in the bot: the scheduled poll, the admins' summary after it, and /antrean,
where admins accept (✅) or reject (❌) what a poll queued when `feeds.auto_add` is off.

The poll itself runs off the event loop (`Knowledge.poll_feeds`); the JobQueue never starts a
second one while the first is still running.
"""

from __future__ import annotations

import logging

from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes

from bot import callback_data, texts
from bot.editing import edit_status
from bot.handlers.admin import admin_only
from bot.render import queue_keyboard
from bot.services import services

log = logging.getLogger(__name__)
JOB_NAME = "feeds"
FIRST_POLL_SECONDS = 60  # soon after start, without slowing the start itself
MAX_LISTED = 10          # /antrean shows this many articles at a time


def schedule_feed_polls(application: Application) -> None:
    feeds = services(application).config.feeds
    if not feeds.urls:
        return
    interval = feeds.interval_minutes * 60
    application.job_queue.run_repeating(
        poll_job, interval=interval, first=min(interval, FIRST_POLL_SECONDS), name=JOB_NAME,
        job_kwargs={"max_instances": 1, "coalesce": True, "misfire_grace_time": int(interval) + 1})


async def poll_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    try:
        report = await svc.knowledge.poll_feeds()
    except Exception:  # a broken poll must not take the job queue down; the next one runs
        log.exception("feed poll failed")
        return
    log.info("feed poll: %s in %.1fs", report.counts(), report.seconds)
    if report.noteworthy:
        await notify_admins(context.bot, svc.config.admins, texts.feed_summary_html(report))


async def notify_admins(bot: Bot, admins: list[int], text_html: str) -> None:
    for admin_id in admins:
        try:
            await bot.send_message(admin_id, text_html, parse_mode="HTML",
                                   disable_web_page_preview=True)
        except TelegramError as exc:  # e.g. an admin who never opened a chat with the bot
            log.warning("feed summary to admin %s failed: %s", admin_id, exc)


@admin_only
async def antrean(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    queued = svc.knowledge.queued()
    message = update.effective_message
    if not queued:
        await message.reply_text(texts.queue_empty(svc.config.feeds.auto_add))
        return
    await message.reply_html(texts.queue_header(len(queued), MAX_LISTED))
    for article in queued[:MAX_LISTED]:
        await message.reply_html(texts.queued_article_html(article), disable_web_page_preview=True,
                                 reply_markup=queue_keyboard(article.id))


async def queue_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    svc = services(context)
    if not svc.config.is_admin(query.from_user.id if query.from_user else None):
        await query.answer(texts.NOT_ADMIN)
        return
    press = callback_data.parse_queue(query.data)
    if press is None:
        done = None
    elif press.accept:
        added = await svc.knowledge.accept_queued(press.article_id)
        done = texts.queue_accepted_html(added.article, added.report.embedded) if added else None
    else:
        rejected = svc.knowledge.reject_queued(press.article_id)
        done = texts.queue_rejected_html(press.article_id) if rejected else None
    await query.answer(texts.QUEUE_GONE if done is None else None)
    if done is not None and query.message is not None:
        await edit_status(query.message, done)
