"""Fetch one web page safely, for articles that admins add by URL.

The URL comes from a chat message, so it is untrusted input: the fetch refuses anything but
http(s), refuses hosts on private, loopback and other internal networks (server-side request
forgery), follows redirects by hand so that every hop passes the same checks, bounds the time
(one deadline for connecting, headers and body, enforced on every socket operation) and the
decoded bytes it spends, and accepts only HTML in an encoding browsers know.

Every failure raises `FetchError` with a machine-readable `reason` (a `FetchReason`); the bot
maps reasons to Indonesian text, the English message is for logs.

`fetch_page` is blocking (httpx sync client); the bot calls it from a worker thread.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpcore
import httpx

from index.ingest.charsets import decode_html
from index.ingest.content import ACCEPT_ENCODING, BodyDecoder
from index.ingest.errors import FetchError, FetchReason

__all__ = ["FetchError", "FetchReason", "FetchedPage", "decode_html", "fetch_page",
           "is_blocked_address", "parse_url", "resolve"]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# What news feeds are served as; servers label RSS and Atom inconsistently.
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/xml", "text/xml", "application/x-rss+xml"})
MAX_URL_LENGTH = 2048
DEFAULT_PORTS = {"http": 80, "https": 443}

# Sent with every request: news sites serve Indonesian editions and some refuse clients
# that send no Accept header.
BASE_HEADERS = {
    "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "Accept-Language": "id-ID,id;q=0.9,en;q=0.5",
    "Accept-Encoding": ACCEPT_ENCODING,
}


@dataclass(frozen=True)
class FetchedPage:
    final_url: str      # after redirects
    status: int
    content_type: str   # media type only, lower case, e.g. "text/html"
    charset: str        # the codec the body was decoded with
    html: str


def fetch_page(url: str, *, max_bytes: int, timeout: float, max_redirects: int,
               allow_private_hosts: bool, user_agent: str,
               accept: frozenset[str] = HTML_TYPES) -> FetchedPage:
    """GET `url` and return its HTML, or raise `FetchError`.

    `accept` names the media types taken (HTML by default; `FEED_TYPES` for feeds, whose
    text is returned in `html` all the same).

    `timeout` bounds the whole fetch (DNS, every hop, headers and body): each socket operation
    waits at most until that deadline, so a server trickling one byte at a time cannot
    stretch it. `max_bytes` bounds the decoded body. `max_redirects` is the number of redirects followed.
    """
    deadline = _Deadline(timeout)
    guard = _AddressGuard(allow_private_hosts, deadline)
    current = parse_url(url)
    headers = {**BASE_HEADERS, "User-Agent": user_agent}
    if accept != HTML_TYPES:
        headers["Accept"] = ",".join(sorted(accept)) + ";q=0.9,*/*;q=0.1"
    # trust_env=False: a proxy from the environment would connect on our behalf, hiding the
    # real destination from the address check.
    with httpx.Client(transport=_PinnedTransport(guard, deadline), headers=headers,
                      trust_env=False,
                      follow_redirects=False) as client:
        redirects = 0
        while True:
            guard.check(current)
            with _open(client, current, deadline) as response:
                if response.status_code in REDIRECT_STATUSES:
                    if redirects >= max_redirects:
                        raise FetchError(FetchReason.TOO_MANY_REDIRECTS,
                                         f"more than {max_redirects} redirects", url=url)
                    current = _redirect_target(response)
                    redirects += 1
                    continue
                return _read_page(response, max_bytes, deadline, accept)


def parse_url(raw: str) -> httpx.URL:
    """`raw` as an absolute http(s) URL with a host, or `FetchError(invalid_url)`."""
    text = raw.strip()
    if not text or len(text) > MAX_URL_LENGTH:
        raise FetchError(FetchReason.INVALID_URL, "URL is empty or too long", url=raw)
    try:
        url = httpx.URL(text)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise FetchError(FetchReason.INVALID_URL, f"malformed URL: {exc}", url=raw) from exc
    if not url.scheme:
        raise FetchError(FetchReason.INVALID_URL, "URL must start with http:// or https://",
                         url=raw)
    if url.scheme not in DEFAULT_PORTS:
        raise FetchError(FetchReason.INVALID_URL,
                         f"only http and https URLs are fetched, not {url.scheme}:", url=raw)
    if not url.host:
        raise FetchError(FetchReason.INVALID_URL, "URL has no host", url=raw)
    host = url.raw_host.decode("ascii")
    if not (_HOST_NAME.fullmatch(host) or _is_ip_literal(host)):
        # httpx percent-encodes what a host may not hold ("exa mple.com"); refuse it here
        # rather than report a DNS failure for a typo.
        raise FetchError(FetchReason.INVALID_URL, f"invalid host {url.host!r}", url=raw)
    if url.port is not None and not 0 < url.port < 65536:
        raise FetchError(FetchReason.INVALID_URL, f"invalid port {url.port}", url=raw)
    return url.copy_with(fragment=None)


_HOST_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9_.])?")


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def is_blocked_address(address: str) -> bool:
    """True for addresses a public news article can never live on."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv4 address wrapped in IPv6 reaches the IPv4 host: judge that one.
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is not None:
            ip = embedded
    # `not is_global` also catches ranges none of the flags name, e.g. 100.64.0.0/10 (CGNAT).
    # fec0::/10 (IPv6 site-local) is deprecated, but Python counts it as global while
    # networks that still route it are internal ones.
    site_local = isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
            or ip.is_multicast or ip.is_unspecified or site_local or not ip.is_global)


