"""The last line of defence: log every failure with context, tell the user when possible,
keep serving."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import ContextTypes

from bot import texts

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    where = _describe(update)
    if isinstance(error, Forbidden):
        log.info("cannot reach %s: %s (blocked or removed)", where, error)
        return
    if isinstance(error, (TimedOut, NetworkError, RetryAfter)):
        log.warning("Telegram unreachable while handling %s: %s", where, error)
        return
    log.error("error while handling %s", where, exc_info=error)
    if isinstance(update, Update) and update.effective_message and not isinstance(error, TelegramError):
        try:
            await update.effective_message.reply_text(texts.BUSY_ERROR)
        except TelegramError as exc:
            log.warning("could not tell %s about the error: %s", where, exc)


def _describe(update: object) -> str:
    """What, never who: no message contents, and no user or chat id (a private chat's id is
    its user's), since logs are kept too and askers must not be identifiable from them."""
    if not isinstance(update, Update):
        return "a job" if update is None else type(update).__name__
    chat = update.effective_chat
    kind = next((k for k in ("message", "callback_query", "inline_query", "my_chat_member")
                 if getattr(update, k, None)), "update")
    return f"{kind} {update.update_id} (in a {chat.type if chat else 'no'} chat)"
