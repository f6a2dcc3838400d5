"""The Bot API emulator, driven by a real python-telegram-bot Bot and Application."""

from __future__ import annotations

import asyncio
import datetime as dtm
import html
import socket
import statistics
import time
from collections.abc import AsyncIterator, Iterator

import pytest
from telegram import (
    Bot,
    ChatMemberAdministrator,
    ChatMemberBanned,
    ChatMemberMember,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    RetryAfter,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from tests.support.telegram_emulator import TelegramEmulator, post_update

BOT_USERNAME = "netral_test_bot"


# ------------------------------------------------------------------ a tiny bot under test

async def _record(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    context.application.bot_data.setdefault("seen", {})[update.update_id] = update


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    replied = message.reply_to_message is not None and message.reply_to_message.from_user.is_bot
    await message.reply_text(f"echo: {message.text}" + (" (reply)" if replied else ""))


async def _tanya(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    question = html.escape(" ".join(context.args))
    await update.effective_message.reply_html(f"<b>tanya</b>: {question}")


async def _button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer(f"got {query.data}")
    await query.edit_message_text(f"pressed {query.data}")


async def _inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query.query
    content = InputTextMessageContent(f"<b>{html.escape(query)}</b>", parse_mode="HTML")
    result = InlineQueryResultArticle(id="r1", title=query, input_message_content=content)
    await update.inline_query.answer([result], cache_time=0)


def _build_app(emu: TelegramEmulator) -> Application:
    app = ApplicationBuilder().token(emu.token).base_url(emu.base_url).build()
    app.add_handler(TypeHandler(Update, _record), group=-1)
    app.add_handler(CommandHandler("tanya", _tanya))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, _echo))
    app.add_handler(CallbackQueryHandler(_button))
    app.add_handler(InlineQueryHandler(_inline))
    return app


# ------------------------------------------------------------------ fixtures

@pytest.fixture(scope="module")
def emu() -> Iterator[TelegramEmulator]:
    with TelegramEmulator() as emulator:
        yield emulator
    assert not emulator.internal_errors


@pytest.fixture(autouse=True)
def _clear_faults(emu: TelegramEmulator) -> Iterator[None]:
    yield
    emu.clear_faults()


@pytest.fixture(scope="module")
async def bot(emu: TelegramEmulator) -> AsyncIterator[Bot]:
    async with Bot(emu.token, base_url=emu.base_url,
                   request=HTTPXRequest(connection_pool_size=8)) as b:
        yield b


@pytest.fixture(scope="module")
async def app(emu: TelegramEmulator) -> AsyncIterator[Application]:
    application = _build_app(emu)
    await application.initialize()
    await application.updater.start_polling(timeout=5)
    await application.start()
    yield application
    await application.updater.stop()
    await application.stop()
    await application.shutdown()


async def _seen(app: Application, update_id: int, timeout: float = 5.0) -> Update:
    deadline = time.monotonic() + timeout
    while update_id not in app.bot_data.get("seen", {}):
        assert time.monotonic() < deadline, f"update {update_id} never reached the application"
        await asyncio.sleep(0.01)
    return app.bot_data["seen"][update_id]


def _retry_after_seconds(exc: RetryAfter) -> float:
    value = exc.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


# ------------------------------------------------------------------ direct Bot calls

async def test_get_me_send_and_edit(emu: TelegramEmulator, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.username, me.is_bot, me.id) == (BOT_USERNAME, True, emu.bot_id)

    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Ya", callback_data="yes")]])
    first = await bot.send_message(101, "<b>Halo</b> &amp; /start", parse_mode="HTML",
                                   reply_markup=keyboard)
    assert first.text == "Halo & /start" and first.chat.type == "private"
    assert first.from_user.id == emu.bot_id and first.reply_markup == keyboard
    assert [(e.type, e.offset, e.length) for e in first.entities] == [("bold", 0, 4),
                                                                        ("bot_command", 7, 6)]
    second = await bot.send_message(101, "lagi", reply_to_message_id=first.message_id)
    assert second.message_id == first.message_id + 1
    assert second.reply_to_message.message_id == first.message_id
    assert (await bot.send_message(-1001000000555, "x")).chat.type == "supergroup"
    assert (await bot.send_message(-555, "x")).chat.type == "group"

    edited = await bot.edit_message_text("Halo lagi", chat_id=101, message_id=first.message_id)
    assert edited.text == "Halo lagi" and edited.reply_markup is None  # keyboard dropped
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await bot.edit_message_text("Halo lagi", chat_id=101, message_id=first.message_id)
    with pytest.raises(BadRequest, match="(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=101, message_id=9999)
    assert [m["text"] for m in emu.sent_to(101)] == ["Halo lagi", "lagi"]

    call = emu.calls_to("sendMessage")[0]
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "yes"
    assert call.params["chat_id"] == 101 and call.status == 200


LONG = "a" * 4097
EMOJI = "\N{GRINNING FACE}" * 2049  # 2049 code points but 4098 UTF-16 units


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"text": "<foo>x</foo>", "parse_mode": "HTML"}, 'unsupported start tag "foo"'),
    ({"text": "<b>x</i>", "parse_mode": "HTML"}, "unmatched end tag"),
    ({"text": "<b>bold", "parse_mode": "HTML"}, "can't find end tag"),
    ({"text": "1 < 2", "parse_mode": "HTML"}, 'unsupported start tag ""'),
    ({"text": "AT&T", "parse_mode": "HTML"}, "character '&'"),
    ({"text": "<span>s</span>", "parse_mode": "HTML"}, "tg-spoiler"),
    ({"text": "*x*", "parse_mode": "MarkdownV2"}, "unsupported parse_mode"),
    ({"text": LONG}, "message is too long"),
    ({"text": EMOJI}, "message is too long"),
    ({"text": "  \n "}, "message text is empty"),
    ({"text": "x", "reply_markup": InlineKeyboardMarkup(
        [[InlineKeyboardButton("b", callback_data="\N{LATIN SMALL LETTER E WITH ACUTE}" * 33)]])},
     "button_data_invalid"),
    ({"text": "x", "reply_to_message_id": 424242}, "message to be replied not found"),
])
async def test_telegram_400_checks(bot: Bot, kwargs: dict, error: str) -> None:
    with pytest.raises(BadRequest) as info:
        await bot.send_message(102, **kwargs)
    # PTB strips "Bad Request: " and .capitalize()s the rest (BUTTON_DATA_INVALID -> lower case).
    assert error in info.value.message.lower()


