"""A hostile news site, on loopback, against fetch, extraction and /tambah (issue 10, 1-6).

The site is a raw asyncio HTTP server of its own, since the attacks live below what an HTTP
library lets a server do: headers trickled one byte at a time, stacked gzip bombs, charsets
that are codecs but not text encodings, metadata thousands of characters long.
"""

from __future__ import annotations

import asyncio
import errno
import gzip
import threading
import time
import tracemalloc
import zlib
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest

from tests.support.articles import KAPUAS_HULU, render_article
from tests.support.bot_harness import ADMIN_ID, running_bot
from index.corpus.article import Article, Official
from index.ingest import limits
from index.ingest.errors import FetchError, FetchReason
from index.ingest.fetch import fetch_page, is_blocked_address
from index.ingest.sources import article_from_url

Route = Callable[[asyncio.StreamWriter], Awaitable[None]]
QUESTION = "Apakah ASN boleh terlibat politik praktis selama pilkada?"
USER = 6161
MB = 1024 * 1024


# --- the site ------------------------------------------------------------------------------

class HostileSite:
    """Raw HTTP/1.0-style responses from coroutines, one connection per request."""

    def __init__(self) -> None:
        self._routes: dict[str, Route] = {}
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, name="hostile-site",
                                        daemon=True)
        self.port = 0

    def __enter__(self) -> HostileSite:
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._serve, "127.0.0.1", 0), self._loop).result(10)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def __exit__(self, *exc: object) -> None:
        async def close() -> None:
            self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()
        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, route: Route) -> str:
        self._routes[path] = route
        return self.url(path)

    def page(self, path: str, body: bytes | str, *, content_type: str = "text/html; charset=utf-8",
             **headers: str) -> str:
        data = body.encode() if isinstance(body, str) else body
        head = _head(content_type=content_type, content_length=str(len(data)), **headers)

        async def send(writer: asyncio.StreamWriter) -> None:
            writer.write(head + data)
            await writer.drain()
        return self.route(path, send)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            path = request.split(b" ", 2)[1].decode("ascii", "replace")
            route = self._routes.get(path)
            if route is None:
                writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
            else:
                await route(writer)
            await writer.drain()
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError):
            pass  # the client gave up, as it should
        finally:
            writer.close()


