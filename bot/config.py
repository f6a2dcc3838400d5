"""The bot's configuration: the index sections plus the bot's own, all validated.

Secrets never live in the file: the token and the webhook secret come from the
environment only. Admin rights come from numeric user ids, never from usernames.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from index import ConfigError, IndexConfig, load_config, require

TELEGRAM_API_URL = "https://api.telegram.org/bot"
MAX_ANNOUNCEMENT_CHARS = 4000  # a Telegram message holds 4096, with room for the heading


@dataclass(frozen=True)
class BotSection:
    max_question_chars: int = 1000
    rate_limit_questions: int = 10       # per user ...
    rate_limit_seconds: int = 60         # ... per this window
    page_ttl_hours: int = 48             # "Lainnya" buttons older than this expire
    concurrent_updates: int = 64
    inline_limit_queries: int = 60       # inline queries per user (one per keystroke) ...
    inline_limit_seconds: int = 60       # ... per this window; the excess gets no results
    search_queue_depth: int = 100        # searches waiting beyond this: "sedang sibuk"

    def validate(self) -> None:
        require(self.max_question_chars >= 10, "bot.max_question_chars must be at least 10")
        require(self.rate_limit_questions >= 1, "bot.rate_limit_questions must be at least 1")
        require(self.rate_limit_seconds >= 1, "bot.rate_limit_seconds must be at least 1")
        require(self.inline_limit_queries >= 1, "bot.inline_limit_queries must be at least 1")
        require(self.inline_limit_seconds >= 1, "bot.inline_limit_seconds must be at least 1")
        require(self.search_queue_depth >= 1, "bot.search_queue_depth must be at least 1")
        require(self.page_ttl_hours >= 1, "bot.page_ttl_hours must be at least 1")
        require(self.concurrent_updates >= 1, "bot.concurrent_updates must be at least 1")


@dataclass(frozen=True)
class ScheduledAnnouncement:
    cron: str
    text: str = ""
    statement_of_the_day: bool = False

    def validate(self) -> None:
        from bot.schedule import parse_cron  # local: keeps config import light

        parse_cron(self.cron)
        require(len(self.text.encode("utf-16-le")) // 2 <= MAX_ANNOUNCEMENT_CHARS,
                f"announcements.scheduled ({self.cron!r}): text is longer than "
                f"{MAX_ANNOUNCEMENT_CHARS} characters, more than one Telegram message holds")
        require(bool(self.text.strip()) != self.statement_of_the_day,
                 f"announcements.scheduled ({self.cron!r}): give either text or "
                 "statement_of_the_day: true, not both")


@dataclass(frozen=True)
class AnnouncementsSection:
    timezone: str = "Asia/Jakarta"
    scheduled: list[ScheduledAnnouncement] = field(default_factory=list)

    def validate(self) -> None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(f"announcements.timezone: unknown timezone {self.timezone!r}") from exc


@dataclass(frozen=True)
class WebhookSection:
    url: str = ""              # public HTTPS URL Telegram posts to, e.g. https://bot.example.go.id
    listen: str = "0.0.0.0"
    port: int = 8443
    path: str = "telegram"

    def validate(self) -> None:
        require(0 < self.port < 65536, "telegram.webhook.port must be a TCP port number")
        require(not self.url or self.url.startswith(("http://", "https://")),
                "telegram.webhook.url must be an http(s) URL")


@dataclass(frozen=True)
class TelegramSection:
    mode: str = "polling"      # or "webhook"
    api_url: str = TELEGRAM_API_URL
    webhook: WebhookSection = field(default_factory=WebhookSection)

    def validate(self) -> None:
        require(self.mode in ("polling", "webhook"), "telegram.mode must be polling or webhook")
        require(self.api_url.startswith(("http://", "https://")),
                 "telegram.api_url must be an http(s) URL")


@dataclass(frozen=True)
class HealthSection:
    enabled: bool = False      # always on in webhook mode
    listen: str = "127.0.0.1"
    port: int = 8080

    def validate(self) -> None:
        require(0 < self.port < 65536, "health.port must be a TCP port number")


@dataclass(frozen=True)
class PrivacySection:
    retention_days: int = 90   # questions (and answers) older than this are deleted

    def validate(self) -> None:
        require(self.retention_days >= 1, "privacy.retention_days must be at least 1")


@dataclass(frozen=True)
class AppConfig(IndexConfig):
    bot: BotSection = field(default_factory=BotSection)
    admins: list[int] = field(default_factory=list)
    announcements: AnnouncementsSection = field(default_factory=AnnouncementsSection)
    telegram: TelegramSection = field(default_factory=TelegramSection)
    health: HealthSection = field(default_factory=HealthSection)
    privacy: PrivacySection = field(default_factory=PrivacySection)

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admins


def load_app_config(path: str | Path, *, data_dir: Path = Path("data"),
                    environ: Mapping[str, str] | None = None, webhook: bool = False) -> AppConfig:
    """The file, then the environment given by the entry point on top: BOT_ADMIN_IDS adds
    admins, TELEGRAM_API_URL replaces the API base URL, BOT_HEALTH_PORT turns the health
    endpoint on at that port and BOT_HEALTH_LISTEN sets its address (the image sets both,
    listening on 0.0.0.0 for the orchestrator's probe), --webhook forces webhook mode."""
    environ = environ or {}
    config = load_config(path, AppConfig, data_dir=data_dir)
    health = config.health
    if environ.get("BOT_HEALTH_PORT"):
        health = replace(health, enabled=True, port=_port(environ, "BOT_HEALTH_PORT"))
    if environ.get("BOT_HEALTH_LISTEN"):
        health = replace(health, listen=_address(environ, "BOT_HEALTH_LISTEN"))
    admins = sorted(set(config.admins) | set(_admin_ids(environ)))
    telegram = config.telegram
    if environ.get("TELEGRAM_API_URL"):
        telegram = replace(telegram, api_url=environ["TELEGRAM_API_URL"])
    if webhook:
        telegram = replace(telegram, mode="webhook")
    if telegram.mode == "webhook" and not telegram.webhook.url:
        raise ConfigError("telegram.webhook.url is required in webhook mode")
    return replace(config, admins=admins, telegram=telegram, health=health)


def _port(environ: Mapping[str, str], name: str) -> int:
    raw = environ[name]
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ConfigError(f"{name} must be a TCP port number, got {raw!r}")
    return int(raw)


def _address(environ: Mapping[str, str], name: str) -> str:
    raw = environ[name].strip()
    try:
        ipaddress.ip_address(raw)
    except ValueError:
        if raw != "localhost":
            raise ConfigError(f"{name} must be an IP address to listen on, got {raw!r}") from None
    return raw


def _admin_ids(environ: Mapping[str, str]) -> list[int]:
    raw = environ.get("BOT_ADMIN_IDS", "")
    try:
        return [int(part) for part in raw.replace(" ", "").split(",") if part]
    except ValueError as exc:
        raise ConfigError(f"BOT_ADMIN_IDS must be comma-separated numeric user ids, got {raw!r}") from exc
