"""Questions: private messages, /tanya, mentions and replies in groups, inline queries."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from html import escape

from telegram import (InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResultArticle,
                      InputTextMessageContent, Message, Update)
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot import callback_data, texts
from bot.fitting import clip, first_fitting
from bot.render import answer_html, source_buttons, statement_html
from bot.search_queue import Busy, Superseded
from bot.services import Services, Verdict, services
from index import Answer

log = logging.getLogger(__name__)
_HAS_WORD = re.compile(r"[^\W_]", re.UNICODE)
PAGE_DEPTH = 12  # statements kept per answer for "Lainnya"


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await answer_message(update.effective_message, update.effective_message.text, context)


async def tanya(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    question = " ".join(context.args or [])
    if not question.strip():
        await update.effective_message.reply_text(texts.TANYA_USAGE)
        return
    await answer_message(update.effective_message, question, context)


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a group message only when it is addressed to the bot."""
    message = update.effective_message
    mention = re.compile(rf"@{re.escape(context.bot.username)}\b", re.IGNORECASE)
    replied_to = message.reply_to_message and message.reply_to_message.from_user
    if not (mention.search(message.text) or (replied_to and replied_to.id == context.bot.id)):
        return
    await answer_message(message, mention.sub(" ", message.text), context)


async def non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_chat.type == ChatType.PRIVATE:
        await update.effective_message.reply_text(texts.NON_TEXT)


@dataclass(frozen=True)
class Reply:
    html: str
    keyboard: InlineKeyboardMarkup | None = None


async def answer_message(message: Message, question: str, context: ContextTypes.DEFAULT_TYPE) -> None:
    user_id = message.from_user.id if message.from_user else None
    reply = await compose_reply(services(context), question, user_id, message.chat_id)
    if reply is not None:
        await message.reply_text(reply.html, reply_markup=reply.keyboard)


async def compose_reply(svc: Services, question: str, user_id: int | None,
                        chat_id: int | None) -> Reply | None:
    """The whole answer path, shared by Telegram and the console: limit, check, search,
    log, render. None: send nothing (a user over the limit was already told in this window).

    The rate limit comes first and counts every message, junk included, since each would
    cost a reply. `user_id` None (the console) is not rate limited.
    """
    question = " ".join(question.split())
    verdict = svc.rate_limit.check(user_id) if user_id is not None else Verdict()
    if verdict.wait:
        return Reply(texts.rate_limited(verdict.wait)) if verdict.notify else None
    problem = question_problem(svc, question)
    if problem:
        return Reply(problem)
    try:
        answer = await svc.searches.search(user_id, question)
    except Busy:
        return Reply(texts.SEARCH_BUSY)
    svc.storage.log_question(question, answer.confident)  # no user or chat id: see storage
    if not answer.confident:
        return Reply(texts.declined_html(question))
    top_k = svc.config.search.top_k
    shown = [h.passage for h in answer.hits[:top_k]]
    html = answer_html(question, shown)
    if chat_id is None:  # the console has no buttons
        return Reply(html)
    token = svc.storage.save_answer(question, [h.passage.id for h in answer.hits[:PAGE_DEPTH]],
                                    chat_id)
    return Reply(html, answer_keyboard(token, 0, min(len(answer.hits), PAGE_DEPTH) > top_k,
                                       source_buttons(shown)))


def question_problem(svc: Services, question: str) -> str | None:
    """Why a question cannot be answered as sent, in the user's words; None when fine."""
    if not question:
        return texts.EMPTY_QUESTION
    if len(question) > svc.config.bot.max_question_chars:
        return texts.too_long(svc.config.bot.max_question_chars)
    if not _HAS_WORD.search(question):
        return texts.NO_WORDS
    return None


def answer_keyboard(token: str, page: int, has_more: bool,
                    sources: list[InlineKeyboardButton] | None = None) -> InlineKeyboardMarkup:
    """`sources`: buttons that open the statements' pages, a row of their own on top."""
    nav = []
    if page > 0:
        nav.append(InlineKeyboardButton(texts.PREVIOUS_BUTTON,
                                        callback_data=callback_data.page(token, page - 1)))
    if has_more:
        nav.append(InlineKeyboardButton(texts.MORE_BUTTON,
                                        callback_data=callback_data.page(token, page + 1)))
    votes = [InlineKeyboardButton("👍", callback_data=callback_data.vote(token, 1)),
             InlineKeyboardButton("👎", callback_data=callback_data.vote(token, -1))]
    rows = [sources] if sources else []
    return InlineKeyboardMarkup(rows + ([nav, votes] if nav else [votes]))


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query
    svc = services(context)
    question = " ".join(query.query.split())
    # Inline queries arrive per keystroke: they have their own, looser limit, are not
    # logged (every half-typed prefix would count as a question), and a newer one from the
    # same user replaces a waiting older one. Whatever is not searched gets no results,
    # silently: an answer to an inline query is not a message and costs no send budget.
    if (svc.inline_limit.check(query.from_user.id).wait or not question
            or question_problem(svc, question)):
        await query.answer([], cache_time=0, is_personal=True)
        return
    try:
        answer = await svc.searches.search(query.from_user.id, question, replaceable=True)
    except (Busy, Superseded):
        await query.answer([], cache_time=0, is_personal=True)
        return
    await query.answer(inline_results(answer, svc.config.search.top_k), cache_time=60)


def inline_results(answer: Answer, top_k: int) -> list[InlineQueryResultArticle]:
    if not answer.confident:
        return [InlineQueryResultArticle(
            id="declined", title=texts.INLINE_DECLINED_TITLE,
            description=texts.INLINE_DECLINED_DESCRIPTION,
            input_message_content=InputTextMessageContent(texts.declined_html(answer.question)))]
    results = []
    header = f"🔎 <i>{escape(clip(answer.question, 200))}</i>\n\n"
    for hit in answer.hits[:top_k]:
        p = hit.passage
        text = first_fitting(header + statement_html(p, quote_limit=limit)
                             for limit in (1200, 400, 150))
        if text is None:  # metadata too long to quote: leave this result out, whole
            continue
        results.append(InlineQueryResultArticle(
            id=hashlib.sha1(p.id.encode()).hexdigest()[:32],
            title=clip(f"{p.official.name or p.official.position or p.source.outlet} — {p.source.outlet}", 100),
            description=clip(p.text, 200),
            input_message_content=InputTextMessageContent(text)))
    return results
