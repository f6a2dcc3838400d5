"""Content-Encoding, decoded incrementally under a cap on the decoded size.

httpx decodes each network chunk in one call, so a few hundred bytes of `gzip, gzip` on the
wire become hundreds of megabytes in memory before any size check can run. Here the raw body
is fed in, every decompression call is bounded by what the cap still allows, and the cap
counts decoded bytes as they are produced. Only one coding is accepted (nobody stacks them
but a bomb), and only those the fetcher asks for.
"""

from __future__ import annotations

import zlib

from index.ingest.errors import FetchError, FetchReason

ACCEPT_ENCODING = "gzip, deflate"  # sent, so that a server has no reason to send anything else


class BodyDecoder:
    """Feed raw body bytes, get decoded bytes; at most `max_bytes` of them in all."""

    def __init__(self, content_encoding: str, max_bytes: int, url: str) -> None:
        self._max = max_bytes
        self._url = url
        self._size = 0
        self._inflater = _inflater(content_encoding, url)

    def feed(self, raw: bytes) -> bytes:
        if self._inflater is None:
            return self._count(raw)
        # Ask for one byte more than the cap allows: getting it proves the body too large,
        # and no call ever produces more than that.
        out = self._inflater.decompress(raw, self._max - self._size + 1)
        return self._count(out)

    def finish(self) -> bytes:
        if self._inflater is None:
            return b""
        return self._count(self._inflater.flush())

    def _count(self, data: bytes) -> bytes:
        self._size += len(data)
        if self._size > self._max:
            raise FetchError(FetchReason.TOO_LARGE,
                             f"{self._url} is larger than {self._max} bytes (decoded)",
                             url=self._url)
        return data


class _Deflate:
    """zlib-wrapped deflate, or raw deflate as some servers send it, decided on first data."""

    def __init__(self) -> None:
        self._inner: zlib._Decompress | None = None

    def decompress(self, data: bytes, max_length: int) -> bytes:
        if self._inner is None:
            self._inner = zlib.decompressobj(zlib.MAX_WBITS)
            try:
                return self._inner.decompress(data, max_length)
            except zlib.error:
                self._inner = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._inner.decompress(data, max_length)

    def flush(self) -> bytes:
        return self._inner.flush() if self._inner else b""


def _inflater(content_encoding: str, url: str) -> zlib._Decompress | _Deflate | None:
    codings = [c.strip().lower() for c in content_encoding.split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if len(codings) > 1:
        raise FetchError(FetchReason.BAD_ENCODING,
                         f"{url} stacks content codings ({content_encoding!r})", url=url)
    if not codings:
        return None
    if codings[0] in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if codings[0] == "deflate":
        return _Deflate()
    raise FetchError(FetchReason.BAD_ENCODING,
                     f"{url} uses content coding {codings[0]!r}, which was not asked for",
                     url=url)
