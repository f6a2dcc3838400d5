"""The one place that builds the Telegram Application and wires every handler."""

from __future__ import annotations

from telegram import BotCommand, BotCommandScopeChat
from telegram.error import BadRequest
from telegram.ext import (AIORateLimiter, Application, ApplicationBuilder, CallbackQueryHandler,
                          ChatMemberHandler, CommandHandler, ContextTypes, InlineQueryHandler,
                          MessageHandler, filters)

from bot import texts
from bot.handlers import admin, announce, asking, basics, buttons, feeds, groups
from bot.handlers.errors import on_error
from bot.health import HealthServer
from bot.services import Services, services

GROUPS = filters.ChatType.GROUPS
PRIVATE = filters.ChatType.PRIVATE
_HEALTH = "health_server"


def build_application(svc: Services, token: str) -> Application:
    api_url = svc.config.telegram.api_url
    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(api_url)
        .base_file_url(file_url_for(api_url))
        .rate_limiter(AIORateLimiter(max_retries=2))
        .concurrent_updates(svc.config.bot.concurrent_updates)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    svc.install(application.bot_data)
    add_handlers(application)
    return application


def add_handlers(app: Application) -> None:
    app.add_handler(CommandHandler(["start", "help", "bantuan"], basics.start))
    app.add_handler(CommandHandler(["tanya", "ask"], asking.tanya))
    app.add_handler(CommandHandler("langganan", groups.langganan))
    app.add_handler(CommandHandler("berhenti", groups.berhenti))
    app.add_handler(CommandHandler("tambah", admin.tambah))
    app.add_handler(CommandHandler("hapus", admin.hapus))
    app.add_handler(CommandHandler("reindex", admin.reindex))
    app.add_handler(CommandHandler(["statistik", "stats"], admin.statistik))
    app.add_handler(CommandHandler("umumkan", announce.umumkan))
    app.add_handler(CommandHandler("jadwal", announce.jadwal))
    app.add_handler(CommandHandler("antrean", feeds.antrean))
    app.add_handler(CallbackQueryHandler(buttons.page_button, pattern=r"^p:"))
    app.add_handler(CallbackQueryHandler(buttons.feedback_button, pattern=r"^f:"))
    app.add_handler(CallbackQueryHandler(feeds.queue_button, pattern=r"^q:"))
    app.add_handler(CallbackQueryHandler(buttons.unknown_button))
    app.add_handler(InlineQueryHandler(asking.inline_query))
    app.add_handler(ChatMemberHandler(groups.bot_membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, groups.chat_migrated))
    app.add_handler(MessageHandler(PRIVATE & filters.TEXT & ~filters.COMMAND, asking.private_text))
    app.add_handler(MessageHandler(GROUPS & filters.TEXT & ~filters.COMMAND, asking.group_text))
    # Stickers, photos, voice notes, locations, documents...: anything that is not text.
    app.add_handler(MessageHandler(filters.ATTACHMENT, asking.non_text))
    app.add_handler(MessageHandler(PRIVATE & filters.COMMAND, basics.unknown_command))
    app.add_error_handler(on_error)


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
    application.job_queue.run_repeating(_prune_answers, interval=3600, first=60)
    if svc.config.health.enabled or svc.config.telegram.mode == "webhook":
        server = HealthServer(svc, svc.config.health.listen, svc.config.health.port)
        await server.start()
        application.bot_data[_HEALTH] = server


async def _post_shutdown(application: Application) -> None:
    server = application.bot_data.pop(_HEALTH, None)
    if server:
        await server.stop()
    services(application).knowledge.close()


async def _prune_answers(context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    svc.storage.prune_answers(svc.config.bot.page_ttl_hours * 3600)


def file_url_for(api_url: str) -> str:
    """https://api.telegram.org/bot -> https://api.telegram.org/file/bot (also for a
    Local Bot API Server)."""
    base = api_url.rstrip("/")
    return base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file/bot"
