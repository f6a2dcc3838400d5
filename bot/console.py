"""An interactive console that answers through the same path as Telegram (no token needed)."""

from __future__ import annotations

import asyncio
import html
import re
import sys
from typing import TextIO

from bot import texts
from bot.handlers.asking import compose_reply
from bot.services import Services

_EXIT = {"/keluar", "/exit", "/quit"}


def html_to_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


async def run_console(svc: Services, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
    interactive = stdin.isatty()
    print("Netral (konsol). Tulis pertanyaan; /bantuan untuk panduan, /keluar untuk selesai.",
          file=stdout, flush=True)
    while True:
        if interactive:
            print("\n> ", end="", file=stdout, flush=True)
        line = await asyncio.to_thread(stdin.readline)
        if not line:
            break
        question = line.strip()
        if not question:
            continue
        if question in _EXIT:
            break
        if question in ("/bantuan", "/help", "/start"):
            print(html_to_text(texts.help_html("bot")), file=stdout, flush=True)
            continue
        reply = await compose_reply(svc, question, user_id=None, chat_id=None)
        if reply is not None:  # always, since the console is not rate limited
            print(html_to_text(reply.html), file=stdout, flush=True)
