"""Why an article could not be added: one exception family for every ingest step."""

from __future__ import annotations

from enum import StrEnum


class FetchReason(StrEnum):
    INVALID_URL = "invalid_url"
    PRIVATE_HOST = "private_host"
    DEAD_LINK = "dead_link"
    NOT_HTML = "not_html"
    TOO_LARGE = "too_large"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    NOT_FEED = "not_feed"  # a feed URL that answers with something else than RSS or Atom
    BAD_ENCODING = "bad_encoding"  # stacked or unasked content coding, undecodable text


class IngestError(Exception):
    """An article could not be added. `reason` is a machine-readable code the bot explains
    to the admin; the message is for logs."""

    def __init__(self, reason: StrEnum, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __str__(self) -> str:
        return f"{self.reason}: {self.message}"


class FetchError(IngestError):
    """A page could not be fetched. `status` is set for HTTP errors."""

    def __init__(self, reason: FetchReason, message: str, *, url: str = "",
                 status: int | None = None) -> None:
        super().__init__(reason, message)
        self.url = url
        self.status = status


class ExtractReason(StrEnum):
    NO_ARTICLE = "no_article"
    LISTING = "listing_page"  # a tag page, section front or home page: teasers of many articles


class ExtractError(IngestError):
    """The page holds no article."""
