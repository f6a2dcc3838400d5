"""Group membership: subscribing to announcements, welcome on join, cleanup on removal."""

from __future__ import annotations

import logging

from telegram import ChatMember, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot import texts
from bot.services import services

log = logging.getLogger(__name__)
_GROUP_ADMIN = (ChatMember.ADMINISTRATOR, ChatMember.OWNER)
_GONE = (ChatMember.LEFT, ChatMember.BANNED)


async def langganan(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not await _may_manage(update, context):
        return
    chat = update.effective_chat
    new = services(context).storage.subscribe(chat.id, chat.title or "", update.effective_user.id)
    await update.effective_message.reply_text(texts.SUBSCRIBED if new else texts.ALREADY_SUBSCRIBED)


async def berhenti(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not await _may_manage(update, context):
        return
    removed = services(context).storage.unsubscribe(update.effective_chat.id)
    await update.effective_message.reply_text(texts.UNSUBSCRIBED if removed else texts.NOT_SUBSCRIBED)


async def bot_membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome when added to a group; drop the subscription when removed from it."""
    change = update.my_chat_member
    if change.chat.type == ChatType.PRIVATE:
        return
    was_in = change.old_chat_member.status not in _GONE
    is_in = change.new_chat_member.status not in _GONE
    if is_in and not was_in:
        await context.bot.send_message(change.chat.id, texts.welcome_group_html(context.bot.username))
    elif was_in and not is_in:
        if services(context).storage.unsubscribe(change.chat.id):
            log.info("bot removed from chat %s; subscription dropped", change.chat.id)


async def chat_migrated(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A group became a supergroup: its subscription moves to the new chat id."""
    message = update.effective_message
    if message.migrate_to_chat_id:
        services(context).storage.move_subscription(message.chat_id, message.migrate_to_chat_id)


async def _may_manage(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Group admins (asked from Telegram, not trusted from the message) or bot admins."""
    chat, user = update.effective_chat, update.effective_user
    if chat.type not in (ChatType.GROUP, ChatType.SUPERGROUP):
        await update.effective_message.reply_text(texts.GROUP_ONLY)
        return False
    if services(context).config.is_admin(user.id):
        return True
    member = await context.bot.get_chat_member(chat.id, user.id)
    if member.status in _GROUP_ADMIN:
        return True
    await update.effective_message.reply_text(texts.NOT_GROUP_ADMIN)
    return False
