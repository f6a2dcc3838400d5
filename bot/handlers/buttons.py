"""Inline keyboard presses: "Lainnya" paging and 👍/👎 feedback. Every press is answered.

A press only ever reaches an answer given in the chat it comes from: callback data can be
forged, so a token from elsewhere, or from another chat, gets the "expired" note and reveals
nothing (`Storage.answer` checks the chat).
"""

from __future__ import annotations

import time

from telegram import CallbackQuery, Update
from telegram.ext import ContextTypes

from bot import callback_data, texts
from bot.editing import edit_message
from bot.handlers.asking import answer_keyboard
from bot.render import answer_html, source_buttons
from bot.services import services
from bot.storage import Storage, StoredAnswer


async def page_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    svc = services(context)
    press = callback_data.parse(query.data)
    if not isinstance(press, callback_data.PagePress):
        await query.answer(texts.PAGE_EXPIRED)
        return
    stored = _stored_answer(svc.storage, query, press.token)
    expired = stored is None or time.time() - stored.created_at > svc.config.bot.page_ttl_hours * 3600
    top_k, page = svc.config.search.top_k, press.page
    ids = [] if expired else stored.passage_ids[page * top_k:(page + 1) * top_k]
    passages = [p for p in map(svc.knowledge.passage, ids) if p is not None]
    if not passages or query.message is None:
        await query.answer(texts.PAGE_EXPIRED if expired else texts.NO_MORE, show_alert=False)
        return
    await query.answer()
    has_more = len(stored.passage_ids) > (page + 1) * top_k
    await edit_message(query.message,
                       answer_html(stored.question, passages, first_number=page * top_k + 1),
                       answer_keyboard(press.token, page, has_more,
                                       source_buttons(passages, page * top_k + 1)))


async def feedback_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    svc = services(context)
    press = callback_data.parse(query.data)
    is_vote = isinstance(press, callback_data.VotePress)
    stored = _stored_answer(svc.storage, query, press.token) if is_vote else None
    if stored is None:
        await query.answer(texts.PAGE_EXPIRED)
        return
    svc.storage.record_feedback(stored.id, query.from_user.id, press.vote)
    await query.answer(texts.THANKS_UP if press.vote > 0 else texts.THANKS_DOWN)


def _stored_answer(storage: Storage, query: CallbackQuery, token: str) -> StoredAnswer | None:
    """The answer behind `token` if it was given in the chat the press comes from. A press
    on a message the bot cannot see (an inline message, a deleted one) has no chat: None."""
    message = query.message
    if message is None or message.chat is None:
        return None
    return storage.answer(token, message.chat.id)


async def unknown_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Buttons from older versions of the bot still get an answer, never a spinner."""
    await update.callback_query.answer(texts.PAGE_EXPIRED)