# --- time ----------------------------------------------------------------------------------

class _Deadline:
    """One time budget for the whole fetch."""

    def __init__(self, seconds: float) -> None:
        self._end = time.monotonic() + seconds
        self._seconds = seconds

    def remaining(self) -> float:
        """Seconds left, or `FetchError(dead_link)` when the budget is spent."""
        left = self.left()
        if left <= 0:
            raise FetchError(FetchReason.DEAD_LINK, f"timed out after {self._seconds:g} s")
        return left

    def left(self) -> float:
        return self._end - time.monotonic()

    def cap(self, timeout: float | None, expired: type[Exception]) -> float:
        """`timeout` shortened to the deadline; `expired` (an httpcore timeout, which httpx
        maps to its own) once it has passed."""
        left = self.left()
        if left <= 0:
            raise expired(f"fetch deadline of {self._seconds:g} s passed")
        return left if timeout is None else min(timeout, left)


# --- addresses -----------------------------------------------------------------------------

class _AddressGuard:
    """Resolves each hop's host, refuses internal addresses, and pins the connection to them.

    Pinning matters: if httpx resolved the name again when connecting, a DNS server answering
    differently the second time (DNS rebinding) could still steer the request inside.
    """

    def __init__(self, allow_private: bool, deadline: _Deadline) -> None:
        self._allow_private = allow_private
        self._deadline = deadline
        self._pinned: dict[tuple[str, int], list[str]] = {}

    def check(self, url: httpx.URL) -> None:
        port = url.port or DEFAULT_PORTS[url.scheme]
        self.addresses(url.raw_host.decode("ascii"), port, refresh=True)

    def addresses(self, host: str, port: int, *, refresh: bool = False) -> list[str]:
        key = (host, port)
        if refresh or key not in self._pinned:
            self._pinned[key] = self._resolve_checked(host, port)
        return self._pinned[key]

    def _resolve_checked(self, host: str, port: int) -> list[str]:
        addresses = resolve(host, port, self._deadline.remaining())
        if not self._allow_private:
            blocked = [a for a in addresses if is_blocked_address(a)]
            if blocked:
                # One internal address is enough to refuse: which one a client picks is not ours
                # to control.
                raise FetchError(FetchReason.PRIVATE_HOST,
                                 f"{host} resolves to a non-public address ({blocked[0]})")
        return addresses


def resolve(host: str, port: int, timeout: float) -> list[str]:
    """The addresses of `host`, in resolver order, within `timeout` seconds."""
    try:
        return [str(ipaddress.ip_address(host))]  # a literal needs no lookup
    except ValueError:
        pass
    result: list[list[str]] = []
    failure: list[OSError] = []
    done = threading.Event()

    def lookup() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            result.append(list(dict.fromkeys(str(info[4][0]) for info in infos)))
        except OSError as exc:
            failure.append(exc)
        finally:
            done.set()

    # getaddrinfo takes no timeout; a daemon thread lets us stop waiting for a stuck resolver.
    threading.Thread(target=lookup, name="netral-dns", daemon=True).start()
    if not done.wait(timeout):
        raise FetchError(FetchReason.DEAD_LINK, f"DNS lookup for {host} timed out")
    if failure or not result or not result[0]:
        detail = failure[0] if failure else "no addresses"
        raise FetchError(FetchReason.DEAD_LINK, f"cannot resolve {host}: {detail}")
    return result[0]


