"""A small Telegram Bot API emulator for tests and benchmarks: the methods Netral uses.

It serves ``POST /bot<TOKEN>/<method>`` on 127.0.0.1 from a background thread, answers like
api.telegram.org (``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code": ...}``),
applies Telegram's 400 checks that catch bot bugs (HTML parsing, text length in UTF-16 units,
``callback_data`` size, "message is not modified", stale callback ids, ...), records every
request, and lets a test push updates and wait -- event-driven -- for the bot's reaction.

Usage (pytest-asyncio, python-telegram-bot)::

    from tests.support.telegram_emulator import TelegramEmulator

    with TelegramEmulator() as emu:
        app = ApplicationBuilder().token(emu.token).base_url(emu.base_url).build()
        ...  # add handlers, initialize, updater.start_polling(), start
        mark = emu.mark()                    # everything recorded from here on is "new"
        emu.private_message(42, "halo")      # enqueued; the held getUpdates returns at once
        call = await emu.wait_for_message(42, after=mark)
        assert "halo" in call.text

    emu.fail("sendMessage", chat_id=42)                   # next matching call gets a 403
    emu.fail("sendMessage", retry_after=3)                # -> telegram.error.RetryAfter

Waiting: ``wait_for(..., after=mark)`` returns the first matching call recorded after ``mark``;
without ``after`` it returns the oldest matching call no earlier wait has returned (and marks it
consumed).  ``Call.time`` is ``time.monotonic()`` when the request arrived, so a benchmark can
take ``t0 = time.monotonic()`` before pushing an update and use ``call.time - t0``.

Only ``parse_mode=HTML`` is understood: the bot sends nothing else.  Deliberate differences from
Telegram: any chat id is reachable, webhook URLs may be plain http, and a bare ``&`` in HTML is
rejected (Telegram keeps it, but output relying on that breaks at the next ``<``).

Two server details matter for speed: answers go out in one write with TCP_NODELAY (headers and
body in separate segments meet the client's delayed ACK and cost ~40 ms a call), and the listen
backlog is large (the default 5 drops connections under a burst of concurrent sends).
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import socket
import socketserver
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

Json = dict[str, Any]  # a Bot API object / parameter set
Files = dict[str, "UploadedFile"]

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
STALE_QUERY = "Bad Request: query is too old and response timeout expired or query ID is invalid"
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a content and reply markup of the current message"
)
SEND_METHODS = frozenset({"sendMessage", "sendPhoto"})

# Form values are strings; PTB JSON-encodes everything that is not one.  These fields are strings
# in the Bot API, so "123" must stay "123" (a callback_query_id, a text that is a number, ...).
_STRING_FIELDS = frozenset("text caption parse_mode callback_query_id inline_query_id url"
                           " secret_token photo".split())
_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
_API_PATH = re.compile(r"^/bot([^/]*)/([A-Za-z0-9_]+)/?$")
_BUTTON_ACTIONS = frozenset("url callback_data switch_inline_query"
                            " switch_inline_query_current_chat copy_text".split())
_ADMIN_RIGHTS = ("can_manage_chat can_delete_messages can_manage_video_chats can_restrict_members"
                 " can_change_info can_invite_users can_pin_messages").split()
_NO_ADMIN_RIGHTS = ("can_be_edited is_anonymous can_promote_members can_post_stories"
                    " can_edit_stories can_delete_stories").split()


def _u16(s: str) -> int:
    """Length in UTF-16 code units: Telegram's unit for offsets and length limits."""
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


class ApiError(Exception):
    """An error answer; raised inside API handlers, turned into the JSON error body."""

    def __init__(self, code: int, description: str, **parameters: Any) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters

    def payload(self) -> Json:
        body: Json = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


class _ParseError(Exception):
    pass


@dataclass
class UploadedFile:
    """A multipart file part as the bot uploaded it."""

    field: str
    filename: str
    content_type: str
    data: bytes = field(repr=False)


@dataclass
class Call:
    """One request the bot made, with the emulator's answer."""

    seq: int  # 1, 2, 3, ... in the order answers were recorded; compare with mark()
    method: str  # canonical spelling ("sendMessage") whatever case the client used
    params: Json
    files: Files
    time: float  # time.monotonic() when the request arrived
    status: int  # HTTP status of the answer
    response: Json
    consumed: bool = field(default=False, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def result(self) -> Any:
        return self.response.get("result")

    @property
    def chat_id(self) -> int | str | None:
        value = self.params.get("chat_id")
        return int(value) if isinstance(value, str) and _NUMBER.fullmatch(value) else value

    @property
    def text(self) -> str | None:
        """The text (or caption) as sent, before entity parsing."""
        return self.params.get("text", self.params.get("caption"))

    @property
    def error(self) -> str | None:
        return None if self.ok else self.response.get("description")


@dataclass
class Fault:
    """A scheduled failure; see TelegramEmulator.fail()."""

    method: str | None
    chat_id: int | str | None
    error: ApiError
    times: int | None  # None: until clear_faults()


@dataclass(eq=False)
class _Waiter:
    match: Callable[[Call], bool]
    after: int | None
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[Call]


# --------------------------------------------------------------------------- entity parsing

_HTML_TAGS = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
              "ins": "underline", "s": "strikethrough", "strike": "strikethrough",
              "del": "strikethrough", "span": "spoiler", "tg-spoiler": "spoiler", "a": "text_link",
              "code": "code", "pre": "pre", "blockquote": "blockquote"}