async def test_limits_count_visible_utf16_text(bot: Bot) -> None:
    message = await bot.send_message(103, "<b>" + "a" * 4096 + "</b>", parse_mode="HTML")
    assert len(message.text) == 4096  # markup does not count
    assert await bot.send_message(103, "\N{GRINNING FACE}" * 2048)
    with pytest.raises(BadRequest, match="(?i)caption is too long"):
        await bot.send_photo(103, b"\xff\xd8jpeg", caption="c" * 1025)
    with pytest.raises(BadRequest, match="(?i)can't parse entities"):
        await bot.edit_message_text("<i>x", chat_id=103, message_id=message.message_id,
                                    parse_mode="HTML")


# PTB 22.2+ warns on every RetryAfter that its int retry_after will become a timedelta.
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_fault_injection(emu: TelegramEmulator, bot: Bot) -> None:
    emu.fail("sendMessage", chat_id=104)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(104, "x")
    assert await bot.send_message(104, "x")  # times=1: the fault is used up

    emu.fail("sendMessage", retry_after=3, times=2)
    for _ in range(2):
        with pytest.raises(RetryAfter) as info:
            await bot.send_message(105, "x")
        assert _retry_after_seconds(info.value) == 3
    assert emu.calls_to("sendMessage")[-1].response["parameters"] == {"retry_after": 3}
    assert await bot.send_message(105, "x")

    emu.fail(chat_id=-106, migrate_to_chat_id=-1001000000106)  # any method but getUpdates
    with pytest.raises(ChatMigrated) as migrated:
        await bot.send_message(-106, "x")
    assert migrated.value.new_chat_id == -1001000000106

    emu.fail("getMe", error_code=500, description="Internal Server Error", times=None)
    with pytest.raises(Exception, match="Internal Server Error"):
        await bot.get_me()
    emu.clear_faults()
    assert await bot.get_me()

    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("noSuchMethod")
    stranger = Bot("999:wrong", base_url=emu.base_url)
    try:
        with pytest.raises(InvalidToken, match="rejected by the server"):
            await stranger.initialize()  # its getMe gets 401 Unauthorized
    finally:
        await stranger.shutdown()
    assert emu.calls_to("getMe")[-1].status == 401