class _PinnedBackend(httpcore.NetworkBackend):
    """Connects only to the addresses the guard checked for that host, within the deadline."""

    def __init__(self, guard: _AddressGuard, deadline: _Deadline) -> None:
        self._guard = guard
        self._deadline = deadline
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: object = None) -> httpcore.NetworkStream:
        last_error: Exception | None = None
        for address in self._guard.addresses(host, port):
            try:
                stream = self._inner.connect_tcp(
                    address, port, self._deadline.cap(timeout, httpcore.ConnectTimeout),
                    local_address, socket_options)  # type: ignore[arg-type]
                return _DeadlineStream(stream, self._deadline)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        assert last_error is not None  # addresses() never returns an empty list
        raise last_error

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: object = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits at most until the fetch deadline.

    httpx's timeouts apply per operation: a server sending one byte every half second never
    trips a 5 s read timeout. Shortening each operation's timeout to the deadline does.
    """

    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.cap(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.cap(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None,  # type: ignore[no-untyped-def]
                  timeout: float | None = None) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname,
                                      self._deadline.cap(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class _PinnedTransport(httpx.HTTPTransport):
    """httpx's own transport over a connection pool that uses `_PinnedBackend`.

    httpx 0.28 has no public way to pass a network backend, so this sets the pool that
    `HTTPTransport.handle_request` and `close` use; no other state of the parent is needed
    (tests check that connections really go through the guard).
    """

    def __init__(self, guard: _AddressGuard, deadline: _Deadline) -> None:
        # no super().__init__: it builds a pool
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                             network_backend=_PinnedBackend(guard, deadline),
                                             retries=0)


# --- one hop -------------------------------------------------------------------------------

@contextmanager
def _open(client: httpx.Client, url: httpx.URL, deadline: _Deadline) -> Iterator[httpx.Response]:
    """Send one GET and stream its response; httpx errors, here or while reading, become
    `FetchError`."""
    request = client.build_request("GET", url, timeout=httpx.Timeout(deadline.remaining()))
    with _mapped_errors(str(url)):
        response = client.send(request, stream=True, follow_redirects=False)
        try:
            yield response
        finally:
            response.close()  # an unread body drops the connection instead of reusing it


@contextmanager
def _mapped_errors(url: str) -> Iterator[None]:
    try:
        yield
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise _to_fetch_error(exc, url) from exc


def _to_fetch_error(exc: Exception, url: str) -> FetchError:
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError(FetchReason.INVALID_URL, f"cannot request {url}: {exc}", url=url)
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(FetchReason.DEAD_LINK, f"timed out fetching {url}", url=url)
    if isinstance(exc, httpx.ConnectError):
        return FetchError(FetchReason.DEAD_LINK, f"cannot connect to {url}: {exc}", url=url)
    return FetchError(FetchReason.DEAD_LINK, f"error fetching {url}: {exc!r}", url=url)


def _redirect_target(response: httpx.Response) -> httpx.URL:
    location = response.headers.get("location", "").strip()
    if not location:
        raise FetchError(FetchReason.DEAD_LINK,
                         f"HTTP {response.status_code} redirect without a Location",
                         url=str(response.url), status=response.status_code)
    try:
        target = response.url.join(location)
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError(FetchReason.INVALID_URL, f"bad redirect Location {location!r}",
                         url=str(response.url)) from exc
    return parse_url(str(target))


def _read_page(response: httpx.Response, max_bytes: int, deadline: _Deadline,
               accept: frozenset[str] = HTML_TYPES) -> FetchedPage:
    url = str(response.url)
    if response.status_code not in (200, 203):
        # 4xx/5xx, and also 1xx/204/206/304 and 3xx without a Location handled above: none
        # of them carries a whole page.
        raise FetchError(FetchReason.DEAD_LINK, f"HTTP {response.status_code} for {url}",
                         url=url, status=response.status_code)
    media_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type and media_type not in accept:
        raise FetchError(FetchReason.NOT_HTML, f"{url} is {media_type}, not HTML", url=url)
    _check_declared_length(response, max_bytes)
    body = _read_capped(response, max_bytes, deadline)
    if not media_type and accept == HTML_TYPES and not _looks_like_html(body):
        # No Content-Type at all: accept only what plainly is an HTML document.
        raise FetchError(FetchReason.NOT_HTML, f"{url} has no content type and is not HTML",
                         url=url)
    html, charset = decode_html(body, response.charset_encoding)
    return FetchedPage(final_url=url, status=response.status_code,
                       content_type=media_type or "text/html", charset=charset, html=html)


def _check_declared_length(response: httpx.Response, max_bytes: int) -> None:
    """Refuse before reading when the server announces a body over the cap."""
    try:
        declared = int(response.headers.get("content-length", ""))
    except ValueError:
        return
    if declared > max_bytes:
        raise FetchError(FetchReason.TOO_LARGE,
                         f"{response.url} announces {declared} bytes, over {max_bytes}",
                         url=str(response.url))


def _read_capped(response: httpx.Response, max_bytes: int, deadline: _Deadline) -> bytes:
    """The decoded body, stopping as soon as it passes `max_bytes` (a gzip bomb included).

    The raw bytes are read and decoded here, not by httpx, whose decoder expands a whole
    network chunk at once before any cap can look at it.
    """
    decoder = BodyDecoder(response.headers.get("content-encoding", ""), max_bytes,
                          str(response.url))
    chunks: list[bytes] = []
    # 64 KiB reads: small enough to stop soon after the cap, large enough to be cheap.
    for raw in response.iter_raw(chunk_size=65536):
        chunks.append(decoder.feed(raw))
        deadline.remaining()  # a slow trickle must not outlive the budget
    chunks.append(decoder.finish())
    return b"".join(chunks)


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head
