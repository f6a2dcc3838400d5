"""Editing messages the bot already sent, with Telegram's "message is not modified" handled
in one place: a double button press or an unchanged progress line is not an error."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardMarkup, Message
from telegram.error import BadRequest, TelegramError

log = logging.getLogger(__name__)


async def edit_message(message: Message, text: str,
                       keyboard: InlineKeyboardMarkup | None = None) -> None:
    try:
        await message.edit_text(text, reply_markup=keyboard)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


async def edit_status(status: Message, text: str,
                      keyboard: InlineKeyboardMarkup | None = None) -> None:
    """Status edits are best effort: a failed edit must not fail the job it reports on."""
    try:
        await edit_message(status, text, keyboard)
    except TelegramError as exc:
        log.warning("status edit failed: %s", exc)