_TAG_NAME = re.compile(r"[A-Za-z0-9-]*")
_ATTR = re.compile(r"""\s+([A-Za-z0-9_-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_END_TAG = re.compile(r"</([A-Za-z0-9-]*)\s*>")
_TAG_CLOSE = re.compile(r"\s*>")
_CHAR_REF = re.compile(r"&(lt|gt|amp|quot|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def _byte_offset(src: str, i: int) -> int:
    return len(src[:i].encode("utf-8", "surrogatepass"))


def parse_html(src: str) -> tuple[str, list[Json]]:
    """Telegram's HTML subset -> (visible text, entities); raises _ParseError like tdlib."""
    out: list[str] = []
    pos = 0  # UTF-16 offset of the next visible character
    stack: list[tuple[str, int, Json]] = []
    entities: list[Json] = []
    i, n = 0, len(src)
    while i < n:
        ch = src[i]
        if ch == "&":
            m = _CHAR_REF.match(src, i)
            if not m:
                raise _ParseError(f"Character '&' at byte offset {_byte_offset(src, i)} must be "
                                  "escaped as &amp;")
            ch, i = html.unescape(m.group()), m.end()
            out.append(ch)
            pos += _u16(ch)
            continue
        if ch != "<":
            out.append(ch)
            pos += _u16(ch)
            i += 1
            continue
        at = _byte_offset(src, i)
        if src.startswith("</", i):
            m = _END_TAG.match(src, i)
            if not m:
                raise _ParseError(f"Unclosed end tag at byte offset {at}")
            name = m.group(1).lower()
            if not stack:
                raise _ParseError(f"Unexpected end tag at byte offset {at}")
            tag, start, entity = stack.pop()
            if tag != name:
                raise _ParseError(f'Unmatched end tag at byte offset {at}, expected "</{tag}>", '
                                  f'found "</{name}>"')
            if pos > start:
                entities.append({**entity, "offset": start, "length": pos - start})
            i = m.end()
            continue
        name = _TAG_NAME.match(src, i + 1).group()  # type: ignore[union-attr]
        j = i + 1 + len(name)
        name = name.lower()
        if name not in _HTML_TAGS:
            raise _ParseError(f'Unsupported start tag "{name}" at byte offset {at}')
        attrs: dict[str, str] = {}
        while m := _ATTR.match(src, j):
            value = next((g for g in m.groups()[1:] if g is not None), "")
            attrs[m.group(1).lower()] = html.unescape(value)
            j = m.end()
        m = _TAG_CLOSE.match(src, j)
        if not m:
            raise _ParseError(f"Unclosed start tag at byte offset {at}")
        entity: Json = {"type": _HTML_TAGS[name]}
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise _ParseError('Tag "span" must have class "tg-spoiler"')
        if name == "a":
            entity["url"] = attrs.get("href", "")
        stack.append((name, pos, entity))
        i = m.end()
    if stack:
        raise _ParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return "".join(out), entities


_AUTO = re.compile(
    r"(?P<bot_command>(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/]))"
    r"|(?P<mention>(?<![\w@])@[A-Za-z0-9_]{3,32}\b)"
    r"|(?P<url>\bhttps?://[^\s<>\"']*[^\s<>\"'.,;:!?)\]])"
)


def auto_entities(text: str, existing: Iterable[Json] = ()) -> list[Json]:
    """Entities Telegram detects by itself: /commands, @mentions, URLs."""
    blocked = [(e["offset"], e["offset"] + e["length"]) for e in existing
               if e["type"] in ("code", "pre", "text_link")]
    found = []
    for m in _AUTO.finditer(text):
        off, length = _u16(text[:m.start()]), _u16(m.group())
        if not any(s < off + length and off < e for s, e in blocked):
            found.append({"type": m.lastgroup, "offset": off, "length": length})
    return found


def _trim(text: str, entities: list[Json]) -> tuple[str, list[Json]]:
    """Telegram strips surrounding whitespace and clips the entities to what is left."""
    body = text.strip()
    shift, total = _u16(text[: len(text) - len(text.lstrip())]), _u16(body)
    clipped = []
    for e in entities:
        start, end = max(e["offset"] - shift, 0), min(e["offset"] + e["length"] - shift, total)
        if end > start:
            clipped.append({**e, "offset": start, "length": end - start})
    return body, clipped


# --------------------------------------------------------------------------- HTTP plumbing

def _parse_body(ctype: str, body: bytes, query: str) -> tuple[Json, Files]:
    raw: Json = dict(parse_qsl(query, keep_blank_values=True))
    files: Files = {}
    if ctype.startswith("application/json"):
        raw.update(json.loads(body or b"{}"))
    elif ctype.startswith("multipart/form-data"):
        boundary = re.search(r'boundary="?([^";]+)"?', ctype)
        if not boundary:
            raise ValueError("multipart without boundary")
        for part in body.split(b"--" + boundary.group(1).encode())[1:]:
            if part.startswith(b"--"):
                break  # closing delimiter
            head, _, data = part.partition(b"\r\n\r\n")
            data = data[:-2] if data.endswith(b"\r\n") else data
            headers = head.decode("utf-8", "replace")
            name = re.search(r'[;\s]name="([^"]*)"', headers)
            filename = re.search(r'filename="([^"]*)"', headers)
            if not name:
                continue
            if filename:
                part_type = re.search(r"(?i)content-type:\s*([^\r\n;]+)", headers)
                files[name.group(1)] = UploadedFile(name.group(1), filename.group(1),
                                                    part_type.group(1) if part_type else "", data)
            else:
                raw[name.group(1)] = data.decode("utf-8")
    elif body:
        raw.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    params = {k: _decode_value(k, v) for k, v in raw.items()}
    for key, value in params.items():  # PTB references file parts as attach://<name>
        if isinstance(value, str) and value.startswith("attach://") and value[9:] in files:
            files[key] = files[value[9:]]
    return params, files


def _decode_value(key: str, value: Any) -> Any:
    if not isinstance(value, str) or key in _STRING_FIELDS:
        return value
    if value[:1] in ("{", "[") or value in ("true", "false", "null") or _NUMBER.fullmatch(value):
        try:
            return json.loads(value)
        except ValueError:
            pass
    return value


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like api.telegram.org
    disable_nagle_algorithm = True  # TCP_NODELAY; each answer also goes out in one send()
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, add=False)

    def do_POST(self) -> None:  # noqa: N802
        # httpx (PTB) and urllib always send Content-Length; chunked bodies are not supported.
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, data = self.server.emulator._http(self.path, self.headers, body)
        close = "Connection: close\r\n" if self.close_connection else ""
        head = (f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
                f"Server: telegram-emulator\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(data)}\r\n{close}\r\n")
        self.wfile.write(head.encode("latin-1") + data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # handler threads may sit on idle keep-alive sockets; don't join them

    def __init__(self, emulator: TelegramEmulator, backlog: int) -> None:
        self.emulator = emulator
        self.request_queue_size = backlog
        self._conns: set[socket.socket] = set()
        self._conns_lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind() resolves the FQDN of the host, which can stall without DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = "127.0.0.1", self.server_address[1]

    def track(self, conn: socket.socket, add: bool) -> None:
        with self._conns_lock:
            (self._conns.add if add else self._conns.discard)(conn)

    def close_connections(self) -> None:
        with self._conns_lock:
            conns = list(self._conns)
        for conn in conns:  # wakes handler threads blocked reading the next keep-alive request
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], OSError):  # clients hanging up are normal
            super().handle_error(request, client_address)