async def test_multipart_photo_upload(emu: TelegramEmulator, bot: Bot) -> None:
    payload = bytes(range(256)) * 40 + b"\r\n--boundary-lookalike\r\n"
    mark = emu.mark()
    photo = await bot.send_photo(107, payload, caption="<i>foto</i>", parse_mode="HTML")
    call = await emu.wait_for("sendPhoto", after=mark)
    assert call.files["photo"].data == payload
    assert photo.caption == "foto" and photo.caption_entities[0].type == "italic"
    assert photo.photo[-1].file_size == len(payload)


async def test_members_and_commands(emu: TelegramEmulator, bot: Bot) -> None:
    assert isinstance(await bot.get_chat_member(-108, emu.bot_id), ChatMemberAdministrator)
    assert isinstance(await bot.get_chat_member(-108, 5), ChatMemberMember)
    emu.set_member_status(-108, 5, "kicked")
    assert isinstance(await bot.get_chat_member(-108, 5), ChatMemberBanned)

    assert await bot.set_my_commands([("tanya", "Tanya soal netralitas"), ("bantuan", "Bantuan")])
    with pytest.raises(BadRequest, match="(?i)bot_command_invalid"):
        await bot.set_my_commands([("Tanya!", "x")])

    emu.set_member_status(-109, emu.bot_id, "left")
    with pytest.raises(Forbidden, match="not a member of the group chat"):
        await bot.send_message(-109, "x")


async def test_concurrent_burst_and_no_nagle_stall(emu: TelegramEmulator) -> None:
    # 300 simultaneous connections: a default listen backlog (5) would drop some of them.
    request = HTTPXRequest(connection_pool_size=300)
    async with Bot(emu.token, base_url=emu.base_url, request=request) as burst:
        sent = await asyncio.gather(*(burst.send_message(110, f"m{i}") for i in range(300)))
        assert sorted(m.message_id for m in sent) == list(range(1, 301))
        # Keep-alive round trips must not pay the ~40 ms Nagle/delayed-ACK penalty.
        durations = []
        for _ in range(30):
            t0 = time.perf_counter()
            await burst.send_message(110, "ping")
            durations.append(time.perf_counter() - t0)
    assert statistics.median(durations) < 0.03, durations


async def test_waiting_semantics(emu: TelegramEmulator, bot: Bot) -> None:
    await bot.send_message(111, "one")
    await bot.send_message(111, "two")
    # Without `after`: oldest not yet consumed, each returned once.
    assert (await emu.wait_for_message(111)).text == "one"
    assert (await emu.wait_for_message(111)).text == "two"
    with pytest.raises(TimeoutError, match="recent calls"):
        await emu.wait_for_message(111, timeout=0.05)

    mark = emu.mark()
    waiter = asyncio.ensure_future(emu.wait_for("sendMessage", lambda c: c.text == "three",
                                                after=mark))
    threaded = asyncio.ensure_future(asyncio.to_thread(
        emu.wait_for_message_sync, 111, lambda c: c.text == "three", 5.0, after=mark))
    await asyncio.sleep(0.05)
    await bot.send_message(111, "three")
    assert (await waiter).text == (await threaded).text == "three"
    # `after` ignores consumption: the same call can be fetched again.
    assert (await emu.wait_for("sendMessage", after=mark)).seq == mark + 1


