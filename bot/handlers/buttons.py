"""Inline keyboard presses: "Lainnya" paging and 👍/👎 feedback. Every press is answered."""

from __future__ import annotations

import time

from telegram import Update
from telegram.ext import ContextTypes

from bot import callback_data, texts
from bot.editing import edit_message
from bot.handlers.asking import answer_keyboard
from bot.render import answer_html, source_buttons
from bot.services import services


async def page_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    svc = services(context)
    press = callback_data.parse(query.data)
    if not isinstance(press, callback_data.PagePress):
        await query.answer(texts.PAGE_EXPIRED)
        return
    stored = svc.storage.answer(press.answer_id)
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
                       answer_keyboard(press.answer_id, page, has_more,
                                       source_buttons(passages, page * top_k + 1)))


async def feedback_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    svc = services(context)
    press = callback_data.parse(query.data)
    if not isinstance(press, callback_data.VotePress) or svc.storage.answer(press.answer_id) is None:
        await query.answer(texts.PAGE_EXPIRED)
        return
    svc.storage.record_feedback(press.answer_id, query.from_user.id, press.vote)
    await query.answer(texts.THANKS_UP if press.vote > 0 else texts.THANKS_DOWN)


async def unknown_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Buttons from older versions of the bot still get an answer, never a spinner."""
    await update.callback_query.answer(texts.PAGE_EXPIRED)
