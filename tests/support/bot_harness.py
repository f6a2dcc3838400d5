"""Run the real bot Application against the Bot API emulator, as `python -m bot` would,
but inside the test's event loop. Also used by the benchmarks."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.config import AppConfig
from index.service import Knowledge
from bot.services import Services
from bot.storage import Storage
from index.retrieval.embedder import Embedder
from tests.support.telegram_emulator import Call, TelegramEmulator

ADMIN_ID = 900


@dataclass
class RunningBot:
    app: Application
    emu: TelegramEmulator
    svc: Services
    expected_bad_requests: int = 0  # a test that provokes a 400 on purpose says how many

    def bad_requests(self) -> list[Call]:
        """Telegram would have rejected these: malformed HTML, too long, bad buttons."""
        return [c for c in self.emu.calls if c.status == 400]

    async def ask_private(self, user_id: int, text: str, timeout: float = 20.0) -> Call:
        """Send a private message and return the bot's reply to it."""
        mark = self.emu.mark()
        self.emu.private_message(user_id, text)
        return await self.emu.wait_for_message(user_id, after=mark, timeout=timeout)

    async def command(self, chat_id: int, command: str, args: str = "", *, user_id: int,
                      timeout: float = 20.0) -> Call:
        mark = self.emu.mark()
        self.emu.command(chat_id, command, args, user_id=user_id)
        return await self.emu.wait_for_message(chat_id, after=mark, timeout=timeout)


@contextlib.asynccontextmanager
async def running_bot(config: AppConfig, embedder: Embedder, emu: TelegramEmulator
                      ) -> AsyncIterator[RunningBot]:
    """Start polling like Application.run_polling does (post_init included), then stop."""
    svc = Services(config, Knowledge.open(config, embedder),
                   Storage(config.data_dir / "netral.db"))
    app = build_application(svc, emu.token)
    await app.initialize()
    await app.post_init(app)
    await app.updater.start_polling(poll_interval=0.0, timeout=10, allowed_updates=Update.ALL_TYPES)
    await app.start()
    try:
        yield RunningBot(app, emu, svc)
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        await app.post_shutdown(app)
        svc.storage.close()
