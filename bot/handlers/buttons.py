"""Inline keyboard presses: "Lainnya" paging and 👍/👎 feedback. Every press is answered."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot import texts
from bot.handlers.asking import answer_keyboard
from bot.render import answer_html, source_buttons
from bot.services import services

log = logging.getLogger(__name__)


async def page_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    svc = services(context)
    answer_id, page = _parse(query.data)
    stored = svc.storage.answer(answer_id) if answer_id is not None else None
    expired = stored is None or time.time() - stored.created_at > svc.config.bot.page_ttl_hours * 3600
    top_k = svc.config.search.top_k
    ids = [] if expired or page < 0 else stored.passage_ids[page * top_k:(page + 1) * top_k]
    passages = [p for p in map(svc.knowledge.passage, ids) if p is not None]
    if not passages or query.message is None:
        await query.answer(texts.PAGE_EXPIRED if expired else texts.NO_MORE, show_alert=False)
        return
    await query.answer()
    has_more = len(stored.passage_ids) > (page + 1) * top_k
    try:
        await query.edit_message_text(
            answer_html(stored.question, passages, first_number=page * top_k + 1),
            parse_mode="HTML", disable_web_page_preview=True,
            reply_markup=answer_keyboard(answer_id, page, has_more,
                                         source_buttons(passages, page * top_k + 1)))
    except BadRequest as exc:  # a double press: the message already shows this page
        if "not modified" not in str(exc).lower():
            raise


async def feedback_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    svc = services(context)
    answer_id, vote = _parse(query.data)
    if answer_id is None or vote not in (1, -1) or svc.storage.answer(answer_id) is None:
        await query.answer(texts.PAGE_EXPIRED)
        return
    svc.storage.record_feedback(answer_id, query.from_user.id, vote)
    await query.answer(texts.THANKS_UP if vote > 0 else texts.THANKS_DOWN)


def _parse(data: str | None) -> tuple[int | None, int]:
    try:
        _, first, second = (data or "").split(":")
        return int(first), int(second)
    except ValueError:
        return None, 0


async def unknown_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Buttons from older versions of the bot still get an answer, never a spinner."""
    await update.callback_query.answer(texts.PAGE_EXPIRED)
