"""Webhook mode: the HTTP endpoint Telegram POSTs updates to, and the bot's life around it.

PTB's own webhook server reads a request body whole before looking at it (tornado's default
cap is 100 MB) and compares the secret token with `!=`. The endpoint is public, so this one:
- refuses a body over `MAX_BODY_BYTES` from its Content-Length, before reading it (tornado's
  `max_body_size`; a chunked body is cut off at the same size), and bounds how long headers
  and body may take to arrive;
- compares the secret in constant time (`hmac.compare_digest`), so response timing does not
  reveal how much of a guess was right;
- answers 403 without a word about why, and logs no header.
Updates go to PTB's update queue, as its own server would put them.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
from http import HTTPStatus

import tornado.web
from telegram import Update
from telegram.ext import Application
from tornado.httpserver import HTTPServer

from bot.config import WebhookSection

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 1 << 20  # Telegram's updates are a few kilobytes
MAX_HEADER_BYTES = 16 << 10
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class _UpdateHandler(tornado.web.RequestHandler):
    SUPPORTED_METHODS = ("POST",)  # type: ignore[assignment]

    def initialize(self, bot_application: Application, secret: str) -> None:  # tornado's hook
        self._application = bot_application
        self._secret = secret.encode()

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        try:
            update = Update.de_json(json.loads(self.request.body), self._application.bot)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            log.warning("webhook: a request with the right secret held no update (%s)",
                        type(exc).__name__)
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST) from None
        await self._application.update_queue.put(update)

    def log_exception(self, *args: object) -> None:
        """403s and 400s are expected from scanners; the status line says enough."""


class _WebApp(tornado.web.Application):
    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        """No access log: it would hold every Telegram request, for nothing."""


def webhook_server(application: Application, path: str, secret: str) -> HTTPServer:
    app = _WebApp([(rf"/{path.strip('/')}/?", _UpdateHandler,
                    {"bot_application": application, "secret": secret})])
    return HTTPServer(app, max_body_size=MAX_BODY_BYTES, max_header_size=MAX_HEADER_BYTES,
                      body_timeout=10, idle_connection_timeout=30, decompress_request=False)


def run_webhook(application: Application, hook: WebhookSection, secret: str) -> None:
    """Like PTB's `Application.run_webhook`, with the endpoint above; returns on SIGINT or
    SIGTERM. Raises InvalidToken when Telegram rejects the token."""
    asyncio.run(_serve(application, hook, secret))


async def _serve(application: Application, hook: WebhookSection, secret: str) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    server = webhook_server(application, hook.path, secret)
    await application.initialize()
    try:
        if application.post_init:
            await application.post_init(application)
        server.listen(hook.port, address=hook.listen)
        await application.bot.set_webhook(f"{hook.url.rstrip('/')}/{hook.path}",
                                          secret_token=secret, allowed_updates=Update.ALL_TYPES)
        await application.start()
        log.info("webhook endpoint on %s:%d/%s", hook.listen, hook.port, hook.path)
        await stop.wait()
    finally:
        server.stop()
        await server.close_all_connections()
        if application.running:
            await application.stop()
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)