# ------------------------------------------------------------------ through a polling Application

async def test_application_echo_reply_and_command(emu: TelegramEmulator, app: Application) -> None:
    mark = emu.mark()
    t0 = time.monotonic()
    update = emu.private_message(201, "apa itu netralitas?")
    call = await emu.wait_for_message(201, after=mark)
    assert call.text == "echo: apa itu netralitas?"
    assert "reply_parameters" not in call.params  # PTB's reply_text quotes only outside DMs
    assert call.time - t0 < 1.0  # long poll returns at once, no polling interval

    mark = emu.mark()
    update = emu.group_message(-202, 7, "lanjut")
    call = await emu.wait_for_message(-202, after=mark)
    assert call.text == "echo: lanjut"
    assert call.params["reply_parameters"]["message_id"] == update["message"]["message_id"]
    assert call.result["reply_to_message"]["from"]["id"] == 7
    sent = await app.bot.send_message(-202, "pertanyaan?")
    mark = emu.mark()
    emu.group_message(-202, 7, "jawab", reply_to=sent.message_id)
    assert (await emu.wait_for_message(-202, after=mark)).text == "echo: jawab (reply)"

    mark = emu.mark()
    update = emu.command(-100203, "tanya", "boleh <like>?", user_id=8, mention_bot=True)
    assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0,
                                              "length": len("/tanya@" + BOT_USERNAME)}]
    reply = await emu.wait_for_message(-100203, after=mark)
    assert reply.result["text"] == "tanya: boleh <like>?"
    assert reply.result["entities"][0]["type"] == "bold"


async def test_callback_query_flow(emu: TelegramEmulator, app: Application) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Detail", callback_data="detail:1")]])
    message = await app.bot.send_message(204, "Pilih:", reply_markup=keyboard)
    mark = emu.mark()
    update = emu.callback_query(204, message.message_id, "detail:1")
    answer = await emu.wait_for("answerCallbackQuery", after=mark)
    assert answer.ok and answer.params["text"] == "got detail:1"
    edit = await emu.wait_for("editMessageText", after=mark)
    assert edit.ok and edit.result["text"] == "pressed detail:1"
    assert "reply_markup" not in edit.result
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await app.bot.answer_callback_query(update["callback_query"]["id"])


async def test_inline_query_flow(emu: TelegramEmulator, app: Application) -> None:
    mark = emu.mark()
    update = emu.inline_query(205, "kampanye & ASN")
    answer = await emu.wait_for("answerInlineQuery", after=mark)
    assert answer.ok and answer.params["results"][0]["input_message_content"]["message_text"] == \
        "<b>kampanye &amp; ASN</b>"
    with pytest.raises(BadRequest, match="(?i)query is too old"):  # answered once already
        await app.bot.answer_inline_query(update["inline_query"]["id"], [])


async def test_inline_answer_validation() -> None:
    # Its own emulator: the polling application above would answer every pushed query first.
    with TelegramEmulator() as emu:
        async with Bot(emu.token, base_url=emu.base_url) as bot:
            query_id = emu.inline_query(206, "x")["inline_query"]["id"]

            def article(text: str, data: str = "ok") -> InlineQueryResultArticle:
                button = InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data=data)]])
                return InlineQueryResultArticle(
                    id="r", title="t", reply_markup=button,
                    input_message_content=InputTextMessageContent(text, parse_mode="HTML"))

            with pytest.raises(BadRequest, match="(?i)can't parse inputtextmessagecontent"):
                await bot.answer_inline_query(query_id, [article("<b>unclosed")])
            with pytest.raises(BadRequest, match="(?i)message is too long"):
                await bot.answer_inline_query(query_id, [article("y" * 4097)])
            with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
                await bot.answer_inline_query(query_id, [article("ok", "x" * 65)])
            with pytest.raises(BadRequest, match="(?i)result_id_duplicate"):
                await bot.answer_inline_query(query_id, [article("a"), article("b")])
            # Failed answers leave the query open, as on Telegram.
            assert await bot.answer_inline_query(query_id, [article("<i>ok</i>")])
            with pytest.raises(BadRequest, match="(?i)query is too old"):
                await bot.answer_inline_query(query_id, [article("ok")])
        assert not emu.internal_errors


