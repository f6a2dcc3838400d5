"""/start, /help and /bantuan."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import texts


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_html(texts.help_html(context.bot.username),
                                              disable_web_page_preview=True)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_html(
        "Perintah tidak dikenal. Ketik /bantuan untuk panduan, atau tulis pertanyaan Anda langsung.")