def post_update(url: str, update: Json, secret_token: str | None = None,
                timeout: float = 10.0) -> int:
    """POST one update to a webhook like Telegram does; returns the HTTP status (0: no answer)."""
    headers = {"Content-Type": "application/json"}
    if secret_token:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret_token
    request = urllib.request.Request(url, json.dumps(update).encode(), headers, method="POST")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # ignore *_proxy env
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


# --------------------------------------------------------------------------- the emulator

_API: dict[str, tuple[str, Callable[..., Any]]] = {}


def _api(*names: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        for name in names:
            _API[name.lower()] = (name, fn)  # Telegram method names are case-insensitive
        return fn
    return register


class TelegramEmulator:
    """In-process Bot API server; see the module docstring."""

    token = "123456789:AAE-emulated-token-for-tests_0123456"
    bot_id = 123456789
    bot_username = "netral_test_bot"
    default_user_id = 1001  # who speaks in groups when no user_id is given

    def __init__(self, *, backlog: int = 512) -> None:
        self.bot_user = {"id": self.bot_id, "is_bot": True, "first_name": "Netral",
                         "username": self.bot_username}
        self.internal_errors: list[BaseException] = []  # emulator bugs; tests may assert empty
        self.webhook: Json = {"url": "", "secret_token": None}
        self._backlog = backlog
        self._cond = threading.Condition(threading.RLock())  # guards all state below
        self._calls: list[Call] = []
        self._seq = 0
        self._waiters: list[_Waiter] = []
        self._faults: list[Fault] = []
        self._latency: dict[str | None, float] = {}
        self._updates: list[Json] = []
        self._update_id = 10_000
        self._poll_generation = 0
        self._members: dict[tuple[int, int], str] = {}
        self._messages: dict[int, dict[int, Json]] = {}
        self._last_message_id: dict[int, int] = {}
        self._bot_sent: dict[int, list[int]] = {}
        self._open_queries: set[str] = set()  # callback and inline query ids not yet answered
        self._next_id = 5_000_000  # query ids and file ids
        self._closing = False
        self._server: _Server | None = None
        self._port = 0
        self._threads: list[threading.Thread] = []

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> TelegramEmulator:
        self._server = _Server(self, self._backlog)
        self._port = int(self._server.server_address[1])
        # A short poll interval only bounds how long stop() waits for serve_forever to notice.
        serve = lambda: self._server.serve_forever(poll_interval=0.05)  # noqa: E731
        for name, target in (("http", serve), ("webhook", self._webhook_loop)):
            thread = threading.Thread(target=target, name=f"tg-emulator-{name}", daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        """Stop serving; held getUpdates return, open keep-alive connections are shut down."""
        with self._cond:
            self._closing = True
            self._cond.notify_all()  # releases held getUpdates and the webhook thread
        if self._server:
            self._server.shutdown()
            self._server.close_connections()
            self._server.server_close()
            self._server = None
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> TelegramEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._port, "start() the emulator first"
        return f"http://127.0.0.1:{self._port}/bot"

    # ----------------------------------------------------------------- observing

    @property
    def calls(self) -> list[Call]:
        with self._cond:
            return list(self._calls)

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method.lower() == method.lower()]

    def mark(self) -> int:
        """Sequence number of the latest call; pass as ``after=`` to wait only for newer ones."""
        with self._cond:
            return self._seq

    def sent_to(self, chat_id: int) -> list[Json]:
        """Messages the bot sent to the chat, oldest first, as they are now (after edits)."""
        with self._cond:
            store = self._messages.get(chat_id, {})
            return [store[mid] for mid in self._bot_sent.get(chat_id, [])]

    @staticmethod
    def _matcher(method: str | Iterable[str] | None,
                 predicate: Callable[[Call], bool] | None) -> Callable[[Call], bool]:
        if isinstance(method, str):
            method = [method]
        names = None if method is None else {m.lower() for m in method}
        return lambda c: (names is None or c.method.lower() in names) and (
            predicate is None or bool(predicate(c)))

    @staticmethod
    def _message_matcher(chat_id: int,
                         predicate: Callable[[Call], bool] | None) -> Callable[[Call], bool]:
        return lambda c: (c.method in SEND_METHODS and c.ok and c.result["chat"]["id"] == chat_id
                          and (predicate is None or bool(predicate(c))))

    def _find(self, match: Callable[[Call], bool], after: int | None) -> Call | None:
        # Calls are kept in seq order, so `after` indexes straight to the interesting tail.
        start = 0
        if after is not None and self._calls:
            start = max(0, after - self._calls[0].seq + 1)
        for call in self._calls[start:]:
            if (after is not None or not call.consumed) and match(call):
                call.consumed = True
                return call
        return None

    async def wait_for(self, method: str | Iterable[str] | None = None,
                       predicate: Callable[[Call], bool] | None = None, timeout: float = 10.0,
                       *, after: int | None = None) -> Call:
        """First call matching method/predicate: recorded after ``after`` if given, else the
        oldest not yet returned by a wait.  Resolved from the server thread, no polling."""
        return await self._wait_async(self._matcher(method, predicate), after, timeout,
                                      f"{method or 'any'} call")

    async def wait_for_message(self, chat_id: int, predicate: Callable[[Call], bool] | None = None,
                               timeout: float = 10.0, *, after: int | None = None) -> Call:
        """Like wait_for, for a successful sendMessage/sendPhoto to chat_id."""
        return await self._wait_async(self._message_matcher(chat_id, predicate), after, timeout,
                                      f"message to {chat_id}")

    def wait_for_sync(self, method: str | Iterable[str] | None = None,
                      predicate: Callable[[Call], bool] | None = None, timeout: float = 10.0,
                      *, after: int | None = None) -> Call:
        """Blocking wait_for for threads and scripts; uses the Condition, not sleeps."""
        return self._wait_sync(self._matcher(method, predicate), after, timeout,
                               f"{method or 'any'} call")

    def wait_for_message_sync(self, chat_id: int, predicate: Callable[[Call], bool] | None = None,
                              timeout: float = 10.0, *, after: int | None = None) -> Call:
        return self._wait_sync(self._message_matcher(chat_id, predicate), after, timeout,
                               f"message to {chat_id}")

    def _wait_sync(self, match: Callable[[Call], bool], after: int | None, timeout: float,
                   what: str) -> Call:
        deadline = time.monotonic() + timeout
        with self._cond:
            while (found := self._find(match, after)) is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(self._timeout_message(what, after, timeout))
                self._cond.wait(remaining)
            return found

    async def _wait_async(self, match: Callable[[Call], bool], after: int | None, timeout: float,
                          what: str) -> Call:
        loop = asyncio.get_running_loop()
        waiter = _Waiter(match, after, loop, loop.create_future())
        with self._cond:
            found = self._find(match, after)
            if found is not None:
                return found
            self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(waiter.future, timeout)
        except TimeoutError:
            raise TimeoutError(self._timeout_message(what, after, timeout)) from None
        finally:
            with self._cond:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)

    def _timeout_message(self, what: str, after: int | None, timeout: float) -> str:
        with self._cond:
            recent = ", ".join(f"#{c.seq} {c.method}->{c.status} {c.text or ''!r:.40}"
                               for c in self._calls[-8:])
        return f"no {what} (after={after}) within {timeout}s; recent calls: {recent or 'none'}"

    def _record(self, call: Call) -> None:
        with self._cond:
            self._seq += 1
            call.seq = self._seq
            self._calls.append(call)
            for waiter in list(self._waiters):
                if (call.consumed if waiter.after is None else call.seq <= waiter.after):
                    continue
                try:
                    matched = waiter.match(call)
                except Exception as exc:  # a broken predicate must fail the test, not the server
                    self._waiters.remove(waiter)
                    waiter.loop.call_soon_threadsafe(self._settle, waiter, None, exc, False)
                    continue
                if matched:
                    self._waiters.remove(waiter)
                    prior, call.consumed = call.consumed, True
                    waiter.loop.call_soon_threadsafe(self._settle, waiter, call, None, prior)
            self._cond.notify_all()

    def _settle(self, waiter: _Waiter, call: Call | None, exc: BaseException | None,
                prior: bool) -> None:
        if waiter.future.done():  # timed out meanwhile: give the call back to later waits
            if call is not None:
                with self._cond:
                    call.consumed = prior
                    self._cond.notify_all()
        elif exc is not None:
            waiter.future.set_exception(exc)
        else:
            waiter.future.set_result(call)  # type: ignore[arg-type]

    # ----------------------------------------------------------------- faults & world state

    def fail(self, method: str | None = None, chat_id: int | str | None = None,
             error_code: int | None = None, description: str | None = None, times: int | None = 1,
             retry_after: int | None = None, migrate_to_chat_id: int | None = None) -> Fault:
        """Make the next ``times`` matching calls (None: all until clear_faults) fail.

        method None matches every method but getUpdates.  Defaults: retry_after -> 429
        "Too Many Requests: retry after N"; migrate_to_chat_id -> 400 "group chat was upgraded";
        otherwise 403 "bot was blocked by the user"."""
        parameters: Json = {}
        if retry_after is not None:
            parameters["retry_after"] = retry_after
            code, text = 429, f"Too Many Requests: retry after {retry_after}"
        elif migrate_to_chat_id is not None:
            parameters["migrate_to_chat_id"] = migrate_to_chat_id
            code, text = 400, "Bad Request: group chat was upgraded to a supergroup chat"
        else:
            code, text = 403, "Forbidden: bot was blocked by the user"
        fault = Fault(method, chat_id, ApiError(error_code or code, description or text,
                                                **parameters), times)
        with self._cond:
            self._faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._cond:
            self._faults.clear()

    def set_latency(self, seconds: float, method: str | None = None) -> None:
        """Delay answers (all methods but getUpdates, or one method) to mimic a network RTT."""
        with self._cond:
            self._latency[method] = seconds

    def user(self, user_id: int) -> Json:
        return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}",
                "username": f"user{user_id}", "language_code": "id"}

    def chat(self, chat_id: int) -> Json:
        """Private for ids > 0, supergroup for -100... ids, group otherwise."""
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}",
                    "username": f"user{chat_id}"}
        if chat_id <= -1_000_000_000_000:
            return {"id": chat_id, "type": "supergroup", "title": f"Supergroup {-chat_id}"}
        return {"id": chat_id, "type": "group", "title": f"Group {-chat_id}"}

    def set_member_status(self, chat_id: int, user_id: int, status: str) -> None:
        """creator/administrator/member/left/kicked, as getChatMember reports it.
        The bot's own status also gates sending (left/kicked -> 403)."""
        with self._cond:
            self._members[(chat_id, user_id)] = status

    def member_status(self, chat_id: int, user_id: int) -> str:
        with self._cond:
            default = "administrator" if user_id == self.bot_id and chat_id < 0 else "member"
            return self._members.get((chat_id, user_id), default)

    def _member(self, chat_id: int, user_id: int, status: str | None = None) -> Json:
        status = status or self.member_status(chat_id, user_id)
        user = self.bot_user if user_id == self.bot_id else self.user(user_id)
        member: Json = {"status": status, "user": user}
        if status == "administrator":
            member.update(dict.fromkeys(_ADMIN_RIGHTS, True))
            member.update(dict.fromkeys(_NO_ADMIN_RIGHTS, False))
        elif status == "creator":
            member["is_anonymous"] = False
        elif status == "kicked":
            member["until_date"] = 0
        return member

    # ----------------------------------------------------------------- update builders

    def push_update(self, update: Json) -> Json:
        """Enqueue a raw update (update_id assigned); getUpdates or the webhook delivers it."""
        with self._cond:
            self._update_id += 1
            update = {"update_id": self._update_id, **update}
            self._updates.append(update)
            self._cond.notify_all()  # wakes the held getUpdates immediately
        return update

    def _new_id(self) -> str:
        with self._cond:
            self._next_id += 1
            return str(self._next_id)

    def _new_message(self, chat_id: int, sender: Json, content: Json) -> Json:
        with self._cond:
            message_id = self._last_message_id.get(chat_id, 0) + 1
            self._last_message_id[chat_id] = message_id
            message = {"message_id": message_id, "date": int(time.time()),
                       "chat": self.chat(chat_id), "from": sender, **content}
            self._messages.setdefault(chat_id, {})[message_id] = message
            return message

    def _stored(self, chat_id: int, message_id: int) -> Json | None:
        with self._cond:
            return self._messages.get(chat_id, {}).get(message_id)

    def _speaker(self, chat_id: int, user_id: int | None) -> int:
        """Who acts when the caller didn't say: the private chat's user, else default_user_id."""
        if user_id is not None:
            return user_id
        return chat_id if chat_id > 0 else self.default_user_id

    def _user_message(self, chat_id: int, user_id: int | None, content: Json,
                      reply_to: int | None = None) -> Json:
        if reply_to is not None:
            target = self._stored(chat_id, reply_to)
            if target is None:
                raise ValueError(f"no message {reply_to} in chat {chat_id} to reply to")
            content = {**content, "reply_to_message": {k: v for k, v in target.items()
                                                       if k != "reply_to_message"}}
        sender = self.user(self._speaker(chat_id, user_id))
        return self.push_update({"message": self._new_message(chat_id, sender, content)})

    def message(self, chat_id: int, text: str, *, user_id: int | None = None,
                reply_to: int | None = None) -> Json:
        """A text message from a user (default: the private chat's user / default_user_id);
        /commands, @mentions and URLs get entities computed as Telegram does."""
        content: Json = {"text": text}
        if found := auto_entities(text):
            content["entities"] = found
        return self._user_message(chat_id, user_id, content, reply_to)

    def private_message(self, user_id: int, text: str) -> Json:
        return self.message(user_id, text, user_id=user_id)

    def group_message(self, chat_id: int, user_id: int, text: str, *,
                      reply_to: int | None = None) -> Json:
        return self.message(chat_id, text, user_id=user_id, reply_to=reply_to)

    def command(self, chat_id: int, command: str, args: str = "", *, user_id: int | None = None,
                mention_bot: bool = False) -> Json:
        """``/command[@botusername] args`` in any chat."""
        text = "/" + command.lstrip("/") + (f"@{self.bot_username}" if mention_bot else "")
        return self.message(chat_id, f"{text} {args}" if args else text, user_id=user_id)

    def callback_query(self, chat_id: int, message_id: int, data: str, *,
                       user_id: int | None = None) -> Json:
        """A button press on a message in chat_id; its id stays answerable once."""
        message = self._stored(chat_id, message_id) or {
            "message_id": message_id, "date": int(time.time()), "chat": self.chat(chat_id)}
        query_id = self._new_id()
        with self._cond:
            self._open_queries.add(query_id)
        return self.push_update({"callback_query": {
            "id": query_id, "from": self.user(self._speaker(chat_id, user_id)),
            "message": message, "data": data, "chat_instance": str(chat_id)}})

    def inline_query(self, user_id: int, query: str) -> Json:
        query_id = self._new_id()
        with self._cond:
            self._open_queries.add(query_id)
        return self.push_update({"inline_query": {"id": query_id, "from": self.user(user_id),
                                                  "query": query, "offset": "",
                                                  "chat_type": "sender"}})

    def my_chat_member(self, chat_id: int, new_status: str, *, user_id: int | None = None,
                       old_status: str | None = None) -> Json:
        """The bot's status in chat_id changed (added: "member"/"administrator", removed: "left"/
        "kicked"; in a private chat "kicked" means blocked) by user_id; sending follows suit."""
        old = old_status or ("left" if new_status in ("member", "administrator") else
                             self.member_status(chat_id, self.bot_id))
        self.set_member_status(chat_id, self.bot_id, new_status)
        return self.push_update({"my_chat_member": {
            "chat": self.chat(chat_id), "from": self.user(self._speaker(chat_id, user_id)),
            "date": int(time.time()),
            "old_chat_member": self._member(chat_id, self.bot_id, old),
            "new_chat_member": self._member(chat_id, self.bot_id, new_status)}})

    def _file(self) -> Json:
        file_id = self._new_id()
        return {"file_id": f"EMU-{file_id}", "file_unique_id": f"U{file_id}"}

    def sticker_message(self, chat_id: int, *, user_id: int | None = None) -> Json:
        return self._user_message(chat_id, user_id, {"sticker": {
            **self._file(), "width": 512, "height": 512, "is_animated": False,
            "is_video": False, "type": "regular", "emoji": "👍"}})

    def photo_message(self, chat_id: int, *, user_id: int | None = None,
                      caption: str | None = None) -> Json:
        content: Json = {"photo": self._photo_sizes(self._file())}
        if caption:
            content["caption"] = caption
        return self._user_message(chat_id, user_id, content)

    def voice_message(self, chat_id: int, *, user_id: int | None = None) -> Json:
        return self._user_message(chat_id, user_id, {"voice": {
            **self._file(), "duration": 3, "mime_type": "audio/ogg", "file_size": 1600}})

    @staticmethod
    def _photo_sizes(file: Json, size: int = 1000) -> list[Json]:
        return [{"file_id": file["file_id"] + "-s", "file_unique_id": file["file_unique_id"] + "s",
                 "width": 90, "height": 90, "file_size": max(size // 20, 1)},
                {**file, "width": 1280, "height": 960, "file_size": size}]

    # ----------------------------------------------------------------- HTTP entry point

    def _http(self, path: str, headers: Any, body: bytes) -> tuple[int, bytes]:
        received = time.monotonic()
        url = urlsplit(path)
        params: Json = {}
        files: Files = {}
        match = _API_PATH.match(url.path)
        method = match.group(2) if match else url.path
        try:
            if match is None:
                raise ApiError(404, "Not Found")
            token, (method, handler) = match.group(1), _API.get(method.lower(), (method, None))
            try:
                params, files = _parse_body(headers.get("Content-Type", ""), body, url.query)
            except ValueError as exc:
                raise ApiError(400, f"Bad Request: can't parse request: {exc}") from None
            if token != self.token:
                raise ApiError(401, "Unauthorized")
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            delay = self._latency.get(method, self._latency.get(None, 0.0))
            if delay and method != "getUpdates":
                time.sleep(delay)  # outside the lock: concurrent calls overlap like real RTTs
            if method == "getUpdates":
                result = self._get_updates(params)  # waits on the Condition itself
            else:
                with self._cond:
                    self._raise_fault(method, params)
                    result = handler(self, params, files)
            status, payload = 200, {"ok": True, "result": result}
        except ApiError as exc:
            status, payload = exc.code, exc.payload()
        except Exception as exc:  # an emulator bug or absurd input: answer, keep it for tests
            self.internal_errors.append(exc)
            status, payload = 500, ApiError(500, f"Internal Server Error: {exc!r}").payload()
        self._record(Call(0, method, params, files, received, status, payload))
        return status, json.dumps(payload, ensure_ascii=False).encode()

    def _raise_fault(self, method: str, params: Json) -> None:
        for fault in self._faults:
            if fault.method is None and method == "getUpdates":
                continue
            if fault.method is not None and fault.method.lower() != method.lower():
                continue
            if fault.chat_id is not None and str(params.get("chat_id")) != str(fault.chat_id):
                continue
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
            raise fault.error

    def _get_updates(self, params: Json) -> list[Json]:
        offset = int(params.get("offset") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        deadline = time.monotonic() + max(float(params.get("timeout") or 0), 0.0)
        with self._cond:
            self._raise_fault("getUpdates", params)
            if self.webhook["url"]:
                raise ApiError(409, "Conflict: can't use getUpdates method while webhook is "
                                    "active; use deleteWebhook to delete the webhook first")
            # A newer getUpdates ends an older one still held (e.g. a poll PTB abandoned).
            self._poll_generation += 1
            generation = self._poll_generation
            self._cond.notify_all()
            if offset > 0:  # confirms everything before offset
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while True:
                if generation != self._poll_generation:
                    raise ApiError(409, "Conflict: terminated by other getUpdates request; make "
                                        "sure that only one bot instance is running")
                if self._updates or self._closing:
                    return self._updates[:limit]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return []
                self._cond.wait(remaining)

    def _webhook_loop(self) -> None:
        """Deliver queued updates by POST while a webhook is set, in order, like Telegram."""
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._closing or bool(self.webhook["url"]
                                                                  and self._updates))
                if self._closing:
                    return
                update, url = self._updates[0], self.webhook["url"]
                secret = self.webhook["secret_token"]
            status = post_update(url, update, secret)
            with self._cond:
                if 200 <= status < 300:
                    if self._updates and self._updates[0] is update:
                        self._updates.pop(0)
                    continue
                self._cond.wait(0.5)  # Telegram retries later; don't hammer a failing endpoint

    # ----------------------------------------------------------------- validation helpers

    @staticmethod
    def _chat_id(params: Json) -> int:
        value = params.get("chat_id")
        if value in (None, ""):
            raise ApiError(400, "Bad Request: chat_id is empty")
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ApiError(400, "Bad Request: chat not found") from None

    def _check_can_send(self, chat_id: int) -> None:
        chat_type = self.chat(chat_id)["type"]
        status = self.member_status(chat_id, self.bot_id)
        if status == "kicked":
            if chat_type == "private":
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            raise ApiError(403, f"Forbidden: bot was kicked from the {chat_type} chat")
        if status == "left":
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat_type} chat")

    @staticmethod
    def _formatted(text: Any, parse_mode: Any, entities: Any, *, limit: int,
                   caption: bool = False, where: str = "") -> tuple[str, list[Json]]:
        """Parse like Telegram: entities, trim, then the length check in UTF-16 units."""
        text = "" if text is None else str(text)
        mode = str(parse_mode or "").lower()
        if mode == "html":
            try:
                text, found = parse_html(text)
            except _ParseError as exc:
                prefix = f"can't parse {where}: " if where else "can't parse entities: "
                raise ApiError(400, f"Bad Request: {prefix}{exc}") from None
        elif mode:
            raise ApiError(400, f"Bad Request: unsupported parse_mode {parse_mode!r}")
        else:
            found = [e for e in (entities or []) if isinstance(e, dict)]
        text, found = _trim(text, found)
        if not text and not caption:
            raise ApiError(400, "Bad Request: message text is empty")
        if _u16(text) > limit:
            raise ApiError(400, "Bad Request: message caption is too long" if caption
                           else "Bad Request: message is too long")
        found += auto_entities(text, found)
        return text, sorted(found, key=lambda e: (e["offset"], -e["length"]))

    @staticmethod
    def _check_markup(markup: Any) -> Json | None:
        """Validate reply_markup; return it if it is an inline keyboard (what Telegram echoes)."""
        if markup is None:
            return None
        rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
        if not isinstance(markup, dict) or (rows is not None and not (
                isinstance(rows, list) and all(isinstance(r, list) for r in rows))):
            raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
        if rows is None:
            return None  # reply keyboard / remove / force reply: accepted, not echoed
        for button in (b for row in rows for b in row):
            if not isinstance(button, dict) or not _BUTTON_ACTIONS & button.keys():
                raise ApiError(400, "Bad Request: can't parse inline keyboard button: "
                                    "Text buttons are unallowed in the inline keyboard")
            if "callback_data" in button and not (
                    1 <= len(str(button["callback_data"]).encode()) <= CALLBACK_DATA_LIMIT):
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        return markup

    def _send(self, params: Json, content: Json) -> Json:
        """A message from the bot: the checks every send shares, then the stored message."""
        chat_id = self._chat_id(params)
        self._check_can_send(chat_id)
        markup = self._check_markup(params.get("reply_markup"))
        ref = params.get("reply_parameters")
        if isinstance(ref, dict) and ref.get("message_id"):
            target = self._stored(int(ref.get("chat_id", chat_id)), int(ref["message_id"]))
            if target is not None:
                content["reply_to_message"] = {k: v for k, v in target.items()
                                               if k != "reply_to_message"}
            elif not ref.get("allow_sending_without_reply"):
                raise ApiError(400, "Bad Request: message to be replied not found")
        if markup:
            content["reply_markup"] = markup
        message = self._new_message(chat_id, self.bot_user, content)
        self._bot_sent.setdefault(chat_id, []).append(message["message_id"])
        return message

    # ----------------------------------------------------------------- API methods

    @_api("getMe")
    def _get_me(self, params: Json, files: Files) -> Json:
        return {**self.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": True, "can_connect_to_business": False,
                "has_main_web_app": False}

    @_api("setWebhook", "deleteWebhook")
    def _set_webhook(self, params: Json, files: Files) -> bool:
        secret = params.get("secret_token")
        if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        self.webhook = {"url": str(params.get("url") or ""), "secret_token": secret or None}
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._cond.notify_all()  # the webhook thread may now have work
        return True

    @_api("sendMessage")
    def _send_message(self, params: Json, files: Files) -> Json:
        text, entities = self._formatted(params.get("text"), params.get("parse_mode"),
                                         params.get("entities"), limit=TEXT_LIMIT)
        return self._send(params, {"text": text, **({"entities": entities} if entities else {})})

    @_api("sendPhoto")
    def _send_photo(self, params: Json, files: Files) -> Json:
        content: Json = {}
        if params.get("caption"):
            text, entities = self._formatted(params["caption"], params.get("parse_mode"),
                                             params.get("caption_entities"),
                                             limit=CAPTION_LIMIT, caption=True)
            content = {"caption": text, **({"caption_entities": entities} if entities else {})}
        upload = files.get("photo")
        if upload is None:
            raise ApiError(400, "Bad Request: there is no photo in the request")
        return self._send(params, {"photo": self._photo_sizes(self._file(), len(upload.data)),
                                   **content})

    @_api("editMessageText")
    def _edit_text(self, params: Json, files: Files) -> Json:
        text, entities = self._formatted(params.get("text"), params.get("parse_mode"),
                                         params.get("entities"), limit=TEXT_LIMIT)
        markup = self._check_markup(params.get("reply_markup"))
        chat_id = self._chat_id(params)
        message = self._stored(chat_id, int(params.get("message_id") or 0))
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if message["from"]["id"] != self.bot_id:
            raise ApiError(400, "Bad Request: message can't be edited")
        if "text" not in message:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        if (text, entities or None, markup) == (message["text"], message.get("entities"),
                                                message.get("reply_markup")):
            raise ApiError(400, NOT_MODIFIED)
        # Replace, never mutate: dicts already handed out (queued updates, answers) stay intact.
        # Without reply_markup the keyboard goes away, as on Telegram.
        new = {k: v for k, v in message.items() if k not in ("entities", "reply_markup")}
        new.update({"text": text, "edit_date": int(time.time())},
                   **({"entities": entities} if entities else {}),
                   **({"reply_markup": markup} if markup else {}))
        self._messages[chat_id][message["message_id"]] = new
        return new

    def _close_query(self, query_id: str) -> None:
        if query_id not in self._open_queries:
            raise ApiError(400, STALE_QUERY)
        self._open_queries.discard(query_id)

    @_api("answerCallbackQuery")
    def _answer_callback(self, params: Json, files: Files) -> bool:
        self._close_query(str(params.get("callback_query_id", "")))
        return True

    @_api("answerInlineQuery")
    def _answer_inline(self, params: Json, files: Files) -> bool:
        query_id = str(params.get("inline_query_id", ""))
        if query_id not in self._open_queries:
            raise ApiError(400, STALE_QUERY)
        results = params.get("results")
        if not isinstance(results, list):
            raise ApiError(400, "Bad Request: can't parse inline query results JSON object")
        if len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            result_id = str(result.get("id", "")) if isinstance(result, dict) else ""
            if not 1 <= len(result_id.encode()) <= 64:
                raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
            if result_id in seen:
                raise ApiError(400, "Bad Request: RESULT_ID_DUPLICATE")
            seen.add(result_id)
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                self._formatted(content["message_text"], content.get("parse_mode"),
                                content.get("entities"), limit=TEXT_LIMIT,
                                where="InputTextMessageContent message text")
            self._check_markup(result.get("reply_markup"))
        self._close_query(query_id)
        return True

    @_api("setMyCommands")
    def _set_commands(self, params: Json, files: Files) -> bool:
        commands = params.get("commands")
        for command in commands if isinstance(commands, list) else [None]:
            if not isinstance(command, dict) or not re.fullmatch(r"[a-z0-9_]{1,32}",
                                                                 str(command.get("command", ""))):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise ApiError(400, "Bad Request: command description is empty")
        return True

    @_api("getChatMember")
    def _get_chat_member(self, params: Json, files: Files) -> Json:
        try:
            user_id = int(params.get("user_id") or 0)
        except (TypeError, ValueError):
            user_id = 0
        if user_id <= 0:
            raise ApiError(400, "Bad Request: invalid user_id specified")
        return self._member(self._chat_id(params), user_id)

    @_api("getUpdates")
    def _get_updates_marker(self, params: Json, files: Files) -> None:
        raise AssertionError("getUpdates is served by _get_updates()")  # registered for the name
