"""GET /healthz: 200 when the index is loaded and the database answers, else 503.

A tiny asyncio HTTP server on its own port, the same in polling and webhook mode, so
load balancers and container HEALTHCHECKs need no Telegram traffic to probe the bot.
"""

from __future__ import annotations

import asyncio
import json
import logging

from bot.services import Services

log = logging.getLogger(__name__)


def health(svc: Services) -> tuple[int, dict]:
    facts = svc.knowledge.facts()
    database = svc.storage.ping()
    ok = facts.passages > 0 and database
    return (200 if ok else 503), {"ok": ok, "passages": facts.passages, "database": database}


class HealthServer:
    def __init__(self, svc: Services, host: str, port: int) -> None:
        self._svc = svc
        self._host = host
        self._port = port
        self._server: asyncio.Server | None = None

    @property
    def port(self) -> int:
        return self._server.sockets[0].getsockname()[1] if self._server else self._port

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, self._host, self._port)
        log.info("health endpoint on http://%s:%d/healthz", self._host, self.port)

    async def stop(self) -> None:
        if self._server:
            self._server.close()
            await self._server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await asyncio.wait_for(reader.readline(), timeout=5)
            parts = request.decode("latin-1").split()
            if len(parts) >= 2 and parts[0] == "GET" and parts[1].split("?")[0] == "/healthz":
                status, body = health(self._svc)
            else:
                status, body = 404, {"ok": False, "error": "not found"}
            payload = json.dumps(body).encode()
            reason = {200: "OK", 404: "Not Found", 503: "Service Unavailable"}[status]
            writer.write(f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
                         f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n".encode() + payload)
            await writer.drain()
        except (asyncio.TimeoutError, ConnectionError, UnicodeDecodeError, ValueError):
            pass  # slow, gone, or a request line over the reader's 64 KiB limit
        finally:
            writer.close()
