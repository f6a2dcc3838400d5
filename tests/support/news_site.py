"""The fictional news site of articles.py on pytest-httpserver, with the failures a fetch
must survive: real HTTP on 127.0.0.1, no internet.

    with NewsSite() as site:      # in pytest: the session-scoped `news_site` fixture
        site.url_for(KAPUAS_HULU.path)
        site.expect_request("/baru").respond_with_data(html, content_type="text/html")
        site.hits(path), site.requests_to(path)[-1].headers, site.bytes_sent[path]

Routes:
    article paths            KAPUAS_HULU, SINGKAWANG
    /indeks                  section front: headlines only, no article
    /tag/netralitas-asn      tag page: a linked headline and a teaser per story
    /error                   500; any path without a route is a 404
    /dokumen.pdf             application/pdf
    /r/kapuas-hulu           301 with a relative Location to KAPUAS_HULU
    /r/singkawang            302 with an absolute Location to SINGKAWANG
    /r/rantai/N              N redirects in a row, then KAPUAS_HULU
    /loop/a, /loop/b         redirect to each other forever
    /lambat?delay=S          waits S seconds (default 1), then answers with KAPUAS_HULU
    /lambat-body?delay=S     sends the headers at once, the body S seconds later
    /besar?bytes=N           N bytes of HTML (default 6 MiB), Content-Length announced
    /besar-stream?bytes=N    the same, chunked, without Content-Length

The big pages stream from one 64 KiB block, so a page of any size costs no memory, and
`bytes_sent` counts what reached the socket, to show when a client stops reading.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from collections.abc import Iterator

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.support.articles import ARTICLES, KAPUAS_HULU, SINGKAWANG, render_article, render_index, render_tag_page

HTML = "text/html; charset=utf-8"
OVERSIZED = 6 * 1024 * 1024
NOT_FOUND = ("<!DOCTYPE html><html><head><title>404 Halaman Tidak Ditemukan</title></head>"
             "<body><h1>Halaman tidak ditemukan</h1></body></html>")
SERVER_ERROR = ("<!DOCTYPE html><html><head><title>500</title></head>"
                "<body><h1>Terjadi kesalahan pada server</h1></body></html>")
# The smallest PDF readers accept; its content does not matter, its type does.
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
_HEAD = b"<!DOCTYPE html><html><head><title>Besar</title></head><body>\n"
_FILLER = ("<p>Paragraf pengisi halaman yang sangat panjang tentang netralitas ASN.</p>\n"
           * 1000).encode()[:65536]

logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request in test output


class NewsSite(HTTPServer):
    """pytest-httpserver's server, threaded (slow pages must not hold up the others), with the
    site's routes, a 404 page for everything else, and request counts per path."""

    def __init__(self) -> None:
        super().__init__("127.0.0.1", 0, threaded=True)
        self.bytes_sent: Counter[str] = Counter()
        for article in ARTICLES:
            self.expect_request(article.path).respond_with_data(render_article(article),
                                                                content_type=HTML)
        self.expect_request("/indeks").respond_with_data(render_index(), content_type=HTML)
        self.expect_request("/tag/netralitas-asn").respond_with_data(render_tag_page(), content_type=HTML)
        self.expect_request("/error").respond_with_data(SERVER_ERROR, 500, content_type=HTML)
        self.expect_request("/dokumen.pdf").respond_with_data(PDF, content_type="application/pdf")
        self.redirect("/r/kapuas-hulu", KAPUAS_HULU.path, status=301)
        self.expect_request("/r/singkawang").respond_with_handler(
            lambda request: _redirect(self.url_for(SINGKAWANG.path)))
        self.expect_request(re.compile(r"/r/rantai/\d+")).respond_with_handler(_chain)
        self.redirect("/loop/a", "/loop/b")
        self.redirect("/loop/b", "/loop/a")
        self.expect_request("/lambat").respond_with_handler(_slow_headers)
        self.expect_request("/lambat-body").respond_with_handler(_slow_body)
        self.expect_request("/besar").respond_with_handler(self._oversized)
        self.expect_request("/besar-stream").respond_with_handler(self._oversized)

    def redirect(self, path: str, location: str, *, status: int = 302) -> None:
        """Redirect `path` to `location`, sent as given (a path stays relative)."""
        self.expect_request(path).respond_with_response(_redirect(location, status))

    def requests_to(self, path: str) -> list[Request]:
        """The requests received for `path` (without query string), oldest first."""
        return [request for request, _ in self.log if request.path == path]

    def hits(self, path: str) -> int:
        return len(self.requests_to(path))

    def respond_nohandler(self, request: Request, extra_message: str = "") -> Response:
        return Response(NOT_FOUND, 404, content_type=HTML)  # a site's 404, not a test failure

    def _oversized(self, request: Request) -> Response:
        size = int(request.args.get("bytes", OVERSIZED))
        path = request.path

        def body() -> Iterator[bytes]:
            remaining, block = size, _HEAD
            while remaining > 0:
                data = block[:remaining]
                yield data
                self.bytes_sent[path] += len(data)  # after the yield: the write succeeded
                remaining -= len(data)
                block = _FILLER

        # Without Content-Length, werkzeug sends the body chunked.
        headers = {"Content-Length": str(size)} if path == "/besar" else {}
        return Response(body(), headers=headers, content_type=HTML, direct_passthrough=True)


def _redirect(location: str, status: int = 302) -> Response:
    response = Response(status=status, headers={"Location": location})
    response.autocorrect_location_header = False
    return response


def _chain(request: Request) -> Response:
    hops = int(request.path.rsplit("/", 1)[1])
    return _redirect(f"/r/rantai/{hops - 1}" if hops > 1 else KAPUAS_HULU.path)


def _delay(request: Request) -> float:
    return float(request.args.get("delay", 1.0))


def _slow_headers(request: Request) -> Response:
    time.sleep(_delay(request))
    return Response(render_article(KAPUAS_HULU), content_type=HTML)


def _slow_body(request: Request) -> Response:
    page = render_article(KAPUAS_HULU).encode()
    delay = _delay(request)

    def body() -> Iterator[bytes]:
        yield b""  # werkzeug sends the headers with the first (here empty) write
        time.sleep(delay)
        yield page

    return Response(body(), headers={"Content-Length": str(len(page))}, content_type=HTML,
                    direct_passthrough=True)


if __name__ == "__main__":  # python -m tests.support.news_site: browse the site by hand
    with NewsSite() as site:
        print(f"serving {site.url_for('/indeks')} and the routes in the module docstring")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
