"""Announcements to subscribed groups: /umumkan now, scheduled ones from the config.

Sends go through PTB's rate limiter. Per group: 403 drops the subscription, 429 waits
the time Telegram asks and tries again, a migrated group is followed to its new id.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from telegram import Bot, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.ext import Application, ContextTypes

from bot import texts
from bot.editing import edit_status
from bot.fitting import first_fitting, fits, visible_length
from bot.handlers.admin import admin_only
from bot.config import ScheduledAnnouncement
from bot.render import statement_html
from bot.schedule import next_run, parse_cron
from bot.services import services
from bot.storage import Storage
from index import Passage

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 4


@dataclass
class BroadcastReport:
    delivered: int = 0
    failed: int = 0
    dropped: int = 0
    reasons: Counter[str] = field(default_factory=Counter)


async def broadcast(bot: Bot, storage: Storage, text_html: str) -> BroadcastReport:
    report = BroadcastReport()
    outcomes = await asyncio.gather(*(_deliver(bot, storage, chat_id, text_html)
                                      for chat_id in storage.subscribed_chats()))
    for outcome in outcomes:
        if outcome == "ok":
            report.delivered += 1
        else:
            report.failed += 1
            report.dropped += outcome.startswith("403")
            report.reasons[outcome] += 1
    return report


async def _deliver(bot: Bot, storage: Storage, chat_id: int, text_html: str) -> str:
    for _ in range(MAX_ATTEMPTS):
        try:
            await bot.send_message(chat_id, text_html)
            return "ok"
        except Forbidden as exc:
            storage.unsubscribe(chat_id)
            return f"403 {exc.message}"
        except RetryAfter as exc:
            await asyncio.sleep(_seconds(exc.retry_after))
        except ChatMigrated as exc:
            storage.move_subscription(chat_id, exc.new_chat_id)
            chat_id = exc.new_chat_id
        except BadRequest as exc:
            return f"400 {exc.message}"
        except TelegramError as exc:
            log.warning("announcement to %s failed: %s", chat_id, exc)
            return f"error {exc.message}"
    return "429 terlalu banyak percobaan"


@admin_only
async def umumkan(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if update.effective_chat.type != ChatType.PRIVATE:
        await message.reply_text(texts.PRIVATE_ONLY)
        return
    parts = (message.text or "").split(maxsplit=1)
    if len(parts) < 2 or not parts[1].strip():
        await message.reply_text(texts.UMUMKAN_USAGE)
        return
    text = parts[1].strip()
    if not fits(texts.announcement_html(text)):  # else every group would answer 400
        await message.reply_text(texts.announcement_too_long(visible_length(text)))
        return
    svc = services(context)
    status = await message.reply_text(texts.ANNOUNCE_SENDING)
    try:
        report = await broadcast(context.bot, svc.storage, texts.announcement_html(text))
    except Exception:  # the status must not stay on "Mengirim" (an admin would resend)
        log.exception("broadcast failed")
        await edit_status(status, texts.ANNOUNCE_FAILED)
        return
    await edit_status(status, texts.broadcast_report_html(report.delivered, report.failed,
                                                          report.dropped, report.reasons))


@admin_only
async def jadwal(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    settings = services(context).config.announcements
    tz = ZoneInfo(settings.timezone)
    if not settings.scheduled:
        await update.effective_message.reply_text(texts.NO_SCHEDULE)
        return
    entries = [(entry.cron, None if entry.statement_of_the_day else entry.text,
                next_run(entry.cron, tz)) for entry in settings.scheduled]
    await update.effective_message.reply_text(texts.schedule_html(settings.timezone, entries))


def schedule_announcements(application: Application) -> None:
    settings = services(application).config.announcements
    tz = ZoneInfo(settings.timezone)
    for entry in settings.scheduled:
        # A busy or briefly stalled bot still sends, late, once (APScheduler's default
        # grace is one second).
        application.job_queue.run_custom(
            scheduled_announcement, name=job_name(entry), data=entry,
            job_kwargs={"trigger": parse_cron(entry.cron, tz), "misfire_grace_time": 600,
                        "coalesce": True})


async def scheduled_announcement(context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    entry: ScheduledAnnouncement = context.job.data
    tz = ZoneInfo(svc.config.announcements.timezone)
    fire_minute = datetime.now(tz).strftime("%Y-%m-%dT%H:%M")
    if not svc.storage.claim_announcement(context.job.name, fire_minute):
        log.info("announcement %s at %s was already sent", context.job.name, fire_minute)
        return
    if entry.statement_of_the_day:
        text = statement_of_the_day_html(svc.knowledge.passages(), datetime.now(tz))
    else:
        text = texts.announcement_html(entry.text)
    report = await broadcast(context.bot, svc.storage, text)
    log.info("announcement %s: %d delivered, %d failed", context.job.name, report.delivered, report.failed)


def statement_of_the_day_html(passages: list[Passage], today: datetime) -> str:
    """The same statement all day, a different one each day, cycling through the corpus."""
    if not passages:
        return texts.STATEMENT_OF_THE_DAY_EMPTY
    passage = passages[today.toordinal() % len(passages)]
    return first_fitting(texts.STATEMENT_OF_THE_DAY + statement_html(passage, quote_limit=limit)
                         for limit in (1200, 400)) or texts.STATEMENT_OF_THE_DAY_EMPTY


def job_name(entry: ScheduledAnnouncement) -> str:
    """Stable across restarts and reorderings, so the send record keeps matching."""
    key = f"{entry.cron}|{entry.text}|{entry.statement_of_the_day}".encode()
    return "announce-" + hashlib.sha256(key).hexdigest()[:12]


def _seconds(retry_after: int | float | timedelta) -> float:
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else float(retry_after)
