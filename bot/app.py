"""The one place that builds the Telegram Application and wires every handler."""

from __future__ import annotations

import os

from telegram import BotCommand, BotCommandScopeChat, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import (AIORateLimiter, Application, ApplicationBuilder, CallbackQueryHandler,
                          ChatMemberHandler, CommandHandler, ContextTypes, Defaults, InlineQueryHandler,
                          MessageHandler, filters)

from bot import callback_data, texts
from bot.handlers import admin, announce, asking, basics, buttons, feeds, groups
from bot.handlers.errors import on_error
from bot.health import HealthServer
from bot.services import Services, services
from bot.updates import FairUpdateProcessor

GROUPS = filters.ChatType.GROUPS
PRIVATE = filters.ChatType.PRIVATE
NEW = filters.UpdateType.MESSAGE  # a new message, not an edit (nor a channel post)
_HEALTH = "health_server"


def build_application(svc: Services, token: str) -> Application:
    # Telegram's waits (a 429's retry_after) as timedelta, as PTB's next major version gives
    # them: without this PTB warns on every RetryAfter. announce.py reads either.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    api_url = svc.config.telegram.api_url
    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(api_url)
        .base_file_url(file_url_for(api_url))
        # Every message is HTML (texts.py escapes what it interpolates) and links in quoted
        # sources must not unfold into previews.
        .defaults(Defaults(parse_mode=ParseMode.HTML,
                           link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .rate_limiter(AIORateLimiter(max_retries=2))
        # concurrent_updates slots shared fairly: one user's flood cannot take them all.
        .concurrent_updates(FairUpdateProcessor(svc.config.bot.concurrent_updates))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    svc.install(application.bot_data)
    add_handlers(application)
    return application


def add_handlers(app: Application) -> None:
    # Only new messages act. PTB's CommandHandler and MessageHandler also fire on *edited*
    # messages, so editing /umumkan would broadcast again and editing a question would ask
    # it again. Edits are ignored, questions included: to ask again, send a new message
    # (see README, "Using the bot").
    app.add_handler(_command(["start", "help", "bantuan"], basics.start))
    app.add_handler(_command(["tanya", "ask"], asking.tanya))
    app.add_handler(_command("langganan", groups.langganan))
    app.add_handler(_command("berhenti", groups.berhenti))
    app.add_handler(_command("tambah", admin.tambah))
    app.add_handler(_command("hapus", admin.hapus))
    app.add_handler(_command("reindex", admin.reindex))
    app.add_handler(_command(["statistik", "stats"], admin.statistik))
    app.add_handler(_command("umumkan", announce.umumkan))
    app.add_handler(_command("jadwal", announce.jadwal))
    app.add_handler(_command("antrean", feeds.antrean))
    app.add_handler(CallbackQueryHandler(buttons.page_button, pattern=callback_data.PAGE_PATTERN))
    app.add_handler(CallbackQueryHandler(buttons.feedback_button, pattern=callback_data.VOTE_PATTERN))
    app.add_handler(CallbackQueryHandler(feeds.queue_button, pattern=callback_data.QUEUE_PATTERN))
    app.add_handler(CallbackQueryHandler(buttons.unknown_button))
    app.add_handler(InlineQueryHandler(asking.inline_query))
    app.add_handler(ChatMemberHandler(groups.bot_membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(NEW & filters.StatusUpdate.MIGRATE, groups.chat_migrated))
    app.add_handler(MessageHandler(NEW & PRIVATE & filters.TEXT & ~filters.COMMAND,
                                   asking.private_text))
    app.add_handler(MessageHandler(NEW & GROUPS & filters.TEXT & ~filters.COMMAND,
                                   asking.group_text))
    # Stickers, photos, voice notes, locations, documents...: anything that is not text.
    app.add_handler(MessageHandler(NEW & filters.ATTACHMENT, asking.non_text))
    app.add_handler(MessageHandler(NEW & PRIVATE & filters.COMMAND, basics.unknown_command))
    app.add_error_handler(on_error)


def _command(names: str | list[str], callback) -> CommandHandler:  # type: ignore[no-untyped-def]
    return CommandHandler(names, callback, filters=NEW)


async def _post_init(application: Application) -> None:
    """Runs once the bot is known to Telegram: menus in Indonesian, scheduled jobs."""
    svc = services(application)
    await application.bot.set_my_commands([BotCommand(c, d) for c, d in texts.COMMANDS])
    admin_menu = [BotCommand(c, d) for c, d in texts.COMMANDS + texts.ADMIN_COMMANDS]
    for admin_id in svc.config.admins:
        try:  # an admin who never opened a chat with the bot has no chat scope yet
            await application.bot.set_my_commands(admin_menu, scope=BotCommandScopeChat(admin_id))
        except BadRequest:
            pass
    announce.schedule_announcements(application)
    feeds.schedule_feed_polls(application)
    application.job_queue.run_repeating(_prune, interval=3600, first=60)
    if svc.config.health.enabled or svc.config.telegram.mode == "webhook":
        server = HealthServer(svc, svc.config.health.listen, svc.config.health.port)
        await server.start()
        application.bot_data[_HEALTH] = server


async def _post_shutdown(application: Application) -> None:
    server = application.bot_data.pop(_HEALTH, None)
    if server:
        await server.stop()
    services(application).searches.close()
    services(application).knowledge.close()


async def _prune(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Hourly: expired answers, and questions past the privacy retention."""
    config = services(context).config
    services(context).storage.prune(config.bot.page_ttl_hours * 3600,
                                    config.privacy.retention_days * 86400)


def file_url_for(api_url: str) -> str:
    """https://api.telegram.org/bot -> https://api.telegram.org/file/bot (also for a
    Local Bot API Server)."""
    base = api_url.rstrip("/")
    return base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file/bot"