async def test_every_update_builder_parses_in_ptb(emu: TelegramEmulator, app: Application) -> None:
    built = [
        emu.sticker_message(206), emu.photo_message(-207, user_id=9, caption="lihat"),
        emu.voice_message(206), emu.my_chat_member(-208, "administrator", user_id=9),
    ]
    seen = [await _seen(app, u["update_id"]) for u in built]
    assert seen[0].message.sticker.emoji and seen[1].message.photo[-1].width == 1280
    assert seen[1].effective_user.id == 9 and seen[2].message.voice.to_dict()["duration"] == 3
    assert seen[3].my_chat_member.new_chat_member.status == "administrator"
    assert len({u["update_id"] for u in built}) == len(built)

    emu.my_chat_member(-208, "kicked", user_id=9)
    with pytest.raises(Forbidden, match="bot was kicked from the group chat"):
        await app.bot.send_message(-208, "x")
    emu.my_chat_member(210, "kicked")  # a private chat: the user blocked the bot
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await app.bot.send_message(210, "x")


# ------------------------------------------------------------------ own emulators

async def test_get_updates_long_poll_offset_and_conflict() -> None:
    with TelegramEmulator() as emu:
        async with Bot(emu.token, base_url=emu.base_url) as bot:
            t0 = time.monotonic()
            assert await bot.get_updates(timeout=0.3) == ()
            assert 0.25 < time.monotonic() - t0 < 1.0  # held for the timeout, no spinning

            asyncio.get_running_loop().call_later(0.1, emu.private_message, 301, "halo")
            t0 = time.monotonic()
            (update,) = await bot.get_updates(timeout=5)
            assert time.monotonic() - t0 < 1.0 and update.message.text == "halo"
            assert (await bot.get_updates())[0].update_id == update.update_id  # not confirmed yet
            assert await bot.get_updates(offset=update.update_id + 1) == ()

            held = asyncio.ensure_future(bot.get_updates(timeout=5))
            await asyncio.sleep(0.1)
            async with Bot(emu.token, base_url=emu.base_url) as second:
                assert await second.get_updates(timeout=0) == ()
            with pytest.raises(Conflict, match="terminated by other getUpdates"):
                await held
            assert len(emu.calls_to("getUpdates")) == 6
        assert not emu.internal_errors


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_webhook_mode() -> None:
    with TelegramEmulator() as emu:
        app = _build_app(emu)
        port = _free_port()
        url = f"http://127.0.0.1:{port}/hook"
        await app.initialize()
        await app.updater.start_webhook(listen="127.0.0.1", port=port, url_path="hook",
                                        webhook_url=url, secret_token="s3cret")
        await app.start()
        try:
            assert emu.webhook["url"] == url and emu.webhook["secret_token"] == "s3cret"
            with pytest.raises(Conflict, match="webhook is active"):
                await app.bot.get_updates()

            mark = emu.mark()
            emu.private_message(401, "lewat webhook")  # delivered by the emulator's POST
            assert (await emu.wait_for_message(401, after=mark)).text == "echo: lewat webhook"

            # post_update blocks: run it off the loop that serves the webhook.
            update = {"update_id": 1, "message": {"message_id": 1, "date": 0, "text": "hai",
                                                   "chat": {"id": 402, "type": "private"},
                                                   "from": {"id": 402, "is_bot": False,
                                                            "first_name": "A"}}}
            assert await asyncio.to_thread(post_update, url, update, "wrong") == 403
            mark = emu.mark()
            assert await asyncio.to_thread(post_update, url, update, "s3cret") == 200
            assert (await emu.wait_for_message(402, after=mark)).text == "echo: hai"
        finally:
            await app.updater.stop()
            await app.stop()
            await app.shutdown()
        assert not emu.internal_errors