def _head(status: str = "200 OK", **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [f"{k.replace('_', '-').title()}: {v}"
                                      for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def trickle(data: bytes, delay: float, prefix: bytes = b"") -> Route:
    """`prefix` at once, then `data` one byte every `delay` seconds."""
    async def send(writer: asyncio.StreamWriter) -> None:
        writer.write(prefix)
        await writer.drain()
        for i in range(len(data)):
            writer.write(data[i:i + 1])
            await writer.drain()
            await asyncio.sleep(delay)
    return send


def _gzip_of_spaces(size: int) -> bytes:
    """gzip of `size` spaces, compressed in blocks: never `size` bytes in memory."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * MB
    parts = [packer.compress(block) for _ in range(size // MB)]
    return b"".join(parts) + packer.flush()


ARTICLE_HTML = render_article(KAPUAS_HULU)


@pytest.fixture(scope="module")
def site() -> Iterator[HostileSite]:
    with HostileSite() as hostile:
        inner = _gzip_of_spaces(200 * MB)
        hostile.page("/bom/gzip-gzip", gzip.compress(inner), content_encoding="gzip, gzip")
        hostile.page("/bom/gzip", inner, content_encoding="gzip")
        hostile.page("/bom/br", b"\x0b\x02\x80abc", content_encoding="br")
        head = _head(content_type="text/html; charset=utf-8",
                     content_length=str(len(ARTICLE_HTML.encode())))
        hostile.route("/pelan/kepala", trickle(head + ARTICLE_HTML.encode(), 0.25))
        hostile.route("/pelan/isi", trickle(ARTICLE_HTML.encode(), 0.25, prefix=head))
        yield hostile


def fetch(url: str, **overrides: Any):
    options: dict[str, Any] = dict(max_bytes=5_000_000, timeout=5.0, max_redirects=3,
                                   allow_private_hosts=True, user_agent="NetralTest/1.0")
    return fetch_page(url, **(options | overrides))


def fetch_error(url: str, **overrides: Any) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, **overrides)
    return caught.value


def peak_memory_of(action: Callable[[], object]) -> int:
    """Peak bytes allocated while `action` runs (zlib's output buffers included)."""
    tracemalloc.start()
    try:
        action()
    except FetchError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


# --- 2. compression ------------------------------------------------------------------------

def test_stacked_content_codings_are_refused_before_decoding(site: HostileSite) -> None:
    url = site.url("/bom/gzip-gzip")
    peak = peak_memory_of(lambda: fetch(url))
    assert fetch_error(url).reason == FetchReason.BAD_ENCODING
    assert peak < 20 * MB  # 200 MB of spaces behind a few hundred bytes on the wire


def test_one_gzip_layer_is_capped_as_it_decodes(site: HostileSite) -> None:
    url = site.url("/bom/gzip")
    peak = peak_memory_of(lambda: fetch(url, max_bytes=1_000_000))
    assert fetch_error(url, max_bytes=1_000_000).reason == FetchReason.TOO_LARGE
    assert peak < 20 * MB  # one 64 KiB network chunk alone inflates to ~64 MB


def test_a_coding_that_was_not_asked_for_is_refused(site: HostileSite) -> None:
    assert fetch_error(site.url("/bom/br")).reason == FetchReason.BAD_ENCODING


def test_gzip_and_deflate_pages_still_decode(site: HostileSite) -> None:
    body = ARTICLE_HTML.encode()
    site.page("/gz", gzip.compress(body), content_encoding="gzip")
    site.page("/deflate", zlib.compress(body), content_encoding="deflate")
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    site.page("/deflate-mentah", raw.compress(body) + raw.flush(), content_encoding="deflate")
    for path in ("/gz", "/deflate", "/deflate-mentah"):
        assert KAPUAS_HULU.quote in fetch(site.url(path)).html, path


# --- 3. trickling --------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/pelan/kepala", "/pelan/isi"])
def test_a_trickling_server_cannot_stretch_the_deadline(site: HostileSite, path: str) -> None:
    started = time.monotonic()
    error = fetch_error(site.url(path), timeout=1.0)
    elapsed = time.monotonic() - started
    assert error.reason == FetchReason.DEAD_LINK and "timed out" in str(error).lower()
    assert elapsed < 2.0  # one byte per 0.25 s would take minutes to finish


# --- 4. charsets ---------------------------------------------------------------------------

@pytest.mark.parametrize("charset", ["punycode", "idna", "utf-7", "base64", "rot13", "bukan"])
def test_exotic_charsets_fall_back_to_utf8(site: HostileSite, charset: str) -> None:
    body = ARTICLE_HTML.replace('<meta charset="utf-8">', f'<meta charset="{charset}">')
    site.page(f"/cs/header-{charset}", ARTICLE_HTML, content_type=f"text/html; charset={charset}")
    site.page(f"/cs/meta-{charset}", body, content_type="text/html")
    for path in (f"/cs/header-{charset}", f"/cs/meta-{charset}"):
        page = fetch(site.url(path))
        assert page.charset == "utf-8" and KAPUAS_HULU.quote in page.html


@pytest.mark.parametrize("charset, codec", [("windows-1252", "cp1252"), ("latin1", "cp1252"),
                                            ("Shift_JIS", "cp932"), ("gbk", "gb18030"),
                                            ("  KOI8-R ", "koi8_r")])
def test_browser_charsets_are_honoured(site: HostileSite, charset: str, codec: str) -> None:
    site.page(f"/cs/ok-{codec}", "<html><body><p>netral</p></body></html>".encode(codec),
              content_type=f"text/html; charset={charset}")
    assert fetch(site.url(f"/cs/ok-{codec}")).charset == codec


# --- 1 and 5. oversized text and metadata --------------------------------------------------

HUGE_OUTLET = "Warta " + "Kapuas" * 900
HUGE_TITLE = "Pj Bupati Larang ASN Berpolitik " + "sangat " * 900
BLOW_UP = "A" * 60_000 + " b c d e f."


def _hostile_article(path: str) -> str:
    paragraphs = KAPUAS_HULU.paragraphs[:2] + (BLOW_UP,) + KAPUAS_HULU.paragraphs[2:]
    return render_article(replace(KAPUAS_HULU, path=path, outlet=HUGE_OUTLET, title=HUGE_TITLE,
                                  paragraphs=paragraphs))


def test_oversized_metadata_and_paragraphs_are_bounded_at_ingest(site: HostileSite,
                                                                  config) -> None:
    url = site.page("/besar/meta", _hostile_article("/besar/meta"))
    ingest = replace(config.ingest, allow_private_hosts=True)
    article = article_from_url(replace(config, ingest=ingest), url)
    assert len(article.title) <= limits.MAX_TITLE_CHARS and article.title.startswith("Pj Bupati")
    assert len(article.outlet) <= limits.MAX_OUTLET_CHARS and article.outlet.startswith("Warta")
    paragraphs = article.paragraphs()
    assert max(map(len, paragraphs)) <= limits.MAX_PARAGRAPH_CHARS
    assert len(article.body) <= limits.MAX_ARTICLE_CHARS
    assert KAPUAS_HULU.quote in article.body  # the real text survives


def test_every_article_field_is_bounded() -> None:
    huge = Article(id="x", title="t " * 5000, body="\n\n".join(["kata " * 1000] * 100),
                   outlet="o" * 5000, url="https://contoh.go.id/" + "a" * 5000,
                   official=Official("Nama " * 1000, "Jabatan " * 1000), region="r" * 5000)
    article = limits.bounded_article(huge)
    assert len(article.title) <= limits.MAX_TITLE_CHARS and article.title.endswith("…")
    assert len(article.outlet) <= limits.MAX_OUTLET_CHARS
    assert len(article.official.name) <= limits.MAX_NAME_CHARS
    assert len(article.official.position) <= limits.MAX_POSITION_CHARS
    assert len(article.region) <= limits.MAX_REGION_CHARS
    assert article.url == ""  # a cut URL would point elsewhere
    assert len(article.body) <= limits.MAX_ARTICLE_CHARS
    assert all(len(p) <= limits.MAX_PARAGRAPH_CHARS for p in article.paragraphs())
    small = Article(id="y", title="Judul", body="Satu.\n\nDua.", url="https://a.go.id/b")
    assert limits.bounded_article(small) == small


# --- 6. internal addresses -----------------------------------------------------------------

@pytest.mark.parametrize("address", ["fec0::1", "fec0:1234::5", "feff:ffff::1"])
def test_site_local_ipv6_is_refused(address: str) -> None:
    assert is_blocked_address(address)


# --- /tambah through the bot ---------------------------------------------------------------

@pytest.fixture()
async def admin_bot(bot_config, embedder, emulator):
    ingest = replace(bot_config.ingest, allow_private_hosts=True, timeout_seconds=1.5)
    config = replace(bot_config, ingest=ingest,
                     telegram=replace(bot_config.telegram, api_url=emulator.base_url))
    async with running_bot(config, embedder, emulator) as running:
        yield running
    assert not running.bad_requests(), running.bad_requests()  # Telegram rejected nothing
    assert not emulator.internal_errors


async def _tambah(bot, url: str, timeout: float = 60.0) -> tuple[str, float]:
    """The final text of /tambah's status message, and seconds until it was shown."""
    emu = bot.emu
    mark = emu.mark()
    started = time.monotonic()
    emu.command(ADMIN_ID, "tambah", url, user_id=ADMIN_ID)
    final = await emu.wait_for("editMessageText",
                               lambda c: c.params["text"].startswith(("✅", "❌")),
                               after=mark, timeout=timeout)
    return final.params["text"], final.time - started


async def _bystander_is_answered(bot) -> None:
    started = time.monotonic()
    reply = await bot.ask_private(USER, QUESTION, timeout=10)
    assert "📰" in reply.text and reply.time - started < 3.0


async def test_tambah_of_a_trickling_page_ends_with_a_clear_failure(admin_bot, site) -> None:
    text, seconds = await _tambah(admin_bot, site.url("/pelan/kepala"))
    assert text.startswith("❌") and "tidak dapat diambil" in text
    assert seconds < 5.0  # timeout_seconds is 1.5
    await _bystander_is_answered(admin_bot)


@pytest.mark.parametrize("path", ["/bom/gzip-gzip", "/cs/header-idna", "/cs/meta-punycode"])
async def test_tambah_never_leaves_the_status_hanging(admin_bot, site, path) -> None:
    if path.startswith("/cs/"):
        charset = path.rsplit("-", 1)[1]
        site.page(path, ARTICLE_HTML.replace('<meta charset="utf-8">',
                                             f'<meta charset="{charset}">'),
                  content_type=f"text/html; charset={charset}")
    text, _ = await _tambah(admin_bot, site.url(path))
    if path.startswith("/bom/"):
        assert text.startswith("❌") and "pengodean" in text
    else:
        assert text.startswith("✅") and KAPUAS_HULU.title in text
    await _bystander_is_answered(admin_bot)


async def test_tambah_of_oversized_metadata_fits_every_message(admin_bot, site) -> None:
    url = site.page("/besar/tambah", _hostile_article("/besar/tambah"))
    text, seconds = await _tambah(admin_bot, url)
    assert text.startswith("✅") and "Warta Kapuas" in text
    assert seconds < 20.0
    answer = await admin_bot.ask_private(USER + 1, "Bolehkah ASN memberi like atau komentar di "
                                                   "unggahan pasangan calon?")
    assert "Budi Santoso" in answer.text and len(answer.text) <= 4096
    await _bystander_is_answered(admin_bot)


def _break_embedding(monkeypatch, embedder) -> None:
    def fail(texts):
        raise RuntimeError("embedding model crashed")
    monkeypatch.setattr(embedder, "passages", fail)


def _fill_disk(monkeypatch, embedder) -> None:
    import index.retrieval.build

    def fail(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(index.retrieval.build, "save_index", fail)


@pytest.mark.parametrize("breakage", [_break_embedding, _fill_disk])
async def test_a_failed_tambah_leaves_nothing_behind(admin_bot, site, monkeypatch,
                                                     embedder, breakage) -> None:
    config = admin_bot.svc.config
    before = admin_bot.svc.knowledge.facts()
    url = site.page("/gagal", render_article(replace(KAPUAS_HULU, path="/gagal")))
    breakage(monkeypatch, embedder)
    text, _ = await _tambah(admin_bot, url)
    assert text.startswith("❌") and "Tidak ada yang berubah" in text
    assert list(config.added_dir.glob("*")) == []  # no orphan for a later build to pick up
    monkeypatch.undo()
    assert admin_bot.svc.knowledge.facts() == before
    mark = admin_bot.emu.mark()
    admin_bot.emu.command(ADMIN_ID, "reindex", user_id=ADMIN_ID)
    await admin_bot.emu.wait_for("editMessageText", lambda c: c.params["text"].startswith("✅"),
                                 after=mark, timeout=120)
    assert admin_bot.svc.knowledge.facts().articles == before.articles
    await _bystander_is_answered(admin_bot)
