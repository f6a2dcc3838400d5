"""A small, faithful Telegram Bot API emulator for tests and benchmarks.

It serves ``POST /bot<TOKEN>/<method>`` on 127.0.0.1 from a background thread, answers like
api.telegram.org (``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code": ...}``),
applies Telegram's usual 400 checks (HTML/MarkdownV2 parsing, text length in UTF-16 units,
``callback_data`` size, "message is not modified", stale callback ids, ...), records every
request, and lets a test push updates and wait -- event-driven -- for the bot's reaction.

Usage (pytest-asyncio, python-telegram-bot)::

    from telegram.ext import ApplicationBuilder
    from telegram_emulator import TelegramEmulator

    with TelegramEmulator(bot_username="netral_bot") as emu:
        app = (ApplicationBuilder().token(emu.token)
               .base_url(emu.base_url).base_file_url(emu.base_file_url).build())
        ...  # add handlers, initialize, updater.start_polling(), start
        mark = emu.mark()                    # everything recorded from here on is "new"
        emu.private_message(42, "halo")      # enqueued; the held getUpdates returns at once
        call = await emu.wait_for_message(42, after=mark)
        assert "halo" in call.text

    emu.fail("sendMessage", chat_id=42, error_code=403)   # next matching call gets a 403
    emu.fail("sendMessage", retry_after=3)                # -> telegram.error.RetryAfter

Waiting: ``wait_for(..., after=mark)`` returns the first matching call recorded after ``mark``;
without ``after`` it returns the oldest matching call no earlier wait has returned (and marks it
consumed).  ``Call.time`` is ``time.monotonic()`` when the request arrived, so a benchmark can
take ``t0 = time.monotonic()`` before pushing an update and use ``call.time - t0``.

Deliberate differences from Telegram: any chat id is reachable (no "chat not found" for users
that never pressed /start), webhook URLs may be plain http, and with ``strict_html=True`` (the
default) a bare ``&`` in HTML text is rejected -- real Telegram keeps it literally, but output
that relies on that is a bug waiting for the next ``<``.
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
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

Json = dict[str, Any]  # a Bot API object / parameter set
Files = dict[str, "UploadedFile"]

__all__ = ["ApiError", "Call", "Fault", "TelegramEmulator", "UploadedFile", "post_update"]

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
STALE_QUERY = "Bad Request: query is too old and response timeout expired or query ID is invalid"
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a content and reply markup of the current message"
)
SEND_METHODS = frozenset({"sendMessage", "sendPhoto", "sendDocument"})

# Form values are strings; PTB JSON-encodes everything that is not one.  These fields are strings
# in the Bot API, so "123" must stay "123" (a callback_query_id, a text that is a number, ...).
_STRING_FIELDS = frozenset(
    "text caption parse_mode callback_query_id inline_query_id url secret_token next_offset action"
    " language_code switch_pm_text switch_pm_parameter ip_address inline_message_id result_id"
    " file_id title description emoji business_connection_id message_effect_id photo document"
    " sticker voice audio video animation thumbnail data query".split()
)
_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
_API_PATH = re.compile(r"^/bot([^/]*)/([A-Za-z0-9_]+)/?$")
_FILE_PATH = re.compile(r"^/file/bot([^/]*)/(.+)$")
_PHRASES = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            409: "Conflict", 429: "Too Many Requests", 500: "Internal Server Error"}
_BUTTON_ACTIONS = frozenset(
    "url callback_data web_app login_url switch_inline_query switch_inline_query_current_chat"
    " switch_inline_query_chosen_chat copy_text callback_game pay".split()
)
_CHAT_ACTIONS = frozenset(
    "typing upload_photo record_video upload_video record_voice upload_voice upload_document"
    " choose_sticker find_location record_video_note upload_video_note".split()
)
_ADMIN_RIGHTS = ("can_manage_chat can_delete_messages can_manage_video_chats can_restrict_members"
                 " can_change_info can_invite_users can_pin_messages").split()
_NO_ADMIN_RIGHTS = ("can_be_edited is_anonymous can_promote_members can_post_stories"
                    " can_edit_stories can_delete_stories").split()
_RESTRICTED_RIGHTS = ("can_change_info can_invite_users can_pin_messages can_send_messages"
                      " can_send_polls can_send_other_messages can_add_web_page_previews"
                      " can_manage_topics can_send_audios can_send_documents can_send_photos"
                      " can_send_videos can_send_video_notes can_send_voice_notes can_edit_tag"
                      " can_react_to_messages"
                      ).split()


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

    @property
    def size(self) -> int:
        return len(self.data)


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
              "code": "code", "pre": "pre", "blockquote": "blockquote", "tg-emoji": "custom_emoji"}
_TAG_NAME = re.compile(r"[A-Za-z0-9-]*")
_ATTR = re.compile(r"""\s+([A-Za-z0-9_-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_END_TAG = re.compile(r"</([A-Za-z0-9-]*)\s*>")
_TAG_CLOSE = re.compile(r"\s*>")
_CHAR_REF = re.compile(r"&(lt|gt|amp|quot|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def _byte_offset(src: str, i: int) -> int:
    return len(src[:i].encode("utf-8", "surrogatepass"))


def parse_html(src: str, strict: bool = True) -> tuple[str, list[Json]]:
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
            if m:
                ch, i = html.unescape(m.group()), m.end()
            elif strict:
                raise _ParseError(f"Character '&' at byte offset {_byte_offset(src, i)} must be "
                                  "escaped as &amp;")
            else:
                i += 1
            out.append(ch)
            pos += _u16(ch)
            continue
        if ch != "<":
            out.append(ch)
            pos += 2 if ord(ch) > 0xFFFF else 1
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
            if tag == "code" and stack and stack[-1][0] == "pre" and "language" in entity:
                stack[-1][2]["language"] = entity["language"]  # <pre><code class=language-x>
            elif pos > start:
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
        elif name == "tg-emoji":
            if "emoji-id" not in attrs:
                raise _ParseError('Tag "tg-emoji" must have attribute "emoji-id"')
            entity["custom_emoji_id"] = attrs["emoji-id"]
        elif name == "code" and attrs.get("class", "").startswith("language-"):
            entity["language"] = attrs["class"][len("language-"):]
        elif name == "blockquote" and "expandable" in attrs:
            entity["type"] = "expandable_blockquote"
        stack.append((name, pos, entity))
        i = m.end()
    if stack:
        raise _ParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return "".join(out), entities


_MD_URL = re.compile(r"\(((?:\\.|[^)\\])*)\)")
_MD_PRE_LANGUAGE = re.compile(r"([^\s`]+)\n")
_MD_TYPES = {"*": "bold", "_": "italic", "__": "underline", "~": "strikethrough",
             "||": "spoiler", "`": "code", "```": "pre", "[": "text_link", ">": "blockquote"}


def parse_markdown(src: str, v2: bool = True) -> tuple[str, list[Json]]:
    """MarkdownV2 (or legacy Markdown with v2=False) -> (visible text, entities)."""
    out: list[str] = []
    pos, i, n = 0, 0, len(src)
    stack: list[tuple[str, int, int, Json]] = []  # marker, utf16 start, src index, extra
    entities: list[Json] = []

    def close(extra: Json | None = None) -> None:
        marker, start, _, ent = stack.pop()
        if pos > start:
            entities.append({"type": _MD_TYPES[marker], "offset": start, "length": pos - start,
                             **ent, **(extra or {})})

    while i < n:
        ch = src[i]
        top = stack[-1][0] if stack else ""
        escapable = i + 1 < n and (0 < ord(src[i + 1]) < 127 if v2 else src[i + 1] in "_*`[")
        if ch == "\\" and escapable:
            ch, i = src[i + 1], i + 2
        elif top in ("`", "```") and not src.startswith(top, i):
            i += 1  # code is literal up to its closing marker
        elif ch == "\n" and top == ">" and not src.startswith(">", i + 1):
            close()
            i += 1
        else:
            marker = next((mk for mk in ("```", "__", "||", "`", "*", "_", "~", "[")
                           if src.startswith(mk, i) and (v2 or mk in ("```", "`", "*", "_", "["))),
                          None)
            if v2 and ch == ">" and (i == 0 or src[i - 1] == "\n"):
                if top != ">":
                    stack.append((">", pos, i, {}))
                i += 1
                continue
            if ch == "]" and top == "[":
                m = _MD_URL.match(src, i + 1)
                url = re.sub(r"\\(.)", r"\1", m.group(1)) if m else ""
                if url:
                    close({"url": url})
                else:
                    stack.pop()  # [text] without (url): plain text
                i = m.end() if m else i + 1
                continue
            if marker and (not stack or marker == top or v2):
                if marker == top:
                    close()
                elif any(mk == marker for mk, *_ in stack):  # crossing, e.g. "*a _b* c_"
                    raise _ParseError(f"Can't find end of {_MD_TYPES[top].capitalize()} entity "
                                      f"at byte offset {_byte_offset(src, stack[-1][2])}")
                else:
                    extra: Json = {}
                    begin, i = i, i + len(marker)
                    if marker == "```":  # ```python\n... : the first line names the language
                        lang = _MD_PRE_LANGUAGE.match(src, i)
                        if lang:
                            extra["language"], i = lang.group(1), lang.end()
                    stack.append((marker, pos, begin, extra))
                    continue
                i += len(marker)
                continue
            if v2 and ch in "_*[]()~`>#+-=|{}.!":
                raise _ParseError(f"Character '{ch}' is reserved and must be escaped with the "
                                  "preceding '\\'")
            i += 1
        out.append(ch)
        pos += 2 if ord(ch) > 0xFFFF else 1
    if stack and stack[-1][0] == ">":
        close()
    if stack:
        raise _ParseError("Can't find end of the entity starting at byte offset "
                          f"{_byte_offset(src, stack[-1][2])}")
    return "".join(out), entities


_AUTO = re.compile(
    r"(?P<bot_command>(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/]))"
    r"|(?P<mention>(?<![\w@])@[A-Za-z0-9_]{3,32}\b)"
    r"|(?P<hashtag>(?<![\w#])#\w*[^\W\d]\w*)"
    r"|(?P<url>\bhttps?://[^\s<>\"']*[^\s<>\"'.,;:!?)\]])"
)


def auto_entities(text: str, existing: Iterable[Json] = ()) -> list[Json]:
    """Entities Telegram detects by itself: /commands, @mentions, #hashtags, URLs."""
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
    for key, value in params.items():  # InputMedia & co. reference parts as attach://<name>
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
    disable_nagle_algorithm = True  # TCP_NODELAY; we also write each answer in one send()
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, add=False)

    def do_POST(self) -> None:
        # httpx (PTB) and urllib always send Content-Length; chunked bodies are not supported.
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, ctype, data = self.server.emulator._http(self.path, self.headers, body)
        close = "Connection: close\r\n" if self.close_connection else ""
        head = (f"HTTP/1.1 {status} {_PHRASES.get(status, 'Error')}\r\n"
                f"Server: telegram-emulator\r\nContent-Type: {ctype}\r\n"
                f"Content-Length: {len(data)}\r\n{close}\r\n")
        # One write: headers and body in separate small segments would meet the client's delayed
        # ACK under Nagle and add ~40 ms per call (see the module notes).
        self.wfile.write(head.encode("latin-1") + data)

    do_GET = do_POST

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # handler threads may sit on idle keep-alive sockets; don't join them

    def __init__(self, emulator: TelegramEmulator, backlog: int) -> None:
        self.emulator = emulator
        self.request_queue_size = backlog  # default 5 overflows under a burst of sends
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

    def __init__(self, token: str = "123456789:AAE-emulated-token-for-tests_0123456",
                 bot_username: str = "netral_test_bot", bot_first_name: str = "Netral",
                 *, backlog: int = 512, strict_html: bool = True,
                 default_user_id: int = 1001) -> None:
        self.token = token
        self.bot_id = int(token.split(":")[0]) if token.split(":")[0].isdigit() else 1
        self.bot_username = bot_username
        self.bot_user = {"id": self.bot_id, "is_bot": True, "first_name": bot_first_name,
                         "username": bot_username}
        self.strict_html = strict_html
        self.default_user_id = default_user_id  # who speaks in groups when no user_id is given
        self.internal_errors: list[BaseException] = []  # emulator bugs; tests may assert empty
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
        self._users: dict[int, Json] = {}
        self._chats: dict[int, Json] = {}
        self._members: dict[tuple[int, int], str] = {}
        self._migrated: dict[int, int] = {}
        self._messages: dict[int, dict[int, Json]] = {}
        self._last_message_id: dict[int, int] = {}
        self._bot_sent: dict[int, list[int]] = {}
        self._open_queries: set[str] = set()  # callback and inline query ids not yet answered
        self._query_id = 5_000_000
        self._files: dict[str, tuple[str, bytes, str]] = {}  # file_id -> unique id, data, path
        self._commands: dict[str, list[Json]] = {}
        self.webhook: Json = {"url": "", "secret_token": None}
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

    async def __aenter__(self) -> TelegramEmulator:
        return self.start()

    async def __aexit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._port, "start() the emulator first"
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

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

    def clear_calls(self) -> None:
        """Forget recorded calls (long benchmarks); marks taken before stay valid."""
        with self._cond:
            self._calls.clear()

    def sent_to(self, chat_id: int, include_deleted: bool = False) -> list[Json]:
        """Messages the bot sent to the chat, oldest first, as they are now (after edits)."""
        with self._cond:
            store = self._messages.get(chat_id, {})
            return [store.get(mid, {"message_id": mid, "deleted": True})
                    for mid in self._bot_sent.get(chat_id, [])
                    if include_deleted or mid in store]

    @staticmethod
    def _matcher(method: str | Iterable[str] | None,
                 predicate: Callable[[Call], bool] | None) -> Callable[[Call], bool]:
        if isinstance(method, str):
            method = [method]
        names = None if method is None else {m.lower() for m in method}
        return lambda c: (names is None or c.method.lower() in names) and (
            predicate is None or bool(predicate(c)))

    def _message_matcher(self, chat_id: int | str,
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
        """Like wait_for, for a successful sendMessage/sendPhoto/sendDocument to chat_id."""
        return await self._wait_async(self._message_matcher(chat_id, predicate), after, timeout,
                                      f"message to {chat_id}")

    def wait_for_sync(self, method: str | Iterable[str] | None = None,
                      predicate: Callable[[Call], bool] | None = None, timeout: float = 10.0,
                      *, after: int | None = None) -> Call:
        """Blocking wait_for for threads (benchmarks); uses the Condition, not sleeps."""
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
        code = error_code or code
        fault = Fault(method, chat_id, ApiError(code, description or text, **parameters), times)
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

    def add_user(self, user_id: int, first_name: str | None = None, *,
                 last_name: str | None = None, username: str | None = None,
                 language_code: str = "id") -> Json:
        user = {"id": user_id, "is_bot": False, "first_name": first_name or f"User{user_id}",
                "username": username or f"user{user_id}", "language_code": language_code}
        if last_name:
            user["last_name"] = last_name
        with self._cond:
            self._users[user_id] = user
        return user

    def add_chat(self, chat_id: int, type: str | None = None, *,  # noqa: A002 - API's name
                 title: str | None = None, username: str | None = None) -> Json:
        chat = dict(self.chat(chat_id), **({"type": type} if type else {}))
        if title:
            chat["title"] = title
        if username:
            chat["username"] = username
        with self._cond:
            self._chats[chat_id] = chat
        return chat

    def user(self, user_id: int) -> Json:
        with self._cond:
            return self._users.get(user_id) or self.add_user(user_id)

    def chat(self, chat_id: int) -> Json:
        """The Chat object: registered one, else private for ids > 0, supergroup for -100...
        ids, group otherwise."""
        with self._cond:
            if chat_id in self._chats:
                return self._chats[chat_id]
        if chat_id > 0:
            user = self.user(chat_id)
            return {"id": chat_id, "type": "private", "first_name": user["first_name"],
                    "username": user["username"]}
        if chat_id <= -1_000_000_000_000:
            return {"id": chat_id, "type": "supergroup", "title": f"Supergroup {-chat_id}"}
        return {"id": chat_id, "type": "group", "title": f"Group {-chat_id}"}

    def set_member_status(self, chat_id: int, user_id: int, status: str) -> None:
        """creator/administrator/member/restricted/left/kicked, as getChatMember reports it.
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
        elif status == "restricted":
            member.update(dict.fromkeys(_RESTRICTED_RIGHTS, False), is_member=True, until_date=0)
        elif status == "kicked":
            member["until_date"] = 0
        return member

    # ----------------------------------------------------------------- update builders

    def push_update(self, update: Json) -> Json:
        """Enqueue a raw update (update_id assigned if missing); getUpdates/webhook deliver it."""
        with self._cond:
            if "update_id" not in update:
                self._update_id += 1
                update = {"update_id": self._update_id, **update}
            self._updates.append(update)
            self._cond.notify_all()  # wakes the held getUpdates immediately
        return update

    def _new_message(self, chat_id: int, sender: Json | None,
                     content: Json) -> Json:
        with self._cond:
            message_id = self._last_message_id.get(chat_id, 0) + 1
            self._last_message_id[chat_id] = message_id
            message = {"message_id": message_id, "date": int(time.time()),
                       "chat": self.chat(chat_id)}
            if sender:
                message["from"] = sender
            message.update(content)
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
                      reply_to: int | Json | None = None) -> Json:
        user_id = self._speaker(chat_id, user_id)
        if reply_to is not None:
            target = reply_to if isinstance(reply_to, dict) else self._stored(chat_id, reply_to)
            if target is None:
                raise ValueError(f"no message {reply_to} in chat {chat_id} to reply to")
            content = {**content, "reply_to_message": {k: v for k, v in target.items()
                                                       if k != "reply_to_message"}}
        message = self._new_message(chat_id, self.user(user_id), content)
        return self.push_update({"message": message})

    def message(self, chat_id: int, text: str, *, user_id: int | None = None,
                reply_to: int | Json | None = None,
                entities: list[Json] | None = None) -> Json:
        """A text message from a user (default: the private chat's user / default_user_id);
        /commands, @mentions, #tags and URLs get entities computed as Telegram does."""
        content: Json = {"text": text}
        found = entities if entities is not None else auto_entities(text)
        if found:
            content["entities"] = found
        return self._user_message(chat_id, user_id, content, reply_to)

    def private_message(self, user_id: int, text: str, *,
                        reply_to: int | Json | None = None) -> Json:
        return self.message(user_id, text, user_id=user_id, reply_to=reply_to)

    def group_message(self, chat_id: int, user_id: int, text: str, *,
                      reply_to: int | Json | None = None) -> Json:
        return self.message(chat_id, text, user_id=user_id, reply_to=reply_to)

    def command(self, chat_id: int, command: str, args: str = "", *, user_id: int | None = None,
                mention_bot: bool = False) -> Json:
        """``/command[@botusername] args`` in any chat."""
        text = "/" + command.lstrip("/") + (f"@{self.bot_username}" if mention_bot else "")
        return self.message(chat_id, f"{text} {args}" if args else text, user_id=user_id)

    def callback_query(self, chat_id: int, message_id: int, data: str, *,
                       user_id: int | None = None) -> Json:
        """A button press on a message in chat_id; its id stays answerable once."""
        user_id = self._speaker(chat_id, user_id)
        message = self._stored(chat_id, message_id) or {
            "message_id": message_id, "date": int(time.time()), "chat": self.chat(chat_id)}
        with self._cond:
            self._query_id += 1
            query_id = str(self._query_id)
            self._open_queries.add(query_id)
        return self.push_update({"callback_query": {
            "id": query_id, "from": self.user(user_id), "message": message, "data": data,
            "chat_instance": str(abs(hash((self.bot_id, chat_id))))}})

    def inline_query(self, user_id: int, query: str, *, offset: str = "",
                     chat_type: str = "sender") -> Json:
        with self._cond:
            self._query_id += 1
            query_id = str(self._query_id)
            self._open_queries.add(query_id)
        return self.push_update({"inline_query": {"id": query_id, "from": self.user(user_id),
                                                  "query": query, "offset": offset,
                                                  "chat_type": chat_type}})

    def chosen_inline_result(self, user_id: int, result_id: str, query: str = "", *,
                             inline_message_id: str | None = None) -> Json:
        chosen: Json = {"result_id": result_id, "from": self.user(user_id), "query": query}
        if inline_message_id:
            chosen["inline_message_id"] = inline_message_id
        return self.push_update({"chosen_inline_result": chosen})

    def my_chat_member(self, chat_id: int, new_status: str, *, user_id: int | None = None,
                       old_status: str | None = None) -> Json:
        """The bot's status in chat_id changed (added: "member"/"administrator", removed: "left"/
        "kicked"; in a private chat "kicked" means blocked) by user_id; sending follows suit."""
        user_id = self._speaker(chat_id, user_id)
        old = old_status or ("left" if new_status in ("member", "administrator") else
                             self.member_status(chat_id, self.bot_id))
        self.set_member_status(chat_id, self.bot_id, new_status)
        return self.push_update({"my_chat_member": {
            "chat": self.chat(chat_id), "from": self.user(user_id), "date": int(time.time()),
            "old_chat_member": self._member(chat_id, self.bot_id, old),
            "new_chat_member": self._member(chat_id, self.bot_id, new_status)}})

    def _file(self, kind: str, data: bytes, suffix: str) -> tuple[str, str]:
        with self._cond:
            number = len(self._files) + 1
            file_id, unique = f"EMU-{kind}-{number:06d}", f"U{number:06d}"
            self._files[file_id] = (unique, data, f"{kind}s/file_{number}{suffix}")
            return file_id, unique

    def sticker_message(self, chat_id: int, *, user_id: int | None = None,
                        emoji: str = "👍") -> Json:
        file_id, unique = self._file("sticker", b"RIFF-webp" * 10, ".webp")
        return self._user_message(chat_id, user_id, {"sticker": {
            "file_id": file_id, "file_unique_id": unique, "width": 512, "height": 512,
            "is_animated": False, "is_video": False, "type": "regular", "emoji": emoji}})

    def photo_message(self, chat_id: int, *, user_id: int | None = None,
                      caption: str | None = None) -> Json:
        content: Json = {"photo": self._photo_sizes(self._file("photo", b"\xff" * 999, ".jpg"))}
        if caption:
            content["caption"] = caption
        return self._user_message(chat_id, user_id, content)

    def voice_message(self, chat_id: int, *, user_id: int | None = None,
                      duration: int = 3) -> Json:
        data = b"OggS" * 400
        file_id, unique = self._file("voice", data, ".oga")
        return self._user_message(chat_id, user_id, {"voice": {
            "file_id": file_id, "file_unique_id": unique, "duration": duration,
            "mime_type": "audio/ogg", "file_size": len(data)}})

    def migrate(self, chat_id: int, to_chat_id: int | None = None, *,
                user_id: int | None = None) -> list[Json]:
        """Upgrade group chat_id to a supergroup: the two service updates Telegram sends; from
        now on sends to chat_id get 400 with parameters.migrate_to_chat_id."""
        to_chat_id = to_chat_id or -1_000_000_000_000 + chat_id
        with self._cond:
            self._migrated[chat_id] = to_chat_id
        return [self._user_message(chat_id, user_id, {"migrate_to_chat_id": to_chat_id}),
                self._user_message(to_chat_id, user_id, {"migrate_from_chat_id": chat_id})]

    # ----------------------------------------------------------------- HTTP entry point

    def _http(self, path: str, headers: Any, body: bytes) -> tuple[int, str, bytes]:
        received = time.monotonic()
        url = urlsplit(path)
        url_path = unquote(url.path)  # httpx sends the token's ':' as %3A in download URLs
        if file_match := _FILE_PATH.match(url_path):
            token, file_path = file_match.groups()
            with self._cond:
                data = next((d for _, d, p in self._files.values() if p == file_path), None)
            if token == self.token and data is not None:
                return 200, "application/octet-stream", data
            not_found = ApiError(404, "Not Found").payload()
            return 404, "application/json", json.dumps(not_found).encode()
        params: Json = {}
        files: Files = {}
        match = _API_PATH.match(url_path)
        method = match.group(2) if match else url_path
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
        return status, "application/json", json.dumps(payload, ensure_ascii=False).encode()

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
            elif offset < 0:
                self._updates = self._updates[offset:]
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
                self.webhook["last_error_date"] = int(time.time())
                self.webhook["last_error_message"] = f"Wrong response from the webhook: {status}"
                self._cond.wait(0.5)  # Telegram retries later; don't hammer a failing endpoint

    # ----------------------------------------------------------------- validation helpers

    def _chat_id(self, params: Json) -> int:
        value = params.get("chat_id")
        if value in (None, ""):
            raise ApiError(400, "Bad Request: chat_id is empty")
        if isinstance(value, str) and value.startswith("@"):
            with self._cond:
                found = next((cid for cid, c in self._chats.items()
                              if c.get("username", "").lower() == value[1:].lower()), None)
            if found is None:
                raise ApiError(400, "Bad Request: chat not found")
            return found
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ApiError(400, "Bad Request: chat not found") from None

    def _check_can_send(self, chat_id: int) -> Json:
        if chat_id in self._migrated:
            raise ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat",
                           migrate_to_chat_id=self._migrated[chat_id])
        chat = self.chat(chat_id)
        status = self.member_status(chat_id, self.bot_id)
        if status == "kicked":
            if chat["type"] == "private":
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            raise ApiError(403, f"Forbidden: bot was kicked from the {chat['type']} chat")
        if status == "left":
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat['type']} chat")
        return chat

    def _formatted(self, text: Any, parse_mode: Any, entities: Any, *, limit: int,
                   caption: bool = False, where: str = "") -> tuple[str, list[Json]]:
        """Parse like Telegram: entities, trim, then the length check in UTF-16 units."""
        what = "message caption" if caption else "message text"
        text = "" if text is None else str(text)
        mode = str(parse_mode or "").lower()
        try:
            if mode == "html":
                text, found = parse_html(text, self.strict_html)
            elif mode in ("markdownv2", "markdown"):
                text, found = parse_markdown(text, v2=mode == "markdownv2")
            elif mode:
                raise ApiError(400, f"Bad Request: unsupported parse_mode {parse_mode!r}")
            else:
                found = [e for e in (entities or []) if isinstance(e, dict)]
        except _ParseError as exc:
            prefix = f"can't parse {where}: " if where else "can't parse entities: "
            raise ApiError(400, f"Bad Request: {prefix}{exc}") from None
        text, found = _trim(text, found)
        if not text and not caption:
            raise ApiError(400, f"Bad Request: {what} is empty")
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

    def _reply_to(self, chat_id: int, params: Json) -> Json | None:
        ref = params.get("reply_parameters") or {}
        message_id = ref.get("message_id") if isinstance(ref, dict) else None
        message_id = message_id or params.get("reply_to_message_id")
        if not message_id:
            return None
        in_chat = int(ref.get("chat_id", chat_id)) if isinstance(ref, dict) else chat_id
        target = self._stored(in_chat, int(message_id))
        if target is None:
            if (isinstance(ref, dict) and ref.get("allow_sending_without_reply")) or params.get(
                    "allow_sending_without_reply"):
                return None
            raise ApiError(400, "Bad Request: message to be replied not found")
        return {k: v for k, v in target.items() if k != "reply_to_message"}

    def _send(self, params: Json, content: Json, chat_id: int) -> Json:
        markup = self._check_markup(params.get("reply_markup"))
        reply = self._reply_to(chat_id, params)
        if reply:
            content["reply_to_message"] = reply
        if markup:
            content["reply_markup"] = markup
        bot = {k: self.bot_user[k] for k in ("id", "is_bot", "first_name", "username")}
        message = self._new_message(chat_id, bot, content)
        self._bot_sent.setdefault(chat_id, []).append(message["message_id"])
        return message

    def _photo_sizes(self, file: tuple[str, str], size: int = 1000) -> list[Json]:
        file_id, unique = file
        return [{"file_id": file_id + "-s", "file_unique_id": unique + "s", "width": 90,
                 "height": 90, "file_size": max(size // 20, 1)},
                {"file_id": file_id, "file_unique_id": unique, "width": 1280, "height": 960,
                 "file_size": size}]

    def _media(self, params: Json, files: Files, key: str,
               suffix: str) -> tuple[str, str, UploadedFile | None]:
        upload = files.get(key)
        if upload is not None:
            return (*self._file(key, upload.data, suffix), upload)
        ref = str(params.get(key) or "").removesuffix("-s")
        if not ref:
            raise ApiError(400, f"Bad Request: there is no {key} in the request")
        if ref in self._files:
            return ref, self._files[ref][0], None
        return (*self._file(key, b"", suffix), None)  # a URL: Telegram would fetch it

    def _caption(self, params: Json) -> Json:
        if not params.get("caption"):
            return {}
        text, entities = self._formatted(params["caption"], params.get("parse_mode"),
                                         params.get("caption_entities"), limit=CAPTION_LIMIT,
                                         caption=True)
        if not text:
            return {}
        return {"caption": text, **({"caption_entities": entities} if entities else {})}

    def _target(self, params: Json, verb: str = "edit") -> tuple[int, Json]:
        chat_id = self._chat_id(params)
        message = self._stored(chat_id, int(params.get("message_id") or 0))
        if message is None:
            raise ApiError(400, f"Bad Request: message to {verb} not found")
        return chat_id, message

    def _replace(self, chat_id: int, message: Json, **changes: Any) -> Json:
        # Replace, never mutate: dicts already handed out (queued updates, answers) stay intact.
        new = {k: v for k, v in message.items() if k != "reply_markup"}
        new.update({k: v for k, v in changes.items() if v}, edit_date=int(time.time()))
        self._messages[chat_id][message["message_id"]] = new
        return new

    # ----------------------------------------------------------------- API methods

    @_api("getMe")
    def _get_me(self, params: Json, files: Files) -> Json:
        return {**self.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": True, "can_connect_to_business": False,
                "has_main_web_app": False}

    @_api("close", "logOut")
    def _ok(self, params: Json, files: Files) -> bool:
        return True

    @_api("sendChatAction")
    def _chat_action(self, params: Json, files: Files) -> bool:
        self._check_can_send(self._chat_id(params))
        if params.get("action") not in _CHAT_ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    @_api("setWebhook", "deleteWebhook")
    def _set_webhook(self, params: Json, files: Files) -> bool:
        secret = params.get("secret_token")
        if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        self.webhook = {"url": str(params.get("url") or ""), "secret_token": secret or None,
                        "max_connections": params.get("max_connections", 40),
                        "allowed_updates": params.get("allowed_updates")}
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._cond.notify_all()  # the webhook thread may now have work
        return True

    @_api("getWebhookInfo")
    def _webhook_info(self, params: Json, files: Files) -> Json:
        info = {k: v for k, v in self.webhook.items() if v is not None and k != "secret_token"}
        return {**info, "has_custom_certificate": False,
                "pending_update_count": len(self._updates)}

    @_api("sendMessage")
    def _send_message(self, params: Json, files: Files) -> Json:
        chat_id = self._chat_id(params)
        self._check_can_send(chat_id)
        text, entities = self._formatted(params.get("text"), params.get("parse_mode"),
                                         params.get("entities"), limit=TEXT_LIMIT)
        return self._send(params, {"text": text, **({"entities": entities} if entities else {})},
                          chat_id)

    @_api("sendPhoto")
    def _send_photo(self, params: Json, files: Files) -> Json:
        chat_id = self._chat_id(params)
        self._check_can_send(chat_id)
        content = self._caption(params)
        file_id, unique, upload = self._media(params, files, "photo", ".jpg")
        sizes = self._photo_sizes((file_id, unique), upload.size if upload else 1000)
        return self._send(params, {"photo": sizes, **content}, chat_id)

    @_api("sendDocument")
    def _send_document(self, params: Json, files: Files) -> Json:
        chat_id = self._chat_id(params)
        self._check_can_send(chat_id)
        content = self._caption(params)
        file_id, unique, upload = self._media(params, files, "document", "")
        document = {"file_id": file_id, "file_unique_id": unique,
                    "file_size": upload.size if upload else 0,
                    "file_name": upload.filename if upload else "document",
                    "mime_type": upload.content_type if upload and upload.content_type
                    else "application/octet-stream"}
        return self._send(params, {"document": document, **content}, chat_id)

    @_api("getFile")
    def _get_file(self, params: Json, files: Files) -> Json:
        file_id = str(params.get("file_id", "")).removesuffix("-s")
        if file_id not in self._files:
            raise ApiError(400, "Bad Request: invalid file_id")
        unique, data, path = self._files[file_id]
        return {"file_id": file_id, "file_unique_id": unique, "file_size": len(data),
                "file_path": path}

    @_api("editMessageText")
    def _edit_text(self, params: Json, files: Files) -> Any:
        text, entities = self._formatted(params.get("text"), params.get("parse_mode"),
                                         params.get("entities"), limit=TEXT_LIMIT)
        markup = self._check_markup(params.get("reply_markup"))
        if params.get("inline_message_id"):
            return True  # inline messages live elsewhere; Telegram answers True
        chat_id, message = self._target(params)
        if message.get("from", {}).get("id") != self.bot_id:
            raise ApiError(400, "Bad Request: message can't be edited")
        if "text" not in message:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        if (text, entities or None, markup) == (message["text"], message.get("entities"),
                                                message.get("reply_markup")):
            raise ApiError(400, NOT_MODIFIED)
        # Without reply_markup the keyboard goes away, as on Telegram.
        return self._replace(chat_id, {k: v for k, v in message.items() if k != "entities"},
                             text=text, entities=entities, reply_markup=markup)

    @_api("editMessageReplyMarkup")
    def _edit_markup(self, params: Json, files: Files) -> Any:
        markup = self._check_markup(params.get("reply_markup"))
        if params.get("inline_message_id"):
            return True
        chat_id, message = self._target(params)
        if markup == message.get("reply_markup"):
            raise ApiError(400, NOT_MODIFIED)
        return self._replace(chat_id, message, reply_markup=markup)

    @_api("deleteMessage")
    def _delete(self, params: Json, files: Files) -> bool:
        chat_id, message = self._target(params, "delete")
        del self._messages[chat_id][message["message_id"]]
        return True

    @_api("answerCallbackQuery")
    def _answer_callback(self, params: Json, files: Files) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self._open_queries:
            raise ApiError(400, STALE_QUERY)
        self._open_queries.discard(query_id)
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
        self._open_queries.discard(query_id)
        return True

    @staticmethod
    def _commands_key(params: Json) -> str:
        return json.dumps([params.get("scope") or {"type": "default"},
                           params.get("language_code") or ""], sort_keys=True)

    @_api("setMyCommands")
    def _set_commands(self, params: Json, files: Files) -> bool:
        commands = params.get("commands")
        for command in commands if isinstance(commands, list) else [None]:
            if not isinstance(command, dict) or not re.fullmatch(r"[a-z0-9_]{1,32}",
                                                                 str(command.get("command", ""))):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise ApiError(400, "Bad Request: command description is empty")
        self._commands[self._commands_key(params)] = [
            {"command": c["command"], "description": c["description"]} for c in commands]
        return True

    @_api("getMyCommands")
    def _get_commands(self, params: Json, files: Files) -> list[Any]:
        return list(self._commands.get(self._commands_key(params), []))

    @_api("deleteMyCommands")
    def _delete_commands(self, params: Json, files: Files) -> bool:
        self._commands.pop(self._commands_key(params), None)
        return True

    @_api("getChatMember")
    def _get_chat_member(self, params: Json, files: Files) -> Any:
        try:
            user_id = int(params.get("user_id") or 0)
        except (TypeError, ValueError):
            user_id = 0
        if user_id <= 0:
            raise ApiError(400, "Bad Request: invalid user_id specified")
        return self._member(self._chat_id(params), user_id)

    @_api("getChat")
    def _get_chat(self, params: Json, files: Files) -> Json:
        gifts = dict.fromkeys(("unlimited_gifts", "limited_gifts", "unique_gifts",
                               "premium_subscription", "gifts_from_channels"), False)
        return {**self.chat(self._chat_id(params)), "accent_color_id": 0,
                "max_reaction_count": 11, "accepted_gift_types": gifts}

    @_api("leaveChat")
    def _leave_chat(self, params: Json, files: Files) -> bool:
        chat_id = self._chat_id(params)
        self._check_can_send(chat_id)
        self.set_member_status(chat_id, self.bot_id, "left")
        return True

    @_api("getUpdates")
    def _get_updates_marker(self, params: Json, files: Files) -> None:
        raise AssertionError("getUpdates is served by _get_updates()")  # registered for the name
