"""`python -m bot`: load the model and index once, then serve Telegram or the console.

    python -m bot [--config PATH] [--console] [--webhook]

Environment: TELEGRAM_BOT_TOKEN (none: console), TELEGRAM_API_URL, TELEGRAM_WEBHOOK_SECRET,
BOT_ADMIN_IDS, BOT_DATA_DIR, BOT_CONFIG.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sqlite3
import sys
from pathlib import Path

from telegram import Update
from telegram.error import InvalidToken
from telegram.ext import Application

from bot.app import build_application
from bot.config import AppConfig, load_app_config
from bot.console import run_console
from bot.logs import setup_logging
from bot.services import Services
from bot.storage import Storage
from bot.webhook import run_webhook
from index import DEFAULT_CONFIG, ConfigError, IndexCorrupt, Knowledge

log = logging.getLogger("bot")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
    setup_logging(token, os.environ.get("TELEGRAM_WEBHOOK_SECRET", ""))
    try:
        # The environment is read here, at the entry point, and nowhere deeper.
        config = load_app_config(args.config or os.environ.get("BOT_CONFIG") or DEFAULT_CONFIG,
                                 data_dir=Path(os.environ.get("BOT_DATA_DIR") or "data"),
                                 environ=os.environ, webhook=args.webhook)
        secret = _webhook_secret(config)
        svc = load_services(config)
    except (ConfigError, IndexCorrupt) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:
        print(f"error: the database in {config.data_dir} is unreadable ({exc}); restore it "
              "from a backup, or move it away to start with an empty one", file=sys.stderr)
        return 2
    if args.console or not token:
        log.info("no TELEGRAM_BOT_TOKEN (or --console): starting the console")
        asyncio.run(run_console(svc))
        return 0
    try:
        serve(build_application(svc, token), config, secret)
    except InvalidToken as exc:
        # PTB's message quotes the token; one clear line instead, and no traceback.
        print(f"error: {token_rejected(exc)}", file=sys.stderr)
        return 3
    return 0


def serve(application: Application, config: AppConfig, secret: str | None) -> None:
    if config.telegram.mode == "webhook":
        # Our own endpoint, not PTB's: it caps the body and checks the secret in constant time.
        run_webhook(application, config.telegram.webhook, secret or "")
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)


def token_rejected(exc: InvalidToken) -> str:
    """Telegram answers 401 to a revoked or mistyped token, 404 to a malformed one or to a
    TELEGRAM_API_URL that is not a Bot API."""
    cause = str(exc.__cause__ or "").lower()
    if "not found" in cause:
        return ("token ditolak Telegram (404): periksa TELEGRAM_BOT_TOKEN dan "
                "TELEGRAM_API_URL")
    return "token ditolak Telegram (401): periksa TELEGRAM_BOT_TOKEN"


def load_services(config: AppConfig) -> Services:
    """The model loads once here; a missing or stale index is built before serving."""
    knowledge = Knowledge.open(config)
    return Services(config, knowledge, Storage(config.data_dir / "netral.db"))


def _webhook_secret(config: AppConfig) -> str | None:
    if config.telegram.mode != "webhook":
        return None
    secret = os.environ.get("TELEGRAM_WEBHOOK_SECRET", "")
    if not secret:
        raise ConfigError("webhook mode needs TELEGRAM_WEBHOOK_SECRET in the environment")
    return secret


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", help="config file (default: $BOT_CONFIG or config.yaml)")
    parser.add_argument("--console", action="store_true", help="answer on the terminal")
    parser.add_argument("--webhook", action="store_true", help="use webhook mode")
    return parser
